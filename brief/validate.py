"""Validate plain data (from YAML) against the model's msgspec structs and report *every* problem, not the first.

`msgspec.convert` does the checking but stops at the first error. When it fails, `Validator` walks the data
along the struct's type annotations, field by field and item by item, and lets msgspec judge each leaf again,
so that one run lists every unknown key, missing field and bad value, each with the path of the offending node.
The walk only happens on invalid data; valid data costs one `msgspec.convert` call.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, Union

import msgspec

from brief.i18n import N_
from brief.languages import LANGUAGES

Path = tuple[str | int, ...]


class Issue(typing.NamedTuple):
    """A validation failure at `path` (keys and indexes from the document root)."""

    path: Path
    template: str
    params: dict[str, str]
    on_key: bool = False  # point at the key itself (an unknown key) rather than at its value


def convert(data: Any, target: Any) -> tuple[Any | None, list[Issue]]:
    """Return `(value, [])` when `data` is valid for `target`, else `(None, issues)` with every issue found."""
    try:
        return msgspec.convert(data, target), []
    except msgspec.ValidationError:
        issues = list(_walk(data, target, ()))
        return None, issues or [Issue((), N_("the document does not match the expected structure: see briefs/README.md "
                                             "for the format"), {})]


def _walk(value: Any, target: Any, path: Path) -> Iterator[Issue]:
    origin = typing.get_origin(target)
    if isinstance(target, type) and issubclass(target, msgspec.Struct):
        yield from _walk_struct(value, target, path)
    elif origin in (Union, types.UnionType):
        yield from _walk_union(value, typing.get_args(target), path)
    elif origin is tuple or origin is list:
        yield from _walk_sequence(value, target, path)
    elif origin is typing.Annotated and _is_container(typing.get_args(target)[0]):
        inner = typing.get_args(target)[0]
        issues = list(_walk(value, inner, path))
        yield from issues
        if not issues:
            yield from _leaf(value, target, path)  # the container is fine item by item: a length constraint
    else:
        yield from _leaf(value, target, path)


def _is_container(target: Any) -> bool:
    return typing.get_origin(target) in (tuple, list)


def _walk_sequence(value: Any, target: Any, path: Path) -> Iterator[Issue]:
    if not isinstance(value, list):
        yield Issue(path, N_("`{field}` must be a list (write `[a, b]` or one `- item` per line)"), _field(path))
        return
    item_type = typing.get_args(target)[0]
    for index, item in enumerate(value):
        yield from _walk(item, item_type, (*path, index))


def _walk_union(value: Any, members: tuple[Any, ...], path: Path) -> Iterator[Issue]:
    if value is None and type(None) in members:
        return
    members = tuple(m for m in members if m is not type(None))
    tagged = [m for m in members if isinstance(m, type) and issubclass(m, msgspec.Struct) and m.__struct_config__.tag]
    if tagged and isinstance(value, dict):
        tag_field = str(tagged[0].__struct_config__.tag_field)
        choices = {str(m.__struct_config__.tag): m for m in tagged}
        tag = value.get(tag_field)
        if tag is None:
            yield Issue(path, N_("missing `{field}`: add one of {choices}"),
                        {"field": tag_field, "choices": ", ".join(choices)})
        elif tag not in choices:
            yield Issue((*path, tag_field), N_("`{field}` is `{value}`; use one of {choices}"),
                        {**_field((*path, tag_field)), "value": str(tag), "choices": ", ".join(choices)})
        else:
            yield from _walk_struct(value, choices[tag], path, skip=tag_field)
        return
    if len(members) == 1:
        yield from _walk(value, members[0], path)
        return
    for member in members:
        try:
            msgspec.convert(value, member)
            return
        except msgspec.ValidationError:
            continue
    # No member accepts the value: explain against the member whose shape (mapping or not) matches.
    shaped = [m for m in members if isinstance(value, dict) == (isinstance(m, type) and issubclass(m, msgspec.Struct))]
    yield from _walk(value, (shaped or members)[0], path)


def _walk_struct(value: Any, struct: type[msgspec.Struct], path: Path, skip: str | None = None) -> Iterator[Issue]:
    if not isinstance(value, dict) and not path:
        yield Issue(path, N_("the file must hold a mapping of keys to values (`schema: 1`, `id: …`), not {got}: see "
                             "briefs/README.md for the format"), {"got": _describe_value(value)})
        return
    if not isinstance(value, dict):
        yield Issue(path, N_("`{field}` must be a mapping of keys to values, not {got}"),
                    {**_field(path), "got": _describe_value(value)})
        return
    fields = _fields(struct)
    for key in value:
        if key == skip or key in fields:
            continue
        close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
        if close:
            yield Issue((*path, str(key)), N_("unknown key `{key}`: did you mean `{suggestion}`?"),
                        {"key": str(key), "suggestion": close[0]}, on_key=True)
        else:
            yield Issue((*path, str(key)), N_("unknown key `{key}`: remove it, or use one of {choices}"),
                        {"key": str(key), "choices": ", ".join(fields)}, on_key=True)
    for name, info in fields.items():
        if name in value:
            yield from _walk(value[name], info.type, (*path, name))
        elif info.required and name in LANGUAGES:
            yield Issue(path, N_("missing `{key}`: add the {language} text"),
                        {"key": name, "language": LANGUAGES[name].label})
        elif info.required:
            yield Issue(path, N_("missing `{key}`: add it"), {"key": name})


@functools.cache
def _fields(struct: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    """A struct's fields by name in the file; cached, as msgspec evaluates the annotations on every call."""
    return {f.encode_name: f for f in msgspec.structs.fields(struct)}


def _leaf(value: Any, target: Any, path: Path) -> Iterator[Issue]:
    try:
        msgspec.convert(value, target)
        return
    except msgspec.ValidationError:
        pass
    params = {**_field(path), "got": _describe_value(value)}
    base = _base(target)
    meta = [m for m in getattr(target, "__metadata__", ()) if isinstance(m, msgspec.Meta)]
    if typing.get_origin(base) is Literal:
        template = N_("`{field}` must be one of {choices}, not {got}")
        params["choices"] = ", ".join(str(a) for a in typing.get_args(base))
    elif base is dt.date:
        template = N_("`{field}` must be a real date written YYYY-MM-DD, not {got}")
    elif base is bool:
        template = N_("`{field}` must be true or false, not {got}")
    elif _is_container(base):
        least = meta[0].min_length if meta and meta[0].min_length is not None else 1
        if least == 1:
            template = N_("`{field}` must have at least one item")
        else:  # a problem carries a message and its values, not plural forms: one item is said apart
            template = N_("`{field}` must have at least {count} items")
            params["count"] = str(least)
    elif base is str and isinstance(value, str) and meta and meta[0].description:
        template = N_("`{field}` must be {expected}, not {got}")
        params["expected"] = meta[0].description
    elif base is str:
        template = N_("`{field}` must be text, not {got}: put the value in double quotes")
    else:
        template = N_("`{field}` has the wrong type ({got}): see briefs/README.md for the format")
    yield Issue(path, template, params)


def _base(target: Any) -> Any:
    while typing.get_origin(target) is typing.Annotated:
        target = typing.get_args(target)[0]
    return target


def _describe_value(value: Any) -> str:
    if value is None:
        return N_("an empty value")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, dict):
        return N_("a mapping")
    if isinstance(value, list):
        return N_("a list")
    text = str(value)
    if not text.strip():
        return N_("an empty string")
    return f"`{text[:40]}…`" if len(text) > 40 else f"`{text}`"


def _field(path: Path) -> dict[str, str]:
    """The dotted name of the node at `path`, as a curator reads it: `topics[2].points[0].text.zh`."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return {"field": name or "document"}
