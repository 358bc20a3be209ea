"""Help: every key, in the interface language, and what to know about the clipboard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from brief.i18n import N_, t
from brief.tui.screens import Dialog
from brief.tui.widgets.prose import Prose

#: (keys, description) in the order a newcomer needs them; descriptions are msgids. Key names are spelled out:
#: arrows are East Asian ambiguous and would break the column on some CJK terminals.
KEYS = (
    ("up down  j k", N_("move between topics or points")),
    ("g  G", N_("first / last")),
    ("enter", N_("open the topic; on a point, read its source passage")),
    ("right left", N_("unfold / fold the tree")),
    ("tab  shift+tab", N_("next / previous pane")),
    ("escape", N_("back to the tree")),
    ("l", N_("switch every text between Chinese and English")),
    ("/", N_("search all points, in both languages")),
    ("space", N_("mark the point for the brief")),
    ("M", N_("clear the marks of this agenda item (press it twice)")),
    ("c", N_("copy the point with its citation")),
    ("n", N_("your notes for this agenda item")),
    ("e", N_("export a one-page brief (Markdown)")),
    ("ctrl+p", N_("jump to any agenda item, topic or theme")),
    ("? F1", N_("this help")),
    ("q  ctrl+q", N_("quit")),
)


class HelpScreen(Dialog[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", N_("close"), id="help.close")]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="dialog"):
            yield Static(Content(t(lang, "Keys")), classes="title")
            for keys, description in KEYS:
                yield Prose(Content.assemble((f"{keys:<16}", "bold"), t(lang, description)), classes="key")
            yield Static(Content(t(lang, "Support levels")), classes="title")
            yield Prose(t(lang, "The meter shows how widely a view is held, in the chair's words: all, general, "
                                "most, many, some, or one view. Divergences list each side with its holders."))
            yield Static(Content(t(lang, "Clipboard")), classes="title")
            yield Prose(t(lang, "Copying uses your terminal's clipboard support (OSC 52). Some terminals ignore it, "
                                "or ask first; in tmux, enable set-clipboard."))
            yield Static(Content(t(lang, "Press escape to close.")), classes="hint")
