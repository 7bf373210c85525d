"""Regular expressions behind a substring test.

An unanchored search with a pattern that starts with ``\\b`` or with alternatives gets no fast
scan in ``re``: every position of the text is tried. Most sentences cannot match at all, and
a few ``in`` tests (run in C) tell so first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# The letters ``re.IGNORECASE`` equates with ASCII letters although their lowercase is not one:
# dotless i, capital I with dot (its lowercase is two characters) and long s.
IGNORECASE_FOLDS = re.compile("[\u0131\u0130\u017f]")


class Gated:
    """``pattern`` searched only in texts holding one of ``markers``: every match of the pattern
    contains one of them (lowercase markers in the lowercased text when the pattern ignores case)."""

    __slots__ = ("_folded", "_markers", "pattern")

    def __init__(self, pattern: re.Pattern[str], markers: Sequence[str]) -> None:
        self.pattern = pattern
        self._folded = bool(pattern.flags & re.IGNORECASE)
        # the markers as one pattern of literals: ``re`` scans for their first letters in C
        self._markers = re.compile("|".join(re.escape(m.lower() if self._folded else m) for m in markers))

    def may_match(self, text: str) -> bool:
        """False when no match is possible."""
        if self._folded:
            return self._markers.search(text.lower()) is not None or IGNORECASE_FOLDS.search(text) is not None
        return self._markers.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``."""
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``."""
        return self.pattern.finditer(text) if self.may_match(text) else iter(())


_CASE_SENSITIVE: dict[str, re.Pattern[str]] = {}  # phrase patterns without their leading \b, by pattern


def phrases_in(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern ``\\b(?:phrases)\\b`` of lowercase phrases that ignores case,
    searched faster: case-sensitively in the lowercased text where that keeps the offsets and the letters
    ``re.IGNORECASE`` folds (``IGNORECASE_FOLDS``), and without the leading word boundary, so that ``re``
    skips ahead to the phrases' first letters; the boundary is checked on each match instead."""
    low = text.lower()
    if len(low) != len(text) or not pattern.pattern.startswith("\\b") or IGNORECASE_FOLDS.search(text):
        yield from pattern.finditer(text)
        return
    fast = _CASE_SENSITIVE.get(pattern.pattern)
    if fast is None:
        fast = _CASE_SENSITIVE[pattern.pattern] = re.compile(pattern.pattern[2:])
    pos = 0
    while (m := fast.search(low, pos)) is not None:
        at = m.start()
        if at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
            yield m
            pos = m.end()
        else:
            pos = at + 1  # inside a word: a phrase may still start at a boundary within the match
