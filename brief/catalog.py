"""A compiled gettext catalog (`.mo`) read in place: a message is looked up in the file when first asked for.

`gettext.GNUTranslations` decodes every entry of a catalog when it loads it: 2 ms for each of brief's two
catalogs, in every run, though a run asks for a few dozen messages. A `.mo` file keeps its original strings
sorted (GNU's format; Babel's `write_mo` and `msgfmt` both sort them), so `MoCatalog` finds each message by a
binary search over the file's table of originals and remembers what it found. It answers `gettext` and
`ngettext` exactly as `GNUTranslations` does (`tests/test_catalog.py` compares the two over every entry): a
message it does not hold comes back as it is; a plural is found by its singular, its form chosen by the
catalog's `Plural-Forms`. A file that is not a UTF-8 catalog of the known format raises ValueError, and the
caller reads it the standard way.
"""

from __future__ import annotations

import gettext
import struct
from collections.abc import Callable

_LITTLE, _BIG = 0x950412DE, 0xDE120495


class MoCatalog(gettext.NullTranslations):
    def __init__(self, data: bytes) -> None:
        super().__init__()
        if len(data) < 20:
            raise ValueError("not a .mo file: too short")
        magic = struct.unpack("<I", data[:4])[0]
        if magic not in (_LITTLE, _BIG):
            raise ValueError("not a .mo file: bad magic number")
        self._order = "<" if magic == _LITTLE else ">"
        revision, self._count, self._originals, self._translations = struct.unpack_from(f"{self._order}4I", data, 4)
        if revision >> 16 not in (0, 1):
            raise ValueError(f"unknown .mo revision {revision}")
        self._data = data
        self._found: dict[str, str] = {}  # what `gettext` found, by message
        self._plurals: dict[str, list[str]] = {}  # the forms of a plural entry, by its singular
        originals = [self._entry(self._originals, index) for index in range(self._count)]
        if any(later < earlier for earlier, later in zip(originals, originals[1:])):
            raise ValueError("the originals of this .mo file are not sorted")
        self.plural: Callable[[int], int] = lambda n: int(n != 1)
        header = self._entry(self._translations, 0) if self._count and not self._entry(self._originals, 0) else b""
        for line in header.decode("ascii", "replace").splitlines():
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-type" and "charset=" in value:
                charset = value.split("charset=")[1].strip().lower()
                if charset not in ("utf-8", "utf8"):
                    raise ValueError(f"a catalog in {charset}, not UTF-8")
            elif name == "plural-forms":  # "nplurals=2; plural=(n != 1);", read as GNUTranslations reads it
                rule = value.split(";")
                if len(rule) > 1 and "plural=" in rule[1]:
                    self.plural = gettext.c2py(rule[1].split("plural=")[1])

    def _entry(self, table: int, index: int) -> bytes:
        length, offset = struct.unpack_from(f"{self._order}2I", self._data, table + 8 * index)
        if offset + length > len(self._data):
            raise ValueError("a .mo entry points past the end of the file")
        return self._data[offset:offset + length]

    def _first_at_least(self, key: bytes) -> int:
        """The index of the first original not sorted before `key` (`_count` when there is none)."""
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            if self._entry(self._originals, middle) < key:
                low = middle + 1
            else:
                high = middle
        return low

    def _lookup(self, key: bytes, plural: bool) -> bytes | None:
        """The translation of `key`; with `plural`, of the plural entry whose singular is `key`."""
        wanted = key + b"\0" if plural else key
        index = self._first_at_least(wanted)
        if index == self._count:
            return None
        original = self._entry(self._originals, index)
        if original == wanted or (plural and original.startswith(wanted)):
            return self._entry(self._translations, index)
        return None

    def gettext(self, message: str) -> str:
        if message not in self._found:
            found = self._lookup(message.encode("utf-8", "surrogatepass"), plural=False)  # a lone surrogate: not found
            if found is None:  # as GNUTranslations: a plural entry's singular gives its form for 1
                forms = self._forms(message)
                index = self.plural(1)
                self._found[message] = forms[index] if 0 <= index < len(forms) else message
            else:
                self._found[message] = found.decode("utf-8")
        return self._found[message]

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._forms(msgid1)
        index = self.plural(n)
        if 0 <= index < len(forms):
            return forms[index]
        return msgid1 if n == 1 else msgid2

    def _forms(self, singular: str) -> list[str]:
        """The forms of the plural entry of `singular` (none when the catalog has no such entry)."""
        if singular not in self._plurals:
            found = self._lookup(singular.encode("utf-8", "surrogatepass"), plural=True)
            self._plurals[singular] = found.decode("utf-8").split("\0") if found is not None else []
        return self._plurals[singular]
