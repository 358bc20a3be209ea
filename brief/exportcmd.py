"""`brief export`: the one-page briefing on an agenda item, or the note on a theme across documents, to standard
output or written safely to a file, with the notes and marks saved in the app (brief/cli.py parses the
arguments)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brief.cache import BriefCache
from brief.i18n import t, tn
from brief.labels import problem_line
from brief.languages import LANGUAGES
from brief.limits import MAX_FILE_BYTES, NotRegularFile, TooLarge, read_regular
from brief.loader import brief_files, default_seeds_dir, export_errors, load
from brief.safe import say

if TYPE_CHECKING:
    from brief.export import Plan, ThemePlan


def export(args: argparse.Namespace, briefs_dir: Path, seeds_dir: Path | None, lang: str) -> int:
    from brief.export import FORMATS, DateError, format_of, prepared_date, render
    from brief.files import FileError, read_bytes, reason, write_atomic
    from brief.memo import DateTexts
    from brief.sources import SeedLibrary
    from brief.userdata import MAX_NOTES_BYTES, load_notes

    def fail(message: str) -> int:
        say(sys.stderr, t(lang, "brief export: {message}", message=message))
        return 1

    if args.id is not None and args.theme is not None:
        return fail(t(lang, "give the id of a brief or --theme ID, not both"))
    if args.id is None and args.theme is None:
        return fail(t(lang, "give the id of a brief (`brief list`), or --theme ID for a note on a theme (`brief list "
                            "--themes`)"))
    try:
        prepared = prepared_date(args.date)
    except DateError as error:
        return fail(t(lang, error.template, **error.params))
    to_stdout = args.output is None or str(args.output) == "-"
    found = None if to_stdout else format_of(str(args.output))
    format_name = args.format or (found.name if found else "md")
    if to_stdout and FORMATS[format_name].binary and sys.stdout.isatty():
        return fail(t(lang, "a Word file is not text: write it with -o FILE.docx, or send it to a file or a pipe"))
    notes = None
    if args.notes is not None:
        try:
            notes = {lang: read_bytes(args.notes, MAX_NOTES_BYTES).decode("utf-8-sig")}
        except FileError as error:
            return fail(error.message(lang))
        except (OSError, UnicodeDecodeError) as error:
            return fail(t(lang, "cannot read the notes file {path} ({reason}): it must be a UTF-8 text file",
                          path=args.notes, reason=t(lang, reason(error))))
    elif not args.no_notes and args.id is not None:
        # The notes saved in the app: the export's language's as "Our line", and every other language's as the
        # page plans them, so that the Chinese and the English note hold the same points (as the app's export).
        saved = load_notes(args.id, lang)
        if saved.problem is not None:
            return fail(t(lang, "{problem}: see your notes in the app (n), or pass --no-notes",
                          problem=saved.problem.message(lang)))
        others = {code: load_notes(args.id, code) for code in LANGUAGES if code != lang}
        notes = {lang: saved.text, **{code: other.text for code, other in others.items() if other.problem is None}}
    cache = BriefCache()
    dates = DateTexts.beside(cache.folder)
    options = {"prepared": prepared, "full": args.full, "notes": notes, "dates": dates,
               "seeds": SeedLibrary(seeds_dir or default_seeds_dir(briefs_dir))}
    note = (_theme_note if args.theme else _briefing)(args, briefs_dir, seeds_dir, cache, lang, options)
    if isinstance(note, str):
        return fail(note)
    dates.save()
    content = render(note, lang, format_name)
    if to_stdout:
        sys.stdout.buffer.write(content)
        return 0
    try:
        write_atomic(args.output, content, force=args.force)
    except FileError as error:
        return fail(error.message(lang))
    say(sys.stderr, t(lang, "Wrote {path}: {included}, {omitted} left out", path=args.output,
                      included=tn(lang, "{n} point", "{n} points", len(note.included)), omitted=len(note.omitted)))
    return 0


def _briefing(args: argparse.Namespace, briefs_dir: Path, seeds_dir: Path | None, cache: BriefCache, lang: str,
              options: dict[str, Any]) -> Plan | str:
    """The briefing on the brief `args.id`, or the message of what keeps it from being exported (its file's
    errors are written first)."""
    from brief.export import plan
    from brief.files import FileError
    from brief.userdata import load_marks

    # The brief's own file alone (a brief is usually named after its id) when no other file may claim the id;
    # otherwise, or when that fails, every file.
    candidate = briefs_dir / f"{args.id}.yaml"
    corpus = load(briefs_dir, seeds_dir, [candidate], cache) if _alone_with_id(candidate, args.id) else None
    if corpus is None or corpus.brief(args.id) is None:
        corpus = load(briefs_dir, seeds_dir, cache=cache)
    brief = corpus.brief(args.id)
    # A brief is exported only when its file is free of errors and no other file claims its id; when it is not
    # found, the errors show the files that were left out.
    blocking = export_errors(corpus, args.id) if brief else corpus.errors
    for problem in blocking:
        say(sys.stderr, problem_line(problem, lang))
    if brief is None:
        known = ", ".join(b.id for b in corpus.briefs) or t(lang, "none")
        if blocking:
            return t(lang, "no brief with id `{id}` among those that load ({known}); files with errors (above) are "
                           "left out: fix them, then export again", id=args.id, known=known)
        return t(lang, "no brief with id `{id}`; the briefs are: {known}", id=args.id, known=known)
    if blocking:
        return t(lang, "`{id}` has errors (above): fix them (`brief check` lists every problem), then export again",
                 id=args.id)
    point_ids = [p.strip() for p in args.points.split(",") if p.strip()] if args.points else None
    if args.marked:
        try:
            marked = set(load_marks(brief.id))
        except FileError as error:
            return t(lang, "{problem}: open the agenda item in the app, which keeps the file aside",
                     problem=error.message(lang))
        point_ids = [point.id for _, point in brief.points() if point.id in marked]
        if not point_ids:
            return t(lang, "no point of `{id}` is marked: mark points in the app (space), or leave out --marked",
                     id=brief.id)
    elif point_ids is not None:
        unknown = [p for p in point_ids if brief.point(p) is None]
        if unknown or not point_ids:
            return t(lang, "no point with id {ids} in `{brief}`; `brief export {brief} --full` shows them all",
                     ids=", ".join(f"`{p}`" for p in unknown) or "``", brief=brief.id)
    return plan(brief, point_ids=point_ids, **options)


def _theme_note(args: argparse.Namespace, briefs_dir: Path, seeds_dir: Path | None, cache: BriefCache, lang: str,
                options: dict[str, Any]) -> ThemePlan | str:
    """The note on the theme `args.theme` across every brief, or the message of what keeps it from being
    exported. A note across documents draws on every brief, so any error in any file (written first) keeps it
    from being exported: a document left out for its errors would be missing without a word."""
    from brief.export import theme_plan
    from brief.themes import theme_counts

    corpus = load(briefs_dir, seeds_dir, cache=cache)
    for problem in corpus.errors:
        say(sys.stderr, problem_line(problem, lang))
    counts = {found.theme.id: found for found in theme_counts(corpus)}
    if args.theme not in counts:
        known = ", ".join(counts) or t(lang, "none")
        return t(lang, "no theme `{id}` with points; the themes are: {known} (`brief list --themes` counts their "
                       "points)", id=args.theme, known=known)
    if corpus.errors:
        return t(lang, "the briefs have errors (above), and a note on a theme draws on every brief: fix them "
                       "(`brief check` lists every problem), then export again")
    refs = None
    if args.points is not None:
        given = [p.strip() for p in args.points.split(",") if p.strip()]
        on_theme = {f"{placed.brief.id}/{placed.point.id}": placed.ref for placed in corpus.by_theme(args.theme)}
        unknown = [p for p in given if p not in on_theme]
        if unknown or not given:
            return t(lang, "no point {ids} on the theme `{theme}`: give points as BRIEF/POINT, such as `{example}`; "
                           "`brief export --theme {theme} --full` shows them all",
                     ids=", ".join(f"`{p}`" for p in unknown) or "``", theme=args.theme, example=next(iter(on_theme)))
        refs = [on_theme[p] for p in given]
    return theme_plan(corpus, args.theme, refs=refs, **options)


def _alone_with_id(candidate: Path, brief_id: str) -> bool:
    """True when the file named after `brief_id` exists and no other brief file can claim the id: then that file
    alone gives the brief. Reading the others' bytes is far faster than loading them (a fifth of the time for
    500 briefs). A file can give the id only by holding its bytes, or through an escape of a double-quoted
    string (`"mini\\x2dnsa"`), so any other file that holds either, or cannot be read, means loading them all:
    the loader compares the ids it decodes."""
    try:
        if not candidate.is_file():
            return False
    except OSError:  # a folder that cannot be entered: loading every file reports it
        return False
    needle = brief_id.encode("utf-8")
    for path in brief_files(candidate.parent):
        if path == candidate:
            continue
        try:
            content = read_regular(path, MAX_FILE_BYTES)
        except (NotRegularFile, TooLarge):
            continue  # the loader refuses it: it gives no brief
        except OSError:
            return False  # loading every file reports it
        if needle in content or b"\\" in content:
            return False
    return True
