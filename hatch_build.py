"""Hatch build hook: compile the gettext catalogs (`brief/locale/*/LC_MESSAGES/brief.po`) to `.mo` files.

The `.po` files are the source kept in git; the `.mo` files are build products. (The same approach as mkdocs'
`hatch_build.py`.) `brief.i18n` compiles a `.po` in memory when its `.mo` is missing, so a plain source checkout
works too.
"""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path(self.root, "brief", "locale").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parent.parent.name)
            with po.with_suffix(".mo").open("wb") as target:
                write_mo(target, catalog, use_fuzzy=False)
