"""What `brief list` prints: each agenda item as a short block, or one brief's points with their ids, wrapped by
brief's own line breaker to the width of the terminal (never a word broken mid-letter, nor a Chinese date).

Text from the briefs is data: `brief check` refuses hidden characters in them, and what is printed goes through
`brief.safe.visible` all the same (a control character shows as `⟨U+001B⟩`), never sent to the terminal as a
command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.i18n import section_label, t, tn
from brief.labels import item_label, section_counts
from brief.linebreak import indented
from brief.model import SECTIONS, Brief
from brief.safe import visible

if TYPE_CHECKING:
    from brief.themes import ThemeCount

INDENT = "  "


def brief_lines(brief: Brief, lang: str, width: int) -> list[str]:
    """The brief's id and agenda item, its document, and its points by section:

        cd-2105-nsa  Item 4: Negative security assurances
          CD/2105, Letter 2 (6 July 2017)
          5 agreed · 8 splits · 30 other views · 7 proposals · 1 chair's reading
    """
    return [*indented(visible(item_label(brief, lang)), width, f"{brief.id}  ", INDENT),
            *indented(visible(brief.document.cite(lang)), width, INDENT, INDENT),
            *indented(section_counts(brief, lang), width, INDENT, INDENT)]


def point_lines(brief: Brief, lang: str, width: int) -> list[str]:
    """The brief's block, then its points section by section, as the app lists them: each point's id (what
    `brief export --points` takes), flagged if it is a key point, and its text."""
    lines = brief_lines(brief, lang, width)
    for section in SECTIONS:
        points = [point for _, point in brief.points() if point.section == section]
        if not points:
            continue
        lines += ["", *indented(t(lang, "{section} ({count})", section=section_label(section, lang),
                                  count=len(points)), width, "", INDENT)]
        for point in points:
            flag = t(lang, " · key point") if point.key else ""
            lines += indented(point.id + flag, width, INDENT, INDENT * 3)
            lines += indented(visible(point.headline(lang)), width, INDENT * 2, INDENT * 2)
    return lines


def theme_lines(found: ThemeCount, lang: str, width: int) -> list[str]:
    """A theme's id and name, its point count, and its points per brief, the oldest meetings first (the ids are
    what `brief export --theme` takes):

        verification  Verification · 19 points
          a-68-514 4 · cd-2105-fmct 15
    """
    head = t(lang, "{name} · {count}", name=visible(found.theme.name[lang]),
             count=tn(lang, "{n} point", "{n} points", found.total))
    return [*indented(head, width, f"{found.theme.id}  ", INDENT),
            *packed([f"{visible(brief.id)} {count}" for brief, count in found.documents], width, INDENT)]


def packed(entries: list[str], width: int, indent: str) -> list[str]:
    """`entries` joined by " · ", as many to a line as fit after `indent`; an entry (a brief's id, copied into a
    command) is never broken."""
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 3 + len(entry) <= width:
            lines[-1] += " · " + entry
        else:
            lines.append(indent + entry)
    return lines
