"""The index: safe queries, Swedish-aware matching, incremental re-indexing, schema versions."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doksvar.answer import Answerer
from doksvar.errors import StoreError
from doksvar.index.query import quote_fts
from doksvar.index.schema import SCHEMA_VERSION
from doksvar.index.store import Store

HOSTILE = [
    '"',
    '""',
    "AND",
    "NOT",
    "OR",
    "(",
    ")",
    "col:x",
    "title:x",
    "-",
    "*",
    "a*",
    "^start",
    "NEAR(a b)",
    "AND NOT OR",
    "🙂🎉",
    "",
    "   ",
    "x' OR 1=1 --",
    "\\",
    "{title}: x",
    "\u202eabc",
    "\x00",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_fts_hostile_queries_never_raise(bundled_store, query):
    assert isinstance(bundled_store.search(query), list)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(bundled_store, text):
    assert isinstance(bundled_store.search(text), list)


def test_quote_fts_doubles_inner_quotes():
    assert quote_fts('a"b') == '"a""b"'


def test_stemmed_search_finds_inflections(bundled_store):
    hits = bundled_store.search("investering")
    assert hits and any("investeringar" in h.stored.passage.text.lower() for h in hits)


def test_compound_parts_find_the_compound(bundled_store):
    texts = [h.stored.passage.text for h in bundled_store.search("avvikelse", limit=50)]
    assert any("budgetavvikelse" in t.lower() or "avvikelsen" in t.lower() for t in texts)
    hits = bundled_store.search("frånvaro", limit=20)
    assert any(
        "sjukfrånvaro" in h.stored.passage.text.lower() or "sjukfrv" in h.stored.passage.text.lower() for h in hits
    )


def test_typos_are_tolerated(bundled_store):
    hits = bundled_store.search("personalomsätning")
    assert hits and "Personalomsättningen" in hits[0].stored.passage.text


def test_a_word_of_swedish_the_report_lacks_is_no_typo(make_store):
    from doksvar.index.query import analyse

    store = make_store(
        {"bun-2026.txt": "Delårsrapport 2026\n\n1 Resultat\n\nAlla elever fick betyg. Nämnden föreslår en ny budget.\n"}
    )
    read = {t.word: t for t in analyse("vilket meritvärde fick flickorna", store.vocab)}
    assert read["flickorna"].how == "missing"  # the report's "fick" is no misspelt "flickorna"
    # Another form of a word the report has is still found: "föreslås" is its "föreslår".
    assert analyse("vad föreslås", store.vocab)[0].found


def test_snippet_marks_the_hits(bundled_store):
    hit = bundled_store.search("upphandling")[0]
    assert "«" in hit.snippet and "»" in hit.snippet
    text = bundled_store.document_text(hit.stored.doc_id)
    for a, b in hit.hits:
        assert "upphandl" in text[a:b].lower()


def test_section_filter(bundled_store):
    hits = bundled_store.search("kostnader", section="6")
    assert hits and all(h.stored.passage.section.startswith("6") for h in hits)


REPORT = "Rapport {n}\n\n1 Ekonomi\n\nKostnaderna för {word} blev 4,2 mkr högre än budget.\n"


def test_reindex_skips_unchanged_reindexes_changed_and_drops_removed(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REPORT.format(n=1, word="snöröjning"), encoding="utf-8")
    b.write_text(REPORT.format(n=2, word="lokalvård"), encoding="utf-8")
    store = Store(tmp_path / "i.sqlite", writable=True)
    assert [s.event for s in store.index_files([a, b])] == ["indexed", "indexed"]
    assert [s.event for s in store.index_files([a, b])] == ["unchanged", "unchanged"]
    b.write_text(REPORT.format(n=2, word="parkering"), encoding="utf-8")
    assert [s.event for s in store.index_files([a, b])] == ["unchanged", "indexed"]
    assert not store.search("lokalvård") and store.search("parkering")
    a.unlink()
    events = [s.event for s in store.index_files([b])]
    assert events == ["unchanged", "removed"]
    assert store.counts()["documents"] == 1
    assert not store.search("snöröjning")


def test_a_bad_file_fails_alone(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(REPORT.format(n=1, word="snöröjning"), encoding="utf-8")
    bad.write_bytes(b"\x00\xff" * 100)
    store = Store(tmp_path / "i.sqlite", writable=True)
    steps = {s.path: s for s in store.index_files([good, bad])}
    assert steps[str(good)].event == "indexed"
    assert steps[str(bad)].event == "failed" and "not a text file" in steps[str(bad)].detail


def test_index_of_another_version_is_rebuilt_by_a_writer_and_refused_by_a_reader(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another version"):
        Store(path)
    store = Store(path, writable=True)
    assert store.rebuilt and store.counts()["documents"] == 0


def test_random_bytes_are_not_an_index(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="doksvar index"):
        Store(tmp_path / "nope.sqlite")


def _report(tmp_path, text: str) -> Store:
    (tmp_path / "rapport.txt").write_text(text, encoding="utf-8")
    store = Store(tmp_path / "index.sqlite", writable=True)
    list(store.index_files([tmp_path / "rapport.txt"]))
    return store


def test_an_ending_is_cut_off_but_a_word_is_not_cut_to_another(tmp_path):
    store = _report(
        tmp_path,
        "# Rapport\n\nDeltagarna i utbildningen var nöjda.\n\nEn del av budgeten återstår.\n\n"
        "Projektets syft är att korta väntetiderna.\n",
    )
    # "deltagare" is not "del": the passage about a part of the budget is no hit.
    texts = [h.stored.passage.text for h in store.search("deltagare")]
    assert texts == ["Deltagarna i utbildningen var nöjda."]
    # "syftet" is found where the report writes "syft" (an ending the stemmer left on).
    assert [h.stored.passage.text for h in store.search("syftet")] == ["Projektets syft är att korta väntetiderna."]


def test_a_ranked_lookup_asked_again_in_one_snapshot_gives_the_same_passages(bundled_store):
    terms = [t for t in bundled_store.terms("kostnader budget personal") if t.found]
    alone = bundled_store.match(terms, limit=5, any_term=True)
    with bundled_store.snapshot():
        wide = bundled_store.match(terms, limit=40, any_term=True)
        narrow = bundled_store.match(terms, limit=5, any_term=True)
    assert len(wide) == 40 and narrow == wide[:5] == alone


def test_an_inflected_variant_of_a_report_word_is_found_as_a_near_spelling(tmp_path):
    (tmp_path / "r.txt").write_text(
        "# Rapport\n\nDe strategiska markinköpen blev dyrare än budgeterat.\n\nParken fick nya bänkar.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "i.sqlite", writable=True)
    list(store.index_files([tmp_path / "r.txt"]))
    # "markköpen" is no typo of the word "markinköpen" by the letter, but its stem is one of the stem's.
    hits = store.search("markköpen")
    assert [h.stored.passage.text for h in hits] == ["De strategiska markinköpen blev dyrare än budgeterat."]


def test_a_reader_sees_a_report_indexed_again_by_another_connection(tmp_path):
    """Answering keeps what it read of the index in memory while the index is unchanged: a report
    indexed again meanwhile (by the TUI's re-index or another process) is read anew, not from memory."""
    report = tmp_path / "r.md"
    report.write_text(
        "# Rapport\n\nKostnaderna för lokaler blev 12 miljoner kronor.\n\n"
        "| Post | Utfall |\n|---|---|\n| Lokaler | 12 |\n",
        encoding="utf-8",
    )
    writer = Store(tmp_path / "i.sqlite", writable=True)
    list(writer.index_files([report]))
    reader = Store(tmp_path / "i.sqlite")
    answerer = Answerer(reader)
    before = answerer.ask("Hur stora var kostnaderna för lokaler?")
    assert "12" in before.answer

    report.write_text(
        "# Rapport\n\nKostnaderna för lokaler blev 17 miljoner kronor.\n\n"
        "| Post | Utfall |\n|---|---|\n| Lokaler | 17 |\n",
        encoding="utf-8",
    )
    list(writer.index_files([report]))
    after = answerer.ask("Hur stora var kostnaderna för lokaler?")
    assert "17" in after.answer and "12" not in after.answer
    assert all("12" not in c.quote for c in after.citations)
    texts = [h.stored.passage.text for h in reader.search("lokaler")]
    assert "Kostnaderna för lokaler blev 17 miljoner kronor." in texts and not any("12" in t for t in texts)
