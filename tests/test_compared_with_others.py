"""A figure asked in comparison with others ("compare with the others in the county", "än i andra
hamnar") is answered with the others' figure beside the report's own, not with the own figure alone.
On a report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Räddningstjänsten Norrdal

1 Verksamheten

Förbundets kostnad per invånare var 1 512 kronor 2025. Det är den tredje lägsta nivån bland länets
sju förbund, där snittet var 1 690 kronor.

Kunderna i gästhamnen gav betyget 4,2 av 5, medan gästhamnarna i andra kustkommuner i snitt fick 3,9.

2 Ekonomi

Resultaträkning (tkr)\tUtfall 2025\tBudget 2025
Verksamhetens kostnader\t-98 400\t-97 000
Kostnad per invånare, kr\t1 512\t1 480
Betyg gästhamnen\t4,2\t4,0
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("others"), "norrdal-2025.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "others"),
    [
        ("How does the cost per inhabitant compare with the others in the county?", "1 690"),
        ("Är kunderna nöjdare med gästhamnen än i andra kustkommuner?", "3,9"),
    ],
)
def test_a_comparison_with_others_is_answered_with_their_figure(report, question, others):
    result = ask(report, question)
    assert result.answered, result.answer
    assert others in result.answer


@pytest.mark.parametrize(
    "question",
    [
        "Är kostnaden per invånare högre än i övriga förbund?",
        "Är kostnaden per invånare lägre än hos andra förbund?",
    ],
)
def test_the_own_figure_alone_weighs_less_when_others_are_asked_about(report, question):
    # The table's row gives the association's own cost, none of the others': on the one scale it
    # loses what a sentence giving both keeps.
    from doksvar.answer import intent_of, read_question, tables
    from doksvar.answer.score import weigh

    q = read_question(question, report.store.vocab)
    own = tables.answer_table(report, q)
    assert own is not None and "1 512" in own.answer
    assert "others" in weigh(report, q, report.ground(own), "table", intent_of(q)).features


STAFF = """\
Årsredovisning 2025 Vatten och Avfall AB

1 Verksamheten

Bolaget levererade 4,1 miljoner kubikmeter dricksvatten under året.

Insamlingen av matavfall ökade med 6 procent till 3 120 ton.

Två nya återvinningscentraler öppnade i maj.

Ledningsnätet förnyades på 3,2 kilometer.

2 Personal

Bolaget hade 212 medarbetare vid årets slut.

Sjukfrånvaron bland kvinnor var 7,1 procent och bland män 4,0 procent.
"""


@pytest.fixture(scope="module")
def staff(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("staff"), "va-2025.txt", STAFF)


def test_the_staff_named_with_a_group_asks_for_the_groups_figure(staff):
    # "medarbetarna" is who every staff figure is of; "kvinnliga" and the sick leave say which figure.
    result = ask(staff, "Hur mycket var de kvinnliga medarbetarna sjukskrivna?")
    assert result.answered, result.answer
    assert "7,1" in result.answer


def test_the_staff_counted_is_still_the_subject(staff):
    result = ask(staff, "Hur många medarbetare hade bolaget vid årets slut?")
    assert result.answered, result.answer
    assert "212" in result.answer
