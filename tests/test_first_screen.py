"""What the app's first screen waits for. The detail pane measures (wraps) only the points of the first screen
before drawing it, and the rest of the page in the frame after (`DetailPane._update_lines`): the first screen is
the same, every key works in between, and then the page is whole. The main screen is styled once, with the
breakpoint classes of the terminal's size already given: the same screen as after a full restyle."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen

from brief.tui.app import BriefApp
from brief.tui.state import View
from brief.tui.widgets.detail import DetailPane
from tests.conftest import BRIEFS

SIZE = (100, 30)


def screen_lines(pane: DetailPane) -> list[str]:
    return [strip.text for strip in pane.render_lines(pane.scrollable_content_region.reset_offset)]


@contextlib.asynccontextmanager
async def opened(lang: str) -> AsyncIterator[tuple[Pilot[None], DetailPane]]:
    """The app on the bundled briefs, on the page of cd-2105-nsa, everything drawn."""
    app = BriefApp(briefs_dir=BRIEFS, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to(View("item", "cd-2105-nsa"))
        await pilot.pause()
        pane = app.query_one(DetailPane)
        pane.focus()
        await pilot.pause()
        yield pilot, pane


def back_to_the_first_screen(pane: DetailPane) -> None:
    """The pane as it is before the first screen is drawn: nothing measured yet."""
    pane._measured_all = False
    pane._rest_scheduled = False
    pane._line_cache.clear()


async def test_the_first_screen_waits_only_for_its_own_points_and_the_page_is_whole_a_frame_later() -> None:
    async with opened("zh") as (pilot, pane):
        total = len(pane.options)
        assert pane._measured_all and len(pane._line_cache.heights) == total > 40
        whole = screen_lines(pane)
        full_height = pane.virtual_size.height
        assert full_height == sum(pane._line_cache.heights.values())

        back_to_the_first_screen(pane)
        assert screen_lines(pane) == whole  # the same first screen...
        measured = len(pane._line_cache.heights)
        assert measured < total  # ...from a part of the page
        assert sum(pane._line_cache.heights.values()) >= pane.scrollable_content_region.height
        await pilot.pause()  # the frame after: the rest
        assert len(pane._line_cache.heights) == total and pane.virtual_size.height == full_height


async def test_keys_in_between_reach_what_they_need() -> None:
    async with opened("en") as (pilot, pane):
        last = max(i for i, row in enumerate(pane.rows) if row.placed is not None)

        back_to_the_first_screen(pane)
        pane.action_last()  # the last point: measured, and scrolled to
        assert pane.highlighted == last and last in pane._line_cache.heights
        assert pane.scroll_offset.y > 0

        back_to_the_first_screen(pane)
        pane.scroll_home(animate=False)
        pane.highlighted = 1
        pane.action_page_down()  # within what is measured; never past it
        assert pane.highlighted is not None and pane.highlighted in pane._line_cache.heights
        await pilot.pause()
        assert len(pane._line_cache.heights) == len(pane.options)


async def test_a_page_opened_on_a_point_far_down_measures_down_to_it() -> None:
    async with opened("en") as (pilot, pane):
        refs = [row.placed.ref for row in pane.rows if row.placed is not None]
        back_to_the_first_screen(pane)
        pane.show(pane.corpus, pane.view, refs[-1])
        assert pane.highlighted is not None and pane.highlighted in pane._line_cache.heights
        assert pane.scroll_offset.y > 0  # scrolled to it at once
        await pilot.pause()
        assert len(pane._line_cache.heights) == len(pane.options)


@pytest.mark.parametrize("size", [(60, 16), (100, 30), (160, 45)])
async def test_the_main_screen_is_styled_once_as_a_full_restyle_would_style_it(
        size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """No whole-screen restyle before the first screen (Textual would make one for the breakpoint classes at the
    first resize, and one as the screen is first shown), and nothing is missed for it: the breakpoint classes are
    those Textual gives the size, and a full restyle afterwards changes nothing on the screen."""
    restyled: list[DOMNode] = []
    update = DOMNode.update_node_styles

    def counted(node: DOMNode, animate: bool = True) -> None:
        restyled.append(node)
        update(node, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", counted)
    app = BriefApp(briefs_dir=BRIEFS, lang="en")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not [node for node in restyled if isinstance(node, Screen)]
        expected = Screen._get_breakpoint_classes(screen, size[0], app.HORIZONTAL_BREAKPOINTS) | \
            Screen._get_breakpoint_classes(screen, size[1], app.VERTICAL_BREAKPOINTS)
        assert len(expected) == 2 and expected <= set(screen.classes)
        first = app.export_screenshot()
        app.update_styles(screen)
        await pilot.pause()
        assert app.export_screenshot() == first
