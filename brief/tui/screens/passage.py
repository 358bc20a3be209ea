"""The source passage of one point, full size: the point in both languages, then the paragraph(s) it quotes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from brief.export.page import notes_of
from brief.i18n import N_, t
from brief.languages import LANGUAGES
from brief.model import Brief, Divergence, Point
from brief.sources import Passage, SeedLibrary
from brief.tui.screens import Dialog
from brief.tui.widgets.prose import Prose, wrap_content
from brief.tui.widgets.source import citation, passage_content, passages


def point_text(point: Point, lang: str) -> str:
    if isinstance(point, Divergence):
        return "\n".join([point.issue[lang], *(f"  {p.holders[lang]}: {p.text[lang]}" for p in point.positions)])
    if point.support is None:
        return t(lang, "{holders}: {view}", holders=point.holders[lang], view=point.text[lang])
    return point.text[lang]


class QuotedPassage(Prose):
    """The paragraph(s) around a point's quotes, the quotes highlighted. The highlight is looked up as the text
    is drawn: the dialogs' styles are read when the first dialog opens, after it is composed."""

    COMPONENT_CLASSES = {"passage--quote"}

    def __init__(self, text: str, found: list[Passage], *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._text, self._found = text, found

    def lines(self, width: int) -> list[Content]:
        return wrap_content(passage_content(self._text, self._found, self.get_visual_style("passage--quote")), width)


class PassageScreen(Dialog[None]):
    BINDINGS = [Binding("escape,enter,q", "dismiss", N_("close"), id="passage.close")]

    def __init__(self, seeds: SeedLibrary, brief: Brief, point: Point, lang: str) -> None:
        super().__init__()
        self.seeds, self.brief, self.point, self.lang = seeds, brief, point, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        located = passages(self.seeds, self.brief, self.point)
        with VerticalScroll(id="dialog"):
            yield Prose(point_text(self.point, lang), classes="title")
            for other in (code for code in LANGUAGES if code != lang):
                yield Prose(point_text(self.point, other), classes="meta")
            for note in notes_of(self.point):
                yield Prose(t(lang, "Note: {note}", note=note[lang]), classes="note")
            if located and located[1]:
                text, found = located
                yield Static(Content(citation(self.brief, found, lang)), classes="citation")
                yield QuotedPassage(text, found, classes="passage")
            else:
                yield Prose(t(lang, "The quote is not in {name}: run `brief check`.",
                              name=self.brief.document.source), classes="passage")
            yield Static(Content(t(lang, "Press escape to close.")), classes="hint")
        yield self.footer(self.lang)
