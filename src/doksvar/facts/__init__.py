"""Facts read from report language at index time: budget deviations, rankings and the
abbreviations a report defines."""

from __future__ import annotations

from dataclasses import dataclass

from doksvar.model import Document


@dataclass(frozen=True)
class Fact:
    """One extracted fact and the span of text it stands in."""

    kind: str
    """"deviation", "ranking" or "abbreviation"."""
    passage: int
    """Index of the passage in Document.passages."""
    data: dict
    """The fact's fields (amount, unit, direction, ... for a deviation)."""
    start: int
    """Start offset of the sentence or row it was read from."""
    end: int
    """End offset of that sentence or row."""


def folded(text: str) -> str:
    """`text` lower-cased so that every word a case-insensitive pattern matches in it stands in
    it as the pattern writes the word: a cheap `in` test can then skip a pattern that cannot match.

    `str.lower` alone does not do it for the three letters Python's `re.I` also matches to i and s."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.replace("İ", "i").replace("ı", "i").replace("ſ", "s")
    return text.lower()


def extract_facts(doc: Document) -> list[Fact]:
    """Every deviation, ranking and abbreviation stated in the document."""
    from doksvar.facts.abbreviations import abbreviations
    from doksvar.facts.deviations import deviations
    from doksvar.facts.rankings import rankings

    return deviations(doc) + rankings(doc) + abbreviations(doc)
