"""PDF reports: a PDF made from the bundled report, a two-column one, two real ones, and broken files."""

from __future__ import annotations

import io
import re

import pytest

from doksvar.answer import Answerer
from doksvar.errors import IngestError
from doksvar.index.store import Store
from doksvar.ingest import load, load_bytes

from .conftest import BUNDLED, DATA
from .pdfmaker import (
    LOWER_LEFT,
    LOWER_RIGHT,
    TASKS,
    TWO_COLUMN_LEFT,
    TWO_COLUMN_RIGHT,
    make_pdf,
    make_two_column_pdf,
)


@pytest.fixture(scope="session")
def made_pdf(tmp_path_factory):
    return make_pdf(BUNDLED, tmp_path_factory.mktemp("pdf") / "arsuppfoljning.pdf")


@pytest.fixture(scope="session")
def made_doc(made_pdf):
    return load(made_pdf)


@pytest.fixture(scope="session")
def pdf_answerer(made_pdf, tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("pdfindex") / "i.sqlite", writable=True)
    assert [s.event for s in store.index_files([made_pdf])] == ["indexed"]
    return Answerer(store)


def test_headings_tables_and_pages_survive_the_pdf(made_doc):
    assert [s.number for s in made_doc.sections] == ["1", "2", "3", "4", "5", "6", "6.1", "6.2", "7", "8"]
    assert all(s.page and s.page >= 2 for s in made_doc.sections), "the contents page is not taken for headings"
    assert all(p.page for p in made_doc.passages)
    assert made_doc.title.startswith("Årsuppföljning 2023")


def test_running_header_and_page_footer_are_removed(made_doc):
    assert not re.search(r"Sida \d+", made_doc.text)
    assert made_doc.text.count("Årsuppföljning 2023 KS-Kommunstab") == 1


def _cell(doc, row, col):
    for t in doc.tables:
        for c in t.cells:
            if c.row_label == row and c.col_label == col:
                return c
    raise AssertionError((row, col, [(c.row_label, c.col_label) for t in doc.tables for c in t.cells][:40]))


def test_table_cells_from_the_pdf(made_doc):
    assert _cell(made_doc, "Tillsvidareanställda kvinnor", "2021").value == 175
    assert _cell(made_doc, "Nettokostnader", "Utfall Dec 2023").value == 307662
    # The label wrapped over three lines in the PDF is one label again.
    assert _cell(made_doc, "Tot sjukfrv : Tot ord arbtid (<=29 år)", "2023").value == 6.43


def test_dev_questions_against_the_pdf_only_index(pdf_answerer, dev_questions):
    ok = 0
    answerable = [g for g in dev_questions if g.get("answerable", True)]
    for g in dev_questions:
        r = pdf_answerer.ask(g["q"])
        assert all(isinstance(c.page, int) for c in r.citations), g["id"]
        if not g.get("answerable", True):
            assert not r.answered, g["id"]
            continue
        text = re.sub(r"\s+", " ", r.answer)
        musts = [m if isinstance(m, list) else [m] for m in g["must"]]
        facts = all(any(opt.replace("%", "") in text for opt in options) for options in musts)
        sections = {c.section for c in r.citations}
        in_section = any(s == w or s.startswith(w + ".") for s in sections for w in g.get("sections", []))
        ok += r.answered and facts and in_section
    assert ok / len(answerable) >= 0.85, ok


def test_goteborg_pdf_sections_pages_and_tables():
    doc = load(DATA / "goteborg_intraservice_delarsrapport_mars_2026.pdf")
    numbers = [s.number for s in doc.sections]
    assert {"1", "2.1", "2.3.1", "2.3.5", "5.2.3"} <= set(numbers)
    section = next(s for s in doc.sections if s.number == "2.3.1")
    assert section.title == "Resultatredovisning i sammandrag nämnder" and section.page == 11
    assert _cell(doc, "Intäkter", "Budget").value == 375.7
    assert _cell(doc, "Kommuninterna bidrag", "Avvikelse").value == 0


def test_simrishamn_pdf_without_numbered_headings_still_gives_tables(tmp_path):
    doc = load(DATA / "simrishamn_kfn_bokslut_2025.pdf")
    assert _cell(doc, "Fysisk och teknisk planering", "Återstår").value == -229
    # Its headings carry no numbers: the larger type makes them sections, numbered in order.
    titles = {s.title: s for s in doc.sections}
    assert {"Årets händelser", "Driftredovisning", "Måluppföljning"} <= set(titles)
    assert titles["Årets händelser"].page == 5 and titles["Årets händelser"].level >= 2
    store = Store(tmp_path / "s.sqlite", writable=True)
    list(store.index_files([DATA / "simrishamn_kfn_bokslut_2025.pdf"]))
    r = Answerer(store).ask("Vilka negativa avvikelser finns i driftredovisningen?")
    assert r.answered and "229" in r.answer and all(c.page for c in r.citations)


def _encrypted(made_pdf, password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(made_pdf))
    writer.encrypt(user_password=password, owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_with_an_empty_password_is_opened(made_pdf, tmp_path):
    doc = load_bytes(tmp_path / "open.pdf", _encrypted(made_pdf, ""))
    assert len(doc.sections) == 10


def _scanned() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.pdf", lambda pdf: b"", "empty"),
        ("truncated.pdf", lambda pdf: pdf.read_bytes()[: len(pdf.read_bytes()) // 3], "damaged"),
        ("locked.pdf", lambda pdf: _encrypted(pdf, "hemligt"), "password"),
        ("scanned.pdf", lambda pdf: _scanned(), "OCR"),
        ("fake.pdf", lambda pdf: b"Detta ar ingen PDF utan vanlig text.\n" * 20, "not a PDF"),
    ],
)
def test_broken_pdfs_give_a_clear_message(made_pdf, tmp_path, name, make, message):
    data = make(made_pdf)
    with pytest.raises(IngestError, match=message):
        load_bytes(tmp_path / name, data)


def test_a_folder_of_good_and_broken_pdfs(made_pdf, tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.pdf").write_bytes(made_pdf.read_bytes())
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "locked.pdf").write_bytes(_encrypted(made_pdf, "hemligt"))
    r = subprocess.run(
        [sys.executable, "-m", "doksvar", "--index", str(tmp_path / "i.sqlite"), "index", str(folder)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1
    assert "1 documents" in r.stdout and "2 failed" in r.stdout
    assert "empty.pdf: the file is empty" in r.stderr and "locked.pdf" in r.stderr and "password" in r.stderr
    assert "page 1/" in r.stderr


PAGES = [
    "Sidan ett handlar om budgeten för simhallen.",
    "Sidan två handlar om personalen.",  # its content stream is damaged
    "",  # a picture of a page, no text
    "",  # a blank page
    "Sidan fem handlar om investeringar i biblioteket.",
]


def _pdf_with_unreadable_pages() -> bytes:
    """Five pages: text, a damaged one, a scanned one (an image only), a blank one, text."""
    from PIL import Image
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for k, text in enumerate(PAGES):
        if text:
            c.setFont("Helvetica", 11)
            c.drawString(72, 700, text)
        elif k == 2:
            c.drawImage(ImageReader(Image.new("L", (40, 40), 128)), 72, 300, 400, 400)
        c.showPage()
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    damaged = StreamObject()
    damaged.set_data(b"not deflated at all")  # the page says FlateDecode, but it is not
    damaged[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer.pages[1][NameObject("/Contents")] = writer._add_object(damaged)
    data = io.BytesIO()
    writer.write(data)
    return data.getvalue()


def test_pages_that_give_no_text_are_named_and_shown_as_gaps(tmp_path):
    doc = load_bytes(tmp_path / "hål.pdf", _pdf_with_unreadable_pages())
    assert [(page, why.split(" (")[0]) for page, why in doc.lost_pages] == [(2, "damaged"), (3, "no text layer")]
    # The viewer shows the document text: where a page is missing, it says so, in its place.
    text = doc.text
    gap2, gap3 = text.index("[Sidan 2 kunde inte läsas"), text.index("[Sidan 3 kunde inte läsas")
    assert text.index(PAGES[0]) < gap2 < gap3 < text.index(PAGES[4])
    assert "skadad" in text[gap2:gap3] and "OCR" in text[gap3:]
    assert "Sidan 4" not in text, "a blank page is no lost page"
    assert all("kunde inte läsas" not in p.text for p in doc.passages), "a gap is no text of the report"


def test_index_names_the_lost_pages_and_exits_1_but_keeps_the_rest(tmp_path):
    import subprocess
    import sys

    pdf = tmp_path / "hål.pdf"
    pdf.write_bytes(_pdf_with_unreadable_pages())
    index = tmp_path / "i.sqlite"
    command = [sys.executable, "-m", "doksvar", "--index", str(index), "index", str(pdf)]
    for run in ("indexed", "unchanged"):  # said again on every run while the pages are missing
        r = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert r.returncode == 1, r.stderr
        assert "1 documents" in r.stdout and "1 with pages that gave no text" in r.stdout
        assert f"{run}: {pdf} (" in r.stderr and "2 pages gave no text" in r.stderr
        assert f"{pdf}: page 2: damaged" in r.stderr
        assert f"{pdf}: page 3: no text layer" in r.stderr and "OCR" in r.stderr
        assert "page 4:" not in r.stderr and "Traceback" not in r.stderr
    hits = Store(index).search("biblioteket")
    assert [(h.stored.passage.text, h.stored.passage.page) for h in hits] == [(PAGES[4], 5)]


# ---------------------------------------------------------------- two columns, outline, text as printed


@pytest.fixture(scope="session")
def two_column_pdf(tmp_path_factory):
    return make_two_column_pdf(tmp_path_factory.mktemp("two") / "arsredogorelse.pdf")


@pytest.fixture(scope="session")
def two_column_doc(two_column_pdf):
    return load(two_column_pdf)


def test_columns_are_read_one_after_the_other(two_column_doc):
    texts = [p.text for p in two_column_doc.passages]
    for paragraph in TWO_COLUMN_LEFT + TWO_COLUMN_RIGHT + [LOWER_RIGHT]:
        assert paragraph in texts, paragraph[:40]
    # Left column, right column, the table across both, the columns below it, the footnote.
    text = two_column_doc.text
    marks = [
        TWO_COLUMN_LEFT[0][:40],
        TWO_COLUMN_LEFT[1][:40],
        TWO_COLUMN_RIGHT[0][:40],
        TWO_COLUMN_RIGHT[1][:40],
        "Tabell 1 Utfall per 2023-12-31",
        "Förtroendevalda revisorer\t-2 841",
        LOWER_LEFT[:40],
        LOWER_RIGHT[:40],
        "1 Resultatet blev",
    ]
    places = [text.find(m) for m in marks]
    assert -1 not in places and places == sorted(places), list(zip(marks, places, strict=True))


def test_sections_from_the_outline_with_their_headings_as_printed(two_column_doc):
    found = [(s.title, s.page, s.level) for s in two_column_doc.sections]
    assert found == [
        ("Socialnämndernas arbete med kompetensförsörjning", 1, 1),
        ("Organisering och planering av arbetet", 1, 2),  # printed over two lines
        ("Uppdrag", 2, 1),
    ]
    by_text = {p.text[:30]: p for p in two_column_doc.passages}
    assert by_text[TWO_COLUMN_LEFT[0][:30]].section == "1"
    assert by_text[TWO_COLUMN_RIGHT[0][:30]].section == "1.1"  # the right column reads on after it


def test_a_table_across_both_columns_stays_a_table(two_column_doc):
    cells = {(c.row_label, c.col_label): c for t in two_column_doc.tables for c in t.cells}
    assert cells[("Sakkunnigt biträde", "Budget 2023")].value == -35334
    assert cells[("Periodens resultat", "Utfall 2022")].text == "-584"
    assert cells[("Kommunbidrag", "Utfall 2023")].value == 39926


def test_words_and_figures_as_printed(two_column_doc):
    text = two_column_doc.text
    assert "Arbetet ska dokumenteras i revisionsrapporten" in text  # broken at a line end, made whole
    assert "Göteborgs- och Bohusläns revisorer" in text  # a hyphen that stands for "-revisorer"
    assert "SIP-samordnarna" in text  # a hyphen of the word itself, at a line end
    # Set with a thin space and a minus close to its figure, both by moving the pen.
    assert "Resultatet blev 2 778 tkr mot budgeterade -500 tkr" in text


def test_a_table_of_tasks_and_comments_is_read_row_by_row(two_column_doc):
    texts = [p.text for p in two_column_doc.passages]
    cells = [cell for row in TASKS for cell in row]
    places = [texts.index(cell) for cell in cells]
    assert places == sorted(places)


def test_a_search_hit_on_a_two_column_page_names_its_section(two_column_pdf, tmp_path):
    store = Store(tmp_path / "i.sqlite", writable=True)
    list(store.index_files([two_column_pdf]))
    hits = store.search("personalomsättningen")
    assert hits and hits[0].stored.passage.section == "1" and hits[0].stored.passage.page == 1
    assert hits[0].stored.section_title == "Socialnämndernas arbete med kompetensförsörjning"
    hits = store.search("dokumenteras")
    assert hits and "dokumenteras" in hits[0].snippet


def _run(x0: float, y: float, text: str, size: float = 10.0, width: float = 4.6):
    from doksvar.ingest.glyphs import Run

    return Run(x0, x0 + width * len(text), y, size, False, text)


def test_reading_order_of_a_page_from_its_runs():
    from doksvar.ingest.reading import read_page

    left = [
        "Vänster spalt börjar här och",
        "fortsätter med fler ord om",
        "granskningen av nämnderna",
        "och slutar här i spalten.",
    ]
    right = [
        "Höger spalt har egna ord som",
        "läses först när den vänstra",
        "spalten är slut och klar",
        "och den slutar också här.",
    ]
    runs = [_run(60, 700, "En rubrik över hela sidans bredd som inte har någon spalt", 14, 6.5)]
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        runs += [_run(60, 670 - 13 * k, a), _run(310, 670 - 13 * k, b)]
    lines = [ln.text.strip() for ln in read_page(runs) if ln.text.strip()]
    assert lines == [runs[0].text, *left, *right]


def test_a_table_of_one_line_rows_keeps_its_rows():
    from doksvar.ingest.reading import read_page

    rows = [("Entreprenörens namn", "Verksamhet på entreprenad"), ("Fritid Österlen AB", "Tobisviks camping")]
    rows += [("Sankt Olofs idrottsförening", "Sankt Olofsbadet"), ("Fotbollsutveckling på Österlen", "Konstgräsplanen")]
    runs = [r for k, (a, b) in enumerate(rows) for r in (_run(60, 700 - 13 * k, a), _run(310, 700 - 13 * k, b))]
    lines = [" ".join(ln.text.split()) for ln in read_page(runs) if ln.text.strip()]
    assert lines == [f"{a} {b}" for a, b in rows]


def test_figures_beside_words_are_a_table_not_columns():
    from doksvar.ingest.reading import read_page

    rows = [
        ("Förtroendevalda revisorer och deras arbete", "-2 841"),
        ("Sakkunnigt biträde vid granskningarna", "-34 012"),
    ]
    rows += [("Övriga kostnader för revisionen", "-7 638"), ("Summa kostnader för hela året", "-44 491")]
    runs = [r for k, (a, b) in enumerate(rows) for r in (_run(60, 700 - 13 * k, a), _run(330, 700 - 13 * k, b))]
    lines = [" ".join(ln.text.split()) for ln in read_page(runs) if ln.text.strip()]
    assert lines == [f"{a} {b}" for a, b in rows]


LEFT = ["Vänster spalt börjar här och", "fortsätter med fler ord om", "granskningen av nämnderna"]
RIGHT = ["Höger spalt har egna ord som", "läses först när den vänstra", "spalten är slut och klar"]


def test_a_small_table_inside_a_column_stays_in_it():
    from doksvar.ingest.reading import read_page

    rows = [("Personal", "12 300", "11 900"), ("Lokaler", "4 100", "4 000"), ("Summa", "16 400", "15 900")]
    after = ["Efter tabellen fortsätter", "den vänstra spalten med mer", "text om granskningen."]
    right = RIGHT + ["och den fortsätter här med", "fler rader av löpande text", "som inte har något med"]
    right += ["tabellen att göra alls utan", "slutar här längst ned."]
    runs = []
    for k, text in enumerate([*LEFT, "och deras kostnader enligt:"]):
        runs.append(_run(60, 700 - 13 * k, text, width=7.6))
    for k, (label, a, b) in enumerate(rows, 4):
        runs += [_run(60, 700 - 13 * k, label, width=7.6), _run(180, 700 - 13 * k, a, width=5)]
        runs.append(_run(240, 700 - 13 * k, b, width=5))
    for k, text in enumerate(after, 7):
        runs.append(_run(60, 700 - 13 * k, text, width=7.6))
    for k, text in enumerate(right):
        runs.append(_run(310, 700 - 13 * k, text, width=7.6))
    lines = [" ".join(ln.text.split()) for ln in read_page(runs) if ln.text.strip()]
    # The left column, its table row by row, the rest of it; then the right column.
    left = [*LEFT, "och deras kostnader enligt:", *(" ".join(row) for row in rows), *after]
    assert lines == left + right


def test_a_table_across_the_page_under_two_columns_stays_a_table():
    from doksvar.ingest.reading import read_page

    rows = [("Förtroendevalda revisorer", "-2 841", "-2 910"), ("Sakkunnigt biträde", "-34 012", "-35 334")]
    left, right = [*LEFT, "och deras kostnader enligt."], [*RIGHT, "och den slutar också här."]
    runs = []
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        runs += [_run(60, 700 - 13 * k, a, width=7.6), _run(310, 700 - 13 * k, b, width=7.6)]
    for k, (label, a, b) in enumerate(rows, 4):
        runs += [_run(60, 700 - 13 * k, label, width=7.6), _run(330, 700 - 13 * k, a, width=5)]
        runs.append(_run(450, 700 - 13 * k, b, width=5))
    lines = [" ".join(ln.text.split()) for ln in read_page(runs) if ln.text.strip()]
    # Its labels left of the gutter, its figures right of it: a row each, not two columns.
    assert lines == left + right + [" ".join(row) for row in rows]


def _columns_with_a_footnote_and_a_credit() -> bytes:
    """A page of two columns: the left one breaks off mid-sentence over a footnote in small
    type, the right one, longer, goes on; a photo credit is set up the right margin."""
    from reportlab.pdfgen import canvas

    left = [
        "Nämnden har under året arbetat med att",
        "förbättra uppföljningen av sina avtal och",
        "har infört en ny rutin för kontroller av",
        "leverantörerna. Granskningen visade att de",
        "nya kontrollerna ännu inte hade fått full",
    ]
    right = [
        "effekt i verksamheten under det första",
        "halvåret, men att arbetet gick framåt och",
        "att ansvaret var tydligt fördelat mellan",
        "förvaltningen och de enskilda enheterna.",
        "Nämnden har också börjat följa upp hur",
        "leverantörerna själva kontrollerar sina",
        "underleverantörer, vilket är ett gott steg.",
        "Rekommendationer lämnades till nämnden.",
    ]
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 760, "Uppföljning av avtal och leverantörer")
    c.setFont("Times-Roman", 11)
    for k, line in enumerate(left):
        c.drawString(60, 720 - 14 * k, line)
    for k, line in enumerate(right):
        c.drawString(310, 720 - 14 * k, line)
    c.setFont("Times-Roman", 8)
    c.drawString(60, 640, "1 Avtalen gäller från och med den första")
    c.drawString(60, 630, "januari och löper i fyra år.")
    c.saveState()
    c.translate(560, 400)
    c.rotate(90)
    c.setFont("Helvetica", 6)
    c.drawString(0, 0, "Foto: Anna Berg")
    c.restoreState()
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_footnote_under_a_column_and_a_credit_up_the_margin(tmp_path):
    doc = load_bytes(tmp_path / "avtal.pdf", _columns_with_a_footnote_and_a_credit())
    texts = [p.text for p in doc.passages]
    # The sentence runs on from the left column into the right one, past the footnote.
    assert any("ännu inte hade fått full effekt i verksamheten" in t for t in texts), texts
    assert "1 Avtalen gäller från och med den första januari och löper i fyra år." in texts
    assert "Foto: Anna Berg" in texts  # set turned, still text of the page


def _words(text: str) -> list[str]:
    text = re.sub(r"(?<=[a-zåäö])-\s*\n\s*(?=[a-zåäö])", "", text)
    return [w.lower() for w in re.findall(r"\w+", text)]


REAL_PDFS = [
    "goteborg_intraservice_delarsrapport_mars_2026",
    "simrishamn_kfn_bokslut_2025",
    "goteborg_stadsrevisionen_arsredogorelse_2023",
]
# Pages where poppler's order is not how the page reads, each with why. Such a page must still
# hold poppler's words (order aside) and read at least as in poppler's order as it does now (the
# figure given); where the PDF's tags record its author's order, it follows that order instead.
TABLE = "a table: poppler reads it cell by cell, a header's stacked words whole; doksvar row by row"
COLUMNS = "two columns: poppler reads part of one column after the other (its tags read as doksvar)"
ASSIGNMENTS = "an assignment table: poppler reads every task, then every comment; doksvar row by row"
EXCEPTIONS: dict[str, dict[int, tuple[str, float]]] = {
    "goteborg_intraservice_delarsrapport_mars_2026": {
        **{page: (TABLE, 0.9) for page in (4, 5, 10, 14, 16, 18, 19, 25)},
        23: (ASSIGNMENTS, 0.65),
    },
    "simrishamn_kfn_bokslut_2025": {
        2: ("the cover: poppler reads the page footer between two fields of one line", 0.8),
        **{page: (TABLE, 0.88) for page in (18, 21, 33, 34, 36)},
    },
    "goteborg_stadsrevisionen_arsredogorelse_2023": {
        **{page: (COLUMNS, 0.7) for page in (6, 8, 10, 17, 18, 22)},
        12: ("a photo page: poppler reads the footer, under the photo, before the text box on it", 0.8),
        24: ("a photo page: poppler reads the footer, under the photo, before the text box on it", 0.8),
        26: ("columns over columns beside a box of names: poppler reads the left half, then the right", 0.75),
        31: ("the table of contents: poppler reads the section numbers apart from their titles", 0.9),
    },
}


def _similarity(a: list[str], b: list[str]) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b)


@pytest.fixture(scope="module", params=REAL_PDFS)
def read_pages(request):
    from doksvar.ingest.pdf import pdf_pages

    name = request.param
    poppler = (DATA / f"{name}.poppler.txt").read_text(encoding="utf-8").split("\f")
    tagged = DATA / f"{name}.tagged"
    # The structure tree breaks a word at its hyphen ("grundsko" / "-" / "lan"): mended here.
    tags = re.sub(r"\s*\n\s*-\s*\n", "-\n", tagged.read_text(encoding="utf-8")).split("\f") if tagged.exists() else []
    return name, pdf_pages((DATA / f"{name}.pdf").read_bytes(), name), poppler, tags


def test_pages_read_in_poppler_s_order(read_pages):
    """Every page of text reads as `pdftotext` reads it (its text is kept in tests/data)."""
    name, mine, poppler, _ = read_pages
    assert len(mine) == len(poppler) - (poppler[-1] == "")
    low = {}
    for number, (page, reference) in enumerate(zip(mine, poppler, strict=False), 1):
        if number in EXCEPTIONS[name] or len(_words(reference)) < 20:
            continue
        similarity = _similarity(_words(page), _words(reference))
        if similarity < 0.97:
            low[number] = round(similarity, 3)
    assert not low


def test_pages_poppler_misreads_keep_their_words_and_read_as_the_tags_say(read_pages):
    name, mine, poppler, tags = read_pages
    for number, (why, floor) in EXCEPTIONS[name].items():
        page, reference = _words(mine[number - 1]), _words(poppler[number - 1])
        assert _similarity(sorted(page), sorted(reference)) >= 0.99, (number, why)
        assert _similarity(page, reference) >= floor, (number, why)
        if why in (COLUMNS, ASSIGNMENTS):
            assert _similarity(page, _words(tags[number - 1])) >= 0.97, (number, why)


REVISION = DATA / "goteborg_stadsrevisionen_arsredogorelse_2023.pdf"


@pytest.fixture(scope="module")
def revision_doc():
    return load(REVISION)


def test_the_revision_report_s_sections_are_its_outline(revision_doc, tmp_path):
    from pypdf import PdfReader

    from doksvar.ingest.outline import outline_entries

    path, doc = REVISION, revision_doc
    entries = outline_entries(PdfReader(path))
    assert [(s.number, s.page) for s in doc.sections] == [(e.number, e.page) for e in entries]
    by_number = {s.number: s for s in doc.sections}
    assert by_number["9.5"].title == "Styrning, uppföljning och kontroll av hemvårdsbidrag"
    # A title is the heading as printed, where the bookmark shortens it.
    assert by_number["9.10"].title == "Arbetet för att minska energianvändningen i bostäder och lokaler"
    assert by_number["1.3.1"].title == "Uppföljning" and by_number["1.3.1"].parent == "1.3"
    store = Store(tmp_path / "i.sqlite", writable=True)
    list(store.index_files([path]))
    # Right-column text of a two-column page is in the section its page's heading opens.
    for word, number, page in [("omprövningen", "9.5", 10), ("avgångssamtal", "9.3", 8), ("erinran", "9.1", 6)]:
        hit = store.search(word)[0]
        assert (hit.stored.passage.section, hit.stored.passage.page) == (number, page), word
        assert hit.stored.section_title == by_number[number].title


def test_a_footnote_or_photo_credit_never_splits_a_sentence(revision_doc):
    texts = [p.text for p in revision_doc.passages]
    # A sentence runs on from the foot of the left column, past the footnote under it, and past
    # the photo credit that heads the right column of another page.
    assert any("kontrollen genom hög riskexponering. I Göteborg Energi Din El AB" in t for t in texts)
    assert any("Denna brist kan ytterst medföra att oseriösa" in t for t in texts)
    footnote = next(t for t in texts if t.startswith("1 Även grundskolenämnden"))
    assert footnote.endswith("inte har bedömts vara meningsfull.")  # its lines joined, after the text
    # Set turned up the margin, a credit is still text of the page.
    assert sum(t == "Foto: Frida Winter" for t in texts) >= 3


def test_running_footers_of_mirrored_pages_and_of_a_bound_part_are_furniture(revision_doc):
    doc = revision_doc
    # "2  Stadsrevisionens årsredogörelse 2023" on left pages, "… 2023  3" on right ones; the
    # second part's "Årsrapport för 2023  4 (10)" / "Revisorskollegiet" / "Stadsrevisionen  2024-03-19".
    assert "Stadsrevisionens årsredogörelse 2023" not in doc.text
    assert "(10)" not in doc.text
    assert not any(p.text.startswith("Årsrapport för 2023 ") for p in doc.passages)
    assert any("och för omcertifiering krävs kontinuerlig fortbildning." in p.text for p in doc.passages)


class _Bookmark:
    def __init__(self, title: str, page: int) -> None:
        self.title, self.page = title, page


class _Reader:
    def __init__(self, outline) -> None:
        self.outline = outline

    @staticmethod
    def get_destination_page_number(item) -> int:
        return item.page - 1


def test_outline_numbers_never_take_a_printed_number():
    from doksvar.ingest.outline import outline_entries

    reader = _Reader(
        [
            _Bookmark("Handling 2024 nr 62", 1),
            _Bookmark("62.1.pdf", 1),  # names a file bound into the document, not a heading
            [_Bookmark("Förord", 4), _Bookmark("Granskning", 5), [_Bookmark("Kritik riktas", 6)]],
            _Bookmark("62.2.pdf", 1),
            [_Bookmark("1 Mål och inriktning", 32), [_Bookmark("1.1 Beredning", 32)], _Bookmark("2 Styrning", 35)],
        ]
    )
    found = [(e.number, e.title, e.page, e.level) for e in outline_entries(reader)]
    assert found == [
        ("3", "Handling 2024 nr 62", 1, 1),
        ("4", "Förord", 4, 1),
        ("5", "Granskning", 5, 1),
        ("5.1", "Kritik riktas", 6, 2),
        ("1", "1 Mål och inriktning", 32, 1),
        ("1.1", "1.1 Beredning", 32, 2),
        ("2", "2 Styrning", 35, 1),
    ]
    assert outline_entries(_Reader([_Bookmark(f"Page {k}", k) for k in range(1, 5)])) == []


def test_a_bookmark_matches_its_heading_wrapped_over_two_lines():
    from doksvar.ingest.outline import Entry, match_heading

    entry = Entry("Hantering av förorenade områden i stadens tillsynsarbete", 13, 2, "9.7")
    lines = ["", "Hantering av förorenade områden i stadens", "tillsynsarbete", "Stadsrevisionen har granskat"]
    assert match_heading(entry, lines) == (1, 2)
    assert match_heading(Entry("Bedömning", 13, 2, "9.8"), lines) is None


def test_a_list_bullet_in_an_unused_winansi_code_is_a_bullet():
    # reportlab, like some word processors, draws "•" in the standard fonts as code 0x7F, which
    # WinAnsiEncoding leaves unused and PDF readers show as a bullet; pypdf gives the code itself.
    doc = load(DATA / "fjallsjo-vard-2025.pdf")
    assert "\x7f" not in doc.text
    items = [p.text for p in doc.passages if p.kind == "item"]
    assert "Korttidsboendet Solbacken stängdes och verksamheten flyttades till Björkgården." in items


def _one_line_pdf(stream: bytes) -> bytes:
    """A one-page PDF drawing `stream` in Times-Roman, as a typesetter writes it, built by hand:
    reportlab never spaces words by moving the pen."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


@pytest.mark.parametrize("word_spacing", [b"0", b"4.913"])
def test_words_spaced_by_moving_the_pen_stay_apart_under_any_word_spacing(tmp_path, word_spacing):
    # groff's gropdf sets a justified line's words apart by TJ displacements while a word spacing
    # (Tw) is in force; Tw widens space characters only, so it does not widen the gap that parts words.
    line = b"[(tv\xe5) -297.3 (som) -297.3 (uppfyllda,)] TJ"
    path = tmp_path / "rad.pdf"
    path.write_bytes(_one_line_pdf(b"BT /F1 10 Tf 1 0 0 1 20 100 Tm " + word_spacing + b" Tw " + line + b" ET"))
    assert load(path).text.strip() == "två som uppfyllda,"


def test_table_header_cells_drawn_as_one_string_stand_in_their_columns():
    # groff's gropdf (`groff -t -ms -Tpdf`, a tbl table of three columns) draws a header line's cells
    # as one string padded with spaces ("Budget 2025      Utfall 2025"): each cell heads its own column.
    (table,) = load(DATA / "snippets" / "groff-tabell.pdf").tables
    assert table.header == ("Verksamhet", "Budget 2025", "Utfall 2025")
    assert [c.text for c in table.cells if c.row_label == "Summa"] == ["123 700", "124 760"]


def test_a_cell_padded_with_spaces_ends_where_its_text_does():
    # A page of a two-column report set with groff from our own text: the label cell is drawn as
    # "Verksamhet" and ninety spaces; had its spaces counted as its text, the header's cells would
    # each have stood a column to the right ("Avvikelse Utfall 2024" as one cell).
    (table,) = load(DATA / "groff-gransjo-s3.pdf").tables
    assert table.header == ("Verksamhet", "Budget 2025", "Utfall 2025", "Avvikelse", "Utfall 2024")
    row = {c.col_label: c.text for c in table.cells if c.row_label == "Vinterväghållning"}
    assert row == {"Budget 2025": "14 200", "Utfall 2025": "19 890", "Avvikelse": "-5 690", "Utfall 2024": "13 260"}


def test_tables_set_inside_one_column_are_read_in_their_column():
    # Two pages of a two-column report set with groff from our own text: a table at the top of the
    # left column beside running text, and two tables side by side, one in each column. Each table
    # keeps its rows; the text beside it reads on as its sentences.
    doc = load(DATA / "groff-bergvik-spalter.pdf")
    assert [t.caption[:9] for t in doc.tables] == ["Tabell 1.", "Tabell 2.", "Tabell 6."]

    def row(label: str) -> dict[str, str]:
        return {c.col_label: c.text for t in doc.tables for c in t.cells if c.row_label.startswith(label)}

    assert row("Barn och unga") == {
        "Budget 2025": "98 300",
        "Nettokostnad 2025": "107 650",
        "Avvikelse": "9 350",
        "Nettokostnad 2024": "99 480",
    }
    assert row("Vårddygn HVB") == {"2023": "4 310", "2024": "5 020", "2025": "5 870"}
    assert row("Hushåll med långvarigt") == {"2023": "551", "2024": "539", "2025": "453"}
    assert "LSS-verksamheten kostade 1,2 mnkr mer än budgeterat." in doc.text


def test_a_table_beside_another_whose_header_is_a_line_of_years():
    # A page of our own report set with groff: a table of four columns in the left column beside a
    # table in the right whose header's second line holds only years ("2025  2024").
    doc = load(DATA / "groff-gransjo-s2.pdf")
    assert [t.caption[:9] for t in doc.tables] == ["Tabell 2.", "Tabell 3."]
    result = {c.col_label: c.text for t in doc.tables for c in t.cells if c.row_label == "Resultat"}
    assert result == {"VA 2025": "2,6", "VA 2024": "2,1", "Avfall 2025": "-0,3", "Avfall 2024": "-0,8"}


def test_a_two_column_report_of_another_typesetter_reads_as_its_outline_and_tables():
    # Our own report set in two columns with groff (gropdf): headings beside headings, tables in
    # either column and side by side, justified lines spaced by moving the pen. Every section is
    # its bookmark, titled as printed; every table of figures keeps its header.
    from pypdf import PdfReader

    from doksvar.ingest.outline import outline_entries

    path = DATA / "groff-gransjo-spalter.pdf"
    doc = load(path)
    entries = outline_entries(PdfReader(path))
    assert [(s.number, f"{s.number} {s.title}", s.page) for s in doc.sections] == [
        (e.number, e.title, e.page) for e in entries
    ]
    captions = [t.caption.split(".")[0] for t in doc.tables]
    assert captions == [f"Tabell {n}" for n in (1, 2, 3, 4, 5, 7, 8, 9, 10)]  # 6 is a table of words
    staff = {c.col_label: c.text for t in doc.tables for c in t.cells if c.row_label == "Antal tillsvidareanställda"}
    assert staff == {"2023": "212", "2024": "218", "2025": "223"}
    assert "Två av sex mål är alltså uppfyllda 2025, mot ett 2024." in doc.text


def test_a_table_continued_on_the_next_page_keeps_its_caption(tmp_path):
    # A table of 70 rows runs over a page break; the PDF repeats its header row there, and the part
    # on the new page is the same table: its caption (and the unit in it) stays with every row.
    rows = "\n".join(f"Verksamhet {k:02d}\t{1000 + k}\t{1010 + k}\t-{10 + k}" for k in range(70))
    report = tmp_path / "lang-tabell.txt"
    report.write_text(
        "Delårsrapport 2026 Testnämnden\n\n1 Ekonomi\n\nNämnden redovisar sina verksamheter nedan.\n\n"
        "Tabell 2. Driftredovisning per verksamhet, tkr\n"
        f"Verksamhet\tBudget\tUtfall\tAvvikelse\n{rows}\n",
        encoding="utf-8",
    )
    doc = load(make_pdf(report, tmp_path / "lang-tabell.pdf"))
    parts = [t for t in doc.tables if t.header and t.header[0] == "Verksamhet"]
    assert len(parts) >= 2, [t.caption for t in doc.tables]
    assert {t.caption for t in parts} == {"Tabell 2. Driftredovisning per verksamhet, tkr"}
