"""`brief seed`: the seed of record from the raw text extracted from a UN document's PDF.

The extraction has one PDF line per text line, blank lines anywhere, and the page's furniture in between: the
running header (the symbol), the job number (`GE.17-16195`, `13-50610 (C)`) with the page number, hyperlink
footers, the masthead of the first page (symbol, body, date of issue, languages), footnote rules. The seed keeps
every other character in its order and changes only whitespace: each paragraph is one line, paragraphs are
separated by a blank line, and a footnote that the page layout put in the middle of a paragraph is moved to the
end of the text. `brief seed` prints what it removed.

Where a paragraph starts is read from the layout, in this order: a line that opens with a paragraph or list label
("14. ", "(a) ", "B. ", "二. ", "㈠ "); a line that stands alone (a date line, a signature); the line after a
heading or a standing-alone line; an indented line after a line that ends a sentence or falls short of the full
line width; a line that is not indented after a short line that ends a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from brief.widths import width

#: What `brief seed` removes, by kind: the running header, job and page numbers, hyperlink footers, the masthead,
#: footnote rules.
KINDS = ("header", "job", "link", "masthead", "rule")
_JOB = re.compile(r"^(?:\d{1,3}\s+)?(?:GE\.\d{2}-\d{5}(?:\s*\([A-Z]\))?|(?:\d{1,3}/\d{1,3}\s*)?\d{2}-\d{5}\s*\([A-Z]\))"
                  r"(?:\s+\d{1,3}(?:/\d{1,3})?)?$")
_LINK = re.compile(r"^https?://\S+$")
_RULE = re.compile(r"^_{5,}$")
_LANGUAGE = re.compile(r"^(?:Chinese|English|French|Russian|Spanish|Arabic|Original:\s*\w+|Distr\.:\s*\w+)$")
_BODY = re.compile(r"^(?:裁军谈判会议|Conference on Disarmament|大会|General Assembly|安全理事会|Security Council)$")
_LABEL = re.compile(r"^(?:\d{1,3}\.\s|[A-Z]\.\s|[一二三四五六七八九十]+\.\s|\([a-z]{1,2}\)\s|[㈠-㈩]\s)")
#: Lines that stand alone: a letter's date line, its signature and the title lines around it.
_ALONE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日，\S{1,8}$|\((?:签名|Signed)\)|（签名）|^此致$|^敬礼$|"
                    r"^(?:\S+(?:、|, ))?(?:大使|Ambassador)$|常驻代表(?:、大使)?$|^Permanent Representative of \S+$")
_FOOTNOTE_MARK = re.compile(r"^\d{1,2}$")
_SENTENCE_END = tuple("。：；”）).:;!?！？\"'’")
_FULL_STOP = re.compile(r"[。！？.!?][”’\"')）]*$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: How much shorter than the document's full line a line must be to end a paragraph.
SHORT = 0.88


@dataclass
class Cleaned:
    """A seed of record, and what was removed to make it."""

    text: str
    removed: Counter[str] = field(default_factory=Counter)  # kind (one of KINDS) -> lines
    footnotes: int = 0  # moved to the end
    lines: int = 0  # lines of text read
    paragraphs: int = 0


@dataclass
class _Line:
    text: str
    indent: int  # leading whitespace, in characters

    @property
    def indented(self) -> bool:
        return self.indent > 0


def chinese(text: str) -> bool:
    """True when more than a tenth of the letters are Han characters."""
    han = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    letters = sum(1 for char in text if char.isalpha())
    return letters > 0 and han * 10 > letters


def clean(raw: str, symbol: str | None = None, date: dt.date | None = None, lang: str | None = None) -> Cleaned:
    """The seed of record of `raw`. `symbol` and `date` name the running header and the masthead's date line;
    `lang` ("zh" or "en", else read from the text) chooses how lines are joined."""
    zh = chinese(raw) if lang is None else lang == "zh"
    result = Cleaned(text="")
    lines, footnotes = _content(raw, symbol, date, result)
    full = _full_width(lines)
    paragraphs: list[str] = []
    previous: _Line | None = None
    alone = glued = False
    for index, line in enumerate(lines):
        mark = _FOOTNOTE_MARK.match(line.text) is not None  # a footnote's number in the text, on its own line
        if previous is None or (not mark and not glued and _starts(line, previous, full, alone, zh)):
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line.text, zh)
        following = lines[index + 1] if index + 1 < len(lines) else None
        alone = _ALONE.search(line.text) is not None or (
            _heading(line, full) and not (following and _FOOTNOTE_MARK.match(following.text)))
        glued = mark
        previous = line
    paragraphs += footnotes
    result.footnotes = len(footnotes)
    result.paragraphs = len(paragraphs)
    result.text = "\n\n".join(paragraphs) + "\n" if paragraphs else ""
    return result


def _content(raw: str, symbol: str | None, date: dt.date | None,
             result: Cleaned) -> tuple[list[_Line], list[str]]:
    """The lines of text without the furniture, and the footnotes taken out of them."""
    dates = _date_lines(date)
    lines: list[_Line] = []
    footnotes: list[str] = []
    note: list[str] | None = None  # the footnote being read, after a rule
    raw_lines = raw.splitlines()
    for index, line in enumerate(raw_lines):
        text = " ".join(line.split())
        if not text:
            continue
        result.lines += 1
        near = [" ".join(other.split()) for other in raw_lines[max(0, index - 6):index + 7]]
        kind = _furniture(text, symbol, dates, near)
        if kind is not None:
            result.removed[kind] += 1
            if kind == "rule":
                note = []
            continue
        if note is not None:
            if not note and not _FOOTNOTE_MARK.match(text):
                note = None  # a rule without a footnote mark after it: nothing to move
            else:
                note.append(text)
                if len(note) > 1 and text.endswith(_SENTENCE_END):
                    footnotes.append(" ".join(note[:1]) + " " + "".join(note[1:]))
                    note = None
                continue
        lines.append(_Line(text, len(line) - len(line.lstrip())))
    return lines, footnotes


def _furniture(text: str, symbol: str | None, dates: set[str], near: list[str]) -> str | None:
    if symbol and text == symbol:
        return "header"
    if _JOB.match(text):
        return "job"
    if _LINK.match(text):
        return "link"
    if _RULE.match(text):
        return "rule"
    if text in dates or _LANGUAGE.match(text):
        return "masthead"
    masthead = [other for other in near if other in dates or _LANGUAGE.match(other) or (symbol and other == symbol)]
    if _BODY.match(text) and masthead:
        return "masthead"
    return None


def _date_lines(date: dt.date | None) -> set[str]:
    """How the masthead may write the date of issue."""
    if date is None:
        return set()
    return {f"{date.day} {MONTHS[date.month - 1]} {date.year}", f"{date.year}年{date.month}月{date.day}日",
            f"{date.year} 年 {date.month} 月 {date.day} 日"}


def _full_width(lines: list[_Line]) -> int:
    """The width of a full line of the page: that of the tenth-widest line in ten."""
    widths = sorted(width(line.text) for line in lines)
    return widths[int(len(widths) * 0.9)] if widths else 0


def _heading(line: _Line, full: int) -> bool:
    """A short line without final punctuation that the next line does not continue: a title or heading."""
    return width(line.text) < full * 0.6 and not line.text.endswith(_SENTENCE_END + tuple("，,、"))


def _starts(line: _Line, previous: _Line, full: int, after_alone: bool, zh: bool) -> bool:
    short = width(previous.text) < full * SHORT
    ends = previous.text.endswith(_SENTENCE_END)
    # A first line whose indent the extraction lost is still narrower than a full line, by about an indent,
    # after a line that ends a sentence (not a clause: "…；" goes on).
    narrow = full * SHORT <= width(line.text) <= full - 2 and _FULL_STOP.search(previous.text) is not None
    # An English title or heading that wraps goes on at its own indent (a Chinese one goes on unindented).
    wrapped = (not zh and line.indented and line.indent == previous.indent and not ends
               and width(previous.text) >= full * 0.6)
    return (_LABEL.match(line.text) is not None
            or _ALONE.search(line.text) is not None
            or after_alone
            or (line.indented and (ends or short) and not wrapped)
            or (not line.indented and ends and (short or narrow)))


def _join(left: str, right: str, zh: bool) -> str:
    """Two lines of one paragraph: in Chinese no space, except where Latin letters or digits meet; in English
    one space, except after a hyphen or a slash that the line broke at ("nuclear-" / "weapon", "A/" / "AC.281")."""
    if zh:
        gap = left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum()
    else:
        gap = not left.endswith(("-", "/"))
    return left + (" " if gap else "") + right
