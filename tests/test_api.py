"""The Python API: ``from kg import build, query`` and ``kg.viz(g)``."""

from __future__ import annotations

import sys

import pytest
from rdflib import RDF, Graph, Literal

import kg
from kg import build, label, query
from kg.namespace import KG
from kg.pipeline import build as build_folder
from tests.conftest import ROOT, SEED


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build(SEED)


def test_build_and_query_as_the_readme_shows(graph, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert len(set(graph.subjects(RDF.type, KG.Meeting))) >= 1
    rows = query(graph, "queries/meetings.rq")
    names = {str(row.name) for row in rows}
    assert "全省工业会议" in names
    assert {str(v) for v in rows.vars} == {"meeting", "name", "convener", "place", "date"}


def test_query_values_go_in_as_bindings(graph):
    timeline = ROOT / "queries" / "organization_timeline.rq"
    rows = list(query(graph, timeline, name=label("河北省委")))
    assert rows and {str(r.organization) for r in rows} == {"中共河北省委员会"}
    assert list(query(graph, timeline, {"name": label("没有这个组织")})) == []
    # names match exactly, language tag included: a plain string is not the label "河北省委"@zh
    assert list(query(graph, timeline, name="河北省委")) == []
    injected = list(query(graph, ROOT / "queries" / "entity_articles.rq", name=label('河北省" || true || "')))
    assert injected == []


def test_label_tags_by_script():
    assert label("河北省委") == Literal("河北省委", lang="zh")
    assert label("Hebei") == Literal("Hebei", lang="en")
    assert label("Hébĕi", "zh-Latn-pinyin").language.lower() == "zh-latn-pinyin"


def test_query_takes_a_graph_file_or_a_build_folder(tmp_path):
    build_folder([SEED], tmp_path / "build", html=False, check=False, progress=False)
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    counts = {int(next(iter(query(path, sparql))).n) for path in
              (tmp_path / "build", tmp_path / "build" / "graph.ttl", str(tmp_path / "build" / "graph.nq"))}
    assert len(counts) == 1 and counts.pop() > 100


def test_build_of_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        build(tmp_path / "no-such-folder")


def test_viz_displays_inline_in_ipython(graph, tmp_path):
    pytest.importorskip("IPython")
    from IPython.display import HTML

    shown = kg.viz(graph, tmp_path / "g.html")
    assert isinstance(shown, HTML)
    assert (tmp_path / "g.html").is_file()
    html = shown._repr_html_()
    assert html.startswith("<div><iframe srcdoc=") and "&lt;script" in html
    assert "全省工业会议" in html or "\\u5168\\u7701" in html  # the page's data, however it is encoded


def test_viz_without_ipython_returns_the_path(graph, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "IPython", None)  # import IPython... raises ImportError
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    assert kg.viz(graph, tmp_path / "g.html") == tmp_path / "g.html"
    assert (tmp_path / "g.html").read_text("utf-8").lstrip().lower().startswith("<!doctype html")


def test_the_api_names_are_functions():
    import kg.network
    import kg.sparql

    assert callable(kg.build) and callable(kg.query) and callable(kg.viz)
    assert query is kg.query and "build" in dir(kg)
    assert kg.network.write_html and kg.sparql.format_result  # the modules behind them keep their own names
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        kg.nothing  # noqa: B018
