"""Facts read from report language at index time: budget deviations and rankings."""

from __future__ import annotations

from dataclasses import dataclass

from doksvar.model import Document


@dataclass(frozen=True)
class Fact:
    """One extracted fact and the span of text it stands in."""

    kind: str
    """"deviation" or "ranking"."""
    passage: int
    """Index of the passage in Document.passages."""
    data: dict
    """The fact's fields (amount, unit, direction, ... for a deviation)."""
    start: int
    """Start offset of the sentence or row it was read from."""
    end: int
    """End offset of that sentence or row."""


def extract_facts(doc: Document) -> list[Fact]:
    """Every deviation and ranking stated in the document."""
    from doksvar.facts.deviations import deviations
    from doksvar.facts.rankings import rankings

    return deviations(doc) + rankings(doc)
