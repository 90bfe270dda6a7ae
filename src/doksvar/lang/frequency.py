"""How common a word is in Swedish at large, from wordfreq's word list.

A question's general words ("hamnade", "pengarna", "kallade") say nothing about its subject:
they never decide that the report lacks the subject, and they weigh little in the answer.
wordfreq's small Swedish list (30,000 words, Zipf scale) is read straight from the package's
data file: importing wordfreq itself pulls in its tokenisers and costs ~0.3 s, the list 15 ms; the
list made into one string per letter and kept (`lang.kept`) well under 1 ms.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from doksvar.lang import kept
from doksvar.lang.lazy import lazy

# Zipf 3.5 is about once in 300,000 words: everyday language ("gälla", "pengarna", "uttryckt").
GENERAL_ZIPF = 3.5
# Zipf of words so common that alone they name no subject ("ekonomiskt", "gick"); the services a
# report is about are common Swedish too, but less so ("hemtjänsten" 3.5, "biblioteket" 4.2).
EVERYDAY_ZIPF = 4.5
# Below this a word is rare enough in general language to name a subject on its own.
SPECIFIC_ZIPF = 3.0


@lru_cache(maxsize=2)
def _table(lang: str) -> dict[str, str]:
    """The word list by first letter: `"\\nword\\tzipf"` lines in one string per letter. Reading the list
    as a dict of 30,000 words took longer than the questions that use it; a string per letter is read
    at once, and a word found in its letter's string in microseconds."""
    path = _data_file(lang)
    try:
        stat = path.stat() if path else None
    except OSError:
        stat = None
    if path is None or stat is None:
        return {}
    version = (str(path), stat.st_size, stat.st_mtime_ns)
    table = kept.read(f"zipf_{lang}", version)
    if not isinstance(table, dict):
        table = _by_letter(_unpacked(path))
        if table:
            kept.write(f"zipf_{lang}", version, table)
    return table


def _data_file(lang: str) -> Path | None:
    """wordfreq's small list of `lang`, found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / f"small_{lang}.msgpack.gz"


def _unpacked(path: Path) -> dict[str, float]:
    try:
        import msgpack

        with gzip.open(path) as f:
            packed = msgpack.unpackb(f.read(), raw=False)
    except (OSError, ValueError, ImportError):
        return {}
    # The 'cB' format: a header, then one list of words per centibel of frequency below 1.
    if not packed or not isinstance(packed[0], dict) or packed[0].get("format") != "cB":
        return {}
    # The most frequent bucket last, so that a word listed twice keeps its highest frequency.
    table: dict[str, float] = {}
    for centibels in range(len(packed) - 2, -1, -1):
        table.update(dict.fromkeys(packed[centibels + 1], 9.0 - centibels / 100))
    return table


def _by_letter(table: dict[str, float]) -> dict[str, str]:
    lines: dict[str, list[str]] = {}
    for word, frequency in table.items():
        if word and "\t" not in word and "\n" not in word:
            lines.setdefault(word[0], []).append(f"\n{word}\t{frequency!r}")
    return {letter: "".join(found) + "\n" for letter, found in lines.items()}


@lru_cache(maxsize=8192)
def zipf(word: str, lang: str = "sv") -> float:
    """The word's Zipf frequency in Swedish, or in `lang` ("en"); 0 outside the list, 7 is "och"."""
    low = word.lower()
    words = _table(lang).get(low[:1])
    if not words:
        return 0.0
    at = words.find(f"\n{low}\t")
    if at < 0:
        return 0.0
    start = at + len(low) + 2
    return float(words[start : words.index("\n", start)])


# Endings of Swedish inflection, put back on a word's stem to find its other forms in the list.
_FORMS = ("", "a", "e", "en", "et", "er", "ar", "or", "na", "ade", "at", "t", "n", "ad")


_PARTICLES = ("ut", "in", "upp", "av", "på", "till", "över", "under", "fram", "om", "bort", "ned", "ner", "åter")
_VERB_FORM = lazy(r"(?:ade|ades|ats|erat|erade|te|tes|de|des)$")


@lru_cache(maxsize=8192)
def form_zipf(word: str) -> float:
    """The Zipf frequency of the word's most frequent form: a form the short list lacks ("dämpade",
    "utgiften") is as common as its siblings ("dämpa", "utgift")."""
    from doksvar.lang.words import stem

    low = word.lower()
    base = stem(low)
    best = max([zipf(low)] + [zipf(base + ending) for ending in _FORMS if len(base) >= 3])
    if _VERB_FORM.search(low):
        # A verb with its particle joined on ("utannonserade") is as common as the verb.
        for particle in _PARTICLES:
            if low.startswith(particle) and len(low) - len(particle) >= 5:
                best = max(best, form_zipf(low[len(particle) :]))
    return best


def is_general(word: str) -> bool:
    """Whether a word is everyday Swedish rather than a word that names a subject."""
    return zipf(word) >= GENERAL_ZIPF


def is_past_verb(word: str) -> bool:
    """Whether a word is a common verb in the past ("åkte", "slutade"), not a noun: "Hur många åkte
    med tåget?" counts travellers, it does not ask for "åkte". A participle ("boende") is a noun."""
    low = word.lower()
    return bool(re.search(r"(?:ade|te|de)$", low)) and not low.endswith("nde") and form_zipf(low) >= GENERAL_ZIPF


def is_everyday(word: str) -> bool:
    """Whether a word, in its most common form, is so common in Swedish that alone it names nothing
    a question is about ("användes" as "använda")."""
    return form_zipf(word) >= EVERYDAY_ZIPF


def generality_weight(word: str, lang: str = "sv", forms: bool = False) -> float:
    """How much a question word counts toward its subject: 1 for a rare word, less for a common one;
    with `forms`, as common as its most common form ("utannonserade" as "annonsera")."""
    z = form_zipf(word) if forms and lang == "sv" else zipf(word, lang)
    if z >= 5.0:
        return 0.1
    if z >= 4.5:
        return 0.15
    if z >= GENERAL_ZIPF:
        return 0.3
    if z >= SPECIFIC_ZIPF:
        return 0.8
    return 1.0


def compound_parts(word: str, known) -> list[str] | None:
    """A compound split into two known words ("telefoniavtalet" -> "telefoni", "avtalet"), or None.

    `known(part)` says whether a part is a word; the linking "s" of Swedish compounds
    ("verksamhetsplan") is allowed. The split with the shortest first part wins."""
    word = word.lower()
    if len(word) < 8:
        return None
    for cut in range(4, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        for first in (head, head[:-1] if head.endswith("s") and len(head) >= 4 else None):
            if first and known(first) and known(tail):
                return [first, tail]
    return None


__all__ = [
    "zipf",
    "is_general",
    "is_everyday",
    "generality_weight",
    "compound_parts",
    "GENERAL_ZIPF",
    "EVERYDAY_ZIPF",
    "SPECIFIC_ZIPF",
]
