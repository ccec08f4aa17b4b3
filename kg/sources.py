"""Where articles come from: files, folders, and the archives the corpus ships in (.zip, .tar.gz, .7z).

Archive members are streamed, never unpacked to disk. A member's source name is the archive's
path joined with the member's path (``1956年11月.7z/1956年11月/1956-11-01_….md``), so its
``kg:sourceFile`` is the member's base name.
"""

from __future__ import annotations

import os
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

SUFFIXES = (".txt", ".md", ".markdown", ".text")
ARCHIVES = (".zip", ".7z", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")


@dataclass(frozen=True)
class Source:
    """One article file: a file on disk (``data`` is None), or an archive member with its bytes."""

    name: str
    data: bytes | None = None
    problem: str = ""  # why an archive could not be opened, when it could not
    archive: str = ""  # the archive it is a member of

    def read(self) -> bytes:
        return self.data if self.data is not None else Path(self.name).read_bytes()


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVES)


def _article_name(name: str) -> bool:
    member = PurePosixPath(name)
    return member.suffix.lower() in SUFFIXES and not any(part.startswith((".", "__MACOSX")) for part in member.parts)


def _members(path: Path) -> Iterator[Source]:
    lower = path.name.lower()
    if lower.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if not info.is_dir() and _article_name(info.filename):
                    yield Source(f"{path}/{info.filename}", archive.read(info), archive=str(path))
    elif lower.endswith(".7z"):
        yield from _seven_zip(path)
    else:
        with tarfile.open(path, mode="r:*") as archive:
            members = sorted((m for m in archive.getmembers() if m.isfile() and _article_name(m.name)),
                             key=lambda m: m.name)
            for member in members:
                handle = archive.extractfile(member)
                if handle is not None:
                    yield Source(f"{path}/{member.name}", handle.read(), archive=str(path))


def _seven_zip(path: Path) -> Iterator[Source]:
    try:
        import py7zr
        from py7zr.io import BytesIOFactory
    except ImportError as exc:
        raise OSError("reading .7z archives needs py7zr: pip install 'rmrb-kg[archives]'") from exc
    with py7zr.SevenZipFile(path, mode="r") as archive:
        names = sorted(n for n in archive.getnames() if _article_name(n))
        # A 7z archive is usually solid: one pass decompresses it all, into memory (a month of the
        # paper is tens of megabytes), and the members are handed out from there.
        factory = BytesIOFactory(limit=2**31)
        archive.extract(targets=names, factory=factory)
        for name in names:
            product = factory.products.get(name)
            if product is not None:
                product.seek(0)
                yield Source(f"{path}/{name}", product.read(), archive=str(path))


def _paths(item: str | Path) -> list[Path]:
    path = Path(item)
    if not path.is_dir():
        return [path]
    return sorted(map(Path, _walk(str(path))), key=lambda p: p.parts)


def _walk(folder: str) -> Iterator[str]:
    """Article files and archives under ``folder``, as ``Path.rglob`` finds them (symlinked folders not entered),
    with the file types that ``scandir`` reports: no ``stat`` a file, which counts in a folder of a million."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
            elif not entry.name.startswith(".") and (PurePosixPath(entry.name).suffix.lower() in SUFFIXES
                                                     or entry.name.lower().endswith(ARCHIVES)) and entry.is_file():
                yield entry.path


def input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """The article files and archives under the inputs, in build order, without opening any archive."""
    for item in inputs:
        yield from _paths(item)


def count_inputs(inputs: Iterable[str | Path]) -> tuple[int, int]:
    """(article files, archives) under the inputs, without opening any archive."""
    paths = list(input_files(inputs))
    archives = sum(1 for p in paths if is_archive(p))
    return len(paths) - archives, archives


def iter_sources(inputs: Iterable[str | Path]) -> Iterator[Source]:
    """Article files under the given files, folders and archives, in a stable (sorted) order.

    An archive that cannot be opened becomes one Source whose ``problem`` says why, so the build
    can report it and go on.
    """
    for file in input_files(inputs):
        if not is_archive(file):
            yield Source(str(file))
            continue
        try:
            yield from _members(file)
        except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError) as exc:
            yield Source(str(file), problem=f"cannot read the archive: {exc}")
        except Exception as exc:
            yield Source(str(file), problem=f"cannot read the archive: {type(exc).__name__}: {exc}")
