"""Persons: jieba's ``nr`` words checked against surnames, names beside titles, and 贾主任-style forms."""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from kg import lexicon
from kg.extract.base import PERSON, PLACE, Doc, Mention
from kg.segment import Token

# Characters of transliterated foreign names (夏蒙, 纳赛尔, 贝文): a name made only of these is foreign.
FOREIGN_CHARS = frozenset(
    "那底顿敦迭贡喀君腊累连缅孟蒲平恰善绍史舒廷旺翁伍席许延易阿艾爱安昂奥巴拜班邦保鲍贝本比彼毕波伯勃博布查达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费芬丰冯佛弗福夫富"
    "盖甘冈高戈哥格古瓜圭哈海汉豪赫黑亨胡华怀惠霍基吉加贾杰捷金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾"
    "黎里理利力丽列林琳留隆卢鲁路伦罗洛吕马玛迈麦曼芒梅蒙米密明摩莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩"
    "彭皮普齐奇乔切钦琴丘萨塞赛桑瑟森沙莎山尚舍申什施斯松苏索塔泰坦汤唐陶特滕提图托瓦万威韦维温文沃乌武西希"
    "锡谢辛休修雅亚扬耶伊因英尤于约泽扎詹兹茨朱卓"
)
_NOT_NAMES = frozenset("""
大力 同志 主任 代表 人民 群众 干部 国家 政府 工人 农民 社员 党员 领导 中央 会议
支持 文化 生产 建设 王国 高潮 方面 常委 司令 政委 主席 总理 书记 部长 首相 总统
国王 外长 有关 关于 于是 向着 高级 任免 严重 安全 明显 万元 成立 齐放
""".split())
_FUNCTION_TAGS = frozenset("v vd vn p c u uj ul ud uz ug d r x m q f a ad t".split())
_RUN_STOP = frozenset("x v vd p c u uj ul ud uz d m q".split())
_FOREIGN_TITLES = ("总统", "总理", "首相", "外长", "外交部长", "国王", "国务卿", "大使", "代表", "主席", "部长",
                   "秘书长", "将军", "元帅", "亲王", "女王", "副总统", "副首相", "议长", "团长", "特使", "代表团团长")


@cache
def _title_pattern() -> re.Pattern[str]:
    titles = sorted(lexicon.titles(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, titles)))


def canonical_name(name: str) -> str:
    """The full name: 周总理 → 周恩来 (gazetteer); 刘少奇同志 → 刘少奇; 贾主任 stays as it is."""
    entry = lexicon.persons().get(name)
    if entry is not None:
        return entry.name
    for title, entry in sorted(lexicon.titles().items(), key=lambda kv: -len(kv[0])):
        if name.endswith(title) and len(name) - len(title) >= 2 and entry.kind == "address":
            return name[: -len(title)]
    return name


def looks_like_name(text: str) -> bool:
    """A by-line that is a Chinese personal name (于明), not 本报记者 or an agency."""
    return _chinese_name(text) and text not in lexicon.organizations() and "记者" not in text


_NAME_TAIL_TAGS = frozenset("nr ng a ag zg vg j b".split())
_NOUN_ENDINGS = frozenset("性化器机者家员业物品学型式区县市省雨子星风术法")


def _plausible(tok: Token, prev: Token | None, nxt: Token | None, titles: dict) -> bool:
    """jieba's dictionary tags many common words as names (卫星, 明白, 雷阵雨): ask for more."""
    word = tok.word
    if word in lexicon.persons():
        return True
    if _tagger_freq(word) == 0:  # found by jieba's HMM, not its dictionary: a name it did not know
        return True
    if len(word) >= 3 and word[-1] not in _NOUN_ENDINGS:
        return True
    cues = {"同志", "先生", "女士", "说", "指出", "表示", "强调", "等", "、"}
    return (nxt is not None and (nxt.word in titles or nxt.word in cues)) or (
        prev is not None and (prev.word in titles or prev.word == "、"))


def _tagger_freq(word: str) -> int:
    from kg.segment import word_frequency

    return word_frequency(word)


def _chinese_name(word: str) -> bool:
    names = lexicon.surnames()
    if word in _NOT_NAMES or not 2 <= len(word) <= 4:
        return False
    if word[:2] in names and len(word) >= 3:
        return True
    return word[0] in names and len(word) <= 3


class PersonExtractor:
    """Finds named persons; titles are left out of the name (刘少奇同志 → 刘少奇)."""

    name: ClassVar[str] = "persons"
    adds: ClassVar[str] = "mentions[Person]"
    requires: ClassVar[tuple[str, ...]] = ("organizations", "places")

    def __call__(self, doc: Doc) -> None:
        titles = lexicon.titles()
        for index, sentence in enumerate(doc.sentences):
            # Known names wherever they stand, even inside a longer word (邓小平理论).
            for start, end, surface, _entry in lexicon.persons().finditer(sentence.text):
                if len(surface) >= 3 or any(t.start == start and t.end == end for t in doc.tokens[index]):
                    doc.add(Mention(PERSON, surface, sentence.start + start, sentence.start + end, index,
                                    "gazetteer", canonical_name(surface)))
            tokens = doc.tokens[index]
            for i, _tok in enumerate(tokens):
                span = self._person_at(tokens, i, titles)
                if span is None:
                    continue
                start, end, rule = span
                surface = sentence.text[start:end]
                if rule == "surname+given-name":  # 刘秀峰 beats the place alias 秀峰
                    doc.mentions[:] = [m for m in doc.mentions if not (
                        m.kind == PLACE and m.sentence == index and sentence.start + start <= m.start
                        and m.end <= sentence.start + end)]
                doc.add(Mention(PERSON, surface, sentence.start + start, sentence.start + end, index, rule,
                                canonical_name(surface)))

    @staticmethod
    def _person_at(tokens: list[Token], i: int, titles: dict) -> tuple[int, int, str] | None:
        tok = tokens[i]
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after_title = prev is not None and prev.word.endswith(_FOREIGN_TITLES)
        before_title = nxt is not None and nxt.word in titles
        if tok.pos.startswith("nr") and _chinese_name(tok.word) and _plausible(tok, prev, nxt, titles):
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            # 张洁/nr 清/a 说: jieba leaves the last character of a three-character name behind.
            if len(tok.word) == 2 and nxt is not None and len(nxt.word) == 1 and nxt.pos in _NAME_TAIL_TAGS and \
                    (after is None or after.pos in {"v", "x", "p"} or after.word in titles):
                return tok.start, nxt.end, "pos+surname"
            return tok.start, tok.end, "pos+surname"
        if tok.pos.startswith("nr") and len(tok.word) >= 3 and all(ch in FOREIGN_CHARS for ch in tok.word) \
                and tok.word not in _NOT_NAMES and tok.word not in lexicon.places():
            end = i  # 卡洛斯·阿马特: a foreign name runs on over the middle dot
            while end + 2 < len(tokens) and tokens[end + 1].word == "·" and \
                    all(ch in FOREIGN_CHARS for ch in tokens[end + 2].word):
                end += 2
            return tok.start, tokens[end].end, "foreign-name"
        if before_title and titles[nxt.word].kind == "address" and _chinese_name(tok.word) and \
                len(tok.word) <= 3 and tok.pos not in {"v", "p", "d", "c", "r", "x", "m"}:
            return tok.start, tok.end, "name+address"  # jieba tags 周恩来 as a time word
        if tok.pos.startswith("nr") and len(tok.word) >= 2 and all(ch in FOREIGN_CHARS for ch in tok.word) \
                and (after_title or before_title) and tok.word not in _NOT_NAMES:
            return tok.start, tok.end, "title+foreign-name"
        if after_title:
            # jieba cuts foreign names it does not know: 库/n 阿特利/nr → 库阿特利.
            end = i
            while end < len(tokens) and all(ch in FOREIGN_CHARS for ch in tokens[end].word) and \
                    tokens[end].pos not in _RUN_STOP and tokens[end].end - tok.start <= 6:
                end += 1
            name = "".join(t.word for t in tokens[i:end])
            if 2 <= len(name) <= 6 and name not in _NOT_NAMES:
                return tok.start, tokens[end - 1].end, "title+foreign-name"
        # 刘/zg 秀峰/ns: a surname cut off from its given name, before a verb, a title or a pause.
        if len(tok.word) == 1 and tok.word in lexicon.surnames() and tok.pos not in _FUNCTION_TAGS and \
                nxt is not None and 1 <= len(nxt.word) <= 2 and nxt.pos in {"ns", "nr", "nrt", "nz", "ng", "zg"} and \
                i + 2 < len(tokens) and (tokens[i + 2].pos in {"v", "p", "x"} or tokens[i + 2].word in titles):
            return tok.start, nxt.end, "surname+given-name"
        # 贾主任: a surname alone before an office, when the article gives no more of the name.
        if len(tok.word) == 1 and tok.word in lexicon.surnames() and nxt is not None and \
                tok.pos not in _FUNCTION_TAGS and titles.get(nxt.word) is not None and \
                titles[nxt.word].kind == "office" and (prev is None or prev.pos not in {"nr", "m"}):
            return tok.start, nxt.end, "surname+office"
        return None
