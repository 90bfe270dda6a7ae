"""Many reports in one index: questions that name an organisation or a year, --doc, the picker."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from doksvar.answer import Answerer
from doksvar.index.store import Store

from .conftest import BUNDLED, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from synth import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    paths = make_corpus(BUNDLED, folder / "corpus", 4)
    store = Store(folder / "i.sqlite", writable=True)
    assert all(s.event == "indexed" for s in store.index_files(paths))
    return folder, store, paths


def _doc_of(store, name_part: str) -> str:
    return next(d.name for d in store.documents() if name_part in d.title)


def test_a_question_naming_an_organisation_is_answered_from_its_report(many):
    _, store, _ = many
    a = Answerer(store)
    umea = _doc_of(store, "Umeå")
    r = a.ask("Hur rankas Umeå i Regionernas Kamp?")
    assert r.answered and {c.doc for c in r.citations} == {umea}
    assert "Källa: " in r.answer and "Umeå" in r.answer.split("Källa: ")[1]
    r = a.ask("Hur rankas Luleå i Regionernas Kamp?")
    assert {c.doc for c in r.citations} == {BUNDLED.name} and "58" in r.answer


def test_a_question_naming_a_year_is_answered_from_that_years_report(many):
    _, store, _ = many
    years = {d.name: re.search(r"\b(20\d\d)\b", d.title).group(1) for d in store.documents()}
    unique = {doc: y for doc, y in years.items() if list(years.values()).count(y) == 1}
    doc, year = next(iter(unique.items()))
    r = Answerer(store).ask(f"Vilka negativa avvikelser fanns {year}?")
    assert r.answered and {c.doc for c in r.citations} == {doc}


def test_answers_over_several_reports_name_each_source(many):
    _, store, _ = many
    r = Answerer(store).ask("Vilka rankingar finns?")
    cited = {c.doc for c in r.citations}
    assert len(cited) > 1 and "Källor: " in r.answer
    titles = {d.name: d.title for d in store.documents()}
    assert all(titles[doc] in r.answer for doc in cited)


def test_an_organisation_no_report_mentions_is_declined(many):
    _, store, _ = many
    r = Answerer(store).ask("Hur rankas Stockholm i Regionernas Kamp?")
    assert not r.answered and "stockholm" in r.answer.lower()


def test_doc_option_in_the_cli(many):
    folder, store, paths = many
    name = paths[2].name
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "doksvar",
            "--index",
            str(folder / "i.sqlite"),
            "ask",
            "--json",
            "--doc",
            Path(name).stem,
            "Hur stor var personalomsättningen?",
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0
    import json

    data = json.loads(r.stdout)
    assert data["answered"] and {c["doc"] for c in data["citations"]} == {name}
    r = subprocess.run(
        [sys.executable, "-m", "doksvar", "--index", str(folder / "i.sqlite"), "search", "--doc", "nope", "x"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1 and "no indexed document matches" in r.stderr


async def test_document_picker_in_the_app(many, monkeypatch):
    folder, _, paths = many
    monkeypatch.chdir(folder)
    from doksvar.tui.app import DoksvarApp
    from doksvar.tui.widgets.chat import AnswerCard

    store = Store(folder / "i.sqlite", threads=True)
    app = DoksvarApp(Path("i.sqlite"), store=store, build=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        picker = app.query_one("#doc-picker")
        assert picker.display
        target = next(d for d in store.documents() if d.name == paths[3].name)
        picker.value = target.id
        await pilot.pause()
        await pilot.press("f2")
        await pilot.press(*"Hur stor var personalomsättningen?")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        card = list(app.query(AnswerCard))[-1]
        assert {c.doc for c in card.answer.citations} == {paths[3].name}
