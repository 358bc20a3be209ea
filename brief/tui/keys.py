"""The keys of the app, as help and the README list them: built from the bindings themselves (with the user's
keymap applied), so that the list cannot drift from what the keys do."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.binding import Binding

from brief.i18n import N_, t

#: Key names as the help spells them: arrows and other symbols are East Asian ambiguous (two cells on some CJK
#: terminals), so they are written out.
_SHOWN = {"question_mark": "?", "slash": "/", "f1": "F1", "pageup": "page up", "pagedown": "page down",
          "right_square_bracket": "]", "left_square_bracket": "["}


def key_names(keys: str) -> str:
    """"question_mark,f1" -> "? F1", "down,j" -> "down j"."""
    return " ".join(_SHOWN.get(key, key) for key in keys.split(","))


def sections() -> list[tuple[str, list[Binding]]]:
    """Where each group of keys works, with its bindings, in the order help shows them."""
    from brief.tui.app import BriefApp
    from brief.tui.screens.main import MainScreen
    from brief.tui.widgets.detail import DetailPane
    from brief.tui.widgets.navigator import Navigator

    def own(bindings: Sequence[object]) -> list[Binding]:
        return [binding for binding in bindings if isinstance(binding, Binding) and binding.id]

    return [(N_("Anywhere"), own([*MainScreen.BINDINGS, *BriefApp.BINDINGS])),
            (N_("In the tree"), own(Navigator.BINDINGS)),
            (N_("On a point"), own(DetailPane.BINDINGS))]


def key_rows(lang: str, keymap: Mapping[str, str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each section's (keys, what they do) in `lang`, keys as remapped by `keymap` (binding id -> keys)."""
    keymap = keymap or {}
    return [(t(lang, title), [(key_names(keymap.get(binding.id or "", binding.key)),
                               t(lang, binding.tooltip or binding.description)) for binding in bindings])
            for title, bindings in sections()]


def markdown_table(lang: str = "en") -> str:
    """The README's table of keys."""
    rows = ["| key | what it does |", "| --- | --- |"]
    for title, keys in key_rows(lang):
        rows.append(f"| **{title}** | |")
        rows += [f"| `{'` `'.join(names.split())}` | {description} |" for names, description in keys]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # the README's table: python -m brief.tui.keys
    print(markdown_table(), end="")
