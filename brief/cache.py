"""A cache of loaded briefs, so that the app, `brief export` and `brief check` do not read again what they have
read before.

Reading a brief means parsing its YAML, validating it and checking every quote against its seed. The result for
each file — the brief (or none) and its problems — is kept in the user's cache folder
(`$XDG_CACHE_HOME/brief/briefs/` on Linux) as msgpack, and trusted only for exactly what it was made from: the
bytes of the file (by their 256-bit BLAKE2b digest), of the glossary and of the seed it quotes, the seeds folder
as problems name it, and the code that loads them (the size and modification time of each of its modules, as
Python's own bytecode cache keys them, and the versions of PyYAML and msgspec). A
change to the bytes of a brief, the glossary or a seed, whatever their sizes and modification times say, means
the file is read afresh, so a warm load gives exactly what a cold one does.

Each cache file carries the digest of its own content, and is read only when it is a regular file of a sane
size: a damaged, truncated or edited entry, a FIFO or a device in its place, only ever costs a fresh load.
`brief check --no-cache` neither reads nor writes it.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import zlib
from pathlib import Path
from typing import Any

import msgspec

try:  # the same function as hashlib's, without loading OpenSSL (hashlib's import is ~4 ms of every export)
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _blake2b

from brief.corpus import Glossary, Problem
from brief.limits import MAX_FILE_BYTES, read_regular
from brief.model import Brief

#: A cache file larger than this is not read (the entry of a brief at MAX_FILE_BYTES is about that size).
MAX_ENTRY_BYTES = 8 * MAX_FILE_BYTES
_DIGEST_BYTES = 32


class Entry(msgspec.Struct, frozen=True):
    """What loading one brief file gave, and what it was read from."""

    path: str  # resolved
    content: bytes | None  # the digest of the file's bytes; None when they could not be read (never cached)
    glossary: bytes | None  # the digest of the glossary's bytes; None without a glossary
    seeds: str  # the seeds folder, as the problems name it
    seed: str | None
    seed_content: bytes | None  # the digest of the seed's bytes, or why it cannot be read
    brief: Brief | None
    problems: tuple[Problem, ...]  # with an empty path: the path is the caller's to show
    id_position: tuple[int, int]
    seed_problems: tuple[Problem, ...] = ()  # the hidden characters of its seed (`brief.hidden.in_seed`)


class GlossaryEntry(msgspec.Struct, frozen=True):
    path: str
    content: bytes
    glossary: Glossary | None
    problems: tuple[Problem, ...]
    #: Where each node of `shifts` is, by its path joined with "/", for the checks that need every brief.
    positions: dict[str, tuple[int, int]] = {}


_encoder = msgspec.msgpack.Encoder()
_decoders: dict[type, Any] = {Entry: msgspec.msgpack.Decoder(Entry),
                              GlossaryEntry: msgspec.msgpack.Decoder(GlossaryEntry)}


def digest(data: bytes) -> bytes:
    return _blake2b(data, digest_size=_DIGEST_BYTES).digest()


def encode(entry: Entry | GlossaryEntry) -> bytes:
    """An entry as it is kept: msgpack."""
    return _encoder.encode(entry)


def decode(payload: bytes) -> Entry:
    return _decoders[Entry].decode(payload)  # type: ignore[no-any-return]


class SeedDigests:
    """The digest of each seed of a folder's bytes, read once; for a seed that cannot be read, why not (a
    missing seed and one that appears later are not the same seed)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._found: dict[str, bytes] = {}

    def __call__(self, name: str) -> bytes:
        if name not in self._found:
            from brief.sources import MAX_SEED_BYTES

            try:
                self._found[name] = digest(read_regular(self.folder / name, MAX_SEED_BYTES))
            except OSError as error:
                self._found[name] = type(error).__name__.encode()
        return self._found[name]


@functools.cache
def code_version() -> str:
    """What decides what a file loads as: every module of brief outside the app, known by its size and
    modification time (stat, not read: reading them all was 2 ms of every export), and PyYAML and msgspec."""
    here = Path(__file__).resolve().parent
    checksum = zlib.crc32(msgspec.__version__.encode())
    for module in sorted(here.glob("*.py")):
        found = module.stat()
        checksum = zlib.crc32(f"{module.name}:{found.st_size}:{found.st_mtime_ns}".encode(), checksum)
    spec = importlib.util.find_spec("yaml")  # found, not imported: a warm start never imports YAML
    if spec is not None and spec.origin:
        checksum = zlib.crc32(Path(spec.origin).read_bytes(), checksum)  # holds PyYAML's version
        for library in sorted(Path(spec.origin).parent.glob("_yaml*")):  # libyaml, compiled in
            found = library.stat()
            checksum = zlib.crc32(f"{library.name}:{found.st_size}:{found.st_mtime_ns}".encode(), checksum)
    return f"{checksum:08x}"


def default_folder() -> Path:
    from brief.locations import cache_dir

    return cache_dir() / "briefs"


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
            stored = read_regular(self._file(path), MAX_ENTRY_BYTES)
        except OSError:
            return None
        payload = stored[_DIGEST_BYTES:]
        if stored[:_DIGEST_BYTES] != digest(payload):
            return None
        try:
            entry = _decoders[kind].decode(payload)
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None
        return entry if entry.path == str(path.resolve()) else None

    def get(self, path: Path, content: bytes, glossary: bytes | None, seeds: str,
            seed_digests: SeedDigests) -> Entry | None:
        """The cached result for the brief file `path`, whose bytes have the digest `content`, if it was made
        from these bytes and from what they depend on as it is now."""
        entry: Entry | None = self._read(path, Entry)
        if entry is None or (entry.content, entry.glossary, entry.seeds) != (content, glossary, seeds):
            return None
        if entry.seed is not None and entry.seed_content != seed_digests(entry.seed):
            return None
        return entry

    def get_glossary(self, path: Path, content: bytes) -> GlossaryEntry | None:
        entry: GlossaryEntry | None = self._read(path, GlossaryEntry)
        return entry if entry is not None and entry.content == content else None

    def put(self, path: Path, entry: Entry | GlossaryEntry, payload: bytes | None = None) -> None:
        """Keep `entry` for `path` (`payload`: the entry already encoded)."""
        import tempfile

        payload = encode(entry) if payload is None else payload
        target = self._file(path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".tmp") as handle:
                handle.write(digest(payload) + payload)
            os.replace(handle.name, target)
        except OSError:
            try:
                os.unlink(handle.name)
            except (OSError, UnboundLocalError):
                pass
