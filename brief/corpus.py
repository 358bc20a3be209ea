"""The corpus: everything that loaded — the good briefs, the glossary (themes, terms, and the curated shifts of a
theme between documents) and every problem found, with its file and position."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from brief.i18n import N_
from brief.languages import LANGUAGES
from brief.model import Brief, NonEmpty, Placed, Slug, Text, _Struct


class Theme(_Struct, frozen=True, kw_only=True):
    id: Slug
    name: Text


if TYPE_CHECKING:
    class Term(_Struct, frozen=True, kw_only=True):
        en: str
        zh: str
        abbr: str | None
        note: Text | None
else:  # a term in every language of the registry, as `Text`
    Term = msgspec.defstruct("Term", [*((code, NonEmpty) for code in LANGUAGES), ("abbr", NonEmpty | None, None),
                                      ("note", Text | None, None)], bases=(_Struct,), module=__name__,
                             frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True, gc=False)


PointPath = Annotated[str, msgspec.Meta(
    pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$",
    description=N_("a point as `brief-id/point-id`, such as `cd-2105-nsa/interim-step`"))]


class ShiftSentence(_Struct, frozen=True, kw_only=True):
    """One sentence of what changed, and the points that bear it out (each must carry the shift's theme)."""

    text: Text
    points: Annotated[tuple[PointPath, ...], msgspec.Meta(min_length=1)]


class Shift(_Struct, frozen=True, kw_only=True):
    """How positions on a theme moved from one document to a later one, in curated sentences."""

    theme: Slug
    between: Annotated[tuple[Slug, ...], msgspec.Meta(min_length=2, max_length=2,
                                                       description=N_("two brief ids, the earlier document first"))]
    sentences: Annotated[tuple[ShiftSentence, ...], msgspec.Meta(min_length=1)]


class Glossary(_Struct, frozen=True, kw_only=True):
    """`briefs/glossary.yaml`: the themes that gather points across documents, the zh/en terminology, and the
    shifts of a theme between documents."""

    schema: Literal[1]
    themes: tuple[Theme, ...]
    terms: tuple[Term, ...] = ()
    shifts: tuple[Shift, ...] = ()

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


class Problem(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """Something wrong (or doubtful) in a file, with its position.

    `template` is an English message with `{name}` placeholders, marked for translation where it is written;
    `brief.i18n.describe` renders it in either language at display time, so a problem list follows the
    language switch like everything else.
    """

    path: str
    line: int = 0
    col: int = 0
    level: Literal["error", "warning"] = "error"
    template: str
    params: dict[str, str] = {}

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.col}" if self.line else self.path


class Corpus(msgspec.Struct, frozen=True, kw_only=True):
    """Everything that loaded: the good briefs in file order, the glossary, and every problem found."""

    briefs: tuple[Brief, ...] = ()
    glossary: Glossary | None = None
    problems: tuple[Problem, ...] = ()
    files: dict[str, str] = {}  # brief id -> path of its file

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    def brief(self, brief_id: str) -> Brief | None:
        return next((b for b in self.briefs if b.id == brief_id), None)

    def themes(self) -> list[Theme]:
        """The glossary's themes that at least one point uses, in glossary order."""
        used = {t for b in self.briefs for _, p in b.points() for t in p.themes}
        return [t for t in (self.glossary.themes if self.glossary else ()) if t.id in used]

    def by_theme(self, theme_id: str) -> list[Placed]:
        return [Placed(b, t, p) for b in self.briefs for t, p in b.points() if theme_id in p.themes]

    def point_count(self) -> int:
        return sum(1 for b in self.briefs for _ in b.points())
