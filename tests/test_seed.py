"""`brief seed`: the seed of record from a PDF's raw text, run as a curator runs it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from brief.seedtext import clean
from brief.sources import compact
from tests.conftest import FIXTURES, ROOT, SEEDS

ENGLISH = FIXTURES / "english"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})


def bundled() -> dict[str, tuple[str, list[str]]]:
    """The seeds and the `brief seed` options that make them, as scripts/make_seeds.py gives them."""
    spec = importlib.util.spec_from_file_location("make_seeds", ROOT / "scripts" / "make_seeds.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    seeds: dict[str, tuple[str, list[str]]] = module.SEEDS
    return seeds


@pytest.mark.parametrize("name", sorted(bundled()))
def test_brief_seed_makes_each_bundled_seed_byte_for_byte(tmp_path: Path, name: str) -> None:
    raw, options = bundled()[name]
    result = run("seed", str(SEEDS / "raw" / raw), *options, "-o", str(tmp_path / name))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_bytes() == (SEEDS / name).read_bytes()
    assert result.stderr.startswith(f"Wrote {tmp_path / name}: ") and result.stderr.count("\n") == 1


def test_it_prints_what_it_removed_and_changes_nothing_else(tmp_path: Path) -> None:
    raw = (ENGLISH / "cd-2299.raw.txt").read_text(encoding="utf-8")
    out = tmp_path / "cd-2299.en.txt"
    result = run("seed", str(ENGLISH / "cd-2299.raw.txt"), "--symbol", "CD/2299", "--date", "2024-09-12", "-o", str(out))
    assert result.returncode == 0
    assert result.stderr == (f"Wrote {out}: 68 lines joined into 23 paragraphs; removed 3 running headers (CD/2299), "
                             "4 masthead lines, 3 job and page numbers and 1 hyperlink footer\n")
    furniture = {"CD/2299", "Conference on Disarmament", "12 September 2024", "English", "Original: English",
                 "GE.24-11872(E)", "https://undocs.org/en/CD/2299", "2 GE.24-11872", "GE.24-11872 3"}
    kept = "".join(line for line in raw.splitlines() if line.strip() not in furniture)
    seed = out.read_text(encoding="utf-8")
    assert seed == (ENGLISH / "cd-2299.en.txt").read_text(encoding="utf-8")
    assert compact(seed) == compact(kept)  # every other character, in order
    # Without the date of issue, its masthead line is text like any other and stays.
    undated = clean(raw, "CD/2299")
    assert undated.text.startswith("12 September 2024\n\n") and undated.removed["masthead"] == 3


def test_paragraphs_of_an_english_extraction() -> None:
    seed = (ENGLISH / "cd-2299.en.txt").read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")
    # A line broken at a hyphen joins without a space; a wrapped title keeps one line; a signature stands alone.
    assert any("Some delegations, including nuclear-weapon States, stressed" in p for p in paragraphs)
    assert "Summary of the Coordinator on the informal meetings on agenda item 5" in paragraphs
    assert ["(Signed) Alana Verhoeven", "Ambassador", "Permanent Representative of Ruritania"] == paragraphs[3:6]
    assert all(p.startswith(f"{n}. ") for n, p in zip(range(1, 12), [p for p in paragraphs if p[0].isdigit()],
                                                       strict=True))


def test_a_footnote_in_the_middle_of_a_paragraph_moves_to_the_end() -> None:
    """As in A/68/514: the footnote's number stands on its own line in the text, and the footnote itself, after
    its rule, interrupts a later paragraph at the page end."""
    lines = ["1. 在五月举行的会议上，不限成员名额工作组进行了一般性交换意见。下列国家的代",
             "表作了发言：阿尔及利亚、奥地利、白俄罗斯、巴西(代表", "新议程联盟", "1",
             ")、比利时、加拿大、哥伦比亚、古巴、埃及、德国、印度、伊朗伊斯兰共和国和伊拉克。", "",
             " 2. 在六月举行的会议上，下列国家介绍了载有建议的工作文件：奥地利、古巴、埃及、伊",
             "朗伊斯兰共和国、日本和墨西哥。主席还汇编并介绍了工作组各次会议上提出的观点。形成临",
             "__________________", "1", " 新议程联盟由巴西、埃及和瑞典组成。", " 界意愿组织也提交了载有建议的文件。"]
    cleaned = clean("\n".join(lines) + "\n")
    assert cleaned.text.split("\n\n") == [
        "1. 在五月举行的会议上，不限成员名额工作组进行了一般性交换意见。下列国家的代表作了发言：阿尔及利亚、奥地利、白俄罗斯、巴西"
        "(代表新议程联盟1)、比利时、加拿大、哥伦比亚、古巴、埃及、德国、印度、伊朗伊斯兰共和国和伊拉克。",
        "2. 在六月举行的会议上，下列国家介绍了载有建议的工作文件：奥地利、古巴、埃及、伊朗伊斯兰共和国、日本和墨西哥。主席还汇编并"
        "介绍了工作组各次会议上提出的观点。形成临界意愿组织也提交了载有建议的文件。",
        "1 新议程联盟由巴西、埃及和瑞典组成。\n"]
    assert cleaned.footnotes == 1 and cleaned.removed == {"rule": 1}


def test_default_name_never_overwriting_and_bad_options(tmp_path: Path) -> None:
    raw = str(ENGLISH / "cd-2299.raw.txt")
    first = run("seed", raw, "--symbol", "CD/2299", "--date", "2024-09-12", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    made = tmp_path / "cd-2299.en.txt"
    assert made.read_bytes() == (ENGLISH / "cd-2299.en.txt").read_bytes()
    made.write_text("curated by hand\n", encoding="utf-8")
    again = run("seed", raw, "--symbol", "CD/2299", cwd=tmp_path)
    assert again.returncode == 1 and made.read_text(encoding="utf-8") == "curated by hand\n"
    assert again.stderr == "brief seed: cd-2299.en.txt already exists: choose another name (this command never " \
                           "replaces a file)\n"
    bad_date = run("seed", raw, "--date", "12 September 2024", cwd=tmp_path)
    assert bad_date.returncode == 2
    assert bad_date.stderr == "brief seed: --date must be a date written YYYY-MM-DD, not 12 September 2024\n"
    chinese = run("--lang", "zh", "seed", str(tmp_path / "nope.txt"))
    assert chinese.returncode == 1 and chinese.stderr == f"brief seed：{tmp_path / 'nope.txt'}：文件不存在，请检查路径\n"
    # Without a symbol or a file name, the seed goes to standard output.
    shown = run("seed", str(SEEDS / "raw" / "002_c23ee0965de2dc26.txt"))
    assert shown.returncode == 0 and shown.stdout == (SEEDS / "cd-2017-wg-nuclear-disarmament.zh.txt").read_text(
        encoding="utf-8")
