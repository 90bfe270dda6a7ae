"""Nothing is lost on the way in: every word of a report's text can be found in the index.

"Found" means it stands in a passage (paragraph, list item, table row, the report's title), a
section heading, a sub-heading that labels passages, a table's caption, header or cells; a word
broken over two lines ("doku-" / "menteras") is found whole. Two kinds of line are no text of the
report and are left out, each named here: the table of contents, with or without its title (its
entries point at headings that are indexed themselves) and page furniture (page numbers, running headers and footers).
Markup is no text either: HTML tags and comments, list marks ("1. ", "- "). Front matter is the
report's metadata: kept with the document, never as its text.
"""

from __future__ import annotations

import html
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doksvar.index.store import Store
from doksvar.ingest import read_bytes
from doksvar.ingest.encoding import decode
from doksvar.ingest.headings import TOC_TITLE, toc_line_numbers
from doksvar.ingest.layout import LEADER_END, Line, looks_like_layout, page_furniture, pages_of_text
from doksvar.ingest.markdown import front_matter, looks_like_markdown
from doksvar.lang.words import WORD

from .conftest import BUNDLED, DATA

# ---------------------------------------------------------------- the source's words, by kind of line


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LIST_MARK = re.compile(r"^\s*(?:[-–•●▪*]|\d{1,2}[.)])\s+", re.M)


def _without_markup(text: str) -> str:
    """The text a reader reads: HTML comments and tags gone, entities as the characters they stand
    for, no list marks ("1. ", "- ")."""
    return _LIST_MARK.sub("", html.unescape(_TAG.sub(" ", _COMMENT.sub(" ", text))))


def _layout_contents(lines: list[str]) -> set[int]:
    """Lines of a layout text's table of contents: its title and the entries under it, an entry
    ending in leaders and a page number ("2.1 Driftredovisning ....... 4"), maybe wrapped."""
    found: set[int] = set()
    in_toc = False
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if TOC_TITLE.match(line):
            found.add(i)
            in_toc = True
        elif not in_toc and _leader_run(lines, i):
            found.add(i)  # contents without a title: lines in a row ending in leaders and a page number
            in_toc = True
        elif in_toc and line:
            if LEADER_END.search(line):
                found.add(i)
            elif re.match(r"^\d", line) and i + 1 < len(lines) and LEADER_END.search(lines[i + 1]):
                found.update((i, i + 1))
                i += 1
            else:
                in_toc = False
        i += 1
    return found


def _leader_run(lines: list[str], i: int, run: int = 3) -> bool:
    ahead = [ln.strip() for ln in lines[i : i + run + 3] if ln.strip()][:run]
    return len(ahead) == run and all(LEADER_END.search(x) and re.search(r"\.{4,}|…", x) for x in ahead)


def source_lines(path: Path) -> dict[str, list[str]]:
    """The source's lines by what they are: "text", "contents", "furniture", "front matter"."""
    out: dict[str, list[str]] = {"text": [], "contents": [], "furniture": [], "front matter": []}
    if path.suffix.lower() == ".pdf":
        from doksvar.ingest.pdf import pdf_pages

        pages = pdf_pages(path.read_bytes(), path.name)
        layout = True
    else:
        text = decode(read_bytes(path), str(path))
        layout = looks_like_layout(text) and not looks_like_markdown(text)
        pages = pages_of_text(text)
    if not layout:
        lines = pages[0].split("\n") if len(pages) == 1 else "\f".join(pages).split("\n")
        _, body = front_matter(lines)
        out["front matter"] = lines[:body]
        contents = toc_line_numbers(lines)
        for i, line in enumerate(lines[body:], body):
            out["contents" if i in contents else "text"].append(line)
        return out
    page_lines = [[Line(ln, number) for ln in page.split("\n")] for number, page in enumerate(pages, 1)]
    furniture = page_furniture(page_lines)
    kept = []
    for p, page in enumerate(page_lines):
        for i, ln in enumerate(page):
            (out["furniture"] if (p, i) in furniture else kept).append(ln.text)
    contents = _layout_contents(kept)
    for i, line in enumerate(kept):
        out["contents" if i in contents else "text"].append(line)
    return out


# ---------------------------------------------------------------- the index's words


def indexed_words(index: Path) -> set[str]:
    """Every word the index holds as text of the report (not the display text as a whole)."""
    conn = sqlite3.connect(index)
    found: set[str] = set()
    queries = [
        "SELECT text || ' ' || label || ' ' || grp FROM passages",
        "SELECT number || ' ' || title FROM sections",
        "SELECT caption || ' ' || header FROM tables",
        "SELECT row_label || ' ' || col_label || ' ' || text FROM cells",
    ]
    for sql in queries:
        for (text,) in conn.execute(sql):
            found |= _words(text)
    conn.close()
    return found


def missing_words(source: set[str], index: set[str]) -> set[str]:
    """Source words the index holds neither as they stand nor joined with the words after or before
    them: a word broken over two lines ("doku-" / "menteras", a header's "Budgetav" / "vikelse") or
    three (a narrow header's "vin-" / "terväghåll-" / "ning") is read whole."""
    lost = source - index
    joined = {w for w in lost for v in index if len(v) > len(w) and (v.startswith(w) and v[len(w) :] in source)}
    joined |= {w for w in lost for v in index if len(v) > len(w) and (v.endswith(w) and v[: -len(w)] in source)}
    joined |= {
        w
        for w in lost
        for v in index
        if len(v) > len(w) + 1
        and w in v[1:-1]
        and v[: v.index(w, 1)] in source
        and v[v.index(w, 1) + len(w) :] in source
    }
    return lost - joined


def _index(paths: list[Path], folder: Path) -> Path:
    index = folder / "i.sqlite"
    store = Store(index, writable=True)
    steps = list(store.index_files(paths))
    store.close()
    assert [s.event for s in steps] == ["indexed"] * len(paths), [s.detail for s in steps]
    return index


# ---------------------------------------------------------------- every report we have


REPORTS = [BUNDLED, *sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".md", ".pdf"))]


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_every_word_of_a_real_report_is_in_the_index(path, tmp_path):
    lines = source_lines(path)
    words = _words(_without_markup("\n".join(lines["text"])))
    assert len(words) > 100, "the report's text was read"
    index = _index([path], tmp_path)
    assert not missing_words(words, indexed_words(index))


def test_contents_and_furniture_are_named_not_lost_text():
    """The exceptions are what they say: contents entries of the bundled report, page footers of
    a PDF rendered as text."""
    bundled = source_lines(BUNDLED)
    assert "6.1 Driftsredovisning\t10" in bundled["contents"]
    assert "6.1 Driftsredovisning" in bundled["text"]
    layout = source_lines(DATA / "simrishamn_kfn_bokslut_2025.poppler.txt")
    assert any(re.fullmatch(r"\s*SID \d+ \(36\)\s*", line) for line in layout["furniture"])
    assert not any("SID 3 (36)" in line for line in layout["text"])


# ---------------------------------------------------------------- any report

_LETTERS = "abcdefghijklmnoprstuvyåäö"
word = st.text(alphabet=_LETTERS, min_size=3, max_size=9)
figure = st.one_of(
    st.integers(0, 999).map(str),
    st.tuples(st.integers(0, 99), st.integers(0, 9)).map(lambda t: f"{t[0]},{t[1]}"),
    st.integers(1000, 99999).map(lambda n: f"{n // 1000} {n % 1000:03d}"),
)


def _sentence(words: list[str], end: str = ".") -> str:
    return " ".join(words).capitalize() + end


sentence = st.lists(word, min_size=2, max_size=14).map(_sentence)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
# A paragraph wrapped by hand: the second line goes on in lower case.
wrapped = st.tuples(st.lists(word, min_size=3, max_size=8), st.lists(word, min_size=1, max_size=8)).map(
    lambda t: " ".join(t[0]).capitalize() + "\n" + " ".join(t[1]) + "."
)
short_line = st.lists(word, min_size=1, max_size=4).map(lambda ws: " ".join(ws).capitalize())
heading = st.tuples(st.integers(1, 9), st.integers(0, 4), st.lists(word, min_size=1, max_size=5)).map(
    lambda t: f"{t[0]}{'.' + str(t[1]) if t[1] else ''} {' '.join(t[2]).capitalize()}"
)
md_heading = st.tuples(st.integers(1, 3), st.lists(word, min_size=1, max_size=5)).map(
    lambda t: "#" * t[0] + " " + " ".join(t[1]).capitalize()
)
bullet = st.sampled_from(["- ", "• ", "* ", "1. ", "– "])
item_list = st.lists(st.tuples(bullet, st.lists(word, min_size=1, max_size=8)), min_size=1, max_size=5).map(
    lambda items: "\n".join(b + " ".join(ws) for b, ws in items)
)
row_label = st.lists(word, min_size=1, max_size=3).map(lambda ws: " ".join(ws).capitalize())


@st.composite
def tab_table(draw) -> str:
    width = draw(st.integers(2, 5))
    header = [draw(row_label)] + [str(draw(st.integers(2015, 2026))) for _ in range(width - 1)]
    rows = [[draw(row_label)] + [draw(figure) for _ in range(width - 1)] for _ in range(draw(st.integers(1, 5)))]
    return "\n".join("\t".join(r) for r in [header, *rows])


@st.composite
def pipe_table(draw) -> str:
    width = draw(st.integers(2, 4))
    header = [draw(row_label) for _ in range(width)]
    rows = [[draw(row_label)] + [draw(figure) for _ in range(width - 1)] for _ in range(draw(st.integers(1, 4)))]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * width]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


@st.composite
def goal_table(draw) -> str:
    """A table of prose: a goal in the first column, its analysis (long sentences) in the second."""
    sep, frame = draw(st.sampled_from([("\t", ("", "")), (" | ", ("| ", " |"))]))
    header = [draw(row_label), draw(row_label)]
    rows = [
        [draw(row_label), " ".join(draw(st.lists(sentence, min_size=3, max_size=5)))]
        for _ in range(draw(st.integers(1, 3)))
    ]
    lines = [frame[0] + sep.join(r) + frame[1] for r in [header, *rows]]
    if sep != "\t":
        lines.insert(1, "| --- | --- |")
    return "\n".join(lines)


html_fragment = st.one_of(
    paragraph.map(lambda t: f"<p>{t}</p>"),
    st.lists(st.lists(word, min_size=1, max_size=5), min_size=1, max_size=4).map(
        lambda items: "<ul>" + "".join(f"<li>{' '.join(ws)}</li>" for ws in items) + "</ul>"
    ),
    st.tuples(sentence, sentence).map(lambda t: f"<div>{t[0]}<br>{t[1]} &amp; {t[0]}</div>"),
)


block = st.one_of(
    paragraph,
    html_fragment,
    paragraph,
    wrapped,
    short_line,
    heading,
    md_heading,
    item_list,
    tab_table(),
    pipe_table(),
    goal_table(),
)
gap = st.sampled_from(["\n", "\n\n", "\n\n\n", "\n\n<!-- sida 2 -->\n\n"])


@st.composite
def report(draw) -> tuple[str, str, set[str]]:
    """(file name, text, the words of its front matter)"""
    blocks = draw(st.lists(block, min_size=1, max_size=12))
    text = blocks[0]
    for b in blocks[1:]:
        text += draw(gap) + b
    meta_words: set[str] = set()
    if draw(st.booleans()):
        value = word.filter(lambda w: w not in ("none", "null"))  # YAML's words for no value
        title, organisation = draw(st.lists(value, min_size=1, max_size=4)), draw(value)
        matter = f"---\ntitle: {' '.join(title).capitalize()}\norganisation: {organisation}\ndate: 2024-03-01\n---\n"
        text = matter + draw(gap) + text
        meta_words = {*title, organisation}
    return draw(st.sampled_from(["rapport.txt", "rapport.md"])), text + "\n", meta_words


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report())
def test_every_word_of_any_report_is_in_the_index(generated):
    name, text, meta_words = generated
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        index = _index([path], Path(folder))
        lines = source_lines(path)
        assert not lines["furniture"]
        words = _words(_without_markup("\n".join(lines["text"])))
        assert not missing_words(words, indexed_words(index))
        if meta_words:
            # Front matter is metadata: the document's title and fields, not a line of its text.
            store = Store(index)
            doc_id, title = store.documents()[0].id, store.documents()[0].title
            assert "title:" not in store.document_text(doc_id) and "organisation" not in store.document_text(doc_id)
            assert _words(title) | _words(" ".join(v for _, v in store.metadata(doc_id))) >= meta_words
            store.close()


def test_a_report_of_one_sentence_without_a_heading_is_searchable(make_store):
    store = make_store({"en-rad.txt": "Budgeten överskreds med 3,2 mkr för löner.\n"})
    assert store.counts()["passages"] == 1
    hits = store.search("löner")
    assert [h.stored.passage.text for h in hits] == ["Budgeten överskreds med 3,2 mkr för löner."]


def test_the_first_of_two_lines_is_found_whether_title_or_text(make_store):
    store = make_store(
        {
            "titel.txt": "Kvartalsrapport vattenverket\nPumparna byttes under hösten.\n",
            "mening.txt": "Pumparna i Norrby byttes.\nDet kostade 2 mkr.\n",
        }
    )
    titles = {d.name: d.title for d in store.documents()}
    assert titles == {"titel.txt": "Kvartalsrapport vattenverket", "mening.txt": "mening.txt"}
    assert [h.stored.doc for h in store.search("vattenverket")] == ["titel.txt"]
    assert [h.stored.doc for h in store.search("Norrby")] == ["mening.txt"]
