"""Equal values of a corpus held once in memory.

A corpus repeats itself: every point of a brief names its themes, most holders are one of a dozen phrases ("Some
delegations", "一些代表团"), and the same text, quote or note can recur in a document's points. Loading (YAML or
the cache) makes a new object for each occurrence. `Sharing` walks each brief as it is loaded and puts one object
in the place of all equal ones: the strings, the texts (`Text`, both languages), the sources and the tuples of
themes, which are immutable, so nothing can tell the difference but the memory. On the bundled briefs an eighth of
the strings' bytes are repeats; on a corpus of many similar briefs, far more.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from brief.model import Brief, Divergence

_force = msgspec.structs.force_setattr

Value = TypeVar("Value")


class Sharing:
    """One memo of values, for the briefs of one load: equal values of any of them become one object.

    It visits the fields where a corpus repeats itself (titles, texts, holders, notes, sources and themes of every
    point and side); a field it does not visit is only not shared. Each value is looked up as a whole (a `Text` by
    both its languages, a source by its quote), which is one dictionary lookup a field."""

    def __init__(self) -> None:
        self._memo: dict[Any, Any] = {}

    def _one(self, value: Value) -> Value:
        """The value equal to `value` seen first; `value` itself when it is the first, with its strings shared
        (the same sentence can be the English or Chinese of texts that differ in the other language)."""
        memo = self._memo
        known = memo.get(value)
        if known is not None:
            return known  # type: ignore[no-any-return]
        if isinstance(value, msgspec.Struct):
            for name in value.__struct_fields__:
                if type(string := getattr(value, name)) is str:
                    _force(value, name, memo.setdefault(string, string))
        memo[value] = value
        return value

    def brief(self, brief: Brief) -> Brief:
        """`brief`, with each value equal to one seen before (in it or an earlier brief) replaced by that one,
        in place (the brief is new from the loader: nothing else holds it yet)."""
        one = self._one
        _force(brief, "forum", one(brief.forum))
        _force(brief, "chairs", tuple(map(one, brief.chairs)))
        for topic in brief.topics:
            _force(topic, "id", one(topic.id))
            _force(topic, "title", one(topic.title))
            for point in topic.points:
                _force(point, "id", one(point.id))  # unique in its brief, often not in a corpus
                if point.themes:
                    _force(point, "themes", one(point.themes))
                if point.note is not None:
                    _force(point, "note", one(point.note))
                if isinstance(point, Divergence):
                    _force(point, "issue", one(point.issue))
                    claims: tuple[Any, ...] = point.positions
                else:
                    claims = (point,)
                for claim in claims:
                    _force(claim, "text", one(claim.text))
                    _force(claim, "source", one(claim.source))
                    if claim.holders is not None:
                        _force(claim, "holders", one(claim.holders))
                    if claim is not point and claim.note is not None:
                        _force(claim, "note", one(claim.note))
        return brief
