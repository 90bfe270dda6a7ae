"""The README's screens: one real session of the terminal app on the bundled report, headless, saved
as SVG screenshots in docs/screens/. Run it again after changing the app:

    .venv/bin/python docs/screens.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screens"
SIZE = (110, 40)
"""Wide enough for the outline beside the document, short enough to read on a web page; one screen
is taken at 80×24, the smallest terminal the app is made for."""


async def until(pilot, done: Callable[[], object], seconds: float = 120.0) -> None:
    """Let the app run until `done()` holds."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the app never got there")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.01)
    await pilot.pause()


async def session(out: Path) -> list[Path]:
    """Run the session in a project folder made for it and save each screen into `out`."""
    from textual.widgets import Input

    from doksvar.index.store import Store
    from doksvar.tui.app import DoksvarApp
    from doksvar.tui.widgets.chat import AnswerCard
    from doksvar.tui.widgets.search import HitItem
    from doksvar.tui.widgets.viewer import DocumentPane

    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        shutil.copytree(ROOT / "corpus", project / "corpus")
        index = Path("index") / "doksvar.sqlite"
        here = Path.cwd()
        os.chdir(project)  # the status line names the index as a project folder has it
        try:
            writer = Store(index, writable=True)
            list(writer.index_files(sorted((project / "corpus").iterdir())))
            writer.close()
            app = DoksvarApp(index, Path("corpus"), export_dir=project / "export")

            def shot(name: str) -> None:
                saved.append(Path(app.save_screenshot(name, str(out))))

            async def ask(pilot, question: str) -> None:
                before = len(app.query(AnswerCard))
                await pilot.press(*question)
                await pilot.press("enter")
                await until(pilot, lambda: len(app.query(AnswerCard)) > before)

            async with app.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: app.store is not None and not app.indexing)
                for field in app.query(Input):
                    field.cursor_blink = False  # a steady cursor: the same screens each run
                # 1: the app opened on the report, a question typed.
                await pilot.press(*"Vilka negativa avvikelser finns?")
                await pilot.pause()
                shot("1-start.svg")

                # 2: Enter: a list answer, each item with its citation number, the quotes below.
                await pilot.press("enter")
                await until(pilot, lambda: app.query(AnswerCard))
                shot("2-answer.svg")

                # 3: Alt+2: the viewer at citation 2, the sentence highlighted, its section marked.
                await pilot.press("alt+2")
                await until(pilot, lambda: app.query_one(DocumentPane).marked is not None)
                shot("3-citation.svg")

                # 4: back (Escape), at 80×24 a table figure asked and Alt+1: the cited row in its table.
                await pilot.press("escape")
                await pilot.resize_terminal(80, 24)
                await ask(pilot, "Vad var utfallet för KS-Kommunstabens investeringar 2023?")
                await pilot.press("alt+1")
                await until(pilot, lambda: app.query_one(DocumentPane).marked is not None)
                shot("4-table.svg")

                # 5: F3: keyword search, hits listed as the word is typed.
                await pilot.resize_terminal(*SIZE)
                await pilot.press("f3", *"upphandling")
                await until(pilot, lambda: app.query(HitItem))
                shot("5-search.svg")
        finally:
            os.chdir(here)
    return saved


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    for path in asyncio.run(session(out)):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
