"""Tables of figures: cell values, header, row groups and labels."""

from __future__ import annotations

import re

from doksvar.lang.words import figure_value

_NUMBER = re.compile(r"^[-−–+]?\s?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:[,.]\d+)?\s?%?$|^[-−–+]?\d+(?:[,.]\d+)?\s?%?$")

_OF_TOTAL = re.compile(r"^(\d{1,4})\s+(?:av|of)\s+\d{1,4}$")
_FLAG = re.compile(r"(?<=\d)(?:\s+[A-ZÅÄÖ]{1,2}\d?|\s*\*{1,3}|\s*[¹²³⁴⁵])$")


def parse_value(text: str) -> float | None:
    """The number a table cell shows: "307 662" -> 307662, "-19 761" -> -19761, "3,78" -> 3.78.

    An empty cell, a dash or text gives None. A figure's flag pointing to a note under the table
    ("82,6 T1", "455 P", "12,4*") is no part of it.
    """
    t = _FLAG.sub("", text.strip())
    of = _OF_TOTAL.match(t)
    if of is not None:
        t = of.group(1)  # "22 av 175": a place, or a count, of so many
    if not t or not _NUMBER.match(t):
        return None
    try:
        return figure_value(t)
    except ValueError:
        return None


def is_numeric_row(cells: list[str]) -> bool:
    """True when most of a row's non-label cells hold figures."""
    body = [c for c in cells[1:] if c.strip()]
    if not body:
        return False
    return sum(parse_value(c) is not None for c in body) >= max(1, len(body) // 2)


def group_label(cells: list[str], header: list[str]) -> str | None:
    """The label a row starts a row group with, or None for an ordinary row.

    A row group starts with a row that has a label and nothing else, or with a row that repeats
    the header's column titles under a label of its own ("visstidsanställda  2019  2020 ...").
    """
    label = cells[0].strip()
    if not label:
        return None
    rest = [c.strip() for c in cells[1:]]
    if not any(rest):
        return label
    if len(header) > 1 and rest == [h.strip() for h in header[1 : len(rest) + 1]]:
        return label
    return None
