"""The garbage collector's full collections, moved to the moments the user is not waiting for anything.

Python runs a full collection (of every container object not frozen) after every tenth collection of the middle
generation, whenever it falls: in the app that was in the middle of a key about once a dialog opened, and each
took longer as the app's caches grew (8 ms at the first `ctrl+p`, 27 ms by the eighth, at 200x60, measured with
`gc.callbacks`). The app leaves the young generations to Python (they are cheap and free most cycles early) and
makes full collections its own: when no key, click or scroll has come for `IDLE_SECONDS`, and at the latest
after `FORCE_AFTER` collections of the middle generation, so that garbage cannot pile up however busy the user
keeps the app. Nothing here uses Textual: the app calls `input_seen` on each input event and `tick` on a timer.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

#: Seconds without input after which a full collection may run.
IDLE_SECONDS = 0.5
#: Collections of the middle generation after which a full collection runs, idle or not (Python's own rule is
#: ten, with a further condition on how much survived; this bounds what can pile up between two idle moments).
FORCE_AFTER = 100
#: The third threshold while the collector is the app's: Python never reaches it on its own.
NEVER = 1 << 30


def middle_collections() -> int:
    """How many times Python has collected the middle generation (full collections include it)."""
    stats = gc.get_stats()
    return int(stats[1]["collections"]) + int(stats[2]["collections"])


class IdleCollector:
    def __init__(self, idle_seconds: float = IDLE_SECONDS, force_after: int = FORCE_AFTER,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.idle_seconds = idle_seconds
        self.force_after = force_after
        self.clock = clock
        self._saved: tuple[int, int, int] | None = None
        self._last_input = clock()
        self._collected_at = middle_collections()  # the count when the last full collection ended
        #: Full collections this collector ran (for tests and benchmarks).
        self.runs = 0

    @property
    def started(self) -> bool:
        return self._saved is not None

    def start(self) -> None:
        """Take over full collections (the young generations keep Python's thresholds)."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, NEVER)
            self._collected_at = middle_collections()

    def stop(self) -> None:
        """Give full collections back to Python, with the thresholds it had."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    @property
    def last_input(self) -> float:
        """When the last input came (the clock's time)."""
        return self._last_input

    def input_seen(self) -> None:
        self._last_input = self.clock()

    def tick(self) -> bool:
        """Run a full collection if one is due: something reached the old generation since the last, and the
        user has been idle for `idle_seconds` (or `force_after` middle collections went by). Whether it ran."""
        if self._saved is None or not gc.isenabled():  # not started, or a load has the collector off
            return False
        pending = middle_collections() - self._collected_at
        idle = self.clock() - self._last_input >= self.idle_seconds
        if pending == 0 or (not idle and pending < self.force_after):
            return False
        gc.collect()
        self._collected_at = middle_collections()
        self.runs += 1
        return True
