""" "Hur mycket … lagt på N", "… betalat för N": N is what is measured, and a report that never
mentions it says so rather than giving another figure of the same table. On a report written for
these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Delårsrapport augusti 2026 Socialnämnden

1 Ekonomi

Tabell 1. Driftredovisning per verksamhet, tkr
Verksamhet\tBudget helår\tUtfall jan–aug\tPrognos helår
Nämnd och förvaltningsgemensamt\t-24 600\t-15 100\t-23 400
Försörjningsstöd\t-41 000\t-29 800\t-44 100
Barn och unga\t-88 300\t-61 200\t-92 500

Förvaltningen har under året köpt utbildning i motiverande samtal för 420 tkr.

Nämnden väntas gå 7,3 mnkr över budget för helåret, främst inom barn och unga.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("measured"), "son-2026.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Hur mycket har förvaltningen lagt på konsulter hittills i år?", "konsulter"),
        ("Hur mycket har socialförvaltningen betalat för tolkar under januari–augusti?", "tolkar"),
        ("Hur mycket koldioxid släppte förvaltningens bilar ut i år?", "koldioxid"),
    ],
)
def test_what_is_measured_decides_when_the_report_lacks_it(report, question, missing):
    result = ask(report, question)
    assert not result.answered and missing in result.answer, result.answer


def test_what_is_measured_answers_where_the_report_has_it(report):
    result = ask(report, "Hur mycket har förvaltningen lagt på utbildning i år?")
    assert "420" in result.answer, result.answer


def test_a_verb_right_after_hur_mycket_is_no_measured_noun(report):
    result = ask(report, "Hur mycket drog nämnden över budget i år?")
    assert "7,3" in result.answer, result.answer
