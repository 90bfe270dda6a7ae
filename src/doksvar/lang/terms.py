"""The bilingual term list and table abbreviations, kept as data beside this module."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from doksvar.lang.words import stem, words

_HERE = Path(__file__).parent
"""The word lists beside this module (read from the file: importlib.resources costs more to import)."""


def _read_tsv(name: str) -> list[tuple[str, str]]:
    text = (_HERE / name).read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, right = line.partition("\t")
        if right.strip():
            pairs.append((left.strip().lower(), right.strip().lower()))
    return pairs


@lru_cache(maxsize=2)
def _phrase_pattern(name: str) -> tuple[re.Pattern[str], dict[str, str]]:
    # A space of a phrase stands for a hyphen too, and the other way round ("sick-leave", "full time").
    pairs = {_joined(left): right for left, right in _read_tsv(name)}
    phrases = sorted(pairs, key=len, reverse=True)
    alternation = "|".join(r"[\s-]+".join(re.escape(w) for w in p.split(" ")) for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), pairs


def _joined(phrase: str) -> str:
    """A phrase as its phrase list holds it: lower case, words joined by one space."""
    return " ".join(re.split(r"[\s-]+", phrase.lower()))


def to_swedish(question: str, known: Callable[[str], bool] | None = None) -> str:
    """Replace the English report terms of a question by their Swedish counterparts.

    A term may have several ("staff" -> "personal|medarbetare|anställda"): the first that `known`
    finds in the report is taken, else the first."""
    pattern, pairs = _phrase_pattern("terms.tsv")

    def swedish(m: re.Match[str]) -> str:
        choices = pairs[_joined(m.group())].split("|")
        if known is not None and _kept(m.group(), choices, known):
            return m.group()  # the report says it in English itself ("major incidents")
        return next((c for c in choices if known is not None and known(c)), choices[0])

    return pattern.sub(swedish, question)


def _kept(phrase: str, choices: list[str], known: Callable[[str], bool]) -> bool:
    """Whether an English term is one the report itself uses: each of its words is in the report,
    none is a Swedish word too ("men", "service"), and it is no form of its Swedish term ("result")."""
    from doksvar.lang.frequency import SPECIFIC_ZIPF, zipf
    from doksvar.lang.words import stem

    ws = phrase.lower().split()
    theirs = {stem(w) for c in choices for w in c.split()}
    return all(known(w) and zipf(w) < SPECIFIC_ZIPF and stem(w) not in theirs for w in ws)


def to_report_terms(question: str, known: Callable[[str], bool]) -> str:
    """Replace everyday Swedish phrases of a question by the report term they mean ("borta på
    grund av sjukdom" -> "sjukfrånvaro", "fast anställda" -> "tillsvidareanställda"), where the
    report uses that term (`known`); elsewhere the question keeps its own words."""
    pattern, pairs = _phrase_pattern("phrases.tsv")

    def term(m: re.Match[str]) -> str:
        choices = pairs[_joined(m.group())].split("|")
        return next((c for c in choices if known(c)), m.group())

    return pattern.sub(term, question)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviations used in table labels ("sjukfrv") mapped to their full word."""
    return dict(_read_tsv("abbreviations.tsv"))


def expand_label(words: list[str]) -> list[str]:
    """A table label's words with each abbreviation written out."""
    table = abbreviations()
    return [table.get(w, w) for w in words]


@lru_cache(maxsize=1)
def _synonym_groups() -> dict[str, tuple[str, ...]]:
    """Each word of a group, and its stem, mapped to the whole group."""
    text = (_HERE / "synonyms.tsv").read_text(encoding="utf-8")
    groups: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group = tuple(w.strip().lower() for w in line.split(",") if w.strip())
        for word in group:
            groups[word] = group
            groups.setdefault(stem(word), group)
    return groups


def synonyms(word: str) -> tuple[str, ...]:
    """The other words reports use for `word` ("tillsvidaretjänst" -> "tillsvidareanställda", …), in
    any of its forms ("sjukskrivningarna" as "sjukskrivning")."""
    low = word.lower()
    group = _synonym_groups().get(low) or _synonym_groups().get(stem(low), ())
    return tuple(w for w in group if w != low)


def label_words(label: str) -> list[str]:
    """A table label's words written out, with the words reports use for them: "Tot sjukfrv (M)"
    -> tot, sjukfrånvaro, män, manliga, …"""
    full = expand_label(words(label))
    return full + [y for w in full for y in synonyms(w)]
