"""Line breaking for mixed Chinese and English text in a terminal.

Rich and Textual wrap only at spaces: a Chinese run after an English word jumps whole to the next line, and
`。，` can start a line. Here break opportunities follow the Unicode line breaking algorithm (UAX #14) for the
classes that occur in this kind of text, with the line-break class of each character taken from uniseg's
Unicode data; the pair rules are applied here because uniseg's full implementation costs ≈ 0.1 ms per
character, too slow to wrap a screenful on every resize (this costs about 1 µs). `tests/test_linebreak.py`
checks that every break taken here is one uniseg allows, over all the bundled text.

Chinese tailoring, as in UAX #14's East Asian rules: quotation marks open or close by their general category
(“ opens, ” closes), so that no line starts with ” or ends with “.
"""

from __future__ import annotations

import functools
import unicodedata

from rich.cells import cell_len
from uniseg.linebreak import line_break

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


@functools.lru_cache(maxsize=4096)
def char_class(ch: str) -> str:
    if ch.isspace():
        return _SPACE
    name = str(line_break(ch)).rsplit(".", 1)[-1]
    if name == "QU":  # tailoring: quotation marks open or close by their general category
        category = unicodedata.category(ch)
        return _OPEN if category == "Pi" else _CLOSE if category == "Pf" else _GLUE
    return _CLASS_MAP.get(name, _WORD)


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


def break_opportunities(text: str) -> list[int]:
    """Offsets at which a new line may start (never 0)."""
    classes = [char_class(ch) for ch in text]
    found: list[int] = []
    for index in range(1, len(text)):
        before, after = classes[index - 1], classes[index]
        if before == _SPACE and after == _SPACE:
            continue
        if _breaks_between(before, after):
            found.append(index)
    return found


@functools.lru_cache(maxsize=2048)
def wrap_offsets(text: str, width: int) -> tuple[int, ...]:
    """Offsets where `text` (one paragraph, no newlines) breaks to fit `width` cells. A word longer than a whole
    line is folded at the character that overflows."""
    if width <= 0 or cell_len(text) <= width:
        return ()
    opportunities = break_opportunities(text)
    offsets: list[int] = []
    start = 0
    position = 0  # index into opportunities
    while cell_len(text[start:].rstrip()) > width:
        # The furthest opportunity whose line (trailing spaces aside) fits.
        best = None
        while position < len(opportunities) and opportunities[position] <= start:
            position += 1
        probe = position
        while probe < len(opportunities) and cell_len(text[start:opportunities[probe]].rstrip()) <= width:
            best = opportunities[probe]
            probe += 1
        if best is None:  # no opportunity fits: fold by cells
            best = start + 1
            while best < len(text) and cell_len(text[start:best + 1]) <= width:
                best += 1
        offsets.append(best)
        start = best
    return tuple(offsets)


def wrap(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells; paragraphs (newlines) are kept; line-end spaces dropped."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = (0, *wrap_offsets(paragraph, width), len(paragraph))
        lines.extend(paragraph[a:b].rstrip() for a, b in zip(offsets, offsets[1:]))
    return lines
