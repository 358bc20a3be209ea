"""The command line, run as a user runs it: real processes, real files."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from brief import arguments, cli
from brief.arguments import COMMANDS, argparse_in, command_of, parser
from brief.cli import main
from brief.loader import load
from brief.model import SECTIONS
from brief.schema import schema_json
from tests.conftest import BRIEFS, ROOT, line_of, mutate


def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`brief ARGS` in a process, with the test's own config, data and cache folders (`brief export` reads the
    saved notes); `env` adds to (or, given as "", removes from) its environment."""
    user_dirs = {name: os.environ[name] for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
    environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "COLUMNS": "200",
                   **user_dirs, **env}
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          env={key: value for key, value in environment.items() if value})


def test_check_clean_exits_zero(briefs_dir: Path) -> None:
    result = run("check", "--briefs", str(briefs_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "1 brief, 4 points, 0 errors, 0 warnings\n"
    assert result.stderr == ""


def test_check_broken_copy_names_file_line_col_and_exits_one(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", "support: general", "support: genral")
    mutate(briefs_dir / "mini.yaml", "  date: 2017-09-15", "  date: 15 Sept 2017")
    result = run("check", "--briefs", "briefs", cwd=briefs_dir.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    path = briefs_dir / "mini.yaml"
    assert lines == [
        f"briefs/mini.yaml:{line_of(path, '15 Sept')}:9: error: `document.date` must be a real date written "
        "YYYY-MM-DD, not `15 Sept 2017`",
        f"briefs/mini.yaml:{line_of(path, 'genral')}:18: error: `topics[0].points[0].support` must be one of all, "
        "general, most, many, some, one, not `genral`",
        "0 briefs, 0 points, 2 errors, 0 warnings",  # a brief with schema errors is left out
    ]
    assert "Traceback" not in result.stderr


def test_check_in_chinese(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", "support: general", "support: genral")
    result = run("check", "--briefs", str(briefs_dir), "--lang", "zh")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "0 份简报，0 个要点，1 个错误，0 个警告"
    assert "错误: `topics[0].points[0].support` 必须是以下之一" in result.stdout


def test_check_single_file(briefs_dir: Path) -> None:
    result = run("check", str(briefs_dir / "mini.yaml"))
    assert result.returncode == 0 and result.stdout.endswith("0 errors, 0 warnings\n")
    missing = run("check", str(briefs_dir / "nope.yaml"))
    assert missing.returncode == 1 and "nope.yaml: error: no such file" in missing.stdout


def test_list_shows_each_brief(briefs_dir: Path) -> None:
    result = run("list", "--briefs", str(briefs_dir))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == ("mini-nsa  Item 4: Negative security assurances\n"
                             "  CD/2105, Letter 2 of the co-chairs\n"
                             "  1 agreed · 1 split · 0 other views · 1 proposal · 1 chair's reading\n")
    zh = run("list", "--briefs", str(briefs_dir), "--lang", "zh")
    assert zh.stdout.splitlines() == ["mini-nsa  项目4：消极安全保证", "  CD/2105，信函 2",
                                      "  1 项共识 · 1 项分歧 · 0 项其他观点 · 1 项建议 · 1 项评估意见"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_of_the_bundled_briefs_reads_at_80_columns(lang: str) -> None:
    """Not a terminal: 80 columns. Every line fits, no word is broken mid-letter, no date is split, and the counts
    are the app's sections."""
    from brief.labels import item_label, section_counts
    from brief.linebreak import cell_width

    result = run("list", "--lang", lang, COLUMNS="")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_width(line) <= 80 for line in lines), [line for line in lines if cell_width(line) > 80]
    words = set(result.stdout.split())
    corpus = load(BRIEFS)
    for brief in corpus.briefs:
        for text in (brief.document.cite(lang), item_label(brief, lang), section_counts(brief, lang)):
            if lang == "en":
                assert set(text.split()) <= words, text  # every word whole on some line
            for date in re.findall(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}年", text):
                assert any(date in line for line in lines), date
        assert brief.id in words
    assert len(lines) <= 5 * len(corpus.briefs)  # a short block each


def test_list_id_lists_the_points_with_their_ids_sections_and_key_flags() -> None:
    brief = load(BRIEFS).brief("cd-2105-nsa")
    result = run("list", "cd-2105-nsa", COLUMNS="")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ids = [line.split()[0] for line in lines if re.match(r"^  [a-z0-9-]+( · key point)?$", line)]
    assert ids == [p.id for section in SECTIONS for _, p in brief.points() if p.section == section]
    keys = {line.split()[0] for line in lines if line.endswith(" · key point")}
    assert keys == {p.id for _, p in brief.points() if p.key} != set()
    assert "Where delegations agree (" in result.stdout and "Where they divide (" in result.stdout
    points = [p.id for p in (brief.point(i) for i in ids[:2]) if p is not None]
    exported = run("export", "cd-2105-nsa", "--points", ",".join(points))  # the ids are what --points takes
    assert exported.returncode == 0, exported.stderr
    missing = run("list", "no-such-brief")
    assert missing.returncode == 1 and "no brief with id `no-such-brief`" in missing.stderr


def test_help_and_argparses_own_words_follow_the_locale() -> None:
    chinese = run("--help", LANG="zh_CN.UTF-8")
    assert chinese.returncode == 0
    for words in ("用法：brief", "位置参数", "选项", "显示此帮助信息并退出", "验证简报及其引文", "输出语言"):
        assert words in chinese.stdout, words
    assert not re.search(r"usage|positional|options|show this|validate", chinese.stdout)
    for command in ("check", "list", "export", "schema", "seed", "draft"):
        sub = run(command, "--help", LANG="zh_CN.UTF-8")
        assert sub.returncode == 0 and sub.stdout.startswith("用法：brief " + command), sub.stdout
        helps = re.findall(r"^  \S.*?  +(\S.*)$", sub.stdout, flags=re.M)
        assert helps and all(re.search(r"[\u4e00-\u9fff]", text) for text in helps), (command, helps)
    error = run("draft", "seed.txt", LANG="zh_CN.UTF-8")
    assert error.returncode == 2 and "brief draft：错误：缺少以下必需参数：--id" in error.stderr
    bad = run("--lang", "fr", LANG="zh_CN.UTF-8")
    assert "参数 --lang：无效选项：'fr'" in bad.stderr
    english = run("--lang", "en", "--help", LANG="zh_CN.UTF-8")  # --lang wins over the locale
    assert english.stdout.startswith("usage: brief") and "show this help message and exit" in english.stdout
    seed = run("seed", "--lang", "zh", "--help")  # seed's --lang is the language of the text
    assert seed.stdout.startswith("usage: brief seed")


def test_argparse_keeps_its_own_words_once_the_command_line_has_parsed(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    assert main(["schema", "--lang", "zh"]) == 0
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="other").parse_args(["--nope"])
    assert "other: error: unrecognized arguments: --nope" in capsys.readouterr().err


def test_list_shows_markup_literally(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", 'short: {en: "Negative security assurances"',
           'short: {en: "[bold red]NSA[/] [@click=app.quit]x[/]"')
    result = run("list", "--briefs", str(briefs_dir))
    assert "[bold red]NSA[/] [@click=app.quit]x[/]" in result.stdout.replace("\n", "")


def test_list_never_sends_a_control_sequence_from_a_brief(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", 'short: {en: "Negative security assurances"',
           'short: {en: "Negative \\e[31mred\\e[0m\\a assurances"')
    mutate(briefs_dir / "mini.yaml", 'issue: {en: "Are the existing assurances adequate?"',
           'issue: {en: "Adequate\\e]0;pwned\\a?"')
    for args in (("list",), ("list", "mini-nsa")):  # a brief with hidden characters is refused, where they are
        result = run(*args, "--briefs", str(briefs_dir))
        assert result.returncode == 1 and result.stdout == ""
        assert not re.search("[\x1b\x07]", result.stderr)
        assert re.search(r"mini\.yaml:\d+:\d+: error: .*U\+001B ESCAPE", result.stderr), result.stderr


@pytest.mark.parametrize("kind", ["brief", "glossary"])
def test_committed_schema_is_in_sync(kind: str) -> None:
    committed = (BRIEFS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(kind), "run: brief schema > briefs/brief.schema.json (and --glossary)"
    assert json.loads(committed)["$defs"]


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    document = json.loads(capsys.readouterr().out)
    point = document["$defs"]["Consensus"]
    assert set(point["properties"]["support"]["enum"]) == {"all", "general", "most", "many", "some", "one"}
    assert point["additionalProperties"] is False


#: What each path of the command line may not import, checked at run time (import-linter checks the core's import
#: statements in CI): the app's Textual and Rich, never.
CLI_PATHS = {
    "import": ("import brief.cli, brief.model, brief.loader, brief.sources, brief.i18n, brief.export",
               ("textual", "rich")),
    "check": ("from brief.cli import main; main(['check'])", ("textual", "rich")),
    "export": ("from brief.cli import main; main(['export', 'cd-2105-nsa'])", ("textual", "rich")),
    "schema": ("from brief.cli import main; main(['schema'])", ("textual", "rich")),
    "list": ("from brief.cli import main; main(['list']); main(['list', 'cd-2105-nsa'])", ("textual", "rich")),
    "help": ("from brief.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass", ("textual", "rich")),
}


@pytest.mark.parametrize(("code", "forbidden"), CLI_PATHS.values(), ids=CLI_PATHS.keys())
def test_command_line_never_imports_textual(code: str, forbidden: tuple[str, ...]) -> None:
    probe = (f"import sys\n{code}\nprint(sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


#: What a warm `brief export` of a briefing to standard output does without (README: Performance): each is
#: milliseconds, and none is needed unless a file is read afresh, written, or a theme asked for.
WARM_EXPORT_WITHOUT = ("yaml", "babel", "platformdirs", "tempfile", "shutil", "hashlib", "dataclasses", "threading",
                       "brief.validate", "brief.themes", "brief.export.theme", "brief.hidden")


def test_a_warm_export_imports_only_what_it_uses(tmp_path: Path) -> None:
    probe = ("import sys\nfrom brief.cli import main\nstatus = main(['export', 'cd-2105-nsa', '--date', '2026-12-03'])\n"
             f"print(status, sorted(m for m in {WARM_EXPORT_WITHOUT!r} if m in sys.modules), file=sys.stderr)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    cold, warm = (subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env)
                  for _ in range(2))
    assert cold.stdout == warm.stdout and "Negative security assurances" in warm.stdout
    assert "yaml" in cold.stderr.splitlines()[-1]  # the first run read the briefs: the probe sees imports
    assert warm.stderr.splitlines()[-1] == "0 []", warm.stderr


@pytest.mark.parametrize("columns", [None, "50", "0", "wide"])
def test_the_help_is_as_wide_as_shutil_says(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    import shutil

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert arguments.columns() == shutil.get_terminal_size().columns


@pytest.mark.parametrize("command", COMMANDS)
def test_the_parser_of_one_command_is_the_whole_parser_for_it(command: str) -> None:
    """`main` builds only the options of the command it runs: its help and what it parses are the full
    parser's, and `brief --help` lists every command as before."""
    with argparse_in("zh"):
        whole, alone = parser("zh"), parser("zh", command)
        assert alone.format_help() == whole.format_help()
        for name in COMMANDS:
            help_of = {which: next(action for action in found._actions
                                   if isinstance(action, argparse._SubParsersAction))._name_parser_map[name]
                       for which, found in (("whole", whole), ("alone", alone))}
            if name == command:
                assert help_of["alone"].format_help() == help_of["whole"].format_help()
    argv = {"check": ["check", "--no-cache"], "list": ["list", "--themes"], "export": ["export", "x", "--full"],
            "schema": ["schema", "--glossary"], "seed": ["seed", "raw.txt", "--lang", "zh"],
            "draft": ["draft", "s.txt", "--id", "d"]}[command]
    assert command_of(argv) == command
    assert vars(parser("en", command).parse_args(argv)) == vars(parser("en").parse_args(argv))


def test_when_argparse_finds_another_command_main_parses_again_with_every_one(
        capsys: pytest.CaptureFixture[str]) -> None:
    # `--brief` is argparse's abbreviation of `--briefs`, so `check` is its value and `schema` the command
    assert command_of(["--brief", "check", "schema", "--glossary"]) == "check"
    assert main(["--brief", "check", "schema", "--glossary"]) == 0
    assert '"$schema"' in capsys.readouterr().out


def test_an_unknown_option_of_the_command_is_reported_as_argparse_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "en", "export", "x", "--bogus"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_the_entry_point_imports_with_the_collector_off_and_runs_the_command_with_it_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`brief` (brief/__main__.py): what the imports made is frozen, the command runs with the collector on, and
    what it made is frozen as it returns (the process ends; the final collection need not walk it)."""
    import gc

    import brief.__main__ as entry

    seen: dict[str, object] = {}

    def command() -> int:
        seen["enabled"], seen["frozen"] = gc.isenabled(), gc.get_freeze_count()
        seen["garbage"] = [[]]  # made by the command
        return 3

    monkeypatch.setattr(cli, "main", command)
    assert gc.isenabled()
    try:
        assert entry.run() == 3
        assert seen["enabled"] is True and isinstance(seen["frozen"], int) and seen["frozen"] > 0
        assert gc.isenabled() and gc.get_freeze_count() > seen["frozen"]
    finally:
        gc.unfreeze()


def test_python_dash_m_brief_and_the_brief_command_run_the_same_entry() -> None:
    scripts = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'brief = "brief.__main__:run"' in scripts
    result = subprocess.run([sys.executable, "-m", "brief", "list"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "cd-2105-nsa" in result.stdout, result.stderr
