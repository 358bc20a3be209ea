"""`brief.widths.width`, the page's and the seed layout's cell count, against `unicodedata` itself."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from brief import widths
from brief.widths import width


def asked(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_every_code_point_counts_as_unicodedata_says() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    assert width(every) == asked(every)
    for char in ("a", "中", "，", "Ａ", "\u3000", "é", "\u200b", "\t", "😀"):
        assert width(char) == asked(char), char
    assert width("中国 CD/2105") == 4 + 1 + 7 and width("abc") == 3
    assert len(widths._CELLS) <= 0x10000  # what it learnt: the BMP at most


@given(st.text())
def test_any_text_twice_counts_the_same(text: str) -> None:
    assert width(text) == asked(text) == width(text)
