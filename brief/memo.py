"""Dates as text, remembered between runs of the app and of `brief export`.

Formatting a date or a run of meeting days through Babel is cheap, but the first call imports Babel and loads
its locale data, a large share of `brief export` (README: Performance). The app and the export show dates at
once (the meeting days under every title, the date a briefing was prepared), so they keep the strings they have
made in a small JSON file in the user's cache folder and, on the next run, show them without touching Babel.

The file is keyed by the Babel installation (its path and modification time) and by the code that formats
(a checksum of `brief/i18n.py`), so an upgrade of Babel or of its locale data, or a change to our formatting,
makes the strings afresh. Any problem with the file only means formatting afresh; the strings are exactly
those `brief.i18n.format_days` and `format_date` return. The file is read only when it is a regular file of a
sane size (a FIFO or `/dev/zero` in its place would never end), and only if every string in it is plain date
text (digits, Latin letters, spaces, commas, the en dash, 年月日至、和): a damaged or edited file can never put a
control sequence or markup on the screen.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

import msgspec

from brief import i18n


def _stamp() -> str:
    """What the remembered strings depend on: Babel's installation and our formatting code."""
    spec = importlib.util.find_spec("babel")
    origin = Path(spec.origin) if spec and spec.origin else None
    try:
        babel = f"{origin}:{origin.stat().st_mtime_ns}" if origin else ""
        code = zlib.crc32(Path(i18n.__file__).read_bytes())
    except OSError:
        return ""
    return f"{babel}:{code:08x}"


#: The file is far smaller: a few dozen strings of some tens of characters.
MAX_MEMO_BYTES = 1_000_000
#: What a remembered string may hold: dates as `brief.languages` writes them, in either language.
_DATE_TEXT = re.compile(r"[0-9A-Za-z ,\u2013年月日至、和]*")


class _File(msgspec.Struct):
    stamp: str
    texts: dict[str, str]


class DateTexts:
    """`days(...)` and `date(...)` are `brief.i18n.format_days` and `format_date`, from memory when made
    before. With a `path`, what is made is kept there by `save()`; without, only for this run."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.stamp = _stamp() if path else ""
        self.texts: dict[str, str] = {}
        self.changed = False
        if path is None:
            return
        from brief.files import FileError, read_bytes

        try:
            found = msgspec.json.decode(read_bytes(path, MAX_MEMO_BYTES), type=_File)
        except (OSError, FileError, msgspec.DecodeError, msgspec.ValidationError):
            return
        if found.stamp == self.stamp and self.stamp and all(map(_DATE_TEXT.fullmatch, found.texts.values())):
            self.texts = found.texts

    @classmethod
    def beside(cls, cache_folder: Path) -> DateTexts:
        """The remembered dates of this user, kept beside the brief cache (`brief.cache`)."""
        return cls(cache_folder.parent / "dates.json")

    def days(self, days: Iterable[dt.date], lang: str) -> str:
        """Meeting days: "28–30 June 2017" / "2017年6月28日至30日"."""
        days = sorted(set(days))
        return self._text(f"days:{lang}:{','.join(day.isoformat() for day in days)}",
                          lambda: i18n.format_days(days, lang))

    def date(self, day: dt.date, lang: str) -> str:
        """One date: "23 November 2026" / "2026年11月23日"."""
        return self._text(f"date:{lang}:{day.isoformat()}", lambda: i18n.format_date(day, lang))

    def _text(self, key: str, make: Callable[[], str]) -> str:
        if key not in self.texts:
            self.texts[key] = make()
            self.changed = True
        return self.texts[key]

    def save(self) -> None:
        """Keep what was made for the next run (nothing happens without a path or anything new; a file that
        cannot be written is left as it was)."""
        if self.path is None or not self.changed:
            return
        from brief.files import FileError, write_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, msgspec.json.encode(_File(self.stamp, self.texts)).decode(), force=True)
            self.changed = False
        except (OSError, FileError):
            pass
