"""What a page of the detail pane holds, row by row, as plain data: which rows, in which order, for an agenda item,
a topic, its one-page view, a theme across documents or the problems. The detail pane draws the rows; building
them needs no widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Literal

import msgspec

from brief.corpus import Corpus, Problem
from brief.i18n import section_label, t, tn
from brief.labels import item_title
from brief.model import SECTIONS, Placed
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
    context: str | None = None  # where a point comes from, when the page is not its brief's
    problem: Problem | None = None


BLANK = Row("blank")


class PageOptions(msgspec.Struct, frozen=True, gc=False):
    """How the user asked the page to be shown: sections folded, and the one-page view (only what the one-page
    note holds)."""

    folded: frozenset[str] = frozenset()
    one_page: bool = False


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
        return _theme(corpus, view.theme_id or "", lang, options)
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


def _sections(placed: list[Placed], lang: str, options: PageOptions, context: Callable[[Placed], str | None]
              = lambda _: None) -> list[Row]:
    rows: list[Row] = []
    for section in SECTIONS:
        listed = [entry for entry in placed if entry.point.section == section]
        if not listed:
            continue
        folded = section in options.folded
        heading = t(lang, "{section} ({count})", section=section_label(section, lang), count=len(listed))
        if folded:
            heading = t(lang, "{heading}: folded, z unfolds", heading=heading)
        rows += [BLANK, Row("section", heading, section=section, count=len(listed), folded=folded)]
        if not folded:
            for entry in listed:
                rows += [BLANK, Row("point", placed=entry, context=context(entry))]
    return rows


def _theme(corpus: Corpus, theme_id: str, lang: str, options: PageOptions) -> list[Row]:
    theme = corpus.glossary.theme(theme_id) if corpus.glossary else None
    found = corpus.by_theme(theme_id)
    count = t(lang, "{count} points across the documents", count=len(found))
    if len(found) > THEME_LIMIT:
        count = t(lang, "{count} points across the documents; the first {shown} are listed, search (/) "
                        "narrows them", count=len(found), shown=THEME_LIMIT)
    rows = [BLANK, Row("title", theme.name[lang] if theme else theme_id), Row("meta", count)]

    def origin(entry: Placed) -> str:
        return f"{entry.brief.document.cite(lang)} | {entry.topic.title[lang]}"

    return rows + _sections(found[:THEME_LIMIT], lang, options, origin)


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


def section_at(rows: list[Row], index: int) -> str | None:
    """The section of the row `index` (the last section heading at or above it)."""
    return next((rows[i].section for i in range(min(index, len(rows) - 1), -1, -1) if rows[i].kind == "section"),
                None)

