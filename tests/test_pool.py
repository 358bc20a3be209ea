"""Reading by a pool of processes (`brief.pool`) gives exactly what one process gives, in the same order: the
briefs, every problem, which of two files claiming one id is reported; from the command line too."""

from __future__ import annotations

import concurrent.futures
import shutil
from pathlib import Path
from typing import Any

import pytest

from brief import pool
from brief.cache import BriefCache
from brief.cli import main
from brief.loader import DUPLICATE_BRIEF_ID, brief_files, load
from tests.conftest import BRIEFS, SEEDS, copy_glossary

COPIES = 6


@pytest.fixture(scope="module")
def pool_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled briefs, each under several ids (about 1.5 MB, so that `brief check` uses a pool), two files
    that claim an id already used, and files with errors of every stage: syntax, tags, the schema, quotes."""
    root = tmp_path_factory.mktemp("pool")
    briefs = root / "briefs"
    briefs.mkdir()
    shutil.copytree(SEEDS, root / "seeds")
    copy_glossary(briefs)
    for path in brief_files(BRIEFS):
        text = path.read_text(encoding="utf-8")
        brief_id = path.stem
        for copy in range(COPIES):
            (briefs / f"{brief_id}-{copy}.yaml").write_text(
                text.replace(f"\nid: {brief_id}\n", f"\nid: {brief_id}-{copy}\n"), encoding="utf-8")
        (briefs / f"{brief_id}-again.yaml").write_text(text.replace(f"\nid: {brief_id}\n", f"\nid: {brief_id}-1\n"),
                                                       encoding="utf-8")
    nsa = (BRIEFS / "cd-2105-nsa.yaml").read_text(encoding="utf-8")
    (briefs / "b-syntax.yaml").write_text("schema: 1\nid: [unclosed\n", encoding="utf-8")
    (briefs / "b-tag.yaml").write_text("schema: !!python/object:os.system 1\n", encoding="utf-8")
    (briefs / "b-schema.yaml").write_text(nsa.replace("\nid: cd-2105-nsa\n", "\nid: b-schema\nbogus: 1\n"),
                                          encoding="utf-8")
    (briefs / "b-quote.yaml").write_text(nsa.replace("\nid: cd-2105-nsa\n", "\nid: b-quote\n").replace(
        "各代表团普遍认同", "各代表团认同"), encoding="utf-8")
    return briefs


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What each use of the pool gave (None: it could not be used)."""
    used: list[Any] = []
    read_all = pool.read_all

    def spy(*args: Any) -> Any:
        used.append(read_all(*args))
        return used[-1]

    monkeypatch.setattr(pool, "read_all", spy)
    return used


def test_a_pool_gives_what_one_process_gives(pool_folder: Path, pools: list[Any]) -> None:
    serial = load(pool_folder, jobs=1)
    assert not pools
    pooled = load(pool_folder, jobs=2)
    assert len(pools) == 1 and pools[0] is not None and len(pools[0]) == len(brief_files(pool_folder))
    assert pooled == serial
    assert len(serial.briefs) == 4 * COPIES + 1 and len(serial.errors) >= 4 + 4
    assert sum(p.template == DUPLICATE_BRIEF_ID for p in serial.errors) == 4  # each -again file


def test_a_pool_fills_the_cache_as_one_process_does(pool_folder: Path, tmp_path: Path, pools: list[Any]) -> None:
    serial = load(pool_folder, jobs=1)
    cache = BriefCache(tmp_path / "cache")
    assert load(pool_folder, cache=cache, jobs=2) == serial and pools[0] is not None
    assert load(pool_folder, cache=cache, jobs=2) == serial and len(pools) == 1  # all from the cache: no pool


def test_a_pool_that_cannot_start_means_one_process(pool_folder: Path, pools: list[Any],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    assert load(pool_folder, jobs=2) == load(pool_folder, jobs=1)
    assert pools == [None]


def test_few_bytes_are_read_in_one_process(pool_folder: Path, pools: list[Any]) -> None:
    small = [path for path in brief_files(pool_folder) if path.name.startswith("b-")]
    load(pool_folder, files=small, jobs=2)
    assert not pools


def test_check_prints_what_one_process_prints(pool_folder: Path, pools: list[Any], monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--briefs", str(pool_folder), "--lang", "en", "--no-cache"]
    monkeypatch.setattr(pool, "available_cores", lambda: 1)
    assert main(args) == 1
    serial = capsys.readouterr().out
    monkeypatch.setattr(pool, "available_cores", lambda: 2)
    assert main(args) == 1
    assert capsys.readouterr().out == serial and pools and pools[0] is not None
