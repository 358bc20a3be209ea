"""Command palette (ctrl+p): jump to any agenda item, topic or theme by typing part of its name, or run one of the
app's commands; Textual's own commands, and the palette itself, in the interface language.

Text from the briefs is shown as `Content` made from plain strings, never read as markup: a title such as
`[@click=app.quit]x[/]` shows as written and does nothing.
"""

from __future__ import annotations

from asyncio import create_task, wait
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import App, SystemCommand
from textual.command import CommandInput, CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets import Input

from brief.i18n import N_, t
from brief.labels import item_label
from brief.tui.screens import StyledOnce
from brief.tui.screens.main import MainScreen
from brief.tui.state import View

if TYPE_CHECKING:
    from brief.tui.app import BriefApp

#: The app's own commands: (name, what it does, the main screen's action). The key-points view is listed once the
#: main screen has that action.
APP_COMMANDS = (
    (N_("Search"), N_("search themes and points, in every language; enter goes to the one chosen"), "search"),
    (N_("Export"), N_("export a one-page brief: Markdown, Word or plain text"), "export"),
    (N_("Notes"), N_("your notes for this agenda item (\"Our line\" in the brief)"), "notes"),
    (N_("Key points"), N_("only the points the one-page note holds"), "key_points"),
    (N_("Switch language"), N_("switch every text, content and interface, to the next language"), "toggle_language"),
    (N_("Help"), N_("every key, and what the levels of support mean"), "help"),
)
#: Textual's own commands and the palette's texts, as Textual writes them (looked up by their English text).
TEXTUAL_TEXTS = (
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Show help for the focused widget and a summary of available keys"),
    N_("Hide the keys and widget help panel"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
#: Textual's texts we say otherwise: its "theme" is the app's colours, and a theme here is a subject across documents.
RENAMED = {
    "Theme": N_("Colours"),
    "Change the current theme": N_("Change the app's colour scheme"),
}


class Palette(CommandPalette, StyledOnce[None]):
    """Textual's palette, made once a language and shown again on each ctrl+p, not styled twice as it opens
    (once as it is made, again as it is shown). Made anew, it cost each open its widgets, their styles and a
    restyle of the whole palette as its list first showed.

    Shown again, it starts as Textual starts a new one (`CommandPalette._on_mount`): new providers for the screen
    it opens over (what they list may have changed), an empty query, nothing chosen; as it closes,
    its providers end as Textual ends them when a palette goes, and its list is emptied, so that no earlier
    query's hits show as it opens. This uses the private attributes of Textual's palette: tests/test_palette.py
    checks the result on the pinned Textual, and CI on the newest release when it differs."""

    _shown = False

    @on(events.ScreenResume)
    def _start_again(self) -> None:
        if not self._shown:  # the first time: Textual's own mount starts it
            self._shown = True
            return
        self.app.post_message(CommandPalette.Opened())
        self._calling_screen = self.app.screen_stack[-2]
        match_style = self.get_visual_style("command-palette--highlight", partial=True)
        self._providers = [provider(self._calling_screen, match_style) for provider in self._provider_classes]
        for provider in self._providers:
            provider._post_init()
        self._selected_command = None
        self._hit_count = 0
        field = self.query_one(CommandInput)
        with self.prevent(Input.Changed):
            field.value = ""
        self._gather_commands("")

    @on(events.ScreenSuspend)
    async def _end(self) -> None:
        self._cancel_gather_commands()
        self._stop_no_matches_countdown()
        self._stop_busy_countdown()
        self.query_one(CommandList).clear_options()
        providers, self._providers = self._providers, []
        if providers:
            await wait([create_task(provider._shutdown()) for provider in providers])


class TranslatedCommands(App[None]):
    """The palette in the interface language (`lang`, the app's): its placeholder, the app's commands, and
    Textual's own commands (theme, keys, screenshot, quit…)."""

    lang: str
    #: The palette's places to jump to, for the corpus and language they were made for (`JumpProvider`).
    jump_targets: tuple[object, str, list[tuple[str, View]]] | None = None

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):  # as CommandPalette.is_open
            name = f"--command-palette-{self.lang}"  # one a language (its placeholder, its commands' names)
            if not self.is_screen_installed(name):
                self.install_screen(Palette(id=name, placeholder=t(self.lang, "Search for commands…")), name)
            self.push_screen(name)

    def search_themes(self) -> None:
        self.push_screen(Palette(providers=[ThemeProvider], placeholder=t(self.lang, "Search for colour schemes…")))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        lang = self.lang
        if isinstance(screen, MainScreen):  # they act on the main screen, not on a dialog
            for name, description, action in APP_COMMANDS:
                if (method := getattr(screen, f"action_{action}", None)) is not None:
                    yield SystemCommand(t(lang, name), t(lang, description), method)
        for command in super().get_system_commands(screen):
            yield command._replace(title=t(lang, RENAMED.get(command.title, command.title)),
                                   help=t(lang, RENAMED.get(command.help, command.help)))


def highlight(matcher: Matcher, label: str) -> Content:
    """`label` as plain text, with the characters the query matched in the matcher's style."""
    content = Content(label)
    for offset in matcher.fuzzy_search.match(matcher.query, label)[1]:
        if not label[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


#: What the palette lists before anything is typed: the agenda items, then the themes, then the topics, at most this
#: many (typing searches them all). Thousands of options would take the palette a second to open.
DISCOVERY_LIMIT = 60


class JumpProvider(Provider):
    @property
    def brief_app(self) -> BriefApp:
        return cast("BriefApp", self.app)

    def _targets(self) -> list[tuple[str, View]]:
        """Every place to jump to, in the interface language: items, themes, topics. Made once per corpus and
        language (the palette asks on each key)."""
        app = self.brief_app
        lang, corpus = app.lang, app.corpus
        known = app.jump_targets
        if known is not None and known[0] is corpus and known[1] == lang:
            return known[2]
        items: list[tuple[str, View]] = []
        topics: list[tuple[str, View]] = []
        for brief in corpus.briefs:
            item = item_label(brief, lang)
            items.append((f"{item} | {brief.document.cite(lang)}", View("item", brief.id)))
            topics.extend((f"{item} > {topic.title[lang]}", View("topic", brief.id, topic.id))
                          for topic in brief.topics)
        themes = [(t(lang, "Theme: {name}", name=theme.name[lang]), View("theme", theme_id=theme.id))
                  for theme in corpus.themes()]
        targets = [*items, *themes, *topics]
        app.jump_targets = (corpus, lang, targets)
        return targets

    async def discover(self) -> Hits:
        for label, view in self._targets()[:DISCOVERY_LIMIT]:
            yield DiscoveryHit(Content(label), partial(self.brief_app.jump_to, view), text=label)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, view in self._targets():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlight(matcher, label), partial(self.brief_app.jump_to, view), text=label)
