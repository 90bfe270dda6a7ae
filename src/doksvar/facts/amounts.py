"""Amounts of money and small counts as Swedish reports write them."""

from __future__ import annotations

import re

from doksvar.lang.words import figure_value

# "19,8 mkr", "307 662 tkr", "1,07 mnkr", "4,4 miljoner", "13,5 miljoner kronor".
AMOUNT = (
    r"(?P<amount>(?:[-−–]\s?)?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|[-−–]?\d+(?:,\d+)?)"
    r"\s?(?P<unit>mdkr|mnkr|mkr|tkr|kkr|miljarder(?:\s+kronor)?|miljoner(?:\s+kronor)?|"
    r"tusen\s+kronor|kronor|kr)(?![\w])"
)

MONEY_UNIT = re.compile(r"\b(?:mdkr|mnkr|mkr|tkr|kkr|msek|tsek|miljoner kronor|tusen kronor|kronor)\b", re.I)
"""A unit of money as a table's caption or header states it ("Driftredovisning (mnkr)", "tkr")."""

UNITS = {
    "mdkr": "mdkr",
    "mnkr": "mkr",
    "mkr": "mkr",
    "tkr": "tkr",
    "kkr": "tkr",
    "miljarder": "mdkr",
    "miljoner": "mkr",
    "tusen kronor": "tkr",
    "kronor": "kr",
    "kr": "kr",
}

NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
}

ORDINALS = {
    "första": 1,
    "andra": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "sjunde": 7,
    "åttonde": 8,
    "nionde": 9,
    "tionde": 10,
}


def unit_of(text: str) -> str:
    """The normalised unit of an amount's unit word ("mnkr" -> "mkr")."""
    t = re.sub(r"\s+", " ", text.lower())
    for key, unit in UNITS.items():
        if t.startswith(key):
            return unit
    return t


def number(text: str) -> float:
    """A Swedish-written number: "19 761" -> 19761, "3,78" -> 3.78, "tre" -> 3."""
    t = text.strip().lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    return figure_value(t)


def to_mkr(amount: float, unit: str) -> float:
    """An amount in millions of kronor, for sorting amounts given in different units."""
    return {"mdkr": amount * 1000, "mkr": amount, "tkr": amount / 1000, "kr": amount / 1e6}.get(unit, amount)
