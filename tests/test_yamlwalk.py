"""The one-pass reader (`brief.yamlfile`, `brief.yamlwalk`) gives exactly what the node-based reader it replaced
gives (`tests/yaml_oracle.py`): the same data, the same positions, the same problems in the same order, on
hand-written documents that reach every rule and on random ones; PyYAML's parser, the fallback, gives what
libyaml's does; and our nesting bound comes before any parser's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from brief import yamlfile
from brief.limits import MAX_DEPTH
from brief.yamlfile import PythonParser, Reader
from tests import yaml_oracle
from tests.test_fuzz import FRAGMENTS, TREES, mutated

DIFF = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])


def outcome(reader: Any) -> tuple[Any, ...]:
    data = reader.read()
    problems = [(p.line, p.col, p.level, p.template, p.params) for p in reader.problems]
    return repr(data), problems  # repr: 1, 1.0 and True differ, and so does the order of keys


def probes(oracle: Any) -> list[tuple[str | int, ...]]:
    """Every path the oracle knows a position of, and paths just beside them that do not exist."""
    known = {*oracle.positions.values, *oracle.positions.keys}
    return sorted({*known, *((*path, extra) for path in known for extra in ("zz", 0, 99, True)),
                   *((*path[:-1], "nope") for path in known if path)}, key=repr)


def same_as_oracle(path: Path, text: str | bytes) -> tuple[Any, ...]:
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    new, old = Reader(path, "f.yaml"), yaml_oracle.Reader(path, "f.yaml")
    found = outcome(new)
    assert found == outcome(old), text
    if found[0] != "None":  # the positions, which the loader only asks for when there is data
        for probe in probes(old):
            for on_key in (False, True):
                assert new.positions.of(probe, on_key) == old.positions.of(probe, on_key), (text, probe, on_key)
    return found


CASES = {
    "plain values": "a: yes\nb: No\nc: on\nd: OFF\ne: ~\nf: null\ng:\nh: 012\ni: 0x1f\nj: 1_000\nk: 0b101\nl: 1:20\n"
                    "m: 1:20.5\nn: .inf\no: -.Inf\np: .NaN\nq: 1e3\nr: 1.5e+3\ns: 2017-02-30\nt: +1\nu: -0\nv: 08\n"
                    "w: 1:70\nx: '1'\ny: \"yes\"\nz: ! 12\naa: ! '12'\nab: 0o17\nac: 1.\nad: -.5\nae: +.inf\n",
    "explicit tags": "a: !!str 1\nb: !!int '12'\nc: !!float '1'\nd: !!bool 'On'\ne: !!null x\nf: !!int 0o17\n"
                     "g: !<tag:yaml.org,2002:str> x\nh: !!float 1:20.5\n",
    "keys": "1: a\n'1': b\n01: c\nyes: d\n~: e\n1.5: f\n? [a]\n: g\n",
    "keys not words": "? [a]\n: x\n? {b: 1}\n: y\nc: 1\n",
    "key positions": "a:\n  b: [1, {c: d}]\n  'e f': \"g\"\n",
    "duplicates": "a: 1\nb: {x: 1, x: 2}\na: 3\n'a': 4\n",
    "tags refused": "a: !!python/object:os.system x\nb: !custom [1]\nc: !!binary NA==\nd: !!timestamp 2017-01-01\n"
                    "e: =\nf: <<\ng: !!set {a}\n",
    "keys refused": "? !!python/name:x\n: 1\n<<: {a: 1}\n? !!merge [a]\n: 2\n? !x y\n: [!!python/tuple [1]]\n"
                    "z: !y 1\n",
    "numbers refused": "a: 0x_\nb: 0b_\nc: !!int ''\nd: !!bool maybe\ne: !!float x\nf: " + "1" * 41 +
                       "\ng: !!int 1.5\n",
    "problems in order": "a:\n  - !x 1\n  - {b: !y 2, c: [!z 3], b: 4}\n  - 0x_\nd: !w 5\n? [e]\n: !v 6\nd: 7\n",
    "muted subtrees": "a: !x {b: !y 1, c: [0x_]}\n? !z k\n: {d: !w 1}\nf: [!u 1]\n",
    "wrong kind": "a: !!seq {b: 1}\n",
    "wrong kind scalar": "a: !!map x\n",
    "wrong kind on a collection": "a: [!!str {b: 1}]\n",
    "wrong kind, first of many": "a: {b: !!seq {c: 1}, d: !!int [1]}\ne: [[!!map x]]\nf: !!str [2]\n",
    "wrong kind breadth first": "a: [[!!str [1]]]\nb: !!seq {c: 1}\n",
    "unhashable key": "? !!seq x\n: 1\n",
    "unhashable key after a wrong kind": "a: !!seq {b: 1}\nc: {? !!map y : 2}\n",
    "root wrong kind": "!!str [1]\n",
    "root scalar": "just text\n",
    "root null": "~\n",
    "root tagged null": "--- !!null x\n",
    "bare document": "---\n",
    "comments only": "# nothing\n",
    "anchors": "a: &x 1\nb: &y [2]\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\n",
    "duplicate anchor nested": "a: &x [&x 1]\n",
    "alias": "a: &x 1\nb: *x\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "two documents, duplicate anchor in the first": "a: &x 1\nb: &x 2\n---\nc: 3\n",
    "two documents, tag in the first": "a: !x 1\n--- b\n",
    "syntax error after a problem": "a: !x 1\nb: [c\n",
    "tab": "a:\n\tb: 1\n",
    "control character": "a: \x07\n",
    "deep but within the bound": "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n",
    "one level too deep": "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n",
    "deep in block style": "".join("  " * i + "- \n" for i in range(MAX_DEPTH + 2)),
    "too many values": "[" + "1, " * 100_001 + "1]\n",
    "too many values after a problem": "a: !x 1\nb: [" + "1, " * 100_001 + "1]\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_cases_read_as_the_node_based_reader_read_them(tmp_path: Path, text: str) -> None:
    same_as_oracle(tmp_path / "f.yaml", text)


def test_the_cases_reach_every_outcome(tmp_path: Path) -> None:
    """The hand-written cases are not all alike: they give data, each kind of problem, and several problems."""
    outcomes = [same_as_oracle(tmp_path / "f.yaml", text) for text in CASES.values()]
    templates = {problem[3] for _, problems in outcomes for problem in problems}
    assert sum(data != "None" for data, _ in outcomes) >= 5
    assert max(len(problems) for _, problems in outcomes) >= 5
    assert len(templates) >= 12, templates


# Flow-style documents with a tag or an anchor on any node, and keys of every kind.
TAGS = st.sampled_from(["", "", "", "", "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!map ", "!!seq ",
                        "!!merge ", "!!binary ", "!x ", "! ", "&a ", "&b "])
SCALARS = st.sampled_from(["a", "b", "a", "yes", "No", "on", "~", "null", "''", "012", "08", "0x1f", "0x_", "1_000",
                           "0b11", "1:20", "1:70", "1:20.5", ".inf", "-.Inf", ".nan", "1e3", "<<", "=", "2017-02-30",
                           "+1", "-0", "'1'", '"x"', '"1"', "'yes'", "1" * 45, "1", "2", "*a"])
NODES = st.recursive(
    st.tuples(TAGS, SCALARS).map("".join),
    lambda inner: st.tuples(TAGS, st.lists(inner, max_size=4)).map(lambda t: t[0] + "[" + ", ".join(t[1]) + "]")
    | st.tuples(TAGS, st.lists(st.tuples(inner, inner), max_size=4)).map(
        lambda t: t[0] + "{" + ", ".join(f"? {k} : {v}" for k, v in t[1]) + "}"),
    max_leaves=12)


@DIFF
@given(NODES)
def test_flow_documents(tmp_path: Path, text: str) -> None:
    same_as_oracle(tmp_path / "f.yaml", text + "\n")


@DIFF
@given(st.text("0123456789_:.-+eExXbBoOaAfFnNiIlLsStTyY~", min_size=1, max_size=12))
def test_plain_scalars_mean_what_they_mean_to_pyyaml(tmp_path: Path, value: str) -> None:
    """Numbers in every base and form YAML 1.1 has, booleans, nulls, infinities, and what only looks like one."""
    same_as_oracle(tmp_path / "f.yaml", f"a: {value}\n{value}: a\nb: [{value}]\n")


@DIFF
@given(st.lists(st.sampled_from([*FRAGMENTS, "!!seq ", "!!map ", "!!null ", "!!bool ", "! ", "&b ", "*b ", "012",
                                 "0x1f", "1:20", "a: ", "b: ", "1: ", "? ", "- ", "  - a: 1\n", "x: [1, 2]\n"]),
                max_size=40).map("".join))
def test_documents_built_from_yaml_fragments(tmp_path: Path, text: str) -> None:
    same_as_oracle(tmp_path / "f.yaml", text)


@DIFF
@given(TREES, st.booleans())
def test_random_trees(tmp_path: Path, tree: object, flow: bool) -> None:
    same_as_oracle(tmp_path / "f.yaml", yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(mutated())
def test_mutations_of_real_briefs(tmp_path: Path, text: str) -> None:
    same_as_oracle(tmp_path / "f.yaml", text)


# PyYAML's parser, where libyaml is missing ---------------------------------------------------------------------

INSTALLED = yamlfile.parsers()
SYNTAX = "YAML syntax error: {reason}; check the indentation and quoting on this line and the one before"
TAB = "a tab character is used for indentation: indent with spaces only"


def read_with(monkeypatch: pytest.MonkeyPatch, path: Path, parsers: list[type]) -> tuple[Any, ...]:
    monkeypatch.setattr(yamlfile, "parsers", lambda: parsers)
    reader = Reader(path, "f.yaml")
    found = outcome(reader)
    if found[0] == "None":
        return found
    oracle = yaml_oracle.Reader(path, "f.yaml")
    oracle.read()
    return (*found, [reader.positions.of(probe, on_key) for probe in probes(oracle) for on_key in (False, True)])


def events(parser_class: type, text: str) -> list[tuple[Any, ...]]:
    """The events a parser gives for `text`, as far as it gets: each with its kind, position and content."""
    found: list[tuple[Any, ...]] = []
    try:
        parser = parser_class(text)
        while (event := parser.get_event()) is not None:
            mark = event.start_mark
            found.append((type(event).__name__, mark.line, mark.column,
                          *(getattr(event, name, None) for name in ("anchor", "tag", "implicit", "value"))))
    except yaml.YAMLError:
        found.append(("error",))
    return found


def same_with_either_parser(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """Where the two parsers give the same events (they differ on some misplaced tabs), the reader gives the same
    with either, but for the wording of a syntax error (each parser has its own)."""
    path.write_bytes(text.encode("utf-8"))
    fast = read_with(monkeypatch, path, INSTALLED)
    slow = read_with(monkeypatch, path, [PythonParser])
    if any(problem[3] in (SYNTAX, TAB) for problems in (fast[1], slow[1]) for problem in problems):
        assert len(fast[1]) == len(slow[1]) == 1 and {fast[1][0][3], slow[1][0][3]} <= {SYNTAX, TAB}, text
    else:
        assert fast == slow, text


def test_libyaml_is_used_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    libyaml = pytest.importorskip("yaml._yaml")
    assert yamlfile.parsers() == [libyaml.CParser, PythonParser]
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    assert yamlfile.parsers() == [PythonParser]


@pytest.mark.parametrize("text", [text for name, text in CASES.items() if name != "too many values after a problem"],
                         ids=[name for name in CASES if name != "too many values after a problem"])
def test_cases_read_alike_with_either_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert events(INSTALLED[0], text) == events(PythonParser, text)
    same_with_either_parser(monkeypatch, tmp_path / "f.yaml", text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(NODES | mutated())
def test_documents_read_alike_with_either_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assume(events(INSTALLED[0], text) == events(PythonParser, text))
    same_with_either_parser(monkeypatch, tmp_path / "f.yaml", text)


# Our nesting bound comes first ---------------------------------------------------------------------------------

TOO_DEEP = ("values are nested more than {limit} levels deep here, far more than a brief needs: check the brackets "
            "and indentation")
BOMBS = {  # the text, and where our bound is crossed: the first value 51 levels deep
    "flow": ("schema: " + "[" * 200_000 + "]" * 200_000 + "\n", (1, 58)),
    "flow, over lines": ("schema: " + "[\n " * 5_000 + "]" * 5_000 + "\n", (50, 2)),
    "flow mappings": ("schema: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n", (1, 205)),
    "block": ("".join(" " * i + "-\n" for i in range(1_100)), (51, 51)),
    "block mappings": ("".join(" " * i + "a:\n" for i in range(1_100)), (51, 51)),
}


def limited(limit: int) -> type:
    """A parser that stops where the nesting of its events reaches `limit`, as libyaml 0.2.6 stops at 1,000
    (before our walk sees the level it stops at, as libyaml's scanner reads ahead of its events)."""

    class Limited:
        def __init__(self, text: str) -> None:
            self.parser = INSTALLED[0](text)
            self.depth = 0

        def get_event(self) -> Any:
            event = self.parser.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                self.depth += 1
                if self.depth >= limit:
                    mark: Any = event.start_mark
                    raise yaml.scanner.ScannerError("while increasing flow level", mark,
                                                    "exceeded maximum nesting depth", mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                self.depth -= 1
            return event

        def dispose(self) -> None:
            self.parser.dispose()

    return Limited


@pytest.mark.parametrize("parsers", [
    pytest.param(lambda: INSTALLED, id="libyaml as installed"),
    pytest.param(lambda: [PythonParser], id="PyYAML's parser"),
    pytest.param(lambda: [limited(MAX_DEPTH - 10), PythonParser], id="a parser whose bound is below ours"),
    pytest.param(lambda: [limited(MAX_DEPTH + 1), PythonParser], id="a parser that stops before our walk sees it"),
])
@pytest.mark.parametrize(("text", "where"), BOMBS.values(), ids=BOMBS.keys())
def test_our_nesting_bound_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsers: Any, text: str,
                                       where: tuple[int, int]) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    data, problems = read_with(monkeypatch, path, parsers())
    assert (data, problems) == ("None", [(*where, "error", TOO_DEEP, {"limit": "50"})])


@pytest.mark.parametrize("parsers", [
    pytest.param(lambda: [limited(MAX_DEPTH - 10), PythonParser], id="a parser whose bound is below ours"),
    pytest.param(lambda: [limited(MAX_DEPTH + 1), PythonParser], id="a parser whose bound is just above ours"),
])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_a_parser_bound_never_refuses_a_file_within_ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         parsers: Any, style: str) -> None:
    deep = MAX_DEPTH - 1  # with the document's mapping: MAX_DEPTH levels
    text = ("a: " + "[" * deep + "1" + "]" * deep + "\n" if style == "flow" else
            "a:\n" + "".join("  " * i + "-\n" for i in range(1, deep)) + "  " * deep + "- 1\n")
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    expected = read_with(monkeypatch, path, INSTALLED)
    value: Any = 1
    for _ in range(deep):
        value = [value]
    assert expected[:2] == (repr({"a": value}), [])
    assert len(expected[2]) > 4 * deep  # the positions of every value, and of paths beside them
    assert read_with(monkeypatch, path, parsers()) == expected
