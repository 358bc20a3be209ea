"""What can go wrong around a command of `brief` rather than in it: its standard output (a full disk, an output
closed with `>&-`, a pipe whose reader has gone) and the signals that stop it (SIGTERM, SIGHUP). Both become
exceptions that `brief.cli` turns into one line of message: never a traceback, and never a temporary file left
behind, as `brief.files.write_atomic` removes its own on any exception.
"""

from __future__ import annotations

import contextlib
import errno
import io
import signal
from collections.abc import Iterator
from types import FrameType
from typing import TextIO

from brief.files import reason


class OutputError(Exception):
    """Standard output could not be written; `reason` is a msgid (`brief.files.reason`)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.reason = reason(error)
        self.broken_pipe = error.errno == errno.EPIPE  # `brief check | head`: the reader has what it wanted


def _closed() -> OSError:
    return OSError(errno.EBADF, "standard output is closed")


class _Bytes(io.RawIOBase):
    """The binary side of `GuardedOutput` (`.buffer`), for the bytes of a Word file."""

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        try:
            if self._stream is None:
                raise _closed()
            self._stream.flush()  # what was written as text goes first
            self._stream.buffer.write(data)
            self._stream.buffer.flush()
        except OSError as error:
            raise OutputError(error) from None
        return len(data)


class GuardedOutput(io.TextIOBase):
    """Standard output for a command, where a failed write or flush raises OutputError. `None` (Python's
    `sys.stdout` when the program started with its output closed) fails at the first write, so that a command
    that writes nothing to it still works."""

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream
        self._bytes = _Bytes(stream)

    @property
    def buffer(self) -> _Bytes:
        return self._bytes

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding if self._stream is not None else "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        return self._stream.fileno()

    def write(self, text: str) -> int:
        try:
            if self._stream is None:
                raise _closed()
            return self._stream.write(text)
        except OSError as error:
            raise OutputError(error) from None

    def flush(self) -> None:
        try:
            if self._stream is not None:
                self._stream.flush()
        except OSError as error:
            raise OutputError(error) from None


class Stopped(BaseException):
    """The program was asked to stop by a signal. A BaseException, like KeyboardInterrupt: nothing on the way
    catches it, and every `finally` runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def signals_stop() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP (where the OS has them) raise Stopped (only the main thread can set
    handlers; elsewhere nothing changes)."""
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                previous[number] = signal.signal(number, _stop)
            except ValueError:  # not the main thread: only it can set handlers (asking `threading` costs 2 ms)
                break
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
