"""A second part that asks only why ("…, och vad var huvudorsaken?") asks why the first part's
answer is so, not for the report's first sentence about a cause; an everyday word the report itself
uses ("busstrafiken" beside "kollektivtrafiken") is read as the report's. On a report written for
these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Kollektivtrafiknämnden

1 Sammanfattning

Kollektivtrafiken i länet kostade 25,0 mnkr mer än året innan. Den främsta orsaken är att priset
på förnybar diesel steg kraftigt under våren.

2 Ekonomi

2.1 Nettokostnad per trafikslag

Trafikslag\tBudget\tUtfall\tAvvikelse
Stadstrafik\t-120,0\t-114,4\t5,6
Regional busstrafik\t-310,0\t-332,7\t-22,7
Regionaltåg\t-95,0\t-102,9\t-7,9
Summa\t-525,0\t-550,0\t-25,0

2.1.1 Regional busstrafik

Den regionala busstrafiken redovisar den största negativa avvikelsen, −22,7 mnkr. Den viktigaste
förklaringen är indexuppräkningen av trafikavtalen, som blev 4,8 procent mot budgeterade 2,5 procent.

2.1.2 Regionaltåg

Regionaltåget redovisar en negativ avvikelse på 7,9 mnkr. Ersättningstrafik med buss under
banarbetet i maj kostade 11,2 mnkr.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("reasons"), "trafik-2025.txt", REPORT)


@pytest.mark.parametrize("why", ["vad var huvudorsaken?", "vad var grundorsaken?", "varför?"])
def test_a_bare_why_asks_the_reason_of_the_first_parts_answer(report, why):
    result = report.ask(f"Vilket trafikslag drog över budget mest, och {why}")  # asked as a user asks it
    assert "22,7" in result.answer and "indexuppräkningen" in result.answer, result.answer
    assert "diesel" not in result.answer, result.answer


def test_the_reports_own_busstrafik_is_not_read_as_kollektivtrafik(report):
    result = ask(report, "Varför gick den regionala busstrafiken över budget?")
    assert "indexuppräkningen" in result.answer and "diesel" not in result.answer, result.answer
