"""Where brief keeps what it keeps for its user, on every OS (platformdirs): settings in the config folder, notes
and marks in the data folder, the caches of loaded briefs and of dates in the cache folder, exports by default
in the user's documents folder.

On Linux: `$XDG_CONFIG_HOME/brief`, `$XDG_DATA_HOME/brief`, `$XDG_CACHE_HOME/brief`, `~/Documents`.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path, user_documents_path

APP = "brief"


def config_dir() -> Path:
    return user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    return user_cache_path(APP, appauthor=False)


def notes_dir() -> Path:
    return data_dir() / "notes"


def marks_dir() -> Path:
    return data_dir() / "marks"


def documents_dir() -> Path:
    """Where an export goes unless the user chose another folder."""
    return user_documents_path()
