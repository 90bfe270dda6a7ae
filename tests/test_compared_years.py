"""Annual reports give last year's figure in parentheses after this year's ("uppgick till 6,9 procent
(9,6 procent 2024)"): that sentence answers for the year reported on, not for the year in
parentheses. And the genre's everyday wording: "räknar med" asks for a forecast as "väntas" does,
"slutade" is staff turnover, "lämna pengar över" a surplus, "vad gjorde att" asks why, "bland
medarbetare" is all staff, "head of … took over" a change of leadership. On reports written for these
tests."""

from __future__ import annotations

import pytest

from doksvar.answer.question import read_question
from doksvar.answer.score import asks_reason
from doksvar.lang.words import own_years

from .conftest import answerer_of, ask

ANNUAL = """\
Årsredovisning 2025

Hamnbolaget i Lindby AB

1 Förvaltningsberättelse

Bolagets nettoomsättning uppgick till 96 850 tkr (95 120 tkr 2024). Antalet anlöp var 1 210.

2 Personal

Vid årets slut hade bolaget 61 tillsvidareanställda (59 år 2024), varav 15 kvinnor.

Personalomsättningen, beräknad som antalet tillsvidareanställda som lämnat bolaget i
förhållande till genomsnittligt antal årsarbetare, uppgick till 6,9 procent (9,6 procent 2024).
Kranförare är fortsatt ett svårrekryterat yrke.
"""

INTERIM = """\
Delårsrapport januari–augusti 2026

Tekniska nämnden

1 Ekonomi

Av investeringsbudgeten beräknas 3 400 tkr inte förbrukas under 2026, och nämnden begär att
medlen förs över till 2027.

För helåret pekar prognosen på ett underskott mot budget om 2,7 mnkr, främst till följd av
högre licenskostnader.

2 Verksamhet

Antalet ärenden till servicedesk var 21 300 under perioden.
"""


def test_a_figure_of_last_year_in_parentheses_is_the_comparison():
    assert own_years("uppgick till 6,9 procent (9,6 procent 2024).") == frozenset()
    assert own_years("hade 61 anställda (59 år 2024) vid utgången av 2025") == {2025}
    # A year in parentheses on its own is no comparison figure: it dates what stands before it.
    assert own_years("Utfallet (2024) var 5,1 mnkr") == {2024}


def test_the_sentence_with_last_years_figure_in_parentheses_answers_for_the_report_year(tmp_path):
    a = answerer_of(tmp_path, "hamn.txt", ANNUAL)
    result = ask(a, "Hur hög var personalomsättningen 2025?")
    assert result.answered, result.answer
    assert "6,9 procent" in result.answer


def test_raknar_med_asks_for_the_forecast(tmp_path):
    a = answerer_of(tmp_path, "tn.txt", INTERIM)
    result = ask(a, "Hur mycket räknar nämnden med att gå back för helåret?")
    assert result.answered, result.answer
    assert "2,7" in result.answer and "3 400" not in result.answer


def test_staff_who_left_is_the_staff_turnover_not_the_end_of_the_year(tmp_path):
    a = answerer_of(tmp_path, "hamn.txt", ANNUAL)
    # "slutade" (left) asks for personalomsättningen; "vid årets slut" (the year's end) is no answer.
    for question in ("Hur hög var personalomsättningen?", "Hur stor del av de anställda slutade under 2025?"):
        result = ask(a, question)
        assert "6,9 procent" in result.answer, (question, result.answer)


ITEMS = """\
Delårsrapport januari–augusti 2026

IT-nämnden

4.3 Kommentarer till avvikelser per verksamhet

Servicedesk och användarstöd (+1 240 tkr). Verksamheten redovisar ett överskott mot budget som
beror på tre vakanta tjänster som supporttekniker.

Gemensamma digitaliseringsprojekt (+2 100 tkr). Projektet e-arkiv kan inte starta som planerat
eftersom upphandlingen har överprövats.

Licenser och avtal (-4 300 tkr). Leverantören har infört en ny prismodell.
"""


def test_which_item_leaves_most_money_over_is_the_largest_surplus(tmp_path):
    a = answerer_of(tmp_path, "itn.txt", ITEMS)
    # "lämna … pengar över" is which way it went, not a subject; a sentence of one item's surplus
    # that does not call it the largest loses to the ranking of every item.
    result = a.ask("Vilken verksamhet väntas lämna mest pengar över i år, och varför?")
    assert result.answered, result.answer
    assert "2 100" in result.answer and "1 240" not in result.answer


BOARD = """\
Årsredovisning 2025

Hamnbolaget i Lindby AB

4 Ekonomi

4.3 Analys av budgetavvikelserna

Godshamnen redovisar ett rörelseresultat på 10 860 tkr, vilket är 3 340 tkr sämre än budget.

Fiskehamnen gick med ett underskott på 2 310 tkr, vilket är 860 tkr mer än det underskott som
ägaren accepterat i budgeten. Avvikelsen beror främst på att kylanläggningen i
fiskeauktionshallen havererade i juli och fick bytas ut, en kostnad på 540 tkr som inte var
budgeterad. Därtill minskade landningarna av strömming i samband med sänkta fiskekvoter, vilket
gav lägre intäkter från isverket och kajavgifter. Stormskadorna på vågbrytaren har delvis täckts
av försäkringen och påverkar därför avvikelsen marginellt.

Gästhamnen redovisar ett överskott på 420 tkr mot budget.
"""


def test_what_made_it_so_asks_why(tmp_path):
    a = answerer_of(tmp_path, "hamn.txt", BOARD)
    for question in (
        "Vad var det som gjorde att fiskehamnen gick mer back än man hade räknat med?",
        "Vad gjorde att fiskehamnen gick back?",
        "What made the fishing harbour lose money?",
    ):
        assert asks_reason(read_question(question, a.store.vocab)), question
    result = ask(a, "Vad var det som gjorde att fiskehamnen gick mer back än man hade räknat med?")
    assert "860" in result.answer and "kylanläggningen" in result.answer, result.answer


STAFF = """\
Årsredovisning 2025

Hamnbolaget i Lindby AB

8 Personal

8.1 Antal anställda

Vid årets slut hade bolaget 61 tillsvidareanställda, varav 15 kvinnor och 46 män. Bolagets
medarbetare arbetar i tre enheter: godshamnen, färjeterminalen och fiskehamnen.

8.2 Sjukfrånvaro

Sjukfrånvaro i procent av ordinarie arbetstid, per kön och ålder
Grupp\t2023\t2024\t2025
Kvinnor\t7,1\t6,3\t5,9
Män\t5,6\t4,9\t4,4
29 år eller yngre\t2,8\t3,4\t3,1
50 år eller äldre\t7,4\t6,8\t6,2
Total sjukfrånvaro\t5,9\t5,2\t4,7
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur hög var sjukfrånvaron bland medarbetare som är 50 år eller äldre 2025?", "6,2"),
        ("Hur stor var sjukfrånvaron bland kvinnliga medarbetare 2023?", "7,1"),
    ],
)
def test_among_the_staff_is_everyone_not_a_unit_the_answer_must_name(tmp_path, question, figure):
    _answers_with(answerer_of(tmp_path, "hamn.txt", STAFF), question, figure)


LEADERS = """\
Delårsrapport januari–augusti 2026

IT-nämnden

2 Viktiga händelser

Den 1 mars 2026 tillträdde Helena Ström som IT-direktör och förvaltningschef. Hon efterträdde
Anders Lindqvist, som gick i pension.

Nämnden antog en ny strategi för informationssäkerhet den 14 maj.
"""


@pytest.mark.parametrize(
    ("question", "said"),
    [("When did the new head of IT take over?", "1 mars"), ("Who did the new head of IT succeed?", "Lindqvist")],
)
def test_english_words_for_a_new_head_taking_over(tmp_path, question, said):
    _answers_with(answerer_of(tmp_path, "itn.txt", LEADERS), question, said)


def _answers_with(answerer, question: str, said: str) -> None:
    result = ask(answerer, question)
    assert result.answered and said in result.answer, result.answer
