"""Entity resolution: mentions → one entity per real-world thing, with a deterministic IRI.

An entity's IRI is made from its canonical name alone, so the same organisation, place, person
or policy gets the same IRI in every article, without comparing articles (the graph merges
them). A meeting's IRI adds its conveners (and, for unnumbered meetings, its year); a
decision's adds who decided it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from kg.article import Article
from kg.dates import PartialDate
from kg.english import english_name
from kg.extract import organizations, places, policies
from kg.extract.base import DECISION, MEETING, ORGANIZATION, PERSON, PLACE, POLICY, Doc, Mention
from kg.extract.meetings import core
from kg.extract.organizations import canonical_name as organization_name
from kg.extract.persons import looks_like_name as author_is_person
from kg.extract.places import canonical_name as place_name
from kg.pinyin import pinyin_label

PATHS = {ORGANIZATION: "organization", PLACE: "place", PERSON: "person", POLICY: "policy",
         MEETING: "meeting", DECISION: "decision"}
_UNSAFE = re.compile(r"[^\w\-.~]", re.UNICODE)
_DERIVED = frozenset({"parent", "dateline", "author"})  # mentions made here, not read at their offsets
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ORDINAL = re.compile(r"第[〇一二三四五六七八九十百\d]+[次届]|[一二三四五六七八九十]+届")


def iri_segment(name: str) -> str:
    """A readable IRI path segment: letters (Chinese included) and digits kept, the rest %-encoded."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), name)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


@dataclass
class Names:
    """What a node is called besides its Chinese label: English (and where it came from), pinyin."""

    en: str = ""
    en_source: str = ""  # "gazetteer", "glossary", "pinyin" or "article"
    en_article: set[str] = field(default_factory=set)  # as the article's own translation has it
    pinyin: str = ""


@dataclass
class Entity:
    """An organisation, place, person or policy as the graph shows it."""

    path: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    names: Names = field(default_factory=Names)
    evidence: list[str] = field(default_factory=list)
    parent: str = ""

    @property
    def lang(self) -> str:
        """``zh`` for a Chinese name; ``en`` for one only an English-only article gave."""
        return "zh" if _CJK.search(self.label) else "en"


@dataclass
class Meeting:
    path: str
    label: str
    aliases: set[str]
    conveners: list[str]
    places: list[str]
    participants: list[str]
    date: PartialDate | None
    end_date: PartialDate | None
    evidence: list[str]
    decided: list[str] = field(default_factory=list)
    names: Names = field(default_factory=Names)


@dataclass
class Decision:
    path: str
    label: str
    verb: str
    evidence: str
    concerns: list[str]
    names: Names = field(default_factory=Names)


@dataclass
class ArticleFacts:
    """Everything one article contributes to the graph, in resolved form."""

    article: Article
    entities: dict[str, Entity]
    meetings: list[Meeting]
    decisions: list[Decision]
    decided_by: dict[str, list[str]]  # organisation path → decision paths
    dateline_agency: str = ""
    dateline_place: str = ""
    lang: str = "zh"  # the language of labels and evidence read from this article


def canonical(mention: Mention) -> str:
    return mention.canonical or mention.text


def _entity_path(kind: str, name: str) -> str:
    return f"{PATHS[kind]}/{iri_segment(name)}"


_KNOWN_ALIASES = {ORGANIZATION: organizations.known_aliases, PLACE: places.known_aliases,
                  POLICY: policies.known_aliases}


def _english_of(doc: Doc, start: int, end: int) -> set[str]:
    return {doc.english[(start, end)]} if (start, end) in doc.english else set()


def resolve(doc: Doc) -> ArticleFacts:
    """Resolve the mentions of one article to entities, meetings and decisions."""
    sentences = doc.sentences
    entities: dict[str, Entity] = {}

    def entity(m: Mention) -> str:
        name = canonical(m)
        path = _entity_path(m.kind, name)
        ent = entities.get(path)
        if ent is None:
            ent = entities[path] = Entity(path, m.kind, name)
            if ent.lang == "zh":
                en, source = english_name(m.kind, name, m.rule)
                ent.names = Names(en, source, pinyin=pinyin_label(name))
            if m.kind in _KNOWN_ALIASES:
                ent.aliases.update(_KNOWN_ALIASES[m.kind](name))
            if m.kind == ORGANIZATION and (parent := organizations.parent_of(name)):
                ent.parent = entity(Mention(ORGANIZATION, parent, m.start, m.end, m.sentence, "parent", parent))
        if m.text != name and not m.is_coreference:
            if _CJK.search(m.text) or ent.lang == "en":
                ent.aliases.add(m.text)
            else:  # the English an English-only article gave a known name
                ent.names.en_article.add(m.text)
        if m.rule not in _DERIVED and (m.start, m.end) in doc.english:
            ent.names.en_article.add(doc.english[(m.start, m.end)])
        if not ent.evidence and m.sentence >= 0:
            ent.evidence.append(sentences[m.sentence].text)
        return path

    for m in doc.mentions:
        entity(m)
    author = doc.article.author
    if author and author_is_person(author):
        entity(Mention(PERSON, author, 0, 0, -1, "author", author))
    agency = place = ""
    if doc.article.dateline:
        line = doc.article.dateline
        name = "人民日报" if line.agency == "本报" else line.agency
        agency = entity(Mention(ORGANIZATION, line.agency, 0, 0, 0 if sentences else -1, "dateline",
                                organization_name(name)))
        if line.place and line.place not in {"本市", "本地"}:
            place = entity(Mention(PLACE, line.place, 0, 0, 0 if sentences else -1, "dateline",
                                   place_name(line.place)))
    meetings: list[Meeting] = []
    for mm in doc.meetings:
        conveners = sorted({entity(c) for c in mm.conveners})
        ordinal = _ORDINAL.search(mm.name)
        year = ""
        if not ordinal:
            when = mm.date or (PartialDate(doc.article.date.year) if doc.article.date else None)
            year = str(when.year) if when else ""
        key = core(mm.name, mm.conveners) if mm.conveners else mm.name
        path = f"meeting/{iri_segment(mm.name)}-{_digest(key, *conveners, year)}"
        en, source = english_name(MEETING, mm.name) if doc.lang == "zh" else ("", "")
        meetings.append(Meeting(path, mm.name, set(mm.aliases), conveners, sorted({entity(p) for p in mm.places}),
                                sorted({entity(p) for p in mm.participants}), mm.date, mm.end_date,
                                [sentences[i].text for i in sorted(set(mm.sentences))],
                                names=Names(en, source, pinyin=pinyin_label(mm.name) if doc.lang == "zh" else "",
                                            en_article={doc.english[s] for s in mm.spans if s in doc.english})))
    decisions: list[Decision] = []
    decided_by: dict[str, list[str]] = {}
    for dm in doc.decisions:
        if dm.meeting is not None:
            owner = meetings[dm.meeting].path
        elif dm.organization is not None:
            owner = entity(dm.organization)
        else:
            continue
        path = f"decision/{_digest(owner, dm.text)}"
        decisions.append(Decision(path, dm.text, dm.verb, sentences[dm.sentence].text,
                                  sorted({entity(c) for c in dm.concerns}),
                                  Names(pinyin=pinyin_label(dm.text) if doc.lang == "zh" else "",
                                        en_article=_english_of(doc, dm.start, dm.end))))
        if dm.meeting is not None:
            meetings[dm.meeting].decided.append(path)
        else:
            decided_by.setdefault(owner, []).append(path)
    return ArticleFacts(doc.article, entities, meetings, decisions, decided_by, agency, place, doc.lang)
