"""Search: every term in either language, themes by their names, corpus order; and however the query is typed
(narrowing, backspace, edits, results asked for in part or in full), the results are those of a fresh search."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from brief.corpus import Theme
from brief.loader import load
from brief.search import HISTORY, SearchIndex, occurrences, terms_of, texts_of, theme_texts
from brief.search import _scripts as texts_of_strings
from tests.conftest import BRIEFS, FIXTURES, SEEDS, copy_glossary


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    folder = tmp_path_factory.mktemp("search") / "briefs"
    folder.mkdir()
    copy_glossary(folder)
    shutil.copy(FIXTURES / "mini.yaml", folder)
    (folder.parent / "seeds").symlink_to(SEEDS, target_is_directory=True)
    corpus = load(folder)
    assert not corpus.errors, corpus.errors
    return SearchIndex(corpus, step=1)  # a point a step: queries are found in part as often as in full


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    """The bundled briefs, searched 16 points a step: a few hundred points then take many steps."""
    return SearchIndex(load(BRIEFS), step=16)


def everything(index: SearchIndex, query: str) -> list[str]:
    """Every hit of `query`: themes as `theme:ID`, points by their id."""
    results = index.search(query)
    return [f"theme:{hit.id}" if isinstance(hit, Theme) else hit.point.id for hit in results.hits(0, 10**9)]


def ids(index: SearchIndex, query: str) -> list[str]:
    return [hit for hit in everything(index, query) if not hit.startswith("theme:")]


def test_either_language_and_the_quote(index: SearchIndex) -> None:
    assert ids(index, "interim step") == ids(index, "临时步骤") == ["interim-step"]
    assert ids(index, "不能令人满意") == ["adequacy"]  # in a position's quote
    assert ids(index, "CONTRARY") == ["adequacy"]  # a holder, case ignored


def test_latin_in_chinese_text_and_typographic_marks(index: SearchIndex) -> None:
    assert "adequacy" in ids(index, "不能令人满意")
    assert ids(index, "临时步骤。") == ["interim-step"]  # Chinese punctuation in a term: searched in Chinese
    assert ids(index, "ad-hoc-committee") == ["ad-hoc-committee"]  # the point's id


def test_every_term_must_match(index: SearchIndex) -> None:
    assert ids(index, "committee 特设") == ["ad-hoc-committee"]
    assert ids(index, "committee 临时") == []
    assert everything(index, "   ") == [] and index.search("").complete and index.search("").points == 0


def test_themes_by_their_name_in_either_language_then_the_points(index: SearchIndex) -> None:
    """A theme is a hit by its name in any language or its id, before the points; only themes that points use."""
    assert everything(index, "消极安全")[0] == everything(index, "NEGATIVE security")[0] == "theme:nsa"
    assert everything(index, "programme-of-work") == ["theme:programme-of-work"]
    assert "theme:nuclear-disarmament" not in everything(index, "nuclear disarmament")  # no point of it here
    results = index.search("消极安全")
    assert results.hits(0, 1) == [next(t for t in results.themes if t.id == "nsa")]
    assert index.points_per_theme == {"nsa": 3, "programme-of-work": 1, "fmct": 1}


def test_results_are_found_as_they_are_asked_for(bundled: SearchIndex) -> None:
    """The first hits are found without testing every point; the count is made in steps; asking for the hits
    in pieces gives the hits asked for at once."""
    results = bundled.search("delegations")
    first = results.hits(0, 3)
    assert len(first) == 3 and not results.complete and results.points < len(bundled)
    steps = 0
    while not results.count():
        steps += 1
    assert steps > 1 and results.complete
    pieces = [hit for start in range(0, results.points, 7) for hit in results.hits(start, start + 7)]
    assert pieces == bundled.search("delegations").hits(0, 10**9) and len(pieces) == results.points
    limited = bundled.search("zzz nothing matches this")
    assert limited.hits(0, 5, steps=1) == [] and not limited.complete  # one step tests only the first points
    assert limited.hits(0, 5) == [] and limited.complete


def fresh(index: SearchIndex, query: str) -> list[str]:
    """What a new index, which has seen no query, finds."""
    new = SearchIndex.__new__(SearchIndex)
    new.__dict__.update(index.__dict__, _history=type(index._history)())
    return everything(new, query)


_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " ", "…": "..."})


def brute_force(index: SearchIndex, query: str) -> list[str]:
    """The definition, hit by hit: every term in the text of its script (`theme_texts`, `texts_of`)."""
    terms = terms_of(query)

    def holds(latin: str, chinese: str) -> bool:
        return all(term in chinese if any("\u2e80" <= ch <= "\uffef" for ch in term) else term.translate(_PLAIN) in latin
                   for term in terms)

    if not terms:
        return []
    themes = [f"theme:{theme.id}" for theme in index_themes(index) if holds(*theme_texts(theme))]
    places = map(index.place, range(len(index)))
    return themes + [place.point.id for place in places if holds(*texts_of(place.point, place.topic))]


def index_themes(index: SearchIndex) -> list[Theme]:
    return [theme for theme, *_ in index._themes]


ALPHABET = "abcdeimnorst 临时步骤不能特设委员会"


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, int]]:
    """What a user does in the search box: type, backspace, delete or type in the middle, paste, clear; after
    each, how many hits the screen asks for (0: none; the rest are found later, if ever)."""
    query, states = "", []
    for _ in range(draw(st.integers(1, 40))):
        action = draw(st.sampled_from(["type", "type", "type", "backspace", "backspace", "middle", "paste",
                                       "delete", "clear"]))
        position = draw(st.integers(0, len(query)))
        if action == "type":
            query += draw(st.sampled_from(ALPHABET))
        elif action == "backspace":
            query = query[:-1]
        elif action == "middle":
            query = query[:position] + draw(st.sampled_from(ALPHABET)) + query[position:]
        elif action == "paste":
            query += draw(st.text(alphabet=ALPHABET, max_size=8))
        elif action == "delete":
            query = query[:position] + query[position + 1:]
        else:
            query = ""
        states.append((query, draw(st.sampled_from([0, 1, 2, 10**9]))))
    return states


@settings(max_examples=300, deadline=None)
@given(edits())
def test_typing_and_editing_give_the_results_of_a_fresh_search(index: SearchIndex,
                                                                states: list[tuple[str, int]]) -> None:
    index._history.clear()
    for query, asked in states:
        results = index.search(query)
        if asked:
            results.hits(0, asked, steps=1)
    for query, _ in states:  # every query of the history, partly found or not at all, then in full
        assert everything(index, query) == fresh(index, query) == brute_force(index, query), query
    assert len(index._history) <= HISTORY


def test_typing_on_the_bundled_briefs_gives_the_results_of_a_fresh_search(bundled: SearchIndex) -> None:
    """Many steps, so that partly found queries narrow one another for real."""
    bundled._history.clear()
    typed = [query[:end] for query in ("nuclear disarmament", "各代表团 treaty", "verification")
             for end in [*range(1, len(query) + 1), *range(len(query) - 1, 0, -1)]]
    for query in typed:
        bundled.search(query).hits(0, 5, steps=1)
    for query in typed:
        assert everything(bundled, query) == fresh(bundled, query), query


def test_backspace_finds_the_earlier_results_again(index: SearchIndex) -> None:
    index._history.clear()
    typed = index.search("interim")
    index.search("interim s")
    assert index.search("interim").matches is typed.matches


def test_occurrences_are_what_a_result_highlights() -> None:
    text = "Many delegations said security assurances “should” be legally binding; Security first."
    spans = occurrences(text, 'SECURITY "should"')
    assert [text[start:end] for start, end in spans] == ["security", "“should”", "Security"]
    assert occurrences("消极安全保证和安全", "安全") == [(2, 4), (7, 9)]
    assert occurrences("nothing here", "") == [] and occurrences("nothing here", "absent") == []


MARKS = str.maketrans("“”—", '""-')


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcAB 安全“”-—", max_size=30), st.text(alphabet="abAB安“-", min_size=1, max_size=3))
def test_every_occurrence_is_found_and_each_span_is_the_term(text: str, term: str) -> None:
    """A single term: each span reads as the term (case and marks aside), and there is one wherever it occurs."""
    spans = occurrences(text, term)
    wanted = term.translate(MARKS).casefold()
    assert all(text[start:end].translate(MARKS).casefold() == wanted for start, end in spans)
    assert bool(spans) == (wanted in text.translate(MARKS).casefold())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="abA \n\u00a0\u2003“—…", max_size=10), max_size=5),
       st.lists(st.text(alphabet="安 ab/\u3000", max_size=6), max_size=3),
       st.text(alphabet="abA\"“—-…./", min_size=1, max_size=4))
@example(["a b", "b"], [], "ab").via("two words are not one")
@example(["Ab"], ["安ab/安"], "bab").via("nor a word and a run of the Chinese")
def test_a_latin_term_is_in_the_index_exactly_when_it_is_in_the_text(english: list[str], chinese: list[str],
                                                                     term: str) -> None:
    """The Latin string keeps each word once: a term (which has no space) is found in it exactly where it is found
    in the whole text, the English and the Latin runs of the Chinese, with marks made plain and case ignored."""
    latin, _ = texts_of_strings(english, chinese)
    whole = ("\n".join(english).translate(_PLAIN) + "\n" + "\n".join(chinese)).casefold()
    held = term.casefold().translate(_PLAIN)
    assert (held in latin) == (held in whole)
    assert len(latin) <= len(whole)


def test_each_point_of_the_index_is_placed_where_it_stands(bundled: SearchIndex) -> None:
    """The index keeps a point's place as its topic: `place` gives every point of the corpus, in order, with its
    own brief and topic, and nothing beyond."""
    expected = [(brief.id, topic.id, point.id) for brief in bundled.corpus.briefs for topic, point in brief.points()]
    placed = [bundled.place(i) for i in range(len(bundled))]
    assert [(p.brief.id, p.topic.id, p.point.id) for p in placed] == expected and len(expected) > 200
    assert all(p.point in p.topic.points and p.topic in p.brief.topics for p in placed)
    for outside in (-1, len(bundled)):
        with pytest.raises(IndexError):
            bundled.place(outside)


def test_a_narrower_query_that_finds_the_same_points_holds_them_once(bundled: SearchIndex) -> None:
    """Typing a word, its prefixes often find the same points: the matches kept for backspace are one array."""
    wide = bundled.search("delegatio")
    wide.hits(0, 10**9)
    narrow = bundled.search("delegation")  # every point with "delegatio" here also has "delegation"
    narrow.hits(0, 10**9)
    assert narrow.points == wide.points > 10 and narrow.matches.found is wide.matches.found
    fewer = bundled.search("delegations")
    fewer.hits(0, 10**9)
    assert fewer.points < narrow.points and fewer.matches.found is not narrow.matches.found
    assert everything(bundled, "delegations") == fresh(bundled, "delegations")
