"""How answers and citations read: table rows with their headers, list answers as lists with the right
citation numbers, and the Markdown export that uses both."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doksvar.citation import NOT_THE_ANSWER, TablesByDocument, answer_view, plain_answer, quote_text
from doksvar.export import conversation_markdown, default_export_dir, write_export
from doksvar.model import Answer, Citation

from .conftest import BUNDLED

DOC = BUNDLED.name


@pytest.fixture(scope="module")
def text(bundled_store) -> str:
    return bundled_store.document_text(bundled_store.documents()[0].id)


@pytest.fixture(scope="module")
def tables(bundled_store) -> TablesByDocument:
    return TablesByDocument(bundled_store)


def cite(text: str, n: int, quote: str, section: str = "6.1", title: str = "Driftsredovisning") -> Citation:
    start = text.index(quote)
    return Citation(n, DOC, section, title, None, quote, start, start + len(quote))


def test_a_table_row_reads_with_its_column_headers(text, tables):
    row = "KS-Kommunstabens\t68 453\t40 531\t68 000\t-453\t\t68 000\t\t40 531"
    shown = quote_text(cite(text, 1, row, "6.2"), tables(DOC))
    assert shown.startswith("KS-Kommunstabens — Utfall Dec 2023: 68 453 · Utfall Dec 2022: 40 531 · ")
    assert "Utfall - budget Dec 2023: -453" in shown
    assert "\t" not in shown and "Prognos Helår" not in shown  # empty cells are left out


def test_a_single_cell_reads_with_its_row_and_column(text, tables):
    start = text.index("Nettokostnader\t307 662\t280 390") + len("Nettokostnader\t307 662\t")
    c = Citation(1, DOC, "6.1", "Driftsredovisning", None, "280 390", start, start + 7)
    assert quote_text(c, tables(DOC)) == "Nettokostnader, Utfall Dec 2022: 280 390"


def test_a_column_header_reads_with_its_table(text, tables):
    start = text.index("\t2019\t2020\t2021\t2022\t2023") + len("\t2019\t2020\t2021\t2022\t")
    c = Citation(2, DOC, "4", "Personal", None, "2023", start, start + 4)
    assert quote_text(c, tables(DOC)) == (
        "kolumnen \u201c2023\u201d i tabellen \u201cAntal månadsanställda den 31 december, procent\u201d"
    )


def test_prose_is_quoted_verbatim(text, tables):
    quote = "Kostnader för friskvårdsbidraget uppgår till 8,3 mkr vilket överstiger budget med 2,1 mkr."
    assert quote_text(cite(text, 1, quote), tables(DOC)) == f"\u201c{quote}\u201d"


def negative_list(text: str) -> Answer:
    total = "Utfall per sista december 2023 ligger på 307,7 mkr vilket är 19,8 mkr mer än budget."
    first = "Kostnader för friskvårdsbidraget uppgår till 8,3 mkr vilket överstiger budget med 2,1 mkr."
    row = "KS-Kommunstabens\t68 453\t40 531\t68 000\t-453\t\t68 000\t\t40 531"
    return Answer(
        "Vilka negativa avvikelser finns?",
        True,
        "deviation",
        f"Negativa avvikelser: Totalt 19,8 mkr – {total} 1) 2,1 mkr – …uppgår till 8,3 mkr vilket "
        "överstiger budget med 2,1 mkr. 2) 453 tkr … och fler.",
        (cite(text, 1, total), cite(text, 2, first), cite(text, 3, row, "6.2", "Investeringsredovisning")),
    )


def test_a_list_answer_is_one_item_per_line_with_its_own_citation_numbers(text, tables):
    view = answer_view(negative_list(text), tables)
    kinds = [(line.kind, line.cites) for line in view.lines]
    assert kinds == [("heading", ()), ("total", (1,)), ("item", (2,)), ("item", (3,)), ("more", ())]
    assert view.lines[0].text == "Negativa avvikelser:"
    assert view.lines[1].text.startswith("Totalt 19,8 mkr")
    # A bare figure says what it is, from the table row it stands in.
    assert view.lines[3].text == "453 tkr – KS-Kommunstabens, Utfall - budget Dec 2023: -453"
    assert view.lines[4].text == "… och fler."


def test_more_citations_than_items_go_to_the_item_they_back(text):
    quotes = [
        "Luleå rankas 58 av 290.",
        "Trots ökningen inom miljö- och bygg sjunker Luleå i rankingen och hamnar i år på plats 136 av 196 kommuner.",
        "En nedgång med 16 placeringar jämfört med förra mätningen.",
        "I 2023 års resultat hamnade Luleå på plats 84 av de 290 kommunerna.",
    ]
    answer = Answer(
        "Vilka rankningar finns?",
        True,
        "ranking",
        "Rankningar, bäst först: 1) Plats 58 av 290 – Regionernas Kamp; 2) Plats 136 av 196 – SKR "
        "(tappar 16 placeringar); 3) Plats 84 av 290 – Tidningen Aktuell Hållbarhet.",
        tuple(cite(text, n, q, "8", "Måluppföljning - Analys") for n, q in enumerate(quotes, 1)),
    )
    items = [line.cites for line in answer_view(answer).lines if line.kind == "item"]
    assert items == [(1,), (2, 3), (4,)]


def test_an_answer_that_is_not_a_list_stays_one_paragraph():
    for text in ("Plats 36 av 290 – Småföretagarindex.", "Avtalet gäller 1) i år och 2) nästa år."):
        view = answer_view(Answer("q", True, "fact", text))
        assert [(line.kind, line.text) for line in view.lines] == [("text", text)]
        assert not view.is_list


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=5))
def test_any_answer_text_lays_out_and_cites_each_citation_at_most_once(words, n):
    citations = tuple(Citation(k, DOC, "1", "", None, f"q{k} 12,5", 0, 5) for k in range(1, n + 1))
    view = answer_view(Answer("q", True, "fact", words, citations))
    cited = [c for line in view.lines for c in line.cites]
    assert cited == sorted(set(cited)) and set(cited) <= {c.n for c in citations}
    assert len(view.quotes) == n


def test_a_declined_answer_says_its_passages_are_not_the_answer(text):
    near = cite(
        text, 1, "Även politisk verksamhet överstiger budget med 2,1 mkr vilket beror på högre arvodeskostnader."
    )
    declined = Answer("Vad kostade simhallen?", False, "none", "Rapporten nämner inte simhallen.", (near,))
    shown = plain_answer(answer_view(declined))
    assert shown.index(NOT_THE_ANSWER) < shown.index("[1]")
    assert NOT_THE_ANSWER in conversation_markdown([declined])


def test_the_export_shows_lists_as_lists_and_table_rows_with_headers(text, tables):
    markdown = conversation_markdown([answer_view(negative_list(text), tables)])
    assert "**Negativa avvikelser:**" in markdown
    assert "\n1. 2,1 mkr – …uppgår till 8,3 mkr vilket överstiger budget med 2,1 mkr. [2]\n" in markdown
    assert "\n2. 453 tkr – KS-Kommunstabens, Utfall - budget Dec 2023: -453 [3]\n" in markdown
    assert "> KS-Kommunstabens — Utfall Dec 2023: 68 453 · " in markdown


def test_an_export_is_written_where_asked_and_never_overwrites(tmp_path, text):
    folder = tmp_path / "ut" / "samtal"
    first = write_export(folder, [negative_list(text)])
    second = write_export(folder, [negative_list(text)])
    assert first.parent == folder and second.parent == folder and first != second
    assert "## 1. Vilka negativa avvikelser finns?" in first.read_text(encoding="utf-8")


def test_exports_go_to_documents_else_here_but_never_into_a_source_tree(tmp_path, monkeypatch):
    import platformdirs

    documents = tmp_path / "Dokument"
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    plain = tmp_path / "rapporter"
    plain.mkdir()
    project = tmp_path / "projekt"
    (project / "src").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    assert default_export_dir(plain) == plain
    assert default_export_dir(project / "src") == Path.home()
    documents.mkdir()
    assert default_export_dir(project / "src") == documents


def test_citation_and_export_do_not_import_textual():
    code = "import sys, doksvar.citation, doksvar.export; assert 'textual' not in sys.modules, 'textual imported'"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
