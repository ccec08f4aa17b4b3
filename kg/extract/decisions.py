"""Decisions: what a meeting or body decided, required or approved, one decision per clause.

A decision verb (决定, 确定, 要求, 通过, 批准, 号召, 指示, 规定, 布置, 提出要) opens a decision
when its subject is a meeting, a word that refers back to one (会议, 会上, 这次会议, 决议), an
organisation, or a person speaking for the meeting being reported. What follows the verb, up to
the end of the sentence, is cut into clauses; each clause with a verb is one decision. A sentence
that announces measures (确定了…各项具体措施。, 规定如下：) makes the rest of its paragraph
decisions as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from kg.extract.base import ORGANIZATION, PERSON, PLACE, POLICY, DecisionMention, Doc, Mention
from kg.extract.meetings import COREFERENCE, reported_meeting

# Verbs whose object is the decision; for approvals the verb belongs to it (批准…公约).
VERBS = ("决定", "决议", "确定", "要求", "号召", "指示", "规定", "布置", "提出要", "提出", "同意", "责成",
         "通过了", "通过", "批准了", "批准", "设置", "撤销", "任命", "提醒")
KEEP_VERB = ("通过", "批准", "设置", "撤销", "任命", "同意")
_NOUN_VERBS = frozenset({"决议", "决定", "规定", "指示"})
_TRIGGER = re.compile("|".join(sorted(VERBS, key=len, reverse=True))
                      + r"|采取了?(?:[^，。；]{0,12})措施")
_SPLIT = re.compile(r"[，；;,]|(?<=[^\d])：")
_LEAD = re.compile(r"^(?:并且|并|同时|还要|还须|还|也要|也|要|应当|应该|必须|都要|一律|以及|和|及|今后|积极|首先|"
                   r"特别是|在目前|目前|了|：|“|以|如下|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)+")
_ANNOUNCE = re.compile(r"(?:措施|办法|任务|事项|意见|决定|决议|要求|规定|如下|以下[^，。]{0,6})[。：:]?$")
_NOT_DECISION = re.compile(r"^(?:的|是|为|因为|由于|但|可是|所以|如果|其中|其|这些|这是|之|者|后|时|从|"
                           r"以达到|以便|以求|为了|达到)")
_LISTS_BELOW = re.compile(r"(?:如下|以下[^，。]{0,6})[：:]")
_DOCUMENT = re.compile(r"^(?:这个|这项|该)?(?:决定|决议|指示|通知|公报|规定|命令)")
_OBJECT_OF = re.compile(r"(?:学习|贯彻|执行|根据|按照|遵照|参加|出席|列席|纪念|庆祝|讨论|“)[^，。；]*$")
_PRONOUN = re.compile(r"^(?:他|她|他们)")
# Clauses that set the scene of a decision rather than state one: 在…的基础上, 无论…, 凡属…, 结合…
_ADVERBIAL = re.compile(r"^(?:无论|不论|凡属|凡是|只要|结合)|"
                        r"^在[^，。]*(?:基础上|之上|中|下|时|期间|以后|以前|方面)$")
_MEASURES = re.compile(r"(?:各项|具体|以下|如下|几项|下列)[^，。]{0,4}(?:措施|办法|事项|意见|任务)$|(?:措施|办法)如下$")
_ADDRESSING = frozenset({"要求", "号召", "责成", "提醒", "指示"})
_ADDRESSEE = re.compile(r"(?:部门|人员|干部|群众|各县|各地|各省|机关|大家|全党|全体|会员|单位|党委|工作队|组织|"
                        r"各级|领导|党员|职工|工人|农民|社员|人民)$")
_TRAILER = re.compile(r"(?:的同时|同时|之后|以后|以前|的时候|的决定|的决议|的通知)$")
MAX_CLAUSE = 60


@dataclass(frozen=True)
class Owner:
    """Who decided: a meeting (index into ``doc.meetings``) or an organisation."""

    meeting: int | None = None
    organization: Mention | None = None

    def __bool__(self) -> bool:
        return self.meeting is not None or self.organization is not None


def _subject(doc: Doc, index: int, verb_at: int) -> Owner:
    """The owner of a decision verb at ``verb_at`` in sentence ``index``."""
    sentence = doc.sentences[index]
    before = sentence.text[:verb_at]
    clause_start = max((m.end() for m in re.finditer(r"[。；！？]", before)), default=0)
    lo, hi = max(sentence.start + clause_start, doc.dateline_end(index)), sentence.start + verb_at
    local = doc.article.zh.text[lo:hi] if doc.article.zh else ""
    text = doc.article.zh.text if doc.article.zh else ""
    # A meeting named as the object of a verb (学习“八大”文件) or in quotes is not the one deciding.
    meetings = [i for i, m in enumerate(doc.meetings)
                if any(lo <= s < hi and not _OBJECT_OF.search(text[lo:s]) for s, _ in m.spans)]
    if meetings:
        return Owner(meeting=meetings[-1])
    if COREFERENCE.search(local[:12]):
        return Owner(meeting=reported_meeting(doc, index))
    if _DOCUMENT.match(local):
        return _main_owner(doc, index)
    orgs = [m for m in doc.in_sentence(index, ORGANIZATION) if lo <= m.start < hi]
    if orgs:
        return Owner(organization=orgs[0])
    speaker = [m for m in doc.in_sentence(index, PERSON) if lo <= m.start < hi]
    if (speaker or _PRONOUN.match(local)) and doc.meetings:
        return Owner(meeting=reported_meeting(doc, index))
    return Owner()


def _main_owner(doc: Doc, index: int) -> Owner:
    """Whose document an article reports: the meeting it reports, else its first organisation."""
    if doc.meetings:
        return Owner(meeting=reported_meeting(doc, index))
    orgs = [m for m in doc.of_kind(ORGANIZATION) if m.start >= doc.dateline_end(m.sentence)]
    return Owner(organization=orgs[0]) if orgs else Owner()


def similar(a: str, b: str) -> bool:
    """Two decision texts that say the same: one inside the other, or most character pairs shared."""
    if a in b or b in a:
        return True
    x, y = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(x and y) and 2 * len(x & y) / (len(x) + len(y)) >= 0.6


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of the object of a decision verb, each stripped of leading connectives."""
    out = []
    start = 0
    for m in [*_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        lead = _LEAD.match(piece)
        offset = lead.end() if lead else 0
        stripped = piece[offset:].rstrip("。！？”")
        if len(stripped) >= 4 and not _NOT_DECISION.match(stripped):
            out.append((start + offset, start + offset + len(stripped)))
        start = m.end() if m else len(text)
    return out


_ACTION = ("加强|改善|改进|提倡|反对|发展|建立|开展|保证|贯彻|提高|减少|实行|节约|组织|发动|整顿|推行|扩大|克服|检查|"
           "做好|作好|完成|坚持|重视|培养|协助|参加|支援|巩固|精简|研究|总结|树立|传达|学习|执行|召开|举行|成立|停止|"
           "取消|允许|禁止|免除|改为|设立|增加|降低|恢复|保护|帮助|动员|安排")
_LIST_VERBS = re.compile(f"^(?:{_ACTION})")
_ACTION_RE = re.compile(_ACTION)


def _list_items(text: str) -> list[tuple[int, int]]:
    """反对官僚主义、提倡精简节约、改善机关工作 → three spans, when each item opens with a verb."""
    parts, start = [], 0
    for m in [*re.finditer("、", text), None]:
        end = m.start() if m else len(text)
        parts.append((start, end))
        start = m.end() if m else len(text)
    if len(parts) > 1 and all(e - s >= 3 and _LIST_VERBS.match(text[s:e]) for s, e in parts):
        return parts
    return [(0, len(text))]


class DecisionExtractor:
    """Finds decisions and links them to their meeting or organisation and to what they concern."""

    name: ClassVar[str] = "decisions"
    adds: ClassVar[str] = "decisions"
    requires: ClassVar[tuple[str, ...]] = ("organizations", "places", "persons", "policies", "meetings")

    def __call__(self, doc: Doc) -> None:
        paragraphs = doc.article.zh.paragraphs if doc.article.zh else []
        body = [i for i, s in enumerate(doc.sentences) if paragraphs[s.paragraph].kind == "body"]
        heading = [i for i, s in enumerate(doc.sentences) if paragraphs[s.paragraph].kind != "body"]
        self._scan(doc, body)
        # Headlines repeat the body: read them last and keep only what the body did not say.
        from_body = len(doc.decisions)
        self._scan(doc, heading, headline=True)
        doc.decisions[from_body:] = [d for d in doc.decisions[from_body:]
                                     if not any(similar(d.text, b.text) for b in doc.decisions[:from_body])]
        self._dedupe(doc)

    def _scan(self, doc: Doc, indices: list[int], headline: bool = False) -> None:
        announced: tuple[Owner, int] | None = None  # who announced, in which paragraph
        title_owner = Owner()
        for index in indices:
            sentence = doc.sentences[index]
            triggers = list(self._triggers(doc, index))
            if not triggers and announced and announced[1] == sentence.paragraph:
                self._add_clauses(doc, index, 0, len(sentence.text), "", announced[0])
                continue
            announced = None
            for start, end, verb, owner in triggers:
                if headline and not owner:  # a subtitle speaks for the title's subject
                    owner = title_owner
                if not owner:
                    continue
                title_owner = title_owner or owner
                stop = self._object_end(sentence.text, end)
                begin = start if verb.startswith(KEEP_VERB) else end
                self._add_clauses(doc, index, begin, stop, verb, owner)
                if _ANNOUNCE.search(sentence.text[end:stop]) or _LISTS_BELOW.search(sentence.text[end:stop]):
                    announced = (owner, sentence.paragraph)
            if headline and not title_owner:
                title_owner = self._headline_subject(doc, index)

    @staticmethod
    def _headline_subject(doc: Doc, index: int) -> Owner:
        meetings = [i for i, m in enumerate(doc.meetings) if index in m.sentences]
        if meetings:
            return Owner(meeting=meetings[0])
        orgs = doc.in_sentence(index, ORGANIZATION)
        return Owner(organization=orgs[0]) if orgs else Owner()

    @staticmethod
    def _triggers(doc: Doc, index: int):
        """(start, end, verb, owner) for each decision verb of sentence ``index`` that has an owner."""
        text = doc.sentences[index].text
        for m in _TRIGGER.finditer(text):
            verb, after = m.group(0), text[m.end():m.end() + 1]
            if verb == "提出" and after != "要":
                continue
            if verb in _NOUN_VERBS and text[m.start() - 1:m.start()] in {"的", "个", "项", "该", "此", "”", "》"}:
                continue  # a noun: 关于…的决定
            if verb.startswith("通过") and after in {"之", "的", "后", "时"}:
                continue
            owner = _subject(doc, index, m.start())
            # 通过 is also "by means of" (通过电话售出): as a decision it needs 了, a vote or a meeting.
            if verb == "通过" and owner.meeting is None and not re.search(r"(?:一致|全体|会议|大会)$",
                                                                          text[:m.start()]):
                continue
            yield m.start(), m.end(), verb, owner

    @staticmethod
    def _object_end(text: str, start: int) -> int:
        nxt = _TRIGGER.search(text, start + 1)
        if nxt:
            # The next decision verb opens a decision of its own: 决定…，并批准….
            clause_break = max(text.rfind(p, start, nxt.start()) for p in "，；")
            if clause_break >= start:
                return clause_break
        return len(text)

    @staticmethod
    def _add_clauses(doc: Doc, index: int, start: int, end: int, verb: str, owner: Owner) -> None:
        sentence = doc.sentences[index]
        tokens = doc.tokens[index]
        obj = sentence.text[start:end]
        spans = clauses(obj)
        if verb in _ADDRESSING and spans and _ADDRESSEE.search(obj[spans[0][0]:spans[0][1]]):
            spans = spans[1:]  # 要求省直属各部门，…: whom it asks is not what it asks
        for cs, ce in spans:
            for ls, le in _list_items(obj[cs:ce]):
                s, e = start + cs + ls, start + cs + le
                raw = sentence.text[s:e]
                if "”“" in raw:  # a run of quoted titles: the decision ends with the first
                    raw = raw[:raw.index("”“")]
                text = _TRAILER.sub("", raw.strip("“”　 "))
                e = s + len(raw)
                if len(text) < 4 or (len(text) > MAX_CLAUSE and verb not in KEEP_VERB):
                    continue
                if _MEASURES.search(text) or _ADVERBIAL.search(text):
                    continue  # the announcement of measures, or a clause that only sets the scene
                # jieba tags 反对 as an adverb and 认真学习 as a noun: known action words count as verbs too.
                if not verb.startswith(KEEP_VERB) and not _ACTION_RE.search(text) and not any(
                        t.pos.startswith("v") or t.pos == "i" for t in tokens if s <= t.start and t.end <= e):
                    continue  # no verb, no decision: 本年的六六教师节
                concerns = [mn for mn in doc.in_sentence(index) if mn.start >= sentence.start + s
                            and mn.end <= sentence.start + e and mn.kind in {POLICY, ORGANIZATION, PLACE}]
                doc.decisions.append(DecisionMention(text, sentence.start + s, sentence.start + e, index, verb,
                                                     owner.meeting, owner.organization, concerns))

    @staticmethod
    def _dedupe(doc: Doc) -> None:
        seen: set[tuple[str, int | None, str]] = set()
        kept = []
        for d in doc.decisions:
            key = (d.text, d.meeting, d.organization.canonical if d.organization else "")
            if key not in seen:
                seen.add(key)
                kept.append(d)
        doc.decisions[:] = kept
