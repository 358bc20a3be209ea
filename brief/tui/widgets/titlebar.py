"""The title bar: the app's name, what is shown, and the language switch."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from brief.i18n import language_name


class LanguageSwitch(Widget):
    """`EN  中文` with the current language highlighted; a click switches."""

    COMPONENT_CLASSES = {"language--current", "language--other"}

    lang = reactive("en")

    class Toggled(Message):
        pass

    def render(self) -> Content:
        current = self.get_visual_style("language--current")
        other = self.get_visual_style("language--other")
        return Content.assemble(
            (" EN ", current if self.lang == "en" else other), " ", (f" {language_name('zh')} ",
                                                                      current if self.lang == "zh" else other))

    def on_click(self) -> None:
        self.post_message(self.Toggled())


class TitleBar(Horizontal):
    lang = reactive("en")

    def compose(self) -> ComposeResult:
        yield Static("brief", id="app-name")
        yield Static(id="view-title", markup=False)
        yield LanguageSwitch().data_bind(TitleBar.lang)

    def set_title(self, title: str) -> None:
        self.query_one("#view-title", Static).update(Content(title))
