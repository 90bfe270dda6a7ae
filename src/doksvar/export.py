"""A conversation written out as Markdown: each question, its answer (a list as a list) and its
citations, and where such a file goes by default."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from doksvar.citation import NOT_THE_ANSWER, AnswerView, answer_view, citation_location
from doksvar.model import Answer

SOURCE_MARKERS = ("pyproject.toml", "setup.py", ".git")
"""Files that make a folder a project's source tree, where an export does not belong unless asked."""


def conversation_markdown(answers: Iterable[Answer | AnswerView], title: str = "doksvar") -> str:
    """Markdown for a list of answers: list answers as numbered lists, citations as block quotes."""
    lines = [f"# {title}", "", f"Exporterad {datetime.now():%Y-%m-%d %H:%M}", ""]
    for k, item in enumerate(answers, 1):
        view = item if isinstance(item, AnswerView) else answer_view(item)
        a = view.answer
        lines += [f"## {k}. {a.question}", ""]
        number = 0
        for line in view.lines:
            marks = "".join(f" [{n}]" for n in line.cites)
            if line.kind == "item":
                number += 1
                lines.append(f"{number}. {line.text}{marks}")
                continue
            if number:
                lines.append("")
            lines += [f"**{line.text}**" if line.kind == "heading" else f"{line.text}{marks}", ""]
        if number:
            lines.append("")
        if not a.answered:
            lines += ["*(Rapporten svarar inte på frågan.)*", ""]
            if a.citations:
                lines += [f"*{NOT_THE_ANSWER}*", ""]
        for c, quote in zip(a.citations, view.quotes, strict=True):
            lines.append(f"[{c.n}] {c.doc} – {citation_location(c)} (tecken {c.start}–{c.end}):")
            lines.append("")
            lines += ["> " + line for line in quote.splitlines() or [""]]
            lines.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n"


def default_export_dir(cwd: Path | None = None) -> Path:
    """Where exports go unless told: the user's documents folder, else the current folder, but
    never a project's source tree (then the home folder)."""
    try:
        from platformdirs import user_documents_dir

        documents = Path(user_documents_dir())
    except ImportError:
        documents = Path.home() / "Documents"
    if documents.is_dir():
        return documents
    here = (cwd or Path.cwd()).resolve()
    if any((folder / marker).exists() for folder in (here, *here.parents) for marker in SOURCE_MARKERS):
        return Path.home()
    return here


def export_name(now: datetime | None = None) -> str:
    """The file name of an export: doksvar-samtal-20240131-142501.md."""
    return f"doksvar-samtal-{(now or datetime.now()):%Y%m%d-%H%M%S}.md"


def write_export(folder: Path, answers: Iterable[Answer | AnswerView]) -> Path:
    """Write the conversation into `folder` (made if missing) and return the file's path."""
    folder = Path(os.path.expanduser(folder))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / export_name()
    n = 1
    while path.exists():
        n += 1
        path = folder / export_name().replace(".md", f"-{n}.md")
    path.write_text(conversation_markdown(answers), encoding="utf-8")
    return path
