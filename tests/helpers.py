"""Small helpers for the tests: articles from a few sentences."""

from __future__ import annotations

from datetime import date

from kg.article import Article
from kg.extract import Doc, extract
from kg.reader import split_text


def article(*paragraphs: str, published: date = date(1956, 11, 15)) -> Article:
    a = Article(source="test.md", title_zh="测试", date=published)
    a.zh = split_text((("body", p) for p in paragraphs), "zh")
    return a


def run(*paragraphs: str, published: date = date(1956, 11, 15)) -> Doc:
    return extract(article(*paragraphs, published=published))


def names(doc: Doc, kind: str) -> set[str]:
    return {m.text for m in doc.mentions if m.kind == kind}


def canonicals(doc: Doc, kind: str) -> set[str]:
    return {m.canonical or m.text for m in doc.mentions if m.kind == kind}


def rdf11(triples) -> set[tuple]:
    """Triples as RDF 1.1 compares them: language tags in any case, "x"^^xsd:string the same as "x"."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    def term(t):
        if isinstance(t, Literal) and t.language:
            return Literal(str(t), lang=t.language.lower())
        return Literal(str(t)) if isinstance(t, Literal) and t.datatype == XSD.string else t

    return {tuple(term(t) for t in triple) for triple in triples}


def free_port() -> int:
    """A loopback port nobody listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
