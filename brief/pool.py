"""Reading many brief files at once, by a pool of processes: `brief check` on a large folder uses every core it
may run on for the files that the cache does not hold.

Each process reads, validates and checks whole files (`brief.loader.read_brief`) and sends back each file's entry
as the cache keeps it (msgpack), which the loader takes in the order of the files: the result is the one a
single process gives. A pool costs its start (a fork, or on systems without one a fresh interpreter per
process), so it is used only for enough files; where it cannot start or breaks, the files are read in this
process.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from brief.cache import Entry, SeedDigests, decode, encode
from brief.loader import Context, read_brief
from brief.sources import SeedLibrary

#: Fewer bytes of YAML than this are read in one process: below it, starting the pool costs more than it saves
#: (`benchmarks/run.py` measures where a pool of two starts to pay: from 0.8 MB on a quiet machine to 1.7 MB on
#: a busy one, some 8 to 16 files of 100 points).
POOL_FROM_BYTES = 1_000_000


def available_cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worth_it(paths: list[Path], jobs: int) -> bool:
    """Whether reading `paths` with `jobs` processes is worth a pool."""
    if jobs < 2 or len(paths) < 2:
        return False
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:  # reading it reports why
            pass
        if total >= POOL_FROM_BYTES:
            return True
    return False


_worker: tuple[Context, SeedLibrary, SeedDigests] | None = None


def _start(context: Context) -> None:
    global _worker
    gc.disable()  # as the loader does: see brief.loader.load
    _worker = (context, SeedLibrary(context.seeds), SeedDigests(context.seeds))


def _read(path: Path) -> bytes:
    assert _worker is not None, "the pool's processes start with _start"
    return encode(read_brief(path, *_worker))


def read_all(context: Context, paths: list[Path], jobs: int) -> list[tuple[Entry, bytes]] | None:
    """The entry of each of `paths`, in order, with the entry encoded; None when the pool cannot do it."""
    import concurrent.futures
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    workers = min(jobs, len(paths))
    try:
        with concurrent.futures.ProcessPoolExecutor(workers, multiprocessing.get_context(method), _start,
                                                    (context,)) as pool:
            return [(decode(payload), payload) for payload in
                    pool.map(_read, paths, chunksize=max(1, len(paths) // (workers * 8)))]
    except (OSError, BrokenProcessPool):  # no processes to be had, or one died
        return None
