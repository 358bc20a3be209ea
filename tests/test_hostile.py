"""Hostile brief files through the real command line: no text from a brief, a glossary or a seed acts on the
terminal, and `brief check` reports every hidden character at its line and column.

Every text of a complete brief (every text field of the model, `tests/hostile.py`), value or key, gets each
payload in a file of its own; one `brief check` reads them all and must report exactly the hidden characters
each file holds, where it holds them, and refuse every one of them; `brief export`, `brief list` and `brief
check --coverage` on the same folder must print nothing raw. Markup goes into every free text at once, and
the brief must still load and print it literally.
"""

from __future__ import annotations

import concurrent.futures
import re
import shutil
import subprocess
from pathlib import Path

import msgspec
import pytest

from brief import yamlfile
from brief.export.text import point_as_text
from brief.i18n import describe
from brief.loader import load
from brief.model import Brief
from brief.safe import fit_for_terminal, visible
from tests.conftest import SEEDS
from tests.hostile import (
    MODELS,
    complete_brief,
    complete_glossary,
    free_texts,
    hidden_places,
    model_texts,
    places,
    reported,
    run,
    run_on_terminal,
    shape,
    with_payload,
    write,
)

#: Each payload, and whether PyYAML writes what it can print as it is (else as an escape).
PAYLOADS = {
    # The clipboard written through OSC 52, the screen cleared and the terminal reset, a link through OSC 8.
    "escape-sequences": ("\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1bc\x1b]8;;https://example.org\x1b\\x\x1b]8;;\x1b\\",
                         True),
    "c0-c1-del": ("\x00\x08\r\x7f\x9b\x85", False),
    # Bidirectional controls and invisible characters, as an editor writes them, then as escapes.
    "bidi-invisible-written": ("\u202e\u2066\u200f\u200b\u2060\xad\U000e0041\ufe0f", True),
    "bidi-separators-escaped": ("\u202e\u2066\u200f\u2028\u2029\ufeff", False),
}
MARKUP = "[@click=app.quit]x[/][link=]"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "briefs").mkdir()
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def test_the_complete_brief_and_glossary_hold_every_text_field_of_the_model() -> None:
    for model, make in MODELS.values():
        data = make()
        assert {path for path, _ in model_texts(model)} <= {shape(data, path) for path, is_key in places(data)
                                                           if not is_key}


def together(root: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess[bytes]]:
    with concurrent.futures.ThreadPoolExecutor(len(commands)) as pool:
        return list(pool.map(lambda args: run(*args, cwd=root, columns=1000), commands))  # `brief list` on one line


def assert_fit(*results: subprocess.CompletedProcess[bytes]) -> None:
    for result in results:
        for output in (result.stdout, result.stderr):
            assert fit_for_terminal(output), output
            assert b"Traceback" not in output


@pytest.mark.parametrize("name", PAYLOADS)
def test_every_hidden_character_in_every_place_is_refused_at_its_line_and_column(root: Path, name: str) -> None:
    payload, raw = PAYLOADS[name]
    briefs = root / "briefs"
    write(briefs / "glossary.yaml", complete_glossary(), raw=True)
    base = complete_brief()
    expected = {}
    for number, place in enumerate(places(base)):
        data = with_payload({**base, "id": f"f-{number}"}, [place], payload)
        text = write(briefs / f"f-{number}.yaml", data, raw=raw)
        expected[f"briefs/f-{number}.yaml"] = hidden_places(text)
        assert expected[f"briefs/f-{number}.yaml"], place
    check = run("check", "--briefs", "briefs", cwd=root)  # then the others, from the cache it leaves
    export, listing, coverage = together(root, ("export", "f-0", "--briefs", "briefs"), ("list", "--briefs", "briefs"),
                                         ("check", "--coverage", "--briefs", "briefs"))
    assert_fit(check, export, listing, coverage)
    output = check.stdout.decode()
    assert reported(output) == expected
    assert check.returncode == 1 and output.splitlines()[-1].startswith("0 briefs, 0 points,")  # none loads
    assert export.returncode == 1 and reported(export.stderr.decode()) == expected  # f-0 does not load: all errors
    errors = re.search(r"(\d+) errors", output.splitlines()[-1])
    # No brief loads: no table, and every error on standard error, as `brief check` says it.
    assert listing.returncode == 1 and errors and listing.stdout == b""
    assert len(listing.stderr.decode().splitlines()) == int(errors[1])
    assert reported(coverage.stdout.decode()) == expected


def test_hidden_characters_are_named_in_chinese_too(root: Path) -> None:
    write(root / "briefs" / "glossary.yaml", complete_glossary(), raw=True)
    write(root / "briefs" / "mini.yaml", with_payload(complete_brief(), [(("summary", "zh"), False)], "\x1b\u202e"),
          raw=True)
    result = run("check", "--briefs", "briefs", cwd=root, lang="zh")
    assert_fit(result)
    lines = result.stdout.decode().splitlines()
    assert any(line.endswith("转义序列 `\\e` 生成 U+001B ESCAPE，即控制字符（可操控终端）：请删除") for line in lines), lines
    assert any(line.endswith("U+202E RIGHT-TO-LEFT OVERRIDE 是双向文本控制符（可改变文字的显示顺序）：请删除（大多数编辑器不显示该字符）")
               for line in lines), lines


@pytest.mark.parametrize("raw", [True, False], ids=["written", "escaped"])
def test_every_hidden_character_of_the_glossary_is_refused_at_its_line_and_column(root: Path, raw: bool) -> None:
    """Place by place in-process (one glossary to a folder), then every place at once through `brief check`."""
    briefs = root / "briefs"
    base = complete_glossary()
    for place in places(base):
        text = write(briefs / "glossary.yaml", with_payload(base, [place], "\u202e\x1b"), raw=raw)
        corpus = load(briefs)
        found = {(p.line, p.col, p.params["char"].split()[0]) for p in corpus.errors if "char" in p.params}
        assert found == hidden_places(text), place
        assert corpus.glossary is None
    write(briefs / "glossary.yaml", with_payload(base, places(base), "\u202e\x1b"), raw=raw)
    result = run("check", "--briefs", "briefs", cwd=root)
    assert_fit(result)
    lines = result.stdout.decode().splitlines()
    assert len(reported(result.stdout.decode())["briefs/glossary.yaml"]) == 50
    assert any(re.search(r": error: \d+ more hidden characters in this file: delete them too \(`brief check` shows "
                         r"the first 50\)$", line) for line in lines), lines


def test_a_surrogate_from_an_escape_is_refused_by_either_parser(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml refuses `"\\ud800"` as YAML; PyYAML's own parser (used past libyaml's nesting bound) reads it as
    half a character, which could not even be printed: both are an error at its place, never a crash."""
    briefs = root / "briefs"
    write(briefs / "glossary.yaml", complete_glossary(), raw=True)
    text = write(briefs / "mini.yaml", complete_brief(), raw=True).replace('id: mini-nsa', 'id: "mini-nsa\\ud800"')
    (briefs / "mini.yaml").write_text(text, encoding="utf-8")
    result = run("check", "--briefs", "briefs", cwd=root)
    assert_fit(result)
    assert re.search(r"^briefs/mini\.yaml:2:\d+: error: YAML syntax error: while parsing a quoted scalar found "
                     r"invalid Unicode character escape code", result.stdout.decode(), re.M)
    monkeypatch.setattr(yamlfile, "parsers", lambda: [yamlfile.PythonParser])
    corpus = load(briefs)
    assert not corpus.briefs
    assert [(p.line, p.col, describe(p, "en")) for p in corpus.errors][0] == (
        2, 14, "the escape `\\ud800` gives U+D800, half of a UTF-16 surrogate pair, which is not a character: delete it")


def test_markup_in_every_free_text_is_printed_literally(root: Path) -> None:
    """A brief with Rich and Textual markup in every text the schema leaves free still loads, and every command
    prints the markup as it is written; in ids, kinds, dates and quotes it is an error that quotes it as text."""
    briefs = root / "briefs"
    write(briefs / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    base = complete_brief()
    free = free_texts(base)
    assert len(free) > 50
    write(briefs / "mini.yaml", with_payload(base, free, MARKUP), raw=True)
    bound = [place for place in places(base) if place not in free]
    for number, place in enumerate(bound):
        write(briefs / f"f-{number}.yaml", with_payload({**base, "id": f"f-{number}"}, [place], MARKUP), raw=True)
    check, listing, text, markdown = together(
        root, ("check", "--briefs", "briefs"), ("list", "--briefs", "briefs"),
        ("export", "mini-nsa", "--briefs", "briefs", "--full", "--format", "txt"),
        ("export", "mini-nsa", "--briefs", "briefs", "--full"))
    assert_fit(check, listing, text, markdown)
    outputs = [result.stdout.decode() for result in (check, listing, text)] + [markdown.stdout.decode().replace(
        "\\", "")]
    for output in outputs:
        assert output.count("@click") == output.count("[@click=app.quit]") > 0  # never read as markup
    assert not any(line.startswith("briefs/mini.yaml") for line in outputs[0].splitlines())  # it loads
    assert {line.split(":")[0] for line in outputs[0].splitlines() if ": error: " in line} == {
        f"briefs/f-{number}.yaml" for number in range(len(bound))}
    assert outputs[2].count(MARKUP) >= 20 and outputs[3].count(MARKUP) >= 20  # every text the page prints
    assert outputs[1].count(MARKUP) >= 2  # the title and the citation


def test_seeds_are_shown_visibly_and_their_hidden_characters_are_warnings(root: Path) -> None:
    write(root / "briefs" / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    write(root / "briefs" / "mini.yaml", complete_brief(), raw=True)
    seed = root / "seeds" / "cd-2105.zh.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n\n\x1b]52;c;cm0=\x07{MARKUP}各代表团\u202e认为。\n",
                    encoding="utf-8")
    text = seed.read_text(encoding="utf-8")
    line, paragraph = text.count("\n"), text.splitlines()[-1]
    result = run("check", "--coverage", "--briefs", "briefs", cwd=root)
    assert_fit(result)
    lines = result.stdout.decode().splitlines()
    assert f"seeds/cd-2105.zh.txt:{line}:1: warning: U+001B ESCAPE is a control character (it can act on a " \
           "terminal), shown as ⟨U+001B⟩: delete it from the seed, unless the document has it" in lines
    assert f"seeds/cd-2105.zh.txt:{line}:{paragraph.index(chr(0x202e)) + 1}: warning: U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control " \
           "(it can reorder how text is shown), shown as ⟨U+202E⟩: delete it from the seed, unless the document " \
           "has it" in lines
    assert f"seeds/cd-2105.zh.txt:{line}:1: warning: paragraph “{visible(paragraph[:24])}…” is cited by no brief: add a point that quotes it, or a `skipped` entry saying why it is left out" in lines


PASTE = "\x1b[201~\nrm -rf ~\n"


def test_the_clipboard_text_never_ends_a_bracketed_paste() -> None:
    """Whatever a brief holds (built here without the loader, which would refuse it), the text `c` copies holds
    no control character but its own newlines, and no line of it comes from a line break in the brief."""
    data = complete_brief()
    hostile = with_payload(data, [place for place in places(data) if not place[1] and shape(data, place[0])[-1]
                                  in ("en", "zh", "quote")], PASTE)
    brief = msgspec.convert({**hostile, "meetings": data["meetings"]}, Brief, strict=False)
    for _, point in brief.points():
        for lang in ("en", "zh"):
            text = point_as_text(brief, point, lang)
            assert fit_for_terminal(text) and "\x1b" not in text and "[201~" in text
            assert not any(line.startswith("rm -rf") for line in text.splitlines())
            assert text.endswith("\n") and "\n\n" not in text


def test_export_to_a_terminal_shows_the_notes_hidden_characters(root: Path) -> None:
    """Notes are the user's data: every format shows their controls visibly, to a terminal as to a file."""
    write(root / "briefs" / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    write(root / "briefs" / "mini.yaml", complete_brief(), raw=True)
    (root / "notes.md").write_text(f"Our line \x1b]52;c;cm0=\x07 {MARKUP}\n- first\x1b[2J\n\tsecond\u202e\n",
                                   encoding="utf-8")
    for format_name in ("md", "txt"):
        piped = run("export", "mini-nsa", "--briefs", "briefs", "--notes", "notes.md", "--format", format_name,
                    cwd=root)
        assert_fit(piped)
        shown = piped.stdout.decode().replace("\\", "")  # Markdown's escapes
        assert f"Our line ⟨U+001B⟩]52;c;cm0=⟨U+0007⟩ {MARKUP}" in shown and "first⟨U+001B⟩[2J second⟨U+202E⟩" in shown
    on_terminal = run_on_terminal("export", "mini-nsa", "--briefs", "briefs", "--notes", "notes.md", cwd=root)
    assert fit_for_terminal(on_terminal) and b"# Briefing:" in on_terminal
    assert "⟨U+001B⟩\\[2J".encode() in on_terminal  # Markdown escapes the bracket; nothing else changed


def test_a_brief_with_hidden_characters_never_reaches_a_renderer(root: Path) -> None:
    briefs = root / "briefs"
    write(briefs / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    write(briefs / "mini.yaml", with_payload(complete_brief(), [(("forum", "en"), False)], "\u200b"), raw=True)
    corpus = load(briefs)
    assert corpus.briefs == () and len(corpus.errors) == 1 and corpus.glossary is not None


def test_an_escape_after_a_tag_an_anchor_or_a_comment_is_found(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    briefs = root / "briefs"
    write(briefs / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    text = write(briefs / "mini.yaml", complete_brief(), raw=True)
    text = text.replace("  number: '4'\n", '  number: &n !!str # the item\n    "4\\e[2J"\n')
    (briefs / "mini.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index('    "4\\e[2J"') + 1
    result = run("check", "--briefs", "briefs", cwd=root)
    assert reported(result.stdout.decode()) == {"briefs/mini.yaml": {(line, 7, "U+001B")}}
    from brief import hidden

    monkeypatch.setattr(hidden, "_escapes", lambda text, start: [])  # were an escape ever missed
    corpus = load(briefs)
    assert corpus.briefs == () and [(p.line, p.col, p.params.get("char")) for p in corpus.errors] == [
        (line - 1, 11, "U+001B ESCAPE")]  # it is reported where its value starts, and the brief does not load


def test_line_breaks_written_cr_lf_are_line_breaks(root: Path) -> None:
    """A brief or a seed saved on Windows is no hidden character; a carriage return alone in a seed is."""
    briefs = root / "briefs"
    write(briefs / "glossary.yaml", {**complete_glossary(), "shifts": []}, raw=True)
    text = write(briefs / "mini.yaml", complete_brief(), raw=True)
    (briefs / "mini.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    seed = root / "seeds" / "cd-2105.zh.txt"
    seed.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n").replace("\n导言".encode(), "\n导\r言".encode()))
    lines = [number for number, line in enumerate(seed.read_bytes().split(b"\n"), 1) if line == "导\r言\r".encode()]
    result = run("check", "--briefs", "briefs", cwd=root)
    assert_fit(result)
    assert len(lines) == 2 and result.stdout.decode().splitlines() == [
        *(f"seeds/cd-2105.zh.txt:{line}:2: warning: U+000D CARRIAGE RETURN is a control character (it can act on a "
          "terminal), shown as ⟨U+000D⟩: delete it from the seed, unless the document has it" for line in lines),
        "1 brief, 5 points, 0 errors, 2 warnings"]
    assert [p.line for p in load(briefs).warnings] == lines  # the app lists them too
