"""Abbreviations a report defines where it first uses them: "svenska för invandrare (SFI)",
"Inspektionen för vård och omsorg (IVO)", "SKR (Sveriges Kommuner och Regioner)".

A reader asks in the long words ("Hur många läser svenska för invandrare?") what the report goes on
to say by the short form ("Andelen SFI-studerande …"); the definition links the two."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doksvar.lang.words import is_stop, words

if TYPE_CHECKING:
    from collections.abc import Iterator

    from doksvar.facts import Fact
    from doksvar.model import Document, Passage

SHORT = r"[A-ZÅÄÖ]{2,6}"
_LONG_FIRST = re.compile(rf"((?:[^\W\d_][\w-]*\s+){{1,7}})\(({SHORT})\)")
"""Words followed by the short form in brackets: "svenska för invandrare (SFI)"."""
_SHORT_FIRST = re.compile(rf"(?<![\w-])({SHORT})\s+\(([^\W\d_][^()\d]{{4,80}}?)\)")
"""The short form followed by its words in brackets: "SKR (Sveriges Kommuner och Regioner)"."""
MAX_WORDS = 7
_MAYBE_LONG_FIRST = re.compile(rf"\({SHORT}\)")
_MAYBE_SHORT_FIRST = re.compile(rf"{SHORT}\s+\(")
"""What a passage holds where a pattern above matches in it, found at once: the patterns above try
words at every position of a passage."""
_LAW_NUMBER = re.compile(r"\s*\(\d{4}:\d+\)")


def abbreviations(doc: Document) -> list[Fact]:
    """Each abbreviation the document's prose defines, once per document, as a fact of kind
    "abbreviation" with its short form and the words it stands for."""

    out: list[Fact] = []
    seen: set[str] = set()
    for k, p in enumerate(doc.passages):
        if p.kind == "row" or "(" not in p.text:
            continue
        # "lagen (2003:778) om skydd mot olyckor (LSO)": a law's number stands between its words.
        text = _LAW_NUMBER.sub("", p.text) if ":" in p.text else p.text
        for m in _long_first(text):
            short, long = m.group(2), spelled_out(m.group(1).split(), m.group(2))
            if long and short not in seen:
                seen.add(short)
                out.append(_fact(k, p, short, long))
        for m in _SHORT_FIRST.finditer(text) if _MAYBE_SHORT_FIRST.search(text) else ():
            short, said = m.group(1), m.group(2).split()
            long = spelled_out(said, short)
            if long and len(long) == len(said) and short not in seen:
                seen.add(short)
                out.append(_fact(k, p, short, long))
    return out


def _long_first(text: str) -> Iterator[re.Match[str]]:
    """`_LONG_FIRST.finditer(text)`, tried only on the words before each short form in brackets:
    trying words before every position of a long passage was a quarter of indexing a report."""
    done = 0
    for bracket in _MAYBE_LONG_FIRST.finditer(text):
        start = bracket.start()
        for _ in range(MAX_WORDS + 1):  # back over the words a match may take, and one more
            while start > done and text[start - 1].isspace():
                start -= 1
            while start > done and not text[start - 1].isspace():
                start -= 1
        m = _LONG_FIRST.search(text, start, bracket.end())
        if m:
            done = m.end()
            yield m


def _fact(k: int, passage: Passage, short: str, long: list[str]) -> Fact:
    from doksvar.facts import Fact

    data = {"short": short, "long": " ".join(long)}
    return Fact("abbreviation", k, data, passage.start, passage.end)


def spelled_out(before: list[str], short: str) -> list[str]:
    """The last words of `before` that `short` abbreviates, or []: each word that is no function
    word gives its first letter, in order, and may give more from inside it, where a compound's part
    starts ("Nöjd kundindex" is NKI); a function word may give its first letter ("svenska för
    invandrare" is SFI) or none ("Inspektionen för vård och omsorg" is IVO)."""
    letters = short.lower()
    for n in range(1, min(MAX_WORDS, len(before)) + 1):
        phrase = [w.strip(",.;:") for w in before[-n:]]
        tokens = [w for p in phrase for w in words(p)]
        if len(tokens) < 2 or is_stop(tokens[0], english=False):
            continue
        if _fits(letters, tokens):
            return phrase
    return []


def _fits(letters: str, tokens: list[str]) -> bool:
    """Whether `letters` are taken from `tokens` as `spelled_out` says, every letter used."""
    if not tokens:
        return not letters
    first, rest = tokens[0], tokens[1:]
    function = is_stop(first, english=False)
    if function and _fits(letters, rest):
        return True
    if not letters or letters[0] != first[0]:
        return False
    # The first letter, then optionally letters from inside the word (a compound's later parts).
    for used in range(1, len(letters) + 1):
        inner = letters[1:used]
        if _in_order(inner, first[1:]) and _fits(letters[used:], rest):
            return True
    return False


def _in_order(letters: str, word: str) -> bool:
    """Whether `letters` stand in `word` in this order (the inner letters of a compound's parts);
    a letter inside a word counts only after the word's first four."""
    at = 3
    for ch in letters:
        at = word.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True
