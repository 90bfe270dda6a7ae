"""An item's deviation as the genre states it beyond the plain phrases: in a column headed by the
abbreviation "Avv.", in a table's total row when the question names that table, for the full year when
the question is in the future tense ("Varför blir …"), explained by the paragraph whose lead-in names
the table's row, and asked of an item named inside the phrase ("Hur mycket gick Simhallen back?").
On reports written for these tests."""

from __future__ import annotations

import pytest

from doksvar.answer.question import read_question

from .conftest import answerer_of, ask

INTERIM = """\
Tertialrapport 1 2026

Fritidsnämnden i Ålby

1 Ekonomi

Avvikelser redovisas som utfall eller prognos minus budget. Ett negativt tal är ett underskott.

Tabell 1. Nettokostnad per verksamhet, mnkr
Verksamhet\tUtfall jan–apr\tBudget jan–apr\tAvv. period\tBudget helår\tPrognos helår\tAvv. helår
Simhallen\t-14,2\t-12,9\t-1,3\t-38,8\t-42,9\t-4,1
Idrottsplatser (konstgräs, grusplaner och friidrottsarena)\t-9,1\t-10,6\t1,5\t-31,9\t-26,6\t5,3
Fritidsgårdar\t-6,4\t-6,2\t-0,2\t-18,5\t-19,3\t-0,8
Summa\t-29,7\t-29,7\t0,0\t-89,2\t-88,8\t0,4

2 Analys av avvikelserna

Idrottsplatser. Verksamheten visar ett överskott mot budget på 1,5 mnkr för perioden och
5,3 mnkr i prognos för helåret. Två planbyten skjuts fram till 2027, och skötselavtalet blev
billigare än väntat vid den nya upphandlingen. Det minskar kostnaderna med sammanlagt 4,8 mnkr.

Simhallen. Verksamheten redovisar ett underskott på 1,3 mnkr för perioden och 4,1 mnkr i
prognos för helåret. Energipriserna har varit högre än budgeterat.

Fritidsgårdar. Verksamheten visar ett underskott på 0,8 mnkr i prognos för helåret, eftersom en
extra fritidsledare har anställts.
"""

ANNUAL = """\
Årsredovisning 2025

Flygplatsbolaget i Ålby AB

1 Ekonomi

Bolagets omsättning uppgick till 41 200 tkr.

Rörelseresultat per affärsområde 2025, tkr (Avv. = utfall minus budget)
Affärsområde\tBudget 2025\tUtfall 2025\tAvv.\tUtfall 2024
Flygtrafik\t6 400\t5 150\t-1 250\t6 020
Parkering\t2 100\t2 540\t440\t1 980
Fastigheter\t1 300\t1 010\t-290\t1 240
Summa rörelseresultat\t9 800\t8 700\t-1 100\t9 240

Investeringar 2025, tkr
Projekt\tBudget 2025\tUtfall 2025\tAvv.
Ny bagagehall\t12 000\t9 500\t2 500
Belysning bana\t3 000\t3 400\t-400
Summa investeringar\t15 000\t12 900\t2 100
"""


@pytest.fixture(scope="module")
def interim(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("items"), "fritid-t1-2026.txt", INTERIM)


@pytest.fixture(scope="module")
def annual(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("rows"), "flygplats-2025.txt", ANNUAL)


def test_a_column_headed_avv_holds_the_deviations(annual):
    a = ask(annual, "Hur stor var avvikelsen mot budget för parkeringen 2025?")
    assert a.answered
    assert "440" in a.answer
    assert "positiv" in a.answer


def test_the_whole_of_a_table_the_question_names_is_its_total_row(annual):
    a = ask(annual, "Hur mycket sämre än budget blev rörelseresultatet för bolaget som helhet?")
    assert a.answered
    assert "1 100" in a.answer
    assert "1 250" not in a.answer  # no list of the items


@pytest.mark.parametrize(
    "question, item",
    [
        ("Hur mycket gick Simhallen back i prognosen för helåret?", "simhallen"),
        ("Gick fritidsgårdarna med förlust?", "fritidsgårdarna"),
        ("Varför räcker inte pengarna till simhallen, och varför räcker simhallens budget inte?", "simhallens"),
        ("Hur mycket gick idrottsplatserna plus?", "idrottsplatserna"),
    ],
)
def test_an_item_inside_a_deficit_or_surplus_phrase_stays_the_subject(interim, question, item):
    q = read_question(question, interim.store.vocab)
    assert item not in q.direction
    assert item in {t.word for t in q.content}


def test_an_item_named_inside_a_going_back_phrase_is_answered_for(interim):
    a = ask(interim, "Hur mycket gick Simhallen back i prognosen för helåret?")
    assert a.answered
    assert "4,1" in a.answer
    assert "Fritidsgårdar" not in a.answer and "0,8" not in a.answer  # not every deficit of the table


def test_a_question_in_the_future_asks_the_full_year(interim):
    a = ask(interim, "Hur mycket billigare än budgeterat blir idrottsplatserna?")
    assert a.answered
    assert "5,3 mkr (positiv avvikelse)" in a.answer
    assert "1,5 mkr" not in a.answer  # the period's, shown beside it at most


def test_a_rows_item_is_explained_by_its_own_paragraph(interim):
    a = ask(interim, "Varför blir konstgräsplanerna och friidrottsarenan billigare än budgeterat?")
    assert a.answered
    assert "5,3" in a.answer
    assert "planbyten skjuts fram till 2027" in a.answer
    assert "Energipriserna" not in a.answer


def test_when_one_can_pay_asks_a_date_not_a_sum(tmp_path):
    report = (
        "Tertialrapport 1 2026\n\nKollektivtrafiknämnden\n\n1 Händelser\n\n"
        "Etapp 2 av betalsystemet, som gör det möjligt att betala med mobilen ombord, blir försenad. "
        "Driftsättningen flyttas till oktober 2027.\n\n"
        "Systemet kostar 14 mnkr.\n"
    )
    a = ask(answerer_of(tmp_path, "t1.txt", report), "När ska man kunna betala med mobilen ombord?")
    assert a.answered
    assert "oktober 2027" in a.answer


COMPARED = """\
Årsredovisning 2025 Ålby kommun

1 Jämförelser

Tabell 3. Ålby jämfört med riket 2025
Nyckeltal\tÅlby\tRiket\tFörändring mot 2024
Nettokostnad fritid, kr per invånare\t2 840\t2 610\t-120
Besök i simhallen per invånare\t4,2\t3,8\t0,3
"""


@pytest.mark.parametrize(
    ("question", "column"),
    [
        ("What is the net cost of leisure per inhabitant compared with the national average?", "Ålby: 2 840"),
        ("Hur har nettokostnaden för fritid per invånare förändrats?", "Förändring mot 2024: -120"),
    ],
)
def test_a_column_of_changes_answers_only_a_question_about_change(tmp_path, question, column):
    a = ask(answerer_of(tmp_path, "alby-2025.txt", COMPARED), question)
    assert a.answered
    assert a.answer.startswith(f"Nettokostnad fritid, kr per invånare, {column}")


STAFF = """\
Årsredovisning 2025 Ålby kommunalförbund

5 Personal

Tabell 9. Personalomsättning
Personalomsättning\t2024\t2025
Avgångar tillsvidareanställda, antal\t36\t31
Personalomsättning tillsvidareanställda, %\t11,6\t9,8
Andel behöriga lärare, %\t86\t88
"""


def test_a_share_asked_of_rows_of_counts_and_shares_is_the_share(tmp_path):
    a = ask(answerer_of(tmp_path, "alby-2025.txt", STAFF), "Hur många procent av de tillsvidareanställda avgick 2025?")
    assert a.answered
    assert "9,8" in a.answer
    assert "31" not in a.answer


EXPLAINED_ON = """\
Årsredovisning 2025 Ålby gymnasieförbund

2 Verksamhet

Ett nytt vilorum för anpassade gymnasieskolan har skjutits upp till 2026, eftersom lokalen
behövde byggas om.

4 Ekonomi

4.1 Anpassade gymnasieskolan

Anpassade gymnasieskolan redovisar ett underskott på 1 940 tkr. Budgeten byggde på 30 elever, men
under hösten gick 35 elever i verksamheten. Tre av de nya eleverna behöver stöd av en assistent hela
skoldagen.

4.2 Elevhälsan

Elevhälsan redovisar ett överskott på 310 tkr.
"""


def test_a_deviation_is_explained_by_the_rest_of_its_own_paragraph(tmp_path):
    a = ask(answerer_of(tmp_path, "forbund-2025.txt", EXPLAINED_ON), "Varför gick anpassade gymnasieskolan back?")
    assert a.answered
    assert "1 940" in a.answer
    assert "35 elever" in a.answer or "assistent" in a.answer
    assert "vilorum" not in a.answer


NEXT_ITEM = """\
Tertialrapport 1 2026 Ålby kommun

5 Nämndernas prognoser

Tekniska nämnden prognostiserar ett underskott på 1 400 tkr. Valnämnden prognostiserar ett
underskott på 150 tkr till följd av högre kostnader för röstmottagare.

Underskottet för tekniska nämnden beror på att vinterväghållningen kostade mer än budgeterat efter en
snörik vinter.
"""


@pytest.mark.parametrize(
    "question",
    ["Varför går tekniska nämnden minus i år?", "What is driving the technical committee's deficit this year?"],
)
def test_the_next_items_deviation_is_not_the_reason(tmp_path, question):
    a = ask(answerer_of(tmp_path, "alby-t1.txt", NEXT_ITEM), question)
    assert a.answered
    assert "1 400" in a.answer
    assert "röstmottagare" not in a.answer
    assert "vinterväghållningen" in a.answer
