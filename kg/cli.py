"""The ``kg`` command: build, query, viz, validate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import __version__

# Exit statuses of `kg build`: all good, some files skipped, nothing built, bad usage or SHACL failure.
OK, SKIPPED, NOTHING, FAILED = 0, 3, 4, 1


def _build(args: argparse.Namespace) -> int:
    from kg.pipeline import CLASSES, build

    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing:
        print(f"kg build: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return NOTHING
    report = build(args.inputs, args.out, html=not args.no_html, check=not args.no_validate,
                   progress=not args.quiet)
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
    from kg.query import format_result, query
    from kg.store import load

    bindings = {}
    for spec in args.bind:
        name, sep, value = spec.partition("=")
        if not sep or not name.isidentifier():
            raise ValueError(f"--bind takes NAME=VALUE, not {spec!r}")
        bindings[name] = value
    graph = load(*args.graph)
    print(format_result(query(graph, args.query, bindings), args.format))
    return OK


def _viz(args: argparse.Namespace) -> int:
    from kg.store import load
    from kg.viz import write_html

    graph = load(*args.graph)
    print(f"html: {write_html(graph, args.out, lang=args.lang)}")
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
    b.set_defaults(func=_build)

    q = sub.add_parser("query", help="run a SPARQL query (file or string) over a built graph")
    q.add_argument("query", help="a .rq file or a SPARQL string")
    q.add_argument("--graph", nargs="+", default=["build/graph.ttl"], help="graph file(s) (default: build/graph.ttl)")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to a string value (safely, never pasted into the query)")
    q.set_defaults(func=_query)

    v = sub.add_parser("viz", help="write the interactive HTML network of a graph")
    v.add_argument("graph", nargs="+", help="graph file(s)")
    v.add_argument("--out", default="build/graph.html")
    v.add_argument("--lang", choices=("zh", "en", "both"), default="zh", help="label language")
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
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; earlier output left as it was", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
