"""Questions to cited answers: deviations, rankings, table figures and facts, or an honest no."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Collection

from doksvar.answer.compose import DocRef, answer, citation, clip, frame, renumber
from doksvar.answer.intent import intent_of, is_cue_word
from doksvar.answer.question import COUNTED_EN, COUNTS, REASON_WORDS, Question, read_question, without_years
from doksvar.facts.amounts import AMOUNT
from doksvar.index.query import Term
from doksvar.index.rows import StoredPassage
from doksvar.index.store import Store
from doksvar.lang.lazy import lazy
from doksvar.lang.words import (
    COST_STEM,
    GENERIC,
    GROUP_STEMS,
    LAST_YEAR,
    ORDINAL_PERIOD,
    YEAR_IN_TEXT,
    is_organisation,
    is_period,
    stem_set,
    stems,
    words,
    years_in,
)
from doksvar.model import Answer, Citation, Passage

MAX_QUESTION = 2000


class Answerer:
    """Answers questions from one index."""

    def __init__(self, store: Store, docs: Collection[int] | None = None) -> None:
        """Answer from the store; `docs` keeps every answer to those documents (ids)."""
        self.store = store
        self.docs = set(docs) if docs is not None else None
        self._refs: dict[int, DocRef] = {}
        self._shas: dict[int, str] = {}
        self._sections: dict[int, list] = {}

    def refresh(self) -> None:
        """Forget cached documents after the index changed."""
        self._refs.clear()
        self._shas.clear()
        self._sections.clear()

    # ------------------------------------------------------------------ helpers for the handlers

    def doc_ids(self) -> dict[str, int]:
        """Each indexed document's id by the name its citations give."""
        return {d.name: d.id for d in self.store.documents()}

    def ref(self, doc_id: int) -> DocRef:
        """A document's name, text and seams; the cache is checked against the document's hash,
        since another process may have re-indexed it since."""
        row = self.store.document_version(doc_id)
        cached = self._refs.get(doc_id)
        if cached is None or row is None or self._shas.get(doc_id) != row[1]:
            cached = DocRef(doc_id, row[0] if row else "", self.store.document_text(doc_id), self.store.seams(doc_id))
            self._refs[doc_id] = cached
            self._shas[doc_id] = row[1] if row else ""
            self._sections.pop(doc_id, None)
        return cached

    def section_at(self, doc_id: int, offset: int) -> tuple[str, str, int | None]:
        """(number, title, page) of the deepest section holding `offset`."""
        if doc_id not in self._sections:
            self._sections[doc_id] = self.store.sections(doc_id)
        best = None
        for s in self._sections[doc_id]:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        page = self.store.page_at(doc_id, offset)
        return (best.number, best.title, page) if best else ("", "", page)

    def heading_at(self, doc_id: int, offset: int) -> str:
        """The sub-heading and row group of the passage holding `offset` (what a reader sees above it)."""
        label, group = self.store.labels_at(doc_id, offset)
        return f"{label} {group}".strip()

    def cite_whole(self, doc_id: int, start: int, end: int) -> list[Citation]:
        """Citations that quote all of [start, end): one, or one per piece where the text crosses a
        seam (a page break, dropped markup), so that every word the answer repeats is quoted."""
        ref = self.ref(doc_id)
        cuts = [start, *(s for s in ref.seams if start < s < end), end]
        pieces = [self.cite(doc_id, a, b) for a, b in itertools.pairwise(cuts) if ref.text[a:b].strip()]
        return pieces or [self.cite(doc_id, start, end)]

    def cite(self, doc_id: int, start: int, end: int, focus: tuple[int, int] | None = None) -> Citation:
        number, title, page = self.section_at(doc_id, start)
        return citation(self.ref(doc_id), 0, start, end, number, title, page, focus)

    # ------------------------------------------------------------------ answering

    def ask(self, text: str) -> Answer:
        """The answer to one question."""
        question = str(text)[: MAX_QUESTION * 2].encode("utf-8", errors="replace").decode("utf-8")
        question = re.sub(r"[\x00-\x1f\x7f]+", " ", question)[:MAX_QUESTION].strip()
        if not re.search(r"\w", question):
            return answer(question, "none", frame("empty", False), [], answered=False)
        with self.store.snapshot():
            q = read_question(question, self.store.vocab)
            result = self._ask(q, question)
        if result.answered:
            # "… ett underskott på 6,3 mnkr, vilket är 1,7 mnkr bättre än prognosen", asked for the
            # forecast too: the forecast worked out, with its working.
            from doksvar.answer.forecast import worked_forecast

            worked = worked_forecast(q, result.answer)
            if worked:
                result = dataclasses.replace(result, answer=f"{result.answer} {worked[0].upper()}{worked[1:]}.")
        return result

    def _ask(self, q: Question, question: str) -> Answer:
        """The answer to a question read, whole or part by part."""
        parts = _two_parts(question)
        if parts is not None and _different_kinds(parts, self.store.vocab):
            # "När startade säsongen, och hur många anställdes?": a date and a figure, asked apart.
            return self._each(q, None, parts)
        whole = self.answer(q if parts is None else _latest_first(q, parts))
        if parts is None:
            return whole
        if not whole.answered:
            return self._each(q, whole, parts)
        return self._both(q, whole, parts)

    def _each(self, q: Question, whole: Answer | None, parts: tuple[str, str]) -> Answer:
        """A two-part question no passage answers whole (or asking two kinds of answer): each part on
        its own, joined; `whole` is the whole question's answer when it was asked already."""
        from doksvar.answer.score import asks_reason, gives_reason, subject_weights
        from doksvar.lang.frequency import is_everyday

        questions = [dataclasses.replace(read_question(p, self.store.vocab), docs=q.docs) for p in parts]
        # A part with no subject of its own ("… och vad händer med pengarna?") speaks of the other
        # part's subject: alone it would be a question about the whole report.
        # Nor has one that asks only what kind of figure ("…, och vad kostade den?").
        own_subject = [t for t, _ in subject_weights(self, questions[1]).values() if not COST_STEM.match(t.stem)]
        alone = [True, bool(own_subject) or not subject_weights(self, q)]
        first = self.answer(questions[0])
        q2 = questions[1]
        # (A year the question names itself is no answer to its "when": "Hur mycket gick hyrorna upp
        # 2025, och när gällde höjningen?" – "… om 2025 års hyror: en höjning med 4,2 procent".)
        unasked = without_years(first.answer, q.years)
        if first.answered and q2.wants == "date" and questions[0].wants != "date" and _gives_kind(q2, unasked):
            # "Vem är ny chef …, och när började hen?" – "1 februari: Henrik Åberg tillträdde …": the
            # first part's answer gives the date that the second asks. (A figure in it may be of
            # anything: "Ekbackevägen 12" answers no "how many households".)
            return dataclasses.replace(first, question=q.text)
        if first.answered and all(is_everyday(t.word) for t in own_subject) and _its_figure(questions[0], q2, first):
            return dataclasses.replace(first, question=q.text)
        if first.answered and _only_why(q2) and not gives_reason(first.answer):
            # "…, och vad var huvudorsaken?": why the first part's answer is so.
            return dataclasses.replace(self._with_reason(questions[0], first), question=q.text)
        own = _asked_of(q2, [t for t in q2.content if t.found])
        # The second part asks on about what the first part's answer tells: where the report goes on
        # ("Den 14 mars utbröt en brand … och 18 hushåll evakuerades") before anywhere else.
        near = self._next_to(first, q2, own) if first.answered and q2.wants in ("number", "date") else None
        if near is None and first.answered and q2.wants in ("date", "person"):
            near = self._same_figure(first, q2)
        if not alone[1] and not first.answered and self._missing(questions[0]) is not None:
            # "How many byggsanktionsavgifter …, and for what amount?": the second part asks of a
            # subject the report does not mention, as the first part's answer says.
            return dataclasses.replace(first, question=q.text)
        answers = [first, near or (self.answer(q2) if alone[1] else self._of_first(questions[0], q2))]
        groups = [t for t in q2.content if t.found and t.stem in GROUP_STEMS]
        if not answers[1].answered and not alone[1] and groups and len(groups) == len(q2.content):
            # "…, and how many of them were men?": a group of the first part's subject ("män"), which
            # its table gives as a row of its own ("varav män"), though the first part's words are not there.
            answers[1] = self.answer(q2)
        if answers[0].answered and not answers[1].answered:
            answers[1] = self._next_to(answers[0], q2, own) or answers[1]
            if not answers[1].answered and asks_reason(q2) and not gives_reason(answers[0].answer):
                # "Vad landar X på, och varför är det lägre …?": the reason for the first part's figure.
                return dataclasses.replace(self._with_reason(q, answers[0]), question=q.text)
        found = [a for a in answers if a.answered]
        if not found:
            return whole if whole is not None else self.answer(q)
        if len(found) == 1:
            return dataclasses.replace(found[0], question=q.text)
        return _joined(q.text, found[0], found[1])

    def _of_first(self, q1: Question, q2: Question) -> Answer:
        """A second part with no subject of its own asked of the first part's ("När togs den nya
        magnetkameran i drift, och vad kostade den?": what the magnetkamera cost)."""
        from doksvar.answer.score import subject_weights

        held = {t.word for t in q2.terms}
        borrowed = tuple(t for t, _ in subject_weights(self, q1).values() if t.found and t.word not in held)
        if not borrowed:
            return self.decline(q2)
        extra = " ".join(t.word for t in borrowed)
        return self.answer(dataclasses.replace(q2, terms=(*q2.terms, *borrowed), swedish=f"{q2.swedish} {extra}"))

    def _both(self, q: Question, whole: Answer, parts: tuple[str, str]) -> Answer:
        """A question of two parts ("Hur stort …, och hur mycket av det …?") answered part by part
        when the whole question's answer leaves the second part's own words uncovered."""
        from doksvar.answer.score import subject_weights

        q1, q2 = (dataclasses.replace(read_question(p, self.store.vocab), docs=q.docs) for p in parts)
        first_words = {t.word for t in q1.content}
        own = [t for t in q2.content if t.found and t.word not in first_words]
        quoted = stem_set(" ".join(c.quote for c in whole.citations))
        # When the second part adds nothing the answer lacks, it is the first part that may be unanswered.
        covered = all(any(alt in quoted for alt in t.alternatives) for t in own)
        nearby = None if covered else self._next_to(whole, q2, _asked_of(q2, own))
        if nearby is None and q2.wants in ("number", "date") and not self._kind_quoted(whole, q2, own):
            # "…, och när var alla system i gång igen?": the date or figure of the second part is
            # told further on in the section, where its own words stand with a date or figure.
            nearby = self._kind_in_section(whole, q2, own)
        if (
            nearby is None
            and q2.years
            and not q1.years
            and _OWN_QUESTION.match(parts[1])
            and not subject_weights(self, q2)
        ):
            # "…, och hur många var det under samma månader 2025?": the first part's subject in that year.
            other = self.answer(dataclasses.replace(q1, years=q2.years))
            if other.answered and not _says_nothing_new(whole, other):
                return _joined(q.text, whole, other)
            return whole
        if nearby is None and not subject_weights(self, q2):
            # The second part has no subject of its own: alone it would ask about the whole report.
            # Asking a figure ("…, och hur många av dem har kommit hittills?"), it is the figure the
            # report gives next.
            if _its_figure(q1, q2, whole):
                return whole
            after = self._figure_after(whole, q2) if q2.wants == "number" and not (own and covered) else None
            if after is not None:
                return _joined(q.text, whole, after)
            if not covered:
                return whole
        other = nearby or self.answer(q1 if covered else q2)
        if not other.answered or {c.start for c in other.citations} & {c.start for c in whole.citations}:
            return whole
        if covered and len(whole.answer) + len(other.answer) > MAX_JOINED:
            return whole  # a long answer to the whole (a list with its figures) needs no second telling
        return _joined(q.text, whole, other)

    def _cited_prose(self, result: Answer):
        """(document id, citation, its stored passage) for each citation of prose: what the report
        says next to a quote is read from there (a table row's neighbours are other rows)."""
        docs = self.doc_ids()
        for c in result.citations:
            doc_id = docs.get(c.doc)
            # A quote from an item's sub-heading through its paragraph is of the paragraph.
            sp = (
                self.store.passage_at(doc_id, c.start) or self.store.passage_at(doc_id, c.end - 1)
                if doc_id is not None
                else None
            )
            if doc_id is not None and sp is not None and sp.passage.kind != "row":
                yield doc_id, c, sp

    def _next_to(self, whole: Answer, q: Question, own: list[Term]) -> Answer | None:
        """The sentence after the first part's answer, when it holds the second part's own words (half
        of them at least):
        "Vilket underskott prognostiserades …, och vilken åtgärd infördes under hösten?" is answered
        where the report goes on ("Under hösten infördes köpstopp …")."""
        if not own:
            return None
        for doc_id, c, sp in self._cited_prose(whole):
            p = sp.passage
            after = [(a, b) for a, b in p.sentences if a >= c.end][:2]
            texts = {(a, b): p.text[a - p.start : b - p.start] for a, b in after}
            n = self._next_prose(doc_id, sp) if not after else None
            if n is not None:
                # The paragraph ends with the quote: the report goes on in the next one of its section
                # ("… projektet startade den 1 mars 2026." – "Projektets totala budget är 38,4 mnkr.").
                after = list(n.sentences[:1])
                texts = {(a, b): n.text[a - n.start : b - n.start] for a, b in after}
            for i, (a, b) in enumerate(after):
                sentence = texts[(a, b)]
                if not _gives_kind(q, sentence):
                    continue  # "…, och hur många …?" is not answered by a sentence without a figure
                if _held(own, stem_set(sentence)) * 2 >= len(own):
                    # The sentence between goes with it: the report's telling is not cut short.
                    spans = after[: i + 1] if i and q.wants in ("number", "date") else [(a, b)]
                    text = " ".join(clip(texts[x], 0, 300) for x in spans)
                    return answer(q.text, "fact", text, [self.cite(doc_id, x, y) for x, y in spans])
        return None

    def _next_prose(self, doc_id: int, sp: StoredPassage) -> Passage | None:
        """The paragraph or list item right after a passage, in its section: where the report goes on."""
        nxt = self.store.passages([sp.id + 1]).get(sp.id + 1)
        if nxt is None or nxt.doc_id != doc_id or nxt.passage.section != sp.passage.section:
            return None
        return nxt.passage if nxt.passage.kind in ("para", "item") else None

    def _kind_quoted(self, whole: Answer, q: Question, own: list[Term]) -> bool:
        """Whether a quote of the answer gives the kind of answer a second part asks (a date, a
        figure) with half of that part's own words at least: the figure of the first part is not
        the second's ("84 tillsvidareanställda …" answers no "hur mycket är de sjuka?")."""
        return any(_gives_kind(q, c.quote) and _held(own, stem_set(c.quote)) * 2 >= len(own) for c in whole.citations)

    def _kind_in_section(self, whole: Answer, q: Question, own: list[Term]) -> Answer | None:
        """The sentence after the answer's first quote, in its section, that gives the kind of answer
        the second part asks (a date, a figure) and holds most of that part's own words (one at least);
        the nearest of equals."""
        if not own:
            return None
        first = next(self._cited_prose(whole), None)
        if first is None:
            return None
        doc_id, c, sp = first
        quoted = {(x.start, x.end) for x in whole.citations}
        following = self.store.passages(range(sp.id, sp.id + SECTION_REACH))
        best, most = None, 0
        for pid in range(sp.id, sp.id + SECTION_REACH):
            other = following.get(pid)
            if other is None or other.doc_id != doc_id or other.passage.section != sp.passage.section:
                break
            p = other.passage
            for a, b in p.sentences:
                if a < c.end or (a, b) in quoted:
                    continue
                sentence = p.text[a - p.start : b - p.start]
                n = _held(own, stem_set(sentence))
                if n > most and _gives_kind(q, sentence):
                    best, most = (other.doc_id, a, b, sentence), n
        if best is None:
            return None
        doc_id, a, b, sentence = best
        return answer(q.text, "fact", clip(sentence, 0, 300), [self.cite(doc_id, a, b)])

    def _same_figure(self, first: Answer, q: Question) -> Answer | None:
        """Where the report states the first part's figure again, the sentence that also gives what
        the second part asks (a date, a name): a summary's "en höjning med i genomsnitt 4,2 procent"
        is told in full further on ("… höjning av bostadshyrorna med 4,2 procent från den 1 april")."""
        from doksvar.answer.retrieve import has_date
        from doksvar.lang.words import PERSON_NAME

        figure = _FIGURE_WITH_UNIT.search(first.answer)
        if figure is None:
            return None
        said = figure.group()

        def gives(sentence: str) -> bool:
            return has_date(sentence) if q.wants == "date" else bool(PERSON_NAME.search(sentence[1:]))

        quoted = {(c.start, c.end) for c in first.citations}
        for doc_id in dict.fromkeys(d for d, _, _ in self._cited_prose(first)):
            text = self.ref(doc_id).text
            for m in re.finditer(re.escape(said), text):
                sp = self.store.passage_at(doc_id, m.start())
                if sp is None or sp.passage.kind == "row":
                    continue
                p = sp.passage
                for a, b in p.sentences:
                    if a <= m.start() < b and (a, b) not in quoted:
                        sentence = p.text[a - p.start : b - p.start]
                        if gives(sentence):
                            return answer(q.text, "fact", clip(sentence, 0, 300), [self.cite(doc_id, a, b)])
        return None

    def _figure_after(self, whole: Answer, q: Question) -> Answer | None:
        """The first sentence after the answer's first quote in its paragraph that the answer does
        not quote, when it states a figure (in digits or words): "Västbys kommuntal för 2026 är 12
        nyanlända." – "Fram till och med augusti har kommunen tagit emot sju personer …"."""
        from doksvar.answer.retrieve import has_number

        first = next(self._cited_prose(whole), None)
        if first is None:
            return None
        doc_id, c, sp = first
        p = sp.passage
        quoted = {(x.start, x.end) for x in whole.citations}
        for a, b in [(a, b) for a, b in p.sentences if a >= c.end and (a, b) not in quoted][:1]:
            sentence = p.text[a - p.start : b - p.start]
            if has_number(sentence, words=True) and sentence not in whole.answer:
                return answer(q.text, "fact", clip(sentence, 0, 300), [self.cite(doc_id, a, b)])
        return None

    def answer(self, q: Question) -> Answer:
        from doksvar.answer import deviations, facts, goals, rankings, tables

        if self.store.vocab.passage_count <= 1 and not self.store.documents():
            return answer(q.text, "none", frame("no_index", q.english), [], answered=False)
        declined = self._missing(q)
        if declined is not None:
            return declined
        q, unknown = self.scope(q)
        if unknown:
            return self.decline(q, frame("not_found", q.english, what=unknown))
        q = self._year_before(q)
        absent = [str(y) for y in q.years if not self.store.vocab.doc_freq.get(str(y))]
        if absent:
            return self.decline(q, frame("no_year", q.english, what=", ".join(absent)))
        intent = intent_of(q)
        from doksvar.answer.score import acceptable, asks_reason, certain, gives_reason, weigh

        handlers = {
            "deviation": (deviations.answer_deviation, tables.answer_table, facts.answer_fact),
            "ranking": (rankings.answer_ranking, tables.answer_table, facts.answer_fact),
            "fact": (goals.answer_goals, tables.answer_table, facts.answer_fact),
        }[intent]
        proposed = []
        for handler in handlers:
            results = handler(self, q)
            for result in [results] if isinstance(results, Answer) else results or []:
                proposed.append(weigh(self, q, self.ground(result), result.intent, intent))
            if any(certain(c) for c in proposed):
                break  # no later handler can beat evidence that covers everything asked
        proposed.sort(key=lambda c: -c.score)
        if proposed and acceptable(proposed[0]):
            best = self._with_figure(q, proposed[0].answer, proposed[1:])
            if intent == "deviation" and asks_reason(q):
                best = self._with_item_deviation(q, best)
            if asks_reason(q) and (not gives_reason(best.answer) or _names_only_subject(q, best.answer)):
                best = self._with_reason(q, best)
            if _ASKS_GOAL.search(f"{q.swedish} {q.text.lower()}") and not _GIVES_GOAL.search(best.answer):
                best = self._with_goal(best)
            if (
                _asks_forecast_and_outcome(q)
                and not asks_reason(q)
                and not any(map(_states_outcome, _SENTENCE_END.split(best.answer)))
            ):
                best = self._with_outcome(best)
            if best.answer.rstrip().endswith(":"):
                best = self._with_list(best)
            return self.label(_named_by_heading(best, q), q)
        return self.decline(q)

    def _with_figure(self, q: Question, best: Answer, others: list) -> Answer:
        """A reason asked with its amount ("…, and by how much?") and given without it ("Även
        idrottsanläggningarna ligger över budget, främst på grund av dyrare el"): the figure of the
        runner-up that states one (the table's row) goes first."""
        from doksvar.answer.retrieve import has_number
        from doksvar.answer.score import acceptable, asks_reason, gives_reason

        if not (asks_reason(q) and _ASKS_AMOUNT.search(f"{q.swedish} {q.text.lower()}")):
            return best
        if has_number(best.answer) or not gives_reason(best.answer):
            return best
        quoted = {(c.start, c.end) for c in best.citations}
        for c in others:
            figure = c.answer
            if (
                acceptable(c)
                and figure.intent in ("table", "deviation")
                and has_number(figure.answer)
                and not quoted & {(x.start, x.end) for x in figure.citations}
            ):
                return _joined(q.text, figure, best)
        return best

    def _with_item_deviation(self, q: Question, best: Answer) -> Answer:
        """A reason for a deviation found in an item's paragraph, headed by the item's deviation
        ("Komvux grundläggande och gymnasial nivå (-747 tkr)"): the deviation goes first, as the
        deviation answers give it, when the question named the item in other words than the report
        ("Varför kostade vuxenutbildningen … mer än planerat?")."""
        from doksvar.answer.deviations import lead_of
        from doksvar.answer.score import states_money

        if best.intent == "deviation" or states_money(best.answer):
            return best
        first = next(self._cited_prose(best), None)
        if first is None:
            return best
        doc_id, c, sp = first
        found = lead_of(self, q, doc_id, sp)
        if found is None:
            return best
        return _joined(q.text, found, best)

    def _with_reason(self, q: Question, result: Answer) -> Answer:
        """A figure's answer completed with the sentence that explains it, from the same section."""
        from doksvar.answer.compose import clip
        from doksvar.answer.retrieve import has_number, score_sentences
        from doksvar.answer.score import gives_reason

        analysed = self._row_analysis(result)
        if analysed is not None:
            # A table row's item analysed in words under its own lead-in ("Särskild kollektivtrafik.
            # Verksamheten redovisar … Antalet färdtjänstresor …" of the row "Särskild kollektivtrafik
            # (färdtjänst, …)"): what the paragraph goes on to say after its deviation explains it.
            sentence, cites = analysed
            text = f"{result.answer} {clip(sentence, 0, 300)}"
            return dataclasses.replace(result, answer=text, citations=renumber([*result.citations, *cites]))
        sections = {c.section for c in result.citations}
        quoted = {(c.start, c.end) for c in result.citations}
        found = self._reasons_before(result) or [r for r in [self._reason_after(q, result)] if r is not None]
        found = [(sentence, cs) for sentence, cs in found if sentence not in result.answer]
        if not found and result.intent == "deviation":
            found = [r for r in [self._paragraph_goes_on(result)] if r is not None]
        restated = [] if found else self._restated(result)
        if restated:
            # The figure restated in words ("Projektet beräknas förbruka 10 500 tkr mindre …"): its
            # reason follows it there ("Tilldelningsbeslutet har överprövats …").
            told = dataclasses.replace(result, citations=(*result.citations, *(c for _, cs in restated for c in cs)))
            found = restated + [r for r in [self._reason_after(q, told)] if r is not None]
        if found:
            text = " ".join([result.answer] + [clip(sentence, 0, 300) for sentence, _ in found])
            return dataclasses.replace(
                result, answer=text, citations=renumber([*result.citations, *(c for _, cs in found for c in cs)])
            )
        subject = [t for t in q.content if t.found and not t.word.isdigit()]
        asked = {a for t in q.content for a in t.alternatives} | {t.stem for t in q.content}
        titles = {w for c in result.citations for w in stems(c.title)}
        item = {w for w in stems(result.answer) if len(w) >= 4 and not w.isdigit() and not is_period(w)}
        item = {w for w in item - asked - titles if not is_cue_word(w) and not _FRAME.search(w)}
        forecast = bool(_FORECAST.search(q.swedish))
        deviation = result.intent == "deviation" or q.positive or q.negative
        # A deviation is explained in the chapter that states it, often under a heading of its own
        # ("7.2 Förklaringar till avvikelser"); a summary's ("i korthet") where the body states its figure.
        stated: set[str] = set()
        if deviation:
            summary = all(_SUMMARY.search(c.title) for c in result.citations if c.title)
            stated = self._sections_stating(result) if summary else sections
        best, best_score = None, float("-inf")
        asked_reason = dataclasses.replace(q, wants="reason")
        candidates = score_sentences(self.store, asked_reason)[:40]
        if stated:
            # The chapter's own sentences, though they use none of the question's words.
            seen = {(s.stored.id, s.span) for s in candidates}
            chapter = self._chapter_passages(result, stated)
            candidates += [
                s for s in score_sentences(self.store, asked_reason, chapter) if (s.stored.id, s.span) not in seen
            ]
        # An item's paragraph under its own sub-heading ("Kollektivtrafik") is explained under it, not
        # by the next item's ("Kommunledning och kansli") nor another chapter's.
        items = {
            (sp.passage.section, sp.passage.label)
            for doc_id, c, sp in self._cited_prose(result)
            if sp.passage.label
            and sp.passage.kind in ("para", "item")
            and (has_number(c.quote) or has_number(sp.passage.label))  # the figure, quoted or heading its paragraph
            and self._items_in(doc_id, sp.passage.section) >= ITEM_HEADINGS
        }
        for s in candidates:
            p = s.stored.passage
            sentence = p.text[s.span[0] - p.start : s.span[1] - p.start]
            if s.span in quoted or sentence in result.answer or not gives_reason(sentence):
                continue  # a sentence the answer already gives is no further reason
            if items and (p.section, p.label) not in items:
                continue
            # A reason stated under a sub-heading that names the subject ("Digital infrastruktur")
            # speaks of it even when the sentence itself says "Området".
            heading = set(stems(f"{p.label} {p.group}"))
            named = sum(1 for t in subject if any(a in heading for a in t.alternatives))
            in_stated = any(_same_chapter(p.section, x) for x in stated)
            if s.own == 0 and not named and not in_stated:
                continue
            # The item the answer found ("Ekonomi" of a table row) named where the reason is given.
            about = len(item & (heading | set(stems(sentence))))
            score = s.score + 0.3 * named + 0.3 * min(about, 2)
            if deviation and _after_deviation(p, s.span):
                score += 0.3  # the reason for a deviation stands where the deviation is stated
            if p.sentences and s.span == p.sentences[0]:
                score += 0.15  # a paragraph's first sentence states its point
            if forecast and _FORECAST.search(sentence):
                score += 0.3  # "väntas … för helåret": the reason for a forecast is given with the forecast
            if in_stated:
                score += 0.4
            if deviation and _opposite(q, result, sentence):
                score -= 0.4  # a surplus's reason explains no deficit, nor the other way round
            if score > best_score:
                cites = self.cite_whole(s.stored.doc_id, *s.span)
                if in_stated or any(_related(cites[0].section, x) for x in sections):
                    best, best_score = (sentence, cites), score
        if best is None:
            return result
        sentence, cites = best
        text = f"{result.answer} {clip(sentence, 0, 300)}"
        return dataclasses.replace(result, answer=text, citations=renumber([*result.citations, *cites]))

    def _row_analysis(self, result: Answer) -> tuple[str, list[Citation]] | None:
        """What the report says after the deviation of a cited table row's item, in the paragraph
        whose lead-in names the item and states its deviation: the two sentences that follow it."""
        docs = self.doc_ids()
        leads_of: dict[int, list] = {}  # each document's lead-ins stating a deviation, read once
        for c in result.citations:
            doc_id = docs.get(c.doc)
            if doc_id is None:
                continue
            sp = self.store.passage_at(doc_id, c.start)
            if sp is None or sp.passage.kind != "row" or "\t" not in sp.passage.text:
                continue
            if doc_id not in leads_of:
                leads_of[doc_id] = sorted(
                    (f for f in self.store.deviations([doc_id]) if f.data.lead and f.data.source == "text"),
                    key=lambda f: f.start,
                )
            row = set(stems(sp.passage.text.split("\t", 1)[0]))
            leads = [f for f in leads_of[doc_id] if (lead := set(stems(f.data.row_label))) and lead <= row]
            for f in leads:
                paragraph = self.store.passages({f.passage_id}).get(f.passage_id)
                after = [span for span in paragraph.passage.sentences if span[0] >= f.end][:2] if paragraph else []
                if after:
                    text = self.ref(doc_id).text[after[0][0] : after[-1][1]]
                    return text, self.cite_whole(doc_id, after[0][0], after[-1][1])
        return None

    def _chapter_passages(self, result: Answer, sections: set[str]) -> list:
        """The prose passages of the chapters that hold `sections`, in the answer's documents."""
        docs = self.doc_ids()
        out = []
        for doc_id in {docs[c.doc] for c in result.citations if c.doc in docs}:
            for sp in self.store.document_passages(doc_id):
                if sp.passage.kind != "row" and any(_same_chapter(sp.passage.section, x) for x in sections):
                    out.append(sp)
        return out

    def _sections_stating(self, result: Answer) -> set[str]:
        """The sections outside the summary whose prose states the answer's figure ("-186 tkr" in
        "7.1 Driftredovisning" of the summary's "underskott på 186 tkr")."""
        docs = self.doc_ids()
        figures = {m.group("amount").lstrip("-−–+ ") for m in re.finditer(AMOUNT, result.answer)}
        out: set[str] = set()
        for doc_id in {docs[c.doc] for c in result.citations if c.doc in docs}:
            text = self.ref(doc_id).text
            for figure in figures:
                for at in re.finditer(rf"(?<![\d,]){re.escape(figure)}(?![\d]|,\d)", text):
                    sp = self.store.passage_at(doc_id, at.start())
                    if sp is not None and sp.passage.kind != "row" and not _SUMMARY.search(sp.section_title):
                        out.add(sp.passage.section)
        return out

    def _with_goal(self, result: Answer) -> Answer:
        """An outcome's answer completed with the target the report states beside it ("… ökade till 86
        procent. Målet på 90 procent nåddes därmed inte."): the sentence after the quoted one, or
        the one before, when it gives a target with its figure."""
        for doc_id, c, sp in self._cited_prose(result):
            p = sp.passage
            at = next((i for i, (a, b) in enumerate(p.sentences) if a < c.end <= b), None)
            if at is None:
                continue
            for k in (at + 1, at - 1):
                if not 0 <= k < len(p.sentences) or p.sentences[k] in {(x.start, x.end) for x in result.citations}:
                    continue
                a, b = p.sentences[k]
                sentence = p.text[a - p.start : b - p.start]
                if _GIVES_GOAL.search(sentence):
                    text = f"{result.answer} {clip(sentence, 0, 300)}"
                    cites = renumber([*result.citations, *self.cite_whole(doc_id, a, b)])
                    return dataclasses.replace(result, answer=text, citations=cites)
        return result

    def _with_outcome(self, result: Answer) -> Answer:
        """A forecast's answer completed with what the year came to, asked for beside it ("… i
        augusti, och hur slutade året till sist?"): the nearest sentence of the quoted paragraph,
        before or after, that states an outcome with its figure ("Årets resultat blev därmed ett
        underskott på 125 tkr.")."""
        quoted = {(x.start, x.end) for x in result.citations}
        for doc_id, c, sp in self._cited_prose(result):
            p = sp.passage
            at = next((i for i, (a, b) in enumerate(p.sentences) if a < c.end <= b), None)
            if at is None:
                continue
            near = [(p, p.sentences[k]) for k in (at + 1, at - 1, at + 2, at - 2) if 0 <= k < len(p.sentences)]
            n = self._next_prose(doc_id, sp)
            if n is not None:
                # "… prognostiserades ett underskott på 9,2 mnkr." – (new paragraph) "Det slutliga
                # underskottet blev 7,6 mnkr …"
                near += [(n, span) for span in n.sentences[:1]]
            for holder, (a, b) in near:
                sentence = holder.text[a - holder.start : b - holder.start]
                if (a, b) not in quoted and _states_outcome(sentence):
                    text = f"{result.answer} {clip(sentence, 0, 300)}"
                    cites = renumber([*result.citations, *self.cite_whole(doc_id, a, b)])
                    return dataclasses.replace(result, answer=text, citations=cites)
        return result

    def _with_list(self, result: Answer) -> Answer:
        """An answer that ends leading into a list ("Förklaringarna är:") completed with the list's
        first items, each cited, as far as an answer's length allows."""
        for doc_id, c, sp in self._cited_prose(result):
            p = sp.passage
            if not c.quote.rstrip().endswith(":") or p.text[c.end - p.start :].strip():
                continue  # the list follows the paragraph that leads into it
            items: list[str] = []
            cites = list(result.citations)
            for item, its in self._listed_after(doc_id, p):
                item = item.rstrip(" .;,")
                if len(result.answer) + sum(len(i) + 2 for i in [*items, item]) > MAX_LISTED_ANSWER:
                    break
                items, cites = [*items, item], [*cites, *its]
            if not items:
                return result
            text = f"{result.answer.rstrip()} {'; '.join(items)}."
            return dataclasses.replace(result, answer=text, citations=renumber(cites))
        return result

    def _restated(self, result: Answer) -> list[tuple[str, list[Citation]]]:
        """Where the prose restates a table's figure ("Skolskjutsen förväntas gå med minus 2,7 mnkr."),
        the sentence and the one that explains it: the one before when it gives a reason ("… minskas
        därför med realisationsvinsten …"), else the one after. Reports comment a table's figures so."""
        from doksvar.answer.score import gives_reason

        m = (_TABLE_ANSWER if result.intent == "table" else _FIRST_DEVIATION).search(result.answer)
        docs = self.doc_ids()
        doc_id = docs.get(result.citations[0].doc) if result.citations else None
        if result.intent not in ("table", "deviation") or m is None or doc_id is None:
            return []
        label = m.group("label") or m.groupdict().get("label2") or ""
        figure = (m.group("figure") or m.groupdict().get("figure2") or "").lstrip("-−–+ ")
        item = {w for w in stems(label) if len(w) >= 4 and not is_period(w)}
        if not figure:
            return []
        text = self.ref(doc_id).text
        for at in re.finditer(rf"(?<![\d,]){re.escape(figure)}(?![\d]|,\d)", text):
            sp = self.store.passage_at(doc_id, at.start())
            if sp is None or sp.passage.kind in ("row", "title"):
                continue
            p = sp.passage
            spans = p.sentences
            k = next((i for i, (a, b) in enumerate(spans) if a <= at.start() < b), None)
            if k is None:
                continue
            a, b = spans[k]
            held = set(stems(p.text[a - p.start : b - p.start])) | set(stems(f"{sp.section_title} {p.label}"))
            if not item or not any(any(h.startswith(w) or w.startswith(h) for h in held if len(h) >= 4) for w in item):
                continue
            chosen = [(a, b)]
            before = spans[k - 1] if k > 0 else None
            after = spans[k + 1] if k + 1 < len(spans) else None
            if before and _EXPLAINS.search(p.text[before[0] - p.start : before[1] - p.start]):
                chosen.insert(0, before)
            elif after and not gives_reason(p.text[a - p.start : b - p.start]):
                chosen.append(after)
            found = [
                (clip(p.text[x - p.start : y - p.start], 0, 300), self.cite_whole(doc_id, x, y)) for x, y in chosen
            ]
            if not after and p.text[a - p.start : b - p.start].rstrip().endswith(":"):
                # "… redovisar ett underskott på 1 310 tkr:" and the list that says what made it up.
                found += self._listed_after(doc_id, p)
            return found
        return []

    def _listed_after(self, doc_id: int, p) -> list[tuple[str, list[Citation]]]:
        """The list items right after a paragraph that leads into them with a colon, the first few."""
        from doksvar.answer.compose import clip

        out: list[tuple[str, list[Citation]]] = []
        at = p.end
        text = self.ref(doc_id).text
        while len(out) < LISTED_REASONS:
            at = len(text) - len(text[at:].lstrip())
            nxt = self.store.passage_at(doc_id, at)
            if nxt is None or nxt.passage.kind != "item" or nxt.passage.section != p.section:
                break
            q = nxt.passage
            out.append((clip(q.text, 0, 200), self.cite_whole(doc_id, q.start, q.end)))
            at = q.end
        return out

    def _items_in(self, doc_id: int, section: str) -> int:
        """How many items' sub-headings or lead-ins, each over its paragraph of its deviation, divide a
        section ("Kollektivtrafik", "HR-avdelningen", … of "Analys av budgetavvikelser")."""
        return len(
            {f.data.row_label for f in self.store.deviations([doc_id]) if f.data.lead and f.data.section == section}
        )

    def _reasons_before(self, result: Answer) -> list[tuple[str, list[Citation]]]:
        """The reasons a summing-up sentence ("Sammantaget redovisar verksamheten ett underskott …")
        sums up: the sentences giving reasons before it under the same heading, the nearest two."""
        from doksvar.answer.score import gives_reason
        from doksvar.facts.deviations import sentence_deviations

        docs = self.doc_ids()
        for c in result.citations:
            doc_id = docs.get(c.doc)
            if doc_id is None or not _SUMMING_UP.match(c.quote):
                continue
            sp = self.store.passage_at(doc_id, c.start)
            if sp is None or sp.passage.kind == "row":
                continue
            block = [
                other
                for other in self.store.document_passages(doc_id)
                if other.passage.section == sp.passage.section
                and other.passage.label == sp.passage.label
                and other.passage.start <= sp.passage.start
            ]
            found = []
            for other in block:
                p = other.passage
                for a, b in p.sentences:
                    sentence = p.text[a - p.start : b - p.start]
                    # A reason, or a part of the sum stated against the budget ("Avgiftsintäkterna blev
                    # 540 tkr lägre än beräknat").
                    if b <= c.start and (gives_reason(sentence) or sentence_deviations(sentence)):
                        found.append((sentence, self.cite_whole(doc_id, a, b)))
            if found:
                return found[-2:]
        return []

    def _paragraph_goes_on(self, result: Answer) -> tuple[str, list[Citation]] | None:
        """The rest of the paragraph that states the answer's deviation, up to two sentences and
        short of one stating a deviation of its own: where a report explains an item's figure though
        no sentence says "beror på" ("Budgeten byggde på 42 elever … Två av de nya eleverna har …")."""
        from doksvar.facts.deviations import sentence_deviations

        quoted = {(c.start, c.end) for c in result.citations}
        for doc_id, c, sp in self._cited_prose(result):
            spans = sp.passage.sentences
            last = max((i for i, (a, b) in enumerate(spans) if a < c.end <= b), default=None)
            if last is None:
                continue
            text = self.ref(doc_id).text
            rest = []
            for a, b in spans[last + 1 : last + 1 + PARAGRAPH_REASONS]:
                if (a, b) in quoted or sentence_deviations(text[a:b]):
                    break
                rest.append((a, b))
            if rest and text[rest[0][0] : rest[-1][1]] not in result.answer:
                return text[rest[0][0] : rest[-1][1]], self.cite_whole(doc_id, rest[0][0], rest[-1][1])
            return None
        return None

    def _reason_after(self, q: Question, result: Answer) -> tuple[str, list[Citation]] | None:
        """The sentence right after a quoted one, when it gives the reason ("… en positiv avvikelse
        med 1 490 tkr. Den positiva avvikelsen beror på …"): reports explain a figure where they state it."""
        from doksvar.answer.question import directions
        from doksvar.answer.score import gives_reason
        from doksvar.facts.deviations import sentence_deviations

        other = {"positive": "negative", "negative": "positive"}
        asked = {d for d, on in (("positive", q.positive), ("negative", q.negative)) if on}
        quoted = {(c.start, c.end) for c in result.citations}
        for doc_id, c, sp in self._cited_prose(result):  # what follows a table speaks of the whole table
            spans = sp.passage.sentences
            # The sentence the quote ends in: a quote may begin a sentence earlier, where its item is named.
            at = next((i for i, (a, b) in enumerate(spans) if a < c.end <= b), None)
            if at is None:
                continue
            if at + 1 >= len(spans):
                # The last sentence of its paragraph: the next paragraph of the section goes on.
                text = self.ref(doc_id).text
                after = len(text) - len(text[sp.passage.end :].lstrip())
                nxt = self.store.passage_at(doc_id, after)
                if nxt is None or nxt.passage.section != sp.passage.section or not nxt.passage.sentences:
                    continue
                sp, at, spans = nxt, -1, nxt.passage.sentences
            if spans[at + 1] in quoted:
                continue
            a, b = spans[at + 1]
            sentence = sp.passage.text[a - sp.passage.start : b - sp.passage.start]
            stated = directions(sentence)
            if any(d["amount_text"] not in result.answer for d in sentence_deviations(sentence)):
                continue  # the next item's deviation and its reason ("Valnämnden prognostiserar …")
            if gives_reason(sentence) and not (stated and asked and stated <= {other[d] for d in asked}):
                return sentence, self.cite_whole(doc_id, a, b)
        return None

    def scope(self, q: Question) -> tuple[Question, str]:
        """The question narrowed to the documents it names (an organisation, a year), and a name
        that no document holds, if any."""
        docs = self.store.documents()
        scope = set(self.docs) if self.docs is not None else None
        if len(docs) <= 1:
            return (dataclasses.replace(q, docs=tuple(scope)) if scope is not None else q), ""
        everything = {d.id for d in docs}
        narrowed = set(everything if scope is None else scope)
        for name in _names(q.text):
            low = name.lower()
            titled = {d.id for d in docs if low in d.title.lower() or low in d.name.lower()}
            if titled and titled != everything:
                narrowed &= titled
                continue
            term = next((t for t in q.terms if t.word == low and t.found), None)
            if term is None:
                continue
            holding = self.store.documents_holding(term, limit=len(everything) // 2 + 1)
            if holding and len(holding) <= len(everything) // 2:
                narrowed &= holding
        for year in q.years:
            titled = {d.id for d in docs if str(year) in d.title or str(year) in d.name}
            if titled and titled != everything and titled & narrowed:
                narrowed &= titled
        if not narrowed:
            return q, ", ".join(_names(q.text)) or " ".join(str(y) for y in q.years)
        if narrowed == everything and scope is None:
            return q, ""
        return dataclasses.replace(q, docs=tuple(sorted(narrowed))), ""

    def _year_before(self, q: Question) -> Question:
        """ "förra året", "i fjol" of an interim report ("Delårsrapport januari–augusti 2026") as the year
        before the one it reports on (2025), where the report names that year; of an annual report the
        year past is the one it reports on, and the question is left as asked."""
        if q.years or not (LAST_YEAR.search(q.swedish) or (q.english and LAST_YEAR.search(q.text))):
            return q
        if _THIS_YEAR.search(q.swedish) or _THIS_YEAR.search(q.text):
            return q  # "… i år än förra året": this year's figure, compared with the year before
        docs = q.docs if q.docs is not None else [d.id for d in self.store.documents()]
        if len(docs) != 1:
            return q
        cover = " ".join(sorted(self.store.title_words(docs)))  # the title, cover lines and front matter
        years = years_in(cover)
        if not years or not _INTERIM.search(cover):
            return q
        before = max(years) - 1
        return dataclasses.replace(q, years=(before,)) if self.store.vocab.doc_freq.get(str(before)) else q

    def label(self, result: Answer, q: Question) -> Answer:
        """With several documents indexed, the answer says which document its figures come from."""
        if len(self.store.documents()) <= 1 or not result.citations:
            return result
        titles = {d.name: d.title for d in self.store.documents()}
        cited = list(dict.fromkeys(titles.get(c.doc, c.doc) for c in result.citations))
        word = ("Källa", "Källor", "Source", "Sources")[(2 if q.english else 0) + (len(cited) > 1)]
        shown = "; ".join(cited[:4]) + ("; …" if len(cited) > 4 else "")
        return dataclasses.replace(result, answer=f"{result.answer} ({word}: {shown})")

    def ground(self, result: Answer) -> Answer:
        """Cite, from near the answer's quotes, each figure of the answer that no quote holds yet.

        A quote is kept from crossing places where the display text joins what the source keeps
        apart (a wrapped table label, a page break); a figure beyond such a place gets a quote of
        its own."""
        if not result.citations:
            return result
        quotes = " ".join(c.quote for c in result.citations)
        extra: list[Citation] = []
        for number in re.findall(r"(?<![\w,])\d+(?:,\d+)?", result.answer):
            if len(re.sub(r"\D", "", number)) < 2 or re.search(rf"(?<![\d,]){re.escape(number)}(?![\d,]|,\d)", quotes):
                continue
            for c in result.citations:
                doc = next((d for d in self.store.documents() if d.name == c.doc), None)
                if doc is None:
                    continue
                ref = self.ref(doc.id)
                lo, hi = ref.text.rfind("\n", 0, c.start) + 1, ref.text.find("\n", c.end)
                hi = len(ref.text) if hi < 0 else hi
                m = re.search(rf"(?<![\d,]){re.escape(number)}(?![\d,]|,\d)", ref.text[lo:hi])
                if m:
                    line_end = ref.text.find("\t", lo + m.end())
                    line_end = hi if line_end < 0 or line_end > hi else line_end
                    line_start = ref.text.rfind("\t", lo, lo + m.start()) + 1 or lo
                    extra.append(self.cite(doc.id, max(lo, line_start), line_end, (lo + m.start(), lo + m.end())))
                    quotes += " " + extra[-1].quote
                    break
        if not extra:
            return result
        return dataclasses.replace(result, citations=renumber(list(result.citations) + extra))

    def _missing(self, q: Question) -> Answer | None:
        """Decline when a word that names the question's subject is nowhere in the index.

        Only subject words decide: a word of everyday language ("hamnade", "kallade") or a word
        that says what kind of question it is ("avvikelse") never does; a compound the index
        lacks was already looked for by its parts."""
        from doksvar.answer.intent import is_cue_word
        from doksvar.answer.score import domains, in_field
        from doksvar.lang.frequency import GENERAL_ZIPF, SPECIFIC_ZIPF, form_zipf, is_past_verb, zipf

        content = q.content
        if not content:
            # A question of no words the report could hold is declined, unless it asks which way
            # the budget went ("Where will there be money left over this year?").
            return None if q.terms or q.positive or q.negative else self.decline(q)
        deciding = []
        names = {n.lower() for n in _names(q.text)}
        original = set(words(q.text.lower()))
        counted_en = {w for m in COUNTED_EN.finditer(q.swedish) for w in words(m.group(1))} if q.english else set()
        # "Hur mycket betalade nämnden i hyra …": what is measured decides, however everyday the word.
        measured = {m.group(1) or m.group(2) for m in _MEASURED.finditer(q.swedish)} - GENERIC
        fields = domains(self.store.title_words(q.docs))
        ordinals = {m.group(1) for m in ORDINAL_PERIOD.finditer(q.swedish)}
        for t in q.missing():
            if is_cue_word(t.word) or len(t.word) < 4 or t.word in q.direction or is_organisation(t.word):
                continue  # what kind of question, or the report's own organisation ("nämnden")
            if is_period(t.word) or t.word in ordinals:
                continue  # "vid utgången av", "helåret", "tredje kvartalet": when, not what
            if COST_STEM.match(t.stem):
                continue  # "kostnad" ("cost"): what kind of figure, not what it is of
            if t.how == "part":
                # A part of a compound the report lacks ("kultur" of "kulturskolan"): the compound
                # is a subject, however everyday its part.
                deciding.append(t)
                continue
            if in_field(t.stem, fields):
                continue  # "äldreomsorg" of Äldrenämnden's report: the organisation's own field
            if t.word in names or (q.english and t.word not in original and len(t.word) >= 4):
                # A name ("Stockholm") is a subject however common it is; so is a report term an
                # English question was translated into ("University" -> "universitet"), but not an
                # everyday verb it was put into ("moved" -> "flyttade").
                if t.word in names or not (_VERB_FORM.search(t.word) and form_zipf(t.word) >= GENERAL_ZIPF):
                    deciding.append(t)
                continue
            if t.stem == q.focus and _NAMES_KIND.search(q.swedish):
                continue  # "Vilken kostnadspost …", "från vilket datum": the kind of answer, not its subject
            counted = (
                (t.stem == q.focus or t.word in counted_en) and COUNTS.search(q.swedish) and not is_past_verb(t.word)
            ) or t.word in measured
            if not counted and (len(t.word) < 5 or form_zipf(t.word) >= GENERAL_ZIPF):
                # Everyday language in any form ("dämpade" as "dämpa") is no subject; the noun asked
                # for ("Hur många bussar") decides however common it is.
                continue
            if q.english and t.word.isascii() and zipf(t.word, "en") >= SPECIFIC_ZIPF and not counted:
                continue  # an English word with no Swedish term: it cannot be looked for
            deciding.append(t)
        if deciding:
            # A part is named by the question's compound that holds it ("kulturskola", not "kultur").
            asked = words(q.swedish)
            what = ", ".join(
                dict.fromkeys(
                    next((w for w in asked if t.word in w and w != t.word), t.word) if t.how == "part" else t.word
                    for t in deciding
                )
            )
            return self.decline(q, frame("not_found", q.english, what=what))
        return None

    def decline(self, q: Question, text: str | None = None) -> Answer:
        """answered: false, with the nearest passages when there are any."""
        found = [t for t in q.terms if t.found]
        cites: list[Citation] = []
        if found:
            for pid, _ in self.store.match(found, limit=3, doc_ids=q.docs):
                sp = self.store.passages([pid]).get(pid)
                if sp:
                    a, b = sp.passage.sentences[0] if sp.passage.sentences else (sp.passage.start, sp.passage.end)
                    cites.append(self.cite(sp.doc_id, a, b))
        body = text or frame("no_answer", q.english)
        if text is None and not cites:
            body = body.split(".")[0] + "."
        return answer(q.text, "none", body, cites, answered=False)


_VERB_FORM = lazy(r"(?:ade|ades|de|te|at|ats|it|ar|er|as)$")
"""Endings of Swedish verb forms ("flyttade", "minskat", "ökar")."""

_NAMES_KIND = lazy(r"\b(?:vilken|vilket|vilka|which)\b|hur mycket \w+ (?:var|blev)")

_SECOND_PART = lazy(
    r"^(?P<first>.{12,}?),?\s+(?:och|and)\s+(?P<second>(?:\w+\s+){0,2}?(?:vad|hur|varför|vilk\w+|när|vart|what|how|why|which|when)\b.{6,}"
    # "…, och klarar man målet?", "…, and did they reach it?": a question of yes or no, its verb first.
    r"|\w+\s+(?:man|det|den|de|vi|they|it|we|\w+(?:en|et|na))\s+\w.{2,}\?)$",
    re.I,
)


_ASKS_AMOUNT = lazy(
    r"\b(?:hur mycket|hur stor\w*|med hur mycket|hur långt|how much|by how much|how big|how far|how large)\b"
)
"""A question after an amount ("…, och hur stort är minuset?")."""


def _asks_forecast_and_outcome(q: Question) -> bool:
    """Whether a question asks for a forecast and for what the year came to ("Vilket underskott
    räknade nämnden med i augusti, och hur blev det till slut?", "… forecast in August, and what did
    it actually end up at?")."""
    text = f"{q.swedish} {q.text.lower()}"
    return bool(_ASKS_FORECAST.search(text) and _ASKS_OUTCOME.search(text))


_ASKS_FORECAST = lazy(
    r"\b(?:prognos\w*|räknade\s+(?:\w+\s+)?med|trodde|bedömde|befarade|forecast\w*|predicted|expected)\b"
)
_ASKS_OUTCOME = lazy(
    r"\b(?:till slut|till sist|slutade|slutliga|slutresultatet|bokslutet|blev det|final|actual\w*|end(?:ed)? up"
    r"|turned out|outcome)\b"
)
_GIVES_OUTCOME = lazy(
    r"\b(?:blev|uppgick|slutade|landade|slutliga|utfallet|årets resultat|redovisar|redovisade)\b", re.I
)
"""A sentence telling what the year came to ("Årets resultat blev …", "Det slutliga underskottet …")."""


def _states_outcome(sentence: str) -> bool:
    """Whether a sentence tells what this year came to, with its figure (not "Under 2024 redovisade
    nämnden …", the year before's)."""
    from doksvar.answer.facts import EARLIER
    from doksvar.answer.retrieve import has_number

    return bool(
        _GIVES_OUTCOME.search(sentence)
        and has_number(sentence)
        and not FORECAST_SAID.search(sentence)
        and not EARLIER.match(sentence)
    )


_SENTENCE_END = lazy(r"(?<=[.!?])\s+")
FORECAST_SAID = lazy(r"\b(?:prognos\w*|bedöm\w*|beräknades|räknade\w* med|väntas|förväntas|befara\w*)", re.I)
"""A sentence telling what was expected, not what happened."""
_ASKS_GOAL = lazy(r"\b(?:målet|målvärdet|målnivån|target|goal)\b")
"""A question that asks for a target beside the outcome ("…, och vilket var målet?", "Klarade man målet?")."""
_GIVES_GOAL = lazy(
    r"\b(?:mål(?:et|värdet?|nivån)?|target)\b[^.]{0,40}?\d|\d[^.]{0,40}?\b(?:målet|målvärdet|målnivån|target)\b", re.I
)
"""A text that states a target with its figure ("Målet på 90 procent", "Målvärde 2026: 230")."""

_SUMMARY = lazy(
    r"i korthet|sammanfattning|i sammandrag|översikt|viktiga händelser|har ordet|inledning|summary|overview", re.I
)
"""Titles of a report's summary sections, which restate what its body explains."""
_FRAME = lazy(r"avvik|^prognos|^utfall|^budget")
"""Stems of an answer's frame ("Största positiva avvikelsen", "Prognosavvikelse"), not of the item it names."""
_FORECAST = lazy(r"\b(?:prognos\w*|väntas|förväntas|beräknas|helåret|helår)\b")
_TABLE_ANSWER = lazy(r"(?P<label>[^,:]+),[^:]*:\s*(?P<figure>[-−–+]?\s?\d[\d \u00a0]*(?:,\d+)?)")
"""A table cell's answer: "Skolskjuts, Prognosavvikelse: −2,7; …", its row label and figure."""
_FIRST_DEVIATION = lazy(
    r"^(?:[^:]*: 1\) )?(?P<figure>\d[\d \u00a0]*(?:,\d+)?) \w+ – (?P<label>[^(:]+?) \("
    r"|^(?P<label2>[^(:]+?) \([^)]*(?:\)[^)]*)?\): (?P<figure2>\d[\d \u00a0]*(?:,\d+)?) \w+"
)
"""A deviation's answer, one or the first of a list: "… 1) 1 270 tkr – Fastighet och lokaler (Tabell 3 …",
"Skolskjuts (Tabell 3 …, Prognosavvikelse): 2,7 mkr (negativ avvikelse)"."""
_EXPLAINS = lazy(
    r"\b(?:beror|berodde|förklaras|på grund av|till följd av|eftersom|därför|därmed|vilket innebär)\b", re.I
)
"""A sentence before a figure that explains it ("… minskas därför med realisationsvinsten …")."""
_SUMMING_UP = lazy(
    r"^(?:\w+\s+(?:redovisar|visar|uppvisar|får|har)\s+(?:därmed\s+|alltså\s+)?)?"
    r"(?:sammantaget|sammanfattningsvis|sammanlagt|totalt sett|allt som allt|summa summarum)\b",
    re.I,
)
"""A sentence that sums up what its paragraph or heading said before it."""


LISTED_REASONS = 3
MAX_LISTED_ANSWER = 760
"""The longest an answer grows with the items of a list it leads into."""
"""List items after a paragraph's colon that an answer quotes as what the paragraph leads into."""
ITEM_HEADINGS = 2
"""Items with their deviations under their own sub-headings that make a section one of items, each
explained under its own."""
PARAGRAPH_REASONS = 2
"""Sentences of a deviation's own paragraph read on as its explanation, when none says "beror på"."""


_THIS_YEAR = lazy(
    r"\b(?:i år|hittills|this year|so far)\b"
    r"|\b(?:än|jämfört med|jämfört mot|sedan|than|since|compared (?:with|to))\s+(?:\w+\s+){0,2}?"
    r"(?:förra året|i fjol|föregående år|last year|the (?:previous|prior) year)\b",
    re.I,
)
"""A question of this year that compares with the year before ("mer sjuk i år än förra året", "better or
worse than last year")."""
_INTERIM = lazy(r"delårs|tertial|kvartalsrapport|månadsrapport|månadsuppföljning|halvårs", re.I)
"""A report on part of a year, as its cover calls it."""


def _after_deviation(p, span: tuple[int, int]) -> bool:
    """Whether the sentence at `span`, or the one before it in its passage, states a deviation from budget."""
    from doksvar.answer.question import directions

    at = p.sentences.index(span) if span in p.sentences else -1
    for a, b in p.sentences[max(0, at - 1) : at + 1] if at >= 0 else []:
        text = p.text[a - p.start : b - p.start]
        if directions(text) or "avvik" in text.lower():
            return True
    return False


def _opposite(q: Question, result: Answer, sentence: str) -> bool:
    """Whether a sentence states only the opposite deviation of the one asked or answered."""
    from doksvar.answer.question import directions

    asked = {"negative"} if q.negative else {"positive"} if q.positive else directions(result.answer)
    said = directions(sentence)
    return len(asked) == 1 and bool(said) and not said & asked


def _names_only_subject(q: Question, text: str) -> bool:
    """Whether the reason a text gives is the question's own subject: "Underskottet förklaras helt av
    ekonomiskt bistånd, som överskred sin budget …" says where, not why, to "Why did welfare go over?"."""
    from doksvar.answer.retrieve import restates

    return restates(text, [t for t in q.content if t.found])


def _asked_of(q: Question, terms: list[Term]) -> list[Term]:
    """The terms an answer must hold: the noun of "vilken åtgärd" names the kind of answer, not a
    word it holds; the noun of "hur många anställda" is what is counted."""
    return [t for t in terms if not (t.stem == q.focus and _NAMES_KIND.search(q.swedish))]


def _different_kinds(parts: tuple[str, str], vocab) -> bool:
    """Whether the two parts of a question ask for different kinds of answer (a date and a figure);
    a reason goes with the figure it explains."""
    kinds = {"percent" if _IN_PERCENT.search(p) else read_question(p, vocab).wants for p in parts}
    return len(kinds) == 2 and "" not in kinds and "reason" not in kinds


_IN_PERCENT = lazy(r"\b(?:hur många procent|med hur många procent|how many per ?cent|by what percentage)\b", re.I)
"""A part asking a figure in per cent ("…, och hur många procent ökade det?"), where the other asks
an amount: two figures, each to be found on its own."""


def _says_nothing_new(whole: Answer, other: Answer) -> bool:
    """Whether an answer to a question's second part repeats the first's: its figures are all in it
    already ("2024: 9,3" of a table row whose answer gave that year too)."""
    from doksvar.answer.retrieve import has_number

    figures = re.findall(r"\d[\d\s]*(?:,\d+)?", other.answer)
    return other.answer == whole.answer or (
        has_number(other.answer) and all(f.strip() in whole.answer for f in figures if f.strip())
    )


def _same_chapter(section: str, other: str) -> bool:
    """Whether two numbered sections stand in one chapter ("7.1" and "7.2"); unnumbered ones never."""
    return bool(section) and bool(other) and section.split(".")[0] == other.split(".")[0]


def _related(section: str, other: str) -> bool:
    """Whether two sections are one, or one holds the other ("3.1" and "3.1.1")."""
    return section == other or f"{section}.".startswith(f"{other}.") or f"{other}.".startswith(f"{section}.")


_MEASURED = lazy(
    r"\bhur mycket\b(?:\s+\w+){0,4}?\s+(?:i|på|för)\s+(\w+)"
    r"|\bhur mycket\s+(?!\w*(?:ade|ades|ats|te|tes|de|des|r)\b)(\w{4,})\s+\w+(?:ade|ades|ats|te|tes|de|des|ar|er)\b"
)
"""The noun "hur mycket … i/på/för N" measures ("Hur mycket betalade nämnden i hyra?", "Hur mycket har
förvaltningen lagt på konsulter?"), as does a noun between "hur mycket" and its verb ("Hur mycket
koldioxid släppte …"; not "Hur mycket drog nämnden …", whose verb comes first)."""


SECTION_REACH = 12
"""The most passages after an answer's quote that a second part of the question is looked for in."""

MAX_JOINED = 700
"""The longest answer two parts make together when the whole question's answer already covers both."""


def _named_by_heading(result: Answer, q: Question) -> Answer:
    """A sentence that names what is asked for only by its kind ("Vilken nämnd …?" – "… att nämnden
    inte har agerat …") is answered under the heading that names it ("Kritik riktas till
    förskolenämnden"): the heading is put before the sentence."""
    from doksvar.answer.score import heading_naming

    title = heading_naming(result, q)
    return result if title is None else dataclasses.replace(result, answer=f"{title}: {result.answer}")


_REASON_NOUN = lazy(REASON_WORDS)


def _only_why(q: Question) -> bool:
    """Whether a question asks only why, in words for the reason ("Vad var huvudorsaken?", "och
    varför?"), with no subject of its own."""
    from doksvar.answer.score import asks_reason

    return asks_reason(q) and all(_REASON_NOUN.fullmatch(t.word) for t in q.content)


def _latest_first(q: Question, parts: tuple[str, str]) -> Question:
    """A question whose years stand only in its second part ("Hur många timmar utfördes i år, och hur
    många var det under samma månader 2025?") asks first for the latest figure; the year is the
    second part's, its comparison."""
    if not q.years or YEAR_IN_TEXT.search(parts[0]) or not _OWN_QUESTION.match(parts[1]):
        return q
    return dataclasses.replace(q, years=())


def _held(terms: list[Term], stems_: Collection[str]) -> int:
    """How many of the terms a text's stems hold, in any of their forms."""
    return sum(any(alt in stems_ for alt in t.alternatives) for t in terms)


def _its_figure(q1: Question, q2: Question, first: Answer) -> bool:
    """Whether a second part asking only how much is answered by the first part's figure: "Gick
    nämnden med plus eller minus, och hur mycket handlar det om?" asks the figure of the result the
    first part is answered with, the first part asking nothing of its own kind."""
    return q2.wants == "number" and not q1.wants and _gives_kind(q2, first.answer)


def _gives_kind(q: Question, text: str) -> bool:
    """Whether a text gives the kind of answer a question asks where that is a date or a figure
    (in digits or words); any text does for other questions."""
    from doksvar.answer.retrieve import has_date, has_number

    if q.wants == "date":
        return has_date(text)
    return q.wants != "number" or has_number(text, words=True)


_FIGURE_WITH_UNIT = lazy(r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?\s?(?:procent|%|mnkr|mkr|tkr|kronor|kr\b)")
"""A figure with its unit as an answer quotes it ("4,2 procent", "1 850 tkr"): what the report may
state again elsewhere."""
_OWN_QUESTION = lazy(r"(?:hur|vad|vilk\w+|när|how|what|which|when)\b", re.I)
"""The second part of a question that is a question of its own ("Hur många var det …"), not the
rest of the first ("… buss och tåg när priserna höjdes …")."""


def _two_parts(text: str) -> tuple[str, str] | None:
    """The two questions of "…, och hur/vad/varför …?", or None."""
    m = _SECOND_PART.match(text.strip())
    if not m:
        return None
    second = m.group("second").strip()
    return m.group("first").strip().rstrip(",") + "?", second[0].upper() + second[1:]


def _joined(question: str, first: Answer, second: Answer) -> Answer:
    """Two answers as one: both texts, every citation numbered once."""
    return dataclasses.replace(
        first,
        question=question,
        answer=f"{first.answer} {second.answer}",
        citations=renumber(list(first.citations) + list(second.citations)),
    )


def _names(text: str) -> list[str]:
    """Capitalised words inside a question (not its first word): names of places and lists."""
    return [m.group() for m in re.finditer(r"(?<=\s)[A-ZÅÄÖ][\wåäöÅÄÖ&-]+", text) if not m.group().isupper()]


__all__ = ["Answerer", "Question", "clip"]
