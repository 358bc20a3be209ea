"""The one-page briefing: Markdown for an ambassador, in Chinese or English (DESIGN.md §5).

`compose` selects what fits one printed A4 page and renders it; `--full` and hand-picked points skip the limit.
Selection is by rule, never by cutting text: key points first, then by support (strongest first), divergences
before single views; a point that does not fit is left out whole and the next one is tried, and the footer says
how many were left out. Points are printed in the document's order, not in the order they were selected.

The page is measured by `PageBudget`, a line count calibrated against the real print (pandoc to HTML at 11pt with
2 cm margins, printed to A4 by headless Chromium: `scripts/check-pages`). Text from the briefs is escaped, so
`*`, `_`, `#`, `[` or `<` in content print literally.

No Textual, no Rich: this module and `brief export` stay fast.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import unicodedata

import msgspec

from brief.files import safe_name
from brief.i18n import section_label, support_label, support_note, t, tn
from brief.languages import language
from brief.memo import DateTexts
from brief.model import SECTIONS, Brief, Divergence, Point, Topic, rank
from brief.sources import SeedLibrary, paragraph_numbers

# Markdown ----------------------------------------------------------------------------------------------------

_ESCAPED = re.compile(r"([\\`*_{}\[\]<>#|~!&$])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def escape(text: str) -> str:
    """`text` as literal CommonMark inline content: whitespace collapsed, punctuation that could start markup
    backslash-escaped (any ASCII punctuation may be escaped in CommonMark), and a start that could open a list,
    quote or heading neutralised."""
    text = " ".join(text.split())
    text = _ESCAPED.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text)


# The page ----------------------------------------------------------------------------------------------------


class PageBudget(msgspec.Struct, frozen=True, gc=False):
    """How much of an A4 page (11pt body, 2 cm margins) a block takes, in body lines.

    Widths are in East Asian cells (a Chinese character is 2, a Latin letter 1); a line of running text holds
    about 85 cells in either language. The constants are measured on the real print (`scripts/check-pages
    --calibrate`: 47 body lines per page, a one-line list item 1.09 lines, a section heading 1.81, a one-line
    paragraph 1.21); the page keeps a line and a half in reserve for ragged line breaks.
    """

    lines: float = 45.5
    cells: int = 84  # cells per line of a paragraph
    list_cells: int = 82  # cells per line of a list item (indented)
    item_gap: float = 0.09
    heading: float = 1.81
    paragraph_gap: float = 0.21
    title_cells: int = 56  # the title is set at 1.5 em
    title_line: float = 1.34
    title_gap: float = 0.4

    def paragraph(self, text: str) -> float:
        return _lines(text, self.cells) + self.paragraph_gap

    def item(self, text: str) -> float:
        return _lines(text, self.list_cells) + self.item_gap

    def title(self, text: str) -> float:
        return _lines(text, self.title_cells) * self.title_line + self.title_gap


def _lines(text: str, cells: int) -> int:
    return max(1, math.ceil(width(text) / cells))


def width(text: str) -> int:
    """Display width in cells: wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Section(msgspec.Struct):
    heading: str
    items: list[tuple[Topic, Point, str]] = []  # in document order (msgspec gives each section its own list)


class Briefing(msgspec.Struct, frozen=True):
    """A rendered briefing and what went into it."""

    markdown: str
    included: tuple[str, ...]  # point ids, in document order
    omitted: tuple[str, ...]  # point ids left out to keep to one page
    lines: float  # the page budget used, in body lines
    budget: PageBudget

    @property
    def fill(self) -> float:
        """The share of one page used (the app's page meter)."""
        return self.lines / self.budget.lines


def priority(point: Point) -> tuple[int, int, int]:
    """Selection order: key points first, then by support, divergences before single views."""
    return (0 if point.key else 1, rank(point), 0 if isinstance(point, Divergence) else 1)


_FINAL_STOPS = "。．.；; "


def render_point(point: Point, lang: str) -> str:
    """One list item, without the leading `- `: a view with its level of support, a divergence as its question
    followed by each side (its holders say how widely it is held), the chair's reading after its holder."""
    if point.support is None:
        return t(lang, "{holders}: {view}", holders=escape(point.holders[lang]), view=escape(point.text[lang]))
    if isinstance(point, Divergence):
        sides = [t(lang, "{holders}: {view}", holders=escape(p.holders[lang]),
                   view=escape(p.text[lang].rstrip(_FINAL_STOPS))) for p in point.positions]
        joined = sides[0]
        for side in sides[1:]:
            joined = t(lang, "{first} — {second}", first=joined, second=side)
        return t(lang, "**{issue}** {sides}.", issue=escape(point.issue[lang]), sides=joined)
    return t(lang, "{view} *({support})*", view=escape(point.text[lang]), support=support_label(point.support, lang))


def compose(
    brief: Brief,
    lang: str,
    *,
    prepared: dt.date,
    full: bool = False,
    point_ids: list[str] | None = None,
    notes: str | None = None,
    budget: PageBudget = PageBudget(),
    seeds: SeedLibrary | None = None,
    dates: DateTexts | None = None,
) -> Briefing:
    """The briefing for `brief` in `lang`. `point_ids` (the app's marked points, `--points`) selects exactly those
    points; `full` prints every point; otherwise the page limit applies. With `seeds`, points in numbered
    documents carry their paragraph number. `dates` formats the dates (one that remembers them between runs
    spares Babel's import)."""
    dates = dates or DateTexts()
    points = list(brief.points())
    if point_ids is not None:
        wanted = set(point_ids)
        points = [(topic, point) for topic, point in points if point.id in wanted]
    sections = {key: Section(section_label(key, lang)) for key in SECTIONS}
    rendered = {point.id: render_point(point, lang) + _paragraph_ref(brief, point, lang, seeds) for _, point in points}

    head = _head(brief, lang, dates)
    notes_block = _notes(notes, lang)
    used = budget.title(head[0]) + sum(budget.paragraph(line) for line in head[1:])
    if notes_block:
        used += budget.heading + sum(budget.paragraph(p) for p in notes_block)
    used += budget.paragraph(_footer(brief, lang, prepared, dates, omitted=len(points)))  # the footer at its longest

    chosen: set[str] = set()
    opened: set[str] = set()
    for _, point in sorted(points, key=lambda tp: priority(tp[1])):
        section = point.section
        cost = budget.item(rendered[point.id]) + (0 if section in opened else budget.heading + budget.paragraph_gap)
        if full or point_ids is not None or used + cost <= budget.lines:
            used += cost
            chosen.add(point.id)
            opened.add(section)
    for topic, point in points:
        if point.id in chosen:
            sections[point.section].items.append((topic, point, rendered[point.id]))

    omitted = tuple(p.id for _, p in points if p.id not in chosen)
    blocks = ["# " + head[0], *head[1:]]
    for listed in sections.values():
        if listed.items:
            blocks.append(f"## {listed.heading}\n\n" + "\n".join(f"- {text}" for _, _, text in listed.items))
    if notes_block:
        heading = t(lang, "Our line")
        blocks.append(f"## {heading}\n\n" + "\n\n".join(notes_block))
    blocks.append(_footer(brief, lang, prepared, dates, omitted=len(omitted)))
    included = tuple(p.id for _, p in points if p.id in chosen)
    return Briefing("\n\n".join(blocks) + "\n", included, omitted, used, budget)


def _head(brief: Brief, lang: str, dates: DateTexts) -> list[str]:
    item = brief.agenda_item
    title = t(lang, "Briefing: {short} (agenda item {number})", short=escape(item.short[lang]),
              number=escape(item.number))
    meta = t(lang, " · ").join((escape(brief.forum[lang]), dates.days(brief.meeting_days(), lang),
                                t(lang, "Source: {citation}", citation=escape(brief.document.cite(lang)))))
    bottom = t(lang, "**Bottom line.** {summary}", summary=escape(brief.summary[lang]))
    return [title, meta, bottom]


def _notes(notes: str | None, lang: str) -> list[str]:
    if not notes or not notes.strip():
        return []
    return [escape(paragraph) for paragraph in re.split(r"\n\s*\n", notes.strip()) if paragraph.strip()]


def _footer(brief: Brief, lang: str, prepared: dt.date, dates: DateTexts, omitted: int) -> str:
    """The date prepared and the source's symbol (the line under the title gives the source in full)."""
    if brief.document.symbol:
        text = t(lang, "Prepared {date} from {citation}. Levels of support follow the chair's wording.",
                 date=dates.date(prepared, lang), citation=escape(brief.document.symbol))
    else:
        text = t(lang, "Prepared {date}. Levels of support follow the chair's wording.",
                 date=dates.date(prepared, lang))
    if omitted:
        left_out = tn(lang, "{n} point was left out to keep to one page (`--full` prints it).",
                      "{n} points were left out to keep to one page (`--full` prints them).", omitted)
        text = t(lang, "{first} {second}", first=text, second=left_out)
    return t(lang, "*{footer}*", footer=text)


def _paragraph_ref(brief: Brief, point: Point, lang: str, seeds: SeedLibrary | None) -> str:
    located = seeds.locate(brief.document.source, (s.quote for s in point.sources)) if seeds else None
    numbers = paragraph_numbers(located[1]) if located else []
    if not numbers:
        return ""
    return " " + t(lang, "(para. {numbers})", numbers=t(lang, ", ").join(escape(n) for n in numbers))


def prepared_date(value: str | None = None) -> dt.date:
    """The date printed as "prepared": `value` (YYYY-MM-DD), else `SOURCE_DATE_EPOCH` (reproducible output),
    else today. Raises ValueError for a malformed `value`."""
    if value:
        return dt.date.fromisoformat(value)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def point_as_text(brief: Brief, point: Point, lang: str, seeds: SeedLibrary | None = None,
                  dates: DateTexts | None = None) -> str:
    """A point as plain text for pasting into a note: the view (or the question and each side) with its level
    of support, the citation with paragraph numbers and meeting dates, and the verbatim source passages."""
    gap = language(lang).word_gap
    if isinstance(point, Divergence):
        sides = [t(lang, "{holders}: {view}", holders=p.holders[lang], view=p.text[lang]) + gap
                 + support_note(p.support, lang) for p in point.positions]
        body = "\n".join([point.issue[lang], *(f"- {side}" for side in sides)])
    elif point.support is None:
        body = t(lang, "{holders}: {view}", holders=point.holders[lang], view=point.text[lang])
    else:
        body = point.text[lang] + gap + support_note(point.support, lang)
    cite = brief.document.cite(lang) + _paragraph_ref(brief, point, lang, seeds)
    days = (dates or DateTexts()).days(brief.meeting_days(), lang)
    where = t(lang, "{citation}; {dates}", citation=cite, dates=days)
    quotes = "\n".join(t(lang, "“{quote}”", quote=source.quote) for source in point.sources)
    return f"{body}\n{where}\n{quotes}\n"


# Files -------------------------------------------------------------------------------------------------------


def default_filename(brief: Brief, lang: str) -> str:
    """`cd-2105-nsa-消极安全保证.zh.md`, `cd-2105-nsa-Negative-security-assurances.en.md`."""
    return f"{brief.id}-{safe_name(brief.agenda_item.short[lang], fallback='brief')}.{lang}.md"
