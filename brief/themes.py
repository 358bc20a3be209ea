"""A theme across documents, as data the app's theme view and the theme note (`brief.export.theme`) share.

A theme's points are grouped by brief — one agenda item of one document — in the order the meetings were held
(`when_held`, oldest first: the question a theme answers is how positions moved). The two letters of CD/2105
are two groups, not one document with two parts: they record different meetings on different agenda items, and
ordering by meetings may put another document's meetings between two parts of one document. Within a group the
points are in the sections of an agenda item (`SECTIONS`), each in its document's order.

No Textual, no Rich: plain data built from the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator

import msgspec

from brief.checks import when_held
from brief.corpus import Corpus, Shift, Theme
from brief.model import SECTIONS, AgendaItem, Brief, Document, Placed, Text


class ThemeGroup(msgspec.Struct, frozen=True, gc=False):
    """The points of a theme in one brief, by section: `sections` in `SECTIONS` order, only those with points."""

    brief: Brief
    sections: tuple[tuple[str, tuple[Placed, ...]], ...]

    @property
    def document(self) -> Document:
        return self.brief.document

    @property
    def forum(self) -> Text:
        return self.brief.forum

    @property
    def agenda_item(self) -> AgendaItem:
        return self.brief.agenda_item

    @property
    def days(self) -> list[dt.date]:
        """The meeting days the brief records, in order."""
        return self.brief.meeting_days()

    def points(self) -> Iterator[Placed]:
        """The group's points in reading order: by section, then as the document has them."""
        for _, placed in self.sections:
            yield from placed

    def __len__(self) -> int:
        return sum(len(placed) for _, placed in self.sections)


class CitedSentence(msgspec.Struct, frozen=True, gc=False):
    """A sentence of a shift and the points it cites, resolved (a citation that does not resolve, which `brief
    check` reports, is left out)."""

    text: Text
    points: tuple[Placed, ...]


class ThemeShift(msgspec.Struct, frozen=True, gc=False):
    """A curated shift of a theme (`Glossary.shifts`) with the groups of its two briefs, the earlier first."""

    shift: Shift
    before: ThemeGroup
    after: ThemeGroup
    sentences: tuple[CitedSentence, ...]


class ThemeCount(msgspec.Struct, frozen=True, gc=False):
    """How many points of a theme each brief has: `documents` in the order of `when_held`, only briefs with
    points of the theme."""

    theme: Theme
    documents: tuple[tuple[Brief, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.documents)


def chronological(briefs: Iterable[Brief]) -> list[Brief]:
    """`briefs` in the order their meetings were held (then by their documents' dates, then by id)."""
    return sorted(briefs, key=lambda brief: (*when_held(brief), brief.id))


def theme_groups(corpus: Corpus, theme_id: str) -> list[ThemeGroup]:
    """The theme's points, one group per brief that has any, oldest meetings first."""
    groups: list[ThemeGroup] = []
    for brief in chronological(corpus.briefs):
        found: dict[str, list[Placed]] = {section: [] for section in SECTIONS}
        for topic, point in brief.points():
            if theme_id in point.themes:
                found[point.section].append(Placed(brief, topic, point))
        if any(found.values()):
            groups.append(ThemeGroup(brief, tuple((key, tuple(placed)) for key, placed in found.items() if placed)))
    return groups


def shifts_of(corpus: Corpus, theme_id: str, groups: list[ThemeGroup] | None = None) -> list[ThemeShift]:
    """The curated shifts of the theme, ordered by their two groups (oldest first; among equals, as the glossary
    lists them), each sentence with the points it cites. A shift whose brief does not load or has no point of
    the theme is left out (`brief check` reports it). `groups` are the theme's groups if already made."""
    if corpus.glossary is None:
        return []
    groups = theme_groups(corpus, theme_id) if groups is None else groups
    order = {group.brief.id: index for index, group in enumerate(groups)}
    cited = {f"{group.brief.id}/{placed.point.id}": placed for group in groups for placed in group.points()}
    found: list[ThemeShift] = []
    for shift in corpus.glossary.shifts:
        first, last = shift.between
        if shift.theme != theme_id or first not in order or last not in order:
            continue
        sentences = tuple(CitedSentence(sentence.text, tuple(cited[path] for path in sentence.points if path in cited))
                          for sentence in shift.sentences)
        found.append(ThemeShift(shift, groups[order[first]], groups[order[last]], sentences))
    return sorted(found, key=lambda found: (order[found.before.brief.id], order[found.after.brief.id]))


def theme_counts(corpus: Corpus) -> list[ThemeCount]:
    """Every theme that points use (in glossary order) with its point count per brief, for the tree and `brief
    list --themes`."""
    counts: dict[str, Counter[str]] = {}
    for brief in corpus.briefs:
        for _, point in brief.points():
            for theme_id in point.themes:
                counts.setdefault(theme_id, Counter())[brief.id] += 1
    briefs = chronological(corpus.briefs)
    return [ThemeCount(theme, tuple((brief, counts[theme.id][brief.id]) for brief in briefs
                                    if counts[theme.id][brief.id]))
            for theme in corpus.themes()]
