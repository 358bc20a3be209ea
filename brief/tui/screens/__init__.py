"""The app's screens: the main screen, and the dialogs over it."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual.screen import ModalScreen

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """A dialog of brief's: its look is in `dialogs.tcss`, which Textual reads when the first dialog opens, so
    that the app's start parses only the main screen's styles (brief.tcss)."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "dialogs.tcss"
