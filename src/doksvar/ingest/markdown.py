"""Markdown in text reports: front matter, page comments, pipe tables and HTML tables.

PDF-to-Markdown pipelines write a report's metadata as YAML front matter, mark where a page
begins with a comment (`<!-- sida 12 -->`) and write tables as pipe tables or HTML. This module
reads them into metadata, page numbers and grids of cells; the text reader makes blocks of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doksvar.ingest.inline import clean_inline
from doksvar.ingest.tables import parse_value
from doksvar.lang.words import is_year

# ---------------------------------------------------------------- front matter

_FENCE = re.compile(r"^---\s*$")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_KEY = re.compile(r"^([A-Za-z_][\w\-.]{0,60})\s*:(?:\s+(.*))?$")
_TITLE_KEYS = ("title", "titel", "rubrik", "dokumenttitel", "document_title", "name", "namn")
_NULL = {"", "null", "~", "none", "[]", "{}"}


def front_matter(lines: list[str]) -> tuple[tuple[tuple[str, str], ...], int]:
    """The front matter's (key, value) pairs and the index of the first line after it.

    Front matter is a block of `key: value` lines between two `---` lines at the top of the file;
    a file without one gives ((), 0), and so does a leading rule with prose under it."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not _FENCE.match(lines[i]):
        return (), 0
    pairs: list[list[str]] = []
    for j in range(i + 1, min(len(lines), i + 500)):
        line = lines[j].rstrip()
        if _FENCE_END.match(line):
            return (tuple((k, v) for k, v in pairs) if pairs else ()), (j + 1 if pairs else 0)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY.match(line)
        if m and not line[0].isspace():
            pairs.append([m.group(1).strip(), _scalar(m.group(2) or "")])
        elif pairs and (line[0].isspace() or line.startswith("- ")):
            # A nested value or a list item belongs to the key above it.
            item = _scalar(line.strip().removeprefix("- ").strip())
            if item:
                pairs[-1][1] = f"{pairs[-1][1]}, {item}" if pairs[-1][1] else item
        else:
            return (), 0
    return (), 0


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return "" if value.lower() in _NULL else value


def meta_title(meta: tuple[tuple[str, str], ...]) -> str:
    """The report's title from its front matter, or "" when no title-like key has a value."""
    values = {k.lower(): v for k, v in meta if v}
    return next((values[k] for k in _TITLE_KEYS if k in values), "")


# ---------------------------------------------------------------- comments and page markers

_COMMENT_LINE = re.compile(r"^\s*<!--(.*?)-->\s*$", re.S)
_PAGE = re.compile(r"^\s*(?:sida|sid|page|pagenumber|page_number|s|p)\b[\s.:=#\"']*(\d{1,5})\b", re.I)


def comment_at(lines: list[str], i: int) -> tuple[int, int | None] | None:
    """When line `i` begins a comment that stands on lines of its own: (the index of the line
    after it, the page it says begins there or None); else None."""
    line = lines[i].strip()
    if not line.startswith("<!--"):
        return None
    end = i
    text = line
    while "-->" not in text[4:]:
        end += 1
        if end >= len(lines) or end - i > 200:
            return None  # never closed: it is text, not a comment
        text += "\n" + lines[end].strip()
    m = _COMMENT_LINE.match(text)
    if not m:
        return None  # something follows the comment on its last line
    page = _PAGE.match(m.group(1))
    return end + 1, int(page.group(1)) if page else None


# ---------------------------------------------------------------- grids: rows of cells


Part = tuple[str, list[int]]
"""One line of a cell's text (display text, seams), as `clean_inline` gives it."""


@dataclass
class Grid:
    """A table as read from the source: rows of cells, each cell its lines of text."""

    rows: list[list[list[Part]]]
    """Display rows, each a list of cells, each a list of the cell's non-empty lines."""
    heads: int = 1
    """How many leading rows are header rows."""
    sep: str = "\t"
    """What stands between two cells of a row in the display text."""
    frames: list[tuple[str, str]] = field(default_factory=list)
    """Per row: what stands before its first cell and after its last ("| ", " |")."""
    header: list[str] | None = None
    """The column labels when they are not simply the first row's cells."""
    raw: list[list[str]] = field(default_factory=list)
    """The cells' source text, row by row (for telling prose tables from tables of figures)."""
    notes: list[Part] = field(default_factory=list)
    """Text of the table that stands in no cell (an HTML caption)."""
    breaks: list[int] = field(default_factory=list)
    """Rows before which the source has a line that the display leaves out (`| --- |`)."""


def join_parts(parts: list[Part]) -> Part:
    """A cell's display text: its lines joined by a space, seams moved along."""
    text, seams = "", list[int]()
    for part, part_seams in parts:
        if text:
            text += " "
        seams.extend(len(text) + s for s in part_seams)
        text += part
    return text, seams


# A line of a label that the next line continues ("Nämnden för Miljö &" / "Hälsoskydd").
_OPEN_END = re.compile(r"(?:[&,/\-–(]|\b(?:och|samt|för|i|av|till|med|på|om|eller|inom|per))$", re.I)


def _logical_lines(parts: list[Part]) -> list[int]:
    """How many of a label's lines make up each of its logical lines (continued lines joined)."""
    sizes: list[int] = []
    for k, (text, _) in enumerate(parts):
        prev = parts[k - 1][0] if k else ""
        if sizes and (_OPEN_END.search(prev) or text[:1].islower() or text[:1] == "("):
            sizes[-1] += 1
        else:
            sizes.append(1)
    return sizes


def _is_figure(text: str) -> bool:
    return parse_value(text) is not None and not is_year(text.strip())


def header_split(rows: list[list[list[Part]]]) -> list[int] | None:
    """Per cell of the first row, how many of its lines are header (the rest are the first data
    row's), when a converter has written the first data row into the header row; else None.

    The sign is the one a reader goes by: the header cells of the columns of figures end in a
    figure (not a year) on a line of its own, as the body rows hold figures in those columns."""
    if len(rows) < 2:
        return None
    head, body = rows[0], rows[1:]
    holding = doubtful = numeric = whole = 0
    for col in range(1, len(head)):
        values = [join_parts(r[col])[0] for r in body if col < len(r) and r[col]]
        if not values or sum(parse_value(v) is not None for v in values) < max(1, (len(values) + 1) // 2):
            continue
        numeric += 1
        lines = head[col]
        if len(lines) >= 2 and _is_figure(lines[-1][0]):
            holding += 1
        elif len(lines) >= 2:
            doubtful += 1  # a header of two lines that does not end in a figure ("Bokslut<br>2024")
        elif len(lines) == 1 and _is_figure(lines[0][0]):
            whole += 1
    if numeric and whole == numeric and len(head[0]) == 1:
        # "| Tillsvidareanställda, antal | 1 412 | 1 398 |" over "|---|": a table with no header at
        # all, its first row written where the header goes.
        return [0] * len(head)
    if not holding or doubtful or holding * 2 < numeric:
        return None
    split = [len(head[0]) - _logical_lines(head[0])[-1] if head[0] else 0]
    for col in range(1, len(head)):
        lines = head[col]
        if lines and _is_figure(lines[-1][0]):
            split.append(len(lines) - 1)
        elif len(_logical_lines(lines)) >= 2:
            split.append(len(lines) - _logical_lines(lines)[-1])
        else:
            split.append(len(lines))
    return split


def split_first_row(grid: Grid) -> tuple[list[int], str] | None:
    """When the first row also holds the first data row: the offset, in each of its cells'
    display text, where the data begins, and the caption the corner cell gives; else None.

    The grid's header becomes the header part of each cell ("Utfall 2022"); the corner's header
    part names the table ("Utfall (miljoner kronor)")."""
    if grid.heads != 1:
        return None
    split = header_split(grid.rows)
    if split is None:
        return None
    offsets, header = [], []
    for parts, k in zip(grid.rows[0], split, strict=True):
        label = join_parts(parts[:k])[0]
        header.append(label)
        offsets.append(len(label) + 1 if label and k < len(parts) else len(label))
    grid.header = header
    return offsets, header[0]


# ---------------------------------------------------------------- pipe tables

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
_BR = re.compile(r"<br\s*/?>", re.I)


def _pipe_cells(line: str) -> tuple[list[str], bool, bool]:
    """A pipe row's cells as written, and whether it has a leading and a trailing pipe."""
    s = line.strip()
    lead = s.startswith("|")
    trail = len(s) > 1 and s.endswith("|") and not s.endswith("\\|")
    inner = s[1 if lead else 0 : len(s) - 1 if trail else len(s)]
    return _PIPE.split(inner), lead, trail


def _cell_parts(raw: str, breaks: re.Pattern[str] = _BR) -> list[Part]:
    parts = []
    for piece in breaks.split(raw):
        text, seams = clean_inline(piece.replace("\\|", "|"))
        if text:
            # An escaped pipe shows as a pipe: a place where the source has one more character.
            if "\\|" in piece:
                seams = sorted({*seams, *(m.start() for m in re.finditer(r"\|", text))})
            parts.append((text, seams))
    return parts


def pipe_table(lines: list[str], i: int) -> tuple[Grid, int] | None:
    """The pipe table whose header row is line `i`, and the index of the line after it; None
    when line `i` does not begin one (a header row followed by a `| --- | --- |` row)."""
    if "|" not in lines[i] or i + 1 >= len(lines):
        return None
    delimiter = lines[i + 1]
    if "|" not in delimiter or "-" not in delimiter or not _DELIMITER.match(delimiter):
        return None
    head, lead, trail = _pipe_cells(lines[i])
    if len(head) != len(_pipe_cells(delimiter)[0]) or (len(head) < 2 and not (lead or trail)):
        return None
    rows = [(head, lead, trail)]
    breaks = [1]
    j = i + 2
    while j < len(lines) and lines[j].strip() and "|" in lines[j]:
        if _DELIMITER.match(lines[j]):
            breaks.append(len(rows))
        else:
            rows.append(_pipe_cells(lines[j]))
        j += 1
    grid = Grid(
        rows=[[_cell_parts(c) for c in cells] for cells, _, _ in rows],
        sep=" | ",
        frames=[("| " if lead else "", " |" if trail else "") for _, lead, trail in rows],
        raw=[[_BR.sub(" ", c).strip() for c in cells] for cells, _, _ in rows],
        breaks=[b for b in breaks if b < len(rows)],
    )
    return grid, j


# ---------------------------------------------------------------- HTML tables

_TABLE_OPEN = re.compile(r"<table\b[^<>]*>", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_ROW = re.compile(r"<tr\b[^<>]*>(.*?)(?=<tr\b|</tr\s*>|</table\s*>|</t(?:head|body|foot)\s*>|$)", re.I | re.S)
_CELL = re.compile(r"<(t[dh])\b([^<>]*)>(.*?)(?=<t[dh]\b|</t[dh]\s*>|</tr\s*>|$)", re.I | re.S)
_SPAN = re.compile(r"\b(colspan|rowspan)\s*=\s*[\"']?(\d{1,3})", re.I)
_THEAD = re.compile(r"<thead\b.*?(?:</thead\s*>|(?=<tbody\b)|$)", re.I | re.S)
_LINE_BREAK = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol)\b[^<>]*>", re.I)


def table_span(text: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets of the first `<table>…</table>` in `text` at or after `start`, or None."""
    m = _TABLE_OPEN.search(text, start)
    if not m:
        return None
    end = _TABLE_CLOSE.search(text, m.end())
    if not end:
        return None
    return m.start(), end.end()


def html_table(fragment: str) -> Grid | None:
    """A `<table>` fragment as a grid (None when it holds no row of cells)."""
    heads_end = max((m.end() for m in _THEAD.finditer(fragment)), default=-1)
    rows: list[list[list[Part]]] = []
    raw: list[list[str]] = []
    labels: list[list[str]] = []  # per row and column: the text over it (a colspan's repeated)
    kinds: list[bool] = []  # per row: a header row
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    rest = fragment
    for m in _ROW.finditer(fragment):
        rest = rest.replace(m.group(0), " ", 1)
        cells: list[list[Part]] = []
        texts: list[str] = []
        over: list[str] = []
        all_th = True
        for c in _CELL.finditer(m.group(1)):
            _pad_rowspans(pending, cells, texts, over)
            spans = {k.lower(): int(v) for k, v in _SPAN.findall(c.group(2))}
            all_th &= c.group(1).lower() == "th"
            if spans.get("rowspan", 1) > 1:
                pending[len(cells)] = min(spans["rowspan"], 500) - 1
            parts = _cell_parts(c.group(3), _LINE_BREAK)
            cells.append(parts)
            texts.append(_LINE_BREAK.sub(" ", c.group(3)).strip())
            over.append(join_parts(parts)[0])
            for _ in range(min(spans.get("colspan", 1), 50) - 1):
                cells.append([])
                texts.append("")
                over.append(over[-1])
        _pad_rowspans(pending, cells, texts, over)
        if not cells:
            continue
        # A row of one cell across the table below the header ("<th colspan=6>Skattefinansierad
        # verksamhet</th>") names the group of rows under it: it is no header row, even in <th>.
        group = bool(rows) and len(cells) > 1 and sum(1 for t in texts if t) == 1 and bool(texts[0])
        header = m.start() < heads_end if heads_end >= 0 else all_th and not group
        rows.append(cells)
        raw.append(texts)
        labels.append(over)
        kinds.append(header)
    if not rows:
        return None
    heads = 0
    while heads < len(rows) - 1 and kinds[heads]:
        heads += 1
    heads = max(1, heads)
    notes = _cell_parts(_TABLE_OPEN.sub(" ", rest), _LINE_BREAK)
    grid = Grid(rows=rows, heads=heads, raw=raw, notes=notes)
    if heads > 1:
        width = max(len(r) for r in rows)
        grid.header = [
            " ".join(x for x in (row[col] if col < len(row) else "" for row in labels[:heads]) if x)
            for col in range(width)
        ]
    return grid


def _pad_rowspans(pending: dict[int, int], cells: list, texts: list[str], over: list[str]) -> None:
    """Empty cells where a cell of a row above reaches down (rowspan), so columns stay aligned."""
    while pending.get(len(cells)):
        pending[len(cells)] -= 1
        cells.append([])
        texts.append("")
        over.append("")


def looks_like_markdown(text: str) -> bool:
    """Whether a text file carries Markdown structure: front matter, page comments, pipe tables."""
    head = text[:4096].lstrip()
    if head.startswith("---") and front_matter(head.split("\n"))[1]:
        return True
    if re.search(r"^\s*<!--\s*(?:sida|page|sid)\b", text, re.M | re.I):
        return True
    return bool(re.search(r"^\s*\|?\s*:?-{3,}:?\s*\|\s*:?-{3,}", text, re.M))
