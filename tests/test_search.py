"""Search: every term in either language, corpus order, and narrowing as the user types gives the same answer
as a fresh search."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.loader import load
from brief.search import SearchIndex, occurrences
from tests.conftest import FIXTURES, SEEDS, copy_glossary


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    folder = tmp_path_factory.mktemp("search") / "briefs"
    folder.mkdir()
    copy_glossary(folder)
    shutil.copy(FIXTURES / "mini.yaml", folder)
    (folder.parent / "seeds").symlink_to(SEEDS, target_is_directory=True)
    corpus = load(folder)
    assert not corpus.errors, corpus.errors
    return SearchIndex(corpus)


def ids(index: SearchIndex, query: str, limit: int = 200) -> list[str]:
    return [hit.point.id for hit in index.search(query, limit=limit).hits]


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
    assert ids(index, "   ") == [] and index.search("").total == 0


def test_limit_keeps_the_total(index: SearchIndex) -> None:
    everything = index.search("e")
    assert everything.total == len(index) == 4
    first = index.search("e", limit=1)
    assert first.total == 4 and [h.point.id for h in first.hits] == [everything.hits[0].point.id]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcdeimnorst 临时步骤不能特设委员会", min_size=0, max_size=6), min_size=1, max_size=6))
def test_typing_gives_the_same_results_as_a_fresh_search(index: SearchIndex, queries: list[str]) -> None:
    fresh_index = SearchIndex.__new__(SearchIndex)
    fresh_index.__dict__.update(index.__dict__)
    for query in queries:
        typed = ids(index, query)
        fresh_index._last = ((), [])
        assert typed == ids(fresh_index, query), query


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
