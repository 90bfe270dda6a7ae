"""Makes a word-processor-like PDF of a text report, for testing PDF ingestion.

The PDF has what real ones have: a contents page with dot leaders, numbered headings in a
larger bold font, running text, bulleted lists, real tables with grid lines, a running header
with the report's title and a footer "Sida N av M".

Usage: python tests/pdfmaker.py REPORT.txt OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from doksvar.ingest import load


def _safe(text: str) -> str:
    """Text the standard fonts can draw (WinAnsi), XML-escaped for Paragraph."""
    text = text.replace("●", "•").replace("\u2011", "-")
    text = text.encode("cp1252", errors="replace").decode("cp1252").replace("?", "?")
    return escape(text)


def make_pdf(report: Path, out: Path) -> Path:
    doc = load(report)
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=10, leading=13)
    h1 = ParagraphStyle("h1", parent=body, fontName="Helvetica-Bold", fontSize=15, leading=19, spaceBefore=10)
    h2 = ParagraphStyle("h2", parent=body, fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=8)
    sub = ParagraphStyle("sub", parent=body, fontName="Helvetica-Bold", fontSize=10.5, leading=14)
    item = ParagraphStyle("item", parent=body, leftIndent=14, bulletIndent=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    story = [Paragraph(_safe(doc.title), h1), Spacer(1, 0.5 * cm), Paragraph("Innehållsförteckning", h2)]
    for s in doc.sections:
        dots = "." * max(4, 70 - len(s.number) - len(s.title))
        story.append(Paragraph(_safe(f"{s.number} {s.title} {dots} {2 + doc.sections.index(s) // 3}"), body))
    story.append(PageBreak())

    headings = {s.start: s for s in doc.sections}
    passages = {p.start: p for p in doc.passages}
    pos = 0
    text = doc.text
    seen_tables = set()
    for chunk in text.split("\n\n"):
        start = text.index(chunk, pos)
        pos = start + len(chunk)
        if start in headings:
            s = headings[start]
            story.append(Paragraph(_safe(f"{s.number} {s.title}"), h1 if s.level == 1 else h2))
            continue
        table = next((t for t in doc.tables if t.start <= start < t.end), None)
        if table is not None:
            if table.start in seen_tables:
                continue
            seen_tables.add(table.start)
            rows = [line.split("\t") for line in text[table.start : table.end].split("\n")]
            width = max(len(r) for r in rows)
            data = [[Paragraph(_safe(c), cell) for c in r + [""] * (width - len(r))] for r in rows]
            t = Table(data, repeatRows=1, hAlign="LEFT")
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [t, Spacer(1, 0.3 * cm)]
            continue
        if chunk.startswith(doc.title) and start == 0:
            continue
        p = passages.get(start)
        if p is None:
            if "..." in chunk or start < (doc.sections[0].start if doc.sections else 0):
                continue  # the text's own contents lines: the PDF has its own
            story.append(Paragraph(_safe(chunk), sub))  # a sub-heading
            continue
        for line in chunk.split("\n"):
            p = passages.get(text.index(line, start))
            if p is not None and p.kind == "item":
                story.append(Paragraph(_safe(line), item, bulletText="•"))
            elif p is not None and p.kind == "goal":
                story.append(Paragraph(_safe(line), sub))
            else:
                story.append(Paragraph(_safe(line), body))
    story.append(Spacer(1, 0.2 * cm))

    def decorate(canvas, pdf_doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, _plain(doc.title))
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Sida {pdf_doc.page}")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(str(out), pagesize=A4, topMargin=2 * cm, bottomMargin=2 * cm, title=doc.title).build(
        story, onFirstPage=decorate, onLaterPages=decorate
    )
    return out


def _plain(text: str) -> str:
    return text.encode("cp1252", errors="replace").decode("cp1252")


if __name__ == "__main__":
    make_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
