#!/usr/bin/env python3
"""Measure one corpus in a fresh process and print the figures as JSON (called by `benchmarks/run.py`).

    python benchmarks/scale_probe.py BRIEFS_DIR [--app | --search]

Figures: the time to load and validate the corpus (cold or warm depends on the cache folder the caller gives
in XDG_CACHE_HOME), the time the search index takes per keystroke while typing and backspacing queries, and
with `--app`, the time the app takes per move in the tree (each move shows an agenda item of the corpus), and the
peak RSS. With `--search`, only the time the app takes per key in the search box (key to results drawn), beside
the same keys over an index of no points.
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

import msgspec

#: Hits the search box asks for first: a screenful at 40 rows.
FIRST_SCREEN = 15
QUERIES = ["nuclear disarmament", "verification", "消极安全保证", "许多代表团 treaty", "fissile material stocks"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def search_keystrokes(corpus) -> dict[str, list[float]]:
    """Type each query a character at a time, then backspace it away, asking the index what the search box
    asks: the first screenful of hits (FIRST_SCREEN); and, typing again afresh, every match counted (as the app
    counts them, `Results.count`, without making a hit of each).
    Seconds per keystroke."""
    from brief.search import SearchIndex

    times: dict[str, list[float]] = {"first": [], "back": [], "all": []}
    index = results = None
    for kind in ("first", "all"):
        # One index at a time, as the app holds it (the peak RSS is the app's, not two indexes'): the last
        # results hold the index's texts while they are being found.
        index = results = None
        index = SearchIndex(corpus)
        for query in QUERIES:
            typed = [query[:end] for end in range(1, len(query) + 1)]
            for text, key in [*((text, kind) for text in typed), *((text, "back") for text in typed[-2::-1])]:
                start = time.perf_counter()
                results = index.search(text)
                if kind == "all":  # as the app counts, between keys: every point tested, no hit drawn
                    while not results.count():
                        pass
                else:
                    results.hits(0, FIRST_SCREEN)
                if kind == "first" or key != "back":
                    times[key].append(time.perf_counter() - start)
    return times


async def search_in_app(folder: Path, gap: float = 0.1, floor: bool = False) -> dict[str, list[float]]:
    """The search box as the user feels it: a key every `gap` seconds (a fast typist) typing each query, then
    backspace over it. For each key: the seconds from the key's arrival (as a terminal sends it) until the screen
    is drawn with that key's results (the first frame after the search; after the key, when the results are the
    same, as for a space), and until the count is complete. And the seconds `/` takes to open the
    search box (the index is built in the background after the load, as a user reads the first page: the probe
    waits for it, and reports how long it took). With `floor`, the same keys in the same box over an index of no points:
    what Textual takes to draw the box and an empty list."""
    from textual import events
    from textual.screen import Screen
    from textual.widgets import OptionList

    from brief.search import SearchIndex
    from brief.tui.app import BriefApp
    from brief.tui.screens.search import SearchScreen

    search_index = BriefApp.search_index
    if floor:
        BriefApp.search_index = lambda self: SearchIndex(msgspec.structs.replace(self.corpus, briefs=()))
    gc.freeze()  # as `brief` does before the app starts (brief.cli.run_app)

    searched: list[float] = []
    cleared: list[float] = []  # the result list emptied for new results
    drawn: list[float] = []
    counted: list[tuple[float, object]] = []
    search, frame, show_count = SearchIndex.search, Screen._compositor_refresh, SearchScreen._show_count
    clear = OptionList.clear_options

    def timed_search(self, query):
        searched.append(time.perf_counter())
        return search(self, query)

    def timed_clear(self):
        if self.id == "results":
            cleared.append(time.perf_counter())
        return clear(self)

    def timed_frame(self):
        frame(self)
        if isinstance(self, SearchScreen):
            drawn.append(time.perf_counter())

    def timed_show_count(self):
        show_count(self)
        if self.results.complete:
            counted.append((time.perf_counter(), self.results))

    SearchIndex.search, Screen._compositor_refresh, SearchScreen._show_count = (timed_search, timed_frame,
                                                                                 timed_show_count)
    OptionList.clear_options = timed_clear
    found: dict[str, list[float]] = {"key": [], "back": [], "count": [], "open": [], "index": []}
    app = BriefApp(briefs_dir=folder, lang="en")
    app.freeze_after_load = True  # as `brief` does
    async with app.run_test(size=(120, 40)) as pilot:
        start = time.perf_counter()
        await pilot.pause()
        await app.workers.wait_for_complete()
        found["index"].append(time.perf_counter() - start)

        async def press(key: str, char: str | None) -> tuple[float, float]:
            start = time.perf_counter()
            app._driver.send_message(events.Key(key, char))
            while not (searched and searched[-1] > start):
                await asyncio.sleep(0)
            shown = searched[-1] if cleared and cleared[-1] > start else start  # new results, or the same
            while not (drawn and drawn[-1] > shown):
                await asyncio.sleep(0)
            first_draw = min(t for t in drawn if t > shown) - start
            screen = app.screen
            while time.perf_counter() < start + gap:
                await asyncio.sleep(0.002)
            done = [t for t, results in counted if t > start and results is screen.results]
            return first_draw, (done[0] - start) if done else float("nan")

        start = time.perf_counter()
        await pilot.press("slash")
        found["open"].append(time.perf_counter() - start)
        for query in QUERIES:
            for char in query:
                draw, count = await press("space" if char == " " else char, char)
                found["key"].append(draw)
                found["count"].append(count)
            for _ in query[1:]:
                draw, _count = await press("backspace", None)
                found["back"].append(draw)
            await press("backspace", None)
    SearchIndex.search, Screen._compositor_refresh, SearchScreen._show_count = search, frame, show_count
    OptionList.clear_options = clear
    BriefApp.search_index = search_index
    return found


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
    app.freeze_after_load = True  # as `brief` does
    first_draw, settled = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"treaty", "escape")
        app.query_one("Navigator").focus()
        await pilot.pause()
        for _ in range(moves):
            view = app.main.current_view
            start = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            if app.main.current_view != view:  # a document's node shows no new page
                first_draw.append(min(t for t in drawn if t > shown[-1]) - start)
                settled.append(time.perf_counter() - start)
    return first_draw, settled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("briefs", type=Path)
    parser.add_argument("--app", action="store_true")
    parser.add_argument("--search", action="store_true", help="only the search box in the app, and its floor")
    args = parser.parse_args()
    if args.search:  # a process of its own, so that the other figures (the peak RSS) are the app's alone
        result: dict[str, object] = {}
        for prefix, floor in (("app", False), ("floor", True)):
            for name, values in asyncio.run(search_in_app(args.briefs, floor=floor)).items():
                counted = [value for value in values if value == value]  # a count going on at the next key: NaN
                result[f"{prefix}_{name}_ms"] = [statistics.median(counted) * 1000, max(counted) * 1000]
        print(json.dumps(result))
        return

    start = time.perf_counter()
    from brief.cache import BriefCache
    from brief.loader import load

    corpus = load(args.briefs, cache=BriefCache())  # as the app loads (the caller picks the cache folder)
    load_s = time.perf_counter() - start
    result = {"points": corpus.point_count(), "briefs": len(corpus.briefs), "errors": len(corpus.errors),
              "load_s": load_s}
    for name, values in search_keystrokes(corpus).items():
        result[f"index_{name}_ms"] = [statistics.median(values) * 1000, max(values) * 1000]
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
