""" "Which part … furthest over budget": a row of the report's table "per verksamhet", whatever the
row is called ("Köp av externa platser"), not the whole's costs or one row that merely matches the
question's words. On a report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of

REPORT = """\
Tertialrapport 2 2026 Omsorgsnämnden

1 Sammanfattning

Nämnden lämnar en prognos med ett underskott på 19,5 mnkr för helåret. Kostnaderna beräknas
överstiga budget med 27,1 mnkr, medan intäkterna blir 7,6 mnkr högre än budgeterat.

Tabell 1. Ekonomi i sammandrag, mnkr
Post\tBudget helår\tPrognos helår\tBudgetavvikelse helår
Intäkter\t148,6\t156,2\t7,6
Kostnader\t-761,0\t-788,1\t-27,1
Nettokostnad\t-612,4\t-631,9\t-19,5

2 Ekonomi per verksamhet

Tabell 2. Driftredovisning per verksamhet, tkr
Verksamhet\tBudget helår 2026\tPrognos helår 2026\tBudgetavvikelse
Nämnd och förvaltningsgemensamt\t24 600\t23 400\t1 200
Bostad med särskild service\t214 800\t219 300\t-4 500
Köp av externa platser\t58 200\t71 900\t-13 700
Personlig assistans\t112 300\t118 600\t-6 300
Daglig verksamhet\t86 500\t84 100\t2 400
Summa\t496 400\t517 300\t-20 900

Personlig assistans prognostiserar ett underskott på 6,3 mnkr. Den största delen, 3,8 mnkr, beror
på att ersättningen från Försäkringskassan inte täcker kostnaden per timme.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("whichpart"), "omsorg-2026.txt", REPORT)


@pytest.mark.parametrize(
    "question",
    [
        "Which part of the board's operations is furthest over budget in the full-year forecast?",
        "Vilken verksamhet väntas gå mest över budget i år?",
    ],
)
def test_which_part_is_a_row_of_the_table_per_verksamhet(report, question):
    result = report.ask(question)
    assert "Köp av externa platser" in result.answer and "13 700" in result.answer, result.answer
    assert "27,1" not in result.answer, result.answer


SCHOOLS = """\
Verksamhetsberättelse 2025 Gymnasienämnden

1 Ekonomi

Tabell 10 visar budget och utfall per verksamhet. Ett negativt tal visar att verksamheten har kostat
mer än budgeterat.

Tabell 10 Driftredovisning per verksamhet, tkr
Verksamhet\tBudget 2025\tUtfall 2025\tAvvikelse
Nationella program\t198 400\t201 870\t-3 470
Introduktionsprogram\t31 600\t29 940\t1 660
Komvux\t41 800\t40 260\t1 540
Summa\t271 800\t272 070\t-270
"""


def test_which_activity_cost_least_against_its_budget_is_the_largest_surplus(tmp_path):
    schools = answerer_of(tmp_path, "gvn-2025.txt", SCHOOLS)
    result = schools.ask("Vilken verksamhet kostade minst i förhållande till sin budget, alltså hade störst överskott?")
    assert "Introduktionsprogram" in result.answer and "1 660" in result.answer, result.answer


HARBOUR = """\
# Årsredovisning 2025 Norrhamns Hamn AB

## 1 VD har ordet

Jag vill tacka våra medarbetare, som har hållit igång verksamheten dygnet runt samtidigt som stora
delar av hamnområdet har varit byggarbetsplats.

# 4 Ekonomi

## 4.1 Resultat i sammandrag

Bolagets nettoomsättning ökade med 4,9 procent till 316 280 tkr, vilket var 3 880 tkr mer än budget.
Kostnaderna ökade dock snabbare än intäkterna, och rörelseresultatet blev 33 100 tkr, att jämföra
med budgeterade 40 000 tkr. Resultatet efter finansiella poster uppgick till 22 620 tkr (29 180
tkr), vilket är 8 180 tkr sämre än budget.

I tabellen nedan redovisas avvikelse som utfall minus budget. Ett negativt tal innebär alltså att
resultatet blev sämre än budgeterat.

| Resultaträkning i sammandrag, tkr | Budget 2025 | Utfall 2025 | Avvikelse | Utfall 2024 |
|---|---:|---:|---:|---:|
| Nettoomsättning | 312 400 | 316 280 | 3 880 | 301 570 |
| Rörelsens kostnader | −236 700 | −246 420 | −9 720 | −230 140 |
| Avskrivningar | −35 700 | −36 760 | −1 060 | −34 310 |
| **Rörelseresultat** | **40 000** | **33 100** | **−6 900** | **37 120** |
| Finansiella poster, netto | −9 200 | −10 480 | −1 280 | −7 940 |
| **Resultat efter finansiella poster** | **30 800** | **22 620** | **−8 180** | **29 180** |

Efter bokslutsdispositioner, i form av koncernbidrag till Lindholms Stadshus AB om 14 000 tkr, och
skatt om 1 780 tkr blev årets resultat 6 840 tkr (7 310 tkr).

Finansnettot blev 1 280 tkr sämre än budget. Räntan på nyupplåningen för Kaj 7 blev högre än vad som
antogs när budgeten togs fram, och en större del av lånen än planerat togs upp redan under första
halvåret.

## 4.2 Resultat per affärsområde

I delårsrapporten per augusti prognostiserades ett rörelseresultat för helåret på 35 500 tkr. Det
slutliga utfallet blev 2 400 tkr lägre än prognosen, främst till följd av stormskadorna i gästhamnen
och högre kostnader för gemensamma funktioner under fjärde kvartalet.

| Affärsområde, rörelseresultat i tkr | Budget 2025 | Prognos aug | Utfall 2025 | Avvikelse mot budget | Utfall 2024 |
|---|---:|---:|---:|---:|---:|
| Container | 24 600 | 27 500 | 28 940 | 4 340 | 22 180 |
| Bulk | 18 900 | 13 800 | 11 270 | −7 630 | 19 460 |
| Ro-ro | 12 400 | 13 500 | 14 060 | 1 660 | 11 350 |
| Färjeterminal | 6 100 | 4 600 | 3 820 | −2 280 | 5 740 |
| Gästhamn | −300 | −600 | −1 460 | −1 160 | −520 |
| Fastigheter och övrigt | 9 800 | 10 100 | 10 350 | 550 | 9 120 |
| Gemensamma funktioner | −31 500 | −33 400 | −33 880 | −2 380 | −30 210 |
| **Summa rörelseresultat** | **40 000** | **35 500** | **33 100** | **−6 900** | **37 120** |

Bulk är det affärsområde som avviker mest från budget, med ett rörelseresultat som blev 7 630 tkr
sämre än budgeterat. Intäkterna blev 6 560 tkr lägre än budget, huvudsakligen på grund av
cementstoppet hos Lindholms Cement AB och den minskade spannmålsexporten. Kostnaderna kunde bara
delvis anpassas, eftersom personal och maskiner vid bulkterminalen även behövs för
pelletsmottagningen som byggdes upp under sommaren. Ombyggnaden av Silo 2 för pellets kostnadsfördes
till en del, 1 150 tkr, eftersom den avsåg underhåll av befintlig konstruktion.
"""


def test_which_part_went_worst_is_a_row_of_the_table_headed_by_its_parts(tmp_path):
    harbour = answerer_of(tmp_path, "hamn-2025.md", HARBOUR)
    result = harbour.ask("Vilken del av hamnens verksamhet gick sämst jämfört med budget 2025?")
    assert "Bulk" in result.answer and "7 630" in result.answer, result.answer
