"""The plan of a briefing on one agenda item: what goes on the one page (`brief.export.page`), in which
section and order, what was left out — decided once from the model, for every language at once, and then
drawn by any format (`brief.export.FORMATS`).

Points are listed in the sections of `SECTIONS`, each in the document's order; which of them go on the page is
`brief.export.page.select`'s rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from brief.export.page import (
    Candidate,
    Page,
    PageBudget,
    Section,
    chosen,
    frame_cost,
    note_blocks,
    paragraphs_of,
    place,
    section_heading,
    select,
)
from brief.i18n import t, tn
from brief.labels import agenda_label
from brief.languages import LANGUAGES
from brief.memo import DateTexts
from brief.model import SECTIONS, Brief, Text
from brief.sources import SeedLibrary


class Plan(Page, frozen=True, kw_only=True, gc=False):
    """What a briefing on `brief` holds, in every language; the formats draw it."""

    brief: Brief
    included: tuple[str, ...]  # point ids, in document order
    omitted: tuple[str, ...]  # point ids left out to keep to one page


def plan(
    brief: Brief,
    *,
    prepared: dt.date,
    langs: Sequence[str] = tuple(LANGUAGES),
    full: bool = False,
    point_ids: list[str] | None = None,
    notes: dict[str, str] | None = None,
    budget: PageBudget = PageBudget(),
    seeds: SeedLibrary | None = None,
    dates: DateTexts | None = None,
) -> Plan:
    """The briefing for `brief`: `point_ids` (the app's marked points, `--points`) selects exactly those points,
    `full` every point; otherwise what fits one page in each of `langs`. `notes` is "Our line" by language. With
    `seeds`, points in numbered documents carry their paragraph numbers; `dates` formats the dates (one that
    remembers them between runs spares Babel's import)."""
    dates = dates or DateTexts()
    points = list(brief.points())
    if point_ids is not None:
        wanted = set(point_ids)
        points = [(topic, point) for topic, point in points if point.id in wanted]
    candidates = [Candidate(topic, point, paragraphs_of(brief, point, seeds), point.section) for topic, point in points]
    blocks = {lang: found for lang in langs if (found := note_blocks((notes or {}).get(lang)))}
    heads = {lang: head(brief, lang, dates.days(brief.meeting_days(), lang)) for lang in langs}
    when = {lang: dates.date(prepared, lang) for lang in langs}
    used = {lang: frame_cost(budget, lang, title=heads[lang][0], meta=heads[lang][1], lead=heads[lang][2],
                             notes=blocks.get(lang, ()), footer=footer(brief, lang, when[lang], omitted=len(points)))
            for lang in langs}
    taken = select(candidates, used, budget, lambda section, lang: budget.section(section_heading(section, lang))
                   + budget.paragraph_gap, everything=full or point_ids is not None)

    footnotes: list[Text] = []
    sections = []
    for key in SECTIONS:
        listed = chosen(candidates, taken, key)
        if listed:
            sections.append(Section(key, {lang: section_heading(key, lang) for lang in langs},
                                    place(listed, footnotes)))
    omitted = tuple(point.id for (_, point), keep in zip(points, taken, strict=True) if not keep)
    return Plan(title={lang: heads[lang][0] for lang in langs}, meta={lang: heads[lang][1] for lang in langs},
                lead={lang: heads[lang][2] for lang in langs}, sections=tuple(sections), notes=blocks,
                footnotes=tuple(footnotes),
                footer={lang: footer(brief, lang, when[lang], omitted=len(omitted)) for lang in langs},
                used=used, budget=budget, dated=brief.document.date, brief=brief,
                included=tuple(point.id for (_, point), keep in zip(points, taken, strict=True) if keep),
                omitted=omitted)


def head(brief: Brief, lang: str, days: str) -> tuple[str, str, str]:
    """The title, the line under it (forum, days, source) and the bottom line's text."""
    title = t(lang, "Briefing: {short} ({agenda})", short=brief.agenda_item.short[lang],
              agenda=agenda_label(brief, lang))
    meta = t(lang, " · ").join((brief.forum[lang], days,
                                t(lang, "Source: {citation}", citation=brief.document.cite(lang))))
    return title, meta, brief.summary[lang]


def footer(brief: Brief, lang: str, prepared: str, omitted: int) -> str:
    """The date prepared and the source's symbol (the line under the title gives the source in full)."""
    if brief.document.symbol:
        text = t(lang, "Prepared {date} from {citation}. Levels of support follow the chair's wording.",
                 date=prepared, citation=brief.document.symbol)
    else:
        text = t(lang, "Prepared {date}. Levels of support follow the chair's wording.", date=prepared)
    if omitted:
        left_out = tn(lang, "{n} point of the brief was left out to keep to one page.",
                      "{n} points of the brief were left out to keep to one page.", omitted)
        text = t(lang, "{first} {second}", first=text, second=left_out)
    return text
