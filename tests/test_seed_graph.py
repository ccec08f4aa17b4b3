"""The seed article's graph holds what the pipeline issue promises."""

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS, XSD

from kg.namespace import KG
from kg.pipeline import build_graph
from kg.validate import validate


@pytest.fixture(scope="module")
def graph():
    from tests.conftest import SEED

    return build_graph(SEED)


def _by_label(graph, cls, label):
    for node in graph.subjects(RDF.type, cls):
        labels = {str(x) for p in (RDFS.label, SKOS.altLabel) for x in graph.objects(node, p)}
        if label in labels:
            return node
    raise AssertionError(f"no {cls} labelled {label}")


def test_meeting_and_convener(graph):
    meeting = _by_label(graph, KG.Meeting, "全省工业会议")
    convener = graph.value(meeting, KG.convenedBy)
    assert graph.value(convener, RDFS.label) == Literal("中共河北省委员会", lang="zh")
    assert (convener, SKOS.altLabel, Literal("河北省委", lang="zh")) in graph
    assert graph.value(meeting, KG.evidence) is not None


def test_decisions_of_the_meeting(graph):
    meeting = _by_label(graph, KG.Meeting, "全省工业会议")
    decided = {str(graph.value(d, RDFS.label)) for d in graph.objects(meeting, KG.decided)}
    assert "加强党对工业的领导" in decided
    assert "实行党委领导下的厂长负责制" in decided
    for d in graph.objects(meeting, KG.decided):
        assert graph.value(d, KG.evidence) is not None


def test_policy_place_agency(graph):
    _by_label(graph, KG.Policy, "党委领导下的厂长负责制")
    _by_label(graph, KG.Place, "河北省")
    agency = _by_label(graph, KG.Organization, "新华通讯社")
    [art] = graph.subjects(RDF.type, KG.Article)
    assert graph.value(art, KG.datelineAgency) == agency


def test_article_date_page_dateline(graph):
    [art] = graph.subjects(RDF.type, KG.Article)
    assert graph.value(art, KG.publishedOn) == Literal("1956-11-15", datatype=XSD.date)
    assert graph.value(art, KG.page) == Literal(2, datatype=XSD.integer)
    assert graph.value(art, KG.datelineDate) == Literal("1956-11-13", datatype=XSD.date)


def test_seed_graph_is_shacl_valid(graph):
    result = validate(graph)
    assert result.conforms, result.violations[:5]
