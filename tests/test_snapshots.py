"""Snapshots of the main views, as SVG screenshots compared with the accepted ones in `tests/__snapshots__/`.

They pin the look at 40x15, 80x24 and 120x40 in both languages, for an agenda item, its one-page view, a split,
the export dialog and search results; a theme grouped by document at 80x24 and side by side at 160x45. After an intended change of the look or of the bundled
briefs, look at the differences (`pytest --snapshot-report`) and accept them with `pytest --snapshot-update`.
Textual and Rich are pinned in pyproject.toml because their rendering changes between releases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.tui.app import BriefApp
from brief.tui.state import View

NSA = View("item", "cd-2105-nsa")


#: The export dialog shows the folder it proposes: one with the same name in every run.
DOCUMENTS = Path("/tmp/brief-snapshots/Documents")
SIZES = pytest.mark.parametrize("size", [(40, 15), (80, 24), (120, 40)], ids=["40x15", "80x24", "120x40"])
LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture(autouse=True)
def _fixed_date_and_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # the export preview's date: 20 November 2026
    monkeypatch.chdir(folder.parent)
    DOCUMENTS.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(DOCUMENTS))


async def on_nsa(pilot, *keys: str) -> None:
    """The negative security assurances item, on its second point, then `keys`."""
    await pilot.pause()
    pilot.app.jump_to(NSA)
    await pilot.pause()
    await pilot.press("j", *keys)
    await pilot.pause()


@LANGS
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_agenda_item(snap_compare, folder: Path, lang: str, size: tuple[int, int]) -> None:
    app = BriefApp(briefs_dir=folder, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=on_nsa)


#: What the ten-minute task looks at, by the keys that show it on the negative security assurances item.
VIEWS = {"one-page": ("o",), "split": ("right_square_bracket",), "export": ("e",)}


@LANGS
@SIZES
@pytest.mark.parametrize("view", VIEWS)
def test_the_ten_minute_views(snap_compare, folder: Path, lang: str, size: tuple[int, int], view: str) -> None:
    async def run_before(pilot) -> None:
        await on_nsa(pilot, *VIEWS[view])

    assert snap_compare(BriefApp(briefs_dir=folder, lang=lang), terminal_size=size, run_before=run_before)


@LANGS
@SIZES
def test_search_results_at_every_size(snap_compare, folder: Path, lang: str, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("slash", *("assurances" if lang == "en" else "消极安全保证"))
        await pilot.pause()

    assert snap_compare(BriefApp(briefs_dir=folder, lang=lang), terminal_size=size, run_before=run_before)


@LANGS
@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24-grouped", "160x45-side-by-side"])
def test_a_theme_across_documents(snap_compare, folder: Path, lang: str, size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.jump_to(View("theme", theme_id="fmct"))
        await pilot.pause()

    assert snap_compare(BriefApp(briefs_dir=folder, lang=lang), terminal_size=size, run_before=run_before)


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
