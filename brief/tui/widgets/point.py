"""PointCard: one point of a brief — its kind, a support meter, its text — focusable, and marked or not."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from brief.i18n import support_note, t
from brief.model import SUPPORT_LEVELS, Brief, Divergence, Point, Topic, support_rank
from brief.tui.state import PointRef
from brief.tui.widgets.prose import hang

#: Markers with an unambiguous East Asian width, so they take one cell on every terminal.
KIND_MARKERS = {"consensus": "✔", "divergence": "⇄", "proposal": "➜"}
MARK = "⚑"
METER_CELLS = len(SUPPORT_LEVELS)


class PointCard(Widget, can_focus=True):
    """A point as the detail pane lists it. Posts `PointCard.Focused` when it gets the focus."""

    COMPONENT_CLASSES = {"point--kind", "point--mark", "point--meter-on", "point--meter-off", "point--level",
                         "point--issue", "point--holders", "point--context"}

    lang = reactive("en", layout=True)
    marked = reactive(False)

    class Focused(Message):
        def __init__(self, card: PointCard) -> None:
            super().__init__()
            self.card = card

    def __init__(self, brief: Brief, topic: Topic, point: Point, *, context: str | None = None,
                 marked: bool = False) -> None:
        super().__init__(classes=f"-{point.kind}")
        self.brief = brief
        self.topic = topic
        self.point = point
        self.context = context  # shown above the point where it is out of its document (the Themes view)
        self.set_reactive(PointCard.marked, marked)

    @property
    def ref(self) -> PointRef:
        return PointRef(self.brief.id, self.point.id)

    def on_focus(self) -> None:
        self.post_message(self.Focused(self))

    def watch_marked(self, marked: bool) -> None:
        self.set_class(marked, "-marked")

    def _style(self, name: str):
        return self.get_visual_style(name)

    def meter(self, level: str) -> Content:
        """Cells filled in proportion to the level of support, then the level's name."""
        filled = METER_CELLS - support_rank(level)
        return Content.assemble(
            (" " * filled, self._style("point--meter-on")),
            (" " * (METER_CELLS - filled), self._style("point--meter-off")),
        )

    def lines(self, width: int) -> list[Content]:
        lang = self.lang
        point = self.point
        head = Content.assemble(
            (MARK if self.marked else " ", self._style("point--mark")),
            (KIND_MARKERS[point.kind], self._style("point--kind")),
            " ",
        )
        lines: list[Content] = []
        if self.context:
            lines.append(Content.styled(self.context, self._style("point--context")))
        if isinstance(point, Divergence):
            lines += hang(head, Content.styled(point.issue[lang], self._style("point--issue")), width)
            for position in point.positions:
                prefix = Content.assemble("   ", self.meter(position.support), " ")
                body = Content.assemble((position.holders[lang], self._style("point--holders")),
                                        t(lang, ": "), position.text[lang], " ",
                                        (support_note(position.support, lang), self._style("point--level")))
                lines += hang(prefix, body, width)
        else:
            prefix = head + self.meter(point.support) + Content(" ")
            body = Content.assemble(point.text[lang], " ",
                                    (support_note(point.support, lang), self._style("point--level")))
            lines += hang(prefix, body, width)
        return lines

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)) if width else 0
