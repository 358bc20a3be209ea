"""The loader's cache: a warm load gives exactly what a cold one does, and any change that matters is seen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.cache import BriefCache
from brief.loader import load
from tests.conftest import BRIEFS, ROOT, SEEDS, mutate


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled briefs and seeds, copied so that a test may change them."""
    shutil.copytree(BRIEFS, tmp_path / "briefs")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "briefs"


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
    assert all(p.path.endswith("cd-2105-nsa.yaml") and p.line for p in warm.errors)


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
    probe = (f"import sys\nfrom pathlib import Path\nfrom brief.cache import BriefCache\nfrom brief.loader import load\n"
             f"corpus = load(Path({str(folder)!r}), cache=BriefCache(Path({str(cache)!r})))\n"
             f"print(len(corpus.briefs), 'yaml' in sys.modules, 'brief.validate' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == [str(len(load(folder).briefs)), "False", "False"], result.stderr
