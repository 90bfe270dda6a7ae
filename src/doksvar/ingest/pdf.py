"""PDF reports: pypdf's layout text page by page, then the layout repairs, pages kept.

Broken files get a message that says what is wrong: empty, not a PDF, damaged, locked with a
password, or without a text layer (scanned pages need OCR first).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

from doksvar.errors import IngestError
from doksvar.ingest.blocks import build_document
from doksvar.ingest.layout import layout_blocks
from doksvar.model import Document

PageProgress = Callable[[int, int], None]


def pdf_pages(data: bytes, name: str, on_page: PageProgress | None = None) -> list[str]:
    """The layout text of each page; IngestError when the PDF cannot be read for text."""
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
    return pages


def parse_pdf(data: bytes, path: str, name: str, sha256: str, on_page: PageProgress | None = None) -> Document:
    """Build a Document from a PDF's bytes; every passage keeps its page."""
    pages = pdf_pages(data, name, on_page)
    return build_document(layout_blocks(pages), path, name, sha256)
