"""The one page every note is made of, and the rule that chooses what goes on it: shared by the briefing on an
agenda item (`brief.export.plan`) and the note on a theme across documents (`brief.export.theme`).

A note is a `Page`: a title, the line under it, a bottom line, sections of points (`Entry`) or of curated
sentences (`Sentence`), the user's notes, footnotes and a footer, each text in every language; the formats
(`brief.export.FORMATS`) draw a page and know nothing else. What goes on it is chosen by `select`, by rule,
never by cutting text: the points are tried in an order (a briefing's: key points first, then by support,
strongest first, divergences before single views; a theme note's: its documents take turns), and a point that
does not fit is left out whole and the next one is tried. A point goes on the page only if it fits in every
language, so the notes of every language carry the same points in the same order. The page is measured by
`PageBudget` on the plain words, as any format prints them, calibrated against the real print
(`scripts/check-pages --calibrate`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, NamedTuple

import msgspec

from brief.i18n import section_label, support_label, t
from brief.languages import language
from brief.model import Brief, Divergence, Point, Text, Topic, rank
from brief.safe import visible
from brief.sources import SeedLibrary, paragraph_numbers
from brief.widths import width

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
    heading: float = 1.81  # a section heading of one line, with its space above and below
    heading_cells: int = 72  # section headings are set at 1.1 em, bold (Word: 12.5 pt)
    heading_line: float = 1.15  # each further line of a section heading
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

    def section(self, text: str) -> float:
        return self.heading + (_lines(text, self.heading_cells) - 1) * self.heading_line

    def footnote(self, text: str) -> float:
        return _lines(text, self.footnote_cells) * self.footnote_line + self.item_gap


def _lines(text: str, cells: int) -> int:
    return max(1, math.ceil(width(text) / cells))


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


# What a page holds -------------------------------------------------------------------------------------------


class Entry(msgspec.Struct, frozen=True, gc=False):
    """A point on the page, with the document's paragraph numbers of its sources and its footnotes' numbers."""

    topic: Topic
    point: Point
    paragraphs: tuple[str, ...]
    footnotes: tuple[int, ...]


class Sentence(msgspec.Struct, frozen=True, gc=False):
    """A curated sentence (what changed on a theme) and, by language, the citation of the points it rests on."""

    text: Text
    citation: dict[str, str]


class Section(msgspec.Struct, frozen=True, gc=False):
    """A heading, an optional line under it, and what is listed under it. `key` says which: a section of
    `SECTIONS`, `shifts` (what changed on a theme), or the id of a brief (a theme's document)."""

    key: str
    heading: dict[str, str]
    items: tuple[Entry | Sentence, ...]
    meta: dict[str, str] = {}


class Page(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A one-page note, in every language it was planned in; the formats draw it."""

    title: dict[str, str]
    meta: dict[str, str]  # the line under the title
    lead: dict[str, str]  # the bottom line (after its label), by language; empty when the note has none
    sections: tuple[Section, ...]  # in reading order, only those with something listed
    notes: dict[str, tuple[Block, ...]]  # "Our line", by language (a language without notes is absent)
    footnotes: tuple[Text, ...]  # the notes of the points on the page, numbered from 1 in reading order
    footer: dict[str, str]
    used: dict[str, float]  # body lines used, by language
    budget: PageBudget
    dated: dt.date  # what the note is as of: its document's date (a theme's latest), for reproducible files

    def fill(self, lang: str) -> float:
        """The share of one page the note takes in `lang` (the app's page meter)."""
        return self.used[lang] / self.budget.lines

    def entries(self) -> Iterable[Entry]:
        for section in self.sections:
            yield from (item for item in section.items if isinstance(item, Entry))


# Choosing what goes on the page ------------------------------------------------------------------------------


class Candidate(NamedTuple):
    """A point that may go on the page, the paragraph numbers of its sources, and the heading it is listed under
    (`group`: its section, or its brief in a theme note)."""

    topic: Topic
    point: Point
    paragraphs: tuple[str, ...]
    group: str


def priority(point: Point) -> tuple[int, int, int]:
    """Selection order: key points first, then by support, divergences before single views."""
    return (0 if point.key else 1, rank(point), 0 if isinstance(point, Divergence) else 1)


def select(candidates: Sequence[Candidate], used: dict[str, float], budget: PageBudget,
           opening: Callable[[str, str], float], *, order: Iterable[int] | None = None,
           everything: bool = False) -> list[bool]:
    """Which of `candidates` go on the page: tried in `order` (indices; by default by `priority`, among equals
    as given), each goes on if it fits in every language of `used` with its item, its group's heading if it is
    the group's first point (`opening(group, lang)`) and its notes that are not on the page already; with
    `everything`, every one. `used` (body lines by language, the page's fixed parts already in) is updated."""
    taken = [False] * len(candidates)
    opened: set[str] = set()
    noted: set[Text] = set()  # a note two points share is printed once
    if order is None:
        order = sorted(range(len(candidates)), key=lambda index: priority(candidates[index].point))
    for index in order:
        candidate = candidates[index]
        heading = {lang: 0.0 if candidate.group in opened else opening(candidate.group, lang) for lang in used}
        # In a fixed order (not a set's), so that the sums, and the choice at the page's edge, repeat run to run.
        notes = [note for note in dict.fromkeys(notes_of(candidate.point)) if note not in noted]
        costs = {lang: budget.item(plain_point(candidate.point, lang, candidate.paragraphs)) + heading[lang]
                 + sum(budget.footnote(note[lang]) for note in notes) for lang in used}
        if everything or all(used[lang] + costs[lang] <= budget.lines for lang in used):
            for lang in used:
                used[lang] += costs[lang]
            taken[index] = True
            opened.add(candidate.group)
            noted.update(notes)
    return taken


def chosen(candidates: Sequence[Candidate], taken: Sequence[bool], group: str) -> list[Candidate]:
    """The candidates of `group` that `select` took, in the order given."""
    return [candidate for candidate, keep in zip(candidates, taken, strict=True) if keep and candidate.group == group]


def place(candidates: Iterable[Candidate], footnotes: list[Text]) -> tuple[Entry, ...]:
    """The entries of `candidates`, in the order given (the page's reading order), their notes numbered on from
    `footnotes`, which gains the notes not yet there."""
    entries: list[Entry] = []
    for candidate in candidates:
        for note in notes_of(candidate.point):
            if note not in footnotes:
                footnotes.append(note)
        numbers = tuple(dict.fromkeys(footnotes.index(note) + 1 for note in notes_of(candidate.point)))
        entries.append(Entry(candidate.topic, candidate.point, candidate.paragraphs, numbers))
    return tuple(entries)


def frame_cost(budget: PageBudget, lang: str, *, title: str, meta: str, lead: str | None,
               notes: tuple[Block, ...], footer: str) -> float:
    """The lines of the parts of a page that are always there: the title, the line under it, the bottom line,
    "Our line" and the footer (give the footer at its longest)."""
    cost = budget.title(title) + budget.paragraph(meta)
    if lead is not None:
        cost += budget.paragraph(t(lang, "Bottom line.") + lead)
    if notes:
        cost += budget.heading + sum(budget.paragraph(" ".join(b.lines)) if b.kind == "paragraph"
                                     else sum(budget.item(line) for line in b.lines) for b in notes)
    return cost + budget.paragraph(footer)


def notes_of(point: Point) -> list[Text]:
    """A point's notes, the point's own first, then its sides' (its footnotes, in order)."""
    sides = point.positions if isinstance(point, Divergence) else ()
    return [note for note in (point.note, *(side.note for side in sides)) if note]


# The words of a point, as every format prints them -----------------------------------------------------------

_FINAL_STOPS = "。．.；; "


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


def paragraphs_of(brief: Brief, point: Point, seeds: SeedLibrary | None) -> tuple[str, ...]:
    """The paragraph numbers of the point's sources in its document (none without `seeds`, or for a document
    without numbered paragraphs)."""
    located = seeds.locate(brief.document.source, (s.quote for s in point.sources)) if seeds else None
    return tuple(paragraph_numbers(located[1])) if located else ()


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


def plain_sentence(sentence: Sentence, lang: str) -> str:
    """A sentence of what changed with its citation, without any markup."""
    citation = sentence.citation.get(lang, "")
    return f"{sentence.text[lang]}{language(lang).word_gap}{citation}" if citation else sentence.text[lang]


def section_heading(section: str, lang: str) -> str:
    return section_label(section, lang)
