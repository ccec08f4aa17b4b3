import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS, XSD

from kg import oxigraph_store
from kg.extract import extract
from kg.mapping import PINYIN, triples
from kg.namespace import KG
from kg.pipeline import build_graph
from kg.reader import parse
from kg.resolve import iri_segment, resolve
from kg.store import load, save
from tests.conftest import CHINESE_ONLY


def _graph(text: str, source: str = "shanxi.md") -> Graph:
    graph = Graph()
    for article in parse(text, source):
        for t in triples(resolve(extract(article))):
            graph.add(t)
    return graph


def test_article_facts():
    g = _graph(CHINESE_ONLY)
    [art] = g.subjects(RDF.type, KG.Article)
    assert g.value(art, KG.sourceFile) == Literal("shanxi.md", datatype=XSD.string)
    assert g.value(art, KG.publishedOn) == Literal("1957-03-12", datatype=XSD.date)
    assert g.value(art, KG.page) == Literal(3, datatype=XSD.integer)
    assert g.value(art, KG.datelineDate) == Literal("1957-03-10", datatype=XSD.date)
    assert (art, KG.title, Literal("中共山西省委召开全省农业会议", lang="zh")) in g


def test_every_fact_has_evidence_and_provenance():
    g = _graph(CHINESE_ONLY)
    [art] = g.subjects(RDF.type, KG.Article)
    for cls in (KG.Meeting, KG.Decision):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes, cls
        for node in nodes:
            assert g.value(node, KG.evidence) is not None
            assert g.value(node, PROV.wasDerivedFrom) == art
            assert (art, KG.mentions, node) in g


def test_meeting_relations():
    g = _graph(CHINESE_ONLY)
    [meeting] = [m for m in g.subjects(RDF.type, KG.Meeting)
                 if str(g.value(m, RDFS.label)) == "全省农业会议"]
    convener = g.value(meeting, KG.convenedBy)
    assert str(g.value(convener, RDFS.label)) == "中共山西省委员会"
    assert (convener, SKOS.altLabel, Literal("中共山西省委", lang="zh")) in g
    assert g.value(meeting, KG.startDate) == Literal("1957-03-05", datatype=XSD.date)
    assert g.value(meeting, KG.endDate) == Literal("1957-03-08", datatype=XSD.date)
    assert {str(g.value(p, RDFS.label)) for p in g.objects(meeting, KG.heldIn)} == {"太原市"}
    assert len(list(g.objects(meeting, KG.decided))) >= 2


def test_same_entity_one_iri_across_articles(tmp_path):
    (tmp_path / "a.md").write_text("### 甲\n\n1956-11-01\n第1版()\n\n    中共河北省委召开会议。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("### 乙\n\n1956-11-02\n第1版()\n\n    中国共产党河北省委员会发出通知。\n",
                                   encoding="utf-8")
    g = build_graph(tmp_path)
    orgs = [o for o in g.subjects(RDF.type, KG.Organization) if "河北" in str(g.value(o, RDFS.label))]
    assert len(orgs) == 1
    assert {"中共河北省委", "中国共产党河北省委员会", "河北省委"} <= {str(a) for a in g.objects(orgs[0], SKOS.altLabel)}
    assert len(list(g.subjects(KG.mentions, orgs[0]))) == 2


def test_chinese_and_pinyin_labels_follow_from_the_iri(tmp_path, seed_path):
    """What kg.oxigraph_store.LabelWatch relies on: every article gives a node (but an article) the same labels in
    these languages, whatever surface form or English it has; only other languages can differ between articles."""
    (tmp_path / "a.md").write_text("### 甲\n\n1956-11-01\n第1版()\n\n    中共河北省委召开全省工业会议。会议决定"
                                   "推行岗位责任制。河北省委书记林铁在会上讲了话。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("### 乙\n\n1956-11-02\n第1版()\n\n    中国共产党河北省委员会召开全省工业会议，"
                                   "要求各地推行岗位责任制。林铁同志作了报告。\n", encoding="utf-8")
    (tmp_path / "c.md").write_text(CHINESE_ONLY + CHINESE_ONLY.replace("中共山西省委", "山西省委"), encoding="utf-8")
    (tmp_path / seed_path.name).write_bytes(seed_path.read_bytes())
    labels: dict[tuple[str, str], set[str]] = {}
    articles: dict[str, set[str]] = {}
    for path in sorted(tmp_path.iterdir()):
        for article in parse(path.read_text(encoding="utf-8"), path.name):
            for s, p, o in triples(resolve(extract(article))):
                if p == RDFS.label:
                    labels.setdefault((str(s), o.language), set()).add(str(o))
                    articles.setdefault(str(s), set()).add(article.key)
    shared = {node for node, keys in articles.items() if len(keys) > 1}
    assert {n.rsplit("/", 1)[1] for n in shared} >= {"中共河北省委员会", "林铁", "岗位责任制", "中共山西省委员会"}
    pinned = {(node, lang): found for (node, lang), found in labels.items()
              if lang in oxigraph_store.PINNED_LANGUAGES and "/article/" not in node}
    assert {lang for _, lang in pinned} == {"zh", PINYIN}
    assert {key: found for key, found in pinned.items() if len(found) > 1} == {}


def test_iri_segment_is_readable_and_safe():
    assert iri_segment("中共河北省委员会") == "中共河北省委员会"
    assert iri_segment('a b<"x">') == "a%20b%3C%22x%22%3E"


def test_turtle_round_trip_and_determinism(tmp_path, corpus):
    g = build_graph(corpus)
    first = save(g, tmp_path / "one.ttl").read_bytes()
    second = save(build_graph(corpus), tmp_path / "two.ttl").read_bytes()
    assert first == second
    assert isomorphic(load(tmp_path / "one.ttl"), g)
    nt = save(g, tmp_path / "g.nt")
    assert isomorphic(load(nt), g)


def test_english_names_from_gazetteer_and_glossary():
    from kg.english import english_name

    assert english_name("Organization", "中共河北省委员会") == ("CPC Hebei Provincial Committee", "glossary")
    assert english_name("Organization", "上海市人民委员会") == ("Shanghai People's Council", "glossary")
    assert english_name("Organization", "国务院")[1] == "gazetteer"
    assert english_name("Place", "保定市") == ("Baoding", "gazetteer")
    assert english_name("Person", "刘少奇") == ("Liu Shaoqi", "gazetteer")
    assert english_name("Person", "曹荻秋") == ("Cao Diqiu", "pinyin")
    assert english_name("Person", "贾主任", "surname+office") == ("Director Jia", "pinyin")
    assert english_name("Person", "夏蒙", "title+foreign-name") == ("", "")


def test_every_entity_has_a_pinyin_label():
    g = _graph(CHINESE_ONLY)
    nodes = {s for cls in (KG.Organization, KG.Place, KG.Person, KG.Policy, KG.Meeting, KG.Decision)
             for s in g.subjects(RDF.type, cls)}
    assert nodes
    for node in nodes:
        assert any((lbl.language or "").lower() == "zh-latn-pinyin" for lbl in g.objects(node, RDFS.label)), node
    committee = next(n for n in nodes if str(g.value(n, RDFS.label)) == "中共山西省委员会")
    assert Literal("Zhōnggòng Shānxīshěng Wěiyuánhuì", lang="zh-Latn-pinyin") in set(g.objects(committee, RDFS.label))
    assert Literal("CPC Shanxi Provincial Committee", lang="en") in set(g.objects(committee, RDFS.label))


def test_ontology_terms_are_plain_attributes_and_a_mistyped_one_fails():
    assert all(getattr(KG, term) == KG._NS[term] for term in KG.__annotations__)
    assert KG.convenedBy == URIRef("https://w3id.org/rmrb-kg/ontology#convenedBy")
    with pytest.raises(AttributeError):
        KG.convenedby  # noqa: B018
