"""Text reports (.txt, .md) to a Document: display text, sections, passages and tables.

The source is read line by line into blocks (headings, paragraphs, list items, tables, goal
rows); the blocks are then laid out as the display text, and every offset refers to that text.
"""

from __future__ import annotations

import re

from doksvar.ingest.blocks import Block, build_document
from doksvar.ingest.headings import TOC_TITLE, heading, toc_line_numbers
from doksvar.ingest.inline import clean_inline
from doksvar.ingest.tables import is_numeric_row
from doksvar.model import Document

HTML_BLOCK = re.compile(r"</?(?:p|ul|ol|li|div|br|span|h[1-6]|table|tr|td|th)\b[^<>]*>", re.I)
BULLET = re.compile(r"^\s*(?:[-–•●▪*]|\d{1,2}[.)])\s+")
INNER_BULLET = re.compile(r"\s*[•●▪]\s+")
RULE = re.compile(r"^[\s\-–—|_=*\t]*$")
MD_HEADING = re.compile(r"^#{1,6}\s+")


def parse_text(text: str, path: str, name: str, sha256: str) -> Document:
    """Build a Document from a report's decoded text."""
    return build_document(_blocks(text), path, name, sha256)


# ---------------------------------------------------------------- pass 1: lines to blocks


def _blocks(text: str) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    toc_lines = toc_line_numbers(lines)
    last_number: list[int] | None = None
    goal_table = False
    goal = ""
    i = 0
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        if not line or RULE.match(line):
            i += 1
            continue
        if i in toc_lines:
            if TOC_TITLE.match(line):
                blocks.append(Block("para", line))
            else:
                blocks.append(Block("toc", _clean(line.replace("\t", " "))[0]))
            i += 1
            continue
        found = heading(MD_HEADING.sub("", line), last_number)
        if found is not None:
            number, title = found
            last_number = [int(p) for p in number.split(".")]
            blocks.append(Block("heading", title, number=number))
            goal_table = False
            goal = ""
            i += 1
            continue
        if not blocks and "\t" not in line:
            text_, seams = _clean(MD_HEADING.sub("", line))
            blocks.append(Block("title", text_, seams))
            i += 1
            continue
        if "\t" in line:
            # A block of tab-separated lines: a table of figures or a goal table of prose.
            table_lines = []
            while i < len(lines) and "\t" in lines[i] and lines[i].strip():
                if not RULE.match(lines[i].strip()):
                    table_lines.append(lines[i])
                i += 1
            if not table_lines:
                continue
            cells = [ln.rstrip("\n").split("\t") for ln in table_lines]
            if _is_prose_table(cells):
                for row in cells:
                    if not goal_table and not _has_prose(row):
                        blocks.append(Block("goalhead", "\t".join(c.strip() for c in row)))
                        goal_table = True
                        continue
                    goal_table = True
                    left, right = row[0], "\t".join(row[1:])
                    goal_text, goal_seams = _clean(INNER_BULLET.sub(" ", left).strip(" ●•"))
                    goal_text = goal_text.lstrip("●•▪ ").strip()
                    goal = goal_text
                    blocks.append(Block("goal", goal_text, goal_seams, group=goal))
                    blocks.extend(_prose_blocks(right, goal))
            else:
                if goal_table:
                    goal_table = False
                    goal = ""
                blocks.append(Block("rows", rows=[[_clean(c) for c in row] for row in cells]))
            continue
        if MD_HEADING.match(line):
            text_, seams = _clean(MD_HEADING.sub("", line))
            blocks.append(Block("para", text_, seams, group=goal))
            i += 1
            continue
        blocks.extend(_prose_blocks(raw, goal if goal_table else ""))
        i += 1
    return blocks


def _clean(fragment: str) -> tuple[str, list[int]]:
    return clean_inline(fragment)


def _has_prose(cells: list[str]) -> bool:
    return any(len(c) > 120 or HTML_BLOCK.search(c) for c in cells)


def _is_prose_table(cells: list[list[str]]) -> bool:
    """A two-column table of prose (goal | analysis), not of figures."""
    prose_rows = [row for row in cells if _has_prose(row)]
    return bool(prose_rows) and not any(is_numeric_row(r) for r in cells[1:])


def _prose_blocks(fragment: str, group: str) -> list[Block]:
    """Paragraphs and list items of a line of prose, HTML or plain."""
    out: list[Block] = []
    if HTML_BLOCK.search(fragment):
        pieces = HTML_BLOCK.split(fragment)
    else:
        pieces = [fragment]
    for piece in pieces:
        if not piece.strip():
            continue
        item = bool(BULLET.match(piece)) and not HTML_BLOCK.search(fragment)
        body = BULLET.sub("", piece, count=1) if item else piece
        parts = INNER_BULLET.split(body)
        for k, part in enumerate(parts):
            text_, seams = _clean(part)
            if not text_ or RULE.match(text_):
                continue
            kind = "item" if item or k > 0 or piece.lstrip().startswith(("•", "●")) else "para"
            out.append(Block(kind, text_, seams, group=group))
    return out


# ---------------------------------------------------------------- pass 2: blocks to display
