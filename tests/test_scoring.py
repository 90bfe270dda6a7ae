"""Answering on one scale: subject words decide a decline, general words never do, the best
candidate of every handler wins; on reports written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from doksvar.answer import Answerer
from doksvar.lang.frequency import compound_parts, generality_weight, is_general, zipf

from .conftest import answerer_of

REPORT = """\
Delårsrapport 2025 Tekniska nämnden

1 Ekonomi

Nämnden redovisar ett överskott mot budget på 4,5 mkr för perioden.
Överskottet beror främst på vakanta tjänster inom gatuavdelningen.
Avtalet för telefoni löper ut under hösten och ska upphandlas på nytt.

1.1 Resultat per verksamhet

Verksamhet (mnkr)\tUtfall intäkter period\tUtfall kostnader period\tBudget kostnader period\tBudgetavvikelse
Gator och vägar\t12,4\t-30,1\t-33,0\t2,9
Parker\t3,1\t-9,8\t-9,2\t-0,6
Fastigheter\t40,2\t-38,0\t-36,1\t-1,9
Totalt\t55,7\t-77,9\t-78,3\t0,4

Ekonomi i sammandrag (mnkr)	Utfall 2024	Utfall 2025
Intäkter	50,1	55,7
Kostnader	-70,2	-77,9
Avvikelse	1,2	0,4

2 Omvärld

Kommunen ska rankas på lägst plats 50 i Svenskt Näringslivs ranking år 2027.
I Svenskt Näringslivs ranking hamnar kommunen på plats 112 av 290 kommuner.
"""


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    from doksvar.index.store import Store

    folder = tmp_path_factory.mktemp("scoring")
    path = folder / "teknik-delar-2025.txt"
    path.write_text(REPORT, encoding="utf-8")
    writer = Store(folder / "i.sqlite", writable=True)
    list(writer.index_files([path]))
    writer.close()
    return Answerer(Store(folder / "i.sqlite"))


def test_word_frequencies_tell_everyday_words_from_subjects():
    assert zipf("och") > 6 > zipf("telefoni") > 0
    assert is_general("hamnade") and is_general("pengarna")
    assert not is_general("friskvårdsbidraget") and not is_general("budgetunderskott")
    assert generality_weight("sjukfrånvaron") > generality_weight("gälla")


def test_a_compound_splits_into_words_that_are_known():
    known = {"telefoni", "avtalet", "verksamhet", "planen"}.__contains__
    assert compound_parts("telefoniavtalet", known) == ["telefoni", "avtalet"]
    assert compound_parts("verksamhetsplanen", known) == ["verksamhet", "planen"]
    assert compound_parts("telefon", known) is None


def test_an_everyday_word_the_report_lacks_does_not_decline(answers):
    r = answers.ask("Hur stort blev överskottet mot budget för perioden, uttryckt i miljoner kronor?")
    assert r.answered and "4,5" in r.answer, r.answer


def test_a_compound_is_found_by_its_parts(answers):
    r = answers.ask("När ska telefoniavtalet upphandlas?")
    assert r.answered and "telefoni" in r.answer


def test_the_noun_asked_for_declines_when_the_report_lacks_it(answers):
    r = answers.ask("Hur många bussar har nämnden?")
    assert not r.answered and "bussar" in r.answer


def test_a_year_the_report_never_mentions_is_declined(answers):
    r = answers.ask("Hur stort var överskottet mot budget 2019?")
    assert not r.answered and "2019" in r.answer


def test_a_ranking_outcome_beats_its_target(answers):
    r = answers.ask("Hur rankas kommunen i Svenskt Näringslivs ranking?")
    assert r.answered and "112" in r.answer and "50" not in r.answer


def test_a_cell_is_read_from_the_column_the_question_names(answers):
    r = answers.ask("Hur stora kostnader hade Parker under perioden?")
    assert r.answered and r.intent == "table" and "-9,8" in r.answer
    both = answers.ask("Hur stora var kostnaderna för Fastigheter, och vad var budgeten?")
    assert "-38,0" in both.answer and "-36,1" in both.answer


def test_negative_table_deviations_are_listed_for_a_which_question(answers):
    r = answers.ask("Vilka verksamheter har en negativ budgetavvikelse?")
    assert r.answered and r.intent == "deviation"
    assert "Fastigheter" in r.answer and "Parker" in r.answer and "Gator" not in r.answer


def test_why_gets_the_reason_beside_the_figure(answers):
    r = answers.ask("Hur stort överskott redovisar nämnden, och vad beror det på?")
    assert r.answered and "4,5" in r.answer and "vakanta" in r.answer


def test_a_compound_finds_the_row_named_by_its_head(answers):
    r = answers.ask("Hur stor var budgetavvikelsen 2024?")
    assert r.answered and "1,2" in r.answer


def test_a_figure_of_the_reports_year_does_not_answer_for_another_year(answers):
    r = answers.ask("Hur stort överskott mot budget redovisade nämnden 2027?")
    assert not r.answered


def test_a_question_for_a_figure_is_not_answered_by_a_sentence_without_one(answers):
    r = answers.ask("Hur många avtal för telefoni har nämnden?")
    assert not r.answered


def test_a_question_of_two_parts_gets_both_answers(answers):
    r = answers.ask("Hur stort överskott mot budget redovisar nämnden, och när ska telefoniavtalet upphandlas?")
    assert r.answered and "4,5" in r.answer and "hösten" in r.answer
    assert len(r.citations) >= 2


def test_a_deviation_for_a_year_is_read_from_the_deviation_row(answers):
    r = answers.ask("Hur mycket under budget låg nämnden 2024?")
    assert r.answered and "1,2" in r.answer and "4,5" not in r.answer


def test_how_many_reads_the_count_column_not_the_amount(make_store):
    store = make_store(
        {
            "bidrag-2025.txt": "Bidrag 2025\n\n1 Bidrag\n\n"
            "Bidrag, tkr\tBokslut 2024\tBokslut 2025\tAntal 2024\tAntal 2025\n"
            "Arrangörsbidrag\t-650\t-718\t14\t17\n"
            "Hyresbidrag\t-120\t-95\t3\t2\n"
        }
    )
    r = Answerer(store).ask("Hur många arrangörsbidrag gavs 2025?")
    assert r.answered and "17" in r.answer and "-718" not in r.answer


def test_two_years_compared_give_a_cell_for_each(answers):
    r = answers.ask("Hur stora var kostnaderna 2025 jämfört med 2024?")
    assert r.answered and "-77,9" in r.answer and "-70,2" in r.answer, r.answer


RESULT_REPORT = """\
Årsrapport 2023 Revisionen

1 Ekonomi

Utfall per 2023-12-31 (tkr)\tUtfall 2023\tBudget 2023
Kostnader\t-44 491\t-45 982
Periodens resultat\t740\t-750

Årets resultat blev 740 tkr mot budgeterade -750 tkr, vilket ger en positiv avvikelse med 1 490 tkr.
Den positiva avvikelsen beror på lägre kostnader för konsulter.
Det budgeterade minusresultatet för 2023 beror på en flytt av kontoret.
Målplanen för 2022-2024 visar ett budgeterat resultat om -500 tkr per år.
Fritidsgårdarna redovisar ett underskott på 0,3 mkr som beror på ökade hyror.
"""


@pytest.fixture(scope="module")
def result_answers(tmp_path_factory):
    from doksvar.index.store import Store

    folder = tmp_path_factory.mktemp("result")
    path = folder / "revision-2023.txt"
    path.write_text(RESULT_REPORT, encoding="utf-8")
    writer = Store(folder / "i.sqlite", writable=True)
    list(writer.index_files([path]))
    writer.close()
    return Answerer(Store(folder / "i.sqlite"))


def test_better_than_budget_asks_for_the_deviation(result_answers):
    r = result_answers.ask("Hur mycket bättre än budget blev resultatet 2023?")
    assert r.answered and "1 490" in r.answer, r.answer


def test_a_budgeted_figure_is_not_the_outcome_asked_for(result_answers):
    r = result_answers.ask("Vad blev periodens resultat 2023?")
    assert r.answered and "740" in r.answer and "-500" not in r.answer, r.answer


def test_a_reason_for_a_surplus_is_not_a_reason_for_a_deficit(result_answers):
    r = result_answers.ask("Varför blev det ett överskott mot budget?")
    assert r.answered and "konsulter" in r.answer and "hyror" not in r.answer, r.answer


def test_a_compound_finds_the_row_that_names_all_of_it(make_store):
    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024\n\n1 Ekonomi\n\n"
            "Utfall (mnkr)\tUtfall 2022\tUtfall 2023\n"
            "Netto\t-0,8\t-1,0\n"
            "Budget, netto\t-1,3\t-1,1\n"
        }
    )
    r = Answerer(store).ask("Vilken nettobudget hade nämnden 2022?")
    assert r.answered and "-1,3" in r.answer and "-0,8" not in r.answer, r.answer


REASONS = """\
Årsrapport 2023 Revisionen

1 Ekonomi

Den positiva avvikelsen beror på lägre kostnader för räkenskapsrevision och konsulter.

Under 2023 infördes en ny standard för räkenskapsrevision. Införandet innebar att granskningen försenades \
till efter årsskiftet. Som en följd av detta blev kostnaderna för räkenskapsrevision lägre än budget.
"""


def test_a_reason_given_by_pointing_back_brings_the_sentence_it_points_to(make_store):
    store = make_store({"revision-2023.txt": REASONS})
    r = Answerer(store).ask("Varför blev kostnaderna för räkenskapsrevisionen lägre än budgeterat?")
    # "Den positiva avvikelsen beror på lägre kostnader för räkenskapsrevision" names the subject
    # as a reason for something else; the answer is the delay the later sentence points back to.
    assert r.answered and "försenades" in r.answer, r.answer
    assert len(r.citations) >= 2


def test_the_main_reason_for_a_deviation_is_read_beside_the_deviation(make_store):
    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024\n\n1 Verksamhet\n\n"
            "Den främsta orsaken till revideringen av tillsynsplanen är att bemanningen varit lägre än planerat.\n\n"
            "2 Ekonomi\n\n"
            "Jämfört med budget har nämnden en positiv budgetavvikelse på +0,2 miljoner kronor. "
            "Det är i första hand kostnaderna för arvoden som varit lägre för året.\n\n"
            "Drift (mnkr)\tBudget 2024\tUtfall 2024\tBudgetavvikelse 2024\n"
            "Nämnden\t-1,0\t-0,8\t0,2\n"
        }
    )
    r = Answerer(store).ask("Vad är den främsta förklaringen till att nämnden hamnade under budget 2024?")
    assert r.answered and "arvoden" in r.answer and "bemanningen" not in r.answer, r.answer


def test_the_reason_for_a_table_row_is_read_under_its_own_heading(make_store):
    store = make_store(
        {
            "it-delar-2026.txt": "Delårsrapport januari–mars 2026\n\n1 Ekonomi\n\n"
            "Resultat per tjänsteområde period (mnkr)\tBudget\tUtfall\tBudgetavvikelse\n"
            "Digital infrastruktur\t-205,5\t-194,4\t11,1\n"
            "Ekonomi\t-40,2\t-39,0\t1,2\n\n"
            "För perioden visar initiativen ett mindre överskott, främst inom Digital infrastruktur "
            "vilket beror på lägre kostnader än budgeterat.\n\n"
            "Digital infrastruktur\n\n"
            "Området visar överskott inom tjänsterna, främst på grund av att rekrytering inte skett i den takt "
            "som budgeterats.\n"
        }
    )
    r = Answerer(store).ask(
        "Hur stor var budgetavvikelsen för Digital infrastruktur under perioden, och vad förklarar den?"
    )
    assert r.answered and "11,1" in r.answer and "rekrytering" in r.answer, r.answer


def test_english_words_are_found_by_their_swedish_spelling(make_store):
    from doksvar.lang.cognates import cognates

    assert "projekt" in cognates("projects") and "infrastruktur" in cognates("infrastructure")
    assert "strategi" in cognates("strategy") and "kvalitet" in cognates("quality")
    assert cognates("recorded") == []  # a verb's form names no subject
    assert {"ordinär", "ordinarie"} <= set(cognates("ordinary"))  # the report decides which
    store = make_store(
        {
            "bygg-2024.txt": "Årsredovisning 2024\n\n1 Utveckling\n\n"
            "Förvaltningen har gått med i två samarbetsprojekt: hubben för digitala tvillingar och Cityverse.\n"
            "Kvaliteten i bygglovshandläggningen har ökat under året.\n"
        }
    )
    r = Answerer(store).ask("Which projects has the administration joined?")
    assert r.answered and "Cityverse" in r.answer, r.answer


def test_english_month_names_read_as_the_reports_period(answers):
    r = answers.ask("How large was the surplus against budget in January–March?")
    assert r.answered and "4,5" in r.answer, r.answer


def test_words_of_the_period_choose_the_column_not_the_row(result_answers):
    r = result_answers.ask("Hur stora var kostnaderna vid utgången av 2023?")
    assert r.answered and "-44 491" in r.answer, r.answer
    named = result_answers.ask("What was the period result (periodens resultat) for 2023 in the table?")
    assert named.answered and "740" in named.answer and "-500" not in named.answer, named.answer


def test_a_summing_up_sentence_brings_the_reasons_before_it(make_store):
    store = make_store(
        {
            "fritid-2025.txt": "Bokslut 2025\n\n1 Ekonomi\n\nFritidsenheten\n\n"
            "Under året har badet renoverats och öppnades i juni. "
            "Under hösten upptäcktes en läcka på badet, vilket har medfört ökade kostnader för uppvärmning.\n\n"
            "Sammantaget redovisar verksamheten för idrottsanläggningar ett underskott mot budget på 0,37 mnkr.\n\n"
            "Biblioteket\n\nBiblioteket har haft en budget i balans.\n"
        }
    )
    r = Answerer(store).ask("Varför gick idrottsanläggningarna med underskott mot budget?")
    assert r.answered and "0,37" in r.answer and "läcka" in r.answer, r.answer


def test_the_year_asked_may_come_in_the_next_sentence(make_store):
    store = make_store(
        {
            "revision-2023.txt": "Årsrapport 2023\n\n1 Personal\n\n"
            "Vid utgången av 2021 uppgick andelen certifierade revisorer till 60 procent. "
            "Vid utgången av 2023 hade motsvarande siffra ökat till nästan 80 procent.\n"
        }
    )
    r = Answerer(store).ask("Hur stor andel av revisorerna var certifierade vid utgången av 2023?")
    assert r.answered and "80 procent" in r.answer, r.answer


def test_the_second_part_is_answered_where_the_report_goes_on(make_store):
    store = make_store(
        {
            "kultur-2025.txt": "Bokslut 2025\n\n1 Ekonomi\n\nMuseet\n\n"
            "Museiverksamheten uppvisar mindre avvikelser mot budget. I samband med andra tertialrapporten "
            "prognostiserades ett underskott på 0,2 mnkr. Under hösten infördes köpstopp samtidigt som "
            "öppettiderna utökades.\n\n"
            "2 Bad\n\nUtomhussäsongen för friluftsbaden startade den 14 juni. "
            "Personalstyrkan ökade från sju tillsvidareanställda till cirka 30.\n\n"
            "Kommunen har beslutat om en ny åtgärd för personalen från 2026.\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask(
        "Vilket underskott prognostiserade museet i andra tertialrapporten, och vilken åtgärd infördes under hösten?"
    )
    assert r.answered and "0,2" in r.answer and "köpstopp" in r.answer, r.answer
    r = answers.ask("When did the outdoor bathing season start, and to roughly how many staff did the workforce grow?")
    assert r.answered and "14 juni" in r.answer and "30" in r.answer, r.answer


INCIDENT = """\
Delårsrapport april 2026 Servicenämnden

3 Verksamhet

3.1 IT

Tidigt på morgonen den 11 februari 2026 upptäcktes dataintrånget av driftövervakningen.
Angriparen hade tagit sig in via ett konto hos en leverantör.

Följande system slogs ut:

- bokningssystemet för lokaler,
- felanmälan för fastigheter.

Incidenten anmäldes till polisen samma dag. Samtliga system var återställda och i full drift den 19 februari.
Under avbrottet sköttes felanmälningar manuellt.

3.2 Flyktingmottagande

Under 2025 tog Vikby emot 48 nyanlända, varav 19 anvisades av Migrationsverket. Kommuntalet för året
var 32, men Migrationsverket har haft färre personer att anvisa. Övriga nyanlända har bosatt sig i
kommunen på egen hand.

3.3 Ledning

1 februari: Henrik Åberg tillträdde som ny förvaltningschef.
Den nya taxan börjar gälla den 1 juli 2026.
"""


def test_the_second_part_is_answered_where_the_next_paragraph_goes_on(tmp_path):
    report = answerer_of(
        tmp_path,
        "run-t2-2026.md",
        "# Tertialrapport 2 2026 Regionala utvecklingsnämnden\n\n## 3 EU-projekt\n\n"
        "### 3.1 Grön Omställning Norr\n\n"
        "Grön Omställning Norr är regionens största EU-projekt. Projektet ska hjälpa små företag att ställa om "
        "till fossilfri produktion. Tillväxtverket beviljade "
        "stöd den 3 februari 2026 och projektet startade den 1 april 2026. Det pågår till den 31 mars 2029.\n\n"
        "Projektets totala budget är 24,6 mnkr. Finansieringen fördelas enligt följande:\n\n"
        "- EU-medel 9,8 mnkr\n- regionen 7,4 mnkr\n- kommunerna 7,4 mnkr\n",
    )
    result = report.ask("När drog EU-projektet Grön Omställning Norr igång och hur mycket kostar projektet totalt?")
    assert "1 april" in result.answer and "24,6" in result.answer, result.answer


def test_a_second_part_is_answered_further_on_in_its_section(make_store):
    # "…, och när var alla system i gång igen?": the date the second part asks stands a list and a
    # paragraph further on, with the second part's own word ("system").
    answers = Answerer(make_store({"service-2026.txt": INCIDENT}))
    r = answers.ask("När upptäcktes intrånget och när var alla system i gång igen?")
    assert r.answered and "11 februari" in r.answer and "19 februari" in r.answer, r.answer


def test_a_second_part_asking_a_figure_is_not_answered_by_a_sentence_without_one(make_store):
    # The sentence right after speaks of the municipality ("i kommunen på egen hand") but gives no
    # figure; the one before it gives the figure the second part asks ("Kommuntalet … var 32").
    answers = Answerer(make_store({"service-2026.txt": INCIDENT}))
    r = answers.ask(
        "Hur många flyktingar skickade Migrationsverket till Vikby 2025, "
        "och hur många var kommunen egentligen tänkt att ta emot?"
    )
    assert r.answered and "19" in r.answer and "32" in r.answer, r.answer
    assert "på egen hand" not in r.answer, r.answer


def test_a_second_part_that_the_first_answer_gives_is_not_asked_again(make_store):
    # "1 februari: Henrik Åberg tillträdde …" says who and when; "och när började hen?" alone would
    # find another date ("Den nya taxan börjar gälla …").
    answers = Answerer(make_store({"service-2026.txt": INCIDENT}))
    r = answers.ask("Vem är ny förvaltningschef och när började hen?")
    assert r.answered and "Henrik Åberg" in r.answer and "1 februari" in r.answer, r.answer
    assert "taxan" not in r.answer, r.answer


def test_a_second_part_of_another_kind_is_looked_for_where_the_first_answer_stands(make_store):
    # "When …, and how many households …?" asks on about the fire: the households evacuated, told
    # right after, not the households of a survey elsewhere; "Ekvägen 12" is no count of them.
    store = make_store(
        {
            "bolag-2025.txt": "Årsredovisning 2025 Bostadsbolaget\n\n2 Året\n\n"
            "Den 14 mars utbröt en brand i trapphuset på Ekvägen 12. Röken spred sig och 18 hushåll "
            "evakuerades under natten.\n\n3 Kunder\n\nEnkäten skickades till samtliga 4 100 hushåll och "
            "svarsfrekvensen blev 58 procent.\n"
        }
    )
    r = Answerer(store).ask("When did the fire break out, and how many households had to leave their homes?")
    assert r.answered and "14 mars" in r.answer and "18 hushåll" in r.answer, r.answer
    assert "58 procent" not in r.answer, r.answer


def test_an_english_word_is_found_as_the_last_part_of_a_compound(make_store):
    # "festival" is the head of "Norrviksfestivalen", as "extra" is the first part of "extrakostnader".
    store = make_store(
        {
            "kfn-2025.txt": "Årsredovisning 2025 Kultur- och fritidsnämnden\n\n1 Året\n\n"
            "Den 15–17 augusti genomfördes Norrviksfestivalen i hamnparken med omkring 12 400 besökare.\n\n"
            "Biblioteket i Norrvik hade 81 200 besökare under året.\n"
        }
    )
    from doksvar.answer.question import read_question

    q = read_question("How many visitors came to the Norrvik festival?", store.vocab)
    assert "festival" in {t.word for t in q.terms}, q.terms
    r = Answerer(store).ask("How many visitors came to the Norrvik festival?")
    assert r.answered and "12 400" in r.answer, r.answer


def test_the_reports_own_place_and_field_weigh_little_in_finding_the_sentence(make_store):
    # "inom äldreomsorgen i Tallby" of Tallby's elderly care board says which report, not which
    # sentence: the one with the permanent staff answers, not one naming the field and the place.
    store = make_store(
        {
            "tallby-aln-2026.txt": "Delårsrapport 2026 Äldrenämnden Tallby\n\n1 Omvärld\n\n"
            "Äldreomsorgen i Tallby arbetar med att rekrytera, och 240 anställda går i pension inom fem år.\n\n"
            "5 Personal\n\nDen 31 augusti hade äldrenämnden 1 384 tillsvidareanställda medarbetare.\n"
        }
    )
    r = Answerer(store).ask("Hur många fast anställda arbetar inom äldreomsorgen i Tallby?")
    assert r.answered and "1 384" in r.answer and "240" not in r.answer, r.answer


def test_an_english_question_after_a_place_in_a_ranking_asks_a_ranking(make_store):
    # "ranking" is no word of the report, yet says what is asked: a place, which no sentence here gives.
    store = make_store(
        {
            "kfn-2025.txt": "Årsredovisning 2025 Kultur- och fritidsnämnden\n\n1 Bibliotek\n\n"
            "Biblioteket och bokbussen är en plattform för dialogmöten om översiktsplanen.\n"
        }
    )
    r = Answerer(store).ask("What place did the library take in a national ranking of library services in 2025?")
    assert not r.answered, r.answer


def test_the_reason_follows_the_figure_restated_in_words(make_store):
    # The table gives the figure, the sub-heading's paragraph restates it and then says why, in a
    # clause the "därför" of the next one points back to.
    store = make_store(
        {
            "tn-2026.txt": "Tertialrapport 1 2026 Tekniska nämnden\n\n6 Investeringar\n\n"
            "Helårsprognosen är 49 700 tkr, vilket ger en avvikelse på 10 300 tkr.\n\n"
            "Projekt\tBudget 2026\tPrognos 2026\tAvvikelse\n"
            "Reningsverk etapp 2\t-42 000\t-31 500\t10 500\nFörskola Solbacken\t-18 000\t-18 200\t-200\n\n"
            "Reningsverk etapp 2\n\nProjektet beräknas förbruka 10 500 tkr mindre än budgeterat under 2026. "
            "Tilldelningsbeslutet har överprövats i förvaltningsrätten, och byggstarten skjuts därför fram "
            "till september.\n"
        }
    )
    r = Answerer(store).ask("Varför blir utgifterna för reningsverket lägre än planerat i år?")
    assert r.answered and "10 500" in r.answer and "överprövats" in r.answer, r.answer
    from doksvar.answer.score import gives_reason

    assert gives_reason("Beslutet har överprövats, och byggstarten skjuts därför fram till september.")
    assert not gives_reason("Byggstarten är i september, och projektet leds av tekniska förvaltningen.")


def test_a_plural_that_changes_the_vowel_finds_the_singular(make_store):
    # "bostäder" is the plural of "bostad", "länder" of "land": the stemmer keeps them apart.
    store = make_store(
        {
            "bolag-2025.txt": "Årsredovisning 2025 Bostadsbolaget\n\n2 Ekonomi\n\n"
            "Hyresintäkterna för bostäder blev 2 450 tkr högre än budget, eftersom vakanserna var låga.\n\n"
            "3 Lokaler\n\nLokalhyrorna blev 300 tkr lägre än budget.\n"
        }
    )
    from doksvar.answer.question import read_question

    terms = {t.word: t for t in read_question("Hur mycket högre blev intäkterna för bostaden?", store.vocab).terms}
    assert "bostäd" in terms["bostaden"].alternatives, terms["bostaden"]
    r = Answerer(store).ask("Hur mycket mer än budgeterat drog hyrorna för bostaden in?")
    assert r.answered and "2 450" in r.answer, r.answer


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("Var ser det ut att bli minus i år?", "3 500", "1 200"),
        ("Hur stort blir minuset i år?", "3 500", "1 200"),
        ("Which part is expected to end the year with money left over?", "1 200", "3 500"),
        ("Vilken del ser ut att bli plus i år?", "1 200", "3 500"),
    ],
)
def test_a_deficit_or_surplus_in_everyday_words(make_store, question, figure, not_figure):
    store = make_store(
        {
            "teknik-2026.txt": "Tertialrapport 1 2026 Tekniska nämnden\n\n6 Ekonomi\n\n"
            "6.1 Kommentarer till avvikelser\n\nGata och trafik\n\n"
            "Gata och trafik prognostiserar ett underskott om 3 500 tkr. Hela avvikelsen beror på vinterväghållningen "
            "efter en snörik vinter.\n\nFastighet\n\nFastighet prognostiserar ett överskott om 1 200 tkr, "
            "främst för att elpriset har varit lägre än budgeterat.\n"
        }
    )
    r = Answerer(store).ask(question)
    assert r.answered and figure in r.answer and not_figure not in r.answer, r.answer


SOCIAL_SERVICES = """\
Socialnämnden Åsvik – Årsredovisning 2025

1 Verksamhet

1.1 Ekonomiskt bistånd och arbetsmarknad

Under året fick 610 hushåll bistånd vid något tillfälle, 55 färre än året innan. Socialtjänstens
gemensamma mottagning öppnade den 12 januari.

1.2 Vuxen

Vuxenavdelningen har haft en hög efterfrågan på skyddat boende under året.

1.3 Volymer

Tabell 1. Volymer per kvartal 2025           Kv 1   Kv 2   Kv 3   Kv 4   Helår
Barn och unga placerade på HVB, antal          11     13     16     12      13
Hushåll med ekonomiskt bistånd, antal/mån     402    396    381    377     389

1.4 Jämförelser

Tabell 2. Jämförelse med andra kommuner                     Åsvik   Riket   Placering
Kostnad HVB barn och unga, kr/inv                           5 120   4 640         212

2 Personal

Tabell 3. Sjukfrånvaro i procent av arbetstid   2023   2024   2025
Total sjukfrånvaro, socialförvaltningen          9,7    9,2    8,8
Kommunen totalt                                  7,9    7,5    7,3

3 Ekonomi

3.1 Driftredovisning

Tabell 4. Driftredovisning per verksamhet, tkr   Budget 2025   Utfall 2025   Avvikelse
Vuxen                                                -61 400       -65 150      -3 750
Ekonomiskt bistånd                                   -48 200       -45 970       2 230
Summa                                               -109 600      -111 120      -1 520

3.2 Kommentarer

Socialnämnden redovisar ett underskott på 1 520 tkr mot budget för 2025.
Vuxen redovisar ett underskott på 3 750 tkr, som beror på fler vistelser i skyddat boende.
Ekonomiskt bistånd visar ett överskott om 2 230 tkr, eftersom färre hushåll än beräknat behövde bistånd.

3.3 Investeringar

Av investeringsbudgeten på 4 000 tkr förbrukades 2 600 tkr. Det innebär att 1 400 tkr inte har använts,
främst för att bytet av verksamhetssystem har försenats.
"""


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        # The organisation's own field ("the social services staff" of Socialnämnden's report) is
        # everyone: the administration's row answers.
        ("What was the sickness absence rate among the social services staff in 2023?", "9,7", "7,9"),
        # A unit named by its field: "vuxenavdelningen" is the row "Vuxen"; "minuset" asks the deficit.
        ("Hur stort blev minuset för vuxenavdelningen?", "3 750", "2 230"),
        # "försörjningsstöd" is the report's "ekonomiskt bistånd", whose section tells no deviation:
        # the money left over is the item's surplus in the economy chapter.
        ("Varför blev det pengar över på försörjningsstödet?", "2 230", "3 750"),
        # Money not used is what is left of a budget.
        ("Hur mycket av investeringspengarna användes inte?", "1 400", "3 750"),
        # "juli–september" is the third quarter's column; placed children are no place in a list.
        ("Hur många ungdomar var placerade på behandlingshem under juli–september?", "16", "212"),
        # "social services" of Socialnämnden's report are the whole: its deviation, not an item's.
        ("How far over budget were social services in 2025?", "1 520", "3 750"),
    ],
)
def test_a_social_services_report_asked_in_its_readers_words(make_store, question, figure, not_figure):
    r = Answerer(make_store({"asvik-son-2025.txt": SOCIAL_SERVICES})).ask(question)
    assert r.answered and figure in r.answer and not_figure not in r.answer, r.answer


COMPARED_WITH_OTHERS = """\
Barn- och utbildningsnämnden Tallmo – Delårsrapport 2026

1 Nyckeltal

Tabell 2. Tallmo jämfört med andra kommuner

| Nyckeltal | Tallmo 2024 | Tallmo 2025 | Liknande kommuner 2025 | Riket 2025 | Placering 2025 (av 290) |
| --- | ---: | ---: | ---: | ---: | ---: |
| Kostnad förskola, kr per inskrivet barn | 158 200 | 163 900 | 169 800 | 174 100 | 61 |
| Meritvärde åk 9, 17 ämnen | 216,0 | 221,3 | 219,9 | 228,4 | 140 |

Kommentar: Värdena för betyg avser vårterminen.
"""


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # Compared with others: the own figure and theirs.
        ("How does Tallmo's cost per preschool child compare with similar municipalities?", ("163 900", "169 800")),
        # A place asked with a comparison: the place, the own figure it ranks and the others'.
        ("Hur står sig niornas meritvärde jämfört med kommuner som liknar Tallmo?", ("140", "221,3", "219,9")),
    ],
)
def test_a_comparison_with_other_municipalities_gives_both_figures(make_store, question, figures):
    r = Answerer(make_store({"tallmo-bun-2026.md": COMPARED_WITH_OTHERS})).ask(question)
    assert r.answered and all(f in r.answer for f in figures), r.answer


def test_a_unit_is_found_by_its_field(make_store):
    # "avfallsverksamheten" is the table's "Avfall", "gatuavdelningen" its "Gata": a unit is named by its field.
    store = make_store(
        {
            "teknik-2026.txt": "Tertialrapport 1 2026 Tekniska nämnden\n\n1 Ekonomi\n\n"
            "Avfallsverksamheten beräknas lämna ett överskott. Gatuavdelningen har haft en snörik vinter.\n\n"
            "Tabell 1. Prognos per verksamhet, tkr\tBudget 2026\tPrognos 2026\n"
            "Avfall – intäkter\t41 500\t42 300\nGata – kostnader\t-18 200\t-21 700\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Hur mycket räknar avfallsverksamheten med att få in i intäkter enligt prognosen?")
    assert r.answered and "42 300" in r.answer, r.answer
    r = answers.ask("Vad väntas gatuavdelningens kostnader bli enligt prognosen?")
    assert r.answered and "-21 700" in r.answer, r.answer


def test_what_is_counted_must_be_in_the_evidence(make_store):
    store = make_store(
        {
            "revision-2023.txt": "Årsrapport 2023\n\n1 Granskning\n\n"
            "Få av orosanmälningarna om hedersrelaterat våld hade inkommit från skolorna.\n"
            "Granskningen omfattade 24 intervjuer med skolor och socialtjänst.\n"
        }
    )
    r = Answerer(store).ask("Hur många orosanmälningar om hedersrelaterat våld kom från skolorna?")
    assert not r.answered, r.answer


def test_a_report_term_an_english_question_was_put_into_decides(make_store):
    store = make_store(
        {
            "it-2026.txt": "Delårsrapport 2026\n\n1 Lokaler\n\n"
            "Förvaltningen genomför en årlig enkät om lokaler och arbetsmiljö.\n"
        }
    )
    r = Answerer(store).ask("What is the annual rent for the premises?")
    assert not r.answered and "hyra" in r.answer, r.answer


def test_the_reason_for_a_forecast_names_the_item_not_the_frame(make_store):
    store = make_store(
        {
            "it-delar-2026.txt": "Delårsrapport 2026\n\n1 Ekonomi\n\n"
            "Prognos helår (mnkr)\tBudget helår\tPrognos helår\tPrognosavvikelse mot budget helår\n"
            "Ekonomi\t-80,0\t-67,0\t13,0\n"
            "HR\t-40,0\t-39,5\t0,5\n\n"
            "Generellt\n\nEn positiv prognosavvikelse beror på att prognosticerade kostnader är lägre än budget.\n\n"
            "Ekonomi\n\nOmråde Ekonomi visar ett prognosöverskott för helåret, då upphandlingen av "
            "ekonomisystem har pausats.\n"
        }
    )
    r = Answerer(store).ask(
        "Vilket område väntas gå med störst överskott mot budget för helåret, och vad beror det på?"
    )
    assert r.answered and "Ekonomi" in r.answer and "ekonomisystem" in r.answer, r.answer


def test_everyday_words_alone_ask_about_the_report_as_a_whole(answers):
    r = answers.ask("Vad var orsaken till att nämnden gick med överskott?")
    assert r.answered and "vakanta" in r.answer, r.answer


def test_a_figure_in_the_sentence_after_the_one_naming_the_subject(make_store):
    store = make_store(
        {
            "ks-2023.txt": "Årsuppföljning 2023\n\n1 Lokaler\n\n"
            "Flytt av verksamheter till kommunens servicecenter i kvarteret Mården genomfördes under hösten. "
            "Arbetet har planerats under flera år och ger plats för ca 550 medarbetare.\n\n"
            "2 Näringsliv\n\n"
            "Svenskt Näringslivs enkät frågar hur dialogen med kommunens beslutsfattare upplevs på en skala 1–6. "
            "Företagen ger kommunen betyget 2,41.\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("How many staff can the new service centre in the Mården block accommodate?")
    assert r.answered and "550" in r.answer, r.answer
    r = answers.ask("Vilket betyg ger företagen dialogen med kommunens beslutsfattare?")
    assert r.answered and "2,41" in r.answer, r.answer


def test_words_of_everyday_language_in_any_form_do_not_decline(answers):
    # "dämpade" is not in the short word list, but "dämpa" is everyday Swedish; "vid utgången av" is when.
    r = answers.ask("Vilken verksamhet dämpade underskottet mest vid utgången av perioden?")
    assert "nämner inte" not in r.answer, r.answer
    r = answers.ask("Från vilket datum ska telefoniavtalet upphandlas?")
    assert "nämner inte" not in r.answer, r.answer


def test_a_verb_form_the_report_lacks_is_found_by_its_root(make_store):
    store = make_store(
        {
            "ks-2023.txt": "Årsuppföljning 2023\n\n1 Rekrytering\n\n"
            "Kommunstaben har haft 45 annonser under 2023 med totalt 814 sökande.\n"
        }
    )
    q = Answerer(store).ask("Hur många sökande fick de lediga jobb som kommunstaben utannonserade 2023?")
    assert q.answered and "814" in q.answer, q.answer


def test_a_word_is_found_under_the_word_the_report_uses_for_it(make_store):
    store = make_store(
        {
            "ks-2023.txt": "Årsuppföljning 2023\n\n1 Intern kontroll\n\n"
            "Verksamhetens sammanvägda bedömning är att kontrollsystemet fungerar tillfredsställande.\n\n"
            "2 Näringsliv\n\nFöretagen ger kommunen betyget 2,41 på en skala 1–6.\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Vilken samlad bedömning gör förvaltningen av sitt kontrollsystem?")
    assert r.answered and "tillfredsställande" in r.answer, r.answer
    r = answers.ask("Vilket omdöme ger företagen kommunen?")
    assert r.answered and "2,41" in r.answer, r.answer


def test_budget_language_measures_against_the_budget_or_the_plan():
    from doksvar.answer.question import directions

    assert directions("IT-verksamheten drog över sin budget") == {"negative"}
    assert directions("Kostnaderna blev lägre än planerat") == {"positive"}
    assert directions("Utgiften hamnade över det planerade beloppet") == {"negative"}
    assert directions("Resultatet blev bättre än budgeterat") == {"positive"}
    assert directions("Verksamheten planerar nya lokaler") == set()
    # A plus or a minus measured against the budget is a deviation; one on its own is not.
    assert directions("Nämnden redovisar ett plus på 2,1 mkr mot budget") == {"positive"}
    assert directions("Det blev ett minus jämfört med budgeten") == {"negative"}
    assert directions("Temperaturen låg på minus 4 grader") == set()
    # Beating a budget, or staying under it, is a positive deviation.
    assert directions("Med hur mycket överträffade stadsrevisionen sin budget?") == {"positive"}
    assert directions("Hur mycket underskred nämnden budgeten?") == {"positive"}
    assert directions("Varför kostade den politiska delen mer än man räknat med?") == {"negative"}
    assert directions("Kostnaderna blev högre än väntat") == {"negative"}


def test_a_count_written_as_a_word_answers_how_many_and_an_age_does_not(make_store):
    store = make_store(
        {
            "revision-2023.txt": "Årsrapport 2023\n\n1 Granskning av årsredovisningen\n\n"
            "Revisionens granskning av stadens årsredovisning 2023 visar att balanskravet nås. "
            "Fyra rekommendationer lämnas till kommunstyrelsen, varav tre kvarstår från föregående år.\n\n"
            "2 Hedersrelaterat våld\n\n"
            "Få av orosanmälningarna för barn och unga 0–19 år hade inkommit från skolorna.\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask(
        "How many recommendations did the audit of the city's 2023 annual report give to the City Executive Board?"
    )
    assert r.answered and "Fyra" in r.answer, r.answer
    r = answers.ask("Hur många orosanmälningar kom från skolorna?")
    assert not r.answered, r.answer


@pytest.mark.parametrize(
    "question",
    [
        "Why did the audit office end 2023 with a better result than budgeted?",
        "Vad låg främst bakom att revisionen gick bättre än budgeterat 2023?",
        "Av vilket skäl blev resultatet bättre än budgeterat 2023?",
    ],
)
def test_the_reason_for_a_budgeted_figure_is_no_reason_for_beating_the_budget(result_answers, question):
    r = result_answers.ask(question)
    assert r.answered and "konsulter" in r.answer and "flytt" not in r.answer, r.answer


def test_a_table_row_is_found_under_the_reports_word_for_the_question_word(make_store):
    store = make_store(
        {
            "ks-2023.txt": "Årsuppföljning 2023 KS-Kommunstab\n\n1 Personal\n\n"
            "Antal månadsanställda den 31 december\t2021\t2022\t2023\n"
            "Tillsvidareanställda totalt\t250\t271\t283\n"
            "Visstidsanställda totalt\t20\t14\t19\n"
        }
    )
    r = Answerer(store).ask("Hur många hade en tillsvidaretjänst vid kommunstaben när 2022 tog slut?")
    assert r.answered and "271" in r.answer, r.answer


def test_an_abbreviated_row_label_is_read_written_out_and_under_its_synonyms(make_store):
    store = make_store(
        {
            "ks-2023.txt": "Årsuppföljning 2023\n\n1 Personal\n\nSjukfrånvaron bland medarbetarna har minskat.\n\n"
            "Sjukfrånvaro, procent\t2022\t2023\n"
            "Tot sjukfrv : Tot ord arbtid (K)\t3,1\t3,4\n"
            "Tot sjukfrv : Tot ord arbtid (M)\t2,2\t1,7\n"
        }
    )
    r = Answerer(store).ask("Hur stor del av arbetstiden var de manliga medarbetarna sjukskrivna under 2023?")
    assert r.answered and "1,7" in r.answer and "3,4" not in r.answer, r.answer


def test_a_question_word_is_found_under_its_synonym_in_any_of_its_forms(make_store):
    # "sjukskrivningarna" is a form of "sjukskrivning", whose synonym the report uses; the one
    # sentence that has the question's own word is a goal, not the figures asked for.
    store = make_store(
        {
            "revision-2023.txt": "Årsredogörelse 2023\n\n1 Mål\n\n"
            "Den arbetsrelaterade ohälsan med sjukskrivningar ska förebyggas.\n\n"
            "2 Personal\n\nDen totala sjukfrånvaron har minskat och låg under 2023 på 1,5 procent "
            "jämfört med 2,8 procent under 2022.\n"
        }
    )
    r = Answerer(store).ask("Hur har sjukskrivningarna bland personalen utvecklats mellan 2022 och 2023?")
    assert r.answered and "1,5" in r.answer and "2,8" in r.answer, r.answer


def test_every_figure_of_an_answer_stands_in_its_quotes_when_a_sentence_crosses_markup(make_store):
    store = make_store(
        {
            "miljo-2024.md": "# Årsredovisning 2024\n\n## Ekonomi\n\n"
            "Jämfört med budget har nämnden en positiv budgetavvikelse på +0,2 miljoner kronor. "
            "Det är i första hand kostnaderna för <span>arvoden</span> som varit 140 tusen kronor lägre för året.\n"
        }
    )
    r = Answerer(store).ask("Varför hamnade nämnden under budget 2024?")
    assert r.answered and "arvoden" in r.answer and "140" in r.answer, r.answer
    quotes = " ".join(c.quote for c in r.citations)
    for figure in re.findall(r"\d+(?:,\d+)?", r.answer):
        assert figure in quotes, (figure, r.citations)


@pytest.mark.parametrize(
    ("question", "wanted", "unwanted"),
    [
        ("Vilka verksamheter hade lägre kostnader eller högre intäkter än budgeterat?", "2,9", "1,9"),
        ("Vilka verksamheter minskade överskottet?", "1,9", "2,9"),
    ],
)
def test_what_made_a_deficit_smaller_is_a_positive_deviation(answers, question, wanted, unwanted):
    # "dämpade underskottet" names a deficit but asks for what went better than budget; lower costs
    # or higher income than budgeted are better, whatever stands between them and "än budgeterat".
    r = answers.ask(question)
    assert r.answered and wanted in r.answer and unwanted not in r.answer, r.answer


def test_a_sentence_about_another_year_does_not_answer_for_the_year_asked(make_store):
    store = make_store(
        {
            "delar-2026.txt": "Delårsrapport mars 2026\n\n2 Cybersäkerhet\n\n"
            "Implementeringen av cybersäkerhetslagen kräver resurser utöver budget. "
            "De utökade kostnaderna för april till december beräknas uppgå till ca 24 miljoner kronor.\n\n"
            "Implementeringen av cybersäkerhetslagen fortsätter under 2027 och kostnaderna utöver budget "
            "beräknas uppgå till ca 25 miljoner kronor.\n"
        }
    )
    r = Answerer(store).ask(
        "Hur mycket beräknas implementeringen av cybersäkerhetslagen kosta utöver budget under april–december 2026?"
    )
    assert r.answered and "24" in r.answer and "25" not in r.answer, r.answer


@pytest.mark.parametrize(
    "question",
    [
        "Var hamnade kommunen hos Svenskt Näringsliv?",
        "Where did the municipality end up with Svenskt Näringsliv?",
    ],
)
def test_where_a_municipality_ended_up_is_a_ranking_question(answers, question):
    r = answers.ask(question)
    assert r.answered and r.intent == "ranking" and "112" in r.answer and "50" not in r.answer, (r.intent, r.answer)


def test_a_figure_the_question_states_is_no_answer(make_store):
    store = make_store(
        {
            "personal-2023.txt": "Personalredovisning 2023\n\n1 Sjukfrånvaro\n\n"
            "Sjukfrånvaron bland medarbetare upp till 29 år är högre än bland övriga medarbetare. "
            "Bland de yngsta var den 6,4 procent.\n"
        }
    )
    r = Answerer(store).ask("Hur stor var sjukfrånvaron bland medarbetare upp till 29 år?")
    assert r.answered and "6,4" in r.answer, r.answer


BUDGETS = (
    "Årsuppföljning 2024 Tekniska nämnden\n\n1 Ekonomi\n\n"
    "Utfallet för året ligger på 33,5 mkr vilket är 3,5 mkr mer än budget.\n\n"
    "Investeringar\n\n"
    "Projekt (tkr)\tBudget 2024\tUtfall 2024\tUtfall - budget 2024\n"
    "Tekniska nämnden\t-12 000\t-13 100\t-1 100\nSumma\t-12 000\t-13 100\t-1 100\n"
)


@pytest.mark.parametrize(
    ("question", "wanted", "unwanted"),
    [
        ("Med hur mycket överskred nämnden sin driftbudget 2024?", "3,5", "100"),
        ("Med hur mycket överskred nämnden sin investeringsbudget 2024?", "100", "3,5"),
    ],
)
def test_operations_and_investments_are_two_budgets(make_store, question, wanted, unwanted):
    r = Answerer(make_store({"teknik-2024.txt": BUDGETS})).ask(question)
    assert r.answered and wanted in r.answer and unwanted not in r.answer, r.answer


def test_a_figure_compared_with_another_period_gives_both_columns(make_store):
    store = make_store(
        {
            "delar-2026.txt": "Delårsrapport mars 2026\n\n2 Personal\n\n"
            "Personalvolym\tAktuell period\tMotsvarande period föregående år\tPrognos 2026\tUtfall 2025\n"
            "Antal årsarbetare\t197,7\t188,7\t750\t733,8\n"
        }
    )
    r = Answerer(store).ask("Hur många årsarbetare fanns under perioden jämfört med motsvarande period föregående år?")
    # The figure asked for first, then the one it is compared with; not the latest full year's.
    assert r.answered and "197,7" in r.answer and "188,7" in r.answer and "733,8" not in r.answer, r.answer
    assert r.answer.index("197,7") < r.answer.index("188,7")


def test_what_something_led_to_is_read_where_the_report_goes_on(make_store):
    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024\n\n1 Verksamhet\n\n"
            "Under våren ändrade Skatteverket sättet som nämnden får tillgång till folkbokföringen. "
            "Från att ha haft direkt tillgång beställer vi nu uppgifterna per post. "
            "Detta har inneburit långa handläggningstider i tillsynen.\n"
        }
    )
    r = Answerer(store).ask("Vad har Skatteverkets ändrade sätt att lämna ut uppgifter fått för följder?")
    assert r.answered and "handläggningstider" in r.answer, r.answer


def test_which_one_is_named_by_the_heading_when_the_sentence_says_only_its_kind(make_store):
    store = make_store(
        {
            "revision-2023.txt": "Årsredogörelse 2023\n\n1 Granskning\n\n1.1 Kritik riktas till idrottsnämnden\n\n"
            "Den samlade bedömningen är att verksamheten delvis har bedrivits ändamålsenligt. "
            "Vi ser allvarligt på att nämnden inte har agerat på de negativa budgetavvikelserna.\n\n"
            "1.2 Kulturnämndens arbete med bibliotek\n\nKulturnämnden har arbetat väl med biblioteken.\n"
        }
    )
    r = Answerer(store).ask("Vilken nämnd fick kritik för att inte ha agerat på sina negativa budgetavvikelser?")
    assert r.answered and "idrottsnämnden" in r.answer.lower(), r.answer


def test_the_noun_after_an_adjective_is_what_a_which_question_asks_for(make_store):
    store = make_store(
        {
            "revision-2023.txt": "Årsredogörelse 2023\n\n1 Uppdrag\n\n"
            "Lekmannarevisorerna granskar de kommunala bolag som helt eller delvis ägs av kommunen.\n\n"
            "2 Kritik riktas till Hamnbolaget i Staden AB\n\n"
            "Granskningen visade brister i styrningen. "
            "Därför riktar lekmannarevisorerna kritik mot bolaget i form av en erinran.\n"
        }
    )
    r = Answerer(store).ask("Vilket kommunalt bolag fick en erinran av lekmannarevisorerna?")
    assert r.answered and "Hamnbolaget i Staden AB" in r.answer, r.answer


def test_which_one_had_the_most_is_the_largest_count_of_a_counted_list(make_store):
    store = make_store(
        {
            "skola-2024.txt": "Årsredovisning 2024 Skolnämnden\n\n1 Trygghet\n\n"
            "Mått\tUtfall 2024\tUtfall 2023\nAntal anmälningar om kränkningar\t9\t7\n\n"
            "Under 2024 kom totalt 9 anmälningar om kränkningar in till nämnden. "
            "Anmälningarna kom från följande skolor:\n\n"
            "- Ekskolan (2)\n- Björkskolan (5)\n- Tallskolan (2)\n"
        }
    )
    r = Answerer(store).ask("Vilken skola fick flest anmälningar om kränkningar 2024?")
    assert r.answered and "Björkskolan" in r.answer, r.answer


def test_plus_or_minus_against_the_budget_asks_for_the_deviation(make_store):
    from doksvar.answer.intent import intent_of
    from doksvar.answer.question import direction_fit, read_question

    store = make_store({"fritid-2025.txt": "Årsbokslut 2025\n\n1 Ekonomi\n\nÅrets idrottspris gick till simklubben.\n"})
    q = read_question("Gick fritidsnämnden med plus eller minus mot budgeten 2025?", store.vocab)
    assert intent_of(q) == "deviation"
    # Either way is asked: neither decides, and "gick" (said once in the report) is no subject.
    assert q.positive and q.negative
    assert "gick" not in {t.word for t in q.terms}
    # A sentence stating a deviation either way fits the question; one stating none does not.
    assert direction_fit(q, "Nämnden redovisar ett underskott mot budget med 2 mnkr.") == 1
    assert direction_fit(q, "Nämnden öppnade en ny fritidsgård.") == 0


def test_a_synonym_is_found_in_the_forms_the_report_writes_it(make_store):
    store = make_store(
        {
            "befolkning-2023.txt": "Årsuppföljning 2023\n\n1 Befolkning\n\n"
            "Flyttnettot gentemot övriga riket är fortsatt negativt, -124 personer.\n\n"
            "Antalet födda ökade något under året.\n"
        }
    )
    # The report writes "Flyttnettot"; the question the word's synonym "flyttningsbalansen".
    r = Answerer(store).ask("Hur såg flyttningsbalansen ut gentemot övriga riket?")
    assert r.answered and "-124" in r.answer, r.answer


def test_a_which_question_opened_by_a_verb_does_not_take_the_verb_for_its_subject(make_store):
    store = make_store(
        {
            "kultur-2025.txt": "Årsbokslut 2025 Kulturnämnden\n\n1 Händelser\n\n"
            "Kommunens idrottspris 2025 tilldelades Petra Damm, armbrytare.\n\n"
            "Kommunens kulturpris 2025 tilldelades Leif Hjärre.\n\n"
            "Kommunens byggnadsvårdspris 2025 gick till Charlotta och Christian Svanfeldt.\n"
        }
    )
    r = Answerer(store).ask("Vilka tilldelades kommunens byggnadsvårdspris i år?")
    assert r.answered and "Svanfeldt" in r.answer, r.answer


def test_an_english_word_is_read_as_a_report_word_or_a_compound_s_first_part_not_a_piece_inside(make_store):
    from doksvar.answer.question import read_question

    store = make_store(
        {
            "stab-2023.txt": "Årsuppföljning 2023\n\n1 Inköp\n\n"
            "En miljöspendanalys av inköpen gjordes under året.\n\n"
            "Lägesbilden av de våldsbejakande extremistmiljöerna uppdaterades senast 2018.\n\n"
            "Museum/konsthall hade en budget på 12 mnkr.\n"
        }
    )
    q = read_question("How much did the office spend on extremist environments and Museum/konsthall?", store.vocab)
    read = {t.word for t in q.terms}
    assert "spend" not in read  # not the "spend" inside "miljöspendanalys"
    assert {"extremist", "museum", "konsthall"} <= read


def test_a_compound_whose_vague_head_the_report_lacks_is_read_by_its_first_part(make_store):
    from doksvar.index.query import analyse

    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024\n\n1 Ekonomi\n\n"
            "Nämnden har en positiv budgetavvikelse på 0,2 mnkr. Det är i första hand kostnaderna "
            "för arvoden som varit lägre än budgeterat.\n\n"
            "Bussarna i kollektivtrafiken byttes under året.\n\n"
            "2 Investeringar\n\nInvesteringarna blev 2,2 mnkr lägre än budgeterat.\n"
        }
    )
    # "post" of "kostnadspost" is everyday Swedish and not in the report: "kostnad" is what is asked about.
    read = {t.word: t for t in analyse("vilken kostnadspost förklarar avvikelsen", store.vocab)}
    assert any(w.startswith("kostnad") and t.found for w, t in read.items())
    r = Answerer(store).ask("Vilken kostnadspost förklarar att nämnden hamnade under budget?")
    assert r.answered and "arvoden" in r.answer, r.answer
    # A word for what something cost says as little: "investeringsutgifterna" are the investments.
    r = Answerer(store).ask("Hur mycket lägre blev investeringsutgifterna än vad som var budgeterat?")
    assert r.answered and "2,2" in r.answer, r.answer
    # "flotta" is no vague head: a question about the bus fleet is not one about buses.
    assert [t.word for t in analyse("hur stor är bussflottan", store.vocab) if t.found] == []


def test_a_past_verb_finds_the_nouns_made_from_it(make_store):
    store = make_store(
        {
            "bibliotek-2025.txt": "Årsbokslut 2025 Kulturnämnden\n\n1 Läsfrämjande\n\n"
            "Sommarboken lockade fler deltagare (541 st) än 2024. Barnen läste under hela sommaren.\n\n"
            "Biblioteket deltog i den nationella läsveckan.\n\n"
            "2 Personal\n\nKulturnämnden hade 12 annonser med totalt 230 sökande.\n"
        }
    )
    answerer = Answerer(store)
    r = answerer.ask("Hur många barn deltog i Sommarboken?")
    assert r.answered and "541" in r.answer, r.answer
    r = answerer.ask("Hur många personer sökte de lediga tjänsterna?")
    assert r.answered and "230" in r.answer, r.answer


def test_a_deviation_against_the_budget_is_not_a_results_surplus(make_store):
    store = make_store(
        {
            "revision-2023.txt": "Årsredogörelse 2023\n\n1 Sammanfattning\n\n"
            "Revisionskontoret har erhållit anslag om 39 926 tkr. Periodens resultat för revisionskontoret "
            "visar ett överskott på 740 tkr.\n\n"
            "2 Ekonomi\n\n"
            "Revisionskontorets årsresultat blev 740 tkr mot budgeterade -750 tkr, vilket ger en positiv "
            "avvikelse med 1 490 tkr mot budget.\n"
        }
    )
    r = Answerer(store).ask("Hur stor positiv avvikelse mot budget redovisade revisionskontoret för 2023?")
    assert r.answered and "1 490" in r.answer and r.answer.index("1 490") < r.answer.index("740"), r.answer


def test_a_duration_does_not_answer_how_many(make_store):
    store = make_store(
        {
            "bad-2025.txt": "Årsbokslut 2025 Fritidsnämnden\n\n1 Baden\n\n"
            "Under stängningen erbjöds besökare och skolor bassängtider på friluftsbadet Norrbadet 2025 "
            "under fem veckor.\n\n"
            "2 Statistik\n\n"
            "Antal besökare\tBokslut 2024\tBokslut 2025\nSimhallen\t41 200\t39 800\nNorrbadet\t7 519\t8 035\n"
        }
    )
    # The sentence names the pool best, but "fem veckor" counts weeks, not visitors.
    r = Answerer(store).ask("Hur många besökare hade friluftsbadet Norrbadet 2025?")
    assert not (r.answered and "fem veckor" in r.answer), r.answer
    # Asked how many weeks, the weeks are the answer.
    r = Answerer(store).ask("Hur många veckor erbjöds skolor bassängtider på Norrbadet?")
    assert r.answered and "fem veckor" in r.answer, r.answer


def test_supervision_and_revising_are_read_in_the_reports_words(make_store):
    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024 Miljönämnden\n\n1 Verksamhet\n\n"
            "Den planerade tillsynen är i fas med beslutad tillsynsplan. Nämnden reviderade i november "
            "tillsynsplanen. Den främsta orsaken till revideringen är att bemanningen varit lägre än planerat.\n\n"
            "Kartproduktionen har försenats.\n"
        }
    )
    r = Answerer(store).ask("Why did the committee revise its supervision plan in November?")
    assert r.answered and "bemanningen" in r.answer, r.answer


def test_this_has_meant_points_back_to_what_the_paragraph_told_before_it(make_store):
    store = make_store(
        {
            "bygg-2024.txt": "Årsredovisning 2024 Byggnämnden\n\n1 Händelser\n\n"
            "Under våren ändrade Lantmäteriet hur kommunen får tillgång till akter. Från att ha haft en "
            "e-tjänst beställer vi nu enskilda akter per e-post. Detta har inneburit långa förseningar "
            "vid produktion av kartor.\n\n"
            "Tillsynsplanen reviderades i november. Den främsta orsaken till revideringen är att "
            "bemanningen varit lägre än planerat.\n"
        }
    )
    r = Answerer(store).ask("Vad har orsakat förseningarna i kartproduktionen?")
    assert r.answered and "Lantmäteriet" in r.answer, r.answer
    assert "bemanningen" not in r.answer  # the reason for something else


def test_all_of_them_answers_how_many_of_a_whole_not_how_many_there_were(make_store):
    store = make_store(
        {
            "hemtjanst-2023.txt": "Årsredogörelse 2023\n\n1 Hemtjänst\n\n"
            "Stadsrevisionen har granskat styrning och uppföljning av hemtjänsten. I alla de "
            "hemtjänstärenden som granskades fanns en genomförandeplan.\n\n"
            "2 Nämnderna\n\nSamtliga nämnder har antagit en plan för intern kontroll.\n"
        }
    )
    answerer = Answerer(store)
    r = answerer.ask("Hur många hemtjänstärenden ingick i granskningen av hemtjänsten?")
    assert not r.answered, r.answer
    r = answerer.ask("Hur många av nämnderna har antagit en plan för intern kontroll?")
    assert r.answered and "Samtliga" in r.answer, r.answer


def test_what_an_english_question_counts_decides_when_the_report_lacks_it(make_store):
    store = make_store(
        {
            "bibliotek-2025.txt": "Årsbokslut 2025 Kulturnämnden\n\n1 Bibliotek\n\n"
            "Biblioteket har två lagstadgade uppdrag. Antalet besökare ökade till 116 000.\n\n"
            "Verksamhet\tUtfall 2025\tBudget 2025\nBibliotek\t-13 123\t-13 152\n"
        }
    )
    answerer = Answerer(store)
    r = answerer.ask("How many e-books did the library lend out in 2025?")
    assert not r.answered, r.answer
    r = answerer.ask("How many visitors did the library have in 2025?")
    assert r.answered and "116 000" in r.answer, r.answer


def test_who_or_which_company_is_answered_by_a_name_or_declined(make_store):
    text = (
        "Delårsrapport 2026\n\n1 Upphandlingar\n\n"
        "Under 2026 slutfördes upphandlingen av leverantörsavtalet för telefoni och tilldelning har skett.\n\n"
        "Avtalet om städning tilldelades Rent & Fint Städ AB efter en utvärdering av tre anbud.\n"
    )
    answerer = Answerer(make_store({"delar-2026.txt": text}))
    r = answerer.ask("Vilken leverantör tilldelades det nya telefoniavtalet?")
    assert not r.answered, r.answer  # the report says it was awarded, not to whom
    r = answerer.ask("Vilket företag tilldelades avtalet om städning?")
    assert r.answered and "Rent & Fint Städ AB" in r.answer, r.answer


def test_everyday_phrases_find_the_report_term_they_mean(make_store):
    store = make_store(
        {
            "personal-2023.txt": "Årsuppföljning 2023\n\n1 Personal\n\n"
            "Antal anställda\t2022\t2023\nTillsvidareanställda kvinnor\t175\t181\n"
            "Visstidsanställda kvinnor\t12\t9\n\n"
            "Sjukfrånvaro, procent\t2022\t2023\nTotalt\t5,1\t4,8\n"
        }
    )
    answerer = Answerer(store)
    r = answerer.ask("Hur många fast anställda kvinnor fanns 2023?")
    assert r.answered and "181" in r.answer, r.answer
    r = answerer.ask("Hur mycket var de anställda borta på grund av sjukdom 2023?")
    assert r.answered and "4,8" in r.answer, r.answer


def test_an_english_overrun_is_a_negative_deviation(bundled_answerer):
    r = bundled_answerer.ask("What was the single largest cause of the operating budget overrun?")
    assert r.answered and "14,2" in r.answer, r.answer


def test_a_deviation_that_points_back_is_named_by_the_sentence_before(make_store):
    store = make_store(
        {
            "stab-2023.txt": "Årsuppföljning 2023\n\n1 Investeringar\n\n"
            "Investeringsbudgeten för 2023 består främst av följande delar:\n\n"
            "- Markinköp budgeterades till 4 mkr 2023. Utfallet blev dock 13,5 mkr vilket innebär en "
            "avvikelse på 9,5 mkr. Förklaringen till avvikelsen är ett ej planerat återköp.\n"
            "- Lokaler budgeterades till 18,7 mkr och 15,4 mkr användes.\n"
        }
    )
    r = Answerer(store).ask("Vilken del av investeringarna gick mest över budget, och vad var orsaken?")
    assert r.answered and "Markinköp" in r.answer and "återköp" in r.answer, r.answer
    assert "följande delar" not in r.answer  # what the budget is made of is no reason


def test_it_is_a_decrease_brings_what_it_is(make_store):
    store = make_store(
        {
            "personal-2023.txt": "Årsuppföljning 2023\n\n1 Personal\n\n"
            "Personalomsättningen år 2023 är 11 %. Det är en liten minskning jämfört med 2022 då "
            "personalomsättningen var 12,9 %.\n"
        }
    )
    r = Answerer(store).ask("Har personalomsättningen ökat eller minskat jämfört med året innan?")
    assert r.answered and "11 %" in r.answer and "12,9" in r.answer, r.answer


def test_an_amount_of_money_does_not_answer_how_many(make_store):
    store = make_store(
        {
            "stab-2023.txt": "Årsuppföljning 2023\n\n1 Lokaler\n\n"
            "Det nya servicecentret har nyttjat 15,4 mkr av budgeten på 18,7 mkr.\n\n"
            "2 Flytt\n\nFlytten till servicecentret genomfördes under hösten. Huset ger plats för ca 550 "
            "medarbetare.\n"
        }
    )
    r = Answerer(store).ask("Ungefär hur många anställda ska rymmas i det nya servicecentret?")
    assert r.answered and "550" in r.answer, r.answer


def test_what_hur_mycket_measures_decides_when_the_report_lacks_it(make_store):
    store = make_store(
        {
            "kultur-2025.txt": "Årsbokslut 2025 Kulturnämnden\n\n1 Investeringar\n\n"
            "Projekt\tBudget 2025\tUtfall 2025\nOmbyggnad Hafreborg\t0,600\t0,474\n\n"
            "Ombyggnaden av Hafreborg blev klar i oktober.\n"
        }
    )
    answerer = Answerer(store)
    r = answerer.ask("Hur mycket betalade nämnden i hyra för Hafreborg 2025?")
    assert not r.answered and "hyra" in r.answer, r.answer  # the rebuild's cost is no rent
    r = answerer.ask("Hur mycket kostade ombyggnaden av Hafreborg 2025?")
    assert r.answered and "0,474" in r.answer, r.answer


def test_an_english_question_keeps_words_joined_by_a_dash(make_store):
    store = make_store(
        {
            "stab-2023.txt": "Årsuppföljning 2023\n\n1 Händelser\n\n"
            "Ett större internationellt möte mellan EU och USA hölls i slutet av maj.\n\n"
            "2 Ekonomi\n\nNettokostnader\tUtfall 2023\tBudget 2023\nTotalt\t307 662\t287 901\n"
        }
    )
    r = Answerer(store).ask("How much did hosting the EU–US meeting in May cost the municipality?")
    assert not r.answered, r.answer  # the meeting is there, its cost is not; the total is no answer


def test_a_figure_of_what_the_subject_caused_is_no_figure_of_the_subject(make_store):
    store = make_store(
        {
            "fritid-2025.txt": "Årsbokslut 2025 Fritidsnämnden\n\n1 Investeringar\n\n"
            "Löparbanan blev klar under hösten. Däremot har en stor del av projektet (0,9 mnkr) skjutits "
            "framåt på grund av renoveringen av sporthallen.\n"
        }
    )
    r = Answerer(store).ask("Vad beräknas renoveringen av sporthallen kosta totalt?")
    assert not r.answered, r.answer


def test_english_cost_words_are_read_as_the_reports(make_store):
    store = make_store(
        {
            "delar-2026.txt": "Delårsrapport 2026\n\n1 Ekonomi\n\n"
            "Tillkommande kostnader utöver årlig analys beräknas uppgå till ca 25 miljoner kronor 2027.\n\n"
            "Kostnaderna för lokaler blev 12 miljoner kronor.\n"
        }
    )
    r = Answerer(store).ask("What additional costs beyond the annual analysis are expected in 2027?")
    assert r.answered and "25 miljoner" in r.answer, r.answer


def test_a_bracketed_term_the_report_uses_stands_for_the_words_before_it(make_store):
    store = make_store(
        {
            "drift-2026.txt": "Delårsrapport 2026\n\n1 Drift\n\n"
            "Det var ett allvarligt läge under våren.\n\n"
            "Vi har under perioden haft major incidents inom följande tjänster:\n\n"
            "- Lokalt Nät - LAN (2)\n- Telefoni (1)\n"
        }
    )
    r = Answerer(store).ask("Vilken tjänst hade flest allvarliga driftstörningar (major incidents) under perioden?")
    assert r.answered and "Lokalt Nät" in r.answer, r.answer


def test_the_full_year_asked_is_not_answered_from_the_period_so_far(make_store):
    store = make_store(
        {
            "delar-2026.txt": "Delårsrapport mars 2026\n\n1 Ekonomi\n\n"
            "Kostnader period (mnkr)\tUtfall period\tBudget period\tBudgetavvikelse\n"
            "Direktförsäljning och övrigt\t72,0\t77,0\t-5,0\n\n"
            "Kostnader helår (mnkr)\tPrognos helår\tBudget helår\tPrognosavvikelse mot budget helår\n"
            "Direktförsäljning och övrigt\t305,7\t295,8\t-9,9\n"
        }
    )
    question = "By how much are full-year costs for Direktförsäljning och övrigt forecast to exceed budget?"
    r = Answerer(store).ask(question)
    assert r.answered and "9,9" in r.answer and "5,0" not in r.answer, r.answer


def test_a_compound_is_found_by_a_long_part_the_report_writes_on_its_own(make_store):
    from doksvar.index.query import analyse

    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024\n\n1 Tillsyn\n\n"
            "Tillsyn enligt miljöbalken av förorenade områden är av extra vikt för förvaltningen.\n"
        }
    )
    read = {t.word: t for t in analyse("vilka områden inom miljöbalkstillsyn är viktiga", store.vocab)}
    assert "miljöbalkstillsyn" not in read and read["tillsyn"].found
    assert any(w.startswith("miljöbalk") and t.found for w, t in read.items())


def test_climate_words_of_an_english_question_are_read_as_the_reports(make_store):
    store = make_store(
        {
            "miljo-2024.txt": "Årsredovisning 2024\n\n1 Omvärld\n\n"
            "Klimatförändringarna gör att skyfallen blir vanligare, vilket påverkar kvalitén på badvattnet.\n\n"
            "Under hösten beslutades en omorganisering för att rusta verksamheten för framtiden.\n"
        }
    )
    r = Answerer(store).ask("How are more frequent cloudbursts affecting the department's work?")
    assert r.answered and "skyfallen" in r.answer, r.answer


def test_a_month_asked_chooses_the_column_of_that_month(make_store):
    store = make_store(
        {
            "miljo-2024.md": "# Årsredovisning 2024\n\n## Prognossäkerhet\n\n"
            "| Nämnd (belopp i mkr) | Prognos delår april | Prognos delår augusti | Bokslut 2024 |\n"
            "| --- | --- | --- | --- |\n| Miljönämnden | 0,0 | 0,1 | 0,2 |\n"
        }
    )
    r = Answerer(store).ask("Vad var prognosen för miljönämnden i delårsrapporten per augusti 2024?")
    assert r.answered and "0,1" in r.answer and "augusti" in r.answer, r.answer


def test_the_genre_s_abbreviation_for_full_time_equivalents_is_read_written_out():
    from doksvar.answer.tables import label_stems
    from doksvar.lang.words import stem

    assert stem("årsarbetare") in label_stems("Ack åa helår 2025")


def test_a_part_with_no_subject_of_its_own_is_not_answered_about_the_whole_report(make_store):
    store = make_store(
        {
            "fritid-2025.txt": "Årsbokslut 2025 Fritidsnämnden\n\n1 Samverkan\n\n"
            "Samverkan ses som en förutsättning för effektiv resursanvändning.\n\n"
            "2 Investeringar\n\nBudgeten för löparbanan (2,4 mnkr) har inte utnyttjats och flyttas till 2026.\n"
        }
    )
    # "avsatt" is the budget's word; the second part speaks of the first part's subject.
    r = Answerer(store).ask("Hur mycket var avsatt för löparbanan och vad händer med pengarna som inte användes?")
    assert r.answered and "2,4 mnkr" in r.answer and "Samverkan" not in r.answer, r.answer


def test_the_unit_asked_chooses_the_figure_stated_in_it(make_store):
    store = make_store(
        {
            "miljo-2024.md": "# Årsredovisning 2024\n\n## Ekonomi\n\n"
            "| Utfall (miljoner kronor) | Utfall 2023 | Utfall 2024 |\n| --- | --- | --- |\n"
            "| Avvikelse | 0,3 | 0,2 |\n\n"
            "## Ombudgetering\n\nÖverskott för driftsbudget, 180 000 kronor, återredovisas till kommunstyrelsen.\n"
        }
    )
    r = Answerer(store).ask("Hur stort är nämndens överskott 2024 uttryckt i kronor?")
    assert r.answered and "180 000 kronor" in r.answer, r.answer


def test_units_of_a_figure_are_told_apart(make_store):
    from doksvar.answer.question import read_question, unit_fit

    store = make_store({"r.txt": "Rapport 2024\n\n1 Ekonomi\n\nÖverskottet blev 1 490 tkr.\n"})
    q = read_question("Hur stort var överskottet i tkr?", store.vocab)
    assert unit_fit(q, "Överskottet blev 1 490 tkr.") == 1
    assert unit_fit(q, "Överskottet blev 1,5 miljoner kronor.") == -1
    assert unit_fit(q, "Överskottet ökade.") == 0


def test_a_key_figure_s_target_column_is_not_its_outcome(make_store):
    store = make_store(
        {
            "vard-2025.txt": "Årsredovisning 2025\n\n1 Nyckeltal\n\nTabell 5. Nyckeltal, målvärde och utfall\n"
            "Nyckeltal\tMålvärde 2025\tUtfall 2025\tUtfall 2024\n"
            "Andel nöjda brukare, %\t90\t87\t88\n"
            "Kostnad för inhyrd personal, mnkr\t4,0\t6,8\t11,5\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Vad kostade den inhyrda personalen under 2025?")
    assert r.answered and "6,8" in r.answer and "4,0" not in r.answer, r.answer
    r = answers.ask("Vilket målvärde hade nämnden för kostnaden för inhyrd personal 2025?")
    assert r.answered and "4,0" in r.answer, r.answer
    # Asked after the figure, the target is shown beside the outcome.
    for question in (
        "Vad kostade den inhyrda personalen 2025, och vilket var målet?",
        "What did hired staff cost in 2025, compared with the target?",
    ):
        r = answers.ask(question)
        assert r.answered and "6,8" in r.answer and "4,0" in r.answer, r.answer


def test_budget_phrases_are_no_subject_of_the_question(answers):
    from doksvar.answer.question import read_question

    # "dyrare än planerat" is one phrase of direction: "planerat" names nothing the question is about.
    q = read_question("Varför blev hemtjänsten dyrare än planerat?", answers.store.vocab)
    assert q.negative and not q.positive and "planerat" in q.direction
    q = read_question("Vad blev billigare än budgeterat?", answers.store.vocab)
    assert q.positive and "budgeterat" in q.direction
    # Measured against the budget, whichever way it went, is a deviation question.
    from doksvar.answer.intent import intent_of

    q = read_question("Hur gick det för nämnden ekonomiskt 2025 jämfört med budget?", answers.store.vocab)
    assert intent_of(q) == "deviation"


CARE_REPORT = """\
Årsredovisning 2025 Vård- och omsorgsnämnden

1 Sammanfattning

Årets resultat blev ett underskott mot budget på 9,5 mnkr.

2 Ekonomi

Tabell 1. Ekonomiskt resultat i sammandrag (mnkr)
Resultaträkning\tUtfall 2025\tBudget 2025
Nettokostnad\t621,9\t612,4
Kommunbidrag\t612,4\t612,4

2.1 Driftredovisning

Tabell 2. Driftredovisning per verksamhet (mnkr)
Verksamhet\tUtfall 2025\tBudget 2025\tAvvikelse
Särskilt boende\t248,7\t241,2\t-7,5
Hemtjänst\t142,9\t136,5\t-6,4
Hälso- och sjukvård\t61,4\t63,0\t1,6
Summa\t621,9\t612,4\t-9,5

Hemtjänsten gick 6,4 mnkr sämre än budget. Under året beviljades sammanlagt 312 000 hemtjänsttimmar.
Hälso- och sjukvården fick lägre kostnader än budgeterat, 1,6 mnkr. Inhyrningen av sjuksköterskor har minskat.
"""


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("How many hours of home help were granted in 2025?", "312 000"),
        ("What did home help cost in 2025?", "142,9"),
        ("Vad kostade hemtjänsten netto under 2025?", "142,9"),
        ("Hur mycket kostade särskilt boende 2025?", "248,7"),
    ],
)
def test_a_municipal_service_is_found_by_its_everyday_name_in_either_language(make_store, question, wanted):
    # "hemtjänst", "hälso- och sjukvård" are common Swedish words, yet they name the one service asked
    # about; "kostade", "netto" say what kind of figure, which the summary's "Nettokostnad" row is too.
    r = Answerer(make_store({"vard-2025.txt": CARE_REPORT})).ask(question)
    assert r.answered and wanted in r.answer and "9,5" not in r.answer and "621,9" not in r.answer, r.answer


def test_the_organisation_s_net_cost_is_the_summary_row(make_store):
    r = Answerer(make_store({"vard-2025.txt": CARE_REPORT})).ask("Vad var nämndens nettokostnad 2025?")
    assert r.answered and "621,9" in r.answer, r.answer


def test_a_table_dated_at_the_year_s_end_covers_the_end_of_the_year(answers):
    from doksvar.answer.question import read_question
    from doksvar.answer.score import coverage

    q = read_question("Hur stort var det egna kapitalet vid utgången av 2023?", answers.store.vocab)
    period = next(t for t in q.content if t.word == "utgången")
    weights = {"utgången": (period, 1.0)}
    assert coverage(weights, [("Tabell 1 Utfall per 2023-12-31", 1.0)]) == 1.0
    assert coverage(weights, [("Tabell 1 Utfall per 2023-06-30", 1.0)]) == 0.0


def test_the_cover_of_a_pdf_report_never_answers(make_store):
    # The cover repeats the report's title as a line of text: it says what the report is, not what it says.
    pdf = (Path(__file__).parent / "data" / "fjallsjo-vard-2025.pdf").read_bytes()
    store = make_store({"fjallsjo-vard-2025.pdf": pdf})
    r = Answerer(store).ask("Hur gick det för vård- och omsorgsnämnden ekonomiskt 2025 jämfört med budget?")
    assert r.answered and "9,5" in r.answer and not r.answer.startswith("Årsredovisning"), r.answer


def test_the_organisation_on_a_report_s_cover_is_not_what_a_question_is_about(make_store):
    # "Barn- och utbildningsnämnden, Sjöviks kommun" stands under the report's title on its cover.
    text = (Path(__file__).parent / "data" / "sjovik-bun-delar-2026.md").read_text(encoding="utf-8")
    store = make_store({"sjovik-bun-delar-2026.md": text})
    r = Answerer(store).ask(
        "Hur gick det ekonomiskt för barn- och utbildningsnämnden under årets första åtta månader jämfört med budget?"
    )
    assert r.answered, r.answer


def test_the_whole_s_deviation_is_answered_alone_where_the_question_asks_about_the_whole(make_store):
    store = make_store(
        {
            "rtj-2025.txt": "Årsredovisning 2025 Räddningstjänsten\n\n1 Ekonomi\n\n"
            "Förbundet redovisar ett resultat på 2 140 tkr mot budgeterade 300 tkr, vilket ger en positiv "
            "budgetavvikelse om 1 840 tkr.\n\n"
            "2 Verksamheterna\n\nUtbildning och övning visar ett överskott på 860 tkr. "
            "Fordon och materiel visar ett överskott på 840 tkr. Räddningsinsatser överskred budgeten med 1 250 tkr.\n"
        }
    )
    answers = Answerer(store)
    for question in (
        "Hur stort överskott mot budget redovisar förbundet för 2025?",
        "Hur mycket bättre än budget gick förbundet ekonomiskt under 2025?",
    ):
        r = answers.ask(question)
        assert r.answered and "1 840" in r.answer and "860" not in r.answer, r.answer
    # Asked for the items, the list.
    r = answers.ask("Vilka verksamheter gick med överskott mot budget?")
    assert r.answered and "860" in r.answer and "840" in r.answer, r.answer


def test_the_question_s_main_subject_missing_from_the_evidence_is_no_answer(make_store):
    store = make_store(
        {
            "vard-2025.txt": "Årsredovisning 2025\n\n4 Personal\n\n"
            "Den totala sjukfrånvaron har sjunkit för tredje året i rad och uppgick 2025 till 8,4 procent.\n\n"
            "Den korta sjukfrånvaron minskade mest.\n\nLångtidssjukfrånvaron ligger kvar på samma nivå.\n\n"
            "Varje synpunkt har besvarats av ansvarig enhetschef.\n"
        }
    )
    answers = Answerer(store)
    # The report gives no figure for the unit managers: the staff's figure is not theirs.
    r = answers.ask("Hur hög var sjukfrånvaron bland enhetscheferna?")
    assert not r.answered, r.answer
    r = answers.ask("Hur hög var sjukfrånvaron 2025?")
    assert r.answered and "8,4" in r.answer, r.answer


def test_a_difference_from_budget_is_not_the_amount_asked(make_store):
    # "Intäkterna är 6 650 tkr högre än periodiserad budget" gives the difference, the table the amount.
    text = (Path(__file__).parent / "data" / "sjovik-bun-delar-2026.md").read_text(encoding="utf-8")
    answers = Answerer(make_store({"sjovik-bun-delar-2026.md": text}))
    r = answers.ask("Hur stora intäkter hade nämnden fram till och med augusti?")
    assert r.answered and "121 450" in r.answer, r.answer
    r = answers.ask("Hur mycket högre än budget blev intäkterna fram till och med augusti?")
    assert r.answered and "6 650" in r.answer, r.answer


# A board's annual report with an operating table, an investment table and comments per activity:
# its items are named by common words ("hemtjänsten", "biblioteket") and its whole by a total row.
BOARD = """\
Årsredovisning 2025 – Omsorgs- och kulturnämnden, Ekeby kommun

1 Sammanfattning

Nämndens verksamhet slutade året med ett underskott mot budget på 2,3 mnkr.

2 Ekonomi

2.1 Driftredovisning

Tabell 1. Driftredovisning per verksamhet (tkr)
Verksamhet\tBudget\tUtfall\tAvvikelse
Hemtjänst\t-61 400\t-64 500\t-3 100
Biblioteket\t-12 800\t-12 200\t600
Fritid\t-9 500\t-9 270\t230
Summa\t-83 700\t-85 970\t-2 270

2.2 Kommentarer

Hemtjänsten gick 3,1 mnkr sämre än budget. Den viktigaste förklaringen är att fler timmar beviljades
än vad budgeten räknade med.

Biblioteket redovisar ett överskott på 600 tkr tack vare en vakant tjänst.

2.3 Investeringar

Tabell 2. Investeringar 2025 (tkr)
Projekt\tBudget\tUtfall\tAvvikelse
Ny idrottshall\t24 000\t19 500\t4 500
Larm i boenden\t1 800\t2 350\t-550
Bokbuss\t2 400\t2 510\t-110
Summa\t28 200\t24 360\t3 840
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    from doksvar.index.store import Store

    folder = tmp_path_factory.mktemp("board")
    path = folder / "ekeby-okn-2025.txt"
    path.write_text(BOARD, encoding="utf-8")
    writer = Store(folder / "i.sqlite", writable=True)
    list(writer.index_files([path]))
    writer.close()
    return Answerer(Store(folder / "i.sqlite"))


def test_a_common_word_that_names_a_row_of_the_report_is_the_item_asked_about(board):
    # "hemtjänsten" is everyday Swedish, but a row of the report's table is named by it.
    r = board.ask("Varför blev hemtjänsten dyrare än planerat?")
    assert r.answered and "3,1" in r.answer and "timmar" in r.answer, r.answer
    assert "600" not in r.answer, r.answer  # the item, not a list of every deviation


def test_a_sentence_stating_the_table_s_total_is_the_whole_s_deviation(board):
    # "Nämndens verksamhet slutade året med ett underskott … på 2,3 mnkr" restates the total row's -2 270.
    r = board.ask("Gick nämnden plus eller minus mot budgeten 2025, och med hur mycket?")
    assert r.answered and "2,3" in r.answer, r.answer
    assert "4 500" not in r.answer and "3 100" not in r.answer, r.answer


def test_the_kind_of_item_asked_for_picks_the_table_of_its_deviations(board):
    # The investment table's over-runs, not the operating table's.
    r = board.ask("Vilka investeringar blev dyrare än man hade räknat med?")
    assert r.answered and "550" in r.answer and "110" in r.answer, r.answer
    assert "3 100" not in r.answer, r.answer
    # "operations" names the operating table ("Driftredovisning"): its largest surplus, not the investments'.
    r = board.ask("Which of the operations ended up furthest under budget?")
    assert r.answered and "600" in r.answer and "Bibliotek" in r.answer, r.answer
    assert "4 500" not in r.answer, r.answer


def test_an_english_term_is_found_with_a_dash_or_a_space_between_its_words():
    from doksvar.lang.terms import to_swedish

    assert "sjukfrånvaro" in to_swedish("What was the sick-leave rate among staff?")
    assert "årsarbetare" in to_swedish("How many full time equivalents were there?")
    assert "årsarbetare" in to_swedish("How many full-time equivalents were there?")
    # Whole words, in any case, up to a punctuation mark; never a part of a hyphenated word.
    assert to_swedish("What was the rate of Sick Leave?") == "What was the rate of sjukfrånvaro?"
    assert to_swedish("Was the non-sick-leave rate reported?") == "Was the non-sick-leave rate reported?"


def test_when_inside_a_clause_is_a_time_not_the_question(make_store):
    from doksvar.answer.question import read_question

    store = make_store({"a.txt": "Årsredovisning 2025\n\n1 Ekonomi\n\nResultatet blev 4,1 mnkr.\n"})
    assert read_question("Blir det plus när året är slut?", store.vocab).wants != "date"
    assert read_question("När är inflyttningen planerad?", store.vocab).wants == "date"
    assert read_question("Hur mycket kostade bron, och när blir den klar?", store.vocab).wants in ("date", "number")


# A municipality's interim report: its committees are the items, a row under the committees' sum
# that sums them with the finance function is the whole.
MUNICIPALITY = """\
Delårsrapport januari–augusti 2026, Ekeby kommun

3 Ekonomi

3.4 Nämndernas avvikelser

Avvikelsen är budget minus prognos för helåret.

Tabell 3. Nettokostnad per nämnd, mnkr
Nämnd\tBudget helår\tPrognos helår\tAvvikelse
Kommunstyrelsen\t168,4\t163,9\t4,5
Utbildningsnämnden\t1 052,0\t1 061,3\t-9,3
Socialnämnden\t246,5\t259,3\t-12,8
Omsorgsnämnden\t688,0\t698,6\t-10,6
Summa nämnder\t2 154,9\t2 183,1\t-28,2
Finansförvaltning\t115,5\t102,2\t13,3
Verksamhetens nettokostnad\t2 270,4\t2 285,3\t-14,9

3.5 Kommentarer

Socialnämnden visar en negativ avvikelse på 12,8 mnkr. Placeringarna av barn och unga har blivit
fler och dyrare än budgeterat.
"""


def test_the_committees_of_a_municipality_are_its_items_and_their_sum_its_whole(make_store):
    answers = Answerer(make_store({"ekeby-delar-2026.txt": MUNICIPALITY}))
    # The row that sums every row above it is a total, not the largest item, whatever its label.
    r = answers.ask("Which committee is heading for the biggest overspend, and by how much?")
    assert r.answered and "Socialnämnden" in r.answer and "12,8" in r.answer, r.answer
    assert not r.answer.split("1)")[1].startswith(" 14,9"), r.answer
    # Why: the committee's own paragraph goes on with what lay behind it.
    r = answers.ask("Socialnämnden went over budget – by how much, and what caused it?")
    assert r.answered and "12,8" in r.answer and "Placeringarna" in r.answer, r.answer


def test_a_question_about_a_group_is_answered_with_that_group_s_figure_or_declined(make_store):
    store = make_store(
        {
            "ekeby-bun-2025.txt": "Årsredovisning 2025 Barn- och utbildningsnämnden\n\n1 Resultat\n\n"
            "Det genomsnittliga meritvärdet i årskurs 9 var 224,6.\n\n2 Personal\n\n"
            "Den totala sjukfrånvaron bland de anställda minskade till 6,8 procent. Minskningen gäller främst "
            "kvinnorna.\n\nTabell 7. Sjukfrånvaro bland anställda (%)\nGrupp\t2025\t2024\nKvinnor\t7,4\t7,9\n"
            "Män\t4,6\t4,2\n29 år och yngre\t5,1\t5,5\nTotalt\t6,8\t7,1\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Hur hög var sjukfrånvaron bland kvinnorna?")
    assert r.answered and "7,4" in r.answer, r.answer
    r = answers.ask("What was the sick leave rate among employees under 30?")
    assert r.answered and "5,1" in r.answer, r.answer
    # The report gives no figure for these groups: everyone's figure is no answer.
    for question in (
        "Vilket meritvärde fick flickorna i årskurs 9?",
        "What is the sick leave rate among staff aged 50 or older?",
    ):
        r = answers.ask(question)
        assert not r.answered, (question, r.answer)


# A social services board whose deviation column is "nettokostnad minus budget": a cost over
# budget is positive there, and the report says so in words only.
SOCIAL = """\
Verksamhetsberättelse 2025 – Socialnämnden, Ekeby kommun

1 Sammanfattning

Socialnämnden redovisar för 2025 ett underskott på 7,8 mnkr mot budget.

5 Ekonomi

5.1 Driftredovisning

I tabellen redovisas avvikelsen som nettokostnad minus budget. Ett positivt belopp betyder att
verksamheten kostat mer än budgeterat.

Tabell 6. Driftredovisning per verksamhet 2025 (tkr)
Verksamhet\tBudget 2025\tNettokostnad 2025\tAvvikelse
Nämnd och ledning\t18 600\t17 940\t−660
Barn och unga\t98 300\t107 650\t9 350
Vuxna, missbruk\t41 200\t43 080\t1 880
Ekonomiskt bistånd\t52 500\t49 730\t−2 770
Summa\t210 600\t218 400\t7 800

5.2 Kommentarer

Barn och unga redovisar ett underskott på 9,4 mnkr. Underskottet förklaras främst av fler och dyrare
placeringar på HVB.
"""


def test_a_table_s_own_sign_convention_is_read_from_its_budget_and_outcome_columns(make_store):
    answers = Answerer(make_store({"ekeby-son-2025.txt": SOCIAL}))
    r = answers.ask("Vilken verksamhet gick mest back i fjol?")
    assert r.answered and "Barn och unga" in r.answer and "9 350" in r.answer, r.answer
    r = answers.ask("Vilken verksamhet fick störst överskott mot budget?")
    assert r.answered and "Ekonomiskt bistånd" in r.answer and "2 770" in r.answer, r.answer


def test_an_everyday_word_names_an_item_with_the_rest_of_its_label(make_store):
    # "barn" and "unga" are everyday words; "barn och unga" is a row of the report.
    answers = Answerer(make_store({"ekeby-son-2025.txt": SOCIAL}))
    r = answers.ask("Varför drog barn och unga över budgeten så kraftigt?")
    assert r.answered and "placeringar" in r.answer, r.answer


def test_everyday_words_for_welfare_find_the_report_s_terms(make_store):
    store = make_store(
        {
            "ekeby-son-2025.txt": "Verksamhetsberättelse 2025 Socialnämnden\n\n3 Ekonomiskt bistånd\n\n"
            "Totalt fick 1 251 hushåll försörjningsstöd någon gång under året, att jämföra med 1 364 hushåll "
            "2024.\n\nTabell 2. Ekonomiskt bistånd 2023–2025\nMått\t2023\t2024\t2025\n"
            "Andel hushåll med långvarigt bistånd (%)\t41,8\t39,5\t36,2\n\n"
            "4 Barn och unga\n\nAntalet orosanmälningar fortsatte att öka. Under 2025 kom 1 874 anmälningar in.\n"
        }
    )
    answers = Answerer(store)
    # "socialbidrag" is the everyday word for försörjningsstöd, "familjer" for the households counted.
    r = answers.ask("hur många familjer fick socialbidrag 2025")
    assert r.answered and "1 251" in r.answer, r.answer
    r = answers.ask("What share of households were long-term welfare recipients in 2023?")
    assert r.answered and "41,8" in r.answer, r.answer
    # A keyword query that opens with "antal" asks for a figure.
    r = answers.ask("antal orosanmälningar i år")
    assert r.answered and "1 874" in r.answer, r.answer


def test_a_row_the_question_quotes_and_the_year_it_compares_with(make_store):
    store = make_store(
        {
            "ekeby-son-2025.txt": "Verksamhetsberättelse 2025 Socialnämnden\n\n3 Ekonomiskt bistånd\n\n"
            "Färre hushåll fick bistånd, men beloppet per hushåll steg.\n\n"
            "Tabell 2. Ekonomiskt bistånd 2023–2025\nMått\t2023\t2024\t2025\n"
            "Hushåll med bistånd, genomsnitt per månad\t742\t761\t703\n"
            "Genomsnittligt bistånd per hushåll och månad (kr)\t4 955\t5 141\t5 199\n"
        }
    )
    r = Answerer(store).ask("Har biståndet per hushåll och månad blivit större eller mindre sedan 2024?")
    assert r.answered and "5 199" in r.answer and "5 141" in r.answer, r.answer


def test_the_whole_of_the_budget_a_question_names_by_a_verb(make_store):
    # "investerade" names the investment budget: its whole, not the operating result nor its items.
    store = make_store(
        {
            "ekeby-rtj-2025.txt": "Årsredovisning 2025 Räddningstjänsten Ekeby\n\n1 Sammanfattning\n\n"
            "Förbundet redovisar ett resultat på 2 140 tkr, vilket ger en positiv budgetavvikelse om 1 840 tkr.\n\n"
            "2 Investeringar\n\nInvesteringsbudgeten för 2025 var 20 400 tkr och utfallet 15 670 tkr, alltså 4 730 tkr "
            "lägre än budgeterat. Den stora skillnaden beror på att det nya höjdfordonet inte levererades.\n\n"
            "Tabell 4. Investeringar 2025 (tkr)\nProjekt\tBudget\tUtfall\tAvvikelse\n"
            "Höjdfordon\t9 800\t4 900\t4 900\nLarmcentral\t10 600\t10 770\t-170\n"
            "Summa investeringar\t20 400\t15 670\t4 730\n"
        }
    )
    r = Answerer(store).ask("Hur mycket mindre än planerat investerade förbundet 2025, och varför?")
    assert r.answered and "4 730" in r.answer and "höjdfordonet" in r.answer, r.answer
    assert "1 840" not in r.answer and "4 900" not in r.answer, r.answer


def test_how_long_it_takes_is_the_processing_time_and_a_yes_or_no_part_is_asked_apart(make_store):
    store = make_store(
        {
            "ekeby-mbn-2026.txt": "Delårsrapport 2026 Miljö- och byggnadsnämnden\n\n1 Bygglov\n\n"
            "Tabell 4. Bygglov, nyckeltal\nMått\tjan–apr 2025\tjan–apr 2026\n"
            "Inkomna ansökningar\t186\t158\nHandläggningstid, median, veckor\t4,6\t3,8\n\n"
            "Målet är en handläggningstid på högst 5,0 veckor.\n\n"
            "2 Personal\n\nTabell 6. Sjukfrånvaro (%)\nGrupp\t2025\t2026\nKvinnor\t6,6\t5,3\nMän\t4,6\t3,6\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("hur lång tid tar ett bygglov nu för tiden, och klarar man målet?")
    assert r.answered and "3,8" in r.answer, r.answer
    # "jämfört med förra året": the column a year before the one answered.
    r = answers.ask("Hur hög var sjukfrånvaron bland kvinnorna i år jämfört med förra året?")
    assert r.answered and "5,3" in r.answer and "6,6" in r.answer, r.answer


def test_a_full_year_question_is_not_answered_from_a_column_of_part_of_the_year(make_store):
    store = make_store(
        {
            "ekeby-mbn-2026.txt": "Delårsrapport tertial 1 2026 Miljö- och byggnadsnämnden\n\n3 Ekonomi\n\n"
            "Tabell 1. Resultaträkning (tkr)\nPost\tUtfall jan–apr 2026\tUtfall jan–apr 2025\tPrognos helår\n"
            "Intäkter\t5 210\t5 480\t15 300\nResultat\t420\t790\t-1 850\n\n"
            "4 Personal\n\nTabell 6. Personal\nMått\t2025\t2026\nVakanta tjänster\t2\t4\nÖverklagade beslut\t9\t14\n"
        }
    )
    answers = Answerer(store)
    # 2025's figure here is of January–April; the forecast column is of 2026.
    r = answers.ask("What was the committee's result for the whole of 2025?")
    assert not r.answered, r.answer
    r = answers.ask("Hur stort resultat väntas för hela 2026?")
    assert r.answered and "1 850" in r.answer, r.answer
    # Everyday and English words for the report's terms.
    r = answers.ask("Hur många tjänster står obesatta?")
    assert r.answered and "4" in r.answer, r.answer
    r = answers.ask("How many decisions were appealed in 2026?")
    assert r.answered and "14" in r.answer, r.answer


def test_words_that_ask_for_a_forecast_choose_the_forecast_column(make_store):
    store = make_store(
        {
            "ekeby-delar-2026.md": "# Delårsrapport januari–augusti 2026\n\n## 3.3 Balanskrav\n\n"
            "Tabell 2. Balanskravsutredning, mnkr\n\n| Mnkr | Prognos 2026 | Bokslut 2025 |\n|---|---:|---:|\n"
            "| Årets resultat | 43,7 | 52,3 |\n| Balanskravsresultat | 37,5 | 40,5 |\n\n"
            "## 3.1 Resultat\n\nTabell 1. Resultaträkning, mnkr\n\n"
            "| Mnkr | Utfall jan–aug 2026 | Budget helår 2026 | Prognos helår 2026 |\n|---|---:|---:|---:|\n"
            "| Skatteintäkter | 1 302,4 | 1 958,0 | 1 949,6 |\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Vad landar balanskravsresultatet på?")
    assert r.answered and "37,5" in r.answer, r.answer
    # "skattepengar" is the everyday word for skatteintäkter.
    r = answers.ask("Hur mycket skattepengar tror kommunen att den får in under hela året?")
    assert r.answered and "1 949,6" in r.answer, r.answer


def test_the_noun_a_question_counts_is_its_subject_however_common(make_store):
    store = make_store(
        {
            "ekeby-delar-2026.txt": "Delårsrapport januari–augusti 2026 Ekeby kommun\n\n1 Befolkning\n\n"
            "Ekeby hade 38 614 invånare den 30 juni 2026.\n\n2 Investeringar\n\n"
            "Tabell 4. Investeringar, mnkr\nProjekt\tUtfall jan–aug 2026\tBudget helår 2026\n"
            "VA-ledning Norrudden–Ekeby centrum\t9,7\t38,0\nNya Strandskolan\t30,1\t52,0\n"
        }
    )
    r = Answerer(store).ask("How many people lived in Ekeby in June?")
    assert r.answered and "38 614" in r.answer, r.answer


def test_an_english_term_the_report_itself_uses_is_kept():
    from doksvar.lang.terms import to_swedish
    from doksvar.lang.words import stem

    in_report = {"incident", "händ", "result", "resultat"}

    def known(word: str) -> bool:
        return stem(word) in in_report

    # "major incidents" stand in the report in English: the question keeps them.
    assert "incidents" in to_swedish("How many major incidents were there?", known)
    # "result" is only a form of "resultat": translated, as before.
    assert "resultat" in to_swedish("What was the result?", known)


def test_a_table_with_a_deviation_for_the_period_and_one_for_the_year_answers_from_the_one_asked(make_store):
    store = make_store(
        {
            "ekeby-von-delar-2026.md": "# Delårsrapport januari–augusti 2026\n\n## 5.1 Driftredovisning\n\n"
            "Tabell 5. Driftredovisning per verksamhet, mnkr\n\n"
            "| Verksamhet | Budget jan–aug | Utfall jan–aug | Avvikelse jan–aug | Budget 2026 | Prognos 2026 "
            "| Avvikelse helår |\n|---|---:|---:|---:|---:|---:|---:|\n"
            "| Hemtjänst | 189,4 | 195,5 | −6,1 | 286,0 | 295,4 | −9,4 |\n"
            "| Särskilt boende | 340,0 | 346,2 | −6,2 | 512,0 | 519,2 | −7,2 |\n"
            "| Hälso- och sjukvård | 60,1 | 59,2 | 0,9 | 90,0 | 89,0 | 1,0 |\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Which service has the biggest overspend in the full-year forecast?")
    assert r.answered and "Hemtjänst" in r.answer.split("2)")[0] and "9,4" in r.answer, r.answer
    r = answers.ask("Vilken verksamhet har hittills i år störst underskott?")
    assert r.answered and "Särskilt boende" in r.answer.split("2)")[0] and "6,2" in r.answer, r.answer


def test_a_group_s_row_is_found_in_a_table_whose_caption_names_the_measure(make_store):
    store = make_store(
        {
            "ekeby-ks-2025.txt": "Årsredovisning 2025 Kommunstyrelsen\n\n6 Personal\n\n"
            "Tabell 2. Nyckeltal\nNyckeltal\t2024\t2025\nSjukfrånvaro, förvaltningen (%)\t5,1\t4,4\n"
            "Personalomsättning (%)\t12,4\t9,8\n\n"
            "Tabell 7. Sjukfrånvaro i procent av ordinarie arbetstid\nGrupp\t2024\t2025\n"
            "Kvinnor\t5,6\t5,0\nMän\t3,7\t3,1\nÅldersgrupp under 30 år\t4,4\t3,6\n"
            "Åldersgrupp 50 år och äldre\t5,7\t4,9\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("What was the sick leave rate among staff aged 50 or older in 2024?")
    assert r.answered and "5,7" in r.answer, r.answer
    r = answers.ask("sjukfrånvaro män 2025")
    assert r.answered and "3,1" in r.answer, r.answer


def test_plus_or_minus_asks_for_the_deviation_and_a_named_year_picks_its_statement(make_store):
    store = make_store(
        {
            "ekeby-ks-2025.txt": "Årsredovisning 2025 Kommunstyrelsen, Ekeby kommun\n\n1 Sammanfattning\n\n"
            "Ekonomiskt slutade året bättre än vi befarade. Kommunstyrelsens verksamheter redovisar sammantaget "
            "ett överskott på 470 tkr. Året innan gick kommunstyrelsen med underskott.\n\n"
            "5 Ekonomi\n\nKommunstyrelsens nettobudget för 2025 uppgick till 157 700 tkr. Nettokostnaden blev "
            "157 230 tkr, vilket ger en positiv avvikelse mot budget på 470 tkr. I investeringstabellen är "
            "avvikelsen budget minus utfall.\n\nTabell 4. Driftredovisning 2025 (tkr)\n"
            "Avdelning\tBudget\tUtfall\tAvvikelse\nIT\t-40 000\t-41 200\t-1 200\nEkonomi\t-117 700\t-116 030\t1 670\n"
            "Summa\t-157 700\t-157 230\t470\n"
        }
    )
    r = Answerer(store).ask("Blev det plus eller minus för kommunstyrelsen 2025, och hur mycket?")
    assert r.answered and "470" in r.answer and "positiv" in r.answer, r.answer


def test_an_everyday_word_finds_the_report_s_term_of_two_words(make_store):
    # The report says "ekonomiskt bistånd", never "försörjningsstöd"; the question "socialbidrag".
    store = make_store(
        {
            "ekeby-son-2025.txt": "Årsredovisning 2025 Socialnämnden\n\n3 Ekonomiskt bistånd\n\n"
            "Tabell 2. Ekonomiskt bistånd\nMått\t2024\t2025\nHushåll med ekonomiskt bistånd\t1 364\t1 251\n"
            "Utbetalt ekonomiskt bistånd (tkr)\t52 100\t49 730\n"
        }
    )
    r = Answerer(store).ask("Hur många hushåll fick socialbidrag 2025?")
    assert r.answered and "1 251" in r.answer, r.answer


GOALS = """\
Årsredovisning 2025 – Tekniska nämnden, Ekeby kommun

4 Mål

4.1 Nämndens mål

Tabell 1. Nämndens mål och bedömning 2025
Nämndmål\tIndikatorer\tBedömning 2025\tBedömning 2024
Snabb bygglovshantering\tHandläggningstid\tDelvis uppfyllt\tEj uppfyllt
Trygga gator året runt\tNöjdhet med snöröjning\tEj uppfyllt\tUppfyllt
Minskad energianvändning\tkWh per kvadratmeter\tUppfyllt\tDelvis uppfyllt
Ekonomi i balans\tBudgetavvikelse\tEj uppfyllt\tUppfyllt
"""


def test_goals_are_listed_by_the_assessment_asked_for(make_store):
    answers = Answerer(make_store({"ekeby-tn-2025.txt": GOALS}))
    r = answers.ask("Vilka av nämndens mål missade man helt?")
    assert r.answered and "Trygga gator" in r.answer and "Ekonomi i balans" in r.answer, r.answer
    assert "Snabb bygglovshantering" not in r.answer and "energianvändning" not in r.answer, r.answer
    r = answers.ask("Which goals were only partly met?")
    assert r.answered and "Snabb bygglovshantering" in r.answer and "Trygga gator" not in r.answer, r.answer


NUMBERED_GOALS = """\
Årsredovisning 2025 – Socialnämnden, Ekeby kommun

5 Måluppfyllelse

| Nr | Mål | Indikator | Målvärde | Utfall | Bedömning |
| --- | --- | --- | ---: | ---: | --- |
| 1 | Barn får tidigt stöd | Vårddygn HVB | 4 800 | 6 030 | Delvis uppfyllt |
| 2 | Utredningar görs i tid | Andel inom fyra månader, % | 80 | 81 | Uppfyllt |
| 3 | Fler hushåll blir självförsörjande | Hushåll med bistånd | 900 | 872 | Uppfyllt |
| 4 | Ekonomi i balans | Budgetavvikelse, tkr | 0 | -14 155 | Ej uppfyllt |
"""


def test_how_many_goals_were_met_is_counted_from_the_goal_table(make_store):
    # "Hur många av målen nåddes?": two of four, as a report writes a count, each named by its goal
    # (not its number); "nåddes", "klarar" say which assessment, not what the goals are about.
    answers = Answerer(make_store({"ekeby-son-2025.md": NUMBERED_GOALS}))
    r = answers.ask("Hur många av socialnämndens mål nåddes helt under året?")
    assert r.answered and r.answer.startswith("två av fyra"), r.answer
    assert "Utredningar görs i tid" in r.answer and "Ekonomi i balans" not in r.answer, r.answer
    r = answers.ask("How many of the board's goals were not met?")
    assert r.answered and r.answer.startswith("one of four") and "Ekonomi i balans" in r.answer, r.answer


def test_a_compound_the_report_lacks_is_declined_by_its_missing_part(make_store):
    # "kulturskola" is no "skola" of the report's: "kultur" is everyday Swedish, but as a part of the
    # compound asked it names what the report does not have.
    store = make_store(
        {
            "bun-2026.txt": "Delårsrapport 2026 Barn- och utbildningsnämnden\n\n1 Volymer\n\n"
            "Tabell 1. Antal barn och elever\tVår 2026\nFörskola\t1 281\nGrundskola\t4 120\n\n"
            "I förskolan går 1 281 barn och i grundskolan 4 120 elever.\n"
        }
    )
    answers = Answerer(store)
    r = answers.ask("Hur många barn och unga går i kommunens kulturskola?")
    assert not r.answered and "kulturskola" in r.answer, r.answer
    r = answers.ask("How much does the municipality spend on school lunches per pupil?")
    assert not r.answered, r.answer
    r = answers.ask("Hur många barn går i förskolan?")
    assert r.answered and "1 281" in r.answer, r.answer


PLACES_BY_YEAR = """\
Delårsrapport 2026 Barn- och utbildningsnämnden Ekby

4 Jämförelser

Tabell 9. Ekbys placering i nationella jämförelser (av 290 kommuner)
Jämförelse\tPlacering 2026\tPlacering 2025
SKR Öppna jämförelser gymnasieskola\t212\t188
NKI skolmåltider\t41\t57
"""


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # "moved up or down" asks the place before too, as "the year before" does.
        ("Did Ekby move up or down in the national comparison of upper secondary schools?", ("212", "188")),
        ("Har placeringen i Öppna jämförelser för gymnasieskolan blivit bättre eller sämre?", ("212", "188")),
    ],
)
def test_a_change_of_place_gives_the_place_before_too(make_store, question, figures):
    r = Answerer(make_store({"ekby-bun-2026.txt": PLACES_BY_YEAR})).ask(question)
    assert r.answered and all(f in r.answer for f in figures), r.answer


def test_an_abbreviation_of_several_words_stands_for_each():
    from doksvar.answer.tables import label_stems

    # "NKI" is "Nöjd kundindex": a question after how satisfied ("nöjda") finds its row.
    assert {"nöjd", "kundindex"} <= label_stems("NKI skolmåltider"), label_stems("NKI skolmåltider")


RANKING_CHANGE = """\
Årsredovisning 2025

1 Omvärld

I Företagsbarometern, som presenterades i maj, hamnade kommunen på plats 74 av landets 290 kommuner. \
Ett år tidigare låg kommunen på plats 112, en förbättring med 38 placeringar. Det är den bästa placeringen hittills.

I kommunen finns 214 platser i särskilt boende.
"""


@pytest.mark.parametrize(
    "question",
    [
        "Hur många platser har kommunen klättrat i Företagsbarometern?",
        "How many places did the municipality move up in the Företagsbarometern ranking?",
        "Var hamnade kommunen i Företagsbarometern jämfört med året innan?",
    ],
)
def test_a_change_of_place_is_asked_of_the_ranking(make_store, question):
    r = Answerer(make_store({"omvarld-2025.txt": RANKING_CHANGE})).ask(question)
    assert r.answered and r.intent == "ranking", (r.intent, r.answer)
    assert "38" in r.answer and "112" in r.answer and "74" in r.answer, r.answer
    assert any("112" in c.quote for c in r.citations)


FORECASTS = """\
Årsredovisning 2025 Tekniska nämnden

1 Ekonomi

Nämnden redovisar ett överskott mot budget på 1,3 mnkr. Utfallet blev bättre än prognoserna under året.

1.1 Prognoser

Tabell 2. Helårsprognoser och bokslut, avvikelse mot budget (mnkr)
Verksamhet\tPrognos mars\tPrognos oktober\tBokslut
Gator och vägar\t-1,0\t-2,6\t-0,4
Parker\t0,5\t0,9\t1,7
Totalt\t-0,5\t-1,7\t1,3
"""


def test_a_table_of_deviations_by_its_caption_answers_a_forecast_deficit(make_store):
    """Every figure of a table captioned 'avvikelse mot budget' is a deviation, though no column says so."""
    r = Answerer(make_store({"teknik-2025.txt": FORECASTS})).ask("Hur stort underskott räknade nämnden med i oktober?")
    assert r.answered and "-1,7" in r.answer and "Prognos oktober" in r.answer, r.answer


TARGET_BESIDE = """\
Verksamhetsberättelse 2025 Servicenämnden

1 Verksamhet

1.1 Inköp

Andelen elektroniska fakturor, alltså fakturor som kommer in digitalt till kommunen, steg under året till 91 procent. \
Målvärdet på 95 procent nåddes ändå inte. Arbetet med leverantörerna fortsätter.

Kundtjänsten besvarade 42 000 samtal under året.
"""


@pytest.mark.parametrize(
    "question",
    [
        "Hur stor andel av fakturorna kom in elektroniskt, och vilket var målet?",
        "Did the share of electronic invoices reach its target?",
    ],
)
def test_an_outcome_is_answered_with_the_target_stated_beside_it(make_store, question):
    r = Answerer(make_store({"service-2025.txt": TARGET_BESIDE})).ask(question)
    assert r.answered and "91" in r.answer and "95" in r.answer, r.answer
    assert any("95 procent" in c.quote for c in r.citations)


FRONT_MATTER = """\
---
title: Delårsrapport januari–augusti 2026
nämnd: Kultur- och fritidsnämnden
kommun: Exempelby kommun
---

# 1 Sammanfattning

Efter årets första åtta månader redovisar nämnden en negativ budgetavvikelse på 1,9 mnkr. \
För helåret prognostiserar nämnden ett underskott på 3,4 mnkr.

# 2 Ekonomi

**Tabell 1. Resultaträkning jan–aug 2026 (mnkr)**

| Post | Budget jan–aug | Utfall jan–aug | Avvikelse |
|---|---|---|---|
| Intäkter | 20,0 | 21,5 | 1,5 |
| Personalkostnader | −40,0 | −44,6 | −4,6 |
| Övriga kostnader | −30,0 | −28,8 | 1,2 |
| Nettokostnad | −50,0 | −51,9 | −1,9 |

**Tabell 2. Prognos per verksamhet, helår 2026 (mnkr)**

| Verksamhet | Budget helår | Prognos helår | Prognosavvikelse |
|---|---|---|---|
| Bibliotek | 30,0 | 29,2 | 0,8 |
| Simhall | 12,0 | 15,1 | −3,1 |
| Fritidsgårdar | 18,0 | 19,1 | −1,1 |
| Totalt | 60,0 | 63,4 | −3,4 |

Simhallen väntas överskrida budget med 3,1 mnkr eftersom energikostnaderna har stigit.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur mycket minus väntas kultur- och fritidsnämnden gå för hela året?", "3,4"),
        ("Which part of the budget is heading for the biggest overspend this year?", "3,1"),
    ],
)
def test_the_organisation_named_in_front_matter_is_no_item_and_a_part_no_kind_of_cost(make_store, question, figure):
    r = Answerer(make_store({"kfn-delar-2026.md": FRONT_MATTER})).ask(question)
    assert r.answered and r.intent == "deviation" and figure in r.answer, (r.intent, r.answer)
    assert "4,6" not in r.answer and "Personalkostnader" not in r.answer


def test_a_year_named_only_as_a_comparison_is_not_the_year_of_the_figure(make_store):
    report = (
        "Årsredovisning 2025 Miljönämnden\n\n1 Ekonomi\n\n"
        "Miljönämnden redovisar ett underskott mot budget på 640 tkr. Kostnaderna ökade jämfört med 2024.\n\n"
        "2 Framtid\n\nFullmäktige har beslutat om en budgetram på 31,2 mnkr för Miljönämnden 2026, "
        "vilket är 1,4 mnkr mer än 2025.\n"
    )
    r = Answerer(make_store({"miljo-2025.txt": report})).ask(
        "Höll Miljönämnden budgeten 2025, eller gick den plus eller minus?"
    )
    assert r.answered and "640" in r.answer and "31,2" not in r.answer, r.answer


def test_the_pupils_of_year_nine_in_everyday_words(make_store):
    report = (
        "Årsredovisning 2025\n\n1 Resultat\n\n"
        "Nyckeltal\tMålvärde\tUtfall 2024\tUtfall 2025\n"
        "Meritvärde årskurs 9\t225\t218,5\t221,0\n"
        "Meritvärde årskurs 6\t210\t205,0\t207,5\n"
    )
    r = Answerer(make_store({"skola-2025.txt": report})).ask("Vilket meritvärde fick niorna 2025?")
    assert r.answered and "221,0" in r.answer and "207,5" not in r.answer, r.answer


DERIVED = """\
Årsredovisning 2025 Tekniska nämnden

1 Verksamhet

Ett skyfall i juli gav 48 millimeter regn på två timmar. Totalt 23 källaröversvämningar anmäldes till kommunen.

Under året gjordes 140 inspektioner av enskilda avlopp.

2 Investeringar

Investeringsbudgeten var 40 mnkr. Nämnden föreslår att 6,2 mnkr av de outnyttjade medlen förs över till 2026.

3 Ekonomi

Verksamhet (tkr)\tBudget 2025\tUtfall 2025\tAvvikelse
Gator\t20 000\t19 100\t900
Parker\t8 000\t8 300\t-300
Summa\t28 000\t27 400\t600

Investeringsprojekt (tkr)\tBudget 2025\tUtfall 2025\tÅterstår
Ny bro\t12 000\t4 000\t8 000
Cykelväg\t3 000\t2 500\t500
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur många översvämmade källare anmäldes efter skyfallet?", "23"),
        ("Hur många enskilda avlopp inspekterade man?", "140"),
        ("How much unspent money does the board want moved over to 2026?", "6,2"),
        ("Which part of the technical department came in furthest under budget?", "900"),
    ],
)
def test_words_a_report_says_otherwise_are_found_not_declined(make_store, question, figure):
    """A verb whose noun the report uses ('översvämmade' källare, 'källaröversvämningar'), an English
    word put into an everyday Swedish verb ('moved'), the organisation called a department."""
    r = Answerer(make_store({"teknik-2025.txt": DERIVED})).ask(question)
    assert r.answered and figure in r.answer, r.answer
    if "part" in question:
        assert "8 000" not in r.answer  # an investment project is no part of the organisation


@pytest.mark.parametrize(
    "question",
    ["Höll parkerna budgeten 2025?", "Did the parks stay within their budget in 2025?"],
)
def test_a_budget_kept_or_not_is_a_deviation_question(make_store, question):
    r = Answerer(make_store({"teknik-2025.txt": DERIVED})).ask(question)
    assert r.answered and r.intent == "deviation" and "300" in r.answer, (r.intent, r.answer)


STAFF = """\
Delårsrapport augusti 2026 Kulturnämnden

1 Nyckeltal

Nyckeltal\tMålvärde\tUtfall 2024\tUtfall 2025\tUtfall 2026
Antal besökare per årsarbetare\t900\t850\t870\t910
Andel nöjda besökare (%)\t85\t80,5\t82,0\t86,4

2 Personal

Tabell 4. Antal årsarbetare per enhet, augusti
Enhet\tAug 2025\tAug 2026
Bibliotek\t41\t43
Kulturskola\t28\t27
Totalt\t69\t70
"""


def test_a_row_names_by_per_what_it_is_divided_by_not_what_it_counts(make_store):
    r = Answerer(make_store({"kultur-2026.txt": STAFF})).ask(
        "How many full-time staff does the board have now, and how many did it have a year ago?"
    )
    assert r.answered and "70" in r.answer and "69" in r.answer and "910" not in r.answer, r.answer


def test_an_english_comparison_with_a_year_gives_the_latest_figure_beside_it(make_store):
    r = Answerer(make_store({"kultur-2026.txt": STAFF})).ask(
        "What share of visitors were satisfied this year, compared with 2024?"
    )
    assert r.answered and "86,4" in r.answer and "80,5" in r.answer, r.answer


WHOLE_YEAR = """\
Delårsrapport april 2026 Hälso- och sjukvårdsnämnden

1 Sammanfattning

Nämnden redovisar ett underskott mot budget på 41,2 mnkr för perioden januari–april.

Nämnden prognostiserar ett underskott på 96,5 mnkr för helåret. År 2025 slutade med ett underskott på 120,3 mnkr.

2 Verksamhet

Antalet ambulansuppdrag uppgick till 8 412 under perioden.

Nyckeltal\tMålvärde\tUtfall jan–apr 2026
Andel besök inom 90 dagar (%)\t90\t71
"""


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("Will the health board end the year in the red, and by how much?", "96,5", "41,2"),
        ("Gick nämnden bättre eller sämre än planerat under årets första fyra månader?", "41,2", "96,5"),
    ],
)
def test_the_year_s_end_and_better_or_worse_than_planned(make_store, question, figure, not_figure):
    r = Answerer(make_store({"hsn-2026.txt": WHOLE_YEAR})).ask(question)
    assert r.answered and figure in r.answer and not_figure not in r.answer, r.answer


def test_how_many_times_counts_no_noun_called_times(make_store):
    r = Answerer(make_store({"hsn-2026.txt": WHOLE_YEAR})).ask(
        "How many times did the ambulances go out during the period?"
    )
    assert r.answered and "8 412" in r.answer, r.answer


EVENTS = """\
Årsredovisning 2025 Kommunstyrelsen

1 Händelser

Den 3 juli drabbades Norrby av ett skyfall, med 48 millimeter regn på två timmar. Ett sextiotal fastigheter fick \
vatten i källaren. Kommunens kostnader för räddningsinsatser och sanering uppgick till 1 870 tkr.

2 Personal

Tabell 3. Personalnyckeltal 2024–2025
Nyckeltal\t2024\t2025
Sjukfrånvaro kvinnor (%)\t8,2\t7,9
Sjukfrånvaro män (%)\t4,9\t4,4
Personalomsättning (%)\t9,0\t8,1
"""


def test_what_something_cost_is_answered_with_the_sum_the_paragraph_goes_on_to(make_store):
    r = Answerer(make_store({"ks-2025.txt": EVENTS})).ask("Vad kostade skyfallet i Norrby?")
    assert r.answered and "1 870" in r.answer, r.answer


def test_a_group_compared_with_another_gives_both_rows(make_store):
    r = Answerer(make_store({"ks-2025.txt": EVENTS})).ask(
        "How high was sick leave among male staff in 2025, and how does that compare with female staff?"
    )
    assert r.answered and "4,4" in r.answer and "7,9" in r.answer, r.answer


FINANCES = """\
Årsredovisning 2025 Exempelby kommun

1 Finansiell analys

Tabell 6. Resultat jämfört med budget 2025 (mnkr)
Post\tBudget 2025\tUtfall 2025\tAvvikelse
Skatteintäkter\t980,0\t991,4\t11,4
Generella statsbidrag och utjämning\t310,0\t306,2\t-3,8
Verksamhetens nettokostnad\t-1 250,0\t-1 262,5\t-12,5
"""


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("How much more tax money came in than the municipality had counted on in its budget?", "11,4", "980,0"),
    ],
)
def test_municipal_finance_in_english_against_the_budget(make_store, question, figure, not_figure):
    r = Answerer(make_store({"exempelby-2025.txt": FINANCES})).ask(question)
    assert r.answered and figure in r.answer and (not_figure is None or not_figure not in r.answer), r.answer


MEASURES = """\
Delårsrapport augusti 2026 Socialnämnden

1 Ekonomi

Placeringarna av barn och unga blir dyrare än budgeterat eftersom fler barn placerats på HVB. \
För helåret prognostiseras ett underskott på 6,2 mnkr för placeringar.

I Öppna jämförelser för barn och unga hamnade kommunen på plats 140 av 290.

Tabell 3. Åtgärder och förväntad effekt 2026 (tkr)
Åtgärd\tFörväntad effekt 2026
Hemtagning av HVB-placeringar\t1 400
Minskad inhyrd personal\t900
Översyn av försörjningsstöd\t600
Summa\t2 900
"""


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("Vilken sparåtgärd väntas ge mest pengar i år?", "1 400", "2 900"),
        ("Varför blir placeringarna av barn så dyra, och hur stort blir minuset för helåret?", "6,2", "Plats"),
    ],
)
def test_the_row_with_the_most_and_placements_that_are_no_ranking(make_store, question, figure, not_figure):
    r = Answerer(make_store({"son-2026.txt": MEASURES})).ask(question)
    assert r.answered and figure in r.answer and not_figure not in r.answer, r.answer


PERIOD_AND_YEAR = """\
Delårsrapport augusti 2026 Socialnämnden

1 Ekonomi

Tabell 1. Driftredovisning per verksamhet jan–aug 2026 (tkr)
Verksamhet\tBudget jan–aug\tUtfall jan–aug\tAvvikelse
Barn och unga\t40 000\t44 800\t-4 800
Vuxna\t20 000\t21 100\t-1 100
Läkemedel\t3 000\t3 450\t-450
Summa\t63 000\t69 350\t-6 350

Tabell 2. Helårsprognos per verksamhet 2026 (tkr)
Verksamhet\tBudget 2026\tPrognos 2026\tPrognosavvikelse
Barn och unga\t60 000\t67 100\t-7 100
Vuxna\t30 000\t31 500\t-1 500
Summa\t90 000\t98 600\t-8 600
"""


@pytest.mark.parametrize(
    ("question", "figures", "not_figure"),
    [
        ("Vilken verksamhet har dragit över budgeten mest hittills i år?", ["4 800"], "7 100"),
        ("Hur mycket har läkemedlen kostat hittills i år, och vad hade man räknat med?", ["3 450", "3 000"], None),
    ],
)
def test_so_far_the_period_s_figures_and_what_was_counted_on(make_store, question, figures, not_figure):
    r = Answerer(make_store({"son-2026.txt": PERIOD_AND_YEAR})).ask(question)
    assert r.answered and all(f in r.answer for f in figures), r.answer
    assert not_figure is None or not_figure not in r.answer, r.answer


def test_a_noun_inflected_without_its_e_is_one_word_not_two(make_store):
    """'läkemedlen' is 'läkemedel' (an -el noun drops its e), not 'läke' and 'medlen'."""
    from doksvar.answer.question import read_question

    store = make_store({"son-2026.txt": PERIOD_AND_YEAR})
    q = read_question("Hur mycket kostade läkemedlen?", store.vocab)
    found = [(t.word, "läkemedel" in t.alternatives, t.how) for t in q.content if t.word.startswith("läke")]
    assert found == [("läkemedlen", True, "exact")]  # a form of the word, not a guess at a typo


BEST_AND_WHICH = """\
Årsredovisning 2025 Trafiknämnden

1 Ekonomi

Nämnden redovisar ett underskott mot budget på 6,0 mnkr.

Tabell 2. Nettokostnad per trafikslag 2025 (mnkr)
Trafikslag\tBudget\tUtfall\tAvvikelse
Buss\t400,0\t407,5\t-7,5
Tåg\t120,0\t120,3\t-0,3
Skolskjuts\t60,0\t58,2\t1,8
Summa\t580,0\t586,0\t-6,0

2 Investeringar

Tabell 4. Investeringar 2025 (mnkr)
Projekt\tBudget\tUtfall\tÅterstår
Depå Norrby\t10,0\t11,6\t-1,6
Laddstationer\t8,0\t5,5\t2,5
"""


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        ("Vilken trafik gick bäst mot budgeten, och hur mycket plus blev det?", "1,8", "7,5"),
        ("Vilket investeringsprojekt drog över sin budget, och med hur mycket?", "1,6", "7,5"),
    ],
)
def test_best_against_budget_and_which_project_went_over(make_store, question, figure, not_figure):
    r = Answerer(make_store({"trafik-2025.txt": BEST_AND_WHICH})).ask(question)
    assert r.answered and figure in r.answer and not_figure not in r.answer, r.answer


@pytest.mark.parametrize(
    ("question", "word", "base"),
    [
        ("När öppnade lärcentret?", "lärcentret", "lärcentrum"),
        ("Hur länge var läckan öppen?", "läckan", "läck"),
    ],
)
def test_a_definite_form_the_stemmer_leaves_whole_is_found_as_its_word(make_store, question, word, base):
    """'lärcentret' is 'lärcentrum', 'läckan' is 'läcka', where the report says them so."""
    from doksvar.answer.question import read_question

    report = (
        "Rapport 2025\n\n1 Händelser\n\nLärcentrum Norr invigdes i januari. "
        "En läcka på ledningen i juli varade i nio dagar.\n"
    )
    store = make_store({"r-2025.txt": report})
    terms = {t.word: t for t in read_question(question, store.vocab).content}
    assert base in terms[word].alternatives and terms[word].how == "exact", terms[word]


def test_an_internal_rent_in_percent_is_asked_in_english(make_store):
    report = (
        "Delårsrapport 2026 Servicenämnden\n\n1 Priser\n\nTabell 4. Interna priser 2025 och 2026\n"
        "Pris\tEnhet\tPris 2025\tPris 2026\tFörändring (%)\n"
        "Internhyra, genomsnitt\tkr/kvm och år\t1 210\t1 265\t4,5\n"
        "Lokalvård\tkr/kvm och år\t250\t259\t3,6\n"
    )
    r = Answerer(make_store({"sn-2026.txt": report})).ask(
        "What is the average internal rent per square metre in 2026 and by how many percent did it rise?"
    )
    assert r.answered and "1 265" in r.answer, r.answer


STAFF_UNITS = """\
Årsredovisning 2025 Vård- och omsorgsnämnden

1 Personal

Tabell 7. Personalnyckeltal
Nyckeltal\t2024\t2025
Sjukfrånvaro totalt, %\t8,8\t8,1
Sjukfrånvaro särskilt boende, %\t9,9\t9,4
Personalomsättning, %\t11,0\t10,2

Vård- och omsorgsnämndens medarbetare hade en sjukfrånvaro på 8,1 procent 2025.

2 Verksamhet

Hemtjänsten utförde 412 000 timmar under året. Särskilt boende hade 318 platser.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur hög var sjukfrånvaron bland personalen i hemtjänsten 2025?", None),
        ("What was the sick leave rate among home care staff in 2025?", None),
        ("Hur hög var sjukfrånvaron bland personalen på särskilt boende 2025?", "9,4"),
        ("Hur hög var sjukfrånvaron bland vård- och omsorgsnämndens medarbetare 2025?", "8,1"),
    ],
)
def test_a_figure_asked_of_some_staff_is_theirs_or_declined(make_store, question, figure):
    """Everyone's sick leave is no answer about the home care staff; a unit's own row is."""
    r = Answerer(make_store({"von-2025.txt": STAFF_UNITS})).ask(question)
    if figure is None:
        assert not r.answered, r.answer
    else:
        assert r.answered and figure in r.answer, r.answer


ABBREVIATED = """\
Årsredovisning 2025 Utbildningsnämnden

1 Vuxenutbildning

Nämnden ansvarar för kommunal vuxenutbildning och utbildning i svenska för invandrare (SFI).
Tillsynen gjordes av IVO (Inspektionen för vård och omsorg) under våren.
Nämnden fullgör kommunens uppgifter enligt lagen (2003:778) om skydd mot olyckor (LSO).

1.1 Resultat

Andelen SFI-studerande som klarat kurs C steg till 61,2 procent.
IVO lämnade två påpekanden om dokumentationen.
Tillsynsplanen omfattade 40 tillsyner enligt LSO, vilket innebär att 85 procent av planen genomfördes.
Kommunens medarbetare svarade i enkäten om Hållbart medarbetarengagemang (HME) med 79 poäng.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur stor andel av dem som läser svenska för invandrare klarade C-kursen?", "61,2"),
        ("Hur många påpekanden lämnade Inspektionen för vård och omsorg?", "två"),
        ("Hur stor del av tillsynen enligt lagen om skydd mot olyckor hann man med?", "85"),
    ],
)
def test_an_abbreviation_the_report_defines_is_found_by_its_words(make_store, question, figure):
    """A question in the long words is answered where the report goes on with the short form."""
    r = Answerer(make_store({"utb-2025.txt": ABBREVIATED})).ask(question)
    assert r.answered and figure in r.answer, r.answer


def test_abbreviations_are_read_where_the_report_defines_them():
    from doksvar.facts.abbreviations import spelled_out

    assert spelled_out("utbildning i svenska för invandrare".split(), "SFI") == ["svenska", "för", "invandrare"]
    assert spelled_out("Sveriges Kommuner och Regioner".split(), "SKR") == ["Sveriges", "Kommuner", "och", "Regioner"]
    assert spelled_out("Nöjd kundindex".split(), "NKI") == ["Nöjd", "kundindex"]
    assert spelled_out("ledamoten Anna Sibinska".split(), "MP") == []  # a party, not the name's initials
    assert spelled_out("för den nya magnetkameran".split(), "MR") == []


def test_the_bare_word_and_its_inflected_form_are_one_word(make_store):
    """The stemmer reads the s of "kurs" as a genitive ("kur") but keeps it in "kursen" ("kurs")."""
    from doksvar.answer.question import read_question

    store = make_store({"utb-2025.txt": ABBREVIATED})
    terms = {t.word: t for t in read_question("Hur många klarade kursen?", store.vocab).content}
    assert "kur" in terms["kursen"].alternatives, terms["kursen"]


RANKED_IN_A_TABLE = """\
Delårsrapport 2026 Socialnämnden

1 Jämförelser

Tabell 8. Jämförelse med riket, placering bland 290 kommuner
Mått\tÖsterby 2025\tRiket 2025\tPlacering 2025\tPlacering 2024
Kostnad ekonomiskt bistånd per invånare (kr)\t1 720\t2 050\t118\t151
Väntetid bostad LSS (dagar)\t142\t117\t208\t176

Kommunen har klättrat i jämförelsen för ekonomiskt bistånd.

2 Tillsyn

Skolinspektionen genomförde tillsyn av Östergymnasiet under våren. \
I beslutet konstaterades brister i elevhälsans arbete.
"""


@pytest.mark.parametrize(
    ("question", "figures", "not_figure"),
    [
        (
            "Vilken placering fick kommunen för väntetiden till LSS-bostad, och vilken plats hade den året innan?",
            ("208", "176"),
            "142",
        ),
        (
            "Where does the municipality rank on welfare costs per resident, and where was it the year before?",
            ("118", "151"),
            "1 720",
        ),
    ],
)
def test_a_place_in_a_table_of_rankings_answers_a_ranking_question(make_store, question, figures, not_figure):
    """A ranking asked of a table with both the measure and its place: the place columns answer."""
    r = Answerer(make_store({"son-2026.txt": RANKED_IN_A_TABLE})).ask(question)
    assert r.answered and all(f in r.answer for f in figures) and not_figure not in r.answer, r.answer


def test_what_an_inspection_found_is_said_in_the_sentence_after(make_store):
    """An everyday verb ("granskade") is no compound of two words; the problems ("brister") found
    are told in the sentence after the one that names the inspection."""
    r = Answerer(make_store({"son-2026.txt": RANKED_IN_A_TABLE})).ask(
        "Vad hittade Skolinspektionen för problem när de granskade Östergymnasiet?"
    )
    assert r.answered and "elevhälsans" in r.answer, r.answer


LEFT_OF_THE_BUDGET = """\
Årsredovisning 2025 Tekniska nämnden

1 Året i korthet

Två större projekt är försenade, bland annat etapp 2 av det nya reningsverket vid Västersjön.

2 Investeringar

Tabell 5. Investeringsprojekt 2025 (tkr)
Projekt\tBudget 2025\tUtfall 2025\tÅterstår
Nytt reningsverk Västersjön, etapp 2\t42 000\t27 350\t14 650
Ny förskola Ängen\t11 500\t12 180\t-680

3 Jämförelser

Tabell 7. Kommunen i nationella jämförelser
Mätning\tResultat senaste mätning\tResultat föregående mätning\tPlacering senaste\tPlacering föregående
E-post besvarad inom en arbetsdag (%)\t88\t81\t47\t96
Gott bemötande vid telefonkontakt (%)\t84\t83\t102\t110
"""


@pytest.mark.parametrize(
    ("question", "figures", "not_figure"),
    [
        ("Hur mycket av årets pengar till reningsverket vid Västersjön blev inte använda?", ("14 650",), "27 350"),
        ("Hur mycket pengar finns kvar av investeringen i förskolan Ängen?", ("-680",), "12 180"),
        (
            "Vilken placering fick kommunen för svar på e-post inom en arbetsdag, "
            "och vilken plats hade den förra gången?",
            ("47", "96"),
            "88",
        ),
    ],
)
def test_what_is_left_of_a_budget_and_the_place_the_time_before(make_store, question, figures, not_figure):
    """Money left unspent is the column of what remains, not a sentence that names the project with
    a number of another kind; a place compared with the time before is the 'föregående' column."""
    r = Answerer(make_store({"tn-2025.txt": LEFT_OF_THE_BUDGET})).ask(question)
    assert r.answered and all(f in r.answer for f in figures) and not_figure not in r.answer, r.answer


TABLE_AND_COMMENT = """\
Delårsrapport 2026 Utbildningsnämnden

1 Ekonomi

Tabell 3. Budget, prognos och prognosavvikelse per verksamhet, helår 2026 (mnkr)
Verksamhet\tBudget helår\tPrognos helår\tPrognosavvikelse
Grundskola\t310,0\t311,2\t-1,2
Skolskjuts\t24,0\t26,7\t-2,7
Summa\t334,0\t337,9\t-3,9

1.1 Skolskjuts

Skolskjutsen förväntas gå med minus 2,7 mnkr. \
Det nya avtalet som gäller från den 1 juli innebär cirka 14 procent högre priser.

1.2 Balanskravsresultat

Tabell 4. Balanskravsutredning (mnkr)
Post\tPrognos 2026\tBokslut 2025
Årets resultat\t43,7\t50,5
Balanskravsresultat\t37,5\t40,5

Vid avstämningen räknas realisationsvinster bort. \
Årets resultat minskas därför med realisationsvinsten från markförsäljningen på 6,2 mnkr. \
Balanskravsresultatet för 2026 beräknas till 37,5 mnkr.
"""


@pytest.mark.parametrize(
    ("question", "figure", "reason"),
    [
        ("Hur mycket mer än budgeterat väntas skolskjutsen kosta för helåret, och vad ligger bakom?", "2,7", "avtalet"),
        (
            "How much more than budgeted is school transport expected to cost this year, and what is behind it?",
            "2,7",
            "avtalet",
        ),
        (
            "Vad landar balanskravsresultatet på, och varför är det lägre än årets resultat?",
            "37,5",
            "realisationsvinsten",
        ),
    ],
)
def test_a_table_figure_is_explained_where_the_prose_restates_it(make_store, question, figure, reason):
    """The reason for a table's figure stands beside the sentence that restates the figure: the one
    after it, or the one before that says "därför"."""
    r = Answerer(make_store({"bun-2026.txt": TABLE_AND_COMMENT})).ask(question)
    assert r.answered and figure in r.answer and reason in r.answer, r.answer


UNDER_BUDGET = """\
Årsredovisning 2025 Samhällsbyggnadsnämnden

1 Ekonomi

Tabell 3. Driftredovisning per verksamhet 2025 (tkr)
Verksamhet\tBudget\tUtfall\tAvvikelse
Gator och parker\t-21 000\t-21 600\t-600
Fastighet och lokaler\t-11 500\t-10 230\t1 270
Förskola\t-8 000\t-7 650\t350
Summa\t-40 500\t-39 480\t1 020

1.1 Fastighet och lokaler

Fastighetsverksamheten redovisar nämndens största överskott, 1 270 tkr. \\
Omläggningen av taket på Brännbacka skola har flyttats till sommaren 2026 sedan upphandlingen inte gav några anbud.

2 Investeringar

Tabell 5. Investeringar 2025 (tkr)
Projekt\tBudget\tUtfall\tAvvikelse
Forsnäs vattenverk, etapp 1\t38 000\t21 450\t16 550
Renovering av Kvarnbron\t4 800\t1 150\t3 650

Nämnden föreslår att 16 550 tkr för vattenverket ombudgeteras till 2026.
"""


@pytest.mark.parametrize(
    ("question", "figure", "words"),
    [
        ("Which investment project had the most money left unspent at year end?", "16 550", ("Forsnäs",)),
        (
            "Which part of the board's operations ended up furthest under budget, and what was behind the surplus?",
            "1 270",
            ("taket",),
        ),
        ("How much unspent investment money does the board want carried over to 2026?", "16 550", ("ombudgeteras",)),
        ("Vad har förskoleverksamheten kostat netto under året?", "7 650", ()),
    ],
)
def test_money_left_unspent_and_the_part_a_compound_names(make_store, question, figure, words):
    """'Unspent' asks the positive deviations of investments; the reason for the largest deviation is
    where the prose restates it; 'förskoleverksamheten' is the row 'Förskola', not every 'verksamhet'."""
    r = Answerer(make_store({"sbn-2025.txt": UNDER_BUDGET})).ask(question)
    assert r.answered and figure in r.answer and all(w in r.answer for w in words), r.answer


EVENTS_AND_STAFF = """\
Årsredovisning 2025 Arbetsmarknadsnämnden

1 Händelser

– Oktober: IVO riktade kritik mot nämnden efter en tillsyn. \
I 14 av 40 granskade ärenden hade utredningstiden överskridits.
– November: Nämnden beslutade att starta ett nytt jobbtorg.

2 Ekonomi

Tabell 2. Driftredovisning per verksamhet 2025 (tkr)
Verksamhet\tBudget 2025\tUtfall 2025\tAvvikelse
Arbetsmarknadsinsatser\t38 400\t35 920\t2 480
Gång- och cykelväg Norrby–Söderby\t8 600\t2 140\t6 460

Under 2025 deltog 703 personer i arbetsmarknadsinsatserna.

Cykelvägen Norrby–Söderby är försenad eftersom markåtkomsten inte är löst.

3 Personal

Tabell 8. Personal och sjukfrånvaro per verksamhet
Verksamhet\tTillsvidareanställda\tSjukfrånvaro (%)
Måltidsservice\t172\t6,1
Lokalvård\t95\t7,9

Sjukfrånvaron är fortsatt högre bland kvinnor, 7,6 procent, än bland män, 4,5 procent.

4 Jämförelser

Placeringarna avser rangordningen bland landets 290 kommuner, där plats 1 är bäst.
"""


@pytest.mark.parametrize(
    ("question", "answered", "wanted", "unwanted"),
    [
        ("Vad fick nämnden kritik för av IVO?", True, "utredningstiden", None),
        ("Hur mycket var kvinnorna respektive männen sjukskrivna under 2025?", True, "4,5", None),
        ("Hur många personer var med i arbetsmarknadsinsatserna under 2025?", True, "703", "35 920"),
        ("Vad får skolorna betala för en lunch från måltidsservice?", False, None, "172"),
        ("Why has the cycle path between Norrby and Söderby been held up?", True, "markåtkomsten", None),
        ("Vilken placering fick kommunen bland landets kommuner?", None, None, "Plats 1"),
    ],
)
def test_what_an_answer_must_hold_to_be_one(make_store, question, answered, wanted, unwanted):
    """What the criticism was comes in the sentence after the one naming it; 'männen' are the report's
    'män'; a head count is no sum of money nor a cost a count; a table gives no reason; 'plats 1 är bäst'
    explains a list, it is no place."""
    r = Answerer(make_store({"ain-2025.txt": EVENTS_AND_STAFF})).ask(question)
    assert answered is None or r.answered == answered, r.answer
    assert wanted is None or wanted in r.answer, r.answer
    assert unwanted is None or unwanted not in r.answer, r.answer


REASON_AND_ROW = """\
Delårsrapport 2026 Kultur- och fritidsnämnden

1 Ekonomi

Tabell 1. Driftredovisning per verksamhet januari–augusti 2026 (tkr)
Verksamhet\tBudget jan–aug 2026\tUtfall jan–aug 2026\tAvvikelse
Bibliotek\t21 400\t20 790\t610
Idrottsanläggningar\t27 940\t28 760\t−820
Summa\t49 340\t49 550\t−210

1.1 Kommentarer

Även idrottsanläggningarna ligger över budget, främst på grund av dyrare el och en kall inledning på året.
Elpriset blev 1,12 kronor per kWh, medan budgeten byggde på 0,85 kronor per kWh.
"""


@pytest.mark.parametrize(
    ("question", "figure", "reason"),
    [
        ("Why are the sports facilities running over budget, and by how much?", "820", "el"),
        ("Vad kostade elen per kilowattimme, och vad hade man räknat med i budgeten?", "1,12", "0,85"),
    ],
)
def test_a_reason_asked_with_its_amount_gets_both(make_store, question, figure, reason):
    """A reason given without the amount asked with it is joined by the row that states the amount;
    'kilowattimme' is the report's kWh."""
    r = Answerer(make_store({"kfn-2026.txt": REASON_AND_ROW})).ask(question)
    assert r.answered and figure in r.answer and reason in r.answer, r.answer


COMPANY_BUDGET = """\
Årsredovisning 2025 AB Ekbyhem

1 Resultat

Tabell 2. Resultat jämfört med budget 2025 (tkr)
Post\tUtfall 2025\tBudget 2025\tAvvikelse
Hyresintäkter bostäder\t421 350\t418 900\t2 450
Underhållskostnader\t−46 800\t−58 000\t11 200
Räntekostnader\t−71 840\t−66 300\t−5 540

Räntekostnaderna uppgick till 71 840 tkr, vilket är 5 540 tkr mer än budgeterat. \\
Det beror på att marknadsräntorna steg under våren.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Maintenance spending ended up well below plan last year. How big was the gap?", "11 200"),
        ("Hur mycket mer än väntat fick bolaget betala i ränta, och vad låg bakom det?", "5 540"),
    ],
)
def test_a_deviation_said_against_the_plan_in_everyday_words(make_store, question, figure):
    """'below plan', 'mer än väntat' measure against the budget; 'maintenance' is underhåll."""
    r = Answerer(make_store({"ekbyhem-2025.txt": COMPANY_BUDGET})).ask(question)
    assert r.answered and figure in r.answer, r.answer


FIELD_OF_THE_BOARD = """\
Delårsrapport januari–augusti 2026 Äldrenämnden

1 Ekonomi

Prognosen för helåret pekar på ett underskott om 14,5 mnkr, motsvarande 1,6 procent av nämndens budget.

1.1 Särskilt boende

För helåret beräknas särskilt boende överskrida budgeten med 3 500 tkr.

2 Händelser

25 augusti 2026: En ny utbildningsomgång för undersköterskor startade med 24 deltagare.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Is elderly care heading for a loss for the whole of 2026, and how big?", "14,5"),
        ("Hur mycket räknar man med att de särskilda boendena går över budget för hela året?", "3 500"),
    ],
)
def test_the_board_s_own_field_asks_about_the_whole(make_store, question, figure):
    """'elderly care' (äldreomsorg) of Äldrenämnden's report asks about the report as a whole; 'heading
    for a loss' is a forecast deficit; 'särskilda' boenden are the report's 'särskilt' boende."""
    r = Answerer(make_store({"aln-2026.txt": FIELD_OF_THE_BOARD})).ask(question)
    assert r.answered and figure in r.answer, r.answer


HOME_CARE = """\
Delårsrapport 2026 Äldrenämnden

1 Ekonomi

1.1 Hemtjänst

Underskottet inom hemtjänsten beror främst på att antalet utförda timmar ökade med 7,1 procent, \
fler brukare med omfattande behov och glesbygdens långa restider.

Hemtjänsten har högre kostnader än budgeterat och redovisar en negativ avvikelse om 8 650 tkr för perioden.
"""


def test_an_overrun_asked_with_its_reason_gets_both_from_two_paragraphs(make_store):
    """How much over budget and why, stated in two paragraphs of one section: both are answered."""
    r = Answerer(make_store({"aln-2026.txt": HOME_CARE})).ask(
        "Jag läste att hemtjänsten dragit över budget. Hur mycket mer än planerat har den kostat "
        "hittills i år, och vad beror det på?"
    )
    assert r.answered and "8 650" in r.answer and "timmar" in r.answer, r.answer


YEAR_IN_THE_SECOND_PART = """\
Delårsrapport januari–augusti 2026 Äldrenämnden

1 Sammanfattning

Tabell 1. Nyckeltal i sammandrag
Nyckeltal\tJan–aug 2025\tJan–aug 2026
Utförda hemtjänsttimmar\t412 600\t441 900
Personer med hemtjänst\t1 120\t1 164

Antalet utförda hemtjänsttimmar har ökat med 7,1 procent jämfört med samma period förra året.
"""


def test_a_year_named_only_in_the_second_part_is_the_comparison(make_store):
    """ "…, och hur många var det under samma månader 2025?": this year's figure first, then 2025's; a
    change in percent is no count."""
    r = Answerer(make_store({"aln-2026.txt": YEAR_IN_THE_SECOND_PART})).ask(
        "Hur många timmar hemtjänst utfördes under årets första åtta månader, "
        "och hur många var det under samma månader 2025?"
    )
    assert r.answered and "441 900" in r.answer and "412 600" in r.answer, r.answer


SECOND_FIGURE = """\
Delårsrapport januari–augusti 2026 Socialnämnden Norrå

1 Sammanfattning

Nämnden följer sin budget för perioden.

2 Mottagande av nyanlända

Norrås kommuntal för 2026 är 24 nyanlända med uppehållstillstånd. \
Fram till och med augusti har kommunen tagit emot nio personer, de flesta i familjer. \
Samtliga vuxna deltar i etableringsprogrammet.

3 Vuxenutbildning

Andelen elever i svenska för invandrare som klarade kurs C ökade till 61,5 procent. \
Målet för året är 65 procent. Elevantalet har minskat sedan förra året.

4 Kollektivtrafik

Skärgårdsbåten Måsen trafikerar linjen mellan Norrå och Holmö. \
Resandet ökade med 4,2 procent till 212 tusen resor, det högsta antalet sedan linjen öppnade.
"""


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # A second part with no subject of its own asks the figure the report gives next.
        (
            "How many refugees has Norrå been assigned to settle this year, and how many of them have come so far?",
            ["24", "nio"],
        ),
        # "Siktat på" is the target.
        ("Hur stor andel av SFI-eleverna klarade kurs C, och vad har man siktat på?", ["61,5", "65"]),
        # "åkte" counts travellers, "förra året" says when: neither is a subject the report must name.
        ("Hur många åkte med Måsen förra året?", ["212"]),
    ],
)
def test_what_a_question_asks_besides_its_subject_is_answered_not_declined(make_store, question, figures):
    r = Answerer(make_store({"sn-2026.txt": SECOND_FIGURE})).ask(question)
    assert r.answered and all(f in r.answer for f in figures), r.answer


ROW_WITH_BUDGET = """\
Årsredovisning 2025 Fritidsnämnden Holmö

1 Investeringar

Tabell 3. Investeringar 2025 (tkr)
Projekt\tBudget\tUtfall\tAvvikelse
Konstgräsplan Holmövallen\t3 800\t3 350\t450
Belysning motionsspår Bergå\t1 900\t240\t1 660
Summa\t5 700\t3 590\t2 110

2 Verksamhetsmått

Tabell 4. Besök januari–augusti 2025 och 2026
Mått\tJan–aug 2025\tJan–aug 2026\tFörändring %
Besök i badhuset\t96 400\t88 100\t−8,6
Besök i sporthallen\t41 200\t44 900\t9,0
"""


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        # Spent against budgeted: the row's figures under their headers, not the deviation alone.
        (
            "How much was actually spent on the lighting of the Bergå trail, against what was budgeted?",
            ["240", "1 900"],
        ),
        ("Hur mycket kostade konstgräsplanen på Holmövallen jämfört med budget?", ["3 350", "3 800"]),
        # "Under perioden" of a table of two such periods: this year's.
        ("Hur många besök hade badhuset under perioden?", ["88 100"]),
    ],
)
def test_a_table_row_answers_with_what_the_question_compares(make_store, question, figures):
    r = Answerer(make_store({"fn-2025.txt": ROW_WITH_BUDGET})).ask(question)
    assert r.answered and all(f in r.answer for f in figures), r.answer


PEOPLE_AND_PLACES = """\
Verksamhetsberättelse 2025 Revisorerna i Holmå kommun

1 Organisation

1.1 Revisorerna

Revisorerna är sju till antalet och väljs av fullmäktige för fyra år.
Under våren avgick en av revisorerna av personliga skäl. \
Fullmäktige valde Anna Berglund (S) som ny revisor från den 1 juni 2025.

1.2 Kostnader

Tabell 1. Revisionens kostnader 2025 (tkr)
Post\tBudget\tUtfall
Arvoden revisorer\t900\t948
Sakkunnigt biträde\t2 100\t2 240

2 Digitalisering

Den nya webbportalen för medborgarförslag kostade 640 tkr och lanserades i mars.

3 Trafik

Tågtrafiken mellan Holmå och Norrby hade 412 tusen resor under 2025, en ökning med 3 procent.

4 Idrott

Den nya bandyplanen vid Holmåvallen kostade 3 400 tkr och invigdes i december.

5 Skolor

Ombyggnaden av gymnasieskolan i Holmå kostade 12,4 mnkr.

6 Parker

Nya planteringar i stadsparken kostade 310 tkr.
"""


@pytest.mark.parametrize(
    ("question", "wanted", "unwanted"),
    [
        # "Vem …?" asks for a person: the sentence that names one, not a figure of the same subject.
        ("Vem tog över efter revisorn som hoppade av under året?", "Anna Berglund", "948"),
        ("Vem har ersatt revisorn som slutade?", "Anna Berglund", "948"),
        # English words of the genre the report says in Swedish ("journeys", "trains": resor, tåg).
        ("How many journeys were made on the trains in 2025?", "412", None),
        # An English word is the first part of a report's compound when the rest is a word ("bandy" +
        # "planen"); "gym" is no part of "gymnasieskolan".
        ("How much did the bandy rink cost?", "3 400", None),
        ("How much did the gym cost?", None, "12,4"),
    ],
)
def test_who_and_english_words_found_as_the_report_says_them(make_store, question, wanted, unwanted):
    r = Answerer(make_store({"rev-2025.txt": PEOPLE_AND_PLACES})).ask(question)
    if wanted is None:
        assert not r.answered, r.answer
    else:
        assert r.answered and wanted in r.answer, r.answer
    if unwanted is not None:
        assert unwanted not in r.answer, r.answer


def test_an_english_word_is_no_prefix_of_an_unrelated_compound(make_store):
    """ "plant" is not read as the start of "planteringar" (the rest is no word); "bandy" is of "bandyplanen"."""
    from doksvar.answer.question import read_question

    store = make_store({"rev-2025.txt": PEOPLE_AND_PLACES})
    plant = read_question("How much did the new plant cost?", store.vocab)
    assert not any(a.startswith("plantering") for t in plant.content for a in t.alternatives), plant.content
    bandy = read_question("How much did the bandy rink cost?", store.vocab)
    assert any(a.startswith("bandyplan") for t in bandy.content for a in t.alternatives), bandy.content


FORECAST_IN_EVERYDAY_WORDS = """\
Delårsrapport januari–augusti 2026 Kulturnämnden Bredå

1 Ekonomi

1.1 Resultat och prognos

Nämnden redovisar för perioden ett överskott på 0,8 mnkr mot den periodiserade budgeten.
Kulturnämnden prognostiserar för helåret ett underskott på 2,6 mnkr mot budget.
Underskottet beror främst på högre energikostnader i konsthallen.

1.2 Verksamhet

Biblioteken hade 212 000 besök under perioden. Konsthallen visade fyra utställningar.
Konsthallen visar en negativ avvikelse på 0,4 mnkr för perioden.
"""


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        # "ser ut att gå back" is the forecast of the whole's deficit, not a list of the period's;
        # "ser" is no subject.
        ("Hur mycket ser kulturnämnden ut att gå back med i år?", "2,6", "0,4"),
        # "inom sin egen budget" measures against the budget as "inom budgeten" does.
        ("Höll sig kulturnämnden inom sin egen budget under perioden, eller blev det minus?", "0,8", "2,6"),
    ],
)
def test_a_deviation_asked_in_everyday_words(make_store, question, figure, not_figure):
    r = Answerer(make_store({"kn-2026.txt": FORECAST_IN_EVERYDAY_WORDS})).ask(question)
    assert r.answered and figure in r.answer and not_figure not in r.answer, r.answer


SUMMARY_AND_BODY = """\
Årsberättelse 2025 Tekniska nämnden Ekå

1 Året i korthet

- Tekniska nämndens kostnader uppgick till 48 300 tkr mot en budget på 47 880 tkr, vilket ger ett underskott på 420 tkr.
- Antalet gatlampor som bytts till LED ökade till 2 140.

2 Verksamhet

2.1 Fritid

Fritidsgården redovisar ett överskott mot budget på 90 tkr, främst till följd av vakanta tjänster under våren.

3 Ekonomi

3.1 Driftredovisning

Utfallet blev 48 300 tkr, vilket innebär en negativ avvikelse på -420 tkr mot budget.

Kostnaderna ökade med 6,2 procent jämfört med 2024.

3.2 Förklaringar till avvikelser

Vinterväghållningen kostade mer än planerat. Det förklaras av den snörika vintern, som krävde fler plogningar.
"""


def test_a_summary_s_figure_is_explained_where_the_body_states_it(make_store):
    """A deficit answered from the summary ("i korthet") is explained by the chapter that states its
    figure, not by another section's reason for a surplus."""
    r = Answerer(make_store({"tn-2025.txt": SUMMARY_AND_BODY})).ask(
        "Why did the board end up spending more than its budget, and by how much?"
    )
    assert r.answered and "420" in r.answer and "snörika" in r.answer, r.answer
    assert "vakanta" not in r.answer, r.answer


WHOLE_AND_PARTS = """\
Delårsrapport januari–augusti 2026 Socialnämnden Åby

7 Personal

7.1 Sjukfrånvaro

Sjukfrånvaron fortsätter att minska men är högre än målet på 7,0 procent.

Tabell 9. Personalnyckeltal 2024–2026
Nyckeltal\t2024\t2025\tJan–aug 2026
Sjukfrånvaro hela förvaltningen (%)\t8,9\t8,4\t7,8
Sjukfrånvaro individ- och familjeomsorg (%)\t9,6\t9,1\t8,3
Sjukfrånvaro funktionsstöd (%)\t9,3\t8,8\t8,5
"""


def test_a_row_of_the_whole_answers_a_question_naming_no_part_once(make_store):
    """Asked for the staff's sick leave, the row for the whole administration, not one of its parts;
    the year asked second is given once."""
    r = Answerer(make_store({"sn-2026.txt": WHOLE_AND_PARTS})).ask(
        "What is the staff sick leave rate so far this year, and what was it back in 2024?"
    )
    assert r.answered and "7,8" in r.answer and "8,9" in r.answer, r.answer
    assert "8,5" not in r.answer and r.answer.count("8,9") == 1, r.answer


def test_avvek_is_the_past_of_avvika_a_deviation_not_a_missing_subject(make_store):
    """ "… och hur mycket avvek de från budget?" asks the deviation column, it names nothing absent."""
    report = """\
Årsredovisning 2025 Räddningstjänstförbundet Ås

2 Ekonomi

Tabell 1. Resultaträkning i sammandrag (tkr)
Post\tBudget 2025\tUtfall 2025\tAvvikelse\tUtfall 2024
Verksamhetens intäkter\t14 200\t16 480\t2 280\t15 020
Verksamhetens kostnader\t-96 400\t-97 150\t-750\t-93 880
"""
    r = Answerer(make_store({"rtj-2025.txt": report})).ask(
        "Hur stora intäkter hade förbundet 2025 och hur mycket avvek de från budget?"
    )
    assert r.answered and "16 480" in r.answer and "2 280" in r.answer, r.answer


STAFF_AND_SERVICE = """\
Verksamhetsberättelse 2025 Kultur- och fritidsnämnden Ekö

3 Verksamhet

3.1 Simhallen

Simhallen var stängd i 23 dagar under mars för byte av reningsverket. Ombyggnaden beräknas kosta
ytterligare 1,4 mkr under 2026.

3.2 Bokningar

Andelen bokningar som gjordes via e-tjänsten uppgick till 71 procent, vilket är över målet på 60 procent.

Tabell 4. Nöjdhet per tjänst (NKI, skala 0–100)
Tjänst\tNKI 2024\tNKI 2025
Bokning av lokaler\t74\t77
Simhallen\t69\t72

4 Personal

Under året har nio tillsvidareanställda slutat på egen begäran, vilket motsvarar en
personalomsättning på 7,2 procent.

Tabell 6. Personalnyckeltal
Nyckeltal\t2024\t2025
Personalomsättning (%)\t8,1\t7,2
Sjukfrånvaro (%)\t6,4\t5,9
"""


def test_how_long_is_answered_by_a_time_not_by_an_index(make_store):
    """ "Hur länge stod simhallen stilla?": the sentence of the 23 days, though the sentence quoted
    after it estimates ("beräknas") a cost, not the swimming hall's satisfaction index."""
    r = Answerer(make_store({"kfn-2025.txt": STAFF_AND_SERVICE})).ask("Hur länge stod simhallen stilla i våras?")
    assert r.answered and "23 dagar" in r.answer, r.answer
    assert "72" not in r.answer, r.answer


def test_a_share_is_answered_in_per_cent_not_by_an_index(make_store):
    """ "What share of bookings …": the sentence in per cent, though it holds the target too, not the
    satisfaction index of the booking service."""
    r = Answerer(make_store({"kfn-2025.txt": STAFF_AND_SERVICE})).ask(
        "How large a share of the bookings of premises went through the e-service?"
    )
    assert r.answered and "71 procent" in r.answer, r.answer
    assert "77" not in r.answer, r.answer


def test_how_many_is_not_answered_by_a_rate(make_store):
    """ "Hur många slutade …": the head count the prose gives, not the turnover row in per cent."""
    r = Answerer(make_store({"kfn-2025.txt": STAFF_AND_SERVICE})).ask(
        "How many staff quit on their own accord last year?"
    )
    assert r.answered and "nio" in r.answer, r.answer


def test_a_share_of_a_table_is_read_from_its_share_column(make_store):
    """ "Hur stor del av tiden …" of a table of hours and their shares: the share column."""
    report = """\
Revisionsberättelse 2025 Revisorerna i Ekö

3 Granskningar

Tabell 5. Tidsåtgång per granskningstyp 2025
Granskningstyp\tTimmar\tAndel (%)
Grundläggande granskning\t960\t58,5
Fördjupade granskningar\t680\t41,5
"""
    r = Answerer(make_store({"rev-2025.txt": report})).ask(
        "Hur stor del av tiden lades på de fördjupade granskningarna?"
    )
    assert r.answered and "41,5" in r.answer, r.answer


BOARDS = """\
Årsredovisning 2025 Ekö kommun

5 Nämndernas ekonomi

Tabell 7. Driftredovisning per nämnd (tkr)
Nämnd\tBudget 2025\tUtfall 2025\tAvvikelse 2025
Kommunstyrelsen\t98 400\t91 200\t7 200
Utbildningsnämnden\t512 300\t518 900\t-6 600
Kultur- och fritidsnämnden\t61 800\t60 950\t850

Tabell 8. Lunchpris per portion (kr)
Skolform\t2024\t2025
Lunch grundskola\t38,50\t40,20
Lunch gymnasium\t41,00\t43,10
"""


def test_money_left_over_is_a_surplus_in_everyday_words(make_store):
    """ "Vilken nämnd fick mest pengar över?" asks the largest surplus, not a row that names a board."""
    r = Answerer(make_store({"ar-2025.txt": BOARDS})).ask("Vilken nämnd fick mest pengar över och hur mycket?")
    assert r.answered and "Kommunstyrelsen" in r.answer and "7 200" in r.answer, r.answer
    assert "Utbildningsnämnden" not in r.answer, r.answer


def test_a_table_s_figure_of_no_time_answers_no_when_or_how_long(make_store):
    """ "När …?" and "How long …?" are not answered by a table's index or count of the thing named:
    it is no date and no time."""
    answerer = Answerer(make_store({"kfn-2025.txt": STAFF_AND_SERVICE}))
    for question in ("När infördes bokning av lokaler?", "How long are the bookings of premises kept?"):
        r = answerer.ask(question)
        assert not ("72" in r.answer or "77" in r.answer), (question, r.answer)


COMPARED = """\
Årsredovisning 2025 Tekniska nämnden Ekö

6 Jämförelser

6.1 Avfall

I Avfall Sveriges jämförelse av hushållsavfall per invånare hamnade Ekö på plats 37 av 290 kommuner.

Tabell 3. Hushållsavfall per invånare, jämförelse 2025 (kg)
Kommun\tHushållsavfall per invånare
Ekö\t418
Liknande kommuner\t436
Riket\t447

6.2 Vatten

Tabell 4. Vattenavgift för en normalvilla (kr per år)
Kommun\\t2024\\t2025
Ekö\\t7 410\\t7 980
Liknande kommuner\\t7 220\\t7 650
"""


@pytest.mark.parametrize(
    "question",
    [
        "Hur står sig Ekö mot andra kommuner när det gäller hur mycket hushållsavfall varje invånare lämnar?",
        "Var hamnar Ekö bland landets kommuner när det gäller hushållsavfall per invånare?",
        "Where does Ekö end up nationally on household waste per resident?",
        "How does Ekö stack up against other municipalities on household waste per resident?",
    ],
)
def test_a_comparison_with_others_is_answered_with_the_place(make_store, question):
    """ "Hur står sig …", "Var hamnar …", "Where does … end up", "How does … stack up": the place in
    the comparison, not the amount per resident alone."""
    r = Answerer(make_store({"tn-2025.txt": COMPARED})).ask(question)
    assert r.answered and "37" in r.answer, r.answer


ENERGY_COMPANY = """\
Delårsrapport januari–juni 2026 Ekö Energi AB

1 Året hittills

Resultatet efter finansiella poster uppgår till 18,4 mnkr. Det är 3,1 mnkr sämre än budget, främst
eftersom den milda vintern gav lägre värmeförsäljning.

2 Produktion

Den levererade värmen uppgick till 96,2 GWh under första halvåret, att jämföra med budgeterade
104,0 GWh, och pannorna drevs med 88 procent biobränsle.

3 Personal

Bolaget hade 112 anställda vid halvårsskiftet. Bolagets sjukfrånvaro var 3,9 procent.
"""


def test_the_company_asked_by_its_kind_and_the_half_year_as_a_period(make_store):
    """ "energibolagets resultat" of a report titled "Ekö Energi AB" is the company's own result, and
    "första halvåret" says when: the deviation of the result, not a sentence that names the half year."""
    r = Answerer(make_store({"energi-2026.txt": ENERGY_COMPANY})).ask(
        "Hur mycket sämre än budgeterat blev energibolagets resultat för första halvåret?"
    )
    assert r.answered and "3,1" in r.answer, r.answer


def test_how_far_off_budget_over_or_under_asks_the_deviation(make_store):
    """ "How far off budget is the board, and is it over or under?": its deviation, either way, not a
    budget figure."""
    report = """\\
Tertialrapport 2 2026 Servicenämnden Ekö

2 Ekonomi

Nettokostnaden uppgick till 12 310 tkr mot en periodbudget på 11 600 tkr, vilket ger ett underskott
på 710 tkr.

Tabell 3. Driftredovisning januari–augusti (tkr)
Verksamhet\\tBudget jan–aug 2026\\tUtfall jan–aug 2026\\tAvvikelse
Måltidsservice\\t6 100\\t6 950\\t-850
Lokalvård\\t5 500\\t5 360\\t140
Summa servicenämnden\\t11 600\\t12 310\\t-710
"""
    r = Answerer(make_store({"sn-2026.txt": report})).ask(
        "After eight months, how far off budget is the service board, and is it over or under?"
    )
    assert r.answered and "710" in r.answer, r.answer
    assert "11 600" not in r.answer.split("(")[0], r.answer


def test_the_school_board_staying_within_its_money_is_its_deviation(make_store):
    """ "Did the school board stay within its money?": the deviation of the board a municipality's
    report calls "Barn- och utbildningsnämnden", not the municipality's result."""
    report = """\
Årsredovisning 2025 Ekö kommun

1 Året i korthet

Kommunens resultat blev 31,4 mnkr, vilket är 12,2 mnkr bättre än budget.

5 Nämndernas ekonomi

Tabell 7. Driftredovisning per nämnd, nettokostnad (tkr)
Nämnd\tBudget 2025\tUtfall 2025\tAvvikelse 2025
Kommunstyrelsen\t98 400\t91 200\t7 200
Barn- och utbildningsnämnden\t512 300\t518 900\t-6 600
Socialnämnden\t301 000\t297 400\t3 600
"""
    r = Answerer(make_store({"ar-2025.txt": report})).ask(
        "Did the school board manage to stay within its money last year?"
    )
    assert r.answered and "6 600" in r.answer, r.answer


def test_emergency_repairs_are_the_report_s_akut_underhall(make_store):
    """ "How far over budget will the emergency repairs end up?": the item "akut underhåll", not the
    board's whole forecast."""
    report = """\
Delårsrapport januari–augusti 2026 Fastighetsnämnden Ekö

1 Sammanfattning

Fastighetsnämnden prognostiserar för helåret ett underskott på 3,2 mnkr mot budget.

3 Ekonomi

- Det akuta underhållet beräknas överskrida budget med 4,9 mnkr efter två vattenskador.
- Lägre kapitalkostnader ger ett överskott på 1,7 mnkr.
"""
    r = Answerer(make_store({"fn-2026.txt": report})).ask(
        "How far over budget will the emergency repairs end up this year?"
    )
    assert r.answered and "4,9" in r.answer, r.answer


def test_an_everyday_adjective_after_which_leads_to_the_noun_asked_for(make_store):
    store = make_store(
        {
            "plan-2026.md": "# Delårsrapport 2026 Byggnadsnämnden\n\n## 1 Viktiga händelser\n\n"
            "- **12 mars 2026** – Kommunfullmäktige antog detaljplanen för Södra Lyckan med plats för cirka "
            "90 bostäder.\n- **3 maj 2026** – Ny e-tjänst för bygglov togs i bruk.\n\n"
            "## 2 Planarbete\n\n**Södra Lyckan.** Kommunfullmäktige antog detaljplanen den 12 mars 2026. Planen "
            "medger cirka 90 "
            "bostäder i radhus, parhus och flerbostadshus samt en ny skola med fyra klasser. Planen ger också "
            "plats för handel i bottenvåningarna.\n"
        }
    )
    r = Answerer(store).ask(
        "Vilken ny detaljplan för bostäder antog fullmäktige i våras, och hur många bostäder får plats?"
    )
    # The plan and its homes first: not the sentence that names "en ny skola".
    first = r.answer.split(". ")[0]
    assert r.answered and "Södra Lyckan" in first and "90" in first, r.answer


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        # The staff before what is measured: every staff figure is of the staff.
        ("Hur mycket var personalen sjukskriven under 2025, räknat i procent?", "sjukskriv"),
        # Counted, the staff is what is asked for.
        ("Hur många anställda slutade under året?", "anställd"),
    ],
)
def test_what_a_question_is_about_is_read_past_the_staff(tmp_path, question, focus):
    from doksvar.answer.question import read_question

    report = answerer_of(
        tmp_path, "gsn-2025.txt", "Årsredovisning 2025\n\n1 Personal\n\nSjukfrånvaron var 5,9 procent.\n"
    )
    assert read_question(question, report.store.vocab).focus == focus


def test_opening_ones_doors_is_read_as_opening(tmp_path):
    from doksvar.answer.question import read_question

    report = answerer_of(
        tmp_path, "ofn-t2-2026.txt", "Tertialrapport 2 2026\n\n1 Händelser\n\nGruppbostaden Lärkan öppnade i juni.\n"
    )
    q = read_question(
        "När slog den nya gruppbostaden upp dörrarna, och hur många lägenheter finns där?", report.store.vocab
    )
    # The idiom is the report's verb: what is asked for is when the group home opened, not its doors.
    assert "öppnade den nya gruppbostaden" in q.swedish, q.swedish
    assert not {"slog", "dörrarna"} & {t.word for t in q.terms}, q.terms
