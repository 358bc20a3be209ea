"""Reading a chair's summary for `brief draft`: every sentence that records a view, an agreement, a split or a
proposal becomes a candidate point, with its verbatim quote, its support, its holders and a kind guess.

A paragraph is cut into units: its sentences (`brief.sentences`), the items of an enumeration inside a sentence
("(1) …；(2) …", long "；" pieces), and the clauses of a sentence whose second half answers the first ("…，而另一些
代表团认为…", "…, while others …"). A sentence without a holder of its own in the middle of a paragraph continues
the unit before it (the whole claim, briefs/README.md). Units that answer each other ("另一些代表团…", "Other
delegations …", "但是，还有一种观点…") are the sides of one split, and a split gathers the views between and
just after its sides; the sentence before a split that says views differed is its issue.

The support of a unit is the ladder's reading of its opening (`brief.ladder.quantifier`, the same reading as
`brief check`'s, so a draft never disagrees with the check); without a quantifier, the curation rules
(`brief.ladder.unquantified_level`). Everything here is a guess for a curator to confirm: it is written into the
draft with its texts still to write.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from brief import ladder
from brief.model import SHARED
from brief.sentences import sentences
from brief.sources import Paragraph, Seed, compact

#: A list label opening a paragraph: "27. ", "(d) ", "(2) ", "㈠ ", "- ", "B. ", "三. ".
_LABEL = re.compile(r"^(?:\d{1,3}\.\s+|\([a-z]{1,2}\)\s+|\(\d{1,2}\)\s+|[㈠-㈩]\s*|[-•]\s+|[A-Z]\.\s+|"
                    r"[一二三四五六七八九十]+\.\s+)")
#: Enumerations inside a sentence: "：(1) …；(2) …；(3) …".
_ENUMERATION = re.compile(r"\(\d{1,2}\)\s*")
#: Where a sentence turns to another holder ("，而另一些代表团认为", "但大多数代表团则认为", ", while others").
_TURN_ZH = re.compile(r"[，,；]\s*(?=(?:而|但是?|然而)?(?:另一些|有些代表团|其他代表团|也有代表团|还有代表团|"
                      r"另有代表团)|还(?:提出|讨论了|审议了|提到)|(?:而|但)[^，。；]{1,10}?则)"
                      r"|(?<=[\u3400-\u9fff])(?=(?:而|但)(?:另一些|大多数代表团)[^，。；]{0,8}?则)")
_TURN_EN = re.compile(r"[,;]\s+(?=(?:while|whereas|but)\s+(?:others|other delegations|some others|some other "
                      r"delegations|still others|many others|one delegation|another delegation)\b)"
                      r"|;\s+(?=(?:others|other delegations)\b)", re.IGNORECASE)
#: A unit that answers the one before it: the other side of a split.
_CONTRAST_ZH = re.compile(r"^(?:(?:但是?|然而|不过)(?!与此同时)|而(?!且|是)|(?:与之)?相反|(?:在这方面，)?另一些|"
                          r"其他代表团|有些代表团则)|^[^，。]{1,12}?则(?:认为|指出|表示|强调|倾向|主张|提出|称|质疑)")
_CONTRAST_EN = re.compile(r"^(?:while|whereas|but|however|on the other hand|in contrast|conversely)\b|^(?:others|other "
                          r"delegations|some other delegations|still others)\b|^(?:a contrary|an opposing|a different) "
                          r"view\b", re.IGNORECASE)
#: A sentence that continues the unit before it: its subject is that unit's holders ("这些代表团强调", "They").
#: "它们还……" (they also …) is a further point of the same holders, not the same claim.
_CONTINUES_ZH = re.compile(r"^(?:(?:这些代表团|这些国家|它们|他们|该代表团|该国)(?!还|也|同时|又)|因而|这样，|由此)")
_CONTINUES_EN = re.compile(r"^(?:these delegations|those delegations|that delegation|they|in so doing)\b"
                           r"(?! (?:also|further|additionally)\b)", re.IGNORECASE)
#: The sentence before a split that says views differed: the split's issue.
_ISSUE_ZH = re.compile(r"不同意见|看法不一致|各不相同的看法|不同的看法|意见分歧|存在分歧|不同定义|若干办法|两个模式|"
                       r"问题也?被(?:谈及|提出)|问题有关，即.*是否")
_ISSUE_EN = re.compile(r"\bviews (?:differed|diverged|were divided)\b|\b(?:different|divergent|differing) views\b|"
                       r"\bno agreement\b|\ba range of views\b|\bthe question (?:of|whether)\b", re.IGNORECASE)
#: The lead-in of a list, which says nothing of its own: "为此，提出了下列要素：", "as follows:".
_LEAD_IN = re.compile(r"(?:下列|以下|如下|例如)[^，。]{0,8}[：:]$|\b(?:the following|as follows|such as)[^,.;]{0,20}:$",
                      re.IGNORECASE)
_PROPOSAL_ZH = re.compile(r"提议|建议|呼吁|主张|倡议|要求|提出[，,]|提出了?[^，。]{0,12}建议")
_PROPOSAL_EN = re.compile(r"\b(?:proposed|suggested|called (?:for|on|upon)|recommended|urged|put forward|advocated)\b",
                          re.IGNORECASE)


@dataclass
class Unit:
    """A sentence or clause of the seed, by its offsets in the seed's text."""

    start: int
    end: int
    paragraph: int
    contrast: bool = False  # it answers the unit before it
    follows: bool = False  # it has no holder of its own: it speaks with the unit before it
    item: bool = False  # an item of an enumeration ("(1) …；(2) …", "(a) …")


@dataclass
class Side:
    quote: str
    support: str
    holders: tuple[str, str | None] | None
    start: int
    end: int


@dataclass
class Candidate:
    """A proposed point: a kind guess, and its sides (one, or two and more for a split)."""

    kind: str
    sides: list[Side]
    issue: str | None = None  # the sentence that says views differed, for a split
    group: tuple[str, str | None] | None = None  # a named group holding a single view

    @property
    def quote(self) -> str:
        return self.sides[0].quote

    @property
    def support(self) -> str:
        return self.sides[0].support


def read(seed: Seed, substantive: list[Paragraph]) -> dict[int, list[Candidate]]:
    """The candidates of `substantive` paragraphs of `seed` (the others are headings or skipped), by the index
    of the paragraph each starts in."""
    units = _join_continuations(seed, [unit for paragraph in substantive for unit in _units(seed, paragraph)])
    found: dict[int, list[Candidate]] = {}
    for candidate, paragraph in _candidates(seed, units):
        found.setdefault(paragraph, []).append(candidate)
    return found


def _units(seed: Seed, paragraph: Paragraph) -> Iterator[Unit]:
    text = paragraph.text
    label = _LABEL.match(text)
    begin = label.end() if label else 0
    listed = label is not None and not label.group(0)[0].isdigit() and not label.group(0)[0].isupper()
    for start, end in sentences(text[begin:]):
        for piece_start, piece_end, item in _pieces(text, begin + start, begin + end):
            unit = _trim(seed, paragraph.start + piece_start, paragraph.start + piece_end, paragraph.index)
            if unit is not None:
                unit.item = item or listed
                yield unit


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """A sentence cut at its enumeration items, its long "；" pieces and its turns to another holder, each with
    whether it is an item of an enumeration."""
    sentence = text[start:end]
    cuts = {0, len(sentence)}
    items = {match.start() for match in _ENUMERATION.finditer(sentence) if match.start() > 0}
    semicolons = [match.end() for match in re.finditer("；", sentence)]
    pieces = list(zip([0, *semicolons], [*semicolons, len(sentence)], strict=True))
    if len(pieces) > 1 and all(len(compact(sentence[a:b])) >= 20 for a, b in pieces):
        items.update(semicolons)
    cuts.update(items)
    turn = _TURN_ZH if ladder.is_chinese(sentence) else _TURN_EN
    cuts.update(match.end() for match in turn.finditer(sentence))
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        yield start + a, start + b, a in items


def _trim(seed: Seed, start: int, end: int, paragraph: int) -> Unit | None:
    """The unit without the whitespace, list labels and clause punctuation at its edges."""
    text = seed.text
    while start < end and (text[start].isspace() or text[start] in "，,；;：:"):
        start += 1
    if label := _ENUMERATION.match(text, start, end):
        start = label.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in "，,；;"):
        end -= 1
    if len(compact(text[start:end])) < 4:
        return None
    written = text[start:end]
    chinese = ladder.is_chinese(written)
    contrast = (_CONTRAST_ZH if chinese else _CONTRAST_EN).match(compact(written) if chinese else written) is not None
    return Unit(start, end, paragraph, contrast)


def _join_continuations(seed: Seed, units: list[Unit]) -> list[Unit]:
    """A sentence whose subject is the unit before it ("这些代表团强调……", "They also …") continues that unit;
    one without a holder or a voice of its own in the middle of a paragraph speaks with the unit before it."""
    joined: list[Unit] = []
    for unit in units:
        text = seed.text[unit.start:unit.end]
        previous = joined[-1] if joined else None
        if previous is None or previous.paragraph != unit.paragraph or unit.contrast:
            joined.append(unit)
        elif (_CONTINUES_ZH.match(compact(text)) if ladder.is_chinese(text) else _CONTINUES_EN.match(text)):
            previous.end = unit.end
        else:
            unit.follows = not (ladder.find(ladder.opening(text)) or ladder.group(text) or ladder.chairs_voice(text)
                                or ladder.unquantified_level(text))
            joined.append(unit)
    return joined


def _candidates(seed: Seed, units: list[Unit]) -> Iterator[tuple[Candidate, int]]:
    """Units grouped into splits, and each group or single unit made a candidate."""
    groups = _splits(seed, units)
    grouped = {index for members in groups for index in members}
    issues: dict[int, tuple[int, str]] = {}  # a split's first unit -> the unit that gives its issue
    for members in groups:
        for at in (members[0] - 1, members[-1] + 1):
            if 0 <= at < len(units) and at not in grouped and units[at].paragraph == units[members[0]].paragraph:
                text = seed.text[units[at].start:units[at].end]
                found = ladder.quantifier(text)
                if ((_ISSUE_ZH if ladder.is_chinese(text) else _ISSUE_EN).search(text)
                        and (found is None or found[1] == "all") and members[0] not in issues):
                    issues[members[0]] = (at, text)
    consumed = {at for at, _ in issues.values()}
    consumed.update(index for index, unit in enumerate(units)
                    if _LEAD_IN.search(seed.text[unit.start:unit.end]) and ladder.quantifier(
                        seed.text[unit.start:unit.end]) is None)
    starts = {members[0]: members for members in groups}
    previous: Candidate | None = None
    for index, unit in enumerate(units):
        if index in starts:
            sides = [_side(seed, units[i]) for i in starts[index]]
            previous = Candidate("divergence", sides, issue=issues[index][1] if index in issues else None)
            yield previous, unit.paragraph
        elif index not in grouped and index not in consumed:
            candidate = _single(seed, unit)
            if unit.follows and not unit.item and previous is not None and previous.kind != "divergence":
                candidate.kind, candidate.sides[0].support = previous.kind, previous.support
                candidate.group = previous.group
            previous = candidate
            yield candidate, unit.paragraph


def _splits(seed: Seed, units: list[Unit]) -> list[list[int]]:
    """Indexes of the units that answer each other, as lists of two or more; a unit that answers the last unit
    of a paragraph before it (a paragraph that opens with "但是，…") joins that paragraph's split."""
    groups: list[list[int]] = []
    for index in range(1, len(units)):
        unit, previous = units[index], units[index - 1]
        same = unit.paragraph == previous.paragraph
        text = seed.text[unit.start:unit.end]
        strong = re.match(r"^(?:但是?|然而|However)", text) is not None
        if unit.contrast and (same or strong):
            if groups and groups[-1][-1] == index - 1:
                groups[-1].append(index)
            else:
                groups.append([index - 1, index])
        elif same and groups and groups[-1][-1] == index - 1 and _adds_a_side(text):
            groups[-1].append(index)
    return _merge(seed, units, groups)


def _adds_a_side(text: str) -> bool:
    """A further view right after a split's sides ("一种观点是……", "还有代表团指出……"), which is a side too unless
    it proposes something of its own."""
    found = ladder.quantifier(text)
    proposal = (_PROPOSAL_ZH if ladder.is_chinese(text) else _PROPOSAL_EN).search(ladder.opening(text))
    return found is not None and found[1] in ("some", "one") and proposal is None


def _merge(seed: Seed, units: list[Unit], groups: list[list[int]]) -> list[list[int]]:
    """Two splits of one paragraph with only views between them are one split, with those views as sides."""
    merged: list[list[int]] = []
    for members in groups:
        if merged and units[merged[-1][-1]].paragraph == units[members[0]].paragraph:
            between = range(merged[-1][-1] + 1, members[0])
            if all(_is_view(seed, units[i]) for i in between):
                merged[-1].extend([*between, *members])
                continue
        merged.append(list(members))
    return merged


def _is_view(seed: Seed, unit: Unit) -> bool:
    found = ladder.quantifier(seed.text[unit.start:unit.end])
    return found is not None and found[1] not in SHARED


def _side(seed: Seed, unit: Unit) -> Side:
    quote = seed.text[unit.start:unit.end]
    return Side(quote, _support(quote), ladder.holders(quote), unit.start, unit.end)


def _support(quote: str) -> str:
    """The drafted support of a passage: its opening quantifier, a named group's share of the room, the curation
    rules for a sentence without one, any quantifier further in; `some` when nothing says."""
    if found := ladder.quantifier(quote):
        return found[1]
    if level := ladder.unquantified_level(quote):
        return level
    if named := ladder.group(quote):
        return named[2]
    if ladder.discussed(quote):
        return "some"
    if found := ladder.find(quote):
        return found[1]
    return "some"


def _single(seed: Seed, unit: Unit) -> Candidate:
    quote = seed.text[unit.start:unit.end]
    side = _side(seed, unit)
    named = ladder.group(quote)
    quantified = ladder.quantifier(quote)
    proposes = (_PROPOSAL_ZH if ladder.is_chinese(quote) else _PROPOSAL_EN).search(ladder.opening(quote))
    if unit.item and quantified is None:
        kind, side.support = "proposal", "some"  # an option put forward, without saying by whom
    elif proposes or (quantified is None and named is None and ladder.discussed(quote)):
        kind = "proposal"
    elif quantified is None and not (named or ladder.unquantified_level(quote)) and (
            ladder.chairs_voice(quote) or not ladder.find(quote)):
        kind = "assessment"  # a sentence without a subject, or that concludes: the chair's own reading
    elif side.support in SHARED:
        kind = "consensus"
    else:
        kind = "view"
    return Candidate(kind, [side], group=(named[0], named[1]) if named else None)
