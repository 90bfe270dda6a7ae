"""The SQLite schema of the index, with its version in PRAGMA user_version."""

from __future__ import annotations

# Bumped whenever the tables or what ingest and fact extraction write change: an index of another
# version is rebuilt, never misread.
SCHEMA_VERSION = 30

SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    seams TEXT NOT NULL,
    indexed_at REAL NOT NULL,
    size INTEGER NOT NULL DEFAULT -1,
    mtime_ns INTEGER NOT NULL DEFAULT -1,
    meta TEXT NOT NULL DEFAULT '[]',
    lost_pages TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE sections (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page INTEGER,
    PRIMARY KEY (doc_id, ord)
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    section TEXT NOT NULL,
    label TEXT NOT NULL,
    grp TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentences TEXT NOT NULL,
    tbl INTEGER,
    page INTEGER
);
CREATE INDEX passages_doc ON passages(doc_id, ord);
CREATE TABLE tables (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    caption TEXT NOT NULL,
    section TEXT NOT NULL,
    header TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    page INTEGER
);
CREATE INDEX tables_doc ON tables(doc_id, ord);
CREATE TABLE cells (
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    row INTEGER NOT NULL,
    col INTEGER NOT NULL,
    row_label TEXT NOT NULL,
    col_label TEXT NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX cells_table ON cells(table_id, row, col);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    direction TEXT,
    sortkey REAL,
    total INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX facts_kind ON facts(kind, doc_id);
CREATE INDEX facts_sorted ON facts(kind, direction, total, sortkey);
CREATE INDEX facts_passage ON facts(passage_id);
CREATE VIRTUAL TABLE passages_fts USING fts5(
    title, stems,
    tokenize = "unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'col');
"""

# bm25 weights of the FTS columns: title (section, sub-heading, caption), stems of the text.
# The text itself lives in `passages`: indexing it a second time unstemmed bought nothing.
BM25_WEIGHTS = (2.0, 1.0)
