"""Export: choose the language, the format and the points, see what will be written, choose the folder and the
name, and write it safely. At 40x15 the choices scroll and the folder, the name and the buttons stay in view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, Static

from brief.corpus import Corpus
from brief.export import (
    FORMATS,
    DateError,
    Page,
    default_filename,
    plan,
    prepared_date,
    render,
    theme_filename,
    theme_plan,
)
from brief.files import FileError, reason, write_atomic
from brief.i18n import N_, language_in, t
from brief.languages import LANGUAGES
from brief.loader import export_errors
from brief.memo import DateTexts
from brief.model import Brief, PointRef
from brief.sources import SeedLibrary
from brief.tui.screens import Dialog
from brief.tui.widgets.pagemeter import PageMeter
from brief.tui.widgets.preview import Preview
from brief.tui.widgets.toggles import Choice, Tick

if TYPE_CHECKING:
    from brief.tui.screens.main import MainScreen


class ThemeNote(NamedTuple):
    """What a note on a theme is made from: the corpus and the theme."""

    corpus: Corpus
    theme_id: str


class ExportScreen(Dialog[Path | None]):
    """Returns the path written, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("cancel"), id="export.cancel"),
        Binding("ctrl+s", "write", N_("write"), id="export.write"),
    ]

    def __init__(self, brief: Brief | ThemeNote, marked: list[str], notes: Mapping[str, str], seeds: SeedLibrary,
                 lang: str,
                 folder: Path | None = None, dates: DateTexts | None = None) -> None:
        super().__init__()
        self.brief, self.marked, self.seeds, self.lang = brief, marked, seeds, lang
        self.notes = {code: text for code, text in notes.items() if text.strip()}  # "Our line", by language
        self.dates = dates or DateTexts()
        self.folder = folder or Path.cwd()
        self.briefing: Page | None = None
        self.markdown = ""  # the briefing in the chosen language, as the Markdown file would hold it
        self.confirm_replace: Path | None = None
        self._proposal = (lang, "md")  # the language and format of the file name proposed

    def compose(self) -> ComposeResult:
        lang, has_notes = self.lang, bool(self.notes)
        with Vertical(id="dialog"):
            yield Static(Content(self._title(lang)),
                         classes="title")
            with VerticalScroll(id="choices"):
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
                        yield Choice(t(lang, "Whole agenda item"), value=not self.marked, id="scope-item",
                                     compact=True)
                        yield Choice(t(lang, "Marked ({count})", count=len(self.marked)), value=bool(self.marked),
                                     id="scope-marked", disabled=not self.marked, compact=True)
                    yield Tick(self._notes_label(has_notes), value=has_notes, id="notes", disabled=not has_notes,
                               compact=True)
            yield PageMeter(id="meter")
            with VerticalScroll(id="preview"):
                yield Preview(id="preview-text")
            with Horizontal(classes="path-row"):
                yield Static(Content(t(lang, "Folder")), classes="label")
                yield Input(str(self.folder), id="folder", compact=True)
            with Horizontal(classes="path-row", id="write-row"):
                yield Input(id="filename", placeholder=t(lang, "file name"), compact=True)
                yield Button(t(lang, "Write"), id="write", variant="primary", compact=True)
                yield Button(t(lang, "Cancel"), id="cancel", compact=True)
            yield Static(id="status", markup=False)
        yield self.footer(lang)

    def on_mount(self) -> None:
        self.query_one(PageMeter).lang = self.lang
        self.query_one("#filename", Input).value = self._proposed(*self._proposal)
        for radios in self.query(RadioSet):  # the keyboard's place starts on the chosen button, not the first
            radios._selected = radios.pressed_index if radios.pressed_index >= 0 else radios._selected
        self.refresh_preview()
        self.query_one("#language", RadioSet).focus()

    def reopen(self, brief: Brief, marked: list[str], notes: Mapping[str, str], seeds: SeedLibrary, folder: Path,
               dates: DateTexts) -> None:
        """Shown again, for `brief` (the main screen keeps one dialog a language: making thirty widgets and
        styling them is most of an open): every choice as a new dialog makes it, the preview drawn again."""
        self.brief, self.marked, self.seeds, self.folder, self.dates = brief, marked, seeds, folder, dates
        self.notes = {code: text for code, text in notes.items() if text.strip()}
        self.confirm_replace, self._proposal = None, (self.lang, "md")
        lang, has_notes = self.lang, bool(self.notes)
        # The choices are set as the dialog's own defaults, not as the user's: no handler answers each one.
        with self.prevent(RadioSet.Changed, Tick.Changed, Input.Changed):
            self.query_one(".title", Static).update(Content(self._title(lang)))
            scope = self.query_one("#scope-marked", Choice)
            scope.label, scope.disabled = t(lang, "Marked ({count})", count=len(marked)), not marked
            chosen = {f"lang-{lang}", "format-md", "scope-marked" if marked else "scope-item"}
            for choice in self.query(Choice):  # each set, so that the values hold before the radio sets answer
                choice.value = choice.id in chosen
            self.query_one("#full", Tick).value = False
            notes_tick = self.query_one("#notes", Tick)
            notes_tick.label = self._notes_label(has_notes)
            notes_tick.value, notes_tick.disabled = has_notes, not has_notes
            self.query_one("#folder", Input).value = str(folder)
            self.query_one("#filename", Input).value = self._proposed(*self._proposal)
            self.query_one("#status", Static).update("")
        self.refresh_preview()  # before the dialog is shown: never the last brief's page
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        """After the choices' own messages: the keyboard's place on each chosen button, and the focus."""
        for radios in self.query(RadioSet):
            radios._selected = radios.pressed_index if radios.pressed_index >= 0 else radios._selected
        self.query_one("#language", RadioSet).focus()

    def _notes_label(self, has_notes: bool) -> str:
        return t(self.lang, "Include my notes") if has_notes else t(self.lang, "Include my notes (none yet: n "
                                                                               "writes them)")

    def _proposed(self, lang: str, format_name: str) -> str:
        if isinstance(self.brief, ThemeNote):
            return theme_filename(self.brief.theme_id, lang, format_name)
        return default_filename(self.brief, lang, format_name)

    def _title(self, lang: str) -> str:
        if isinstance(self.brief, ThemeNote):
            theme = self.brief.corpus.glossary.theme(self.brief.theme_id) if self.brief.corpus.glossary else None
            return t(lang, "Export a note on a theme: {name}", name=theme.name[lang] if theme else self.brief.theme_id)
        return t(lang, "Export a brief: {short}", short=self.brief.agenda_item.short[lang])

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
        if isinstance(self.brief, ThemeNote):  # a theme across documents: the marked points are "brief/point"
            refs = [PointRef(*ref.split("/", 1)) for ref in self.marked] if marked_only else None
            self.briefing = theme_plan(self.brief.corpus, self.brief.theme_id, prepared=prepared, full=full,
                                       refs=refs, seeds=self.seeds, dates=self.dates)
        else:
            self.briefing = plan(self.brief, prepared=prepared, full=full,
                                 point_ids=self.marked if marked_only else None, notes=notes, seeds=self.seeds,
                                 dates=self.dates)
        self.markdown = render(self.briefing, lang, "md").decode("utf-8")
        self.query_one(Preview).show(self.briefing, lang)
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

    @on(Input.Changed)
    def _path_changed(self) -> None:
        self.confirm_replace = None

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def target(self) -> Path:
        """The file to write: the name, in the folder unless the name gives its own. Raises FileError."""
        folder = self.query_one("#folder", Input).value.strip() or "."
        name = self.query_one("#filename", Input).value.strip()
        try:
            return (Path(folder).expanduser() / Path(name).expanduser()).absolute()
        except RuntimeError:  # `~nosuchuser`
            raise FileError(N_("{path}: no such user's home folder: write the folder out"),
                            path=f"{folder}/{name}") from None

    @on(Button.Pressed, "#write")
    @on(Input.Submitted)
    def action_write(self) -> None:
        lang, status = self.lang, self.query_one("#status", Static)
        if not self.query_one("#filename", Input).value.strip() or self.briefing is None:
            status.update(Content(t(lang, "Give a file name.")))
            return
        try:
            path = self.target()
            replace = self.confirm_replace == path
            if path.is_file() and not replace:
                self.confirm_replace = path
                status.update(Content(t(lang, "{path} exists. Press Write again to replace it.", path=path)))
                return
            write_atomic(path, render(self.briefing, self.export_lang(), self.export_format()), force=replace)
        except FileError as error:
            status.update(Content(error.message(lang)))
            return
        except OSError as error:  # the name itself is refused (too long, say) before any file is opened
            status.update(Content(t(lang, "cannot use {path} ({reason}): choose another name",
                                    path=self.query_one("#filename", Input).value, reason=t(lang, reason(error)))))
            return
        self.dismiss(path)


# Opening it from the main screen ------------------------------------------------------------------------------


def open_export(main: MainScreen) -> None:
    """`e`: the export of the agenda item the user is on, or of the theme shown. The dialog of an agenda item is
    made once a language and shown again for each brief (`ExportScreen.reopen`)."""
    from brief.userdata import load_notes

    app, lang, corpus = main.brief_app, main.lang, main.corpus
    view = main.current_view
    if view is not None and view.kind == "theme" and view.theme_id:
        _open_theme_export(main, view.theme_id)
        return
    brief_id = main.current_brief_id()
    if brief_id is None or (brief := corpus.brief(brief_id)) is None:
        main.notify(t(lang, "Choose an agenda item first."), severity="warning")
        return
    if export_errors(corpus, brief_id):  # as `brief export` refuses: a briefing must not cite wrongly
        main.notify(t(lang, "This brief has errors: see Problems in the tree, fix them, then export."),
                    severity="error")
        return
    notes: dict[str, str] = {}
    for code in LANGUAGES:  # the export's language is chosen in the dialog: the notes of each
        found = load_notes(brief.id, code)
        notes[code] = found.text
        if found.problem is not None:
            main.notify(t(lang, "Your notes in {language} are left out: {problem}", language=language_in(code, lang),
                          problem=found.problem.message(lang)), severity="warning", markup=False)
    name, marked = f"export-{lang}", app.marks.of_brief(brief)
    if app.is_screen_installed(name):
        cast("ExportScreen", app.get_screen(name)).reopen(brief, marked, notes, app.seeds, app.export_folder(),
                                                         app.dates)
    else:
        app.install_screen(ExportScreen(brief, marked, notes, app.seeds, lang, folder=app.export_folder(),
                                        dates=app.dates), name)
    app.push_screen(name, main.after_export)


def _open_theme_export(main: MainScreen, theme_id: str) -> None:
    """`e` on a theme: a one-page note on the theme across documents (refused while any brief has errors, as
    `brief export --theme` refuses: a document left out would be missing without a word)."""
    app, lang, corpus = main.brief_app, main.lang, main.corpus
    if corpus.errors:
        main.notify(t(lang, "The briefs have errors: see Problems in the tree; a note on a theme draws on every "
                            "brief."), severity="error")
        return
    marked = [f"{placed.brief.id}/{placed.point.id}" for placed in corpus.by_theme(theme_id) if placed.ref in app.marks]
    app.push_screen(ExportScreen(ThemeNote(corpus, theme_id), marked, {}, app.seeds, lang, folder=app.export_folder(),
                                 dates=app.dates), main.after_export)

