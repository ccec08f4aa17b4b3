"""What extractors produce and share: mentions with offsets and evidence, and the working document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from kg.article import Article, Sentence
from kg.dates import PartialDate
from kg.segment import Token, cut

ORGANIZATION, PLACE, PERSON, POLICY, MEETING, DECISION = (
    "Organization", "Place", "Person", "Policy", "Meeting", "Decision")
ENTITY_KINDS = (ORGANIZATION, PLACE, PERSON, POLICY)


@dataclass(frozen=True)
class Mention:
    """A name found in the text: an organisation, place, person or policy.

    ``start``/``end`` index the article's ``zh.text``; ``sentence`` indexes its sentences.
    ``canonical`` is the gazetteer's or a pattern's full name when known, else empty.
    """

    kind: str
    text: str
    start: int
    end: int
    sentence: int
    rule: str
    canonical: str = ""

    @property
    def is_coreference(self) -> bool:
        """True for a generic word that refers to a named entity (省委 → 中共安徽省委员会): not a name of it."""
        return self.rule.endswith("coreference")


@dataclass
class MeetingMention:
    """A meeting, with what the text says of who convened it, where and when."""

    name: str
    start: int
    end: int
    sentence: int
    rule: str
    conveners: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    aliases: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # every place the text names it


@dataclass
class DecisionMention:
    """One thing decided, clause-sized, with who decided it and what it concerns."""

    text: str
    start: int
    end: int
    sentence: int
    verb: str
    meeting: int | None = None
    organization: Mention | None = None
    concerns: list[Mention] = field(default_factory=list)


@dataclass
class Doc:
    """An article under extraction: its sentences cut into tokens, and what components have added."""

    article: Article
    tokens: list[list[Token]]
    mentions: list[Mention] = field(default_factory=list)
    meetings: list[MeetingMention] = field(default_factory=list)
    decisions: list[DecisionMention] = field(default_factory=list)
    english: dict[tuple[int, int], str] = field(default_factory=dict)  # span → its words in the translation

    @classmethod
    def from_article(cls, article: Article) -> Doc:
        if article.zh is not None:
            return cls(article, [cut(s.text) for s in article.zh.sentences])
        return cls(article, [[] for _ in (article.en.sentences if article.en else [])])

    @property
    def lang(self) -> str:
        """The language extraction reads: Chinese when the article has it, else English."""
        return "zh" if self.article.zh is not None else "en"

    @property
    def sentences(self) -> list[Sentence]:
        text = self.article.zh or self.article.en
        return text.sentences if text else []

    def of_kind(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def in_sentence(self, index: int, kind: str | None = None) -> list[Mention]:
        return sorted((m for m in self.mentions if m.sentence == index and (kind is None or m.kind == kind)),
                      key=lambda m: m.start)

    def add(self, mention: Mention, inside: tuple[str, ...] = ()) -> bool:
        """Add a mention unless it overlaps one already found (earlier components win).

        A mention may lie wholly inside a mention of a kind in ``inside`` (河北 in 中共河北省委).
        """
        for other in self.mentions:
            if mention.start < other.end and other.start < mention.end:
                nested = other.kind in inside and other.start <= mention.start and mention.end <= other.end
                if not nested or any(o.kind == mention.kind and o.start < mention.end and mention.start < o.end
                                     for o in self.mentions):
                    return False
        self.mentions.append(mention)
        return True

    def dateline_end(self, index: int) -> int:
        """Where the dateline (新华社保定13日电) ends, when sentence ``index`` opens with it; else its start."""
        sentence = self.sentences[index]
        line = self.article.dateline
        if line and line.text and sentence.text.startswith(line.text):
            return sentence.start + len(line.text)
        return sentence.start

    def covered(self, start: int, end: int) -> bool:
        return any(start < m.end and m.start < end for m in self.mentions)


class Component(Protocol):
    """A pipeline step, in the manner of spaCy's components: it reads a Doc and adds to it.

    A component may declare ``languages`` (default: Chinese only); it runs on a Doc of those.
    """

    name: ClassVar[str]
    adds: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> None: ...
