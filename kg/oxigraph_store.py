"""The on-disk store for large graphs: an Oxigraph (pyoxigraph) store folder, written by ``kg build --store``.

The store holds the dataset of an in-memory build's ``graph.nq`` and ``graph.ttl`` together: one named graph per
article (what that article says, for provenance and for incremental builds), and in the default graph the merged
graph, the same triples as ``graph.ttl`` (one ``rdfs:label`` per language). Queries read the default graph, so they
give the same rows from the store as from the Turtle file. SPARQL runs in Oxigraph, in Rust, and results come back
as rdflib ``Result`` objects, so ``kg.sparql.format_result`` and the Python API treat both alike.
"""

from __future__ import annotations

import functools
import gc
import os
import queue
import re
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from pyoxigraph import Store
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.query import Result

from kg import oxigraph_order
from kg.namespace import KG, KGR
from kg.sparql import PREFIXES, query_text
from kg.store import graph_of, new_graph, publish, without_graph

SCHEME = "oxigraph:"
LOAD_CHUNK = 100_000  # triples per bulk load: about 130 MB of the loader's memory (300,000: twice that, no quicker)
# Where articles gave one node several labels in one language, the shortest (then the first in code-point order)
# stays the label and the others become altLabels: kg.mapping.one_label_per_language, as one SPARQL update.
MERGE_LABELS = """
DELETE { ?node rdfs:label ?label } INSERT { ?node skos:altLabel ?label }
WHERE {
  %s
  ?node rdfs:label ?label, ?other .
  FILTER(lang(?other) = lang(?label)
         && (strlen(?other) < strlen(?label) || (strlen(?other) = strlen(?label) && str(?other) < str(?label))))
}
"""
PINNED_LANGUAGES = ("zh", "zh-Latn-pinyin")  # the labels every article gives a node alike (see LabelWatch)
# A label in another language, within one line of an article's N-Quads: its literal and its language (the subject
# starts the line). It starts with the predicate, which the regex engine finds by a plain string search.
_OTHER_LABEL = re.compile(re.escape(f" <{RDFS.label}> ") + r'("[^\n]*")@(?!'
                          + "|".join(re.escape(f"{tag} ") for tag in PINNED_LANGUAGES) + r")(\S+) <")
MERGE_BATCH = 200  # nodes named in one label merge update
MERGE_ALL_ABOVE = 50_000  # nodes with labels to merge beyond which one update over every label is run instead
TURTLE_PREFIXES = {"kg": str(KG._NS), "kgr": str(KGR), "prov": PREFIXES["prov"], "rdf": PREFIXES["rdf"],
                   "rdfs": PREFIXES["rdfs"], "skos": PREFIXES["skos"], "xsd": PREFIXES["xsd"]}


def store_location(spec: str | Path) -> Path:
    """The folder of a ``--store`` value: ``oxigraph:PATH`` (or a plain path)."""
    text = str(spec)
    if text.startswith(SCHEME):
        text = text[len(SCHEME):]
    elif ":" in text.split("/", 1)[0] and not Path(text).exists():
        raise ValueError(f"--store {spec}: unknown store kind (only oxigraph:PATH is known)")
    if not text:
        raise ValueError("--store oxigraph:PATH needs a folder")
    return Path(text)


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph store folder (RocksDB keeps these two files in every database)."""
    path = Path(path)
    return path.is_dir() and (path / "CURRENT").is_file() and (path / "IDENTITY").is_file()


def has_merged_graph(path: str | Path) -> bool:
    """Whether a store is one ``kg build --store`` wrote: the merged graph in its default graph, articles beside."""
    from kg.manifest import FILENAME

    return is_store(path) and (Path(path) / FILENAME).is_file()


def open_store(path: str | Path) -> ox.Store:
    """An existing store, read-only (so that a server or another reader can have it open at the same time)."""
    path = Path(path)
    if not is_store(path):
        raise FileNotFoundError(f"{path}: not an Oxigraph store (build one with `kg build --store oxigraph:{path}`)")
    return ox.Store.read_only(str(path))


def check_location(location: str | Path) -> Path:
    """``location`` if a store may be written there: a new or empty folder, or an existing store to replace."""
    location = Path(location)
    if location.exists() and (not location.is_dir() or (not is_store(location) and any(location.iterdir()))):
        raise ValueError(f"{location}: not an Oxigraph store, and not empty; give a new or empty folder")
    return location


class LabelWatch:
    """The nodes that articles may have given two labels in one language: the only ones the label merge visits.

    A node's Chinese label and its pinyin are made from the name that its IRI is made from (``kg.resolve``), so
    every article gives a node the same ones (``PINNED_LANGUAGES``; tests/test_mapping.py checks it). Articles can
    differ only in labels of other languages, which each takes from its own English, and in the title of an article
    IRI that two files share. Those labels are watched, a pair of hashes per node and language: a node whose label
    differs from the first one seen is kept. That is far less than a count per labelled node (a ``GROUP BY``:
    650 MB at 100,000 articles), and the merge then reads a few nodes instead of every label in the store.
    """

    def __init__(self) -> None:
        self._first: dict[int, int] = {}  # hash of (node, language) → hash of the first label seen
        self._articles: set[int] = set()
        self.nodes: set[str] = set()
        self.everything = False  # too many nodes, or a blank node (which an update cannot name): merge every label

    def add(self, quads: str) -> None:
        """Watch the labels of one article's N-Quads (from ``kg.store.nquads``)."""
        graph = graph_of(quads)
        if not graph:
            return
        if hash(graph) in self._articles:
            self._differs(graph)
        self._articles.add(hash(graph))
        for m in _OTHER_LABEL.finditer(quads):
            node = quads[quads.rfind("\n", 0, m.start()) + 1:m.start()]
            label = hash(m.group(1))
            if self._first.setdefault(hash((node, m.group(2))), label) != label:
                self._differs(node)

    def _differs(self, node: str) -> None:
        if not self.everything:
            self.nodes.add(node)
            if node.startswith("_:") or len(self.nodes) > MERGE_ALL_ABOVE:
                self.everything, self.nodes = True, set()


def merge_labels(store: ox.Store, nodes: Iterable[str] | None = None) -> None:
    """Keep one ``rdfs:label`` per language on each of ``nodes`` (N-Triples IRIs), or on every node (None)."""
    if nodes is None:
        store.update(MERGE_LABELS % "", prefixes=PREFIXES)
        return
    ordered = sorted(nodes)
    for i in range(0, len(ordered), MERGE_BATCH):
        store.update(MERGE_LABELS % f"VALUES ?node {{ {' '.join(ordered[i:i + MERGE_BATCH])} }}", prefixes=PREFIXES)


class StoreBuilder:
    """Loads articles' N-Quads into a new store beside ``location``, which replaces the old store only on ``commit``.

    Each article's triples go into its named graph and, merged, into the default graph. They are bulk-loaded in
    chunks by a thread of their own while the caller goes on: Oxigraph releases the GIL as it loads, so the load
    overlaps the extraction that makes the triples instead of following it. An interrupted build leaves the previous
    store as it was; its half-built successor is removed next time.
    """

    def __init__(self, location: str | Path) -> None:
        self.location = check_location(location)
        self.location.parent.mkdir(parents=True, exist_ok=True)
        self._work = self.location.with_name(f".{self.location.name}.building")
        shutil.rmtree(self._work, ignore_errors=True)
        self.store: ox.Store | None = None
        self._quads: list[str] = []
        self._triples: list[str] = []
        self._lines = 0
        self._chunks: queue.Queue[tuple[str, str] | None] = queue.Queue(maxsize=2)  # bounded: memory stays flat
        self._loader: threading.Thread | None = None
        self._stop = threading.Event()
        self._failure: BaseException | None = None
        self._labels = LabelWatch()

    def add(self, quads: str) -> None:
        """Add one article's N-Quads (from ``kg.store.nquads``): loaded with the next full chunk."""
        self._labels.add(quads)
        self._quads.append(quads)
        self._triples.append(without_graph(quads))
        self._lines += quads.count("\n")
        if self._lines >= LOAD_CHUNK:
            self._send()

    def _send(self) -> None:
        """Hand the gathered lines to the loading thread, started with the first chunk.

        The store is opened then, not before: RocksDB's threads must not exist yet when the caller's worker pool
        starts (``kg.pipeline.worker_context`` would choose ``spawn`` over ``fork``).
        """
        self._check()
        if self._loader is None:
            self.store = ox.Store(str(self._work))
            self._loader = threading.Thread(target=self._load, name="store-loader", daemon=True)
            self._loader.start()
        self._chunks.put(("".join(self._quads), "".join(self._triples)))
        self._quads, self._triples, self._lines = [], [], 0

    def _load(self) -> None:
        """The loading thread: each chunk into the articles' graphs, then, without the graph names, the default graph.

        In chunks: Oxigraph's bulk loader holds about 1.3 kB a triple of what one call loads (measured), so one call
        for a whole archive would need tens of GB. Lenient: the lines come from rdflib's N-Triples writer, so checking
        every IRI again is wasted time.
        """
        while (chunk := self._chunks.get()) is not None:
            if self._failure is not None or self._stop.is_set():
                continue  # drain: the caller has stopped, or learns of the failure and stops
            quads, triples = chunk
            try:
                self.store.bulk_load(input=quads, format=ox.RdfFormat.N_QUADS, lenient=True)
                self.store.bulk_load(input=triples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(),
                                     lenient=True)
            except BaseException as exc:  # re-raised in the caller's thread
                self._failure = exc

    def _check(self) -> None:
        if self._failure is not None:
            raise RuntimeError(f"loading the store failed: {self._failure}") from self._failure

    def _join(self) -> None:
        if self._loader is not None:
            self._chunks.put(None)
            self._loader.join()
            self._loader = None

    def finish(self) -> None:
        """Load what is left, merge the labels articles gave one node (those LabelWatch found), and compact the store.

        The nodes are few; where there are many, one update over every label is quicker.
        """
        if self._quads or self._loader is None:
            self._send()
        self._join()
        self._check()
        merge_labels(self.store, None if self._labels.everything else self._labels.nodes)
        self.store.optimize()

    @property
    def folder(self) -> Path:
        """Where the store is being built."""
        return self._work

    def commit(self) -> Path:
        self._close()
        old = self.location.with_name(f".{self.location.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if self.location.exists():
            os.replace(self.location, old)
        os.replace(self._work, self.location)
        shutil.rmtree(old, ignore_errors=True)
        return self.location

    def abort(self) -> None:
        self._stop.set()  # the loading thread skips the chunks still queued
        self._close()
        shutil.rmtree(self._work, ignore_errors=True)

    def _close(self) -> None:
        self._join()
        if self.store is not None:
            self.store.flush()
            self.store = None
            gc.collect()  # pyoxigraph closes the database when the Store object goes


LABELS = (ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel)))
_TYPE = ox.NamedNode(str(RDF.type))
# Default-graph triples of the dropped articles that no other article states; run before their graphs go.
_UNSTATED = """
DELETE { ?s ?p ?o } WHERE {
  VALUES ?g { %s }
  GRAPH ?g { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } FILTER(?h NOT IN (%s)) }
}
"""
def replace_articles(store: ox.Store, dropped: Iterable[str], nquads: str) -> tuple[int, Counter[str]]:
    """Update a built store in place: the article graphs ``dropped`` go, the articles of ``nquads`` come in.

    The default graph ends as a full build would leave it: a triple stays while some article still states it,
    and the labels of every node the changed articles name are chosen again from all the articles that name it.
    Returns how the merged graph changed: triples gained, and nodes gained per class IRI (negative for losses).
    """
    dropped = sorted(set(dropped))
    graphs = [ox.NamedNode(g) for g in dropped]
    old = [q for g in graphs for q in store.quads_for_pattern(None, None, None, g)]
    added = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)) if nquads else []
    # Only these merged-graph triples can change: the facts the articles state, the labels of the nodes they name.
    facts = {ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in (*old, *added)
             if q.predicate not in LABELS}
    labelled = {q.subject for q in (*old, *added) if q.predicate in LABELS}
    size, classes = _census(store, facts, labelled)
    for i in range(0, len(dropped), 200):
        names = " ".join(f"<{g}>" for g in dropped[i:i + 200])
        store.update(_UNSTATED % (names, ", ".join(f"<{g}>" for g in dropped)))
    for graph in graphs:
        store.remove_graph(graph)
    store.extend(added)
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in added)
    for node in labelled:
        _relabel(store, node)
    merge_labels(store, (str(node) for node in labelled))
    new_size, new_classes = _census(store, facts, labelled)
    new_classes.subtract(classes)
    return new_size - size, new_classes


def _census(store: ox.Store, facts: Iterable[ox.Quad], labelled: Iterable[ox.NamedNode]) -> tuple[int, Counter[str]]:
    """How many of these merged-graph triples, and labels of these nodes, the store has; and the classes typed."""
    size, classes = 0, Counter()
    for quad in facts:
        if quad in store:
            size += 1
            if quad.predicate == _TYPE:
                classes[quad.object.value] += 1
    for node in labelled:
        for prop in LABELS:
            size += sum(1 for _ in store.quads_for_pattern(node, prop, None, ox.DefaultGraph()))
    return size, classes


def _relabel(store: ox.Store, node: ox.NamedNode) -> None:
    """The node's labels in the merged graph, again from every article that names it (MERGE_LABELS picks after).

    One query per node and property, with both written in: Oxigraph then reads only that node's index range.
    """
    for prop in LABELS:
        for quad in list(store.quads_for_pattern(node, prop, None, ox.DefaultGraph())):
            store.remove(quad)
        found = store.query(f"SELECT DISTINCT ?l WHERE {{ GRAPH ?g {{ {node} {prop} ?l }} }}")
        store.extend(ox.Quad(node, prop, row["l"], ox.DefaultGraph()) for row in found)


def default_graph_size(store: ox.Store) -> int:
    """Triples in the merged graph (``len(store)`` counts the articles' named graphs too)."""
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def class_counts(store: ox.Store, classes: Iterable[str]) -> dict[str, int]:
    """Nodes per ``kg:`` class."""
    rows = store.query("SELECT ?class (COUNT(?node) AS ?n) WHERE { ?node a ?class } GROUP BY ?class")
    counts = {str(row["class"].value): int(row["n"].value) for row in rows}
    return {name: counts.get(str(KG[name]), 0) for name in classes}


def dump(store: ox.Store, path: str | Path | BinaryIO, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> Path | BinaryIO:
    """Serialize the store to ``path`` atomically, or to a binary stream; in Oxigraph's own, stable order.

    Triple formats get the merged (default) graph; quad formats the whole dataset, the articles' graphs included.
    """
    prefixes = TURTLE_PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    graph = {} if fmt.supports_datasets else {"from_graph": ox.DefaultGraph()}
    if not isinstance(path, (str, Path)):
        store.dump(path, fmt, prefixes=prefixes, **graph)
        return path
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        store.dump(tmp, fmt, prefixes=prefixes, **graph)
        publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def to_graph(store: ox.Store) -> Graph:
    """The whole store as an rdflib graph in memory (for SHACL and the network view of graphs that fit)."""
    graph = new_graph()
    graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return graph


# The facts the network draws (kg.network.EDGES), and how many nodes a view of a big store starts from.
FACTS = " ".join(f"kg:{name}" for name in ("convenedBy", "heldIn", "decided", "concerns", "participant",
                                             "subOrganizationOf"))
SOURCES_PER_NODE = 3


def view_graph(
    store: Store,
    *,
    focus: str | None = None,
    depth: int = 1,
    since: str | None = None,
    until: str | None = None,
    query: str | Path | None = None,
    limit: int = 1000,
) -> Graph:
    """The part of a big store the network can draw, as an rdflib graph for ``kg.network.render``.

    The nodes are those a ``query`` names, else the neighbourhood of ``focus`` (by any label, any case), else
    the ``limit`` nodes in the most facts of the period; then their triples, and the first
    ``SOURCES_PER_NODE`` articles that mention each, by date.
    """
    if query is not None:
        nodes = _query_nodes(store, query)
        if not nodes:
            raise ValueError(f"{Path(str(query)).name}: the query returns no node of the graph (give IRIs, not labels)")
    elif focus is not None:
        nodes = _neighbourhood(store, focus, depth, 20 * limit)
    else:
        nodes = _busiest(store, limit, since, until)
    graph = new_graph()
    ordered = sorted(nodes)
    for i in range(0, len(ordered), 200):
        values = " ".join(f"<{n}>" for n in ordered[i:i + 200])
        _add(graph, store.query(f"CONSTRUCT {{ ?n ?p ?o }} WHERE {{ VALUES ?n {{ {values} }} ?n ?p ?o }}"))
        found = store.query(
            f"SELECT ?n ?a WHERE {{ VALUES ?n {{ {values} }} "
            f"{{ SELECT ?n ?a WHERE {{ ?a kg:mentions ?n ; kg:publishedOn ?d }} }} }} ORDER BY ?n ?d ?a",
            prefixes=PREFIXES)
        kept: dict[str, int] = {}
        articles = set()
        for row in found:
            node = row["n"].value
            if kept.get(node, 0) < SOURCES_PER_NODE:
                kept[node] = kept.get(node, 0) + 1
                articles.add(row["a"].value)
                graph.add((_term(row["a"]), KG.mentions, _term(row["n"])))
        listed = sorted(articles)
        for j in range(0, len(listed), 200):
            values = " ".join(f"<{a}>" for a in listed[j:j + 200])
            _add(graph, store.query(f"CONSTRUCT {{ ?a ?p ?o }} WHERE {{ VALUES ?a {{ {values} }} ?a ?p ?o "
                                    "FILTER(?p != kg:mentions) }", prefixes=PREFIXES))
    return graph


def _busiest(store: Store, limit: int, since: str | None, until: str | None) -> set[str]:
    """The ``limit`` nodes in the most facts, among those that articles of the period mention."""
    from kg.network import parse_date

    period, values = "", {}
    for flag, text, bound, test in (("--since", since, 0, "?d >= ?since"), ("--until", until, 1, "?d <= ?until")):
        if text:
            span = parse_date(text)
            if span is None:
                raise ValueError(f"{flag} takes YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
            values[flag[2:]] = Literal(span[bound].isoformat(), datatype=XSD.date)
            period += f" FILTER({test})"
    if period:
        period = f"FILTER EXISTS {{ ?a kg:mentions ?n ; kg:publishedOn ?d {period} }}"
    rows = query(store, f"SELECT ?n (COUNT(*) AS ?facts) WHERE {{ VALUES ?p {{ {FACTS} }} {{ ?n ?p ?o }} UNION "
                        f"{{ ?o ?p ?n }} {period} }} GROUP BY ?n ORDER BY DESC(?facts) ?n LIMIT {int(limit)}", values)
    return {str(row.n) for row in rows}


def _neighbourhood(store: Store, focus: str, depth: int, cap: int) -> set[str]:
    """Nodes up to ``depth`` facts from the nodes labelled ``focus`` (exactly, else containing it)."""
    name = focus.strip()
    if name.startswith("kgr:"):
        frontier = {str(KGR) + name[4:]}
    else:
        frontier = set()
        for test in ("LCASE(STR(?l)) = LCASE(STR(?name))", "CONTAINS(LCASE(STR(?l)), LCASE(STR(?name)))"):
            rows = query(store, f"SELECT DISTINCT ?n WHERE {{ ?n rdfs:label|skos:altLabel ?l FILTER({test}) "
                                "FILTER NOT EXISTS { ?n a kg:Article } }", {"name": name})
            frontier = {str(row.n) for row in rows}
            if frontier:
                break
    if not frontier:
        raise ValueError(f"no entity labelled {focus!r}")
    seen = set(frontier)
    for _ in range(max(depth, 0)):
        values = " ".join(f"<{n}>" for n in sorted(frontier))
        rows = store.query(f"SELECT DISTINCT ?m WHERE {{ VALUES ?n {{ {values} }} VALUES ?p {{ {FACTS} }} "
                           "{ ?n ?p ?m } UNION { ?m ?p ?n } }", prefixes=PREFIXES)
        frontier = {row["m"].value for row in rows} - seen
        seen |= frontier
        if not frontier or len(seen) >= cap:
            break
    return seen


def _query_nodes(store: Store, sparql: str | Path) -> set[str]:
    """The IRIs a SELECT returns, or that a CONSTRUCT's triples link."""
    result = query(store, sparql)
    if result.type == "CONSTRUCT":
        return {str(t) for s, _, o in result.graph for t in (s, o) if isinstance(t, URIRef)}
    if result.type == "SELECT":
        return {str(v) for row in result for v in row if isinstance(v, URIRef)}
    raise ValueError(f"an {result.type} query selects no nodes; use SELECT or CONSTRUCT")


# What a scan of SPARQL text must step over to find variables: strings, IRIs and comments.
_TOKENS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
                     r'|\bBOUND\s*\(\s*[?$]([A-Za-z_]\w*)\s*\)|[?$]([A-Za-z_]\w*)', re.IGNORECASE)


def bind(sparql: str, bindings: dict[str, object]) -> tuple[str, dict[ox.Variable, object]]:
    """Values for variables, as rdflib's ``initBindings`` gives them: (query text, Oxigraph substitutions).

    A variable the query selects goes to Oxigraph's substitutions, which take only those. Any other (the canned
    queries' ``?lang`` in a nested ``OPTIONAL``) is replaced in the text by the value written as an RDF term,
    which pyoxigraph escapes: it stays one term, never becomes query text.
    """
    terms = {name: _ox_term(value) for name, value in bindings.items()}
    selected = _projection(sparql) if terms else set()
    if selected is None:  # SELECT *, or another form: rdflib's parser says what is in scope (slower)
        from rdflib.plugins.sparql import prepareQuery

        try:
            selected = {str(v) for v in prepareQuery(sparql, initNs=PREFIXES).algebra.get("PV") or ()}
        except Exception:  # a query rdflib cannot parse: Oxigraph will say what is wrong with it
            selected = set()
    pasted = {name: str(term) for name, term in terms.items() if name not in selected}

    def replace(m: re.Match) -> str:
        if m.group(1):  # BOUND(?name) of a value given: true, since the value is no longer a variable
            return "true" if m.group(1) in pasted else m.group()
        return pasted.get(m.group(2), m.group()) if m.group(2) else m.group()

    text = _TOKENS.sub(replace, sparql) if pasted else sparql
    return text, {ox.Variable(name): term for name, term in terms.items() if name in selected}


def _projection(sparql: str) -> set[str] | None:
    """The variables a SELECT query projects, read from its text: its plain variables and ``AS ?v`` targets.

    ``None`` for ``SELECT *`` and for the other query forms. Reading the text spares the 0.5 s that importing
    rdflib's SPARQL parser and parsing a canned query take, on every ``kg query --store``.
    """
    text = _TOKENS.sub(_blank, sparql)  # strings, IRIs, comments: out
    head = re.search(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", text, re.IGNORECASE | re.DOTALL)
    if head is None or re.fullmatch(r"\s*(?:DISTINCT|REDUCED)?\s*\*\s*", head.group(1), re.IGNORECASE):
        return None
    names, depth = set(), 0
    for m in re.finditer(r"\(|\)|\bAS\s+[?$]([A-Za-z_]\w*)|[?$]([A-Za-z_]\w*)", head.group(1), re.IGNORECASE):
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth -= 1
        elif m.group(1) or depth == 0:
            names.add(m.group(1) or m.group(2))
    return names


def _add(graph: Graph, triples: Iterable[ox.Triple]) -> None:
    for triple in triples:
        graph.add((_term(triple.subject), _term(triple.predicate), _term(triple.object)))


def _term(value: object) -> object:
    if isinstance(value, ox.NamedNode):
        return URIRef(value.value)
    if isinstance(value, ox.BlankNode):
        return BNode(value.value)
    if isinstance(value, ox.Literal):
        if value.language:
            return Literal(value.value, lang=value.language)
        return Literal(value.value, datatype=URIRef(value.datatype.value))
    return value


def _ox_term(value: object) -> ox.NamedNode | ox.Literal:
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    return ox.Literal(str(value))


def query(store: Store, sparql: str | Path, bindings: dict[str, object] | None = None) -> Result:
    """Run a SPARQL query (file or string) in the store; ``bindings`` are values, escaped, never pasted-in text."""
    text, substitutions = bind(query_text(sparql), bindings or {})
    order = oxigraph_order.split(text, _TOKENS.sub(_blank, text))
    answer = store.query(order.text if order else text, prefixes=PREFIXES, substitutions=substitutions)
    rows = answer
    if order and isinstance(answer, ox.QuerySolutions):
        rows = oxigraph_order.sort(answer, [v.value for v in answer.variables], order.keys)
        if rows is None:  # an order only Oxigraph knows: the query as written
            rows = answer = store.query(text, prefixes=PREFIXES, substitutions=substitutions)
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        result.graph = new_graph()
        _add(result.graph, answer)
        return result
    result = Result("SELECT")
    result.vars = [Variable(v.value) for v in answer.variables]
    # Rows repeat their values (a name, a date …), and making an rdflib Literal costs more than Oxigraph's lookup
    # of it: each distinct value is converted once per query.
    term = functools.cache(_term)
    result.bindings = [{var: term(value) for var, value in zip(result.vars, row, strict=True) if value is not None}
                       for row in rows]
    return result


def _blank(match: re.Match) -> str:
    """A string, IRI or comment as spaces (the text keeps its length); a variable as it is."""
    return match.group() if match.group(1) or match.group(2) else " " * len(match.group())

