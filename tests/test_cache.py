"""The extraction cache: its code hash covers what decides extraction, and only that; its entries."""

import shutil
import subprocess
import sys
from pathlib import Path

from kg import cache

ROOT = Path(__file__).resolve().parents[1]


def _version(package: Path, monkeypatch) -> str:
    monkeypatch.setattr(cache, "PACKAGE", package)
    return cache.code_version.__wrapped__()


def test_editing_a_rule_changes_the_hash_and_editing_the_cli_does_not(tmp_path, monkeypatch):
    package = tmp_path / "kg"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = _version(package, monkeypatch)
    with open(package / "cli.py", "a", encoding="utf-8") as fh:
        fh.write("\n# a new command\n")
    with open(package / "oxigraph_store.py", "a", encoding="utf-8") as fh:
        fh.write("\n# a faster query\n")
    assert _version(package, monkeypatch) == before
    with open(package / "extract" / "meetings.py", "a", encoding="utf-8") as fh:
        fh.write("\n# a new meeting rule\n")
    after_rule = _version(package, monkeypatch)
    assert after_rule != before
    with open(package / "data" / "places.tsv", "a", encoding="utf-8") as fh:
        fh.write("新地名\tcounty\t\t\t\t\n")
    assert _version(package, monkeypatch) != after_rule


def test_extraction_imports_none_of_the_modules_left_out_of_the_hash():
    for name in cache.NOT_EXTRACTION:
        assert (cache.PACKAGE / f"{name}.py").is_file(), name  # the list names real modules
    # What a worker runs for each file (kg.pipeline.process_file): read, extract, resolve, map, write N-Quads.
    script = (
        "import sys\n"
        "from kg.align import AlignmentComponent\n"
        "from kg.extract import EXTRACTORS, extract\n"
        "from kg.mapping import article_iri, triples\n"
        "from kg.reader import read_source\n"
        "from kg.resolve import resolve\n"
        "from kg.sources import Source\n"
        "from kg.store import nquads\n"
        f"for a in read_source(Source({str(ROOT / 'seeds' / '000_9a42a4b9297332b5.txt')!r})):\n"
        "    f = resolve(extract(a, (*EXTRACTORS, AlignmentComponent())))\n"
        "    nquads(article_iri(f), triples(f))\n"
        "print(' '.join(m[3:] for m in sys.modules if m.startswith('kg.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert not set(out.split()) & cache.NOT_EXTRACTION


def test_entries_round_trip_compressed_and_a_damaged_one_is_extracted_again(tmp_path):
    store = cache.ExtractionCache(tmp_path)
    value = {"quads": "<http://example.org/a> <http://example.org/p> \"人民日报\" .\n" * 200, "n": [1, 2]}
    store.put("ab" * 20, value)
    (entry,) = tmp_path.glob("*/*")
    assert store.get("ab" * 20) == value
    assert entry.stat().st_size < len(value["quads"].encode()) / 10  # compressed
    entry.write_bytes(entry.read_bytes()[:-5])
    assert store.get("ab" * 20) is None
    assert store.get("cd" * 20) is None  # never written


def test_prune_keeps_what_is_used_and_removes_the_rest_and_the_old_format(tmp_path):
    store = cache.ExtractionCache(tmp_path)
    for key in ("ab" * 20, "cd" * 20):
        store.put(key, key)
    old = tmp_path / "ef" / f"{'ef' * 20}.pickle"  # an uncompressed entry of an earlier version
    old.parent.mkdir()
    old.write_bytes(b"\x80\x05N.")
    assert store.get("ef" * 20) is None
    assert store.prune({"ab" * 20, "ef" * 20}) == 2
    assert [path.name for path in tmp_path.glob("*/*")] == [f"{'ab' * 20}.pickle.zlib"]
    assert store.get("ab" * 20) == "ab" * 20
