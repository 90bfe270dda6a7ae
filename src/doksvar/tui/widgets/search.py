"""The search pane: results as you type, hits highlighted; Enter opens the document there."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ListItem, ListView, Static

from doksvar.index.store import SearchHit

DEBOUNCE = 0.2


def hit_text(hit: SearchHit) -> Text:
    """A result: where it stands, then the snippet with each «hit» highlighted (never markup)."""
    p = hit.stored.passage
    where = " ".join(x for x in (p.section, hit.stored.section_title) if x) or hit.stored.doc
    if p.label:
        where += f" › {p.label}"
    if p.page:
        where += f", s. {p.page}"
    text = Text(where + "\n", style="bold")
    rest = hit.snippet
    while "«" in rest and "»" in rest:
        before, _, tail = rest.partition("«")
        word, _, rest = tail.partition("»")
        text.append(before)
        text.append(word, style="bold reverse")
    text.append(rest)
    return text


class HitItem(ListItem):
    def __init__(self, hit: SearchHit) -> None:
        super().__init__(Static(hit_text(hit)))
        self.hit = hit


class SearchPane(Vertical):
    """Keyword search over every indexed passage."""

    @dataclass
    class HitSelected(Message):
        """A search result was chosen: the app opens the viewer there."""

        doc: str
        start: int
        end: int

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Sök ord i rapporten … (stavfel tolereras)", id="search-input")
        yield Static("", id="search-status")
        yield ListView(id="hits")

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if getattr(self, "_timer", None) is not None:
            self._timer.stop()
        query = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(query))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        hits = self.query_one("#hits", ListView)
        if len(hits.children):
            hits.focus()
            hits.index = 0

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        docs = getattr(self.app, "search_docs", None)
        hits = store.search(query, limit=30, doc_ids=docs) if store is not None and query.strip() else []
        self.app.call_from_thread(self.show_hits, query, hits)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        view = self.query_one("#hits", ListView)
        view.clear()
        for hit in hits:
            view.append(HitItem(hit))
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update("")
        else:
            status.update(
                Text(
                    f"{len(hits)} träffar för \u201c{query}\u201d" if hits else f"Inga träffar för \u201c{query}\u201d"
                )
            )

    @on(ListView.Selected, "#hits")
    def _selected(self, event: ListView.Selected) -> None:
        item = event.item
        if isinstance(item, HitItem):
            p = item.hit.stored.passage
            first = item.hit.hits[0] if item.hit.hits else (p.start, p.end)
            self.post_message(self.HitSelected(item.hit.stored.doc, first[0], first[1]))
