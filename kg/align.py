"""Alignment of a bilingual article: paragraphs, sentences, and the English words for each name.

Paragraphs and sentences are aligned by length, in the manner of Gale and Church: a translation's
length is roughly proportional to its original's, so a dynamic programme over 1-1, 1-2, 2-1, 1-0
and 0-1 groupings finds the likeliest pairing. Within aligned sentences, a name's English is the
shortest run of English words that covers most of its Chinese words, each Chinese word looked up
in the glossary, the gazetteers, or pinyin (河北 → Hebei).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from kg import lexicon
from kg.extract.base import Doc
from kg.pinyin import person_name
from kg.segment import cut

# Groupings (Chinese units, English units) and their prior costs: 1-1 is by far the commonest.
_BEADS = {(1, 1): 0.0, (1, 2): 2.3, (2, 1): 2.3, (1, 0): 4.6, (0, 1): 4.6, (2, 2): 3.0}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_EDGE_STOP = frozenset("the a an of and to in on for at by with or its their this that which as is are was were "
                       "has have had be been also further".split())


def align(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
    """Pair units of two texts by length: a list of (Chinese indices, English indices) groups."""
    if not zh or not en:
        return []
    ratio = sum(map(len, en)) / max(sum(map(len, zh)), 1)
    inf = float("inf")
    cost = [[inf] * (len(en) + 1) for _ in range(len(zh) + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (len(en) + 1) for _ in range(len(zh) + 1)]
    cost[0][0] = 0.0
    for i in range(len(zh) + 1):
        for j in range(len(en) + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in _BEADS.items():
                ni, nj = i + di, j + dj
                if ni > len(zh) or nj > len(en):
                    continue
                lz = sum(len(s) for s in zh[i:ni]) * ratio
                le = sum(len(s) for s in en[j:nj])
                c = cost[i][j] + prior + (le - lz) ** 2 / max(lz + le, 1.0) / 10
                if c < cost[ni][nj]:
                    cost[ni][nj], back[ni][nj] = c, (di, dj)
    pairs = []
    i, j = len(zh), len(en)
    while i or j:
        step = back[i][j]
        if step is None:
            break
        di, dj = step
        pairs.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return pairs[::-1]


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith(("ss", "us", "is")):  # congress, status, analysis: no plural to strip
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _renderings(word: str) -> list[set[str]]:
    """The stems of each English rendering of one Chinese word."""
    out: list[set[str]] = []
    for source in (lexicon.glossary().get(word, ()), _gazetteer_english(word)):
        for rendering in source:
            stems = {_stem(w) for w in _WORD.findall(rendering)} - _EDGE_STOP
            if stems:
                out.append(stems)
    return out


def _gazetteer_english(word: str) -> tuple[str, ...]:
    for gazetteer in (lexicon.places, lexicon.organizations, lexicon.persons, lexicon.policies):
        entry = gazetteer().get(word)
        if entry is not None and entry.en:
            return (entry.en,)
    name = person_name(word)
    return (name,) if name else ()


def _glossed_parts(word: str) -> list[str]:
    """A word the glossary lacks, cut into two parts it has (职工大会 → 职工 + 大会), else the word."""
    if _renderings(word) or len(word) < 3:
        return [word]
    for cut_at in range(len(word) - 1, 0, -1):
        left, right = word[:cut_at], word[cut_at:]
        if _renderings(left) and _renderings(right):
            return [left, right]
    return [word]


def _extend(tokens: list[tuple[int, int, str]], hits: list[set[int]], i: int, j: int) -> tuple[int, int]:
    """Grow a window over the rest of a rendering it cuts: "…of the Communist" → "…Communist Party of China"."""
    def step(k: int, direction: int) -> int | None:
        k += direction
        while 0 <= k < len(tokens) and not hits[k] and tokens[k][2] in _EDGE_STOP:
            k += direction
        return k if 0 <= k < len(tokens) and hits[k] else None

    while (k := step(j, 1)) is not None and hits[k] & hits[j]:
        j = k
    while (k := step(i, -1)) is not None and hits[k] & hits[i]:
        i = k
    return i, j


@dataclass(frozen=True)
class Match:
    """Where a Chinese name's English stands in an English text, and how much of it was found."""

    start: int
    end: int
    text: str
    coverage: float


def find_english(name: str, english: str, min_coverage: float = 0.6) -> Match | None:
    """The English words in ``english`` that translate ``name``, or None when too little is found."""
    words = [part for t in cut(name) if t.word.strip() and t.pos != "x" for part in _glossed_parts(t.word)]
    wanted = [(w, _renderings(w)) for w in words]
    content = [(w, r) for w, r in wanted if r]  # function words (的, 对) count only when glossed
    if not content:
        return None
    tokens = [(m.start(), m.end(), _stem(m.group(0))) for m in _WORD.finditer(english)]
    hits: list[set[int]] = []  # for each English token, which Chinese words it renders
    for _s, _e, stem in tokens:
        hits.append({k for k, (_w, renderings) in enumerate(content) if any(stem in r for r in renderings)})
    # Windows start and end on a hit. Best: most of the Chinese words rendered (a word counts by the
    # share of its best rendering's words present: "Party" alone is a third of "Eighth Party
    # Congress"), then fewest unexplained words inside (a translation keeps a name together), then
    # shortest, then earliest.
    windows = []  # (coverage, -gaps, -length, -first, first, last)
    limit = 4 * len(content) + 6
    for i in range(len(tokens)):
        if not hits[i]:
            continue
        found: set[str] = set()
        gaps = 0
        for j in range(i, min(len(tokens), i + limit)):
            if hits[j]:
                found.add(tokens[j][2])
                coverage = sum(max(len(r & found) / len(r) for r in renderings)
                               for _w, renderings in content) / len(content)
                windows.append((round(coverage, 6), -gaps, -(j - i), -i, i, j))
            elif tokens[j][2] not in _EDGE_STOP:
                gaps += 1
    if not windows:
        return None
    coverage, *_rest, i, j = max(windows)
    if coverage < min_coverage:
        return None
    i, j = _extend(tokens, hits, i, j)
    start, end = tokens[i][0], tokens[j][1]
    return Match(start, end, english[start:end], coverage)


class AlignmentComponent:
    """Gives each name of a bilingual article its English, from the article's own translation."""

    name: ClassVar[str] = "alignment"
    adds: ClassVar[str] = "english"
    requires: ClassVar[tuple[str, ...]] = ("organizations", "places", "persons", "policies", "meetings",
                                           "decisions")

    def __call__(self, doc: Doc) -> None:
        article = doc.article
        if article.zh is None or article.en is None or not article.en.sentences:
            return
        zh_sentences = [s.text for s in article.zh.sentences]
        en_sentences = [s.text for s in article.en.sentences]
        heading = [i for i, s in enumerate(article.zh.sentences)
                   if article.zh.paragraphs[s.paragraph].kind != "body"]
        body = [i for i in range(len(zh_sentences)) if i not in heading]
        partner: dict[int, list[str]] = {}
        for zh_group, en_group in align([zh_sentences[i] for i in body], en_sentences):
            for i in zh_group:
                partner[body[i]] = [en_sentences[j] for j in en_group]
        for i in heading:
            partner[i] = [t for t in (article.title_en, *article.subtitles_en) if t]
        for start, end, sentence, name in self._names(doc):
            match = self._best(name, partner.get(sentence, []), 0.6)
            if match is None:  # a looser pairing: the sentences around it
                nearby = [t for k in (sentence - 1, sentence + 1) for t in partner.get(k, [])]
                match = self._best(name, nearby, 0.75)
            if match is not None:
                doc.english[(start, end)] = match.text

    @staticmethod
    def _best(name: str, sentences: list[str], min_coverage: float) -> Match | None:
        """The best match within one English sentence (a name never runs across two)."""
        matches = [m for s in sentences if (m := find_english(name, s, min_coverage)) is not None]
        return max(matches, key=lambda m: m.coverage, default=None)

    @staticmethod
    def _names(doc: Doc):
        for m in doc.mentions:
            if not m.is_coreference:
                yield m.start, m.end, m.sentence, m.text
        for mm in doc.meetings:
            for (start, end) in mm.spans:
                sentence = doc.article.zh.sentence_at(start) if doc.article.zh else None
                if sentence is not None:
                    yield start, end, doc.sentences.index(sentence), doc.article.zh.text[start:end]
        for d in doc.decisions:
            yield d.start, d.end, d.sentence, d.text
