"""The briefing model: typed, immutable, and the single contract between the curated YAML, the export and the app.

Structs are msgspec structs: `msgspec.convert` validates a YAML document against them (see `brief.validate`), and
`msgspec.json.schema` turns them into the JSON Schema that editors use (`brief schema`). msgspec was chosen over
pydantic for its import cost, which `brief export` pays on every run (README: Dependencies).

This module imports neither Textual nor Rich nor Markdown: it is plain data plus a few derived views.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal, Protocol, cast

import msgspec

from brief.languages import LANGUAGES, N_, language

#: The support ladder, strongest first (briefs/README.md). The order is used for sorting and for the meter.
SUPPORT_LEVELS: tuple[str, ...] = ("all", "general", "most", "many", "some", "one")
Support = Literal["all", "general", "most", "many", "some", "one"]
Kind = Literal["consensus", "view", "divergence", "proposal", "assessment"]

NonEmpty = Annotated[str, msgspec.Meta(pattern=r"\S", description=N_("non-empty text"))]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    msgspec.Meta(
        pattern=SLUG_PATTERN,
        max_length=64,
        description=N_("an id of lowercase letters, digits and single hyphens, such as `interim-step`"),
    ),
]
SEED_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$"
SeedName = Annotated[
    str,
    msgspec.Meta(
        pattern=SEED_NAME_PATTERN,
        description=N_("a file name in the seeds directory, such as `cd-2105.zh.txt`, without folders"),
    ),
]
AgendaNumber = Annotated[
    str, msgspec.Meta(pattern=r"\S", description=N_('the agenda item number as text, such as "4" or "1, 2"'))
]


def support_rank(level: str) -> int:
    """0 for `all` … 5 for `one`: smaller is stronger."""
    return SUPPORT_LEVELS.index(level)


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True, gc=False):
    """Base of every struct read from YAML: immutable, and an unknown key (a typo) is an error. Not tracked by
    the cyclic garbage collector (`gc=False`): the model holds no reference cycles, and a corpus of 50,000
    points is a million objects that each collection would otherwise walk again."""


#: How a draft (`brief draft`) marks a text still to write: the text starts with it, followed by what the source
#: says. `brief check` warns about every such text ("to translate"), and the app flags its point, so a text left
#: to write is never a silent gap.
TO_WRITE = "TODO:"


class _Texts(_Struct, frozen=True, kw_only=True):
    """A user-facing string in every language of `brief.languages.LANGUAGES`, one field per language."""

    def __getitem__(self, lang: str) -> str:
        """The text in `lang`; a KeyError for a language the registry does not have (never another language's
        text in its place)."""
        if lang not in LANGUAGES:
            raise KeyError(lang)
        text: str = getattr(self, lang)
        return text

    @property
    def to_write(self) -> bool:
        """True while any language is still a draft's (starts with `TO_WRITE`)."""
        return any(self[lang].startswith(TO_WRITE) for lang in LANGUAGES)


if TYPE_CHECKING:
    class Text(_Texts, frozen=True, kw_only=True):
        en: str
        zh: str
else:  # the fields are the registry's languages: a language added there is a field here, required
    Text = msgspec.defstruct("Text", [(code, NonEmpty) for code in LANGUAGES], bases=(_Texts,), module=__name__,
                             frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True, gc=False)
    Text.__doc__ = "A user-facing string, in each language brief speaks."


def _texts(value: object) -> Iterator[Text]:
    """Every `Text` inside a struct, however deep (a point's text, holders, issue, positions, note)."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from _texts(getattr(value, name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)


class Source(_Struct, frozen=True, kw_only=True):
    """Where a point comes from: a verbatim Chinese passage of the document's seed text."""

    quote: NonEmpty


class Side(_Struct, frozen=True, kw_only=True):
    """One side of a divergence: who holds it, how widely, what they argue, and the passage that says so."""

    holders: Text
    support: Support
    text: Text
    source: Source
    note: Text | None = None


class _Point(_Struct, frozen=True, tag_field="kind", kw_only=True):
    id: Slug
    key: bool = False
    themes: tuple[Slug, ...] = ()
    note: Text | None = None

    kind: ClassVar[Kind]
    #: Where the point is listed: one of `SECTIONS`.
    section: ClassVar[str]

    @property
    def to_write(self) -> bool:
        """True while a text of the point is still a draft's: the app flags the point."""
        return any(text.to_write for text in _texts(self))


class _OneClaim(_Point, frozen=True, kw_only=True):
    """A point that is one claim: who holds it, what it says and the passage that says so."""

    text: Text
    source: Source
    holders: Text | None = None

    @property
    def claims(self) -> tuple[Claim, ...]:
        return (cast("Claim", self),)  # every concrete kind gives `support` (a field, or None for assessments)

    @property
    def sources(self) -> tuple[Source, ...]:
        return (self.source,)

    def headline(self, lang: str) -> str:
        return self.text[lang]


class Consensus(_OneClaim, frozen=True, tag="consensus", kw_only=True):
    """Shared ground: what the room holds (all, general or most delegations, in the chair's wording)."""

    kind: ClassVar[Kind] = "consensus"
    section: ClassVar[str] = "agree"
    support: Support


class Viewpoint(_OneClaim, frozen=True, tag="view", kw_only=True):
    """A view of part of the room (many, some or one delegation) that no one is recorded as opposing: a view, not
    agreement."""

    kind: ClassVar[Kind] = "view"
    section: ClassVar[str] = "views"
    support: Support


class Proposal(_OneClaim, frozen=True, tag="proposal", kw_only=True):
    """A proposal or way forward put to the room, with who made it."""

    kind: ClassVar[Kind] = "proposal"
    section: ClassVar[str] = "proposals"
    support: Support


class Assessment(_OneClaim, frozen=True, tag="assessment", kw_only=True):
    """The chair's (or co-chairs') own reading: a sentence of a chair's summary without a subject. It is not a view
    of the room, so it has no level of support and is never shown as agreement."""

    kind: ClassVar[Kind] = "assessment"
    section: ClassVar[str] = "assessment"
    holders: Text

    @property
    def support(self) -> None:
        return None


class Divergence(_Point, frozen=True, tag="divergence", kw_only=True):
    """A question the room splits on, with each side's position."""

    kind: ClassVar[Kind] = "divergence"
    section: ClassVar[str] = "divide"
    issue: Text
    positions: Annotated[tuple[Side, ...], msgspec.Meta(min_length=2)]

    @property
    def support(self) -> Support:
        """The support of the strongest side, so a divergence sorts with the views it contains."""
        return min((p.support for p in self.positions), key=support_rank)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.positions

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(p.source for p in self.positions)

    def headline(self, lang: str) -> str:
        return self.issue[lang]


Point = Consensus | Viewpoint | Divergence | Proposal | Assessment


class Claim(Protocol):
    """What a point claims, and who claims it: the point itself, or each side (`Side`) of a divergence."""

    @property
    def holders(self) -> Text | None: ...
    @property
    def support(self) -> Support | None: ...
    @property
    def text(self) -> Text: ...
    @property
    def source(self) -> Source: ...
    @property
    def note(self) -> Text | None: ...

#: How a brief is read, in this order: what the room holds (all, general or most delegations), where it splits,
#: the views of part of the room (many, some, one), the proposals, and the chair's own reading. The app and the
#: export both use it; each kind of point names its section.
SECTIONS: tuple[str, ...] = ("agree", "divide", "views", "proposals", "assessment")
#: The levels of support that make shared ground (`consensus`); the others make a `view`.
SHARED: tuple[Support, ...] = ("all", "general", "most")


def rank(point: Point) -> int:
    """For ordering by support, strongest first: the chair's own reading, which has none, last."""
    return support_rank(point.support) if point.support is not None else len(SUPPORT_LEVELS)


class Topic(_Struct, frozen=True, kw_only=True):
    id: Slug
    title: Text
    points: Annotated[tuple[Point, ...], msgspec.Meta(min_length=1)]


class Span(_Struct, frozen=True, kw_only=True):
    """A run of meeting days, `{from: 2013-05-14, to: 2013-05-24}`."""

    start: dt.date = msgspec.field(name="from")
    end: dt.date = msgspec.field(name="to")


class AgendaItem(_Struct, frozen=True, kw_only=True):
    number: AgendaNumber
    title: Text
    short: Text


class Document(_Struct, frozen=True, kw_only=True):
    symbol: NonEmpty | None = None
    title: Text
    part: Text | None = None
    date: dt.date
    source: SeedName
    citation: Text | None = None
    url: NonEmpty | None = None

    def cite(self, lang: str) -> str:
        """How the brief cites its document: the curated citation, else the symbol and part."""
        if self.citation is not None:
            return self.citation[lang]
        parts = [self.symbol or "", self.part[lang] if self.part else ""]
        return language(lang).comma.join(p for p in parts if p)


class Skipped(_Struct, frozen=True, kw_only=True):
    """A paragraph of the seed deliberately not turned into a point (procedural, a signature, …), or with
    `through` a run of paragraphs, from the one holding `quote` to the one holding `through`."""

    quote: NonEmpty
    through: NonEmpty | None = None
    reason: NonEmpty


class Brief(_Struct, frozen=True, kw_only=True):
    """One agenda item of one document: the unit the app shows and the export prints."""

    schema: Literal[1]
    id: Slug
    document: Document
    forum: Text
    chairs: tuple[Text, ...] = ()
    agenda_item: AgendaItem
    meetings: Annotated[tuple[dt.date | Span, ...], msgspec.Meta(min_length=1)]
    summary: Text
    topics: Annotated[tuple[Topic, ...], msgspec.Meta(min_length=1)]
    skipped: tuple[Skipped, ...] = ()

    def points(self) -> Iterator[tuple[Topic, Point]]:
        for topic in self.topics:
            for point in topic.points:
                yield topic, point

    def point(self, point_id: str) -> Point | None:
        return next((p for _, p in self.points() if p.id == point_id), None)

    def meeting_days(self) -> list[dt.date]:
        """Every meeting day, in order (a brief that loads has at most `brief.checks.MOST_MEETING_DAYS`)."""
        days: list[dt.date] = []
        for entry in self.meetings:
            if isinstance(entry, Span):  # by ordinal: a span to the calendar's last day does not run off it
                days += map(dt.date.fromordinal, range(entry.start.toordinal(), entry.end.toordinal() + 1))
            else:
                days.append(entry)
        return sorted(set(days))


class PointRef(msgspec.Struct, frozen=True, gc=False):
    """A point, by the brief it belongs to and its id: what marks, search and the app pass around."""

    brief_id: str
    point_id: str


class Placed(msgspec.Struct, frozen=True, gc=False):
    """A point where it stands: its brief and its topic. The one shape of a point out of its brief (search
    results, the app's pages, a theme across documents)."""

    brief: Brief
    topic: Topic
    point: Point

    @property
    def ref(self) -> PointRef:
        return PointRef(self.brief.id, self.point.id)
