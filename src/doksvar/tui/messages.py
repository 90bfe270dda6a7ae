"""App-wide messages: indexing progress and answers arriving from worker threads."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from doksvar.model import Answer


@dataclass
class IndexProgress(Message):
    """One file of an indexing run was handled."""

    done: int
    total: int
    path: str
    event: str


@dataclass
class IndexFinished(Message):
    """An indexing run ended; `failures` holds the reason of each file that failed."""

    failures: list[str]
    error: str | None = None


@dataclass
class AnswerReady(Message):
    """The answer to a question asked in the chat."""

    answer: Answer
    seconds: float


@dataclass
class JumpTo(Message):
    """Open the document viewer at a span of a document."""

    doc: str
    start: int
    end: int
