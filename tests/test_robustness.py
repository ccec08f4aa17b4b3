"""The reader never crashes, hostile text stays inert, and interrupted builds lose nothing."""

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg.reader import ReadError, decode, parse, read_file
from kg.store import load, save
from tests.conftest import CHINESE_ONLY

HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "</script>", 'a "quoted" \\ back\\slash',
           "line\nbreak", "\u0000nul"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_articles_or_a_read_error(data):
    try:
        text = decode(data, "fuzz.md")
        articles = parse(text, "fuzz.md")
    except ReadError as exc:
        assert exc.path == "fuzz.md" and exc.reason
        return
    for article in articles:
        assert article.zh is not None or article.en is not None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=3000), st.integers(min_value=0, max_value=len(CHINESE_ONLY)))
def test_truncated_and_garbled_articles(noise, cut):
    for text in (CHINESE_ONLY[:cut], CHINESE_ONLY[:cut] + noise, noise + CHINESE_ONLY[cut:]):
        with contextlib.suppress(ReadError):
            parse(text, "x.md")


TRADITIONAL = ("### 中共山西省委召開全省農業會議\n\n1957-03-12\n第3版()\n\n"
               "    新華社太原10日電　會議決定推行包工包產制度。\n")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5", "utf-16"])
def test_other_encodings(tmp_path, encoding):
    text = TRADITIONAL if encoding == "big5" else CHINESE_ONLY
    path = tmp_path / f"{encoding}.md"
    path.write_bytes(text.encode(encoding))
    [article] = read_file(path)
    assert article.page == 3 and article.title_zh.startswith("中共山西省委")


def test_html_debris_and_long_lines(tmp_path):
    text = CHINESE_ONLY.replace("会议决定", "<p>会议&nbsp;决定</p>") + "    " + "很长的一行。" * 20000 + "\n"
    [article] = parse(text, "x.md")
    assert "<p>" not in article.zh.text and "会议\xa0决定" in article.zh.text
    assert len(article.zh.sentences) > 20000


def test_a_50_mb_file_is_read(tmp_path):
    path = tmp_path / "big.md"
    body = ("    新华社北京1日电　会议决定加强领导。\n" * 400_000).encode()
    path.write_bytes(CHINESE_ONLY.encode() + body[: 50 * 2**20])
    [article] = read_file(path)
    assert len(article.zh.paragraphs) > 100_000


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literals_round_trip_in_turtle_and_ntriples(tmp_path, value):
    from kg.namespace import KGR

    g = Graph()
    g.add((KGR["x"], KGR["p"], Literal(value, lang="zh")))
    for name in ("g.ttl", "g.nt", "g.nq"):
        assert isomorphic(load(save(g, tmp_path / name)), g), name


def test_interrupted_build_leaves_the_previous_output(corpus, tmp_path, monkeypatch):
    from kg import pipeline
    from kg.cli import main

    out = tmp_path / "out"
    build = ["build", str(corpus), "--out", str(out), "-q", "--no-html", "--no-cache"]
    assert main(build) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    calls = {"n": 0}
    real = pipeline.resolve

    def interrupted(doc):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(doc)

    monkeypatch.setattr(pipeline, "resolve", interrupted)
    assert main(build) == 130
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # no temporary files left, nothing half-written
    monkeypatch.setattr(pipeline, "resolve", real)
    assert main(build) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_output_does_not_depend_on_file_order(tmp_path, corpus):
    from kg.cli import main

    reordered = tmp_path / "reordered"
    reordered.mkdir()
    for i, path in enumerate(sorted(corpus.iterdir(), reverse=True)):
        (reordered / path.name).write_bytes(path.read_bytes())
        del i
    a, b = tmp_path / "a", tmp_path / "b"
    main(["build", str(corpus), "--out", str(a), "-q", "--no-html"])
    main(["build", str(reordered), "--out", str(b), "-q", "--no-html"])
    for name in ("graph.ttl", "graph.nq"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _synthetic_corpus(folder, good: int, bad: int):
    """``good`` small articles written for the test, and ``bad`` unreadable files among them."""
    folder.mkdir()
    places = ["山西", "河北", "山东", "河南", "湖北", "湖南", "江苏", "浙江", "安徽", "福建"]
    for i in range(good):
        place = places[i % len(places)]
        (folder / f"a{i:03d}.md").write_text(
            f"### 中共{place}省委召开第{i + 1}次全体会议\n\n1957-03-{i % 28 + 1:02d}\n第{i % 8 + 1}版()\n\n"
            f"    新华社{i % 28 + 1}日讯　中共{place}省委召开第{i + 1}次全体会议，决定加强农业生产的领导。\n",
            encoding="utf-8")
    for i in range(bad):
        (folder / f"bad{i}.md").write_bytes(b"" if i == 0 else bytes(range(256)) * (i + 1))


def test_bad_files_lose_nothing(tmp_path):
    from kg.cli import SKIPPED, main

    _synthetic_corpus(tmp_path / "mixed", 97, 3)
    clean = tmp_path / "clean"
    clean.mkdir()
    for path in (tmp_path / "mixed").glob("a*.md"):
        (clean / path.name).write_bytes(path.read_bytes())
    assert main(["build", str(tmp_path / "mixed"), "--out", str(tmp_path / "m"), "-q", "--no-html"]) == SKIPPED
    assert main(["build", str(clean), "--out", str(tmp_path / "c"), "-q", "--no-html"]) == 0
    assert (tmp_path / "m" / "graph.ttl").read_bytes() == (tmp_path / "c" / "graph.ttl").read_bytes()
    import json

    report = json.loads((tmp_path / "m" / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] == 97 and sorted(f["file"].rsplit("/", 1)[-1] for f in report["failed"]) == [
        "bad0.md", "bad1.md", "bad2.md"]


def test_same_output_whatever_the_number_of_workers(tmp_path):
    from kg.cli import main

    _synthetic_corpus(tmp_path / "corpus", 60, 1)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        main(["build", str(tmp_path / "corpus"), "--out", str(out), "-q", "--no-html", "-j", jobs])
        outputs.append({name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq", "report.json")})
    assert outputs[0]["graph.ttl"] == outputs[1]["graph.ttl"]
    assert outputs[0]["graph.nq"] == outputs[1]["graph.nq"]


def test_the_cache_skips_unchanged_files_and_changes_nothing(tmp_path, corpus, monkeypatch):
    from kg import pipeline
    from kg.cli import main

    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert main(["build", str(corpus), "--out", str(out), "-q", "--no-html"]) == 0
    first = (out / "graph.ttl").read_bytes()
    calls = []
    real = pipeline.resolve
    monkeypatch.setattr(pipeline, "resolve", lambda doc: calls.append(doc) or real(doc))
    (corpus / "shanxi.md").write_text((corpus / "shanxi.md").read_text("utf-8").replace("太原", "大同"), "utf-8")
    assert main(["build", str(corpus), "--out", str(out), "-q", "--no-html"]) == 0
    assert len(calls) == 1  # only the changed file was extracted again
    assert main(["build", str(corpus), "--out", str(fresh), "-q", "--no-html", "--no-cache"]) == 0
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes() != first
    assert len(list((out / ".kg-cache").glob("*/*.pickle.zlib"))) == 3  # the old entry was pruned


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGKILL"])
def test_killed_build_leaves_the_previous_output_and_no_leftovers(tmp_path, sig):
    """`kill` cleans up as Ctrl-C does; after `kill -9`, the next build removes what was left and finishes."""
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(150):
        text = CHINESE_ONLY.replace("全省农业会议", f"第{i}次全省农业会议")
        (corpus / f"{i:03d}.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "-q", "--no-html",
               "--no-cache", "-j", "1"]
    subprocess.run(command, check=True, capture_output=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (corpus / "000.md").write_text(CHINESE_ONLY, encoding="utf-8")
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(out.glob(".graph.nq.*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(getattr(signal, sig))
    status = proc.wait(timeout=60)
    assert status == (130 if sig == "SIGTERM" else -signal.SIGKILL)
    left = {p.name: p.read_bytes() for p in out.iterdir()}
    if sig == "SIGTERM":
        assert left == before
    else:
        assert {n: b for n, b in left.items() if not n.startswith(".")} == before
    subprocess.run(command, check=True, capture_output=True)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_a_worker_freezes_what_its_first_file_loaded(monkeypatch):
    import gc

    from kg import pipeline

    monkeypatch.setattr(pipeline, "_worker_frozen", False)
    gc.unfreeze()
    try:
        assert pipeline._in_worker(str.upper, "a") == "A" and gc.get_freeze_count() > 0
        gc.unfreeze()
        assert pipeline._in_worker(str.upper, "b") == "B" and gc.get_freeze_count() == 0  # once only
    finally:
        gc.unfreeze()
