"""The one-page notes: the briefing on an agenda item (`brief.export.plan`) and the note on a theme across
documents (`brief.export.theme`), each a `Page` (`brief.export.page`) drawn by one of the formats in `FORMATS` —
Markdown, Word, plain text. Adding a format is one module with `SUFFIX` and `render(page, lang)`, and one line
here.

No Textual, no Rich, and a format's module (python-docx for Word) is imported only when it is used, so that
`brief export` stays fast.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from typing import TYPE_CHECKING, Any, NamedTuple

from brief.export.page import Page
from brief.export.plan import Plan, plan
from brief.files import safe_name
from brief.i18n import N_
from brief.model import Brief
from brief.safe import visible

__all__ = ["FORMATS", "DateError", "Format", "Page", "Plan", "ThemePlan", "default_filename", "plan", "prepared_date",
           "render", "theme_filename", "theme_plan"]

if TYPE_CHECKING:
    from brief.export.theme import ThemePlan, theme_plan


def __getattr__(name: str) -> Any:
    """The note on a theme (`brief.export.theme`, and `brief.themes` under it: 3 ms) is imported when asked for,
    not by a briefing's export."""
    if name in ("ThemePlan", "theme_plan"):
        from brief.export import theme

        return getattr(theme, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Format(NamedTuple):
    name: str  # as `--format` takes it
    label: str  # as the export dialog shows it (a msgid)
    suffix: str
    module: str
    binary: bool


FORMATS: dict[str, Format] = {
    "md": Format("md", N_("Markdown"), ".md", "brief.export.markdown", binary=False),
    "docx": Format("docx", N_("Word"), ".docx", "brief.export.docx", binary=True),
    "txt": Format("txt", N_("Plain text"), ".txt", "brief.export.text", binary=False),
}


def render(page: Page, lang: str, format_name: str = "md") -> bytes:
    """The note (a briefing, a theme note) in `lang` as the bytes of a file of the format `format_name` (text
    formats in UTF-8). A text format is fit for a terminal, whatever the brief held (`brief.safe.visible`): the
    loader lets no hidden character into a brief, so this changes nothing but what a damaged cache or a caller's
    own brief might bring."""
    module = importlib.import_module(FORMATS[format_name].module)
    drawn = module.render(page, lang)
    return visible(drawn).encode("utf-8") if isinstance(drawn, str) else bytes(drawn)


def format_of(name: str) -> Format | None:
    """The format a file name's suffix asks for (`brief.docx` is Word), if any."""
    lowered = name.lower()
    return next((found for found in FORMATS.values() if lowered.endswith(found.suffix)), None)


def default_filename(brief: Brief, lang: str, format_name: str = "md") -> str:
    """`cd-2105-nsa-消极安全保证.zh.md`, `cd-2105-nsa-Negative-security-assurances.en.docx`."""
    stem = safe_name(brief.agenda_item.short[lang], fallback="brief")
    return f"{brief.id}-{stem}.{lang}{FORMATS[format_name].suffix}"


def theme_filename(theme_id: str, lang: str, format_name: str = "md") -> str:
    """`theme-fmct.zh.md`, `theme-nsa.en.docx` (a theme id is a slug: always a safe name)."""
    return f"theme-{theme_id}.{lang}{FORMATS[format_name].suffix}"


class DateError(ValueError):
    """A date to print that is not one: the message (a msgid) says which and what to do."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template)
        self.template, self.params = template, params


def prepared_date(value: str | None = None) -> dt.date:
    """The date printed as "prepared": `value` (YYYY-MM-DD), else `SOURCE_DATE_EPOCH` (reproducible output),
    else today. Raises DateError for a malformed `value` or an epoch that is not a date of the calendar."""
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise DateError(N_("--date must be a date written YYYY-MM-DD, not {value}"), value=value) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise DateError(N_("SOURCE_DATE_EPOCH is {value}, not a number of seconds that gives a date: unset it "
                               "or give the seconds since 1970"), value=epoch[:20]) from None
    return dt.date.today()
