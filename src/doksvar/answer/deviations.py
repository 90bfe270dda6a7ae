"""Deviation answers: all of a direction, largest first; the largest; or why one item deviated."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from doksvar.answer.compose import answer, clip, frame
from doksvar.answer.intent import DEVIATION_WORDS, is_cue_word
from doksvar.answer.question import BUDGET_NAMES, PART_WORDS, Question, budgets
from doksvar.answer.retrieve import term_weights
from doksvar.answer.subject import in_scope, overlap, section_scope, subject_terms
from doksvar.lang.lazy import lazy
from doksvar.lang.words import FULL_YEAR, PART_OF_YEAR, RELATIVE_CLAUSE, is_organisation, is_period, stem_set, stems

if TYPE_CHECKING:
    from doksvar.answer import Answerer
    from doksvar.index.query import Term
    from doksvar.index.rows import Deviation, StoredFact
    from doksvar.model import Answer, Citation

    Found = StoredFact[Deviation]

MAX_ANSWER = 760
ITEM_WIDTH = 150
MAX_ITEMS = 8


def answer_deviation(a: Answerer, q: Question) -> Answer | None:
    from doksvar.answer.score import asks_reason

    subject = subject_terms(a.store, q, DEVIATION_WORDS)
    asked = budgets(q.swedish)
    if asked:
        # "driftbudgeten", "investerade" name which budget, not an item of it: the deviations are read
        # from that budget.
        subject = [
            t for t in subject if not ("budget" in t.stem and budgets(t.stem)) and not _BUDGET_WORD.fullmatch(t.word)
        ]
    kind = []
    if q.listing or q.largest:
        # "Vilken verksamhet …", "Vilka poster …": the noun asked for is the kind of item, not one item;
        # it may name their table ("Vilka investeringar …" of "Tabell 5. Investeringar 2025").
        kind = [t for t in q.content if t.found and t.stem == q.focus and _names_budget(t, kind=True)]
        subject = [t for t in subject if t.stem != q.focus]
    # Words for the period ("helåret", "perioden") name no item but may name a table.
    named = list(subject) + kind + [t for t in q.content if t.found and is_period(t.word)]
    common = []
    if q.listing or q.largest:
        # "Which of the operations …": a common word may name the budget whose items are asked for.
        titled = a.store.title_words(q.docs)
        common = [t for t in q.content if t.found and t not in named and _names_budget(t) and t.stem not in titled]
    if subject and not (q.listing or q.largest) and asks_reason(q):
        # "Varför gick kulturskolan med minus?": an analysis that heads each item's paragraph with its
        # deviation ("Kulturskola (−970 tkr).") answers why, wherever else the item is written of.
        near = {pid for pid, _ in a.store.match(subject, limit=300, doc_ids=q.docs, any_term=True)}
        want = _wanted(q)
        leads = [
            f for f in a.store.deviations(q.docs, passage_ids=near) if f.data.lead and want in (None, f.data.direction)
        ]
        found = _about(a, q, leads, subject, least=LEAD_COVERED, named=True) if leads else None
        if found is not None:
            return found
    scope, rest = section_scope(a.store, q, subject)
    if not rest and (q.positive or q.negative) and scope and not a.store.deviation_in(q.docs, scope):
        # Which way an item's budget went, asked only in words that name a section stating no
        # deviation ("3.3 Ekonomiskt bistånd och arbetsmarknad" tells of the year's cases): the words
        # name the item, whose deviation the economy chapter gives.
        scope, rest = set(), subject
    subject = rest
    facts = []
    named_table = False
    if subject:
        # Only deviations stated near the question's words are weighed.
        near = {pid for pid, _ in a.store.match(subject, limit=300, doc_ids=q.docs, any_term=True)}
        facts = a.store.deviations(q.docs, passage_ids=near)
    if facts or (subject and not (q.listing or q.largest)):
        # A section the question names narrows them, unless none of them stands in it.
        facts = [f for f in facts if in_scope(f.data.section, scope)] or facts
        facts, rest = _label_scope(_of_period(q, facts), subject)
        if rest:
            return _about(a, q, facts, rest)
        named_table = bool(subject)  # the subject's words are those of the table the facts stand in
    else:
        # No subject, or one no deviation is stated near ("Which part of the social services budget
        # …" of a social services board's report): the items of the whole.
        want = _wanted(q)
        facts = a.store.deviations(q.docs, direction=want, total=False, best=200)
        facts += a.store.deviations(q.docs, direction=want, total=True, best=20)
        facts = _of_period(q, [f for f in facts if in_scope(f.data.section, scope)])
    titles: dict[tuple[int, str], str] = {}
    if asked:
        facts = [f for f in facts if not (under := _budgets_of(a, f, titles)) or under & asked]
        # Those stated under the budget asked, when there are any: "Vilket investeringsprojekt …"
        # lists no operating item whose section happens not to name its budget.
        facts = [f for f in facts if _budgets_of(a, f, titles) & asked] or facts
    # Words that named the section may name one of its tables too ("… för perioden").
    facts, _ = _label_scope(facts, named)
    if common:
        # A common word may name the budget by its section too ("i driften": "6.1 Driftredovisning").
        facts, _ = _label_scope(facts, common, lambda f: _section_title(a, f, titles))
    if not facts:
        return None
    return _listing(a, q, facts, named_table)


_BUDGET_WORD = lazy(rf"(?:{BUDGET_NAMES.pattern})\w{{0,4}}", re.I)
"""A word that is only the name of a budget ("investerade", "investeringarna", "driften")."""


def _names_budget(t: Term, kind: bool = False) -> bool:
    """A common word of the question that may name the table, sub-heading or section its deviations
    stand under ("operations" as "Driftredovisning"), though it names no item. The organisation's
    own word does not, unless it is the kind of item asked for ("Which committee …" of a municipality's
    "Nettokostnad per nämnd")."""
    return (
        not t.word.isdigit()
        and not _AGAINST_BUDGET.search(t.word)
        and not is_cue_word(t.word)
        and t.stem not in DEVIATION_WORDS
        and (kind or not is_organisation(t.word))
    )


def _budgets_of(a: Answerer, f: Found, titles: dict[tuple[int, str], str]) -> set[str]:
    """The budgets a deviation stands under: its table or sub-heading, its column, its section."""
    return budgets(f"{f.data.label} {f.data.col_label} {_section_title(a, f, titles)}")


def _section_title(a: Answerer, f: Found, titles: dict[tuple[int, str], str]) -> str:
    """The title of a deviation's section (kept in `titles`, as many deviations share one)."""
    key = (f.doc_id, f.data.section)
    if key not in titles:
        titles[key] = a.store.section_title(*key)
    return titles[key]


def _wanted(q: Question) -> str | None:
    if q.negative and not q.positive:
        return "negative"
    if q.positive and not q.negative:
        return "positive"
    return None


def _label_scope(
    facts: list[Found], subject: list, also: Callable[[Found], str] | None = None
) -> tuple[list[Found], list]:
    """Terms that name the table or sub-heading several deviations stand under (or what `also`
    gives of a deviation) narrow the list."""
    from doksvar.lang.words import stems

    kept = []
    for t in subject:
        if not facts:
            break
        under = [
            f
            for f in facts
            if set(t.alternatives) & set(stems(f"{f.data.label} {f.data.col_label} {also(f) if also else ''}"))
        ]
        if len(under) >= 2:
            facts = under
        elif under and len(under) == len(facts):
            continue
        else:
            kept.append(t)
    return facts, kept


_AGAINST_BUDGET = lazy(r"budget|avvik|planera|\bplan\b", re.I)
AGAINST_BUDGET = 0.1
"""Preference, for a question measured against the budget, for a deviation whose sentence says
what it is measured against: a result's surplus is no deviation from the budget until it is."""


EXPLAINED = 0.05
"""Preference, when the question asks why, for a deviation stated with its explanation."""
NAMED_FIRST = 0.05
"""Preference for a deviation whose sentence opens with the item ("Regionaltåget redovisar en negativ
avvikelse …") over one that names it in passing."""
LEAD_COVERED = 0.7
"""How much of the question's subject an item's lead-in must name to answer its why at once."""
RESTATED_REASON = 0.2
"""How much less an explained statement of the best deviation's own amount may weigh and still
answer a why in its place."""
FORECAST_ASKED = 0.15
"""Preference for a forecast where the question asks for one: more than for the words of a
deviation from budget, as an outcome so far is no answer to where the year will end."""


def _about(
    a: Answerer, q: Question, facts: list[Found], subject: list, least: float = 0.5, named: bool = False
) -> Answer | None:
    """The deviation of one named item, with its explanation; `named`: only as the item's own
    name covers the subject, not its paragraph."""
    from doksvar.answer.score import asks_reason
    from doksvar.lang.frequency import generality_weight

    weights = {
        w: v * (1.0 if w in q.names else generality_weight(w)) for w, v in term_weights(a.store, subject).items()
    }
    passages = a.store.passages({f.passage_id for f in facts})
    against_budget = bool(_AGAINST_BUDGET.search(q.swedish))
    why = asks_reason(q)
    forecast = _asks_forecast(q)
    so_far = not forecast and _asks_so_far(q)
    best, best_score = None, 0.0
    scored: list[tuple[float, Found]] = []
    for f in facts:
        data = f.data
        sp = passages.get(f.passage_id)
        texts = [(data.subject, 1.0), (data.row_label, 1.0)]
        if sp and not named:
            texts.append((sp.passage.text, 0.8))
            texts.append((sp.passage.label, 0.3))
        score = overlap(subject, weights, texts)
        if q.negative and data.direction == "negative" or q.positive and data.direction == "positive":
            score += 0.05
        if against_budget and _AGAINST_BUDGET.search(data.subject):
            score += AGAINST_BUDGET  # "avvikelse … mot budget", not a result's "överskott på 740 tkr"
        if forecast and _of_forecast(a, f) and not _of_the_period(a, f):
            # "väntas … när året är slut": the forecast ("Avv. helår"), not the outcome so far (the
            # first of "1,5 mnkr för perioden och 5,3 mnkr i prognos för helåret").
            score += FORECAST_ASKED
        elif so_far and _of_forecast(a, f) and not _of_the_period(a, f):
            score -= FORECAST_ASKED  # "hittills i år" asks the outcome so far, which no forecast is
        if why and data.explanation:
            score += EXPLAINED  # "Varför …": the sentence that states the deviation and its reason
        opening = stems(data.subject[:60])[:1]
        if opening and any(opening[0] == t.stem or opening[0] in t.alternatives for t in subject):
            score += NAMED_FIRST
        scored.append((score, f))
        if score > best_score:
            best, best_score = f, score
    if best is None or best_score < least:
        return None
    if why and not best.data.explanation:
        # The same deviation stated again with its reasons ("Hemtjänst (-9 300 tkr)" heading the
        # paragraph that explains the table's row): that statement answers why.
        same = [
            (score, f)
            for score, f in scored
            if f.data.explanation and f.data.mkr == best.data.mkr and score >= best_score - RESTATED_REASON
        ]
        if same:
            best = max(same, key=lambda sf: sf[0])[1]
    return _one(a, q, best, passages, subject)


def _names_all(terms: list[Term], text: str) -> bool:
    held = stem_set(text)
    return all(any(alt in held for alt in t.alternatives) for t in terms)


def _one(a: Answerer, q: Question, best: Found, passages: dict, subject: list[Term] | None = None) -> Answer:
    """One deviation, with the sentence that states it and its explanation."""
    from doksvar.answer.score import asks_reason

    doc_id, pid, data, s0, s1 = best.doc_id, best.passage_id, best.data, best.start, best.end
    ref = a.ref(doc_id)
    sp = passages.get(pid)
    start, end = s0, s1
    if sp and data.source == "text":
        # From the passage's first sentence (which may name the item) to the explanation.
        first = sp.passage.sentences[0][0] if sp.passage.sentences else s0
        if 0 <= s0 - first <= 250:
            start = first
        if data.explanation:
            end = max(end, data.explanation[1])
        elif subject and asks_reason(q) and _names_all(subject, ref.text[s0:s1]):
            # "Gata och park visar en negativ avvikelse …": the item's own paragraph goes on with
            # what lay behind its deviation.
            end = next((b for a, b in sp.passage.sentences if a >= s1), end)
    if data.source == "table":
        from doksvar.answer.tables import row_rest, table_citations

        text = f"{data.subject}: {_amount(data)} ({direction_words(data, q.english)})"
        t_start = _table_start(a, doc_id, s0)
        cites = table_citations(a, doc_id, data.label, t_start, *data.span_amount)
        table_id = a.store.table_holding(doc_id, data.span_amount[0])
        cells = a.store.cells(table_id) if table_id is not None else ()
        cell = next((c for c in cells if c.start == data.span_amount[0]), None)
        rest = row_rest(a, q, table_id, cell) if table_id is not None and cell is not None else []
        if rest:
            text += " – " + "; ".join(f"{c.col_label}: {c.text}" for c in rest)
            for c in rest:
                cites += table_citations(a, doc_id, "", t_start, c.start, c.end)
        return answer(q.text, "deviation", text, cites)
    span_text = ref.text[start:end]
    amount = data.span_amount[0] - start
    lead = f"{_unnamed(data, span_text)}{_amount(data)} ({direction_words(data, q.english)}): "
    text = lead + clip(span_text, amount, MAX_ANSWER - len(lead))
    cites = [a.cite(doc_id, start, end, data.span_amount)]
    return answer(q.text, "deviation", text, cites)


def _table_start(a: Answerer, doc_id: int, offset: int) -> int:
    start = a.store.table_start(doc_id, offset)
    return offset if start is None else start


def direction_words(data: Deviation, english: bool) -> str:
    words = {
        "negative": ("negativ avvikelse", "negative deviation"),
        "positive": ("positiv avvikelse", "positive deviation"),
        "unknown": ("avvikelse", "deviation"),
    }
    return words[data.direction][1 if english else 0]


_FORECAST = lazy(
    r"prognos\w*|helår\w*|beräknas|bedömer|bedöms|väntas|förväntas|(?:ser|såg) ut att|på väg att|landa[rt]? på", re.I
)


_SO_FAR = lazy(r"\b(?:hittills|so far|hitintills|fram till nu|to date)\b")


def _of_period(q: Question, facts: list[Found]) -> list[Found]:
    """A table's deviations from the one deviation column the question's period asks for: the full
    year's ("Avvikelse helår") for a forecast or the whole year, the period's ("Avvikelse jan–aug")
    for the time so far, else the table's first."""
    forecast = _asks_forecast(q)
    so_far = not forecast and _asks_so_far(q)
    columns: dict[str, dict[int, str]] = {}
    for f in facts:
        if f.data.source == "table":
            columns.setdefault(f.data.label, {})[f.data.column] = f.data.col_label or ""
    chosen: dict[str, int] = {}
    for label, heads in columns.items():
        full = [k for k, h in heads.items() if _of_the_year(h)]
        part = [k for k, h in heads.items() if PART_OF_YEAR.search(h) and k not in full]
        pick = full if forecast else part if so_far else []
        chosen[label] = min(pick or heads)
    return [f for f in facts if f.data.source != "table" or f.data.column == chosen[f.data.label]]


def _asks_so_far(q: Question) -> bool:
    """Whether the question asks for the period so far ("hittills i år", "jan–aug", "so far")."""
    return bool(PART_OF_YEAR.search(q.swedish) or _SO_FAR.search(f"{q.swedish} {q.text.lower()}"))


def _asks_forecast(q: Question) -> bool:
    """Whether the question asks for the forecast for the full year ("väntas", "för helåret",
    "heading for")."""
    return bool(
        _FORECAST.search(q.swedish)
        or FULL_YEAR.search(q.swedish)
        or (q.english and _FORECAST_EN.search(q.text))
        or (_WILL_BE.search(q.text) and not PART_OF_YEAR.search(q.swedish) and not q.years)
        or (bool(_COUNTED_ON.search(q.swedish)) and not _THAN_COUNTED_ON.search(q.swedish))
    )


_COUNTED_ON = lazy(r"\bräkna(?:r|de|t)?\s+(?:\w+\s+){0,2}?med\b")
"""What was counted on: "Hur stort underskott räknade nämnden med i augusti?" asks a forecast."""
_THAN_COUNTED_ON = lazy(r"\bän\s+(?:\w+\s+){0,3}?räkna")
"""… not "dyrare än man räknade med", which measures against it."""


_WILL_BE = lazy(r"\b(?:blir|kommer (?:att )?(?:bli|gå|landa|hamna)|will|is going to|are going to)\b", re.I)
"""A question in the future ("Varför blir färdtjänsten billigare än budgeterat?", "will end up"):
where the year ends, which an interim report gives as its forecast."""


_FORECAST_EN = lazy(
    r"\b(?:expect\w*|project\w*|forecast\w*|heading for|on course|on track|set to|predicted|estimated"
    r"|end the year|by year-end|at year-end|for the whole year|for the full year)\b",
    re.I,
)


def _of_forecast(a: Answerer, f: Found) -> bool:
    """Whether a deviation is a forecast's: its table, column or sentence says so."""
    if f.data.source == "table":
        return _of_the_year(f"{f.data.label} {f.data.col_label}")
    return _is_forecast(a, f)


def _of_the_period(a: Answerer, f: Found) -> bool:
    """Whether a sentence's amount is said to be the period's ("1,5 mnkr för perioden och …")."""
    if f.data.source != "text":
        return False
    end = f.data.span_amount[1]
    return bool(_PERIOD_AFTER.match(a.ref(f.doc_id).text, end))


_PERIOD_AFTER = lazy(r"\s+(?:för|under|i)\s+(?:perioden|tertialet|delåret|första|januari|jan)\b", re.I)


def _of_the_year(heading: str) -> bool:
    """Whether a table's caption or column is of the full year or its forecast ("Avvikelse helår",
    "Prognosavvikelse")."""
    return bool(FULL_YEAR.search(heading) or _FORECAST.search(heading))


def _is_forecast(a: Answerer, f: Found) -> bool:
    """Whether a deviation's sentence states a forecast rather than an outcome."""
    return bool(_FORECAST.search(a.ref(f.doc_id).text[f.start : f.end]))


def _period_total(a: Answerer, q: Question, totals: list):
    """The whole's deviation the question asks about: the forecast for the full year where it
    asks for one, else the outcome so far; the first the report states."""
    forecast = _asks_forecast(q)
    fitting = [f for f in totals if _is_forecast(a, f) == forecast] or totals
    # A year asked: the statement that names it ("… för 2025 … en positiv avvikelse på 470 tkr").
    dated = [f for f in fitting if any(str(y) in f.data.subject for y in q.years)]
    return min(dated or fitting, key=lambda f: (f.doc_id, f.start))


def _table_total(
    a: Answerer, facts: list[Found], want: str | None, asked: set[str], titles: dict[tuple[int, str], str]
) -> list[Found]:
    """The total row's deviation when every deviation stands in one table ("rörelseresultatet … som
    helhet" of "Rörelseresultat per verksamhetsområde"), else none. What is left of the investments'
    money is no deviation of the whole, unless investments are asked about."""
    if len({(f.doc_id, f.data.source, f.data.label) for f in facts}) != 1 or facts[0].data.source != "table":
        return []
    if "investering" in _budgets_of(a, facts[0], titles) and "investering" not in asked:
        return []
    return [f for f in facts if f.data.total and (want is None or f.data.direction == want)]


def _listing(a: Answerer, q: Question, facts: list[Found], named_table: bool = False) -> Answer | None:
    """All deviations of the asked direction, largest first, with the total ahead of them; the
    total alone where the question asks about the whole (and not about one of its budgets, whose
    items name it): as a sentence states it, or as the total row of a table the question's subject
    names (`named_table`)."""
    want = _wanted(q)
    asked = budgets(q.swedish)
    items = [f for f in facts if not f.data.total and (want is None or f.data.direction == want)]
    totals = [f for f in facts if f.data.total and f.data.source == "text"]
    if want:
        totals = [f for f in totals if f.data.direction == want]
    if not items and q.largest:
        items, totals = totals, []  # no item deviated: the largest deviation is the whole's
    titles: dict[tuple[int, str], str] = {}  # section titles, read once for all the checks below
    # "Vilket investeringsprojekt drog över sin budget?": which item, not the whole.
    which_item = bool(q.which) and bool(q.focus) and not _OF_THE_WHOLE.match(q.focus)
    if asked and not (q.listing or q.largest or which_item):
        # "Hur mycket mindre än planerat investerade förbundet?": the whole of the budget asked
        # about, as its table's total row or a sentence gives it.
        totals = [f for f in facts if f.data.total and (want is None or f.data.direction == want)]
        totals = [f for f in totals if _budgets_of(a, f, titles) & asked] or totals
        if totals:
            total = _period_total(a, q, totals)
            return _one(a, q, total, a.store.passages({total.passage_id}))
    elif not (q.listing or q.largest or which_item) and (
        totals := totals or (_table_total(a, facts, want, asked, titles) if named_table else [])
    ):
        # "Hur stort överskott redovisar förvaltningen?": the whole's deviation, not a list of items;
        # as a sentence states it, else as the total row of the one table the question names.
        total = _period_total(a, q, totals)
        return _one(a, q, total, a.store.passages({total.passage_id}))
    if not items and not totals:
        return None
    if items and _SO_FAR.search(f"{q.swedish} {q.text.lower()}") and not _asks_forecast(q):
        # "… mest hittills i år": the period's deviations, not the year's forecast beside them.
        items = [f for f in items if not _of_forecast(a, f)] or items
    if (q.largest or q.listing) and _ASKS_PART.search(f"{q.swedish} {q.text.lower()}"):
        # "Vilken verksamhet …", "Which part …": the activities, not the kinds of cost of the whole.
        items = [f for f in items if not _of_a_kind_of_money(a, f)] or items
        # A table "per verksamhet" is the report's own list of its parts: its rows answer.
        items = [f for f in items if f.data.source == "table" and _OF_PARTS.search(f.data.label)] or items
    if (q.largest or q.listing) and q.focus.startswith("kostn"):
        # "Vilken kostnad … mest": no income, whose shortfall is no cost ("Intäkter Brukningsavgifter").
        items = [f for f in items if not _INCOME.search(f.data.row_label)] or items
    if (q.largest or q.listing) and "investering" not in asked:
        # An investment project's money left is no deviation of the operations, unless investments are asked.
        items = [f for f in items if "investering" not in _budgets_of(a, f, titles)] or items
    items.sort(key=lambda f: -f.data.mkr)
    items = _once(items)
    if q.largest and not (q.listing or _plural(q)):
        # "Fastigheter och lokaler visar det största överskottet": the report's own word on which
        # item deviated most (it may leave out a tax-financed one) goes before the amounts' order.
        said = [f for f in items if _says_largest(a.ref(f.doc_id).text[f.start : f.end], want)]
        if not said:
            # The table's row, and the sentence elsewhere that calls the same item's amount the largest.
            # Read in the items' own documents only: an index of many reports holds many such claims.
            claims = [
                a.ref(g.doc_id).text[g.start : g.end]
                for g in a.store.deviations(sorted({f.doc_id for f in items}))
                if g.data.source == "text" and _says_largest(a.ref(g.doc_id).text[g.start : g.end], want)
            ]
            said = [
                f
                for f in items
                if any(_claims_item(f, claim, a.ref(f.doc_id).text[f.start : f.end]) for claim in claims)
            ]
        if said:
            items = [said[0], *(f for f in items if f is not said[0])]
    if q.largest:
        items = items[: 3 if q.listing or _plural(q) else 1]
    key = ("largest_" + want if want else "largest") if q.largest else (want or "deviations")
    if q.largest and len(items) == 1:
        key += "_one"
    parts = [frame(key, q.english) + ":"]
    cites: list[Citation] = []
    if totals and not q.largest:
        f = totals[0]
        d = f.data
        sentence = a.ref(f.doc_id).text[f.start : f.end]
        parts.append(
            f"{frame('total', q.english)} {d.amount_text} {d.unit} – "
            f"{clip(sentence, d.span_amount[0] - f.start, ITEM_WIDTH, lead=0.8)}"
        )
        cites.append(a.cite(f.doc_id, f.start, f.end, d.span_amount))
    shown = items[:MAX_ITEMS]
    for k, f in enumerate(shown, 1):
        d = f.data
        start = _naming_start(a, f)
        sentence = a.ref(f.doc_id).text[start : f.end]
        width = ITEM_WIDTH if sum(map(len, parts)) < MAX_ANSWER - 2 * ITEM_WIDTH else 60
        if d.source == "table":
            about = f"{d.row_label} ({d.label}, {d.col_label})"
        else:
            about = clip(sentence, d.span_amount[0] - start, width + (f.start - start), lead=0.8)
            about = _unnamed(d, sentence) + about
        line = f"{k}) {_amount(d)} – {about}"
        if sum(map(len, parts)) + len(line) > MAX_ANSWER:
            line = f"{k}) {_amount(d)}"
        parts.append(line)
        cites.append(a.cite(f.doc_id, start, f.end, d.span_amount))
    if len(items) > len(shown):
        parts.append(frame("more", q.english))
    return answer(q.text, "deviation", " ".join(parts), cites)


def _unnamed(data: Deviation, said: str) -> str:
    """The item's name, from the sub-heading over its paragraph, where what is quoted does not say it
    ("Digitalisering och IT: " before "Verksamheten har det största underskottet …")."""
    if not data.lead or not data.row_label or stem_set(data.row_label) <= stem_set(said):
        return ""
    return f"{data.row_label}: "


_SAYS_LARGEST = lazy(
    r"\b(?:störst\w*|largest|biggest)\s+(?:(?P<positive>positiv\w*|överskott\w*|surplus)"
    r"|(?P<negative>negativ\w*|underskott\w*|deficit|overspend\w*)|(?:budget)?avvikelse\w*|deviation)"
)


def _says_largest(sentence: str, want: str | None) -> bool:
    """Whether a sentence calls its item's deviation the largest, of the direction wanted if any
    ("… visar det största överskottet", "… den största negativa avvikelsen")."""
    m = _SAYS_LARGEST.search(sentence.lower())
    if m is None:
        return False
    said = "positive" if m.group("positive") else ("negative" if m.group("negative") else None)
    return want is None or said in (None, want)


_FIRST_CELL = lazy(r"[\s|]*([^\t|]*?[^\W\d][^\t|]*?)(?=\s*(?:\t|\||\s[−–-]?\d|$))")
"""A table row's first cell as its line in the report starts: the text before the first tab, bar
or figure ("Vinterväghållning" of "Vinterväghållning\t12 600\t…")."""


def _claims_item(item: Found, sentence: str, row: str = "") -> bool:
    """Whether a sentence names a table row's item and states its amount ("Fastigheter visar det
    största överskottet, 2,2 mnkr" of the row "Fastigheter … 2 200" in tkr). The item is named by
    the row's own first cell (`row`, the row as the report writes it), without the name of the group
    of rows it stands in ("Skattefinansierad verksamhet" over "Vinterväghållning")."""
    from doksvar.facts.deviations import sentence_deviations  # indexing's extractor: load only when asked

    own = _FIRST_CELL.match(re.sub(r"<[^<>]*>", "\t", row))  # an HTML table's row: its cells apart
    label = {w for w in stem_set(own.group(1) if own else item.data.row_label) if len(w) >= 3}
    if not label or not label <= stem_set(sentence):
        return False
    return any(abs(d["mkr"] - item.data.mkr) < 0.051 for d in sentence_deviations(sentence))


def _once(items: list[Found]) -> list[Found]:
    """Each item's deviation once: a table's row and the lead-in of the paragraph explaining it
    ("Bibliotek (+560 tkr).") state the same amount of the same item."""
    seen: set[tuple[int, float, str, frozenset[str]]] = set()
    kept = []
    for f in items:
        name = frozenset(stem_set(f.data.row_label)) if f.data.row_label else None
        key = (f.doc_id, f.data.mkr, f.data.direction, name) if name else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        kept.append(f)
    return kept


_OF_THE_WHOLE = lazy(r"(?:result|avvik|budgetavvik|underskot|överskot|prognos|utfall|budget|nettokostnad)")
"""What "vilket/vilken" asks about when it asks for the whole's figure ("Vilket resultat …")."""
_ASKS_PART = lazy(rf"\b{PART_WORDS}\b")
"""A question after a part of the organisation ("Vilken del av verksamheten …", "Which part …")."""
_MONEY_KIND = lazy(
    r"\b(?:summa\s+|övriga?\s+|totala?\s+)?"
    r"(?:\w{3,}kostnad\w*|\w*intäkt\w*|\w*utgift\w*|köp av\b|avskrivning\w*|räntor)",
    re.I,
)
"""A kind of money rather than a part of the organisation ("Personalkostnader", "Köp av verksamhet",
"intäkterna"); a bare "kostnaderna" is said of any part."""


def _of_a_kind_of_money(a: Answerer, f: Found) -> bool:
    """Whether a deviation is of a kind of cost or income of the whole: its row label names one, or
    the clause that states its amount does ("…, vilket förklarar att personalkostnaderna överstiger
    budget med 11,3 mnkr")."""
    if f.data.source == "table":
        # A table "per verksamhet" lists parts, whatever a row is called ("Köp av externa platser").
        return bool(_MONEY_KIND.match(f.data.row_label)) and not _OF_PARTS.search(f.data.label)
    text = a.ref(f.doc_id).text[f.start : f.data.span_amount[0]]
    clause = re.split(r"[,;:]", RELATIVE_CLAUSE.sub(" ", text))[-1]
    # "Kostnaderna beräknas överstiga budget med 27,1 mnkr" opens a sentence of the whole's costs.
    return bool(_MONEY_KIND.search(clause) or _WHOLE_MONEY.match(clause))


_INCOME = lazy(r"intäkt|avgifter\b|\bincome|\brevenue", re.I)
"""Money taken in ("Intäkter", "Brukningsavgifter"), not spent."""
_PART_WORDS = r"(?:verksamhet|verksamhetsområde|område|affärsområde|segment|enhet|avdelning|nämnd|styrelse|förvaltning)"
_OF_PARTS = lazy(rf"\bper\s+{_PART_WORDS}|^\s*{_PART_WORDS}\w*\s*,", re.I)
"""A table caption, or the heading of its row labels, that says its rows are parts of the organisation
("Driftredovisning per verksamhet", "Affärsområde, rörelseresultat i tkr")."""
_WHOLE_MONEY = lazy(
    r"\s*(?:de\s+)?(?:totala\s+)?(?:kostnaderna|intäkterna|nettokostnaden|nettokostnaderna|utgifterna)\b", re.I
)
"""A clause that opens with the whole's money, no part named ("Kostnaderna beräknas överstiga …")."""


_REFERS_BACK = lazy(r"(?:utfallet|avvikelsen|resultatet|kostnaden|kostnaderna|det|detta|dessa|den|denna)\b", re.I)
"""A deviation's sentence that names its item only by pointing back ("Utfallet blev dock 13,5 mkr")."""


def _naming_start(a: Answerer, f: Found) -> int:
    """Where a deviation's item is named: its own sentence, or the one before it in the same
    passage when its own only points back ("Strategiskt markinköp budgeterades till 4 mkr. Utfallet
    blev dock 13,5 mkr …")."""
    if f.data.source != "text" or not _REFERS_BACK.match(a.ref(f.doc_id).text[f.start : f.start + 20]):
        return f.start
    sp = a.store.passage_at(f.doc_id, f.start)
    before = [x for x, y in sp.passage.sentences if y <= f.start] if sp is not None else []
    return before[-1] if before else f.start


def _amount(d: Deviation) -> str:
    return f"{d.amount_text} {d.unit}".strip()


def _plural(q: Question) -> bool:
    return any(w in q.swedish for w in ("avvikelser", "avvikelserna", "deviations"))


LEAD_REACH = 2
"""Passages after an item's lead-in that its paragraph may run to."""


def lead_of(a: Answerer, q: Question, doc_id: int, sp) -> Answer | None:
    """The deviation of the item whose paragraph passage `sp` is: the nearest lead-in before it in
    its section ("Komvux grundläggande och gymnasial nivå (-747 tkr)"), as the item's name, amount
    and direction; None when no item's lead-in heads it."""
    section = sp.passage.section
    near = range(sp.id - LEAD_REACH, sp.id + 1)
    leads = [
        f
        for f in a.store.deviations([doc_id], passage_ids=near)
        if f.data.lead and f.data.section == section and f.data.span_amount[0] < sp.passage.start + len(sp.passage.text)
    ]
    if not leads:
        return None
    found = max(leads, key=lambda f: f.data.span_amount[0])
    data = found.data
    text = a.ref(doc_id).text
    # The lead-in's line is quoted: "Komvux grundläggande och gymnasial nivå (-747 tkr)".
    start = text.rfind("\n", 0, data.span_amount[0]) + 1
    end = text.find("\n", data.span_amount[1])
    end = len(text) if end < 0 else end
    said = f"{data.row_label}: {_amount(data)} ({direction_words(data, q.english)})."
    return answer(q.text, "deviation", said, [a.cite(doc_id, start, end, data.span_amount)])
