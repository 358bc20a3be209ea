"""Hostile briefs made from the model: a complete brief and glossary (every text field of the model filled), the
place of every text (value or key) in them, and the same document with a payload put in one place or all, written
as YAML as a colleague's editor or script might write it.

`tests/test_hostile.py` runs the real command line on them.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import pty
import re
import select
import subprocess
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import yaml

from brief.corpus import Glossary
from brief.model import Brief
from brief.safe import HIDDEN
from brief.yamlfile import Reader
from tests.conftest import BRIEFS, FIXTURES, ROOT

TIMEOUT = 60
Place = tuple[tuple[str | int, ...], bool]  # the path of a text, and whether it is a mapping's key


def environment(cwd: Path, columns: int = 200) -> dict[str, str]:
    """What the command line runs with: its own cache, config and data folders under `cwd`."""
    return {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT), "COLUMNS": str(columns),
            "XDG_CACHE_HOME": str(cwd / "xdg-cache"), "XDG_CONFIG_HOME": str(cwd / "xdg-config"),
            "XDG_DATA_HOME": str(cwd / "xdg-data")}


def run(*args: str, cwd: Path, lang: str = "en", columns: int = 200) -> subprocess.CompletedProcess[bytes]:
    """The real command line, in a fresh interpreter; its output as bytes."""
    return subprocess.run([sys.executable, "-m", "brief", *args, "--lang", lang], capture_output=True, cwd=cwd,
                          timeout=TIMEOUT, env=environment(cwd, columns), check=False)


def run_on_terminal(*args: str, cwd: Path) -> bytes:
    """The real command line with a terminal (a pseudo-terminal) as its standard output and error: what it
    shows there, the terminal's line ends made newlines again."""
    main, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "brief", *args, "--lang", "en"], stdout=child, stderr=child,
                               stdin=subprocess.DEVNULL, cwd=cwd, env=environment(cwd))
    os.close(child)
    shown = b""
    while select.select([main], [], [], TIMEOUT)[0]:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert process.wait(timeout=TIMEOUT) == 0, shown
    return shown.replace(b"\r\n", b"\n")


# The model's text fields -------------------------------------------------------------------------------------


def model_texts(target: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """The place of every text field of the model, in the form `shape` gives a place in a document (`[]` for a
    list's items, `<kind>` for each kind of point), with its type."""
    origin = typing.get_origin(target)
    if origin is typing.Annotated:
        if typing.get_args(target)[0] is str:
            yield path, target
        else:
            yield from model_texts(typing.get_args(target)[0], path)
    elif isinstance(target, type) and issubclass(target, msgspec.Struct):
        config = target.__struct_config__
        if config.tag:
            path = (*path, f"<{config.tag}>")
            yield (*path, str(config.tag_field)), str
        for field in msgspec.structs.fields(target):
            yield from model_texts(field.type, (*path, field.encode_name))
    elif origin in (typing.Union, types.UnionType):
        for member in typing.get_args(target):
            yield from model_texts(member, path)
    elif origin is tuple:
        yield from model_texts(typing.get_args(target)[0], (*path, "[]"))
    elif target in (str, dt.date) or (origin is typing.Literal and isinstance(typing.get_args(target)[0], str)):
        yield path, target


def free_texts(data: Any) -> list[Place]:
    """The values of `data` (a brief) that the schema leaves free: any non-empty text, but not an id, a kind, a
    date or a quote (which must be the seed's)."""
    kinds = dict(model_texts(Brief))

    def free(target: Any) -> bool:
        meta = [m for m in getattr(target, "__metadata__", ()) if isinstance(m, msgspec.Meta)]
        return typing.get_origin(target) is typing.Annotated and typing.get_args(target)[0] is str and bool(meta) \
            and meta[0].pattern == r"\S"

    return [(path, False) for path, is_key in places(data) if not is_key
            and free(kinds[shape(data, path)]) and path[-1] not in ("quote", "through")]


def shape(data: Any, path: tuple[str | int, ...]) -> tuple[str, ...]:
    """The place `path` of a document as `model_texts` names it."""
    found: list[str] = []
    node = data
    for part in path:
        if isinstance(node, dict) and isinstance(node.get("kind"), str):  # a point
            found.append(f"<{node['kind']}>")
        found.append("[]" if isinstance(part, int) else part)
        node = node[part]
    return tuple(found)


def places(data: Any) -> list[Place]:
    """Every text of a document: each string value, and each key, by its path."""
    found: list[Place] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            found.append((path, False))
        elif isinstance(value, dict):
            for key, item in value.items():
                found.append(((*path, key), True))
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return sorted(found, key=repr)


def complete_brief() -> dict[str, Any]:
    """The fixture brief with every optional text field of the model filled, as plain data; it passes `brief
    check`."""
    data = Reader(FIXTURES / "mini.yaml", "mini.yaml").read()
    assert isinstance(data, dict)
    data["document"]["citation"] = {"en": "CD/2105, letter 2 of the co-chairs", "zh": "CD/2105，共同主席信函 2"}
    data["document"]["url"] = "https://undocs.org/CD/2105"
    data["chairs"] = [{"en": "Michael Biontino", "zh": "米夏埃尔·比翁蒂诺"}]
    first, split = data["topics"][0]["points"][:2]
    first["holders"] = {"en": "Delegations", "zh": "各代表团"}
    first["note"] = {"en": "An interim step only.", "zh": "仅为临时步骤。"}
    split["note"] = {"en": "A split on adequacy.", "zh": "在是否充分的问题上存在分歧。"}
    split["positions"][0]["note"] = {"en": "Not legally binding.", "zh": "不具法律约束力。"}
    data["topics"][0]["points"].append({
        "id": "relationship", "kind": "view", "support": "many", "themes": ["nsa"],
        "holders": {"en": "Many delegations", "zh": "许多代表团"},
        "text": {"en": "Many delegations stressed how scope, definitions and verification relate.",
                 "zh": "许多代表团着重指出了范围、定义和核查制度之间的相互关系。"},
        "source": {"quote": "许多代表团着重指出了未来条约的范围、定义和核查制度之间的相互关系"},
        "note": {"en": "Of scope and verification.", "zh": "涉及范围和核查。"}})
    proposal, assessment = data["topics"][1]["points"]
    proposal["holders"] = {"en": "All delegations", "zh": "各代表团"}
    proposal["note"] = {"en": "A committee.", "zh": "设立委员会。"}
    assessment["note"] = {"en": "The co-chairs' reading.", "zh": "共同主席的看法。"}
    data["meetings"] = ["2017-06-28", {"from": "2017-06-29", "to": "2017-06-30"}]
    data["skipped"][0]["through"] = "顺致最崇高的敬意"
    return data


def complete_glossary() -> dict[str, Any]:
    """A glossary with every text field of the model filled (its shift cites briefs that need not exist)."""
    glossary = Reader(BRIEFS / "glossary.yaml", "glossary.yaml").read()
    assert isinstance(glossary, dict)
    themes = glossary["themes"]
    return {"schema": 1, "themes": [t for t in themes if t["id"] in ("nsa", "fmct", "programme-of-work")],
            "terms": [{"en": "Conference on Disarmament", "zh": "裁军谈判会议", "abbr": "CD",
                       "note": {"en": "Geneva.", "zh": "日内瓦。"}}],
            "shifts": [{"theme": "nsa", "between": ["cd-2105-nsa", "a-68-514-oewg"],
                        "sentences": [{"text": {"en": "Views moved.", "zh": "立场有所变化。"},
                                       "points": ["cd-2105-nsa/interim-step"]}]}]}


MODELS = {"brief": (Brief, complete_brief), "glossary": (Glossary, complete_glossary)}


def with_payload(data: Any, where: list[Place], payload: str) -> Any:
    """A copy of `data` with `payload` after each text of `where` (a key is renamed, keeping its place)."""
    data = copy.deepcopy(data)
    for path, is_key in sorted(where, key=lambda place: -len(place[0])):  # the deepest first: paths stay valid
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        if is_key:
            items = list(parent.items())
            parent.clear()
            parent.update((f"{key}{payload}" if key == last else key, value) for key, value in items)
        else:
            parent[last] = f"{parent[last]}{payload}"
    return data


def write(path: Path, data: Any, *, raw: bool) -> str:
    """`data` as YAML in `path`, as PyYAML writes it: with `raw`, characters it can print are written as they
    are (U+202E, a zero-width space), else as escapes (`\\u202E`); controls are always escapes (`\\e`)."""
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=raw, width=1_000_000, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return text


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, which its positions count
_ESCAPE = re.compile(r'\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)', re.S)
_LETTERS = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85",
            "L": "\u2028", "P": "\u2029"}


def hidden_places(text: str) -> set[tuple[int, int, str]]:
    """Where `text` (a YAML file) holds a hidden character, written or as an escape: line, column (from 1) and
    code point, as `brief check` must report them."""
    found = {(match.start(), match.group()) for match in HIDDEN.finditer(text)}
    for match in _ESCAPE.finditer(text):
        code = match.group(1)
        character = chr(int(code[1:], 16)) if code[0] in "xuU" and len(code) > 1 else _LETTERS.get(code, "")
        if HIDDEN.fullmatch(character):
            found.add((match.start(), character))
    starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    result = set()
    for offset, character in found:
        line = max(index for index, start in enumerate(starts) if start <= offset)
        result.add((line + 1, offset - starts[line] + 1, f"U+{ord(character):04X}"))
    return result


_REPORTED = re.compile(r"^(?P<file>\S+?):(?P<line>\d+):(?P<col>\d+): (?:error|错误): (?:the escape `[^`]*` gives |转义序列 "
                       r"`[^`]*` 生成 )?U\+(?P<code>[0-9A-F]+) ")


def reported(output: str) -> dict[str, set[tuple[int, int, str]]]:
    """The hidden characters `brief check` reported, by file."""
    found: dict[str, set[tuple[int, int, str]]] = {}
    for line in output.splitlines():
        if match := _REPORTED.match(line):
            found.setdefault(match["file"], set()).add((int(match["line"]), int(match["col"]), f"U+{match['code']}"))
    return found
