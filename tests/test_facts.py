"""Deviation and ranking extraction, on sentences written for these tests."""

from __future__ import annotations

import pytest

from doksvar.facts.deviations import sentence_deviations
from doksvar.facts.rankings import sentence_rankings


def one(sentence: str, label: str = "") -> dict:
    found = sentence_deviations(sentence, label)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "amount", "unit", "direction"),
    [
        ("Nämnden redovisar en negativ avvikelse på 3,2 mkr för löner.", 3.2, "mkr", "negative"),
        ("Verksamheten visar en positiv budgetavvikelse om 750 tkr.", 750, "tkr", "positive"),
        ("Kostnaderna för vinterväghållning blev 12,5 mkr mer än budget.", 12.5, "mkr", "negative"),
        ("Lokalkostnaderna överstiger budget med 1,4 mkr.", 1.4, "mkr", "negative"),
        ("Personalkostnaderna blev 2,0 mkr lägre än budgeterat.", 2.0, "mkr", "positive"),
        ("Intäkterna från avgifter blev 0,8 mkr högre än budget.", 0.8, "mkr", "positive"),
        ("Intäkterna för bygglov blev 1,1 mkr lägre än budget.", 1.1, "mkr", "negative"),
        ("Nämnden redovisar ett överskott mot budget med 1,07 mnkr.", 1.07, "mkr", "positive"),
        ("Helåret slutar med ett underskott på 5 miljoner kronor.", 5, "mkr", "negative"),
        ("Skolan gick 430 tkr över budget på grund av fler elever.", 430, "tkr", "negative"),
        ("Prognosen visar 2 300 tkr under budget.", 2300, "tkr", "positive"),
        # Worse or better than budget says the direction for costs and income alike.
        ("Hemtjänsten gick 6,4 mnkr sämre än budget.", 6.4, "mkr", "negative"),
        ("Intäkterna blev 900 tkr sämre än budgeterat.", 900, "tkr", "negative"),
        ("Resultatet blev 1,5 mkr bättre än budget.", 1.5, "mkr", "positive"),
        # The everyday words for a deficit.
        ("Föregående år gick nämnden back med 8,3 mnkr.", 8.3, "mkr", "negative"),
        ("Avfallsverksamheten redovisar en förlust på 860 tkr.", 860, "tkr", "negative"),
    ],
)
def test_deviation_sentences(sentence, amount, unit, direction):
    d = one(sentence)
    assert (d["amount"], d["unit"], d["direction"]) == (amount, unit, direction)
    a, b = d["span_amount"]
    assert sentence[a:b].startswith(d["amount_text"])


def test_subheading_gives_direction_to_a_neutral_sentence():
    sentence = "Bidragen avviker med en avvikelse på 0,9 mkr mot budget."
    assert one(sentence)["direction"] == "unknown"
    assert one(sentence, "Negativa avvikelser (högre utfall än planerat)")["direction"] == "negative"
    assert one(sentence, "Positiva avvikelser")["direction"] == "positive"


def test_plain_amounts_are_not_deviations():
    assert sentence_deviations("Kostnaden för friskvård uppgick till 8,3 mkr under året.") == []
    assert sentence_deviations("Budgeten för 2024 är 40 mkr.") == []


def test_two_deviations_in_one_sentence():
    found = sentence_deviations("Lönerna blev 1,2 mkr högre än budget medan hyrorna blev 0,4 mkr lägre än budget.")
    assert [(d["amount"], d["direction"]) for d in found] == [(1.2, "negative"), (0.4, "positive")]


@pytest.mark.parametrize(
    ("sentence", "rank", "of"),
    [
        ("Kommunen hamnar på plats 112 av 290 i Svenskt Näringslivs ranking.", 112, 290),
        ("Staden rankas 14 av 290 kommuner i årets mätning.", 14, 290),
        ("Kommunen rankas som nummer 7 av landets 290 kommuner.", 7, 290),
        ("I Miljöbarometern kom kommunen först av 290 kommuner.", 1, 290),
        ("Kommunen toppade rankningen för tredje året.", 1, None),
        ("Vi hamnade på första plats i undersökningen.", 1, None),
        ("Kommunen placerar sig på plats 45 bland 100 deltagande kommuner.", 45, 100),
        ("Kommunen tog 12:e plats i länet.", 12, None),
    ],
)
def test_ranking_sentences(sentence, rank, of):
    found = sentence_rankings(sentence)
    assert [(r["rank"], r["of"]) for r in found] == [(rank, of)]


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("Kommunen tappar tre placeringar och hamnar på plats 88 av 290.", -3),
        ("Kommunen klättrar 20 placeringar till plats 41 av 290.", 20),
        ("Kommunen backar 9 placeringar och landar på plats 120 av 290.", -9),
    ],
)
def test_ranking_change(sentence, change):
    assert sentence_rankings(sentence)[0]["change"] == change


def test_previous_place_is_not_a_ranking_of_its_own():
    found = sentence_rankings("Kommunen hamnade på plats 84 av 290, en förbättring från plats 134.")
    assert [(r["rank"], r.get("previous"), r.get("change")) for r in found] == [(84, 134, 50)]


@pytest.mark.parametrize(
    ("sentence", "rank", "previous", "change"),
    [
        ("Kommunen hamnar på plats 212 av 290 kommuner, att jämföra med plats 168 året innan.", 212, 168, -44),
        ("Staden placerade sig på plats 188 av 290, jämfört med plats 156 året innan.", 188, 156, -32),
        (
            "Där ligger kommunen på plats 97 av 290, en förbättring med 34 placeringar sedan 2025, "
            "då den låg på plats 131.",
            97,
            131,
            34,
        ),
    ],
)
def test_the_place_before_in_the_same_sentence_is_the_ranking_s_previous(sentence, rank, previous, change):
    found = sentence_rankings(sentence)
    assert [(r["rank"], r.get("previous"), r.get("change")) for r in found] == [(rank, previous, change)]


@pytest.mark.parametrize(
    ("after", "previous", "change"),
    [
        ("Ett år tidigare låg kommunen på plats 112, vilket innebär en förbättring med 38 placeringar.", 112, 38),
        ("Föregående år låg kommunen på plats 138, och den har förbättrat sin placering med 64 steg.", 138, 64),
        ("Det är en klättring med 21 placeringar jämfört med föregående år, då kommunen hamnade på plats 95.", 95, 21),
        ("Det gäller särskilt bygglov. År 2024 var placeringen 61.", 61, -13),
    ],
)
def test_the_place_before_in_the_next_sentences_is_no_ranking_of_its_own(after, previous, change):
    from doksvar.facts.rankings import rankings
    from doksvar.ingest.text import parse_text

    ranking = "I Företagsbarometern 2025 hamnade kommunen på plats 74 av landets 290 kommuner."
    text = f"Rapport 2025\n\n1 Omvärld\n\n{ranking} {after}\n"
    doc = parse_text(text, "r.txt", "r.txt", "0")
    found = [(f.data["rank"], f.data.get("previous"), f.data.get("change")) for f in rankings(doc)]
    assert found == [(74, previous, change)]


def test_targets_are_marked():
    found = sentence_rankings("Målet är att kommunen ska rankas på 50:e plats senast 2026.")
    assert found and found[0]["target"]
    assert not sentence_rankings("Kommunen hamnar på plats 30 av 290.")[0]["target"]


def test_percentages_and_counts_are_not_rankings():
    assert sentence_rankings("Andelen nöjda var 84 procent av de 290 svarande.") == []
    assert sentence_rankings("Det finns plats för 550 medarbetare.") == []


def test_a_relative_clause_about_income_does_not_turn_an_overspend():
    found = sentence_deviations(
        "Städenheten, som finansieras genom ersättningar från de andra nämnderna, överskred budget med 430 tkr."
    )
    assert [(d["amount"], d["direction"]) for d in found] == [(430, "negative")]


def test_a_signed_total_takes_the_direction_of_the_table_total_it_restates():
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    text = (
        "Årsredovisning 2025\n\n1 Ekonomi\n\n"
        "Verksamhet\tBudget 2025\tUtfall 2025\tAvvikelse\n"
        "Gator\t10 000\t11 200\t-1 200\n"
        "Parker\t5 000\t4 650\t350\n"
        "Summa\t15 000\t15 850\t-850\n\n"
        "Nämnden redovisar sammantaget en budgetavvikelse på -850 tkr.\n"
    )
    doc = parse_text(text, "r.txt", "r.txt", "0")
    said = [f.data for f in deviations(doc) if f.data["source"] == "text"]
    assert [(d["amount"], d["direction"], d["total"]) for d in said] == [(850, "negative", True)]


def test_a_table_of_counts_states_no_deviation_in_money():
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    text = (
        "Delårsrapport 2026\n\n1 Ekonomi\n\nNämndens kostnader redovisas i mnkr.\n\n"
        "Tabell 6. Antal elever (genomsnitt)\n"
        "Verksamhet\tBudget\tUtfall\tAvvikelse\n"
        "Grundskola\t2 400\t2 431\t31\n"
        "Gymnasieskola\t900\t880\t-20\n"
    )
    assert deviations(parse_text(text, "r.txt", "r.txt", "0")) == []


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("För helåret prognostiseras ett överskridande på 12,5 mnkr.", 12.5),
        ("Kostnaderna överskrider budget, och för helåret beräknas överskridandet till 8,0 mnkr.", 8.0),
        ("Ambulansen har ett litet överskott för perioden men prognosen för helåret är -3,5 mnkr.", 3.5),
        ("Hemtjänsten väntas gå med underskott, och för helåret prognostiseras -4,1 mnkr.", 4.1),
    ],
)
def test_an_overrun_said_as_a_noun_or_a_forecast_by_its_minus_is_a_deficit(sentence, amount):
    found = [(d["amount"], d["direction"]) for d in sentence_deviations(sentence)]
    assert (amount, "negative") in found, found


def test_the_boards_deviation_is_the_wholes_when_a_time_is_put_before_the_board():
    # Swedish puts the verb second: after "Vid delårsrapporten …" the board follows its verb. Its
    # forecast then, and its result a year before, are the whole's, not one item's.
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    text = (
        "Årsredovisning 2025 Tekniska nämnden\n\n1 Ekonomi\n\n"
        "Nämnden redovisar ett underskott på 900 tkr för 2025.\n\n"
        "Vid delårsrapporten per den 31 augusti prognostiserade nämnden ett underskott på 2 300 tkr för helåret.\n\n"
        "År 2024 redovisade nämnden ett överskott på 410 tkr.\n\n"
        "Under året visade gatuenheten ett underskott på 650 tkr.\n"
    )
    doc = parse_text(text, "r.txt", "r.txt", "0")
    said = {f.data["amount"]: f.data["total"] for f in deviations(doc) if f.data["source"] == "text"}
    assert said == {900: True, 2300: True, 410: True, 650: False}


def test_where_the_board_stands_against_its_budget_is_the_wholes_deviation_anywhere_in_a_paragraph():
    # "… vilket innebär att nämnden efter åtta månader ligger 31,8 mnkr över budget" is the board's own
    # deviation so far, though its paragraph opens with the budget; another board a paragraph is about
    # ("Socialnämnden … prognostiserade nämnden …") stays an item, as does a unit that stands over budget.
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    text = (
        "Delårsrapport augusti 2026 Vård- och omsorgsnämnden\n\n1 Ekonomi\n\n"
        "Nämndens budget för 2026 är 1 258,3 mnkr. Det kan jämföras med en periodiserad budget på 838,9 mnkr, "
        "vilket innebär att nämnden efter åtta månader ligger 31,8 mnkr över budget.\n\n"
        "Socialnämnden redovisar ett underskott på 38,6 mnkr. I delårsrapporten prognostiserade nämnden ett "
        "underskott på 24,0 mnkr.\n\n"
        "Hemtjänsten ligger 6,2 mnkr över budget.\n"
    )
    doc = parse_text(text, "r.txt", "r.txt", "0")
    said = {f.data["amount"]: f.data["total"] for f in deviations(doc) if f.data["source"] == "text"}
    assert said[31.8] is True
    assert said[24.0] is False and said[6.2] is False


def test_a_forecast_said_in_the_passive_after_the_wholes_deviation_is_the_wholes_too():
    # "I delårsrapporten per augusti prognostiserades ett underskott på 1,4 mkr" names no one: in a
    # paragraph about the board's result it is the board's earlier forecast; after an item's it is the item's.
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    text = (
        "Årsredovisning 2025 Miljö- och byggnämnden\n\n1 Ekonomi\n\n"
        "Nämnden tilldelades en nettobudget om 28,8 mkr. Utfallet blev 30,6 mkr, vilket innebär en negativ "
        "budgetavvikelse om 1,8 mkr. I delårsrapporten per augusti prognostiserades ett underskott på 1,4 mkr.\n\n"
        "Bygglov redovisar en negativ avvikelse om 1,3 mkr. I april prognostiserades ett underskott på 0,9 mkr.\n"
    )
    doc = parse_text(text, "r.txt", "r.txt", "0")
    said = {f.data["amount"]: f.data["total"] for f in deviations(doc) if f.data["source"] == "text"}
    assert said[1.4] is True
    assert said[0.9] is False and said[1.3] is False


def test_a_later_sentence_of_the_reports_own_kind_of_board_is_the_wholes():
    # "prognostiserade nämnden" further into the paragraph of a nämnd's own report is its earlier
    # forecast; in the auditors' report "nämnden" is the board they audit.
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    paragraph = (
        "Nämnden redovisar en nettokostnad på 997,3 mnkr. Det ger en negativ budgetavvikelse på 12,1 mnkr. "
        "I delårsrapporten per den 31 augusti prognostiserade nämnden ett underskott på 14,5 mnkr.\n"
    )
    own_text = f"Årsredovisning 2025 Barn- och utbildningsnämnden\n\n1 Ekonomi\n\n{paragraph}"
    audit_text = f"Revisionsberättelse 2025 Kommunrevisionen\n\n1 Granskning\n\n{paragraph}"
    own = parse_text(own_text, "a.txt", "a.txt", "0")
    audit = parse_text(audit_text, "b.txt", "b.txt", "0")
    said = {f.data["amount"]: f.data["total"] for f in deviations(own) if f.data["source"] == "text"}
    assert said[14.5] is True
    said = {f.data["amount"]: f.data["total"] for f in deviations(audit) if f.data["source"] == "text"}
    assert said[14.5] is False
