"""Write seeds/cd-2105-versions.md: every difference between the two Chinese texts of CD/2105.

`seeds/cd-2105.zh.txt` (the text of record, made from the issued PDF, raw file `001_…`) is compared with the
other version `seeds/raw/000_…` (its cover block left out), character by character with all whitespace
removed. Differences fewer than `GAP` characters apart are one row. A row shows the words the difference falls
in: the terms 遵约/履约 and 无核武器/非核武器 whole, a number whole, any other difference with one character of
the shared text on either side (within its paragraph); a difference of punctuation only also gives its code
points, since ―― (U+2015) and —— (U+2014) look alike. `tests/test_seeds.py` checks that the committed file is
what this script writes.

    python scripts/cd_2105_versions.py
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, takewhile
from pathlib import Path

from brief.sources import Seed, compact

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "cd-2105.zh.txt"
RAW = ROOT / "seeds" / "raw"
ISSUED_RAW = "001_67af244241f6797e.txt"
OTHER_RAW = "000_c22c067c94d91987.txt"
OUTPUT = ROOT / "seeds" / "cd-2105-versions.md"
# The cover block of page 1 as the other version gives it, on lines of their own: not text of the document.
COVER = re.compile(r"^(裁军谈判会议|15 September 2017|Chinese|Original: English)$")
# Differences fewer than this many characters apart are one row.
GAP = 3
# Characters of the issued text shown on either side of a difference in the context column.
CONTEXT = 14
TERMS = ("遵约", "履约", "无核武器", "非核武器")


class Difference:
    """One row: issued[i1:i2] of the text of record stands where other[o1:o2] stands in the other version."""

    def __init__(self, issued: str, other: str, spans: tuple[int, int, int, int], paragraph: tuple[int, int],
                 line: int) -> None:
        i1, i2, o1, o2 = spans
        start, end = paragraph
        self.line = line
        self.changed = (issued[i1:i2], other[o1:o2])
        self.punctuation_only = not any(unicodedata.category(char)[0] in "LN" for char in "".join(self.changed))
        # The same shared characters are added to both versions, so that both show the whole word.
        mine, theirs = _widening(issued, i1, i2), _widening(other, o1, o2)
        before = min(max(mine[0], theirs[0]), i1 - start)
        after = min(max(mine[1], theirs[1]), end - i2)
        self.words = (issued[i1 - before : i2 + after], other[o1 - before : o2 + after])
        left, right = max(start, i1 - before - CONTEXT), min(end, i2 + after + CONTEXT)
        self.context = ("…" if left > start else "") + issued[left : i1 - before] + f"**{self.words[0]}**" \
            + issued[i2 + after : right] + ("…" if right < end else "")
        self.term = next((term for term in TERMS if term in self.words[0] or term in self.words[1]), None)

    def cells(self, words: tuple[str, str]) -> tuple[str, str]:
        """Table cells for the two versions' `words`, with the code points of what differs where it is
        punctuation only."""
        mine, theirs = (_cell(shown, changed if self.punctuation_only else "")
                        for shown, changed in zip(words, self.changed, strict=True))
        return mine, theirs

    @property
    def summary(self) -> tuple[str, str]:
        """What differs, for the table by word: the term, or else the differing characters themselves."""
        return self.cells(self.words if self.term else self.changed)


def _cell(shown: str, code_points_of: str) -> str:
    cell = shown or "(nothing)"
    return cell + f" ({' '.join(f'U+{ord(char):04X}' for char in code_points_of)})" if code_points_of else cell


def _widening(text: str, start: int, end: int) -> tuple[int, int]:
    """How many characters to add before and after text[start:end] to show a whole word: the term it
    overlaps, the number it touches, or else one character either side."""
    for term in TERMS:
        for found in re.finditer(re.escape(term), text):
            if found.start() < end and found.end() > start:
                return max(0, start - found.start()), max(0, found.end() - end)
    if number := _run(text[end:]):
        return 0, number
    if number := _run(reversed(text[:start])):
        return number, 0
    return 1, 1


def _run(chars: Iterable[str]) -> int:
    """The length of the run of ASCII letters and digits that `chars` starts with."""
    return sum(1 for _ in takewhile(lambda char: char.isascii() and char.isalnum(), chars))


def other_version(raw_dir: Path) -> str:
    """The other version's text without whitespace, its cover block left out."""
    lines = (raw_dir / OTHER_RAW).read_text(encoding="utf-8").splitlines()
    return compact("".join(line for line in lines if not COVER.match(line.strip())))


def differences(seed: Seed, other: str) -> list[Difference]:
    issued = compact(seed.text)
    # The seed's paragraphs in the whitespace-free text: they are separated by whitespace only.
    ends = list(accumulate(len(compact(p.text)) for p in seed.paragraphs))
    matcher = difflib.SequenceMatcher(None, other, issued, autojunk=False)
    groups: list[list[int]] = []
    for tag, o1, o2, i1, i2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if groups and i1 - groups[-1][1] < GAP:
            groups[-1][1], groups[-1][3] = i2, o2
        else:
            groups.append([i1, i2, o1, o2])
    found = []
    for i1, i2, o1, o2 in groups:
        index = min(bisect_right(ends, i1), len(ends) - 1)
        paragraph = seed.paragraphs[index]
        bounds = (ends[index] - len(compact(paragraph.text)), ends[index])
        line = seed.text.count("\n", 0, paragraph.start) + 1
        found.append(Difference(issued, other, (i1, i2, o1, o2), bounds, line))
    return found


def render(seed_path: Path = SEED, raw_dir: Path = RAW) -> str:
    found = differences(Seed.read(seed_path), other_version(raw_dir))
    tally = Counter(difference.summary for difference in found)
    out = [
        "# CD/2105: the issued Chinese text and the other version",
        "",
        f"Written by `scripts/cd_2105_versions.py` (do not edit). `{seed_path.name}`, the text of record made from",
        f"the issued PDF (`raw/{ISSUED_RAW}`), compared with the other version of the Chinese text",
        f"(`raw/{OTHER_RAW}`), character by character with all whitespace removed; the cover block and page",
        "headers are left out of both. Quote the issued text only.",
        "",
        f"{len(found)} differences.",
        "",
        "## By word",
        "",
        "| issued text (001) | other version (000) | times |",
        "| --- | --- | --- |",
        *(f"| {mine} | {theirs} | {count} |" for (mine, theirs), count in tally.most_common()),
        "",
        "## Each difference",
        "",
        f"Line numbers are those of `seeds/{seed_path.name}`; the context is the issued text, within its paragraph.",
        "",
        "| # | line | context (issued text) | issued text (001) | other version (000) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for number, difference in enumerate(found, 1):
        mine, theirs = difference.cells(difference.words)
        out.append(f"| {number} | {difference.line} | {difference.context} | {mine} | {theirs} |")
    return "\n".join(out) + "\n"


def main() -> None:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"seeds/{OUTPUT.name}")


if __name__ == "__main__":
    main()
