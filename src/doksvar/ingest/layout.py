"""Layout text (what `pdftotext -layout` writes, or a PDF's lines in reading order) to blocks.

Pages come in as lines with their indentation; a PDF's lines also say which column they stand
in and which of them are headings (outline, type size). The repairs: running headers and page
footers dropped; the table of contents recognised, its wrapped entries joined; headings found
by their numbering and joined when wrapped; the lines of a paragraph joined, words broken at
line ends made whole ("doku-" / "menteras") while a hyphen of the word itself stays ("SIP-" /
"samordnare", "Göteborgs- och"); tables aligned by runs of spaces cut into cells, with wrapped
row labels and multi-line column headers put together. Where the display text joins what the
source keeps apart (a page break, a kept hyphen, a wrapped label), a seam is recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from doksvar.ingest.blocks import UNIT_CELL, Block
from doksvar.ingest.headings import INNER_GAP, TOC_TITLE, heading, reads_as_title
from doksvar.ingest.inline import clean_inline
from doksvar.lang.words import is_year

PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:sida|sid|page|s\.)\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4})?\s*$", re.I
)
COMMENT_PIECES = 3
"""The most pieces of words after a row's figures that are its comment columns, not a sentence."""
LONE_FIGURE_GAP = 12
"""Spaces between a label and a figure standing alone far to its right: a table row, not a sentence
that ends in a number."""
TOC_RUN = 3
"""Lines in a row that end in a leader and a page number: contents, even where no title says so."""
LEADER_END = re.compile(r"(?:\s*\.{4,}|\s{2,}\.{2,}|\s*…{2,})\s*(\d{1,4})\s*$")
# A figure as a table cell; a last digit group may be short, as a misprint ("-7 73") still stands in its column.
NUMBER_CELL = re.compile(
    r"^(?:[-−–+]?\s?\d{1,3}(?:[ \u00a0]\d{3})*(?:[ \u00a0]\d{1,2})?(?:[,.]\d+)?\s?%?"
    r"|[-−–+]?\d+(?:[,.]\d+)?\s?%?|[-−–]|x|\.\.)$"
)
SEGMENT = re.compile(r"\S+(?: \S+)*")
BULLET = re.compile(r"^(?:[•●▪◦■□➢►–-]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"[.!?:]['\"”)]*$")
# Words after a hyphen that stands for the rest of a compound: "Göteborgs- och Bohuslän".
ELIDED = frozenset("och eller samt respektive resp liksom som men utan till".split())
# Words a wrapped label or heading line can end on, when its rest is on the next line.
CONNECTORS = frozenset(
    "och eller samt i inom för från till med av på om per under över mellan vid mot utan inför enligt".split()
)

HEADING_INDENT = 4
"""Characters a numbered heading may stand in from its column's edge; deeper, it is a list's line."""
WRAPPED_HEADING = 35
"""Characters from which a heading may go on onto the next line (a shorter one wraps only after a
connecting word such as "och")."""
HEADING_WRAP_DRIFT = 3
"""Characters a heading's second line may stand off from where its title starts."""
HEADING_WRAP_WORDS = 6
"""Words a heading's second line holds at most."""
SHORT_LINE = 0.8
"""Share of its column's width under which a line that ends a sentence ends its paragraph too."""
LABEL_CHARS, LABEL_WORDS = 70, 8
"""Characters and words of a sub-heading set as a line of its own, at most."""
TABLE_LOOKAHEAD = 10
"""Lines of header a table may have before its first row of figures."""
TABLE_GAP = 3
"""Blank lines that may stand between rows of one table."""
HEADER_CHARS = 50
"""Characters of a one-piece line that may still be a table's header."""
GROUP_LABEL_CHARS = 45
"""Characters of a line of words alone that may name a row group inside a table."""
ALIGNED = 2
"""Characters by which figures of one column may stand off from each other's edges."""
CAPTION_CHARS = 40
"""Characters from which a one-piece line over a table is its caption wherever it stands."""
SUB_ROW_INDENT = 2
"""How much further in a row's label starts than the row above for it to be a part of that row
("   kvinnor" under "Sjukfrånvaro, %")."""
LAYOUT_MIN_LINES = 20
"""Lines of text a file needs before its indents can tell a layout rendering from plain text."""
LAYOUT_INDENTED = 0.3
"""Share of a file's lines set in by three spaces or more from which it is a layout rendering."""
LAYOUT_COUNTERS = 3
"""Page counters on lines of their own ("4 (10)") from which a file is a layout rendering."""
PROSE_LINE = 50
"""Characters of a one-piece line from which it is running text, not a table's header."""
EDGE_LINES = 3
"""Lines at the top and at the foot of a page where running headers and footers stand."""
RUNNING_PAGES = 3
"""Pages a line must recur on, at least, to be a running header or footer."""
RUNNING_CHARS = 120
"""Characters a running header or footer has at most: a longer line is text."""


@dataclass
class Line:
    """A line of layout text, with what a PDF tells of it besides its characters."""

    text: str
    """The line as layout text: indented by spaces within its region, cells apart by runs of spaces."""
    page: int
    """The page it stands on, from 1."""
    region: str = ""
    """The column it belongs to ("" for text across the page): indents and widths are the column's."""
    heading: tuple[str, int] | None = None
    """A heading the PDF marks (outline, type size): its number ("" to number it in order) and level."""
    aside: bool = False
    """Set apart from the running text (a caption, credit or footnote in small type): it does not
    split a paragraph that runs on past it, and is read after that paragraph."""

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class _Para:
    kind: str
    parts: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)  # how each part joins the one before: " ", "hyphen", "page"
    page: int = 1
    indent: int = 0


def pages_of_text(text: str) -> list[str]:
    """A layout text's pages: split at form feeds."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\f")


def looks_like_layout(text: str) -> bool:
    """Whether a text file is a layout rendering of a PDF rather than a plain or tab-separated one."""
    if "\f" in text:
        return True
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < LAYOUT_MIN_LINES or "\t" in text:
        return False
    indented = sum(1 for ln in lines if ln.startswith("   "))
    footers = sum(1 for ln in lines if re.match(r"^\s*\d{1,4}\s*\(\d{1,4}\)\s*$", ln))
    return indented > len(lines) * LAYOUT_INDENTED or footers >= LAYOUT_COUNTERS


def layout_blocks(pages: list[str]) -> list[Block]:
    """Blocks of a report given as layout text, page by page (pages numbered from 1)."""
    return layout_lines([[Line(ln, number) for ln in page.split("\n")] for number, page in enumerate(pages, 1)])


def layout_lines(pages: list[list[Line]], numbered: bool = True) -> list[Block]:
    """Blocks of a report given as lines, page by page, in reading order.

    A line marked as a heading opens a section (numbered in order when the mark has no number);
    with `numbered` false, numbered lines of the text are not taken for headings (the PDF's
    outline names them)."""
    lines = _drop_running_lines(pages)
    return _Reader(lines, numbered).read()


def _standalone_words(lines: list[Line]) -> frozenset[str]:
    """Words that stand on their own in running text (lines of prose, not table headers)."""
    counts: Counter[str] = Counter()
    for ln in lines:
        if len(ln.stripped) > PROSE_LINE and len(_segments(ln.text)) == 1:
            counts.update(re.findall(r"[a-zåäö]+", ln.stripped))
    return frozenset(counts)


# ---------------------------------------------------------------- running headers and footers


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def _edge_shape(line: str) -> str:
    """A line's shape without the page number at either end: mirrored pages set it on the outer
    side ("2  Årsredogörelse 2023" on the left, "Årsredogörelse 2023  3" on the right)."""
    return re.sub(r"^(?:# )+|(?: #)+$", "", _shape(line))


# A page counter in a running header or footer: "4 (10)", "sida 4 av 10".
COUNTER = re.compile(r"\b\d{1,4}\s*\(\s*\d{1,4}\s*\)|\b\d{1,4}\s+(?:av|of)\s+\d{1,4}\b", re.I)


def page_furniture(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """Where the page furniture stands, as (page index, line index): page numbers and the lines that
    recur at the top or foot of pages (running headers and footers). They are no text of the report.

    A running line recurs on half the pages or more; that of one part of a report bound from
    several (its own page counter, "4 (10)") recurs on that part's pages with its counter."""
    edges: Counter[str] = Counter()
    counted: Counter[str] = Counter()  # beside a page counter, at the same edge of the page
    for page in pages:
        content = [i for i, ln in enumerate(page) if ln.text.strip()]
        for block in (content[:EDGE_LINES], content[-EDGE_LINES:]):
            shapes = {_edge_shape(page[i].text) for i in block}
            if any(COUNTER.search(page[i].text) for i in block):
                counted.update(shapes)
        edges.update({_edge_shape(page[i].text) for i in set(content[:EDGE_LINES] + content[-EDGE_LINES:])})
    threshold = max(RUNNING_PAGES, len(pages) // 2)
    running = {shape for shape, n in edges.items() if n >= threshold and len(shape) < RUNNING_CHARS}
    running |= {shape for shape, n in counted.items() if n >= RUNNING_PAGES and len(shape) < RUNNING_CHARS}
    running.discard("")
    out: set[tuple[int, int]] = set()
    for p, page in enumerate(pages):
        content_idx = [i for i, ln in enumerate(page) if ln.text.strip()]
        for block in (content_idx[:EDGE_LINES], content_idx[-EDGE_LINES:]):
            with_counter = any(COUNTER.search(page[i].text) for i in block)
            for i in block:
                ln = page[i]
                shape = _edge_shape(ln.text)
                if ln.heading is not None:
                    continue
                if not (
                    PAGE_NUMBER.match(ln.text)
                    or shape in running
                    and (edges[shape] >= threshold or with_counter and counted[shape] >= RUNNING_PAGES)
                ):
                    continue
                if not (p == 0 and i == content_idx[0] and not PAGE_NUMBER.match(ln.text)):
                    out.add((p, i))  # the report's title on its first page stays
    return out


def _drop_running_lines(pages: list[list[Line]]) -> list[Line]:
    """Lines of all pages, without the page furniture."""
    furniture = page_furniture(pages)
    out: list[Line] = []
    for number, page in enumerate(pages, 1):
        for i, ln in enumerate(page):
            if (number - 1, i) not in furniture:
                out.append(Line(ln.text.rstrip(), number, ln.region, ln.heading, ln.aside))
        out.append(Line("", number))
    return out


# ---------------------------------------------------------------- reading lines into blocks


def _segments(line: str) -> list[tuple[int, int, str]]:
    """Pieces of a line separated by two or more spaces, with their columns."""
    return [(m.start(), m.end(), m.group()) for m in SEGMENT.finditer(line)]


def _numeric_segments(line: str) -> list[tuple[int, int, str]]:
    return [s for s in _segments(line) if NUMBER_CELL.match(s[2].strip())]


def _comment_start(line: str) -> int | None:
    """Where a row's comment starts: text after two or more figures ("Handläggare  420,3  443,7
    23,4  Ökning med …  Förändring 2024/25 beror …"), a table's column of words; None for no comment."""
    return _comment_at(_segments(line))


def _comment_at(segs: list[tuple[int, int, str]]) -> int | None:
    nums = [k for k, seg in enumerate(segs) if NUMBER_CELL.match(seg[2])]
    if len(nums) < 2 or nums[0] == 0:
        return None
    end = nums[0]
    while end < len(segs) and NUMBER_CELL.match(segs[end][2]):
        end += 1
    if end - nums[0] < 2 or end == len(segs) or len(segs) - end > COMMENT_PIECES:
        return None
    if all(is_year(seg[2]) for seg in segs[nums[0] : end]):
        return None  # "Kommun  Andel, %  2024  2025  Förändring": a header, its years no figures
    return segs[end][0]


def is_numeric_line(line: str) -> bool:
    """Whether a line set out with spaces is a table row of figures ("Vuxen   -78 900   -84 215")."""
    segs = _segments(line)
    if _comment_at(segs) is not None:
        return True  # its figures, then a comment in words
    nums = [s for s in segs if NUMBER_CELL.match(s[2])]
    if (
        len(nums) == 1
        and len(segs) == 2
        and segs[1] is nums[0]
        and segs[1][0] - segs[0][1] >= LONE_FIGURE_GAP
        and not is_year(nums[0][2].strip())
    ):
        return True  # a label and, far to its right, its one figure (not a header's year): a one-column table
    if len(nums) < 2:
        return False
    # Figures stand to the right of any label: a sentence with numbers is not a row.
    first_num = segs.index(nums[0])
    return all(NUMBER_CELL.match(s[2]) for s in segs[first_num:])


class _Reader:
    def __init__(self, lines: list[Line], numbered: bool = True) -> None:
        self.lines = lines
        self.numbered = numbered
        self.outline: list[int] = []
        self.blocks: list[Block] = []
        self.held: list[tuple[int, Line]] = []  # asides met inside a paragraph that runs on past them
        self.untitled = True  # the first line may be the report's title
        self.i = 0  # the line being read
        self.para: _Para | None = None  # the paragraph being gathered
        self.in_toc = False  # within the table of contents
        self.last_number: list[int] | None = None
        self.words = _standalone_words(lines)
        self.hyphenated = frozenset(
            w.lower() for ln in lines if "-" in ln.text for w in re.findall(r"\w+-\w+", ln.text)
        )
        # Indents and line widths are measured within a line's column: the page's for text across it.
        self.margin: dict[tuple[int, str], int] = {}
        widths: dict[tuple[int, str], int] = {}
        for ln in lines:
            if not ln.blank:
                key = (ln.page, ln.region)
                self.margin[key] = min(self.margin.get(key, ln.indent), ln.indent)
                widths[key] = max(widths.get(key, 0), len(ln.text.rstrip()))
        self.width = max((w for (_, region), w in widths.items() if not region), default=80)
        self.widths = {key: w for key, w in widths.items() if key[1]}

    def _width(self, line: Line) -> int:
        return self.widths.get((line.page, line.region), self.width)

    def _indent(self, line: Line) -> int:
        """The line's indent from the left edge of its column."""
        return line.indent - self.margin.get((line.page, line.region), 0)

    def read(self) -> list[Block]:
        """The blocks of the lines, top to bottom: at each line the first step that knows it takes
        it (and the lines that go with it); a line no step takes is a line of a paragraph."""
        steps = (
            self._blank,
            self._aside,
            self._contents_title,
            self._contents_entry,
            self._marked_heading,
            self._numbered_heading,
            self._table_here,
            self._title,
            self._bullet,
        )
        while self.i < len(self.lines):
            if not any(step(self.lines[self.i]) for step in steps):
                self._paragraph_line(self.lines[self.i])
        self._flush(self.para)
        self._release()
        return self.blocks

    def _close_para(self) -> None:
        self._flush(self.para)
        self.para = None

    def _blank(self, line: Line) -> bool:
        if not line.blank:
            return False
        if self.para is not None and not self._continues_after_gap(self.i, self.para):
            self._close_para()
        self.i += 1
        return True

    def _aside(self, line: Line) -> bool:
        """A caption or credit between a paragraph's lines (at a column or page break) is held back."""
        if not (line.aside and self.para is not None and self._runs_on_past(self.i, self.para)):
            return False
        self.held.append((self.i, line))
        self.i += 1
        return True

    def _contents_title(self, line: Line) -> bool:
        if not TOC_TITLE.match(line.stripped):
            return False
        self._close_para()
        self.blocks.append(Block("para", line.stripped, page=line.page))
        self.in_toc = True
        self.i += 1
        return True

    def _contents_entry(self, line: Line) -> bool:
        if not self.in_toc and not self._contents_run(self.i):
            return False
        entry, used = self._toc_entry(self.i)
        if entry is None:
            self.in_toc = False  # the contents have ended
            return False
        self.blocks.append(Block("toc", entry, page=line.page))
        self.i += used
        return True

    def _marked_heading(self, line: Line) -> bool:
        """A heading the PDF marks (its type size, its outline)."""
        if line.heading is None:
            return False
        self._close_para()
        number, level = line.heading
        self.blocks.append(Block("heading", line.stripped, number=number or self._next_number(level), page=line.page))
        self.i += 1
        return True

    def _numbered_heading(self, line: Line) -> bool:
        """A heading by its number ("6.1 Driftsredovisning"), with its title's wrapped rest if any."""
        text = line.stripped
        # Cells set apart by spaces are a table's row ("6. Enkla digitala kontakter     Andel ärenden …").
        numbered = self.numbered and self._indent(line) <= HEADING_INDENT and not INNER_GAP.search(text)
        found = heading(text, self.last_number) if numbered else None
        if found is None:
            return False
        self._close_para()
        number, title = found
        self.i += 1
        # A heading wrapped onto the next line, indented under its title.
        wrapped = len(text) > WRAPPED_HEADING or text.split()[-1].lower() in CONNECTORS
        if wrapped and self.i < len(self.lines) and self._heading_continues(line, self.lines[self.i], number):
            title += " " + self.lines[self.i].stripped
            self.i += 1
        self.last_number = [int(p) for p in number.split(".")]
        self.blocks.append(Block("heading", title, number=number, page=line.page))
        return True

    def _table_here(self, line: Line) -> bool:
        first_row = self._table_ahead(self.i)
        if first_row is None:
            return False
        self._close_para()
        self.i = self._table(self.i, first_row)
        return True

    def _title(self, line: Line) -> bool:
        """The first line of the report is its title, when it reads as one."""
        if not (self.untitled and not self.blocks and self.para is None and not self.in_toc):
            return False
        if not reads_as_title(line.stripped):
            return False
        self.blocks.append(Block("title", clean_inline(line.stripped)[0], page=line.page))
        self.i += 1
        return True

    def _bullet(self, line: Line) -> bool:
        text = line.stripped
        bullet = BULLET.match(text)
        if not bullet:
            return False
        self._flush(self.para)
        self.para = _Para("item", [text[bullet.end() :]], [""], line.page, line.indent + bullet.end())
        self.i += 1
        return True

    def _paragraph_line(self, line: Line) -> None:
        """A line of running text: it starts a paragraph or goes on with the one open."""
        lines, i, text = self.lines, self.i, line.stripped
        if self.para is not None and self._breaks(self.para, lines, i):
            self._close_para()
        if self.para is None:
            self.para = _Para("para", [text], [""], line.page)
        else:
            para = self.para
            prev = para.parts[-1]
            join = "page" if lines[i - 1].page != line.page or lines[i - 1].blank else " "
            hyphen = line_end_hyphen(prev, text, self.hyphenated)
            if hyphen == "mend":
                para.parts[-1] = prev[:-1]
                join = "page-hyphen" if join == "page" else "hyphen"
            elif hyphen == "keep":
                join = "keep"
            para.parts.append(text)
            para.joins.append(join)
        self.i += 1

    def _next_number(self, level: int) -> str:
        """The next number in an outline built from unnumbered headings: 1, 1.1, 1.2, 2 ..."""
        level = min(level, len(self.outline) + 1)
        self.outline = self.outline[:level]
        if len(self.outline) < level:
            self.outline.append(0)
        self.outline[level - 1] += 1
        return ".".join(str(n) for n in self.outline)

    # -------------------------------------------------------------- paragraphs

    def _breaks(self, para: _Para, lines: list[Line], i: int) -> bool:
        """Whether line i starts a new block rather than continuing the paragraph."""
        prev = lines[i - 1]
        text = lines[i].stripped
        last = para.parts[-1]
        if para.kind == "item":
            return lines[i].indent + 1 < para.indent or not text[:1].islower() and SENTENCE_END.search(last) is not None
        if self._short_label(last) and len(para.parts) == 1 and text[:1].isupper():
            return True  # the paragraph so far is a sub-heading
        if (
            SENTENCE_END.search(last)
            and len(prev.text.rstrip()) < SHORT_LINE * self._width(prev)
            and text[:1].isupper()
        ):
            return True  # a short last line that ends a sentence ends the paragraph
        if self._short_label(text) and i + 1 < len(lines) and SENTENCE_END.search(last):
            nxt = lines[i + 1].stripped
            return bool(nxt[:1].isupper())
        return False

    @staticmethod
    def _short_label(text: str) -> bool:
        return (
            len(text) <= LABEL_CHARS
            and len(text.split()) <= LABEL_WORDS
            and not re.search(r"[.,:;!?…]$", text)
            and text[:1].isupper()
        )

    def _continues_after_gap(self, i: int, para: _Para) -> bool:
        """A paragraph runs on across a page break when it had not ended and the next line goes on;
        so it does past a caption or credit set apart from it on the same page."""
        j, k = i, i - 1
        while j < len(self.lines) and (self.lines[j].blank or self.lines[j].aside):
            j += 1
        while k > 0 and (self.lines[k].blank or self.lines[k].aside):
            k -= 1
        if j >= len(self.lines):
            return False
        if self.lines[j].page == self.lines[k].page and not any(ln.aside for ln in self.lines[k:j]):
            return False
        nxt = self.lines[j].stripped
        return not SENTENCE_END.search(para.parts[-1]) and nxt[:1].islower()

    def _runs_on_past(self, i: int, para: _Para) -> bool:
        """Whether the paragraph goes on after the asides and blank lines from line i: it had not
        ended, and the next line of text continues it."""
        j = i
        while j < len(self.lines) and (self.lines[j].blank or self.lines[j].aside):
            j += 1
        if j >= len(self.lines) or SENTENCE_END.search(para.parts[-1]):
            return False
        return self.lines[j].stripped[:1].islower()

    def _release(self) -> None:
        """The asides held back while a paragraph ran past them, read as text of their own (a
        footnote's lines joined), each stretch apart from the next."""
        if not self.held:
            return
        held, self.held = self.held, []
        lines: list[Line] = []
        for k, (i, ln) in enumerate(held):
            if k and i > held[k - 1][0] + 1:
                lines.append(Line("", ln.page, ln.region))
            lines.append(Line(ln.text, ln.page, ln.region))
        reader = _Reader(lines, numbered=False)
        reader.untitled = False
        reader.words, reader.hyphenated = self.words, self.hyphenated
        self.blocks.extend(reader.read())

    def _flush(self, para: _Para | None) -> None:
        if para is None:
            return
        text, seams = "", []
        for part, join in zip(para.parts, para.joins, strict=True):
            cleaned, inner = clean_inline(part)
            if text:
                if join in ("hyphen", "keep", "page-hyphen"):
                    # A mended word is read whole in the source too; a kept hyphen or a page
                    # break is no place for a quote to run across.
                    if join != "hyphen":
                        seams.append(len(text))
                else:
                    if join == "page":
                        seams.append(len(text))
                    text += " "
            seams.extend(len(text) + s for s in inner)
            text += cleaned
        if text:
            self.blocks.append(Block(para.kind, text, sorted(set(seams)), page=para.page))
        self._release()
        return None

    # -------------------------------------------------------------- headings and contents

    def _heading_continues(self, head: Line, nxt: Line, number: str) -> bool:
        text = nxt.stripped
        title_col = head.indent + len(number) + 1
        return (
            not nxt.blank
            and abs(nxt.indent - title_col) <= HEADING_WRAP_DRIFT
            and len(text.split()) <= HEADING_WRAP_WORDS
            and not re.search(r"[.:;!?]$", text)
            and not is_numeric_line(nxt.text)
        )

    def _contents_run(self, i: int) -> bool:
        """Whether line i opens contents without a title: it and the next lines each end in a
        leader and a page number ("Kritik riktas till förskolenämnden ........ 4")."""
        ahead = [ln.stripped for ln in self.lines[i : i + TOC_RUN + 3] if not ln.blank][:TOC_RUN]
        if len(ahead) < TOC_RUN or not all(LEADER_END.search(x) and re.search(r"\.{4,}|…", x) for x in ahead):
            return False
        self.in_toc = True
        return True

    def _toc_entry(self, i: int) -> tuple[str | None, int]:
        """A contents line ("2.1 Titel ..... 4"), joined with its wrapped second line if any."""
        line = self.lines[i].stripped
        m = LEADER_END.search(line)
        if m:
            return _toc_text(line, m), 1
        if i + 1 < len(self.lines) and re.match(r"^\d", line):
            nxt = self.lines[i + 1].stripped
            m = LEADER_END.search(nxt)
            if m:
                return _toc_text(line + " " + nxt, LEADER_END.search(line + " " + nxt)), 2
        return None, 0

    # -------------------------------------------------------------- tables

    def _table_ahead(self, i: int) -> int | None:
        """The line of the first row of figures when line i starts a table (or its header)."""
        lines = self.lines
        if i > 0 and not lines[i - 1].blank and lines[i].stripped[:1].islower() and not is_numeric_line(lines[i].text):
            return None  # the rest of the sentence above, not a table's header
        j = i
        while j < len(lines) and j - i < TABLE_LOOKAHEAD:
            if lines[j].blank:
                # One blank line may stand between a header of several columns and its figures.
                if j == i or j + 1 >= len(lines) or not any(len(_segments(x.text)) >= 2 for x in lines[i:j]):
                    return None
                if not is_numeric_line(lines[j + 1].text) and not self._wrapped_first_label(j + 1):
                    return None
                return j + 1
            if is_numeric_line(lines[j].text):
                return j
            if not self._header_like(lines[j]):
                return None
            j += 1
        return None

    def _wrapped_first_label(self, k: int) -> bool:
        """Whether line k is the first line of the first row's label, its figures on the next line
        ("Miljöfarlig verksamhet," / "tillstånds- och anmälningspliktig   118   31")."""
        lines = self.lines
        return (
            k + 1 < len(lines)
            and len(_segments(lines[k].text)) == 1
            and len(lines[k].stripped) <= GROUP_LABEL_CHARS
            and not SENTENCE_END.search(lines[k].stripped)
            and is_numeric_line(lines[k + 1].text)
        )

    def _table(self, i: int, first_row: int) -> int:
        """Read the table whose header starts at line i and first row of figures is first_row (or the
        first line of its label)."""
        lines = self.lines
        while first_row + 2 < len(lines) and _is_year_row(lines[first_row].text) and _is_unit_row(lines[first_row + 1]):
            # "Budget  Utfall" / "2025  2025" / "tkr  tkr" over the figures: the years and the units
            # are the header's lines too.
            first_row += 2
        header_lines = [ln for ln in lines[i:first_row] if not ln.blank]
        i = first_row
        body: list[Line] = [] if is_numeric_line(lines[i].text) else [lines[i]]
        i += len(body)
        apart: set[int] = set()  # body lines set apart from the line above by vertical space
        j = i
        while j < len(lines):
            ln = lines[j]
            if ln.blank:
                k = j
                while k < len(lines) and lines[k].blank and k - j < TABLE_GAP:
                    k += 1
                if k < len(lines) and is_numeric_line(lines[k].text):
                    apart.add(len(body))
                    j = k
                    continue
                # A row group's name ("Pågående projekt") over rows that stand in the table's columns.
                if (
                    k + 1 < len(lines)
                    and lines[k].page == ln.page
                    and self._label_only(lines[k], body)
                    and is_numeric_line(lines[k + 1].text)
                    and _fits(lines[k + 1], body)
                ):
                    apart.add(len(body))
                    j = k
                    continue
                break
            if (
                is_numeric_line(ln.text)
                or self._label_only(ln, body)
                or _wraps_label(ln, body)
                or _continues_comment(ln, body)
            ):
                body.append(ln)
                j += 1
                continue
            break
        self.blocks.extend(_table_blocks(header_lines, body, self.words, apart))
        return j

    def _header_like(self, line: Line) -> bool:
        """A line that may stand in a table's header: pieces apart, or a few words."""
        text = line.stripped
        if self.numbered and heading(text, self.last_number) is not None and self._indent(line) <= HEADING_INDENT:
            return False
        return len(_segments(line.text)) >= 2 or (len(text) <= HEADER_CHARS and not SENTENCE_END.search(text))

    @staticmethod
    def _label_only(line: Line, body: list[Line]) -> bool:
        text = line.stripped
        return (
            bool(body)
            and len(_segments(line.text)) == 1
            and len(text) <= GROUP_LABEL_CHARS
            and not SENTENCE_END.search(text)
            and not _numeric_segments(line.text)
        )


def _wraps_label(line: Line, body: list[Line]) -> bool:
    """A line that goes on with the label of the row above ("Brand ej i byggnad (skog, mark," /
    "fordon m.m.)"), though it ends as a sentence would."""
    if not body or len(_segments(line.text)) != 1 or _numeric_segments(line.text):
        return False
    label = " ".join(p for _, _, p in _segments(body[-1].text) if not NUMBER_CELL.match(p))
    return len(line.stripped) <= GROUP_LABEL_CHARS and _continues_label(label, line.stripped)


def _continues_comment(line: Line, body: list[Line]) -> bool:
    """A line that goes on with the comment of the row above, standing in the comment's columns."""
    start = next((c for ln in reversed(body) if (c := _comment_start(ln.text)) is not None), None)
    segs = _segments(line.text)
    return start is not None and bool(segs) and segs[0][0] >= start - 2 and not _numeric_segments(line.text)


def _split_comments(
    header_lines: list[Line], body: list[Line], set_apart: set[int]
) -> tuple[list[Line], list[Line], dict[int, list[list[str]]], list[list[str]]]:
    """Header and body with the comment columns taken out, the comments by row (the id of the row's
    line) and column, and each comment column's header words: the table of figures is read as ever,
    and each comment is read down its column, a wrapped line after the other."""
    at = min(c for ln in body if (c := _comment_start(ln.text)) is not None)
    starts = _cluster([s for ln in body for s, _, _ in _segments(ln.text) if s >= at - 2], gap=3)

    def column(start: int) -> int:
        return max((k for k, c in enumerate(starts) if c <= start + 2), default=0)

    def cut(line: Line, into: list[list[str]]) -> Line:
        for s, _, piece in _segments(line.text):
            if s >= at - 2:
                into[column(s)].append(piece)
        return replace(line, text=line.text[: max(at - 2, 0)].rstrip())

    heads: list[list[str]] = [[] for _ in starts]
    header = [cut(ln, heads) for ln in header_lines]
    rows: list[Line] = []
    comments: dict[int, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for ln in body:
        first = _segments(ln.text)[0][0] if _segments(ln.text) else 0
        if _comment_start(ln.text) is not None:
            current = [[] for _ in starts]
            kept = cut(ln, current)
            comments[id(kept)] = current
        elif current is not None and first >= at - 2:
            cut(ln, current)  # the comment goes on, down its columns
            continue
        else:
            kept, current = ln, None
        if id(ln) in set_apart:
            set_apart.add(id(kept))
        rows.append(kept)
    return header, rows, comments, heads


def _fits(line: Line, body: list[Line]) -> bool:
    """Whether a row's figures stand in the columns of the rows above: most of them line up (on
    their right or left edges) with figures above, or the figures above all line up with them (a
    row of every column under rows of a few)."""
    above = [(s, e) for ln in body for s, e, _ in _numeric_segments(ln.text)]
    figures = [(s, e) for s, e, _ in _numeric_segments(line.text)]
    if not above or not figures:
        return False

    def near(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
        return any(abs(span[1] - e) <= ALIGNED or abs(span[0] - s) <= ALIGNED for s, e in spans)

    level = sum(near(above, f) for f in figures)
    return 2 * level >= len(figures) or all(near(figures, a) for a in above)


def _toc_text(line: str, m: re.Match[str] | None) -> str:
    if m is None:
        return re.sub(r"\s+", " ", line)
    title = re.sub(r"\s+", " ", line[: m.start()]).strip()
    return f"{title} {m.group(1)}"


@dataclass
class _Column:
    right: int
    """Where the column's figures line up: their left edge or their right edge."""
    lo: int = 0
    """The left edge of the column's widest figure."""
    hi: int = 0
    """The right edge of the column's widest figure."""


def _cluster(values: list[int], gap: int = 2) -> list[int]:
    """Positions that lie within `gap` of each other, as one position each (their smallest)."""
    out: list[list[int]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= gap:
            out[-1].append(v)
        else:
            out.append([v])
    return [group[0] if len(group) else 0 for group in out]


def _figure_columns(rows: list[list[tuple[int, int, str]]]) -> list[_Column]:
    """The columns of right-aligned figures, each with the span its figures cover.

    Figures that end within two places of each other stand in one column; so do the figures of
    two neighbouring columns that never share a row and touch ("87,5%" over a centred "7")."""
    rights = _cluster([e for segs in rows for _, e, _ in segs])
    groups: list[tuple[int, int, set[int]]] = []  # lo, hi, rows with a figure in the column
    for k, right in enumerate(rights):
        limit = rights[k + 1] if k + 1 < len(rights) else None
        members = [
            (r, s, e) for r, segs in enumerate(rows) for s, e, _ in segs if e >= right and (limit is None or e < limit)
        ]
        groups.append((min(s for _, s, _ in members), max(e for _, _, e in members), {r for r, _, _ in members}))
    merged: list[tuple[int, int, set[int], int]] = []
    for (lo, hi, used), right in zip(groups, rights, strict=True):
        if merged and lo - merged[-1][1] <= 2 and not (used & merged[-1][2]):
            plo, phi, pused, pright = merged[-1]
            merged[-1] = (plo, max(phi, hi), pused | used, pright)
        else:
            merged.append((lo, hi, used, right))
    return [_Column(right, lo, hi) for lo, hi, _, right in merged]


def _edge(words: list[tuple[int, int]], lo: int, hi: int, rightmost: bool = False) -> float:
    """Where to part two columns between places lo and hi: the middle of the widest stretch that
    the fewest pieces of text cross (of the rightmost such stretch, for the edge of the label column: pieces
    that stand apart left of the first column's header are the label column's)."""
    if hi <= lo:
        return lo
    cost = [sum(1 for s, e in words if s <= c < e) for c in range(lo, hi)]
    least = min(cost)
    best, run_start = (0, lo, lo), None
    for c in range(lo, hi + 1):
        if c < hi and cost[c - lo] == least:
            run_start = c if run_start is None else run_start
        elif run_start is not None:
            if c - run_start > best[0] or rightmost:
                best = (c - run_start, run_start, c)
            run_start = None
    return (best[1] + best[2]) / 2


def _is_unit_row(line: Line) -> bool:
    """A line of units alone, one over each column of figures ("tkr   tkr   %")."""
    segs = _segments(line.text)
    return len(segs) >= 2 and all(UNIT_CELL.fullmatch(piece) for _, _, piece in segs)


def _is_year_row(line: str) -> bool:
    nums = _numeric_segments(line)
    return len(nums) >= 2 and all(is_year(n[2]) for n in nums)


def _table_blocks(
    header_lines: list[Line], body: list[Line], words: frozenset[str] = frozenset(), apart: set[int] | None = None
) -> list[Block]:
    """A caption paragraph (if the table has one) and the table as a rows block. `apart` holds the
    body lines that vertical space sets apart from the line above (a row group's name below it).

    In steps: comments in a column of words are read apart; the columns are measured from the
    figures; the header's first lines may be the caption; the header's words go to their columns;
    each body line becomes a row, or names the rows below it, or goes on a row's label."""
    page = (body or header_lines)[0].page
    set_apart = {id(body[k]) for k in apart or () if k < len(body)}
    comments: dict[int, list[list[str]]] = {}
    comment_heads: list[list[str]] = []
    if any(_comment_start(ln.text) is not None for ln in body):
        header_lines, body, comments, comment_heads = _split_comments(header_lines, body, set_apart)
    # A first row of years is the header: "Nyckeltal  2019  2020  2021".
    year_header = body[0] if body and _is_year_row(body[0].text) else None
    if year_header is not None:
        body = body[1:]
    grid = _Grid.measure(header_lines + ([year_header] if year_header else []), body)
    caption_lines, heads = _caption_and_header(grid, header_lines, year_header, body)
    if heads and not caption_lines:
        caption_lines, heads = _numbered_caption(grid, heads)
    blocks: list[Block] = []
    if caption_lines:
        text, seams = "", []
        for ln in caption_lines:
            if text:
                seams.append(len(text))
                text += " "
            text += clean_inline(ln.stripped)[0]
        blocks.append(Block("para", text, seams, page=caption_lines[0].page))
    header_cells = [_join_pieces(pieces, words) for pieces in _header_pieces(grid, heads) + comment_heads]
    rows = _body_rows(grid, body, header_cells, comments, len(comment_heads), set_apart)
    blocks.append(Block("rows", rows=rows, page=page))
    return blocks


@dataclass
class _Grid:
    """Where a layout table's columns stand, measured from its figures and header."""

    columns: list[_Column]
    """The columns of figures, left to right."""
    left_aligned: bool
    """Whether the figures line up on their left edges (a word processor's default), not their right."""
    label_end: int
    """Where the first figure of any row starts: row labels stand left of it."""
    edges: list[float]
    """Of right-aligned columns: where the label column ends and each column parts from the next."""

    @classmethod
    def measure(cls, header_lines: list[Line], body: list[Line]) -> _Grid:
        numeric = [ln for ln in body if is_numeric_line(ln.text) and not _is_year_row(ln.text)] or body
        figures = [_numeric_segments(ln.text) for ln in numeric]
        led = zip(figures, numeric, strict=True)
        if figures and all(len(f) >= 2 and is_year(f[0][2]) and f[0][0] == _segments(ln.text)[0][0] for f, ln in led):
            # Rows led by their year ("2025     6,2     4,1 …" under "Kv 1  Kv 2 …"): the year is the
            # row's label, not a column of figures.
            figures = [f[1:] for f in figures]
        segs = [seg for row in figures for seg in row]
        label_end = min((s for s, _, _ in segs), default=0)
        lefts = _cluster([s for s, _, _ in segs])
        spans = _figure_columns(figures) if segs else []
        left_aligned = len(lefts) < len(spans)
        if left_aligned:
            anchors = [
                s
                for ln in header_lines
                for s, _, _ in _segments(ln.text)
                if s >= label_end - 1 and len(_segments(ln.text)) >= 2
            ]
            return cls([_Column(a) for a in _cluster([s for s, _, _ in segs] + anchors)], True, label_end, [])
        # Where the row labels end: header words left of that stand over the label column.
        label_ends = [
            e
            for ln in body
            for s, e, piece in _segments(ln.text)
            if not (is_numeric_line(ln.text) and s >= label_end - 1) and not NUMBER_CELL.match(piece)
        ]
        labels_end = max(label_ends, default=0)
        # The edges between the label column and the columns of figures: where a gap between them
        # is crossed by the fewest pieces of the header, in the middle of the widest such stretch.
        spread = [(a, b) for ln in header_lines for a, b, _ in _segments(ln.text)]
        bounds = [(min(labels_end, label_end - 1), label_end)]
        bounds += [(spans[k - 1].hi, spans[k].lo) for k in range(1, len(spans))]
        edges = [_edge(spread, lo, hi, k == 0) for k, (lo, hi) in enumerate(bounds)] if spans else []
        return cls(spans, False, label_end, edges)

    def column_of(self, start: int, end: int) -> int | None:
        """The column a piece of text stands over; None for the label column."""
        columns = self.columns
        if not columns:
            return None
        if self.left_aligned:
            if end <= self.label_end - 1 and start < self.label_end - 1:
                return None
            return min(range(len(columns)), key=lambda k: abs(columns[k].right - start))
        center = (start + end) / 2
        inside = [k for k, col in enumerate(columns) if col.lo <= center <= col.hi]
        if inside:
            return inside[0]
        return min(range(len(columns)), key=lambda k: min(abs(columns[k].lo - center), abs(columns[k].hi - center)))

    def header_column_of(self, start: int, end: int) -> int | None:
        """The column a header word stands over, between the edges; None for the label column."""
        if self.left_aligned or not self.columns:
            return self.column_of(start, end)
        k = sum(1 for edge in self.edges if edge <= (start + end) / 2)
        return None if k == 0 else k - 1

    def in_label_column(self, line: Line) -> bool:
        s, e, _ = _segments(line.text)[0]
        if self.left_aligned or not self.columns:
            return s < self.label_end - 1
        return s < self.edges[0]


def _caption_and_header(
    grid: _Grid, header_lines: list[Line], year_header: Line | None, body: list[Line]
) -> tuple[list[Line], list[Line]]:
    """The lines above the figures parted into the caption's and the header's. Label-only lines
    right above the first row of figures name a row group: they go to the top of `body`."""
    caption_lines: list[Line] = []
    heads = list(header_lines)
    if year_header is not None:
        if any(len(_segments(ln.text)) >= 2 for ln in heads):
            # Column labels over the years ("Bokslut" over "2023"): the header has two lines.
            heads = heads + [year_header]
        else:
            caption_lines, heads = heads, [year_header]
    # A first header line that is one piece over the label column is the table's caption.
    while (
        heads
        and len(_segments(heads[0].text)) == 1
        and (len(heads) > 1 or not grid.columns)
        and (grid.in_label_column(heads[0]) or len(heads[0].stripped) > CAPTION_CHARS)
    ):
        caption_lines.append(heads.pop(0))
    while (
        len(heads) > 1
        and len(_segments(heads[-1].text)) == 1
        and _segments(heads[-1].text)[0][1] < grid.label_end
        and grid.in_label_column(heads[-1])
    ):
        body.insert(0, heads.pop())
    return caption_lines, heads


_NUMBERED_CAPTION = re.compile(r"(?:Tabell|Tab\.|Table|Diagram|Figur|Bilaga)\s*\d+[.:]?\s+\S", re.I)
"""A table's numbered caption ("Tabell 6. Driftredovisning, tkr")."""


def _numbered_caption(grid: _Grid, heads: list[Line]) -> tuple[list[Line], list[Line]]:
    """A numbered caption standing over the label column in the header's first line ("Tabell 6.
    Driftredovisning, tkr   Budget 2025   Utfall 2025") is the table's caption, not a column's label:
    the caption's line, and the header with its place left blank."""
    segs = _segments(heads[0].text)
    if len(segs) < 2 or not _NUMBERED_CAPTION.match(segs[0][2]) or not grid.in_label_column(heads[0]):
        return [], heads
    start, end, piece = segs[0]
    line = heads[0]
    caption = replace(line, text=line.text[:end])
    rest = replace(line, text=" " * end + line.text[end:])
    return [caption], [rest, *heads[1:]]


def _header_pieces(grid: _Grid, heads: list[Line]) -> list[list[str]]:
    """Each column's header words (the label column's first), read top to bottom, left to right;
    the words of a line that stand together in one column make one piece."""
    header: list[list[str]] = [[] for _ in range(len(grid.columns) + 1)]
    lines_placed: list[list[tuple[int | None, int, int]]] = []
    for ln in heads:
        placed: list[tuple[int | None, int, int]] = []
        for s, e, piece in _segments(ln.text):
            if grid.left_aligned or not grid.columns:
                placed.append((grid.column_of(s, e), s, e))
                continue
            for m in re.finditer(r"\S+", piece):
                ws, we = s + m.start(), s + m.end()
                k = grid.header_column_of(ws, we)
                if placed and placed[-1][0] == k and placed[-1][2] >= s:
                    placed[-1] = (k, placed[-1][1], we)
                else:
                    placed.append((k, ws, we))
        lines_placed.append(placed)
    # Cells of an upper tier of the header ("Utgifter sedan projektets start" over "Total
    # projektbudget", "Ack. Utfall" and "Avvikelse") may span several columns: each is read
    # whole, in the column where it starts.
    upper = _upper_tier([{k for k, _, _ in placed} for placed in lines_placed])
    for start, pieces in _stacked_cells([_segments(ln.text) for ln in heads[:upper]]):
        k = grid.header_column_of(start, start + 1)
        header[0 if k is None else k + 1].extend(pieces)
    for ln, placed in zip(heads[upper:], lines_placed[upper:], strict=True):
        for k, ws, we in placed:
            header[0 if k is None else k + 1].append(ln.text[ws:we])
    return header


def _body_rows(
    grid: _Grid,
    body: list[Line],
    header_cells: list[tuple[str, list[int]]],
    comments: dict[int, list[list[str]]],
    comment_columns: int,
    set_apart: set[int],
) -> list[list[tuple[str, list[int]]]]:
    """The table's rows, the header first: each line of figures a row, its label joined with
    the label-only lines that go on it, name its group or stand above its figures."""
    width = len(grid.columns) + comment_columns
    no_comment: list[list[str]] = [[] for _ in range(comment_columns)]
    rows: list[list[tuple[str, list[int]]]] = [header_cells]
    group_pending: str | None = None
    group: str | None = None
    named = False  # the pending label stands apart above its rows: it names their group
    pending_at = 0  # where the pending label's line starts
    parent: tuple[int, int] | None = None  # the last row of figures and where its label starts
    for ln in body:
        if _is_year_row(ln.text) and _segments(ln.text)[0][0] >= grid.label_end - 1:
            continue  # the header repeated at the top of a new page
        if not is_numeric_line(ln.text):
            label = ln.stripped
            if id(ln) not in set_apart and rows[1:] and _continues_label(rows[-1][0][0], label):
                prev_text, prev_seams = rows[-1][0]
                rows[-1][0] = (_wrapped(prev_text, label), prev_seams + [len(prev_text)])
                _mark_row_moved(rows[-1])
            else:
                if group_pending is not None:
                    _keep_label(rows, group_pending, width, named)
                group_pending = label
                group = label
                named = id(ln) in set_apart
                pending_at = _segments(ln.text)[0][0]
                parent = None  # rows under a line of words alone are its group's, not a row's parts
            continue
        cells: list[tuple[str, list[int]]] = [("", []) for _ in grid.columns]
        label_parts = []
        for s, e, piece in _segments(ln.text):
            if NUMBER_CELL.match(piece) and e >= grid.label_end:  # left of every figure: the row's label
                k = grid.column_of(s, e)
                if k is not None:
                    cells[k] = (piece, [])
                    continue
            label_parts.append(piece)
        cells += [(" ".join(pieces), []) for pieces in comments.get(id(ln), no_comment)]
        label = " ".join(label_parts)
        goes_on = label[:1].islower() and _segments(ln.text)[0][0] <= pending_at + 1
        if group_pending is not None and label and (_opens_onto(group_pending) or goes_on):
            # "Ledningsstöd, Rakelradio och" / "IT-utrustning  900  640": the label goes on below;
            # so does "Hälsoskydd i skolor, förskolor" / "och bassängbad  72", its rest in lower case
            # where it began (not set in under it, as a group's rows are).
            row: list[tuple[str, list[int]]] = [(f"{group_pending} {label}", [len(group_pending)]), *cells]
            _mark_row_moved(row)
            rows.append(row)
            group_pending = group = None
            continue
        if group_pending is not None and label and _segments(ln.text)[0][0] > pending_at + 1:
            named = True  # rows set in under a label-only line: it names their group
        if not label and group_pending is not None:
            # "Kommuninterna / 0 0 0 / bidrag": the label stood above its figures.
            row = [(group_pending, []), *cells]
            _mark_row_moved(row)
            rows.append(row)
            group_pending = group = None
            continue
        if group_pending is not None and not (group and re.match(r"^[-–•]\s", label)):
            _keep_label(rows, group_pending, width, named)
            if named:
                group = None  # the group's row names it for the rows below
        group_pending = None
        if group and re.match(r"^[-–•]\s", label):
            # "- Ekonomi" under "Gemensamma tjänster": an item of the group above it.
            row = [(f"{group} {label}", [len(group)])] + cells
            _mark_row_moved(row)
            rows.append(row)
            continue
        group = None
        at = _segments(ln.text)[0][0]
        if parent is not None and label and at >= parent[1] + SUB_ROW_INDENT:
            # "   kvinnor  7,9  6,6" set in under "Sjukfrånvaro, % …  6,8  5,9": a part of that row
            # (whose label may have gone on over a line since).
            whole = rows[parent[0]][0][0]
            row = [(f"{whole} {label}", [len(whole)])] + cells
            _mark_row_moved(row)
            rows.append(row)
            continue
        rows.append([(label, [])] + cells)
        parent = (len(rows) - 1, at) if label and any(text for text, _ in cells) else None
    if group_pending is not None:
        _keep_label(rows, group_pending, width, named)
    return rows


def _upper_tier(columns_by_line: list[set[int | None]]) -> int:
    """How many of a header's first lines are a tier of its own above the rest, 0 if none.

    A tier ends where the stacks of words of two or more columns break off and start again
    further down than their lines follow each other ("Investeringsredovisning" / "(mnkr)", a line
    with nothing, "Kultur och fritidsnämnden"), while what stands on the line between runs on in
    its column above and below. Columns set half a line apart from each other take turns line by
    line: their stacks step two lines at a time throughout, and that is no tier."""
    where: dict[int | None, list[int]] = {}
    for n, columns in enumerate(columns_by_line):
        for c in columns:
            where.setdefault(c, []).append(n)
    steps = sorted(b - a for lines in where.values() for a, b in zip(lines, lines[1:], strict=False))
    if not steps:
        return 0
    step = steps[len(steps) // 2]
    for b in range(2, len(columns_by_line)):
        resumed = [
            c
            for c in columns_by_line[b]
            if any(a < b - 1 for a in where[c]) and b - max(a for a in where[c] if a < b) > 1.5 * step
        ]
        runs_on = all(min(where[d]) < b - 1 and max(where[d]) >= b for d in columns_by_line[b - 1])
        if len(resumed) >= 2 and runs_on:
            return b
    return 0


def _stacked_cells(lines: list[list[tuple[int, int, str]]]) -> list[tuple[int, list[str]]]:
    """The pieces of consecutive lines that stand over each other, as cells: each cell's left
    edge and its pieces top down."""
    cells: list[tuple[int, int, list[str], int]] = []  # left, right, pieces, last line
    for n, segments in enumerate(lines):
        for s, e, piece in segments:
            for k, (left, right, pieces, last) in enumerate(cells):
                if last == n - 1 and s < right and e > left:
                    cells[k] = (min(left, s), max(right, e), [*pieces, piece], n)
                    break
            else:
                cells.append((s, e, [piece], n))
    return [(left, pieces) for left, _, pieces, _ in sorted(cells, key=lambda c: c[0])]


def _keep_label(rows: list[list[tuple[str, list[int]]]], label: str, width: int, named: bool = False) -> None:
    """A line of a label that names no row of figures ("Ny teknik bowlinghall" / "Korsavad (6154)"
    over a row with a label of its own) is kept: as the rest of the label of the row above, or as
    a row group's name when no row stands above it or vertical space sets it apart (`named`)."""
    if rows[1:] and not named:
        prev_text, prev_seams = rows[-1][0]
        rows[-1][0] = (prev_text + " " + label, prev_seams + [len(prev_text)])
        _mark_row_moved(rows[-1])
    else:
        empty: list[int] = []
        rows.append([(label, empty)] + [("", []) for _ in range(width)])


def _mark_row_moved(row: list[tuple[str, list[int]]]) -> None:
    """The row's cells stand apart from its label in the source: quotes must not join them."""
    for k in range(1, len(row)):
        text, seams = row[k]
        if 0 not in seams:
            row[k] = (text, [0] + seams)


def _opens_onto(label: str) -> bool:
    """Whether a label line breaks off where the next line must go on ("… Rakelradio och")."""
    last_word = label.rstrip().split()[-1].lower() if label.strip() else ""
    return label.rstrip().endswith((",", "-", "–")) or last_word in CONNECTORS


def line_end_hyphen(prev: str, text: str, hyphenated: frozenset[str] | set[str] = frozenset()) -> str | None:
    """How a line that ends in a hyphen joins the next: "mend" a word broken at the line end
    ("doku-" / "menteras"), "keep" a hyphen the word has ("SIP-" / "dokumentationen", or one of
    `hyphenated`, the words the report writes with theirs), None for a hyphen that stands before
    "och" ("Göteborgs- och") or anything else."""
    m = re.search(r"(\w*)-$", prev)
    if m is None or not text[:1].isalnum():
        return None
    word, nxt = m.group(1), re.findall(r"^\w*", text)[0]
    if not word or nxt.lower() in ELIDED:
        return None
    if word.isupper() or len(word) == 1 or any(ch.isdigit() for ch in word + nxt[:1]):
        return "keep"  # IT-säkerhet, e-tjänst, 2000-talet
    if f"{word}-{nxt}".lower() in hyphenated:
        return "keep"  # written with its hyphen elsewhere in the report
    return "mend" if text[:1].islower() else None


def _wrapped(previous: str, line: str) -> str:
    """A label and the line it goes on onto, as one, a line-end hyphen read as in running text
    ("Hushåll med bistånd, ge-" / "nomsnitt per månad", "IT-" / "stöd", "miljö- och")."""
    hyphen = line_end_hyphen(previous, line)
    if hyphen == "mend":
        return previous[:-1] + line
    return previous + line if hyphen == "keep" else f"{previous} {line}"


def _continues_label(previous: str, line: str) -> bool:
    """Whether a label-only line is the wrapped rest of the label above."""
    first = line.lstrip("-– ")[:1]
    return bool(previous) and (first.islower() or line.startswith("(") or _opens_onto(previous))


def _join_pieces(pieces: list[str], words: frozenset[str] = frozenset()) -> tuple[str, list[int]]:
    """A header cell put together from the pieces stacked in its column.

    A lower piece that is no word of the report on its own is the rest of a word cut without a
    hyphen ("Budgetav" / "vikelse"), unless it is longer than the part above: a word is cut for
    want of room, so its first part fills the cell ("Total" / "projektbudget" are two words)."""
    text, seams = "", []
    for piece in pieces:
        if not text:
            text = piece
            continue
        seams.append(len(text))
        last = re.search(r"[a-zåäö]+$", text.lower())
        if text.endswith("-") and text[-2:-1].isalpha() and piece[:1].islower():
            text = text[:-1] + piece
        elif (
            words
            and re.fullmatch(r"[a-zåäö]+", piece)
            and piece not in words
            and last
            and last.group() not in words
            and len(piece) <= len(last.group())
        ):
            text += piece
        else:
            text += " " + piece
    return text, seams
