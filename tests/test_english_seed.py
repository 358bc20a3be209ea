"""A new English document, end to end: the raw text of a chair's summary (tests/fixtures/english, written for
these tests in the genre of a CD coordinator's summary) -> `brief seed` -> `brief draft` -> `brief check` ->
`brief export`, each the real command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from brief.loader import load
from brief.model import Assessment, Consensus, Divergence, Proposal, Viewpoint
from tests.conftest import FIXTURES, ROOT, copy_glossary

RAW = FIXTURES / "english" / "cd-2299.raw.txt"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_seed_draft_check_export(tmp_path: Path) -> None:
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds").mkdir()
    copy_glossary(tmp_path / "briefs")

    seeded = run("seed", str(RAW), "--symbol", "CD/2299", "--date", "2024-09-12", cwd=tmp_path / "seeds")
    assert seeded.returncode == 0, seeded.stderr
    seed = tmp_path / "seeds" / "cd-2299.en.txt"
    assert seed.read_bytes() == (FIXTURES / "english" / "cd-2299.en.txt").read_bytes()

    brief_file = tmp_path / "briefs" / "cd-2299-item-5.yaml"
    drafted = run("draft", "seeds/cd-2299.en.txt", "--id", "cd-2299-item-5", "-o", str(brief_file), cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    assert drafted.stderr == (f"Drafted {brief_file}: 3 topics, 14 points (2 splits), 6 paragraphs skipped, "
                              "48 texts to write (`brief check` lists them); check the date 2024-09-10 and the "
                              "meeting days 2024-07-02, 2024-07-03 and 2024-07-04, taken from the text\n")

    checked = run("check", "--coverage", "--briefs", "briefs", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    *warnings, summary = checked.stdout.splitlines()
    assert summary == "1 brief, 14 points, 0 errors, 48 warnings"
    assert all(": warning: to translate: this " in line for line in warnings)
    assert any(line.endswith("this Chinese text is still the draft's `TODO:`; write it in its place")
               for line in warnings)

    brief = load(tmp_path / "briefs").brief("cd-2299-item-5")
    assert brief is not None
    assert (brief.document.symbol, brief.agenda_item.number) == ("CD/2299", "5")
    assert [topic.title.en for topic in brief.topics] == ["General exchange of views", "Radiological weapons",
                                                          "Way forward"]
    found = {(type(point).__name__, point.support) for _, point in brief.points()}
    assert found == {("Consensus", "general"), ("Consensus", "all"), ("Consensus", "most"), ("Viewpoint", "many"),
                     ("Viewpoint", "one"), ("Divergence", "some"), ("Proposal", "one"), ("Proposal", "some"),
                     ("Assessment", None)}
    assert any(isinstance(p, Consensus) and p.support == "general" and p.sources[0].quote.startswith(
        "There was general agreement") for _, p in brief.points())
    split = next(point for _, point in brief.points() if isinstance(point, Divergence))
    assert [(p.holders.en, p.holders.zh) for p in split.positions] == [("Some delegations", "一些代表团"),
                                                                       ("Others", "另一些代表团")]
    assert any(isinstance(p, Viewpoint) and p.sources[0].quote.startswith("A view was expressed")
               for _, p in brief.points())
    assert any(isinstance(p, Proposal) and p.sources[0].quote.startswith("It was suggested")
               for _, p in brief.points())
    reading = next(point for _, point in brief.points() if isinstance(point, Assessment))
    assert reading.holders.en == "The Coordinator" and reading.sources[0].quote.startswith("It was clear")
    assert [entry.reason for entry in brief.skipped] == ["title", "transmittal", "title", "procedural",
                                                         "list of speakers"]

    exported = run("export", "cd-2299-item-5", "--briefs", "briefs", "--date", "2024-10-01", "-o", "note.md", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    note = (tmp_path / "note.md").read_text(encoding="utf-8")
    assert "2–4 July 2024 · Source: CD/2299" in note
    assert "TODO: There was general agreement that the Conference remained the appropriate forum" in note
