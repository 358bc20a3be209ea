"""The keys: help and the README list what the bindings do, the keymap in the settings file remaps them."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from brief.tui.app import BriefApp
from brief.tui.keys import key_names, markdown_table, sections
from brief.tui.screens.help import HelpScreen
from brief.tui.widgets.prose import Prose
from tests.conftest import ROOT


def test_the_readme_lists_the_keys_the_bindings_have() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- keys:[^\n]*-->\n(.*?)<!-- /keys -->", readme, re.S)
    assert table is not None and table.group(1) == markdown_table(), "run: python -m brief.tui.keys"


def test_every_key_has_an_id_and_a_description_to_translate() -> None:
    ids = [binding.id for _, bindings in sections() for binding in bindings]
    assert len(ids) == len(set(ids)) > 20
    assert all(binding.description for _, bindings in sections() for binding in bindings)


async def test_help_shows_every_binding_in_the_interface_language(tmp_path: Path) -> None:
    app = BriefApp(briefs_dir=ROOT / "briefs", lang="zh")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join([*(str(widget.render()) for widget in app.screen.query(Static)),
                          *(widget._content.plain for widget in app.screen.query(Prose))])
        assert "在目录树中" in text and "在要点上" in text  # the section titles, in Chinese
        for _, bindings in sections():
            for binding in bindings:
                assert key_names(binding.key).split()[0] in text, binding
