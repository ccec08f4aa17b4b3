"""The extraction pipeline: small components run in order over one article, each adding one kind of fact."""

from __future__ import annotations

from kg.article import Article
from kg.extract.base import Component, DecisionMention, Doc, MeetingMention, Mention
from kg.extract.decisions import DecisionExtractor
from kg.extract.english import EnglishExtractor
from kg.extract.meetings import MeetingExtractor
from kg.extract.organizations import OrganizationExtractor
from kg.extract.persons import PersonExtractor
from kg.extract.places import PlaceExtractor
from kg.extract.policies import PolicyExtractor

EXTRACTORS: tuple[Component, ...] = (
    EnglishExtractor(),
    OrganizationExtractor(),
    PlaceExtractor(),
    PersonExtractor(),
    PolicyExtractor(),
    MeetingExtractor(),
    DecisionExtractor(),
)


def check_order(pipeline: tuple[Component, ...] = EXTRACTORS) -> None:
    """Raise ValueError when a component runs before one it requires."""
    done: set[str] = set()
    for component in pipeline:
        missing = [r for r in component.requires if r not in done]
        if missing:
            raise ValueError(f"component {component.name!r} needs {missing} to run first")
        done.add(component.name)


def extract(article: Article, pipeline: tuple[Component, ...] = EXTRACTORS) -> Doc:
    """Run the pipeline over the Chinese text of ``article``."""
    doc = Doc.from_article(article)
    for component in pipeline:
        if doc.lang in getattr(component, "languages", ("zh",)):
            component(doc)
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return doc


check_order()

__all__ = ["EXTRACTORS", "DecisionMention", "Doc", "MeetingMention", "Mention", "check_order", "extract"]
