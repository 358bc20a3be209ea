"""Babel: catalogs really load, dates and lists follow the language, the locale picks the default language."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from brief import i18n
from brief.catalog import MoCatalog
from brief.i18n import default_lang, format_date, format_days, format_list, t, tn

D = dt.date


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_catalogs_load_as_real_translations(lang: str) -> None:
    catalog = i18n.translations(lang)
    # Translations.load() style fallbacks silently return NullTranslations; ours must be a real catalog, read in
    # place (`brief.catalog`), with its language's plural rule.
    assert type(catalog) is MoCatalog
    assert catalog.gettext("") and "Plural-Forms" in catalog.gettext("")
    assert catalog.plural(2) == (0 if lang == "zh" else 1)


def test_interface_strings_translate() -> None:
    assert t("zh", "Where they divide") == "分歧所在"
    assert t("en", "Where they divide") == "Where they divide"
    assert tn("en", "{n} point", "{n} points", 1) == "1 point"
    assert tn("en", "{n} point", "{n} points", 3) == "3 points"
    assert tn("zh", "{n} point", "{n} points", 3) == "3 个要点"


def test_po_is_compiled_in_memory_without_mo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("en", "zh"):
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "brief.po", target)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        assert t("zh", "Where they divide") == "分歧所在"
    finally:
        i18n.translations.cache_clear()


@pytest.mark.parametrize(
    ("days", "en", "zh"),
    [
        ([D(2017, 6, 28), D(2017, 6, 29), D(2017, 6, 30)], "28–30 June 2017", "2017年6月28日至30日"),
        ([D(2017, 6, 20), D(2017, 6, 22), D(2017, 6, 23)], "20, 22 and 23 June 2017", "2017年6月20日、22日和23日"),
        ([D(2017, 8, 8)], "8 August 2017", "2017年8月8日"),
        ([D(2013, 3, 14), D(2013, 6, 27)], "14 March 2013 and 27 June 2013", "2013年3月14日和2013年6月27日"),
        ([D(2013, 5, 30), D(2013, 5, 31), D(2013, 6, 1)], "30 May–1 June 2013", "2013年5月30日至6月1日"),
        ([D(2013, 12, 30), D(2013, 12, 31), D(2014, 1, 1)], "30 December 2013–1 January 2014",
         "2013年12月30日至2014年1月1日"),
        ([D(2017, 6, 20), D(2017, 6, 22), D(2017, 6, 23), D(2017, 6, 24)], "20 and 22–24 June 2017",
         "2017年6月20日和22日至24日"),
        ([D(2013, 5, 14), D(2013, 5, 15), D(2013, 6, 1)], "14–15 May 2013 and 1 June 2013",
         "2013年5月14日至15日和2013年6月1日"),
    ],
)
def test_meeting_days(days: list[dt.date], en: str, zh: str) -> None:
    """UN editorial style, on every Babel release: an en dash without spaces, 至 in Chinese (the seeds write
    "8 月 8 日至 10 日"); newer CLDR data would give "28 – 30 June 2017" and "2017年6月28日 – 30日"."""
    assert format_days(days, "en") == en
    assert format_days(days, "zh") == zh


def test_date_forms_do_not_come_from_babels_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Babel supplies month names only: its date and interval patterns, which change with CLDR, are not used."""
    import babel.dates

    def changed(*args: object, **kwargs: object) -> str:
        raise AssertionError("a Babel date pattern was used")

    for name in ("format_date", "format_interval", "format_skeleton"):
        monkeypatch.setattr(babel.dates, name, changed)
    assert format_days([D(2017, 6, 28), D(2017, 6, 30), D(2017, 6, 29)], "en") == "28–30 June 2017"
    assert format_date(D(2017, 6, 28), "zh") == "2017年6月28日"


def test_dates_and_lists() -> None:
    assert format_date(D(2026, 11, 22), "en") == "22 November 2026"
    assert format_date(D(2026, 11, 22), "zh") == "2026年11月22日"
    assert format_list(["A", "B", "C"], "en") == "A, B and C"
    assert format_list(["甲", "乙", "丙"], "zh") == "甲、乙和丙"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_GB.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_default_language_from_locale(environ: dict[str, str], expected: str) -> None:
    assert default_lang(environ) == expected
