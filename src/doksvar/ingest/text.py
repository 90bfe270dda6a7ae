"""Text reports (.txt, .md) to a Document: display text, sections, passages and tables.

The source is read line by line into blocks (headings, paragraphs, list items, tables, goal
rows); the blocks are then laid out as the display text, and every offset refers to that text.
Markdown's front matter, page comments, pipe tables and HTML tables are read with
`ingest.markdown`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from doksvar.ingest.blocks import Block, build_document
from doksvar.ingest.headings import INNER_GAP, TOC_TITLE, heading, reads_as_title, toc_line_numbers
from doksvar.ingest.inline import clean_inline
from doksvar.ingest.markdown import (
    Grid,
    comment_at,
    front_matter,
    html_table,
    join_parts,
    meta_title,
    pipe_table,
    split_first_row,
    table_span,
)
from doksvar.ingest.tables import is_numeric_row
from doksvar.model import Document

HTML_BLOCK = re.compile(r"</?(?:p|ul|ol|li|div|br|h[1-6]|table|tr|td|th)\b[^<>]*>", re.I)
BULLET = re.compile(r"^\s*(?:[-–•●▪*]|\d{1,2}[.)])\s+")
INNER_BULLET = re.compile(r"\s*[•●▪]\s+")
RULE = re.compile(r"^[\s\-–—|_=*\t]*$")
MD_HEADING = re.compile(r"^#{1,6}\s+")


def parse_text(text: str, path: str, name: str, sha256: str) -> Document:
    """Build a Document from a report's decoded text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, body = front_matter(lines)
    title = meta_title(meta)
    return build_document(_blocks(lines, body, titled=bool(title)), path, name, sha256, title, meta)


# ---------------------------------------------------------------- pass 1: lines to blocks


class _Goals:
    """Where the reader stands in a goal table (goal | analysis rows of prose)."""

    def __init__(self) -> None:
        self.active = False
        self.goal = ""


_MARKED_NUMBER = re.compile(r"^#{1,6}\s+\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
MARKED = 2
"""Numbered headings marked with # from which a report's unmarked numbered lines are no headings."""


def _blocks(lines: list[str], first: int = 0, titled: bool = False) -> list[Block]:
    blocks: list[Block] = []
    toc_lines = toc_line_numbers(lines)
    marked_headings = sum(1 for ln in lines[first:] if _MARKED_NUMBER.match(ln))
    last_number: list[int] | None = None
    goals = _Goals()
    pages: list[tuple[int, int]] = []  # (index of the first block on a page, the page)
    i = first
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        if not line or RULE.match(line):
            i += 1
            continue
        comment = comment_at(lines, i)
        if comment is not None:
            # A comment is no body text; a page comment says where a page begins.
            i, page = comment
            if page is not None:
                pages.append((len(blocks), page))
            continue
        if "<" in line and "<table" in line.lower():
            end = _html_tables(lines, i, blocks, goals)
            if end is not None:
                i = end
                continue
        grid = pipe_table(lines, i)
        if grid is not None:
            blocks.extend(_grid_blocks(grid[0], goals))
            i = grid[1]
            continue
        if i in toc_lines:
            if TOC_TITLE.match(line):
                blocks.append(Block("para", line))
            else:
                blocks.append(Block("toc", _clean(line.replace("\t", " "))[0]))
            i += 1
            continue
        # A report that marks its numbered headings ("## 2 Uppdrag") marks them all: an unmarked
        # numbered line is a list's item ("3. Ungdom och fritid (fritidsgårdar, …)"). Nor is a line of
        # cells set apart by spaces a heading ("5. Ökad användning av välfärdsteknik    Personer med …").
        marked = MD_HEADING.match(line) if line[0] == "#" else None
        bare = line[marked.end() :] if marked else line
        found = (
            heading(bare, last_number)
            if bare[0].isdigit() and (marked_headings < MARKED or marked) and not INNER_GAP.search(line)
            else None
        )
        if found is not None:
            number, title = found
            last_number = [int(p) for p in number.split(".")]
            blocks.append(Block("heading", title, number=number))
            goals.active = False
            goals.goal = ""
            i += 1
            continue
        if not blocks and not titled and "\t" not in line and reads_as_title(MD_HEADING.sub("", line)):
            text_, seams = _clean(MD_HEADING.sub("", line))
            blocks.append(Block("title", text_, seams))
            i += 1
            continue
        end = _spaced_table(lines, i)
        if end is not None:
            # A table set out with spaces ("Barn och unga      -142 300   -156 840"): read as a
            # layout text's table is.
            blocks.extend(_spaced_blocks(lines[i:end]))
            goals.active = False
            goals.goal = ""
            i = end
            continue
        if "\t" in line:
            # A block of tab-separated lines: a table of figures or a goal table of prose.
            table_lines: list[str] = []
            carried = ""
            while i < len(lines) and lines[i].strip():
                if "\t" not in lines[i]:
                    if not (table_lines and _wrapped_label(lines[i], lines[i + 1] if i + 1 < len(lines) else "")):
                        break
                    # "Antal fraktenheter ro-ro" over "(trailrar, containrar m.m.)<TAB>38 400<TAB>…": a
                    # row's label wrapped onto two lines is one label.
                    carried = lines[i].strip() + " "
                elif not RULE.match(lines[i].strip()):
                    table_lines.append(carried + lines[i].lstrip(" ") if carried else lines[i])
                    carried = ""
                i += 1
            if not table_lines:
                continue
            cells = [ln.rstrip("\n").split("\t") for ln in table_lines]
            if _is_prose_table(cells):
                heads = ["\t".join(c.strip() for c in row) for row in cells]
                blocks.extend(_goal_blocks(cells, heads, goals, lambda row: ["\t".join(row[1:])]))
            else:
                goals.active = False
                goals.goal = ""
                blocks.append(Block("rows", rows=[[_clean(c) for c in row] for row in cells]))
            continue
        if MD_HEADING.match(line):
            text_, seams = _clean(MD_HEADING.sub("", line))
            blocks.append(Block("para", text_, seams, group=goals.goal))
            i += 1
            continue
        # A line wrapped by hand goes on in the next one: one paragraph, as a reader reads it.
        while i + 1 < len(lines) and _continues(raw, lines[i + 1]):
            raw = raw.rstrip() + " " + lines[i + 1].strip()
            i += 1
        blocks.extend(_prose_blocks(raw, goals.goal if goals.active else ""))
        i += 1
    _set_pages(blocks, pages)
    return blocks


def _wrapped_label(line: str, following: str) -> bool:
    """Whether a line between two rows of a tab-separated table is the first part of the next row's
    label: short, no sentence, no figure, and the row after it has a label and figures."""
    text = line.strip()
    if len(text) > WRAPPED_LABEL or text[-1] in _SENTENCE_ENDS or any(ch.isdigit() for ch in text):
        return False
    if "\t" not in following or not following.strip():
        return False
    label, _, rest = following.strip().partition("\t")
    label = label.strip()
    # The label goes on where the line left off: in lower case or in brackets ("(trailrar …)"), not as
    # a header row of its own under a caption ("Kajområde<TAB>2023<TAB>2024").
    return bool(label) and (label[0].islower() or label[0] == "(") and any(ch.isdigit() for ch in rest)


WRAPPED_LABEL = 60
"""The longest line read as the first part of a table row's label wrapped onto the next line."""

_CELL_GAP = re.compile(r"\S {2,}(?=\S)")
"""Two cells of a line set out with spaces: text, two spaces or more, text."""
SPACED_ROWS = 2
"""The fewest lines of figures that make a block of space-aligned lines a table."""


def _spaced_table(lines: list[str], i: int) -> int | None:
    """The end of a table set out with spaces that starts at line `i`: lines of cells parted by two
    spaces or more up to a blank line, most of them rows of figures (a header line, a wrapped label
    may be among them), or None."""
    from doksvar.ingest.layout import is_numeric_line

    if "\t" in lines[i] or not _CELL_GAP.search(lines[i].strip()):
        return None
    end, figures = i, 0
    while end < len(lines) and lines[end].strip() and "\t" not in lines[end]:
        figures += is_numeric_line(lines[end])
        end += 1
    if figures < SPACED_ROWS or figures * 2 < end - i:
        return None
    return end


def _spaced_blocks(table: list[str]) -> list[Block]:
    """Blocks of a table set out with spaces, read by the layout reader; a plain text has no pages."""
    from doksvar.ingest.layout import layout_blocks

    blocks = layout_blocks(["\n".join(table)])
    for block in blocks:
        block.page = None
    return blocks


def _set_pages(blocks: list[Block], pages: list[tuple[int, int]]) -> None:
    """Give every block the page it stands on, from where the page comments stood."""
    page = None
    k = 0
    for index, block in enumerate(blocks):
        while k < len(pages) and pages[k][0] <= index:
            page = pages[k][1]
            k += 1
        if page is not None:
            block.page = page


def _goal_blocks(
    cells: list[list[str]], heads: list[str], goals: _Goals, analysis: Callable[[list[str]], list[str]]
) -> list[Block]:
    """The rows of a goal table: a heading row, then per row its goal and the analysis beside it.

    `heads` is each row's display line should it be the table's heading row; `analysis` gives
    the fragments of a row's analysis cells (read as prose, one after the other)."""
    out: list[Block] = []
    for row, head in zip(cells, heads, strict=True):
        if not goals.active and not _has_prose(row):
            out.append(Block("goalhead", head))
            goals.active = True
            continue
        goals.active = True
        goal_text, goal_seams = _clean(INNER_BULLET.sub(" ", row[0]).strip(" ●•"))
        goal_text = goal_text.lstrip("●•▪ ").strip()
        goals.goal = goal_text
        out.append(Block("goal", goal_text, goal_seams, group=goals.goal))
        for fragment in analysis(row):
            out.extend(_prose_blocks(fragment, goals.goal))
    return out


def _grid_blocks(grid: Grid, goals: _Goals) -> list[Block]:
    """A pipe or HTML table: a goal table when its cells are prose, else a table of rows."""
    out = [Block("para", text_, seams, group=goals.goal if goals.active else "") for text_, seams in grid.notes]
    cells = grid.raw
    if _is_prose_grid(cells, grid.heads):
        heads = [
            lead + grid.sep.join(join_parts(c)[0] for c in row) + trail
            for row, (lead, trail) in zip(grid.rows, grid.frames or [("", "")] * len(grid.rows), strict=True)
        ]
        return out + _goal_blocks(cells, heads, goals, lambda row: row[1:])
    goals.active = False
    goals.goal = ""
    split = split_first_row(grid)
    offsets, caption = split if split is not None else (None, "")
    rows = [[join_parts(c) for c in row] for row in grid.rows]
    out.append(
        Block(
            "rows",
            rows=rows,
            sep=grid.sep,
            frames=grid.frames,
            heads=grid.heads,
            header=grid.header,
            split=offsets,
            caption=caption,
            breaks=grid.breaks,
        )
    )
    return out


def _html_tables(lines: list[str], i: int, blocks: list[Block], goals: _Goals) -> int | None:
    """Read the HTML table(s) that begin on line `i`, with any text around them on their first
    and last line, into `blocks`; the index of the line after them, or None when no table closes."""
    end = i
    while not re.search(r"</table\s*>", lines[end], re.I):
        end += 1
        if end >= len(lines) or end - i > 20000:
            return None
    chunk = "\n".join(lines[i : end + 1])
    pos = 0
    while True:
        span = table_span(chunk, pos)
        if span is None:
            break
        if chunk[pos : span[0]].strip():
            blocks.extend(_prose_blocks(chunk[pos : span[0]], goals.goal if goals.active else ""))
        grid = html_table(chunk[span[0] : span[1]])
        if grid is None:
            blocks.extend(_prose_blocks(chunk[span[0] : span[1]], goals.goal if goals.active else ""))
        else:
            blocks.extend(_grid_blocks(grid, goals))
        pos = span[1]
    if pos == 0:
        return None
    if chunk[pos:].strip():
        blocks.extend(_prose_blocks(chunk[pos:], goals.goal if goals.active else ""))
    return end + 1


def _clean(fragment: str) -> tuple[str, list[int]]:
    return clean_inline(fragment)


def _has_prose(cells: list[str]) -> bool:
    return any(len(c) > 120 or HTML_BLOCK.search(c) for c in cells)


def _is_prose_table(cells: list[list[str]]) -> bool:
    """A two-column table of prose (goal | analysis), not of figures."""
    prose_rows = [row for row in cells if _has_prose(row)]
    return bool(prose_rows) and not any(is_numeric_row(r) for r in cells[1:])


def _is_prose_grid(cells: list[list[str]], heads: int) -> bool:
    """A pipe or HTML table of prose (goal | analysis): long cells and no row of figures."""
    return any(len(c) > 120 for row in cells for c in row) and not any(is_numeric_row(r) for r in cells[heads:])


_SENTENCE_ENDS = ".!?:;…"
_GOES_ON = re.compile(r"^\s*[a-zåäöéü(]")


WRAP_WIDTH = 70
"""A line at least this long that stops mid-sentence was wrapped by hand, whatever the next begins with."""


def _continues(line: str, following: str) -> bool:
    """Whether `following` carries on the sentence of `line` (a hard-wrapped paragraph): the line
    stops mid-sentence and the next starts in lower case, as no heading, item or table does; or
    the line is as long as wrapped lines are and the next is prose too ("… två samarbetsprojekt:
    den nationella hubben, samt" / "Cityverse som är …")."""
    # The line stops mid-sentence: its last character, white space included, ends no sentence
    # (a string test, not a search that would try every position of a long line).
    if not line or line[-1] in _SENTENCE_ENDS or "\t" in following or "\t" in line or BULLET.match(following):
        return False
    if "<" in following[:2] or MD_HEADING.match(following):
        return False
    if _GOES_ON.match(following):
        return True
    follows = following.strip()
    prose = len(follows) >= WRAP_WIDTH // 2 or follows.endswith((".", "!", "?"))
    return len(line.strip()) >= WRAP_WIDTH and prose


def _has_inner_bullet(text: str) -> bool:
    return "•" in text or "●" in text or "▪" in text


def _prose_blocks(fragment: str, group: str) -> list[Block]:
    """Paragraphs and list items of a line of prose, HTML or plain."""
    out: list[Block] = []
    html = "<" in fragment and HTML_BLOCK.search(fragment) is not None
    pieces = HTML_BLOCK.split(fragment) if html else [fragment]
    for piece in pieces:
        if not piece.strip():
            continue
        item = not html and BULLET.match(piece) is not None
        body = BULLET.sub("", piece, count=1) if item else piece
        # Most paragraphs hold no bullet inside: no split to run.
        parts = INNER_BULLET.split(body) if _has_inner_bullet(body) else [body]
        for k, part in enumerate(parts):
            text_, seams = _clean(part)
            if not text_ or RULE.match(text_):
                continue
            kind = "item" if item or k > 0 or piece.lstrip().startswith(("•", "●")) else "para"
            out.append(Block(kind, text_, seams, group=group))
    return out


# ---------------------------------------------------------------- pass 2: blocks to display
