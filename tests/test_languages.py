"""Languages are data: a third language is one entry of `brief.languages.LANGUAGES` and its catalog, and then the
briefs must give it, `brief check` says where they do not, the export prints it and the app switches to it —
with no change to the code. The language here is a test's own French, registered in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import BRIEFS, FIXTURES, ROOT, SEEDS

#: Registers French, points the catalogs at the test's folder, then runs the rest of the script.
PRELUDE = """
import sys
from pathlib import Path
import brief.languages as languages
languages.LANGUAGES["fr"] = languages.Language(
    code="fr", locale="fr_FR", name="Français", label="French", switch="FR", tag="fr-FR", cjk=False, word_gap=" ",
    comma=", ", list_separator=", ", list_last=" et ", list_pair=" et ", date="{d} {month} {y}", day="{d}",
    day_run="{d1}–{d2}", days_in_month="{days} {month} {y}", range_in_month="{d1}–{d2} {month} {y}",
    range_in_year="{d1} {month1}–{d2} {month2} {y}", range_across_years="{d1} {month1} {y1}–{d2} {month2} {y2}",
    year="{y}", year_range="{y1}–{y2}")
import brief.i18n
brief.i18n.LOCALE_DIR = Path(sys.argv[1])
"""
#: The French catalog stub: a few messages of the briefing, the rest left to the English msgid.
FRENCH = {"Where delegations agree": "Là où les délégations s'accordent", "Bottom line.": "En bref.",
          "Briefing: {short} ({agenda})": "Note : {short} ({agenda})", "Where they divide": "Là où elles divergent"}


def with_french(data: object) -> object:
    """`data` (a brief or glossary) with a French text beside every English one."""
    if isinstance(data, dict):
        found = {key: with_french(value) for key, value in data.items()}
        if "en" in found and "zh" in found:
            found["fr"] = f"FR· {found['en']}"
        return found
    if isinstance(data, list):
        return [with_french(item) for item in data]
    return data


@pytest.fixture
def french(tmp_path: Path) -> Path:
    """A briefs folder in three languages beside the real seeds, and the catalogs with a French one."""
    from babel.messages.pofile import read_po, write_po

    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for source, name in ((FIXTURES / "mini.yaml", "mini.yaml"), (BRIEFS / "glossary.yaml", "glossary.yaml")):
        data = yaml.safe_load(source.read_text(encoding="utf-8").replace("date: 2017-09-15", 'date: "2017-09-15"'))
        data.pop("shifts", None)  # they cite the bundled briefs, which this folder does not hold
        (briefs / name).write_text(yaml.safe_dump(with_french(data), allow_unicode=True), encoding="utf-8")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "brief" / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    with (locale / "en" / "LC_MESSAGES" / "brief.po").open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if isinstance(message.id, str) and message.id:
            message.string = FRENCH.get(message.id, message.id)
    (locale / "fr" / "LC_MESSAGES").mkdir(parents=True)
    with (locale / "fr" / "LC_MESSAGES" / "brief.po").open("wb") as handle:
        write_po(handle, catalog)
    return tmp_path


def run(root: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PRELUDE + script, str(root / "locale"), *args],
                          capture_output=True, text=True, cwd=root)


CLI = "from brief.cli import main\nsys.exit(main(sys.argv[2:]))\n"


def test_a_third_language_is_an_entry_of_the_registry(french: Path) -> None:
    check = run(french, CLI, "check", "--briefs", "briefs", "--no-cache")
    assert (check.returncode, check.stdout.splitlines()[-1]) == (0, "1 brief, 4 points, 0 errors, 0 warnings")
    export = run(french, CLI, "export", "mini-nsa", "--briefs", "briefs", "--lang", "fr", "--date", "2026-11-22")
    assert export.returncode == 0, export.stderr
    lines = export.stdout.splitlines()
    assert lines[0] == "# Note : FR· Negative security assurances (agenda item 4)"
    assert "28–30 juin 2017" in lines[2] and "22 novembre 2026" in export.stdout  # Babel's French month names
    assert "## Là où les délégations s'accordent" in export.stdout and "FR· Delegations generally" in export.stdout
    theme = run(french, CLI, "export", "--theme", "nsa", "--briefs", "briefs", "--lang", "fr", "--date", "2026-11-22")
    assert theme.returncode == 0, theme.stderr
    assert theme.stdout.startswith("# Theme: FR· Negative security assurances, 2017\n")


def test_the_briefs_must_then_give_it(french: Path) -> None:
    """The bundled briefs have no French: `brief check` names each text that lacks it."""
    shutil.rmtree(french / "briefs")
    shutil.copytree(BRIEFS, french / "briefs")
    check = run(french, CLI, "check", "--briefs", "briefs", "--no-cache")
    assert check.returncode == 1
    assert "error: missing `fr`: add the French text" in check.stdout


def test_the_app_cycles_to_it(french: Path) -> None:
    script = """
import asyncio
from brief.tui.app import BriefApp
from brief.tui.widgets.titlebar import LanguageSwitch
async def main():
    app = BriefApp(briefs_dir=Path("briefs"), lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(2):
            await pilot.press("l")
            await pilot.pause()
        switch = app.query_one(LanguageSwitch).render().plain
        print(app.lang, repr(switch))
        await pilot.press("l")
        await pilot.pause()
        print(app.lang)
asyncio.run(main())
"""
    result = run(french, script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["fr ' EN   中文   FR '", "en"]
