"""The footer, with the key descriptions in the interface language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from brief.i18n import t


class LocalizedFooter(Footer):
    """Textual's footer, its binding descriptions (English msgids) translated through the catalogs."""

    lang = reactive("en", recompose=True)

    def __init__(self, *, id: str | None = None, lang: str | None = None) -> None:
        # Every key must fit 80 columns in both languages: compact, and the palette (ctrl+p) is in the help.
        super().__init__(id=id, compact=True, show_command_palette=False)
        if lang is not None:
            self.set_reactive(LocalizedFooter.lang, lang)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = t(self.lang, widget.description)
            yield widget
