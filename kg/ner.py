"""Named-entity spans (PER, LOC, ORG) from the project's own extractors, for sentence-level NER corpora.

``kg ner`` reads one sentence a line and writes, per line, a JSON list of ``[start, end, type]``
spans (end exclusive), so that the extractors can be scored on the People's Daily 1998 NER corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg import lexicon
from kg.article import Article
from kg.extract.base import ORGANIZATION, PERSON, PLACE, Doc
from kg.extract.organizations import OrganizationExtractor
from kg.extract.persons import PersonExtractor
from kg.extract.places import PlaceExtractor
from kg.reader import split_text

TYPES = {PERSON: "PER", PLACE: "LOC", ORGANIZATION: "ORG"}
PIPELINE = (OrganizationExtractor(generic=True), PlaceExtractor(), PersonExtractor())


def spans(sentence: str) -> list[list[int | str]]:
    """Non-overlapping ``[start, end, type]`` spans of ``sentence``, outermost first."""
    text = sentence.strip("\n")
    if not text.strip():
        return []
    article = Article(source="<ner>", title_zh="")
    article.zh = split_text([("body", text)], "zh")
    doc = Doc.from_article(article)
    for component in PIPELINE:
        component(doc)
    out: list[list[int | str]] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(doc.mentions, key=lambda m: (-(m.end - m.start), m.start)):
        end, kind = m.end, TYPES[m.kind]
        if m.rule == "surname+office":  # 江主席: the corpus tags the name alone
            end = m.start + 1
        elif m.kind == ORGANIZATION and m.text.endswith("政府") and m.text[:-2] in lexicon.places():
            end, kind = m.end - 2, "LOC"  # 埃及政府: the corpus tags the country and leaves 政府 out
        if any(m.start < e and s < end for s, e in taken):
            continue
        taken.append((m.start, end))
        out.append([m.start, end, kind])
    return sorted(out)


def tag_lines(lines: Iterable[str]) -> Iterator[list[list[int | str]]]:
    for line in lines:
        yield spans(line)
