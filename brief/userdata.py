"""What the app keeps for its user between runs: settings (language, theme) and notes per agenda item.

Settings go to the user's config directory and notes to the data directory (`$XDG_CONFIG_HOME/brief`,
`$XDG_DATA_HOME/brief/notes` on Linux; platformdirs picks the right places elsewhere). Writes are atomic; a
damaged settings file is ignored rather than fatal. Both are read only as regular files of a sane size (a FIFO
in their place would hang the app), and a setting holding a hidden character (`brief.safe`) is not one brief
wrote: it is dropped.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from brief.files import FileError, read_bytes, safe_name, write_atomic
from brief.limits import MAX_NOTES_BYTES
from brief.locations import config_dir, notes_dir
from brief.safe import HIDDEN

SETTINGS_FILE = "settings.json"
#: A settings file holds a few short words.
MAX_SETTINGS_BYTES = 100_000


def load_settings() -> dict[str, str]:
    """The saved settings; an empty dict when there are none or the file is unreadable."""
    try:
        data = msgspec.json.decode(read_bytes(config_dir() / SETTINGS_FILE, MAX_SETTINGS_BYTES))
    except (OSError, FileError, msgspec.DecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)
            and not HIDDEN.search(k + v)}


def save_settings(settings: dict[str, str]) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = msgspec.json.format(msgspec.json.encode(settings), indent=2).decode()
    write_atomic(folder / SETTINGS_FILE, text + "\n", force=True)


def notes_path(brief_id: str) -> Path:
    return notes_dir() / f"{safe_name(brief_id, fallback='brief')}.md"


def load_notes(brief_id: str) -> str:
    """The user's notes for the agenda item, as written (the app shows them in an editor; every export shows
    their hidden characters visibly); empty when there are none or the file cannot be read as notes."""
    try:
        return read_bytes(notes_path(brief_id), MAX_NOTES_BYTES).decode("utf-8")
    except (OSError, FileError, UnicodeDecodeError):
        return ""


def save_notes(brief_id: str, text: str) -> None:
    path = notes_path(brief_id)
    if not text.strip():
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text if text.endswith("\n") else text + "\n", force=True)
