"""`kg export`: named graphs kept by N-Quads and TriG, JSON-LD that expands to the same triples, GraphML, CSV."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from pyld import jsonld
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.cli import FAILED, OK, main
from kg.export import context
from kg.namespace import KG, KGR
from kg.store import load
from tests.conftest import ROOT
from tests.helpers import rdf11

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's TriG




def quads(dataset: Dataset) -> set[tuple]:
    return {(s, p, o, g.identifier if isinstance(g, Graph) else g)
            for s, p, o, g in dataset.quads((None, None, None, None))}


def run(*argv: str) -> int:
    return main(["export", *map(str, argv)])


def test_nquads_and_trig_keep_one_named_graph_per_article(built, tmp_path):
    source = Dataset()
    source.parse(str(built / "graph.nq"), format="nquads")
    articles = set(load(built / "graph.ttl").subjects(RDF.type, KG.Article))
    assert len(articles) == 4
    for fmt in ("nq", "trig"):
        out = tmp_path / f"graph.{fmt}"
        assert run(built, "--format", fmt, "--out", out) == OK  # a build folder gives its graph.nq
        back = Dataset()
        back.parse(str(out), format="nquads" if fmt == "nq" else "trig")
        names = {g.identifier for g in back.graphs() if len(g)}
        assert names == articles, fmt
        for article in articles:  # each article's graph holds the article itself
            assert (article, RDF.type, KG.Article) in back.graph(article)
        assert quads(back) == quads(source), fmt
    assert set((tmp_path / "graph.nq").read_text("utf-8").splitlines()) == \
        set((built / "graph.nq").read_text("utf-8").splitlines())


def test_quad_export_of_a_graph_without_named_graphs_says_so(built, tmp_path, capsys):
    out = tmp_path / "flat.trig"
    assert run(built / "graph.ttl", "--format", "trig", "--out", out) == OK
    err = capsys.readouterr().err
    assert "has no named graphs" in err and str(built / "graph.nq") in err
    back = Dataset()
    back.parse(str(out), format="trig")
    assert {g.identifier for g in back.graphs() if len(g)} == {DATASET_DEFAULT_GRAPH_ID}
    assert isomorphic(back.graph(DATASET_DEFAULT_GRAPH_ID), load(built / "graph.ttl"))


@pytest.mark.parametrize(("fmt", "parse_as"), [("ttl", "turtle"), ("nt", "nt")])
def test_triple_formats_hold_the_union_graph(built, tmp_path, fmt, parse_as):
    out = tmp_path / f"graph.{fmt}"
    assert run(built / "graph.nq", "--format", fmt, "--out", out) == OK
    back = Graph().parse(str(out), format=parse_as)
    assert isomorphic(back, load(built / "graph.ttl"))


def test_jsonld_expands_with_pyld_to_the_same_triples(built, tmp_path):
    out = tmp_path / "graph.jsonld"
    assert run(built, "--format", "jsonld", "--out", out) == OK
    doc = json.loads(out.read_text("utf-8"))
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text("utf-8"))["@context"]
    assert doc["@context"] == published == context()
    # Compact, readable terms from the context: language maps and plain property names.
    meeting = next(n for n in doc["@graph"] if n.get("label", {}).get("zh") == "全省工业会议")
    assert meeting["type"] == "Meeting" and isinstance(meeting["convenedBy"], str)

    expanded = jsonld.expand(doc)
    dataset = jsonld.to_rdf(expanded)
    assert set(dataset) == {"@default"}

    def term(t: dict):
        if t["type"] == "IRI":
            return URIRef(t["value"])
        if t["type"] == "blank node":
            return BNode(t["value"][2:])
        if t.get("language"):
            return Literal(t["value"], lang=t["language"])
        return Literal(t["value"], datatype=URIRef(t["datatype"]))

    triples = [(term(q["subject"]), term(q["predicate"]), term(q["object"])) for q in dataset["@default"]]
    assert len(triples) == len(load(built / "graph.ttl"))
    assert rdf11(triples) == rdf11(load(built / "graph.ttl"))


def test_published_context_compacts_other_documents():
    doc = {"@context": context(), "id": str(KGR["place/河北省"]), "type": "Place",
           "label": {"zh": "河北省", "en": "Hebei Province"}}
    triples = jsonld.to_rdf(doc)["@default"]
    assert {(q["predicate"]["value"], q["object"]["value"]) for q in triples} == {
        (str(RDF.type), str(KG.Place)),
        ("http://www.w3.org/2000/01/rdf-schema#label", "河北省"),
        ("http://www.w3.org/2000/01/rdf-schema#label", "Hebei Province"),
    }


def test_graphml_opens_in_networkx_with_labels_and_classes(built, tmp_path):
    out = tmp_path / "graph.graphml"
    assert run(built, "--format", "graphml", "--out", out) == OK
    g = nx.read_graphml(out)
    graph = load(built / "graph.ttl")
    assert all(data.get("label") and "class" in data for _n, data in g.nodes(data=True))
    org = str(KGR["organization/中共河北省委员会"])
    assert g.nodes[org]["class"] == "Organization"
    assert g.nodes[org]["label"] == g.nodes[org]["label_zh"] == "中共河北省委员会"
    assert "河北省委" in g.nodes[org]["altLabel_zh"].split(" | ")
    classes = {data["class"] for _n, data in g.nodes(data=True)}
    assert {"Article", "Meeting", "Organization", "Place", "Policy", "Decision"} <= classes
    # Every triple with an IRI object but a type is an edge, labelled with its property.
    links = [(s, p, o) for s, p, o in graph if isinstance(o, URIRef) and p != RDF.type]
    assert g.number_of_edges() == len(links)
    meeting = next(n for n, d in g.nodes(data=True) if d["label"] == "全省工业会议")
    assert any(d["label"] == "convenedBy" and d["predicate"] == str(KG.convenedBy)
               for _k, d in g.get_edge_data(meeting, org).items())
    assert "中共河北省委员会" in out.read_text("utf-8")  # UTF-8, not character references


def test_graphml_labels_in_english(built, tmp_path):
    out = tmp_path / "graph.graphml"
    assert run(built, "--format", "graphml", "--out", out, "--lang", "en") == OK
    g = nx.read_graphml(out)
    assert g.nodes[str(KGR["place/河北省"])]["label"] == "Hebei Province"


def test_csv_node_and_edge_tables(built, tmp_path):
    assert run(built, "--format", "csv", "--out", tmp_path / "tables") == OK
    with open(tmp_path / "tables" / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(tmp_path / "tables" / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    g = nx.read_graphml(_graphml(built, tmp_path))
    assert {n["Id"] for n in nodes} == set(g.nodes)
    assert len(edges) == g.number_of_edges()
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids and e["Type"] == "Directed" for e in edges)
    row = next(n for n in nodes if n["Id"] == str(KGR["place/河北省"]))
    assert (row["Label"], row["class"], row["label_en"]) == ("河北省", "Place", "Hebei Province")
    assert {e["Label"] for e in edges} >= {"convenedBy", "decided", "mentions", "wasDerivedFrom"}


def _graphml(built: Path, tmp_path: Path) -> Path:
    out = tmp_path / "check.graphml"
    assert run(built, "--format", "graphml", "--out", out) == OK
    return out


def test_stdout_is_the_default(built, capsysbinary):
    assert run(built, "--format", "nt") == OK
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert isomorphic(Graph().parse(data=text, format="nt"), load(built / "graph.ttl"))


def test_same_bytes_whatever_the_hash_seed(built, tmp_path):
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        code = ("import sys; from kg.cli import main; "
                f"sys.exit(sum(main(['export', {str(built)!r}, '--format', f, '--out', {str(folder)!r} + '/g.' + f]) "
                "for f in ('trig', 'jsonld', 'graphml')))")
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, capture_output=True, timeout=120)
        outputs.append([(folder / f"g.{f}").read_bytes() for f in ("trig", "jsonld", "graphml")])
    assert outputs[0] == outputs[1]


def test_clear_errors(built, tmp_path, capsys):
    assert run(built, "--format", "xlsx") == FAILED
    assert "unknown export format 'xlsx'" in capsys.readouterr().err
    assert run(tmp_path / "missing.nq", "--format", "ttl") == FAILED
    assert "missing.nq: no such graph file" in capsys.readouterr().err
    assert run(tmp_path, "--format", "ttl") == FAILED
    assert "without graph.nq or graph.ttl" in capsys.readouterr().err
    assert run(built, "--format", "csv") == FAILED
    assert "give a folder with --out" in capsys.readouterr().err
