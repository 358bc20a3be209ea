"""brief's terminal driver (brief/tui/driver.py) reads the keys as Textual's own does, through a real pipe and its
own input thread: a lone ESC is escape, a sequence written at once is its key, an ESC with the rest of a sequence
only after the escape delay is escape and then the keys typed, and the thread ends when the app stops. How soon
escape comes is measured by benchmarks/keys.py, not here."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import AsyncIterator

import pytest
from textual import events
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from brief.tui.app import BriefApp
from brief.tui.driver import PromptDriver
from tests.conftest import BRIEFS

#: Long enough for any machine to pass a byte through a pipe and a thread; the keys come long before.
PATIENCE = 5.0


class Listening(PromptDriver):
    """The driver with its messages kept instead of sent to an app."""

    def __init__(self, fileno: int) -> None:
        super().__init__(App(), debug=False, mouse=False, size=(80, 24))
        self.fileno = fileno
        self.heard: queue.Queue[Message] = queue.Queue()

    def process_message(self, message: Message) -> None:
        self.heard.put(message)

    def keys(self, count: int) -> list[str]:
        found = [self.heard.get(timeout=PATIENCE) for _ in range(count)]
        return [message.key for message in found if isinstance(message, events.Key)]


@pytest.fixture
async def driver() -> AsyncIterator[tuple[Listening, int]]:
    read, write = os.pipe()
    listening = Listening(read)
    thread = threading.Thread(target=listening.run_input_thread, daemon=True)
    thread.start()
    yield listening, write
    listening.exit_event.set()
    thread.join(PATIENCE)
    assert not thread.is_alive()  # it sees the app stop
    os.close(read)
    os.close(write)


async def test_escape_and_sequences_are_the_keys_textual_reads(driver: tuple[Listening, int]) -> None:
    listening, write = driver
    os.write(write, b"\x1b")
    assert listening.keys(1) == ["escape"]
    os.write(write, b"\x1b[B")  # an arrow key, as a terminal writes it: all at once
    assert listening.keys(1) == ["down"]
    os.write(write, "l中".encode())
    assert listening.keys(2) == ["l", "中"]
    os.write(write, b"\x1b")
    assert listening.keys(1) == ["escape"]  # told apart once the delay is over, with nothing after it
    os.write(write, b"[B")  # what comes after that is what was typed
    assert listening.keys(2) == ["left_square_bracket", "B"]
    assert listening.heard.empty()


def test_the_app_uses_it_where_textual_would_use_its_linux_driver() -> None:
    app = BriefApp(briefs_dir=BRIEFS)
    assert app.get_driver_class() is PromptDriver if App().get_driver_class() is LinuxDriver else \
        app.get_driver_class() is App().get_driver_class()


def test_brief_holds_escape_50_ms_unless_the_user_says_otherwise() -> None:
    import subprocess
    import sys

    probe = "import brief.tui, textual.constants as c; print(c.ESCAPE_DELAY)"
    env = {key: value for key, value in os.environ.items() if key != "ESCDELAY"}
    ours = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    theirs = subprocess.run([sys.executable, "-c", probe], env={**env, "ESCDELAY": "300"}, capture_output=True,
                            text=True, check=True)
    assert (ours.stdout.strip(), theirs.stdout.strip()) == ("0.05", "0.3")
