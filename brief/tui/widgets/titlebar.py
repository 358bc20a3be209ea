"""The title bar: the app's name, what is shown, and the language switch."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from brief.languages import LANGUAGES
from brief.safe import visible


class LanguageSwitch(Widget):
    """Each language's own name, `English  中文`, the current one highlighted; a click switches to the next."""

    COMPONENT_CLASSES = {"language--current", "language--other"}

    lang = reactive("en")

    class Toggled(Message):
        pass

    def render(self) -> Content:
        current = self.get_visual_style("language--current")
        other = self.get_visual_style("language--other")
        names = [(f" {spec.switch} ", current if code == self.lang else other) for code, spec in LANGUAGES.items()]
        return Content(" ").join(Content.assemble(name) for name in names)

    def on_click(self) -> None:
        self.post_message(self.Toggled())


class TitleBar(Horizontal):
    lang = reactive("en")

    def compose(self) -> ComposeResult:
        yield Static("brief", id="app-name")
        yield Static(id="view-title", markup=False)
        yield LanguageSwitch().data_bind(TitleBar.lang)

    def set_title(self, title: str) -> None:
        self.query_one("#view-title", Static).update(Content(visible(title)))
