"""The Textual app, driven as a user drives it: real briefs on disk, real keys through Pilot."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, RadioSet, Static, TextArea

from brief.i18n import t
from brief.loader import load
from brief.locations import config_dir
from brief.model import Placed, Point, PointRef
from brief.tui.app import BriefApp
from brief.tui.screens.export import ExportScreen
from brief.tui.screens.help import HelpScreen
from brief.tui.screens.notes import NotesScreen
from brief.tui.screens.passage import PassageScreen
from brief.tui.screens.search import SearchScreen
from brief.tui.state import View
from brief.tui.widgets.detail import DetailPane
from brief.tui.widgets.footer import LocalizedFooter
from brief.tui.widgets.navigator import Navigator
from brief.tui.widgets.source import SourcePane
from brief.tui.widgets.toggles import Choice, Tick
from brief.userdata import notes_path
from tests.conftest import SEEDS, mutate

NSA = "cd-2105-nsa"


def make_app(folder: Path, lang: str | None = "en") -> BriefApp:
    return BriefApp(briefs_dir=folder, lang=lang, watch_interval=0.05)


def plain(widget) -> str:
    rendered = widget.render()
    return getattr(rendered, "plain", str(rendered))


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def detail_text(app: BriefApp) -> str:
    """Everything on the detail pane's page, whitespace removed (so wrapping does not matter)."""
    detail = app.query_one(DetailPane)
    width = detail.scrollable_content_region.width - 2
    return compact("".join(line.plain for option in detail.options for line in option.prompt.lines(width)))


def footer_text(app: BriefApp) -> str:
    return " ".join(f"{shown.display} {shown.description}" for shown in app.query_one(LocalizedFooter).keys())


async def open_item(app: BriefApp, pilot, brief_id: str) -> None:
    app.jump_to(View("item", brief_id))
    await pilot.pause()


async def export_dialog(app: BriefApp, pilot) -> ExportScreen:
    """`e`, and the export dialog it opens."""
    await pilot.press("e")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    return screen


def current(app: BriefApp) -> Placed:
    """The point the user is on, in the focused detail pane."""
    detail = app.query_one(DetailPane)
    assert app.focused is detail, app.focused
    entry = detail.current()
    assert entry is not None
    return entry


def entries(app: BriefApp) -> list[Placed]:
    return [entry for entry in app.query_one(DetailPane).entries if entry is not None]


# Opening ---------------------------------------------------------------------------------------------------------


async def test_opens_on_the_first_agenda_item_with_every_brief_in_the_tree(folder: Path) -> None:
    corpus = load(folder)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        navigator = app.query_one(Navigator)
        assert app.focused is navigator
        newest = max(corpus.briefs, key=lambda brief: brief.document.date)
        assert navigator.cursor_node.data == View("item", newest.id)
        items = [node.data.brief_id for document in navigator.root.children for node in document.children
                 if node.data is not None and node.data.kind == "item"]
        assert sorted(map(str, items)) == sorted(brief.id for brief in corpus.briefs)
        dates = [corpus.brief(item or "").document.date for item in items]
        assert dates == sorted(dates, reverse=True)  # newest document first
        assert compact(newest.summary.en) in detail_text(app)
        assert app.query_one(DetailPane).scroll_y == 0  # the page opens at its top, summary in view


async def test_an_items_topics_are_in_the_tree_once_it_unfolds_and_a_jump_unfolds_its_item(folder: Path) -> None:
    """Topics are added to the tree when their agenda item first unfolds (right), in the language shown, and a jump
    to a topic (the palette, a search) unfolds its item with the topic under the cursor."""
    brief = load(folder).brief(NSA)
    assert brief is not None
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        navigator = app.query_one(Navigator)
        await pilot.pause()
        for _ in range(40):
            if navigator.cursor_node.data == View("item", NSA):
                break
            await pilot.press("down")
        item = navigator.cursor_node
        assert item.allow_expand and not item.children and not item.is_expanded
        await pilot.press("right")
        await pilot.pause()
        assert [str(child.label) for child in item.children] == [topic.title.en for topic in brief.topics]
        await pilot.press("right", "enter")  # to the first topic, and open it
        await pilot.pause()
        assert app.main.current_view == View("topic", NSA, brief.topics[0].id)
        await pilot.press("escape", "l")  # the tree again, in Chinese: the item keeps its place, folded
        await pilot.pause()
        last = brief.topics[-1]
        app.jump_to(View("topic", NSA, last.id))
        await pilot.pause()
        node = navigator.cursor_node
        assert node.data == View("topic", NSA, last.id) and str(node.label) == last.title.zh
        assert node.parent is not None and node.parent.is_expanded
        assert [str(child.label) for child in node.parent.children] == [topic.title.zh for topic in brief.topics]


async def test_navigating_to_nsa_shows_consensus_and_divergences(folder: Path) -> None:
    brief = load(folder).brief(NSA)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        navigator = app.query_one(Navigator)
        await pilot.pause()
        for _ in range(40):  # arrow down the tree until the negative security assurances item
            if navigator.cursor_node.data == View("item", NSA):
                break
            await pilot.press("down")
        await pilot.pause()
        assert app.main.current_view == View("item", NSA)
        text = detail_text(app)
        shared = [p for _, p in brief.points() if p.kind == "consensus" and p.support in ("all", "general", "most")]
        divergences = [p for _, p in brief.points() if p.kind == "divergence"]
        assert compact(f"Where delegations agree ({len(shared)})") in text
        assert compact(f"Where they divide ({len(divergences)})") in text
        assert compact(divergences[0].issue.en) in text
        assert compact(divergences[0].positions[0].holders.en) in text
        assert "Negative security assurances" in plain(app.query_one("#view-title", Static))


async def test_a_draft_opens_like_any_brief_with_its_points_to_translate_flagged(folder: Path) -> None:
    from brief.cli import main

    draft = folder / "cd-2105-draft.yaml"
    assert main(["draft", str(SEEDS / "cd-2105.zh.txt"), "--id", "cd-2105-draft", "-o", str(draft)]) == 0
    # One point of the draft gets its texts written; the others are still the draft's.
    text = draft.read_text(encoding="utf-8")
    quote = "各代表团确认，未来的条约应以具有法律约束力、非歧视性、多边和可有效国际核查的方式禁止生产核武器或其他核爆炸装置所用裂变材料。"
    mutate(draft, f'text: {{en: "TODO: {quote}", zh: "TODO: {quote}"}}',
           'text: {en: "Delegations confirmed the scope of the future treaty.", zh: "各代表团确认了未来条约的范围。"}')
    corpus = load(folder)
    brief = corpus.brief("cd-2105-draft")
    assert brief is not None and not [p for p in corpus.errors if p.path.endswith("cd-2105-draft.yaml")]
    flagged = [point for _, point in brief.points() if point.to_write]
    assert 0 < len(flagged) == len(list(brief.points())) - 1 and text.count("TODO:") > len(flagged)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, "cd-2105-draft")
        detail = app.query_one(DetailPane)
        while len(detail.options) < len(detail.entries):  # a long page is added a screenful at a time
            await pilot.pause()
        width = detail.scrollable_content_region.width - 2
        lines = {entry.point.id: compact("".join(line.plain for line in option.prompt.lines(width)))
                 for entry, option in zip(detail.entries, detail.options, strict=False) if isinstance(entry, Placed)}
        assert len(lines) == len(list(brief.points()))
        done = next(point.id for _, point in brief.points() if not point.to_write)
        assert "totranslate" not in lines[done] and "Delegationsconfirmedthescope" in lines[done]
        assert all(lines[point.id].lstrip("✦").startswith(("✔", "◦", "⇄", "➜", "✎"))
                   and "totranslate" in lines[point.id][:16] for point in flagged)
        await open_item(app, pilot, NSA)
        assert "totranslate" not in detail_text(app)  # a curated brief has nothing to translate
        app.cycle_language()
        await open_item(app, pilot, "cd-2105-draft")
        assert "待翻译" in detail_text(app)


# Moving around ---------------------------------------------------------------------------------------------------


async def test_tree_keys_j_k_g_G_and_enter(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        navigator = app.query_one(Navigator)
        await pilot.pause()
        start = navigator.cursor_line
        await pilot.press("j")
        assert navigator.cursor_line == start + 1
        await pilot.press("k")
        assert navigator.cursor_line == start
        await pilot.press("G")
        assert navigator.cursor_line == navigator.last_line
        await pilot.press("g")
        assert navigator.cursor_line == 0
        await pilot.press("j", "enter")  # the first agenda item: enter opens it on its first point
        await pilot.pause()
        assert current(app).ref.brief_id == app.main.current_view.brief_id


async def test_points_are_focused_one_by_one_with_arrows_j_k_g_G(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)  # opens on the first point
        points = entries(app)
        assert current(app) == points[0]
        await pilot.press("down", "j")
        assert current(app) == points[2]
        await pilot.press("k")
        assert current(app) == points[1]
        await pilot.press("G")
        assert current(app) == points[-1]
        await pilot.press("g")
        assert current(app) == points[0]


async def test_tab_and_shift_tab_cycle_the_panes_and_escape_returns_to_the_tree(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        app.query_one(Navigator).focus()
        await pilot.pause()
        await pilot.press("tab")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("tab")
        assert isinstance(app.focused, SourcePane)
        await pilot.press("tab")
        assert isinstance(app.focused, Navigator)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, SourcePane)
        await pilot.press("shift+tab", "escape")
        assert isinstance(app.focused, Navigator)


async def test_source_pane_shows_the_quote_in_its_paragraph(folder: Path) -> None:
    brief = load(folder).brief(NSA)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("j")
        entry = current(app)
        shown = compact(plain(app.query_one(SourcePane)))
        for source in entry.point.sources:
            assert compact(source.quote) in shown
        assert shown.startswith(compact(brief.document.cite("en")))
        await pilot.press("enter")  # the passage, full screen: the first dialog of the run
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        passage = app.screen.query_one(".passage")
        segments = [segment for strip in passage.render_lines(passage.region.reset_offset) for segment in strip]
        quoted = "".join(segment.text for segment in segments if segment.style and segment.style.bold)
        assert compact(quoted) == compact(entry.point.sources[0].quote)  # highlighted, though the dialogs'
        await pilot.press("escape")  # styles were read after the dialog was made
        assert not isinstance(app.screen, PassageScreen)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_source_pane_and_passage_show_the_points_notes(folder: Path, lang: str) -> None:
    """Where the English gives a fact the Chinese text gets wrong, the note that says so is beside the quote."""
    app = make_app(folder, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, "a-68-514-oewg")
        await pilot.press("j")
        for _ in range(120):
            if current(app).point.note:
                break
            await pilot.press("j")
        point = current(app).point
        assert point.note is not None
        shown = compact(plain(app.query_one(SourcePane)))
        note = compact(t(lang, "Note: {note}", note=point.note[lang]))
        assert shown.endswith(note) and shown.index(note) > shown.index(compact(point.sources[0].quote))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        assert compact(plain(app.screen.query_one(".note"))) == note


async def test_source_pane_follows_a_new_theme_and_keeps_its_place(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 20)) as pilot:
        await open_item(app, pilot, "a-68-514-oewg")
        await pilot.press("j")
        source = app.query_one(SourcePane)

        def quote_styles() -> set[str]:
            return {str(span.style) for span in source.content.spans}

        before = quote_styles()
        source.scroll_to(y=1, animate=False)
        await pilot.pause()
        app.theme = "solarized-light"
        await pilot.pause()
        assert quote_styles() and quote_styles() != before
        assert source.scroll_y == min(1, source.max_scroll_y)


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_source_pane_scrolls_to_the_end_of_a_long_passage_and_back(folder: Path, lang: str) -> None:
    """A passage longer than the pane is cut by nothing: the scrollbar shows, the keys of the focused pane
    reach its last line as drawn on the screen, and the next point opens at its top again."""
    app = make_app(folder, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        source = app.query_one(SourcePane)
        await pilot.press("j")
        for _ in range(80):
            await pilot.pause()
            if source.max_scroll_y > 2:
                break
            await pilot.press("j")
        assert source.max_scroll_y > 2 and source.show_vertical_scrollbar

        def drawn() -> list[str]:
            return ["".join(segment.text for segment in strip).strip()
                    for strip in source.render_lines(source.region.reset_offset)]

        lines = plain(source).split("\n")
        assert compact("".join(drawn())) in compact("".join(lines)) and source.scroll_y == 0
        source.focus()
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        assert source.scroll_y == source.max_scroll_y
        assert lines[-1].strip() and lines[-1].strip() in drawn()  # the passage's last line, on the screen
        await pilot.press("shift+tab")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("k")
        await pilot.pause()
        assert source.scroll_y == 0 and compact(drawn()[0]) == compact(plain(source).split("\n")[0])


async def test_source_pane_gives_paragraph_numbers_for_a_numbered_document(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, "a-68-514-oewg")
        await pilot.press("G")
        assert re.search(r"para\. \d+", plain(app.query_one(SourcePane)))


# Language --------------------------------------------------------------------------------------------------------


async def test_l_switches_content_and_interface_at_once(folder: Path) -> None:
    brief = load(folder).brief(NSA)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        point = current(app).point
        assert "search" in footer_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "zh"
        text = detail_text(app)
        assert compact(brief.summary.zh) in text and compact(brief.summary.en) not in text
        assert "各方共识" in text and "Where delegations agree" not in text
        assert "消极安全保证" in plain(app.query_one("#view-title", Static))
        assert "搜索" in footer_text(app) and "search" not in footer_text(app)
        assert compact(point.text.zh if hasattr(point, "text") else point.issue.zh) in detail_text(app)
        assert current(app).point is point  # the user's place is kept
        tree = " ".join(str(node.label) for node in app.query_one(Navigator).root.children)
        assert "主题" in tree
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en" and compact("Where delegations agree") in detail_text(app)


async def test_language_and_theme_persist_and_lang_option_wins(folder: Path) -> None:
    app = make_app(folder, lang=None)
    async with app.run_test() as pilot:
        await pilot.press("l")
        app.theme = "nord"
        await pilot.pause()
    settings = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert settings == {"lang": "zh", "theme": "nord"}
    again = make_app(folder, lang=None)
    async with again.run_test() as pilot:
        assert again.lang == "zh" and again.theme == "nord"
    forced = make_app(folder, lang="en")
    async with forced.run_test() as pilot:
        assert forced.lang == "en"


# Search ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["消极安全保证", "negative security assurances"])
async def test_search_in_either_language_jumps_to_the_point(folder: Path, query: str) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*query)
        await pilot.pause()
        screen = app.screen
        assert screen.hits, "no result"
        chosen = screen.hits[1]
        await pilot.press("down", "down")  # into the results, then the second one
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        assert current(app).ref == PointRef(chosen.brief.id, chosen.point.id)
        assert app.main.current_view == View("item", chosen.brief.id)


async def test_search_with_no_match_says_so_and_escape_closes(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"zzzqqq")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 0
        assert plain(app.screen.query_one("#count", Static)).startswith("0")
        await pilot.press("q")  # typed into the search box: does not quit
        assert app.is_running and app.screen.query_one(Input).value == "zzzqqqq"
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


# Marks, copy, notes, export --------------------------------------------------------------------------------------


async def test_space_marks_and_the_export_screen_writes_exactly_the_marked_points(folder: Path,
                                                                                  tmp_path: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("space", "j", "j", "space")
        points = entries(app)
        marked = [points[0].ref, points[2].ref]
        assert all(ref in app.marks for ref in marked) and len(app.marks) == 2
        assert "⚑" in "".join(line.plain for line in app.query_one(DetailPane).options[
            app.query_one(DetailPane).entries.index(points[0])].prompt.lines(80))
        screen = await export_dialog(app, pilot)
        assert screen.query_one("#scope-marked", Choice).value  # marked points are the default scope
        assert list(screen.briefing.included) == [ref.point_id for ref in marked]
        target = tmp_path / "out" / "marked.en.md"
        target.parent.mkdir()
        screen.query_one("#filename", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == screen.markdown


async def test_export_screen_previews_in_either_language_and_never_replaces_without_asking(folder: Path,
                                                                                          tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("my own file\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        screen = await export_dialog(app, pilot)
        assert screen.markdown.startswith("# Briefing: Negative security assurances")
        await pilot.click("#lang-zh")
        await pilot.pause()
        assert screen.markdown.startswith("# 简报：消极安全保证")
        assert screen.query_one("#filename", Input).value.endswith(".zh.md")
        assert 0 < screen.briefing.fill("en") <= 1
        screen.query_one("#filename", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # asked, not written
        assert target.read_text(encoding="utf-8") == "my own file\n"
        assert "exists" in plain(screen.query_one("#status", Static)) or "已存在" in plain(
            screen.query_one("#status", Static))
        await pilot.press("ctrl+s")  # the second time replaces it
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# 简报：消极安全保证")


async def test_the_export_dialog_opened_again_is_as_new_for_the_brief_of_the_moment(folder: Path) -> None:
    """The dialog is kept between exports (one a language) and shown again: with the interface's language,
    Markdown, the page limit, the marked points of the brief now chosen, and its preview."""
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        first = await export_dialog(app, pilot)
        await pilot.click("#lang-zh")
        await pilot.click("#format-docx")
        await pilot.click("#full")
        await pilot.pause()
        assert first.export_lang() == "zh" and first.export_format() == "docx"
        await pilot.press("escape")
        await open_item(app, pilot, "a-68-514-oewg")
        await pilot.press("j", "space")  # a point of this item marked (open_item focuses its points)
        await pilot.pause()
        oewg = app.corpus.brief("a-68-514-oewg")
        assert oewg is not None and len(app.marks.of_brief(oewg)) == 1
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert screen is first and isinstance(screen, ExportScreen)
        assert (screen.export_lang(), screen.export_format()) == ("en", "md")
        assert not screen.query_one("#full", Tick).value and screen.query_one("#scope-marked", Choice).value
        assert str(screen.query_one("#scope-marked", Choice).label) == "Marked (1)"
        assert screen.query_one("#filename", Input).value.startswith("a-68-514-oewg-") and screen.briefing is not None
        assert [entry.point.id for entry in screen.briefing.entries()] == app.marks.of_brief(oewg)
        assert screen.markdown.startswith("# Briefing:") and "2013" in screen.markdown
        assert app.focused is screen.query_one("#language")


async def test_the_page_keeps_its_lines_across_focus_and_makes_them_again_for_a_new_colour_scheme(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's wrapped lines are kept while their colours hold (the focus moving between the panes restyles
    the page, and wrapping it again was most of what escape and enter cost), and made again for a new colour
    scheme: the page is then drawn as in an app started in that scheme."""
    async def page(app: BriefApp, pilot) -> str:
        await pilot.pause()
        return app.export_screenshot()

    import collections

    import brief.tui.widgets.detail as detail
    from brief.tui.widgets.point import StyleOf, point_lines

    made: collections.Counter[tuple[str, str, bool, int]] = collections.Counter()

    def counted(point: Point, lang: str, marked: bool, style: StyleOf, width: int, key: bool = False) -> list[Content]:
        made[(point.id, lang, marked, width)] += 1
        return point_lines(point, lang, marked, style, width, key=key)

    monkeypatch.setattr(detail, "point_lines", counted)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        made.clear()  # the page the app starts on
        await open_item(app, pilot, NSA)
        await pilot.press("j")
        pane = app.query_one(DetailPane)
        kept = dict(pane._wrapped)
        await pilot.press("escape", "tab")  # to the tree and back
        await pilot.pause()
        assert kept and all(pane._wrapped[key] is lines for key, lines in kept.items())
        assert made and max(made.values()) == 1  # each point wrapped once: for the layout, kept for the drawing
        app.theme = "solarized-light"
        light = await page(app, pilot)
        assert not any(pane._wrapped.get(key) is lines for key, lines in kept.items())
    fresh = make_app(folder)
    async with fresh.run_test(size=(100, 30)) as pilot:
        fresh.theme = "solarized-light"
        await pilot.pause()
        await open_item(fresh, pilot, NSA)
        await pilot.press("j")
        assert await page(fresh, pilot) == light


@pytest.mark.parametrize("key", ["?", "/", "e", "n", "ctrl+p"])
async def test_a_dialog_shown_again_looks_as_new_and_follows_a_new_colour_scheme(folder: Path, key: str) -> None:
    """The dialogs and the palette are kept and shown again, and not restyled in full as they show (Textual
    would restyle each of their widgets on every show) unless the app's styles changed meanwhile: shown again, a
    dialog is drawn as the first time, and after a change of colour scheme as one opened in that scheme from the
    start."""
    async def shown(app: BriefApp, pilot) -> str:
        await pilot.press(key)
        await pilot.pause()
        for field in app.screen.query("Input, TextArea"):  # a blinking cursor would be caught in either phase
            field.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        return app.export_screenshot()

    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        first = await shown(app, pilot)
        dialog = app.screen
        await pilot.press("escape")
        again = await shown(app, pilot)
        assert app.screen is dialog and again == first
        await pilot.press("escape")
        app.theme = "solarized-light"
        await pilot.pause()
        light = await shown(app, pilot)
        assert app.screen is dialog and light != first
    fresh = make_app(folder)
    async with fresh.run_test(size=(100, 30)) as pilot:
        fresh.theme = "solarized-light"
        await pilot.pause()
        await open_item(fresh, pilot, NSA)
        assert await shown(fresh, pilot) == light


async def test_export_screen_escape_writes_nothing(folder: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        assert not isinstance(app.screen, ExportScreen)
    assert list(tmp_path.glob("*.md")) == []


async def test_export_is_refused_while_the_brief_has_errors_as_the_command_line_refuses(folder: Path) -> None:
    """A quote that is not in its seed keeps the brief on screen (with the problem listed) but no briefing is
    offered from it; the other briefs still export."""
    mutate(folder / f"{NSA}.yaml", '{quote: "在这方面，许多代表团强调，一项重要关切是必须为所有国家提供平等和不受减损的安全。"}',
           '{quote: "在这方面，许多代表团强调，一项重要关切是必须为所有国家提供平等的安全。"}')
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.corpus.brief(NSA) is not None and app.corpus.errors
        await open_item(app, pilot, NSA)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        (notice,) = [n for n in app._notifications if n.severity == "error"]
        assert "has errors" in notice.message
        await open_item(app, pilot, "cd-2105-fmct")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_c_copies_the_point_with_its_citation(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("c")
        point = current(app).point
        copied = app.clipboard
        assert "CD/2105" in copied and "2017" in copied
        assert all(source.quote in copied for source in point.sources)


async def test_n_keeps_notes_between_runs_and_the_export_prints_them(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        app.screen.query_one(TextArea).insert("We support a legally binding instrument.")
        await pilot.press("escape")
        await pilot.pause()
    assert notes_path(NSA, "en").read_text(encoding="utf-8") == "We support a legally binding instrument.\n"
    again = make_app(folder)
    async with again.run_test(size=(120, 40)) as pilot:
        await open_item(again, pilot, NSA)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(again.screen, ExportScreen)
        markdown = again.screen.markdown
        assert "## Our line\n\nWe support a legally binding instrument." in markdown
        await pilot.press("escape", "n")  # notes opened again: what is typed goes on where they end
        await pilot.pause()
        await pilot.press(*"Now.")
        await pilot.press("escape")
        await pilot.pause()
    assert notes_path(NSA, "en").read_text(encoding="utf-8") == "We support a legally binding instrument.\nNow.\n"


# Help, palette, quitting -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key(folder: Path, key: str) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(plain(w) for w in app.screen.query("Prose"))
        for needle in ("ctrl+p", "space", "OSC 52", "search", "export"):
            assert needle in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_is_made_once_per_language_and_opens_at_its_top(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, HelpScreen)
        first.query_one("#dialog").scroll_end(animate=False)
        await pilot.pause()
        assert first.query_one("#dialog").scroll_y > 0
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert app.screen is first and first.query_one("#dialog").scroll_y == 0
        await pilot.press("escape", "l", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen is not first and app.screen.lang == "zh"
        assert "支持程度" in " ".join(plain(w) for w in app.screen.query("Static"))


async def test_every_binding_has_an_id_and_a_description(folder: Path) -> None:
    from brief.tui.screens import export, help, notes, passage, search
    from brief.tui.widgets import detail, navigator

    classes: list[type[BriefApp | Widget | Screen[object]]] = [BriefApp, detail.DetailPane, navigator.Navigator, export.ExportScreen, help.HelpScreen,
               notes.NotesScreen, passage.PassageScreen, search.SearchScreen]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert binding.id and binding.description, (cls.__name__, binding)


async def test_command_palette_jumps_to_a_topic(folder: Path) -> None:
    brief = load(folder).brief(NSA)
    topic = brief.topics[-1]
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"{brief.agenda_item.short.en} > {topic.title.en}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current_view == View("topic", NSA, topic.id)
        assert app.query_one(Navigator).cursor_node.data == View("topic", NSA, topic.id)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_q_and_ctrl_q_quit(folder: Path, key: str) -> None:
    app = make_app(folder)
    async with app.run_test() as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


# Live reload -----------------------------------------------------------------------------------------------------


async def test_live_reload_shows_a_broken_file_and_keeps_the_good_ones_and_the_users_place(folder: Path) -> None:
    good = len(load(folder).briefs)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("j")
        place = current(app).ref
        broken = folder / "zz-broken.yaml"
        broken.write_text("schema: 1\nid: broken\ntopics: [\n", encoding="utf-8")
        await pilot.pause(0.6)
        assert len(app.corpus.briefs) == good
        assert any(p.path.endswith("zz-broken.yaml") and p.line for p in app.corpus.problems)
        labels = [str(node.label) for node in app.query_one(Navigator).root.children]
        assert any(label.startswith("Problems (") for label in labels)
        assert app.main.current_view == View("item", NSA) and current(app).ref == place
        app.query_one(Navigator).focus()
        app.jump_to(View("problems"))
        await pilot.pause()
        assert "zz-broken.yaml:" in detail_text(app)
        broken.unlink()
        await pilot.pause(0.6)
        assert app.corpus.problems == () and len(app.corpus.briefs) == good


async def test_live_reload_of_an_edited_brief(folder: Path) -> None:
    path = folder / f"{NSA}.yaml"
    brief = load(folder).brief(NSA)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(brief.summary.en, "Edited while the app was open."), encoding="utf-8")
        await pilot.pause(0.6)
        assert compact("Edited while the app was open.") in detail_text(app)


# Content is never markup -----------------------------------------------------------------------------------------


async def test_markup_in_content_is_shown_literally(folder: Path) -> None:
    path = folder / f"{NSA}.yaml"
    brief = load(folder).brief(NSA)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(brief.summary.en, "[bold red]Loud[/] [@click=app.quit]quit[/]"), encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        assert compact("[bold red]Loud[/] [@click=app.quit]quit[/]") in detail_text(app)
        assert app.is_running


# Small terminals -------------------------------------------------------------------------------------------------


async def test_the_layout_follows_the_terminal_as_it_is_resized(folder: Path) -> None:
    """MainScreen lays out again only for a new size: a real resize still moves the breakpoints, shows one pane
    at a time when narrow, and hides the source pane when short; a resize to the same size changes nothing."""
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        screen, source = app.screen, app.query_one(SourcePane)
        assert screen.has_class("-wide") and source.display and source.region.height > 0
        for size, classes in (((60, 16), {"-narrow", "-short"}), ((60, 16), {"-narrow", "-short"}),
                              ((100, 30), {"-normal", "-tall"})):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.1)
            assert classes <= set(screen.classes) and screen.size == size
            assert app.query_one(DetailPane).region.right <= size[0]
        assert source.region.height > 0 and source.region.bottom <= 30


async def test_a_resize_under_a_dialog_and_back_is_laid_out(folder: Path) -> None:
    """The main screen misses a resize made while a dialog is open; resizing back afterwards must still lay it
    out and set its breakpoints."""
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        main = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.resize_terminal(60, 16)
        await pilot.pause(0.1)
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.1)
        assert app.screen is main and main.size == (120, 40)
        assert {"-wide", "-tall"} <= set(main.classes) and not main.has_class("-narrow")
        assert app.query_one(Navigator).display and app.query_one(DetailPane).region.right > 60


@pytest.mark.parametrize("size", [(80, 24), (40, 15), (20, 8)])
async def test_small_terminals_stay_usable(folder: Path, size: tuple[int, int]) -> None:
    app = make_app(folder)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        navigator, detail = app.query_one(Navigator), app.query_one(DetailPane)
        assert navigator.display
        await pilot.press("enter")  # the tree opens on the first agenda item
        await pilot.pause()
        assert app.focused is detail and detail.display and detail.current() is not None
        if size[0] < 70:
            assert not navigator.display  # one pane at a time
        await pilot.press("j", "l", "slash", "escape", "e", "escape", "question_mark", "escape", "escape")
        await pilot.pause()
        assert app.focused is navigator and navigator.display
        assert app.is_running


# Reading fast: sections, folding, the one-page view -------------------------------------------------------------


async def test_section_keys_jump_and_fold_and_the_one_page_view_shows_the_note(folder: Path) -> None:
    from brief.export import plan
    from brief.sources import SeedLibrary

    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        detail = app.query_one(DetailPane)
        sections = [row.section for row in detail.rows if row.kind == "section"]
        assert sections == ["agree", "divide", "views", "proposals", "assessment"][:len(sections)]
        assert current(app).point.section == "agree"
        await pilot.press("right_square_bracket")
        assert current(app).point.section == "divide"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert current(app).point.section == "proposals"
        await pilot.press("left_square_bracket")
        assert current(app).point.section == "views"
        await pilot.press("z")  # the views fold: their points leave the page, the heading says so
        await pilot.pause()
        folded = next(row for row in detail.rows if row.section == "views")
        assert folded.folded and "z unfolds" in folded.text
        assert not [row for row in detail.rows if row.placed and row.placed.point.section == "views"]
        assert detail.highlighted is not None and detail.rows[detail.highlighted] == folded  # on its heading
        await pilot.press("down", "up")  # the folded heading can be stood on like a point
        assert detail.rows[detail.highlighted] == folded
        await pilot.press("enter")  # enter on a folded heading unfolds it, on its first point
        await pilot.pause()
        assert current(app).point.section == "views"
        await pilot.press("z", "z")  # fold, then z on the heading unfolds
        assert [row for row in detail.rows if row.placed and row.placed.point.section == "views"]
        assert current(app).point.section == "views"
        await pilot.press("o")  # what the one-page note holds, and no more
        await pilot.pause()
        brief = app.corpus.brief(NSA)
        assert brief is not None
        note = plan(brief, prepared=dt.date.today(), seeds=SeedLibrary(folder.parent / "seeds")).included
        shown = [row.placed.point.id for row in detail.rows if row.placed]
        assert sorted(shown) == sorted(note) and len(shown) < len(list(brief.points()))
        assert any("The one-page note" in row.text for row in detail.rows)
        await pilot.press("o")
        assert len([row for row in detail.rows if row.placed]) == len(list(brief.points()))


async def test_a_click_takes_a_point_and_a_second_click_opens_its_passage(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        detail = app.query_one(DetailPane)
        target = next(i for i, row in enumerate(detail.rows) if row.placed) + 2
        target = next(i for i in range(target, len(detail.rows)) if detail.rows[i].placed)
        detail._update_lines()
        y = detail._index_to_line[target] - int(detail.scroll_y)
        await pilot.click(DetailPane, offset=(20, y))
        await pilot.pause()
        assert detail.highlighted == target and not isinstance(app.screen, PassageScreen)
        await pilot.click(DetailPane, offset=(20, y))
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)


async def test_the_export_dialog_proposes_the_documents_folder_and_remembers_the_last(folder: Path,
                                                                                       tmp_path: Path) -> None:
    from brief.locations import documents_dir

    documents_dir().mkdir(parents=True)
    chosen = tmp_path / "exports"
    chosen.mkdir()
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        screen = await export_dialog(app, pilot)
        assert screen.query_one("#folder", Input).value == str(documents_dir())
        assert screen.query_one("#language", RadioSet)._selected == 0  # the keyboard's place is the chosen one
        screen.query_one("#folder", Input).value = str(chosen)
        await pilot.click("#write")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert [p.name for p in chosen.iterdir()] == ["cd-2105-nsa-Negative-security-assurances.en.md"]
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#folder", Input).value == str(chosen)


@pytest.mark.parametrize("name", ["~nosuchuser/x.md", "n" * 300 + ".md"])
async def test_a_bad_file_name_in_the_export_dialog_is_a_message_not_a_crash(folder: Path, name: str) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#filename", Input).value = name
        await pilot.click("#write")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and app.is_running
        status = str(app.screen.query_one("#status", Static).render())
        assert ("no such user" in status) if name.startswith("~") else ("the name is too long" in status), status


async def test_the_export_dialog_at_40x15_keeps_the_name_and_the_buttons_in_view(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(40, 15)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        for selector in ("#filename", "#write", "#cancel", "#folder"):
            region = screen.query_one(selector).region
            assert region.height and region.bottom <= 15 and region.right <= 40, selector
        footer = screen.query_one("#dialog-footer")
        assert footer.region.bottom == 15


# A theme across documents ----------------------------------------------------------------------------------------


async def test_a_theme_shows_what_changed_then_each_document_in_the_order_of_its_meetings(folder: Path) -> None:
    from brief.themes import theme_groups

    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        app.jump_to(View("theme", theme_id="fmct"))
        await pilot.pause()
        detail = app.query_one(DetailPane)
        titles = [row.text for row in detail.rows if row.kind == "title"]
        groups = theme_groups(app.corpus, "fmct")
        assert titles[0] == "Fissile material treaty (FMCT)" and len(titles) == 1 + len(groups)
        assert [title.split(" · ")[0] for title in titles[1:]] == ["A/68/514 (2013)", "CD/2105 (2017)",
                                                                    "14 September 2017"]
        sections = [row for row in detail.rows if row.kind == "section"]
        assert sections[0].section == "what-changed" and sections[0].text == "What changed"
        shown = [row.placed.ref for row in detail.rows if row.placed]
        assert shown == [placed.ref for group in groups for placed in group.points()]
        navigator = app.query_one(Navigator)
        theme_node = navigator.cursor_node
        assert theme_node is not None and not theme_node.children  # its documents come as it unfolds
        navigator.focus()
        await pilot.press("right")
        await pilot.pause()
        assert theme_node.is_expanded and [str(child.label) for child in theme_node.children] == [
            f"{group.brief.document.symbol or group.brief.document.cite('en')}: {len(group)} point"
            + ("s" if len(group) != 1 else "") for group in groups]


async def test_a_theme_on_a_wide_terminal_puts_two_documents_side_by_side(folder: Path) -> None:
    """The second column is made the first time it is needed (not at the start), and follows the language."""
    app = make_app(folder)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert not app.query("#compare")
        app.jump_to(View("theme", theme_id="fmct"))
        await pilot.pause()
        left, right = app.query_one("#detail", DetailPane), app.query_one("#compare", DetailPane)
        assert right.display and "-compare" in app.screen.classes
        def documents(pane: DetailPane) -> set[str]:
            return {row.placed.brief.id for row in pane.rows if row.placed}
        assert documents(left) == {"a-68-514-oewg"} and documents(right) == {"cd-2017-nuclear-disarmament"}
        assert any(row.section == "what-changed" for row in left.rows)
        assert not any(row.section == "what-changed" for row in right.rows)
        await pilot.press("d")  # the next pair: the first document and the next
        assert documents(right) == {"cd-2105-fmct"}
        titles = [row.text for row in right.rows if row.kind == "title"]
        await pilot.press("l")
        await pilot.pause()
        assert right.lang == "zh" and [row.text for row in right.rows if row.kind == "title"] != titles
        assert documents(right) == {"cd-2105-fmct"} and len(app.query("#compare")) == 1
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert not right.display and len({row.placed.brief.id for row in left.rows if row.placed}) == 3


async def test_e_on_a_theme_exports_the_note_on_the_theme(folder: Path, tmp_path: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        app.jump_to(View("theme", theme_id="nsa"))
        await pilot.pause()
        screen = await export_dialog(app, pilot)
        assert screen.query_one("#filename", Input).value == "theme-nsa.en.md"
        assert screen.markdown.startswith("# ") and "Negative security assurances" in screen.markdown.splitlines()[0]
        screen.query_one("#folder", Input).value = str(tmp_path)
        await pilot.click("#write")
        await pilot.pause()
        assert (tmp_path / "theme-nsa.en.md").read_text(encoding="utf-8") == screen.markdown


# Frames: what a key redraws -------------------------------------------------------------------------------------


def counting(widget: Widget, name: str) -> list[int]:
    """Count the calls of `widget`'s method `name` (the method still runs)."""
    calls = [0]
    method = getattr(widget, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return method(*args, **kwargs)

    setattr(widget, name, counted)
    return calls


async def test_a_mark_draws_only_its_point_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """space redraws the marked point alone (Textual's prompt replacement would draw every point on the screen
    again, and the next change of focus all of them once more), and the pane is then as drawn from scratch."""
    from brief.tui.widgets.point import MARK, LinesVisual

    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("escape", "enter")  # the page drawn beside the tree, then with the focus
        await pilot.pause()
        detail = app.query_one(DetailPane)
        region = detail.scrollable_content_region.reset_offset

        def screen() -> list[str]:
            return [strip.text for strip in detail.render_lines(region)]

        drawn = [0]
        render = LinesVisual.render_strips

        def counted(visual: LinesVisual, *args: Any) -> Any:
            drawn[0] += 1
            return render(visual, *args)

        monkeypatch.setattr(LinesVisual, "render_strips", counted)
        await pilot.press("space")
        await pilot.pause()
        assert current(app).ref in app.marks
        assert drawn[0] == 1 and any(MARK in line for line in screen())
        await pilot.press("escape")  # the focus back to the tree: the other points' strips are kept
        await pilot.pause()
        assert drawn[0] == 2
        kept = screen()
        detail._clear_caches()
        assert screen() == kept


async def test_a_layout_that_changes_nothing_leaves_the_scroll_views_alone(folder: Path) -> None:
    """The screen laid out again (as on every change of focus) does not update the scrollbars of views whose
    size did not change, each a frame of its own; a view that grows still gets its scrollbar."""
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.press("j")
        await pilot.pause()
        detail, navigator, source = app.query_one(DetailPane), app.query_one(Navigator), app.query_one(SourcePane)
        updates = [counting(view, "_scroll_update") for view in (detail, navigator, source)]
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert [calls[0] for calls in updates] == [0, 0, 0]
        await pilot.press("escape")  # to the tree: a layout for the change of focus
        await pilot.pause()
        assert [calls[0] for calls in updates] == [0, 0, 0]
        assert detail.vertical_scrollbar.window_virtual_size == detail.virtual_size.height
        themes = next(node for node in navigator.root.children if not node.children or node.data is None
                      and node.label.plain in {"Themes", t("en", "Themes")})
        themes.expand()  # the tree grows past its height: its scrollbar comes
        await pilot.pause()
        assert navigator.virtual_size.height > navigator.size.height and navigator.show_vertical_scrollbar
        assert navigator.vertical_scrollbar.window_virtual_size == navigator.virtual_size.height


async def test_the_footer_is_drawn_again_only_when_its_keys_change(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        await pilot.pause()
        footer = app.query_one(LocalizedFooter)
        refreshes = counting(footer, "refresh")
        before = footer_text(app)
        app.screen.bindings_updated_signal.publish(app.screen)  # the same keys signalled again
        await pilot.pause()
        assert refreshes[0] == 0
        await pilot.press("escape")  # the tree's keys: another footer
        await pilot.pause()
        assert refreshes[0] >= 1 and footer_text(app) != before
        drawn = "".join(segment.text for strip in footer.render_lines(footer.region.reset_offset) for segment in strip)
        assert compact(drawn) == compact(footer_text(app))  # what is on the screen is the new footer


async def test_a_change_of_focus_sends_the_panes_scrollbars_with_it(folder: Path) -> None:
    """Focus restyles a pane and its scrollbars: the scrollbars go to the screen at once, with the pane, so the
    change is drawn in one frame (left to themselves they are sent when next idle, after the screen's frame)."""
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        detail, navigator = app.query_one(DetailPane), app.query_one(Navigator)
        assert detail.has_focus and detail.show_vertical_scrollbar
        bar, watch = detail.vertical_scrollbar, detail.watch_has_focus
        pending: list[bool] = []

        def watched(has_focus: bool) -> None:
            watch(has_focus)
            pending.append(bar._repaint_required)  # still to be sent, after the pane's restyle?

        detail.watch_has_focus = watched  # type: ignore[method-assign]
        navigator.focus()  # as escape does: the detail pane loses the focus
        await pilot.pause()
        assert pending == [False] and not detail.has_focus


async def test_a_reload_frees_the_old_search_index_and_its_boxes(folder: Path) -> None:
    """After a reload the old corpus's search index is not kept (by the app or by a search box kept for it, in
    either language), so memory holds one index, not two; `/` still searches the new briefs."""
    import gc
    import weakref

    path = folder / f"{NSA}.yaml"
    brief = load(folder).brief(NSA)
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, NSA)
        for lang in ("zh", "en"):  # a search box kept in each language
            app.lang = lang
            await pilot.pause()
            await pilot.press("slash", *"nsa", "escape")
            await pilot.pause()
        old = weakref.ref(app.search_index())
        assert app.is_screen_installed("search-en") and app.is_screen_installed("search-zh")
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(brief.summary.en, "Edited while the app was open."), encoding="utf-8")
        await pilot.pause(0.6)
        assert compact("Edited while the app was open.") in detail_text(app)
        gc.collect()
        assert old() is None and not app.is_screen_installed("search-zh")
        await pilot.press("slash", *"edited while")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.index is app.search_index()


async def test_a_move_in_the_tree_leaves_the_source_pane_alone_when_it_shows_the_same(folder: Path) -> None:
    """Each page opens with no point chosen: the source pane, already showing its hint, is not drawn again (a
    frame after the page's); choosing a point draws its passage, and the same point again draws nothing."""
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        navigator, source = app.query_one(Navigator), app.query_one(SourcePane)
        navigator.focus()
        await pilot.pause()
        updates = counting(source, "update")
        hint = plain(source)
        for key in ("down", "down", "up"):
            await pilot.press(key)
            await pilot.pause()
        assert updates[0] == 0 and plain(source) == hint
        await pilot.press("enter", "j")  # the first point, then the next: two passages
        await pilot.pause()
        assert updates[0] == 2 and plain(source) != hint
        entry = app.query_one(DetailPane).current()
        assert entry is not None
        source.show(entry.brief, entry.point)
        assert updates[0] == 2
        app.lang = "zh"  # the same point in another language: drawn again
        await pilot.pause()
        assert updates[0] >= 3 and plain(source) != hint
