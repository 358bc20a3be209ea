"""What the app is showing, as plain values that widgets pass around in messages."""

from __future__ import annotations

from typing import Literal

import msgspec


class View(msgspec.Struct, frozen=True, gc=False):
    """A page of the detail pane: an agenda item, one of its topics, a theme across documents, or the problems."""

    kind: Literal["item", "topic", "theme", "problems"]
    brief_id: str | None = None
    topic_id: str | None = None
    theme_id: str | None = None


class PointRef(msgspec.Struct, frozen=True, gc=False):
    """A point, by the brief it belongs to and its id."""

    brief_id: str
    point_id: str
