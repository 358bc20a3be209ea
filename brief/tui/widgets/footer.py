"""The footer: the keys that act where the user is, in the interface language, on one line that fits.

One widget that draws one line (Textual's own footer composes a widget per key, again at every change of focus,
which costs tens of milliseconds a key). Help comes first and quit last, whatever the width; the other keys
follow in Textual's order (the focused widget's first) and those that do not fit are left out — help lists them
all. A click on a key presses it.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from brief.i18n import t

#: The actions that always stay, in this order: help at the start, quit (or a dialog's close) at the end.
FIRST = ("help",)
LAST = ("quit", "dismiss(None)", "dismiss", "close", "cancel")


class Shown(NamedTuple):
    key: str  # as a key press names it, for a click
    display: str
    description: str
    start: int  # cells from the left
    end: int


class LocalizedFooter(Widget):
    """The keys of the screen's active bindings that are meant to be shown, their descriptions (English msgids)
    translated through the catalogs."""

    COMPONENT_CLASSES = {"footer--key", "footer--description"}

    lang = reactive("en")

    def __init__(self, *, id: str | None = None, lang: str | None = None) -> None:
        super().__init__(id=id)
        if lang is not None:
            self.set_reactive(LocalizedFooter.lang, lang)
        self._shown: list[Shown] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        """Drawn again only when the keys it shows changed: Textual signals after every change of focus, often
        twice a key, and a second refresh after the screen's layout is a frame of its own (up to 17 ms more)."""
        if self.keys() != self._shown:
            self.refresh()

    def keys(self) -> list[Shown]:
        """What the footer shows, in order, within its width."""
        seen: set[str] = set()
        found: list[tuple[int, str, str, str]] = []
        for _, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            action = binding.action.rsplit(".", 1)[-1]
            place = 0 if action in FIRST else 2 if action in LAST else 1
            found.append((place, binding.key.split(",")[0], self.app.get_key_display(binding),
                          t(self.lang, binding.description)))
        found.sort(key=lambda item: item[0])  # stable: Textual's order within each group
        room, used, shown = self.size.width, 0, []
        for place, key, display, description in found:
            cost = cell_len(f"{display} {description}") + 2
            if used + cost <= room or place != 1:
                shown.append(Shown(key, display, description, used, used + cost))
                used += cost
        return shown

    def render(self) -> Content:
        self._shown = self.keys()
        key_style, text_style = self.get_visual_style("footer--key"), self.get_visual_style("footer--description")
        return Content.assemble(*(part for shown in self._shown
                                  for part in ((shown.display, key_style), (f" {shown.description}  ", text_style))))

    def on_click(self, event: events.Click) -> None:
        shown = next((shown for shown in self._shown if shown.start <= event.x < shown.end), None)
        if shown is not None:
            self.app.simulate_key(shown.key)

    def watch_lang(self) -> None:
        self.refresh()
