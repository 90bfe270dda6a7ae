"""The terminal app: chat, search and document viewer over one index."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static, TabbedContent, TabPane

from doksvar.answer import Answerer
from doksvar.answer.conversation import Conversation
from doksvar.errors import DoksvarError
from doksvar.export import conversation_markdown
from doksvar.index.store import Store
from doksvar.model import Answer
from doksvar.tui.messages import AnswerReady, IndexFinished, IndexProgress
from doksvar.tui.widgets.chat import AnswerCard, ChatPane
from doksvar.tui.widgets.help import HelpScreen
from doksvar.tui.widgets.search import SearchPane
from doksvar.tui.widgets.viewer import DocumentPane


class DoksvarApp(App):
    """Ask a report, search it, read it where the answer came from."""

    CSS_PATH = "doksvar.tcss"
    TITLE = "doksvar"
    BINDINGS = [
        Binding("f1", "help", "Hjälp", tooltip="List every key", id="help"),
        Binding("f2", "pane('chat')", "Chatt", tooltip="Ask the report", id="pane-chat"),
        Binding("f3", "pane('search')", "Sök", tooltip="Keyword search", id="pane-search"),
        Binding("f4", "pane('viewer')", "Dokument", tooltip="Read the document", id="pane-viewer"),
        Binding("ctrl+e", "export", "Exportera", tooltip="Export the conversation to Markdown", id="export"),
        Binding("ctrl+r", "reindex", "Indexera", tooltip="Index the corpus again", id="reindex"),
        Binding("ctrl+b", "back", "Tillbaka", tooltip="Back to where you were before the jump", id="back"),
        Binding("escape", "back", "Tillbaka", show=False, tooltip="Back from the document", id="back-escape"),
    ]

    def __init__(
        self,
        index_path: Path,
        corpus: Path | None = None,
        store: Store | None = None,
        answerer: Answerer | None = None,
        build: bool = True,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.index_path = Path(index_path)
        self.corpus = corpus
        self.store: Store | None = store
        self.answerer: Answerer | None = answerer or (Answerer(store) if store else None)
        self.conversation: Conversation | None = Conversation(self.answerer) if self.answerer else None
        self.build = build
        self.export_dir = export_dir or Path.cwd()
        self.answers: list[Answer] = []
        self.trail: list[tuple[str, float, object]] = []
        self.indexing = False
        self.last_export: Path | None = None
        self.search_docs: set[int] | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="panes", initial="chat"):
            with TabPane("Chatt", id="chat"):
                yield ChatPane()
            with TabPane("Sök", id="search"):
                yield SearchPane()
            with TabPane("Dokument", id="viewer"):
                yield DocumentPane(id="document")
        yield ProgressBar(id="progress", show_eta=False)
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.query_one("#question").focus()
        if self.store is None:
            self._open_existing()
        if self.build and self.corpus is not None:
            self.action_reindex(quiet=self.store is not None)
        elif self.store is None:
            self.set_status(f"Inget index i {self.index_path}", error=True)
        self.refresh_status()

    def _open_existing(self) -> None:
        if not self.index_path.exists():
            return
        try:
            self._use(Store(self.index_path, threads=True))
        except DoksvarError as exc:
            self.notify(str(exc), severity="error", timeout=10)

    def _use(self, store: Store) -> None:
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        self.answerer = Answerer(store)
        self.conversation = Conversation(self.answerer)
        self._warm_up()

    @work(thread=True, group="warm")
    def _warm_up(self) -> None:
        """Load what the first question needs (vocabulary, fuzzy matcher) before it is asked."""
        try:
            if self.answerer is not None:
                self.answerer.ask("förberedelse")
        except Exception:  # noqa: BLE001 - warming up is optional; a real question reports errors
            pass

    # ------------------------------------------------------------------ status

    def set_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(text))
        status.set_class(error, "-error")

    def refresh_status(self) -> None:
        if self.store is None:
            return
        self.query_one(ChatPane).set_documents(self.store.documents())
        counts = self.store.counts()
        self.set_status(
            f"{counts['documents']} dokument · {counts['passages']} passager · {counts['tables']} tabeller · "
            f"index: {self.index_path}"
        )

    # ------------------------------------------------------------------ indexing

    def action_reindex(self, quiet: bool = False) -> None:
        if self.corpus is None:
            self.notify("Ingen korpus att indexera.", severity="warning")
            return
        if not self.corpus.exists():
            self.notify(f"Korpusen {self.corpus} finns inte.", severity="error", timeout=10)
            if self.store is None:
                self.set_status(f"Inget index och ingen korpus ({self.corpus})", error=True)
            return
        self.indexing = True
        self.quiet_index = quiet
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.set_status(f"Indexerar {self.corpus} …")
        self._index_worker()

    @work(thread=True, exclusive=True, group="index")
    def _index_worker(self) -> None:
        from doksvar.cli import collect

        failures: list[str] = []
        try:
            files = collect([self.corpus])
            writer = Store(self.index_path, writable=True)
            try:

                def page(path: str, k: int, n: int) -> None:
                    self.post_message(IndexProgress(k, n, path, "page"))

                for step in writer.index_files(files, on_page=page):
                    if step.event == "failed":
                        failures.append(step.detail)
                    self.post_message(IndexProgress(step.done, step.total, step.path, step.event))
            finally:
                writer.close()
        except DoksvarError as exc:
            self.post_message(IndexFinished(failures, str(exc)))
            return
        self.post_message(IndexFinished(failures))

    @on(IndexProgress)
    def _progress(self, message: IndexProgress) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=message.total, progress=message.done)
        what = "sida" if message.event == "page" else "fil"
        self.set_status(f"Indexerar {Path(message.path).name}: {what} {message.done}/{message.total}")

    @on(IndexFinished)
    def _indexed(self, message: IndexFinished) -> None:
        self.indexing = False
        self.query_one("#progress").display = False
        if message.error:
            self.notify(message.error, severity="error", timeout=10)
        for failure in message.failures:
            self.notify(failure, severity="error", timeout=10)
        if self.store is not None and self.answerer is not None:
            # The open reader sees the new commits (WAL); only its caches are stale.
            self.store.refresh()
            self.answerer.refresh()
            self.query_one(DocumentPane).doc_name = None
        else:
            try:
                self._use(Store(self.index_path, threads=True))
            except DoksvarError as exc:
                self.set_status(str(exc), error=True)
                return
        self.refresh_status()
        if not getattr(self, "quiet_index", False) or message.failures:
            self.notify("Indexet är klart.")

    # ------------------------------------------------------------------ chat

    @on(ChatPane.DocumentChosen)
    def _chosen(self, message: ChatPane.DocumentChosen) -> None:
        if self.answerer is not None:
            self.answerer.docs = {message.doc_id} if message.doc_id is not None else None
            self.search_docs = self.answerer.docs

    @on(ChatPane.Asked)
    def _asked(self, message: ChatPane.Asked) -> None:
        if self.conversation is None:
            self.notify(
                "Indexet byggs fortfarande – vänta ett ögonblick." if self.indexing else "Inget index.",
                severity="warning",
            )
            return
        self._answer_worker(message.question)

    @work(thread=True, exclusive=True, group="answer")
    def _answer_worker(self, question: str) -> None:
        t0 = time.perf_counter()
        try:
            answer = self.conversation.ask(question)  # type: ignore[union-attr]
        except DoksvarError as exc:
            answer = Answer(question, False, "none", str(exc))
        self.post_message(AnswerReady(answer, time.perf_counter() - t0))

    @on(AnswerReady)
    def _answered(self, message: AnswerReady) -> None:
        self.answers.append(message.answer)
        card = self.query_one(ChatPane).add_answer(message.answer, message.seconds)
        if message.answer.citations:
            card.focus()

    # ------------------------------------------------------------------ jumping

    @on(AnswerCard.CitationChosen)
    def _cited(self, message: AnswerCard.CitationChosen) -> None:
        c = message.citation
        self.open_at(c.doc, c.start, c.end)

    @on(SearchPane.HitSelected)
    def _hit(self, message: SearchPane.HitSelected) -> None:
        self.open_at(message.doc, message.start, message.end)

    def open_at(self, doc: str, start: int, end: int) -> None:
        """Open the viewer on `doc` with [start, end) scrolled into view and highlighted."""
        if self.store is None:
            return
        found = [d for d in self.store.documents() if d[1] == doc]
        if not found:
            self.notify(f"Dokumentet {doc} finns inte i indexet.", severity="error")
            return
        doc_id = found[0][0]
        pane = self.query_one(DocumentPane)
        panes = self.query_one(TabbedContent)
        self.trail.append((panes.active, pane.doc_scroll_y, self.focused))
        pane.load(doc, self.store.document_text(doc_id), self.store.sections(doc_id))
        panes.active = "viewer"
        # Focus inside the viewer, or Textual hands focus back to a widget of the pane just left.
        self.query_one("#doc").focus()
        pane.show(start, end)

    def action_back(self) -> None:
        panes = self.query_one(TabbedContent)
        if not self.trail or panes.active != "viewer":
            return
        where, y, focused = self.trail.pop()
        if where == "viewer":
            self.query_one(DocumentPane).restore_scroll(y)
        panes.active = where
        if focused is not None and getattr(focused, "is_mounted", False):
            focused.focus()
        else:
            self.query_one({"chat": "#question", "search": "#search-input"}.get(where, "#doc")).focus()

    def action_pane(self, pane: str) -> None:
        panes = self.query_one(TabbedContent)
        panes.active = pane
        if pane == "viewer" and self.store is not None:
            view = self.query_one(DocumentPane)
            if view.doc_name is None:
                docs = self.store.documents()
                if docs:
                    view.load(docs[0][1], self.store.document_text(docs[0][0]), self.store.sections(docs[0][0]))
        focus = {"chat": "#question", "search": "#search-input", "viewer": "#outline"}[pane]
        self.query_one(focus).focus()

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or ""
        if pane == "viewer" and self.query_one(DocumentPane).doc_name is None:
            self.action_pane("viewer")

    # ------------------------------------------------------------------ the rest

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_export(self) -> None:
        if not self.answers:
            self.notify("Inget samtal att exportera ännu.", severity="warning")
            return
        path = self.export_dir / f"doksvar-samtal-{datetime.now():%Y%m%d-%H%M%S}.md"
        try:
            path.write_text(conversation_markdown(self.answers), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Kunde inte skriva {path}: {exc.strerror}", severity="error")
            return
        self.last_export = path
        self.notify(f"Samtalet exporterat till {path}")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Chatt", "Ask the report (F2)", lambda: self.action_pane("chat"))
        yield SystemCommand("Sök", "Keyword search (F3)", lambda: self.action_pane("search"))
        yield SystemCommand("Dokument", "Read the document with its outline (F4)", lambda: self.action_pane("viewer"))
        yield SystemCommand("Indexera igen", "Index the corpus again (Ctrl+R)", self.action_reindex)
        yield SystemCommand("Exportera samtalet", "Write the conversation to Markdown (Ctrl+E)", self.action_export)
        yield SystemCommand("Tillbaka", "Back to where you were before the jump (Ctrl+B)", self.action_back)
        yield SystemCommand("Hjälp", "List every key (F1)", self.action_help)


def run(index_path: Path, corpus: Path) -> int:
    """Open the app on an index, building it from `corpus` in the background."""
    DoksvarApp(index_path, corpus).run()
    return 0
