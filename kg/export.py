"""Exports of a built graph: RDF formats (N-Quads and TriG keep one named graph per article), JSON-LD with the
project's context, GraphML for Gephi, and CSV node and edge tables."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.store import QUAD_FORMATS, format_for, new_graph, write_atomic

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "csv")
QUAD_EXPORTS = frozenset({"nq", "trig"})
SEPARATOR = " | "  # between the values of a node attribute that has several (GraphML and CSV cells are scalars)


@dataclass
class Export:
    """What an export wrote, and what the reader should be told about it."""

    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    named_graphs: int = 0
    warnings: list[str] = field(default_factory=list)


def graph_files(inputs: list[str | Path]) -> list[Path]:
    """The graph files to read: files as given; a build folder gives its ``graph.nq`` (else ``graph.ttl``)."""
    files = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = next((path / name for name in ("graph.nq", "graph.ttl") if (path / name).is_file()), None)
            if found is None:
                raise FileNotFoundError(f"{path}: a folder without graph.nq or graph.ttl (build one with `kg build`)")
            files.append(found)
        elif path.is_file():
            format_for(path)  # fails early on an unknown file type
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such graph file (build one with `kg build`)")
    return files


def load_dataset(*inputs: str | Path) -> Dataset:
    """One dataset from graph files: N-Quads and TriG keep their named graphs, other formats go in the default graph."""
    dataset = Dataset()
    for prefix, namespace in new_graph().namespaces():
        dataset.bind(prefix, namespace)
    for path in graph_files(list(inputs)):
        fmt = format_for(path)
        if fmt in QUAD_FORMATS:
            dataset.parse(str(path), format=fmt)
        else:
            dataset.graph(DATASET_DEFAULT_GRAPH_ID).parse(str(path), format=fmt)
    return dataset


def named_graphs(dataset: Dataset) -> list[Graph]:
    """The dataset's non-empty named graphs, in IRI order."""
    graphs = [g for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    return sorted(graphs, key=lambda g: str(g.identifier))


def union(dataset: Dataset) -> Graph:
    """All the dataset's triples in one graph, with the project's prefixes."""
    graph = new_graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def context() -> dict:
    """The JSON-LD ``@context`` published as ``ontology/context.jsonld`` (packaged as ``kg.ontology``)."""
    text = resources.files("kg.ontology").joinpath("context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def _ntriples(graph: Graph) -> list[str]:
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return [line for line in text.splitlines() if line.endswith(" .")]


def to_nquads(dataset: Dataset) -> str:
    """N-Quads, one named graph per article (default-graph triples without a graph label), lines sorted."""
    lines = []
    for graph in dataset.graphs():
        suffix = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f" <{graph.identifier}>"
        lines += [line[:-2] + suffix + " ." for line in _ntriples(graph)]
    return "".join(line + "\n" for line in sorted(set(lines)))


def to_trig(dataset: Dataset) -> str:
    """TriG, one block per named graph, graphs in IRI order (rdflib's own TriG writer orders them by hash)."""
    shared = union(dataset)
    shared.serialize(format="turtle")  # binds every prefix the blocks will use, so that they all agree
    prefixes: set[str] = set()
    blocks = []
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    for graph in ([default] if len(default) else []) + named_graphs(dataset):
        scratch = Graph(namespace_manager=shared.namespace_manager)
        for triple in graph:
            scratch.add(triple)
        lines = scratch.serialize(format="turtle").strip().splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        # Not indented: that would change the content of multi-line literals.
        body = "\n".join(line for line in lines if not line.startswith("@prefix")).strip("\n")
        name = "" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else f"<{graph.identifier}> "
        blocks.append(f"{name}{{\n{body}\n}}\n")
    return "".join(line + "\n" for line in sorted(prefixes)) + "\n" + "\n".join(blocks)


def to_jsonld(graph: Graph) -> str:
    """JSON-LD compacted with the project's context (embedded, so it expands offline); nodes in IRI order."""
    doc = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
    doc.pop("@context", None)
    nodes = doc.pop("@graph", [doc] if doc else [])  # rdflib writes a one-node graph inline; keep one shape
    nodes = sorted((_sort_values(n) for n in nodes), key=lambda n: str(n.get("id", "")))
    return json.dumps({"@context": context(), "@graph": nodes}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sort_values(value: object) -> object:
    """Value arrays in a stable order (rdflib writes them in hash order); ``@list`` order is meaningful, so kept."""
    if isinstance(value, dict):
        return {k: v if k == "@list" else _sort_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sort_values(v) for v in value), key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def to_networkx(graph: Graph, lang: str = "zh") -> nx.MultiDiGraph:
    """Every IRI as a node, every IRI-valued triple as an edge, every literal as a node attribute.

    Attributes are strings: ``label`` (the ``lang`` label, else any), ``class`` (local name of the type), and one
    attribute per literal property, named by its local name plus ``_zh``/``_en`` for tagged literals, with several
    values joined by `` | ``. Edges carry ``label`` (the property's local name) and ``predicate`` (its IRI).
    """
    attributes: dict[str, dict[str, set[str]]] = {}
    edges: set[tuple[str, str, str, str]] = set()

    def node(term: URIRef | BNode) -> dict[str, set[str]]:
        return attributes.setdefault(str(term), {})

    for s, p, o in graph:
        source = node(s)
        if p == RDF.type and isinstance(o, URIRef):
            source.setdefault("class", set()).add(_local(o))
        elif isinstance(o, Literal):
            key = _local(p) + (f"_{o.language}" if o.language else "")
            source.setdefault(key, set()).add(str(o))
        else:
            node(o)
            edges.add((str(s), str(o), _local(p), str(p)))
    g = nx.MultiDiGraph()
    for iri in sorted(attributes):
        values = {key: SEPARATOR.join(sorted(v)) for key, v in sorted(attributes[iri].items())}
        labels = [values.get(f"label_{lang}"), values.get("label_zh"), values.get("label_en"), values.get("label")]
        values["label"] = next((x for x in labels if x), _local(URIRef(iri)))
        values.setdefault("class", "")
        g.add_node(iri, **values)
    for source, target, name, predicate in sorted(edges):
        g.add_edge(source, target, key=name, label=name, predicate=predicate)
    return g


def to_graphml(graph: Graph, lang: str = "zh") -> str:
    """GraphML (for Gephi, Cytoscape, networkx) of :func:`to_networkx`, in UTF-8."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph, lang), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def to_csv(graph: Graph, lang: str = "zh") -> tuple[str, str]:
    """Node and edge tables, with the column names Gephi's spreadsheet import recognises (Id, Label, Source …)."""
    g = to_networkx(graph, lang)
    keys = sorted({k for _n, data in g.nodes(data=True) for k in data} - {"label", "class"})
    nodes, edges = io.StringIO(), io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(["Id", "Label", "class", *keys])
    for iri, data in g.nodes(data=True):
        writer.writerow([iri, data["label"], data["class"], *(data.get(k, "") for k in keys)])
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(["Source", "Target", "Type", "Label", "predicate"])
    for source, target, data in g.edges(data=True):
        writer.writerow([source, target, "Directed", data["label"], data["predicate"]])
    return nodes.getvalue(), edges.getvalue()


def render(dataset: Dataset, fmt: str, lang: str = "zh") -> str:
    """The dataset as one document in ``fmt`` (any of :data:`FORMATS` but csv)."""
    if fmt == "nq":
        return to_nquads(dataset)
    if fmt == "trig":
        return to_trig(dataset)
    graph = union(dataset)
    if fmt == "ttl":
        return graph.serialize(format="turtle")
    if fmt == "nt":
        return "".join(line + "\n" for line in sorted(set(_ntriples(graph))))
    if fmt == "jsonld":
        return to_jsonld(graph)
    if fmt == "graphml":
        return to_graphml(graph, lang)
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def export(inputs: list[str | Path], fmt: str, out: str | Path | None = None, lang: str = "zh") -> Export:
    """Export graph files, build folders or a store to ``out``: a file, a folder for ``csv``, or stdout (None/"-")."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    from kg import oxigraph_store

    if any(oxigraph_store.is_store(item) for item in inputs):
        if len(inputs) != 1:
            raise ValueError("export one Oxigraph store at a time, without graph files")
        return export_store(inputs[0], fmt, out, lang)
    files = graph_files(inputs)
    dataset = load_dataset(*files)
    result = Export(triples=len(union(dataset)), named_graphs=len(named_graphs(dataset)))
    if fmt in QUAD_EXPORTS and not result.named_graphs:
        hint = [f.with_name("graph.nq") for f in files if f.with_name("graph.nq").is_file()]
        result.warnings.append(
            f"{', '.join(map(str, files))} has no named graphs: every triple goes in the default graph, "
            "and the article each came from is lost"
            + (f"; export from {hint[0]} to keep one named graph per article" if hint
               else "; export from the build's graph.nq to keep one named graph per article"))
    if fmt == "csv":
        return _write_csv(union(dataset), out, lang, result)
    return _write(render(dataset, fmt, lang), out, result)


def _write_csv(graph: Graph, out: str | Path | None, lang: str, result: Export) -> Export:
    if out is None or str(out) == "-":
        raise ValueError("csv writes two tables, nodes.csv and edges.csv: give a folder with --out")
    nodes, edges = to_csv(graph, lang)
    folder = Path(out)
    result.outputs = [write_atomic(folder / "nodes.csv", nodes), write_atomic(folder / "edges.csv", edges)]
    return result


def _write(text: str, out: str | Path | None, result: Export) -> Export:
    if out is None or str(out) == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        result.outputs = [write_atomic(out, text)]
    return result


def export_store(location: str | Path, fmt: str, out: str | Path | None = None, lang: str = "zh") -> Export:
    """Export an Oxigraph store that ``kg build --store`` wrote.

    ``ttl`` and ``nt`` are its merged graph (a memory build's ``graph.ttl``); ``nq`` and ``trig`` its whole dataset,
    each article's named graph and the merged default graph. These are written by Oxigraph, streaming, whatever
    the size; ``jsonld``, ``graphml`` and ``csv`` are made in memory from the merged graph.
    """
    import pyoxigraph as ox

    from kg import oxigraph_store

    store = oxigraph_store.open_store(location)
    result = Export(triples=oxigraph_store.default_graph_size(store), named_graphs=sum(1 for _ in store.named_graphs()))
    streamed = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
                "trig": ox.RdfFormat.TRIG}
    if fmt in streamed:
        if out is None or str(out) == "-":
            oxigraph_store.dump(store, sys.stdout.buffer, streamed[fmt])
            sys.stdout.flush()
        else:
            result.outputs = [oxigraph_store.dump(store, out, streamed[fmt])]
        return result
    graph = oxigraph_store.to_graph(store)
    if fmt == "csv":
        return _write_csv(graph, out, lang, result)
    return _write(to_jsonld(graph) if fmt == "jsonld" else to_graphml(graph, lang), out, result)
