"""Line breaking for mixed Chinese and English text in a terminal: the app's panes and the command line.

Rich and Textual wrap only at spaces: a Chinese run after an English word jumps whole to the next line, and
`。，` can start a line. Here break opportunities follow the Unicode line breaking algorithm (UAX #14) for the
classes that occur in this kind of text. The line-break class of each character comes from a table generated
from uniseg's Unicode data (`linebreak_data.py`, made by `scripts/make-linebreak-data`; a test compares it with
uniseg for every code point); the pair rules are applied here because uniseg's full implementation is
far too slow to wrap a screenful on every resize. `tests/test_linebreak.py` checks that every
break taken here is one uniseg allows, over all the bundled text.

Chinese tailoring, as in UAX #14's East Asian rules: quotation marks open or close by their general category
(“ opens, ” closes), so that no line starts with ” or ends with “; and a date holds together (2017年6月28日: no
break between a number and 年, 月 or 日, nor after 年 or 月 before a number).

Widths are terminal cells, from the Unicode data of the standard library (`cell_width`), so that the command line
wraps without Rich; a test checks that they agree with Rich's, which the app draws with, on all the bundled text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

from brief.linebreak_data import CLASSES, STARTS

# Simplified classes.
_OPEN = "OP"  # （《「“ : no break after
_CLOSE = "CL"  # ）》」”，。、 and nonstarters (；：…): no break before
_PAREN = "CP"  # ) ] : no break before, nor before a following word
_INFIX = "IS"  # . , : ; ? ! in Latin text: no break before, nor before a following word or number
_IDEO = "ID"  # ideographs, kana: break before and after
_WORD = "AL"  # letters, digits and the symbols inside words: no break inside
_SPACE = "SP"  # break after
_DASH = "B2"  # —— : break before and after, not between two dashes
_GLUE = "GL"  # no break on either side
_HYPHEN = "HY"  # hyphens: no break before (and, conservatively, none after)

_CLASS_MAP = {
    "OP": _OPEN, "CL": _CLOSE, "NS": _CLOSE, "IN": _CLOSE, "CJ": _CLOSE, "CP": _PAREN, "EX": _INFIX,
    "IS": _INFIX, "SY": _INFIX, "ID": _IDEO, "H2": _IDEO, "H3": _IDEO, "JL": _IDEO, "JV": _IDEO, "JT": _IDEO,
    "SP": _SPACE, "ZW": _SPACE, "B2": _DASH, "GL": _GLUE, "WJ": _GLUE, "BA": _HYPHEN, "HY": _HYPHEN,
}
_NO_BREAK_BEFORE = {_CLOSE, _PAREN, _INFIX, _SPACE, _GLUE, _HYPHEN}


def class_of_property(name: str) -> str:
    """The simplified class of a UAX #14 Line_Break property value; "QU" stays, to be tailored per character."""
    return "QU" if name == "QU" else _CLASS_MAP.get(name, _WORD)


#: Characters that take no cell: combining marks, controls and format characters (zero-width spaces, joiners).
_NO_CELL = frozenset({"Mn", "Me", "Cc", "Cf"})


@functools.lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """The cells `ch` takes in a terminal: two for East Asian wide and fullwidth characters, none for marks and
    controls, one for the rest (an unassigned code point too)."""
    category = unicodedata.category(ch)
    if category in _NO_CELL:
        return 0
    return 2 if category != "Cn" and unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """The cells `text` takes in a terminal."""
    return len(text) if text.isascii() and text.isprintable() else sum(map(char_width, text))


@functools.lru_cache(maxsize=4096)
def char_class(ch: str) -> str:
    if ch.isspace():
        return _SPACE
    name = CLASSES[bisect.bisect_right(STARTS, ord(ch)) - 1]
    if name == "QU":  # tailoring: quotation marks open or close by their general category
        category = unicodedata.category(ch)
        return _OPEN if category == "Pi" else _CLOSE if category == "Pf" else _GLUE
    return name


def _breaks_between(before: str, after: str) -> bool:
    """Whether a line may break between a character of class `before` and one of class `after`."""
    if after in _NO_BREAK_BEFORE or before in (_OPEN, _GLUE):
        return False
    if before == _SPACE:
        return True
    if before == _DASH or after == _DASH:
        return not (before == _DASH and after == _DASH)
    if before == _IDEO or after == _IDEO:
        return True
    if before == _CLOSE:
        return True
    return before in (_PAREN, _INFIX) and after == _OPEN


_CLASSES = (_OPEN, _CLOSE, _PAREN, _INFIX, _IDEO, _WORD, _SPACE, _DASH, _GLUE, _HYPHEN)
#: Every pair of classes, decided once: the per-character loop is then one lookup.
_BREAKS = {(before, after): _breaks_between(before, after) for before in _CLASSES for after in _CLASSES}


#: Inside a Chinese date: between a digit and 年, 月 or 日, and between 年 or 月 and a digit.
_DATE_GLUE = re.compile(r"(?<=\d)(?=[年月日])|(?<=[年月])(?=\d)")
#: A short number and the word before it, as a reference ("Letter 2", "信函 2", "item 4", "para. 27", "第 27 段"):
#: no line starts with the number (a year, four digits, may).
_NUMBER_GLUE = re.compile(r"(?<=[^\W\d_]|\.) (?=\d{1,3}(?!\d))")


@functools.lru_cache(maxsize=4096)
def break_opportunities(text: str) -> tuple[int, ...]:
    """Offsets at which a new line may start (never 0)."""
    classes = [char_class(ch) for ch in text]
    breaks = _BREAKS
    found = tuple(index for index, pair in enumerate(zip(classes, classes[1:]), 1) if breaks[pair])
    glued: set[int] = set()
    if "年" in text or "月" in text or "日" in text:
        glued.update(match.start() for match in _DATE_GLUE.finditer(text))
    if " " in text:
        glued.update(match.end() for match in _NUMBER_GLUE.finditer(text))
    return tuple(index for index in found if index not in glued) if glued else found


@functools.lru_cache(maxsize=4096)
def wrap_offsets(text: str, width: int) -> tuple[int, ...]:
    """Offsets where `text` (one paragraph, no newlines) breaks to fit `width` cells: each line ends at the
    furthest break opportunity that fits (trailing spaces aside). A word longer than a whole line is folded at
    the character that overflows. Linear in the length of the text."""
    if width <= 0:
        return ()
    cells = list(itertools.accumulate(map(char_width, text), initial=0))  # width of text[:i]
    end = len(text)

    def visible(start: int, stop: int) -> int:
        """The width of text[start:stop] without its trailing spaces."""
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        return cells[stop] - cells[start]

    if visible(0, end) <= width:
        return ()
    opportunities = break_opportunities(text)
    offsets: list[int] = []
    start = position = 0  # position: index into opportunities
    while visible(start, end) > width:
        while position < len(opportunities) and opportunities[position] <= start:
            position += 1
        best = None
        while position < len(opportunities) and visible(start, opportunities[position]) <= width:
            best = opportunities[position]
            position += 1
        if best is None:  # no opportunity fits: fold at the character that overflows (at least one per line)
            best = max(start + 1, bisect.bisect_right(cells, cells[start] + width) - 1)
            if best >= end:  # the last character alone is wider than the line
                break
        offsets.append(best)
        start = best
    return tuple(offsets)



def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells (its paragraphs kept, the spaces that end a line dropped)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = (0, *wrap_offsets(paragraph, width), len(paragraph))
        lines.extend(paragraph[start:end].rstrip() for start, end in zip(offsets, offsets[1:]))
    return lines


def indented(text: str, width: int, first: str, rest: str) -> list[str]:
    """`text` wrapped after `first` on its first line and `rest` on the others (a hanging indent, when `first`
    is as wide as `rest`); the text goes under `first` when the room beside it is too narrow."""
    room = width - max(cell_width(first), cell_width(rest))
    if room < 12:
        return [first.rstrip(), *(rest + line for line in wrap(text, max(1, width - cell_width(rest))))]
    lines = wrap(text, room)
    return [first + lines[0], *(rest + line for line in lines[1:])]
