"""DetailPane: the page for the current view — an agenda item, a topic, its one-page view, a theme, the problems.

The page is one OptionList: the header lines and section headings are disabled options, every point is an
option, and the highlighted option is the point the user is on. What the page holds comes from
`brief.tui.page` (rows, as data); this widget draws the rows and answers the keys that move through them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import msgspec
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief.corpus import Corpus
from brief.i18n import N_, format_days, t
from brief.labels import problem_line
from brief.model import Brief, Placed, PointRef
from brief.safe import visible
from brief.tui.page import Days, PageOptions, Row, build, is_folded_heading, section_at, section_starts
from brief.tui.state import Marks, View
from brief.tui.widgets.point import LinesVisual, point_lines
from brief.tui.widgets.prose import wrap_content
from brief.tui.widgets.steady import Steady

#: The component classes whose background is the point: the support meter's cells.
METER_STYLES = frozenset({"point--meter-on", "point--meter-off"})
#: The component classes whose styles are in the lines the pane makes (its own, not the OptionList's).
LINE_STYLES = tuple(sorted({
    "detail--title", "detail--meta", "detail--label", "detail--section", "detail--empty", "detail--error",
    "detail--warning", "point--kind-consensus", "point--kind-view", "point--kind-divergence",
    "point--kind-proposal", "point--kind-assessment", "point--key", "point--mark", "point--meter-on",
    "point--meter-off", "point--level", "point--issue", "point--holders", "point--to-write",
}))
#: The component class of each kind of heading row.
ROW_STYLES = {"title": "detail--title", "meta": "detail--meta", "section": "detail--section", "text": "detail--empty"}


class PointMessage(Message):
    """Something the user did with the point `entry` of the page."""

    def __init__(self, pane: DetailPane, entry: Placed) -> None:
        super().__init__()
        self.pane = pane
        self.entry = entry

    @property
    def control(self) -> DetailPane:
        return self.pane


class DetailPane(Steady, OptionList):
    """Lists the points of the current view. Posts `PointHighlighted` as the user moves from point to point,
    and `MarkToggled`, `CopyRequested`, `OpenRequested` for what they do with one."""

    BINDINGS = [
        Binding("down,j", "cursor_down", N_("next point"), show=False, id="point.next"),
        Binding("up,k", "cursor_up", N_("previous point"), show=False, id="point.previous"),
        Binding("g,home", "first", N_("first point"), show=False, id="point.first"),
        Binding("G,end", "last", N_("last point"), show=False, id="point.last"),
        Binding("right_square_bracket", "next_section", N_("next section"), show=False, id="point.next-section",
                tooltip=N_("go to the next section (agree, divide, other views, proposals, assessment)")),
        Binding("left_square_bracket", "previous_section", N_("previous section"), show=False,
                id="point.previous-section", tooltip=N_("go to the previous section")),
        Binding("z", "fold", N_("fold"), show=False, id="point.fold", tooltip=N_("fold or unfold this section")),
        Binding("o", "one_page", N_("one page"), id="point.one-page",
                tooltip=N_("show only what the one-page note holds, or every point again")),
        Binding("space", "toggle_mark", N_("mark"), id="point.mark",
                tooltip=N_("mark the point for your brief (the export offers the marked points)")),
        Binding("c", "copy", N_("copy"), id="point.copy",
                tooltip=N_("copy the point with its citation and source passage")),
        Binding("enter", "select", N_("source"), id="point.open",
                tooltip=N_("read the point's source passage, full size (or click a point twice)")),
    ]
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | set(LINE_STYLES)

    lang = reactive("en")

    class PointHighlighted(Message):
        def __init__(self, entry: Placed | None) -> None:
            super().__init__()
            self.entry = entry

    class MarkToggled(PointMessage):
        @property
        def ref(self) -> PointRef:
            return self.entry.ref

    class CopyRequested(PointMessage):
        pass

    class OpenRequested(PointMessage):
        pass

    def __init__(self, marks: Marks, *, id: str | None = None, days: Days = format_days,
                 one_page: Callable[[Brief], tuple[str, ...]] | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.days = days  # meeting days as text (the app passes one that remembers them between runs)
        self.one_page = one_page  # the points the one-page note of a brief holds (the screen makes the plan)
        self.corpus = Corpus()
        self.view: View | None = None
        self.marks = marks  # the app's: read here, toggled by the screen
        self.options_of_page = PageOptions()
        #: On a theme's page, what the screen asks this pane to show: some documents only, "what changed" or not
        #: (the two columns of the side-by-side view).
        self.column: tuple[tuple[str, ...] | None, bool] = (None, True)
        self.rows: list[Row] = []
        #: A point's lines by (point, language, marked, width), kept across pages; emptied for a new corpus or
        #: a new theme (its colours are in the lines).
        self._wrapped: dict[tuple[PointRef, str, bool, int], list[Content]] = {}
        self._made_with: tuple[Style, ...] = ()  # the styles of LINE_STYLES those lines were made with
        self._restyled = True  # the pane was restyled since its lines were checked against `_made_with`
        self._measured_all = False  # False until the first screen is drawn (`_update_lines`)
        self._rest_scheduled = False

    # Building the page ------------------------------------------------------------------------------------------

    @property
    def entries(self) -> list[Placed | None]:
        """The point of each option, None for headings and spacing."""
        return [row.placed for row in self.rows]

    def show(self, corpus: Corpus, view: View | None, focus: PointRef | None = None) -> None:
        """Rebuild the page for `view`, on the point `focus` when it is there, else at its top, in one step (one
        layout). A point's wrapped lines are kept between pages (`_wrapped`), so going back to a page costs no
        wrapping."""
        groups, what_changed = self.column
        if view != self.view:
            self.options_of_page = PageOptions()  # folds and the one-page view are the page's own
        self.options_of_page = msgspec.structs.replace(self.options_of_page, groups=groups, what_changed=what_changed)
        if corpus is not self.corpus:
            self._wrapped.clear()
        self.corpus, self.view = corpus, view
        brief = corpus.brief(view.brief_id or "") if view is not None else None
        one_page = self.one_page(brief) if brief and self.options_of_page.one_page and self.one_page else None
        self.rows = build(corpus, view, self.lang, self.days, self.options_of_page, one_page)
        options = [Option(self._visual(row), disabled=row.placed is None and not is_folded_heading(row))
                   for row in self.rows]
        refs = [row.placed.ref if row.placed else None for row in self.rows]
        target = refs.index(focus) if focus is not None and focus in refs else None
        self.set_options(options)
        self.scroll_home(animate=False)
        if target is not None:
            self.highlighted = target
        else:  # a new page opens at its top; the first point is taken when the pane gets the focus
            self.highlighted = None
            self.post_message(self.PointHighlighted(None))
            if self.has_focus:
                self.highlight_first()

    def _style(self, name: str) -> Style:
        """A component class's own style, without the pane's background, so that a highlighted point is one
        block of the highlight's colour, its holders and level included; the meter's cells keep theirs (a partial
        style drops a background, so theirs is the full one)."""
        return self.get_visual_style(name, partial=name not in METER_STYLES)

    def _visual(self, row: Row) -> LinesVisual:
        if row.placed is not None:
            entry = row.placed

            def make_lines(width: int) -> list[Content]:
                marked = entry.ref in self.marks
                known = (entry.ref, self.lang, marked, width)
                if known not in self._wrapped:
                    if not self._made_with:  # the first lines: the colours they are made with
                        self._made_with = self._colours()
                    self._wrapped[known] = point_lines(entry.point, self.lang, marked, self._style, width,
                                                     key=entry.point.key)
                return self._wrapped[known]

            return LinesVisual(make_lines)
        if row.kind == "summary":
            label = Content.styled(t(self.lang, "Bottom line: "), self._style("detail--label"))
            return self._text(label + Content(visible(row.text)))
        if row.kind == "problem" and row.problem is not None:
            problem = row.problem
            text = Content(problem_line(problem, self.lang)).stylize("bold", 0, len(visible(problem.location())))
            return self._text(text, f"detail--{problem.level}")
        return self._text(row.text, ROW_STYLES.get(row.kind))

    def _text(self, content: Content | str, style: str | None = None) -> LinesVisual:
        """A block of text wrapped at Unicode line-break opportunities, styled by a component class."""
        content = content if isinstance(content, Content) else Content(visible(content))

        def make_lines(width: int) -> list[Content]:
            styled = content.stylize_before(self._style(style)) if style else content
            return wrap_content(styled, width)

        return LinesVisual(make_lines)

    # The first screen ---------------------------------------------------------------------------------------------

    def _update_lines(self) -> None:
        """OptionList measures (wraps) every option of the page before it draws any. Until the app's first screen
        is drawn, only the options it shows are measured: those down to one screenful below the highlighted one
        (or the top); the rest of the page, in the frame after (`_measure_rest`). Scrolling, a page move or the
        last point in between measure what they reach, as OptionList does for options added later."""
        region = self.scrollable_content_region
        if self._measured_all or not region or len(self._options) <= region.height:
            super()._update_lines()
            return
        if not self._rest_scheduled:
            self._rest_scheduled = True
            self.call_after_refresh(self._measure_rest)
        width = region.width - self._get_left_gutter_width() - self.get_component_styles(
            "option-list--option").padding.width
        start = self.highlighted or 0
        below, count = 0, 0
        for index, option in enumerate(self._options):
            count = index + 1
            if index >= start:
                below += self._get_visual(option).get_height(cast(RulesMap, self.styles), width)
                if below >= region.height + self.scroll_offset.y:
                    break
        options = self._options
        self._options = options[:count]  # what OptionList measures, for now
        try:
            super()._update_lines()
        finally:
            self._options = options

    def _measure_rest(self) -> None:
        self._measured_all = True
        self._update_lines()  # on from the last option measured: the page's full height, and its scroll bar
        self.refresh()

    def highlight_first(self) -> None:
        self.highlighted = next((i for i, row in enumerate(self.rows) if row.placed is not None), None)

    def on_focus(self) -> None:
        if self.highlighted is None:
            self.highlight_first()

    def watch_lang(self) -> None:
        """Everything on the page is in the current language: rebuild it, on the same point."""
        if self.is_mounted and self.view is not None:
            self._rebuild()

    def _rebuild(self) -> None:
        current = self.current()
        self.show(self.corpus, self.view, current.ref if current else None)

    def notify_style_update(self) -> None:
        """New styles. Textual calls this on every restyle of the pane, also when nothing the lines use changed
        (the pane taking or losing the focus, a class on the screen): the lines are checked against the new
        colours when next drawn (`render_lines`; the component styles are not all there yet at this call)."""
        super().notify_style_update()
        self._restyled = True

    def _colours(self) -> tuple[Style, ...]:
        return tuple(self._style(name) for name in LINE_STYLES)

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._restyled:
            self._restyled = False
            colours = self._colours()
            if colours != self._made_with:  # a theme: the cached lines carry the colours they were made with
                self._made_with = colours
                self._wrapped.clear()
                for option in self.options:
                    if isinstance(option.prompt, LinesVisual):
                        option.prompt.clear()
                self._clear_caches()  # OptionList's strips of the old lines
        return super().render_lines(crop)

    # Sections ---------------------------------------------------------------------------------------------------

    def _go_to_section(self, step: int) -> None:
        """To the first point of the next (`step` 1) or previous (-1) section; to its heading when folded."""
        starts = section_starts(self.rows)
        here = self.highlighted if self.highlighted is not None else -1
        current = max((i for i in starts if i <= here), default=-1)
        choices = [i for i in starts if i > current] if step > 0 else [i for i in starts if i < current]
        if not choices:
            return
        start = choices[0] if step > 0 else choices[-1]
        end = next((i for i in starts if i > start), len(self.rows))
        point = next((i for i in range(start + 1, end) if self.rows[i].placed is not None), None)
        if point is not None and point < self.option_count:
            self.highlighted = point
        elif start < self.option_count:  # a folded section: the user is on its heading (z unfolds it)
            self.highlighted = start

    def action_next_section(self) -> None:
        self._go_to_section(1)

    def action_previous_section(self) -> None:
        self._go_to_section(-1)

    def action_fold(self) -> None:
        """Fold the section of the point the user is on (or unfold the next folded section below)."""
        here = self.highlighted if self.highlighted is not None else 0
        on = self.rows[here] if here < len(self.rows) else None
        if on is not None and is_folded_heading(on):
            section = on.section
        elif self.current() is not None:
            section = section_at(self.rows, here)
        else:
            section = next((row.section for row in self.rows[here:] if is_folded_heading(row)), None)
        if section is None:
            return
        folded = set(self.options_of_page.folded) ^ {section}
        self.options_of_page = msgspec.structs.replace(self.options_of_page, folded=frozenset(folded))
        self.show(self.corpus, self.view)
        starts = [i for i in section_starts(self.rows) if self.rows[i].section == section]
        if not starts:
            return
        if section in folded:  # the user stays on the folded heading
            self.highlighted = starts[0]
        else:  # on the section's first point again
            self.highlighted = next((i for i in range(starts[0], len(self.rows)) if self.rows[i].placed), starts[0])

    def action_one_page(self) -> None:
        """Only what the one-page note holds (an agenda item or topic), or every point again."""
        if self.view is None or not self.view.brief_id:
            return
        self.options_of_page = msgspec.structs.replace(self.options_of_page,
                                                       one_page=not self.options_of_page.one_page)
        self._rebuild()

    # The point the user is on -----------------------------------------------------------------------------------

    def current(self) -> Placed | None:
        index = self.highlighted
        return self.rows[index].placed if index is not None and index < len(self.rows) else None

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.PointHighlighted(self.current()))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (entry := self.current()) is not None:
            self.post_message(self.OpenRequested(self, entry))
        elif event.option_index < len(self.rows) and is_folded_heading(self.rows[event.option_index]):
            self.action_fold()  # enter on a folded heading unfolds it

    async def _on_click(self, event: events.Click) -> None:
        """A click takes a point (to mark or copy it); a click on the point already taken opens its passage."""
        event.prevent_default()  # not OptionList's own handler, which opens at the first click
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self._options[clicked].disabled:
            return
        if clicked == self.highlighted:
            self.action_select()
        else:
            self.highlighted = clicked

    def action_toggle_mark(self) -> None:
        if (entry := self.current()) is not None:
            self.post_message(self.MarkToggled(self, entry))

    def refresh_point(self, ref: PointRef) -> None:
        """Draw the point `ref` again (its mark changed), and only it. Textual's `replace_option_prompt_at_index`
        drops every option's measured lines and drawn strips, so one mark drew the whole screenful again, and the
        next change of focus all of it once more. A mark keeps a point's height (⚑ takes the place of a space);
        should the new lines ever differ in number, the whole page is measured again, as Textual does. Uses
        OptionList's private `_option_render_cache` and `Option._set_prompt` (Textual 8.2; tested)."""
        for index, row in enumerate(self.rows):
            if row.placed is not None and row.placed.ref == ref and index < self.option_count:
                option, visual = self.get_option_at_index(index), self._visual(row)
                before = option.prompt
                if not isinstance(before, LinesVisual) or any(
                        len(visual.lines(width)) != len(lines) for width, lines in before.measured().items()):
                    self.replace_option_prompt_at_index(index, visual)
                    continue
                option._set_prompt(visual)
                cache = self._option_render_cache
                for key in [key for key in cache.keys() if key[0] is option]:
                    cache.discard(key)
                self.refresh()

    def action_copy(self) -> None:
        if (entry := self.current()) is not None:
            self.post_message(self.CopyRequested(self, entry))
