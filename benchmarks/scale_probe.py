#!/usr/bin/env python3
"""Measure one corpus in a fresh process and print the figures as JSON (called by `benchmarks/run.py`).

    python benchmarks/scale_probe.py BRIEFS_DIR [--app]

Figures: the time to load and validate the corpus (cold or warm depends on the cache folder the caller gives
in XDG_CACHE_HOME), the time of each search keystroke while typing queries, and with `--app`, the time the
app takes per move in the tree (each move shows an agenda item of the corpus), and the peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import statistics
import time
from pathlib import Path

QUERIES = ["nuclear disarmament", "verification", "消极安全保证", "许多代表团 treaty", "fissile material stocks"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def search_keystrokes(corpus) -> list[float]:
    """Type each query a character at a time, as the search box does; seconds per keystroke."""
    from brief.search import SearchIndex

    index = SearchIndex(corpus)
    times = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            index.search(query[:end])
            times.append(time.perf_counter() - start)
    return times


async def tree_moves(folder: Path, moves: int = 20) -> tuple[list[float], list[float]]:
    """For each `down` in the tree (each shows the next agenda item's page): the seconds until the new page is
    first drawn, and until the app is idle again (the rest of a long page is added after its first screen;
    Pilot's own wait is included). A search first, so that the peak RSS includes the app's search index."""
    from brief.tui.app import BriefApp
    from brief.tui.widgets.detail import DetailPane

    drawn: list[float] = []
    shown: list[float] = []
    render_lines, show = DetailPane.render_lines, DetailPane.show

    def timed_render_lines(self, crop):
        drawn.append(time.perf_counter())
        return render_lines(self, crop)

    def timed_show(self, *args, **kwargs):
        shown.append(time.perf_counter())
        return show(self, *args, **kwargs)

    DetailPane.render_lines, DetailPane.show = timed_render_lines, timed_show
    app = BriefApp(briefs_dir=folder, lang="en")
    first_draw, settled = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"treaty", "escape")
        app.query_one("Navigator").focus()
        await pilot.pause()
        for _ in range(moves):
            view = app.current_view
            start = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            if app.current_view != view:  # a document's node shows no new page
                first_draw.append(min(t for t in drawn if t > shown[-1]) - start)
                settled.append(time.perf_counter() - start)
    return first_draw, settled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("briefs", type=Path)
    parser.add_argument("--app", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    from brief.cache import BriefCache
    from brief.loader import load

    corpus = load(args.briefs, cache=BriefCache())  # as the app loads (the caller picks the cache folder)
    load_s = time.perf_counter() - start
    result = {"points": corpus.point_count(), "briefs": len(corpus.briefs), "errors": len(corpus.errors),
              "load_s": load_s}
    keys = search_keystrokes(corpus)
    result.update(search_median_ms=statistics.median(keys) * 1000, search_max_ms=max(keys) * 1000)
    del corpus  # the app loads its own
    gc.collect()
    if args.app:
        first_draw, settled = asyncio.run(tree_moves(args.briefs))
        result.update(move_median_ms=statistics.median(first_draw) * 1000, move_max_ms=max(first_draw) * 1000,
                      settle_median_ms=statistics.median(settled) * 1000)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
