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
            r"|(?:uppfyll|uppnå|nådd|klara)\w* (?:\w+ )?(?:inte|ej)\b"
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


def asks_status(q: Question) -> bool:
    """Whether the question asks how many goals were met, partly met or missed."""
    return COUNTS.search(q.swedish) is not None and asked_status(q) is not None


def states_status(text: str) -> bool:
    """Whether a text says of goals that they were met, partly met or missed."""
    low = text.lower()
    return any(pattern.search(low) for _, pattern in _ASKED)


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
    return _counted(a, q, wanted) if COUNTS.search(q.swedish) else None


_NUMBER = r"\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv"  # as _in_words writes them, and "en"
_GOAL_COUNT = lazy(
    rf"\b(?:{_NUMBER})\s+av\s+(?:\w+\s+){{0,3}}?(?:{_NUMBER})\s+(?:\w+\s+)?(?:\w*mål|goals?)\b"
    rf"|\b(?:{_NUMBER})\s+(?=(?:(?:mål|goals?)\s+)?(?:är\s+|bedöms\s+som\s+|were\s+)?(?:uppfyll|uppnå|delvis|ej\s|inte\s|met\b))",
    re.I,
)
"""A count of goals a sentence gives ("Tre av nämndens sju mål bedöms som uppfyllda", "3 uppfyllda,
3 delvis uppfyllda och 1 ej uppfyllt"); what follows it, up to the next comma, says which."""
_CLAUSE_END = lazy(r",|;|\.|\s(?:och|samt|medan|and)\s")


def _counted(a: Answerer, q: Question, wanted: str) -> Answer | None:
    """How many goals were met (or not), as a sentence counts them, when no goal table does."""
    matched = [pid for pid, _ in a.store.match(a.store.terms("mål uppfyllda"), limit=60, doc_ids=q.docs, any_term=True)]
    passages = a.store.passages(set(matched))
    for pid in matched:
        sp = passages.get(pid)
        if sp is None or sp.passage.kind == "row":
            continue
        p = sp.passage
        about_goals = bool(_GOALS.search(f"{sp.section_title} {p.label} {p.text}".lower()))
        for x, y in p.sentences:
            sentence = p.text[x - p.start : y - p.start]
            for m in _GOAL_COUNT.finditer(sentence):
                rest = sentence[m.end() :]
                clause = rest[: (end.start() if (end := _CLAUSE_END.search(rest)) else len(rest))].lower()
                said = next((status for status, pattern in _ASKED if pattern.search(clause)), None)
                if said == wanted and (about_goals or "mål" in m.group().lower()):
                    return answer(q.text, "fact", sentence, [a.cite(sp.doc_id, x, y, (x + m.start(), x + m.end()))])
    return None


_SV = "noll ett två tre fyra fem sex sju åtta nio tio elva tolv".split()
_EN = "zero one two three four five six seven eight nine ten eleven twelve".split()


def _in_words(n: int, english: bool) -> str:
    """A count of goals as a report writes it: in words up to twelve ("ett" as "mål" is neuter)."""
    words = _EN if english else _SV
    return words[n] if n < len(words) else str(n)
