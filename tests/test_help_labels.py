"""Help names the levels of support by the labels the points carry, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.i18n import support_label, support_note
from brief.model import SUPPORT_LEVELS
from brief.tui.screens.help import HelpScreen
from tests.test_app import make_app, plain


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_help_names_every_level_as_the_points_do(folder: Path, lang: str) -> None:
    app = make_app(folder, lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "".join(plain(prose) for prose in app.screen.query("Prose")).replace(" ", "").replace("\n", "")
        levels = [support_label(level, lang) for level in SUPPORT_LEVELS]
        assert all(level.replace(" ", "") in text for level in levels), levels
        if lang == "zh":  # the page's notes say （全体）, so help says 全体, not 一致
            assert support_note("all", lang) == "（全体）" and "一致" not in text
