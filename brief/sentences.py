"""Sentences of a seed's paragraph, in Chinese or in English.

A Chinese sentence ends at 。！？ (with any closing quotation mark or bracket after it). An English sentence ends
at . ! ? followed by a space and a capital letter, a digit or an opening mark, or by the end of the text, except
after an abbreviation ("e.g.", "para.", "No.") or an initial ("Manuel B. Dengo"). Spans are offsets into the
text, with the whitespace around each sentence left out, so `text[start:end]` is the sentence as written.
"""

from __future__ import annotations

import re

from brief.ladder import is_chinese

_CHINESE_END = re.compile(r"[。！？]+[”’」』）)]*")
_ENGLISH_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
#: Words that end with a full stop inside an English sentence (compared in lower case, without the final stop).
ABBREVIATIONS = frozenset(
    "e.g i.e etc no nos para paras art arts mr ms mrs dr prof vol p pp rev corr add cf vs inc ltd st op cit ibid "
    "approx fig sect ch u.s u.k u.n amb h.e".split())


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, in order; a text without final punctuation is one sentence."""
    ends = _chinese_ends(text) if is_chinese(text) else _english_ends(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*ends, len(text)]:
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(span)
        start = end
    return spans


def _chinese_ends(text: str) -> list[int]:
    return [match.end() for match in _CHINESE_END.finditer(text)]


def _english_ends(text: str) -> list[int]:
    ends = []
    for match in _ENGLISH_END.finditer(text):
        if text[match.start()] == "." and match.end() - match.start() == 1:
            word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start() + 1)
            if word and (word.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        ends.append(match.end())
    return ends


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
