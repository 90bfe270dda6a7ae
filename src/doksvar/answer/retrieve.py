"""Finding the sentence that answers: FTS5 candidates, then each sentence scored by the terms it
covers, what its passage and headings add, and whether it holds the kind of answer asked for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from doksvar.answer.intent import is_cue_word
from doksvar.answer.question import COUNTS, Question, counted_text, direction_fit, unit_fit
from doksvar.index.query import Term
from doksvar.index.read import COVER_LINE
from doksvar.index.rows import StoredPassage
from doksvar.index.store import Store
from doksvar.lang.frequency import generality_weight
from doksvar.lang.lazy import lazy
from doksvar.lang.words import (
    CARDINAL,
    MONTHS,
    PERSON_NAME,
    YEAR_PATTERN,
    is_period,
    is_year,
    own_years,
    stem_set,
)

_NUMBER = lazy(r"(?<![\w,])[-+]?\s?\d+(?:[ ,.]\d+)*\s?%?")
_MONTHS = MONTHS + "|january|february|march|may|june|july|august|october"
_DATE = lazy(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b(?:{_MONTHS})\s+\d{{4}}\b|\bfrån och med\b"
    rf"|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{YEAR_PATTERN}\b",
    re.I,
)
THEREFORE = r",\s(?:och|så)\b[^.]{0,60}\bdärför\b"
"""A clause the next one's "därför" points back to: "Beslutet har överprövats, och byggstarten
skjuts därför fram" gives its reason in its first clause."""
CAUSE_WORDS = (
    r"beror|berodde|förklaras|förklaringen|på grund av|följd av|eftersom|med anledning av|orsak\w*|anledning\w*"
    r"|med motiveringen|motiveringen|motiveras|skäl(?:et|en)?|tack vare|i och med att|hänger (?:samman|ihop) med"
    r"|pga|p\.g\.a|grundar sig|bakgrunden"
)
"""Words that give a cause ("beror på", "med motiveringen att", "tack vare"), as an alternation."""
_REASON = lazy(rf"\b({CAUSE_WORDS})\b|{THEREFORE}", re.I)
BACK_REFERENCE = lazy(
    r"\b(?:följd av|på grund av|beror på|med anledning av) (?:detta|det|denna|dessa)\b|\bdärför\b"
    r"|^(?:detta|det) (?:har |hade )?(?:innebar|innebär|inneburit|ledde|leder|lett|medförde|medför|medfört"
    r"|orsakade|orsakar|orsakat|resulterade|resulterat|gjorde|gör)\b",
    re.I,
)
"""A reason given by pointing back ("Som en följd av detta blev kostnaderna lägre"): the sentence
before says what it was."""
CONSEQUENCE = lazy(
    r"\b(?:inneb[aäu]r\w*|medför\w*|lett till|ledde till|leder till|resulter\w*|följden|konsekvens\w*"
    r"|påverka[rt]?|orsakat|orsakar)\b",
    re.I,
)
"""A sentence stating what something led to ("Detta har inneburit långa förseningar …")."""
_PURPOSE = lazy(r"\b(för att|i syfte|syftet|med vilket|med vilken|ska kunna|används för|användas för|avsett)\b", re.I)


@dataclass(frozen=True)
class Scored:
    """A sentence with its score and what it covers."""

    stored: StoredPassage
    span: tuple[int, int]
    score: float
    coverage: float
    """Share of the question's term weight found in the sentence, its passage or its headings."""
    own: float
    """Share found in the sentence itself."""
    specific: float = 0.0
    """The coverage with everyday words ("öppna", "igen") counting as little as they say of a subject."""


@lru_cache(maxsize=16384)
def has_number(text: str, words: bool = False) -> bool:
    """Whether `text` states a figure other than a bare year; with `words`, one written as a word too
    (kept for sentences weighed again)."""
    if words and CARDINAL.search(text):
        return True
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if digits and not (len(digits) == 4 and is_year(digits) and "," not in m.group()):
            return True
    return False


def has_date(text: str) -> bool:
    """Whether `text` states a date, a month or a year."""
    return bool(_DATE.search(text))


def matches(term: Term, stems: frozenset[str]) -> bool:
    return any(a in stems for a in term.alternatives)


def candidates(store: Store, terms: list[Term], limit: int = 80, docs=None) -> list[StoredPassage]:
    """Passages holding any of the terms, best bm25 first, from the given documents or all."""
    ranked = store.match(terms, limit=limit, doc_ids=docs, any_term=True)
    stored = store.passages(pid for pid, _ in ranked)
    return [stored[pid] for pid, _ in ranked if pid in stored]


def term_weights(store: Store, terms: list[Term], q: Question | None = None) -> dict[str, float]:
    from doksvar.answer.score import ORGANISATION_SHARE, domains, in_field

    weights = {}
    titled = store.title_words(q.docs) if q is not None else frozenset()
    fields = domains(titled)
    for t in terms:
        w = store.vocab.idf(t.alternatives)
        if q is not None and (t.word in q.direction or is_cue_word(t.word) or is_period(t.word)):
            # "bättre än budgeterat", "främsta", "januari–mars": what kind of answer or when, not what about
            w *= DIRECTION_SHARE
        if t.stem in titled or in_field(t.stem, fields):
            # The report's own organisation, place or field ("Tallby", "äldreomsorgen" of Tallby's
            # äldrenämnd): every sentence is about it, named or not.
            w *= ORGANISATION_SHARE
        if q is not None and t.word in q.untranslated:
            w *= generality_weight(t.word, "en")  # everyday English left as asked ("end")
        weights[t.word] = w * (0.8 if t.how in ("compound", "fuzzy", "synonym", "derived") else 1.0)
    return weights


YEAR_MATCH = 0.15
"""Bonus of a sentence that names a year the question asks about."""
OTHER_YEAR = 0.3
"""Penalty of a sentence that names years, none of them asked about: "fortsätter under 2027 … 25
miljoner" is no answer for 2026, though it names the subject better than the sentence that is."""
UNIT_BONUS = 0.2
"""Bonus of a sentence whose figure is in the unit the question asks for (a penalty of one in another)."""
DIRECTION_SHARE = 0.3
DIRECTION_BONUS = 0.15


IN_PASSAGE = 0.5
"""What a question word counts for a sentence when it stands elsewhere in the sentence's paragraph."""
IN_HEADING = 0.3
"""… and when it stands only in the paragraph's section title, label or row group."""
FOCUS_BONUS = 0.2
"""Bonus of a sentence that names what the question asks about right after its opening words."""
ROW_PENALTY = 0.15
"""A table row read as a sentence: the table handler answers from its cells."""
GOAL_PENALTY = 0.2
"""A goal table's row: what was aimed at, seldom what happened."""
LONG_SENTENCE, LONG_PENALTY = 400, 0.1
"""A sentence longer than this is a run of list items or a table read as prose."""


def score_sentences(store: Store, q: Question, pool: list[StoredPassage] | None = None) -> list[Scored]:
    """Every sentence of the candidate passages, best first."""
    terms = [t for t in q.content if t.found]
    if not terms:
        return []
    pool = pool if pool is not None else candidates(store, terms, docs=q.docs)
    weights = term_weights(store, terms, q)
    total = sum(weights.values()) or 1.0
    focus = next((t for t in terms if q.focus and t.stem == q.focus), None)
    # Each term's stems, weight, and how much of that weight is specific, not everyday Swedish.
    alternatives = [
        (frozenset(t.alternatives), weights[t.word], 1.0 if t.word in q.names else generality_weight(t.word))
        for t in terms
    ]
    specific_total = sum(w * g for _, w, g in alternatives) or 1.0
    out: list[Scored] = []
    for sp in pool:
        p = sp.passage
        if p.kind == "title" or _cover_line(p) or _caption(p):
            continue  # the report's name says what it is, a table's caption what it holds: never what it says
        heading = stem_set(" ".join((sp.section_title, p.label, p.group)))
        whole = stem_set(p.text)
        # What the passage and its headings hold is the same for each of its sentences.
        around = [
            (alts, w, 0.0 if alts.isdisjoint(whole) else w, 0.0 if alts.isdisjoint(heading) else w, g)
            for alts, w, g in alternatives
        ]
        before: frozenset[str] = frozenset()
        for a, b in p.sentences:
            sentence = p.text[a - p.start : b - p.start]
            own_stems = stem_set(sentence)
            own = ctx = head = back = specific = 0.0
            pointing = points_back(sentence)
            for alts, w, in_passage, in_heading, g in around:
                if not alts.isdisjoint(own_stems):
                    own += w
                    specific += w * g
                elif in_passage:
                    ctx += w
                    specific += w * g
                    if pointing and not alts.isdisjoint(before):
                        back += w
                else:
                    head += in_heading
                    specific += in_heading * g
            before = own_stems
            own_share, ctx_share, head_share = own / total, ctx / total, head / total
            score = own_share + IN_PASSAGE * ctx_share + IN_HEADING * head_share
            # "Högst var den på Norrvattna med 7,9 procent": what "den" is, the sentence before names.
            score += (POINTED_BACK - IN_PASSAGE) * back / total
            score += _kind_bonus(q, sentence, p.text, terms)
            if focus is not None and matches(focus, own_stems):
                score += FOCUS_BONUS
            if p.kind == "row":
                score -= ROW_PENALTY
            elif p.kind == "goal":
                score -= GOAL_PENALTY
            if len(sentence) > LONG_SENTENCE:
                score -= LONG_PENALTY
            covered = own_share + ctx_share + head_share
            out.append(Scored(sp, (a, b), score, covered, own_share, specific / specific_total))
    out.sort(key=lambda s: -s.score)
    return out


POINTED_BACK = 0.7
"""What a question word of the sentence before counts for a sentence that points back to it."""
_POINTS_BACK = lazy(
    r"^(?:(?:det|den|denna|detta|dessa|där|hon|han)\b|\w+\s+(?:\w+\s+)?(?:den|denna|detta|dessa|hon|han)\b)"
    r"(?!\s+(?:\d|första|andra|tredje|fjärde|sista|nya|senaste))",
    re.I,
)
"""A sentence whose subject the sentence before names: it opens with a pronoun ("Det motsvarar …",
"Den ökade …") or has one among its first words ("Högst var den …"); not "den 26 augusti"."""


def points_back(sentence: str) -> bool:
    return bool(_POINTS_BACK.match(sentence))


_CAPTION = lazy(r"(?:tabell|table|diagram|figur|figure|graf)\s*\d+(?:[.:-]\d+)*[.:]?\s", re.I)


def _caption(p) -> bool:
    """Whether a passage is a table's or chart's caption line ("Tabell 3. Driftredovisning (tkr)")."""
    return len(p.text) <= COVER_LINE and "\n" not in p.text and bool(_CAPTION.match(p.text))


def _cover_line(p) -> bool:
    """Whether a passage is a line of the report's cover: before its first heading, short and no
    sentence ("Årsredovisning 2025 Vård- och omsorgsnämnden, Fjällsjö kommun")."""
    return (
        p.section == ""
        and len(p.text) <= COVER_LINE
        and "\n" not in p.text
        and not p.text.rstrip().endswith((".", "!", "?", ":"))
    )


def restates(sentence: str, terms: list[Term]) -> bool:
    """Whether the question's subject stands only in the sentence's reason: "Den positiva avvikelsen
    beror på lägre kostnader för räkenskapsrevision" gives no reason *why* those costs were lower."""
    m = _REASON.search(sentence)
    if m is None or BACK_REFERENCE.search(sentence):
        return False
    before, after = stem_set(sentence[: m.start()]), stem_set(sentence[m.end() :])
    inside = [t for t in terms if matches(t, after) and not matches(t, before)]
    return len(inside) >= 2 and not any(matches(t, before) for t in terms if not t.word.isdigit() and len(t.word) > 4)


@lru_cache(maxsize=256)
def _counts(swedish: str) -> bool:
    return bool(COUNTS.search(swedish))


def figure_of_another(sentence: str, terms: list[Term]) -> bool:
    """Whether the sentence's figure is of something its subject only caused: "en stor del av
    projektet (0,9 mnkr) har skjutits framåt på grund av renoveringen av hallen" gives no cost of
    the renovation."""
    m = _REASON.search(sentence)
    if m is None or not has_number(sentence[: m.start()]) or has_number(sentence[m.end() :]):
        return False
    before, after = stem_set(sentence[: m.start()]), stem_set(sentence[m.end() :])
    named = [t for t in terms if not t.word.isdigit() and len(t.word) > 4]
    return any(matches(t, after) for t in named) and not any(matches(t, before) for t in named)


def _kind_bonus(q: Question, sentence: str, passage: str, terms: list[Term]) -> float:
    bonus = 0.0
    if q.wants == "number":
        counting = _counts(q.swedish)  # "Fyra rekommendationer lämnas …" counts; it gives no value
        bonus += 0.3 if has_number(counted_text(q, sentence), words=counting) else -0.3
        if figure_of_another(sentence, terms):
            bonus -= 0.3
        bonus += UNIT_BONUS * unit_fit(q, sentence)  # "uttryckt i kronor": "180 000 kronor", not "0,2 mkr"
    elif q.wants == "date":
        bonus += 0.4 if _DATE.search(sentence) else -0.2
    elif q.wants == "person":
        bonus += 0.3 if PERSON_NAME.search(sentence[1:]) else 0.0  # a name, not the sentence's first word
    elif q.wants == "reason":
        bonus += 0.3 if _REASON.search(sentence) and not restates(sentence, terms) else 0.0
    elif q.wants == "purpose":
        bonus += 0.3 if _PURPOSE.search(sentence) else 0.0
    elif q.wants == "consequence":
        bonus += 0.3 if CONSEQUENCE.search(sentence) else 0.0
    # A surplus asked about: a sentence of a deficit is about something else, and the other way round.
    bonus += DIRECTION_BONUS * direction_fit(q, sentence)
    if q.years:
        said = own_years(sentence)
        if said & set(q.years):
            bonus += YEAR_MATCH
        elif said:
            bonus -= OTHER_YEAR  # it speaks of another year than the one asked about
    for n in q.numbers:
        if re.search(rf"(?<![\d,]){n}(?![\d,])", sentence):
            bonus += 0.1
    return bonus
