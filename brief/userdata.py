"""What brief keeps for its user between runs: settings, notes per agenda item and language, marks per agenda
item. They are the user's own work, kept as a careful editor keeps a document:

- Every write is atomic (`brief.files.write_atomic`): a failed or interrupted save leaves the old file whole.
- A file that is there but cannot be read (not UTF-8, damaged, unreadable, a pipe, a device, too large) is never
  replaced. The notes dialog says why and offers to read it or to keep it aside; damaged marks or settings are
  kept aside at once, and brief goes on without them. Kept aside is `<name>.bak` beside it, or `<name>.1.bak`…
  when that exists (`brief.files.set_aside`): a copy kept earlier is never replaced.
- Saving notes checks that the file is still what was opened: when another instance of brief saved it
  meanwhile, `NotesConflict` says so instead of replacing the other's text.
- `notes/<stem>.<lang>.md` and `marks/<stem>.json` in the data folder, settings in the config folder
  (`brief.locations`). The stem of an id (`brief.files.key_stem`) is its own on every OS, so no two agenda items
  ever share a file.
- The notes of the previous release, one file `notes/<id>.md` for every language, are offered as the notes of
  each language that has no file of its own yet, and are never changed or removed: saving a language writes
  that language's file only, and from then on that file is its notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from brief.files import FileError, key_stem, read_file, reason, set_aside, write_atomic
from brief.i18n import N_
from brief.languages import LANGUAGES
from brief.locations import config_dir, marks_dir, notes_dir
from brief.safe import HIDDEN

SETTINGS_FILE = "settings.json"
#: Bounds on what is read: far above what brief writes (a settings file is a few lines, notes a few
#: paragraphs), and `/dev/zero` or a pipe is refused before any of it.
MAX_SETTINGS_BYTES = 64_000
MAX_NOTES_BYTES = 1_000_000
MAX_MARKS_BYTES = 1_000_000

#: The reason for a file whose bytes were read but make no sense (invalid JSON, nested without end…).
DAMAGED = N_("its content is damaged")


def _unreadable(path: Path, why: str) -> FileError:
    return FileError(N_("cannot read {path} ({reason})"), path=str(path), reason=why)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileError(N_("cannot create the folder {folder} ({reason}): check that you may write there"),
                        folder=str(folder), reason=reason(error)) from None


def _json(raw: bytes, path: Path) -> Any:
    try:
        return msgspec.json.decode(raw)
    except (msgspec.DecodeError, RecursionError):  # RecursionError: brackets nested without end
        raise _unreadable(path, DAMAGED) from None


# Settings ----------------------------------------------------------------------------------------------------


class Settings(msgspec.Struct):
    """The saved settings. `values` is what the file holds, values brief does not use included (from a later
    release, say): they are written back as they were. `problem` says why the file was ignored, and `kept_as`
    where it is kept; when it could not be moved aside, brief writes no settings (it would replace it)."""

    values: dict[str, Any]
    problem: FileError | None = None
    kept_as: Path | None = None

    @property
    def writable(self) -> bool:
        return self.problem is None or self.kept_as is not None

    def text(self, key: str) -> str | None:
        """The setting `key` when it is text, else None: a wrong type is ignored, and so is text holding a hidden
        character (`brief.safe`), which brief never writes."""
        value = self.values.get(key)
        return value if isinstance(value, str) and not HIDDEN.search(value) else None

    def lang(self) -> str | None:
        """The saved interface language, if brief speaks it (`{"lang": "fr"}` is ignored)."""
        lang = self.text("lang")
        return lang if lang in LANGUAGES else None


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings() -> Settings:
    """The saved settings; none when there is no file. A file that cannot be read or is not a JSON object is
    kept aside and ignored (`Settings.problem`); brief then starts with its defaults."""
    path = settings_path()
    try:
        raw = read_file(path, MAX_SETTINGS_BYTES)
        if raw is None:
            return Settings({})
        values = _json(raw, path)
        if not isinstance(values, dict):
            raise _unreadable(path, DAMAGED)
    except FileError as problem:
        try:
            kept_as = set_aside(path)
        except FileError:
            kept_as = None
        return Settings({}, problem, kept_as)
    return Settings(values)


def save_settings(settings: Settings) -> None:
    """Write `settings.values`, readably. Raises FileError."""
    path = settings_path()
    _make_folder(path.parent)
    text = msgspec.json.format(msgspec.json.encode(settings.values), indent=2).decode()
    write_atomic(path, text + "\n", force=True)


# Notes -------------------------------------------------------------------------------------------------------


def notes_path(brief_id: str, lang: str) -> Path:
    return notes_dir() / f"{key_stem(brief_id)}.{lang}.md"


def earlier_notes_path(brief_id: str) -> Path | None:
    """The single-language notes file of the previous release, `<id>.md`. An id that this release escapes
    (`con`…) had a file shared with others then: it is not offered, lest one item's line appear in another's."""
    return notes_dir() / f"{brief_id}.md" if key_stem(brief_id) == brief_id else None


class Notes(msgspec.Struct, frozen=True):
    """The notes of one agenda item in one language, as opened. `found` is the bytes of `path` when opened
    (None: no file), which a save checks; `earlier` the previous release's file the text came from. When
    `problem` is set, `damaged` (`path` or the earlier file) is there but could not be read, `text` is empty and
    `readable` is its text as far as it decodes (None: its bytes could not be read at all)."""

    brief_id: str
    lang: str
    text: str
    path: Path
    found: bytes | None = None
    earlier: Path | None = None
    problem: FileError | None = None
    damaged: Path | None = None
    readable: str | None = None


class NotesConflict(Exception):
    """The notes file changed on disk since it was opened (another instance of brief saved it). `theirs` is its
    text now, None when it was removed or cannot be decoded."""

    def __init__(self, notes: Notes, current: bytes | None) -> None:
        super().__init__(str(notes.path))
        self.theirs = current.decode("utf-8", "replace") if current is not None else None


def load_notes(brief_id: str, lang: str) -> Notes:
    """The notes of `brief_id` in `lang`: their own file, else the previous release's, else none."""
    path = notes_path(brief_id, lang)
    earlier = earlier_notes_path(brief_id)
    for candidate in (path, earlier):
        if candidate is None:
            continue
        try:
            raw = read_file(candidate, MAX_NOTES_BYTES)
        except FileError as problem:
            return Notes(brief_id, lang, "", path, problem=problem, damaged=candidate)
        if raw is None:
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return Notes(brief_id, lang, "", path, problem=_unreadable(candidate, reason(error)), damaged=candidate,
                         readable=raw.decode("utf-8", "replace"))
        if candidate == path:
            return Notes(brief_id, lang, text, path, found=raw)
        return Notes(brief_id, lang, text, path, earlier=candidate)
    return Notes(brief_id, lang, "", path)


def save_notes(notes: Notes, text: str, *, replace_theirs: bool = False) -> Notes:
    """Save `text` as the notes opened as `notes`, and return them as saved. Raises NotesConflict when the file
    changed since it was opened (unless `replace_theirs`: the user chose to keep theirs over the other's), and
    FileError when it cannot be written; the file is then as it was. Empty notes remove the file, or, while the
    previous release's file would show through, leave it empty. Nothing changed is nothing written."""
    if notes.problem is not None:
        raise FileError(N_("{path} could not be read, so brief does not replace it: keep it aside first"),
                        path=str(notes.damaged))
    if text == notes.text:
        return notes
    path = notes.path
    current = read_file(path, MAX_NOTES_BYTES)  # a file that cannot be read now is not replaced either
    if current != notes.found and not replace_theirs:
        raise NotesConflict(notes, current)
    earlier = earlier_notes_path(notes.brief_id)
    shows_through = earlier is not None and earlier.exists()
    content = b""
    if text.strip():
        content = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    elif not shows_through:
        if current is not None:
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                raise FileError(N_("could not remove {path} ({reason}); it is unchanged"), path=str(path),
                                reason=reason(error)) from None
        return msgspec.structs.replace(notes, text="", found=None, earlier=None)
    _make_folder(path.parent)
    try:
        write_atomic(path, content, force=current is not None or replace_theirs)
    except FileError:
        if not replace_theirs and current is None and (now := read_file(path, MAX_NOTES_BYTES)) is not None:
            raise NotesConflict(notes, now) from None  # another instance saved the first notes meanwhile
        raise
    return msgspec.structs.replace(notes, text=text, found=content, earlier=None)


def keep_notes_aside(notes: Notes) -> Path:
    """Move the notes file that could not be read to `.bak` (see `brief.files.set_aside`); returns where."""
    assert notes.damaged is not None
    return set_aside(notes.damaged)


# Marks -------------------------------------------------------------------------------------------------------


class _MarksFile(msgspec.Struct):
    marked: list[str]


def marks_path(brief_id: str) -> Path:
    return marks_dir() / f"{key_stem(brief_id)}.json"


def load_marks(brief_id: str) -> list[str]:
    """The ids of the points marked in `brief_id`, as saved (points that no longer exist included). Raises
    FileError when the file is there but cannot be read."""
    path = marks_path(brief_id)
    raw = read_file(path, MAX_MARKS_BYTES)
    if raw is None:
        return []
    try:
        return msgspec.json.decode(raw, type=_MarksFile).marked
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        raise _unreadable(path, DAMAGED) from None


def save_marks(brief_id: str, marked: list[str]) -> None:
    """Keep `marked` as the marks of `brief_id` (none: no file). Raises FileError; the file is then as it was."""
    path = marks_path(brief_id)
    if not marked:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise FileError(N_("could not remove {path} ({reason}); it is unchanged"), path=str(path),
                            reason=reason(error)) from None
        return
    _make_folder(path.parent)
    write_atomic(path, msgspec.json.encode(_MarksFile(marked)) + b"\n", force=True)


def keep_marks_aside(brief_id: str) -> Path:
    """Move a marks file that could not be read to `.bak`; returns where."""
    return set_aside(marks_path(brief_id))
