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
PIPELINE = (OrganizationExtractor(generic=True), PlaceExtractor(ner=True), PersonExtractor())


# Forms of address after a surname that titles.tsv, a list of titles after full names, leaves out.
_ADDRESS = frozenset("老 某 老师 小姐 太太 师傅 大爷 大娘 阿姨 大姐 大哥 老汉".split())


def _surname_before_title(name: str) -> str:
    """The surname of 江主席, 李老师 or 欧阳先生; empty for a full name."""
    for k in (1, 2):
        rest = name[k:]
        if name[:k] in lexicon.surnames() and (rest in _ADDRESS or rest in lexicon.titles()):
            return name[:k]
    return ""


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
        start, end, kind = m.start, m.end, TYPES[m.kind]
        if m.kind == PERSON and (surname := _surname_before_title(m.text)):
            end = m.start + len(surname)  # 江主席, 李老师, 郑某: the corpus tags the surname alone
        elif m.kind == ORGANIZATION and m.text.endswith("政府") and m.text[:-2] in lexicon.places():
            end, kind = m.end - 2, "LOC"  # 埃及政府: the corpus tags the country and leaves 政府 out
        elif m.kind == ORGANIZATION and (m.text.endswith("政府") or (
                m.text.endswith(("军队", "部队", "球队")) and m.text[:-2] in lexicon.places())):
            continue  # 特区政府, 美国军队: neither; the place inside, if any, stands alone
        elif m.kind == PLACE and m.text[0] == "新" and lexicon.places().get(m.text[1:]) is not None and \
                lexicon.places().get(m.text) is lexicon.places().get(m.text[1:]):
            start = m.start + 1  # 新中国: the corpus tags the country's name alone
        elif m.kind == PLACE and m.text.endswith("地区") and len(m.text) > 3:
            if m.text[:-2] not in lexicon.places():
                continue  # 沿海地区, 贫困地区: no name before 地区
            end = m.end - 2  # 东北地区, 亚太地区: the corpus tags the name and leaves 地区 out
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append([start, end, kind])
    return sorted(out)


def tag_lines(lines: Iterable[str]) -> Iterator[list[list[int | str]]]:
    for line in lines:
        yield spans(line)
