"""Where brief keeps what it keeps for its user, on every OS: settings in the config folder, notes and marks in
the data folder, the caches of loaded briefs and of dates in the cache folder, exports by default in the user's
documents folder.

On Linux: `$XDG_CONFIG_HOME/brief`, `$XDG_DATA_HOME/brief`, `$XDG_CACHE_HOME/brief` (the XDG Base Directory
specification: a variable counts only when it holds an absolute path, else `~/.config`, `~/.local/share`,
`~/.cache`), and `~/Documents` (or what `user-dirs.dirs` says). Elsewhere, and on Linux whenever the answer is
not that simple (no absolute `$HOME` to fall back on), platformdirs decides. Importing platformdirs is a few
milliseconds of every `brief export` and start, so the three folders every run needs are worked out here on
Linux, and `tests/test_locations.py` holds them to platformdirs' answers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "brief"

#: The XDG variable and the default under the home folder of each kind of folder (Linux).
_XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "data": ("XDG_DATA_HOME", ".local/share"),
        "cache": ("XDG_CACHE_HOME", ".cache")}


def _folder(kind: str) -> Path:
    if sys.platform.startswith("linux"):
        variable, default = _XDG[kind]
        base = os.environ.get(variable, "")
        if os.path.isabs(base):
            return Path(base, APP)
        home = os.environ.get("HOME", "")
        if os.path.isabs(home):
            return Path(home.rstrip("/") or "/", default, APP)
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_path")(APP, appauthor=False))


def config_dir() -> Path:
    return _folder("config")


def data_dir() -> Path:
    return _folder("data")


def cache_dir() -> Path:
    return _folder("cache")


def notes_dir() -> Path:
    return data_dir() / "notes"


def marks_dir() -> Path:
    return data_dir() / "marks"


def documents_dir() -> Path:
    """Where an export goes unless the user chose another folder."""
    from platformdirs import user_documents_path

    return user_documents_path()
