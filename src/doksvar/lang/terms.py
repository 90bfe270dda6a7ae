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


_WORD = re.compile(r"\w+")
_GAP = re.compile(r"[\s-]+")


@lru_cache(maxsize=2)
def _phrase_list(name: str) -> tuple[dict[str, list[tuple[str, ...]]], dict[str, str]]:
    """A phrase list's phrases by their first word, each as its words, longest (in letters) first;
    and each phrase mapped to its replacement. Looked up word by word: one regular expression
    of the ~800 phrases costs a fresh process more to compile (~20 ms) than a question to scan."""
    pairs = {_joined(left): right for left, right in _read_tsv(name)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(pairs, key=len, reverse=True):
        ws = tuple(phrase.split(" "))
        by_first.setdefault(ws[0], []).append(ws)
    return by_first, pairs


def _replace_phrases(text: str, name: str, replace: Callable[[str], str]) -> str:
    """`text` with each phrase of the list `name` replaced by `replace(matched text)`: a phrase
    stands as whole words, case aside, a space of it matching spaces or hyphens and the other way
    round ("sick-leave", "full time"); the longest phrase at a word wins, left to right."""
    by_first, _ = _phrase_list(name)
    tokens = list(_WORD.finditer(text))
    out, done, i = [], 0, 0
    while i < len(tokens):
        n = _phrase_at(text, tokens, i, by_first)
        if not n:
            i += 1
            continue
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        out += [text[done:start], replace(text[start:end])]
        done, i = end, i + n
    return "".join(out) + text[done:]


def _phrase_at(text: str, tokens: list[re.Match[str]], i: int, by_first: dict[str, list[tuple[str, ...]]]) -> int:
    """How many words, from the i-th, make the longest listed phrase standing there (0: none)."""
    first = tokens[i]
    if first.start() > 0 and text[first.start() - 1] == "-":
        return 0  # part of a hyphenated word
    for ws in by_first.get(first.group().lower(), ()):
        last = i + len(ws) - 1
        if last >= len(tokens) or tokens[last].end() < len(text) and text[tokens[last].end()] == "-":
            continue
        if all(
            tokens[i + k].group().lower() == w and _GAP.fullmatch(text, tokens[i + k - 1].end(), tokens[i + k].start())
            for k, w in enumerate(ws[1:], 1)
        ):
            return len(ws)
    return 0


def _joined(phrase: str) -> str:
    """A phrase as its phrase list holds it: lower case, words joined by one space."""
    return " ".join(_GAP.split(phrase.lower()))


def to_swedish(question: str, known: Callable[[str], bool] | None = None) -> str:
    """Replace the English report terms of a question by their Swedish counterparts.

    A term may have several ("staff" -> "personal|medarbetare|anställda"): the first that `known`
    finds in the report is taken, else the first."""
    _, pairs = _phrase_list("terms.tsv")

    def swedish(phrase: str) -> str:
        choices = pairs[_joined(phrase)].split("|")
        if known is not None and _kept(phrase, choices, known):
            return phrase  # the report says it in English itself ("major incidents")
        return next((c for c in choices if known is not None and known(c)), choices[0])

    return _replace_phrases(question, "terms.tsv", swedish)


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
    _, pairs = _phrase_list("phrases.tsv")

    def term(phrase: str) -> str:
        choices = pairs[_joined(phrase)].split("|")
        if phrase.lower() in choices and known(phrase):
            return phrase  # "busstrafiken" of a report that has its own busstrafik beside kollektivtrafik
        return next((c for c in choices if known(c)), phrase)

    return _replace_phrases(question, "phrases.tsv", term)


@lru_cache(maxsize=1)
def acronyms() -> list[tuple[str, str]]:
    """The genre's acronyms that reports use without defining them ("VA"), with the words they stand for."""
    return _read_tsv("acronyms.tsv")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviations used in table labels ("sjukfrv") mapped to their full word."""
    return dict(_read_tsv("abbreviations.tsv"))


def expand_label(words: list[str]) -> list[str]:
    """A table label's words with each abbreviation written out, and a numbered part of the year with
    its ordinal ("Kv 3", "Q3" -> kvartal, tredje; "T1" -> tertial, första)."""
    table = abbreviations()
    out: list[str] = []
    for i, w in enumerate(words):
        m = _NUMBERED_PART.fullmatch(w)
        after = words[i + 1] if i + 1 < len(words) else ""
        if m is None and w in _PARTS and after in _ORDINALS:
            m = _NUMBERED_PART.fullmatch(w + after)
        if m is not None and m.group(2) in _ORDINALS:
            out += [_PARTS[m.group(1)], _ORDINALS[m.group(2)]]
            continue
        # An abbreviation of several words stands for each of them ("nki": "nöjd", "kundindex").
        out += table.get(w, w).split()
    return out


_PARTS = {"kv": "kvartal", "q": "kvartal", "kvartal": "kvartal", "t": "tertial", "tertial": "tertial"}
_ORDINALS = {"1": "första", "2": "andra", "3": "tredje", "4": "fjärde"}
_NUMBERED_PART = re.compile(r"(kv|q|kvartal|t|tertial)([1-4])")


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
