"""The app's screens: the main screen, and the dialogs over it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen

if TYPE_CHECKING:
    from brief.tui.widgets.footer import LocalizedFooter

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """A dialog of brief's: its look is in `dialogs.tcss`, which Textual reads when the first dialog opens, so
    that the app's start parses only the main screen's styles (brief.tcss). Each dialog shows its own keys in its
    footer (`footer()`), not the main screen's."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "dialogs.tcss"

    def footer(self, lang: str) -> LocalizedFooter:
        from brief.tui.widgets.footer import LocalizedFooter

        return LocalizedFooter(id="dialog-footer", lang=lang)
