"""DetailPane: the page for the current view — an agenda item, a topic, a theme, or the problems found.

The page is one OptionList: the header lines and section headings are disabled options, every point is an
option, and the highlighted option is the point the user is on. Only the lines on screen are drawn, so an
agenda item with hundreds of points opens as fast as a small one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief.corpus import Corpus
from brief.i18n import N_, format_days, section_label, t
from brief.labels import item_title, problem_line
from brief.model import SECTIONS, Placed, PointRef
from brief.tui.state import Marks, View
from brief.tui.widgets.point import LinesVisual, point_lines
from brief.tui.widgets.prose import wrap_content

#: Options (headings, spacing and points) added before the page is first drawn (a 40-line screen's worth), and
#: then at each refresh.
FIRST_SCREEN = 24
#: A theme can gather thousands of points; the page lists this many, and says so (search narrows further).
THEME_LIMIT = 500


class DetailPane(OptionList):
    """Lists the points of the current view. Posts `PointHighlighted` as the user moves from point to point,
    and `MarkToggled`, `CopyRequested`, `OpenRequested` for what they do with one."""

    BINDINGS = [
        Binding("down,j", "cursor_down", N_("next point"), show=False, id="point.next"),
        Binding("up,k", "cursor_up", N_("previous point"), show=False, id="point.previous"),
        Binding("g,home", "first", N_("first point"), show=False, id="point.first"),
        Binding("G,end", "last", N_("last point"), show=False, id="point.last"),
        Binding("space", "toggle_mark", N_("mark"), id="point.mark",
                tooltip=N_("mark the point for your brief (the export offers the marked points)")),
        Binding("c", "copy", N_("copy"), id="point.copy",
                tooltip=N_("copy the point with its citation and source passage")),
        Binding("enter", "select", N_("source"), id="point.open",
                tooltip=N_("read the point's source passage, full size")),
    ]
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "detail--title", "detail--meta", "detail--label", "detail--section", "detail--empty", "detail--error",
        "detail--warning", "point--kind-consensus", "point--kind-view", "point--kind-divergence",
        "point--kind-proposal", "point--kind-assessment",
        "point--mark", "point--meter-on", "point--meter-off", "point--level", "point--issue", "point--holders",
        "point--context", "point--to-write",
    }

    lang = reactive("en")

    class PointHighlighted(Message):
        def __init__(self, entry: Placed | None) -> None:
            super().__init__()
            self.entry = entry

    class MarkToggled(Message):
        def __init__(self, ref: PointRef) -> None:
            super().__init__()
            self.ref = ref

    class CopyRequested(Message):
        def __init__(self, entry: Placed) -> None:
            super().__init__()
            self.entry = entry

    class OpenRequested(Message):
        def __init__(self, entry: Placed) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, marks: Marks, *, id: str | None = None,
                 days: Callable[[Iterable[dt.date], str], str] = format_days) -> None:
        super().__init__(id=id, markup=False)
        self.days = days  # meeting days as text (the app passes one that remembers them between runs)
        self.corpus = Corpus()
        self.view: View | None = None
        self.marks = marks  # the app's: read here, toggled by the screen
        self.entries: list[Placed | None] = []  # parallel to the options: None for headings and spacing
        self._generation = 0  # of the page shown, so that a replaced page's late options are dropped

    # Building the page ------------------------------------------------------------------------------------------

    def show(self, corpus: Corpus, view: View | None, focus: PointRef | None = None) -> None:
        """Rebuild the page for `view`, on the point `focus` when it is there, else at its top.

        The options of a long page are added in steps: what fills the screen first, the rest a screenful at a
        time after it is drawn, so that the page appears at once whatever its length (every option is wrapped
        when added, to know its height)."""
        self.corpus, self.view = corpus, view
        self._generation += 1
        self.entries = []
        options: list[Option] = []
        for prompt, entry in self._page():
            options.append(Option(prompt, disabled=entry is None))
            self.entries.append(entry)
        refs = [entry.ref if entry else None for entry in self.entries]
        target = refs.index(focus) if focus is not None and focus in refs else None
        first = max(FIRST_SCREEN, (target or 0) + 1)
        self.set_options(options[:first])
        if len(options) > first:
            self.call_after_refresh(self._add_rest, self._generation, options[first:])
        self.scroll_home(animate=False)
        if target is not None:
            self.highlighted = target
        else:  # a new page opens at its top; the first point is taken when the pane gets the focus
            self.highlighted = None
            self.post_message(self.PointHighlighted(None))
            if self.has_focus:
                self.highlight_first()

    def _add_rest(self, generation: int, options: list[Option]) -> None:
        """Add the rest of a page a screenful at a time, each after the screen is drawn, so that keys stay
        responsive; stop when the page has been replaced meanwhile (the user moved on)."""
        if generation != self._generation:
            return
        self.add_options(options[:FIRST_SCREEN])
        if len(options) > FIRST_SCREEN:
            self.call_after_refresh(self._add_rest, generation, options[FIRST_SCREEN:])

    def highlight_first(self) -> None:
        self.highlighted = next((i for i, entry in enumerate(self.entries) if entry is not None), None)

    def on_focus(self) -> None:
        if self.highlighted is None:
            self.highlight_first()

    def _text(self, content: Content | str, style: str | None = None) -> LinesVisual:
        """A block of text wrapped at Unicode line-break opportunities, styled by a component class."""
        content = content if isinstance(content, Content) else Content(content)

        def make_lines(width: int) -> list[Content]:
            styled = content.stylize_before(self.get_visual_style(style)) if style else content
            return wrap_content(styled, width)

        return LinesVisual(make_lines)

    def _point(self, entry: Placed) -> LinesVisual:
        lang, context = self.lang, self._origin(entry)
        return LinesVisual(lambda width: point_lines(entry.point, lang, entry.ref in self.marks,
                                                     self.get_visual_style, width, context))

    def _origin(self, entry: Placed) -> str | None:
        """Where a point comes from, above it where it is out of its document (the Themes view)."""
        if self.view is not None and self.view.kind == "theme":
            return f"{entry.brief.document.cite(self.lang)} | {entry.topic.title[self.lang]}"
        return None

    def _page(self) -> list[tuple[LinesVisual, Placed | None]]:
        lang, view, corpus = self.lang, self.view, self.corpus
        blank: tuple[LinesVisual, Placed | None] = (self._text(""), None)
        if view is None:
            return [blank, (self._text(t(lang, "Choose an agenda item on the left."), "detail--empty"), None)]
        if view.kind == "problems":
            return self._problems()
        if view.kind == "theme":
            return self._theme(view.theme_id or "")
        brief = corpus.brief(view.brief_id or "")
        if brief is None:
            return [blank, (self._text(t(lang, "This agenda item is no longer in the briefs."), "detail--empty"),
                            None)]
        topics = [topic for topic in brief.topics if view.kind == "item" or topic.id == view.topic_id]
        page: list[tuple[LinesVisual, Placed | None]] = [
            blank,
            (self._text(item_title(brief, lang), "detail--title"), None),
            (self._text(" | ".join((brief.forum[lang], self.days(brief.meeting_days(), lang),
                                    brief.document.cite(lang))), "detail--meta"), None),
            blank,
        ]
        if view.kind == "topic" and topics:
            page.append((self._text(topics[0].title[lang], "detail--title"), None))
        else:
            label = Content.styled(t(lang, "Bottom line: "), self.get_visual_style("detail--label"))
            page.append((self._text(label + Content(brief.summary[lang])), None))
        entries = [Placed(brief, topic, point) for topic in topics for point in topic.points]
        for section in SECTIONS:
            listed = [entry for entry in entries if entry.point.section == section]
            if listed:
                page += [blank, (self._text(t(lang, "{section} ({count})", section=section_label(section, lang),
                                              count=len(listed)), "detail--section"), None)]
                for entry in listed:
                    page += [blank, (self._point(entry), entry)]
        return page

    def _theme(self, theme_id: str) -> list[tuple[LinesVisual, Placed | None]]:
        lang, corpus = self.lang, self.corpus
        theme = corpus.glossary.theme(theme_id) if corpus.glossary else None
        found = corpus.by_theme(theme_id)
        count = t(lang, "{count} points across the documents", count=len(found))
        if len(found) > THEME_LIMIT:
            count = t(lang, "{count} points across the documents; the first {shown} are listed, search (/) "
                            "narrows them", count=len(found), shown=THEME_LIMIT)
        page: list[tuple[LinesVisual, Placed | None]] = [
            (self._text(""), None), (self._text(theme.name[lang] if theme else theme_id, "detail--title"), None),
            (self._text(count, "detail--meta"), None)]
        for entry in found[:THEME_LIMIT]:
            page += [(self._text(""), None), (self._point(entry), entry)]
        return page

    def _problems(self) -> list[tuple[LinesVisual, Placed | None]]:
        lang = self.lang
        page: list[tuple[LinesVisual, Placed | None]] = [
            (self._text(""), None), (self._text(t(lang, "Problems in the briefs"), "detail--title"), None)]
        if not self.corpus.problems:
            page.append((self._text(t(lang, "No problems: every brief loaded cleanly."), "detail--meta"), None))
        for problem in self.corpus.problems:
            text = Content(problem_line(problem, lang)).stylize("bold", 0, len(problem.location()))
            page += [(self._text(""), None), (self._text(text, f"detail--{problem.level}"), None)]
        return page

    def watch_lang(self) -> None:
        """Everything on the page is in the current language: rebuild it, on the same point."""
        if self.is_mounted and self.view is not None:
            current = self.current()
            self.show(self.corpus, self.view, current.ref if current else None)

    def notify_style_update(self) -> None:
        """A new theme: the cached lines carry the old colours."""
        for option in self.options:
            if isinstance(option.prompt, LinesVisual):
                option.prompt.clear()
        super().notify_style_update()

    # The point the user is on -----------------------------------------------------------------------------------

    def current(self) -> Placed | None:
        index = self.highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.PointHighlighted(self.current()))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (entry := self.current()) is not None:
            self.post_message(self.OpenRequested(entry))

    def action_toggle_mark(self) -> None:
        if (entry := self.current()) is not None:
            self.post_message(self.MarkToggled(entry.ref))

    def refresh_point(self, ref: PointRef) -> None:
        """Draw the point `ref` again (its mark changed)."""
        for index, entry in enumerate(self.entries):
            if entry is not None and entry.ref == ref and index < self.option_count:
                self.replace_option_prompt_at_index(index, self._point(entry))

    def action_copy(self) -> None:
        if (entry := self.current()) is not None:
            self.post_message(self.CopyRequested(entry))
