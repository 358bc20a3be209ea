"""A note (a briefing, a theme across documents) as a Word document (.docx), what an ambassador's office edits:
one A4 page with 2 cm margins, an 11 pt body, the same sections and points as every other format, footnotes as
numbered notes at the end.

Text goes into runs as text, never as fields or markup. The file is reproducible: its dates are the note's own
(`Page.dated`), not the time of writing. python-docx is imported only when a Word file is made.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from brief.export.page import Block, Entry, Page, Sentence, holders_text, level_text, paragraph_ref, sides_text
from brief.i18n import t
from brief.languages import LANGUAGES, language
from brief.model import Divergence

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

SUFFIX = ".docx"
#: Fonts Word has on every desktop.
LATIN_FONT, CHINESE_FONT = "Calibri", "SimSun"


def render(page: Page, lang: str) -> bytes:
    from docx import Document as new_document

    document = new_document()
    _page(document, lang)
    title = page.title[lang]
    document.add_heading(title, level=1)
    if page.meta.get(lang):
        _small(document.add_paragraph(page.meta[lang]))
    if lang in page.lead:
        bottom = document.add_paragraph()
        bottom.add_run(t(lang, "Bottom line.")).bold = True
        bottom.add_run(language(lang).word_gap + page.lead[lang])
    for section in page.sections:
        document.add_heading(section.heading[lang], level=2)
        if section.meta.get(lang):
            _small(document.add_paragraph(section.meta[lang]))
        for item in section.items:
            paragraph = document.add_paragraph(style="List Bullet")
            if isinstance(item, Sentence):
                _sentence(paragraph, item, lang)
            else:
                _entry(paragraph, item, lang)
    if lang in page.notes:
        document.add_heading(t(lang, "Our line"), level=2)
        for block in page.notes[lang]:
            _block(document, block)
    for number, note in enumerate(page.footnotes, 1):
        paragraph = document.add_paragraph()
        paragraph.add_run(str(number)).font.superscript = True
        paragraph.add_run(" " + note[lang])
        _small(paragraph)
    closing = document.add_paragraph()
    closing.add_run(page.footer[lang]).italic = True
    _small(closing)
    properties = document.core_properties
    properties.title, properties.author, properties.language = title, "brief", language(lang).tag
    moment = dt.datetime.combine(page.dated, dt.time())
    properties.created = properties.modified = moment
    properties.last_modified_by, properties.revision = "brief", 1
    out = io.BytesIO()
    document.save(out)
    return _dated(out.getvalue(), moment)


def _dated(package: bytes, moment: dt.datetime) -> bytes:
    """The same package with every part dated `moment`: python-docx stamps each zip entry with the clock at the
    time of writing, so two exports of one note would differ by the second they were made."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            part = zipfile.ZipInfo(entry.filename, date_time=stamp)
            part.compress_type, part.external_attr = zipfile.ZIP_DEFLATED, entry.external_attr
            target.writestr(part, source.read(entry))
    return out.getvalue()


def _page(document: Document, lang: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2)
    for name, size in (("Normal", 11), ("Heading 1", 16), ("Heading 2", 12.5), ("List Bullet", 11)):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.name = LATIN_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), CHINESE_FONT)
        fonts.set(qn("w:ascii"), LATIN_FONT)
        fonts.set(qn("w:hAnsi"), LATIN_FONT)
        spacing = style.paragraph_format
        spacing.space_before = Pt(8 if name.startswith("Heading") else 0)
        spacing.space_after = Pt(3)
        spacing.line_spacing = 1.05
    normal = document.styles["Normal"].element.get_or_add_rPr()
    # The document's language, and the one Word assumes for East Asian text (spelling and line breaking follow).
    east_asian = next((spec.tag for spec in LANGUAGES.values() if spec.cjk), language(lang).tag)
    word_lang = normal.makeelement(qn("w:lang"), {qn("w:val"): language(lang).tag, qn("w:eastAsia"): east_asian})
    normal.append(word_lang)


def _small(paragraph: Paragraph) -> None:
    from docx.shared import Pt

    for run in paragraph.runs:
        run.font.size = Pt(9.5)


def _entry(paragraph: Paragraph, entry: Entry, lang: str) -> None:
    point, gap = entry.point, language(lang).word_gap
    if isinstance(point, Divergence):
        paragraph.add_run(point.issue[lang]).bold = True
        paragraph.add_run(" " + sides_text(point, lang))
    elif point.support is None:
        paragraph.add_run(holders_text(point.holders[lang], lang)).italic = True
        paragraph.add_run(" " + point.text[lang])
    else:
        paragraph.add_run(point.text[lang] + gap)
        paragraph.add_run(level_text(point.support, lang)).italic = True
    ref = paragraph_ref(entry.paragraphs, lang)
    if ref:
        paragraph.add_run(gap + ref)
    for number in entry.footnotes:
        paragraph.add_run(str(number)).font.superscript = True


def _sentence(paragraph: Paragraph, sentence: Sentence, lang: str) -> None:
    paragraph.add_run(sentence.text[lang])
    citation = sentence.citation.get(lang)
    if citation:
        paragraph.add_run(language(lang).word_gap + citation)


def _block(document: Document, block: Block) -> None:
    if block.kind == "paragraph":
        paragraph = document.add_paragraph()
        for index, line in enumerate(block.lines):
            run = paragraph.add_run(line)
            if index < len(block.lines) - 1:
                run.add_break()
        return
    style = "List Bullet" if block.kind == "bullets" else "List Number"
    for line in block.lines:
        document.add_paragraph(line, style=style)
