"""Figures the report implies, worked out and shown: the place the year before from a climb or a
fall ("klättrade fyra placeringar till plats 11": from place 15, 11 + 4), and a change between two
years of a table row ("förändring +1 250 (21 400 − 20 150), +6,2 %"). On a report written for these
tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Fritidsnämnden

1 Jämförelser

I Friluftsfrämjandets ranking av friluftskommuner klättrade kommunen fyra placeringar till plats 11
av 290 kommuner.

I Svensk Idrotts kommunindex tappade kommunen tre placeringar och hamnade på plats 48 av 290.

2 Besökare

Antal besök per anläggning\t2023\t2024\t2025
Simhallen\t19 800\t20 150\t21 400
Ishallen\t14 100\t13 600\t12 950
Andel nöjda besökare, %\t81\t84\t86
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("worked"), "fritid-2025.txt", REPORT)


@pytest.mark.parametrize(
    ("question", "now", "before"),
    [
        ("Vilken plats fick kommunen bland friluftskommunerna, och vilken plats hade den året innan?", "11", "15"),
        ("Where did the municipality rank in Svensk Idrott's index, and where was it the year before?", "48", "45"),
    ],
)
def test_the_place_before_is_worked_out_from_the_climb_or_fall(report, question, now, before):
    result = ask(report, question)
    assert result.answered, result.answer
    assert f"{now} " in result.answer or result.answer.endswith(now)
    # The place before is not in the report: it is the place now and the change, shown as a sum.
    assert f"{before} ({now} " in result.answer


def test_a_change_between_two_years_is_worked_out_from_the_cited_cells(report):
    result = ask(report, "Hur mycket ökade antalet besök i simhallen från 2024 till 2025?")
    assert result.answered, result.answer
    assert "+1 250 (21 400 − 20 150)" in result.answer
    assert "+6,2 %" in result.answer
    assert any("21 400" in c.quote for c in result.citations)
    assert any("20 150" in c.quote for c in result.citations)


def test_a_fall_is_worked_out_with_its_sign(report):
    result = ask(report, "How much did visits to the ice rink decrease between 2024 and 2025?")
    assert result.answered, result.answer
    assert "−650 (12 950 − 13 600)" in result.answer


def test_a_change_of_percentages_is_not_given_again_in_percent(report):
    result = ask(report, "Hur förändrades andelen nöjda besökare mellan 2024 och 2025?")
    assert result.answered, result.answer
    assert "+2 (86 − 84)" in result.answer
    assert "%" not in result.answer.split("(86 − 84)")[1].split("(")[0]


def test_a_figure_of_one_year_is_given_without_a_change(report):
    result = ask(report, "Hur många besök hade simhallen 2025?")
    assert "21 400" in result.answer
    assert "−" not in result.answer and "+" not in result.answer
