"""Full garbage collections while the user is idle (`brief.tui.collector`): with Python's real collector, and in
the real app driven by Pilot."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from brief.tui.app import BriefApp
from brief.tui.collector import NEVER, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Node:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def cycle_in_the_old_generation() -> weakref.ref[Node]:
    """A dead cycle that young collections have moved to the old generation (where only a full one looks)."""
    node = Node()
    ref = weakref.ref(node)
    gc.collect(1)  # survives into the old generation: alive while collected
    del node
    gc.collect(1)  # dead now, but the young and middle generations no longer hold it
    return ref


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def collector(clock: Clock) -> Iterator[IdleCollector]:
    found = IdleCollector(idle_seconds=1.0, force_after=50, clock=clock)
    saved = gc.get_threshold()
    found.start()
    yield found
    found.stop()
    assert gc.get_threshold() == saved


def test_python_no_longer_runs_full_collections_on_its_own(collector: IdleCollector) -> None:
    young, middle, old = gc.get_threshold()
    assert old == NEVER
    assert (young, middle) != (0, 0)  # the young generations are still Python's


def test_a_full_collection_waits_until_the_user_is_idle(collector: IdleCollector, clock: Clock) -> None:
    ref = cycle_in_the_old_generation()
    collector.input_seen()
    clock.now += 0.5
    assert not collector.tick()
    assert ref() is not None  # still there: the user pressed a key half a second ago
    clock.now += 0.6
    assert collector.tick()
    assert ref() is None
    assert collector.runs == 1
    assert not collector.tick()  # nothing reached the old generation since


def test_a_busy_user_cannot_make_garbage_pile_up(collector: IdleCollector, clock: Clock) -> None:
    ref = cycle_in_the_old_generation()
    for _ in range(60):  # middle collections while a key comes every 10 ms
        gc.collect(1)
        clock.now += 0.01
        collector.input_seen()
        if collector.tick():
            break
    assert ref() is None
    assert collector.runs == 1


def test_not_started_or_during_a_load_it_does_nothing(clock: Clock) -> None:
    idle = IdleCollector(clock=clock)
    clock.now += 10
    cycle_in_the_old_generation()
    assert not idle.tick()  # not started: Python's own rules
    idle.start()
    try:
        cycle_in_the_old_generation()
        clock.now += 10
        gc.disable()  # as the loader does while it reads
        try:
            assert not idle.tick()
        finally:
            gc.enable()
        assert idle.tick()
    finally:
        idle.stop()


async def test_the_app_owns_full_collections_while_it_runs(briefs_dir: Path) -> None:
    saved = gc.get_threshold()
    app = BriefApp(briefs_dir=briefs_dir, lang="en", watch_interval=0.05)
    async with app.run_test() as pilot:
        assert app.collector.started
        assert gc.get_threshold()[2] == NEVER
        app.collector.idle_seconds = 0.2
        ref = cycle_in_the_old_generation()
        seen = app.collector.last_input
        await pilot.press("down")
        assert app.collector.last_input > seen  # the key counts as the user's
        before = app.collector.runs
        await pilot.pause(1.0)  # idle: the app's timer collects
        assert app.collector.runs > before
        assert ref() is None
    assert gc.get_threshold() == saved
