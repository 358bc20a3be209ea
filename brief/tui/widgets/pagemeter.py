"""PageMeter: how much of the printed page the brief fills, and how many points were left out."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from brief.i18n import t, tn

CELLS = 20


class PageMeter(Widget):
    COMPONENT_CLASSES = {"meter--on", "meter--off", "meter--over"}

    lang = reactive("en")
    fill = reactive(0.0)
    omitted = reactive(0)

    def render(self) -> Content:
        lang = self.lang
        over = self.fill > 1.0
        on = round(min(self.fill, 1.0) * CELLS)
        bar = Content.assemble(
            (" " * on, self.get_visual_style("meter--over" if over else "meter--on")),
            (" " * (CELLS - on), self.get_visual_style("meter--off")),
        )
        percent = f"{round(self.fill * 100)}%"  # the sign kept out of the msgid: gettext reads "% o" as a format
        if over:
            status = t(lang, "{percent} of a page: longer than one page", percent=percent)
        else:
            status = t(lang, "{percent} of one page", percent=percent)
        if self.omitted:
            status += t(lang, "; ") + tn(lang, "{n} point left out", "{n} points left out", self.omitted)
        return Content.assemble(t(lang, "Page "), bar, " ", status)
