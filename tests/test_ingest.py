"""Ingest of text reports: display text, headings, passages, tables, encodings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from doksvar.errors import IngestError
from doksvar.ingest import load, load_bytes
from doksvar.ingest.sentences import split_sentences
from doksvar.ingest.tables import parse_value

from .conftest import BUNDLED


@pytest.fixture(scope="module")
def doc():
    return load(BUNDLED)


def test_every_numbered_heading_is_found_with_number_and_title(doc):
    found = [(s.number, s.title) for s in doc.sections]
    assert found == [
        ("1", "Uppdrag"),
        ("2", "Året som gått"),
        ("3", "Framtiden"),
        ("4", "Personal"),
        ("5", "Intern kontroll"),
        ("6", "Ekonomisk redovisning"),
        ("6.1", "Driftsredovisning"),
        ("6.2", "Investeringsredovisning"),
        ("7", "Bedömning måluppfyllelse"),
        ("8", "Måluppföljning - Analys"),
    ]
    by_number = {s.number: s for s in doc.sections}
    assert by_number["6.1"].parent == "6" and by_number["6.1"].level == 2
    assert doc.text[by_number["4"].start :].startswith("4 Personal")
    assert by_number["6.1"].end == by_number["6.2"].start
    assert by_number["6"].end == by_number["7"].start


def test_table_of_contents_is_not_taken_for_headings(doc):
    first = doc.sections[0]
    toc = doc.text.index("1 Uppdrag")
    assert toc < first.start, "the TOC line comes first and is not the heading"
    assert doc.text[first.start : first.start + 9] == "1 Uppdrag"
    assert not any(p.text.startswith("6.1 Driftsredovisning") for p in doc.passages)


BARE_TOC = """\
# Barn- och utbildningsnämnden

## Innehåll

1 Sammanfattning
1.1 Viktiga händelser
2 Ekonomi
2.1 Prognos per verksamhet
2.2 Investeringar

# 1 Sammanfattning

Nämnden prognostiserar ett underskott.

## 1.1 Viktiga händelser

Den nya skolan öppnade i augusti.

# 2 Ekonomi

## 2.1 Prognos per verksamhet

Grundskolan beräknas gå med ett underskott på 5,2 mnkr.

## 2.2 Investeringar

Investeringarna blev lägre än planerat.
"""


@pytest.mark.parametrize("name", ["rapport.md", "rapport.txt"])
def test_a_table_of_contents_without_page_numbers_is_no_heading(tmp_path, name):
    # A contents list of bare headings ("1 Sammanfattning", "1.1 …") is repeated by the body: the
    # body's headings open the sections, and what stands under them is theirs.
    text = BARE_TOC if name.endswith(".md") else re.sub(r"(?m)^#+ ", "", BARE_TOC)
    doc = load_bytes(tmp_path / name, text.encode())
    assert [s.number for s in doc.sections] == ["1", "1.1", "2", "2.1", "2.2"]
    figure = next(p for p in doc.passages if "5,2 mnkr" in p.text)
    assert figure.section == "2.1"
    assert doc.text.index("Grundskolan") > next(s for s in doc.sections if s.number == "2.1").start


SPACED_TABLE = """\
Årsredovisning 2025 Socialnämnden

1 Ekonomi

Avvikelsen är budget minus utfall.

Tabell 6. Driftredovisning per verksamhet, tkr   Budget 2025   Utfall 2025   Avvikelse
Barn och unga                                       -142 300      -156 840     -14 540
Vuxen                                                -78 900       -84 215      -5 315
Ekonomiskt bistånd                                   -61 200       -57 930       3 270

Nämndens nettokostnad ökade med 23,8 mnkr jämfört med 2024.
"""


def test_a_table_set_out_with_spaces_in_a_plain_text_is_a_table(tmp_path):
    doc = load_bytes(tmp_path / "rapport.txt", SPACED_TABLE.encode())
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert "Driftredovisning per verksamhet" in table.caption and "Avvikelse" in table.header[-1], table
    rows = [p for p in doc.passages if p.kind == "row"]
    vuxen = next(p for p in rows if p.text.startswith("Vuxen"))
    assert vuxen.text.split("\t") == ["Vuxen", "-78 900", "-84 215", "-5 315"]
    # The prose around it stays prose, every word of the source kept.
    assert any(p.kind != "row" and p.text.startswith("Nämndens nettokostnad ökade") for p in doc.passages)
    assert "Ekonomiskt bistånd" in doc.text and "3 270" in doc.text
    assert all(p.page is None for p in doc.passages)


def test_prose_above_a_table_is_no_caption_where_its_corner_cell_names_it(tmp_path):
    # Two sentences above the table tell of it; "Taxefinansierad verksamhet" in its corner names it.
    text = (
        "Tertialrapport 2026\n\n1 Ekonomi\n\n"
        "Vatten och avlopp ska gå med nollresultat. Över- och underskott förs till fonden.\n\n"
        "Taxefinansierad verksamhet      Budget 2026   Prognos 2026\n"
        "Avfall – intäkter                    41 500         42 300\n"
        "Avfall – kostnader                  -41 500        -41 700\n\n"
        "Tabell 2. Investeringar (tkr)\n\n"
        "Projekt                          Budget 2026   Prognos 2026\n"
        "Reningsverk                           42 000         31 500\n"
        "Förskola                              18 000         18 200\n\n"
        "Helårsprognosen är 49 700 tkr, vilket ger en avvikelse på 10 300 tkr.\n\n"
        "Investeringsprojekt              Budget 2026   Prognos 2026\n"
        "Gång- och cykelväg                     6 000          5 800\n"
        "Ny bilpark                             4 000          4 100\n"
    )
    doc = load_bytes(tmp_path / "rapport.txt", text.encode())
    # One sentence ending as a sentence ends is prose too; "Tabell 2. …" is a caption, period or not.
    assert [t.caption for t in doc.tables] == [
        "Taxefinansierad verksamhet",
        "Tabell 2. Investeringar (tkr)",
        "Investeringsprojekt",
    ]


def test_lines_of_prose_with_double_spaces_are_no_table(tmp_path):
    text = (
        "Rapport 2025\n\n1 Ekonomi\n\nNämnden gick med överskott.  Det beror på vakanser.\n"
        "Utfallet blev 3,2 mnkr.  Budgeten var 40 mnkr.\n"
    )
    doc = load_bytes(tmp_path / "rapport.txt", text.encode())
    assert not doc.tables


def test_passages_are_display_text_at_their_offsets(doc):
    for p in doc.passages:
        assert doc.text[p.start : p.end] == p.text
        for a, b in p.sentences:
            assert p.start <= a < b <= p.end


def test_html_fragments_become_paragraphs_without_tags(doc):
    assert "<p>" not in doc.text and "</p>" not in doc.text and "data-label" not in doc.text
    assert any(p.text.startswith("Personalomsättningen för kommunstaben år 2023 är 11%") for p in doc.passages)


def test_markdown_emphasis_is_dropped(doc):
    assert "**" not in doc.text
    assert "Förutsättningar för tillväxt hamnar" in doc.text


def test_subheadings_label_the_passages_under_them(doc):
    labelled = [p for p in doc.passages if "14,2 mkr" in p.text]
    assert labelled[0].label == "Negativa avvikelser (högre utfall än planerat)"
    assert labelled[0].section == "6.1"
    positive = [p for p in doc.passages if "6,4 mkr" in p.text]
    assert positive[0].label.startswith("Positiva avvikelser")


def test_goal_table_rows_are_goals_with_their_analysis(doc):
    goals = [p for p in doc.passages if p.kind == "goal"]
    assert len(goals) == 10
    assert all(g.section == "8" for g in goals)
    assert not goals[0].text.startswith("●")
    analysis = [p for p in doc.passages if "814 sökande" in p.text][0]
    assert analysis.group.startswith("Vidta åtgärder för att möta kompetensförsörjningsutmaningarna")
    assert analysis.label == "Mätetal"
    # Plain paragraphs after a goal row belong to that goal's analysis.
    regions = [p for p in doc.passages if "Regionernas Kamp är företaget" in p.text][0]
    assert "Förbättrat företagsklimat" in regions.group


def _cell(doc, row_label, col_label):
    for t in doc.tables:
        for c in t.cells:
            if c.row_label == row_label and c.col_label == col_label:
                return c
    raise AssertionError(f"no cell {row_label} / {col_label}")


def test_tables_have_caption_header_and_cells(doc):
    assert [t.caption for t in doc.tables][:1] == ["Antal månadsanställda den 31 december, procent"]
    staff = doc.tables[0]
    assert staff.header == ("", "2019", "2020", "2021", "2022", "2023")
    assert len({c.row_label for c in staff.cells}) == 6
    assert _cell(doc, "Tillsvidareanställda kvinnor", "2021").value == 175
    cost = _cell(doc, "Nettokostnader", "Utfall Dec 2023")
    assert cost.value == 307662 and cost.text == "307 662"
    assert doc.text[cost.start : cost.end] == "307 662"
    assert _cell(doc, "Nettokostnader", "Utfall - budget Dec 2023").value == -19761
    assert _cell(doc, "Tot sjukfrv : Tot ord arbtid (<=29 år)", "2023").value == 6.43
    assert doc.tables[3].caption == "Driftredovisning (tkr)"


def test_row_group_label_prefixes_rows_under_it(doc):
    ages = doc.tables[1]
    labels = [c.row_label for c in ages.cells if c.col_label == "2023"]
    assert "tillsvidareanställda 30 - 39 år" in labels
    assert "visstidsanställda 30 - 39 år" in labels
    assert _cell(doc, "visstidsanställda 30 - 39 år", "2023").value == 25.0
    assert _cell(doc, "tillsvidareanställda 30 - 39 år", "2023").value == 23.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("307 662", 307662),
        ("-19 761", -19761),
        ("3,78", 3.78),
        ("", None),
        ("0,0", 0.0),
        ("12 %", 12),
        ("abc", None),
        # A flag pointing to a note under the table ("T1 = utfall januari–april") is no part of the figure.
        ("82,6 T1", 82.6),
        ("1 455 P", 1455),
        ("12,4*", 12.4),
        ("T1", None),
        ("12 st", None),
    ],
)
def test_parse_value(text, value):
    assert parse_value(text) == value


def test_swedish_abbreviations_and_decimals_do_not_end_sentences():
    text = (
        "Omsättningen var 11%, d.v.s. 33 personer. Kostnaden blev ca. 3,2 mkr, bl.a. för IT. "
        "Nästa mening börjar här. Den sista t.ex. om 2,5 procent."
    )
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == [
        "Omsättningen var 11%, d.v.s. 33 personer.",
        "Kostnaden blev ca. 3,2 mkr, bl.a. för IT.",
        "Nästa mening börjar här.",
        "Den sista t.ex. om 2,5 procent.",
    ]


def test_cp1252_file_is_read(tmp_path):
    text = "Rapport\n\n1 Översikt\n\nSjukfrånvaron minskade till 4,1 procent under året.\n"
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load(path)
    assert "Sjukfrånvaron minskade" in doc.text
    assert doc.sections[0].title == "Översikt"


def test_utf8_with_bom_is_read(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffÅrsrapport\n\n1 Inledning\n\nText här.\n".encode())
    doc = load(path)
    assert doc.title == "Årsrapport"


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00" * 50, b"", b"   \n"])
def test_a_file_that_is_not_text_is_an_error_for_that_file(tmp_path, data):
    with pytest.raises(IngestError):
        load_bytes(Path(tmp_path / "x.txt"), data)


def test_heading_numbers_must_follow_in_sequence(tmp_path):
    text = (
        "Rapport\n\n1 Inledning\n\nText.\n\n2023 Året i korthet\n\nMer text.\n\n"
        "2 Ekonomi\n\n2.1 Drift\n\nUtfallet blev bra.\n\n5 Personer deltog i mötet\n\nSlut.\n"
    )
    path = tmp_path / "seq.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert [s.number for s in doc.sections] == ["1", "2", "2.1"]


def test_a_hard_wrapped_paragraph_is_one_passage_and_a_list_is_not_joined(tmp_path):
    path = tmp_path / "wrapped.md"
    path.write_text(
        "# Årsredovisning\n\nI november beslutade nämnden om en revidering av\n"
        "tillsynsplanen, främst på grund av bemanningen.\nNästa mening står för sig.\n\n"
        "- första punkten\n- andra punkten\n",
        encoding="utf-8",
    )
    doc = load(path)
    texts = [p.text for p in doc.passages]
    assert any("revidering av tillsynsplanen, främst på grund av bemanningen." in t for t in texts)
    assert "Nästa mening står för sig." in texts
    assert "första punkten" in texts and "andra punkten" in texts


def test_a_wrapped_line_goes_on_even_when_the_next_begins_with_a_name(tmp_path):
    path = tmp_path / "wrapped.md"
    path.write_text(
        "# Årsredovisning\n\n"
        "Förvaltningen har nyligen gått med i två samarbetsprojekt: den nationella hubben för tvillingar, samt\n"
        "Cityverse som är ett EU-finansierat projekt för att skapa fler digitala tvillingar i Europa.\n\n"
        "Projekt för förnyelse\n"
        "Förvaltningen är också med i projektet Rätt till insyn.\n",
        encoding="utf-8",
    )
    doc = load(path)
    texts = [p.text for p in doc.passages]
    assert any("tvillingar, samt Cityverse som är" in t for t in texts), texts
    # A short line without a full stop is a heading, not the start of a wrapped paragraph.
    assert not any("Projekt för förnyelse Förvaltningen" in t for t in texts), texts


GOAL_ROWS_NUMBERED = """\
Delårsrapport 2026 Vård- och omsorgsnämnden

1 Inledning

Rapporten avser januari–augusti.

2 Måluppfyllelse

Tabell 3. Mål och bedömning

Mål                                     Indikator                        Utfall    Bedömning
3. Ökad användning av välfärdsteknik    Personer med digital tillsyn        131    Uppfyllt
4. Heltid som norm                      Andel heltidsanställda (%)         81,4    Delvis uppfyllt

3 Personal

Antalet tillsvidareanställda var 1 386.

4 Faktorer  i omvärlden   som  påverkat oss

Befolkningen över 80 år ökar.
"""


def test_a_numbered_row_of_cells_is_no_heading(tmp_path):
    # "3. Ökad användning …    Personer med …" numbers a goal in a table set out with spaces: the
    # report's "3 Personal" is section 3. A heading set justified keeps its few spaces and is one.
    doc = load_bytes(tmp_path / "rapport.txt", GOAL_ROWS_NUMBERED.encode())
    assert [s.number for s in doc.sections] == ["1", "2", "3", "4"], [(s.number, s.title) for s in doc.sections]
    assert next(s for s in doc.sections if s.number == "3").title == "Personal"
    assert next(p for p in doc.passages if "1 386" in p.text).section == "3"


WRAPPED_LABELS = (
    "4.2 Driftredovisning\n\nDriftredovisning per verksamhet, tkr\n"
    "Verksamhet\tBudget\tUtfall\tAvvikelse\n"
    "Godshamnen (bulk, skogsprodukter och\nstyckegods)\t14 200\t10 860\t-3 340\n"
    "Antal fraktenheter ro-ro\n(trailrar, containrar m.m.)\t38 400\t40 100\t1 700\n"
    "Fiskehamnen\t-1 450\t-2 310\t-860\n"
    "Fartygsanlöp per kajområde\n"
    "Kajområde\t2023\t2024\n"
    "Västra kajen\t147\t152\n"
)


def test_a_row_label_wrapped_onto_two_lines_of_a_tab_table_is_one_label(tmp_path):
    doc = load_bytes(tmp_path / "hamn.txt", WRAPPED_LABELS.encode())
    first, second = doc.tables  # the wrapped labels neither cut the table nor start tables of their own
    labels = list(dict.fromkeys(c.row_label for c in first.cells))
    assert labels == [
        "Godshamnen (bulk, skogsprodukter och styckegods)",
        "Antal fraktenheter ro-ro (trailrar, containrar m.m.)",
        "Fiskehamnen",
    ]
    # A caption right under a table, over the next table's header, stays that table's caption.
    assert second.caption == "Fartygsanlöp per kajområde" and second.header[1:] == ("2023", "2024")
    assert "styckegods)" in doc.text and "Godshamnen (bulk" in doc.text


NOTED_CAPTION = (
    "# 4.2 Driftredovisning\n\n"
    "Tabell 4. Driftredovisning per verksamhet, nettokostnad i tkr. PB = periodbudget jan–aug,\n"
    "Avv. = avvikelse (positiv = överskott).\n\n"
    "| Verksamhet | PB jan–aug | Utfall jan–aug | Avv. |\n"
    "|---|---|---|---|\n"
    "| Skol-IT och elevenheter | 16 310 | 17 040 | -730 |\n\n"
    "Ersättningen per kommun. Den följer fördelningsnyckeln.\n\n"
    "| Kommun | Andel |\n"
    "|---|---|\n"
    "| Sörby | 20 % |\n"
)


def test_a_numbered_caption_with_notes_on_its_columns_names_its_table(tmp_path):
    doc = load_bytes(tmp_path / "itn.md", NOTED_CAPTION.encode())
    first, second = doc.tables
    assert first.caption.startswith("Tabell 4. Driftredovisning per verksamhet, nettokostnad i tkr.")
    # Two sentences of prose above a table without a number are no caption: its corner cell names it.
    assert second.caption == "Kommun"
