"""A note (a briefing, a theme across documents) as plain text, for the body of an e-mail: no markup at all, one
paragraph per line (mail programs wrap), lists with hyphens, footnotes as [1]. Also a single point as plain
text, for the clipboard."""

from __future__ import annotations

from brief.export.page import (
    Block,
    Entry,
    Page,
    Sentence,
    notes_of,
    paragraph_ref,
    paragraphs_of,
    plain_point,
    plain_sentence,
)
from brief.i18n import support_note, t
from brief.languages import language
from brief.memo import DateTexts
from brief.model import Brief, Divergence, Point
from brief.safe import visible
from brief.sources import SeedLibrary

SUFFIX = ".txt"


def render(page: Page, lang: str) -> str:
    gap = language(lang).word_gap
    blocks = [page.title[lang]]
    if page.meta.get(lang):
        blocks.append(page.meta[lang])
    if lang in page.lead:
        blocks.append(t(lang, "Bottom line.") + gap + page.lead[lang])
    for section in page.sections:
        head = [section.heading[lang], *([section.meta[lang]] if section.meta.get(lang) else [])]
        blocks.append("\n".join([*head, *(f"- {_item(item, lang)}" for item in section.items)]))
    if lang in page.notes:
        blocks.append("\n".join([t(lang, "Our line"), *(_block(block) for block in page.notes[lang])]))
    if page.footnotes:
        blocks.append("\n".join(f"[{number}] {note[lang]}" for number, note in enumerate(page.footnotes, 1)))
    blocks.append(page.footer[lang])
    return "\n\n".join(blocks) + "\n"


def _item(item: Entry | Sentence, lang: str) -> str:
    if isinstance(item, Sentence):
        return plain_sentence(item, lang)
    return plain_point(item.point, lang, item.paragraphs) + "".join(f" [{n}]" for n in item.footnotes)


def _block(block: Block) -> str:
    if block.kind == "bullets":
        return "\n".join(f"- {line}" for line in block.lines)
    if block.kind == "numbered":
        return "\n".join(f"{number}. {line}" for number, line in enumerate(block.lines, 1))
    return "\n".join(block.lines)


def point_as_text(brief: Brief, point: Point, lang: str, seeds: SeedLibrary | None = None,
                  dates: DateTexts | None = None) -> str:
    """A point as plain text for pasting into a note: the view (or the question and each side) with its level
    of support, the citation with paragraph numbers and meeting dates, the verbatim source passages, and the
    point's notes, each on a line of its own.

    Whatever the brief holds, the text holds no control character but those newlines: the line breaks inside a
    text become spaces, and hidden characters are shown visibly (`brief.safe.visible`), since an escape such as
    `\x1b[201~` would end a terminal's bracketed paste early and run what follows it as a command."""
    gap = language(lang).word_gap
    if isinstance(point, Divergence):
        sides = [t(lang, "{holders}: {view}", holders=p.holders[lang], view=p.text[lang]) + gap
                 + support_note(p.support, lang) for p in point.positions]
        lines = [point.issue[lang], *(f"- {side}" for side in sides)]
    else:
        lines = [plain_point(point, lang)]
    ref = paragraph_ref(paragraphs_of(brief, point, seeds), lang)
    cite = brief.document.cite(lang) + (gap + ref if ref else "")
    where = t(lang, "{citation}; {dates}", citation=cite, dates=(dates or DateTexts()).days(brief.meeting_days(), lang))
    quotes = [t(lang, "“{quote}”", quote=source.quote) for source in point.sources]
    notes = [t(lang, "Note: {note}", note=note[lang]) for note in notes_of(point)]
    return "".join(visible(" ".join(line.split())) + "\n" for line in [*lines, where, *quotes, *notes])
