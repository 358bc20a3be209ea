"""The curator's commands: `brief draft` (a brief skeleton from a seed of record).

Each writes a new file and never replaces one (`brief.export.write_atomic`), prints what it did in the
interface language, and reports a failure as one line: exit status 1, or 2 for a bad option.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from brief.i18n import format_list, t, tn
from brief.model import SEED_NAME_PATTERN, SLUG_PATTERN
from brief.sources import MAX_SEED_BYTES, Seed


class CommandError(Exception):
    """A failure to report as one line; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def draft(args: argparse.Namespace, lang: str) -> int:
    try:
        return _draft(args.seed, args.id, args.output, lang)
    except CommandError as error:
        sys.stderr.write(t(lang, "brief draft: {message}", message=error.message) + "\n")
        return error.code


def _draft(path: Path, brief_id: str, output: Path | None, lang: str) -> int:
    from brief.skeleton import skeleton

    if not re.match(SLUG_PATTERN, brief_id) or len(brief_id) > 64:
        raise CommandError(t(lang, "--id must be lowercase letters, digits and single hyphens, such as cd-2200-nsa, "
                                   "not {value}", value=brief_id), code=2)
    if not re.match(SEED_NAME_PATTERN, path.name):
        raise CommandError(t(lang, "{path}: a seed's file name ends in .txt and holds only letters, digits, dots, "
                                   "hyphens and underscores: rename it", path=path))
    seed = read_text(path, lang)
    drafted = skeleton(seed, brief_id)
    if not drafted.points:
        raise CommandError(t(lang, "{path}: no sentence records a view, an agreement or a proposal: is it a chair's "
                                   "summary?", path=path))
    write(output, drafted.yaml, lang)
    days = format_list([day.isoformat() for day in drafted.meetings], lang)
    sys.stderr.write(t(lang, "Drafted {path}: {topics}, {points} ({splits}), {skipped} skipped, {texts} to write "
                             "(`brief check` lists them); check the date {date} and the meeting days {days}, taken "
                             "from the text", path=output or t(lang, "standard output"),
                       topics=tn(lang, "{n} topic", "{n} topics", drafted.topics),
                       points=tn(lang, "{n} point", "{n} points", drafted.points),
                       splits=tn(lang, "{n} split", "{n} splits", drafted.splits),
                       skipped=tn(lang, "{n} paragraph", "{n} paragraphs", drafted.skipped),
                       texts=tn(lang, "{n} text", "{n} texts", drafted.to_write),
                       date=drafted.date.isoformat(), days=days) + "\n")
    return 0


def read_text(path: Path, lang: str) -> Seed:
    """`path` read as a seed (UTF-8, at most `MAX_SEED_BYTES`), or a CommandError saying what is wrong."""
    try:
        if not path.is_file():
            raise CommandError(t(lang, "{path}: no such file: check the path", path=path))
        if path.stat().st_size > MAX_SEED_BYTES:
            raise CommandError(t(lang, "{path} is larger than {size} MB: a UN document's text is far smaller",
                                 path=path, size=MAX_SEED_BYTES // 1_000_000))
        return Seed.read(path)
    except UnicodeDecodeError:
        raise CommandError(t(lang, "{path} is not UTF-8 text: save it as UTF-8", path=path)) from None
    except OSError as error:
        raise CommandError(t(lang, "cannot read {path} ({reason})", path=path,
                             reason=error.strerror or str(error))) from None


def write(output: Path | None, text: str, lang: str) -> None:
    """`text` to `output` (standard output when None), never over an existing file."""
    from brief.export import ExportError, write_atomic

    if output is None:
        sys.stdout.write(text)
        return
    if output.exists() and not output.is_dir():
        raise CommandError(t(lang, "{path} already exists: choose another name (a draft never replaces a file)",
                             path=output))
    try:
        write_atomic(output, text)
    except ExportError as error:
        raise CommandError(error.message(lang)) from None
