"""Reading order of a PDF page: its runs of text as lines, columns read one after the other.

The runs are set in lines by their baselines. Lines that share a free vertical strip (a gutter)
form a band; a band whose sides both hold running text is read as columns, each top to bottom
and the left one first. A table of prose (tasks beside their comments, cells that start level
on both sides) is read row by row, each cell whole. A band of figures is a table and stays as it
stands, line by line, for the layout reader's tables; so does text across the page (a heading, a
footnote), while a small table inside one column stays in that column. Each line comes out as
layout text, indented within its column, with its type size for the heading finder; a line of
small type (a footnote, a photo credit or caption) is marked as an aside, which the layout reader
keeps from splitting a paragraph, and text set turned is read beside the page's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doksvar.ingest.glyphs import RUN_GAP, Run
from doksvar.lang.words import is_year

WORD = re.compile(r"[^\W\d_]{3,}")
BULLET = re.compile(r"[•●▪◦■□➢►–-](?:\s|$)")
# A gutter must be this many type sizes wide, and stand this far in from the edges of the text.
GUTTER = 0.6
INSET = 0.15
MAX_BLANK = 3
# A vertical gap of this many type sizes with nothing across the page ends a band.
APART = 2.5
# Type this much smaller than the page's body text, for at most this many lines, is set apart.
SMALL = 0.8
ASIDE_LINES = 10
# Rows of figures that make a column a table set beside running text in the other.
TABLE_ROWS = 3
FIGURE = re.compile(r"^[-−–+]?\(?\d[\d \u00a0\u202f.,]*\)?\s?%?$")


@dataclass
class PageLine:
    """A line of a page in reading order."""

    text: str
    """Layout text, indented within its column."""
    region: str
    """"" for a line across the page, else its band and column ("2.1")."""
    y: float
    """Baseline, larger is higher up the page."""
    size: float
    """The type size most of the line's characters are set in (0 for a blank line)."""
    aside: bool = False
    """Set apart from the running text: a photo credit, caption or footnote in small type, or text
    set turned. Read after a paragraph it would split, never inside it."""


@dataclass
class _TextLine:
    runs: list[Run]
    y: float
    size: float = 0.0

    def __post_init__(self) -> None:
        self.size = max(r.size for r in self.runs)


@dataclass
class _Band:
    lines: list[_TextLine]
    free: list[tuple[float, float]] = field(default_factory=list)
    tabular: bool = False


def read_page(runs: list[Run]) -> list[PageLine]:
    """The lines of a page in reading order, blank lines where the page leaves vertical space.

    Text set turned (a photo credit up the margin) stands beside the page's lines, not among
    them: a line each, before them when it starts in the upper half of the page, else after."""
    turned = sorted((r for r in runs if r.turned), key=lambda r: (-r.y, r.x0))
    runs = [r for r in runs if not r.turned]
    out = _read_upright(runs) if runs else []
    if out:
        _mark_asides(out, _body_size(runs))
    middle = (min(r.y for r in runs) + max(r.y for r in runs)) / 2 if runs else 0.0
    above = [PageLine(r.text, "", r.y, r.size, aside=True) for r in turned if r.y > middle]
    below = [PageLine(r.text, "", r.y, r.size, aside=True) for r in turned if r.y <= middle]
    if above and out:
        above.append(PageLine("", "", above[-1].y, 0.0))
    for line in below:
        if out and out[-1].text.strip():
            out.append(PageLine("", "", out[-1].y, 0.0))
        out.append(line)
    return above + out


def _mark_asides(lines: list[PageLine], body: float) -> None:
    """Mark the short stretches of small type (at most a few lines, each one piece of text, not
    cells of a table): a caption or credit under a picture, a footnote."""
    k = 0
    while k < len(lines):
        if not _small(lines[k], body):
            k += 1
            continue
        end = k
        while end < len(lines) and _small(lines[end], body):
            end += 1
        if end - k <= ASIDE_LINES:
            for n in range(k, end):
                lines[n].aside = True
        k = end


def _small(line: PageLine, body: float) -> bool:
    """A line of small type that is one piece of text, perhaps after a footnote's number."""
    pieces = re.split(r"\s{2,}", line.text.strip())
    one = len(pieces) == 1 or len(pieces) == 2 and len(pieces[0]) <= 3
    return bool(pieces[0]) and 0 < line.size <= SMALL * body and one


def _read_upright(runs: list[Run]) -> list[PageLine]:
    lines = _lines(runs)
    left = min(r.x0 for r in runs)
    right = max(r.x1 for r in runs)
    body = _body_size(runs)
    chars = sum(len(r.text) for r in runs)
    # pypdf's layout mode measures columns of characters the same way: narrower than the
    # average character, so that gaps survive as spaces.
    char_width = max(sum(r.x1 - r.x0 for r in runs) / (chars * 1.25), 0.5) if chars else 5.0
    out: list[PageLine] = []
    for b, band in enumerate(_bands(lines, left, right, body)):
        found = _columns(band, body)
        if found is None:
            _render(band.lines, left, "", char_width, out)
            continue
        columns, rows = found
        origins = [min(r.x0 for ln in col for r in ln.runs) for col in columns]
        if not rows:
            for c, col in enumerate(columns):
                if c and out and out[-1].text.strip() and _ends_sentence(out[-1].text):
                    out.append(PageLine("", "", out[-1].y, 0.0))
                _render(col, origins[c], f"{b}.{c}", char_width, out)
            continue
        # A table of prose: row by row, each cell whole, the left one first.
        bounds = sorted(rows, reverse=True)[1:] + [float("-inf")]
        upper = float("inf")
        for bound in bounds:
            for c, col in enumerate(columns):
                cell = [ln for ln in col if bound + 0.3 * body < ln.y <= upper]
                if cell:
                    if out and out[-1].text.strip():
                        out.append(PageLine("", "", out[-1].y, 0.0))
                    _render(cell, origins[c], f"{b}.{c}", char_width, out)
            upper = bound + 0.3 * body
    return out


def _body_size(runs: list[Run]) -> float:
    sizes: dict[float, int] = {}
    for r in runs:
        key = round(r.size, 1)
        sizes[key] = sizes.get(key, 0) + len(r.text)
    return max(sizes, key=lambda k: sizes[k])


def _lines(runs: list[Run]) -> list[_TextLine]:
    """Runs grouped by baseline, top down, each line's runs left to right.

    A run in much smaller type than those beside it (a footnote's number, raised) belongs to
    their line though its baseline stands apart by up to half their size. A line's baseline is
    that of its largest type."""
    ordered = sorted(runs, key=lambda r: (-r.y, r.x0))
    lines: list[_TextLine] = []
    group: list[Run] = []
    top = 0.0
    for run in ordered:
        if group:
            big = max(r.size for r in group)
            small, large = min(run.size, big), max(run.size, big)
            if top - run.y <= 0.5 * (large if small <= SMALL * large else small):
                group.append(run)
                continue
            lines.append(_line(group))
        group, top = [run], run.y
    if group:
        lines.append(_line(group))
    return lines


def _line(runs: list[Run]) -> _TextLine:
    main = max(runs, key=lambda r: r.size)
    return _TextLine(sorted(runs, key=lambda r: r.x0), main.y)


def _subtract(free: list[tuple[float, float]], runs: list[Run], width: float) -> list[tuple[float, float]]:
    """What of the free intervals no run covers, the pieces at least `width` wide."""
    for r in runs:
        cut = []
        for a, b in free:
            if r.x1 <= a or r.x0 >= b:
                cut.append((a, b))
                continue
            if r.x0 - a >= width:
                cut.append((a, r.x0))
            if b - r.x1 >= width:
                cut.append((r.x1, b))
        free = cut
        if not free:
            break
    return free


def _bands(lines: list[_TextLine], left: float, right: float, body: float) -> list[_Band]:
    """Consecutive lines that share a free vertical strip in the middle of the page.

    A band also ends where nothing stands across the page for a while (a running header or
    footer, the space around a table, the rows of a table of prose) and where rows of figures
    begin or end: a table is no part of the text columns beside it. A small table inside one
    column (its labels and figures on one side of the gutter, text on the other) is part of
    that column."""
    inset = INSET * (right - left)
    middle = [(left + inset, right - inset)]
    width = GUTTER * body
    bands: list[_Band] = []
    cur: _Band | None = None
    for line in lines:
        tabular = _tabular(line.runs)
        if cur is not None and cur.free:
            above = cur.lines[-1]
            apart = above.y - line.y > APART * max(body, line.size, above.size)
            free = [] if apart else _subtract(cur.free, line.runs, width)
            inside = not cur.tabular and tabular and _in_one_column(line.runs, free)
            if free and (cur.tabular == tabular or inside):
                cur.lines.append(line)
                cur.free = free
                continue
        cur = _Band([line], _subtract(middle, line.runs, width), tabular)
        bands.append(cur)
    return bands


def _in_one_column(runs: list[Run], free: list[tuple[float, float]]) -> bool:
    """A row of a table set inside one column: its figures and their label stand on one side of
    the gutters, and on the others stands text or nothing; a line of figures alone (a header's
    years) only with nothing beside it. Or two such tables side by side, one in each column."""
    if not free:
        return False
    # The gutter is the widest free strip; a narrower one may part two columns of the table.
    a, b = max(free, key=lambda strip: strip[1] - strip[0])
    sides: dict[int, list[Run]] = {}
    for r in runs:
        sides.setdefault(int(r.x0 >= (a + b) / 2), []).append(r)

    def words(side: list[Run]) -> list[Run]:
        return [r for r in side if not FIGURE.match(r.text.strip())]

    def labelled(side: list[Run]) -> bool:
        """Figures with their label, or a header's years (which label the columns below them)."""
        return _texty(words(side)) if words(side) else all(is_year(r.text.strip()) for r in side)

    holding = {k for k, rs in sides.items() if any(FIGURE.match(r.text.strip()) for r in rs)}
    if len(holding) > 1:
        return all(labelled(sides[k]) for k in holding)
    if len(holding) != 1:
        return False
    k = holding.pop()
    others = [rs for side, rs in sides.items() if side != k]
    if not _texty(words(sides[k])):
        return not others
    return all(WORD.search(" ".join(r.text for r in rs)) for rs in others)


def _tabular(runs: list[Run]) -> bool:
    """A row of figures: two or more runs that are figures."""
    return sum(1 for r in runs if FIGURE.match(r.text.strip())) >= 2


def _texty(runs: list[Run]) -> bool:
    """Words rather than figures."""
    text = " ".join(r.text for r in runs)
    letters = sum(ch.isalpha() for ch in text)
    visible = sum(not ch.isspace() for ch in text)
    return bool(WORD.search(text)) and letters >= 0.7 * visible


def _prose(runs: list[Run]) -> bool:
    """A line of running text: a few words."""
    return _texty(runs) and len(WORD.findall(" ".join(r.text for r in runs))) >= 3


def _bulleted(col: list[_TextLine]) -> bool:
    """A list: items that start with a bullet."""
    n = sum(1 for ln in col if BULLET.match(ln.runs[0].text.lstrip()))
    return n >= 2 and n >= 0.2 * len(col)


def _columns(band: _Band, body: float) -> tuple[list[list[_TextLine]], list[float]] | None:
    """The band's columns, left first, when it is prose set in columns, with the baselines where
    rows start when the columns are the cells of a table's rows (a task and its comment); None
    for anything else (text across the page, a table of figures, a table of one-line rows)."""
    if not band.free or band.tabular:
        return None
    cuts = [(a + b) / 2 for a, b in band.free]
    while True:
        columns = _split(band.lines, cuts)
        texty = [sum(_texty(ln.runs) for ln in col) for col in columns]
        # A strip of bullets or numbers between two gutters belongs to the text on its right.
        thin = next((k for k, n in enumerate(texty) if n == 0), None)
        if thin is None or not cuts:
            break
        del cuts[min(thin, len(cuts) - 1)]
    if not cuts:
        return None
    rows = _row_tops(columns, body)
    running = [_running(col, n, body) for col, n in zip(columns, texty, strict=True)]
    # Running text beside running text, or beside a list of short items (names in a box).
    beside = any(r and sum(_prose(ln.runs) for ln in col) >= 5 for r, col in zip(running, columns, strict=True))
    # Beside running text, a table of figures set in the other column is that column's (its rows
    # are no rows of the page).
    # So is the other column's short end: a paragraph's last lines at its top.
    listed = [
        r or beside and (len(col) >= 3 and n >= 0.8 * len(col) or _table_in_column(col) or _short_end(col, n))
        for r, col, n in zip(running, columns, texty, strict=True)
    ]
    if len(band.lines) >= 4 and all(listed):
        return columns, rows
    # A few lines are columns when they start level on both sides and one side runs on longer
    # than the other: the last lines of two columns, or a row of a table of prose whose cells
    # wrap. Where every line stands on both sides, the lines are the rows of a table.
    tops = [col[0].y for col in columns]
    if max(tops) - min(tops) > 0.3 * body:
        return None
    if any(n < 0.5 * len(col) or not any(_prose(ln.runs) for ln in col) for n, col in zip(texty, columns, strict=True)):
        return None  # a table's header of words stacked in its cells is no prose
    one_sided = sum(1 for line in band.lines if not line.runs[0].x0 < cuts[0] <= line.runs[-1].x0)
    if one_sided < max(1, len(band.lines) / 3):
        return None
    return columns, rows


def _short_end(col: list[_TextLine], texty: int) -> bool:
    """A column of a few lines of words, one of them running text: where a paragraph ends at the
    top of the last column (its rest, "derskott).", beside the other column's heading)."""
    return 0 < len(col) < 3 and texty == len(col) and any(_prose(ln.runs) for ln in col)


def _table_in_column(col: list[_TextLine]) -> bool:
    """A column that holds a table of figures: three rows of figures or more, and they or their
    labels and headers make most of its lines."""
    rows = sum(_tabular(ln.runs) for ln in col)
    return rows >= TABLE_ROWS and rows >= 0.4 * len(col)


def _running(col: list[_TextLine], texty: int, body: float) -> bool:
    """A column of running text or of a list: lines of words, most of them a few words long,
    none with pieces set apart as a table's cells are. The rows of a small table of figures in
    the column are no reason to doubt it: the rest of its lines decide."""
    rows = sum(_tabular(ln.runs) for ln in col)
    n = len(col) - rows
    prose = sum(_prose(ln.runs) for ln in col)
    if n < 3 or texty < 0.6 * n or not (prose >= 3 and prose >= 0.5 * n or _bulleted(col)):
        return False
    apart = sum(1 for ln in col if len(ln.runs) >= 2 and _wide_gaps(ln.runs, body) >= 1 and not _tabular(ln.runs))
    return apart <= 0.3 * n


def _split(lines: list[_TextLine], cuts: list[float]) -> list[list[_TextLine]]:
    """The lines' runs divided at the cuts, a column's lines top down."""
    columns: list[list[_TextLine]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        parts: list[list[Run]] = [[] for _ in columns]
        for run in line.runs:
            parts[sum(run.x0 >= c for c in cuts)].append(run)
        for k, part in enumerate(parts):
            if part:
                columns[k].append(_line(part))
    return columns


def _wide_gaps(runs: list[Run], body: float) -> int:
    """How many gaps of two type sizes or more stand between the runs of a line."""
    return sum(1 for a, b in zip(runs, runs[1:], strict=False) if b.x0 - a.x1 > 2 * body)


def _row_tops(columns: list[list[_TextLine]], body: float) -> list[float]:
    """Where the columns' blocks of lines start level with each other, as the cells of a table's
    rows do; [] when the columns run on by themselves (and start level only now and then)."""
    tops = [_block_tops(col) for col in columns]
    # A row starts where the first column and most others start a block (a cell may be empty).
    level = [
        y
        for y in tops[0]
        if 2 * sum(any(abs(y - t) <= 0.3 * body for t in other) for other in tops[1:]) >= len(tops) - 1
    ]
    top = min(col[0].y for col in columns) - 2 * body
    inner = [[t for t in ts if t < top] for ts in tops]
    matched = sum(1 for y in level if y < top)
    # A header row set in bold over every column vouches for a table with fewer rows.
    header = all(col[0].y >= top and all(r.bold for r in col[0].runs) for col in columns)
    if matched >= (1 if header else 2) and matched >= 0.6 * min(len(ts) for ts in inner):
        return level
    return []


def _block_tops(col: list[_TextLine]) -> list[float]:
    """The baselines where the column's blocks of lines (set apart by vertical space) start."""
    if not col:
        return []
    steps = [a.y - b.y for a, b in zip(col, col[1:], strict=False)]
    # The spacing of lines within a paragraph: the common step at the low end.
    leading = sorted(steps)[len(steps) // 4] if steps else 0.0
    tops = [col[0].y]
    for step, line in zip(steps, col[1:], strict=False):
        if step > 1.4 * leading:
            tops.append(line.y)
    return tops


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?:]['\"”)]*\s*$", text))


def _render(lines: list[_TextLine], origin: float, region: str, char_width: float, out: list[PageLine]) -> None:
    """Lines as layout text: each run at its column of characters from `origin`."""
    above = out[-1].y if out else None
    for line in lines:
        if above is not None and line.size:
            blank = min(int((above - line.y) / line.size) - 1, MAX_BLANK)
            out.extend(PageLine("", region, line.y, 0.0) for _ in range(max(blank, 0)))
        parts: list[str] = []
        length = 0
        last: Run | None = None
        for run in line.runs:
            col = int((run.x0 - origin) / char_width)
            pad = col - length
            if last is not None:
                gap = run.x0 - last.x1
                least = 2 if gap >= RUN_GAP * max(run.size, last.size) * 0.9 else (1 if gap > 0.15 * run.size else 0)
                if last.text.endswith(" ") or run.text.startswith(" "):
                    least = max(least - 1, 0)
                # A raised footnote number stays with the word it marks, however wide the type
                # before it ran.
                small, large = sorted((run.size, last.size))
                raised = small <= SMALL * large and gap < 0.5 * large
                pad = least if raised else max(pad, least)
            if pad > 0:
                parts.append(" " * pad)
                length += pad
            parts.append(run.text)
            length += len(run.text)
            last = run
        text = "".join(parts).rstrip()
        weights: dict[float, int] = {}
        for r in line.runs:
            weights[r.size] = weights.get(r.size, 0) + len(r.text.strip())
        size = max(weights, key=lambda k: (weights[k], k))
        out.append(PageLine(text, region, line.y, size))
        above = line.y
