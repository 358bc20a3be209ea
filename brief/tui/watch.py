"""FolderWatcher: notice when files in the briefs or seeds folder change, by polling their size and mtime.

Polling a few dozen `stat` calls a second is cheaper and more portable than an inotify dependency, and it also
sees editors that save by renaming a temporary file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

Snapshot = dict[str, tuple[int, int]]


def snapshot(folders: list[Path]) -> Snapshot:
    found: Snapshot = {}
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.suffix in (".yaml", ".yml", ".txt"):
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                found[str(entry)] = (stat.st_mtime_ns, stat.st_size)
    return found


class FolderWatcher:
    def __init__(self, folders: list[Path], interval: float = 1.0) -> None:
        self.folders = folders
        self.interval = interval
        self._last: Snapshot = {}

    def start(self, app: App[Any], on_change: Callable[[], object]) -> None:
        self._last = snapshot(self.folders)

        def poll() -> None:
            current = snapshot(self.folders)
            if current != self._last:
                self._last = current
                on_change()

        app.set_interval(self.interval, poll, name="watch-briefs")
