"""How a point looks in the detail pane: its kind, a support meter, its text, wrapped for Chinese and English.

The detail pane is an OptionList whose options are `LinesVisual`s: a visual that asks a function for its lines
at the width it is given, so every point is wrapped by `brief.linebreak` (Rich wraps only at spaces) and
only when shown. Styles come from the pane's component classes through `StyleOf`, at render time, so a theme
change restyles the page.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from brief.i18n import support_note, t
from brief.languages import language
from brief.model import SUPPORT_LEVELS, Divergence, Point, support_rank
from brief.safe import visible
from brief.tui.widgets.prose import hang

#: Markers with a narrow East Asian width, so they take one cell on every terminal.
KIND_MARKERS = {"consensus": "✔", "view": "◦", "divergence": "⇄", "proposal": "➜", "assessment": "✎"}
MARK = "⚑"
KEY = "✦"
METER_CELLS = len(SUPPORT_LEVELS)

StyleOf = Callable[[str], Style]


class LinesVisual(Visual):
    """A visual whose lines at a given width come from `make_lines(width)`; cached per width."""

    def __init__(self, make_lines: Callable[[int], list[Content]]) -> None:
        self.make_lines = make_lines
        self._cache: dict[int, list[Content]] = {}

    def lines(self, width: int) -> list[Content]:
        if width not in self._cache:
            self._cache[width] = self.make_lines(width) or [Content("")]
        return self._cache[width]

    def measured(self) -> dict[int, list[Content]]:
        """The lines made so far, by width."""
        return self._cache

    def clear(self) -> None:
        self._cache.clear()

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


def meter(level: str, style: StyleOf) -> Content:
    """Cells filled in proportion to the level of support."""
    filled = METER_CELLS - support_rank(level)
    return Content.assemble((" " * filled, style("point--meter-on")),
                            (" " * (METER_CELLS - filled), style("point--meter-off")))


def point_lines(point: Point, lang: str, marked: bool, style: StyleOf, width: int,
                key: bool = False) -> list[Content]:
    """The point as lines of at most `width` cells: a divergence as its question and then each side with its
    holders and meter; a view or proposal as its meter and text, with its level in words; the chair's reading
    after its holder, without a meter (it is not a share of the room). A point with texts still to write (a
    draft's) opens with "to translate". Before it: ⚑ when marked, ✦ when it is a key point of the one-page note."""
    head = Content.assemble((MARK if marked else " ", style("point--mark")), (KEY if key else " ", style("point--key")),
                            (KIND_MARKERS[point.kind], style(f"point--kind-{point.kind}")), " ")
    flag = Content.styled(t(lang, "to translate") + " ", style("point--to-write")) if point.to_write else Content()
    gap = language(lang).word_gap  # before the level: Chinese brackets carry their own space
    lines: list[Content] = []
    if isinstance(point, Divergence):
        lines += hang(head, flag + Content.styled(visible(point.issue[lang]), style("point--issue")), width)
        for position in point.positions:
            prefix = Content.assemble("   ", meter(position.support, style), " ")
            body = Content.assemble((visible(position.holders[lang]), style("point--holders")), t(lang, ": "),
                                    visible(position.text[lang]), gap,
                                    (support_note(position.support, lang), style("point--level")))
            lines += hang(prefix, body, width)
    elif point.support is None:
        body = Content.assemble(flag, (visible(point.holders[lang]), style("point--holders")), t(lang, ": "),
                                visible(point.text[lang]))
        lines += hang(head + Content(" " * (METER_CELLS + 1)), body, width)
    else:
        body = Content.assemble(flag, visible(point.text[lang]), gap,
                                (support_note(point.support, lang), style("point--level")))
        lines += hang(head + meter(point.support, style) + Content(" "), body, width)
    return lines
