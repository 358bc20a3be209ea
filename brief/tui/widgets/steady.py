"""Steady: a scroll view that a layout of the screen leaves alone when its own size did not change.

Textual lays a `ScrollView` (an OptionList, a Tree) out with the region it is given as its virtual size, which is
never the view's own (the height of its lines), so every layout of the screen took it for a new size: the view
updated its scrollbars, which asked for one more frame after the layout (up to 17 ms at 60 frames a second, in
every key that moves the focus or changes a page). Here a layout updates the view only when its size, its
container's or its own virtual size changed since its scrollbars were last updated (by a layout, or by the view
itself as its lines change). And a change of focus, which restyles the view and its scrollbars, sends the
scrollbars to the screen with the view, in the same frame.

It overrides Textual's private `_size_updated` and `_scroll_update` and reads `_vertical_scrollbar`,
`_horizontal_scrollbar`, `_repaint_required` and `_check_refresh` (Textual 8.2); tests/test_app.py holds each
effect (no scrollbar update after a layout that changes nothing, a growing tree still gets its scrollbar, no
scrollbar repaint left pending after a focus change), and CI runs the suite on the newest Textual too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView as _Base
else:
    _Base = object  # a mixin: Textual gathers component classes and CSS names from the widget classes only


class Steady(_Base):
    """Put before the Textual class: `class DetailPane(Steady, OptionList)`."""

    #: (size, container size, virtual size) the scrollbars were last updated for
    _laid_out: tuple[Size, Size, Size] | None = None

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        if (size, container_size, self.virtual_size) == self._laid_out:
            return False  # as when the scrollbars were last updated: nothing to update, no resize to send
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _scroll_update(self, virtual_size: Size) -> None:
        """The scrollbars updated, by a layout or by the view itself for its new lines."""
        super()._scroll_update(virtual_size)
        self._laid_out = (self._size, self.container_size, virtual_size)

    def watch_has_focus(self, has_focus: bool) -> None:
        """Restyled for the change of focus, scrollbars included: theirs are sent to the screen now, so that they
        are drawn in the frame of the change (each scrollbar would send its own when next idle, after the
        screen's frame, and cost a frame of its own)."""
        super().watch_has_focus(has_focus)
        for bar in (self._vertical_scrollbar, self._horizontal_scrollbar):
            if bar is not None and bar._repaint_required:
                bar._check_refresh()

