"""Sentences of a paragraph in Chinese and in English, as `brief draft` cuts them."""

from __future__ import annotations

from brief.sentences import sentences


def cut(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_chinese_sentences_end_at_full_stops_with_their_closing_marks() -> None:
    text = "许多代表团指出，消极安全保证的唯一绝对保障就是彻底消除核武器。因而指出，这是“一项暂行措施。”  有人问：为什么？"
    assert cut(text) == ["许多代表团指出，消极安全保证的唯一绝对保障就是彻底消除核武器。", "因而指出，这是“一项暂行措施。”",
                         "有人问：为什么？"]


def test_english_sentences_keep_abbreviations_initials_and_symbols_whole() -> None:
    text = ("The Working Group, chaired by Manuel B. Dengo, considered e.g. working paper No. 3 (A/AC.281/WP.3). "
            "Some delegations agreed.  Others did not! \"A view\" was expressed.")
    assert cut(text) == ["The Working Group, chaired by Manuel B. Dengo, considered e.g. working paper No. 3 "
                         "(A/AC.281/WP.3).", "Some delegations agreed.", "Others did not!", "\"A view\" was expressed."]


def test_a_text_without_final_punctuation_is_one_sentence() -> None:
    assert cut("  一般性交换意见 ") == ["一般性交换意见"]
    assert cut("General exchange of views") == ["General exchange of views"]
    assert cut("   ") == []
