"""A note — the briefing on an agenda item, or a theme across documents — as Markdown (CommonMark, with
footnotes as pandoc and GitHub print them): what `brief export` writes by default and the app previews. Text
from the briefs and the user's notes is escaped, so `*`, `_`, `#`, `[` or `<` in content print literally."""

from __future__ import annotations

import re
import unicodedata

from brief.export.page import Block, Entry, Page, Sentence, holders_text, level_text, paragraph_ref, sides_text
from brief.i18n import t
from brief.languages import language
from brief.model import Divergence

SUFFIX = ".md"

_ESCAPED = re.compile(r"([\\`*_{}\[\]<>#|~!&$^])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=>])")


def escape(text: str) -> str:
    """`text` as literal CommonMark inline content: whitespace collapsed, punctuation that could start markup
    backslash-escaped (any ASCII punctuation may be escaped in CommonMark), and a start that could open a list,
    quote or heading neutralised."""
    text = " ".join(text.split())
    text = _ESCAPED.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text)


def emphasis(marker: str, text: str) -> str:
    """`text` in `*` or `**`. A final full-width colon or stop stays outside: CommonMark does not close emphasis
    between punctuation and a letter ("**总体情况：**各代表团" would print its asterisks)."""
    body = escape(text)
    tail = body[-1] if body and unicodedata.east_asian_width(body[-1]) in "WF" and not body[-1].isalnum() else ""
    return f"{marker}{body[: len(body) - len(tail)]}{marker}{tail}"


def render(page: Page, lang: str) -> str:
    gap = language(lang).word_gap
    blocks = ["# " + escape(page.title[lang])]
    if page.meta.get(lang):
        blocks.append(escape(page.meta[lang]))
    if lang in page.lead:
        blocks.append(emphasis("**", t(lang, "Bottom line.")) + gap + escape(page.lead[lang]))
    for section in page.sections:
        parts = [f"## {escape(section.heading[lang])}"]
        if section.meta.get(lang):
            parts.append(escape(section.meta[lang]))
        parts.append("\n".join("- " + _item(item, lang) for item in section.items))
        blocks.append("\n\n".join(parts))
    if lang in page.notes:
        our_line = escape(t(lang, "Our line"))
        blocks.append(f"## {our_line}\n\n" + "\n\n".join(map(_block, page.notes[lang])))
    blocks += [f"[^{number}]: {escape(note[lang])}" for number, note in enumerate(page.footnotes, 1)]
    blocks.append(f"*{escape(page.footer[lang])}*")
    return "\n\n".join(blocks) + "\n"


def _item(item: Entry | Sentence, lang: str) -> str:
    if isinstance(item, Sentence):
        citation = item.citation.get(lang)
        return escape(item.text[lang]) + (language(lang).word_gap + escape(citation) if citation else "")
    return _entry(item, lang)


def _entry(entry: Entry, lang: str) -> str:
    point, gap = entry.point, language(lang).word_gap
    if isinstance(point, Divergence):
        text = f"**{escape(point.issue[lang])}** {escape(sides_text(point, lang))}"
    elif point.support is None:
        text = emphasis("*", holders_text(point.holders[lang], lang)) + gap + escape(point.text[lang])
    else:
        text = f"{escape(point.text[lang])}{gap}*{escape(level_text(point.support, lang))}*"
    ref = paragraph_ref(entry.paragraphs, lang)
    marks = "".join(f"[^{number}]" for number in entry.footnotes)
    return f"{text}{gap}{escape(ref)}{marks}" if ref else f"{text}{marks}"


def _block(block: Block) -> str:
    if block.kind == "bullets":
        return "\n".join(f"- {escape(line)}" for line in block.lines)
    if block.kind == "numbered":
        return "\n".join(f"{number}. {escape(line)}" for number, line in enumerate(block.lines, 1))
    return "\\\n".join(escape(line) for line in block.lines)  # the user's line breaks, as hard breaks
