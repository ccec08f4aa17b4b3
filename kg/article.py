"""Plain dataclasses for an article as read from a file: text, structure, offsets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath


@dataclass(frozen=True)
class Sentence:
    """A sentence of one language's text; ``start``/``end`` index ``Text.text``."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``kind`` is ``heading`` for the title lines the body repeats, else ``body``."""

    start: int
    end: int
    text: str
    kind: str = "body"


@dataclass
class Text:
    """One language's text of an article, with its paragraphs and sentences."""

    text: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


@dataclass(frozen=True)
class Dateline:
    """The news agency, place and date an article was filed from (新华社保定13日电)."""

    agency: str
    place: str = ""
    date: date | None = None
    text: str = ""


@dataclass
class Article:
    """One article of an input file, in Chinese, English or both."""

    source: str
    index: int = 1
    title_zh: str = ""
    subtitles_zh: list[str] = field(default_factory=list)
    title_en: str = ""
    subtitles_en: list[str] = field(default_factory=list)
    date: date | None = None
    page: int | None = None
    column: str = ""
    author: str = ""
    dateline: Dateline | None = None
    zh: Text | None = None
    en: Text | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def source_name(self) -> str:
        """The base name of the input file (``kg:sourceFile``)."""
        return PurePath(self.source).name

    @property
    def key(self) -> str:
        """A stable identifier: the same file name and position always give the same key."""
        digest = hashlib.sha1(f"{self.source_name}#{self.index}".encode()).hexdigest()
        return digest[:16]
