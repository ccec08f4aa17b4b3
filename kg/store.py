"""Graphs on disk: loading, and writing any rdflib format atomically and deterministically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral  # rdflib's own N-Triples escaping of literals

from kg.namespace import KG, KGR

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".n3": "n3"}


QUAD_FORMATS = frozenset({"nquads", "trig"})


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    graph.bind("kg", KG._NS)
    graph.bind("kgr", KGR)
    graph.bind("prov", "http://www.w3.org/ns/prov#")
    return graph


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown RDF file type {suffix!r} (known: {', '.join(sorted(FORMATS))})")
    return FORMATS[suffix]


def load(*paths: str | Path) -> Graph:
    """One graph from one or more RDF files; the format comes from the file name."""
    graph = new_graph()
    for path in paths:
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such graph file (build one with `kg build`)")
        fmt = format_for(path)
        if fmt in QUAD_FORMATS:  # the union of the named graphs
            dataset = Dataset()
            dataset.parse(str(path), format=fmt)
            for s, p, o, _g in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(str(path), format=fmt)
    return graph


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write via a temporary file and rename, so an interrupted write leaves the old file intact."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def remove_leftovers(folder: str | Path, names: Iterable[str]) -> None:
    """Remove the temporary files a killed write of these outputs left in ``folder`` (``.graph.nq.x1y2z3``)."""
    folder = Path(folder)
    if folder.is_dir():
        for name in names:
            for leftover in folder.glob(f".{name}.*"):
                if leftover.is_file():
                    leftover.unlink(missing_ok=True)


def publish(tmp: str | Path, path: str | Path) -> None:
    """Rename a finished temporary file to ``path``, readable as a file made with ``open`` would be."""
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files only their owner can read
    os.replace(tmp, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def nquads(graph_iri: URIRef, triples: Iterable[tuple]) -> str:
    """The triples as N-Quads lines in the graph ``graph_iri``: each once, sorted, so the output is reproducible."""
    suffix = f" <{graph_iri}> .\n"
    return "".join(sorted({f"{_n3(s)} {_n3(p)} {_quoteLiteral(o) if isinstance(o, Literal) else _n3(o)}{suffix}"
                           for s, p, o in triples}))


def graph_of(quads: str) -> str:
    """The graph IRI (``<…>``) that one article's N-Quads (from ``nquads``) are in; "" when there are none."""
    end = quads.find("\n")  # a newline only ends a line: it is escaped in literals
    return quads[quads.rindex(" <", 0, end) + 1:end - 2] if end > 0 else ""


def without_graph(quads: str) -> str:
    """One article's N-Quads (from ``nquads``) as N-Triples: the same lines without the article's graph IRI."""
    # Every line ends in the article's graph IRI: taking that ending out of the whole text leaves the N-Triples.
    graph = graph_of(quads)
    return quads.replace(f" {graph} .\n", " .\n") if graph else quads


# The same IRIs (predicates, classes, the entities of an article) recur in every article, and rdflib checks
# each IRI each time it writes one: its terms are written once and remembered (what rdflib's _nt_row writes, faster).
@lru_cache(maxsize=1 << 16)
def _n3(term: URIRef) -> str:
    return term.n3()


class NQuadsWriter:
    """Streams each article's triples as N-Quads in the article's own named graph (for provenance).

    Lines are written to a temporary file that replaces ``path`` only on ``close``, so an
    interrupted build leaves the previous file as it was.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        self._fh = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, quads: str) -> None:
        """Add one article's N-Quads (from ``nquads``)."""
        self._fh.write(quads)

    def close(self) -> Path:
        self._fh.close()
        publish(self._tmp, self.path)
        return self.path

    def abort(self) -> None:
        self._fh.close()
        Path(self._tmp).unlink(missing_ok=True)


def save(graph: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Serialize ``graph`` to ``path`` (format from the name unless given), atomically."""
    fmt = fmt or format_for(path)
    if fmt in QUAD_FORMATS and not isinstance(graph, Dataset):  # a plain graph is the default graph
        dataset = Dataset()
        for triple in graph:
            dataset.add(triple)
        graph = dataset
    if fmt in {"nt", "nquads"}:  # rdflib writes N-Triples in hash order; sort the lines so output is reproducible
        lines = sorted(set(graph.serialize(format=fmt, encoding="utf-8").decode("utf-8").splitlines()))
        return write_atomic(path, "\n".join(line for line in lines if line) + "\n")
    return write_atomic(path, graph.serialize(format=fmt, encoding="utf-8"))
