"""Prose: a block of text that wraps Chinese and mixed Chinese/English readably (see `brief.linebreak`)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from brief.linebreak import wrap_offsets
from brief.tui.widgets.steady import Steady


def wrap_content(content: Content, width: int) -> list[Content]:
    """Lines of `content`, at most `width` cells each, broken at the opportunities of UAX #14."""
    lines: list[Content] = []
    for paragraph in content.split("\n", allow_blank=True):
        offsets = wrap_offsets(paragraph.plain, width)
        pieces = paragraph.divide(offsets) if offsets else [paragraph]
        lines.extend(piece.rstrip() for piece in pieces)
    return lines


def hang(prefix: Content, body: Content, width: int) -> list[Content]:
    """`body` wrapped beside `prefix`, continuation lines indented by the prefix's width (a hanging indent)."""
    indent = prefix.cell_length
    if width - indent < 12:  # too narrow to hang: the body goes under the prefix
        return [prefix.rstrip(), *wrap_content(body, width)]
    lines = wrap_content(body, width - indent)
    return [prefix + lines[0], *(Content(" " * indent) + line for line in lines[1:])]


class Prose(Widget):
    """Text that wraps at Unicode line-break opportunities rather than only at spaces."""

    DEFAULT_CSS = "Prose { height: auto; }"

    def __init__(self, content: Content | str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._content = content if isinstance(content, Content) else Content(content)

    def update(self, content: Content | str) -> None:
        self._content = content if isinstance(content, Content) else Content(content)
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        return wrap_content(self._content, width)

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)) if width else 0


class ProseView(Steady, ScrollView):
    """Prose that scrolls within its own height, drawn by the line API: new text is wrapped and drawn in one
    refresh, without laying out a child (a `Prose` in a scrolling container is laid out once for its new text and
    once more for its new height, each a frame of its own, 17 ms at Textual's 60 frames a second)."""

    def __init__(self, content: Content | str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._content = content if isinstance(content, Content) else Content(content)
        self._lines: list[Content] = []
        self._wrapped_at = 0  # the width of `_lines` (0: to wrap)
        self._strips: list[Strip] | None = None
        self._drawn_with: tuple[object, ...] = ()  # (width, style, selection) the strips were drawn with

    @property
    def content(self) -> Content:
        return self._content

    def update(self, content: Content | str) -> None:
        self._content = content if isinstance(content, Content) else Content(content)
        self._wrapped_at = 0
        self._fit()
        self.refresh()

    def _fit(self) -> None:
        """Wrap the text at the width there is, and size the scrolled area to it."""
        width = self.scrollable_content_region.width
        if width and width != self._wrapped_at:
            self._lines, self._wrapped_at, self._strips = wrap_content(self._content, width), width, None
            # Not through the reactive, which lays the screen out: only the scrollbar changes (a layout of its
            # own when it comes or goes; the text keeps its width, as the scrollbar's gutter is kept).
            self.set_reactive(ProseView.virtual_size, Size(width, len(self._lines)))
            self._scroll_update(self.virtual_size)

    def on_resize(self) -> None:
        self._fit()

    def render(self) -> Content:
        """The text as wrapped (what a selection is taken from)."""
        return Content("\n").join(self._lines)

    def render_line(self, y: int) -> Strip:
        self._fit()
        width = self.scrollable_content_region.width
        key = (width, self.visual_style, self.text_selection)
        if self._strips is None or key != self._drawn_with:
            self._strips = Visual.to_strips(self, self.render(), width, None, self.visual_style, pad=True)
            self._drawn_with = key
        index = self.scroll_offset.y + y
        if index < len(self._strips):
            return self._strips[index]
        return Strip.blank(width, self.visual_style.rich_style)


class Hanging(Prose):
    """Rows of a label and its text, each text hung beside its label (continuation lines under the text, not
    under the label): one widget for a whole table, such as a section of help's keys."""

    def __init__(self, rows: list[tuple[Content, Content]], *, classes: str | None = None) -> None:
        super().__init__(Content("\n").join(label + text for label, text in rows), classes=classes)
        self.rows = rows

    def lines(self, width: int) -> list[Content]:
        return [line for label, text in self.rows for line in hang(label, text, width)]
