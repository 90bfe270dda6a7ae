"""The rows the index hands out: a document, passage, table or fact as read back, with its ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
class StoredFact:
    """A deviation or ranking found at indexing time, as read back."""

    doc_id: int
    """Row id of its document."""
    passage_id: int
    """Row id of the passage it was found in."""
    data: dict[str, Any]
    """What fact extraction found (`doksvar.facts`): amounts, places, labels and their spans."""
    start: int
    """Offset of the sentence or table row stating it in the document's display text."""
    end: int
    """End offset of that sentence or row."""
