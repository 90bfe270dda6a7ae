"""A place in a national comparison read from a table's column of places ("Placering", "Placering
2025"): asked where the organisation ranks, in English or Swedish, with the place of the year before
when the question asks how it moved. On a report written for these tests."""

from __future__ import annotations

from .conftest import answerer_of

REPORT = """\
# Delårsrapport januari–augusti 2026 Fritidsnämnden, Ekdals kommun

## 1 Verksamheten

Fritidsnämnden driver simhallen, sex idrottshallar och fyra fritidsgårdar. Besöken i simhallen ökade
under perioden.

## 2 Jämförelser för bibliotek, idrott och fritid

Jämförelserna bygger på Kolada och avser utfall 2025. Placeringen anger Ekdals plats bland landets 290
kommuner, där plats 1 innebär lägst kostnad respektive flest besök.

| Nyckeltal (Kolada) | Ekdal 2024 | Ekdal 2025 | Riket 2025 | Placering 2024 | Placering 2025 |
|:--|--:|--:|--:|--:|--:|
| Nettokostnad idrotts- och fritidsanläggningar, kr/inv | 2 640 | 2 790 | 2 310 | 221 | 237 |
| Nettokostnad fritidsgårdar, kr/inv | 880 | 910 | 810 | 180 | 191 |
| Besök i folkbibliotek, antal/invånare | 7,9 | 8,6 | 5,3 | 48 | 36 |
| Fysiska lån i folkbibliotek, antal/invånare | 7,4 | 7,1 | 5,8 | 57 | 61 |

Ekdal har högre kostnader för anläggningar än riket, främst på grund av simhallens storlek.
"""


def test_where_the_organisation_ranks_is_read_from_the_column_of_places(tmp_path):
    report = answerer_of(tmp_path, "ffn-delar-2026.md", REPORT)
    result = report.ask(
        "Where does Ekdal rank among Swedish municipalities on the cost per inhabitant of its sports and leisure "
        "facilities?"
    )
    assert result.answered and "237" in result.answer, result.answer
    assert "Placering" in result.answer, result.answer


def test_the_place_of_the_year_before_of_the_same_column_kind_answers_how_it_moved(tmp_path):
    report = answerer_of(tmp_path, "ffn-delar-2026.md", REPORT)
    result = report.ask(
        "Where does Ekdal rank nationally for library visits per resident, and has it moved up or down since the "
        "previous year?"
    )
    # The visits' row (not the loans' one, which names only "bibliotek"), this year's place and last year's.
    assert "Besök i folkbibliotek" in result.answer, result.answer
    assert "Placering 2025: 36" in result.answer and "Placering 2024: 48" in result.answer, result.answer
    # Places move by places: no percentage of a place.
    assert "%" not in result.answer, result.answer
