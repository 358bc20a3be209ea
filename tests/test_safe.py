"""The boundary for text from files (`brief.safe`): which characters are hidden, and how they are shown."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.safe import (
    BIDI,
    CONTROL,
    HIDDEN,
    HIDDEN_BELOW_10000,
    INVISIBLE,
    SURROGATE,
    code_point,
    fit_for_terminal,
    hidden_in,
    kind,
    visible,
)

CHINESE = "各代表团普遍认同：消极安全保证是“临时步骤”——《不扩散条约》·第 4 段、第 5 段。\u3000　全角空格与\xa0不换行空格"


def test_chinese_text_and_its_punctuation_and_spaces_pass_unchanged() -> None:
    assert visible(CHINESE) is CHINESE
    assert fit_for_terminal(CHINESE) and fit_for_terminal(CHINESE.encode("utf-8"))
    assert not HIDDEN.search(CHINESE + "Negative security assurances (many) [1] * # `code` <b>")


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b]52;c;cm0gLXJmIH4=\x07", "⟨U+001B⟩]52;c;cm0gLXJmIH4=⟨U+0007⟩"),
    ("\x1b[2J\x1bc", "⟨U+001B⟩[2J⟨U+001B⟩c"),
    ("a\rb\x08c\x7fd\x9be\x85f", "a⟨U+000D⟩b⟨U+0008⟩c⟨U+007F⟩d⟨U+009B⟩e⟨U+0085⟩f"),
    ("abc\u202edef\u2066\u200f", "abc⟨U+202E⟩def⟨U+2066⟩⟨U+200F⟩"),
    ("zero\u200bwidth\u200d\u2060\ufeff\xad", "zero⟨U+200B⟩width⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩⟨U+00AD⟩"),
    ("tag\U000e0041\U000e007f\ufe0f\u180e\u3164", "tag⟨U+E0041⟩⟨U+E007F⟩⟨U+FE0F⟩⟨U+180E⟩⟨U+3164⟩"),
    ("line\u2028para\u2029", "line⟨U+2028⟩para⟨U+2029⟩"),
    ("lone \ud800 half", "lone ⟨U+D800⟩ half"),
    ("tab\there\nnewline kept\r\nas a line break\rbut not alone", "tab here\nnewline kept\nas a line break⟨U+000D⟩but "
     "not alone"),
])
def test_hidden_characters_are_shown_by_their_code_point(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert fit_for_terminal(shown) and not fit_for_terminal(text)
    assert visible(shown) == shown  # showing twice changes nothing


def test_every_control_format_separator_and_surrogate_is_hidden() -> None:
    """Whatever Unicode version this Python has: a new format character must be added to `brief.safe`."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    hidden = set(HIDDEN.findall(everything))
    assert {ch for ch in everything if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")} - hidden == {
        "\t", "\n"}
    # The faster search finds the same below U+10000; above it, a hidden character's UTF-8 starts F0 or F3.
    assert set(HIDDEN_BELOW_10000.findall(everything)) == {ch for ch in hidden if ord(ch) < 0x10000}
    assert {ch.encode("utf-8")[0] for ch in hidden if ord(ch) >= 0x10000} == {0xF0, 0xF3}
    assert hidden_in(CHINESE.encode()) is HIDDEN_BELOW_10000 and hidden_in("\U000e0041".encode()) is HIDDEN


def test_the_shown_form_is_narrow_printable_text() -> None:
    """Every character `visible` writes is one cell wide on any terminal, CJK ones too, and acts on none."""
    assert {unicodedata.east_asian_width(ch) for ch in "⟨U+0123456789ABCDEF⟩"} <= {"Na", "N"}
    assert {unicodedata.category(ch)[0] for ch in "⟨⟩"} == {"P"}


@pytest.mark.parametrize(("character", "name", "what"), [
    ("\x1b", "U+001B ESCAPE", CONTROL),
    ("\x9b", "U+009B CONTROL SEQUENCE INTRODUCER", CONTROL),
    ("\x7f", "U+007F DELETE", CONTROL),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", BIDI),
    ("\u061c", "U+061C ARABIC LETTER MARK", BIDI),
    ("\u200b", "U+200B ZERO WIDTH SPACE", INVISIBLE),
    ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A", INVISIBLE),
    ("\ufe0f", "U+FE0F VARIATION SELECTOR-16", INVISIBLE),
    ("\udc00", "U+DC00", SURROGATE),
])
def test_a_hidden_character_is_named_and_classed(character: str, name: str, what: str) -> None:
    assert (code_point(character), kind(character)) == (name, what)


@given(st.text(st.characters(), max_size=40).filter(lambda text: "⟨" not in text) | st.lists(st.sampled_from(
    ["\r", "\n", "\t", "\x1b", "\u202e", "a", "中"])).map("".join))
def test_whatever_the_text_what_is_shown_is_fit_for_a_terminal(text: str) -> None:
    shown = visible(text)
    assert fit_for_terminal(shown)
    # Only hidden characters and tabs change, each into its own form (and a CR LF line break into a newline).
    lines = text.replace("\r\n", "\n")
    assert re.sub(r"⟨U\+[0-9A-F]{4,5}⟩", "", shown) == "".join(
        " " if ch == "\t" else ch for ch in lines if not HIDDEN.match(ch))
    assert len(re.findall(r"⟨U\+[0-9A-F]{4,5}⟩", shown)) == len(HIDDEN.findall(lines))


def test_raw_bytes_that_are_not_utf8_are_not_fit() -> None:
    assert not fit_for_terminal(b"\x9b2J")  # a C1 control as a raw byte
    assert fit_for_terminal("⟨U+009B⟩2J".encode())
