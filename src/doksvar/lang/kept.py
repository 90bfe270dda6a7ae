"""What a process works out once and the next process can read instead: kept beside the package's
bytecode, as Python keeps its modules' compiled code (`doksvar ask` is a new process every time).

Each value is kept under a name with the version of what it was made from; a value of another
version, or a file that cannot be read, is made anew, and one that cannot be written is not kept.
A file is written whole under another name and moved into place, so that a process reading it
never sees half of it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).with_name("__pycache__")


def _path(name: str) -> Path:
    return FOLDER / f"{name}.{sys.implementation.cache_tag}.marshal"


def read(name: str, version: object) -> Any | None:
    """The value kept under `name` if it was made from `version`, else None."""
    try:
        kept_version, value = marshal.loads(_path(name).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if kept_version == version else None


def write(name: str, version: Any, value: Any) -> None:
    """Keep `value` (of types `marshal` writes) under `name`, made from `version`."""
    path = _path(name)
    temporary = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        FOLDER.mkdir(exist_ok=True)
        temporary.write_bytes(marshal.dumps((version, value)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
