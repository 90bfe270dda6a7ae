"""doksvar installed as a tool and started outside a project: the index goes to the user's data
folder, the bundled report (package data) is the default corpus, and the folder the user stands in
is left as it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doksvar import sources

from .conftest import BUNDLED, ROOT

QUESTION = "Vilka negativa avvikelser finns?"


def tool_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user with no project settings and their data folder under tmp_path
    (XDG_DATA_HOME on Linux; HOME moves ~/Library/Application Support on macOS)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DOKSVAR_INDEX", "XDG_DATA_HOME"}}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"), **extra)
    return env


def data_index(tmp_path: Path) -> Path:
    return tmp_path / "data" / "doksvar" / sources.INDEX_NAME


def doksvar(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doksvar", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """An empty folder to stand in, away from any project."""
    folder = tmp_path / "anywhere"
    folder.mkdir()
    (tmp_path / "home").mkdir()
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="the data folder is moved with XDG_DATA_HOME / HOME")
def test_ask_in_an_empty_folder_answers_from_the_bundled_report_and_leaves_the_folder_empty(tmp_path, empty):
    env = tool_env(tmp_path)
    r = doksvar("ask", "--json", QUESTION, cwd=empty, env=env)
    assert r.returncode == 0, r.stderr
    answer = json.loads(r.stdout)  # the first build's summary went to stderr, not into the JSON
    assert answer["answered"] and "14,2 mkr" in answer["answer"]
    assert {c["doc"] for c in answer["citations"]} == {BUNDLED.name}
    assert f"building it from {sources.bundled_corpus()}" in r.stderr
    assert list(empty.iterdir()) == []
    assert data_index(tmp_path).is_file()

    # `index FILE` outside a project adds to the same index; no index/ folder appears where the user is.
    report = tmp_path / "snö.txt"
    report.write_text("Rapport\n\n1 Ekonomi\n\nSnöröjningen kostade 1,4 mkr mer än väntat.\n", encoding="utf-8")
    r = doksvar("index", str(report), cwd=empty, env=env)
    assert r.returncode == 0, r.stderr
    assert "2 documents" in r.stdout
    r = doksvar("search", "snöröjning", cwd=empty, env=env)
    assert r.returncode == 0 and "«Snöröjningen»" in r.stdout
    assert list(empty.iterdir()) == []


def test_the_index_option_and_variable_win_outside_a_project_too(tmp_path, empty):
    chosen = tmp_path / "chosen.sqlite"
    r = doksvar(
        "ask", "Hur rankas Luleå i Regionernas Kamp?", cwd=empty, env=tool_env(tmp_path, DOKSVAR_INDEX=str(chosen))
    )
    assert r.returncode == 0 and "58" in r.stdout, r.stderr
    assert chosen.is_file() and not data_index(tmp_path).exists()
    assert list(empty.iterdir()) == []


def test_where_the_index_and_the_corpus_are(tmp_path, monkeypatch):
    monkeypatch.delenv("DOKSVAR_INDEX", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    # Anywhere: the user's data folder and the bundled report.
    assert sources.index_path(None) == sources.user_data_dir() / "doksvar.sqlite"
    if sys.platform.startswith("linux"):
        assert sources.index_path(None) == data_index(tmp_path)
    assert sources.default_corpus() == sources.bundled_corpus()
    assert (sources.bundled_corpus() / BUNDLED.name).read_bytes() == BUNDLED.read_bytes()
    # A project folder: its own corpus/ and index/.
    (tmp_path / "corpus").mkdir()
    assert sources.index_path(None) == Path("index") / "doksvar.sqlite"
    assert sources.default_corpus() == Path("corpus")
    # --index, then $DOKSVAR_INDEX, wherever doksvar runs.
    monkeypatch.setenv("DOKSVAR_INDEX", "env.sqlite")
    assert sources.index_path(None) == Path("env.sqlite")
    assert sources.index_path("given.sqlite") == Path("given.sqlite")


def test_an_installation_without_the_report_says_so(tmp_path, empty, monkeypatch, capsys):
    from doksvar.cli import main

    monkeypatch.setattr(sources, "BUNDLED_CORPUS", tmp_path / "site-packages" / "doksvar" / "corpus")
    monkeypatch.chdir(empty)
    assert sources.bundled_corpus() is None and sources.default_corpus() is None
    assert main(["--index", str(tmp_path / "i.sqlite"), "ask", QUESTION]) == 1
    assert "no corpus/ folder here and no bundled report" in capsys.readouterr().err
    assert main(["--index", str(tmp_path / "i.sqlite"), "index"]) == 1
    assert list(empty.iterdir()) == [] and not (tmp_path / "i.sqlite").exists()


def build_package(tmp_path: Path) -> Path:
    """The package as a wheel holds it: setuptools' build_py (with setup.py's step) into a folder,
    from a copy of the sources (a build writes into the tree it builds)."""
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    shutil.copytree(ROOT / "corpus", tree / "corpus")
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    lib = tmp_path / "lib"
    r = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return lib


@pytest.mark.skipif(sys.platform == "win32", reason="the data folder is moved with XDG_DATA_HOME / HOME")
def test_the_built_package_carries_the_report_and_answers_from_it(tmp_path, empty):
    t0 = time.perf_counter()
    lib = build_package(tmp_path)
    shipped = lib / "doksvar" / "corpus" / BUNDLED.name
    assert shipped.read_bytes() == BUNDLED.read_bytes()
    assert (lib / "doksvar" / "lang" / "terms.tsv").is_file() and (lib / "doksvar" / "tui" / "doksvar.tcss").is_file()
    # Run from the built package, not the checkout: the report comes from its package data.
    r = doksvar("ask", QUESTION, cwd=empty, env=tool_env(tmp_path, PYTHONPATH=str(lib)))
    assert r.returncode == 0, r.stderr
    assert f"building it from {shipped.parent}/" in r.stderr
    assert "14,2 mkr" in r.stdout and "[1] 6.1 Driftsredovisning" in r.stdout
    assert list(empty.iterdir()) == []
    assert time.perf_counter() - t0 < 60


async def test_the_app_outside_a_project_opens_on_the_bundled_report(tmp_path, empty, monkeypatch):
    monkeypatch.delenv("DOKSVAR_INDEX", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(empty)
    from doksvar.tui.app import DoksvarApp

    app = DoksvarApp(sources.index_path(None), sources.default_corpus(), export_dir=tmp_path / "export")
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 60
        while app.store is None or app.indexing:
            assert time.monotonic() < deadline, "the bundled report was never indexed"
            await app.workers.wait_for_complete()
            await pilot.pause(0.01)
        assert [d.name for d in app.store.documents()] == [BUNDLED.name]
        assert str(sources.index_path(None)) in str(app.query_one("#status").render())
    assert list(empty.iterdir()) == []
