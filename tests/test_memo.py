"""Remembered dates: the same strings Babel makes, kept between runs, made afresh whenever in doubt."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from brief import i18n
from brief.memo import DateTexts
from tests.conftest import ROOT

DAYS = [dt.date(2017, 6, 30), dt.date(2017, 6, 28), dt.date(2017, 6, 29)]
PREPARED = dt.date(2026, 11, 23)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_strings_are_babels_and_come_back_from_the_file(tmp_path: Path, lang: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dates.json"
    first = DateTexts(path)
    assert first.days(DAYS, lang) == i18n.format_days(DAYS, lang)
    assert first.date(PREPARED, lang) == i18n.format_date(PREPARED, lang)
    first.save()

    def no_babel(*_: object) -> str:
        raise AssertionError("formatted again")

    monkeypatch.setattr(i18n, "format_days", no_babel)
    monkeypatch.setattr(i18n, "format_date", no_babel)
    again = DateTexts(path)
    assert again.days(reversed(DAYS), lang) == first.days(DAYS, lang)  # the order of the days does not matter
    assert again.date(PREPARED, lang) == first.date(PREPARED, lang)
    with pytest.raises(AssertionError, match="formatted again"):
        again.date(dt.date(2030, 1, 1), lang)  # what was never made is made


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json",
        b'{"stamp": 3, "texts": []}',
        b'{"texts": {"days:en:2017-06-28,2017-06-29,2017-06-30": "wrong"}}',
        None,  # a file from another Babel or another version of the formatting code
    ],
)
def test_a_damaged_or_stale_file_only_means_formatting_afresh(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "dates.json"
    key = "days:en:2017-06-28,2017-06-29,2017-06-30"
    path.write_bytes(content if content is not None else
                     json.dumps({"stamp": "babel-0.0:0", "texts": {key: "wrong"}}).encode())
    texts = DateTexts(path)
    assert texts.days(DAYS, "en") == "28–30 June 2017"
    texts.save()
    assert json.loads(path.read_text(encoding="utf-8"))["texts"][key] == "28–30 June 2017"


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    texts = DateTexts(blocker / "dates.json")
    assert texts.days(DAYS, "zh") == "2017年6月28日至30日"
    texts.save()  # nothing to report, nothing written
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder should be"


def test_a_second_export_is_the_same_briefing_without_importing_babel(briefs_dir: Path) -> None:
    """`brief export` remembers its dates; the next export prints the same bytes and never imports Babel."""
    probe = ("import sys\nfrom brief.cli import main\nmain(['export', 'mini-nsa', '--briefs', sys.argv[1], "
             "'--lang', sys.argv[2], '--date', '2026-11-23'])\n"
             "print('babel' in sys.modules, file=sys.stderr)")
    # The first export makes the dates of every language (the plan is made for all of them at once).
    imported = ["True", "False", "False", "False"]
    for lang in ("en", "zh"):
        runs = [subprocess.run([sys.executable, "-c", probe, str(briefs_dir), lang], capture_output=True,
                               text=True, cwd=ROOT, env=os.environ) for _ in range(2)]
        assert [run.stderr.split() for run in runs] == [[imported.pop(0)], [imported.pop(0)]], [r.stderr for r in runs]
        assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode == 0
        assert i18n.format_date(PREPARED, lang) in runs[1].stdout
