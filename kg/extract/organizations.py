"""Organisations: the gazetteer, place + body patterns (河北省委, 上海市人民委员会), and named bodies."""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from kg import lexicon
from kg.extract.base import ORGANIZATION, PLACE, Doc, Mention
from kg.extract.chunks import extend_left, span_text

# Heads of a body's name, longest first. Bare 会, 社, 团 are left out: they end too many other words.
HEADS = (
    "人民委员会", "人民代表大会常务委员会", "常务委员会", "委员会", "人民政府", "政府", "行政公署", "公署",
    "行署", "办事处", "总工会", "工会", "联合会", "协会", "学会", "合作社", "供销社", "信用社", "公司",
    "工厂", "银行", "大学", "学院", "中学", "研究所", "研究院", "科学院", "法院", "法庭", "检察院", "代表团",
    "政治局", "书记处", "军区", "兵团", "部", "局", "厅", "署", "党部", "总社", "分社", "支社", "院", "队",
    "省委", "市委", "县委", "地委", "区委", "党委", "团委", "参议会", "委会", "边府",
    "国会", "议会", "内阁", "杜马", "电视台", "电台", "气象台", "报社", "出版社", "联盟", "集团", "俱乐部",
)
_LEVEL = "(?:省|市|县|专区|地区|区|自治区|自治州|自治县|旗|盟|镇|乡|村)?"
_BODY = ("(?:人民委员会|人民政府|人民代表大会常务委员会|人民代表大会|委员会|政府|行政公署|行署|公署|"
         "省委|市委|县委|地委|区委|委|党部|军区|人民法院|人民检察院)")
# Generic bodies that name no one in particular: the guidelines make them optional.
GENERIC = frozenset("""
党委 省委 市委 县委 地委 区委 团委 各级党委 地区党委 政府 人民政府 委员会 工会
合作社 农业社 供销社 公司 工厂 银行 大学 学院 中学 部 局 厅 署 本部 该部 各部
有关部门 机关 企业 国家机关 人民委员会 党政机关 代表团 常务委员会
""".split())
# Words that end in a head but name no body: 干部 ends in 部, 局面 in 局.
NOT_BODIES = ("干部", "全部", "内部", "外部", "局部", "部分", "大部", "时局", "格局", "当局", "结局", "政局", "布局",
              "大局", "总部", "西部", "东部", "南部", "北部", "中部", "腹部", "头部", "基层干部")
_THIS_BODY = re.compile(r"该(?:部|局|厅|署|委|会|院|社|厂|公司|委员会)")
BARE_BODIES = frozenset("""
省委 市委 县委 地委 区委 纪委 村委会 国会 内阁 议会 代表团 办事处 国家队 训练团 海军 陆军 空军
""".split())
_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
_COMMITTEE = {"省委": "省委员会", "市委": "市委员会", "县委": "县委员会", "地委": "地委员会", "区委": "区委员会"}


_BODY_RE = re.compile(f"(?=({_BODY}))")  # every body word, overlapping ones too (省委 and 委员会 in 省委员会)
_LEVELS = ("", "自治区", "自治州", "自治县", "专区", "地区", "省", "市", "县", "区", "旗", "盟", "镇", "乡", "村")


@cache
def _place_names() -> tuple[frozenset[str], int]:
    names = frozenset(n for e in lexicon.places().entries if e.kind not in {"river", "mountain", "lake", "sea", "canal"}
                      for n in (e.name, *e.aliases) if len(n) >= 2)
    return names, max(map(len, names), default=0)


def place_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of place + body names (中共河北省委, 上海市人民委员会): a body word, a level, a known place.

    The scan anchors on the few body words and looks back for the place, rather than trying every
    place name at every position. Candidates may overlap; the longest is meant to win.
    """
    names, longest = _place_names()
    spans = []
    for found in _BODY_RE.finditer(text):
        body_start, body_end = found.start(), found.start() + len(found.group(1))
        start = None
        for level in _LEVELS:
            end = body_start - len(level)
            if level and text[end:body_start] != level:
                continue
            start = next((end - k for k in range(min(longest, end), 1, -1) if text[end - k:end] in names), None)
            if start is not None:
                break
        if start is None:
            continue
        for party in ("中国共产党", "中共"):
            if text.endswith(party, 0, start):
                start -= len(party)
                break
        spans.append((start, body_end))
    return spans


def is_place_body(name: str) -> bool:
    return (0, len(name)) in place_bodies(name)


def canonical_name(name: str) -> str:
    """The full name of a body: gazetteer aliases, and 中共X省委 → 中共X省委员会."""
    entry = lexicon.organizations().get(name)
    if entry is not None:
        return entry.name
    bare = _PARTY_PREFIX.sub("", name)
    for short, full in _COMMITTEE.items():
        if bare.endswith(short):
            place = bare[: -len(short)]
            if place and (place in lexicon.places() or place + short[0] in lexicon.places()):
                return "中共" + place + full
    if _PARTY_PREFIX.match(name) and bare.endswith(("省委员会", "市委员会", "县委员会", "地委员会", "区委员会")):
        return "中共" + bare
    # A known body's abbreviation before a place and a level: 民革河北省委员会.
    for n in range(2, len(name) - 3):
        prefix = lexicon.organizations().get(name[:n])
        if prefix is not None and is_place_body(name[n:]):
            return prefix.name + name[n:]
    return name


_CPC_COMMITTEE = re.compile(r"^中共(.+?)(省|市|县|地|区)委员会$")


def known_aliases(name: str) -> tuple[str, ...]:
    """Other usual forms of a canonical name: the gazetteer's, and 中共X省委 / X省委 for a committee."""
    entry = lexicon.organizations().get(name)
    if entry is not None:
        return entry.aliases
    m = _CPC_COMMITTEE.match(name)
    if m:
        place, level = m.groups()
        return (f"中国共产党{place}{level}委员会", f"中共{place}{level}委", f"{place}{level}委")
    return ()


def parent_of(name: str) -> str:
    """The body a canonical name is part of, by its known prefix (中共河北省委员会 → 中国共产党)."""
    gaz = lexicon.organizations()
    for n in range(min(len(name) - 2, 12), 1, -1):
        entry = gaz.get(name[:n])
        rest = name[n:]
        # Only a branch or an organ of the body: a place's committee, its centre, its n-th committee.
        if entry is not None and entry.name != name and (
                rest.startswith(("中央", "第")) or is_place_body(rest)):
            return entry.name
    return ""


def _team_of_place(name: str) -> bool:
    """中国队, 印尼女队: a team named after a country or place."""
    stem = re.sub(r"(?:男|女)?(?:子)?队$", "", name)
    return stem in lexicon.places()


def _no_person(tokens: list, i: int) -> bool | None:
    """Person tags do not extend a body's name: jieba tags 荣获 and 卫星 as names."""
    return False if tokens[i].pos.startswith("nr") else None


class OrganizationExtractor:
    """Finds organisations by gazetteer, place + body pattern and head-word chunks."""

    name: ClassVar[str] = "organizations"
    adds: ClassVar[str] = "mentions[Organization]"
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, generic: bool = False) -> None:
        self.generic = generic  # keep 县委, 党委 …: NER corpora tag them, the archive's guidelines do not

    def __call__(self, doc: Doc) -> None:
        gaz = lexicon.organizations()
        for index, sentence in enumerate(doc.sentences):
            text = sentence.text
            found: list[tuple[int, int, str]] = [(s, e, "place+body") for s, e in place_bodies(text)]
            for start, end, _surface, _entry in gaz.finditer(text):
                found.append((start, end, "gazetteer"))
            found.extend(self._chunks(doc, index))
            if self.generic:  # NER corpora tag bare bodies too (县委, 国会, 代表团)
                found.extend((t.start, t.end, "bare-body") for t in doc.tokens[index] if t.word in BARE_BODIES)
            found = self._join_prefixes(text, found)
            found.extend((t.start, t.end, "committee-coreference") for t in doc.tokens[index]
                         if t.word in {"省委", "市委", "县委"})
            found.extend((m.start(), m.end(), "body-coreference") for m in _THIS_BODY.finditer(text))
            # Longest first, so that 中共河北省委员会 beats 河北省 and 委员会.
            for start, end, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                surface = text[start:end]
                if rule == "committee-coreference" and not self.generic:
                    referent = self._committee_referent(doc, surface)
                    if referent:
                        doc.add(Mention(ORGANIZATION, surface, sentence.start + start, sentence.start + end, index,
                                        rule, referent))
                    continue
                if rule == "body-coreference":
                    referent = self._body_referent(doc, sentence.start + start, surface[1:])
                    if referent and not self.generic:
                        doc.add(Mention(ORGANIZATION, surface, sentence.start + start, sentence.start + end, index,
                                        rule, referent))
                    continue
                if (surface in GENERIC and not self.generic) or len(surface) < 2:
                    continue
                doc.add(Mention(ORGANIZATION, surface, sentence.start + start, sentence.start + end, index,
                                rule, canonical_name(surface)))
            self._coordinated(doc, index)

    @staticmethod
    def _coordinated(doc: Doc, index: int) -> None:
        """纽伦堡和东京国际军事法庭: the place before 和 names a second body with the same head."""
        sentence = doc.sentences[index]
        places = lexicon.places()
        for org in doc.in_sentence(index, ORGANIZATION):
            local = org.start - sentence.start
            head = next((org.text[k:] for k in range(2, min(len(org.text) - 1, 8)) if org.text[:k] in places), "")
            if not head or local < 3 or sentence.text[local - 1] not in "和与及、":
                continue
            end = local - 1
            other = next((sentence.text[end - k:end] for k in range(min(end, 6), 1, -1)
                          if sentence.text[end - k:end] in places), "")
            if other:
                start = sentence.start + end - len(other)
                doc.add(Mention(ORGANIZATION, other, start, start + len(other), index, "ellipsis-coreference",
                                other + head), inside=(PLACE,))

    @staticmethod
    def _body_referent(doc: Doc, before: int, head: str) -> str:
        """该部 → the last body named before it whose name ends in 部."""
        named = [m for m in doc.of_kind(ORGANIZATION) if m.end <= before and m.canonical.endswith(head)]
        return max(named, key=lambda m: m.start).canonical if named else ""

    @staticmethod
    def _committee_referent(doc: Doc, bare: str) -> str:
        """省委 → the one provincial committee the article names (in its title or before), if only one."""
        level = bare[0]
        named = {m.canonical for m in doc.of_kind(ORGANIZATION)
                 if m.canonical.startswith("中共") and m.canonical.endswith(level + "委员会")}
        if not named:
            title = doc.article.title_zh + "".join(doc.article.subtitles_zh)
            named = {canonical_name(title[s:e]) for s, e in place_bodies(title) if title[s:e].endswith(bare)}
        return named.pop() if len(named) == 1 else ""

    @staticmethod
    def _chunks(doc: Doc, index: int) -> list[tuple[int, int, str]]:
        tokens = doc.tokens[index]
        out = []
        for i, tok in enumerate(tokens):
            if not tok.word.endswith(HEADS) or tok.word.endswith(NOT_BODIES) or tok.pos in {"v", "vd", "d", "p"}:
                continue
            first = extend_left(tokens, i, max_chars=20, allow=_no_person)
            name = span_text(tokens, first, i)
            modifiers = tokens[first:i]
            lead = tokens[first]
            if len(lead.word) <= 2 and lead.pos not in {"ns", "nt", "j"} and \
                    name[len(lead.word):] in lexicon.organizations():
                continue  # 报|国务院, 应报|国务院: the known name alone
            if len(tok.word) == 1 and (len(name) < 4 or any(t.pos == "m" for t in modifiers)):
                continue  # 分析局, 局胜一局: a one-character head needs a real name before it
            if tok.word.endswith("队") and not any(t.pos in {"ns", "nt"} for t in modifiers) and \
                    not _team_of_place(name):
                continue  # 中国队 is a team; 工作队 and 部队 name no one
            if tok.word in HEADS and len(tok.word) <= 2 and not modifiers:
                continue
            if not any(t.pos in {"ns", "nt", "nz", "j", "n", "vn", "eng"} for t in modifiers) and \
                    len(tok.word) < 4 and not _team_of_place(name):
                continue
            if len(name) >= 3:
                out.append((tokens[first].start, tok.end, "head-chunk"))
        return out

    @staticmethod
    def _join_prefixes(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """民革 + 河北省委员会 → 民革河北省委员会: a known body directly before a place + body name."""
        joined = list(found)
        for s1, e1, r1 in found:
            if r1 != "gazetteer":
                continue
            for s2, e2, r2 in found:
                if s2 == e1 and r2 == "place+body":
                    joined.append((s1, e2, "body+place+body"))
        return joined
