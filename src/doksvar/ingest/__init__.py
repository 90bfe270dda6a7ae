"""Reading report files into Documents."""

from __future__ import annotations

from pathlib import Path

from doksvar.errors import IngestError
from doksvar.ingest.encoding import decode
from doksvar.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES


def load(path: Path, on_page=None) -> Document:
    """Read one report file into a Document; IngestError says why a file cannot be read."""
    data = read_bytes(path)
    return load_bytes(path, data, on_page)


MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_PDF_BYTES = 300 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's bytes, with a clear error when it cannot be read."""
    try:
        if path.is_dir():
            raise IngestError(f"{path}: is a folder, not a file")
        size = path.stat().st_size
        limit = MAX_PDF_BYTES if path.suffix.lower() in PDF_SUFFIXES else MAX_TEXT_BYTES
        if size > limit:
            raise IngestError(
                f"{path}: too large for a report ({size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)"
            )
        return path.read_bytes()
    except PermissionError:
        raise IngestError(f"{path}: permission denied") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def load_bytes(path: Path, data: bytes, on_page=None) -> Document:
    """Parse a report from its bytes, by the file's suffix."""
    import hashlib  # here, not above: OpenSSL takes milliseconds to load, and answering needs none of it

    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from doksvar.ingest.pdf import parse_pdf

        return parse_pdf(data, str(path), path.name, sha, on_page)
    if suffix not in TEXT_SUFFIXES:
        raise IngestError(f"{path}: not a report (expected .txt, .md or .pdf)")
    if not data.strip():
        raise IngestError(f"{path}: the file is empty")
    text = decode(data, str(path))
    from doksvar.ingest.layout import looks_like_layout
    from doksvar.ingest.markdown import looks_like_markdown

    # Markdown from a converter is no layout rendering, though its page footers may look so.
    if looks_like_layout(text) and not looks_like_markdown(text):
        from doksvar.ingest.blocks import build_document
        from doksvar.ingest.layout import layout_blocks, pages_of_text

        return build_document(layout_blocks(pages_of_text(text)), str(path), path.name, sha)
    from doksvar.ingest.text import parse_text

    return parse_text(text, str(path), path.name, sha)
