"""Goals by their assessment: "Vilka mål uppfylldes inte?", "Which goals are rated red?" answered
from a goal table's assessment column ("Bedömning 2025": Uppfyllt / Delvis uppfyllt / Ej uppfyllt,
or the colours Grön / Gul / Röd)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doksvar.answer.compose import answer
from doksvar.answer.question import Question
from doksvar.lang.lazy import lazy

if TYPE_CHECKING:
    from doksvar.answer import Answerer
    from doksvar.model import Answer, Citation

_GOALS = lazy(r"\bmål(?:en|et|s)?\b|\bnämndmål\w*|\bgoals?\b|\bobjectives?\b")
"""A question about the organisation's goals."""

# How a goal is assessed, in the question's words and in a table's cells; "not met" and "partly" are
# looked for before "met", whose words they hold.
_ASKED = (
    (
        "not",
        lazy(
            r"missade|inte (?:\w+ )?(?:uppfyll|nått|nåddes|uppnå|klara)|ej (?:uppfyll|uppnå)|röd|rött|red\b"
            r"|not (?:\w+ )?(?:met|achieved|reached)|failed|missed"
        ),
    ),
    ("partly", lazy(r"delvis|\bgul\b|\bgult\b|yellow|partly|partially")),
    ("met", lazy(r"uppfyll|uppnå|nådde|nåddes|klarade|grön|grönt|green|\bmet\b|achieved|reached")),
)
_CELL = (
    ("not", lazy(r"^(?:ej|inte)\s+(?:uppfyll|uppnå|nå)\w*|^röd|^rött|^not met", re.I)),
    ("partly", lazy(r"^delvis|^gul|^gult|^partly", re.I)),
    ("met", lazy(r"^uppfyll\w*|^uppnå\w*|^grön\w*|^met\b", re.I)),
)
_ASSESSMENT_COLUMN = lazy(r"bedömning|måluppfyllelse|status|uppfyll|assessment", re.I)


def asked_status(q: Question) -> str | None:
    """ "not", "partly" or "met" for a question about goals of that assessment, else None."""
    text = f"{q.swedish} {q.text.lower()}"
    if not _GOALS.search(text):
        return None
    return next((status for status, pattern in _ASKED if pattern.search(text)), None)


def _status(cell_text: str) -> str | None:
    return next((status for status, pattern in _CELL if pattern.search(cell_text.strip())), None)


def answer_goals(a: Answerer, q: Question) -> Answer | None:
    """The goals of a goal table whose assessment is the one asked for, each cited by its row."""
    wanted = asked_status(q)
    if wanted is None:
        return None
    terms = a.store.terms("mål bedömning uppfyllt")
    for table in a.store.tables(a.store.candidate_tables(terms, q.docs)):
        columns = [i for i, h in enumerate(table.header) if i and _ASSESSMENT_COLUMN.search(h)]
        if not columns:
            continue
        column = columns[0]  # the first assessment column is the year reported on
        rows = [c for c in a.store.cells(table.id) if c.col == column and _status(c.text) is not None]
        if len(rows) < 2:
            continue
        chosen = [c for c in rows if _status(c.text) == wanted]
        text = a.ref(table.doc_id).text
        cites: list[Citation] = []
        names = []
        for c in chosen:
            row_start = text.rfind("\n", 0, c.start) + 1
            row_end = text.find("\n", c.end)
            row_end = len(text) if row_end < 0 else row_end
            cites.append(a.cite(table.doc_id, row_start, row_end, (c.start, c.end)))
            names.append(f"{c.row_label} ({c.text.strip()})")
        if not chosen:
            return None
        return answer(q.text, "fact", "; ".join(names), cites)
    return None
