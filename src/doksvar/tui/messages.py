"""App-wide messages: indexing progress and answers arriving from worker threads."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from doksvar.citation import AnswerView
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
    counts: dict[str, int] = field(default_factory=dict)
    """How many files were "indexed", "unchanged", "removed" or "failed"."""


@dataclass
class AnswerReady(Message):
    """The answer to a question asked in the chat."""

    answer: Answer
    seconds: float
    view: AnswerView | None = None
    """The answer laid out for reading (lists as lists, table citations with their headers)."""
