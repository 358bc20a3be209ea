"""The export's preview: the plan of a briefing drawn for the screen, wrapped by the project's own line breaker
(a Markdown widget would wrap Chinese only at spaces), in the words every format prints."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.style import Style

from brief.export.plan import Plan, footer, head, plain_point, section_heading
from brief.i18n import t
from brief.languages import language
from brief.tui.widgets.prose import Prose, hang, wrap_content

StyleOf = Callable[[str], Style]


def preview_lines(briefing: Plan, lang: str, style: StyleOf, width: int) -> list[Content]:
    """The briefing in `lang`, as lines of at most `width` cells."""
    title, meta, summary = head(briefing.brief, lang, briefing.days[lang])
    gap = language(lang).word_gap
    lines = wrap_content(Content.styled(title, style("preview--title")), width)
    lines += wrap_content(Content.styled(meta, style("preview--meta")), width)
    lines += [Content(""), *wrap_content(Content.assemble((t(lang, "Bottom line.") + gap, "bold"), summary), width)]
    bullet = Content("- ")
    for section, entries in briefing.sections:
        lines += [Content(""), *wrap_content(Content.styled(section_heading(section, lang), style("preview--heading")),
                                             width)]
        for entry in entries:
            marks = "".join(f" [{number}]" for number in entry.footnotes)
            lines += hang(bullet, Content(plain_point(entry.point, lang, entry.paragraphs) + marks), width)
    if lang in briefing.notes:
        lines += [Content(""), Content.styled(t(lang, "Our line"), style("preview--heading"))]
        for block in briefing.notes[lang]:
            for number, line in enumerate(block.lines, 1):
                prefix = {"bullets": "- ", "numbered": f"{number}. "}.get(block.kind, "")
                lines += hang(Content(prefix), Content(line), width) if prefix else wrap_content(Content(line), width)
    if briefing.footnotes:
        lines.append(Content(""))
        for number, note in enumerate(briefing.footnotes, 1):
            lines += hang(Content(f"[{number}] "), Content.styled(note[lang], style("preview--meta")), width)
    text = footer(briefing.brief, lang, briefing.prepared[lang], len(briefing.omitted))
    return [*lines, Content(""), *wrap_content(Content.styled(text, style("preview--meta")), width)]


class Preview(Prose):
    """Shows `show(plan, lang)`."""

    COMPONENT_CLASSES = {"preview--title", "preview--heading", "preview--meta"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Plan, str] | None = None

    def show(self, briefing: Plan, lang: str) -> None:
        self._shown = (briefing, lang)
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self._shown is None:
            return []
        briefing, lang = self._shown
        return preview_lines(briefing, lang, lambda name: self.get_visual_style(name, partial=True), width)
