"""Romanized names: pinyin labels for every Chinese name, and English forms of Chinese personal names."""

from __future__ import annotations

from functools import cache, lru_cache
from types import ModuleType

from kg import lexicon
from kg.segment import cut


@lru_cache(maxsize=65536)
def pinyin_label(name: str) -> str:
    """Word-by-word pinyin with tone marks (中共河北省委员会 → Zhōnggòng Héběishěng Wěiyuánhuì).

    Syllables of one word are joined, as in the ALA-LC and Chinese standards for names;
    words are capitalised. Characters that have no pinyin (digits, Latin) are kept as they are.
    """
    words = []
    for token in cut(name):
        word = _word_pinyin(token.word)
        if word.strip():
            words.append(word[:1].upper() + word[1:])
    return " ".join(words).replace(" ·", "·").strip()


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> str:
    """The syllables of one word, joined: names are mostly new, but their words recur (a miss costs 30 µs)."""
    pypinyin = _pypinyin()
    return "".join(pypinyin.lazy_pinyin(word, style=pypinyin.Style.TONE, errors=list))


def person_name(name: str) -> str:
    """The usual English form of a Chinese personal name: family name, then given name (刘少奇 → Liu Shaoqi).

    Empty when the name does not start with a known family name (a transliterated foreign name).
    """
    surnames = lexicon.surnames()
    split = 2 if name[:2] in surnames and len(name) > 2 else 1 if name[:1] in surnames else 0
    if not split or len(name) - split not in (1, 2):
        return ""
    family, given = (_pypinyin().lazy_pinyin(part) for part in (name[:split], name[split:]))
    return f"{''.join(family).capitalize()} {''.join(given).capitalize()}"


@cache
def _pypinyin() -> ModuleType:
    """pypinyin, imported when first needed: importing it is a third of a second of every ``kg build`` start, and a
    rebuild with nothing changed romanizes nothing."""
    import pypinyin

    return pypinyin
