"""The search box, driven as a user drives it: a screenful of results at a time, wrapped by brief's own line
breaker with the terms highlighted, themes as hits, backspace back to the earlier results, counts in words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static

from brief.corpus import Theme
from brief.linebreak import cell_width
from brief.loader import load
from brief.search import SearchIndex
from brief.tui.screens import search as search_screen
from brief.tui.screens.search import SearchScreen
from brief.tui.state import View
from tests.test_app import make_app, plain


def result_lines(screen: SearchScreen) -> list[list[str]]:
    """Each listed result as the lines it is drawn in, at the list's width."""
    options = screen.query_one(OptionList)
    width = options.scrollable_content_region.width
    return [[line.plain for line in option.prompt.lines(width)] for option in options.options]


def fresh_ids(folder: Path, query: str) -> list[str]:
    hits = SearchIndex(load(folder)).search(query).hits(0, 10**9)
    return [f"theme:{hit.id}" if isinstance(hit, Theme) else hit.point.id for hit in hits]


def listed_ids(screen: SearchScreen) -> list[str]:
    return [f"theme:{hit.id}" if isinstance(hit, Theme) else hit.point.id for hit in screen.hits]


async def test_results_are_wrapped_by_the_line_breaker_with_the_terms_highlighted(folder: Path) -> None:
    app = make_app(folder, lang="zh")
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("slash", *"消极安全保证")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.hits
        width = screen.query_one(OptionList).scrollable_content_region.width
        results = result_lines(screen)
        for lines in results:
            assert lines[-1] == ""  # a blank line sets each result apart
            for line in lines:
                assert cell_width(line) <= width
            for line in lines[1:]:
                assert not line or line[0] not in "，。、；：！？）》”", lines  # no line starts with closing punctuation
        match = screen.get_visual_style("search--match", partial=True)
        point = screen.query_one(OptionList).options[1].prompt.lines(width)
        highlighted = [line.plain[span.start:span.end] for line in point for span in line.spans if span.style == match]
        assert highlighted and set(highlighted) == {"消极安全保证"}  # the term, highlighted in the point's text


async def test_a_screenful_is_listed_and_more_as_the_user_moves_down(folder: Path) -> None:
    """"e" finds nearly every point: a screenful is listed at once, more as the cursor nears the end; what is
    listed is always the first results of a fresh search, in order."""
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        everything = fresh_ids(folder, "e")
        first = len(screen.hits)
        assert 3 <= first <= 30 // 3 + 1 < len(everything)
        assert listed_ids(screen) == everything[:first]
        await pilot.press("down")  # into the list
        for _ in range(first):
            await pilot.press("down")
        await pilot.pause()
        assert len(screen.hits) > first and listed_ids(screen) == everything[:len(screen.hits)]
        assert screen.query_one(OptionList).highlighted == first
        themes = sum(hit.startswith("theme:") for hit in everything)
        count = plain(screen.query_one("#count", Static))
        assert count == f"{themes} themes, {len(everything) - themes} points", count  # counted between keys


async def test_backspace_and_edits_give_the_results_of_a_fresh_search(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"nuclear weapons")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        typed = listed_ids(screen)
        await pilot.press(*["backspace"] * 8)  # "nuclear"
        await pilot.pause()
        assert screen.query_one(Input).value == "nuclear"
        assert listed_ids(screen) == fresh_ids(folder, "nuclear")[:len(screen.hits)] != typed
        await pilot.press(*" weapons")
        await pilot.pause()
        assert listed_ids(screen) == typed
        await pilot.press("home", "delete", "delete", "delete", "delete", "delete", "delete", "delete")
        await pilot.pause()
        assert screen.query_one(Input).value == " weapons"
        assert listed_ids(screen) == fresh_ids(folder, "weapons")[:len(screen.hits)]


async def test_a_theme_is_a_hit_by_its_name_in_either_language_and_enter_opens_it(folder: Path) -> None:
    corpus = load(folder)
    theme = next(theme for theme in corpus.themes() if theme.id == "nsa")
    points = len(corpus.by_theme("nsa"))
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *theme.name.zh)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.hits[0] == theme
        lines = result_lines(screen)[0]
        assert lines[0] == f"Theme · {points} points" and theme.name.en in lines[1] and theme.name.zh in lines[1]
        assert re.fullmatch(r"1 theme, \d+ points", plain(screen.query_one("#count", Static)))
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.current_view == View("theme", theme_id="nsa")


async def test_counts_are_real_plurals_in_both_languages(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"ad hoc committee to identify the elements")
        await pilot.pause()
        assert plain(app.screen.query_one("#count", Static)) == "1 point"
        await pilot.press("escape", "l", "slash", *"特设委员会")
        await pilot.pause()
        count = plain(app.screen.query_one("#count", Static))
        assert re.fullmatch(r"\d+ 个要点", count), count


async def test_the_count_goes_on_between_keys_and_stops_when_the_box_closes(folder: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight points a step, one step between two refreshes: the first screenful comes with the key, the count
    after it, step by step; closing the box while it counts leaves nothing running."""
    monkeypatch.setattr(search_screen, "IDLE_SLICE", 0.0)
    shown: list[str] = []
    show_count = SearchScreen._show_count

    def recorded(self: SearchScreen) -> None:
        show_count(self)
        shown.append(plain(self.query_one("#count", Static)))

    monkeypatch.setattr(SearchScreen, "_show_count", recorded)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()  # the app's own index, built in the background, is in place first
        app._index = SearchIndex(app.corpus, step=8)
        await pilot.press("slash", "e")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.results.complete
        assert shown[0].endswith("points found so far…") and len(set(shown)) > 3
        assert re.fullmatch(r"\d+ themes, \d+ points", shown[-1]), shown[-1]
        counted = screen.results
        app._driver.send_message(events.Key("a", "a"))  # as a terminal sends keys: no waiting in between
        app._driver.send_message(events.Key("escape", None))
        await pilot.pause(0.5)
        assert app.is_running and not isinstance(app.screen, SearchScreen) and not screen.is_current
        assert screen.results is not counted and not screen.results.complete  # "ea": stopped with the box
        await pilot.press("slash")  # the box again, as it was: "ea" selected, and the count goes on
        for _ in range(200):  # until it is done, however loaded the machine (10 s at most)
            if screen.results.complete:
                break
            await pilot.pause(0.05)
        assert app.screen is screen and screen.query_one(Input).selected_text == "ea"
        assert screen.results.complete


async def test_the_index_is_built_after_each_load_and_searches_what_the_app_shows(folder: Path) -> None:
    """The index is ready before the first `/` (built in the background after the load) and is built again for
    the corpus a reload brings: a search never answers from the briefs as they were."""
    path = next(folder.glob("*.yaml"))
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        first = app._index
        assert first is not None and first.corpus is app.corpus
        await pilot.press("slash")
        await pilot.pause()
        old_box = app.screen
        await pilot.press("escape")
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("text: {en: \"", "text: {en: \"Edited-while-open ", 1), encoding="utf-8")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.corpus is not first.corpus:
                break
        await app.workers.wait_for_complete()
        assert app._index is not first and app._index is not None and app._index.corpus is app.corpus
        await pilot.press("slash", *"Edited-while-open")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.index is app._index and app.screen is not old_box
        assert len(app.screen.hits) == 1 and not first.search("Edited-while-open").hits(0, 9)


async def test_a_narrowing_keystroke_lays_the_results_out_without_a_scrollbar_frame(folder: Path) -> None:
    """The results list keeps its size from keystroke to keystroke: the dialog's layout does not update its
    scrollbars again (a frame of its own), and the scrollbar still follows the new results."""
    from tests.test_app import counting

    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"nu")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        assert results.show_vertical_scrollbar
        updates = counting(results, "_scroll_update")
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert updates[0] == 0
        await pilot.press(*"clear weapon")
        await pilot.pause()
        assert results.vertical_scrollbar.window_virtual_size == results.virtual_size.height
        assert results.show_vertical_scrollbar == (results.virtual_size.height > results.scrollable_content_region.height)
