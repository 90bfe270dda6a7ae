"""How the forecast changed since an earlier report, asked either way ("bättre eller sämre") or in
English ("got worse since the April report"): the sentence that gives the change. On reports written
for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

OCTOBER = """\
Ekonomisk uppföljning oktober 2026 Socialnämnden

1 Sammanfattning

Socialnämnden räknar för helåret 2026 med ett underskott mot budget på 19,3 mnkr. Det är en
förbättring med 3,3 mnkr sedan delårsrapporten per den 31 augusti, då underskottet beräknades
till 22,6 mnkr.

Placeringarna av barn och unga har blivit dyrare än budgeterat, och antalet hushåll med
ekonomiskt bistånd har ökat jämfört med förra året.

Prognosen för försörjningsstödet har försämrats med 0,4 mnkr sedan augusti.

2 Ekonomi

Försörjningsstödet väntas gå 2,1 mnkr över budget. Kostnaderna för placeringar blir 14,0 mnkr
högre än budgeterat.
"""

AUGUST = """\
Tertialrapport 2 2026 Omsorgsnämnden

1 Sammanfattning

Nämnden lämnar en prognos med ett underskott på 19,5 mnkr för helåret, vilket är 6,7 mnkr sämre
än i april. De största förändringarna sedan april finns inom köp av platser, där prognosen har
försämrats med 4,3 mnkr.

Prognosen jämförs både med budget och med den prognos som nämnden lämnade i tertialrapport 1.

Prognosen i april var ett underskott på 12,8 mnkr för helåret.

Prognos helår per verksamhet, tkr
Verksamhet\tPrognos april\tPrognos augusti
Köp av platser\t-9 400\t-13 700
Personlig assistans\t-4 200\t-6 300
"""


@pytest.fixture(scope="module")
def october(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("october"), "ifo-okt-2026.txt", OCTOBER)


@pytest.fixture(scope="module")
def august(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("august"), "ofn-t2-2026.txt", AUGUST)


def test_better_or_worse_is_asked_either_way(october):
    result = ask(october, "Har helårsprognosen blivit bättre eller sämre sedan delårsrapporten i augusti?")
    assert "3,3" in result.answer and "förbättring" in result.answer, result.answer


def test_the_forecasts_change_since_an_earlier_report_asked_in_english(august):
    result = ask(august, "By how much has the year-end forecast got worse since the April report?")
    assert "6,7" in result.answer, result.answer
