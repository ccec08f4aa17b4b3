"""Extraction from English text, for translations whose Chinese original is missing.

Names are capitalised phrases ending in a body word (…Committee, …Ministry), a meeting word
(…Conference, …Congress, …Plenary Session) or a policy word (…system, …movement), the English
names of the gazetteers, and names after a title (Premier Zhou Enlai). Meetings are linked to the
body that convened or held them; decisions are the objects of "decided to", "called on … to",
"approved" and the like, one per clause.
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from kg import lexicon
from kg.extract.base import (
    MEETING,
    ORGANIZATION,
    PERSON,
    PLACE,
    POLICY,
    DecisionMention,
    Doc,
    MeetingMention,
    Mention,
)

_CAP = r"(?:[A-Z][\w'’.-]*|of|the|and|for|on|in|'s)"
_ORG_HEAD = (r"Committee|Council|Ministry|Bureau|Department|Party|Government|Agency|Association|Federation|"
             r"Union|Commission|Assembly|Army|Office|Cooperative|Court|Procuratorate|Politburo|Delegation|"
             r"League|Administration|Front")
_MEETING_HEAD = r"Conference|Meeting|Session|Plenum|Congress|Symposium|Forum|Rally"
_ORG = re.compile(rf"\b(?:[A-Z][\w'’-]*\s+)(?:{_CAP}\s+){{0,8}}?(?:{_ORG_HEAD})\b"
                  rf"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,5}}[A-Z][\w'’-]*)?")
_ORDINALS = r"First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th)"
_MEETING = re.compile(rf"\b(?:(?:{_ORDINALS})\s+)?(?:[A-Z][\w'’-]*\s+){{0,6}}(?:{_MEETING_HEAD})\b")
_CONVENED = re.compile(rf"\b(?:convened|held|opened|closed|called)\s+(?:a|an|the|its)\s+((?:[a-z][\w-]*\s+){{0,4}}"
                       rf"(?:{_MEETING_HEAD.lower()}))\b")
_POLICY = re.compile(r"\b((?:[a-z][\w-]*\s+){0,6}?(?:responsibility\s+)?(?:system|movement|campaign|policy|"
                     r"guideline|plan|line))\b(?:\s+(?:under|of)\s+the\s+[\w\s]{3,60}?(?=[,.;]))?")
_POLICY_VERBS = re.compile(r"\b(?:implement|implementing|carry out|launch|promote|adopt|introduce|practise|"
                           r"deepen|deepening|establish|uphold)\s+(?:the\s+|a\s+)?")
_TITLE_NAME = re.compile(r"\b(?:Premier|Chairman|Comrade|President|Minister|Vice[- ]Premier|Secretary|Governor|"
                         r"Mayor|General|Marshal|Director|Ambassador|Prime Minister|King)\s+"
                         r"((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+){0,2})")
_DECISION = re.compile(r"\b(?:decided|decides|resolved|resolves|agreed|determined)\s+to\s+|"
                       r"\b(?:called (?:on|upon) [^,.;]{1,60}? to|required [^,.;]{1,60}? to|urged [^,.;]{1,60}? to)\s+|"
                       r"\b(?=(?:approved|adopted|ratified|passed)\s)")
_CLAUSE = re.compile(r"[,;]\s*(?:and\s+)?|\s+and\s+(?=(?:to\s+)?[a-z]+\s)")
_GENERIC_ORGS = frozenset({"Party", "Government", "Committee", "The Party", "Provincial Committee"})


@cache
def _gazetteer_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """English names of the gazetteers → (kind, Chinese canonical name)."""
    names: dict[str, tuple[str, str]] = {}
    for kind, gazetteer in ((PLACE, lexicon.places), (ORGANIZATION, lexicon.organizations),
                            (PERSON, lexicon.persons)):
        for entry in gazetteer().entries:
            if entry.en and len(entry.en) >= 4:
                names.setdefault(entry.en, (kind, entry.name))
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"\b(?:{alternation})\b"), names


class EnglishExtractor:
    """Finds organisations, places, persons, policies, meetings and decisions in English-only articles."""

    name: ClassVar[str] = "english"
    adds: ClassVar[str] = "mentions, meetings, decisions (English-only articles)"
    requires: ClassVar[tuple[str, ...]] = ()
    languages: ClassVar[tuple[str, ...]] = ("en",)

    def __call__(self, doc: Doc) -> None:
        gazetteer, names = _gazetteer_pattern()
        for index, sentence in enumerate(doc.sentences):
            text, base = sentence.text, sentence.start
            found: list[tuple[int, int, str, str]] = []  # start, end, kind, rule
            found += [(m.start(), m.end(), names[m.group(0)][0], "gazetteer") for m in gazetteer.finditer(text)]
            found += [(m.start(), m.end(), ORGANIZATION, "head") for m in _ORG.finditer(text)]
            found += [(m.start(1), m.end(1), PERSON, "title+name") for m in _TITLE_NAME.finditer(text)]
            for m in _POLICY_VERBS.finditer(text):
                if p := _POLICY.match(text, m.end()):
                    found.append((p.start(), p.end(), POLICY, "verb+head"))
            for start, end, kind, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                surface = re.sub(r"^(?:the|The)\s+", "", text[start:end])
                start = end - len(surface)
                if surface in _GENERIC_ORGS:
                    continue
                canonical = names.get(surface, (kind, ""))[1] if rule == "gazetteer" else ""
                doc.add(Mention(kind, surface, base + start, base + end, index, rule, canonical or surface))
            self._meetings(doc, index)
        self._decisions(doc)

    @staticmethod
    def _meetings(doc: Doc, index: int) -> None:
        sentence = doc.sentences[index]
        text, base = sentence.text, sentence.start
        spans = [(m.start(), m.end()) for m in _MEETING.finditer(text)]
        spans += [(m.start(1), m.end(1)) for m in _CONVENED.finditer(text)]
        for start, end in spans:
            name = text[start:end]
            if len(name.split()) < 2 or any(start < m.end and m.start < end
                                            for m in doc.meetings for m in [m]):
                continue
            meeting = MeetingMention(name, base + start, base + end, index, "english",
                                     sentences=[index], spans=[(base + start, base + end)])
            verb = re.search(r"\b(?:convened|held|opened|called)\b", text[:start])
            orgs = [o for o in doc.in_sentence(index, ORGANIZATION) if o.end <= base + start]
            if verb and orgs:
                meeting.conveners.append(orgs[0])
            where = re.search(r"\bin\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", text[end:])
            if where:
                meeting.places += [p for p in doc.in_sentence(index, PLACE)
                                   if p.start == base + end + where.start(1)]
            doc.meetings.append(meeting)

    @staticmethod
    def _decisions(doc: Doc) -> None:
        for index, sentence in enumerate(doc.sentences):
            text, base = sentence.text, sentence.start
            for m in _DECISION.finditer(text):
                meetings = [i for i, mm in enumerate(doc.meetings) if index in mm.sentences]
                subject = text[:m.start()].lower()
                meeting = meetings[0] if meetings else (
                    len(doc.meetings) - 1 if doc.meetings and re.search(r"\b(?:the )?(?:conference|meeting|"
                                                                          r"session|congress)\b", subject)
                    else None)
                orgs = [o for o in doc.in_sentence(index, ORGANIZATION) if o.end <= base + m.start()]
                org = orgs[0] if orgs and meeting is None else None
                if meeting is None and org is None:
                    continue
                rest = text[m.end():].rstrip(".")
                offset = m.end()
                for piece in _CLAUSE.split(rest):
                    clause = piece.strip()
                    at = text.find(clause, offset)
                    if len(clause.split()) >= 2 and at >= 0:
                        concerns = [c for c in doc.in_sentence(index)
                                    if base + at <= c.start and c.end <= base + at + len(clause)]
                        doc.decisions.append(DecisionMention(clause, base + at, base + at + len(clause), index,
                                                             "english", meeting, org, concerns))
                        offset = at + len(clause)
                break


__all__ = ["MEETING", "EnglishExtractor"]
