"""The final ORDER BY sorted in Python: checked against Oxigraph's own ORDER BY on the same rows."""

from __future__ import annotations

import random
from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef, Variable

from kg import oxigraph_order, oxigraph_store

# Small pools, so that ties (and the same text plain, tagged and as an IRI) come up often.
TEXTS = ["", "a", "A", "ab", "b", "é", "人", "人民", "𠀀"]
LANGS = ["en", "zh"]
DATES = ["1949-10-01", "1950-01-01", "1950-01-02", "1966-05-16", "2003-12-31"]


def random_term(rng: random.Random) -> str:
    """A SPARQL term for a VALUES row: UNDEF, an IRI, a plain string or a language-tagged one."""
    kind = rng.randrange(4)
    text = rng.choice(TEXTS)
    if kind == 0:
        return "UNDEF"
    if kind == 1:
        return f"<http://example.org/{text}>"
    if kind == 2:
        return f'"{text}"'
    return f'"{text}"@{rng.choice(LANGS)}'


def random_date(rng: random.Random) -> str:
    return "UNDEF" if rng.random() < 0.2 else f'"{rng.choice(DATES)}"^^<http://www.w3.org/2001/XMLSchema#date>'


def random_integer(rng: random.Random) -> str:
    return "UNDEF" if rng.random() < 0.2 else str(rng.randrange(-3, 4))


def values_query(rows: list[tuple[str, ...]]) -> str:
    """Rows of ?a ?b (terms), ?d (dates) and ?n (integers), numbered by ?i."""
    rows = [row + ("UNDEF",) * (4 - len(row)) for row in rows]
    body = " ".join(f"({i} {' '.join(row)})" for i, row in enumerate(rows))
    return f"SELECT ?i ?a ?b ?d ?n WHERE {{ VALUES (?i ?a ?b ?d ?n) {{ {body} }} }}"


def split(sparql: str) -> oxigraph_order.Order | None:
    return oxigraph_order.split(sparql, oxigraph_store._TOKENS.sub(oxigraph_store._blank, sparql))


def ours(store: ox.Store, sparql: str) -> list | None:
    order = split(sparql)
    assert order is not None
    answer = store.query(order.text)
    return oxigraph_order.sort(list(answer), [v.value for v in answer.variables], order.keys)


@pytest.mark.parametrize("seed", range(20))
def test_sort_orders_as_oxigraph_does(seed: int) -> None:
    rng = random.Random(seed)
    rows = [(random_term(rng), random_term(rng), random_date(rng), random_integer(rng))
            for _ in range(rng.randrange(1, 60))]
    keys = rng.sample(["a", "b", "d", "n"], rng.randrange(1, 5))
    clause = " ".join(rng.choice([f"?{k}", f"ASC(?{k})", f"DESC(?{k})", f"desc( ${k} )"]) for k in keys)
    sparql = f"{values_query(rows)} ORDER BY {clause}"
    store = ox.Store()

    reference = list(store.query(sparql))
    mine = ours(store, sparql)

    assert mine is not None, sparql
    columns = [{"i": 0, "a": 1, "b": 2, "d": 3, "n": 4}[k] for k in keys]
    # Rows that tie on every key may come in any order (Oxigraph's sort is not stable): the keys must follow
    # the same sequence, and the rows must be the same rows.
    assert [[row[c] for c in columns] for row in mine] == [[row[c] for c in columns] for row in reference]
    assert Counter(tuple(row) for row in mine) == Counter(tuple(row) for row in reference)


def test_sort_keeps_the_order_of_ties() -> None:
    store = ox.Store()
    sparql = values_query([("<http://e/x>", '"b"', "UNDEF"), ("<http://e/y>", '"a"', "UNDEF"),
                           ("<http://e/z>", '"b"', "UNDEF")]) + " ORDER BY DESC(?b)"
    assert [row[0].value for row in ours(store, sparql)] == ["0", "2", "1"]


@pytest.mark.parametrize("column", [
    ('"1950-01-01"^^<http://www.w3.org/2001/XMLSchema#date>', '"1950"'),  # a date beside a string
    ('"1950-01-01Z"^^<http://www.w3.org/2001/XMLSchema#date>', "UNDEF"),  # a date with a time zone
    ('"1950"^^<http://www.w3.org/2001/XMLSchema#gYear>', "UNDEF"),
    ("3", '"12"'),  # an integer beside a string
    ("3", "1.5"),
])
def test_sort_declines_orders_it_does_not_know(column: tuple[str, str]) -> None:
    sparql = values_query([("UNDEF", "UNDEF", value) for value in column]) + " ORDER BY ?d"
    assert ours(ox.Store(), sparql) is None


def test_sort_orders_counts() -> None:
    store = ox.Store()
    sparql = ("SELECT ?a (COUNT(*) AS ?n) WHERE { VALUES ?a { <http://e/x> <http://e/y> <http://e/y> <http://e/z> "
              "<http://e/z> <http://e/z> } } GROUP BY ?a ORDER BY DESC(?n) ?a")
    assert [row[0].value for row in ours(store, sparql)] == ["http://e/z", "http://e/y", "http://e/x"]


def test_sort_declines_a_variable_the_query_does_not_select() -> None:
    answer = ox.Store().query("SELECT ?a WHERE { VALUES (?a ?b) { (1 2) } }")
    assert oxigraph_order.sort(list(answer), [v.value for v in answer.variables], [("b", False)]) is None


def test_split_takes_a_trailing_order_of_plain_variables() -> None:
    order = split("SELECT ?a ?b WHERE { ?a ?p ?b }\norder  by ?a DESC(?b) asc( $c )  \n")
    assert order == oxigraph_order.Order("SELECT ?a ?b WHERE { ?a ?p ?b }\n\n",
                                         (("a", False), ("b", True), ("c", False)))


@pytest.mark.parametrize("sparql", [
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 10",
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a OFFSET 2",
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a } }",
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY STR(?a)",
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ASC(LCASE(?a))",
    "SELECT ?a WHERE { ?a ?p ?b } # ORDER BY ?a",
    'SELECT ?a WHERE { ?a ?p "x ORDER BY ?a" }',
    "SELECT ?a WHERE { ?a ?p <http://e/ORDER BY ?a> }",
    "SELECT ?a WHERE { ?a ?p ?b }",
])
def test_split_leaves_other_queries_alone(sparql: str) -> None:
    assert split(sparql) is None


def store_of(*triples: tuple[str, str]) -> ox.Store:
    store = ox.Store()
    for subject, year in triples:
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/{subject}"), ox.NamedNode("http://example.org/year"),
                          ox.Literal(year, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))))
    return store


def years(store: ox.Store, sparql: str) -> list[str]:
    return [str(row[Variable("y")]) for row in oxigraph_store.query(store, sparql).bindings]


def test_query_falls_back_to_oxigraphs_order() -> None:
    store = store_of(("b", "1950"), ("a", "1966"), ("c", "1949"))
    assert years(store, "SELECT ?s ?y WHERE { ?s <http://example.org/year> ?y } ORDER BY DESC(?y)") == [
        "1966", "1950", "1949"]
    assert years(store, "SELECT ?y WHERE { ?s <http://example.org/year> ?y } ORDER BY ?s") == [
        "1966", "1950", "1949"]


def test_query_sorts_in_python_what_it_can() -> None:
    store = store_of(("b", "1950"), ("a", "1966"), ("c", "1949"))
    result = oxigraph_store.query(store, "SELECT ?s ?y WHERE { ?s <http://example.org/year> ?y } ORDER BY ?s")
    assert [row[Variable("s")] for row in result.bindings] == [
        URIRef(f"http://example.org/{s}") for s in "abc"]
    assert result.bindings[0][Variable("y")] == Literal("1966", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#gYear"))
