"""Every key the app binds is in the F1 help and in the README's key table, so neither tells less
than the app does."""

from __future__ import annotations

import pytest

from doksvar.tui.app import DoksvarApp
from doksvar.tui.widgets.chat import AnswerCard, ChatPane, HistoryInput
from doksvar.tui.widgets.help import KEYS
from doksvar.tui.widgets.search import SearchInput
from doksvar.tui.widgets.viewer import DocumentPane, DocumentText

from .conftest import ROOT

BOUND = (DoksvarApp, HistoryInput, AnswerCard, ChatPane, SearchInput, DocumentText, DocumentPane)
"""The app and each widget of it that binds keys (the help screen's own keys are in its footer)."""
NAMES = {"up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn"}


def written(key: str) -> str:
    """A key as the help and the README write it: Alt+1 … Alt+9 and 1–9 as one entry each."""
    if key.startswith("alt+") and key[4:].isdigit():
        return "Alt+1 … Alt+9"
    if key.isdigit():
        return "1–9"
    if key in NAMES:
        return NAMES[key]
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))


def bound_keys() -> set[str]:
    return {written(k.strip()) for cls in BOUND for b in cls.BINDINGS for k in b.key.split(",")}


def readme_keys() -> list[str]:
    """The first column of the README's key table."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| key | what it does |") + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line.split("|")[1].strip())
    return rows


def test_written_keys():
    assert [written(k) for k in ("f1", "ctrl+s", "alt+7", "3", "escape", "pageup")] == [
        "F1",
        "Ctrl+S",
        "Alt+1 … Alt+9",
        "1–9",
        "Escape",
        "PgUp",
    ]


@pytest.mark.parametrize(
    "where, entries",
    [("F1 help", [key for key, what in KEYS if what]), ("README key table", readme_keys())],
)
def test_every_bound_key_is_told(where, entries):
    missing = {key for key in bound_keys() if not any(key in entry for entry in entries)}
    assert not missing, f"{where} lacks {sorted(missing)}"
    assert any("Ctrl+Q" in entry for entry in entries), f"{where} lacks Ctrl+Q (quit)"
