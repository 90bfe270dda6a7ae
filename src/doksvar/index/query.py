"""User text to FTS5: terms found by stem, by compound part and by typo tolerance, safely quoted."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from doksvar.index.vocabulary import Vocabulary
from doksvar.lang.terms import synonyms
from doksvar.lang.words import COST_STEM, is_organisation, is_stop, stem, words


@dataclass(frozen=True)
class Term:
    """One content word of a query and the indexed stems that stand for it."""

    word: str
    """The word as typed, lower-cased."""
    stem: str
    """Its Snowball stem."""
    alternatives: tuple[str, ...]
    """Indexed stems that match it: itself, compounds holding it, or a typo's correction."""
    how: str
    """"exact", "compound", "part" (of a compound the index lacks), "fuzzy" or "missing"."""

    @property
    def found(self) -> bool:
        return bool(self.alternatives)


def quote_fts(token: str) -> str:
    """One token as an FTS5 string: in double quotes, inner quotes doubled (as sqlite-utils).

    NUL is dropped: FTS5 reads the expression as a C string and would see it end there."""
    return '"' + token.replace("\x00", "").replace('"', '""') + '"'


def marks(values: Collection[object]) -> str:
    """One bound parameter per value, for `IN (…)`: the values themselves are bound, never written."""
    return ",".join("?" * len(values))


def match_expression(terms: list[Term], mode: str = "AND") -> str:
    """An FTS5 MATCH expression over the title and stems columns, every token quoted."""
    groups = []
    for term in terms:
        if not term.alternatives:
            continue
        alts = " OR ".join(quote_fts(a) for a in term.alternatives)
        groups.append(f"({alts})")
    if not groups:
        return ""
    return "{title stems} : (" + f" {mode} ".join(groups) + ")"


def selective(terms: list[Term], vocab: Vocabulary, share: float = 0.02) -> list[Term]:
    """The terms worth asking FTS5 for: those in few passages, or failing that the two rarest.

    A word in every report ("kommun", "år") makes a MATCH rank hundreds of thousands of rows
    and adds nothing to which passages are found; the answer still weighs every term."""
    found = [t for t in terms if t.alternatives]
    if len(found) <= 2 or vocab.passage_count < 5000:
        return found  # a small index: every term is cheap to ask for

    def df(t: Term) -> int:
        return sum(vocab.doc_freq.get(a, 0) for a in t.alternatives)

    rare = [t for t in found if df(t) <= share * vocab.passage_count]
    return rare or sorted(found, key=df)[:2]


VAGUE_ZIPF = 4.5
"""Zipf of a word so common in Swedish that as the head of a compound it says little of what the
compound is about ("post" of "kostnadspost", "fråga", "del", "område"; not "flotta" of "bussflotta")."""


def vague_head(part: str) -> bool:
    """Whether a word, as the head of a compound, says little of what the compound is about: an
    everyday word ("post", "frågan") or a word for what something cost ("investeringsutgifterna" are
    the report's "investeringarna")."""
    from doksvar.lang.frequency import form_zipf

    return len(part) >= 3 and (form_zipf(part) >= VAGUE_ZIPF or bool(COST_STEM.match(stem(part))))


def _synonym_compound(word: str, vocab: Vocabulary) -> tuple[str, ...]:
    """The indexed stems of a compound the report writes with another word for its head
    ("skolmaten" where it writes "skolmåltider"): the head's synonyms from `synonyms.tsv`."""
    for cut in range(3, len(word) - 2):
        first, head = word[:cut], word[cut:]
        for other in synonyms(head):
            alts = tuple(x for x in _forms(stem(first + other), vocab) if x.startswith(first))
            if alts:
                return alts
    return ()


def _parts(word: str, vocab: Vocabulary) -> list[Term]:
    """A compound the index does not hold, as its parts when the index holds each of them:
    "telefoniavtalet" is found where the report writes "avtal … telefoni"."""
    from doksvar.lang.frequency import GENERAL_ZIPF, compound_parts, form_zipf, zipf

    def indexed(part: str) -> tuple[str, ...]:
        return vocab.expand(stem(part))[0] if len(part) >= 3 else ()

    def known(part: str) -> bool:
        # A part is a word of Swedish the report uses, or a long word the report has on its own
        # ("miljöbalk" of "miljöbalkstillsyn", where it writes "tillsyn enligt miljöbalken"): a piece
        # that only stands inside the report's compounds ("svidaretjänst" of "tillsvidaretjänst") is no part.
        return (form_zipf(part) > 0 and bool(indexed(part))) or (len(part) >= 6 and stem(part) in vocab.doc_freq)

    if _VERB_ENDING.search(word) and form_zipf(word) >= GENERAL_ZIPF:
        return []  # an everyday verb ("granskade") is no compound of "gran" and "skade"
    split = compound_parts(word, known)
    if split is None and form_zipf(word) == 0:
        # A compound whose head is a word of Swedish the report lacks ("kostnadspost",
        # "investeringsutgifterna"): the first part names what is asked about. (A word of Swedish at large,
        # "föreslås", is no compound of "före".)
        split = compound_parts(word, lambda part: known(part) or vague_head(part))
        if split is not None and not any(map(known, split)):
            split = None  # a compound of two words the report lacks is not in it
        elif split is not None and known(split[0]) and not known(split[1]):
            split = split[:1]
    if split is None or is_stop(split[0]):
        return []  # "överstiga" is a verb with its particle, no compound of "över" and "stiga"
    out = []
    for part in split:
        if is_stop(part) or zipf(part) >= 6:
            continue
        out.append(Term(part, stem(part), indexed(part), "part"))
    return out


def analyse(text: str, vocab: Vocabulary, english: bool = True, keep: frozenset[str] = frozenset()) -> list[Term]:
    """The content terms of `text`, each with the indexed stems that match it.

    English stop words are dropped only from English text ("it" is IT in a Swedish question)."""
    terms: list[Term] = []
    seen: set[str] = set()
    said = words(text)
    for i, w in enumerate(said):
        if (is_stop(w, english) and w not in keep) or w in seen or (len(w) < 2 and not w.isdigit()):
            continue  # a lone letter ("board's" -> "s") is no word
        seen.add(w)
        s = stem(w)
        alts, how = vocab.expand(s)
        joined = _with_particle(w, said[i + 1] if i + 1 < len(said) else "", vocab)
        if joined:
            # "köps in" is the report's "inköp", "betalades ut" its "utbetalning": the particle is
            # part of the verb, and of the noun it makes.
            alts, how = tuple(dict.fromkeys((*alts, *joined))), how if alts else "derived"
            seen.add(said[i + 1])
        pair = vocab.rarer_first(s) if how == "compound" else None
        lacking = vocab.missing_first(s) if how == "compound" and pair is None else None
        if lacking is not None and lacking not in seen:
            # "serveringstillstånd" of a report that has "tillstånd" but never "servering": the
            # compound names what the report does not speak of.
            terms.extend([Term(lacking, stem(lacking), (), "part"), Term(w, s, alts, how)])
            seen.add(lacking)
            continue
        if pair is not None:
            # "förskoleverksamheten": the förskola's row, not every "verksamhet", answers.
            first, _ = pair
            found = (*vocab.expand(stem(first))[0], *vocab.ending_in(stem(first)))
            part = Term(w[: len(first)], stem(first), tuple(dict.fromkeys(found)), "part")
            terms.extend([part, Term(w, s, alts, how)] if part.word not in seen else [Term(w, s, alts, how)])
            seen.add(part.word)
            continue
        # A synonym stands for the forms the report has of it too ("flyttnetto" for "Flyttnettot").
        others = tuple(dict.fromkeys(x for y in synonyms(w) for x in _forms(stem(y), vocab) if x not in alts))
        if others:
            # "tillsvidaretjänst" is found where the report writes "tillsvidareanställda".
            alts, how = (*alts, *others), how if alts else "synonym"
        field = _unit_field(w, vocab)
        if field:
            # "vuxenavdelningen" is the report's row or sub-heading "Vuxen", "fastighetsenheten" its
            # "Fastighet": a unit is named by its field.
            alts = (*alts, *(x for x in field if x not in alts))
        root = _past_root(w, s, vocab)
        if root is not None and root not in alts:
            # "Hur många sökte …?" is answered by "814 sökande", "deltog" by "541 deltagare".
            alts, how = (*alts, *vocab.expand(root)[0]), how if alts else "derived"
        action = _action_noun(w, vocab)
        if action is not None and action not in alts:
            # "utbetalt" is found where the report writes "utbetalning", "placerades" "placeringar".
            alts, how = (*alts, action), how if alts else "derived"
        if not alts:
            alts = _synonym_compound(w, vocab)
            how = "synonym" if alts else how
        if not alts:
            parts = _parts(w, vocab)
            if parts:
                terms.extend(p for p in parts if p.word not in seen)
                seen.update(p.word for p in parts)
                continue
            root = _verb_root(w, vocab)
            if root:
                alts, how = vocab.expand(root)[0], "derived"
            else:
                # A word for the organisation the report does not use ("nämnd" of a förbund's report,
                # whose board is its "direktion") is no typo of another ("nämns").
                fixed = None if is_organisation(w) else vocab.correct(w)
                if fixed and not _typo_of(w, fixed):
                    fixed = None
                if fixed:
                    alts, _ = vocab.expand(fixed)
                    how = "fuzzy" if alts else "missing"
        terms.append(Term(w, s, alts, how))
    return _abbreviated(terms, vocab)


def _abbreviated(terms: list[Term], vocab: Vocabulary) -> list[Term]:
    """The terms with the words of an abbreviation the reports define also found as its short form:
    "svenska för invandrare" in a question is found where the report says "SFI"."""
    if len(terms) < 2 or not vocab.spelled_out:
        return terms
    stems = [t.stem for t in terms]
    for i, first in enumerate(stems):
        for long, shorts in vocab.spelled_out.get(first, {}).items():
            n = len(long)
            if tuple(stems[i : i + n]) == long:
                for k in range(i, i + n):
                    t = terms[k]
                    alts = tuple(dict.fromkeys((*t.alternatives, *shorts)))
                    terms[k] = Term(t.word, t.stem, alts, t.how if t.found else "synonym")
    return terms


def _typo_of(word: str, fixed: str) -> bool:
    """Whether `fixed` may be what `word` was meant as: any correction of a word Swedish lacks, and
    of a word of Swedish only another form of it ("föreslås" of "föreslår"); "flickorna", a word the
    report lacks, is not its "fick"."""
    from os.path import commonprefix

    from doksvar.lang.frequency import form_zipf

    return form_zipf(word) == 0 or len(commonprefix([word, fixed])) >= min(len(word), len(fixed)) - 2


_UNIT_HEAD = re.compile(r"(?<=\w{3})-?(?:avdelning|enhet|sektion|förvaltning|verksamhet)(?:en|ens|ar|arna|er|erna)?$")
"""The head of a compound naming a unit of the organisation by its field ("vuxenavdelningen")."""


def _unit_field(word: str, vocab: Vocabulary) -> list[str]:
    """The indexed forms of the field a unit's name holds ("vuxen" of "vuxenavdelningen",
    "fastighet" of "fastighetsenheten"), none for a word that names no unit."""
    m = _UNIT_HEAD.search(word)
    if m is None:
        return []
    field = word[: m.start()]
    # The linking s of "fastighetsenheten", the u or o of "gatuavdelningen" (gata), "kyrkoförvaltningen" (kyrka).
    forms = (field, field[:-1] if field.endswith("s") else field, field[:-1] + "a" if field[-1:] in "uo" else field)
    for first in dict.fromkeys(forms):
        found = [x for x in _forms(stem(first), vocab) if len(x) >= 3]
        if found:
            return found
    return []


def _forms(s: str, vocab: Vocabulary) -> list[str]:
    """The indexed stems that are forms of stem `s`: itself, with an ending the stemmer left on
    ("flyttnettot" of "flyttnetto"), or cut to a shorter stem; not the compounds that hold it."""
    return [x for x in vocab.expand(s)[0] if (x.startswith(s) and len(x) - len(s) <= 3) or s.startswith(x)]


_VERB_FORM = re.compile(r"(?<=\w{3})(?:ades|ade|ats|at|des|de|tes|te|t|d|a)$")
"""The ending of a Swedish verb form: "utbetalt", "placerades", "rekryterade", "beviljats"."""


def _action_noun(word: str, vocab: Vocabulary) -> str | None:
    """The indexed stem of the noun of a verb's action ("utbetalning" of "utbetalt", "placering" of
    "placerades"), None for a word that is no verb form or whose noun the report lacks."""
    m = _VERB_FORM.search(word)
    if m is None:
        return None
    root = word[: m.start()]
    for noun in (root + "ning", root + "ing"):
        s = stem(noun)
        if s in vocab.doc_freq:
            return s
    return None


def _past_root(word: str, s: str, vocab: Vocabulary) -> str | None:
    """The indexed stem of a past verb form's root, which the nouns made from the verb share
    ("sökte" -> "sök" of "sökande", "deltog" -> "deltag" of "deltagare"); None for no such form."""
    if word.endswith("tog") and len(word) > 4:
        root = stem(word[:-3] + "tag")  # a strong verb: "deltog", "mottog"
    elif re.search(r"[^a]([td])e$", word) and s.endswith(("t", "d")):
        root = s[:-1]  # a weak verb: "sökte" is stemmed "sökt", "hyrde" "hyrd"
    else:
        return None
    return root if len(root) >= 3 and root in vocab.doc_freq else None


_PARTICLE = re.compile(r"^(?:ut|in|upp|av|på|till|över|fram|bort|åter)(?=\w{5})")
_VERB_ENDING = re.compile(r"(?:erade|erades|erat|erar|eras|era|ade|ades|ats|te|tes|de|des)$")


_SEPARATE_PARTICLES = frozenset(("in", "ut", "upp", "av", "till", "över", "fram", "bort", "ner", "ned", "om", "på"))
"""Particles that follow a Swedish verb and stand before the noun it makes ("köpa in": "inköp")."""


def _with_particle(word: str, after: str, vocab: Vocabulary) -> tuple[str, ...]:
    """The indexed stems of the noun a verb with its particle makes ("köps in" -> "inköp",
    "inköpsvärde"; "hyrdes ut" -> "uthyrning"), when the word after the verb is a particle."""
    if after not in _SEPARATE_PARTICLES or is_stop(word):
        return ()
    for root in dict.fromkeys((stem(word), _VERB_ENDING.sub("", word))):
        if len(root) < 3 or len(after + root) < 5:
            continue
        alts, how = vocab.expand(after + root)
        if how in ("exact", "compound"):
            return alts
    return ()


def _verb_root(word: str, vocab: Vocabulary) -> str | None:
    """The indexed stem a verb form the index lacks is made from: "utannonserade" is "annons"
    (the report writes "annonser"), with its particle and ending taken off; or the noun the verb
    makes, alone or in a compound ("översvämmade" källare are "källaröversvämningar",
    "inspektera" is "inspektion")."""
    if not _VERB_ENDING.search(word):
        return None
    for form in (_PARTICLE.sub("", word), word):
        root = _VERB_ENDING.sub("", form)
        if len(root) >= 5 and stem(root) in vocab.doc_freq:
            return stem(root)
    root = _VERB_ENDING.sub("", word)
    if len(root) < 5:
        return None
    single = root[:-1] if root[-1] == root[-2] and root[-1] not in "aeiouyåäö" else root
    for noun in (single + "ning", root + "ion", root + "ering", root + "ing"):
        if len(noun) >= 8 and vocab.expand(stem(noun))[0]:
            return stem(noun)
    return None
