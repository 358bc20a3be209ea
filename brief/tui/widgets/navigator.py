"""Navigator: documents, their agenda items and topics, the themes across documents, and any problems."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from brief.corpus import Corpus
from brief.i18n import N_, t, tn
from brief.labels import item_label
from brief.model import Brief
from brief.safe import visible
from brief.themes import ThemeCount, theme_counts
from brief.tui.state import View
from brief.tui.widgets.steady import Steady


class Navigator(Steady, Tree[View]):
    """A tree whose nodes carry the `View` they open. Posts `Navigator.ViewChosen` as the cursor moves."""

    # Icons of narrow East Asian width; no box-drawing guides (they are ambiguous), indentation only.
    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "

    BINDINGS = [
        Binding("down,j", "cursor_down", N_("down"), show=False, id="nav.down"),
        Binding("up,k", "cursor_up", N_("up"), show=False, id="nav.up"),
        Binding("g,home", "scroll_home", N_("top"), show=False, id="nav.top"),
        Binding("G,end", "scroll_end", N_("bottom"), show=False, id="nav.bottom"),
        Binding("enter", "select_cursor", N_("open"), show=False, id="nav.open",
                tooltip=N_("open the agenda item, topic or theme, and go to its points")),
        Binding("right", "expand", N_("expand"), show=False, id="nav.expand", tooltip=N_("unfold the branch")),
        Binding("left", "collapse", N_("collapse"), show=False, id="nav.collapse", tooltip=N_("fold the branch")),
    ]

    lang = reactive("en")

    class ViewChosen(Message):
        def __init__(self, view: View, opened: bool) -> None:
            super().__init__()
            self.view = view
            self.opened = opened  # enter on a leaf: the user wants to read it

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("brief", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.show_guides = False
        self.auto_expand = False  # enter opens a view; space, right and left fold the tree
        self.corpus = Corpus()
        self._counts: list[ThemeCount] = []

    @staticmethod
    def ordered(corpus: Corpus) -> list[Brief]:
        """The briefs as the tree lists them: newest document first, its agenda items in file order."""
        return sorted(corpus.briefs, key=lambda brief: brief.document.date, reverse=True)

    def load(self, corpus: Corpus, select: View | None = None) -> None:
        """Rebuild the tree for `corpus`, keeping the cursor on `select` when it still exists."""
        self.corpus = corpus
        self._counts = [found for found in theme_counts(corpus) if found.total]  # once a corpus, not a language
        self._populate(select)

    def watch_lang(self) -> None:
        if self.is_mounted:
            self._populate(self.cursor_node.data if self.cursor_node else None)

    def _populate(self, select: View | None) -> None:
        lang, corpus = self.lang, self.corpus
        self.clear()
        documents: dict[str, TreeNode[View]] = {}
        target: TreeNode[View] | None = None
        for brief in self.ordered(corpus):
            document = brief.document
            key = document.symbol or document.cite("en")
            if key not in documents:
                label = f"{document.symbol or document.cite(lang)} ({document.date.year})"
                documents[key] = self.root.add(Text(visible(label)), expand=True)
            item_view = View("item", brief.id)
            item = documents[key].add(Text(visible(item_label(brief, lang))), data=item_view,
                                      allow_expand=bool(brief.topics))
            target = item if select == item_view else target
            if select is not None and select.kind == "topic" and select.brief_id == brief.id:
                leaf = self._add_topics(item, brief, select)
                if leaf is not None:
                    item.expand()
                    target = leaf
        counts = self._counts
        if counts:
            branch = self.root.add(Text(t(lang, "Themes")), expand=False)
            for found in counts:  # a theme; how many of its points each document has comes as it unfolds
                view = View("theme", theme_id=found.theme.id)
                node = branch.add(Text(visible(found.theme.name[lang])), data=view, expand=False,
                                  allow_expand=bool(found.documents))
                if select == view:
                    branch.expand()
                    target = node
        if corpus.problems:
            label = t(lang, "Problems ({count})", count=len(corpus.problems))
            node = self.root.add_leaf(Text(label), data=View("problems"))
            target = node if select == View("problems") else target
        if target is None and corpus.briefs:
            target = next(iter(documents.values())).children[0]
        if target is not None:
            # A new node has no line number until the tree has been laid out again.
            self.call_after_refresh(self.move_cursor, target, animate=False)

    def _add_topics(self, item: TreeNode[View], brief: Brief, select: View | None = None) -> TreeNode[View] | None:
        """An agenda item's topics, under it; the node of `select` among them, if it is one."""
        found = None
        for topic in brief.topics:
            topic_view = View("topic", brief.id, topic.id)
            leaf = item.add_leaf(Text(visible(topic.title[self.lang])), data=topic_view)
            found = leaf if select == topic_view else found
        return found

    def _add_documents(self, node: TreeNode[View], theme_id: str) -> None:
        """A theme's documents, under it, each with how many of the theme's points it has."""
        lang = self.lang
        for found in self._counts:
            if found.theme.id == theme_id:
                for brief, count in found.documents:
                    label = tn(lang, "{document}: {n} point", "{document}: {n} points", count,
                               document=visible(brief.document.symbol or brief.document.cite(lang)))
                    node.add_leaf(Text(label), data=node.data)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[View]) -> None:
        """An agenda item's topics and a theme's documents are added when it is first unfolded: a corpus of 500
        items has thousands of topics, which a tree made in full would build again on every language switch or
        jump, and the start or a switch would build every theme's leaves under a folded branch."""
        view, node = event.node.data, event.node
        if view is None or node.children:
            return
        if view.kind == "item" and (brief := self.corpus.brief(view.brief_id or "")) is not None:
            self._add_topics(node, brief)
        elif view.kind == "theme" and view.theme_id:
            self._add_documents(node, view.theme_id)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[View]) -> None:
        if event.node.data is not None:
            self.post_message(self.ViewChosen(event.node.data, opened=False))

    def on_tree_node_selected(self, event: Tree.NodeSelected[View]) -> None:
        """Enter on an agenda item, topic, theme or the problems opens it; on a document or the Themes
        branch it folds or unfolds."""
        if event.node.data is not None:
            self.post_message(self.ViewChosen(event.node.data, opened=True))
        else:
            event.node.toggle()

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            if node.is_expanded and node.children:
                self.move_cursor(node.children[0])
            else:
                node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)
