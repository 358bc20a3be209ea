"""The brief app: navigate the agenda items, compare positions, read the sources, mark points, export a brief.

The app owns the state (the corpus, the language, the marked points, the current view) and the user's settings;
widgets show it and report what the user does with messages; the app calls methods on the widgets in return.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Tree

from brief.cache import BriefCache
from brief.corpus import Corpus
from brief.i18n import N_, default_lang, t
from brief.labels import item_label
from brief.loader import default_seeds_dir, export_errors, load
from brief.memo import DateTexts
from brief.sources import SeedLibrary
from brief.tui.screens.main import MainScreen
from brief.tui.state import PointRef, View
from brief.tui.watch import FolderWatcher
from brief.tui.widgets.detail import DetailPane
from brief.tui.widgets.footer import LocalizedFooter
from brief.tui.widgets.navigator import Navigator
from brief.tui.widgets.source import SourcePane
from brief.tui.widgets.titlebar import LanguageSwitch, TitleBar
from brief.userdata import load_notes, load_settings, save_notes, save_settings

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.dom import DOMNode

    from brief.search import SearchIndex


_frozen = False


def freeze_imports() -> None:
    """Move everything alive so far out of the garbage collector's sight, once per process.

    At the first app's start that is what the imports made (Textual, Rich, brief's modules: tens of thousands of
    objects, alive as long as the process). Left in view, every full collection walks them all, and the one that
    falls during the start costs about 25 ms, a tenth of it. Once only, so that a process that makes many apps
    (the tests) does not freeze the garbage of the earlier ones.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def jump_provider() -> type[Provider]:
    """The command palette's provider, imported when the palette first opens."""
    from brief.tui.commands import JumpProvider

    return JumpProvider



class BriefApp(App[None]):
    TITLE = "brief"
    CSS_PATH = Path(__file__).with_name("brief.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {jump_provider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS = [
        Binding("ctrl+q", "quit", N_("quit"), priority=True, id="app.quit"),
        Binding("q", "leave", N_("quit"), show=False, id="app.quit-q"),
        Binding("l", "toggle_language", N_("language"), id="app.language"),
        Binding("slash", "search", N_("search"), key_display="/", id="app.search"),
        Binding("e", "export", N_("export"), id="app.export"),
        Binding("n", "notes", N_("notes"), id="app.notes"),
        Binding("question_mark,f1", "help", N_("help"), key_display="?", id="app.help"),
    ]

    lang = reactive("en")

    def __init__(self, briefs_dir: Path, seeds_dir: Path | None = None, lang: str | None = None,
                 watch_interval: float = 1.0) -> None:
        freeze_imports()
        super().__init__()
        self.briefs_dir = briefs_dir
        self.seeds_dir = seeds_dir or default_seeds_dir(briefs_dir)
        self.settings = load_settings()
        self.set_reactive(BriefApp.lang, lang or self.settings.get("lang") or default_lang())
        if self.settings.get("theme") in self.available_themes:
            self.theme = self.settings["theme"]
        self.cache = BriefCache()
        self.dates = DateTexts.beside(self.cache.folder)
        self.corpus: Corpus = load(briefs_dir, self.seeds_dir, cache=self.cache)
        self.seeds = SeedLibrary(self.seeds_dir)
        self.marks: set[PointRef] = set()
        self.current_view: View | None = None
        self._index: SearchIndex | None = None
        self.watcher = FolderWatcher([self.briefs_dir, self.seeds_dir], interval=watch_interval)

    # Layout ----------------------------------------------------------------------------------------------------

    def get_default_screen(self) -> MainScreen:
        return MainScreen(id="main-screen", classes="-navigating")  # the tree has the focus at first

    def compose(self) -> ComposeResult:
        yield TitleBar(id="titlebar").data_bind(BriefApp.lang)
        with Horizontal(id="main"):
            yield Navigator(id="navigator").data_bind(BriefApp.lang)
            yield DetailPane(id="detail", days=self.dates.days).data_bind(BriefApp.lang)
        yield SourcePane(self.seeds, id="source").data_bind(BriefApp.lang)
        yield LocalizedFooter(id="footer").data_bind(BriefApp.lang)

    def on_mount(self) -> None:
        first = View("item", Navigator.ordered(self.corpus)[0].id) if self.corpus.briefs else None
        navigator = self.query_one(Navigator)
        with navigator.prevent(Tree.NodeHighlighted):
            navigator.load(self.corpus, select=first or (View("problems") if self.corpus.problems else None))
        self.focus_pane(navigator)
        self.show_view(first)
        self.watcher.start(self, self.reload)
        if self.corpus.errors:
            self.notify(t(self.lang, "Some briefs have problems: see Problems in the tree."), severity="warning")

    def on_unmount(self) -> None:
        self.dates.save()

    #: Actions of the main screen only: in a dialog their keys are the dialog's, or do nothing.
    MAIN_SCREEN_ACTIONS = frozenset({"leave", "toggle_language", "search", "export", "notes", "help"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.MAIN_SCREEN_ACTIONS or isinstance(self.screen, MainScreen)

    def action_leave(self) -> None:
        """`q`: quit, from the main screen (ctrl+q quits from anywhere)."""
        self.exit()

    # Language and theme ----------------------------------------------------------------------------------------

    def watch_lang(self, lang: str) -> None:
        self._update_title()
        self._save_setting("lang", lang)

    def watch_theme(self, theme: str) -> None:
        self._save_setting("theme", theme)

    def _save_setting(self, key: str, value: str) -> None:
        if self.settings.get(key) != value:
            self.settings[key] = value
            try:
                save_settings(self.settings)
            except Exception:  # a read-only home must not stop the app  # noqa: BLE001
                pass

    def action_toggle_language(self) -> None:
        self.lang = "zh" if self.lang == "en" else "en"

    @on(LanguageSwitch.Toggled)
    def _language_clicked(self) -> None:
        self.action_toggle_language()

    # Views -----------------------------------------------------------------------------------------------------

    @on(Navigator.ViewChosen)
    def _view_chosen(self, event: Navigator.ViewChosen) -> None:
        if event.view != self.current_view:
            self.show_view(event.view)
        if event.opened:
            self.focus_pane(self.query_one(DetailPane))

    def show_view(self, view: View | None, focus: PointRef | None = None) -> None:
        self.current_view = view
        self._update_title()
        self.query_one(DetailPane).show(self.corpus, view, self.marks, focus)

    def _update_title(self) -> None:
        lang, view = self.lang, self.current_view
        title = ""
        if view is not None and view.brief_id and (brief := self.corpus.brief(view.brief_id)):
            title = item_label(brief, lang)
        elif view is not None and view.kind == "theme" and self.corpus.glossary:
            theme = self.corpus.glossary.theme(view.theme_id or "")
            title = theme.name[lang] if theme else ""
        self.query_one(TitleBar).set_title(title)

    def jump_to(self, view: View, focus: PointRef | None = None) -> None:
        """Show `view` (from the palette or a search result), selecting it in the tree too, and go to its
        points."""
        navigator = self.query_one(Navigator)
        with navigator.prevent(Tree.NodeHighlighted):
            navigator.load(self.corpus, select=view)
        self.show_view(view, focus)
        self.focus_pane(self.query_one(DetailPane))

    # Points ----------------------------------------------------------------------------------------------------

    @on(DetailPane.PointHighlighted)
    def _point_highlighted(self, event: DetailPane.PointHighlighted) -> None:
        entry = event.entry
        self.query_one(SourcePane).show(entry.brief if entry else None, entry.point if entry else None)

    @on(DetailPane.MarkToggled)
    def _mark_toggled(self, event: DetailPane.MarkToggled) -> None:
        self.marks ^= {event.ref}

    @on(DetailPane.CopyRequested)
    def _copy(self, event: DetailPane.CopyRequested) -> None:
        from brief.export.text import point_as_text

        self.copy_to_clipboard(point_as_text(event.entry.brief, event.entry.point, self.lang, self.seeds,
                                             self.dates))
        self.notify(t(self.lang, "Copied the point with its source (if your terminal allows clipboard access)."))

    @on(DetailPane.OpenRequested)
    def _open_passage(self, event: DetailPane.OpenRequested) -> None:
        from brief.tui.screens.passage import PassageScreen

        self.push_screen(PassageScreen(self.seeds, event.entry.brief, event.entry.point, self.lang))

    # Panes -----------------------------------------------------------------------------------------------------

    def _panes(self) -> list[Navigator | DetailPane | SourcePane]:
        return [self.query_one(Navigator), self.query_one(DetailPane), self.query_one(SourcePane)]

    def _pane_of_focus(self) -> int:
        panes = self._panes()
        node: DOMNode | None = self.focused
        while node is not None and node not in panes:
            node = node.parent
        return panes.index(node) if node is not None else -1

    def _focus_pane(self, index: int) -> None:
        """Focus pane `index` (wrapping), skipping the source pane where a short terminal hides it."""
        panes = self._panes()
        for step in range(3):
            pane = panes[(index + step) % 3]
            if isinstance(pane, DetailPane) or pane.display:
                self.focus_pane(pane)
                return

    def focus_pane(self, pane: Navigator | DetailPane | SourcePane) -> None:
        """Focus a pane. On a narrow terminal one pane shows at a time, the tree while it has the focus: the
        class that shows it is set first, because a hidden widget loses the focus."""
        self.screen_stack[0].set_class(isinstance(pane, Navigator), "-navigating")
        pane.focus()

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        """The focus moved some other way (a click): show the pane that has it."""
        if isinstance(event.widget.screen, MainScreen):
            event.widget.screen.set_class(isinstance(event.widget, Navigator), "-navigating")

    def action_focus_tree(self) -> None:
        self.focus_pane(self.query_one(Navigator))

    def action_next_pane(self) -> None:
        self._focus_pane(self._pane_of_focus() + 1)

    def action_previous_pane(self) -> None:
        self._focus_pane(self._pane_of_focus() - 1)

    # Screens ---------------------------------------------------------------------------------------------------

    def action_help(self) -> None:
        from brief.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.lang))

    def search_index(self) -> SearchIndex:
        from brief.search import SearchIndex

        if self._index is None:
            self._index = SearchIndex(self.corpus)
        return self._index

    def action_search(self) -> None:
        from brief.tui.screens.search import SearchScreen

        def chosen(ref: PointRef | None) -> None:
            if ref is not None:
                self.jump_to(View("item", ref.brief_id), focus=ref)

        self.push_screen(SearchScreen(self.search_index(), self.lang), chosen)

    def _current_brief_id(self) -> str | None:
        """The agenda item of the point the user is on (a theme gathers several), else of the view."""
        if (entry := self.query_one(DetailPane).current()) is not None:
            return entry.brief.id
        return self.current_view.brief_id if self.current_view is not None else None

    def action_notes(self) -> None:
        from brief.tui.screens.notes import NotesScreen

        brief_id = self._current_brief_id()
        if brief_id is None or (brief := self.corpus.brief(brief_id)) is None:
            self.notify(t(self.lang, "Choose an agenda item first."), severity="warning")
            return

        def saved(text: str | None) -> None:
            if text is not None:
                try:
                    save_notes(brief_id, text)
                except Exception as error:  # noqa: BLE001 - shown to the user, never a crash
                    self.notify(str(error), severity="error")
                else:
                    self.notify(t(self.lang, "Notes saved."))

        self.push_screen(NotesScreen(brief, load_notes(brief_id), self.lang), saved)

    def action_export(self) -> None:
        from brief.tui.screens.export import ExportScreen

        brief_id = self._current_brief_id()
        if brief_id is None or (brief := self.corpus.brief(brief_id)) is None:
            self.notify(t(self.lang, "Choose an agenda item first."), severity="warning")
            return
        if export_errors(self.corpus, brief_id):  # as `brief export` refuses: a briefing must not cite wrongly
            self.notify(t(self.lang, "This brief has errors: see Problems in the tree, fix them, then export."),
                        severity="error")
            return
        marked = [p.id for _, p in brief.points() if PointRef(brief.id, p.id) in self.marks]

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(t(self.lang, "Wrote {path}", path=path.resolve()))

        self.push_screen(ExportScreen(brief, marked, load_notes(brief.id), self.seeds, self.lang,
                                      dates=self.dates), written)

    # Live reload -----------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="reload")
    def reload(self) -> None:
        corpus = load(self.briefs_dir, self.seeds_dir, cache=self.cache)
        self.call_from_thread(self._apply_corpus, corpus)

    def _apply_corpus(self, corpus: Corpus) -> None:
        detail = self.query_one(DetailPane)
        focused = entry.ref if (entry := detail.current()) is not None else None
        self.corpus = corpus
        self.seeds = SeedLibrary(self.seeds_dir)
        self.query_one(SourcePane).seeds = self.seeds
        self._index = None
        view = self.current_view
        if view is not None and view.brief_id and corpus.brief(view.brief_id) is None:
            view = None
        navigator = self.query_one(Navigator)
        with navigator.prevent(Tree.NodeHighlighted):
            navigator.load(corpus, select=view or View("problems"))
        self.show_view(view, focus=focused)
        if self.focused is None:
            self.focus_pane(navigator)
        count = len(corpus.problems)
        message = t(self.lang, "Briefs reloaded.")
        if count:
            message = t(self.lang, "Briefs reloaded: {count} problem(s), see Problems.", count=count)
        self.notify(message, severity="warning" if corpus.errors else "information")
