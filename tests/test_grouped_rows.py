"""An HTML table whose rows stand in groups ("<th colspan=6>Skattefinansierad verksamhet</th>" in
its body): the group row is no header, a question after the largest part is not answered by the
table's sum, and the report's own word on which part deviated most names the row without its group.
On a report written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import answerer_of, ask

REPORT = """\
# Delårsrapport augusti 2026 Tekniska nämnden

## 6 Ekonomi

### 6.2 Driftredovisning per verksamhet

<table>
<thead>
<tr><th>Verksamhet, tkr</th><th>Budget helår 2026</th><th>Utfall jan–aug 2026</th>
<th>Prognos helår 2026</th><th>Budgetavvikelse prognos</th></tr>
</thead>
<tbody>
<tr><th colspan="5">Skattefinansierad verksamhet (nettokostnad)</th></tr>
<tr><td>Gator och vägar</td><td>18 400</td><td>11 920</td><td>18 950</td><td>−550</td></tr>
<tr><td>Vinterväghållning</td><td>12 600</td><td>11 870</td><td>15 250</td><td>−2 650</td></tr>
<tr><td>Parker</td><td>7 300</td><td>5 160</td><td>7 050</td><td>250</td></tr>
<tr><td><b>Summa skattefinansierad verksamhet</b></td><td><b>38 300</b></td><td><b>28 950</b></td>
<td><b>41 250</b></td><td><b>−2 950</b></td></tr>
<tr><th colspan="5">Taxefinansierad verksamhet (resultat)</th></tr>
<tr><td>VA-kollektivet</td><td>800</td><td>−1 270</td><td>−2 470</td><td>−3 270</td></tr>
</tbody>
</table>

### 6.3 Analys av avvikelser

Vinterväghållningen prognostiserar ett underskott på 2 650 tkr, vilket är nämndens största avvikelse.
Orsaken är de stora snöfallen i januari och mars.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("grouped"), "tn-delar-2026.md", REPORT)


def test_a_group_row_in_the_body_is_no_header(report):
    (table,) = report.store.tables()
    assert "Skattefinansierad" not in " ".join(table.header)
    result = ask(report, "Vad har vinterväghållningen kostat hittills i år, januari till augusti?")
    assert "11 870" in result.answer


def test_the_largest_part_is_no_sum_and_the_reports_own_word_decides(report):
    result = ask(report, "Which part of the board's operations is furthest over budget in the full-year forecast?")
    assert result.answered, result.answer
    assert "2 650" in result.answer and "Summa" not in result.answer


FUND = """\
Delårsrapport 2026 Tekniska nämnden

1 VA-kollektivet

Tabell 3 VA-kollektivet, tkr
Post\tBudget helår 2026\tPrognos helår 2026
VA-fond, ingående balans 1 januari\t4 960\t4 960
Resultat\t800\t−2 470
VA-fond, utgående balans 31 december\t5 760\t2 490
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("How much money is expected to be left in the water and sewage reserve fund at the end of 2026?", "2 490"),
        ("Hur stor var VA-fonden vid årets början?", "4 960"),
    ],
)
def test_a_balance_asked_at_the_end_or_the_start_of_the_year_is_read_from_that_side(tmp_path, question, figure):
    result = ask(answerer_of(tmp_path, "va-2026.txt", FUND), question)
    assert result.answered, result.answer
    assert figure in result.answer


MEALS = """\
# Delårsrapport augusti 2026 Tekniska nämnden

## 1 Sammanfattning

**Ekonomi.** Den skattefinansierade verksamheten beräknas göra ett underskott mot budget på 2,1 mnkr för
helåret. Försämringen beror främst på vinterväghållningen och kost och måltider.

## 6 Ekonomi

### 6.2 Driftredovisning per verksamhet

| Verksamhet, tkr | Budget helår 2026 | Prognos helår 2026 | Budgetavvikelse |
|---|---:|---:|---:|
| Gator och vägar | 18 400 | 18 950 | −550 |
| Kost och måltider | 24 900 | 25 880 | −980 |
| Parker och grönytor | 7 300 | 7 050 | 250 |
| Summa | 50 600 | 51 880 | −1 280 |

### 6.3 Kost och måltider

Kost och måltider prognostiserar ett underskott på 980 tkr. Livsmedelspriserna har ökat med 5,8 procent,
medan budgeten räknade med 3,0 procent.
"""


def test_a_compound_of_an_everyday_head_names_the_row_its_first_part_names(tmp_path):
    report = answerer_of(tmp_path, "tn-2026.md", MEALS)
    result = report.ask("Varför går måltidsverksamheten sämre än budgeterat i år, och med hur mycket?")
    assert result.answered, result.answer
    assert "980" in result.answer and "Livsmedelspriserna" in result.answer
    assert "2,1" not in result.answer.split(".")[0]


DATA = Path(__file__).parent / "data"


def test_a_row_found_as_the_answering_sentence_is_read_with_its_column(tmp_path):
    report = answerer_of(tmp_path, "akerby-ar-2025.txt", (DATA / "akerby-ar-2025.txt").read_text(encoding="utf-8"))
    result = ask(report, "Hur många bodde i Åkerby 2021?")
    assert result.answered, result.answer
    assert "2021: 24 312" in result.answer and "24 455" not in result.answer.split("(")[0]
