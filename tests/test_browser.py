"""The page in a real browser: Debian's chromium driven by playwright, with the network blocked.

Skips when playwright or chromium is missing. ``KG_SCREENSHOT=1`` also writes the README's
screenshot, docs/graph.png.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.namespace import KG
from kg.network import STYLE, render, write_html
from kg.pipeline import build_graph
from tests.conftest import ROOT, SEED
from tests.test_viz import HEBEI, HOSTILE, MEETING, hostile_graph, neighbours, synthetic_graph

CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: browser tests skipped")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) for the browser tests")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return build_graph(SEED)


@dataclass
class Opened:
    """A page and everything it tried to do."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def drawn(self) -> int:
        """How many nodes vis-network draws (hidden ones are not in its index)."""
        return self.page.evaluate("kg.network.body.nodeIndices.length")

    def node_id(self, label: str) -> str:
        return self.page.evaluate("t => kg.nodes.getIds({filter: n => n.title.firstChild.textContent === t})[0]",
                                  label)

    def hover(self, label: str, centre: bool = True):
        """Move the mouse onto the node (centred and zoomed first) and return the tooltip once it shows."""
        node = self.node_id(label)
        assert node, f"no node {label!r} in the page"
        if centre:
            self.page.evaluate("id => kg.network.focus(id, {scale: 1.2, animation: false})", node)
        x, y = self.page.evaluate("""id => {
            const p = kg.network.canvasToDOM(kg.network.getPosition(id));
            const r = document.getElementById('kg-network').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""", node)
        self.page.mouse.move(x + 30, y + 30)
        self.page.mouse.move(x, y)
        tip = self.page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5000)
        return tip


@pytest.fixture
def open_page(browser):
    pages = []

    def opener(path: Path) -> Opened:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        pages.append(page)
        opened = Opened(page)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))

        def route(r):
            opened.requests.append(r.request.url)
            return r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-kg-stable]", state="attached", timeout=20000)
        return opened

    yield opener
    for page in pages:
        page.close()


def test_seed_page_draws_every_node_with_legend_and_tooltips(seed_graph, open_page, tmp_path):
    path = write_html(seed_graph, tmp_path / "graph.html", "zh", title="人民日报 · seed")
    opened = open_page(path)
    page = opened.page
    entities = {s for cls in STYLE for s in seed_graph.subjects(RDF.type, KG[cls])}
    assert opened.drawn() == len(entities) > 20
    assert page.locator("#kg-legend input[data-cls]").count() == len(STYLE)
    assert page.locator("#kg-legend").is_visible()
    # The canvas really holds the nodes: pixels in each present class's colour.
    colours = page.evaluate("""() => {
        const c = document.querySelector('#kg-network canvas'), d = c.getContext('2d').getImageData(0, 0, c.width,
            c.height).data, seen = new Set();
        for (let i = 0; i < d.length; i += 4) seen.add('#' + [d[i], d[i + 1], d[i + 2]].map(
            v => v.toString(16).padStart(2, '0')).join(''));
        return [...seen];
    }""")
    present = {STYLE[c][0] for c in STYLE if any(seed_graph.subjects(RDF.type, KG[c]))}
    assert present <= set(colours)

    tip = opened.hover(MEETING)
    text = tip.inner_text()
    assert MEETING in text and "会议 Meeting" in text
    evidence = seed_graph.value(next(iter(seed_graph.subjects(RDF.type, KG.Meeting))), KG.evidence)
    assert "证据" in text and "来源" in text and SEED.name in text and "1956-11-15" in text
    assert any(str(e)[:30] in text for m in seed_graph.subjects(RDF.type, KG.Meeting)
               for e in seed_graph.objects(m, KG.evidence)), evidence
    shot = tmp_path / "graph.png"  # the whole network, with the meeting's tooltip showing
    page.evaluate("kg.network.fit({animation: false})")
    opened.hover(MEETING, centre=False)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("KG_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / "docs" / "graph.png")
    assert opened.errors == [] and opened.dialogs == []
    assert set(opened.requests) == {path.as_uri()}, "the page asks for nothing but itself"


def test_filters_and_in_page_controls(seed_graph, open_page, tmp_path):
    path = tmp_path / "focus.html"
    view = render(seed_graph, "both", focus="河北省委", depth=1)
    path.write_text(view.html, encoding="utf-8")
    opened = open_page(path)
    assert opened.drawn() == len(neighbours(seed_graph, HEBEI)) == view.nodes
    assert "focus: 中共河北省委员会 (depth 1)" in opened.page.locator("#kg-header").inner_text()

    path = write_html(seed_graph, tmp_path / "all.html", "en")
    opened = open_page(path)
    page = opened.page
    total = opened.drawn()
    decisions = len(set(seed_graph.subjects(RDF.type, KG.Decision)))
    page.locator('#kg-legend input[data-cls="Decision"]').uncheck()
    assert opened.drawn() == total - decisions
    assert page.locator("#kg-count").inner_text().startswith(f"{total - decisions} nodes")
    page.locator('#kg-legend input[data-cls="Decision"]').check()
    assert opened.drawn() == total
    page.locator("#kg-search").fill(HEBEI)
    page.locator("#kg-search").press("Enter")
    assert page.evaluate("kg.network.getSelectedNodes()") == [opened.node_id(HEBEI)]
    assert page.locator("#kg-matches").inner_text() == "1 match(es)"
    page.locator("#kg-search").fill("ghost")
    page.locator("#kg-search").press("Enter")
    assert page.evaluate("kg.network.getSelectedNodes()") == []
    assert page.locator("#kg-matches").inner_text() == "0 match(es)"
    assert opened.errors == []


def test_big_graph_is_cut_and_still_responds(open_page, tmp_path):
    view = render(synthetic_graph(1200), "zh")
    path = tmp_path / "big.html"
    path.write_text(view.html, encoding="utf-8")
    opened = open_page(path)
    page = opened.page
    assert opened.drawn() == view.nodes == 1000 < view.total_nodes
    banner = page.locator("#kg-truncated")
    assert banner.is_visible() and "1,000" in banner.inner_text()
    assert page.evaluate("window.kgStableAt") < 10_000, "stable within seconds"
    top = page.evaluate("kg.nodes.get().reduce((a, b) => a.size >= b.size ? a : b).title.firstChild.textContent")
    assert top in opened.hover(top).inner_text()
    assert opened.errors == []


def test_hostile_strings_do_not_run(open_page, tmp_path):
    title = "</title><script>alert('page')</script>"
    path = write_html(hostile_graph(), tmp_path / "hostile.html", "both", title=title)
    opened = open_page(path)
    page = opened.page
    assert opened.drawn() == 2
    assert page.title() == title and page.locator("h1").inner_text() == title
    tip = opened.hover(HOSTILE["meeting"])
    text = tip.inner_text()
    for key in ("meeting", "meeting_en", "evidence", "file"):
        assert HOSTILE[key] in text, key
    assert page.evaluate("document.querySelectorAll('.vis-tooltip *:not(div)').length") == 0
    assert HOSTILE["org"] in opened.hover(HOSTILE["org"]).inner_text()
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, svg[onload]').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert opened.dialogs == [] and opened.errors == []
    assert set(opened.requests) == {path.as_uri()}
