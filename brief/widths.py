"""How many cells of a printed page or a seed's fixed-width layout a text takes: a wide or full-width character
(East Asian Width W or F) counts two, every other character one. The rule of `brief.export.page.PageBudget` and of
`brief.seedtext`'s layout reading (the terminal's own rule, where marks and controls take no cell, is
`brief.linebreak.cell_width`).

A text in ASCII is its length; any other is summed through a table that learns each character's width the first
time it meets it, a C-level lookup a character after that (half the time of asking `unicodedata` each time).
"""

from __future__ import annotations

import unicodedata


class _Cells(dict[str, int]):
    """A character's cells, learnt on first use: those of the Basic Multilingual Plane only (every Chinese
    character of the UN's texts), so that the table never holds more than 65,536 of them, whatever a file holds."""

    def __missing__(self, char: str) -> int:
        cells = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if char <= "\uffff":
            self[char] = cells
        return cells


_CELLS = _Cells()
_cells = _CELLS.__getitem__


def width(text: str) -> int:
    """Display width in cells: wide and full-width characters count 2, the rest 1."""
    return len(text) if text.isascii() else sum(map(_cells, text))
