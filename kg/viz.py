"""The interactive HTML network (pyvis), drawn from the RDF graph through networkx."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV

from kg.namespace import KG
from kg.store import write_atomic

STYLE = {  # class → (colour, shape)
    "Meeting": ("#d62728", "star"),
    "Organization": ("#1f77b4", "dot"),
    "Person": ("#2ca02c", "dot"),
    "Place": ("#8c564b", "triangle"),
    "Policy": ("#9467bd", "diamond"),
    "Decision": ("#ff7f0e", "square"),
}
EDGES = {KG.convenedBy: "convened by", KG.heldIn: "held in", KG.decided: "decided",
         KG.concerns: "concerns", KG.participant: "participant", KG.subOrganizationOf: "part of"}


def _label(graph: Graph, node: URIRef, lang: str) -> str:
    labels = {lit.language: str(lit) for lit in graph.objects(node, RDFS.label)}
    if lang == "both" and "zh" in labels and "en" in labels:
        return f"{labels['zh']} / {labels['en']}"
    return labels.get(lang) or labels.get("zh") or labels.get("en") or str(node).rsplit("/", 1)[-1]


def to_networkx(graph: Graph, lang: str = "zh") -> nx.DiGraph:
    """Entities, meetings and decisions as nodes, the fact properties as labelled edges."""
    g = nx.DiGraph()
    for cls in STYLE:
        for node in graph.subjects(RDF.type, KG[cls]):
            evidence = next(iter(sorted(str(e) for e in graph.objects(node, KG.evidence))), "")
            sources = sorted(str(f) for art in graph.objects(node, PROV.wasDerivedFrom)
                             for f in graph.objects(art, KG.sourceFile))
            if not sources:
                sources = sorted(str(f) for art in graph.subjects(KG.mentions, node)
                                 for f in graph.objects(art, KG.sourceFile))
            g.add_node(str(node), cls=cls, label=_label(graph, node, lang),
                       zh=_label(graph, node, "zh"), en=_label(graph, node, "en"),
                       evidence=evidence, sources=sources)
    for prop, name in EDGES.items():
        for s, o in graph.subject_objects(prop):
            if str(s) in g and str(o) in g:
                g.add_edge(str(s), str(o), label=name)
    return g


def _tooltip(data: dict) -> str:
    lines = [f"{data['zh']}" + (f" / {data['en']}" if data["en"] != data["zh"] else ""), f"[{data['cls']}]"]
    if data["evidence"]:
        lines.append(f"“{data['evidence'][:160]}”")
    if data["sources"]:
        lines.append("source: " + ", ".join(data["sources"][:3]))
    return "\n".join(lines)


def write_html(graph: Graph, path: str | Path, lang: str = "zh") -> Path:
    """Write the network as one self-contained HTML file (no CDN), laid out in advance."""
    g = to_networkx(graph, lang)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    if g.number_of_nodes():
        rank = nx.pagerank(g) if g.number_of_edges() else {n: 1 / len(g) for n in g}
        top = max(rank.values())
        pos = nx.spring_layout(g, seed=7, k=1.5 / max(len(g), 1) ** 0.5)
        for node, data in sorted(g.nodes(data=True)):
            colour, shape = STYLE[data["cls"]]
            x, y = pos[node]
            net.add_node(node, label=data["label"][:24], title=_tooltip(data), color=colour, shape=shape,
                         size=10 + 25 * rank[node] / top, x=float(x) * 1000, y=float(y) * 1000, group=data["cls"])
        for s, o, data in sorted(g.edges(data=True)):
            net.add_edge(s, o, label=data["label"], arrows="to", font={"size": 9})
    net.toggle_physics(False)
    return write_atomic(path, offline(net.generate_html()))


# pyvis's template loads Bootstrap from a CDN even with cdn_resources="in_line" (pyvis #228);
# the page does not use it, so the tags go, and the page opens with no network.
_REMOTE = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.S)
_COMMENTED = re.compile(r"<!--.*?-->", re.S)


def offline(html: str) -> str:
    """The page without remote assets or commented-out asset tags."""
    return _REMOTE.sub("", _COMMENTED.sub("", html))
