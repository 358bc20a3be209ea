"""The boundary for text from files: which characters are hidden ones, and text made fit for a terminal.

Text from any file the user did not type into the app (briefs, the glossary, seeds, notes, settings, the cache,
the dates memo) is data. A *hidden character* is one that acts instead of showing, or shows nothing:

- a control character (C0, DEL, C1: `ESC` starts the terminal sequences that set the clipboard through OSC 52,
  clear or reset the screen, or make links; `CR` and `BS` overwrite what was printed), but not the newline and
  the tab, which are whitespace (`visible` shows a tab as a space);
- a bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which reorders how the text
  around it is shown;
- an invisible character: every other format character (zero-width space and joiners, U+2060–U+2064, U+FEFF,
  the soft hyphen, U+180E, the tag characters U+E0000–U+E007F), the line and paragraph separators U+2028 and
  U+2029, and the rest of Unicode's default-ignorable code points (variation selectors, the Hangul fillers,
  U+034F): they can hide text, or make two words that look the same differ;
- a lone surrogate, which is no character at all (a YAML escape such as `"\\ud800"` can make one).

Spaces are not hidden characters: the no-break space U+00A0 and the ideographic space U+3000 show as the spaces
they are, occur in real UN texts (U+3000 indents Chinese paragraphs), and are whitespace to every comparison of
quotes. Chinese text and its punctuation (`，。、“”·—`) is ordinary text.

`brief check` refuses hidden characters in briefs and the glossary (`brief.hidden`), so no renderer ever
receives one from there; everything else is shown through `visible`, which writes each hidden character as
`⟨U+XXXX⟩` with its code point: every character of that form is printable and one cell wide, also on CJK
terminals, so the form never acts and never shifts a column.

It imports nothing but the standard library and `brief.i18n`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from brief.i18n import N_

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: Unicode's format characters (category Cf, as of Unicode 14), the bidirectional controls among them, and the
#: other default-ignorable code points (Unicode's DerivedCoreProperties: variation selectors, fillers), below
#: U+10000 and above it.
_BMP = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
        "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u2028\u2029\u034f\u115f"
        "\u1160\u17b4\u17b5\u180b-\u180f\u2065\u3164\ufe00-\ufe0f\uffa0\ufff0-\ufff8\ud800-\udfff")
_ASTRAL = ("\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
           "\U000e0000-\U000e0fff")
_HIDDEN_CLASS = _BMP + _ASTRAL


class LazyPattern:
    """A regular expression compiled when first used: the four classes below take about 2 ms to compile, which a
    run that never searches text for hidden characters (a warm `brief export` to standard output) need not pay."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def sub(self, replace: Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(replace, text)


#: One hidden character.
HIDDEN = LazyPattern(f"[{_HIDDEN_CLASS}]")
#: One hidden character below U+10000 (see `hidden_in`).
HIDDEN_BELOW_10000 = LazyPattern(f"[{_BMP}]")
_SHOWN = LazyPattern(f"\r\n|[\t{_HIDDEN_CLASS}]")
_BIDI_CHARACTERS = LazyPattern(f"[{_BIDI}]")

#: The names of the control characters (Unicode gives them as aliases only).
_CONTROL_NAMES = dict(zip([*range(0x20), 0x7F, *range(0x80, 0xA0)], (
    "NULL|START OF HEADING|START OF TEXT|END OF TEXT|END OF TRANSMISSION|ENQUIRY|ACKNOWLEDGE|BELL|BACKSPACE|"
    "CHARACTER TABULATION|LINE FEED|LINE TABULATION|FORM FEED|CARRIAGE RETURN|SHIFT OUT|SHIFT IN|"
    "DATA LINK ESCAPE|DEVICE CONTROL ONE|DEVICE CONTROL TWO|DEVICE CONTROL THREE|DEVICE CONTROL FOUR|"
    "NEGATIVE ACKNOWLEDGE|SYNCHRONOUS IDLE|END OF TRANSMISSION BLOCK|CANCEL|END OF MEDIUM|SUBSTITUTE|ESCAPE|"
    "INFORMATION SEPARATOR FOUR|INFORMATION SEPARATOR THREE|INFORMATION SEPARATOR TWO|"
    "INFORMATION SEPARATOR ONE|DELETE|PADDING CHARACTER|HIGH OCTET PRESET|BREAK PERMITTED HERE|NO BREAK HERE|"
    "INDEX|NEXT LINE|START OF SELECTED AREA|END OF SELECTED AREA|CHARACTER TABULATION SET|"
    "CHARACTER TABULATION WITH JUSTIFICATION|LINE TABULATION SET|PARTIAL LINE FORWARD|PARTIAL LINE BACKWARD|"
    "REVERSE LINE FEED|SINGLE SHIFT TWO|SINGLE SHIFT THREE|DEVICE CONTROL STRING|PRIVATE USE ONE|"
    "PRIVATE USE TWO|SET TRANSMIT STATE|CANCEL CHARACTER|MESSAGE WAITING|START OF GUARDED AREA|"
    "END OF GUARDED AREA|START OF STRING|SINGLE GRAPHIC CHARACTER INTRODUCER|SINGLE CHARACTER INTRODUCER|"
    "CONTROL SEQUENCE INTRODUCER|STRING TERMINATOR|OPERATING SYSTEM COMMAND|PRIVACY MESSAGE|"
    "APPLICATION PROGRAM COMMAND").split("|"), strict=True))


def hidden_in(utf8: bytes) -> LazyPattern:
    """The search for hidden characters in the text whose UTF-8 is `utf8`: HIDDEN, or, six times faster, the
    search below U+10000 when the text holds no character above it that could be hidden (each of those is
    written in UTF-8 with a first byte F0 or F3, and those bytes can start nothing else)."""
    return HIDDEN if b"\xf0" in utf8 or b"\xf3" in utf8 else HIDDEN_BELOW_10000


def visible(text: str) -> str:
    """`text` fit for a terminal: each hidden character written `⟨U+XXXX⟩`, a tab as a space, newlines kept (a
    line break written CR LF too, as a newline). Text without hidden characters comes back as it is (the same
    object)."""
    if _SHOWN.search(text) is None:
        return text
    return _SHOWN.sub(_shown, text)


def _shown(match: re.Match[str]) -> str:
    found = match.group()
    return " " if found == "\t" else "\n" if found == "\r\n" else f"⟨U+{ord(found):04X}⟩"


def fit_for_terminal(output: str | bytes) -> bool:
    """True when `output` holds no hidden character (a carriage return included) and no tab, and, as bytes, is
    UTF-8: what the tests ask of everything brief prints."""
    if isinstance(output, bytes):
        try:
            output = output.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return _SHOWN.search(output) is None


def code_point(character: str) -> str:
    """A character as a message names it: "U+202E RIGHT-TO-LEFT OVERRIDE", "U+001B ESCAPE"."""
    code = ord(character)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(character, "")
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"


#: What a hidden character is, as a message says it (msgids; `brief.i18n.MESSAGE_PARAMS` translates them).
CONTROL = N_("a control character (it can act on a terminal)")
BIDI = N_("a bidirectional control (it can reorder how text is shown)")
INVISIBLE = N_("an invisible character (it can hide text, or make two words that look the same differ)")
SURROGATE = N_("half of a UTF-16 surrogate pair, which is not a character")


def kind(character: str) -> str:
    """Which kind of hidden character `character` is: CONTROL, BIDI, INVISIBLE or SURROGATE."""
    category = unicodedata.category(character)
    if category == "Cc":
        return CONTROL
    if category == "Cs":
        return SURROGATE
    return BIDI if _BIDI_CHARACTERS.match(character) else INVISIBLE


def say(stream: TextIO, line: str) -> None:
    """Write one line of a message (which may quote text from a file) to `stream`, fit for a terminal."""
    stream.write(visible(line) + "\n")
