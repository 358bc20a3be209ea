"""Reading and writing the user's files safely: atomic writes that never lose a file, bounded reads that never
hang, file names valid on every OS, and the one place that turns an OS error into a message.

Every write goes to a temporary file in the target's folder and is renamed into place, so a reader never sees
a half-written file and a failed or interrupted write leaves the old file as it was. A file is replaced only
when asked, and only a regular file: a device, a pipe, a symbolic link or a folder is refused. A replaced file
keeps its permissions; a new one follows the umask.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import unicodedata
from pathlib import Path

from brief.i18n import N_, t

#: What an OS error means to the user, by errno (the OS's own wording is English only, and sometimes cryptic).
_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ENOENT: N_("no such file or folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EISDIR: N_("it is a folder"),
    errno.ELOOP: N_("too many symbolic links"),
    errno.EIO: N_("an input/output error"),
    errno.EBADF: N_("the output is closed"),
    errno.EPIPE: N_("the output is closed"),
}


def reason(error: OSError | UnicodeDecodeError) -> str:
    """What went wrong, as an English msgid or the OS's own words; translate it with `t` where it is shown."""
    if isinstance(error, UnicodeDecodeError):
        return N_("it is not UTF-8 text")
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return error.strerror or str(error)


class FileError(Exception):
    """A read or write that could not be done; `message(lang)` says why and what to do."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template)
        self.template = template
        self.params = params

    def message(self, lang: str) -> str:
        params = {key: t(lang, value) if key == "reason" else value for key, value in self.params.items()}
        return t(lang, self.template, **params)


# Names -------------------------------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]+')
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_name(text: str, fallback: str, max_bytes: int = 120) -> str:
    """A file-name stem that is valid on Linux, macOS and Windows and keeps Chinese readable: characters that any
    of them forbid become hyphens, the result is trimmed to whole characters within `max_bytes` of UTF-8, and an
    empty or reserved result (`con`, `nul`, `com1`, also with an extension, as Windows reads `con.md`) gives
    `fallback`."""
    stem = _UNSAFE.sub("-", unicodedata.normalize("NFC", text)).strip("-. ")
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    stem = stem.rstrip("-. ")
    reserved = stem.split(".")[0].lower() in _WINDOWS_RESERVED
    return stem if stem and not reserved else fallback


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def key_stem(key: str) -> str:
    """The file-name stem of the files kept for the id `key` (notes, marks): a different stem for every different
    key, on every OS, case-insensitive file systems included. Lowercase ASCII letters, digits and hyphens stand
    for themselves (a brief id is made of them: `cd-2105-nsa` stays `cd-2105-nsa`); every other byte of the
    key's UTF-8 is written `_` and two hex digits, and so is the first letter of a name Windows reserves with
    any extension (`con` becomes `_63on`, so `con.en.md` is never asked of Windows). The `_` escapes keep any two
    stems apart, since each can be read back into its key."""
    if not key:
        return "_"  # no key gives it: every other `_` is followed by two hex digits
    stem = "".join(char if char in _PLAIN else "".join(f"_{byte:02x}" for byte in char.encode("utf-8"))
                   for char in key)
    return f"_{ord(stem[0]):02x}{stem[1:]}" if stem in _WINDOWS_RESERVED else stem


def shown_path(path: Path) -> str:
    """A path as problems show it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


# Reading -----------------------------------------------------------------------------------------------------


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them. Raises FileNotFoundError, OSError, or
    FileError when `path` is not a regular file (a pipe would block for ever, `/dev/zero` never ends) or is
    larger than `limit`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)  # non-blocking: opening a FIFO with no writer returns at once
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise FileError(N_("{path} is not a regular file: it must be a text file"), path=str(path))
        if found.st_size > limit:
            raise FileError(N_("{path} is larger than {limit} kB: it cannot be what brief wrote"), path=str(path),
                            limit=str(limit // 1000))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileError(N_("{path} is larger than {limit} kB: it cannot be what brief wrote"), path=str(path),
                        limit=str(limit // 1000))
    return data


def read_file(path: Path, limit: int) -> bytes | None:
    """The bytes of the user's file `path` (see `read_bytes`), or None when there is none. Raises FileError, with
    the reason, for a file that is there but cannot be read."""
    try:
        return read_bytes(path, limit)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FileError(N_("cannot read {path} ({reason})"), path=str(path), reason=reason(error)) from None


# Writing -----------------------------------------------------------------------------------------------------


def write_atomic(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write `data` (text is written as UTF-8) to `path` through a temporary file in the same folder and a
    rename. An existing file is replaced only with `force`, and only if it is a regular file; it keeps its
    permissions. Raises FileError with the reason and what to do; on any failure, also an interruption, the old
    file is as it was and no temporary file is left."""
    shown = str(path)
    content = data.encode("utf-8") if isinstance(data, str) else data
    existing = _existing(path)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise FileError(N_("{path} is a folder: give a file name, such as {path}/brief.md"), path=shown)
    if existing is not None and not force:
        raise FileError(N_("{path} already exists: choose another name, or pass --force to replace it"), path=shown)
    if existing is not None and (not stat.S_ISREG(existing.st_mode) or path.is_symlink()):
        raise FileError(N_("{path} is not a regular file (a device, a pipe or a link): brief replaces only regular "
                           "files; choose another name"), path=shown)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileError(N_("the folder {folder} does not exist: create it or choose another"), folder=str(folder))
    import tempfile  # here: its import (shutil, random, bz2, lzma) is ~8 ms of a run that writes nothing

    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:64]}.", suffix=".tmp")
    except OSError as error:
        raise FileError(N_("cannot write in {folder} ({reason}): choose a folder you can write to"),
                        folder=str(folder), reason=reason(error)) from None
    temporary = Path(name)
    try:
        try:
            os.fchmod(descriptor, stat.S_IMODE(existing.st_mode) if existing else _new_file_mode())
            _write_all(descriptor, content)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if force:
            os.replace(temporary, path)
        else:
            _link_without_clobbering(temporary, path)  # the temporary name is removed below
        _sync_folder(folder)
    except FileExistsError:
        raise FileError(N_("{path} already exists: choose another name, or pass --force to replace it"),
                        path=shown) from None
    except OSError as error:
        raise FileError(N_("could not write {path} ({reason}); any existing file is unchanged"),
                        path=shown, reason=reason(error)) from None
    finally:  # also on ctrl-c or a signal turned into an exception: after a rename there is nothing to remove
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def set_aside(path: Path) -> Path:
    """Move the file at `path` (whatever it is: a damaged file, a pipe, a link) to `<name>.bak` beside it, or to
    `<name>.1.bak`, `<name>.2.bak`… when that exists: a copy kept earlier is never replaced. The file brief
    could not read is kept for the user this way, and its place is free for a new one. Returns the new path;
    raises FileError, and then the file is where it was."""
    for number in range(100):
        target = path.with_name(f"{path.name}.bak" if number == 0 else f"{path.name}.{number}.bak")
        try:
            if _link_without_clobbering(path, target):
                try:
                    os.unlink(path)
                except OSError:
                    os.unlink(target)  # as it was: one name, the old one
                    raise
        except FileExistsError:
            continue
        except OSError as error:
            raise FileError(N_("could not keep {path} aside as {target} ({reason}): move it away yourself"),
                            path=str(path), target=target.name, reason=reason(error)) from None
        _sync_folder(path.parent)
        return target
    raise FileError(N_("could not keep {path} aside: {target} and 99 more are taken; delete old copies"),
                    path=str(path), target=path.name + ".bak")


def _write_all(descriptor: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        view = view[os.write(descriptor, view):]  # a write may take fewer bytes than given


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` last through a power cut, where the OS allows (not on Windows); a failure
    changes nothing that was written."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _existing(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except (FileNotFoundError, NotADirectoryError):  # the folder check that follows says what is wrong
        return None
    except OSError as error:
        raise FileError(N_("cannot use {path} ({reason}): choose another name"), path=str(path),
                        reason=reason(error)) from None


@functools.cache
def _new_file_mode() -> int:
    """The mode `open()` gives a new file: 0o666 less the umask (a temporary file is made 0o600). Read once: the
    umask can only be read by setting it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


#: Whether this OS can hard-link a symbolic link itself (Linux can; where not, such a link is renamed).
_LINKS_A_LINK = os.link in os.supports_follow_symlinks


def _link_without_clobbering(source: Path, target: Path) -> bool:
    """Give `source`'s file the name `target` too, unless `target` exists (FileExistsError). A hard link fails
    atomically if the file appeared meanwhile; where the file system has no hard links (or for a folder), an
    existence check and a rename do. Returns whether `source` is still there (linked, not renamed): the caller
    removes it."""
    try:
        if _LINKS_A_LINK:
            os.link(source, target, follow_symlinks=False)  # a link is kept aside as itself, not its target
        elif source.is_symlink():
            raise OSError(errno.ENOTSUP, "cannot hard-link a symbolic link here")
        else:
            os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(str(target)) from None
        os.rename(source, target)
        return False
    return True
