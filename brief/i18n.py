"""Everything locale-shaped: interface strings from gettext catalogs, dates, date ranges and lists.

Interface strings are English msgids translated at display time with `t(lang, msgid, **params)`; strings that
are written in one place and displayed in another are marked with `N_` so `pybabel extract` still finds them
(keywords `t:2`, `tn:2,3`, `N_`; see `scripts/catalogs`). Catalogs live in `brief/locale/<lang>/LC_MESSAGES/
brief.po`; the wheel build compiles them to `.mo` (`hatch_build.py`), and a source checkout without `.mo`
files compiles the `.po` in memory on first use.

Dates and lists follow the product's own patterns (`brief.languages`), with Babel's locale data inside them.
Babel is imported lazily, inside the functions that need it, so that importing this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brief.catalog import MoCatalog
from brief.languages import LANGUAGES, language
from brief.languages import N_ as N_  # the marker, also from here

if TYPE_CHECKING:
    from brief.corpus import Problem

DOMAIN = "brief"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog for `lang` ("en" or "zh"): the compiled `.mo` if present, else the `.po` compiled in memory."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        data = mo.read_bytes()
        try:
            return MoCatalog(data)  # read in place, not decoded whole (`brief.catalog`)
        except ValueError:
            return _gettext.GNUTranslations(io.BytesIO(data))
    if po.is_file():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language(lang).locale, domain=DOMAIN)
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
#: "an empty string", "English", a field's description; `why`, an OS error as `brief.files.reason` says it; in
#: `brief.safe`, what kind a hidden character is), translated with the problem. Every other value (a key, an id, a
#: value from the file) is shown as written, even one that happens to read like a message ("error").
MESSAGE_PARAMS = frozenset({"got", "expected", "language", "why", "kind"})


def describe(problem: Problem, lang: str) -> str:
    """A problem's message in `lang`, with its message-valued parameters (`MESSAGE_PARAMS`) translated too."""
    # gettext("") is the catalog's header, so an empty value stays as it is.
    catalog = translations(lang)
    params = {key: catalog.gettext(value) if value and key in MESSAGE_PARAMS else value
              for key, value in problem.params.items()}
    return t(lang, problem.template, **params)


def default_lang(environ: Mapping[str, str] = os.environ) -> str:
    """The interface language from the environment's locale (`zh_CN.UTF-8` is Chinese; any locale of a language
    brief does not speak, and `C`, is English): the first locale variable that is set decides."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name, "")
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def language_in(code: str, lang: str) -> str:
    """The language `code` named in the interface language `lang`: "Chinese" / "中文"."""
    return t(lang, LANGUAGES[code].label) if code in LANGUAGES else code


# Support ladder and point kinds, as the interface names them.
SUPPORT_LABELS = {
    "all": N_("all"),
    "general": N_("general"),
    "most": N_("most"),
    "many": N_("many"),
    "some": N_("some"),
    "one": N_("one view"),
}
SECTION_LABELS = {
    "agree": N_("Where delegations agree"),
    "divide": N_("Where they divide"),
    "views": N_("Other views"),
    "proposals": N_("Proposals and way forward"),
    "assessment": N_("Assessment"),
}
def section_label(section: str, lang: str) -> str:
    return t(lang, SECTION_LABELS[section])


def support_label(level: str, lang: str) -> str:
    return t(lang, SUPPORT_LABELS[level])


def support_note(level: str, lang: str) -> str:
    """The level as it follows a view: "(many)" / "（许多）"."""
    return t(lang, "({level})", level=support_label(level, lang))


# Dates and lists -----------------------------------------------------------------------------------------------
# The forms are the product's own (`brief.languages`: UN editorial style); Babel gives the month names.


@functools.cache
def _month_names(locale: str) -> dict[int, str]:
    from babel import Locale

    return dict(Locale.parse(locale).months["format"]["wide"])


def _fields(day: dt.date, lang: str, suffix: str = "") -> dict[str, object]:
    month = _month_names(language(lang).locale)[day.month]
    return {f"d{suffix}": day.day, f"m{suffix}": day.month, f"month{suffix}": month, f"y{suffix}": day.year}


def format_date(day: dt.date, lang: str) -> str:
    """A full date: "28 June 2017" / "2017年6月28日"."""
    return language(lang).date.format(**_fields(day, lang))


def format_list(items: Sequence[str], lang: str) -> str:
    """"a, b and c" / "a、b和c"."""
    spec = language(lang)
    if len(items) <= 2:
        return spec.list_pair.join(items)
    return spec.list_separator.join(items[:-1]) + spec.list_last + items[-1]


def format_range(start: dt.date, end: dt.date, lang: str) -> str:
    """A run of days: "28–30 June 2017", "30 May–1 June 2013" / "2017年6月28日至30日", "2013年5月30日至6月1日"."""
    spec = language(lang)
    if start == end:
        return format_date(start, lang)
    fields = {**_fields(start, lang, "1"), **_fields(end, lang, "2")}
    if start.year != end.year:
        return spec.range_across_years.format(**fields)
    if start.month != end.month:
        return spec.range_in_year.format(**fields, y=start.year)
    return spec.range_in_month.format(**fields, **_fields(start, lang))


def format_years(first: int, last: int, lang: str) -> str:
    """A year or a run of years: "2017", "2013–2017" / "2017年", "2013年至2017年"."""
    spec = language(lang)
    return spec.year.format(y=first) if first == last else spec.year_range.format(y1=first, y2=last)


def format_days(days: Iterable[dt.date], lang: str) -> str:
    """Meeting days, compactly: "28–30 June 2017", "20, 22 and 23 June 2017" / "2017年6月28日至30日",
    "2017年6月20日、22日和23日"; runs in different months are listed as ranges."""
    runs = _runs(sorted(set(days)))
    if not runs:
        return ""
    first, last = runs[0][0], runs[-1][-1]
    if len(runs) == 1 or (first.year, first.month) != (last.year, last.month):
        return format_list([format_range(run[0], run[-1], lang) for run in runs], lang)
    spec = language(lang)
    items: list[str] = []
    for run in runs:
        if len(run) >= 3:
            items.append(spec.day_run.format(d1=run[0].day, d2=run[-1].day))
        else:
            items.extend(spec.day.format(d=day.day) for day in run)
    return spec.days_in_month.format(days=format_list(items, lang), **_fields(first, lang))


def _runs(days: list[dt.date]) -> list[list[dt.date]]:
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs
