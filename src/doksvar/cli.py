"""The `doksvar` command: index, ask, search and show; bare `doksvar` opens the terminal app.

Kept light to start: Textual and pypdf are imported only where they are used.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from doksvar.errors import DoksvarError
from doksvar.sources import collect, default_corpus, index_path


def run_index(store_path: Path, paths: list[Path], rebuild: bool = False, quiet: bool = False) -> int:
    """Index the paths; print progress on stderr and a summary; 1 when any file failed or lost pages."""
    from doksvar.index.store import Store

    t0 = time.perf_counter()
    files = collect(paths)
    store = Store(store_path, writable=True, rebuild=rebuild)
    if rebuild and not store.rebuilt:
        store.rebuild()
    failures = []
    gaps = []  # documents in the index with pages that gave no text
    counts = {"indexed": 0, "unchanged": 0, "removed": 0}

    def page(path: str, k: int, n: int) -> None:
        if not quiet and n > 1:
            end = "\n" if k == n else ""
            print(f"\r  {Path(path).name}: page {k}/{n}", end=end, file=sys.stderr, flush=True)

    try:
        for step in store.index_files(files, on_page=page):
            if step.event == "failed":
                failures.append(step)
            else:
                counts[step.event] = counts.get(step.event, 0) + 1
            if step.lost_pages:
                gaps.append(step)
            if not quiet:
                if step.event == "failed":
                    print(f"[{step.done}/{step.total}] failed: {step.detail}", file=sys.stderr)
                else:
                    details = [step.detail] if step.detail else []
                    if step.lost_pages:
                        details.append(_pages_word(len(step.lost_pages)) + " gave no text")
                    detail = f" ({'; '.join(details)})" if details else ""
                    print(f"[{step.done}/{step.total}] {step.event}: {step.path}{detail}", file=sys.stderr)
        totals = store.counts()
    finally:
        store.close()
    seconds = time.perf_counter() - t0
    print(
        f"{totals['documents']} documents, {totals['sections']} sections, {totals['passages']} passages, "
        f"{totals['tables']} tables in the index; {counts['indexed']} indexed, {counts['unchanged']} unchanged, "
        f"{counts['removed']} removed, {len(failures)} failed"
        + (f", {len(gaps)} with pages that gave no text" if gaps else "")
        + f" in {seconds:.2f} s"
    )
    for f in failures:
        print(f"failed: {f.detail}", file=sys.stderr)
    for g in gaps:
        for number, why in g.lost_pages:
            print(f"no text: {g.path}: page {number}: {why}", file=sys.stderr)
    return 1 if failures or gaps else 0


def _pages_word(n: int) -> str:
    return "1 page" if n == 1 else f"{n} pages"


def open_store(store_path: Path):
    """The index for reading; built from the default corpus first when there is none yet."""
    from doksvar.index.store import Store

    if not store_path.exists():
        corpus = corpus_or_error(f"no index at {store_path}")
        print(f"note: no index at {store_path}; building it from {corpus}/ first", file=sys.stderr)
        with contextlib.redirect_stdout(sys.stderr):  # stdout is for the answers (ask --json)
            run_index(store_path, [corpus], quiet=True)
    return Store(store_path)


def corpus_or_error(why: str) -> Path:
    """The default corpus (corpus/ here, else the bundled report); an error naming `why` when there is none."""
    corpus = default_corpus()
    if corpus is None:
        raise DoksvarError(f"{why}, no corpus/ folder here and no bundled report in this installation")
    return corpus


def _questions(args: argparse.Namespace) -> Iterator[str]:
    if args.question == ["-"]:
        for raw in sys.stdin.buffer:
            yield raw.decode("utf-8", errors="replace").rstrip("\r\n")
    else:
        yield " ".join(args.question)


def run_ask(args: argparse.Namespace) -> int:
    from doksvar.answer import Answerer
    from doksvar.model import Answer

    store = open_store(index_path(args.index))
    answerer = Answerer(store, doc_filter(store, args.doc))
    tables = None  # the index's tables, read when the first answer is printed for people
    for question in _questions(args):
        try:
            result = answerer.ask(question)
        except DoksvarError as exc:
            result = Answer(question[:2000], False, "none", str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad question must not end a batch
            print(f"doksvar: could not answer {question[:80]!r}: {exc!r}", file=sys.stderr)
            result = Answer(question[:2000], False, "none", "Frågan kunde inte besvaras.")
        if args.json:
            sys.stdout.write(result.to_json() + "\n")
            sys.stdout.flush()
        else:
            from doksvar.citation import TablesByDocument

            tables = tables or TablesByDocument(store)
            print(format_answer(result, tables))
    return 0


def format_answer(result, tables=None) -> str:
    """An answer for people: a list as a list, then its numbered citations, a table's row with its
    column headers (the same wording as the terminal app and the export)."""
    from doksvar.citation import answer_view, plain_answer

    return plain_answer(answer_view(result, tables))


def doc_filter(store, name: str | None) -> set[int] | None:
    """The documents --doc names, or None for all; an error when none matches."""
    if not name:
        return None
    ids = store.documents_named(name)
    if not ids:
        names = ", ".join(d.name for d in store.documents()[:20])
        raise DoksvarError(f"no indexed document matches --doc {name!r}; the index has {names}")
    return set(ids)


def run_search(args: argparse.Namespace) -> int:
    store = open_store(index_path(args.index))
    docs = doc_filter(store, args.doc)
    hits = store.search(" ".join(args.query), limit=args.limit, section=args.section, doc_ids=docs)
    if args.json:
        rows = []
        for n, h in enumerate(hits, 1):
            p = h.stored.passage
            rows.append(
                {
                    "n": n,
                    "doc": h.stored.doc,
                    "section": p.section,
                    "title": h.stored.section_title,
                    "label": p.label,
                    "page": p.page,
                    "start": p.start,
                    "end": p.end,
                    "snippet": h.snippet,
                    "hits": [list(x) for x in h.hits],
                    "score": round(h.score, 4),
                }
            )
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not hits:
        print("no passages found", file=sys.stderr)
        return 0
    from doksvar.citation import TablesByDocument, location, table_at, table_quote

    tables = TablesByDocument(store)
    for n, h in enumerate(hits, 1):
        p = h.stored.passage
        print(f"{n}. {location(p.section, h.stored.section_title, p.page, h.stored.doc, p.label)}")
        table = table_at(tables(h.stored.doc), p.start, p.end) if p.kind == "row" else None
        row = table_quote(table, p.start, p.end, p.text) if table is not None else None
        print(f"   {row.replace(chr(10), chr(10) + '   ')}" if row else f"   {h.snippet}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    store = open_store(index_path(args.index))
    wanted = args.section.strip().rstrip(".")
    for doc in store.documents():
        if args.doc and args.doc not in (doc.name, Path(doc.name).stem):
            continue
        for s in store.sections(doc.id):
            if s.number == wanted:
                page = f" (s. {s.page})" if s.page else ""
                print(f"[{doc.name}{page}]", file=sys.stderr)
                print(store.document_text(doc.id)[s.start : s.end].rstrip())
                return 0
    numbers = sorted(
        {s.number for d in store.documents() for s in store.sections(d.id)},
        key=lambda n: [int(x) for x in n.split(".")],
    )
    raise DoksvarError(f"no section {wanted}; the index has sections {', '.join(numbers) or '(none)'}")


def run_tui(args: argparse.Namespace) -> int:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        build_parser().print_help()
        return 0
    from doksvar.tui.app import run

    return run(index_path(args.index), default_corpus(), export_dir=args.export_dir)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doksvar",
        description="Ask a Swedish municipal report, get a short answer that cites the passage.",
    )
    parser.add_argument(
        "--index",
        metavar="FILE",
        help="the index file (default: $DOKSVAR_INDEX, else index/doksvar.sqlite in a folder with corpus/, "
        "else doksvar.sqlite in your user data folder)",
    )
    parser.add_argument(
        "--export-dir",
        metavar="DIR",
        type=Path,
        help="where the terminal app exports conversations (default: your Documents folder, else here)",
    )
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("index", help="index reports (default: corpus/, else the bundled report)")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: corpus/, else the bundled report)")
    p.add_argument("--rebuild", action="store_true", help="drop the index and build it anew")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress lines")

    p = sub.add_parser("ask", help="ask a question; '-' reads one question per line from stdin")
    p.add_argument("question", nargs="+", help="the question, or - for stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per answer")
    p.add_argument("--doc", help="answer from this document only (file name, its stem, or part of its title)")

    p = sub.add_parser("search", help="keyword search with snippets")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--section", help="only this section and its subsections")
    p.add_argument("--doc", help="only this document (file name, its stem, or part of its title)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="print one section's text")
    p.add_argument("section", help='the section number, e.g. "6.1"')
    p.add_argument("--doc", help="the document's file name, when several are indexed")

    sub.add_parser("tui", help="open the terminal app")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "index":
            paths = args.paths or [corpus_or_error("no reports named")]
            return run_index(index_path(args.index), paths, args.rebuild, args.quiet)
        if args.command == "ask":
            return run_ask(args)
        if args.command == "search":
            return run_search(args)
        if args.command == "show":
            return run_show(args)
        return run_tui(args)
    except DoksvarError as exc:
        print(f"doksvar: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
