"""`kg push`: send a built graph to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

Each graph goes in one request, ``PUT`` (replace the graph) or ``POST`` (add to it), to ``ENDPOINT?graph=IRI``
(``ENDPOINT?default`` for the default graph). The body is N-Triples sent as ``text/turtle``: every N-Triples
document is Turtle, and Turtle is the one syntax every Graph Store endpoint accepts.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.export import load_dataset, named_graphs, union

CONTENT_TYPE = "text/turtle; charset=utf-8"


class PushError(RuntimeError):
    """The endpoint could not be reached, or refused a graph."""


@dataclass
class Auth:
    """Credentials: HTTP basic (or digest) with ``user``/``password``, or a bearer ``token``."""

    user: str | None = None
    password: str | None = None
    token: str | None = None
    digest: bool = False

    def __post_init__(self) -> None:
        if self.token and self.user:
            raise ValueError("give either a user (basic or digest auth) or a token, not both")
        if self.digest and not self.user:
            raise ValueError("digest auth needs a user")


@dataclass
class PushReport:
    """The graphs sent, each with its IRI (None: the default graph), triple count and HTTP status."""

    graphs: list[tuple[str | None, int, int]] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(n for _iri, n, _status in self.graphs)


def graph_url(endpoint: str, graph: str | None) -> str:
    """``endpoint?graph=IRI`` (percent-encoded), or ``endpoint?default`` for the default graph."""
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}graph={urllib.parse.quote(graph, safe='')}"


def _opener(endpoint: str, auth: Auth) -> tuple[Callable, dict[str, str]]:
    headers: dict[str, str] = {}
    handlers: list[urllib.request.BaseHandler] = []
    if auth.token:
        headers["Authorization"] = f"Bearer {auth.token}"
    elif auth.user and auth.digest:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, endpoint, auth.user, auth.password or "")
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
    elif auth.user:  # sent up front: the request body need not be sent twice, as a challenge would make it
        pair = f"{auth.user}:{auth.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return urllib.request.build_opener(*handlers).open, headers


def send_graph(
    endpoint: str,
    graph: Graph,
    iri: str | None = None,
    *,
    auth: Auth | None = None,
    replace: bool = True,
    timeout: float = 300.0,
) -> int:
    """Send ``graph`` to the Graph Store endpoint as graph ``iri`` (None: the default graph); the HTTP status."""
    auth = auth or Auth()
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    body = "".join(line + "\n" for line in sorted(set(lines)) if line).encode("utf-8")
    url = graph_url(endpoint, iri)
    open_url, headers = _opener(endpoint, auth)
    request = urllib.request.Request(url, data=body, method="PUT" if replace else "POST",
                                     headers={"Content-Type": CONTENT_TYPE, **headers})
    name = f"graph <{iri}>" if iri else "the default graph"
    try:
        with open_url(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise PushError(f"{endpoint} refused {name}: HTTP {exc.code} {exc.reason}"
                        + (f": {detail}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"cannot reach {endpoint}: {reason}") from None


def push(
    inputs: list[str | Path],
    endpoint: str,
    graph: str | None = None,
    *,
    auth: Auth | None = None,
    replace: bool = True,
    timeout: float = 300.0,
) -> PushReport:
    """Push graph files (or build folders: their graph.nq) to a Graph Store endpoint.

    With ``graph``, all triples go into that one graph. Without it, each named graph of the input (one per article
    in the build's graph.nq) is sent as itself, and triples outside named graphs go to the default graph.
    """
    if not urllib.parse.urlsplit(endpoint).scheme.startswith("http"):
        raise ValueError(f"{endpoint!r} is not an http(s) URL")
    if graph is not None and not urllib.parse.urlsplit(graph).scheme:
        raise ValueError(f"--graph takes an absolute IRI, not {graph!r}")
    dataset = load_dataset(*inputs)
    if graph is not None:
        batches: list[tuple[str | None, Graph]] = [(graph, union(dataset))]
    else:
        batches = [(str(g.identifier), g) for g in named_graphs(dataset)]
        default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        if len(default):
            batches.insert(0, (None, default))
    report = PushReport()
    for iri, triples in batches:
        status = send_graph(endpoint, triples, iri, auth=auth, replace=replace, timeout=timeout)
        report.graphs.append((iri, len(triples), status))
    return report


def fetch_graph(endpoint: str, iri: str | None = None, *, auth: Auth | None = None, timeout: float = 60.0) -> Graph:
    """GET one graph back from a Graph Store endpoint (to check a push)."""
    open_url, headers = _opener(endpoint, auth or Auth())
    accept = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
    request = urllib.request.Request(graph_url(endpoint, iri), headers={"Accept": accept, **headers})
    try:
        with open_url(request, timeout=timeout) as response:
            data, media = response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        name = f"graph <{iri}>" if iri else "the default graph"
        raise PushError(f"{endpoint} refused to return {name}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
    graph = Graph()
    graph.parse(data=data, format="xml" if media == "application/rdf+xml" else "turtle")  # N-Triples is Turtle
    return graph

