"""The brief app (placeholder until the app issue lands: lists the loaded agenda items)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from brief.i18n import default_lang
from brief.loader import load


class BriefApp(App[None]):
    TITLE = "brief"

    def __init__(self, briefs_dir: Path, seeds_dir: Path | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.corpus = load(briefs_dir, seeds_dir)
        self.lang = lang or default_lang()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("\n".join(f"{b.id}: {b.agenda_item.short[self.lang]}" for b in self.corpus.briefs), markup=False)
        yield Footer()
