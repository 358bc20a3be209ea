"""The footer: the keys that act where the user is, in the interface language, on one line that fits.

Help comes first and quit last, whatever the width: the other keys follow in Textual's order (the focused
widget's first) and those that do not fit are left out — help lists them all.
"""

from __future__ import annotations

from rich.cells import cell_len as cell_width
from textual import events
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from brief.i18n import t

#: The actions that always stay, in this order: help at the start, quit (or a dialog's close) at the end.
FIRST = ("help",)
LAST = ("quit", "dismiss(None)", "dismiss", "close", "cancel")


class LocalizedFooter(Footer):
    """Textual's footer, its binding descriptions (English msgids) translated through the catalogs, the keys
    that do not fit the width left out (help is never left out)."""

    lang = reactive("en", recompose=True)

    def __init__(self, *, id: str | None = None, lang: str | None = None) -> None:
        super().__init__(id=id, compact=True, show_command_palette=False)
        if lang is not None:
            self.set_reactive(LocalizedFooter.lang, lang)
        self._fitted_width = 0

    def compose(self) -> ComposeResult:
        keys = [widget for widget in super().compose() if isinstance(widget, FooterKey)]
        for key in keys:
            if key.description:
                key.description = t(self.lang, key.description)

        def place(key: FooterKey) -> int:
            action = key.action.rsplit(".", 1)[-1]
            return 0 if action in FIRST else 2 if action in LAST else 1

        keys.sort(key=place)  # stable: Textual's order within each group
        width, room = 0, self.size.width or self.app.size.width
        kept: list[Widget] = []
        for key in keys:
            cost = cell_width(f"{key.key_display} {key.description}") + 1
            if width + cost <= room or place(key) != 1:
                kept.append(key)
                width += cost
        yield from kept

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self._fitted_width = event.size.width
            self.refresh(recompose=True)
