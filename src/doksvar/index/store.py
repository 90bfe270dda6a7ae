"""The index file: `Store` opens it (creating, upgrading or rebuilding it as a writer), reads and
searches it (`read.py`, `search.py`), and writes it (`write.py`)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from doksvar.errors import StoreError
from doksvar.index.schema import SCHEMA, SCHEMA_VERSION
from doksvar.index.search import Searcher

if TYPE_CHECKING:
    from doksvar.index.write import Progress

BUSY_TIMEOUT_MS = 10_000
"""How long a connection waits for another's lock before it gives up: a writer's batch commits in
well under a second, so only a stuck process makes a reader or a second writer wait this long."""


WRITER_CACHE_KIB = 32 * 1024
"""The writer's page cache: with SQLite's default of 2 MB, adding 300 reports to an index of 10,000
made 282,000 reads of a page, with this 197,000 (64 MB: 193,000); FTS5 merging its segments reads
most of them. Readers keep the default: their time goes to FTS5 ranking, not to reading pages."""


class Store(Searcher):
    """One index file. Open it with `Store(path)` to read and search it (answering needs no more);
    `writable=True` creates or upgrades it and lets `index_files` write it."""

    def __init__(self, path: str | Path, writable: bool = False, threads: bool = False, rebuild: bool = False) -> None:
        """Open the index; `threads=True` lets one worker thread at a time use it (the TUI).

        A writer rebuilds an index of another version, or a damaged one, by itself: an index is
        derived from the corpus. A file that is not SQLite at all is never overwritten unasked:
        with `rebuild=True` it is moved aside to NAME.broken first."""
        self.path = Path(path)
        self.writable = writable
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
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=not threads)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot open the index at {self.path}: {exc}") from None
        super().__init__(conn)  # the reader's caches start empty with each connection
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

    def _prepare(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        has_tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if version == SCHEMA_VERSION:
            if self.writable:
                self._writer_pragmas()
            return
        if not self.writable:
            if not has_tables:
                raise StoreError(f"the index {self.path} is empty; run `doksvar index`")
            raise StoreError(
                f"the index {self.path} is of another version ({version}, this doksvar reads "
                f"{SCHEMA_VERSION}); run `doksvar index --rebuild`"
            )
        self.rebuild()

    def _writer_pragmas(self) -> None:
        self.conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL keeps the index consistent through a crash of the process; only a
        # power cut may lose the last transactions, which re-indexing redoes.
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")

    def rebuild(self) -> None:
        """Drop everything and create the current schema (writers only)."""
        conn = self.conn
        self._writer_pragmas()
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
        self.refresh()

    def close(self) -> None:
        self.conn.close()

    def index_files(
        self,
        files: Iterable[Path],
        prune: bool = True,
        on_page: Callable[[str, int, int], None] | None = None,
        workers: int | None = None,
    ) -> Iterator[Progress]:
        """Index each changed file and drop documents whose file is gone (`write.Writer.index_files`)."""
        from doksvar.index.write import Writer

        try:
            yield from Writer(self.conn).index_files(files, prune, on_page, workers)
        finally:
            self.refresh()


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
