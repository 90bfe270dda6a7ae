"""Time the terminal app as a user feels it: first screen ready, and Enter to answer shown.

Usage: python bench/tui_timing.py [--index index/doksvar.sqlite] [--runs 5]
Runs headless with Textual's pilot on an index that is already built.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from doksvar.tui.app import DoksvarApp
from doksvar.tui.widgets.chat import AnswerCard

QUESTIONS = [
    "Vilka negativa avvikelser finns?",
    "Hur många tillsvidareanställda fanns det 2023?",
    "Hur rankas Luleå i Regionernas Kamp?",
    "What was the net migration in 2023?",
]


async def one_run(index: Path, corpus: Path) -> tuple[float, list[float]]:
    t0 = time.perf_counter()
    app = DoksvarApp(index, corpus)
    latencies = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        ready = time.perf_counter() - t0
        for q in QUESTIONS:
            await pilot.press("f2")
            app.query_one("#question").value = q
            before = len(app.query(AnswerCard))
            t1 = time.perf_counter()
            await app.query_one("#question").action_submit()
            while len(app.query(AnswerCard)) == before:
                await asyncio.sleep(0.001)
            card = list(app.query(AnswerCard))[-1]
            while not card.is_mounted or card.size.height == 0:
                await asyncio.sleep(0.001)
            latencies.append(time.perf_counter() - t1)
            await pilot.pause()
    return ready, latencies


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", type=Path, default=Path("index/doksvar.sqlite"))
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    readies, answers = [], []
    for _ in range(args.runs):
        ready, lat = asyncio.run(one_run(args.index, args.corpus))
        readies.append(ready)
        answers.extend(lat)
        print("  run:", " ".join(f"{x * 1000:.0f}" for x in lat), "ms")
    print(f"first screen ready: median {statistics.median(readies) * 1000:.0f} ms, max {max(readies) * 1000:.0f} ms")
    print(f"Enter to answer shown: median {statistics.median(answers) * 1000:.0f} ms, max {max(answers) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
