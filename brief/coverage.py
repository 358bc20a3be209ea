"""Coverage: is every paragraph of substance in a seed cited by some brief, or deliberately skipped?

A paragraph counts as covered when a point's quote or a `skipped` entry overlaps it (a `skipped` entry with
`through` covers the whole run of paragraphs it spans). Short headings are exempt. `brief check --coverage`
reports each paragraph left over as a warning at its line in the seed, so that a curator sees exactly which
sentence of the source no brief accounts for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from brief.corpus import Corpus, Problem
from brief.files import shown_path
from brief.i18n import N_
from brief.sources import Paragraph, Seed, SeedLibrary

#: How much of an uncovered paragraph the warning shows.
OPENING = 24


@dataclass(frozen=True)
class SeedCoverage:
    seed: Seed
    covered: frozenset[int]  # paragraph indexes

    @property
    def missing(self) -> list[Paragraph]:
        return [p for p in self.seed.paragraphs if p.index not in self.covered and not p.is_heading]


def coverage(corpus: Corpus, seeds: SeedLibrary) -> list[SeedCoverage]:
    """Per seed used by a brief of `corpus`, which of its paragraphs the briefs cover."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for brief in corpus.briefs:
        try:
            seed = seeds.get(brief.document.source)
        except (OSError, ValueError, UnicodeDecodeError):
            continue  # already reported by the loader
        found = spans[seed.name]
        for _, point in brief.points():
            found.extend(_span(seed, source.quote) for source in point.sources)
        for skipped in brief.skipped:
            first = _span(seed, skipped.quote)
            last = _span(seed, skipped.through) if skipped.through else first
            found.append((first[0], max(first[1], last[1])))
    result = []
    for name, found in spans.items():
        seed = seeds.get(name)
        covered = frozenset(p.index for p in seed.paragraphs for start, end in found
                            if start < p.end and end > p.start)
        result.append(SeedCoverage(seed, covered))
    return result


def _span(seed: Seed, quote: str) -> tuple[int, int]:
    passage = seed.locate(quote)
    return (passage.start, passage.end) if passage else (0, 0)


def coverage_problems(corpus: Corpus, seeds: SeedLibrary) -> list[Problem]:
    """A warning for every paragraph of substance that no brief cites and none skips."""
    problems = []
    for found in coverage(corpus, seeds):
        shown = shown_path(seeds.folder / found.seed.name)
        for paragraph in found.missing:
            line = found.seed.text.count("\n", 0, paragraph.start) + 1
            opening = paragraph.text[:OPENING] + ("…" if len(paragraph.text) > OPENING else "")
            problems.append(Problem(
                path=shown, line=line, col=1, level="warning",
                template=N_("paragraph “{opening}” is cited by no brief: add a point that quotes it, or a "
                            "`skipped` entry saying why it is left out"),
                params={"opening": opening}))
    return problems
