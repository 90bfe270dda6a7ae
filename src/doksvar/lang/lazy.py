"""Regular expressions compiled when first used, not when their module is imported.

The answering modules define some 200 patterns, and a question uses about a third of them: compiling
them all on import was most of a cold `doksvar ask`'s start. `lazy()` is `re.compile()` for module
constants, compiling on the first match, search or substitution.
"""

from __future__ import annotations

import re
from typing import Any, cast


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
            compiled = self._compiled = re.compile(self.pattern, self.flags)
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
