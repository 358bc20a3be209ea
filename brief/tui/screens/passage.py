"""The source passage of one point, full size: the point in both languages, then the paragraph(s) it quotes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from brief.i18n import N_, t
from brief.model import Brief, Divergence, Point
from brief.sources import SeedLibrary
from brief.tui.widgets.prose import Prose
from brief.tui.widgets.source import citation, passage_content, passages
from brief.tui.screens import Dialog


def point_text(point: Point, lang: str) -> str:
    if isinstance(point, Divergence):
        return "\n".join([point.issue[lang], *(f"  {p.holders[lang]}: {p.text[lang]}" for p in point.positions)])
    return point.text[lang]


class PassageScreen(Dialog[None]):
    BINDINGS = [Binding("escape,enter,q", "dismiss", N_("close"), id="passage.close")]
    COMPONENT_CLASSES = {"passage--quote"}

    def __init__(self, seeds: SeedLibrary, brief: Brief, point: Point, lang: str) -> None:
        super().__init__()
        self.seeds, self.brief, self.point, self.lang = seeds, brief, point, lang

    def compose(self) -> ComposeResult:
        lang, other = self.lang, ("en" if self.lang == "zh" else "zh")
        located = passages(self.seeds, self.brief, self.point)
        with VerticalScroll(id="dialog"):
            yield Prose(point_text(self.point, lang), classes="title")
            yield Prose(point_text(self.point, other), classes="meta")
            if self.point.note:
                yield Prose(t(lang, "Note: {note}", note=self.point.note[lang]), classes="note")
            if located and located[1]:
                text, found = located
                yield Static(Content(citation(self.brief, found, lang)), classes="citation")
                yield Prose(passage_content(text, found, self.get_visual_style("passage--quote")),
                            classes="passage")
            else:
                yield Prose(t(lang, "The quote is not in {name}: run `brief check`.",
                              name=self.brief.document.source), classes="passage")
            yield Static(Content(t(lang, "Press escape to close.")), classes="hint")
