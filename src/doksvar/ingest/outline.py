"""Sections from a PDF's outline (its bookmarks), matched to the heading lines on their pages.

A bookmark gives a title and a page; the section starts at the line of that page that prints
the title (a heading wrapped over two lines is one), and takes the title as printed. Bookmarks
that only name a file of a bound-together document ("62.1.pdf") stand for no heading: their
children move up a level. An outline of "Page 1, Page 2 …" is no outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

WRAPPER = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf)\s*$", re.I)
PAGE_ONLY = re.compile(r"^\s*(?:page|sida|sid|s\.|p\.)?\s*\d+\s*$", re.I)
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")


@dataclass(frozen=True)
class Entry:
    """A bookmark that stands for a heading."""

    title: str
    """The bookmark's title, white space folded."""
    page: int
    """The page it points to, from 1."""
    level: int
    """1 for a top-level bookmark, 2 for one under it, and so on."""
    number: str
    """The section number: the one the title prints ("1.4.1"), else one given in order."""


def outline_entries(reader) -> list[Entry]:
    """The bookmarks of a pypdf reader that name headings, in order; [] when it has no real outline."""
    found: list[tuple[str, int, int]] = []

    def walk(items, depth: int) -> None:
        wrapper = False
        for item in items:
            if isinstance(item, list):
                walk(item, depth if wrapper else depth + 1)
                continue
            title = " ".join(str(getattr(item, "title", "") or "").split())
            wrapper = bool(WRAPPER.search(title))
            if wrapper or not title:
                continue
            try:
                page = reader.get_destination_page_number(item)
            except Exception:  # noqa: BLE001 - a broken bookmark names no page
                page = None
            if page is not None and page >= 0:
                found.append((title, page + 1, depth + 1))

    try:
        walk(reader.outline, 0)
    except Exception:  # noqa: BLE001 - a damaged outline is no outline
        return []
    if len(found) < 2 or all(PAGE_ONLY.match(title) for title, _, _ in found):
        return []
    return _numbered(found)


def _numbered(found: list[tuple[str, int, int]]) -> list[Entry]:
    """Entries with their section numbers: printed ones kept, the others given in order so that
    they never take a number the document prints."""
    printed = {m.group(1) for title, _, _ in found if (m := NUMBERED.match(title))}
    used: set[str] = set(printed)
    path: list[str] = []  # the numbers of the open entries, by level
    entries = []
    for title, page, level in found:
        level = min(level, len(path) + 1)
        path = path[: level - 1]
        m = NUMBERED.match(title)
        if m:
            number = m.group(1)
        else:
            prefix = path[-1] + "." if path else ""
            k = 1
            while prefix + str(k) in used or any(u.startswith(prefix + str(k) + ".") for u in used):
                k += 1
            number = prefix + str(k)
            used.add(number)
        path.append(number)
        entries.append(Entry(title, page, number.count(".") + 1, number))
    return entries


def _norm(text: str) -> str:
    text = text.replace("\u00ad", "").casefold()
    return " ".join(text.split()).strip(" .:")


def match_heading(entry: Entry, texts: list[str], start: int = 0) -> tuple[int, int] | None:
    """Where the entry's heading stands among a page's lines: (first line, lines it takes), or None.

    The lines are tried from `start`; a heading may be wrapped over up to three lines, and may
    print more than its bookmark says ("… energianvändningen" / "… energianvändningen i bostäder
    och lokaler"): lines that go on in lower case after the bookmark's words are the heading's too."""
    want = _norm(entry.title)
    if not want:
        return None
    m = NUMBERED.match(entry.title)
    bare = _norm(m.group(2)) if m else want
    best: tuple[float, int, int] | None = None
    for i in range(start, len(texts)):
        got = ""
        for k in range(i, min(i + 3, len(texts))):
            piece = _norm(texts[k])
            if not piece:
                break
            if got and got.startswith((want, bare)) and not piece[:1].islower():
                break  # the heading is whole; this line is the text under it
            got = got[:-1] + piece if got.endswith("-") else (f"{got} {piece}" if got else piece)
            score = max(fuzz.ratio(got, want), fuzz.ratio(got, bare))
            if got.startswith((want + " ", bare + " ")) and len(got) <= 2 * len(want):
                score = max(score, 95.0)
            if score >= 90 and (best is None or score > best[0] or score == best[0] and best[1] == i):
                best = (score, i, k - i + 1)
            if len(got) >= 2 * len(want) + 5:
                break
        if best is not None and best[0] == 100:
            break
    return (best[1], best[2]) if best else None
