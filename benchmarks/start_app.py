#!/usr/bin/env python3
"""Start an app headless and exit as soon as it is ready (its first screen painted): `brief` on a briefs
folder, or a bare Textual app with the same kinds of widgets as brief's main screen (a title line, a tree, a
scrolling list of text (an OptionList, as brief's detail pane), a source pane, a footer).
`benchmarks/run.py` starts this script in a fresh process for each measure, so both pay the same interpreter
start; when the app is ready, the script prints the seconds since the process was spawned (the parent passes
its clock in START_TIME) and ends at once, so that the shutdown is not counted.

    START_TIME=$(date +%s.%N) python benchmarks/start_app.py bare
    START_TIME=$(date +%s.%N) python benchmarks/start_app.py brief [BRIEFS_DIR]
    START_TIME=$(date +%s.%N) python benchmarks/start_app.py command     # the `brief` command as typed
    python benchmarks/start_app.py bare --stay   # the bare app in this terminal, until ctrl+q

With `--stay` (benchmarks/keys.py's floor), the bare app runs in the terminal as any app does and has keys that
cost what Textual's own work costs: x and escape update the title line, j and k move in the list, up and down
in the tree (which has the focus), and ctrl+p opens Textual's own command palette (the floor of brief's).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


#: The terminal size, given as a real terminal gives it (headless, Textual would otherwise start at 80x25 and
#: then resize to its driver's 80x24, repainting on the way, more or less often depending on timing).
SIZE = (100, 30)


def ready(app: App) -> None:
    """Print the time from spawn to now and leave without the shutdown, or, with START_EXIT=normal (the
    warm-up run), through the app's own exit, as a user leaves it (brief then saves what it remembers between
    runs)."""
    started = float(os.environ.get("START_TIME", time.time()))
    sys.stdout.write(f"{time.time() - started:.4f}\n")
    sys.stdout.flush()
    if os.environ.get("START_EXIT") == "normal":
        app.exit()
    else:
        os._exit(0)


def bare(stay: bool) -> None:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import Footer, OptionList, Static, Tree

    class Bare(App[None]):
        BINDINGS = [("q", "quit", "quit"), ("x,escape", "update_line", "update"), ("j", "move(1)", "next"),
                    ("k", "move(-1)", "previous")]
        updates = 0

        def compose(self) -> ComposeResult:
            yield Static("bare app: a title line", id="title")
            tree: Tree[None] = Tree("documents")
            tree.root.expand()  # as brief's tree: every document's items on screen
            for document in range(3):
                node = tree.root.add(f"document {document}", expand=True)
                for item in range(3):
                    node.add_leaf(f"agenda item {item}")
            with Horizontal():
                yield tree
                yield OptionList(*(f"Point {point}: " + "text " * 30 for point in range(20)))
            with VerticalScroll(id="source"):
                yield Static("The source passage " * 20)
            yield Footer()

        def on_mount(self) -> None:
            if stay:  # the keys' floor: up and down move in the tree
                self.query_one(Tree).focus()

        def action_update_line(self) -> None:
            self.updates += 1
            self.query_one("#title", Static).update(f"bare app: a title line, updated {self.updates} times")

        def action_move(self, step: int) -> None:
            options = self.query_one(OptionList)
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

        def on_ready(self) -> None:
            if not stay:
                ready(self)

    if stay:
        Bare().run()
    else:
        Bare().run(headless=True, size=SIZE)


def brief(folder: Path | None) -> None:
    from brief.loader import default_briefs_dir
    from brief.tui.app import BriefApp

    class ReadyThenExit(BriefApp):
        def on_ready(self) -> None:
            ready(self)

    ReadyThenExit(briefs_dir=folder or default_briefs_dir(), lang="en").run(headless=True, size=SIZE)


def command() -> None:
    """The `brief` command itself (brief/__main__.py, its argument parsing included), on the bundled briefs: as
    `brief.tui.app` is imported, where the command imports it, its app class is swapped for one that reports when
    it is ready and runs headless at the benchmark's size, so that everything else happens as when it is typed."""
    import importlib.machinery

    class SwapApp:  # a finder needs only find_spec; importlib.abc would import importlib.resources, 3-5 ms
        def find_spec(self, name: str, path: object, target: object = None) -> importlib.machinery.ModuleSpec | None:
            if name != "brief.tui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)  # type: ignore[arg-type]
            assert spec is not None and spec.loader is not None
            execute = spec.loader.exec_module

            def exec_module(module: object) -> None:
                execute(module)  # type: ignore[arg-type]
                original = module.BriefApp  # type: ignore[attr-defined]

                class ReadyThenExit(original):  # type: ignore[misc, valid-type]
                    def on_ready(self) -> None:
                        ready(self)

                    def run(self, **_: object) -> None:
                        super().run(headless=True, size=SIZE)

                module.BriefApp = ReadyThenExit  # type: ignore[attr-defined]

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, SwapApp())
    sys.argv = ["brief", "--lang", "en"]
    from brief.__main__ import run

    sys.exit(run())


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare(stay="--stay" in sys.argv[2:])
    elif sys.argv[1] == "command":
        command()
    else:
        brief(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
