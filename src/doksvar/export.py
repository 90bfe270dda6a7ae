"""A conversation written out as Markdown: each question, its answer and its citations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from doksvar.model import Answer


def conversation_markdown(answers: Iterable[Answer], title: str = "doksvar") -> str:
    """Markdown for a list of answers, citations as numbered block quotes."""
    lines = [f"# {title}", "", f"Exporterad {datetime.now():%Y-%m-%d %H:%M}", ""]
    for k, a in enumerate(answers, 1):
        lines += [f"## {k}. {a.question}", "", a.answer, ""]
        if not a.answered:
            lines += ["*(Rapporten svarar inte på frågan.)*", ""]
        for c in a.citations:
            where = " ".join(x for x in (c.section, c.title) if x)
            page = f", s. {c.page}" if c.page else ""
            lines.append(f"[{c.n}] {c.doc} – {where}{page} (tecken {c.start}–{c.end}):")
            lines.append("")
            lines += ["> " + line for line in c.quote.splitlines() or [""]]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
