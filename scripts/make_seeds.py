"""Regenerate the texts of record in seeds/ from the raw UN texts (seeds/raw by default).

The raw files are Chinese texts extracted from the official PDFs: one PDF line per text line, blank lines
in the middle of sentences, hyperlink footers, page headers and cover blocks. This script only re-flows whitespace so
that each paragraph is one line, and drops the PDF furniture listed below. It never changes a character of
the text itself: `tests/test_seeds.py` checks that each seed, once whitespace is removed, is exactly the raw
text minus the dropped furniture.

    python scripts/make_seeds.py [RAW_DIR]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = {
    "cd-2105.zh.txt": "001_67af244241f6797e.txt",
    "cd-2017-wg-nuclear-disarmament.zh.txt": "002_c23ee0965de2dc26.txt",
    "a-68-514.zh.txt": "003_314fab9d3c05762e.txt",
}
# PDF furniture: hyperlink footers, running page headers, the footnote rule.
FURNITURE = re.compile(r"^(http://undocs\.org/\S*|A/68/514|11/1313-50610 \(C\)|_{5,})$")
SENTENCE_END = tuple("。：；”）)")
# CD/2105: the running header and job number of each page (`CD/2105`, `2 GE.17-16195`) and the cover block of
# page 1 (symbol, body, date of issue, language, original language).
FURNITURE_CD_2105 = re.compile(
    r"^(CD/2105|(\d+ )?GE\.17-16195( \d+)?|裁军谈判会议|15 September 2017|Chinese|Original: English)$"
)
# The display width a line of CD/2105 falls short of when it ends its paragraph (a full line is 66–74).
FULL_LINE_CD_2105 = 62
# The date line and the two signature lines of each letter.
STANDALONE_CD_2105 = re.compile(
    r"^(2017 年 \d+ 月 \d+ 日，日内瓦|德意志联邦共和国常驻代表、大使|米夏埃尔·比翁蒂诺 \(签名\))$"
)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def lines_of(raw: str) -> list[str]:
    return [line.strip() for line in raw.splitlines() if line.strip()]


def clean_cd_2105(raw: str) -> str:
    """The issued PDF (raw file 001): one PDF line per text line, a paragraph's first line indented, the page
    headers and the cover block of page 1 in between. An indented line starts a paragraph, unless it follows a
    full line that does not end a sentence (a page break inside a sentence: "…另一项关键内" / " 容。…"); a line
    that is not indented starts one only after a short line that ends a sentence (two paragraphs whose first
    line the extraction does not indent: "通过考虑这些要点，…", "各代表团普遍认同，…"). The date and signature
    lines of the letters stand alone."""
    out: list[str] = []
    previous = ""
    for line in raw.splitlines():
        text = line.strip()
        if not text or FURNITURE_CD_2105.match(text):
            continue
        indented = line[0].isspace()
        ends_sentence = previous.endswith(SENTENCE_END)
        starts = (
            not out
            or (indented and (ends_sentence or width(previous) < FULL_LINE_CD_2105))
            or (not indented and ends_sentence and width(previous) < FULL_LINE_CD_2105)
            or STANDALONE_CD_2105.match(text) is not None
            or STANDALONE_CD_2105.match(previous) is not None
        )
        if starts:
            out.append(text)
        else:
            out[-1] = join(out[-1], text)
        previous = text
    return "\n\n".join(out) + "\n"


def clean_myanmar_report(raw: str) -> str:
    """One PDF line per text line. A paragraph's first line is indented (narrower than a full line) and
    follows a line that ends a sentence; headings are short lines without final punctuation."""
    lines = lines_of(raw)
    headings = {"一般性意见交换", "核裁军的方针", "实现核裁军的步骤", "前进的道路"}
    # The letter's heading, salutation and signature block, kept as separate lines.
    standalone = {"谨随函转交", "谨请将此函和所附文件作为裁军谈判会议的正式文件分发。", "此致", "敬礼",
                  "缅甸联邦共和国常驻代表", "大使", "廷林(签名)"}
    out: list[str] = []
    previous = ""
    for line in lines:
        starts = (
            not out
            or line in headings
            or previous in headings
            or line in standalone
            or line.startswith("谨随函转交")
            or previous in standalone
            or line.startswith("“前进道路”工作组：")
            or (previous.endswith(SENTENCE_END) and (width(previous) < 62 or 62 <= width(line) <= 68))
        )
        if starts:
            out.append(line)
        else:
            out[-1] = join(out[-1], line)
        previous = line
    return "\n\n".join(out) + "\n"


BLOCK_START_A68 = re.compile(
    r"^(\d+\. |[A-F]\. |[一二三四五]\. |\([a-x]\) |[㈠㈡] |第六十八届会议|议程项目 99|全面彻底裁军"
    r"|推进多边核裁军谈判以建立|秘书长的说明|秘书长谨随函"
    r"|为推进多边核裁军谈判以建立和保持一个无核武器世界拟定$|1 新议程联盟由)"
)


def clean_a_68_514(raw: str) -> str:
    """Numbered paragraphs, lettered sub-paragraphs and headings, each broken into PDF lines; hyperlink
    footers and page headers in between. The footnote to paragraph 14 (it interrupts paragraph 16 in the
    PDF) is moved to the end of the text."""
    lines = [line for line in lines_of(raw) if not FURNITURE.match(line)]
    out: list[str] = []
    footnote: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "1" and i + 1 < len(lines) and lines[i + 1].startswith("新议程联盟由"):
            footnote = ["1 " + lines[i + 1]]
            i += 2
            continue
        if not out or BLOCK_START_A68.match(line):
            out.append(line)
        else:
            out[-1] = join(out[-1], line)
        i += 1
    return "\n\n".join(out + footnote) + "\n"


def join(left: str, right: str) -> str:
    """Join two PDF lines: no space between CJK characters, one space where Latin text or digits meet."""
    if left and right and (left[-1].isascii() and left[-1].isalnum()) and (right[0].isascii() and right[0].isalnum()):
        return left + " " + right
    return left + right


CLEANERS = {
    "cd-2105.zh.txt": clean_cd_2105,
    "cd-2017-wg-nuclear-disarmament.zh.txt": clean_myanmar_report,
    "a-68-514.zh.txt": clean_a_68_514,
}


def main(raw_dir: Path) -> None:
    for name, raw_name in RAW.items():
        raw = (raw_dir / raw_name).read_text(encoding="utf-8")
        (ROOT / "seeds" / name).write_text(CLEANERS[name](raw), encoding="utf-8")
        print(f"seeds/{name} <- {raw_name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "seeds" / "raw")
