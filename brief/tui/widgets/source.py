"""SourcePane: the verbatim passage behind the focused point, the quote highlighted inside its paragraph, and the
point's notes (where the English gives a fact the Chinese text gets wrong, the note says so beside the quote)."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style

from brief.export.page import notes_of
from brief.i18n import t
from brief.model import Brief, Point
from brief.safe import visible
from brief.sources import Passage, SeedLibrary, paragraph_numbers
from brief.tui.widgets.prose import ProseView


def passages(seeds: SeedLibrary, brief: Brief, point: Point) -> tuple[str, list[Passage]] | None:
    """The seed's text and the passages of the point's quotes (None when the seed cannot be read)."""
    located = seeds.locate(brief.document.source, (source.quote for source in point.sources))
    return (located[0].text, located[1]) if located else None


def passage_content(text: str, found: list[Passage], highlight: Style | str) -> Content:
    """The paragraphs that hold the quotes, one after another, each quote styled with `highlight`. A seed is a
    file like any other: its hidden characters are shown visibly (`brief.safe.visible`), piece by piece so that
    the quotes stay where they are."""
    paragraphs = sorted({p.index: p for passage in found for p in passage.paragraphs}.values(), key=lambda p: p.index)
    blocks: list[Content] = []
    for paragraph in paragraphs:
        inside = (max(paragraph.start, min(paragraph.end, offset)) for passage in found
                  for offset in (passage.start, passage.end))
        cuts = sorted({paragraph.start, paragraph.end, *inside})
        pieces: list[Content] = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            quoted = any(passage.start <= start and end <= passage.end for passage in found)
            pieces.append(Content.styled(visible(text[start:end]), highlight) if quoted else
                          Content(visible(text[start:end])))
        blocks.append(Content.assemble(*pieces))
    return Content("\n\n").join(blocks)


def citation(brief: Brief, found: list[Passage], lang: str) -> str:
    numbers = paragraph_numbers(found)
    cite = brief.document.cite(lang)
    if numbers:
        return t(lang, "{citation}, para. {numbers}", citation=cite, numbers=t(lang, ", ").join(numbers))
    return cite


class SourcePane(ProseView):
    """Shows `show(brief, point)`'s passage; scrolls when the paragraph is longer than the pane. A point move
    draws the new passage in one refresh (see `ProseView`)."""

    COMPONENT_CLASSES = {"source--quote", "source--citation", "source--note"}

    lang = reactive("en")

    def __init__(self, seeds: SeedLibrary, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.seeds = seeds
        self.current: tuple[Brief, Point] | None = None
        self._drawn = False  # `current` is what the pane shows

    def show(self, brief: Brief | None, point: Point | None) -> None:
        """The passage of `point`; nothing to draw when it is the one shown (a move in the tree opens each page
        with no point chosen: the same words each time, which cost a frame after the page's)."""
        current = (brief, point) if brief is not None and point is not None else None
        shown = self.current
        if self._drawn and (current is shown or (current is not None and shown is not None
                                                and current[0] is shown[0] and current[1] is shown[1])):
            return
        self.current = current
        self._render_passage()

    def watch_lang(self) -> None:
        if self.is_mounted:
            self._render_passage()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        """The passage was drawn with the old theme's colours: draw it again, keeping the place in it."""
        self._render_passage(keep_place=True)

    def _render_passage(self, keep_place: bool = False) -> None:
        self._drawn = True
        lang = self.lang
        if self.current is None:
            self.update(Content(t(lang, "The source passage of the selected point appears here.")))
            return
        brief, point = self.current
        located = passages(self.seeds, brief, point)
        if located is None:
            self.update(Content(t(lang, "The seed text {name} cannot be read: run `brief check`.",
                                  name=brief.document.source)))
            return
        text, found = located
        if not found:
            self.update(Content(t(lang, "The quote is not in {name}: run `brief check`.", name=brief.document.source)))
            return
        quote_style = self.get_visual_style("source--quote")
        cite_style = self.get_visual_style("source--citation")
        note_style = self.get_visual_style("source--note")
        notes = [Content.styled(t(lang, "Note: {note}", note=visible(note[lang])), note_style)
                 for note in notes_of(point)]
        passage = Content.assemble((citation(brief, found, lang), cite_style), "\n",
                                   passage_content(text, found, quote_style))
        self.update(Content("\n\n").join([passage, *notes]))
        if not keep_place:
            self.scroll_home(animate=False)
