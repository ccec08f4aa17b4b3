"""Meetings: named conferences, congresses, plenums and sessions, with convener, place and date.

A meeting is a head-word chunk (…会议, …大会, …全会) that is not generic. Its convener is the
body the name starts with (中共中央第二次全体会议 → 中共中央) or the subject of 召开/举行/主持
in the same clause; its place follows 在 in that clause; its date is the clause's date.
"""

from __future__ import annotations

import re
from typing import ClassVar

from kg import lexicon
from kg.dates import find_dates, to_int
from kg.extract.base import MEETING, ORGANIZATION, PLACE, Doc, MeetingMention, Mention
from kg.extract.chunks import PUNCT, extend_left, ordinal
from kg.segment import Token

HEADS = ("代表大会", "代表会议", "全体会议", "扩大会议", "联席会议", "首脑会议", "会议", "大会", "全会",
         "常会", "参议会", "座谈会", "讨论会", "报告会", "代表会", "扩大会", "年会")
CONVENE_VERBS = ("召开", "举行", "召集", "主持", "开会", "开幕", "闭幕", "连开", "开了", "开过")
# Words that make a meeting reference generic (会议, 这次会议, 各种会议): the guidelines skip them.
GENERIC_MODIFIERS = frozenset("""
这 这次 那次 该 此 此次 本次 本 各种 各 各级 一些 有些 许多 上述 这个 一次
两次 每次 上次 下次 今天 昨天
""".split())
COREFERENCE = re.compile(r"(?:这次|此次|本次|该次)?(?:会议|大会|全会|会上|该会|本会)")
_CLAUSE_BREAK = re.compile(r"[，。；：！？]")
_CN_CONGRESS = re.compile(r"“?([一二三四五六七八九十]{1,3})大”?")
_OUR_PARTY = re.compile(r"^(?:党的|我党|我党的)(?=第)")
_TOWNS = frozenset({"foreign_city", "city", "prefecture", "county", "district"})
_SCOPE = re.compile(r"^(?:全国|全省|全市|全县|全区|全党|全军|省|市|县|区)")


_LEADING_VERB = re.compile(r"^(?:纪念|庆祝|召开|举行|出席|参加|筹备|主持|学习|贯彻|列席|结束|闭幕|开幕)")
_KIND_WORDS = frozenset("扩大 紧急 高级 临时 特别 全体 首届 联席 电话".split())


def _allow(tokens: list[Token], i: int) -> bool | None:
    tok = tokens[i]
    if tok.word == "的":  # 党的第八次全国代表大会
        return i >= 1 and tokens[i - 1].word in {"党", "我党"}
    if ordinal(tok) or (tok.pos == "m" and tok.word[-1:] in "届次中强国方"):
        return True
    if tok.pos in {"a", "v", "vn"} and tok.word in _KIND_WORDS:
        return True
    if tok.pos.startswith("nr") or tok.pos == "nn":  # 主席罗豪才主持会议: a person or a title ends the name
        return False
    return None


def core(name: str, conveners: list[Mention]) -> str:
    """A meeting name less its convener and scope, for matching two names of one meeting."""
    for c in sorted(conveners, key=lambda m: -len(m.text)):
        for form in (c.text, c.canonical):
            if form and name.startswith(form):
                name = name[len(form):]
    return _SCOPE.sub("", name)


class MeetingExtractor:
    """Finds meetings and links each to its convener, place and date."""

    name: ClassVar[str] = "meetings"
    adds: ClassVar[str] = "meetings"
    requires: ClassVar[tuple[str, ...]] = ("organizations", "places", "persons", "policies")

    def __call__(self, doc: Doc) -> None:
        paragraphs = doc.article.zh.paragraphs if doc.article.zh else []
        # Body first, so a meeting is named as the report names it, not as the headline shortens it.
        order = sorted(range(len(doc.sentences)),
                       key=lambda i: (paragraphs[doc.sentences[i].paragraph].kind != "body", i))
        for index in order:
            sentence = doc.sentences[index]
            tokens = doc.tokens[index]
            for i, tok in enumerate(tokens):
                if not tok.word.endswith(HEADS) or tok.pos.startswith("v"):
                    continue
                first = extend_left(tokens, i, max_chars=30, allow=_allow)
                while first < i and (tokens[first].word in {"的", "和"} or (
                        tokens[first].pos in {"v", "vn"} and tokens[first].word not in _KIND_WORDS)):
                    first += 1  # 纪念|党的十一届三中全会: a verb before the name is not part of it
                start, end = sentence.start + tokens[first].start, sentence.start + tok.end
                name = sentence.text[tokens[first].start:tok.end]
                if (lead := _LEADING_VERB.match(name)) is not None:  # jieba tags 纪念 a noun, 主持会议 one word
                    name, start = name[lead.end():], start + lead.end()
                    if name in HEADS:
                        continue
                if self._generic(name, tokens[first:i]) or name in lexicon.organizations():
                    continue  # 联合国大会 and 全国人民代表大会 are bodies
                aliases = []
                if _OUR_PARTY.match(name):  # 党的第八次全国代表大会 is the CPC's
                    aliases, name = [name], _OUR_PARTY.sub("中国共产党", name)
                self._add(doc, MeetingMention(name, start, end, index, "head-chunk", aliases=aliases))
            for org in doc.in_sentence(index, ORGANIZATION):  # 社会联系工作委员会举行的会议
                held = _HELD_BY.match(sentence.text, org.end - sentence.start)
                if held:
                    meeting = MeetingMention(sentence.text[org.start - sentence.start:held.end()], org.start,
                                             sentence.start + held.end(), index, "held-by", conveners=[org])
                    self._add(doc, meeting)
            for m in _CN_CONGRESS.finditer(sentence.text):
                nxt = sentence.text[m.end():m.end() + 1]
                if "“" in m.group(0) or nxt in {"的", "精", "文", "决", "路", "以"}:
                    name = f"中国共产党第{m.group(1)}次全国代表大会"
                    self._add(doc, MeetingMention(name, sentence.start + m.start(), sentence.start + m.end(),
                                                  index, "congress-abbreviation", aliases=[m.group(0).strip("“”")]))
        for meeting in doc.meetings:
            self._link(doc, meeting)
        self._merge(doc)

    @staticmethod
    def _generic(name: str, modifiers: list[Token]) -> bool:
        if not modifiers:
            return len(name) < 4 or (name in {"代表大会", "全体会议", "扩大会议"} and False)
        if modifiers[0].word in GENERIC_MODIFIERS or modifiers[0].pos == "r":
            return True
        return len(name) < 4

    @staticmethod
    def _add(doc: Doc, meeting: MeetingMention) -> None:
        for other in list(doc.meetings):
            if meeting.start < other.end and other.start < meeting.end:
                if meeting.start <= other.start and other.end <= meeting.end and other.end - other.start < \
                        meeting.end - meeting.start and other.sentence == meeting.sentence:
                    doc.meetings.remove(other)  # 参议会 | 参议会一次大会: the session, not the body
                    continue
                return
        # A meeting name swallows the organisations and places it is built from.
        doc.mentions[:] = [m for m in doc.mentions if not (m.start >= meeting.start and m.end <= meeting.end
                                                           and m.kind not in {ORGANIZATION, PLACE})]
        meeting.sentences.append(meeting.sentence)
        meeting.spans.append((meeting.start, meeting.end))
        doc.meetings.append(meeting)

    @staticmethod
    def _link(doc: Doc, meeting: MeetingMention) -> None:
        sentence = doc.sentences[meeting.sentence]
        text = sentence.text
        local_start, local_end = meeting.start - sentence.start, meeting.end - sentence.start
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, local_start)), default=0)
        clause_start = max(clause_start, doc.dateline_end(meeting.sentence) - sentence.start)
        nxt = _CLAUSE_BREAK.search(text, local_end)
        clause_end = nxt.start() if nxt else len(text)
        orgs = doc.in_sentence(meeting.sentence, ORGANIZATION)
        places = doc.in_sentence(meeting.sentence, PLACE)
        # The body the name starts with convenes its own session.
        for org in orgs:
            if org.start == meeting.start and org.end < meeting.end and org not in meeting.conveners:
                meeting.conveners.append(org)
        if not meeting.conveners and (body := _SESSION_OF.match(meeting.name)):
            # 张家口市首届参议会一次大会: a body's session, though the body was not found as a name
            name = _TERM.sub("", body.group(1))  # 张家口市首届参议会 is 张家口市参议会 in its first term
            meeting.conveners.append(Mention(ORGANIZATION, body.group(1), meeting.start,
                                             meeting.start + body.end(1), meeting.sentence, "session-of", name))
        if not meeting.conveners:
            # 大会紧急会议 after 联合国大会: the name opens with the short form of a body named before
            named = [o for o in doc.of_kind(ORGANIZATION) if o.end <= meeting.start and len(o.text) > 3]
            for org in reversed(named):
                if any(meeting.name.startswith(org.text[-n:]) for n in (2, 3)):
                    meeting.conveners.append(org)
                    break
        before = text[clause_start:local_start]
        after = text[local_end:clause_end]
        verb_before = any(v in before for v in CONVENE_VERBS)
        verb_after = any(v in after for v in CONVENE_VERBS)
        if not meeting.conveners and (verb_before or after.startswith(("由",))):
            subject = [o for o in orgs if max(sentence.start + clause_start, doc.dateline_end(meeting.sentence))
                       <= o.start < meeting.start]
            if not subject and verb_before:  # the subject may open the sentence: 冀鲁豫行署自九日至十一日，连开…
                after_dateline = [o for o in orgs if o.start >= doc.dateline_end(meeting.sentence)]
                subject = [o for o in after_dateline[:1] if o.end <= meeting.start]
            if subject:
                meeting.conveners.append(subject[-1] if verb_before else subject[0])
        if not meeting.conveners and after.startswith("由"):
            by = [o for o in orgs if meeting.end <= o.start < sentence.start + clause_end]
            if by:
                meeting.conveners.append(by[0])
        for place in places:  # 巴黎四强外长会议 is held in 巴黎
            entry = lexicon.places().get(place.canonical or place.text)
            if meeting.start <= place.start and place.end < meeting.end and entry is not None and \
                    entry.kind in _TOWNS:
                meeting.places.append(place)
        for place in places:
            local = place.start - sentence.start
            if (clause_start <= local < local_start or local_end <= local < clause_end) and \
                    text[max(local - 1, 0):local] == "在" and (verb_before or verb_after):
                meeting.places.append(place)
        window = text[clause_start:clause_end]
        dates = find_dates(window, doc.article.dateline.date if doc.article.dateline and
                           doc.article.dateline.date else doc.article.date)
        if dates and (verb_before or verb_after or "于" in window):
            meeting.date = dates[0][2]
            if len(dates) > 1 and "至" in window[dates[0][1]:dates[1][0] + 1]:
                meeting.end_date = dates[1][2]

    @staticmethod
    def _merge(doc: Doc) -> None:
        """One node per meeting: names alike in core and convener are the same meeting."""
        merged: list[MeetingMention] = []
        for meeting in doc.meetings:
            for kept in merged:
                same_convener = not meeting.conveners or not kept.conveners or \
                    {c.canonical for c in meeting.conveners} & {c.canonical for c in kept.conveners}
                a, b = core(kept.name, kept.conveners), core(meeting.name, meeting.conveners)
                contained = min(len(kept.name), len(meeting.name)) >= 4 and (
                    kept.name in meeting.name or meeting.name in kept.name)
                if kept.name == meeting.name or (same_convener and a == b and len(a) >= 2) or contained or \
                        meeting.name in kept.aliases or kept.name in meeting.aliases or \
                        _short_form(kept, meeting):
                    if meeting.name != kept.name and meeting.name not in kept.aliases:
                        kept.aliases.append(meeting.name)
                    kept.conveners.extend(c for c in meeting.conveners
                                          if c.canonical not in {k.canonical for k in kept.conveners})
                    kept.places.extend(p for p in meeting.places
                                       if p.canonical not in {k.canonical for k in kept.places})
                    kept.date = kept.date or meeting.date
                    kept.end_date = kept.end_date or meeting.end_date
                    kept.sentences.extend(meeting.sentences)
                    kept.spans.extend(meeting.spans)
                    break
            else:
                merged.append(meeting)
        for meeting in merged:
            meeting.conveners[:] = _most_specific(meeting.conveners)
        doc.meetings[:] = merged


_SESSION = re.compile(r"(?:全会|全体会议|全体会)$")
_HELD_BY = re.compile(r"(?:最近|日前|昨天|今天|曾经|曾)?(?:召开|举行)了?的(?:会议|大会|座谈会)")
_TERM = re.compile(r"首届|第[一二三四五六七八九十\d]+届|[一二三四五六七八九十]+届")
_SESSION_OF = re.compile(r"^(.{2,20}?(?:参议会|委员会|常委会|代表大会|代表会议|人民委员会))"
                         r"(?:第[一二三四五六七八九十百\d]+次|[一二三四五六七八九十]+次|首次)?(?:全体|扩大)?(?:会议|大会)$")


_SESSION_NUMBER = re.compile(r"第([〇一二三四五六七八九十\d]+)次全体会议|([一二三四五六七八九十]+)中全会")


def _session_number(name: str) -> int | None:
    m = _SESSION_NUMBER.search(name)
    return to_int(m.group(1) or m.group(2)) if m else None


def _short_form(kept: MeetingMention, meeting: MeetingMention) -> bool:
    """民建一届二中全会 for 中国民主建国会第一届中央委员会第二次全体会议: one body's same plenum."""
    if not (_SESSION.search(kept.name) and _SESSION.search(meeting.name)):
        return False
    a, b = _session_number(kept.name), _session_number(meeting.name)
    if a is not None and b is not None and a != b:
        return False
    return any(k.canonical.startswith(m.canonical) or m.canonical.startswith(k.canonical)
               for k in kept.conveners for m in meeting.conveners)


def _most_specific(conveners: list[Mention]) -> list[Mention]:
    """Drop a convener that is only the parent of another (中国民主建国会 beside its 第一届中央委员会)."""
    return [c for c in conveners if not any(
        o.canonical != c.canonical and o.canonical.startswith(c.canonical) for o in conveners)]


def reported_meeting(doc: Doc, before_sentence: int) -> int | None:
    """The meeting that 会议/这次会议/会上 refers to: the last convened one so far, else the first."""
    candidates = [i for i, m in enumerate(doc.meetings) if min(m.sentences) <= before_sentence]
    convened = [i for i in candidates if doc.meetings[i].conveners]
    if convened:
        return convened[-1]
    return candidates[0] if candidates else (0 if doc.meetings else None)


__all__ = ["COREFERENCE", "MEETING", "PUNCT", "MeetingExtractor", "reported_meeting"]
