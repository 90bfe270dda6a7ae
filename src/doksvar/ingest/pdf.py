"""PDF reports: each page read once for where its text stands, then read as people read it.

The runs of text of a page (glyphs.py) give its lines in reading order, columns one after the
other (reading.py), and the type size of every line. Sections come from the PDF's outline when
it has one (outline.py), else from numbered headings, else from the larger type. The lines then
go through the layout repairs (layout.py), pages kept.

Broken files get a message that says what is wrong: empty, not a PDF, damaged, locked with a
password, or without a text layer (scanned pages need OCR first). A page that gives no text in a
file that otherwise reads is not dropped without a word: the Document names it with the reason
(damaged, no text layer, text that cannot be decoded) and its display text says so in its place.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from doksvar.errors import IngestError
from doksvar.ingest.blocks import Block, build_document
from doksvar.ingest.layout import CONNECTORS, Line, layout_lines
from doksvar.ingest.reading import PageLine
from doksvar.model import Document

PageProgress = Callable[[int, int], None]

HEADING_SIZE = 1.15
"""How much larger than the body text a line's type must be to be read as a heading."""
SAME_SIZE = 0.2
"""Points by which two lines' type may differ and still be the same type (a wrapped heading)."""
HEADING_LINES = 3
"""Lines a heading set in larger type may wrap over, at most."""
HEADING_LEVELS = 3
"""Heading levels told apart by type size; smaller sizes are all of the deepest."""
TITLE_CHARS = (3, 120)
"""Characters of a line that may be a title, at least and at most."""
TITLE_WORDS = 16
"""Words of a line that may be a title, at most."""
SENTENCE_WORDS = 3
"""Words from which a title-sized line that ends in a full stop is a sentence, not a title."""
DAMAGE_DETAIL = 120
"""Characters of the reader's error kept in the reason a page was lost."""


def pdf_pages(data: bytes, name: str, on_page: PageProgress | None = None) -> list[str]:
    """The layout text of each page, in reading order; IngestError when the PDF cannot be read for text.
    Indexing reads whole documents (parse_pdf); this page by page view is what the reading-order
    checks compare with poppler's text of each page (tests/test_pdf.py, tests/test_every_word.py)."""
    return ["\n".join(ln.text for ln in page) for page in _read(data, name, on_page)[1]]


def _open(data: bytes, name: str):
    if not data:
        raise IngestError(f"{name}: the file is empty")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(f"{name}: not a PDF file (no %PDF header)")
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, DependencyError) as exc:
                raise IngestError(f"{name}: encrypted in a way that cannot be opened here ({exc})") from None
            if not opened:
                raise IngestError(f"{name}: the PDF is protected by a password; save an unlocked copy")
        count = len(reader.pages)
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError(f"{name}: the PDF is protected by a password; save an unlocked copy") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise IngestError(f"{name}: a damaged or truncated PDF ({exc})") from None
    if count == 0:
        raise IngestError(f"{name}: the PDF has no pages")
    return reader, count


# Why a page gave no text: what the index summary says (English), and what the viewer shows in
# the page's place (Swedish, as the report).
DAMAGED = "damaged"
NO_TEXT_LAYER = "no text layer"
UNDECODABLE = "text that cannot be decoded"
_IN_THE_TEXT = {
    DAMAGED: "sidan är skadad",
    NO_TEXT_LAYER: "sidan har inget textlager, bara en bild (den behöver OCR)",
    UNDECODABLE: "sidans text kan inte avkodas (typsnitt utan teckentabell)",
}


def _read(data: bytes, name: str, on_page: PageProgress | None = None):
    """The reader, each page's lines in reading order, and the pages that gave no text with why
    ((page, reason) pairs; a blank page is none of them)."""
    from pypdf.errors import FileNotDecryptedError

    reader, count = _open(data, name)
    pages: list[list[PageLine]] = []
    lost: list[tuple[int, str]] = []
    fonts: dict = {}
    with _warnings_heard() as heard:
        for k in range(count):
            heard.clear()
            try:
                lines = _page_lines(reader.pages[k], fonts)
            except FileNotDecryptedError:
                raise IngestError(f"{name}: the PDF is protected by a password; save an unlocked copy") from None
            except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged pages
                if k == 0 and count == 1:
                    raise IngestError(f"{name}: a damaged or truncated PDF ({exc})") from None
                lines = []
                lost.append((k + 1, f"{DAMAGED} ({type(exc).__name__}: {str(exc)[:DAMAGE_DETAIL]})"))
            else:
                if not any(ln.text.strip() for ln in lines):
                    # pypdf reads a page whose content it cannot decode as empty, with a warning.
                    why = f"{DAMAGED} ({heard[0][:DAMAGE_DETAIL]})" if heard else _why_no_text(reader.pages[k])
                    if why:
                        lost.append((k + 1, why))
            pages.append(lines)
            if on_page is not None:
                on_page(k + 1, count)
    if not any(ln.text.strip() for page in pages for ln in page):
        raise IngestError(f"{name}: the PDF has no text layer; it looks scanned and needs OCR first")
    return reader, pages, lost


@contextmanager
def _warnings_heard() -> Iterator[list[str]]:
    """The messages pypdf warns with meanwhile (it reads on past damage, saying so in its log),
    kept from the log: doksvar says what they mean itself."""
    messages: list[str] = []

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    log = logging.getLogger("pypdf")
    handler = Heard(logging.WARNING)
    level, propagate = log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False
    try:
        yield messages
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
        log.propagate = propagate


def _why_no_text(page) -> str:
    """Why a page that gave no text gave none, or "" when nothing stands on it (a blank page, or
    one of lines and shapes only)."""
    from pypdf.generic import ContentStream

    try:
        contents = page.get_contents()
        operations = ContentStream(contents, page.pdf, "bytes").operations if contents is not None else []
        operators = {op for _, op in operations}
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged pages
        return f"{DAMAGED} ({type(exc).__name__}: {str(exc)[:DAMAGE_DETAIL]})"
    if operators & {b"Tj", b"TJ", b"'", b'"'}:
        return f"{UNDECODABLE} (its fonts map no characters)"
    if operators & {b"Do", b"BI"}:
        return f"{NO_TEXT_LAYER} (an image only; a scanned page needs OCR first)"
    return ""


def gap_text(page: int, reason: str) -> str:
    """What the display text shows where a page that gave no text stands."""
    said = next((v for k, v in _IN_THE_TEXT.items() if reason.startswith(k)), reason)
    return f"[Sidan {page} kunde inte läsas: {said}.]"


def _page_lines(page, fonts: dict) -> list[PageLine]:
    """A page's lines in reading order; pypdf's own layout text where its content cannot be
    followed (one column then, and no type sizes)."""
    from doksvar.ingest.glyphs import Unreadable, page_runs
    from doksvar.ingest.reading import read_page

    try:
        lines = read_page(page_runs(page, fonts))
        if any(ln.text.strip() for ln in lines):
            return lines
        # Nothing read: pypdf's own reading may still find text, which is better than none.
    except Unreadable:
        pass
    except (ValueError, TypeError, ArithmeticError, KeyError, IndexError):
        logging.getLogger(__name__).warning("page %s: reading order not found; read line by line", page.page_number)
    text = page.extract_text(extraction_mode="layout") or ""
    return [PageLine(ln, "", 0.0, 0.0) for ln in text.split("\n")]


def parse_pdf(data: bytes, path: str, name: str, sha256: str, on_page: PageProgress | None = None) -> Document:
    """Build a Document from a PDF's bytes; every passage keeps its page."""
    from doksvar.ingest.outline import outline_entries

    reader, pages, lost = _read(data, name, on_page)
    entries = outline_entries(reader)
    if entries:
        blocks = layout_lines(outline_lines(pages, entries), numbered=False)
    else:
        blocks = layout_lines(_plain(pages))
        if not any(b.kind == "heading" for b in blocks):
            marked = size_heading_lines(pages)
            if marked is not None:
                blocks = layout_lines(marked)
    for page, reason in lost:
        # The reader sees where a page is missing, in its place among the pages.
        at = next((i for i, b in enumerate(blocks) if b.page is not None and b.page > page), len(blocks))
        blocks.insert(at, Block("gap", gap_text(page, reason), page=page))
    return replace(build_document(blocks, path, name, sha256), lost_pages=tuple(lost))


def _plain(pages: list[list[PageLine]]) -> list[list[Line]]:
    return [[Line(ln.text, number, ln.region, aside=ln.aside) for ln in page] for number, page in enumerate(pages, 1)]


def outline_lines(pages: list[list[PageLine]], entries) -> list[list[Line]]:
    """The pages' lines with the outline's headings marked where they are printed.

    A heading found nowhere on its page is put at the top of the page, as the bookmark names it."""
    from doksvar.ingest.outline import NUMBERED, match_heading

    out = _plain(pages)
    last: dict[int, int] = {}
    for entry in entries:
        if not 1 <= entry.page <= len(out):
            continue
        lines = out[entry.page - 1]
        texts = [ln.text if ln.heading is None else "" for ln in lines]
        found = match_heading(entry, texts, last.get(entry.page, 0))
        if found is None:
            first = next((i for i, ln in enumerate(lines) if ln.text.strip()), 0)
            numbered = NUMBERED.match(entry.title)
            title = numbered.group(2) if numbered else entry.title
            lines.insert(first, Line(title, entry.page, "", (entry.number, entry.level)))
            last[entry.page] = first + 1
            continue
        i, used = found
        title = _joined([lines[k].text for k in range(i, i + used)])
        m = NUMBERED.match(title)
        if m and m.group(1) == entry.number:
            title = m.group(2)
        lines[i] = Line(title, entry.page, lines[i].region, (entry.number, entry.level))
        del lines[i + 1 : i + used]
        last[entry.page] = i + 1
    return out


def _joined(texts: list[str]) -> str:
    """A heading's lines as one line: a word broken at a line end made whole."""
    out = ""
    for text in texts:
        text = " ".join(text.split())
        if out.endswith("-") and out[-2:-1].isalpha() and text[:1].islower():
            out = out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
    return out


def size_heading_lines(pages: list[list[PageLine]]) -> list[list[Line]] | None:
    """The pages' lines with those set in a larger type than the body text marked as headings,
    with a level (1 = largest), for a report whose headings carry no numbers; None if there are none.

    A body-text line is never a title: one that ends mid-sentence or runs the length of a
    paragraph line is not taken, however it is set."""
    sizes: dict[float, int] = {}
    for page in pages:
        for ln in page:
            if ln.size:
                key = round(ln.size, 1)
                sizes[key] = sizes.get(key, 0) + len(ln.text.strip())
    if not sizes:
        return None
    body = max(sizes, key=lambda k: sizes[k])
    out: list[list[Line]] = []
    marked: list[tuple[int, int, float]] = []
    for number, page in enumerate(pages, 1):
        lines: list[Line] = []
        k = 0
        while k < len(page):
            ln = page[k]
            text = ln.text.strip()
            if round(ln.size, 1) >= body * HEADING_SIZE:
                # The rest of a heading wrapped onto the next line, in the same type: the line
                # breaks off ("drift, bidrag," / "statistik och projekt"), it is no new heading.
                parts = [text]
                end = k
                while (
                    end + 1 < len(page)
                    and len(parts) < HEADING_LINES
                    and abs(page[end + 1].size - ln.size) < SAME_SIZE
                    and page[end + 1].region == ln.region
                    and page[end + 1].text.strip()
                    and _wraps(parts[-1], page[end + 1].text.strip())
                ):
                    end += 1
                    parts.append(page[end].text.strip())
                title = _joined(parts)
                if _title_like(title):
                    marked.append((number - 1, len(lines), round(ln.size, 1)))
                    lines.append(Line(title, number, ln.region))
                    k = end + 1
                    continue
            lines.append(Line(ln.text, number, ln.region, aside=ln.aside))
            k += 1
        out.append(lines)
    if not marked:
        return None
    larger = sorted({size for _, _, size in marked}, reverse=True)
    level_of = {size: min(k + 1, HEADING_LEVELS) for k, size in enumerate(larger)}
    for p, i, size in marked:
        head = out[p][i]
        out[p][i] = Line(head.text, head.page, head.region, ("", level_of[size]))
    return out


def _wraps(line: str, nxt: str) -> bool:
    """Whether `nxt` is the rest of a heading that `line` breaks off."""
    words = line.split()
    return nxt[:1].islower() or line.endswith((",", "-", "–")) or bool(words) and words[-1].lower() in CONNECTORS


def _title_like(text: str) -> bool:
    """Whether a line may be a title: a few words that end a thought, not a line of a paragraph."""
    words = text.split()
    shortest, longest = TITLE_CHARS
    if not shortest <= len(text) <= longest or not re.search(r"[A-Za-zÅÄÖåäö]{3}", text) or len(words) > TITLE_WORDS:
        return False
    if text[:1].islower() or text.endswith(("-", ",", ";")) or words[-1].lower() in CONNECTORS:
        return False
    return not (text.endswith(".") and len(words) > SENTENCE_WORDS)
