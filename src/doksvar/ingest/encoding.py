"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and cp1252 from Windows."""

from __future__ import annotations

import re

from doksvar.errors import IngestError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes, name: str) -> str:
    """The text of a report file; IngestError for bytes that are not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(f"{name}: not valid UTF-16 text") from None
    if b"\x00" in data[:65536]:
        raise IngestError(f"{name}: not a text file (it holds binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 1000):
            raise IngestError(f"{name}: not a text file (unknown encoding)") from None
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise IngestError(f"{name}: not a text file (it holds control characters)")
    return text
