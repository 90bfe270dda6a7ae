"""The search pane: results as you type, hits highlighted; Enter opens the top hit, ↓ goes into the
list, Enter there opens the hit chosen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, ListItem, ListView, Static
from textual.worker import Worker, WorkerState, get_current_worker

from doksvar.citation import location, table_at, table_quote
from doksvar.index.search import SearchHit
from doksvar.model import Table

DEBOUNCE = 0.2
SEARCH_HINT = "Sök ord i rapporten … (Enter öppnar första träffen · ↓ till listan)"


def hit_where(hit: SearchHit) -> Text:
    """Where a hit stands: section, sub-heading and page."""
    p = hit.stored.passage
    return Text(location(p.section, hit.stored.section_title, p.page, hit.stored.doc, p.label))


def hit_snippet(hit: SearchHit, tables: Sequence[Table] = ()) -> Text:
    """The snippet with each «hit» highlighted (never markup); a table row with its column headers."""
    words: list[str] = []
    rest = hit.snippet
    text = Text()
    while "«" in rest and "»" in rest:
        before, _, tail = rest.partition("«")
        word, _, rest = tail.partition("»")
        text.append(before)
        text.append(word, style="bold reverse")
        words.append(word)
    text.append(rest)
    p = hit.stored.passage
    table = table_at(tables, p.start, p.end) if p.kind == "row" else None
    shown = table_quote(table, p.start, p.end, p.text) if table is not None else None
    if shown is None:
        return text
    row = Text(shown)
    row.highlight_words(words, style="bold reverse", case_sensitive=False)
    return row


def hit_text(hit: SearchHit, tables: Sequence[Table] = ()) -> Text:
    """A result as one text: where it stands, then the snippet."""
    text = hit_where(hit)
    text.stylize("bold")
    text.append("\n")
    text.append_text(hit_snippet(hit, tables))
    return text


class HitItem(ListItem):
    """One result: its place on one line, its snippet below."""

    def __init__(self, hit: SearchHit, tables: Sequence[Table] = ()) -> None:
        super().__init__(
            Static(hit_where(hit), classes="hit-where"),
            Static(hit_snippet(hit, tables), classes="hit-snippet"),
        )
        self.hit = hit


class SearchInput(Input):
    """The search line: ↓ moves into the results."""

    BINDINGS = [
        Binding("down", "to_hits", "Till träffarna", show=False, tooltip="Move into the results", id="to-hits"),
    ]

    def action_to_hits(self) -> None:
        hits = self.screen.query_one("#hits", ListView)
        if hits.children:
            self.screen.set_focus(hits)
            hits.index = 0


class SearchPane(Vertical):
    """Keyword search over every indexed passage."""

    @dataclass
    class HitSelected(Message):
        """A search result was chosen: the app opens the viewer there."""

        doc: str
        start: int
        end: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._timer: Timer | None = None
        self._open_first = False

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=SEARCH_HINT, id="search-input")
        yield Static("", id="search-status")
        yield ListView(id="hits")

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        query = event.value
        self._open_first = False
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(query))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        # Search now, not after the pause, and open what comes first.
        if self._timer is not None:
            self._timer.stop()
        self._open_first = True
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        docs = getattr(self.app, "search_docs", None)
        hits = store.search(query, limit=30, doc_ids=docs) if store is not None and query.strip() else []
        tables_of = getattr(self.app, "tables_of", None)
        rows = [h for h in hits if h.stored.passage.kind == "row"]
        tables = {h.stored.doc: tables_of(h.stored.doc) for h in rows} if tables_of else {}
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits, tables)

    def show_hits(self, query: str, hits: list[SearchHit], tables: dict[str, Sequence[Table]] | None = None) -> None:
        if query != self.query_one("#search-input", Input).value:
            return  # typed on since: a newer search is on its way
        view = self.query_one("#hits", ListView)
        view.clear()
        for hit in hits:
            view.append(HitItem(hit, (tables or {}).get(hit.stored.doc, ())))
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update("")
        else:
            status.update(
                Text(
                    f"{len(hits)} träffar för \u201c{query}\u201d" if hits else f"Inga träffar för \u201c{query}\u201d"
                )
            )
        if self._open_first:
            self._open_first = False
            if hits:
                self.open(hits[0])

    def open(self, hit: SearchHit) -> None:
        p = hit.stored.passage
        first = hit.hits[0] if hit.hits else (p.start, p.end)
        self.post_message(self.HitSelected(hit.stored.doc, first[0], first[1]))

    @on(Worker.StateChanged)
    def _failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.query_one("#search-status", Static).update(
                Text(f"Sökningen misslyckades – ett oväntat fel ({type(error).__name__}: {error})")
            )

    @on(ListView.Selected, "#hits")
    def _selected(self, event: ListView.Selected) -> None:
        if isinstance(event.item, HitItem):
            self.open(event.item.hit)
