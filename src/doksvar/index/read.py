"""Reading the index back: documents, sections, passages, tables, cells and facts, as typed rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from doksvar.index.query import marks
from doksvar.index.rows import Deviation, Ranking, StoredDocument, StoredFact, StoredPassage, StoredTable
from doksvar.lang.words import stems
from doksvar.model import Cell, Passage, Section

COVER_LINE = 120
"""Longest line before a report's first heading that is read as its cover (title, organisation, date)."""
COVER_PASSAGES = 8
"""How many of a report's first passages may be its cover."""

_PASSAGE_COLUMNS = (
    'p.id, p.doc_id, d.name, p.kind, p.section, p.label, p.grp, p.start, p."end", p.text, '
    "p.sentences, p.tbl, p.page, coalesce(s.title, '')"
)
_PASSAGE_JOIN = (
    "FROM passages p JOIN documents d ON d.id = p.doc_id "
    "LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.number = p.section"
)


@dataclass
class _Kept:
    """What a reader has read of one version of the index, kept while the index stays unchanged:
    a conversation's questions read the same passages, cells and ranked look-ups again and again."""

    version: tuple[int, int]
    matched: dict[tuple, tuple[int, list]] = field(default_factory=dict)
    passages: dict[int, StoredPassage] = field(default_factory=dict)
    cells: dict[int, tuple[Cell, ...]] = field(default_factory=dict)
    rows: dict[tuple, object] = field(default_factory=dict)
    """Single-row look-ups (a page, a section title, the passage at an offset) by their question."""

    LIMIT = 50_000
    """Passages (or ranked look-ups) kept before starting over, so that a long session stays small."""

    def trim(self) -> None:
        for kept in (self.matched, self.passages, self.cells, self.rows):
            if len(kept) > self.LIMIT:
                kept.clear()


class Reader:
    """Read-only look-ups on one open index connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._documents: tuple[tuple[int, int], list[StoredDocument]] | None = None
        self._title_stems: (
            tuple[list[StoredDocument], dict[int, frozenset[str]], dict[tuple[int, ...] | None, frozenset[str]]] | None
        ) = None
        self._kept: _Kept | None = None
        self._live: _Kept | None = None
        """What is kept of the version the current snapshot reads; None outside a snapshot."""

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read as of one moment: a writer's commits in between are not seen half-way (WAL). Within
        a snapshot, rows read before from the same version of the index are served from memory."""
        if self.conn.in_transaction:
            yield
            return
        before = self._version()
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchall()  # the snapshot starts here
        if self._version() == before:  # no commit in between: the snapshot is that version
            if self._kept is None or self._kept.version != before:
                self._kept = _Kept(before)
            self._kept.trim()
            self._live = self._kept
        try:
            yield
        finally:
            self._live = None
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def _one(self, sql: str, params: tuple) -> tuple | None:
        """The first row of a query, kept within a snapshot for the version of the index it read."""
        kept = self._live.rows if self._live is not None else None
        key = (sql, params)
        if kept is not None and key in kept:
            return kept[key]  # type: ignore[return-value]
        row = self.conn.execute(sql, params).fetchone()
        if kept is not None:
            kept[key] = row
        return row

    def _version(self) -> tuple[int, int]:
        """Changes when any connection (this one included) commits to the index."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def counts(self) -> dict[str, int]:
        """Numbers of documents, sections, passages and tables in the index."""
        q = self.conn.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "sections": q("SELECT count(*) FROM sections").fetchone()[0],
            "passages": q("SELECT count(*) FROM passages").fetchone()[0],
            "tables": q("SELECT count(*) FROM tables").fetchone()[0],
        }

    # ------------------------------------------------------------------ documents

    def documents(self) -> list[StoredDocument]:
        """Every indexed document, by name (kept until the index changes)."""
        version = self._version()
        if self._documents is None or self._documents[0] != version:
            rows = self.conn.execute("SELECT id, name, title, path FROM documents ORDER BY name")
            self._documents = (version, [StoredDocument(*row) for row in rows])
        return self._documents[1]

    def title_stems(self) -> dict[int, frozenset[str]]:
        """The stems of each document's title and cover (kept until the index changes): the lines
        before its first heading that are no sentences ("Barn- och utbildningsnämnden, Sjöviks
        kommun") and the values of its front matter name the report and its organisation too."""
        docs = self.documents()
        if self._title_stems is None or self._title_stems[0] is not docs:
            cover: dict[int, list[str]] = {}
            rows = self.conn.execute(
                "SELECT p.doc_id, p.text, p.label FROM documents d JOIN passages p ON p.doc_id = d.id AND p.ord < ? "
                "WHERE p.section = '' AND p.kind IN ('title', 'para') AND length(p.text) <= ? AND p.text NOT LIKE '%.'",
                (COVER_PASSAGES, COVER_LINE),
            )
            for doc_id, text, label in rows:
                # A cover line read as the label of the line under it ("Överförmyndarnämnden i Ljungsala
                # och Bredby" over "Gemensam nämnd för …") names the organisation as well.
                cover.setdefault(doc_id, []).extend([text, label] if label else [text])
            # Front matter names them too ("nämnd: Barn- och utbildningsnämnden", "kommun: Ekeby kommun").
            for doc_id, meta in self.conn.execute("SELECT id, meta FROM documents WHERE meta != '[]'"):
                cover.setdefault(doc_id, []).extend(v for _, v in json.loads(meta) if 0 < len(v) <= COVER_LINE)
            by_doc = {d.id: frozenset(stems(" ".join([d.title, *cover.get(d.id, [])]))) for d in docs}
            self._title_stems = (docs, by_doc, {})
        return self._title_stems[1]

    def title_words(self, doc_ids: Collection[int] | None = None) -> frozenset[str]:
        """The stems of the titles of the given documents (or all), kept until the index changes."""
        by_doc = self.title_stems()
        assert self._title_stems is not None
        key = None if doc_ids is None else tuple(sorted(doc_ids))
        cache = self._title_stems[2]
        if key not in cache:
            ids = by_doc if key is None else key
            cache[key] = frozenset(w for doc_id in ids for w in by_doc.get(doc_id, ()))
        return cache[key]

    def documents_named(self, name: str) -> list[int]:
        """Ids of documents whose file name, file stem or title matches `name` (case-insensitive)."""
        want = name.lower()
        return [
            d.id
            for d in self.documents()
            if want in (d.name.lower(), Path(d.name).stem.lower()) or want in d.title.lower()
        ]

    def document_text(self, doc_id: int) -> str:
        """The document's display text, which every offset refers to."""
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else ""

    def document_version(self, doc_id: int) -> tuple[str, str] | None:
        """(name, sha256) of a document, or None when it is not in the index."""
        row = self.conn.execute("SELECT name, sha256 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def metadata(self, doc_id: int) -> tuple[tuple[str, str], ...]:
        """The document's front matter as (key, value) pairs."""
        row = self.conn.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return tuple((k, v) for k, v in json.loads(row[0])) if row else ()

    def seams(self, doc_id: int) -> tuple[int, ...]:
        """Offsets in the document's display text where source characters were dropped."""
        row = self.conn.execute("SELECT seams FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return tuple(json.loads(row[0])) if row else ()

    # ------------------------------------------------------------------ sections and passages

    def sections(self, doc_id: int) -> list[Section]:
        """The document's numbered sections in document order."""
        rows = self.conn.execute(
            'SELECT number, title, level, parent, start, "end", page FROM sections WHERE doc_id = ? ORDER BY ord',
            (doc_id,),
        )
        return [Section(*r) for r in rows]

    def section_title(self, doc_id: int, number: str) -> str:
        """The title of the document's section of that number ("" when it has none)."""
        row = self._one("SELECT title FROM sections WHERE doc_id = ? AND number = ?", (doc_id, number))
        return row[0] if row else ""

    def section_titles(self) -> list[tuple[str, str]]:
        """(number, title) of every section of the index, each pair once."""
        return self.conn.execute("SELECT DISTINCT number, title FROM sections").fetchall()

    def passages(self, ids: Iterable[int]) -> dict[int, StoredPassage]:
        """The passages of the given ids, by id (ids not in the index are left out)."""
        kept = self._live.passages if self._live is not None else {}
        ids = list(ids)
        out = {i: kept[i] for i in ids if i in kept}
        missing = [i for i in ids if i not in out]
        if missing:
            rows = self.conn.execute(
                f"SELECT {_PASSAGE_COLUMNS} {_PASSAGE_JOIN} WHERE p.id IN ({marks(missing)})", missing
            )
            read = {r[0]: _stored(r) for r in rows}
            kept.update(read)
            out.update(read)
        return out

    def document_passages(self, doc_id: int) -> list[StoredPassage]:
        """Every passage of a document, in document order."""
        rows = self.conn.execute(
            f"SELECT {_PASSAGE_COLUMNS} {_PASSAGE_JOIN} WHERE p.doc_id = ? ORDER BY p.ord", (doc_id,)
        )
        return [_stored(r) for r in rows]

    def passage_at(self, doc_id: int, offset: int) -> StoredPassage | None:
        """The passage holding `offset` in the document's text, if any."""
        row = self._one(
            f"SELECT {_PASSAGE_COLUMNS} {_PASSAGE_JOIN} WHERE p.doc_id = ? AND p.start <= ? AND p.end > ? "
            "ORDER BY p.start DESC LIMIT 1",
            (doc_id, offset, offset),
        )
        return _stored(row) if row else None

    def passage_before(self, doc_id: int, offset: int) -> StoredPassage | None:
        """The passage that ends last at or before `offset` in the document's text, if any."""
        row = self._one(
            f"SELECT {_PASSAGE_COLUMNS} {_PASSAGE_JOIN} WHERE p.doc_id = ? AND p.end <= ? ORDER BY p.end DESC LIMIT 1",
            (doc_id, offset),
        )
        return _stored(row) if row else None

    def page_at(self, doc_id: int, offset: int) -> int | None:
        """The page of the passage at or before `offset`, if the document has pages."""
        row = self._one(
            "SELECT page FROM passages WHERE doc_id = ? AND start <= ? ORDER BY start DESC LIMIT 1",
            (doc_id, offset),
        )
        return row[0] if row else None

    def labels_at(self, doc_id: int, offset: int) -> tuple[str, str]:
        """(sub-heading, row group) of the passage at or before `offset`."""
        row = self._one(
            "SELECT label, grp FROM passages WHERE doc_id = ? AND start <= ? ORDER BY start DESC LIMIT 1",
            (doc_id, offset),
        )
        return (row[0], row[1]) if row else ("", "")

    # ------------------------------------------------------------------ tables and cells

    def tables(self, ids: Collection[int] | None = None) -> list[StoredTable]:
        """The tables of the given ids, or every table, in the order they were indexed."""
        sql = 'SELECT id, doc_id, caption, section, header, start, "end" FROM tables'
        params: list[int] = []
        if ids is not None:
            sql += f" WHERE id IN ({marks(ids)})"
            params = list(ids)
        rows = self.conn.execute(sql + " ORDER BY id", params)
        return [StoredTable(i, d, c, s, tuple(json.loads(h)), a, b) for i, d, c, s, h, a, b in rows]

    def table_holding(self, doc_id: int, offset: int) -> int | None:
        """The id of the table whose rows hold `offset` in the document's text, if any."""
        row = self._one(
            'SELECT id FROM tables WHERE doc_id = ? AND start <= ? AND "end" > ? ORDER BY start DESC LIMIT 1',
            (doc_id, offset, offset),
        )
        return row[0] if row else None

    def table_start(self, doc_id: int, offset: int) -> int | None:
        """Where the table holding `offset` (its end included) starts, if one does."""
        row = self._one(
            'SELECT start FROM tables WHERE doc_id = ? AND start <= ? AND "end" >= ? ORDER BY start DESC LIMIT 1',
            (doc_id, offset, offset),
        )
        return row[0] if row else None

    def cells(self, table_id: int) -> tuple[Cell, ...]:
        """One table's cells, row by row."""
        kept = self._live.cells if self._live is not None else {}
        if table_id not in kept:
            rows = self.conn.execute(
                'SELECT row, col, row_label, col_label, text, value, start, "end" FROM cells '
                "WHERE table_id = ? ORDER BY row, col",
                (table_id,),
            )
            kept[table_id] = tuple(Cell(*row) for row in rows)
        return kept[table_id]

    # ------------------------------------------------------------------ facts

    def deviations(
        self,
        doc_ids: Collection[int] | None = None,
        passage_ids: Collection[int] | None = None,
        direction: str | None = None,
        total: bool | None = None,
        best: int | None = None,
    ) -> list[StoredFact[Deviation]]:
        """The deviations from budget found at indexing, by document, passage, direction
        ("positive", "negative") and whether the whole's; `best` keeps that many, largest first."""
        rows = self._facts("deviation", doc_ids, passage_ids, direction, total, best)
        return [StoredFact(d, p, Deviation.read(json.loads(x)), s, e) for d, p, x, s, e in rows]

    def deviation_in(self, doc_ids: Collection[int] | None, sections: Collection[str]) -> bool:
        """Whether a deviation found at indexing stands in one of the sections or their subsections:
        asked of SQLite, not by reading every deviation of a large index."""
        sql = "SELECT 1 FROM facts WHERE kind = 'deviation'"
        params: list[object] = []
        if doc_ids is not None:
            sql += f" AND doc_id IN ({marks(doc_ids)})"
            params += list(doc_ids)
        within = " OR ".join(
            "(json_extract(data, '$.section') = ? OR json_extract(data, '$.section') LIKE ?)" for _ in sections
        )
        sql += f" AND ({within}) LIMIT 1"
        for number in sections:
            params += [number, f"{number}.%"]
        return self.conn.execute(sql, params).fetchone() is not None

    def rankings(
        self,
        doc_ids: Collection[int] | None = None,
        passage_ids: Collection[int] | None = None,
        direction: str | None = None,
        best: int | None = None,
    ) -> list[StoredFact[Ranking]]:
        """The ranking places found at indexing, by document, passage and direction ("place" for an
        outcome, "target" for a place aimed at); `best` keeps that many, best place first."""
        rows = self._facts("ranking", doc_ids, passage_ids, direction, None, best)
        return [StoredFact(d, p, Ranking.read(json.loads(x)), s, e) for d, p, x, s, e in rows]

    def _facts(
        self,
        kind: str,
        doc_ids: Collection[int] | None,
        passage_ids: Collection[int] | None,
        direction: str | None,
        total: bool | None,
        best: int | None,
    ) -> list[tuple]:
        # Of a few passages, the facts are found through the passages: the kind alone would scan them all.
        by_passage = " INDEXED BY facts_passage" if passage_ids is not None else ""
        sql = f'SELECT doc_id, passage_id, data, start, "end" FROM facts{by_passage} WHERE kind = ?'
        params: list[object] = [kind]
        for column, values in (("doc_id", doc_ids), ("passage_id", passage_ids)):
            if values is not None:
                sql += f" AND {column} IN ({marks(values)})"
                params += list(values)
        if direction is not None:
            sql += " AND direction = ?"
            params.append(direction)
        if total is not None:
            sql += " AND total = ?"
            params.append(int(total))
        if best is not None:
            sql += f" ORDER BY sortkey {'DESC' if kind == 'deviation' else 'ASC'}, id LIMIT ?"
            params.append(best)
        else:
            sql += " ORDER BY id"
        return self.conn.execute(sql, params).fetchall()


def _stored(row: tuple) -> StoredPassage:
    pid, doc_id, name, kind, section, label, grp, start, end, text, sents, tbl, page, stitle = row
    sentences = tuple(tuple(x) for x in json.loads(sents))
    passage = Passage(kind, section, label, grp, start, end, text, sentences, tbl, page)
    return StoredPassage(pid, doc_id, name, passage, stitle)
