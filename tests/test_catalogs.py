"""The gettext catalogs are complete: every entry translated, none fuzzy, placeholders kept (pybabel compile
checks none of this), and in step with the strings marked in the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import ROOT

LOCALE = ROOT / "brief" / "locale"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def entries(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "brief.po").open("rb") as handle:
        return [m for m in read_po(handle, locale=lang) if m.id]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_catalog_is_complete(lang: str) -> None:
    problems = []
    for message in entries(lang):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        if not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {string!r}")
    assert problems == []


COMMAND_WORDS = {"brief", "check", "export", "list", "schema", "draft", "seed"}


def test_chinese_catalog_is_chinese() -> None:
    """A Chinese entry with no Chinese in it is an English string copied over (command names aside)."""
    latin_only = [m.id for m in entries("zh") if not isinstance(m.id, tuple) and m.string
                  and not re.search(r"[\u4e00-\u9fff]", m.string)
                  and set(re.findall(r"[a-z]{3,}", PLACEHOLDER.sub("", m.id).lower())) - COMMAND_WORDS]
    assert latin_only == []


def test_catalogs_hold_every_marked_string(tmp_path: Path) -> None:
    pot = tmp_path / "brief.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "pyproject.toml"),
                    "-k", "t:2", "-k", "tn:2,3", "-k", "N_", "--no-location", "-o", str(pot), str(ROOT / "brief")],
                   check=True, capture_output=True)
    with pot.open("rb") as handle:
        marked = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for lang in ("en", "zh"):
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in entries(lang)}
        assert marked - known == set(), f"run scripts/catalogs and translate ({lang})"


def test_no_translation_call_inside_an_f_string() -> None:
    """pybabel cannot see `t(…)` inside an f-string, so such a string would never reach the catalogs."""
    offenders = [f"{path.relative_to(ROOT)}:{number}" for path in (ROOT / "brief").rglob("*.py")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"""\bf["'][^"']*\{(t|tn)\(""", line)]
    assert offenders == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_catalog_passes_babels_own_checks(lang: str) -> None:
    """What `pybabel compile` reports as errors (a `%` read as a printf format, say) but still compiles."""
    with (LOCALE / lang / "LC_MESSAGES" / "brief.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    assert [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()] == []
