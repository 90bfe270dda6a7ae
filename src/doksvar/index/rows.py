"""The rows the index hands out: a document, passage, table or fact as read back, with its ids."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Generic, TypeVar

from doksvar.model import Passage


@dataclass(frozen=True)
class StoredDocument:
    """An indexed document, as listed."""

    id: int
    """Row id of the document."""
    name: str
    """The file's name, used to cite it."""
    title: str
    """The report's title."""
    path: str
    """The file's resolved path, the key it is indexed under."""


@dataclass(frozen=True)
class StoredPassage:
    """A passage as read back from the index, with where it stands."""

    id: int
    """Row id of the passage."""
    doc_id: int
    """Row id of its document."""
    doc: str
    """Its document's file name."""
    passage: Passage
    """The passage itself."""
    section_title: str
    """The title of its section ("" before the first heading)."""


@dataclass(frozen=True)
class StoredTable:
    """A table as read back from the index, without its cells (`Store.cells` reads those)."""

    id: int
    """Row id of the table."""
    doc_id: int
    """Row id of its document."""
    caption: str
    """What the table is of ("Driftredovisning (tkr)")."""
    section: str
    """Number of the section holding the table ("" before the first heading)."""
    header: tuple[str, ...]
    """The header row's cells, the corner cell first."""
    start: int
    """Offset of the table's first line in the document's display text."""
    end: int
    """End offset of the table's last line."""


@dataclass(frozen=True)
class Deviation:
    """A deviation from budget as fact extraction found it (`doksvar.facts.deviations`)."""

    amount: float
    """The amount as a number, in `unit`."""
    amount_text: str
    """The amount as printed, without its sign ("1 250", "4,2")."""
    unit: str
    """Its unit as printed ("tkr", "mnkr")."""
    mkr: float
    """The amount in millions of kronor, to compare deviations of any unit."""
    direction: str
    """"positive" (a surplus, less spent than budgeted) or "negative" (an overrun)."""
    cue: str
    """What said it was a deviation: the sentence's budget words, or "table" for a column."""
    match: tuple[int, int]
    """Offsets of the words stating it (a sentence's phrase, or the table row)."""
    span_amount: tuple[int, int]
    """Offsets of the amount and its unit (or of the cell)."""
    total: bool
    """Whether it is the whole's deviation (a total row, the board's result), not one part's."""
    subject: str
    """What deviated, as read: the sentence, or "row (caption, column)" of a table."""
    explanation: tuple[int, int] | None
    """Offsets of the sentence explaining it, when one follows."""
    label: str
    """The passage's label: a table's caption, a list's lead-in."""
    section: str
    """Number of the section it stands in."""
    source: str
    """"text" (a sentence) or "table" (a cell of a deviation column)."""
    row_label: str = ""
    """A table's row label ("Hemtjänst"); "" for a sentence."""
    col_label: str = ""
    """A table's column header ("Avvikelse jan–apr"); "" for a sentence."""
    column: int = 0
    """Which of a table's deviation columns it is in, the first being 0."""
    lead: bool = False
    """Whether an item's lead-in states it ("Hemtjänst (-9 300 tkr)", or the item's sub-heading over
    the sentence): `row_label` names the item, `explanation` spans its paragraph."""

    @classmethod
    def read(cls, data: dict[str, Any]) -> Deviation:
        return cls(**_fields_of(cls, data))


@dataclass(frozen=True)
class Ranking:
    """A place in a ranking as fact extraction found it (`doksvar.facts.rankings`)."""

    rank: int
    """The place (1 is best)."""
    of: int | None
    """How many were ranked, when said ("plats 34 av 290")."""
    match: tuple[int, int]
    """Offsets of the words giving the place."""
    section: str
    """Number of the section it stands in."""
    list: str = ""
    """The ranking's name as the sentence gives it ("Svenskt Näringslivs företagsranking")."""
    group: str = ""
    """The passage's group heading."""
    year: int | None = None
    """The year the sentence or its paragraph names."""
    target: bool = False
    """Whether the place is a target ("målet är plats 50"), not an outcome."""
    previous: int | None = None
    """The place a year before, when stated."""
    change: int | None = None
    """Places gained (positive) or lost since then."""
    change_said: bool = False
    """Whether the change is stated in words, not computed from the two places."""
    change_span: tuple[int, int] | None = None
    """Offsets of the sentence stating the previous place or the change."""
    said: str = ""
    """The place as the report writes it when in words ("sjätte plats"), else ""."""
    previous_said: str = ""
    """The place before as the report writes it when in words ("nionde plats"), else ""."""

    @classmethod
    def read(cls, data: dict[str, Any]) -> Ranking:
        return cls(**_fields_of(cls, data))


def _fields_of(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The stored dict's keys that are fields of `cls`, offset pairs (stored as lists) as tuples."""
    names = _field_names(cls)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}


@lru_cache(maxsize=None)
def _field_names(cls: type) -> frozenset[str]:
    """The names of a fact's fields, asked for every fact read (`fields()` takes microseconds)."""
    return frozenset(f.name for f in fields(cls))


F = TypeVar("F", Deviation, Ranking)


@dataclass(frozen=True)
class StoredFact(Generic[F]):
    """A deviation or ranking found at indexing time, as read back."""

    doc_id: int
    """Row id of its document."""
    passage_id: int
    """Row id of the passage it was found in."""
    data: F
    """What fact extraction found: amounts, places, labels and their offsets."""
    start: int
    """Offset of the sentence or table row stating it in the document's display text."""
    end: int
    """End offset of that sentence or row."""
