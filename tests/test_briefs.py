"""The bundled briefs as a product: clean, complete against their seeds, and fit for a one-page note."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from brief.coverage import coverage, coverage_problems
from brief.export import plan
from brief.i18n import describe
from brief.loader import load
from brief.model import Brief, Divergence, Text
from brief.sources import SeedLibrary
from tests.conftest import BRIEFS, ROOT, SEEDS

CORPUS = load(BRIEFS)
EXPECTED = {"cd-2105-fmct", "cd-2105-nsa", "cd-2017-nuclear-disarmament", "a-68-514-oewg"}


def test_check_with_coverage_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "brief", "check", "--coverage"], capture_output=True, text=True,
                            cwd=ROOT, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout
    summary = re.fullmatch(r"4 briefs, (\d+) points, 0 errors, 0 warnings\n", result.stdout)
    assert summary and int(summary.group(1)) > 150, result.stdout


def test_one_brief_per_agenda_item() -> None:
    assert {brief.id for brief in CORPUS.briefs} == EXPECTED
    assert CORPUS.problems == ()


def test_every_shift_sentence_cites_points_of_both_its_documents() -> None:
    """A sentence of what changed says what the earlier and what the later document records, so it cites a point
    of each (`brief check` verifies that each point it cites exists and carries the theme); one shift per theme
    and pair of documents."""
    assert CORPUS.glossary is not None
    shifts = CORPUS.glossary.shifts
    one_sided = [(shift.theme, shift.between, sentence.text.en[:40]) for shift in shifts
                 for sentence in shift.sentences if {cited.split("/")[0] for cited in sentence.points} != set(
                     shift.between)]
    assert one_sided == []
    pairs = [(shift.theme, shift.between) for shift in shifts]
    assert len(pairs) == len(set(pairs))
    spanning = {"fmct", "nsa", "nuclear-disarmament", "humanitarian", "npt", "ctbt", "nwfz", "verification"}
    assert spanning <= {shift.theme for shift in shifts}


@pytest.mark.parametrize("seed", sorted({brief.document.source for brief in CORPUS.briefs}))
def test_every_paragraph_of_substance_is_cited_or_skipped_with_a_reason(seed: str) -> None:
    (found,) = [c for c in coverage(CORPUS, SeedLibrary(SEEDS)) if c.seed.name == seed]
    assert [p.text[:40] for p in found.missing] == []
    assert len(found.covered) > 20


def test_coverage_notices_a_paragraph_no_brief_cites(tmp_path: Path) -> None:
    """The check above can fail: drop the point that cites a paragraph, and that paragraph is reported."""
    shutil.copytree(BRIEFS, tmp_path / "briefs")
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    path = tmp_path / "briefs" / "cd-2105-nsa.yaml"
    text = path.read_text(encoding="utf-8")
    quote = "一些代表团认为，有效的消极安全保证会削减一些国家发展核武器的动力"
    assert quote in text
    path.write_text(text.replace(quote, "各代表团普遍认同，消极安全保证是实现核裁军的一项临时步骤"), encoding="utf-8")
    corpus = load(tmp_path / "briefs")
    messages = [f"{Path(p.path).name}:{p.line}: {describe(p, 'en')}"
                for p in coverage_problems(corpus, SeedLibrary(tmp_path / "seeds"))]
    assert len(messages) == 1 and messages[0].startswith("cd-2105.zh.txt:")
    assert "一些代表团认为，有效的消极安全保证会削减" in messages[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("brief_id", sorted(EXPECTED))
def test_the_one_page_note_carries_every_key_point(brief_id: str, lang: str) -> None:
    import datetime as dt

    brief = CORPUS.brief(brief_id)
    assert brief is not None
    key = [point.id for _, point in brief.points() if point.key]
    assert 5 <= len(key) <= 12
    briefing = plan(brief, prepared=dt.date(2026, 11, 22), seeds=SeedLibrary(SEEDS))
    assert set(key) <= set(briefing.included)
    assert briefing.fill(lang) <= 1


def test_every_split_has_named_sides() -> None:
    for brief in CORPUS.briefs:
        for _, point in brief.points():
            if isinstance(point, Divergence):
                holders = [position.holders.en for position in point.positions]
                assert len(holders) >= 2 and all(holders), (brief.id, point.id)


def test_themes_gather_points_across_documents() -> None:
    for theme in ("fmct", "nsa", "npt", "verification", "humanitarian"):
        assert len({placed.brief.id for placed in CORPUS.by_theme(theme)}) >= 2, theme


def test_neptunium_as_the_issued_text_reads() -> None:
    """The issued Chinese text of CD/2105 reads 镎 237 (neptunium-237), as the English original does: the point
    says neptunium-237 in both languages, and its note says the issued text is right (the other, non-issued
    version's 镅 237 is what the note sets it against)."""
    seed = (SEEDS / "cd-2105.zh.txt").read_text(encoding="utf-8")
    assert "一些代表团愿意考虑将镎 237 和镅 241 包括在内" in seed and "镅 237" not in seed
    fmct = CORPUS.brief("cd-2105-fmct")
    assert fmct is not None
    (point,) = [p for _, p in fmct.points() if any("镎 237" in s.quote for s in p.sources)]
    assert isinstance(point, Divergence) and point.note is not None
    assert "neptunium-237" in point.issue.en and "镎-237" in point.issue.zh
    assert point.note.en.startswith("The issued Chinese text reads “镎 237 和镅 241”")
    assert "误" not in point.note.zh and "error" not in point.note.en
    assert CORPUS.glossary is not None
    assert all(term.note is None for term in CORPUS.glossary.terms if "镎" in term.zh)


def _notes(brief: Brief) -> list[Text]:
    notes = []
    for _, point in brief.points():
        notes.append(point.note)
        if isinstance(point, Divergence):
            notes.extend(position.note for position in point.positions)
    return [note for note in notes if note is not None]


def test_notes_cite_the_chinese_as_the_seed_has_it() -> None:
    """A note that says what the Chinese text reads (“The Chinese text says “专家组” …”) cites words that are in
    the seed of record: no brief claims a slip of the translation that the issued text does not have."""
    seeds = SeedLibrary(SEEDS)
    cited = 0
    for brief in CORPUS.briefs:
        seed = seeds.get(brief.document.source)
        for note in _notes(brief):
            first = re.split(r"(?<=[.;])\s", note.en)[0]
            if not re.match(r"The (issued )?Chinese\b", first):
                continue
            for words in re.findall(r"“([^”]*[\u4e00-\u9fff][^”]*)”", first):
                assert seed.count(words) > 0, (brief.id, words)
                cited += 1
    assert cited >= 8


def _claims_beyond_quote(zh: str, quote: str, seed_text: str) -> str | None:
    """What the point's Chinese text says beyond its quote, where the seed says it next to the quote: the rest of
    the quote's sentence (more than a third of its character pairs, beyond the quote's own, are in the text), or
    the next or the previous sentence of the paragraph (more than two fifths). None when the quote holds the
    whole claim."""
    from brief.sources import Seed, compact

    passage = Seed("seed", seed_text).locate(quote)
    assert passage is not None
    after = re.match(r"([^。；\n]*)[。；]?([^。；\n]*)", seed_text[passage.end:])
    assert after is not None  # the pattern matches any text, the empty one too
    before = re.search(r"([^。；\n]*)[。；][^。；\n]*$", seed_text[:passage.start])
    text, cited = compact(zh), compact(quote)
    claimed = {text[i:i + 2] for i in range(len(text) - 1)} - {cited[i:i + 2] for i in range(len(cited) - 1)}
    parts = [(compact(after.group(1)), 1 / 3, 4), (compact(after.group(2)), 2 / 5, 6),
             (compact(before.group(1)) if before else "", 2 / 5, 6)]
    for part, share, least in parts:
        pairs = {part[i:i + 2] for i in range(len(part) - 1)}
        if len(part) >= least and len(pairs & claimed) > len(pairs) * share:
            return part
    return None


def test_quotes_carry_their_whole_claim() -> None:
    """Where a point says what the rest of its sentence, or the next or previous sentence, in the seed says, the
    quote takes it in: the passage behind a point must hold all of it (65 quotes were
    cut short before this test)."""
    seeds = SeedLibrary(SEEDS)
    short = []
    for brief in CORPUS.briefs:
        text = seeds.get(brief.document.source).text
        for _, point in brief.points():
            parts = ([(p.text.zh, p.source.quote) for p in point.positions] if isinstance(point, Divergence)
                     else [(point.text.zh, point.source.quote)])
            short += [f"{brief.id}/{point.id}: …{rest}" for zh, quote in parts
                      if (rest := _claims_beyond_quote(zh, quote, text))]
    assert short == []
    assert (_claims_beyond_quote("甲乙丙丁说，戊己庚辛壬癸。", "甲乙丙丁说", "甲乙丙丁说，戊己庚辛壬癸。")
            == "，戊己庚辛壬癸")
    assert _claims_beyond_quote("甲乙丙丁。戊己庚辛壬癸。", "甲乙丙丁", "甲乙丙丁。戊己庚辛壬癸。") == "戊己庚辛壬癸"
    assert _claims_beyond_quote("甲乙丙丁。", "甲乙丙丁", "甲乙丙丁。戊己庚辛壬癸。") is None
    assert _claims_beyond_quote("戊己庚辛壬癸；甲乙丙丁。", "甲乙丙丁", "戊己庚辛壬癸。甲乙丙丁。") == "戊己庚辛壬癸"
