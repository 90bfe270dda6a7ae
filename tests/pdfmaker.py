"""Makes word-processor-like PDFs for testing PDF ingestion.

`make_pdf` sets a text report in one column with what real ones have: a contents page with dot
leaders, numbered headings in a larger bold font, running text, bulleted lists, real tables with
grid lines, a running header with the report's title and a footer "Sida N av M".
`make_two_column_pdf` sets a report in two columns, as annual reports are, with a bookmark outline.

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
    text = text.replace("●", "•").replace("\u2011", "-").replace("\u2212", "-")  # no minus glyph in WinAnsi
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


# ---------------------------------------------------------------- a two-column report

# Each paragraph's words are unique to it, so a test can tell whether it was read whole.
TWO_COLUMN_LEFT = [
    "Stadsrevisionen har granskat hur nämnderna arbetar med kompetensförsörjning inom socialtjänsten. "
    "Granskningen omfattade fyra socialnämnder och visade att rekryteringen av erfarna socialsekreterare "
    "fortfarande är svår, särskilt inom barn- och ungdomsvården där personalomsättningen varit hög under flera år.",
    "Vi kunde konstatera att it-tjänsten SAMSA inte användes som det var tänkt för samordnad individuell plan. "
    "Förvaltningarna hade tagit fram egna rutiner, men det saknades en gemensam uppföljning av hur planerna "
    "genomfördes och vilka insatser barnen faktiskt fick.",
]
TWO_COLUMN_RIGHT = [
    "Det finns en struktur för samverkan mellan socialtjänsten och skolan, men den följs inte alltid. "
    "Nämnderna behöver säkerställa att ansvaret för uppföljningen är tydligt och att rutinerna är kända "
    "av all personal som möter barn och unga i sitt arbete.",
    "Sammanfattningsvis bedömer revisorerna att nämnderna i huvudsak har en tillräcklig intern kontroll. "
    "Rekommendationer lämnades till samtliga granskade nämnder om att förbättra dokumentationen av "
    "beslut och att följa upp åtgärderna under kommande verksamhetsår.",
]
LOWER_LEFT = (
    "Kostnaderna för räkenskapsrevisionen blev lägre än budgeterat eftersom den nya standarden för "
    "revision försenades till årsskiftet. Arbetet ska doku-<br/>menteras i revisionsrapporten och följas "
    "upp av Göteborgs-<br/>och Bohusläns revisorer samt av SIP-<br/>samordnarna under nästa år."
)
LOWER_RIGHT = (
    "Lekmannarevisorerna har under året granskat bolagets uthyrning av lokaler. Granskningen visade att "
    "det fanns omfattande brister inom området och att uppföljningen av tidigare rekommendationer inte "
    "hade genomförts på det sätt som styrelsen hade beslutat om."
)
FOOTNOTE_PIECES = ["1 Resultatet blev 2", "778 tkr mot budgeterade -", "500 tkr för hela verksamhetsåret."]
FOOTNOTE = "1 Resultatet blev 2 778 tkr mot budgeterade -500 tkr för hela verksamhetsåret."
TABLE_ROWS = [
    ["tkr", "Utfall 2023", "Budget 2023", "Utfall 2022"],
    ["Förtroendevalda revisorer", "-2 841", "-2 910", "-2 563"],
    ["Sakkunnigt biträde", "-34 012", "-35 334", "-33 409"],
    ["Kommunbidrag", "39 926", "39 926", "38 352"],
    ["Periodens resultat", "740", "-750", "-584"],
]
TASKS = [
    (
        "Kommunstyrelsen får i uppdrag att i samverkan med samtliga nämnder utveckla det systematiska "
        "arbetsmiljöarbetet och sprida metoder för att förebygga sjukskrivningar.",
        "Halvår 1 2026. Det bidrag som hittills efterfrågats från förvaltningen är statistik över "
        "sjukfrånvaron, som levererades under våren.",
    ),
    (
        "Förvaltningen får i uppdrag att halvårsvis redovisa sin roll och sina ambitioner inom området "
        "artificiell intelligens.",
        "Halvår 1 2026. Förvaltningen redovisar uppdraget för nämnden i maj samt november varje år.",
    ),
    (
        "Alla nämnder får i uppdrag att upplåta lokaler för förtidsröstning som efterfrågas av valnämnden.",
        "Halvår 1 2026. Intraservice ser till att lokaler finns att tillgå och har upplåtit två lokaler.",
    ),
]


def make_two_column_pdf(out: Path) -> Path:
    """A report set in two columns as annual reports are: a heading across the page over two
    columns of justified text, a table of figures across both columns in the middle of a page,
    a footnote and a page footer across the foot, a page whose table pairs tasks with comments,
    and a bookmark outline for the headings (none of which carry numbers)."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.platypus import BaseDocTemplate, Flowable, Frame, FrameBreak, NextPageTemplate, PageTemplate

    class Bookmark(Flowable):
        """Puts an outline entry for the heading that follows it."""

        def __init__(self, title: str, level: int) -> None:
            super().__init__()
            self.title, self.level = title, level
            self.width = self.height = 0

        def draw(self) -> None:
            key = f"h{id(self)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(_plain(self.title), key, level=self.level)

    styles = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=styles["BodyText"], fontName="Times-Roman", fontSize=10.5, leading=13)
    body.alignment = TA_JUSTIFY
    h1 = ParagraphStyle("h1", parent=body, fontName="Helvetica-Bold", fontSize=17, leading=21, alignment=0)
    h2 = ParagraphStyle("h2", parent=body, fontName="Helvetica-Bold", fontSize=12.5, leading=15, alignment=0)
    small = ParagraphStyle("s", parent=body, fontSize=8, leading=10, alignment=0)
    width, height = A4
    margin, gutter = 2 * cm, 0.8 * cm
    col = (width - 2 * margin - gutter) / 2

    def columns(top: float, bottom: float, tag: str) -> list[Frame]:
        return [
            Frame(margin, bottom, col, top - bottom, id=f"{tag}l", showBoundary=0),
            Frame(margin + col + gutter, bottom, col, top - bottom, id=f"{tag}r", showBoundary=0),
        ]

    def footer(canvas, doc) -> None:
        canvas.saveState()
        if doc.page == 1:
            # The footnote's figures are set as a typesetter sets them: a thin space between digit
            # groups and a minus close to its figure, both made by moving the pen, not by a character.
            canvas.setFont("Times-Roman", 8)
            x = margin
            for piece, gap in zip(FOOTNOTE_PIECES, (1.4, 0.9, 0.0), strict=True):
                canvas.drawString(x, 1.6 * cm, _plain(piece))
                x += canvas.stringWidth(_plain(piece), "Times-Roman", 8) + gap
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, 1.0 * cm, f"Stadsrevisionens årsredogörelse 2023    {doc.page}")
        canvas.restoreState()

    top = height - margin
    head = Frame(margin, top - 2.2 * cm, width - 2 * margin, 2.2 * cm, id="head")
    middle = top - 11 * cm
    table_frame = Frame(margin, middle - 5 * cm, width - 2 * margin, 5 * cm, id="table")
    first = PageTemplate(
        "first",
        [head, *columns(top - 2.2 * cm, middle, "a"), table_frame, *columns(middle - 5 * cm, 3 * cm, "b")],
        onPage=footer,
    )
    tasks = PageTemplate("tasks", [Frame(margin, 3 * cm, width - 2 * margin, top - 3 * cm, id="full")], onPage=footer)

    def heading(text: str, style: ParagraphStyle, level: int) -> list:
        return [Bookmark(text, level), Paragraph(_safe(text), style)]

    cell = ParagraphStyle("c", parent=small, fontSize=9, leading=11)
    grid = Table(
        [[Paragraph(_safe(c), cell) for c in row] for row in TABLE_ROWS], colWidths=[6 * cm, 3 * cm, 3 * cm, 3 * cm]
    )
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
    task_table = Table(
        [[Paragraph("<b>Centrala uppdrag</b>", cell), Paragraph("<b>Kommentar</b>", cell)]]
        + [[Paragraph(_safe(a), cell), Paragraph(_safe(b), cell)] for a, b in TASKS],
        colWidths=[(width - 2 * margin) / 2] * 2,
    )
    task_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [
        *heading("Socialnämndernas arbete med kompetensförsörjning", h1, 0),
        FrameBreak(),
        Paragraph(_safe(TWO_COLUMN_LEFT[0]), body),
        *heading("Organisering och planering av arbetet", h2, 1),
        Paragraph(_safe(TWO_COLUMN_LEFT[1]), body),
        FrameBreak(),
        Paragraph(_safe(TWO_COLUMN_RIGHT[0]), body),
        Paragraph(_safe(TWO_COLUMN_RIGHT[1]), body),
        FrameBreak(),
        Paragraph(_safe("Tabell 1 Utfall per 2023-12-31"), small),
        Spacer(1, 0.2 * cm),
        grid,
        FrameBreak(),
        Paragraph(LOWER_LEFT, body),
        FrameBreak(),
        Paragraph(_safe(LOWER_RIGHT), body),
        NextPageTemplate("tasks"),
        PageBreak(),
        *heading("Uppdrag", h1, 0),
        task_table,
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(str(out), pagesize=A4, pageTemplates=[first, tasks], title="Årsredogörelse 2023")
    doc.build(story)
    return out
