"""A figure compared with the country's or an average ("jämfört med riket", "mot genomsnittet",
"compared with the national average") is answered with the organisation's figure and the country's,
not with a place in a list. On a report written for these tests."""

from __future__ import annotations

from .conftest import answerer_of

REPORT = """\
Delårsrapport januari–augusti 2026 Hälso- och sjukvårdsnämnden, Region Norrmark

1 Tillgänglighet

Tabell 2. Andel patienter inom vårdgarantins gränser, augusti, procent

Indikator\tNorrmark 2026\tNorrmark 2025\tRiket 2026\tMålvärde
Kontakt med primärvården samma dag\t88\t85\t90\t95
Första besök specialiserad vård inom 90 dagar\t70\t64\t73\t80
Operation/åtgärd inom 90 dagar\t59\t57\t65\t75

Andelen som fått ett första besök inom 90 dagar har ökat men ligger under riksgenomsnittet.

2 Jämförelser

I Väntetider i vården placerade sig regionen på plats 15 av 21 regioner, samma plats som året innan.
"""


def test_a_comparison_with_the_country_gives_both_figures_of_the_row_asked(tmp_path):
    report = answerer_of(tmp_path, "hsn-delar-2026.txt", REPORT)
    result = report.ask(
        "Hur ligger regionen till jämfört med riket när det gäller andelen patienter som blir opererade inom 90 dagar?"
    )
    # "opererade" is the verb of the row's "Operation"; the country's column is the second figure.
    assert "Operation/åtgärd inom 90 dagar" in result.answer, result.answer
    assert result.answer.index("59") < result.answer.index("65"), result.answer


def test_a_comparison_with_the_national_average_in_english_gives_both_figures(tmp_path):
    report = answerer_of(tmp_path, "hsn-delar-2026.txt", REPORT)
    result = report.ask("How does the share of patients operated on within 90 days compare with the national average?")
    assert "59" in result.answer and "65" in result.answer, result.answer


def test_a_place_asked_beside_the_country_is_still_a_place(tmp_path):
    report = answerer_of(tmp_path, "hsn-delar-2026.txt", REPORT)
    result = report.ask("Vilken plats fick regionen i Väntetider i vården jämfört med riket?")
    assert "15" in result.answer, result.answer


PROSE = """\
Verksamhetsberättelse 2025 Socialnämnden, Tallvik kommun

1 Jämförelser

Enligt Kolada var Tallviks kostnad för ekonomiskt bistånd 1 512 kronor per invånare 2025. Det är den
fjärde högsta kostnaden i länet. Året innan låg kommunen på sjätte plats. Genomsnittet för länet var
1 204 kronor och för riket 1 310 kronor per invånare.

Av de elever som började på ett nationellt program hösten 2022 tog 74,8 procent examen inom tre år. Motsvarande
andel i riket var 70,9 procent. Skillnaden har ökat sedan året innan.
"""


def test_the_others_figure_comes_with_the_organisations_own_told_before_it(tmp_path):
    report = answerer_of(tmp_path, "son-2025.txt", PROSE)
    result = report.ask(
        "Hur står sig kommunens kostnad för ekonomiskt bistånd per invånare mot genomsnittet i hela landet?"
    )
    assert "1 512" in result.answer and "1 310" in result.answer, result.answer
    result = report.ask(
        "How does the share of students getting a diploma within three years compare with the national average?"
    )
    assert "74,8" in result.answer and "70,9" in result.answer, result.answer


KOLADA = """\
# Delårsrapport januari–augusti 2026 Fritidsnämnden, Granvik kommun

## 1 Verksamheten

| Nyckeltal | 2024 | 2025 |
|:--|--:|--:|
| Besök per invånare, Granviksbadet | 6,1 | 6,4 |
| Besök per invånare, idrottshallar | 9,0 | 9,3 |

## 2 Jämförelser

| Nyckeltal (Kolada), 2025 | Granvik | Liknande kommuner | Riket |
|:--|--:|--:|--:|
| Nettokostnad fritidsverksamhet, kr/inv | 4 120 | 3 940 | 3 700 |
| Nettokostnad fritidsgårdar, kr/inv | 870 | 850 | 800 |
"""


def test_the_table_with_the_country_beside_the_organisation_answers_a_comparison(tmp_path):
    report = answerer_of(tmp_path, "ffn-delar-2026.md", KOLADA)
    # "Granvik's" names the organisation, not the swimming baths called after it.
    result = report.ask(
        "How does Granvik's spending on leisure activities per resident compare with the national average?"
    )
    assert "4 120" in result.answer and "3 700" in result.answer, result.answer
    result = report.ask("Lägger Granvik mer pengar per invånare på fritidsverksamhet än genomsnittet i Sverige?")
    assert "4 120" in result.answer and "3 700" in result.answer, result.answer


def test_the_year_befores_figure_told_next_comes_with_this_years(tmp_path):
    report = answerer_of(
        tmp_path,
        "run-2026.txt",
        "Tertialrapport 2 2026 Regionala utvecklingsnämnden\n\n1 Personal\n\n"
        "Personalomsättningen, mätt som andelen tillsvidareanställda som slutat under de senaste tolv "
        "månaderna, uppgick till 9,1 procent. Ett år tidigare var den 11,2 procent. Den lägre omsättningen "
        "gäller framför allt handläggare.\n",
    )
    result = report.ask("Hur stor andel av de anställda har slutat det senaste året, och hur var det året före?")
    assert "9,1" in result.answer and "11,2" in result.answer, result.answer
