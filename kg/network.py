"""The interactive HTML network: RDF graph → networkx (filters, PageRank, layout) → pyvis → one offline page."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS

from kg.namespace import KG, KGR
from kg.store import write_atomic

# class → (colour, vis shape, zh name, en name)
STYLE = {
    "Meeting": ("#d62728", "star", "会议", "Meeting"),
    "Organization": ("#1f77b4", "dot", "组织", "Organization"),
    "Person": ("#2ca02c", "hexagon", "人物", "Person"),
    "Place": ("#8c564b", "triangle", "地点", "Place"),
    "Policy": ("#9467bd", "diamond", "政策", "Policy"),
    "Decision": ("#ff7f0e", "square", "决定", "Decision"),
}
# fact property → (zh, en), as labelled in ontology/kg.ttl
EDGES = {
    KG.convenedBy: ("召开单位", "convened by"),
    KG.heldIn: ("举行地点", "held in"),
    KG.decided: ("作出决定", "decided"),
    KG.concerns: ("涉及", "concerns"),
    KG.participant: ("参加者", "participant"),
    KG.subOrganizationOf: ("隶属于", "sub-organization of"),
}
LANGS = ("zh", "en", "both")
DEFAULT_LIMIT = 1000
# 3,000 nodes draw in under a second in headless Chromium (bench/viz_stable.py), but networkx's layout costs
# the square of a component's size and every redraw of the canvas touches every node: a hard cap, not a default.
MAX_LIMIT = 3000
EDGES_PER_NODE = 5
FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

WORDS = {  # page and tooltip words, by label language
    "zh": {"nodes": "节点", "edges": "边", "legend": "图例", "search": "搜索实体…", "dates": "日期",
           "evidence": "证据", "sources": "来源", "also": "又称", "more": "另有 {n} 篇", "page": "第{n}版",
           "matches": "{n} 个匹配", "empty": "图中没有实体", "hint": "悬停查看详情；勾选图例以显示或隐藏类别。",
           "truncated": "图太大，无法一次画出：只显示按 PageRank 最重要的 {shown:,} 个节点（共 {total:,} 个）"
                        "和其间的 {links:,} 条边（共 {all_links:,} 条）。"
                        "用 kg viz 的 --focus、--types、--since/--until 或 --query 查看其余部分。"},
    "en": {"nodes": "nodes", "edges": "edges", "legend": "Legend", "search": "Find an entity…", "dates": "dates",
           "evidence": "evidence", "sources": "sources", "also": "also", "more": "{n} more", "page": "p. {n}",
           "matches": "{n} match(es)", "empty": "no entities in this graph",
           "hint": "Hover a node for details; tick the legend to show or hide a class.",
           "truncated": "Too big to draw at once: showing the {shown:,} most important nodes (PageRank) of "
                        "{total:,}, and {links:,} of {all_links:,} edges. "
                        "Use kg viz --focus, --types, --since/--until or --query to see the others."},
}
WORDS["both"] = WORDS["en"]


def _label(graph: Graph, node: URIRef, lang: str) -> str:
    labels = {lit.language: str(lit) for lit in sorted(graph.objects(node, RDFS.label), reverse=True)}
    if lang == "both" and "zh" in labels and "en" in labels:
        return f"{labels['zh']} / {labels['en']}"
    return labels.get(lang) or labels.get("zh") or labels.get("en") or str(node).rsplit("/", 1)[-1]


def parse_date(text: str) -> tuple[date, date] | None:
    """``1956``, ``1956-11`` or ``1956-11-05`` as the first and last day it covers; None if it is not a date."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not m:
        return None
    year, month, day = (int(x) if x else None for x in m.groups())
    try:
        if day is not None:
            return date(year, month, day), date(year, month, day)
        if month is not None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _articles(graph: Graph) -> dict[str, dict]:
    """Article IRI → file, date, page and titles."""
    out = {}
    for art in graph.subjects(RDF.type, KG.Article):
        titles = {lit.language: str(lit) for lit in graph.objects(art, KG.title)}
        out[str(art)] = {
            "file": str(graph.value(art, KG.sourceFile) or ""),
            "date": str(graph.value(art, KG.publishedOn) or ""),
            "page": str(graph.value(art, KG.page) or ""),
            "zh": titles.get("zh", ""), "en": titles.get("en", ""),
        }
    return out


def to_networkx(graph: Graph, lang: str = "zh") -> nx.DiGraph:
    """Entities, meetings and decisions as nodes (with labels, dates, evidence and sources); facts as edges."""
    g = nx.DiGraph(articles=_articles(graph))
    articles = g.graph["articles"]
    for cls in STYLE:
        for node in graph.subjects(RDF.type, KG[cls]):
            sources = {str(a) for a in graph.objects(node, PROV.wasDerivedFrom)}
            sources |= {str(a) for a in graph.subjects(KG.mentions, node)}
            sources = sorted((a for a in sources if a in articles), key=lambda a: (articles[a]["date"], a))
            start, end = graph.value(node, KG.startDate), graph.value(node, KG.endDate)
            dates = [parse_date(articles[a]["date"]) for a in sources]
            if start is not None:
                lo, hi = parse_date(str(start)) or (None, None), parse_date(str(end or start)) or (None, None)
                dates.append((lo[0], hi[1]) if lo[0] and hi[1] else None)
            g.add_node(
                str(node), cls=cls, label=_label(graph, node, lang),
                zh=_label(graph, node, "zh"), en=_label(graph, node, "en"),
                alt=sorted({str(a) for a in graph.objects(node, SKOS.altLabel)}),
                names=sorted({str(a) for p in (RDFS.label, SKOS.altLabel) for a in graph.objects(node, p)}),
                pinyin=next((str(a) for a in sorted(graph.objects(node, RDFS.label))
                             if (a.language or "").lower().startswith("zh-latn")), ""),
                evidence=sorted(str(e) for e in graph.objects(node, KG.evidence)), sources=sources,
                start=str(start) if start is not None else "", end=str(end) if end is not None else "",
                dates=[d for d in dates if d and d[0] <= d[1]],
            )
    for prop, (zh, en) in EDGES.items():
        for s, o in graph.subject_objects(prop):
            if str(s) in g and str(o) in g:
                g.add_edge(str(s), str(o), label=en, zh=zh, en=en)
    return g


# --- filters -------------------------------------------------------------------------------------------------------

def _names(data: dict) -> set[str]:
    """Every label and alternative label (zh, en, pinyin …), case-folded."""
    return {n.casefold() for n in (data["zh"], data["en"], *data.get("names", ())) if n}


def find_entities(g: nx.DiGraph, name: str) -> list[str]:
    """Nodes labelled ``name`` in either language (or with that IRI); failing that, whose labels contain it."""
    key = name.strip().casefold()
    iri = str(KGR) + name.strip()[4:] if name.strip().startswith("kgr:") else name.strip()
    exact = [n for n, d in g.nodes(data=True) if n == iri or key in _names(d)]
    if exact or not key:
        return sorted(exact)
    return sorted(n for n, d in g.nodes(data=True) if any(key in label for label in _names(d)))


def parse_types(types: str | Iterable[str]) -> list[str]:
    """``Meeting,organization`` → the class names, in the legend's order; unknown names raise ValueError."""
    wanted = [t.strip() for t in (types.split(",") if isinstance(types, str) else types) if t.strip()]
    known = {c.casefold(): c for c in STYLE} | {zh: c for c, (_, _, zh, _) in STYLE.items()}
    unknown = [t for t in wanted if t.casefold() not in known]
    if unknown or not wanted:
        raise ValueError(f"unknown type(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(STYLE)}")
    chosen = {known[t.casefold()] for t in wanted}
    return [c for c in STYLE if c in chosen]


def _query_subgraph(graph: Graph, g: nx.DiGraph, query: str | Path) -> tuple[nx.DiGraph, str]:
    """The nodes a SELECT names (with the facts between them), or the triples a CONSTRUCT makes."""
    from kg.sparql import query as run

    name = Path(str(query)).name if str(query).endswith((".rq", ".sparql")) else "SPARQL"
    try:
        result = run(graph, query)
    except FileNotFoundError:
        raise
    except Exception as exc:  # rdflib reports bad SPARQL with pyparsing's and its own plain exceptions
        raise ValueError(f"{name}: {exc}") from exc
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        made = result.graph
        nodes = {str(t) for s, _, o in made for t in (s, o) if isinstance(t, URIRef) and str(t) in g}
        sub = nx.DiGraph(**g.graph)
        sub.add_nodes_from((n, g.nodes[n]) for n in nodes)
        for s, p, o in made:
            if str(s) in nodes and str(o) in nodes:
                zh, en = EDGES.get(p, (None, re.split(r"[#/]", str(p))[-1]))
                sub.add_edge(str(s), str(o), label=en, zh=zh or en, en=en)
    elif result.type == "SELECT":
        nodes = {str(v) for row in result for v in row if isinstance(v, URIRef) and str(v) in g}
        sub = g.subgraph(nodes).copy()
    else:
        raise ValueError(f"{name}: an {result.type} query selects no nodes; use SELECT or CONSTRUCT")
    return sub, f"query: {name} ({result.type}, {sub.number_of_nodes()} entities)"


def _in_period(intervals: list[tuple[date, date]], since: date, until: date) -> bool:
    return any(lo <= until and hi >= since for lo, hi in intervals)


def select(
    graph: Graph,
    g: nx.DiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: str | Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    query: str | Path | None = None,
) -> tuple[nx.DiGraph, list[str]]:
    """The subgraph the filters keep, and a note per filter applied.

    The query, then the period, make the graph in which the focus's neighbourhood is taken; the
    types then choose which of those nodes are drawn (the focus always is).
    """
    notes = []
    if query is not None:
        g, note = _query_subgraph(graph, g, query)
        notes.append(note)
    if since or until:
        bounds = []
        for flag, text in (("--since", since), ("--until", until)):
            span = parse_date(text) if text else None
            if text and span is None:
                raise ValueError(f"{flag} takes YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
            bounds.append(span)
        lo = bounds[0][0] if bounds[0] else date.min
        hi = bounds[1][1] if bounds[1] else date.max
        g = g.subgraph(n for n, d in g.nodes(data=True) if _in_period(d["dates"], lo, hi)).copy()
        notes.append(f"dates: {since or '…'} – {until or '…'}")
    centres: list[str] = []
    if focus is not None:
        if depth < 0:
            raise ValueError("--depth must be 0 or more")
        centres = find_entities(g, focus)
        if not centres:
            raise ValueError(f"no entity labelled {focus!r} (in the graph after the other filters)")
        undirected = g.to_undirected(as_view=True)
        near = set()
        for centre in centres:
            near |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
        g = g.subgraph(near).copy()
        shown = ", ".join(g.nodes[c]["zh"] for c in centres[:5]) + (" …" if len(centres) > 5 else "")
        notes.append(f"focus: {shown} (depth {depth})")
    if types is not None:
        chosen = set(parse_types(types))
        g = g.subgraph(n for n, d in g.nodes(data=True) if d["cls"] in chosen or n in centres).copy()
        notes.append("types: " + ", ".join(c for c in STYLE if c in chosen))
    return g, notes


# --- importance, size limit and layout ---------------------------------------------------------------------------

def importance(g: nx.Graph) -> dict[str, float]:
    """PageRank on the undirected graph, so that a meeting with many decisions counts as much as its convener."""
    if not g.number_of_nodes():
        return {}
    if not g.number_of_edges():
        return {n: 1 / len(g) for n in g}
    return nx.pagerank(nx.Graph(g), max_iter=200, tol=1e-8)


def keep_important(g: nx.DiGraph, rank: dict[str, float], limit: int) -> nx.DiGraph:
    """The ``limit`` most important nodes, and at most ``EDGES_PER_NODE`` edges per node between them."""
    # Connected nodes first: PageRank gives a node with no facts the average rank, more than a hub's leaves.
    keep = sorted(g, key=lambda n: (g.degree(n) == 0, -rank[n], n))[:limit]
    sub = g.subgraph(keep).copy()
    cap = EDGES_PER_NODE * max(len(keep), 1)
    if sub.number_of_edges() > cap:
        edges = sorted(sub.edges, key=lambda e: (-min(rank[e[0]], rank[e[1]]), e))
        sub.remove_edges_from(edges[cap:])
    return sub


def _iterations(n: int) -> int:
    # spring_layout costs about n² per iteration, so big components get fewer (1,000 nodes: about 2 s here).
    return 80 if n < 300 else 50 if n < 800 else 30


def layout(g: nx.Graph, spacing: float = 75.0, labels: dict[str, int] | None = None) -> dict[str, tuple[float, float]]:
    """Pixel positions: each connected component laid out by spring_layout, components packed in rows by size.

    ``labels`` gives the width in pixels of each node's label, so that side by side components leave room for them.
    """
    comps = sorted((sorted(c) for c in nx.connected_components(nx.Graph(g))), key=lambda c: (-len(c), c))
    boxes = []
    for comp in comps:
        if len(comp) == 1:
            pos = {comp[0]: (0.0, 0.0)}
        else:
            radius = spacing * math.sqrt(len(comp))
            raw = nx.spring_layout(nx.Graph(g.subgraph(comp)), seed=7, iterations=_iterations(len(comp)))
            pos = {n: (float(x) * radius, float(y) * radius) for n, (x, y) in raw.items()}
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        label = max((labels or {}).get(n, 0) for n in comp)  # labels stick out on both sides of the outer nodes
        left = min(xs) - max(label / 2, spacing / 2)
        boxes.append((pos, left, min(ys), max(xs) - left + max(label / 2, spacing / 2) + spacing / 4,
                      max(ys) - min(ys) + spacing))
    width = max([b[3] for b in boxes] + [math.sqrt(sum(b[3] * b[4] for b in boxes)) * 1.4]) if boxes else 0
    out, x, y, row = {}, 0.0, 0.0, 0.0
    for pos, x0, y0, w, h in boxes:
        if x and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        out.update({n: (px - x0 + x, py - y0 + y) for n, (px, py) in pos.items()})
        x, row = x + w, max(row, h)
    if out:  # centre on the origin, where vis-network starts its view
        cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
        cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
        out = {n: (round(px - cx, 1), round(py - cy, 1)) for n, (px, py) in out.items()}
    return out


# --- the page ------------------------------------------------------------------------------------------------------

def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_width(text: str, size: int = 14) -> int:
    """Rough width in pixels of a label's longest line: CJK characters are square, others about half as wide."""
    return max(sum(size if ord(ch) > 0x2E80 else size // 2 for ch in line) for line in text.split("\n"))


def _canvas_label(data: dict, lang: str) -> str:
    zh, en = data["zh"], data["en"]
    limit = 14 if data["cls"] == "Decision" else 20
    if lang == "both" and en != zh:
        return f"{_short(zh, limit)}\n{_short(en, limit + 10)}"
    return _short(en if lang == "en" else zh, limit + (10 if lang == "en" else 0))


def _edge_label(data: dict, lang: str) -> str:
    if lang == "both" and data["zh"] != data["en"]:
        return f"{data['en']} {data['zh']}"
    return data["zh"] if lang == "zh" else data["en"]


def _tooltip(data: dict, articles: dict[str, dict], lang: str) -> dict:
    """The tooltip's parts as plain strings; the page puts them in the DOM as text, never as HTML."""
    words = WORDS[lang]
    _, _, cls_zh, cls_en = STYLE[data["cls"]]
    other = [data["en"]] if data["en"] != data["zh"] else []
    if data.get("pinyin") and data["pinyin"] not in other:
        other.append(data["pinyin"])
    alt = [a for a in data["alt"] if a not in (data["zh"], data["en"])]
    if alt:
        other.append(f"{words['also']}: " + "、".join(alt[:6]) + (" …" if len(alt) > 6 else ""))
    dates = ""
    if data["start"]:
        dates = data["start"] + (f" – {data['end']}" if data["end"] and data["end"] != data["start"] else "")
    sources = []
    for art in data["sources"][:5]:
        a = articles[art]
        parts = [a["file"], a["date"], words["page"].format(n=a["page"]) if a["page"] else "",
                 _short(a["zh"] or a["en"], 40)]
        sources.append(" · ".join(p for p in parts if p))
    if len(data["sources"]) > 5:
        sources.append(words["more"].format(n=len(data["sources"]) - 5))
    return {"name": data["zh"], "other": other, "cls": f"{cls_zh} {cls_en}", "dates": dates,
            "evidence": [_short(e, 240) for e in data["evidence"][:2]], "sources": sources}


def _legend_svg(shape: str, colour: str) -> Markup:
    """A 16-pixel swatch of a vis-network shape (fixed markup: no data from the graph)."""
    points = {
        "star": "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6",
        "triangle": "8,1.5 15,14.5 1,14.5",
        "diamond": "8,1 15,8 8,15 1,8",
        "square": "2,2 14,2 14,14 2,14",
        "hexagon": "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8",
    }
    body = (f'<circle cx="8" cy="8" r="6.5" fill="{colour}"/>' if shape not in points
            else f'<polygon points="{points[shape]}" fill="{colour}"/>')
    return Markup(f'<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{body}</svg>')


def _vis_assets() -> tuple[Markup, Markup]:
    """vis-network's JS and CSS as shipped in pyvis, for inlining."""
    lib = max((Path(pyvis.__file__).parent / "templates" / "lib").glob("vis-*/vis-network.min.js"))
    js, css = lib.read_text(encoding="utf-8"), lib.with_name("vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline element early
        raise RuntimeError(f"{lib.parent}: cannot inline these assets")
    return Markup(js), Markup(css)


_ENV = Environment(loader=PackageLoader("kg", "templates"), autoescape=True, keep_trailing_newline=True)


def _app_js() -> Markup:
    """The page's own script, inlined as it is (not run through Jinja)."""
    source, _, _ = _ENV.loader.get_source(_ENV, "graph.js")
    return Markup(source)


@dataclass
class View:
    """A rendered page and what it shows."""

    html: str
    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    notes: list[str] = field(default_factory=list)
    truncated: str = ""  # the page's notice when the limit cut nodes or edges

    def summary(self) -> list[str]:
        """Lines for the command line; the last starts with ``warning:`` when the limit cut the graph."""
        lines = [f"nodes: {self.nodes:,} of {self.total_nodes:,}, edges: {self.edges:,} of {self.total_edges:,}"]
        lines += [f"  {n}" for n in self.notes]
        if self.truncated:
            lines.append(f"warning: too big to draw at once: the page shows only the {self.nodes:,} most important "
                         f"nodes (PageRank) of {self.total_nodes:,}, and {self.edges:,} of {self.total_edges:,} "
                         f"edges; narrow it with --focus, --types, --since/--until or --query, or raise --limit "
                         f"(at most {MAX_LIMIT:,})")
        return lines


def render(
    graph: Graph,
    lang: str = "zh",
    *,
    focus: str | None = None,
    depth: int = 1,
    types: str | Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    query: str | Path | None = None,
    limit: int = DEFAULT_LIMIT,
    title: str = "rmrb-kg",
) -> View:
    """The page for ``graph`` after the filters, with at most ``limit`` nodes (the most important ones)."""
    if lang not in LANGS:
        raise ValueError(f"label language must be one of {', '.join(LANGS)}, not {lang!r}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"the node limit must be between 1 and {MAX_LIMIT:,} (a bigger page freezes the browser)")
    full = to_networkx(graph, lang)
    filtered = focus is not None or types is not None or since or until or query is not None
    g, notes = select(graph, full, focus=focus, depth=depth, types=types, since=since, until=until, query=query)
    if filtered and not g.number_of_nodes():
        raise ValueError("no node is left after the filters")
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    rank = importance(g)
    truncated = ""
    if total_nodes > limit or total_edges > EDGES_PER_NODE * limit:
        g = keep_important(g, rank, limit)
        truncated = WORDS[lang]["truncated"].format(shown=g.number_of_nodes(), total=total_nodes,
                                                    links=g.number_of_edges(), all_links=total_edges)
    pos = layout(g, labels={n: _text_width(_canvas_label(d, lang)) for n, d in g.nodes(data=True)})
    top = max(rank.values(), default=1.0)
    articles = full.graph["articles"]

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for node, data in sorted(g.nodes(data=True)):
        colour, shape, _, _ = STYLE[data["cls"]]
        x, y = pos[node]
        net.add_node(node, label=_canvas_label(data, lang), color=colour, shape=shape,
                     size=round(8 + 22 * math.sqrt(rank[node] / top), 1), x=x, y=y, cls=data["cls"],
                     tip=_tooltip(data, articles, lang),
                     search=" ".join(sorted(_names(data))))
    for s, o, data in sorted(g.edges(data=True)):
        net.add_edge(s, o, label=_edge_label(data, lang), title=_edge_label(data, "both"))
    big = g.number_of_nodes() > 300
    net.options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True},
        "nodes": {"borderWidth": 1, "font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False, "width": 1,
                  "color": {"color": "#a0a0a0", "highlight": "#333333", "hover": "#333333"},
                  "font": {"face": FONT, "size": 10, "color": "#666666", "strokeWidth": 2, "align": "middle"}},
    }
    nodes, edges, _, _, _, _ = net.get_network_data()

    counts = {c: 0 for c in STYLE}
    for _, data in g.nodes(data=True):
        counts[data["cls"]] += 1
    edge_counts: dict[str, int] = {}
    for _, _, data in g.edges(data=True):
        key = _edge_label(data, lang)
        edge_counts[key] = edge_counts.get(key, 0) + 1
    legend = [{"cls": c, "name": {"zh": zh, "en": en, "both": f"{zh} {en}"}[lang], "count": counts[c],
               "svg": _legend_svg(shape, colour)} for c, (colour, shape, zh, en) in STYLE.items()]
    vis_js, vis_css = _vis_assets()
    words = WORDS[lang]
    html = _ENV.get_template("graph.html").render(
        title=title, lang="zh" if lang == "zh" else "en", words=words, notes=notes, truncated=truncated,
        legend=legend, edge_kinds=sorted(edge_counts.items()), vis_js=vis_js, vis_css=vis_css, app_js=_app_js(),
        counts=f"{len(nodes):,} {words['nodes']} · {len(edges):,} {words['edges']}",
        data={"nodes": nodes, "edges": edges, "options": net.options, "words": words},
    )
    return View(html, len(nodes), len(edges), total_nodes, total_edges, notes, truncated)


def write_html(graph: Graph, path: str | Path, lang: str = "zh", **filters: object) -> Path:
    """Write the network as one self-contained HTML file (no CDN, laid out in advance); see ``render``."""
    return write_atomic(path, render(graph, lang, **filters).html)
