"""The seeds are the texts of record: unchanged since they were made, made from the raw extractions in
seeds/raw by re-flowing whitespace and dropping page furniture only, and CD/2105 is the issued text."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from brief.sources import compact
from tests.conftest import ROOT, SEEDS

RAW = SEEDS / "raw"
ISSUED_CD_2105 = "001_67af244241f6797e.txt"
# The lines of the issued PDF of CD/2105 that are not text of the document, in the order they occur: the cover
# block of page 1, then the running header and job number of pages 2 and 4 (the other pages' are not in the
# extraction).
CD_2105_FURNITURE = ["CD/2105", "裁军谈判会议", "15 September 2017", "Chinese", "Original: English",
                     "CD/2105", "2 GE.17-16195", "CD/2105", "4 GE.17-16195"]


def content_hash(text: str) -> str:
    return hashlib.sha256(compact(text).encode("utf-8")).hexdigest()


def recorded() -> list[tuple[str, str, str, str]]:
    """The rows of the hash table in seeds/README.md: (seed, its hash, raw file, the raw hash)."""
    rows = re.findall(r"^\| `([\w.-]+\.txt)` \| `([0-9a-f]{64})` \| `([\w.]+)` \| `([0-9a-f]{64})` \|$",
                      (SEEDS / "README.md").read_text(encoding="utf-8"), flags=re.M)
    assert len(rows) == 3
    return rows


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("row", recorded(), ids=lambda row: row[0])
def test_seed_text_is_unchanged(row: tuple[str, str, str, str]) -> None:
    name, expected, _, _ = row
    assert content_hash((SEEDS / name).read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("row", recorded(), ids=lambda row: row[2])
def test_raw_text_is_unchanged(row: tuple[str, str, str, str]) -> None:
    _, _, raw_name, expected = row
    assert content_hash((RAW / raw_name).read_text(encoding="utf-8")) == expected


def test_the_myanmar_report_only_moved_whitespace() -> None:
    same = {seed for seed, mine, _, theirs in recorded() if mine == theirs}
    assert same == {"cd-2017-wg-nuclear-disarmament.zh.txt"}


def test_cd_2105_is_the_issued_text_less_its_page_furniture() -> None:
    """Every character of the issued PDF's text is in the seed, in order, and nothing else: the seed without
    whitespace is the raw extraction without whitespace and without exactly the furniture lines."""
    rows = {seed: raw for seed, _, raw, _ in recorded()}
    assert rows["cd-2105.zh.txt"] == ISSUED_CD_2105
    lines = (RAW / ISSUED_CD_2105).read_text(encoding="utf-8").splitlines()
    kept: list[str] = []
    dropped: list[str] = []
    for line in lines:
        if len(dropped) < len(CD_2105_FURNITURE) and line.strip() == CD_2105_FURNITURE[len(dropped)]:
            dropped.append(line.strip())
        else:
            kept.append(line)
    assert dropped == CD_2105_FURNITURE
    seed = (SEEDS / "cd-2105.zh.txt").read_text(encoding="utf-8")
    assert compact(seed) == compact("".join(kept))
    # Furniture it must not hold: none of these lines is a paragraph of the seed.
    assert not set(CD_2105_FURNITURE) & {paragraph.strip() for paragraph in seed.split("\n\n")}


def test_cd_2105_paragraphs_are_whole() -> None:
    """The page break inside a sentence is joined, and a paragraph that does not end a sentence is a heading, a
    date or signature line, a title or the transmittal sentence (which has no full stop in the issued text)."""
    paragraphs = [p.strip() for p in (SEEDS / "cd-2105.zh.txt").read_text(encoding="utf-8").split("\n\n")]
    assert any("另一项关键内容。一种观点是" in paragraph for paragraph in paragraphs)
    assert all(paragraph and "\n" not in paragraph for paragraph in paragraphs)
    unfinished = {p for p in paragraphs if len(p) > 40 and not p.endswith(("。", "：", "，"))}
    titles = ("2017 年 9 月 14 日德意志", "“前进道路”工作组：议程项目", "谨随函附上")
    assert all(paragraph.startswith(titles) for paragraph in unfinished)
    assert len(unfinished) == 4  # the note's title, the titles of letters 1 and 2, the transmittal sentence


def test_cd_2105_is_the_issued_wording() -> None:
    """The text of record reads 镎 237 (neptunium-237, as in the English original), 遵约 and 无核武器区; the other
    version's 镅 237, 履约 and 非核武器 are not in it."""
    text = compact((SEEDS / "cd-2105.zh.txt").read_text(encoding="utf-8"))
    assert "一些代表团愿意考虑将镎237和镅241包括在内" in text
    assert text.count("遵约") == 11 and text.count("无核武器区") > 10
    for other in ("镅237", "履约", "非核武器"):
        assert other not in text


def test_make_seeds_reproduces_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = script("make_seeds")
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(module, "ROOT", tmp_path)
    module.main(RAW)
    for name, _, _, _ in recorded():
        assert (tmp_path / "seeds" / name).read_bytes() == (SEEDS / name).read_bytes()


def test_versions_table_is_what_the_script_computes() -> None:
    module = script("cd_2105_versions")
    written = (SEEDS / "cd-2105-versions.md").read_text(encoding="utf-8")
    assert module.render() == written
    # It is a real comparison: every row's issued word is in the text of record and the other version's is in
    # the other raw text, and the other version's words are not where the table says the issued ones are.
    issued = compact((SEEDS / "cd-2105.zh.txt").read_text(encoding="utf-8"))
    other = module.other_version(RAW)
    rows = re.findall(r"^\| \d+ \| \d+ \| .* \| (\S*)(?: \(U\+[^)]*\))? \| (\S*)(?: \(U\+[^)]*\))? \|$", written,
                      flags=re.M)
    count = re.search(r"^(\d+) differences\.$", written, flags=re.M)
    assert count is not None and len(rows) == int(count.group(1)) > 30
    for mine, theirs in rows:
        assert mine.replace("(nothing)", "") in issued and theirs.replace("(nothing)", "") in other
        assert mine != theirs


def test_the_wheel_bundles_every_seed_and_no_raw_text() -> None:
    """pyproject.toml lists the seeds file by file (force-include takes no exclusions): every file of seeds/ is
    bundled, nothing of seeds/raw is."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    bundled = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    seeds = {source: target for source, target in bundled.items() if source.startswith("seeds")}
    assert seeds == {f"seeds/{path.name}": f"brief/_data/seeds/{path.name}" for path in SEEDS.iterdir()
                     if path.is_file()}
    assert "seeds" not in bundled and RAW.is_dir()
