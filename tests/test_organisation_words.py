"""A word for the reporting organisation ("staden", "kommunens") is no subject a report must
mention; a compound that only begins like one ("stadsmuseet", "regionaltåget") names an
item like any other word, and a report without it says so. On a report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Delårsrapport augusti 2026 Kultur- och fritidsnämnden i Norrstad

1 Ekonomi

Tabell 1. Prognos helår 2026 per verksamhet, tkr
Verksamhet\tBudget\tPrognos\tAvvikelse
Stadsbiblioteket\t-24 500\t-24 100\t400
Fritidsgårdar\t-11 200\t-11 950\t-750
Kulturskolan\t-15 800\t-15 800\t0
Summa\t-51 500\t-51 850\t-350

Fritidsgårdarna kostar mer än budgeterat eftersom staden driver tre gårdar med generösa öppettider.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("orgwords"), "kultur-2026.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Vad kostar stadsmuseet att driva i år?", "stadsmuseet"),
        ("Hur mycket kostar regionaltåget för kommunen i år?", "regionaltåget"),
    ],
)
def test_a_compound_beginning_like_an_organisation_word_is_a_subject(report, question, missing):
    result = ask(report, question)
    assert not result.answered and missing in result.answer, result.answer
