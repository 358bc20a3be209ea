"""Hidden characters in a brief or the glossary (`brief.safe`): each is an error at its exact line and column,
naming the character, so that a curator can remove it; a file that holds one gives no brief to any renderer.
In a seed, which is shown visibly, each is a warning at its line (`in_seed`).

Two places can put one into a value, a key or a comment, and both are found: the character itself, written
in the file (a zero-width space or U+202E pasted from a web page: YAML accepts them), and a double-quoted
string's escape (`"\\e[2J"`, `"\\u202e"`, `"\\x1b"`), reported at its backslash with the escape as written. The
check runs on a file that reads as YAML (YAML's own reader refuses control characters written in the file).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from brief.corpus import Problem
from brief.files import shown_path
from brief.i18n import N_
from brief.safe import HIDDEN, code_point, hidden_in, kind, visible

if TYPE_CHECKING:
    from brief.sources import SeedLibrary
    from brief.yamlfile import NodePath, Reader

#: At most this many hidden characters are reported for one file; a last problem counts the others.
MOST_REPORTED = 50
WRITTEN = N_("{char} is {kind}: delete it (most editors do not show it)")
ESCAPED = N_("the escape `{escape}` gives {char}, {kind}: delete it")
IN_SEED = N_("{char} is {kind}, shown as {shown}: delete it from the seed, unless the document has it")
MORE = N_("{count} more hidden characters in this file: delete them too (`brief check` shows the first {shown})")

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # where YAML starts a line (and counts its marks)
#: YAML's escapes of one letter (`\t`, `\e`, …), and of a code (`\x1b`, `\u202e`, `\U0001f600`) with its length.
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}
_CODES = {"x": 2, "u": 4, "U": 8}
#: What may come between the start of a node and its value: a tag (`!!str`), an anchor (`&name`), spaces, line
#: breaks and comments.
_PROPERTIES = re.compile(r"(?:[!&]\S*|\s+|#[^\n]*)*")


def check_hidden(reader: Reader, data: Any) -> bool:
    """Report every hidden character of the file `reader` has parsed into `data`; True when there is none."""
    text = reader.text
    written = hidden_in(reader.raw).search(text)
    if written is None and "\\" not in text:  # the file holds neither the characters nor an escape
        return True
    starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    found: list[tuple[int, str, str | None]] = []  # offset, character, the escape that gives it
    if written is not None:  # a carriage return written in the file is a line break to YAML
        found += [(match.start(), match.group(), None) for match in HIDDEN.finditer(text, written.start())
                  if match.group() != "\r"]
    if "\\" in text:
        written_characters = {character for _, character, _ in found}
        for path, on_key, value in _hiding(data):
            line, col = reader.positions.of(path, on_key)
            escapes = _escapes(text, starts[line - 1] + col - 1)
            unseen = [ch for ch in HIDDEN.findall(value) if ch not in written_characters]
            if unseen and not escapes:  # never so: but what hides in the data must not load, wherever it came from
                escapes = [(starts[line - 1] + col - 1, unseen[0], None)]
            found += escapes
    found.sort()
    for offset, character, escape in found[:MOST_REPORTED]:
        where = _position(starts, offset)
        if escape is None:
            reader.problem(where, WRITTEN, char=code_point(character), kind=kind(character))
        else:
            reader.problem(where, ESCAPED, escape=escape, char=code_point(character), kind=kind(character))
    if len(found) > MOST_REPORTED:
        reader.problem(_position(starts, found[MOST_REPORTED][0]), MORE, count=str(len(found) - MOST_REPORTED),
                       shown=str(MOST_REPORTED))
    return not found


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _hiding(data: Any) -> list[tuple[NodePath, bool, str]]:
    """Every string of `data` that holds a hidden character: its path, whether it is a key, and itself."""
    found: list[tuple[NodePath, bool, str]] = []
    stack: list[tuple[NodePath, Any]] = [((), data)]  # not recursive: the reader bounds nesting, not Python
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if HIDDEN.search(value):
                found.append((path, False, value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and HIDDEN.search(key):
                    found.append(((*path, key), True, key))
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return found


def _escapes(text: str, start: int) -> list[tuple[int, str, str | None]]:
    """The escapes that give a hidden character in the double-quoted string of the node that starts at `start`,
    after its tag and anchor, if it is one (a plain or single-quoted string has no escapes: what hides in it is
    written in the file)."""
    start = _PROPERTIES.match(text, start).end()  # type: ignore[union-attr]  # it matches the empty string
    if text[start : start + 1] != '"':
        return []
    found: list[tuple[int, str, str | None]] = []
    index = start + 1
    while index < len(text) and text[index] != '"':
        if text[index] != "\\":
            index += 1
            continue
        letter = text[index + 1 : index + 2]
        length = 2 + _CODES.get(letter, 0)
        escape = text[index : index + length]
        try:
            character = chr(int(escape[2:], 16)) if letter in _CODES else _ESCAPES.get(letter, "")
        except ValueError:  # YAML reads no such escape; it reported it
            character = ""
        if HIDDEN.fullmatch(character):
            found.append((index, character, escape))
        index += length
    return found


def in_seed(seeds: SeedLibrary, name: str) -> tuple[Problem, ...]:
    """A warning at every hidden character of the seed `name` (none when it cannot be read: the brief that
    quotes it says why). A line break written CR LF is a line break."""
    try:
        text = seeds.get(name).text
    except (OSError, ValueError, UnicodeDecodeError):
        return ()
    shown = shown_path(seeds.folder / name)
    found = [match for match in hidden_in(text.encode("utf-8")).finditer(text)
             if text[match.start() : match.end() + 1] != "\r\n"]
    problems = []
    for match in found[:MOST_REPORTED]:
        character = match.group()
        line_start = text.rfind("\n", 0, match.start()) + 1
        problems.append(Problem(path=shown, line=text.count("\n", 0, line_start) + 1,
                                col=match.start() - line_start + 1, level="warning", template=IN_SEED,
                                params={"char": code_point(character), "kind": kind(character),
                                        "shown": visible(character)}))
    if len(found) > MOST_REPORTED:
        at = found[MOST_REPORTED].start()
        problems.append(Problem(path=shown, line=text.count("\n", 0, at) + 1, col=1, level="warning",
                                template=MORE, params={"count": str(len(found) - MOST_REPORTED),
                                                       "shown": str(MOST_REPORTED)}))
    return tuple(problems)
