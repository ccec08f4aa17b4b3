"""`kg serve`: a SPARQL 1.1 Protocol endpoint on the Oxigraph server, and an offline query page with the canned queries.

The protocol (queries by GET and POST, content negotiation, updates, the Graph Store protocol) is all Oxigraph's:
this module loads the graph into an Oxigraph store, starts ``oxigraph serve-read-only`` (or ``oxigraph serve`` with
``allow_update``), and serves one static HTML page beside it, since Oxigraph cannot serve a page of its own.
"""

from __future__ import annotations

import functools
import html
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from kg.export import graph_files
from kg.oxigraph_store import has_merged_graph, is_store
from kg.store import format_for

QUERIES = Path(str(resources.files("kg.queries")))  # the canned queries, shipped in the package
MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "nquads": "application/n-quads",
               "trig": "application/trig", "json-ld": "application/ld+json", "xml": "application/rdf+xml",
               "n3": "text/n3"}


class ServeError(RuntimeError):
    """The server could not be set up or started."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary: ``$KG_OXIGRAPH``, else the one the ``oxigraph`` package installed."""
    candidates = [os.environ.get("KG_OXIGRAPH"), shutil.which("oxigraph"),
                  str(Path(sysconfig.get_path("scripts")) / "oxigraph"), str(Path(sys.executable).parent / "oxigraph")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ServeError("the Oxigraph server is not installed (pip install oxigraph), or set KG_OXIGRAPH to its binary")


def load_store(inputs: list[str | Path], location: str | Path) -> Path:
    """Load graph files (or build folders: their graph.nq) into the Oxigraph store at ``location``."""
    location = Path(location)
    binary = oxigraph_binary()
    for path in graph_files(inputs):
        command = [binary, "load", "--location", str(location), "--file", str(path),
                   "--format", MEDIA_TYPES[format_for(path)]]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            detail = next((line for line in done.stderr.splitlines() if line.startswith("Error")), done.stderr.strip())
            raise ServeError(f"{path}: Oxigraph could not load it: {detail}")
    return location


def canned_queries(folder: str | Path | None = None) -> list[dict[str, str]]:
    """The ``.rq`` files of ``folder`` (default: the project's ``queries/``): name, description and text."""
    folder = Path(folder) if folder is not None else QUERIES
    queries = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
        queries.append({"name": path.name, "about": " ".join(comments), "text": text})
    return queries


def query_page(port: int, *, allow_update: bool = False, queries: list[dict[str, str]] | None = None) -> str:
    """A self-contained HTML page that runs queries against the endpoint on ``port``: no remote assets."""
    config = {"port": port, "update": allow_update, "queries": queries if queries is not None else canned_queries()}
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    options = "\n".join(f'<option value="{i}">{html.escape(q["name"])}</option>'
                        for i, q in enumerate(config["queries"]))
    return PAGE.replace("{{options}}", options).replace("{{config}}", data)


def _free_to_bind(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers themselves do
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


class _PageHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the page is one static file."""


class _PageServer6(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@dataclass
class Server:
    """A running Oxigraph server, and the query page's server; stop it with :meth:`stop` or a ``with`` block."""

    process: subprocess.Popen
    host: str
    port: int
    allow_update: bool
    location: Path
    page: Path
    temporary: bool = False
    page_port: int | None = None
    _page_server: ThreadingHTTPServer | None = None
    _workdir: tempfile.TemporaryDirectory | None = None
    _log: BinaryIO | None = None
    _stopped: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def endpoint(self) -> str:
        """The SPARQL query endpoint."""
        return f"{self.url}/query"

    @property
    def update_endpoint(self) -> str:
        return f"{self.url}/update"

    @property
    def store_endpoint(self) -> str:
        """The SPARQL 1.1 Graph Store HTTP Protocol endpoint."""
        return f"{self.url}/store"

    @property
    def page_url(self) -> str | None:
        if self.page_port is None:
            return None
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.page_port}/"

    def wait(self) -> int:
        """Block until the Oxigraph server exits; its exit status."""
        return self.process.wait()

    def stop(self) -> None:
        """Stop both servers and remove the temporary folder (and so a temporary store)."""
        if self._stopped:
            return
        self._stopped = True
        if self._page_server is not None:
            self._page_server.shutdown()
            self._page_server.server_close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
        if self._workdir is not None:
            self._workdir.cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    source: list[str | Path] | str | Path,
    port: int = 7878,
    *,
    host: str = "127.0.0.1",
    allow_update: bool = False,
    page_port: int | None = None,
    store: str | Path | None = None,
    queries: str | Path | None = None,
    timeout: float = 60.0,
) -> Server:
    """Serve graph files, build folders or one Oxigraph store folder; return once the endpoint answers.

    Graph files are loaded into a temporary store (or into ``store``, kept for later ``kg serve STORE``), named
    graphs and all; queries see the union of the graphs. ``page_port`` None means ``port + 1``; 0 means no page.
    """
    sources = [source] if isinstance(source, (str, Path)) else list(source)
    if not sources:
        raise ValueError("nothing to serve: give graph files, a build folder or an Oxigraph store folder")
    if page_port is None:
        page_port = port + 1
    for p in (port, page_port):
        if p and not _free_to_bind(host, p):
            raise ServeError(f"port {p} on {host} is in use; choose another with --port / --page-port")
    workdir = tempfile.TemporaryDirectory(prefix="kg-serve-")
    try:
        work = Path(workdir.name)
        if len(sources) == 1 and is_store(sources[0]):
            location = Path(sources[0])
        else:
            if store is not None and Path(store).exists() and any(Path(store).iterdir()):
                raise ServeError(f"{store}: not empty; give a new folder to keep the store in")
            location = load_store(sources, store if store is not None else work / "store")
        page = work / "page" / "index.html"
        page.parent.mkdir()
        page.write_text(query_page(port, allow_update=allow_update, queries=canned_queries(queries)),
                        encoding="utf-8")
        # A store that kg build wrote has the merged graph as its default graph: the union would add every
        # article's labels to it. Graphs loaded here and other stores have their triples in named graphs.
        union = [] if has_merged_graph(location) else ["--union-default-graph"]
        command = [oxigraph_binary(), "serve" if allow_update else "serve-read-only", "--location", str(location),
                   "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}", *union, "--cors"]
        log = open(work / "oxigraph.log", "w+b")  # noqa: SIM115 (closed by Server.stop)
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    except BaseException:
        workdir.cleanup()
        raise
    server = Server(process, host, port, allow_update, location, page, temporary=location.is_relative_to(work),
                    _workdir=workdir, _log=log)
    try:
        _wait_until_ready(server, log, timeout)
        if page_port:
            handler = functools.partial(_PageHandler, directory=str(page.parent))
            server_class = _PageServer6 if ":" in host else ThreadingHTTPServer
            server._page_server = server_class((host, page_port), handler)
            server.page_port = page_port
            threading.Thread(target=server._page_server.serve_forever, name="kg-serve-page", daemon=True).start()
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: Server, log: BinaryIO, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    probe = f"{server.endpoint}?query=ASK%7B%7D"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # a local server: never through a proxy
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log.seek(0)
            lines = log.read().decode("utf-8", "replace").strip().splitlines()
            reason = next((line for line in lines if "rror" in line), lines[0] if lines else "no message")
            raise ServeError(f"the Oxigraph server stopped at once (status {server.process.returncode}): {reason}")
        try:
            with direct.open(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise ServeError(f"the Oxigraph server did not answer on {server.url} within {timeout:g} s")


PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>rmrb-kg · SPARQL</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; max-width: 80em; }
textarea { width: 100%; font: 13px/1.35 ui-monospace, monospace; }
table { border-collapse: collapse; margin-top: .8em; }
td, th { border: 1px solid #ccc; padding: .2em .5em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
pre { background: #f7f7f7; padding: .6em; overflow: auto; }
.about { color: #555; }
.error { color: #b00; }
label { margin-right: 1em; }
</style>
</head>
<body>
<h1>rmrb-kg SPARQL endpoint</h1>
<p>Endpoint <input id="endpoint" size="45"> <span id="mode"></span></p>
<p><label>Canned query <select id="canned"><option value="">(write your own)</option>
{{options}}
</select></label>
<label id="namebox" hidden>?name = <input id="name" placeholder="a label, exact: 河北省"></label>
<label id="orgbox" hidden>?org = <input id="org" placeholder="a label, exact: 河北省委"></label>
<label id="langbox" hidden>?lang = <select id="lang"><option value="">zh (default)</option>
<option value="en">en</option><option value="zh-Latn-pinyin">zh-Latn-pinyin</option></select></label></p>
<p class="about" id="about"></p>
<textarea id="query" rows="18" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><label>Results as <select id="accept">
<option value="application/sparql-results+json">table (SPARQL JSON)</option>
<option value="application/sparql-results+xml">SPARQL XML</option>
<option value="text/csv">CSV</option>
<option value="text/tab-separated-values">TSV</option>
<option value="text/turtle">Turtle (CONSTRUCT, DESCRIBE)</option>
<option value="application/ld+json">JSON-LD (CONSTRUCT, DESCRIBE)</option>
</select></label>
<button id="run">Run query</button> <button id="update" hidden>Run as update</button></p>
<p id="status"></p>
<div id="result"></div>
<script id="config" type="application/json">{{config}}</script>
<script>
"use strict";
const CONFIG = JSON.parse(document.getElementById("config").textContent);
const $ = (id) => document.getElementById(id);
const hostname = location.protocol.startsWith("http") ? location.hostname : "127.0.0.1";
const host = hostname.includes(":") && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;  // IPv6
$("endpoint").value = "http://" + host + ":" + CONFIG.port;
$("mode").textContent = CONFIG.update ? "(updates allowed)" : "(read-only)";
$("update").hidden = !CONFIG.update;

$("canned").addEventListener("change", () => {
  const q = CONFIG.queries[$("canned").value];
  $("query").value = q ? q.text : "";
  $("about").textContent = q ? q.about : "";
  showParameters();
});
$("query").addEventListener("input", showParameters);
// The variables a canned query leaves for the user to bind, as its "# Parameters:" line names them.
const PARAMETERS = ["name", "org", "lang"];
const LABELS = new Set(["name", "org"]);  // matched exactly against labels: the value needs its language tag
function showParameters() {
  const line = ($("query").value.match(/^#\s*Parameters:(.*)$/m) || ["", ""])[1];
  for (const p of PARAMETERS) $(p + "box").hidden = !new RegExp("[?$]" + p + "\\b").test(line);
}

// As kg query does: each value replaces its variable in the text as one escaped RDF term (strings, IRIs and
// comments are skipped), and BOUND(?p) becomes true. A VALUES row would not reach the nested groups.
const TOKENS = new RegExp([
  '"{3}(?:[^"\\\\]|\\\\.|"(?!"{2}))*"{3}', "'{3}(?:[^'\\\\]|\\\\.|'(?!'{2}))*'{3}",
  '"(?:[^"\\\\\\n]|\\\\.)*"', "'(?:[^'\\\\\\n]|\\\\.)*'", '<[^<>"{}|^`\\\\\\s]*>', "#[^\\n]*",
  "\\bBOUND\\s*\\(\\s*[?$]([A-Za-z_]\\w*)\\s*\\)", "[?$]([A-Za-z_]\\w*)"].join("|"), "gi");
function withParameters(text) {
  const values = new Map();
  for (const p of PARAMETERS) {
    const value = $(p).value;
    if ($(p + "box").hidden || !value) continue;
    const tag = !LABELS.has(p) ? "" : /[\u4e00-\u9fff]/.test(value) ? "@zh" : "@en";
    const escaped = value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r");
    values.set(p, '"' + escaped + '"' + tag);
  }
  if (!values.size) return text;
  return text.replace(TOKENS, (token, bound, variable) =>
    bound ? (values.has(bound) ? "true" : token) : (variable && values.has(variable) ? values.get(variable) : token));
}

async function send(kind) {
  const form = new URLSearchParams();
  form.set(kind, withParameters($("query").value));
  $("status").textContent = "running…"; $("status").className = ""; $("result").textContent = "";
  const started = performance.now();
  try {
    const response = await fetch($("endpoint").value.replace(/\/$/, "") + "/" + kind, {
      method: "POST", body: form,
      headers: kind === "query" ? { "Accept": $("accept").value } : {},
    });
    const body = await response.text();
    const took = ((performance.now() - started) / 1000).toFixed(2) + " s";
    if (!response.ok) {
      $("status").textContent = "HTTP " + response.status + " " + response.statusText + ": " + body;
      $("status").className = "error";
      return;
    }
    const type = response.headers.get("content-type") || "";
    if (type.includes("sparql-results+json")) {
      const rows = render(JSON.parse(body));
      $("status").textContent = rows + " · " + took;
    } else {
      const pre = document.createElement("pre"); pre.textContent = body || "(done)"; $("result").append(pre);
      $("status").textContent = (type || "done") + " · " + took;
    }
  } catch (error) {
    $("status").textContent = "could not reach the endpoint: " + error; $("status").className = "error";
  }
}

function render(json) {
  if ("boolean" in json) { $("result").textContent = String(json.boolean); return "ASK"; }
  const vars = json.head.vars, table = document.createElement("table"), head = table.insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
  for (const binding of json.results.bindings) {
    const row = table.insertRow();
    for (const v of vars) {
      const cell = row.insertCell(), term = binding[v];
      if (!term) continue;
      cell.textContent = term.type === "uri"
        ? term.value.replace("https://w3id.org/rmrb-kg/resource/", "kgr:")
        : term.value + (term["xml:lang"] ? " @" + term["xml:lang"] : "");
      if (term.type === "uri") cell.title = term.value;
    }
  }
  $("result").append(table);
  const n = json.results.bindings.length;
  return n + (n === 1 ? " row" : " rows");
}

$("run").addEventListener("click", () => send("query"));
$("update").addEventListener("click", () => send("update"));
$("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) send("query"); });
</script>
</body>
</html>
"""
