"""Write the reading-order references of the test PDFs, so the tests need neither poppler nor time.

For each PDF here: `NAME.poppler.txt`, what `pdftotext` (plain mode, poppler's reading order)
writes, pages apart by form feeds; and, for a tagged PDF, `NAME.tagged`, the text of each page in
the order of the PDF's structure tree: the order its author's program (Word, LibreOffice)
recorded, independent of both poppler and doksvar. Running headers and footers are artifacts in
a tagged PDF, so they are not in it. (UTF-8 text, not named `.txt`: the tests take a `.txt` here
for a report of its own.)

Usage (from the project root): .venv/bin/python tests/data/make_references.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def tagged_pages(path: Path) -> list[str] | None:
    """Each page's text in structure-tree order, None for an untagged PDF."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NumberObject

    reader = PdfReader(path)
    root = reader.trailer["/Root"].get("/StructTreeRoot")
    if root is None:
        return None
    texts = [_marked_content(page) for page in reader.pages]
    number = {page.indirect_reference.idnum: k for k, page in enumerate(reader.pages)}
    order: list[tuple[int, int]] = []

    def walk(node, page: int | None) -> None:
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, page)
        elif isinstance(node, (int, NumberObject)):
            if page is not None:
                order.append((page, int(node)))
        elif isinstance(node, DictionaryObject):
            if "/Pg" in node:
                page = number.get(node.raw_get("/Pg").idnum, page)
            if node.get("/Type") == "/MCR":
                if page is not None:
                    order.append((page, int(node["/MCID"])))
            elif "/K" in node:
                walk(node["/K"], page)

    walk(root.get_object()["/K"], None)
    pages: list[list[str]] = [[] for _ in reader.pages]
    for page, mcid in order:
        if mcid in texts[page]:
            pages[page].append(texts[page][mcid])
    return ["\n".join(p) for p in pages]


def _marked_content(page) -> dict[int, str]:
    """The text of each marked-content sequence of a page, by its MCID."""
    from pypdf.generic import DictionaryObject

    open_ids: list[int | None] = []
    texts: dict[int, str] = {}

    def before(op, args, cm, tm) -> None:
        if op == b"BDC":
            props = args[1] if len(args) > 1 else None
            mcid = int(props["/MCID"]) if isinstance(props, DictionaryObject) and "/MCID" in props else None
            open_ids.append(mcid)
        elif op == b"BMC":
            open_ids.append(None)
        elif op == b"EMC" and open_ids:
            open_ids.pop()

    def text(t, cm, tm, font, size) -> None:
        mcid = next((m for m in reversed(open_ids) if m is not None), None)
        if mcid is not None:
            texts[mcid] = texts.get(mcid, "") + t

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def main() -> int:
    exe = shutil.which("pdftotext")
    for pdf in sorted(HERE.glob("*.pdf")):
        if exe:
            done = subprocess.run([exe, str(pdf), "-"], capture_output=True, text=True, check=True)
            pdf.with_suffix(".poppler.txt").write_text(done.stdout, encoding="utf-8")
        else:
            print("pdftotext not found: poppler texts left as they are", file=sys.stderr)
        tagged = tagged_pages(pdf)
        if tagged is not None:
            pdf.with_suffix(".tagged").write_text("\f".join(tagged), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
