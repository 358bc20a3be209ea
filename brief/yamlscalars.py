"""The scalars of a YAML file as PyYAML's safe loader reads them: the tags of YAML 1.1's implicit resolvers for
plain scalars (`yes`, `012`, `0x1f`, `1_000`, `1:20`, `~`, `.inf`; dates stay text), and the values of the
standard scalar tags, built as PyYAML's safe constructor builds them (`tests/test_yamlwalk.py` holds both to
PyYAML)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

PREFIX = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, MAP, SEQ, MERGE = (PREFIX + name for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "merge"))
#: The tags a brief may contain; anything else (`!!python/object`, `!!binary`, `!custom`) is refused.
ALLOWED_TAGS = frozenset((STR, INT, FLOAT, BOOL, NULL, MAP, SEQ))
SCALAR_TAGS = frozenset((STR, INT, FLOAT, BOOL, NULL))
_TIMESTAMP = PREFIX + "timestamp"
#: YAML 1.1's implicit resolvers as PyYAML's safe loader has them, by the first character of a plain scalar,
#: without the one for dates: a date stays text for the model to validate, with a position.
RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple((tag, pattern) for tag, pattern in [*resolvers, *yaml.resolver.Resolver.yaml_implicit_resolvers.get(
        None, [])] if tag != _TIMESTAMP)
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items() if first is not None
}
#: The tags of plain scalars already resolved (`text`, `false`, `themes`: a brief repeats them), up to a bound.
RESOLVED: dict[str, str] = {}
RESOLVED_MOST = 10_000


def resolve(value: str) -> str:
    """The tag of a plain scalar: the first of YAML 1.1's implicit resolvers that matches it, else `!!str`."""
    tag = next((tag for tag, pattern in RESOLVERS[value[:1]] if pattern.match(value)), STR)
    if len(RESOLVED) < RESOLVED_MOST:
        RESOLVED[value] = tag
    return tag


_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_INFINITY = float("inf")
_NAN = -_INFINITY / _INFINITY  # PyYAML's quiet NaN


def _integer(value: str) -> int:
    """An int as PyYAML's safe constructor builds it (`0b1`, `017` octal, `0x1f`, `1_000`, `1:20` base 60)."""
    value = value.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[0] == "0":
        return sign * int(value, 8)
    if ":" in value:
        total, base = 0, 1
        for part in reversed(value.split(":")):
            total += int(part) * base
            base *= 60
        return sign * total
    return sign * int(value)


def _float(value: str) -> float:
    """A float as PyYAML's safe constructor builds it (`.inf`, `-.Inf`, `.nan`, `1_0.5`, `1:20.5` base 60)."""
    value = value.replace("_", "").lower()
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * _INFINITY
    if value == ".nan":
        return _NAN
    if ":" in value:
        total, base = 0.0, 1
        for part in reversed(value.split(":")):
            total += float(part) * base  # in PyYAML's order, which decides the rounding
            base *= 60
        return sign * total
    return sign * float(value)


def _boolean(value: str) -> bool:
    return _BOOLS[value.lower()]


#: How each standard scalar tag's value is built; a number or boolean that cannot be built is refused.
BUILD: dict[str, Callable[[str], Any]] = {INT: _integer, FLOAT: _float, BOOL: _boolean}
