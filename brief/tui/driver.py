"""The terminal driver: Textual's own for Linux and macOS, with escape answered on time.

A terminal sends the escape key as a lone ESC byte, which is also how every escape sequence (an arrow key, a
function key) begins, so Textual holds it for the escape delay (`ESCDELAY`, in ms, as in ncurses) in case more
follows. Textual's input thread looks at that wait only when it wakes for its next poll, once every 100 ms
whatever the delay, so a shorter ESCDELAY did nothing and escape, the key that closes every dialog, came 100 to
200 ms after the press. This driver wakes when the wait is over, so escape comes `ESCDELAY` after the press.

brief's escape delay is 50 ms (neovim's `ttimeoutlen`), set in brief/tui/__init__.py; a user's ESCDELAY is
kept. A terminal writes a sequence all at once, so it arrives within that time even over ssh; a terminal that
speaks the kitty keyboard protocol tells the escape key apart and is not held at all (Textual's handling).
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual._parser import ParseError
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

#: How long the input thread sleeps when nothing waits: how soon it sees that the app is stopping (Textual's).
POLL = 0.1


class PromptDriver(LinuxDriver):
    """Textual's Linux driver whose input thread wakes when a held ESC byte is due, not only every 100 ms."""

    def run_input_thread(self) -> None:
        parser, fileno = XTermParser(self._debug), self.fileno
        decode = getincrementaldecoder("utf-8")().decode

        def until_due() -> float:
            due: float | None = getattr(parser, "_timeout_time", None)  # when a held ESC is due, if one is held
            return POLL if due is None else min(POLL, max(0.0, due - get_time()))

        def pass_on(ready: list[tuple[selectors.SelectorKey, int]], final: bool = False) -> None:
            if ready and (data := decode(os.read(fileno, 4096), final=final)):
                for event in parser.feed(data):
                    self.process_message(event)
            for event in parser.tick():  # the held ESC, once due
                self.process_message(event)

        selector = selectors.SelectSelector()
        selector.register(fileno, selectors.EVENT_READ)
        try:
            while not self.exit_event.is_set():
                pass_on(selector.select(until_due()))
            selector.unregister(fileno)
            pass_on(selector.select(POLL), final=True)
        finally:
            selector.close()
            try:
                for _ in parser.feed(""):  # the parser's end: what it still holds is dropped, as Textual does
                    pass
            except (EOFError, ParseError):
                pass
