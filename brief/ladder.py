"""The chair's quantifiers: which level of the support ladder (briefs/README.md) a passage's wording gives, in
Chinese or in English, and the other voices of a chair's summary.

`brief check` warns when a point's `support` disagrees with the quantifier that opens its quote. Only the opening
of the quote is read (a quantifier further in usually belongs to another clause), and at each position the
longest phrase wins, so 各代表团普遍认为 is `general`, not `all`, 没有代表团反对 is `all`, not `one`, and "many
delegations" is `many`, not `all`. English phrases are matched as whole words, case aside.

`brief draft` reads more of the chair's voice than `brief check` does: a sentence that speaks for the whole group,
that records a matter as discussed, or that is the chair's own reading (`chairs_voice`), and the holders a
quantifier names (`holders`).
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
         "一些核武器国家", "一些无核武器国家", "一些拥有核武器的国家", "另一些拥有核武器的国家", "另一些"],
        "some",
    ),
    **dict.fromkeys(
        ["有代表团", "一个代表团", "另一个代表团", "还有代表团", "也有代表团", "有人", "又有人", "还有人", "一种观点",
         "一种论点", "据指出", "一个核武器国家", "一个核武器国", "相反的观点"],
        "one",
    ),
}
#: English phrase (lower case, single spaces) -> support level: the UN's own wording in chairs' summaries.
ENGLISH: dict[str, str] = {
    **dict.fromkeys(["all delegations", "no delegation opposed", "no delegation objected",
                     "there was consensus", "all participants"], "all"),
    **dict.fromkeys(
        ["there was general agreement", "general agreement", "there was a general view", "a general view",
         "the general view", "there was general support", "general support", "general understanding",
         "there was a general understanding", "a general understanding", "general consensus", "broad agreement",
         "there was broad agreement", "broad support", "delegations generally", "generally agreed",
         "widely shared", "broadly shared"],
        "general",
    ),
    **dict.fromkeys(["most delegations", "the majority of delegations", "a majority of delegations", "most states",
                     "the majority of states"], "most"),
    **dict.fromkeys(["many delegations", "many states", "a large number of delegations", "numerous delegations"],
                    "many"),
    **dict.fromkeys(
        ["some delegations", "several delegations", "other delegations", "some other delegations",
         "a number of delegations", "certain delegations", "a few delegations", "some states", "several states",
         "other states", "others", "some others", "still others", "some nuclear-weapon states",
         "some non-nuclear-weapon states", "some states possessing nuclear weapons"],
        "some",
    ),
    **dict.fromkeys(
        ["a delegation", "one delegation", "another delegation", "a further delegation", "one view",
         "one view was", "another view", "a view was expressed", "the view was expressed", "a contrary view",
         "an opposing view", "a different view", "it was noted", "it was suggested", "it was stated",
         "it was observed", "it was pointed out", "it was argued", "it was said", "it was proposed",
         "one state", "one nuclear-weapon state", "a nuclear-weapon state", "one participant", "a participant"],
        "one",
    ),
}
_CHINESE = re.compile("|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)))
_ENGLISH = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, ENGLISH), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
#: "Delegations …" speaks for the room only as the subject: not in "the following delegations" or "those delegations".
_ENGLISH_ALL = re.compile(r"(?:^|[,;:]\s+|\bthat\s+)delegations\b", re.IGNORECASE)
_HAN = re.compile(r"[\u3400-\u9fff]")
#: How far into a quote its quantifier is looked for: characters of Chinese (whitespace removed), words of English.
OPENING = 16
OPENING_WORDS = 10


def is_chinese(text: str) -> bool:
    """True when `text` is written in Chinese (it holds a Han character)."""
    return _HAN.search(text) is not None


def opening(quote: str) -> str:
    """The part of `quote` whose wording gives its level: the first characters of Chinese (whitespace removed),
    the first words of English (single spaces)."""
    if is_chinese(quote):
        return compact(quote)[:OPENING]
    return " ".join(quote.split()[:OPENING_WORDS])


def quantifier(quote: str) -> tuple[str, str] | None:
    """The (phrase, level) that opens `quote`, or None when its opening has no quantifier."""
    return find(opening(quote))


def find(text: str) -> tuple[str, str] | None:
    """The first quantifier (phrase as written, level) anywhere in `text`, Chinese or English."""
    if is_chinese(text):
        match = _CHINESE.search(compact(text))
        return (match.group(0), PHRASES[match.group(0)]) if match else None
    match = _ENGLISH.search(text)
    bare = _ENGLISH_ALL.search(text)
    if bare and (match is None or bare.start() < match.start()):
        return "delegations", "all"
    return (match.group(0), ENGLISH[" ".join(match.group(0).lower().split())]) if match else None


# The other voices of a chair's summary, for `brief draft` (briefs/README.md, "How to curate"). ------------------

#: The chair's (or co-chairs') own reading: a sentence without a subject that concludes, observes or judges.
_CHAIRS_VOICE_ZH = re.compile(r"显然|可以得出结论|可以明确的是|变得明朗|讨论表明|似乎应当|由此可见|总体而言")
_CHAIRS_VOICE_EN = re.compile(
    r"\b(?:it (?:was|is|became|has become) (?:clear|evident|apparent)|clearly|it (?:can|could) be concluded|"
    r"in conclusion|overall|the discussions? (?:showed|demonstrated|revealed|made clear)|it (?:appears|appeared|"
    r"seems|seemed|would seem))\b", re.IGNORECASE)
#: The report speaks for the whole group: `all`.
_WHOLE_GROUP_ZH = re.compile(r"^[^。]{0,12}?(?:工作组|与会者|参加讨论的代表团|参与讨论的各代表团)|^[^，。]{0,12}?代表团"
                             r"(?:还|也)?(?:强调|指出|认为|确认|承认|重申|注意到|同意)")
_WHOLE_GROUP_EN = re.compile(r"^(?:\S+ ){0,6}?(?:the (?:open-ended )?working group|participants|the conference)\b",
                             re.IGNORECASE)
#: A matter recorded as discussed, considered or proposed without saying by whom: `some`.
_DISCUSSED_ZH = re.compile(r"讨论了|审议了|探讨了|考虑了|进行了讨论|得到考虑|被谈及|被提出|而提出|还提出|会上提出|"
                           r"提出了下列")
_DISCUSSED_EN = re.compile(r"\b(?:was|were|had been) (?:discussed|considered|explored|examined|raised|addressed|"
                           r"mentioned|put forward|proposed)\b|\bthe (?:open-ended )?working group (?:also |further )?"
                           r"(?:discussed|considered|explored|examined|addressed)\b", re.IGNORECASE)
#: An impersonal single voice without a quantifier phrase: `one`.
_IMPERSONAL_ZH = re.compile(r"^[^，。]{0,12}?(?:讨论中|会上有人|有一种)(?:强调|指出|认为|观点)")


def chairs_voice(sentence: str) -> bool:
    """True when `sentence` opens as the chair's own reading ("显然，…", "It was clear that …")."""
    head = opening(sentence)
    return (_CHAIRS_VOICE_ZH if is_chinese(sentence) else _CHAIRS_VOICE_EN).search(head) is not None


def unquantified_level(sentence: str) -> str | None:
    """The level the curation rules give a sentence whose opening has no quantifier (briefs/README.md): `some`
    where a matter is recorded as discussed, considered or proposed without saying by whom, `all` where the
    report speaks for the whole group ("工作组强调", "the Working Group noted"), `one` for an impersonal single
    voice ("讨论中强调"); None when its opening says none of these."""
    chinese = is_chinese(sentence)
    head = compact(sentence)[:2 * OPENING] if chinese else " ".join(sentence.split()[:2 * OPENING_WORDS])
    if (_DISCUSSED_ZH if chinese else _DISCUSSED_EN).search(head):
        return "some"
    if (_WHOLE_GROUP_ZH if chinese else _WHOLE_GROUP_EN).search(head):
        return "all"
    if chinese and _IMPERSONAL_ZH.search(opening(sentence)):
        return "one"
    return None


def discussed(sentence: str) -> bool:
    """True when `sentence` records a matter as discussed, considered or raised, anywhere in it."""
    return (_DISCUSSED_ZH if is_chinese(sentence) else _DISCUSSED_EN).search(sentence) is not None


#: The holders a quantifier or a group name stands for, as {zh phrase: English}, and the English phrases the same
#: way round. A position's `holders` is drafted from the first of these that opens its quote.
HOLDERS_ZH: dict[str, str] = {
    "各代表团": "Delegations", "所有代表团": "All delegations", "大多数代表团": "Most delegations",
    "多数代表团": "Most delegations", "许多代表团": "Many delegations", "一些代表团": "Some delegations",
    "若干代表团": "Several delegations", "另一些代表团": "Other delegations", "有些代表团": "Some delegations",
    "部分代表团": "Some delegations", "另一些": "Others", "一些国家": "Some States", "另一些国家": "Other States",
    "有代表团": "A delegation", "一个代表团": "One delegation", "另一个代表团": "Another delegation",
    "还有代表团": "Another delegation", "也有代表团": "Another delegation", "有人": "One view", "又有人": "One view",
    "还有人": "Another view", "一种观点": "One view", "一种论点": "One view", "还有一种观点": "Another view",
    "与之相反的观点": "A contrary view", "相反的观点": "A contrary view", "据指出": "One view",
    "各核武器国家": "The nuclear-weapon States", "核武器国家": "The nuclear-weapon States",
    "核武器国": "The nuclear-weapon States", "一些核武器国家": "Some nuclear-weapon States",
    "一个核武器国家": "One nuclear-weapon State", "一个核武器国": "One nuclear-weapon State",
    "无核武器国家": "Non-nuclear-weapon States", "非核武器国家": "Non-nuclear-weapon States",
    "一些无核武器国家": "Some non-nuclear-weapon States",
    "拥有核武器的国家": "States possessing nuclear weapons",
    "一些拥有核武器的国家": "Some States possessing nuclear weapons",
    "另一些拥有核武器的国家": "Other States possessing nuclear weapons", "新议程联盟": "The New Agenda Coalition",
}
#: The UN's Chinese for the English holders a quantifier or a group name opens with (lower case).
HOLDERS_EN: dict[str, str] = {
    "delegations": "各代表团", "all delegations": "所有代表团", "most delegations": "大多数代表团",
    "many delegations": "许多代表团", "some delegations": "一些代表团", "several delegations": "若干代表团",
    "a number of delegations": "若干代表团", "other delegations": "另一些代表团", "others": "另一些代表团",
    "some other delegations": "另一些代表团", "a delegation": "有代表团", "one delegation": "一个代表团",
    "another delegation": "另一个代表团", "one view": "一种观点", "another view": "另一种观点",
    "a view was expressed": "一种观点", "a contrary view": "相反的观点", "it was noted": "有人",
    "it was suggested": "有人", "it was stated": "有人", "it was pointed out": "有人",
    "the nuclear-weapon states": "核武器国家", "nuclear-weapon states": "核武器国家",
    "some nuclear-weapon states": "一些核武器国家", "one nuclear-weapon state": "一个核武器国家",
    "a nuclear-weapon state": "一个核武器国家", "some non-nuclear-weapon states": "一些无核武器国家",
    "the new agenda coalition": "新议程联盟",
}
#: Named groups, whose support is the share of the room they are (a few States: `some`; one State: `one`).
GROUPS_ZH: dict[str, str] = {
    "一个核武器国家": "one", "一个核武器国": "one", "各核武器国家": "some", "核武器国家": "some", "核武器国": "some",
    "一些核武器国家": "some", "一些无核武器国家": "some", "新议程联盟": "some", "一些拥有核武器的国家": "some",
    "另一些拥有核武器的国家": "some", "无核武器国家": "some", "非核武器国家": "some",
}
GROUPS_EN: dict[str, str] = {
    "the nuclear-weapon states": "some", "nuclear-weapon states": "some", "some nuclear-weapon states": "some",
    "one nuclear-weapon state": "one", "a nuclear-weapon state": "one", "the new agenda coalition": "some",
    "some non-nuclear-weapon states": "some", "the non-aligned movement": "many", "the group of 21": "many",
}
_HOLDER_ZH = re.compile("|".join(sorted(map(re.escape, HOLDERS_ZH), key=len, reverse=True)))
_GROUP_EN = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, GROUPS_EN), key=len, reverse=True)) + r")\b",
                       re.IGNORECASE)


def holders(quote: str) -> tuple[str, str | None] | None:
    """The (English, Chinese) name of who holds the view that opens `quote`, where its opening names them: a
    quantifier ("许多代表团" / "Many delegations") or a group (核武器国家 / the nuclear-weapon States). The
    Chinese of an English holder is None where `HOLDERS_EN` does not give it: it is to be translated."""
    head = opening(quote)
    if is_chinese(quote):
        match = _HOLDER_ZH.search(head)
        return (HOLDERS_ZH[match.group(0)], match.group(0)) if match else None
    found = [match for pattern in (_GROUP_EN, _ENGLISH, _ENGLISH_ALL) if (match := pattern.search(head))]
    if not found:
        return None
    phrase = min(found, key=lambda match: match.start()).group(0).lstrip(",;: ")
    return phrase[0].upper() + phrase[1:], HOLDERS_EN.get(" ".join(phrase.lower().split()))


def group(quote: str) -> tuple[str, str | None, str] | None:
    """The named group (English, Chinese, level) that opens `quote`, such as the nuclear-weapon States: a
    consensus or view point names it as its holders."""
    head = opening(quote)
    if is_chinese(quote):
        match = _HOLDER_ZH.search(head)
        return (HOLDERS_ZH[match.group(0)], match.group(0), GROUPS_ZH[match.group(0)]) \
            if match and match.group(0) in GROUPS_ZH else None
    if found := _GROUP_EN.search(head):
        phrase = found.group(0)
        key = " ".join(phrase.lower().split())
        return phrase[0].upper() + phrase[1:], HOLDERS_EN.get(key), GROUPS_EN[key]
    return None
