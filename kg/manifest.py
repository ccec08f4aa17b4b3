"""The build manifest of a store: what each input file gave it (cache key, article graphs, failure, warnings).

It lives in the store's folder, so that the next build can tell unchanged files from new, changed and removed
ones by their keys alone, without reading anything they gave before. A manifest marked incomplete belongs to a
store whose update was interrupted (a marker file says so while an update runs): the next build rebuilds that
store from scratch.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.store import write_atomic

FILENAME = "kg-manifest.json"
UPDATING = "kg-manifest.updating"
FORMAT = 1


@dataclass
class FileEntry:
    """One input file: its extraction-cache key, the named graphs of its articles, why it failed, its warnings.

    ``stamp`` is the size and modification time (ns) of the file, or of the archive it is a member of, when it was
    read: a file whose stamp has not changed is taken to be unchanged, as make and git's index take it.
    """

    key: str
    graphs: list[str] = field(default_factory=list)
    failure: str = ""
    warnings: list[str] = field(default_factory=list)
    stamp: list[int] = field(default_factory=list)
    archive: str = ""


def stamp(path: str | Path) -> list[int]:
    """[size, mtime in ns] of a file; [] if it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return []
    return [info.st_size, info.st_mtime_ns]


@dataclass
class Manifest:
    """Input file name → what it gave, for the extractor ``version`` (a code hash: new rules change every key)."""

    version: str
    files: dict[str, FileEntry] = field(default_factory=dict)
    complete: bool = True  # False while an update runs, and after one was interrupted
    triples: int = 0  # in the merged graph
    entities: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: str | Path) -> Manifest | None:
        """The manifest in a store folder; None if there is none, or it is unreadable or of another format."""
        try:
            with _collector_off():
                data = json.loads((Path(folder) / FILENAME).read_text(encoding="utf-8"))
                if data.get("format") != FORMAT:
                    return None
                files = {name: FileEntry(*row) for name, row in data["files"].items()}
            complete = not (Path(folder) / UPDATING).exists()
            return cls(data["version"], files, complete, int(data["triples"]), dict(data["entities"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, folder: str | Path) -> Path:
        with _collector_off():
            data = {"format": FORMAT, "version": self.version, "triples": self.triples,
                    "entities": self.entities,
                    "files": {name: [e.key, e.graphs, e.failure, e.warnings, e.stamp, e.archive]
                              for name, e in sorted(self.files.items())}}
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        path = write_atomic(Path(folder) / FILENAME, text)
        (Path(folder) / UPDATING).unlink(missing_ok=True)
        self.complete = True
        return path

    def begin_update(self, folder: str | Path) -> None:
        """Mark the store as being changed, until the next ``save``."""
        (Path(folder) / UPDATING).touch()
        self.complete = False

    @property
    def articles(self) -> int:
        return sum(len(e.graphs) for e in self.files.values())

    def archives(self) -> dict[str, list[str]]:
        """Archive → the names of its members that the manifest has."""
        members: dict[str, list[str]] = {}
        for name, entry in self.files.items():
            if entry.archive:
                members.setdefault(entry.archive, []).append(name)
        return members

    def shared_graphs(self) -> set[str]:
        """Graphs that two files claim (two files of one name in different folders give the same article IRIs)."""
        seen: set[str] = set()
        shared: set[str] = set()
        for entry in self.files.values():
            for graph in entry.graphs:
                (shared if graph in seen else seen).add(graph)
        return shared


@contextmanager
def _collector_off() -> Iterator[None]:
    """Python's cyclic garbage collector paused: a manifest of 100,000 files is half a million new containers,
    none in a cycle, and every collection their number sets off walks them all again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
