"""Plain data that crosses the layers: a report as ingested, and an answer as given."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Section:
    """A numbered heading and the text under it."""

    number: str
    """The heading's number as printed, without a trailing dot ("6.1")."""
    title: str
    """The heading's words ("Driftsredovisning")."""
    level: int
    """1 for "6", 2 for "6.1", and so on."""
    parent: str | None
    """The number of the enclosing section, None at the top level."""
    start: int
    """Offset of the heading in the display text."""
    end: int
    """Offset where the next section of the same or a higher level begins."""
    page: int | None = None
    """The page the heading stands on (PDF), else None."""


@dataclass(frozen=True)
class Cell:
    """One cell of a table, with its labels and parsed value."""

    row: int
    """Row index within the table's body (0 = first row under the header)."""
    col: int
    """Column index (0 = the row-label column)."""
    row_label: str
    """The row's label, prefixed with its row group if any ("visstidsanställda 20 - 29 år")."""
    col_label: str
    """The column's header ("Utfall Dec 2023", "2021")."""
    text: str
    """The cell's text as printed ("307 662")."""
    value: float | None
    """The parsed number (307662.0), None for an empty or non-numeric cell."""
    start: int
    """Offset of the cell text in the display text."""
    end: int
    """End offset of the cell text."""


@dataclass(frozen=True)
class Table:
    """A table of figures: caption, header and cells."""

    caption: str
    """What the table is of ("Driftredovisning (tkr)")."""
    section: str
    """Number of the section holding the table ("" before the first heading)."""
    header: tuple[str, ...]
    """The header row's cells, the corner cell first."""
    cells: tuple[Cell, ...]
    """Every body cell with a column header, row by row."""
    start: int
    """Offset of the table's first line in the display text."""
    end: int
    """End offset of the table's last line."""
    page: int | None = None
    """The page the table starts on (PDF, or a page comment of a Markdown file), else None."""


@dataclass(frozen=True)
class Passage:
    """A paragraph, list item or table row: the unit that is indexed and cited."""

    kind: str
    """"para", "item", "row" (table row), "goal" (the goal cell of a goal table) or "title" (the report's)."""
    section: str
    """Number of the enclosing section ("" before the first heading)."""
    label: str
    """The nearest unnumbered sub-heading above it in its section ("Mätetal"), or ""."""
    group: str
    """The goal whose analysis this passage belongs to (goal tables), or ""."""
    start: int
    """Offset of the passage in the display text."""
    end: int
    """End offset of the passage."""
    text: str
    """The passage's display text (equal to display_text[start:end])."""
    sentences: tuple[tuple[int, int], ...]
    """Sentence spans as absolute offsets into the display text."""
    table: int | None = None
    """For a table row: the index of its table in Document.tables."""
    page: int | None = None
    """The page the passage starts on (PDF, or a page comment of a Markdown file), else None."""


@dataclass(frozen=True)
class Document:
    """A report as ingested: display text, sections, passages and tables."""

    path: str
    """The file's path as given."""
    name: str
    """The file's name, used to cite it."""
    title: str
    """The report's title (its front matter's title, else its first line)."""
    text: str
    """The display text that the viewer shows and every offset refers to."""
    sha256: str
    """Hash of the file's bytes, for incremental re-indexing."""
    sections: tuple[Section, ...]
    """Numbered sections in document order."""
    passages: tuple[Passage, ...]
    """Passages in document order."""
    tables: tuple[Table, ...]
    """Tables in document order."""
    seams: tuple[int, ...] = ()
    """Offsets in the display text where source characters were dropped (markup)."""
    meta: tuple[tuple[str, str], ...] = ()
    """The file's front matter as (key, value) pairs, not part of the display text."""
    lost_pages: tuple[tuple[int, str], ...] = ()
    """Pages that gave no text, each with why ("damaged (…)", "no text layer"); blank pages are none."""


@dataclass(frozen=True)
class Citation:
    """A verbatim quote from a document that backs an answer."""

    n: int
    """The citation's number in the answer, from 1."""
    doc: str
    """The document's file name."""
    section: str
    """The section number ("6.1"), "" when before any heading."""
    title: str
    """The section's title."""
    page: int | None
    """The page (PDF), else None."""
    quote: str
    """Verbatim display text: display_text[start:end]."""
    start: int
    """Start offset into the display text."""
    end: int
    """End offset into the display text."""


@dataclass(frozen=True)
class Answer:
    """The reply to one question."""

    question: str
    """The question as asked."""
    answered: bool
    """False when the report does not hold the answer."""
    intent: str
    """"deviation", "ranking", "table", "fact", "search" or "none"."""
    answer: str
    """Plain-text answer, no markup."""
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    """The quotes the answer rests on, numbered from 1."""

    def to_json(self) -> str:
        """The machine-readable answer of `doksvar ask --json` (one line)."""
        data = asdict(self)
        data["citations"] = [asdict(c) for c in self.citations]
        return json.dumps(data, ensure_ascii=False)
