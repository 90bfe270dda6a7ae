"""Goals by their assessment: "Vilka mål uppfylldes inte?", "Which goals are rated red?" answered
from a goal table's assessment column ("Bedömning 2025": Uppfyllt / Delvis uppfyllt / Ej uppfyllt,
or the colours Grön / Gul / Röd)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doksvar.answer.compose import answer
from doksvar.answer.question import COUNTS, Question
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
    ("met", lazy(r"uppfyll|uppnå|nådde|nåddes|\bnås\b|\bnår\b|klara\w*|grön|grönt|green|\bmet\b|achieved|reached")),
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
        cells = a.store.cells(table.id)
        rows = [c for c in cells if c.col == column and _status(c.text) is not None]
        if len(rows) < 2:
            continue
        # A goal numbered in the first column ("3") is named by the next ("Fler elever ska …").
        named = {c.row: c.text.strip() for c in cells if c.col == 1 and c.value is None}
        chosen = [c for c in rows if _status(c.text) == wanted]
        text = a.ref(table.doc_id).text
        cites: list[Citation] = []
        names = []
        for c in chosen:
            row_start = text.rfind("\n", 0, c.start) + 1
            row_end = text.find("\n", c.end)
            row_end = len(text) if row_end < 0 else row_end
            cites.append(a.cite(table.doc_id, row_start, row_end, (c.start, c.end)))
            label = named.get(c.row, c.row_label) if c.row_label.strip(" .").isdigit() else c.row_label
            names.append(f"{label} ({c.text.strip()})")
        if not chosen:
            return None
        body = "; ".join(names)
        if COUNTS.search(q.swedish):
            # "Hur många av målen nåddes?": how many of how many, and which ("tre av åtta").
            of = "of" if q.english else "av"
            body = f"{_in_words(len(chosen), q.english)} {of} {_in_words(len(rows), q.english)}: {body}"
        return answer(q.text, "fact", body, cites)
    return None


_SV = "noll ett två tre fyra fem sex sju åtta nio tio elva tolv".split()
_EN = "zero one two three four five six seven eight nine ten eleven twelve".split()


def _in_words(n: int, english: bool) -> str:
    """A count of goals as a report writes it: in words up to twelve ("ett" as "mål" is neuter)."""
    words = _EN if english else _SV
    return words[n] if n < len(words) else str(n)
