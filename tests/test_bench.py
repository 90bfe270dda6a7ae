"""The benchmark runs to the end on a tiny corpus and writes its figures."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT


def test_benchmark_smoke(tmp_path):
    out = tmp_path / "results.json"
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--reports",
            "3",
            "--repeats",
            "1",
            "--pdfs",
            "1",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["reports"] == 3 and data["passages"] > 3 * 150
    for key in (
        "index_mb_s",
        "raw_mb_s",
        "ask_p95_ms",
        "raw_ask_p95_ms",
        "search_p95_ms",
        "cold_ask_ms",
        "tui_ready_ms",
        "peak_rss_mb",
        "reindex_unchanged_s",
    ):
        assert data[key] > 0, key
    assert "targets missed" in r.stdout
