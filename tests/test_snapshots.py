"""Snapshots of the main views, as SVG screenshots compared with the accepted ones in `tests/__snapshots__/`.

They pin the look at 80x24 and 120x40 in both languages. After an intended change of the look or of the bundled
briefs, look at the differences (`pytest --snapshot-report`) and accept them with `pytest --snapshot-update`.
Textual and Rich are pinned in pyproject.toml because their rendering changes between releases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.tui.app import BriefApp
from brief.tui.state import View

NSA = View("item", "cd-2105-nsa")


@pytest.fixture(autouse=True)
def _fixed_date_and_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # the export preview's date: 20 November 2026
    monkeypatch.chdir(folder.parent)  # the export screen proposes a file name in the working directory


async def on_nsa(pilot, *keys: str) -> None:
    """The negative security assurances item, on its second point, then `keys`."""
    await pilot.pause()
    pilot.app.jump_to(NSA)
    await pilot.pause()
    await pilot.press("j", *keys)
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_agenda_item(snap_compare, folder: Path, lang: str, size: tuple[int, int]) -> None:
    app = BriefApp(briefs_dir=folder, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=on_nsa)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_export_screen(snap_compare, folder: Path, lang: str) -> None:
    async def run_before(pilot) -> None:
        await on_nsa(pilot, "e")

    assert snap_compare(BriefApp(briefs_dir=folder, lang=lang), terminal_size=(100, 30), run_before=run_before)


def test_help_in_chinese(snap_compare, folder: Path) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(BriefApp(briefs_dir=folder, lang="zh"), terminal_size=(80, 30), run_before=run_before)


def test_search_results(snap_compare, folder: Path) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("slash", *"security assurances")
        await pilot.pause()

    assert snap_compare(BriefApp(briefs_dir=folder, lang="en"), terminal_size=(80, 24), run_before=run_before)


def test_theme_view(snap_compare, folder: Path) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.jump_to(View("theme", theme_id="fmct"))
        await pilot.pause()

    assert snap_compare(BriefApp(briefs_dir=folder, lang="en"), terminal_size=(100, 30), run_before=run_before)


def test_narrow_terminal(snap_compare, folder: Path) -> None:
    assert snap_compare(BriefApp(briefs_dir=folder, lang="zh"), terminal_size=(40, 15), run_before=on_nsa)
