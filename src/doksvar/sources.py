"""Where reports and the index are: the files under the paths a user names, the default corpus and
the default index.

In a project folder (one with `corpus/`) both are there: `corpus/` and `index/doksvar.sqlite`.
Anywhere else doksvar runs as an installed tool: the index lives in the user's data folder
(platformdirs) and the default corpus is the report bundled with the package. `--index` or
$DOKSVAR_INDEX names another index wherever doksvar runs. Both the command line and the terminal
app use these; neither imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from doksvar.errors import DoksvarError

DEFAULT_INDEX = Path("index") / "doksvar.sqlite"
"""The index of a project folder, relative to it."""
DEFAULT_CORPUS = Path("corpus")
"""The reports of a project folder; a folder that has one is a project folder."""
INDEX_NAME = "doksvar.sqlite"
"""The index's file name in the user's data folder."""
BUNDLED_CORPUS = Path(__file__).resolve().parent / "corpus"
"""Where an installed package keeps the bundled report (the build copies the repository's
`corpus/` there); a source checkout has it at the repository's root instead."""


def in_project() -> bool:
    """Whether the current folder is a project folder: one with `corpus/`."""
    return DEFAULT_CORPUS.is_dir()


def user_data_dir() -> Path:
    """The user's data folder for doksvar, where the platform keeps an application's data
    (~/.local/share/doksvar or $XDG_DATA_HOME/doksvar on Linux, ~/Library/Application Support/doksvar
    on macOS, %LOCALAPPDATA%\\doksvar on Windows)."""
    from platformdirs import user_data_path  # only outside a project: a few ms at start

    return user_data_path("doksvar", appauthor=False)


def bundled_corpus() -> Path | None:
    """The folder of the report shipped with doksvar, or None when this installation lacks it."""
    if BUNDLED_CORPUS.is_dir():
        return BUNDLED_CORPUS
    checkout = BUNDLED_CORPUS.parents[2]  # src/doksvar/corpus -> the repository (an editable install)
    if (checkout / "pyproject.toml").is_file() and (checkout / "corpus").is_dir():
        return checkout / "corpus"
    return None


def default_corpus() -> Path | None:
    """The reports indexed when none are named: `corpus/` of a project folder, else the bundled report."""
    return DEFAULT_CORPUS if in_project() else bundled_corpus()


def index_path(given: str | None) -> Path:
    """The index file: --index, else $DOKSVAR_INDEX, else index/doksvar.sqlite in a project folder,
    else doksvar.sqlite in the user's data folder."""
    chosen = given or os.environ.get("DOKSVAR_INDEX")
    if chosen:
        return Path(chosen)
    return DEFAULT_INDEX if in_project() else user_data_dir() / INDEX_NAME


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
