"""The doksvar command as a user runs it: index, ask (--json, batch), search, show, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import BUNDLED, ROOT


def run(args, cwd, stdin=None, env=None):
    e = dict(os.environ, **(env or {}))
    e.pop("DOKSVAR_INDEX", None) if env is None else None
    return subprocess.run(
        [sys.executable, "-m", "doksvar", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=e,
        timeout=120,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder laid out like the project: corpus/ with the bundled report, an index built."""
    d = tmp_path_factory.mktemp("work")
    (d / "corpus").mkdir()
    shutil.copy(BUNDLED, d / "corpus")
    r = run(["index"], d)
    assert r.returncode == 0, r.stderr
    return d


def test_index_prints_progress_on_stderr_and_a_summary(workdir):
    r = run(["index"], workdir)
    assert r.returncode == 0
    assert "1 documents, 10 sections" in r.stdout and "1 unchanged" in r.stdout
    assert "unchanged:" in r.stderr


def test_ask_json_follows_the_contract(workdir):
    r = run(["ask", "--json", "Hur många tillsvidareanställda fanns det 2023?"], workdir)
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert set(data) == {"question", "answered", "intent", "answer", "citations"}
    assert data["answered"] is True and "283" in data["answer"]
    c = data["citations"][0]
    assert set(c) == {"n", "doc", "section", "title", "page", "quote", "start", "end"}
    assert c["doc"] == BUNDLED.name and c["section"] == "4" and c["page"] is None


def test_ask_batch_reads_stdin_and_answers_every_line_in_order(workdir):
    questions = ["Vad kostade friskvårdsbidraget?", "", "Hur många bussar har Luleå Lokaltrafik?", '"AND (NOT*'] * 2
    r = run(["ask", "--json", "-"], workdir, stdin="\n".join(questions) + "\n")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(questions)
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == [q.strip() for q in questions]
    assert "8,3" in answers[0]["answer"] and not answers[2]["answered"]


def test_ask_for_people_prints_numbered_citations(workdir):
    r = run(["ask", "Vilka", "negativa", "avvikelser", "finns?"], workdir)
    assert r.returncode == 0
    assert "14,2 mkr" in r.stdout and "[1] 6.1 Driftsredovisning" in r.stdout


def test_search_marks_hits_and_names_sections(workdir):
    r = run(["search", "upphandling", "--limit", "3"], workdir)
    assert r.returncode == 0 and "«" in r.stdout and r.stdout.startswith("1. ")
    r = run(["search", "upphandling", "--json"], workdir)
    hits = json.loads(r.stdout)
    assert hits and all("«" in h["snippet"] for h in hits) and hits[0]["section"]


def test_show_prints_a_section(workdir):
    r = run(["show", "6.2"], workdir)
    assert r.returncode == 0 and r.stdout.startswith("6.2 Investeringsredovisning")
    assert "7 Bedömning" not in r.stdout
    r = run(["show", "42"], workdir)
    assert r.returncode == 1 and "no section 42" in r.stderr and "Traceback" not in r.stderr


def test_index_option_and_environment_variable(workdir, tmp_path):
    target = tmp_path / "elsewhere.sqlite"
    r = run(["--index", str(target), "index", "corpus"], workdir)
    assert r.returncode == 0 and target.exists()
    env_target = tmp_path / "env.sqlite"
    r = run(["ask", "Hur stor var personalomsättningen 2023?"], workdir, env={"DOKSVAR_INDEX": str(env_target)})
    assert r.returncode == 0 and "11%" in r.stdout and env_target.exists()
    assert "building it" in r.stderr


def test_first_ask_builds_the_index(tmp_path):
    (tmp_path / "corpus").mkdir()
    shutil.copy(BUNDLED, tmp_path / "corpus")
    r = run(["ask", "Hur rankas Luleå i Regionernas Kamp?"], tmp_path)
    assert r.returncode == 0 and "58" in r.stdout and "note:" in r.stderr


def test_bad_paths_and_bad_files_give_messages_not_tracebacks(workdir, tmp_path):
    r = run(["index", str(tmp_path / "missing")], workdir)
    assert r.returncode == 1 and "no such file" in r.stderr and "Traceback" not in r.stderr
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01" * 500)
    (bad / "good.txt").write_text("Rapport\n\n1 Ekonomi\n\nKostnaden blev 3 mkr.\n", encoding="utf-8")
    r = run(["--index", str(tmp_path / "i.sqlite"), "index", str(bad)], workdir)
    assert r.returncode == 1 and "binary.txt" in r.stderr and "Traceback" not in r.stderr
    assert "1 documents" in r.stdout


def test_one_sentence_reports_are_searchable_among_broken_files(workdir, tmp_path):
    folder = tmp_path / "blandat"
    folder.mkdir()
    (folder / "en-rad.txt").write_text("Budgeten överskreds med 3,2 mkr för löner.", encoding="utf-8")
    (folder / "windows.txt").write_bytes("Snöröjningen i Gällivare kostade 1,4 mkr mer än väntat.\r\n".encode("cp1252"))
    (folder / "tom.txt").write_bytes(b"")
    (folder / "binär.txt").write_bytes(b"\x00\x01" * 500)
    index = str(tmp_path / "i.sqlite")
    r = run(["--index", index, "index", str(folder)], workdir)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "2 documents" in r.stdout and "2 failed" in r.stdout
    assert "tom.txt: the file is empty" in r.stderr and "binär.txt" in r.stderr
    for word, hit in (
        ("löner", "1. en-rad.txt\n   Budgeten överskreds med 3,2 mkr för «löner»."),
        ("snöröjning", "1. windows.txt\n   «Snöröjningen» i Gällivare kostade 1,4 mkr mer än väntat."),
    ):
        r = run(["--index", index, "search", word], workdir)
        assert r.returncode == 0 and r.stdout.strip() == hit, r.stdout + r.stderr


def test_a_broken_index_file_is_a_clear_message(workdir, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"garbage" * 1000)
    r = run(["--index", str(junk), "ask", "hej"], workdir)
    assert r.returncode == 1 and "not a doksvar index" in r.stderr and "Traceback" not in r.stderr


def test_core_modules_do_not_import_textual():
    code = (
        "import sys, doksvar.ingest, doksvar.index.store, doksvar.index.write;"
        "import doksvar.answer, doksvar.answer.conversation, doksvar.cli;"
        "import doksvar.ingest.text, doksvar.facts.deviations, doksvar.facts.rankings;"
        "assert 'textual' not in sys.modules, 'textual imported';"
        "assert 'pypdf' not in sys.modules, 'pypdf imported'"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
