"""A cache of loaded briefs, so that the app and `brief export` start fast on a large corpus.

Reading a brief means parsing its YAML, validating it and checking every quote against its seed: about 0.4 ms
per point. The result for each file — the brief (or none) and its problems — is kept in the user's cache
folder (`$XDG_CACHE_HOME/brief/briefs/` on Linux) as msgpack, and used again while nothing it depends on has
changed: the file itself, the glossary and the seed it quotes (size, modification time and inode of each), and
the code that loads them (a hash of its source). Anything else means the file is read afresh, so a cold load
gives exactly what a warm one does. `brief check` never uses the cache.

A cache that cannot be read or written is ignored: it only ever costs the time it was meant to save.
"""

from __future__ import annotations

import functools
import os
import zlib
from pathlib import Path
from typing import Any

import msgspec

from brief.model import Brief, Glossary, Problem

Stamp = tuple[int, int, int]  # size, mtime in ns, inode
#: The modules whose code decides what a brief loads as: any change to them empties the cache.
_CODE = ("model.py", "loader.py", "yamlfile.py", "validate.py", "ladder.py", "sources.py")


class Entry(msgspec.Struct, frozen=True):
    """What loading one brief file gave, and the stamps of what it was read against."""

    path: str  # resolved
    stamp: Stamp
    glossary: Stamp | None
    seed: str | None
    seed_stamp: Stamp | None
    brief: Brief | None
    problems: tuple[Problem, ...]  # with an empty path: the path is the caller's to show
    id_position: tuple[int, int]


class GlossaryEntry(msgspec.Struct, frozen=True):
    path: str
    stamp: Stamp
    glossary: Glossary | None
    problems: tuple[Problem, ...]


_encoder = msgspec.msgpack.Encoder()
_decoders = {Entry: msgspec.msgpack.Decoder(Entry), GlossaryEntry: msgspec.msgpack.Decoder(GlossaryEntry)}


def stamp(path: Path) -> Stamp | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino)


@functools.cache
def code_version() -> str:
    here = Path(__file__).resolve().parent
    checksum = 0
    for name in _CODE:
        checksum = zlib.crc32((here / name).read_bytes(), checksum)
    return f"{checksum:08x}"


def default_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("brief", appauthor=False) / "briefs"


class BriefCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()

    def _file(self, path: Path) -> Path:
        """The cache file of `path`: named by a checksum of the code version and the path (the entry holds the
        path itself, so a clash of names only costs a reread)."""
        key = zlib.crc32(f"{code_version()}\0{path.resolve()}".encode())
        return self.folder / f"{key:08x}.msgpack"

    def _read(self, path: Path, kind: type) -> Any:
        try:
            entry = _decoders[kind].decode(self._file(path).read_bytes())
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None
        return entry if entry.path == str(path.resolve()) and entry.stamp == stamp(path) else None

    def get(self, path: Path, glossary: Stamp | None, seeds_folder: Path) -> Entry | None:
        """The cached result for the brief file `path`, if nothing it depends on has changed since."""
        entry = self._read(path, Entry)
        if entry is None or entry.glossary != glossary:
            return None
        if entry.seed is not None and entry.seed_stamp != stamp(seeds_folder / entry.seed):
            return None
        return entry

    def get_glossary(self, path: Path) -> GlossaryEntry | None:
        return self._read(path, GlossaryEntry)

    def put(self, path: Path, entry: Entry | GlossaryEntry) -> None:
        import tempfile

        target = self._file(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".tmp") as handle:
                handle.write(_encoder.encode(entry))
            os.replace(handle.name, target)
        except OSError:
            try:
                os.unlink(handle.name)
            except (OSError, UnboundLocalError):
                pass
