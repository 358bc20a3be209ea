"""Search every point in both languages at once.

Each point's searchable text (en and zh: text, issue, holders, positions, quotes, topic title, casefolded) is
one string; a point matches when every term of the query (split at spaces) occurs in it. A query is answered
by a scan of these strings with `in`, which runs in C: about 20 ms for 50,000 points. As the user types, each
query usually narrows the one before (every old term is part of a new term), so only the previous matches are
scanned again: a keystroke then costs a fraction of that.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.model import Brief, Corpus, Divergence, Point, Topic


@dataclass(frozen=True)
class Hit:
    brief: Brief
    topic: Topic
    point: Point


@dataclass(frozen=True)
class Results:
    """The points matching a query, in corpus order; `hits` holds at most the `limit` asked for."""

    hits: list[Hit]
    total: int


def searchable(point: Point, topic: Topic) -> str:
    """Everything a user might type to find a point, in both languages."""
    parts = [topic.title.en, topic.title.zh, point.id]
    if isinstance(point, Divergence):
        parts += [point.issue.en, point.issue.zh]
        for position in point.positions:
            parts += [position.holders.en, position.holders.zh, position.text.en, position.text.zh,
                      position.source.quote]
    else:
        parts += [point.text.en, point.text.zh, point.source.quote]
        if point.holders:
            parts += [point.holders.en, point.holders.zh]
    return " ".join(parts).casefold()


def terms_of(query: str) -> tuple[str, ...]:
    return tuple(sorted({term for term in query.casefold().split() if term}, key=len, reverse=True))


class SearchIndex:
    def __init__(self, corpus: Corpus) -> None:
        self._hits: list[Hit] = []
        self._texts: list[str] = []
        for brief in corpus.briefs:
            for topic, point in brief.points():
                self._hits.append(Hit(brief, topic, point))
                self._texts.append(searchable(point, topic))
        self._last: tuple[tuple[str, ...], list[int]] = ((), [])  # the previous query's terms and matches

    def __len__(self) -> int:
        return len(self._hits)

    def search(self, query: str, limit: int = 200) -> Results:
        """The points whose text holds every term of `query` (case ignored), in corpus order."""
        terms = terms_of(query)
        if not terms:
            return Results([], 0)
        matches = self._matches(terms)
        return Results([self._hits[i] for i in matches[:limit]], len(matches))

    def _matches(self, terms: tuple[str, ...]) -> list[int]:
        previous_terms, previous = self._last
        texts = self._texts
        if previous_terms and all(any(old in new for new in terms) for old in previous_terms):
            candidates = previous  # the new query narrows the old one
        else:
            candidates = range(len(texts))
        if len(terms) == 1:
            term = terms[0]
            found = [i for i in candidates if term in texts[i]]
        else:
            found = [i for i in candidates if all(term in texts[i] for term in terms)]
        self._last = (terms, found)
        return found
