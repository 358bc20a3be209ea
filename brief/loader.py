"""Read `briefs/*.yaml` into the model, and report every problem with the file, line and column it concerns.

Each file is read with a safe YAML loader (libyaml's C parser where available) into a node tree, which gives
positions. The parse events are checked before any node is built: anchors and aliases are refused (which
defuses "billion laughs" documents), and so are nesting and sizes far beyond any brief's, which would cost
unbounded time, memory or stack. The tree is checked before any Python object is built from it: only standard
tags are accepted (a `!!python/object` is reported, never constructed), numbers must be readable, and duplicate
keys are reported. The data is then validated against the model (`brief.validate`), and the valid briefs
against each other, the glossary and their seeds (`check_brief`).

A broken file never stops the others: it is reported and left out, and everything else loads.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import msgspec
import yaml

from brief import ladder, validate
from brief.cache import BriefCache, Entry, Stamp, stamp
from brief.i18n import N_
from brief.model import Brief, Corpus, Divergence, Glossary, Point, Problem, SeedName
from brief.sources import Seed, SeedLibrary

GLOSSARY = "glossary.yaml"
#: Brief files above this size are refused: a real brief is about 50 kB.
MAX_FILE_BYTES = 2_000_000
#: Bounds far above any real brief (the largest has about 2,500 YAML values, nested 8 deep): a file beyond them
#: is refused before its values are built (libyaml's composer recurses: 100,000 levels crash the interpreter).
MAX_NODES = 100_000
MAX_DEPTH = 50
#: Longer numbers are refused: Python will not convert an int of over 4,300 digits, and YAML's base-60 integers
#: (`1:20:30`) cost quadratic time in their length.
MAX_NUMBER_CHARS = 40

#: Reported on the second file that gives a brief's id (`brief export` looks for it).
DUPLICATE_BRIEF_ID = N_("duplicate brief id `{id}`, already used by {other}: give this brief another id")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: The tags a brief may contain; anything else (`!!python/object`, `!!binary`, `!custom`) is refused.
_ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_BOOL = "tag:yaml.org,2002:bool"
_COLLECTION_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_MERGE = "tag:yaml.org,2002:merge"


class _BriefLoader(_Loader):  # type: ignore[misc, valid-type]
    """A safe loader that leaves dates as strings: the model validates them, and a bad date is then a problem
    with a position rather than an exception from the YAML constructor."""


_BriefLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}

Position = tuple[int, int]  # line and column, from 1
NodePath = tuple[str | int, ...]


class Positions:
    """Line and column of every node of a document, by path from the root."""

    def __init__(self) -> None:
        self.values: dict[NodePath, Position] = {}
        self.keys: dict[NodePath, Position] = {}

    def of(self, path: NodePath, on_key: bool = False) -> Position:
        """The position of the node at `path`, or of its nearest ancestor that exists."""
        if on_key and path in self.keys:
            return self.keys[path]
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))


class Reader:
    """Reads one YAML file into plain data plus positions, collecting problems instead of raising."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown
        self.problems: list[Problem] = []
        self.positions = Positions()

    def problem(self, where: Position, template: str, level: str = "error", **params: str) -> None:
        self.problems.append(
            Problem(path=self.shown, line=where[0], col=where[1], level=level, template=template, params=params)
        )

    def read(self) -> Any | None:
        try:
            status = self.path.stat()
            if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would block or never end
                self.problem((0, 0), N_("not a regular file: a brief must be a YAML text file"))
                return None
            size = status.st_size
            if size > MAX_FILE_BYTES:
                self.problem((0, 0), N_("file is {size} MB, over the {limit} MB limit for a brief: split it into one file per agenda item"),
                             size=f"{size / 1e6:.1f}", limit=f"{MAX_FILE_BYTES / 1e6:.0f}")
                return None
            raw = self.path.read_bytes()
        except OSError as error:
            self.problem((0, 0), N_("cannot read the file ({reason}): check that it exists and is readable"),
                         reason=error.strerror or str(error))
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            line_start = raw.rfind(b"\n", 0, error.start) + 1
            col = len(raw[line_start : error.start].decode("utf-8-sig", "replace")) + 1  # in characters, not bytes
            self.problem((line, col), N_("the file is not UTF-8 (byte {byte} cannot be decoded): save it as UTF-8"),
                         byte=f"0x{raw[error.start]:02x}")
            return None
        if not text.strip():
            self.problem((0, 0), N_("the file is empty: write a brief in it (see briefs/README.md) or delete it"))
            return None
        loader = _BriefLoader(text)
        try:
            if not self._within_bounds(text):
                return None
            node = loader.get_single_node()
            if node is not None and not self._check_nodes(node, loader):
                return None
            data = None if node is None else loader.construct_document(node)
            if data is None:  # only comments, or a bare `---` or `~`
                self.problem(_start(node) if node is not None else (1, 1),
                             N_("the file holds no YAML document: write a brief in it or delete it"))
            return data
        except yaml.MarkedYAMLError as error:
            self._yaml_problem(error, text)
            return None
        except yaml.reader.ReaderError as error:
            offset = error.position
            if _Loader is not yaml.SafeLoader:  # libyaml counts in bytes of UTF-8
                offset = len(text.encode("utf-8")[:offset].decode("utf-8", "replace"))
            line = text.count("\n", 0, offset) + 1
            col = offset - (text.rfind("\n", 0, offset) + 1) + 1
            self.problem((line, col), N_("the character {char} is not allowed in YAML: delete it (most editors do not "
                                         "show it)"), char=f"U+{error.character:04X}")
            return None
        except yaml.YAMLError as error:
            self.problem((1, 1), N_("YAML error: {reason}; correct the file (see briefs/README.md for the format)"),
                         reason=str(error))
            return None
        finally:
            loader.dispose()

    def _within_bounds(self, text: str) -> bool:
        """Walk the parse events before any node is built, and refuse an alias (a "billion laughs" document turns
        a few lines into billions of values), nesting deeper than MAX_DEPTH and more than MAX_NODES values. True
        when the file is within these bounds; a syntax error is raised as the composer would raise it."""
        loader = _BriefLoader(text)
        depth = nodes = 0
        try:
            for event in iter(loader.get_event, None):  # a tight loop: it sees every event of every file
                kind = type(event)
                if kind in _COLLECTION_ENDS:
                    depth -= 1
                    continue
                if kind in _COLLECTION_STARTS:
                    depth += 1
                elif kind is not yaml.ScalarEvent and kind is not yaml.AliasEvent:
                    continue  # stream and document events
                nodes += 1
                if kind is not yaml.AliasEvent and depth <= MAX_DEPTH and nodes <= MAX_NODES:
                    continue
                where = (event.start_mark.line + 1, event.start_mark.column + 1)
                if kind is yaml.AliasEvent:
                    self.problem(where, N_("anchors and aliases (&name, *name) are not supported: write the value "
                                           "out"))
                elif depth > MAX_DEPTH:
                    self.problem(where, N_("values are nested more than {limit} levels deep here, far more than a "
                                           "brief needs: check the brackets and indentation"), limit=str(MAX_DEPTH))
                else:
                    self.problem(where, N_("the file holds more than {limit} values, far more than a brief needs: "
                                           "split it into one file per agenda item"), limit=f"{MAX_NODES:,}")
                return False
            return True
        finally:
            loader.dispose()

    def _yaml_problem(self, error: yaml.MarkedYAMLError, text: str) -> None:
        mark = error.problem_mark or error.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (error.context, error.problem) if part)
        tab = _indenting_tab(text, where[0])
        if tab is not None or "'\\t'" in reason or "tab" in reason:
            self.problem(tab or where, N_("a tab character is used for indentation: indent with spaces only"))
        elif "found duplicate anchor" in reason:
            self.problem(where, N_("anchors and aliases (&name, *name) are not supported: write the value out"))
        else:
            self.problem(where, N_("YAML syntax error: {reason}; check the indentation and quoting on this line "
                                   "and the one before"), reason=reason)

    def _check_nodes(self, root: yaml.Node, loader: _BriefLoader) -> bool:
        """Record positions; report non-standard tags, unreadable numbers and duplicate keys. True when the tree
        is clean."""
        clean = True
        stack: list[tuple[yaml.Node, NodePath]] = [(root, ())]
        while stack:
            node, path = stack.pop()
            where = _start(node)
            self.positions.values[path] = where
            if not self._check_scalar(node, loader):
                clean = False
                continue
            if isinstance(node, yaml.MappingNode):
                keys: set[str] = set()
                for key_node, value_node in node.value:
                    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                    if key_node.tag == _MERGE:
                        self.problem(_start(key_node), N_("merge keys (`<<`) are not supported: write the keys out"))
                        clean = False
                        continue
                    if key is None:
                        self.problem(_start(key_node), N_("a mapping key must be a plain word, not a list or a "
                                                          "mapping: write `name: value`"))
                        clean = False
                        continue
                    if not self._check_scalar(key_node, loader):
                        clean = False
                        continue
                    child = (*path, key)
                    self.positions.keys[child] = _start(key_node)
                    if key in keys:
                        self.problem(self.positions.keys[child], N_("duplicate key `{key}`: keep only one"), key=key)
                        clean = False
                    keys.add(key)
                    stack.append((value_node, child))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
        return clean

    def _check_scalar(self, node: yaml.Node, loader: _BriefLoader) -> bool:
        """Report a tag other than the standard ones, and a number or boolean that cannot be built; True when
        neither."""
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(_start(node), N_("the tag `{tag}` is not allowed in a brief: remove it (only plain YAML "
                                          "values are read, and nothing is ever executed)"), tag=tag)
            return False
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (*_NUMBER_TAGS, _BOOL):
            return True
        try:
            if len(node.value) <= MAX_NUMBER_CHARS:
                loader.construct_object(node)
                return True
        except (ValueError, IndexError, KeyError):  # `0x_` matches YAML's pattern for an int; `!!int ""`, `!!bool x`
            pass
        shown = node.value if len(node.value) <= MAX_NUMBER_CHARS else node.value[:MAX_NUMBER_CHARS] + "…"
        if node.tag == _BOOL:
            self.problem(_start(node), N_("`{value}` cannot be read as true or false: write true or false, or put "
                                          "the value in double quotes if it is text"), value=shown)
        else:
            self.problem(_start(node), N_("`{value}` cannot be read as a number: write a plain number, or put the "
                                          "value in double quotes if it is text"), value=shown)
        return False


def _start(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _indenting_tab(text: str, line: int) -> Position | None:
    """The position of a tab in the indentation of `line` or of the line before it, if there is one."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                return number, indent.index("\t") + 1
    return None


def shown_path(path: Path) -> str:
    """A path as problems show it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def default_briefs_dir() -> Path:
    """The bundled briefs: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "briefs", here.parent / "briefs"):
        if candidate.is_dir():
            return candidate
    return here.parent / "briefs"


def default_seeds_dir(briefs_dir: Path) -> Path:
    """Seeds live beside the briefs: `<briefs>/../seeds`."""
    return briefs_dir.parent / "seeds"


def brief_files(briefs_dir: Path) -> list[Path]:
    return sorted(p for p in briefs_dir.glob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.name != GLOSSARY)


def load(briefs_dir: Path, seeds_dir: Path | None = None, files: list[Path] | None = None,
         cache: BriefCache | None = None) -> Corpus:
    """Load the glossary and the briefs of `briefs_dir` (or only `files`), and check them against each other and
    against the seeds in `seeds_dir`. Never raises for bad input: every problem is in `Corpus.problems`. With
    `cache`, a file whose result is cached and unchanged is not read again (see `brief.cache`)."""
    seeds = SeedLibrary(seeds_dir or default_seeds_dir(briefs_dir))
    problems: list[Problem] = []
    shown_dir = shown_path(briefs_dir)
    if not briefs_dir.is_dir():
        problems.append(Problem(path=shown_dir, template=N_("the briefs directory does not exist: pass --briefs DIR "
                                                            "with a folder of brief files")))
        return Corpus(problems=tuple(problems))
    glossary_path = briefs_dir / GLOSSARY
    glossary_stamp = stamp(glossary_path)
    glossary = _load_glossary(glossary_path, problems)
    paths = files if files is not None else brief_files(briefs_dir)
    if not paths:
        problems.append(Problem(path=shown_dir, template=N_("no briefs (*.yaml) in this directory: add one (see "
                                                            "briefs/README.md) or pass --briefs DIR")))
    briefs: list[Brief] = []
    where: dict[str, str] = {}
    for path in paths:
        shown = shown_path(path)
        entry = cache.get(path, glossary_stamp, seeds.folder) if cache is not None else None
        if entry is None:
            entry = _read_brief(path, shown, glossary, glossary_stamp, seeds)
            if cache is not None:
                cache.put(path, entry)
        problems.extend(msgspec.structs.replace(problem, path=shown) for problem in entry.problems)
        brief = entry.brief
        if brief is not None and brief.id in where:
            line, col = entry.id_position
            problems.append(Problem(path=shown, line=line, col=col, template=DUPLICATE_BRIEF_ID,
                                    params={"id": brief.id, "other": where[brief.id]}))
        elif brief is not None:
            where[brief.id] = shown
            briefs.append(brief)
    return Corpus(briefs=tuple(briefs), glossary=glossary, problems=tuple(problems), files=where)


def _read_brief(path: Path, shown: str, glossary: Glossary | None, glossary_stamp: Stamp | None,
                seeds: SeedLibrary) -> Entry:
    """Read, validate and check one brief file, on its own (the ids of other files aside)."""
    file_stamp = stamp(path)  # before reading: a change while reading then shows as a change next time
    reader = Reader(path, shown)
    data = reader.read()
    brief = _validate(reader, data, Brief) if data is not None else None
    parts = Parts.of_brief(brief) if brief else Parts.of_data(data) if data is not None else None
    if parts is not None:
        check_brief(parts, reader, glossary, seeds)
    seed = parts.seed if parts is not None else None
    return Entry(stamp=file_stamp or (0, 0, 0), glossary=glossary_stamp, seed=seed,
                 seed_stamp=stamp(seeds.folder / seed) if seed else None, brief=brief,
                 problems=tuple(msgspec.structs.replace(problem, path="") for problem in reader.problems),
                 id_position=reader.positions.of(("id",)))


def _load_glossary(path: Path, problems: list[Problem]) -> Glossary | None:
    shown = shown_path(path)
    if not path.is_file():
        problems.append(Problem(path=shown, level="warning", template=N_("no glossary.yaml: themes cannot be checked; "
                                                                         "add one (see briefs/README.md)")))
        return None
    reader = Reader(path, shown)
    data = reader.read()
    glossary = _validate(reader, data, Glossary) if data is not None else None
    if glossary is not None:
        _unique(reader, [("themes", i, "id") for i in range(len(glossary.themes))], [t.id for t in glossary.themes],
                N_("duplicate theme id `{id}`: theme ids must be unique; rename one of them"))
    problems.extend(reader.problems)
    return glossary


def _validate(reader: Reader, data: Any, target: type) -> Any | None:
    value, issues = validate.convert(data, target)
    for issue in issues:
        reader.problem(reader.positions.of(issue.path, issue.on_key), issue.template, **issue.params)
    return value


def _unique(reader: Reader, paths: Iterable[NodePath], ids: list[str], template: str) -> None:
    seen: set[str] = set()
    for path, ident in zip(paths, ids):
        if ident in seen:
            reader.problem(reader.positions.of(path), template, id=ident)
        seen.add(ident)


class Parts(NamedTuple):
    """What the cross-checks read from a brief: from the model when the brief is valid, else from whatever parts
    of the raw data are valid on their own, so that a schema error does not hide a missing quote elsewhere."""

    topic_ids: list[tuple[NodePath, str]]
    points: list[tuple[NodePath, Point]]
    seed: str | None
    skipped: list[tuple[NodePath, str]]

    @classmethod
    def of_brief(cls, brief: Brief) -> Parts:
        return cls(
            topic_ids=[(("topics", ti, "id"), topic.id) for ti, topic in enumerate(brief.topics)],
            points=[(("topics", ti, "points", pi), point) for ti, topic in enumerate(brief.topics)
                    for pi, point in enumerate(topic.points)],
            seed=brief.document.source,
            skipped=[(("skipped", i, key), quote) for i, s in enumerate(brief.skipped)
                     for key, quote in (("quote", s.quote), ("through", s.through)) if quote],
        )

    @classmethod
    def of_data(cls, data: Any) -> Parts:
        def valid(value: Any, target: Any) -> Any:
            return validate.convert(value, target)[0]

        def items(value: Any, key: str) -> list:
            found = value.get(key) if isinstance(value, dict) else None
            return found if isinstance(found, list) else []

        document = data.get("document") if isinstance(data, dict) else None
        topics = items(data, "topics")
        return cls(
            topic_ids=[(("topics", ti, "id"), t["id"]) for ti, t in enumerate(topics)
                       if isinstance(t, dict) and isinstance(t.get("id"), str)],
            points=[(("topics", ti, "points", pi), point) for ti, t in enumerate(topics)
                    for pi, raw in enumerate(items(t, "points")) if (point := valid(raw, Point)) is not None],
            seed=valid(document.get("source"), SeedName) if isinstance(document, dict) else None,
            skipped=[(("skipped", i, key), s[key]) for i, s in enumerate(items(data, "skipped"))
                     for key in ("quote", "through") if isinstance(s, dict) and isinstance(s.get(key), str)],
        )


def check_brief(parts: Parts, reader: Reader, glossary: Glossary | None, seeds: SeedLibrary) -> None:
    """The checks beyond the schema: unique ids, known themes, quotes found once in the seed, and support that
    agrees with the quote's quantifier (a warning)."""
    at = reader.positions.of
    _unique(reader, [path for path, _ in parts.topic_ids], [ident for _, ident in parts.topic_ids],
            N_("duplicate topic id `{id}`: topic ids must be unique within a brief"))
    _unique(reader, [(*path, "id") for path, _ in parts.points], [point.id for _, point in parts.points],
            N_("duplicate point id `{id}`: point ids must be unique within a brief"))
    if parts.points and not any(point.key for _, point in parts.points):
        reader.problem(at(("topics",)), N_("no point is marked `key: true`: mark the points the one-page brief must "
                                           "carry"), level="warning")
    seed = _seed(parts.seed, reader, seeds) if parts.seed else None
    known = {theme.id for theme in glossary.themes} if glossary else None
    for path, point in parts.points:
        for index, theme in enumerate(point.themes):
            if known is not None and theme not in known:
                reader.problem(at((*path, "themes", index)), N_("unknown theme `{theme}`: use a theme id from "
                                                                 "glossary.yaml, or add it there"), theme=theme)
        if isinstance(point, Divergence):
            quoted = [((*path, "positions", i), position) for i, position in enumerate(point.positions)]
        else:
            quoted = [(path, point)]
        for holder_path, holder in quoted:
            if seed is not None:
                _check_quote(reader, seed, holder.source.quote, at((*holder_path, "source", "quote")))
            found = ladder.quantifier(holder.source.quote)
            if found and found[1] != holder.support:
                reader.problem(at((*holder_path, "support")), N_("support is `{support}` but the quote opens with "
                                                                 "{phrase} (`{found}`): check the chair's wording"),
                               level="warning", support=holder.support, phrase=found[0], found=found[1])
    if seed is not None:
        for path, quote in parts.skipped:
            _check_quote(reader, seed, quote, at(path))


def _seed(name: str, reader: Reader, seeds: SeedLibrary) -> Seed | None:
    where = reader.positions.of(("document", "source"))
    try:
        return seeds.get(name)
    except FileNotFoundError:
        reader.problem(where, N_("seed `{name}` not found in {folder}: use the name of a file in the seeds "
                                 "directory"), name=name, folder=shown_path(seeds.folder))
    except UnicodeDecodeError:
        reader.problem(where, N_("seed `{name}` is not UTF-8: save it as UTF-8"), name=name)
    except (OSError, ValueError):
        reader.problem(where, N_("seed `{name}` cannot be read or is too large: check the file in {folder}"), name=name,
                       folder=shown_path(seeds.folder))
    return None


def _check_quote(reader: Reader, seed: Seed, quote: str, where: Position) -> None:
    count = seed.count(quote)
    if count == 0:
        reader.problem(where, N_("quote not found in seed `{seed}`: copy it verbatim from the seed (whitespace does "
                                 "not matter, every other character does)"), seed=seed.name)
    elif count > 1:
        reader.problem(where, N_("quote occurs {count} times in seed `{seed}`: quote more of the sentence so that it "
                                 "points to one place"), count=str(count), seed=seed.name)
