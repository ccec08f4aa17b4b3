"""Time until the HTML network of a 1,000-node graph is stable in headless Chromium (network blocked).

    python bench/viz_stable.py [--nodes 1000] [--runs 3] [--graph build/graph.ttl] [--baseline]

"Stable" is the first frame drawn with the final layout (the page sets ``data-kg-stable``); the time
is ``performance.now()`` then, counted from the start of navigation, so it includes parsing the page,
vis-network and the data. ``--baseline`` also times pyvis's default page (physics on) on the same
graph until vis-network reports ``stabilized``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal

from kg.namespace import KG, KGR
from kg.network import MAX_LIMIT, STYLE, render, to_networkx
from kg.store import load, new_graph

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-dev-shm-usage"]
SHARES = {"Meeting": 0.12, "Organization": 0.15, "Person": 0.08, "Place": 0.15, "Policy": 0.1, "Decision": 0.4}


def synthetic(n: int, seed: int = 1) -> Graph:
    """``n`` entities linked as in a real build: meetings convened by a few busy bodies, decisions about policies."""
    rnd = random.Random(seed)
    g = new_graph()
    counts = {c: round(n * s) for c, s in SHARES.items()}
    counts["Decision"] += n - sum(counts.values())
    nodes = {c: [KGR[f"{c.lower()}/{c}{i}"] for i in range(k)] for c, k in counts.items()}
    arts = [KGR[f"article/a{i}"] for i in range(max(1, n // 20))]
    for i, art in enumerate(arts):
        g.add((art, RDF.type, KG.Article))
        g.add((art, KG.sourceFile, Literal(f"1956-{1 + i % 12:02d}_a{i}.md", datatype=XSD.string)))
        g.add((art, KG.publishedOn, Literal(f"1956-{1 + i % 12:02d}-{1 + i % 28:02d}", datatype=XSD.date)))
        g.add((art, KG.page, Literal(1 + i % 4, datatype=XSD.integer)))
    for cls, iris in nodes.items():
        for i, iri in enumerate(iris):
            g.add((iri, RDF.type, KG[cls]))
            g.add((iri, RDFS.label, Literal(f"{STYLE[cls][2]}{i}", lang="zh")))
            g.add((iri, RDFS.label, Literal(f"{cls} {i}", lang="en")))
            g.add((iri, KG.evidence, Literal(f"关于第{i}个{STYLE[cls][2]}的一句证据。", lang="zh")))
            g.add((rnd.choice(arts), KG.mentions, iri))

    def busy(cls: str):
        return nodes[cls][min(int(rnd.paretovariate(1.2)) - 1, len(nodes[cls]) - 1)]

    decisions = iter(nodes["Decision"])
    for meeting in nodes["Meeting"]:
        g.add((meeting, KG.convenedBy, busy("Organization")))
        g.add((meeting, KG.heldIn, busy("Place")))
        g.add((meeting, KG.participant, rnd.choice(nodes["Person"])))
        for _, decision in zip(range(rnd.randint(2, 5)), decisions, strict=False):
            g.add((meeting, KG.decided, decision))
    for decision in nodes["Decision"]:
        g.add((decision, KG.concerns, busy(rnd.choice(("Policy", "Place", "Organization")))))
    return g


def baseline_html(graph: Graph) -> str:
    """pyvis's default page (physics on, nothing precomputed), marked when vis-network reports ``stabilized``."""
    from pyvis.network import Network

    g = to_networkx(graph)
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in g.nodes(data=True):
        net.add_node(node, label=data["zh"], title=data["zh"])
    for s, o in g.edges:
        net.add_edge(s, o)
    mark = ('network.once("stabilized", function () { window.kgStableAt = performance.now(); '
            'document.documentElement.setAttribute("data-kg-stable", "1"); });\n')
    return net.generate_html().replace("return network;", mark + "return network;", 1)


def time_to_stable(browser, path: Path, timeout: float) -> float:
    """Milliseconds from the start of navigation to the first stable frame, in a fresh page."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_selector("html[data-kg-stable]", state="attached", timeout=timeout * 1000)
        return float(page.evaluate("window.kgStableAt"))
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=1000, help="size of the synthetic graph (default: 1000)")
    ap.add_argument("--graph", nargs="+", help="time this built graph instead of a synthetic one")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", action="store_true", help="also time pyvis's default page (slow)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for a page (default: 120)")
    args = ap.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed (pip install playwright)", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2

    graph = load(*args.graph) if args.graph else synthetic(args.nodes)
    started = time.perf_counter()
    view = render(graph, limit=MAX_LIMIT)
    built = time.perf_counter() - started
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    page = folder / "graph.html"
    page.write_text(view.html, encoding="utf-8")
    print(f"graph: {view.nodes:,} nodes, {view.edges:,} edges; page {len(view.html) / 1e6:.2f} MB, "
          f"written in {built:.2f} s (networkx layout and PageRank included)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            times = [time_to_stable(browser, page, args.timeout) for _ in range(args.runs)]
            print(f"kg viz page: stable after {statistics.median(times):,.0f} ms (median of {len(times)}: "
                  + ", ".join(f"{t:,.0f}" for t in times) + ")")
            if args.baseline:
                base = folder / "pyvis-default.html"
                base.write_text(baseline_html(graph), encoding="utf-8")
                try:
                    print(f"pyvis default page: stabilized after {time_to_stable(browser, base, args.timeout):,.0f} ms")
                except Exception as exc:  # a timeout is the finding here
                    print(f"pyvis default page: not stabilized within {args.timeout:.0f} s ({type(exc).__name__})")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
