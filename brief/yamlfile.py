"""Reading one YAML file of the briefs folder: plain data plus the line and column of every value, and every
problem found on the way, without ever raising for bad input.

The file is parsed once, by libyaml's C parser where it is installed (else PyYAML's own), and its events are
walked once (`brief.yamlwalk`): anchors and aliases are refused (which defuses "billion laughs" documents), and
so are nesting and sizes far beyond any brief's, which would cost unbounded time, memory or stack; only standard
tags are accepted (a `!!python/object` is reported, never constructed), numbers must be readable, and duplicate
keys are reported. libyaml has a nesting bound of its own (since 0.2.6): when it is the one that stops the
parse, the file is walked again by PyYAML's parser, which has none, so that our bound gives our message, with
the line and column of the value that crosses it.

`brief.loader` imports this module only when a file has to be read: a start from the cache never needs YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml

from brief.corpus import Problem
from brief.i18n import N_
from brief.limits import MAX_FILE_BYTES, NotRegularFile, TooLarge, read_regular
from brief.yamlwalk import ANCHORS, NodePath, Position, Positions, walk

__all__ = ["NodePath", "Position", "Positions", "Reader", "parsers"]
Level = Literal["error", "warning"]


class PythonParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's own parser, without a composer or a constructor: slower than libyaml's, and without its bound
    on nesting."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


def parsers() -> list[type]:
    """The parsers to read a file with, the first that is installed first: libyaml's, then PyYAML's."""
    fast = getattr(getattr(yaml, "_yaml", None), "CParser", None) if getattr(yaml, "__with_libyaml__", False) else None
    return [fast, PythonParser] if fast is not None else [PythonParser]


class Reader:
    """Reads one YAML file into plain data plus positions, collecting problems instead of raising."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown
        self.problems: list[Problem] = []
        self.positions = Positions()
        self.raw = b""  # once parsed: the file's bytes and text
        self.text = ""

    def problem(self, where: Position, template: str, level: Level = "error", **params: str) -> None:
        self.problems.append(
            Problem(path=self.shown, line=where[0], col=where[1], level=level, template=template, params=params)
        )

    def report(self, where: Position, template: str, params: dict[str, str]) -> None:
        """`problem`, with the parameters in a mapping: an error."""
        self.problems.append(Problem(path=self.shown, line=where[0], col=where[1], template=template, params=params))

    def read(self) -> Any | None:
        """The file's data, or None with the problems that keep it from being read."""
        raw = self.read_bytes()
        return None if raw is None else self.parse(raw)

    def read_bytes(self) -> bytes | None:
        """The file's bytes, or None with the problem that keeps them from being read."""
        try:
            return read_regular(self.path, MAX_FILE_BYTES)
        except NotRegularFile:  # a FIFO or a device would block or never end
            self.problem((0, 0), N_("not a regular file: a brief must be a YAML text file"))
        except TooLarge as error:
            self.problem((0, 0), N_("file is {size} MB, over the {limit} MB limit for a brief: split it into one file "
                                    "per agenda item"),
                         size=f"{error.size / 1e6:.1f}", limit=f"{MAX_FILE_BYTES / 1e6:.0f}")
        except OSError as error:
            self.problem((0, 0), N_("cannot read the file ({reason}): check that it exists and is readable"),
                         reason=error.strerror or str(error))
        return None

    def parse(self, raw: bytes) -> Any | None:
        """The data of the YAML text `raw` (the file's bytes), or None with the problems found in it."""
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            line_start = raw.rfind(b"\n", 0, error.start) + 1
            col = len(raw[line_start : error.start].decode("utf-8-sig", "replace")) + 1  # in characters, not bytes
            self.problem((line, col), N_("the file is not UTF-8 (byte {byte} cannot be decoded): save it as UTF-8"),
                         byte=f"0x{raw[error.start]:02x}")
            return None
        self.raw, self.text = raw, text
        if not text.strip():
            self.problem((0, 0), N_("the file is empty: write a brief in it (see briefs/README.md) or delete it"))
            return None
        available = parsers()
        for number, parser_class in enumerate(available):
            found = self._parse(text, parser_class, retry=number + 1 < len(available))
            if found is not _RETRY:
                return found
        raise AssertionError("the last parser is never retried")

    def _parse(self, text: str, parser_class: type, retry: bool) -> Any:
        self.positions = Positions()
        parser: Any = None
        try:
            parser = parser_class(text)  # PyYAML's reader checks the characters here
            walked = walk(parser.get_event)
        except yaml.MarkedYAMLError as error:
            if retry and "nesting" in str(error.problem):  # libyaml's own bound, which ours must come before
                return _RETRY
            self._yaml_problem(error, text)
            return None
        except yaml.reader.ReaderError as error:
            offset = error.position
            if parser_class is not PythonParser:  # libyaml counts in bytes of UTF-8
                offset = len(text.encode("utf-8")[:offset].decode("utf-8", "replace"))
            line = text.count("\n", 0, offset) + 1
            col = offset - (text.rfind("\n", 0, offset) + 1) + 1
            self.problem((line, col), N_("the character {char} is not allowed in YAML: delete it (most editors do not "
                                         "show it)"), char=f"U+{error.character:04X}")
            return None
        except yaml.YAMLError as error:
            self.problem((1, 1), N_("YAML error: {reason}; correct the file (see briefs/README.md for the format)"),
                         reason=str(error))
            return None
        finally:
            if parser is not None:
                parser.dispose()
        self.positions = walked.positions
        if walked.bound is not None:
            self.report(*walked.bound)
        elif walked.composition is not None:
            self._yaml_problem(walked.composition, text)
        elif walked.problems:
            for found in walked.problems:
                self.report(*found)
        elif walked.construction is not None:
            self._yaml_problem(walked.construction, text)
        elif walked.data is None:  # only comments, or a bare `---` or `~`
            self.problem(walked.root or (1, 1), N_("the file holds no YAML document: write a brief in it or delete it"))
        else:
            return walked.data
        return None

    def _yaml_problem(self, error: yaml.MarkedYAMLError, text: str) -> None:
        mark = error.problem_mark or error.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (error.context, error.problem) if part)
        tab = _indenting_tab(text, where[0])
        if tab is not None or "'\\t'" in reason or "tab" in reason:
            self.problem(tab or where, N_("a tab character is used for indentation: indent with spaces only"))
        elif "found duplicate anchor" in reason:
            self.problem(where, ANCHORS)
        else:
            self.problem(where, N_("YAML syntax error: {reason}; check the indentation and quoting on this line "
                                   "and the one before"), reason=reason)


_RETRY = object()  # the parse stopped at the parser's own bound: try the next parser


def _indenting_tab(text: str, line: int) -> Position | None:
    """The position of a tab in the indentation of `line` or of the line before it, if there is one."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                return number, indent.index("\t") + 1
    return None
