"""An answer that leads into a list ("Förklaringarna är:") goes on with the list's items; English
"which" with a singular asks for one item, with a plural for several; and the item a report itself
calls the largest deviation is the one named, before a larger amount the report sets apart. On a
report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Delårsrapport augusti 2026 Tekniska nämnden

1 Ekonomi

1.1 Driftredovisning

Verksamhet (tkr)\tBudget\tPrognos\tAvvikelse
Gator och parker\t-42 000\t-44 900\t-2 900
Fastigheter\t-61 000\t-58 800\t2 200
Vatten och avlopp\t0\t3 100\t3 100
Kost\t-30 000\t-30 600\t-600
Summa\t-133 000\t-131 200\t1 800

1.2 Kommentarer till avvikelserna

Gator och parker beräknas gå 2,9 mnkr över budget för helåret. Förklaringarna är:

- dyrare vinterväghållning under januari och februari, 1,6 mnkr, när snömängderna var de största på tio år
- högre elpriser för gatubelysningen, 0,8 mnkr
- skadegörelse i parkerna, 0,5 mnkr.

Fastigheter visar det största överskottet, 2,2 mnkr, främst för att planerat underhåll av
simhallen har skjutits upp till 2027.

Vatten och avlopp går med ett överskott på 3,1 mnkr, som förs till VA-kollektivets
resultatfond eftersom verksamheten är taxefinansierad.

Kost redovisar ett underskott på 0,6 mnkr till följd av högre livsmedelspriser.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("lists"), "teknik-2026.txt", REPORT)


def test_a_reason_that_leads_into_a_list_goes_on_with_its_items(report):
    result = ask(report, "Varför går gator och parker över budget i år?")
    assert result.answered, result.answer
    assert "vinterväghållning" in result.answer and "elpriser" in result.answer
    assert not result.answer.rstrip().endswith(":")
    assert any("vinterväghållning" in c.quote for c in result.citations)


def test_which_with_a_singular_asks_for_the_one_the_report_calls_largest(report):
    result = ask(report, "Which part of the committee came in furthest under budget, and why?")
    assert result.answered, result.answer
    assert "Fastigheter" in result.answer and "underhåll" in result.answer
    assert "Vatten och avlopp" not in result.answer


def test_which_with_a_plural_lists_several(report):
    result = ask(report, "Which activities are expected to go over budget?")
    assert result.answered, result.answer
    assert "Gator och parker" in result.answer and "Kost" in result.answer


PERIOD = """\
Delårsrapport augusti 2026 Kulturnämnden

1 Ekonomi

Nämnden har under årets första månader öppnat två nya filialer, och åtta av tio mål bedöms nås.
De senaste månaderna har besöken ökat.

Verksamhet\tPeriodbudget jan–aug\tUtfall jan–aug\tAvvikelse jan–aug\tAvvikelse helår
Bibliotek\t-16 000\t-15 350\t650\t200
Kulturskola\t-12 000\t-12 940\t-940\t-600
Museum\t-9 000\t-8 100\t900\t1 300
Summa\t-37 000\t-36 390\t610\t900
"""


@pytest.fixture(scope="module")
def period(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("period"), "kultur-2026.txt", PERIOD)


def test_the_first_months_of_the_year_are_the_reports_months_so_far(period):
    result = ask(period, "Vilken verksamhet ligger mest under budget efter årets första åtta månader?")
    assert result.answered, result.answer
    assert "Museum" in result.answer and "900" in result.answer


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("Vilken verksamhet gick bäst ekonomiskt i förhållande till budget?", "Fastigheter"),
        ("Vilken verksamhet gick sämst ekonomiskt jämfört med budgeten?", "Gator och parker"),
    ],
)
def test_best_or_worst_against_the_budget_said_with_a_word_between(report, question, item):
    result = ask(report, question)
    assert result.answered, result.answer
    assert item in result.answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Where did the committee end up furthest under budget?", "deviation"),
        ("Var hamnade nämnden mest över budget?", "deviation"),
        ("Where did the municipality end up in the business ranking?", "ranking"),
        ("Var hamnade kommunen på listan över bästa skolkommun?", "ranking"),
    ],
)
def test_where_it_ended_up_against_the_budget_asks_for_a_deviation_not_a_place(report, question, intent):
    from doksvar.answer import intent_of, read_question

    assert intent_of(read_question(question, report.store.vocab)) == intent


@pytest.mark.parametrize(
    ("question", "forecast"),
    [
        ("Hur stort underskott räknade nämnden med i augusti?", True),
        ("Hur mycket dyrare än man räknade med blev gator och parker?", False),
    ],
)
def test_what_was_counted_on_is_a_forecast_but_not_what_something_cost_more_than(report, question, forecast):
    from doksvar.answer import read_question
    from doksvar.answer.deviations import _asks_forecast

    assert _asks_forecast(read_question(question, report.store.vocab)) is forecast
