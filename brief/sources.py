"""Seed texts and the passages that quotes point to.

A quote is matched against its seed with all whitespace removed on both sides, so the line breaks of a PDF
extraction never matter. The passage that the app and the export show is the paragraph (a blank-line separated
block of the seed) around the quote, with the quote's position inside it; in numbered documents (A/68/514) the
paragraph also gets its number, such as "27 (d)".
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

import msgspec

_SPACE = re.compile(r"\s+")
_BLOCK_SPLIT = re.compile(r"\n[ \t\u3000]*\n")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s")
_LETTERED = re.compile(r"^\(([a-z]{1,2})\)\s")
_SENTENCE_END = tuple("。；：！？.;:”")
#: A numbered section heading of a UN report: "三. 不限成员名额工作组议事情况(会议记录)", "B. 盘点……".
_SECTION = re.compile(r"^(?:[A-Z]|[一二三四五六七八九十]+)\.\s")
#: Seeds larger than this are refused: the real ones are about 30 kB.
MAX_SEED_BYTES = 5_000_000


def compact(text: str) -> str:
    """`text` with every whitespace character removed: the form in which quotes are compared."""
    return _SPACE.sub("", text)


class Paragraph(msgspec.Struct, frozen=True, gc=False):
    index: int  # position among the seed's paragraphs, from 0
    start: int  # offsets into the seed's text
    end: int
    number: str | None  # the document's own paragraph number, such as "27" or "27 (d)", where it has them
    text: str

    @property
    def is_heading(self) -> bool:
        """A short line without final punctuation (a title, a heading, a date line, a signature), or a numbered
        section heading of any length."""
        if _SECTION.match(self.text) and not self.text.rstrip().endswith("。"):
            return True
        return len(self.text) <= 40 and not self.text.rstrip().endswith(_SENTENCE_END)


class Passage(msgspec.Struct, frozen=True, gc=False):
    """Where a quote sits: the paragraph(s) it spans and the quote's offsets within the seed text."""

    seed: str
    start: int
    end: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def number(self) -> str | None:
        return self.paragraphs[0].number

    def parts(self, text: str) -> tuple[str, str, str]:
        """The passage's text split as (before the quote, the quote as the seed writes it, after it)."""
        first, last = self.paragraphs[0], self.paragraphs[-1]
        return text[first.start : self.start], text[self.start : self.end], text[self.end : last.end]


class Seed:
    """A seed's text, by its file name, with what `locate` needs built on first use."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._compact = compact(text)

    def __repr__(self) -> str:
        return f"Seed({self.name!r}, {len(self.text)} characters)"

    @cached_property
    def _offsets(self) -> array[int]:
        """Index in the compact text -> index in `text`; built on the first `locate`, which `brief check`
        does not need."""
        offsets = array("i")
        position = 0
        for gap in _SPACE.finditer(self.text):
            offsets.extend(range(position, gap.start()))
            position = gap.end()
        offsets.extend(range(position, len(self.text)))
        return offsets

    @classmethod
    def read(cls, path: Path) -> Seed:
        """Read a seed file (UTF-8, a BOM allowed). Raises OSError or UnicodeDecodeError."""
        return cls(path.name, path.read_bytes().decode("utf-8-sig"))

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        paragraphs: list[Paragraph] = []
        numbered: str | None = None
        position = 0
        for block in _BLOCK_SPLIT.split(self.text):
            start = self.text.index(block, position)
            position = start + len(block)
            stripped = block.strip()
            if not stripped:
                continue
            start += len(block) - len(block.lstrip())
            number = None
            if match := _NUMBERED.match(stripped):
                numbered = number = match.group(1)
            elif (match := _LETTERED.match(stripped)) and numbered:
                number = f"{numbered} ({match.group(1)})"
            paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped), number, stripped))
        return tuple(paragraphs)

    def count(self, quote: str) -> int:
        """How many times `quote` occurs (whitespace ignored); 0 for an empty quote."""
        needle = compact(quote)
        return self._compact.count(needle) if needle else 0

    def locate(self, quote: str) -> Passage | None:
        """The passage of the first occurrence of `quote`, or None when it does not occur."""
        needle = compact(quote)
        at = self._compact.find(needle) if needle else -1
        if at < 0:
            return None
        start = self._offsets[at]
        end = self._offsets[at + len(needle) - 1] + 1
        spanned = tuple(p for p in self.paragraphs if p.start < end and p.end > start)
        return Passage(self.name, start, end, spanned)


def paragraph_numbers(passages: Iterable[Passage]) -> list[str]:
    """The document's own paragraph numbers of `passages`, each once, in order ("27", "28 (d)"); none for a
    document without numbered paragraphs."""
    return list(dict.fromkeys(p.number for p in passages if p.number))


class SeedLibrary:
    """The seeds directory, read lazily and once per file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._seeds: dict[str, Seed | OSError | UnicodeDecodeError | ValueError] = {}

    def get(self, name: str) -> Seed:
        """The seed called `name`. Raises FileNotFoundError (no such seed, or a name that leaves the folder),
        ValueError (too large) or UnicodeDecodeError (not UTF-8); the same error again on later calls."""
        if name not in self._seeds:
            self._seeds[name] = self._read(name)
        found = self._seeds[name]
        if isinstance(found, Exception):
            raise found
        return found

    def locate(self, name: str, quotes: Iterable[str]) -> tuple[Seed, list[Passage]] | None:
        """The seed called `name` and the passages of those of `quotes` it holds, in order; None when the seed
        cannot be read. What the app's source pane and the export both show of a point's sources."""
        try:
            seed = self.get(name)
        except (OSError, ValueError, UnicodeDecodeError):
            return None
        return seed, [p for p in map(seed.locate, quotes) if p is not None]

    def _read(self, name: str) -> Seed | OSError | UnicodeDecodeError | ValueError:
        path = (self.folder / name).resolve()
        if path.parent != self.folder.resolve() or not path.is_file():
            return FileNotFoundError(name)
        try:
            if path.stat().st_size > MAX_SEED_BYTES:
                return ValueError(name)
            return Seed.read(path)
        except (OSError, UnicodeDecodeError) as error:
            return error
