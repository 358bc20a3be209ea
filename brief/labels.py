"""The few labels that the command line, the export and the app all print, built in one place."""

from __future__ import annotations

from collections import Counter

from brief.corpus import Problem
from brief.i18n import describe, format_list, t, tn
from brief.model import SECTIONS, Brief
from brief.safe import visible


def agenda_numbers(brief: Brief) -> list[str]:
    """The agenda item's numbers: "1, 2" is two items, "99 (w)" one."""
    return [number.strip() for number in brief.agenda_item.number.split(",") if number.strip()]


def agenda_label(brief: Brief, lang: str) -> str:
    """"agenda item 4", "agenda items 1 and 2" / "议程项目4", "议程项目1和2"."""
    numbers = agenda_numbers(brief)
    return tn(lang, "agenda item {numbers}", "agenda items {numbers}", len(numbers),
              numbers=format_list(numbers, lang))


def item_label(brief: Brief, lang: str) -> str:
    """The agenda item as the tree, the title bar and the palette name it: "Items 1 and 2: Fissile material"."""
    numbers = agenda_numbers(brief)
    return tn(lang, "Item {numbers}: {short}", "Items {numbers}: {short}", len(numbers),
              numbers=format_list(numbers, lang), short=brief.agenda_item.short[lang])


def item_title(brief: Brief, lang: str) -> str:
    """The agenda item as its page is headed: "Agenda items 1 and 2: Fissile material"."""
    numbers = agenda_numbers(brief)
    return tn(lang, "Agenda item {numbers}: {short}", "Agenda items {numbers}: {short}", len(numbers),
              numbers=format_list(numbers, lang), short=brief.agenda_item.short[lang])


def problem_line(problem: Problem, lang: str) -> str:
    """`briefs/x.yaml:5:3: error: …`, as `brief check` prints it and the app lists it: fit for a terminal, since
    a file's name and the values a message quotes come from files (`brief.safe.visible`)."""
    level = t(lang, "error") if problem.level == "error" else t(lang, "warning")
    return visible(f"{problem.location()}: {level}: {describe(problem, lang)}")


def section_counts(brief: Brief, lang: str) -> str:
    """The points in each of the app's sections: "5 agreed · 8 splits · 30 other views · 7 proposals · 1 chair's
    reading"."""
    counts = Counter(point.section for _, point in brief.points())
    words = {
        "agree": tn(lang, "{n} agreed", "{n} agreed", counts["agree"]),
        "divide": tn(lang, "{n} split", "{n} splits", counts["divide"]),
        "views": tn(lang, "{n} other view", "{n} other views", counts["views"]),
        "proposals": tn(lang, "{n} proposal", "{n} proposals", counts["proposals"]),
        "assessment": tn(lang, "{n} chair's reading", "{n} chair's readings", counts["assessment"]),
    }
    return " · ".join(words[section] for section in SECTIONS)
