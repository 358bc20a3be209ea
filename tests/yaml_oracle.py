"""The node-based reader that `brief.yamlfile` used before its one-pass walk, kept as the oracle the walk is
held to (`tests/test_yamlwalk.py`): it composes the node tree, checks it, then constructs it with PyYAML's safe
loader. As it was, apart from its imports.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

from brief.corpus import Problem
from brief.i18n import N_
from brief.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_NUMBER_CHARS

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
            Problem(path=self.shown, line=where[0], col=where[1], level=level,  # type: ignore[arg-type]
                    template=template, params=params)
        )

    def read(self) -> Any | None:
        try:
            status = self.path.stat()
            if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would block or never end
                self.problem((0, 0), N_("not a regular file: a brief must be a YAML text file"))
                return None
            size = status.st_size
            if size > MAX_FILE_BYTES:
                self.problem((0, 0), N_("file is {size} MB, over the {limit} MB limit for a brief: split it into one file per agenda item"),  # noqa: E501
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
