"""The one-page briefing: structure in both languages, escaping, selection by rule, and safe writing."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from markdown_it import MarkdownIt

from brief.export import default_filename, plan, render
from brief.export.markdown import escape
from brief.export.page import PageBudget
from brief.files import FileError, safe_name, write_atomic
from brief.loader import load
from brief.model import Brief
from brief.sources import SeedLibrary
from tests.conftest import ROOT, SEEDS, mutate

DAY = dt.date(2026, 11, 22)
MD = MarkdownIt("commonmark")


class Drawn(NamedTuple):
    markdown: str
    included: tuple[str, ...]
    omitted: tuple[str, ...]
    lines: float


def compose(brief: Brief, lang: str, **options: Any) -> Drawn:
    """The plan of `brief` drawn as Markdown in `lang`, with what the plan chose."""
    briefing = plan(brief, **options)
    return Drawn(render(briefing, lang).decode("utf-8"), briefing.included, briefing.omitted, briefing.used[lang])


@pytest.fixture
def brief(briefs_dir: Path) -> Brief:
    (found,) = load(briefs_dir).briefs
    return found


def outline(markdown: str) -> list[tuple[str, str]]:
    """(tag, text) of every heading, list item paragraph and top-level paragraph, as a reader sees them."""
    tokens = MD.parse(markdown)
    found = []
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open"):
            tag = token.tag if token.type == "heading_open" else ("li" if token.level > 0 else "p")
            found.append((tag, plain(tokens[index + 1])))
    return found


def plain(inline) -> str:
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


def test_english_structure(brief: Brief) -> None:
    briefing = compose(brief, "en", prepared=DAY)
    parts = outline(briefing.markdown)
    assert [text for tag, text in parts if tag in ("h1", "h2")] == [
        "Briefing: Negative security assurances (agenda item 4)", "Where delegations agree", "Where they divide",
        "Proposals and way forward", "Assessment"]
    meta = parts[1][1]
    assert meta == ("Conference on Disarmament, Working Group on the Way Ahead · 28–30 June 2017 · "
                    "Source: CD/2105, Letter 2 of the co-chairs")
    assert parts[-1] == ("p", "Prepared 22 November 2026 from CD/2105. Levels of support follow the chair's wording.")
    items = [text for tag, text in parts if tag == "li"]
    assert items[1] == ("Are the existing assurances adequate? Many delegations: Unsatisfactory: not legally "
                        "binding, not universal, open to interpretation and conditional — A contrary view: "
                        "Credible and effective.")
    assert not re.search(r"[\u4e00-\u9fff]", briefing.markdown)
    assert items[-1] == ("The co-chairs: A treaty and its verification regime could contribute to future disarmament "
                         "efforts and lay a practical foundation for them.")  # the chair's reading: no level
    assert briefing.included == ("interim-step", "adequacy", "ad-hoc-committee", "building-block")
    assert briefing.omitted == ()


def test_chinese_structure(brief: Brief) -> None:
    parts = outline(compose(brief, "zh", prepared=DAY).markdown)
    assert [text for tag, text in parts if tag in ("h1", "h2")] == [
        "简报：消极安全保证（议程项目4）", "各方共识", "分歧所在", "建议和前进道路", "评估意见"]
    assert "2017年6月28日至30日" in parts[1][1] and "来源：CD/2105，信函 2" in parts[1][1]
    assert parts[-1][1].startswith("2026年11月22日根据 CD/2105 编写。")
    assert "现有保证是否充分？ 许多代表团：不能令人满意；相反的观点：可信和有效。" in [t for _, t in parts]
    assert "总体情况：各代表团视消极安全保证为临时步骤，但对现有保证是否充分存在分歧。" in [t for _, t in parts]
    latin_words = re.findall(r"\b[A-Za-z]{4,}\b", compose(brief, "zh", prepared=DAY).markdown)
    assert latin_words == []  # Chinese throughout (symbols such as CD/2105 aside)


@pytest.mark.parametrize("nasty", ["*bold* _it_ #1 [link](x) <script>alert(1)</script>", "[bold red]x[/] `code` \\",
                                   "1. not a list", "- not a list", "# not a heading", "> not a quote", "a&amp;b"])
def test_content_prints_literally(briefs_dir: Path, nasty: str) -> None:
    mutate(briefs_dir / "mini.yaml", '{en: "Credible and effective.", zh: "可信和有效。"}',
           '{en: "' + nasty.replace("\\", "\\\\") + '", zh: "可信和有效。"}')
    mutate(briefs_dir / "mini.yaml", 'title: {en: "Way forward"', 'title: {en: "' + nasty.replace("\\", "\\\\") + '"')
    (brief,) = load(briefs_dir).briefs
    markdown = compose(brief, "en", prepared=DAY).markdown
    tokens = MD.parse(markdown)
    assert not any(t.type in ("html_block", "html_inline", "link_open", "em_open", "ordered_list_open",
                              "blockquote_open") for t in tokens for t in [t, *(t.children or [])]
                   if t.type != "em_open" or "*(" not in markdown)  # the support tag is the only emphasis
    side = next(text for tag, text in outline(markdown) if tag == "li" and "contrary" in text)
    assert side.endswith(f"A contrary view: {nasty.rstrip('.')}.") or side.endswith(f"A contrary view: {nasty}.")


def test_escape_round_trips_through_commonmark() -> None:
    for text in ["a*b*c", "_x_", "<b>", "[x](y)", "#", "1) x", "+ x", "\\n", "|a|b|", "~~s~~", "![i](x)"]:
        (paragraph,) = [t for t in MD.parse(escape(text)) if t.type == "inline"]
        assert plain(paragraph) == text


def test_page_limit_selects_by_rule(brief: Brief) -> None:
    wide = PageBudget(cells=200, list_cells=200)  # no line breaks in either language: one line a point
    full = compose(brief, "en", prepared=DAY, budget=wide)
    tight = PageBudget(lines=full.lines - 1.0, cells=200, list_cells=200)  # one point must go
    briefing = compose(brief, "en", prepared=DAY, budget=tight)
    # The key points stay; the non-key chair's reading (no level of support) is the first left out.
    assert briefing.included == ("interim-step", "adequacy", "ad-hoc-committee")
    assert briefing.omitted == ("building-block",)
    assert "Assessment" not in briefing.markdown
    assert briefing.markdown.rstrip().endswith("1 point of the brief was left out to keep to one page.*")
    assert briefing.lines <= tight.lines
    assert compose(brief, "en", prepared=DAY, budget=tight, full=True).omitted == ()


def test_views_of_part_of_the_room_are_not_called_agreement(briefs_dir: Path) -> None:
    """A view held by many, some or one delegation is listed under "Other views", after the splits."""
    mutate(briefs_dir / "mini.yaml", "kind: consensus\n        support: general", "kind: view\n        support: some")
    corpus = load(briefs_dir)
    brief = corpus.brief("mini-nsa")
    assert brief is not None and not corpus.errors
    headings = [text for tag, text in outline(compose(brief, "en", prepared=DAY).markdown) if tag == "h2"]
    assert headings == ["Where they divide", "Other views", "Proposals and way forward", "Assessment"]


def test_hand_picked_points_and_notes(brief: Brief) -> None:
    briefing = compose(brief, "zh", prepared=DAY, point_ids=["ad-hoc-committee"],
                       notes={"zh": "我方支持尽快设立特设委员会。\n\n*不要* 加粗"})
    assert briefing.included == ("ad-hoc-committee",)
    parts = outline(briefing.markdown)
    assert ("h2", "我方立场") in parts and ("p", "*不要* 加粗") in parts
    assert "各方共识" not in briefing.markdown


def test_paragraph_numbers_with_seeds(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("source: cd-2105.zh.txt", "source: a-68-514.zh.txt").replace(
        "各代表团表示支持裁军谈判会议设立一个特设委员会", "继续或宣布不首先使用核武器")
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "mini.yaml").write_text(text, encoding="utf-8")
    (brief,) = load(tmp_path / "briefs", SEEDS).briefs
    markdown = compose(brief, "en", prepared=DAY, seeds=SeedLibrary(SEEDS)).markdown
    assert "*(all)* (para. 27 (e))" in markdown
    assert "（第 27 (e) 段）" in compose(brief, "zh", prepared=DAY, seeds=SeedLibrary(SEEDS)).markdown


def test_same_input_same_output(brief: Brief) -> None:
    assert compose(brief, "zh", prepared=DAY).markdown == compose(brief, "zh", prepared=DAY).markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [("消极安全保证", "消极安全保证"), ("Negative security assurances", "Negative-security-assurances"),
     ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"), ("...", "fallback"), ("CON", "fallback"),
     ("核" * 100, "核" * 40)],
)
def test_safe_names(text: str, expected: str) -> None:
    assert safe_name(text, "fallback") == expected


def test_default_filename_keeps_chinese(brief: Brief) -> None:
    assert default_filename(brief, "zh") == "mini-nsa-消极安全保证.zh.md"
    assert default_filename(brief, "en") == "mini-nsa-Negative-security-assurances.en.md"


def test_write_never_replaces_without_force(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    write_atomic(target, "first")
    with pytest.raises(FileError) as raised:
        write_atomic(target, "second")
    assert raised.value.message("en") == f"{target} already exists: choose another name, or pass --force to replace it"
    assert target.read_text() == "first"
    write_atomic(target, "second", force=True)
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary file left behind


def test_write_to_a_folder_or_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="is a folder"):
        write_atomic(tmp_path, "x")
    with pytest.raises(FileError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "brief.md", "x")


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(FileError) as raised:
        write_atomic(target, "new" * 1000, force=True)
    assert "the disk is full" in raised.value.message("en") and "unchanged" in raised.value.message("en")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)})


def test_export_command(briefs_dir: Path) -> None:
    folder = briefs_dir.parent
    out = run("export", "mini-nsa", "--briefs", "briefs", "--lang", "zh", "--date", "2026-11-22", cwd=folder)
    assert out.returncode == 0 and out.stdout.startswith("# 简报：消极安全保证")
    written = run("export", "mini-nsa", "--briefs", "briefs", "-o", "out.md", "--date", "2026-11-22", cwd=folder)
    assert written.returncode == 0 and written.stderr == "Wrote out.md: 4 points, 0 left out\n"
    assert (folder / "out.md").read_text(encoding="utf-8") == run(
        "export", "mini-nsa", "--briefs", "briefs", "--date", "2026-11-22", cwd=folder).stdout
    again = run("export", "mini-nsa", "--briefs", "briefs", "-o", "out.md", cwd=folder)
    assert again.returncode == 1
    assert again.stderr == "brief export: out.md already exists: choose another name, or pass --force to replace it\n"
    unknown = run("export", "nope", "--briefs", "briefs", cwd=folder)
    assert unknown.returncode == 1 and unknown.stderr == ("brief export: no brief with id `nope`; the briefs are: "
                                                          "mini-nsa\n")
    points = run("export", "mini-nsa", "--briefs", "briefs", "--points", "adequacy,nope", cwd=folder)
    assert points.returncode == 1 and "no point with id `nope`" in points.stderr


def test_source_date_epoch_makes_it_reproducible(briefs_dir: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000",
           **{name: os.environ[name] for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")}}
    out = subprocess.run([sys.executable, "-m", "brief", "export", "mini-nsa", "--briefs", str(briefs_dir)],
                         capture_output=True, text=True, env=env)
    assert "Prepared 14 November 2023" in out.stdout


def test_export_never_imports_textual_or_rich(briefs_dir: Path) -> None:
    probe = ("import sys\nfrom brief.cli import main\nmain(['export', 'mini-nsa', '--briefs', sys.argv[1]])\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))")
    result = subprocess.run([sys.executable, "-c", probe, str(briefs_dir)], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_word_export_is_the_same_briefing_on_an_a4_page(brief: Brief, tmp_path: Path) -> None:
    """The .docx holds the plan's sections and points in order, in the language asked, on A4 with 2 cm margins,
    and is byte for byte the same when made again (its dates are the briefing's own)."""
    import io
    import zipfile

    import docx

    briefing = plan(brief, prepared=DAY)
    content = render(briefing, "zh", "docx")
    assert content == render(plan(brief, prepared=DAY), "zh", "docx")
    # Byte equality alone passes whenever both files are made within one zip time step (2 s): every part must
    # carry the document's date, not the clock's.
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert {part.date_time for part in package.infolist()} == {brief.document.date.timetuple()[:6]}
    document = docx.Document(io.BytesIO(content))
    section = document.sections[0]
    size = (section.page_width, section.page_height, section.left_margin, section.top_margin)
    assert [round(length.cm, 1) for length in size if length is not None] == [21.0, 29.7, 2.0, 2.0]
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings == ["简报：消极安全保证（议程项目4）", "各方共识", "分歧所在", "建议和前进道路", "评估意见"]
    items = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert items == [line.removeprefix("- ") for line in render(briefing, "zh", "txt").decode().splitlines()
                     if line.startswith("- ")]


def test_plain_text_export_has_no_markup(brief: Brief) -> None:
    text = render(plan(brief, prepared=DAY), "en", "txt").decode()
    assert "**" not in text and "#" not in text and "\\" not in text
    assert text.splitlines()[0] == "Briefing: Negative security assurances (agenda item 4)"
    assert "- Are the existing assurances adequate? Many delegations: Unsatisfactory" in text


def test_both_languages_carry_the_same_points_in_the_same_order(brief: Brief) -> None:
    """What the page holds is decided once for every language: the Chinese and the English note of one brief
    list the same points in the same sections, whatever the page limit leaves out."""
    tight = PageBudget(lines=20)
    briefing = plan(brief, prepared=DAY, budget=tight)
    outlines = {lang: [(tag, text) for tag, text in outline(render(briefing, lang).decode()) if tag in ("h2", "li")]
                for lang in ("en", "zh")}
    shape = {lang: [tag for tag, _ in found] for lang, found in outlines.items()}
    assert shape["en"] == shape["zh"] and briefing.omitted


def test_footnotes_are_numbered_in_reading_order() -> None:
    """A note's footnotes count up as the page is read, across sections: the Word and plain-text notes print the
    numbers as they are (a split in the second section whose point comes first in the document still reads
    after the agreement above it)."""
    corpus = load(ROOT / "briefs", SEEDS)
    for brief in corpus.briefs:
        briefing = plan(brief, prepared=DAY, full=True)
        first_seen = list(dict.fromkeys(number for entry in briefing.entries() for number in entry.footnotes))
        assert first_seen == list(range(1, len(briefing.footnotes) + 1)), brief.id
    oewg = corpus.brief("a-68-514-oewg")
    assert oewg is not None and len(plan(oewg, prepared=DAY, full=True).footnotes) >= 5
