"""Read `briefs/*.yaml` into the model, and report every problem with the file, line and column it concerns.

Each file is read safely into plain data with the position of every value (`brief.yamlfile`), searched for
hidden characters (`brief.hidden`), validated against the model (`brief.validate`) and its dates bounded; a file
with a hidden character or an impossible date gives no brief, so that neither ever reaches a renderer. The valid
briefs are checked against each other, the glossary and their seeds (`check_brief`). With a cache
(`brief.cache`), a file that has not changed is not read again, and then neither YAML, the validator nor the
search for hidden characters is even imported.

A broken file never stops the others: it is reported and left out, and everything else loads.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import msgspec

from brief.cache import BriefCache, Entry, GlossaryEntry, SeedDigests, digest
from brief.checks import Parts, check_brief, check_dates, check_shifts, check_to_write, shift_positions, unique
from brief.corpus import Corpus, Glossary, Problem
from brief.files import reason, shown_path
from brief.i18n import N_
from brief.limits import MAX_FILE_BYTES, read_regular
from brief.model import Brief
from brief.sharing import Sharing
from brief.sources import SeedLibrary

if TYPE_CHECKING:
    from brief.yamlfile import Reader

GLOSSARY = "glossary.yaml"

#: Reported on the second file that gives a brief's id (`brief export` looks for it).
DUPLICATE_BRIEF_ID = N_("duplicate brief id `{id}`, already used by {other}: give this brief another id")


def default_briefs_dir() -> Path:
    """The bundled briefs: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / "briefs", here.parent / "briefs"):
        if candidate.is_dir():
            return candidate
    return here.parent / "briefs"


def default_seeds_dir(briefs_dir: Path) -> Path:
    """Seeds live beside the briefs: `<briefs>/../seeds`."""
    return briefs_dir.parent / "seeds"


def brief_files(briefs_dir: Path) -> list[Path]:
    return sorted(p for p in briefs_dir.glob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.name != GLOSSARY)


def export_errors(corpus: Corpus, brief_id: str) -> list[Problem]:
    """The errors that keep the brief `brief_id` from being exported: those of its own file (a quote not in
    its seed, a broken cross-reference) and another file claiming its id. The command line and the app both
    refuse to export while there are any."""
    path = corpus.files.get(brief_id)
    return [p for p in corpus.errors if (path is not None and p.path == path)
            or (p.template == DUPLICATE_BRIEF_ID and p.params.get("id") == brief_id)]


def load(briefs_dir: Path, seeds_dir: Path | None = None, files: list[Path] | None = None,
         cache: BriefCache | None = None, jobs: int = 1) -> Corpus:
    """Load the glossary and the briefs of `briefs_dir` (or only `files`), and check them against each other and
    against the seeds in `seeds_dir`. Never raises for bad input: every problem is in `Corpus.problems`. With
    `cache`, a file whose result is cached for its exact bytes is not read again (see `brief.cache`); with
    `jobs` over 1, the files that must be read are read by that many processes when there are enough of them
    (see `brief.pool`)."""
    was_enabled = gc.isenabled()
    gc.disable()  # reading builds millions of short-lived objects; collecting while they pile up is quadratic
    try:
        return _load(briefs_dir, seeds_dir, files, cache, jobs)
    finally:
        if was_enabled:
            gc.enable()


class Context(NamedTuple):
    """What reading one brief file depends on besides the file: the same for every file of a load."""

    glossary: Glossary | None
    glossary_content: bytes | None  # the digest of its bytes
    seeds: Path
    seeds_shown: str
    caching: bool  # entries will be cached: their seeds' digests are needed


def _load(briefs_dir: Path, seeds_dir: Path | None, files: list[Path] | None, cache: BriefCache | None,
          jobs: int) -> Corpus:
    seeds_folder = seeds_dir or default_seeds_dir(briefs_dir)
    problems: list[Problem] = []
    shown_dir = shown_path(briefs_dir)
    if (unusable := _unusable_folder(briefs_dir)) is not None:
        return Corpus(problems=(msgspec.structs.replace(unusable, path=shown_dir),))
    glossary_entry = _load_glossary(briefs_dir / GLOSSARY, problems, cache)
    glossary = glossary_entry.glossary if glossary_entry else None
    glossary_content = glossary_entry.content if glossary_entry and glossary else None
    paths = files if files is not None else brief_files(briefs_dir)
    if not paths and files is None:  # `brief check glossary.yaml` checks the glossary alone
        problems.append(Problem(path=shown_dir, template=N_("no briefs (*.yaml) in this directory: add one (see "
                                                            "briefs/README.md) or pass --briefs DIR")))
    context = Context(glossary, glossary_content, seeds_folder, shown_path(seeds_folder), cache is not None)
    briefs: list[Brief] = []
    where: dict[str, str] = {}
    seeds_warned: set[str] = set()
    for path, entry in zip(paths, _entries(paths, context, cache, jobs), strict=True):
        shown = shown_path(path)
        problems.extend(msgspec.structs.replace(problem, path=shown) for problem in entry.problems)
        if entry.seed is not None and entry.seed not in seeds_warned:  # a seed's problems once, however many quote it
            seeds_warned.add(entry.seed)
            problems.extend(entry.seed_problems)
        brief = entry.brief
        if brief is not None and brief.id in where:
            line, col = entry.id_position
            problems.append(Problem(path=shown, line=line, col=col, template=DUPLICATE_BRIEF_ID,
                                    params={"id": brief.id, "other": where[brief.id]}))
        elif brief is not None:
            where[brief.id] = shown
            briefs.append(brief)
    if glossary_entry and glossary and files is None:  # the shifts cite points of every brief
        problems += check_shifts(glossary, briefs, glossary_entry.positions, shown_path(briefs_dir / GLOSSARY))
    return Corpus(briefs=tuple(briefs), glossary=glossary, problems=tuple(problems), files=where)


def _unusable_folder(briefs_dir: Path) -> Problem | None:
    """Why the briefs folder cannot be read, if it cannot: missing, a file, or a folder the user may not open."""
    if not briefs_dir.exists() and not briefs_dir.is_symlink():
        return Problem(path="", template=N_("the briefs directory does not exist: pass --briefs DIR with a folder of "
                                            "brief files"))
    if not briefs_dir.is_dir():
        return Problem(path="", template=N_("this is not a folder: pass --briefs DIR with the folder that holds the "
                                            "brief files"))
    try:
        with os.scandir(briefs_dir):
            pass
    except OSError as error:
        return Problem(path="", template=N_("the briefs folder cannot be read ({why}): check its permissions, or pass "
                                            "--briefs DIR"), params={"why": reason(error)})
    return None


def _entries(paths: list[Path], context: Context, cache: BriefCache | None, jobs: int) -> list[Entry]:
    """The entry of each file of `paths`, in order: from the cache where it holds one for the file's bytes, else
    read (by a pool of processes when it is worth one), and then cached."""
    found: list[Entry | None] = [None] * len(paths)
    misses: dict[int, bytes | None] = {}  # the files to read, with their bytes when they were read already
    seed_digests = SeedDigests(context.seeds)
    sharing = Sharing()  # each brief as it comes: the repeats of one are freed before the next is decoded
    for index, path in enumerate(paths):
        raw = None
        if cache is not None:
            try:
                raw = read_regular(path, MAX_FILE_BYTES)
            except OSError:  # reading it reports why
                pass
            else:
                found[index] = entry = cache.get(path, digest(raw), context.glossary_content, context.seeds_shown,
                                                 seed_digests)
                if entry is not None and entry.brief is not None:
                    sharing.brief(entry.brief)
        if found[index] is None:
            misses[index] = raw
    if misses:
        from brief import pool

        to_read = [paths[index] for index in misses]
        read: Sequence[tuple[Entry, bytes | None]] | None = None
        if pool.worth_it(to_read, jobs):
            read = pool.read_all(context, to_read, jobs)
        if read is None:
            seeds = SeedLibrary(context.seeds)
            read = [(_read_brief(paths[index], raw, context, seeds, seed_digests), None)
                    for index, raw in misses.items()]
        for index, (entry, payload) in zip(misses, read, strict=True):
            found[index] = entry
            if entry.brief is not None:
                sharing.brief(entry.brief)
            if cache is not None and entry.content is not None:
                cache.put(paths[index], entry, payload)
    return [entry for entry in found if entry is not None]


def read_brief(path: Path, context: Context, seeds: SeedLibrary, seed_digests: SeedDigests) -> Entry:
    """Read, validate and check one brief file, on its own (the ids of other files aside)."""
    return _read_brief(path, None, context, seeds, seed_digests)


def _read_brief(path: Path, raw: bytes | None, context: Context, seeds: SeedLibrary,
                seed_digests: SeedDigests) -> Entry:
    from brief.hidden import check_hidden, in_seed
    from brief.yamlfile import Reader

    reader = Reader(path, shown_path(path))
    raw = reader.read_bytes() if raw is None else raw
    data = reader.parse(raw) if raw is not None else None
    plain = check_hidden(reader, data) if data is not None else True
    brief = _validate(reader, data, Brief) if data is not None else None
    if brief is not None and not (check_dates(reader, brief) and plain):
        brief = None  # its text or its dates must never reach a renderer
    parts = Parts.of_brief(brief) if brief else Parts.of_data(data) if data is not None else None
    if parts is not None:
        check_brief(parts, reader, context.glossary, seeds)
    if data is not None:
        check_to_write(reader, data)
    seed = parts.seed if parts is not None else None
    return Entry(path=str(path.resolve()), content=digest(raw) if raw is not None else None,
                 glossary=context.glossary_content, seeds=context.seeds_shown, seed=seed,
                 seed_content=seed_digests(seed) if seed and context.caching else None, brief=brief,
                 problems=tuple(msgspec.structs.replace(problem, path="") for problem in reader.problems),
                 id_position=reader.positions.of(("id",)), seed_problems=in_seed(seeds, seed) if seed else ())


def _load_glossary(path: Path, problems: list[Problem], cache: BriefCache | None) -> GlossaryEntry | None:
    """What reading the glossary gave (None when there is none)."""
    shown = shown_path(path)
    try:
        path.stat()
    except OSError:
        problems.append(Problem(path=shown, level="warning", template=N_("no glossary.yaml: themes cannot be checked; "
                                                                         "add one (see briefs/README.md)")))
        return None
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except OSError:  # reading it reports why
        raw = None
    content = digest(raw) if raw is not None else None
    entry = cache.get_glossary(path, content) if cache is not None and content is not None else None
    if entry is None:
        from brief.hidden import check_hidden
        from brief.yamlfile import Reader

        reader = Reader(path, shown)
        raw = reader.read_bytes() if raw is None else raw
        data = reader.parse(raw) if raw is not None else None
        plain = check_hidden(reader, data) if data is not None else True
        glossary = _validate(reader, data, Glossary) if data is not None else None
        glossary = glossary if plain else None
        if glossary is not None:
            unique(reader, [("themes", i, "id") for i in range(len(glossary.themes))], [t.id for t in glossary.themes],
                    N_("duplicate theme id `{id}`: theme ids must be unique; rename one of them"))
        entry = GlossaryEntry(path=str(path.resolve()), content=content or b"", glossary=glossary,
                              positions=shift_positions(reader, glossary) if glossary else {},
                              problems=tuple(msgspec.structs.replace(p, path="") for p in reader.problems))
        if cache is not None and content is not None:
            cache.put(path, entry)
    problems.extend(msgspec.structs.replace(problem, path=shown) for problem in entry.problems)
    return entry


def _validate(reader: Reader, data: Any, target: type) -> Any | None:
    from brief import validate

    value, issues = validate.convert(data, target)
    for issue in issues:
        reader.report(reader.positions.of(issue.path, issue.on_key), issue.template, issue.params)
    return value
