"""Search: type to find points in both languages; enter jumps to the chosen one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from brief.i18n import N_, t
from brief.model import Divergence
from brief.search import Hit, SearchIndex
from brief.tui.state import PointRef

LIMIT = 200


def hit_label(hit: Hit, lang: str) -> Content:
    point = hit.point
    text = point.issue[lang] if isinstance(point, Divergence) else point.text[lang]
    return Content.assemble((f"{hit.brief.agenda_item.short[lang]} | {hit.topic.title[lang]}\n", "dim"), text)


class SearchScreen(ModalScreen[PointRef | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("close"), id="search.close"),
        Binding("down", "results", N_("results"), show=False, id="search.results"),
    ]

    def __init__(self, index: SearchIndex, lang: str) -> None:
        super().__init__()
        self.index, self.lang = index, lang
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Input(placeholder=t(self.lang, "Search points in Chinese or English"), id="query")
            yield Static(id="count", markup=False)
            yield OptionList(id="results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._show([])

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show(self.index.search(event.value, limit=LIMIT) if event.value.strip() else [])

    def _show(self, hits: list[Hit]) -> None:
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_label(hit, self.lang), id=str(i)) for i, hit in enumerate(hits))
        if hits:
            results.highlighted = 0
        query = self.query_one(Input).value.strip()
        count = "" if not query else t(self.lang, "{count} points", count=len(hits)) if len(hits) < LIMIT else \
            t(self.lang, "the first {count} points", count=LIMIT)
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
