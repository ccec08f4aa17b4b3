"""The Python API: ``kg.build``, ``kg.query``, ``kg.label`` and ``kg.viz``.

    from kg import build, label, query
    g = build("seeds/")
    rows = query(g, "queries/meetings.rq")
    rows = query(g, "queries/entity_articles.rq", name=label("河北省"))
    kg.viz(g)            # in Jupyter: the network, inline
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from kg.pipeline import build_graph
from kg.sparql import label as label  # re-exported: kg.label
from kg.sparql import query as run_query
from kg.store import load


def build(inputs: str | Path | Iterable[str | Path], *, progress: bool = False) -> Graph:
    """The knowledge graph of article files and folders (searched recursively), in memory; nothing is written."""
    paths = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    return build_graph(paths, progress=progress)


def _graph(graph: Graph | str | Path) -> Graph:
    if isinstance(graph, Graph):
        return graph
    path = Path(graph)
    if path.is_dir():  # a build folder
        path = next((path / n for n in ("graph.nq", "graph.ttl") if (path / n).is_file()), path / "graph.ttl")
    return load(path)


def query(
    graph: Graph | str | Path,
    sparql: str | Path,
    bindings: dict[str, object] | None = None,
    **values: object,
) -> Result:
    """Run a SPARQL query (a ``.rq`` file or a string) over a graph, a graph file or a build folder.

    Values for variables go in ``bindings`` or as keywords, never into the query text. The canned queries match
    names exactly, with their language tag: ``name=label("河北省委")`` (``kg.label``), not ``name="河北省委"``.
    Iterate over the result for its rows (``row.name``); ``.graph`` holds a CONSTRUCT's triples.
    """
    return run_query(_graph(graph), sparql, {**(bindings or {}), **values})


def viz(
    graph: Graph | str | Path,
    path: str | Path | None = None,
    *,
    lang: str = "zh",
    height: int = 650,
    **filters: object,
) -> object:
    """Draw the interactive network; in IPython/Jupyter, return it for inline display, else the HTML file's path.

    The page is written to ``path`` (default: a temporary file) by ``kg.network.write_html``, which also takes the
    ``filters`` (those of ``kg viz``: focus, depth, types, since, until, query, limit).
    """
    from kg.network import write_html  # the heavy part (pyvis, networkx) only when drawing

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="kg-viz-")) / "graph.html"
    path = Path(path)
    write_html(_graph(graph), path, lang=lang, **filters)
    try:
        from IPython.display import HTML
    except ImportError:
        return path
    # srcdoc keeps the page's scripts in their own document and needs no file server behind the notebook
    # (IFrame needs a URL the notebook can serve); the div only spares IPython's "use IFrame" warning.
    page = html.escape(path.read_text(encoding="utf-8"), quote=True)
    return HTML(f'<div><iframe srcdoc="{page}" style="width:100%;height:{int(height)}px;border:0" '
                f'title="{html.escape(path.name)}"></iframe></div>')
