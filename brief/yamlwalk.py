"""One walk over a YAML file's parse events: the plain data, the position of every value and key, and every
problem, without building a node tree or calling PyYAML's constructor.

The walk gives exactly what composing the document into nodes, checking the nodes and constructing them with
PyYAML's safe loader (dates left as text) gives, in the same order of precedence: a bound exceeded (an alias,
nesting deeper than MAX_DEPTH, more than MAX_NODES values) stops the walk at once; then a composition error (a
duplicate anchor, a second document); then every problem of the node check (a tag other than the standard ones,
a number or boolean that cannot be read, a merge key, a key that is not a scalar, a duplicate key), in the order
in which the node check found them; then the first construction error (a standard tag on the wrong kind of
node, such as `!!seq` on a mapping). Plain scalars are resolved with YAML 1.1's implicit resolvers, as PyYAML
resolves them (`brief.yamlscalars`), so `yes`, `012`, `0x1f`, `1_000`, `1:20`, `~` and `.inf` mean what they mean
there.

A syntax error is raised as the parser raises it. `tests/test_yamlwalk.py` holds the walk to the node-based
reader it replaced.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml

from brief.i18n import N_
from brief.limits import MAX_DEPTH, MAX_NODES, MAX_NUMBER_CHARS
from brief.yamlscalars import (
    ALLOWED_TAGS,
    BOOL,
    BUILD,
    MAP,
    MERGE,
    NULL,
    PREFIX,
    RESOLVED,
    RESOLVERS,
    SCALAR_TAGS,
    SEQ,
    STR,
    resolve,
)

Position = tuple[int, int]  # line and column, from 1
NodePath = tuple[str | int, ...]


ANCHORS = N_("anchors and aliases (&name, *name) are not supported: write the value out")
_TOO_DEEP = N_("values are nested more than {limit} levels deep here, far more than a brief needs: check the "
               "brackets and indentation")
_TOO_MANY = N_("the file holds more than {limit} values, far more than a brief needs: split it into one file per "
               "agenda item")
_TAG = N_("the tag `{tag}` is not allowed in a brief: remove it (only plain YAML values are read, and nothing is "
          "ever executed)")
_NOT_BOOL = N_("`{value}` cannot be read as true or false: write true or false, or put the value in double quotes "
               "if it is text")
_NOT_NUMBER = N_("`{value}` cannot be read as a number: write a plain number, or put the value in double quotes if "
                 "it is text")
_MERGE_KEY = N_("merge keys (`<<`) are not supported: write the keys out")
_KEY_NOT_SCALAR = N_("a mapping key must be a plain word, not a list or a mapping: write `name: value`")
_DUPLICATE_KEY = N_("duplicate key `{key}`: keep only one")

Found = tuple[Position, str, dict[str, str]]  # where, template, parameters


class Positions:
    """Line and column of every value and key of a document, by path from the root.

    The walk keeps them as it meets them, cheaply: each collection has a record, a list of its start mark, its
    keys as written (a mapping's, each with its pair's number; None for a sequence), then the mark or the
    record of each child in order (a mapping's key then value, pair by pair). A path is looked up in them when
    a position is asked for, which is only for the few values a problem concerns.
    """

    def __init__(self, document: list[Any] | None = None) -> None:
        self._document = document if document is not None else [None, None]

    def of(self, path: NodePath, on_key: bool = False) -> Position:
        """The position of the node at `path`, or of its nearest ancestor that exists; with `on_key`, of the
        key of the value at `path` where it has one."""
        found, parent, node = self._document, None, None
        if len(found) > 2:
            node = found[2]
            for part in path:
                parent = node
                if not isinstance(node, list):
                    break
                if node[1] is not None:
                    pair = node[1].get(part) if isinstance(part, str) else None
                    if pair is None:
                        break
                    found, node = node, node[3 + 2 * pair]
                elif type(part) is int and 0 <= part < len(node) - 2:
                    found, node = node, node[2 + part]
                else:
                    break
            else:
                if on_key and path and isinstance(parent, list) and parent[1] is not None:
                    return _position(parent[2 + 2 * parent[1][path[-1]]])
                return _position(node)
            return _position(parent)
        return (1, 1)


def _position(node: Any) -> Position:
    mark = node[0] if isinstance(node, list) else node
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class Walked(NamedTuple):
    """What the walk found: `data` is whole only when nothing else was found."""

    data: Any
    positions: Positions
    root: Position | None  # where the root value starts; None when the stream holds no document
    bound: Found | None  # the bound that stopped the walk
    composition: yaml.MarkedYAMLError | None
    problems: list[Found]  # of the node check, in its order
    construction: yaml.MarkedYAMLError | None  # the first the constructor would raise


def _scalar_problem(tag: str, value: str) -> tuple[str, dict[str, str]]:
    """The problem with a scalar of a standard tag: its value cannot be built."""
    shown = value if len(value) <= MAX_NUMBER_CHARS else value[:MAX_NUMBER_CHARS] + "…"
    return (_NOT_BOOL if tag == BOOL else _NOT_NUMBER), {"value": shown}


def _tag_problem(tag: str) -> tuple[str, dict[str, str]]:
    return _TAG, {"tag": tag.replace(PREFIX, "!!")}


def _at(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


def walk(get_event: Any) -> Walked:
    """Walk the events that `get_event` gives until it gives None."""
    # The node check's problems, each with its place in the order in which the check visited the nodes (a node,
    # then its keys, then its children from the last to the first); the construction errors, each with its place
    # in the constructor's order (breadth first: by depth, then document order, then child).
    problems: list[tuple[tuple[tuple[int, ...], int], Position, str, dict[str, str]]] = []
    construction: list[tuple[tuple[int, int, int], yaml.MarkedYAMLError]] = []
    composition: yaml.MarkedYAMLError | None = None
    anchors: dict[str, Any] = {}
    documents = depth = nodes = 0
    data: Any = None
    root: Position | None = None
    building = True  # nothing found so far, so the data is worth building
    stack: list[tuple[Any, ...]] = []
    document: list[Any] = [None, None]
    # The collection being read (a mapping, a sequence, or the document around the root value):
    in_map = in_seq = False
    container: Any = None
    record = document  # its positions (see Positions)
    add = record.append
    seen: dict[str, int] | None = None  # in a mapping: its keys as written, with the number of their pair
    trail: tuple[int, ...] = ()  # its place in the node check's order
    level = pre = -1  # its depth and its place in document order (the document: -1)
    index = 0  # of the pair being read in a mapping, of the item in a sequence
    expect_key = True  # in a mapping: the next node is a key
    key: Any = None  # in a mapping: the key of the value to come
    muted = False  # the node check does not visit this collection (it was refused, or is in one that was)
    mute_value = False  # in a mapping: the value to come belongs to a refused key
    is_key = False  # the collection is a mapping's key (refused)
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    resolvers, resolved, build, allowed = RESOLVERS, RESOLVED, BUILD, ALLOWED_TAGS
    most_nodes, most_chars = MAX_NODES, MAX_NUMBER_CHARS
    text_tag = STR

    while (event := get_event()) is not None:
        kind = event.__class__
        if kind is scalar_event:
            nodes += 1
            mark = event.start_mark
            if nodes > most_nodes:
                return _stopped(_at(mark), _TOO_MANY, {"limit": f"{MAX_NODES:,}"})
            value = event.value
            tag = event.tag
            if tag is None or tag == "!":
                if event.implicit[0] and value[:1] in resolvers:
                    tag = resolved.get(value) or resolve(value)
                else:
                    tag = text_tag
            if event.anchor is not None:
                composition = _anchor(event, anchors, composition)
                building = building and composition is None
            if tag is text_tag or tag == text_tag:
                found: tuple[str, dict[str, str]] | None = None
                obj: Any = value
            else:
                obj, found = _scalar(tag, value, build, allowed, most_chars)
                if in_map and expect_key:
                    if tag == MERGE:
                        found = _MERGE_KEY, {}
                    elif found is None and (tag == MAP or tag == SEQ):  # the constructor fails on it
                        construction.append(((level, pre, 2 * index), yaml.MarkedYAMLError(
                            "while constructing a mapping", None, "found unhashable key", mark)))
                        building = False
                elif found is None and (tag == MAP or tag == SEQ):
                    construction.append(((level + 1, nodes, -1), yaml.MarkedYAMLError(
                        None, None, f"expected a {'mapping' if tag == MAP else 'sequence'} node, but found scalar",
                        mark)))
                    building = False
            add(mark)
            if in_map:
                if expect_key:
                    expect_key = False
                    if found is not None:
                        mute_value = True
                        if not muted:
                            problems.append(((trail, index), _at(mark), *found))
                            building = False
                        continue
                    if value in seen and not muted:  # type: ignore[operator]
                        problems.append(((trail, index), _at(mark), _DUPLICATE_KEY, {"key": value}))
                        building = False
                    seen[value] = index  # type: ignore[index]
                    key = obj
                    continue
                if found is not None and not (muted or mute_value):
                    problems.append((((*trail, -index), -1), _at(mark), *found))
                    building = False
                if building:
                    container[key] = obj
                expect_key, mute_value = True, False
            elif in_seq:
                if found is not None and not muted:
                    problems.append((((*trail, -index), -1), _at(mark), *found))
                    building = False
                if building:
                    container.append(obj)
            else:
                if found is not None:
                    problems.append((((), -1), _at(mark), *found))
                    building = False
                if documents == 1:
                    root, data = _at(mark), obj
            index += 1
            continue

        if kind is mapping_end or kind is sequence_end:
            depth -= 1
            was_key = is_key
            (in_map, in_seq, container, record, add, seen, trail, level, pre, index, expect_key, key, muted,
             mute_value, is_key) = stack.pop()
            if was_key:
                expect_key, mute_value = False, True
            else:
                expect_key, mute_value = True, False
                index += 1
            continue

        if kind is not mapping_start and kind is not sequence_start:
            if kind is yaml.AliasEvent:
                return _stopped(_at(event.start_mark), ANCHORS, {})
            if kind is yaml.DocumentStartEvent:
                documents += 1
                anchors.clear()
                if documents == 2 and composition is None:
                    composition = yaml.MarkedYAMLError("expected a single document in the stream", None,
                                                       "but found another document", event.start_mark)
                    building = False
            continue

        # The start of a mapping or a sequence.
        nodes += 1
        depth += 1
        mark = event.start_mark
        if depth > MAX_DEPTH:
            return _stopped(_at(mark), _TOO_DEEP, {"limit": str(MAX_DEPTH)})
        if nodes > most_nodes:
            return _stopped(_at(mark), _TOO_MANY, {"limit": f"{MAX_NODES:,}"})
        if event.anchor is not None:
            composition = _anchor(event, anchors, composition)
            building = building and composition is None
        is_mapping = kind is mapping_start
        noun = "mapping" if is_mapping else "sequence"
        tag = event.tag
        if tag is None or tag == "!":
            tag = MAP if is_mapping else SEQ
        child_trail = (*trail, -index) if level >= 0 else ()
        child_record: list[Any] = [mark, {} if is_mapping else None]
        add(child_record)
        child_muted = muted or (mute_value and not expect_key)
        if in_map and expect_key:
            if not muted:
                problems.append(((trail, index), _at(mark), _MERGE_KEY if tag == MERGE else _KEY_NOT_SCALAR, {}))
                building = False
            child_muted = True
        else:
            if tag not in allowed:
                if not child_muted:
                    problems.append(((child_trail, -1), _at(mark), *_tag_problem(tag)))
                    building = False
                child_muted = True
            elif tag in SCALAR_TAGS:
                construction.append(((level, pre, 2 * index + 1 if in_map else index if in_seq else 0),
                                     yaml.MarkedYAMLError(None, None, f"expected a scalar node, but found {noun}",
                                                          mark)))
                building = False
            elif (tag == MAP) != is_mapping:
                construction.append(((level + 1, nodes, -1), yaml.MarkedYAMLError(
                    None, None, f"expected a {'mapping' if tag == MAP else 'sequence'} node, but found {noun}",
                    mark)))
                building = False
            if documents == 1 and level < 0:
                root = _at(mark)
        child: Any = None
        if building:
            child = {} if is_mapping else []
            if in_map:
                container[key] = child
            elif in_seq:
                container.append(child)
            else:
                data = child
        stack.append((in_map, in_seq, container, record, add, seen, trail, level, pre, index, expect_key, key, muted,
                      mute_value, is_key))
        is_key = in_map and expect_key
        in_map, in_seq, container, record, add, seen = is_mapping, not is_mapping, child, child_record, \
            child_record.append, child_record[1]
        trail, level, pre, index, expect_key, muted, mute_value = child_trail, level + 1, nodes, 0, True, \
            child_muted, False

    problems.sort(key=lambda found: found[0])
    return Walked(data if building else None, Positions(document), root, None, composition,
                  [found[1:] for found in problems],
                  min(construction, key=lambda found: found[0])[1] if construction else None)


def _scalar(tag: str, value: str, build: dict[str, Any], allowed: frozenset[str],
            most_chars: int) -> tuple[Any, tuple[str, dict[str, str]] | None]:
    """The value of a scalar of a tag other than `!!str`, or the problem that keeps it from being built."""
    if tag in build:
        if len(value) <= most_chars:
            try:
                return build[tag](value), None
            except (ValueError, IndexError, KeyError):  # `0x_` is an int to YAML's pattern; `!!bool maybe`
                pass
        return None, _scalar_problem(tag, value)
    if tag == NULL or tag in allowed:
        return None, None
    return None, _tag_problem(tag)


def _anchor(event: Any, anchors: dict[str, Any], composition: yaml.MarkedYAMLError | None) -> \
        yaml.MarkedYAMLError | None:
    """The first composition error, after the anchor of `event` (anchors are allowed, but not twice)."""
    if event.anchor in anchors and composition is None:
        composition = yaml.MarkedYAMLError("found duplicate anchor; first occurrence", anchors[event.anchor],
                                           "second occurrence", event.start_mark)
    anchors[event.anchor] = event.start_mark
    return composition


def _stopped(where: Position, template: str, params: dict[str, str]) -> Walked:
    return Walked(None, Positions(), None, (where, template, params), None, [], None)
