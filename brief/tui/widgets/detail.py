"""DetailPane: the page for the current view — an agenda item, a topic, a theme, or the problems found."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from brief.i18n import N_, describe, format_days, t
from brief.model import Consensus, Corpus, Divergence, Proposal
from brief.tui.state import PointRef, View
from brief.tui.widgets.point import PointCard
from brief.tui.widgets.prose import Prose

SECTIONS = ((Consensus, N_("Consensus")), (Divergence, N_("Divergences")), (Proposal, N_("Proposals")))


class SectionHeading(Static):
    """A section title inside the detail pane, such as "Consensus (6)"."""


class DetailPane(VerticalScroll):
    """Lists the points of the current view; moves the focus from point to point and marks them. The pane
    itself takes the focus only when its page has no points (the problems, an empty view), to scroll it."""

    BINDINGS = [
        Binding("down,j", "move(1)", N_("next point"), show=False, id="point.next"),
        Binding("up,k", "move(-1)", N_("previous point"), show=False, id="point.previous"),
        Binding("g,home", "edge(0)", N_("first point"), show=False, id="point.first"),
        Binding("G,end", "edge(-1)", N_("last point"), show=False, id="point.last"),
        Binding("space", "toggle_mark", N_("mark"), id="point.mark"),
        Binding("c", "copy", N_("copy"), id="point.copy"),
        Binding("enter", "open", N_("source"), id="point.open"),
    ]

    lang = reactive("en")

    class MarkToggled(Message):
        def __init__(self, ref: PointRef) -> None:
            super().__init__()
            self.ref = ref

    class CopyRequested(Message):
        def __init__(self, card: PointCard) -> None:
            super().__init__()
            self.card = card

    class OpenRequested(Message):
        def __init__(self, card: PointCard) -> None:
            super().__init__()
            self.card = card

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = Corpus()
        self.view: View | None = None
        self.marks: set[PointRef] = set()
        self.last_ref: PointRef | None = None  # the point focused last, to come back to

    # Building the page ------------------------------------------------------------------------------------------

    async def show(self, corpus: Corpus, view: View | None, marks: set[PointRef], focus: PointRef | None = None) -> None:
        """Rebuild the page for `view`; focus the card of `focus` if it is on the page."""
        self.corpus, self.view, self.marks = corpus, view, marks
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(self._page())
        self.scroll_home(animate=False)
        if focus is not None:
            self.focus_point(focus)

    def _page(self) -> list:
        lang, view, corpus = self.lang, self.view, self.corpus
        if view is None:
            return [Prose(t(lang, "Choose an agenda item on the left."), classes="empty")]
        if view.kind == "problems":
            return self._problems()
        if view.kind == "theme":
            theme = corpus.glossary.theme(view.theme_id) if corpus.glossary and view.theme_id else None
            found = corpus.by_theme(view.theme_id or "")
            widgets: list = [Static(Content(theme.name[lang] if theme else view.theme_id or ""), classes="title"),
                             Static(Content(t(lang, "{count} points across the documents", count=len(found))),
                                    classes="meta")]
            for brief, topic, point in found:
                context = f"{brief.document.cite(lang)} | {topic.title[lang]}"
                widgets.append(self._card(brief, topic, point, context))
            return widgets
        brief = corpus.brief(view.brief_id or "")
        if brief is None:
            return [Prose(t(lang, "This agenda item is no longer in the briefs."), classes="empty")]
        topics = [tp for tp in brief.topics if view.kind == "item" or tp.id == view.topic_id]
        item = brief.agenda_item
        widgets = [
            Static(Content(t(lang, "Agenda item {number}: {short}", number=item.number, short=item.short[lang])),
                   classes="title"),
            Prose(" | ".join((brief.forum[lang], format_days(brief.meeting_days(), lang), brief.document.cite(lang))),
                  classes="meta"),
        ]
        if view.kind == "topic" and topics:
            widgets.append(Static(Content(topics[0].title[lang]), classes="topic"))
        else:
            widgets.append(Prose(Content.assemble((t(lang, "Bottom line: "), "bold"), brief.summary[lang]),
                                 classes="summary"))
        for kind, heading in SECTIONS:
            cards = [self._card(brief, topic, point) for topic in topics for point in topic.points
                     if isinstance(point, kind)]
            if cards:
                widgets.append(SectionHeading(Content(t(lang, "{section} ({count})", section=t(lang, heading),
                                                        count=len(cards)))))
                widgets.extend(cards)
        return widgets

    def _card(self, brief, topic, point, context: str | None = None) -> PointCard:
        card = PointCard(brief, topic, point, context=context, marked=PointRef(brief.id, point.id) in self.marks)
        card.set_reactive(PointCard.lang, self.lang)  # the page is rebuilt when the language changes
        return card

    def _problems(self) -> list:
        lang = self.lang
        problems = self.corpus.problems
        widgets: list = [Static(Content(t(lang, "Problems in the briefs")), classes="title")]
        if not problems:
            widgets.append(Prose(t(lang, "No problems: every brief loaded cleanly."), classes="meta"))
        for problem in problems:
            level = t(lang, "error") if problem.level == "error" else t(lang, "warning")
            widgets.append(Prose(Content.assemble((problem.location(), "bold"), f" {level}: ",
                                                  describe(problem, lang)), classes=f"problem -{problem.level}"))
        return widgets

    def watch_lang(self) -> None:
        """Headings and the page's own text are built in the current language: rebuild them in place."""
        if self.is_mounted and self.view is not None:
            focused = self.focused_card()
            self.call_later(self.show, self.corpus, self.view, self.marks, focused.ref if focused else None)

    # Moving between points -------------------------------------------------------------------------------------

    def cards(self) -> list[PointCard]:
        return list(self.query(PointCard))

    def focused_card(self) -> PointCard | None:
        focused = self.app.focused
        return focused if isinstance(focused, PointCard) and focused.parent is self else None

    def focus_point(self, ref: PointRef) -> bool:
        for card in self.cards():
            if card.ref == ref:
                card.focus()
                card.scroll_visible(animate=False)
                return True
        return False

    def focus_first(self) -> None:
        cards = self.cards()
        if cards:
            cards[0].focus()
        else:
            self.focus()

    def enter(self) -> None:
        """Take the focus: on the point focused last, else the first, else the pane itself."""
        if self.last_ref is None or not self.focus_point(self.last_ref):
            self.focus_first()

    def on_focus(self) -> None:
        if self.cards():
            self.enter()

    def action_move(self, step: int) -> None:
        cards = self.cards()
        if not cards:
            return
        current = self.focused_card()
        index = cards.index(current) + step if current else 0
        target = cards[max(0, min(len(cards) - 1, index))]
        target.focus()
        target.scroll_visible(animate=False)

    def action_edge(self, index: int) -> None:
        cards = self.cards()
        if cards:
            cards[index].focus()
            cards[index].scroll_visible(animate=False)

    def action_toggle_mark(self) -> None:
        card = self.focused_card()
        if card is not None:
            card.marked = not card.marked
            self.post_message(self.MarkToggled(card.ref))

    def action_copy(self) -> None:
        if (card := self.focused_card()) is not None:
            self.post_message(self.CopyRequested(card))

    def action_open(self) -> None:
        if (card := self.focused_card()) is not None:
            self.post_message(self.OpenRequested(card))

    @on(PointCard.Focused)
    def _remember(self, event: PointCard.Focused) -> None:
        self.last_ref = event.card.ref
        event.card.scroll_visible(animate=False)
