"""The RDF mapping: the one place where resolved facts become triples."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS, XSD

from kg.dates import PartialDate
from kg.namespace import KG, KGR
from kg.resolve import ArticleFacts, Names

Triple = tuple[URIRef, URIRef, URIRef | Literal]
CLASS = {"Organization": KG.Organization, "Place": KG.Place, "Person": KG.Person, "Policy": KG.Policy}


def _date_literal(when: PartialDate) -> Literal:
    if when.day is not None:
        return Literal(when.isoformat(), datatype=XSD.date)
    if when.month is not None:
        return Literal(when.isoformat(), datatype=XSD.gYearMonth)
    return Literal(when.isoformat(), datatype=XSD.gYear)


PINYIN = "zh-Latn-pinyin"


def _names(node: URIRef, names: Names) -> Iterator[Triple]:
    """The English and pinyin labels of a node: one rdfs:label per language, the rest as altLabels."""
    if names.pinyin:
        yield node, RDFS.label, Literal(names.pinyin, lang=PINYIN)
    article = sorted(names.en_article, key=lambda x: (len(x), x))
    label, source = (names.en, names.en_source) if names.en else (article[0], "article") if article else ("", "")
    if label:
        yield node, RDFS.label, Literal(label, lang="en")
        yield node, KG.labelSource, Literal(source)
    for other in article:
        if other != label:
            yield node, SKOS.altLabel, Literal(other, lang="en")


def one_label_per_language(graph: Graph) -> None:
    """Where articles gave one node different labels in one language, keep one and demote the rest.

    Each article's triples carry at most one rdfs:label per language; the union of articles may not.
    The label kept is the shortest (then the first in code-point order), so the result is reproducible.
    """
    by_node: dict[tuple, list[Literal]] = {}
    for node, label in graph.subject_objects(RDFS.label):
        by_node.setdefault((node, getattr(label, "language", None)), []).append(label)
    for (node, _lang), labels in by_node.items():
        if len(labels) > 1:
            for extra in sorted(labels, key=lambda x: (len(x), str(x)))[1:]:
                graph.remove((node, RDFS.label, extra))
                graph.add((node, SKOS.altLabel, extra))


def article_iri(facts: ArticleFacts) -> URIRef:
    return KGR[f"article/{facts.article.key}"]


def triples(facts: ArticleFacts) -> Iterator[Triple]:
    """All triples one article contributes."""
    a = facts.article
    art = article_iri(facts)
    lang = facts.lang
    yield art, RDF.type, KG.Article
    yield art, KG.sourceFile, Literal(a.source_name, datatype=XSD.string)
    yield art, KG.articleIndex, Literal(a.index, datatype=XSD.integer)
    if a.title_zh:
        yield art, KG.title, Literal(a.title_zh, lang="zh")
        yield art, RDFS.label, Literal(a.title_zh, lang="zh")
    if a.title_en:
        yield art, KG.title, Literal(a.title_en, lang="en")
        yield art, RDFS.label, Literal(a.title_en, lang="en")
    for sub in a.subtitles_zh:
        yield art, KG.subtitle, Literal(sub, lang="zh")
    if a.date:
        yield art, KG.publishedOn, Literal(a.date.isoformat(), datatype=XSD.date)
    if a.page:
        yield art, KG.page, Literal(a.page, datatype=XSD.integer)
    if a.column:
        yield art, KG.column, Literal(a.column, datatype=XSD.string)
    if a.author:
        yield art, KG.author, Literal(a.author, datatype=XSD.string)
    if facts.dateline_agency:
        yield art, KG.datelineAgency, KGR[facts.dateline_agency]
    if facts.dateline_place:
        yield art, KG.datelinePlace, KGR[facts.dateline_place]
    if a.dateline and a.dateline.date:
        yield art, KG.datelineDate, Literal(a.dateline.date.isoformat(), datatype=XSD.date)

    for ent in facts.entities.values():
        node = KGR[ent.path]
        yield node, RDF.type, CLASS[ent.kind]
        yield node, RDFS.label, Literal(ent.label, lang=ent.lang)
        for alias in sorted(ent.aliases):
            yield node, SKOS.altLabel, Literal(alias, lang=ent.lang)
        yield from _names(node, ent.names)
        for sentence in ent.evidence:
            yield node, KG.evidence, Literal(sentence, lang=lang)
        if ent.parent:
            yield node, KG.subOrganizationOf, KGR[ent.parent]
        yield art, KG.mentions, node

    for m in facts.meetings:
        node = KGR[m.path]
        yield node, RDF.type, KG.Meeting
        yield node, RDFS.label, Literal(m.label, lang=lang)
        for alias in sorted(m.aliases):
            yield node, SKOS.altLabel, Literal(alias, lang=lang)
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
            yield node, KG.evidence, Literal(sentence, lang=lang)
        yield node, PROV.wasDerivedFrom, art
        yield art, KG.mentions, node

    for org, decisions in facts.decided_by.items():
        for decision in decisions:
            yield KGR[org], KG.decided, KGR[decision]

    for d in facts.decisions:
        node = KGR[d.path]
        yield node, RDF.type, KG.Decision
        yield node, RDFS.label, Literal(d.label, lang=lang)
        yield from _names(node, d.names)
        yield node, KG.evidence, Literal(d.evidence, lang=lang)
        for target in d.concerns:
            yield node, KG.concerns, KGR[target]
        yield node, PROV.wasDerivedFrom, art
        yield art, KG.mentions, node

