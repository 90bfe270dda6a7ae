"""Markdown reports from PDF converters: front matter, page comments, pipe and HTML tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doksvar.ingest import load_bytes
from doksvar.model import Cell, Document

REPORT = """\
---
title: "Verksamhetsberättelse 2025 för Fritidsnämnden"
kommun: exempelby
sidor: 3
taggar:
  - fritid
  - bokslut
---

<!-- sida 1 -->

Fritidsnämnden i Exempelby

1 Ekonomi

Nämnden redovisar ett litet överskott mot budget.

1.1 Driftredovisning

| Tkr<br>Avgifter | Bokslut 2024<br>1 250 | Budget 2025<br>1 300 | Utfall 2025<br>1 410 | Avvikelse<br>2025<br>110 |
| --- | ---: | ---: | ---: | ---: |
| Personal | -8 400 | -8 900 | -8 700 | 200 |
| Lokaler och<br>hyror | -2 100 | -2 000 | -2 150 | -150 |
| Resultat | 150 | 0 | 560 | 560 |

Överskottet beror främst på högre avgifter från simskolan.

<!-- sida 2 -->

2 Verksamhet

<table>
<caption>Besök per anläggning</caption>
<tr><th>Anläggning</th><th>2024</th><th>2025</th></tr>
<tr><td>Simhallen</td><td>41 200</td><td>43 900</td></tr>
<tr><td>Ishallen<br>Norr</td><td>12 800</td><td>11 950</td></tr>
</table>

Besöken ökade mest i simhallen under sommaren.

<!--
sida 3
-->

2.1 Personal

Mkr | Bokslut<br>2024 | Budget<br>2025
--- | --- | ---
Löner | 3,1 | 3,4
Pensioner | 0,6 | 0,7
"""


def _doc(text: str, name: str = "fritid.md") -> Document:
    return load_bytes(Path(name), text.encode("utf-8"))


def _cell(doc: Document, row_label: str, col_label: str) -> Cell:
    return next(c for t in doc.tables for c in t.cells if c.row_label == row_label and c.col_label == col_label)


def _folded(text: str) -> str:
    """Text as the grader compares quotes: tags as spaces, lower case, no white space at all."""
    return re.sub(r"\s+", "", re.sub(r"</?[A-Za-z][^<>]*>", " ", text).lower())


def _grounded(quote: str, source: str) -> bool:
    return _folded(quote) in _folded(source)


@pytest.fixture(scope="module")
def doc() -> Document:
    return _doc(REPORT)


def test_front_matter_gives_title_and_metadata_but_no_text(doc):
    assert doc.title == "Verksamhetsberättelse 2025 för Fritidsnämnden"
    assert ("kommun", "exempelby") in doc.meta and ("taggar", "fritid, bokslut") in doc.meta
    assert "exempelby" not in doc.text.lower().replace("i exempelby", "")
    assert "sidor" not in doc.text and "taggar" not in doc.text
    # The first line of the body is text of its own, not swallowed by a title from elsewhere.
    assert "Fritidsnämnden i Exempelby" in doc.text


def test_without_a_title_key_the_first_line_is_the_title():
    doc = _doc("---\nkommun: exempelby\ndatum: 2025-02-01\n---\n\nÅrsredovisning 2025\n\nText om året.\n")
    assert doc.title == "Årsredovisning 2025"
    assert doc.meta == (("kommun", "exempelby"), ("datum", "2025-02-01"))
    assert "datum" not in doc.text


def test_a_leading_rule_over_prose_is_no_front_matter():
    doc = _doc("Rapport\n\n---\nDet här är en inledning: den står först.\n---\n\nSlut.\n")
    assert doc.meta == ()
    assert any("inledning" in p.text for p in doc.passages)
    doc = _doc("---\nnamn: Kalle\nDet här är ingen nyckel.\n---\n\nSlut.\n")
    assert doc.meta == () and doc.title == "namn: Kalle"


def test_page_comments_set_pages_and_are_no_text(doc):
    assert "<!--" not in doc.text and "sida" not in doc.text
    pages = {s.number: s.page for s in doc.sections}
    assert pages == {"1": 1, "1.1": 1, "2": 2, "2.1": 3}
    besok = next(p for p in doc.passages if p.text.startswith("Besöken ökade"))
    assert besok.page == 2
    assert [t.page for t in doc.tables] == [1, 2, 3]
    assert all(p.page is not None for p in doc.passages)


def test_pipe_table_whose_header_row_holds_the_first_data_row(doc):
    table = doc.tables[0]
    assert table.section == "1.1"
    assert table.header == ("Tkr", "Bokslut 2024", "Budget 2025", "Utfall 2025", "Avvikelse 2025")
    assert table.caption == "Tkr"
    fees = _cell(doc, "Avgifter", "Utfall 2025")
    assert fees.row == 0 and fees.value == 1410 and fees.text == "1 410"
    assert doc.text[fees.start : fees.end] == "1 410"
    assert _cell(doc, "Avgifter", "Avvikelse 2025").value == 110
    assert _cell(doc, "Personal", "Budget 2025").value == -8900
    assert _cell(doc, "Resultat", "Bokslut 2024").row == 3
    rows = [p.text for p in doc.passages if p.table == 0]
    assert rows[0].startswith("| Tkr Avgifter | Bokslut 2024 1 250 |")
    assert rows[1] == "| Personal | -8 400 | -8 900 | -8 700 | 200 |"


def test_line_breaks_in_a_cell_join_its_lines(doc):
    rent = _cell(doc, "Lokaler och hyror", "Utfall 2025")
    assert rent.value == -2150
    assert "<br>" not in doc.text


def test_a_header_of_two_lines_ending_in_a_year_holds_no_data(doc):
    table = doc.tables[2]
    assert table.header == ("Mkr", "Bokslut 2024", "Budget 2025")
    assert [c.row_label for c in table.cells if c.col == 1] == ["Löner", "Pensioner"]
    assert _cell(doc, "Löner", "Budget 2025").value == 3.4
    # No outer pipes in the source, none in the display.
    assert any(p.text == "Löner | 3,1 | 3,4" for p in doc.passages)


def test_html_table_is_a_table_with_its_caption(doc):
    table = doc.tables[1]
    assert table.caption == "Besök per anläggning"
    assert table.header == ("Anläggning", "2024", "2025")
    assert _cell(doc, "Simhallen", "2025").value == 43900
    assert _cell(doc, "Ishallen Norr", "2024").value == 12800
    assert "<td>" not in doc.text and "<table>" not in doc.text


def test_html_table_with_two_header_rows_and_spans():
    doc = _doc(
        "Rapport\n\n<table><thead><tr><th rowspan=2>Enhet</th><th colspan=2>2025</th></tr>"
        "<tr><th>Budget</th><th>Utfall</th></tr></thead>"
        "<tbody><tr><td>Kultur</td><td>4,0</td><td>3,5</td></tr></tbody></table>\n"
    )
    (table,) = doc.tables
    assert table.header == ("Enhet", "2025 Budget", "2025 Utfall")
    assert _cell(doc, "Kultur", "2025 Utfall").value == 3.5


def test_every_cell_and_passage_stands_verbatim_in_the_source(doc):
    for t in doc.tables:
        for c in t.cells:
            assert doc.text[c.start : c.end] == c.text
            assert _grounded(c.text, REPORT)
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text
        assert _grounded(p.text, REPORT), p.text
        for a, b in p.sentences:
            assert _grounded(doc.text[a:b], REPORT)


def test_a_quote_does_not_run_over_the_delimiter_row(doc):
    table = doc.tables[0]
    second_row = next(p for p in doc.passages if p.table == 0 and p.text.startswith("| Personal"))
    assert second_row.start in doc.seams
    assert table.start not in doc.seams


def test_every_word_of_the_source_is_findable(doc):
    findable = " ".join(
        [doc.title]
        + [s.title for s in doc.sections]
        + [f"{p.label} {p.text}" for p in doc.passages]
        + [f"{t.caption} {' '.join(t.header)}" for t in doc.tables]
        + [f"{c.row_label} {c.text}" for t in doc.tables for c in t.cells]
    ).lower()
    body = REPORT.split("\n---\n", 1)[1]
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    body = re.sub(r"</?[A-Za-z][^<>]*>", " ", body)
    missing = {w for w in re.findall(r"\w+", body.lower()) if w not in set(re.findall(r"\w+", findable))}
    assert not missing


def test_prose_pipe_table_is_a_goal_table():
    analysis = "Verksamheten har nått målet genom fler öppettider och ett nytt samarbete med skolorna. " * 2
    doc = _doc(f"Rapport\n\n| Mål | Analys |\n| --- | --- |\n| Fler besökare | {analysis.strip()} |\n")
    goal = next(p for p in doc.passages if p.kind == "goal")
    assert goal.text == "Fler besökare"
    assert any(p.kind == "para" and p.group == "Fler besökare" and "öppettider" in p.text for p in doc.passages)
    assert doc.tables == ()


def test_markdown_with_page_footers_is_not_read_as_layout_text():
    lines = ["Rapport", ""]
    for page in range(1, 5):
        lines += [f"<!-- sida {page} -->", "", "   Indragen rad.", "   En till.", f"{page} (4)", ""]
    lines += ["| Post | 2025 |", "| --- | --- |", "| Intäkter | 12 |"]
    doc = _doc("\n".join(lines) + "\n")
    assert _cell(doc, "Intäkter", "2025").value == 12
    assert doc.tables[0].page == 4


def test_markdown_tables_are_indexed(make_store):
    store = make_store({"fritid.md": REPORT})
    assert store.counts()["tables"] == 3
    cells = store.cells(store.tables()[0].id)
    assert ("Avgifter", "Utfall 2025", "1 410") in {(c.row_label, c.col_label, c.text) for c in cells}


_PIECES = [
    "|",
    " | ",
    "| --- | --- |",
    "---",
    "<br>",
    "<!-- sida 2 -->",
    "<!--",
    "-->",
    "<table>",
    "</table>",
    "<tr>",
    "<td>",
    "</td>",
    "<th>",
    "\n",
    "\n\n",
    "Intäkter",
    "Budget 2025",
    "Utfall",
    "(mkr)",
    "0,0",
    "-1,2",
    "1 250",
    "2024",
    "titel: Rapport",
    ":",
    "Lång mening om verksamheten och året som gått. " * 3,
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_any_markdown_reads_into_a_consistent_document(text):
    doc = _doc("Rapport\n" + text)
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text
        # Each stretch between two places where markup was dropped stands in the source.
        cuts = [p.start, *(s for s in doc.seams if p.start < s < p.end), p.end]
        for a, b in zip(cuts, cuts[1:], strict=False):
            assert _grounded(doc.text[a:b], "Rapport\n" + text), doc.text[a:b]
    for t in doc.tables:
        assert t.start <= t.end <= len(doc.text)
        for c in t.cells:
            assert doc.text[c.start : c.end] == c.text


def test_a_pipe_table_without_a_header_has_its_first_row_as_data():
    # A converter writes the first row where the header goes; the caption names the columns' years.
    text = (
        "# Delårsrapport 2026\n\n## 4 Personal\n\nTabell 6. Personal per den 31 augusti 2026 och 2025\n\n"
        "| Tillsvidareanställda, antal | 1 412 | 1 398 |\n|---|---:|---:|\n"
        "| Visstidsanställda, antal | 186 | 203 |\n"
    )
    doc = load_bytes(Path("bun-2026.md"), text.encode("utf-8"))
    table = doc.tables[0]
    assert table.header == ("", "2026", "2025")
    assert _cell(doc, "Tillsvidareanställda, antal", "2026").value == 1412
    assert _cell(doc, "Visstidsanställda, antal", "2025").value == 203


MARKED_HEADINGS_AND_A_LIST = """\
# Årsredovisning 2025

## 1 Sammanfattning

Året präglades av nya lokaler.

## 2 Nämndens uppdrag och organisation

Förvaltningen är organiserad i fyra avdelningar:

1. Bibliotek och kultur (folkbiblioteken, konsthallen)
2. Kulturskolan
3. Ungdom och fritid (fritidsgårdar, feriearbete)
4. Anläggning och förening (idrottsanläggningar, bidrag)

## 3 Omvärld och förutsättningar

Befolkningen ökade med 350 personer.

## 4 Måluppfyllelse

### 4.1 Nämndens mål

Tre av sju mål nåddes.
"""


def test_a_numbered_list_is_no_heading_where_headings_are_marked(tmp_path):
    # "3. Ungdom och fritid" follows "2 Nämndens uppdrag" in number, but a report that marks its
    # headings with # marks them all: the list stays in section 2, "## 3 Omvärld" opens section 3.
    doc = load_bytes(tmp_path / "rapport.md", MARKED_HEADINGS_AND_A_LIST.encode())
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Sammanfattning"),
        ("2", "Nämndens uppdrag och organisation"),
        ("3", "Omvärld och förutsättningar"),
        ("4", "Måluppfyllelse"),
        ("4.1", "Nämndens mål"),
    ]
    item = next(p for p in doc.passages if "Ungdom och fritid" in p.text)
    assert item.section == "2", item
    assert next(p for p in doc.passages if "350 personer" in p.text).section == "3"
