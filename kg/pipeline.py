"""The build: files → articles → facts → triples, one article at a time, and the files written at the end."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rdflib import RDF, Graph
from tqdm import tqdm

from kg import mapping, oxigraph_store
from kg.align import AlignmentComponent
from kg.cache import ExtractionCache
from kg.extract import EXTRACTORS, check_order, extract
from kg.namespace import KG
from kg.reader import ReadError, read_source
from kg.resolve import ArticleFacts, resolve
from kg.sources import Source, count_inputs, iter_sources
from kg.store import NQuadsWriter, new_graph, nquads, remove_leftovers, save, write_atomic

PIPELINE = (*EXTRACTORS, AlignmentComponent())
check_order(PIPELINE)
CLASSES = ("Meeting", "Organization", "Person", "Place", "Policy", "Decision")
# Above this many triples a store build keeps its graph on disk: no SHACL, and the network drawn from a sample.
IN_MEMORY_LIMIT = 1_000_000
OUTPUTS = ("graph.nq", "graph.ttl", "graph.html", "report.json", "graph.nt")


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
    cache_keys: set[str] = field(default_factory=set)

    def as_json(self) -> str:
        return json.dumps({
            "files": self.files, "articles": self.articles, "triples": self.triples,
            "entities": self.entities,
            "failed": [{"file": f, "reason": r} for f, r in self.failed],
            "warnings": [{"file": f, "warning": w} for f, w in self.warnings],
            "shacl": {"violations": self.violations, "warnings": self.shacl_warnings},
            "outputs": self.outputs,
        }, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@dataclass
class FileFacts:
    """What one input file gave: its articles' facts, or the reason it could not be read."""

    path: str
    facts: list[ArticleFacts] = field(default_factory=list)
    quads: list[str] = field(default_factory=list)  # each article's N-Quads, made in the worker
    failure: str = ""
    warnings: list[str] = field(default_factory=list)
    key: str = ""  # its extraction-cache key, when a cache is used


def process_file(source: Source | str | Path, cache: ExtractionCache | None = None) -> FileFacts:
    """Read, extract and resolve the articles of one file (in a worker process when building with -j).

    With a ``cache``, a file whose bytes (and the extractor) have not changed is not extracted again.
    """
    if not isinstance(source, Source):
        source = Source(str(source))
    key = ""
    if cache is not None and not source.problem:
        try:
            key = cache.key(source.name, source.read())
        except OSError:
            key = ""
        if key and (done := cache.get(key)) is not None:
            return done
    try:
        articles = read_source(source)
    except ReadError as exc:
        return FileFacts(source.name, failure=exc.reason)
    facts = [resolve(extract(a, PIPELINE)) for a in articles]
    done = FileFacts(source.name, facts, [nquads(mapping.article_iri(f), mapping.triples(f)) for f in facts],
                     warnings=[w for a in articles for w in a.warnings], key=key)
    if key:
        cache.put(key, done)
    return done


def auto_jobs(files: int) -> int:
    """Worker processes for a build of ``files`` files: one per core, but only where it pays for the start-up."""
    return max(1, min(os.cpu_count() or 1, files // 50))


def worker_context() -> multiprocessing.context.BaseContext:
    """``fork`` while this process has one thread, so workers share its loaded dictionaries; else ``spawn``.

    A fork copies only the calling thread: a lock another thread held (an open Oxigraph store's, say)
    stays locked in the child forever.
    """
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:  # not Linux: count the threads Python knows of
        threads = threading.active_count()
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if threads == 1 and "fork" in methods else "spawn")


def _default_sigterm() -> None:
    """Workers die on SIGTERM (Pool.terminate sends it); only the main process turns it into KeyboardInterrupt."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def iter_facts(
    inputs: Iterable[str | Path],
    report: BuildReport | None = None,
    progress: bool = False,
    jobs: int = 0,
    cache: ExtractionCache | None = None,
) -> Iterator[tuple[ArticleFacts, str]]:
    """Read, extract and resolve each article of each input file, in a stable order: its facts and N-Quads.

    A file that cannot be read is recorded in ``report`` and skipped; the others go on. With
    ``jobs`` > 1, files are extracted in that many worker processes; the results come back in file
    order, so the output is the same whatever the number of workers (0: choose by the file count).
    """
    report = report if report is not None else BuildReport()
    inputs = list(inputs)
    files, archives = count_inputs(inputs)
    jobs = jobs or auto_jobs(files + 1000 * archives)
    sources = iter_sources(inputs)  # lazily: archive members are read as the workers ask for them
    work = partial(process_file, cache=cache)
    with ExitStack() as stack:
        if jobs > 1:
            pool = stack.enter_context(worker_context().Pool(jobs, initializer=_default_sigterm))
            results = pool.imap(work, sources, chunksize=8)
        else:
            results = map(work, sources)
        for done in tqdm(results, total=None if archives else files, desc="articles", unit="file",
                         disable=not progress or files + archives < 2):
            report.files += 1
            if done.key:
                report.cache_keys.add(done.key)
            if done.failure:
                report.failed.append((done.path, done.failure))
                continue
            report.articles += len(done.facts)
            report.warnings.extend((done.path, w) for w in done.warnings)
            yield from zip(done.facts, done.quads, strict=True)


def add_facts(graph: Graph, facts: ArticleFacts) -> None:
    for triple in mapping.triples(facts):
        graph.add(triple)


def build_graph(
    inputs: Iterable[str | Path] | str | Path,
    report: BuildReport | None = None,
    progress: bool = False,
    sink: Callable[[str], None] | None = None,
    jobs: int = 0,
    cache: ExtractionCache | None = None,
) -> Graph:
    """The knowledge graph of the given files and folders, in memory; ``sink`` takes each article's N-Quads."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    graph = new_graph()
    for facts, quads in iter_facts(inputs, report, progress, jobs, cache):
        add_facts(graph, facts)
        if sink is not None:
            sink(quads)
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
    jobs: int = 0,
    cache: str | Path | None = None,
    store: str | Path | None = None,
) -> BuildReport:
    """Build ``graph.ttl``, ``graph.nq`` (one named graph per article), ``graph.html`` and ``report.json``.

    With a ``cache`` folder, files unchanged since the last build are not extracted again. With a ``store``
    folder, the graph goes into an Oxigraph store there instead of memory: each article's triples are streamed
    to disk, so memory stays flat however large the corpus.
    """
    out = Path(out)
    remove_leftovers(out, OUTPUTS)
    report = BuildReport()
    extraction_cache = ExtractionCache(cache) if cache is not None else None
    if store is not None:
        graph = _build_store(inputs, out, Path(store), report, progress, jobs, extraction_cache)
    else:
        graph = _build_memory(inputs, out, report, progress, jobs, extraction_cache)
    if report.articles == 0:
        return report
    if isinstance(graph, Path) and (check or html):
        opened = oxigraph_store.open_store(graph)
        graph = oxigraph_store.to_graph(opened) if report.triples <= IN_MEMORY_LIMIT else opened
    if check:
        _validate(graph, report)
    if html:
        _write_html(graph, out, report)
    if extraction_cache is not None:
        extraction_cache.prune(report.cache_keys)
    report.outputs["report"] = str(out / "report.json")
    write_atomic(out / "report.json", report.as_json())
    return report


def _build_memory(inputs: Iterable[str | Path], out: Path, report: BuildReport, progress: bool, jobs: int,
                  cache: ExtractionCache | None) -> Graph | None:
    """The graph in rdflib, with ``graph.nq`` streamed and ``graph.ttl`` written from memory."""
    quads = NQuadsWriter(out / "graph.nq")
    try:
        graph = build_graph(inputs, report, progress, sink=quads.write, jobs=jobs, cache=cache)
    except BaseException:
        quads.abort()
        raise
    if report.articles == 0:
        quads.abort()
        return None
    report.triples = len(graph)
    report.entities = count_entities(graph)
    report.outputs["nquads"] = str(quads.close())
    report.outputs["turtle"] = str(save(graph, out / "graph.ttl"))
    return graph


def _build_store(inputs: Iterable[str | Path], out: Path, location: Path, report: BuildReport, progress: bool,
                 jobs: int, cache: ExtractionCache | None) -> Path | None:
    """The graph in an Oxigraph store (its folder is returned): no article's triples stay in memory once written.

    The store is opened only once extraction is over: its threads must not be there when workers are forked.
    """
    oxigraph_store.check_location(location)
    scratch = out / ".graph.nt.building"  # a leftover of a killed build is removed by the next one
    quads = NQuadsWriter(out / "graph.nq", triples=scratch)
    builder = None
    try:
        for _facts, lines in iter_facts(inputs, report, progress, jobs, cache):
            quads.write(lines)
        if report.articles == 0:
            quads.abort()
            return None
        quads.close()
        builder = oxigraph_store.StoreBuilder(location)
        builder.load_ntriples(scratch)
        builder.finish()
        report.triples = len(builder.store)
        report.entities = oxigraph_store.class_counts(builder.store, CLASSES)
        report.outputs["nquads"] = str(quads.path)
        report.outputs["turtle"] = str(oxigraph_store.dump(builder.store, out / "graph.ttl"))
        report.outputs["store"] = str(builder.commit())
    except BaseException:
        quads.abort()
        if builder is not None:
            builder.abort()
        raise
    finally:
        scratch.unlink(missing_ok=True)
    return location


def _validate(graph: Graph | oxigraph_store.Store, report: BuildReport) -> None:
    from kg.validate import validate

    if not isinstance(graph, Graph):  # pySHACL works in memory
        report.warnings.append(("SHACL", f"not run: {report.triples:,} triples is more than the {IN_MEMORY_LIMIT:,} "
                                         "pySHACL can check in memory; `kg validate` checks graph files"))
        return
    result = validate(graph)
    report.violations, report.shacl_warnings = result.violations, len(result.warnings)


def _write_html(graph: Graph | oxigraph_store.Store, out: Path, report: BuildReport) -> None:
    from kg.network import render

    view = render(graph if isinstance(graph, Graph) else oxigraph_store.view_graph(graph))
    report.outputs["html"] = str(write_atomic(out / "graph.html", view.html))
    if view.truncated:  # the page says so too
        report.warnings.append((report.outputs["html"], view.summary()[-1].removeprefix("warning: ")))
