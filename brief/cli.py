"""The command line: `brief` (the app), `brief check`, `brief list`, `brief export`, `brief schema`, and for
curators `brief seed` and `brief draft` (brief/curate.py); their arguments are parsed in brief/arguments.py.

Only the app imports Textual, and only when it starts; the other commands never do, so they start fast. Every
message goes through the catalogs, in the language of `--lang` or of the locale, and reaches the terminal through
`brief.safe`: text from a file is printed as text, its hidden characters shown as `⟨U+XXXX⟩`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO, cast

import msgspec

from brief.arguments import argparse_in, columns, interface_lang, parse
from brief.cache import BriefCache
from brief.corpus import Corpus
from brief.i18n import t, tn
from brief.labels import problem_line
from brief.loader import GLOSSARY, default_briefs_dir, default_seeds_dir, load
from brief.safe import say


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = interface_lang(argv)
    with argparse_in(lang):
        args = parse(argv, lang)
    lang = getattr(args, "lang", None) or lang
    briefs_dir = getattr(args, "briefs", None) or default_briefs_dir()
    seeds_dir = getattr(args, "seeds", None)
    if args.command is None:
        return run_app(briefs_dir, seeds_dir, getattr(args, "lang", None))
    from brief.stdio import GuardedOutput, OutputError, Stopped, signals_stop

    real = sys.stdout
    out = GuardedOutput(real)
    sys.stdout = cast("TextIO", out)  # every write to it, ours and Rich's, fails as OutputError
    try:
        with signals_stop():
            status = _command(args, briefs_dir, seeds_dir, lang, sys.stdout)
            out.flush()
            return status
    except KeyboardInterrupt:
        return 130
    except Stopped as stop:  # SIGTERM, SIGHUP: a file being written is left as it was
        sys.stderr.write(t(lang, "brief {command}: stopped by {signal}; any file being written is left as it was",
                           command=args.command, signal=stop.name) + "\n")
        return 128 + stop.signum
    except OutputError as error:
        if not error.broken_pipe:  # `brief check | head`: the reader has what it wanted
            sys.stderr.write(t(lang, "brief {command}: cannot write the output ({reason}): send it to a file or a "
                                     "pipe that can take it", command=args.command,
                               reason=t(lang, error.reason)) + "\n")
        _discard(real)
        return 1
    finally:
        sys.stdout = real


def _command(args: argparse.Namespace, briefs_dir: Path, seeds_dir: Path | None, lang: str, out: TextIO) -> int:
    if args.command == "check":
        return check(briefs_dir, seeds_dir, args.files or None, lang, out, coverage=args.coverage,
                     cache=not args.no_cache)
    if args.command == "list":
        if args.themes:
            return list_themes(briefs_dir, seeds_dir, lang, out)
        return list_briefs(briefs_dir, seeds_dir, args.id, lang, out)
    if args.command == "export":
        from brief.exportcmd import export

        return export(args, briefs_dir, seeds_dir, lang)
    if args.command == "schema":
        return schema(args.glossary, out)
    from brief import curate

    return curate.seed(args, lang) if args.command == "seed" else curate.draft(args, lang)


def _discard(stream: TextIO | None) -> None:
    """Point a standard output that failed at the null device, so that Python's own flush at exit, of what is
    still buffered, does not fail again (with a traceback)."""
    if stream is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


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
        wrong = [_not_a_brief_file(path, lang) for path in files]
        for message in filter(None, wrong):
            say(out, message)
        if any(wrong):
            return 1
        briefs_dir = files[0].parent if briefs_dir == default_briefs_dir() else briefs_dir
        glossaries = [path for path in files if path.name == GLOSSARY]
        for path in glossaries:  # read as the glossary of its folder, as every check reads it
            out.write(t(lang, "{path}: the glossary: checked as one (run `brief check` to check its shifts against "
                              "every brief)", path=path) + "\n")
        files = [path for path in files if path.name != GLOSSARY]
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


def _not_a_brief_file(path: Path, lang: str) -> str | None:
    """Why `brief check FILE` cannot read `path` as a brief file, if it cannot."""
    if path.is_dir():
        return t(lang, "{path}: error: this is a folder: give brief files, or check the folder with --briefs {path}",
                 path=path)
    if not path.is_file():
        return t(lang, "{path}: error: no such file: check the path, or give no file to check every brief", path=path)
    return None


def _problems_found(corpus: Corpus, lang: str) -> None:
    if corpus.errors:
        say(sys.stderr, tn(lang, "{n} problem found: run `brief check` for details",
                           "{n} problems found: run `brief check` for details", len(corpus.errors)))


def _terminal_width() -> int:
    return max(20, columns())  # 80 when not a terminal


def list_briefs(briefs_dir: Path, seeds_dir: Path | None, brief_id: str | None, lang: str, out: TextIO) -> int:
    """Each agenda item as a short block, or with `brief_id` that brief's points, to the terminal's width."""
    from brief.listing import brief_lines, point_lines

    corpus = load(briefs_dir, seeds_dir, cache=BriefCache())
    width = _terminal_width()
    if brief_id is None:
        blocks = [brief_lines(brief, lang, width) for brief in corpus.briefs]
        if not blocks:  # nothing to list: what is wrong, as `brief check` says it
            for problem in corpus.errors:
                say(sys.stderr, problem_line(problem, lang))
            return 1
    elif (brief := corpus.brief(brief_id)) is not None:
        blocks = [point_lines(brief, lang, width)]
    else:  # not there: first why, when a file that could hold it did not load, then which ids there are
        for problem in corpus.errors:
            say(sys.stderr, problem_line(problem, lang))
        known = ", ".join(b.id for b in corpus.briefs) or t(lang, "none")
        say(sys.stderr, t(lang, "brief list: {message}", message=t(
            lang, "no brief with id `{id}`; the briefs are: {known}", id=brief_id, known=known)))
        return 1
    out.write("\n\n".join("\n".join(block) for block in blocks) + "\n")
    _problems_found(corpus, lang)
    return 0


def list_themes(briefs_dir: Path, seeds_dir: Path | None, lang: str, out: TextIO) -> int:
    """Each theme as a short block: its id and name, its points per brief, the oldest meetings first."""
    from brief.listing import theme_lines
    from brief.themes import theme_counts

    corpus = load(briefs_dir, seeds_dir, cache=BriefCache())
    counts = theme_counts(corpus)
    width = _terminal_width()
    out.write("\n\n".join("\n".join(theme_lines(found, lang, width)) for found in counts) + ("\n" if counts else ""))
    _problems_found(corpus, lang)
    return 0 if counts else 1


def schema(glossary: bool, out: TextIO) -> int:
    from brief.schema import schema_json

    out.write(schema_json("glossary" if glossary else "brief"))
    return 0


def run_app(briefs_dir: Path, seeds_dir: Path | None, lang: str | None) -> int:
    import gc

    # What the imports make (Textual, Rich, brief: tens of thousands of objects alive as long as the process) is
    # made with the collector off and then moved out of its sight: left in view, the full collections that fall
    # during the imports and the start walk them all, a tenth of the start (as brief/__main__.py does for brief's).
    enabled = gc.isenabled()
    gc.disable()
    try:
        from brief.tui.app import BriefApp
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    app = BriefApp(briefs_dir=briefs_dir, seeds_dir=seeds_dir, lang=lang)
    app.freeze_after_load = True
    app.run()
    return 0
