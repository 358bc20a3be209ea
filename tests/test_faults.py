"""Fault injection along every path that writes the user's files: notes, marks, settings, a kept-aside file and
an export. A wrapper makes the n-th call of `os.write`, `os.fsync`, `os.replace`, `os.rename` or `os.link` fail
(or, for a write, take only part of what it is given), for every n along the path; after each fault the file is
either exactly what it was or exactly what was being written, never gone and never half-written, no temporary
file is left, and the failure is one translated line naming the path and the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from brief.cli import main
from brief.files import FileError, reason
from brief.i18n import t
from brief.locations import config_dir, notes_dir
from brief.model import PointRef
from brief.tui.state import Marks
from brief.userdata import (
    Settings,
    keep_notes_aside,
    load_marks,
    load_notes,
    load_settings,
    marks_path,
    notes_path,
    save_marks,
    save_notes,
    save_settings,
    settings_path,
)

#: The calls a write of brief's is made of, and the error each fails with when made to.
FAULTS = {"write": errno.ENOSPC, "fsync": errno.EIO, "replace": errno.EACCES, "rename": errno.EROFS,
          "link": errno.EPERM}


class Injector:
    """Counts the calls in FAULTS while active; the `fail_at`-th fails (with `short`, a write takes half)."""

    def __init__(self, fail_at: int | None = None, short: bool = False) -> None:
        self.fail_at, self.short = fail_at, short
        self.calls: list[str] = []
        self.failed: str | None = None

    def wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            if len(self.calls) != self.fail_at:
                return real(*args, **kwargs)
            self.failed = name
            if self.short and name == "write":
                descriptor, data = args
                return real(descriptor, bytes(data[: max(len(data) // 2, 1)]))
            raise OSError(FAULTS[name], os.strerror(FAULTS[name]))

        return call


@contextmanager
def faults(injector: Injector) -> Iterator[Injector]:
    with pytest.MonkeyPatch.context() as patch:
        for name in FAULTS:
            patch.setattr(os, name, injector.wrap(name, getattr(os, name)))
        yield injector


def every_fault(operation: Callable[[Injector], None], reset: Callable[[], None]) -> int:
    """Run `operation` once to count its calls, then once more for every call made to fail (and every write made
    short), each from the state `reset` makes. Returns how many calls the path has."""
    reset()
    with faults(Injector()) as counting:
        operation(counting)
    assert counting.calls, "the path made none of the calls it should"
    for short in (False, True):
        for n in range(1, len(counting.calls) + 1):
            reset()
            with faults(Injector(n, short)) as injector:
                operation(injector)
    return len(counting.calls)


def temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.tmp")] if folder.exists() else []


def write_failure(path: Path, injector: Injector, lang: str) -> str:
    """The message of a write that failed at `injector.failed`."""
    code = FAULTS[injector.failed or ""]
    return t(lang, "could not write {path} ({reason}); any existing file is unchanged", path=path,
             reason=t(lang, reason(OSError(code, ""))))


def assert_one_of(path: Path, old: bytes | None, new: bytes) -> bytes | None:
    """`path` holds exactly `old` (None: no file) or exactly `new`; returns which."""
    found = path.read_bytes() if path.exists() else None
    assert found in (old, new), (found, old, new)
    return found


# The paths ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("old", [b"Our old line.\n", None], ids=["replacing", "new-file"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_saving_notes(old: bytes | None, lang: str) -> None:
    path = notes_path("cd-2105-nsa", lang)
    new = "我方新的立场。\n- 一\n- 二\n".encode()

    def reset() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        if old is not None:
            path.write_bytes(old)

    def save(injector: Injector) -> None:
        try:
            save_notes(load_notes("cd-2105-nsa", lang), new.decode())
        except FileError as problem:
            assert injector.failed is not None
            message = problem.message(lang)
            assert message == write_failure(path, injector, lang) and "\n" not in message
            assert path.read_bytes() if old is not None else not path.exists()
        found = assert_one_of(path, old, new)
        assert found == new or injector.failed is not None
        assert temporary_files(notes_dir()) == []

    assert every_fault(save, reset) >= 3  # a write, its fsync, a rename or link


def test_saving_settings() -> None:
    path = settings_path()
    old = b'{\n  "lang": "en"\n}\n'

    def reset() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(old)

    def save(injector: Injector) -> None:
        try:
            save_settings(Settings({"lang": "zh", "theme": "nord"}))
        except FileError as problem:
            assert problem.message("zh") == write_failure(path, injector, "zh")
            assert path.read_bytes() == old
        assert_one_of(path, old, b'{\n  "lang": "zh",\n  "theme": "nord"\n}\n')
        assert temporary_files(config_dir()) == []

    every_fault(save, reset)


def test_toggling_a_mark() -> None:
    path = marks_path("cd-2105-nsa")

    def reset() -> None:
        save_marks("cd-2105-nsa", ["a"])

    def toggle(injector: Injector) -> None:
        reported: list[str] = []
        marks = Marks(report=lambda problem, kept: reported.append(problem.message("en")))
        marks.toggle(PointRef("cd-2105-nsa", "b"))
        assert PointRef("cd-2105-nsa", "b") in marks  # the user's mark stays on screen whatever the disk does
        found = assert_one_of(path, b'{"marked":["a"]}\n', b'{"marked":["a","b"]}\n')
        if found == b'{"marked":["a"]}\n':
            assert reported == [write_failure(path, injector, "en")]
        else:
            assert reported == [] and load_marks("cd-2105-nsa") == ["a", "b"]
        assert temporary_files(path.parent) == []

    every_fault(toggle, reset)


def test_keeping_a_damaged_file_aside() -> None:
    path = notes_path("x", "en")
    damaged = b"\xff\xfe not UTF-8"

    def reset() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for found in path.parent.iterdir():
            found.unlink()
        path.write_bytes(damaged)
        path.with_name("x.en.md.bak").write_bytes(b"kept earlier")

    def keep(injector: Injector) -> None:
        notes = load_notes("x", "en")
        try:
            kept = keep_notes_aside(notes)
        except FileError as problem:
            assert "\n" not in problem.message("zh") and str(path) in problem.message("zh")
            assert path.read_bytes() == damaged
        else:
            assert kept.read_bytes() == damaged and not path.exists()
        assert path.with_name("x.en.md.bak").read_bytes() == b"kept earlier"  # never replaced
        everything = sorted(p.read_bytes() for p in path.parent.iterdir())
        assert everything == sorted([damaged, b"kept earlier"])  # the damaged file in one place, whole

    every_fault(keep, reset)


def test_a_damaged_settings_file_that_cannot_be_moved_is_never_written_over() -> None:
    path = settings_path()

    def reset() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for found in path.parent.iterdir():
            found.unlink()
        path.write_bytes(b"{")

    def start(injector: Injector) -> None:
        settings = load_settings()
        assert settings.problem is not None
        if settings.kept_as is None:
            assert not settings.writable and path.read_bytes() == b"{"
        else:
            assert settings.kept_as.read_bytes() == b"{" and not path.exists()

    every_fault(start, reset)


@pytest.mark.parametrize("force", [True, False], ids=["replacing", "new-file"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_exporting(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], force: bool,
                   lang: str) -> None:
    monkeypatch.chdir(root)
    target = root / "out" / ("old.md" if force else "brief.md")
    old = target.read_bytes() if force else None
    args = ["export", "mini-nsa", "--briefs", "briefs", "-o", str(target.relative_to(root)), "--lang", lang,
            "--date", "2026-11-22", *(["--force"] if force else [])]
    assert main([*args, "--force"]) == 0  # the caches warm: every run below takes the same path
    new = target.read_bytes()
    capsys.readouterr()

    def reset() -> None:
        target.unlink(missing_ok=True)
        if old is not None:
            target.write_bytes(old)

    def export(injector: Injector) -> None:
        status = main(args)
        err = capsys.readouterr().err
        found = assert_one_of(target, old, new)
        if status == 1:
            shown = t(lang, "brief export: {message}", message=write_failure(target.relative_to(root), injector, lang))
            assert found == old and err == shown + "\n"
        else:
            assert status == 0 and found == new and len(err.splitlines()) == 1
        assert temporary_files(root) == []

    every_fault(export, reset)


@pytest.mark.parametrize("command", [["check", "--briefs", "briefs"],
                                     ["export", "mini-nsa", "--briefs", "briefs", "--date", "2026-11-22"]],
                         ids=["check", "export"])
def test_caches_that_cannot_be_written_change_nothing(root: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """The brief cache and the remembered dates are written on the way (cold): a fault there is no failure."""
    monkeypatch.chdir(root)
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert main(command) == 0
    expected = capsys.readouterr()

    def reset() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def run(injector: Injector) -> None:
        assert main(command) == 0
        assert capsys.readouterr() == expected
        assert temporary_files(cache) == []

    every_fault(run, reset)
