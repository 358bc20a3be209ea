"""A theme across documents: its groups (one per brief, the oldest meetings first, points by section), the
curated shifts with the points they cite, the counts per document, and the one-page theme note in every
format and both languages, from the library and from the command line."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from brief.corpus import Corpus
from brief.export import render, theme_filename, theme_plan
from brief.export.page import Entry, PageBudget, Sentence
from brief.export.theme import SHIFTS, ThemePlan
from brief.loader import load
from brief.model import SECTIONS, PointRef
from brief.sources import SeedLibrary
from brief.themes import shifts_of, theme_counts, theme_groups
from tests.conftest import BRIEFS, ROOT, SEEDS

DAY = dt.date(2026, 11, 22)
MD = MarkdownIt("commonmark").use(footnote_plugin)
BUNDLED = load(BRIEFS, SEEDS)

#: Two shifts of the theme `fmct`, the later pair first (the note orders them by their documents).
SHIFTS_YAML = """shifts:
  - theme: fmct
    between: [cd-2105-fmct, cd-2017-nuclear-disarmament]
    sentences:
      - text: {en: "In June 2017 delegations generally agreed that negotiations should start; in August several were ready to negotiate.", zh: "2017年6月，各代表团普遍认为应开始谈判；8月，若干代表团表示愿意谈判。"}
        points: [cd-2105-fmct/start-negotiations, cd-2017-nuclear-disarmament/fmct-negotiation]
  - theme: fmct
    between: [a-68-514-oewg, cd-2105-fmct]
    sentences:
      - text: {en: "In 2013 a fissile material instrument was among the measures discussed; in June 2017 delegations affirmed a ban.", zh: "2013年讨论的措施包括一项裂变材料文书；2017年6月，各代表团确认应予禁止。"}
        points: [a-68-514-oewg/fissile-material-instrument, a-68-514-oewg/prohibit-fissile-material, cd-2105-fmct/ban-production]
      - text: {en: "Moratoriums were among the elements put forward in 2013.", zh: "2013年提出的要素包括暂停。"}
        points: [a-68-514-oewg/fissile-moratorium]
"""


def with_shifts(folder: Path, shifts: str = SHIFTS_YAML) -> Path:
    """The folder's glossary with `shifts` in place of any it has (the bundled one may have curated shifts)."""
    glossary = folder / "glossary.yaml"
    text = re.sub(r"(?ms)^shifts:.*?(?=^\S|\Z)", "", glossary.read_text(encoding="utf-8"))
    glossary.write_text(text.rstrip("\n") + "\n" + shifts, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The bundled briefs with the fixture's shifts."""
    folder = tmp_path_factory.mktemp("shifts") / "briefs"
    shutil.copytree(BRIEFS, folder)
    loaded = load(with_shifts(folder), SEEDS)
    assert loaded.errors == []
    return loaded


def note(corpus: Corpus, theme_id: str = "fmct", **options: object) -> ThemePlan:
    return theme_plan(corpus, theme_id, prepared=DAY, seeds=SeedLibrary(SEEDS), **options)  # type: ignore[arg-type]


# The groups --------------------------------------------------------------------------------------------------


def test_groups_follow_the_meetings_not_the_documents_dates() -> None:
    """The report on nuclear disarmament is dated 14 September 2017, CD/2105 15 September, but CD/2105 records
    June's meetings and the report August's: the oldest meetings come first."""
    assert [group.brief.id for group in theme_groups(BUNDLED, "fmct")] == [
        "a-68-514-oewg", "cd-2105-fmct", "cd-2017-nuclear-disarmament"]
    days = [group.days[0] for group in theme_groups(BUNDLED, "nuclear-disarmament")]
    assert days == sorted(days) and len(days) == 4


def test_two_letters_of_one_document_are_two_groups() -> None:
    groups = theme_groups(BUNDLED, "nuclear-disarmament")
    letters = [group for group in groups if group.document.symbol == "CD/2105"]
    assert [group.brief.id for group in letters] == ["cd-2105-fmct", "cd-2105-nsa"]
    assert letters[0].agenda_item.short.en != letters[1].agenda_item.short.en
    assert letters[0].document.cite("en") != letters[1].document.cite("en")  # "Letter 1", "Letter 2"


@pytest.mark.parametrize("theme_id", [theme.id for theme in BUNDLED.themes()])
def test_a_group_holds_its_briefs_points_of_the_theme_by_section(theme_id: str) -> None:
    groups = theme_groups(BUNDLED, theme_id)
    assert sum(map(len, groups)) == len(BUNDLED.by_theme(theme_id))
    for group in groups:
        keys = [key for key, _ in group.sections]
        assert keys == [key for key in SECTIONS if key in keys] and all(placed for _, placed in group.sections)
        for key, placed in group.sections:
            assert all(p.brief is group.brief and p.point.section == key and theme_id in p.point.themes
                       for p in placed)
            in_document = [p.id for _, p in group.brief.points() if p.section == key and theme_id in p.themes]
            assert [p.point.id for p in placed] == in_document


def test_counts_per_document_for_the_tree() -> None:
    counts = {found.theme.id: found for found in theme_counts(BUNDLED)}
    assert list(counts) == [theme.id for theme in BUNDLED.themes()]
    fmct = counts["fmct"]
    assert [(brief.id, count) for brief, count in fmct.documents] == [
        (group.brief.id, len(group)) for group in theme_groups(BUNDLED, "fmct")]
    assert fmct.total == len(BUNDLED.by_theme("fmct")) and all(count for _, count in fmct.documents)


# The shifts --------------------------------------------------------------------------------------------------


def test_shifts_come_with_their_groups_and_cited_points(corpus: Corpus) -> None:
    found = shifts_of(corpus, "fmct")
    assert [(s.before.brief.id, s.after.brief.id) for s in found] == [
        ("a-68-514-oewg", "cd-2105-fmct"), ("cd-2105-fmct", "cd-2017-nuclear-disarmament")]
    cited = [[placed.ref for placed in sentence.points] for sentence in found[0].sentences]
    assert cited == [[PointRef("a-68-514-oewg", "fissile-material-instrument"),
                      PointRef("a-68-514-oewg", "prohibit-fissile-material"), PointRef("cd-2105-fmct", "ban-production")],
                     [PointRef("a-68-514-oewg", "fissile-moratorium")]]
    assert shifts_of(corpus, "nsa") == []


def test_every_bundled_shift_cites_points_that_exist_and_carry_its_theme() -> None:
    """Over the bundled glossary, with or without curated shifts: `brief check` finds no error, and every point a
    sentence cites resolves to a point of the shift's two briefs that carries the theme."""
    assert BUNDLED.errors == []
    assert BUNDLED.glossary is not None
    for shift in BUNDLED.glossary.shifts:
        resolved = {sentence.text: sentence for found in shifts_of(BUNDLED, shift.theme)
                    for sentence in found.sentences if found.shift is shift}
        for sentence in shift.sentences:
            points = resolved[sentence.text].points
            assert [f"{p.brief.id}/{p.point.id}" for p in points] == list(sentence.points)
            assert all(shift.theme in p.point.themes and p.brief.id in shift.between for p in points)


# The note ----------------------------------------------------------------------------------------------------


def outline(markdown: str) -> list[tuple[str, str]]:
    """(tag, text) of every heading, list item and paragraph, and ("fn", text) of every footnote."""
    tokens = MD.parse(markdown)
    found, depth = [], 0
    for index, token in enumerate(tokens):
        depth += token.type == "footnote_open"
        depth -= token.type == "footnote_close"
        if token.type in ("heading_open", "paragraph_open"):
            tag = token.tag if token.type == "heading_open" else "fn" if depth else (
                "li" if token.level > 0 else "p")
            found.append((tag, "".join(child.content for child in tokens[index + 1].children or ()
                                       if child.type == "text")))
    return found


def test_the_note_parses_into_the_expected_headings(corpus: Corpus) -> None:
    plan = note(corpus)
    parts = outline(render(plan, "en").decode())
    assert [text for tag, text in parts if tag in ("h1", "h2")] == [
        "Theme: Fissile material treaty (FMCT) across documents, 2013–2017", "What changed",
        "2013: A/68/514, Report of the Open-ended Working Group", "2017: CD/2105, Letter 1 (26 June 2017)",
        "2017: CD (2017), Working Group on the Way Ahead, report on nuclear disarmament (letter of 14 September 2017)"]
    assert parts[1] == ("p", "70 points on the theme in 3 documents, the oldest first")
    items = [text for tag, text in parts if tag == "li"]
    assert items[:3] == [  # the shift between the later documents, listed first in the glossary, comes second
        "In 2013 a fissile material instrument was among the measures discussed; in June 2017 delegations affirmed a "
        "ban. (A/68/514, para. 28 (d), 29 (d); CD/2105)",
        "Moratoriums were among the elements put forward in 2013. (A/68/514, para. 27 (b))",
        "In June 2017 delegations generally agreed that negotiations should start; in August several were ready to "
        "negotiate. (CD/2105; 14 September 2017)"]
    notes = [text for tag, text in parts if tag == "fn"]  # the footnote plugin reads them as footnotes
    assert notes == [footnote.en for footnote in plan.footnotes] and notes
    assert [text for tag, text in parts if tag == "p"][-1] == (
        f"Prepared 22 November 2026. Levels of support follow the chair's wording. {len(plan.omitted)} points on "
        "the theme were left out to keep to one page.")
    zh = [text for tag, text in outline(render(plan, "zh").decode()) if tag in ("h1", "h2")]
    assert zh[:3] == ["主题：禁产条约——各文件综述（2013年至2017年）", "主要变化",
                      "2013年：A/68/514，不限成员名额工作组的报告"]


def test_every_document_gets_a_turn_on_the_page(corpus: Corpus) -> None:
    """CD/2105 has 58 points on the fissile material treaty, most of them more widely held than the 2013 report's
    3: still the documents take turns, so each of the three is on the page."""
    plan = note(corpus)
    assert [section.key for section in plan.sections] == [
        SHIFTS, "a-68-514-oewg", "cd-2105-fmct", "cd-2017-nuclear-disarmament"]
    assert plan.fill("en") <= 1 and plan.fill("zh") <= 1
    # Each document offers its key points and those what changed cites first: the 2013 report has no key point on
    # the theme, and its three points are all cited.
    cited = {placed.ref for shift in plan.shifts for sentence in shift.sentences for placed in sentence.points}
    for section in plan.sections[1:]:
        first = section.items[0]
        assert isinstance(first, Entry)
        assert first.point.key or PointRef(section.key, first.point.id) in cited


def test_both_languages_hold_the_same_points_in_the_same_order(corpus: Corpus) -> None:
    plan = note(corpus, budget=PageBudget(lines=30))
    assert plan.omitted
    for lang in ("en", "zh"):
        drawn = render(plan, lang, "txt").decode()
        positions = [drawn.index(entry.point.headline(lang)) for entry in plan.entries()]
        assert positions == sorted(positions)
    shapes = {lang: [tag for tag, _ in outline(render(plan, lang).decode()) if tag in ("h2", "li")]
              for lang in ("en", "zh")}
    assert shapes["en"] == shapes["zh"]
    alone = note(corpus, budget=PageBudget(lines=30), langs=("en",))
    assert len(alone.included) >= len(plan.included)  # fitting Chinese too never adds a point


def test_what_does_not_fit_is_left_out_whole_and_counted(corpus: Corpus) -> None:
    plan = note(corpus, budget=PageBudget(lines=14))
    said = [item for section in plan.sections for item in section.items if isinstance(item, Sentence)]
    assert 0 < len(said) < 3 and plan.used["en"] <= 14 and plan.used["zh"] <= 14
    footer = plan.footer["en"]
    assert f"{3 - len(said)} sentence" in footer and f"{len(plan.omitted)} points on the theme were left" in footer
    full = note(corpus, budget=PageBudget(lines=14), full=True)
    assert full.omitted == () and len(full.included) == 70 and len(full.sections[0].items) == 3
    assert "left out" not in full.footer["en"]


def test_marked_points_only(corpus: Corpus) -> None:
    refs = [PointRef("cd-2017-nuclear-disarmament", "fmct-negotiation"), PointRef("a-68-514-oewg", "fissile-moratorium")]
    plan = note(corpus, refs=refs)
    assert plan.included == (refs[1], refs[0])  # in reading order
    assert [section.key for section in plan.sections] == [SHIFTS, "a-68-514-oewg", "cd-2017-nuclear-disarmament"]


def test_shift_text_prints_literally(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    shutil.copytree(BRIEFS, folder)
    nasty = "*bold* _it_ [link](x) <script>alert(1)</script> # not a heading"
    corpus = load(with_shifts(folder, SHIFTS_YAML.replace("Moratoriums were among", nasty)), SEEDS)
    markdown = render(note(corpus), "en").decode()
    kinds = {t.type for t in MD.parse(markdown) for t in [t, *(t.children or [])]}
    assert not kinds & {"html_block", "html_inline", "link_open"}
    assert markdown.count("## ") == 4  # the text's "#" opened no heading
    assert (nasty + " the elements put forward in 2013. (A/68/514, para. 27 (b))") in [
        text for tag, text in outline(markdown) if tag == "li"]


def test_a_theme_note_in_word_and_plain_text(corpus: Corpus) -> None:
    import docx

    plan = note(corpus)
    content = render(plan, "zh", "docx")
    document = docx.Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings[:2] == ["主题：禁产条约——各文件综述（2013年至2017年）", "主要变化"] and len(headings) == 5
    items = ["".join(run.text for run in p.runs if not run.font.superscript) for p in document.paragraphs
             if p.style is not None and p.style.name == "List Bullet"]  # without the footnotes' numbers
    assert items == [re.sub(r" \[\d+\]", "", line.removeprefix("- "))
                     for line in render(plan, "zh", "txt").decode().splitlines() if line.startswith("- ")]
    text = render(plan, "en", "txt").decode()
    assert "**" not in text and "#" not in text and text.startswith("Theme: Fissile material treaty")


def test_an_unknown_theme_or_one_without_points_is_refused(corpus: Corpus) -> None:
    with pytest.raises(LookupError):
        note(corpus, "no-such-theme")
    assert theme_filename("fmct", "zh") == "theme-fmct.zh.md" and theme_filename("nsa", "en", "docx") == \
        "theme-nsa.en.docx"


# The command line --------------------------------------------------------------------------------------------


def run(*args: str, cwd: Path, columns: int = 80) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT),
                               "COLUMNS": str(columns)})


@pytest.fixture
def shifted(folder: Path) -> Path:
    """A copy of the bundled briefs and seeds with the fixture's shifts, and a theme no point uses."""
    with_shifts(folder)
    glossary = folder / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "themes:\n", 'themes:\n  - {id: unused, name: {en: "Unused", zh: "未用"}}\n', 1), encoding="utf-8")
    return folder


def test_export_a_theme_note(shifted: Path) -> None:
    cwd = shifted.parent
    out = run("export", "--theme", "fmct", "--briefs", "briefs", "--lang", "zh", "--date", "2026-11-22", cwd=cwd)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# 主题：禁产条约——各文件综述（2013年至2017年）\n")
    written = run("export", "--theme", "fmct", "--briefs", "briefs", "--lang", "zh", "--date", "2026-11-22",
                  "-o", "fmct.md", cwd=cwd)
    assert written.returncode == 0 and re.fullmatch(r"已写入 fmct\.md：\d+ 个要点，略去 \d+ 个\n", written.stderr), \
        written.stderr
    assert (cwd / "fmct.md").read_text(encoding="utf-8") == out.stdout
    again = run("export", "--theme", "fmct", "--briefs", "briefs", "-o", "fmct.md", cwd=cwd)
    assert again.returncode == 1 and "already exists" in again.stderr
    word = run("export", "--theme", "nsa", "--briefs", "briefs", "-o", "nsa.docx", "--date", "2026-11-22", cwd=cwd)
    assert word.returncode == 0 and (cwd / "nsa.docx").read_bytes()[:2] == b"PK"
    marked = run("export", "--theme", "fmct", "--briefs", "briefs", "--points",
                 "a-68-514-oewg/fissile-moratorium", "--format", "txt", cwd=cwd)
    assert marked.returncode == 0 and marked.stdout.count("\n- ") == 4  # three sentences and the point


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--theme", "nope"], "brief export: no theme `nope` with points; the themes are: nuclear-disarmament, "),
        (["--theme", "unused"], "brief export: no theme `unused` with points; the themes are: "),
        (["cd-2105-nsa", "--theme", "nsa"], "brief export: give the id of a brief or --theme ID, not both"),
        ([], "brief export: give the id of a brief (`brief list`), or --theme ID for a note on a theme"),
        (["--theme", "fmct", "--points", "fissile-moratorium"],
         "brief export: no point `fissile-moratorium` on the theme `fmct`: give points as BRIEF/POINT, such as "),
    ],
)
def test_export_errors_are_one_line(shifted: Path, args: list[str], expected: str) -> None:
    out = run("export", *args, "--briefs", "briefs", cwd=shifted.parent)
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.startswith(expected) and out.stderr.count("\n") == 1, out.stderr
    if "with points" in expected:
        assert "unused" not in out.stderr.split("themes are:")[1] and "fmct" in out.stderr


def test_a_theme_note_is_refused_while_any_brief_has_errors(shifted: Path) -> None:
    path = shifted / "cd-2105-nsa.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('{quote: "', '{quote: "不在种子中', 1), encoding="utf-8")
    out = run("export", "--theme", "fmct", "--briefs", "briefs", cwd=shifted.parent)
    assert out.returncode == 1 and out.stdout == ""
    *problems, last = out.stderr.splitlines()
    assert problems and all("cd-2105-nsa.yaml:" in line for line in problems)
    assert last.startswith("brief export: the briefs have errors (above), and a note on a theme draws on every brief")


def test_list_themes(shifted: Path) -> None:
    out = run("list", "--themes", "--briefs", "briefs", cwd=shifted.parent, columns=250)
    assert out.returncode == 0, out.stderr
    blocks = {block.split()[0]: block.splitlines() for block in out.stdout.strip().split("\n\n")}
    assert "unused" not in blocks and list(blocks)[0] == "nuclear-disarmament"  # the glossary's order
    counts = {found.theme.id: found for found in theme_counts(BUNDLED)}
    head, per_brief = blocks["fmct"]
    assert head == f"fmct  Fissile material treaty (FMCT) · {counts['fmct'].total} points"
    assert per_brief == "  " + " · ".join(f"{brief.id} {n}" for brief, n in counts["fmct"].documents)
