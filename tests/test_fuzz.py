"""The loader never raises, whatever the file holds: random YAML documents, random bytes, and random mutations of
the fixture brief and of the real briefs. The only outcomes are a valid brief or problems with a position."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.corpus import Corpus
from brief.loader import load
from brief.model import Brief
from tests.conftest import BRIEFS, FIXTURES, SEEDS, copy_glossary

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Problems of a whole file, which have no line: an empty file (the others, a file that is too large or cannot be
#: read, are not made here).
WHOLE_FILE = {"the file is empty: write a brief in it (see briefs/README.md) or delete it"}


@pytest.fixture(scope="module")
def glossary_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A briefs glossary_only holding only the glossary; each example writes `fuzz.yaml` into it."""
    briefs = tmp_path_factory.mktemp("fuzz") / "briefs"
    briefs.mkdir()
    copy_glossary(briefs)
    return briefs


def load_file(glossary_only: Path, content: str | bytes) -> None:
    """Load `content` as a brief and check the property: a Corpus, and either the brief or an error; every problem
    of the file with its path and, unless it concerns the whole file, a line and a column."""
    path = glossary_only / "fuzz.yaml"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    corpus = load(glossary_only, SEEDS)
    assert isinstance(corpus, Corpus)
    assert all(isinstance(brief, Brief) for brief in corpus.briefs)
    for problem in corpus.problems:
        assert Path(problem.path).resolve() == path.resolve() and problem.level in ("error", "warning")
        if problem.template not in WHOLE_FILE:
            assert problem.line >= 1 and problem.col >= 1, problem
        assert all(isinstance(value, str) for value in problem.params.values())
    assert corpus.briefs or corpus.errors, "a file that gives no brief must say why"


# Random documents --------------------------------------------------------------------------------------------

FRAGMENTS = [
    "schema: 1\n", "id: mini-nsa\n", "document:\n", "  source: cd-2105.zh.txt\n", "  date: 2017-09-15\n",
    "topics:\n", "  - id: t\n", "    points:\n", "      - kind: consensus\n", "        support: all\n",
    "text: {en: a, zh: 乙}\n", "source: {quote: 各代表团}\n", "meetings: [2017-06-28, {from: 2017-01-01}]\n",
    "- ", "  ", "    ", "\t", "\n", ": ", ", ", "{", "}", "[", "]", "'", '"', "\\", "#", "? ", "---\n", "...\n",
    "&a ", "*a ", "<<: ", "!!python/object/apply:os.system ", "!!binary ", "!x ", "!!str ", "!!int ", "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n", "|\n", ">-\n", "0x_", "1:2:3", "~", "null", "yes", ".nan", "1e999", "2017-02-30",
    "\ufeff", "\x00", "\x07", "\u2028", "\x85", "核", "é", "\r\n", "-" * 3,
]
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.sampled_from(
    ["1", "mini-nsa", "cd-2105.zh.txt", "2017-09-15", "consensus", "divergence", "all", "many", "各代表团普遍认同"])
KEYS = st.sampled_from(["schema", "id", "document", "symbol", "source", "date", "forum", "agenda_item", "number",
                        "title", "short", "meetings", "summary", "topics", "points", "kind", "support", "key",
                        "themes", "text", "issue", "positions", "holders", "quote", "skipped", "reason", "en",
                        "zh", "from", "to", "note"]) | st.text(max_size=8)
TREES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
                     max_leaves=30)


@FUZZ
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_documents_built_from_yaml_fragments(glossary_only: Path, text: str) -> None:
    load_file(glossary_only, text)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(glossary_only: Path, data: bytes) -> None:
    load_file(glossary_only, data)


@FUZZ
@given(TREES, st.booleans())
def test_random_trees(glossary_only: Path, tree: object, flow: bool) -> None:
    load_file(glossary_only, yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow))


# Mutations of real briefs ------------------------------------------------------------------------------------

BASES = [FIXTURES / "mini.yaml", *(p for p in sorted(BRIEFS.glob("*.yaml")) if p.name != "glossary.yaml")]
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in BASES}


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real brief with one to three mutations, each of the kind a hurried edit or a damaged file makes."""
    lines = TEXTS[draw(st.sampled_from(sorted(TEXTS)))].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        other = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "tab", "truncate", "value", "key", "indent"]))
        line = lines[at]
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(other, line)
        elif kind == "swap":
            lines[at], lines[other] = lines[other], line
        elif kind == "tab":
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + "\t" + line[cut:]
        elif kind == "truncate":
            lines = lines[:at] + [line[: draw(st.integers(0, len(line)))]]
        elif kind == "value" and ": " in line:
            lines[at] = line.split(": ", 1)[0] + ": " + draw(st.text(max_size=30) | SCALARS.map(str))
        elif kind == "key":
            indent = line[: len(line) - len(line.lstrip())]
            lines.insert(at, f"{indent}{draw(KEYS)}: {draw(SCALARS)}")
        elif kind == "indent":
            lines[at] = " " * draw(st.integers(0, 3)) + line
    return "\n".join(lines)


@FUZZ
@given(mutated())
def test_mutations_of_real_briefs(glossary_only: Path, text: str) -> None:
    load_file(glossary_only, text)
