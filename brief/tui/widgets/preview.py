"""The export's preview: the plan of a briefing drawn for the screen, wrapped by the project's own line breaker
(a Markdown widget would wrap Chinese only at spaces), in the words every format prints."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.style import Style

from brief.export.page import Page, Sentence, plain_point, plain_sentence
from brief.i18n import t
from brief.languages import language
from brief.tui.widgets.prose import Prose, hang, wrap_content

StyleOf = Callable[[str], Style]


def preview_lines(page: Page, lang: str, style: StyleOf, width: int) -> list[Content]:
    """The note (a briefing, a theme note) in `lang`, as lines of at most `width` cells."""
    gap = language(lang).word_gap
    lines = wrap_content(Content.styled(page.title[lang], style("preview--title")), width)
    if page.meta.get(lang):
        lines += wrap_content(Content.styled(page.meta[lang], style("preview--meta")), width)
    if lang in page.lead:
        lead = Content.assemble((t(lang, "Bottom line.") + gap, "bold"), page.lead[lang])
        lines += [Content(""), *wrap_content(lead, width)]
    bullet = Content("- ")
    for section in page.sections:
        lines += [Content(""), *wrap_content(Content.styled(section.heading[lang], style("preview--heading")), width)]
        if section.meta.get(lang):
            lines += wrap_content(Content.styled(section.meta[lang], style("preview--meta")), width)
        for item in section.items:
            if isinstance(item, Sentence):
                lines += hang(bullet, Content(plain_sentence(item, lang)), width)
            else:
                marks = "".join(f" [{number}]" for number in item.footnotes)
                lines += hang(bullet, Content(plain_point(item.point, lang, item.paragraphs) + marks), width)
    if lang in page.notes:
        lines += [Content(""), Content.styled(t(lang, "Our line"), style("preview--heading"))]
        for block in page.notes[lang]:
            for number, line in enumerate(block.lines, 1):
                prefix = {"bullets": "- ", "numbered": f"{number}. "}.get(block.kind, "")
                lines += hang(Content(prefix), Content(line), width) if prefix else wrap_content(Content(line), width)
    if page.footnotes:
        lines.append(Content(""))
        for number, note in enumerate(page.footnotes, 1):
            lines += hang(Content(f"[{number}] "), Content.styled(note[lang], style("preview--meta")), width)
    return [*lines, Content(""), *wrap_content(Content.styled(page.footer[lang], style("preview--meta")), width)]


class Preview(Prose):
    """Shows `show(plan, lang)`."""

    COMPONENT_CLASSES = {"preview--title", "preview--heading", "preview--meta"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Page, str] | None = None

    def show(self, briefing: Page, lang: str) -> None:
        self._shown = (briefing, lang)
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self._shown is None:
            return []
        briefing, lang = self._shown
        return preview_lines(briefing, lang, lambda name: self.get_visual_style(name, partial=True), width)
