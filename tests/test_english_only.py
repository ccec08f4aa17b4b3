from rdflib import RDF, RDFS, Literal

from kg.namespace import KG
from kg.pipeline import build_graph
from kg.validate import validate

ENGLISH = """Title: Shanxi Provincial Committee Convenes Agricultural Conference
Author:
Date: 1957-03-12
Page: 3

Xinhua News Agency, Taiyuan, March 10th. The Shanxi Provincial Committee of the Communist Party of China \
convened a provincial agricultural conference in Taiyuan. The conference decided to implement the \
contracted production system, strengthen labour management in the cooperatives, and improve irrigation.

Premier Zhou Enlai sent a letter to the conference.
"""


def test_english_only_file_builds_a_graph(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    g = build_graph(tmp_path)
    assert len(g) > 20
    assert validate(g).conforms
    meetings = list(g.subjects(RDF.type, KG.Meeting))
    assert [str(g.value(m, RDFS.label)) for m in meetings] == ["provincial agricultural conference"]
    convener = g.value(meetings[0], KG.convenedBy)
    assert "Shanxi Provincial Committee" in str(g.value(convener, RDFS.label))
    decisions = {str(g.value(d, RDFS.label)) for d in g.objects(meetings[0], KG.decided)}
    assert "implement the contracted production system" in decisions
    for node in g.subjects(RDF.type, KG.Decision):
        assert all(lbl.language == "en" for lbl in g.objects(node, RDFS.label))
    # Known names resolve to the same nodes as in Chinese articles.
    xinhua = [o for o in g.subjects(RDF.type, KG.Organization)
              if (o, RDFS.label, Literal("新华通讯社", lang="zh")) in g]
    assert xinhua and (xinhua[0], RDFS.label, Literal("Xinhua News Agency", lang="en")) in g
    zhou = [p for p in g.subjects(RDF.type, KG.Person) if (p, RDFS.label, Literal("周恩来", lang="zh")) in g]
    assert zhou
