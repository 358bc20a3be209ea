"""Search every point in both languages at once.

A point matches when every term of the query (split at spaces, case ignored) occurs in its text: the text,
issue, holders and positions in English and Chinese, the source quotes, the topic title and the point's id.

Each point's text is kept as two strings: the Latin one (the English, plus the runs of Latin letters and digits
in the Chinese, such as `CD/2105` or `FMCT`) and the Chinese one. A term is looked for only in the string of its
script, with `in`, which runs in C; the Latin strings, with typographic quotes and dashes made plain, take one
byte per character, so a scan of 50,000 points costs a few milliseconds. As the user types, each query usually
narrows the one before (every old term is part of a new term), and then only the previous matches are scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.corpus import Corpus
from brief.languages import LANGUAGES
from brief.model import Divergence, Placed, Point, Text, Topic

#: Typographic marks of English text, as a user types them, one character for one.
_MARKS = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "}
_PLAIN = str.maketrans({**_MARKS, "…": "..."})
_SAME_LENGTH = str.maketrans(_MARKS)
#: Characters of Chinese text, and of its punctuation: where a term holds one, it is looked for in Chinese.
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]")
_LATIN_RUN = re.compile(r"[\x21-\x7e]+")


@dataclass(frozen=True)
class Results:
    """The points matching a query, in corpus order; `hits` holds at most the `limit` asked for."""

    hits: list[Placed]
    total: int


def texts_of(point: Point, topic: Topic) -> tuple[str, str]:
    """Everything a user might type to find a point: (the English and Latin text, the Chinese text)."""
    texts: list[Text] = [topic.title, *([point.issue] if isinstance(point, Divergence) else [])]
    for claim in point.claims:
        texts += [claim.text, *([claim.holders] if claim.holders else [])]
    english = [point.id, *(text[code] for text in texts for code, spec in LANGUAGES.items() if not spec.cjk)]
    chinese = [claim.source.quote for claim in point.claims]
    chinese += [text[code] for text in texts for code, spec in LANGUAGES.items() if spec.cjk]
    zh = "\n".join(chinese).casefold()
    latin = "\n".join(english).translate(_PLAIN).casefold() + "\n" + "\n".join(_LATIN_RUN.findall(zh))
    return latin, zh


def terms_of(query: str) -> tuple[str, ...]:
    return tuple(sorted({term for term in query.casefold().split() if term}, key=len, reverse=True))


def occurrences(text: str, query: str) -> list[tuple[int, int]]:
    """Where the terms of `query` occur in `text` (case and typographic marks ignored), as (start, end)
    offsets, in order; what a result highlights."""
    plain = text.translate(_SAME_LENGTH)
    found = (match.span() for term in terms_of(query)
             for match in re.finditer(re.escape(term.translate(_SAME_LENGTH)), plain, re.IGNORECASE))
    return sorted(found)


class SearchIndex:
    def __init__(self, corpus: Corpus) -> None:
        self._hits: list[Placed] = []
        self._latin: list[str] = []
        self._chinese: list[str] = []
        for brief in corpus.briefs:
            for topic, point in brief.points():
                latin, chinese = texts_of(point, topic)
                self._hits.append(Placed(brief, topic, point))
                self._latin.append(latin)
                self._chinese.append(chinese)
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
        found: list[int] | None = previous
        if not (previous_terms and all(any(old in new for new in terms) for old in previous_terms)):
            found = None  # not a narrowing of the last query: scan every point
        for term in terms:
            if _CJK.search(term):
                texts = self._chinese
            else:
                texts, term = self._latin, term.translate(_PLAIN)
            if found is None:
                found = [i for i, text in enumerate(texts) if term in text]
            else:
                found = [i for i in found if term in texts[i]]
            if not found:
                break
        found = found or []
        self._last = (terms, found)
        return found
