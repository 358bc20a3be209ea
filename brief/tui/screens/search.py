"""Search: type to find themes and points in both languages; enter goes to the chosen one.

A keystroke shows the first screenful of results (as far as a few steps of the search find them); the rest are
found between keystrokes, a step at a time, while the count is made, and listed as the user scrolls or moves
down. Results are wrapped by brief's own line breaker (`LinesVisual`), like the points of the page.
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from brief.corpus import Theme
from brief.i18n import N_, t, tn
from brief.languages import LANGUAGES
from brief.model import PointRef
from brief.search import Hit, Results, SearchIndex, occurrences
from brief.tui.screens import Dialog
from brief.tui.state import View
from brief.tui.widgets.point import LinesVisual
from brief.tui.widgets.prose import wrap_content
from brief.tui.widgets.steady import Steady

if TYPE_CHECKING:
    from brief.tui.app import BriefApp

#: Steps of the search (`brief.search.STEP` candidates each) a keystroke may take before the screen is drawn.
FIRST_STEPS = 8
#: How long a step between keystrokes may run before the screen is drawn again, in seconds.
IDLE_SLICE = 0.008


def highlighted(text: str, query: str, match: Style | str) -> Content:
    """`text` with every occurrence of the query's terms in `match` style."""
    content = Content(text)
    for start, end in occurrences(text, query):
        content = content.stylize(match, start, end)
    return content


def result_lines(hit: Hit, lang: str, query: str, match: Style | str, theme_points: int, width: int) -> list[Content]:
    """A result as lines of `width` cells: where it is (dim), then its text with the query's terms in `match`
    style (a term found only in the other language's text leaves this one plain), then a blank line. A theme is
    named in every language, so that a name found in either shows where it matched."""
    if isinstance(hit, Theme):
        where = t(lang, "Theme · {points}", points=tn(lang, "{n} point", "{n} points", theme_points))
        names = [hit.name[lang], *(hit.name[code] for code in LANGUAGES if code != lang)]
        body = Content(" · ").join(highlighted(name, query, match) for name in names)
    else:
        where = f"{hit.brief.agenda_item.short[lang]} | {hit.topic.title[lang]}"
        body = highlighted(hit.point.headline(lang), query, match)
    return [*wrap_content(Content.styled(where, "dim"), width), *wrap_content(body, width), Content("")]


def count_text(results: Results, lang: str) -> str:
    """"2 themes, 31 points" as the count is made: "31 points found so far…"."""
    points = tn(lang, "{n} point", "{n} points", results.points)
    if not results.complete:
        return tn(lang, "{n} point found so far…", "{n} points found so far…", results.points)
    if results.themes:
        return t(lang, "{themes}, {points}", themes=tn(lang, "{n} theme", "{n} themes", len(results.themes)),
                 points=points)
    return points


class ResultList(Steady, OptionList):
    """The results: an OptionList that a layout of the dialog leaves alone when its size did not change."""


class SearchScreen(Dialog[PointRef | None]):
    COMPONENT_CLASSES = {"search--match"}
    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("close"), id="search.close"),
        Binding("down", "results", N_("results"), show=False, id="search.results"),
    ]

    def __init__(self, index: SearchIndex, lang: str) -> None:
        super().__init__()
        self.index, self.lang = index, lang
        self.results = index.search("")
        self.hits: list[Hit] = []  # those listed so far
        self._wanted = 0  # how many the list should hold: a screenful, and one more each time the user nears its end
        self._searching: Results | None = None  # the results being found between keystrokes

    @property
    def brief_app(self) -> BriefApp:
        return cast("BriefApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # Compact: no borders, whose block characters some CJK terminals draw two cells wide.
            yield Input(placeholder=t(self.lang, "Search themes and points in Chinese or English"), id="query",
                        compact=True)
            yield Static(id="count", markup=False)
            yield ResultList(id="results", compact=True)
        yield self.footer(self.lang)


    def on_mount(self) -> None:
        self.watch(self.query_one(OptionList), "scroll_y", self._scrolled, init=False)

    def on_screen_resume(self) -> None:
        """Opened, or opened again: in the box, the last query selected, so that typing replaces it."""
        query = self.query_one(Input)
        query.focus()
        query.select_all()
        self._search_later()

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        results = self.index.search(event.value)
        if results.matches is self.results.matches and results.themes == self.results.themes:
            return  # the same terms (a space typed, say): the same results, highlighted alike
        self.results = results
        self.hits = []
        self.query_one(OptionList).clear_options()
        self._wanted = self._screenful()
        self._list(steps=FIRST_STEPS)
        self._show_count()
        self._search_later()

    def _screenful(self) -> int:
        """Enough results to fill the list (each takes three lines at least; before the first layout, the
        terminal's height is the list's bound)."""
        return (self.query_one(OptionList).size.height or self.app.size.height) // 3 + 1

    def _list(self, steps: int | None = None) -> None:
        """List results up to the number wanted, as far as `steps` steps of the search find them."""
        new = self.results.hits(len(self.hits), self._wanted, steps)
        if not new:
            return
        options = self.query_one(OptionList)
        query, match = self.query_one(Input).value, self.get_visual_style("search--match", partial=True)
        counts = self.index.points_per_theme
        options.add_options(
            Option(LinesVisual(partial(result_lines, hit, self.lang, query, match,
                                       counts.get(hit.id, 0) if isinstance(hit, Theme) else 0)))
            for hit in new)
        if not self.hits:
            options.highlighted = 0
        self.hits += new

    def _search_later(self) -> None:
        if not self.results.complete and self._searching is not self.results:
            self._searching = self.results
            self.call_after_refresh(self._search_on, self.results)

    def _search_on(self, results: Results) -> None:
        """Between keystrokes: list the results wanted, then count the rest, a slice of time at a time."""
        if results is not self.results:
            return  # the query changed
        if not self.is_current:  # the box closed: the count goes on when it opens again
            self._searching = None
            return
        end = time.perf_counter() + IDLE_SLICE
        while True:  # a step at least, then as many as the slice holds
            if len(self.hits) < self._wanted:
                self._list(steps=1)
            else:
                results.count()
            if results.complete or time.perf_counter() >= end:
                break
        self._show_count()
        if results.complete:
            self._searching = None
        else:
            self.call_after_refresh(self._search_on, results)

    def _show_count(self) -> None:
        text = count_text(self.results, self.lang) if self.query_one(Input).value.strip() else ""
        self.query_one("#count", Static).update(Content(text), layout=False)  # one line, always: no layout

    def _more(self) -> None:
        """The user nears the end of the list: list another screenful."""
        if len(self.hits) >= self._wanted - 2:
            self._wanted = len(self.hits) + self._screenful()
            self._list(steps=FIRST_STEPS)
            self._search_later()

    @on(OptionList.OptionHighlighted, "#results")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.hits) - 2 and event.control.has_focus:
            self._more()

    def _scrolled(self, scroll_y: float) -> None:
        options = self.query_one(OptionList)
        if scroll_y and scroll_y + 2 * options.size.height >= options.virtual_size.height:
            self._more()

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        if self.hits:
            self._choose(self.query_one(OptionList).highlighted or 0)

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        hit = self.hits[index]
        if isinstance(hit, Theme):
            # The main screen's answer to a search is a point; a theme is shown as the palette shows one.
            self.dismiss(None)
            self.brief_app.jump_to(View("theme", theme_id=hit.id))
        else:
            self.dismiss(PointRef(hit.brief.id, hit.point.id))

    def action_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()
