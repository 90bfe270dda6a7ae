"""The chat pane: questions, short answers (lists as lists) with numbered citations, and an input
that keeps focus; Tab reaches the answers."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Select, Static

from doksvar.citation import NOT_THE_ANSWER, AnswerView, answer_view, citation_location
from doksvar.index.rows import StoredDocument
from doksvar.model import Answer, Citation

QUESTION_HINT = "Fråga rapporten … (Enter skickar · ↑/↓ tidigare frågor · Tab till svaren)"


class HistoryInput(Input):
    """The question line: ↑/↓ recall earlier questions, Tab goes to the latest answer."""

    BINDINGS = [
        Binding("up", "older", "Föregående fråga", show=False, tooltip="Recall the previous question", id="older"),
        Binding("down", "newer", "Nästa fråga", show=False, tooltip="Recall the next question", id="newer"),
        Binding("tab", "to_answers", "Till svaren", show=False, tooltip="Move to the latest answer", id="to-answers"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = []
        self._position = 0

    def remember(self, text: str) -> None:
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._position = len(self.history)

    def action_older(self) -> None:
        if self.history and self._position > 0:
            self._position -= 1
            self.value = self.history[self._position]
            self.cursor_position = len(self.value)

    def action_newer(self) -> None:
        if self._position < len(self.history) - 1:
            self._position += 1
            self.value = self.history[self._position]
        else:
            self._position = len(self.history)
            self.value = ""
        self.cursor_position = len(self.value)

    def action_to_answers(self) -> None:
        cards = self.screen.query(AnswerCard)
        if cards:
            self.screen.set_focus(cards.last())
        else:
            self.screen.focus_next()


def numbered(rows: list[tuple[str, Text]]) -> Table:
    """Rows of (marker, text) with a hanging indent: wrapped lines stay right of the marker."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for marker, text in rows:
        grid.add_row(Text(marker, style="bold"), text)
    return grid


def answer_body(view: AnswerView) -> RenderableType:
    """The answer's words: a paragraph, or a list of one item per line with its citation numbers."""
    if not view.is_list:
        return Text(view.answer.answer)
    heading: list[Text] = []
    rows: list[tuple[str, Text]] = []
    for line in view.lines:
        text = Text(line.text)
        for n in line.cites:
            text.append(f" [{n}]", style="bold")
        if line.kind == "heading":
            heading.append(Text(line.text, style="bold"))
        else:
            rows.append(("•" if line.kind == "item" else " ", text))
    return Group(*heading, numbered(rows))


class CitationLine(Static):
    """One citation under an answer; a click opens the document there."""

    def __init__(self, citation: Citation, quote: str, answer: str = "") -> None:
        self.citation = citation
        text = Text()
        text.append(f"{citation_location(citation)}: ", style="italic")
        quoted = Text(quote)
        # In a table row, the figures the answer gives stand out.
        for part in quote.replace("\n", " · ").replace(" — ", " · ").split(" · "):
            if ": " in part and part in answer:
                quoted.highlight_words([part], style="bold")
        text.append_text(quoted)
        super().__init__(numbered([(f"[{citation.n}]", text)]), classes="citation")

    def on_click(self) -> None:
        self.post_message(AnswerCard.CitationChosen(self.citation))


class AnswerCard(Vertical, can_focus=True):
    """A question and its answer. Enter or 1–9 open a citation, ↑/↓ move between answers,
    Escape or any letter goes back to the question line."""

    BINDINGS = [
        Binding(
            "enter", "cite(1)", "Öppna källa", show=False, tooltip="Open citation 1 in the document", id="cite-first"
        ),
        *[
            Binding(str(n), f"cite({n})", f"Källa {n}", show=False, tooltip=f"Open citation {n}", id=f"cite-{n}")
            for n in range(1, 10)
        ],
        Binding("up", "neighbour(-1)", "Föregående svar", show=False, id="answer-previous"),
        Binding("down", "neighbour(1)", "Nästa svar", show=False, id="answer-next"),
        Binding(
            "escape", "to_question", "Till frågan", show=False, tooltip="Back to the question line", id="to-question"
        ),
    ]

    @dataclass
    class CitationChosen(Message):
        """A citation was chosen: the app opens the viewer at it."""

        citation: Citation

    def __init__(self, answer: Answer | AnswerView, seconds: float = 0.0) -> None:
        view = answer if isinstance(answer, AnswerView) else answer_view(answer)
        super().__init__(classes="answer-card" + ("" if view.answer.answered else " -declined"))
        self.view = view
        self.answer = view.answer
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        question = Text("› ", style="bold")
        question.append(self.answer.question)
        yield Static(question, classes="question")
        yield Static(answer_body(self.view), classes="answer")
        if self.answer.citations and not self.answer.answered:
            yield Static(Text(NOT_THE_ANSWER), classes="closest")
        for c, quote in zip(self.answer.citations, self.view.quotes, strict=True):
            yield CitationLine(c, quote, self.answer.answer)
        keys = "Enter/1–9 öppnar en källa · " if self.answer.citations else ""
        yield Static(Text(f"{keys}↑/↓ andra svar · Esc eller skriv: tillbaka till frågan"), classes="card-keys")

    def on_mount(self) -> None:
        self.call_after_refresh(self._reveal)

    def _reveal(self) -> None:
        """Show the whole answer: scrolled to the end, or to its top when it is taller than the pane."""
        scroll = self.parent
        if not isinstance(scroll, VerticalScroll) or self is not scroll.children[-1]:
            return
        if self.outer_size.height >= scroll.scrollable_content_region.height:
            scroll.scroll_to_widget(self, top=True, animate=False)
        else:
            scroll.scroll_end(animate=False)

    def on_key(self, event: events.Key) -> None:
        # Typing on an answer goes on in the question line: letters are never taken for keys here.
        if event.is_printable and event.character is not None and event.character not in "123456789":
            event.stop()
            event.prevent_default()
            box = self.screen.query_one(HistoryInput)
            self.screen.set_focus(box)
            box.insert_text_at_cursor(event.character or "")

    def action_cite(self, n: int) -> None:
        for c in self.answer.citations:
            if c.n == n:
                self.post_message(self.CitationChosen(c))
                return
        self.app.bell()

    def action_neighbour(self, step: int) -> None:
        """The answer above or below; first the rest of this one, when it is taller than the pane."""
        scroll = self.parent
        if isinstance(scroll, VerticalScroll):
            view = scroll.scrollable_content_region.height
            top = self.virtual_region.y - scroll.scroll_y
            bottom = top + self.outer_size.height
            if (step > 0 and bottom > view) or (step < 0 and top < 0):
                scroll.scroll_relative(y=step * max(1, view // 2), animate=False)
                return
        cards = list(self.screen.query(AnswerCard))
        k = cards.index(self) + step
        if 0 <= k < len(cards):
            self.screen.set_focus(cards[k])
            cards[k].scroll_visible(animate=False, top=step < 0)
        elif k >= len(cards):
            self.action_to_question()

    def action_to_question(self) -> None:
        self.screen.set_focus(self.screen.query_one(HistoryInput))


class ErrorCard(Static):
    """A question that could not be answered because something went wrong; the app goes on."""

    def __init__(self, question: str, message: str) -> None:
        text = Text("› ", style="bold")
        text.append(question)
        text.append("\n")
        text.append(message)
        super().__init__(text, classes="error-card")


class ChatPane(Vertical):
    """The conversation and the question input."""

    BINDINGS = [
        Binding("pageup", "page(-1)", "Bläddra upp", show=False, tooltip="Scroll the conversation up", id="page-up"),
        Binding("pagedown", "page(1)", "Bläddra ned", show=False, tooltip="Scroll the conversation", id="page-down"),
    ]

    @dataclass
    class Asked(Message):
        """The user asked a question."""

        question: str

    @dataclass
    class DocumentChosen(Message):
        """The user chose which document to ask (None: all of them)."""

        doc_id: int | None

    def compose(self) -> ComposeResult:
        picker: Select[int] = Select([], prompt="Alla dokument", allow_blank=True, id="doc-picker")
        picker.display = False
        yield picker
        with VerticalScroll(id="conversation", can_focus=False):
            yield Static(
                Text(
                    "Ställ en fråga om rapporten, på svenska eller engelska – t.ex. "
                    "\u201cVilka negativa avvikelser finns?\u201d. Alt+1–9 öppnar senaste svarets källor "
                    "i dokumentet; Tab går till svaren."
                ),
                id="welcome",
            )
        yield HistoryInput(placeholder=QUESTION_HINT, id="question", select_on_focus=False)

    def action_page(self, step: int) -> None:
        scroll = self.query_one("#conversation", VerticalScroll)
        scroll.scroll_page_down(animate=False) if step > 0 else scroll.scroll_page_up(animate=False)

    def set_documents(self, documents: list[StoredDocument]) -> None:
        """Offer the documents to choose from; shown only when there is more than one."""
        picker = self.query_one("#doc-picker", Select)
        picker.set_options([(Text(d.title or d.name), d.id) for d in documents])
        picker.display = len(documents) > 1

    @on(Select.Changed, "#doc-picker")
    def _picked(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, int) else None
        self.post_message(self.DocumentChosen(value))

    @on(Input.Submitted, "#question")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        box = self.query_one(HistoryInput)
        box.remember(text)
        box.value = ""
        self.post_message(self.Asked(text))

    def add_answer(self, answer: Answer | AnswerView, seconds: float = 0.0) -> AnswerCard:
        card = AnswerCard(answer, seconds)
        self.query_one("#conversation", VerticalScroll).mount(card)
        return card

    def add_error(self, question: str, message: str) -> ErrorCard:
        card = ErrorCard(question, message)
        scroll = self.query_one("#conversation", VerticalScroll)
        scroll.mount(card)
        scroll.call_after_refresh(scroll.scroll_end, animate=False)
        return card
