"""The plan of a note on a theme across documents, for every language at once: what changed (the curated
shifts' sentences, each with the paragraphs of the points it cites), then per document, the oldest meetings
first, its points of the theme as the page allows, measured and chosen by the code that plans a briefing
(`brief.export.page`).

What goes on the page: the sentences of what changed first, each that fits, in the curated order; then the
points, the documents taking turns (`_order`), each offering its key points and the points what changed cites
before its others; a point that does not fit is left out whole and the next one is tried.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from brief.corpus import Corpus, Theme
from brief.export.page import (
    Candidate,
    Page,
    PageBudget,
    Section,
    Sentence,
    chosen,
    frame_cost,
    note_blocks,
    paragraphs_of,
    place,
    plain_sentence,
    priority,
    select,
)
from brief.i18n import format_years, t, tn
from brief.labels import item_title
from brief.languages import LANGUAGES
from brief.memo import DateTexts
from brief.model import Placed, PointRef, Text
from brief.sources import SeedLibrary
from brief.themes import CitedSentence, ThemeGroup, ThemeShift, shifts_of, theme_groups

#: The key of the section of what changed (`Section.key`); the others are the ids of the theme's briefs.
SHIFTS = "shifts"


class ThemePlan(Page, frozen=True, kw_only=True, gc=False):
    """What a note on `theme` holds, in every language; the formats draw it."""

    theme: Theme
    groups: tuple[ThemeGroup, ...]  # every brief with points of the theme, oldest meetings first
    shifts: tuple[ThemeShift, ...]
    included: tuple[PointRef, ...]  # in reading order
    omitted: tuple[PointRef, ...]  # left out to keep to one page


def theme_plan(
    corpus: Corpus,
    theme_id: str,
    *,
    prepared: dt.date,
    langs: Sequence[str] = tuple(LANGUAGES),
    full: bool = False,
    refs: Collection[PointRef] | None = None,
    notes: dict[str, str] | None = None,
    budget: PageBudget = PageBudget(),
    seeds: SeedLibrary | None = None,
    dates: DateTexts | None = None,
) -> ThemePlan:
    """The note on the theme `theme_id`: `refs` (marked points) selects exactly those points, `full` every
    point; otherwise what fits one page in each of `langs`. The other options are `brief.export.plan`'s. Raises
    LookupError for a theme that is not in the glossary or has no points."""
    theme = corpus.glossary.theme(theme_id) if corpus.glossary else None
    groups = theme_groups(corpus, theme_id)
    if theme is None or not groups:
        raise LookupError(theme_id)
    shifts = shifts_of(corpus, theme_id, groups)
    dates = dates or DateTexts()
    numbers: dict[PointRef, tuple[str, ...]] = {}

    def paragraphs(placed: Placed) -> tuple[str, ...]:
        if placed.ref not in numbers:
            numbers[placed.ref] = paragraphs_of(placed.brief, placed.point, seeds)
        return numbers[placed.ref]

    candidates = [Candidate(placed.topic, placed.point, paragraphs(placed), group.brief.id)
                  for group in groups for placed in group.points() if refs is None or placed.ref in refs]
    labels = {lang: _labels(groups, lang, dates) for lang in langs}
    sentences = tuple(Sentence(sentence.text, {lang: _citation(sentence, labels[lang], paragraphs, lang)
                                               for lang in langs})
                      for shift in shifts for sentence in shift.sentences)
    headings = {group.brief.id: {lang: _heading(group, lang) for lang in langs} for group in groups}
    metas = {group.brief.id: {lang: t(lang, " · ").join((dates.days(group.days, lang),
                                                          item_title(group.brief, lang))) for lang in langs}
             for group in groups}
    title = {lang: _title(theme.name[lang], groups, lang) for lang in langs}
    meta = {lang: _meta(groups, lang) for lang in langs}
    blocks = {lang: found for lang in langs if (found := note_blocks((notes or {}).get(lang)))}
    when = {lang: dates.date(prepared, lang) for lang in langs}
    used = {lang: frame_cost(budget, lang, title=title[lang], meta=meta[lang], lead=None, notes=blocks.get(lang, ()),
                             footer=_footer(lang, when[lang], len(candidates), len(sentences))) for lang in langs}
    said = _say(sentences, used, budget, everything=full)
    cited = {placed.ref for shift in shifts for sentence in shift.sentences for placed in sentence.points}
    taken = select(candidates, used, budget, lambda group, lang: budget.section(headings[group][lang])
                   + budget.paragraph_gap + budget.paragraph(metas[group][lang]), order=_order(candidates, cited),
                   everything=full or refs is not None)

    sections = [Section(SHIFTS, {lang: t(lang, "What changed") for lang in langs}, said)] if said else []
    footnotes: list[Text] = []
    for key in headings:
        if listed := chosen(candidates, taken, key):
            sections.append(Section(key, headings[key], place(listed, footnotes), meta=metas[key]))
    on_page: dict[bool, list[PointRef]] = {True: [], False: []}  # on the page, left out
    for candidate, keep in zip(candidates, taken, strict=True):
        on_page[keep].append(PointRef(candidate.group, candidate.point.id))
    return ThemePlan(title=title, meta=meta, lead={}, sections=tuple(sections), notes=blocks,
                     footnotes=tuple(footnotes),
                     footer={lang: _footer(lang, when[lang], len(on_page[False]), len(sentences) - len(said))
                             for lang in langs}, used=used,
                     budget=budget, dated=max(group.document.date for group in groups), theme=theme,
                     groups=tuple(groups), shifts=tuple(shifts), included=tuple(on_page[True]),
                     omitted=tuple(on_page[False]))


def _order(candidates: Sequence[Candidate], cited: set[PointRef]) -> list[int]:
    """The order a theme's points are tried in: the documents take turns, oldest first, each offering its next
    point — its key points and those what changed cites first, then the others, each by `priority` — so that
    every document is on the page, however many more points another has on the theme or however much more
    widely they are held."""
    def rank(index: int) -> tuple[bool, tuple[int, int, int]]:
        candidate = candidates[index]
        ahead = candidate.point.key or PointRef(candidate.group, candidate.point.id) in cited
        return not ahead, priority(candidate.point)

    by_group: dict[str, list[int]] = {}
    for index, candidate in enumerate(candidates):
        by_group.setdefault(candidate.group, []).append(index)
    turns: dict[int, tuple[int, int]] = {}
    for group_index, indices in enumerate(by_group.values()):
        turns.update({index: (turn, group_index) for turn, index in enumerate(sorted(indices, key=rank))})
    return sorted(range(len(candidates)), key=turns.__getitem__)


def _years(groups: Sequence[ThemeGroup], lang: str) -> str:
    return format_years(min(group.days[0].year for group in groups), max(group.days[-1].year for group in groups),
                        lang)


def _title(name: str, groups: Sequence[ThemeGroup], lang: str) -> str:
    """"Theme: Fissile material treaty (FMCT) across documents, 2013–2017"."""
    if len({group.document.source for group in groups}) > 1:
        return t(lang, "Theme: {theme} across documents, {years}", theme=name, years=_years(groups, lang))
    return t(lang, "Theme: {theme}, {years}", theme=name, years=_years(groups, lang))


def _meta(groups: Sequence[ThemeGroup], lang: str) -> str:
    """"71 points on the theme in 3 documents, the oldest first"."""
    return t(lang, "{points} in {documents}, the oldest first",
             points=tn(lang, "{n} point on the theme", "{n} points on the theme", sum(map(len, groups))),
             documents=tn(lang, "{n} document", "{n} documents", len({group.document.source for group in groups})))


def _heading(group: ThemeGroup, lang: str) -> str:
    """A document's heading: "2013: A/68/514, Report of the Open-ended Working Group", "2017: CD/2105, Letter 1
    (26 June 2017)"."""
    return t(lang, "{years}: {citation}", years=_years([group], lang), citation=group.document.cite(lang))


def _labels(groups: Sequence[ThemeGroup], lang: str, dates: DateTexts) -> dict[str, str]:
    """How a sentence of what changed cites each brief, briefly: its document's symbol; without a symbol, its
    document's date, which its heading shows; the full citation where two briefs of the note would read alike
    (CD/2105's two letters)."""
    short = {group.brief.id: group.document.symbol or dates.date(group.document.date, lang) for group in groups}
    counts = Counter(short.values())
    return {group.brief.id: short[group.brief.id] if counts[short[group.brief.id]] == 1 else group.document.cite(lang)
            for group in groups}


def _citation(sentence: CitedSentence, labels: dict[str, str], paragraphs: Callable[[Placed], tuple[str, ...]],
              lang: str) -> str:
    """"(A/68/514, para. 27, 30; CD/2105)": the documents of the points a sentence cites, in the note's order,
    with the paragraph numbers of those points where the document numbers its paragraphs."""
    cited: dict[str, list[str]] = {}
    for placed in sentence.points:
        cited.setdefault(placed.brief.id, []).extend(paragraphs(placed))
    parts = [t(lang, "{citation}, para. {numbers}", citation=label, numbers=t(lang, ", ").join(dict.fromkeys(found)))
             if (found := cited[brief_id]) else label for brief_id, label in labels.items() if brief_id in cited]
    return t(lang, "({citation})", citation=t(lang, "; ").join(parts)) if parts else ""


def _say(sentences: Sequence[Sentence], used: dict[str, float], budget: PageBudget, *,
         everything: bool) -> tuple[Sentence, ...]:
    """The sentences of what changed that go on the page, before any point: each, in the curated order, that
    fits in every language of `used` (with the section's heading, for the first), which is updated; with
    `everything`, every one."""
    said: list[Sentence] = []
    for sentence in sentences:
        costs = {lang: budget.item(plain_sentence(sentence, lang))
                 + (0.0 if said else budget.section(t(lang, "What changed")) + budget.paragraph_gap) for lang in used}
        if everything or all(used[lang] + costs[lang] <= budget.lines for lang in used):
            for lang in used:
                used[lang] += costs[lang]
            said.append(sentence)
    return tuple(said)


def _footer(lang: str, prepared: str, omitted: int, unsaid: int) -> str:
    """The date prepared, and what was left out to keep to one page (give the counts at their largest to measure
    the footer)."""
    text = t(lang, "Prepared {date}. Levels of support follow the chair's wording.", date=prepared)
    if unsaid:
        text = t(lang, "{first} {second}", first=text, second=tn(
            lang, "{n} sentence of what changed was left out to keep to one page.",
            "{n} sentences of what changed were left out to keep to one page.", unsaid))
    if omitted:
        text = t(lang, "{first} {second}", first=text, second=tn(
            lang, "{n} point on the theme was left out to keep to one page.",
            "{n} points on the theme were left out to keep to one page.", omitted))
    return text
