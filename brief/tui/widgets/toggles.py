"""Radio buttons and check boxes drawn with ASCII brackets: Textual's own use `▐●▌`, characters that take two
cells on terminals set to East Asian ambiguous width, which would break the dialog's layout there."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class Choice(RadioButton):
    """`(*) label` / `( ) label`."""

    @property
    def _button(self) -> Content:
        return Content.styled("(*)" if self.value else "( )", self.get_visual_style("toggle--button"))


class Tick(Checkbox):
    """`[x] label` / `[ ] label`."""

    @property
    def _button(self) -> Content:
        return Content.styled("[x]" if self.value else "[ ]", self.get_visual_style("toggle--button"))
