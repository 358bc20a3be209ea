"""The chair's quantifiers (DESIGN.md §4): which level of the support ladder a Chinese passage's wording gives.

`brief check` warns when a point's `support` disagrees with the quantifier that opens its quote. Only the opening
of the quote is read (a quantifier further in usually belongs to another clause), and at each position the
longest phrase wins, so 各代表团普遍认为 is `general`, not `all`, and 没有代表团反对 is `all`, not `one`.
"""

from __future__ import annotations

import re

from brief.sources import compact

#: Chinese phrase -> support level.
PHRASES: dict[str, str] = {
    **dict.fromkeys(["各代表团", "所有代表团", "没有代表团反对", "各方一致"], "all"),
    **dict.fromkeys(
        ["普遍认为", "普遍认同", "普遍共识", "普遍的共识", "普遍意见", "普遍的一致看法", "普遍同意", "普遍支持",
         "各代表团普遍", "各方普遍"],
        "general",
    ),
    **dict.fromkeys(["大多数代表团", "多数代表团"], "most"),
    **dict.fromkeys(["许多代表团"], "many"),
    **dict.fromkeys(
        ["一些代表团", "若干代表团", "另一些代表团", "有些代表团", "部分代表团", "一些国家", "另一些国家",
         "一些核武器国家", "一些无核武器国家", "一些拥有核武器的国家", "另一些拥有核武器的国家"],
        "some",
    ),
    **dict.fromkeys(
        ["有代表团", "一个代表团", "另一个代表团", "还有代表团", "也有代表团", "有人", "又有人", "还有人", "一种观点",
         "一种论点", "据指出", "一个核武器国家", "一个核武器国"],
        "one",
    ),
}
_PATTERN = re.compile("|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)))
#: How far into a quote its quantifier is looked for (in characters, whitespace removed).
OPENING = 16


def quantifier(quote: str) -> tuple[str, str] | None:
    """The (phrase, level) that opens `quote`, or None when its opening has no quantifier."""
    opening = compact(quote)[:OPENING]
    match = _PATTERN.search(opening)
    return (match.group(0), PHRASES[match.group(0)]) if match else None
