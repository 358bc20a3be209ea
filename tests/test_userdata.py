"""The user's settings file: written readably, read back, and a damaged one ignored rather than fatal."""

from __future__ import annotations

import pytest

from brief.locations import config_dir
from brief.userdata import SETTINGS_FILE, load_settings, save_settings


def test_settings_round_trip_as_readable_utf8_json() -> None:
    save_settings({"lang": "zh", "theme": "nord", "note": "中文"})
    text = (config_dir() / SETTINGS_FILE).read_text(encoding="utf-8")
    assert text == '{\n  "lang": "zh",\n  "theme": "nord",\n  "note": "中文"\n}\n'
    assert load_settings() == {"lang": "zh", "theme": "nord", "note": "中文"}


@pytest.mark.parametrize("content", [b"", b"\xff\xfe{", b"[1, 2]", b'{"lang": 3, "theme": "nord"}', b"{,}"])
def test_a_damaged_settings_file_is_ignored(content: bytes) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / SETTINGS_FILE).write_bytes(content)
    assert load_settings() == ({"theme": "nord"} if b"nord" in content else {})


def test_a_settings_folder_in_place_of_the_file_is_ignored() -> None:
    (config_dir() / SETTINGS_FILE).mkdir(parents=True)
    assert load_settings() == {}
