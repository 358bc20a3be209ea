#!/usr/bin/env python3
"""The performance targets, measured side by side in one run, each printed with its target and PASS/FAIL.

    python benchmarks/run.py            # everything: start, export, check, and corpora of 5k, 50k, 100k points
    python benchmarks/run.py --quick    # fewer repetitions, corpora of 5k and 50k points
    python benchmarks/run.py --sizes ""  # start, export and check only
    python benchmarks/run.py --before DIR  # also time the cold check of another checkout (DIR), in the same run
    python benchmarks/run.py --no-keys     # without the keys (benchmarks/keys.py: key press to screen idle)

Whole processes are timed (interpreter start included), the median of several runs, alternating the things
compared so that a busy moment of the machine hits both. Synthetic corpora are made by
`benchmarks/make_corpus.py` into `benchmarks/.corpus/` (kept between runs; not in git). Cold loads run with an
empty cache folder, warm loads with the cache the cold load left.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
CORPUS = HERE / ".corpus"
POINTS_PER_BRIEF = 100

rows: list[tuple[str, str, str, bool | None]] = []


def report(name: str, value: str, target: str, ok: bool | None, note: str = "") -> None:
    rows.append((name, value, target, ok))
    verdict = "" if ok is None else ("PASS" if ok else "FAIL")
    print(f"  {name:<48} {value:>18}   {target:<18} {verdict:<4}  {note}".rstrip(), flush=True)


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured process: bytecode caching on, as on a user's machine (some sandboxes set
    PYTHONDONTWRITEBYTECODE, which would make every start compile every module)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def timed(command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd,
                   env=environment(env))
    return time.perf_counter() - start


def to_ready(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from spawning `command` (benchmarks/start_app.py) to the app's first interactive screen, as the
    app reports it."""
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT,
                            env=environment({**(env or {}), "START_TIME": repr(time.time())})).stdout
    return float(output.split()[-1])


def medians(commands: dict[str, list[str]], runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """The median time of each command, run in turns: to the app's first screen for start_app.py, else the
    whole process."""
    def measure(command: list[str], extra: dict[str, str] | None = None) -> float:
        both = {**(env or {}), **(extra or {})}
        return to_ready(command, both) if str(HERE / "start_app.py") in command else timed(command, both)

    times: dict[str, list[float]] = {name: [] for name in commands}
    # One warm-up each, as a user who has opened the app before: the OS file cache, .pyc files, brief's cache,
    # and what the app saves when it is left (the warm-up app exits normally; measured runs stop at ready).
    for command in commands.values():
        measure(command, {"START_EXIT": "normal"})
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(measure(command))
    return {name: statistics.median(values) for name, values in times.items()}


def start_and_commands(runs: int, cache: str) -> None:
    print(f"Start and command line (bundled briefs; median of {runs} runs)")
    env = {"XDG_CACHE_HOME": cache, "XDG_CONFIG_HOME": cache, "XDG_DATA_HOME": cache}
    found = medians({
        "bare": [PYTHON, str(HERE / "start_app.py"), "bare"],
        "brief": [PYTHON, str(HERE / "start_app.py"), "brief"],
        "command": [PYTHON, str(HERE / "start_app.py"), "command"],
        "export": [PYTHON, "-m", "brief", "export", "cd-2105-nsa", "--lang", "en"],
        "check": [PYTHON, "-m", "brief", "check"],
        "imports": [PYTHON, "-c", "import yaml, msgspec"],  # the floor for the export
    }, runs, env)
    bare, app, export, check = found["bare"], found["brief"], found["export"], found["check"]
    report("bare Textual app (tree, scroll, footer): spawn to ready", f"{bare:.3f} s", "", None)
    # The target is on the command a user types: it freezes what the imports made out of the collector's sight
    # before the app starts (brief.cli.run_app); the app class started on its own does not.
    report("brief app class alone on the bundled briefs: spawn to ready", f"{app:.3f} s", "", None)
    report("  ratio app class / bare", f"{app / bare:.2f}x", "", None)
    report("the `brief` command as typed (its arguments parsed)", f"{found['command']:.3f} s", "", None)
    report("  ratio command / bare", f"{found['command'] / bare:.2f}x", "<= 1.2x", found["command"] / bare <= 1.2)
    report("brief export cd-2105-nsa (whole process)", f"{export:.3f} s", "", None)
    imports = found["imports"]
    report("`python -c 'import yaml, msgspec'` (whole process)", f"{imports:.3f} s", "", None)
    report("  ratio export / import yaml, msgspec", f"{export / imports:.2f}x", "<= 1.2x", export / imports <= 1.2)
    report("  ratio export / app start", f"{export / app:.2f}x", "", None)
    report("brief check on the bundled briefs", f"{check:.3f} s", "<= 0.5 s", check <= 0.5)


def corpus(points: int) -> Path:
    briefs = points // POINTS_PER_BRIEF
    folder = CORPUS / f"{points}"
    if not (folder / "briefs" / f"synthetic-{briefs - 1}.yaml").is_file():
        print(f"  (making a corpus of {points} points in {folder} ...)", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([PYTHON, str(HERE / "make_corpus.py"), str(folder), "--briefs", str(briefs),
                        "--points", str(POINTS_PER_BRIEF)], check=True)
    return folder / "briefs"


def probe(folder: Path, cache: str, *flags: str) -> dict[str, Any]:
    command = [PYTHON, str(HERE / "scale_probe.py"), str(folder), *flags]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT,
                            env=environment({"XDG_CACHE_HOME": cache, "XDG_CONFIG_HOME": cache,
                                             "XDG_DATA_HOME": cache})).stdout
    found: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return found


def scale(sizes: list[int]) -> None:
    print(f"Scale (synthetic corpora of {POINTS_PER_BRIEF}-point briefs)")
    curve = []
    for points in sizes:
        folder = corpus(points)
        with tempfile.TemporaryDirectory() as cache:
            cold = probe(folder, cache)
            warm = probe(folder, cache, *(["--app"] if points == 50_000 else []))
            if points == 50_000:
                warm.update(probe(folder, cache, "--search"))
        if points == 50_000:  # the floor of "to idle": the same moves and waits of Pilot's, on the bundled briefs
            with tempfile.TemporaryDirectory() as cache:
                warm["floor_settle_median_ms"] = probe(ROOT / "briefs", cache, "--app")["settle_median_ms"]
        assert cold["errors"] == warm["errors"] == 0 and cold["points"] == warm["points"] == points
        curve.append((points, cold["load_s"], warm["load_s"], warm["peak_rss_mb"]))
        report(f"{points:>7} points: cold load and validate", f"{cold['load_s']:.2f} s", "(correct)", None)
        target = points <= 50_000
        report(f"{points:>7} points: warm load (cache)", f"{warm['load_s']:.2f} s",
               "<= 1.5 s" if target else "", warm["load_s"] <= 1.5 if target else None)
        for name, label in (("first", "keystroke, first screenful"), ("back", "backspace, first screenful"),
                            ("all", "keystroke, every match (the count)")):
            median, most = warm[f"index_{name}_ms"]
            report(f"{points:>7} points: search index, {label}", f"{median:.1f} / {most:.1f} ms", "", None)
        if "app_key_ms" in warm:
            for name, label in (("key", "keystroke"), ("back", "backspace")):
                median, most = warm[f"app_{name}_ms"]
                floor, floor_most = warm[f"floor_{name}_ms"]
                report(f"{points:>7} points: search {label}, key to results drawn", f"{median:.0f} / {most:.0f} ms",
                       "max <= 50 ms", most <= 50)
                report(f"{points:>7} points:   floor: the same keys, no points", f"{floor:.0f} / {floor_most:.0f} ms",
                       "", None)
                report(f"{points:>7} points:   ratio of medians", f"{median / floor:.2f}x", "", None)
            median, most = warm["app_count_ms"]
            report(f"{points:>7} points:   key to count complete (10 keys/s)", f"{median:.0f} / {most:.0f} ms", "",
                   None)
            report(f"{points:>7} points: search index built after the load (in the background)",
                   f"{warm['app_index_ms'][0]:.0f} ms", "", None)
            report(f"{points:>7} points: `/` opens search", f"{warm['app_open_ms'][0]:.0f} ms", "", None)
        if "move_median_ms" in warm:
            report(f"{points:>7} points: tree move, key to new page drawn",
                   f"{warm['move_median_ms']:.0f} / {warm['move_max_ms']:.0f} ms", "median <= 100 ms",
                   warm["move_median_ms"] <= 100)
            report(f"{points:>7} points: tree move, key to app idle (median, Pilot's waits included)",
                   f"{warm['settle_median_ms']:.0f} ms", "", None)
            floor = warm["floor_settle_median_ms"]
            report(f"{points:>7} points:   floor: the same on the bundled briefs (Pilot's waits)", f"{floor:.0f} ms",
                   "", None)
            report(f"{points:>7} points:   ratio", f"{warm['settle_median_ms'] / floor:.2f}x", "", None)
        report(f"{points:>7} points: peak RSS" + (" (with the app)" if "move_median_ms" in warm else ""),
               f"{warm['peak_rss_mb']:.0f} MB", "<= 300 MB" if target else "",
               warm["peak_rss_mb"] <= 300 if target else None)
        if points >= 100_000:  # the target: 2 KB a point (KB and MB of 1,024, as the kernel counts RSS)
            per_point = warm["peak_rss_mb"] * 1024 / points
            report(f"{points:>7} points:   peak RSS a point", f"{per_point:.3f} KB", "<= 2 KB", per_point <= 2)
    print("Growth (per 1,000 points; flat columns mean linear growth)")
    for points, cold, warm, rss in curve:
        print(f"  {points:>7} points: cold {cold / points * 1000 * 1000:7.1f} ms, warm "
              f"{warm / points * 1000 * 1000:6.1f} ms, RSS {rss:6.0f} MB")

#: `python -c` code that runs `brief` on the first processor it may use only, so that the pool has no second one.
ONE_CORE = ("import os, runpy, sys; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
            "sys.argv = ['brief', *sys.argv[1:]]; runpy.run_module('brief', run_name='__main__')")


def in_turns(commands: dict[str, tuple[list[str], Path]], runs: int,
             env: dict[str, str] | None = None) -> dict[str, float]:
    """The median wall time of each whole process (command, working folder), run in turns after one warm-up."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command, cwd in commands.values():
        timed(command, env, cwd)
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            times[name].append(timed(command, env, cwd))
    return {name: statistics.median(values) for name, values in times.items()}


def check_corpus(folder: Path, runs: int, before: Path | None) -> None:
    """`brief check` of a large folder: cold, after one edit, the quote check, and where a pool pays."""
    points = folder.parent.name
    print(f"brief check at {int(points):,} points (median of {runs} runs, whole processes, in turns)")
    check = [PYTHON, "-m", "brief", "check", "--no-cache", "--briefs", str(folder)]
    commands = {"check": (check, ROOT), "floor": ([PYTHON, str(HERE / "yaml_floor.py"), str(folder)], ROOT)}
    if hasattr(os, "sched_setaffinity"):
        commands["one core"] = ([PYTHON, "-c", ONE_CORE, *check[3:]], ROOT)
    if before is not None:
        commands["before"] = ([PYTHON, "-m", "brief", "check", "--briefs", str(folder)], before)
    found = in_turns(commands, runs)
    floor = found["floor"]
    report("floor: yaml.load(f, CSafeLoader), the same files", f"{floor:.2f} s", "", None)
    report(f"cold `brief check --no-cache` ({os.cpu_count()} cores)", f"{found['check']:.2f} s", "", None)
    report("  ratio check / floor", f"{found['check'] / floor:.2f}x", "<= 1.2x (aim 1.0x)",
           found["check"] / floor <= 1.2)
    if "one core" in found:
        report("cold `brief check --no-cache` on one core", f"{found['one core']:.2f} s", "", None)
        report("  ratio one core / floor", f"{found['one core'] / floor:.2f}x", "", None)
    if "before" in found:
        report(f"before ({before}): cold `brief check`", f"{found['before']:.2f} s", "", None)
        report("  ratio before / floor", f"{found['before'] / floor:.2f}x", "", None)
        report("  ratio check / before", f"{found['check'] / found['before']:.2f}x", "", None)
    with tempfile.TemporaryDirectory() as cache:
        edited_check(folder, runs, {"XDG_CACHE_HOME": cache})
        quote_check(folder, Path(cache) / "brief" / "briefs")
    pool_threshold(folder)


def edited_check(folder: Path, runs: int, env: dict[str, str]) -> None:
    check = [PYTHON, "-m", "brief", "check", "--briefs", str(folder)]
    report("cold `brief check`, filling the cache", f"{timed(check, env):.2f} s", "", None)
    target = folder / "synthetic-0.yaml"
    original = target.read_bytes()
    edited = original.replace(b"Delegations discussed", b"Delegations  discussed", 1)
    edits, warm = [], []
    try:
        for run in range(runs):
            target.write_bytes(edited if run % 2 == 0 else original)
            edits.append(timed(check, env))
            warm.append(timed(check, env))
    finally:
        target.write_bytes(original)
    edit, floor = statistics.median(edits), statistics.median(warm)
    report("`brief check` after editing one file", f"{edit:.2f} s", "<= 1.5 s", edit <= 1.5)
    report("  floor: `brief check`, nothing edited (all cached)", f"{floor:.2f} s", "", None)
    report("  ratio edited / nothing edited", f"{edit / floor:.2f}x", "", None)


def quote_check(folder: Path, cache: Path) -> None:
    """Counting each quote in its seed, whitespace removed (what `brief check` does for every quote), beside
    `str.count` on quote and seed with the whitespace removed beforehand."""
    from brief.cache import BriefCache
    from brief.loader import load
    from brief.model import Divergence
    from brief.sources import Seed, SeedLibrary, compact

    corpus = load(folder, cache=BriefCache(cache))
    seeds = SeedLibrary(folder.parent / "seeds")
    pairs: list[tuple[Seed, str]] = []
    for brief in corpus.briefs:
        seed = seeds.get(brief.document.source)
        for _, point in brief.points():
            holders = point.positions if isinstance(point, Divergence) else (point,)
            pairs.extend((seed, holder.source.quote) for holder in holders)
        pairs.extend((seed, quote) for skipped in brief.skipped for quote in (skipped.quote, skipped.through) if quote)
    texts = {seed.name: compact(seed.text) for seed, _ in pairs}
    compacted = [(texts[seed.name], compact(quote)) for seed, quote in pairs]

    def median_of_five(work: Any) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    measured = median_of_five(lambda: [seed.count(quote) for seed, quote in pairs])
    floor = median_of_five(lambda: [text.count(needle) for text, needle in compacted])
    report(f"quote check, {len(pairs):,} quotes (Seed.count)", f"{measured:.3f} s", "", None)
    report("  floor: str.count, whitespace removed beforehand", f"{floor:.3f} s", "", None)
    report("  ratio quote check / str.count", f"{measured / floor:.2f}x", "", None)


def pool_threshold(folder: Path) -> None:
    """Where a pool of processes starts to pay: the same files read by one process and by a pool."""
    from brief import pool
    from brief.loader import brief_files, load

    if pool.available_cores() < 2:
        return
    files = brief_files(folder)
    threshold = pool.POOL_FROM_BYTES
    pool.POOL_FROM_BYTES = 1
    try:
        for count in (4, 8, 16, 32):
            chosen = files[:count]
            size = sum(path.stat().st_size for path in chosen)
            times: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(5):
                for jobs in times:
                    start = time.perf_counter()
                    load(folder, files=chosen, jobs=jobs)
                    times[jobs].append(time.perf_counter() - start)
            one, two = statistics.median(times[1]), statistics.median(times[2])
            report(f"  {count} files ({size / 1e6:.1f} MB): one process / pool of 2",
                   f"{one * 1000:.0f} / {two * 1000:.0f} ms", f"{two / one:.2f}x", None)
    finally:
        pool.POOL_FROM_BYTES = threshold
    report("  a pool is used from (brief.pool.POOL_FROM_BYTES)", f"{threshold / 1e6:.1f} MB", "", None)


def main() -> None:
    parser = argparse.ArgumentParser(description="brief's performance targets")
    parser.add_argument("--quick", action="store_true", help="fewer runs; corpora of 5k and 50k points")
    parser.add_argument("--sizes", help="corpus sizes in points, comma-separated (default 5000,50000,100000; "
                                             "empty for none)")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="a checkout of brief at an earlier commit: its cold check is timed in the same run")
    parser.add_argument("--no-keys", action="store_true", help="leave out the keys (benchmarks/keys.py)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] if args.sizes is not None else (
        [5_000, 50_000] if args.quick else [5_000, 50_000, 100_000])
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory() as cache:
        start_and_commands(5 if args.quick else 15, cache)
    if not args.no_keys:
        import keys  # benchmarks/keys.py, beside this script

        keys.section(report, corpus, 5 if args.quick else 10, keys.SIZES[:1] if args.quick else keys.SIZES,
                     50_000 if 50_000 in sizes else 0)
    scale(sizes)
    if 50_000 in sizes:
        check_corpus(corpus(50_000), 3 if args.quick else 5, args.before)
    failed = [name for name, _, _, ok in rows if ok is False]
    print(f"{len([r for r in rows if r[3] is not None]) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
