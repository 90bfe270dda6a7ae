"""The genre's acronyms that reports use without spelling out ("VA-kollektivet"): a question that
writes the words ("vatten och avlopp") finds them; "Vilken kostnad … mest" is no income's shortfall.
On a report written for these tests."""

from __future__ import annotations

from .conftest import answerer_of

REPORT = """\
Årsredovisning 2025 Kvarnby Vatten AB

1 Ekonomi

1.1 Avfallskollektivet

Insamlingen av hushållsavfall blev 3 760 tkr dyrare än budgeterat, eftersom det nya avtalet
började gälla i mars.

1.2 VA-kollektivet

Tabell 8. Driftredovisning VA-kollektivet (tkr)
Verksamhet\tBudget 2025\tUtfall 2025\tAvvikelse
Brukningsavgifter\t228 400\t224 150\t-4 250
Anläggningsavgifter\t9 200\t12 780\t3 580
Vattenproduktion\t-38 600\t-41 920\t-3 320
Ledningsnät vatten\t-27 300\t-29 850\t-2 550
Reningsverk\t-46 800\t-44 270\t2 530
Resultat\t6 400\t2 400\t-4 000

Kostnaden för vattenproduktion överskred budget med 3 320 tkr, främst till följd av högre priser
på fällningskemikalier.
"""


def test_the_words_of_an_acronym_find_what_the_report_writes_with_it(tmp_path):
    report = answerer_of(tmp_path, "vatten-2025.txt", REPORT)
    result = report.ask("Vilken kostnad inom vatten och avlopp drog över budget mest, och vad berodde det på?")
    assert "3 320" in result.answer and "fällningskemikalier" in result.answer, result.answer
    assert "3 760" not in result.answer and "4 250" not in result.answer, result.answer


ADULT_EDUCATION = """\
Verksamhetsberättelse 2025 Vuxenutbildningsnämnden

1 Nyckeltal

Tabell 1 Nyckeltal i sammandrag
Nyckeltal\t2023\t2024\t2025
Elever i SFI, antal\t512\t496\t447
Elever i komvux, antal\t1 210\t1 180\t1 260

Under 2025 hade 612 elever elevkort, jämfört med 574 året innan.
"""


def test_the_year_before_asked_beside_an_acronyms_words_is_the_tables_column(tmp_path):
    report = answerer_of(tmp_path, "vux-2025.txt", ADULT_EDUCATION)
    result = report.ask("Hur många elever hade svenska för invandrare 2025, jämfört med året innan?")
    assert "447" in result.answer and "496" in result.answer, result.answer
