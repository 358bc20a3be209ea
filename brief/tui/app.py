"""The brief app: what outlives a screen — the corpus and its live reload, the language, the marks, the user's
settings — and the command palette (`brief.tui.commands`). The main screen (`brief.tui.screens.main`) owns the
panes and their keys.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from brief.cache import BriefCache
from brief.corpus import Corpus
from brief.files import FileError
from brief.i18n import N_, default_lang, t, tn
from brief.languages import LANGUAGES
from brief.loader import default_seeds_dir, load
from brief.memo import DateTexts
from brief.safe import visible
from brief.sources import SeedLibrary
from brief.tui.collector import IdleCollector
from brief.tui.commands import JumpProvider, TranslatedCommands
from brief.tui.screens import search_box
from brief.tui.screens.main import MainScreen
from brief.tui.state import Marks, View
from brief.tui.watch import FolderWatcher
from brief.tui.widgets.navigator import Navigator
from brief.userdata import load_settings, save_settings

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.notifications import SeverityLevel

    from brief.search import SearchIndex


#: Seconds between two looks at whether a full garbage collection is due (`IdleCollector.tick`).
COLLECT_EVERY = 0.5


class BriefApp(TranslatedCommands):
    TITLE = "brief"
    CSS_PATH = Path(__file__).with_name("brief.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {JumpProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS = [
        Binding("ctrl+p", "command_palette", N_("commands"), show=False, id="app.palette",
                tooltip=N_("jump to any agenda item, topic or theme, or run a command")),
        Binding("ctrl+q", "quit", N_("quit"), priority=True, id="app.quit"),
    ]

    lang = reactive("en")

    #: Whether to move what a load made out of the garbage collector's sight (`brief` sets it; a test that runs
    #: many apps in one process does not, or each app's leftovers would stay for good).
    freeze_after_load = False

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for the platform, but for Linux and macOS brief's, which answers escape on time."""
        from textual.drivers.linux_driver import LinuxDriver

        chosen = super().get_driver_class()
        if chosen is LinuxDriver:
            from brief.tui.driver import PromptDriver

            return PromptDriver
        return chosen

    def __init__(self, briefs_dir: Path, seeds_dir: Path | None = None, lang: str | None = None,
                 watch_interval: float = 1.0) -> None:
        super().__init__()
        self.briefs_dir = briefs_dir
        self.seeds_dir = seeds_dir or default_seeds_dir(briefs_dir)
        self.settings = load_settings()
        self._settings_unsaved = False  # a save failed this run (said once)
        chosen = lang if lang in LANGUAGES else None
        self.set_reactive(BriefApp.lang, chosen or self.settings.lang() or default_lang())
        if (theme := self.settings.text("theme")) in self.available_themes:
            self.theme = theme
        self.cache = BriefCache()
        self.dates = DateTexts.beside(self.cache.folder)
        self.corpus: Corpus = load(briefs_dir, self.seeds_dir, cache=self.cache)
        self.seeds = SeedLibrary(self.seeds_dir)
        self.marks = Marks(report=self._marks_problem, points_of=self._point_ids)
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self.watcher = FolderWatcher([self.briefs_dir, self.seeds_dir], interval=watch_interval)
        self.collector = IdleCollector()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def get_default_screen(self) -> MainScreen:
        first = View("item", Navigator.ordered(self.corpus)[0].id) if self.corpus.briefs else None
        screen = MainScreen(self.corpus, first)
        screen.set_reactive(MainScreen.lang, self.lang)
        return screen

    def on_mount(self) -> None:
        self.watcher.start(self, self.reload)
        # Full garbage collections when the user waits for nothing (`brief.tui.collector`), not inside a key.
        self.collector.start()
        self.set_interval(COLLECT_EVERY, self.collector.tick, name="idle collector")
        if self.corpus.errors:
            self.notify(t(self.lang, "Some briefs have problems: see Problems in the tree."), severity="warning")
        if (problem := self.settings.problem) is not None:
            found, kept = problem.message(self.lang), self.settings.kept_as
            if kept is not None:
                message = t(self.lang, "Your settings were ignored: {problem}; the file is kept as {kept}.",
                            problem=found, kept=kept.name)
            else:
                message = t(self.lang, "Your settings were ignored: {problem}; they are not saved until you move the "
                                       "file away.", problem=found)
            self.notify(message, severity="warning", markup=False)

    def on_ready(self) -> None:
        """The first screen is drawn: the search index is built from now on, not in the way of the start."""
        self._index_soon()

    def on_unmount(self) -> None:
        self.collector.stop()
        self.dates.save()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):  # a key, a click, a scroll: not the moment for a full collection
            self.collector.input_seen()
        await super().on_event(event)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notice, from any widget, shows its text as it is: a file name or a title from a brief is data,
        never markup (`[link=…]`, `[@click=…]`) nor a control sequence (`brief.safe.visible`). No notice of
        brief's uses markup."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    # Language and theme ----------------------------------------------------------------------------------------

    def cycle_language(self) -> None:
        """Every visible string, content and interface, in the next language of the registry."""
        codes = list(LANGUAGES)
        self.lang = codes[(codes.index(self.lang) + 1) % len(codes)] if self.lang in codes else codes[0]

    def watch_lang(self, lang: str) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.lang = lang
        self._save_setting("lang", lang)

    def watch_theme(self, theme: str) -> None:
        self._save_setting("theme", theme)

    def remember(self, key: str, value: str) -> None:
        """Keep a choice of the user's for the next run (the export folder, say)."""
        self._save_setting(key, value)

    def export_folder(self) -> Path:
        """Where an export goes: the folder of the last one, else the user's documents folder, else the working
        folder (a machine without a documents folder)."""
        from brief.locations import documents_dir

        for folder in (self.settings.text("export_folder"), documents_dir(), Path.cwd()):
            if folder and Path(folder).is_dir():
                return Path(folder)
        return Path.cwd()

    def _save_setting(self, key: str, value: str) -> None:
        if self.settings.values.get(key) == value:
            return
        self.settings.values[key] = value
        if not self.settings.writable:  # the file that could not be read is still there: never written over
            return
        try:
            save_settings(self.settings)
        except FileError as problem:  # a read-only home must not stop the app; said once a run
            if not self._settings_unsaved:
                self._settings_unsaved = True
                self.notify(t(self.lang, "Your settings could not be saved: {problem}",
                              problem=problem.message(self.lang)), severity="warning", markup=False)

    # The user's files ------------------------------------------------------------------------------------------

    def _marks_problem(self, problem: FileError, kept: Path | None) -> None:
        """A marks file could not be read (and is `kept` aside) or written: say so, in one line."""
        message = problem.message(self.lang)
        if kept is not None:
            message = t(self.lang, "{problem}; the file is kept as {kept}, and the marks of this item start afresh",
                        problem=message, kept=kept.name)
        self.notify(message, severity="error", markup=False)

    def _point_ids(self, brief_id: str) -> set[str] | None:
        brief = self.corpus.brief(brief_id)
        return {point.id for _, point in brief.points()} if brief is not None else None

    # The corpus ------------------------------------------------------------------------------------------------

    def search_index(self) -> SearchIndex:
        """The index of the corpus shown: built in the background after a load (`_index_soon`), or here when `/`
        comes first."""
        from brief.search import SearchIndex

        with self._index_lock:
            if self._index is None or self._index.corpus is not self.corpus:
                self._index = None  # the old index (and the old corpus it holds) freed before the new is built
                self._index = SearchIndex(self.corpus)
            return self._index

    @work(thread=True, exclusive=True, group="index")
    def _index_soon(self) -> None:
        import gc

        self.search_index()
        if self.freeze_after_load:
            # The corpus and its index live until the next load: out of the collector's sight, the full
            # collections that fall while the user types do not walk them.
            gc.freeze()

    def forget_screen(self, name: str) -> None:
        """Uninstall a kept screen and end it: uninstalled only, a screen that was shown keeps running, and
        keeps what it holds (a search box, the index and the corpus it was made for)."""
        screen = self.get_screen(name)
        self.uninstall_screen(name)
        screen.remove()

    def jump_to(self, view: View) -> None:
        """Show `view` on the main screen (the command palette's choice)."""
        self.main.jump_to(view)

    @work(thread=True, exclusive=True, group="reload")
    def reload(self) -> None:
        corpus = load(self.briefs_dir, self.seeds_dir, cache=self.cache)
        self.call_from_thread(self._apply_corpus, corpus)

    def _apply_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus
        # The old corpus's index, and the search boxes kept for it (one a language): freed now, not when the new
        # index is built or `/` is next pressed in that language (a box open during the reload goes at its next `/`).
        self._index = None
        for name in map(search_box, LANGUAGES):
            if self.is_screen_installed(name) and self.get_screen(name) not in self.screen_stack:
                self.forget_screen(name)
        self.seeds = SeedLibrary(self.seeds_dir)
        self.main.apply_corpus(corpus)
        self._index_soon()
        count = len(corpus.problems)
        message = t(self.lang, "Briefs reloaded.")
        if count:
            message = tn(self.lang, "Briefs reloaded: {n} problem, see Problems.",
                         "Briefs reloaded: {n} problems, see Problems.", count)
        self.notify(message, severity="warning" if corpus.errors else "information")
