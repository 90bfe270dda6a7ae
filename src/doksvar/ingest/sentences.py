"""Sentence boundaries in Swedish report prose, for quoting one sentence rather than a paragraph."""

from __future__ import annotations

import re

# Abbreviations that end in a dot without ending a sentence (lower-cased, without the last dot).
ABBREVIATIONS = frozenset(
    """
    bl.a t.ex d.v.s dvs m.fl m.m mm osv s.k ca resp inkl exkl fr.o.m t.o.m o.s.v t.ex.
    jfr nr kap ev p.g.a pga sid kl tel jan feb mar apr jun jul aug
    sep sept okt nov dec e.g i.e etc vs no approx
    """.split()
)

# `[.!?][.!?]*` rather than `[.!?]+`: the same matches, and a pattern that opens with a set of
# characters lets the regex engine skip ahead to the next one instead of trying every position.
_END = re.compile(r"[.!?][.!?]*[\"'»”)]*(?=\s+[\"'«“(•●]?[A-ZÅÄÖÉÜ0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text` (offsets into it), white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at `dot` closes an abbreviation such as "bl.a." or "ca."."""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] != "(":
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
