"""Seeds: quotes are found whatever the whitespace, and passages come with their paragraph and number."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from brief.sources import Seed, SeedLibrary, compact
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def oewg() -> Seed:
    return Seed.read(SEEDS / "a-68-514.zh.txt")


def test_locate_ignores_whitespace_and_returns_the_paragraph() -> None:
    seed = Seed("x.txt", "标题\n\n第一段 文字，\n继续。\n\n第二段：许多 代表团\n认为，这样。\n")
    passage = seed.locate("许多代表团认为")
    assert passage is not None
    (paragraph,) = passage.paragraphs
    assert paragraph.text == "第二段：许多 代表团\n认为，这样。"
    before, quote, after = passage.parts(seed.text)
    assert (before, quote, after) == ("第二段：", "许多 代表团\n认为", "，这样。")
    assert seed.count("许多代表团认为") == 1
    assert seed.locate("没有的话") is None and seed.count("") == 0


def test_quote_spanning_paragraphs_keeps_both() -> None:
    seed = Seed("x.txt", "甲乙丙。\n\n丁戊己。")
    passage = seed.locate("丙。丁")
    assert passage is not None and [p.text for p in passage.paragraphs] == ["甲乙丙。", "丁戊己。"]


def test_headings_are_short_lines_without_final_punctuation() -> None:
    seed = Seed("x.txt", "核查\n\n各代表团考虑了条约核查的若干办法。\n")
    assert [p.is_heading for p in seed.paragraphs] == [True, False]


def test_a_68_514_paragraph_numbers(oewg: Seed) -> None:
    for quote, number in [("工作组强调，无论国际社会决定采用哪一种方针", "21"),
                          ("继续或宣布不首先使用核武器", "27 (e)"),
                          ("禁止一切形式的核武器试验，包括超临界试验和亚临界试验", "29 (e)")]:
        passage = oewg.locate(quote)
        assert passage is not None and passage.number == number
    numbers = [p.number for p in oewg.paragraphs if p.number and p.number.isdigit()]
    assert numbers[-1] == "52" and len(set(numbers) - set(map(str, range(1, 8)))) == 52 - 7


def test_library_refuses_names_outside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "secret.txt").write_text("秘密", encoding="utf-8")
    (tmp_path / "seeds" / "bad.txt").write_bytes(b"\xff\xfe broken")
    library = SeedLibrary(tmp_path / "seeds")
    with pytest.raises(FileNotFoundError):
        library.get("../secret.txt")
    with pytest.raises(UnicodeDecodeError):
        library.get("bad.txt")
    with pytest.raises(UnicodeDecodeError):  # the failure is remembered, not re-read
        library.get("bad.txt")


def test_compact_removes_exactly_what_a_regular_expression_for_whitespace_finds() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert compact(every) == re.sub(r"\s+", "", every)
    assert len(every) - len(compact(every)) == 29  # the Unicode whitespace characters, and nothing else
