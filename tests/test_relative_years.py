""" "Förra året", "i fjol", "last year": of an interim report, the year before the one it reports on;
of an annual report, the year it reports on. And "vinst eller förlust", "plus eller minus" ask
either way. On reports written for these tests."""

from __future__ import annotations

import pytest

from doksvar.answer.question import directions

from .conftest import answerer_of, ask

INTERIM_SAID_LAST_YEAR = """\
---
title: "Delårsrapport januari–april 2026"
nämnd: "Servicenämnden"
---

# Delårsrapport januari–april 2026

## 1 Sammanfattning

Nämndens nettokostnad för januari–april blev 25 990 tkr, att jämföra med en periodbudget på
24 410 tkr. Det innebär ett underskott på 1 580 tkr för årets fyra första månader.

För helåret bedöms nämnden överskrida sin ram med 4,8 mnkr. I fjol slutade nämnden på ett
underskott på 3,2 mnkr.

## 2 Verksamhet

Måltidsservice serverade 1 146 300 portioner under perioden.
"""

INTERIM_SAID_BY_YEAR = """\
LINDBY KOMMUN

Kultur- och fritidsnämnden

Delårsrapport januari–augusti 2026


1 Ekonomi

Kultur- och fritidsnämnden redovisar för perioden januari–augusti 2026 en nettokostnad på 133,8
mnkr. Det är 270 tkr mer än den periodiserade budgeten för samma period.

Som jämförelse redovisade nämnden i bokslutet för 2025 ett överskott på 2 310 tkr.


2 Verksamhet

Biblioteken hade 212 000 besök under perioden.

Tabell 2. Sjukfrånvaro per verksamhet januari–augusti
Verksamhet\tSjukfrånvaro 2026 (%)\tSjukfrånvaro 2025 (%)
Bibliotek\t5,1\t6,3
Fritidsgårdar\t9,6\t8,1
"""

ANNUAL = """\
Årsredovisning 2025 Tekniska nämnden

1 Ekonomi

Tekniska nämnden redovisar för 2025 ett underskott på 900 tkr mot budget.

År 2024 redovisade nämnden ett överskott på 410 tkr.

2 Verksamhet

Gatuenheten lagade 1 240 potthål under året.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("years")


def test_last_year_of_an_interim_report_is_the_year_before_it(folder):
    sub = folder / "a"
    sub.mkdir()
    answerer = answerer_of(sub, "service-t1-2026.md", INTERIM_SAID_LAST_YEAR)
    got = ask(answerer, "Hur stort blev nämndens underskott i fjol?")
    assert got.answered
    assert "3,2" in got.answer and "1 580" not in got.answer


def test_last_year_named_by_its_number_in_an_interim_report(folder):
    sub = folder / "b"
    sub.mkdir()
    answerer = answerer_of(sub, "kfn-delar-2026.txt", INTERIM_SAID_BY_YEAR)
    got = ask(answerer, "Gick nämnden med vinst eller förlust förra året, och hur mycket?")
    assert got.answered
    assert "2 310" in got.answer
    english = ask(answerer, "Did the committee end last year with a surplus or a deficit?")
    assert "2 310" in english.answer
    # This year compared with the last: this year's figure first, and last year's beside it.
    compared = ask(answerer, "Är personalen på fritidsgårdarna mer sjuk i år än förra året?")
    assert "9,6" in compared.answer and "8,1" in compared.answer


def test_last_year_of_an_annual_report_is_the_year_it_reports_on(folder):
    sub = folder / "c"
    sub.mkdir()
    answerer = answerer_of(sub, "tn-2025.txt", ANNUAL)
    got = ask(answerer, "Gick nämnden med plus eller minus förra året?")
    assert got.answered
    assert "900" in got.answer


def test_profit_or_loss_asks_either_way():
    assert directions("Gick nämnden med vinst eller förlust?") == {"negative", "positive"}
    assert directions("Gick nämnden med plus eller minus?") == {"negative", "positive"}
    assert directions("Gick nämnden med vinst?") == {"positive"}
    assert directions("Did it make a profit or loss?") == {"negative", "positive"}


def test_how_big_a_plus_or_minus_asks_one_way():
    assert directions("Hur stort plus visade bokslutet för 2023?") == {"positive"}
    assert directions("Hur stort minus blev det?") == {"negative"}


COVERED = """\
Verksamhetsberättelse 2025
Överförmyndarnämnden i Norrby och Söderby
Gemensam nämnd för Norrby kommun (värdkommun) och Söderby kommun
Diarienummer ÖFN 2026/3

1 Året i korthet
Några av årets viktigaste händelser:
- Nämnden redovisar ett underskott på 289 tkr jämfört med budget. Norrbys del är 59 tkr.
- 58 nya ställföreträdare rekryterades under året.

2 Ekonomi
Kansliets överskott beror främst på att en handläggartjänst var vakant under våren, vilket gav
cirka 380 tkr i lägre personalkostnader.
"""


def test_the_board_named_on_a_cover_line_over_another_is_the_reports_own(folder):
    # The cover names the board on a line of its own over the next: the board is the report's own,
    # its result the whole's.
    sub = folder / "d"
    sub.mkdir()
    answerer = answerer_of(sub, "ofn-2025.txt", COVERED)
    got = ask(answerer, "Gick överförmyndarnämnden med plus eller minus förra året?")
    assert got.answered
    assert "289" in got.answer and "380" not in got.answer
