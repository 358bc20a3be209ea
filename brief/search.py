"""Search every point, and every theme, in both languages at once.

A point matches when every term of the query (split at spaces, case ignored) occurs in its text: the text,
issue, holders and positions in English and Chinese, the source quotes, the topic title and the point's id. A
theme matches when every term occurs in its name in some language or in its id.

Each point's text is kept as two strings: the Latin one (the words of the English, each once, plus the runs of
Latin letters and digits in the Chinese, such as `CD/2105` or `FMCT`) and the Chinese one. A term is looked for
only in the string of its script, with `in`, which runs in C; the Latin strings, with typographic quotes and
dashes made plain, take one byte per character.

What a keystroke costs is kept small three ways:
- matches are found as they are asked for (`Matches`): the first screenful by testing points until it is full,
  the rest when the screen asks for more, or counts them in small steps between keystrokes;
- a query that narrows one asked before (every old term is part of a new term) starts from that query's matches,
  and tests only its new or changed terms;
- the matches of the last queries are kept (`HISTORY`), so that backspace, or an edit back to an earlier query,
  finds them again at no cost.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brief.corpus import Corpus, Theme
from brief.languages import LANGUAGES
from brief.model import Brief, Divergence, Placed, Point, Text, Topic

#: Typographic marks of English text, as a user types them, one character for one.
_MARKS = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "}
_PLAIN = str.maketrans({**_MARKS, "…": "..."})
_SAME_LENGTH = str.maketrans(_MARKS)
#: Characters of Chinese text, and of its punctuation: where a term holds one, it is looked for in Chinese.
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]")
_LATIN_RUN = re.compile(r"[\x21-\x7e]+")
#: How many queries' matches are kept for backspace and edits.
HISTORY = 32
#: How many candidates a step of the search tests: a few milliseconds at most.
STEP = 2048


def _scripts(latin: list[str], chinese: list[str]) -> tuple[str, str]:
    """(the Latin string, the Chinese string) of some texts, as terms are looked for in them. The Latin string
    holds each of its words once, in order, one a line: a term has no space in it, so it occurs in the text if and
    only if it occurs in one of its words, and a point's texts repeat their words ("the", "delegations") often."""
    zh = "\n".join(chinese).casefold()
    words = ("\n".join(latin).translate(_PLAIN).casefold() + "\n" + "\n".join(_LATIN_RUN.findall(zh))).split()
    return "\n".join(dict.fromkeys(words)), zh


def texts_of(point: Point, topic: Topic) -> tuple[str, str]:
    """Everything a user might type to find a point: (the English and Latin text, the Chinese text)."""
    texts: list[Text] = [topic.title, *([point.issue] if isinstance(point, Divergence) else [])]
    for claim in point.claims:
        texts += [claim.text, *([claim.holders] if claim.holders else [])]
    english = [point.id, *(text[code] for text in texts for code, spec in LANGUAGES.items() if not spec.cjk)]
    chinese = [claim.source.quote for claim in point.claims]
    chinese += [text[code] for text in texts for code, spec in LANGUAGES.items() if spec.cjk]
    return _scripts(english, chinese)


def theme_texts(theme: Theme) -> tuple[str, str]:
    """A theme's id and its name in every language, as `texts_of` gives a point's."""
    english = [theme.id, *(theme.name[code] for code, spec in LANGUAGES.items() if not spec.cjk)]
    return _scripts(english, [theme.name[code] for code, spec in LANGUAGES.items() if spec.cjk])


def terms_of(query: str) -> tuple[str, ...]:
    return tuple(sorted({term for term in query.casefold().split() if term}, key=lambda term: (-len(term), term)))


def _as_held(term: str) -> tuple[bool, str]:
    """(whether `term` is looked for in the Chinese text, the term as that text holds it)."""
    return (True, term) if _CJK.search(term) else (False, term.translate(_PLAIN))


def occurrences(text: str, query: str) -> list[tuple[int, int]]:
    """Where the terms of `query` occur in `text` (case and typographic marks ignored), as (start, end)
    offsets, in order; what a result highlights."""
    plain = text.translate(_SAME_LENGTH)
    found = (match.span() for term in terms_of(query)
             for match in re.finditer(re.escape(term.translate(_SAME_LENGTH)), plain, re.IGNORECASE))
    return sorted(found)


#: A term as it is tested: the strings of its script (one per point), and the term as they hold it.
Test = tuple[list[str], str]
#: Candidates (point indices, in order) with the terms they must still be tested for, and the point before which
#: they all lie.
Segment = tuple[Sequence[int], list[Test], int]


class Matches:
    """The points (indices into the index) holding every term of a query, in corpus order, found as they are
    asked for: each segment's candidates (every point, or the matches of an earlier query that this one narrows)
    tested with the terms they are not known to hold."""

    def __init__(self, segments: list[Segment], step: int = STEP) -> None:
        #: The matches found so far: a C array, 4 bytes a match (a list of ints takes about 36), since the last
        #: `HISTORY` queries' matches are kept, up to every point each.
        self.found: array[int] = array("i")
        self.step = step  # candidates tested in a step
        self.done = not segments
        self._segments = segments
        self._segment = self._next = 0  # the next candidate: segment, and index in it

    @property
    def frontier(self) -> int:
        """Every point before this one has been tested (while not `done`)."""
        candidates, _, bound = self._segments[self._segment]
        return candidates[self._next] if self._next < len(candidates) else bound

    def fill(self, wanted: int, steps: int | None = None) -> None:
        """Test candidates until `wanted` matches are found or no candidate is left, or for at most `steps`
        steps."""
        while len(self.found) < wanted and not self.done and (steps is None or steps > 0):
            self.advance()
            steps = None if steps is None else steps - 1

    def advance(self) -> None:
        """Test the next `step` candidates."""
        candidates, tests, _ = self._segments[self._segment]
        chunk = candidates[self._next:self._next + self.step]
        self._next += len(chunk)
        for texts, term in tests:
            chunk = [i for i in chunk if term in texts[i]]
            if not chunk:
                break
        self.found.extend(chunk)
        if self._next >= len(candidates):
            self._segment, self._next = self._segment + 1, 0
            if self._segment == len(self._segments):
                if len(self._segments) == 1 and isinstance(candidates, array) and len(self.found) == len(candidates):
                    # Every match of the query this one narrows matched: the same points, held once (typing a
                    # word, its prefixes often find the same points, and the last queries' matches are kept).
                    self.found = candidates
                self.done, self._segments = True, []  # the candidates are no longer needed


Hit = Theme | Placed


@dataclass(frozen=True)
class Results:
    """What a query finds: the themes it names (all of them, found at once), then the points, found as they are
    asked for."""

    themes: tuple[Theme, ...]
    matches: Matches
    place: Callable[[int], Placed]  # a point of the index, by its index

    def hits(self, start: int, stop: int, steps: int | None = None) -> list[Hit]:
        """Hits `start` to `stop`: the themes first, then the points in corpus order. Fewer at the end, or when
        `steps` steps of the search (see `Matches.advance`) did not find them all."""
        themes: list[Hit] = list(self.themes[start:stop])
        first, last = max(0, start - len(self.themes)), stop - len(self.themes)
        if last <= 0:
            return themes
        self.matches.fill(last, steps)
        return [*themes, *map(self.place, self.matches.found[first:last])]

    @property
    def complete(self) -> bool:
        """True once every point has been tested: `points` is then the number of points found."""
        return self.matches.done

    @property
    def points(self) -> int:
        """The points found so far (all of them once `complete`)."""
        return len(self.matches.found)

    def count(self) -> bool:
        """Take a step of the search, to count the points; True once they are all counted."""
        if not self.matches.done:
            self.matches.advance()
        return self.matches.done


NOTHING = Matches([])


class SearchIndex:
    def __init__(self, corpus: Corpus, step: int = STEP) -> None:
        self.corpus = corpus  # what it indexes: the app builds a new one when its corpus changes
        self.step = step
        # Where each point is: its topic (the first point of each topic, and the topic with its brief), so that
        # the index holds a few bytes a topic, not a `Placed` a point; a hit's `Placed` is made when it is shown.
        self._topics: list[tuple[Brief, Topic]] = []
        self._firsts = array("i")
        self._latin: list[str] = []
        self._chinese: list[str] = []
        points_per_theme: Counter[str] = Counter()
        for brief in corpus.briefs:
            for topic in brief.topics:
                self._topics.append((brief, topic))
                self._firsts.append(len(self._latin))
                for point in topic.points:
                    latin, chinese = texts_of(point, topic)
                    self._latin.append(latin)
                    self._chinese.append(chinese)
                    points_per_theme.update(point.themes)
        self._themes = [(theme, *theme_texts(theme)) for theme in corpus.themes()]
        self.points_per_theme = dict(points_per_theme)
        self._history: OrderedDict[tuple[str, ...], Matches] = OrderedDict()

    def __len__(self) -> int:
        return len(self._latin)

    def place(self, index: int) -> Placed:
        """The point `index` of the index (0 to `len(self) - 1`, in corpus order), where it stands."""
        if not 0 <= index < len(self._latin):
            raise IndexError(index)
        topic_index = bisect.bisect_right(self._firsts, index) - 1
        brief, topic = self._topics[topic_index]
        return Placed(brief, topic, topic.points[index - self._firsts[topic_index]])

    def search(self, query: str) -> Results:
        """The themes and points whose text holds every term of `query` (case ignored)."""
        terms = terms_of(query)
        if not terms:
            return Results((), NOTHING, self.place)
        return Results(self._matching_themes(terms), self._matches(terms), self.place)

    def _test(self, term: str) -> Test:
        """How `term` is tested: in the Chinese strings if it holds Chinese, else in the Latin ones."""
        chinese, held = _as_held(term)
        return (self._chinese if chinese else self._latin), held

    def _matching_themes(self, terms: tuple[str, ...]) -> tuple[Theme, ...]:
        tests = [_as_held(term) for term in terms]
        return tuple(theme for theme, latin, zh in self._themes
                     if all(held in (zh if chinese else latin) for chinese, held in tests))

    def _matches(self, terms: tuple[str, ...]) -> Matches:
        """The matches of `terms`: kept from an earlier query; else narrowed from the most specific earlier query
        that `terms` narrows (each of its terms part of one of `terms`), as far as that one was found, and beyond
        from the most specific such query found in full, or from every point; else found among every point."""
        history, size = self._history, len(self._latin)
        if (known := history.get(terms)) is not None:
            history.move_to_end(terms)
            return known
        # (how specific, how recent, terms, matches) of each earlier query that `terms` narrows
        covering = [(sum(map(len, old)), age, old, matches) for age, (old, matches) in enumerate(history.items())
                    if all(any(term in new for new in terms) for term in old)]
        *_, base_terms, base = max(covering, key=lambda entry: entry[:2], default=(0, 0, (), None))

        def tests(held: tuple[str, ...]) -> list[Test]:
            """The tests of the terms not in `held`: first those the base query does not hold either (the new
            or changed terms, which are what narrow), longest first."""
            wanted = [term for term in terms if term not in held]
            return [self._test(term) for term in sorted(wanted, key=lambda term: term in base_terms)]

        segments: list[Segment] = []
        if base is not None and base.done:
            segments.append((base.found, tests(base_terms), size))
        else:
            start = 0
            if base is not None:
                start = base.frontier
                segments.append((base.found[:], tests(base_terms), start))
            complete = [entry for entry in covering if entry[3].done]
            *_, held, known = max(complete, key=lambda entry: entry[:2], default=(0, 0, (), None))
            rest = known.found[bisect.bisect_left(known.found, start):] if known else range(start, size)
            segments.append((rest, tests(held), size))
        matches = Matches(segments, self.step)
        history[terms] = matches
        if len(history) > HISTORY:
            history.popitem(last=False)
        return matches
