"""What the app is showing, as plain values that widgets pass around in messages."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Literal

import msgspec

from brief.files import FileError
from brief.model import Brief, PointRef
from brief.userdata import keep_marks_aside, load_marks, save_marks


class View(msgspec.Struct, frozen=True, gc=False):
    """A page of the detail pane: an agenda item, one of its topics, a theme across documents, or the problems."""

    kind: Literal["item", "topic", "theme", "problems"]
    brief_id: str | None = None
    topic_id: str | None = None
    theme_id: str | None = None


class Marks:
    """The points the user marked for their brief, across agenda items, kept between runs (`brief.userdata`,
    one file per agenda item, written on every change). The app owns the one instance; the page reads it to
    draw the marks, and the screen toggles it.

    An item's marks are read when first asked for. A file that cannot be read is kept aside (`.bak`) and the
    item starts with no marks; `report` is told why and where the file is kept (None: it could not be moved, and
    is not written over), as it is told when a save fails (the marks are then kept for this run). Marks of
    points that no longer exist are not shown, and stay in the file until the user changes that item's marks
    (`points_of` gives an item's point ids, None for an item that is gone)."""

    def __init__(self, report: Callable[[FileError, Path | None], None] = lambda problem, kept: None,
                 points_of: Callable[[str], Collection[str] | None] = lambda brief_id: None) -> None:
        self.report, self.points_of = report, points_of
        self._marked: dict[str, list[str]] = {}  # by brief id, as saved
        self._unsaved: set[str] = set()  # items whose file could not be moved aside: never written over

    def _of(self, brief_id: str) -> list[str]:
        if brief_id not in self._marked:
            self._marked[brief_id] = self._load(brief_id)
        return self._marked[brief_id]

    def _load(self, brief_id: str) -> list[str]:
        try:
            return load_marks(brief_id)
        except FileError as problem:
            unreadable = problem
        try:
            self.report(unreadable, keep_marks_aside(brief_id))
        except FileError as stuck:
            self._unsaved.add(brief_id)
            self.report(stuck, None)
        return []

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, PointRef) and ref.point_id in self._of(ref.brief_id)

    def __len__(self) -> int:
        """The marks of the items read so far."""
        return sum(map(len, self._marked.values()))

    def toggle(self, ref: PointRef) -> None:
        marked = self._of(ref.brief_id)
        existing = self.points_of(ref.brief_id)
        if existing is not None:  # a change to the item's marks drops those of points gone
            marked = [point_id for point_id in marked if point_id in existing]
        self._set(ref.brief_id, [p for p in marked if p != ref.point_id] if ref.point_id in marked
                  else [*marked, ref.point_id])

    def clear(self, brief: Brief) -> list[PointRef]:
        """Clear the marks of `brief`; returns those that were shown."""
        shown = [PointRef(brief.id, point_id) for point_id in self.of_brief(brief)]
        self._set(brief.id, [])
        return shown

    def _set(self, brief_id: str, marked: list[str]) -> None:
        self._marked[brief_id] = marked
        if brief_id in self._unsaved:
            return
        try:
            save_marks(brief_id, marked)
        except FileError as problem:
            self.report(problem, None)

    def of_brief(self, brief: Brief) -> list[str]:
        """The ids of the marked points of `brief`, in the document's order."""
        marked = set(self._of(brief.id))
        return [point.id for _, point in brief.points() if point.id in marked]
