"""Inline clean-up of one piece of report text: tags, entities, emphasis and white space.

The result is display text; `seams` marks where source characters other than white space were
dropped inside it, so that a quote can be kept from spanning a place where it would no longer
stand verbatim in the source.
"""

from __future__ import annotations

import html
import re

# One pass over everything that is not kept as it stands.
_SPECIAL = re.compile(
    r"(?P<tag></?[A-Za-z][^<>]*>)"
    r"|(?P<entity>&(?:#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});)"
    # Emphasis markers: ** or * or __ that open (before a non-space) or close (after one).
    r"|(?P<emph>(?:(?<![\w*])(?:\*\*|\*|__)(?=[^\s*_]))|(?:(?<=[^\s*_])(?:\*\*|\*|__)(?![\w*])))"
    r"|(?P<space>\s+)"
)


# White space other than " " and the characters `_spaced` looks for one by one.
_OTHER_SPACE = re.compile(r"[^\S \t\n\r\f\v\u00a0]")
_TWO_SPACES = re.compile(r"\s\s")


def _spaced(text: str) -> bool:
    """Whether white space in `text` needs mending: a tab, line break or no-break space, or two
    white-space characters in a row. Plain `in` tests for the common cases, cheaper than a search."""
    return (
        "  " in text
        or "\t" in text
        or "\n" in text
        or "\r" in text
        or "\f" in text
        or "\v" in text
        or "\u00a0" in text
        or (_OTHER_SPACE.search(text) is not None and _TWO_SPACES.search(text) is not None)
    )


def clean_inline(text: str) -> tuple[str, list[int]]:
    """Display text for a fragment and the offsets (into it) where characters were dropped."""
    if "<" not in text and "&" not in text and "*" not in text and "_" not in text:
        # No tag, entity or emphasis: at most white space to mend, which drops no character.
        if not _spaced(text):
            return text.strip(), []
        return " ".join(text.split()), []
    out: list[str] = []
    seams: list[int] = []
    length = 0
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            piece = text[pos : m.start()]
            out.append(piece)
            length += len(piece)
        pos = m.end()
        kind = m.lastgroup
        if kind == "space" or kind == "tag":
            if length and out and not out[-1].endswith(" "):
                out.append(" ")
                length += 1
        elif kind == "entity":
            piece = html.unescape(m.group())
            if piece != m.group():
                seams.append(length)
            out.append(piece)
            length += len(piece)
            seams.append(length)
        else:  # emphasis marker dropped
            seams.append(length)
    if pos < len(text):
        out.append(text[pos:])
    result = "".join(out)
    stripped = result.rstrip()
    lead = len(stripped) - len(stripped.lstrip())
    stripped = stripped.lstrip()
    kept = sorted({s - lead for s in seams if 0 < s - lead < len(stripped)})
    return stripped, kept
