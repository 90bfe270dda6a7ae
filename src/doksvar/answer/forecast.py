"""The forecast and the outcome worked out from each other: an answer that quotes one of them and
how much better or worse the outcome came out ("… ett underskott på 6,3 mnkr, vilket är 1,7 mnkr
bättre än prognosen i augusti") also gives the other, with its working ("prognosen: underskott 8,0
mnkr (6,3 + 1,7)")."""

from __future__ import annotations

import re

from doksvar.answer.question import Question
from doksvar.facts.amounts import AMOUNT
from doksvar.lang.lazy import lazy
from doksvar.lang.words import figure_value

_BETTER = lazy(
    rf"{AMOUNT}\s+(?P<way>bättre|sämre|högre|lägre)\s+än\s+(?:den\s+)?"
    r"(?:prognos(?:en)?|prognostiserat|beräknat i (?:delårsrapporten|prognosen))",
    re.I,
)
"""How the outcome compares with the forecast: "1,7 mnkr bättre än prognosen"."""
_STATED = lazy(
    rf"(?P<kind>underskott\w*|överskott\w*|resultat\w*|avvikelse\w*)\s+(?:\w+\s+){{0,3}}?(?:på|om|till)\s+"
    rf"{AMOUNT}",
    re.I,
)
"""An amount the sentence names a result or a deviation: "ett underskott på 6,3 mnkr"."""
_FORECAST_SAID = lazy(r"prognos\w*|delårsrapport\w*|beräknades|bedömdes", re.I)
_ASKS_BOTH = lazy(
    r"(?:prognos\w*|delårsrapport\w*|räknade\s+\w+\s+med|trodde|forecast\w*|expected in)"
    r".*(?:blev|slutade|landade|faktisk\w*|till slut|i bokslutet|utfall\w*|end(?:ed)? up|actual\w*|turned out)",
    re.I,
)
"""A question after the forecast and what the year came to ("Vilket resultat räknade bolaget med i
augustiprognosen, och vad blev det faktiska resultatet?")."""


def worked_forecast(q: Question, text: str) -> str:
    """The other of forecast and outcome, worked out from an answer's text, as a phrase to add to it
    ("prognosen: underskott 8,0 mnkr (6,3 + 1,7)"); "" when the question does not ask for both, or
    the text gives no amount and difference to work from."""
    if not _ASKS_BOTH.search(f"{q.swedish} {q.text}"):
        return ""
    better = _BETTER.search(text)
    if better is None:
        return ""
    before = text[: better.start()]
    stated = list(_STATED.finditer(before))
    if not stated or stated[-1].group("unit").lower() != better.group("unit").lower():
        return ""
    m = stated[-1]
    amount, diff = _bare(m.group("amount")), _bare(better.group("amount"))
    deficit = m.group("kind").lower().startswith("underskott")
    signed = -figure_value(amount) if deficit else figure_value(amount)
    gain = figure_value(diff) if better.group("way").lower() in ("bättre", "högre") else -figure_value(diff)
    # Which of the two the sentence states: the forecast where its clause says so, else the outcome.
    clause = before[max(before.rfind(". ", 0, m.start()), 0) : m.end()]
    if _FORECAST_SAID.search(clause):
        other, label = signed + gain, ("utfallet", "the outcome")
    else:
        other, label = signed - gain, ("prognosen", "the forecast")
    op = "+" if (other > signed) != (signed < 0) else "−"
    word = ("deficit " if q.english else "underskott ") if other < 0 else ""
    decimals = max(_decimals(amount), _decimals(diff))
    return (
        f"{label[1 if q.english else 0]}: {word}{_shown(abs(other), decimals)} ({amount} {op} {diff}) {m.group('unit')}"
    )


def _bare(figure: str) -> str:
    """A figure without its sign: the working shows sizes, its words say which way."""
    return figure.lstrip("-−– ")


def _decimals(figure: str) -> int:
    return len(figure.split(",", 1)[1]) if "," in figure else 0


def _shown(value: float, decimals: int) -> str:
    """A figure as reports print it: a decimal comma, thousands set apart by a space ("2 100", "8,0")."""
    whole, _, fraction = f"{value:,.{decimals}f}".partition(".")
    return whole.replace(",", " ") + (f",{fraction}" if fraction else "")
