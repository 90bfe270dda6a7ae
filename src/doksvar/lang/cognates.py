"""Swedish spellings of English words that share their root: "projects" -> "projekt",
"infrastructure" -> "infrastruktur", "strategy" -> "strategi".

Much of the vocabulary of public administration came into both languages from Latin and French
and is spelt by regular rules. An English question's word that no term list translates is looked
for in the report under these spellings; a spelling counts only when the report itself uses it,
so a rule that yields a non-word costs nothing.
"""

from __future__ import annotations

from doksvar.lang.lazy import lazy

# Plural endings stripped before the root is respelt: (ending, replacement).
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""))
# Word endings, longest first: (English, Swedish).
_ENDINGS = (
    ("ization", "isering"),
    ("ysis", "ys"),
    ("isation", "isering"),
    ("ically", "isk"),
    ("ical", "isk"),
    ("ity", "itet"),
    ("ics", "ik"),
    ("ic", "isk"),
    ("ure", "ur"),
    ("ive", "iv"),
    ("ance", "ans"),
    ("ence", "ens"),
    ("ary", "är"),
    ("ary", "arie"),  # "ordinary" -> "ordinarie", "temporary" -> "temporär": the report decides
    ("ous", "ös"),
    ("ize", "isera"),
    ("ise", "isera"),
    ("ate", "era"),
    ("y", "i"),
)
# Letters, in order: (English, Swedish).
_LETTERS = (
    (lazy("ph"), "f"),
    (lazy("th"), "t"),
    (lazy("qu"), "kv"),
    (lazy("ck"), "k"),
    (lazy("ch"), "k"),
    (lazy("c(?=[eiy])"), "s"),
    (lazy("c"), "k"),
    (lazy("w"), "v"),
    (lazy("z"), "s"),
)


def cognates(word: str) -> list[str]:
    """Swedish spellings the English `word` may have, most likely first (the word itself excluded)."""
    word = word.lower()
    if len(word) < 4 or not word.isascii() or not word.isalpha():
        return []
    if word.endswith(("ed", "ing")):
        return []  # a verb's form: "recorded" is no "rekord"
    roots = [word[: -len(end)] + new for end, new in _INFLECTIONS if word.endswith(end) and len(word) - len(end) >= 4]
    roots.append(word)
    out: list[str] = []
    for root in roots:
        endings = [(end, new) for end, new in _ENDINGS if root.endswith(end) and len(root) > len(end) + 2]
        # The longest ending that fits, in each of its Swedish forms ("-ary": "-är", "-arie").
        ended = [root] + [root[: -len(end)] + new for end, new in endings if end == endings[0][0]]
        for form in ended:
            spelt = form
            for pattern, new in _LETTERS:
                spelt = pattern.sub(new, spelt)
            for candidate in (spelt, form):
                if candidate != word and candidate not in out:
                    out.append(candidate)
    return out


__all__ = ["cognates"]
