#!/usr/bin/env python3
"""Start an app headless and exit as soon as it is ready (its first screen painted): `brief` on a briefs
folder, or a bare Textual app with the same kinds of widgets (a tree, a scrolling pane of text, a footer).
`benchmarks/run.py` times whole processes of this script, so both pay the same interpreter start.

    python benchmarks/start_app.py bare
    python benchmarks/start_app.py brief [BRIEFS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import Footer, Static, Tree

    class Bare(App[None]):
        BINDINGS = [("q", "quit", "quit")]

        def compose(self) -> ComposeResult:
            tree: Tree[None] = Tree("documents")
            for document in range(3):
                node = tree.root.add(f"document {document}", expand=True)
                for item in range(3):
                    node.add_leaf(f"agenda item {item}")
            with Horizontal():
                yield tree
                with VerticalScroll():
                    for paragraph in range(20):
                        yield Static(f"Paragraph {paragraph}: " + "text " * 30)
            yield Footer()

        def on_ready(self) -> None:
            self.exit()

    Bare().run(headless=True)


def brief(folder: Path | None) -> None:
    from brief.loader import default_briefs_dir
    from brief.tui.app import BriefApp

    class ReadyThenExit(BriefApp):
        def on_ready(self) -> None:
            self.exit()

    ReadyThenExit(briefs_dir=folder or default_briefs_dir(), lang="en").run(headless=True)


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        brief(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
