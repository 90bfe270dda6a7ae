"""Numbered headings and the table of contents, as reports print them."""

from __future__ import annotations

import re

from doksvar.lang.words import is_year

HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,118})$")
TOC_LINE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(.+?)(?:\s*\.{3,}\s*|\t+\s*|\s{3,})(\d{1,4})\s*$")
TOC_TITLE = re.compile(r"^\s*(innehåll|innehållsförteckning|contents|table of contents)\s*$", re.I)
SUBHEADING_END = re.compile(r"[.,:;!?…]$")


def toc_line_numbers(lines: list[str]) -> set[int]:
    """Line numbers of the table of contents: its title and its "N Title ..... page" lines."""
    found: set[int] = set()
    run: list[int] = []
    titled = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if TOC_TITLE.match(line):
            found.add(i)
            titled = True
            continue
        if TOC_LINE.match(raw):
            run.append(i)
            continue
        if len(run) >= 3 or (titled and run):
            found.update(run)
        run = []
        titled = False
    if len(run) >= 3 or (titled and run):
        found.update(run)
    return found | _bare_toc(lines)


BARE_TOC_LINES = 3
"""The fewest lines of a table of contents without page numbers."""
_MD_MARK = re.compile(r"^#{1,6}\s+")


def _bare_toc(lines: list[str]) -> set[int]:
    """Line numbers of a table of contents without page numbers: a run of numbered headings with
    no text between them ("1 Sammanfattning", "1.1 Viktiga händelser", …) that the body repeats
    as its headings, most of them. The body's own headings are not repeated after themselves."""
    shaped: dict[int, tuple[str, str]] = {}
    for i, raw in enumerate(lines):
        m = HEADING.match(_MD_MARK.sub("", raw.strip()))
        if m:
            shaped[i] = (m.group(1), " ".join(m.group(2).lower().split()))
    if len(shaped) < BARE_TOC_LINES * 2:
        return set()
    found: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= BARE_TOC_LINES:
            later = {v for j, v in shaped.items() if j > run[-1]}
            if sum(shaped[k] in later for k in run) * 2 > len(run):
                found.update(run)
        run.clear()

    for i, raw in enumerate([*lines, "end"]):
        if not raw.strip():
            continue
        if i in shaped and not _MD_MARK.match(raw.strip()):
            if any(shaped[k] == shaped[i] for k in run):
                close()  # the body's first heading, right after the contents: a new run
            run.append(i)
            continue
        close()
    return found


def reads_as_title(line: str) -> bool:
    """Whether a report's first line may be its title: a few words, not a sentence of its text
    ("Budgeten överskreds med 3,2 mkr." is the report's first paragraph, not its name)."""
    return len(line.split()) <= 16 and not re.search(r"[.,:;!…]$", line.strip())


INNER_GAP = re.compile(r"^\s*\d[\d.]*\.\s+\S.*?\S {3,}\S|\S {6,}\S")
"""Cells of a line set apart by spaces: a table's row, never a heading (a list's "5. Ökad …    Personer",
or a wide gap; a justified heading's words stand a few spaces apart: "2 Faktorer  i omvärlden    som")."""


def heading(line: str, last: list[int] | None) -> tuple[str, str] | None:
    """(number, title) when `line` is the next numbered heading in sequence, else None."""
    m = HEADING.match(line)
    if not m or "\t" in line:
        return None
    number, title = m.group(1), m.group(2).strip()
    if not title[0].isupper() or SUBHEADING_END.search(title) and not title.endswith("?"):
        return None
    if len(title.split()) > 12 or any(not is_year(n) for n in re.findall(r"\d{3,}", title)):
        return None  # "1 Nettokostnad 307 662" is a row of figures; "2.2 Händelser under 2025" a heading
    if any(len(p) > 1 and p.startswith("0") for p in number.split(".")):
        return None  # "04 Hav och marina resurser": a code, not a heading number
    parts = [int(p) for p in number.split(".")]
    if any(p == 0 for p in parts[1:]):
        return None
    if not follows(parts, last):
        return None
    return number, title


def follows(parts: list[int], last: list[int] | None) -> bool:
    """Whether heading number `parts` may come after heading number `last`."""
    if last is None:
        return all(p == 1 for p in parts)
    if parts[: len(last)] == last and len(parts) == len(last) + 1:
        return parts[-1] == 1  # first child
    for depth in range(1, len(last) + 1):
        prefix = last[: depth - 1]
        if len(parts) == depth and parts[:-1] == prefix:
            return last[depth - 1] < parts[-1] <= last[depth - 1] + 2
    return False
