"""What one process works out and the next reads (`lang.kept`): compiled patterns and the word list.
A process that reads them must answer exactly as one that works them out, and a kept file that is
damaged, of another version or not writable must cost time, never an answer."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import doksvar
from doksvar.lang import frequency, kept, lazy


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(kept, "FOLDER", tmp_path / "__pycache__")
    return kept.FOLDER


def _package_patterns() -> list[tuple[str, int]]:
    """Every pattern the core modules make with `lazy()` (the TUI's left out: it needs Textual)."""
    found = {}
    for info in pkgutil.walk_packages(doksvar.__path__, "doksvar."):
        if ".tui" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, lazy._LazyPattern):
                found[value.pattern, value.flags] = None
    return list(found)


SAMPLES = [
    "Nämnden redovisar ett överskott mot budget på 4,5 mkr (3,1 mkr 2024).",
    "Sjukfrånvaron var 6,9 procent och personalomsättningen 12 %. Hur stor var den 2023?",
    "Kommunen hamnar på plats 112 av 290 i Svenskt Näringslivs ranking, upp från 140.",
    "Vilken verksamhet gick mest över budget? What was the deviation in tkr, jan–aug?",
    "| Gator och vägar | 12,4 | -30,1 | −2 446 | Prognos helår | Avvik-\nelse |",
]


def test_patterns_read_from_the_kept_file_match_as_compiled_ones(folder):
    patterns = _package_patterns()
    assert len(patterns) > 150
    first = lazy._Programs("patterns")
    for pattern, flags in patterns:
        first.compile(pattern, flags)
    first.write()
    assert any(folder.iterdir())

    second = lazy._Programs("patterns")
    for pattern, flags in patterns:
        read, compiled = second.compile(pattern, flags), re.compile(pattern, flags)
        assert (read.pattern, read.flags, read.groupindex) == (compiled.pattern, compiled.flags, compiled.groupindex)
        for text in SAMPLES:
            assert [m.span() for m in read.finditer(text)] == [m.span() for m in compiled.finditer(text)]
            assert [m.groups() for m in read.finditer(text)] == [m.groups() for m in compiled.finditer(text)]
    assert not second.changed  # every program came from the file


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", None])
def test_a_damaged_or_foreign_kept_file_costs_time_not_answers(folder, damage):
    pattern, flags = r"(?P<belopp>\d+(?: \d{3})*)\s*(tkr|mnkr)", re.I
    first = lazy._Programs("patterns")
    first.compile(pattern, flags)
    first.write()
    (path,) = folder.iterdir()
    if damage is None:  # another Python's file: the same name, another version inside
        kept.write("patterns", ("another engine", 0), {(pattern, flags): (0, [1, 2, 3], 0, {}, ())})
    else:
        path.write_bytes(damage)
    again = lazy._Programs("patterns").compile(pattern, flags)
    assert again.search("ett underskott på 2 446 TKR").group("belopp") == "2 446"


def test_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setattr(kept, "FOLDER", blocker / "__pycache__")
    kept.write("patterns", 1, {"a": 1})
    assert kept.read("patterns", 1) is None


def test_the_word_list_read_from_its_kept_file_gives_the_same_frequencies(folder):
    words = ["och", "telefoni", "sjukfrånvaron", "hamnade", "budgetunderskott", "ö", "xqzv", "Året"]
    frequency._table.cache_clear()
    frequency.zipf.cache_clear()
    try:
        made = {w: frequency.zipf(w) for w in words}  # from wordfreq's file, then kept
        assert any(folder.iterdir())
        frequency._table.cache_clear()
        frequency.zipf.cache_clear()
        assert {w: frequency.zipf(w) for w in words} == made  # from the kept file
        assert made["och"] > 6 > made["telefoni"] > 0 == made["xqzv"]
        assert made["Året"] == frequency.zipf("året") > 0
        listed = frequency._unpacked(frequency._data_file("sv"))
        assert len(listed) > 20_000
        assert all(frequency.zipf(w) == z for w, z in listed.items())
    finally:
        frequency._table.cache_clear()
        frequency.zipf.cache_clear()
