"""The extraction cache's code hash: it covers what decides extraction, and only that."""

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
