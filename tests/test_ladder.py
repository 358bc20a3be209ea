from __future__ import annotations

import pytest

from brief.ladder import chairs_voice, group, holders, quantifier, unquantified_level


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


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("There was general agreement that the Conference remained the appropriate forum", "general"),
        ("Delegations reaffirmed the relevance of the Final Document", "all"),
        ("No delegation opposed continuing the exchange of views in 2025.", "all"),
        ("Most delegations supported further work towards a legally binding instrument", "most"),
        ("Many delegations considered that rapid advances in science and technology", "many"),
        ("In this regard, several delegations stressed the need", "some"),
        ("Other delegations considered that a prohibition of attacks", "some"),
        ("A view was expressed that any future instrument should be limited", "one"),
        ("It was suggested that the Conference invite the Agency", "one"),
        ("Another delegation noted that radiological weapons were already covered", "one"),
    ],
)
def test_english_quantifier_opening_the_quote(quote: str, expected: str) -> None:
    found = quantifier(quote)
    assert found is not None and found[1] == expected, found


def test_english_phrases_are_whole_words_and_delegations_alone_is_the_subject() -> None:
    # "Germany delegations" holds "many delegations" only across a word boundary; "the following delegations"
    # is a list, not the room.
    assert quantifier("The Germany delegations said that") is None
    assert quantifier("The following delegations made statements: Algeria, Brazil") is None
    assert quantifier("In that context, delegations agreed") == ("delegations", "all")
    # Far into the quote, a quantifier belongs to another clause (ten words are read).
    assert quantifier("The Working Group took note of the report of the Secretary-General and many delegations") is None


def test_the_chairs_other_voices() -> None:
    assert chairs_voice("显然，这些要素即便本质上是技术性的，但同时确实也具有高度的政治性")
    assert chairs_voice("It was clear from the discussions that a common understanding had yet to emerge.")
    assert not chairs_voice("许多代表团认为，现有的保证不能令人满意")
    assert unquantified_level("工作组讨论了反弹道导弹防御系统和防止外层空间军备竞赛对核裁军的影响。") == "some"
    assert unquantified_level("然而，工作组强调，无论国际社会决定采用哪一种方针") == "all"
    assert unquantified_level("The Working Group noted that the discussions had been useful.") == "all"
    assert unquantified_level("Options for verification were explored.") == "some"
    assert unquantified_level("讨论中强调，裁谈会是最适当的论坛") == "one"
    assert unquantified_level("条约及其核查制度可有助于未来的裁军工作") is None


def test_holders_and_named_groups_in_both_languages() -> None:
    assert holders("另一些代表团认为，初始申报可作为起点") == ("Other delegations", "另一些代表团")
    assert holders("Some delegations, including nuclear-weapon States, stressed") == ("Some delegations", "一些代表团")
    assert holders("while others considered that the absence of such weapons") == ("Others", "另一些代表团")
    assert group("一个核武器国家在解释其国家理论时指出") == ("One nuclear-weapon State", "一个核武器国家", "one")
    assert group("核武器国家指出，它们只会在极端情况下考虑使用核武器") == ("The nuclear-weapon States", "核武器国家", "some")
    # 无核武器国家 is not 核武器国家 with something before it.
    assert group("一些无核武器国家认为，第六条执行不力") == ("Some non-nuclear-weapon States", "一些无核武器国家", "some")
    assert group("The nuclear-weapon States recalled their unilateral declarations") == (
        "The nuclear-weapon States", "核武器国家", "some")
    assert group("许多代表团认为") is None
