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
    "佐别坚埃娃得热翰肖芭莉"
)
_NOT_NAMES = frozenset("""
大力 同志 主任 代表 人民 群众 干部 国家 政府 工人 农民 社员 党员 领导 中央 会议
支持 文化 生产 建设 王国 高潮 方面 常委 司令 政委 主席 总理 书记 部长 首相 总统
国王 外长 有关 关于 于是 向着 高级 任免 严重 安全 明显 万元 成立 齐放
""".split())
_FUNCTION_TAGS = frozenset("v vd vn p c u uj ul ud uz ug d r x m q f a ad t".split())
_RUN_STOP = frozenset("x v vd p c u uj ul ud uz d m q".split())
_FOREIGN_TITLES = ("总统", "总理", "首相", "外长", "外交部长", "国王", "国务卿", "大使", "代表", "主席", "部长",
                   "秘书长", "将军", "元帅", "亲王", "女王", "副总统", "副首相", "议长", "团长", "特使", "代表团团长",
                   "大臣", "教练", "主教练", "选手", "球员", "议员", "司令", "主帅", "前锋", "后卫", "门将", "董事长",
                   "总裁", "经理")


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
_NOUN_ENDINGS = frozenset("性化器机者家员业物品学型式区县市省雨子星风术法证赛官章书车带卡球剑诗值质枝传杯主")


def _plausible(tok: Token, prev: Token | None, nxt: Token | None, titles: dict) -> bool:
    """jieba's dictionary tags many common words as names (卫星, 明白, 雷阵雨): ask for more."""
    word = tok.word
    if word in lexicon.persons():
        return True
    if _tagger_freq(word) == 0:  # found by jieba's HMM, not its dictionary: a name it did not know
        return True
    if len(word) >= 3 and word[-1] not in _NOUN_ENDINGS:
        return True
    cues = {"同志", "先生", "女士", "说", "指出", "表示", "强调", "等"}
    if _tagger_freq(word) < 100:  # a list is a cue only for a rare word: 文明、友善 are common ones
        cues.add("、")
    return (nxt is not None and (nxt.word in titles or nxt.word in cues)) or (
        prev is not None and (prev.word in titles or prev.word in cues & {"、"}))


def _tagger_freq(word: str) -> int:
    from kg.segment import word_frequency

    return word_frequency(word)


# Single characters that follow a name as words of their own (王明说, 李华也), not as its last character.
_NOT_TAILS = frozenset("说讲问答称笑看想去来当任又已曾再不没便却则即乃亦也都就还将要会对把被从向给让与及等"
                       "的了着过到和是在有")


def _loose_tail(tok: Token) -> bool:
    """A single character that may end a name jieba's HMM cut short (高允|连, 沈求|我)."""
    return tok.word not in _NOT_TAILS and tok.pos not in {"x", "m", "q", "uj", "ul", "p", "c", "f"}


def _foreign(word: str) -> bool:
    return all(ch in FOREIGN_CHARS for ch in word)


_DOTS = frozenset("·•．-—")
# Last characters of transliterated names that jieba leaves alone (阿马/ns 特/d, 托马/nrt 肖/nr).
_NAME_FINALS = frozenset("特克斯夫基科肖德尔娃娜诺尼茨奇姆格勒逊森顿林")


def _foreign_run(tokens: list[Token], i: int) -> tuple[int, int]:
    """The tokens of the foreign name around ``tokens[i]``: 伯奇|费尔, 鲍里斯|·|贝克尔, 卡洛斯|·|阿马|特.

    jieba cuts a name it does not know into pieces, tagged as names or not; the pieces are joined over
    a middle dot and over neighbours made only of the characters of transliteration.
    """
    def piece(k: int) -> bool:
        tok = tokens[k]
        return _foreign(tok.word) and len(tok.word) <= 4 and tok.pos not in _RUN_STOP and \
            tok.word not in _NOT_NAMES and tok.word not in lexicon.places()

    first = last = i
    while first >= 2 and tokens[first - 1].word in _DOTS and piece(first - 2) and tokens[first - 2].pos != "x":
        first -= 2
    # 的/uj 库/n 尼科娃/nr: a first syllable jieba left alone, after a word that ends a phrase.
    if first >= 1 and len(tokens[first - 1].word) == 1 and tokens[first - 1].word in FOREIGN_CHARS and \
            tokens[first - 1].pos in {"n", "nr", "ng", "j", "d"} and \
            (first < 2 or tokens[first - 2].pos in {"uj", "x", "c", "v", "p", "nn"}):
        first -= 1
    while True:
        if last + 2 < len(tokens) and tokens[last + 1].word in _DOTS and _foreign(tokens[last + 2].word) and \
                len(tokens[last + 2].word) <= 5:
            last += 2
        elif last + 1 < len(tokens) and tokens[last + 1].pos.startswith("nr") and piece(last + 1):
            last += 1
        elif last + 1 < len(tokens) and len(tokens[last + 1].word) == 1 and tokens[last + 1].word in _NAME_FINALS \
                and (last + 2 >= len(tokens) or tokens[last + 2].pos in {"v", "x", "p", "c", "uj", "d", "t"}):
            last += 1
            break
        else:
            break
    return first, last


def _given_name(surname: Token, tok: Token, titles: dict) -> bool:
    """A word after a surname that can be its given name: 秀峰/ns, or a rare noun after 彭/nr (清源/n)."""
    if tok.pos in {"ns", "nr", "nrt", "nz", "ng", "zg"}:
        return True
    return surname.pos == "nr" and tok.pos == "n" and tok.word not in titles and _tagger_freq(tok.word) < 200


# Verbs of saying after a name: a short foreign name needs such a cue (琼斯说).
_SPEECH = frozenset("说 表示 指出 认为 称 强调 宣布 透露 承认 介绍 回忆 问 答 告诉".split())
@cache
def _offices() -> frozenset[str]:
    return frozenset(title for title, entry in lexicon.titles().items() if entry.kind == "office")


@cache
def _office_ends() -> frozenset[str]:
    return frozenset(title[-1] for title in _offices())


def _is_office(word: str) -> bool:
    """副院长, 外交大臣: an office from titles.tsv, alone or at the end of a longer word."""
    offices = _offices()
    return any(word[k:] in offices for k in range(len(word) - 1))


def _name_after_office(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """副院长严义埙, 县长吴方军: a Chinese name after an office, however jieba tagged or cut it.

    A word jieba's dictionary knows well (任期, 高度) is not taken for a name.
    """
    tok = tokens[i]
    if tok.pos in _FUNCTION_TAGS or tok.word in lexicon.titles():
        return None
    if len(tok.word) in {2, 3} and _chinese_name(tok.word) and _tagger_freq(tok.word) < 50:
        return tok.start, tok.end, "office+name"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if len(tok.word) == 1 and tok.word in lexicon.surnames() and nxt is not None and 1 <= len(nxt.word) <= 2 and \
            nxt.pos in {"n", "nr", "ns", "nz", "ng", "a", "vn"} and nxt.word not in lexicon.titles() and \
            (nxt.pos == "ns" or _tagger_freq(nxt.word) < 200):  # 钱/n 德昌/ns: a county's name as a given name
        return tok.start, nxt.end, "office+name"
    return None


_BYLINE_ROLES = frozenset("记者 通讯员 特约记者 摄影记者 本报记者".split())
_BYLINE_VERBS = ("报道", "报", "摄", "电", "采写", "讯")


def _byline_name(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """记者江建国报道: the name between a reporter's role and 报道, whatever jieba tagged it."""
    end = i
    while end < len(tokens) and tokens[end].end - tokens[i].start <= 3 and \
            not tokens[end].word.startswith(_BYLINE_VERBS) and tokens[end].pos != "x":
        end += 1
    if end == i or end >= len(tokens) or not tokens[end].word.startswith(_BYLINE_VERBS):
        return None
    name = "".join(t.word for t in tokens[i:end])
    return (tokens[i].start, tokens[end - 1].end, "byline") if _chinese_name(name) else None


_LIST_ENDS = frozenset("、，。；：（）()")


def _listed_names(doc: Doc, index: int) -> list[tuple[int, int]]:
    """贾亦斌、彭清源、徐起超: an item of a list of names, beside a name already found, that starts with a surname.

    Offsets are the sentence's. jieba reads many given names as words (清源/n, 无畏/i).
    """
    sentence = doc.sentences[index]
    text = sentence.text
    if "、" not in text:
        return []
    names = {(m.start - sentence.start, m.end - sentence.start) for m in doc.in_sentence(index, PERSON)}
    cuts = [k for k, ch in enumerate(text) if ch in _LIST_ENDS]
    out = []
    for left, right in zip([-1, *cuts], [*cuts, len(text)], strict=True):
        start, end = left + 1, right
        if not 2 <= end - start <= 3 or not _chinese_name(text[start:end]) or doc.covered(
                sentence.start + start, sentence.start + end):
            continue
        before = text[left] == "、" and any(e == left for _, e in names)
        after = right < len(text) and text[right] == "、" and any(s == right + 1 for s, _ in names)
        if before or after:
            out.append((start, end))
    return out


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
                if rule in {"surname+given-name", "office+name"}:  # 刘秀峰 beats the place alias 秀峰
                    doc.mentions[:] = [m for m in doc.mentions if not (
                        m.kind == PLACE and m.sentence == index and sentence.start + start <= m.start
                        and m.end <= sentence.start + end)]
                doc.add(Mention(PERSON, surface, sentence.start + start, sentence.start + end, index, rule,
                                canonical_name(surface)))
            for start, end in _listed_names(doc, index):
                surface = sentence.text[start:end]
                doc.add(Mention(PERSON, surface, sentence.start + start, sentence.start + end, index, "name-list",
                                surface))

    @staticmethod
    def _person_at(tokens: list[Token], i: int, titles: dict) -> tuple[int, int, str] | None:
        tok = tokens[i]
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after_title = prev is not None and prev.word.endswith(_FOREIGN_TITLES)
        before_title = nxt is not None and nxt.word in titles
        # Every rule below needs one of these; most tokens have none, and this is asked of every token.
        if not (after_title or before_title or tok.pos.startswith("nr") or
                (len(tok.word) == 1 and tok.word in lexicon.surnames()) or
                (prev is not None and (prev.word in _BYLINE_ROLES or prev.word[-1] in _office_ends()))):
            return None
        if prev is not None and prev.word in _BYLINE_ROLES and (span := _byline_name(tokens, i)) is not None:
            return span
        if tok.pos.startswith("nr") and _foreign(tok.word) and tok.word not in _NOT_NAMES and \
                tok.word not in lexicon.places():
            first, last = _foreign_run(tokens, i)  # 鲍里斯·贝克尔 before 鲍里斯 as a Chinese name
            if last > first and (len(tok.word) >= 3 or last > i or not _chinese_name(tok.word)):
                return tokens[first].start, tokens[last].end, "foreign-name"
        if tok.pos.startswith("nr") and _chinese_name(tok.word) and _plausible(tok, prev, nxt, titles):
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            # 张洁/nr 清/a 说: jieba leaves the last character of a three-character name behind.
            if len(tok.word) == 2 and nxt is not None and len(nxt.word) == 1 and \
                    (nxt.pos in _NAME_TAIL_TAGS or (_tagger_freq(tok.word) == 0 and _loose_tail(nxt))) and \
                    (after is None or after.pos in {"v", "x", "p", "c"} or after.word in titles):
                return tok.start, nxt.end, "pos+surname"  # 李培/nr 之/u 同志: the HMM's name, cut short
            return tok.start, tok.end, "pos+surname"
        if tok.pos.startswith("nr") and _foreign(tok.word) and tok.word not in _NOT_NAMES and \
                tok.word not in lexicon.places():
            first, last = _foreign_run(tokens, i)
            if len(tok.word) >= 3 or last > first:
                return tokens[first].start, tokens[last].end, "foreign-name"
        if before_title and titles[nxt.word].kind == "address" and _chinese_name(tok.word) and \
                len(tok.word) <= 3 and tok.pos not in {"v", "p", "d", "c", "r", "x", "m"}:
            return tok.start, tok.end, "name+address"  # jieba tags 周恩来 as a time word
        if tok.pos.startswith("nr") and len(tok.word) >= 2 and all(ch in FOREIGN_CHARS for ch in tok.word) \
                and (after_title or before_title or (nxt is not None and nxt.word in _SPEECH)) and \
                tok.word not in _NOT_NAMES:
            return tok.start, tok.end, "title+foreign-name"
        if after_title:
            # jieba cuts foreign names it does not know: 库/n 阿特利/nr → 库阿特利.
            end = i
            while end < len(tokens) and all(ch in FOREIGN_CHARS for ch in tokens[end].word) and \
                    tokens[end].pos not in _RUN_STOP and tokens[end].end - tok.start <= 6:
                end += 1
            name = "".join(t.word for t in tokens[i:end])
            if 2 <= len(name) <= 6 and name not in _NOT_NAMES:
                _, last = _foreign_run(tokens, end - 1)  # 芭芭拉/z ·/x 弗兰克/nr 林/ng: on over the middle dot
                return tok.start, tokens[last].end, "title+foreign-name"
        if prev is not None and prev.word[-1] in _office_ends() and _is_office(prev.word) and \
                (span := _name_after_office(tokens, i)) is not None:
            return span
        # 刘/zg 秀峰/ns: a surname cut off from its given name, before a verb, a title or a pause.
        if len(tok.word) == 1 and tok.word in lexicon.surnames() and tok.pos not in _FUNCTION_TAGS and \
                nxt is not None and 1 <= len(nxt.word) <= 2 and _given_name(tok, nxt, titles) and \
                i + 2 < len(tokens) and (tokens[i + 2].pos in {"v", "p", "x"} or tokens[i + 2].word in titles):
            return tok.start, nxt.end, "surname+given-name"
        # 贾主任, 温先生: a surname alone before an office or address, when the article gives no more of the name.
        if len(tok.word) == 1 and tok.word in lexicon.surnames() and nxt is not None and \
                tok.pos not in _FUNCTION_TAGS and titles.get(nxt.word) is not None and \
                (prev is None or prev.pos not in {"nr", "m"}):
            return tok.start, nxt.end, "surname+office" if titles[nxt.word].kind == "office" else "surname+address"
        return None
