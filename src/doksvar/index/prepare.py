"""The work of indexing one file that needs no database: parse, read facts, stem, and lay the
document out as the rows the writer inserts.

It runs in the indexing process, or in worker processes when many files change at once, so that
both cores work while the writer writes. What crosses back is plain tuples of strings and numbers
(JSON already made): a report's rows unpickle in a third of the time its parsed `Document` took
(0.8 against 2.4 ms), and leave the writer, the one process that cannot work in parallel, nothing
to do but give them ids and insert them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doksvar.errors import DoksvarError

RANK_LIST_LENGTH = 290
"""Places of a ranking whose length is not stated: Sweden's municipalities, the usual list."""


@dataclass(frozen=True)
class Rows:
    """One document as rows of the index's tables, without the ids the writer gives them.

    A table, passage or fact refers to another by its place in this document ("ord"): the writer
    turns those into row ids."""

    document: tuple[Any, ...]
    """(name, title, sha256, text, seams, meta, lost_pages), JSON columns as JSON."""
    sections: list[tuple[Any, ...]]
    """(ord, number, title, level, parent, start, end, page) of each section."""
    tables: list[tuple[Any, ...]]
    """(ord, caption, section, header, start, end, page) of each table."""
    cells: list[tuple[Any, ...]]
    """(table's ord, row, col, row_label, col_label, text, value, start, end) of each cell."""
    passages: list[tuple[Any, ...]]
    """(ord, kind, section, label, grp, start, end, text, sentences, table's ord or None, page)."""
    fts: list[tuple[str, str]]
    """(stemmed title, stemmed text) of each passage, in passage order."""
    facts: list[tuple[Any, ...]]
    """(passage's ord, kind, data, start, end, direction, sortkey, total) of each fact."""


@dataclass(frozen=True)
class Prepared:
    """A document ready to be written, or the reason it cannot be."""

    path: str
    """The file as given."""
    rows: Rows | None
    """Its rows, None when it failed."""
    summary: str = ""
    """"N sections, N passages, N tables", for progress."""
    lost_pages: tuple[tuple[int, str], ...] = ()
    """Pages of the file that gave no text, each with why."""
    error: str = ""
    """Why the file could not be read, when it could not."""


def prepare(path: Path, on_page: Callable[[int, int], None] | None = None) -> Prepared:
    """Read, parse and stem one file; what fails is said in `error`, never raised."""
    from doksvar.facts import extract_facts
    from doksvar.ingest import load_bytes, read_bytes

    try:
        doc = load_bytes(path, read_bytes(path), on_page)
        facts = extract_facts(doc)
    except DoksvarError as exc:
        return Prepared(str(path), None, error=str(exc))
    except (ValueError, RecursionError, MemoryError, IndexError, KeyError) as exc:
        return Prepared(str(path), None, error=f"{path}: cannot be parsed ({exc!r})")
    return Prepared(
        str(path),
        _rows(doc, facts),
        f"{len(doc.sections)} sections, {len(doc.passages)} passages, {len(doc.tables)} tables",
        doc.lost_pages,
    )


def _rows(doc: Any, facts: list[Any]) -> Rows:
    from doksvar.lang.words import stemmed_text

    dumps = json.dumps
    titles = {s.number: s.title for s in doc.sections}
    title_stems: dict[str, str] = {}
    fts = []
    for p in doc.passages:
        title = " ".join(x for x in (titles.get(p.section, ""), p.label, p.group) if x)
        if p.table is not None:
            title += " " + " ".join(doc.tables[p.table].header)
        if title not in title_stems:
            title_stems[title] = stemmed_text(title)
        fts.append((title_stems[title], stemmed_text(p.text)))
    return Rows(
        document=(
            doc.name,
            doc.title,
            doc.sha256,
            doc.text,
            dumps(doc.seams),
            dumps(doc.meta, ensure_ascii=False),
            dumps(doc.lost_pages, ensure_ascii=False),
        ),
        sections=[
            (k, s.number, s.title, s.level, s.parent, s.start, s.end, s.page) for k, s in enumerate(doc.sections)
        ],
        tables=[
            (k, t.caption, t.section, dumps(t.header, ensure_ascii=False), t.start, t.end, t.page)
            for k, t in enumerate(doc.tables)
        ],
        cells=[
            (k, x.row, x.col, x.row_label, x.col_label, x.text, x.value, x.start, x.end)
            for k, t in enumerate(doc.tables)
            for x in t.cells
        ],
        passages=[
            (k, p.kind, p.section, p.label, p.group, p.start, p.end, p.text, dumps(p.sentences), p.table, p.page)
            for k, p in enumerate(doc.passages)
        ],
        fts=fts,
        facts=[
            (f.passage, f.kind, dumps(f.data, ensure_ascii=False), f.start, f.end, *_fact_keys(f.kind, f.data))
            for f in facts
        ],
    )


def _fact_keys(kind: str, data: dict[str, Any]) -> tuple[str | None, float | None, int]:
    """The columns facts are filtered and sorted by: direction, size or place, total."""
    if kind == "deviation":
        return data.get("direction"), data.get("mkr"), int(bool(data.get("total")))
    if kind == "ranking":
        of = data.get("of") or RANK_LIST_LENGTH
        return ("target" if data.get("target") else "place"), data["rank"] / of + data["rank"] / 1e6, 0
    return None, None, 0
