"""Questions in words the report does not use: an award and who won it, a decision "klubbad igenom",
an abbreviation written as the first part of a compound ("it-avdelningen"), "hur kommer det sig".
On a report written for these tests."""

from __future__ import annotations

import pytest

from .conftest import answerer_of, ask

REPORT = """\
Årsredovisning 2025 Kulturnämnden

1 Viktiga händelser

Kommunens kulturpris 2025 delades ut vid nationaldagsfirandet i parken. Priset tilldelades
keramikern Greta Lundholm för hennes arbete med konst i offentliga miljöer.

Nämnden antog en ny biblioteksplan för perioden 2026–2029 den 14 oktober. Planen pekar ut
läsfrämjande för barn som det viktigaste området.

Ett förslag till ny biblioteksplan presenterades för nämnden den 2 september, och planen
remitterades till biblioteksrådet.

2 Ekonomi

2.1 Driftredovisning per avdelning

Avdelning\tBudget\tUtfall\tAvvikelse
Kansli\t-8 000\t-7 600\t400
IT\t-5 000\t-5 900\t-900
Bibliotek\t-20 000\t-19 300\t700
Summa\t-33 000\t-32 800\t200

2.2 Kommentarer

IT-avdelningen gick med ett underskott på 900 tkr. Underskottet beror på dyrare licenser för
bibliotekssystemet.

Biblioteken redovisar ett överskott på 700 tkr, som beror på vakanta tjänster under hösten.
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("wording"), "kultur-2025.txt", REPORT)


@pytest.mark.parametrize("question", ["Who won the culture award in 2025?", "Vem fick kulturpriset 2025?"])
def test_who_won_is_answered_with_the_name_the_next_sentence_gives(report, question):
    result = ask(report, question)
    assert "Greta Lundholm" in result.answer, result.answer


def test_a_decision_klubbad_igenom_is_the_reports_antog(report):
    result = ask(report, "När klubbade nämnden igenom den nya planen för biblioteken?")
    assert "14 oktober" in result.answer, result.answer


def test_an_abbreviation_before_a_hyphen_is_a_subject_word(report):
    result = ask(report, "Varför drog it-verksamheten över budgeten?")
    assert "900" in result.answer and "licenser" in result.answer, result.answer
    assert "vakanta" not in result.answer


def test_hur_kommer_det_sig_asks_why(report):
    from doksvar.answer import read_question
    from doksvar.answer.score import asks_reason

    assert asks_reason(read_question("Hur kommer det sig att biblioteken gick med plus?", report.store.vocab))
    result = ask(report, "Hur kommer det sig att biblioteken gick med plus?")
    assert "vakanta" in result.answer, result.answer


GOALS = """\
Verksamhetsberättelse 2025 Byggnämnden

1 Mål och måluppfyllelse

Nämnden har sju mål för 2025. Målnivån för handläggningstiden har överträffats.

Sammanfattning: 3 uppfyllda, 3 delvis uppfyllda och 1 ej uppfyllt.

2 Ekonomi

Den 1 januari 2025 trädde nämndens nya taxa i kraft.
"""


def test_goals_counted_in_a_sentence_when_no_table_assesses_them(tmp_path):
    answerer = answerer_of(tmp_path, "bygg-2025.txt", GOALS)
    result = ask(answerer, "Hur många av nämndens mål nåddes fullt ut 2025?")
    assert result.answered and "3 uppfyllda" in result.answer, result.answer


PLACED = """\
Årsredovisning 2025 Överförmyndarnämnden

1 Jämförelser

I Kolada finns jämförbara uppgifter för 2024. Nettokostnaden för överförmyndarverksamheten var då
283 kronor per invånare i Ekby, jämfört med 329 kronor för riket. Bland landets 290 kommuner placerade
sig Ekby därmed på plats 96, där plats 1 har den lägsta kostnaden.

2 Ekonomi

Nämnden redovisar ett överskott på 120 tkr.
"""


def test_a_place_asked_is_taken_from_the_sentence_after_the_figure(tmp_path):
    answerer = answerer_of(tmp_path, "ofn-2025.txt", PLACED)
    result = ask(
        answerer,
        "Where does Ekby end up nationally when you compare what guardianship costs per inhabitant?",
    )
    assert result.answered and "plats 96" in result.answer, result.answer


PERMITS = """\
Verksamhetsberättelse 2025 Miljönämnden

1 Tillstånd och tillsyn

Antalet ansökningar om tillstånd för nya avloppsanläggningar blev 71, vilket är en ökning med
18 procent. Nämnden beviljade 64 tillstånd.

Under året inträffade tre större störningar i it-systemen.
"""


def test_a_compound_whose_specific_first_part_the_report_lacks_is_declined(tmp_path):
    answerer = answerer_of(tmp_path, "miljo-2025.txt", PERMITS)
    declined = ask(answerer, "Hur många serveringstillstånd handlades under året?")
    assert not declined.answered and "serveringstillstånd" in declined.answer, declined.answer
    # A common first part ("drift") names no subject of its own: the report's "störningar" answer.
    kept = ask(answerer, "Hur många driftstörningar inträffade under året?")
    assert kept.answered and "tre" in kept.answer, kept.answer


@pytest.mark.parametrize(
    "sentence",
    [
        "Byggherren pausade arbetet med motiveringen att räntorna har stigit.",
        "Skälet är att entreprenören gick i konkurs under våren.",
        "Kostnaderna blev lägre tack vare ett nytt avtal för städning.",
        "Ökningen hänger samman med fler placeringar av barn och unga.",
    ],
)
def test_a_cause_said_in_other_words_is_a_reason(sentence):
    # A why-question is answered by the sentence that gives the cause, whatever words give it.
    from doksvar.answer.score import gives_reason

    assert gives_reason(sentence)


PRICES = """\
Årsredovisning 2025 Tekniska nämnden

1 Avgifter

Avfallstaxan höjdes den 1 januari 2025 med 6,5 procent för att täcka de högre kostnaderna för
insamling. Budgeten för insamlingen överskreds ändå med 410 tkr.

Fjärrvärmepriset höjdes den 1 januari med 4,5 procent. Bränslekostnaderna för kommunens egna
värmeverk blev 1,2 mnkr högre än budget, främst på grund av dyrare flis.

Parkeringsavgifterna i centrum var oförändrade under året.
"""


def test_how_much_dearer_is_how_much_a_price_was_raised(tmp_path):
    answerer = answerer_of(tmp_path, "tn.txt", PRICES)
    from doksvar.answer import read_question

    asked = "Hur mycket dyrare blev fjärrvärmen vid nyår?"
    # Read as the report writes a rise in price ("höjdes"), not as a cost over budget ("dyrare flis").
    assert "höjdes" in read_question(asked, answerer.store.vocab).swedish
    got = ask(answerer, asked)
    assert got.answered
    assert "4,5 procent" in got.answer


GENRE_WORDS = """\
Årsredovisning 2025 Servicebolaget AB

1 Nyckeltal

Tabell 1. Flerårsöversikt
Nyckeltal\t2025\t2024
Nettoomsättning (mnkr)\t412,6\t389,1
Soliditet (%)\t12,6\t13,2

2 Personal

Tabell 2. Sjukfrånvaro per enhet 2025
Enhet\tSjukfrånvaro, %
Lokalvård\t10,2
Kök\t6,1
Vaktmästeri\t4,4
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hur mycket är städpersonalen sjukskriven?", "10,2"),  # the municipal "lokalvård"
        ("Hur stor andel eget kapital hade bolaget 2024?", "13,2"),  # "soliditet", the equity ratio
    ],
)
def test_everyday_words_for_the_genres_terms(tmp_path, question, figure):
    answerer = answerer_of(tmp_path, "bolag.txt", GENRE_WORDS)
    got = ask(answerer, question)
    assert got.answered
    assert figure in got.answer


WATER = """\
Årsredovisning 2025 Samhällsbyggnadsnämnden

1 Viktiga händelser

Den 22 juli påvisades E. coli i ett rutinprov från ledningsnätet i Norrvik. Kokningsrekommendation
utfärdades för cirka 1 100 hushåll och kunde hävas den 29 juli efter spolning och klorering.

2 Vatten och avlopp

Vattenverket levererade 2,1 miljoner kubikmeter vatten under året. Hushållsavfallet minskade till
396 kilo per invånare, mot 421 kilo i landet.
"""


def test_boiling_the_water_is_the_reports_boil_water_notice(tmp_path):
    from doksvar.answer import read_question

    answerer = answerer_of(tmp_path, "sbn.txt", WATER)
    asked = "Hur många hushåll fick koka vattnet i Norrvik?"
    assert "kokningsrekommendation" in read_question(asked, answerer.store.vocab).swedish
    got = ask(answerer, asked)
    assert got.answered
    assert "1 100" in got.answer


def test_household_rubbish_is_the_reports_household_waste(tmp_path):
    answerer = answerer_of(tmp_path, "sbn.txt", WATER)
    got = ask(answerer, "Hur mycket hushållssopor slängde varje invånare?")
    assert got.answered
    assert "396" in got.answer


SCHOOL_AND_TRAFFIC = """\
Årsredovisning 2025 Ålby kommunalförbund

1 Gymnasieskolan

Andelen elever med examen inom tre år var 74,2 procent. Nettokostnaden per folkbokförd elev var
131,4 tkr.

2 Trafik

Tågtrafiken gick 6,1 mnkr över budget, främst på grund av ersättningsbussar under banarbeten.
Sparpaketet som direktionen beslutade om i mars väntas ge 3,2 mnkr under året.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("What share of students got a diploma within three years?", "74,2"),
        ("What was the net cost per registered student?", "131,4"),
        ("How far over budget did rail traffic end up?", "6,1"),
        ("How much is the savings package expected to bring in?", "3,2"),
    ],
)
def test_english_words_of_schools_and_traffic(tmp_path, question, figure):
    answerer = answerer_of(tmp_path, "forbund.txt", SCHOOL_AND_TRAFFIC)
    got = ask(answerer, question)
    assert got.answered
    assert figure in got.answer


SUPPLIER = """\
Årsredovisning 2025 Servicenämnden

1 Viktiga händelser

Det nya ärendesystemet levereras i tre etapper och ska förenkla handläggningen av nya ärenden
under det nya året.

Avtalet om det nya ärendesystemet tecknades i mars med Systemhuset Norr AB efter en upphandling.

2 Ekonomi

Nämnden redovisar ett överskott på 0,9 mnkr.
"""


@pytest.fixture(scope="module")
def supplier(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("supplier"), "service-2025.txt", SUPPLIER)


def test_which_company_is_answered_by_the_sentence_that_names_one(supplier):
    # The sentence most like the question names no company; the one that does answers.
    result = ask(supplier, "Vilket företag levererar det nya ärendesystemet?")
    assert result.answered, result.answer
    assert "Systemhuset Norr AB" in result.answer


SOCIAL = """\
Delårsrapport augusti 2026 Socialnämnden

1 Barn och unga

Under januari–augusti kom 612 orosanmälningar in, jämfört med 540 samma period i fjol.

Kostnaderna för tolkar uppgick till 1,3 mnkr, främst vid utredningar av familjer som nyligen
kommit till kommunen.

2 Ekonomi

Nämnden prognostiserar ett underskott på 4,1 mnkr.
"""


@pytest.fixture(scope="module")
def social(tmp_path_factory):
    return answerer_of(tmp_path_factory.mktemp("social"), "social-2026.txt", SOCIAL)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("How many reports of concern did social services receive from January to August?", "612"),
        ("How much did the committee spend on interpreters?", "1,3"),
    ],
)
def test_english_genre_terms_find_the_reports_swedish_words(social, question, figure):
    result = ask(social, question)
    assert result.answered, result.answer
    assert figure in result.answer


def test_an_english_genre_term_the_report_lacks_is_declined(social):
    result = ask(social, "How many evictions were there during the period?")
    assert not result.answered, result.answer


JOBS = """\
Årsredovisning 2025 Kommunstyrelsen

1 Näringsliv

Kommunstyrelsen godkände den 18 juni ett markanvisningsavtal med Norrlogistik AB för en lagerhall på
verksamhetsområdet Kvarnmossen. Etableringen beräknas ge omkring 140 nya arbetstillfällen när den är
fullt utbyggd 2028.
"""


def test_jobs_are_the_reports_arbetstillfallen(tmp_path):
    result = ask(answerer_of(tmp_path, "ks-2025.txt", JOBS), "Hur många jobb väntas etableringen på Kvarnmossen ge?")
    assert result.answered, result.answer
    assert "140" in result.answer


PLACEMENTS = """\
Delårsrapport 2026 Socialnämnden

1 Barn och unga

Tabell 2. Placerade barn och unga, antal per 31 augusti
Placeringsform\t2025\t2026
HVB\t11\t14
Konsulentstödda familjehem\t19\t23
Egna familjehem\t35\t31
Totalt\t65\t68
"""


def test_a_small_word_the_question_says_chooses_the_row_and_fosterhem_is_familjehem(tmp_path):
    report = answerer_of(tmp_path, "sn-2026.txt", PLACEMENTS)
    result = ask(report, "Hur många barn bodde i kommunens egna fosterhem 2026?")
    assert result.answered, result.answer
    assert "Egna familjehem" in result.answer and "31" in result.answer


STAFF = """\
Årsredovisning 2025 Granby kommun

1 Fem år i sammandrag

Nyckeltal\t2024\t2025
Invånare 31 december, antal\t14 120\t14 205
Tillsvidareanställda 31 december, antal\t1 148\t1 162

4 Personal

4.1 Anställda

Vid utgången av 2025 hade kommunen 1 162 tillsvidareanställda medarbetare, vilket är 14 fler än ett år
tidigare. Antalet visstidsanställda med månadslön minskade till 118.

Tabell 10 Personalnyckeltal 2024–2025
Nyckeltal\t2024\t2025
Tillsvidareanställda, antal\t1 148\t1 162
varav kvinnor\t909\t921
varav män\t239\t241
Sjukfrånvaro, %\t7,4\t7,1
"""


def test_a_group_asked_of_the_first_parts_subject_is_read_from_its_own_row(tmp_path):
    report = answerer_of(tmp_path, "granby-2025.txt", STAFF)
    result = report.ask(
        "How many permanent staff did the municipality employ at the end of 2025, and how many of them were men?"
    )
    assert result.answered, result.answer
    assert "1 162" in result.answer and "241" in result.answer


BUSES = """\
Årsredovisning 2025 Barn- och utbildningsnämnden

1 Viktiga händelser

Det nya avtalet för skolskjutsen gäller från den 1 augusti, enligt beslut i nämnden, och innebär
högre kostnader för skolskjutsen.

2 Skolskjuts

Efter upphandlingen tecknades avtalet för skolskjuts med Nordtrafik Väst AB, som kör från den
1 augusti.

Kommunens avtal om företagshälsovård med Hälsopartner AB förlängdes.
"""


def test_asked_which_company_and_from_when_the_sentence_giving_both_answers(tmp_path):
    report = answerer_of(tmp_path, "bun-2025.txt", BUSES)
    result = report.ask("Vilket företag kör skolskjutsen enligt det nya avtalet, och från vilket datum?")
    assert result.answered, result.answer
    assert "Nordtrafik" in result.answer and "1 augusti" in result.answer


STREETS = """\
Delårsrapport 2026 Tekniska nämnden

1 Viktiga händelser

Den 7 maj inträffade ett större ledningsbrott på huvudvattenledningen under Storgatan. Omkring 420
hushåll fick kokningsrekommendation under tre dygn.

Den nya gång- och cykelvägen längs Lillträskvägen invigdes den 18 juni 2026. Projektet beräknas kosta
7,6 mnkr.
"""


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("När öppnades den nya cykelbanan vid Lillträskvägen?", "18 juni"),
        ("Hur många hushåll blev uppmanade att koka vattnet efter läckan i maj?", "420"),
    ],
)
def test_a_cycle_track_a_leak_and_an_opening_in_the_words_of_technical_reports(tmp_path, question, figure):
    result = ask(answerer_of(tmp_path, "tn-2026.txt", STREETS), question)
    assert result.answered, result.answer
    assert figure in result.answer


PLAN = """\
# Årsredovisning 2025 Miljöförbundet Norrhamn

## 1 Året i korthet

- Direktionen antog en ny tillsynsplan för perioden 2026–2028.
- Avloppsinventeringen i Östvik slutfördes.

## 3 Händelser

Direktionen sammanträdde sex gånger under året och fattade bland annat beslut om:

- **12 juni** – timtaxor för 2026.
- **11 december** – tillsynsplan och kontrollplan för 2026–2028 samt internkontrollplan för 2026.

I avgångssamtalen nämns lönenivån som det vanligaste skälet till att sluta.
"""


def test_when_a_plan_for_named_years_was_adopted_is_not_answered_by_those_years(tmp_path):
    report = answerer_of(tmp_path, "miljo-2025.md", PLAN)
    result = ask(report, "When did the board adopt the new supervision plan covering 2026 to 2028?")
    assert result.answered, result.answer
    assert "11 december" in result.answer
