"""What brief keeps for its user (brief/userdata.py), on real files: settings, notes per language, marks; names
that no two ids share; files that cannot be read are kept, never replaced."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brief.files import FileError, key_stem, set_aside
from brief.locations import config_dir, marks_dir, notes_dir
from brief.userdata import (
    SETTINGS_FILE,
    NotesConflict,
    Settings,
    earlier_notes_path,
    keep_notes_aside,
    load_marks,
    load_notes,
    load_settings,
    marks_path,
    notes_path,
    save_marks,
    save_notes,
    save_settings,
)
from tests.test_bad_input import snapshot

RESERVED = ["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))]


# Names -------------------------------------------------------------------------------------------------------


def windows_reserved(name: str) -> bool:
    """Whether Windows reserves the file name `name` (the part before the first dot, in any case)."""
    return name.split(".")[0].lower() in RESERVED


def test_every_reserved_name_gets_a_file_of_its_own() -> None:
    ids = [*RESERVED, "brief", "cd-2105-nsa", "_63on", "con-1", "nul-x", "com10", "lpt", "comx"]
    names = {notes_path(brief_id, "en").name for brief_id in ids}
    assert len(names) == len(ids)  # no two ids share a file
    assert not any(windows_reserved(name) for name in names)
    assert notes_path("cd-2105-nsa", "zh").name == "cd-2105-nsa.zh.md"  # a plain id stays readable
    assert notes_path("con", "zh").name == "_63on.zh.md"
    assert marks_path("nul").name == "_6eul.json"


@given(st.lists(st.text(alphabet=string.ascii_letters + string.digits + "-_.: 中/\\", max_size=8), max_size=30,
                unique=True))
def test_stems_are_distinct_on_case_insensitive_file_systems(keys: list[str]) -> None:
    stems = [key_stem(key) for key in keys]
    assert len({stem.lower() for stem in stems}) == len(keys)
    for stem in stems:
        assert stem and set(stem) <= set(string.ascii_lowercase + string.digits + "-_")
        assert not windows_reserved(stem)


# Settings ----------------------------------------------------------------------------------------------------


def test_settings_round_trip_as_readable_utf8_json_keeping_values_brief_does_not_use() -> None:
    save_settings(Settings({"lang": "zh", "theme": "nord", "note": "中文", "later": [1, 2]}))
    text = (config_dir() / SETTINGS_FILE).read_text(encoding="utf-8")
    assert text == '{\n  "lang": "zh",\n  "theme": "nord",\n  "note": "中文",\n  "later": [\n    1,\n    2\n  ]\n}\n'
    settings = load_settings()
    assert settings.values["later"] == [1, 2] and settings.lang() == "zh" and settings.problem is None


@pytest.mark.parametrize(("content", "lang", "theme"), [
    (b'{"lang": "fr"}', None, None),  # a language brief does not speak
    (b'{"lang": 3, "theme": "nord"}', None, "nord"),  # a wrong type
    (b'{"lang": ["zh"], "theme": {"a": 1}}', None, None),
])
def test_unusable_values_are_ignored_and_the_file_left_as_it_is(content: bytes, lang: str | None,
                                                               theme: str | None) -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / SETTINGS_FILE).write_bytes(content)
    settings = load_settings()
    assert (settings.lang(), settings.text("theme"), settings.problem) == (lang, theme, None)
    assert (config_dir() / SETTINGS_FILE).read_bytes() == content


def make_special(path: Path, kind: str) -> None:
    """Put something at `path` that is not a readable settings, notes or marks file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_bytes(b" " * 2_000_001)
    else:
        path.write_bytes({"nesting": b"[" * 30_000 + b"]" * 30_000, "empty": b"", "not-utf8": b"\xff\xfe{",
                          "a-list": b"[1, 2]", "broken": b"{,}", "deep-object": b'{"a":' * 20_000 + b"1" +
                          b"}" * 20_000}[kind])


DAMAGED = ["nesting", "empty", "not-utf8", "a-list", "broken", "deep-object", "fifo", "dev-zero", "folder", "huge"]


@pytest.mark.parametrize("kind", DAMAGED)
def test_a_damaged_settings_file_is_kept_aside_and_ignored(kind: str) -> None:
    path = config_dir() / SETTINGS_FILE
    make_special(path, kind)
    before = snapshot(config_dir())
    settings = load_settings()
    assert settings.values == {} and settings.problem is not None and settings.writable
    assert settings.kept_as == path.with_name("settings.json.bak")
    assert not os.path.lexists(path)
    assert snapshot(config_dir()) == {key.replace("settings.json", "settings.json.bak"): value
                                      for key, value in before.items()}  # the same bytes, aside
    message = settings.problem.message("en")
    assert message.startswith(f"{path}") or message.startswith(f"cannot read {path}"), message
    save_settings(Settings({"lang": "zh"}))  # the place is free: a new file, the old one still aside
    assert load_settings().lang() == "zh" and os.path.lexists(settings.kept_as)


def test_an_earlier_bak_is_never_replaced() -> None:
    folder = config_dir()
    folder.mkdir(parents=True)
    for name, content in (("settings.json", b"{"), ("settings.json.bak", b"first"), ("settings.json.1.bak", b"2")):
        (folder / name).write_bytes(content)
    assert load_settings().kept_as == folder / "settings.json.2.bak"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "settings.json.bak": b"first", "settings.json.1.bak": b"2", "settings.json.2.bak": b"{"}


def test_set_aside_of_a_link_keeps_the_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("kept\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(target)
    kept = set_aside(tmp_path / "link.md")
    assert kept.is_symlink() and os.readlink(kept) == str(target) and target.read_text() == "kept\n"


# Notes -------------------------------------------------------------------------------------------------------


def test_notes_are_kept_per_language() -> None:
    save_notes(load_notes("cd-2105-nsa", "en"), "We support a treaty.")
    save_notes(load_notes("cd-2105-nsa", "zh"), "我方支持缔结条约。\n- 一\n- 二")
    assert load_notes("cd-2105-nsa", "en").text == "We support a treaty.\n"
    assert load_notes("cd-2105-nsa", "zh").text == "我方支持缔结条约。\n- 一\n- 二\n"
    assert sorted(p.name for p in notes_dir().iterdir()) == ["cd-2105-nsa.en.md", "cd-2105-nsa.zh.md"]
    assert load_notes("con", "en").text == ""  # another item's line never shows here


def test_notes_of_the_previous_release_are_offered_in_every_language_and_never_changed() -> None:
    earlier = notes_dir() / "cd-2105-nsa.md"
    notes_dir().mkdir(parents=True)
    earlier.write_text("Our line, from last year.\n", encoding="utf-8")
    for lang in ("en", "zh"):
        notes = load_notes("cd-2105-nsa", lang)
        assert (notes.text, notes.earlier, notes.found) == ("Our line, from last year.\n", earlier, None)
    unchanged = save_notes(load_notes("cd-2105-nsa", "zh"), "Our line, from last year.\n")
    assert unchanged.earlier == earlier and not notes_path("cd-2105-nsa", "zh").exists()  # nothing written
    save_notes(load_notes("cd-2105-nsa", "en"), "Our line, this year.")
    assert load_notes("cd-2105-nsa", "en").text == "Our line, this year.\n"
    assert load_notes("cd-2105-nsa", "zh").text == "Our line, from last year.\n"  # still the earlier file's
    save_notes(load_notes("cd-2105-nsa", "zh"), "")  # emptied: the earlier file no longer shows through
    assert load_notes("cd-2105-nsa", "zh").text == "" and notes_path("cd-2105-nsa", "zh").read_bytes() == b""
    assert earlier.read_text(encoding="utf-8") == "Our line, from last year.\n"


def test_a_shared_file_of_the_previous_release_is_not_offered_to_reserved_ids() -> None:
    notes_dir().mkdir(parents=True)
    (notes_dir() / "brief.md").write_text("whose line?\n", encoding="utf-8")  # `con`, `nul`… all wrote here
    assert earlier_notes_path("con") is None and load_notes("con", "en").text == ""
    assert load_notes("brief", "en").text == "whose line?\n"


def test_emptying_notes_removes_the_file_only_if_unchanged_since_opened() -> None:
    save_notes(load_notes("x", "en"), "mine")
    opened = load_notes("x", "en")
    save_notes(opened, "  \n")
    assert not notes_path("x", "en").exists()
    save_notes(load_notes("x", "en"), "mine")
    opened = load_notes("x", "en")
    notes_path("x", "en").write_text("theirs\n", encoding="utf-8")  # another window saved meanwhile
    with pytest.raises(NotesConflict) as conflict:
        save_notes(opened, "")
    assert conflict.value.theirs == "theirs\n" and notes_path("x", "en").read_text() == "theirs\n"


@pytest.mark.parametrize("theirs", ["changed", "removed", "created"])
def test_a_save_notices_the_file_changed_since_it_was_opened(theirs: str) -> None:
    path = notes_path("x", "en")
    if theirs != "created":
        save_notes(load_notes("x", "en"), "first")
    opened = load_notes("x", "en")
    if theirs == "removed":
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("theirs\n", encoding="utf-8")
    before = snapshot(notes_dir())
    with pytest.raises(NotesConflict) as conflict:
        save_notes(opened, "mine")
    assert conflict.value.theirs == (None if theirs == "removed" else "theirs\n")
    assert snapshot(notes_dir()) == before
    save_notes(opened, "mine", replace_theirs=True)  # the user chose to keep theirs over the other's
    assert path.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("kind", ["not-utf8", "fifo", "dev-zero", "folder", "huge", "unreadable"])
def test_notes_that_cannot_be_read_are_never_replaced(kind: str) -> None:
    path = notes_path("x", "en")
    if kind == "unreadable":
        path.parent.mkdir(parents=True)
        path.write_text("secret\n", encoding="utf-8")
        path.chmod(0)
        if os.access(path, os.R_OK):
            pytest.skip("root reads every file")
    else:
        make_special(path, kind)
    before = snapshot(notes_dir())
    notes = load_notes("x", "en")
    assert notes.problem is not None and notes.damaged == path and notes.text == ""
    assert (notes.readable is not None) == (kind == "not-utf8")
    with pytest.raises(FileError):
        save_notes(notes, "typed over it")
    assert snapshot(notes_dir()) == before
    kept = keep_notes_aside(notes)
    assert kept == path.with_name("x.en.md.bak") and not os.path.lexists(path)
    assert load_notes("x", "en").problem is None


def test_undecodable_notes_are_shown_as_far_as_they_decode() -> None:
    path = notes_path("x", "zh")
    path.parent.mkdir(parents=True)
    path.write_bytes("我方立场".encode() + b"\xd0\xc5")
    notes = load_notes("x", "zh")
    assert notes.readable == "我方立场\ufffd\ufffd"
    assert notes.problem is not None and notes.problem.message("en") == f"cannot read {path} (it is not UTF-8 text)"
    assert notes.problem.message("zh") == f"无法读取 {path}（不是 UTF-8 文本）"


# Marks -------------------------------------------------------------------------------------------------------


def test_marks_round_trip_and_none_is_no_file() -> None:
    save_marks("cd-2105-nsa", ["b", "a"])
    assert load_marks("cd-2105-nsa") == ["b", "a"]
    assert load_marks("other") == []
    save_marks("cd-2105-nsa", [])
    assert not marks_path("cd-2105-nsa").exists() and list(marks_dir().iterdir()) == []


@pytest.mark.parametrize("kind", ["nesting", "empty", "not-utf8", "a-list", "broken", "fifo", "dev-zero", "huge"])
def test_damaged_marks_are_an_error_with_the_path(kind: str) -> None:
    make_special(marks_path("x"), kind)
    with pytest.raises(FileError) as raised:
        load_marks("x")
    assert str(marks_path("x")) in raised.value.message("en")
