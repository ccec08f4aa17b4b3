"""`kg build --store oxigraph:DIR`: the graph on disk, queried and drawn from there."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg import mapping, oxigraph_store, pipeline
from kg.cli import OK, main
from kg.manifest import Manifest
from kg.network import to_networkx
from kg.pipeline import build
from kg.sparql import PREFIXES, label
from kg.sparql import query as rdflib_query
from kg.store import load
from tests.conftest import ROOT, write_corpus
from tests.helpers import rdf11
from tests.test_viz import page_data

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(memory build folder, store build folder) of the same four-article corpus."""
    root = tmp_path_factory.mktemp("stored")
    corpus = write_corpus(root / "corpus")
    build([corpus], root / "memory", html=False, check=False, progress=False)
    build([corpus], root / "store-build", html=False, check=False, progress=False, store=root / "store-build" / "db")
    return root / "memory", root / "store-build"


def dataset(location: Path) -> set[str]:
    """Every quad of a store, default graph and named graphs, as N-Quads text."""
    return {str(q) for q in oxigraph_store.open_store(location)}


def test_store_holds_the_same_graph_as_memory(stored, tmp_path):
    memory, on_disk = stored
    store = oxigraph_store.open_store(on_disk / "db")
    assert oxigraph_store.default_graph_size(store) == len(load(memory / "graph.ttl"))
    exported = oxigraph_store.dump(store, tmp_path / "merged.ttl")
    assert rdf11(load(exported)) == rdf11(load(memory / "graph.ttl"))
    # the articles' named graphs are graph.nq's
    named = {str(q) for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert named == {str(q) for q in ox.parse(path=memory / "graph.nq", format=ox.RdfFormat.N_QUADS)}
    report = json.loads((on_disk / "report.json").read_text(encoding="utf-8"))
    assert report["entities"] == json.loads((memory / "report.json").read_text(encoding="utf-8"))["entities"]
    assert report["triples"] == len(load(memory / "graph.ttl"))
    assert report["outputs"]["store"] == str(on_disk / "db")
    assert not (on_disk / "graph.nq").exists() and not (on_disk / "graph.ttl").exists()


def test_one_label_per_language_in_the_store(stored):
    store = oxigraph_store.open_store(stored[1] / "db")
    rows = oxigraph_store.query(store, "SELECT ?n ?lg WHERE { ?n rdfs:label ?l BIND(LCASE(lang(?l)) AS ?lg) } "
                                       "GROUP BY ?n ?lg HAVING (COUNT(?l) > 1)")
    assert list(rows) == []


def test_finishing_a_store_keeps_one_label_per_language(tmp_path):
    kgr = "https://w3id.org/rmrb-kg/resource/"
    lines = [f'<{kgr}org/a> <{PREFIXES["rdfs"]}label> "{text}"{tag} .' for text, tag in
             [("Hebei Provincial Committee", "@en"), ("Hebei Committee", "@en"), ("Hebei CPC Committee", "@en"),
              ("河北省委", "@zh")]]
    lines += [f'<{kgr}org/b> <{PREFIXES["rdfs"]}label> "{text}"{tag} .' for text, tag in
              [("Beijing", "@en"), ("北京", "@zh"), ("Běijīng", "@zh-Latn-pinyin")]]
    builder = oxigraph_store.StoreBuilder(tmp_path / "db")
    for article, half in (("x", lines[::2]), ("y", lines[1::2])):  # two articles, so the default graph merges
        builder.add("".join(f"{line[:-2]} <{kgr}article/{article}> .\n" for line in half))
    builder.finish()
    rows = oxigraph_store.query(builder.store, "SELECT ?n ?p ?l WHERE { ?n ?p ?l }")
    got = {(str(n).rsplit("/", 1)[1], str(p).rsplit("#", 1)[1], str(lit)) for n, p, lit in rows}
    builder.abort()
    assert got == {("a", "label", "Hebei Committee"), ("a", "altLabel", "Hebei CPC Committee"),
                   ("a", "altLabel", "Hebei Provincial Committee"), ("a", "label", "河北省委"),
                   ("b", "label", "Beijing"), ("b", "label", "北京"), ("b", "label", "Běijīng")}


def _article(graph: str, *lines: str) -> str:
    return "".join(f"{line} <https://w3id.org/rmrb-kg/resource/article/{graph}> .\n" for line in sorted(lines))


def _label(node: str, text: str, tag: str) -> str:
    return f'<https://w3id.org/rmrb-kg/resource/{node}> <{PREFIXES["rdfs"]}label> "{text}"@{tag}'


def test_the_label_watch_keeps_the_nodes_whose_labels_can_differ(monkeypatch):
    watch = oxigraph_store.LabelWatch()
    watch.add(_article("x", _label("org/a", "Hebei Committee", "en"), _label("org/a", "河北省委", "zh"),
                       _label("org/b", "Beijing", "en"), _label("org/c", 'The \\"Daily\\"', "en")))
    watch.add(_article("y", _label("org/a", "Hebei CPC Committee", "en"), _label("org/a", "中共河北省委", "zh"),
                       _label("org/a", "Héběi", "zh-Latn-pinyin"), _label("org/b", "Beijing", "en"),
                       _label("org/c", 'The \\"Daily\\"', "en-GB")))
    # org/a's English differs; its Chinese and pinyin are made from its IRI's name (not watched); org/b's is the same
    # and org/c has one English label per language
    assert watch.nodes == {"<https://w3id.org/rmrb-kg/resource/org/a>"} and not watch.everything
    watch.add(_article("x", _label("article/x", "甲", "zh")))  # a second file with an article of the same IRI
    assert watch.nodes == {"<https://w3id.org/rmrb-kg/resource/org/a>", "<https://w3id.org/rmrb-kg/resource/article/x>"}
    monkeypatch.setattr(oxigraph_store, "MERGE_ALL_ABOVE", 2)
    watch.add(_article("z", _label("org/b", "Peking", "en")))
    assert watch.everything and watch.nodes == set()  # too many to name: every label is merged
    blank = oxigraph_store.LabelWatch()
    blank.add(f'_:b1 <{PREFIXES["rdfs"]}label> "x"@en <g:1> .\n_:b1 <{PREFIXES["rdfs"]}label> "y"@en <g:1> .\n')
    assert blank.everything


def test_labels_two_translations_give_one_node_are_merged_as_in_memory(tmp_path, seed_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    (corpus / seed_path.name).write_text(text, encoding="utf-8")
    other = text.replace("industrial conference", "industry meeting").replace("Industrial Conf", "Industry Meet")
    (corpus / "retranslated.txt").write_text(other, encoding="utf-8")
    watch = oxigraph_store.LabelWatch()
    for name in sorted(os.listdir(corpus)):
        for quads in pipeline.process_file(corpus / name, facts=False).quads:
            watch.add(quads)
    assert any("/meeting/" in node for node in watch.nodes)  # the meeting the two translations name differently
    build([corpus], tmp_path / "memory", html=False, check=False, progress=False)
    build([corpus], tmp_path / "disk", html=False, check=False, progress=False, store=tmp_path / "disk" / "db")
    exported = oxigraph_store.dump(oxigraph_store.open_store(tmp_path / "disk" / "db"), tmp_path / "merged.ttl")
    assert rdf11(load(exported)) == rdf11(load(tmp_path / "memory" / "graph.ttl"))


# A name for each canned query's name parameter, found in the test corpus.
NAMES = {"entity_articles.rq": {"name": "河北省"}, "organization_timeline.rq": {"name": "河北省委"},
         "policy_decisions.rq": {"name": "党委领导下的厂长负责制"}, "meeting_decisions.rq": {"name": "全省工业会议"},
         "meetings.rq": {"org": "河北省委"}}


def parameters(path: Path) -> set[str]:
    """The variables a canned query's "# Parameters:" line names."""
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# Parameters:"))
    return set(re.findall(r"\?(\w+)", line))


def test_every_name_parameter_has_a_test_value():
    assert {p.name: parameters(p) - {"lang"} for p in QUERIES} == {p.name: set(NAMES.get(p.name, {})) for p in QUERIES}


FORMS = [(p, False) for p in QUERIES] + [(p, True) for p in QUERIES if p.name in NAMES]  # every query; named too


@pytest.mark.parametrize(("path", "named"), FORMS,
                         ids=lambda v: v.name if isinstance(v, Path) else ("named" if v else "all"))
@pytest.mark.parametrize("bindings", [{}, {"lang": "en"}, {"lang": "zh-Latn-pinyin"}], ids=["zh", "en", "pinyin"])
def test_canned_queries_give_the_same_rows(stored, path, bindings, named):
    if named:
        bindings = {**bindings, **{k: label(v) for k, v in NAMES[path.name].items()}}
    memory, on_disk = stored
    graph = load(memory / "graph.ttl")
    store = oxigraph_store.open_store(on_disk / "db")
    expected = rdflib_query(graph, path, bindings)
    got = oxigraph_store.query(store, path, bindings)
    assert [str(v) for v in got.vars] == [str(v) for v in expected.vars]

    def rows(result):
        return sorted(tuple(str(row[v]) if row[v] is not None else "" for v in result.vars) for row in result)

    assert rows(got) == rows(expected)
    assert rows(got)


@pytest.mark.parametrize("lang", [None, "en", "zh-Latn-pinyin"])
def test_canned_labels_are_in_the_language_asked_for_else_chinese(stored, lang):
    memory, on_disk = stored
    graph = load(memory / "graph.ttl")
    labels: dict[tuple[str, str], str] = {(str(s), o.language): str(o) for s, o in graph.subject_objects(RDFS.label)}
    bindings = {"lang": lang} if lang else {}
    for got in (rdflib_query(graph, ROOT / "queries" / "meetings.rq", bindings),
                oxigraph_store.query(oxigraph_store.open_store(on_disk / "db"), ROOT / "queries" / "meetings.rq",
                                     bindings)):
        names = {(str(row["meeting"]), str(row["name"])) for row in got}
        assert names == {(m, labels.get((m, lang or "zh"), labels[(m, "zh")])) for m, _ in names}
        assert any(labels.get((m, lang or "zh")) for m, _ in names)  # not every label a fallback
        if lang == "en":  # and some are: the Chinese-only articles' meetings have no English label
            assert any((m, "en") not in labels for m, _ in names)


@pytest.mark.parametrize("sparql", [*(p.read_text(encoding="utf-8") for p in QUERIES),
                                    "SELECT DISTINCT ?a (COUNT(?m) AS ?n) WHERE { ?a kg:p ?m } GROUP BY ?a",
                                    '# SELECT ?c\nSELECT ?x WHERE { ?x rdfs:label "SELECT ?y {" }'])
def test_the_projection_read_from_the_text_is_rdflibs(sparql):
    from rdflib.plugins.sparql import prepareQuery

    assert oxigraph_store._projection(sparql) == {str(v) for v in prepareQuery(sparql, initNs=PREFIXES).algebra["PV"]}


def test_bound_values_stay_values(stored):
    store = oxigraph_store.open_store(stored[1] / "db")
    before = len(store)
    hostile = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("a" = "a'
    rows = oxigraph_store.query(store, "SELECT ?n WHERE { ?n rdfs:label ?l FILTER(STR(?l) = ?name) }",
                                {"name": hostile})
    assert list(rows) == []
    assert len(store) == before
    # a selected variable is substituted by Oxigraph; one it does not select is written as an escaped term
    text, substitutions = oxigraph_store.bind("SELECT ?name WHERE { ?n rdfs:label ?name FILTER(BOUND(?lang)) }",
                                              {"name": "a", "lang": 'q"\\'})
    assert list(map(str, substitutions)) == ["?name"]
    assert "FILTER(true)" in text and "?lang" not in text
    found = oxigraph_store.query(store, "SELECT ?n WHERE { ?n rdfs:label ?l FILTER(STR(?l) = ?name) }",
                                 {"name": "中共河北省委员会"})
    assert [str(r.n) for r in found] == ["https://w3id.org/rmrb-kg/resource/organization/中共河北省委员会"]


def test_store_builds_are_reproducible(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    for name in ("a", "b"):
        build([corpus], tmp_path / name, html=False, check=False, progress=False, store=tmp_path / name / "db",
              cache=None)
    dumps = [oxigraph_store.dump(oxigraph_store.open_store(tmp_path / name / "db"), tmp_path / f"{name}.nq",
                                 ox.RdfFormat.N_QUADS).read_bytes() for name in ("a", "b")]
    assert dumps[0] == dumps[1]


def test_interrupted_store_build_keeps_the_old_store(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    out, db = tmp_path / "out", tmp_path / "out" / "db"
    build([corpus], out, html=False, check=False, progress=False, store=db)
    before = dataset(db)

    def interrupted(facts):
        raise KeyboardInterrupt

    monkeypatch.setattr(mapping, "triples", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, html=False, check=False, progress=False, store=db, jobs=1)
    assert dataset(db) == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_store_build_interrupted_while_loading_keeps_the_old_store(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    out, db = tmp_path / "out", tmp_path / "out" / "db"
    build([corpus], out, html=False, check=False, progress=False, store=db)
    before = dataset(db)
    monkeypatch.setattr(oxigraph_store, "LOAD_CHUNK", 1)  # every article a chunk: the loading thread is busy
    triples, calls = mapping.triples, []

    def interrupted(facts):
        calls.append(facts)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return triples(facts)

    monkeypatch.setattr(mapping, "triples", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, html=False, check=False, progress=False, store=db, jobs=1)
    assert dataset(db) == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    assert not (tmp_path / "out" / ".db.building").exists()


def test_a_failed_load_stops_the_build_with_its_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(oxigraph_store, "LOAD_CHUNK", 1)
    builder = oxigraph_store.StoreBuilder(tmp_path / "db")
    builder.add("<https://w3id.org/rmrb-kg/resource/a> not N-Quads <https://w3id.org/rmrb-kg/resource/g> .\n")
    with pytest.raises(RuntimeError, match="loading the store failed"):
        builder.finish()
    builder.abort()
    assert not (tmp_path / ".db.building").exists() and not (tmp_path / "db").exists()


def test_store_refuses_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not an Oxigraph store"):
        oxigraph_store.StoreBuilder(tmp_path / "db")
    with pytest.raises(ValueError, match="unknown store kind"):
        oxigraph_store.store_location("postgres:db")
    assert oxigraph_store.store_location("oxigraph:/x/db") == Path("/x/db")


def test_big_store_build_skips_shacl_and_draws_a_view(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "IN_MEMORY_LIMIT", 10)
    corpus = write_corpus(tmp_path / "corpus")
    report = build([corpus], tmp_path / "out", progress=False, store=tmp_path / "out" / "db")
    assert any(where == "SHACL" and "not run" in why for where, why in report.warnings)
    data = page_data((tmp_path / "out" / "graph.html").read_text(encoding="utf-8"))
    assert "全省工业会议" in {n["tip"]["name"] for n in data["nodes"]}


def test_view_graph_keeps_the_busiest_nodes(stored):
    store = oxigraph_store.open_store(stored[1] / "db")
    view = to_networkx(oxigraph_store.view_graph(store, limit=3))
    assert 1 <= view.number_of_nodes() <= 3
    near = to_networkx(oxigraph_store.view_graph(store, focus="河北省委", depth=1))
    assert "https://w3id.org/rmrb-kg/resource/organization/中共河北省委员会" in near
    assert all(d["sources"] for _, d in near.nodes(data=True))  # tooltips keep their articles
    with pytest.raises(ValueError, match="no entity"):
        oxigraph_store.view_graph(store, focus="不存在的机构")
    later = oxigraph_store.view_graph(store, since="1957-04")
    assert URIRef("https://w3id.org/rmrb-kg/resource/organization/中共河北省委员会") not in set(later.subjects())


def test_cli_build_query_and_viz_with_a_store(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "-q", "--no-html", "--store", f"oxigraph:{out / 'db'}"]) == OK
    assert f"store: {out / 'db'}" in capsys.readouterr().out
    meetings = str(ROOT / "queries" / "meetings.rq")
    assert main(["query", meetings, "--store", f"oxigraph:{out / 'db'}", "--format", "csv", "--lang", "en"]) == OK
    assert "provincial industrial conference" in capsys.readouterr().out
    assert main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", str(out / "db")]) == OK
    triples = json.loads((out / "report.json").read_text(encoding="utf-8"))["triples"]
    assert str(triples) in capsys.readouterr().out
    assert main(["export", str(out / "db"), "--format", "ttl", "--out", str(tmp_path / "g.ttl")]) == OK
    assert len(load(tmp_path / "g.ttl")) == triples
    assert main(["export", str(out / "db"), "--format", "graphml", "--out", str(tmp_path / "g.graphml")]) == OK
    assert "中共河北省委员会" in (tmp_path / "g.graphml").read_text(encoding="utf-8")
    page = tmp_path / "view.html"
    assert main(["viz", "--store", f"oxigraph:{out / 'db'}", "--focus", "河北省委", "--out", str(page)]) == OK
    assert "中共河北省委员会" in {n["tip"]["name"] for n in page_data(page.read_text(encoding="utf-8"))["nodes"]}
    assert main(["query", meetings, "--store", str(out / "db"), "--graph", "x.ttl"]) != OK


def test_literal_terms_round_trip():
    term = oxigraph_store._term(oxigraph_store._ox_term(Literal("x", lang="zh-Latn-pinyin")))
    assert term.language.lower() == "zh-latn-pinyin" and str(term) == "x"


def test_shards_concatenate_to_the_whole_and_bulk_load_into_the_oxigraph_server_store(tmp_path):
    """Beyond one machine: builds of parts of a corpus concatenate to the whole build's graph.nq."""
    import subprocess

    from kg.serve import oxigraph_binary

    corpus = write_corpus(tmp_path / "corpus")
    files = sorted(corpus.iterdir())
    build([corpus], tmp_path / "whole", html=False, check=False, progress=False)
    parts = []
    for i, chunk in enumerate((files[:1], files[1:])):
        build(chunk, tmp_path / f"part{i}", html=False, check=False, progress=False)
        parts.append((tmp_path / f"part{i}" / "graph.nq").read_bytes())
    assert b"".join(parts) == (tmp_path / "whole" / "graph.nq").read_bytes()
    location = tmp_path / "server-store"
    command = [oxigraph_binary(), "load", "--location", str(location)]
    for i in range(2):
        command += ["--file", str(tmp_path / f"part{i}" / "graph.nq")]
    subprocess.run(command, check=True, capture_output=True)
    loaded = oxigraph_store.open_store(location)
    assert len(loaded) == (tmp_path / "whole" / "graph.nq").read_text(encoding="utf-8").count("\n")


def test_workers_are_spawned_once_a_store_has_started_threads(tmp_path):
    """Forking a process with threads can deadlock the child: an open store's threads make the workers spawn."""
    import threading

    from kg.pipeline import build_graph, worker_context

    gate = threading.Event()
    helper = threading.Thread(target=gate.wait)
    helper.start()
    try:
        assert worker_context().get_start_method() == "spawn"
        builder = oxigraph_store.StoreBuilder(tmp_path / "db")
        builder.finish()
        oxigraph_store.open_store(builder.commit())
        corpus = write_corpus(tmp_path / "corpus")
        assert len(build_graph([corpus], jobs=2)) == len(build_graph([corpus], jobs=1))
    finally:
        gate.set()
        helper.join()


def test_store_loads_in_chunks_to_the_same_graph(stored, tmp_path, monkeypatch):
    monkeypatch.setattr(oxigraph_store, "LOAD_CHUNK", 7)
    corpus = write_corpus(tmp_path / "corpus")
    build([corpus], tmp_path / "out", html=False, check=False, progress=False, store=tmp_path / "out" / "db")
    assert dataset(tmp_path / "out" / "db") == dataset(stored[1] / "db")


def _edit_corpus(corpus: Path) -> None:
    """One file changed (a label of a shared node is gone, a new meeting comes), one removed, one added."""
    text = (corpus / "shanxi.md").read_text(encoding="utf-8")
    (corpus / "shanxi.md").write_text(text.replace("山西省", "山西") + "\n    省委决定召开全省水利会议。\n",
                                      encoding="utf-8")
    (corpus / "two.md").rename(corpus.parent / "two.md")
    (corpus / "new.md").write_text(
        "### 河北省委召开扩大会议\n\n    中共河北省委员会在保定召开扩大会议，决定加强农业合作化工作。\n",
        encoding="utf-8")


def test_an_update_in_place_gives_the_store_a_full_build_gives(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    _edit_corpus(corpus)
    folder = (out / "db").stat().st_ino
    extracted = []
    real = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", lambda article, components: extracted.append(article.source) or
                        real(article, components))
    updated = build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache",
                    jobs=1)
    assert sorted(Path(s).name for s in extracted) == ["new.md", "shanxi.md"]
    assert (out / "db").stat().st_ino == folder  # updated in place, not rebuilt beside
    monkeypatch.setattr(pipeline, "extract", real)
    fresh = build([corpus], tmp_path / "fresh", html=False, check=False, progress=False,
                  store=tmp_path / "fresh" / "db", cache=None)
    assert dataset(out / "db") == dataset(tmp_path / "fresh" / "db")
    assert (updated.files, updated.articles, updated.triples, updated.entities) == \
        (fresh.files, fresh.articles, fresh.triples, fresh.entities)
    # and a second run with nothing changed reads nothing and writes nothing to the store
    extracted.clear()
    monkeypatch.setattr(pipeline, "extract", lambda article, components: extracted.append(article.source))
    manifest = out / "db" / "kg-manifest.json"
    written = manifest.stat().st_mtime_ns
    monkeypatch.setattr(oxigraph_store, "replace_articles", None)  # calling it would fail
    again = build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    assert extracted == [] and again.triples == fresh.triples and manifest.stat().st_mtime_ns == written
    # a file touched with the same bytes: its new time is recorded, and it is not extracted
    os.utime(corpus / "new.md", ns=(written, written + 10**9))
    monkeypatch.setattr(oxigraph_store, "replace_articles", lambda store, dropped, nquads: (0, Counter()))
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    assert extracted == [] and Manifest.load(out / "db").files[str(corpus / "new.md")].stamp[1] == written + 10**9


def test_an_interrupted_update_makes_the_next_build_start_again(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    _edit_corpus(corpus)

    def interrupted(store, dropped, nquads):
        store.remove_graph(ox.NamedNode(sorted(dropped)[0]))  # half done
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(oxigraph_store, "replace_articles", interrupted)
        with pytest.raises(KeyboardInterrupt):
            build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    assert not Manifest.load(out / "db").complete
    folder = (out / "db").stat().st_ino
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    fresh = tmp_path / "fresh"
    build([corpus], fresh, html=False, check=False, progress=False, store=fresh / "db", cache=None)
    assert dataset(out / "db") == dataset(fresh / "db")
    assert Manifest.load(out / "db").complete and (out / "db").stat().st_ino != folder


def test_new_rules_or_many_changes_rebuild_the_store(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    cache = pipeline.ExtractionCache(out / "cache")
    assert pipeline._plan_update([corpus], out / "db", cache) is not None
    (corpus / "extra.md").write_text("### 标题\n\n    北京市人民委员会决定扩建学校。\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "UPDATE_LIMIT", 0)  # one new file in four is more than 10 %
    assert pipeline._plan_update([corpus], out / "db", cache) is None
    monkeypatch.undo()
    cache.version = "other rules"
    assert pipeline._plan_update([corpus], out / "db", cache) is None


def test_two_files_of_one_name_rebuild_rather_than_update(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "shanxi.md").write_text((corpus / "shanxi.md").read_text(encoding="utf-8") + "\n    又讯。\n",
                                              encoding="utf-8")  # same article IRIs as corpus/shanxi.md
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    fresh = tmp_path / "fresh"
    build([corpus], fresh, html=False, check=False, progress=False, store=fresh / "db", cache=None)
    assert dataset(out / "db") == dataset(fresh / "db")


def test_export_from_a_store_streams_every_format(stored, tmp_path):
    from kg.export import export

    location = stored[1] / "db"
    store = oxigraph_store.open_store(location)
    result = export([location], "nq", tmp_path / "all.nq")
    loaded = {str(q) for q in ox.parse(path=tmp_path / "all.nq", format=ox.RdfFormat.N_QUADS)}
    assert loaded == {str(q) for q in store} and result.named_graphs == 4
    export([location], "trig", tmp_path / "all.trig")
    assert len(list(ox.parse(path=tmp_path / "all.trig", format=ox.RdfFormat.TRIG))) == len(store)
    export([location], "jsonld", tmp_path / "g.jsonld")
    assert len(load(tmp_path / "g.jsonld")) == oxigraph_store.default_graph_size(store)
    with pytest.raises(ValueError, match="one Oxigraph store"):
        export([location, stored[0] / "graph.ttl"], "ttl", tmp_path / "x.ttl")


def test_files_with_their_old_size_and_time_are_not_read(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    build([corpus], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    (corpus / "shanxi.md").write_text("### 标题\n\n    山西省人民委员会决定扩建学校。\n", encoding="utf-8")
    read = []
    real = pipeline.Source.read
    monkeypatch.setattr(pipeline.Source, "read", lambda self: read.append(Path(self.name).name) or real(self))
    plan = pipeline._plan_update([corpus], out / "db", pipeline.ExtractionCache(out / "cache"))
    assert read == ["shanxi.md"] and [Path(n).name for n in plan.changed] == ["shanxi.md"]


def test_an_archive_is_opened_only_when_it_changed(tmp_path, monkeypatch):
    import zipfile

    from kg import sources

    corpus = write_corpus(tmp_path / "corpus")
    archive = tmp_path / "month.zip"

    def pack(extra: str) -> None:
        with zipfile.ZipFile(archive, "w") as z:
            for path in sorted(corpus.iterdir()):
                z.writestr(f"month/{path.name}", path.read_bytes())
            z.writestr("month/extra.md", extra)

    pack("### 标题\n\n    北京市人民委员会决定扩建学校。\n")
    out = tmp_path / "out"
    build([archive], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    opened = []
    real = sources._members
    monkeypatch.setattr(sources, "_members", lambda path: opened.append(path) or real(path))
    cache = pipeline.ExtractionCache(out / "cache")
    assert pipeline._plan_update([archive], out / "db", cache).changed == [] and opened == []
    pack("### 标题\n\n    天津市人民委员会决定扩建医院。\n")
    plan = pipeline._plan_update([archive], out / "db", cache)
    assert plan.changed == [f"{archive}/month/extra.md"] and opened == [archive]
    build([archive], out, html=False, check=False, progress=False, store=out / "db", cache=out / "cache")
    fresh = tmp_path / "fresh"
    build([archive], fresh, html=False, check=False, progress=False, store=fresh / "db", cache=None)
    assert dataset(out / "db") == dataset(fresh / "db")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_manifest_leaves_the_garbage_collector_as_it_found_it(tmp_path, enabled):
    import gc

    from kg.manifest import FileEntry

    manifest = Manifest("v1", {"a.md": FileEntry("k", ["https://example.org/a"], stamp=[1, 2])}, triples=3)
    (gc.enable if enabled else gc.disable)()
    try:
        manifest.save(tmp_path)
        assert gc.isenabled() is enabled
        assert Manifest.load(tmp_path) == manifest
        assert gc.isenabled() is enabled
        (tmp_path / "kg-manifest.json").write_text("{", encoding="utf-8")
        assert Manifest.load(tmp_path) is None  # unreadable: gone through the context manager's exit too
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
