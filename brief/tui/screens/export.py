"""Export: choose the language and the points, see exactly what will be written, and write it safely."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Markdown, RadioSet, Static

from brief.export import Briefing, compose, default_filename, prepared_date
from brief.files import FileError, write_atomic
from brief.i18n import N_, t
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

    def __init__(self, brief: Brief, marked: list[str], notes: str, seeds: SeedLibrary, lang: str,
                 folder: Path | None = None, dates: DateTexts | None = None) -> None:
        super().__init__()
        self.brief, self.marked, self.notes, self.seeds, self.lang = brief, marked, notes, seeds, lang
        self.dates = dates or DateTexts()
        self.folder = folder  # None: the working directory, and the proposed name is shown without a folder
        self.briefing: Briefing | None = None
        self.confirm_replace: Path | None = None

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog"):
            yield Static(Content(t(lang, "Export a brief: {short}", short=self.brief.agenda_item.short[lang])),
                         classes="title")
            with Horizontal(classes="options"):
                yield Static(Content(t(lang, "Language")), classes="label")
                with RadioSet(id="language", compact=True):
                    yield Choice("English", value=lang == "en", id="lang-en", compact=True)
                    yield Choice("中文", value=lang == "zh", id="lang-zh", compact=True)
                yield Tick(t(lang, "No page limit"), id="full", compact=True)
            with Horizontal(classes="options"):
                yield Static(Content(t(lang, "Points")), classes="label")
                with RadioSet(id="scope", compact=True):
                    yield Choice(t(lang, "Whole agenda item"), value=not self.marked, id="scope-item", compact=True)
                    yield Choice(t(lang, "Marked ({count})", count=len(self.marked)), value=bool(self.marked),
                                 id="scope-marked", disabled=not self.marked, compact=True)
                yield Tick(t(lang, "Include my notes"), value=bool(self.notes.strip()), id="notes",
                           disabled=not self.notes.strip(), compact=True)
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
        self.query_one("#filename", Input).value = self._proposed(self.lang)
        self.refresh_preview()

    def _proposed(self, lang: str) -> str:
        name = default_filename(self.brief, lang)
        return str(self.folder / name) if self.folder else name

    def export_lang(self) -> str:
        return "zh" if self.query_one("#lang-zh", Choice).value else "en"

    def refresh_preview(self) -> None:
        lang = self.export_lang()
        marked_only = self.query_one("#scope-marked", Choice).value
        full = self.query_one("#full", Tick).value
        notes = self.notes if self.query_one("#notes", Tick).value else None
        self.briefing = compose(self.brief, lang, prepared=prepared_date(), full=full,
                                point_ids=self.marked if marked_only else None, notes=notes, seeds=self.seeds,
                                dates=self.dates)
        self.query_one("#preview-text", Markdown).update(self.briefing.markdown)
        meter = self.query_one(PageMeter)
        meter.fill, meter.omitted = self.briefing.fill, len(self.briefing.omitted)
        self.confirm_replace = None
        self.query_one("#status", Static).update("")

    @on(RadioSet.Changed, "#language")
    def _language_changed(self) -> None:
        name = self.query_one("#filename", Input)
        if name.value == self._proposed("zh" if self.export_lang() == "en" else "en"):
            name.value = self._proposed(self.export_lang())  # the proposed name follows the language
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
        path = Path(raw).expanduser()
        replace = self.confirm_replace == path
        if path.exists() and not path.is_dir() and not replace:
            self.confirm_replace = path
            status.update(Content(t(lang, "{path} exists. Press Write again to replace it.", path=path)))
            return
        try:
            write_atomic(path, self.briefing.markdown, force=replace)
        except FileError as error:
            status.update(Content(error.message(lang)))
            return
        self.dismiss(path)
