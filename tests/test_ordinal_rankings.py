"""A place told as an ordinal superlative among a counted group ("den tredje högsta andelen … bland
de nio kommunerna", "den näst största ökningen av de 21 regionerna") is a place in a ranking, of that
many. On sentences and a report written for these tests."""

from __future__ import annotations

import pytest

from doksvar.facts.rankings import sentence_rankings

from .conftest import answerer_of


@pytest.mark.parametrize(
    ("sentence", "rank", "of"),
    [
        ("Inom länet har Vikby den tredje högsta andelen elever med examen inom tre år bland de nio kommunerna.", 3, 9),
        ("Antalet aktivitetstillfällen per invånare är det tredje högsta bland länets nio kommuner.", 3, 9),
        ("Resandet ökade med 3,6 procent, den näst största ökningen av de 21 regionerna.", 2, 21),
        ("Kostnaden per elev är den femte lägsta av landets 290 kommuner.", 5, 290),
    ],
)
def test_an_ordinal_superlative_among_a_counted_group_is_a_place(sentence, rank, of):
    found = sentence_rankings(sentence)
    assert [(r["rank"], r["of"]) for r in found] == [(rank, of)], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Studieresultaten har förbättrats för tredje året i följd.",
        "Den tredje största posten är lokalkostnaderna.",
    ],
)
def test_an_ordinal_without_a_counted_group_is_no_place(sentence):
    assert sentence_rankings(sentence) == []


REPORT = """\
Verksamhetsberättelse 2025 Gymnasienämnden i Vikby

1 Resultat

Andelen elever med examen inom tre år ökade till 72,4 procent. Inom länet har Vikby den tredje
högsta andelen elever med examen inom tre år bland de nio kommunerna, jämfört med femte plats året
innan.

Studieresultaten har förbättrats för tredje året i följd.
"""


def test_the_place_is_answered_with_the_earlier_one(tmp_path):
    report = answerer_of(tmp_path, "gvn-2025.txt", REPORT)
    result = report.ask("Vilken plats har Vikby i länet när det gäller examen inom tre år?")
    assert "3 av 9" in result.answer and "5" in result.answer, result.answer
