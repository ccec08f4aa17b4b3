"""Input files: found in a stable order; archives read as they ship, member by member, with nothing unpacked to disk."""

import io
import tarfile
import zipfile

import pytest
from rdflib import RDF
from rdflib.compare import isomorphic

from kg.namespace import KG
from kg.pipeline import BuildReport, build_graph
from kg.sources import count_inputs, input_files, iter_sources
from tests.conftest import CHINESE_ONLY, TWO_ARTICLES

MEMBERS = {"1957年03月/1957-03-12_shanxi.md": CHINESE_ONLY, "1957年04月/1957-04-02_two.md": TWO_ARTICLES,
           "1957年04月/readme.pdf": "not an article"}


def _zip(path):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in MEMBERS.items():
            archive.writestr(name, text.encode())


def _tar(path):
    with tarfile.open(path, "w:gz") as archive:
        for name, text in MEMBERS.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def _seven_zip(path):
    py7zr = pytest.importorskip("py7zr")
    with py7zr.SevenZipFile(path, "w") as archive:
        for name, text in MEMBERS.items():
            archive.writestr(text.encode(), name)


@pytest.mark.parametrize("suffix, make", [(".zip", _zip), (".tar.gz", _tar), (".7z", _seven_zip)])
def test_archives_build_like_their_files(tmp_path, suffix, make):
    make(tmp_path / f"1957{suffix}")
    sources = list(iter_sources([tmp_path]))
    assert [s.name.rsplit("/", 1)[-1] for s in sources] == ["1957-03-12_shanxi.md", "1957-04-02_two.md"]
    assert all(s.data for s in sources)
    assert not list(tmp_path.glob("1957年*"))  # nothing unpacked

    plain = tmp_path / "plain"
    plain.mkdir()
    for name, text in MEMBERS.items():
        if name.endswith(".md"):
            (plain / name.rsplit("/", 1)[-1]).write_text(text, encoding="utf-8")
    from_archive, from_files = build_graph(tmp_path / f"1957{suffix}"), build_graph(plain)
    assert isomorphic(from_archive, from_files)
    articles = list(from_archive.subjects(RDF.type, KG.Article))
    assert {str(f) for a in articles for f in from_archive.objects(a, KG.sourceFile)} == {
        "1957-03-12_shanxi.md", "1957-04-02_two.md"}


def test_a_broken_archive_is_reported_and_the_rest_built(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    (tmp_path / "good.md").write_text(CHINESE_ONLY, encoding="utf-8")
    assert count_inputs([tmp_path]) == (1, 1)
    report = BuildReport()
    graph = build_graph(tmp_path, report)
    assert report.articles == 1 and len(graph) > 0
    [(name, reason)] = report.failed
    assert name.endswith("broken.zip") and "archive" in reason


def test_folders_are_listed_in_the_order_of_their_path_parts(tmp_path):
    names = ["a-b.txt", "a.txt", "a/b.md", "a/z/c.TXT", "a/.hidden.txt", "a b/d.text", "b.zip", "notes.pdf", "a/y"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)  # not entered, as Path.rglob does
    expected = sorted((p for p in tmp_path.rglob("*") if p.is_file() and not p.name.startswith(".")
                       and p.suffix.lower() in {".txt", ".md", ".text", ".zip"}), key=lambda p: p.parts)
    assert list(input_files([tmp_path])) == expected
    assert [p.relative_to(tmp_path).as_posix() for p in expected] == [
        "a/b.md", "a/z/c.TXT", "a b/d.text", "a-b.txt", "a.txt", "b.zip", "link.txt"]  # not sorted as strings
