"""Writing the index: files to documents (in worker processes when many), documents to rows, in
batches that are each one transaction, so that a crash leaves every document whole or absent."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from doksvar.errors import DoksvarError
from doksvar.index.prepare import Prepared, prepare

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

BATCH_DOCUMENTS = 50
"""Documents written in one transaction at most: a commit costs about as much as writing a small
report, and more as the index grows, so it is paid once per batch, not per document."""
BATCH_SECONDS = 0.5
"""Seconds a batch stays open at most, so that readers see new documents soon after they are read."""
POOL_FROM = 8
"""Text files to parse from which worker processes are worth starting (about 0.1 s each)."""
AHEAD = 6
"""Files handed to the worker pool ahead of the one being written: enough to keep every core busy,
few enough that memory holds only a handful of parsed reports."""


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
class _Todo:
    """A file whose content changed, to be parsed and written."""

    done: int
    """Its place in the run, for progress."""
    path: Path
    """The file as given."""
    key: str
    """Its resolved path, the key it is indexed under."""
    fingerprint: tuple[int, int]
    """(size, mtime_ns) when it was looked at."""
    parallel: bool
    """Whether a worker process may parse it (PDFs are read here, to report each page)."""


class Writer:
    """Writes documents into one index connection (the only writer of that index file)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

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
        many text files to do, worker processes parse while this process writes. Progress is
        reported per file; a file reported "indexed" is committed with the rest of its batch, at
        the latest when the run ends or is abandoned, unless an error stops the writer inside a
        document: then that batch is rolled back whole, as a crash would leave it."""
        files = list(files)
        total = len(files)
        known: dict[str, tuple[str, int, int, str]] = {
            row[0]: row[1:]
            for row in self.conn.execute("SELECT path, sha256, size, mtime_ns, lost_pages FROM documents")
        }
        todo: list[_Todo] = []
        for step in self._changed(files, known):
            if isinstance(step, Progress):
                yield step
            else:
                todo.append(step)
        yield from self._write_all(todo, total, on_page, workers)
        if prune:
            for key in known:
                if not os.path.exists(key):
                    with self.conn:
                        self._delete(key)
                    yield Progress("removed", key, total, total)

    def _changed(self, files: list[Path], known: dict[str, tuple[str, int, int, str]]) -> Iterator[Progress | _Todo]:
        """The files to write, and progress for those unchanged or unreadable.

        A file whose content changed is read here for its hash and again where it is parsed, so
        that memory holds one file at a time, not every changed one."""
        from doksvar.ingest import PDF_SUFFIXES, read_bytes

        total = len(files)
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
            del data
            if key in known and known[key][0] == sha:
                with self.conn:
                    self.conn.execute("UPDATE documents SET size = ?, mtime_ns = ? WHERE path = ?", (*fingerprint, key))
                yield Progress("unchanged", str(path), done, total, lost_pages=_pages(known[key][3]))
                continue
            yield _Todo(done, path, key, fingerprint, path.suffix.lower() not in PDF_SUFFIXES)

    def _write_all(
        self,
        todo: list[_Todo],
        total: int,
        on_page: Callable[[str, int, int], None] | None,
        workers: int | None,
    ) -> Iterator[Progress]:
        """Parse and write the changed files in order, in batches of one transaction each."""
        pool = None
        if sum(1 for t in todo if t.parallel) >= POOL_FROM and workers != 0:
            pool = _pool(workers)
        batch = _Batch(self.conn)
        try:
            for item, prepared in _prepared(todo, pool, on_page):
                if prepared.rows is None:
                    yield Progress("failed", prepared.path, item.done, total, prepared.error)
                    continue
                with batch.document():
                    self._write(prepared, item.key, item.fingerprint)
                yield Progress("indexed", prepared.path, item.done, total, prepared.summary, prepared.lost_pages)
                batch.commit_if_due()
        finally:
            # The documents written so far are whole: keep them, also when the run is abandoned.
            batch.commit()
            if pool is not None:
                pool.shutdown(cancel_futures=True)

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

    def _write(self, prepared: Prepared, key: str, fingerprint: tuple[int, int]) -> None:
        """Replace one document, inside the open transaction of its batch.

        Its rows come ready from `prepare`: what is left here is giving them their ids. A row id
        is the table's largest plus one, as SQLite would give it, so a document's passages and
        tables take consecutive ids counted from the first."""
        rows = prepared.rows
        assert rows is not None
        c = self.conn
        self._delete(key)
        name, title, sha256, text, seams, meta, lost_pages = rows.document
        doc_id = c.execute(
            "INSERT INTO documents (path, name, title, sha256, text, seams, indexed_at, size, mtime_ns, meta, "
            "lost_pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, name, title, sha256, text, seams, time.time(), *fingerprint, meta, lost_pages),
        ).lastrowid
        c.executemany("INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(doc_id, *r) for r in rows.sections])
        tables = c.execute("SELECT coalesce(max(id), 0) + 1 FROM tables").fetchone()[0]
        c.executemany(
            'INSERT INTO tables (id, doc_id, ord, caption, section, header, start, "end", page) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(tables + r[0], doc_id, *r) for r in rows.tables],
        )
        c.executemany(
            "INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(tables + r[0], *r[1:]) for r in rows.cells]
        )
        first = c.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
        c.executemany(
            'INSERT INTO passages (id, doc_id, ord, kind, section, label, grp, start, "end", text, '
            "sentences, tbl, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + r[0], doc_id, *r[:9], None if r[9] is None else tables + r[9], r[10]) for r in rows.passages],
        )
        c.executemany(
            "INSERT INTO passages_fts (rowid, title, stems) VALUES (?, ?, ?)",
            [(first + k, title, stems) for k, (title, stems) in enumerate(rows.fts)],
        )
        c.executemany(
            'INSERT INTO facts (doc_id, passage_id, kind, data, start, "end", direction, sortkey, total) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, first + r[0], *r[1:]) for r in rows.facts],
        )


class _Batch:
    """Documents written in one transaction, committed every BATCH_DOCUMENTS or BATCH_SECONDS.

    A batch is all or nothing, for a crash and for an error alike: when a document's writes fail
    half-way, the whole batch is rolled back and the error raised, so that every document stays
    whole or as it was. (A savepoint per document would undo it alone, but makes FTS5 write its
    pending rows out at each one: that took a quarter of the writer's time.)"""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.count = 0
        self.opened = 0.0

    @contextmanager
    def document(self) -> Iterator[None]:
        """One document's writes, in the batch's transaction (opened by the first of them)."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            self.opened = time.monotonic()
            self.count = 0
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # SQLite may have rolled the batch back itself
                self.conn.rollback()
            raise
        self.count += 1

    def commit_if_due(self) -> None:
        if self.count >= BATCH_DOCUMENTS or time.monotonic() - self.opened >= BATCH_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.commit()


def _prepared(
    todo: list[_Todo], pool: ProcessPoolExecutor | None, on_page: Callable[[str, int, int], None] | None
) -> Iterator[tuple[_Todo, Prepared]]:
    """Prepared documents in file order: from the pool a few files ahead, else one by one."""
    pending: deque[tuple[_Todo, Future[Prepared]]] = deque()
    queue = deque(todo)
    while queue or pending:
        while pool is not None and queue and len(pending) < AHEAD and queue[0].parallel:
            item = queue.popleft()
            pending.append((item, pool.submit(prepare, item.path)))
        if pending:
            item, future = pending.popleft()
            yield item, future.result()
            continue
        item = queue.popleft()
        yield item, prepare(item.path, partial(on_page, str(item.path)) if on_page else None)


def _pages(stored: str) -> tuple[tuple[int, str], ...]:
    """The lost pages of a document as stored: (page, why) pairs."""
    return tuple((page, why) for page, why in json.loads(stored))


def _pool(workers: int | None) -> ProcessPoolExecutor:
    """Worker processes for parsing: `workers` of them, else one per core (this process mostly
    waits on SQLite while they parse)."""
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
