"""Search every point in both languages at once.

The index is one string: each point's searchable text (en and zh: text, issue, holders, positions, quotes,
topic title, casefolded) laid end to end, with an offset table. A query is a few `str.find` scans over it, in
C, which stays well under a keystroke's budget with 50,000 points; a point matches when every term of the query
occurs in its text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from brief.model import Brief, Corpus, Divergence, Point, Topic

_SEPARATOR = "\x00"


@dataclass(frozen=True)
class Hit:
    brief: Brief
    topic: Topic
    point: Point


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


class SearchIndex:
    def __init__(self, corpus: Corpus) -> None:
        self._hits: list[Hit] = []
        chunks: list[str] = []
        self._starts: list[int] = []
        offset = 0
        for brief in corpus.briefs:
            for topic, point in brief.points():
                text = searchable(point, topic) + _SEPARATOR
                self._hits.append(Hit(brief, topic, point))
                self._starts.append(offset)
                chunks.append(text)
                offset += len(text)
        self._text = "".join(chunks)

    def __len__(self) -> int:
        return len(self._hits)

    def search(self, query: str, limit: int = 200) -> list[Hit]:
        """Points whose text holds every term of `query` (split at spaces; case ignored), in corpus order."""
        terms = sorted({term for term in query.casefold().split() if term}, key=len, reverse=True)
        if not terms:
            return []
        matches = self._points_with(terms[0])
        for term in terms[1:]:
            if not matches:
                break
            matches &= self._points_with(term)
        return [self._hits[i] for i in sorted(matches)[:limit]]

    def _points_with(self, term: str) -> set[int]:
        found: set[int] = set()
        text, starts = self._text, self._starts
        at = text.find(term)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            found.add(index)
            # Skip to the next point: one hit per point is enough.
            next_start = starts[index + 1] if index + 1 < len(starts) else len(text)
            at = text.find(term, next_start)
        return found
