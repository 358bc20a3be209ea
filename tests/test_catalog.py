"""`brief.catalog.MoCatalog` answers exactly as `gettext.GNUTranslations` over the real compiled catalogs, and
refuses (ValueError) a file it cannot read in place, which `brief.i18n` then reads the standard way."""

from __future__ import annotations

import gettext
import io
import struct
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

from brief import i18n
from brief.catalog import MoCatalog
from brief.languages import language


def compiled(lang: str) -> bytes:
    """The catalog of `lang` compiled from its .po here (the same bytes the build writes)."""
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "brief.po").open("rb") as handle:
        catalog = read_po(handle, locale=language(lang).locale, domain=i18n.DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def both(data: bytes) -> tuple[MoCatalog, gettext.GNUTranslations]:
    return MoCatalog(data), gettext.GNUTranslations(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_entry_of_the_real_catalogs_reads_as_gettext_reads_it(lang: str) -> None:
    data = compiled(lang)
    ours, theirs = both(data)
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "brief.po").open("rb") as handle:
        messages = list(read_po(handle))
    assert len(messages) > 400
    for message in messages:
        if isinstance(message.id, tuple):
            singular, plural = message.id
            for n in (0, 1, 2, 3, 11, 101):
                assert ours.ngettext(singular, plural, n) == theirs.ngettext(singular, plural, n), message.id
            assert ours.gettext(singular) == theirs.gettext(singular)
        else:
            assert ours.gettext(str(message.id)) == theirs.gettext(str(message.id)), message.id
    assert ours.gettext("") == theirs.gettext("")  # the header, as gettext gives it
    assert i18n.translations(lang).gettext("Where they divide") == theirs.gettext("Where they divide")


@given(st.text(max_size=30), st.text(max_size=30), st.integers(min_value=0, max_value=10**6))
def test_messages_the_catalog_lacks_come_back_as_gettext_gives_them(singular: str, plural: str, n: int) -> None:
    ours, theirs = CHINESE
    assert ours.gettext(singular) == theirs.gettext(singular)
    assert ours.ngettext(singular, plural, n) == theirs.ngettext(singular, plural, n)


CHINESE = both(compiled("zh"))


def small(*entries: tuple[str | tuple[str, str], str | tuple[str, ...]]) -> bytes:
    """A catalog of `entries` in English (plural rule n != 1), compiled by Babel."""
    catalog = Catalog(locale="en", domain="x")
    for msgid, msgstr in entries:
        catalog.add(msgid, msgstr)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def test_plurals_follow_the_catalogs_rule_and_a_missing_form_falls_back_as_gettext_does() -> None:
    data = small((("{n} day", "{n} days"), ("{n} jour", "{n} jours")), ("Where", "Où"), ("Where they", "Où ils"),
                 ("Wh", "W"))
    ours, theirs = both(data)
    for n in range(5):
        assert ours.ngettext("{n} day", "{n} days", n) == theirs.ngettext("{n} day", "{n} days", n)
        assert ours.ngettext("{n} day", "other plural", n) == theirs.ngettext("{n} day", "other plural", n)
    for message in ("Where", "Where they", "Wh", "W", "Where they divide", "{n} day", "zzz", ""):
        assert ours.gettext(message) == theirs.gettext(message), message


def test_big_endian_files_read_alike() -> None:
    data = small(("a", "b"), ("c", "d"))
    count = struct.unpack_from("<I", data, 8)[0]
    words = struct.unpack_from(f"<{7 + 4 * count}I", data)  # the header and both tables; the strings are bytes
    flipped = struct.pack(f">{len(words)}I", *words) + data[4 * len(words):]
    ours = MoCatalog(flipped)
    assert (ours.gettext("a"), ours.gettext("c"), ours.gettext("e")) == ("b", "d", "e")


@pytest.mark.parametrize(("damage", "why"), [
    (lambda data: data[:10], "too short"),
    (lambda data: b"\0\0\0\0" + data[4:], "magic"),
    (lambda data: data[:4] + struct.pack("<I", 7 << 16) + data[8:], "revision"),
    (lambda data: data[:-40], "past the end"),
])
def test_a_damaged_file_is_refused(damage: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        MoCatalog(damage(small(("a", "b"), ("c", "d"))))  # type: ignore[operator]


def test_an_unsorted_or_non_utf8_file_is_refused_and_read_by_gettext_instead(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    data = small(("a", "b"), ("c", "d"))
    count, originals = struct.unpack_from("<2I", data, 8)
    first, second = data[originals + 8:originals + 16], data[originals + 16:originals + 24]  # entries 1 and 2
    swapped = data[:originals + 8] + second + first + data[originals + 24:]
    with pytest.raises(ValueError, match="not sorted"):
        MoCatalog(swapped)
    latin = data.replace(b"charset=utf-8", b"charset=latin")
    with pytest.raises(ValueError, match="UTF-8"):
        MoCatalog(latin)
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "brief.mo").write_bytes(latin)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        found = i18n.translations("en")
        assert type(found) is gettext.GNUTranslations and found.gettext("a") == "b"
    finally:
        i18n.translations.cache_clear()


def test_a_lone_surrogate_is_a_message_like_any_other() -> None:
    """A YAML escape can put half a character into a value that a message then names: not found, as it is."""
    ours, theirs = CHINESE
    for message in ("\ud800", "Where they divide\udfff"):
        assert ours.gettext(message) == theirs.gettext(message) == message
        assert ours.ngettext(message, "x", 2) == theirs.ngettext(message, "x", 2)
