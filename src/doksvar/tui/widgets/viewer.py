"""The document viewer: the section outline beside the display text, tables drawn as tables,
and a cited passage scrolled into view and highlighted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, Tree

from doksvar.model import Section

HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\s+\S")


@dataclass(frozen=True)
class Block:
    """A stretch of the display text shown as one widget: a paragraph, a heading or a table."""

    start: int
    end: int
    text: str
    kind: str


def split_blocks(text: str, headings: set[int]) -> list[Block]:
    """The display text cut at blank lines; tab-separated runs are tables."""
    blocks = []
    for m in re.finditer(r"[^\n](?:[^\n]|\n(?!\n))*", text):
        chunk = m.group()
        if not chunk.strip():
            continue
        if m.start() in headings:
            kind = "heading"
        elif "\t" in chunk and chunk.count("\n") >= 1:
            kind = "table"
        else:
            kind = "para"
        blocks.append(Block(m.start(), m.end(), chunk, kind))
    return blocks


def render_block(block: Block, mark: tuple[int, int] | None = None):
    """A block as a Rich renderable; document text is never read as markup."""
    if block.kind == "table":
        rows = [line.split("\t") for line in block.text.split("\n")]
        width = max(len(r) for r in rows)
        table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
        for cell in rows[0] + [""] * (width - len(rows[0])):
            table.add_column(Text(cell), overflow="fold")
        offset = block.start + len(block.text.split("\n")[0]) + 1
        for row in rows[1:]:
            cells = []
            for cell in row + [""] * (width - len(row)):
                t = Text(cell)
                if mark and offset <= mark[1] and offset + len(cell) >= mark[0]:
                    t.stylize("bold reverse")
                cells.append(t)
                offset += len(cell) + 1
            table.add_row(*cells)
        return table
    text = Text(block.text, style="bold" if block.kind == "heading" else "")
    if mark:
        a = max(0, mark[0] - block.start)
        b = min(len(block.text), mark[1] - block.start)
        if b > a:
            text.stylize("bold reverse", a, b)
    return text


class BlockView(Static):
    def __init__(self, block: Block) -> None:
        super().__init__(render_block(block), classes=f"block -{block.kind}")
        self.block = block

    def mark(self, span: tuple[int, int] | None) -> None:
        self.update(render_block(self.block, span))
        self.set_class(span is not None, "-highlight")


class DocumentPane(Horizontal):
    """Outline and text of one document."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc_name: str | None = None
        self.views: list[BlockView] = []
        self.marked: BlockView | None = None

    def compose(self) -> ComposeResult:
        tree: Tree[int] = Tree("Innehåll", id="outline")
        tree.show_root = False
        yield tree
        yield VerticalScroll(id="doc")

    def load(self, name: str, text: str, sections: list[Section]) -> None:
        """Show a document: its outline and its text as blocks."""
        if self.doc_name == name:
            return
        self.doc_name = name
        scroll = self.query_one("#doc", VerticalScroll)
        scroll.remove_children()
        blocks = split_blocks(text, {s.start for s in sections})
        self.views = [BlockView(b) for b in blocks]
        scroll.mount_all(self.views)
        self.marked = None
        tree = self.query_one("#outline", Tree)
        tree.clear()
        nodes = {}
        for s in sections:
            parent = nodes.get(s.parent, tree.root)
            label = Text(f"{s.number} {s.title}")
            nodes[s.number] = parent.add(label, data=s.start, expand=True)
            if s.page:
                nodes[s.number].label = Text(f"{s.number} {s.title}  s. {s.page}")
        for node in nodes.values():
            node.allow_expand = bool(node.children)

    def view_at(self, offset: int) -> BlockView | None:
        for view in self.views:
            if view.block.start <= offset < view.block.end + 2:
                return view
        return self.views[-1] if self.views else None

    def show(self, start: int, end: int) -> BlockView | None:
        """Scroll the span into view and highlight it."""
        view = self.view_at(start)
        if view is None:
            return None
        if self.marked is not None and self.marked is not view:
            self.marked.mark(None)
        view.mark((start, end))
        self.marked = view
        self.call_after_refresh(self.query_one("#doc", VerticalScroll).scroll_to_widget, view, animate=False, top=True)
        return view

    @property
    def doc_scroll_y(self) -> float:
        return self.query_one("#doc", VerticalScroll).scroll_y

    def restore_scroll(self, y: float) -> None:
        self.query_one("#doc", VerticalScroll).scroll_to(y=y, animate=False)

    @on(Tree.NodeSelected, "#outline")
    def _section(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            view = self.view_at(event.node.data)
            if view is not None:
                self.query_one("#doc", VerticalScroll).scroll_to_widget(view, animate=False, top=True)
