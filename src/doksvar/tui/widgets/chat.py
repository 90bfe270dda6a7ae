"""The chat pane: questions, short answers with numbered citations, and an input with history."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Select, Static

from doksvar.model import Answer, Citation


class HistoryInput(Input):
    """An input line that recalls earlier questions with up and down."""

    BINDINGS = [
        Binding("up", "older", "Föregående fråga", show=False, tooltip="Recall the previous question", id="older"),
        Binding("down", "newer", "Nästa fråga", show=False, tooltip="Recall the next question", id="newer"),
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


class CitationLine(Static):
    """One citation under an answer; a click opens the document there."""

    def __init__(self, citation: Citation) -> None:
        self.citation = citation
        where = " ".join(x for x in (citation.section, citation.title) if x) or citation.doc
        page = f", s. {citation.page}" if citation.page else ""
        text = Text()
        text.append(f"[{citation.n}] ", style="bold")
        text.append(f"{where}{page}: ", style="italic")
        text.append(f"\u201c{citation.quote}\u201d")
        super().__init__(text, classes="citation")

    def on_click(self) -> None:
        self.post_message(AnswerCard.CitationChosen(self.citation))


class AnswerCard(Vertical, can_focus=True):
    """A question and its answer; keys 1–9 (or Enter for the first) open a citation."""

    BINDINGS = [
        Binding("enter", "cite(1)", "Öppna källa", tooltip="Open citation 1 in the document", id="cite-first"),
        *[
            Binding(str(n), f"cite({n})", f"Källa {n}", show=False, tooltip=f"Open citation {n}", id=f"cite-{n}")
            for n in range(1, 10)
        ],
    ]

    @dataclass
    class CitationChosen(Message):
        """A citation was chosen: the app opens the viewer at it."""

        citation: Citation

    def __init__(self, answer: Answer, seconds: float = 0.0) -> None:
        super().__init__(classes="answer-card" + ("" if answer.answered else " -declined"))
        self.answer = answer
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        question = Text("› ", style="bold")
        question.append(self.answer.question)
        yield Static(question, classes="question")
        yield Static(Text(self.answer.answer), classes="answer")
        for c in self.answer.citations:
            yield CitationLine(c)

    def action_cite(self, n: int) -> None:
        for c in self.answer.citations:
            if c.n == n:
                self.post_message(self.CitationChosen(c))
                return
        self.app.bell()


class ChatPane(Vertical):
    """The conversation and the question input."""

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
        with VerticalScroll(id="conversation"):
            yield Static(
                Text(
                    "Ställ en fråga om rapporten, på svenska eller engelska – t.ex. "
                    "\u201cVilka negativa avvikelser finns?\u201d. Välj en källa med 1–9 för att läsa den i dokumentet."
                ),
                id="welcome",
            )
        yield HistoryInput(placeholder="Fråga rapporten … (Enter skickar, ↑/↓ tidigare frågor)", id="question")

    def set_documents(self, documents: list[tuple[int, str, str, str]]) -> None:
        """Offer the documents to choose from; shown only when there is more than one."""
        picker = self.query_one("#doc-picker", Select)
        picker.set_options([(Text(title or name), doc_id) for doc_id, name, title, _ in documents])
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

    def add_answer(self, answer: Answer, seconds: float) -> AnswerCard:
        card = AnswerCard(answer, seconds)
        scroll = self.query_one("#conversation", VerticalScroll)
        scroll.mount(card)
        scroll.scroll_end(animate=False)
        return card
