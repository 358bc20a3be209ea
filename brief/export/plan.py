"""The plan of a briefing: what goes on the one page, in which section and order, what was left out — decided
once from the model, for every language at once, and then drawn by any format (`brief.export.FORMATS`).

Selection is by rule, never by cutting text: key points first, then by support (strongest first), divergences
before single views; a point that does not fit is left out whole and the next one is tried. A point goes on the
page only if it fits in every language, so the Chinese and the English note of one brief carry the same points,
in the same order (the document's). The page is measured by `PageBudget` on the plain words of the plan, as any
format prints them, calibrated against the real print (`scripts/check-pages --calibrate`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

import msgspec

from brief.i18n import section_label, support_label, t, tn
from brief.labels import agenda_label
from brief.languages import LANGUAGES, language
from brief.memo import DateTexts
from brief.model import SECTIONS, Brief, Divergence, Point, Text, Topic, rank
from brief.safe import visible
from brief.sources import SeedLibrary, paragraph_numbers

# The page ----------------------------------------------------------------------------------------------------


class PageBudget(msgspec.Struct, frozen=True, gc=False):
    """How much of an A4 page (11pt body, 2 cm margins) a block takes, in body lines.

    Widths are in East Asian cells (a Chinese character is 2, a Latin letter 1); a line of running text holds
    about 85 cells in either language. The constants are measured on the real print (`scripts/check-pages
    --calibrate`); the page keeps a line and a half in reserve for ragged line breaks.
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
    footnote_cells: int = 100  # footnotes are set smaller
    footnote_line: float = 0.85

    def paragraph(self, text: str) -> float:
        return _lines(text, self.cells) + self.paragraph_gap

    def item(self, text: str) -> float:
        return _lines(text, self.list_cells) + self.item_gap

    def title(self, text: str) -> float:
        return _lines(text, self.title_cells) * self.title_line + self.title_gap

    def footnote(self, text: str) -> float:
        return _lines(text, self.footnote_cells) * self.footnote_line + self.item_gap


def _lines(text: str, cells: int) -> int:
    return max(1, math.ceil(width(text) / cells))


def width(text: str) -> int:
    """Display width in cells: wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# "Our line": the user's own notes, as they wrote them -------------------------------------------------------

BlockKind = Literal["paragraph", "bullets", "numbered"]
_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)、]\s*(.*)$")


class Block(msgspec.Struct, frozen=True, gc=False):
    """A paragraph (its lines kept as the user broke them) or a list (its items) of the user's notes."""

    kind: BlockKind
    lines: tuple[str, ...]


def note_blocks(notes: str | None) -> tuple[Block, ...]:
    """The user's notes as paragraphs and lists: a blank line ends a block, lines starting `- `, `* `, `• ` make
    a bulleted list, `1.`, `1)`, `1、` a numbered one, an indented line under a list item continues it; nothing
    else is interpreted (a `*` or `#` inside a line is text). The notes come from a file, so every format shows
    their hidden characters visibly (`brief.safe.visible`), whatever they are."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t\u3000]*\n", (notes or "").strip()):
        kind: BlockKind | None = None
        run: list[str] = []
        for line in (line.rstrip() for line in chunk.splitlines() if line.strip()):
            item = _BULLET.match(line) or _NUMBERED.match(line)
            if item is None and kind in ("bullets", "numbered") and line[0] in " \t":
                run[-1] = f"{run[-1]} {visible(line.strip())}"
                continue
            line_kind: BlockKind = "paragraph" if item is None else "bullets" if _BULLET.match(line) else "numbered"
            if kind is not None and line_kind != kind:
                blocks.append(Block(kind, tuple(run)))
                run = []
            kind = line_kind
            run.append(visible(item.group(1) if item else line.strip()))
        if kind is not None:
            blocks.append(Block(kind, tuple(run)))
    return tuple(blocks)


# The plan ----------------------------------------------------------------------------------------------------


class Entry(msgspec.Struct, frozen=True, gc=False):
    """A point on the page, with the document's paragraph numbers of its sources and its footnotes' numbers."""

    topic: Topic
    point: Point
    paragraphs: tuple[str, ...]
    footnotes: tuple[int, ...]


class Plan(msgspec.Struct, frozen=True, gc=False):
    """What a briefing holds, in every language; the formats draw it."""

    brief: Brief
    sections: tuple[tuple[str, tuple[Entry, ...]], ...]  # in reading order, only those with points
    included: tuple[str, ...]  # point ids, in document order
    omitted: tuple[str, ...]  # point ids left out to keep to one page
    footnotes: tuple[Text, ...]  # the notes of the points on the page, numbered from 1
    notes: dict[str, tuple[Block, ...]]  # "Our line", by language (a language without notes is absent)
    days: dict[str, str]  # the meeting days, by language
    prepared: dict[str, str]  # the date prepared, by language
    used: dict[str, float]  # body lines used, by language
    budget: PageBudget

    def fill(self, lang: str) -> float:
        """The share of one page the briefing takes in `lang` (the app's page meter)."""
        return self.used[lang] / self.budget.lines

    def entries(self) -> Iterable[Entry]:
        for _, entries in self.sections:
            yield from entries


def priority(point: Point) -> tuple[int, int, int]:
    """Selection order: key points first, then by support, divergences before single views."""
    return (0 if point.key else 1, rank(point), 0 if isinstance(point, Divergence) else 1)


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
    paragraphs = {point.id: _paragraphs(brief, point, seeds) for _, point in points}
    blocks = {lang: found for lang in langs if (found := note_blocks((notes or {}).get(lang)))}
    days = {lang: dates.days(brief.meeting_days(), lang) for lang in langs}
    when = {lang: dates.date(prepared, lang) for lang in langs}
    used = {lang: _fixed_cost(brief, lang, budget, days[lang], when[lang], blocks.get(lang, ()), len(points))
            for lang in langs}

    chosen: set[str] = set()
    opened: set[str] = set()
    noted: set[Text] = set()  # a note two points share is printed once
    for _, point in sorted(points, key=lambda tp: priority(tp[1])):
        costs = {lang: _cost(point, lang, budget, paragraphs[point.id], point.section in opened, noted)
                 for lang in langs}
        if full or point_ids is not None or all(used[lang] + costs[lang] <= budget.lines for lang in langs):
            for lang in langs:
                used[lang] += costs[lang]
            chosen.add(point.id)
            opened.add(point.section)
            noted.update(notes_of(point))

    footnotes: list[Text] = []
    placed: dict[str, list[Entry]] = {section: [] for section in SECTIONS}
    for topic, point in points:
        if point.id in chosen:
            for note in notes_of(point):
                if note not in footnotes:
                    footnotes.append(note)
            numbers = tuple(dict.fromkeys(footnotes.index(note) + 1 for note in notes_of(point)))
            placed[point.section].append(Entry(topic, point, paragraphs[point.id], numbers))
    return Plan(brief=brief, sections=tuple((key, tuple(found)) for key, found in placed.items() if found),
                included=tuple(p.id for _, p in points if p.id in chosen),
                omitted=tuple(p.id for _, p in points if p.id not in chosen), footnotes=tuple(footnotes),
                notes=blocks, days=days, prepared=when, used=used, budget=budget)


def _paragraphs(brief: Brief, point: Point, seeds: SeedLibrary | None) -> tuple[str, ...]:
    located = seeds.locate(brief.document.source, (s.quote for s in point.sources)) if seeds else None
    return tuple(paragraph_numbers(located[1])) if located else ()


def _fixed_cost(brief: Brief, lang: str, budget: PageBudget, days: str, prepared: str, notes: tuple[Block, ...],
                points: int) -> float:
    title, meta, summary = head(brief, lang, days)
    cost = budget.title(title) + budget.paragraph(meta) + budget.paragraph(t(lang, "Bottom line.") + summary)
    if notes:
        cost += budget.heading + sum(budget.paragraph(" ".join(b.lines)) if b.kind == "paragraph"
                                     else sum(budget.item(line) for line in b.lines) for b in notes)
    return cost + budget.paragraph(footer(brief, lang, prepared, omitted=points))  # the footer at its longest


def _cost(point: Point, lang: str, budget: PageBudget, paragraphs: tuple[str, ...], section_open: bool,
          noted: set[Text]) -> float:
    """The lines a point adds in `lang`: its item, its section's heading if it opens the section, its notes that
    are not on the page already."""
    heading = 0 if section_open else budget.heading + budget.paragraph_gap
    notes = sum(budget.footnote(note[lang]) for note in set(notes_of(point)) - noted)
    return budget.item(plain_point(point, lang, paragraphs)) + heading + notes


def notes_of(point: Point) -> list[Text]:
    """A point's notes, the point's own first, then its sides' (its footnotes, in order)."""
    sides = point.positions if isinstance(point, Divergence) else ()
    return [note for note in (point.note, *(side.note for side in sides)) if note]


# The words, as every format prints them ----------------------------------------------------------------------

_FINAL_STOPS = "。．.；; "


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


def sides_text(point: Divergence, lang: str) -> str:
    """Each side of a split, its holders before its view, one after the other in one sentence:
    "Many delegations: not legally binding — A contrary view: credible and effective."."""
    joined = t(lang, " — ").join(t(lang, "{holders}: {view}", holders=p.holders[lang],
                                   view=p.text[lang].rstrip(_FINAL_STOPS)) for p in point.positions)
    return joined + t(lang, ".")


def level_text(level: str, lang: str) -> str:
    """"(many)" / "（许多）"."""
    return t(lang, "({level})", level=support_label(level, lang))


def holders_text(holders: str, lang: str) -> str:
    """Who holds the chair's own reading, before it: "The co-chairs:" / "共同主席："."""
    return t(lang, "{holders}:", holders=holders)


def paragraph_ref(paragraphs: tuple[str, ...], lang: str) -> str:
    """"(para. 27, 28 (d))" / "（第 27、28 (d) 段）"; empty for a document without numbered paragraphs."""
    return t(lang, "(para. {numbers})", numbers=t(lang, ", ").join(paragraphs)) if paragraphs else ""


def plain_point(point: Point, lang: str, paragraphs: tuple[str, ...] = ()) -> str:
    """A point's words on the page, without any markup: what the budget measures and plain text prints."""
    gap = language(lang).word_gap
    if isinstance(point, Divergence):
        text = f"{point.issue[lang]} {sides_text(point, lang)}"
    elif point.support is None:
        text = f"{holders_text(point.holders[lang], lang)} {point.text[lang]}"
    else:
        text = point.text[lang] + gap + level_text(point.support, lang)
    ref = paragraph_ref(paragraphs, lang)
    return f"{text}{gap}{ref}" if ref else text


def section_heading(section: str, lang: str) -> str:
    return section_label(section, lang)
