"""Ranking answers: the place in a named list, or every list, best first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from doksvar.answer.compose import answer, clip, frame
from doksvar.answer.intent import RANKING_WORDS
from doksvar.answer.question import Question
from doksvar.answer.retrieve import term_weights
from doksvar.answer.subject import overlap, subject_terms

if TYPE_CHECKING:
    from doksvar.answer import Answerer
    from doksvar.index.rows import Ranking, StoredFact
    from doksvar.model import Answer, Citation

MAX_ANSWER = 760
NEAR = 0.9
MAX_ITEMS = 12


def place(data: Ranking, english: bool) -> str:
    """ "plats 270 av 290" / "place 270 of 290", with the change when it is known."""
    text = f"{frame('place', english)} {data.rank}"
    if data.of:
        text += f" {frame('of', english)} {data.of}"
    if data.said:
        text += f" ({data.said})"  # as the report writes it: "Place 6 (sjätte plats)"
    return text


def _change(data: Ranking, english: bool) -> str:
    """ "klättrar 38 placeringar, från plats 112": the change as the report states it, and the place before."""
    change = data.change if data.change_said else None
    said = [frame("gained" if change > 0 else "lost", english, n=abs(change))] if change else []
    if data.previous:
        said.append(frame("from", english, n=data.previous) + (f", {data.previous_said}" if data.previous_said else ""))
    elif change:
        # "klättrade sex placeringar till plats 9": the place before is the report's arithmetic, shown.
        sign = "+" if change > 0 else "−"
        said.append(f"{frame('from', english, n=data.rank + change)} ({data.rank} {sign} {abs(change)})")
    return ", ".join(said)


def answer_ranking(a: Answerer, q: Question) -> Answer | None:
    subject = subject_terms(a.store, q, RANKING_WORDS)
    named = bool(subject) and not (q.listing and _plural(q))
    if named:
        near = {pid for pid, _ in a.store.match(subject, limit=300, doc_ids=q.docs, any_term=True)}
        facts = a.store.rankings(q.docs, passage_ids=near, direction="place")
    else:
        facts = a.store.rankings(q.docs, direction="place", best=400)
    if not facts:
        return None
    if q.first:
        facts = [f for f in facts if f.data.rank == 1] or facts
    if q.years:
        dated = [f for f in facts if f.data.year in q.years]
        facts = dated or facts
    if named:
        return _named(a, q, facts, subject)
    return _all(a, q, facts)


def _named(a: Answerer, q: Question, facts: list[StoredFact[Ranking]], subject: list) -> Answer | None:
    weights = term_weights(a.store, subject)
    passages = a.store.passages({f.passage_id for f in facts})
    scored = []
    for f in facts:
        d = f.data
        sp = passages.get(f.passage_id)
        if sp and sp.passage.start <= f.start and f.end <= sp.passage.end:
            # The sentence from its passage: a report's whole text is read only for the ones chosen.
            sentence = sp.passage.text[f.start - sp.passage.start : f.end - sp.passage.start]
        else:
            sentence = a.ref(f.doc_id).text[f.start : f.end]
        texts = [(sentence, 1.0), (d.list, 1.0)]
        if sp:
            texts += [(sp.passage.text, 0.7), (sp.passage.group, 0.4), (sp.section_title, 0.2)]
        scored.append((overlap(subject, weights, texts), f))
    scored.sort(key=lambda x: -x[0])
    best_score = scored[0][0]
    if best_score < 0.5:
        return None
    chosen = [f for s, f in scored if s >= best_score * NEAR][:2]
    parts, cites = [], []
    for f in chosen:
        d = f.data
        sentence = a.ref(f.doc_id).text[f.start : f.end]
        head = place(d, q.english)
        if d.list:
            head += f" – {d.list}"
        change = _change(d, q.english)
        parts.append(f"{head}{', ' + change if change else ''}. {clip(sentence, d.match[0] - f.start, 260)}")
        cites.append(a.cite(f.doc_id, f.start, f.end, d.match))
        if d.change_span:
            cites.append(a.cite(f.doc_id, *d.change_span))
    return answer(q.text, "ranking", " ".join(parts), cites)


def _all(a: Answerer, q: Question, facts: list[StoredFact[Ranking]]) -> Answer | None:
    """Every ranking, best place first (by share of the list when its length is known)."""
    facts = sorted(facts, key=lambda f: (f.data.rank / (f.data.of or 290), f.data.rank))
    parts = [frame("rankings", q.english) + ":"]
    cites: list[Citation] = []
    for k, f in enumerate(facts[:MAX_ITEMS], 1):
        d = f.data
        line = f"{k}) {place(d, q.english)}"
        if d.list:
            line += f" – {d.list}"
        change = _change(d, q.english)
        if change:
            line += f" ({change})"
        line += ";"
        if sum(map(len, parts)) + len(line) > MAX_ANSWER:
            break
        parts.append(line)
        cites.append(a.cite(f.doc_id, f.start, f.end, d.match))
        if d.change_span:
            cites.append(a.cite(f.doc_id, *d.change_span))
    return answer(q.text, "ranking", " ".join(parts).rstrip(";") + ".", cites)


def _plural(q: Question) -> bool:
    return any(w in q.swedish for w in ("rankingar", "rankningar", "rankings", "listor", "placeringar"))
