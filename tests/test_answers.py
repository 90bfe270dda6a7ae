"""Answers in both languages, on a report written for these tests and on the bundled one."""

from __future__ import annotations

import pytest

from doksvar.answer import Answerer
from doksvar.answer.conversation import Conversation

from .conftest import DATA


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    from doksvar.index.store import Store

    store = Store(tmp_path_factory.mktemp("other") / "i.sqlite", writable=True)
    list(store.index_files([DATA / "kiruna-delar-2024.txt"]))
    return Answerer(store)


def check_grounded(answerer: Answerer, result) -> None:
    """Every quote is the display text at its offsets, and every figure of the answer is quoted."""
    import re

    for c in result.citations:
        doc = [d for d in answerer.store.documents() if d.name == c.doc][0]
        assert answerer.store.document_text(doc.id)[c.start : c.end] == c.quote
    quotes = " ".join(c.quote for c in result.citations)

    def quoted(n: str) -> bool:
        return len(re.sub(r"\D", "", n)) < 2 or n in quotes or n.replace(" ", "") in quotes.replace(" ", "")

    def value(n: str) -> float:
        return float(n.replace(" ", "").replace(",", ".").replace("−", "-"))

    # A figure the answer works out shows its working: "267 (270 − 3)", "+4 400 (179 300 − 174 900),
    # +2,5 %". The working's figures are quoted, and the sum is right.
    number = r"\d+(?:[ ,]\d+)*"
    worked = re.compile(rf"([+−±]?{number}) \(({number}) ([+−]) ({number})\)(?:, ([+−±]{number}) %)?")
    for m in worked.finditer(result.answer):
        got, a, op, b, percent = m.groups()
        assert quoted(a) and quoted(b), (m.group(), result.answer)
        expected = value(a) + value(b) if op == "+" else value(a) - value(b)
        assert abs(abs(value(got.lstrip("+±"))) - abs(expected)) < 0.01, (m.group(), result.answer)
        if percent:
            assert abs(abs(value(percent.lstrip("+±"))) - abs(100 * expected / value(b))) < 0.1, m.group()
    for n in re.findall(number, worked.sub(" ", result.answer)):
        assert quoted(n), (n, result.answer)


def test_negative_deviations_are_listed_largest_first_and_cited(other):
    r = other.ask("Vilka negativa avvikelser finns?")
    assert r.answered and r.intent == "deviation"
    assert r.answer.startswith("Negativa avvikelser")
    assert r.answer.index("5,2 mkr") < r.answer.index("1,3 mkr")
    assert "2,4 mkr" not in r.answer and "0,9 mkr" not in r.answer
    check_grounded(other, r)


def test_positive_deviations_in_english(other):
    r = other.ask("Which positive deviations were there?")
    assert r.answered and r.answer.startswith("Positive deviations")
    assert "2,4 mkr" in r.answer and "0,9 mkr" in r.answer
    assert "5,2" not in r.answer


def test_why_gives_the_explanation(other):
    r = other.ask("Varför blev vinterväghållningen dyrare än budgeterat?")
    assert r.answered and "snörikt" in r.answer
    r = other.ask("Why were the personnel costs below budget?")
    assert r.answered and "vakanta" in r.answer


def test_table_deviation_column(other):
    r = other.ask("Hur stor var avvikelsen för gator och parker?")
    assert r.answered and "3,8" in r.answer
    check_grounded(other, r)


def test_ranking_with_list_and_previous_place(other):
    r = other.ask("Hur rankas Exempelby i Miljöaktuellts kommunranking?")
    assert r.answered and r.intent == "ranking"
    assert "112" in r.answer and "290" in r.answer
    check_grounded(other, r)


def test_which_rankings_lists_all_best_first(other):
    r = other.ask("Vilka rankingar finns?")
    assert r.answer.index("12 av 130") < r.answer.index("112 av 290")


def test_table_cell_by_row_and_year(other):
    r = other.ask("Hur många tillsvidareanställda fanns 2023?")
    assert r.intent == "table" and "220" in r.answer
    r = other.ask("How many temporary employees were there in 2024?")
    assert "11" in r.answer
    check_grounded(other, r)
    r = other.ask("Vad var budgeten för vatten och avlopp 2024?")
    assert "0,0" in r.answer


def test_facts_from_prose(other):
    r = other.ask("När öppnade återvinningscentralen?")
    assert "3 juni 2024" in r.answer
    r = other.ask("Hur stor var personalomsättningen?")
    assert "8,5" in r.answer
    r = other.ask("What was the staff turnover?")
    assert "8,5" in r.answer
    check_grounded(other, r)


def test_unknown_subject_is_declined_in_the_question_language(other):
    r = other.ask("Hur mycket kostade den nya simhallen?")
    assert not r.answered and "simhallen" in r.answer and r.answer.startswith("Rapporten nämner inte")
    r = other.ask("How many libraries does the municipality run?")
    assert not r.answered and r.answer.startswith("The report")


@pytest.mark.parametrize("question", ["", "   ", "???", "\x00\x01", "och"])
def test_empty_questions_are_declined(other, question):
    assert not other.ask(question).answered


def test_follow_ups_in_a_conversation(other):
    chat = Conversation(other)
    assert "220" in chat.ask("Hur många tillsvidareanställda fanns 2023?").answer
    follow = chat.ask("och 2022?")
    assert "212" in follow.answer and follow.question == "och 2022?"
    temporary = chat.ask("and temporary?")
    assert "Visstidsanställda, 2022: 18" in temporary.answer


def test_why_follow_up(other):
    chat = Conversation(other)
    chat.ask("Vilken var den största negativa avvikelsen?")
    assert "snörikt" in chat.ask("varför?").answer


def test_intents_on_the_bundled_report(bundled_answerer):
    cases = {
        "Vilka negativa avvikelser finns i driftsredovisningen?": "deviation",
        "Which rankings put us first?": "ranking",
        "Hur många tillsvidareanställda kvinnor fanns 2021?": "table",
        "Hur stor var personalomsättningen 2023?": "fact",
        "How is Luleå ranked in the small business index?": "ranking",
    }
    for question, intent in cases.items():
        assert bundled_answerer.ask(question).intent == intent, question


def test_answers_frame_follows_the_question_language(bundled_answerer):
    assert bundled_answerer.ask("What were the largest negative budget deviations?").answer.startswith("Largest")
    assert bundled_answerer.ask("Vilka positiva avvikelser finns?").answer.startswith("Positiva")


def test_every_dev_citation_is_verbatim_display_text(bundled_answerer, dev_questions):
    for g in dev_questions:
        r = bundled_answerer.ask(g["q"])
        for c in r.citations:
            text = bundled_answerer.store.document_text(bundled_answerer.store.documents()[0].id)
            assert text[c.start : c.end] == c.quote, g["id"]
        if g.get("answerable", True):
            assert r.answered, g["id"]
            check_grounded(bundled_answerer, r)
        else:
            assert not r.answered, g["id"]
