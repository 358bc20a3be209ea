"""What the app is showing, as plain values that widgets pass around in messages."""

from __future__ import annotations

from typing import Literal

import msgspec

from brief.model import Brief, PointRef


class View(msgspec.Struct, frozen=True, gc=False):
    """A page of the detail pane: an agenda item, one of its topics, a theme across documents, or the problems."""

    kind: Literal["item", "topic", "theme", "problems"]
    brief_id: str | None = None
    topic_id: str | None = None
    theme_id: str | None = None


class Marks:
    """The points the user marked for their brief, across agenda items. The app owns the one instance; the page
    reads it to draw the marks, and the screen toggles it."""

    def __init__(self) -> None:
        self._refs: set[PointRef] = set()

    def __contains__(self, ref: object) -> bool:
        return ref in self._refs

    def __len__(self) -> int:
        return len(self._refs)

    def toggle(self, ref: PointRef) -> None:
        self._refs ^= {ref}

    def of_brief(self, brief: Brief) -> list[str]:
        """The ids of the marked points of `brief`, in the document's order."""
        return [point.id for _, point in brief.points() if PointRef(brief.id, point.id) in self._refs]
