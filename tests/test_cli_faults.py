"""The command line under faults, run as a user runs it (a real `brief` in a subprocess): every failure is one
translated line with exit status 1 (2 for a usage error), never a traceback, and every byte of the user's files
(briefs, seeds, exports, notes, marks, settings) is what it was.

As root, permission checks are bypassed; the cases about permissions run `brief` without the two capabilities
that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped from the bounding set before `exec`), so that
a folder of mode 0o500 really cannot be written, as for any user.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from brief.i18n import t
from brief.locations import data_dir
from brief.userdata import load_notes, marks_path, notes_path, save_marks, save_notes
from tests.conftest import BRIEFS, ROOT
from tests.test_bad_input import EXPORT, TIMEOUT, edit, snapshot

XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")


def environment(**extra: str) -> dict[str, str]:
    """A user's environment, with the test's own config, data and cache folders."""
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "COLUMNS": "200",
            **{name: os.environ[name] for name in XDG}, **extra}


def without_override() -> Callable[[], None] | None:
    """For a child of root: drop the capabilities that bypass permission checks, before it runs `brief`."""
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                os._exit(99)

    return drop


def run(*args: str, cwd: Path, shell_tail: str = "", unprivileged: bool = False,
        **extra: str) -> subprocess.CompletedProcess[str]:
    """`brief ARGS` from `cwd`; `shell_tail` is a redirection for a shell to apply (`>/dev/full`, `>&-`)."""
    command = [sys.executable, "-m", "brief", *args]
    if shell_tail:
        command = ["/bin/sh", "-c", 'exec "$@" ' + shell_tail, "sh", *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT,
                            env=environment(**extra), preexec_fn=without_override() if unprivileged else None)
    if result.returncode == 99 and unprivileged:
        pytest.skip("capabilities cannot be dropped here")
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def everything(root: Path) -> dict[str, str]:
    """Every file of the user's: the folder under test and brief's data and config folders."""
    return {**snapshot(root), **{f"data/{k}": v for k, v in snapshot(data_dir()).items()},
            **{f"config/{k}": v for k, v in snapshot(Path(os.environ["XDG_CONFIG_HOME"])).items()}}


def fails(result: subprocess.CompletedProcess[str], stderr: str, status: int = 1) -> None:
    assert (result.returncode, result.stderr) == (status, stderr + "\n"), result.stderr
    assert len(result.stderr.splitlines()) == 1


# Where the export goes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("target", "message"), [
    ("out/" + "a" * 300 + ".md", "cannot use out/{long}.md (the name is too long): choose another name"),
    ("~nosuchuser/x.md", "the folder ~nosuchuser does not exist: create it or choose another"),
    ("out/old.md/x.md", "the folder out/old.md does not exist: create it or choose another"),
])
def test_export_to_a_name_the_os_refuses(root: Path, target: str, message: str) -> None:
    before = everything(root)
    result = run("export", "mini-nsa", "--briefs", "briefs", "-o", target, cwd=root)
    fails(result, "brief export: " + message.format(long="a" * 300))
    assert everything(root) == before


def test_export_into_a_folder_the_user_cannot_write(root: Path) -> None:
    locked = root / "locked"
    locked.mkdir()
    (locked / "old.md").write_text("kept\n", encoding="utf-8")
    locked.chmod(0o500)
    before = everything(root)
    try:
        english = run("export", "mini-nsa", "--briefs", "briefs", "-o", "locked/brief.md", cwd=root, unprivileged=True)
        chinese = run("export", "mini-nsa", "--briefs", "briefs", "-o", "locked/brief.md", "--lang", "zh", cwd=root,
                      unprivileged=True)
    finally:
        locked.chmod(0o700)
    fails(english, "brief export: cannot write in locked (permission denied): choose a folder you can write to")
    fails(chinese, "brief export：无法在 locked 中写入（权限不足）：请选择可写入的文件夹")
    assert everything(root) == before


def test_a_briefs_folder_the_user_cannot_enter(root: Path) -> None:
    (root / "briefs").chmod(0)
    try:
        before = everything(root)
        check = run("check", "--briefs", "briefs", cwd=root, unprivileged=True)
        listing = run("list", "--briefs", "briefs", cwd=root, unprivileged=True)
        export = run("export", "mini-nsa", *EXPORT, cwd=root, unprivileged=True)
    finally:
        (root / "briefs").chmod(0o755)
    problem = ("briefs: error: the briefs folder cannot be read (permission denied): check its permissions, or pass "
               "--briefs DIR")
    assert (check.returncode, check.stdout) == (1, f"{problem}\n0 briefs, 0 points, 1 error, 0 warnings\n")
    assert (listing.returncode, listing.stdout, listing.stderr) == (1, "", problem + "\n")
    assert export.returncode == 1 and export.stderr.splitlines()[0] == problem
    assert everything(root) == before


# Standard output ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["export", "mini-nsa", "--briefs", "briefs"], ["check", "--briefs", "briefs"],
                                     ["list", "--briefs", "briefs"], ["schema"]], ids=["export", "check", "list",
                                                                                      "schema"])
@pytest.mark.parametrize(("tail", "reason"), [(">/dev/full", "the disk is full"), (">&-", "the output is closed")],
                         ids=["full-disk", "closed"])
def test_standard_output_that_cannot_be_written(root: Path, command: list[str], tail: str, reason: str) -> None:
    before = everything(root)
    result = run(*command, cwd=root, shell_tail=tail)
    fails(result, f"brief {command[0]}: cannot write the output ({reason}): send it to a file or a pipe that can "
                  "take it")
    assert everything(root) == before


def test_standard_output_that_cannot_be_written_in_chinese(root: Path) -> None:
    result = run("check", "--briefs", "briefs", "--lang", "zh", cwd=root, shell_tail=">/dev/full")
    fails(result, "brief check：无法写入输出（磁盘已满）：请将输出写入可以接收它的文件或管道")


def test_a_closed_output_does_not_matter_when_writing_a_file(root: Path) -> None:
    result = run("export", "mini-nsa", *EXPORT, cwd=root, shell_tail=">&-")
    assert result.returncode == 0 and result.stderr == "Wrote out/brief.md: 4 points, 0 left out\n"


def test_dash_is_standard_output(root: Path) -> None:
    result = run("export", "mini-nsa", "--briefs", "briefs", "-o", "-", "--date", "2026-11-22", cwd=root)
    assert result.returncode == 0 and result.stdout.startswith("# Briefing: Negative security assurances")
    assert not (root / "-").exists()


# Input that is not what it says -----------------------------------------------------------------------------


def test_a_source_date_epoch_that_is_no_date(root: Path) -> None:
    before = everything(root)
    result = run("export", "mini-nsa", "--briefs", "briefs", cwd=root, SOURCE_DATE_EPOCH="99999999999999")
    fails(result, "brief export: SOURCE_DATE_EPOCH is 99999999999999, not a number of seconds that gives a date: "
                  "unset it or give the seconds since 1970")
    assert everything(root) == before


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_notes_from_a_pipe_or_a_device(root: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(root / "notes.md")
    else:
        (root / "notes.md").symlink_to("/dev/zero")
    before = everything(root)
    result = run("export", "mini-nsa", "--briefs", "briefs", "--notes", "notes.md", cwd=root)
    fails(result, "brief export: notes.md is not a regular file: it must be a text file")
    assert everything(root) == before


def test_briefs_that_is_a_file(root: Path) -> None:
    before = everything(root)
    problem = ("briefs/glossary.yaml: error: this is not a folder: pass --briefs DIR with the folder that holds the "
               "brief files")
    listing = run("--briefs", "briefs/glossary.yaml", "list", cwd=root)
    check = run("check", "--briefs", "briefs/glossary.yaml", cwd=root)
    assert (listing.returncode, listing.stdout, listing.stderr) == (1, "", problem + "\n")
    assert check.returncode == 1 and check.stdout.splitlines()[0] == problem
    assert everything(root) == before


def test_list_of_a_folder_that_does_not_exist_is_an_error_not_an_empty_table(root: Path) -> None:
    result = run("--briefs", "/nonexistent", "list", cwd=root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("/nonexistent: error: the briefs directory does not exist: pass --briefs DIR with a "
                             "folder of brief files\n")


def test_check_of_a_folder_given_as_a_file(root: Path) -> None:
    result = run("check", "briefs/", cwd=root)
    assert (result.returncode, result.stdout) == (1, "briefs: error: this is a folder: give brief files, or check "
                                                     "the folder with --briefs briefs\n")


def test_check_of_the_glossary_checks_it_as_the_glossary(root: Path) -> None:
    clean = run("check", "briefs/glossary.yaml", cwd=root)
    assert (clean.returncode, clean.stdout) == (0, "briefs/glossary.yaml: the glossary: checked as one (run `brief "
                                                   "check` to check its shifts against every brief)\n0 briefs, 0 "
                                                   "points, 0 errors, 0 warnings\n")
    edit("glossary.yaml", "{id: nsa, name:", "{id: nsa, colour: blue, name:")(root / "briefs")
    broken = run("check", "briefs/glossary.yaml", cwd=root)
    problems = broken.stdout.splitlines()[1:-1]
    assert broken.returncode == 1 and len(problems) == 1 and "unknown key `colour`" in problems[0]


def test_a_theme_listed_twice_is_an_error(root: Path) -> None:
    text = (root / "briefs" / "mini.yaml").read_text(encoding="utf-8")
    (root / "briefs" / "mini.yaml").write_text(text.replace("themes: [nsa]\n", "themes: [nsa, nsa]\n", 1),
                                               encoding="utf-8")
    result = run("check", "--briefs", "briefs", cwd=root)
    assert result.returncode == 1 and "theme `nsa` is listed twice: list each theme once" in result.stdout


def test_usage_errors_are_status_2(root: Path) -> None:
    for args in (["export", "mini-nsa", "--marked", "--points", "a"], ["export", "mini-nsa", "--notes", "x",
                                                                       "--no-notes"], ["--lang", "fr", "list"]):
        result = run(*args, "--briefs", "briefs", cwd=root)
        assert result.returncode == 2 and result.stdout == "" and "error:" in result.stderr


# What the app saved ------------------------------------------------------------------------------------------


def test_export_includes_the_saved_notes_of_its_language(root: Path) -> None:
    save_notes(load_notes("mini-nsa", "en"), "We support a treaty.\n\n- first\n- second")
    save_notes(load_notes("mini-nsa", "zh"), "我方支持缔结条约。")
    english = run("export", "mini-nsa", "--briefs", "briefs", "--date", "2026-11-22", cwd=root)
    chinese = run("export", "mini-nsa", "--briefs", "briefs", "--date", "2026-11-22", "--lang", "zh", cwd=root)
    assert "## Our line\n\nWe support a treaty.\n\n- first\n- second\n" in english.stdout
    assert "我方支持缔结条约。" not in english.stdout
    assert "我方支持缔结条约。" in chinese.stdout and "We support" not in chinese.stdout
    left_out = run("export", "mini-nsa", "--briefs", "briefs", "--no-notes", cwd=root)
    assert left_out.returncode == 0 and "Our line" not in left_out.stdout
    (root / "other.md").write_text("Another line.\n", encoding="utf-8")
    replaced = run("export", "mini-nsa", "--briefs", "briefs", "--notes", "other.md", cwd=root)
    assert "Another line." in replaced.stdout and "We support" not in replaced.stdout


def test_both_languages_of_an_export_with_saved_notes_hold_the_same_points(root: Path) -> None:
    """The page is planned with the notes of every language (as the app's export is): a long English line costs
    the Chinese note the same points as the English one, so the two notes a delegation sends agree."""
    omitted = re.compile(r"(\d+) points of the brief were left out|略去了简报中的 (\d+) 个要点")

    def left_out() -> dict[str, int]:
        found = {}
        for lang in ("en", "zh"):
            result = run("export", "cd-2105-nsa", "--briefs", str(BRIEFS), "--lang", lang, "--date", "2026-11-22",
                         cwd=root)
            assert result.returncode == 0, result.stderr
            match = omitted.search(result.stdout)
            assert match, result.stdout
            found[lang] = int(match.group(1) or match.group(2))
        return found

    save_notes(load_notes("cd-2105-nsa", "zh"), "我方支持尽快开始谈判。")
    short = left_out()
    save_notes(load_notes("cd-2105-nsa", "en"), "We support the early start of negotiations. " * 12 + "\n\n- a\n- b")
    long = left_out()
    assert short["en"] == short["zh"] and long["en"] == long["zh"] > short["zh"]


def test_export_refuses_saved_notes_it_cannot_read(root: Path) -> None:
    path = notes_path("mini-nsa", "en")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"our line \xff\n")
    before = everything(root)
    result = run("export", "mini-nsa", "--briefs", "briefs", cwd=root)
    fails(result, f"brief export: cannot read {path} (it is not UTF-8 text): see your notes in the app (n), or pass "
                  "--no-notes")
    assert run("export", "mini-nsa", "--briefs", "briefs", "--no-notes", cwd=root).returncode == 0
    assert everything(root) == before


def test_export_marked_exports_the_points_marked_in_the_app(root: Path) -> None:
    none = run("export", "mini-nsa", "--briefs", "briefs", "--marked", cwd=root)
    fails(none, "brief export: no point of `mini-nsa` is marked: mark points in the app (space), or leave out "
                "--marked")
    save_marks("mini-nsa", ["ad-hoc-committee", "gone-point", "interim-step"])
    result = run("export", "mini-nsa", "--briefs", "briefs", "--marked", "--full", "-o", "out/marked.md", cwd=root)
    assert result.returncode == 0 and result.stderr == "Wrote out/marked.md: 2 points, 0 left out\n"
    markdown = (root / "out" / "marked.md").read_text(encoding="utf-8")
    full = run("export", "mini-nsa", "--briefs", "briefs", "--points", "interim-step,ad-hoc-committee", "-o", "-",
               cwd=root)
    assert markdown == full.stdout
    marks_path("mini-nsa").write_bytes(b'{"marked": ')
    before = everything(root)
    damaged = run("export", "mini-nsa", "--briefs", "briefs", "--marked", cwd=root)
    fails(damaged, f"brief export: cannot read {marks_path('mini-nsa')} (its content is damaged): open the agenda item "
                   "in the app, which keeps the file aside")
    assert everything(root) == before  # the command line only reads the user's files


# Signals -----------------------------------------------------------------------------------------------------

#: `brief` with an fsync of the export that announces itself and then waits: the signal arrives in the middle
#: of the write (other files, a cache, are synced as usual).
SLOW_FSYNC = """
import os, sys, time
from pathlib import Path
sync = os.fsync
def waiting(fd):
    if os.readlink(f"/proc/self/fd/{fd}").startswith(os.path.abspath("out") + "/"):
        Path(sys.argv[1]).touch()
        time.sleep(60)
    sync(fd)
os.fsync = waiting
from brief.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_during_the_write_leaves_no_temporary_file(root: Path, tmp_path_factory: pytest.TempPathFactory,
                                                            signum: int) -> None:
    started = tmp_path_factory.mktemp("signal") / "in-fsync"
    before = everything(root)
    process = subprocess.Popen([sys.executable, "-c", SLOW_FSYNC, str(started), "export", "mini-nsa", *EXPORT[:2],
                                "-o", "out/old.md", "--force"], cwd=root, env=environment(), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + TIMEOUT
        while not started.exists():
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()
            time.sleep(0.02)
        assert [p.name for p in (root / "out").iterdir() if p.name.endswith(".tmp")]  # caught in the write
        process.send_signal(signum)
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        process.kill()
    name = signal.Signals(signum).name
    assert (process.returncode, out) == (128 + signum, "")
    assert err == f"brief export: stopped by {name}; any file being written is left as it was\n"
    assert everything(root) == before  # the old file as it was, and no temporary file
    assert t("zh", "brief {command}: stopped by {signal}; any file being written is left as it was", command="export",
             signal=name).startswith("brief export：")


#: What brief makes of a settings file and a notes file it may not read (run without root's override).
READ_UNREADABLE = """
from brief.userdata import load_notes, load_settings
settings, notes = load_settings(), load_notes("mini-nsa", "en")
print(settings.problem.message("en"))
print(settings.kept_as.name)
print(notes.problem.message("en"), notes.readable)
"""


def test_settings_and_notes_the_user_may_not_read(root: Path) -> None:
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "brief" / "settings.json"
    notes = notes_path("mini-nsa", "en")
    for path in (settings, notes):
        path.parent.mkdir(parents=True)
        path.write_text('{"lang": "zh"}\n', encoding="utf-8")
        path.chmod(0)
    result = subprocess.run([sys.executable, "-c", READ_UNREADABLE], capture_output=True, text=True, cwd=root,
                            env=environment(), timeout=TIMEOUT, preexec_fn=without_override())
    if result.returncode == 99:
        pytest.skip("capabilities cannot be dropped here")
    assert result.stdout.splitlines() == [f"cannot read {settings} (permission denied)", "settings.json.bak",
                                          f"cannot read {notes} (permission denied) None"], result.stderr
    assert settings.with_name("settings.json.bak").stat().st_mode & 0o777 == 0  # kept aside as it was
    assert notes.exists()  # notes are kept aside only when the user asks


def test_outside_the_main_thread_the_signal_handlers_are_left_alone() -> None:
    """Only the main thread may set handlers: elsewhere `signals_stop` changes nothing and raises nothing."""
    import threading

    from brief.stdio import signals_stop

    before = signal.getsignal(signal.SIGTERM)
    seen: list[object] = []

    def inside() -> None:
        with signals_stop():
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=inside)
    thread.start()
    thread.join(10)
    assert seen == [before]
    with signals_stop():  # in the main thread, the handler is brief's, and the old one comes back after
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
