"""The command line's arguments: the parser of each command, its help in the interface language (argparse's own
words too), and which command a command line runs (brief/cli.py runs it). Only the parser of the command being
run gets its options, so a command does not pay for building all of them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from brief.i18n import N_, default_lang, t, translations
from brief.languages import LANGUAGES


def columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it (`$COLUMNS`, else the terminal of standard
    output, else 80), without importing shutil (and bz2 and lzma under it: 3 ms of every run)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Help(argparse.HelpFormatter):
    """argparse's help, as wide as `columns` says (argparse asks shutil, even for a parse that shows no help)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, columns() - 2 if width is None else width)


def _options(lang: str) -> argparse.ArgumentParser:
    """Options shared by every command. Defaults are suppressed so that an option given before the command is
    not reset by the command's own parser."""
    common = argparse.ArgumentParser(add_help=False, formatter_class=_Help)
    common.add_argument("--briefs", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help=t(lang, "folder of brief files (default: the bundled briefs)"))
    common.add_argument("--seeds", type=Path, default=argparse.SUPPRESS, metavar="DIR",
                        help=t(lang, "folder of seed texts (default: seeds/ beside the briefs folder)"))
    common.add_argument("--lang", choices=tuple(LANGUAGES), default=argparse.SUPPRESS,
                        help=t(lang, "language of the output (default: from the locale)"))
    return common


#: argparse's own words that a user of brief can meet (help, usage, errors), as argparse looks them up with
#: `argparse._` while it builds a parser, prints its help or reports an error: marked here for the catalogs.
ARGPARSE_TEXTS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"), N_("expected at most one argument"), N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
)


#: The common options that take a value (the next word, when not written `--option=value`).
_WITH_VALUE = ("--briefs", "--seeds", "--lang")


def interface_lang(argv: list[str]) -> str:
    """The language of the messages, before the arguments are parsed (argparse's help and errors are written
    while it parses): `--lang`, before the command or after it, else the locale's. After `brief seed`, `--lang` is
    the language of the text, not of the messages."""
    command = None
    for index, arg in enumerate(argv):
        if arg in ("--briefs", "--seeds") or (index and argv[index - 1] in _WITH_VALUE):
            continue  # an option's value, never a command
        if command is None and arg in COMMANDS:
            command = arg
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in LANGUAGES and command != "seed":
            return value
    return default_lang()


@contextlib.contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse's own words (`ARGPARSE_TEXTS`) in `lang` while parsers are built and used."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = translations(lang).gettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def command_of(argv: list[str]) -> str | None:
    """The command `argv` runs, as argparse will find it (the first word that names one, skipping the values
    of options), or None."""
    for index, arg in enumerate(argv):
        if index and argv[index - 1] in _WITH_VALUE:
            continue  # an option's value, never a command
        if arg in COMMANDS:
            return arg
    return None


def parser(lang: str = "en", command: str | None = None) -> argparse.ArgumentParser:
    """The command line, its help in `lang` (call it inside `argparse_in(lang)` for argparse's own words). With
    `command`, only that command gets its options (building all of them is 3 ms of every run); the others are
    named, with their help, as `brief --help` lists them."""
    common = _options(lang)
    root = argparse.ArgumentParser(
        prog="brief", parents=[common], formatter_class=_Help,
        description=t(lang, "Briefings on disarmament negotiations. Without a command, opens the app."))
    commands = root.add_subparsers(dest="command", metavar="COMMAND")
    for name, (shared, summary, arguments) in _COMMANDS.items():
        if command not in (None, name):
            commands.add_parser(name, help=t(lang, summary), formatter_class=_Help)
            continue
        arguments(commands.add_parser(name, parents=[common] if shared else [], help=t(lang, summary),
                                      formatter_class=_Help), lang)
    return root


def parse(argv: list[str], lang: str) -> argparse.Namespace:
    """`argv` parsed by the parser of the command it names; should argparse find another command there (an
    abbreviated option whose value is a command's name), by the whole parser."""
    command = command_of(argv)
    partial = parser(lang, command)
    args, unknown = partial.parse_known_args(argv)
    if args.command != command:
        return parser(lang).parse_args(argv)
    if unknown:
        partial.parse_args(argv)  # reports them as argparse does, and exits
    return args


def _check(check: argparse.ArgumentParser, lang: str) -> None:
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help=t(lang, "check only these brief files"))
    check.add_argument("--coverage", action="store_true",
                       help=t(lang, "also warn about every paragraph of a seed that no brief cites or skips"))
    check.add_argument("--no-cache", action="store_true",
                       help=t(lang, "read every file afresh, and keep nothing (for CI and release checks)"))


def _list(listing: argparse.ArgumentParser, lang: str) -> None:
    listing.add_argument("id", nargs="?", metavar="ID", help=t(lang, "list this brief's points"))
    listing.add_argument("--themes", action="store_true",
                         help=t(lang, "list the themes, with their points per document"))


def _export(export: argparse.ArgumentParser, lang: str) -> None:
    export.add_argument("id", nargs="?", metavar="ID", help=t(lang, "the brief id (see `brief list`)"))
    export.add_argument("--theme", metavar="ID",
                        help=t(lang, "a note on this theme across documents instead (see `brief list --themes`)"))
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help=t(lang, "write to FILE instead of standard output (`-` is standard output)"))
    export.add_argument("--format", choices=("md", "docx", "txt"), default=None,  # brief.export.FORMATS
                        help=t(lang, "md (Markdown), docx (Word) or txt (plain text); default: from FILE's suffix, "
                                     "else md"))
    export.add_argument("--force", action="store_true", help=t(lang, "replace FILE if it exists"))
    export.add_argument("--full", action="store_true", help=t(lang, "every point, without the one-page limit"))
    chosen = export.add_mutually_exclusive_group()
    chosen.add_argument("--points", metavar="ID,ID,…",
                        help=t(lang, "only these points (`brief list ID` shows their ids; with --theme, "
                                     "BRIEF/POINT ids)"))
    chosen.add_argument("--marked", action="store_true", help=t(lang, "only the points marked in the app"))
    notes = export.add_mutually_exclusive_group()
    notes.add_argument("--notes", type=Path, metavar="FILE",
                       help=t(lang, "your own line from FILE (default: your notes saved in the app, in the "
                                    "export's language)"))
    notes.add_argument("--no-notes", action="store_true", help=t(lang, "leave your saved notes out"))
    export.add_argument("--date", metavar="YYYY-MM-DD",
                        help=t(lang, "the date printed as prepared (default: today)"))


def _schema(schema: argparse.ArgumentParser, lang: str) -> None:
    schema.add_argument("--glossary", action="store_true", help=t(lang, "the schema of glossary.yaml instead"))


def _seed(seed: argparse.ArgumentParser, lang: str) -> None:
    # `--lang` of `brief seed` is the language of the text; its messages follow `brief --lang` or the locale.
    seed.add_argument("raw", type=Path, metavar="FILE",
                      help=t(lang, "the text extracted from the UN document's PDF"))
    seed.add_argument("--symbol", metavar="SYMBOL",
                      help=t(lang, "the document symbol, such as CD/2105 (its running header)"))
    seed.add_argument("--date", metavar="YYYY-MM-DD", help=t(lang, "the date of issue (its line in the masthead)"))
    seed.add_argument("--lang", dest="text_lang", choices=tuple(LANGUAGES), metavar="|".join(LANGUAGES),
                      help=t(lang, "the language of the text (default: from the text)"))
    seed.add_argument("-o", "--output", type=Path, metavar="FILE",
                      help=t(lang, "write to FILE (default: SYMBOL.LANG.txt, such as cd-2105.zh.txt)"))


def _draft(draft: argparse.ArgumentParser, lang: str) -> None:
    draft.add_argument("seed", type=Path, metavar="SEED", help=t(lang, "the seed of record (a file in seeds/)"))
    draft.add_argument("--id", required=True, metavar="ID",
                       help=t(lang, "the new brief's id, such as cd-2200-nsa"))
    draft.add_argument("-o", "--output", type=Path, metavar="FILE",
                       help=t(lang, "write to FILE instead of standard output"))


#: Each command: whether it takes the common options, its summary in `brief --help`, and its own arguments.
_COMMANDS: dict[str, tuple[bool, str, Callable[[argparse.ArgumentParser, str], None]]] = {
    "check": (True, N_("validate the briefs and their quotes"), _check),
    "list": (True, N_("list the agenda items, or one brief's points with their ids"), _list),
    "export": (True, N_("write a one-page briefing on an agenda item, or a note on a theme"), _export),
    "schema": (True, N_("print the JSON Schema of a brief file"), _schema),
    "seed": (False, N_("make a seed of record from a PDF's raw text"), _seed),
    "draft": (True, N_("write a brief skeleton from a seed"), _draft),
}
COMMANDS = tuple(_COMMANDS)
