"""`brief draft`: a checked brief skeleton from a seed, run as a curator runs it (the real command, real files)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from brief.cli import main
from brief.loader import load
from brief.model import TO_WRITE, Assessment, Brief, Consensus, Divergence, Point, Proposal, Viewpoint
from tests.conftest import ROOT, SEEDS, copy_glossary

TO_TRANSLATE = "warning: to translate: this"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})


def folder(tmp_path: Path) -> tuple[Path, Path]:
    briefs, seeds = tmp_path / "briefs", tmp_path / "seeds"
    briefs.mkdir()
    seeds.mkdir()
    copy_glossary(briefs)
    return briefs, seeds


def drafted(tmp_path: Path, text: str, name: str = "cd-2300.zh.txt") -> Brief:
    """`text` as a seed, drafted by the command and loaded by the loader, which must find no error in it."""
    briefs, seeds = folder(tmp_path)
    (seeds / name).write_text(text, encoding="utf-8")
    assert main(["draft", str(seeds / name), "--id", "test-draft", "-o", str(briefs / "test-draft.yaml")]) == 0
    corpus = load(briefs)
    assert corpus.errors == [], corpus.errors
    brief = corpus.brief("test-draft")
    assert brief is not None
    return brief


def points(brief: Brief) -> list[Point]:
    return [point for _, point in brief.points()]


@pytest.mark.parametrize("seed", sorted(path.name for path in SEEDS.glob("*.txt")))
def test_a_draft_of_each_bundled_seed_passes_the_check_but_for_the_texts_to_translate(tmp_path: Path,
                                                                                      seed: str) -> None:
    briefs, _ = folder(tmp_path)
    made = run("draft", str(SEEDS / seed), "--id", "draft", "-o", str(briefs / "draft.yaml"))
    assert made.returncode == 0 and made.stdout == "", made.stderr
    assert made.stderr.startswith(f"Drafted {briefs / 'draft.yaml'}: ")
    check = run("check", "--coverage", "--briefs", str(briefs), "--seeds", str(SEEDS))
    assert check.returncode == 0, check.stdout
    lines = check.stdout.splitlines()
    assert all(TO_TRANSLATE in line for line in lines[:-1]), [line for line in lines if TO_TRANSLATE not in line]
    assert lines[-1].endswith(f"0 errors, {len(lines) - 1} warnings") and len(lines) > 100
    brief = load(briefs, SEEDS).brief("draft")
    assert brief is not None and len(points(brief)) > 50
    # Every point is flagged in the app, and a paragraph a draft does not turn into points is skipped with a
    # reason (the coverage check above would warn about it otherwise).
    assert all(point.to_write for point in points(brief))
    assert {entry.reason for entry in brief.skipped} <= {"transmittal", "list of speakers", "list of documents",
                                                         "procedural", "footnote", "title",
                                                         "item of a procedural list (an agenda)",
                                                         "no view, agreement or proposal found"}


def test_sentences_that_answer_each_other_are_the_sides_of_one_split(tmp_path: Path) -> None:
    brief = drafted(tmp_path, "\n\n".join([
        "核查",
        "许多代表团指出，这样一项文书应该没有前提条件，而另一些代表团认为消极安全保证应该成为加入条约的好处之一。",
        "就缔约国之间费用分配的问题发表了不同意见。一些代表团建议应由所有缔约国共同分担费用。另一些认为新核查措施的费用应该"
        "由接受核查的国家负担。一种观点是应该允许自愿捐款。",
        "有代表团指出，一项具有法律约束力的文书在技术上没有困难。另一个代表团指出，这样一项文书必须是清晰和可信的。",
        "各代表团提出若干方针：(1) 利用一项全面公约的综合方针，最终完全消除核武器；(2) 渐进方针，基于以往做出的努力开展工作。",
    ]) + "\n")
    splits = [point for point in points(brief) if isinstance(point, Divergence)]
    assert len(splits) == 2
    clause, sentences = splits
    assert [(p.holders.zh, p.holders.en, p.support) for p in clause.positions] == [
        ("许多代表团", "Many delegations", "many"), ("另一些代表团", "Other delegations", "some")]
    assert clause.positions[1].source.quote.startswith("而另一些代表团认为")
    assert [p.support for p in sentences.positions] == ["some", "some", "one"]
    # The sentence that says views differed is the split's issue, not a point of its own.
    assert sentences.issue.zh == f"{TO_WRITE} 就缔约国之间费用分配的问题发表了不同意见。"
    assert not any(p.source.quote.startswith("就缔约国之间") for p in points(brief) if not isinstance(p, Divergence))
    # Another delegation adding a view is not a side, and a list of options is not a split.
    singles = [p for p in points(brief) if not isinstance(p, Divergence)]
    assert [(type(p).__name__, p.support) for p in singles] == [
        ("Viewpoint", "one"), ("Viewpoint", "one"), ("Consensus", "all"), ("Proposal", "some"), ("Proposal", "some")]


def test_english_splits_and_a_paragraph_that_opens_with_however(tmp_path: Path) -> None:
    brief = drafted(tmp_path, "\n\n".join([
        "Verification",
        "Some delegations held that no new type of weapon had been identified, while others considered that "
        "preventive work was no less urgent.",
        "The nuclear-weapon States stated that their commitments were legally binding assurances.",
        "However, a delegation stressed that confining assurances to zones would make a global obligation "
        "regional.",
    ]) + "\n", name="cd-2301.en.txt")
    first, second = [point for point in points(brief) if isinstance(point, Divergence)]
    assert [(p.holders.en, p.holders.zh, p.support) for p in first.positions] == [
        ("Some delegations", "一些代表团", "some"), ("Others", "另一些代表团", "some")]
    assert [(p.holders.en, p.holders.zh, p.support) for p in second.positions] == [
        ("The nuclear-weapon States", "核武器国家", "some"), ("A delegation", "有代表团", "one")]
    assert brief.document.symbol == "CD/2301"


def test_the_five_kinds_and_the_chairs_own_reading(tmp_path: Path) -> None:
    brief = drafted(tmp_path, "\n\n".join([
        "前进道路",
        "会议由两位主席之友共同主持。",
        "各代表团普遍认为，应尽快在裁谈会中开始谈判。",
        "一些代表团认为，有效的消极安全保证有助于不扩散努力。",
        "有代表团提议，裁军谈判会议不妨考虑汇编一份对现有保证的概述。",
        "显然，这些要素即便本质上是技术性的，但同时也具有高度的政治性。",
        "一些代表团倾向于采取重点核查方针。另一些代表团认为最适合条约的是全面方针。",
    ]) + "\n")
    kinds = {type(point) for point in points(brief)}
    assert kinds == {Consensus, Viewpoint, Proposal, Assessment, Divergence}
    (reading,) = [point for point in points(brief) if isinstance(point, Assessment)]
    assert (reading.holders.en, reading.holders.zh) == ("The co-chairs", "共同主席")
    assert reading.support is None
    assert [entry.reason for entry in brief.skipped] == ["procedural"]
    assert brief.topics[0].title.zh == "前进道路" and brief.topics[0].title.en == f"{TO_WRITE} 前进道路"


def test_never_overwrites_and_fails_in_one_line(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my own work\n", encoding="utf-8")
    kept = run("draft", str(SEEDS / "cd-2105.zh.txt"), "--id", "x", "-o", str(target))
    assert kept.returncode == 1 and target.read_text(encoding="utf-8") == "my own work\n"
    assert kept.stderr == f"brief draft: {target} already exists: choose another name (this command never " \
                          "replaces a file)\n"
    bad_id = run("draft", str(SEEDS / "cd-2105.zh.txt"), "--id", "Not An Id")
    assert bad_id.returncode == 2 and bad_id.stdout == ""
    assert bad_id.stderr.count("\n") == 1 and "--id must be lowercase letters" in bad_id.stderr
    missing = run("draft", str(tmp_path / "nope.txt"), "--id", "x", "--lang", "zh")
    assert missing.returncode == 1 and missing.stderr == f"brief draft：{tmp_path / 'nope.txt'}：文件不存在，请检查路径\n"
    (tmp_path / "latin1.txt").write_bytes("Délégations".encode("latin-1"))
    unreadable = run("draft", str(tmp_path / "latin1.txt"), "--id", "x")
    assert unreadable.returncode == 1 and "is not UTF-8 text" in unreadable.stderr
    assert "Traceback" not in kept.stderr + bad_id.stderr + missing.stderr + unreadable.stderr


def test_without_a_file_the_draft_goes_to_standard_output(tmp_path: Path) -> None:
    result = run("draft", str(SEEDS / "cd-2017-wg-nuclear-disarmament.zh.txt"), "--id", "nd", cwd=tmp_path)
    assert result.returncode == 0 and list(tmp_path.iterdir()) == []
    assert result.stdout.startswith("# yaml-language-server: $schema=brief.schema.json\n")
    assert "id: nd\n" in result.stdout and "meetings: [2017-08-08, 2017-08-09, 2017-08-10]" in result.stdout
    assert "Drafted standard output:" in result.stderr


def test_a_sentence_that_occurs_twice_is_quoted_with_its_neighbours_until_it_occurs_once(tmp_path: Path) -> None:
    brief = drafted(tmp_path, "一般性意见交换\n\n许多代表团认为条约应该包含退出条款。一些代表团强调了这一点。\n\n"
                              "一些代表团认为，应尽快开始谈判。一些代表团强调了这一点。\n")
    assert [point.sources[0].quote for point in points(brief)] == [
        "许多代表团认为条约应该包含退出条款。", "许多代表团认为条约应该包含退出条款。一些代表团强调了这一点。",
        "一些代表团认为，应尽快开始谈判。", "一些代表团认为，应尽快开始谈判。一些代表团强调了这一点。"]
