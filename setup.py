"""The one build step pyproject.toml cannot say: the wheel carries the bundled report (the
repository's `corpus/`) as package data, `doksvar/corpus/`, so that an installed doksvar opens on a
working example wherever it is started. All other settings are in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CORPUS = Path(__file__).resolve().parent / "corpus"


class BuildPyWithCorpus(build_py):
    """build_py, then the reports of corpus/ copied into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads corpus/ in the checkout (doksvar.sources.bundled_corpus)
        target = Path(self.build_lib) / "doksvar" / "corpus"
        self.mkpath(str(target))
        for source in sorted(CORPUS.iterdir()):
            if source.is_file() and not source.name.startswith("."):
                self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildPyWithCorpus})
