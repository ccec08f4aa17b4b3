"""Word segmentation with jieba, taught the project's gazetteers.

The default cuts as ``jieba.posseg.POSTokenizer.cut`` does, with jieba's dictionary and HMM tables,
but in code of its own below: the same tokens, about four times faster on archive text (the HMM's
viterbi, most of posseg's time, visits only the transitions that exist, and its answer for a run of
unknown characters is kept in a bounded cache).

``KG_SEGMENTER=rjieba`` uses rjieba (jieba's dictionary and HMM, in Rust) instead of jieba's own
``posseg``: several times faster, but its part-of-speech tags for words the dictionary lacks are
not posseg's, and the extraction scores drop (see the README), so jieba stays the default.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from functools import cache, lru_cache
from math import log
from typing import NamedTuple

import jieba
import jieba.posseg

from kg import lexicon

jieba.setLogLevel(logging.WARNING)


class Token(NamedTuple):
    """A word with its part-of-speech tag and its offsets in the text that was cut.

    A named tuple, not a dataclass: an article is cut into hundreds of tokens, and a tuple is made in a third of
    the time.
    """

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
    pairs = _rjieba().tag(text) if segmenter() == "rjieba" else _pos_cut(_tagger(), text)
    tokens, offset = [], 0
    new = tuple.__new__  # Token's own __new__ takes its fields by name: half as fast (measured)
    for word, pos in pairs:
        end = offset + len(word)
        tokens.append(new(Token, (word, pos, offset, end)))
        offset = end
    return tokens


# -- jieba.posseg's cut (HMM on), reimplemented for speed ------------------------------------------
# Each function below mirrors a jieba.posseg (0.42) method, named in its docstring, and gives exactly
# its output: the same float expressions in the same order, and ties broken as its ``max`` over
# (value, key) tuples breaks them. tests/test_segment.py compares the two.

_posseg = jieba.posseg
# Distinct runs of unknown characters whose HMM answer is kept: about 400 bytes each with its key
# (measured on real and synthetic text), so at most about 13 MB a process.
HMM_CACHE_SIZE = 1 << 15
_MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi.MIN_FLOAT
# HMM states (B/M/E/S, tag) as ints ranked like the tuples, so comparing ranks breaks ties as jieba does.
_STATES: tuple[tuple[str, str], ...] = tuple(sorted(_posseg.trans_P))
_RANK = {state: i for i, state in enumerate(_STATES)}
_ALL_STATES = tuple(_RANK[s] for s in _posseg.trans_P)
_START = [_posseg.start_P[s] for s in _STATES]
_EMIT = [_posseg.emit_P[s] for s in _STATES]
_TRANS = [{_RANK[t]: p for t, p in _posseg.trans_P[s].items()} for s in _STATES]
_PREDS = [{s: targets[t] for s, targets in enumerate(_TRANS) if t in targets} for t in range(len(_STATES))]
_CHAR_STATES = {c: tuple(_RANK[s] for s in states) for c, states in _posseg.char_state_tab_P.items()}


def _viterbi(obs: str) -> list[int]:
    """The most likely state of each character: ``jieba.posseg.viterbi.viterbi``'s route."""
    emit, char_states, min_float = _EMIT, _CHAR_STATES, _MIN_FLOAT
    first = obs[0]
    v = {y: _START[y] + emit[y].get(first, min_float) for y in char_states.get(first, _ALL_STATES)}
    backs: list[dict[int, int]] = []
    for c in obs[1:]:
        cur: dict[int, float] = {}
        back: dict[int, int] = {}
        _step(v, c, char_states.get(c, _ALL_STATES), cur, back)
        if not cur:  # no state of c follows a previous one: jieba then tries every state that can follow
            _step(v, c, {y for x in v for y in _TRANS[x]} or _ALL_STATES, cur, back)
            if not cur:
                raise ValueError("max() arg is an empty sequence")
        v = cur
        backs.append(back)
    state = max((p, y) for y, p in v.items())[1]
    route = [state]
    for back in reversed(backs):
        state = back[state]
        route.append(state)
    route.reverse()
    return route


def _step(v: dict[int, float], c: str, states: Iterable[int], cur: dict[int, float], back: dict[int, int]) -> None:
    """One viterbi step: the best predecessor in ``v`` of each of ``states`` that has one."""
    emit, preds, min_float = _EMIT, _PREDS, _MIN_FLOAT
    prev = v.keys()
    for y in states:
        into = preds[y]
        e = emit[y].get(c, min_float)
        best = best_state = None
        # Only states with a transition into y: the others' -inf never wins, as every V is finite.
        for y0 in (into if len(into) <= 4 else into.keys() & prev):
            if y0 in v:
                p = v[y0] + into[y0] + e
                if best is None or p > best or (p == best and y0 > best_state):
                    best, best_state = p, y0
        if best is not None:
            cur[y] = best
            back[y] = best_state


def _hmm_cut(block: str) -> list[tuple[str, str]]:
    """Words and tags of a run of Chinese characters: ``POSTokenizer.__cut``."""
    route = _viterbi(block)
    out = []
    begin = nexti = 0
    for i, char in enumerate(block):
        pos, tag = _STATES[route[i]]
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((block[begin:i + 1], tag))
            nexti = i + 1
        elif pos == "S":
            out.append((char, tag))
            nexti = i + 1
    if nexti < len(block):
        out.append((block[nexti:], _STATES[route[nexti]][1]))
    return out


@lru_cache(maxsize=HMM_CACHE_SIZE)
def _cut_unknown(text: str) -> tuple[tuple[str, str], ...]:
    """Words and tags of characters the dictionary does not join: ``POSTokenizer.__cut_detail``.

    It depends on jieba's HMM tables only, not on the dictionary, so a cached answer stays right.
    """
    out: list[tuple[str, str]] = []
    for block in _posseg.re_han_detail.split(text):
        if _posseg.re_han_detail.match(block):
            out.extend(_hmm_cut(block))
        else:
            for x in _posseg.re_skip_detail.split(block):
                if x:
                    out.append((x, "m" if _posseg.re_num.match(x) else "eng" if _posseg.re_eng.match(x) else "x"))
    return tuple(out)


def _cut_dag(sentence: str, freq: dict[str, int], logtotal: float, tags: dict[str, str],
             out: list[tuple[str, str]]) -> None:
    """Words and tags of a run of Chinese, letters and digits: ``POSTokenizer.__cut_DAG``."""
    n = len(sentence)
    get = freq.get
    # jieba's get_DAG and calc in one backward pass: of the dictionary words starting at k, the one
    # that begins the most likely path to the end (the longest on a tie, as max over (prob, end) picks).
    probs = [0.0] * (n + 1)
    nexts = [0] * n
    for k in range(n - 1, -1, -1):
        best = None
        i, frag = k, sentence[k]
        while i < n:
            f = get(frag)
            if f is None:
                break
            i += 1
            if f:
                p = log(f) - logtotal + probs[i]
                if best is None or p >= best:
                    best, end = p, i
            frag = sentence[k:i + 1]
        if best is None:
            best, end = log(get(sentence[k]) or 1) - logtotal + probs[k + 1], k + 1
        probs[k] = best
        nexts[k] = end

    x, start = 0, -1  # sentence[start:x]: single characters the best path left, not yet emitted
    while x < n:
        y = nexts[x]
        if y - x == 1:
            if start < 0:
                start = x
        else:
            if start >= 0:
                _flush(sentence[start:x], freq, tags, out)
                start = -1
            word = sentence[x:y]
            out.append((word, tags.get(word, "x")))
        x = y
    if start >= 0:
        _flush(sentence[start:], freq, tags, out)


def _flush(buf: str, freq: dict[str, int], tags: dict[str, str], out: list[tuple[str, str]]) -> None:
    """Single characters the best path left: one word, the HMM's words, or one word each."""
    if len(buf) == 1:
        out.append((buf, tags.get(buf, "x")))
    elif not freq.get(buf):
        out.extend(_cut_unknown(buf))
    else:
        out.extend((char, tags.get(char, "x")) for char in buf)


def _pos_cut(tagger: jieba.posseg.POSTokenizer, sentence: str) -> list[tuple[str, str]]:
    """Words and tags of ``sentence``: ``tagger.cut(sentence)`` (``POSTokenizer.__cut_internal``)."""
    tagger.makesure_userdict_loaded()
    tokenizer = tagger.tokenizer
    tokenizer.check_initialized()
    freq, tags, logtotal = tokenizer.FREQ, tagger.word_tag_tab, log(tokenizer.total)
    han, skip, num, eng = _posseg.re_han_internal, _posseg.re_skip_internal, _posseg.re_num, _posseg.re_eng
    out: list[tuple[str, str]] = []
    for block in han.split(jieba.strdecode(sentence)):
        if han.match(block):
            _cut_dag(block, freq, logtotal, tags, out)
        else:
            for x in skip.split(block):
                if skip.match(x):
                    out.append((x, "x"))
                else:
                    out.extend((xx, "m" if num.match(xx) else "eng" if eng.match(x) else "x") for xx in x)
    return out
