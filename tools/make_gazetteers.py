"""Regenerate the package-derived gazetteers of rmrb-kg.

Writes ``kg/data/places.tsv`` and ``kg/data/surnames.txt`` from data files
shipped inside well-kept PyPI packages, merged with the hand-typed lists kept
in this script (each marked ``HAND:``), and then checks every gazetteer in
``kg/data`` (including the hand-written ``organizations.tsv`` and
``titles.tsv``) for shape, duplicate names and alias collisions.

Packages read (install them into the venv first; they are *not* run-time
dependencies of rmrb-kg)::

    pip install cpca==0.5.5 pycountry==26.2.16 pypinyin==0.55.0
    pip install --no-deps jionlp==1.5.31

* cpca      ``cpca/resources/adcodes.csv``, ``cpca/resources/56_nations.csv``
* pycountry ``pycountry/databases/iso3166-1.json``, ``iso3166-3.json`` and
  ``pycountry/locales/zh_CN/LC_MESSAGES/iso3166-{1,3}.mo``
* jionlp    ``jionlp/dictionary/world_location.txt``,
  ``jionlp/dictionary/china_location_change.txt`` and the surname strings in
  ``jionlp/rule/rule_pattern.py`` (read as text with ``ast``; jionlp is never
  imported, so its heavy dependencies are not needed)
* pypinyin  pinyin for the English column of Chinese divisions

Nothing is downloaded. Output is sorted and the script is idempotent::

    python tools/make_gazetteers.py            # regenerate + check
    python tools/make_gazetteers.py --check    # only check kg/data
"""

from __future__ import annotations

import argparse
import ast
import csv
import gettext
import importlib.metadata
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "kg" / "data"

PLACE_HEADER = ("name", "kind", "parent", "aliases", "en", "source")
ORG_HEADER = ("name", "kind", "aliases", "en", "source")
TITLE_HEADER = ("title", "en", "kind")

PLACE_KINDS = (
    "country", "province", "prefecture", "county", "district", "city",
    "region", "foreign_city", "river", "mountain", "lake", "canal", "sea",
)
ORG_KINDS = (
    "party", "party_central", "state", "ministry", "commission",
    "democratic_party", "mass_organization", "news_agency", "army",
    "international", "court",
)
TITLE_KINDS = ("office", "address")


# ---------------------------------------------------------------------------
# package access
# ---------------------------------------------------------------------------


def pkg_file(dist: str, rel: str) -> Path:
    """Path of a data file inside an installed distribution."""
    try:
        path = Path(str(importlib.metadata.distribution(dist).locate_file(rel)))
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"package {dist!r} is not installed; see the module docstring")
    if not path.is_file():
        sys.exit(f"{dist}: {rel} not found at {path}")
    return path


def pkg_version(dist: str) -> str:
    return importlib.metadata.version(dist)


def split_aliases(text: str) -> list[str]:
    return [a for a in (p.strip() for p in text.split("|")) if a]


def words(text: str) -> list[str]:
    """Whitespace-separated words of a hand-typed block."""
    return text.split()


def parse_block(block: str, nfields: int) -> list[list[str]]:
    """Parse a hand-typed block: one record a line, fields split by ';'."""
    out: list[list[str]] = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != nfields:
            raise ValueError(f"expected {nfields} fields: {line!r}")
        out.append(parts)
    return out


# ---------------------------------------------------------------------------
# rows
# ---------------------------------------------------------------------------


@dataclass
class Place:
    name: str
    kind: str
    parent: str = ""
    aliases: list[str] = field(default_factory=list)
    en: str = ""
    source: str = ""
    level: int = 9  # 0 province, 1 prefecture, 2 county/district, 9 other
    short: str = ""  # suffix-less short form proposed for a division

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


# ---------------------------------------------------------------------------
# pinyin / English names of Chinese divisions
# ---------------------------------------------------------------------------

# HAND: English names of the province-level divisions.
PROVINCE_EN = {
    "北京市": "Beijing", "天津市": "Tianjin", "上海市": "Shanghai",
    "重庆市": "Chongqing", "河北省": "Hebei Province",
    "山西省": "Shanxi Province", "内蒙古自治区": "Inner Mongolia Autonomous Region",
    "辽宁省": "Liaoning Province", "吉林省": "Jilin Province",
    "黑龙江省": "Heilongjiang Province", "江苏省": "Jiangsu Province",
    "浙江省": "Zhejiang Province", "安徽省": "Anhui Province",
    "福建省": "Fujian Province", "江西省": "Jiangxi Province",
    "山东省": "Shandong Province", "河南省": "Henan Province",
    "湖北省": "Hubei Province", "湖南省": "Hunan Province",
    "广东省": "Guangdong Province",
    "广西壮族自治区": "Guangxi Zhuang Autonomous Region",
    "海南省": "Hainan Province", "四川省": "Sichuan Province",
    "贵州省": "Guizhou Province", "云南省": "Yunnan Province",
    "西藏自治区": "Tibet Autonomous Region", "陕西省": "Shaanxi Province",
    "甘肃省": "Gansu Province", "青海省": "Qinghai Province",
    "宁夏回族自治区": "Ningxia Hui Autonomous Region",
    "新疆维吾尔自治区": "Xinjiang Uygur Autonomous Region",
    "台湾省": "Taiwan Province",
    "香港特别行政区": "Hong Kong Special Administrative Region",
    "澳门特别行政区": "Macao Special Administrative Region",
}

# HAND: conventional English forms of place names that are not plain pinyin
# (mostly Mongolian, Uygur and Tibetan names) and pinyin that pypinyin gets
# wrong for place names.  Keyed by the short form.
EN_OVERRIDES = {
    "乌鲁木齐": "Urumqi", "呼和浩特": "Hohhot", "拉萨": "Lhasa",
    "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar", "日喀则": "Shigatse",
    "喀什": "Kashgar", "吐鲁番": "Turpan", "和田": "Hotan", "阿克苏": "Aksu",
    "克拉玛依": "Karamay", "伊犁": "Ili", "阿勒泰": "Altay",
    "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir", "锡林郭勒": "Xilingol",
    "乌兰察布": "Ulanqab", "巴彦淖尔": "Bayannur", "阿拉善": "Alxa",
    "博尔塔拉": "Bortala", "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu", "甘孜": "Garze", "阿坝": "Ngawa", "昌都": "Qamdo",
    "林芝": "Nyingchi", "那曲": "Nagqu", "阿里": "Ngari", "果洛": "Golog",
    "格尔木": "Golmud", "海拉尔": "Hailar", "塔城": "Tacheng",
    "长治": "Changzhi", "朝阳": "Chaoyang", "长白": "Changbai",
    "郫都": "Pidu", "洪洞": "Hongtong", "单": "Shan", "莘": "Shen",
    "蔚": "Yu", "东阿": "Dong'e", "长子": "Zhangzi", "六合": "Luhe",
    "句容": "Jurong", "番禺": "Panyu", "铅山": "Yanshan", "乐亭": "Laoting",
    "蚌埠": "Bengbu", "六安": "Lu'an", "丽水": "Lishui", "涡阳": "Guoyang",
    "繁峙": "Fanshi", "行唐": "Xingtang", "浚": "Xun", "大冶": "Daye",
    "厦门": "Xiamen", "重庆": "Chongqing", "长春": "Changchun",
    "长沙": "Changsha", "长安": "Chang'an", "朝天": "Chaotian",
    "都匀": "Duyun", "成都": "Chengdu", "会理": "Huili", "会泽": "Huize",
    "会宁": "Huining", "会同": "Huitong", "乐清": "Yueqing",
    "乐山": "Leshan", "解": "Xie", "曲阜": "Qufu", "大兴安岭": "Da Hinggan Ling",
    "漯河": "Luohe", "马尾": "Mawei", "南乐": "Nanle", "民乐": "Minle",
    "曾都": "Zengdu", "覃塘": "Qintang", "蚌山": "Bengshan", "阿图什": "Artux",
    "塔什库尔干": "Taxkorgan", "荥经": "Yingjing", "阿尔山": "Arxan",
    "和林格尔": "Horinger", "巴宜": "Bayi",
}

# HAND: divisions whose suffix is not a plain one: name -> (short form, en).
SPECIAL_DIVISIONS = {
    "神农架林区": ("神农架", "Shennongjia Forestry District"),
    "六枝特区": ("六枝", "Liuzhi Special District"),
    "浦东新区": ("浦东", "Pudong New Area"),
    "滨海新区": ("滨海", "Binhai New Area"),
    "沈北新区": ("沈北", "Shenbei New District"),
    "兴安盟": ("兴安", "Hinggan League"),
    "矿区": ("", "Kuangqu District"),
    "西沙群岛": ("", "Xisha Islands"),
    "南沙群岛": ("", "Nansha Islands"),
    "中沙群岛的岛礁及其海域": ("", "Zhongsha Islands and their waters"),
}

# HAND: English for ethnic names inside autonomous-division names.
ETHNIC_EN = {
    "藏": "Tibetan", "维吾尔": "Uygur", "蒙古": "Mongol", "朝鲜": "Korean",
    "哈萨克": "Kazak", "柯尔克孜": "Kirgiz", "满": "Manchu",
    "俄罗斯": "Russian", "塔吉克": "Tajik", "乌孜别克": "Uzbek",
    "塔塔尔": "Tatar", "各族": "Multi-ethnic", "达斡尔": "Daur",
    "鄂温克": "Ewenki", "鄂伦春": "Oroqen", "锡伯": "Xibe", "撒拉": "Salar",
    "保安": "Bonan", "裕固": "Yugur", "布依": "Bouyei",
}

_SYLLABLE_FIX = {"长": "chang", "都": "du", "什": "shi"}
_SYLLABLE_KEEP = {"长子", "首都"}


def pinyin(text: str) -> str:
    """Capitalised pinyin without tones, with apostrophes (Xi'an)."""
    if text in EN_OVERRIDES:
        return EN_OVERRIDES[text]
    from pypinyin import Style, lazy_pinyin

    sylls = lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)
    if len(sylls) == len(text) and text not in _SYLLABLE_KEEP:
        sylls = [_SYLLABLE_FIX.get(ch, s) for ch, s in zip(text, sylls, strict=True)]
    out = ""
    for i, syl in enumerate(sylls):
        if i and syl[:1] in ("a", "o", "e"):
            out += "'"
        out += syl
    return out[:1].upper() + out[1:]


# ---------------------------------------------------------------------------
# Chinese divisions from cpca
# ---------------------------------------------------------------------------

AUTONOMOUS = ("自治州", "自治县", "自治旗", "自治区")
PLAIN_SUFFIXES = ("特别行政区", "地区", "省", "市", "县", "区", "盟")

# HAND: short forms never derived (they are ordinary words in newspaper text,
# or far more often mean something else: 中山 = Sun Yat-sen, 朝阳 = morning
# sun).  Reviewed against jieba's dictionary of common words.
BLOCKED_SHORT_FORMS = frozenset(words(
    """
    中山 朝阳 资源 合作 和平 武功 比如 南部 解放 东方 前进 港口 公安 友好
    通道 共和 城中 城关 城东 城西 城南 城北 友谊 平安 中方 凤凰 安定 延长
    新兴 运河 万年 东风 红旗 南岸 会同 工农 大名 富裕 清水 高明 前锋 复兴
    宏伟 平定 芙蓉 洞口 太和 温泉 向阳 振兴 三元 大方 互助 新华 威信 莲花
    平和 名山 黄龙 六合 白云 桃源 建华 三门 永和 二七 台前 金山 石棉 丰满
    永福 双桥 高台 二道 无为 小店 同心 宝塔 元宝 平房 万安 太白 白玉 灯塔
    大兴 木兰 天涯 七星 海棠 博爱 同仁 回民 钟楼 江岸 马尾 红星 方正 黑水
    安居 龙凤 鼓楼 麒麟 海盐 新民 富民 清流 水城 紫金 老城 爱民 惠民 民和
    长子 月湖 文峰 保康 民权 新罗 石龙 新城 新市 市中 河西 河东 南湖 长安
    青山 太平 长寿 江汉 光明 胜利 团结 建设 安宁 永安 龙岗 滨海
    开发 文化 人民 民主 新村 铁东 铁西 桥东 桥西 城厢 郊区 东区 西区 中区
    南区 北区 东城 西城 北塔 白塔 金川 东兴 宁安 兴隆 永定 长征 红山 和顺
    新乐 乐业 安乡 大安 永宁 永康 平山 平乐 平川 安化 开阳
    """
))

# HAND: historical and alternative names of current divisions (1946-2003).
HISTORICAL_ALIASES = """
北京市;北平|北平市
沈阳市;奉天|奉天市|盛京
长春市;新京
乌鲁木齐市;迪化|迪化市
呼和浩特市;归绥|归绥市
丹东市;安东市
大连市;旅大|旅大市
张家口市;张垣
石家庄市;石门|石门市
威海市;威海卫
连云港市;新海连市
淮安市;淮阴市
黄山市;徽州地区|屯溪市
张家界市;大庸市
葫芦岛市;锦西市
攀枝花市;渡口市
普洱市;思茅市|思茅地区
呼伦贝尔市;呼伦贝尔盟
乌兰察布市;乌兰察布盟
巴彦淖尔市;巴彦淖尔盟
鄂尔多斯市;伊克昭盟
赤峰市;昭乌达盟
通辽市;哲里木盟
湛江市;广州湾
海南省;海南岛|琼崖
西藏自治区;西藏地方
内蒙古自治区;内蒙|内蒙古
宁夏回族自治区;宁夏省
新疆维吾尔自治区;新疆省
广西壮族自治区;广西省|广西僮族自治区
辽宁省;奉天省
旅顺口区;旅顺
中沙群岛的岛礁及其海域;中沙群岛
"""


def strip_ethnic(stem: str, ethnic: list[str]) -> tuple[str, list[str]]:
    """Strip trailing ethnic names ('苗族侗族') from an autonomous name."""
    found: list[str] = []
    changed = True
    while changed:
        changed = False
        for eth in ethnic:
            if stem.endswith(eth) and len(stem) > len(eth):
                stem = stem[: -len(eth)]
                found.insert(0, eth)
                changed = True
                break
    return stem, found


def ethnic_en(names: list[str]) -> str:
    parts = []
    for eth in names:
        bare = eth[:-1] if eth.endswith("族") and len(eth) > 1 else eth
        parts.append(ETHNIC_EN.get(bare) or pinyin(bare))
    return " ".join(parts)


def division_short_and_en(name: str, level: int,
                          ethnic: list[str]) -> tuple[str, str]:
    """Short form (may be '') and English name of a Chinese division."""
    if name in SPECIAL_DIVISIONS:
        return SPECIAL_DIVISIONS[name]
    if level == 0:
        for suf in ("特别行政区", "自治区", "省", "市"):
            if name.endswith(suf):
                stem = name[: -len(suf)]
                if suf == "自治区":
                    stem, _ = strip_ethnic(stem, ethnic)
                return stem, PROVINCE_EN.get(name, pinyin(stem))
        return "", pinyin(name)
    for suf in AUTONOMOUS:
        if name.endswith(suf):
            stem, eths = strip_ethnic(name[: -len(suf)], ethnic)
            kind_en = {"自治州": "Autonomous Prefecture",
                       "自治县": "Autonomous County",
                       "自治旗": "Autonomous Banner",
                       "自治区": "Autonomous Region"}[suf]
            eth = ethnic_en(eths)
            en = f"{pinyin(stem)} {eth} {kind_en}" if eth else \
                f"{pinyin(stem)} {kind_en}"
            return stem, en
    if name.endswith("旗"):
        return "", f"{pinyin(name[:-1])} Banner"
    if name.endswith("矿区"):
        return name[:-2], f"{pinyin(name[:-2])} Mining District"
    if name.endswith("族区"):
        stem, eths = strip_ethnic(name[:-1], ethnic)
        return stem, f"{pinyin(stem)} {ethnic_en(eths)} District"
    for suf in PLAIN_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            if suf == "市":
                en = pinyin(stem)
            elif suf == "县":
                en = f"{pinyin(stem)} County"
            elif suf == "区":
                en = f"{pinyin(stem)} District"
            elif suf == "地区":
                en = f"{pinyin(stem)} Prefecture"
            elif suf == "盟":
                en = f"{pinyin(stem)} League"
            else:
                en = pinyin(stem)
            return stem, en
    return "", pinyin(name)


def load_cpca() -> list[Place]:
    """Provinces, prefectures and counties/districts from cpca adcodes.

    Divisions sharing a full name (鼓楼区 x4) are merged into one row whose
    parent is the common province, or empty when the provinces differ.
    """
    src = f"cpca {pkg_version('cpca')} adcodes"
    ethnic_raw = pkg_file("cpca", "cpca/resources/56_nations.csv").read_text(
        encoding="utf-8").split()
    ethnic = sorted(set(ethnic_raw) | {"各族"}
                    | {e[:-1] for e in ethnic_raw if e.endswith("族")
                       and len(e) > 2},
                    key=lambda e: (-len(e), e))
    path = pkg_file("cpca", "cpca/resources/adcodes.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        records = sorted((r["adcode"], r["name"]) for r in csv.DictReader(fh))
    provinces = {code[:2]: name for code, name in records
                 if code[2:] == "0000000000"}
    skip = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for code, name in records:
        if name in skip or code[6:] != "000000":
            continue
        if code[2:6] == "0000":
            level, kind = 0, "province"
        elif code[4:6] == "00":
            level, kind = 1, "prefecture"
        else:
            level = 2
            kind = "district" if name.endswith("区") and name not in (
                "神农架林区", "六枝特区") else "county"
        parent = "" if level == 0 else provinces[code[:2]]
        groups[name].append((level, kind, parent))
    rows: list[Place] = []
    for name, items in sorted(groups.items()):
        levels = {i[0] for i in items}
        kinds = sorted({i[1] for i in items})
        parents = sorted({i[2] for i in items})
        level = min(levels)
        kind = kinds[0] if len(kinds) == 1 else (
            "prefecture" if level == 1 else "county")
        parent = parents[0] if len(parents) == 1 else ""
        short, en = division_short_and_en(name, level, ethnic)
        source = src if len(items) == 1 else f"{src} ({len(items)} divisions)"
        rows.append(Place(name, kind, parent, [], en, source, level, short))
    return rows


def derive_short_forms(divisions: list[Place], reserved: set[str],
                       report: list[str]) -> None:
    """Give each division its suffix-less short form where unambiguous.

    A short form goes to the highest-level division claiming it (province >
    prefecture > county/district); a tie at that level drops it for all.
    County/district short forms are also dropped when blocked or when they
    equal a reserved string (another row's name or a hand-typed alias).
    """
    claims: dict[str, list[Place]] = defaultdict(list)
    for place in divisions:
        short = place.short
        if len(short) >= 2 and short != place.name:
            claims[short].append(place)
    for short, claimants in sorted(claims.items()):
        top = min(p.level for p in claimants)
        winners = [p for p in claimants if p.level == top]
        if len(winners) > 1:
            report.append(f"short form {short} dropped: shared by "
                          + ", ".join(sorted(p.name for p in winners)))
            continue
        winner = winners[0]
        if top >= 2 and (short in BLOCKED_SHORT_FORMS or short in reserved):
            continue
        if top == 1 and short in BLOCKED_SHORT_FORMS:
            report.append(f"short form {short} of {winner.name} blocked")
            continue
        winner.add_alias(short)


# ---------------------------------------------------------------------------
# HAND: historical provinces, regions and other Chinese places
# name;kind;parent;aliases;en
# ---------------------------------------------------------------------------

HAND_CHINA = """
# historical provinces (1946-1955)
热河省;province;;热河;Rehe Province (to 1955)
察哈尔省;province;;察哈尔;Chahar Province (to 1952)
绥远省;province;;绥远;Suiyuan Province (to 1954)
西康省;province;;西康;Xikang Province (to 1955)
平原省;province;;;Pingyuan Province (1949-1952)
松江省;province;;;Songjiang Province (to 1954)
辽东省;province;;辽东;Liaodong Province (1949-1954)
辽西省;province;;辽西;Liaoxi Province (1949-1954)
合江省;province;;;Hejiang Province (1945-1949)
嫩江省;province;;;Nenjiang Province (1945-1949)
兴安省;province;;;Xing'an Province (1945-1949)
安东省;province;;;Andong Province (1945-1949)
辽北省;province;;辽北;Liaobei Province (1945-1949)
# administrative regions of 1949-1952 (行署区)
川东行署区;region;;川东;East Sichuan Administrative Region (1950-1952)
川西行署区;region;;川西;West Sichuan Administrative Region (1950-1952)
川南行署区;region;;川南;South Sichuan Administrative Region (1950-1952)
川北行署区;region;;川北;North Sichuan Administrative Region (1950-1952)
苏北行署区;region;江苏省;苏北;North Jiangsu Administrative Region (1949-1952)
苏南行署区;region;江苏省;苏南;South Jiangsu Administrative Region (1949-1952)
皖北行署区;region;安徽省;皖北;North Anhui Administrative Region (1949-1952)
皖南行署区;region;安徽省;皖南;South Anhui Administrative Region (1949-1952)
# border regions and base areas of the 1940s
晋察冀边区;region;;晋察冀;Shanxi-Chahar-Hebei Border Region
晋冀鲁豫边区;region;;晋冀鲁豫;Shanxi-Hebei-Shandong-Henan Border Region
冀鲁豫边区;region;;冀鲁豫|冀鲁豫区;Hebei-Shandong-Henan Border Region
陕甘宁边区;region;;陕甘宁;Shaanxi-Gansu-Ningxia Border Region
晋绥边区;region;;晋绥;Shanxi-Suiyuan Border Region
冀热辽边区;region;;冀热辽;Hebei-Rehe-Liaoning Border Region
鄂豫皖边区;region;;鄂豫皖;Hubei-Henan-Anhui Border Region
豫皖苏边区;region;;豫皖苏;Henan-Anhui-Jiangsu Border Region
苏皖边区;region;;苏皖;Jiangsu-Anhui Border Region
冀中区;region;河北省;冀中;Central Hebei Region
冀南区;region;河北省;冀南;South Hebei Region
冀东区;region;河北省;冀东;East Hebei Region
冀晋区;region;;冀晋;Hebei-Shanxi Region
冀察区;region;;冀察;Hebei-Chahar Region
北岳区;region;;北岳;Beiyue Region
太行区;region;;太行;Taihang Region
太岳区;region;;太岳;Taiyue Region
胶东区;region;山东省;胶东;Jiaodong Region
渤海区;region;山东省;渤海;Bohai Region (Shandong)
鲁中区;region;山东省;鲁中;Central Shandong Region
鲁南区;region;山东省;鲁南;South Shandong Region
滨海区;region;山东省;;Binhai Region (Shandong)
晋西北;region;山西省;;Northwest Shanxi
晋东南;region;山西省;;Southeast Shanxi
陕北;region;陕西省;;Northern Shaanxi
陇东;region;甘肃省;;Eastern Gansu
关中;region;陕西省;;Guanzhong
豫西;region;河南省;;Western Henan
豫北;region;河南省;;Northern Henan
皖西;region;安徽省;;Western Anhui
闽西;region;福建省;;Western Fujian
赣南;region;江西省;;Southern Jiangxi
中原;region;;;Central Plains
江南;region;;;Jiangnan (south of the Yangtze)
# macro regions of China (also the greater administrative regions 1949-1954)
华北;region;中国;华北地区;North China
华东;region;中国;华东地区;East China
东北;region;中国;东北地区|东三省;Northeast China
西北;region;中国;西北地区;Northwest China
西南;region;中国;西南地区;Southwest China
中南;region;中国;中南地区;Central-South China
华南;region;中国;华南地区;South China
华中;region;中国;华中地区;Central China
# places under Taiwan authorities and islands
台北市;city;台湾省;台北;Taipei
高雄市;city;台湾省;高雄;Kaohsiung
台中市;city;台湾省;台中;Taichung
台南市;city;台湾省;台南;Tainan
基隆市;city;台湾省;基隆;Keelung
新竹市;city;台湾省;新竹;Hsinchu
澎湖列岛;region;台湾省;澎湖;Penghu Islands
马祖列岛;region;福建省;马祖;Matsu Islands
九龙;region;香港特别行政区;九龙半岛;Kowloon
钓鱼岛;region;台湾省;钓鱼岛列岛;Diaoyu Islands
东沙群岛;region;广东省;;Dongsha (Pratas) Islands
# rivers
黄河;river;中国;;Yellow River
长江;river;中国;扬子江;Yangtze River
淮河;river;中国;淮水;Huai River
海河;river;中国;;Hai River
珠江;river;中国;;Pearl River
松花江;river;中国;;Songhua River
黑龙江;river;中国;;Amur River (Heilong River)
辽河;river;中国;;Liao River
汉江;river;中国;汉水;Han River
嘉陵江;river;中国;;Jialing River
湘江;river;湖南省;湘水;Xiang River
赣江;river;江西省;;Gan River
闽江;river;福建省;;Min River (Fujian)
钱塘江;river;浙江省;;Qiantang River
岷江;river;四川省;;Min River (Sichuan)
大渡河;river;四川省;;Dadu River
乌江;river;中国;;Wu River
金沙江;river;中国;;Jinsha River
澜沧江;river;中国;;Lancang River (upper Mekong)
怒江;river;中国;;Nu River (Salween)
雅鲁藏布江;river;西藏自治区;;Yarlung Tsangpo
塔里木河;river;新疆维吾尔自治区;;Tarim River
永定河;river;中国;;Yongding River
滹沱河;river;中国;;Hutuo River
漳河;river;中国;;Zhang River
卫河;river;中国;;Wei River (Hebei-Henan)
大清河;river;河北省;;Daqing River
子牙河;river;河北省;;Ziya River
沂河;river;中国;沂水;Yi River
沭河;river;中国;;Shu River
汾河;river;山西省;汾水;Fen River
渭河;river;中国;渭水;Wei River
洛河;river;中国;;Luo River
沁河;river;中国;;Qin River
颍河;river;中国;;Ying River
嫩江;river;中国;;Nen River
图们江;river;中国;;Tumen River
鸭绿江;river;中国;;Yalu River
乌苏里江;river;中国;;Ussuri River
牡丹江;river;黑龙江省;;Mudan River
额尔古纳河;river;中国;;Argun River
# mountains
泰山;mountain;山东省;;Mount Tai
华山;mountain;陕西省;;Mount Hua
衡山;mountain;湖南省;南岳;Mount Heng (Hunan)
恒山;mountain;山西省;北岳恒山;Mount Heng (Shanxi)
嵩山;mountain;河南省;;Mount Song
黄山;mountain;安徽省;;Mount Huangshan
庐山;mountain;江西省;;Mount Lu
峨眉山;mountain;四川省;;Mount Emei
五台山;mountain;山西省;;Mount Wutai
太行山;mountain;中国;太行山脉;Taihang Mountains
吕梁山;mountain;山西省;;Lüliang Mountains
燕山;mountain;中国;;Yan Mountains
大别山;mountain;中国;;Dabie Mountains
井冈山;mountain;江西省;;Jinggang Mountains
秦岭;mountain;中国;;Qinling Mountains
昆仑山;mountain;中国;;Kunlun Mountains
天山;mountain;中国;;Tian Shan
祁连山;mountain;中国;;Qilian Mountains
喜马拉雅山;mountain;;喜马拉雅山脉;Himalayas
珠穆朗玛峰;mountain;;珠峰;Mount Qomolangma (Everest)
长白山;mountain;中国;;Changbai Mountains
大兴安岭;mountain;中国;;Greater Khingan Range
小兴安岭;mountain;黑龙江省;;Lesser Khingan Range
阴山;mountain;内蒙古自治区;;Yin Mountains
贺兰山;mountain;中国;;Helan Mountains
六盘山;mountain;中国;;Liupan Mountains
沂蒙山;mountain;山东省;沂蒙山区;Yimeng Mountains
武夷山;mountain;中国;;Wuyi Mountains
大巴山;mountain;中国;;Daba Mountains
巫山;mountain;中国;;Wu Mountains
横断山;mountain;中国;横断山脉;Hengduan Mountains
阿尔泰山;mountain;;;Altai Mountains
唐古拉山;mountain;中国;;Tanggula Mountains
武当山;mountain;湖北省;;Mount Wudang
九华山;mountain;安徽省;;Mount Jiuhua
普陀山;mountain;浙江省;;Mount Putuo
雁荡山;mountain;浙江省;;Yandang Mountains
崂山;mountain;山东省;;Mount Lao
伏牛山;mountain;河南省;;Funiu Mountains
桐柏山;mountain;中国;;Tongbai Mountains
五指山;mountain;海南省;;Wuzhi Mountain
# lakes
洞庭湖;lake;湖南省;;Dongting Lake
鄱阳湖;lake;江西省;;Poyang Lake
太湖;lake;中国;;Lake Tai
洪泽湖;lake;江苏省;;Hongze Lake
巢湖;lake;安徽省;;Chao Lake
青海湖;lake;青海省;;Qinghai Lake
滇池;lake;云南省;昆明湖;Dian Lake
西湖;lake;浙江省;杭州西湖;West Lake
微山湖;lake;山东省;;Weishan Lake
高邮湖;lake;江苏省;;Gaoyou Lake
呼伦湖;lake;内蒙古自治区;呼伦池;Hulun Lake
纳木错;lake;西藏自治区;;Namtso
博斯腾湖;lake;新疆维吾尔自治区;;Bosten Lake
镜泊湖;lake;黑龙江省;;Jingpo Lake
兴凯湖;lake;;;Lake Khanka
洱海;lake;云南省;;Erhai Lake
玄武湖;lake;江苏省;;Xuanwu Lake
白洋淀;lake;河北省;;Baiyangdian
# canals
京杭大运河;canal;中国;大运河|京杭运河;Grand Canal
灵渠;canal;广西壮族自治区;;Lingqu Canal
红旗渠;canal;河南省;;Red Flag Canal
人民胜利渠;canal;河南省;;People's Victory Canal
# seas, straits, gulfs
渤海;sea;中国;渤海湾;Bohai Sea
黄海;sea;;;Yellow Sea
东海;sea;;;East China Sea
南海;sea;;南中国海;South China Sea
台湾海峡;sea;;;Taiwan Strait
琼州海峡;sea;;;Qiongzhou Strait
北部湾;sea;;东京湾;Gulf of Tonkin (Beibu Gulf)
"""

# HAND: foreign and international places.  name;kind;parent;aliases;en
HAND_WORLD = """
# macro regions
中东;region;;中东地区;Middle East
近东;region;;;Near East
远东;region;;远东地区;Far East
东南亚;region;;东南亚地区;Southeast Asia
南亚;region;;南亚次大陆;South Asia
西亚;region;;;West Asia
中亚;region;;中亚地区;Central Asia
东亚;region;;;East Asia
东北亚;region;;;Northeast Asia
亚太;region;;亚太地区;Asia-Pacific
北非;region;;;North Africa
西非;region;;;West Africa
东非;region;;;East Africa
南部非洲;region;;;Southern Africa
拉丁美洲;region;;拉美;Latin America
中美洲;region;;;Central America
南美洲;region;;南美;South America
北美洲;region;;北美;North America
加勒比;region;;加勒比地区;Caribbean
西欧;region;;;Western Europe
东欧;region;;;Eastern Europe
北欧;region;;;Northern Europe
南欧;region;;;Southern Europe
中欧;region;;;Central Europe
巴尔干;region;;巴尔干半岛|巴尔干地区;Balkans
欧洲;region;;欧罗巴洲;Europe
亚洲;region;;亚细亚洲;Asia
非洲;region;;阿非利加洲;Africa
美洲;region;;;Americas
大洋洲;region;;;Oceania
印度支那;region;;印支|印度支那半岛|中南半岛;Indochina
朝鲜半岛;region;;;Korean Peninsula
阿拉伯半岛;region;;;Arabian Peninsula
海湾地区;region;;;Persian Gulf region
克什米尔;region;;;Kashmir
加沙地带;region;巴勒斯坦;加沙;Gaza Strip
约旦河西岸;region;巴勒斯坦;;West Bank
戈兰高地;region;叙利亚;;Golan Heights
西奈半岛;region;埃及;西奈;Sinai Peninsula
西伯利亚;region;俄罗斯;;Siberia
北爱尔兰;region;英国;;Northern Ireland
苏格兰;region;英国;;Scotland
英格兰;region;英国;;England
威尔士;region;英国;;Wales
夏威夷;region;美国;夏威夷群岛;Hawaii
阿拉斯加;region;美国;;Alaska
加利福尼亚;region;美国;加州;California
冲绳;region;日本;冲绳岛|琉球群岛|琉球;Okinawa
桑给巴尔;region;坦桑尼亚;;Zanzibar
比夫拉;region;尼日利亚;;Biafra
加丹加;region;刚果民主共和国;;Katanga
东巴基斯坦;region;孟加拉国;;East Pakistan
西柏林;region;德国;;West Berlin
# states, provinces and regions the press names often (1946-2003)
阿拉伯;region;;阿拉伯世界;Arab world
科索沃;region;塞尔维亚;;Kosovo
车臣;region;俄罗斯;;Chechnya
达吉斯坦;region;俄罗斯;;Dagestan
克里米亚;region;乌克兰;克里米亚半岛;Crimea
巴伐利亚;region;德国;;Bavaria
阿尔萨斯;region;法国;;Alsace
诺曼底;region;法国;;Normandy
科西嘉;region;法国;科西嘉岛;Corsica
西西里;region;意大利;西西里岛;Sicily
加泰罗尼亚;region;西班牙;;Catalonia
巴斯克;region;西班牙;;Basque Country
魁北克;region;加拿大;;Quebec
安大略;region;加拿大;;Ontario
昆士兰;region;澳大利亚;;Queensland
旁遮普;region;;;Punjab
信德;region;巴基斯坦;;Sindh
查谟;region;印度;;Jammu
阿萨姆;region;印度;;Assam
北海道;region;日本;;Hokkaido
神奈川;region;日本;;Kanagawa
爪哇;region;印度尼西亚;爪哇岛;Java
苏门答腊;region;印度尼西亚;苏门答腊岛;Sumatra
巴厘岛;region;印度尼西亚;;Bali
婆罗洲;region;;加里曼丹岛;Borneo
吕宋;region;菲律宾;吕宋岛;Luzon
棉兰老;region;菲律宾;棉兰老岛;Mindanao
库尔德斯坦;region;;;Kurdistan
东柏林;region;德国;;East Berlin
# Asia
东京;foreign_city;日本;;Tokyo
大阪;foreign_city;日本;;Osaka
京都;foreign_city;日本;;Kyoto
横滨;foreign_city;日本;;Yokohama
奈良;foreign_city;日本;;Nara
青森;foreign_city;日本;;Aomori
芭堤雅;foreign_city;泰国;帕塔亚;Pattaya
神户;foreign_city;日本;;Kobe
名古屋;foreign_city;日本;;Nagoya
广岛;foreign_city;日本;;Hiroshima
长崎;foreign_city;日本;;Nagasaki
札幌;foreign_city;日本;;Sapporo
首尔;foreign_city;韩国;汉城;Seoul
釜山;foreign_city;韩国;;Busan
仁川;foreign_city;韩国;;Incheon
光州;foreign_city;韩国;;Gwangju
平壤;foreign_city;朝鲜;;Pyongyang
开城;foreign_city;朝鲜;;Kaesong
板门店;foreign_city;朝鲜;;Panmunjom
新义州;foreign_city;朝鲜;;Sinuiju
咸兴;foreign_city;朝鲜;;Hamhung
元山;foreign_city;朝鲜;;Wonsan
南浦;foreign_city;朝鲜;镇南浦;Nampo
乌兰巴托;foreign_city;蒙古;库伦;Ulaanbaatar
河内;foreign_city;越南;;Hanoi
海防;foreign_city;越南;;Haiphong
胡志明市;foreign_city;越南;西贡;Ho Chi Minh City (Saigon)
岘港;foreign_city;越南;;Da Nang
顺化;foreign_city;越南;;Hue
奠边府;foreign_city;越南;;Dien Bien Phu
万象;foreign_city;老挝;;Vientiane
琅勃拉邦;foreign_city;老挝;;Luang Prabang
金边;foreign_city;柬埔寨;;Phnom Penh
吴哥;foreign_city;柬埔寨;;Angkor
曼谷;foreign_city;泰国;;Bangkok
清迈;foreign_city;泰国;;Chiang Mai
仰光;foreign_city;缅甸;;Yangon (Rangoon)
曼德勒;foreign_city;缅甸;瓦城;Mandalay
内比都;foreign_city;缅甸;;Naypyidaw
吉隆坡;foreign_city;马来西亚;;Kuala Lumpur
槟城;foreign_city;马来西亚;槟榔屿;Penang
雅加达;foreign_city;印度尼西亚;;Jakarta
万隆;foreign_city;印度尼西亚;;Bandung
泗水;foreign_city;印度尼西亚;;Surabaya
棉兰;foreign_city;印度尼西亚;;Medan
马尼拉;foreign_city;菲律宾;;Manila
斯里巴加湾市;foreign_city;文莱;;Bandar Seri Begawan
新德里;foreign_city;印度;;New Delhi
德里;foreign_city;印度;;Delhi
孟买;foreign_city;印度;;Mumbai (Bombay)
加尔各答;foreign_city;印度;;Kolkata (Calcutta)
金奈;foreign_city;印度;马德拉斯;Chennai (Madras)
班加罗尔;foreign_city;印度;;Bangalore
海得拉巴;foreign_city;印度;;Hyderabad
卡拉奇;foreign_city;巴基斯坦;;Karachi
拉合尔;foreign_city;巴基斯坦;;Lahore
伊斯兰堡;foreign_city;巴基斯坦;;Islamabad
拉瓦尔品第;foreign_city;巴基斯坦;;Rawalpindi
白沙瓦;foreign_city;巴基斯坦;;Peshawar
达卡;foreign_city;孟加拉国;;Dhaka
吉大港;foreign_city;孟加拉国;;Chittagong
科伦坡;foreign_city;斯里兰卡;;Colombo
加德满都;foreign_city;尼泊尔;;Kathmandu
廷布;foreign_city;不丹;;Thimphu
马累;foreign_city;马尔代夫;;Male
喀布尔;foreign_city;阿富汗;;Kabul
坎大哈;foreign_city;阿富汗;;Kandahar
德黑兰;foreign_city;伊朗;;Tehran
阿巴丹;foreign_city;伊朗;;Abadan
巴格达;foreign_city;伊拉克;;Baghdad
巴士拉;foreign_city;伊拉克;;Basra
大马士革;foreign_city;叙利亚;;Damascus
阿勒颇;foreign_city;叙利亚;;Aleppo
安曼;foreign_city;约旦;;Amman
贝鲁特;foreign_city;黎巴嫩;;Beirut
耶路撒冷;foreign_city;以色列;;Jerusalem
特拉维夫;foreign_city;以色列;;Tel Aviv
拉马拉;foreign_city;巴勒斯坦;;Ramallah
利雅得;foreign_city;沙特阿拉伯;;Riyadh
吉达;foreign_city;沙特阿拉伯;;Jeddah
麦加;foreign_city;沙特阿拉伯;;Mecca
科威特城;foreign_city;科威特;;Kuwait City
多哈;foreign_city;卡塔尔;;Doha
麦纳麦;foreign_city;巴林;;Manama
阿布扎比;foreign_city;阿拉伯联合酋长国;;Abu Dhabi
迪拜;foreign_city;阿拉伯联合酋长国;;Dubai
马斯喀特;foreign_city;阿曼;;Muscat
萨那;foreign_city;也门;;Sanaa
亚丁;foreign_city;也门;;Aden
尼科西亚;foreign_city;塞浦路斯;;Nicosia
安卡拉;foreign_city;土耳其;;Ankara
伊斯坦布尔;foreign_city;土耳其;;Istanbul
塔什干;foreign_city;乌兹别克斯坦;;Tashkent
阿拉木图;foreign_city;哈萨克斯坦;;Almaty
阿斯塔纳;foreign_city;哈萨克斯坦;;Astana
比什凯克;foreign_city;吉尔吉斯斯坦;伏龙芝;Bishkek (Frunze)
杜尚别;foreign_city;塔吉克斯坦;;Dushanbe
阿什哈巴德;foreign_city;土库曼斯坦;;Ashgabat
第比利斯;foreign_city;格鲁吉亚;;Tbilisi
巴库;foreign_city;阿塞拜疆;;Baku
埃里温;foreign_city;亚美尼亚;;Yerevan
# Europe
切尔诺贝利;foreign_city;乌克兰;;Chernobyl
达沃斯;foreign_city;瑞士;;Davos
安特卫普;foreign_city;比利时;;Antwerp
奥斯威辛;foreign_city;波兰;;Auschwitz (Oświęcim)
莫斯科;foreign_city;俄罗斯;;Moscow
圣彼得堡;foreign_city;俄罗斯;列宁格勒|彼得格勒;Saint Petersburg (Leningrad)
伏尔加格勒;foreign_city;俄罗斯;斯大林格勒;Volgograd (Stalingrad)
符拉迪沃斯托克;foreign_city;俄罗斯;海参崴;Vladivostok
哈巴罗夫斯克;foreign_city;俄罗斯;伯力;Khabarovsk
伊尔库茨克;foreign_city;俄罗斯;;Irkutsk
新西伯利亚;foreign_city;俄罗斯;;Novosibirsk
赤塔;foreign_city;俄罗斯;;Chita
摩尔曼斯克;foreign_city;俄罗斯;;Murmansk
基辅;foreign_city;乌克兰;;Kyiv
敖德萨;foreign_city;乌克兰;;Odesa
雅尔塔;foreign_city;乌克兰;;Yalta
明斯克;foreign_city;白俄罗斯;;Minsk
里加;foreign_city;拉脱维亚;;Riga
塔林;foreign_city;爱沙尼亚;;Tallinn
维尔纽斯;foreign_city;立陶宛;;Vilnius
基希讷乌;foreign_city;摩尔多瓦;基希涅夫;Chisinau
华沙;foreign_city;波兰;;Warsaw
格但斯克;foreign_city;波兰;但泽;Gdansk
克拉科夫;foreign_city;波兰;;Krakow
布拉格;foreign_city;捷克;;Prague
布拉迪斯拉发;foreign_city;斯洛伐克;;Bratislava
布达佩斯;foreign_city;匈牙利;;Budapest
布加勒斯特;foreign_city;罗马尼亚;;Bucharest
索非亚;foreign_city;保加利亚;;Sofia
贝尔格莱德;foreign_city;塞尔维亚;;Belgrade
萨格勒布;foreign_city;克罗地亚;;Zagreb
卢布尔雅那;foreign_city;斯洛文尼亚;;Ljubljana
萨拉热窝;foreign_city;波斯尼亚和黑塞哥维那;;Sarajevo
斯科普里;foreign_city;北马其顿;;Skopje
地拉那;foreign_city;阿尔巴尼亚;;Tirana
雅典;foreign_city;希腊;;Athens
柏林;foreign_city;德国;;Berlin
波恩;foreign_city;德国;;Bonn
汉堡;foreign_city;德国;;Hamburg
杜塞尔多夫;foreign_city;德国;;Düsseldorf
不来梅;foreign_city;德国;;Bremen
慕尼黑;foreign_city;德国;;Munich
法兰克福;foreign_city;德国;;Frankfurt
莱比锡;foreign_city;德国;;Leipzig
德累斯顿;foreign_city;德国;;Dresden
波茨坦;foreign_city;德国;;Potsdam
纽伦堡;foreign_city;德国;;Nuremberg
维也纳;foreign_city;奥地利;;Vienna
伯尔尼;foreign_city;瑞士;;Bern
日内瓦;foreign_city;瑞士;;Geneva
苏黎世;foreign_city;瑞士;;Zurich
洛桑;foreign_city;瑞士;;Lausanne
巴黎;foreign_city;法国;;Paris
波尔多;foreign_city;法国;;Bordeaux
马赛;foreign_city;法国;;Marseille
里昂;foreign_city;法国;;Lyon
斯特拉斯堡;foreign_city;法国;;Strasbourg
伦敦;foreign_city;英国;;London
加的夫;foreign_city;英国;;Cardiff
曼彻斯特;foreign_city;英国;;Manchester
利物浦;foreign_city;英国;;Liverpool
伯明翰;foreign_city;英国;;Birmingham
格拉斯哥;foreign_city;英国;;Glasgow
爱丁堡;foreign_city;英国;;Edinburgh
贝尔法斯特;foreign_city;英国;;Belfast
都柏林;foreign_city;爱尔兰;;Dublin
布鲁塞尔;foreign_city;比利时;;Brussels
海牙;foreign_city;荷兰;;The Hague
阿姆斯特丹;foreign_city;荷兰;;Amsterdam
鹿特丹;foreign_city;荷兰;;Rotterdam
哥本哈根;foreign_city;丹麦;;Copenhagen
奥斯陆;foreign_city;挪威;;Oslo
斯德哥尔摩;foreign_city;瑞典;;Stockholm
赫尔辛基;foreign_city;芬兰;;Helsinki
雷克雅未克;foreign_city;冰岛;;Reykjavik
罗马;foreign_city;意大利;;Rome
米兰;foreign_city;意大利;;Milan
都灵;foreign_city;意大利;;Turin
那不勒斯;foreign_city;意大利;;Naples
威尼斯;foreign_city;意大利;;Venice
佛罗伦萨;foreign_city;意大利;;Florence
热那亚;foreign_city;意大利;;Genoa
马德里;foreign_city;西班牙;;Madrid
巴塞罗那;foreign_city;西班牙;;Barcelona
里斯本;foreign_city;葡萄牙;;Lisbon
瓦莱塔;foreign_city;马耳他;;Valletta
# Africa
开罗;foreign_city;埃及;;Cairo
亚历山大港;foreign_city;埃及;亚历山大;Alexandria
塞得港;foreign_city;埃及;;Port Said
苏伊士;foreign_city;埃及;;Suez
伊斯梅利亚;foreign_city;埃及;;Ismailia
的黎波里;foreign_city;利比亚;;Tripoli (Libya)
班加西;foreign_city;利比亚;;Benghazi
阿尔及尔;foreign_city;阿尔及利亚;;Algiers
拉巴特;foreign_city;摩洛哥;;Rabat
卡萨布兰卡;foreign_city;摩洛哥;达尔贝达;Casablanca
喀土穆;foreign_city;苏丹;;Khartoum
亚的斯亚贝巴;foreign_city;埃塞俄比亚;;Addis Ababa
阿斯马拉;foreign_city;厄立特里亚;;Asmara
摩加迪沙;foreign_city;索马里;;Mogadishu
内罗毕;foreign_city;肯尼亚;;Nairobi
蒙巴萨;foreign_city;肯尼亚;;Mombasa
坎帕拉;foreign_city;乌干达;;Kampala
达累斯萨拉姆;foreign_city;坦桑尼亚;;Dar es Salaam
多多马;foreign_city;坦桑尼亚;;Dodoma
基加利;foreign_city;卢旺达;;Kigali
布琼布拉;foreign_city;布隆迪;;Bujumbura
金沙萨;foreign_city;刚果民主共和国;利奥波德维尔;Kinshasa (Leopoldville)
布拉柴维尔;foreign_city;刚果;;Brazzaville
卢萨卡;foreign_city;赞比亚;;Lusaka
哈拉雷;foreign_city;津巴布韦;索尔兹伯里;Harare (Salisbury)
约翰内斯堡;foreign_city;南非;;Johannesburg
开普敦;foreign_city;南非;;Cape Town
比勒陀利亚;foreign_city;南非;;Pretoria
德班;foreign_city;南非;;Durban
马普托;foreign_city;莫桑比克;洛伦索马贵斯;Maputo (Lourenco Marques)
罗安达;foreign_city;安哥拉;;Luanda
塔那那利佛;foreign_city;马达加斯加;;Antananarivo
利隆圭;foreign_city;马拉维;;Lilongwe
温得和克;foreign_city;纳米比亚;;Windhoek
哈博罗内;foreign_city;博茨瓦纳;;Gaborone
阿克拉;foreign_city;加纳;;Accra
拉各斯;foreign_city;尼日利亚;;Lagos
阿布贾;foreign_city;尼日利亚;;Abuja
科纳克里;foreign_city;几内亚;;Conakry
巴马科;foreign_city;马里;;Bamako
达喀尔;foreign_city;塞内加尔;;Dakar
阿比让;foreign_city;科特迪瓦;;Abidjan
蒙罗维亚;foreign_city;利比里亚;;Monrovia
弗里敦;foreign_city;塞拉利昂;;Freetown
洛美;foreign_city;多哥;;Lome
科托努;foreign_city;贝宁;;Cotonou
尼亚美;foreign_city;尼日尔;;Niamey
瓦加杜古;foreign_city;布基纳法索;;Ouagadougou
努瓦克肖特;foreign_city;毛里塔尼亚;;Nouakchott
雅温得;foreign_city;喀麦隆;;Yaounde
利伯维尔;foreign_city;加蓬;;Libreville
班吉;foreign_city;中非共和国;;Bangui
恩贾梅纳;foreign_city;乍得;拉密堡;N'Djamena (Fort-Lamy)
# Americas
华盛顿;foreign_city;美国;;Washington, D.C.
纽约;foreign_city;美国;;New York
迈阿密;foreign_city;美国;;Miami
芝加哥;foreign_city;美国;;Chicago
旧金山;foreign_city;美国;三藩市;San Francisco
洛杉矶;foreign_city;美国;;Los Angeles
底特律;foreign_city;美国;;Detroit
费城;foreign_city;美国;;Philadelphia
波士顿;foreign_city;美国;;Boston
匹兹堡;foreign_city;美国;;Pittsburgh
西雅图;foreign_city;美国;;Seattle
休斯敦;foreign_city;美国;休斯顿;Houston
新奥尔良;foreign_city;美国;;New Orleans
檀香山;foreign_city;美国;火奴鲁鲁;Honolulu
珍珠港;foreign_city;美国;;Pearl Harbor
渥太华;foreign_city;加拿大;;Ottawa
多伦多;foreign_city;加拿大;;Toronto
蒙特利尔;foreign_city;加拿大;;Montreal
温哥华;foreign_city;加拿大;;Vancouver
墨西哥城;foreign_city;墨西哥;;Mexico City
哈瓦那;foreign_city;古巴;;Havana
危地马拉城;foreign_city;危地马拉;;Guatemala City
圣萨尔瓦多;foreign_city;萨尔瓦多;;San Salvador
特古西加尔巴;foreign_city;洪都拉斯;;Tegucigalpa
马那瓜;foreign_city;尼加拉瓜;;Managua
巴拿马城;foreign_city;巴拿马;;Panama City
圣多明各;foreign_city;多米尼加共和国;;Santo Domingo
太子港;foreign_city;海地;;Port-au-Prince
波哥大;foreign_city;哥伦比亚;;Bogota
加拉加斯;foreign_city;委内瑞拉;;Caracas
基多;foreign_city;厄瓜多尔;;Quito
利马;foreign_city;秘鲁;;Lima
拉巴斯;foreign_city;玻利维亚;;La Paz
圣地亚哥;foreign_city;智利;;Santiago
布宜诺斯艾利斯;foreign_city;阿根廷;;Buenos Aires
蒙得维的亚;foreign_city;乌拉圭;;Montevideo
亚松森;foreign_city;巴拉圭;;Asuncion
巴西利亚;foreign_city;巴西;;Brasilia
里约热内卢;foreign_city;巴西;;Rio de Janeiro
圣保罗;foreign_city;巴西;;Sao Paulo
乔治敦;foreign_city;圭亚那;;Georgetown
# Oceania
堪培拉;foreign_city;澳大利亚;;Canberra
悉尼;foreign_city;澳大利亚;;Sydney
墨尔本;foreign_city;澳大利亚;;Melbourne
惠灵顿;foreign_city;新西兰;;Wellington
奥克兰;foreign_city;新西兰;;Auckland
# foreign rivers, mountains, lakes, canals, seas
尼罗河;river;;;Nile
多瑙河;river;;;Danube
莱茵河;river;;;Rhine
伏尔加河;river;俄罗斯;;Volga
湄公河;river;;;Mekong
恒河;river;;;Ganges
印度河;river;;;Indus
底格里斯河;river;;;Tigris
幼发拉底河;river;;;Euphrates
约旦河;river;;;Jordan River
密西西比河;river;美国;;Mississippi River
亚马孙河;river;;亚马逊河;Amazon River
刚果河;river;;;Congo River
奥得河;river;;;Oder
易北河;river;;;Elbe
阿尔卑斯山;mountain;;阿尔卑斯山脉;Alps
乌拉尔山;mountain;俄罗斯;乌拉尔山脉;Ural Mountains
高加索山;mountain;;高加索山脉;Caucasus Mountains
安第斯山;mountain;;安第斯山脉;Andes
乞力马扎罗山;mountain;坦桑尼亚;;Mount Kilimanjaro
富士山;mountain;日本;;Mount Fuji
贝加尔湖;lake;俄罗斯;;Lake Baikal
日内瓦湖;lake;;莱蒙湖;Lake Geneva
维多利亚湖;lake;;;Lake Victoria
苏伊士运河;canal;埃及;;Suez Canal
巴拿马运河;canal;巴拿马;;Panama Canal
基尔运河;canal;德国;;Kiel Canal
地中海;sea;;;Mediterranean Sea
红海;sea;;;Red Sea
黑海;sea;;;Black Sea
波罗的海;sea;;;Baltic Sea
加勒比海;sea;;;Caribbean Sea
阿拉伯海;sea;;;Arabian Sea
日本海;sea;;;Sea of Japan
波斯湾;sea;;阿拉伯湾;Persian Gulf
亚丁湾;sea;;;Gulf of Aden
孟加拉湾;sea;;;Bay of Bengal
墨西哥湾;sea;;;Gulf of Mexico
英吉利海峡;sea;;;English Channel
马六甲海峡;sea;;;Strait of Malacca
朝鲜海峡;sea;;对马海峡;Korea Strait
霍尔木兹海峡;sea;;;Strait of Hormuz
直布罗陀海峡;sea;;;Strait of Gibraltar
太平洋;sea;;;Pacific Ocean
大西洋;sea;;;Atlantic Ocean
印度洋;sea;;;Indian Ocean
北冰洋;sea;;;Arctic Ocean
"""

# ---------------------------------------------------------------------------
# countries (pycountry + jionlp + HAND)
# ---------------------------------------------------------------------------

# HAND: pycountry zh_CN strings not used (typos, spaced brackets).
PYCOUNTRY_BAD_NAMES = {"柬埔塞", "柬埔塞王国", "福克兰群岛 (马尔维纳斯)",
                       "科科斯 (基林) 群岛"}

# HAND: ISO 3166-1 entries left out: they are provinces in the cpca data.
SKIP_ALPHA2 = {"TW", "HK", "MO"}

# HAND: Chinese name used instead of pycountry's zh_CN translation (which
# becomes an alias), extra aliases (mostly pre-1990 names), English fixes.
# alpha2;name;aliases;en -- a repeated alpha2 line adds to the one before.
COUNTRY_FIXES = """
AE;阿拉伯联合酋长国;阿联酋;
BD;孟加拉国;;
BF;布基纳法索;上沃尔特;
BJ;贝宁;达荷美;
BO;玻利维亚;;
BW;博茨瓦纳;贝专纳;
BZ;伯利兹;英属洪都拉斯;
CC;科科斯(基林)群岛;;
CD;刚果民主共和国;刚果（金）|刚果（利）|刚果(金)|刚果(利);
CD;;扎伊尔|比属刚果;Democratic Republic of the Congo
CF;中非共和国;中非;
CG;刚果;刚果（布）|刚果(布)|刚果共和国;
CN;中国;中华人民共和国|新中国;
CZ;捷克;捷克共和国;Czech Republic
DE;德国;德意志;
ET;埃塞俄比亚;阿比西尼亚;
FK;福克兰群岛;马尔维纳斯群岛;Falkland Islands
FM;密克罗尼西亚联邦;密克罗尼西亚;Federated States of Micronesia
GB;英国;联合王国|大不列颠;
GH;加纳;黄金海岸;
GT;危地马拉;;
GW;几内亚比绍;葡属几内亚;
GY;圭亚那;英属圭亚那;
ID;印度尼西亚;印尼|荷属东印度;
IR;伊朗;波斯;
JO;约旦;外约旦;
KG;吉尔吉斯斯坦;吉尔吉斯;
KH;柬埔寨;高棉|民主柬埔寨;
KP;朝鲜;北朝鲜;
KR;韩国;南朝鲜|大韩民国;
LA;老挝;;
LK;斯里兰卡;锡兰;
LS;莱索托;巴苏陀兰;
MD;摩尔多瓦;;
ML;马里;法属苏丹;
MK;北马其顿;马其顿|马其顿共和国;
MM;缅甸;缅甸联邦;
MN;蒙古;蒙古国|蒙古人民共和国|外蒙古;
MT;马耳他;;
MW;马拉维;尼亚萨兰;
MY;马来西亚;马来亚|马来亚联合邦;
NA;纳米比亚;西南非洲;
PS;巴勒斯坦;;State of Palestine
RU;俄罗斯;俄罗斯联邦|俄国;
SL;塞拉利昂;塞拉里昂|塞拉里昂共和国;
SR;苏里南;荷属圭亚那;
SY;叙利亚;;
TH;泰国;暹罗;
TT;特立尼达和多巴哥;;
TZ;坦桑尼亚;坦噶尼喀;
US;美国;;
VA;梵蒂冈;梵蒂冈城国|教廷;Vatican City
VE;委内瑞拉;;
VG;英属维尔京群岛;;British Virgin Islands
VI;美属维尔京群岛;;U.S. Virgin Islands
VN;越南;;
VU;瓦努阿图;新赫布里底;
EH;西撒哈拉;西属撒哈拉;
ZM;赞比亚;北罗得西亚;
ZW;津巴布韦;罗得西亚|南罗得西亚;
"""

# HAND: ISO 3166-3 (withdrawn) entries kept as their own rows.
# alpha4;name;aliases;en
HISTORIC_ROWS = """
SUHH;苏联;苏维埃社会主义共和国联盟|苏维埃联盟;Soviet Union
CSHH;捷克斯洛伐克;捷克斯洛伐克共和国;Czechoslovakia
DDDE;民主德国;东德;German Democratic Republic (East Germany)
YUCS;南斯拉夫;南斯拉夫联邦人民共和国|南斯拉夫联邦共和国;Yugoslavia
VDVN;越南民主共和国;北越;Democratic Republic of Vietnam (North Vietnam)
YDYE;民主也门;南也门;People's Democratic Republic of Yemen
SKIN;锡金;;Sikkim
CSXX;塞尔维亚和黑山;塞黑;Serbia and Montenegro
"""

# HAND: ISO 3166-3 entries whose zh_CN name becomes an alias of a current
# country.  alpha4;alpha2
HISTORIC_ALIASES = """
BUMM;MM
BYAA;BY
DYBJ;BJ
HVBF;BF
NHVU;VU
RHZW;ZW
ZRCD;CD
AIDJ;DJ
TPTL;TL
"""

# HAND: historical states not in ISO 3166-3.  name;aliases;en
HAND_COUNTRIES = """
联邦德国;西德|德意志联邦共和国;Federal Republic of Germany (West Germany)
阿拉伯联合共和国;阿联;United Arab Republic
阿拉伯也门共和国;北也门|也门阿拉伯共和国;Yemen Arab Republic (North Yemen)
越南共和国;南越;Republic of Vietnam (South Vietnam)
"""

# HAND: entries of jionlp's world_location.txt city columns that are not
# cities (or are abbreviations of the country).
JIONLP_NOT_CITIES = {"巴新", "好望角", "济州岛", "普吉岛", "冲绳"}


def country_en(country: object) -> str:
    common = getattr(country, "common_name", "")
    if common:
        return common
    name = str(getattr(country, "name", ""))
    if "," in name:
        official = getattr(country, "official_name", "")
        return official or name
    return name


def load_countries(report: list[str]) -> list[Place]:
    """ISO 3166-1 and selected 3166-3 countries with zh_CN names."""
    import pycountry

    ver = pkg_version("pycountry")
    src1 = f"pycountry {ver} iso3166-1 zh_CN"
    src3 = f"pycountry {ver} iso3166-3 zh_CN"
    t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                             languages=["zh_CN"])
    t3 = gettext.translation("iso3166-3", pycountry.LOCALES_DIR,
                             languages=["zh_CN"])
    fixes: dict[str, list[str]] = {}
    for alpha2, fname, faliases, fen in parse_block(COUNTRY_FIXES, 4):
        old = fixes.setdefault(alpha2, ["", "", ""])
        fixes[alpha2] = [old[0] or fname, "|".join(filter(None, (
            old[1], faliases))), old[2] or fen]
    by_a2: dict[str, Place] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        if c.alpha_2 in SKIP_ALPHA2:
            continue
        zh = [t1.gettext(c.name)]
        for attr in ("official_name", "common_name"):
            if hasattr(c, attr):
                zh.append(t1.gettext(getattr(c, attr)))
        zh = [z for z in zh
              if z and not z.isascii() and z not in PYCOUNTRY_BAD_NAMES]
        en = country_en(c)
        name, extra = (zh[0] if zh else c.name), []
        if c.alpha_2 in fixes:
            fname, faliases, fen = fixes[c.alpha_2]
            name, extra, en = fname, split_aliases(faliases), fen or en
        place = Place(name, "country", "", [], en, src1)
        for alias in zh + extra:
            place.add_alias(alias)
        by_a2[c.alpha_2] = place
    for alpha4, name, aliases, en in parse_block(HISTORIC_ROWS, 4):
        c = pycountry.historic_countries.get(alpha_4=alpha4)
        place = Place(name, "country", "", [], en, src3)
        for alias in [t3.gettext(c.name), *split_aliases(aliases)]:
            place.add_alias(alias)
        by_a2[alpha4] = place
    for alpha4, alpha2 in parse_block(HISTORIC_ALIASES, 2):
        c = pycountry.historic_countries.get(alpha_4=alpha4)
        by_a2[alpha2].add_alias(t3.gettext(c.name))
    hand_states: set[str] = set()
    for _name, aliases, _en in parse_block(HAND_COUNTRIES, 3):
        hand_states.update(split_aliases(aliases))
    for place in by_a2.values():  # e.g. 德意志联邦共和国 -> 联邦德国 only
        place.aliases = [a for a in place.aliases if a not in hand_states]
    for name, aliases, en in parse_block(HAND_COUNTRIES, 3):
        by_a2[name] = Place(name, "country", "", split_aliases(aliases), en,
                            "hand: historical states")
    return list(by_a2.values())


def add_jionlp_world(countries: list[Place], places: dict[str, Place],
                     report: list[str]) -> None:
    """Aliases and capitals/major cities from jionlp world_location.txt."""
    src = f"jionlp {pkg_version('jionlp')} world_location.txt"
    text = pkg_file("jionlp", "jionlp/dictionary/world_location.txt").read_text(
        encoding="utf-8")
    lookup: dict[str, Place] = {}
    for c in countries:
        for key in [c.name, *c.aliases]:
            lookup.setdefault(key, c)
    taken = {k for p in places.values() for k in [p.name, *p.aliases]}
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] == "中国":
            continue
        short, full, capital = cols[0], cols[1], cols[2]
        others = cols[3].split("/") if len(cols) > 3 else []
        country = lookup.get(full) or lookup.get(short)
        if country is None:
            report.append(f"jionlp country not matched: {short} {full}")
            continue
        for alias in (short, full):
            if alias not in taken:
                country.add_alias(alias)
                taken.add(alias)
                if "jionlp" not in country.source:
                    country.source += f"; {src}"
        for city in [capital, *others]:
            if not city or city in taken or city in JIONLP_NOT_CITIES:
                continue
            places[city] = Place(city, "foreign_city", country.name, [], "",
                                 src)
            taken.add(city)


def add_jionlp_changes(places: dict[str, Place], report: list[str]) -> None:
    """Former names from jionlp china_location_change.txt as aliases."""
    text = pkg_file("jionlp",
                    "jionlp/dictionary/china_location_change.txt").read_text(
        encoding="utf-8")
    taken = {k for p in places.values() for k in [p.name, *p.aliases]}
    for line in sorted(set(text.splitlines())):
        if "=>" not in line:
            continue
        old_part, new_part = line.split("=>")
        old_cols = [c for c in old_part.split("\t")[2:] if c]
        new_cols = [c for c in new_part.split("\t") if c]
        old, old_short, new = old_cols[-2], old_cols[-1], new_cols[-1]
        if old == new or old in taken or new not in places:
            continue
        places[new].add_alias(old)
        taken.add(old)
        if len(old_short) >= 2 and old_short not in taken:
            places[new].add_alias(old_short)
            taken.add(old_short)
        if "jionlp" not in places[new].source:
            places[new].source += (f"; jionlp {pkg_version('jionlp')} "
                                   "china_location_change.txt")


# ---------------------------------------------------------------------------
# assembling places.tsv
# ---------------------------------------------------------------------------


def build_places(report: list[str]) -> list[Place]:
    divisions = load_cpca()
    places: dict[str, Place] = {p.name: p for p in divisions}

    hand_aliases: set[str] = set()
    for name, aliases in parse_block(HISTORICAL_ALIASES, 2):
        place = places[name]
        for alias in split_aliases(aliases):
            place.add_alias(alias)
            hand_aliases.add(alias)
        if "hand" not in place.source:
            place.source += "; hand: historical/alternative names"

    for block, src in ((HAND_CHINA, "hand: China"),
                       (HAND_WORLD, "hand: world")):
        for name, kind, parent, aliases, en in parse_block(block, 5):
            if name in places:
                report.append(f"hand row {name} already present, skipped")
                continue
            places[name] = Place(name, kind, parent, split_aliases(aliases),
                                 en, src)
            hand_aliases.update(split_aliases(aliases))

    for country in load_countries(report):
        if country.name in places:
            report.append(f"country {country.name} clashes with a place")
            continue
        places[country.name] = country
        hand_aliases.update(country.aliases)

    derive_short_forms(divisions, set(places) | hand_aliases, report)
    add_jionlp_changes(places, report)
    add_jionlp_world([p for p in places.values() if p.kind == "country"],
                     places, report)

    # a derived or hand alias equal to a row's own name elsewhere is kept
    # only for the hand-typed ambiguous cases; report every such collision
    return sorted(places.values(),
                  key=lambda p: (PLACE_KINDS.index(p.kind), p.parent, p.name))


def write_places(rows: list[Place], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(PLACE_HEADER) + "\n")
        for p in rows:
            aliases = sorted(p.aliases, key=lambda a: a != p.short)
            fields = [p.name, p.kind, p.parent, "|".join(aliases), p.en,
                      p.source]
            for f in fields:
                if "\t" in f or "\n" in f:
                    raise ValueError(f"bad field in {p.name!r}: {f!r}")
            fh.write("\t".join(fields) + "\n")


# ---------------------------------------------------------------------------
# surnames.txt
# ---------------------------------------------------------------------------

# HAND: common modern surnames missing from the Song-dynasty 百家姓 list.
EXTRA_SURNAMES = """
肖 付 覃 粟 栗 迟 兰 代 蹇 仝 邸 檀 谌 冼 麦 揭 信 苟 隋 綦 门 展 战 库
么 邝 丛 银
"""


def surname_strings() -> tuple[list[str], list[str]]:
    """Single and two-character surnames from jionlp's rule_pattern.py.

    The module assigns SINGLE_CHINESE_FAMILY_NAME twice: first the full
    百家姓 string, then a filtered subset.  The first assignment is used.
    """
    path = pkg_file("jionlp", "jionlp/rule/rule_pattern.py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    values: dict[str, list[str]] = defaultdict(list)
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in (
                    "SINGLE_CHINESE_FAMILY_NAME",
                    "TWO_CHAR_CHINESE_FAMILY_NAME"):
                values[target.id].append(ast.literal_eval(node.value))
    single = list(values["SINGLE_CHINESE_FAMILY_NAME"][0])
    double = values["TWO_CHAR_CHINESE_FAMILY_NAME"][0].split("|")
    return single, double


def write_surnames(path: Path) -> int:
    single, double = surname_strings()
    names = set(single) | set(double) | set(words(EXTRA_SURNAMES))
    names = {n for n in names if n.strip()}
    header = (
        f"# source: jionlp {pkg_version('jionlp')} jionlp/rule/rule_pattern.py"
        " (SINGLE_CHINESE_FAMILY_NAME first assignment = 百家姓, and"
        " TWO_CHAR_CHINESE_FAMILY_NAME; Apache-2.0) plus"
        f" {len(set(words(EXTRA_SURNAMES)) - set(single))} common modern"
        " surnames typed by hand in tools/make_gazetteers.py"
        " (EXTRA_SURNAMES); generated by tools/make_gazetteers.py"
    )
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header + "\n")
        for name in sorted(names):
            fh.write(name + "\n")
    return len(names)


# ---------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------


def read_tsv(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    got = next(reader)
    if tuple(got) != header:
        raise ValueError(f"{path.name}: header {got} != {list(header)}")
    rows = []
    for n, rec in enumerate(reader, start=2):
        if len(rec) != len(header):
            raise ValueError(f"{path.name}:{n}: {len(rec)} columns: {rec}")
        rows.append(dict(zip(header, rec, strict=True)))
    return rows


def check_names(path: Path, rows: list[dict[str, str]], key: str,
                kinds: tuple[str, ...], report: list[str]) -> None:
    seen: set[str] = set()
    owners: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        name = row[key]
        if not name:
            raise ValueError(f"{path.name}: empty name")
        if name in seen:
            raise ValueError(f"{path.name}: duplicate name {name}")
        seen.add(name)
        if row.get("kind") not in kinds:
            raise ValueError(f"{path.name}: bad kind {row.get('kind')}")
        for alias in split_aliases(row.get("aliases", "")):
            if len(alias) < 2:
                raise ValueError(f"{path.name}: 1-char alias {alias} ({name})")
            owners[alias].append(name)
    for alias, names in sorted(owners.items()):
        if alias in seen:
            report.append(f"{path.name}: alias {alias} of "
                          f"{', '.join(names)} is also a row name")
        if len(names) > 1:
            report.append(f"{path.name}: alias {alias} shared by "
                          f"{', '.join(names)}")


def check_all(report: list[str]) -> None:
    places = read_tsv(DATA / "places.tsv", PLACE_HEADER)
    check_names(DATA / "places.tsv", places, "name", PLACE_KINDS, report)
    names = {r["name"] for r in places}
    for row in places:
        if row["parent"] and row["parent"] not in names:
            raise ValueError(f"places.tsv: unknown parent {row['parent']}")
    org_path = DATA / "organizations.tsv"
    if org_path.exists():
        orgs = read_tsv(org_path, ORG_HEADER)
        check_names(org_path, orgs, "name", ORG_KINDS, report)
    title_path = DATA / "titles.tsv"
    if title_path.exists():
        titles = read_tsv(title_path, TITLE_HEADER)
        check_names(title_path, titles, "title", TITLE_KINDS, report)
    surnames = [ln.strip() for ln in
                (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#")]
    if len(surnames) != len(set(surnames)):
        raise ValueError("surnames.txt: duplicates")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check the files in kg/data")
    parser.add_argument("--quiet", action="store_true",
                        help="do not print the collision report")
    args = parser.parse_args(argv)
    report: list[str] = []
    if not args.check:
        DATA.mkdir(parents=True, exist_ok=True)
        rows = build_places(report)
        write_places(rows, DATA / "places.tsv")
        n_surnames = write_surnames(DATA / "surnames.txt")
        counts: dict[str, int] = defaultdict(int)
        for p in rows:
            counts[p.kind] += 1
        print(f"places.tsv: {len(rows)} rows "
              + json.dumps(dict(counts), ensure_ascii=False))
        print(f"surnames.txt: {n_surnames} surnames")
    check_all(report)
    if not args.quiet:
        for line in report:
            print("note:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
