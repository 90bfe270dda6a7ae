"""Layout text: page footers, contents, wrapped headings and labels, joined lines, tables by spaces."""

from __future__ import annotations

import re

import pytest

from doksvar.ingest import load
from doksvar.ingest.blocks import build_document
from doksvar.ingest.layout import layout_blocks, looks_like_layout

from .conftest import DATA


@pytest.fixture(scope="module")
def goteborg():
    return load(DATA / "goteborg_intraservice_delarsrapport_mars_2026.txt")


def _doc(pages: list[str]):
    return build_document(layout_blocks(pages), "x.txt", "x.txt", "0")


def test_layout_text_is_recognised():
    text = (DATA / "goteborg_intraservice_delarsrapport_mars_2026.txt").read_text(encoding="utf-8")
    assert looks_like_layout(text)
    assert not looks_like_layout((DATA / "kiruna-delar-2024.txt").read_text(encoding="utf-8"))


def test_sections_to_three_levels_with_wrapped_titles(goteborg):
    by_number = {s.number: s for s in goteborg.sections}
    assert by_number["2"].title == "Väsentlig styrinformation till kommunledningen"
    assert by_number["2.3.4"].title == "Uppföljning av kommuncentrala poster som hanteras genom beslut av andra nämnder"
    assert by_number["2.3.1"].parent == "2.3" and by_number["2.3.1"].level == 3
    assert by_number["2.3.1"].page == 11  # the physical page: the eleventh form feed
    assert len(goteborg.sections) >= 25


def test_footers_and_contents_are_not_text(goteborg):
    assert "(26)" not in goteborg.text
    assert not any("....." in p.text for p in goteborg.passages)


def test_contents_without_a_title_are_contents_too():
    page = (
        "Årsredogörelse 2023\n\n"
        "Kritik riktas till hamnbolaget ............................................ 3\n"
        "Kritik riktas till förskolenämnden ........................................ 4\n"
        "Arbetet mot hedersrelaterat våld .......................................... 6\n\n"
        "Förskolenämnden har inte fattat beslut om åtgärder för en ekonomi i balans.\n"
    )
    doc = _doc([page])
    kinds = {p.text.split(" ")[0]: p.kind for p in doc.passages}
    assert kinds["Förskolenämnden"] == "para"
    # The lines with leaders are contents: no paragraph of the report's text.
    assert not any(p.kind == "para" and "riktas" in p.text for p in doc.passages)


def test_a_table_of_one_figure_column_is_a_table_and_the_text_after_it_a_paragraph():
    page = (
        "Projekt\n\n"
        "Projekt, tkr                                                                  2025\n"
        "Överskott överfört från 2024                                                   226\n"
        "Försäljningsintäkter                                                             0\n"
        "Totalt                                                                         226\n"
        "Projektet har nått uppskattningsvis 1,8 miljoner människor i över 38 länder sedan\n"
        "projektets start för tolv år sedan.\n"
    )
    doc = _doc([page])
    cells = {(c.row_label, c.col_label): c for t in doc.tables for c in t.cells}
    assert cells[("Totalt", "2025")].value == 226
    sentences = [p.text for p in doc.passages if p.kind == "para"]
    assert any(t.startswith("Projektet har nått uppskattningsvis 1,8 miljoner") for t in sentences), sentences


def test_a_table_with_a_column_of_comments_keeps_its_rows_and_reads_each_comment_down_its_column():
    page = (
        "Personalvolym\n\n"
        "                     Ack åa    Ack åa     Förändring\n"
        "     Yrkesgrupp                                         Prognos\n"
        "                     helår     helår      åa                         Orsak till förändring\n"
        "                     2024      2025       2024/2025     helår 2026\n"
        "     Administratör   74,3      79,9       5,6           Oförändrat   Budgetläget var\n"
        "                                                                     ansträngt under 2024.\n"
        "     Handläggare     420,3     443,7      23,4          Ökning med   Fler uppdrag har\n"
        "                                                        ca 20–30     tillkommit.\n"
        "     Ledningsarbete  57,4      59,8       2,4           Ev ökning    Fler chefer kan behövas.\n"
        "\n"
        "Nästa stycke handlar om något annat.\n"
    )
    doc = _doc([page])
    cells = {(c.row_label, c.col_label): c for t in doc.tables for c in t.cells}
    assert cells[("Handläggare", "Ack åa helår 2025")].value == 443.7
    assert cells[("Ledningsarbete", "Ack åa helår 2024")].value == 57.4
    comment = next(c.text for (row, col), c in cells.items() if row == "Handläggare" and col.startswith("Orsak"))
    assert comment == "Fler uppdrag har tillkommit."
    assert any(p.kind == "para" and p.text == "Nästa stycke handlar om något annat." for p in doc.passages)


def test_tables_by_spaces_with_wrapped_labels_and_headers(goteborg):
    cells = {(c.row_label, c.col_label): c for t in goteborg.tables for c in t.cells}
    assert cells[("Gemensamma tjänster - Ekonomi", "Budgetavvikelse")].value == 7.0
    assert cells[("Gemensamma tjänster - Kommunikation, ledning och styrning", "Utfall intäkter period")].value == 24.5
    assert cells[("Total förvaltning och förändringsinitiativ", "Resultat period")].value == 27.9
    assert cells[("Kommuninterna bidrag", "Avvikelse")].value == 0


def test_paragraph_lines_are_joined_and_hyphens_mended():
    page1 = (
        "Rapport om vinterväghållning\n\n"
        "1 Inledning\n"
        "    Kommunen har under året arbetat med snö-\n"
        "    röjning i alla stadsdelar och kostnaderna blev\n"
        "    högre än väntat.\n"
        "    Nästa stycke börjar här och handlar om\n"
        "\n\n   1 (2)\n"
    )
    page2 = "    helt andra saker än snö.\n    Ett sista stycke.\n\n   2 (2)\n"
    doc = _doc([page1, page2])
    texts = [p.text for p in doc.passages]
    assert (
        "Kommunen har under året arbetat med snöröjning i alla stadsdelar och kostnaderna blev högre än väntat."
        in texts
    )
    assert "Nästa stycke börjar här och handlar om helt andra saker än snö." in texts
    assert all("(2)" not in t for t in texts)
    carried = next(p for p in doc.passages if p.text.startswith("Nästa"))
    assert carried.page == 1
    # The joins the source does not have are seams: a quote does not run across them.
    assert any(carried.start < s < carried.end for s in doc.seams)


def test_running_headers_are_removed():
    pages = [
        f"Kommunens årsredovisning 2024\n\n1 Del {k}\n   Text på sidan {k}.\n\nSida {k} av 4\n" for k in (1, 2, 3, 4)
    ]
    pages[0] = "Kommunens årsredovisning 2024\n\n1 Inledning\n   Text på sidan 1.\n\nSida 1 av 4\n"
    doc = _doc(pages)
    assert doc.text.count("Kommunens årsredovisning 2024") == 1
    assert "Sida" not in doc.text


@pytest.fixture(scope="module")
def goteborg_answers(tmp_path_factory):
    from doksvar.answer import Answerer
    from doksvar.index.store import Store

    store = Store(tmp_path_factory.mktemp("gbg") / "i.sqlite", writable=True)
    list(store.index_files([DATA / "goteborg_intraservice_delarsrapport_mars_2026.txt"]))
    return Answerer(store)


def test_answers_from_another_organisations_report(goteborg_answers):
    r = goteborg_answers.ask("Hur stor var budgetavvikelsen för Ekonomi?")
    assert r.answered and re.search(r"\b7\b", r.answer) and "Ekonomi" in r.answer
    r = goteborg_answers.ask("Hur många årsarbetare fanns?")
    assert "733,8" in r.answer and "Utfall 2025" in r.answer  # the latest actual, not the forecast
    r = goteborg_answers.ask("Vilka negativa avvikelser finns?")
    # The tables give their amounts in mnkr ("Belopp i mnkr"), never tkr.
    assert r.answered and "mkr" in r.answer and "tkr" not in r.answer
    r = goteborg_answers.ask("How many major incidents were there?")
    assert re.search(r"\b7\b", r.answer)


def test_words_broken_at_line_ends_and_hyphens_that_stay():
    page = (
        "Rapport om it-tjänsten\n\n"
        "1 Inledning\n"
        "    Arbetet ska doku-\n"
        "    menteras av Göteborgs-\n"
        "    och Bohusläns SIP-\n"
        "    samordnare genom it-\n"
        "    tjänsten och e-\n"
        "    tjänster sedan 2000-\n"
        "    talet.\n"
    )
    doc = _doc([page])
    para = next(p for p in doc.passages if p.text.startswith("Arbetet"))
    assert para.text == (
        "Arbetet ska dokumenteras av Göteborgs- och Bohusläns SIP-samordnare genom it-tjänsten "
        "och e-tjänster sedan 2000-talet."
    )
    # A mended word reads whole in the source too; where a hyphen stays, a quote stops.
    inside = [s - para.start for s in doc.seams if para.start < s < para.end]
    assert para.text.index("dokumenteras") + 4 not in inside
    assert para.text.index("samordnare") in inside


def test_column_labels_over_a_row_of_years():
    page = (
        "Bidrag\n\n"
        "Bidrag, tkr                 Bokslut     Budget      Antal\n"
        "                               2024       2025       2025\n"
        "Lokalt aktivitetsstöd          -598       -600         34\n"
        "Driftbidrag                    -926       -925         41\n"
    )
    doc = _doc([page])
    table = doc.tables[0]
    assert table.header == ("Bidrag, tkr", "Bokslut 2024", "Budget 2025", "Antal 2025")
    cells = {(c.row_label, c.col_label): c.value for c in table.cells}
    assert cells[("Driftbidrag", "Budget 2025")] == -925
    # The header is no paragraph: no answer quotes it as one.
    assert not any("Bokslut" in p.text for p in doc.passages if p.kind == "para")


def test_header_of_several_lines_is_read_column_by_column():
    # Headers centred over right-aligned figures, wider than them, one word per line or two.
    page = (
        "Personal\n\n"
        "Årsarbetare per enhet\n"
        "                          Aktuell\n"
        "                        period (ack      Motsvarande\n"
        "                          sedan            period         Prognos\n"
        "                          årets          föregående         2026\n"
        "                         början)             år\n"
        "Antal årsarbetare           197,7           188,7            750\n"
        "Varav chefer                 12,0            11,5             12\n"
    )
    doc = _doc([page])
    table = doc.tables[0]
    assert table.header == (
        "",
        "Aktuell period (ack sedan årets början)",
        "Motsvarande period föregående år",
        "Prognos 2026",
    )
    cells = {(c.row_label, c.col_label): c.text for c in table.cells}
    assert cells[("Varav chefer", "Motsvarande period föregående år")] == "11,5"
    assert cells[("Antal årsarbetare", "Aktuell period (ack sedan årets början)")] == "197,7"
    # The line over the labels names the table; the words over the figures are no caption.
    assert any(p.text == "Årsarbetare per enhet" for p in doc.passages)
    assert not any("Aktuell" in p.text for p in doc.passages if p.kind == "para")
    # The header row joins words the source keeps on separate lines: no quote runs across.
    start = doc.text.index("Aktuell period")
    assert any(start < s < start + len("Aktuell period (ack sedan") for s in doc.seams)


def test_header_words_left_aligned_over_right_aligned_figures():
    page = (
        "Ekonomi\n\n"
        "                                                 Prognos-\n"
        "              Prognos      Budget                avvikelse\n"
        "Tjänster      intäkter     kostnader             mot budget\n"
        "              helår        helår                 helår\n"
        "Ekonomi            82,2         -82,5                 13,0\n"
        "HR                143,3        -143,8                 -1,6\n"
    )
    table = _doc([page]).tables[0]
    assert table.header == (
        "Tjänster",
        "Prognos intäkter helår",
        "Budget kostnader helår",
        "Prognosavvikelse mot budget helår",
    )


def test_figures_set_off_centre_stay_in_their_columns():
    # "87,5%" and "7" end three places apart, so do "85 %" and "-": no row has both, one column each.
    page = (
        "Nyckeltal\n\n"
        "                               Utfall      Prognos\n"
        "Mått                           perioden    helår\n"
        "Andel lösta inom tid            87,5%       85 %\n"
        "Antal större incidenter                7          -\n"
    )
    table = _doc([page]).tables[0]
    assert table.header == ("Mått", "Utfall perioden", "Prognos helår")
    cells = {(c.row_label, c.col_label): c.text for c in table.cells}
    assert cells[("Antal större incidenter", "Utfall perioden")] == "7"
    assert cells[("Antal större incidenter", "Prognos helår")] == "-"


def test_header_words_of_the_report_are_not_glued_together():
    # "ej" stands on its own in the prose, so "aktuellt" under it is a word of its own; "av" and
    # "vikelse" are no words of the report: the rest of a word cut without a hyphen.
    page = (
        "Bidrag\n\n"
        "Bidraget betalas ej ut när föreningen saknar verksamhet under hela året.\n\n"
        "                        Bidrag        Budget\n"
        "Bidrag, tkr              Ej            av\n"
        "                      aktuellt       vikelse\n"
        "Driftbidrag              -926            12\n"
        "Lokalt stöd              -598             3\n"
    )
    table = _doc([page]).tables[0]
    assert table.header == ("Bidrag, tkr", "Bidrag Ej aktuellt", "Budgetavvikelse")


def test_a_misprinted_figure_keeps_its_row_in_the_table():
    # "-7 73" lost a digit in print; the row and the rows after it still belong to the table.
    page = (
        "Utfall per 2023-12-31\n\n"
        "tkr                          Utfall 2023     Budget 2023     Utfall 2022\n"
        "Revisorer                         -2 841          -2 910          -2 563\n"
        "Övriga kostnader                  -7 638           -7 73          -8 178\n"
        "Kommunbidrag                      39 926          39 926          38 352\n"
    )
    doc = _doc([page])
    assert len(doc.tables) == 1
    cells = {(c.row_label, c.col_label): c.text for c in doc.tables[0].cells}
    assert cells[("Kommunbidrag", "Utfall 2022")] == "38 352"
    assert cells[("Övriga kostnader", "Budget 2023")] == "-7 73"


def test_a_header_in_two_tiers_group_rows_and_short_rows():
    # An investment table: a header of two tiers (a cell over three columns, another over the
    # last three), rows in two groups set apart by space, rows of the first group with figures in
    # the last three columns only, and labels wrapped over two lines.
    page = (
        "Investeringar per projekt\n\n"
        "Investeringar              Utgifter sedan                      Årets\n"
        "(mnkr)                       projektets                    investeringar\n"
        "                               start\n"
        "Fritidsnämnden               Total     Ack.  Avvikelse   Budget 2025   Utfall     Budget-\n"
        "                     projektbudget   Utfall                              2025   avvikelse\n"
        "Färdigställda projekt\n"
        "Inventarier, löpande                                           0,800   0,617      0,183\n"
        "Konstinköp (6011)                                              0,125   0,125\n"
        "Summa färdigställda                                            0,925   0,742      0,183\n"
        "projekt\n"
        "\n\n"
        "Pågående projekt\n"
        "Ny inredning, biblioteket   4,827    4,812      0,015          0,709   0,694      0,015\n"
        "(6014)\n"
        "Ombyggnad Garvaren (6013)   2,575    2,340      0,235          0,388   0,153      0,235\n"
        "Ny teknik bowlinghall       3,000    2,117      0,884          3,000   2,117      0,884\n"
        "Korsavad (6154)\n"
        "\n\n"
        "Summa pågående projekt     10,402    9,269      1,134          4,097   2,964      1,134\n"
    )
    doc = _doc([page])
    assert len(doc.tables) == 1, "a group's name set apart by space does not end the table"
    table = doc.tables[0]
    assert table.header[1:] == (
        "Utgifter sedan projektets start Total projektbudget",
        "Ack. Utfall",
        "Avvikelse",
        "Årets investeringar Budget 2025",
        "Utfall 2025",
        "Budgetavvikelse",
    )
    cells = {(c.row_label, c.col_label): c.text for c in table.cells}
    done, going = "Färdigställda projekt", "Pågående projekt"
    # A short row's figures stand in the columns they are printed under.
    assert cells[(f"{done} Konstinköp (6011)", "Utfall 2025")] == "0,125"
    assert cells[(f"{done} Konstinköp (6011)", "Budgetavvikelse")] == ""
    assert cells[(f"{done} Inventarier, löpande", "Budgetavvikelse")] == "0,183"
    # A sum names what it sums: no group's name before it.
    assert cells[("Summa färdigställda projekt", "Årets investeringar Budget 2025")] == "0,925"
    assert cells[(f"{going} Ny teknik bowlinghall Korsavad (6154)", "Ack. Utfall")] == "2,117"
    assert cells[(f"{going} Ny inredning, biblioteket (6014)", "Avvikelse")] == "0,015"
    assert cells[("Summa pågående projekt", "Utgifter sedan projektets start Total projektbudget")] == "10,402"
    # The header is no caption: the words over the figures are no paragraph.
    assert not any("projektets" in p.text for p in doc.passages if p.kind == "para")


def _rows(table) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for c in table.cells:
        out.setdefault(c.row_label, {})[c.col_label] = c.text
    return out


def test_a_header_of_years_and_a_word_is_no_row_with_a_comment():
    page = (
        "Rapport 2025\n\n1 Ekonomi\n\n    Vi redovisar bidragen nedan.\n\n"
        "      Tabell 2. Medlemsbidrag per kommun (tkr)\n"
        "      Kommun                        Andel, %        2024        2025  Förändring\n\n"
        "      Leksands kommun                   42,0      39 522      41 412       1 890\n"
        "      Summa                            100,0      94 100      98 600       4 500\n\n"
        "    Text efter tabellen.\n"
    )
    table = _doc([page]).tables[0]
    assert table.header == ("Kommun", "Andel, %", "2024", "2025", "Förändring")
    assert _rows(table)["Leksands kommun"]["Förändring"] == "1 890"


def test_wrapped_row_labels_in_a_table_of_layout_text():
    page = (
        "Rapport 2025\n\n1 Larm\n\n    Antalet larm och investeringarna redovisas nedan.\n\n"
        "      Tabell 5. Antal larm per händelsetyp 2023–2025\n"
        "      Händelsetyp                                   2023      2024      2025\n\n"
        "      Brand i byggnad                                118       126       109\n"
        "      Brand ej i byggnad (skog, mark,                164       211       142\n"
        "        fordon m.m.)\n"
        "      Trafikolycka                                   231       244       258\n"
        "      Ledningsstöd, Rakelradio och\n"
        "        IT-utrustning                                900       640       260\n"
        "      Median insatstid per station, min\n"
        "         Leksand                                      9,9       9,6       9,2\n\n"
        "    Text efter tabellen.\n"
    )
    doc = _doc([page])
    assert len(doc.tables) == 1
    # (The rows above the group take the corner's "Händelsetyp" as theirs.)
    rows = {label.removeprefix("Händelsetyp "): cells for label, cells in _rows(doc.tables[0]).items()}
    # The rest of a label below its figures, though it ends as a sentence does.
    assert rows["Brand ej i byggnad (skog, mark, fordon m.m.)"]["2024"] == "211"
    assert rows["Trafikolycka"]["2025"] == "258"
    # A label that breaks off at "och" goes on in the line of its figures.
    assert rows["Ledningsstöd, Rakelradio och IT-utrustning"]["2023"] == "900"
    # A label-only line over rows set in under it names their group.
    assert rows["Median insatstid per station, min Leksand"]["2025"] == "9,2"


def test_a_numbered_heading_may_end_in_a_year():
    page = "Rapport 2025\n\n1 Förvaltningsberättelse\n\nText.\n\n1.1 Viktiga händelser under 2025\n\nMer text.\n"
    assert [s.number for s in _doc([page]).sections] == ["1", "1.1"]


def test_a_row_set_in_under_a_row_of_figures_is_a_part_of_that_row():
    page = (
        "Personal\n\n"
        "       Tabell 6. Personal, nyckeltal\n\n"
        "                                                april     april     april\n"
        "                                                 2024      2025      2026\n\n"
        "       Årsarbetare                               53,6      55,9      55,2\n"
        "       Sjukfrånvaro jan–apr, % av                 6,8       5,9       4,7\n"
        "       ordinarie arbetstid\n"
        "          kvinnor                                 7,9       6,6       5,3\n"
        "          män                                     4,9       4,6       3,6\n"
        "       Personalomsättning, %                     11,3       9,8       7,4\n"
    )
    doc = _doc([page])
    labels = [c.row_label for t in doc.tables for c in t.cells if c.col_label.endswith("2026")]
    assert "Sjukfrånvaro jan–apr, % av ordinarie arbetstid kvinnor" in labels, labels
    assert "Sjukfrånvaro jan–apr, % av ordinarie arbetstid män" in labels, labels
    assert "Personalomsättning, %" in labels and "Årsarbetare" in labels, labels


def test_a_row_label_broken_at_a_line_end_is_mended():
    page = (
        "Rapport 2025\n\n1 Ekonomi\n\n    Bistånd och tillsyn redovisas nedan.\n\n"
        "      Tabell 3. Nyckeltal 2024–2025\n"
        "      Nyckeltal                                     2024      2025\n\n"
        "      Hushåll med bistånd, ge-                       412       398\n"
        "        nomsnitt per månad\n"
        "      Tillsyn av miljö- och                           88        91\n"
        "        hälsoskydd\n"
        "      Kostnad för IT-                                 1,2       1,4\n"
        "        stöd, mnkr\n\n"
        "    Text efter tabellen.\n"
    )
    rows = {label.removeprefix("Nyckeltal "): cells for label, cells in _rows(_doc([page]).tables[0]).items()}
    assert rows["Hushåll med bistånd, genomsnitt per månad"]["2025"] == "398"
    assert rows["Tillsyn av miljö- och hälsoskydd"]["2024"] == "88"
    assert rows["Kostnad för IT-stöd, mnkr"]["2025"] == "1,4"


WRAPPED_FIRST_LABEL = """\
3 Tillsyn

     Tillsynen av enskilda avlopp görs främst under sommaren.

       Tabell 5. Planerad och genomförd tillsyn, antal besök

                                                  Plan  Genomfört   Andel av
                                                 helår    jan–apr       plan
       Tillsynsområde                             2026       2026          %

       Miljöfarlig verksamhet,
       tillstånds- och anmälningspliktig           118         31         26
       Enskilda avlopp                             180         22         12
       Hälsoskydd i skolor, förskolor
       och bassängbad                               72         29         40
       Summa                                       370         82         22
"""


def test_a_header_set_apart_over_a_first_label_that_wraps_is_the_header():
    # A blank line between the header and the figures, the first row's label over two lines: the
    # header is the header (not the caption), and a label's lower-case rest joins its first line.
    doc = _doc([WRAPPED_FIRST_LABEL])
    (table,) = doc.tables
    assert table.caption.startswith("Tabell 5."), table.caption
    assert table.header[1:] == ("Plan helår 2026", "Genomfört jan–apr 2026", "Andel av plan %"), table.header
    rows = {c.row_label: c.text for c in table.cells if c.col == 1}
    assert rows == {
        "Miljöfarlig verksamhet, tillstånds- och anmälningspliktig": "118",
        "Enskilda avlopp": "180",
        "Hälsoskydd i skolor, förskolor och bassängbad": "72",
        "Summa": "370",
    }, rows


def test_a_goal_tables_numbered_rows_are_no_headings():
    page = (
        "Rapport 2025\n\n"
        "1 Mål och måluppfyllelse\n"
        "   Nämnden har beslutat om fyra mål.\n\n"
        "   Tabell 5. Nämndmål 2025 och bedömning\n"
        "   Nämndmål                                Mått och målnivå            Utfall      Bedömning\n"
        "   1. Snabb och rättssäker                 Handläggningstid bygglov,   26 dagar    Uppfyllt\n"
        "      bygglovsprövning                     median högst 28 dagar\n"
        "   2. Säkra livsmedel                      Andel anläggningar med      94 %        Delvis uppfyllt\n"
        "                                           kontrollbehov som\n"
        "                                           kontrollerats, 100 %\n"
        "   4. Enkla digitala kontakter             Andel ärenden via           58 %        Ej uppfyllt\n"
        "                                           e-tjänst, minst 70 %\n"
        "   5. Hållbar arbetsmiljö                  Sjukfrånvaro under 5,0 %    4,8 %       Uppfyllt\n\n"
        "2 Ekonomi\n"
        "   Nämnden redovisar ett överskott.\n\n"
        "2.1 Driftredovisning\n"
        "   Utfallet blev bättre än budget.\n"
    )
    assert [s.number for s in _doc([page]).sections] == ["1", "2", "2.1"]


def test_rows_led_by_their_year_have_the_year_as_label():
    page = (
        "Rapport 2025\n\n"
        "1 Personal\n"
        "   Sjukfrånvaron varierar över året.\n\n"
        "   Tabell 12. Sjukfrånvaro per kvartal, procent\n"
        "                            Kv 1       Kv 2       Kv 3       Kv 4      Helår\n"
        "   2025                      6,2        4,1        3,5        5,4        4,8\n"
        "   2024                      7,0        5,3        4,6        6,6        5,9\n\n"
        "   Minskningen förklaras av avslutade sjukskrivningar.\n"
    )
    doc = _doc([page])
    cells = {(c.row_label, c.col_label): c.text for t in doc.tables for c in t.cells}
    assert cells[("2025", "Kv 3")] == "3,5" and cells[("2024", "Helår")] == "5,9", cells
    assert "2025" in doc.text and "2024" in doc.text


def test_a_header_of_labels_years_and_units_over_the_figures():
    page = (
        "Rapport 2025\n\n"
        "1 Ekonomi\n"
        "   Kostnader redovisas med negativt tecken.\n\n"
        "   Tabell 2. Driftredovisning per verksamhet\n\n"
        "                                          Budget        Utfall      Avvikelse        Utfall\n"
        "     Verksamhet                             2025          2025           2025          2024\n"
        "                                             tkr           tkr            tkr           tkr\n"
        "     Politisk organisation               -14 850       -14 312            538       -13 967\n"
        "     Kollektivtrafik                     -31 500       -32 846         -1 346       -30 214\n"
        "     Summa                               -46 350       -47 158           -808       -44 181\n"
    )
    doc = _doc([page])
    assert len(doc.tables) == 1
    cells = {(c.row_label, c.col_label): c.text for c in doc.tables[0].cells}
    assert cells[("Kollektivtrafik", "Utfall 2024 tkr")] == "-30 214", cells
    assert cells[("Kollektivtrafik", "Budget 2025 tkr")] == "-31 500", cells
