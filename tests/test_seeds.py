"""The seeds are the texts of record: unchanged since they were made, and made by re-flowing whitespace only."""

from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

RAW = ROOT.parent / "shared" / "seeds"


def content_hash(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s", "", text).encode("utf-8")).hexdigest()


def recorded() -> list[tuple[str, str, str, str]]:
    """The rows of the hash table in seeds/README.md: (seed, its hash, raw file, the raw hash)."""
    rows = re.findall(r"^\| `([\w.-]+\.txt)` \| `([0-9a-f]{64})` \| `([\w.]+)` \| `([0-9a-f]{64})` \|$",
                      (SEEDS / "README.md").read_text(encoding="utf-8"), flags=re.M)
    assert len(rows) == 3
    return rows


@pytest.mark.parametrize("row", recorded(), ids=lambda row: row[0])
def test_seed_text_is_unchanged(row: tuple[str, str, str, str]) -> None:
    name, expected, _, _ = row
    assert content_hash((SEEDS / name).read_text(encoding="utf-8")) == expected


def test_reflowed_seeds_only_moved_whitespace() -> None:
    same = [(seed, raw) for seed, mine, raw, theirs in recorded() if mine == theirs]
    assert {seed for seed, _ in same} == {"cd-2105.zh.txt", "cd-2017-wg-nuclear-disarmament.zh.txt"}


@pytest.mark.skipif(not RAW.is_dir(), reason="the raw PDF extractions are not on this machine")
def test_make_seeds_reproduces_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("make_seeds", ROOT / "scripts" / "make_seeds.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(module, "ROOT", tmp_path)
    module.main(RAW)
    for name, _, raw_name, raw_hash in recorded():
        assert (tmp_path / "seeds" / name).read_bytes() == (SEEDS / name).read_bytes()
        assert content_hash((RAW / raw_name).read_text(encoding="utf-8")) == raw_hash
