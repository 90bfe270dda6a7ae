"""The cheap tests that skip work while indexing never skip a fact, a word or a space to mend."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from doksvar.facts import abbreviations, folded
from doksvar.facts.deviations import _PATTERNS
from doksvar.facts.rankings import _RANK_PATTERNS, document_entities
from doksvar.ingest.inline import clean_inline
from doksvar.lang.words import _COORDINATION, _HANGING, _STEMMER, WORD, stemmed_text
from doksvar.model import Document

# Words of the patterns, written as reports and converters may write them: any case, and the
# letters that Python's case-insensitive matching takes for i and s (ı, İ, ſ).
_PIECES = [
    "plats",
    "PLATS",
    "Plaſts",
    "nummer",
    "rankas",
    "RANKADES",
    "kom",
    "kommer",
    "Kommunen",
    "hamnade",
    "placerade sig",
    "PLACERİNG",
    "första",
    "tredje",
    "först",
    "sıst",
    "toppade",
    "rankingen",
    "av",
    "bland",
    "från",
    "negativ",
    "positiva",
    "avvikelse",
    "budgetavvikelse",
    "underskott",
    "ÖVERSKOTT",
    "mer",
    "högre",
    "lägre",
    "under",
    "än",
    "budget",
    "planerat",
    "överstiger",
    "understeg",
    "med",
    "på",
    "ca",
    "12",
    "290",
    "3,4",
    "1 200",
    "mkr",
    "tkr",
    "MNKR",
    "miljoner kronor",
    "kr",
    ":e",
    ".",
    ",",
    " ",
    "\u00a0",
]
sentences = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_a_ranking_pattern_is_skipped_only_where_it_cannot_match(sentence: str) -> None:
    low = folded(sentence)
    for test, pattern in _RANK_PATTERNS:
        if pattern.search(sentence):
            assert test.search(low), (pattern.pattern, sentence)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_a_deviation_pattern_is_skipped_only_where_it_cannot_match(sentence: str) -> None:
    low = folded(sentence)
    for _, test, pattern in _PATTERNS:
        if pattern.search(sentence):
            assert test.search(low), (pattern.pattern, sentence)


def test_organisation_names_are_whole_capitalised_words() -> None:
    text = " ".join(["Kiruna kommun och KirunaBostäder, (Kiruna) xKiruna."] * 8)
    doc = Document(path="x", name="x", title="x", text=text, sha256="", sections=(), passages=(), tables=())
    assert document_entities(doc) == {"kiruna"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_stems_column_holds_the_stem_of_every_word(text: str) -> None:
    assert stemmed_text(text) == " ".join(_STEMMER.stemWords(WORD.findall(text.lower())))


_SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u202f", "\u2009 ", "ord", "Å", "1,5", ".", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPACES, max_size=12).map("".join))
def test_white_space_is_mended_only_where_it_needs_it(text: str) -> None:
    cleaned, seams = clean_inline(text)
    needs = re.search(r"[\t\n\r\f\v\u00a0]|\s\s", text)
    assert cleaned == (" ".join(text.split()) if needs else text.strip())
    assert seams == []


# Words around an abbreviation's definition, and a word longer than any the window allows for.
_DEFINING = st.lists(
    st.sampled_from(
        [
            "svenska",
            "för",
            "invandrare",
            "(SFI)",
            "SFI",
            "(",
            ")",
            "(tkr)",
            "(3,1 mkr 2024)",
            "SKR",
            "(Sveriges Kommuner och Regioner)",
            "Nöjd",
            "kundindex",
            "(NKI)",
            "2abc",
            "x-y",
            ",",
            "\n",
            "Inspektionen",
            "vård",
            "och",
            "omsorg",
            "(IVO)",
            "a" * 45,
            " ".join(c * 60 for c in "abcde") + "\tf g (ABCDEF)",
            "Hälso-",
            "sjukvård",
            "idrotts-,",
            "eller",
            "fritidsanläggningar",
            "resp.",
            "Samt",
            "–",
            "-",
        ]
    ),
    max_size=24,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_DEFINING)
def test_an_abbreviation_is_looked_for_only_where_it_cannot_be_missed(text: str) -> None:
    assert [m.span() for m in abbreviations._long_first(text)] == [
        m.span() for m in abbreviations._LONG_FIRST.finditer(text)
    ]
    if abbreviations._SHORT_FIRST.search(text):
        assert abbreviations._MAYBE_SHORT_FIRST.search(text)


@settings(max_examples=400, deadline=None)
@given(_DEFINING)
def test_a_coordination_is_looked_for_wherever_one_may_stand(text: str) -> None:
    if _COORDINATION.search(text):
        assert _HANGING.search(text), text
