"""The HTML network: encoding, tooltips, layout, filters, the node limit, languages and escaping (no browser)."""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import PROV, SKOS

from kg.cli import FAILED, OK, main
from kg.namespace import KG, KGR
from kg.network import MAX_LIMIT, STYLE, importance, render, to_networkx, write_html
from kg.pipeline import build_graph
from kg.store import new_graph, save
from tests.conftest import CHINESE_ONLY, SEED, TWO_ARTICLES

MEETING = "全省工业会议"
HEBEI = "中共河北省委员会"

# Strings that would run script if any of them reached the page as HTML.
HOSTILE = {
    "title": "</script><script>alert('title')</script>",
    "file": '"><img src=x onerror=alert(1)>.md',
    "meeting": "<script>alert(1)</script>会议",
    "meeting_en": '"><img src=x onerror=alert(1)>',
    "evidence": "会议说：</script><script>alert(2)</script> \"引号\" 'single' \\ 反斜杠 \\u003c <!-- -->",
    "org": "'\"\\</style><svg onload=alert(3)>委员会",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    """The graph of the tests' corpus: the seed, a Chinese-only article and a two-article file."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    (folder / "shanxi.md").write_text(CHINESE_ONLY, encoding="utf-8")
    (folder / "two.md").write_text(TWO_ARTICLES, encoding="utf-8")
    return build_graph(folder)


def hostile_graph() -> Graph:
    """A meeting convened by an organisation, every string of it hostile markup."""
    g = new_graph()
    art, meeting, org = KGR["article/x"], KGR["meeting/x"], KGR["organization/x"]
    g.add((art, RDF.type, KG.Article))
    g.add((art, KG.sourceFile, Literal(HOSTILE["file"], datatype=XSD.string)))
    g.add((art, KG.title, Literal(HOSTILE["title"], lang="zh")))
    g.add((art, KG.publishedOn, Literal("1956-11-15", datatype=XSD.date)))
    g.add((art, KG.page, Literal(1, datatype=XSD.integer)))
    g.add((meeting, RDF.type, KG.Meeting))
    g.add((meeting, RDFS.label, Literal(HOSTILE["meeting"], lang="zh")))
    g.add((meeting, RDFS.label, Literal(HOSTILE["meeting_en"], lang="en")))
    g.add((meeting, KG.evidence, Literal(HOSTILE["evidence"], lang="zh")))
    g.add((meeting, KG.convenedBy, org))
    g.add((meeting, PROV.wasDerivedFrom, art))
    g.add((org, RDF.type, KG.Organization))
    g.add((org, RDFS.label, Literal(HOSTILE["org"], lang="zh")))
    g.add((org, SKOS.altLabel, Literal(HOSTILE["title"], lang="zh")))
    g.add((art, KG.mentions, org))
    return g


def synthetic_graph(n: int, seed: int = 1) -> Graph:
    """About ``n`` entities in the project's vocabulary, linked like a real build (hubs and long tails)."""
    rnd = random.Random(seed)
    g = new_graph()
    shares = {"Meeting": 0.12, "Organization": 0.15, "Person": 0.08, "Place": 0.15, "Policy": 0.1, "Decision": 0.4}
    nodes = {c: [KGR[f"{c.lower()}/{c}{i}"] for i in range(max(1, round(n * s)))] for c, s in shares.items()}
    arts = [KGR[f"article/a{i}"] for i in range(max(1, n // 20))]
    for i, art in enumerate(arts):
        g.add((art, RDF.type, KG.Article))
        g.add((art, KG.sourceFile, Literal(f"a{i}.md", datatype=XSD.string)))
        g.add((art, KG.publishedOn, Literal(f"1956-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.date)))
    for cls, iris in nodes.items():
        for i, iri in enumerate(iris):
            g.add((iri, RDF.type, KG[cls]))
            g.add((iri, RDFS.label, Literal(f"{STYLE[cls][2]}{i}", lang="zh")))
            g.add((iri, KG.evidence, Literal(f"第{i}个{STYLE[cls][2]}的证据。", lang="zh")))
            g.add((rnd.choice(arts), KG.mentions, iri))

    def hub(cls: str):  # a few nodes get most of the links
        return nodes[cls][min(int(rnd.paretovariate(1.2)) - 1, len(nodes[cls]) - 1)]

    decisions = iter(nodes["Decision"])
    for meeting in nodes["Meeting"]:
        g.add((meeting, KG.convenedBy, hub("Organization")))
        g.add((meeting, KG.heldIn, hub("Place")))
        g.add((meeting, KG.participant, rnd.choice(nodes["Person"])))
        for decision in [d for _, d in zip(range(rnd.randint(1, 5)), decisions, strict=False)]:
            g.add((meeting, KG.decided, decision))
    for decision in nodes["Decision"]:
        g.add((decision, KG.concerns, hub(rnd.choice(("Policy", "Place", "Organization")))))
    return g


def page_data(html: str) -> dict:
    """The JSON the page draws from."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no data block"
    return json.loads(match.group(1))


def by_label(data: dict, text: str) -> dict:
    return next(n for n in data["nodes"] if n["tip"]["name"] == text)


def test_nodes_and_edges_carry_what_the_tooltips_need(graph):
    g = to_networkx(graph, "en")
    hebei = next(d for _, d in g.nodes(data=True) if d["zh"] == HEBEI)
    assert hebei["cls"] == "Organization" and hebei["en"] == "CPC Hebei Provincial Committee"
    assert hebei["label"] == hebei["en"] and "河北省委" in hebei["alt"]
    meeting = next(n for n, d in g.nodes(data=True) if d["zh"] == MEETING)
    assert g.nodes[meeting]["evidence"] and g.nodes[meeting]["sources"]
    labels = {d["label"] for _, _, d in g.out_edges(meeting, data=True)}
    assert {"convened by", "decided"} <= labels
    assert all(d["cls"] in STYLE for _, d in g.nodes(data=True))


def test_page_is_offline_and_shows_legend_counts_and_every_node(graph):
    view = render(graph)
    html = view.html
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html), "no remote assets"
    assert "<script src" not in html and "<link" not in html
    assert "vis.Network" in html and "@version 9" in html, "vis-network is inlined"
    data = page_data(html)
    entities = {s for cls in STYLE for s in graph.subjects(RDF.type, KG[cls])}
    assert view.nodes == len(data["nodes"]) == len(entities) == view.total_nodes
    assert {n["id"] for n in data["nodes"]} == {str(e) for e in entities}
    legend = re.findall(r'<input type="checkbox" checked data-cls="(\w+)"', html)
    assert legend == list(STYLE)
    for node in data["nodes"]:
        assert (node["color"], node["shape"]) == STYLE[node["cls"]][:2]
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert render(graph).html == html, "the same graph gives the same bytes"


def test_size_follows_importance_and_edges_are_labelled(graph):
    data = page_data(render(graph, "en").html)
    sizes = {n["tip"]["name"]: n["size"] for n in data["nodes"]}
    assert sizes[MEETING] == max(sizes.values()), "the meeting with fourteen decisions is the biggest node"
    meeting = by_label(data, MEETING)["id"]
    assert {e["label"] for e in data["edges"] if e["from"] == meeting} == {"convened by", "decided"}
    assert {e["label"] for e in data["edges"]} >= {"decided", "concerns", "convened by"}


def test_tooltip_has_both_labels_class_evidence_and_sources(graph):
    data = page_data(render(graph).html)
    hebei = by_label(data, HEBEI)["tip"]
    assert hebei["other"][0] == "CPC Hebei Provincial Committee"
    assert any(line.startswith("又称: ") and "河北省委" in line for line in hebei["other"])
    node = KGR["organization/" + HEBEI]
    pinyin = [str(lit) for lit in graph.objects(node, RDFS.label) if lit.language.lower().startswith("zh-latn")]
    assert set(pinyin) <= set(hebei["other"])
    assert hebei["cls"] == "组织 Organization"
    meeting = by_label(data, MEETING)["tip"]
    evidence = {str(e) for m in graph.subjects(RDFS.label, Literal(MEETING, lang="zh"))
                for e in graph.objects(m, KG.evidence)}
    assert meeting["evidence"] and set(meeting["evidence"]) <= evidence
    assert re.fullmatch(rf"{SEED.name} · 1956-11-15 · 第\d+版 · \S+", meeting["sources"][0])
    shanxi = by_label(data, "全省农业会议")["tip"]
    assert shanxi["dates"] == "1957-03-05 – 1957-03-08"


@pytest.mark.parametrize(("lang", "expected"), [("zh", "中共河北省委员会"), ("en", "CPC Hebei Provincial Committee"),
                                                 ("both", "中共河北省委员会\nCPC Hebei Provincial Committee")])
def test_label_language(graph, lang, expected):
    data = page_data(render(graph, lang).html)
    assert by_label(data, HEBEI)["label"] == expected
    assert re.search(r'<html lang="(\w+)"', render(graph, lang).html).group(1) == ("zh" if lang == "zh" else "en")


def neighbours(graph: Graph, name: str) -> set[str]:
    """Independently of kg.viz: the entity labelled ``name`` and the entities one fact away."""
    (node,) = set(graph.subjects(RDFS.label, Literal(name, lang="zh")))
    facts = (KG.convenedBy, KG.heldIn, KG.decided, KG.concerns, KG.participant, KG.subOrganizationOf)
    out = {node}
    for p in facts:
        out |= set(graph.objects(node, p)) | set(graph.subjects(p, node))
    return {str(n) for n in out}


def test_focus_by_either_language_and_depth(graph):
    ids = lambda view: {n["id"] for n in page_data(view.html)["nodes"]}  # noqa: E731
    near = neighbours(graph, HEBEI)
    assert ids(render(graph, focus="河北省委")) == near  # an alternative label
    assert ids(render(graph, focus="cpc hebei provincial committee")) == near  # English, any case
    assert ids(render(graph, focus=f"kgr:organization/{HEBEI}")) == near
    assert ids(render(graph, focus=HEBEI, depth=0)) == {n for n in near if "organization/中共河北省委员会" in n}
    two = ids(render(graph, focus=HEBEI, depth=2))
    assert near < two and any("decision/" in n for n in two)
    assert "focus: 中共河北省委员会 (depth 1)" in render(graph, focus="河北省委").notes


def test_types_and_dates(graph):
    view = render(graph, types="Meeting, organization")
    assert {n["cls"] for n in page_data(view.html)["nodes"]} == {"Meeting", "Organization"}
    assert "types: Meeting, Organization" in view.html
    # The Shanxi article (1957-03-12) and its meeting (1957-03-05 – 08) against the 1956 seed.
    spring = {n["tip"]["name"] for n in page_data(render(graph, since="1957-03", until="1957-03-31").html)["nodes"]}
    assert "全省农业会议" in spring and MEETING not in spring
    autumn = {n["tip"]["name"] for n in page_data(render(graph, until="1956").html)["nodes"]}
    assert MEETING in autumn and "全省农业会议" not in autumn
    # A meeting's own dates count: it ran 5–8 March, reported on the 12th.
    assert "全省农业会议" in {n["tip"]["name"] for n in page_data(render(graph, since="1957-03-06",
                                                                      until="1957-03-06").html)["nodes"]}


def test_query_select_and_construct(graph, tmp_path):
    select = tmp_path / "meetings.rq"
    select.write_text("SELECT ?m WHERE { ?m a kg:Meeting }", encoding="utf-8")
    data = page_data(render(graph, query=select).html)
    meetings = {str(m) for m in graph.subjects(RDF.type, KG.Meeting)}
    assert {n["id"] for n in data["nodes"]} == meetings
    construct = tmp_path / "conveners.rq"
    construct.write_text("CONSTRUCT { ?m kg:convenedBy ?o } WHERE { ?m kg:convenedBy ?o }", encoding="utf-8")
    view = render(graph, query=construct, lang="en")
    data = page_data(view.html)
    made = list(graph.subject_objects(KG.convenedBy))
    assert {n["id"] for n in data["nodes"]} == {str(x) for pair in made for x in pair}
    assert len(data["edges"]) == len(made) and {e["label"] for e in data["edges"]} == {"convened by"}
    assert view.notes == [f"query: conveners.rq (CONSTRUCT, {view.nodes} entities)"]


@pytest.mark.parametrize(("filters", "message"), [
    ({"types": "Meeting,Ghost"}, "unknown type"),
    ({"since": "1956-13"}, "--since takes"),
    ({"focus": "不存在的机构"}, "no entity labelled"),
    ({"query": "ASK { ?s ?p ?o }"}, "ASK"),
    ({"query": "SELECT ?x WHERE { ?x nope:p ?y }"}, "SPARQL: "),
    ({"limit": MAX_LIMIT + 1}, "freezes the browser"),
    ({"since": "1990"}, "no node is left"),
])
def test_bad_filters_are_clear_errors(graph, filters, message):
    with pytest.raises(ValueError, match=message):
        render(graph, **filters)


def test_limit_keeps_the_most_important_nodes_and_says_so(graph):
    view = render(graph, limit=5)
    data = page_data(view.html)
    assert view.nodes == len(data["nodes"]) == 5 and view.total_nodes > 5
    full = to_networkx(graph)
    rank = importance(full)
    kept = {n["id"] for n in data["nodes"]}
    dropped = set(full) - kept
    assert all(full.degree(n) for n in kept), "nodes with facts before nodes without"
    assert min(rank[n] for n in kept) >= max(rank[n] for n in dropped if full.degree(n))
    assert MEETING in {n["tip"]["name"] for n in data["nodes"]}
    assert re.search(r'<div id="kg-truncated" role="alert">[^<]*最重要的 5 个节点', view.html)
    assert "warning: too big to draw at once" in view.summary()[-1]
    assert 'id="kg-truncated"' not in render(graph).html


def test_big_graph_is_cut_to_the_default_limit():
    view = render(synthetic_graph(1200))
    assert view.total_nodes > 1000 and view.nodes == 1000 and view.truncated
    assert view.edges <= 5 * 1000
    data = page_data(view.html)
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True


class Tags(HTMLParser):
    """The start tags of a page, as a browser's tokenizer sees them (script content is not markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def test_hostile_strings_stay_data(tmp_path):
    html = write_html(hostile_graph(), tmp_path / "x.html", "both", title="<b>graph</b>").read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(html)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{}, {"type": "application/json", "id": "kg-data"}, {}], "vis-network, the data, the page"
    assert not {tag for tag, _ in parser.tags} & {"img", "b", "iframe", "object"}
    assert not any(k.startswith("on") for _, attrs in parser.tags for k in attrs), "no event handler attributes"
    for text in HOSTILE.values():
        assert text not in html
    assert "&lt;b&gt;graph&lt;/b&gt;" in html
    data = page_data(html)
    meeting = by_label(data, HOSTILE["meeting"])
    assert meeting["tip"]["other"] == [HOSTILE["meeting_en"]]
    assert meeting["tip"]["evidence"] == [HOSTILE["evidence"]]
    assert meeting["tip"]["sources"] == [f"{HOSTILE['file']} · 1956-11-15 · p. 1 · {HOSTILE['title']}"]


def test_cli_viz_with_filters(graph, tmp_path, capsys):
    ttl = save(graph, tmp_path / "g.ttl")
    out = tmp_path / "v.html"
    assert main(["viz", str(ttl), "--out", str(out), "--focus", "河北省委", "--depth", "2", "--types",
                 "Meeting,Organization", "--since", "1956", "--until", "1956-12", "--lang", "en"]) == OK
    printed = capsys.readouterr().out
    assert "focus: 中共河北省委员会 (depth 2)" in printed and f"html: {out}" in printed
    assert {n["cls"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]} == {"Meeting", "Organization"}
    assert main(["viz", str(ttl), "--out", str(out), "--limit", "3"]) == OK
    captured = capsys.readouterr()
    assert "nodes: 3 of" in captured.out and "warning: too big to draw at once" in captured.err
    assert main(["viz", str(ttl), "--out", str(tmp_path / "none.html"), "--types", "Ghost"]) == FAILED
    assert "unknown type" in capsys.readouterr().err and not (tmp_path / "none.html").exists()


def test_empty_graph_gives_a_page_saying_so(tmp_path):
    html = write_html(new_graph(), tmp_path / "e.html").read_text(encoding="utf-8")
    assert 'id="kg-empty"' in html and page_data(html)["nodes"] == []
