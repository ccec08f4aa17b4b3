"""`kg push`: the Graph Store HTTP Protocol into a real `oxigraph serve`, read back triple for triple."""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from kg.cli import FAILED, OK, main
from kg.export import load_dataset, named_graphs, union
from kg.push import Auth, PushError, fetch_graph, graph_url, push
from kg.serve import oxigraph_binary
from tests.helpers import free_port, rdf11


@contextlib.contextmanager
def oxigraph(mode: str, location: Path):
    """Start ``oxigraph MODE`` on a free loopback port; yield its base URL; always stop it."""
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), mode, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            assert process.poll() is None, f"oxigraph {mode} stopped with status {process.returncode}"
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    with oxigraph("serve", tmp_path_factory.mktemp("oxigraph") / "store") as url:
        yield url


@pytest.fixture
def store(oxigraph_server) -> str:
    """The Graph Store endpoint of the running server, emptied."""
    request = urllib.request.Request(f"{oxigraph_server}/update", data=b"CLEAR ALL",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=10).close()
    return f"{oxigraph_server}/store"


def sparql(store: str, text: str) -> list[dict]:
    url = store.replace("/store", "/query") + "?" + urllib.parse.urlencode({"query": text})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["results"]["bindings"]


def test_push_round_trips_one_named_graph_per_article(built, store, capsys):
    assert main(["push", str(built), "--endpoint", store]) == OK
    dataset = load_dataset(built / "graph.nq")
    graphs = named_graphs(dataset)
    assert len(graphs) == 4
    total = sum(len(g) for g in graphs)
    assert f"pushed {total} triples: replaced 4 graph(s) at {store}" in capsys.readouterr().out
    for graph in graphs:  # read back through the Graph Store protocol, graph by graph
        assert rdf11(fetch_graph(store, str(graph.identifier))) == rdf11(graph)
    counts = sparql(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert {b["g"]["value"]: int(b["n"]["value"]) for b in counts} == {str(g.identifier): len(g) for g in graphs}
    # PUT replaces: pushing again leaves the same triples.
    assert main(["push", str(built / "graph.nq"), "--endpoint", store]) == OK
    assert rdf11(fetch_graph(store, str(graphs[0].identifier))) == rdf11(graphs[0])


def test_push_into_one_graph(built, store):
    report = push([built / "graph.ttl"], store, "https://example.org/graphs/rmrb")
    expected = union(load_dataset(built / "graph.ttl"))
    assert report.graphs == [("https://example.org/graphs/rmrb", len(expected), 201)]
    assert rdf11(fetch_graph(store, "https://example.org/graphs/rmrb")) == rdf11(expected)
    assert sparql(store, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g != <https://example.org/graphs/rmrb>) }") \
        == []


def test_triples_without_named_graphs_go_to_the_default_graph(built, store):
    push([built / "graph.ttl"], store)
    assert rdf11(fetch_graph(store)) == rdf11(union(load_dataset(built / "graph.ttl")))


def test_append_adds_instead_of_replacing(built, tmp_path, store):
    extra = tmp_path / "extra.nt"
    extra.write_text('<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n', "utf-8")
    iri = "https://example.org/graphs/g"
    push([built / "graph.ttl"], store, iri)
    assert main(["push", str(extra), "--endpoint", store, "--graph", iri, "--append"]) == OK
    assert len(fetch_graph(store, iri)) == len(union(load_dataset(built / "graph.ttl"))) + 1
    assert main(["push", str(extra), "--endpoint", store, "--graph", iri]) == OK
    assert len(fetch_graph(store, iri)) == 1


def test_a_read_only_server_refuses_with_its_status(built, tmp_path, capsys):
    location = tmp_path / "ro"
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(built / "graph.nq")],
                   check=True, capture_output=True, timeout=60)
    with oxigraph("serve-read-only", location) as url:
        assert main(["push", str(built), "--endpoint", f"{url}/store"]) == FAILED
        err = capsys.readouterr().err
        assert f"kg push: {url}/store refused graph <" in err and "HTTP 403 Forbidden" in err


def test_unreachable_endpoint_and_bad_arguments(built, capsys):
    port = free_port()
    assert main(["push", str(built), "--endpoint", f"http://127.0.0.1:{port}/store"]) == FAILED
    assert f"cannot reach http://127.0.0.1:{port}/store" in capsys.readouterr().err
    assert main(["push", str(built), "--endpoint", "ftp://example.org/store"]) == FAILED
    assert "not an http(s) URL" in capsys.readouterr().err
    assert main(["push", str(built), "--endpoint", f"http://127.0.0.1:{port}/store", "--graph", "rmrb"]) == FAILED
    assert "--graph takes an absolute IRI" in capsys.readouterr().err
    assert main(["push", str(built / "missing.nq"), "--endpoint", f"http://127.0.0.1:{port}/store"]) == FAILED
    assert "missing.nq: no such graph file" in capsys.readouterr().err


def test_graph_urls():
    assert graph_url("http://h/store", None) == "http://h/store?default"
    assert graph_url("http://h/store", "https://w3id.org/rmrb-kg/resource/article/1") == \
        "http://h/store?graph=https%3A%2F%2Fw3id.org%2Frmrb-kg%2Fresource%2Farticle%2F1"
    assert graph_url("http://h/sparql-graph-crud-auth?x=1", "urn:g") == \
        "http://h/sparql-graph-crud-auth?x=1&graph=urn%3Ag"


class _Guarded(BaseHTTPRequestHandler):
    """A Graph Store stand-in that only checks credentials: 401 without the expected Authorization header."""

    expected = ""
    seen: list[tuple[str, str, str, str]] = []  # noqa: RUF012 (one handler class per test server)

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append((self.command, self.path, self.headers.get("Authorization", ""), body.decode("utf-8")))
        status = 204 if self.headers.get("Authorization") == self.expected else 401
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="store"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def _guarded(expected: str, requests: int):
    """A loopback server that answers at most ``requests`` requests, each within 10 s, then stops."""
    handler = type("Handler", (_Guarded,), {"expected": expected, "seen": []})
    server = HTTPServer(("127.0.0.1", 0), handler)
    server.timeout = 10

    def loop() -> None:
        for _ in range(requests):
            server.handle_request()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return server, handler, thread


@pytest.mark.parametrize(("argv", "env", "header"), [
    (["--user", "loader:s3cret"], {}, "Basic " + base64.b64encode(b"loader:s3cret").decode()),
    (["--user", "loader"], {"KG_PUSH_PASSWORD": "from-env"}, "Basic " + base64.b64encode(b"loader:from-env").decode()),
    (["--token", "tok-123"], {}, "Bearer tok-123"),
    ([], {"KG_PUSH_TOKEN": "tok-env"}, "Bearer tok-env"),
])
def test_credentials_are_sent(built, monkeypatch, argv, env, header):
    for name in ("KG_PUSH_PASSWORD", "KG_PUSH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    server, handler, thread = _guarded(header, requests=1)
    try:
        endpoint = f"http://127.0.0.1:{server.server_port}/store"
        assert main(["push", str(built / "graph.ttl"), "--endpoint", endpoint, "--graph", "urn:g", *argv]) == OK
        thread.join(timeout=10)
        [(method, path, authorization, body)] = handler.seen
        assert (method, path, authorization) == ("PUT", "/store?graph=urn%3Ag", header)
        assert "全省工业会议" in body
    finally:
        server.server_close()


def test_wrong_credentials_are_refused_with_the_status(built, capsys):
    server, _handler, thread = _guarded("Bearer right", requests=1)
    try:
        endpoint = f"http://127.0.0.1:{server.server_port}/store"
        assert main(["push", str(built / "graph.ttl"), "--endpoint", endpoint, "--token", "wrong"]) == FAILED
        assert f"{endpoint} refused the default graph: HTTP 401 Unauthorized" in capsys.readouterr().err
        thread.join(timeout=10)
    finally:
        server.server_close()


def test_auth_options_that_do_not_go_together():
    with pytest.raises(ValueError, match="not both"):
        Auth(user="a", token="t")
    with pytest.raises(ValueError, match="digest auth needs a user"):
        Auth(digest=True)
    with pytest.raises(PushError, match="cannot reach"):
        fetch_graph(f"http://127.0.0.1:{free_port()}/store")
