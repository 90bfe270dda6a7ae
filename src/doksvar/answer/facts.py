"""Facts from the prose: the one sentence that answers, or the clause of it with the figure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doksvar.answer.compose import answer, clip
from doksvar.answer.question import Question, counted_text, without_years
from doksvar.answer.retrieve import (
    BACK_REFERENCE,
    CONSEQUENCE,
    Scored,
    has_date,
    has_number,
    points_back,
    score_sentences,
)
from doksvar.answer.tables import row_answer
from doksvar.lang.lazy import lazy
from doksvar.lang.words import (
    PERSON_NAME,
    YEAR_BEFORE,
    YEAR_PATTERN,
    is_period,
    own_years,
    stem,
    stem_set,
    words,
    years_in,
)

if TYPE_CHECKING:
    from doksvar.answer import Answerer
    from doksvar.model import Answer

_ASKS_COST = lazy(r"\b(?:kostade|kostar|kostat|kostnaden|kostnaderna|cost|costs|spent|spend)\b")
"""A question after what something cost, which a sum of money answers."""
MONEY = lazy(r"\d\s?(?:mdkr|mnkr|mkr|tkr|kkr|miljoner|miljarder|kronor|kr)\b", re.I)

MIN_COVERAGE = 0.45
MAX_SENTENCE = 300


PROPOSED = 1
"""How many of the best sentences are proposed to the one scale. Retrieval ranks sentences finer than the
scale does (own words against its paragraph): proposing three put the second or third first too often
(the bundled report 1.00 -> 0.88), so retrieval's best is proposed alone."""


def answer_fact(a: Answerer, q: Question) -> list[Answer]:
    """The best few sentences, each cited as an answer; none when nothing covers the question well enough."""
    scored = score_sentences(a.store, q)
    out: list[Answer] = []
    most = _most_counted(a, q, scored)
    if most is not None:
        out.append(most)
    taken: set[tuple[int, int]] = set()
    for best in scored[: PROPOSED * 3]:
        if len(out) >= PROPOSED or not (best.coverage >= MIN_COVERAGE or _specific(best)):
            break
        if best.own == 0 and not _anchored(q, best):
            break
        if best.span in taken:
            continue
        if _row_of_figures(best):
            # Read as the table reads it, with the column of the figure.
            p = best.stored.passage
            row = row_answer(a, q, p.table, p.start, p.end) if p.table is not None else None
            if row is not None:
                taken.add(best.span)
                out.append(row)
            continue
        result = _answer(a, q, scored, best)
        taken.update((c.start, c.end) for c in result.citations)
        out.append(result)
    kinds = _kinds_asked(q)
    # A year the question names itself is no answer to its "when" ("When did the board adopt the plan
    # for 2026–2028?" – "Direktionen antog en ny tillsynsplan för perioden 2026–2028.").
    best_text = without_years(out[-1].answer, q.years) if out else ""
    if out and kinds and not all(_GIVES_KIND[k](best_text) for k in kinds):
        # "Vem levererade e-tjänsten …?": the best sentence names no one; the best that does is proposed
        # too, and the one scale weighs the kind of answer each gives. Asked both who and when ("Which
        # company runs the buses, and from what date?"), the best sentence giving both goes first.
        found: dict[int, Scored] = {}
        for other in scored[1:KIND_REACH]:
            p = other.stored.passage
            sentence = p.text[other.span[0] - p.start : other.span[1] - p.start]
            if other.span in taken or other.own == 0 or not (other.coverage >= MIN_COVERAGE or _specific(other)):
                continue
            given = sum(1 for k in kinds if _GIVES_KIND[k](sentence))
            if given:
                found.setdefault(given, other)
        if found:
            out.append(_answer(a, q, scored, found[max(found)]))
    return out


_COMPANY_NAME = lazy(r"\b[A-ZÅÄÖ]\w+(?:\s+[A-ZÅÄÖ]?\w+){0,3}\s+AB\b")
"""A company as Swedish reports name one ("Ärendia AB", "Lantmätarna i Norr AB")."""


def _kinds_asked(q: Question) -> list[str]:
    """ "date" for a question asking when, "name" for one asking who or which company; both for a
    question asking both ("Which company …, and from what date?")."""
    from doksvar.answer.score import asks_name

    kinds = ["date"] if q.wants == "date" or _ASKS_WHEN.search(f"{q.swedish} {q.text.lower()}") else []
    if q.wants == "person" or asks_name(q):
        kinds.append("name")
    return kinds


_ASKS_WHEN = lazy(r"(?:^|\b(?:och|and)\s+)(?:från\s+)?(?:när|when)\b|\b(?:vilket datum|what date|from when)\b")
"""A question asking when, in either part ("…, och när startade den?"); not "när året tog slut",
which says when the figure asked for is counted."""


_GIVES_KIND = {
    "date": lambda text: has_date(text),
    "name": lambda text: bool(PERSON_NAME.search(text[1:]) or _COMPANY_NAME.search(text)),
}
"""What an answer must say for the kinds of question one sentence may answer without: when, and who."""
KIND_REACH = 8
"""How far down retrieval's ranking a sentence giving the kind of answer asked is looked for."""


SPECIFIC_COVERAGE = 0.55
"""The coverage of a question's words weighed by how little they are everyday Swedish, that lets a
sentence answer though everyday words of the question are missing ("När kunde teatern öppna igen
…?": "… återinvigdes Teaterhuset …")."""


def _row_of_figures(best: Scored) -> bool:
    """Whether a sentence is a table's row of several figures ("Nettokostnad kulturskola, kr/inv
    3 120 2 870 3 350 2 990"): read as prose it says none of what its figures are; the table's
    reading of the row, with its columns, answers."""
    from doksvar.ingest.tables import parse_value

    p = best.stored.passage
    return p.kind == "row" and sum(parse_value(c) is not None for c in p.text.split("\t")[1:]) >= 3


def _specific(best: Scored) -> bool:
    """Whether a sentence of prose holds the question's specific words though its everyday ones
    are missing (a table's row read as a sentence is the table handler's)."""
    return best.specific >= SPECIFIC_COVERAGE and best.stored.passage.kind not in ("row", "goal")


_COUNTED_ITEM = lazy(r"^(?P<name>.+?)\s*\((?P<count>\d+)\)\s*[.;,]?$")
"""A list item with its count, as reports list them: "Lokalt Nät - LAN (2)"."""
LIST_REACH = 30
"""The most items looked at after a sentence that introduces a list."""


def _most_counted(a: Answerer, q: Question, scored: list[Scored]) -> Answer | None:
    """ "Vilken tjänst drabbades av flest …?": the item with the largest count of the list that one of
    the best sentences introduces ("… inom följande tjänster: • Lokalt Nät - LAN (2) • Telefoni (1)")."""
    if not (q.largest and q.which):
        return None
    for s in scored[:5]:
        sp = s.stored
        if sp.passage.kind == "item":
            continue
        following = a.store.passages(range(sp.id + 1, sp.id + 1 + LIST_REACH))
        counted = []
        for pid in range(sp.id + 1, sp.id + 1 + LIST_REACH):
            item = following.get(pid)
            if item is None or item.doc_id != sp.doc_id or item.passage.kind != "item":
                break
            m = _COUNTED_ITEM.match(item.passage.text)
            if m is not None:
                counted.append((int(m.group("count")), item))
        if len(counted) < 2:
            continue
        top = max(n for n, _ in counted)
        best = [item for n, item in counted if n == top]
        if len(best) > 1:
            continue  # a tie names no one item
        item = best[0]
        cites = [a.cite(sp.doc_id, *s.span), a.cite(item.doc_id, item.passage.start, item.passage.end)]
        return answer(q.text, "fact", item.passage.text, cites)
    return None


def _answer(a: Answerer, q: Question, scored: list[Scored], best: Scored) -> Answer:
    """The sentence as an answer, with the next one where it only leads up to it, or a neighbour
    that scores nearly as well."""
    p = best.stored.passage
    s0, s1 = best.span
    sentence = p.text[s0 - p.start : s1 - p.start]
    focus = _focus(q, sentence)
    text = clip(sentence, focus, MAX_SENTENCE)
    cites = [a.cite(best.stored.doc_id, s0, s1, (s0 + focus, s0 + focus + 1))]
    preceding = _preceding(q, best, sentence) or (_anchor(q, best) if best.own == 0 else None)
    if preceding is not None:
        b0, b1 = preceding
        text = f"{clip(p.text[b0 - p.start : b1 - p.start], 0, MAX_SENTENCE)} {text}"
        cites.insert(0, a.cite(best.stored.doc_id, b0, b1))
    partner = _partner(scored, best)
    following = _following(q, best, sentence)
    if following is not None and (partner is None or partner.span != following):
        b0, b1 = following
        other = p.text[b0 - p.start : b1 - p.start]
        text = f"{text} {clip(other, 0, 300)}"
        cites.append(a.cite(best.stored.doc_id, b0, b1))
    elif partner is not None:
        b0, b1 = partner.span
        other = partner.stored.passage.text[b0 - p.start : b1 - p.start]
        text = f"{text} {clip(other, _focus(q, other), 200)}"
        cites.append(a.cite(best.stored.doc_id, b0, b1))
    return answer(q.text, "fact", text, cites)


def _following(q: Question, best: Scored, sentence: str) -> tuple[int, int] | None:
    """The next sentence of the passage, when the best one only leads up to the answer: it asks why
    and gives no reason, asks which and names none, or ends in a colon."""
    from doksvar.answer.intent import compared_with_average, intent_of
    from doksvar.answer.score import asks_reason, gives_place, gives_reason

    spans = best.stored.passage.sentences
    at = spans.index(best.span) if best.span in spans else -1
    if at < 0 or at + 1 >= len(spans):
        return None
    leads = sentence.rstrip().endswith(":")
    if asks_reason(q) and not gives_reason(sentence):
        leads = True
    if q.listing and len(sentence) < 160:
        leads = True
    a, b = spans[at + 1]
    following = best.stored.passage.text[a - best.stored.passage.start : b - best.stored.passage.start]
    if q.wants == "number" and not has_number(counted_text(q, sentence)) and has_number(counted_text(q, following)):
        leads = True  # "Företagen fick svara på en skala 1–6. Betyget blev 2,41.": the figure comes next
    if q.wants == "date" and not has_date(sentence) and has_date(following):
        leads = True
    if intent_of(q) == "ranking" and not gives_place(sentence) and gives_place(following):
        leads = True  # "… 283 kronor per invånare i Ljungsala … Bland landets 290 kommuner placerade sig …"
    if q.wants == "person" and not PERSON_NAME.search(sentence[1:]) and PERSON_NAME.search(following[1:]):
        leads = True  # "Kulturpriset delades ut i juni. Priset tilldelades textilkonstnären Maj-Lis Broberg …"
    if _ASKS_COST.search(f"{q.swedish} {q.text.lower()}") and not MONEY.search(sentence):
        # "Vad kostade skyfallet?" – "Den 19 augusti drabbades Stensjö av ett skyfall … Kommunens
        # kostnader för … uppgick till 2 340 tkr": the sum comes within the next two sentences.
        for c, d in spans[at + 1 : at + 3]:
            if MONEY.search(best.stored.passage.text[c - best.stored.passage.start : d - best.stored.passage.start]):
                return a, d
    text = f"{q.swedish} {q.text.lower()}"
    if _ASKS_BEFORE.search(text) and EARLIER.match(following) and has_number(following):
        # "…, och hur var det året före?" – "… uppgick till 8,7 procent. Ett år tidigare var den 10,6
        # procent.": the year before's figure is told next.
        leads = leads or not EARLIER.search(sentence)
    if compared_with_average(q) and not _AVERAGE_SAID.search(sentence):
        # "Enligt Kolada var kostnaden 1 433 kronor per invånare. … Genomsnittet för riket var 1 290
        # kronor.": what it is compared with, told within the next sentences.
        for c, d in spans[at + 1 : at + 1 + OTHERS_REACH]:
            other = best.stored.passage.text[c - best.stored.passage.start : d - best.stored.passage.start]
            if _AVERAGE_SAID.search(other) and has_number(other):
                return c, d
    if q.wants == "consequence" and not CONSEQUENCE.search(sentence):
        # "Lantmäteriet ändrade sättet … Från att ha haft … Detta har inneburit långa förseningar": what
        # it led to is told within the next two sentences.
        for c, d in spans[at + 1 : at + 3]:
            if CONSEQUENCE.search(
                best.stored.passage.text[c - best.stored.passage.start : d - best.stored.passage.start]
            ):
                return a, d
    # Words the heading above says need not stand in the sentence.
    said = stem_set(sentence) | stem_set(f"{best.stored.section_title} {best.stored.passage.label}")
    lacking = [t for t in q.content if t.found and not t.word.isdigit() and not any(a in said for a in t.alternatives)]
    then = stem_set(following)
    if q.wants not in ("number", "date") and any(any(a in then for a in t.alternatives) for t in lacking):
        # "… genomförde tillsyn av Strandvallsgymnasiet under våren. I beslutet konstaterades brister …":
        # what the question asks that the sentence does not say, the next one goes on to. (A figure
        # or a date is the sentence's own: the next one's words make it no more the figure asked.)
        leads = True
    if q.wants in ("", "purpose", "consequence") and (_continues(q, following) or len(sentence) < SHORT_SENTENCE):
        # "IVO riktade kritik mot nämnden efter en tillsyn. Kritiken gällde att …": what the event was
        # about, the next sentence tells of it by name or by "den", "det".
        leads = True
    said_years = own_years(sentence) if q.years else frozenset()
    if said_years and not said_years & set(q.years):
        # "Vid utgången av 2021 uppgick andelen till 60 procent. Vid utgången av 2023 hade motsvarande
        # siffra ökat …": the year asked comes in the next sentence.
        leads = leads or bool(years_in(following) & set(q.years))
    return spans[at + 1] if leads else None


SHORT_SENTENCE = 140
"""A sentence this short that answers a question after what happened names the event; what it was
about the next sentence of its paragraph tells."""
_BACK = frozenset({"det", "den", "detta", "denna", "dessa", "de", "där", "då"})
"""Words that open a sentence going on about the one before."""


def _continues(q: Question, following: str) -> bool:
    """Whether a sentence goes on about the one before: it opens by pointing back, or with a word of
    the question ("Kritiken gällde …")."""
    first = next(iter(words(following)), "")
    if first in _BACK:
        return True
    s = stem(first)
    return any(s in t.alternatives or s == t.stem for t in q.content if t.found and len(first) >= 4)


ANCHORED = 0.8
"""A sentence naming none of the question's words answers only when its paragraph covers this much of
them and it holds the kind of answer asked ("… Servicecenter i kvarteret Mården. Det ger plats för ca
550 medarbetare.")."""


def _anchored(q: Question, best: Scored) -> bool:
    p = best.stored.passage
    sentence = p.text[best.span[0] - p.start : best.span[1] - p.start]
    kind = (q.wants == "number" and has_number(sentence)) or (q.wants == "date" and has_date(sentence))
    if not kind or _anchor(q, best) is None:
        return False
    if best.coverage >= ANCHORED:
        return True
    # Words that say when ("förra året") need not stand there: every other word of the question does.
    held = stem_set(p.text)
    return all(any(alt in held for alt in t.alternatives) for t in q.content if t.found and not is_period(t.word))


def _anchor(q: Question, best: Scored) -> tuple[int, int] | None:
    """The nearest sentence before the best one, in its paragraph, that names the question's subject."""
    p = best.stored.passage
    spans = p.sentences
    at = spans.index(best.span) if best.span in spans else -1
    terms = [t for t in q.content if t.found]
    for a, b in reversed(spans[:at] if at > 0 else []):
        held = stem_set(p.text[a - p.start : b - p.start])
        if any(any(alt in held for alt in t.alternatives) for t in terms):
            return a, b
    return None


def _preceding(q: Question, best: Scored, sentence: str) -> tuple[int, int] | None:
    """The sentence before, when the best one gives its reason by pointing back to it ("Som en
    följd av detta blev kostnaderna lägre")."""
    from doksvar.answer.score import asks_reason

    spans = best.stored.passage.sentences
    at = spans.index(best.span) if best.span in spans else -1
    if at > 0 and _IT_IS.match(sentence):
        # "Det är en liten minskning jämfört med 2022 …": what "det" is, the sentence before says.
        return spans[at - 1]
    if at > 0 and _OTHERS_FIRST.match(sentence):
        # "Motsvarande andel i riket var 71,4 procent.", "Genomsnittet för länet var 1 163 kronor …":
        # the others' figure; the organisation's own, that it is set against, the sentence before gives.
        p = best.stored.passage
        for a, b in reversed(spans[max(0, at - OTHERS_REACH) : at]):
            if has_number(p.text[a - p.start : b - p.start]):
                return a, b
    if at > 0 and points_back(sentence):
        # "Högst var den på Lärcentrum Norr …": "den" is what the sentence before names, when it
        # names a word of the question the best one does not.
        p = best.stored.passage
        a, b = spans[at - 1]
        before, own = stem_set(p.text[a - p.start : b - p.start]), stem_set(sentence)
        if any(not own.intersection(t.alternatives) and before.intersection(t.alternatives) for t in q.content):
            return a, b
    if at <= 0 or not asks_reason(q) or not BACK_REFERENCE.search(sentence):
        return None
    if _THIS.match(sentence):
        # "Detta har inneburit …" points back to what the paragraph told before it, which may
        # take two sentences ("Lantmäteriet ändrade … Från att ha haft … beställer vi nu …").
        return spans[max(0, at - 2)][0], spans[at - 1][1]
    return spans[at - 1]


_IT_IS = lazy(r"(?:det|detta|den|denna)\s+(?:är|var|blev|innebär|innebar|motsvarar|motsvarade)\s", re.I)
"""A sentence whose subject is the one before it ("Det är en ökning med …")."""
_THIS = lazy(r"(?:detta|det|dessa)\s+(?:har\s+|hade\s+)?\w+", re.I)
_AVERAGE_WORDS = r"(?:motsvarande|genomsnitt\w*|snittet|rikssnitt\w*|riksgenomsnitt\w*|medelvärdet|riket|landets)"
_OTHERS_FIRST = lazy(rf"(?:(?:i|för)\s+)?{_AVERAGE_WORDS}\b", re.I)
"""A sentence that opens with the figure of others: "Motsvarande …", "Genomsnittet …", "I riket …"."""
_ASKS_BEFORE = lazy(
    rf"\b(?:{YEAR_BEFORE})\b|\b(?:the year before|a year earlier|a year before|the previous year|the prior year"
    r"|last year|a year ago)\b"
)
"""A question after the figure of the year before as well ("…, och hur var det året före?")."""
EARLIER = lazy(rf"(?:{YEAR_BEFORE}|(?:under|år)\s+{YEAR_PATTERN}|{YEAR_PATTERN})\b", re.I)
"""A sentence telling of the year before ("Ett år tidigare var den 10,6 procent.", "Under 2024 …")."""
_AVERAGE_SAID = lazy(rf"\b{_AVERAGE_WORDS}\b", re.I)
"""Words of the country's or an average figure in a sentence, that a comparison with the average sets
the organisation's against (not "regionen", "länet", which may be the organisation itself)."""
OTHERS_REACH = 3
"""How many sentences back the organisation's own figure is looked for."""


def _partner(scored: list[Scored], best: Scored) -> Scored | None:
    """A neighbouring sentence of the same passage that scores nearly as well, to give both."""
    for other in scored[1:4]:
        if other.stored.id != best.stored.id:
            continue
        if other.score >= best.score - 0.1 and abs(other.span[0] - best.span[1]) <= 2:
            return other
    return None


def _focus(q: Question, sentence: str) -> int:
    """Where in the sentence the answer stands: its first figure for a number question."""
    if q.wants == "number" and has_number(sentence):
        for m in re.finditer(r"\d", sentence):
            return m.start()
    return 0
