"""The gazetteers shipped in ``kg/data/``: places, organisations, surnames, titles, policies.

Each table is read once per process. See ``kg/data/SOURCES.md`` for where each file comes from.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick_rs


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: a canonical name, its other names, kind and English name."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    en: str = ""
    parent: str = ""
    source: str = ""


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("kg.data").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _entries(filename: str) -> tuple[Entry, ...]:
    out = []
    for row in _rows(filename):
        aliases = tuple(a for a in (row.get("aliases") or "").split("|") if a and a != row["name"])
        out.append(Entry(row["name"], row.get("kind", ""), aliases, row.get("en") or "",
                         row.get("parent") or "", row.get("source") or ""))
    return tuple(out)


class Gazetteer:
    """Names → entries, and a longest-match scanner over text."""

    def __init__(self, entries: tuple[Entry, ...], min_length: int = 2) -> None:
        self.entries = entries
        self.by_name: dict[str, Entry] = {}
        for entry in entries:  # a canonical name wins over another entry's alias
            self.by_name.setdefault(entry.name, entry)
        for entry in entries:
            for alias in entry.aliases:
                self.by_name.setdefault(alias, entry)
        self.min_length = min_length
        self._scanned = [name for name in self.by_name if len(name) >= min_length]
        # One pass over the text in Rust, where trying each position's names in Python cost 6 % of extraction.
        self._automaton = ahocorasick_rs.AhoCorasick(self._scanned, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def __contains__(self, name: str) -> bool:
        return name in self.by_name

    def get(self, name: str) -> Entry | None:
        return self.by_name.get(name)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, Entry]]:
        """(start, end, surface, entry) for the longest names found left to right, without overlaps.

        Of the names that start leftmost, the longest; then on from its end.
        """
        names, by_name = self._scanned, self.by_name
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            yield start, end, names[index], by_name[names[index]]


@cache
def places() -> Gazetteer:
    return Gazetteer(_entries("places.tsv"))


@cache
def organizations() -> Gazetteer:
    return Gazetteer(_entries("organizations.tsv"))


@cache
def persons() -> Gazetteer:
    return Gazetteer(_entries("persons.tsv"))


@cache
def policies() -> Gazetteer:
    return Gazetteer(_entries("policies.tsv"))


@cache
def glossary() -> dict[str, tuple[str, ...]]:
    """Chinese word → its English renderings, most usual first (``glossary.tsv``)."""
    return {row["zh"]: tuple(e.strip() for e in row["en"].split("|") if e.strip()) for row in _rows("glossary.tsv")}


@cache
def surnames() -> frozenset[str]:
    text = resources.files("kg.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def titles() -> dict[str, Entry]:
    return {row["title"]: Entry(row["title"], row.get("kind", ""), (), row.get("en") or "")
            for row in _rows("titles.tsv")}


@cache
def short_names() -> dict[str, str]:
    """Short names of well-known bodies → kind: company, university, body (妇联), team (女篮) or service (交警)."""
    return {row["name"]: row["kind"] for row in _rows("short_names.tsv")}
