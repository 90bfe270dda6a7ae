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
