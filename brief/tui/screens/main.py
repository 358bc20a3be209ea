"""MainScreen: the screen the app composes its panes into; its keys move between the panes."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen

from brief.i18n import N_


class MainScreen(Screen):
    """Textual's screen moves the focus widget by widget on tab; here tab moves pane by pane (tree, points,
    source), and escape goes back to the tree. The app does the moving."""

    AUTO_FOCUS = ""  # none: the app focuses the tree itself (None would mean the app's default, "*")

    BINDINGS = [
        Binding("tab", "app.next_pane", N_("next pane"), show=False, id="main.next-pane"),
        Binding("shift+tab", "app.previous_pane", N_("previous pane"), show=False, id="main.previous-pane"),
        Binding("escape", "app.focus_tree", N_("back to the tree"), show=False, id="main.tree"),
    ]

    _laid_out_at: Size | None = None

    def on_resize(self, event: events.Resize) -> None:
        """Lay out again only for a new size. At the start Textual sends the screen the terminal's size up to
        three times (from the app's first resize, from the driver's, and from the first layout); each would
        redo the whole layout and the breakpoint classes for nothing, about 15 ms, before the first screen."""
        if event.size == self._laid_out_at:
            event.prevent_default()  # Screen's own handler, which lays out, is not called
        self._laid_out_at = event.size
