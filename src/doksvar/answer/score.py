"""One scale for every candidate answer, and "not in the report" as the answer that wins when none
covers the question.

Every handler (deviation, ranking, table cell, fact sentence) proposes an answer with the
citations it rests on; this module weighs the evidence those citations show a reader — the
quoted text, the paragraph around it, the section title, a table's row, column and caption —
against the question: how much of its *subject* the evidence covers (each word weighted by how
rare it is in the report and in Swedish at large), whether it holds the kind of answer asked for,
and whether it speaks of the year asked about. The weights live here, in one place.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from doksvar.answer.goals import asks_status, states_status
from doksvar.answer.intent import is_cue_word
from doksvar.answer.question import (
    DURATION,
    MADE_IT,
    PART_WORDS,
    PLACE_LIST_WORDS,
    REASON_WORDS,
    STAFF,
    Question,
    asks_share,
    budgets,
    counted_text,
    direction_fit,
    in_percent,
    unit_fit,
    without_years,
)
from doksvar.answer.retrieve import CAUSE_WORDS, THEREFORE, figure_of_another
from doksvar.answer.subject import COMMON_SHARE, found_in, heads_title
from doksvar.index.query import Term
from doksvar.lang.frequency import generality_weight, is_everyday, is_general
from doksvar.lang.lazy import lazy
from doksvar.lang.terms import label_words
from doksvar.lang.words import (
    COST_STEM,
    FULL_YEAR,
    GENERIC,
    GROUP_STEMS,
    LAST_YEAR,
    MONTHS,
    NUMBER_WORD,
    PART_OF_YEAR,
    PERIOD,
    PERSON_NAME,
    TOTAL_ROW,
    YEAR_BEFORE,
    YEAR_IN_TEXT,
    YEAR_PATTERN,
    age_groups,
    is_organisation,
    is_period,
    own_years,
    stem_set,
    words,
    years_in,
)
from doksvar.model import Answer

if TYPE_CHECKING:
    from doksvar.answer import Answerer

# How much each kind of evidence counts toward covering a term.
IN_QUOTE = 1.0
IN_PARAGRAPH = 0.75
IN_TITLE = 0.6
AS_COMPOUND_PART = 0.75
"""A term matched only inside a compound ("ekonomisystem" for "system") counts this share."""

ORGANISATION_SHARE = 0.2
"""What "nämnden", "förvaltningens" (the report's own organisation) and words of the genre
("andel", "tabellen") weigh: they say little about which passage answers."""

# Feature weights: the score is coverage plus these.
KIND_MATCH = 0.15
KIND_MISMATCH = -0.3
NO_FIGURE = -0.31
"""A question for a figure ("Hur många …", "Vad kostade …") whose evidence states none: never an answer."""
_ASKS_MONEY = lazy(
    r"\b(?:pengar\w*|kronor|kr|money|funds|betala\w*|kostar|kostade|kostat|pay|pays|paid|cost|costs|price|prices|priser)\b"
)
"""A question after a sum of money, which a figure in another unit does not answer."""
_COUNTED = lazy(r"\b(?:antal\w*|st|stycken|personer|deltagare|number)\b", re.I)
_MONEY_NOUN = lazy(r"\b(?:pengar\w*|kronor|kr|money|funds)\b")
_MONEY_UNIT = lazy(r"\b(?:tkr|mnkr|mkr|mdkr|kkr|kr|kronor|miljoner|miljarder|sek)\b", re.I)


NOT_SAID_MOST = -0.15
"""A sentence of one item, asked which item is largest, that does not say it is."""
_SAYS_MOST = lazy(
    r"\b(?:störst\w*|högst\w*|mest|flest|lägst\w*|längst\w*|kortast\w*|minst|bäst|sämst|främst\w*|enda"
    r"|largest|biggest|most|highest|lowest|longest|best|worst)\b",
    re.I,
)


def states_money(text: str) -> bool:
    """Whether a text gives an amount of money ("747 tkr", "3,2 mnkr")."""
    return bool(_MONEY_UNIT.search(text))


_MONEY_WORD = lazy(rf"{_MONEY_UNIT.pattern}|pris|avgift|taxa|kostnad|budget|intäkt|utfall", re.I)
"""Evidence of a sum of money: a unit of money, or the name of a figure in kronor ("Pris 2026")."""
INTENT_MATCH = 0.12
DIRECTION_MATCH = 0.1
DIRECTION_MISMATCH = -0.15
"""Evidence of a deficit where a surplus is asked about, or the other way round."""
YEAR_MATCH = 0.1
YEAR_MISMATCH = -0.7
ONE_FOR_MANY = -0.35
"""One table cell offered where the question asks for several things ("Vilka …")."""
MANY_FOR_ONE = -0.2
"""A list of deviations offered where the question asks about one thing."""
NO_DEVIATION = -0.1
"""A deviation asked about one way, and evidence that states none either way."""
_STATES_DEVIATION = lazy(
    r"avvik|budget|plan|prognos\w* (?:är|visar)|överskott|underskott|översk|undersk|överst|underst|över budget"
    r"|under budget|högre än|lägre än|mer än|mindre än|plus|minus|förlust|back\b",
    re.I,
)
A_DIFFERENCE = -0.15
"""A figure stated as a difference ("Intäkterna är 6 650 tkr högre än budget") where the question asks
for the amount itself ("Hur stora intäkter hade nämnden?")."""
_DIFFERENCE = lazy(
    r"\d(?:[\d\u00a0\u202f ,]*\d)?\s*(?:%|procent|tkr|mkr|mnkr|kr|kronor|miljoner kronor|tusen kronor)?\s+"
    r"(?:högre|lägre|mer|mindre|större|bättre|sämre|fler|färre)\s+än\b"
    # "… har ökat med 7,1 procent": a change, not the figure itself
    r"|\b(?:ökat|ökade|minskat|minskade|stigit|steg|sjunkit|sjönk)\s+med\s+(?:\w+\s+)?\d[\d ,]*\s*(?:%|procent)",
    re.I,
)
_ASKS_DIFFERENCE = lazy(
    r"\b(?:högre|lägre|mer|mindre|större|bättre|sämre|fler|färre|ök\w*|minsk\w*|förändr\w*|skillnad\w*|jämfört"
    r"|utvecklat?s?|more|less|higher|lower|increase\w*|decrease\w*|chang\w*|differ\w*|compared)\b",
    re.I,
)
OTHER_PERIOD = -0.2
"""The full year asked about and the evidence of the part of the year so far, or the other way round."""
UNIT_MATCH = 0.1
UNIT_MISMATCH = -0.1
"""The figure in the unit the question asks for ("uttryckt i kronor"), or only in another."""
LEADS_IN = -0.2
"""A sentence that only introduces a list ("… följande delar:"): the list answers, not it."""
NO_PLACE = -0.33
"""A question for a place in a list ("What place did …", "Vilken placering …") whose answer gives none."""
_ASKS_PLACE = lazy(r"\b(?:what|which) (?:place|position|rank)\b|\bvilken (?:plats|placering)\b|\bwhere did \w+ rank\b")
NO_NAME = -0.32
"""A question for who or which company ("Vilken leverantör …?") whose answer names none: never an answer."""
_ASKS_NAME = lazy(
    r"\b(?:vilken|vilket|vilka)\s+(?:\w+\s+)?(?:leverantör|företag|bolag|konsult|entreprenör|firma|byrå|aktör)\w*"
    r"|\bvem\b|\bwho\b|\bwhich (?:\w+ )?(?:suppliers?|compan(?:y|ies)|contractors?|consultants?|firms?)\b"
)


_COMPANY = lazy(r"\b(?:AB|aktiebolag\w*)\b")
"""A company named as Swedish companies are ("Älvstranden utveckling AB")."""


def heading_naming(result: Answer, q: Question) -> str | None:
    """The heading of the answer's first citation when it names the one of the kind asked for
    ("Vilken nämnd …?" – "Kritik riktas till förskolenämnden") and the answer does not."""
    kind = q.focus
    if not q.which or len(kind) < 4 or result.intent != "fact" or not result.citations:
        return None

    def names_one(text: str) -> bool:
        # A word holding the kind after a name of its own ("förskolenämnden"), or a company's name.
        if kind == "bolag" and _COMPANY.search(text):
            return True
        return any(kind in s and not s.startswith(kind) for s in stem_set(text))

    title = result.citations[0].title
    return title if not names_one(result.answer) and names_one(title) else None


def _names_other(text: str, q: Question) -> bool:
    """Whether a text names someone or something the question does not: a capitalised word inside
    a sentence, an acronym, a company ("… AB")."""
    asked = {w for t in q.terms for w in (t.stem, *t.alternatives)}
    inside = re.findall(r"(?<![.!?:])\s([A-ZÅÄÖ][\wåäöÅÄÖ&-]+)", text)  # not a sentence's first word
    for name in inside + re.findall(r"\b[A-ZÅÄÖ]{2,}\b", text):
        if not (stem_set(name) & asked or any(a in name.lower() for a in asked if len(a) >= 5)):
            return True
    return False


FOCUS_MISSING = -0.3
GROUP_MISSING = -0.5
"""The evidence lacks the noun the question counts ("hur många *bussar*")."""

_QUANTIFIER = lazy(r"samtliga|alla|ingen|inga|inget|hälften|halva", re.I)
_PARTITIVE = lazy(r"\b(?:hur många|hur stor del|how many|what share) (?:\w+ )?(?:av|of)\b")
_COUNTS = lazy(r"\bhur många\b|\bhow many\b")
YEAR_NAMED_OTHER = -0.25
"""The report is of the year asked, but the evidence names only other years."""
YEAR_UNSTATED = -0.15
"""The evidence names no year, and the report's title names none either."""
YEAR_OTHER = -0.7
"""No year in the evidence, and the report is about another year than the one asked."""
TARGET_NOT_OUTCOME = -0.2
"""Evidence that states a target or forecast when the question asks for an outcome."""
OTHER_BUDGET = -0.3
"""Evidence from the investment accounts where the question asks of operations, or the other way round."""
# The handler's own confidence, as a small tie-breaker between handlers of similar coverage.
HANDLER_PRIOR = {"deviation": 0.04, "ranking": 0.04, "table": 0.02, "fact": 0.0}

SURE = 1.2
"""Full coverage plus the kind (and year) asked: a score no other handler's evidence can beat by much."""

# Below these nothing answers: "not in the report" wins. A term found only as part of a compound
# in a table's caption (AS_COMPOUND_PART * IN_TITLE) just reaches MIN_COVERAGE.
MIN_COVERAGE = 0.45
MIN_SCORE = 0.5
_ROUNDING = 1e-9

PARAGRAPH_REACH = 700
_NUMBER = lazy(r"\d")
_PLACE = lazy(
    r"\bplats(?:en)?\s+(?:nummer\s+)?\d+|\b\d+:?(?:e|a)\s+plats|\bplacering\w*\s+\d+|\b\d+\s+av\s+\d+"
    r"|\brank\w*\s+(?:som\s+)?(?:nummer\s+)?\d+|\bförsta\s?plats\w*|\bförst\b|\betta\b|\btopp"
    r"|\b(?:placering|plats|rank)\w*(?: \w+){0,2}: \d+",  # a table's column of places: "Placering senaste: 47"
    re.I,
)
_PLACES_CAPTION = lazy(rf"\([^()]*\b(?:{PLACE_LIST_WORDS})\b[^()]*\)$", re.I)
"""A table answer's caption, in brackets at its end, that names its figures places in a list."""
_YEAR_COLUMN = lazy(rf", (?:{YEAR_PATTERN})(?:[–-]\d\d)?: ")
"""A table answer's figure from a column that is a year and nothing else ("…, 2026: 164"): of a
table of places, a place (not a column of another measure beside its places)."""
_ASKS_REASON = lazy(
    rf"\b(?:varför|vad beror|beror det|berodde|{REASON_WORDS}|(?:ligger|låg) \w*\s*bakom"
    rf"|hur kommer det sig|{MADE_IT}|why|how come|explain\w*|reason|what (?:\w+ )?(?:caused|drove|made)"
    r"|what(?: is|'s| are) (?:driving|causing)"
    r"|(?:is|was|are|were|lies|lay) behind)\b"
)
_LISTED = lazy(r"\b1\) ")
_ASKS_LIST = lazy(r"\b(?:vilka|samtliga|alla)\b|\bwhich \w+s\b|\ball\b", re.I)
# A target, plan or forecast, where the question asks what happened.
_TARGET = lazy(
    r"\b(?:ska|skall|bör|målet|målsättning\w*|ambition\w*|prognos\w*|planera[rs]?|beräknas|förväntas|väntas"
    r"|budgeteras|siktar)\b",
    re.I,
)
_BUDGETED = lazy(r"\bbudgetera[dt]\w*\b", re.I)
"""A budgeted figure ("ett budgeterat resultat om 500 tusen kronor"): not the outcome a figure question asks."""
_ASKS_DURATION = lazy(r"\b(?:hur länge|hur lång tid|how long)\b")
"""A question that asks how long something lasted or takes: its answer is a time."""
_TIME_UNIT = lazy(r"\b(?:dagar|dygn|veckor|månader|timmar|minuter|days|weeks|months|hours|minutes)\b", re.I)
"""A table's label or header naming its figures as times ("Handläggningstid (dagar)")."""
_CAME_TO = lazy(
    r"\b(?:uppgick|uppgått|blev|landade|hamnade|nådde|ökade|minskade|sjönk|steg|slutade på|uppnåddes)\b", re.I
)
"""Words that tell what a figure came to: an outcome, not a target or a forecast."""
_THE_YEAR_BEFORE = lazy(rf"(?:\bjämfört\s+med\s+)?\b(?:{YEAR_BEFORE})\b")
"""The year before as a question says it, with its "jämfört med"."""
_PART_OF_WHOLE = lazy(PART_WORDS)
"""Words for the organisation's parts or its whole, which a list of the parts' deviations does not name."""
_COST_VERB = lazy(r"kosta(?:de|r|t)?")
"""The verb of costing ("Vilken verksamhet kostade minst i förhållande till sin budget?")."""
_ASKS_TARGET = lazy(
    r"\b(?:mål\w*|ambition\w*|prognos\w*|plan\w*|väntas|förväntas|beräkna\w*|budget\w*|ska|target|goal|forecast\w*)\b",
    re.I,
)
_REASON = lazy(
    rf"\b({CAUSE_WORDS}|förklaring\w*"
    r"|då |(?<!består )(?<!utgörs )(?<!omfattar )(?<!är )främst|i första hand|huvudsakligen"
    r"|till största del|bidrar|beroende på"
    r"|medfört|medför|medförde|lett till|ledde till|resulterat i"
    r"|(?:detta|det|dessa) (?:har |hade )?(?:inneburit|innebar|orsakat|orsakade))"
    rf"|{THEREFORE}",
    re.I,
)
_DAY = lazy(
    rf"\b\d{{1,2}}\s+(?:{MONTHS})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
_DATE = lazy(
    rf"\b\d{{1,2}}\s+(?:{MONTHS})|\b(?:{MONTHS})\s+\d{{4}}"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b(?:våren|hösten|sommaren|vintern|årsskiftet|kvartal)\b"
    rf"|\b{YEAR_PATTERN}\b",
    re.I,
)


@dataclass(frozen=True)
class Candidate:
    """A proposed answer and how well its evidence answers the question."""

    answer: Answer
    """The answer as its handler composed it."""
    handler: str
    """"deviation", "ranking", "table" or "fact"."""
    score: float = 0.0
    """Coverage plus the features below: higher is better, comparable across handlers."""
    coverage: float = 0.0
    """Share of the question's subject weight the evidence covers (0–1)."""
    features: dict[str, float] = field(default_factory=dict)
    """Each named feature's contribution, for tests and for reading why one answer won."""


def subject_weights(a: Answerer, q: Question) -> dict[str, tuple[Term, float]]:
    """The question's subject terms with their weights: rare in the report and in Swedish count most.

    Words that say what kind of question it is ("avvikelse", "rankas") are not its subject; a
    word that is not in the report at all still counts, so that evidence cannot cover it."""
    out: dict[str, tuple[Term, float]] = {}
    vocab = a.store.vocab
    titled = a.store.title_words(q.docs)
    deviation = q.negative or q.positive
    # "jämfört med året innan": when the other figure is of, which a table gives as a column.
    when = {w for m in _THE_YEAR_BEFORE.finditer(q.swedish) for w in words(m.group())}
    for t in q.content:
        if is_cue_word(t.word) or t.stem in titled or heads_title(t.stem, titled) or t.word in q.direction:
            continue
        if t.word in ("fjol", "ifjol") or t.word in when or (not t.found and is_period(t.word)):
            continue  # "i fjol", "förra året": when, said as the report does not say it
        if (deviation or "budget" in q.swedish) and _COST_VERB.fullmatch(t.word):
            continue  # "kostade mer än budget": how it went against the budget, not what it is about
        if deviation and t.stem.startswith("budget"):
            continue  # "under budget", "mot budget": what kind of figure, not what it is about
        if t.found:
            rarity = vocab.idf(t.alternatives)
        elif is_general(t.word) and t.word not in q.names and not _translated(q, t.word):
            continue  # an everyday word the report does not use cannot be asked of it
        else:
            rarity = vocab.idf(("\x00",))  # as rare as a word can be in this report
        general = generality_weight(t.word) if t.found else generality_weight(t.word, forms=True)
        weight = rarity * general * (0.8 if t.how in ("compound", "fuzzy", "synonym", "derived") else 1.0)
        if t.word in q.untranslated:
            weight *= generality_weight(t.word, "en")  # an English word left as asked ("end", "major")
        if STAFF.fullmatch(t.word) and t.stem != q.focus:
            # "de kvinnliga medarbetarna": every staff figure is of the staff; the group, what is
            # measured, says which (the counted noun, "Hur många medarbetare …", still decides).
            weight *= ORGANISATION_SHARE
        if t.word in q.names:
            weight = max(weight, rarity)  # a name is a subject however common the word
        elif is_organisation(t.word) or t.word in GENERIC:
            continue  # the report's own organisation, or a word of the genre: every passage is about it
        heads = vocab.heads(t.stem) if t.found else []
        if heads and (t.how != "compound" or set(heads) & set(t.alternatives)):
            # Evidence holding only the head of a compound ("Avvikelse" for "budgetavvikelse")
            # covers it as a compound part does; not where the head is the part the report says
            # everywhere ("verksamhet" of "förskoleverksamheten").
            t = dataclasses.replace(t, alternatives=(*t.alternatives, *heads))
        out[t.word] = (t, weight)
    if names_what_it_cost(t for t, _ in out.values()):
        # "Vad kostade hemtjänsten": "kostade" says what kind of figure, "hemtjänsten" what it is of.
        out = {w: (t, v * ORGANISATION_SHARE if COST_STEM.match(t.stem) else v) for w, (t, v) in out.items()}
    fields = domains(titled)
    own = {w for w, (t, _) in out.items() if in_field(t.stem, fields)}
    if out and len(own) == len(out):
        # "Is elderly care heading for a loss?" of Äldrenämnden's report: the organisation's own field
        # ("äldreomsorg", "socialtjänsten") asks about the report as a whole.
        return {}
    # Beside other words it says as little about which passage answers as the organisation's name:
    # "sjukfrånvaron inom socialtjänsten" of Socialnämnden's report is its sick leave.
    out = {w: (t, v * ORGANISATION_SHARE if w in own else v) for w, (t, v) in out.items()}
    if all(is_everyday(w) and w not in q.names and t.stem != q.focus for w, (t, _) in out.items()):
        # "Hur gick det ekonomiskt?": everyday words alone name no subject; the noun a question
        # counts ("How many people lived …" as invånare) does, however common.
        return {}
    return out


_ORGANS = ("nämnd", "förvaltning", "styrels", "förbund")
_FIELDS = ("omsorg", "tjänst", "vård", "verksam")


@lru_cache(maxsize=64)
def domains(titled: frozenset[str]) -> tuple[str, ...]:
    """The stems naming the field of the organisation a report's title names: "äldreomsorg" and
    "äldrevård" of Äldrenämnden, "socialtjänst" of Socialnämnden (worked out once per set of titles:
    every candidate is weighed against them)."""
    out: list[str] = []
    for w in titled:
        for organ in _ORGANS:
            at = w.find(organ)
            if at >= 4:
                for first in {w[:at], w[:at].rstrip("s")}:
                    out.extend(first + field for field in _FIELDS)
    return tuple(out)


def in_field(stem: str, fields: tuple[str, ...]) -> bool:
    """Whether a stem names the organisation's own field, of the `domains` its title gives."""
    return any(stem.startswith(d) for d in fields)


_FIGURE_KIND = lazy(r"avvik|budget|utfall|prognos|verksam")
"""Stems that, like a cost, say what kind of figure is asked ("budgetavvikelsen för nettokostnaderna")
or whose ("kommunstabens verksamhet netto")."""


def names_what_it_cost(terms: Iterable[Term]) -> bool:
    """Whether a question that asks what something cost also names that something ("Vad kostade
    hemtjänsten?"); "Vad var nämndens nettokostnad?" names only the kind of figure."""
    terms = list(terms)
    return any(COST_STEM.match(t.stem) for t in terms) and any(
        not COST_STEM.match(t.stem)
        and not _FIGURE_KIND.search(t.stem)
        and not is_organisation(t.word)
        and not is_everyday(t.word)
        and t.word not in GENERIC
        and not t.word.isdigit()
        for t in terms
    )


def _translated(q: Question, word: str) -> bool:
    """Whether `word` is a report term an English question was put into ("rent" -> "hyra")."""
    return q.english and word not in q.text.lower()


def evidence(a: Answerer, result: Answer) -> list[tuple[str, float]]:
    """What the answer's citations show a reader, each piece with how much it counts."""
    docs = a.doc_ids()
    pieces: list[tuple[str, float]] = []
    tables: dict[int, tuple[str, str]] = {}  # each cited table's header line and introduction, read once
    for c in result.citations:
        pieces.append((c.quote, IN_QUOTE))
        pieces.append((c.title, IN_TITLE))
        doc_id = docs.get(c.doc)
        if doc_id is None:
            continue
        pieces.append((a.heading_at(doc_id, c.start), IN_TITLE))
        text = a.ref(doc_id).text
        table = a.store.table_holding(doc_id, c.start)
        if table is not None:
            # A table's paragraph is the whole table: what a reader takes with a cell is its row
            # (whole, though a wrapped label cuts the quote) and the table's header.
            if table not in tables:
                t = a.store.tables([table])[0]
                header = text[t.start : _line_end(text, t.start)]
                tables[table] = header, _introduction(a, doc_id, t, header)
            header, introduction = tables[table]
            row = text[text.rfind("\n", 0, c.start) + 1 : _line_end(text, c.start)]
            pieces.append((row, IN_QUOTE))
            # The row's label as a reader takes it: "Tot sjukfrv : Tot ord arbtid (M)" is the men's sick leave.
            pieces.append((" ".join(label_words(row.split("\t")[0])), IN_QUOTE))
            pieces.append((header, IN_PARAGRAPH))
            pieces.append((introduction, IN_PARAGRAPH))
            continue
        lo = text.rfind("\n\n", max(0, c.start - PARAGRAPH_REACH), c.start)
        hi = text.find("\n\n", c.end, c.end + PARAGRAPH_REACH)
        lo = max(0, c.start - PARAGRAPH_REACH) if lo < 0 else lo
        hi = min(len(text), c.end + PARAGRAPH_REACH) if hi < 0 else hi
        pieces.append((text[lo:hi], IN_PARAGRAPH))
    return pieces


def _introduction(a: Answerer, doc_id: int, t, header: str) -> str:
    """The paragraph just above table `t` that speaks of what its caption or header names
    ("Personalomsättningen mäts som antalet tillsvidareanställda som lämnat …" over a table headed
    "Personalomsättning"): a reader takes it with the table's figures."""
    named = stem_set(f"{t.caption} {header}")
    at = t.start
    for _ in range(2):
        sp = a.store.passage_before(doc_id, at)
        if sp is None or sp.passage.section != t.section:
            return ""
        if sp.passage.kind == "para":
            return sp.passage.text if stem_set(sp.passage.text) & named else ""
        at = sp.passage.start
    return ""


def _budgets_shown(a: Answerer, result: Answer) -> set[str]:
    """The budgets (operations, investments) the answer's citations stand under: their section
    titles, sub-headings and, for a table's cell, its table's caption and header."""
    docs = a.doc_ids()
    texts = []
    for c in result.citations:
        texts.append(c.title)
        doc_id = docs.get(c.doc)
        if doc_id is None:
            continue
        texts.append(a.heading_at(doc_id, c.start))
        table = a.store.table_holding(doc_id, c.start)
        if table is not None:
            t = a.store.tables([table])[0]
            texts.append(f"{t.caption} {' '.join(t.header)}")
    return budgets(" ".join(texts))


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


_YEAR_END = lazy(rf"\b{YEAR_PATTERN}-12-31\b|\b31 dec(?:ember)?\b", re.I)
"""A date that ends the year ("Utfall per 2023-12-31") says "vid utgången av 2023" in figures."""


def coverage(weights: dict[str, tuple[Term, float]], pieces: list[tuple[str, float]]) -> float:
    """Weighted share of the subject terms that the evidence holds."""
    total = sum(w for _, w in weights.values())
    if not total:
        return 1.0
    sets = [(stem_set(text), w) for text, w in pieces if text]
    periods = [w for text, w in pieces if text and (PERIOD.search(text) or _YEAR_END.search(text))]
    got = 0.0
    for term, weight in weights.values():
        if not term.found:
            # A word the index lacks is shown only where a table's label is written out ("arbtid").
            term = dataclasses.replace(term, alternatives=(term.stem,))
        best = found_in(term, sets, AS_COMPOUND_PART)
        if is_period(term.word):
            # "januari–mars" is the report's "perioden": any words for the period cover it.
            best = max([best, *periods])
        got += best * weight
    return got / total


MAIN_TERM_MISSING = -0.3
"""Evidence without the question's one heaviest subject word, when that word carries at least
MAIN_TERM_SHARE of the subject ("sjukfrånvaron bland *enhetscheferna*" answered with the staff's)."""
MAIN_TERM_SHARE = 0.45


def _main_term_missing(weights: dict[str, tuple[Term, float]], pieces: list[tuple[str, float]]) -> bool:
    total = sum(w for _, w in weights.values())
    if len(weights) < 2 or not total:
        return False
    term, weight = max(weights.values(), key=lambda v: v[1])
    if weight / total < MAIN_TERM_SHARE or term.how != "exact":
        return False
    return coverage({term.word: (term, 1.0)}, pieces) == 0.0


_OTHERS_WORDS = (
    r"riket|landet|rikssnittet|riksgenomsnittet|snittet|genomsnittet|liknande|jämförbara|länet|regionen"
    r"|kommungruppen|andra kommuner|övriga kommuner|national|similar|county"
)
_COMPARED_WITH_OTHERS = lazy(
    r"\b(?:jämfört med|jämfört mot|i jämförelse med|än|compared (?:with|to)|compare (?:with|to)|than)\s+"
    r"(?:i\s+|hos\s+|för\s+|in\s+)?"
    rf"(?:the\s+)?(?:\w+\s+){{0,3}}?(?:{_OTHERS_WORDS}|(?:andra|övriga|other)\s+(?!år\b|years?\b|perioder?\b)\w+|others)\b"
)
"""A figure asked in comparison with others' ("jämfört med snittet i riket", "than in similar
municipalities")."""
_OTHERS = lazy(rf"\b(?:{_OTHERS_WORDS}|län\w*|region\w*|riks\w*|snitt\w*|genomsnitt\w*)", re.I)
"""Others' figure named in an answer: a column "Riket 2024", "Liknande kommuner", "länets snitt"."""
OTHERS_MISSING = -0.1
"""An answer to a comparison with others that gives no figure of the others."""


def _group_missing(q: Question, text: str) -> bool:
    """Whether the question asks about a group ("bland kvinnorna", "girls", "under 30") that the
    answer and its quotes do not name (as a table may, "(M)", "(<=29 år)"): everyone's figure is
    no answer about the group."""
    from doksvar.answer.tables import label_stems

    shown = stem_set(text) | label_stems(text)
    if any(t.stem in GROUP_STEMS and not any(a in shown for a in (t.stem, *t.alternatives)) for t in q.content):
        return True
    return any(not ages & shown for ages in age_groups(f"{q.swedish} {q.text.lower()}"))


_GROUP_SIDES = (
    (frozenset(("kvinn",)), frozenset(("män", "man", "männ"))),
    (frozenset(("flick",)), frozenset(("pojk",))),
)
GROUP_UNASKED = -0.2
"""An answer that gives one group's figure ("Andelen kvinnor bland de anställda är 57 procent") to a
question about everyone."""


def _one_group_only(q: Question, answer_text: str) -> bool:
    """Whether an answer states its figure of one group (women, or girls) where the question names
    no group: everyone's figure is asked, not one group's; an answer naming both groups gives
    the whole by its parts."""
    if any(t.stem in GROUP_STEMS for t in q.content):
        return False
    said = stem_set(answer_text)
    return any(bool(one & said) != bool(other & said) for one, other in _GROUP_SIDES)


_AMONG = lazy(
    r"\b(?:bland|among)\s+(.+?)(?=[?,.;]|\s+(?:och|and|under|during|i år|this year|förra|last|in \d|år \d"
    r"|mellan|between|jämfört|compared|har|hade|var|blev|is|was|were|has|had|\w+(?:ats|ades|ade))\b|$)"
)
"""The staff or unit a figure is asked of ("sjukfrånvaron bland personalen i hemtjänsten", "among
staff at the LSS group homes")."""


_ALL_STAFF = lazy(r"medarbetar\w*|anställda|anställd|personal\w*|staff|employees|workers")
"""The staff as a whole ("bland medarbetare som är 50 år eller äldre"): what a staff table is of, no
unit the answer must name."""


@lru_cache(maxsize=64)
def _among_words(question: str, vocab) -> frozenset[str]:
    """The words of a question's "bland … / among …" phrases, as written and as the question's terms
    have them (an English phrase put into Swedish); read once per question, not per candidate."""
    from doksvar.answer.question import read_question

    phrases = [m.group(1) for m in _AMONG.finditer(question.lower())]
    return frozenset(
        {t.word for p in phrases for t in read_question(f"what about {p}?", vocab).content}
        | {w for p in phrases for w in words(p)}
    )


def _qualifier_missing(a: Answerer, q: Question, weights: dict, shown: str) -> bool:
    """Whether the question asks a figure of some staff or unit ("bland personalen i hemtjänsten",
    "among home care staff") whose own words the answer and its quotes do not hold: the whole
    organisation's figure, or another unit's, is no answer about them (as everyone's is none about a
    group)."""
    from doksvar.answer.tables import label_stems

    vocab = a.store.vocab
    asked = _among_words(q.text, vocab)
    if not asked:
        return False

    def everywhere(t: Term) -> bool:
        """The report's own subject, in a third of its passages ("stadsrevisionens medarbetare")."""
        df = max((vocab.doc_freq.get(alt, 0) for alt in t.alternatives), default=0)
        return vocab.passage_count >= 20 and df / vocab.passage_count > COMMON_SHARE

    # The organisation's own field ("the social services staff" of Socialnämnden's report) is everyone.
    fields = domains(a.store.title_words(q.docs))
    qualifier = [
        t
        for w, (t, _) in weights.items()
        if w in asked
        and not is_everyday(w)
        and not everywhere(t)
        and not in_field(t.stem, fields)
        and not _ALL_STAFF.fullmatch(w)
    ]
    if not qualifier:
        return False
    held = stem_set(shown) | label_stems(shown)
    return any(not any(alt in held for alt in (t.stem, *t.alternatives)) for t in qualifier)


def weigh(a: Answerer, q: Question, result: Answer, handler: str, intent: str) -> Candidate:
    """The candidate's score on the one scale."""
    weights = subject_weights(a, q)
    if handler in ("deviation", "ranking") and (q.listing or q.largest):
        # "Vilka poster …": the noun asked for names the kind of item the list holds; "Vilken del av
        # hamnens verksamhet …" the whole whose parts it lists.
        weights = {w: v for w, v in weights.items() if v[0].stem != q.focus and not _PART_OF_WHOLE.fullmatch(w)}
    pieces = evidence(a, result)
    cov = coverage(weights, pieces)
    gap = _main_term_missing(weights, pieces)
    focus = next((t for t, _ in weights.values() if t.stem == q.focus and t.found), None)
    # "Vilken tjänst drabbades av flest …": the one of many asked for is an item of that kind.
    one_of_many = q.largest and handler in ("table", "fact") and q.which == "one"
    if one_of_many:
        focus = next((t for t in q.content if t.stem == q.focus and t.found), None)  # however everyday
    if focus is not None and (one_of_many or _COUNTS.search(f"{q.swedish} {q.text.lower()}")):
        # "Hur många bussar …": evidence without the thing counted is about something else.
        if not found_in(focus, [(stem_set(text), 1.0) for text, _ in pieces if text], AS_COMPOUND_PART):
            features_focus = FOCUS_MISSING
        else:
            features_focus = 0.0
    else:
        features_focus = 0.0
    quotes = " ".join(c.quote for c in result.citations)
    shown = f"{result.answer} {quotes}"
    features = {"coverage": cov, "prior": HANDLER_PRIOR.get(handler, 0.0)}
    # "Vad får skolorna betala …?" asks a sum; "Varför betalades bara nio bidrag ut?" asks why, "När
    # ska man kunna betala med bankkort?" when, and "How many days … did the municipality pay for?" how many.
    both = f"{q.swedish} {q.text.lower()}"
    asks_money = (
        q.wants not in ("reason", "date", "person", "purpose", "consequence")
        and bool(_ASKS_MONEY.search(both))
        and (not _COUNTS.search(both) or bool(_MONEY_NOUN.search(both)))
    )
    if gap:
        features["subject"] = MAIN_TERM_MISSING
    if features_focus:
        features["focus"] = features_focus
    if one_of_many and handler == "table" and (TOTAL_ROW.match(result.answer) or intent == "deviation"):
        # "Which part … is furthest over budget?": a table's sum of every part is none of them, nor is
        # one row's deviation the largest of them all, which the deviations' own list ranks.
        features["most"] = NOT_SAID_MOST
    if one_of_many and handler == "fact" and not _SAYS_MOST.search(shown):
        # "Vilken verksamhet väntas lämna mest pengar över?": a sentence of one item's surplus that does
        # not call it the largest answers less than the ranking of every item.
        features["most"] = NOT_SAID_MOST
    if _group_missing(q, shown) or (handler in ("table", "fact") and _qualifier_missing(a, q, weights, shown)):
        features["group"] = GROUP_MISSING
    elif handler in ("table", "fact") and _one_group_only(q, result.answer):
        features["one_group"] = GROUP_UNASKED
    if _COMPARED_WITH_OTHERS.search(both) and not _OTHERS.search(shown):
        features["others"] = OTHERS_MISSING  # "… jämfört med snittet i riket": the others' figure too
    # A table whose caption says its figures are places ("Placering i Öppna jämförelser, rang av 290")
    # answers a ranking question as a ranking does.
    places_table = (
        handler == "table"
        and not _PLACE.search(shown)
        and bool(_PLACES_CAPTION.search(result.answer) and _YEAR_COLUMN.search(result.answer))
    )
    if intent == handler and intent in ("deviation", "ranking") or (intent == "ranking" and places_table):
        features["intent"] = INTENT_MATCH
    if intent == "ranking":
        features["kind"] = KIND_MATCH if _PLACE.search(shown) or places_table else KIND_MISMATCH
        if not (_PLACE.search(shown) or places_table) and _ASKS_PLACE.search(both):
            features["kind"] = NO_PLACE
    elif q.wants == "number":
        # "barn och unga 0–19 år" says how old, "under fem veckor" how long: neither how many.
        counted = counted_text(q, shown)
        if handler == "fact" and figure_of_another(result.answer, list(q.content)):
            counted = ""  # the figure is of what the subject caused, not of the subject
        figure = _NUMBER.search(_without_dates(counted)) or any(
            # "alla", "ingen" say how many of a whole the question names ("hur många av nämnderna"),
            # not how many there were
            not _QUANTIFIER.fullmatch(m.group()) or _PARTITIVE.search(f"{q.swedish} {q.text.lower()}")
            for m in NUMBER_WORD.finditer(counted)
        )
        features["kind"] = KIND_MATCH if figure else NO_FIGURE
        if (
            figure
            and handler == "table"
            and not asks_money
            and not asks_share(q)
            and _COUNTS.search(both)
            and _MONEY_UNIT.search(result.answer)
            and not _COUNTED.search(result.answer)
        ):
            # "Hur många personer var med i insatserna?": a table in tkr tells what they cost, not how many.
            features["kind"] = NO_FIGURE
        if figure and handler == "table" and _COUNTS.search(both) and not asks_share(q) and in_percent(result.answer):
            # "How many staff have quit …?": a row in per cent ("Personalomsättning (%)") gives a rate.
            features["kind"] = NO_FIGURE
        if (
            figure
            and intent != "deviation"
            and _DIFFERENCE.search(result.answer)
            and not _ASKS_DIFFERENCE.search(f"{q.swedish} {q.text}")
        ):
            features["kind"] = A_DIFFERENCE
    elif q.wants == "reason":
        features["kind"] = KIND_MATCH if _REASON.search(" ".join(t for t, _ in pieces[:3]) + quotes) else 0.0
        if handler == "table" and intent == "fact":
            features["kind"] = KIND_MISMATCH  # "Varför har cykelvägen försenats?": a table's figure gives no why
    elif q.wants == "date":
        # A table's cell is a figure: the year in its column header dates the figure, it is no date.
        dated = _DATE.search(without_years(result.answer if handler == "table" else shown, q.years))
        features["kind"] = (
            KIND_MATCH if dated and not (handler == "table" and not _DAY.search(result.answer)) else KIND_MISMATCH
        )
        if handler == "table" and not _DAY.search(result.answer):
            features["kind"] = NO_FIGURE  # "När kommer elbilarna?": a price in a table is no answer
    if handler == "fact" and asks_status(q) and not states_status(shown):
        # "Hur många av målen nåddes?": a sentence that says no goal was met or missed ("Nämnden har
        # sju mål för 2025") counts none of them.
        features["kind"] = NO_FIGURE
    if _ASKS_DURATION.search(both) and q.wants in ("", "number"):
        # "Hur länge var simhallen stängd?": a time ("23 dagar", a column in days), not an index;
        # a table's figure of no time is no answer.
        timed = DURATION.search(shown) or (handler == "table" and _TIME_UNIT.search(result.answer))
        features["kind"] = KIND_MATCH if timed else (NO_FIGURE if handler == "table" else KIND_MISMATCH)
    if handler in ("table", "fact") and asks_money and not _MONEY_WORD.search(shown):
        # "Hur mycket av årets pengar … blev inte använda?", "Vad får skolorna betala för en lunch?":
        # "etapp 2 av vattenverket", a head count, is no sum of money.
        features["kind"] = NO_FIGURE
    # A budgeted figure, or the reason for one, is not what happened ("Det budgeterade minusresultatet
    # beror på …" gives no reason for coming out better than budgeted).
    # Only when every quote that gives a figure plans it: "Under de 19 dygn som pannan stod still …"
    # is what happened, though the sentence quoted after it estimates ("beräknas") a cost.
    stating = [c.quote for c in result.citations if _NUMBER.search(c.quote)] or [c.quote for c in result.citations]
    # A sentence that says what a figure came to ("uppgick till 0,4 procent, vilket är inom målet") is
    # an outcome, whatever target it is held against.
    planned = bool(stating) and all(
        not _CAME_TO.search(quote)
        and (
            _TARGET.search(quote)
            or ((q.wants == "number" or (q.wants == "reason" and bool(q.direction))) and _BUDGETED.search(quote))
        )
        for quote in stating
    )
    fit = direction_fit(q, quotes) if intent == "deviation" else 0
    if fit:
        # "Varför gick … med överskott?": evidence of a deficit is about something else.
        features["direction"] = DIRECTION_MATCH if fit > 0 else DIRECTION_MISMATCH
    elif (
        intent == "deviation"
        and handler == "fact"
        and (q.positive or q.negative)
        and not _STATES_DEVIATION.search(quotes)
    ):
        features["direction"] = NO_DEVIATION  # "… kostnaderna beräknas uppgå till ca 24 miljoner": no deviation
    if handler in ("fact", "ranking") and planned and not _ASKS_TARGET.search(_without_direction(q)):
        features["target"] = TARGET_NOT_OUTCOME
    asked = budgets(q.swedish)
    if asked:
        shown_budgets = _budgets_shown(a, result)
        if shown_budgets and not shown_budgets & asked:
            features["budget"] = OTHER_BUDGET
    if handler == "deviation" and not (q.listing or q.largest) and _LISTED.search(result.answer):
        features["list"] = MANY_FOR_ONE
    if handler == "table" and _ASKS_LIST.search(f"{q.swedish} {q.text}"):
        features["list"] = ONE_FOR_MANY
    wording = f"{q.swedish} {q.text.lower()}"
    told = f"{shown} {' '.join(t for t, w in pieces if w >= IN_TITLE)}"
    says_full, says_part = bool(FULL_YEAR.search(told)), bool(PART_OF_YEAR.search(told))
    if FULL_YEAR.search(wording) and not PART_OF_YEAR.search(wording):
        if says_part and not says_full:
            features["period"] = OTHER_PERIOD  # the full year asked, the evidence of the period so far
    elif PART_OF_YEAR.search(wording) and says_full and not says_part:
        features["period"] = OTHER_PERIOD
    unit = unit_fit(q, shown) if q.wants == "number" else 0
    if unit:
        features["unit"] = UNIT_MATCH if unit > 0 else UNIT_MISMATCH
    if handler == "fact" and result.answer.rstrip().endswith(":"):
        features["lead"] = LEADS_IN  # "… består främst av följande delar:" introduces what answers
    if _ASKS_NAME.search(f"{q.swedish} {q.text.lower()}"):
        named = f"{heading_naming(result, q) or ''}: {result.answer}"  # the answer as it will be shown
        if not _names_other(named, q) or (q.wants == "person" and handler == "table"):
            features["kind"] = NO_NAME  # "Vem tog över …?": a table's figure names no one
        elif q.wants == "person" and PERSON_NAME.search(result.answer[1:]):
            features["kind"] = KIND_MATCH  # "… valde Sara Holmgren (C) som ny revisor"
    if q.years:
        # The years the answer states, else its quotes; the paragraph around only when neither does
        # (a table's paragraph is the whole table, with every year of its header).
        said = _stated_years(result.answer) or _stated_years(quotes)
        if not said:
            said = _stated_years(" ".join(t for t, w in pieces if w >= IN_TITLE))
        if said & set(q.years) or (LAST_YEAR.search(q.swedish) and _A_YEAR_BEFORE.search(result.answer)):
            # "I fjol slutade nämnden på …" answers "… i fjol?", the year before the report's.
            features["year"] = YEAR_MATCH
        elif not _covers_period(a, q, result):
            if said:
                features["year"] = YEAR_MISMATCH
            else:
                # No year stated: the passage speaks of the year the report is about, if its title says.
                features["year"] = YEAR_OTHER if _report_years(a, result) else YEAR_UNSTATED
        elif said:
            # The report is of the year asked, but this evidence names only others ("Vid utgången av
            # 2021 …"); it may still compare with them ("lägre än 2022"), so it only weighs less.
            features["year"] = YEAR_NAMED_OTHER
    return Candidate(result, handler, sum(features.values()), cov, features)


_A_YEAR_BEFORE = lazy(rf"\b(?:{YEAR_BEFORE})\b", re.I)
"""The year before, as an answer may say it: "i fjol", "året innan", "föregående år"."""

_COMPARED_YEAR = lazy(
    r"\b(?:jämfört med|jämfört mot|att jämföra med|i jämförelse med|än|mot|från|sedan)\s+(?:år\s+|året\s+)?"
    rf"(?:{YEAR_PATTERN})\b",
    re.I,
)
"""A year named only as what a figure is compared with ("ökade med 4 470 tkr jämfört med 2024", "5,7 mnkr
mer än 2025"): not the year the figure is of."""


def _stated_years(text: str) -> set[int]:
    """The years a text gives its figures for: every year it names but those it compares with."""
    return set(own_years(_COMPARED_YEAR.sub(" ", text)))


def _without_direction(q: Question) -> str:
    """The question without its deviation phrase: "bättre än budgeterat" asks for no budget figure."""
    return " ".join(w for w in q.swedish.split() if w.strip("?,.!").lower() not in q.direction)


def _without_dates(text: str) -> str:
    """The text without its years and dates: what is left of its figures are quantities."""
    return YEAR_IN_TEXT.sub(" ", _DAY.sub(" ", text))


def _report_years(a: Answerer, result: Answer) -> set[int]:
    """The years the cited documents' titles and file names give."""
    docs = {d.name: d.title + " " + d.name for d in a.store.documents()}
    return {y for c in result.citations for y in years_in(docs.get(c.doc, ""))}


def _covers_period(a: Answerer, q: Question, result: Answer) -> bool:
    """Whether the asked year is the year the cited document reports on (its title names it)."""
    return bool(_report_years(a, result) & set(q.years))


def asks_reason(q: Question) -> bool:
    """Whether the question asks why, as the whole question or as its second part."""
    return q.wants == "reason" or bool(_ASKS_REASON.search(q.text.lower()))


def asks_name(q: Question) -> bool:
    """Whether a question asks who, or which company or supplier ("Vilket företag levererar …?")."""
    return bool(_ASKS_NAME.search(f"{q.swedish} {q.text.lower()}"))


def gives_place(text: str) -> bool:
    """Whether a text gives a place in a ranking ("på plats 96", "rankas som nummer 36")."""
    return bool(_PLACE.search(text))


def gives_reason(text: str) -> bool:
    """Whether a text states a reason ("beror på", "eftersom", "främst …")."""
    return bool(_REASON.search(text))


def certain(c: Candidate) -> bool:
    """Whether a candidate covers the whole subject with the kind and year asked, so that the
    handlers after it need not be asked (they propose in order of how specific they are)."""
    return c.coverage >= 0.99 and c.score >= SURE and min(c.features.values()) >= 0


def acceptable(c: Candidate) -> bool:
    """Whether a candidate is good enough to answer with, rather than saying the report lacks it."""
    if c.features.get("kind") in (NO_FIGURE, NO_NAME, NO_PLACE) or "group" in c.features:
        return False
    if c.features.get("year", 0.0) <= YEAR_MISMATCH:
        return False  # a figure of another year is no answer, however well it matches
    return c.coverage >= MIN_COVERAGE - _ROUNDING and c.score >= MIN_SCORE - _ROUNDING
