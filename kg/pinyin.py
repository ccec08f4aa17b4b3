"""Romanized names: pinyin labels for every Chinese name, and English forms of Chinese personal names."""

from __future__ import annotations

from functools import cache, lru_cache

from kg import lexicon
from kg.segment import cut


@lru_cache(maxsize=65536)
def pinyin_label(name: str) -> str:
    """Word-by-word pinyin with tone marks (中共河北省委员会 → Zhōnggòng Héběishěng Wěiyuánhuì).

    Syllables of one word are joined, as in the ALA-LC and Chinese standards for names;
    words are capitalised. Characters that have no pinyin (digits, Latin) are kept as they are.
    """
    lazy_pinyin, tone = _pypinyin()
    words = []
    for token in cut(name):
        syllables = lazy_pinyin(token.word, style=tone, errors=lambda chars: list(chars))
        word = "".join(syllables)
        if word.strip():
            words.append(word[:1].upper() + word[1:])
    return " ".join(words).replace(" ·", "·").strip()


def person_name(name: str) -> str:
    """The usual English form of a Chinese personal name: family name, then given name (刘少奇 → Liu Shaoqi).

    Empty when the name does not start with a known family name (a transliterated foreign name).
    """
    surnames = lexicon.surnames()
    split = 2 if name[:2] in surnames and len(name) > 2 else 1 if name[:1] in surnames else 0
    if not split or len(name) - split not in (1, 2):
        return ""
    lazy_pinyin, _ = _pypinyin()
    family, given = (lazy_pinyin(part) for part in (name[:split], name[split:]))
    return f"{''.join(family).capitalize()} {''.join(given).capitalize()}"


@cache
def _pypinyin():
    """pypinyin's ``lazy_pinyin`` and its tone-mark style, imported when first needed: importing it is a third of a
    second of every ``kg build`` start, and a rebuild with nothing changed romanizes nothing."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin, Style.TONE
