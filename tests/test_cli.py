import json
import re

from rdflib.compare import isomorphic

from kg.cli import FAILED, NOTHING, OK, SKIPPED, main
from kg.store import load
from tests.conftest import ROOT


def test_build_writes_turtle_html_report(corpus, tmp_path, capsys):
    out = tmp_path / "build"
    assert main(["build", str(corpus), "--out", str(out), "-q"]) == OK
    printed = capsys.readouterr().out
    assert "read 3 file(s): 4 article(s), 0 skipped" in printed
    assert "Meeting" in printed and "triples:" in printed and "SHACL: valid" in printed
    assert (out / "graph.ttl").stat().st_size > 0
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script" in html and json.dumps("全省工业会议")[1:-1] in html
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html), "the page must not load remote assets"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] == 4 and report["failed"] == []


def test_build_says_what_it_does_after_the_progress_bar(corpus, tmp_path, capsys):
    assert main(["build", str(corpus), "--out", str(tmp_path / "a")]) == OK
    stages = re.findall(r"^(.+?) … (\d+\.\d) s$", capsys.readouterr().err, re.MULTILINE)
    assert [what for what, _ in stages] == [
        "writing graph.ttl", "checking the graph against the shapes (SHACL)", "drawing graph.html"]
    assert main(["build", str(corpus), "--out", str(tmp_path / "b"), "--no-html", "--store",
                 f"oxigraph:{tmp_path / 'b' / 'db'}"]) == OK
    assert re.findall(r"^(.+?) … \d+\.\d s$", capsys.readouterr().err, re.MULTILINE) == [
        "finishing the store: the last triples, one label per language, compaction",
        "checking the graph against the shapes (SHACL)"]
    assert main(["build", str(corpus), "--out", str(tmp_path / "c"), "-q"]) == OK
    assert " … " not in capsys.readouterr().err


def test_bad_files_are_skipped_and_reported(corpus, tmp_path, capsys):
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "noise.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "build"
    assert main(["build", str(corpus), "--out", str(out), "-q", "--no-html"]) == SKIPPED
    err = capsys.readouterr().err
    assert "empty.md" in err and "noise.txt" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {f["file"].rsplit("/", 1)[-1] for f in report["failed"]} == {"empty.md", "noise.txt"}
    # The good articles are all there, as in a build without the bad files.
    assert report["articles"] == 4


def test_nothing_built(tmp_path, capsys):
    (tmp_path / "empty.md").write_bytes(b"")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "-q"]) == NOTHING
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert main(["build", str(tmp_path / "missing"), "-q"]) == NOTHING


def test_query_formats_and_bindings(corpus, tmp_path, capsys):
    out = tmp_path / "build"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    capsys.readouterr()
    graph = str(out / "graph.ttl")
    assert main(["query", str(ROOT / "queries/meetings.rq"), "--graph", graph, "--format", "json"]) == OK
    rows = json.loads(capsys.readouterr().out)
    assert {"meeting", "name", "convener", "place", "date"} <= set(rows[0])
    assert any(r["name"] == "全省工业会议" and r["convener"] == "中共河北省委员会" for r in rows)
    query = str(ROOT / "queries/entity_articles.rq")
    assert main(["query", query, "--graph", graph, "--format", "csv", "--label", "name=河北省委"]) == OK
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("entity,class,file") and len(lines) == 2
    assert "000_9a42a4b9297332b5.txt" in lines[1]
    assert main(["query", query, "--graph", graph, "--format", "csv", "--bind", "name=河北省委"]) == OK
    assert len(capsys.readouterr().out.strip().splitlines()) == 1  # a plain string is not the label "河北省委"@zh
    hostile = 'x" } ; DROP ALL ; { "'
    assert main(["query", query, "--graph", graph, "--label", f"name={hostile}"]) == OK
    assert "(0 rows)" in capsys.readouterr().out
    assert main(["query", query, "--graph", graph, "--label", "河北省委"]) == FAILED
    assert "--label takes NAME=VALUE" in capsys.readouterr().err


def test_query_string_and_table(corpus, tmp_path, capsys):
    out = tmp_path / "b"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    capsys.readouterr()
    assert main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }", "--graph",
                 str(out / "graph.ttl")]) == OK
    table = capsys.readouterr().out
    assert table.splitlines()[2].strip() == "4" and "(1 row)" in table


def test_every_canned_query_runs(corpus, tmp_path, capsys):

    out = tmp_path / "b"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    queries = sorted((ROOT / "queries").glob("*.rq"))
    assert len(queries) >= 6
    for q in queries:
        assert main(["query", str(q), "--graph", str(out / "graph.ttl"), "--format", "json"]) == OK, q
        capsys.readouterr()


def test_viz_and_validate_commands(corpus, tmp_path, capsys):
    out = tmp_path / "b"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    assert main(["viz", str(out / "graph.ttl"), "--out", str(out / "v.html"), "--lang", "both"]) == OK
    assert (out / "v.html").read_text(encoding="utf-8").count("<html") == 1
    assert main(["validate", str(out / "graph.ttl")]) == OK
    assert "conforms" in capsys.readouterr().out
    assert isomorphic(load(out / "graph.ttl"), load(out / "graph.ttl"))


def test_missing_graph_is_a_clear_error(tmp_path, capsys):
    assert main(["query", str(ROOT / "queries/meetings.rq"), "--graph", str(tmp_path / "none.ttl")]) == 1
    assert "no such graph file" in capsys.readouterr().err


def test_nquads_keep_one_named_graph_per_article(corpus, tmp_path):
    from rdflib import Dataset
    from rdflib.compare import isomorphic as iso

    out = tmp_path / "b"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    ds = Dataset()
    ds.parse(out / "graph.nq", format="nquads")
    graphs = [g for g in ds.graphs() if len(g)]
    assert len(graphs) == 4  # four articles
    union = load(out / "graph.ttl")
    merged = load(out / "graph.nq")
    assert iso(union, merged)


def test_query_labels_in_another_language(corpus, tmp_path, capsys):
    out = tmp_path / "b"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    capsys.readouterr()
    graph = str(out / "graph.ttl")
    meetings = str(ROOT / "queries/meetings.rq")
    assert main(["query", meetings, "--graph", graph, "--format", "json", "--lang", "en"]) == OK
    rows = json.loads(capsys.readouterr().out)
    assert any(r["name"] == "provincial industrial conference" and r["convener"] == "CPC Hebei Provincial Committee"
               for r in rows)


def test_long_query_strings_are_queries(corpus, tmp_path, capsys):
    from kg.sparql import query
    from kg.store import load as load_graph

    out = tmp_path / "b"
    main(["build", str(corpus), "--out", str(out), "-q", "--no-html"])
    text = (ROOT / "queries/meetings.rq").read_text(encoding="utf-8") + "\n#" + "x" * 5000
    assert len(list(query(load_graph(out / "graph.ttl"), text))) >= 4
