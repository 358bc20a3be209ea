"""The bounds on what brief reads, and reading a file within them.

Every bound is far above any real brief's size, and each is there so that a hostile or damaged file costs a
clear message instead of unbounded time, memory or stack. This module imports nothing but the standard library:
the loader, the YAML reader, the cache and the command line all use it, and a start from the cache must not
import YAML.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Brief files above this size are refused: a real brief is about 50 kB.
MAX_FILE_BYTES = 2_000_000
#: A file with more YAML values, or values nested deeper, is refused before its values are built (the largest
#: brief has about 2,500 values, nested 8 deep).
MAX_NODES = 100_000
MAX_DEPTH = 50
#: Notes are a few paragraphs: the bound only stops a device (`/dev/zero` would never end) or a runaway file, far
#: above anything written by hand, so that the app never takes real notes for none (and saves over them).
MAX_NOTES_BYTES = 10_000_000
#: Longer numbers are refused: Python will not convert an int of over 4,300 digits, and YAML's base-60 integers
#: (`1:20:30`) cost quadratic time in their length.
MAX_NUMBER_CHARS = 40


class NotRegularFile(OSError):
    """A FIFO, a device, a folder: reading it could block for ever or never end."""


class TooLarge(OSError):
    """A regular file larger than the bound it is read within."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path` (a symbolic link is followed), at most `limit` of them. Never blocks
    on a FIFO and never reads a device: the file is opened without blocking and checked again on the open
    descriptor, so that it cannot be swapped between the check and the read. Raises NotRegularFile, TooLarge or
    OSError."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(path)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(path)
        if status.st_size > limit:
            raise TooLarge(status.st_size)
        data = b""
        while len(data) <= limit:  # a file that grows while it is read is still read within the bound
            chunk = os.read(descriptor, max(status.st_size + 1 - len(data), 1 << 16))
            if not chunk:
                break
            data += chunk
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise TooLarge(len(data))
    return data
