"""Where reports and the index are: the files under the paths a user names, and the default index.

Both the command line and the terminal app use these; neither imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from doksvar.errors import DoksvarError

DEFAULT_INDEX = Path("index") / "doksvar.sqlite"
DEFAULT_CORPUS = Path("corpus")


def index_path(given: str | None) -> Path:
    """The index file: --index, else $DOKSVAR_INDEX, else index/doksvar.sqlite."""
    return Path(given or os.environ.get("DOKSVAR_INDEX") or DEFAULT_INDEX)


def collect(paths: list[Path]) -> list[Path]:
    """Report files under the given paths: folders are walked (links to folders not followed)."""
    from doksvar.ingest import SUFFIXES

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    p = Path(root) / name
                    if p.suffix.lower() in SUFFIXES and not name.startswith("."):
                        found.append(p)
                for name in dirs:
                    d = Path(root) / name
                    if d.suffix.lower() in SUFFIXES:
                        found.append(d)  # a folder named like a report: reported as such
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise DoksvarError(f"{path}: no such file or folder")
    return found
