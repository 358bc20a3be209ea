"""Bad input, faults and safety: nothing crashes, nothing is lost, nothing is executed.

Every case damages a copy of the fixture brief (`mini.yaml`) beside a good one (`good.yaml`, the same brief under
another id) and runs the real command line, `brief check` and `brief export`, in subprocesses. Each asserts the
message with its `file:line:col`, the exit status, that no traceback is printed, that the good brief still loads,
and that every file of the briefs, seeds and output folders is byte for byte what it was. Faults that cannot be
made on purpose in a subprocess (a full disk under a file, an interrupted write) are simulated in-process
through `brief.cli.main`; tests/test_cli_faults.py has the others (permissions, standard output, signals). The app is started on a folder of good and bad files at once.
"""

from __future__ import annotations

import concurrent.futures
import errno
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from brief.cli import main
from brief.i18n import describe
from brief.loader import load
from tests.conftest import FIXTURES, ROOT, copy_glossary

TIMEOUT = 20  # seconds for one command, however hostile its input
EXPORT = ["--briefs", "briefs", "-o", "out/brief.md", "--date", "2026-11-22"]
SYNTAX_HINT = "; check the indentation and quoting on this line and the one before"
TAG_HINT = "is not allowed in a brief: remove it (only plain YAML values are read, and nothing is ever executed)"


# The folder under test ---------------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, str]:
    """The SHA-256 of every file under `root`, by relative path (a FIFO is listed, not read)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif not path.is_dir():
            found[str(path.relative_to(root))] = "special"
    return found


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`brief ARGS`, with the test's own config, data and cache folders (`brief export` reads the saved notes)."""
    user_dirs = {name: os.environ[name] for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=TIMEOUT, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT),
                                                "COLUMNS": "200", **user_dirs})


def run_together(cwd: Path, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run read-only commands at once (each is a fresh interpreter, so this halves the wall time)."""
    with concurrent.futures.ThreadPoolExecutor(len(commands)) as pool:
        return list(pool.map(lambda args: run(*args, cwd=cwd), commands))


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    """Replace one exact occurrence of `old` in `briefs/name`."""

    def apply(briefs: Path) -> None:
        text = (briefs / name).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        (briefs / name).write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def replace_file(content: str | bytes, name: str = "mini.yaml") -> Callable[[Path], None]:
    def apply(briefs: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (briefs / name).write_bytes(data)

    return apply


def replace_by_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def make_fifo(path: Path) -> None:
    """Replace `path` by a named pipe: reading it would block for ever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    path.unlink()
    os.mkfifo(path)


def line_in(path: Path, needle: str) -> int:
    """The 1-based number of the first line of `path` holding `needle` (the file need not be UTF-8)."""
    for number, line in enumerate(path.read_bytes().decode("utf-8", "replace").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# The cases ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """One line of `brief check`: `briefs/<file>:<line>:<col>: error: <message>`, the message in full. `line` is
    a number or the text of the line; `col` None accepts any column; `line` None is a problem of the whole file
    (no position)."""

    message: str
    line: int | str | None = None
    col: int | None = None
    file: str = "mini.yaml"

    def matches(self, output: str, briefs: Path) -> bool:
        if self.line is None:
            head = f"{briefs.name}/{self.file}: error: "
        else:
            line = self.line if isinstance(self.line, int) else line_in(briefs / self.file, self.line)
            head = f"{briefs.name}/{self.file}:{line}:" + (f"{self.col}:" if self.col else "")
        for found in output.splitlines():
            if found.startswith(head):
                text = found.split(": error: ", 1)[-1] if ": error: " in found else ""
                if text == self.message:
                    return True
        return False


@dataclass(frozen=True)
class Case:
    id: str
    damage: Callable[[Path], object]  # its result is ignored
    expected: tuple[Expected, ...]
    briefs: int = 1  # briefs that still load: good.yaml always, mini.yaml when only cross-checks fail
    slow: bool = False  # a hostile size: also time the loader in-process


BILLION_LAUGHS = "schema: 1\na: &a [" + ", ".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi"))  # 9^9 lols
MARKER = "executed-marker"
QUOTE_TWICE = "我很荣幸作为主席之友被邀请共同主持这些会议。"

CASES = [
    Case("yaml-syntax-error", edit("mini.yaml", "id: mini-nsa", "id: [mini-nsa"), (
        Expected("YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'" + SYNTAX_HINT,
                 line="document:", col=9),)),
    Case("yaml-unclosed-quote", edit("mini.yaml", 'co-chairs", zh: "信函 2"}', 'co-chairs, zh: "信函 2"}'), (
        Expected("YAML syntax error: while parsing a flow mapping did not find expected ',' or '}'" + SYNTAX_HINT,
                 line="part:", col=47),)),
    Case("tab-indentation", edit("mini.yaml", "  symbol: CD/2105", "\tsymbol: CD/2105"), (
        Expected("a tab character is used for indentation: indent with spaces only", line="symbol:", col=1),)),
    Case("tab-indentation-deep", edit("mini.yaml", "        kind: consensus", "\t\tkind: consensus"), (
        Expected("a tab character is used for indentation: indent with spaces only", line="kind: consensus",
                 col=1),)),
    Case("unknown-key-close", edit("mini.yaml", "  symbol: CD/2105", "  symbl: CD/2105"), (
        Expected("unknown key `symbl`: did you mean `symbol`?", line="symbl:", col=3),)),
    Case("unknown-key-far", edit("mini.yaml", "  symbol: CD/2105", "  symbol: CD/2105\n  colour: blue"), (
        Expected("unknown key `colour`: remove it, or use one of symbol, title, part, date, source, citation, url",
                 line="colour:", col=3),)),
    Case("duplicate-key", edit("mini.yaml", "schema: 1\n", "schema: 1\nschema: 1\n"), (
        Expected("duplicate key `schema`: keep only one", line=3, col=1),)),
    Case("wrong-type-list", edit("mini.yaml", "meetings: [2017-06-28, 2017-06-29, 2017-06-30]", "meetings: 42"), (
        Expected("`meetings` must be a list (write `[a, b]` or one `- item` per line)", line="meetings:", col=11),)),
    Case("wrong-type-text", edit("mini.yaml", 'number: "4"', "number: 4"), (
        Expected("`agenda_item.number` must be text, not `4`: put the value in double quotes", line="number:",
                 col=11),)),
    Case("wrong-type-mapping", edit("mini.yaml", 'forum: {en: "Conference on Disarmament, Working Group on the Way '
                                    'Ahead", zh: "裁军谈判会议“前进道路”工作组"}', "forum: [CD]"), (
        Expected("`forum` must be a mapping of keys to values, not a list", line="forum:", col=8),)),
    Case("document-not-a-mapping", replace_file("- schema\n- 1\n"), (
        Expected("the file must hold a mapping of keys to values (`schema: 1`, `id: …`), not a list: see "
                 "briefs/README.md for the format", line=1, col=1),)),
    Case("missing-zh", edit("mini.yaml", 'short: {en: "Negative security assurances", zh: "消极安全保证"}',
                            'short: {en: "Negative security assurances"}'), (
        Expected("missing `zh`: add the Chinese text", line="short:", col=10),)),
    Case("missing-en", edit("mini.yaml", 'holders: {en: "Many delegations", zh: "许多代表团"}',
                            'holders: {zh: "许多代表团"}'), (
        Expected("missing `en`: add the English text", line="holders: {zh", col=22),)),
    Case("empty-string", edit("mini.yaml", 'title: {en: "Way forward"', 'title: {en: ""'), (
        Expected("`topics[1].title.en` must be non-empty text, not an empty string", line='title: {en: ""',
                 col=17),)),
    Case("blank-string", edit("mini.yaml", 'zh: "可信和有效。"', 'zh: "   "'), (
        Expected("`topics[0].points[1].positions[1].text.zh` must be non-empty text, not an empty string",
                 line='zh: "   "', col=55),)),
    Case("duplicate-point-id", edit("mini.yaml", "id: ad-hoc-committee", "id: interim-step"), (
        Expected("duplicate point id `interim-step`: point ids must be unique within a brief", line=45, col=13),),
         briefs=2),
    Case("duplicate-topic-id", edit("mini.yaml", "id: way-forward", "id: existing-assurances"), (
        Expected("duplicate topic id `existing-assurances`: topic ids must be unique within a brief",
                 line=42, col=9),), briefs=2),
    Case("duplicate-brief-id-across-files", lambda briefs: shutil.copy(briefs / "mini.yaml", briefs / "another.yaml"),
         (Expected("duplicate brief id `mini-nsa`, already used by briefs/another.yaml: give this brief another id",
                   line="id: mini-nsa", col=5),), briefs=2),
    Case("quote-not-in-seed", edit("mini.yaml", "许多代表团认为，现有的保证不能令人满意", "许多代表团认为，现有保证令人满意"), (
        Expected("quote not found in seed `cd-2105.zh.txt`: copy it verbatim from the seed (whitespace does not "
                 "matter, every other character does)", line="现有保证令人满意", col=29),), briefs=2),
    Case("quote-found-twice", edit("mini.yaml", "各代表团表示支持裁军谈判会议设立一个特设委员会", QUOTE_TWICE), (
        Expected("quote occurs 2 times in seed `cd-2105.zh.txt`: quote more of the sentence so that it points to "
                 "one place", line="source: {quote: \"" + QUOTE_TWICE, col=25),), briefs=2),
    Case("unknown-seed", edit("mini.yaml", "source: cd-2105.zh.txt", "source: cd-9999.zh.txt"), (
        Expected("seed `cd-9999.zh.txt` not found in seeds: use the name of a file in the seeds directory",
                 line="cd-9999", col=11),), briefs=2),
    Case("source-escapes-seeds", edit("mini.yaml", "source: cd-2105.zh.txt", "source: ../../etc/passwd"), (
        Expected("`document.source` must be a file name in the seeds directory, such as `cd-2105.zh.txt`, without "
                 "folders, not `../../etc/passwd`", line="etc/passwd", col=11),)),
    Case("python-object-apply", edit("mini.yaml", "schema: 1",
                                     f'schema: !!python/object/apply:os.system ["touch {MARKER}"]'), (
        Expected(f"the tag `!!python/object/apply:os.system` {TAG_HINT}", line="schema:", col=9),)),
    Case("python-object-whole-file", replace_file(f'!!python/object/new:os.system ["touch {MARKER}"]\n'), (
        Expected(f"the tag `!!python/object/new:os.system` {TAG_HINT}", line=1, col=1),)),
    Case("python-name-as-key", edit("mini.yaml", "schema: 1\n", "schema: 1\n? !!python/name:os.system\n: 1\n"), (
        Expected(f"the tag `!!python/name:os.system` {TAG_HINT}", line=3, col=3),)),
    Case("custom-tag", edit("mini.yaml", "source: cd-2105.zh.txt", "source: !include /etc/passwd"), (
        Expected(f"the tag `!include` {TAG_HINT}", line="!include", col=11),)),
    Case("binary-tag", edit("mini.yaml", 'number: "4"', "number: !!binary NA=="), (
        Expected(f"the tag `!!binary` {TAG_HINT}", line="!!binary", col=11),)),
    Case("merge-key", edit("mini.yaml", "document:\n", "document:\n  <<: {symbol: CD/1}\n"), (
        Expected("merge keys (`<<`) are not supported: write the keys out", line="<<:", col=3),)),
    Case("alias-bomb", replace_file(BILLION_LAUGHS), (
        Expected("anchors and aliases (&name, *name) are not supported: write the value out", line=3, col=8),),
         slow=True),
    Case("alias-reused-value", edit("mini.yaml", 'short: {en: "Negative security assurances", zh: "消极安全保证"}',
                                    "short: *title"), (
        Expected("anchors and aliases (&name, *name) are not supported: write the value out", line="*title",
                 col=10),)),
    Case("nesting-bomb", replace_file("schema: " + "[" * 200_000 + "]" * 200_000 + "\n"), (
        Expected("values are nested more than 50 levels deep here, far more than a brief needs: check the brackets "
                 "and indentation", line=1, col=58),), slow=True),
    Case("too-many-values", replace_file("schema: [" + "1, " * 300_000 + "1]\n"), (
        Expected("the file holds more than 100,000 values, far more than a brief needs: split it into one file per "
                 "agenda item", line=1, col=None),), slow=True),
    Case("huge-number", edit("mini.yaml", "schema: 1\n", "schema: 1" + "0" * 5000 + "\n"), (
        Expected("`1000000000000000000000000000000000000000…` cannot be read as a number: write a plain number, or "
                 "put the value in double quotes if it is text", line=2, col=9),)),
    Case("base-60-bomb", edit("mini.yaml", "schema: 1\n", "schema: 1" + ":59" * 200_000 + "\n"), (
        Expected("`1:59:59:59:59:59:59:59:59:59:59:59:59:59…` cannot be read as a number: write a plain number, or "
                 "put the value in double quotes if it is text", line=2, col=9),), slow=True),
    Case("malformed-number", edit("mini.yaml", "schema: 1\n", "schema: 0x_\n"), (
        Expected("`0x_` cannot be read as a number: write a plain number, or put the value in double quotes if it "
                 "is text", line=2, col=9),)),
    Case("non-utf8", lambda briefs: (briefs / "mini.yaml").write_bytes(
        (briefs / "mini.yaml").read_bytes().replace("信函 2".encode(), b"\xd0\xc5\xba\xaf 2")), (  # GBK
        Expected("the file is not UTF-8 (byte 0xd0 cannot be decoded): save it as UTF-8", line="part:", col=48),)),
    Case("non-utf8-after-chinese", replace_file("schema: 1\nid: 核核".encode() + b"\xff\n"), (  # column in characters
        Expected("the file is not UTF-8 (byte 0xff cannot be decoded): save it as UTF-8", line=2, col=7),)),
    Case("utf16", lambda briefs: (briefs / "mini.yaml").write_bytes(
        (briefs / "mini.yaml").read_text(encoding="utf-8").encode("utf-16")), (
        Expected("the file is not UTF-8 (byte 0xff cannot be decoded): save it as UTF-8", line=1, col=1),)),
    Case("control-character", edit("mini.yaml", 'zh: "信函 2"', 'zh: "信函\x07 2"'), (
        Expected("the character U+0007 is not allowed in YAML: delete it (most editors do not show it)",
                 line="part:", col=50),)),
    Case("nul-byte", edit("mini.yaml", "id: mini-nsa", "id: mini-nsa\x00"), (
        Expected("the character U+0000 is not allowed in YAML: delete it (most editors do not show it)", line=3,
                 col=13),)),
    Case("empty-file", replace_file(""), (
        Expected("the file is empty: write a brief in it (see briefs/README.md) or delete it"),)),
    Case("whitespace-only-file", replace_file("\n  \n\t\n"), (
        Expected("the file is empty: write a brief in it (see briefs/README.md) or delete it"),)),
    Case("comments-only-file", replace_file("# a brief will go here\n"), (
        Expected("the file holds no YAML document: write a brief in it or delete it", line=1, col=1),)),
    Case("two-documents", edit("mini.yaml", "schema: 1\n", "schema: 1\n---\nschema: 1\n"), (
        Expected("YAML syntax error: expected a single document in the stream but found another document"
                 + SYNTAX_HINT, line=3, col=1),)),
    Case("ten-megabytes", lambda briefs: (briefs / "mini.yaml").write_bytes(
        (FIXTURES / "mini.yaml").read_bytes() + b"# padding\n" * 1_000_000), (
        Expected("file is 10.0 MB, over the 2 MB limit for a brief: split it into one file per agenda item"),),
         slow=True),
    Case("fifo", lambda briefs: make_fifo(briefs / "mini.yaml"), (
        Expected("not a regular file: a brief must be a YAML text file"),)),
    Case("folder-named-like-a-brief", lambda briefs: replace_by_folder(briefs / "mini.yaml"), (
        Expected("not a regular file: a brief must be a YAML text file"),)),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(root: Path, case: Case) -> None:
    briefs = root / "briefs"
    case.damage(briefs)
    before = snapshot(root)
    started = time.monotonic()
    check, export = run_together(root, ["check", "--briefs", "briefs"], ["export", "mini-nsa", *EXPORT])
    elapsed = time.monotonic() - started

    assert check.returncode == 1, check.stdout + check.stderr
    for expected in case.expected:
        assert expected.matches(check.stdout, briefs), f"{expected} not in:\n{check.stdout}"
    summary = check.stdout.splitlines()[-1]
    assert summary.startswith(f"{case.briefs} brief"), summary  # the good brief still loads
    assert check.stderr == ""

    assert export.returncode == 1, export.stdout + export.stderr
    for expected in case.expected:  # export names the same problems, on standard error
        assert expected.matches(export.stderr, briefs), f"{expected} not in:\n{export.stderr}"
    last = export.stderr.splitlines()[-1]
    assert last.startswith("brief export: ") and "then export again" in last, last
    assert export.stdout == ""

    for result in (check, export):
        assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(root) == before  # nothing written, nothing lost
    assert not (root / MARKER).exists() and not (briefs / MARKER).exists()  # nothing executed
    assert elapsed < TIMEOUT
    if case.slow:
        started = time.monotonic()
        corpus = load(briefs)
        assert time.monotonic() - started < 3
        assert [b.id for b in corpus.briefs] == ["good-nsa"]


def test_tags_that_would_run_a_command_are_never_executed(root: Path) -> None:
    """The YAML tags that would run a command under an unsafe loader, each in its own file."""
    marker = root / MARKER
    for index, tag in enumerate(["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/object/apply:subprocess.call"]):
        (root / "briefs" / f"evil-{index}.yaml").write_text(f'{tag} ["touch {marker}"]\n', encoding="utf-8")
    corpus = load(root / "briefs")
    assert [b.id for b in corpus.briefs] == ["good-nsa", "mini-nsa"]
    assert len(corpus.problems) == 3 and all(TAG_HINT in describe(p, "en") for p in corpus.problems)
    assert not marker.exists()


def test_messages_in_chinese(root: Path) -> None:
    replace_file("- a\n")(root / "briefs")
    check, export = run_together(root, ["check", "--briefs", "briefs", "--lang", "zh"],
                                 ["export", "mini-nsa", *EXPORT, "--lang", "zh"])
    problem = "briefs/mini.yaml:1:1: 错误: 文件内容必须是键值映射（`schema: 1`、`id: …`），而不是列表：格式见 briefs/README.md"
    assert (check.returncode, check.stdout) == (1, f"{problem}\n1 份简报，4 个要点，1 个错误，0 个警告\n")
    assert (export.returncode, export.stderr) == (1, f"{problem}\nbrief export：在可以加载的简报（good-nsa）中没有编号为 "
                                                     "`mini-nsa` 的简报；有错误的文件（见上）未被加载：请先修正，再重新导出\n")


# Input that is not an error ----------------------------------------------------------------------------------


def test_utf8_bom_is_accepted(root: Path) -> None:
    mini = root / "briefs" / "mini.yaml"
    mini.write_bytes(b"\xef\xbb\xbf" + mini.read_bytes())
    check, export = run_together(root, ["check", "--briefs", "briefs"], ["export", "mini-nsa", *EXPORT])
    assert (check.returncode, check.stdout, check.stderr) == (0, "2 briefs, 8 points, 0 errors, 0 warnings\n", "")
    assert export.returncode == 0 and export.stderr == "Wrote out/brief.md: 4 points, 0 left out\n"
    assert (root / "out" / "brief.md").read_text(encoding="utf-8").startswith(
        "# Briefing: Negative security assurances (agenda item 4)\n")


def test_bom_keeps_positions(root: Path) -> None:
    mini = root / "briefs" / "mini.yaml"
    edit("mini.yaml", "  symbol: CD/2105", "  symbl: CD/2105")(root / "briefs")
    mini.write_bytes(b"\xef\xbb\xbf" + mini.read_bytes())
    result = run("check", "--briefs", "briefs", cwd=root)
    assert result.returncode == 1
    assert "briefs/mini.yaml:5:3: error: unknown key `symbl`: did you mean `symbol`?" in result.stdout.splitlines()


MARKUP = "[bold red]NSA[/] [@click=app.quit]x[/] [link=https://example.org]y[/link]"


def test_markup_in_content_is_shown_literally(root: Path) -> None:
    edit("mini.yaml", 'short: {en: "Negative security assurances"', f'short: {{en: "{MARKUP}"')(root / "briefs")
    before = snapshot(root / "briefs")
    check, listing, export = run_together(root, ["check", "--briefs", "briefs"], ["list", "--briefs", "briefs"],
                                          ["export", "mini-nsa", *EXPORT])
    assert (check.returncode, check.stdout) == (0, "2 briefs, 8 points, 0 errors, 0 warnings\n")
    assert listing.returncode == 0 and MARKUP in listing.stdout.replace("\n", "")
    assert export.returncode == 0
    markdown = (root / "out" / "brief.md").read_text(encoding="utf-8")
    assert markdown.splitlines()[0] == ("# Briefing: \\[bold red\\]NSA\\[/\\] \\[@click=app.quit\\]x\\[/\\] "
                                        "\\[link=https://example.org\\]y\\[/link\\] (agenda item 4)")
    heading = MarkdownIt("commonmark").parse(markdown)[1]
    assert heading.content.replace("\\", "") == f"Briefing: {MARKUP} (agenda item 4)"
    assert snapshot(root / "briefs") == before


SCRIPT = "<script>alert(1)</script> *bold* _it_ [link](javascript:x) `code` # not a heading | a | table |"


def test_html_and_markdown_in_content_are_escaped_in_the_export(root: Path) -> None:
    edit("mini.yaml", '{en: "Credible and effective."', '{en: "' + SCRIPT + '"')(root / "briefs")
    edit("mini.yaml", "summary: {en: \"Delegations see", "summary: {en: \"# Heading? " + SCRIPT + " Delegations see")(
        root / "briefs")
    result = run("export", "mini-nsa", *EXPORT, cwd=root)
    assert result.returncode == 0, result.stderr
    markdown = (root / "out" / "brief.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown and "\\<script\\>alert(1)\\</script\\>" in markdown
    tokens = MarkdownIt("commonmark").parse(markdown)
    kinds = {token.type for token in tokens} | {child.type for token in tokens for child in token.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "code_inline", "ordered_list_open"}
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert len(headings) == 5  # the title and four sections: no heading came from content
    emphasised = [(token.children or [])[i + 1].content for token in tokens for i, child in enumerate(token.children or [])
                  if child.type == "em_open"]
    # Support tags, the chair's reading's holders, the footer: no emphasis came from content.
    assert emphasised and all(text.startswith(("(", "The co-chairs:", "Prepared")) for text in emphasised)
    assert SCRIPT in "".join(
        child.content for token in tokens for child in token.children or [] if child.type == "text")


# Folders -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("make", "expected"), [
    (lambda root: None,
     ["nowhere: error: the briefs directory does not exist: pass --briefs DIR with a folder of brief files"]),
    (lambda root: (root / "nowhere").mkdir(),
     ["nowhere/glossary.yaml: warning: no glossary.yaml: themes cannot be checked; add one (see briefs/README.md)",
      "nowhere: error: no briefs (*.yaml) in this directory: add one (see briefs/README.md) or pass --briefs DIR"]),
    (lambda root: ((root / "nowhere").mkdir(), copy_glossary(root / "nowhere")),
     ["nowhere: error: no briefs (*.yaml) in this directory: add one (see briefs/README.md) or pass --briefs DIR"]),
], ids=["missing", "empty", "only-a-glossary"])
def test_briefs_folder_missing_or_empty(root: Path, make: Callable[[Path], None], expected: list[str]) -> None:
    make(root)
    before = snapshot(root)
    check, export = run_together(root, ["check", "--briefs", "nowhere"],
                                 ["export", "mini-nsa", "--briefs", "nowhere", "-o", "out/brief.md"])
    assert check.returncode == 1 and check.stdout.splitlines()[:-1] == expected
    assert check.stdout.splitlines()[-1] == "0 briefs, 0 points, 1 error, " + (
        "1 warning" if any("warning" in line for line in expected) else "0 warnings")
    assert export.returncode == 1
    assert export.stderr.splitlines() == [line for line in expected if ": error: " in line] + [
        "brief export: no brief with id `mini-nsa` among those that load (none); files with errors (above) are left "
        "out: fix them, then export again"]
    assert "Traceback" not in check.stderr + export.stderr
    assert snapshot(root) == before


# Export targets ----------------------------------------------------------------------------------------------


def test_export_never_replaces_an_existing_file_without_force(root: Path) -> None:
    (root / "out" / "brief.md").write_text("the ambassador's copy\n", encoding="utf-8")
    before = snapshot(root)
    result = run("export", "mini-nsa", *EXPORT, cwd=root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("brief export: out/brief.md already exists: choose another name, or pass --force to "
                             "replace it\n")
    assert snapshot(root) == before
    forced = run("export", "mini-nsa", *EXPORT, "--force", cwd=root)
    assert forced.returncode == 0 and (root / "out" / "brief.md").read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in (root / "out").iterdir()) == ["brief.md", "old.md"]


@pytest.mark.parametrize(("target", "message"), [
    ("out", "out is a folder: give a file name, such as out/brief.md"),
    ("out/", "out is a folder: give a file name, such as out/brief.md"),
    ("nowhere/brief.md", "the folder nowhere does not exist: create it or choose another"),
    ("out/old.md/brief.md", "the folder out/old.md does not exist: create it or choose another"),
])
def test_export_to_a_folder_or_a_missing_folder(root: Path, target: str, message: str) -> None:
    before = snapshot(root)
    result = run("export", "mini-nsa", "--briefs", "briefs", "-o", target, cwd=root)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"brief export: {message}\n")
    assert snapshot(root) == before


@pytest.mark.parametrize("force", [True, False], ids=["replacing", "new-file"])
def test_disk_full_keeps_the_old_file(root: Path, force: bool, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = "out/old.md" if force else "out/brief.md"
    monkeypatch.chdir(root)
    before = snapshot(root)

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    status = main(["export", "mini-nsa", "--briefs", "briefs", "-o", target, "--lang", "en",
                   *(["--force"] if force else [])])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == (f"brief export: could not write {target} (the disk is full); any existing file "
                            "is unchanged\n")
    assert snapshot(root) == before  # the old file as it was, and no temporary file left behind


def test_interrupted_write_keeps_the_old_file(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    before = snapshot(root)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # ctrl-c between writing the temporary file and renaming it

    monkeypatch.setattr(os, "fsync", interrupted)
    status = main(["export", "mini-nsa", "--briefs", "briefs", "-o", "out/old.md", "--force", "--lang", "en"])
    assert status == 130  # the shell's status for ctrl-c
    assert snapshot(root) == before


# The app -----------------------------------------------------------------------------------------------------


BAD_FILES: dict[str, tuple[str | bytes, int]] = {
    "a-syntax.yaml": ("schema: 1\nid: [unclosed\n", 3),
    "b-tab.yaml": ("schema: 1\nid: x\ndocument:\n\tsymbol: CD/1\n", 4),
    "c-unknown-key.yaml": ("schema: 1\nid: c\nsymbl: x\n", 3),
    "d-python.yaml": (f'!!python/object/apply:os.system ["touch {MARKER}"]\n', 1),
    "e-bomb.yaml": (BILLION_LAUGHS, 3),
    "f-deep.yaml": ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", 1),
    "g-latin1.yaml": ("schema: 1\nid: caf\xe9\n".encode("latin-1"), 2),
    "h-control.yaml": ("schema: 1\nid: \x07\n", 2),
    "i-huge-number.yaml": ("schema: 1" + "0" * 5000 + "\n", 1),
    "j-empty.yaml": ("", 0),
    "k-too-large.yaml": (b"#" * 3_000_000, 0),
}


async def test_app_keeps_running_with_the_good_briefs_and_lists_the_bad_ones(root: Path) -> None:
    from brief.tui.app import BriefApp
    from brief.tui.widgets.navigator import Navigator

    briefs = root / "briefs"
    (briefs / "good.yaml").unlink()
    edit("mini.yaml", 'short: {en: "Negative security assurances"', f'short: {{en: "{MARKUP}"')(briefs)
    for name, (content, _) in BAD_FILES.items():
        (briefs / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    before = snapshot(root)
    app = BriefApp(briefs_dir=briefs, lang="en", watch_interval=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.is_running
        assert [b.id for b in app.corpus.briefs] == ["mini-nsa"]
        first_line: dict[str, int] = {}  # of each file's first problem
        for problem in app.corpus.problems:
            first_line.setdefault(Path(problem.path).name, problem.line)
        assert first_line == {name: line for name, (_, line) in BAD_FILES.items()}
        labels = [node.label.plain for node in app.query_one(Navigator).root.children]
        assert f"Problems ({len(app.corpus.problems)})" in labels
        items = [child.label.plain for node in app.query_one(Navigator).root.children for child in node.children]
        assert f"Item 4: {MARKUP}" in items  # markup in content is text, never interpreted
        await pilot.press("tab", "enter", "down", "enter")  # move about: nothing the content says is acted on
        await pilot.pause()
        assert app.is_running
    assert not (root / MARKER).exists() and not (briefs / MARKER).exists()
    assert snapshot(root) == before
