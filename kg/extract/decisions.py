"""Decisions: what a meeting or body decided, required or approved, one decision per clause.

A decision verb (决定, 确定, 要求, 通过, 批准, 号召, 指示, 规定, 布置, 提出要) opens a decision
when its subject is a meeting, a word that refers back to one (会议, 会上, 这次会议, 决议), an
organisation, or a person speaking for the meeting being reported. What follows the verb, up to
the end of the sentence, is cut into clauses; each clause with a verb is one decision. A sentence
that announces measures (确定了…各项具体措施。, 规定如下：, 通过之决议案为…) makes the rest of its
paragraph decisions as well. Clauses of purpose (以便…), manner (以…票), means (采取…办法，…), opinion
(…，但认为…) and assessment are not decisions; a verb without any subject (现决定…) is the article's actor's.
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
                   r"特别是|在目前|目前|了|：|“|以(?!便|求|期|免|利于|使|达到|防)|如下|"
                   r"（[一二三四五六七八九十\d１２３４５６７８９０]+）|[一二三四五六七八九十]+、)+")
_RESUME = re.compile(r"^(?:并且|并|同时|还要|还须|还|此外|另外)")
# A new reporting verb starts an opinion, not a further decision: 要求…，但认为…
_OPINION = re.compile(r"^(?:但|而|并|并且|同时|还|也|又)?(?:认为|指出|表示|强调|声明|说明|宣称|说)")
# 以…票…通过, 以…的精神: how it was decided or done, not what
_MANNER = re.compile(r"^(?:并且|并|还|同时|也|要|应|应当|必须)*以[^，。；]*(?:票|精神|态度|名义)")
# 采取…办法，逐步推行…; 贯彻…的精神，加强…: the means or the spirit, when a decision follows
_MEANS = re.compile(r"^(?:采取|采用|通过)[^，。；]*(?:办法|方法|方式|形式|步骤)$|"
                    r"^(?:贯彻|根据|遵照|按照)[^，。；]*精神$")
# Assessments (…倾向很严重) and purpose tails (…打下基础) are not decisions.
_ASSESSMENT = re.compile(r"(?:很|非常|十分|相当|极为|极其|特别)[\u4e00-\u9fff]{1,3}$|打下[^，。；]{0,8}基础$")
_ANNOUNCE = re.compile(r"(?:措施|办法|任务|事项|意见|决定|决议|要求|规定|如下|以下[^，。]{0,6})[。：:]?$")
_NOT_DECISION = re.compile(r"^(?:的|是|为|因为|由于|但|可是|所以|如果|其中|其|这些|这是|之|者|后|时|从|"
                           r"以达到|以便|以求|为了|达到|当作|当成|例如|比如|诸如|如(?![期实数果何]))")
_LISTS_BELOW = re.compile(r"(?:如下|以下[^，。]{0,6})[：:]")
_DOCUMENT = re.compile(r"^(?:这个|这项|该)?(?:决定|决议|指示|通知|公报|规定|命令)")
_OBJECT_OF = re.compile(r"(?:学习|贯彻|执行|根据|按照|遵照|参加|出席|列席|纪念|庆祝|讨论|“)[^，。；]*$")
_PRONOUN = re.compile(r"^(?:他|她|他们)")
_MODAL = frozenset("要应须能可得")
_ELIDED = re.compile(r"(?:现|特|并|并且|还|又|再|也|最后|最终|一致|全体一致|当即|随即|遂|即|同时|今|已|已经)+")
_SCENE = re.compile(r"^(?:为了|为此|为|根据|按照|遵照|依照|经过|经|鉴于|关于|在)")
# 决定指出，当前的任务是…: a resolution's statement of tasks or duties is what it resolved.
_DOCUMENT_STATES = re.compile(r"(?:这个|这项|该)?(?:决定|决议)(?:首先|还|并|又|同时)?(?:指出|强调)[，：]?")
_TASKS = re.compile(r"任务|方针|应当|应该|必须|不得|一律")
_TASK_IS = re.compile(r"[^，。；]{0,24}(?:任务|方针|目标|重点)(?:是|为)")
# 通过之决议案为（１）…（２）…: the resolutions passed are listed after it.
_LIST_OPENER = re.compile(r"通过[之的](?:决议案?|议案|提案|决定|事项)(?:为|如下|有)[：:]?")
# 应报…批准, 提请…批准, 经…批准: the approval is asked for, not given.
_ASKED = re.compile(r"(?:报|提请|呈请|经(?!过))[^，。；]{0,20}$")
# Clauses that set the scene of a decision rather than state one: 在…的基础上, 无论…, 凡属…, 结合…
_ADVERBIAL = re.compile(r"^(?:无论|不论|凡属|凡是|只要|结合)|"
                        r"^在[^，。]*(?:基础上|之上|中|下|时|期间|以后|以前|方面)$|"
                        r"(?:根据|按照|遵照|依照|本着)[^，。]*(?:精神|指示|规定|原则)$|^(?:自|从)[^，。]*起$")
_MEASURES = re.compile(r"(?:各项|具体|以下|如下|几项|下列)[^，。]{0,4}(?:措施|办法|事项|意见|任务)$|(?:措施|办法)如下$")
_ADDRESSING = frozenset({"要求", "号召", "责成", "提醒", "指示"})
_ADDRESSEE = re.compile(r"(?:部门|人员|干部|群众|各县|各地|各省|机关|大家|全党|全体|会员|单位|党委|工作队|组织|"
                        r"各级|领导|党员|职工|工人|农民|社员|人民)$")
# Whom a request is addressed to, opening the clause that says what is asked: 要求|各地党委|重视安全生产
_INNER_ADDRESSEE = re.compile(r"^(?!把|将|对|与|同|和|跟|向|在|从|为|给|由|让)[^，。；“]{0,16}"
                              r"(?:部门|人员|干部|群众|机关|大家|全党|全体|会员|单位|党委|工作队|党员|职工|"
                              r"各级|各地|各县|各省|各市|各\w{0,4}?区)(?![的之和与、及中里内上下])")
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
    # 会议 opens the sentence or the verb's own clause: 在城市工作方面，…，会议特别提醒…
    if COREFERENCE.search(local[:12]) or COREFERENCE.match(local[local.rfind("，") + 1:]):
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


def _elided_owner(doc: Doc, index: int, verb_at: int) -> Owner:
    """No subject at all (现决定…, 为了…，特决定…, 最后一致通过…): the article's own actor decides."""
    sentence = doc.sentences[index]
    lo = max(doc.dateline_end(index), sentence.start + max(
        (m.end() for m in re.finditer(r"[。；！？]", sentence.text[:verb_at])), default=0))
    local = doc.article.zh.text[lo:sentence.start + verb_at] if doc.article.zh else ""
    head, _, clause = local.rpartition("，")
    if not _ELIDED.fullmatch(clause) or (head and not _SCENE.match(head)):
        return Owner()
    if any(lo <= m.start < sentence.start + verb_at for m in doc.in_sentence(index, PLACE)):
        return Owner()  # 苏联…，建议…，同意…: a country speaks
    return _main_owner(doc, index)


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
    purpose = False
    for m in [*_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        if _PURPOSE.match(piece) or (purpose and not _RESUME.match(piece)):
            purpose = bool(out)  # a purpose before anything decided (为了…，) only sets the scene
            start = m.end() if m else len(text)
            continue
        if out and _OPINION.match(piece):
            break
        lead = _LEAD.match(piece)
        offset = lead.end() if lead else 0
        stripped = piece[offset:].rstrip("。！？”")
        if len(stripped) >= 4 and not _NOT_DECISION.match(stripped) and not _MANNER.match(piece) and \
                not _ASSESSMENT.search(stripped):
            out.append((start + offset, start + offset + len(stripped)))
        start = m.end() if m else len(text)
    # The means of a decision is kept only when nothing follows it.
    return [span for i, span in enumerate(out) if i == len(out) - 1 or not _MEANS.match(text[span[0]:span[1]])]


_ACTION = ("加强|改善|改进|提倡|反对|发展|建立|开展|保证|贯彻|提高|减少|实行|节约|组织|发动|整顿|推行|扩大|克服|检查|"
           "做好|作好|完成|坚持|重视|培养|协助|参加|支援|巩固|精简|研究|总结|树立|传达|学习|执行|召开|举行|成立|停止|"
           "取消|允许|禁止|免除|改为|设立|增加|降低|恢复|保护|帮助|动员|安排")
_LIST_VERBS = re.compile(f"^(?:{_ACTION})")
# A purpose clause (以求…, 以便…, 以粉碎…, 使…) ends what was decided: the clauses after it belong to the purpose.
_PURPOSE = re.compile(f"^(?:以便|以求|以期|以免|以利于|以使|以达到|以防|以(?:{_ACTION}|粉碎|推动|促进|适应)|"
                      f"借以|为了|从而|使(?!用))")
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
            triggers = list(self._triggers(doc, index, headline))
            starts = [t[0] for t in triggers]
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
                stop = self._object_end(sentence.text, end, starts)
                begin = start if verb.startswith(KEEP_VERB) else end
                self._add_clauses(doc, index, begin, stop, verb, owner)
                if _ANNOUNCE.search(sentence.text[end:stop]) or _LISTS_BELOW.search(sentence.text[end:stop]) or \
                        _LIST_OPENER.match(sentence.text, start):
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
    def _triggers(doc: Doc, index: int, headline: bool = False):
        """(start, end, verb, owner) for each decision verb of sentence ``index`` that has an owner."""
        text = doc.sentences[index].text
        stated = _DOCUMENT_STATES.match(text, doc.dateline_end(index) - doc.sentences[index].start)
        if stated and _TASKS.search(text, stated.end()):
            yield stated.start(), stated.end(), "决议", _main_owner(doc, index)
        for m in _TRIGGER.finditer(text, stated.end() if stated else 0):
            verb, after = m.group(0), text[m.end():m.end() + 1]
            if verb == "提出" and after != "要":
                continue
            if verb in _NOUN_VERBS and text[m.start() - 1:m.start()] in {"的", "之", "个", "项", "该", "此", "”", "》"}:
                continue  # a noun: 关于…的决定
            if verb.startswith("通过") and (opener := _LIST_OPENER.match(text, m.start())):
                yield m.start(), opener.end(), "决议", _subject(doc, index, m.start()) or (
                    Owner() if headline else _elided_owner(doc, index, m.start()))
                continue
            before = text[m.start() - 1:m.start()]
            if verb.startswith("通过") and (after in {"之", "的", "后", "时", "者"} or before in _MODAL):
                continue  # 通过之后, 讨论与通过者; 要通过联系…: by means of
            if before == "所" or after == "的":
                continue  # 合同所规定的任务, 国家规定的办法: a relative clause
            if verb.startswith("批准") and _ASKED.search(text, 0, m.start()):
                continue
            owner = explicit = _subject(doc, index, m.start())
            if not owner and not headline:  # a headline's subject is the title's
                owner = _elided_owner(doc, index, m.start())
            # 通过 is also "by means of" (通过电话售出): as a decision it needs 了, a vote or a meeting.
            if verb == "通过" and explicit.meeting is None and not re.search(r"(?:一致|全体|会议|大会)$",
                                                                             text[:m.start()]):
                continue
            yield m.start(), m.end(), verb, owner

    @staticmethod
    def _object_end(text: str, start: int, triggers: list[int]) -> int:
        """Where the object of a verb ending at ``start`` ends; a noun (的决议精神) does not end it."""
        nxt = next((t for t in triggers if t > start), None)
        if nxt is not None:
            # The next decision verb opens a decision of its own: 决定…，并批准….
            clause_break = max(text.rfind(p, start, nxt) for p in "，；")
            if clause_break >= start:
                return clause_break
        return len(text)

    @staticmethod
    def _add_clauses(doc: Doc, index: int, start: int, end: int, verb: str, owner: Owner) -> None:
        sentence = doc.sentences[index]
        tokens = doc.tokens[index]
        obj = sentence.text[start:end]
        spans = clauses(obj)
        if spans and (task := _TASK_IS.match(obj, spans[0][0])):  # 中心任务是|进一步培养…
            spans[0] = (task.end(), spans[0][1])
        if verb in _ADDRESSING and spans and _ADDRESSEE.search(obj[spans[0][0]:spans[0][1]]):
            spans = spans[1:]  # 要求省直属各部门，…: whom it asks is not what it asks
        for cs, ce in spans:
            for ls, le in _list_items(obj[cs:ce]):
                s, e = start + cs + ls, start + cs + le
                raw = sentence.text[s:e]
                if "”“" in raw:  # a run of quoted titles: the decision ends with the first
                    raw = raw[:raw.index("”“")]
                if verb in _ADDRESSING and (addressee := _INNER_ADDRESSEE.match(raw)) and \
                        not _ACTION_RE.search(addressee.group(0)) and len(raw) - addressee.end() >= 4:
                    s, raw = s + addressee.end(), raw[addressee.end():]
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
