#!/usr/bin/env python3
"""What the user waits for, key by key: the time from a key press to the screen updated and the app idle, in the
real app on a pseudo-terminal, beside the same measure on a bare Textual app (the floor: Textual's own cost).

    python benchmarks/keys.py                 # bundled briefs at 100x30, 80x24, 200x60; 50,000 points at 100x30
    python benchmarks/keys.py --quick         # fewer presses, 100x30 only
    python benchmarks/keys.py --points 0      # the bundled briefs only
    python benchmarks/keys.py --cross-check   # the same presses timed inside the app too (Textual's idle signal)
    python benchmarks/keys.py --profile "tree move,l: language"   # where the time goes (needs pyinstrument)

The method. The app is started as a user starts it, `python -m brief --briefs DIR --lang en`, with
TERM=xterm-256color and empty config, data and cache folders of its own, on a pseudo-terminal of the given size
(the `pty` module); this script is the terminal: it reads everything the app writes as it comes and notes when.
The app is started once before, to fill its cache, as a user who has opened it before. Each key's bytes are
written as a terminal sends them (escape as the lone ESC byte of xterm and tmux, which Textual holds for
ESCDELAY, 100 ms, in case a sequence follows: the bare app's escape shows that part). A key's time runs from
that write to the last byte of the app's answer. The answer is over when the app has written nothing for a
settle window (50 ms) and its threads, running or ready to run, took under 5 % of the time in that window
(/proc/PID/task/*/schedstat: the test Textual's own `wait_for_idle` makes, from outside, with the time a thread
waits for a CPU counted as busy, so that this machine's load does not pass for idle). The window itself is not
counted, as the time ends at the last byte written, not at the end of the silence. The app must be idle in the
same sense before each key.

Why the CPU test: the app writes one answer in several frames and computes between them, 100 ms and more at a
time (a dialog, a page at 50,000 points); silence alone would need a window longer than the longest of those
computations, and a window that long would catch the text cursor's next blink (every 500 ms) as part of the
answer. With the CPU test, the window only has to outlast the frames the app schedules on a timer while it
sleeps; each run measures those first, one round with a long window, and prints the longest beside the window.

On a shared machine, a key's time also holds the moments the app was ready to run but another process had the
CPU. Each row gives the time less what the app's main thread (the one that handles keys and draws) waited for a
CPU, which is what a machine that runs nothing else would show, and beside it the time as measured and the
wait. Each key is pressed `--runs` times, in rounds that go through every key (so that a busy moment hits all
keys alike), the apps of one size in turns. PASS/FAIL is on the median, less the wait, except the search
keystroke at 50,000 points, whose target is a maximum.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import contextlib
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
SIZES = ((100, 30), (80, 24), (200, 60))
#: The settle window: no output for this long, and the app's threads under IDLE_SHARE of a core meanwhile.
WINDOW = 0.050
IDLE_SHARE = 0.05
#: The window of the calibration round, which measures how long the app sleeps between two frames of one answer.
CALIBRATION_WINDOW = 0.250
#: Textual removes a notification after App.NOTIFICATION_TIMEOUT (5 s): no key is timed across that moment.
NOTIFICATION_TIMEOUT = 5.0
#: Typed in the search box, one a round, a character a keystroke.
QUERIES = ("treaty", "消极安全保证", "nuclear weapons")

ESC, ENTER, BACKSPACE, DOWN, UP, CTRL_P, CTRL_Q = b"\x1b", b"\r", b"\x7f", b"\x1b[B", b"\x1b[A", b"\x10", b"\x11"


@dataclass(frozen=True)
class Key:
    """A key of the benchmark: the row it is counted in, the bytes a terminal sends for it, and the bare app's
    key of the same kind (its floor)."""

    label: str
    data: bytes
    floor: str
    cursor: bool = False  # a text cursor blinks after it (its blinks are not an answer: not for calibration)
    toast: bool = False  # it shows a notification, which goes NOTIFICATION_TIMEOUT later


#: The bare app's keys (benchmarks/start_app.py bare --stay), by the kind of work they floor.
#: The palette's floor is Textual's own palette (ctrl+p in any Textual app) opening over the bare app.
FLOORS = {"line": "x: a line updated", "escape": "escape (ESC byte): a line updated", "tree": "tree move",
          "list": "list move", "palette": "ctrl+p: Textual's palette opens"}
BARE_KEYS = [Key(FLOORS["line"], b"x", "line"), Key(FLOORS["line"], b"x", "line"),
             Key(FLOORS["escape"], ESC, "escape"), Key(FLOORS["escape"], ESC, "escape"),
             Key(FLOORS["tree"], DOWN, "tree"), Key(FLOORS["tree"], UP, "tree"),
             Key(FLOORS["list"], b"j", "list"), Key(FLOORS["list"], b"k", "list"),
             Key(FLOORS["palette"], CTRL_P, "palette", cursor=True), Key("escape: Textual's palette closes", ESC,
                                                                        "escape")]

SEARCH_KEY, TREE_MOVE = "search keystroke (results updated)", "tree move (down / up)"


def brief_keys(query: str) -> list[Key]:
    """One round of brief's keys, from the tree on the first agenda item back to it. The notes come first: the
    notification their closing shows goes while the other keys are timed."""
    return [
        Key("n: notes open", b"n", "line", cursor=True),
        Key("escape: notes close (and are saved)", ESC, "escape", toast=True),
        Key("l: language", b"l", "line"), Key("l: language", b"l", "line"),
        Key("e: export dialog opens", b"e", "line"), Key("escape: export dialog closes", ESC, "escape"),
        Key("?: help opens", b"?", "line"), Key("escape: help closes", ESC, "escape"),
        Key("ctrl+p: palette opens", CTRL_P, "palette", cursor=True),
        Key("escape: palette closes", ESC, "escape"),
        Key("/: search opens", b"/", "line", cursor=True),
        *(Key(SEARCH_KEY, character.encode(), "line", cursor=True) for character in query),
        *(Key("search backspace (results updated)", BACKSPACE, "line", cursor=True) for _ in query),
        Key("escape: search closes", ESC, "escape"),
        Key(TREE_MOVE, DOWN, "tree"), Key(TREE_MOVE, UP, "tree"),
        Key("enter: agenda item opened (to its points)", ENTER, "line"),
        Key("point move (j / k)", b"j", "list"), Key("point move (j / k)", b"k", "list"),
        Key("space: mark / unmark", b" ", "line"), Key("space: mark / unmark", b" ", "line"),
        Key("escape: back to the tree", ESC, "escape"),
    ]


@dataclass
class Answer:
    """What the app wrote after one key, in seconds from the key's write."""

    first: float
    last: float
    ran: float  # CPU time of the app's threads until its last write
    waited: float  # the time its main thread was ready to run but waited for a CPU (others' load on the machine)
    slept: float  # the longest the app slept between two of its writes (what the settle window must outlast)
    silent: float  # the longest silence between two of its writes, asleep or computing
    spoiled: bool = False  # a notification went meanwhile: not counted

    @property
    def unloaded(self) -> float:
        """The time less the main thread's waits for a CPU: closer to the figure of a machine that runs nothing
        else (the other threads' waits are left in: they overlap the main thread's)."""
        return max(self.last - self.waited, 0.0)


class Sample(NamedTuple):
    """The app's threads at one moment: seconds run on a CPU and waited for one since they started, all
    threads, and the main thread's wait (the thread that handles keys and draws)."""

    at: float
    ran: float
    waited: float
    main_waited: float


def environment(folder: Path) -> dict[str, str]:
    """A user's environment with empty folders of its own; no setting of Textual's or of the terminal's from
    this one (bytecode caching on, as on a user's machine)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONDONTWRITEBYTECODE", "COLORTERM", "ESCDELAY") and not key.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", XDG_CACHE_HOME=str(folder / "cache"), XDG_CONFIG_HOME=str(folder / "config"),
               XDG_DATA_HOME=str(folder / "data"))
    return env


class Terminal:
    """An app on a pseudo-terminal: what it writes and when, and how busy its threads are."""

    def __init__(self, argv: list[str], size: tuple[int, int], env: dict[str, str]) -> None:
        columns, rows = size
        winsize = struct.pack("HHHH", rows, columns, 0, 0)
        pid, fd = pty.fork()
        if pid == 0:  # the app's side: the terminal is its controlling terminal, stdin, stdout and stderr
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.chdir(ROOT)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.writes: list[float] = []  # when each chunk the app wrote was read
        self.seen: list[Sample] = []  # how busy the app's threads were, every few ms
        self.notification_goes: tuple[float, float] | None = None  # between when and when
        self.pressed_at = 0.0  # when the last key was written
        self.alive = True

    def threads(self) -> Sample:
        """The app's threads, from /proc/PID/task/*/schedstat (a thread that has ended drops out, which the
        differences below tolerate)."""
        ran = waited = main_waited = 0
        try:
            tasks = os.listdir(f"/proc/{self.pid}/task")
        except OSError:
            tasks = []
        for task in tasks:
            try:
                with open(f"/proc/{self.pid}/task/{task}/schedstat", "rb") as stat:
                    fields = stat.read().split()
                ran, waited = ran + int(fields[0]), waited + int(fields[1])
                main_waited = int(fields[1]) if task == str(self.pid) else main_waited
            except (OSError, ValueError, IndexError):
                continue
        return Sample(time.perf_counter(), ran / 1e9, waited / 1e9, main_waited / 1e9)

    def _read(self, timeout: float) -> float:
        """Read what the app writes within `timeout` seconds, and how busy it is; return the time."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        now = time.perf_counter()
        if ready:
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:  # the app has ended: EIO on Linux
                data = b""
            if data:
                self.writes.append(now)
            else:
                self.alive = False
                time.sleep(timeout)
        self.seen.append(self.threads())
        return now

    def settle(self, since: float, window: float = WINDOW, timeout: float = 10.0,
               answer_needed: bool = True) -> Answer | None:
        """Wait until the app has been idle for `window`: nothing written, its threads running or ready to run
        under IDLE_SHARE of the time (so that a thread kept waiting by the machine's load counts as busy). The
        answer: what it wrote after `since` (None if nothing within `timeout`)."""
        first_write, first_sample = len(self.writes), len(self.seen)
        self.seen.append(self.threads())
        while True:
            now = self._read(0.005)
            if not self.alive:
                raise RuntimeError(f"the app (pid {self.pid}) ended")
            wrote = len(self.writes) > first_write
            quiet_from = self.writes[-1] if wrote else since
            if now - quiet_from >= window and (wrote or not answer_needed) and self._idle(now, window):
                break
            if now - since > timeout:
                if answer_needed and not wrote:
                    return None
                raise RuntimeError(f"the app did not settle within {timeout} s")
        writes, samples = self.writes[first_write:], self.seen[first_sample:]
        if not writes:
            return None
        slept = silent = 0.0
        for start, end in zip(writes, writes[1:]):
            silent = max(silent, end - start)
            slept = max(slept, self._longest_sleep(samples, start, end))
        # The sample taken just after the last write was read, against the one taken at `since`.
        at_last = next(sample for sample in samples if sample.at >= writes[-1])
        return Answer(writes[0] - since, writes[-1] - since, at_last.ran - samples[0].ran,
                      at_last.main_waited - samples[0].main_waited, slept, silent)

    def _idle(self, now: float, window: float) -> bool:
        start = next((sample for sample in reversed(self.seen) if sample.at <= now - window), None)
        if start is None:
            return False
        last = self.seen[-1]
        return (last.ran + last.waited) - (start.ran + start.waited) <= IDLE_SHARE * (last.at - start.at)

    @staticmethod
    def _longest_sleep(samples: list[Sample], start: float, end: float) -> float:
        """The longest run of samples between `start` and `end` in which the app ran or waited to run under
        IDLE_SHARE of the time."""
        longest = run = 0.0
        inside = [sample for sample in samples if start <= sample.at <= end]
        for before, after in zip(inside, inside[1:]):
            busy = (after.ran + after.waited) - (before.ran + before.waited)
            run = run + (after.at - before.at) if busy <= IDLE_SHARE * (after.at - before.at) else 0.0
            longest = max(longest, run)
        return longest

    def press(self, key: Key, window: float = WINDOW, before: Callable[[], None] | None = None,
              after: Callable[[], None] | None = None) -> Answer | None:
        """Write `key` once the app is idle and no notification is about to go; wait for its answer. An answer
        that a notification's going overlapped anyway (a key slower than the margin) is marked spoiled."""
        if self.notification_goes is not None and time.perf_counter() > self.notification_goes[0] - 3.0:
            while time.perf_counter() < self.notification_goes[1] + 0.2:
                self._read(0.005)
            self.settle(time.perf_counter(), window, answer_needed=False)
            self.notification_goes = None
        self.settle(time.perf_counter(), window, answer_needed=False)
        if before is not None:
            before()
        self.seen.clear()  # what is older than the idle moment just found is not needed any more
        start = self.pressed_at = time.perf_counter()
        os.write(self.fd, key.data)
        answer = self.settle(start, window)
        if after is not None:
            after()
        if answer is not None and self.notification_goes is not None:
            answer.spoiled = start <= self.notification_goes[1] and start + answer.last >= self.notification_goes[0]
        if key.toast and answer is not None:  # its timer starts between the first and last write
            self.notification_goes = (start + answer.first + NOTIFICATION_TIMEOUT,
                                      start + answer.last + NOTIFICATION_TIMEOUT + 0.1)
        return answer

    def ready(self, timeout: float) -> None:
        """Wait for the first screen, and for the app to be idle after it."""
        if self.settle(time.perf_counter(), 0.3, timeout=timeout) is None:
            raise RuntimeError(f"the app wrote nothing within {timeout} s")

    def close(self) -> None:
        """Leave as a user does (ctrl+q); kill the app if it does not end."""
        if self.alive:
            os.write(self.fd, CTRL_Q)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            self._read(0.02)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


# The apps ---------------------------------------------------------------------------------------------------------


def brief_command(folder: Path, inside: Path | None = None, profile: Path | None = None) -> list[str]:
    """`python -m brief` on `folder`; with `inside`/`profile`, the same app under this script's probe."""
    arguments = ["--briefs", str(folder), "--lang", "en"]
    if inside is None and profile is None:
        return [PYTHON, "-m", "brief", *arguments]
    probe = [*(["--inside", str(inside)] if inside else []), *(["--profile-to", str(profile)] if profile else [])]
    return [PYTHON, str(Path(__file__).resolve()), *probe, "--", *arguments]


BARE_COMMAND = [PYTHON, str(HERE / "start_app.py"), "bare", "--stay"]


@contextlib.contextmanager
def started(command: list[str], size: tuple[int, int], folder: Path, warm_up: bool) -> Iterator[Terminal]:
    """The app on a terminal of `size`, ready; with `warm_up`, started and left once before, as a user who has
    opened it before (its cache filled)."""
    env = environment(folder)
    if warm_up:
        first = Terminal(command, size, env)
        first.ready(timeout=600)
        first.close()
    terminal = Terminal(command, size, env)
    try:
        terminal.ready(timeout=120)
        yield terminal
    finally:
        terminal.close()


@dataclass
class Timings:
    """The answers to each key of one app, by row."""

    answers: dict[str, list[Answer]] = field(default_factory=lambda: collections.defaultdict(list))
    missing: dict[str, int] = field(default_factory=lambda: collections.defaultdict(int))
    spoiled: int = 0

    def add(self, key: Key, answer: Answer | None) -> None:
        if answer is None:
            self.missing[key.label] += 1
        elif answer.spoiled:
            self.spoiled += 1
        else:
            self.answers[key.label].append(answer)


def rounds(terminals: dict[str, Terminal], keys: Callable[[str, int], list[Key]], runs: int,
           window: float = WINDOW) -> dict[str, Timings]:
    """Press every key of each app `runs` times: a round of each app in turn."""
    found = {name: Timings() for name in terminals}
    for run in range(runs):
        for name, terminal in terminals.items():
            for key in keys(name, run):
                found[name].add(key, terminal.press(key, window))
    return found


def keys_of(name: str, run: int) -> list[Key]:
    return BARE_KEYS if name == "bare" else brief_keys(QUERIES[run % len(QUERIES)])


# Figures ----------------------------------------------------------------------------------------------------------

Report = Callable[[str, str, str, bool | None, str], None]
Target = Callable[[str], tuple[str, Callable[[list[float]], bool]]]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def bundled_target(label: str) -> tuple[str, Callable[[list[float]], bool]]:
    """The target of a row at the bundled briefs, as text, and the test of its answers' times (seconds)."""
    return "median <= 100 ms", lambda times: statistics.median(times) <= 0.100


def large_target(label: str) -> tuple[str, Callable[[list[float]], bool]]:
    """The target of a row at the synthetic corpus (the targets are those set for 50,000 points)."""
    if label == SEARCH_KEY:
        return "max <= 50 ms", lambda times: max(times) <= 0.050
    if label == TREE_MOVE:
        return "median <= 100 ms", lambda times: statistics.median(times) <= 0.100
    return "median <= 150 ms", lambda times: statistics.median(times) <= 0.150


def floors(bare: Timings) -> dict[str, float]:
    return {kind: statistics.median(answer.unloaded for answer in bare.answers[label])
            for kind, label in FLOORS.items() if label in bare.answers}


def print_app(report: Report, title: str, timings: Timings, floor: dict[str, float], floor_of: dict[str, str],
              target_of: Target | None) -> None:
    """A row for each key: the median and max time less the waits for a CPU, its target and verdict (none for
    the bare app), then the times as measured, the wait, the first write, the first round's press (a first use:
    a dialog's styles parsed, a module imported, the search index built), and the floor with the ratio."""
    print(title + (f" ({timings.spoiled} answers not counted: a notification went meanwhile)"
                   if timings.spoiled else ""), flush=True)
    for label, answers in timings.answers.items():
        times = [answer.unloaded for answer in answers]
        median = statistics.median(times)
        measured = [answer.last for answer in answers]
        note = (f"timed {ms(statistics.median(measured))} / {ms(max(measured))}, waited for a CPU "
                f"{ms(statistics.median(a.waited for a in answers))}; first write "
                f"{ms(statistics.median(a.first for a in answers))}; 1st press {ms(times[0])}")
        target, verdict = "", None
        if target_of is not None:
            target, test = target_of(label)
            verdict = test(times)
            if floor_of[label] in floor:
                note += f"; floor {ms(floor[floor_of[label]])} ms, {median / floor[floor_of[label]]:.1f}x"
        if timings.missing.get(label):
            note += f"; NO ANSWER {timings.missing[label]}x"
        report(f"  {label}", f"{ms(median)} / {ms(max(times))} ms", target, verdict, note)
    for label, count in timings.missing.items():
        if label not in timings.answers:
            report(f"  {label}", "no answer", "", False, f"{count}x: the key changed nothing on screen")


def calibrate(report: Report, folder: Path, size: tuple[int, int], window: float) -> None:
    """One round on the bundled briefs with a long window: the longest the app sleeps inside one answer (what
    the settle window must outlast), and the longest silence inside one (what silence alone would need). Keys
    after which a text cursor blinks are left out (a blink is not an answer)."""
    with tempfile.TemporaryDirectory() as home, \
            started(brief_command(folder), size, Path(home), warm_up=True) as terminal:
        answers = [(key, terminal.press(key, CALIBRATION_WINDOW)) for key in brief_keys(QUERIES[0])]
    timed = [(key, answer) for key, answer in answers if answer is not None and not key.cursor and not answer.spoiled]
    slept = max(timed, key=lambda pair: pair[1].slept)
    silent = max(timed, key=lambda pair: pair[1].silent)
    longer = sum(answer.slept >= window for _, answer in timed)
    print(f"Settle window: one round with a {CALIBRATION_WINDOW * 1000:.0f} ms window, bundled briefs, "
          f"{size[0]}x{size[1]}", flush=True)
    report("  longest the app slept inside one answer", f"{ms(slept[1].slept)} ms", f"window {ms(window)} ms",
           None, f"{slept[0].label}; {longer} of {len(timed)} answers slept longer than the window")
    report("  longest silence inside one answer", f"{ms(silent[1].silent)} ms", "", None,
           f"{silent[0].label}: what a window of silence alone would need")


def section(report: Report, corpus_of: Callable[[int], Path], runs: int, sizes: tuple[tuple[int, int], ...],
            points: int, window: float = WINDOW) -> None:
    """The benchmark's rows: the calibration, then for each size the apps in turns (bundled briefs, the
    synthetic corpus at the first size only, the bare app), each row with its target and floor."""
    bundled = ROOT / "briefs"
    large = corpus_of(points) if points else None
    calibrate(report, bundled, sizes[0], window)
    floor_of = {key.label: key.floor for key in [*brief_keys(QUERIES[0]), *BARE_KEYS]}
    for index, size in enumerate(sizes):
        commands = {"bundled": brief_command(bundled), "bare": BARE_COMMAND}
        if large is not None and index == 0:
            commands["large"] = brief_command(large)
        with tempfile.TemporaryDirectory() as home, contextlib.ExitStack() as stack:
            terminals = {name: stack.enter_context(started(command, size, Path(home) / name, name != "bare"))
                         for name, command in commands.items()}
            found = rounds(terminals, keys_of, runs, window)
        floor = floors(found["bare"])
        where = f"{size[0]}x{size[1]}: key to screen idle, ms, median / max of {runs} rounds"
        print_app(report, f"Keys, bare Textual app (the floor), {where}", found["bare"], floor, floor_of, None)
        print_app(report, f"Keys, bundled briefs, {where}", found["bundled"], floor, floor_of, bundled_target)
        if "large" in found:
            print_app(report, f"Keys, {points:,} points, {where}", found["large"], floor, floor_of, large_target)


# Cross-check and profile: the app under a probe ------------------------------------------------------------------


def run_inside(inside: Path | None, profile_to: Path | None, arguments: list[str]) -> None:
    """Run brief (its command line, `arguments`) with a probe: with `inside`, the time of each key event as the
    app receives it, of each write to the terminal, of the moment Textual itself finds the app idle after a key
    (as Pilot waits between keys: `wait_for_idle`, animations, `wait_for_idle`) and of each garbage collection,
    written to `inside` as JSON at exit; with `profile_to`, a cProfile of the main thread between SIGUSR1 and
    SIGUSR2, saved at exit."""
    import asyncio
    import gc

    from textual import events
    from textual._wait import wait_for_idle
    from textual.app import App
    from textual.drivers.linux_driver import LinuxDriver

    from brief import cli

    if inside is not None:
        seen: dict[str, list[Any]] = {"keys": [], "writes": [], "idle": [], "gc": []}
        write, on_event = LinuxDriver.write, App.on_event
        waiting: set[asyncio.Task[None]] = set()

        def timed_write(self: LinuxDriver, data: str) -> None:
            seen["writes"].append(time.perf_counter())
            write(self, data)

        async def idle_after(app: App[Any], key: str) -> None:
            await wait_for_idle(0)
            await app.animator.wait_until_complete()
            await wait_for_idle(0)
            seen["idle"].append((time.perf_counter(), key))

        async def timed_on_event(self: App[Any], event: events.Event) -> None:
            if isinstance(event, events.Key):
                seen["keys"].append((time.perf_counter(), event.key))
                task = asyncio.get_running_loop().create_task(idle_after(self, event.key))
                waiting.add(task)
                task.add_done_callback(waiting.discard)
            await on_event(self, event)

        collecting: list[float] = []

        def collected(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                collecting.append(time.perf_counter())
            elif collecting:
                seen["gc"].append((collecting.pop(), time.perf_counter(), info["generation"]))

        setattr(LinuxDriver, "write", timed_write)  # noqa: B010 - a probe, set on Textual's class
        setattr(App, "on_event", timed_on_event)  # noqa: B010
        gc.callbacks.append(collected)
        atexit.register(lambda: inside.write_text(json.dumps(seen)))
    if profile_to is not None:
        from pyinstrument import Profiler

        profiling: list[Profiler] = []

        def profile_from(*_: object) -> None:
            profiling[:] = [Profiler(interval=0.0005, async_mode="disabled")]
            profiling[0].start(caller_frame=sys._getframe().f_back)

        def profile_until(*_: object) -> None:
            profiling[0].stop().save(f"{profile_to}.part")
            os.replace(f"{profile_to}.part", profile_to)  # whole, once the benchmark sees it

        signal.signal(signal.SIGUSR1, profile_from)
        signal.signal(signal.SIGUSR2, profile_until)
    sys.exit(cli.main(arguments))


def cross_check(report: Report, folder: Path, size: tuple[int, int], runs: int, window: float) -> None:
    """The same presses timed from outside (the terminal) and inside (the probe), on one clock
    (time.perf_counter is the system's monotonic clock in both processes), with the garbage collections that
    fell inside each answer."""
    with tempfile.TemporaryDirectory() as home:
        record = Path(home) / "inside.json"
        presses: list[tuple[Key, float, Answer]] = []
        with started(brief_command(folder, inside=record), size, Path(home), warm_up=True) as terminal:
            for run in range(runs):
                for key in brief_keys(QUERIES[run % len(QUERIES)]):
                    answer = terminal.press(key, window)
                    if answer is not None and not answer.spoiled:
                        presses.append((key, terminal.pressed_at, answer))
        seen = json.loads(record.read_text())
    keys, writes, idle, collections_ = seen["keys"], seen["writes"], seen["idle"], seen["gc"]
    rows: dict[str, list[tuple[float, float, float, float, float]]] = collections.defaultdict(list)
    for key, pressed, answer in presses:
        end = pressed + answer.last
        received = next((at for at, _ in keys if at >= pressed), None)
        idle_at = next((at for at, _ in idle if received is not None and at >= received), None)
        inside = max((at for at in writes if idle_at is not None and pressed <= at <= idle_at), default=None)
        written = max((at for at in writes if pressed <= at <= end), default=None)  # the write of the last byte
        if received is None or inside is None or written is None:
            continue
        collecting = sum(min(stop, end) - max(begin, pressed) for begin, stop, _ in collections_
                         if begin < end and stop > pressed)
        rows[key.label].append((received - pressed, answer.last, inside - pressed, end - written, collecting))
    print(f"Cross-check, {folder}, {size[0]}x{size[1]}: outside (the terminal's last byte) / inside (the app's "
          f"last write before Textual finds it idle), medians of {runs}+ presses")
    for label, found in rows.items():
        same = sum(abs(outside - inside) <= 0.005 for _, outside, inside, _, _ in found)
        earlier = sum(inside < outside - 0.005 for _, outside, inside, _, _ in found)
        report(f"  {label}", f"{ms(statistics.median(row[1] for row in found))} / "
                             f"{ms(statistics.median(row[2] for row in found))} ms", "", None,
               f"key to the app {statistics.median(row[0] for row in found) * 1000:.1f} ms, write to the "
               f"terminal {statistics.median(row[3] for row in found) * 1000:.1f} ms; same end in {same} of "
               f"{len(found)} (Textual idle earlier {earlier}); collecting garbage up to "
               f"{ms(max(row[4] for row in found))} ms")
    answers = [row for found in rows.values() for row in found]
    report("  garbage collection inside answers, in all", f"{ms(sum(row[4] for row in answers))} ms", "", None,
           f"of {ms(sum(row[1] for row in answers))} ms of answers; {len(collections_)} collections in the run "
           f"({sum(generation == 2 for _, _, generation in collections_)} of the oldest generation), the longest "
           f"{ms(max(stop - begin for begin, stop, _ in collections_))} ms")


def profile(folder: Path, size: tuple[int, int], runs: int, rows: list[str], window: float) -> None:
    """A profile of the app (pyinstrument, sampling its main thread every 0.5 ms) during the presses of each key
    whose row contains one of `rows`: where the time of the key goes, as a tree of calls."""
    try:
        from pyinstrument.renderers import ConsoleRenderer
        from pyinstrument.session import Session
    except ImportError:
        sys.exit("--profile needs pyinstrument, which brief does not depend on: pip install pyinstrument")

    found: dict[str, Session] = {}
    with tempfile.TemporaryDirectory() as home:
        saved = Path(home) / "key.pyisession"
        with started(brief_command(folder, profile=saved), size, Path(home), warm_up=True) as terminal:
            def profile_from() -> None:
                saved.unlink(missing_ok=True)
                os.kill(terminal.pid, signal.SIGUSR1)
                time.sleep(0.01)  # the app's loop wakes and starts the profiler before the key comes

            def profile_until() -> None:
                os.kill(terminal.pid, signal.SIGUSR2)
                while not saved.exists():  # the app writes the profile when its loop wakes
                    time.sleep(0.005)

            for run in range(runs):
                for key in brief_keys(QUERIES[run % len(QUERIES)]):
                    row = next((row for row in rows if row in key.label), None)
                    terminal.press(key, window, before=profile_from if row else None,
                                   after=profile_until if row else None)
                    if row is not None:
                        session = Session.load(str(saved))
                        found[row] = Session.combine(found[row], session) if row in found else session
    for row, session in found.items():
        print(f"Profile of the app during '{row}': {runs} rounds, {folder}, {size[0]}x{size[1]}")
        # brief's and Textual's frames shown, the event loop's hidden; calls under 1 % of the time left out.
        options = {"filter_threshold": 0.01, "show_regex": r".*/(brief|textual|rich)/.*",
                   "hide_regex": r".*/(asyncio|selectors|contextvars)/.*|.*textual/_callback.py"}
        print(ConsoleRenderer(processor_options=options).render(session))
        print(ConsoleRenderer(processor_options=options, flat=True).render(session)[:3000])


def main() -> None:
    if "--inside" in sys.argv or "--profile-to" in sys.argv:
        split = sys.argv.index("--")
        probe = argparse.ArgumentParser()
        probe.add_argument("--inside", type=Path)
        probe.add_argument("--profile-to", type=Path)
        args = probe.parse_args(sys.argv[1:split])
        run_inside(args.inside, args.profile_to, sys.argv[split + 1:])
        return
    import run  # benchmarks/run.py: its report and its corpora

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 presses of each key, 100x30 only")
    parser.add_argument("--runs", type=int, help="presses of each key (default 10, 5 with --quick)")
    parser.add_argument("--points", type=int, default=50_000, help="the synthetic corpus (0: none)")
    parser.add_argument("--window", type=float, default=WINDOW * 1000, help="the settle window, ms")
    parser.add_argument("--cross-check", action="store_true", help="time the presses inside the app too")
    parser.add_argument("--profile", metavar="ROW,...", help="profile the keys whose rows contain a ROW")
    parser.add_argument("--size", help="one terminal size, COLSxROWS (default: 100x30, 80x24, 200x60)")
    args = parser.parse_args()
    runs = args.runs or (5 if args.quick else 10)
    window = args.window / 1000
    sizes = ((int(args.size.split("x")[0]), int(args.size.split("x")[1])),) if args.size else (
        SIZES[:1] if args.quick else SIZES)
    folder = run.corpus(args.points) if args.points else ROOT / "briefs"
    if args.profile:
        profile(folder, sizes[0], runs, args.profile.split(","), window)
        return
    if args.cross_check:
        cross_check(run.report, folder, sizes[0], runs, window)
        return
    section(run.report, run.corpus, runs, sizes, args.points, window)
    failed = [name for name, _, _, ok in run.rows if ok is False]
    print(f"{len([r for r in run.rows if r[3] is not None]) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
