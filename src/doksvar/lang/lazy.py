"""Regular expressions compiled when first used, not when their module is imported, and compiled once
for every process rather than once in each.

The answering modules define some 250 patterns, and a question uses about 150 of them: compiling them
was a third of a cold `doksvar ask`. `lazy()` is `re.compile()` for module constants, compiling on the
first match, search or substitution. What compiling makes of a pattern (the program the regular
expression engine runs) is kept beside the package's bytecode and read by the next process, as Python
keeps its modules' bytecode; a process that cannot read or write it compiles as `re.compile` does.
"""

from __future__ import annotations

import atexit
import re
import sys
from typing import Any, cast

from doksvar.lang import kept

try:  # the engine and the compiler behind `re.compile`, whose output is kept
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python than CPython
    _sre = None  # type: ignore[assignment]

# The program of a pattern is only valid for the engine that compiled it: kept per Python version and
# engine. A program the engine does not accept is compiled anew (`_sre.compile` checks it).
_VERSION = (getattr(_sre, "MAGIC", None), sys.hexversion)
# Patterns of code that has since changed stay in the file until it holds this many; then only the
# patterns the last process used are kept.
_MOST_KEPT = 2000

Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class _Programs:
    """The programs read from the cache file, and whether this process compiled any new ones."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.known: dict[tuple[str, int], Program] | None = None
        self.used: set[tuple[str, int]] = set()
        self.changed = False

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if _sre is None:  # pragma: no cover
            return re.compile(pattern, flags)
        if self.known is None:
            programs = kept.read(self.name, _VERSION)
            self.known = programs if isinstance(programs, dict) else {}
        flags = int(flags)
        key = (pattern, flags)
        self.used.add(key)
        program = self.known.get(key)
        if program is not None:
            try:
                return cast("re.Pattern[str]", _sre.compile(pattern, *program))
            except (RuntimeError, TypeError, ValueError):  # not this engine's program
                pass
        try:
            program = _program(pattern, flags)
            compiled = cast("re.Pattern[str]", _sre.compile(pattern, *program))
        except (AttributeError, RuntimeError, TypeError):  # the compiler's inside has changed
            return re.compile(pattern, flags)
        if not self.changed:
            atexit.register(self.write)
        self.known[key] = program
        self.changed = True
        return compiled

    def write(self) -> None:
        """Keep the programs for the next process."""
        if not self.changed or self.known is None:
            return
        programs = self.known
        if len(programs) > _MOST_KEPT:
            programs = {key: programs[key] for key in self.used if key in programs}
        kept.write(self.name, _VERSION, programs)
        self.changed = False


def _program(pattern: str, flags: int) -> Program:
    """What `re.compile` hands the engine for `pattern`: `re._compiler.compile` without the last call."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


_programs = _Programs("patterns")


class _LazyPattern:
    """A pattern that compiles itself on first use; `pattern` and `flags` are there from the start,
    so that other patterns can be built from it without compiling it."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _programs.compile(self.pattern, self.flags)
        return compiled

    def search(self, *args: Any) -> re.Match[str] | None:
        return self._get().search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return self._get().match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self._get().fullmatch(*args)

    def finditer(self, *args: Any) -> Any:
        return self._get().finditer(*args)

    def findall(self, *args: Any) -> list[Any]:
        return self._get().findall(*args)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self._get().sub(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[str]:
        return self._get().split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
