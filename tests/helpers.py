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
