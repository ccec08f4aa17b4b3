"""`kg serve`: a real Oxigraph endpoint on a loopback port, queried with SPARQLWrapper, plain HTTP and curl."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, GET, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

from kg.cli import FAILED, main
from kg.pipeline import build
from kg.serve import ServeError, canned_queries, start
from kg.sparql import label, query
from kg.store import load
from tests.conftest import ROOT, SEED
from tests.helpers import free_port, rdf11

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's JSON-LD

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
RESULTS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
           "csv": "text/csv", "tsv": "text/tab-separated-values"}
MEETINGS_RQ = ROOT / "queries" / "meetings.rq"
MEETINGS = MEETINGS_RQ.read_text("utf-8")
CONSTRUCT = """PREFIX kg: <https://w3id.org/rmrb-kg/ontology#>
CONSTRUCT { ?m ?p ?o } WHERE { ?m a kg:Meeting ; ?p ?o }"""
DESCRIBE = "DESCRIBE <https://w3id.org/rmrb-kg/resource/place/河北省>"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serve") / "build"
    build([SEED], out, html=False, check=False, progress=False)
    return out


class Running:
    """A `kg serve` process started as a user would, and the URLs it serves."""

    def __init__(self, process: subprocess.Popen, port: int, page_port: int) -> None:
        self.process, self.port, self.page_port = process, port, page_port
        self.endpoint = f"http://127.0.0.1:{port}/query"
        self.page = f"http://127.0.0.1:{page_port}/"

    def stop(self) -> tuple[int, str]:
        """SIGTERM, as `kill` sends; the status and what the server printed."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            out, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # its own process group: Oxigraph goes too
            out, _ = self.process.communicate(timeout=20)
        return self.process.returncode, out


def serve(*args: str) -> Running:
    port, page_port = free_port(), free_port()
    command = [sys.executable, "-m", "kg.cli", "serve", *args, "--port", str(port), "--page-port", str(page_port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    running = Running(process, port, page_port)
    for _ in range(300):  # up to 30 s
        if process.poll() is not None:
            raise AssertionError(f"kg serve stopped: {running.stop()[1]}")
        try:
            with urllib.request.urlopen(running.page, timeout=1):
                return running  # the page server starts last
        except OSError:
            time.sleep(0.1)
    running.stop()
    raise AssertionError("kg serve did not answer within 30 s")


@pytest.fixture(scope="module")
def server(built):
    running = serve(str(built))
    try:
        yield running
    finally:
        running.stop()


def reference(built: Path, sparql: str | Path, bindings: dict | None = None) -> list[tuple[str, ...]]:
    """The rows rdflib gives for the same query on the same graph, as strings."""
    result = query(load(built / "graph.ttl"), sparql, bindings)
    return sorted(tuple("" if row[v] is None else str(row[v]) for v in result.vars) for row in result)


def rows(fmt: str, body: bytes) -> list[tuple[str, ...]]:
    """The rows of a SPARQL result document in ``fmt``, as the strings of the values."""
    if fmt == "json":
        data = json.loads(body)
        names = data["head"]["vars"]
        return sorted(tuple(b.get(v, {}).get("value", "") for v in names) for b in data["results"]["bindings"])
    if fmt == "xml":
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        root = ET.fromstring(body)
        names = [v.get("name") for v in root.iterfind("r:head/r:variable", ns)]
        out = []
        for result in root.iterfind("r:results/r:result", ns):
            values = {b.get("name"): b[0].text or "" for b in result.iterfind("r:binding", ns)}
            out.append(tuple(values.get(v, "") for v in names))
        return sorted(out)
    if fmt == "csv":
        table = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        return sorted(tuple(r) for r in table[1:])
    if fmt == "tsv":
        lines = body.decode("utf-8").rstrip("\n").split("\n")
        assert all(name.startswith("?") for name in lines[0].split("\t"))
        return sorted(tuple(_tsv_value(c) for c in line.split("\t")) for line in lines[1:])
    raise ValueError(fmt)


def _tsv_value(cell: str) -> str:
    if cell.startswith("<") and cell.endswith(">"):
        return cell[1:-1]
    if cell.startswith('"'):
        return json.loads(cell[: cell.rindex('"') + 1])  # N-Triples string escapes are JSON's
    return cell


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read()


def count(endpoint: str, sparql: str) -> int:
    _status, _media, body = http(f"{endpoint}?query={urllib.parse.quote(sparql)}", headers={"Accept": RESULTS["csv"]})
    [(n,)] = rows("csv", body)
    return int(n)


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_in_every_result_format(server, built, fmt, method):
    sparql = SPARQLWrapper(server.endpoint)
    sparql.setQuery(MEETINGS)
    sparql.setMethod(method)
    sparql.setReturnFormat({"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV}[fmt])
    result = sparql.query()
    assert result.info()["content-type"].startswith(RESULTS[fmt])
    converted = result.convert()  # a dict for JSON, a DOM for XML, bytes for CSV and TSV
    body = json.dumps(converted).encode() if fmt == "json" else converted.toxml("utf-8") if fmt == "xml" else converted
    got = rows(fmt, body)
    assert got == reference(built, MEETINGS_RQ)
    assert any("全省工业会议" in row for row in got)


@pytest.mark.parametrize("rq", QUERIES, ids=[q.name for q in QUERIES])
def test_every_canned_query_answers_as_rdflib_does(server, built, rq):
    sparql = SPARQLWrapper(server.endpoint)
    sparql.setQuery(rq.read_text("utf-8"))
    sparql.setReturnFormat(JSON)
    assert rows("json", json.dumps(sparql.query().convert()).encode()) == reference(built, rq)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_plain_http_get_and_post_with_content_negotiation(server, built, fmt):
    expected = reference(built, MEETINGS_RQ)
    accept = {"Accept": RESULTS[fmt]}
    get = f"{server.endpoint}?{urllib.parse.urlencode({'query': MEETINGS})}"
    form = urllib.parse.urlencode({"query": MEETINGS}).encode()
    for status, media, body in (
        http(get, headers=accept),
        http(server.endpoint, data=form, headers={**accept, "Content-Type": "application/x-www-form-urlencoded"}),
        http(server.endpoint, data=MEETINGS.encode(), headers={**accept, "Content-Type": "application/sparql-query"}),
    ):
        assert (status, media) == (200, RESULTS[fmt])
        assert rows(fmt, body) == expected


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_curl(server, built, fmt):
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("curl is not installed")
    for extra in (["-G"], []):  # GET, then POST
        done = subprocess.run([curl, "-sS", "--fail", "--max-time", "10", *extra, "-H", f"Accept: {RESULTS[fmt]}",
                               "--data-urlencode", f"query@{ROOT / 'queries' / 'meetings.rq'}", server.endpoint],
                              capture_output=True, timeout=30, check=True)
        assert rows(fmt, done.stdout) == reference(built, MEETINGS_RQ)


@pytest.mark.parametrize("sparql_text", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_graph_results_in_turtle_and_jsonld(server, built, sparql_text):
    expected = load(built / "graph.ttl").query(sparql_text).graph
    assert len(expected) > 3
    for method, encoding in ((GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)):
        sparql = SPARQLWrapper(server.endpoint)
        sparql.setQuery(sparql_text)
        sparql.setMethod(method)
        sparql.setRequestMethod(encoding)
        sparql.setReturnFormat(TURTLE)
        result = sparql.query()
        assert result.info()["content-type"].startswith("text/turtle")
        assert rdf11(Graph().parse(data=result.convert(), format="turtle")) == rdf11(expected)
        sparql.setReturnFormat(JSONLD)
        result = sparql.query()
        assert result.info()["content-type"].startswith("application/ld+json")
        assert rdf11(Graph().parse(data=result.response.read(), format="json-ld")) == rdf11(expected)


def test_curl_construct_as_jsonld(server, built):
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("curl is not installed")
    done = subprocess.run([curl, "-sS", "--fail", "--max-time", "10", "-H", "Accept: application/ld+json",
                           "--data-urlencode", f"query={CONSTRUCT}", server.endpoint],
                          capture_output=True, timeout=30, check=True)
    expected = load(built / "graph.ttl").query(CONSTRUCT).graph
    assert rdf11(Graph().parse(data=done.stdout, format="json-ld")) == rdf11(expected)


def test_read_only_by_default(server):
    update = b"INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    status, _media, body = http(server.endpoint.replace("/query", "/update"), data=update,
                                headers={"Content-Type": "application/sparql-update"})
    assert status == 403, body
    put = urllib.request.Request(server.endpoint.replace("/query", "/store?default"), method="PUT",
                                 data=b"<urn:x:a> <urn:x:b> <urn:x:c> .", headers={"Content-Type": "text/turtle"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(put, timeout=10)
    assert refused.value.code == 403
    _status, _media, body = http(server.endpoint, data=b"ASK { <urn:x:a> ?p ?o }",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": RESULTS["json"]})
    assert json.loads(body)["boolean"] is False


def test_query_page_works_offline_with_the_canned_queries(server):
    status, media, body = http(server.page)
    page = body.decode("utf-8")
    assert (status, media) == (200, "text/html")
    for rq in QUERIES:
        assert rq.name in page
    config = json.loads(re.search(r'<script id="config" type="application/json">(.*?)</script>', page, re.S)[1])
    assert config["port"] == server.port and config["update"] is False
    assert {q["name"]: q["text"] for q in config["queries"]} == {rq.name: rq.read_text("utf-8") for rq in QUERIES}
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page), "the page must not load remote assets"
    # The endpoint lets the page (another origin: its own port, or a file) read the answers.
    request = urllib.request.Request(f"{server.endpoint}?query=ASK%7B%7D", headers={"Origin": "null"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] in {"*", "null"}


def test_updates_only_with_allow_update(built, tmp_path):
    with start([built / "graph.nq"], free_port(), allow_update=True, page_port=0) as running:
        sparql = SPARQLWrapper(running.endpoint, updateEndpoint=running.update_endpoint)
        sparql.setMethod(POST)
        sparql.setQuery('INSERT DATA { <urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> "added"@en }')
        sparql.query()
        sparql.setQuery("SELECT ?l WHERE { <urn:x:a> ?p ?l }")
        sparql.setReturnFormat(JSON)
        assert [b["l"]["value"] for b in sparql.query().convert()["results"]["bindings"]] == ["added"]
        # The article's named graph is kept.
        assert count(running.endpoint, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == \
            len(load(built / "graph.nq"))
        workdir = running.location.parent
    assert not workdir.exists(), "the temporary store is removed when the server stops"


def test_a_kept_store_is_served_again(built, tmp_path):
    store = tmp_path / "store"
    with start([built], free_port(), store=store, page_port=0) as running:
        assert running.location == store and not running.temporary
    assert store.is_dir()
    with start([store], free_port(), page_port=0) as running:
        assert count(running.endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == len(load(built / "graph.ttl"))


def test_a_built_store_is_served_with_its_merged_graph(tmp_path):
    out = tmp_path / "build"
    report = build([SEED], out, html=False, check=False, progress=False, store=out / "db")
    with start([out / "db"], free_port(), page_port=0) as running:
        assert count(running.endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == report.triples
        several = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(*) AS ?n) " \
                  "WHERE { ?s rdfs:label ?a, ?b FILTER(?a != ?b && LANG(?a) = LANG(?b)) }"
        assert count(running.endpoint, several) == 0  # one label per language, as in graph.ttl
        articles = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert count(running.endpoint, articles) == report.articles  # provenance: one graph per article


def test_sigterm_stops_oxigraph_and_removes_the_temporary_store(built):
    running = serve(str(built / "graph.ttl"))
    status, out = running.stop()
    assert status == 0, out
    assert "SPARQL endpoint: " + running.endpoint + " (read-only)" in out
    store = Path(re.search(r"^store: (\S+) \(temporary", out, re.M)[1])
    assert not store.exists()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{running.endpoint}?query=ASK%7B%7D", timeout=2)


def test_clear_errors(built, tmp_path, capsys):
    assert main(["serve", str(tmp_path / "missing.ttl"), "--port", str(free_port())]) == FAILED
    assert "missing.ttl: no such graph file" in capsys.readouterr().err
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    assert main(["serve", str(bad), "--port", str(free_port()), "--page-port", "0"]) == FAILED
    assert "bad.ttl: Oxigraph could not load it" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"port {port} on 127.0.0.1 is in use"):
            start([built], port, page_port=0)


def test_canned_queries_carry_their_comments():
    queries = {q["name"]: q for q in canned_queries()}
    assert set(queries) == {rq.name for rq in QUERIES}
    assert queries["meetings.rq"]["about"].startswith("Meetings with their convener, place and date.")


def test_query_page_in_a_browser(server, built):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: browser test skipped")
    chromium = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
    if not chromium.exists():
        pytest.skip(f"{chromium} not found: install Debian's chromium for the browser test")
    elsewhere = []

    def local_only(route) -> None:
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.route("**/*", local_only)
            page.goto(server.page)
            page.select_option("#canned", label="meetings.rq")
            assert page.input_value("#query") == MEETINGS
            page.click("#run")
            page.wait_for_selector("#result table", timeout=10_000)
            cells = page.eval_on_selector_all("#result tr", "rows => rows.map(r => r.innerText)")
            assert len(cells) == 1 + len(reference(built, MEETINGS_RQ)) and any("全省工业会议" in c for c in cells)
            # A query that takes ?name: the box appears and its value is bound, as a label tagged @zh.
            page.select_option("#canned", label="entity_articles.rq")
            assert page.is_visible("#namebox") and not page.is_visible("#orgbox")
            page.fill("#name", "河北省")
            page.click("#run")
            page.wait_for_function("document.querySelector('#status').textContent.startsWith('1 row')",
                                   timeout=10_000)
            assert "河北省" in page.inner_text("#result")
            # meetings.rq takes ?org, which reaches the nested group that starts from it.
            page.select_option("#canned", label="meetings.rq")
            assert page.is_visible("#orgbox") and not page.is_visible("#namebox")
            page.fill("#org", "河北省委")
            page.click("#run")
            expected = reference(built, MEETINGS_RQ, {"org": label("河北省委")})
            assert 0 < len(expected) < len(reference(built, MEETINGS_RQ))
            page.wait_for_function(f"document.querySelector('#status').textContent.startsWith('{len(expected)} row')",
                                   timeout=10_000)
            page.fill("#org", "没有这个组织")
            page.click("#run")
            page.wait_for_function("document.querySelector('#status').textContent.startsWith('0 rows')",
                                   timeout=10_000)
            # ?lang too, where a query takes it.
            page.select_option("#canned", label="top_conveners.rq")
            assert page.is_visible("#langbox") and not page.is_visible("#namebox")
            page.select_option("#lang", "en")
            page.click("#run")
            page.wait_for_selector("#result table", timeout=10_000)
            assert "CPC Hebei Provincial Committee" in page.inner_text("#result")
            page.select_option("#canned", label="entity_articles.rq")
            # Other formats come back as text.
            page.select_option("#accept", "text/csv")
            page.click("#run")
            page.wait_for_selector("#result pre", timeout=10_000)
            assert page.inner_text("#result pre").startswith("entity,class,file,date,page,title")
        finally:
            browser.close()
    assert elsewhere == []
