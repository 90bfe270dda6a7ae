"""A forecast asked with what the year came to ("Hur stort minus räknade nämnden med i augusti, och
hur slutade året till sist?") is answered with both: the sentence telling the outcome is found
before or after the forecast, in its paragraph or the next. On reports written for these tests."""

from __future__ import annotations

from .conftest import answerer_of

BEFORE = """\
Årsredovisning 2025 Gemensamma lönenämnden

1 Ekonomi

Nämndens nettokostnad uppgick till 64,2 mnkr, vilket kan jämföras med budgeten om 64,0 mnkr. Årets
resultat blev därmed ett underskott på 210 tkr. Vid delårsbokslutet i augusti bedömdes underskottet
bli 1,8 mnkr för helåret, så det slutliga utfallet blev betydligt bättre än prognosen. Under 2024
redovisade nämnden ett överskott på 0,9 mnkr.
"""

AFTER = """\
Verksamhetsberättelse 2025 Gymnasienämnden

6 Ekonomi

6.4 Prognosutveckling under året

I delårsrapporten per april bedömde nämnden ett underskott på 3,5 mnkr. När antagningen var klar
prognostiserades i delårsrapporten per augusti ett underskott på 8,1 mnkr för helåret.

Det slutliga underskottet blev 6,7 mnkr, det vill säga 1,4 mnkr bättre än augustiprognosen.
Förbättringen beror på anställningsstopp och återhållsamhet med inköp.
"""


def test_the_outcome_told_before_the_forecast_comes_with_it(tmp_path):
    report = answerer_of(tmp_path, "lon-2025.txt", BEFORE)
    result = report.ask("Hur stort minus räknade nämnden med för helåret i augusti, och hur slutade året till sist?")
    assert "1,8" in result.answer and "210" in result.answer, result.answer
    # Not the year before's result, which the paragraph tells after it.
    assert "0,9" not in result.answer, result.answer


def test_the_outcome_told_in_the_next_paragraph_comes_with_the_forecast(tmp_path):
    report = answerer_of(tmp_path, "gvn-2025.txt", AFTER)
    result = report.ask(
        "What full-year deficit was forecast in the August interim report, and how did the final result compare?"
    )
    assert "8,1" in result.answer and "6,7" in result.answer, result.answer
