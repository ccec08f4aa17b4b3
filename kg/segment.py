"""Word segmentation with jieba, taught the project's gazetteers.

``KG_SEGMENTER=rjieba`` uses rjieba (jieba's dictionary and HMM, in Rust) instead of jieba's own
``posseg``: several times faster, but its part-of-speech tags for words the dictionary lacks are
not posseg's, and the extraction scores drop (see the README), so jieba stays the default.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache

import jieba
import jieba.posseg

from kg import lexicon

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Token:
    """A word with its part-of-speech tag and its offsets in the text that was cut."""

    word: str
    pos: str
    start: int
    end: int


def _project_words():
    """(word, frequency, tag) for every word the project teaches the segmenter; frequency 0 removes one."""
    for entry in lexicon.organizations().entries:
        for name in (entry.name, *entry.aliases):
            yield name, 2000, "nt"
    for entry in lexicon.places().entries:
        for name in (entry.name, *entry.aliases):
            if len(name) >= 2:
                yield name, 500, "ns"
    for entry in lexicon.persons().entries:
        for name in (entry.name, *entry.aliases):
            yield name, 2000, "nr"
    for title in lexicon.titles():
        yield title, 1000, "nn"
    for word, pos in _EXTRA_WORDS:
        yield word, 2000, pos
    for word in _NOT_WORDS:
        yield word, 0, ""


@cache
def _tagger() -> jieba.posseg.POSTokenizer:
    tokenizer = jieba.Tokenizer()
    for word, freq, tag in _project_words():
        if freq:
            tokenizer.add_word(word, freq, tag)
        else:
            tokenizer.del_word(word)
    return jieba.posseg.POSTokenizer(tokenizer)


@cache
def _rjieba():
    import rjieba

    tagger = rjieba.Jieba()
    for word, freq, tag in _project_words():
        tagger.add_word(word, freq, tag or None)
    return tagger


def segmenter() -> str:
    """The segmenter in use: ``jieba`` (default) or ``rjieba`` (``KG_SEGMENTER``)."""
    return os.environ.get("KG_SEGMENTER", "jieba")


# Words jieba's dictionary lacks or tags wrongly, and joins that hide a boundary the extractors need.
_EXTRA_WORDS = (
    ("负责制", "n"), ("省委", "nt"), ("市委", "nt"), ("县委", "nt"), ("地委", "nt"), ("区委", "nt"),
    ("召开", "v"), ("举行", "v"), ("全体会议", "n"), ("扩大会议", "n"), ("代表大会", "n"),
)
_NOT_WORDS = ("召开大会", "举行大会", "出席会议", "紧急会议", "全国代表大会", "大力支持", "工业会议")


def word_frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for words it does not list)."""
    return _tagger().tokenizer.FREQ.get(word) or 0


def cut(text: str) -> list[Token]:
    """POS-tagged tokens of ``text`` with character offsets."""
    pairs = (_rjieba().tag(text) if segmenter() == "rjieba"
             else ((pair.word, pair.flag) for pair in _tagger().cut(text)))
    tokens, offset = [], 0
    for word, pos in pairs:
        tokens.append(Token(word, pos, offset, offset + len(word)))
        offset += len(word)
    return tokens
