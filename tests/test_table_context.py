"""What stands around a table's figures: a row of units under the header, the sentence above it
that says what it shows, a month in a column's header, a compound a coordination writes in part
("Idrotts- och fritidsanläggningar"). On a report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
# Årsredovisning 2025 Fritidsnämnden

## 1 Ekonomi

### 1.1 Prognoser under året

Nämnden har lämnat prognoser vid tre tillfällen. Tabellen visar den prognostiserade avvikelsen
mot budget per verksamhet vid respektive tillfälle samt det slutliga utfallet.
Belopp i miljoner kronor.

| Verksamhet | Prognos april | Prognos augusti | Prognos oktober | Utfall helår |
|---|---:|---:|---:|---:|
| Idrotts- och fritidsanläggningar | −1,2 | −3,1 | −3,4 | −3,3 |
| Bibliotek | 0,1 | 0,3 | 0,4 | 0,5 |
| Summa | −1,1 | −2,8 | −3,0 | −2,8 |

### 1.2 Kostnader per slag

| Kostnadsslag | Budget 2025 | Utfall 2025 | Avvikelse | Avvikelse |
|---|---:|---:|---:|---:|
| | tkr | tkr | tkr | % |
| Personalkostnader | −50 000 | −48 900 | 1 100 | 2,2 |
| Lokalkostnader | −30 000 | −30 600 | −600 | −2,0 |
| Summa kostnader | −80 000 | −79 500 | 500 | 0,6 |

### 1.3 Personal

| Personal per 31 december | 2024 | 2025 |
|---|---:|---:|
| Tillsvidareanställda, antal | 88 | 91 |
| Sjukfrånvaro, % | 6,1 | 5,8 |
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("context"), "fritid-2025.md", REPORT)


@pytest.mark.parametrize(
    ("written", "whole"),
    [
        ("Idrotts- och fritidsanläggningar", ["idrottsanläggningar"]),
        ("Hälso- och sjukvård", ["hälsovård"]),
        ("Bygg-, miljö- och hälsoskyddsnämnden", ["byggnämnden", "miljönämnden"]),
        ("in- och utbetalningar", []),
    ],
)
def test_a_coordination_holds_the_compounds_it_writes_in_part(written, whole):
    from doksvar.lang.words import coordinated, stem, stem_set

    assert coordinated(written) == whole
    assert {stem(w) for w in whole} <= stem_set(written)


def test_a_row_of_units_under_the_header_names_the_columns():
    from pathlib import Path

    from doksvar.ingest import load_bytes

    doc = load_bytes(Path("r.md"), REPORT.encode())
    table = next(t for t in doc.tables if t.section == "1.2")
    assert table.header[3:] == ("Avvikelse tkr", "Avvikelse %")
    assert all(c.row_label for c in table.cells)  # the units' row is no row of figures
    assert "tkr | tkr | tkr | % |" in doc.text  # and its text is kept


def test_the_column_of_the_month_asked_of_a_table_the_sentence_above_describes(report):
    result = ask(report, "Vilket underskott räknade man med för idrottsanläggningarna i augusti?")
    assert "−3,1" in result.answer, result.answer


def test_a_share_asked_of_a_table_in_tkr_is_its_percent_column(report):
    result = ask(report, "Med hur många procent underskred lönekostnaderna budgeten?")
    assert "2,2" in result.answer, result.answer


def test_fast_anstallning_is_tillsvidareanstallda(report):
    result = ask(report, "Hur många hade fast anställning vid utgången av 2024?")
    assert "88" in result.answer, result.answer


def test_a_deviation_cell_asked_either_way_says_which_way(report):
    result = ask(report, "Blev det överskott eller underskott för personalkostnaderna, och hur mycket?")
    assert "1 100" in result.answer and "positiv" in result.answer, result.answer


QUARTERS = """\
Årsredovisning 2025 Miljönämnden

1 Personal

Tabell 3. Sjukfrånvaro i procent av ordinarie arbetstid
Grupp\t2024\t2025
Totalt, förvaltningen\t5,9\t4,8
Kvinnor\t6,8\t5,6

Tabell 4. Sjukfrånvaro per kvartal, procent
År\tKv 1\tKv 2\tKv 3\tKv 4\tHelår
2025\t6,2\t4,1\t3,5\t5,4\t4,8
2024\t7,0\t5,3\t4,6\t6,6\t5,9
"""


def test_months_asked_are_read_from_the_table_by_quarter(tmp_path):
    answerer = answerer_of(tmp_path, "miljo-2025.txt", QUARTERS)
    result = ask(answerer, "Hur hög var sjukfrånvaron under juli–september 2025?")
    assert "3,5" in result.answer, result.answer


COMPARED = """\
Årsredovisning 2025 Kommunstyrelsen Ekby

1 Jämförelser

Tabell 6. Jämförelse med liknande kommuner och riket 2025
Nyckeltal\tEkby\tLiknande kommuner\tRiket
Nettokostnad politisk verksamhet, kr/invånare\t610\t684\t571
Nettokostnad övergripande verksamhet, kr/invånare\t3 905\t4 210\t3 620
Sjukfrånvaro hela kommunen, %\t7,3\t7,6\t7,0
"""


def test_a_cost_compared_with_others_named_after_than_gives_both_figures(tmp_path):
    answerer = answerer_of(tmp_path, "ks-2025.txt", COMPARED)
    result = ask(
        answerer,
        "Kostar politiken mer eller mindre per invånare i Ekby än i jämförbara kommuner?",
    )
    assert "610" in result.answer and "684" in result.answer, result.answer
