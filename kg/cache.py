"""The extraction cache: what each file gave, kept between builds so unchanged files are not read again.

An entry is keyed by a hash of the file's name and bytes and of the extractor itself (the package's
code and data, but not the modules that only use a finished graph), so editing a rule or a gazetteer
invalidates every entry, and editing the CLI, the store or the viewer does not. Entries are pickles that
this program wrote into the build's own folder; do not point the cache at a folder others can write.

Entries are compressed (zlib, fastest level): mostly the article's N-Quads, with its IRIs on every line, they
shrink eightfold (51 KB to 6 KB on the benchmark's articles; on disk 253 MB to 41 MB for 5,000) for about
0.3 ms of an article's 15 ms of extraction, and 0.15 ms when read back.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent


# Modules that extraction never imports: they read, serve or export what it gave. Everything else is
# hashed, so a new module counts as extraction until it is listed here (a test checks the list).
NOT_EXTRACTION = frozenset({
    "api", "cache", "cli", "evaluate", "export", "manifest", "network", "ner", "oxigraph_order", "oxigraph_store",
    "push", "serve", "sparql", "validate",
})


@cache
def code_version() -> str:
    """A hash of every file that decides what extraction gives: the package's extraction code and data."""
    digest = hashlib.sha1()
    for path in sorted(PACKAGE.rglob("*")):
        if path.parent == PACKAGE and path.suffix == ".py" and path.stem in NOT_EXTRACTION:
            continue
        if path.is_file() and path.suffix in {".py", ".tsv", ".txt"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


_SUFFIX = ".pickle.zlib"


class ExtractionCache:
    """Pickled results per input file, in ``folder``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.version = code_version()

    def key(self, name: str, data: bytes) -> str:
        digest = hashlib.sha1(self.version.encode())
        digest.update(Path(name).name.encode() + b"\0" + name.encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{_SUFFIX}"

    def get(self, key: str) -> Any | None:
        try:
            return pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # missing, damaged or written by another version: extract again

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1))
        os.replace(tmp, path)

    def discard(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._path(key).unlink(missing_ok=True)

    def prune(self, keep: set[str]) -> int:
        """Remove the entries no longer used (and those of the uncompressed format before); returns how many."""
        removed = 0
        for path in self.folder.glob("*/*.pickle*"):
            if path.name.removesuffix(_SUFFIX) not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
