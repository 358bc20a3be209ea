"""The app's screens: the main screen, and the dialogs over it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import events, on
from textual.screen import ModalScreen

if TYPE_CHECKING:
    from brief.tui.widgets.footer import LocalizedFooter

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """A dialog of brief's: its look is in `dialogs.tcss`, which Textual reads when the first dialog opens, so
    that the app's start parses only the main screen's styles (brief.tcss). Each dialog shows its own keys in its
    footer (`footer()`), not the main screen's."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "dialogs.tcss"

    #: The app's count of style changes (a theme, light or dark) when the dialog was last styled in full.
    _styled_for: int | None = None

    @on(events.ScreenResume)
    def _restyle_only_if_changed(self, event: events.ScreenResume) -> None:
        """Shown again (the main screen keeps its dialogs): styled in full only if the app's styles changed since
        it last was. Textual restyles every screen it shows again, each of its widgets, which was most of the
        time a kept dialog took to open; what changes inside the dialog restyles itself as it changes. This
        handler runs before Textual's own (`Screen._on_screen_resume`), which reads `refresh_styles`."""
        changes: int | None = getattr(self.app, "_css_update_count", None)  # Textual's own count, if it has one
        if changes is not None and changes == self._styled_for:
            event.refresh_styles = False
        self._styled_for = changes

    def footer(self, lang: str) -> LocalizedFooter:
        from brief.tui.widgets.footer import LocalizedFooter

        return LocalizedFooter(id="dialog-footer", lang=lang)
