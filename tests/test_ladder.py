from __future__ import annotations

import pytest

from brief.ladder import quantifier


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("各代表团普遍认同，消极安全保证是实现核裁军的一项临时步骤。", "general"),
        ("各代表团确认，未来的条约应以具有法律约束力", "all"),
        ("没有代表团反对将消极安全保证作为裁军谈判会议工作计划的一部分", "all"),
        ("许多代表团认为，现有的保证不能令人满意", "many"),
        ("大多数代表团同意，核查制度应以具有成本效益的方式", "most"),
        ("另一些代表团认为，未来禁产条约的范围将在谈判过程中得到确定", "some"),
        ("还有代表团提及在联合国大会就使用或威胁使用核武器", "one"),
        ("一种观点是，原子能机构和条约的成员组成有所不同", "one"),
        ("在这方面，许多代表团强调，一项重要关切", "many"),
    ],
)
def test_quantifier_opening_the_quote(quote: str, expected: str) -> None:
    found = quantifier(quote)
    assert found is not None and found[1] == expected


def test_no_quantifier_in_the_opening() -> None:
    assert quantifier("核武器国家指出，它们只会在极端情况下考虑使用核武器") is None
    # A quantifier far into the quote belongs to another clause and is not read.
    assert quantifier("显然，这些要素即便本质上是技术性的，但同时确实也具有高度的政治性，而许多代表团") is None
