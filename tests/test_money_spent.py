"""Deviations asked in everyday words of spending and taking in ("lade mindre pengar på underhåll än
planerat", "drog in mer pengar än budgeterat"), and an income named by a compound ("Hyresintäkterna
blev högre än budget") read as the positive deviation it is. On a report written for these tests."""

from __future__ import annotations

import pytest

from doksvar.facts.deviations import sentence_deviations

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Bostadsbolaget Ekhem AB

1 Ekonomi

1.1 Resultat

Rörelseresultatet blev 12,4 mnkr, vilket är 3,1 mnkr bättre än budget.

Underhållet blev 6,2 mnkr lägre än budget, främst till följd av att fasadrenoveringen i Norrbo
sköts upp till 2026 sedan upphandlingen överprövats.

Hyresintäkterna för lokaler blev 1 850 tkr högre än budget. Förklaringen är att två lediga lokaler
hyrdes ut till en vårdcentral redan i mars.

Personalkostnaderna blev 0,9 mnkr högre än budget på grund av sjukvikarier.

2 Verksamheten

Styrelsen lade i maj fast en plan för bolagets arbete med trygghet. Bolaget lade också om
kundtjänsten, som nu är öppen även på lördagar, vilket var planerat sedan länge. Mindre
lägenheter än planerat kunde byggas i Ekdalen, eftersom detaljplanen ändrades.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("spent"), "ekhem-2025.txt", REPORT)


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Hyresintäkterna för lokaler blev 1 850 tkr högre än budget.", "positive"),
        ("Skatteintäkterna blev 3,1 mnkr lägre än budget.", "negative"),
        ("Personalkostnaderna blev 0,9 mnkr högre än budget.", "negative"),
    ],
)
def test_an_income_named_by_a_compound_deviates_the_other_way_round(sentence, direction):
    (found,) = sentence_deviations(sentence)
    assert found["direction"] == direction


@pytest.mark.parametrize(
    ("question", "figure", "reason"),
    [
        ("Varför lade bolaget mindre pengar på underhåll än planerat?", "6,2", "fasadrenoveringen"),
        ("Lokalhyrorna drog in mer pengar än budgeterat – hur mycket mer och varför?", "1 850", "vårdcentral"),
    ],
)
def test_money_spent_or_taken_in_against_the_plan_is_a_deviation(report, question, figure, reason):
    result = ask(report, question)
    assert result.answered, result.answer
    assert figure in result.answer and reason in result.answer


RENTS = """\
Årsredovisning 2025 Bostadsbolaget Ekhem AB

1 Året i korthet

- 14 februari. Överenskommelse med Hyresgästföreningen om 2025 års hyror: en höjning med 3,6 procent.
- 2 juni. Styrelsen beslutade att bygga 40 nya lägenheter i Ekdalen.

2 Hyror

Bolaget yrkade på en höjning med 5,9 procent inför 2025. Parterna enades om en höjning av
bostadshyrorna med 3,6 procent från den 1 mars 2025. För 2024 var höjningen 4,8 procent.
"""


def test_a_date_asked_of_a_figure_is_found_where_the_report_states_the_figure_again(tmp_path):
    report = answerer_of(tmp_path, "ekhem-hyror-2025.txt", RENTS)
    result = report.ask("Hur mycket gick hyrorna upp 2025 och när gällde höjningen från?")
    assert result.answered, result.answer
    assert "3,6" in result.answer and "1 mars" in result.answer


UNITS = """\
Delårsrapport 2026 Socialnämnden

1 Ekonomi

1.1 Driftredovisning

Tabell 2. Driftredovisning per verksamhet, tkr
Verksamhet\tBudget 2026\tPrognos helår\tBudgetavvikelse
Nämnd och förvaltning\t24 600\t23 100\t1 500
Missbruksvård\t47 200\t49 600\t−2 400
Ensamkommande barn och unga\t8 900\t7 000\t1 900
Summa\t80 700\t79 700\t1 000

1.2 Avvikelser per verksamhet

Missbruksvården beräknas gå med ett underskott på 2,4 mnkr. Det beror på fler placeringar på
behandlingshem.

Ensamkommande barn och unga visar ett överskott på 1,9 mnkr. Överskottet uppstår främst för att
gruppboendet Björken stängdes vid halvårsskiftet. Nämnd och förvaltning har ett överskott på 1,5 mnkr
till följd av en vakant controllertjänst.
"""


def test_a_surplus_asked_as_going_with_plus_is_answered_with_its_reason_in_the_next_sentence(tmp_path):
    report = answerer_of(tmp_path, "sn-delar-2026.txt", UNITS)
    result = report.ask(
        "Varför går verksamheten för ensamkommande ungdomar med plus i år, och hur stort är överskottet?"
    )
    assert result.answered, result.answer
    assert "1,9" in result.answer and "Björken" in result.answer and "controllertjänst" not in result.answer


RESULT = """\
Årsredovisning 2025 Granby kommun

1 Förvaltningsberättelse

1.1 Årets resultat

Kommunens resultat för 2025 uppgick till 23,7 mnkr, att jämföra med ett budgeterat resultat på 15,0 mnkr.
Resultatet blev därmed 8,7 mnkr bättre än budget. Av den positiva avvikelsen avser 5,5 mnkr
skatteintäkterna, främst till följd av en större slutavräkning än prognostiserat.

1.2 Befolkning

Befolkningen ökade med 85 personer till 14 205 invånare, fler än kommunen hade räknat med.
"""


def test_more_than_the_council_had_counted_on_asks_the_deviation_not_its_words(tmp_path):
    report = answerer_of(tmp_path, "granby-2025.txt", RESULT)
    result = report.ask("Hur mycket större blev kommunens plusresultat än vad fullmäktige hade räknat med?")
    assert result.answered, result.answer
    assert "8,7" in result.answer


def test_what_mainly_caused_it_asks_why(tmp_path):
    report = answerer_of(tmp_path, "granby-2025.txt", RESULT)
    result = report.ask("How big was the municipality's result compared with the budget, and what mainly caused it?")
    assert result.answered, result.answer
    assert "8,7" in result.answer and "skatteintäkterna" in result.answer


TAXES = """\
Årsredovisning 2025 Granby kommun

1 Fem år i sammandrag

Nyckeltal\t2024\t2025
Skatteintäkter och generella statsbidrag, mnkr\t1 012,7\t1 065,5
Invånare 31 december\t14 120\t14 205

2 Ekonomi

Nettokostnadernas andel av skatteintäkter och generella statsbidrag minskade från 98,4 procent 2024 till
97,5 procent 2025.

Skatteintäkterna och de generella statsbidragen ökade med 52,8 mnkr, eller 5,2 procent, jämfört med 2024.
"""


def test_an_amount_and_its_change_in_per_cent_are_asked_apart(tmp_path):
    report = answerer_of(tmp_path, "granby-skatt-2025.txt", TAXES)
    q = "Hur mycket fick kommunen in från skatter och generella statsbidrag 2025, och hur många procent ökade det?"
    result = report.ask(q)
    assert result.answered, result.answer
    assert "1 065,5" in result.answer and "5,2" in result.answer


FORECAST = """\
Årsredovisning 2025 Barn- och utbildningsnämnden

1 Ekonomi

I delårsrapporten per den 31 augusti prognostiserade nämnden ett underskott på 3,8 mnkr för helåret.
Att det slutliga utfallet blev 2,5 mnkr bättre än prognosen beror främst på lägre kostnader för skolskjuts.

2 Avvikelser per nämnd

Socialnämnden redovisar ett underskott på 6,3 mnkr, vilket är 1,7 mnkr bättre än prognosen i augusti.
Kulturnämnden redovisar ett överskott på 1 850 tkr, vilket är 250 tkr bättre än prognosen i augusti.
"""


@pytest.mark.parametrize(
    ("question", "worked"),
    [
        (
            "What deficit did the board forecast in its interim report, and how did the actual result compare?",
            "deficit 1,3 (3,8 − 2,5) mnkr",
        ),
        (
            "Hur stort underskott trodde socialnämnden på i delårsrapporten, och hur slutade det till sist?",
            "underskott 8,0 (6,3 + 1,7) mnkr",
        ),
        ("Vilket överskott räknade kulturnämnden med i augustiprognosen, och vad blev det?", "1 600 (1 850 − 250) tkr"),
    ],
)
def test_the_forecast_or_the_outcome_is_worked_out_from_the_other_and_the_difference(tmp_path, question, worked):
    from .test_answers import check_grounded

    report = answerer_of(tmp_path, "bun-2025.txt", FORECAST)
    result = report.ask(question)
    assert result.answered, result.answer
    assert worked in result.answer
    check_grounded(report, result)


STAFF_AND_RESULT = (
    FORECAST
    + """
3 Personal

Personalomsättningen var 9,8 procent 2025. 41 tillsvidareanställda slutade under året.
"""
)


def test_how_it_ended_asks_for_the_outcome_not_for_those_who_quit(tmp_path):
    report = answerer_of(tmp_path, "bun-2025.txt", STAFF_AND_RESULT)
    result = report.ask(
        "Hur stort underskott trodde socialnämnden på i delårsrapporten, och hur slutade det till sist?"
    )
    assert result.answered, result.answer
    assert "6,3" in result.answer and "Personalomsättning" not in result.answer
