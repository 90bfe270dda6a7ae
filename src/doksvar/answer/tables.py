"""Table figures: the row by its label (abbreviations written out, fuzzy), the column by year or
by Utfall/Budget, and the one cell where they meet, cited with its row and header."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from doksvar.answer.compose import answer
from doksvar.answer.question import Question
from doksvar.index.query import Term
from doksvar.lang.terms import expand_label
from doksvar.lang.words import GENERIC, stem, words

if TYPE_CHECKING:
    from doksvar.answer import Answerer
    from doksvar.model import Answer, Citation

_COLUMN_WORDS = {
    "utfall": ("utfall",),
    "budget": ("budget",),
    "prognos": ("prognos",),
    "avvik": ("avvikelse", "utfall - budget", "budget - utfall", "differens"),
}
_TOTAL_ROW = re.compile(r"^(summa|totalt|total|s:a|netto|nettokostnad\w*|resultat)\b", re.I)


@dataclass
class _Pick:
    score: float
    table: tuple
    row_label: str
    cell: tuple
    row_matched: bool


def label_stems(label: str) -> set[str]:
    """Stems of a table label with its abbreviations written out ("Tot sjukfrv" -> total, sjukfrånvaro)."""
    ws = words(label)
    return {stem(w) for w in ws} | {stem(w) for w in expand_label(ws)} | set(ws)


def term_in_label(term: Term, stems_: set[str]) -> bool:
    if any(a in stems_ for a in term.alternatives):
        return True
    # An abbreviated label word is the start of the question's word: "tot" in "totala".
    return any(
        len(s) >= 3 and not s.isdigit() and term.word.startswith(s) and len(s) >= len(term.word) // 3 for s in stems_
    )


def answer_table(a: Answerer, q: Question) -> Answer | None:
    """One cell, when a table's row and column are named by the question."""
    pick = best_cell(a, q)
    if pick is None:
        return None
    table_id, doc_id, caption, section, header, t_start, t_end = pick.table
    row, col, row_label, col_label, text, value, c_start, c_end = pick.cell
    body = f"{row_label}, {col_label}: {text}" + (f" ({caption})" if caption else "")
    return answer(q.text, "table", body, table_citations(a, doc_id, caption, t_start, c_start, c_end))


def table_citations(a: Answerer, doc_id: int, caption: str, t_start: int, c_start: int, c_end: int) -> list[Citation]:
    """The cell's row, the cell's column header, and the caption line above the table if any."""
    text = a.ref(doc_id).text
    row_start = text.rfind("\n", 0, c_start) + 1
    row_end = text.find("\n", c_end)
    row_end = len(text) if row_end < 0 else row_end
    cites = [a.cite(doc_id, row_start, row_end, (c_start, c_end))]
    header_end = text.find("\n", t_start)
    header_end = len(text) if header_end < 0 else header_end
    column = text[row_start:c_start].count("\t")
    cells = text[t_start:header_end].split("\t")
    if column < len(cells) and cells[column].strip():
        h_start = t_start + sum(len(c) + 1 for c in cells[:column])
        h_end = h_start + len(cells[column])
        year = re.search(r"(?:19|20)\d\d", cells[column])
        focus = (h_start + year.start(), h_start + year.end()) if year else None
        cites.append(a.cite(doc_id, h_start, h_end, focus))
    above = text.rfind(caption, max(0, t_start - len(caption) - 4), t_start) if caption else -1
    if above >= 0:
        cites.append(a.cite(doc_id, above, above + len(caption)))
    return cites


def best_cell(a: Answerer, q: Question) -> _Pick | None:
    terms = [t for t in q.content if t.found]
    if not terms:
        return None
    wanted_columns = [k for k in _COLUMN_WORDS if any(t.stem.startswith(k) for t in terms)]
    best: _Pick | None = None
    for table in a.store.tables(a.store.candidate_tables(terms, q.docs)):
        table_id, doc_id, caption, section, header, t_start, t_end = table
        cap_stems = label_stems(caption)
        cap_hits = [t for t in terms if term_in_label(t, cap_stems)]
        rows: dict[str, list[tuple]] = {}
        for cell in a.store.cells(table_id):
            rows.setdefault(cell[2], []).append(cell)
        col_index = _column(header, q, wanted_columns)
        if col_index is None:
            continue
        for row_label, cells in rows.items():
            r_stems = label_stems(row_label)
            row_hits = [t for t in terms if term_in_label(t, r_stems)]
            hits = {t.word for t in row_hits} | {t.word for t in cap_hits}
            numbers = set(re.findall(r"\d+", row_label))
            num_hits = sum(1 for n in q.numbers if n in numbers)
            cell = next((c for c in cells if c[1] == col_index), None)
            if cell is None or cell[5] is None:
                continue
            column_hits = {t.word for t in terms if any(t.stem.startswith(k) for k in wanted_columns)}
            explained = hits | column_hits
            unexplained = [t for t in terms if t.word not in explained and t.word not in GENERIC]
            if len(unexplained) > 1 or (unexplained and len(explained) + num_hits < 2):
                continue  # the caption, row and column must account for the question's terms
            extra = _extra_words(row_label, terms, q)
            row_matched = bool(row_hits) or num_hits > 0
            if not row_matched and not (_TOTAL_ROW.match(row_label) or len(rows) == 1):
                continue
            score = (
                len(row_hits)
                + 0.5 * len(cap_hits)
                + num_hits
                - 0.3 * extra
                + (0.3 if _TOTAL_ROW.match(row_label) else 0)
            )
            pick = _Pick(score, table, row_label, cell, row_matched)
            if best is None or pick.score > best.score:
                best = pick
    return best


def _extra_words(row_label: str, terms: list[Term], q: Question) -> int:
    """Qualifiers of the row that the question does not ask for ("kvinnor" when asked for all)."""
    count = 0
    for w in expand_label(words(row_label)):
        s = stem(w)
        if w.isdigit():
            if w not in q.numbers:
                count += 2  # an age band or a code the question did not ask for
            continue
        if len(w) < 2 or w in ("totalt", "total", "summa", "år"):
            continue
        if not any(s in t.alternatives or t.word.startswith(w) or w.startswith(t.stem) for t in terms):
            count += 1
    return count


def _column(header: list[str], q: Question, wanted: list[str]) -> int | None:
    """The header column the question names by year and/or kind, or None."""
    candidates = []
    for i, h in enumerate(header):
        if i == 0:
            continue
        hl = h.lower()
        score = 0.0
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", hl)]
        if q.years:
            if not set(q.years) & set(years):
                continue
            score += 1
        for k in wanted:
            if any(word in hl for word in _COLUMN_WORDS[k]):
                score += 1
        if not wanted and "utfall" in hl:
            score += 0.5
        if "prognos" in hl and "prognos" not in wanted:
            score -= 0.5
        candidates.append((score, -i, i))
    if not candidates:
        return None
    candidates.sort(reverse=True)
    score, _, index = candidates[0]
    if not q.years and not wanted:
        # No year and no kind of column asked for: the latest year's column, if the header has years.
        actual = [i for i, h in enumerate(header) if i and not re.search(r"prognos|budget", h, re.I)]
        dated = [(int(y), i) for i in actual for y in re.findall(r"\b(?:19|20)\d\d\b", header[i])]
        if not dated:
            return None
        latest = max(y for y, _ in dated)
        columns = [i for y, i in dated if y == latest]
        return next((i for i in columns if "utfall" in header[i].lower()), columns[0])
    if wanted and score < 1:
        return None
    return index
