"""Budget deviations (avvikelser) stated in sentences and in tables' deviation columns.

A deviation is negative when costs run above budget or income below it, positive the other way
round. The direction comes, in this order, from words that say it ("negativ avvikelse",
"underskott"), from the sub-heading above ("Negativa avvikelser (högre utfall än planerat)"),
and from comparison words ("mer än budget", "överstiger budget med") read for a cost, or for
an income when the sentence is about intäkter.
"""

from __future__ import annotations

import re

from doksvar.facts import Fact, folded
from doksvar.facts.amounts import AMOUNT, number, to_mkr, unit_of
from doksvar.lang.words import RELATIVE_CLAUSE, TOTAL_ROW, is_organisation, is_period, is_year
from doksvar.model import Document, Passage

_BUDGET = r"(?:budget\w*|planera\w*|beräkna\w*|prognos\w*|förväntat|plan)"
_GAP = r"(?:[\w,-]+\s+){0,6}?"

_AFTER_CUE = r"\s.*(?:budget|plan|beräkna|prognos|förväntat)"  # what _BUDGET needs, somewhere after the cue

# Each pattern names the amount; the cue says which way the outcome went. The first pattern of
# each is a cheap test that every sentence the second matches passes in `folded` form (words it
# must hold): a pattern whose test fails is not run.
_PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    (
        "negative",
        re.compile("negativ"),
        re.compile(
            rf"negativ\w*\s+(?:budget)?avvikelse\w*\s+{_GAP}(?:på|om|med|av|till)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I
        ),
    ),
    (
        "positive",
        re.compile("positiv"),
        re.compile(
            rf"positiv\w*\s+(?:budget)?avvikelse\w*\s+{_GAP}(?:på|om|med|av|till)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I
        ),
    ),
    (
        "negative",
        re.compile("underskott"),
        re.compile(rf"underskott\w*\s+{_GAP}(?:på|om|med|av)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I),
    ),
    (
        "positive",
        re.compile("överskott"),
        re.compile(rf"överskott\w*\s+{_GAP}(?:på|om|med|av)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I),
    ),
    (
        # "ett överskridande på 40,0 mnkr": an overrun said as a noun (of costs, as the genre says it)
        "negative",
        re.compile("överskridande"),
        re.compile(rf"överskridande\w*\s+{_GAP}(?:på|om|med|av|till)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I),
    ),
    (
        # "prognosen för helåret är -21,0 mnkr", "för helåret prognostiseras -14,0 mnkr": a forecast
        # deviation given by its sign, a minus for a deficit as the genre writes it
        "negative",
        re.compile(r"prognos"),
        re.compile(
            r"(?:prognos\w*\s+(?:för\s+(?:hel)?året\s+)?(?:är|blir|uppgår\s+till|landar\s+på)|prognostiseras)"
            rf"\s+(?=[-−–]){AMOUNT}",
            re.I,
        ),
    ),
    # "Verksamheten har det största underskottet, 2 373 tkr.": the amount set after a comma
    ("negative", re.compile("underskott"), re.compile(rf"underskott\w*,\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I)),
    ("positive", re.compile("överskott"), re.compile(rf"överskott\w*,\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I)),
    ("negative", re.compile("underskott"), re.compile(rf"{AMOUNT}\s+(?:i\s+)?underskott", re.I)),
    ("positive", re.compile("överskott"), re.compile(rf"{AMOUNT}\s+(?:i\s+)?överskott", re.I)),
    (
        "over",
        re.compile(rf"(?s)(?:mer|högre|större|dyrare|över){_AFTER_CUE}"),
        re.compile(rf"{AMOUNT}\s+(?:mer|högre|större|dyrare|över)\s+(?:än\s+)?(?:\w+\s+){{0,2}}?{_BUDGET}", re.I),
    ),
    (
        "under",
        re.compile(rf"(?s)(?:lägre|mindre|billigare|under){_AFTER_CUE}"),
        re.compile(rf"{AMOUNT}\s+(?:lägre|mindre|billigare|under)\s+(?:än\s+)?(?:\w+\s+){{0,2}}?{_BUDGET}", re.I),
    ),
    # "gick back med 8,3 mnkr", "en förlust på 860 tkr": the everyday words for a deficit.
    ("negative", re.compile("back"), re.compile(rf"\bback\s+med\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I)),
    (
        "negative",
        re.compile("förlust"),
        re.compile(rf"förlust\w*\s+{_GAP}(?:på|om|med|av)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I),
    ),
    # "gick 6,4 mnkr sämre än budget": worse or better says the direction, for costs and income alike.
    ("negative", re.compile("sämre"), re.compile(rf"{AMOUNT}\s+sämre\s+än\s+(?:\w+\s+){{0,2}}?{_BUDGET}", re.I)),
    ("positive", re.compile("bättre"), re.compile(rf"{AMOUNT}\s+bättre\s+än\s+(?:\w+\s+){{0,2}}?{_BUDGET}", re.I)),
    (
        "over",
        re.compile("överst|översk|överdrag"),
        re.compile(
            rf"(?:överst[ie]g\w*|översk[ri]\w*d\w*|överdrag\w*)\s+{_GAP}med\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I
        ),
    ),
    (
        "under",
        re.compile("underst|undersk"),
        re.compile(rf"(?:underst[ie]g\w*|undersk[ri]\w*d\w*)\s+{_GAP}med\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I),
    ),
    (
        "neutral",
        re.compile("avvikelse"),
        re.compile(rf"(?:budget)?avvikelse\w*\s+{_GAP}(?:på|om|med|av|till|är)\s+(?:ca\s+|cirka\s+)?{AMOUNT}", re.I),
    ),
]

_EXPLANATION = re.compile(
    r"\b(?:vilket|som|det|detta)?\s*(?:främst\s+|huvudsakligen\s+|delvis\s+)?(?:beror|berodde|förklaras)\s+(?:främst\s+|huvudsakligen\s+|delvis\s+)?(?:på|av)\b"
    r"|\bpå grund av\b|\btill följd av\b|\beftersom\b|\bmed anledning av\b|\bmot bakgrund av\b|\bp\.g\.a\.",
    re.I,
)
_EXPLAINS = re.compile(
    r"^(?:förklaringen|anledningen|orsaken|skälet|avvikelsen\s+beror|det\s+beror|detta\s+beror|"
    r"det\s+förklaras|detta\s+förklaras|bakgrunden)\b",
    re.I,
)
_EXPLAINS_BACK = re.compile(
    r"^(?:avvikelsen|överskottet|underskottet|differensen|merkostnaden|kostnadsökningen|minskningen|ökningen"
    r"|det|detta)\b[^.]{0,40}?\b(?:beror|berodde|förklaras|förklarades|uppstår|uppstod|är en följd|var en följd"
    r"|hänger (?:ihop|samman)|främst för att|för att)\b",
    re.I,
)
"""A next sentence that names the deviation by pointing back and says where it comes from
("Överskottet uppstår främst för att gruppboendet stängdes …", "Underskottet förklaras av …")."""
_TOTAL = re.compile(
    r"^(?:utfall\w*|resultat\w*|totalt|sammantaget|sammanlagt|nettokostnad\w*|årets\s+resultat|periodens\s+resultat"
    r"|helår\w*|(?:överskottet|underskottet|budgetavvikelsen)\s+(?:mot|jämfört\s+med)\s+budget\w*)\b",
    re.I,
)
"""A deviation's sentence that speaks of the whole: its result or its own overall surplus
("Överskottet mot budget blir …")."""
_SAYS = re.compile(
    r"^(?:[\w-]+\s+(?:och\s+)?){0,3}?(\w+)\s+(?:(?:redovisa|visa|uppvisa|prognostisera|beräkna)(?:r|de)|bedöm(?:er|de))\b"
)
"""A sentence whose subject reports or shows something: the organisation's own, when the subject (its
last word: "Tekniska nämnden") is it."""
_SAYS_AFTER = re.compile(r"^[^.]{0,80}?\b(?:redovisa|visa|uppvisa|prognostisera|beräkna)(?:r|de)\s+(\w+)\s")
"""The same with a time or place put first, the subject after the verb (Swedish puts the verb second):
"Vid delårsrapporten per den 31 augusti prognostiserade nämnden ett underskott …"."""
_SITS = re.compile(
    r"\b(\w+)(?=\s+(?:[\w-]+\s+){0,4}?(?:ligger|låg|hamnar|hamnade|landar|landade)\s+(?:på\s+)?[-−–+]?\d)"
)
"""Where the organisation stands against its budget, wherever in the sentence: "… vilket innebär att
nämnden efter åtta månader ligger 31,8 mnkr över budget"."""
_SUBJECTLESS = re.compile(
    r"^(?:(?:i|vid|per|under|efter|enligt)\s[^,.]{0,60}?\s)?"
    r"(?:prognostiserades|beräknades|bedömdes|redovisades|väntades)\s+(?:ett|en)\s+",
    re.I,
)
"""A deviation said in the passive after a time ("I delårsrapporten per augusti prognostiserades ett
underskott på 1,4 mkr"): of whatever the paragraph is about."""
_THE_ORGANISATION = re.compile(
    r"(?:nämnden|nämnderna|förvaltningen|förvaltningarna|styrelsen|bolaget|förbundet|kommunen)$"
)
"""The organisation itself, named in the definite ("nämnden", "Tekniska nämnden"), not a unit of it
("Nämnd och förvaltningsledning")."""
_FOR_WHAT = re.compile(r"\bför\s+(\w+)", re.I)


def _of_the_whole(sentence: str, own: frozenset[str] = frozenset(), first: bool = True, before: str = "") -> bool:
    """Whether a deviation's sentence is of the whole: the result's, or the organisation's own
    when it names nothing it is for but the period ("Förvaltningen visar överskott på 19,5 miljoner
    kronor för perioden"; not "Nämnden redovisar en negativ avvikelse på 1,3 mkr för elkostnader").
    `own` holds the names the report's cover gives its organisation ("kulturnämnden"). A sentence
    further into its paragraph (not `first`) is the whole's only where the organisation stands against
    its budget, or a board of the report's own kind says so and no other board is named `before` it."""
    if first and _TOTAL.match(sentence):
        return True
    said = [m.group(1).lower() for m in (_SAYS.match(sentence), _SAYS_AFTER.match(sentence)) if m is not None]
    if not first:
        # Further into a paragraph "nämnden" may be another board the paragraph is about ("Socialnämnden
        # redovisar … I delårsrapporten prognostiserade nämnden …"); where the organisation stands
        # against its budget ("nämnden ligger 31,8 mnkr över budget") is its own, and so is a board of
        # the report's own kind that says so ("prognostiserade nämnden" of a nämnd's own report).
        others = {n.lower() for n in _OWN_NAME.findall(before)} - own
        said = [who for who in said if _own_kind(who, own) and not others]
    said += [m.group(1).lower() for m in _SITS.finditer(sentence)]
    if not any(who in own or (is_organisation(who) and _THE_ORGANISATION.search(who)) for who in said):
        return False
    return all(is_period(w) or is_year(w) or w.lower() in ("året", "hela") for w in _FOR_WHAT.findall(sentence))


def _own_kind(who: str, own: frozenset[str]) -> bool:
    """Whether "nämnden", "förvaltningen", … is the kind of organisation the report's cover names as
    its own ("nämnden" of Barn- och utbildningsnämnden's report, not of the auditors')."""
    m = _THE_ORGANISATION.search(who)
    if m is None or m.start() != 0:
        return False
    kind = who[:-2] if who.endswith(("en", "et")) else who
    return any(kind in name for name in own)


_OWN_NAME = re.compile(r"\w{3,}(?:nämnd|förvaltning|styrelse|förbund|bolag)\w{0,3}", re.I)
"""A board's, an administration's or a company's name as one word ("Kulturnämnden", "Kommunstyrelsen")."""
COVER = 600
"""How far into a report its cover and title run: where it names its own organisation."""


def own_names(doc: Document) -> frozenset[str]:
    """The names the report gives its own organisation on its cover and in its title ("Delårsrapport
    2026 Kulturnämnden"): a sentence of that name's deviation is the whole's."""
    first = min((s.start for s in doc.sections), default=len(doc.text))
    cover = f"{doc.title} {doc.text[: min(first, COVER)]}"
    return frozenset(m.group().lower() for m in _OWN_NAME.finditer(cover))


_INCOME = re.compile(r"\w*intäkt\w*|\bbidrag\w*\s+(?:från|ifrån)|\bersättning\w*\s+från|\bavgift\w*", re.I)
_COST = re.compile(r"\bkostnad\w*|\butgift\w*|\butfall\w*\b", re.I)
_DEVIATION_COLUMN = re.compile(
    r"avvikelse|\bavv(?:ik)?\b|utfall\s*[-–−]\s*budget|budget\s*[-–−]\s*utfall|differens|återstår|diff\b", re.I
)


def direction_of(cue: str, sentence: str, amount_start: int, label: str) -> str:
    """ "negative", "positive" or "unknown" for a deviation with comparison cue `cue`."""
    if cue in ("negative", "positive"):
        return cue
    heading = label.lower()
    if "negativ" in heading:
        return "negative"
    if "positiv" in heading:
        return "positive"
    if cue == "neutral":
        return "unknown"
    # What a relative clause says of the subject ("Måltidsservice, som finansieras genom ersättningar
    # från …, överskred budget") is not what the deviation is of.
    before = RELATIVE_CLAUSE.sub(" ", sentence[:amount_start])
    income = bool(_INCOME.search(before)) and not _COST.search(before)
    over = cue == "over"
    return ("positive" if over else "negative") if income else ("negative" if over else "positive")


_MAYBE = re.compile(r"\d\s?(?:mdkr|mnkr|mkr|tkr|kkr|miljard|miljon|tusen|kronor|kr\b)", re.I)
# `_MAYBE` without its `\b`: what a passage holds when one of its sentences passes `_MAYBE`.
_MAYBE_IN = re.compile(r"\d\s?(?:mdkr|mnkr|mkr|tkr|kkr|miljard|miljon|tusen|kronor|kr)", re.I)


def sentence_deviations(sentence: str, label: str = "") -> list[dict]:
    """The deviations one sentence states: amount, unit, direction and the amount's span."""
    if not _MAYBE.search(sentence):
        return []  # no amount of money, no deviation: most sentences leave here
    low = folded(sentence)
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    for cue, test, pattern in _PATTERNS:
        if not test.search(low):
            continue
        for m in pattern.finditer(sentence):
            a, b = m.span("amount")
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            amount_text = m.group("amount").strip()
            unit = unit_of(m.group("unit"))
            value = abs(number(amount_text))
            found.append(
                {
                    "amount": value,
                    "amount_text": amount_text.lstrip("-−– "),
                    "unit": unit,
                    "mkr": to_mkr(value, unit),
                    "direction": direction_of(cue, sentence, a, label),
                    "cue": cue,
                    "match": [m.start(), m.end()],
                    "span_amount": [a, m.end("unit")],
                }
            )
    found.sort(key=lambda d: d["span_amount"][0])
    return found


def explanation_span(sentences: list[tuple[int, int]], k: int, text_of) -> tuple[int, int] | None:
    """Where the reason for the deviation in sentence `k` stands: in it, or in the next one."""
    a, b = sentences[k]
    sentence = text_of(a, b)
    m = _EXPLANATION.search(sentence)
    if m:
        return a + m.start(), b
    if k + 1 < len(sentences):
        a2, b2 = sentences[k + 1]
        following = text_of(a2, b2)
        if _EXPLAINS.match(following) or _EXPLAINS_BACK.match(following):
            return a2, b2
    return None


def deviations(doc: Document) -> list[Fact]:
    """All deviations of a document, from its prose and its tables."""
    facts: list[Fact] = []
    text = doc.text
    own = own_names(doc)

    def text_of(a: int, b: int) -> str:
        return text[a:b]

    led: set[tuple[str, str]] = set()  # the sub-headings whose first paragraph was read for a lead-in
    for index, passage in enumerate(doc.passages):
        lead = None
        if passage.kind != "row" and (passage.section, passage.label) not in led:
            led.add((passage.section, passage.label))
            lead = _item_lead(doc, index, passage, from_label=True)
        if lead is None and passage.kind == "para":
            lead = _item_lead(doc, index, passage)
        if lead is not None:
            facts.append(lead)
        if passage.kind == "row" or not _MAYBE_IN.search(text, passage.start, passage.end):
            continue  # no amount of money in the passage: no sentence of it states a deviation
        spans = list(passage.sentences)
        whole = False  # whether a sentence before, in this paragraph, stated the whole's deviation or result
        for k, (a, b) in enumerate(spans):
            sentence = text[a:b]
            for dev in sentence_deviations(sentence, passage.label):
                dev["span_amount"] = [a + dev["span_amount"][0], a + dev["span_amount"][1]]
                dev["match"] = [a + dev["match"][0], a + dev["match"][1]]
                if dev["direction"] == "unknown":
                    dev["direction"] = _direction_from_figures(passage, text)
                dev["total"] = _of_the_whole(sentence, own, first=k == 0, before=text[passage.start : a]) or (
                    # "… en negativ budgetavvikelse om 1,8 mkr. I delårsrapporten per augusti
                    # prognostiserades ett underskott på 1,4 mkr.": said of no one else, the whole's still.
                    whole and bool(_SUBJECTLESS.match(sentence))
                )
                whole = whole or dev["total"] or bool(_TOTAL.match(sentence))
                dev["subject"] = _subject(passage, k, text)
                dev["explanation"] = explanation_span(spans, k, text_of)
                dev["label"] = passage.label
                dev["section"] = passage.section
                dev["source"] = "text"
                facts.append(Fact("deviation", index, dev, a, b))
    # A sentence's deviation its sub-heading names the item of is kept once, as the item's.
    named = {tuple(f.data["span_amount"]) for f in facts if f.data.get("lead")}
    facts = [f for f in facts if f.data.get("lead") or tuple(f.data["span_amount"]) not in named]
    facts.extend(_table_deviations(doc))
    _restated_totals(facts)
    return facts


_LEAD = re.compile(
    rf"[*_\s]*(?P<item>[^\W\d_][^\n.:;()]{{0,80}}?)\s*\(\s*(?P<plus>\+\s?)?{AMOUNT}\s*\)[*_]*\s*(?:[.:]|$)"
)
"""An item named with its deviation as a lead-in ("Hemtjänst (-9 300 tkr)", "*Kulturskola (−970 tkr).*"),
as a report's analysis of its deviations heads the paragraph that explains each."""
_SAYS_NEGATIVE = re.compile(r"\b(?:underskott\w*|negativ\w*|överskrid\w*)", re.I)
_SAYS_POSITIVE = re.compile(r"\b(?:överskott\w*|positiv\w*)", re.I)
LEAD_WORDS = 8
"""Words an item's name may have: more, and the lead-in is a sentence, not a name."""
NAME_WORDS = 5
"""Words a paragraph's first sentence may have to be an item's name set before its deviation."""
_FINITE_VERB = re.compile(
    r"\b(?:är|var|har|hade|blev|blir|ska|skall|kan|kunde|får|fick|visar|visade|redovisar|redovisade|ökade|minskade)\b",
    re.I,
)
NAMED_REASONS = 2
"""Sentences after the one stating an item's deviation under its sub-heading that explain it."""


def _item_lead(doc: Document, index: int, passage: Passage, from_label: bool = False) -> Fact | None:
    """The deviation an item's lead-in states, explained by the paragraph it heads: a sub-heading
    naming the item and its amount over the paragraph, or the paragraph's own first words."""
    text = doc.text
    if from_label:
        m = _LEAD.fullmatch(passage.label.strip())
        if m is None:
            return _named_by_label(doc, index, passage)
        at = text.rfind(passage.label.strip(), max(0, passage.start - 400), passage.start)
        if at < 0:
            return None
        explained = (passage.start, passage.end)
    else:
        m = _LEAD.match(text, passage.start, passage.end)
        if m is None:
            return _named_by_lead_in(doc, index, passage)
        if m.end() >= passage.end:
            return None
        at = 0
        rest = text[m.end() : passage.end]
        explained = (m.end() + len(rest) - len(rest.lstrip()), passage.end)
    if len(m.group("item").split()) > LEAD_WORDS:
        return None
    end = explained[1]
    if text[passage.start : passage.end].rstrip().endswith(":"):
        # "Avvikelsen har tre huvudsakliga förklaringar:" and the list that gives them
        for other in doc.passages[index + 1 :]:
            if other.kind != "item" or other.label != passage.label:
                break
            end = other.end
    explained = (explained[0], end)
    amount_text = m.group("amount")
    unit = unit_of(m.group("unit"))
    value = abs(number(amount_text))
    if not value:
        return None
    signed = "negative" if amount_text.lstrip()[:1] in "-−–" else "positive" if m.group("plus") else "unknown"
    direction = signed
    if direction == "unknown":
        # No sign: the paragraph's words say which way, when they say only one ("Överskottet beror på …").
        said = text[explained[0] : explained[1]]
        words = {d for d, says in (("negative", _SAYS_NEGATIVE), ("positive", _SAYS_POSITIVE)) if says.search(said)}
        direction = next(iter(words)) if len(words) == 1 else signed
    a, b = at + m.start("item"), at + m.end()
    item = m.group("item").strip(" *_")
    return Fact(
        "deviation",
        index,
        {
            "amount": value,
            "amount_text": amount_text.lstrip("-−– "),
            "unit": unit,
            "mkr": to_mkr(value, unit),
            "direction": direction,
            "cue": "lead",
            "lead": True,
            "match": [a, b],
            "span_amount": [at + m.start("amount"), at + m.end("unit")],
            "total": False,
            "subject": item,
            "explanation": explained,
            "label": passage.label,
            "section": passage.section,
            "source": "text",
            "row_label": item,
        },
        a,
        b,
    )


_ITEM_LABEL = re.compile(r"[^\W\d_][^.:;()?!\n]{0,60}")
"""A sub-heading that can be an item's name: short, no sentence, no lead-in to a list."""


def _named_by_lead_in(doc: Document, index: int, passage: Passage) -> Fact | None:
    """The deviation the second sentence of a paragraph states, of the item its first names alone
    ("**Barn och unga, placeringar.** Verksamheten beräknas överskrida sin budget med -7 700 tkr.")."""
    if len(passage.sentences) < 2:
        return None
    a, b = passage.sentences[0]
    name = doc.text[a:b].strip().strip("*_").rstrip(".:").strip("*_ ")
    if not _ITEM_LABEL.fullmatch(name) or len(name.split()) > NAME_WORDS or not name[:1].isupper():
        return None
    if _FINITE_VERB.search(name):
        return None  # "Badhuset var stängt i fem veckor.": a sentence, no name
    if _names_a_group(name):
        return None
    return _named_item(doc, index, passage, name, 1)


def _named_by_label(doc: Document, index: int, passage: Passage) -> Fact | None:
    """The deviation the first sentence under an item's sub-heading states ("Digitalisering och IT" /
    "Verksamheten har det största underskottet, 2 373 tkr."), as that item's, explained by its paragraph."""
    label = passage.label.strip()
    if not passage.sentences or not _ITEM_LABEL.fullmatch(label) or len(label.split()) > LEAD_WORDS:
        return None
    if _names_a_group(label):
        return None
    return _named_item(doc, index, passage, label, 0)


def _names_a_group(name: str) -> bool:
    """Whether a heading names deviations of a kind ("Verksamheter med underskott", "Negativa
    avvikelser"), not an item."""
    return bool(_SAYS_NEGATIVE.search(name) or _SAYS_POSITIVE.search(name)) or "avvikelse" in name.lower()


def _named_item(doc: Document, index: int, passage: Passage, label: str, k: int) -> Fact | None:
    """The deviation sentence k of a paragraph states, as the named item's, with the sentences after
    it as its explanation."""
    a, b = passage.sentences[k]
    # The item's own sentences, not all its paragraph: a paragraph may go on to what eased or
    # worsened it the other way ("Lägre kostnader för köpta platser minskade underskottet något").
    said = passage.sentences[k : k + 1 + NAMED_REASONS]
    found = sentence_deviations(doc.text[a:b], label)
    if len(found) != 1 or found[0]["direction"] == "unknown":
        return None
    dev = found[0]
    dev["span_amount"] = [a + dev["span_amount"][0], a + dev["span_amount"][1]]
    dev["match"] = [a, b]
    dev.update(
        lead=True,
        total=False,
        subject=f"{label}: {doc.text[a:b]}",
        explanation=(a, said[-1][1]),
        label=passage.label,
        section=passage.section,
        source="text",
        row_label=label,
    )
    return Fact("deviation", index, dev, a, b)


def _restated_totals(facts: list[Fact]) -> None:
    """A sentence that states a table's total deviation ("… slutade med ett underskott mot budget
    på 1,2 mnkr" beside a total row of -1 170 tkr) speaks of the whole, whatever it calls it."""
    totals = [f.data for f in facts if f.data["source"] == "table" and f.data["total"]]
    for f in facts:
        d = f.data
        if d["source"] != "text" or (d["total"] and d["direction"] != "unknown"):
            continue
        for t in totals:
            if d["direction"] in ("unknown", t["direction"]) and _same_amount(d, t["mkr"]):
                d["total"] = True
                d["direction"] = t["direction"]
                break


def _same_amount(d: dict, mkr: float) -> bool:
    """Whether a stated amount is `mkr` to the precision it is stated with (1,2 mnkr for 1 170 tkr)."""
    per_unit = to_mkr(1, d["unit"])
    if not per_unit or not mkr:
        return False
    decimals = len(d["amount_text"].partition(",")[2])
    return round(mkr / per_unit, decimals) == round(d["amount"], decimals)


def _subject(passage: Passage, k: int, text: str) -> str:
    """What a deviation is about: its sentence, led by the passage's first one if not first."""
    a, b = passage.sentences[k]
    own = text[a:b]
    if k > 0:
        a0, b0 = passage.sentences[0]
        return text[a0:b0] + " " + own
    return own


_BUDGETED = re.compile(rf"budgeter\w*\s+(?:till\s+)?{AMOUNT}", re.I)
_OUTCOME = re.compile(rf"utfall\w*\s+(?:\w+\s+){{0,3}}?{AMOUNT}", re.I)


def _direction_from_figures(passage: Passage, text: str) -> str:
    """For "en avvikelse på 9,5 mkr": compare what was budgeted with the outcome, if both are said."""
    body = text[passage.start : passage.end]
    budget, outcome = _BUDGETED.search(body), _OUTCOME.search(body)
    if not budget or not outcome:
        return "unknown"
    b = to_mkr(number(budget.group("amount")), unit_of(budget.group("unit")))
    o = to_mkr(number(outcome.group("amount")), unit_of(outcome.group("unit")))
    if o == b:
        return "unknown"
    return "negative" if o > b else "positive"


def _table_deviations(doc: Document) -> list[Fact]:
    """Rows of a table with a deviation column ("Utfall - budget", "Avvikelse", "Återstår")."""
    facts: list[Fact] = []
    row_passage = {(p.table, p.start): i for i, p in enumerate(doc.passages) if p.kind == "row" and p.table is not None}
    default_unit: str | None = None  # the report's own unit, read only when a table does not say its own
    for t_index, table in enumerate(doc.tables):
        columns = [c for c, h in enumerate(table.header) if c > 0 and _DEVIATION_COLUMN.search(h)]
        if not columns:
            continue
        unit = _table_unit(table.caption + " " + " ".join(table.header))
        if not unit and _COUNTED.search(table.caption + " " + " ".join(table.header)):
            continue  # "Antal barn och elever": budgeted and actual counts, no money
        if not unit:
            default_unit = _document_unit(doc.text) if default_unit is None else default_unit
            unit = default_unit
        for order, column in enumerate(columns):
            facts.extend(_column_deviations(doc, table, t_index, column, order, unit, row_passage))
    return facts


def _column_deviations(
    doc: Document, table, t_index: int, column: int, order: int, unit: str, row_passage: dict[tuple[int, int], int]
) -> list[Fact]:
    """The deviations of one deviation column of a table ("Avvikelse jan–aug", "Avvikelse helår")."""
    facts: list[Fact] = []
    rows = len({c.row for c in table.cells if c.col == column and c.value})
    summing = _sums(table, column)
    overrun_positive = _overrun_is_positive(table, column)
    for cell in table.cells:
        if cell.col != column or cell.value is None or cell.value == 0:
            continue
        line_start = doc.text.rfind("\n", 0, cell.start) + 1
        line_end = doc.text.find("\n", cell.end)
        line_end = len(doc.text) if line_end < 0 else line_end
        index = row_passage.get((t_index, line_start))
        if index is None:
            continue
        value = abs(cell.value)
        facts.append(
            Fact(
                "deviation",
                index,
                {
                    "amount": value,
                    "amount_text": cell.text.lstrip("-−– "),
                    "unit": unit,
                    "mkr": to_mkr(value, unit),
                    "direction": "negative" if (cell.value < 0) != overrun_positive else "positive",
                    "cue": "table",
                    "match": [line_start, line_end],
                    "span_amount": [cell.start, cell.end],
                    "total": bool(TOTAL_ROW.match(cell.row_label)) or rows == 1 or cell.row in summing,
                    "subject": f"{cell.row_label} ({table.caption}, {cell.col_label})",
                    "explanation": None,
                    "label": table.caption,
                    "section": table.section,
                    "source": "table",
                    "row_label": cell.row_label,
                    "col_label": cell.col_label,
                    "column": order,
                },
                line_start,
                line_end,
            )
        )
    return facts


_BUDGET_COLUMN = re.compile(r"budget", re.I)
_OUTCOME_COLUMN = re.compile(r"utfall|nettokostnad|bokslut|prognos|redovisat", re.I)
_NOT_A_COST = re.compile(r"intäkt|resultat|skatt|statsbidrag|bidrag|ersättning|avgift", re.I)
_OF_RESULTS = re.compile(r"^\W*(?:(?:tabell|table)\s*\d+[.:]?\s*)?(?:\w+\s+)?(?:\w*resultat|intäkter)\b", re.I)
"""A caption of results or income ("Rörelseresultat per verksamhetsområde", "Intäkter per …")."""


def _overrun_is_positive(table, column: int) -> bool:
    """Whether the table's deviation column counts a cost over budget as positive ("nettokostnad
    minus budget"), as some reports do, rather than negative ("budget minus utfall"): read from its
    cost rows, whose outcome and budget the table gives beside the deviation."""
    if _OF_RESULTS.search(table.caption):
        return False  # "Rörelseresultat per affärsområde": a result above its budget is a surplus
    header = table.header
    budget = next((i for i, h in enumerate(header) if i and i != column and _BUDGET_COLUMN.search(h)), None)
    outcome = next(
        (
            i
            for i, h in enumerate(header)
            if i and i not in (column, budget) and _OUTCOME_COLUMN.search(h) and not _BUDGET_COLUMN.search(h)
        ),
        None,
    )
    if budget is None or outcome is None:
        return False
    by_row: dict[int, dict[int, float]] = {}
    labels: dict[int, str] = {}
    for c in table.cells:
        if c.value is not None and c.col in (budget, outcome, column):
            by_row.setdefault(c.row, {})[c.col] = c.value
            labels[c.row] = c.row_label
    positive = negative = 0
    for row, values in by_row.items():
        if len(values) < 3 or not values[column] or _NOT_A_COST.search(labels[row]):
            continue
        b, o, d = values[budget], values[outcome], values[column]
        if abs(abs(d) - abs(o - b)) > max(1.0, abs(d)) * 0.05:
            continue  # the deviation is not of these two columns
        over = abs(o) - abs(b)  # a cost above its budget, however the table signs its costs
        if over and (over > 0) == (d > 0):
            positive += 1
        elif over:
            negative += 1
    return positive >= SIGN_VOTES and positive >= 2 * negative


SIGN_VOTES = 2
"""Cost rows that must show a table's own sign convention before it is read the other way round."""


def _sums(table, column: int) -> set[int]:
    """Rows whose figure in `column` is the sum of the item rows above it ("Verksamhetens
    nettokostnad" under the committees' rows and "Summa nämnder"): a total, whatever its label."""
    out: set[int] = set()
    running, items = 0.0, 0
    for cell in sorted((c for c in table.cells if c.col == column and c.value is not None), key=lambda c: c.row):
        decimals = len(cell.text.rpartition(",")[2]) if "," in cell.text else 0
        if TOTAL_ROW.match(cell.row_label) or (items >= SUMMED_ROWS and abs(cell.value - running) < 10**-decimals / 2):
            out.add(cell.row)
            continue
        running += cell.value
        items += 1
    return out


SUMMED_ROWS = 3
"""Item rows a figure must sum to be read as their total: with fewer, a sum may be chance."""


_COUNTED = re.compile(r"\b(?:antal|personer|årsarbetare|timmar|dagar|procent)\b|%", re.I)
"""Words of a caption or header that say a table counts something other than money."""


def _table_unit(text: str) -> str:
    m = re.search(r"\b(mdkr|mnkr|mkr|tkr|kkr|tusen kronor|miljoner kronor|kr)\b", text, re.I)
    return unit_of(m.group(1)) if m else ""


def _document_unit(text: str) -> str:
    """The unit a report mostly counts money in, for tables that do not say theirs."""
    millions = len(re.findall(r"\b(?:mnkr|mkr|miljoner kronor)\b", text, re.I))
    thousands = len(re.findall(r"\b(?:tkr|kkr|tusen kronor)\b", text, re.I))
    if not millions and not thousands:
        return ""
    return "mkr" if millions >= thousands else "tkr"
