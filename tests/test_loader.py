"""The loader: valid briefs load; every kind of error is reported with its file:line:col and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.i18n import describe
from brief.loader import load
from brief.model import Assessment, Consensus, Divergence, Proposal
from tests.conftest import line_of, mutate


def messages(folder: Path, lang: str = "en") -> list[str]:
    corpus = load(folder)
    return [f"{Path(p.path).name}:{p.line}:{p.col}: {p.level}: {describe(p, lang)}" for p in corpus.problems]


def test_fixture_loads_clean(briefs_dir: Path) -> None:
    corpus = load(briefs_dir)
    assert corpus.problems == ()
    (brief,) = corpus.briefs
    kinds = [type(p) for _, p in brief.points()]
    assert kinds == [Consensus, Divergence, Proposal, Assessment]
    assert brief.point("adequacy").support == "many"  # the strongest side
    assert corpus.files == {"mini-nsa": str(briefs_dir / "mini.yaml")}


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("  symbol: CD/2105", "  symbl: CD/2105", "symbl", "error: unknown key `symbl`: did you mean `symbol`?"),
        ("support: general", "support: genral", "genral",
         "error: `topics[0].points[0].support` must be one of all, general, most, many, some, one, not `genral`"),
        ("date: 2017-09-15", "date: 2017-09-31", "2017-09-31",
         "error: `document.date` must be a real date written YYYY-MM-DD, not `2017-09-31`"),
        ('number: "4"', "number: 4", "number: 4",
         "error: `agenda_item.number` must be text, not `4`: put the value in double quotes"),
        ("kind: divergence", "kind: divergance", "divergance",
         "error: `topics[0].points[1].kind` is `divergance`; use one of consensus, view, divergence, proposal, assessment"),
        ("id: interim-step", "id: Interim Step", "Interim Step",
         "error: `topics[0].points[0].id` must be an id of lowercase letters, digits and single hyphens"),
        ("source: cd-2105.zh.txt", "source: ../../etc/passwd", "etc/passwd",
         "error: `document.source` must be a file name in the seeds directory"),
        ("key: true\n        themes: [nsa]\n        text", "key: yes please\n        themes: [nsa]\n        text",
         "yes please", "error: `topics[0].points[0].key` must be true or false, not `yes please`"),
        ("meetings: [2017-06-28, 2017-06-29, 2017-06-30]", "meetings: []", "meetings: []",
         "error: `meetings` must have at least one item"),
        ('\n          - holders: {en: "A contrary view", zh: "相反的观点"}\n            support: one\n'
         '            text: {en: "Credible and effective.", zh: "可信和有效。"}\n'
         '            source: {quote: "与之相反的观点是，现有的保证是可信和有效的"}', "", '- holders: {en: "Many delegations"',
         "error: `topics[0].points[1].positions` must have at least 2 items"),
    ],
)
def test_schema_errors_name_field_and_line(briefs_dir: Path, old: str, new: str, needle: str, expected: str) -> None:
    path = mutate(briefs_dir / "mini.yaml", old, new)
    (message,) = messages(briefs_dir)
    line = line_of(path, needle)
    assert message.startswith(f"mini.yaml:{line}:")
    assert expected in message


def test_missing_language_and_empty_string(briefs_dir: Path) -> None:
    path = briefs_dir / "mini.yaml"
    mutate(path, 'short: {en: "Negative security assurances", zh: "消极安全保证"}',
           'short: {en: "Negative security assurances"}')
    mutate(path, 'title: {en: "Way forward", zh: "前进道路"}', 'title: {en: "", zh: "前进道路"}')
    found = messages(briefs_dir)
    assert f"mini.yaml:{line_of(path, 'short:')}:10: error: missing `zh`: add the Chinese text" in found
    empty_line = line_of(path, 'title: {en: "", zh')
    assert any(m.startswith(f"mini.yaml:{empty_line}:") and
               "`topics[1].title.en` must be non-empty text, not an empty string" in m for m in found)


def test_every_problem_in_a_file_is_reported(briefs_dir: Path) -> None:
    path = briefs_dir / "mini.yaml"
    mutate(path, "  symbol: CD/2105", "  symbl: CD/2105")
    mutate(path, "support: general", "support: genral")
    mutate(path, "themes: [nsa, programme-of-work]", "themes: [nsa, programme-of-wrok]")
    mutate(path, "许多代表团认为，现有的保证不能令人满意", "许多代表团认为，现有保证令人满意")
    found = messages(briefs_dir)
    assert len(found) == 4, found
    assert any("unknown key `symbl`" in m for m in found)
    assert any("not `genral`" in m for m in found)
    # The cross-checks still run on the parts that are valid on their own.
    assert any("unknown theme `programme-of-wrok`" in m for m in found)
    assert any("quote not found in seed `cd-2105.zh.txt`" in m for m in found)


def test_quote_problems(briefs_dir: Path) -> None:
    path = briefs_dir / "mini.yaml"
    mutate(path, 'source: {quote: "各代表团表示支持裁军谈判会议设立一个特设委员会"}',
           'source: {quote: "我很荣幸作为主席之友被邀请共同主持这些会议。"}')
    (message,) = messages(briefs_dir)
    assert message.startswith(f"mini.yaml:{line_of(path, '我很荣幸作为主席之友')}:")
    assert "quote occurs 2 times in seed `cd-2105.zh.txt`: quote more of the sentence" in message


def test_quote_ignores_whitespace(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", '{quote: "许多代表团认为，现有的保证不能令人满意"}',
           '{quote: "许多代表团认为，\\n  现有的保证  不能令人满意"}')
    assert messages(briefs_dir) == []


def test_support_disagreeing_with_quantifier_is_a_warning(briefs_dir: Path) -> None:
    path = mutate(briefs_dir / "mini.yaml", "support: many", "support: some")
    corpus = load(briefs_dir)
    (problem,) = corpus.problems
    assert problem.level == "warning" and corpus.briefs  # a warning does not drop the brief
    assert (problem.line, problem.col) == (line_of(path, "support: some"), 22)
    assert describe(problem, "en") == ("support is `some` but the quote opens with 许多代表团 (`many`): check the "
                                       "chair's wording")


def test_a_text_still_to_write_is_a_warning_where_it_is_even_in_a_broken_file(briefs_dir: Path) -> None:
    path = mutate(briefs_dir / "mini.yaml", 'text: {en: "Credible and effective.", zh: "可信和有效。"}',
                  'text: {en: "TODO: 与之相反的观点是，现有的保证是可信和有效的", zh: "可信和有效。"}')
    corpus = load(briefs_dir)
    (problem,) = corpus.problems
    assert problem.level == "warning" and corpus.briefs and corpus.briefs[0].point("adequacy").to_write
    assert (problem.line, problem.col) == (line_of(path, "TODO: 与之"), 24)
    assert describe(problem, "en") == "to translate: this English text is still the draft's `TODO:`; write it in its place"
    assert describe(problem, "zh") == "待翻译：此英文文本仍是草稿的 `TODO:`，请撰写正文予以替换"
    # A schema error elsewhere drops the brief, and the text to write is still reported.
    mutate(path, "support: general", "support: genral")
    levels = sorted(p.level for p in load(briefs_dir).problems)
    assert levels == ["error", "warning"]
    # The marker counts only at the start of a text: a text that mentions it is written.
    mutate(path, "support: genral", "support: general")
    mutate(path, '"TODO: 与之相反', '"Credible (not a TODO: 与之相反')
    assert load(briefs_dir).problems == ()


def test_duplicate_ids(briefs_dir: Path) -> None:
    path = briefs_dir / "mini.yaml"
    mutate(path, "id: ad-hoc-committee", "id: interim-step")
    other = briefs_dir / "other.yaml"
    other.write_text(path.read_text(encoding="utf-8").replace("id: interim-step\n        kind: consensus",
                                                              "id: other-step\n        kind: consensus"),
                     encoding="utf-8")
    corpus = load(briefs_dir)
    found = [f"{Path(p.path).name}:{p.line}: {describe(p, 'en')}" for p in corpus.problems]
    first_line = line_of(path, "id: interim-step")
    assert not any(m.startswith(f"mini.yaml:{first_line}:") for m in found)  # the first use is fine
    dup_line = [n for n, text in enumerate(path.read_text().splitlines(), 1) if "id: interim-step" in text][1]
    assert f"mini.yaml:{dup_line}: duplicate point id `interim-step`: point ids must be unique within a brief" in found
    assert f"other.yaml:3: duplicate brief id `mini-nsa`, already used by {briefs_dir / 'mini.yaml'}: give this brief " \
           "another id" in found
    assert [b.id for b in corpus.briefs] == ["mini-nsa"]


def test_bad_file_does_not_hide_good_ones(briefs_dir: Path) -> None:
    (briefs_dir / "broken.yaml").write_text("schema: 1\nid: [unclosed\n", encoding="utf-8")
    corpus = load(briefs_dir)
    assert [b.id for b in corpus.briefs] == ["mini-nsa"]
    (problem,) = corpus.problems
    assert Path(problem.path).name == "broken.yaml" and problem.line == 3
    assert describe(problem, "en").startswith("YAML syntax error:")


def test_missing_and_empty_directories(tmp_path: Path) -> None:
    missing = load(tmp_path / "nowhere")
    assert [describe(p, "en") for p in missing.problems] == [
        "the briefs directory does not exist: pass --briefs DIR with a folder of brief files"]
    (tmp_path / "empty").mkdir()
    empty = load(tmp_path / "empty")
    assert any("no briefs (*.yaml) in this directory" in describe(p, "en") for p in empty.errors)
    assert any("no glossary.yaml" in describe(p, "en") for p in empty.warnings)


def test_messages_in_chinese(briefs_dir: Path) -> None:
    mutate(briefs_dir / "mini.yaml", "  symbol: CD/2105", "  symbl: CD/2105")
    (message,) = messages(briefs_dir, "zh")
    assert message.endswith("error: 未知的键 `symbl`：是否应为 `symbol`？")


def test_chinese_messages_translate_message_values_but_not_names_from_the_file(briefs_dir: Path) -> None:
    """An unknown key called `notes` (also an interface word, 备注) stays `notes` in a Chinese message, while a
    value that is a message ("the Chinese text") is translated."""
    path = mutate(briefs_dir / "mini.yaml", "  symbol: CD/2105", "  symbol: CD/2105\n  notes: x")
    mutate(path, 'short: {en: "Negative security assurances", zh: "消极安全保证"}',
           'short: {zh: "消极安全保证"}')
    found = messages(briefs_dir, "zh")
    unknown = next(m for m in found if "`notes`" in m)
    assert "备注" not in unknown and unknown.startswith(f"mini.yaml:{line_of(path, 'notes: x')}:")
    missing = next(m for m in found if "`en`" in m)
    assert "英文" in missing and "English" not in missing


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("kind: consensus\n        support: general", "kind: consensus\n        support: some",
         "error: a consensus point has support `some`: a view of part of the room is not shared ground; use "
         "`kind: view`, or correct the support"),
        ("kind: consensus\n        support: general", "kind: view\n        support: general",
         "error: a view has support `general`: what the room holds is shared ground; use `kind: consensus`, or "
         "correct the support"),
        ("themes: [nsa, programme-of-work]", "themes: [nsa, programme-of-work, nsa]",
         "error: theme `nsa` is listed twice: list each theme once"),
    ],
)
def test_a_kind_says_what_the_chair_says(briefs_dir: Path, old: str, new: str, expected: str) -> None:
    """Shared ground is what all, general or most delegations hold; what part of the room holds is a view."""
    path = mutate(briefs_dir / "mini.yaml", old, new)
    found = messages(briefs_dir)
    line = line_of(path, new.split("\n")[0].strip()) if "themes" in new else line_of(path, "kind: " + new.split(
        "kind: ")[1].split("\n")[0])
    assert any(m.startswith(f"mini.yaml:{line}:") and expected in m for m in found), found


def test_the_chairs_reading_has_a_holder_and_no_quantifier(briefs_dir: Path) -> None:
    path = briefs_dir / "mini.yaml"
    mutate(path, '        holders: {en: "The co-chairs", zh: "共同主席"}\n', "")
    assert any("missing `holders`: add it" in m for m in messages(briefs_dir))
    mutate(path, "        kind: assessment\n", '        kind: assessment\n        holders: {en: "The co-chairs", zh: "共同主席"}\n')
    mutate(path, '{quote: "条约及其核查制度可有助于未来的裁军工作，并为之奠定实际的基础"}',
           '{quote: "各代表团表示支持裁军谈判会议设立一个特设委员会，负责确定未来有关消极安全保证的条约的主要内容"}')
    assert ("warning: the quote opens with 各代表团, a view of delegations, not the chair's own reading: use "
            "`kind: consensus` or `kind: view`") in " ".join(messages(briefs_dir))


def _two_briefs_with_a_shift(briefs_dir: Path, shift: str) -> Path:
    """The fixture brief, an earlier copy of it (`old-nsa`, 2013), and a glossary with `shift` under `shifts:`."""
    mini = (briefs_dir / "mini.yaml").read_text(encoding="utf-8")
    (briefs_dir / "old.yaml").write_text(mini.replace("id: mini-nsa", "id: old-nsa").replace(
        "date: 2017-09-15", "date: 2013-10-09").replace("meetings: [2017-06-28, 2017-06-29, 2017-06-30]",
                                                        "meetings: [2013-06-27]"), encoding="utf-8")
    glossary = briefs_dir / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "shifts:\n" + shift, encoding="utf-8")
    return glossary


SHIFT = """  - theme: nsa
    between: [old-nsa, mini-nsa]
    sentences:
      - text: {en: "The room moved from a split to agreement.", zh: "各方从分歧走向共识。"}
        points: [old-nsa/adequacy, mini-nsa/interim-step]
"""


def test_a_shift_cites_points_of_its_theme_in_its_two_briefs(briefs_dir: Path) -> None:
    _two_briefs_with_a_shift(briefs_dir, SHIFT)
    corpus = load(briefs_dir)
    assert corpus.problems == ()
    assert corpus.glossary is not None and corpus.glossary.shifts[0].between == ("old-nsa", "mini-nsa")


@pytest.mark.parametrize(("between", "refused"), [("[mini-nsa, aug-nsa]", None), ("[aug-nsa, mini-nsa]", "aug-nsa")])
def test_the_earlier_document_of_a_shift_is_the_one_whose_meetings_came_first(briefs_dir: Path, between: str,
                                                                               refused: str | None) -> None:
    """A record of August's meetings dated a day before a record of June's (as the Working Group's report on
    nuclear disarmament is, before CD/2105) is the later document."""
    mini = (briefs_dir / "mini.yaml").read_text(encoding="utf-8")
    (briefs_dir / "aug.yaml").write_text(mini.replace("id: mini-nsa", "id: aug-nsa").replace(
        "date: 2017-09-15", "date: 2017-09-14").replace("meetings: [2017-06-28, 2017-06-29, 2017-06-30]",
                                                        "meetings: [{from: 2017-08-08, to: 2017-08-10}]"),
                                         encoding="utf-8")
    shift = SHIFT.replace("[old-nsa, mini-nsa]", between).replace("old-nsa/adequacy", "aug-nsa/adequacy")
    glossary = briefs_dir / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "shifts:\n" + shift, encoding="utf-8")
    found = messages(briefs_dir)
    if refused is None:
        assert found == []
    else:
        assert found == [f"glossary.yaml:{line_of(glossary, 'between:')}:15: error: `{refused}` is the later "
                         "document: list the earlier document first"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("theme: nsa", "theme: nsb", "error: unknown theme `nsb`: use a theme id from this glossary's themes"),
        ("between: [old-nsa, mini-nsa]", "between: [old-nsa, gone-nsa]",
         "warning: no brief `gone-nsa` loads, so this shift is left out: use the id of a brief in this folder "
         "(`brief list`), or fix that brief"),
        ("between: [old-nsa, mini-nsa]", "between: [mini-nsa, old-nsa]",
         "error: `mini-nsa` is the later document: list the earlier document first"),
        ("old-nsa/adequacy,", "old-nsa/nothing-here,", "error: no point `nothing-here`: cite an id of a point of "
                                                        "`old-nsa`"),
        ("mini-nsa/interim-step]", "other-nsa/interim-step]",
         "error: `other-nsa/interim-step` is not in the two briefs the shift is between: cite points of old-nsa and "
         "mini-nsa"),
        ("mini-nsa/interim-step]", "mini-nsa/building-block]",
         "error: `mini-nsa/building-block` does not carry the theme `nsa`: cite a point of the theme, or add the "
         "theme to the point"),
    ],
)
def test_a_shift_that_cites_wrongly_is_an_error_at_its_line(briefs_dir: Path, old: str, new: str,
                                                            expected: str) -> None:
    glossary = _two_briefs_with_a_shift(briefs_dir, SHIFT.replace(old, new))
    found = messages(briefs_dir)
    at = "theme: nsb" if "theme" in old else "between:" if "between" in old else "points:"
    line = line_of(glossary, at)
    assert any(m.startswith(f"glossary.yaml:{line}:") and expected in m for m in found), found
