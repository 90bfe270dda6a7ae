"""Shared fixtures: a fresh index of the bundled report, and small indexes made from text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doksvar.answer import Answerer
from doksvar.index.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BUNDLED = CORPUS / "arsuppfoljning-2023-ks-kommunstab.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("index") / "bundled.sqlite"
    store = Store(path, writable=True)
    steps = list(store.index_files([BUNDLED]))
    assert [s.event for s in steps] == ["indexed"]
    return store


@pytest.fixture(scope="session")
def bundled_answerer(bundled_store) -> Answerer:
    return Answerer(bundled_store)


@pytest.fixture(scope="session")
def dev_questions() -> list[dict]:
    return json.loads((DATA / "questions-dev.json").read_text(encoding="utf-8"))


@pytest.fixture
def make_store(tmp_path):
    """Index the given {file name: text} as reports and return the store."""

    def make(files: dict[str, str | bytes]) -> Store:
        folder = tmp_path / "reports"
        folder.mkdir(exist_ok=True)
        paths = []
        for name, content in files.items():
            p = folder / name
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
            paths.append(p)
        store = Store(tmp_path / "index.sqlite", writable=True)
        list(store.index_files(paths))
        return store

    return make


def answerer_of(folder: Path, name: str, text: str) -> Answerer:
    """An answerer over one report written for a test, indexed in `folder` and read back as a user's
    later process would."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    writer = Store(folder / "i.sqlite", writable=True)
    list(writer.index_files([path]))
    writer.close()
    return Answerer(Store(folder / "i.sqlite"))


def ask(answerer: Answerer, question: str):
    """The answer to one question, as `doksvar ask` gives it."""
    from doksvar.answer import read_question

    return answerer.answer(read_question(question, answerer.store.vocab))


def pytest_terminal_summary(terminalreporter, config) -> None:
    """Name the random test order (pytest-randomly), so that a failure that depends on it can be run
    again in that order; with -q pytest shows no header that would name it."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.hasplugin("randomly") and isinstance(seed, int):
        terminalreporter.write_line(f"random test order: -p randomly --randomly-seed={seed} repeats it")
