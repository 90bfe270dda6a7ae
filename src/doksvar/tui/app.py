"""The terminal app: chat, search and document viewer over one index."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, ProgressBar, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from doksvar.answer import Answerer
from doksvar.answer.conversation import Conversation
from doksvar.citation import AnswerView, TablesByDocument, TablesOf, answer_view
from doksvar.errors import DoksvarError
from doksvar.export import default_export_dir, write_export
from doksvar.index.store import Store
from doksvar.model import Answer
from doksvar.tui.messages import AnswerReady, IndexFinished, IndexProgress
from doksvar.tui.widgets.chat import AnswerCard, ChatPane
from doksvar.tui.widgets.help import HelpScreen
from doksvar.tui.widgets.search import SearchPane
from doksvar.tui.widgets.viewer import DocumentPane

CONTENT_TAB = "--content-tab-"
"""The id prefix TabbedContent gives the tab of each pane."""
PANE_FOCUS = {"chat": "#question", "search": "#search-input", "viewer": "#doc"}
"""The widget that takes focus when a pane is shown."""

INDEX_EVENTS = (("indexed", "indexerade"), ("unchanged", "oförändrade"), ("removed", "borttagna"))


def read_alt_digits() -> None:
    """Read Esc+digit, which xterm, tmux, GNOME Terminal and kitty send for Alt+1 … Alt+9, as those
    keys. Textual maps the sequences to what macOS WezTerm types for Option+digit ("¡", "™", …),
    so the Alt+digit bindings would never fire; no other key changes."""
    from textual import _ansi_sequences

    for digit in "123456789":
        _ansi_sequences.ANSI_SEQUENCES_KEYS.pop(f"\x1b{digit}", None)  # type: ignore[attr-defined]


class DoksvarApp(App):
    """Ask a report, search it, read it where the answer came from."""

    CSS_PATH = "doksvar.tcss"
    TITLE = "doksvar"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (160, "-wide")]
    AUTO_FOCUS = "#question"
    # Keys that no widget of the app takes for itself (Input keeps Ctrl+E, Ctrl+A, … and every printable
    # key), as priority bindings: they act before the focused widget sees them, so Alt+digits are not
    # typed into the input, and keys typed right after F2/F3/F4 reach the pane just shown.
    BINDINGS = [
        Binding("f1", "help", "Hjälp", priority=True, tooltip="List every key", id="help"),
        # One footer entry for the three panes, so that every app key fits in 80 columns.
        Binding(
            "f2",
            "pane('chat')",
            "Flikar",
            key_display="f2 f3 f4",
            priority=True,
            tooltip="Chatt / Sök / Dokument",
            id="pane-chat",
        ),
        Binding("f3", "pane('search')", "Sök", show=False, priority=True, tooltip="Keyword search", id="pane-search"),
        Binding(
            "f4", "pane('viewer')", "Dokument", show=False, priority=True, tooltip="The document", id="pane-viewer"
        ),
        Binding(
            "alt+1",
            "cite(1)",
            "Källa",
            key_display="Alt+1–9",
            priority=True,
            tooltip="Open a citation of the latest answer in the document",
            id="cite-1",
        ),
        *[
            Binding(f"alt+{n}", f"cite({n})", f"Källa {n}", show=False, priority=True, id=f"cite-{n}")
            for n in range(2, 10)
        ],
        Binding("ctrl+s", "export", "Exportera", priority=True, tooltip="Save the conversation", id="export"),
        Binding("ctrl+r", "reindex", "Indexera", priority=True, tooltip="Index the corpus again", id="reindex"),
        Binding("ctrl+b", "back", "Tillbaka", show=False, tooltip="Back to where you were before the jump", id="back"),
        Binding("ctrl+p", "command_palette", "Kommandon", show=False, priority=True, id="palette"),
    ]
    MODAL_KEYS_OFF = {"pane", "cite", "export", "reindex"}
    """Actions left to a dialog in front (help, command palette), whose keys they would take."""

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
        read_alt_digits()
        self.index_path = Path(index_path)
        self.corpus = corpus
        self.store: Store | None = store
        self.answerer: Answerer | None = answerer or (Answerer(store) if store else None)
        self.conversation: Conversation | None = Conversation(self.answerer) if self.answerer else None
        self.tables_of: TablesOf | None = TablesByDocument(store) if store else None
        self.build = build
        self.export_dir = (Path(export_dir).expanduser() if export_dir else default_export_dir()).absolute()
        self.views: list[AnswerView] = []
        self.trail: list[tuple[str, float, object]] = []
        self.indexing = False
        self.quiet_index = False
        self.last_export: Path | None = None
        self.search_docs: set[int] | None = None
        self.asking: str | None = None
        self.waiting: list[str] = []

    @property
    def answers(self) -> list[Answer]:
        """The answers given so far, oldest first."""
        return [v.answer for v in self.views]

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
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#progress").display = False
        self.screen.set_focus(self.query_one("#question"))  # now, not after a refresh: type at once
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
        self.tables_of = TablesByDocument(store)
        self._warm_up()

    @work(thread=True, group="warm", exit_on_error=False)
    def _warm_up(self) -> None:
        """Load what the first question needs (vocabulary, fuzzy matcher) before it is asked."""
        if self.answerer is not None:
            self.answerer.ask("förberedelse")

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
        if self.indexing:
            self.notify("Indexeringen pågår redan.", severity="warning")
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

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _index_worker(self) -> None:
        from doksvar.sources import collect

        worker = get_current_worker()
        failures: list[str] = []
        counts: Counter[str] = Counter()
        try:
            assert self.corpus is not None  # action_reindex runs this worker only with a corpus
            files = collect([self.corpus])
            writer = Store(self.index_path, writable=True)
            try:

                def page(path: str, k: int, n: int) -> None:
                    self.post_message(IndexProgress(k, n, path, "page"))

                steps = writer.index_files(files, on_page=page)
                try:
                    for step in steps:
                        counts[step.event] += 1
                        if step.event == "failed":
                            failures.append(step.detail)
                        self.post_message(IndexProgress(step.done, step.total, step.path, step.event))
                        if worker.is_cancelled:
                            break  # the app is closing: stop after this document
                finally:
                    close = getattr(steps, "close", None)
                    if close is not None:
                        close()
            finally:
                writer.close()
        except DoksvarError as exc:
            self.post_message(IndexFinished(failures, str(exc), dict(counts)))
            return
        self.post_message(IndexFinished(failures, None, dict(counts)))

    def _widgets_gone(self) -> bool:
        """Whether the screen's widgets are going: an index run's last message may arrive as the app
        closes and takes them down one by one."""
        return not all(self.query(selector) for selector in ("#progress", "#status", ChatPane, DocumentPane))

    @on(IndexProgress)
    def _progress(self, message: IndexProgress) -> None:
        if self._widgets_gone():
            return
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=message.total, progress=message.done)
        what = "sida" if message.event == "page" else "fil"
        self.set_status(f"Indexerar {Path(message.path).name}: {what} {message.done}/{message.total}")

    @on(IndexFinished)
    def _indexed(self, message: IndexFinished) -> None:
        self.indexing = False
        if self._widgets_gone():
            return
        self.query_one("#progress").display = False
        if message.error:
            self.notify(message.error, severity="error", timeout=10)
        for failure in message.failures:
            self.notify(failure, severity="error", timeout=10)
        if self.store is not None and self.answerer is not None:
            # The open reader sees the new commits (WAL); only its caches are stale.
            self.store.refresh()
            self.answerer.refresh()
            self.tables_of = TablesByDocument(self.store)
            self.query_one(DocumentPane).doc_name = None
        else:
            try:
                self._use(Store(self.index_path, threads=True))
            except DoksvarError as exc:
                self.set_status(str(exc), error=True)
                return
        self.refresh_status()
        if not self.quiet_index or message.failures or message.counts.get("indexed") or message.counts.get("removed"):
            done = " · ".join(f"{message.counts.get(key, 0)} {word}" for key, word in INDEX_EVENTS)
            failed = len(message.failures)
            self.notify(
                f"Indexeringen klar: {done} · {failed} misslyckade",
                severity="error" if failed else "information",
                timeout=8,
            )

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
        # One question at a time, in the order asked: a follow-up reads the question before it.
        self.waiting.append(message.question)
        if self.asking is None:
            self._ask_next()

    def _ask_next(self) -> None:
        self.asking = self.waiting.pop(0) if self.waiting else None
        if self.asking is not None:
            self._answer_worker(self.asking)

    @work(thread=True, exclusive=True, group="answer", exit_on_error=False)
    def _answer_worker(self, question: str) -> None:
        t0 = time.perf_counter()
        try:
            answer = self.conversation.ask(question)  # type: ignore[union-attr]
        except DoksvarError as exc:
            answer = Answer(question, False, "none", str(exc))
        view = answer_view(answer, self.tables_of)
        self.post_message(AnswerReady(answer, time.perf_counter() - t0, view))

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        """An unexpected error in a worker is said where the user looks, and the app goes on."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        reason = f"{type(error).__name__}: {error}" if error is not None else "okänt fel"
        if event.worker.group == "answer":
            self.query_one(ChatPane).add_error(
                self.asking or "", f"Frågan kunde inte besvaras – ett oväntat fel i doksvar ({reason})."
            )
            self._ask_next()
        elif event.worker.group == "index":
            self.post_message(IndexFinished([], f"Indexeringen avbröts av ett oväntat fel ({reason})."))
        elif event.worker.group != "warm":
            self.notify(f"Oväntat fel: {reason}", severity="error", timeout=10)

    @on(AnswerReady)
    def _answered(self, message: AnswerReady) -> None:
        view = message.view or answer_view(message.answer, self.tables_of)
        self.views.append(view)
        self.query_one(ChatPane).add_answer(view, message.seconds)
        self._ask_next()

    async def action_cite(self, n: int) -> None:
        """Open citation `n` of the latest answer."""
        citations = self.views[-1].answer.citations if self.views else ()
        for c in citations:
            if c.n == n:
                await self.open_at(c.doc, c.start, c.end)
                return
        self.notify(
            f"Senaste svaret har ingen källa {n}." if self.views else "Inget svar ännu.", severity="warning", timeout=3
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.MODAL_KEYS_OFF and isinstance(self.screen, ModalScreen):
            return False
        return True

    # ------------------------------------------------------------------ jumping

    @on(AnswerCard.CitationChosen)
    async def _cited(self, message: AnswerCard.CitationChosen) -> None:
        c = message.citation
        await self.open_at(c.doc, c.start, c.end)

    @on(SearchPane.HitSelected)
    async def _hit(self, message: SearchPane.HitSelected) -> None:
        await self.open_at(message.doc, message.start, message.end)

    async def _load(self, doc_id: int, name: str) -> None:
        assert self.store is not None
        pane = self.query_one(DocumentPane)
        if pane.doc_name == name:
            return
        items = [p.passage.start for p in self.store.document_passages(doc_id) if p.passage.kind == "item"]
        await pane.load(name, self.store.document_text(doc_id), self.store.sections(doc_id), items)

    async def open_at(self, doc: str, start: int, end: int) -> None:
        """Open the viewer on `doc` with [start, end) scrolled into view and highlighted."""
        if self.store is None:
            return
        found = [d for d in self.store.documents() if d.name == doc]
        if not found:
            self.notify(f"Dokumentet {doc} finns inte i indexet.", severity="error")
            return
        pane = self.query_one(DocumentPane)
        panes = self.query_one(TabbedContent)
        self.trail.append((panes.active, pane.doc_scroll_y, self.focused))
        await self._load(found[0].id, doc)
        panes.active = "viewer"
        # Focus inside the viewer, or Textual hands focus back to a widget of the pane just left.
        self.screen.set_focus(self.query_one("#doc"))
        pane.show(start, end)

    def action_back(self) -> None:  # type: ignore[override]  # Textual takes a plain action
        panes = self.query_one(TabbedContent)
        if not self.trail or panes.active != "viewer":
            return
        where, y, focused = self.trail.pop()
        if where == "viewer":
            self.query_one(DocumentPane).restore_scroll(y)
        panes.active = where
        if focused is not None and getattr(focused, "is_mounted", False):
            self.screen.set_focus(focused)  # type: ignore[arg-type]
        else:
            self.screen.set_focus(self.query_one(PANE_FOCUS.get(where, "#doc")))

    async def action_pane(self, pane: str) -> None:
        self.query_one(TabbedContent).active = pane
        await self._first_document(pane)
        # At once, not after a refresh: keys typed right after F2/F3/F4 go to the pane shown.
        self.screen.set_focus(self.query_one(PANE_FOCUS[pane]))

    async def _first_document(self, pane: str) -> None:
        """The viewer shown with no document yet: open the first one."""
        if pane == "viewer" and self.store is not None and self.query_one(DocumentPane).doc_name is None:
            docs = self.store.documents()
            if docs:
                await self._load(docs[0].id, docs[0].name)

    @on(TabbedContent.TabActivated)
    async def _tab(self, event: TabbedContent.TabActivated) -> None:
        """The viewer shown by its tab opens on the first document."""
        if self.screen_stack and event.pane.id == "viewer":
            await self._first_document("viewer")

    async def on_click(self, event: events.Click) -> None:
        """A tab clicked hands focus to its pane's input, as its F-key does. (Focus is not moved on
        every TabActivated: TabbedContent also activates the pane that focus moves into.)"""
        tab = (event.widget.id or "") if event.widget is not None else ""
        if tab.startswith(CONTENT_TAB) and tab.removeprefix(CONTENT_TAB) in PANE_FOCUS:
            await self.action_pane(tab.removeprefix(CONTENT_TAB))

    # ------------------------------------------------------------------ the rest

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        elif not isinstance(self.screen, ModalScreen):
            self.push_screen(HelpScreen())

    def action_export(self) -> None:
        if not self.views:
            self.notify("Inget samtal att exportera ännu.", severity="warning")
            return
        try:
            path = write_export(self.export_dir, self.views)
        except OSError as exc:
            self.notify(f"Kunde inte skriva i {self.export_dir}: {exc.strerror}", severity="error", timeout=10)
            return
        self.last_export = path
        self.notify(f"Samtalet sparat som {path.name}\ni {path.parent}", title="Exporterat", timeout=8)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Sök ett kommando …", id="--command-palette"))

    def action_change_theme(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder="Sök ett färgtema …"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own commands, in Swedish like the rest of the app.
        yield SystemCommand("Chatt", "Fråga rapporten (F2)", partial(self.run_action, "pane('chat')"))
        yield SystemCommand("Sök", "Sök ord i rapporten (F3)", partial(self.run_action, "pane('search')"))
        yield SystemCommand("Dokument", "Läs dokumentet med innehåll (F4)", partial(self.run_action, "pane('viewer')"))
        yield SystemCommand("Öppna källa 1", "Senaste svarets källa 1 (Alt+1)", partial(self.run_action, "cite(1)"))
        yield SystemCommand("Tillbaka", "Dit du var före hoppet till dokumentet (Escape)", self.action_back)
        yield SystemCommand("Innehåll", "Visa eller dölj innehållsförteckningen (Ctrl+O)", self._toggle_outline)
        yield SystemCommand("Exportera samtalet", "Spara samtalet som Markdown (Ctrl+S)", self.action_export)
        yield SystemCommand("Indexera igen", "Läs in korpusen på nytt (Ctrl+R)", self.action_reindex)
        yield SystemCommand("Hjälp", "Alla tangenter (F1)", self.action_help)
        yield SystemCommand("Tema", "Byt färgtema", self.action_change_theme)
        if screen.maximized is not None:
            yield SystemCommand("Återställ", "Visa rutan i normal storlek igen", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand("Maximera", "Visa rutan med fokus över hela fönstret", screen.action_maximize)
        yield SystemCommand(
            "Skärmbild", "Spara en SVG-bild av skärmen", lambda: self.set_timer(0.1, self.deliver_screenshot)
        )
        yield SystemCommand("Avsluta", "Stäng doksvar (Ctrl+Q)", self.action_quit)

    async def _toggle_outline(self) -> None:
        await self.action_pane("viewer")
        self.query_one(DocumentPane).action_toggle_outline()


def run(index_path: Path, corpus: Path | None, export_dir: Path | None = None) -> int:
    """Open the app on an index, bringing it up to date from `corpus` (if any) in the background."""
    DoksvarApp(index_path, corpus, export_dir=export_dir).run()
    return 0
