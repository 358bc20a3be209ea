"""Search: type to find points in both languages; enter jumps to the chosen one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from brief.i18n import N_, t
from brief.model import Placed, PointRef
from brief.search import Results, SearchIndex, occurrences
from brief.tui.screens import Dialog

LIMIT = 200


def hit_label(hit: Placed, lang: str, query: str = "", match: Style | str = "bold") -> Content:
    """A result: where the point is (dim), then its text with every occurrence of the query's terms in `match`
    style (a term found only in the other language's text leaves this one plain), then a blank line that sets
    it apart from the next."""
    point = hit.point
    text = point.headline(lang)
    body = Content(text)
    for start, end in occurrences(text, query):
        body = body.stylize(match, start, end)
    return Content.assemble((f"{hit.brief.agenda_item.short[lang]} | {hit.topic.title[lang]}\n", "dim"), body, "\n")


class SearchScreen(Dialog[PointRef | None]):
    COMPONENT_CLASSES = {"search--match"}
    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("close"), id="search.close"),
        Binding("down", "results", N_("results"), show=False, id="search.results"),
    ]

    def __init__(self, index: SearchIndex, lang: str) -> None:
        super().__init__()
        self.index, self.lang = index, lang
        self.hits: list[Placed] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # Compact: no borders, whose block characters some CJK terminals draw two cells wide.
            yield Input(placeholder=t(self.lang, "Search points in Chinese or English"), id="query", compact=True)
            yield Static(id="count", markup=False)
            yield OptionList(id="results", compact=True)
        yield self.footer(self.lang)


    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._show(Results([], 0))

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show(self.index.search(event.value, limit=LIMIT))

    def _show(self, results: Results) -> None:
        self.hits = results.hits
        options = self.query_one(OptionList)
        options.clear_options()
        query, match = self.query_one(Input).value, self.get_visual_style("search--match", partial=True)
        options.add_options(Option(hit_label(hit, self.lang, query, match), id=str(i))
                            for i, hit in enumerate(self.hits))
        if self.hits:
            options.highlighted = 0
        if not self.query_one(Input).value.strip():
            count = ""
        elif results.total > len(self.hits):
            count = t(self.lang, "{count} points; the first {shown} are listed", count=results.total,
                      shown=len(self.hits))
        else:
            count = t(self.lang, "{count} points", count=results.total)
        self.query_one("#count", Static).update(Content(count))

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        results = self.query_one(OptionList)
        if self.hits:
            self._choose(results.highlighted or 0)

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        hit = self.hits[index]
        self.dismiss(PointRef(hit.brief.id, hit.point.id))

    def action_results(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()
