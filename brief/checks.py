"""The checks of a brief beyond its schema: unique ids, known themes, kinds that agree with their support, quotes
found once in the seed, support that agrees with the quote's quantifier, texts still to write.

They read the brief from the model when it is valid, else from whatever parts of the raw data are valid on their
own (`Parts`), so that a schema error does not hide a missing quote elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from brief.corpus import Glossary, Problem
from brief.files import shown_path
from brief.i18n import N_
from brief.languages import LANGUAGES
from brief.model import SHARED, TO_WRITE, Brief, Divergence, Point, SeedName
from brief.sources import Seed, SeedLibrary

if TYPE_CHECKING:
    from brief.yamlfile import NodePath, Reader


def unique(reader: Reader, paths: Iterable[NodePath], ids: list[str], template: str) -> None:
    seen: set[str] = set()
    for path, ident in zip(paths, ids, strict=True):
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
        from brief import validate

        def valid(value: Any, target: Any) -> Any:
            return validate.convert(value, target)[0]

        def items(value: Any, key: str) -> list[Any]:
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
    from brief.ladder import quantifier

    at = reader.positions.of
    unique(reader, [path for path, _ in parts.topic_ids], [ident for _, ident in parts.topic_ids],
            N_("duplicate topic id `{id}`: topic ids must be unique within a brief"))
    unique(reader, [(*path, "id") for path, _ in parts.points], [point.id for _, point in parts.points],
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
        unique(reader, [(*path, "themes", i) for i in range(len(point.themes))], list(point.themes),
                N_("theme `{id}` is listed twice: list each theme once"))
        _check_kind(reader, path, point)
        in_file = [(*path, "positions", i) for i in range(len(point.claims))] if isinstance(point, Divergence) \
            else [path]
        for claim_path, claim in zip(in_file, point.claims):
            if seed is not None:
                _check_quote(reader, seed, claim.source.quote, (*claim_path, "source", "quote"))
            found = quantifier(claim.source.quote)
            if found and claim.support is None:
                reader.problem(at((*claim_path, "kind")), N_("the quote opens with {phrase}, a view of delegations, "
                                                             "not the chair's own reading: use `kind: consensus` or "
                                                             "`kind: view`"), level="warning", phrase=found[0])
            elif found and found[1] != claim.support:
                reader.problem(at((*claim_path, "support")), N_("support is `{support}` but the quote opens with "
                                                                "{phrase} (`{found}`): check the chair's wording"),
                               level="warning", support=str(claim.support), phrase=found[0], found=found[1])
    if seed is not None:
        for path, quote in parts.skipped:
            _check_quote(reader, seed, quote, path)


def _check_kind(reader: Reader, path: NodePath, point: Point) -> None:
    """A kind says what the chair's summary says: shared ground is held by all, general or most delegations, and
    what part of the room holds is a view."""
    if point.kind == "consensus" and point.support not in SHARED:
        reader.problem(reader.positions.of((*path, "kind")), N_("a consensus point has support `{support}`: a view "
                                                                "of part of the room is not shared ground; use "
                                                                "`kind: view`, or correct the support"),
                       support=str(point.support))
    elif point.kind == "view" and point.support in SHARED:
        reader.problem(reader.positions.of((*path, "kind")), N_("a view has support `{support}`: what the room "
                                                                "holds is shared ground; use `kind: consensus`, or "
                                                                "correct the support"),
                       support=str(point.support))


def check_to_write(reader: Reader, data: Any) -> None:
    """A warning at every text that a draft left to write (it starts with `TO_WRITE`), wherever it is in the
    file, whether or not the rest of the file is valid."""
    stack: list[tuple[NodePath, Any]] = [((), data)]  # not recursive: the reader bounds nesting, not Python
    while stack:
        path, value = stack.pop()
        if isinstance(value, str) and path and path[-1] in LANGUAGES and value.startswith(TO_WRITE):
            reader.problem(reader.positions.of(path), N_("to translate: this {language} text is still the draft's "
                                                         "`TODO:`; write it in its place"),
                           level="warning", language=LANGUAGES[str(path[-1])].label)
        elif isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in reversed(list(enumerate(value))))


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


def _check_quote(reader: Reader, seed: Seed, quote: str, path: NodePath) -> None:
    count = seed.count(quote)
    if count == 0:
        reader.problem(reader.positions.of(path), N_("quote not found in seed `{seed}`: copy it verbatim from the seed "
                                                     "(whitespace does not matter, every other character does)"),
                       seed=seed.name)
    elif count > 1:
        reader.problem(reader.positions.of(path), N_("quote occurs {count} times in seed `{seed}`: quote more of the "
                                                     "sentence so that it points to one place"),
                       count=str(count), seed=seed.name)


# The glossary's shifts, against every brief ----------------------------------------------------------------


def shift_positions(reader: Reader, glossary: Glossary) -> dict[str, tuple[int, int]]:
    """Where each node of the glossary's shifts is, by its path joined with "/" (what `check_shifts` reports)."""
    found: dict[str, tuple[int, int]] = {}
    for i, shift in enumerate(glossary.shifts):
        found[f"{i}/theme"] = reader.positions.of(("shifts", i, "theme"))
        for n in range(len(shift.between)):
            found[f"{i}/between/{n}"] = reader.positions.of(("shifts", i, "between", n))
        for j, sentence in enumerate(shift.sentences):
            for k in range(len(sentence.points)):
                found[f"{i}/{j}/{k}"] = reader.positions.of(("shifts", i, "sentences", j, "points", k))
    return found


def when_held(brief: Brief) -> tuple[dt.date, dt.date]:
    """When what a brief records was said: its first meeting day, then its document's date. A record issued later
    may cover earlier meetings: CD/2105 (15 September 2017) records meetings of June, the Working Group's report
    on nuclear disarmament (14 September 2017) those of August."""
    return brief.meeting_days()[0], brief.document.date


def check_shifts(glossary: Glossary, briefs: Iterable[Brief], positions: dict[str, tuple[int, int]],
                 shown: str) -> list[Problem]:
    """Every shift's theme is a theme, its two briefs exist, the earlier document first (by `when_held`), and every
    point a sentence cites exists, belongs to one of the two briefs and carries the theme."""
    by_id = {brief.id: brief for brief in briefs}
    problems: list[Problem] = []

    def report(key: str, template: str, **params: str) -> None:
        line, col = positions.get(key, (1, 1))
        problems.append(Problem(path=shown, line=line, col=col, template=template, params=params))

    for i, shift in enumerate(glossary.shifts):
        if glossary.theme(shift.theme) is None:
            report(f"{i}/theme", N_("unknown theme `{theme}`: use a theme id from this glossary's themes"),
                   theme=shift.theme)
        for n, brief_id in enumerate(shift.between):
            if brief_id not in by_id:
                report(f"{i}/between/{n}", N_("no brief `{id}` loads: use the id of a brief in this folder (`brief "
                                              "list`)"), id=brief_id)
        first, last = (by_id.get(brief_id) for brief_id in shift.between)
        if first and last and when_held(first) > when_held(last):
            report(f"{i}/between/0", N_("`{first}` is the later document: list the earlier document first"),
                   first=first.id)
        for j, sentence in enumerate(shift.sentences):
            for k, cited in enumerate(sentence.points):
                brief_id, point_id = cited.split("/")
                point = by_id[brief_id].point(point_id) if brief_id in by_id else None
                if brief_id not in shift.between:
                    report(f"{i}/{j}/{k}", N_("`{point}` is not in the two briefs the shift is between: cite "
                                              "points of {briefs}"), point=cited, briefs=" and ".join(shift.between))
                elif point is None:
                    report(f"{i}/{j}/{k}", N_("no point `{point}`: cite an id of a point of `{brief}`"),
                           point=point_id, brief=brief_id)
                elif shift.theme not in point.themes:
                    report(f"{i}/{j}/{k}", N_("`{point}` does not carry the theme `{theme}`: cite a point of "
                                              "the theme, or add the theme to the point"),
                           point=cited, theme=shift.theme)
    return problems
