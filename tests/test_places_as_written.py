"""Places in rankings as reports write them: an ordinal word ("femte plats") shown as written, a
year after a place ("sjunde plats 2025") never read as a place, the place before given first ("från
plats 187 till plats 164"), a word capitalised only because it opens a sentence ("Glädjande är att
…") no ranking's name, and a table whose caption says its figures are places answering a ranking
question. On a report written for these tests."""

from __future__ import annotations

import pytest

from doksvar.facts.rankings import inside_capitalised, list_name, sentence_rankings

from .conftest import answerer_of, ask

REPORT = """\
Verksamhetsberättelse 2026 Omsorgsnämnden i Lillby

1 Jämförelser

1.1 Öppna jämförelser

Tabell 3 visar Lillbys placering bland landets 290 kommuner, där plats 1 är bäst.

Tabell 3. Lillbys placering i Öppna jämförelser, rang av 290 kommuner
Område\t2025\t2026
Hemtjänst, sammanvägt\t142\t118
Särskilt boende\t96\t104

Glädjande är att brukarna är mer nöjda än tidigare, och vi har klättrat till plats 31 i den nationella
brukarmätningen.

1.2 Liknande kommuner

I jämförelsegruppen av tio liknande kommuner i Kolada hamnar Lillby på fjärde plats sammantaget,
jämfört med sjätte plats 2025.

2 Ekonomi

Nämnden redovisar ett överskott på 2,1 mnkr mot budget.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("places"), "omsorg-2026.txt", REPORT)


def test_a_year_after_a_place_is_not_a_place():
    (found,) = sentence_rankings("I gruppen hamnar Lillby på fjärde plats sammantaget, jämfört med sjätte plats 2025.")
    assert (found["rank"], found["previous"]) == (4, 6)
    assert found["said"] == "fjärde plats"


def test_the_place_before_may_come_first():
    (found,) = sentence_rankings("Kommunen förbättrar sin placering med 24 platser, från plats 142 till plats 118.")
    assert (found["rank"], found["previous"]) == (118, 142)


@pytest.mark.parametrize(
    "question",
    [
        "Hur placerar sig Lillby bland liknande kommuner, och vilken plats hade kommunen 2025?",
        "How does Lillby rank among similar municipalities, and has that changed since last year?",
    ],
)
def test_a_place_written_in_words_is_shown_as_the_report_writes_it(report, question):
    result = ask(report, question)
    assert result.answered, result.answer
    assert "fjärde plats" in result.answer and "sjätte plats" in result.answer
    assert "2025 plats" not in result.answer.lower() and "place 2025" not in result.answer.lower()


def test_a_sentence_opening_word_names_no_ranking():
    sentence = "Glädjande är att brukarna är nöjda, och vi har klättrat till plats 31 i brukarmätningen."
    assert list_name(sentence, sentence, set(), inside_capitalised(REPORT)) == ""
    assert list_name("Kolada visar att Lillby ligger på plats 4.", "", set(), inside_capitalised(REPORT)) == "Kolada"


def test_a_table_of_places_answers_a_ranking_question(report):
    result = ask(
        report,
        "Vilken placering fick Lillby i Öppna jämförelser för hemtjänsten, och vilken plats hade kommunen året innan?",
    )
    assert result.answered, result.answer
    assert "118" in result.answer and "142" in result.answer


SURVEY = """\
# Årsredovisning 2025 Miljöförbundet

## 5 Kundnöjdhet

Tabell 6. Nöjd-kund-index och placering i Insikt

| Myndighetsområde | NKI 2024 | NKI 2025 | Placering 2024 | Placering 2025 |
|---|---|---|---|---|
| Miljö- och hälsoskydd | 69 | 74 | 94 av 180 | 61 av 183 |
| Livsmedelskontroll | 77 | 81 | 45 av 171 | 22 av 175 |
| Totalt | 72 | 77 | 71 av 189 | 38 av 196 |
"""


def test_a_place_written_as_so_many_of_so_many_in_a_cell_is_a_place(tmp_path):
    report = answerer_of(tmp_path, "miljo-2025.md", SURVEY)
    result = ask(report, "Vilken placering fick livsmedelskontrollen i Insikt 2025?")
    assert result.answered, result.answer
    assert "22 av 175" in result.answer
