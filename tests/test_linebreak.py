"""Line breaking for mixed Chinese and English: lines fit, breaks are allowed ones, and lines are as full as
they can be."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from uniseg.linebreak import line_break_breakables

from brief.loader import load
from brief.tui.linebreak import break_opportunities, wrap_offsets
from tests.conftest import BRIEFS


def bundled_texts() -> list[str]:
    corpus = load(BRIEFS)
    texts = []
    for brief in corpus.briefs:
        texts += [brief.summary.en, brief.summary.zh]
        for _, point in brief.points():
            for source in point.sources:
                texts.append(source.quote)
            for text in ([point.issue] if hasattr(point, "issue") else [point.text]):
                texts += [text.en, text.zh]
    return texts


TEXTS = bundled_texts()


def is_quotation(character: str) -> bool:
    return unicodedata.category(character) in ("Pi", "Pf") or character in "\"'"


def test_every_opportunity_is_one_uax14_allows() -> None:
    """uniseg runs the whole UAX #14 algorithm; ours is the fast subset with the Chinese tailoring of quotation
    marks (an opening mark never ends a line, a closing one may), which is the only difference allowed."""
    for text in TEXTS:
        allowed = {i for i, breakable in enumerate(line_break_breakables(text)) if breakable}
        for offset in break_opportunities(text):
            if offset not in allowed:
                assert is_quotation(text[offset - 1]) or is_quotation(text[offset]), (text, offset)


def check_wrap(text: str, width: int) -> None:
    if not text:
        assert wrap_offsets(text, width) == ()
        return
    offsets = wrap_offsets(text, width)
    opportunities = set(break_opportunities(text))
    bounds = (0, *offsets, len(text))
    for start, end in zip(bounds, bounds[1:]):
        line = text[start:end].rstrip()
        assert end > start
        assert cell_len(line) <= width or end - start == 1, (text, width, line)
        if end == len(text):
            continue
        if end in opportunities:  # greedy: the next opportunity would not have fitted
            later = [o for o in opportunities if o > end]
            if later:
                assert cell_len(text[start:later[0]].rstrip()) > width
        else:  # a fold: no opportunity fitted at all
            assert not any(start < o <= end for o in opportunities), (text, width, start, end)



def wrap(text: str, width: int) -> list[str]:
    """`text` as the lines `wrap_offsets` breaks it into (paragraphs kept, line-end spaces dropped)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = (0, *wrap_offsets(paragraph, width), len(paragraph))
        lines.extend(paragraph[a:b].rstrip() for a, b in zip(offsets, offsets[1:]))
    return lines


@pytest.mark.parametrize("width", [12, 30, 57, 80])
def test_bundled_texts_wrap_within_width(width: int) -> None:
    for text in TEXTS:
        check_wrap(text, width)


def test_chinese_punctuation_never_starts_a_line_and_quotes_stay_with_their_text() -> None:
    for text in TEXTS:
        for line in wrap(text, 20)[1:]:
            assert line[:1] not in "，。、；：！？）》”", line
        for line in wrap(text, 20):
            assert line[-1:] not in "（《“", line


def test_english_after_chinese_breaks_inside_the_chinese_run() -> None:
    text = "许多代表团认为 the existing assurances 不能令人满意，因为这些保证不具有法律约束力"
    lines = wrap(text, 24)
    assert lines[0].startswith("许多代表团认为 the") and all(cell_len(line) <= 24 for line in lines)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab cd，。“”（）许多代表团认为-—/12", max_size=120), st.integers(min_value=1, max_value=40))
def test_random_mixed_text_wraps_within_width(text: str, width: int) -> None:
    check_wrap(text.replace("\n", " "), width)


def test_the_generated_table_matches_uniseg_for_every_code_point() -> None:
    """`brief/tui/linebreak_data.py` is made by scripts/make-linebreak-data; run it again if this fails after
    an update of uniseg."""
    import bisect
    import sys

    from uniseg.linebreak import line_break

    from brief.tui.linebreak import class_of_property
    from brief.tui.linebreak_data import CLASSES, STARTS

    wrong = [hex(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
             and CLASSES[bisect.bisect_right(STARTS, code) - 1]
             != class_of_property(str(line_break(chr(code))).rsplit(".", 1)[-1])]
    assert wrong == []
