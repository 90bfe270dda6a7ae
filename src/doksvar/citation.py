"""How answers and citations read for people, in the app, the Markdown export and the CLI alike:
where a citation stands, a table row with its column headers, a cell with its row and column, and a
list answer as one item per line with the numbers of the citations it rests on. Plain text, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from doksvar.lang.lazy import lazy
from doksvar.model import Answer, Cell, Citation, Table

if TYPE_CHECKING:
    from doksvar.index.read import Reader
    from doksvar.index.rows import StoredTable

TablesOf = Callable[[str], Sequence[Table]]
"""The tables of a document, by the document's file name."""


def location(section: str, title: str, page: int | None = None, doc: str = "", label: str = "") -> str:
    """Where a passage stands: "6.1 Driftsredovisning, s. 11", with its sub-heading when given
    ("6.1 Driftsredovisning › IT, s. 11"); the document's name before any heading."""
    where = " ".join(x for x in (section, title) if x) or doc
    if label:
        where += f" › {label}"
    return f"{where}, s. {page}" if page else where


def citation_location(c: Citation) -> str:
    """Where a citation stands (see `location`)."""
    return location(c.section, c.title, c.page, c.doc)


# ---------------------------------------------------------------------- tables


def table_at(tables: Sequence[Table], start: int, end: int) -> Table | None:
    """The table whose lines hold the span [start, end), or None."""
    for t in tables:
        if t.start <= start and end <= t.end:
            return t
    return None


def cell_text(cell: Cell) -> str:
    """A cell with its row and column: "Nettokostnader, Utfall Dec 2022: 280 390"."""
    return f"{cell.row_label}, {cell.col_label}: {cell.text}"


def row_text(table: Table, row: int) -> str:
    """A body row with its column headers:
    "KS-Kommunstabens — Utfall Dec 2023: 68 453 · Utfall Dec 2022: 40 531 · …" (empty cells left out)."""
    cells = [c for c in table.cells if c.row == row]
    if not cells:
        return ""
    figures = " · ".join(f"{c.col_label}: {c.text}" for c in cells if c.text.strip())
    return f"{cells[0].row_label} — {figures}" if figures else cells[0].row_label


def table_quote(table: Table, start: int, end: int, text: str) -> str | None:
    """How a span of a table reads, or None when it is best shown as it stands.

    `text` is the span's own text (display_text[start:end]). A header cell reads as its column and
    table, a single body cell with its row and column, one or more rows with their column headers.
    """
    body = [c for c in table.cells if c.end > c.start]
    first_body = min((c.start for c in body), default=table.end)
    if end <= first_body:
        # The header line: a column header, named with the table it heads.
        label = text.strip()
        if label and label in table.header[1:]:
            return f"kolumnen \u201c{label}\u201d i tabellen \u201c{table.caption}\u201d"
        return None
    touched = [c for c in body if c.start < end and start < c.end]
    if len(touched) == 1 and touched[0].start <= start and end <= touched[0].end:
        return cell_text(touched[0])
    rows = sorted({c.row for c in touched})
    if not rows:
        return None
    return "\n".join(row_text(table, r) for r in rows)


def quote_text(c: Citation, tables: Sequence[Table] = ()) -> str:
    """What a citation shows: the verbatim quote in quotation marks, or for a span of a table its
    cells with their labels (which are not a verbatim quote, so stand without marks)."""
    table = table_at(tables, c.start, c.end)
    shown = table_quote(table, c.start, c.end, c.quote) if table is not None else None
    return shown if shown is not None else f"\u201c{c.quote}\u201d"


class TablesByDocument:
    """The tables of each indexed document, read from an index when first asked for and kept (a
    `TablesOf`). `store` is anything with the index's `documents()`, `tables()` and `cells(table_id)`."""

    def __init__(self, store: Reader) -> None:
        self.store = store
        self._rows: dict[str, list[StoredTable]] | None = None
        self._tables: dict[str, list[Table]] = {}

    def __call__(self, doc: str) -> Sequence[Table]:
        if doc not in self._tables:
            if self._rows is None:
                names = {d.id: d.name for d in self.store.documents()}
                rows: dict[str, list[StoredTable]] = {}
                for row in self.store.tables():
                    rows.setdefault(names.get(row.doc_id, ""), []).append(row)
                self._rows = rows
            self._tables[doc] = [
                Table(t.caption, t.section, t.header, tuple(self.store.cells(t.id)), t.start, t.end)
                for t in self._rows.get(doc, [])
            ]
        return self._tables[doc]


# ---------------------------------------------------------------------- answers


@dataclass(frozen=True)
class Line:
    """One line of an answer as shown."""

    text: str
    """The line's words."""
    kind: str
    """"text" (the whole answer, not a list), "heading", "total", "item" or "more"."""
    cites: tuple[int, ...] = ()
    """The numbers of the citations the line rests on."""


@dataclass(frozen=True)
class AnswerView:
    """An answer as people read it: its lines, then its citations in words."""

    answer: Answer
    """The answer itself."""
    lines: tuple[Line, ...]
    """The answer's text as lines: one "text" line, or a list's heading, total, items and tail."""
    quotes: tuple[str, ...]
    """How each citation reads (`quote_text`), in the order of `answer.citations`."""

    @property
    def is_list(self) -> bool:
        """True when the answer is a list of items."""
        return any(line.kind == "item" for line in self.lines)


_ITEM = lazy(r"(?:(?<=\s)|^)(\d{1,2})\) ")
_MORE = lazy(r"\s*(…\s*(?:och|and)\s+(?:fler|more)\.?)\s*$")
_TOTAL = lazy(r"^(?P<head>[^:]{2,80}:)\s+(?P<total>(?:Totalt|In total)\b.*)$")
_FIGURE = lazy(r"\d+(?:,\d+)?")
_BARE_AMOUNT = lazy(r"^[-−+]?[\d  ,.]+\s*(?:mkr|tkr|kr|%|procent|miljoner|mnkr)?$", re.I)


def answer_view(answer: Answer, tables_of: TablesOf | None = None) -> AnswerView:
    """The answer laid out for reading; a list answer as one item per line with its citations."""
    quotes = tuple(quote_text(c, tables_of(c.doc) if tables_of else ()) for c in answer.citations)
    lines = _list_lines(answer, quotes) or (Line(answer.answer, "text"),)
    return AnswerView(answer, lines, quotes)


def _list_lines(answer: Answer, quotes: tuple[str, ...]) -> tuple[Line, ...] | None:
    """A list answer ("Frame: [Totalt …] 1) … 2) … [… och fler.]") as lines, or None."""
    text = answer.answer
    marks: list[re.Match[str]] = []
    for m in _ITEM.finditer(text):
        if int(m.group(1)) == len(marks) + 1:
            marks.append(m)
    if len(marks) < 2:
        return None
    lead = text[: marks[0].start()].strip()
    total = _TOTAL.match(lead)
    if not (lead.endswith(":") or total):
        return None
    items = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        items.append(text[m.end() : stop].strip().rstrip(";").strip())
    more = _MORE.search(items[-1])
    tail = more.group(1) if more else ""
    if more:
        items[-1] = items[-1][: more.start()].strip()
    head, units = lead, items
    if total:
        head = total.group("head")
        units = [total.group("total"), *items]
    cites = _align(units, answer.citations)
    lines = [Line(head, "heading")]
    for k, unit in enumerate(units):
        numbers = tuple(answer.citations[j].n for j in cites[k])
        shown = unit
        if len(cites[k]) == 1 and _BARE_AMOUNT.match(unit):
            # "453 tkr" alone says nothing: say what it is, from the table row or sentence it stands in.
            shown = f"{unit} – {_what(unit, quotes[cites[k][0]])}"
        lines.append(Line(shown, "total" if total and k == 0 else "item", numbers))
    if tail:
        lines.append(Line(tail, "more"))
    return tuple(lines)


def _what(amount: str, quote: str) -> str:
    """The part of a citation that holds an amount: its cell with labels, or the quote itself."""
    wanted = _digits(amount)
    for row in quote.split("\n"):
        label, dash, figures = row.partition(" — ")
        if not dash:
            break
        for part in figures.split(" · "):
            if wanted and _digits(part.partition(": ")[2]) == wanted:
                return f"{label}, {part}"
    return quote if len(quote) <= 160 else quote[:157].rsplit(" ", 1)[0] + " …"


def _digits(figure: str) -> str:
    """A figure without sign, spaces or unit, to compare: "-19 761" and "19 761 tkr" give "19761"."""
    return re.sub(r"[^\d,]", "", figure).strip(",")


def _score(unit: str, quote: str) -> float:
    """How plainly a citation's quote backs a list item: shared wording counts most, then figures."""
    flat = " ".join(quote.split()).lower()
    score = 0.0
    for piece in re.split(r"…| – ", unit.lower()):
        piece = " ".join(piece.split())
        if len(piece) >= 15 and piece in flat:
            score += 3
    figures = set(_FIGURE.findall(quote))
    score += sum(1 for f in set(_FIGURE.findall(unit)) if f in figures)
    return score


def _align(units: list[str], citations: Sequence[Citation]) -> list[tuple[int, ...]]:
    """Which citations (by position) back each unit. Citations come in the units' order, so the
    assignment is monotone: with as many citations as units, one each; with more, each unit gets a
    run of them (best total score); with fewer, each citation goes to the unit it backs best."""
    n, m = len(units), len(citations)
    if m == 0:
        return [() for _ in units]
    score = [[_score(u, c.quote) for c in citations] for u in units]
    if m == n:
        return [(k,) for k in range(n)]
    if m > n:
        # best[j][i]: citations 0..j given out, citation j to unit i, every unit up to i served.
        neg = float("-inf")
        best = [[neg] * n for _ in range(m)]
        back = [[0] * n for _ in range(m)]
        best[0][0] = score[0][0]
        for j in range(1, m):
            for i in range(min(j + 1, n)):
                stay = best[j - 1][i]
                step = best[j - 1][i - 1] if i > 0 else neg
                if stay == neg and step == neg:
                    continue
                back[j][i] = i if stay >= step else i - 1
                best[j][i] = max(stay, step) + score[i][j]
        out: list[list[int]] = [[] for _ in units]
        i = n - 1
        for j in range(m - 1, -1, -1):
            out[i].insert(0, j)
            i = back[j][i] if j > 0 else i
        return [tuple(x) for x in out]
    out = [[] for _ in units]
    floor = 0
    for j in range(m):
        # Each citation to the best unit after the previous one, leaving room for those still to come.
        room = n - (m - j)
        i = max(range(floor, room + 1), key=lambda k: score[k][j])
        if score[i][j] > 0:
            out[i].append(j)
        floor = i + 1
    return [tuple(x) for x in out]


# ---------------------------------------------------------------------- plain text


def plain_answer(view: AnswerView) -> str:
    """An answer for a terminal or a text file: its lines, then its numbered citations."""
    out = []
    for line in view.lines:
        marks = "".join(f" [{n}]" for n in line.cites)
        if line.kind == "item":
            out.append(f"  • {line.text}{marks}")
        elif line.kind == "total":
            out.append(f"  {line.text}{marks}")
        else:
            out.append(f"{line.text}{marks}")
    if view.answer.citations and not view.answer.answered:
        out.append(NOT_THE_ANSWER)
    for c, quote in zip(view.answer.citations, view.quotes, strict=True):
        out.append(f"  [{c.n}] {citation_location(c)}: {quote}")
    return "\n".join(out)


NOT_THE_ANSWER = "Närmast i rapporten – inte ett svar på frågan:"
"""The heading over the closest passages of a declined answer."""
