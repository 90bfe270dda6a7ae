"""User text to FTS5: terms found by stem, by compound part and by typo tolerance, safely quoted."""

from __future__ import annotations

import bisect
import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass

from doksvar.lang.terms import synonyms
from doksvar.lang.words import COST_STEM, is_stop, stem, words

MAX_ALTERNATIVES = 40


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


LEFT_ENDINGS = frozenset({"e", "n", "s", "t", "en", "et", "er", "ar", "or", "na", "ne", "ens", "ets", "nas"})
"""Swedish inflection endings the stemmer leaves on a long word (definite, plural, genitive)."""


_SYNCOPE = re.compile(r"[bcdfgkmpstv][lrn]$")
"""A stem that ends as an -el, -er or -en noun does without its e ("läkemedl", "cykl", "vintr")."""


class Vocabulary:
    """The index's stems and words, for compound and typo look-ups."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.doc_freq: dict[str, int] = {}
        for term, doc in conn.execute("SELECT term, doc FROM passages_vocab WHERE col IN ('stems', 'title')"):
            self.doc_freq[term] = self.doc_freq.get(term, 0) + doc
        self.stems_sorted = sorted(self.doc_freq)
        self.long_stems = [s for s in self.stems_sorted if len(s) >= 6]
        self._long_text = "\n" + "\n".join(self.long_stems) + "\n"
        """The long stems one per line, so that those holding a part are found by `str.find`."""
        self._expanded: dict[str, tuple[tuple[str, ...], str]] = {}
        self.surface = [w for w in self.stems_sorted if len(w) >= 4 and not w.isdigit()]
        self.passage_count = conn.execute("SELECT count(*) FROM passages").fetchone()[0] or 1
        self.spelled_out: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
        """The abbreviations the reports define, by the first stem of the words they stand for:
        "svensk" -> {("svensk", "invandr"): ("sfi",)}."""
        for short, long in conn.execute(
            "SELECT DISTINCT json_extract(data, '$.short'), json_extract(data, '$.long') FROM facts "
            "WHERE kind = 'abbreviation'"
        ):
            key = tuple(stem(w) for w in words(long) if not is_stop(w, english=False))
            if key and stem(short.lower()) in self.doc_freq:
                by_key = self.spelled_out.setdefault(key[0], {})
                by_key[key] = (*by_key.get(key, ()), stem(short.lower()))
        self._rarer_first: dict[str, tuple[str, str] | None] = {}

    def expand(self, s: str) -> tuple[tuple[str, ...], str]:
        """Stems standing for stem `s`: exact, then compounds that hold it as a part (kept once
        looked up: a conversation asks about the same words again)."""
        if s not in self._expanded:
            if len(self._expanded) >= 10_000:
                self._expanded.clear()
            self._expanded[s] = self._expand(s)
        return self._expanded[s]

    def _expand(self, s: str) -> tuple[tuple[str, ...], str]:
        alts: list[str] = []
        how = "missing"
        if s in self.doc_freq:
            alts.append(s)
            how = "exact"
        if len(s) >= 6 and not s.isdigit():
            # Endings Snowball leaves on: "multikortet" ~ "multikort", "sjukfrånvaron" ~ "sjukfrånvaro".
            # A short stem is cut to only by an ending: "del" is no form of "deltag", nor "fram" of "framtid".
            for cut in (1, 2, 3):
                shorter = s[:-cut]
                if len(shorter) < 5 and (s[-cut:] not in LEFT_ENDINGS or len(shorter) < 4):
                    continue
                if shorter in self.doc_freq and shorter not in alts:
                    alts.append(shorter)
                    how = "exact"
        if how == "missing" and len(s) >= 6:
            # Definite forms the stemmer leaves whole: "lärcentret" of "lärcentrum", "gymnasiet" of
            # "gymnasium", "läckan" of "läcka".
            for base in ([s[:-2] + "um"] if s.endswith("et") else []) + ([s[:-2]] if s.endswith("an") else []):
                if base in self.doc_freq:
                    alts.append(base)
                    how = "exact"
                    break
        if how == "missing" and _SYNCOPE.search(s) and len(s) >= 5:
            # An -el, -er, -en noun inflected without its e: "läkemedlen" is "läkemedel", "vintrar" "vinter".
            full = f"{s[:-1]}e{s[-1]}"
            if full in self.doc_freq:
                alts.append(full)
                how = "exact"
        if len(s) >= 4 and not s.isdigit():
            # Compounds: "avvik" in "budgetavvik", "frånvaro" in "sjukfrånvaron".
            found = self._holding(s)
            found.sort(key=lambda v: -self.doc_freq[v])
            alts.extend(found[: MAX_ALTERNATIVES - len(alts)])
            if found and how == "missing":
                how = "compound"
        if how == "missing" and len(s) >= 7 and not s.isdigit():
            # The query word is itself a compound whose head is indexed: "budgetavvikelsen".
            heads = [v for v in self._suffixes(s) if len(v) >= 5 and len(v) >= len(s) // 2]
            if heads:
                alts.extend(heads[:3])
                how = "compound"
        # The stemmer takes off an s it reads as a genitive: "kursen" is stemmed "kurs", the bare "kurs"
        # "kur"; each is a form of the other (last, after the word's own stem and its compounds).
        # An adjective's neuter: "särskild" boende of the question is the report's "särskilt" boende.
        neuter = [s[:-1] + "t"] if s.endswith("d") and len(s) >= 6 else []
        for other in (stem(s), s + "s", *neuter):
            if (
                other != s
                and len(other) >= 3
                and other in self.doc_freq
                and (stem(other) == stem(s) or other in neuter)
            ):
                alts.append(other)
                how = "exact" if how == "missing" else how
        return tuple(dict.fromkeys(alts)), how

    def rarer_first(self, s: str) -> tuple[str, str] | None:
        """A compound the index lacks whose first part it says more rarely than its head, as (first
        part, head): "förskoleverksamheten" is the report's "förskola" and "verksamhet", and the
        "förskola" names it; "budgetavvikelsen" is an "avvikelse" (None). Kept once looked up, as
        `expand` keeps its stems."""
        if s not in self._rarer_first:
            if len(self._rarer_first) >= 10_000:
                self._rarer_first.clear()
            self._rarer_first[s] = self._find_rarer_first(s)
        return self._rarer_first[s]

    def _find_rarer_first(self, s: str) -> tuple[str, str] | None:
        if s in self.doc_freq or len(s) < 7 or s.isdigit() or self._holding(s):
            return None
        heads = [v for v in self._suffixes(s) if len(v) >= 5 and len(v) >= len(s) // 2]
        if not heads:
            return None
        first = s[: len(s) - len(heads[0])]
        if first.endswith("s") and stem(first[:-1]) in self.doc_freq:
            first = first[:-1]  # the linking s of "byggnadsverksamheten"
        df = self.doc_freq.get(stem(first), 0)
        return (first, heads[0]) if len(first) >= 4 and 0 < df < self.doc_freq[heads[0]] else None

    def _holding(self, part: str) -> list[str]:
        """The long stems that hold `part` and are longer than it, in alphabetical order."""
        text, out, i = self._long_text, [], 0
        while (i := text.find(part, i)) >= 0:
            start = text.rfind("\n", 0, i) + 1
            end = text.index("\n", i)
            if end - start != len(part):
                out.append(text[start:end])
            i = end  # the next stem
        return out

    def heads(self, s: str) -> list[str]:
        """Indexed stems that end the compound `s` ("avvik" of "budgetavvik"), longest first."""
        return [v for v in self._suffixes(s) if len(v) >= 5] if len(s) >= 8 and not s.isdigit() else []

    def _suffixes(self, s: str) -> list[str]:
        out = []
        for k in range(1, len(s) - 4):
            tail = s[k:]
            i = bisect.bisect_left(self.stems_sorted, tail)
            if i < len(self.stems_sorted) and self.stems_sorted[i] == tail:
                out.append(tail)
        return out

    def correct(self, word: str) -> str | None:
        """The indexed stem closest to a mistyped `word`, if one is close enough."""
        if len(word) < 5 or word.isdigit() or not self.surface:
            return None
        from rapidfuzz import fuzz, process

        cutoff = 88 if len(word) < 8 else 84
        # The index holds stems: the word's own stem is compared too, so that an inflection does not
        # count as a typo ("markköpen" is "markköp" against the report's "markinköp").
        found = [
            best
            for form in dict.fromkeys((word, stem(word)))
            if len(form) >= 5
            and (best := process.extractOne(form, self.surface, scorer=fuzz.ratio, score_cutoff=cutoff))
        ]
        return max(found, key=lambda b: b[1])[0] if found else None

    def idf(self, alternatives: tuple[str, ...]) -> float:
        """How rare a term is: log-scaled inverse passage frequency of its stems."""
        import math

        df = sum(self.doc_freq.get(a, 0) for a in alternatives) or 1
        return math.log(1 + self.passage_count / df)


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


def _vague_head(part: str) -> bool:
    """Whether a word, as the head of a compound, says little of what the compound is about: an
    everyday word ("post", "frågan") or a word for what something cost ("investeringsutgifterna" are
    the report's "investeringarna")."""
    from doksvar.lang.frequency import form_zipf

    return len(part) >= 3 and (form_zipf(part) >= VAGUE_ZIPF or bool(COST_STEM.match(stem(part))))


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
        split = compound_parts(word, lambda part: known(part) or _vague_head(part))
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
    for w in words(text):
        if (is_stop(w, english) and w not in keep) or w in seen or (len(w) < 2 and not w.isdigit()):
            continue  # a lone letter ("board's" -> "s") is no word
        seen.add(w)
        s = stem(w)
        alts, how = vocab.expand(s)
        pair = vocab.rarer_first(s) if how == "compound" else None
        if pair is not None:
            # "förskoleverksamheten": the förskola's row, not every "verksamhet", answers.
            first, _ = pair
            part = Term(w[: len(first)], stem(first), vocab.expand(stem(first))[0], "part")
            terms.extend([part, Term(w, s, alts, how)] if part.word not in seen else [Term(w, s, alts, how)])
            seen.add(part.word)
            continue
        # A synonym stands for the forms the report has of it too ("flyttnetto" for "Flyttnettot").
        others = tuple(dict.fromkeys(x for y in synonyms(w) for x in _forms(stem(y), vocab) if x not in alts))
        if others:
            # "tillsvidaretjänst" is found where the report writes "tillsvidareanställda".
            alts, how = (*alts, *others), how if alts else "synonym"
        root = _past_root(w, s, vocab)
        if root is not None and root not in alts:
            # "Hur många sökte …?" is answered by "814 sökande", "deltog" by "541 deltagare".
            alts, how = (*alts, *vocab.expand(root)[0]), how if alts else "derived"
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
                fixed = vocab.correct(w)
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


def _forms(s: str, vocab: Vocabulary) -> list[str]:
    """The indexed stems that are forms of stem `s`: itself, with an ending the stemmer left on
    ("flyttnettot" of "flyttnetto"), or cut to a shorter stem; not the compounds that hold it."""
    return [x for x in vocab.expand(s)[0] if (x.startswith(s) and len(x) - len(s) <= 3) or s.startswith(x)]


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
