"""Prose: a block of text that wraps Chinese and mixed Chinese/English readably (see `brief.linebreak`)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from brief.linebreak import wrap_offsets


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


class Hanging(Prose):
    """Rows of a label and its text, each text hung beside its label (continuation lines under the text, not
    under the label): one widget for a whole table, such as a section of help's keys."""

    def __init__(self, rows: list[tuple[Content, Content]], *, classes: str | None = None) -> None:
        super().__init__(Content("\n").join(label + text for label, text in rows), classes=classes)
        self.rows = rows

    def lines(self, width: int) -> list[Content]:
        return [line for label, text in self.rows for line in hang(label, text, width)]
