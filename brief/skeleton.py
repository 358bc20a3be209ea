"""`brief draft`: a brief skeleton in the curated format (briefs/README.md), written from a seed of record.

The seed's paragraphs are sorted into headings (which title the topics), paragraphs of substance (read by
`brief.draft` into candidate points) and paragraphs to skip, each with a reason (transmittal, list of speakers,
procedural…). The document's title, date, agenda item and meeting days are taken from the text where it says
them. Every text still to write starts with `TO_WRITE` and what the source says, so `brief check` reports each
one ("to translate") and the draft passes the check apart from those warnings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from brief import ladder
from brief.draft import Candidate, Side, read
from brief.model import SHARED, TO_WRITE
from brief.sentences import sentences
from brief.sources import Paragraph, Seed

#: The most points marked `key: true` in a draft.
MAX_KEY = 12
#: Paragraphs left out of the points, by the first rule that matches (Chinese and English wording).
SKIP_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("transmittal", re.compile(
        r"谨随函|随函转|谨请将此函|顺致最崇高的敬意|此致|敬礼|致意|普通照会|我很荣幸|\(签名\)|（签名）|"
        r"\bI have the honour\b|\bhas the honour\b|\btransmit|\bPlease accept\b|\bassurances of (?:my|its) highest\b|"
        r"\(Signed\)|\bcirculated as an? (?:official )?document\b", re.IGNORECASE)),
    ("list of speakers", re.compile(
        r"下列国家的代表作了发言|作了发言|发表了讲话|成员发了言|与会者名单|主持\)[；;。.]?$|\(Chair\)[;.]?$|"
        r"\bmoderated by\b|\bpanellists?\b|"
        r"\bmade (?:a )?statements?\b|\bList of participants\b|\bThe following (?:States|delegations|speakers)\b|"
        r"\bthe floor was taken by\b", re.IGNORECASE)),
    ("list of documents", re.compile(r"收到了下列文件|\([A-Z]{1,4}(?:/[A-Za-z0-9.]+)+\)[；;。.]?$|\bhad before it\b")),
    ("footnote", re.compile(r"^\d{1,2} (?!\d)\S")),
    ("procedural", re.compile(
        r"会议开幕|主持开幕|选举|通过其?议程|议程如下|通过了[^。]{0,40}报告|提供了秘书|组织会议|工作安排|举行了一系列|"
        r"会议由[^。]{0,80}主持|讨论遵循了|讨论按照[^。]{0,30}进行|下面概述|"
        r"\b(?:was|were) (?:opened|elected|chaired|co-chaired)\b|\badopted (?:its|the) (?:agenda|report)\b|"
        r"\bheld a series of\b|\bsecretariat\b|\bThe discussions? followed\b|\bThe following summary\b|"
        r"\bprogramme of work for the session\b", re.IGNORECASE)),
)
#: Headings that never title a topic: a letter's date line, signature, salutation, the masthead.
_FURNITURE = re.compile(r"签名|Signed|此致|敬礼|大使$|Ambassador$|常驻代表$|Permanent Representative$|顺致|Original:|"
                        r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:，\S{1,8})?$|"
                        r"^(?:\S+, )?\d{1,2} [A-Z][a-z]+ \d{4}$|^信函\s*\d|^Letter \d|^[A-Z]{1,4}(?:/[\w.]+)+$")
_NUMBERED = re.compile(r"^\d{1,2}\.\s*")
#: Who speaks in a chair's summary's own reading: (pattern in the text, English, Chinese), the first that matches.
_CHAIRS = ((re.compile(r"共同主持|联合主席|共同主席|co-?chair", re.IGNORECASE), "The co-chairs", "共同主席"),
           (re.compile(r"协调员|\bCoordinator\b"), "The Coordinator", "协调员"),
           (re.compile(r"主持人|\bFacilitator\b"), "The Facilitator", "主持人"))
_CHAIR = ("The Chair", "主席")
MONTHS = ("january february march april may june july august september october november december").split()
_DATE_ZH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_EN = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", re.IGNORECASE)
_DAY_ZH = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日((?:\s*(?:[、，,和及]|至)\s*\d{1,2}\s*日)*)")
_DAY_EN = re.compile(r"\b(\d{1,2})((?:\s*(?:,|and|to|-|–)\s*\d{1,2})*)\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?",
                     re.IGNORECASE)
_AGENDA = re.compile(r"议程项目\s*(\d+(?:\s*\([a-z]\))?(?:\s*(?:和|、|至)\s*(?:项目\s*)?\d+)*)|和项目\s*(\d+)|"
                     r"\bagenda items?\s+(\d+(?:\s*\([a-z]\))?(?:(?:,\s*|,?\s+and\s+)\d+)*)", re.IGNORECASE)
_SYMBOL = re.compile(r"^[A-Z]{1,5}(?:/[A-Z0-9.]*\d[A-Z0-9.]*)+$")


@dataclass
class Topic:
    title: str
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class Skeleton:
    """A drafted brief: its YAML text, and what it holds, for the summary `brief draft` prints."""

    yaml: str
    topics: int
    points: int
    splits: int
    skipped: int
    to_write: int
    # What was taken from the text, for a curator to check: the document's date (the first in the text; today
    # when it has none), the meeting days (the first sentence that gives them; the date when none does).
    date: dt.date
    meetings: list[dt.date]


def skeleton(seed: Seed, brief_id: str) -> Skeleton:
    """The draft of a brief called `brief_id` from `seed`."""
    chinese = ladder.is_chinese(seed.text)
    headings, skipped, substantive = _sort(seed.paragraphs)
    candidates = read(seed, substantive)
    for paragraph in substantive:
        if paragraph.index not in candidates:
            skipped[paragraph.index] = "no view, agreement or proposal found"
    topics = _topics(seed.paragraphs, headings, candidates)
    writer = _Writer(seed, chinese)
    date = _first_date(seed.text) or dt.date.today()
    meetings = _meetings(seed, date) or [date]
    writer.document(brief_id, seed, date, meetings)
    drafted = [c for topic in topics for c in topic.candidates]
    key = _key(drafted)
    chair = next(((en, zh) for pattern, en, zh in _CHAIRS if pattern.search(seed.text)), _CHAIR)
    writer.topics(topics, key, chair)
    runs = _runs(seed.paragraphs, skipped)
    writer.skipped(runs)
    text = writer.text()
    return Skeleton(yaml=text, topics=len(topics), points=len(drafted),
                    splits=sum(c.kind == "divergence" for c in drafted), skipped=len(skipped),
                    to_write=text.count(f'"{TO_WRITE}'), date=date, meetings=meetings)


def _sort(paragraphs: Iterable[Paragraph]) -> tuple[dict[int, str], dict[int, str], list[Paragraph]]:
    """Headings (index -> text), paragraphs to skip (index -> reason) and paragraphs of substance."""
    headings: dict[int, str] = {}
    skipped: dict[int, str] = {}
    substantive: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        final = re.search(r"[。！？.!?；;：:]\S{0,2}$", text) is not None
        if paragraph.is_heading or (not final and len(sentences(text)) == 1 and "。" not in text):
            if not _FURNITURE.search(text):
                headings[paragraph.index] = text
            if not paragraph.is_heading:
                skipped[paragraph.index] = "title"
            continue
        reason = next((reason for reason, rule in SKIP_RULES if rule.search(text)), None)
        if reason is None and _NUMBERED.match(text) and len(_NUMBERED.sub("", text)) <= 16:
            reason = "item of a procedural list (an agenda)"
        if reason is not None and ladder.quantifier(text) is None:
            skipped[paragraph.index] = reason
        else:
            substantive.append(paragraph)
    return headings, skipped, substantive


def _topics(paragraphs: Iterable[Paragraph], headings: dict[int, str],
            candidates: dict[int, list[Candidate]]) -> list[Topic]:
    """One topic per heading that has candidates after it, in the document's order."""
    topics: list[Topic] = []
    title: str | None = None
    for paragraph in paragraphs:
        if paragraph.index in headings:
            title = headings[paragraph.index]
        if paragraph.index in candidates:
            if not topics or topics[-1].title != (title or ""):
                topics.append(Topic(title or ""))
            topics[-1].candidates.extend(candidates[paragraph.index])
    return topics


def _key(candidates: list[Candidate]) -> set[int]:
    """The candidates a one-page brief is likely to carry: shared ground and splits, up to `MAX_KEY`."""
    chosen = [id(c) for c in candidates if c.kind == "divergence"
              or (c.kind == "consensus" and c.support in SHARED and not c.quote.endswith(("：", ":")))]
    return set(chosen[:MAX_KEY] or [id(c) for c in candidates[:1]])


def _runs(paragraphs: tuple[Paragraph, ...], skipped: dict[int, str]) -> list[tuple[Paragraph, Paragraph, str]]:
    """Runs of neighbouring skipped paragraphs with one reason (headings between them aside): (first, last,
    reason)."""
    runs: list[tuple[Paragraph, Paragraph, str]] = []
    for paragraph in paragraphs:
        reason = skipped.get(paragraph.index)
        if reason is None:
            if not paragraph.is_heading:
                runs.append((paragraph, paragraph, ""))  # a paragraph with points ends a run
            continue
        if runs and runs[-1][2] == reason:
            runs[-1] = (runs[-1][0], paragraph, reason)
        else:
            runs.append((paragraph, paragraph, reason))
    return [run for run in runs if run[2]]


class _Writer:
    """The YAML of the draft, in the house style of briefs/*.yaml (flow pairs, double-quoted strings)."""

    def __init__(self, seed: Seed, chinese: bool) -> None:
        self.seed = seed
        self.chinese = chinese
        self.lines: list[str] = []
        self.ends = sorted({p.start + end for p in seed.paragraphs for _, end in sentences(p.text)})

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def pair(self, seed_language: str | None, hint: str, other: str | None = None) -> str:
        """A `{en, zh}` pair: the seed's own words where they are exact (`seed_language`), the other language
        (or both) to write, marked with what the source says."""
        todo = f"{TO_WRITE} {' '.join(hint.split())}"
        own = seed_language if seed_language is not None else todo
        translated = other if other is not None else todo
        en, zh = (translated, own) if self.chinese else (own, translated)
        return f"{{en: {_quoted(en)}, zh: {_quoted(zh)}}}"

    def document(self, brief_id: str, seed: Seed, date: dt.date, meetings: list[dt.date]) -> None:
        title = next((p.text for p in seed.paragraphs if len(p.text) > 10 and not _FURNITURE.search(p.text)),
                     seed.name)
        symbol = symbol_of(seed.name)
        number = _agenda(seed)
        self.lines += ["# yaml-language-server: $schema=brief.schema.json",
                       f"# Drafted by `brief draft` from {seed.name}: every text marked {TO_WRITE} is to write "
                       "(`brief check` lists them).",
                       "schema: 1", f"id: {brief_id}", "document:"]
        if symbol:
            self.lines.append(f"  symbol: {symbol}")
        else:
            self.lines.append(f"  citation: {self.pair(None, seed.name)}")
        self.lines += [f"  title: {self.pair(title, title)}",
                       f"  date: {date.isoformat()}  # check: the first date in the text",
                       f"  source: {seed.name}",
                       f"forum: {self.pair(None, 'the body and its subsidiary body')}",
                       "agenda_item:",
                       f"  number: {_quoted(number or f'{TO_WRITE} the agenda item number')}",
                       f"  title: {self.pair(None, 'the agenda item title')}",
                       f"  short: {self.pair(None, 'a short name for the agenda item')}",
                       f"meetings: [{', '.join(d.isoformat() for d in meetings)}]  # check: the days the text gives",
                       f"summary: {self.pair(None, 'two or three sentences: the state of play')}",
                       "topics:"]

    def topics(self, topics: list[Topic], key: set[int], chair: tuple[str, str]) -> None:
        number = 0
        for index, topic in enumerate(topics, 1):
            title = topic.title or "the paragraphs before the first heading"
            self.lines += [f"  - id: topic-{index}",
                           f"    title: {self.pair(topic.title or None, title)}",
                           "    points:"]
            for candidate in topic.candidates:
                number += 1
                self.point(f"point-{number}", candidate, id(candidate) in key, chair)

    def point(self, point_id: str, candidate: Candidate, key: bool, chair: tuple[str, str]) -> None:
        kind = candidate.kind
        lines = [f"      - id: {point_id}", f"        kind: {kind}"]
        if key:
            lines.append("        key: true")
        if candidate.kind == "divergence":
            first = self.unique(candidate.sides[0])
            lines.append(f"        issue: {self.pair(None, candidate.issue or first)}")
            lines.append("        positions:")
            for side in candidate.sides:
                quote = self.unique(side)
                lines += [f"          - holders: {self.holders(side, quote)}",
                          f"            support: {side.support}",
                          f"            text: {self.pair(None, quote)}",
                          f"            source: {{quote: {_quoted(quote)}}}"]
        else:
            quote = self.unique(candidate.sides[0])
            if kind != "assessment":
                lines.append(f"        support: {candidate.support}")
            if kind == "assessment":
                lines.append(f"        holders: {{en: {_quoted(chair[0])}, zh: {_quoted(chair[1])}}}")
            elif candidate.group:
                lines.append(f"        holders: {self.named(candidate.group)}")
            lines += [f"        text: {self.pair(None, quote)}", f"        source: {{quote: {_quoted(quote)}}}"]
        self.lines += lines

    def holders(self, side: Side, quote: str) -> str:
        if side.holders is None:
            return self.pair(None, re.split("[，,:：]", quote, maxsplit=1)[0][:40])
        return self.named(side.holders)

    def named(self, holders: tuple[str, str | None]) -> str:
        """Holders the ladder names: exact in the seed's language and in English; Chinese for an English
        seed still to write."""
        en, zh = holders
        return self.pair(zh if self.chinese else en, en, en if self.chinese else zh)

    def skipped(self, runs: list[tuple[Paragraph, Paragraph, str]]) -> None:
        if not runs:
            return
        self.lines.append("skipped:")
        for first, last, reason in runs:
            self.lines.append(f"  - quote: {_quoted(self.opening(first))}")
            if last is not first:
                self.lines.append(f"    through: {_quoted(self.opening(last))}")
            self.lines.append(f"    reason: {_quoted(reason)}")

    def opening(self, paragraph: Paragraph) -> str:
        """The first sentence of `paragraph`, or more until it is found once in the seed."""
        first = sentences(paragraph.text)[0]
        return self.extend(paragraph.start + first[0], paragraph.start + first[1])

    def unique(self, side: Side) -> str:
        return self.extend(side.start, side.end)

    def extend(self, start: int, end: int) -> str:
        """The seed's text from `start` to `end`, taking in the sentences before it in its paragraph, then those
        after it, until it occurs once."""
        text = self.seed.text
        opening = max((p.start for p in self.seed.paragraphs if p.start <= start), default=0)
        while self.seed.count(text[start:end]) > 1:
            before = [bound for bound in (opening, *self.ends) if opening <= bound < start]
            later = [e for e in self.ends if e > end]
            if before:
                start = max(before)
            elif later:
                end = later[0]
            else:
                break
        return re.sub(r"\s*\n\s*", " ", text[start:end].strip())


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's): text from the seed is data, never markup."""
    return json.dumps(text, ensure_ascii=False)


def symbol_of(name: str) -> str | None:
    """The document symbol a seed's file name spells (`cd-2105.zh.txt` -> CD/2105, as `brief seed` names
    them), or None when the name is not a symbol's."""
    stem = Path(name).name.split(".")[0]
    symbol = stem.upper().replace("-", "/")
    return symbol if _SYMBOL.match(symbol) else None


def _first_date(text: str) -> dt.date | None:
    found: list[tuple[int, dt.date | None]] = []
    for match in _DATE_ZH.finditer(text[:4000]):
        found.append((match.start(), _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))))
    for match in _DATE_EN.finditer(text[:4000]):
        found.append((match.start(), _date(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1,
                                           int(match.group(1)))))
    real = sorted((at, day) for at, day in found if day is not None)
    return real[0][1] if real else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _meetings(seed: Seed, date: dt.date) -> list[dt.date]:
    """The meeting days of the first sentence that says when meetings were held ("于 6 月 20 日、22 日和 23 日…
    举行", "held on 20, 22 and 23 June 2017")."""
    for paragraph in seed.paragraphs[:40]:
        for start, end in sentences(paragraph.text):
            sentence = paragraph.text[start:end]
            if not re.search(r"举行|\bheld\b", sentence, re.IGNORECASE):
                continue
            days = _days(sentence, date.year)
            if days:
                return days
    return []


def _days(sentence: str, year: int) -> list[dt.date]:
    days: list[dt.date] = []
    if ladder.is_chinese(sentence):
        for match in _DAY_ZH.finditer(sentence):
            current = int(match.group(1) or year)
            month, first = int(match.group(2)), int(match.group(3))
            numbers = [first, *map(int, re.findall(r"\d{1,2}", match.group(4)))]
            ranges = "至" in match.group(4)
            days += _expand(current, month, numbers, ranges)
    else:
        for match in _DAY_EN.finditer(sentence):
            current = int(match.group(4) or year)
            month = MONTHS.index(match.group(3).lower()) + 1
            numbers = [int(match.group(1)), *map(int, re.findall(r"\d{1,2}", match.group(2)))]
            ranges = re.search(r"to|-|–", match.group(2)) is not None
            days += _expand(current, month, numbers, ranges)
    return sorted(set(days))


def _expand(year: int, month: int, numbers: list[int], ranges: bool) -> list[dt.date]:
    if ranges and len(numbers) == 2:
        numbers = list(range(numbers[0], numbers[1] + 1))
    return [day for number in numbers if (day := _date(year, month, number)) is not None]


def _agenda(seed: Seed) -> str | None:
    """The agenda item numbers of the first sentence that names them: "1, 2", "4", "99 (w)"."""
    for paragraph in seed.paragraphs[:40]:
        for start, end in sentences(paragraph.text):
            sentence = paragraph.text[start:end]
            numbers: list[str] = []
            for match in _AGENDA.finditer(sentence):
                found = match.group(1) or match.group(2) or match.group(3)
                numbers += [re.sub(r"\s*\(", " (", n) for n in re.split(r"\s*(?:和|、|至|,|and)\s*(?:项目\s*)?", found)]
            if numbers:
                return ", ".join(dict.fromkeys(numbers))
    return None
