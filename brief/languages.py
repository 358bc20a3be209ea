"""The languages brief speaks, as data: one `Language` per interface and content language.

Everything that differs between languages and is not a translated message lives here: the Babel locale behind
it, its own name for the language switch, how it joins words and lists, and the patterns of its dates. The
patterns are the product's own (UN editorial style: "28–30 June 2017", "2017年6月28日至30日"), so that a Babel or
CLDR release cannot change what a briefing prints; Babel supplies the locale data inside them (month names).
"""

from __future__ import annotations

from typing import Literal

import msgspec


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown (with `brief.i18n.t`)."""
    return message

#: The language codes, for mypy; `LANGUAGES` is the registry the code loops over.
Lang = Literal["en", "zh"]


class Language(msgspec.Struct, frozen=True, kw_only=True):
    code: str
    #: The Babel locale of the language's catalog, plural rules and month names.
    locale: str
    #: The language's own name, as the language switch shows it, and its name in the interface (a msgid).
    name: str
    label: str
    #: How the language switch in the title bar names it: short, one or two cells a character.
    switch: str
    #: Its BCP 47 tag, for the documents brief writes (HTML `lang`, Word's language).
    tag: str
    #: Its script: a search term in a CJK script is looked for in CJK text only, any other in the rest.
    cjk: bool
    #: What separates a text from the bracketed note after it ("… assurances (many)" / "……保证（许多）").
    word_gap: str
    #: Between the parts of a citation: "CD/2105, Letter 2" / "CD/2105，信函 2".
    comma: str
    #: Lists: "a, b and c" / "a、b和c".
    list_separator: str
    list_last: str
    list_pair: str
    #: Dates. Placeholders: {d} day, {m} month number, {month} month name (Babel's wide format name), {y} year;
    #: in ranges the first and last day's fields end in 1 and 2; {days} a list of `day` items.
    date: str
    day: str
    day_run: str
    days_in_month: str
    range_in_month: str
    range_in_year: str
    range_across_years: str
    #: Years: "2017" / "2017年", "2013–2017" / "2013年至2017年".
    year: str
    year_range: str


#: Every language brief speaks, in the order the language switch cycles them. Adding a language is an entry here
#: and its catalog (`brief/locale/<code>/LC_MESSAGES/brief.po`); every text of a brief must then give it.
LANGUAGES: dict[str, Language] = {
    "en": Language(
        code="en", locale="en_GB", name="English", label=N_("English"), switch="EN", tag="en-GB", cjk=False,
        word_gap=" ", comma=", ", list_separator=", ", list_last=" and ", list_pair=" and ",
        date="{d} {month} {y}", day="{d}", day_run="{d1}–{d2}", days_in_month="{days} {month} {y}",
        range_in_month="{d1}–{d2} {month} {y}", range_in_year="{d1} {month1}–{d2} {month2} {y}",
        range_across_years="{d1} {month1} {y1}–{d2} {month2} {y2}", year="{y}", year_range="{y1}–{y2}",
    ),
    "zh": Language(
        code="zh", locale="zh_Hans_CN", name="中文", label=N_("Chinese"), switch="中文", tag="zh-CN", cjk=True,
        word_gap="", comma="，", list_separator="、", list_last="和", list_pair="和",
        date="{y}年{m}月{d}日", day="{d}日", day_run="{d1}日至{d2}日", days_in_month="{y}年{m}月{days}",
        range_in_month="{y}年{m}月{d1}日至{d2}日", range_in_year="{y}年{m1}月{d1}日至{m2}月{d2}日",
        range_across_years="{y1}年{m1}月{d1}日至{y2}年{m2}月{d2}日", year="{y}年", year_range="{y1}年至{y2}年",
    ),
}


def language(code: str) -> Language:
    """The language `code`; English for a code brief does not know (a damaged setting, say)."""
    return LANGUAGES.get(code) or LANGUAGES["en"]
