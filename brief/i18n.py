"""Everything locale-shaped, through Babel: interface strings from gettext catalogs, dates, date ranges and lists.

Interface strings are English msgids translated at display time with `t(lang, msgid, **params)`; strings that
are written in one place and displayed in another are marked with `N_` so `pybabel extract` still finds them
(keywords `t:2`, `tn:2,3`, `N_`; see `scripts/catalogs`). Catalogs live in `brief/locale/<lang>/LC_MESSAGES/
brief.po`; the wheel build compiles them to `.mo` (`hatch_build.py`), and a source checkout without `.mo`
files compiles the `.po` in memory on first use.

Babel is imported lazily, inside the functions that need it, so that importing this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brief.model import Problem

DOMAIN = "brief"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The Babel locale behind each interface language: UN English writes "28 June 2017" and "a, b and c".
BABEL_LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN"}


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog for `lang` ("en" or "zh"): the compiled `.mo` if present, else the `.po` compiled in memory."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as handle:
            catalog = read_po(handle, locale=BABEL_LOCALES[lang], domain=DOMAIN)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return _gettext.GNUTranslations(buffer)
    return _gettext.NullTranslations()


def t(lang: str, message: str, /, **params: object) -> str:
    """Translate `message` into `lang` and fill its `{placeholders}`."""
    text = translations(lang).gettext(message)
    return text.format(**params) if params else text


def tn(lang: str, singular: str, plural: str, n: int, /, **params: object) -> str:
    """Plural-aware `t`; `{n}` is available in the message."""
    return translations(lang).ngettext(singular, plural, n).format(n=n, **params)


#: The parameters of a problem whose values are messages themselves (written with `N_` in `brief.validate`:
#: "an empty string", "English", a field's description), translated with the problem. Every other value (a key,
#: an id, a value from the file) is shown as written, even one that happens to read like a message ("error").
MESSAGE_PARAMS = frozenset({"got", "expected", "language"})


def describe(problem: Problem, lang: str) -> str:
    """A problem's message in `lang`, with its message-valued parameters (`MESSAGE_PARAMS`) translated too."""
    # gettext("") is the catalog's header, so an empty value stays as it is.
    catalog = translations(lang)
    params = {key: catalog.gettext(value) if value and key in MESSAGE_PARAMS else value
              for key, value in problem.params.items()}
    return t(lang, problem.template, **params)


def default_lang(environ: Mapping[str, str] = os.environ) -> str:
    """The interface language from the environment's locale: Chinese for any `zh*` locale, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def language_name(lang: str) -> str:
    """The language's own name, for a language switch: "English", "中文"."""
    return {"en": "English", "zh": "中文"}[lang]


# Support ladder and point kinds, as the interface names them.
SUPPORT_LABELS = {
    "all": N_("all"),
    "general": N_("general"),
    "most": N_("most"),
    "many": N_("many"),
    "some": N_("some"),
    "one": N_("one view"),
}
KIND_LABELS = {"consensus": N_("Consensus"), "divergence": N_("Divergence"), "proposal": N_("Proposal")}
SECTION_LABELS = {
    "agree": N_("Where delegations agree"),
    "views": N_("Other views"),
    "divide": N_("Where they divide"),
    "proposals": N_("Proposals and way forward"),
}


def section_label(section: str, lang: str) -> str:
    return t(lang, SECTION_LABELS[section])


def support_label(level: str, lang: str) -> str:
    return t(lang, SUPPORT_LABELS[level])


def support_note(level: str, lang: str) -> str:
    """The level as it follows a view: "(many)" / "（许多）"."""
    return t(lang, "({level})", level=support_label(level, lang))


def kind_label(kind: str, lang: str) -> str:
    return t(lang, KIND_LABELS[kind])


# Dates and lists -----------------------------------------------------------------------------------------------


def format_date(day: dt.date, lang: str) -> str:
    """A full date: "28 June 2017" / "2017年6月28日"."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=BABEL_LOCALES[lang])


def format_list(items: Sequence[str], lang: str) -> str:
    """"a, b and c" / "a、b和c"."""
    from babel.lists import format_list as babel_list

    return babel_list(list(items), locale=BABEL_LOCALES[lang]) if items else ""


def format_days(days: Iterable[dt.date], lang: str) -> str:
    """Meeting days, compactly: "28–30 June 2017", "20, 22 and 23 June 2017" / "2017年6月28日至30日",
    "2017年6月20日、22日和23日"; runs in different months are listed as ranges."""
    from babel.dates import format_skeleton

    locale = BABEL_LOCALES[lang]
    runs = _runs(sorted(set(days)))
    if not runs:
        return ""
    first, last = runs[0][0], runs[-1][-1]
    if len(runs) == 1:
        return _interval(first, last, lang) if first != last else format_date(first, lang)
    if (first.year, first.month) != (last.year, last.month):
        return format_list([_interval(r[0], r[-1], lang) if len(r) > 1 else format_date(r[0], lang) for r in runs], lang)
    day_items: list[str] = []
    for run in runs:
        if len(run) >= 3:
            day_items.append(_interval(run[0], run[-1], lang, skeleton="d"))
        else:
            day_items.extend(format_skeleton("d", d, locale=locale) for d in run)
    month = format_skeleton("yMMMM", first, locale=locale)
    days_text = format_list(day_items, lang)
    return f"{month}{days_text}" if _year_first(locale) else f"{days_text} {month}"


def _runs(days: list[dt.date]) -> list[list[dt.date]]:
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _interval(start: dt.date, end: dt.date, lang: str, skeleton: str = "yMMMd") -> str:
    """Babel's date interval. CLDR has no interval pattern with wide month names for English, so the abbreviated
    names of the `yMMMd` pattern are widened ("28–30 Jun 2017" → "28–30 June 2017")."""
    from babel import Locale
    from babel.dates import format_interval

    locale = BABEL_LOCALES[lang]
    text = format_interval(start, end, skeleton, locale=locale)
    months = Locale.parse(locale).months["format"]
    for number, short in months["abbreviated"].items():
        wide = months["wide"][number]
        if short != wide:
            text = re.sub(rf"\b{re.escape(short)}\b(?!\w)", wide, text)
    return text


@functools.cache
def _year_first(locale: str) -> bool:
    from babel import Locale

    pattern = Locale.parse(locale).datetime_skeletons["yMMMd"].pattern
    return pattern.lstrip("'").startswith("y")
