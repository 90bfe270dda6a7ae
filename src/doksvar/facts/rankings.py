"""Rankings: "plats 270 av 290", "rankas som nummer 36 av 290", "kom först av 290", with the
list's name, the year and the change since the last one."""

from __future__ import annotations

import re
from collections import Counter

from doksvar.facts import Fact, folded
from doksvar.facts.amounts import NUMBER_WORDS, ORDINALS
from doksvar.lang.words import SWEDISH_STOP, YEAR_BEFORE, YEAR_PATTERN
from doksvar.model import Document, Passage

_OF = r"(?:av|bland)\s+(?:(?:de|alla|landets|Sveriges|rikets|samtliga|totalt|[A-ZÅÄÖ]\w+s)\s+){0,2}(?P<of>\d{1,4}(?:\s\d{3})?)(?!\s?%|,\d)"  # noqa: E501
_ORD = "|".join(ORDINALS)
_NUMBER_WORD = "|".join(NUMBER_WORDS)
# Each pattern after a cheap test that every text it matches passes in `folded` form (a word or
# two it must hold): a pattern whose test fails is not run. Most sentences fail them all.
_RANK_PATTERNS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile("plats"), re.compile(rf"\bplats(?:en)?\s+(?:nummer\s+|nr\.?\s+)?(?P<rank>\d{{1,4}})\s+{_OF}", re.I)),
    (re.compile("nummer"), re.compile(rf"\bnummer\s+(?P<rank>\d{{1,4}})\s+{_OF}", re.I)),
    (
        re.compile(r"rank|placer|hamna|landa|kom(?:mer)?\s"),
        re.compile(
            rf"\b(?:rankas|rankades|rankad|rankats|rankar|placerar\s+sig|placerade\s+sig|hamnar|hamnade|landar|landade|kommer|kom)"
            rf"\s+(?:\w+\s+){{0,2}}?(?:som\s+)?(?:på\s+)?(?:plats\s+)?(?:nummer\s+)?(?P<rank>\d{{1,4}})(?::?[ae])?\s+{_OF}",
            re.I,
        ),
    ),
    (
        re.compile("plats"),
        re.compile(r"\bplats(?:en)?\s+(?:nummer\s+)?(?P<rank>\d{1,4})\b(?!\s*(?:av|bland|%|procent))", re.I),
    ),
    (re.compile("plats"), re.compile(rf"\b(?P<rank>\d{{1,4}}):?[ae]\s+plats(?:en)?\b(?:\s+{_OF})?", re.I)),
    (re.compile("plats"), re.compile(rf"\b(?P<word>{_ORD})\s*plats(?:en|ering\w*)?\b(?:\s+{_OF})?", re.I)),
    (re.compile("placering"), re.compile(rf"\b(?P<word>{_ORD})placering\w*\b", re.I)),
    # "År 2024 var placeringen 61."
    (
        re.compile("placering"),
        re.compile(r"\bplaceringen\s+(?:var\s+|blev\s+)?(?P<rank>\d{1,4})\b(?!\s*(?:%|procent|,\d))", re.I),
    ),
    # "den tredje högsta andelen … bland de nio kommunerna", "det näst största ökningen av de 21 regionerna".
    (
        re.compile(r"(?:högsta|största|bästa|lägsta|minsta|sämsta)\b"),
        re.compile(
            rf"\b(?:den|det)\s+(?P<word>{_ORD}|näst)\s+(?:högsta|största|bästa|lägsta|minsta|sämsta)\b"
            rf"(?:\s+[\wåäö-]+){{0,8}}?\s+(?:bland|av)\s+(?:(?:de|alla|länets|landets|rikets|samtliga)\s+)?"
            rf"(?P<of_word>\d{{1,3}}|{_NUMBER_WORD})\s+[\wåäö]+",
            re.I,
        ),
    ),
    (
        re.compile("först|etta|sist"),
        re.compile(
            rf"\b(?:kom|kommer|hamnade|hamnar|placerade\s+sig|placerar\s+sig|var)\s+(?:[\wåäö]+\s+){{0,2}}?(?P<first>först|etta|sist)\b(?:\s+{_OF})?",
            re.I,
        ),
    ),
    (
        re.compile("topp"),
        re.compile(
            r"\b(?P<top>toppade|toppar|toppa)\s+(?:ranking\w*|rankning\w*|listan|mätningen|undersökningen)", re.I
        ),
    ),
]
_SCALE = re.compile(
    r"\s+(?:är|innebär|betyder|motsvarar|=)\s+(?:den\s+|det\s+)?(?:bäst\w*|sämst\w*|högst\w*|lägst\w*)", re.I
)
"""What follows a place that explains the list's scale: "plats 1 är bäst", "placering 1 innebär lägst kostnad"."""
_PREVIOUS = re.compile(r"\bfrån\s+(?:plats\s+)?(?:nummer\s+)?(?P<prev>\d{1,4})(?::?[ae])?(?:\s+plats)?\b", re.I)
_UP_TO = re.compile(r"\s+till\s+")
"""What stands between the place before and the place now: "från plats 187 till plats 164"."""
_TARGET = re.compile(
    r"\b(?:ska|skall|vill|ambition\w*|målet\s+är|sikta\w*)\b[^.]*\b(?:rank\w*|plats\w*|placering\w*)", re.I
)
_PLACES = r"(?:placering\w*|platser|steg)\b"
"""What a change of place is counted in: "38 placeringar", "26 steg", "tappat 12 platser"."""
_DOWN = re.compile(
    rf"\b(?:tappar|tappade|tappat|backar|backade|backat|sjunker|sjönk|sjunkit|faller|föll|fallit|nedgång|försämring|tapp)\b"
    rf"\D{{0,25}}?\b(?P<n>\d{{1,3}}|{_NUMBER_WORD})\s+{_PLACES}",
    re.I,
)
_UP = re.compile(
    rf"\b(?:klättrar|klättrade|klättrat|klättring|stiger|steg|stigit|ökar|ökade|ökat|förbättr\w*|avancera\w*|ökning|lyft\w*)\b"
    rf"\D{{0,25}}?\b(?P<n>\d{{1,3}}|{_NUMBER_WORD})\s+{_PLACES}",
    re.I,
)
_YEAR = re.compile(rf"\b({YEAR_PATTERN})\b")
_EARLIER = re.compile(rf"\b(?:{YEAR_BEFORE}|då|jämfört\s+med|att\s+jämföra\s+med)\b", re.I)
"""Words of a clause that gives the place a ranking had before ("Ett år tidigare låg kommunen på plats
112", "…, jämfört med plats 156 året innan", "…, då kommunen låg på plats 71")."""
_CLAUSE_END = re.compile(r"[,;:()–]")
_NAME = re.compile(r"[A-ZÅÄÖ][\w&:'’.-]*(?:\s+(?:&\s+|och\s+|för\s+)?[A-ZÅÄÖ][\w&:'’.-]*)*")
_LIST_WORD = re.compile(r"(?:index|ranking|rankning|undersökning|enkät|barometer|kamp|mätning|jämförelse)", re.I)
_NOT_NAMES = {"sveriges", "sverige", "landets", "rikets", "kommunen", "kommunens", "staden", "regionen"}


def _maybe(low: str) -> bool:
    """Whether lower-cased text holds a word every ranking sentence holds: a cheap test before the
    patterns ("plats", "rank", "nummer", "placer", "först", "topp", "etta"), written out rather
    than as a loop, which costs more than the tests."""
    return (
        "plats" in low
        or "rank" in low
        or "nummer" in low
        or "placer" in low
        or "först" in low
        or "topp" in low
        or "etta" in low
        or "sta " in low
    )


def sentence_rankings(sentence: str) -> list[dict]:
    """The places in a ranking that one sentence states: rank, of how many, change, previous."""
    if not _maybe(sentence.lower()):
        return []
    low = folded(sentence)
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    previous = list(_PREVIOUS.finditer(sentence)) if "från" in low else []
    for test, pattern in _RANK_PATTERNS:
        if not test.search(low):
            continue
        for m in pattern.finditer(sentence):
            if any(m.start() < y and x < m.end() for x, y in taken):
                continue
            if any(p.start() <= m.start() < p.end() + 1 for p in previous):
                continue  # "förbättring från plats 134": the earlier place, not this one
            if _SCALE.match(sentence, m.end()):
                continue  # "där plats 1 är bäst": how the list is read, no place of anyone's
            groups = m.groupdict()
            if groups.get("rank"):
                rank = int(groups["rank"])
            elif groups.get("word"):
                rank = 2 if groups["word"].lower() == "näst" else ORDINALS[groups["word"].lower()]
            elif groups.get("first"):
                if groups["first"].lower() == "sist":
                    continue
                rank = 1
            elif groups.get("top"):
                rank = 1
            else:
                continue
            of = int(groups["of"].replace(" ", "")) if groups.get("of") else None
            if groups.get("of_word"):
                said_of = groups["of_word"].lower()
                of = int(said_of) if said_of.isdigit() else NUMBER_WORDS[said_of]
            if of is not None and (rank > of or of < 2):
                continue
            if of is None and groups.get("rank") and _YEAR.fullmatch(groups["rank"]):
                continue  # "jämfört med sjunde plats 2025": the year of a place, not a place
            if rank == 0:
                continue
            taken.append(m.span())
            r: dict = {"rank": rank, "of": of, "match": [m.start(), m.end()], "earlier": _earlier(sentence, m)}
            if groups.get("of_word"):
                r["said"] = sentence[m.start() : m.end()]  # "den tredje högsta andelen … bland de nio kommunerna"
            elif groups.get("word"):
                r["said"] = f"{groups['word'].lower()} plats"  # "sjätte plats": shown as the report says it
            found.append(r)
    # "kom först av 290" and "toppade rankningen" in one sentence are one place.
    merged: list[dict] = []
    for r in sorted(found, key=lambda r: r["match"][0]):
        twin = next(
            (
                x
                for x in merged
                if x["rank"] == r["rank"] and (x["of"] is None or r["of"] is None or x["of"] == r["of"])
            ),
            None,
        )
        if twin:
            twin["of"] = twin["of"] or r["of"]
            twin["match"] = [min(twin["match"][0], r["match"][0]), max(twin["match"][1], r["match"][1])]
        else:
            merged.append(r)
    merged = _with_earlier_places(merged)
    for r in merged:
        r["target"] = bool(_TARGET.search(sentence))
        change = _change(sentence)
        if change is not None:
            r["change"] = change
            r["change_said"] = True
        prev = next((p for p in previous if p.start() > r["match"][0]), None) or next(
            (p for p in previous if _UP_TO.fullmatch(sentence, p.end(), r["match"][0])), None
        )  # "från plats 187 till plats 164"
        if prev:
            r["previous"] = int(prev.group("prev"))
        if "previous" in r:
            r.setdefault("change", r["previous"] - r["rank"])
    return merged


def _earlier(sentence: str, m: re.Match[str]) -> bool:
    """Whether the clause around a place says it was the place before ("året innan", "då …")."""
    start = max((c.end() for c in _CLAUSE_END.finditer(sentence, 0, m.start())), default=0)
    end = next((c.start() for c in _CLAUSE_END.finditer(sentence, m.end())), len(sentence))
    return bool(_EARLIER.search(sentence[start:end]))


def _with_earlier_places(found: list[dict]) -> list[dict]:
    """A place the sentence gives as the one before ("…, att jämföra med plats 168 året innan") is the
    previous place of the ranking stated before it, not a ranking of its own."""
    out: list[dict] = []
    for r in found:
        if r["earlier"] and out and "previous" not in out[-1]:
            out[-1]["previous"] = r["rank"]
            if r.get("said"):
                out[-1]["previous_said"] = r["said"]
            continue
        if not r["earlier"]:
            del r["earlier"]  # kept only on a place that stands before its ranking's sentence
        out.append(r)
    return out


def _before(r: dict, sentence: str, last: dict) -> bool:
    """Whether the place `r` of a later sentence is the one the ranking `last` had before: said so
    ("året innan"), or dated before it."""
    if "previous" in last or r.get("of") not in (None, last.get("of")):
        return False
    if r.get("earlier"):
        return True
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and last.get("year") is not None and max(years) < last["year"]


def _change(sentence: str) -> int | None:
    """Places gained (+) or lost (-) as a sentence says it."""
    for pattern, sign in ((_DOWN, -1), (_UP, 1)):
        m = pattern.search(sentence)
        if m:
            n = m.group("n").lower()
            value = NUMBER_WORDS.get(n) or int(n)
            return sign * value
    return None


def list_name(sentence: str, passage_first: str, entities: set[str], named: frozenset[str] | None = None) -> str:
    """The name of the ranking list: a proper name in the sentence or in its passage's first.

    A word capitalised only because it opens a sentence ("Glädjande är att …", "Inom …") is a name
    only when the document writes it capitalised inside a sentence too (`named`, when given)."""
    for text in (sentence, passage_first):
        names = _names(text, entities, named)
        if names:
            names.sort(key=lambda n: (bool(_LIST_WORD.search(n)), len(n.split())), reverse=True)
            return names[0]
    return ""


def _names(text: str, entities: set[str], named: frozenset[str] | None = None) -> list[str]:
    out = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        if m.start() == 0 or text[: m.start()].rstrip().endswith((".", ":", ";")):
            while words and words[0].lower() in SWEDISH_STOP | {"trots", "även", "också"}:
                words = words[1:]
            if len(words) == 1 and named is not None and words[0].lower().rstrip(".:,") not in named:
                continue
        while words and (
            words[-1].lower() in _NOT_NAMES
            or words[-1].rstrip("s").lower() in entities
            or words[-1].lower() in entities
        ):
            words = words[:-1]
        while words and (
            words[0].lower() in _NOT_NAMES or words[0].lower() in entities or words[0].rstrip("s").lower() in entities
        ):
            words = words[1:]
        if not words:
            continue
        while words and words[-1].lower() in ("och", "för", "&"):
            words = words[:-1]
        name = " ".join(words).rstrip(".:,")
        # A lower-case word right after that names a list belongs to the name: "Nationellt ledtidsindex".
        tail = re.match(r"\s+([a-zåäö]\w*)", text[m.end() :])
        if tail and _LIST_WORD.search(tail.group(1)):
            name += " " + tail.group(1)
        if len(name) > 2:
            out.append(name)
    return out


# A capitalised word. "\b" written as a look-behind after the capital (no letter, digit or "_"
# before it) lets the regex engine skip ahead to capitals: three times as fast through a report.
_CAPITALISED = re.compile(r"[A-ZÅÄÖ](?<!\w[A-ZÅÄÖ])[a-zåäöé]+\b")


_INSIDE_CAPITALISED = re.compile(r"(?<=[a-zåäö0-9,] )[A-ZÅÄÖ][\w-]+")
"""A word capitalised inside a sentence, after a lower-case word: a name, not a sentence's opening."""


def inside_capitalised(text: str) -> frozenset[str]:
    """The words a text capitalises inside its sentences, lower-cased."""
    return frozenset(w.lower() for w in _INSIDE_CAPITALISED.findall(text))


def document_entities(doc: Document) -> set[str]:
    """Capitalised words that recur through the document: the organisation's own names."""
    counts = Counter(w.lower() for w in _CAPITALISED.findall(doc.text))
    return {w for w, n in counts.items() if n >= 8 and w not in SWEDISH_STOP}


def rankings(doc: Document) -> list[Fact]:
    """Every ranking place stated in the document's prose."""
    text = doc.text
    entities: set[str] | None = None  # read once a ranking is found: most reports state none
    named: frozenset[str] = frozenset()
    facts: list[Fact] = []
    for index, passage in enumerate(doc.passages):
        if passage.kind == "row" or not _maybe(text[passage.start : passage.end].lower()):
            continue  # no sentence of the passage can pass the test if the whole passage does not
        found = [sentence_rankings(text[a:b]) for a, b in passage.sentences]
        if not any(found):
            continue
        if entities is None:
            entities, named = document_entities(doc), inside_capitalised(text)
        facts.extend(_passage_rankings(doc, index, passage, found, entities, named))
    return facts


def _passage_rankings(
    doc: Document, index: int, passage: Passage, found: list[list[dict]], entities: set[str], named: frozenset[str]
) -> list[Fact]:
    """The facts of the rankings `found` in each sentence of a passage."""
    text = doc.text
    spans = list(passage.sentences)
    first = text[spans[0][0] : spans[0][1]] if spans else ""
    out: list[Fact] = []
    for k, (a, b) in enumerate(spans):
        sentence = text[a:b]
        for r in found[k]:
            if out and _before(r, sentence, out[-1].data):
                # "Ett år tidigare låg kommunen på plats 112." / "År 2024 var placeringen 61."
                last = out[-1].data
                last["previous"] = r["rank"]
                if r.get("said"):
                    last["previous_said"] = r["said"]
                if r.get("change_said"):
                    last["change"], last["change_said"] = r["change"], True
                last.setdefault("change", r["rank"] - last["rank"])
                last["change_span"] = [a, b]
                continue
            if k + 1 < len(spans) and "change" not in r:
                # "En nedgång med 16 placeringar ..." in the sentence after.
                a2, b2 = spans[k + 1]
                following = text[a2:b2]
                later = found[k + 1]
                prev = _PREVIOUS.search(following)
                if prev and (not later or prev.start() < later[0]["match"][0]):
                    r["previous"] = int(prev.group("prev"))
                    r["change"] = r["previous"] - r["rank"]
                    r["change_span"] = [a2, b2]
                elif not later and '"' not in following:
                    change = _change(following)
                    if change is not None:
                        r["change"], r["change_said"] = change, True
                        r["change_span"] = [a2, b2]
            years = _YEAR.findall(sentence) or _YEAR.findall(text[passage.start : passage.end])
            r["year"] = int(years[0]) if years else None
            r["list"] = list_name(sentence, first, entities, named)
            r["match"] = [a + r["match"][0], a + r["match"][1]]
            r["section"] = passage.section
            r["group"] = passage.group
            out.append(Fact("ranking", index, r, a, b))
    return out
