"""Notes: the user's own line for an agenda item in one language, kept between runs and printed in the brief of
that language as "Our line".

The dialog saves the notes itself (`brief.userdata`) and closes only once they are saved, so that nothing typed
is lost to a failed save: the text stays on screen with the reason. A notes file that cannot be read is never
replaced: the dialog says why and offers to read it or to keep it aside. A save that finds the file changed
since it was opened (another window of brief) asks whose notes to keep.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from brief.files import FileError
from brief.i18n import N_, language_in, t
from brief.model import Brief
from brief.tui.screens import Dialog
from brief.userdata import Notes, NotesConflict, keep_notes_aside, load_notes, save_notes

if TYPE_CHECKING:
    from brief.tui.screens.main import MainScreen

#: The buttons the states offer (each shows those it offers), by id, with their labels (msgids).
CHOICES = {
    "read": N_("Read it"),
    "aside": N_("Keep it aside, start afresh"),
    "keep-mine": N_("Keep mine"),
    "take-theirs": N_("Take theirs"),
    "cancel": N_("Cancel"),
    "discard": N_("Close without saving"),
    "close": N_("Close"),
}


class NotesScreen(Dialog[Notes | None]):
    """Returns the notes as saved, or None when nothing was saved."""

    BINDINGS = [
        Binding("escape", "close", N_("save and close"), id="notes.close"),
        Binding("ctrl+s", "save", N_("save"), show=False, id="notes.save"),
    ]

    def __init__(self, brief: Brief, notes: Notes, lang: str) -> None:
        super().__init__()
        self.brief, self.notes, self.lang = brief, notes, lang
        self.saved: Notes | None = None
        #: "edit"; "damaged" (the file cannot be read: nothing may be saved over it); "read" (shown read-only);
        #: "conflict" (asking whose notes to keep).
        self.mode = "damaged" if notes.problem is not None else "edit"

    def compose(self) -> ComposeResult:
        lang, notes = self.lang, self.notes
        with Vertical(id="dialog"):
            yield Static(self._title(), classes="title")
            yield Static(id="notes-state", classes="note", markup=False)
            yield TextArea(notes.text, id="notes-text", soft_wrap=True, show_line_numbers=False, compact=True)
            yield Static(id="status", markup=False)
            with Horizontal(id="notes-choices"):
                for choice, label in CHOICES.items():
                    yield Button(t(lang, label), id=f"notes-{choice}", compact=True)
            yield Static(id="notes-hint", classes="hint", markup=False)
        yield self.footer(self.lang)

    def _title(self) -> Content:
        return Content(t(self.lang, "Our line on {short}, in {language}", short=self.brief.agenda_item.short[self.lang],
                         language=language_in(self.notes.lang, self.lang)))

    def on_mount(self) -> None:
        self._start()

    def reopen(self, brief: Brief, notes: Notes) -> None:
        """Shown again, for `brief` (the main screen keeps one dialog a language: composing and styling it is most
        of an open): as a new dialog starts, with these notes, nothing of the last one's text, state or undo."""
        self.brief, self.notes, self.saved = brief, notes, None
        self.mode = "damaged" if notes.problem is not None else "edit"
        self.query_one(".title", Static).update(self._title())
        self._say("")
        self.editor.load_text(notes.text)
        self._start()

    def _start(self) -> None:
        self.editor.move_cursor(self.editor.document.end)  # to go on writing where the notes end
        self._show_state()

    @property
    def editor(self) -> TextArea:
        return self.query_one("#notes-text", TextArea)

    def _say(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def _offer(self, *choices: str) -> None:
        """Show the buttons of `choices` (in the order of CHOICES), and no other."""
        row = self.query_one("#notes-choices", Horizontal)
        for choice in CHOICES:
            row.query_one(f"#notes-{choice}", Button).display = choice in choices
        row.display = bool(choices)

    def _show_state(self) -> None:
        lang, notes, state = self.lang, self.notes, self.query_one("#notes-state", Static)
        editor = self.editor
        self.query_one("#notes-hint", Static).update(
            t(lang, "Escape saves and closes. These notes go into the exported brief in {language}.",
              language=language_in(notes.lang, lang)) if self.mode == "edit" else t(lang, "Escape closes."))
        editor.read_only = self.mode != "edit"
        editor.display = self.mode != "damaged"
        state.display = True
        if self.mode == "damaged" and notes.problem is not None:
            state.update(t(lang, "Your notes cannot be opened: {problem}. brief does not replace the file: read it, "
                                 "or keep it aside and start afresh.", problem=notes.problem.message(lang)))
            self._offer(*(["read"] if notes.readable is not None else []), "aside", "close")
        elif self.mode == "read":
            state.update(t(lang, "Read only: {path} as far as it can be read as text; nothing is saved.",
                           path=notes.damaged))
            self._offer("aside", "close")
        elif notes.earlier is not None:
            state.update(t(lang, "These notes come from an earlier version of brief, for every language; saved, they "
                                 "become the notes in {language}, and {path} is kept as it is.",
                           language=language_in(notes.lang, lang), path=notes.earlier))
            self._offer()
        else:
            state.display = False
            self._offer()
        if self.mode == "edit":
            editor.focus()

    # Saving ----------------------------------------------------------------------------------------------------

    def _save(self, *, replace_theirs: bool = False) -> bool:
        """Save what is typed; on a failure, say why and keep it on screen."""
        try:
            saved = save_notes(self.notes, self.editor.text, replace_theirs=replace_theirs)
        except NotesConflict:
            self.mode = "conflict"
            self.editor.read_only = True
            self._say(t(self.lang, "These notes were changed in another window of brief since you opened them: "
                                   "keep yours, or take theirs?"))
            self._offer("keep-mine", "take-theirs", "cancel")
            self.query_one("#notes-keep-mine", Button).focus()
            return False
        except FileError as problem:
            self._say(t(self.lang, "Not saved: {problem}. Your text is still here.",
                        problem=problem.message(self.lang)))
            self._offer("discard")
            return False
        if saved is not self.notes:
            self.saved = saved
        self.notes = saved
        return True

    def action_save(self) -> None:
        if self.mode == "edit" and self._save():
            self._say(t(self.lang, "Notes saved."))
            self._show_state()

    def action_close(self) -> None:
        if self.mode == "conflict":
            self._back_to_editing()
        elif self.mode != "edit" or self._save():
            self.dismiss(self.saved)

    def _back_to_editing(self) -> None:
        self.mode = "edit"
        self._say("")
        self._show_state()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("notes-")
        if choice == "read":
            self.mode = "read"
            self.editor.load_text(self.notes.readable or "")
            self._show_state()
        elif choice == "aside":
            self._keep_aside()
        elif choice == "keep-mine":
            self.mode = "edit"
            if self._save(replace_theirs=True):
                self.dismiss(self.saved)
        elif choice == "take-theirs":
            self._reopen()
            self._say(t(self.lang, "Their notes are shown; yours were not saved."))
        elif choice == "cancel":
            self._back_to_editing()
        elif choice in ("discard", "close"):
            self.dismiss(self.saved)

    def _keep_aside(self) -> None:
        try:
            kept = keep_notes_aside(self.notes)
        except FileError as problem:
            self._say(problem.message(self.lang))
            return
        self._reopen()
        self._say(t(self.lang, "The file that could not be read is kept as {path}.", path=kept))

    def _reopen(self) -> None:
        """Open the notes afresh from the disk."""
        self.notes = load_notes(self.notes.brief_id, self.notes.lang)
        self.mode = "damaged" if self.notes.problem is not None else "edit"
        self.editor.load_text(self.notes.text)
        self._show_state()


def open_notes(main: MainScreen) -> None:
    """`n`: the notes of the agenda item the user is on, in the interface's language; the dialog saves them
    itself. Made once per language, then opened again on each agenda item's notes (`NotesScreen.reopen`)."""
    brief_id = main.current_brief_id()
    if brief_id is None or (brief := main.corpus.brief(brief_id)) is None:
        main.notify(t(main.lang, "Choose an agenda item first."), severity="warning")
        return

    def closed(saved: Notes | None) -> None:
        if saved is not None:
            main.notify(t(main.lang, "Notes saved."))

    app, name, notes = main.app, f"notes-{main.lang}", load_notes(brief_id, main.lang)
    if app.is_screen_installed(name):
        cast("NotesScreen", app.get_screen(name)).reopen(brief, notes)
    else:
        app.install_screen(NotesScreen(brief, notes, main.lang), name)
    app.push_screen(name, closed)
