"""PDF reports: a PDF made from the bundled report, two real ones, and broken files."""

from __future__ import annotations

import io
import re

import pytest

from doksvar.answer import Answerer
from doksvar.errors import IngestError
from doksvar.index.store import Store
from doksvar.ingest import load, load_bytes

from .conftest import BUNDLED, DATA
from .pdfmaker import make_pdf


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
