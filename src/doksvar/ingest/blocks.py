"""Blocks to a Document: the display text laid out block by block, with sections, labelled
passages and tables, every offset into the display text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from doksvar.ingest.headings import SUBHEADING_END, TOC_TITLE
from doksvar.ingest.sentences import split_sentences
from doksvar.ingest.tables import group_label, parse_value
from doksvar.lang.words import YEAR_IN_TEXT
from doksvar.model import Cell, Document, Passage, Section, Table


@dataclass
class Block:
    kind: str  # title toc heading para item rows goalhead goal gap (a page that gave no text)
    text: str = ""
    seams: list[int] = field(default_factory=list)
    number: str = ""
    rows: list[list[tuple[str, list[int]]]] = field(default_factory=list)
    group: str = ""
    page: int | None = None
    # Tables ("rows") whose source is not tab-separated (Markdown pipe tables, HTML):
    sep: str = "\t"  # what stands between two cells of a display row
    frames: list[tuple[str, str]] = field(default_factory=list)  # per row: text before and after its cells
    heads: int = 1  # leading rows that are header rows
    header: list[str] | None = None  # column labels, when not the first row's cells as they stand
    split: list[int] | None = None  # per cell of the last header row: where the first data row begins in it
    caption: str = ""  # what the table itself says it is of, when it says
    breaks: list[int] = field(default_factory=list)  # rows before which a source line is left out


def build_document(
    blocks: list[Block],
    path: str,
    name: str,
    sha256: str,
    title: str = "",
    meta: tuple[tuple[str, str], ...] = (),
) -> Document:
    """Lay the blocks out as display text and record what stands where; `title` and `meta` come
    from the file's metadata (front matter) when it has any."""
    doc = _Builder(path, name, sha256).build(blocks)
    if title or meta:
        doc = replace(doc, title=title or doc.title, meta=meta)
    return doc


LINK_LINE = re.compile(r"^!?\[[^\]]*\]\([^()\s]*\)$")
# A row that sums others by name ("Summa pågående projekt", "Totalt") names what it sums itself: it
# takes no row group's name before its own. Narrower than lang.words.TOTAL_ROW, whose "Nettokostnad"
# and "Resultat" rows sum a table but may sit in a group that names them.
UNIT_CELL = re.compile(
    r"\(?(?:tkr|mnkr|mkr|mdkr|kkr|kr|kronor|tusen kronor|miljoner kronor|%|procent|antal|st|dagar|timmar|år)\)?",
    re.I,
)
"""A header cell that is only a unit ("tkr", "(%)", "antal")."""
SUM_ROW = re.compile(r"^(?:summa|s:a|totalt?)\b", re.I)


class _Builder:
    """Lays blocks out as display text and records sections, passages and tables."""

    def __init__(self, path: str, name: str, sha256: str) -> None:
        self.path, self.name, self.sha256 = path, name, sha256
        self.parts: list[str] = []
        self.pos = 0
        self.seams: list[int] = []
        self.passages: list[Passage] = []
        self.tables: list[Table] = []
        self.headings: list[tuple[str, str, int, int | None]] = []
        self.page: int | None = None
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
        self.passages.append(
            Passage(kind, self.section, self.label, group, start, start + len(text), text, sentences, page=self.page)
        )

    def build(self, blocks: list[Block]) -> Document:
        for i, block in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if block.page is not None:
                self.page = block.page
            if block.kind == "title":
                # The title is a passage too, so that its words are found like any other.
                self.title = block.text
                self._passage("title", block.text, block.seams, "")
            elif block.kind in ("toc", "gap"):
                self._emit(block.text, block.kind)
            elif block.kind == "heading":
                start = self._emit(f"{block.number} {block.text}", "heading")
                self.headings.append((block.number, block.text, start, block.page))
                self.section = block.number
                self.label = ""
            elif block.kind == "goalhead":
                # The header row of a table of prose ("Mål | Analys"): a passage, so its words are found.
                self._passage("para", block.text, block.seams, "")
                self.prev_kind = "goalhead"
            elif block.kind == "goal":
                self.label = ""
                self._passage("goal", block.text, block.seams, block.group)
            elif block.kind == "rows":
                self._table(block)
            elif is_subheading(block, nxt) and (
                labels_a_passage(nxt, blocks[i + 2] if i + 2 < len(blocks) else None)
                or (TOC_TITLE.match(block.text) and nxt is not None and nxt.kind != "toc")
            ):
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

    def _table(self, block: Block) -> None:
        rows = block.rows
        heads = max(1, min(block.heads, len(rows)))
        header = list(block.header) if block.header is not None else [c[0] for c in rows[0]]
        # The first body row: the row after the header, or the last header row itself when a
        # converter has written the first data row into it.
        first = heads - 1 if block.split is not None else heads
        if block.split is None and first < len(rows) - 1:
            units = [c[0].strip() for c in rows[first]]
            if not units[0] and any(units[1:]) and all(not u or UNIT_CELL.fullmatch(u) for u in units[1:]):
                # "|  | tkr | tkr | %" under "| Kostnadsslag | Budget | Utfall | Avvikelse |": the header's
                # units, on a row of their own (the row stays in the text, but holds no figures).
                header = [f"{h} {units[k]}".strip() if k and k < len(units) else h for k, h in enumerate(header)]
                first += 1
        has_groups = any(
            group_label(self._cut(block, r, [c[0] for c in rows[r]]), header) for r in range(first, len(rows))
        )
        caption = self._caption(header, has_groups, block.caption)
        if len(header) > 1 and not any(header[1:]):
            # No column labels: a caption that names one year per column of figures names them
            # ("Personal per den 31 augusti 2026 och 2025").
            years = YEAR_IN_TEXT.findall(caption)
            if len(years) == len(header) - 1:
                header = [header[0], *years]
        self.prev_kind = "table-start"  # a table's first row is set apart from what stands above it
        group = header[0] if has_groups and header[0] else ""
        cells: list[Cell] = []
        table_index = len(self.tables)
        start_table = None
        row_passages: list[Passage] = []
        for r, row in enumerate(rows):
            texts = [c[0] for c in row]
            lead, trail = block.frames[r] if r < len(block.frames) else ("", "")
            line = lead + block.sep.join(texts) + trail
            start = self._emit(line, "row")
            if start_table is None:
                start_table = start
            if r in block.breaks:
                self.seams.append(start)  # a quote must not run over the `| --- |` row left out here
            starts, off = [], start + len(lead)
            for text_, seams in row:
                self.seams.extend(off + x for x in seams)
                starts.append(off)
                off += len(text_) + len(block.sep)
            if r < first:
                continue
            if r == first and first < heads:
                cut = block.split or []
                starts = [s + (cut[k] if k < len(cut) else 0) for k, s in enumerate(starts)]
            texts = self._cut(block, r, texts)
            g = group_label(texts, header)
            if g is not None:
                group = g
                continue
            label = f"{group} {texts[0]}".strip() if group and not SUM_ROW.match(texts[0]) else texts[0]
            for col in range(1, len(texts)):
                col_label = header[col] if col < len(header) else ""
                cells.append(
                    Cell(
                        row=r - first,
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
                    "row",
                    self.section,
                    caption,
                    group,
                    start,
                    start + len(line),
                    line,
                    sentences,
                    table=table_index,
                    page=self.page,
                )
            )
        self.passages.extend(row_passages)
        self.tables.append(
            Table(caption, self.section, tuple(header), tuple(cells), start_table or 0, self.pos, page=self.page)
        )

    @staticmethod
    def _cut(block: Block, r: int, texts: list[str]) -> list[str]:
        """A row's cell texts as data: of the header row that holds the first data row, the part
        of each cell after its header part."""
        if block.split is None or r != max(1, min(block.heads, len(block.rows))) - 1:
            return texts
        return [t[block.split[k] :] if k < len(block.split) else t for k, t in enumerate(texts)]

    def _caption(self, header: list[str], has_groups: bool, given: str = "") -> str:
        """The line above a table names it; failing that, what the table says of itself, or its
        corner cell. A line that is only a link ("[Tabell 4-1](4-1.csv)") names nothing."""
        above = self.passages[-1].text if self.passages else ""
        numbered = bool(NUMBERED_CAPTION.match(above))
        if (
            self.passages
            and self.prev_kind in ("para",)
            and len(above) <= (LONG_CAPTION if numbered else 200)
            and not LINK_LINE.match(above)
            and (numbered or not _PROSE.search(above) or not header[0])
        ):
            # A line, or a sentence; two sentences of prose tell of the table ("Vatten och avlopp
            # … ska gå med nollresultat. Över- och underskott förs …") where its corner cell names it.
            return self.passages[-1].text
        if given:
            return given
        last = self.tables[-1] if self.tables else None
        if last is not None and last.section == self.section and list(last.header) == header and any(header[1:]):
            # The same header again in the same section, no caption of its own: the table before it
            # continued on the next page, its header repeated ("Tabell 2. Driftredovisning per
            # verksamhet, tkr" over "Verksamhet | Budget | …" on the page after).
            return last.caption
        if header[0] and not has_groups:
            return header[0]
        return self.label or header[0]

    def _sections(self, length: int) -> tuple[Section, ...]:
        out = []
        for k, (number, title, start, page) in enumerate(self.headings):
            level = number.count(".") + 1
            end = length
            for number2, _, start2, _ in self.headings[k + 1 :]:
                if number2.count(".") + 1 <= level:
                    end = start2
                    break
            parent = number.rsplit(".", 1)[0] if "." in number else None
            out.append(Section(number, title, level, parent, start, end, page))
        return tuple(out)


NUMBERED_CAPTION = re.compile(r"(?:Tabell|Tab\.|Table)\s+\d+(?:[.:-]\d+)*[.:]\s")
"""A table's numbered caption ("Tabell 4. Driftredovisning per verksamhet, nettokostnad i tkr. PB =
periodbudget jan–aug, …"): a caption, however many sentences explain the columns after the title."""
LONG_CAPTION = 400
"""The longest numbered caption taken as one; a longer paragraph above a table is prose."""

_PROSE = re.compile(r"[a-zåäö)]\. [A-ZÅÄÖ]|^(?!(?:Tabell|Tab\.|Table|Diagram|Figur)\b).*[a-zåäö)]\.$")
"""Prose, not a caption: two sentences, or one that ends as a sentence ends ("Helårsprognosen är
111 100 tkr, vilket ger en avvikelse på 10 900 tkr."), unless it is numbered as a table's caption."""


def labels_a_passage(nxt: Block | None, after: Block | None) -> bool:
    """Whether the block after a sub-heading is a passage that takes the sub-heading as its label.

    A short line followed by another (a list of names, an address, a heading over a heading) is
    a passage of its own: as a label no passage carried, its words would not be found."""
    if nxt is None:
        return False
    if nxt.kind == "para":
        return not is_subheading(nxt, after)
    return nxt.kind == "item"


def is_subheading(block: Block, nxt: Block | None) -> bool:
    """A short line with no closing punctuation, followed by more text, labels what follows."""
    if block.kind != "para" or nxt is None or nxt.kind in ("heading", "title", "rows"):
        return False
    text = block.text
    if len(text) > 80 or len(text.split()) > 8 or SUBHEADING_END.search(text):
        return False
    if not text[0].isupper() or re.match(r"^[\d\s,.%-]+$", text):
        return False
    return True
