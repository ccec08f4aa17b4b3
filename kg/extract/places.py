"""Places: the gazetteer of divisions, countries and cities, place-suffix words, and 英法-style pairs."""

from __future__ import annotations

import re
from typing import ClassVar

from kg import lexicon
from kg.extract.base import ORGANIZATION, PLACE, Doc, Mention

# Generic words that jieba tags as places; the guidelines make them optional.
GENERIC = frozenset("""
全省 全市 全县 全区 全国 各地 各省 本省 本市 本县 本区 当地 城市 农村 城乡 地方
边区 解放区 灾区 山区 各区 国内 国外 海外 内地 外地 该地 该省 该市 该县 中央
西方 东方 世界 各国 各省市 老区 新区 棉区 产区 各棉产区
""".split())
SUFFIXES = ("省", "市", "县", "区", "州", "镇", "乡", "村", "旗", "盟", "专区", "地区", "岛", "港")
# One-character country names that stand together in 英法, 美英, 匈苏.
SHORT_COUNTRIES = {"中": "中国", "俄": "俄罗斯", "韩": "韩国", "澳": "澳大利亚", "英": "英国", "法": "法国",
                   "美": "美国",
                   "苏": "苏联", "日": "日本", "德": "德国", "意": "意大利", "匈": "匈牙利", "波": "波兰",
                   "捷": "捷克斯洛伐克", "罗": "罗马尼亚", "保": "保加利亚", "朝": "朝鲜", "越": "越南", "蒙": "蒙古",
                   "印": "印度", "埃": "埃及", "以": "以色列", "荷": "荷兰", "比": "比利时"}


_OPEN_KINDS = frozenset({"country", "region", "province"})


# One-character names of China and its provinces, as the press abbreviates them after a verb of travel.
ABBREVIATIONS = {"华": "中国", "京": "北京市", "沪": "上海市", "津": "天津市", "渝": "重庆市", "港": "香港特别行政区",
                 "澳": "澳门特别行政区", "台": "台湾省", "冀": "河北省", "鲁": "山东省", "豫": "河南省", "晋": "山西省",
                 "陕": "陕西省", "川": "四川省", "粤": "广东省", "闽": "福建省", "赣": "江西省", "湘": "湖南省",
                 "鄂": "湖北省", "皖": "安徽省", "苏": "江苏省", "浙": "浙江省", "藏": "西藏自治区",
                 "蒙": "内蒙古自治区"}
# Verbs and prepositions the press puts before a one-character place: 访华, 在京, 抗美援朝, 对日.
# (同 and 与 are left out: 同意 and 同日 are words.)
_BEFORE = frozenset("访 来 在 驻 抵 进 赴 返 旅 留 对 援 抗 侵 反 亲".split())
# Words after a one-character country that show it names the country: 俄总统, 罗政府, 美方.
_CONTINUATIONS = frozenset(("", "访问", "工作", "投资", "关系", "期间", "政策", "贸易", "援助", "考察"))
_AFTER = ("总统", "总理", "首相", "外长", "政府", "方", "军", "国内", "国")


def _short_name(ch: str) -> bool:
    return ch in ABBREVIATIONS or (ch in SHORT_COUNTRIES and ch != "中")


def _abbreviation_at(tokens: list, i: int) -> tuple[int, int] | None:
    """访华, 在京, 抗美, 俄总统: the one-character place in such a word, as (start, end)."""
    tok = tokens[i]
    word = tok.word
    if len(word) >= 2 and word[0] in _BEFORE and _short_name(word[1]) and word[2:] in _CONTINUATIONS:
        return tok.start + 1, tok.start + 2
    if len(word) == 1 and _short_name(word) and i > 0 and tokens[i - 1].word in _BEFORE:
        return tok.start, tok.end
    if len(word) >= 2 and word[0] in SHORT_COUNTRIES and word[1:] in _AFTER:
        return tok.start, tok.start + 1
    if len(word) == 1 and word in SHORT_COUNTRIES and i + 1 < len(tokens) and tokens[i + 1].word in _AFTER:
        return tok.start, tok.end
    return None


def _enumerated(tokens: list, i: int) -> bool:
    """英 in 英、法、以色列 or 日 in 日/俄: a one-character country name beside another country."""
    for j in (i - 1, i + 1):  # 中/f 美/ns: jieba cuts 中美 in two
        if 0 <= j < len(tokens) and len(tokens[j].word) == 1 and tokens[j].word in SHORT_COUNTRIES:
            return True
    for j in (i - 2, i + 2):
        if 0 <= j < len(tokens) and tokens[(i + j) // 2].word in {"、", "和", "与"}:
            other = tokens[j].word
            entry = lexicon.places().get(other)
            if other in SHORT_COUNTRIES or (entry is not None and entry.kind == "country"):
                return True
    return False


_CJK_NAME = r"[\u4e00-\u9fff]{2,3}"
_SHARED_LEVEL = re.compile(rf"((?:{_CJK_NAME}、)+{_CJK_NAME})(?:两|三|四|五|六|七|八|九|十|各)(?:县|市|省|区|专区)")
# A division set up or abolished: 设置杞麓县, 撤销安宁县 (new names are in no gazetteer yet).
_SET_UP = re.compile(r"(?:设置|设立|撤销|改设|建立)(?:[\u4e00-\u9fff]{2,3}?(?:省|自治区))?"
                     r"([\u4e00-\u9fff]{2,4}?(?:自治州|自治县|专区|县|市|旗))")


def canonical_name(name: str) -> str:
    """The gazetteer's full name of a place (河北 → 河北省), else the name itself."""
    if name in SHORT_COUNTRIES:
        return SHORT_COUNTRIES[name]
    if name in ABBREVIATIONS:
        return ABBREVIATIONS[name]
    entry = lexicon.places().get(name)
    return entry.name if entry is not None else name


def known_aliases(name: str) -> tuple[str, ...]:
    entry = lexicon.places().get(name)
    return entry.aliases if entry is not None and entry.name == name else ()


class PlaceExtractor:
    """Finds places by gazetteer (on word boundaries), jieba's ``ns`` words and country pairs."""

    name: ClassVar[str] = "places"
    adds: ClassVar[str] = "mentions[Place]"
    requires: ClassVar[tuple[str, ...]] = ("organizations",)

    def __call__(self, doc: Doc) -> None:
        gaz = lexicon.places()
        for index, sentence in enumerate(doc.sentences):
            tokens = doc.tokens[index]
            starts = {t.start for t in tokens}
            ends = {t.end for t in tokens}
            found: list[tuple[int, int, str]] = []
            for start, end, surface, entry in gaz.finditer(sentence.text):
                # On word boundaries; a country or region may also open a longer word (中东问题).
                if (start in starts and (end in ends or entry.kind in _OPEN_KINDS)) or len(surface) >= 3:
                    found.append((start, end, "gazetteer"))
            for i, tok in enumerate(tokens):
                if (span := _abbreviation_at(tokens, i)) is not None:
                    found.append((*span, "abbreviation"))
                if len(tok.word) == 1 and tok.word in SHORT_COUNTRIES and _enumerated(tokens, i):
                    found.append((tok.start, tok.end, "country-list"))
                if tok.pos == "ns" and tok.word not in gaz:
                    # jieba tags 上市 and 黑市 as places: a suffix needs a name of two characters before it.
                    if any(tok.word.endswith(s) and len(tok.word) - len(s) >= 2 for s in SUFFIXES):
                        found.append((tok.start, tok.end, "pos+suffix"))
                elif 2 <= len(tok.word) <= 4 and all(ch in SHORT_COUNTRIES for ch in tok.word) and \
                        tok.pos in {"ns", "j", "nz", "n"} and tok.word not in gaz:
                    found.extend((tok.start + k, tok.start + k + 1, "country-pair") for k in range(len(tok.word)))
            for m in _SHARED_LEVEL.finditer(sentence.text):  # 通海、河西两县: two counties, one level word
                offset = m.start(1)
                for name in m.group(1).split("、"):
                    found.append((offset, offset + len(name), "shared-level"))
                    offset += len(name) + 1
            found.extend((m.start(1), m.end(1), "set-up") for m in _SET_UP.finditer(sentence.text))
            for start, end, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                surface = sentence.text[start:end]
                if surface in GENERIC:
                    continue
                doc.add(Mention(PLACE, surface, sentence.start + start, sentence.start + end, index, rule,
                                canonical_name(surface)), inside=(ORGANIZATION,))
