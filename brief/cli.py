"""The command line: `brief` (the app), `brief check`, `brief list`, `brief export`, `brief schema`, and for
curators `brief seed` and `brief draft` (brief/curate.py).

Only the app imports Textual, and only when it starts; the other commands never do, so they start fast. Every
message goes through the catalogs, in the language of `--lang` or of the locale, and reaches the terminal through
`brief.safe`: text from a file is printed as text, its hidden characters shown as `⟨U+XXXX⟩`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import msgspec

from brief.cache import BriefCache
from brief.corpus import Corpus
from brief.i18n import default_lang, section_short_label, t, tn
from brief.labels import problem_line
from brief.limits import MAX_FILE_BYTES, MAX_NOTES_BYTES, NotRegularFile, TooLarge, read_regular
from brief.loader import brief_files, default_briefs_dir, default_seeds_dir, export_errors, load
from brief.model import SECTIONS
from brief.safe import say, visible


def _options() -> argparse.ArgumentParser:
    """Options shared by every command. Defaults are suppressed so that an option given before the command is
    not reset by the command's own parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--briefs", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="folder of brief files (default: the bundled briefs)")
    common.add_argument("--seeds", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help="folder of seed texts (default: seeds/ beside the briefs folder)")
    common.add_argument("--lang", choices=("en", "zh"), default=argparse.SUPPRESS,
                        help="language of the output (default: from the locale)")
    return common


def parser() -> argparse.ArgumentParser:
    common = _options()
    root = argparse.ArgumentParser(
        prog="brief", parents=[common],
        description="Briefings on disarmament negotiations. Without a command, opens the app.")
    commands = root.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", parents=[common], help="validate the briefs and their quotes")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help="check only these brief files")
    check.add_argument("--coverage", action="store_true",
                       help="also warn about every paragraph of a seed that no brief cites or skips")
    check.add_argument("--no-cache", action="store_true",
                       help="read every file afresh, and keep nothing (for CI and release checks)")
    commands.add_parser("list", parents=[common], help="list the agenda items")
    export = commands.add_parser("export", parents=[common], help="write a one-page Markdown briefing")
    export.add_argument("id", metavar="ID", help="the brief id (see `brief list`)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output (`-` is standard output)")
    export.add_argument("--format", choices=("md", "docx", "txt"), default=None,
                        help="md (Markdown), docx (Word) or txt (plain text); default: from FILE's suffix, else md")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument("--full", action="store_true", help="every point, without the one-page limit")
    export.add_argument("--points", metavar="ID,ID,…", help="only these points")
    export.add_argument("--notes", type=Path, metavar="FILE", help="add your own line from FILE")
    export.add_argument("--date", metavar="YYYY-MM-DD", help="the date printed as prepared (default: today)")
    schema = commands.add_parser("schema", parents=[common], help="print the JSON Schema of a brief file")
    schema.add_argument("--glossary", action="store_true", help="the schema of glossary.yaml instead")
    # `--lang` of `brief seed` is the language of the text; its messages follow `brief --lang` or the locale.
    seed = commands.add_parser("seed", help="make a seed of record from a PDF's raw text")
    seed.add_argument("raw", type=Path, metavar="FILE", help="the text extracted from the UN document's PDF")
    seed.add_argument("--symbol", metavar="SYMBOL", help="the document symbol, such as CD/2105 (its running header)")
    seed.add_argument("--date", metavar="YYYY-MM-DD", help="the date of issue (its line in the masthead)")
    seed.add_argument("--lang", dest="text_lang", choices=("zh", "en"), metavar="zh|en",
                      help="the language of the text (default: from the text)")
    seed.add_argument("-o", "--output", type=Path, metavar="FILE",
                      help="write to FILE (default: SYMBOL.LANG.txt, such as cd-2105.zh.txt)")
    draft = commands.add_parser("draft", parents=[common], help="write a brief skeleton from a seed")
    draft.add_argument("seed", type=Path, metavar="SEED", help="the seed of record (a file in seeds/)")
    draft.add_argument("--id", required=True, metavar="ID", help="the new brief's id, such as cd-2200-nsa")
    draft.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    lang = getattr(args, "lang", None) or default_lang()
    briefs_dir = getattr(args, "briefs", None) or default_briefs_dir()
    seeds_dir = getattr(args, "seeds", None)
    try:
        if args.command == "check":
            return check(briefs_dir, seeds_dir, args.files or None, lang, sys.stdout, coverage=args.coverage,
                         cache=not args.no_cache)
        if args.command == "list":
            return list_briefs(briefs_dir, seeds_dir, lang)
        if args.command == "export":
            return export(args, briefs_dir, seeds_dir, lang)
        if args.command == "schema":
            return schema(args.glossary, sys.stdout)
        if args.command in ("seed", "draft"):
            from brief import curate

            return curate.seed(args, lang) if args.command == "seed" else curate.draft(args, lang)
        return run_app(briefs_dir, seeds_dir, getattr(args, "lang", None))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `brief check | head`
        sys.stderr.close()
        return 1


def summary(corpus: Corpus, lang: str) -> str:
    """"4 briefs, 187 points, 0 errors, 2 warnings"."""
    return t(lang, "{briefs}, {points}, {errors}, {warnings}",
             briefs=tn(lang, "{n} brief", "{n} briefs", len(corpus.briefs)),
             points=tn(lang, "{n} point", "{n} points", corpus.point_count()),
             errors=tn(lang, "{n} error", "{n} errors", len(corpus.errors)),
             warnings=tn(lang, "{n} warning", "{n} warnings", len(corpus.warnings)))


def check(briefs_dir: Path, seeds_dir: Path | None, files: list[Path] | None, lang: str, out: TextIO,
          coverage: bool = False, cache: bool = True) -> int:
    """Report every problem of the briefs (or of `files`). Files whose exact bytes were read before come from the
    cache (unless `cache` is False); the others are read by as many processes as there are cores to use."""
    from brief.pool import available_cores

    if files:
        missing = [f for f in files if not f.is_file()]
        for path in missing:
            say(out, t(lang, "{path}: error: no such file: check the path, or give no file to check every brief",
                       path=path))
        if missing:
            return 1
        briefs_dir = files[0].parent if briefs_dir == default_briefs_dir() else briefs_dir
    corpus = load(briefs_dir, seeds_dir, files, BriefCache() if cache else None, jobs=available_cores())
    if coverage:
        from brief.coverage import coverage_problems
        from brief.sources import SeedLibrary

        extra = coverage_problems(corpus, SeedLibrary(seeds_dir or default_seeds_dir(briefs_dir)))
        corpus = msgspec.structs.replace(corpus, problems=(*corpus.problems, *extra))
    for problem in corpus.problems:
        say(out, problem_line(problem, lang))
    say(out, summary(corpus, lang))
    return 1 if corpus.errors else 0


def list_briefs(briefs_dir: Path, seeds_dir: Path | None, lang: str) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    corpus = load(briefs_dir, seeds_dir)
    console = Console(highlight=False)
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column(t(lang, "ID"), no_wrap=True)  # an id is copied into `brief export ID`: never broken
    for heading in (t(lang, "Document"), t(lang, "Item"), t(lang, "Title")):
        table.add_column(heading, overflow="fold", ratio=1)
    for section in SECTIONS:
        table.add_column(section_short_label(section, lang), justify="right", no_wrap=True)
    for brief in corpus.briefs:
        sections = [p.section for _, p in brief.points()]
        cells = [brief.id, brief.document.cite(lang), brief.agenda_item.number, brief.agenda_item.short[lang],
                 *(str(sections.count(section)) for section in SECTIONS)]
        table.add_row(*(Text(visible(cell)) for cell in cells))  # Text: brackets in content are not Rich markup
    console.print(table)
    if corpus.errors:
        console.print(Text(t(lang, "{count} problem(s) found: run `brief check` for details",
                             count=len(corpus.errors)), style="yellow"))
    return 0 if corpus.briefs else 1


def export(args: argparse.Namespace, briefs_dir: Path, seeds_dir: Path | None, lang: str) -> int:
    from brief.export import FORMATS, DateError, format_of, plan, prepared_date, render
    from brief.files import FileError, read_bytes, reason, write_atomic
    from brief.memo import DateTexts
    from brief.sources import SeedLibrary

    def fail(message: str) -> int:
        say(sys.stderr, t(lang, "brief export: {message}", message=message))
        return 1

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
    # The brief's own file alone (a brief is usually named after its id) when no other file may claim the id;
    # otherwise, or when that fails, every file.
    candidate = briefs_dir / f"{args.id}.yaml"
    cache = BriefCache()
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
            return fail(t(lang, "no brief with id `{id}` among those that load ({known}); files with errors (above) "
                                "are left out: fix them, then export again", id=args.id, known=known))
        return fail(t(lang, "no brief with id `{id}`; the briefs are: {known}", id=args.id, known=known))
    if blocking:
        return fail(t(lang, "`{id}` has errors (above): fix them (`brief check` lists every problem), then export "
                            "again", id=args.id))
    point_ids = [p.strip() for p in args.points.split(",") if p.strip()] if args.points else None
    if point_ids is not None:
        unknown = [p for p in point_ids if brief.point(p) is None]
        if unknown or not point_ids:
            return fail(t(lang, "no point with id {ids} in `{brief}`; `brief export {brief} --full` shows them all",
                          ids=", ".join(f"`{p}`" for p in unknown) or "``", brief=brief.id))
    seeds = SeedLibrary(seeds_dir or default_seeds_dir(briefs_dir))
    dates = DateTexts.beside(cache.folder)
    briefing = plan(brief, prepared=prepared, full=args.full, point_ids=point_ids, notes=notes, seeds=seeds,
                    dates=dates)
    dates.save()
    content = render(briefing, lang, format_name)
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return 0
    try:
        write_atomic(args.output, content, force=args.force)
    except FileError as error:
        return fail(error.message(lang))
    say(sys.stderr, t(lang, "Wrote {path}: {included}, {omitted} left out", path=args.output,
                      included=tn(lang, "{n} point", "{n} points", len(briefing.included)),
                      omitted=len(briefing.omitted)))
    return 0


def _alone_with_id(candidate: Path, brief_id: str) -> bool:
    """True when the file named after `brief_id` exists and no other brief file can claim the id: then that file
    alone gives the brief. Reading the others' bytes is far faster than loading them (a fifth of the time for
    500 briefs). A file can give the id only by holding its bytes, or through an escape of a double-quoted
    string (`"mini\\x2dnsa"`), so any other file that holds either, or cannot be read, means loading them all:
    the loader compares the ids it decodes."""
    if not candidate.is_file():
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


def schema(glossary: bool, out: TextIO) -> int:
    from brief.schema import schema_json

    out.write(schema_json("glossary" if glossary else "brief"))
    return 0


def run_app(briefs_dir: Path, seeds_dir: Path | None, lang: str | None) -> int:
    from brief.tui.app import BriefApp

    BriefApp(briefs_dir=briefs_dir, seeds_dir=seeds_dir, lang=lang).run()
    return 0
