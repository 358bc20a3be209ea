"""MainScreen: the panes (tree, page, source), the keys that act on them, and what the user does with a point.

The screen owns its keys: bindings on a screen are inactive while a dialog is over it, so no key of the main
screen fires under a dialog. Widgets report what the user does with messages; the screen answers with method
calls on them. The app keeps what outlives the screen: the corpus, the language, the marks, the settings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import Tree

from brief.corpus import Corpus
from brief.i18n import N_, t, tn
from brief.labels import item_label
from brief.model import Brief, PointRef
from brief.tui.screens import StyledOnce, breakpoints, search_box
from brief.tui.state import View
from brief.tui.widgets.detail import DetailPane
from brief.tui.widgets.footer import LocalizedFooter
from brief.tui.widgets.navigator import Navigator
from brief.tui.widgets.source import SourcePane
from brief.tui.widgets.titlebar import LanguageSwitch, TitleBar

if TYPE_CHECKING:
    from brief.tui.app import BriefApp

Pane = Navigator | DetailPane | SourcePane
#: The side-by-side view of a theme needs two columns of text beside the tree.
COMPARE_WIDTH = 150

#: How long a first M waits for the second that clears an item's marks.
CLEAR_MARKS_SECONDS = 5.0


class MainScreen(StyledOnce[None]):
    """Tab moves pane by pane (tree, points, source) rather than widget by widget, escape goes back to the tree;
    on a narrow terminal one pane shows at a time (the tree while it has the focus)."""

    AUTO_FOCUS = ""  # none: the screen focuses the tree itself (None would mean the app's default, "*")

    BINDINGS = [
        Binding("q", "quit", N_("quit"), show=False, id="main.quit"),
        Binding("l", "toggle_language", N_("language"), id="main.language",
                tooltip=N_("switch every text, content and interface, to the next language")),
        Binding("slash", "search", N_("search"), key_display="/", id="main.search",
                tooltip=N_("search themes and points, in every language; enter goes to the one chosen")),
        Binding("e", "export", N_("export"), id="main.export",
                tooltip=N_("export a one-page brief: Markdown, Word or plain text")),
        Binding("n", "notes", N_("notes"), id="main.notes",
                tooltip=N_("your notes for this agenda item (\"Our line\" in the brief)")),
        Binding("M", "clear_marks", N_("clear marks"), show=False, id="main.clear-marks",
                tooltip=N_("clear the marks of this agenda item (press it twice)")),
        Binding("question_mark,f1", "help", N_("help"), key_display="?", id="main.help", tooltip=N_("this help")),
        Binding("tab", "next_pane", N_("next pane"), show=False, id="main.next-pane"),
        Binding("shift+tab", "previous_pane", N_("previous pane"), show=False, id="main.previous-pane"),
        Binding("escape", "focus_tree", N_("back to the tree"), show=False, id="main.tree"),
        Binding("d", "next_pair", N_("documents"), show=False, id="main.next-pair",
                tooltip=N_("on a theme side by side: compare the next two documents")),
    ]

    lang = reactive("en")

    def __init__(self, corpus: Corpus, view: View | None) -> None:
        # The tree has the focus at first. The size's breakpoint classes are given now, as Textual would give
        # them at the first resize: added then, they would restyle the whole screen once more before it is drawn.
        super().__init__(id="main-screen", classes=" ".join(("-navigating", *breakpoints(self.app))))
        self._pair = 0  # which two documents the side-by-side view of a theme compares
        self.corpus = corpus
        self.current_view = view
        self._laid_out_at: Size | None = None
        self._clearing: tuple[str, int, float] | None = None  # M pressed once: the item, its marks, when

    @property
    def brief_app(self) -> BriefApp:
        return cast("BriefApp", self.app)

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    @property
    def compare(self) -> DetailPane:
        """The side-by-side view's second column (shown only for a theme on a wide terminal), once made."""
        return self.query_one("#compare", DetailPane)

    def _second_column(self) -> DetailPane:
        """The second column, made the first time a theme is shown side by side: most sessions never show it, and
        mounting and styling it with the other panes cost the start a twentieth of its time."""
        for pane in self.query("#compare").results(DetailPane):
            return pane
        app = self.brief_app
        pane = DetailPane(app.marks, id="compare", days=app.dates.days)
        pane.set_reactive(DetailPane.lang, self.lang)  # and kept in step by `watch_lang`
        self.query_one("#main", Horizontal).mount(pane)
        return pane

    def compose(self) -> ComposeResult:
        app = self.brief_app
        yield TitleBar(id="titlebar").data_bind(MainScreen.lang)
        with Horizontal(id="main"):
            yield Navigator(id="navigator").data_bind(MainScreen.lang)
            yield DetailPane(app.marks, id="detail", days=app.dates.days, one_page=self._one_page).data_bind(
                MainScreen.lang)
            # A theme across documents on a wide terminal shows a second document beside the first, in a pane
            # made when first needed (`_second_column`).
        yield SourcePane(app.seeds, id="source").data_bind(MainScreen.lang)
        yield LocalizedFooter(id="footer").data_bind(MainScreen.lang)

    def _one_page(self, brief: Brief) -> tuple[str, ...]:
        """The points the one-page note of `brief` holds (the export's own plan, in every language)."""
        from brief.export import plan, prepared_date

        app = self.brief_app
        try:
            prepared = prepared_date()
        except ValueError:
            prepared = dt.date.today()
        return plan(brief, prepared=prepared, seeds=app.seeds, dates=app.dates).included

    def on_mount(self) -> None:
        navigator = self.query_one(Navigator)
        with navigator.prevent(Tree.NodeHighlighted):
            navigator.load(self.corpus, select=self.current_view or (View("problems") if self.corpus.problems
                                                                      else None))
        self.focus_pane(navigator)
        self.show_view(self.current_view)

    def on_resize(self, event: events.Resize) -> None:
        """Lay out again only for a new size. At the start Textual sends the screen the terminal's size up to
        three times (from the app's first resize, from the driver's, and from the first layout); each would
        redo the whole layout and the breakpoint classes for nothing, before the first screen."""
        if event.size == self._laid_out_at:
            event.prevent_default()  # Screen's own handler, which lays out, is not called
        elif self._laid_out_at is not None and (event.size.width >= COMPARE_WIDTH) != (
                self._laid_out_at.width >= COMPARE_WIDTH):
            self.call_after_refresh(self.show_view, self.current_view)  # side by side, or one after the other
        self.call_after_refresh(self._navigating, isinstance(self.focused, Navigator))  # the breakpoint moved
        self._laid_out_at = event.size

    def watch_lang(self) -> None:
        for pane in self.query("#compare").results(DetailPane):
            pane.lang = self.lang
        if self.is_mounted:
            self._update_title()

    # Views -----------------------------------------------------------------------------------------------------

    @on(Navigator.ViewChosen)
    def _view_chosen(self, event: Navigator.ViewChosen) -> None:
        if event.view != self.current_view:
            self.show_view(event.view)
        if event.opened:
            self.focus_pane(self.detail)

    def show_view(self, view: View | None, focus: PointRef | None = None) -> None:
        if view != self.current_view:
            self._pair = 0
        self.current_view = view
        self._update_title()
        pair = self._compared(view)
        self.set_class(pair is not None, "-compare")
        self.detail.column = ((pair[0],), True) if pair else (None, True)
        self.detail.show(self.corpus, view, focus)
        if pair is not None:
            second = self._second_column()
            second.column = ((pair[1],), False)
            second.show(self.corpus, view)

    def _compared(self, view: View | None) -> tuple[str, str] | None:
        """The two documents the side-by-side view shows for `view`, if it shows them: a theme that two or more
        documents have, on a terminal wide enough for two columns of text beside the tree."""
        if view is None or view.kind != "theme" or self.size.width < COMPARE_WIDTH:
            return None
        from brief.themes import theme_groups

        ids = [group.brief.id for group in theme_groups(self.corpus, view.theme_id or "")]
        pairs = [(ids[0], ids[-1]), *zip(ids, ids[1:], strict=False)] if len(ids) > 1 else []
        pairs = list(dict.fromkeys(pairs))
        return pairs[self._pair % len(pairs)] if pairs else None

    def action_next_pair(self) -> None:
        """On a theme side by side: the next two documents (first and last, then each with the next)."""
        if "-compare" in self.classes:
            self._pair += 1
            self.show_view(self.current_view)

    def _update_title(self) -> None:
        lang, view, corpus = self.lang, self.current_view, self.corpus
        title = ""
        if view is not None and view.brief_id and (brief := corpus.brief(view.brief_id)):
            title = item_label(brief, lang)
        elif view is not None and view.kind == "theme" and corpus.glossary:
            theme = corpus.glossary.theme(view.theme_id or "")
            title = theme.name[lang] if theme else ""
        self.query_one(TitleBar).set_title(title)

    def jump_to(self, view: View, focus: PointRef | None = None) -> None:
        """Show `view` (from the palette or a search result), selecting it in the tree too, and go to its
        points."""
        navigator = self.query_one(Navigator)
        with navigator.prevent(Tree.NodeHighlighted):
            navigator.load(self.corpus, select=view)
        self.show_view(view, focus)
        self.focus_pane(self.detail)

    def apply_corpus(self, corpus: Corpus) -> None:
        """The briefs were loaded again: show the same page, on the same point, where they still exist."""
        detail = self.detail
        focused = entry.ref if (entry := detail.current()) is not None else None
        self.corpus = corpus
        self.query_one(SourcePane).seeds = self.brief_app.seeds
        view = self.current_view
        if view is not None and view.brief_id and corpus.brief(view.brief_id) is None:
            view = None
        navigator = self.query_one(Navigator)
        with navigator.prevent(Tree.NodeHighlighted):
            navigator.load(corpus, select=view or View("problems"))
        self.show_view(view, focus=focused)
        if self.focused is None:
            self.focus_pane(navigator)

    # Points ----------------------------------------------------------------------------------------------------

    @on(DetailPane.PointHighlighted)
    def _point_highlighted(self, event: DetailPane.PointHighlighted) -> None:
        entry = event.entry
        self.query_one(SourcePane).show(entry.brief if entry else None, entry.point if entry else None)

    @on(DetailPane.MarkToggled)
    def _mark_toggled(self, event: DetailPane.MarkToggled) -> None:
        self.brief_app.marks.toggle(event.ref)
        self.detail.refresh_point(event.ref)

    @on(DetailPane.CopyRequested)
    def _copy(self, event: DetailPane.CopyRequested) -> None:
        from brief.export.text import point_as_text

        app = self.brief_app
        app.copy_to_clipboard(point_as_text(event.entry.brief, event.entry.point, self.lang, app.seeds, app.dates))
        self.notify(t(self.lang, "Copied the point with its source (if your terminal allows clipboard access)."))

    @on(DetailPane.OpenRequested)
    def _open_passage(self, event: DetailPane.OpenRequested) -> None:
        from brief.tui.screens.passage import PassageScreen

        self.app.push_screen(PassageScreen(self.brief_app.seeds, event.entry.brief, event.entry.point, self.lang))

    # Panes -----------------------------------------------------------------------------------------------------

    def _panes(self) -> list[Pane]:
        middle = [self.detail, self.compare] if "-compare" in self.classes else [self.detail]
        return [self.query_one(Navigator), *middle, self.query_one(SourcePane)]

    def _pane_of_focus(self) -> int:
        panes = self._panes()
        node = self.focused
        while node is not None and node not in panes:
            node = node.parent  # type: ignore[assignment]
        return panes.index(node) if node is not None else -1

    def _focus_pane(self, index: int) -> None:
        """Focus pane `index` (wrapping), skipping the source pane where a short terminal hides it."""
        panes = self._panes()
        for step in range(len(panes)):
            pane = panes[(index + step) % len(panes)]
            if isinstance(pane, DetailPane) or pane.display:
                self.focus_pane(pane)
                return

    def focus_pane(self, pane: Pane) -> None:
        """Focus a pane. On a narrow terminal one pane shows at a time, the tree while it has the focus: the
        class that shows it is set first, because a hidden widget loses the focus."""
        self._navigating(isinstance(pane, Navigator))
        pane.focus()

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        """The focus moved some other way (a click): show the pane that has it."""
        self._navigating(isinstance(event.widget, Navigator))

    def _navigating(self, in_tree: bool) -> None:
        """Mark whether the tree has the focus; on a narrow terminal that shows the tree or the page. Only there:
        a class on the screen restyles every widget, a cost every key paid for nothing at other widths."""
        if self.has_class("-narrow"):
            self.set_class(in_tree, "-navigating")

    def action_focus_tree(self) -> None:
        self.focus_pane(self.query_one(Navigator))

    def action_next_pane(self) -> None:
        self._focus_pane(self._pane_of_focus() + 1)

    def action_previous_pane(self) -> None:
        self._focus_pane(self._pane_of_focus() - 1)

    # What the keys open ----------------------------------------------------------------------------------------

    def action_quit(self) -> None:
        self.app.exit()

    def action_toggle_language(self) -> None:
        self.brief_app.cycle_language()

    @on(LanguageSwitch.Toggled)
    def _language_clicked(self) -> None:
        self.action_toggle_language()

    def action_help(self) -> None:
        from brief.tui.screens.help import HelpScreen

        name = f"help-{self.lang}"  # made once per language, then shown again as it is: no compose, no styling
        if not self.app.is_screen_installed(name):
            self.app.install_screen(HelpScreen(self.lang), name)
        self.app.push_screen(name)

    def action_search(self) -> None:
        from brief.tui.screens.search import SearchScreen

        def chosen(ref: PointRef | None) -> None:
            if ref is not None:
                self.jump_to(View("item", ref.brief_id), focus=ref)

        # Made once per language and index, then shown again with the last query selected (typing replaces it):
        # no compose and no styling on each `/`. A reload gives a new index, and a new box.
        index, name = self.brief_app.search_index(), search_box(self.lang)
        if self.app.is_screen_installed(name):
            if cast("SearchScreen", self.app.get_screen(name)).index is not index:
                self.brief_app.forget_screen(name)
        if not self.app.is_screen_installed(name):
            self.app.install_screen(SearchScreen(index, self.lang), name)
        self.app.push_screen(name, chosen)

    def current_brief_id(self) -> str | None:
        """The agenda item of the point the user is on (a theme gathers several), else of the view."""
        if (entry := self.detail.current()) is not None:
            return entry.brief.id
        return self.current_view.brief_id if self.current_view is not None else None

    def action_notes(self) -> None:
        from brief.tui.screens.notes import open_notes

        open_notes(self)

    def action_clear_marks(self) -> None:
        """Clear the marks of the agenda item when M is pressed twice within a few seconds (marks are the user's
        work: one stray key must not lose them)."""
        import time

        brief_id = self.current_brief_id()
        if brief_id is None or (brief := self.corpus.brief(brief_id)) is None:
            self.notify(t(self.lang, "Choose an agenda item first."), severity="warning")
            return
        marks = self.brief_app.marks
        count = len(marks.of_brief(brief))
        label = item_label(brief, self.lang)
        if not count:
            self._clearing = None
            self.notify(t(self.lang, "No point of {item} is marked.", item=label), markup=False)
        elif not ((pending := self._clearing) and pending[:2] == (brief_id, count)
                  and time.monotonic() <= pending[2]):
            self._clearing = (brief_id, count, time.monotonic() + CLEAR_MARKS_SECONDS)
            self.notify(tn(self.lang, "Press M again to clear the {n} mark of {item}.",
                           "Press M again to clear the {n} marks of {item}.", count, item=label),
                        severity="warning", markup=False)
        else:
            self._clearing = None
            detail = self.detail
            for ref in marks.clear(brief):
                detail.refresh_point(ref)
            self.notify(tn(self.lang, "Cleared the {n} mark of {item}.", "Cleared the {n} marks of {item}.", count,
                           item=label), markup=False)

    def action_export(self) -> None:
        from brief.tui.screens.export import open_export

        open_export(self)

    def after_export(self, path: Path | None) -> None:
        """The export dialog closed, having written `path` (None: cancelled)."""
        if path is not None:
            self.brief_app.remember("export_folder", str(path.parent))  # the next export proposes the same folder
            self.notify(t(self.lang, "Wrote {path}", path=path.resolve()))
