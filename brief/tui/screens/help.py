"""Help: every key (from the bindings, as the user's keymap sets them), in the interface language, and what to
know about levels of support and the clipboard."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from brief.i18n import N_, format_list, support_label, t
from brief.model import SUPPORT_LEVELS
from brief.tui.keys import key_rows
from brief.tui.screens import Dialog
from brief.tui.widgets.prose import Hanging, Prose


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", N_("close"), id="help.close")]

    def __init__(self, lang: str, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.lang, self.keymap = lang, keymap

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="dialog"):
            for title, keys in key_rows(lang, self.keymap):  # a widget for each section, not for each key
                yield Static(Content(title), classes="title")
                yield Hanging([(Content.styled(f"{names:<16}", "bold"), Content(description))
                               for names, description in keys], classes="key")
            yield Static(Content(t(lang, "Support levels")), classes="title")
            # The levels by the names the points give them, so that help and the page always agree.
            levels = format_list([support_label(level, lang) for level in SUPPORT_LEVELS], lang)
            yield Prose(t(lang, "The meter shows how widely a view is held, in the chair's words, from the widest "
                                "to the narrowest: {levels}. Divergences list each side with its holders.",
                          levels=levels))
            yield Static(Content(t(lang, "Clipboard")), classes="title")
            yield Prose(t(lang, "Copying uses your terminal's clipboard support (OSC 52). Some terminals ignore it, "
                                "or ask first; in tmux, enable set-clipboard."))
            yield Static(Content(t(lang, "Press escape to close.")), classes="hint")
        yield self.footer(self.lang)

    def on_screen_resume(self) -> None:
        self.query_one("#dialog", VerticalScroll).scroll_home(animate=False)  # shown again: from the top
