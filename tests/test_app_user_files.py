"""The user's own work in the app, driven through Pilot on real files: notes per language, kept like a careful
editor keeps a document; marks kept between runs; settings that cannot be used; names the OS refuses in the
export dialog. The app stays open with the user's state, every failure is one translated line, and every byte
the user had is still there."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static

from brief.locations import config_dir, data_dir
from brief.model import Placed, PointRef
from brief.tui.app import BriefApp
from brief.tui.screens.export import ExportScreen
from brief.tui.screens.notes import NotesScreen
from brief.tui.state import View
from brief.tui.widgets.detail import DetailPane
from brief.userdata import earlier_notes_path, load_marks, marks_path, notes_path, save_marks, settings_path
from tests.conftest import BRIEFS, SEEDS
from tests.test_bad_input import snapshot

NSA = "cd-2105-nsa"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    briefs = tmp_path / "briefs"
    shutil.copytree(BRIEFS, briefs)
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    return briefs


def make_app(folder: Path, lang: str | None = "en") -> BriefApp:
    return BriefApp(briefs_dir=folder, lang=lang, watch_interval=60)


async def open_item(app: BriefApp, pilot, brief_id: str = NSA) -> None:
    app.jump_to(View("item", brief_id))
    await pilot.pause()


def points(app: BriefApp) -> list[Placed]:
    return [entry for entry in app.query_one(DetailPane).entries if entry is not None]


def marked(app: BriefApp) -> list[str]:
    """The marks shown on the negative security assurances item."""
    brief = app.corpus.brief(NSA)
    assert brief is not None
    return app.marks.of_brief(brief)


def notices(app: BriefApp) -> list[str]:
    return [notice.message for notice in app._notifications]


def text_of(screen, selector: str) -> str:
    rendered = screen.query_one(selector, Static).render()
    return getattr(rendered, "plain", str(rendered))


def choices(screen: NotesScreen) -> list[str]:
    return [button.id or "" for button in screen.query(Button) if button.display]


async def open_notes(app: BriefApp, pilot) -> NotesScreen:
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, NotesScreen)
    return app.screen


def user_files() -> dict[str, str]:
    return {**snapshot(data_dir()), **{f"config/{k}": v for k, v in snapshot(config_dir()).items()}}


# Notes per language ------------------------------------------------------------------------------------------


async def test_notes_are_kept_per_language_and_each_export_prints_its_own(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        assert "in English" in text_of(screen, ".title")
        screen.editor.insert("We support a legally binding instrument.")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")
        screen = await open_notes(app, pilot)
        assert "中文" in text_of(screen, ".title") and screen.editor.text == ""
        screen.editor.insert("我方支持缔结具有法律约束力的文书。\n- 第一\n- 第二")
        await pilot.press("escape")
        await pilot.pause()
        assert "备注已保存。" in notices(app)
        await pilot.press("e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        assert "## 我方立场\n\n我方支持缔结具有法律约束力的文书。\n\n- 第一\n- 第二\n" in export.markdown
        assert "legally binding instrument" not in export.markdown
        await pilot.click("#lang-en")
        await pilot.pause()
        assert "## Our line\n\nWe support a legally binding instrument.\n" in export.markdown
        assert "我方支持" not in export.markdown
    assert notes_path(NSA, "en").read_text(encoding="utf-8") == "We support a legally binding instrument.\n"
    assert notes_path(NSA, "zh").read_text(encoding="utf-8") == "我方支持缔结具有法律约束力的文书。\n- 第一\n- 第二\n"


async def test_notes_of_the_previous_release_are_offered_and_kept(folder: Path) -> None:
    earlier = earlier_notes_path(NSA)
    earlier.parent.mkdir(parents=True)
    earlier.write_text("Our line from last year.\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        assert screen.editor.text == "Our line from last year.\n"
        assert "earlier version of brief, for every language" in text_of(screen, "#notes-state")
        screen.editor.insert("Updated: ", location=(0, 0))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")
        screen = await open_notes(app, pilot)
        assert screen.editor.text == "Our line from last year.\n"  # Chinese has no notes of its own yet
        await pilot.press("escape")
        await pilot.pause()
    assert notes_path(NSA, "en").read_text(encoding="utf-8") == "Updated: Our line from last year.\n"
    assert not notes_path(NSA, "zh").exists()
    assert earlier.read_text(encoding="utf-8") == "Our line from last year.\n"


# Notes that cannot be read -----------------------------------------------------------------------------------


async def test_undecodable_notes_are_never_replaced_and_can_be_read_or_kept_aside(folder: Path) -> None:
    path = notes_path(NSA, "en")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"Our line: " + b"\xff\xfe")
    before = user_files()
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        assert text_of(screen, "#notes-state") == (
            f"Your notes cannot be opened: cannot read {path} (it is not UTF-8 text). brief does not replace the "
            "file: read it, or keep it aside and start afresh.")
        assert choices(screen) == ["notes-read", "notes-aside", "notes-close"]
        await pilot.press("escape")  # closes; nothing is saved over it
        await pilot.pause()
        assert user_files() == before
        screen = await open_notes(app, pilot)
        await pilot.click("#notes-read")
        await pilot.pause()
        assert screen.editor.read_only and screen.editor.text == "Our line: \ufffd\ufffd"
        await pilot.press("escape")
        await pilot.pause()
        assert user_files() == before
        screen = await open_notes(app, pilot)
        await pilot.click("#notes-aside")
        await pilot.pause()
        assert text_of(screen, "#status") == f"The file that could not be read is kept as {path}.bak."
        assert not screen.editor.read_only and screen.editor.text == ""
        screen.editor.insert("A fresh line.")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
    assert path.with_name(path.name + ".bak").read_bytes() == b"Our line: " + b"\xff\xfe"
    assert path.read_text(encoding="utf-8") == "A fresh line.\n"


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
async def test_notes_that_are_a_pipe_or_a_device(folder: Path, kind: str) -> None:
    path = notes_path(NSA, "zh")
    path.parent.mkdir(parents=True)
    os.mkfifo(path) if kind == "fifo" else path.symlink_to("/dev/zero")
    app = make_app(folder, lang="zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        assert f"{path} 不是普通文件" in text_of(screen, "#notes-state")
        assert choices(screen) == ["notes-aside", "notes-close"]  # nothing to read
        await pilot.click("#notes-aside")
        await pilot.pause()
        assert not os.path.lexists(path) and os.path.lexists(path.with_name(path.name + ".bak"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


# Saving ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_failed_save_keeps_the_text_and_says_why(folder: Path, lang: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = notes_path(NSA, lang)
    app = make_app(folder, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        screen.editor.insert("Typed with the disk full.")

        def disk_full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", disk_full)
            await pilot.press("escape")
            await pilot.pause()
        assert app.screen is screen and screen.editor.text == "Typed with the disk full."
        expected = {"en": f"Not saved: could not write {path} (the disk is full); any existing file is unchanged. "
                          "Your text is still here.",
                    "zh": f"未保存：未能写入 {path}（磁盘已满）；原有文件保持不变。输入的文字仍保留在此处。"}[lang]
        assert text_of(screen, "#status") == expected
        assert choices(screen) == ["notes-discard"]
        assert list(path.parent.iterdir()) == []  # nothing half-written, no temporary file
        await pilot.press("escape")  # the disk has room again
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
    assert path.read_text(encoding="utf-8") == "Typed with the disk full.\n"


async def test_the_notes_dialog_opened_again_starts_afresh_on_the_new_item(folder: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The dialog is made once a language and opened again: nothing of the last item's text, message, buttons or
    undo history comes with it."""
    fmct = "cd-2105-fmct"
    notes_path(fmct, "en").parent.mkdir(parents=True)
    notes_path(fmct, "en").write_text("Stocks first.\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        first = await open_notes(app, pilot)
        first.editor.insert("Typed with the disk full.")
        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
            await pilot.press("escape")
            await pilot.pause()
        assert choices(first) == ["notes-discard"]
        await pilot.click("#notes-discard")
        await pilot.pause()
        await open_item(app, pilot, fmct)
        again = await open_notes(app, pilot)
        assert again is first  # the same dialog, opened again
        assert "fissile material" in text_of(again, ".title").lower() and "in English" in text_of(again, ".title")
        assert text_of(again, "#status") == "" and choices(again) == []
        assert again.editor.text == "Stocks first.\n" and not again.editor.read_only
        assert again.editor.cursor_location == again.editor.document.end
        await pilot.press("ctrl+z")  # the undo history is this item's own: nothing to undo
        assert again.editor.text == "Stocks first.\n"
        again.editor.insert(" More.")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
    assert notes_path(fmct, "en").read_text(encoding="utf-8") == "Stocks first.\n More.\n"
    assert not notes_path(NSA, "en").exists()


@pytest.mark.parametrize("choice", ["keep-mine", "take-theirs", "cancel"])
async def test_a_save_asks_when_another_window_changed_the_notes(folder: Path, choice: str) -> None:
    path = notes_path(NSA, "en")
    path.parent.mkdir(parents=True)
    path.write_text("First.\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        screen.editor.insert("Mine. ", location=(0, 0))
        path.write_text("Theirs.\n", encoding="utf-8")  # the other window saved meanwhile
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and path.read_text(encoding="utf-8") == "Theirs.\n"
        assert text_of(screen, "#status") == ("These notes were changed in another window of brief since you opened "
                                              "them: keep yours, or take theirs?")
        assert choices(screen) == ["notes-keep-mine", "notes-take-theirs", "notes-cancel"]
        await pilot.click(f"#notes-{choice}")
        await pilot.pause()
        if choice == "keep-mine":
            assert not isinstance(app.screen, NotesScreen)
            assert path.read_text(encoding="utf-8") == "Mine. First.\n"
        elif choice == "take-theirs":
            assert app.screen is screen and screen.editor.text == "Theirs.\n" and not screen.editor.read_only
            assert path.read_text(encoding="utf-8") == "Theirs.\n"
        else:
            assert app.screen is screen and screen.editor.text == "Mine. First.\n" and not screen.editor.read_only
            assert path.read_text(encoding="utf-8") == "Theirs.\n"


async def test_emptied_notes_remove_the_file(folder: Path) -> None:
    path = notes_path(NSA, "en")
    path.parent.mkdir(parents=True)
    path.write_text("To be removed.\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        screen = await open_notes(app, pilot)
        screen.editor.clear()
        await pilot.press("escape")
        await pilot.pause()
    assert not path.exists()


# The export dialog -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "message"), [
    ("a" * 300 + ".md", "(the name is too long): choose another name"),
    ("~nosuchuser/x.md", "x.md: no such user's home folder: write the folder out"),
])
async def test_a_name_the_os_refuses_in_the_export_dialog(folder: Path, tmp_path: Path, name: str, message: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        await pilot.press("space")  # the user's state, which must survive
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        before = snapshot(tmp_path)
        screen.query_one("#filename", Input).value = name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert text_of(screen, "#status").endswith(message)
        assert snapshot(tmp_path) == before
        await pilot.press("escape")
        await pilot.pause()
        assert len(marked(app)) == 1


async def test_a_source_date_epoch_that_is_no_date_in_the_app(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999")
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and app.screen.markdown
        assert ("SOURCE_DATE_EPOCH is 99999999999999, not a number of seconds that gives a date: unset it or give "
                "the seconds since 1970") in notices(app)


# Settings ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b'{"lang": "fr"}', b'{"lang": 3, "theme": ["x"]}'])
async def test_settings_brief_cannot_use_are_ignored_and_left_as_they_are(folder: Path, content: bytes) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_bytes(content)
    app = make_app(folder, lang=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.lang == "en" and app.is_running and notices(app) == []
    assert settings_path().read_bytes() == content


@pytest.mark.parametrize("kind", ["nesting", "fifo", "dev-zero"])
async def test_a_damaged_settings_file_is_kept_aside_with_a_notice(folder: Path, kind: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    if kind == "nesting":
        path.write_bytes(b"[" * 30_000 + b"]" * 30_000)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    before = snapshot(config_dir())
    app = make_app(folder, lang=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.is_running and app.lang == "en"
        (notice,) = [n for n in notices(app) if n.startswith("Your settings were ignored")]
        assert notice.endswith("; the file is kept as settings.json.bak.") and str(path) in notice
        await pilot.press("l")  # a new settings file; the old one stays aside
        await pilot.pause()
    kept = snapshot(config_dir())
    assert kept.pop("settings.json.bak") == before["settings.json"]
    assert json.loads(path.read_text(encoding="utf-8")) == {"lang": "zh"}


# Marks -------------------------------------------------------------------------------------------------------


async def test_marks_are_kept_between_runs_and_cleared_with_M_twice(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        await pilot.press("space", "j", "j", "space")
        chosen = [points(app)[0].ref.point_id, points(app)[2].ref.point_id]
    assert load_marks(NSA) == chosen
    again = make_app(folder)
    async with again.run_test(size=(120, 40)) as pilot:
        await open_item(again, pilot)
        assert all(PointRef(NSA, point_id) in again.marks for point_id in chosen)
        await pilot.press("M")
        assert notices(again)[-1] == "Press M again to clear the 2 marks of Item 4: Negative security assurances."
        assert load_marks(NSA) == chosen
        await pilot.press("M")
        assert notices(again)[-1] == "Cleared the 2 marks of Item 4: Negative security assurances."
        assert marked(again) == []
    assert not marks_path(NSA).exists()


async def test_marks_of_points_gone_are_not_shown_and_kept_until_the_marks_change(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        first, second = (entry.ref.point_id for entry in points(app)[:2])
        save_marks(NSA, ["a-point-since-removed", first])
        app.marks._marked.clear()  # as a new run finds it
        assert marked(app) == [first]
        assert load_marks(NSA) == ["a-point-since-removed", first]
        await pilot.press("j", "space")
        assert load_marks(NSA) == [first, second]


@pytest.mark.parametrize("content", [b"{", b'{"marked": 3}', b"[" * 30_000])
async def test_damaged_marks_start_afresh_and_are_kept_aside(folder: Path, content: bytes) -> None:
    path = marks_path(NSA)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)
        await pilot.pause()
        assert app.is_running and marked(app) == []
        assert f"cannot read {path} (its content is damaged); the file is kept as {path.name}.bak, and the marks of " \
               "this item start afresh" in notices(app)
        await pilot.press("space")
        await pilot.pause()
    assert path.with_name(path.name + ".bak").read_bytes() == content
    assert len(load_marks(NSA)) == 1


async def test_a_mark_that_cannot_be_saved_stays_on_screen(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(folder, lang="zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(app, pilot)

        def disk_full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", disk_full)
        await pilot.press("space")
        await pilot.pause()
        assert points(app)[0].ref in app.marks
        assert f"未能写入 {marks_path(NSA)}（磁盘已满）；原有文件保持不变" in notices(app)
    assert not marks_path(NSA).exists()
