"""A verb with its particle asked for the noun the report makes of it ("köptes in": "inköpen",
"hyrdes ut": "uthyrningen"), and a share asked of a report whose tables hold a count that names the
subject better than the percentage does. On a report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Fritidsnämnden

1 Verksamheten

Inköpen från lokala leverantörer uppgick till 3,4 mnkr under året, en ökning med 0,6 mnkr.
Nämnden upphandlade nya avtal för drift av idrottshallarna under våren.

Uthyrningen av idrottshallarna omfattade 1 860 timmar, varav 640 timmar till föreningar.
Bokningssystemet byttes i mars.

2 Personal

2.1 Nyckeltal

Nyckeltal 2025\tVärde
Tillsvidareanställda (31 december)\t148
Visstidsanställda (31 december)\t22
Antal chefer\t9

Andelen kvinnor bland de tillsvidareanställda är 57 procent.

2.2 Personalomsättning

Personalomsättningen mäts som antalet tillsvidareanställda som lämnat nämnden under året i
förhållande till antalet tillsvidareanställda.

Personalomsättning\t2024\t2025
Avgångar tillsvidareanställda, antal\t17\t13
Personalomsättning, %\t11,2\t8,8
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("particles"), "fritid-2025.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur mycket köptes in under året?", "3,4"),
        ("Hur många timmar hyrdes ut?", "1 860"),
    ],
)
def test_a_verb_and_its_particle_find_the_noun_the_report_makes_of_them(report, question, figure):
    result = ask(report, question)
    assert result.answered, result.answer
    assert figure in result.answer


def test_a_share_is_answered_with_the_percentage_not_a_count_that_names_the_subject(report):
    result = ask(report, "Hur stor andel av de tillsvidareanställda slutade under 2025?")
    assert result.answered, result.answer
    assert "8,8" in result.answer
    assert "148" not in result.answer


EVENTS = """\
Årsredovisning 2025 Kulturnämnden

1 Viktiga händelser

Efter fjorton månaders ombyggnad återinvigdes Stadsbiblioteket i Åby den 4 maj med en
författarkväll. Nämnden beslutade samtidigt om nya öppettider för filialerna.

Kulturskolans nya lokaler i Åby togs i bruk under hösten, och antalet elever ökade med 40.
Kulturnatten arrangerades igen i september, och nämnden vill öppna fler mötesplatser för unga besökare.

2 Ekonomi

Nämnden redovisar ett överskott på 1,1 mnkr, främst till följd av vakanta tjänster.
"""


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("events"), "kultur-2025.txt", EVENTS)


def test_a_sentence_with_the_questions_specific_words_answers_though_its_everyday_words_are_missing(events):
    # "öppna igen" is everyday Swedish the report does not write; "biblioteket" and "ombyggnaden" are
    # the subject, and the sentence that holds them answers.
    result = ask(events, "När kunde biblioteket öppna för besökare igen efter ombyggnaden?")
    assert result.answered, result.answer
    assert "4 maj" in result.answer


def test_a_question_whose_specific_subject_the_report_lacks_is_still_declined(events):
    result = ask(events, "Hur många besökare hade biblioteket i Åby under sommaren?")
    assert not result.answered, result.answer


MEALS = """\
Årsredovisning 2025 Servicenämnden

1 Måltider och besöksnäring

Skolmåltiderna kostade 14,6 mnkr under året, 0,4 mnkr mer än budgeterat.

Campingen hade 38 200 gästnätter under säsongen, en ökning med 6 procent.

Lokalvården städade 212 000 kvadratmeter.
"""


@pytest.fixture(scope="module")
def meals(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("meals"), "service-2025.txt", MEALS)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # The compound's head said with another word reports use for it: "skolmat" for "skolmåltider".
        ("Vad kostade skolmaten under året?", "14,6"),
        ("Hur många övernattningar hade campingen?", "38 200"),
    ],
)
def test_a_word_is_found_under_the_word_reports_use_for_it(meals, question, figure):
    result = ask(meals, question)
    assert result.answered, result.answer
    assert figure in result.answer
