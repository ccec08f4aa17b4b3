"""Organisations: the gazetteer, place + body patterns (河北省委, 上海市人民委员会), and named bodies."""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from kg import lexicon
from kg.extract.base import ORGANIZATION, PLACE, Doc, Mention
from kg.extract.chunks import STOP_WORDS, extend_left, span_text
from kg.extract.places import FACILITY_HEADS
from kg.segment import Token, word_frequency

# Heads of a body's name, longest first. Bare 会, 社, 团 are left out: they end too many other words.
HEADS = (
    "人民委员会", "人民代表大会常务委员会", "常务委员会", "委员会", "人民政府", "政府", "行政公署", "公署",
    "行署", "办事处", "总工会", "工会", "联合会", "协会", "学会", "合作社", "供销社", "信用社", "公司",
    "工厂", "银行", "大学", "学院", "中学", "研究所", "研究院", "科学院", "法院", "法庭", "检察院", "代表团",
    "政治局", "书记处", "军区", "兵团", "厂", "部", "局", "厅", "署", "党部", "总社", "分社", "支社", "院", "队",
    "省委", "市委", "县委", "地委", "区委", "党委", "团委", "参议会", "委会", "边府",
    "国会", "议会", "内阁", "杜马", "电视台", "电台", "气象台", "报社", "出版社", "联盟", "集团", "俱乐部",
    "大使馆", "领事馆", "使馆",
)
_HEAD_ENDS = frozenset(head[-1] for head in HEADS)
# More heads that NER corpora take as bodies (计算机中心, 帐篷小学), though the archive's guidelines do not.
NER_HEADS = ("小学", "医院", "办公室", "小组", "党组", "杂志社", "周刊", "理事会", "分会", "司", "处", "所", "报")
# One-character heads of NER_HEADS count only in a word of three characters or more (科技司, 教导处), not in
# 好处 or 到处.
_SHORT_NER_HEADS = ("司", "处", "所", "报")
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
              "大局", "总部", "西部", "东部", "南部", "北部", "中部", "腹部", "头部", "基层干部", "两院",
              "交界处", "之处", "到处", "好处", "处处", "各处", "住处", "深处", "远处", "此处", "何处", "别处", "用处",
              "长处", "坏处", "益处", "难处", "一处", "组队", "带队", "排队", "入队", "归队", "建队", "列队", "整队",
              "离队", "率队", "领队", "公报", "简报", "情报", "预报", "电报", "通报", "海报", "快报", "捷报", "喜报",
              "汇报", "举报", "招待所", "厕所", "场所", "住所")
# Last characters of the nt words that name bodies (队, 社, 盟); nt words ending otherwise are mostly
# fields and things (社会科学, 中医药, 太空飞行).
_NT_FINALS = frozenset("队会部社院委行织国党局盟司军央协台报署团克联大校篮际讯共所革厅庭艺办足议")
# Events and documents that jieba tags nt: 音乐会 and 公报 name no body.
_EVENTS = ("音乐会", "晚会", "舞会", "博览会", "展览会", "运动会", "研讨会", "座谈会", "报告会", "联欢会", "招待会",
           "发布会", "公报", "飞行")
_NOT_NT_ENDINGS = (*_EVENTS, "关系", "政府", "组织", "机关", "两国")
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


def _tagged_body(tok: Token) -> bool:
    """A word jieba tags as an organisation (nt) that names one: not 中美关系, 党组织 or a country's 政府."""
    return tok.pos == "nt" and len(tok.word) >= 2 and not tok.word.endswith(_NOT_NT_ENDINGS + NOT_BODIES) and \
        (tok.word[-1] in _NT_FINALS or tok.word.endswith(("大学", "中心"))) and \
        tok.word not in lexicon.places() and not tok.word.endswith(FACILITY_HEADS)


# Words that open a place's body or team before a short name: 中国足协, 全国妇联, 国际武联.
_SHORT_NAME_PREFIXES = frozenset("中国 全国 国际 中华 国家 省 市 县 团".split())
# A Party congress by its number (十五大, 中共十四大): NER corpora tag it as a body.
_CONGRESS = re.compile(r"(?:中共)?十[一二三四五六七八九]大")


@cache
def _short_name_firsts() -> frozenset[str]:
    return frozenset(name[0] for name in lexicon.short_names())


def _short_names(tokens: list[Token], generic: bool) -> list[tuple[int, int, str]]:
    """Well-known short names (波音, 北大, 中国足协, 山西省残联) on word boundaries.

    A body's, team's or public service's short name takes the place before it (山西省|残联, 中国|女篮,
    济南|交警); alone, only a company's or university's counts, or a body's in ``generic`` mode (足协).
    """
    known = lexicon.short_names()
    firsts = _short_name_firsts()
    out = []
    for k, tok in enumerate(tokens):
        if tok.word[0] not in firsts or tok.pos in {"v", "vd", "d", "p", "c"}:
            continue
        name = ""
        for end in range(k, min(k + 3, len(tokens))):  # jieba may cut a short name in two (北/ns 师大/j)
            name += tokens[end].word
            if len(name) > 5:
                break
            kind = known.get(name)
            if kind is None or (kind != "company" and tok.pos in {"a", "ad"}):  # 微软/a is the company
                continue
            first = k
            while first > 0 and (tokens[first - 1].word in lexicon.places() or
                                 tokens[first - 1].word in _SHORT_NAME_PREFIXES):
                first -= 1
            if first < k and kind in {"body", "team", "service"}:
                out.append((tokens[first].start, tokens[end].end, "place+short-name"))
            elif kind in {"company", "university"} or (kind == "body" and generic):
                out.append((tok.start, tokens[end].end, "short-name"))
            break
    return out


_COMPANY_HEADS = ("公司", "集团")
_NOUN_TAGS = frozenset("n ng k zg b".split())
# Heads that common nouns alone turn into a kind of body (保险公司, 指导委员会) rather than a name.
_KIND_HEADS = ("公司", "厂", "集团", "银行", "委员会", "协会", "合作社", "信用社")
_NAME_TAGS = frozenset("ns nt nz j nr nrt nrfg eng m x".split())


def _named_after(person: int):
    """Let the person-tagged token at ``person`` into a company's name, and no other (劳拉公司)."""
    def allow(tokens: list, i: int) -> bool | None:
        return True if i == person else _no_person(tokens, i)
    return allow


def _over_verbs(tokens: list[Token], first: int, head: int) -> int:
    """中国|文化|扶贫|委员会: a name that opens with a place may hold a verb (扶贫, 促进) before its head."""
    i = first - 1
    while i >= 0 and head - i <= 5:
        tok = tokens[i]
        if tok.pos == "v" and len(tok.word) == 2 and tok.word not in STOP_WORDS:
            i -= 1
            continue
        if tok.pos in {"n", "vn"} and tok.word not in STOP_WORDS and i < first - 1:
            i -= 1
            continue
        if tok.pos == "ns" and i < first - 1 and (i == 0 or tokens[i - 1].pos in {"x", "p", "v", "uj", "c"}):
            return i
        break
    return first


def _title_after_head(word: str) -> int:
    """The length of the office that ends ``word`` after a body's head: 1 for 农业部长, 2 for 公司总裁, else 0."""
    if len(word) >= 4 and word[-1] == "长" and word[:-1].endswith(HEADS) and not word[:-1].endswith(NOT_BODIES):
        return 1
    for k in (2, 3):
        office = lexicon.titles().get(word[-k:])
        if len(word) > k + 1 and office is not None and office.kind == "office" and word[:-k].endswith(HEADS) and \
                not word[:-k].endswith(NOT_BODIES):
            return k
    return 0


# A newspaper or magazine by its title: 《纽约时报》, 美国《时代》周刊. NER corpora tag it as a body.
_PERIODICAL = re.compile(r"《([^《》的]{1,12}?(?:报|新闻|周刊|杂志|画报|月刊))》|"
                         r"《([^《》的]{1,10})》(?:周刊|杂志|月刊)")


def _periodicals(text: str, tokens: list[Token]) -> list[tuple[int, int, str]]:
    """Periodicals by their titles, with the place before the title when there is one (美国《科学》杂志)."""
    places = {t.end: t.start for t in tokens if t.pos == "ns" and t.word in lexicon.places()}
    out = []
    for m in _PERIODICAL.finditer(text):
        if m.start() in places:  # 华北《人民日报》: the place and the whole title
            out.append((places[m.start()], m.end(), "periodical"))
        else:
            out.append((*(m.span(1) if m.group(1) else m.span()), "periodical"))
    return out


# Kinds of team (工作队, 医疗队, 足球队): a word of these before 队 names no one team.
_TEAM_KINDS = frozenset("""
工作 医疗 考察 登山 代表 运动 宣传 巡逻 消防 救援 突击 游击 生产 服务 志愿 护卫 施工 测量 勘探 爆破 演出
拉拉 啦啦 先锋 干部 参赛 全体 集训 国家 预备 青年 少年 女子 男子 篮球 足球 排球 网球 冰球 手球 水球 垒球 棒球
田径 游泳 体操 射击 举重 跳水 摔跤 柔道 拳击 击剑 赛艇 帆船 武术 围棋 象棋 桥牌 民兵 抢险 侦察 仪仗 军乐
合唱 舞蹈 文工 艺术 杂技 秧歌 腰鼓 科考 探险 地质 水文 联合 混合 主力 替补 后备 甲级 乙级 客队 主队 各个 这支
""".split())


def _club_teams(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """五牛队, 海狮/nz 队: a club's team by its sponsor's or mascot's name (NER corpora tag it)."""
    out = []
    for k, tok in enumerate(tokens):
        if tok.word == "队" and k > 0:
            stem = tokens[k - 1]
            start = stem.start
        elif len(tok.word) == 3 and tok.word.endswith("队"):
            stem, start = tok, tok.start
        else:
            continue
        name = stem.word if stem is not tok else tok.word[:-1]
        if len(name) == 2 and name not in _TEAM_KINDS and stem.pos in {"n", "nz", "nr", "j", "m", "nt"} and \
                word_frequency(name) < 100 and not name.startswith(("第", "一", "两", "这", "那", "各", "该", "本")):
            out.append((start, tok.end, "club-team"))
    return out


def _tagged_bodies(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """jieba's nt words that name bodies, with the places and ordinals before them and 组织 after them.

    中国|全国政协, 第六届|全国人大, 欧佩克|组织: NER corpora take these into the name.
    """
    out = []
    for k, tok in enumerate(tokens):
        if not _tagged_body(tok):
            continue
        first, last = k, k
        while first > 0 and tokens[first - 1].pos == "ns" and tokens[first - 1].word in lexicon.places():
            first -= 1
        if first == k and k > 0 and tokens[k - 1].pos == "m" and tokens[k - 1].word.endswith("届"):
            first -= 1
        if k + 1 < len(tokens) and tokens[k + 1].word in {"组织", "中央", "总部", "理事会", "秘书处"}:
            last += 1  # 欧佩克|组织, 致公党|中央
        out.append((tokens[first].start, tokens[last].end, "pos-nt"))
    return out


def _bare_body_before_title(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """市委书记/n, 省委常委/j, 内阁会议/n: jieba joins a bare body to the office or meeting after it."""
    titles = lexicon.titles()
    out = []
    for tok in tokens:
        for k in (2, 3):
            if tok.word[:k] in BARE_BODIES | {"党委", "团委"} and (tok.word[k:] in titles or tok.word[k:] == "会议"):
                out.append((tok.start, tok.start + k, "bare-body"))
    return out


def _from_place(tokens: list[Token], first: int, head: int) -> int:
    """航线|阿根廷|航空公司: common nouns before the first place in a name are not part of it."""
    place = next((k for k in range(first, head) if tokens[k].pos == "ns"), None)
    if place is not None and place > first and all(t.pos in {"n", "vn", "v"} for t in tokens[first:place]):
        return place
    return first


def _no_person(tokens: list, i: int) -> bool | None:
    """Person tags do not extend a body's name: jieba tags 荣获 and 卫星 as names."""
    return _town(tokens[i]) if tokens[i].pos.startswith("nr") else None


def _town(tok: Token) -> bool:
    """薛埠镇/nr: jieba reads many towns and villages as persons' names."""
    return len(tok.word) >= 3 and tok.word[-1] in "镇乡村县" and tok.word not in lexicon.persons()


class OrganizationExtractor:
    """Finds organisations by gazetteer, place + body pattern and head-word chunks."""

    name: ClassVar[str] = "organizations"
    adds: ClassVar[str] = "mentions[Organization]"
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, generic: bool = False) -> None:
        # Follow NER corpora, not the archive's guidelines: keep bare bodies (县委, 党委), and take jieba's nt
        # words, periodicals, club teams, 十五大 and the NER_HEADS as bodies.
        self.generic = generic

    def __call__(self, doc: Doc) -> None:
        gaz = lexicon.organizations()
        for index, sentence in enumerate(doc.sentences):
            text = sentence.text
            found: list[tuple[int, int, str]] = [(s, e, "place+body") for s, e in place_bodies(text)]
            for start, end, _surface, _entry in gaz.finditer(text):
                found.append((start, end, "gazetteer"))
            found.extend(self._chunks(doc, index, self.generic))
            if self.generic:  # NER corpora tag bare bodies too (县委, 国会, 代表团)
                found.extend((t.start, t.end, "bare-body") for t in doc.tokens[index] if t.word in BARE_BODIES)
                found.extend(_bare_body_before_title(doc.tokens[index]))
                found.extend(_tagged_bodies(doc.tokens[index]))
                found.extend(_periodicals(text, doc.tokens[index]))
                found.extend(_club_teams(doc.tokens[index]))
                found.extend((m.start(), m.end(), "congress") for m in _CONGRESS.finditer(text)
                             if not text.startswith(("洲", "湖", "学"), m.end()))
            found.extend(_short_names(doc.tokens[index], self.generic))
            found = self._join_prefixes(text, found)
            found.extend((t.start, t.end, "committee-coreference") for t in doc.tokens[index]
                         if t.word in {"省委", "市委", "县委"})
            found.extend((m.start(), m.end(), "body-coreference") for m in _THIS_BODY.finditer(text))
            # Single nouns after a name: 门 in 司法部/nt 门/n (not 和 in 中国足协/nt 和/c, though 协和 is a word).
            singles = {t.start: t.word for t in doc.tokens[index] if len(t.word) == 1 and t.pos in _NOUN_TAGS}
            bounds = {t.start for t in doc.tokens[index]}
            # Longest first, so that 中共河北省委员会 beats 河北省 and 委员会.
            for start, end, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                surface = text[start:end]
                if (end in singles or (end not in bounds and end < len(text))) and text[end] not in "长员人" and \
                        word_frequency(text[end - 1:end + 1]) >= 100:
                    continue  # 司法部/nt 门/n, 司法部门/n: the name ends inside 部门 (but 财政部|长 is the minister)
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
    def _chunks(doc: Doc, index: int, generic: bool = False) -> list[tuple[int, int, str]]:
        tokens = doc.tokens[index]
        out = []
        heads = HEADS + NER_HEADS if generic else HEADS
        for i, tok in enumerate(tokens):
            if not generic and tok.word[-1] not in _HEAD_ENDS:
                continue  # most words: the endswith below would say the same, more slowly
            # 农业部长 → 农业部 + 长, 公司总裁 → 公司 + 总裁: NER corpora tag the body inside the title.
            title = _title_after_head(tok.word) if generic else 0
            word = tok.word[:len(tok.word) - title]
            if not word.endswith(heads) or word.endswith(NOT_BODIES) or tok.pos in {"v", "vd", "d", "p"}:
                continue
            if not word.endswith(HEADS) and word.endswith(_SHORT_NER_HEADS) and len(word) < 3:
                continue
            allow = _no_person
            if generic and word.endswith(_COMPANY_HEADS) and i > 0 and tokens[i - 1].pos.startswith("nr"):
                allow = _named_after(i - 1)  # 休斯公司, 劳拉公司: a company named after a person
            first = extend_left(tokens, i, max_chars=20, allow=allow)
            first = _over_verbs(tokens, first, i)
            first = _from_place(tokens, first, i)
            name = span_text(tokens, first, i)[:len(span_text(tokens, first, i)) - title]
            modifiers = tokens[first:i]
            lead = tokens[first]
            if len(lead.word) <= 2 and lead.pos not in {"ns", "nt", "j"} and \
                    name[len(lead.word):] in lexicon.organizations():
                continue  # 报|国务院, 应报|国务院: the known name alone
            if len(word) == 1 and (len(name) < 4 or any(t.pos == "m" for t in modifiers)):
                continue  # 分析局, 局胜一局: a one-character head needs a real name before it
            if word.endswith("队") and not any(t.pos in {"ns", "nt"} for t in modifiers) and \
                    not _team_of_place(name):
                continue  # 中国队 is a team; 工作队 and 部队 name no one
            if word in HEADS and len(word) <= 2 and not modifiers:
                continue
            if not any(t.pos in {"ns", "nt", "nz", "j", "n", "vn", "eng"} or _town(t) for t in modifiers) and \
                    allow is _no_person \
                    and not title and len(word) < 4 and not _team_of_place(name):
                continue
            if generic and word.endswith(_KIND_HEADS) and allow is _no_person and \
                    not any(t.pos in _NAME_TAGS for t in modifiers):
                continue  # 保险公司, 工作委员会: a kind of body, not a name (the archive keeps them as optional)
            if len(name) >= 3:
                out.append((tokens[first].start, tok.end - title, "head-chunk"))
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
