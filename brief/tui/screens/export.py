"""Export: choose the language and the points, see exactly what will be written, and write it safely."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Markdown, RadioSet, Static

from brief.export import FORMATS, DateError, Plan, default_filename, plan, prepared_date, render
from brief.files import FileError, write_atomic
from brief.i18n import N_, t
from brief.languages import LANGUAGES
from brief.memo import DateTexts
from brief.model import Brief
from brief.sources import SeedLibrary
from brief.tui.screens import Dialog
from brief.tui.widgets.pagemeter import PageMeter
from brief.tui.widgets.toggles import Choice, Tick


class ExportScreen(Dialog[Path | None]):
    """Returns the path written, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("cancel"), id="export.cancel"),
        Binding("ctrl+s", "write", N_("write"), id="export.write"),
    ]

    def __init__(self, brief: Brief, marked: list[str], notes: Mapping[str, str], seeds: SeedLibrary, lang: str,
                 folder: Path | None = None, dates: DateTexts | None = None) -> None:
        super().__init__()
        self.brief, self.marked, self.seeds, self.lang = brief, marked, seeds, lang
        self.notes = {code: text for code, text in notes.items() if text.strip()}  # "Our line", by language
        self.dates = dates or DateTexts()
        self.folder = folder  # None: the working directory, and the proposed name is shown without a folder
        self.briefing: Plan | None = None
        self.markdown = ""  # the preview: the briefing in the chosen language, as Markdown
        self._proposal = (lang, "md")  # the language and format of the file name proposed
        self.confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog"):
            yield Static(Content(t(lang, "Export a brief: {short}", short=self.brief.agenda_item.short[lang])),
                         classes="title")
            with Horizontal(classes="options"):
                yield Static(Content(t(lang, "Language")), classes="label")
                with RadioSet(id="language", compact=True):
                    for code, spec in LANGUAGES.items():
                        yield Choice(spec.name, value=lang == code, id=f"lang-{code}", compact=True)
                yield Tick(t(lang, "No page limit"), id="full", compact=True)
            with Horizontal(classes="options"):
                yield Static(Content(t(lang, "Format")), classes="label")
                with RadioSet(id="format", compact=True):
                    for name, found in FORMATS.items():
                        yield Choice(t(lang, found.label), value=name == "md", id=f"format-{name}", compact=True)
            with Horizontal(classes="options"):
                yield Static(Content(t(lang, "Points")), classes="label")
                with RadioSet(id="scope", compact=True):
                    yield Choice(t(lang, "Whole agenda item"), value=not self.marked, id="scope-item", compact=True)
                    yield Choice(t(lang, "Marked ({count})", count=len(self.marked)), value=bool(self.marked),
                                 id="scope-marked", disabled=not self.marked, compact=True)
                yield Tick(t(lang, "Include my notes"), value=bool(self.notes), id="notes",
                           disabled=not self.notes, compact=True)
            yield PageMeter(id="meter")
            with VerticalScroll(id="preview"):
                yield Markdown(id="preview-text")
            with Horizontal(id="write-row"):
                yield Input(id="filename", placeholder=t(lang, "file name"), compact=True)
                yield Button(t(lang, "Write"), id="write", variant="primary", compact=True)
                yield Button(t(lang, "Cancel"), id="cancel", compact=True)
            yield Static(id="status", markup=False)

    def on_mount(self) -> None:
        self.query_one(PageMeter).lang = self.lang
        self.query_one("#filename", Input).value = self._proposed(*self._proposal)
        self.refresh_preview()

    def _proposed(self, lang: str, format_name: str) -> str:
        name = default_filename(self.brief, lang, format_name)
        return str(self.folder / name) if self.folder else name

    def export_lang(self) -> str:
        return next((code for code in LANGUAGES if self.query_one(f"#lang-{code}", Choice).value), self.lang)

    def export_format(self) -> str:
        return next((name for name in FORMATS if self.query_one(f"#format-{name}", Choice).value), "md")

    def refresh_preview(self) -> None:
        lang = self.export_lang()
        marked_only = self.query_one("#scope-marked", Choice).value
        full = self.query_one("#full", Tick).value
        notes = self.notes if self.query_one("#notes", Tick).value else None
        try:
            prepared = prepared_date()
        except DateError as error:
            self.notify(t(self.lang, error.template, **error.params), severity="warning")
            prepared = dt.date.today()
        self.briefing = plan(self.brief, prepared=prepared, full=full, point_ids=self.marked if marked_only else None,
                             notes=notes, seeds=self.seeds, dates=self.dates)
        self.markdown = render(self.briefing, lang, "md").decode("utf-8")
        self.query_one("#preview-text", Markdown).update(self.markdown)
        meter = self.query_one(PageMeter)
        meter.fill, meter.omitted = self.briefing.fill(lang), len(self.briefing.omitted)
        self.confirm_replace = None
        self.query_one("#status", Static).update("")

    @on(RadioSet.Changed, "#language")
    @on(RadioSet.Changed, "#format")
    def _language_changed(self) -> None:
        name = self.query_one("#filename", Input)
        if name.value == self._proposed(*self._proposal):  # the proposed name follows the language and format
            self._proposal = (self.export_lang(), self.export_format())
            name.value = self._proposed(*self._proposal)
        self.refresh_preview()

    @on(RadioSet.Changed, "#scope")
    @on(Tick.Changed)
    def _options_changed(self) -> None:
        self.refresh_preview()

    @on(Input.Changed, "#filename")
    def _name_changed(self) -> None:
        self.confirm_replace = None

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#filename")
    def action_write(self) -> None:
        lang, status = self.lang, self.query_one("#status", Static)
        raw = self.query_one("#filename", Input).value.strip()
        if not raw or self.briefing is None:
            status.update(Content(t(lang, "Give a file name.")))
            return
        path = _expanded(raw)
        replace = self.confirm_replace == path
        if _is_file(path) and not replace:
            self.confirm_replace = path
            status.update(Content(t(lang, "{path} exists. Press Write again to replace it.", path=path)))
            return
        try:
            write_atomic(path, render(self.briefing, self.export_lang(), self.export_format()), force=replace)
        except FileError as error:
            status.update(Content(error.message(lang)))
            return
        self.dismiss(path)


def _expanded(raw: str) -> Path:
    """`~/x.md` in the home folder; `~nosuchuser/x.md` as typed, for the write to say that no such folder exists."""
    try:
        return Path(raw).expanduser()
    except RuntimeError:
        return Path(raw)


def _is_file(path: Path) -> bool:
    """Whether something other than a folder is at `path`; a name the OS refuses (too long…) is for the write to
    explain."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False
