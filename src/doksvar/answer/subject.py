"""The subject of a question: its terms that pick out one item among many of the same kind."""

from __future__ import annotations

from doksvar.answer.question import Question
from doksvar.index.query import Term
from doksvar.index.store import Store
from doksvar.lang.words import GENERIC, MONEY_KIND, is_organisation, is_period, stem_set, stems

# A term found in more than this share of passages is the report's own subject, not an item.
COMMON_SHARE = 0.3


def subject_terms(store: Store, q: Question, kind_words: frozenset[str]) -> list[Term]:
    """Found content terms that are neither words of the question's kind nor everywhere."""
    out = []
    count = store.vocab.passage_count
    # The organisation a report is by stands in its title ("KS-Kommunstab", "Nämnden för Intraservice").
    titled = store.title_words(q.docs)
    from doksvar.answer.intent import is_cue_word
    from doksvar.answer.score import domains, in_field

    # The organisation's own field ("socialtjänsten" of Socialnämnden's report) is the whole report.
    fields = domains(titled)
    for t in q.content:
        if in_field(t.stem, fields) and t.word not in q.names:
            continue
        if (
            not t.found
            or is_cue_word(t.word)
            or is_period(t.word)
            or t.word in GENERIC
            or t.stem in kind_words
            or any(t.stem.startswith(k) for k in kind_words if len(k) >= 5)
            or (t.word not in q.names and _general(store, q, t))  # last: it may ask the index
        ):
            continue
        if (set(t.alternatives[:1]) & titled or heads_title(t.stem, titled)) and not t.word.isdigit():
            continue
        df = max(store.vocab.doc_freq.get(a, 0) for a in t.alternatives)
        if count >= 20 and df / count > COMMON_SHARE and t.how == "exact":
            continue
        out.append(t)
    return out


def heads_title(stem: str, titled: frozenset[str]) -> bool:
    """Whether a stem is the first part of the organisation's name in the title: "fritid" of
    "fritidsnämnd", asked as "kultur- och fritidsnämnden" of a report that says it only there; or the
    other way round, a word of the title and a word for an organisation: "energibolaget" of a report
    titled "Sävsta Energi AB"."""
    return len(stem) >= 4 and any(
        w.startswith(stem)
        and w != stem
        and is_organisation(w[len(stem) :].lstrip("s"))
        or len(w) >= 4
        and stem.startswith(w)
        and stem != w
        and is_organisation(stem[len(w) :].lstrip("s"))
        for w in titled
    )


def _general(store: Store, q: Question, t: Term) -> bool:
    """A word of the organisation, or general Swedish that names none of the report's items."""
    from doksvar.lang.frequency import is_general

    if _abbreviated(q, t.word):
        return False
    return is_organisation(t.word) or (is_general(t.word) and not names_item(store, q, t))


ABBREVIATION = 4
"""Letters of a word that, joined by a hyphen to the rest of a compound, is an abbreviation."""


def _abbreviated(q: Question, word: str) -> bool:
    """Whether the question writes a short word as the first part of a hyphened compound
    ("it-verksamheten", "hr-avdelningen", "lss-boende"): an abbreviation, however common the word
    it spells is in Swedish."""
    if len(word) > ABBREVIATION or not word.isalpha():
        return False
    text = q.text.lower()
    at = text.find(word + "-")
    while at >= 0:
        if (at == 0 or not text[at - 1].isalnum()) and text[at + len(word) + 1 : at + len(word) + 2].isalpha():
            return True
        at = text.find(word + "-", at + 1)
    return False


def names_item(store: Store, q: Question, t: Term) -> bool:
    """Whether a common word ("hemtjänsten", "förskolan") names one of the report's items: a row of
    its tables is named by it. A word as common as "barn" does so only as part of a label the
    question quotes whole ("barn och unga"); kinds of money figure ("intäkter", every report's
    row) never do."""
    from doksvar.lang.frequency import is_everyday

    if MONEY_KIND.match(t.stem):
        return False
    if is_everyday(t.word):
        # "barn och unga": an everyday word names an item only with the rest of its label.
        return store.names_row(t, q.docs, within=q.swedish)
    # "bistånd" names the row "Ekonomiskt bistånd" that the question quotes whole, though not first.
    return store.names_row(t, q.docs) or store.names_row(t, q.docs, within=q.swedish)


def section_scope(store: Store, q: Question, terms: list[Term]) -> tuple[set[str], list[Term]]:
    """Section numbers that the question names by title, and the terms left over."""
    scope: set[str] = set()
    rest = []
    titles = store.section_titles()
    for t in terms:
        exact = {t.stem, t.alternatives[0]} if t.alternatives else {t.stem}
        hit = {n for n, title in titles if exact & set(stems(title)) and len(t.stem) >= 6}
        if hit:
            scope |= hit
        else:
            rest.append(t)
    return scope, rest


def in_scope(section: str, scope: set[str]) -> bool:
    return not scope or any(section == s or section.startswith(s + ".") for s in scope)


def found_in(term: Term, sets: list[tuple[frozenset[str], float]], compound: float) -> float:
    """The largest weight of a stem set holding `term`; a set holding it only inside a compound
    ("ekonomisystem" for "system") counts `compound` of its weight."""
    best = 0.0
    # A compound the index lacks stands for its head: an everyday head ("verksamheten" of
    # "måltidsverksamheten") alone is no more than a part of what it names ("huvudmän" of
    # "skolhuvudmän" is the report's word for it).
    exact = {term.stem, *(a for a in term.alternatives[:1] if not _everyday_head(term, a))}
    # A compound whose head is a word of three letters is one of them ("regionaltåget" is a "tåg").
    exact |= {a for a in term.alternatives if len(term.stem) == 3 and a.endswith(term.stem)}
    for stems_, w in sets:
        if exact & stems_:
            best = max(best, w)
        elif any(a in stems_ for a in term.alternatives):
            best = max(best, compound * w)
    return best


def _everyday_head(term: Term, alternative: str) -> bool:
    """Whether an alternative is the everyday head of the term's compound word."""
    from doksvar.index.query import vague_head

    if not (len(alternative) < len(term.stem) and term.stem.endswith(alternative)):
        return False
    head = term.word[len(term.stem) - len(alternative) :]
    # Its definite form is rarer than the word ("verksamheten" than "verksamhet").
    bare = [head[: -len(e)] for e in _DEFINITE if head.endswith(e) and len(head) - len(e) >= 4]
    return any(vague_head(h) for h in (head, *bare))


_DEFINITE = ("arna", "erna", "orna", "en", "et", "na", "n", "t")


def overlap(terms: list[Term], weights: dict[str, float], texts: list[tuple[str, float]]) -> float:
    """Weighted share of `terms` found in the texts, each text with its own weight."""
    total = sum(weights[t.word] for t in terms) or 1.0
    sets = [(stem_set(text), w) for text, w in texts]
    return sum(found_in(t, sets, 0.7) * weights[t.word] for t in terms) / total
