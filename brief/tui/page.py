"""What a page of the detail pane holds, row by row, as plain data: which rows, in which order, for an agenda item,
a topic, its one-page view, a theme across documents or the problems. The detail pane draws the rows; building
them needs no widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from typing import Literal

import msgspec

from brief.corpus import Corpus, Problem
from brief.i18n import format_date, section_label, t, tn
from brief.labels import item_label, item_title
from brief.model import SECTIONS, Placed
from brief.themes import ThemeGroup, shifts_of, theme_groups
from brief.tui.state import View

RowKind = Literal["blank", "title", "meta", "summary", "section", "point", "text", "problem"]
Days = Callable[[Iterable[dt.date], str], str]

#: A theme can gather thousands of points; the page lists this many, and says so (search narrows further).
THEME_LIMIT = 500


class Row(msgspec.Struct, frozen=True, gc=False):
    """One row of a page: a heading or a line of text, a section's heading (its key, how many points it has,
    whether it is folded), a point, or a problem."""

    kind: RowKind
    text: str = ""
    section: str | None = None
    count: int = 0
    folded: bool = False
    placed: Placed | None = None
    problem: Problem | None = None


BLANK = Row("blank")


class PageOptions(msgspec.Struct, frozen=True, gc=False):
    """How the user asked the page to be shown: sections folded, the one-page view (only what the one-page note
    holds), one document of a theme."""

    folded: frozenset[str] = frozenset()
    one_page: bool = False
    #: On a theme's page: the documents (brief ids) shown, all when None (a column of the side-by-side view
    #: shows one), and whether "what changed" is.
    groups: tuple[str, ...] | None = None
    what_changed: bool = True


def build(corpus: Corpus, view: View | None, lang: str, days: Days, options: PageOptions | None = None,
          one_page_ids: tuple[str, ...] | None = None) -> list[Row]:
    """The rows of the page for `view`. `one_page_ids`: the points the one-page note holds, when the one-page
    view is asked for (the caller makes the plan: it knows the seeds and the dates)."""
    options = options or PageOptions()
    if view is None:
        return [BLANK, Row("text", t(lang, "Choose an agenda item on the left."))]
    if view.kind == "problems":
        return _problems(corpus, lang)
    if view.kind == "theme":
        return _theme(corpus, view.theme_id or "", lang, days, options)
    brief = corpus.brief(view.brief_id or "")
    if brief is None:
        return [BLANK, Row("text", t(lang, "This agenda item is no longer in the briefs."))]
    topics = [topic for topic in brief.topics if view.kind == "item" or topic.id == view.topic_id]
    meta = " | ".join((brief.forum[lang], days(brief.meeting_days(), lang), brief.document.cite(lang)))
    rows = [BLANK, Row("title", item_title(brief, lang)), Row("meta", meta), BLANK]
    if view.kind == "topic" and topics:
        rows.append(Row("title", topics[0].title[lang]))
    else:
        rows.append(Row("summary", brief.summary[lang]))
    placed = [Placed(brief, topic, point) for topic in topics for point in topic.points]
    if one_page_ids is not None and options.one_page:
        kept = set(one_page_ids)
        rows += [BLANK, Row("meta", tn(lang, "The one-page note: {n} point of {total}; o shows them all.",
                                       "The one-page note: {n} points of {total}; o shows them all.",
                                       len([p for p in placed if p.point.id in kept]), total=len(placed)))]
        placed = [p for p in placed if p.point.id in kept]
    return rows + _sections(placed, lang, options)


def _sections(placed: list[Placed], lang: str, options: PageOptions,
              key: Callable[[str], str] = lambda section: section) -> list[Row]:
    """The points under their sections' headings; a folded section keeps its heading. `key` names a section for
    folding (on a theme's page, a section of one document)."""
    rows: list[Row] = []
    for section in SECTIONS:
        listed = [entry for entry in placed if entry.point.section == section]
        if not listed:
            continue
        folded = key(section) in options.folded
        heading = t(lang, "{section} ({count})", section=section_label(section, lang), count=len(listed))
        if folded:
            heading = t(lang, "{heading}: folded, z unfolds", heading=heading)
        rows += [BLANK, Row("section", heading, section=key(section), count=len(listed), folded=folded)]
        if not folded:
            for entry in listed:
                rows += [BLANK, Row("point", placed=entry)]
    return rows


def _theme(corpus: Corpus, theme_id: str, lang: str, days: Days, options: PageOptions) -> list[Row]:
    """A theme across documents: what changed (the curated shifts), then each document in the order of its
    meetings, with its points on the theme by section (`options.groups`: only those documents, as a column of the
    side-by-side view shows them)."""
    theme = corpus.glossary.theme(theme_id) if corpus.glossary else None
    groups = theme_groups(corpus, theme_id)
    total = sum(len(group) for group in groups)
    rows = [BLANK, Row("title", theme.name[lang] if theme else theme_id),
            Row("meta", tn(lang, "{n} point in {documents}", "{n} points in {documents}", total,
                           documents=tn(lang, "{n} document", "{n} documents", len(groups))))]
    if options.what_changed and (shifts := shifts_of(corpus, theme_id, groups)):
        rows += [BLANK, Row("section", t(lang, "What changed"), section="what-changed")]
        if "what-changed" not in options.folded:
            for shift in shifts:
                rows += [BLANK, Row("meta", t(lang, "{first} to {second}", first=_year_label(shift.before, lang),
                                                second=_year_label(shift.after, lang)))]
                rows += [Row("text", sentence.text[lang]) for sentence in shift.sentences]
    shown = [group for group in groups if options.groups is None or group.brief.id in options.groups]
    limit = THEME_LIMIT
    for group in shown:
        brief = group.brief
        rows += [BLANK, Row("title", f"{_year_label(group, lang)} · {item_label(brief, lang)}"),
                 Row("meta", " | ".join((brief.forum[lang], days(brief.meeting_days(), lang))))]
        placed = list(group.points())[:limit]
        limit -= len(placed)
        rows += _sections(placed, lang, options, key=partial(_in_document, brief.id))
        if limit <= 0:
            rows += [BLANK, Row("meta", t(lang, "The first {shown} points are listed; search (/) narrows them.",
                                          shown=THEME_LIMIT))]
            break
    return rows


def _in_document(brief_id: str, section: str) -> str:
    return f"{brief_id}/{section}"


def _year_label(group: ThemeGroup, lang: str) -> str:
    """"A/68/514 (2013)", "CD/2105 (2017)": a document as the theme's page names it; one without a symbol by its
    date ("14 September 2017")."""
    document = group.brief.document
    if document.symbol:
        return f"{document.symbol} ({group.brief.meeting_days()[0].year})"
    return format_date(document.date, lang)


def _problems(corpus: Corpus, lang: str) -> list[Row]:
    rows = [BLANK, Row("title", t(lang, "Problems in the briefs"))]
    if not corpus.problems:
        rows.append(Row("meta", t(lang, "No problems: every brief loaded cleanly.")))
    for problem in corpus.problems:
        rows += [BLANK, Row("problem", problem=problem)]
    return rows


def section_starts(rows: list[Row]) -> list[int]:
    """The index of each section's heading row, in order."""
    return [index for index, row in enumerate(rows) if row.kind == "section"]


def is_folded_heading(row: Row) -> bool:
    """A folded section's heading: the user can stand on it (z unfolds the section)."""
    return row.kind == "section" and row.folded


def section_at(rows: list[Row], index: int) -> str | None:
    """The section of the row `index` (the last section heading at or above it)."""
    return next((rows[i].section for i in range(min(index, len(rows) - 1), -1, -1) if rows[i].kind == "section"),
                None)

