"""The SQLite index: writing documents (one transaction each) and reading them back."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from doksvar.errors import DoksvarError, StoreError
from doksvar.index.query import Term, Vocabulary, analyse, match_expression, selective
from doksvar.index.schema import BM25_WEIGHTS, SCHEMA, SCHEMA_VERSION
from doksvar.lang.words import stem, stemmed_text, stems, tokens
from doksvar.model import Passage, Section

BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Progress:
    """One step of an indexing run, for a progress display."""

    event: str
    """"indexed", "unchanged", "failed", "removed" or "scanning"."""
    path: str
    """The file concerned."""
    done: int
    """Files handled so far."""
    total: int
    """Files in this run."""
    detail: str = ""
    """Counts for "indexed", the reason for "failed"."""
    lost_pages: tuple[tuple[int, str], ...] = ()
    """Pages of the file that gave no text, each with why (a PDF's damaged or scanned pages)."""


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
class SearchHit:
    """A passage found by keyword search, with a snippet whose hits are marked."""

    stored: StoredPassage
    """The passage found."""
    score: float
    """bm25 rank (lower is better)."""
    snippet: str
    """A window of the passage with each hit between « and »."""
    hits: tuple[tuple[int, int], ...]
    """Offsets of the hit words in the display text."""


class Store:
    """One index file. Open it with `Store(path)`; `writable=True` creates or upgrades it."""

    def __init__(self, path: str | Path, writable: bool = False, threads: bool = False, rebuild: bool = False) -> None:
        """Open the index; `threads=True` lets one worker thread at a time use it (the TUI).

        A writer rebuilds an index of another version, or a damaged one, by itself: an index is
        derived from the corpus. A file that is not SQLite at all is never overwritten unasked:
        with `rebuild=True` it is moved aside to NAME.broken first."""
        self.path = Path(path)
        self.writable = writable
        self._vocab: Vocabulary | None = None
        self._documents: tuple[tuple[int, int], list] | None = None
        self._title_stems: tuple[list, dict[int, frozenset[str]], dict] | None = None
        self.rebuilt = False
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; give the index a file name")
        if not writable and not self.path.exists():
            raise StoreError(f"no index at {self.path}; run `doksvar index` first")
        if writable:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the index folder {self.path.parent}: {exc.strerror}") from None
            if self.path.exists() and self.path.stat().st_size and not _is_sqlite(self.path):
                if not rebuild:
                    raise StoreError(
                        f"{self.path} is not a doksvar index; `doksvar index --rebuild` moves it aside "
                        "and builds a new one"
                    )
                self._move_aside()
        try:
            self._connect(threads)
        except sqlite3.DatabaseError as exc:
            if not writable:
                raise StoreError(f"{self.path} is not a doksvar index ({exc}); run `doksvar index --rebuild`") from None
            # A damaged index of ours: it is derived data, so start it again.
            self._move_aside()
            try:
                self._connect(threads)
            except sqlite3.DatabaseError as exc2:
                raise StoreError(f"cannot open the index at {self.path}: {exc2}") from None

    def _connect(self, threads: bool) -> None:
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=not threads)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot open the index at {self.path}: {exc}") from None
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._prepare()
            if self.writable:
                self.conn.execute("PRAGMA quick_check").fetchone()
        except sqlite3.OperationalError as exc:
            self.conn.close()
            if "readonly" in str(exc) or "read-only" in str(exc) or "unable to open" in str(exc):
                raise StoreError(f"cannot write the index at {self.path}: {exc}") from None
            raise
        except sqlite3.DatabaseError:
            self.conn.close()
            raise

    def _move_aside(self) -> None:
        aside = self.path.with_name(self.path.name + ".broken")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    extra.unlink()
        except OSError as exc:
            raise StoreError(f"cannot move the damaged index {self.path} aside: {exc.strerror}") from None

    # ------------------------------------------------------------------ set-up

    def _prepare(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if version == SCHEMA_VERSION:
            if self.writable:
                self.conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL keeps the index consistent through a crash of the process;
                # only a power cut may lose the last transactions, which re-indexing redoes.
                self.conn.execute("PRAGMA synchronous = NORMAL")
            return
        if not self.writable:
            if not has_tables:
                raise StoreError(f"the index {self.path} is empty; run `doksvar index`")
            raise StoreError(
                f"the index {self.path} is of another version ({version}, this doksvar reads "
                f"{SCHEMA_VERSION}); run `doksvar index --rebuild`"
            )
        self.rebuild()

    def rebuild(self) -> None:
        """Drop everything and create the current schema (writers only)."""
        conn = self.conn
        conn.execute("PRAGMA journal_mode = WAL")
        with conn:
            names = conn.execute(
                "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
            for kind, name in names:
                if name.startswith("passages_fts_"):
                    continue  # shadow tables go with their virtual table
                conn.execute(f'DROP {"VIEW" if kind == "view" else "TABLE"} IF EXISTS "{name}"')
            conn.executescript("BEGIN;" + SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        self.rebuilt = True
        self._vocab = None

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read as of one moment: a writer's commits in between are not seen half-way (WAL)."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def refresh(self) -> None:
        """Forget cached look-ups after another connection changed the index."""
        self._vocab = None

    # ------------------------------------------------------------------ writing

    def index_files(
        self,
        files: Iterable[Path],
        prune: bool = True,
        on_page: Callable[[str, int, int], None] | None = None,
        workers: int | None = None,
    ) -> Iterator[Progress]:
        """Index each file whose content changed; drop documents whose file is gone.

        A file whose size and modification time are as recorded is not read again; otherwise its
        sha256 decides. `on_page(path, page, pages)` is called as each page of a PDF is read. With
        many text files to do, worker processes parse while this process writes."""
        from doksvar.ingest import PDF_SUFFIXES, read_bytes

        files = list(files)
        known = {
            row[0]: row[1:]
            for row in self.conn.execute("SELECT path, sha256, size, mtime_ns, lost_pages FROM documents")
        }
        total = len(files)
        # (progress count, path, key, fingerprint, may go to a worker): a file whose content
        # changed is read here for its hash and again where it is parsed, so that memory holds
        # one file at a time, not every changed one.
        todo: list[tuple[int, Path, str, tuple[int, int], bool]] = []
        for done, path in enumerate(files, 1):
            try:
                key = str(path.resolve())
            except (RuntimeError, OSError):  # a symlink loop: the path as given names it
                key = str(path.absolute())
            try:
                stat = path.stat()
                fingerprint = (stat.st_size, stat.st_mtime_ns)
            except OSError:
                stat, fingerprint = None, (-1, -1)
            if key in known and stat is not None and tuple(known[key][1:3]) == fingerprint and not path.is_dir():
                yield Progress("unchanged", str(path), done, total, lost_pages=_pages(known[key][3]))
                continue
            try:
                data = read_bytes(path)
            except DoksvarError as exc:
                yield Progress("failed", str(path), done, total, str(exc))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if key in known and known[key][0] == sha:
                with self.conn:
                    self.conn.execute("UPDATE documents SET size = ?, mtime_ns = ? WHERE path = ?", (*fingerprint, key))
                yield Progress("unchanged", str(path), done, total, lost_pages=_pages(known[key][3]))
                continue
            del data
            # PDFs are read here, where their per-page progress can be reported.
            todo.append((done, path, key, fingerprint, path.suffix.lower() not in PDF_SUFFIXES))
        pool = None
        if sum(1 for t in todo if t[4]) >= 8 and workers != 0:
            pool = _pool(workers)
        try:
            for done, prepared, key, fingerprint in self._prepared(todo, pool, on_page):
                path = prepared.path
                if prepared.doc is None:
                    yield Progress("failed", path, done, total, prepared.error)
                    continue
                self._write(prepared, key, fingerprint)
                doc = prepared.doc
                yield Progress(
                    "indexed",
                    path,
                    done,
                    total,
                    f"{len(doc.sections)} sections, {len(doc.passages)} passages, {len(doc.tables)} tables",
                    doc.lost_pages,
                )
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if prune:
            for key in known:
                if not os.path.exists(key):
                    with self.conn:
                        self._delete(key)
                    yield Progress("removed", key, total, total)
        self._vocab = None

    @staticmethod
    def _prepared(todo, pool, on_page):
        """Prepared documents in file order: from the pool a few files ahead, else one by one."""
        from collections import deque

        from doksvar.index.prepare import prepare

        pending: deque = deque()
        queue = deque(todo)
        ahead = 6
        while queue or pending:
            while pool is not None and queue and len(pending) < ahead and queue[0][4]:
                done, path, key, fingerprint, _ = queue.popleft()
                pending.append((done, pool.submit(prepare, path), key, fingerprint))
            if pending:
                done, future, key, fingerprint = pending.popleft()
                yield done, future.result(), key, fingerprint
                continue
            done, path, key, fingerprint, _ = queue.popleft()
            pages = (lambda k, n, p=str(path): on_page(p, k, n)) if on_page else None
            yield done, prepare(path, pages), key, fingerprint

    def _delete(self, key: str) -> None:
        row = self.conn.execute("SELECT id FROM documents WHERE path = ?", (key,)).fetchone()
        if row is None:
            return
        doc_id = row[0]
        c = self.conn
        c.execute("DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE doc_id = ?)", (doc_id,))
        c.execute("DELETE FROM cells WHERE table_id IN (SELECT id FROM tables WHERE doc_id = ?)", (doc_id,))
        for table in ("facts", "tables", "passages", "sections"):
            c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _write(self, prepared, key: str, fingerprint: tuple[int, int]) -> None:
        """Replace one document in a single transaction: a crash leaves the old one whole."""
        doc, facts, fts_rows = prepared.doc, prepared.facts, prepared.fts_rows
        c = self.conn
        with c:
            self._delete(key)
            cur = c.execute(
                "INSERT INTO documents (path, name, title, sha256, text, seams, indexed_at, size, mtime_ns, meta, "
                "lost_pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    doc.name,
                    doc.title,
                    doc.sha256,
                    doc.text,
                    json.dumps(doc.seams),
                    time.time(),
                    *fingerprint,
                    json.dumps(doc.meta, ensure_ascii=False),
                    json.dumps(doc.lost_pages, ensure_ascii=False),
                ),
            )
            doc_id = cur.lastrowid
            c.executemany(
                "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (doc_id, k, s.number, s.title, s.level, s.parent, s.start, s.end, s.page)
                    for k, s in enumerate(doc.sections)
                ],
            )
            table_ids = []
            for k, t in enumerate(doc.tables):
                cur = c.execute(
                    'INSERT INTO tables (doc_id, ord, caption, section, header, start, "end", page) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, k, t.caption, t.section, json.dumps(t.header, ensure_ascii=False), t.start, t.end, t.page),
                )
                table_ids.append(cur.lastrowid)
                c.executemany(
                    "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (cur.lastrowid, x.row, x.col, x.row_label, x.col_label, x.text, x.value, x.start, x.end)
                        for x in t.cells
                    ],
                )
            first = (c.execute("SELECT coalesce(max(id), 0) FROM passages").fetchone()[0]) + 1
            passage_ids = list(range(first, first + len(doc.passages)))
            c.executemany(
                'INSERT INTO passages (id, doc_id, ord, kind, section, label, grp, start, "end", text, '
                "sentences, tbl, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        pid,
                        doc_id,
                        k,
                        p.kind,
                        p.section,
                        p.label,
                        p.group,
                        p.start,
                        p.end,
                        p.text,
                        json.dumps(p.sentences),
                        table_ids[p.table] if p.table is not None else None,
                        p.page,
                    )
                    for k, (pid, p) in enumerate(zip(passage_ids, doc.passages, strict=True))
                ],
            )
            c.executemany(
                "INSERT INTO passages_fts (rowid, title, stems) VALUES (?, ?, ?)",
                [
                    (pid, title, stemmed)
                    for pid, p, (title, stemmed) in zip(passage_ids, doc.passages, fts_rows, strict=True)
                ],
            )
            c.executemany(
                'INSERT INTO facts (doc_id, passage_id, kind, data, start, "end", direction, sortkey, total) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id,
                        passage_ids[f.passage],
                        f.kind,
                        json.dumps(f.data, ensure_ascii=False),
                        f.start,
                        f.end,
                        *_fact_keys(f.kind, f.data),
                    )
                    for f in facts
                ],
            )

    # ------------------------------------------------------------------ reading

    @property
    def vocab(self) -> Vocabulary:
        if self._vocab is None:
            self._vocab = Vocabulary(self.conn)
        return self._vocab

    def counts(self) -> dict[str, int]:
        """Numbers of documents, sections, passages and tables in the index."""
        q = self.conn.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "sections": q("SELECT count(*) FROM sections").fetchone()[0],
            "passages": q("SELECT count(*) FROM passages").fetchone()[0],
            "tables": q("SELECT count(*) FROM tables").fetchone()[0],
        }

    def documents(self) -> list[tuple[int, str, str, str]]:
        """(id, name, title, path) of every indexed document (kept until the index changes)."""
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if self._documents is None or self._documents[0] != version:
            rows = self.conn.execute("SELECT id, name, title, path FROM documents ORDER BY name").fetchall()
            self._documents = (version, rows)
        return self._documents[1]

    def title_stems(self) -> dict[int, frozenset[str]]:
        """The stems of each document's title (kept until the index changes)."""
        docs = self.documents()
        if self._title_stems is None or self._title_stems[0] is not docs:
            self._title_stems = (docs, {d[0]: frozenset(stems(d[2])) for d in docs}, {})
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
        out = []
        for doc_id, doc_name, title, _ in self.documents():
            if want in (doc_name.lower(), Path(doc_name).stem.lower()) or want in title.lower():
                out.append(doc_id)
        return out

    def documents_holding(self, term: Term, limit: int | None = None) -> set[int]:
        """Ids of documents with a passage that holds the term; with `limit`, at most that many (the
        question "is it in few documents?" needs no more)."""
        expr = match_expression([term], "OR")
        if not expr:
            return set()
        sql = (
            "SELECT DISTINCT p.doc_id FROM passages_fts f JOIN passages p ON p.id = f.rowid WHERE passages_fts MATCH ?"
        )
        params: list = [expr]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return {r[0] for r in self.conn.execute(sql, params)}

    def document_text(self, doc_id: int) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else ""

    def metadata(self, doc_id: int) -> tuple[tuple[str, str], ...]:
        """The document's front matter as (key, value) pairs."""
        row = self.conn.execute("SELECT meta FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return tuple((k, v) for k, v in json.loads(row[0])) if row else ()

    def seams(self, doc_id: int) -> tuple[int, ...]:
        row = self.conn.execute("SELECT seams FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return tuple(json.loads(row[0])) if row else ()

    def sections(self, doc_id: int) -> list[Section]:
        rows = self.conn.execute(
            'SELECT number, title, level, parent, start, "end", page FROM sections WHERE doc_id = ? ORDER BY ord',
            (doc_id,),
        )
        return [Section(*r) for r in rows]

    def section_title(self, doc_id: int, number: str) -> str:
        row = self.conn.execute(
            "SELECT title FROM sections WHERE doc_id = ? AND number = ?", (doc_id, number)
        ).fetchone()
        return row[0] if row else ""

    _PASSAGE_COLUMNS = (
        'p.id, p.doc_id, d.name, p.kind, p.section, p.label, p.grp, p.start, p."end", p.text, '
        "p.sentences, p.tbl, p.page, coalesce(s.title, '')"
    )
    _PASSAGE_JOIN = (
        "FROM passages p JOIN documents d ON d.id = p.doc_id "
        "LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.number = p.section"
    )

    def _stored(self, row: tuple) -> StoredPassage:
        pid, doc_id, name, kind, section, label, grp, start, end, text, sents, tbl, page, stitle = row
        sentences = tuple(tuple(x) for x in json.loads(sents))
        passage = Passage(kind, section, label, grp, start, end, text, sentences, tbl, page)
        return StoredPassage(pid, doc_id, name, passage, stitle)

    def passages(self, ids: Iterable[int]) -> dict[int, StoredPassage]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT {self._PASSAGE_COLUMNS} {self._PASSAGE_JOIN} WHERE p.id IN ({marks})", ids)
        return {r[0]: self._stored(r) for r in rows}

    def document_passages(self, doc_id: int) -> list[StoredPassage]:
        rows = self.conn.execute(
            f"SELECT {self._PASSAGE_COLUMNS} {self._PASSAGE_JOIN} WHERE p.doc_id = ? ORDER BY p.ord", (doc_id,)
        )
        return [self._stored(r) for r in rows]

    def passage_at(self, doc_id: int, offset: int) -> StoredPassage | None:
        """The passage holding `offset` in the document's text, if any."""
        row = self.conn.execute(
            f"SELECT {self._PASSAGE_COLUMNS} {self._PASSAGE_JOIN} WHERE p.doc_id = ? AND p.start <= ? AND p.end > ? "
            "ORDER BY p.start DESC LIMIT 1",
            (doc_id, offset, offset),
        ).fetchone()
        return self._stored(row) if row else None

    def terms(self, text: str) -> list[Term]:
        """The content terms of `text` as this index knows them."""
        return analyse(text, self.vocab)

    def match(
        self,
        terms: list[Term],
        limit: int = 50,
        section: str | None = None,
        doc_ids: Collection[int] | None = None,
        any_term: bool = False,
    ) -> list[tuple[int, float]]:
        """(passage id, bm25) of passages matching all terms, or failing that (or with `any_term`)
        any of them."""
        if any_term:
            terms = selective(terms, self.vocab)
        for mode in ("OR",) if any_term else ("AND", "OR"):
            expr = match_expression(terms, mode)
            if not expr:
                return []
            sql = f"SELECT f.rowid, bm25(passages_fts, {', '.join(map(str, BM25_WEIGHTS))}) AS r FROM passages_fts f"
            params: list = [expr]
            if section or doc_ids is not None:
                sql += " JOIN passages p ON p.id = f.rowid WHERE passages_fts MATCH ?"
                if section:
                    sql += " AND (p.section = ? OR p.section LIKE ?)"
                    params += [section, section + ".%"]
                if doc_ids is not None:
                    sql += f" AND p.doc_id IN ({','.join('?' * len(doc_ids))})"
                    params += list(doc_ids)
            else:
                sql += " WHERE passages_fts MATCH ?"
            sql += " ORDER BY r LIMIT ?"
            params.append(limit)
            rows = self.conn.execute(sql, params).fetchall()
            if rows or len([t for t in terms if t.found]) < 2:
                return rows
        return []

    def search(
        self, query: str, limit: int = 10, section: str | None = None, doc_ids: Collection[int] | None = None
    ) -> list[SearchHit]:
        """Keyword search: ranked passages with snippets, hits marked."""
        with self.snapshot():
            return self._search(query, limit, section, doc_ids)

    def _search(
        self, query: str, limit: int, section: str | None, doc_ids: Collection[int] | None = None
    ) -> list[SearchHit]:
        terms = [t for t in self.terms(query) if t.found]
        if not terms:
            return []
        ranked = self.match(terms, limit * 3, section, doc_ids)
        stored = self.passages(i for i, _ in ranked)
        wanted = {a for t in terms for a in t.alternatives}
        hits = []
        for pid, score in ranked:
            sp = stored.get(pid)
            if sp is None:
                continue
            snippet, offsets = make_snippet(sp.passage, wanted)
            # The word itself ranks above compounds that merely hold it.
            own = set(_stemmed(sp.passage.text).split())
            exact = sum(1 for t in terms if t.how != "compound" and any(a in own for a in t.alternatives[:2]))
            hits.append((-exact, score, SearchHit(sp, score, snippet, offsets)))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]

    def facts(
        self,
        kind: str,
        doc_ids: Collection[int] | None = None,
        passage_ids: Collection[int] | None = None,
        direction: str | None = None,
        total: bool | None = None,
        best: int | None = None,
    ) -> list[tuple[int, int, dict, int, int]]:
        """(doc_id, passage_id, data, start, end) of the extracted facts of one kind.

        Filters by document, passage, direction (deviations) and total; `best` keeps that many,
        largest deviation or best ranking place first."""
        sql = 'SELECT doc_id, passage_id, data, start, "end" FROM facts WHERE kind = ?'
        params: list = [kind]
        for column, values in (("doc_id", doc_ids), ("passage_id", passage_ids)):
            if values is not None:
                sql += f" AND {column} IN ({','.join('?' * len(values))})"
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
        return [(d, p, json.loads(x), s, e) for d, p, x, s, e in self.conn.execute(sql, params)]

    def tables(self, ids: Collection[int] | None = None) -> list[tuple[int, int, str, str, list[str], int, int]]:
        """(id, doc_id, caption, section, header, start, end) of the given tables, or of all."""
        sql = 'SELECT id, doc_id, caption, section, header, start, "end" FROM tables'
        params: list = []
        if ids is not None:
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            params = list(ids)
        rows = self.conn.execute(sql + " ORDER BY id", params)
        return [(i, d, c, s, json.loads(h), a, b) for i, d, c, s, h, a, b in rows]

    def table_holding(self, doc_id: int, offset: int) -> int | None:
        """The id of the table whose rows hold `offset` in the document's text, if any."""
        row = self.conn.execute(
            'SELECT id FROM tables WHERE doc_id = ? AND start <= ? AND "end" > ? ORDER BY start DESC LIMIT 1',
            (doc_id, offset, offset),
        ).fetchone()
        return row[0] if row else None

    def table_start(self, doc_id: int, offset: int) -> int | None:
        """Where the table holding `offset` (its end included) starts, if one does."""
        row = self.conn.execute(
            'SELECT start FROM tables WHERE doc_id = ? AND start <= ? AND "end" >= ? ORDER BY start DESC LIMIT 1',
            (doc_id, offset, offset),
        ).fetchone()
        return row[0] if row else None

    def document_version(self, doc_id: int) -> tuple[str, str] | None:
        """(name, sha256) of a document, or None when it is not in the index."""
        row = self.conn.execute("SELECT name, sha256 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def page_at(self, doc_id: int, offset: int) -> int | None:
        """The page of the passage at or before `offset`, if the document has pages."""
        row = self.conn.execute(
            "SELECT page FROM passages WHERE doc_id = ? AND start <= ? ORDER BY start DESC LIMIT 1",
            (doc_id, offset),
        ).fetchone()
        return row[0] if row else None

    def labels_at(self, doc_id: int, offset: int) -> tuple[str, str]:
        """(sub-heading, row group) of the passage at or before `offset`."""
        row = self.conn.execute(
            "SELECT label, grp FROM passages WHERE doc_id = ? AND start <= ? ORDER BY start DESC LIMIT 1",
            (doc_id, offset),
        ).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def section_titles(self) -> list[tuple[str, str]]:
        """(number, title) of every section of the index, each pair once."""
        return self.conn.execute("SELECT DISTINCT number, title FROM sections").fetchall()

    def candidate_tables(self, terms: list[Term], doc_ids: Collection[int] | None = None, limit: int = 12) -> list[int]:
        """Tables whose rows, caption or header hold any of the terms, best match first."""
        expr = match_expression(selective(terms, self.vocab), "OR")
        if not expr:
            return []
        sql = (
            "SELECT p.tbl, t.caption FROM passages_fts f JOIN passages p ON p.id = f.rowid "
            "JOIN tables t ON t.id = p.tbl WHERE passages_fts MATCH ? AND p.tbl IS NOT NULL"
        )
        params: list = [expr]
        if doc_ids is not None:
            sql += f" AND p.doc_id IN ({','.join('?' * len(doc_ids))})"
            params += list(doc_ids)
        sql += f" ORDER BY bm25(passages_fts, {', '.join(map(str, BM25_WEIGHTS))}) LIMIT 300"
        out: list[int] = []
        per_caption: dict[str, int] = {}
        for tbl, caption in self.conn.execute(sql, params):
            # Many reports hold tables of the same caption: keep a few of each, so others get a turn.
            if tbl in out or per_caption.get(caption, 0) >= 2:
                continue
            per_caption[caption] = per_caption.get(caption, 0) + 1
            out.append(tbl)
            if len(out) >= limit:
                break
        return out

    def cells(self, table_id: int) -> list[tuple[int, int, str, str, str, float | None, int, int]]:
        """(row, col, row_label, col_label, text, value, start, end) of one table's cells."""
        return self.conn.execute(
            'SELECT row, col, row_label, col_label, text, value, start, "end" FROM cells '
            "WHERE table_id = ? ORDER BY row, col",
            (table_id,),
        ).fetchall()


def _pages(stored: str) -> tuple[tuple[int, str], ...]:
    """The lost pages of a document as stored: (page, why) pairs."""
    return tuple((page, why) for page, why in json.loads(stored))


def _fact_keys(kind: str, data: dict) -> tuple[str | None, float | None, int]:
    """The columns facts are filtered and sorted by: direction, size or place, total."""
    if kind == "deviation":
        return data.get("direction"), data.get("mkr"), int(bool(data.get("total")))
    if kind == "ranking":
        of = data.get("of") or 290
        return ("target" if data.get("target") else "place"), data["rank"] / of + data["rank"] / 1e6, 0
    return None, None, 0


def _pool(workers: int | None):
    """Worker processes for parsing: one per core beyond this one, at least one."""
    from concurrent.futures import ProcessPoolExecutor

    count = workers or max(1, (os.cpu_count() or 2))
    return ProcessPoolExecutor(max_workers=count, initializer=_die_with_parent)


def _die_with_parent() -> None:
    """A worker ends when the indexing process ends, even by SIGKILL (Linux); elsewhere no-op."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _stemmed(text: str) -> str:
    return stemmed_text(text)


def make_snippet(passage: Passage, wanted: set[str], width: int = 220) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the passage around its first hit, hits between « and », and their offsets."""
    text = passage.text
    spans = [(a, b) for w, a, b in tokens(text) if stem(w) in wanted]
    if not spans:
        return text[:width] + ("…" if len(text) > width else ""), ()
    first = spans[0][0]
    lo = max(0, first - width // 3)
    if lo:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < first else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > spans[0][1] else hi
    out, pos = [], lo
    for a, b in spans:
        if a < lo or b > hi:
            continue
        out.append(text[pos:a])
        out.append("«" + text[a:b] + "»")
        pos = b
    out.append(text[pos:hi])
    snippet = ("…" if lo else "") + "".join(out) + ("…" if hi < len(text) else "")
    return snippet, tuple((passage.start + a, passage.start + b) for a, b in spans)
