"""Table figures: the row by its label (abbreviations written out, fuzzy), the column by year or
by Utfall/Budget, and the one cell where they meet, cited with its row and header."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from doksvar.answer.compose import answer, frame
from doksvar.answer.intent import against_budget, compared_with_others, intent_of
from doksvar.answer.question import COUNTS, PLACE_LIST_WORDS, Question, asks_share, in_percent
from doksvar.facts.amounts import MONEY_UNIT
from doksvar.index.query import Term
from doksvar.lang.lazy import lazy
from doksvar.lang.terms import expand_label, synonyms, to_swedish
from doksvar.lang.words import (
    COST_STEM,
    FULL_YEAR,
    GENERIC,
    GROUP_STEMS,
    MONTHS,
    PART_OF_YEAR,
    PERIOD,
    TOTAL_ROW,
    YEAR_BEFORE,
    YEAR_IN_TEXT,
    YEAR_PATTERN,
    age_groups,
    is_organisation,
    is_period,
    stem,
    stem_set,
    words,
    years_in,
)

if TYPE_CHECKING:
    from doksvar.answer import Answerer
    from doksvar.index.rows import StoredTable
    from doksvar.model import Answer, Cell, Citation


@dataclass
class _Pick:
    score: float
    table: StoredTable
    row_label: str
    cell: Cell


@lru_cache(maxsize=4096)
def label_stems(label: str) -> frozenset[str]:
    """Stems of a table label with its abbreviations written out ("Tot sjukfrv" -> total, sjukfrånvaro);
    kept for labels read again (every question reads the same tables' labels)."""
    ws = words(label)
    full = expand_label(ws)
    # The words reports use for the same thing: a "(M)" row is the men's ("män", "manliga").
    other = {stem(y) for w in full for y in synonyms(w)}
    # stem_set: "Idrotts- och fritidsanläggningar" is the "idrottsanläggningar" too.
    return frozenset(stem_set(label) | {stem(w) for w in full} | set(ws) | other)


def term_in_label(term: Term, stems_: Set[str]) -> bool:
    if not stems_.isdisjoint(term.alternatives):
        return True
    return not stems_.isdisjoint(_label_pieces(term.stem, term.word))


@lru_cache(maxsize=4096)
def _label_pieces(st: str, w: str) -> frozenset[str]:
    """What of a question's word a table label may hold instead of the word: an ending of a compound
    ("budgetavvikelse" is the "Avvikelse" row of a budget table, "nettobudget" the "Budget, netto"
    row), or the start of the word as an abbreviation ("tot" in "totala")."""
    endings = {st[k:] for k in range(len(st) - 3)} if len(st) >= 8 else set()
    starts = {w[:n] for n in range(max(3, len(w) // 3), min(5, len(w)) + 1)}
    return frozenset(x for x in endings | starts if not x.isdigit())


def label_share(term: Term, stems_: Set[str]) -> float:
    """How much of the question's word a label names: all of it for the word itself, a part of it
    for one part of a compound ("Netto" of "nettobudget" against "Budget, netto")."""
    if term.stem in stems_ or term.word in stems_:
        return 1.0
    if term.how in ("exact", "synonym", "derived") and any(a in stems_ for a in term.alternatives):
        return 1.0  # the word in another form, or the report's word for it ("tillsvidareanställda")
    parts = [s for s in stems_ if len(s) >= 3 and not s.isdigit() and s in term.word]
    return min(1.0, max(0.5, sum(len(s) for s in parts) / len(term.stem)))


def answer_table(a: Answerer, q: Question) -> Answer | None:
    """One cell, when a table's row and column are named by the question."""
    pick = best_cell(a, q)
    if pick is None:
        return None
    return _cell_answer(a, q, _extreme_row(a, q, pick))


def row_answer(a: Answerer, q: Question, table_id: int, start: int, end: int) -> Answer | None:
    """A table's row, found as the sentence that answers, read as the table reads it: the cell of the
    year the question names (none when no column is of that year), else every figure of the row with
    its column ("Underhållskostnader, Utfall 2025: −46 800; Budget 2025: −58 000; Avvikelse: 11 200")."""
    cells = [c for c in a.store.cells(table_id) if start <= c.start < end and c.value is not None and c.col]
    if q.years:
        cells = [c for c in cells if set(q.years) & years_in(c.col_label)][:1]
    if not cells:
        return None
    (table,) = a.store.tables([table_id])
    if len(cells) == 1:
        return _cell_answer(a, q, _Pick(0.0, table, cells[0].row_label, cells[0]))
    cites = table_citations(a, table.doc_id, table.caption, table.start, cells[0].start, cells[0].end)
    for c in cells[1:]:
        cites += table_citations(a, table.doc_id, "", table.start, c.start, c.end)
    shown = "; ".join(f"{c.col_label}: {c.text}" for c in cells)
    caption = f" ({table.caption})" if table.caption else ""
    return answer(q.text, "table", f"{cells[0].row_label}, {shown}{caption}", cites)


def _cell_answer(a: Answerer, q: Question, pick: _Pick) -> Answer:
    """A cell as an answer, with the cells of its row the question also asks for."""
    doc_id, caption, t_start = pick.table.doc_id, pick.table.caption, pick.table.start
    row_label, col_label, text = pick.cell.row_label, pick.cell.col_label, pick.cell.text
    c_start, c_end = pick.cell.start, pick.cell.end
    shown = [f"{col_label}: {text}{_which_way(a, q, pick)}"]
    cites = table_citations(a, doc_id, caption, t_start, c_start, c_end)
    others = _companions(a, q, pick)
    base = _base_cell(a, q, pick)
    if base is not None and all(o.col != base.col for o in others):
        own = _own_figure(a, pick, base)
        if own is not None and all(o.col != own.col for o in others):
            others.append(own)
        others.append(base)
    if not others:
        others = row_rest(a, q, pick.table.id, pick.cell)
    for other in others:
        shown.append(f"{other.col_label}: {other.text}")
        cites += table_citations(a, doc_id, "", t_start, other.start, other.end)
    groups = []
    for other in _other_groups(a, q, pick):
        groups.append(f"{other.row_label}, {other.col_label}: {other.text}")
        cites += table_citations(a, doc_id, "", t_start, other.start, other.end)
    change = _year_change(q, [pick.cell, *others])
    body = f"{row_label}, " + "; ".join(shown + groups + change) + (f" ({caption})" if caption else "")
    return answer(q.text, "table", body, cites)


def _year_change(q: Question, cells: list[Cell]) -> list[str]:
    """ "Hur mycket ökade de jämfört med året innan?" answered by a row's figures for two years: the
    change, worked out from the cited cells ("förändring +4 400 (179 300 − 174 900), +2,5 %"); in
    percent as well where the figures are not themselves percentages."""
    if not _ASKS_CHANGE.search(f"{q.swedish} {q.text.lower()}"):
        return []
    dated: dict[int, Cell] = {}
    for c in cells:
        years = years_in(c.col_label)
        if len(years) == 1 and c.value is not None:
            dated.setdefault(next(iter(years)), c)
    if len(dated) != 2:
        return []
    older, newer = (dated[y] for y in sorted(dated))
    assert older.value is not None and newer.value is not None
    places = max(_decimals(older.text), _decimals(newer.text))
    diff = newer.value - older.value
    said = f"{frame('change', q.english)} {_signed(diff, places)} ({newer.text} − {older.text})"
    percent = "%" in f"{newer.col_label} {newer.row_label}" or "procent" in newer.row_label.lower()
    places = "plac" in _column_kinds(newer.col_label)  # a place in a list moves by places, not by percent
    if not percent and not places and older.value > 0 and newer.value > 0:
        said += f", {_signed(100 * diff / older.value, 1)} %"
    return [said]


def _decimals(text: str) -> int:
    """How many decimals a figure is printed with ("12,4" has one)."""
    m = re.search(r"[,.](\d+)\s*$", text.strip())
    return len(m.group(1)) if m and len(m.group(1)) != 3 else 0


def _signed(value: float, places: int) -> str:
    """A change as reports print figures: sign first, space between thousands, comma decimals."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    text = f"{abs(value):,.{places}f}".replace(",", " ").replace(".", ",")
    return f"{sign}{text}"


def _which_way(a: Answerer, q: Question, pick: _Pick) -> str:
    """ " (positiv avvikelse)" after a deviation cell, when the question asks which way the budget went
    ("… med överskott eller underskott?"): a bare "0,2" does not say it, the table's sign convention does."""
    if not (q.positive and q.negative):
        return ""
    row = a.store.passage_at(pick.table.doc_id, pick.cell.start)
    if row is None:
        return ""
    found = [f for f in a.store.deviations([pick.table.doc_id], passage_ids={row.id}) if f.data.source == "table"]
    at = next((f.data for f in found if f.data.span_amount[0] == pick.cell.start), None)
    if at is None or at.direction not in ("positive", "negative"):
        return ""
    from doksvar.answer.deviations import direction_words

    return f" ({direction_words(at, q.english)})"


_ASKS_MORE = lazy(
    r"\b(?:respektive|jämfört|jämförelse|compared|against|versus|(?:mot|än) (?:budget|mål|plan)\w*"
    r"|(?:och|and) (?:hur (?:mycket|många|stor\w*)|how (?:much|many|large|big)|vad (?:var|blev)|what (?:was|were)))\b"
)
"""A question that asks more figures than one: "…, och hur mycket …", "… against what was budgeted";
not one that asks the figure and its reason ("…, och vad beror det på?")."""
ROW_REST = 5
"""The most other figures of a row an answer adds: a wider row is a table to read, not an answer."""


def row_rest(a: Answerer, q: Question, table_id: int, cell: Cell) -> list[Cell]:
    """The other figures of a cell's row, when the question asks more than the one figure in words
    no column kind names ("How much was spent …, against what was budgeted?"); none for a row too
    wide to be an answer."""
    if not _ASKS_MORE.search(f"{q.swedish} {q.text.lower()}"):
        return []
    rest = [c for c in a.store.cells(table_id) if c.row == cell.row and c.col != cell.col]
    rest = [c for c in rest if c.value is not None and c.col_label]
    return rest if len(rest) <= ROW_REST else []


_TOP = lazy(r"\b(?:störst\w*|högst\w*|mest|flest|längst\w*|largest|biggest|greatest|highest|most|longest)\b")
_BOTTOM = lazy(r"\b(?:minst\w*|lägst\w*|färst|kortast\w*|smallest|lowest|least|fewest|shortest)\b")


def _extreme_row(a: Answerer, q: Question, pick: _Pick) -> _Pick:
    """ "Vilken enhet har högst sjukfrånvaro?", "Which measure is expected to save the most?": the row
    with the largest (or smallest) figure of the chosen column, not a total; among the rows the
    question names when it names two or more."""
    asked = f"{q.swedish} {q.text.lower()}"
    top, bottom = bool(_TOP.search(asked)), bool(_BOTTOM.search(asked))
    if q.which != "one" or top == bottom:
        return pick
    cells = [
        c
        for c in a.store.cells(pick.table.id)
        if c.col == pick.cell.col and c.value is not None and not TOTAL_ROW.match(c.row_label)
    ]
    terms = [t for t in q.content if t.found]
    named = [c for c in cells if any(term_in_label(t, label_stems(c.row_label)) for t in terms)]
    cells = named if len(named) >= 2 else cells
    if len(cells) < 2:
        return pick
    best = (max if top else min)(cells, key=lambda c: c.value or 0.0)
    return dataclasses.replace(pick, row_label=best.row_label, cell=best)


def _other_groups(a: Answerer, q: Question, pick: _Pick) -> list[Cell]:
    """The same figure of the other groups the question names ("… among male staff, and how does
    that compare with female staff?"): the rows labelled alike but for the group, same column."""
    asked = {t.stem for t in q.content if t.stem in GROUP_STEMS}
    own = label_stems(pick.cell.row_label)
    if len(asked) < 2 or not own & asked:
        return []

    def ungrouped(stems_: frozenset[str]) -> set[str]:
        return {x for x in stems_ if not any(x.startswith(g) and len(x) - len(g) <= 3 for g in GROUP_STEMS)}

    rest = ungrouped(own)
    out = []
    for c in a.store.cells(pick.table.id):
        if c.col != pick.cell.col or c.row == pick.cell.row or c.value is None:
            continue
        other = label_stems(c.row_label)
        if other & asked and not other & own & GROUP_STEMS and ungrouped(other) == rest:
            out.append(c)
    return out


def _companions(a: Answerer, q: Question, pick: _Pick) -> list[Cell]:
    """Cells of the same row in the other kinds of column the question asks for too ("utfall … och
    budgeten"), each from the column most like the chosen one."""
    terms = [t for t in q.content if t.found]
    kinds = _kinds(q, terms)
    chosen = pick.cell.col_label.lower()
    have = {k for k, ws in _COLUMN_KINDS.items() if any(w in chosen for w in ws)}
    if len(kinds) < 2 and not (kinds and not have & set(kinds)) and len(set(q.years)) < 2:
        return []
    row = [c for c in a.store.cells(pick.table.id) if c.row == pick.cell.row and c.col != pick.cell.col]
    row = [c for c in row if c.value is not None]
    return _other_kinds(q, pick, row, kinds, have) or _other_years(q, pick, row)


_YEAR_BEFORE = lazy(
    rf"\b(?:{YEAR_BEFORE}|förra\s+gången|förra\s+mätningen|föregående\s+mätning\w*|last year|the year before"
    r"|previous year|a year earlier|a year ago|last time|(?:the\s+)?previous (?:survey|measurement|one)"
    # A change of place asked: "moved up or down", "better or worse", "klättrat eller tappat".
    r"|(?:moved?|gone|go|went)\s+up\s+or\s+down|up\s+or\s+down|better\s+or\s+worse|improved\s+or\s+(?:worsened|declined)"
    r"|upp\s+eller\s+ner|bättre\s+eller\s+sämre|klättrat\s+eller\s+tappat|förbättrats\s+eller\s+försämrats"
    r"|(?:har|blivit)\s+(?:\w+\s+){0,2}?(?:bättre|sämre)|klättrat|tappat)\b"
)
_LATEST = lazy(r"\b(?:senaste|aktuell\w*|nuvarande|latest|current)\b", re.I)
_PREVIOUS = lazy(r"\b(?:föregående|förra|tidigare|previous|prior)\b", re.I)
"""Column headers of the latest measurement and of the one before ("Placering senaste", "Placering föregående")."""


_GROUP_COLUMN = lazy(
    r"\briket\b|liknande|jämför|snitt|genomsnitt|\blän\w*|\bregion\w*|kommungrupp|övriga|samtliga|alla kommuner",
    re.I,
)
"""A column of others' figures, to compare with ("Riket 2025", "Liknande kommuner")."""
_PLACE_COLUMN = lazy(r"placering|\bplats\b|\brank", re.I)
"""A column of places in a list ("Placering 2025 (av 290)")."""


def _own_figure(a: Answerer, pick: _Pick, base: Cell) -> Cell | None:
    """When a place is compared with others' figure ("Hur står sig … jämfört med liknande kommuner?"),
    the organisation's own figure that the place ranks: the row's column of the base's year that is
    neither a place nor a group of others ("Norrbacka 2025" beside "Liknande kommuner 2025")."""
    header = pick.table.header
    if not 0 < pick.cell.col < len(header) or not _PLACE_COLUMN.search(header[pick.cell.col]):
        return None
    if base.col >= len(header) or not _GROUP_COLUMN.search(header[base.col]):
        return None  # the place the time before ("Placering föregående") is compared with no others
    year = years_in(header[base.col])
    for c in a.store.cells(pick.table.id):
        if (
            c.row != pick.cell.row
            or c.col in (pick.cell.col, base.col)
            or c.value is None
            or not 0 < c.col < len(header)
        ):
            continue
        h = header[c.col]
        if not _PLACE_COLUMN.search(h) and not _GROUP_COLUMN.search(h) and (not year or years_in(h) == year):
            return c
    return None


def _base_cell(a: Answerer, q: Question, pick: _Pick) -> Cell | None:
    """The cell of the same row in the column the question compares with ("… jämfört med motsvarande
    period föregående år"), when one column fits the comparison base best."""
    _, base = _parts_compared(q)
    if base is None and _YEAR_BEFORE.search(f"{q.swedish} {q.text.lower()}") and not q.years:
        base = dataclasses.replace(q, swedish=f"{q.swedish} {q.text.lower()}")  # "…, och hur många var det i fjol?"
    if base is None:
        return None
    header = pick.table.header
    chosen = years_in(header[pick.cell.col]) if 0 < pick.cell.col < len(header) else frozenset()
    if not base.years and not chosen and _YEAR_BEFORE.search(base.swedish) and 0 < pick.cell.col < len(header):
        # "Placering senaste" compared with the time before: the column "Placering föregående".
        latest = _LATEST.sub(" ", header[pick.cell.col].lower()).split()
        previous = [
            c
            for c in a.store.cells(pick.table.id)
            if c.row == pick.cell.row
            and c.value is not None
            and 0 < c.col < len(header)
            and c.col != pick.cell.col
            and _PREVIOUS.search(header[c.col])
            and _PREVIOUS.sub(" ", header[c.col].lower()).split() == latest
        ]
        if previous and latest != header[pick.cell.col].lower().split():
            return previous[0]
    if not base.years and chosen and _YEAR_BEFORE.search(base.swedish):
        # "… jämfört med förra året": the column a year before the one chosen, of the same kind as it
        # ("Placering 2024" for "Placering 2025", not "Lundvik 2024").
        before = {y - 1 for y in chosen}
        earlier = [
            c
            for c in a.store.cells(pick.table.id)
            if c.row == pick.cell.row
            and c.value is not None
            and 0 < c.col < len(header)
            and years_in(header[c.col]) == before
        ]
        named = _label_words(header[pick.cell.col])
        return min(earlier, key=lambda c: (-len(named & _label_words(header[c.col])), c.col), default=None)
    best, best_fit = None, 0.0
    for c in a.store.cells(pick.table.id):
        if c.row != pick.cell.row or c.col == pick.cell.col or c.value is None or not 0 < c.col < len(header):
            continue
        fit, named = _column_fit(header[c.col], header, base, [], False, False)
        if fit is None or not (named or years_in(header[c.col]) & set(base.years)):
            continue
        score = len(named) + fit
        if best is None or score > best_fit:
            best, best_fit = c, score
    return best


def _other_kinds(q: Question, pick: _Pick, row: list[Cell], kinds: list[str], have: set[str]) -> list[Cell]:
    chosen = pick.cell.col_label.lower()
    rest = set(chosen.split()) - {w for k in have for w in _COLUMN_KINDS[k]}
    out = []
    for k in kinds:
        if k in have:
            continue
        fitting = [c for c in row if any(w in c.col_label.lower() for w in _COLUMN_KINDS[k])]
        if q.years:
            fitting = [c for c in fitting if not years_in(c.col_label) or years_in(c.col_label) & set(q.years)]
        fitting.sort(key=lambda c: (-len(rest & set(c.col_label.lower().split())), abs(c.col - pick.cell.col)))
        if fitting:
            out.append(fitting[0])
    return out[:2]


def _other_years(q: Question, pick: _Pick, row: list[Cell]) -> list[Cell]:
    """Cells of the same row for the other years the question names ("2023 jämfört med 2022"),
    each from the column whose header reads as the chosen one's but for its year."""
    chosen = pick.cell.col_label.lower()
    have = years_in(chosen)
    if not have or len(set(q.years)) < 2:
        return []
    words_ = _label_words(chosen)
    out = []
    for year in sorted(set(q.years) - have, reverse=True):
        fitting = [c for c in row if year in years_in(c.col_label)]
        fitting.sort(key=lambda c: (-len(words_ & _label_words(c.col_label)), abs(c.col - pick.cell.col)))
        if fitting:
            out.append(fitting[0])
    return out[:2]


def _label_words(label: str) -> set[str]:
    """A column header's words but its years and figures ("placering" of "Placering 2025")."""
    return set(re.sub(r"\d+", " ", label.lower()).split())


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
        year = YEAR_IN_TEXT.search(cells[column])
        focus = (h_start + year.start(), h_start + year.end()) if year else None
        cites.append(a.cite(doc_id, h_start, h_end, focus))
    above = text.rfind(caption, max(0, t_start - len(caption) - 4), t_start) if caption else -1
    if above >= 0:
        cites.append(a.cite(doc_id, above, above + len(caption)))
    return cites


# Words of a column header that a question names in other words ("avvikelse" for "Återstår").
_COLUMN_KINDS = {
    "utfall": ("utfall", "bokslut", "verklig", "resultat"),
    "budget": ("budget",),
    "prognos": ("prognos",),
    "mål": ("mål", "target"),
    # "Avv. helår", "Avv period": the deviation column abbreviated.
    "avvik": ("avvik", "avv.", "avv ", "återstår", "differens", "diff", "utfall - budget", "budget - utfall"),
    "plac": ("placering", "plats", "rank"),
}
_BALANCE_SIDE = lazy(
    r"(?P<closing>\butgående\b|\b31 dec(?:ember)?\b|\b(?:vid|per) årets slut\b)"
    r"|(?P<opening>\bingående\b|\b1 jan(?:uari)?\b|\b(?:vid|per) årets början\b)",
    re.I,
)
"""A balance's side in a row or column label: the closing ("VA-fond, utgående balans 31 december") or
the opening one ("ingående balans 1 januari")."""
_BALANCE_ASKED = [
    (
        "closing",
        lazy(
            r"\b(?:vid|i) (?:årets|års) slut\b|\bvid utgången\b|\bvid årsskiftet\b|\bvid årets utgång\b"
            r"|\b(?:at|by) the end of\b|\bat year-end\b|\butgående\b"
        ),
    ),
    ("opening", lazy(r"\bvid (?:årets|års) början\b|\bvid ingången\b|\bat the (?:start|beginning) of\b|\bingående\b")),
]
"""Which side of a balance a question asks: what is left at the end, or what there was at the start."""
BALANCE_FIT = 0.1
_OF_PLACES = lazy(rf"\b(?:{PLACE_LIST_WORDS})\b", re.I)
"""A caption whose table's figures are places in a list ("Placering i Öppna jämförelser, rang av 290")."""
MIN_TABLE_SHARE = 0.5
"""A cell answers only when its row, column and caption hold this share of the question's weight."""


_COMPARED = lazy(
    r"\s+(?:jämfört med|jämfört mot|i jämförelse med|jämförs med|compared? (?:with|to)|compares (?:with|to))"
    r"\s+(?P<base>.+)$"
    rf"|\s+(?:sedan|since)\s+(?P<since>{YEAR_PATTERN})\b.*$"
    # "Kostar politiken mer eller mindre … än i jämförbara kommuner?": others named after "än".
    r"|\s+(?:än|than|mot|gentemot|against)\s+(?:i\s+|hos\s+|för\s+|in\s+)?(?P<than>(?:\w+\s+){0,3}?"
    r"(?:riket|rikssnittet|landet|liknande|jämförbara|snittet|genomsnittet|länet|regionen|andra|övriga|kommungruppen"
    r"|national|average)\b.*)$"
)
"""What a figure is compared with ("… under perioden jämfört med motsvarande period föregående år",
"… större sedan 2024"): the base names a second column, not the one asked for first."""


def _parts_compared(q: Question) -> tuple[Question, Question | None]:
    """The question without what it compares with, and the comparison base as a question of its own."""
    m = _COMPARED.search(q.swedish)
    if m is None:
        english = _COMPARED.search(q.text) if q.english else None
        if english is None:
            return q, None
        # "…this year, compared with 2024?": the translation keeps no "compared"; the base's years are
        # taken from the question as asked.
        base = english.group("base") or english.group("since") or english.group("than") or ""
        before = years_in(base)
        # The base's words as the question's terms have them ("similar municipalities" as "liknande
        # kommuner") go to the base; the rest is what is compared.
        theirs = set(words(to_swedish(base).lower())) | set(words(base.lower()))
        main = dataclasses.replace(
            q,
            years=tuple(y for y in q.years if y not in before),
            terms=tuple(t for t in q.terms if t.word not in theirs) or q.terms,
        )
        return main, dataclasses.replace(
            q, swedish=base.lower(), years=tuple(sorted(before)), terms=tuple(t for t in q.terms if t.word in theirs)
        )

    def part(text: str) -> Question:
        kept = set(words(text))
        return dataclasses.replace(
            q,
            swedish=text,
            terms=tuple(t for t in q.terms if t.word in kept),
            years=tuple(y for y in q.years if str(y) in kept),
        )

    # "Har biståndet blivit större sedan 2024?": the year it has changed since is the base.
    base = m.group("base") or m.group("since") or m.group("than")
    # "… jämfört med riket när det gäller andelen patienter …": what the figure is goes on after the base.
    topic = _TOPIC.search(base)
    if topic is None:
        return part(q.swedish[: m.start()]), part(base)
    return part(f"{q.swedish[: m.start()]} {base[topic.start() :]}"), part(base[: topic.start()])


_TOPIC = lazy(r"\s(?:när det gäller|vad gäller|i fråga om|avseende|beträffande|when it comes to|in terms of)\s")
"""Where, after what a figure is compared with, the question goes on to say which figure it is."""


SHARE_UNIT = 0.1
"""How much a cell in percent gains, and one in another unit loses, when a share is asked."""


def best_cell(a: Answerer, q: Question) -> _Pick | None:
    """The cell whose row label, column header and caption cover the question best."""
    q, base = _parts_compared(q)
    # "… jämfört med riket": the column of what it is compared with is the second figure, not the first.
    compared = [t for t in base.content if t.found] if base is not None else []
    terms = [t for t in q.content if t.found]
    if not terms:
        return None
    from doksvar.answer.score import ORGANISATION_SHARE, domains, in_field, names_what_it_cost

    weights = {t.word: a.store.vocab.idf(t.alternatives) * _weight(t.word, q) for t in terms}
    titled = a.store.title_words(q.docs)
    fields = domains(titled)
    # "Where does Lervik rank …", "How does Lervik's spending … compare with the national average?": the
    # organisation of the title is what is set against the others, though a name.
    against_others = compared_with_others(q)
    for t in terms:
        if (t.stem in titled or in_field(t.stem, fields)) and (
            t.word not in q.names or (against_others and t.stem in titled)
        ):
            # "kommunstaben" of a report titled so, "socialtjänsten" of Socialnämnden's: every table is its
            weights[t.word] *= ORGANISATION_SHARE
    costs = set()
    if names_what_it_cost(t for t in terms if t.stem not in titled):
        # "Vad kostade hemtjänsten": "kostade" says what kind of figure, "hemtjänsten" which row.
        costs = {t.word for t in terms if COST_STEM.match(t.stem)}
        for w in costs:
            weights[w] *= ORGANISATION_SHARE
    # A word the index lacks may still name a row whose label abbreviates it ("arbetstid" in "Tot ord
    # arbtid"): it is matched against labels as written out, and weighs as rare as a word can be.
    unindexed = [dataclasses.replace(t, alternatives=(t.stem,)) for t in q.content if _label_word(t, q)]
    for t in unindexed:
        weights[t.word] = a.store.vocab.idf(("\x00",)) * _weight(t.word, q)
    terms = terms + unindexed
    total = sum(weights.values()) or 1.0
    periods = [w for w in weights if is_period(w)]
    kinds = _kinds(q, terms)
    asks_deviation = q.negative or q.positive or any("avvik" in t.stem for t in terms) or against_budget(q)
    said_deviation = {t.word for t in terms if t.word in q.direction or "avvik" in t.stem}
    period = bool(PERIOD.search(q.swedish))
    full_year = bool(FULL_YEAR.search(q.swedish + " " + q.text.lower()))
    ages = age_groups(f"{q.swedish} {q.text}")  # "under 30" names the row "29 år och yngre"
    groups = {t.stem for t in q.content if t.stem in GROUP_STEMS}
    asked = [stem(w) for w in words(q.swedish)]
    asks_per = bool(_PER.search(q.swedish))  # "biståndet per hushåll": the question divides as the row does
    asked_months = _months(q.swedish)
    share_asked = asks_share(q)
    balance = next((side for side, pattern in _BALANCE_ASKED if pattern.search(f"{q.swedish} {q.text.lower()}")), "")
    best: _Pick | None = None
    # A table may name the head of a question's compound only ("Avvikelse" for "budgetavvikelse").
    wider = [dataclasses.replace(t, alternatives=(*t.alternatives, *a.store.vocab.heads(t.stem))) for t in terms]
    if asks_deviation:
        # "Hur mycket under budget …" names no deviation row, but it is one the table must have.
        alternatives, how = a.store.vocab.expand("avvik")
        wider.append(Term("avvikelse", "avvik", alternatives, how))
    for table in a.store.tables(a.store.candidate_tables(wider, q.docs)):
        caption, header = table.caption, table.header
        described = _described(a, table)
        context = label_stems(f"{caption} {a.store.section_title(table.doc_id, table.section)} {described}")
        rows: dict[int, list[Cell]] = {}
        for cell in a.store.cells(table.id):
            rows.setdefault(cell.row, []).append(cell)
        # "Tabell 5. Placering i Öppna jämförelser, rang av 290 kommuner": every column is of places.
        places = bool(_OF_PLACES.search(caption)) and not any(
            w in h.lower() for h in header[1:] for w in _COLUMN_KINDS["plac"]
        )
        columns = {i: _column_fit(h, header, q, kinds, period, full_year, places) for i, h in enumerate(header) if i}
        base_columns = [i for i in columns if any(term_in_label(t, label_stems(header[i])) for t in compared)]
        for i in base_columns:
            fit, named = columns[i]
            if fit is not None and not named:  # "Aktuell period" is the period asked, beside "Motsvarande period …"
                columns[i] = (fit - BASE_COLUMN, named)
        if asked_months and not any(_months(h.lower()) for h in header[1:]):
            # "under juli–september": a table by quarter ("Kv 3") answers it, one by year does not
            columns = {
                i: (fit - NO_MONTHS, named) if fit is not None else (fit, named) for i, (fit, named) in columns.items()
            }
        in_context = {t.word for t in terms if term_in_label(t, context)}  # the caption and section title
        if MONEY_UNIT.search(f"{caption} {' '.join(header)}"):
            in_context |= costs  # a table in kronor is of costs (or incomes): "Vad kostade hemtjänsten?"
        table_years = any(years_in(h) for h in header)
        of_deviations = _of_deviations(f"{caption} {described}", header)
        # "Hur stor andel …" of a table whose rows, not its columns, are counts and shares
        # ("Avgångar, antal" over "Personalomsättning, %"): a row of shares, not of counts.
        share_rows = (
            share_asked
            and not any(_SHARE_COLUMN.search(h) for h in header[1:])
            and any(_SHARE_COLUMN.search(cells[0].row_label) for cells in rows.values())
        )
        for cells in rows.values():
            row_label = cells[0].row_label
            r_stems = label_stems(row_label)
            row_shares = {t.word: label_share(t, r_stems) for t in terms if term_in_label(t, r_stems)}
            per = _PER.split(row_label, maxsplit=1)
            if len(per) == 2 and not asks_per:
                # "Antal barn per årsarbetare" counts children: a word after "per" names what the
                # figure is divided by, not what it measures.
                measured = label_stems(per[0])
                for t in terms:
                    if t.word in row_shares and not term_in_label(t, measured):
                        row_shares[t.word] *= PER_SHARE
            row_terms = set(row_shares)
            row_numbers = set(re.findall(r"\d+", row_label))
            run = _common_run(row_label, asked)
            num_hits = sum(1 for n in q.numbers if n in row_numbers) + sum(1 for g in ages if g & row_numbers)
            if not num_hits and set(q.years) & years_in(row_label):
                num_hits = 1  # a table by year down its rows ("2025" over "Kv 1 … Kv 4")
            is_total = bool(TOTAL_ROW.match(row_label))
            # A deviation question is answered by the table's deviation row ("Avvikelse").
            deviation_row = asks_deviation and bool(_DEVIATION_ROW.search(row_label))
            if not row_terms and not num_hits and not (is_total or len(rows) == 1 or deviation_row):
                continue
            if (ages and not any(g & row_numbers for g in ages)) or (groups and not groups & r_stems):
                continue  # "aged 50 or older", "kvinnor": only a row of that group answers
            for cell in cells:
                col = cell.col
                if col not in columns or cell.value is None:
                    continue
                fit, col_terms = columns[col]
                if fit is None:
                    continue
                if asks_deviation and not (deviation_row or of_deviations or _is_deviation_column(cell.col_label)):
                    continue  # a deviation is read from a deviation row or column, not from an outcome
                if (q.negative or q.positive) and cell.value == 0:
                    continue  # no deviation either way
                if q.years and not table_years and not set(q.years) & years_in(f"{caption} {row_label}"):
                    fit -= 0.2  # a table without years answers for its report's year only
                explained = row_terms | {w for w in col_terms if w not in row_terms}
                if asks_deviation and of_deviations:
                    explained |= said_deviation  # "underskott": what every figure of the table is
                cap_terms = in_context - explained
                # A word the row names in part counts no less than the caption would make it count.
                named = sum(
                    weights[w] * max(row_shares.get(w, 1.0), IN_CAPTION if w in in_context else 0.0) for w in explained
                )
                # "helåret", "vid utgången av" choose the column; only a row that names them ("Periodens
                # resultat") is asked for them.
                unasked = sum(weights[w] for w in periods if w not in explained and w not in cap_terms)
                share = (named + IN_CAPTION * sum(weights[w] for w in cap_terms)) / max(total - unasked, 1e-9)
                if deviation_row:
                    share += 0.5
                score = share + fit + 0.15 * num_hits - 0.04 * _extra_words(row_label, terms, q)
                if base_columns:
                    score += BASE_TABLE  # a table with a column of what the figure is compared with
                if balance:
                    # "… left in the fund at the end of 2026": the closing balance ("utgående balans 31
                    # december"), not the opening one beside it.
                    said = _BALANCE_SIDE.search(f"{row_label} {cell.col_label}")
                    if said:
                        score += BALANCE_FIT if said.lastgroup == balance else -BALANCE_FIT
                if run >= QUOTED_RUN:
                    score += QUOTED_BONUS  # "bistånd per hushåll och månad": the row the question quotes
                if is_total and not row_terms:
                    score -= 0.05
                if share_rows and not _SHARE_COLUMN.search(row_label):
                    continue
                if share_asked and not share_rows:
                    # "Hur stor andel …": a percentage, not the count of a mixed table's other row.
                    shown = f"{row_label} {cell.col_label} {caption} {' '.join(header)}"
                    score += SHARE_UNIT if in_percent(shown) else -SHARE_UNIT
                if share < MIN_TABLE_SHARE - 0.2:
                    continue
                pick = _Pick(score, table, row_label, cell)
                if best is None or pick.score > best.score:
                    best = pick
    if best is None or best.score < MIN_TABLE_SHARE:
        return None
    return best


_DESCRIBES = lazy(
    r"^(?:tabell(?:en)?(?:\s+\d+(?:[.:]\d+)?)?(?:\s+nedan)?\s+(?:visar|redovisar|anger|sammanfattar|beskriver)\b"
    r"|i tabellen nedan\b|nedanstående tabell\b)",
    re.I,
)
"""A sentence that says what the table below it shows ("Tabellen visar den prognostiserade avvikelsen
mot budget per verksamhet vid respektive tillfälle")."""


def _described(a: Answerer, table) -> str:
    """What the paragraphs just above a table say the table shows, if they say so ("Tabellen visar …",
    perhaps followed by a line of its units)."""
    at = table.start
    for _ in range(DESCRIBED_WITHIN):
        sp = a.store.passage_before(table.doc_id, at)
        if sp is None or sp.passage.kind not in ("para", "item") or sp.passage.section != table.section:
            return ""
        p = sp.passage
        said = [s for x, y in p.sentences if _DESCRIBES.search(s := p.text[x - p.start : y - p.start])]
        if said:
            return " ".join(said)
        at = p.start
    return ""


DESCRIBED_WITHIN = 2
"""Paragraphs above a table looked through for the sentence that says what it shows."""


BASE_COLUMN = 0.05
"""Less fit for the column of what the question compares with ("Riket 2026" of "jämfört med riket")."""
BASE_TABLE = 0.1
"""More for the cells of a table that has such a column: it alone gives both figures."""
IN_CAPTION = 0.6
"""What a question word counts toward a cell when the table's caption or section title names it."""

NO_MONTHS = 0.1
"""Less fit for the columns of a table that names no month, when the question names months."""

_DATE = lazy(rf"\b(\d{{1,2}})\s+({MONTHS})\b")
_PER = lazy(r"\s+per\s+", re.I)
PER_SHARE = 0.3
"""What a word counts toward a row that it names only after "per" ("Kostnad per elev" for "elever")."""

QUOTED_RUN = 3
QUOTED_BONUS = 0.1
"""A row whose label the question quotes, this many words in a row, is preferred by the bonus."""


def _common_run(label: str, asked: list[str]) -> int:
    """The most words of the label that the question says in the same order, one after another."""
    own = [stem(w) for w in words(label)]
    best = 0
    for i in range(len(own)):
        for j in range(len(asked)):
            k = 0
            while i + k < len(own) and j + k < len(asked) and own[i + k] == asked[j + k]:
                k += 1
            best = max(best, k)
    return best


def _label_word(t: Term, q: Question) -> bool:
    """Whether a word the index lacks should still be looked for in table labels as written out: a
    word of the subject, or one a table says by a letter ("manliga" for a "(M)" row)."""
    from doksvar.answer.intent import is_cue_word
    from doksvar.lang.frequency import is_general

    if t.found or is_period(t.word) or is_cue_word(t.word) or t.word in q.direction:
        return False
    return not is_general(t.word) or t.stem in _LABEL_ONLY


_LABEL_ONLY = GROUP_STEMS
"""Everyday words a table says by a letter ("(M)", "(K)"): looked for in its labels though general."""

_DEVIATION_ROW = lazy(r"^(?:budget)?avvik|^differens|^återstår|^diff\b", re.I)


def _of_deviations(caption: str, header: Sequence[str]) -> bool:
    """Whether every figure of a table is a deviation from budget: its caption says so ("Prognos och
    utfall, avvikelse mot budget (mnkr)") and no column is a budget or a deviation of its own."""
    if not _DEVIATION_CAPTION.search(caption):
        return False
    return not any(_is_deviation_column(h) or "budget" in h.lower() for h in header[1:])


_DEVIATION_CAPTION = lazy(r"\bavvikelse\w* (?:mot|från|i förhållande till) budget|\bbudgetavvikelse", re.I)


def _is_deviation_column(label: str) -> bool:
    low = label.lower()
    return any(w in low for w in _COLUMN_KINDS["avvik"])


def _weight(word: str, q: Question) -> float:
    """How much a question word counts toward a cell's match, besides its rarity in the report."""
    from doksvar.answer.score import ORGANISATION_SHARE
    from doksvar.lang.frequency import generality_weight

    if word in q.names:
        return 1.0
    share = ORGANISATION_SHARE if is_organisation(word) or word in GENERIC or _MOVED.fullmatch(word) else 1.0
    return generality_weight(word) * share


_MOVED = lazy(r"klättr\w*|tappa\w*|rank\w*|placer\w*|topp\w*")
"""Words of a ranking question that say it asks a place, or how the place moved, not of what: a table's
column of places answers them."""


def _kinds(q: Question, terms: list[Term]) -> list[str]:
    """The kinds of column the question names; "X …, och vad var budgeten?" asks for the outcome first."""
    # A kind is named whether or not the report has the word as such ("målet" of "Målvärde 2025").
    # "avvek" is the past of "avvika": the deviation column as well.
    named = {"avvik" if t.stem.startswith("avvek") else t.stem for t in (*terms, *q.content)}
    # A place in a list is asked as a ranking is; "placerade barn" are placements, no place.
    kinds = [k for k in _COLUMN_KINDS if k != "plac" and any(s.startswith(k) or k in s for s in named)]
    if "prognos" not in kinds and _EXPECTED.search(f"{q.swedish} {q.text.lower()}"):
        kinds.append("prognos")  # "Vad landar … på", "tror kommunen", "expected to": the forecast
    after = _PLAN_AFTER.search(f"{q.swedish} {q.text.lower()}")
    if after and not set(kinds) & {"budget", "mål"} and _PLANNED.search(after.group()):
        kinds.append("budget")  # "…, och vad hade man räknat med?": what was budgeted
    if set(kinds) & {"budget", "mål"} and "utfall" not in kinds and after:
        kinds.insert(0, "utfall")  # "…, och vilket var målet?": the outcome first, then the target
    if "avvik" not in kinds and _REMAINS.search(f"{q.swedish} {q.text.lower()}"):
        kinds.append("avvik")  # "Hur mycket av årets pengar blev inte använt?": the column of what remains
    if "plac" not in kinds and intent_of(q) == "ranking":
        kinds.append("plac")  # "Var hamnade …, och vilken plats hade man året innan?": a column of places
    return kinds


_REMAINS = lazy(
    r"\b(?:finns|blev|är|var) kvar\b|\båterst\w*|\binte (?:blev |har )?(?:an|för)?(?:vän[dt]|bruka)\w*|\boanvänd\w*"
    r"|\bunspent\b|\bleft over\b|\bunused\b|\bremain\w*"
)
"""What is left of a budget ("blev kvar", "inte använt", "unspent"): a column of what remains."""
_PLANNED = lazy(r"räkna(?:t|de) med|tänkt|planerat")
_EXPECTED = lazy(
    r"\b(?:väntas|förväntas|beräknas|bedöms|tror|landar|räknar (?:\w+ )?med"
    r"|expect|expected|expects|projected|forecast\w*)\b"
)
"""Words that ask for what a forecast says, though they do not name it."""
_PLAN_AFTER = lazy(
    r"\b(?:och|and|jämfört med|compared (?:with|to))\b[^?]*\b(?:budget|mål|target|räkna(?:t|de) med|tänkt|planerat)"
)
"""The plan a question asks about after the figure itself ("… och vad var budgeten?", "…, compared
with the target?")."""


def _column_fit(
    h: str, header: tuple[str, ...], q: Question, kinds: list[str], period: bool, full_year: bool, places: bool = False
):
    """How well a column header fits the question (None: it cannot be the column asked for), and the
    question's words the header holds. `places`: the caption says every figure is a place in a list."""
    hl = h.lower()
    stems_ = label_stems(h)
    said = years_in(hl)
    fit = 0.0
    if q.years:
        if said and not said & set(q.years):
            return None, set()
        dated = [y for other in header[1:] for y in years_in(other)]
        if not said and dated and max(dated) not in q.years:
            return None, set()  # a column beside dated ones is of the report's latest year ("Prognos helår")
        fit += 0.1 if said else 0.0
    months, named_months = _months(q.swedish), _months(hl)
    if months and named_months:
        # "per augusti": the column of that month ("Prognos delår augusti"), not of another ("… april").
        if not months & named_months:
            return None, set()
        fit += 0.1
    elif months and any(months & _months(other.lower()) for other in header[1:]):
        fit -= 0.2  # "i augusti" where a column is August's ("Prognos augusti"): not the one of no month
    named = {t.word for t in q.content if t.found and term_in_label(t, stems_)}
    for k in kinds:
        if any(word in hl for word in _COLUMN_KINDS[k]):
            # A column of places is named by the words that ask a place ("rank", "klättrade") too.
            named |= {
                t.word
                for t in q.content
                if t.found and (t.stem.startswith(k) or k in t.stem or (k == "plac" and _MOVED.fullmatch(t.word)))
            }
            fit += 0.05
    has_kind = _column_kinds(h)
    if has_kind & {"prognos", "mål"} and not has_kind & set(kinds):
        fit -= 0.15  # a forecast or a target is not what happened
    if not kinds and has_kind == {"utfall"} and any(_months(o.lower()) for o in header[1:]):
        fit += 0.05  # no kind of figure asked: what happened ("Utfall" beside forecasts by month)
    if "budget" in has_kind and "budget" not in kinds and "avvik" not in has_kind:
        fit -= 0.1
    if "avvik" in has_kind and "avvik" not in kinds:
        fit -= 0.1
    if _CHANGE_COLUMN.search(hl) and not _ASKS_CHANGE.search(f"{q.swedish} {q.text.lower()}"):
        fit -= 0.15  # "Förändr. mot 2024": how much a figure moved, not the figure asked for
    if "plac" in kinds and "plac" not in has_kind and not places:
        return None, set()  # a ranking asked: the value measured is not its place
    if "plac" in has_kind and "plac" not in kinds:
        fit -= 0.1
    if period and PERIOD.search(hl):
        fit += 0.05
    if full_year and FULL_YEAR.search(hl):
        fit += 0.1
    elif full_year and PART_OF_YEAR.search(hl):
        return None, set()  # "för hela 2025": a column of January–April is no answer
    elif full_year and PERIOD.search(hl):
        fit -= 0.1
    asked_period = period and any(PERIOD.search(other.lower()) for other in header[1:])
    in_header = _header_kinds(header)
    if (
        not q.years
        and not set(kinds) & in_header
        and (not asked_period or PERIOD.search(hl))
        and any(years_in(other) for other in header)
    ):
        # No year asked, nor a kind of figure a column names: the latest year's actual figure (of the
        # period asked, "under perioden", when columns name periods).
        actual = [
            y
            for other in header
            if not re.search(r"prognos|budget", other, re.I) and (not asked_period or PERIOD.search(other.lower()))
            for y in years_in(other)
        ]
        latest = max(actual, default=0)
        if latest and latest in said and not has_kind & {"prognos", "budget"}:
            fit += 0.1
        elif not said:
            fit -= 0.02
    elif not q.years and said and has_kind & set(kinds):
        # The kind asked, in columns of several years ("Placering 2024", "Placering 2025"): the latest.
        alike = [y for other in header[1:] if _column_kinds(other) == has_kind for y in years_in(other)]
        if max(said) == max(alike) and min(alike) < max(said):
            fit += 0.02
    if _COUNT.search(q.swedish) and any(_COUNT_COLUMN.search(other) for other in header[1:]):
        # "Hur många …" of a table with both amounts and counts: the count column.
        fit += 0.15 if _COUNT_COLUMN.search(h) else -0.15
    if asks_share(q) and any(_SHARE_COLUMN.search(other) for other in header[1:]):
        # "Hur stor del av timmarna …" of a table with hours and their share: the share column.
        fit += 0.15 if _SHARE_COLUMN.search(h) else -0.15
    return fit, named


_CHANGE_COLUMN = lazy(r"\bförändr|\bchange\b|\bdiff\w* mot\b", re.I)
_ASKS_CHANGE = lazy(
    r"förändr|\b(?:ökat|ökade|ökar|minskat|minskade|minskar|ökning\w*|minskning\w*|sjunkit|stigit|klättr\w*|tappa\w*)\b"
    r"|\b(?:change\w*|increas\w*|decreas\w*|rose|fell|grown|grew|dropped|climb\w*|moved)\b|\bsedan\b|\bsince\b"
)
"""A question about how a figure moved, which a table's column of changes answers."""


def _header_kinds(header: Sequence[str]) -> set[str]:
    """The kinds of column a table's header names beside its row labels."""
    return {k for other in header[1:] for k in _column_kinds(other)}


def _column_kinds(label: str) -> set[str]:
    low = label.lower()
    return {k for k, ws in _COLUMN_KINDS.items() if any(w in low for w in ws)}


_MONTH = lazy(rf"\b(?:{MONTHS})\b")


_MONTH_NAMES = MONTHS.split("|")
_MONTH_SPAN = lazy(rf"\b({MONTHS})\s*(?:[–-]|till(?: och med)?)\s*({MONTHS})\b")
"""Months from one to another: "juli–september", "januari till april"."""
_QUARTER = lazy(r"\b(?:kv|kvartal|q)\s*\.?\s*([1-4])\b|\b(första|andra|tredje|fjärde)\s+kvartalet\b")
_TERTIAL = lazy(r"\b(?:t|tertial)\s*([1-3])\b|\b(första|andra|tredje)\s+tertialet\b")
_ORDINAL = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}


def _months(text: str) -> frozenset[str]:
    """The months a (lower-cased) text names: by name, every month of a span ("juli–september"),
    of a quarter ("Kv 3", "tredje kvartalet") or of a tertial ("T1", "första tertialet")."""
    found = set(_MONTH.findall(text))
    for m in _MONTH_SPAN.finditer(text):
        a, b = _MONTH_NAMES.index(m.group(1)), _MONTH_NAMES.index(m.group(2))
        found.update(_MONTH_NAMES[a : b + 1])
    for pattern, length in ((_QUARTER, 3), (_TERTIAL, 4)):
        for m in pattern.finditer(text):
            k = int(m.group(1)) if m.group(1) else _ORDINAL[m.group(2)]
            found.update(_MONTH_NAMES[(k - 1) * length : k * length])
    return frozenset(found)


_COUNT = lazy(r"\b(?:hur många|how many|antal\w*)\b", re.I)
_SHARE_COLUMN = lazy(r"%|\bprocent\b|\bandel", re.I)
"""A column of shares: "Andel (%)", "Procent", "Andel av total"."""
_COUNT_COLUMN = lazy(r"\b(?:antal|st|stycken|personer|besök\w*)\b", re.I)


_OF_ALL = frozenset(("totalt", "total", "summa", "år", "hela", "samtliga", "alla", "sammanlagt", "sammantaget"))
"""Words of a row label that name the whole of what is counted, no part of it."""


def _extra_words(row_label: str, terms: list[Term], q: Question) -> int:
    """Qualifiers of the row that the question does not ask for ("kvinnor" when asked for all)."""
    count = 0
    # "31 december": the day the figure is counted at, not a qualifier the question leaves out.
    dates = {w for m in _DATE.finditer(row_label.lower()) for w in m.groups()}
    counts = bool(COUNTS.search(q.swedish))
    said = set(words(q.swedish))  # "kommunens egna familjehem": a word the question says, however small
    for w in expand_label(words(row_label)):
        s = stem(w)
        if w in dates or (counts and w == "antal") or (w in said and len(w) >= 4):
            continue
        if w.isdigit():
            if w not in q.numbers:
                count += 2  # an age band or a code the question did not ask for
            continue
        if len(w) < 2 or w in _OF_ALL or is_organisation(w):
            continue  # "Sjukfrånvaro hela förvaltningen": the whole, which a question naming no part asks
        if not any(s in t.alternatives or t.word.startswith(w) or w.startswith(t.stem) for t in terms):
            count += 1
    return count
