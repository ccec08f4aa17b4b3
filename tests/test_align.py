from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS

from kg.align import align, find_english
from kg.namespace import KG
from kg.pipeline import build_graph


def test_paragraphs_pair_by_length():
    zh = ["短。", "这是一个长得多的句子，里面有很多字。", "又短。"]
    en = ["Short.", "This is a much longer sentence, with a great many words in it.", "Short again."]
    assert align(zh, en) == [([0], [0]), ([1], [1]), ([2], [2])]
    merged = align(zh, [en[0], en[1] + " " + en[2]])
    assert merged[-1] == ([1, 2], [1])


def test_english_of_a_name_from_the_glossary():
    sentence = "The meeting also proposed to implement the factory director responsibility system " \
               "under the leadership of the Party committee, and improve the work."
    match = find_english("党委领导下的厂长负责制", sentence)
    assert match.text == "factory director responsibility system under the leadership of the Party committee"
    assert find_english("先进生产者运动", "deepening the advanced producer movement").text == \
        "advanced producer movement"
    assert find_english("先进生产者运动", "The weather was fine.") is None


def test_seed_entities_take_english_from_the_translation(seed_path):
    g = build_graph(seed_path)
    meeting = next(m for m in g.subjects(RDF.type, KG.Meeting)
                   if g.value(m, RDFS.label) == Literal("全省工业会议", lang="zh"))
    english = {str(x) for p in (RDFS.label, SKOS.altLabel) for x in g.objects(meeting, p) if x.language == "en"}
    assert "provincial industrial conference" in english
    policy = next(p for p in g.subjects(RDF.type, KG.Policy)
                  if str(g.value(p, RDFS.label)) == "党委领导下的厂长负责制")
    assert (policy, KG.labelSource, Literal("article")) in g
    for cls in (KG.Organization, KG.Place, KG.Policy, KG.Meeting):
        for node in g.subjects(RDF.type, cls):
            assert any(x.language == "en" for p in (RDFS.label, SKOS.altLabel) for x in g.objects(node, p)), node
