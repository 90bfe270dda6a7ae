"""The terminal app, driven headless: ask, jump to a citation, search, export, literal text."""

from __future__ import annotations

from pathlib import Path

import pytest

from doksvar.index.store import Store
from doksvar.tui.app import DoksvarApp
from doksvar.tui.widgets.chat import AnswerCard
from doksvar.tui.widgets.search import HitItem
from doksvar.tui.widgets.viewer import BlockView, DocumentPane

from .conftest import BUNDLED


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = Store(tmp_path / "snap.sqlite", writable=True, threads=True)
    list(store.index_files([BUNDLED]))
    return DoksvarApp(Path("snap.sqlite"), store=store, build=False, export_dir=tmp_path)


async def ask(app, pilot, question: str) -> AnswerCard:
    await pilot.press("f2")
    await pilot.press(*question)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return list(app.query(AnswerCard))[-1]


async def search(pilot, query: str) -> None:
    """Type a query in the search pane and wait until its results are listed."""
    await pilot.press("f3")
    await pilot.press(*query)
    for _ in range(100):
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        if pilot.app.query(HitItem):
            break
    await pilot.pause()


def visible(app, widget) -> bool:
    scroll = app.query_one("#doc")
    return widget.region.overlaps(scroll.region) and widget.region.height > 0


async def test_a_question_gets_an_answer_with_citations(app):
    async with app.run_test(size=(120, 40)) as pilot:
        card = await ask(app, pilot, "Hur många tillsvidareanställda fanns det 2023?")
        assert "283" in card.answer.answer
        assert len(card.query(".citation")) == len(card.answer.citations) >= 1
        assert app.focused is card


async def test_citation_one_opens_the_viewer_at_the_highlighted_passage(app):
    async with app.run_test(size=(120, 40)) as pilot:
        card = await ask(app, pilot, "Vilka negativa avvikelser finns?")
        quote = card.answer.citations[0].quote
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "viewer"
        pane = app.query_one(DocumentPane)
        marked = pane.marked
        assert marked is not None and marked.has_class("-highlight")
        assert quote in marked.block.text
        assert "6.1" == card.answer.citations[0].section
        assert visible(app, marked)
        # Back returns to the chat.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "chat"


async def test_search_lists_hits_and_opens_the_viewer_there(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "upphandling")
        hits = list(app.query(HitItem))
        assert hits and all("upphandl" in h.hit.stored.passage.text.lower() for h in hits[:3])
        await pilot.press("enter")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "viewer"
        marked = app.query_one(DocumentPane).marked
        assert marked is not None and "upphandl" in marked.block.text.lower() and visible(app, marked)


async def test_export_writes_markdown_with_question_answer_and_citations(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        card = await ask(app, pilot, "Vad kostade friskvårdsbidraget?")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.last_export is not None
        text = app.last_export.read_text(encoding="utf-8")
        assert "Vad kostade friskvårdsbidraget?" in text
        assert card.answer.answer in text
        assert "> " + card.answer.citations[0].quote in text


async def test_markup_like_text_renders_literally(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile = (
        "Rapport [bold]fet[/bold]\n\n1 Inledning\n\n"
        "Texten [red]ska[/red] visas som den står, med \\[escape] och [link=x]länk[/link] och [/].\n"
        + "Lång rad " * 1200
        + "\n"
    )
    (tmp_path / "markup.txt").write_text(hostile, encoding="utf-8")
    store = Store(tmp_path / "m.sqlite", writable=True, threads=True)
    list(store.index_files([tmp_path / "markup.txt"]))
    app = DoksvarApp(Path("m.sqlite"), store=store, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        blocks = list(app.query(BlockView))
        rendered = " ".join(str(b.render()) for b in blocks)
        assert "[red]ska[/red]" in rendered and "[bold]fet[/bold]" in rendered and "\\[escape]" in rendered
        card = await ask(app, pilot, "Vad ska visas?")
        assert "[red]" in str(card.query_one(".answer").render()) or not card.answer.answered


async def test_missing_corpus_and_index_give_a_message_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = DoksvarApp(tmp_path / "none.sqlite", tmp_path / "no-corpus")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "ingen korpus" in status.lower() or "inget index" in status.lower()
        await pilot.press(*"hej")
        await pilot.press("enter")
        await pilot.pause()


async def test_app_builds_a_missing_index_in_the_background(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / BUNDLED.name).write_bytes(BUNDLED.read_bytes())
    app = DoksvarApp(tmp_path / "new.sqlite", corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is not None and app.store.counts()["documents"] == 1
        card = await ask(app, pilot, "Hur rankas Luleå i Regionernas Kamp?")
        assert "58" in card.answer.answer


def test_snapshot_chat_with_an_answer(app, snap_compare):
    async def run_before(pilot):
        await ask(pilot.app, pilot, "Vilka positiva avvikelser finns?")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_snapshot_search_with_results(app, snap_compare):
    async def run_before(pilot):
        await search(pilot, "upphandling")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_snapshot_viewer_at_a_citation(app, snap_compare):
    async def run_before(pilot):
        await ask(pilot.app, pilot, "Vad kostade friskvårdsbidraget?")
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_snapshot_help_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), press=["f1"])


async def test_long_lines_and_a_tiny_terminal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    long_line = "Ordet [bold]upphandling[/bold] står här " + "mycket lång text " * 600
    (tmp_path / "long.txt").write_text(f"Rapport\n\n1 Lång\n\n{long_line}\n", encoding="utf-8")
    store = Store(tmp_path / "l.sqlite", writable=True, threads=True)
    list(store.index_files([tmp_path / "long.txt"]))
    app = DoksvarApp(Path("l.sqlite"), store=store, build=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "upphandling")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "viewer"
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("f2")
        await pilot.press(*"Vad står här?")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.query(AnswerCard)
        assert "[bold]upphandling[/bold]" in str(app.query(BlockView).last().render())
