"""Decisions: what a meeting or body decided, required or approved, one decision per clause.

A decision verb (决定, 确定, 要求, 通过, 批准, 号召, 指示, 规定, 布置, 提出要) whose subject is a
meeting, a coreference to one (会议, 会上, 这次会议) or an organisation opens a decision; what
follows it up to the end of the sentence is split into clauses. A sentence that announces
measures (确定了…各项具体措施。) makes the next sentences of its paragraph decisions as well.
"""

from __future__ import annotations

import re
from typing import ClassVar

from kg.extract.base import ORGANIZATION, POLICY, DecisionMention, Doc, Mention
from kg.extract.meetings import COREFERENCE, reported_meeting

# Verbs whose object is the decision; for approvals the verb belongs to it (批准…公约).
VERBS = ("决定", "决议", "确定", "要求", "号召", "指示", "规定", "布置", "提出要", "提出", "同意", "责成",
         "通过了", "通过", "批准了", "批准", "设置", "撤销", "任命")
_NOUN_VERBS = frozenset({"决议", "决定", "规定", "指示"})
KEEP_VERB = ("通过", "批准", "设置", "撤销", "任命", "同意")
_VERB_RE = re.compile("|".join(sorted(VERBS, key=len, reverse=True)))
_SPLIT = re.compile(r"[，；;,]|(?<=[^\d])：")
_LEAD = re.compile(r"^(?:并且|并|同时|还要|还|也要|也|要|应当|应该|必须|都要|一律|以及|和|及|今后|积极|首先|特别是|"
                   r"在目前|目前|了|：|“|以)+")
_ANNOUNCE = re.compile(r"(?:措施|办法|任务|事项|意见|决定|决议|要求|规定)[。：:]?$")
_NOT_DECISION = re.compile(r"^(?:的|是|在|对|为|因为|由于|但|可是|所以|如果|其中|这些|这是)")
MAX_CLAUSE = 60


def _subject(doc: Doc, index: int, verb_at: int) -> tuple[int | None, Mention | None]:
    """The meeting or organisation that is the subject of a decision verb at ``verb_at`` in a sentence."""
    sentence = doc.sentences[index]
    before = sentence.text[:verb_at]
    clause_start = max((m.end() for m in re.finditer(r"[。；！？]", before)), default=0)
    local = before[clause_start:]
    lo, hi = max(sentence.start + clause_start, doc.dateline_end(index)), sentence.start + verb_at
    meetings = [i for i, m in enumerate(doc.meetings) if any(lo <= s < hi for s, _ in m.spans)]
    orgs = [m for m in doc.in_sentence(index, ORGANIZATION) if lo <= m.start < hi]
    if meetings:
        return meetings[-1], None
    if COREFERENCE.search(local[:12]):
        return reported_meeting(doc, index), None
    if orgs:
        return None, orgs[0]
    return None, None


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


def _list_items(text: str) -> list[tuple[int, int]]:
    """反对官僚主义、提倡精简节约、改善机关工作 → three spans, when each item opens with a verb."""
    parts, start = [], 0
    for m in [*re.finditer("、", text), None]:
        end = m.start() if m else len(text)
        parts.append((start, end))
        start = m.end() if m else len(text)
    if len(parts) > 1 and all(e - s >= 3 for s, e in parts) and all(
        re.match(r"^(?:加强|改善|改进|提倡|反对|发展|建立|开展|保证|贯彻|提高|减少|实行|节约|组织|发动|整顿|"
                 r"推行|扩大|克服|检查|做好|作好|完成|坚持|重视|培养|协助|参加|支援|巩固|精简)", text[s:e])
        for s, e in parts
    ):
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
        from_body = list(doc.decisions)
        self._scan(doc, heading)
        doc.decisions[len(from_body):] = [d for d in doc.decisions[len(from_body):]
                                          if not any(similar(d.text, b.text) for b in from_body)]
        self._dedupe(doc)

    def _scan(self, doc: Doc, indices: list[int]) -> None:
        announced: tuple[int | None, Mention | None, int] | None = None  # (meeting, org, paragraph)
        for index in indices:
            sentence = doc.sentences[index]
            if announced and announced[2] == sentence.paragraph and not _VERB_RE.search(sentence.text):
                self._add_clauses(doc, index, 0, len(sentence.text), "", announced[0], announced[1])
                continue
            announced = None
            for m in _VERB_RE.finditer(sentence.text):
                verb = m.group(0)
                if verb == "提出" and not sentence.text.startswith("要", m.end()):
                    continue
                if verb in _NOUN_VERBS and sentence.text[m.start() - 1:m.start()] in {"的", "个", "项"}:
                    continue  # a noun: 关于…的决定
                meeting, org = _subject(doc, index, m.start())
                if meeting is None and org is None:
                    continue
                end = self._object_end(sentence.text, m.end())
                start = m.start() if verb.startswith(KEEP_VERB) else m.end()
                self._add_clauses(doc, index, start, end, verb, meeting, org)
                if _ANNOUNCE.search(sentence.text[m.end():end]):
                    announced = (meeting, org, sentence.paragraph)

    @staticmethod
    def _object_end(text: str, start: int) -> int:
        nxt = _VERB_RE.search(text, start + 1)
        stop = len(text)
        if nxt:
            # The next decision verb opens a decision of its own: 决定…，并批准….
            clause_break = max(text.rfind(p, start, nxt.start()) for p in "，；")
            if clause_break > start:
                stop = clause_break
        return stop

    @staticmethod
    def _add_clauses(doc: Doc, index: int, start: int, end: int, verb: str,
                     meeting: int | None, org: Mention | None) -> None:
        sentence = doc.sentences[index]
        obj = sentence.text[start:end]
        for cs, ce in clauses(obj):
            for ls, le in _list_items(obj[cs:ce]):
                s, e = start + cs + ls, start + cs + le
                text = sentence.text[s:e].strip("“”　 ")
                if len(text) < 4 or (len(text) > MAX_CLAUSE and verb not in KEEP_VERB):
                    continue
                concerns = [mn for mn in doc.in_sentence(index) if mn.start >= sentence.start + s
                            and mn.end <= sentence.start + e and mn.kind in {POLICY, ORGANIZATION, "Place"}]
                doc.decisions.append(DecisionMention(text, sentence.start + s, sentence.start + e, index, verb,
                                                     meeting, None if meeting is not None else org, concerns))

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
