"""The curator's commands: `brief seed` (a seed of record from a PDF's raw text) and `brief draft` (a brief
skeleton from a seed of record).

Each writes a new file and never replaces one (`brief.files.write_atomic`), prints what it did in the
interface language, and reports a failure as one line: exit status 1, or 2 for a bad option.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from brief.i18n import format_list, t, tn
from brief.model import SEED_NAME_PATTERN, SLUG_PATTERN
from brief.safe import say, visible
from brief.sources import MAX_SEED_BYTES, Seed


class CommandError(Exception):
    """A failure to report as one line; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def seed(args: argparse.Namespace, lang: str) -> int:
    try:
        return _seed(args.raw, args.symbol, args.date, args.text_lang, args.output, lang)
    except CommandError as error:
        say(sys.stderr, t(lang, "brief seed: {message}", message=error.message))
        return error.code


def _seed(path: Path, symbol: str | None, date: str | None, text_lang: str | None, output: Path | None,
          lang: str) -> int:
    from brief.seedtext import chinese, clean

    try:
        issued = dt.date.fromisoformat(date) if date is not None else None
    except ValueError:
        raise CommandError(t(lang, "--date must be a date written YYYY-MM-DD, not {value}", value=date),
                           code=2) from None
    if symbol is not None and not re.fullmatch(r"\S+", symbol):
        raise CommandError(t(lang, "--symbol must be the document symbol as printed, such as CD/2105, not {value}",
                             value=symbol), code=2)
    raw = read_text(path, lang).text
    cleaned = clean(raw, symbol, issued, text_lang)
    if not cleaned.paragraphs:
        raise CommandError(t(lang, "{path}: no text is left once the page furniture is removed", path=path))
    if output is None and symbol is not None:
        language = text_lang or ("zh" if chinese(raw) else "en")
        output = Path(f"{re.sub(r'[^a-z0-9]+', '-', symbol.lower()).strip('-')}.{language}.txt")
    write(output, cleaned.text, lang)
    removed = [_removed(kind, count, symbol or "", lang) for kind, count in cleaned.removed.items()]
    summary = t(lang, "Wrote {path}: {lines} joined into {paragraphs}; removed {removed}",
                path=output or t(lang, "standard output"), lines=tn(lang, "{n} line", "{n} lines", cleaned.lines),
                paragraphs=tn(lang, "{n} paragraph", "{n} paragraphs", cleaned.paragraphs),
                removed=format_list(removed, lang) if removed else t(lang, "nothing"))
    if cleaned.footnotes:
        summary += t(lang, "; {footnotes} moved to the end",
                     footnotes=tn(lang, "{n} footnote", "{n} footnotes", cleaned.footnotes))
    say(sys.stderr, summary)
    return 0


def _removed(kind: str, count: int, symbol: str, lang: str) -> str:
    """What `brief seed` removed of one kind, counted: "3 running headers (CD/2105)"."""
    if kind == "header":
        return tn(lang, "{n} running header ({symbol})", "{n} running headers ({symbol})", count, symbol=symbol)
    if kind == "job":
        return tn(lang, "{n} job or page number", "{n} job and page numbers", count)
    if kind == "link":
        return tn(lang, "{n} hyperlink footer", "{n} hyperlink footers", count)
    if kind == "masthead":
        return tn(lang, "{n} masthead line", "{n} masthead lines", count)
    return tn(lang, "{n} footnote rule", "{n} footnote rules", count)


def draft(args: argparse.Namespace, lang: str) -> int:
    try:
        return _draft(args.seed, args.id, args.output, lang)
    except CommandError as error:
        say(sys.stderr, t(lang, "brief draft: {message}", message=error.message))
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
    say(sys.stderr, t(lang, "Drafted {path}: {topics}, {points} ({splits}), {skipped} skipped, {texts} to write "
                            "(`brief check` lists them); check the date {date} and the meeting days {days}, taken "
                            "from the text", path=output or t(lang, "standard output"),
                      topics=tn(lang, "{n} topic", "{n} topics", drafted.topics),
                      points=tn(lang, "{n} point", "{n} points", drafted.points),
                      splits=tn(lang, "{n} split", "{n} splits", drafted.splits),
                      skipped=tn(lang, "{n} paragraph", "{n} paragraphs", drafted.skipped),
                      texts=tn(lang, "{n} text", "{n} texts", drafted.to_write),
                      date=drafted.date.isoformat(), days=days))
    return 0


def read_text(path: Path, lang: str) -> Seed:
    """`path` read as a seed (UTF-8, at most `MAX_SEED_BYTES`), or a CommandError saying what is wrong."""
    from brief.files import FileError, read_bytes, reason

    try:
        if path.is_file() and path.stat().st_size > MAX_SEED_BYTES:
            raise CommandError(t(lang, "{path} is larger than {size} MB: a UN document's text is far smaller",
                                 path=path, size=MAX_SEED_BYTES // 1_000_000))
        return Seed(path.name, read_bytes(path, MAX_SEED_BYTES).decode("utf-8-sig"))
    except FileNotFoundError:
        raise CommandError(t(lang, "{path}: no such file: check the path", path=path)) from None
    except FileError as error:
        raise CommandError(error.message(lang)) from None
    except UnicodeDecodeError:
        raise CommandError(t(lang, "{path} is not UTF-8 text: save it as UTF-8", path=path)) from None
    except OSError as error:
        raise CommandError(t(lang, "cannot read {path} ({reason})", path=path, reason=t(lang, reason(error)))) from None


def write(output: Path | None, text: str, lang: str) -> None:
    """`text` to `output` (standard output when None), never over an existing file. A terminal is shown the
    seed's hidden characters visibly; a file or a pipe gets the text as it is."""
    from brief.files import FileError, write_atomic

    if output is None:
        sys.stdout.write(visible(text) if sys.stdout.isatty() else text)
        return
    if output.exists() and not output.is_dir():
        raise CommandError(t(lang, "{path} already exists: choose another name (this command never replaces a "
                                   "file)", path=output))
    try:
        write_atomic(output, text)
    except FileError as error:
        raise CommandError(error.message(lang)) from None
