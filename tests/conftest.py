from __future__ import annotations

import os
import re
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"
BRIEFS = ROOT / "briefs"

# Snapshots depend on these (README: Development); tests must not depend on the developer's shell.
for name in ("NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR", "TEXTUAL"):
    os.environ.pop(name, None)


#: The libraries whose own rendering the snapshot tests pin.
RENDERING = ("textual", "rich")


def locked_version(package: str) -> str | None:
    """The release of `package` in the lock the tests are written against (constraints.txt)."""
    found = re.search(rf"^{re.escape(package)}==(\S+)$", (ROOT / "constraints.txt").read_text(encoding="utf-8"),
                      flags=re.M | re.I)
    return found.group(1) if found else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Snapshots compare pixels drawn by Textual and Rich: with other releases of those than the lock's (the
    newest-releases job of CI), they are skipped, and every other test still runs."""
    drifted = [f"{name} {version(name)} (lock: {locked_version(name)})" for name in RENDERING
               if version(name) != locked_version(name)]
    if not drifted:
        return
    skip = pytest.mark.skip(reason="snapshots pin the lock's rendering; installed: " + ", ".join(drifted))
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's real config, data and cache directories out of every test."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_DOCUMENTS_DIR"):
        monkeypatch.setenv(name, str(home / name.lower()))
    # The interface language defaults to the locale's: tests start in English whatever the machine's locale.
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def copy_glossary(folder: Path) -> Path:
    """Write the bundled glossary into `folder` without its `shifts:` section (the last one): the shifts cite the
    bundled briefs by id, so they hold only beside those briefs, and a folder of other briefs would report them."""
    text = (BRIEFS / "glossary.yaml").read_text(encoding="utf-8")
    themes_and_terms, found, _ = text.partition("\nshifts:\n")
    assert found, "the bundled glossary has a `shifts:` section"
    target = folder / "glossary.yaml"
    target.write_text(themes_and_terms + "\n", encoding="utf-8")
    return target


@pytest.fixture
def briefs_dir(tmp_path: Path) -> Path:
    """A briefs folder with the bundled glossary (without its shifts) and the small fixture brief; seeds beside it
    are the real ones."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    copy_glossary(folder)
    shutil.copy(FIXTURES / "mini.yaml", folder)
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled briefs and seeds (so that a test may change either), side by side: the briefs folder."""
    shutil.copytree(BRIEFS, tmp_path / "briefs")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "briefs"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """`briefs/` (the glossary, mini.yaml and good.yaml), `seeds/` (a copy of the real seeds) and `out/` (an
    export folder already holding a file), side by side; the commands run from here."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    copy_glossary(briefs)
    mini = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    (briefs / "mini.yaml").write_text(mini, encoding="utf-8")
    (briefs / "good.yaml").write_text(mini.replace("\nid: mini-nsa\n", "\nid: good-nsa\n"), encoding="utf-8")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.md").write_text("an earlier briefing\n", encoding="utf-8")
    return tmp_path


def mutate(path: Path, old: str, new: str) -> Path:
    """Replace one exact occurrence of `old` in the file (the test fails if it is not there exactly once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
