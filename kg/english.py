"""English names for entities read from Chinese text: the gazetteers, and a glossary of body words.

A name known to a gazetteer keeps the gazetteer's English name. A body named after a place
(中共河北省委员会, 上海市人民委员会) is composed from the place's English name and the body word.
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.pinyin import person_name

# Body words after a place name, longest first, with the English pattern they take.
BODIES = (
    ("人民代表大会常务委员会", "Standing Committee of the {place} People's Congress"),
    ("人民委员会", "{place} People's Council"),
    ("人民政府", "{place} People's Government"),
    ("人民法院", "{place} People's Court"),
    ("人民检察院", "{place} People's Procuratorate"),
    ("行政公署", "{place} Administrative Office"),
    ("行署", "{place} Administrative Office"),
    ("政府", "{place} Government"),
    ("军区", "{place} Military Region"),
)
LEVELS = {"省": "Provincial", "市": "Municipal", "县": "County", "地": "Prefectural", "区": "District"}
_CPC = re.compile(r"^中共(.+?)(省|市|县|地|区)委员会$")
_SUFFIX = re.compile(r"\s+(?:Province|City|County|Prefecture|District|Autonomous Region)$")


def _place_en(name: str) -> str:
    entry = lexicon.places().get(name)
    if entry is None:
        for suffix in ("省", "市", "县", "区"):
            entry = lexicon.places().get(name + suffix)
            if entry is not None:
                break
    return _SUFFIX.sub("", entry.en) if entry is not None and entry.en else ""


def _person(name: str, rule: str) -> tuple[str, str]:
    if "foreign" in rule:
        return "", ""
    if rule == "surname+office":  # 贾主任 → Director Jia
        title = lexicon.titles().get(name[1:])
        family = person_name(name[0] + "某")
        if title is not None and title.en and family:
            return f"{title.en[:1].upper()}{title.en[1:]} {family.split()[0]}", "pinyin"
        return "", ""
    english = person_name(name)
    return (english, "pinyin") if english else ("", "")


def english_name(kind: str, name: str, rule: str = "") -> tuple[str, str]:
    """(English name, where it came from: "gazetteer", "glossary" or "pinyin"), or ("", "") when unknown.

    ``rule`` is the extractor rule that found the name: a foreign name is not romanised as Chinese.
    """
    gazetteer = {"Organization": lexicon.organizations, "Place": lexicon.places,
                 "Policy": lexicon.policies, "Person": lexicon.persons}.get(kind)
    entry = gazetteer().get(name) if gazetteer else None
    if entry is not None and entry.en:
        return entry.en, "gazetteer"
    if kind == "Person":
        return _person(name, rule)
    if kind != "Organization":
        return "", ""
    if m := _CPC.match(name):
        place = _place_en(m.group(1)) or _place_en(m.group(1) + m.group(2))
        if place:
            return f"CPC {place} {LEVELS[m.group(2)]} Committee", "glossary"
    for word, pattern in BODIES:
        if name.endswith(word) and len(name) > len(word):
            place = _place_en(name[: -len(word)])
            if place:
                return pattern.format(place=place), "glossary"
    return "", ""
