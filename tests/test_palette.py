"""The command palette, as a user opens it: the app's own commands and Textual's in the interface language, themes
and agenda items to jump to, and the briefs' text shown as text, never acted on as markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from brief.tui.screens.export import ExportScreen
from brief.tui.screens.main import MainScreen
from brief.tui.screens.search import SearchScreen
from brief.tui.state import View
from tests.conftest import mutate
from tests.test_app import NSA, make_app

CJK = re.compile(r"[\u4e00-\u9fff]")


def listed(app) -> list[str]:
    """The palette's entries as shown: each one's name (its first line)."""
    return [option.prompt.plain.split("\n")[0] for option in app.screen.query_one(CommandList).options]


async def open_palette(pilot, query: str = "") -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    if query:
        await pilot.press(*query)
    await pilot.pause(0.4)  # the palette gathers its hits in a worker


async def test_in_chinese_every_command_and_the_placeholder_are_chinese(folder: Path) -> None:
    app = make_app(folder, lang="zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert CJK.search(app.screen.query_one(CommandInput).placeholder)
        commands = [name for name in listed(app) if not name.startswith(("主题：", "项目"))]
        assert {"搜索", "导出", "备注", "切换语言", "帮助", "配色方案", "退出", "按键", "截图"} <= set(commands), commands
        assert all(CJK.search(name) for name in commands), commands  # Textual's own included
        await pilot.press("escape")
        await open_palette(pilot, "配色")
        await pilot.press("enter")  # Textual's theme command: its own palette, also in Chinese
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        assert CJK.search(app.screen.query_one(CommandInput).placeholder)


@pytest.mark.parametrize(("query", "opened"), [("export", ExportScreen), ("search", SearchScreen)])
async def test_the_apps_commands_run_from_the_palette(folder: Path, query: str, opened: type) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette(pilot, query)
        assert listed(app)[0] == query.capitalize()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, opened)


async def test_switch_language_and_the_key_points_view_once_the_main_screen_has_it(folder: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette(pilot, "key points")
        assert "Key points" not in listed(app)  # no such view on this main screen
        await pilot.press("escape")
        shown: list[bool] = []
        monkeypatch.setattr(MainScreen, "action_key_points", lambda self: shown.append(True), raising=False)
        await open_palette(pilot, "key points")
        assert listed(app)[0] == "Key points"
        await pilot.press("enter")
        await pilot.pause()
        assert shown == [True]
        await open_palette(pilot, "switch language")
        await pilot.press("enter")
        await pilot.pause()
        assert app.lang == "zh"


async def test_a_title_written_as_markup_shows_as_text_and_never_acts(folder: Path) -> None:
    mutate(folder / f"{NSA}.yaml", 'short: {en: "Negative security assurances"',
           'short: {en: "[@click=app.quit]x[/] [b]NSA[/b]"')
    app = make_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_palette(pilot)
        assert any("[@click=app.quit]x[/] [b]NSA[/b]" in name for name in listed(app))  # discovered, as written
        await pilot.press("escape")
        await open_palette(pilot, "click=app")
        names = listed(app)
        assert names and "[@click=app.quit]x[/] [b]NSA[/b]" in names[0], names
        # on the "x" that the markup would make a link (the list has a border line above its options)
        await pilot.click(CommandList, offset=(2 + names[0].index("x"), 1))
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, CommandPalette)
        assert app.main.current_view == View("item", NSA)  # the click chose the hit, nothing else


async def test_before_typing_the_palette_lists_items_then_themes_then_topics_up_to_a_bound(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of topics (a large corpus) would take the palette a second to open: before a key, it lists the
    agenda items, then the themes, then topics, at most DISCOVERY_LIMIT; typing still finds every topic."""
    from brief.loader import load
    from brief.tui import commands

    corpus = load(folder)
    items = len(corpus.briefs)
    monkeypatch.setattr(commands, "DISCOVERY_LIMIT", items + 2)
    app = make_app(folder)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_palette(pilot)
        jumps = [name for name in listed(app) if " | " in name or name.startswith("Theme: ") or " > " in name]
        assert len(jumps) == items + 2 and all(" | " in name for name in jumps[:items])
        assert all(name.startswith("Theme: ") for name in jumps[items:])
        await pilot.press("escape")
        brief = corpus.brief(NSA)
        assert brief is not None
        topic = brief.topics[-1]
        await open_palette(pilot, topic.title.en)
        assert f"{brief.agenda_item.short.en} > {topic.title.en}" in " ".join(listed(app))


async def test_the_palette_shown_again_starts_afresh(folder: Path) -> None:
    """The palette is made once a language and shown again: each time with an empty query and the whole list of
    an unopened palette (not the last query's hits, nor the command last chosen)."""
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette(pilot)
        first, fresh = app.screen, listed(app)
        await pilot.press(*"export")
        await pilot.pause(0.4)
        assert listed(app)[0] == "Export" and len(listed(app)) < len(fresh)
        await pilot.press("escape")
        await open_palette(pilot)
        assert app.screen is first  # the same palette, shown again
        assert app.screen.query_one(CommandInput).value == ""
        assert listed(app) == fresh  # not the last query's hits
        await pilot.press(*"export", "enter")  # a command chosen: the palette closes and runs it
        await pilot.pause(0.3)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.pause()
        await open_palette(pilot)  # after a command ran from it: afresh too
        assert app.screen is first and listed(app) == fresh
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")  # another language: its own palette, in that language
        await open_palette(pilot)
        assert app.screen is not first and "搜索" in listed(app)
