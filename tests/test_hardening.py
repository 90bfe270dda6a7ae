"""Hostile questions, broken files, crashes mid-index, concurrent use: nothing crashes, nothing is lost."""

from __future__ import annotations

import json
import os
import queue
import select
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doksvar.index.query import quote_fts
from doksvar.index.store import Store

from .conftest import BUNDLED

FTS_SYNTAX = ['"', "NEAR(", "col:", "^", "*", "AND NOT", "OR", "(", ")", "{title}", "-", "+", ":", "'", "\\"]
ODD = ["\x00", "\x07", "\u202e", "\u200f", "\ufeff", "🙂", "👩‍👩‍👧", "\u0301", "ﷺ", "\U0010fffd", "\r", "\t"]

hostile = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FTS_SYNTAX + ODD + ["avvikelse", "rankas", "2023", "mkr", "Luleå", "?"]), max_size=30).map(
        " ".join
    ),
    st.lists(st.sampled_from(FTS_SYNTAX + ODD), max_size=50).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile)
def test_ask_never_raises_and_gives_valid_json(bundled_answerer, text):
    result = bundled_answerer.ask(text)
    data = json.loads(result.to_json())
    assert isinstance(data["answered"], bool) and isinstance(data["answer"], str)
    text_of_doc = bundled_answerer.store.document_text(bundled_answerer.store.documents()[0].id)
    for c in result.citations:
        assert text_of_doc[c.start : c.end] == c.quote


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_search_never_raises(bundled_store, text):
    assert isinstance(bundled_store.search(text), list)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_quoted_tokens_are_always_valid_fts(bundled_store, text):
    expr = " OR ".join(quote_fts(t) for t in text.split() if t) or quote_fts("x")
    bundled_store.conn.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (expr,)).fetchone()


@pytest.mark.parametrize("size", [100_000, 1_000_000])
def test_huge_questions(bundled_answerer, size):
    result = bundled_answerer.ask("Hur stor var personalomsättningen 2023? " + "x" * size)
    # The report does not mention the huge word: it says so, offers the passage on the rest of the
    # question, and the reply stays the size of a reply.
    assert not result.answered
    assert any(c.quote.startswith("Personalomsättningen för kommunstaben år 2023 är 11%") for c in result.citations)
    assert len(result.to_json()) < 10_000


def test_lone_surrogates_do_not_break_json(bundled_answerer):
    result = bundled_answerer.ask("avvikelse \ud800 \udfff")
    json.loads(result.to_json())
    result.to_json().encode("utf-8")


def _doksvar(*args, cwd=None, stdin=None, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "doksvar", *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def index_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("h") / "i.sqlite"
    r = _doksvar("--index", str(path), "index", str(BUNDLED))
    assert r.returncode == 0
    return path


def test_batch_survives_bad_lines(index_file):
    lines = [
        "Vad kostade friskvårdsbidraget?".encode(),
        b"\xff\xfe\x80 trasig utf-8 \xc3",
        b"nul\x00inne i fr\xc3\xa5gan",
        b"A" * 1_000_000,
        '"NEAR( col: ^ * AND NOT'.encode(),
        "Hur rankas Luleå i Regionernas Kamp?".encode(),
    ]
    r = _doksvar("--index", str(index_file), "ask", "--json", "-", stdin=b"\n".join(lines) + b"\n")
    assert r.returncode == 0, r.stderr[-500:]
    out = r.stdout.decode("utf-8").splitlines()
    assert len(out) == len(lines)
    answers = [json.loads(line) for line in out]
    assert "8,3" in answers[0]["answer"] and "58" in answers[-1]["answer"]


def test_a_folder_of_good_and_bad_files(tmp_path):
    folder = tmp_path / "mix"
    folder.mkdir()
    text = BUNDLED.read_text(encoding="utf-8")
    (folder / "good.txt").write_text(text, encoding="utf-8")
    (folder / "windows.txt").write_bytes(text.replace("●", "*").encode("cp1252", errors="replace"))
    (folder / "utf16.txt").write_bytes(text.encode("utf-16"))
    (folder / "binary.txt").write_bytes(os.urandom(4096) + b"\x00" * 100)
    (folder / "zero.txt").write_bytes(b"")
    (folder / "huge.txt").write_bytes(b"Rapport om allt. " * (50 * 1024 * 1024 // 17))
    (folder / "dir.txt").mkdir()
    os.symlink("loop.txt", folder / "loop.txt")
    unreadable = folder / "secret.txt"
    unreadable.write_text(text, encoding="utf-8")
    unreadable.chmod(0)
    index = tmp_path / "i.sqlite"
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, runpy; sys.argv=['doksvar', '--index', sys.argv[1], 'index', sys.argv[2]];"
            "code = 0\ntry:\n runpy.run_module('doksvar', run_name='__main__')\n"
            "except SystemExit as e:\n code = e.code\n"
            # The peak of this process's own memory (VmHWM, in kB): ru_maxrss would also count the
            # pytest worker it was started from, with whatever other tests left in that one.
            "peak = [line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')][0]\n"
            "print('maxrss', peak, file=sys.stderr); sys.exit(code)",
            str(index),
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 1
    err = r.stderr
    for name, reason in [
        ("binary.txt", "not a text file"),
        ("zero.txt", "empty"),
        ("huge.txt", "too large"),
        ("dir.txt", "folder"),
        ("loop.txt", "cannot be read"),
    ]:
        assert any(name in line and reason in line for line in err.splitlines()), (name, err)
    assert "Traceback" not in err
    names = {d.name for d in Store(index).documents()}
    assert {"good.txt", "windows.txt", "utf16.txt"} <= names
    if os.geteuid() != 0:
        assert "secret.txt" in err and "permission" in err
    rss_mb = int(err.split("maxrss")[1].split()[0]) / 1024
    assert rss_mb < 300, rss_mb


def _corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = BUNDLED.read_text(encoding="utf-8")
    paths = []
    for k in range(n):
        p = folder / f"rapport-{k:03d}.txt"
        p.write_text(text.replace("Luleå", f"Stad{k}"), encoding="utf-8")
        paths.append(p)
    return paths


def _check_whole(index: Path, expected_passages: int) -> int:
    conn = sqlite3.connect(index)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = Store(index)
    docs = store.documents()
    for doc in docs:
        doc_id, name = doc.id, doc.name
        count = store.conn.execute("SELECT count(*) FROM passages WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        fts = store.conn.execute(
            "SELECT count(*) FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE doc_id = ?)", (doc_id,)
        ).fetchone()[0]
        assert count == expected_passages == fts, name
    store.close()
    return len(docs)


PAUSING = Path(__file__).resolve().parent / "pausing_writer.py"
DEADLINE = 120  # seconds for an awaited event: far beyond its time on a slow machine, only a hang meets it


def _lines_of(stream) -> queue.Queue:
    """A stream's lines as they come (None at its end), read in a thread so that each can be
    awaited with a deadline."""
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _await_pause(proc: subprocess.Popen, lines: queue.Queue) -> list[int]:
    """Wait until the writer holds a document's transaction open; the pids of its parsing workers."""
    seen = []
    while True:
        line = lines.get(timeout=DEADLINE)
        if line is None:
            proc.wait(timeout=DEADLINE)
            raise AssertionError(f"the writer ended (exit {proc.returncode}) before it paused: {''.join(seen)[-2000:]}")
        seen.append(line)
        if line.startswith("paused"):
            return [int(pid) for pid in line.split()[1:]]


def _pausing_writer(
    index: Path, corpus: Path, at: int, batch: int = 0
) -> tuple[subprocess.Popen, queue.Queue, list[int]]:
    proc = subprocess.Popen(
        [sys.executable, str(PAUSING), str(at), str(batch), "--index", str(index), "index", str(corpus)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = _lines_of(proc.stderr)
    return proc, lines, _await_pause(proc, lines)


def _await_exit(pid: int) -> bool:
    """Whether the process (not a child of ours) has ended, waited for up to the deadline."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], DEADLINE)[0])
    finally:
        os.close(fd)


def test_killed_mid_index_leaves_whole_documents_and_resumes(tmp_path):
    paths = _corpus(tmp_path / "corpus", 30)
    expected = len(_passages(paths[0]))
    index = tmp_path / "i.sqlite"
    for run in range(1, 4):
        # Killed while the 8th document of the run is written but not committed, the first of a batch.
        proc, _, workers = _pausing_writer(index, tmp_path / "corpus", at=8, batch=7)
        assert workers, "many files are parsed in worker processes"
        proc.kill()
        proc.wait(timeout=DEADLINE)
        assert _check_whole(index, expected) == 7 * run, "the documents committed, not the one half written"
        assert all(_await_exit(pid) for pid in workers), "parsing workers end with the process that started them"
    r = _doksvar("--index", str(index), "index", str(tmp_path / "corpus"))
    assert r.returncode == 0
    assert b"9 indexed, 21 unchanged" in r.stdout
    assert _check_whole(index, expected) == 30


def test_killed_mid_batch_leaves_the_batch_out_whole(tmp_path):
    paths = _corpus(tmp_path / "corpus", 12)
    expected = len(_passages(paths[0]))
    index = tmp_path / "i.sqlite"
    # Batches of 5: killed while the 8th document is written, the 6th and 7th written but not committed.
    proc, _, _ = _pausing_writer(index, tmp_path / "corpus", at=8, batch=5)
    proc.kill()
    proc.wait(timeout=DEADLINE)
    assert _check_whole(index, expected) == 5, "the first batch committed, the one half written absent"
    r = _doksvar("--index", str(index), "index", str(tmp_path / "corpus"))
    assert r.returncode == 0
    assert b"7 indexed, 5 unchanged" in r.stdout
    assert _check_whole(index, expected) == 12


def test_readers_while_a_writer_indexes(tmp_path):
    paths = _corpus(tmp_path / "corpus", 20)
    index = tmp_path / "i.sqlite"
    assert _doksvar("--index", str(index), "index", str(tmp_path / "corpus")).returncode == 0
    for p in paths:  # every file changes, so the next run writes them all again
        p.write_text(p.read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    questions = tmp_path / "questions.txt"
    questions.write_text("Hur stor var personalomsättningen 2023?\n" * 150, encoding="utf-8")
    writer, _, _ = _pausing_writer(index, tmp_path / "corpus", at=10)
    readers = []
    for _ in range(2):
        with open(questions, encoding="utf-8") as stdin:
            readers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "doksvar", "--index", str(index), "ask", "--json", "-"],
                    stdin=stdin,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
    answers = [_lines_of(r.stdout) for r in readers]
    # Each reader answers while the writer holds a transaction open, and goes on while it commits.
    firsts = [a.get(timeout=DEADLINE) for a in answers]
    writer.stdin.write("\n")
    writer.stdin.flush()
    writer.stdin.close()
    assert writer.wait(timeout=DEADLINE) == 0
    for first, lines, reader in zip(firsts, answers, readers, strict=True):
        out = [first, *iter(lambda q=lines: q.get(timeout=DEADLINE), None)]
        assert reader.wait(timeout=DEADLINE) == 0
        err = reader.stderr.read()
        assert "locked" not in err, err[-500:]
        assert len(out) == 150
        assert all("11%" in json.loads(line)["answer"] for line in out)
    assert _check_whole(index, len(_passages(paths[0]))) == 20


def _passages(path: Path) -> tuple:
    from doksvar.ingest import load

    return load(path).passages


def test_index_trouble_gives_clear_messages(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(5000))
    r = _doksvar("--index", str(junk), "index", str(BUNDLED))
    assert r.returncode == 1 and b"--rebuild" in r.stderr and b"Traceback" not in r.stderr
    assert junk.stat().st_size == 5000, "a file that is not an index is never overwritten unasked"
    r = _doksvar("--index", str(junk), "index", "--rebuild", str(BUNDLED))
    assert r.returncode == 0 and (tmp_path / "junk.sqlite.broken").exists()
    assert Store(junk).counts()["documents"] == 1
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    r = _doksvar("--index", str(blocked / "i.sqlite"), "index", str(BUNDLED))
    assert r.returncode == 1 and b"cannot" in r.stderr and b"Traceback" not in r.stderr


def test_a_damaged_index_of_ours_is_rebuilt_by_the_writer(tmp_path):
    index = tmp_path / "i.sqlite"
    assert _doksvar("--index", str(index), "index", str(BUNDLED)).returncode == 0
    data = bytearray(index.read_bytes())
    data[4096:12288] = os.urandom(8192)  # damage pages after the header
    index.write_bytes(bytes(data))
    r = _doksvar("--index", str(index), "index", str(BUNDLED))
    assert r.returncode == 0, r.stderr
    assert Store(index).counts()["documents"] == 1


def test_the_corpus_is_only_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BUNDLED, corpus)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
    commands = [
        ["index"],
        ["ask", "Vilka negativa avvikelser finns?"],
        ["search", "upphandling"],
        ["show", "4"],
        ["index", "--rebuild"],
        ["ask", "--json", "-"],
    ]
    for args in commands:
        r = _doksvar(*args, cwd=tmp_path, stdin=b"Vad kostade friskvardsbidraget?\n")
        assert r.returncode == 0, (args, r.stderr)
        after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
        assert after == before, args
