"""Line breaking for mixed Chinese and English: lines fit, breaks are allowed ones, lines are as full as they can
be, dates hold together, and the widths are the cells the app draws (Rich's) without Rich."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from uniseg.linebreak import line_break_breakables

from brief.linebreak import break_opportunities, cell_width, char_width, wrap, wrap_offsets
from brief.loader import load
from tests.conftest import BRIEFS, SEEDS


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
        assert cell_width(line) <= width or end - start == 1, (text, width, line)
        if end == len(text):
            continue
        if end in opportunities:  # greedy: the next opportunity would not have fitted
            later = [o for o in opportunities if o > end]
            if later:
                assert cell_width(text[start:later[0]].rstrip()) > width
        else:  # a fold: no opportunity fitted at all
            assert not any(start < o <= end for o in opportunities), (text, width, start, end)


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
    assert lines[0].startswith("许多代表团认为 the") and all(cell_width(line) <= 24 for line in lines)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab cd，。“”（）许多代表团认为-—/12", max_size=120), st.integers(min_value=1, max_value=40))
def test_random_mixed_text_wraps_within_width(text: str, width: int) -> None:
    check_wrap(text.replace("\n", " "), width)


def test_the_generated_table_matches_uniseg_for_every_code_point() -> None:
    """`brief/linebreak_data.py` is made by scripts/make-linebreak-data; run it again if this fails after
    an update of uniseg."""
    import bisect
    import sys

    from uniseg.linebreak import line_break

    from brief.linebreak import class_of_property
    from brief.linebreak_data import CLASSES, STARTS

    wrong = [hex(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
             and CLASSES[bisect.bisect_right(STARTS, code) - 1]
             != class_of_property(str(line_break(chr(code))).rsplit(".", 1)[-1])]
    assert wrong == []


def test_widths_are_richs_for_every_character_of_the_briefs_and_seeds() -> None:
    """The app draws with Rich's widths and the command line wraps with ours: on every character brief shows
    (the bundled briefs, the seeds, the app's own markers) they are the same."""
    characters = set("".join(TEXTS)) | set("".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")))
    characters |= set("✔◦⇄➜✎⚑·…—–“”‘’（）《》「」、。，；：？！\u00a0\u200b\u3000")
    wrong = {ch: (char_width(ch), get_character_cell_size(ch)) for ch in characters
             if char_width(ch) != get_character_cell_size(ch)}
    assert wrong == {}
    assert cell_width("CD/2105 消极安全保证") == 8 + 12 and cell_width("a\u0301") == 1


DATE = re.compile(r"\d+年(\d+月)?(\d+日)?|\d+月\d+日|\d+日")


@pytest.mark.parametrize("width", range(10, 60))
def test_a_short_number_stays_with_the_word_before_it(width: int) -> None:
    """A reference is one unit: "信函 2", "Letter 2", "item 4", "para. 27" never end a line before the number; a
    year may start a line."""
    for text, glued in [("裁军谈判会议“前进道路”工作组 | 2017年6月28日至30日 | CD/2105，信函 2（2017年7月6日）", "信函 2"),
                        ("Conference on Disarmament | 28–30 June 2017 | CD/2105, Letter 2 (6 July 2017)", "Letter 2"),
                        ("as set out in agenda item 4 and in para. 27 of the report", "item 4"),
                        ("as set out in agenda item 4 and in para. 27 of the report", "para. 27")]:
        at = text.index(glued) + glued.index(" ") + 1
        assert at not in wrap_offsets(text, width), (text, width)
    assert 1 + "the conference of 2017".index(" 2017") in break_opportunities("the conference of 2017")


@pytest.mark.parametrize("width", range(14, 40))
def test_a_chinese_date_is_never_broken(width: int) -> None:
    """A date is one unit: no line ends inside 2017年6月28日 (any date fits a line of 14 cells)."""
    texts = ["第一次会议于2017年6月28日至30日在日内瓦举行，各代表团（2013年）发了言，会期为5月14日至24日。",
             *(text for text in TEXTS if DATE.search(text))]
    for text in texts:
        offsets = set(wrap_offsets(text, width))
        for match in DATE.finditer(text):
            assert not offsets & set(range(match.start() + 1, match.end())), (text, width, match.group())
