"""The build: files → articles → facts → triples, one article at a time, and the files written at the end."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph
from tqdm import tqdm

from kg import mapping
from kg.align import AlignmentComponent
from kg.extract import EXTRACTORS, check_order, extract
from kg.namespace import KG
from kg.reader import ReadError, iter_files, read_file
from kg.resolve import ArticleFacts, resolve
from kg.store import NQuadsWriter, new_graph, save, write_atomic

PIPELINE = (*EXTRACTORS, AlignmentComponent())
check_order(PIPELINE)
CLASSES = ("Meeting", "Organization", "Person", "Place", "Policy", "Decision")


@dataclass
class BuildReport:
    """What a build read, skipped and produced: printed as the summary and saved as report.json."""

    files: int = 0
    articles: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    violations: list[str] = field(default_factory=list)
    shacl_warnings: int = 0
    outputs: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> str:
        return json.dumps({
            "files": self.files, "articles": self.articles, "triples": self.triples,
            "entities": self.entities,
            "failed": [{"file": f, "reason": r} for f, r in self.failed],
            "warnings": [{"file": f, "warning": w} for f, w in self.warnings],
            "shacl": {"violations": self.violations, "warnings": self.shacl_warnings},
            "outputs": self.outputs,
        }, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def iter_facts(
    inputs: Iterable[str | Path],
    report: BuildReport | None = None,
    progress: bool = False,
) -> Iterator[ArticleFacts]:
    """Read, extract and resolve each article of each input file, in a stable order.

    A file that cannot be read is recorded in ``report`` and skipped; the others go on.
    """
    report = report if report is not None else BuildReport()
    files = list(iter_files(inputs))
    for path in tqdm(files, desc="articles", unit="file", disable=not progress or len(files) < 2):
        report.files += 1
        try:
            articles = read_file(path)
        except ReadError as exc:
            report.failed.append((str(path), exc.reason))
            continue
        for article in articles:
            report.articles += 1
            report.warnings.extend((str(path), w) for w in article.warnings)
            yield resolve(extract(article, PIPELINE))


def add_facts(graph: Graph, facts: ArticleFacts) -> None:
    for triple in mapping.triples(facts):
        graph.add(triple)


def build_graph(
    inputs: Iterable[str | Path] | str | Path,
    report: BuildReport | None = None,
    progress: bool = False,
    sink: Callable[[ArticleFacts], None] | None = None,
) -> Graph:
    """The knowledge graph of the given files and folders, in memory."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    graph = new_graph()
    for facts in iter_facts(inputs, report, progress):
        add_facts(graph, facts)
        if sink is not None:
            sink(facts)
    mapping.one_label_per_language(graph)
    return graph


def count_entities(graph: Graph) -> dict[str, int]:
    return {name: len(set(graph.subjects(RDF.type, KG[name]))) for name in CLASSES}


def build(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    html: bool = True,
    check: bool = True,
    progress: bool = True,
) -> BuildReport:
    """Build ``graph.ttl``, ``graph.nq`` (one named graph per article), ``graph.html`` and ``report.json``."""
    from kg.validate import validate

    out = Path(out)
    report = BuildReport()
    quads = NQuadsWriter(out / "graph.nq")
    try:
        graph = build_graph(inputs, report, progress,
                            sink=lambda facts: quads.write(mapping.article_iri(facts), mapping.triples(facts)))
    except BaseException:
        quads.abort()
        raise
    report.triples = len(graph)
    report.entities = count_entities(graph)
    if report.articles == 0:
        quads.abort()
        return report
    report.outputs["nquads"] = str(quads.close())
    if check:
        result = validate(graph)
        report.violations, report.shacl_warnings = result.violations, len(result.warnings)
    report.outputs["turtle"] = str(save(graph, out / "graph.ttl"))
    if html:
        from kg.network import render

        view = render(graph)
        report.outputs["html"] = str(write_atomic(out / "graph.html", view.html))
        if view.truncated:  # the page says so too
            report.warnings.append((report.outputs["html"], view.summary()[-1].removeprefix("warning: ")))
    report.outputs["report"] = str(out / "report.json")
    write_atomic(out / "report.json", report.as_json())
    return report
