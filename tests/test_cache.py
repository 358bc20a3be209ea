"""The loader's cache: a warm load gives exactly what a cold one does, any change that matters is seen (whatever
the file's size and time say), and an entry that cannot be trusted only means a fresh load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from brief.cache import MAX_ENTRY_BYTES, BriefCache, decode
from brief.cli import main
from brief.corpus import Problem
from brief.i18n import describe
from brief.loader import load
from tests.conftest import ROOT, mutate


def touch_later(path: Path) -> None:
    """Make sure the modification time moves even on a coarse clock."""
    found = path.stat()
    os.utime(path, ns=(found.st_atime_ns, found.st_mtime_ns + 1_000_000_000))


def test_warm_load_equals_cold_load_and_reads_no_file(folder: Path, tmp_path: Path, monkeypatch) -> None:
    cache = BriefCache(tmp_path / "cache")
    cold = load(folder, cache=cache)
    assert cold.briefs and not cold.errors
    assert len(list((tmp_path / "cache").glob("*.msgpack"))) == len(cold.briefs) + 1  # and the glossary
    from brief import loader

    def never(*args, **kwargs):
        raise AssertionError("a cached file was read again")

    monkeypatch.setattr(loader, "_read_brief", never)
    warm = load(folder, cache=cache)
    assert warm == cold


def test_problems_are_cached_with_their_positions(folder: Path, tmp_path: Path) -> None:
    mutate(folder / "cd-2105-nsa.yaml", "\nid: cd-2105-nsa\n", "\nid: cd-2105-nsa\nbogus: 1\n")
    cache = BriefCache(tmp_path / "cache")
    cold = load(folder, cache=cache)
    warm = load(folder, cache=cache)
    assert warm.problems == cold.problems and cold.errors
    assert all(p.line for p in warm.errors)
    # The brief's own error; the glossary's shifts that cite the brief that no longer loads are warnings.
    assert {Path(p.path).name for p in warm.errors} == {"cd-2105-nsa.yaml"}
    assert {Path(p.path).name for p in warm.warnings} == {"glossary.yaml"}


@pytest.mark.parametrize("change", ["brief", "glossary", "seed"])
def test_a_change_to_what_a_brief_depends_on_is_seen(folder: Path, tmp_path: Path, change: str) -> None:
    cache = BriefCache(tmp_path / "cache")
    assert not load(folder, cache=cache).errors
    if change == "brief":
        mutate(folder / "cd-2105-nsa.yaml", "\nid: cd-2105-nsa\n", "\nid: cd-2105-nsa\nbogus: 1\n")
        touch_later(folder / "cd-2105-nsa.yaml")
        expected = "unknown key `bogus`"
    elif change == "glossary":
        mutate(folder / "glossary.yaml", "{id: nsa,", "{id: nsa-renamed,")
        touch_later(folder / "glossary.yaml")
        expected = "unknown theme `nsa`"
    else:
        seed = tmp_path / "seeds" / "cd-2105.zh.txt"
        seed.write_text(seed.read_text(encoding="utf-8").replace("各代表团普遍认同", "各代表团认同"), encoding="utf-8")
        touch_later(seed)
        expected = "quote not found"
    from brief.i18n import describe

    assert any(expected in describe(p, "en") for p in load(folder, cache=cache).errors)


def test_a_damaged_or_unwritable_cache_is_ignored(folder: Path, tmp_path: Path) -> None:
    cache = BriefCache(tmp_path / "cache")
    cold = load(folder, cache=cache)
    for entry in (tmp_path / "cache").glob("*.msgpack"):
        entry.write_bytes(b"\x00garbage")
    assert load(folder, cache=cache) == cold
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert load(folder, cache=BriefCache(blocked / "cache")) == cold


def test_a_warm_start_imports_neither_yaml_nor_the_validator(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load(folder, cache=BriefCache(cache))
    probe = ("import sys\nfrom pathlib import Path\nfrom brief.cache import BriefCache\n"
             "from brief.loader import load\n"
             f"corpus = load(Path({str(folder)!r}), cache=BriefCache(Path({str(cache)!r})))\n"
             f"print(len(corpus.briefs), 'yaml' in sys.modules, 'brief.validate' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == [str(len(load(folder).briefs)), "False", "False"], result.stderr


EDITS = {  # a change of one character for another of as many bytes, in a brief, the glossary and a seed
    "brief": ("cd-2105-nsa.yaml", "themes: [nsa, security-environment]", "themes: [nsz, security-environment]",
              "unknown theme `nsz`"),
    "glossary": ("glossary.yaml", "{id: nsa,", "{id: nsz,", "unknown theme `nsa`"),
    "seed": ("../seeds/cd-2105.zh.txt", "各代表团普遍认同", "各代表团普遍认可", "quote not found"),
}


@pytest.mark.parametrize("change", EDITS.values(), ids=EDITS.keys())
def test_an_edit_that_keeps_the_size_and_the_time_is_seen(folder: Path, tmp_path: Path,
                                                          change: tuple[str, str, str, str]) -> None:
    name, old, new, expected = change
    cache = BriefCache(tmp_path / "cache")
    assert not load(folder, cache=cache).errors
    path = folder / name
    before = path.stat()
    mutate(path, old, new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert any(expected in describe(p, "en") for p in load(folder, cache=cache).errors)


def entries(cache: Path) -> list[Path]:
    found = sorted(cache.glob("*.msgpack"))
    assert found
    return found


def test_a_tampered_entry_is_not_trusted(folder: Path, tmp_path: Path) -> None:
    """An entry edited by hand (the text of a point, as msgpack keeps it), or another file's entry put in its
    place: the brief is read afresh, and nothing that is not in the YAML is shown."""
    cache = BriefCache(tmp_path / "cache")
    cold = load(folder, cache=cache)
    tampered = 0
    for entry in entries(tmp_path / "cache"):
        stored = entry.read_bytes()
        if b"Negative security assurances" in stored:
            entry.write_bytes(stored.replace(b"Negative security assurances", b"Positive security assurances"))
            tampered += 1
    assert tampered
    warm = load(folder, cache=cache)
    assert warm == cold and "Positive security" not in repr(warm)
    first, second = entries(tmp_path / "cache")[:2]
    shutil.copy(first, second)
    assert load(folder, cache=cache) == cold


def fake_entry(cache: Path, marker: str) -> None:
    """Make every brief's entry say that its file has a problem that is in no file, keeping it well formed (as a
    cache written by some other program would be)."""
    for path in entries(cache):
        stored = path.read_bytes()
        try:
            entry = decode(stored[32:])
        except msgspec.ValidationError:  # the glossary's
            continue
        problem = Problem(path="", line=1, col=1, template=marker)
        BriefCache(cache).put(Path(entry.path), msgspec.structs.replace(entry, problems=(problem,)))


def test_check_uses_the_cache_and_no_cache_does_not(folder: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--briefs", str(folder), "--lang", "en"]
    assert main(args) == 0
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "brief" / "briefs"
    fake_entry(cache, "a problem only the cache knows of")
    kept = {path: path.read_bytes() for path in entries(cache)}
    capsys.readouterr()
    assert main(args) == 1  # the cache was used: its (made up) problem shows
    assert "a problem only the cache knows of" in capsys.readouterr().out
    assert main([*args, "--no-cache"]) == 0
    assert "a problem only the cache knows of" not in capsys.readouterr().out
    assert {path: path.read_bytes() for path in entries(cache)} == kept  # --no-cache wrote nothing


@pytest.mark.parametrize("damage", ["fifo", "dev-zero", "folder", "empty", "truncated", "huge", "garbage"])
def test_a_cache_file_that_cannot_be_read_means_a_fresh_load(folder: Path, tmp_path: Path, damage: str) -> None:
    """Through the command line, so that a hang shows as a timeout."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "brief", "check", "--briefs", str(folder), "--lang", "en"],
                              capture_output=True, text=True, cwd=ROOT, env=environment, timeout=60)

    cold = check()
    assert cold.returncode == 0 and cold.stderr == ""
    for path in entries(tmp_path / "xdg" / "brief" / "briefs"):
        stored = path.read_bytes()
        path.unlink()
        if damage == "fifo":
            if not hasattr(os, "mkfifo"):
                pytest.skip("no named pipes on this system")
            os.mkfifo(path)
        elif damage == "dev-zero":
            path.symlink_to("/dev/zero")
        elif damage == "folder":
            path.mkdir()
        elif damage == "empty":
            path.write_bytes(b"")
        elif damage == "truncated":
            path.write_bytes(stored[: len(stored) // 2])
        elif damage == "huge":
            with path.open("wb") as handle:
                handle.truncate(MAX_ENTRY_BYTES + 1)
        else:
            path.write_bytes(os.urandom(len(stored)))
    warm = check()
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
