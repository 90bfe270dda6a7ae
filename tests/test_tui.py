"""The terminal app, driven headless as a person would use it: keep typing questions, open citations
with Alt+digits, keys that work wherever focus is, readable tables at 80×24, search, export, errors."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Input, ListView, TabbedContent, Tree
from textual.widgets._footer import FooterKey

from doksvar.index.store import Store
from doksvar.model import Answer, Citation
from doksvar.tui.app import DoksvarApp
from doksvar.tui.widgets.chat import AnswerCard, ErrorCard, HistoryInput
from doksvar.tui.widgets.help import HelpScreen
from doksvar.tui.widgets.search import HitItem, SearchInput
from doksvar.tui.widgets.viewer import BlockView, DocumentPane, TableView

from .conftest import BUNDLED

DOC = BUNDLED.name
APP_KEYS = {"f1", "f2", "alt+1", "ctrl+s", "ctrl+r", "ctrl+p"}
"""The app's keys, each of which the footer must show wherever focus is."""
SUMMARY = r"Indexeringen klar: \d+ indexerade · \d+ oförändrade · \d+ borttagna · 0 misslyckade"


@pytest.fixture(scope="session")
def built_index(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tui") / "bundled.sqlite"
    store = Store(path, writable=True)
    list(store.index_files([BUNDLED]))
    store.close()
    return path


@pytest.fixture
def store(built_index, tmp_path) -> Store:
    copy = tmp_path / "index.sqlite"
    shutil.copy(built_index, copy)
    return Store(copy, threads=True)


@pytest.fixture
def app(store, tmp_path, monkeypatch) -> DoksvarApp:
    monkeypatch.chdir(tmp_path)
    return DoksvarApp(Path(store.path.name), store=store, build=False, export_dir=tmp_path / "export")


class Fixed:
    """An answerer with answers given in advance (these tests are about the app, not about answering);
    a question it has no answer for raises the error given."""

    def __init__(self, answers: list[Answer], error: Exception | None = None) -> None:
        self.by_question = {a.question: a for a in answers}
        self.error = error
        self.docs = None

    def ask(self, text: str) -> Answer:
        if text not in self.by_question:
            raise self.error or KeyError(text)
        return self.by_question[text]

    def refresh(self) -> None:
        pass


LIST_Q = "Vilka negativa avvikelser finns?"
TABLE_Q = "Vad blev nettokostnaderna 2022?"
ITEM_Q = "Vad påverkade resultatet?"
CELL_Q = "Vad var utfallet 2022 för nettokostnaderna?"
NET_ROW = "Nettokostnader\t307 662\t280 390\t287 901\t-19 761\t\t287 901\t\t280 390"
KS_ROW = "KS-Kommunstabens\t68 453\t40 531\t68 000\t-453\t\t68 000\t\t40 531"
ITEM = "Stor mängd av sena fakturor från leverantörer för både licenser och utförda tjänster"


@pytest.fixture(scope="session")
def canned(built_index) -> dict[str, Answer]:
    """Answers given in advance, their citations at the right places of the document as indexed."""
    store = Store(built_index)
    text = store.document_text(store.documents()[0].id)
    store.close()

    def cite(n: int, quote: str, section: str = "6.1", title: str = "Driftsredovisning") -> Citation:
        start = text.index(quote)
        return Citation(n, DOC, section, title, None, quote, start, start + len(quote))

    listed = Answer(
        LIST_Q,
        True,
        "deviation",
        "Negativa avvikelser: Totalt 19,8 mkr – Utfall per sista december 2023 ligger på 307,7 mkr vilket är "
        "19,8 mkr mer än budget. 1) 14,2 mkr – Största negativa avvikelse från budget kan hänföras till "
        "kostnader om 14,2 mkr för externa tjänster… 2) 2,1 mkr – …uppgår till 8,3 mkr vilket överstiger "
        "budget med 2,1 mkr. 3) 453 tkr",
        (
            cite(1, "Utfall per sista december 2023 ligger på 307,7 mkr vilket är 19,8 mkr mer än budget."),
            cite(2, "Största negativa avvikelse från budget kan hänföras till kostnader om 14,2 mkr"),
            cite(3, "Kostnader för friskvårdsbidraget uppgår till 8,3 mkr vilket överstiger budget med 2,1 mkr."),
            cite(4, KS_ROW, "6.2", "Investeringsredovisning"),
        ),
    )
    table = Answer(
        TABLE_Q,
        True,
        "table",
        "Nettokostnader, Utfall Dec 2022: 280 390 (Driftredovisning (tkr))",
        (cite(1, NET_ROW), cite(2, "Utfall Dec 2022")),
    )
    item = Answer(ITEM_Q, True, "fact", f"{ITEM}.", (cite(1, ITEM),))
    row = text.index(NET_ROW)
    last = row + NET_ROW.rindex("280 390")  # the row's last cell, "Utfall 2022"
    cell = Citation(1, DOC, "6.1", "Driftsredovisning", None, "280 390", last, last + 7)
    far = Answer(CELL_Q, True, "table", "Nettokostnader, Utfall 2022: 280 390", (cell,))
    return {"list": listed, "table": table, "item": item, "cell": far}


@pytest.fixture
def fixed_app(store, canned, tmp_path, monkeypatch) -> DoksvarApp:
    monkeypatch.chdir(tmp_path)
    answerer = Fixed(list(canned.values()), error=ValueError("trasigt svar"))
    return DoksvarApp(Path(store.path.name), store=store, answerer=answerer, build=False, export_dir=Path("export"))


async def until(pilot, done: Callable[[], object], seconds: float = 20.0) -> None:
    """Let the app run until `done()` holds (an event, not a pause): fails after a generous deadline."""
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.01)
    await pilot.pause()


async def ask(pilot, question: str) -> AnswerCard:
    """Type a question in the chat input, press Enter and wait until its answer shows."""
    app = pilot.app
    before = len(app.query(AnswerCard)) + len(app.query(ErrorCard))
    if app.query_one(TabbedContent).active != "chat":
        await pilot.press("f2")
    # The text as if typed (typing key by key is tested on its own); Enter as a person presses it.
    app.query_one("#question", Input).value = question
    await pilot.press("enter")
    await until(pilot, lambda: len(app.query(AnswerCard)) + len(app.query(ErrorCard)) > before)
    return app.query(AnswerCard).last()


async def search(pilot, query: str) -> None:
    """Type a query in the search pane and wait until its results are listed."""
    await pilot.press("f3")
    pilot.app.query_one("#search-input", Input).value = query
    # The results of the whole query, not of a part typed before a pause.
    await until(pilot, lambda: f"träffar för “{query}”" in str(pilot.app.query_one("#search-status").render()))


def notes(app: DoksvarApp) -> list[str]:
    """Record every message the app shows as a toast."""
    shown: list[str] = []
    notify = app.notify

    def spy(message, *args, **kwargs):
        shown.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = spy  # type: ignore[method-assign]
    return shown


def lines_of(widget) -> str:
    """The text a widget shows on screen, line by line."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return "\n".join(strip.text for strip in widget.render_lines(region))


def visible(app, widget, container: str = "#doc") -> bool:
    return widget.region.overlaps(app.query_one(container).region) and widget.region.height > 0


# ---------------------------------------------------------------------- focus and keys


async def test_two_questions_typed_in_a_row_both_get_answers_and_the_input_keeps_focus(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Hur många tillsvidareanställda fanns det 2023?", "enter")
        await pilot.press(*"Hur rankas Luleå i Regionernas Kamp?", "enter")
        await until(pilot, lambda: len(app.query(AnswerCard)) == 2)
        first, second = app.query(AnswerCard)
        assert "283" in first.answer.answer and "58" in second.answer.answer
        assert app.focused is app.query_one("#question", HistoryInput)
        assert app.query_one("#question", HistoryInput).value == ""


async def test_alt_digits_open_the_latest_answers_citations_from_the_input(app):
    async with app.run_test(size=(120, 40)) as pilot:
        card = await ask(pilot, "Vilka negativa avvikelser finns?")
        first, second = card.answer.citations[:2]
        await pilot.press("alt+1")
        await until(pilot, lambda: app.query_one(DocumentPane).marked is not None)
        pane = app.query_one(DocumentPane)
        assert app.query_one(TabbedContent).active == "viewer" and app.focused is app.query_one("#doc")
        assert first.quote in pane.marked.block.text and visible(app, pane.marked)
        # The outline marks the section jumped to.
        outline = app.query_one("#outline", Tree)
        assert outline.display and str(outline.cursor_node.label).startswith(f"{first.section} ")
        await pilot.press("escape")
        await until(pilot, lambda: app.query_one(TabbedContent).active == "chat")
        assert app.focused is app.query_one("#question")
        await pilot.press("alt+2")
        await until(pilot, lambda: app.query_one(TabbedContent).active == "viewer")
        assert second.quote in pane.marked.block.text


async def test_keys_typed_right_after_f3_land_in_the_search_input(app):
    from textual import events

    async with app.run_test(size=(80, 24)) as pilot:
        # As a fast typist or a paste does: every key is queued before the first is handled.
        for key, character in [("f3", None), *[(c, c) for c in "budget"]]:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: app.query_one("#search-input", SearchInput).value == "budget")
        assert app.query_one("#question", HistoryInput).value == ""


async def test_alt_digit_without_such_a_citation_says_so(app):
    shown = notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("alt+1")
        card = await ask(pilot, "Hur rankas Luleå i Regionernas Kamp?")
        await pilot.press(f"alt+{len(card.answer.citations) + 1}")
        await pilot.pause()
        assert shown == ["Inget svar ännu.", f"Senaste svaret har ingen källa {len(card.answer.citations) + 1}."]
        assert app.query_one(TabbedContent).active == "chat"
        assert app.query_one("#question", HistoryInput).value == ""  # the digit was not typed


async def test_tab_reaches_the_latest_answer_and_typing_there_goes_back_to_the_question(fixed_app):
    app = fixed_app
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, TABLE_Q)
        card = await ask(pilot, LIST_Q)
        await pilot.press("tab")
        assert app.focused is card
        await pilot.press("up")
        assert app.focused is app.query(AnswerCard).first()
        await pilot.press(*"och 2023")
        box = app.query_one("#question", HistoryInput)
        assert app.focused is box and box.value == "och 2023"
        assert app.query_one(TabbedContent).active == "chat"  # no letter was taken for a key
        await pilot.press("tab", "escape")
        assert app.focused is box
        await pilot.press("tab", "enter")
        await until(pilot, lambda: app.query_one(DocumentPane).marked is not None)
        assert "Utfall per sista december 2023" in app.query_one(DocumentPane).marked.block.text


PANE_KEYS = (("f2", "chat", "#question"), ("f3", "search", "#search-input"), ("f4", "viewer", "#doc"))
FOCUS_SPOTS = ["#question", "answer", "#search-input", "#hits", "#doc", "#outline"]


async def put_focus(pilot, spot: str) -> None:
    app = pilot.app
    pane = {"#question": "chat", "answer": "chat", "#search-input": "search", "#hits": "search"}.get(spot, "viewer")
    await pilot.press({"chat": "f2", "search": "f3", "viewer": "f4"}[pane])
    await pilot.pause()
    if spot == "answer":
        app.query(AnswerCard).last().focus()
    else:
        app.query_one(spot).focus()
    await pilot.pause()


INPUTS = ("#question", "#search-input")
"""Where a focused widget could take an app key for its own (Input binds Ctrl+E, for one)."""


async def test_every_app_key_works_and_is_in_the_footer_wherever_focus_is(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BUNDLED, corpus / BUNDLED.name)
    app = DoksvarApp(store.path, corpus, store=store, build=False, export_dir=tmp_path / "export")
    shown = notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, "Vilka positiva avvikelser finns?")
        await search(pilot, "upphandling")
        await pilot.press("down")  # into the list, so that "#hits" has a row
        # One session, focus put on each spot in turn: what one key does must not depend on where focus is.
        for spot in FOCUS_SPOTS:
            await put_focus(pilot, spot)
            keys = {k.key: k for k in app.query(FooterKey)}
            assert APP_KEYS <= set(keys), f"footer lacks {APP_KEYS - set(keys)} with focus on {spot}"
            assert all(keys[k].region.right <= 80 and keys[k].region.width > 0 for k in APP_KEYS), spot

            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen), spot
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen), spot
            if spot not in INPUTS:
                # Away from an input no widget takes these keys: one binding stands for them all.
                await put_focus(pilot, spot)
                await pilot.press("f2")
                assert app.query_one(TabbedContent).active == "chat", spot
                continue

            for key, pane, target in PANE_KEYS:
                await put_focus(pilot, spot)
                await pilot.press(key)
                assert app.query_one(TabbedContent).active == pane and app.focused is app.query_one(target), spot

            before = set((tmp_path / "export").glob("doksvar-samtal-*.md"))
            await put_focus(pilot, spot)
            await pilot.press("ctrl+s")
            written = set((tmp_path / "export").glob("doksvar-samtal-*.md")) - before
            assert len(written) == 1 and any(next(iter(written)).name in note for note in shown), spot

            # Indexing anew takes a while: tried where an input could swallow the key.
            done = sum(note.startswith("Indexeringen klar") for note in shown)
            await put_focus(pilot, spot)
            await pilot.press("ctrl+r")
            await until(pilot, lambda done=done: sum(n.startswith("Indexeringen klar") for n in shown) > done)
            assert re.fullmatch(SUMMARY, [n for n in shown if n.startswith("Indexeringen klar")][-1]), spot

            await put_focus(pilot, spot)
            await pilot.press("alt+1")
            await until(pilot, lambda: app.query_one(TabbedContent).active == "viewer")
            marked = app.query_one(DocumentPane).marked
            assert marked is not None and app.views[-1].answer.citations[0].quote in marked.block.text, spot


async def test_clicking_a_tab_puts_focus_in_its_input(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#--content-tab-search")
        await pilot.pause()
        assert app.focused is app.query_one("#search-input")
        await pilot.click("#--content-tab-chat")
        await pilot.pause()
        assert app.focused is app.query_one("#question")


async def test_the_command_palette_speaks_swedish(app):
    async with app.run_test(size=(120, 40)) as pilot:
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Tema", "Avsluta", "Exportera samtalet", "Indexera igen", "Hjälp", "Skärmbild"} <= titles
        assert not titles & {"Theme", "Quit", "Keys", "Screenshot", "Maximize"}
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one("CommandInput").placeholder == "Sök ett kommando …"


# ---------------------------------------------------------------------- answers in the chat


async def test_a_list_answer_shows_one_item_per_line_with_its_citation_number(fixed_app):
    async with fixed_app.run_test(size=(120, 40)) as pilot:
        card = await ask(pilot, LIST_Q)
        shown = lines_of(card.query_one(".answer"))
        head, *items = (" ".join(part.split()) for part in re.split(r"\n(?=• )", shown))
        assert head.startswith("Negativa avvikelser: Totalt 19,8 mkr") and head.endswith("[1]")
        assert shown.splitlines()[0].strip() == "Negativa avvikelser:"
        assert [item.split()[1] for item in items] == ["14,2", "2,1", "453"]
        assert items[0].endswith("[2]") and items[1].endswith("[3]")
        assert items[2] == "• 453 tkr – KS-Kommunstabens, Utfall - budget Dec 2023: -453 [4]"


async def test_a_table_row_citation_shows_its_column_headers(fixed_app):
    async with fixed_app.run_test(size=(120, 40)) as pilot:
        card = await ask(pilot, TABLE_Q)
        row, column = (" ".join(lines_of(c).split()) for c in card.query(".citation"))
        assert "Nettokostnader — Utfall Dec 2023: 307 662 · Utfall Dec 2022: 280 390 · Budget Dec 2023" in row
        assert "\t" not in row
        assert "kolumnen “Utfall Dec 2022” i tabellen “Driftredovisning (tkr)”" in column


async def test_the_whole_last_answer_is_scrolled_into_view(fixed_app):
    async with fixed_app.run_test(size=(80, 24)) as pilot:
        conversation = fixed_app.query_one("#conversation")
        await ask(pilot, TABLE_Q)
        card = await ask(pilot, ITEM_Q)
        await pilot.pause()
        assert conversation.region.contains_region(card.region)
        tall = await ask(pilot, LIST_Q)
        await pilot.pause()
        assert tall.outer_size.height > conversation.region.height
        # Taller than the pane: its question stands at the top, not scrolled past.
        assert tall.region.y == conversation.region.y + 1


async def test_an_unexpected_error_in_answering_is_said_in_the_chat_and_the_app_goes_on(fixed_app):
    async with fixed_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Vad gör en trasig fråga?", "enter")
        await until(pilot, lambda: fixed_app.query(ErrorCard))
        error = " ".join(lines_of(fixed_app.query_one(ErrorCard)).split())
        assert "Vad gör en trasig fråga?" in error and "ValueError: trasigt svar" in error
        assert fixed_app.is_running
        card = await ask(pilot, TABLE_Q)
        assert card.answer.question == TABLE_Q and "280 390" in card.answer.answer


async def test_a_question_without_an_index_gets_a_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = DoksvarApp(tmp_path / "none.sqlite", tmp_path / "no-corpus")
    shown = notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "Inget index och ingen korpus" in status
        await pilot.press(*"hej", "enter")
        await pilot.pause()
        assert shown == [f"Korpusen {tmp_path / 'no-corpus'} finns inte.", "Inget index."]


async def test_app_builds_a_missing_index_in_the_background_and_says_what_it_did(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BUNDLED, corpus / BUNDLED.name)
    app = DoksvarApp(tmp_path / "new.sqlite", corpus)
    shown = notes(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.store is not None)
        assert app.store.counts()["documents"] == 1
        assert shown == ["Indexeringen klar: 1 indexerade · 0 oförändrade · 0 borttagna · 0 misslyckade"]
        card = await ask(pilot, "Hur rankas Luleå i Regionernas Kamp?")
        assert "58" in card.answer.answer


async def test_a_cancelled_index_run_stops_at_the_next_document(tmp_path, monkeypatch):
    from textual.worker import WorkerCancelled, get_current_worker

    import doksvar.tui.app as tui_app
    from doksvar.errors import StoreError
    from doksvar.index.write import Progress

    handed_out: list[str] = []

    class Writer:
        """Hands out three documents, one at a time; reading it back is not what this test is about."""

        def __init__(self, path, writable: bool = False, threads: bool = False) -> None:
            if not writable:
                raise StoreError("no index")

        def index_files(self, files, on_page=None):
            for k, name in enumerate(("a.txt", "b.txt", "c.txt"), 1):
                handed_out.append(name)
                if k == 1:
                    get_current_worker().cancel()  # as the app does when it closes
                yield Progress("indexed", name, k, 3)

        def close(self) -> None:
            pass

    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    monkeypatch.setattr(tui_app, "Store", Writer)
    app = DoksvarApp(tmp_path / "x.sqlite", tmp_path / "corpus", build=False)
    async with app.run_test(size=(80, 24)):
        worker = app._index_worker()
        with pytest.raises(WorkerCancelled):
            await worker.wait()
        assert handed_out == ["a.txt"]


# ---------------------------------------------------------------------- the viewer


async def test_a_wide_table_at_80x24_keeps_its_figures_whole_and_scrolls_sideways(fixed_app):
    async with fixed_app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, TABLE_Q)
        await pilot.press("alt+1")
        await until(pilot, lambda: fixed_app.query_one(DocumentPane).marked is not None)
        table = fixed_app.query_one(DocumentPane).marked
        assert isinstance(table, TableView) and visible(fixed_app, table)
        assert not fixed_app.query_one("#outline").display  # no room for the outline at 80 columns
        shown = lines_of(table.query_one(".table-body"))
        for figure in ("307 662", "280 390", "287 901", "-19 761", "290 693"):
            assert figure in shown, f"{figure} split or missing"
        header = shown.split("─")[0]
        assert header.count("2023") >= 3 and "202\n" not in header
        assert min(len(line.split()) for line in shown.splitlines() if line.strip()) >= 1
        assert table.too_wide and table.query_one(".table-hint").display
        scroll = table.query_one(".table-scroll")
        await pilot.press("right")
        await pilot.pause()
        assert scroll.scroll_x > 0


async def test_a_cited_cell_far_right_in_a_wide_table_is_scrolled_into_view(fixed_app):
    async with fixed_app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, CELL_Q)
        await pilot.press("alt+1")
        await until(pilot, lambda: fixed_app.query_one(DocumentPane).marked is not None)
        table = fixed_app.query_one(DocumentPane).marked
        assert isinstance(table, TableView) and table.layout_.marked_column == 8
        scroll = table.query_one(".table-scroll")

        def column_in_view() -> bool:
            start, end = table.layout_.columns[8] - scroll.scroll_x, table.layout_.width - scroll.scroll_x
            return 0 <= start and end <= scroll.scrollable_content_region.width

        await until(pilot, column_in_view)
        assert scroll.scroll_x > 0


async def test_the_highlight_is_the_cited_item_with_its_bullet_not_the_block_around_it(fixed_app):
    async with fixed_app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, ITEM_Q)
        await pilot.press("alt+1")
        await until(pilot, lambda: fixed_app.query_one(DocumentPane).marked is not None)
        marked = fixed_app.query_one(DocumentPane).marked
        assert isinstance(marked, BlockView) and marked.block.kind == "item"
        assert marked.block.text.startswith(ITEM) and "\n" not in marked.block.text
        assert lines_of(marked).startswith("• Stor mängd av sena fakturor")
        # Its neighbours in the same list are separate and not highlighted.
        items = [v for v in fixed_app.query(BlockView) if v.block.kind == "item"]
        assert len(items) > 3 and [v for v in items if v.marked] == [marked]


async def test_the_outline_hides_on_small_terminals_and_a_key_toggles_it(fixed_app):
    async with fixed_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        outline = fixed_app.query_one("#outline")
        assert outline.display
        await pilot.press("ctrl+o")
        assert not outline.display
        await pilot.press("ctrl+o")
        assert outline.display
        await pilot.resize_terminal(80, 24)
        await pilot.press("ctrl+o", "ctrl+o")  # back to the default for the size
        fixed_app.query_one(DocumentPane).set_class(False, "-outline-shown", "-outline-hidden")
        await pilot.pause()
        assert not outline.display
        await pilot.press("ctrl+o")
        assert outline.display


# ---------------------------------------------------------------------- search and export


async def test_enter_in_search_opens_the_top_hit_and_down_moves_into_the_list(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "upphandling")
        hits = list(app.query(HitItem))
        assert hits and all("upphandl" in h.hit.stored.passage.text.lower() for h in hits[:3])
        await pilot.press("down")
        assert app.focused is app.query_one("#hits", ListView) and app.query_one("#hits", ListView).index == 0
        await pilot.press("escape", "f3", "enter")
        await until(pilot, lambda: app.query_one(DocumentPane).marked is not None)
        marked = app.query_one(DocumentPane).marked
        assert app.query_one(TabbedContent).active == "viewer"
        top = hits[0].hit.stored.passage
        assert marked.block.start <= top.start < marked.block.end + 1 and visible(app, marked)


async def test_search_hits_tell_place_from_snippet_and_show_table_rows_with_headers(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "Kommunbidrag")
        row = next(h for h in app.query(HitItem) if h.hit.stored.passage.kind == "row")
        where, snippet = row.query_one(".hit-where"), row.query_one(".hit-snippet")
        assert lines_of(where).strip().startswith("6.1 Driftsredovisning")
        assert "Kommunbidrag — Utfall Dec 2023: 287 901 · Utfall Dec 2022: 290 693" in " ".join(
            lines_of(snippet).split()
        )
        assert where.styles.color != snippet.styles.color


async def test_export_writes_markdown_with_question_answer_and_citations(fixed_app, tmp_path):
    shown = notes(fixed_app)
    async with fixed_app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, LIST_Q)
        await ask(pilot, TABLE_Q)
        await pilot.press("ctrl+s")
        path = fixed_app.last_export
        assert path is not None and path.parent == tmp_path / "export"
        assert any(path.name in note for note in shown)
        text = path.read_text(encoding="utf-8")
        assert "## 1. Vilka negativa avvikelser finns?" in text and "## 2. Vad blev nettokostnaderna 2022?" in text
        assert "\n3. 453 tkr – KS-Kommunstabens, Utfall - budget Dec 2023: -453 [4]\n" in text
        assert "> Nettokostnader — Utfall Dec 2023: 307 662 · Utfall Dec 2022: 280 390" in text


# ---------------------------------------------------------------------- hostile text


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
        rendered = " ".join(str(b.render()) for b in app.query(BlockView))
        assert "[red]ska[/red]" in rendered and "[bold]fet[/bold]" in rendered and "\\[escape]" in rendered
        await search(pilot, "visas")
        snippet = " ".join(lines_of(app.query(HitItem).first().query_one(".hit-snippet")).split())
        assert "[red]ska[/red]" in snippet


async def test_long_lines_and_a_tiny_terminal(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    long_line = "Ordet [bold]upphandling[/bold] står här " + "mycket lång text " * 600
    (tmp_path / "long.txt").write_text(f"Rapport\n\n1 Lång\n\n{long_line}\n", encoding="utf-8")
    store = Store(tmp_path / "l.sqlite", writable=True, threads=True)
    list(store.index_files([tmp_path / "long.txt"]))
    app = DoksvarApp(Path("l.sqlite"), store=store, build=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "upphandling")
        await pilot.press("enter")
        await until(pilot, lambda: app.query_one(TabbedContent).active == "viewer")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await ask(pilot, "Vad står här?")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.query(AnswerCard) and app.focused is app.query_one("#question")
        assert "[bold]upphandling[/bold]" in str(app.query(BlockView).last().render())


# ---------------------------------------------------------------------- snapshots


async def steady(pilot) -> None:
    """A blinking cursor is on or off by the clock: a snapshot takes it steady."""
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_snapshot_chat_with_a_list_answer(fixed_app, snap_compare):
    async def run_before(pilot):
        await steady(pilot)
        await ask(pilot, LIST_Q)

    assert snap_compare(fixed_app, terminal_size=(100, 34), run_before=run_before)


def test_snapshot_chat_with_a_table_row_citation(fixed_app, snap_compare):
    async def run_before(pilot):
        await steady(pilot)
        await ask(pilot, TABLE_Q)
        await pilot.press("tab")

    assert snap_compare(fixed_app, terminal_size=(100, 24), run_before=run_before)


def test_snapshot_viewer_at_80x24_with_a_wide_table(fixed_app, snap_compare):
    async def run_before(pilot):
        await steady(pilot)
        await ask(pilot, TABLE_Q)
        await pilot.press("alt+1")
        await until(pilot, lambda: pilot.app.query_one(DocumentPane).marked is not None)

    assert snap_compare(fixed_app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_search_with_results(app, snap_compare):
    async def run_before(pilot):
        await steady(pilot)
        await search(pilot, "Kommunbidrag")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_snapshot_help_screen(app, snap_compare):
    async def run_before(pilot):
        await steady(pilot)
        await pilot.press("f1")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
