"""PDF reports: pypdf's layout text page by page, then the layout repairs, pages kept.

Broken files get a message that says what is wrong: empty, not a PDF, damaged, locked with a
password, or without a text layer (scanned pages need OCR first).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable

from doksvar.errors import IngestError
from doksvar.ingest.blocks import build_document
from doksvar.ingest.layout import layout_blocks
from doksvar.model import Document

PageProgress = Callable[[int, int], None]


def pdf_pages(data: bytes, name: str, on_page: PageProgress | None = None) -> list[str]:
    """The layout text of each page; IngestError when the PDF cannot be read for text."""
    return _read(data, name, on_page)[1]


def _read(data: bytes, name: str, on_page: PageProgress | None = None):
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
    pages: list[str] = []
    for k in range(count):
        try:
            pages.append(reader.pages[k].extract_text(extraction_mode="layout") or "")
        except FileNotDecryptedError:
            raise IngestError(f"{name}: the PDF is protected by a password; save an unlocked copy") from None
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged pages
            if k == 0 and count == 1:
                raise IngestError(f"{name}: a damaged or truncated PDF ({exc})") from None
            pages.append("")
        if on_page is not None:
            on_page(k + 1, count)
    if not any(p.strip() for p in pages):
        raise IngestError(f"{name}: the PDF has no text layer; it looks scanned and needs OCR first")
    return reader, pages


def font_headings(reader) -> dict[int, list[tuple[str, int]]]:
    """Lines set in a larger type than the body text, by page, with a level (1 = largest).

    For reports whose headings carry no numbers: the type size tells them apart."""
    runs: list[tuple[int, str, float]] = []
    sizes: dict[float, int] = {}
    for number, page in enumerate(reader.pages, 1):
        found: list[tuple[str, float]] = []

        def visit(text, cm, tm, font, size, found=found):
            scale = abs(tm[3]) if tm and tm[3] else 1.0
            found.append((text, round(size * scale, 1)))

        try:
            page.extract_text(visitor_text=visit)
        except Exception:  # noqa: BLE001 - a page that cannot be visited has no headings to give
            continue
        for text, size in found:
            sizes[size] = sizes.get(size, 0) + len(text.strip())
            line = " ".join(text.split())
            if 3 <= len(line) <= 90 and re.search(r"[A-Za-zÅÄÖåäö]{3}", line):
                runs.append((number, line, size))
    if not sizes:
        return {}
    body = max(sizes, key=lambda k: sizes[k])
    larger = sorted({size for _, _, size in runs if size >= body * 1.15}, reverse=True)
    level_of = {size: min(k + 1, 3) for k, size in enumerate(larger)}
    out: dict[int, list[tuple[str, int]]] = {}
    for number, line, size in runs:
        if size in level_of:
            out.setdefault(number, []).append((line, level_of[size]))
    return out


def parse_pdf(data: bytes, path: str, name: str, sha256: str, on_page: PageProgress | None = None) -> Document:
    """Build a Document from a PDF's bytes; every passage keeps its page."""
    reader, pages = _read(data, name, on_page)
    blocks = layout_blocks(pages)
    if not any(b.kind == "heading" for b in blocks):
        headings = font_headings(reader)
        if headings:
            blocks = layout_blocks(pages, headings)
    return build_document(blocks, path, name, sha256)
