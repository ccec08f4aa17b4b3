"""Places: the gazetteer of divisions, countries and cities, place-suffix words, and 英法-style pairs."""

from __future__ import annotations

import re
from typing import ClassVar

from kg import lexicon
from kg.extract.base import ORGANIZATION, PLACE, Doc, Mention
from kg.segment import word_frequency

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
# Tags of words that are no one-character name, whatever the character (以/p, 中/f is still 中).
_FUNCTION_TAGS = frozenset("p c u uj d m v vn q r".split())


def _short_name(ch: str) -> bool:
    return ch in ABBREVIATIONS or (ch in SHORT_COUNTRIES and ch != "中")


# Suffixes of villages, towns and foreign divisions that jieba leaves as words of their own (回龙/nz 村).
_LOOSE_SUFFIXES = frozenset("村 乡 镇 县 市 省 州 郡 邦 岛".split())
_NAME_TAGS = frozenset({"nr", "nrt", "nz", "ns"})
_SUFFIX_ENDS = frozenset(s[-1] for s in SUFFIXES) | _LOOSE_SUFFIXES
# A word the per-token rules can take starts with one of these or ends with a suffix (most words do neither).
_RULE_FIRSTS = _BEFORE | frozenset(SHORT_COUNTRIES) | frozenset(name[0] for name in ABBREVIATIONS)


def _suffixed_name(tokens: list, i: int) -> tuple[int, int] | None:
    """A name and a division suffix: 泥汊镇/ns, 高升镇/nr (jieba reads the name as a person's), 山泉/ns 乡/n.

    jieba tags 上市 and 黑市 as places: a suffix needs a name of two characters before it.
    """
    tok = tokens[i]
    word = tok.word
    if word[-1] not in _SUFFIX_ENDS or word in lexicon.places():
        return None
    if word.endswith(("城市", "城镇", "城区")):
        return None  # 大城市, 小城镇: a kind of place
    suffix = next((s for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= 2), "")
    if suffix and (tok.pos == "ns" or (tok.pos in _NAME_TAGS and suffix in _LOOSE_SUFFIXES)):
        return tok.start, tok.end
    if word in _LOOSE_SUFFIXES and i > 0 and tokens[i - 1].pos in _NAME_TAGS and len(tokens[i - 1].word) >= 2 and \
            tokens[i - 1].word not in lexicon.persons():  # 维也纳/ns 市/n, 山泉/ns 乡/n
        return tokens[i - 1].start, tok.end
    return None


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
    if tokens[i].pos in _FUNCTION_TAGS:
        return False  # 以/p, 中/f in 在比赛中以2∶0
    for j in (i - 1, i + 1):  # 中/f 美/ns: jieba cuts 中美 in two
        if 0 <= j < len(tokens) and len(tokens[j].word) == 1 and tokens[j].word in SHORT_COUNTRIES and \
                tokens[j].pos not in {"p", "c", "d"}:
            return True
    for j in (i - 2, i + 2):
        if 0 <= j < len(tokens) and tokens[(i + j) // 2].word in {"、", "和", "与"}:
            other = tokens[j].word
            entry = lexicon.places().get(other)
            if other in SHORT_COUNTRIES or (entry is not None and entry.kind == "country"):
                return True
    return False


# NER corpora (People's Daily 1998) tag one-character country names wherever the press uses them:
# 中美关系, 印巴两国, 巴以双方 → 中|美, 印|巴, 巴|以. These are the names such pairs use.
PAIR_NAMES = frozenset(SHORT_COUNTRIES) | frozenset("巴墨泰菲港台欧非亚葡挪叙伊阿新马西加古老土约黎澳奥")
# ...and the ones that are too often ordinary words (西 west, 新 new, 老 old) to pair without a cue after them.
_WEAK_PAIR_NAMES = frozenset("新马西加古老土约黎阿亚非台港奥")
# Words after a pair of countries: 中美两国, 中韩关系, 巴以之间.
_PAIR_CUES = ("两国", "三国", "两个", "双方", "三方", "关系", "之间", "间", "两党", "两军", "合作", "友好", "贸易",
              "建交", "会谈", "首脑", "谈判", "峰会", "边界", "边境", "对话", "交流", "经贸", "协定", "外长", "联合",
              "和平", "人民", "安全", "军事", "经济")
# A one-character name after a verb of travel or presence (离京, 驻华), and words whose first character
# is one (中医, 华侨, 京剧, 美军, 中方): the corpus tags that character as a place.
_BEFORE_NER = _BEFORE | frozenset("离 回 在".split())
_NAME_WORDS = {w: 1 for w in """
中医 中药 中医药 中西医 中餐 中成药 中草药 华侨 华人 华裔 华商 华工 京剧 京韵 京戏 港人 港商 港府 台胞 台商
藏胞 藏区 奥运 奥运会 亚运 亚运会 日寇
""".split()} | {"中华": 2, "中华民族": 2}

# One-character names of provinces and rivers that the press joins (黄淮, 青藏高原, 京津地区): each a place here.
_REGION_CHARS = frozenset(ABBREVIATIONS) | frozenset("青甘宁新黑吉辽桂琼滇黔贵云黄淮江汉海")
_REGION_TAILS = ("", "高原", "平原", "地区", "流域", "一带", "线", "两省", "两地", "三省")


def _region_compound(word: str) -> int:
    """The length of the compound of one-character names that opens ``word`` (黄淮 in 黄淮地区), else 0."""
    for k in (3, 2):
        head = word[:k]
        if len(head) == k and len(set(head)) == k and all(ch in _REGION_CHARS for ch in head) and \
                word[k:] in _REGION_TAILS and head not in lexicon.places() and word_frequency(head) > 0:
            return k
    return 0


def _name_word_in(word: str) -> tuple[int, int] | None:
    """Where a word of ``_NAME_WORDS`` opens or closes ``word`` (京韵大鼓, 中国京剧), as offsets of its place."""
    for k in (3, 2):
        if word[:k] in _NAME_WORDS:
            return 0, _NAME_WORDS[word[:k]]
        if len(word) > k and word[-k:] in _NAME_WORDS:
            return len(word) - k, len(word) - k + _NAME_WORDS[word[-k:]]
    return None


_SIDE = ("方", "军")  # 中方, 美军: the country's side or army
# One-character names that are ordinary words too often to count when jieba tags them alone (法 law, 中 middle).
_AMBIGUOUS_ALONE = frozenset("法中藏台港亚汉南苏朝罗丹柬")


# Named bodies of the solar system: the corpus tags them as places.
CELESTIAL = frozenset("地球 月球 太阳 银河 银河系 水星 金星 火星 木星 土星 天王星 海王星 冥王星".split())
# Heads of the names of buildings, sites and works (北京图书大厦, 德黑兰机场, 布达拉宫): places in the corpus.
FACILITY_HEADS = ("大厦", "大会堂", "会堂", "美术馆", "博物馆", "纪念馆", "纪念堂", "展览馆", "展览中心", "大剧院",
                  "体育馆", "体育场", "体育中心", "机场", "火车站", "车站", "码头", "广场", "大桥", "公园", "宫", "寺",
                  "庙", "陵", "塔", "大街", "大道", "路", "街")
_FACILITY_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt"})


def _facility_spans(tokens: list) -> list[tuple[int, int]]:
    """Named buildings and sites: a name word ending in a facility head, or a place or name before one."""
    out = []
    for i, tok in enumerate(tokens):
        word = tok.word
        head = next((h for h in FACILITY_HEADS if word.endswith(h)), "")
        if not head:
            continue
        # 高速铁路/nz and 张之路/nr are no sites: a street needs a place's tag.
        if len(word) > len(head) + 1 and tok.pos in _FACILITY_NAME_TAGS and \
                (head not in {"路", "街"} or tok.pos == "ns") and (len(head) > 1 or tok.pos != "nz"):
            out.append((tok.start, tok.end))  # 人民大会堂/nt, 白金汉宫/nr, 韶山路/ns
        elif word == head and len(head) >= 2 and i > 0 and tokens[i - 1].pos in _FACILITY_NAME_TAGS and \
                len(tokens[i - 1].word) >= 2:
            out.append((tokens[i - 1].start, tok.end))  # 德黑兰/ns 机场/n
    return out


def _short_spans(tokens: list, text: str, named: set[str]) -> list[tuple[int, int]]:
    """One-character country and province names, as the corpus tags them (NER mode).

    ``named`` holds the first characters of countries the sentence names in full (布隆迪 … 布中两国).
    """
    tokens_at = {t.start: t for t in tokens}
    starts = tokens_at.keys()
    out: list[tuple[int, int]] = []
    names = PAIR_NAMES | named
    for start in sorted(starts):
        for k in (3, 2):  # 中美关系: the pair, then what follows it
            end = start + k
            pair = text[start:end]
            cue = text.startswith(_PAIR_CUES, end)
            if len(pair) < k or len(set(pair)) < k or not all(ch in names for ch in pair) or \
                    text[start:end + 1] in lexicon.places() or (pair in lexicon.places() and not cue):
                continue  # 挪挪, 比比; 中非 is a country, but 中非合作 a pair
            if not cue and not all(tokens_at[start + j].pos not in _FUNCTION_TAGS for j in range(k)
                                   if start + j in tokens_at):
                continue  # 在比赛中/f 以/p 2∶0
            if cue or (end in starts and not _WEAK_PAIR_NAMES & set(pair) and
                       tokens_at[start].pos in {"ns", "nt", "nz", "j", "nr"}):
                out.extend((start + j, start + j + 1) for j in range(k))
                break
    for i, tok in enumerate(tokens):
        word = tok.word
        if (k := _region_compound(word)) and word not in lexicon.places() and (len(word) > k or tok.pos in {"j", "nr"}):
            out.extend((tok.start + j, tok.start + j + 1) for j in range(k))  # 黄淮 → 黄, 淮
        elif (known := _name_word_in(word)) is not None:
            out.append((tok.start + known[0], tok.start + known[1]))  # 中医, 中国京剧, 京韵大鼓
        elif len(word) == 1 and word in PAIR_NAMES and i + 2 < len(tokens) and tokens[i + 1].word == "、" and \
                len(tokens[i + 2].word) == 1 and tokens[i + 2].word in names:
            out.extend(((tok.start, tok.end), (tokens[i + 2].start, tokens[i + 2].end)))  # 中、阿
        elif len(word) == 2 and word[1] in _SIDE and word[0] in PAIR_NAMES - _WEAK_PAIR_NAMES:
            out.append((tok.start, tok.start + 1))
        elif len(word) >= 2 and word[0] in _BEFORE_NER and word[1] in ABBREVIATIONS and \
                (len(word) == 2 or word[2:] in _CONTINUATIONS or lexicon.titles().get(word[2:]) is not None or
                 word[2:] in {"使馆", "使节", "机构", "办事处", "期间"}):
            out.append((tok.start + 1, tok.start + 2))  # 离京, 驻华大使, 驻华使馆
        elif len(word) == 1 and tok.pos in {"ns", "j"} and word in SHORT_COUNTRIES.keys() | ABBREVIATIONS.keys() \
                and word not in _AMBIGUOUS_ALONE:
            out.append((tok.start, tok.end))  # 俄/j 全国各地: jieba itself reads it as a name
        elif len(word) == 1 and word in named and tok.pos not in _FUNCTION_TAGS | {"f", "x"}:
            out.append((tok.start, tok.end))  # 南斯拉夫 … 对南提出: the country named again by its first character
    return out


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

    def __init__(self, ner: bool = False) -> None:
        # NER corpora tag 中 and 美 in 中美关系, buildings and 地球; the archive's guidelines do not.
        self.ner = ner

    def __call__(self, doc: Doc) -> None:
        gaz = lexicon.places()
        for index, sentence in enumerate(doc.sentences):
            tokens = doc.tokens[index]
            starts = {t.start for t in tokens}
            ends = {t.end for t in tokens}
            found: list[tuple[int, int, str]] = []
            named_words = {t.start for t in tokens if t.pos in {"nz", "l"}}  # 南京大屠杀/nz, 桂林山水/l
            for start, end, surface, entry in gaz.finditer(sentence.text):
                # On word boundaries; a country or region may also open a longer word (中东问题), and in NER
                # mode any place may open a name or phrase (南京大屠杀/nz).
                opens = entry.kind in _OPEN_KINDS or (self.ner and start in named_words)
                if (start in starts and (end in ends or opens)) or len(surface) >= 3:
                    found.append((start, end, "gazetteer"))
            # The scan takes the leftmost name (关中 in 有关中国): a token that is a name counts too.
            found.extend((t.start, t.end, "gazetteer") for t in tokens if len(t.word) >= 2 and t.word in gaz)
            for i, tok in enumerate(tokens):
                if tok.word[0] not in _RULE_FIRSTS and tok.word[-1] not in _SUFFIX_ENDS:
                    continue
                if (span := _abbreviation_at(tokens, i)) is not None:
                    found.append((*span, "abbreviation"))
                if len(tok.word) == 1 and tok.word in SHORT_COUNTRIES and _enumerated(tokens, i):
                    found.append((tok.start, tok.end, "country-list"))
                if (span := _suffixed_name(tokens, i)) is not None:
                    found.append((*span, "pos+suffix"))
                if 2 <= len(tok.word) <= 4 and all(ch in SHORT_COUNTRIES for ch in tok.word) and \
                        tok.pos in {"ns", "j", "nz", "n"} and tok.word not in gaz:
                    found.extend((tok.start + k, tok.start + k + 1, "country-pair") for k in range(len(tok.word)))
            for m in _SHARED_LEVEL.finditer(sentence.text):  # 通海、河西两县: two counties, one level word
                offset = m.start(1)
                for name in m.group(1).split("、"):
                    found.append((offset, offset + len(name), "shared-level"))
                    offset += len(name) + 1
            found.extend((m.start(1), m.end(1), "set-up") for m in _SET_UP.finditer(sentence.text)
                         if m.end(1) in ends)  # not 建立了书报刊市|场
            if self.ner:
                named = {sentence.text[s] for s, e, _ in found if e - s >= 2 and
                         (entry := gaz.get(sentence.text[s:e])) is not None and entry.kind == "country"}
                short = _short_spans(tokens, sentence.text, named)
                # 中非合作: the pair 中|非 beats the country 中非 that the gazetteer found.
                found = [f for f in found if not (f[1] - f[0] == 2 and (f[0], f[0] + 1) in short and
                                                  (f[0] + 1, f[1]) in short)]
                found.extend((s, e, "short-name") for s, e in short)
                found.extend((s, e, "facility") for s, e in _facility_spans(tokens))
                found.extend((t.start, t.end, "celestial") for t in tokens if t.word in CELESTIAL)
            for start, end, rule in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
                surface = sentence.text[start:end]
                if surface in GENERIC:
                    continue
                doc.add(Mention(PLACE, surface, sentence.start + start, sentence.start + end, index, rule,
                                canonical_name(surface)), inside=(ORGANIZATION,))
