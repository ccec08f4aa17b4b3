"""Word segmentation with jieba, taught the project's gazetteers.

The default cuts as ``jieba.posseg.POSTokenizer.cut`` does, with jieba's dictionary and HMM tables,
but in code of its own below: the same tokens, about four times faster on archive text (the HMM's
viterbi, most of posseg's time, visits only the transitions that exist, and its answer for a run of
unknown characters is kept in a bounded cache). In a long build, the best path through the dictionary
is found by rjieba, in Rust, taught the same dictionary: the same tokens again, in half the time.

``KG_SEGMENTER=rjieba`` uses rjieba (jieba's dictionary and HMM, in Rust) instead of jieba's own
``posseg``: several times faster, but its part-of-speech tags for words the dictionary lacks are
not posseg's, and the extraction scores drop (see the README), so jieba stays the default.

What cutting needs from jieba (its dictionary with the project's words, the HMM, the regular expressions)
is plain data, kept in one marshal file in the user's cache folder: a process loads it without importing
jieba at all.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import itertools
import logging
import marshal
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from math import log
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kg import lexicon

if TYPE_CHECKING:
    import jieba.posseg


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
    """jieba's own tagger, taught the project's words: what the tables are made from, and what tests compare with."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
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
    return _tables().dictionary.freq.get(word) or 0


def cut(text: str) -> list[Token]:
    """POS-tagged tokens of ``text`` with character offsets."""
    pairs = _rjieba().tag(text) if segmenter() == "rjieba" else _pos_cut(_tables().dictionary, text)
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

# Distinct runs of unknown characters whose HMM answer is kept: about 400 bytes each with its key
# (measured on real and synthetic text), so at most about 13 MB a process.
HMM_CACHE_SIZE = 1 << 15
_MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi.MIN_FLOAT


class Dictionary(NamedTuple):
    """jieba's dictionary with the project's words: frequencies (a word's prefixes at 0), their total, and tags."""

    freq: dict[str, int]
    total: int
    tags: dict[str, str]

    @classmethod
    def of(cls, tagger: jieba.posseg.POSTokenizer) -> Dictionary:
        tagger.makesure_userdict_loaded()
        tagger.tokenizer.check_initialized()
        return cls(tagger.tokenizer.FREQ, tagger.tokenizer.total, tagger.word_tag_tab)


class Hmm(NamedTuple):
    """jieba.posseg's HMM, its states (B/M/E/S, tag) as ints ranked like the tuples, so that comparing ranks
    breaks ties as jieba's ``max`` over tuples does."""

    states: tuple[tuple[str, str], ...]
    all_states: tuple[int, ...]  # in jieba's order, for characters it has no states for
    start: list[float]
    emit: list[dict[str, float]]
    trans: list[dict[int, float]]
    preds: list[dict[int, float]]  # for each state, the states with a transition into it
    char_states: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, posseg) -> Hmm:
        states = tuple(sorted(posseg.trans_P))
        rank = {state: i for i, state in enumerate(states)}
        trans = [{rank[t]: p for t, p in posseg.trans_P[s].items()} for s in states]
        return cls(states, tuple(rank[s] for s in posseg.trans_P), [posseg.start_P[s] for s in states],
                   [posseg.emit_P[s] for s in states], trans,
                   [{s: targets[t] for s, targets in enumerate(trans) if t in targets} for t in range(len(states))],
                   {c: tuple(rank[s] for s in v) for c, v in posseg.char_state_tab_P.items()})


class _Tables(NamedTuple):
    """Everything cutting needs from jieba: plain data, so that it can be kept in one marshal file."""

    dictionary: Dictionary
    hmm: Hmm
    regexes: dict[str, re.Pattern[str]]  # jieba.posseg's, by name (kept as pattern and flags)


_PATTERNS = ("re_han_detail", "re_skip_detail", "re_han_internal", "re_skip_internal", "re_num", "re_eng")
_FORMAT = 1  # of the tables file; the file's name also changes with the package's code and jieba's files


@cache
def _tables() -> _Tables:
    """The tables, from the cache file when there is one for this code and jieba, else made (about 2 s) and kept.

    Making them means importing jieba.posseg, which reads jieba's dictionary twice, and teaching it the project's
    words: most of a short build's start-up, and of every worker's that is not forked.
    """
    path = _tables_file()
    if path is not None:
        try:
            data = marshal.loads(path.read_bytes())
            if data[0] == _FORMAT:
                dictionary, hmm, patterns = data[1:]
                return _Tables(Dictionary(*dictionary), Hmm(*hmm), {n: re.compile(*p) for n, p in patterns.items()})
        except (OSError, EOFError, ValueError, TypeError, IndexError):
            pass  # missing, unreadable or of another format: made again
    import jieba.posseg

    tables = _Tables(Dictionary.of(_tagger()), Hmm.of(jieba.posseg),
                     {name: getattr(jieba.posseg, name) for name in _PATTERNS})
    if path is not None:
        _save_tables(path, tables)
    return tables


def _tables_file() -> Path | None:
    """Where the tables are kept: the user's cache folder, in a file named by what they are made from (jieba's
    files, the project's words and this module)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    digest = hashlib.sha1(f"{_FORMAT}\0{importlib.metadata.version('jieba')}\0{list(_project_words())}".encode())
    digest.update(Path(__file__).read_bytes())
    for name in ("dict.txt", "posseg/prob_start.py", "posseg/prob_trans.py", "posseg/prob_emit.py",
                 "posseg/char_state_tab.py"):
        try:
            info = (package / name).stat()
        except OSError:
            return None
        digest.update(f"\0{name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rmrb-kg"
    return base / f"segmenter-{digest.hexdigest()[:20]}.marshal"


def _save_tables(path: Path, tables: _Tables) -> None:
    """Write the tables file atomically and remove the files of other versions; where it cannot, go without."""
    patterns = {name: (regex.pattern, regex.flags) for name, regex in tables.regexes.items()}
    data = marshal.dumps((_FORMAT, tuple(tables.dictionary), tuple(tables.hmm), patterns))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".segmenter-", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        for old in path.parent.glob("segmenter-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        logging.getLogger(__name__).debug("segmenter tables not kept in %s: %s", path, exc)


def _viterbi(obs: str) -> list[int]:
    """The most likely state of each character: ``jieba.posseg.viterbi.viterbi``'s route."""
    hmm = _tables().hmm
    emit, char_states, all_states, min_float = hmm.emit, hmm.char_states, hmm.all_states, _MIN_FLOAT
    first = obs[0]
    v = {y: hmm.start[y] + emit[y].get(first, min_float) for y in char_states.get(first, all_states)}
    backs: list[dict[int, int]] = []
    for c in obs[1:]:
        cur: dict[int, float] = {}
        back: dict[int, int] = {}
        _step(v, c, char_states.get(c, all_states), cur, back, hmm)
        if not cur:  # no state of c follows a previous one: jieba then tries every state that can follow
            _step(v, c, {y for x in v for y in hmm.trans[x]} or all_states, cur, back, hmm)
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


def _step(v: dict[int, float], c: str, states: Iterable[int], cur: dict[int, float], back: dict[int, int],
          hmm: Hmm) -> None:
    """One viterbi step: the best predecessor in ``v`` of each of ``states`` that has one."""
    emit, preds, min_float = hmm.emit, hmm.preds, _MIN_FLOAT
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
    route, states = _viterbi(block), _tables().hmm.states
    out = []
    begin = nexti = 0
    for i, char in enumerate(block):
        pos, tag = states[route[i]]
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((block[begin:i + 1], tag))
            nexti = i + 1
        elif pos == "S":
            out.append((char, tag))
            nexti = i + 1
    if nexti < len(block):
        out.append((block[nexti:], states[route[nexti]][1]))
    return out


@lru_cache(maxsize=HMM_CACHE_SIZE)
def _cut_unknown(text: str) -> tuple[tuple[str, str], ...]:
    """Words and tags of characters the dictionary does not join: ``POSTokenizer.__cut_detail``.

    It depends on jieba's HMM tables only, not on the dictionary, so a cached answer stays right.
    """
    regexes = _tables().regexes
    han, skip, num, eng = (regexes[n] for n in ("re_han_detail", "re_skip_detail", "re_num", "re_eng"))
    out: list[tuple[str, str]] = []
    for block in han.split(text):
        if han.match(block):
            out.extend(_hmm_cut(block))
        else:
            for x in skip.split(block):
                if x:
                    out.append((x, "m" if num.match(x) else "eng" if eng.match(x) else "x"))
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
    x, words = 0, []
    while x < n:
        words.append(sentence[x:nexts[x]])
        x = nexts[x]
    _tag_path(sentence, words, freq, tags, out)


def _tag_path(sentence: str, words: Iterable[str], freq: dict[str, int], tags: dict[str, str],
              out: list[tuple[str, str]]) -> None:
    """The words of the best path, tagged; the single characters it leaves are cut again by ``_flush``."""
    x, start = 0, -1  # sentence[start:x]: single characters the best path left, not yet emitted
    for word in words:
        if len(word) == 1:
            if start < 0:
                start = x
        else:
            if start >= 0:
                _flush(sentence[start:x], freq, tags, out)
                start = -1
            out.append((word, tags.get(word, "x")))
        x += len(word)
    if start >= 0:
        _flush(sentence[start:], freq, tags, out)


# rjieba finds the best path through the dictionary (jieba's DAG and route) in Rust, in a third of the time _cut_dag
# takes. Taught the very dictionary of the tables, with jieba's total, it takes the same path, ties included (tests
# compare); the HMM and the tags stay the tables'. Teaching it takes about 0.6 s, so a process turns to it only once
# it has cut this many runs of Chinese (about 1,000 articles'), enough to repay that.
RUST_PATH_AFTER = 50_000
_blocks_cut = itertools.count()
_ASCII_ALNUM = re.compile(r"[a-zA-Z0-9]")


def rust_path(dictionary: Dictionary) -> Callable[[str, bool], list[str]]:
    """rjieba's ``cut`` taught ``dictionary`` (to be called without its HMM)."""
    import rjieba

    tagger = rjieba.Jieba.empty()
    added = 0
    for word, freq in dictionary.freq.items():
        if freq:
            tagger.add_word(word, freq, None)
            added += freq
    if dictionary.total > added:  # jieba counts a word added again twice: a character no run holds makes up the rest
        tagger.add_word("\ue000", dictionary.total - added, None)
    return tagger.cut


@cache
def _rust_path() -> Callable[[str, bool], list[str]]:
    return rust_path(_tables().dictionary)


def _route(block: str, words: list[str], freq: dict[str, int]) -> list[str] | None:
    """jieba's best path through ``block`` from the ``words`` rjieba cut it into; None where they cannot tell it.

    Without its HMM, rjieba joins letters and digits that the path leaves one by one (1956年 → 1956, 年): such a
    join is no dictionary word, and is split again. A join that spells one (1|0 where 10 is a word) cannot be told
    from that word, so the caller takes jieba's path instead.
    """
    if not _ASCII_ALNUM.search(block):
        return words
    route: list[str] = []
    for word in words:
        if len(word) > 1 and word.isascii() and word.isalnum():
            if freq.get(word):
                return None
            route.extend(word)
        else:
            route.append(word)
    return route


def _flush(buf: str, freq: dict[str, int], tags: dict[str, str], out: list[tuple[str, str]]) -> None:
    """Single characters the best path left: one word, the HMM's words, or one word each."""
    if len(buf) == 1:
        out.append((buf, tags.get(buf, "x")))
    elif not freq.get(buf):
        out.extend(_cut_unknown(buf))
    else:
        out.extend((char, tags.get(char, "x")) for char in buf)


def _pos_cut(dictionary: Dictionary, sentence: str) -> list[tuple[str, str]]:
    """Words and tags of ``sentence``: a jieba tagger's ``cut(sentence)`` (``POSTokenizer.__cut_internal``)."""
    freq, tags, logtotal = dictionary.freq, dictionary.tags, log(dictionary.total)
    tables = _tables()
    regexes = tables.regexes
    han, skip, num, eng = (regexes[n] for n in ("re_han_internal", "re_skip_internal", "re_num", "re_eng"))
    out: list[tuple[str, str]] = []
    for block in han.split(sentence):
        if han.match(block):
            if next(_blocks_cut) >= RUST_PATH_AFTER and dictionary is tables.dictionary and \
                    (route := _route(block, _rust_path()(block, False), freq)) is not None:
                _tag_path(block, route, freq, tags, out)
            else:
                _cut_dag(block, freq, logtotal, tags, out)
        else:
            for x in skip.split(block):
                if skip.match(x):
                    out.append((x, "x"))
                else:
                    out.extend((xx, "m" if num.match(xx) else "eng" if eng.match(x) else "x") for xx in x)
    return out
