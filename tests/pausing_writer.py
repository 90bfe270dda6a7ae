"""`doksvar` with its index writer held inside the transaction of one document, for tests of what
a crash or a reader meets there, without depending on how fast the machine is.

Usage: python tests/pausing_writer.py N BATCH DOKSVAR-ARGUMENTS...

When the N-th document this run writes has its rows in the index but is not yet committed, it
prints "paused" and the process ids of its parsing workers on stderr, then waits for a line on
stdin (a test kills it there, or lets it go on). With BATCH above 0 the writer commits after every
BATCH documents and never by the clock, so what a crash leaves is known in advance; with 0 it
batches as it does by itself.
"""

from __future__ import annotations

import multiprocessing
import sys

from doksvar.cli import main
from doksvar.index import write


def _hold_at(n: int) -> None:
    original = write.Writer._write
    written = 0

    def pausing_write(self, prepared, key, fingerprint):
        nonlocal written
        written += 1
        if written != n:
            return original(self, prepared, key, fingerprint)
        conn = self.conn
        self.conn = _Pausing(conn)
        try:
            return original(self, prepared, key, fingerprint)
        finally:
            self.conn = conn

    write.Writer._write = pausing_write


def _batch(documents: int) -> None:
    if documents > 0:
        write.BATCH_DOCUMENTS = documents
        write.BATCH_SECONDS = float("inf")


class _Pausing:
    """A connection that stops once the passages' search rows are written, inside the transaction."""

    def __init__(self, conn) -> None:
        self._conn = conn

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __enter__(self):
        return self._conn.__enter__()

    def __exit__(self, *exc):
        return self._conn.__exit__(*exc)

    def executemany(self, sql, rows):
        cursor = self._conn.executemany(sql, rows)
        if "passages_fts" in sql:
            assert self._conn.in_transaction
            workers = " ".join(str(p.pid) for p in multiprocessing.active_children())
            print(f"paused {workers}".strip(), file=sys.stderr, flush=True)
            sys.stdin.readline()
        return cursor


if __name__ == "__main__":
    _hold_at(int(sys.argv[1]))
    _batch(int(sys.argv[2]))
    sys.exit(main(sys.argv[3:]))
