"""Notes: the user's own line for an agenda item, kept between runs and printed in the brief as "Our line"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from brief.i18n import N_, t
from brief.model import Brief
from brief.tui.screens import Dialog


class NotesScreen(Dialog[str | None]):
    """Returns the edited text (closing saves; nothing typed is ever thrown away)."""

    BINDINGS = [
        Binding("escape", "close", N_("save and close"), id="notes.close"),
        Binding("ctrl+s", "close", N_("save"), show=False, id="notes.save"),
    ]

    def __init__(self, brief: Brief, text: str, lang: str) -> None:
        super().__init__()
        self.brief, self.text, self.lang = brief, text, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="dialog"):
            yield Static(Content(t(lang, "Our line on {short}", short=self.brief.agenda_item.short[lang])),
                         classes="title")
            yield TextArea(self.text, id="notes-text", soft_wrap=True, show_line_numbers=False, compact=True)
            yield Static(Content(t(lang, "Escape saves and closes. These notes go into the exported brief.")),
                         classes="hint")
        yield self.footer(self.lang)


    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_close(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
