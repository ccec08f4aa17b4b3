"""The build: files → articles → facts → triples, one article at a time, and the files written at the end."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from rdflib import RDF, Graph
from tqdm import tqdm

from kg import mapping, oxigraph_store
from kg.align import AlignmentComponent
from kg.cache import ExtractionCache, code_version
from kg.extract import EXTRACTORS, check_order, extract
from kg.manifest import FileEntry, Manifest, stamp
from kg.namespace import KG
from kg.reader import ReadError, read_source
from kg.resolve import ArticleFacts, resolve
from kg.sources import Source, count_inputs, input_files, is_archive, iter_sources
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
    cache_pruned: bool = False  # an update of a store discards the entries it replaced itself

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
    facts: list[ArticleFacts] = field(default_factory=list)  # left out where only the N-Quads are wanted
    quads: list[str] = field(default_factory=list)  # each article's N-Quads, made in the worker
    graphs: list[str] = field(default_factory=list)  # each article's IRI, the name of its graph
    failure: str = ""
    warnings: list[str] = field(default_factory=list)
    key: str = ""  # its extraction-cache key, when a cache is used
    archive: str = ""  # the archive it is a member of


def process_file(source: Source | str | Path, cache: ExtractionCache | None = None, facts: bool = True) -> FileFacts:
    """Read, extract and resolve the articles of one file (in a worker process when building with -j).

    With a ``cache``, a file whose bytes (and the extractor) have not changed is not extracted again. Without
    ``facts``, the result carries only the articles' N-Quads (a store build needs no more, and sending the facts
    back from a worker costs as much again as writing them).
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
            return done if facts else replace(done, facts=[])
    try:
        articles = read_source(source)
    except ReadError as exc:
        return FileFacts(source.name, failure=exc.reason, archive=source.archive)
    resolved = [resolve(extract(a, PIPELINE)) for a in articles]
    iris = [mapping.article_iri(f) for f in resolved]
    quads = [nquads(iri, mapping.triples(f)) for iri, f in zip(iris, resolved, strict=True)]
    done = FileFacts(source.name, resolved, quads, [str(iri) for iri in iris],
                     warnings=[w for a in articles for w in a.warnings], key=key, archive=source.archive)
    if key:
        cache.put(key, done)
    return done if facts else replace(done, facts=[])


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


def _in_worker(work: Callable[[Source], FileFacts], source: Source) -> FileFacts:
    """``work(source)`` in a worker; after its first file, what is loaded is frozen out of the collector's walks.

    The first file loads the segmenter's tables, the gazetteers and their automata: a quarter of a million
    objects that live as long as the worker and that every full collection walked again (6-7% of extraction
    time, measured; 2% once frozen).
    """
    global _worker_frozen
    done = work(source)
    if not _worker_frozen:
        gc.freeze()
        _worker_frozen = True
    return done


_worker_frozen = False


def iter_files(
    sources: Iterable[Source],
    report: BuildReport,
    progress: bool = False,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    total: int | None = None,
    facts: bool = True,
) -> Iterator[FileFacts]:
    """What each source file gave, in the order of ``sources``, counted in ``report`` (``facts``: see process_file).

    With ``jobs`` > 1, files are extracted in that many worker processes; the results come back in file
    order, so the output is the same whatever the number of workers.
    """
    work = partial(process_file, cache=cache, facts=facts)
    with ExitStack() as stack:
        if jobs > 1:
            pool = stack.enter_context(worker_context().Pool(jobs, initializer=_default_sigterm))
            results = pool.imap(partial(_in_worker, work), sources, chunksize=8)
        else:
            results = map(work, sources)
        for done in tqdm(results, total=total, desc="articles", unit="file", disable=not progress):
            report.files += 1
            if done.key:
                report.cache_keys.add(done.key)
            if done.failure:
                report.failed.append((done.path, done.failure))
            else:
                report.articles += len(done.graphs)
                report.warnings.extend((done.path, w) for w in done.warnings)
            yield done


def iter_facts(
    inputs: Iterable[str | Path],
    report: BuildReport | None = None,
    progress: bool = False,
    jobs: int = 0,
    cache: ExtractionCache | None = None,
) -> Iterator[tuple[ArticleFacts, str]]:
    """Read, extract and resolve each article of each input file, in a stable order: its facts and N-Quads.

    A file that cannot be read is recorded in ``report`` and skipped; the others go on. ``jobs``: worker
    processes (0: choose by the file count).
    """
    report = report if report is not None else BuildReport()
    inputs = list(inputs)
    files, archives = count_inputs(inputs)
    jobs = jobs or auto_jobs(files + 1000 * archives)
    sources = iter_sources(inputs)  # lazily: archive members are read as the workers ask for them
    progress = progress and files + archives > 1
    for done in iter_files(sources, report, progress, jobs, cache, total=None if archives else files):
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
    progress = progress and report.files > 1  # as the progress bar: not for one file
    if check:
        with _stage("checking the graph against the shapes (SHACL)", progress):
            _validate(graph, report)
    if html:
        with _stage("drawing graph.html", progress):
            _write_html(graph, out, report)
    if extraction_cache is not None and not report.cache_pruned:
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
    with _stage("writing graph.ttl", progress and report.files > 1):
        report.outputs["turtle"] = str(save(graph, out / "graph.ttl"))
    return graph


def _build_store(inputs: Iterable[str | Path], out: Path, location: Path, report: BuildReport, progress: bool,
                 jobs: int, cache: ExtractionCache | None) -> Path | None:
    """The graph in an Oxigraph store (its folder is returned): no article's triples stay in memory once written.

    A store built before with the same extractor, from mostly the same files, is updated in place: only new and
    changed files are read, and only their articles' graphs change. Otherwise the store is built anew beside the
    old one, which it replaces when complete.
    """
    oxigraph_store.check_location(location)
    inputs = list(inputs)
    if cache is not None and (plan := _plan_update(inputs, location, cache)) is not None:
        return _update_store(inputs, out, location, plan, report, progress, jobs, cache)
    return _rebuild_store(inputs, out, location, report, progress, jobs, cache)


@dataclass
class _Plan:
    """An update of a built store: the input files as they are now, and those to extract again or drop."""

    manifest: Manifest
    keys: dict[str, str]  # every input file's cache key, in input order
    changed: list[str]  # new or changed files, in input order
    removed: list[str]
    paths: list[Path]  # the files and archives to open to read the changed files
    restamped: dict[str, list[int]]  # unchanged files with a new size or time


def _plan_update(inputs: list[str | Path], location: Path, cache: ExtractionCache) -> _Plan | None:
    """The files to update the store at ``location`` with; None where rebuilding is right, or faster.

    A file whose size and modification time are those the manifest has is unchanged; any other is read and
    hashed (its cache key: its name, its bytes and the extractor), never extracted, to know whether it changed.
    An archive whose stamp is unchanged is not opened.
    """
    manifest = Manifest.load(location) if oxigraph_store.is_store(location) else None
    if manifest is None or not manifest.complete or manifest.version != cache.version:
        return None
    archives = manifest.archives()
    keys: dict[str, str] = {}
    changed: list[str] = []
    restamped: dict[str, list[int]] = {}
    paths: list[Path] = []
    for path in input_files(inputs):
        name, now = str(path), stamp(path)
        members = archives.get(name) if is_archive(path) else [name] if name in manifest.files else None
        if members and now and all(manifest.files[m].stamp == now for m in members):
            keys.update((m, manifest.files[m].key) for m in members)
            continue
        opened = False
        for source in iter_sources([path]):
            try:
                key = "" if source.problem else cache.key(source.name, source.read())
            except OSError:
                key = ""  # unreadable now: extracted again, so that the build says why
            keys[source.name] = key
            entry = manifest.files.get(source.name)
            if not key or entry is None or entry.key != key:
                changed.append(source.name)
                opened = True
            elif entry.stamp != now:
                restamped[source.name] = now  # touched, same bytes: nothing to extract
        if opened:
            paths.append(path)
    removed = [name for name in manifest.files if name not in keys]
    if len(changed) + len(removed) > max(UPDATE_LIMIT, len(keys) // 10):
        return None
    shared = manifest.shared_graphs()
    if shared and any(g in shared for name in changed + removed for g in manifest.files.get(name, _NONE).graphs):
        return None
    return _Plan(manifest, keys, changed, removed, paths, restamped)


def _update_store(inputs: list[str | Path], out: Path, location: Path, plan: _Plan, report: BuildReport,
                  progress: bool, jobs: int, cache: ExtractionCache) -> Path:
    """Extract the plan's changed files and replace their articles' graphs in the store, in place.

    The manifest is marked incomplete while the store changes: if this is interrupted, the next build rebuilds.
    """
    manifest = plan.manifest
    wanted = set(plan.changed)
    stamps: dict[str, list[int]] = {}
    sources = _stamped((s for s in iter_sources(plan.paths) if s.name in wanted), stamps)
    workers = min(jobs or os.cpu_count() or 1, auto_jobs(len(wanted)))  # a pool pays only for many files
    done = list(iter_files(sources, BuildReport(), progress and len(wanted) > 1, workers, cache, total=len(wanted),
                           facts=False))
    stale = {manifest.files[name].key for name in plan.changed + plan.removed if name in manifest.files}
    if done and _claims_kept_graphs(manifest, done, wanted | set(plan.removed)):
        return _rebuild_store(inputs, out, location, report, progress, jobs, cache)
    if plan.changed or plan.removed or plan.restamped:  # else the store and its manifest stay as they are
        with _stage("updating the store", progress):
            _apply_update(location, plan, done, stamps)
    _report_from_manifest(manifest, plan.keys, report)
    cache.discard(stale - set(plan.keys.values()))
    report.cache_pruned = True
    report.outputs["store"] = str(location)
    return location


def _claims_kept_graphs(manifest: Manifest, done: list[FileFacts], replaced: set[str]) -> bool:
    """Whether a new or changed file gives an article IRI that a file staying as it is has (a rebuild is right)."""
    kept = {g for name, e in manifest.files.items() if name not in replaced for g in e.graphs}
    return any(g in kept for d in done for g in d.graphs)


def _apply_update(location: Path, plan: _Plan, done: list[FileFacts], stamps: dict[str, list[int]]) -> None:
    """Replace the changed and removed files' articles in the store by ``done``, and record it in the manifest."""
    manifest = plan.manifest
    dropped = [g for name in plan.changed + plan.removed for g in manifest.files.get(name, _NONE).graphs]
    store = oxigraph_store.ox.Store(str(location))
    try:
        manifest.begin_update(location)
        triples, classes = oxigraph_store.replace_articles(store, dropped, "".join(q for d in done for q in d.quads))
        for name in plan.removed:
            del manifest.files[name]
        for d in done:
            manifest.files[d.path] = _entry(d, stamps)
        for name, now in plan.restamped.items():
            manifest.files[name].stamp = now
        manifest.triples += triples
        for name in CLASSES:
            manifest.entities[name] = manifest.entities.get(name, 0) + classes[str(KG[name])]
        store.flush()
        manifest.save(location)
    finally:
        del store
        gc.collect()  # pyoxigraph closes the database when the Store object goes


_NONE = FileEntry("")
UPDATE_LIMIT = 1000  # files changed, added or removed that a store is updated with rather than rebuilt (or 10 %)


def _stamped(sources: Iterable[Source], stamps: dict[str, list[int]]) -> Iterator[Source]:
    """The sources, each file's (or its archive's) stamp taken before a worker reads it: a later edit shows."""
    for source in sources:
        where = source.archive or source.name
        if where not in stamps:
            stamps[where] = stamp(where)
        yield source


def _entry(done: FileFacts, stamps: dict[str, list[int]]) -> FileEntry:
    stamped = stamps.get(done.archive or done.path, [])
    return FileEntry(done.key, done.graphs, done.failure, done.warnings, stamped, done.archive)


def _report_from_manifest(manifest: Manifest, keys: dict[str, str], report: BuildReport) -> None:
    """The figures of a whole build, from what each file gave (in input order, as a full build reports them)."""
    for name in keys:
        entry = manifest.files[name]
        report.files += 1
        report.cache_keys.add(entry.key)
        if entry.failure:
            report.failed.append((name, entry.failure))
        else:
            report.articles += len(entry.graphs)
            report.warnings.extend((name, w) for w in entry.warnings)
    report.triples = manifest.triples
    report.entities = {name: manifest.entities.get(name, 0) for name in CLASSES}


def _rebuild_store(inputs: list[str | Path], out: Path, location: Path, report: BuildReport, progress: bool,
                   jobs: int, cache: ExtractionCache | None) -> Path | None:
    """A new store from every file, bulk-loaded as the files are extracted, with its manifest; it replaces the old
    store when complete."""
    manifest = Manifest(cache.version if cache is not None else code_version())
    files, archives = count_inputs(inputs)
    stamps: dict[str, list[int]] = {}
    progress = progress and files + archives > 1  # as the progress bar: not for one file
    builder = oxigraph_store.StoreBuilder(location)
    try:
        sources = _stamped(iter_sources(inputs), stamps)
        for done in iter_files(sources, report, progress,
                               jobs or auto_jobs(files + 1000 * archives), cache, None if archives else files,
                               facts=False):
            manifest.files[done.path] = _entry(done, stamps)
            for lines in done.quads:
                builder.add(lines)
        if report.articles == 0:
            builder.abort()
            return None
        with _stage("finishing the store: the last triples, one label per language, compaction", progress):
            builder.finish()
            report.triples = manifest.triples = oxigraph_store.default_graph_size(builder.store)
            report.entities = manifest.entities = oxigraph_store.class_counts(builder.store, CLASSES)
            manifest.save(builder.folder)
            report.outputs["store"] = str(builder.commit())
    except BaseException:
        builder.abort()
        raise
    return location


@contextmanager
def _stage(what: str, progress: bool) -> Iterator[None]:
    """Say on stderr what a build does after its progress bar, and how long it took (with ``progress`` only)."""
    if not progress:
        yield
        return
    print(f"{what} …", end="", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f" {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)


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
