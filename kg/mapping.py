"""The RDF mapping: the one place where resolved facts become triples."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS, XSD

from kg.dates import PartialDate
from kg.namespace import KG, KGR
from kg.resolve import ArticleFacts, Names

Triple = tuple[URIRef, URIRef, URIRef | Literal]
CLASS = {"Organization": KG.Organization, "Place": KG.Place, "Person": KG.Person, "Policy": KG.Policy}
# rdflib's namespaces check a term each time it is named, and a build names these a few hundred times an article.
TYPE, LABEL, ALT_LABEL, DERIVED_FROM = RDF.type, RDFS.label, SKOS.altLabel, PROV.wasDerivedFrom
DATE, STRING, INTEGER = XSD.date, XSD.string, XSD.integer


@lru_cache(maxsize=1 << 14)
def _text(value: str, lang: str) -> Literal:
    """A language-tagged literal: names recur across articles, and an evidence sentence for each entity in it."""
    return Literal(value, lang=lang)


def _date_literal(when: PartialDate) -> Literal:
    if when.day is not None:
        return Literal(when.isoformat(), datatype=DATE)
    if when.month is not None:
        return Literal(when.isoformat(), datatype=XSD.gYearMonth)
    return Literal(when.isoformat(), datatype=XSD.gYear)


PINYIN = "zh-Latn-pinyin"


def _names(node: URIRef, names: Names) -> Iterator[Triple]:
    """The English and pinyin labels of a node: one rdfs:label per language, the rest as altLabels."""
    if names.pinyin:
        yield node, LABEL, _text(names.pinyin, PINYIN)
    article = sorted(names.en_article, key=lambda x: (len(x), x))
    label, source = (names.en, names.en_source) if names.en else (article[0], "article") if article else ("", "")
    if label:
        yield node, LABEL, _text(label, "en")
        yield node, KG.labelSource, Literal(source)
    for other in article:
        if other != label:
            yield node, ALT_LABEL, _text(other, "en")


def one_label_per_language(graph: Graph) -> None:
    """Where articles gave one node different labels in one language, keep one and demote the rest.

    Each article's triples carry at most one rdfs:label per language; the union of articles may not.
    The label kept is the shortest (then the first in code-point order), so the result is reproducible.
    """
    by_node: dict[tuple, list[Literal]] = {}
    for node, label in graph.subject_objects(LABEL):
        by_node.setdefault((node, getattr(label, "language", None)), []).append(label)
    for (node, _lang), labels in by_node.items():
        if len(labels) > 1:
            for extra in sorted(labels, key=lambda x: (len(x), str(x)))[1:]:
                graph.remove((node, LABEL, extra))
                graph.add((node, ALT_LABEL, extra))


def article_iri(facts: ArticleFacts) -> URIRef:
    return KGR[f"article/{facts.article.key}"]


def triples(facts: ArticleFacts) -> Iterator[Triple]:
    """All triples one article contributes."""
    a = facts.article
    art = article_iri(facts)
    lang = facts.lang
    yield art, TYPE, KG.Article
    yield art, KG.sourceFile, Literal(a.source_name, datatype=STRING)
    yield art, KG.articleIndex, Literal(a.index, datatype=INTEGER)
    if a.title_zh:
        yield art, KG.title, _text(a.title_zh, "zh")
        yield art, LABEL, _text(a.title_zh, "zh")
    if a.title_en:
        yield art, KG.title, _text(a.title_en, "en")
        yield art, LABEL, _text(a.title_en, "en")
    for sub in a.subtitles_zh:
        yield art, KG.subtitle, _text(sub, "zh")
    if a.date:
        yield art, KG.publishedOn, Literal(a.date.isoformat(), datatype=DATE)
    if a.page:
        yield art, KG.page, Literal(a.page, datatype=INTEGER)
    if a.column:
        yield art, KG.column, Literal(a.column, datatype=STRING)
    if a.author:
        yield art, KG.author, Literal(a.author, datatype=STRING)
    if facts.dateline_agency:
        yield art, KG.datelineAgency, KGR[facts.dateline_agency]
    if facts.dateline_place:
        yield art, KG.datelinePlace, KGR[facts.dateline_place]
    if a.dateline and a.dateline.date:
        yield art, KG.datelineDate, Literal(a.dateline.date.isoformat(), datatype=DATE)

    for ent in facts.entities.values():
        node = KGR[ent.path]
        yield node, TYPE, CLASS[ent.kind]
        yield node, LABEL, _text(ent.label, ent.lang)
        for alias in sorted(ent.aliases):
            yield node, ALT_LABEL, _text(alias, ent.lang)
        yield from _names(node, ent.names)
        for sentence in ent.evidence:
            yield node, KG.evidence, _text(sentence, lang)
        if ent.parent:
            yield node, KG.subOrganizationOf, KGR[ent.parent]
        yield art, KG.mentions, node

    for m in facts.meetings:
        node = KGR[m.path]
        yield node, TYPE, KG.Meeting
        yield node, LABEL, _text(m.label, lang)
        for alias in sorted(m.aliases):
            yield node, ALT_LABEL, _text(alias, lang)
        yield from _names(node, m.names)
        for org in m.conveners:
            yield node, KG.convenedBy, KGR[org]
        for place in m.places:
            yield node, KG.heldIn, KGR[place]
        for who in m.participants:
            yield node, KG.participant, KGR[who]
        if m.date:
            yield node, KG.startDate, _date_literal(m.date)
        if m.end_date:
            yield node, KG.endDate, _date_literal(m.end_date)
        for decision in m.decided:
            yield node, KG.decided, KGR[decision]
        for sentence in m.evidence:
            yield node, KG.evidence, _text(sentence, lang)
        yield node, DERIVED_FROM, art
        yield art, KG.mentions, node

    for org, decisions in facts.decided_by.items():
        for decision in decisions:
            yield KGR[org], KG.decided, KGR[decision]

    for d in facts.decisions:
        node = KGR[d.path]
        yield node, TYPE, KG.Decision
        yield node, LABEL, _text(d.label, lang)
        yield from _names(node, d.names)
        yield node, KG.evidence, _text(d.evidence, lang)
        for target in d.concerns:
            yield node, KG.concerns, KGR[target]
        yield node, DERIVED_FROM, art
        yield art, KG.mentions, node

