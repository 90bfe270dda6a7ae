"""Text reports (.txt, .md) to a Document: display text, sections, passages and tables.

The source is read line by line into blocks (headings, paragraphs, list items, tables, goal
rows); the blocks are then laid out as the display text, and every offset refers to that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from doksvar.ingest.inline import clean_inline
from doksvar.ingest.sentences import split_sentences
from doksvar.ingest.tables import group_label, is_numeric_row, parse_value
from doksvar.model import Cell, Document, Passage, Section, Table

HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,118})$")
TOC_LINE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(.+?)(?:\s*\.{3,}\s*|\t+\s*|\s{3,})(\d{1,4})\s*$")
TOC_TITLE = re.compile(r"^\s*(innehåll|innehållsförteckning|contents|table of contents)\s*$", re.I)
HTML_BLOCK = re.compile(r"</?(?:p|ul|ol|li|div|br|span|h[1-6]|table|tr|td|th)\b[^<>]*>", re.I)
BULLET = re.compile(r"^\s*(?:[-–•●▪*]|\d{1,2}[.)])\s+")
INNER_BULLET = re.compile(r"\s*[•●▪]\s+")
RULE = re.compile(r"^[\s\-–—|_=*\t]*$")
MD_HEADING = re.compile(r"^#{1,6}\s+")
SUBHEADING_END = re.compile(r"[.,:;!?…]$")


@dataclass
class _Block:
    kind: str  # title toc heading para item rows goalhead goal
    text: str = ""
    seams: list[int] = field(default_factory=list)
    number: str = ""
    rows: list[list[tuple[str, list[int]]]] = field(default_factory=list)
    group: str = ""


def parse_text(text: str, path: str, name: str, sha256: str) -> Document:
    """Build a Document from a report's decoded text."""
    blocks = _blocks(text)
    return _Layout(path, name, sha256).build(blocks)


# ---------------------------------------------------------------- pass 1: lines to blocks


def _blocks(text: str) -> list[_Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[_Block] = []
    toc_lines = _toc_line_numbers(lines)
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
                blocks.append(_Block("para", line))
            else:
                blocks.append(_Block("toc", _clean(line.replace("\t", " "))[0]))
            i += 1
            continue
        heading = _heading(MD_HEADING.sub("", line), last_number)
        if heading is not None:
            number, title = heading
            last_number = [int(p) for p in number.split(".")]
            blocks.append(_Block("heading", title, number=number))
            goal_table = False
            goal = ""
            i += 1
            continue
        if not blocks and "\t" not in line:
            text_, seams = _clean(MD_HEADING.sub("", line))
            blocks.append(_Block("title", text_, seams))
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
                        blocks.append(_Block("goalhead", "\t".join(c.strip() for c in row)))
                        goal_table = True
                        continue
                    goal_table = True
                    left, right = row[0], "\t".join(row[1:])
                    goal_text, goal_seams = _clean(INNER_BULLET.sub(" ", left).strip(" ●•"))
                    goal_text = goal_text.lstrip("●•▪ ").strip()
                    goal = goal_text
                    blocks.append(_Block("goal", goal_text, goal_seams, group=goal))
                    blocks.extend(_prose_blocks(right, goal))
            else:
                if goal_table:
                    goal_table = False
                    goal = ""
                blocks.append(_Block("rows", rows=[[_clean(c) for c in row] for row in cells]))
            continue
        if MD_HEADING.match(line):
            text_, seams = _clean(MD_HEADING.sub("", line))
            blocks.append(_Block("para", text_, seams, group=goal))
            i += 1
            continue
        blocks.extend(_prose_blocks(raw, goal if goal_table else ""))
        i += 1
    return blocks


def _clean(fragment: str) -> tuple[str, list[int]]:
    return clean_inline(fragment)


def _toc_line_numbers(lines: list[str]) -> set[int]:
    """Line numbers of the table of contents: its title and its "N Title ..... page" lines."""
    found: set[int] = set()
    run: list[int] = []
    titled = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if TOC_TITLE.match(line):
            found.add(i)
            titled = True
            continue
        if TOC_LINE.match(raw):
            run.append(i)
            continue
        if len(run) >= 3 or (titled and run):
            found.update(run)
        run = []
        titled = False
    if len(run) >= 3 or (titled and run):
        found.update(run)
    return found


def _heading(line: str, last: list[int] | None) -> tuple[str, str] | None:
    """(number, title) when `line` is the next numbered heading in sequence, else None."""
    m = HEADING.match(line)
    if not m or "\t" in line:
        return None
    number, title = m.group(1), m.group(2).strip()
    if not title[0].isupper() or SUBHEADING_END.search(title) and not title.endswith("?"):
        return None
    if len(title.split()) > 12 or re.search(r"\d{3,}", title):
        return None
    parts = [int(p) for p in number.split(".")]
    if any(p == 0 for p in parts[1:]):
        return None
    if not _follows(parts, last):
        return None
    return number, title


def _follows(parts: list[int], last: list[int] | None) -> bool:
    """Whether heading number `parts` may come after heading number `last`."""
    if last is None:
        return parts[0] <= 2 and all(p <= 1 for p in parts[1:])
    if parts[: len(last)] == last and len(parts) == len(last) + 1:
        return parts[-1] == 1  # first child
    for depth in range(1, len(last) + 1):
        prefix = last[: depth - 1]
        if len(parts) == depth and parts[:-1] == prefix:
            return last[depth - 1] < parts[-1] <= last[depth - 1] + 2
    return False


def _has_prose(cells: list[str]) -> bool:
    return any(len(c) > 120 or HTML_BLOCK.search(c) for c in cells)


def _is_prose_table(cells: list[list[str]]) -> bool:
    """A two-column table of prose (goal | analysis), not of figures."""
    prose_rows = [row for row in cells if _has_prose(row)]
    return bool(prose_rows) and not any(is_numeric_row(r) for r in cells[1:])


def _prose_blocks(fragment: str, group: str) -> list[_Block]:
    """Paragraphs and list items of a line of prose, HTML or plain."""
    out: list[_Block] = []
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
            out.append(_Block(kind, text_, seams, group=group))
    return out


# ---------------------------------------------------------------- pass 2: blocks to display


class _Layout:
    """Lays blocks out as display text and records sections, passages and tables."""

    def __init__(self, path: str, name: str, sha256: str) -> None:
        self.path, self.name, self.sha256 = path, name, sha256
        self.parts: list[str] = []
        self.pos = 0
        self.seams: list[int] = []
        self.passages: list[Passage] = []
        self.tables: list[Table] = []
        self.headings: list[tuple[str, str, int]] = []
        self.section = ""
        self.label = ""
        self.title = ""
        self.prev_kind = ""

    def _emit(self, text: str, kind: str) -> int:
        if self.parts:
            tight = kind == self.prev_kind and kind in ("toc", "item", "row")
            sep = "\n" if tight else "\n\n"
            self.parts.append(sep)
            self.pos += len(sep)
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        self.prev_kind = kind
        return start

    def _passage(self, kind: str, text: str, seams: list[int], group: str) -> None:
        start = self._emit(text, kind)
        self.seams.extend(start + s for s in seams)
        sentences = tuple((start + a, start + b) for a, b in split_sentences(text))
        self.passages.append(Passage(kind, self.section, self.label, group, start, start + len(text), text, sentences))

    def build(self, blocks: list[_Block]) -> Document:
        for i, block in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if block.kind == "title":
                self.title = block.text
                self._emit(block.text, "title")
            elif block.kind == "toc":
                self._emit(block.text, "toc")
            elif block.kind == "heading":
                start = self._emit(f"{block.number} {block.text}", "heading")
                self.headings.append((block.number, block.text, start))
                self.section = block.number
                self.label = ""
            elif block.kind == "goalhead":
                self._emit(block.text, "goalhead")
            elif block.kind == "goal":
                self.label = ""
                self._passage("goal", block.text, block.seams, block.group)
            elif block.kind == "rows":
                self._table(block)
            elif _is_subheading(block, nxt):
                self._emit(block.text, "subheading")
                self.seams.extend(self.pos - len(block.text) + s for s in block.seams)
                self.label = block.text
            else:
                self._passage(block.kind, block.text, block.seams, block.group)
        text = "".join(self.parts)
        return Document(
            path=self.path,
            name=self.name,
            title=self.title or self.name,
            text=text,
            sha256=self.sha256,
            sections=self._sections(len(text)),
            passages=tuple(self.passages),
            tables=tuple(self.tables),
            seams=tuple(sorted(set(self.seams))),
        )

    def _table(self, block: _Block) -> None:
        rows = block.rows
        header = [c[0] for c in rows[0]]
        body = rows[1:]
        has_groups = any(group_label([c[0] for c in r], header) for r in body)
        caption = self._caption(header, has_groups)
        self.prev_kind = "table-start"  # a table's first row is set apart from what stands above it
        group = header[0] if has_groups and header[0] else ""
        cells: list[Cell] = []
        table_index = len(self.tables)
        start_table = None
        row_passages: list[Passage] = []
        for r, row in enumerate(rows):
            texts = [c[0] for c in row]
            line = "\t".join(texts)
            start = self._emit(line, "row")
            if start_table is None:
                start_table = start
            if r == 0:
                continue
            starts, off = [], start
            for t in texts:
                starts.append(off)
                off += len(t) + 1
            g = group_label(texts, header)
            if g is not None:
                group = g
                continue
            label = f"{group} {texts[0]}".strip() if group else texts[0]
            for col in range(1, len(texts)):
                col_label = header[col] if col < len(header) else ""
                cells.append(
                    Cell(
                        row=r - 1,
                        col=col,
                        row_label=label,
                        col_label=col_label,
                        text=texts[col],
                        value=parse_value(texts[col]),
                        start=starts[col],
                        end=starts[col] + len(texts[col]),
                    )
                )
            sentences = ((start, start + len(line)),)
            row_passages.append(
                Passage(
                    "row", self.section, caption, group, start, start + len(line), line, sentences, table=table_index
                )
            )
        self.passages.extend(row_passages)
        self.tables.append(Table(caption, self.section, tuple(header), tuple(cells), start_table or 0, self.pos))

    def _caption(self, header: list[str], has_groups: bool) -> str:
        """The line above a table names it; failing that, its corner cell does."""
        if self.passages and self.prev_kind in ("para",) and len(self.passages[-1].text) <= 200:
            return self.passages[-1].text
        if header[0] and not has_groups:
            return header[0]
        return self.label or header[0]

    def _sections(self, length: int) -> tuple[Section, ...]:
        out = []
        for k, (number, title, start) in enumerate(self.headings):
            level = number.count(".") + 1
            end = length
            for number2, _, start2 in self.headings[k + 1 :]:
                if number2.count(".") + 1 <= level:
                    end = start2
                    break
            parent = number.rsplit(".", 1)[0] if "." in number else None
            out.append(Section(number, title, level, parent, start, end))
        return tuple(out)


def _is_subheading(block: _Block, nxt: _Block | None) -> bool:
    """A short line with no closing punctuation, followed by more text, labels what follows."""
    if block.kind != "para" or nxt is None or nxt.kind in ("heading", "title", "rows"):
        return False
    text = block.text
    if len(text) > 80 or len(text.split()) > 8 or SUBHEADING_END.search(text):
        return False
    if not text[0].isupper() or re.match(r"^[\d\s,.%-]+$", text):
        return False
    return True
