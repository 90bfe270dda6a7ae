"""A service, facility or event asked of in one of the genre's words for it is found under the word
the report uses (`lang/synonyms.tsv`): "simhallarna" of a row "Bad", "snöröjningen" of
"Vinterväghållning". On reports written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of


@pytest.mark.parametrize(
    ("name", "text", "question", "expected"),
    [
        (
            "kfn-delar-2026.txt",
            "Delårsrapport januari–augusti 2026 Kultur- och fritidsnämnden\n\n2 Ekonomi\n\n"
            "Verksamhet\tBudget jan–aug 2026\tUtfall jan–aug 2026\tAvvikelse\n"
            "Bibliotek\t25 480\t24 870\t610\nBad\t19 850\t21 100\t−1 250\nSumma\t45 330\t45 970\t−640\n\n"
            "Baden redovisar ett underskott på 1 250 tkr för perioden. Stadsbadet var stängt från den 12 januari "
            "till den 8 juni för renovering av bassängen, och intäkterna för entréer och simskola uteblev. "
            "Samtidigt blev personalkostnaderna 650 tkr lägre än budgeterat i biblioteken.\n",
            "Varför går simhallarna med minus hittills i år, och hur stort är minuset?",
            ["1 250", "renovering"],
        ),
        (
            "tn-delar-2026.txt",
            "Delårsrapport januari–augusti 2026 Tekniska nämnden\n\n2 Ekonomi\n\n"
            "Verksamhet\tBudget jan–aug 2026\tUtfall jan–aug 2026\tAvvikelse\n"
            "Gator och vägar\t12 400\t12 100\t300\nVinterväghållning\t6 200\t8 950\t−2 750\n"
            "Parker\t3 100\t3 050\t50\nSumma\t21 700\t24 100\t−2 400\n\n"
            "Den snörika vintern gav 31 utryckningar, mot i genomsnitt 18 per år.\n",
            "Vad har snöröjningen kostat netto hittills i år, januari till augusti?",
            ["8 950"],
        ),
        (
            "kfn-t2-2026.txt",
            "Tertialrapport 2 2026 Kultur- och fritidsnämnden\n\n5 Investeringar\n\n"
            "Konstgräsplanen på Norrvallen beräknas kosta 6,8 mnkr, vilket är 1,3 mnkr mer än budgeterat. "
            "Fördyringen beror på att markarbetena blev mer omfattande när dålig bärighet upptäcktes.\n\n"
            "Biblioteket i Östby får nya möbler för 0,4 mnkr.\n",
            "Hur mycket dyrare än planerat blir den nya fotbollsplanen, och varför?",
            ["1,3", "bärighet"],
        ),
        (
            "fsn-2025.txt",
            "Verksamhetsberättelse 2025 Fastighetsnämnden\n\n4 Energi\n\n"
            "Energianvändningen i kommunens verksamhetslokaler minskade till 142 kWh per kvadratmeter, "
            "jämfört med 151 kWh året innan. Målet är 130 kWh.\n\n5 Lokalvård\n\n"
            "Lokalvården upphandlades under året.\n",
            "Hur stor var energiförbrukningen per kvadratmeter i kommunens lokaler?",
            ["142"],
        ),
        (
            "mbn-2025.txt",
            "Årsredovisning 2025 Miljö- och byggnämnden\n\n3 Händelser\n\n"
            "Skyfallet den 14 augusti gav 86 anmälningar om vattenskador i källare.\n\n"
            "Den nya e-tjänsten för bygglov infördes den 2 mars.\n",
            "Vilket datum kom det stora regnovädret som gav anmälningar om vattenskador?",
            ["14 augusti"],
        ),
    ],
    ids=["swimming-bath", "snow-clearing", "football-pitch", "energy-use", "cloudburst"],
)
def test_a_thing_asked_in_the_genres_other_word_is_found_by_the_reports(tmp_path, name, text, question, expected):
    report = answerer_of(tmp_path, name, text)
    result = report.ask(question)
    assert all(e in result.answer for e in expected), result.answer
