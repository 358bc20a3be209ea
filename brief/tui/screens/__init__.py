"""The app's screens: the main screen, and the dialogs over it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import events, on
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.app import App

    from brief.tui.widgets.footer import LocalizedFooter

Result = TypeVar("Result")


def search_box(lang: str) -> str:
    """The name the search box of a language is installed under (made once, shown again on each `/`)."""
    return f"search-{lang}"


def breakpoints(app: App[object]) -> list[str]:
    """The breakpoint classes (`App.HORIZONTAL_BREAKPOINTS`, `VERTICAL_BREAKPOINTS`) of the terminal's size now:
    for each list, the class of the largest breakpoint the size reaches, as Textual chooses them on a resize."""
    chosen = []
    for size, points in ((app.size.width, app.HORIZONTAL_BREAKPOINTS), (app.size.height, app.VERTICAL_BREAKPOINTS)):
        reached = [(breakpoint, name) for breakpoint, name in points or () if size >= breakpoint]
        if reached:
            chosen.append(max(reached)[1])
    return chosen


class StyledOnce(Screen[Result]):
    """A screen that Textual does not restyle in full each time it is shown unless the app's styles changed (a
    colour scheme, light or dark) since it was styled: when first made (it is styled as it is mounted), or shown
    again (the main screen keeps its dialogs). Textual restyles every widget of a screen on each show, which was
    most of the time a dialog or the palette took to open; what changes inside the screen restyles itself as it
    changes. The handlers run before Textual's own (`Screen._on_screen_resume`, which reads `refresh_styles`).
    The main screen is one too: styled as it is mounted, it is not styled again as it is first shown (at the
    app's start) nor each time a dialog over it closes.

    Listed after the Textual screen it goes with (`class Dialog(ModalScreen, StyledOnce)`): Textual takes a
    screen's styles, style names and component classes from its first base only."""

    #: Textual's count of the app's style changes when the screen was last styled in full.
    _styled_for: int | None = None

    def _style_changes(self) -> int | None:
        return getattr(self.app, "_css_update_count", None)  # Textual's own count (None: restyle as Textual does)

    @on(events.Mount)
    def _styled_when_mounted(self) -> None:
        self._styled_for = self._style_changes()

    @on(events.ScreenResume)
    def _restyle_only_if_changed(self, event: events.ScreenResume) -> None:
        changes = self._style_changes()
        if changes is not None and changes == self._styled_for:
            event.refresh_styles = False
        self._styled_for = changes


class Dialog(ModalScreen[Result], StyledOnce[Result]):
    """A dialog of brief's: its look is in `dialogs.tcss`, which Textual reads when the first dialog opens, so
    that the app's start parses only the main screen's styles (brief.tcss). Each dialog shows its own keys in its
    footer (`footer()`), not the main screen's."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "dialogs.tcss"

    def footer(self, lang: str) -> LocalizedFooter:
        from brief.tui.widgets.footer import LocalizedFooter

        return LocalizedFooter(id="dialog-footer", lang=lang)
