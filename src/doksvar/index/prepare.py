"""The work of indexing one file that needs no database: parse, read facts, stem.

It runs in the indexing process, or in worker processes when many files change at once, so that
both cores work while the writer writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from doksvar.errors import DoksvarError
from doksvar.model import Document


@dataclass(frozen=True)
class Prepared:
    """A document ready to be written, or the reason it cannot be."""

    path: str
    """The file as given."""
    doc: Document | None
    """The parsed document, None when it failed."""
    facts: list
    """Its deviations and rankings."""
    fts_rows: list[tuple[str, str]]
    """(stemmed title, stemmed text) of each passage."""
    error: str = ""
    """Why the file could not be read, when it could not."""


def prepare(path: Path, on_page: Callable[[int, int], None] | None = None) -> Prepared:
    """Read, parse and stem one file; what fails is said in `error`, never raised."""
    from doksvar.facts import extract_facts
    from doksvar.ingest import load_bytes, read_bytes
    from doksvar.lang.words import stemmed_text

    try:
        doc = load_bytes(path, read_bytes(path), on_page)
        facts = extract_facts(doc)
    except DoksvarError as exc:
        return Prepared(str(path), None, [], [], str(exc))
    except (ValueError, RecursionError, MemoryError, IndexError, KeyError) as exc:
        return Prepared(str(path), None, [], [], f"{path}: cannot be parsed ({exc!r})")
    titles = {s.number: s.title for s in doc.sections}
    title_stems: dict[str, str] = {}
    rows = []
    for p in doc.passages:
        title = " ".join(x for x in (titles.get(p.section, ""), p.label, p.group) if x)
        if p.table is not None:
            title += " " + " ".join(doc.tables[p.table].header)
        if title not in title_stems:
            title_stems[title] = stemmed_text(title)
        rows.append((title_stems[title], stemmed_text(p.text)))
    return Prepared(str(path), doc, facts, rows)
