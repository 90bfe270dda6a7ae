"""The document viewer: the section outline beside the display text, list items with their bullets,
tables drawn whole (figures never wrap; a wide table scrolls sideways), and a cited span scrolled into
view and highlighted, with its section marked in the outline."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from doksvar.model import Section

FIGURE = re.compile(r"^[-−+]?\s?[\d\s\u00a0,.:%/]*\d[\d\s\u00a0,.:%/]*\s?(?:%|st|kr|tkr|mkr)?$")
LABEL_WIDTH = 32
"""At most this many columns for a table's row labels (they wrap at words; figures never do)."""
HEADER_WIDTH = 10
"""A figure column is made this wide when its header is longer, so headers wrap on fewer lines."""
MARKED = "bold reverse"
DOC_KEYS = "Esc tillbaka · Ctrl+O innehåll · ←/→ breda tabeller i sidled"


@dataclass(frozen=True)
class Block:
    """A stretch of the display text shown as one widget: a line (paragraph, list item, heading)
    or a whole table."""

    start: int
    """Offset of the block in the display text."""
    end: int
    """End offset of the block."""
    text: str
    """The block's display text."""
    kind: str
    """"heading", "para", "item" or "table"."""
    last: bool = True
    """True when a blank line follows (the end of a paragraph group)."""


def split_blocks(text: str, headings: Collection[int], items: Collection[int] = ()) -> list[Block]:
    """The display text as blocks: each line its own block, runs of tab-separated lines one table."""
    blocks: list[Block] = []
    for group in re.finditer(r"[^\n](?:[^\n]|\n(?!\n))*", text):
        if not group.group().strip():
            continue
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", group.group())]
        lines = [(group.start() + a, line) for a, line in lines]
        k = 0
        out: list[Block] = []
        while k < len(lines):
            start, line = lines[k]
            run = k
            while run < len(lines) and "\t" in lines[run][1] and lines[run][0] not in headings:
                run += 1
            if run - k >= 2:
                end = lines[run - 1][0] + len(lines[run - 1][1])
                out.append(Block(start, end, text[start:end], "table", False))
                k = run
                continue
            kind = "heading" if start in headings else "item" if start in items else "para"
            out.append(Block(start, start + len(line), line, kind, False))
            k += 1
        out[-1] = Block(out[-1].start, out[-1].end, out[-1].text, out[-1].kind, True)
        blocks += out
    return blocks


def is_figure(cell: str) -> bool:
    """A cell that holds a figure or a year (or nothing): it must never wrap."""
    return not cell.strip() or bool(FIGURE.match(cell.strip()))


@dataclass(frozen=True)
class TableLayout:
    """A table block drawn: the renderable, its width and where each column starts."""

    renderable: RenderableType
    """The Rich table."""
    width: int
    """Its full width in cells: wider than the pane, it scrolls sideways."""
    columns: tuple[int, ...]
    """The x offset of each column."""
    marked_column: int | None
    """The first column that holds the marked span, if any."""


GAP = 1
"""Cells between two columns (the table's padding)."""


def draw_table(block: Block, mark: tuple[int, int] | None = None) -> TableLayout:
    """A tab-separated block as a table whose figures and years never wrap."""
    rows = [line.split("\t") for line in block.text.split("\n")]
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    header, body = rows[0], rows[1:]
    widths = []
    for col in range(n):
        cells = [r[col].strip() for r in body]
        words = max((len(w) for w in header[col].split()), default=0)
        if col == 0:
            longest = max([len(c) for c in cells] + [len(header[0])])
            widths.append(max(min(longest, LABEL_WIDTH), min(words, LABEL_WIDTH), 1))
        else:
            figures = max((len(c) for c in cells), default=0)
            widths.append(max(figures, words, min(len(header[col]), HEADER_WIDTH), 1))
    numeric = [col > 0 and all(is_figure(r[col]) for r in body) for col in range(n)]
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP, 0, 0),
        collapse_padding=True,
        header_style="bold",
        expand=False,
    )
    marked_column = None
    offset = block.start
    for col in range(n):
        title = Text(header[col])
        if mark and offset < mark[1] and mark[0] < offset + max(len(header[col]), 1):
            title.stylize(MARKED)  # a cited column header
            marked_column = col
        offset += len(header[col]) + 1
        table.add_column(title, width=widths[col], justify="right" if numeric[col] else "left", overflow="fold")
    offset = block.start + len(block.text.split("\n")[0]) + 1
    for row in body:
        shown: list[Text] = []
        for col, cell in enumerate(row):
            t = Text(cell, no_wrap=numeric[col])
            if mark and offset < mark[1] and mark[0] < offset + max(len(cell), 1):
                t.stylize(MARKED)
                if marked_column is None or (marked_column == 0 and col > 0):
                    marked_column = col
            shown.append(t)
            offset += len(cell) + 1
        table.add_row(*shown)
    columns, x = [], 0
    for w in widths:
        columns.append(x)
        x += w + GAP + 1
    return TableLayout(table, x - GAP - 1, tuple(columns), marked_column)


def draw_line(block: Block, mark: tuple[int, int] | None = None) -> RenderableType:
    """A heading, paragraph or list item (with its bullet); document text is never read as markup."""
    text = Text(block.text, style="bold" if block.kind == "heading" else "")
    if mark:
        a = max(0, mark[0] - block.start)
        b = min(len(block.text), mark[1] - block.start)
        if b > a:
            text.stylize(MARKED, a, b)
    if block.kind != "item":
        return text
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row("•", text)
    return grid


class BlockView(Static):
    """A line of the document: heading, paragraph or list item."""

    def __init__(self, block: Block) -> None:
        super().__init__(draw_line(block), classes=f"block -{block.kind}" + (" -last" if block.last else ""))
        self.block = block
        self.marked = False

    def mark(self, span: tuple[int, int] | None) -> None:
        self.marked = span is not None
        self.update(draw_line(self.block, span))


class TableView(Vertical):
    """A table drawn at its full width; wider than the pane, it scrolls sideways, with a hint."""

    def __init__(self, block: Block) -> None:
        super().__init__(classes="block -table" + (" -last" if block.last else ""))
        self.block = block
        self.layout_ = draw_table(block)
        self.marked = False

    def compose(self) -> ComposeResult:
        with ScrollableContainer(classes="table-scroll", can_focus=False):
            body = Static(self.layout_.renderable, classes="table-body")
            body.styles.width = self.layout_.width
            yield body
        yield Static(Text("← → visar fler kolumner (eller Shift+hjul)"), classes="table-hint")

    @property
    def too_wide(self) -> bool:
        return self.layout_.width > self.size.width

    def on_resize(self, event: Resize) -> None:
        self.query_one(".table-hint").display = self.layout_.width > event.size.width
        if self.layout_.marked_column:
            self.call_after_refresh(self._show_column, self.layout_.marked_column)

    def mark(self, span: tuple[int, int] | None) -> None:
        self.marked = span is not None
        self.layout_ = draw_table(self.block, span)
        self.query_one(".table-body", Static).update(self.layout_.renderable)
        column = self.layout_.marked_column
        if column:
            self.call_after_refresh(self._show_column, column)

    def _show_column(self, column: int) -> None:
        """Scroll just far enough that the marked column is whole, keeping as much on its left."""
        columns = self.layout_.columns
        right = columns[column + 1] - GAP - 1 if column + 1 < len(columns) else self.layout_.width
        view = self.query_one(".table-scroll", ScrollableContainer).scrollable_content_region.width
        self.scroll_sideways(max(0, right - view), absolute=True)

    def scroll_sideways(self, x: int, absolute: bool = False) -> None:
        scroll = self.query_one(".table-scroll", ScrollableContainer)
        scroll.scroll_to(x=max(0, x if absolute else scroll.scroll_x + x), animate=False, immediate=True)


class DocumentText(VerticalScroll):
    """The document's text; ← and → scroll the tables in view sideways."""

    BINDINGS = [
        Binding("left", "sideways(-1)", "Tabell åt vänster", show=False, id="table-left"),
        Binding("right", "sideways(1)", "Tabell åt höger", show=False, id="table-right"),
    ]

    def action_sideways(self, step: int) -> None:
        for table in self.query(TableView):
            if table.too_wide and table.region.overlaps(self.region):
                table.scroll_sideways(step * 12)


class DocumentPane(Horizontal):
    """Outline and text of one document."""

    BINDINGS = [
        Binding(
            "escape", "app.back", "Tillbaka", show=False, tooltip="Back to where you were before the jump", id="back"
        ),
        Binding("ctrl+o", "toggle_outline", "Innehåll", show=False, tooltip="Show or hide the outline", id="outline"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc_name: str | None = None
        self.views: list[BlockView | TableView] = []
        self.marked: BlockView | TableView | None = None
        self._section_starts: list[int] = []
        self._section_nodes: list[TreeNode[int]] = []

    def compose(self) -> ComposeResult:
        tree: Tree[int] = Tree("Innehåll", id="outline")
        tree.show_root = False
        yield tree
        with Vertical(id="doc-column"):
            yield DocumentText(id="doc")
            yield Static(Text(DOC_KEYS), id="doc-keys")

    async def load(self, name: str, text: str, sections: list[Section], items: Collection[int] = ()) -> None:
        """Show a document: its outline and its text as blocks (`items`: starts of list items)."""
        if self.doc_name == name:
            return
        self.doc_name = name
        scroll = self.query_one("#doc", VerticalScroll)
        await scroll.remove_children()
        blocks = split_blocks(text, {s.start for s in sections}, set(items))
        self.views = [TableView(b) if b.kind == "table" else BlockView(b) for b in blocks]
        await scroll.mount_all(self.views)
        self.marked = None
        tree = self.query_one("#outline", Tree)
        tree.clear()
        nodes: dict[str, TreeNode[int]] = {}
        self._section_starts, self._section_nodes = [], []
        for s in sorted(sections, key=lambda s: s.start):
            parent = nodes.get(s.parent or "", tree.root)
            page = f"  s. {s.page}" if s.page else ""
            node = parent.add(Text(f"{s.number} {s.title}{page}"), data=s.start, expand=True)
            nodes[s.number] = node
            self._section_starts.append(s.start)
            self._section_nodes.append(node)
        for node in nodes.values():
            node.allow_expand = bool(node.children)

    def view_at(self, offset: int) -> BlockView | TableView | None:
        for view in self.views:
            if view.block.start <= offset < view.block.end + 1:
                return view
        following = [v for v in self.views if v.block.start > offset]
        return following[0] if following else (self.views[-1] if self.views else None)

    def section_node(self, offset: int) -> TreeNode[int] | None:
        """The outline node of the section that holds `offset`."""
        k = bisect_right(self._section_starts, offset) - 1
        return self._section_nodes[k] if k >= 0 else None

    def show(self, start: int, end: int) -> BlockView | TableView | None:
        """Highlight the span, scroll it into view with some text above it, and mark its section."""
        view = self.view_at(start)
        if view is None:
            return None
        if self.marked is not None and self.marked is not view:
            self.marked.mark(None)
        view.mark((start, end))
        self.marked = view
        node = self.section_node(start)
        if node is not None:
            # After a refresh: a freshly filled outline knows its nodes' lines only then.
            self.call_after_refresh(self.query_one("#outline", Tree).move_cursor, node)
        self.call_after_refresh(self._scroll_view_to, view)
        return view

    def _scroll_view_to(self, view: BlockView | TableView, tries: int = 50) -> None:
        """Scroll `view` to a quarter down the pane, once a freshly loaded document is laid out."""
        scroll = self.query_one("#doc", VerticalScroll)
        laid_out = view.virtual_region.y > 0 or view is self.views[0]
        if not laid_out or scroll.max_scroll_y < min(view.virtual_region.y, 1):
            if tries:
                self.call_after_refresh(self._scroll_view_to, view, tries - 1)
            return
        top = view.virtual_region.y
        scroll.scroll_to(y=max(0, top - scroll.scrollable_content_region.height // 4), animate=False, immediate=True)

    @property
    def doc_scroll_y(self) -> float:
        return self.query_one("#doc", VerticalScroll).scroll_y

    def restore_scroll(self, y: float) -> None:
        self.query_one("#doc", VerticalScroll).scroll_to(y=y, animate=False)

    def action_toggle_outline(self) -> None:
        outline = self.query_one("#outline", Tree)
        shown = outline.display
        # The text rewraps to the new width: keep the line at the top of the pane where it is.
        scroll = self.query_one("#doc", VerticalScroll)
        top = next((v for v in self.views if v.virtual_region.bottom > scroll.scroll_y), None)
        self.set_class(shown, "-outline-hidden")
        self.set_class(not shown, "-outline-shown")
        if shown and outline.has_focus:
            self.screen.set_focus(self.query_one("#doc"))
        if top is not None:
            self.call_after_refresh(self._keep_on_top, top, scroll.size.width)

    def _keep_on_top(self, view: BlockView | TableView, width: int, tries: int = 20) -> None:
        scroll = self.query_one("#doc", VerticalScroll)
        if scroll.size.width == width and tries:
            self.call_after_refresh(self._keep_on_top, view, width, tries - 1)  # not laid out anew yet
            return
        # The pane has its new width; its lines get their new heights on the refresh after.
        self.call_after_refresh(lambda: scroll.scroll_to(y=view.virtual_region.y, animate=False, immediate=True))

    @on(Tree.NodeSelected, "#outline")
    def _section(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            view = self.view_at(event.node.data)
            if view is not None:
                self.query_one("#doc", VerticalScroll).scroll_to_widget(view, animate=False, top=True)
