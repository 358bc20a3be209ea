"""Hostile files around the briefs, through the real command line: export targets that are not regular files,
a second file that claims a brief's id through an escape, a tampered dates memo or cache, impossible dates, and
settings or notes that are not what brief wrote."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from brief import cli, exportcmd
from brief.cache import BriefCache, decode
from brief.loader import load
from brief.safe import fit_for_terminal
from brief.userdata import SETTINGS_FILE, load_notes, load_settings, notes_path
from tests.conftest import FIXTURES, ROOT, SEEDS
from tests.hostile import complete_brief, complete_glossary, hidden_places, reported, run, run_on_terminal, write

EXPORT = ("export", "mini-nsa", "--briefs", "briefs", "--date", "2026-11-22")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """`briefs/` with the glossary and the complete brief (as `mini-nsa.yaml`, so that `brief export mini-nsa`
    may read it alone), `seeds/`, and `out/` holding an earlier briefing."""
    (tmp_path / "briefs").mkdir()
    write(tmp_path / "briefs" / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    write(tmp_path / "briefs" / "mini-nsa.yaml", complete_brief(), raw=True)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.md").write_text("an earlier briefing\n", encoding="utf-8")
    return tmp_path


# --force replaces only a regular file ------------------------------------------------------------------------


def test_force_never_replaces_the_systems_dev_null(root: Path) -> None:
    """As root, a rename over /dev/null would replace the device for every program on the machine."""
    result = run(*EXPORT, "-o", "/dev/null", "--force", cwd=root)
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr.decode() == ("brief export: /dev/null is not a regular file (a device, a pipe or a link): "
                                      "brief replaces only regular files; choose another name\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("target", ["fifo", "link-to-a-file", "link-to-nowhere", "folder"])
def test_force_refuses_what_is_not_a_regular_file(root: Path, target: str) -> None:
    path = root / "out" / "brief.md"
    if target == "fifo":
        os.mkfifo(path)
    elif target == "link-to-a-file":
        path.symlink_to(root / "out" / "old.md")
    elif target == "link-to-nowhere":
        path.symlink_to(root / "out" / "nowhere.md")
    else:
        path.mkdir()
    result = run(*EXPORT, "-o", "out/brief.md", "--force", cwd=root)
    assert (result.returncode, result.stdout) == (1, b"")
    expected = ("out/brief.md is a folder: give a file name, such as out/brief.md/brief.md" if target == "folder"
                else "out/brief.md is not a regular file (a device, a pipe or a link): brief replaces only regular "
                     "files; choose another name")
    assert result.stderr.decode() == f"brief export: {expected}\n"
    found = path.lstat().st_mode
    assert {"fifo": stat.S_ISFIFO, "folder": stat.S_ISDIR}.get(target, stat.S_ISLNK)(found)
    assert (root / "out" / "old.md").read_text(encoding="utf-8") == "an earlier briefing\n"
    assert sorted(p.name for p in (root / "out").iterdir()) == sorted(["brief.md", "old.md"])  # no temporary file


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(root: Path) -> None:
    old = root / "out" / "old.md"
    old.chmod(0o640)
    replaced = run(*EXPORT, "-o", "out/old.md", "--force", cwd=root)
    assert replaced.returncode == 0 and old.read_text(encoding="utf-8").startswith("# Briefing:")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(root / "x")}
    for umask, mode in ((0o027, 0o640), (0o077, 0o600), (0o022, 0o644)):
        target = f"out/new-{umask:o}.md"
        created = subprocess.run([sys.executable, "-m", "brief", *EXPORT, "-o", target, "--lang", "en"], cwd=root,
                                 env=env, capture_output=True, timeout=60, umask=umask, check=False)
        assert created.returncode == 0, created.stderr
        assert stat.S_IMODE((root / target).stat().st_mode) == mode


# Ids are compared as YAML reads them --------------------------------------------------------------------------

SPELLINGS = ['"mini\\x2dnsa"', '"mini\\u002dnsa"', '"\\x6dini-nsa"', "'mini-nsa'", "!!str mini-nsa", "|-\n  mini-nsa",
             '"mini-\\\n  nsa"']


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_second_file_with_the_id_in_any_spelling_is_a_duplicate_everywhere(root: Path, spelling: str) -> None:
    text = (root / "briefs" / "mini-nsa.yaml").read_text(encoding="utf-8")
    assert text.count("\nid: mini-nsa\n") == 1
    (root / "briefs" / "other.yaml").write_text(text.replace("\nid: mini-nsa\n", f"\nid: {spelling}\n"),
                                                encoding="utf-8")
    duplicate = ("briefs/other.yaml:2:5: error: duplicate brief id `mini-nsa`, already used by briefs/mini-nsa.yaml: "
                 "give this brief another id")
    check, export, listing = (run(*args, cwd=root) for args in (
        ("check", "--briefs", "briefs"), (*EXPORT, "-o", "out/brief.md"), ("list", "--briefs", "briefs")))
    assert check.returncode == 1 and duplicate in check.stdout.decode().splitlines()
    assert export.returncode == 1 and export.stderr.decode().splitlines() == [
        duplicate, "brief export: `mini-nsa` has errors (above): fix them (`brief check` lists every problem), then "
                   "export again"]
    assert not (root / "out" / "brief.md").exists()
    rows = [line for line in listing.stdout.decode().splitlines() if line.startswith("mini-nsa")]
    assert len(rows) == 1 and listing.stderr.decode() == "1 problem found: run `brief check` for details\n"
    corpus = load(root / "briefs")  # what the app loads
    assert [b.id for b in corpus.briefs] == ["mini-nsa"] and [p.line for p in corpus.errors] == [2]


def test_export_reads_the_brief_alone_when_no_other_file_can_claim_its_id(root: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "briefs" / "other.yaml").write_text(
        (root / "briefs" / "mini-nsa.yaml").read_text(encoding="utf-8").replace("\nid: mini-nsa\n", "\nid: other\n"),
        encoding="utf-8")
    loaded: list[object] = []
    real = load

    def spy(*args: object, **kwargs: object) -> object:
        loaded.append(args[2] if len(args) > 2 else kwargs.get("files"))
        return real(*args, **kwargs)  # type: ignore[arg-type]  # the loader's own arguments, passed on

    monkeypatch.setattr(exportcmd, "load", spy)
    monkeypatch.chdir(root)
    assert cli.main([*EXPORT, "-o", "out/alone.md", "--lang", "en"]) == 0
    assert loaded == [[Path("briefs") / "mini-nsa.yaml"]]
    (root / "briefs" / "third.yaml").write_text('# a backslash: "\\x2d"\n', encoding="utf-8")
    loaded.clear()
    assert cli.main([*EXPORT, "-o", "out/all.md", "--lang", "en"]) == 0
    assert loaded == [None]  # an escape elsewhere: every file


# The dates memo and the cache ---------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["escape", "markup", "fifo", "dev-zero", "folder", "huge"])
def test_a_tampered_dates_memo_is_never_shown_and_never_hangs(root: Path, damage: str) -> None:
    first = run(*EXPORT, cwd=root)
    memo = root / "xdg-cache" / "brief" / "dates.json"
    assert first.returncode == 0 and memo.is_file()
    kept = json.loads(memo.read_text(encoding="utf-8"))
    memo.unlink()
    if damage in ("escape", "markup"):
        text = "\x1b]52;c;cm0=\x07\x1b[2J" if damage == "escape" else "[@click=app.quit]x[/][link=]"
        memo.write_text(json.dumps({**kept, "texts": dict.fromkeys(kept["texts"], text)}), encoding="utf-8")
    elif damage == "fifo":
        os.mkfifo(memo)
    elif damage == "dev-zero":
        memo.symlink_to("/dev/zero")
    elif damage == "folder":
        memo.mkdir()
    else:
        with memo.open("wb") as handle:
            handle.truncate(50_000_000)
    again = run(*EXPORT, cwd=root)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, first.stderr)


def test_a_forged_cache_entry_reaches_no_terminal_raw(root: Path) -> None:
    """The cache trusts an entry for the exact bytes of its file; one forged with a valid digest (by a program
    that can write the user's cache, and so could do worse) still puts nothing raw in an export."""
    assert run("check", "--briefs", "briefs", cwd=root).returncode == 0
    cache = BriefCache(root / "xdg-cache" / "brief" / "briefs")
    for path in cache.folder.glob("*.msgpack"):
        try:
            entry = decode(path.read_bytes()[32:])
        except msgspec.ValidationError:
            continue  # the glossary's
        assert entry.brief is not None
        item = msgspec.structs.replace(entry.brief.agenda_item, short=msgspec.structs.replace(
            entry.brief.agenda_item.short, en="\x1b]52;c;cm0=\x07Forged\u202e"))
        cache.put(Path(entry.path), msgspec.structs.replace(entry, brief=msgspec.structs.replace(
            entry.brief, agenda_item=item)))
    forged = "⟨U+001B⟩\\]52;c;cm0=⟨U+0007⟩Forged⟨U+202E⟩".encode()  # as Markdown escapes it
    shown = run_on_terminal(*EXPORT, cwd=root)
    assert fit_for_terminal(shown) and forged in shown
    for format_name in ("md", "txt"):  # to a pipe, to a file
        piped = run(*EXPORT, "--format", format_name, cwd=root)
        assert fit_for_terminal(piped.stdout) and forged.replace(b"\\", b"") in piped.stdout.replace(b"\\", b"")
        assert run(*EXPORT, "-o", f"out/forged.{format_name}", cwd=root).returncode == 0
        assert fit_for_terminal((root / "out" / f"forged.{format_name}").read_bytes())


# Impossible dates ---------------------------------------------------------------------------------------------

DATES = {
    "end-before-start": ("[{from: 2017-06-30, to: 2017-06-28}]", 35, "the meetings end on 2017-06-28, before they "
                         "start on 2017-06-30: put the first day in `from` and the last in `to`"),
    "calendar-edge": ("[{from: 2017-06-28, to: 9999-12-31}]", 35, "9999-12-31 is not a plausible date for a UN "
                      "document or meeting: write a date from 1945 to 2100"),
    "whole-calendar": ("[{from: 0001-01-01, to: 9999-12-31}]", 19, "0001-01-01 is not a plausible date for a UN "
                       "document or meeting: write a date from 1945 to 2100"),
    "before-the-un": ("[1939-09-01]", 12, "1939-09-01 is not a plausible date for a UN document or meeting: "
                      "write a date from 1945 to 2100"),
    "years": ("[{from: 2001-01-01, to: 2003-12-31}]", 12, "the meetings from 2001-01-01 to 2003-12-31 run 1095 "
              "days, longer than a session: check the dates, and list each session's days on their own"),
    "too-many-days": ("[{from: 2001-01-01, to: 2001-12-31}, {from: 2002-01-01, to: 2002-12-31}]", 11,
                      "the meetings add up to 730 days, more than any document reports on (at most 400): list only "
                      "the meetings of this document"),
}


@pytest.mark.parametrize("case", DATES.values(), ids=DATES.keys())
def test_impossible_meetings_are_an_error_at_their_line(root: Path, case: tuple[str, int, str]) -> None:
    meetings, col, message = case
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8").replace(
        "meetings: [2017-06-28, 2017-06-29, 2017-06-30]", f"meetings: {meetings}")
    (root / "briefs" / "mini-nsa.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"meetings: {meetings}") + 1
    check, export = run("check", "--briefs", "briefs", cwd=root), run(*EXPORT, cwd=root)
    assert check.returncode == 1 and f"briefs/mini-nsa.yaml:{line}:{col}: error: {message}" in \
        check.stdout.decode().splitlines()
    assert check.stdout.decode().splitlines()[-1].startswith("0 briefs")  # it reaches no renderer
    assert export.returncode == 1 and b"Traceback" not in check.stdout + check.stderr + export.stderr
    memo = root / "xdg-cache" / "brief" / "dates.json"
    assert not memo.exists() or memo.stat().st_size < 10_000


# Settings and notes -------------------------------------------------------------------------------------------


def test_settings_and_notes_that_are_not_files_are_ignored_at_once(tmp_path: Path) -> None:
    from brief.locations import config_dir

    config_dir().mkdir(parents=True)
    os.mkfifo(config_dir() / SETTINGS_FILE)
    notes_path("mini-nsa", "en").parent.mkdir(parents=True)
    os.mkfifo(notes_path("mini-nsa", "en"))
    settings, notes = load_settings(), load_notes("mini-nsa", "en")  # a blocking read would hang here
    assert settings.values == {} and settings.problem is not None and notes.problem is not None
    (config_dir() / SETTINGS_FILE).unlink(missing_ok=True)
    (config_dir() / SETTINGS_FILE).write_text(json.dumps({"lang": "zh", "theme": "nord\x1b]52;c;cm0=\x07"}),
                                              encoding="utf-8")
    settings = load_settings()
    assert settings.lang() == "zh" and settings.text("theme") is None  # a setting brief did not write is ignored


# The curator's commands ----------------------------------------------------------------------------------------


def test_a_hostile_seed_reaches_no_terminal_through_seed_or_draft(root: Path) -> None:
    """`brief draft` quotes the seed: on a terminal its hidden characters show visibly, in a file they stay as
    the seed has them, where `brief check` refuses them at their place."""
    seed = root / "seeds" / "cd-2105.zh.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("许多代表团着重指出了", "许多代表团\x1b]52;c;cm0=\x07着重\u202e指出了"),
                    encoding="utf-8")
    shown = run_on_terminal("draft", "seeds/cd-2105.zh.txt", "--id", "x-draft", cwd=root)
    assert fit_for_terminal(shown) and "许多代表团\\u001b]52;c;cm0=\\u0007着重⟨U+202E⟩指出了".encode() in shown
    drafted = run("draft", "seeds/cd-2105.zh.txt", "--id", "x-draft", "-o", "briefs/x-draft.yaml", cwd=root)
    assert drafted.returncode == 0 and fit_for_terminal(drafted.stderr)
    check = run("check", "briefs/x-draft.yaml", "--briefs", "briefs", cwd=root)
    text = (root / "briefs" / "x-draft.yaml").read_text(encoding="utf-8")
    assert fit_for_terminal(check.stdout) and check.returncode == 1
    assert set(reported(check.stdout.decode())["briefs/x-draft.yaml"]) == hidden_places(text) != set()
    (root / "raw\x1b[2J.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    made = run("seed", "raw\x1b[2J.txt", "-o", "seeds/again\x1b]0;title\x07.zh.txt", cwd=root)
    assert made.returncode == 0 and fit_for_terminal(made.stderr)
    assert made.stderr.decode().startswith("Wrote seeds/again⟨U+001B⟩]0;title⟨U+0007⟩.zh.txt: ")
