"""Phrase tables: find lowercase token sequences from the rules in a token stream.

A table maps each pattern's first token to its patterns, longest first, so a lookup at
one position costs a dict access and a few tuple comparisons.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .text import TOKEN_RE

T = TypeVar("T")


def norm(low: str) -> str:
    """A token as the rules spell it: lowercase, straight apostrophes."""
    return low.replace("’", "'")


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def pattern_tokens(pattern: str) -> tuple[str, ...]:
    return tuple(norm(m.group().lower()) for m in TOKEN_RE.finditer(pattern))


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    first: int   # token index of the first matched token
    last: int    # token index of the last matched token (inclusive)
    value: T


class PhraseTable(Generic[T]):
    """Token-sequence patterns with a value each; ``plural`` lets the last token be a plural."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, plural: bool = False) -> None:
        self.plural = plural
        index: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        seen: set[tuple[str, ...]] = set()
        for pattern, value in entries:
            toks = pattern_tokens(pattern)
            if not toks or toks in seen:
                continue  # the first rule to claim a pattern keeps it (rule files are ordered)
            seen.add(toks)
            index.setdefault(toks[0], []).append((toks, value))
        for items in index.values():
            items.sort(key=lambda item: -len(item[0]))
        self._index = index
        self._firsts = frozenset(index) | frozenset(singular(w) for w in index if self.plural)
        # every pattern's longest word: a sentence without any of them cannot match (checked in C);
        # in a plural table the anchor is the last word, which may also come as a plural
        anchors = {(toks[-1] if plural else max(toks, key=len)) for items in index.values() for toks, _ in items}
        if plural:
            anchors |= {a + "s" for a in anchors} | {a + "es" for a in anchors} \
                | {a[:-1] + "ies" for a in anchors if a.endswith("y")} | {a + "'s" for a in anchors}
        self._anchors = frozenset(anchors)
        self._cache: dict[str, list[tuple[tuple[str, ...], T]]] = {}

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], T]]:
        """Patterns that may start with ``word`` (its singular too, for plural tables), longest first; cached."""
        found = self._cache.get(word)
        if found is None:
            found = list(self._index.get(word, ()))
            if self.plural:
                base = singular(word)
                if base != word and base in self._index:
                    found = sorted([*found, *self._index[base]], key=lambda item: -len(item[0]))
            if len(self._cache) < 50_000:
                self._cache[word] = found
        return found

    def starts(self, word: str) -> bool:
        """Whether some pattern starts with ``word``."""
        return word in self._firsts

    def _fits(self, toks: tuple[str, ...], words: Sequence[str], i: int) -> bool:
        k = len(toks)
        if i + k > len(words):
            return False
        for j in range(1, k):
            want, have = toks[j], words[i + j]
            if want != have and not (j == k - 1 and (
                    (self.plural and want == singular(have)) or (have.endswith("'s") and want == have[:-2]))):
                return False
        return True

    def matches_at(self, words: Sequence[str], i: int) -> Iterator[Match[T]]:
        """Every pattern starting at token ``i`` of ``words`` (normalised lowercase tokens), longest first."""
        for toks, value in self._candidates(words[i]):
            if self._fits(toks, words, i):
                yield Match(i, i + len(toks) - 1, value)

    def match_at(self, words: Sequence[str], i: int) -> Match[T] | None:
        """The longest pattern starting at token ``i``."""
        for toks, value in self._candidates(words[i]):
            if self._fits(toks, words, i):
                return Match(i, i + len(toks) - 1, value)
        return None

    def find_all(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right, within ``words[start:end]``."""
        stop = len(words) if end is None else end
        out: list[Match[T]] = []
        firsts = self._firsts
        if self._anchors.isdisjoint(words) or (not self.plural and firsts.isdisjoint(words)):
            return out  # no pattern can match anywhere: the common case, decided in C
        i = start
        while i < stop:
            w = words[i]
            m = self.match_at(words, i) if (w in firsts or (self.plural and self._candidates(w))) else None
            if m is not None and m.last < stop:
                out.append(m)
                i = m.last + 1
            else:
                i += 1
        return out

    def ending_at(self, words: Sequence[str], last: int, lookback: int = 6) -> Match[T] | None:
        """The longest pattern whose final token is ``last``."""
        for i in range(max(0, last - lookback), last + 1):
            for m in self.matches_at(words, i):
                if m.last == last:
                    return m
        return None
