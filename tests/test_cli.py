"""The command line, run as a user runs it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brief.cli import main
from brief.schema import schema_json
from tests.conftest import BRIEFS, ROOT, line_of, mutate


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`brief ARGS`, with the test's own config, data and cache folders (`brief export` reads the saved notes)."""
    user_dirs = {name: os.environ[name] for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "COLUMNS": "200",
                               **user_dirs})


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
    assert result.returncode == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("mini-nsa"))
    assert "CD/2105, Letter 2 of the co-chairs" in row and "Negative security assurances" in row
    assert row.split()[-5:] == ["1", "1", "0", "1", "1"]  # agree, splits, views, proposals, the chair's
    zh = run("list", "--briefs", str(briefs_dir), "--lang", "zh")
    assert "消极安全保证" in zh.stdout and "共识" in zh.stdout and "主席" in zh.stdout


def test_list_shows_markup_literally(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", 'short: {en: "Negative security assurances"',
           'short: {en: "[bold red]NSA[/] [@click=app.quit]x[/]"')
    result = run("list", "--briefs", str(briefs_dir))
    assert "[bold red]NSA[/] [@click=app.quit]x[/]" in result.stdout.replace("\n", "")


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
#: statements in CI): the app's Textual never, and Rich only where `brief list` draws its table.
CLI_PATHS = {
    "import": ("import brief.cli, brief.model, brief.loader, brief.sources, brief.i18n, brief.export",
               ("textual", "rich")),
    "check": ("from brief.cli import main; main(['check'])", ("textual", "rich")),
    "export": ("from brief.cli import main; main(['export', 'cd-2105-nsa'])", ("textual", "rich")),
    "schema": ("from brief.cli import main; main(['schema'])", ("textual", "rich")),
    "list": ("from brief.cli import main; main(['list'])", ("textual",)),
}


@pytest.mark.parametrize(("code", "forbidden"), CLI_PATHS.values(), ids=CLI_PATHS.keys())
def test_command_line_never_imports_textual(code: str, forbidden: tuple[str, ...]) -> None:
    probe = (f"import sys\n{code}\nprint(sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr
