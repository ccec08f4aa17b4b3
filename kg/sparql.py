"""SPARQL over a built graph: run a query file or string, and print its results."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from kg.namespace import KG, KGR

PREFIXES = {"kg": KG._NS, "kgr": KGR, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


_CJK = re.compile(r"[\u4e00-\u9fff]")


def label(text: str, lang: str | None = None) -> Literal:
    """``text`` as a label to look an entity up by: tagged ``lang``, else ``zh`` when it has Chinese, else ``en``.

    The canned queries match names exactly (an index lookup, quick on any graph), so a name must carry the
    language tag of the label it is meant to equal: ``label("河北省委")`` is ``"河北省委"@zh``. "Has Chinese" is
    the rule the build tags entity labels by (``kg.resolve``: a character in U+4E00–U+9FFF).
    """
    if lang is None:
        lang = "zh" if _CJK.search(text) else "en"
    return Literal(text, lang=lang)


def query_text(query: str | Path) -> str:
    """The SPARQL text of ``query``: a file's content when it names a file, else the string itself."""
    if isinstance(query, str) and ("\n" in query or "{" in query):
        return query  # a query, not a file name (and perhaps too long to be one)
    path = Path(query)
    if path.suffix in {".rq", ".sparql"} and not path.is_file():
        raise FileNotFoundError(f"{path}: no such query file")
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return str(query)


def query(graph: Graph, query: str | Path, bindings: dict[str, object] | None = None) -> Result:
    """Run a SPARQL query (file or string); user values go in ``bindings``, never into the text."""
    init = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in (bindings or {}).items()}
    return graph.query(query_text(query), initNs=PREFIXES, initBindings=init)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def format_result(result: Result, fmt: str = "table") -> str:
    """Rows as an aligned table, CSV or JSON; a CONSTRUCT/DESCRIBE result as Turtle."""
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        return json.dumps(bool(result.askAnswer)) if fmt == "json" else str(bool(result.askAnswer))
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[v]) for v in result.vars] for row in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r, strict=False)) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r} (table, csv, json)")
    rows = [[c.replace(str(KGR), "kgr:") for c in r] for r in rows]
    widths = [max([_width(n)] + [_width(r[i][:60]) for r in rows]) for i, n in enumerate(names)]
    lines = [" | ".join(_pad(n, w) for n, w in zip(names, widths, strict=False)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c[:60], w) for c, w in zip(r, widths, strict=False)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
