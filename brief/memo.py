"""Meeting days as text, remembered between runs of the app.

Formatting a run of dates through Babel is cheap, but the first call imports Babel and loads its locale data:
about 35 ms, a tenth of the app's start. The app shows meeting days on its first screen, so it keeps the
strings it has made in a small JSON file beside the brief cache and, on the next start, shows them without
touching Babel. The file is keyed by the Babel installation (its path and modification time), so an upgrade of
Babel or of its locale data makes the strings again. Any problem with the file only means formatting afresh.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Iterable
from pathlib import Path

from brief.i18n import format_days


def _babel_stamp() -> str:
    spec = importlib.util.find_spec("babel")
    origin = Path(spec.origin) if spec and spec.origin else None
    try:
        return f"{origin}:{origin.stat().st_mtime_ns}" if origin else ""
    except OSError:
        return ""


class DayTexts:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = _babel_stamp()
        self.texts: dict[str, str] = {}
        self.changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("babel") == self.stamp and isinstance(data.get("texts"), dict):
                self.texts = {k: v for k, v in data["texts"].items() if isinstance(k, str) and isinstance(v, str)}
        except (OSError, ValueError, AttributeError):
            pass

    def __call__(self, days: Iterable[dt.date], lang: str) -> str:
        """`brief.i18n.format_days(days, lang)`, from memory when it has been made before."""
        days = sorted(set(days))
        key = f"{lang}:{','.join(day.isoformat() for day in days)}"
        if key not in self.texts:
            self.texts[key] = format_days(days, lang)
            self.changed = True
        return self.texts[key]

    def save(self) -> None:
        if not self.changed:
            return
        from brief.export import ExportError, write_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps({"babel": self.stamp, "texts": self.texts}, ensure_ascii=False),
                         force=True)
            self.changed = False
        except (OSError, ExportError):
            pass
