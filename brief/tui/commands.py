"""Command palette (ctrl+p): jump to any agenda item, topic or theme by typing part of its name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from brief.i18n import t
from brief.tui.state import View

if TYPE_CHECKING:
    from brief.tui.app import BriefApp


class JumpProvider(Provider):
    @property
    def brief_app(self) -> BriefApp:
        return cast("BriefApp", self.app)

    def _targets(self) -> list[tuple[str, View]]:
        app = self.brief_app
        lang = app.lang
        corpus = app.corpus
        targets: list[tuple[str, View]] = []
        for brief in corpus.briefs:
            item = t(lang, "Item {number}: {short}", number=brief.agenda_item.number,
                     short=brief.agenda_item.short[lang])
            cite = brief.document.cite(lang)
            targets.append((f"{item} | {cite}", View("item", brief.id)))
            for topic in brief.topics:
                targets.append((f"{item} > {topic.title[lang]}", View("topic", brief.id, topic.id)))
        for theme in corpus.themes():
            targets.append((t(lang, "Theme: {name}", name=theme.name[lang]), View("theme", theme_id=theme.id)))
        return targets

    async def discover(self) -> Hits:
        for label, view in self._targets():
            yield DiscoveryHit(label, partial(self.brief_app.jump_to, view))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, view in self._targets():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.brief_app.jump_to, view), text=label)
