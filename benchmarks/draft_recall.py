#!/usr/bin/env python3
"""How much of the curated briefs `brief draft` proposes, per bundled seed, and how fast.

    python benchmarks/draft_recall.py

For each seed that a curated brief cites, the seed is drafted (`brief draft`, the real command, into a temporary
folder) and the draft's quotes are compared with the curated ones, read from whatever briefs/ holds now. A
*unit* is a quote of a consensus, view, proposal or assessment point, or of one position of a divergence; every
quote is placed in the seed's text with whitespace removed, as a span of characters.

- A curated unit is *proposed* when some drafted unit overlaps it by at least half of each: the two spans share
  at least half of the curated quote's characters and at least half of the drafted quote's. A drafted sentence
  that holds a short curated clause among much else does not count, nor does a fragment of a long curated quote.
- Recall: the share of curated units that are proposed (target ≥ 90 %).
- Precision: the share of drafted units of which at least half the characters lie in curated quotes (of one or
  several points): the candidates a curator keeps.
- Support: among the proposed curated units, the share whose drafted unit (the one overlapping most) has the
  same `support` (target ≥ 90 %); a chair's own reading (`assessment`) has none, so a unit that is one in the
  draft or in the brief is left out of this share and counts in the next. Kind: the same, for the point's kind
  (a position's is `divergence`).
- Splits: curated divergences of which some drafted divergence proposes two or more sides (each side a
  proposed position of that divergence, no two on the same drafted side).
- Time: the median of five `brief draft` commands, interpreter start included (target < 1 s), and of the
  drafting itself in this process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from brief.loader import load  # noqa: E402
from brief.model import Divergence  # noqa: E402
from brief.skeleton import skeleton  # noqa: E402
from brief.sources import Seed, SeedLibrary, compact  # noqa: E402

RUNS = 5


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    support: str | None
    kind: str
    point: str  # the point's id: the sides of one divergence share it

    def overlap(self, other: Unit) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


def span(seed: Seed, quote: str, support: str | None, kind: str, point: str) -> Unit:
    needle = compact(quote)
    at = compact(seed.text).find(needle)
    if at < 0:
        raise SystemExit(f"quote not in {seed.name}: {quote[:40]}")
    return Unit(at, at + len(needle), support, kind, point)


def curated_units(seeds: SeedLibrary) -> dict[str, list[Unit]]:
    corpus = load(ROOT / "briefs")
    units: dict[str, list[Unit]] = {}
    for brief in corpus.briefs:
        seed = seeds.get(brief.document.source)
        found = units.setdefault(seed.name, [])
        for _, point in brief.points():
            name = f"{brief.id}/{point.id}"
            if isinstance(point, Divergence):
                found += [span(seed, p.source.quote, p.support, "divergence", name) for p in point.positions]
            else:
                found.append(span(seed, point.source.quote, getattr(point, "support", None), point.kind, name))
    return units


def drafted_units(seed: Seed, text: str) -> list[Unit]:
    data = yaml.safe_load(text)
    units = []
    for topic in data["topics"]:
        for point in topic["points"]:
            if point["kind"] == "divergence":
                units += [span(seed, p["source"]["quote"], p["support"], "divergence", point["id"])
                          for p in point["positions"]]
            else:
                units.append(span(seed, point["source"]["quote"], point.get("support"), point["kind"], point["id"]))
    return units


def proposed(curated: Unit, drafted: list[Unit]) -> Unit | None:
    """The drafted unit that overlaps `curated` most, if it shares at least half of each."""
    best = max(drafted, key=curated.overlap, default=None)
    if best is None:
        return None
    shared = curated.overlap(best)
    return best if 2 * shared >= curated.end - curated.start and 2 * shared >= best.end - best.start else None


def kept(drafted: Unit, curated: list[Unit]) -> bool:
    inside: set[int] = set()
    for unit in curated:
        inside.update(range(max(unit.start, drafted.start), min(unit.end, drafted.end)))
    return 2 * len(inside) >= drafted.end - drafted.start


def splits_found(curated: list[Unit], drafted: list[Unit]) -> tuple[int, int]:
    divergences: dict[str, list[Unit]] = {}
    for unit in curated:
        if unit.kind == "divergence":
            divergences.setdefault(unit.point, []).append(unit)
    found = 0
    for positions in divergences.values():
        by_point: dict[str, set[Unit]] = {}
        for position in positions:
            match = proposed(position, drafted)
            if match is not None and match.kind == "divergence":
                by_point.setdefault(match.point, set()).add(match)
        found += any(len(sides) >= 2 for sides in by_point.values())
    return found, len(divergences)


def command_time(seed: Path) -> float:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(RUNS):
            out = Path(folder) / f"draft-{run}.yaml"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "brief", "draft", str(seed), "--id", "draft", "-o", str(out)],
                           check=True, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    seeds = SeedLibrary(ROOT / "seeds")
    curated = curated_units(seeds)
    header = (f"{'seed':<40} {'curated':>7} {'drafted':>7} {'recall':>7} {'precision':>9} {'support':>7} "
              f"{'kind':>6} {'splits':>7} {'draft':>8} {'command':>8}")
    print(header)
    print("-" * len(header))
    totals = [0] * 9
    ok = True
    for name, units in curated.items():
        seed = seeds.get(name)
        started = time.perf_counter()
        for _ in range(RUNS):
            text = skeleton(seed, "draft").yaml
        drafting = (time.perf_counter() - started) / RUNS
        drafted = drafted_units(seed, text)
        matches = [(unit, proposed(unit, drafted)) for unit in units]
        hits = [(unit, match) for unit, match in matches if match is not None]
        leveled = [(unit, match) for unit, match in hits if unit.support is not None and match.support is not None]
        same_support = sum(unit.support == match.support for unit, match in leveled)
        with_support = len(leveled)
        same_kind = sum(unit.kind == match.kind for unit, match in hits)
        used = sum(kept(unit, units) for unit in drafted)
        found, divergences = splits_found(units, drafted)
        seconds = command_time(ROOT / "seeds" / name)
        ok = ok and seconds < 1
        print(f"{name:<40} {len(units):>7} {len(drafted):>7} {len(hits) / len(units):>7.0%} "
              f"{used / len(drafted):>9.0%} {same_support / max(with_support, 1):>7.0%} "
              f"{same_kind / max(len(hits), 1):>6.0%} {f'{found}/{divergences}':>7} {drafting:>7.3f}s "
              f"{seconds:>7.2f}s")
        for index, value in enumerate((len(units), len(drafted), len(hits), used, same_support, with_support,
                                       same_kind, found, divergences)):
            totals[index] += value
    units_, drafted_, hits_, used_, support_, with_support_, kind_, found_, divergences_ = totals
    recall, support = hits_ / units_, support_ / max(with_support_, 1)
    print("-" * len(header))
    print(f"{'all seeds':<40} {units_:>7} {drafted_:>7} {recall:>7.0%} {used_ / drafted_:>9.0%} {support:>7.0%} "
          f"{kind_ / hits_:>6.0%} {f'{found_}/{divergences_}':>7}")
    print(f"\nrecall {recall:.1%} (target ≥ 90 %): {'PASS' if recall >= 0.9 else 'FAIL'}; "
          f"support {support:.1%} (target ≥ 90 %): {'PASS' if support >= 0.9 else 'FAIL'}; "
          f"every draft under 1 s: {'PASS' if ok else 'FAIL'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
