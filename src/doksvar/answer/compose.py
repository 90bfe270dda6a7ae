"""Putting answers together: verbatim citations and the answer's frame in the question's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from doksvar.model import Answer, Citation

FRAMES = {
    "negative": ("Negativa avvikelser", "Negative deviations"),
    "positive": ("Positiva avvikelser", "Positive deviations"),
    "deviations": ("Avvikelser", "Deviations"),
    "largest_negative": ("Största negativa avvikelser", "Largest negative deviations"),
    "largest_positive": ("Största positiva avvikelser", "Largest positive deviations"),
    "largest": ("Största avvikelser", "Largest deviations"),
    "largest_negative_one": ("Största negativa avvikelsen", "The largest negative deviation"),
    "largest_positive_one": ("Största positiva avvikelsen", "The largest positive deviation"),
    "largest_one": ("Största avvikelsen", "The largest deviation"),
    "total": ("Totalt", "In total"),
    "why": ("Förklaring", "Explanation"),
    "rankings": ("Rankningar, bäst först", "Rankings, best first"),
    "place": ("Plats", "Place"),
    "of": ("av", "of"),
    "lost": ("tappar {n} placeringar", "down {n} places"),
    "gained": ("klättrar {n} placeringar", "up {n} places"),
    "from": ("från plats {n}", "from place {n}"),
    "change": ("förändring", "change"),
    "no_year": ("Rapporten säger inget om {what}.", "The report says nothing about {what}."),
    "not_found": ("Rapporten nämner inte {what}.", "The report does not mention {what}."),
    "no_answer": (
        "Rapporten verkar inte svara på det. Närmast kommer:",
        "The report does not seem to answer that. The closest passages:",
    ),
    "empty": ("Ställ en fråga om rapporten.", "Ask a question about the report."),
    "more": ("… och fler.", "… and more."),
    "no_index": ("Indexet är tomt.", "The index is empty."),
}


def frame(key: str, english: bool, **values: object) -> str:
    """A fixed phrase of the answer, in Swedish or English."""
    text = FRAMES[key][1 if english else 0]
    return text.format(**values) if values else text


@dataclass(frozen=True)
class DocRef:
    """What a citation needs to know of its document."""

    doc_id: int
    name: str
    text: str
    seams: tuple[int, ...]


def seam_free(start: int, end: int, focus: tuple[int, int] | None, seams: tuple[int, ...]) -> tuple[int, int]:
    """The part of [start, end) around `focus` that crosses no place where markup was dropped."""
    inside = [s for s in seams if start < s < end]
    if not inside:
        return start, end
    f0, f1 = focus if focus else (start, start)
    lo = max([s for s in inside if s <= f0], default=start)
    hi = min([s for s in inside if s >= f1], default=end)
    if hi <= lo:
        return start, end
    return lo, hi


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without white space or dangling punctuation at its ends."""
    while start < end and (text[start].isspace() or text[start] in ",;:–-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def citation(
    ref: DocRef,
    n: int,
    start: int,
    end: int,
    section: str,
    title: str,
    page: int | None = None,
    focus: tuple[int, int] | None = None,
) -> Citation:
    """A citation whose quote is the display text from `start` to `end`, kept seam-free."""
    a, b = seam_free(start, end, focus, ref.seams)
    a, b = trim_span(ref.text, a, b)
    return Citation(n, ref.name, section, title, page, ref.text[a:b], a, b)


def renumber(citations: list[Citation]) -> tuple[Citation, ...]:
    """Citations numbered from 1, duplicates (same span) dropped."""
    seen: set[tuple[str, int, int]] = set()
    out: list[Citation] = []
    for c in citations:
        key = (c.doc, c.start, c.end)
        if key in seen or not c.quote:
            continue
        seen.add(key)
        out.append(Citation(len(out) + 1, c.doc, c.section, c.title, c.page, c.quote, c.start, c.end))
    return tuple(out)


def answer(question: str, intent: str, text: str, citations: list[Citation], answered: bool = True) -> Answer:
    return Answer(question, answered, intent, _plain(text), renumber(citations))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def clip(text: str, focus: int, width: int = 220, lead: float = 0.35) -> str:
    """At most `width` characters of `text` around offset `focus`, cut at word boundaries;
    `lead` is the share of the width given to what comes before the focus."""
    if len(text) <= width:
        return text
    lo = max(0, focus - int(width * lead))
    hi = min(len(text), lo + width)
    lo = max(0, hi - width)
    if lo > 0:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < focus else lo
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > focus else hi
    return ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
