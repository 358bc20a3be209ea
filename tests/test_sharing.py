"""Equal values of a load held once (`brief.sharing`): on the real bundled briefs, read from YAML and from the cache,
every repeated text, holder, source, theme tuple and string is one object, and the corpus is equal, field for
field, to what a load without sharing gives."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from brief.cache import BriefCache
from brief.corpus import Corpus
from brief.loader import load
from brief.model import Brief, Divergence, Text
from brief.sharing import Sharing


def claims(*briefs: Brief) -> Iterator[Any]:
    """Every point's claim (a point, or a side of a divergence) of `briefs`."""
    for brief in briefs:
        for _, point in brief.points():
            yield from point.positions if isinstance(point, Divergence) else (point,)


def repeats(values: list[Any]) -> dict[Any, set[int]]:
    """Each value that occurs more than once in `values`, with the ids of the objects that hold it."""
    held: dict[Any, set[int]] = defaultdict(set)
    counts: dict[Any, int] = defaultdict(int)
    for value in values:
        held[value].add(id(value))
        counts[value] += 1
    return {value: ids for value, ids in held.items() if counts[value] > 1}


def unshared(monkeypatch: pytest.MonkeyPatch, folder: Path, cache: BriefCache | None = None) -> Corpus:
    with monkeypatch.context() as patched:
        patched.setattr(Sharing, "brief", lambda self, brief: brief)
        return load(folder, cache=cache)


@pytest.mark.parametrize("from_cache", [False, True], ids=["yaml", "cache"])
def test_every_repeated_value_is_one_object_and_the_corpus_is_unchanged(folder: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      from_cache: bool) -> None:
    cache = BriefCache(tmp_path / "cache") if from_cache else None
    if cache is not None:
        load(folder, cache=cache)  # the load below reads every brief from the cache
    corpus = load(folder, cache=cache)
    assert not corpus.errors and len(corpus.briefs) == 4
    everything = list(claims(*corpus.briefs))
    texts = [claim.text for claim in everything]
    holders = [claim.holders for claim in everything if claim.holders is not None]
    sources = [claim.source for claim in everything]
    themes = [point.themes for brief in corpus.briefs for _, point in brief.points() if point.themes]
    assert repeats(holders) and repeats(themes), "the bundled briefs repeat holders and themes: else this proves nothing"
    for name, values in (("texts", texts), ("holders", holders), ("sources", sources), ("themes", themes)):
        assert all(len(ids) == 1 for ids in repeats(values).values()), f"equal {name} held as several objects"
    # A holder in one brief is the same object as the same holder in another.
    by_brief = [{claim.holders for claim in claims(brief) if claim.holders is not None} for brief in corpus.briefs]
    across = {holder for index, held in enumerate(by_brief) for holder in held
              if any(holder in other for other in by_brief[index + 1:])}
    assert across and all(len({id(h) for b in by_brief for h in b if h == holder}) == 1 for holder in across)
    strings = repeats([string for text in texts + holders for string in (text.en, text.zh)])
    assert all(len(ids) == 1 for ids in strings.values())
    assert unshared(monkeypatch, folder, cache) == corpus  # the same values, field for field


def test_sharing_keeps_the_first_value_and_the_briefs_it_is_given_unchanged_in_value() -> None:
    """Equal values from different briefs become the first one seen; a value not seen before is kept as it is."""
    sharing = Sharing()
    first = Text(en="".join(["Some ", "delegations"]), zh="一些代表团")
    again = Text(en="Some delegations", zh="".join(["一些", "代表团"]))
    assert first is not again and first == again
    assert sharing._one(first) is first and sharing._one(again) is first
    other = Text(en="".join(["Some ", "delegations"]), zh="另一些代表团")  # the English as in `first`
    kept = sharing._one(other)
    assert kept is other and kept.en is first.en and kept == Text(en="Some delegations", zh="另一些代表团")
    assert msgspec.structs.asdict(kept) == {"en": "Some delegations", "zh": "另一些代表团"}
