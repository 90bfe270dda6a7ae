"""The index's vocabulary: its stems with their passage counts, for compound, form and typo look-ups."""

from __future__ import annotations

import bisect
import re
import sqlite3

from doksvar.lang.words import is_stop, stem, words

MAX_ALTERNATIVES = 40
"""The most stems one question word stands for (its own, its forms, the compounds holding it)."""
LEFT_ENDINGS = frozenset({"e", "n", "s", "t", "en", "et", "er", "ar", "or", "na", "ne", "ens", "ets", "nas"})
"""Swedish inflection endings the stemmer leaves on a long word (definite, plural, genitive)."""


_SYNCOPE = re.compile(r"[bcdfgkmpstv][lrn]$")
"""A stem that ends as an -el, -er or -en noun does without its e ("läkemedl", "cykl", "vintr")."""


_LAST_VOWEL = re.compile(r"([aoäö])([^aeiouyåäö]{1,2})$")
_UMLAUT = {"a": "ä", "o": "ö", "ä": "a", "ö": "o"}


def _derived(s: str) -> list[str]:
    """The -isk adjective of an -ik or -i noun ("politik" - "politisk", "ekonomi" - "ekonomisk") and
    the noun of such an adjective, as stems."""
    if len(s) < 6:
        return []
    if s.endswith("isk"):
        return [s[:-3] + "ik", s[:-2]]
    if s.endswith("ik"):
        return [s[:-1] + "sk"]
    if s.endswith("i"):
        return [s + "sk"]
    return []


def _verb_noun(s: str) -> list[str]:
    """The -ation noun of an -era verb and back, as stems ("opererade" - "operation", "information" -
    "informera"); the -ering noun begins with the verb's stem already."""
    if len(s) < 6:
        return []
    if s.endswith("er"):
        return [s[:-2] + "ation"]
    if s.endswith("ation"):
        return [s[:-5] + "er"]
    return []


def _umlauted(s: str) -> list[str]:
    """The stem with its last vowel changed the way a few Swedish nouns change it in the plural
    (a -> ä, o -> ö, and back): "bostad" / "bostäd" (bostäder), "ledamot" / "ledamöt". Stems of
    five letters at least: a shorter one changed is too often another word ("stad", "städ")."""
    m = _LAST_VOWEL.search(s) if len(s) >= 5 else None
    return [f"{s[: m.start()]}{_UMLAUT[m.group(1)]}{m.group(2)}"] if m else []


def _names_a_thing(first: str) -> bool:
    """Whether the first part of a compound names what it is about: four letters at least, or a
    three-letter noun of Swedish ("tåg" of "tågtrafiken", "lån" of "lånekostnader"), not one of the
    everyday words that begin lexicalised compounds ("hem" of "hemtjänst")."""
    if len(first) >= 4:
        return True
    from doksvar.lang.frequency import zipf

    return len(first) == 3 and 3 <= zipf(first) < 5


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
        from doksvar.lang.terms import acronyms

        defined = conn.execute(
            "SELECT DISTINCT json_extract(data, '$.short'), json_extract(data, '$.long') FROM facts "
            "WHERE kind = 'abbreviation'"
        ).fetchall()
        # The genre's acronyms count where a report uses them undefined ("VA-kollektivet").
        for short, long in [*defined, *acronyms()]:
            key = tuple(stem(w) for w in words(long) if not is_stop(w, english=False))
            if key and stem(short.lower()) in self.doc_freq:
                by_key = self.spelled_out.setdefault(key[0], {})
                by_key[key] = tuple(dict.fromkeys((*by_key.get(key, ()), stem(short.lower()))))
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
        for other in _derived(s):
            # A noun's adjective and back: "politiken" of "politisk verksamhet", "ekonomisk" of "ekonomi".
            if other in self.doc_freq and other not in alts:
                alts.append(other)
                how = "exact" if how == "missing" else how
        for other in _verb_noun(s) if how == "missing" else []:
            # Only for a word the report lacks: its own form is what a search for it finds first.
            if other in self.doc_freq:
                alts.append(other)
                how = "exact"
        for other in _umlauted(s):
            # A plural that changes the noun's vowel: "bostäder" of "bostad", "ledamöter" of "ledamot".
            if other in self.doc_freq and other not in alts:
                alts.append(other)
                how = "exact" if how == "missing" else how
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
        return (first, heads[0]) if _names_a_thing(first) and 0 < df < self.doc_freq[heads[0]] else None

    def missing_first(self, s: str) -> str | None:
        """The first part of a compound the index lacks, when its head is indexed and the first part,
        a word of Swedish, is nowhere in the index ("servering" of "serveringstillstånd")."""
        from doksvar.lang.frequency import GENERAL_ZIPF, zipf

        if s in self.doc_freq or len(s) < 9 or s.isdigit() or self._holding(s):
            return None
        heads = [v for v in self._suffixes(s) if len(v) >= 5 and len(v) >= len(s) // 3]
        if not heads:
            return None
        first = s[: len(s) - len(heads[0])]
        if first.endswith("s") and len(first) > 5:
            first = first[:-1]  # the linking s of "serveringstillstånd"
        if len(first) < 5 or not 0 < zipf(first) < GENERAL_ZIPF:
            return None  # not a word, or one too common to name the subject ("drift" of "driftstörningar")
        if stem(first) in self.doc_freq or self._holding(stem(first)):
            return None
        return first

    def ending_in(self, short: str) -> list[str]:
        """The compounds that end in a word of three letters ("regionaltåg", "pendeltåg" of "tåg"):
        a three-letter stem is looked for only as a head, where it names what the compound is."""
        if len(short) != 3:
            return []
        text, out, i = self._long_text, [], 0
        while (i := text.find(short + "\n", i)) >= 0:
            start = text.rfind("\n", 0, i) + 1
            out.append(text[start : i + 3])
            i += 4
        return out

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
