"""Questions that name a report's items, periods and comparisons in other words than the report:
a why-question whose reason is found under an item's lead-in gets the item's deviation first; a row
named with its abbreviation in brackets ("Svenska för invandrare (SFI)") is named by its words; "under-
eller överskott" asks either way; "förra året", which the report never writes, is no missing subject;
"tredje kvartalet" is the column "Kv 3"; "pengar över" is a surplus and "sommarjobb" the municipal
"feriearbete", "försörjningsstöd" its "ekonomiskt bistånd". On a report written for these tests."""

from __future__ import annotations

import pytest

from doksvar.answer import Answerer
from doksvar.answer.question import directions
from doksvar.lang.terms import expand_label
from doksvar.lang.words import words

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Utbildnings- och arbetsmarknadsnämnden

1 Sammanfattning

Utbildnings- och arbetsmarknadsnämnden redovisar för 2025 en nettokostnad på 88 460 tkr. Det är
2 160 tkr mer än budgetramen på 86 300 tkr.

2 Ekonomi

2.1 Driftredovisning

Tabell 1. Driftredovisning per verksamhet 2025, tkr
Verksamhet\tBudget 2025\tUtfall 2025\tAvvikelse 2025
Svenska för invandrare (SFI)\t-9 800\t-9 250\t550
Komvux\t-31 400\t-33 870\t-2 470
Feriearbete\t-2 100\t-2 340\t-240
Summa\t-86 300\t-88 460\t-2 160

2.2 Kommentarer per verksamhet

Svenska för invandrare (+550 tkr)
SFI visar ett överskott på 550 tkr. Det beror på att en lärartjänst stod vakant under hösten och
att färre elever än väntat skrevs in.

Komvux (-2 470 tkr)
Komvux redovisar ett underskott på 2 470 tkr. Allt fler elever i den grundläggande
vuxenutbildningen läser på distans hos externa anordnare, där priset per kurspoäng höjdes i det
nya avtalet från januari.

Feriearbete (-240 tkr)
Feriearbetet kostade 240 tkr mer än budgeterat. Budgeten räckte till 150 platser, men 171
ungdomar fick en placering efter nämndens beslut att erbjuda alla sökande en plats.

2.3 Nyckeltal

Försörjningsstödet ökade under hösten, när fler hushåll blev arbetslösa.

Andelen SFI-elever som klarade den sista kursen, kurs D, ökade 2025 till 74 procent (70).

Tabell 3. Nyckeltal 2024–2025 och jämförelse med riket
Nyckeltal\t2024\t2025\tRiket 2025
Nettokostnad ekonomiskt bistånd, kr/inv\t1 298\t1 354\t1 271
Andel invånare med ekonomiskt bistånd, %\t3,9\t4,1\t3,5
Andel SFI-elever godkända på kurs D, %\t70\t74\t72

Tabell 4. Ekonomiskt bistånd per månad
Ekonomiskt bistånd\tJanuari 2025\tFebruari 2025\tMars 2025
Hushåll med utbetalning, antal\t612\t628\t641
Utbetalt bistånd, tkr\t3 620\t3 700\t3 790

3 Personal

Sjukfrånvaron skiljer sig mycket mellan arbetsplatserna. Högst var den på Lärcentrum Norr med 7,9
procent. Arbetsplatsen har haft flera långa sjukfall under året.

Tabell 2. Sjukfrånvaro per kvartal, procent
År\tKv 1\tKv 2\tKv 3\tKv 4\tHelår
2025\t6,8\t5,1\t3,9\t6,2\t5,5
2024\t7,4\t5,9\t4,4\t6,6\t6,1
"""


@pytest.fixture(scope="module")
def answerer(tmp_path_factory) -> Answerer:
    return answerer_of(tmp_path_factory.mktemp("paraphrased"), "uan.txt", REPORT)


def test_a_reason_found_under_an_items_lead_in_comes_with_the_items_deviation(answerer):
    # "distanskurserna" is not how the report names the item ("Komvux"): the reason is found by its
    # words, and the lead-in it stands under gives what the deviation was.
    got = ask(answerer, "Varför kostade distanskurserna mer än planerat?")
    assert got.answered
    assert "2 470" in got.answer and "externa anordnare" in got.answer
    assert any("Komvux (-2 470 tkr)" in c.quote for c in got.citations)
    # The paragraph under the item's lead-in is its explanation: no sibling item's reason is added.
    assert "vakant" not in got.answer


def test_a_row_is_named_by_its_words_without_its_bracketed_abbreviation(answerer):
    # "svenska" and "invandrare" are everyday words: they name the item only as its label, whole.
    got = ask(answerer, "Varför gick svenska för invandrare med överskott?")
    assert got.answered
    assert "550" in got.answer and "lärartjänst" in got.answer
    assert "1)" not in got.answer  # the one item's deviation, not a list of the surpluses


def test_money_left_over_is_a_surplus(answerer):
    got = ask(answerer, "Varför blev det pengar över i budgeten för svenska för invandrare?")
    assert got.answered
    assert "550" in got.answer and "lärartjänst" in got.answer
    assert "1)" not in got.answer


def test_summer_jobs_are_the_reports_feriearbete(answerer):
    got = ask(answerer, "Hur mycket överskred sommarjobben budgeten?")
    assert got.answered
    assert "240" in got.answer and "2 470" not in got.answer
    english = ask(answerer, "How many young people got a summer job?")
    assert "171" in english.answer


def test_a_coordination_of_deficit_and_surplus_asks_either_way():
    assert directions("Gick nämnden med under- eller överskott?") == {"negative", "positive"}
    assert directions("Gick nämnden med överskott?") == {"positive"}


def test_last_year_unsaid_in_the_report_is_no_missing_subject(answerer):
    # The report never writes "förra": asked of the year it covers, the board's own result answers.
    got = ask(answerer, "Gick utbildnings- och arbetsmarknadsnämnden med under- eller överskott förra året?")
    assert got.answered
    assert "2 160" in got.answer


def test_a_numbered_quarter_column_is_its_ordinal():
    assert expand_label(words("Kv 3"))[:2] == ["kvartal", "tredje"]
    assert expand_label(words("Q1"))[:2] == ["kvartal", "första"]
    assert expand_label(words("T2"))[:2] == ["tertial", "andra"]
    assert expand_label(words("Kv män")) == ["kvinnor", "män"]  # "kv" alone is still the women's column


def test_the_third_quarter_asked_in_words_is_the_kv_3_column(answerer):
    got = ask(answerer, "Hur hög var sjukfrånvaron under tredje kvartalet 2025?")
    assert got.answered
    assert "3,9" in got.answer
    english = ask(answerer, "What was the sick leave in the third quarter of 2025?")
    assert "3,9" in english.answer


def test_forsorjningsstod_is_the_reports_ekonomiskt_bistand(answerer):
    # The report says "försörjningsstöd" in its prose and "ekonomiskt bistånd" in its table.
    got = ask(answerer, "Vad kostade försörjningsstödet per invånare 2024?")
    assert got.answered
    assert "1 298" in got.answer


def test_a_figure_compared_with_the_country_comes_with_the_countrys(answerer):
    # The sentence gives the share and last year's, the table the country's beside it.
    got = ask(answerer, "Hur stor andel av SFI-eleverna klarade sista kursen 2025 jämfört med snittet i riket?")
    assert got.answered
    assert "74" in got.answer and "72" in got.answer


def test_a_sentence_pointing_back_comes_with_the_sentence_it_points_to(answerer):
    # "Högst var den …": what "den" is, only the sentence before says.
    got = ask(answerer, "Hur hög var sjukfrånvaron på Lärcentrum Norr?")
    assert got.answered
    assert "7,9" in got.answer
    assert got.answer.startswith("Sjukfrånvaron skiljer sig")
    assert any(c.quote.startswith("Sjukfrånvaron skiljer sig") for c in got.citations)


def test_a_verb_form_is_found_as_the_noun_of_its_action(answerer):
    # "utbetalt" is the report's "utbetalning": the row of households with a payment counts them.
    got = ask(answerer, "Hur många hushåll fick utbetalt försörjningsstöd i mars?")
    assert got.answered
    assert "641" in got.answer
