"""An analysis of deviations that heads each item's paragraph with the item ("Hemtjänst (-9 300 tkr)",
"*Kulturskola (−970 tkr).*", or a sub-heading "Digitalisering och IT" over "Verksamheten har det
största underskottet, 2 373 tkr."): why the item deviated is answered from its paragraph, and lists
name each item once. On reports written for these tests."""

from __future__ import annotations

import pytest

from doksvar.answer import Answerer

from .conftest import answerer_of, ask

TEXT_REPORT = """\
Delårsrapport 2026 Omsorgsnämnden

1 Ekonomi

1.1 Prognos per verksamhet

Tabell 2. Nettokostnad per verksamhet, tkr
Verksamhet\tBudget helår\tPrognos helår\tAvvikelse helår
Hemvård\t-120 000\t-126 400\t-6 400
Dagverksamhet\t-14 000\t-13 100\t900
Boendestöd\t-30 000\t-31 200\t-1 200
Summa\t-164 000\t-170 700\t-6 700

Övriga kostnader för hjälpmedel beräknas överskrida budget med 150 tkr, eftersom fler personer
bor kvar hemma med stora behov.

1.2 Analys av avvikelserna

Hemvård (-6 400 tkr)
Antalet beviljade timmar har ökat med 9 procent mot budgeterade 3 procent. Den högre volymen
förklarar 4 900 tkr av avvikelsen, resten avser övertid under sommaren.

Dagverksamhet (+900 tkr)
Två grupper har haft stängt under våren i väntan på nya lokaler.

Boendestöd (-1 200 tkr)
Kostnaderna för inhyrd personal har blivit högre än planerat.

1.3 Kommentarer per enhet

Administration
Underskottet på 410 tkr beror främst på ett nytt verksamhetssystem som fick köras parallellt.

IT och digitalisering
Enheten har det största underskottet, 820 tkr. Licenserna blev dyrare än budgeterat när
leverantören höjde priserna med tolv procent.

Transporter
Kostnaden för färdtjänstresor överskred budget med 630 tkr. Taxan höjdes med sju procent
medan budgeten byggde på tre procent.
"""

MD_REPORT = """\
# Årsredovisning 2025 Fritidsnämnden

## 1 Ekonomi

### 1.1 Driftredovisning

| Verksamhet | Budget 2025 | Utfall 2025 | Avvikelse 2025 |
|---|---|---|---|
| Badhus | −12 000 | −14 300 | −2 300 |
| Bibliotek | −20 000 | −19 450 | 550 |
| Fritidsgårdar | −9 000 | −8 600 | 400 |
| Summa | −41 000 | −42 350 | −1 350 |

### 1.2 Analys av budgetavvikelserna

Badhuset var stängt i fem veckor under hösten. Badhuset redovisar sammantaget ett underskott
på 2 300 tkr.

**Verksamheter med underskott**

*Badhus (−2 300 tkr).* Avvikelsen har två förklaringar:

- ett läckage i bassängen som krävde akut reparation för 1 500 tkr,
- uteblivna entréavgifter om 800 tkr under stängningen.

**Verksamheter med överskott**

*Bibliotek (+550 tkr).* Vakanta tjänster som bibliotekarie under halva året.

*Fritidsgårdar (+400 tkr).* Lägre personalkostnader när en gård hade kortare öppettider.
"""


def _index(tmp_path_factory, name: str, text: str) -> Answerer:
    return answerer_of(tmp_path_factory.mktemp("leads"), name, text)


@pytest.fixture(scope="module")
def text_report(tmp_path_factory):
    return _index(tmp_path_factory, "omsorg-delar-2026.txt", TEXT_REPORT)


@pytest.fixture(scope="module")
def md_report(tmp_path_factory):
    return _index(tmp_path_factory, "fritid-2025.md", MD_REPORT)


def test_leads_are_read_as_the_items_deviations_with_their_paragraphs():
    from pathlib import Path

    from doksvar.facts.deviations import deviations
    from doksvar.ingest import load_bytes

    for doc in (
        load_bytes(Path("r.txt"), TEXT_REPORT.encode()),
        load_bytes(Path("r.md"), MD_REPORT.encode()),
    ):
        leads = {
            f.data["row_label"]: (f.data["amount"], f.data["direction"], doc.text[slice(*f.data["explanation"])])
            for f in deviations(doc)
            if f.data.get("lead")
        }
        if "Hemvård" in leads:
            assert leads["Hemvård"][:2] == (6400, "negative")
            assert "volymen" in leads["Hemvård"][2]
            assert leads["Dagverksamhet"][:2] == (900, "positive")
            assert leads["IT och digitalisering"][:2] == (820, "negative")
            assert "Licenserna" in leads["IT och digitalisering"][2]
        else:
            assert leads["Badhus"][:2] == (2300, "negative")
            assert "läckage" in leads["Badhus"][2] and "entréavgifter" in leads["Badhus"][2]
            assert leads["Bibliotek"][:2] == (550, "positive")


def test_a_group_heading_is_no_item():
    from doksvar.facts.deviations import deviations
    from doksvar.ingest.text import parse_text

    text = "Rapport 2025\n\n1 Ekonomi\n\nNegativa avvikelser\nKostnaderna för el överskred budget med 300 tkr.\n"
    found = [f.data for f in deviations(parse_text(text, "r.txt", "r.txt", "0"))]
    assert [(d["amount"], d.get("lead", False)) for d in found] == [(300, False)]


@pytest.mark.parametrize(
    ("question", "figure", "reason"),
    [
        ("Varför väntas hemvården gå med underskott?", "6 400", "volymen"),
        ("Hur kommer det sig att dagverksamheten går med plus?", "900", "lokaler"),
        ("Varför drog it-enheten över budget, och med hur mycket?", "820", "Licenserna"),
    ],
)
def test_why_an_item_deviated_is_answered_from_its_paragraph(text_report, question, figure, reason):
    result = ask(text_report, question)
    assert result.answered
    assert figure in result.answer and reason in result.answer, result.answer
    assert any(reason in c.quote for c in result.citations)


def test_an_item_named_only_by_its_sub_heading_is_named_in_the_answer(text_report):
    result = ask(text_report, "Varför drog it-enheten över budget, och med hur mycket?")
    assert "IT och digitalisering" in result.answer


def test_a_reason_is_not_taken_from_another_items_paragraph(text_report):
    result = ask(text_report, "Hur mycket mer än budgeterat kostade färdtjänsten, och varför?")
    assert "630" in result.answer
    assert "verksamhetssystem" not in result.answer and "Licenserna" not in result.answer


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Varför gick badhuset med minus förra året?", "läckage"),
        ("Why did the library spend less than budgeted?", "Vakanta"),
    ],
)
def test_why_from_a_lead_in_of_the_analysis(md_report, question, reason):
    result = ask(md_report, question)
    assert reason in result.answer, result.answer


def test_a_list_names_each_item_once(md_report):
    result = ask(md_report, "Vilka verksamheter gick med överskott?")
    assert result.answer.count("Bibliotek") == 1 and result.answer.count("Fritidsgårdar") == 1, result.answer


LISTED = """\
Årsredovisning 2025 Gymnasienämnden

1 Ekonomi

1.1 Driftredovisning

Tabell 9. Driftredovisning per verksamhet, nettokostnad (tkr)
Verksamhet\tBudget\tUtfall\tAvvikelse
Stadsgymnasiet\t40 000\t39 200\t800
Naturbruksgymnasiet\t17 600\t18 910\t-1 310
Summa\t57 600\t58 110\t-510

1.2 Kommentarer

Naturbruksgymnasiet redovisar ett underskott på 1 310 tkr:

- foderkostnaderna i gårdsdriften blev 780 tkr högre än budget,
- en vattenskada i internatet kostade 640 tkr,
- försäljningen av en traktor gav en vinst på 85 tkr som minskade underskottet.

Stadsgymnasiet redovisar ett överskott på 800 tkr tack vare vakanta tjänster.
"""


def test_a_deviation_that_leads_into_a_list_is_explained_by_the_list(tmp_path_factory):
    answerer = _index(tmp_path_factory, "gymnasie-2025.txt", LISTED)
    result = ask(answerer, "Hur mycket gick naturbruksgymnasiet över budget, och varför?")
    assert "1 310" in result.answer and "foderkostnaderna" in result.answer, result.answer
    assert "vakanta" not in result.answer


SUMMED = """\
Årsredovisning 2025 Kulturnämnden

1 Verksamheterna

1.1 Kulturskolan

Kulturskolan undervisar i musik, dans och teater på sju skolor.

Avgiftssänkningen kompenserades inte fullt ut i budget. Avgiftsintäkterna blev 540 tkr lägre än
beräknat, trots att antalet elever ökade. Därtill har sjukfrånvaro bland lärarna medfört
vikariekostnader på 430 tkr utöver budget. Kulturskolan redovisar sammantaget ett underskott på 970 tkr.

1.2 Biblioteken

Biblioteken redovisar ett överskott på 300 tkr tack vare vakanta tjänster.
"""


def test_a_sum_stated_in_the_middle_of_its_sentence_takes_its_parts_as_reasons(tmp_path_factory):
    answerer = _index(tmp_path_factory, "kultur-2025.txt", SUMMED)
    result = ask(answerer, "Varför gick kulturskolan med minus?")
    assert "970" in result.answer and "Avgiftsintäkterna" in result.answer, result.answer


BOLD = """\
# Delårsrapport april 2026 Omsorgsnämnden

## 1 Ekonomi

### 1.1 Prognos per verksamhet

| Verksamhet | Budget helår | Prognos helår | Avvikelse helår |
|---|---:|---:|---:|
| Familjehemsvård | -61 200 | -68 900 | -7 700 |
| Ekonomiskt bistånd | -47 500 | -50 700 | -3 200 |
| Summa | -108 700 | -119 600 | -10 900 |

### 1.2 Kommentarer per verksamhet

**Familjehemsvård.** Verksamheten beräknas överskrida sin budget med -7 700 tkr. Det är
den helt dominerande orsaken till nämndens underskott. Överskridandet förklaras av fler och längre
placeringar på HVB.

**Ekonomiskt bistånd.** Prognosen pekar på ett underskott om -3 200 tkr. Orsaken är att fler
hushåll har behövt bistånd när arbetslösheten stigit i kommunen.
"""


def test_an_item_named_in_bold_before_its_deviation_is_explained_by_its_paragraph(tmp_path_factory):
    from doksvar.answer import read_question

    answerer = _index(tmp_path_factory, "social-t1-2026.md", BOLD)
    result = ask(answerer, "Varför väntas familjehemsvården gå över budget, och med hur mycket?")
    assert "7 700" in result.answer and "HVB" in result.answer, result.answer
    # "pengarna räcker inte" says a deficit as "gå back" does
    assert read_question("Varför räcker pengarna inte till biståndet?", answerer.store.vocab).negative
