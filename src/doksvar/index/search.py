"""Full-text search of the index: query terms, ranked matches, keyword search with snippets."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass

from doksvar.index.query import Term, analyse, marks, match_expression, selective
from doksvar.index.read import Reader
from doksvar.index.rows import StoredPassage
from doksvar.index.schema import BM25_WEIGHTS
from doksvar.index.vocabulary import Vocabulary
from doksvar.lang.lazy import lazy
from doksvar.lang.words import stem, stemmed_text, tokens
from doksvar.model import Passage

# Table rows holding a term that are read to see whether one is named by it.
ROW_NAMES = 40

# bm25() over the FTS columns with their weights, for ORDER BY.
_BM25 = f"bm25(passages_fts, {', '.join(map(str, BM25_WEIGHTS))})"


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


class Searcher(Reader):
    """The reader with full-text search over the passages' stems and titles."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn)
        self._vocab: Vocabulary | None = None

    @property
    def vocab(self) -> Vocabulary:
        """The index's stems and their passage counts (read once, until `refresh`)."""
        if self._vocab is None:
            self._vocab = Vocabulary(self.conn)
        return self._vocab

    def refresh(self) -> None:
        """Forget cached look-ups after the index changed (by this connection or another)."""
        self._vocab = None

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
        any of the selective ones."""
        for mode in ("OR",) if any_term else ("AND", "OR"):
            expr = match_expression(selective(terms, self.vocab) if mode == "OR" else terms, mode)
            if not expr:
                return []
            rows = self._ranked(expr, limit, doc_ids, section)
            if rows or len([t for t in terms if t.found]) < 2:
                return rows
        return []

    def _ranked(
        self,
        expr: str,
        limit: int,
        doc_ids: Collection[int] | None = None,
        section: str | None = None,
        tables: bool = False,
    ) -> list[tuple]:
        """The first `limit` passages matching `expr`, best first, as (row id, rank), from the given
        documents and section or all; with `tables`, table rows only, as (row id, rank, table, caption).

        Within a snapshot, a query asked before of the same version of the index (answering asks the
        same terms for several kinds of answer, and a conversation asks them again) is served from
        the rows of its widest asking, whose order is total (ties by row id), so that fewer rows are
        a prefix of more."""
        key = (expr, section, tables, None if doc_ids is None else tuple(sorted(doc_ids)))
        kept = self._live.matched if self._live is not None else None
        cached = kept.get(key) if kept is not None else None
        if cached is not None and (cached[0] >= limit or len(cached[1]) < cached[0]):
            return cached[1][:limit]
        columns = f"f.rowid, {_BM25}"
        joins: list[str] = []
        where = ["passages_fts MATCH ?"]
        params: list[object] = [expr]
        if tables or section or doc_ids is not None:
            joins.append("JOIN passages p ON p.id = f.rowid")
        if tables:
            columns += ", p.tbl, t.caption"
            joins.append("JOIN tables t ON t.id = p.tbl")
            where.append("p.tbl IS NOT NULL")
        if section:
            where.append("(p.section = ? OR p.section LIKE ?)")
            params += [section, section + ".%"]
        if doc_ids is not None:
            where.append(f"p.doc_id IN ({marks(doc_ids)})")
            params += list(doc_ids)
        sql = (
            f"SELECT {columns} FROM passages_fts f {' '.join(joins)} WHERE {' AND '.join(where)} ORDER BY 2, 1 LIMIT ?"
        )
        rows = self.conn.execute(sql, [*params, limit]).fetchall()
        if kept is not None:
            kept[key] = (limit, rows)
        return rows

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
            own = set(stemmed_text(sp.passage.text).split())
            exact = sum(1 for t in terms if t.how != "compound" and any(a in own for a in t.alternatives[:2]))
            hits.append((-exact, score, SearchHit(sp, score, snippet, offsets)))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]

    def candidate_tables(self, terms: list[Term], doc_ids: Collection[int] | None = None, limit: int = 12) -> list[int]:
        """Tables whose rows, caption or header hold any of the terms, best match first."""
        expr = match_expression(selective(terms, self.vocab), "OR")
        if not expr:
            return []
        out: list[int] = []
        per_caption: dict[str, int] = {}
        for _, _, tbl, caption in self._ranked(expr, 300, doc_ids, tables=True):
            # Many reports hold tables of the same caption: keep a few of each, so others get a turn.
            if tbl in out or per_caption.get(caption, 0) >= 2:
                continue
            per_caption[caption] = per_caption.get(caption, 0) + 1
            out.append(tbl)
            if len(out) >= limit:
                break
        return out

    def names_row(self, term: Term, doc_ids: Collection[int] | None = None, within: str | None = None) -> bool:
        """Whether a table row of the documents is named by the term: its label's first word is the
        term ("Hemtjänst", "Bibliotek"), as a report's tables name the items it is about. With
        `within`, only a label of several words that the text quotes whole ("barn och unga")."""
        expr = match_expression([term], "OR")
        if not expr:
            return False
        # Its forms, not the compounds that hold it ("driftbidrag" is no row named "drift").
        own = {term.stem, *(a for a in term.alternatives if len(a) <= len(term.stem) + 1)}
        rows = self._ranked(expr, ROW_NAMES, doc_ids, tables=True)
        quoted = " ".join(w for w, _, _ in tokens(within.lower())) if within is not None else ""
        for sp in self.passages(r[0] for r in rows).values():
            # "Svenska för invandrare (SFI)" is named by its words, its abbreviation left off.
            name = _ABBREVIATION_AFTER.sub("", sp.passage.text.split("\t", 1)[0])
            label = [w.lower() for w, _, _ in tokens(name)]
            if within is not None:
                if len(label) >= 2 and f" {' '.join(label)} " in f" {quoted} ":
                    return True
            elif label and any(stem(w) in own for w in _conjuncts(label)):
                return True
        return False

    def documents_holding(self, term: Term, limit: int | None = None) -> set[int]:
        """Ids of documents with a passage that holds the term; with `limit`, at most that many (the
        question "is it in few documents?" needs no more)."""
        expr = match_expression([term], "OR")
        if not expr:
            return set()
        sql = (
            "SELECT DISTINCT p.doc_id FROM passages_fts f JOIN passages p ON p.id = f.rowid WHERE passages_fts MATCH ?"
        )
        params: list[object] = [expr]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return {r[0] for r in self.conn.execute(sql, params)}


_ABBREVIATION_AFTER = lazy(r"\s*\([A-ZÅÄÖ][\wÅÄÖåäö]{1,7}\)\s*$")
"""An abbreviation in brackets after the words it stands for: "Kommunalt aktivitetsansvar (KAA)"."""


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


def _conjuncts(label: list[str]) -> list[str]:
    """The first word of each item a row label joins ("Kost och måltider" names "kost" and
    "måltider", "Parker samt grönytor" both of its parts)."""
    return [w for i, w in enumerate(label) if i == 0 or label[i - 1] in ("och", "samt")]
