"""The ``kg`` command: build, query, viz, validate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import __version__

# Exit statuses of `kg build`: all good, some files skipped, nothing built, bad usage or SHACL failure.
OK, SKIPPED, NOTHING, FAILED = 0, 3, 4, 1


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _on_sigterm_interrupt() -> None:
    """Let `kill` stop the command the way Ctrl-C does, so its cleanup runs (only the main thread may set it)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


def _build(args: argparse.Namespace) -> int:
    from kg.pipeline import CLASSES, build

    _on_sigterm_interrupt()  # temporary files and a half-built store are removed

    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing:
        print(f"kg build: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return NOTHING
    store = None
    if args.store:
        from kg.oxigraph_store import store_location

        store = store_location(args.store)
    report = build(args.inputs, args.out, html=not args.no_html, check=not args.no_validate,
                   progress=not args.quiet, jobs=args.jobs,
                   cache=None if args.no_cache else (args.cache or Path(args.out) / ".kg-cache"), store=store)
    print(f"read {report.files} file(s): {report.articles} article(s), {len(report.failed)} skipped")
    if report.articles:
        print("entities: " + ", ".join(f"{report.entities[c]} {c}" for c in CLASSES))
        print(f"triples: {report.triples}")
    if report.warnings:
        print(f"warnings: {len(report.warnings)}")
        for path, warning in report.warnings[:10]:
            print(f"  {path}: {warning}")
    if not args.no_validate and report.articles:
        status = "valid" if not report.violations else f"{len(report.violations)} violation(s)"
        print(f"SHACL: {status}, {report.shacl_warnings} warning(s)")
        for line in report.violations[:10]:
            print(f"  {line}")
    for path, reason in report.failed:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    for kind, path in report.outputs.items():
        print(f"{kind}: {path}")
    if report.articles == 0:
        print("kg build: no article could be read; nothing written", file=sys.stderr)
        return NOTHING
    if report.violations:
        return FAILED
    return SKIPPED if report.failed else OK


def _query(args: argparse.Namespace) -> int:
    from kg.sparql import format_result, label, query
    from kg.store import load

    bindings = {}
    for option, specs, make in (("--bind", args.bind, str), ("--label", args.label, label)):
        for spec in specs:
            name, sep, value = spec.partition("=")
            if not sep or not name.isidentifier():
                raise ValueError(f"{option} takes NAME=VALUE, not {spec!r}")
            bindings[name] = make(value)
    if args.lang:
        bindings["lang"] = args.lang
    store = _store_arg(args.store, args.graph)
    if store is not None:
        from kg import oxigraph_store

        result = oxigraph_store.query(oxigraph_store.open_store(store), args.query, bindings)
    else:
        result = query(load(*(args.graph or ["build/graph.ttl"])), args.query, bindings)
    print(format_result(result, args.format))
    return OK


def _store_arg(store: str | None, graphs: list[str]) -> Path | None:
    """The Oxigraph store to read: ``--store``, or a store folder given as the only graph."""
    from kg.oxigraph_store import is_store, store_location

    if store:
        if graphs:
            raise ValueError("give graph files or --store, not both")
        return store_location(store)
    if len(graphs) == 1 and is_store(graphs[0]):
        return Path(graphs[0])
    return None


def _viz(args: argparse.Namespace) -> int:
    from kg.network import render
    from kg.store import load, write_atomic

    store = _store_arg(args.store, args.graph)
    if store is not None:
        from kg import oxigraph_store

        graph = oxigraph_store.view_graph(oxigraph_store.open_store(store), focus=args.focus, depth=args.depth,
                                          since=args.since, until=args.until, query=args.query, limit=args.limit)
        names = [store.name]
    elif args.graph:
        graph, names = load(*args.graph), [Path(p).name for p in args.graph]
    else:
        raise ValueError("give graph file(s) or --store")
    view = render(graph, args.lang, focus=args.focus, depth=args.depth, types=args.types, since=args.since,
                  until=args.until, query=args.query if store is None else None, limit=args.limit,
                  title=" + ".join(names))
    for line in view.summary():
        print(line, file=sys.stderr if line.startswith("warning") else sys.stdout)
    print(f"html: {write_atomic(args.out, view.html)}")
    return OK


def _validate(args: argparse.Namespace) -> int:
    from kg.store import load
    from kg.validate import validate

    result = validate(load(*args.graph))
    for line in result.violations:
        print(f"Violation: {line}")
    for line in result.warnings:
        print(f"Warning: {line}")
    print(f"{'conforms' if result.conforms else 'does not conform'}: "
          f"{len(result.violations)} violation(s), {len(result.warnings)} warning(s)")
    return OK if result.conforms else FAILED


def _eval(args: argparse.Namespace) -> int:
    import json

    from kg.evaluate import read_gold, score
    from kg.pipeline import BuildReport, build_graph
    from kg.store import load

    gold = read_gold(args.gold)
    if args.graph:
        graph = load(*args.graph)
    else:
        report = BuildReport()
        graph = build_graph(args.corpus, report, progress=not args.quiet)
        for path, reason in report.failed:
            print(f"skipped {path}: {reason}", file=sys.stderr)
    result = score(graph, gold)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.table())
    if args.errors:
        for e in sorted(result.errors, key=lambda e: (e.file, e.key, e.kind, e.text)):
            where = f"  « {e.evidence[:100]} »" if e.evidence else ""
            print(f"{e.kind} {e.key:<14} {e.file[:40]:<40} {e.text}{where}")
    return OK


def _ner(args: argparse.Namespace) -> int:
    import json

    from kg.ner import tag_lines

    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    with source:
        for spans in tag_lines(source):
            print(json.dumps(spans, ensure_ascii=False))
    return OK


def _serve(args: argparse.Namespace) -> int:
    from kg.serve import ServeError, start

    _on_sigterm_interrupt()  # both servers stop and the temporary store is removed
    try:
        server = start(args.source, args.port, host=args.host, allow_update=args.allow_update,
                       page_port=args.page_port, store=args.store, queries=args.queries)
    except ServeError as exc:
        print(f"kg serve: {exc}", file=sys.stderr)
        return FAILED
    try:
        mode = "read-write: SPARQL updates allowed" if args.allow_update else "read-only"
        print(f"SPARQL endpoint: {server.endpoint} ({mode})")
        if args.allow_update:
            print(f"SPARQL update: {server.update_endpoint}")
        print(f"graph store: {server.store_endpoint}")
        if server.page_url:
            print(f"query page: {server.page_url}")
        print(f"store: {server.location}" + (" (temporary: removed when the server stops)" if server.temporary else ""))
        print("Ctrl-C stops the server", flush=True)
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        server.stop()
    if status:
        print(f"kg serve: the Oxigraph server stopped with status {status}", file=sys.stderr)
        return FAILED
    return OK


def _export(args: argparse.Namespace) -> int:
    from kg.export import export

    result = export(args.graph, args.format, args.out, lang=args.lang)
    for warning in result.warnings:
        print(f"kg export: warning: {warning}", file=sys.stderr)
    for path in result.outputs:
        print(f"{args.format}: {path}")
    if result.outputs:
        graphs = f" in {result.named_graphs} named graph(s)" if args.format in ("nq", "trig") else ""
        print(f"{result.triples} triples{graphs}")
    return OK


def _push(args: argparse.Namespace) -> int:
    import getpass
    import os

    from kg.push import Auth, PushError, push

    user, _, password = (args.user or "").partition(":")
    if user and not password:
        password = os.environ.get("KG_PUSH_PASSWORD") or (getpass.getpass(f"password for {user}: ")
                                                          if sys.stdin.isatty() else "")
    token = args.token if args.token is not None else (None if user else os.environ.get("KG_PUSH_TOKEN"))
    auth = Auth(user=user or None, password=password or None, token=token or None, digest=args.digest)
    try:
        report = push(args.graph, args.endpoint, args.into, auth=auth, replace=not args.append, timeout=args.timeout)
    except PushError as exc:
        print(f"kg push: {exc}", file=sys.stderr)
        return FAILED
    verb = "added to" if args.append else "replaced"
    print(f"pushed {report.triples} triples: {verb} {len(report.graphs)} graph(s) at {args.endpoint}")
    return OK


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from People's Daily articles.")
    ap.add_argument("--version", action="version", version=f"rmrb-kg {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build a graph from article files and folders")
    b.add_argument("inputs", nargs="+", help="article files or folders (searched recursively)")
    b.add_argument("--out", default="build", help="output folder (default: build/)")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes for extraction (default: one per core for large inputs)")
    b.add_argument("--cache", metavar="DIR", help="extraction cache (default: OUT/.kg-cache)")
    b.add_argument("--no-cache", action="store_true", help="extract every file again")
    b.add_argument("--store", metavar="oxigraph:DIR",
                   help="put the graph in an Oxigraph store on disk (for large corpora: memory stays flat)")
    b.set_defaults(func=_build)

    q = sub.add_parser("query", help="run a SPARQL query (file or string) over a built graph")
    q.add_argument("query", help="a .rq file or a SPARQL string")
    q.add_argument("--graph", nargs="+", default=[],
                   help="graph file(s), or an Oxigraph store folder (default: build/graph.ttl)")
    q.add_argument("--store", metavar="oxigraph:DIR", help="query the Oxigraph store that kg build --store wrote")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--lang", help="label language for the canned queries (en, zh-Latn-pinyin …; default zh)")
    q.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to a string value (safely, never pasted into the query)")
    q.add_argument("--label", action="append", default=[], metavar="NAME=TEXT",
                   help="bind ?NAME to TEXT as a label, tagged @zh when it has Chinese, else @en: what the canned "
                        "queries' ?name and ?org match exactly")
    q.set_defaults(func=_query)

    v = sub.add_parser("viz", help="write the interactive HTML network of a graph (one file, works offline)")
    v.add_argument("graph", nargs="*", help="graph file(s), or an Oxigraph store folder")
    v.add_argument("--store", metavar="oxigraph:DIR", help="draw from the Oxigraph store that kg build --store wrote")
    v.add_argument("--out", default="build/graph.html")
    v.add_argument("--lang", choices=("zh", "en", "both"), default="zh", help="label language")
    v.add_argument("--focus", metavar="ENTITY", help="only the neighbourhood of this entity (a label, zh or en)")
    v.add_argument("--depth", type=int, default=1, help="steps from --focus (default: 1)")
    v.add_argument("--types", metavar="CLASSES", help="only these classes, e.g. Meeting,Organization")
    v.add_argument("--since", metavar="DATE", help="only nodes dated or reported on or after YYYY[-MM[-DD]]")
    v.add_argument("--until", metavar="DATE", help="only nodes dated or reported on or before YYYY[-MM[-DD]]")
    v.add_argument("--query", metavar="FILE.rq", help="only the entities a SELECT returns, or what a CONSTRUCT makes")
    v.add_argument("--limit", type=int, default=1000,
                   help="keep at most this many nodes, the most important by PageRank (default: 1000, at most 3000)")
    v.set_defaults(func=_viz)

    e = sub.add_parser("eval", help="score extraction against gold annotations (JSON Lines)")
    e.add_argument("corpus", nargs="*", help="article files or folders to build and score")
    e.add_argument("--gold", required=True, help="gold annotations, one JSON object per article")
    e.add_argument("--graph", nargs="+", help="score this built graph instead of building the corpus")
    e.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    e.set_defaults(func=_eval)

    n = sub.add_parser("ner", help="PER/LOC/ORG spans for sentences, one per line (JSON lists)")
    n.add_argument("input", nargs="?", default="-", help="a file of sentences, one per line (default: stdin)")
    n.set_defaults(func=_ner)

    c = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    c.add_argument("graph", nargs="+", help="graph file(s)")
    c.set_defaults(func=_validate)

    s = sub.add_parser("serve", help="serve a graph as a SPARQL 1.1 endpoint (Oxigraph), with a query page")
    s.add_argument("source", nargs="+", metavar="GRAPH_OR_STORE",
                   help="graph file(s), a build folder (its graph.nq) or an Oxigraph store folder")
    s.add_argument("--port", type=int, default=7878, help="port of the SPARQL endpoint (default: 7878)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--page-port", type=int, help="port of the query page (default: PORT+1; 0: no page)")
    s.add_argument("--allow-update", action="store_true", help="accept SPARQL updates and Graph Store writes")
    s.add_argument("--store", metavar="DIR", help="load into this new folder and keep it, to serve it again later")
    s.add_argument("--queries", metavar="DIR", help="the query page's example .rq files (default: queries/)")
    s.set_defaults(func=_serve)

    x = sub.add_parser("export", help="export a graph as ttl, nt, nq, trig, jsonld, graphml or csv")
    x.add_argument("graph", nargs="+",
                   help="graph file(s), or a build folder (its graph.nq, which keeps one named graph per article)")
    x.add_argument("--format", required=True, help="ttl, nt, nq, trig, jsonld, graphml or csv (nodes and edges)")
    x.add_argument("--out", default="-", help="output file (default: stdout); for csv, a folder")
    x.add_argument("--lang", choices=("zh", "en"), default="zh", help="node labels of graphml and csv (default: zh)")
    x.set_defaults(func=_export)

    u = sub.add_parser("push", help="send a graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol)")
    u.add_argument("graph", nargs="+", help="graph file(s), or a build folder (its graph.nq)")
    u.add_argument("--endpoint", required=True, help="Graph Store endpoint, e.g. http://localhost:7878/store")
    u.add_argument("--graph", dest="into", metavar="IRI",
                   help="put every triple in this graph (default: each article's named graph as itself)")
    u.add_argument("--append", action="store_true", help="add to the graphs (POST) instead of replacing them (PUT)")
    u.add_argument("--user", metavar="USER[:PASSWORD]",
                   help="basic auth; the password else from $KG_PUSH_PASSWORD or a prompt")
    u.add_argument("--digest", action="store_true", help="digest auth instead of basic (Virtuoso)")
    u.add_argument("--token", help="bearer token (default: $KG_PUSH_TOKEN)")
    u.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for each request (default: 300)")
    u.set_defaults(func=_push)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return FAILED
    except BrokenPipeError:  # the reader went away (kg query … | head): not an error
        sys.stderr.close()
        return OK
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; earlier output left as it was", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
