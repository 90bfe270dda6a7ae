"""Where a PDF page draws its text: runs of text with their place, type size and weight.

One pass over the page's content stream follows the text state (matrices, font, spacing) as a
renderer does, reading characters and widths through pypdf's font reader; forms drawn on the
page are followed too. The pieces a line is drawn in (often a few letters each, cut by kerning)
are joined into runs; a run ends where a gap of about an em or more stands, as between two
columns or two table cells. Text set at an angle (a photo credit up the margin) is kept too, as
runs of its own, marked turned. Everything downstream (reading order, type sizes, tables) works
from these runs. pypdf's own layout mode walks the same stream, but its positions drift on some
fonts and it keeps no font with them, and it takes several times as long.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

BOLD = re.compile(r"bold|black|heavy|semibold|demi|extrab|ultrab|[-,]bd\b", re.I)
# Control characters that some fonts map glyphs to; drawn, they are spaces. Codes that
# WinAnsiEncoding leaves unused are drawn as a bullet (PDF 1.7, annex D.2, note 3): pypdf gives
# them as they are ("\x7f" where a word processor set a list's "•").
CONTROL = str.maketrans(
    {**dict.fromkeys([*range(0, 9), *range(11, 32)], " "), **dict.fromkeys([0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D], "•")}
)
DASHES = "-−–"
# A gap of this many type sizes or more ends a run: a gutter or the space between table cells.
_SPACE_RUN = re.compile(r" {3,}")
"""Spaces inside one shown string that part two cells of a table (a sentence's two spaces do not)."""
RUN_GAP = 0.9


@dataclass(frozen=True)
class Run:
    """A piece of a line of text as drawn, without a wide gap inside it."""

    x0: float
    """Left edge in points from the page's left edge."""
    x1: float
    """Right edge in points."""
    y: float
    """Baseline in points, larger is higher up the page."""
    size: float
    """The effective type size in points."""
    bold: bool
    """Set in a bold (or black, heavy, semibold) face."""
    text: str
    """The text, with the spaces that the gaps between its words stand for."""
    turned: bool = False
    """Set turned on the page (a photo credit up the margin): its place is where it starts."""


class Unreadable(Exception):
    """The page's content cannot be read this way; the caller falls back to pypdf's text."""


def page_runs(page, fonts: dict | None = None) -> list[Run]:
    """The runs of text on a pypdf page. `fonts` keeps the fonts read so far, for the next page.

    Raises Unreadable when pypdf's font internals are missing or the content cannot be read."""
    try:
        from pypdf.generic import ArrayObject, ContentStream, StreamObject
        from pypdf.generic._font import Font  # noqa: F401 - the font reader this module relies on
    except ImportError as exc:  # another pypdf than the one this was written against
        raise Unreadable(str(exc)) from None
    cache = fonts if fonts is not None else {}
    try:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        if not isinstance(contents, (ArrayObject, StreamObject)):
            return []
        ops = ContentStream(contents, page.pdf, "bytes").operations
        pieces: list[_Piece] = []
        turned: list[_Turned] = []
        _Interpreter(page, pieces, cache, turned).run(ops, _page_fonts(page, cache), page.get("/Resources"), 0)
        return _runs(pieces) + _turned_runs(turned)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged pages
        raise Unreadable(f"{type(exc).__name__}: {exc}") from None


# A piece of text as drawn: left, right, baseline, type size, width of a space, bold, text.
_Piece = tuple[float, float, float, float, float, bool, str]
# A piece of text set turned: its direction in degrees, its line's place across that direction,
# where it starts and ends along it, its origin (x, y), type size, width of a space, bold, text.
_Turned = tuple[int, float, float, float, float, float, float, float, bool, str]
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mult(m, n) -> tuple[float, float, float, float, float, float]:
    """The matrix product m x n of two PDF matrices (a b c d e f)."""
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _num(value, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


class _Interpreter:
    """Follows a content stream's text and graphics state and records each piece of text shown.

    Only what places text is followed: the current matrix (q Q cm), the text matrices (BT Td TD
    Tm T*), the text state (Tf Tc Tw Tz TL Ts), the show operators (Tj TJ ' ") and forms (Do)."""

    def __init__(self, page, pieces: list[_Piece], fonts: dict, turned: list[_Turned] | None = None) -> None:
        self.page = page
        self.pieces = pieces
        self.turned = turned if turned is not None else []
        self.fonts = fonts
        self.decoded: dict[tuple[int, bytes], tuple[str, float, int, int, str]] = {}
        self.ctm = IDENTITY
        self.tm: tuple[float, ...] = IDENTITY
        self.tlm: tuple[float, ...] = IDENTITY
        self.font: Any = None  # pypdf's layout-mode font (a private class); None before the first Tf
        self.size = 0.0
        self.tc = self.tw = self.tl = self.ts = 0.0
        self.th = 1.0
        self.stack: list[tuple] = []

    def _state(self) -> tuple:
        return (self.ctm, self.font, self.size, self.tc, self.tw, self.th, self.tl, self.ts)

    def run(self, ops, fonts, resources, depth: int) -> None:
        for operands, op in ops:
            if op in (b"Tj", b"'", b'"', b"TJ"):
                if op != b"Tj" and op != b"TJ":
                    if op == b'"' and len(operands) >= 3:
                        self.tw, self.tc = _num(operands[0]), _num(operands[1])
                    self._move(0.0, -self.tl)
                if op == b"TJ":
                    items = operands[0] if operands and isinstance(operands[0], list) else []
                    for item in items:
                        if isinstance(item, (bytes, str)):
                            self._show(item)
                        elif isinstance(item, (int, float)):
                            shift = -float(item) / 1000.0 * self.size * self.th
                            self.tm = (*self.tm[:4], self.tm[4] + shift * self.tm[0], self.tm[5] + shift * self.tm[1])
                elif operands and isinstance(operands[-1], (bytes, str)):
                    self._show(operands[-1])
            elif op == b"Td" or op == b"TD":
                if len(operands) >= 2:
                    tx, ty = _num(operands[0]), _num(operands[1])
                    if op == b"TD":
                        self.tl = -ty
                    self._move(tx, ty)
            elif op == b"Tm":
                if len(operands) >= 6:
                    self.tm = self.tlm = tuple(_num(v) for v in operands[-6:])
            elif op == b"T*":
                self._move(0.0, -self.tl)
            elif op == b"BT":
                self.tm = self.tlm = IDENTITY
            elif op == b"Tf":
                if len(operands) >= 2:
                    self.font = fonts.get(operands[0])
                    self.size = _num(operands[1], self.size)
            elif op == b"q":
                self.stack.append(self._state())
            elif op == b"Q":
                if self.stack:
                    (self.ctm, self.font, self.size, self.tc, self.tw, self.th, self.tl, self.ts) = self.stack.pop()
            elif op == b"cm":
                if len(operands) >= 6:
                    self.ctm = _mult(tuple(_num(v) for v in operands[-6:]), self.ctm)
            elif op == b"Tc":
                self.tc = _num(operands[0] if operands else 0, self.tc)
            elif op == b"Tw":
                self.tw = _num(operands[0] if operands else 0, self.tw)
            elif op == b"Tz":
                self.th = _num(operands[0] if operands else 100, 100.0) / 100.0
            elif op == b"TL":
                self.tl = _num(operands[0] if operands else 0, self.tl)
            elif op == b"Ts":
                self.ts = _num(operands[0] if operands else 0, self.ts)
            elif op == b"Do" and operands and depth < 4:
                self._form(operands[0], fonts, resources, depth)

    def _move(self, tx: float, ty: float) -> None:
        self.tlm = _mult((1.0, 0.0, 0.0, 1.0, tx, ty), self.tlm)
        self.tm = self.tlm

    def _form(self, name, fonts, resources, depth: int) -> None:
        """A form XObject's text, drawn through its matrix with its own fonts."""
        from pypdf.generic import ContentStream

        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        xobj = xobjects.get_object().get(name) if xobjects is not None else None
        xobj = xobj.get_object() if xobj is not None else None
        if xobj is None or xobj.get("/Subtype") != "/Form":
            return
        own = xobj.get("/Resources")
        if own is not None:
            fonts = _fonts(own, self.fonts)
            if fonts is None:
                return  # a form without fonts draws no text (a picture, a rule)
        saved = (self._state(), self.tm, self.tlm)
        matrix = xobj.get("/Matrix")
        if matrix is not None and len(matrix) == 6:
            self.ctm = _mult(tuple(_num(v) for v in matrix), self.ctm)
        try:
            ops = ContentStream(xobj, self.page.pdf, "bytes").operations
            self.run(ops, fonts, own if own is not None else resources, depth + 1)
        finally:
            (self.ctm, self.font, self.size, self.tc, self.tw, self.th, self.tl, self.ts), self.tm, self.tlm = saved

    def _decode(self, value: bytes | str) -> tuple[str, float, int, int, str]:
        """The text of a shown string, its width in thousandths of the size, its spaces and glyphs,
        and the glyphs' characters (before mapping to Unicode)."""
        font = self.font
        key = (id(font), value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass"))
        found = self.decoded.get(key)
        if found is not None:
            return found
        if isinstance(value, bytes):
            if isinstance(font.encoding, str):
                try:
                    raw = value.decode(font.encoding, "surrogatepass")
                except UnicodeDecodeError:
                    raw = value.decode(font.encoding, "replace")
                decoded = ""
            else:
                raw = value.decode("latin-1")
                decoded = "".join(font.encoding.get(b, chr(b)) for b in value)
        else:
            raw, decoded = value, ""
        cmap = font.character_map
        text = "".join(cmap.get(ch, ch) for ch in (decoded or raw))
        widths = font.character_widths
        default = widths.get("default", 500)
        space = font.space_char
        width = sum(font.space_width if ch == space else widths.get(ch, default) for ch in raw)
        # Word spacing applies to the single-byte space code only.
        spaces = value.count(b" ") if isinstance(value, bytes) and not isinstance(font.encoding, str) else 0
        found = (text if font.interpretable else "", width, spaces, len(raw), raw)
        self.decoded[key] = found
        return found

    def _show(self, value: bytes | str) -> None:
        if self.font is None:
            return
        text, width, spaces, n, raw = self._decode(value)
        advance = (width / 1000.0 * self.size + self.tc * n + self.tw * spaces) * self.th
        m = _mult(self.tm, self.ctm)
        if text:
            size = self.size * (m[1] * m[1] + m[3] * m[3]) ** 0.5
            upright = m[3] > 1e-6 and abs(m[1]) <= 1e-6 * max(1.0, abs(m[3]))
            flipped = m[3] < -1e-6 and m[0] > 0
            if size > 0 and (upright or flipped):
                y = m[5] + self.ts * m[3]
                space = abs((self.font.space_width / 1000.0 * self.size + self.tc) * self.th * m[0])
                bold = bool(BOLD.search(self.font.name or ""))
                for start, end, part in self._parts(text, raw, spaces > 0, advance):
                    x0, x1 = m[4] + start * m[0], m[4] + end * m[0]
                    self.pieces.append((x0, x1, -y if flipped else y, size, space, bold, part))
            elif size > 0:
                self._turned(m, advance, text)
        self.tm = (*self.tm[:4], self.tm[4] + advance * self.tm[0], self.tm[5] + advance * self.tm[1])

    def _parts(self, text: str, raw: str, spaced: bool, advance: float) -> list[tuple[float, float, str]]:
        """A shown string as pieces (start, end along the line, text): parted where it holds a run
        of spaces, as a typesetter draws a table's cells in one string ("Budget 2025      Utfall
        2025"), so that each cell stands where it is printed; else the string whole."""
        if not _SPACE_RUN.search(text) or len(text) != len(raw) or self.font is None:
            return [(0.0, advance, text)]
        widths = self.font.character_widths
        default = widths.get("default", 500)
        space = self.font.space_char
        at, edges = 0.0, []
        for ch in raw:
            glyph = self.font.space_width if ch == space else widths.get(ch, default)
            edges.append(at)
            at += (glyph / 1000.0 * self.size + self.tc + (self.tw if spaced and ch == " " else 0.0)) * self.th
        edges.append(at)
        return [(edges[m.start()], edges[m.end()], m.group()) for m in re.finditer(r"\S+(?: {1,2}\S+)*", text)]

    def _turned(self, m, advance: float, text: str) -> None:
        """Keep a piece set at an angle (up the margin, across a picture), measured along its line."""
        scale = (m[0] * m[0] + m[1] * m[1]) ** 0.5
        if scale <= 0:
            return
        dx, dy = m[0] / scale, m[1] / scale
        size = self.size * (m[2] * m[2] + m[3] * m[3]) ** 0.5
        along = m[4] * dx + m[5] * dy
        across = m[5] * dx - m[4] * dy
        space = abs((self.font.space_width / 1000.0 * self.size + self.tc) * self.th * scale)
        bold = bool(BOLD.search(self.font.name or ""))
        angle = round(math.degrees(math.atan2(dy, dx)))
        end = along + advance * scale
        self.turned.append((angle, across, along, end, m[4], m[5], size, space, bold, text))


def _turned_runs(pieces: list[_Turned]) -> list[Run]:
    """Pieces set at an angle joined into runs along their lines, each run placed where it starts."""
    lines: dict[tuple[int, int], list[_Turned]] = {}
    for piece in pieces:
        angle, across, size = piece[0], piece[1], piece[6]
        lines.setdefault((angle, round(across / max(size * 0.5, 0.5))), []).append(piece)
    runs: list[Run] = []
    for line in lines.values():
        line.sort(key=lambda p: p[2])
        parts: list[str] = []
        first = last = None
        for piece in line:
            _, _, a0, _, _, _, size, space, _, raw = piece
            text = raw.translate(CONTROL).replace("\n", " ")
            if last is not None:
                gap = a0 - last[3]
                if gap > RUN_GAP * size * 2:
                    assert first is not None  # set with `last`
                    runs.append(_turned_run(first, parts))
                    parts, first = [], None
                else:
                    parts.append(" " * _spaces(gap, space or 0.25 * size, size, last[9], text))
            if first is None:
                first = piece
            parts.append(text)
            last = piece
        if first is not None:
            runs.append(_turned_run(first, parts))
    return [r for r in runs if r.text.strip()]


def _turned_run(first: _Turned, parts: list[str]) -> Run:
    _, _, _, _, x, y, size, _, bold, _ = first
    return Run(x, x, y, size, bold, "".join(parts).strip(), turned=True)


def _fonts(resources, cache: dict) -> dict | None:
    """The fonts of a resource dictionary by name, as pypdf reads them for its layout mode; None
    when it has none. A font shared by many pages is read once."""
    from pypdf.generic import DictionaryObject
    from pypdf.generic._font import Font

    fonts = resources.get_object().get("/Font") if resources is not None else None
    fonts = fonts.get_object() if fonts is not None else None
    if not isinstance(fonts, DictionaryObject):
        return None
    out = {}
    for name in fonts:
        ref = fonts.raw_get(name)
        obj = ref.get_object()
        if not isinstance(obj, DictionaryObject):
            continue
        key = (ref.idnum, ref.generation) if hasattr(ref, "idnum") else id(obj)
        font = cache.get(key)
        if font is None:
            font = cache[key] = Font.from_font_resource(obj)
        out[name] = font
    return out


def _page_fonts(page, cache: dict) -> dict:
    """The fonts a page can use: its own and those its parents in the page tree give it."""
    out: dict = {}
    node, seen = page, set()
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        for name, font in (_fonts(node.get("/Resources"), cache) or {}).items():
            out.setdefault(name, font)
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return out


class _Open:
    """A run being put together."""

    __slots__ = ("x0", "x1", "y", "size", "parts", "bold_chars", "chars")

    def __init__(self, x0: float, x1: float, y: float, size: float, text: str, bold: bool) -> None:
        self.x0, self.x1, self.y, self.size = x0, x1, y, size
        self.parts = [text]
        n = len(text.strip())
        self.chars = n
        self.bold_chars = n if bold else 0

    def add(self, x1: float, size: float, text: str, bold: bool, spaces: int) -> None:
        if spaces:
            self.parts.append(" " * spaces)
        self.parts.append(text)
        n = len(text.strip())
        self.chars += n
        self.bold_chars += n if bold else 0
        self.x1 = x1
        self.size = max(self.size, size)

    def close(self) -> Run | None:
        text = "".join(self.parts)
        if not text.strip():
            return None
        return Run(self.x0, self.x1, self.y, self.size, self.bold_chars * 2 > self.chars, text)


def _runs(pieces: list[_Piece]) -> list[Run]:
    """Join the pieces of text of a page into runs."""
    runs: list[Run] = []
    cur: _Open | None = None
    last = ""
    for x0, x1, y, size, space, bold, raw in pieces:
        text = raw.translate(CONTROL).replace("\n", " ")
        if not text or size <= 0.5:
            continue
        if x1 < x0:
            x0, x1 = x1, x0
        space = space or 0.25 * size
        if cur is not None:
            gap = x0 - cur.x1
            same_line = abs(y - cur.y) <= 0.5 * min(size, cur.size)
            # A piece drawn back over the run is its continuation: pypdf's widths of some fonts
            # run long, and the page's own position of the next piece is the one to trust.
            if same_line and (cur.x0 < x0 < cur.x1 or 0 <= gap <= RUN_GAP * max(size, cur.size)):
                cur.add(x1, size, text, bold, _spaces(gap, space, size, last, text))
                last = text
                continue
            run = cur.close()
            if run is not None:
                runs.append(run)
        cur = _Open(x0, x1, y, size, text, bold)
        last = text
    if cur is not None:
        run = cur.close()
        if run is not None:
            runs.append(run)
    return runs


def _spaces(gap: float, space: float, size: float, before: str, after: str) -> int:
    """How many spaces a gap between two pieces of a line stands for."""
    if gap <= 0:
        return 0
    n = round(gap / space)
    if before.endswith(" ") or after.startswith(" "):
        return n  # the space is drawn; a gap after it is more space still
    a, b = before[-1:], after[:1]
    if n == 0 and a.isdigit() and b.isdigit() and gap > 0.12 * size:
        return 1  # a thin space between digit groups: "2 778"
    if n and a in DASHES and b.isdigit() and (len(before) == 1 or not before[-2].isalnum()) and gap < 1.5 * space:
        return 0  # a minus sign set a little apart from its figure: "-500"
    return n
