"""Regenerate the texts of record in seeds/ from the raw UN texts (../shared/seeds by default).

The raw files are Chinese texts extracted from the official PDFs: one PDF line per text line, blank lines
in the middle of sentences, hyperlink footers and page headers. This script only re-flows whitespace so
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
    "cd-2105.zh.txt": "000_c22c067c94d91987.txt",
    "cd-2017-wg-nuclear-disarmament.zh.txt": "002_c23ee0965de2dc26.txt",
    "a-68-514.zh.txt": "003_314fab9d3c05762e.txt",
}
# PDF furniture: hyperlink footers, running page headers, the footnote rule.
FURNITURE = re.compile(r"^(http://undocs\.org/\S*|A/68/514|11/1313-50610 \(C\)|_{5,})$")
SENTENCE_END = tuple("。：；”）)")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def lines_of(raw: str) -> list[str]:
    return [line.strip() for line in raw.splitlines() if line.strip()]


def clean_cd_2105(raw: str) -> str:
    """Blank-line separated paragraphs already; one paragraph is broken by a page end ("关键内" / "容。")."""
    blocks = [" ".join(lines_of(block)) for block in re.split(r"\n\s*\n", raw) if block.strip()]
    out: list[str] = []
    for block in blocks:
        if out and out[-1].endswith("关键内") and block.startswith("容。"):
            out[-1] += block
        else:
            out.append(block)
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
    r"^(\d+\. |[A-F]\. |[一二三四五]\. |\([a-x]\) |[㈠㈡] |第六十八届会议|议程项目 99|全面彻底裁军|推进多边核裁军谈判以建立"
    r"|秘书长的说明|秘书长谨随函|为推进多边核裁军谈判以建立和保持一个无核武器世界拟定$|1 新议程联盟由)"
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
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "seeds")
