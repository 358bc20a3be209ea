#!/usr/bin/env python3
"""The performance targets, measured side by side in one run, each printed with its target and PASS/FAIL.

    python benchmarks/run.py            # everything: start, export, check, and corpora of 5k, 50k, 100k points
    python benchmarks/run.py --quick    # fewer repetitions, corpora of 5k and 50k points
    python benchmarks/run.py --sizes ""  # start, export and check only

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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
CORPUS = HERE / ".corpus"
POINTS_PER_BRIEF = 100

rows: list[tuple[str, str, str, bool | None]] = []


def report(name: str, value: str, target: str, ok: bool | None) -> None:
    rows.append((name, value, target, ok))
    verdict = "" if ok is None else ("PASS" if ok else "FAIL")
    print(f"  {name:<48} {value:>18}   {target:<18} {verdict}", flush=True)


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured process: bytecode caching on, as on a user's machine (some sandboxes set
    PYTHONDONTWRITEBYTECODE, which would make every start compile every module)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
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
    }, runs, env)
    bare, app, export, check = found["bare"], found["brief"], found["export"], found["check"]
    report("bare Textual app (tree, scroll, footer): spawn to ready", f"{bare:.3f} s", "", None)
    report("brief app on the bundled briefs: spawn to ready", f"{app:.3f} s", "", None)
    report("  ratio brief / bare", f"{app / bare:.2f}x", "<= 1.3x", app / bare <= 1.3)
    report("the `brief` command as typed (its arguments parsed)", f"{found['command']:.3f} s", "", None)
    report("  ratio command / bare", f"{found['command'] / bare:.2f}x", "", None)
    report("brief export cd-2105-nsa (whole process)", f"{export:.3f} s", "", None)
    report("  ratio export / app start", f"{export / app:.2f}x", "<= 0.4x", export / app <= 0.4)
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


def probe(folder: Path, cache: str, app: bool) -> dict:
    command = [PYTHON, str(HERE / "scale_probe.py"), str(folder), *(["--app"] if app else [])]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT,
                            env=environment({"XDG_CACHE_HOME": cache, "XDG_CONFIG_HOME": cache,
                                             "XDG_DATA_HOME": cache})).stdout
    return json.loads(output.strip().splitlines()[-1])


def scale(sizes: list[int]) -> None:
    print(f"Scale (synthetic corpora of {POINTS_PER_BRIEF}-point briefs)")
    curve = []
    for points in sizes:
        folder = corpus(points)
        with tempfile.TemporaryDirectory() as cache:
            cold = probe(folder, cache, app=False)
            warm = probe(folder, cache, app=points == 50_000)
        assert cold["errors"] == warm["errors"] == 0 and cold["points"] == warm["points"] == points
        curve.append((points, cold["load_s"], warm["load_s"], warm["peak_rss_mb"]))
        report(f"{points:>7} points: cold load and validate", f"{cold['load_s']:.2f} s", "(correct)", None)
        target = points <= 50_000
        report(f"{points:>7} points: warm load (cache)", f"{warm['load_s']:.2f} s",
               "<= 1.5 s" if target else "", warm["load_s"] <= 1.5 if target else None)
        report(f"{points:>7} points: search keystroke, median / max",
               f"{warm['search_median_ms']:.1f} / {warm['search_max_ms']:.1f} ms",
               "<= 50 ms" if target else "", warm["search_max_ms"] <= 50 if target else None)
        if "move_median_ms" in warm:
            report(f"{points:>7} points: tree move, key to new page drawn",
                   f"{warm['move_median_ms']:.0f} / {warm['move_max_ms']:.0f} ms", "median <= 100 ms",
                   warm["move_median_ms"] <= 100)
            report(f"{points:>7} points: tree move, key to app idle (median)",
                   f"{warm['settle_median_ms']:.0f} ms", "", None)
        report(f"{points:>7} points: peak RSS" + (" (with the app)" if "move_median_ms" in warm else ""),
               f"{warm['peak_rss_mb']:.0f} MB", "<= 300 MB" if target else "",
               warm["peak_rss_mb"] <= 300 if target else None)
    print("Growth (per 1,000 points; flat columns mean linear growth)")
    for points, cold, warm, rss in curve:
        print(f"  {points:>7} points: cold {cold / points * 1000 * 1000:7.1f} ms, warm "
              f"{warm / points * 1000 * 1000:6.1f} ms, RSS {rss:6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description="brief's performance targets")
    parser.add_argument("--quick", action="store_true", help="fewer runs; corpora of 5k and 50k points")
    parser.add_argument("--sizes", help="corpus sizes in points, comma-separated (default 5000,50000,100000; "
                                             "empty for none)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] if args.sizes is not None else (
        [5_000, 50_000] if args.quick else [5_000, 50_000, 100_000])
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    with tempfile.TemporaryDirectory() as cache:
        start_and_commands(5 if args.quick else 15, cache)
    scale(sizes)
    failed = [name for name, _, _, ok in rows if ok is False]
    print(f"{len([r for r in rows if r[3] is not None]) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
