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


# One pattern as the matcher reads it: length, the tokens between the first and the last (as a
# tuple and as a list, compared in one step with a slice of either kind), the words its last token
# may be (see ``last_forms``), the value.
_Entry = tuple[int, tuple[str, ...], list[str], frozenset[str], T]
# Patterns by their last token: (length, order in the table, tokens, value).
_Ends = dict[str, list[tuple[int, int, tuple[str, ...], T]]]


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
        # the words some pattern starts with, as _candidates finds them (a plural table: their plurals too)
        self._starters = frozenset(index) | frozenset(
            w for b in index if plural for w in (b + "s", b + "es", b[:-1] + "ies") if w != b and singular(w) == b)
        self._cache: dict[str, list[_Entry[T]]] = {}
        self._ends = _last_token_index(index) if not plural else None
        self._ends_cache: dict[str, list[tuple[int, tuple[str, ...], list[str], T]]] = {}

    def _candidates(self, word: str) -> list[_Entry[T]]:
        """Patterns that may start with ``word`` (its singular too, for plural tables), longest first; cached."""
        found = self._cache.get(word)
        if found is None:
            items = list(self._index.get(word, ()))
            if self.plural:
                base = singular(word)
                if base != word and base in self._index:
                    items = sorted([*items, *self._index[base]], key=lambda item: -len(item[0]))
            found = [(len(toks), toks[1:-1], list(toks[1:-1]), last_forms(toks[-1], self.plural), value)
                     for toks, value in items]
            if len(self._cache) < 50_000:
                self._cache[word] = found
        return found

    @property
    def starters(self) -> frozenset[str]:
        """The words some pattern can start with (a plural table: their plurals too); ``match_at`` finds
        nothing at any other word."""
        return self._starters

    def starts(self, word: str) -> bool:
        """Whether some pattern starts with ``word``."""
        return word in self._firsts

    def _first_fit(self, words: Sequence[str], i: int, candidates: list[_Entry[T]]) -> int:
        """The position in ``candidates`` of the first pattern that fits at token ``i`` (-1: none).

        Tokens after the first must be equal, but the last may be a plural (plural tables) or
        a possessive ("Kyiv's").
        """
        n = len(words)
        kind = type(words)
        for pos, (k, mid, mid_list, lasts, _value) in enumerate(candidates):
            if i + k > n:
                continue
            if k == 1:
                return pos
            if words[i + k - 1] not in lasts:
                continue
            if k == 2 or _same(words, i + 1, i + k - 1, mid if kind is not list else mid_list, kind):
                return pos
        return -1

    def matches_at(self, words: Sequence[str], i: int) -> Iterator[Match[T]]:
        """Every pattern starting at token ``i`` of ``words`` (normalised lowercase tokens), longest first."""
        candidates = self._candidates(words[i])
        while candidates:
            pos = self._first_fit(words, i, candidates)
            if pos < 0:
                return
            yield Match(i, i + candidates[pos][0] - 1, candidates[pos][4])
            candidates = candidates[pos + 1:]

    def match_at(self, words: Sequence[str], i: int) -> Match[T] | None:
        """The longest pattern starting at token ``i``."""
        candidates = self._candidates(words[i])
        if not candidates:
            return None
        pos = self._first_fit(words, i, candidates)
        if pos < 0:
            return None
        return Match(i, i + candidates[pos][0] - 1, candidates[pos][4])

    def may_occur(self, words: Iterable[str]) -> bool:
        """False only when no pattern can match in ``words`` (none of the patterns' anchor words is there)."""
        return not self._anchors.isdisjoint(words)

    def find_all(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right, within ``words[start:end]``."""
        stop = len(words) if end is None else end
        out: list[Match[T]] = []
        if self._anchors.isdisjoint(words):
            return out  # no pattern can match anywhere: the common case, decided in C
        starters = self._starters
        if self.plural:
            # the positions of words that start a pattern (found in C: plurals cost a call each otherwise)
            at: Iterable[int] = sorted(i for w in starters.intersection(words) for i in positions(words, w))
        elif starters.isdisjoint(words):
            return out
        else:
            at = range(start, stop)
        free = start  # the first position after the last match
        for i in at:
            if i < free or i >= stop or words[i] not in starters:
                continue
            candidates = self._candidates(words[i])
            pos = self._first_fit(words, i, candidates)
            if pos >= 0 and i + candidates[pos][0] - 1 < stop:
                out.append(Match(i, i + candidates[pos][0] - 1, candidates[pos][4]))
                free = i + candidates[pos][0]
        return out

    def ending_at(self, words: Sequence[str], last: int, lookback: int = 6) -> Match[T] | None:
        """The longest pattern whose final token is ``last``."""
        if last < 0:
            return None
        if self._ends is None:
            for i in range(max(0, last - lookback), last + 1):
                for m in self.matches_at(words, i):
                    if m.last == last:
                        return m
            return None
        # not plural: the first token is exact, the last exact or a possessive; longest (earliest start) first
        longest = min(last, lookback) + 1
        kind = type(words)
        for k, head, head_list, value in self._ending_with(words[last]):
            if k <= longest and (k == 1 or _same(words, last - k + 1, last, head if kind is not list else head_list,
                                                 kind)):
                return Match(last - k + 1, last, value)
        return None

    def _ending_with(self, word: str) -> list[tuple[int, tuple[str, ...], list[str], T]]:
        """Patterns that may end with ``word`` (a possessive ends a pattern of two words or more), longest
        first and, among patterns of one length, in table order; cached."""
        found = self._ends_cache.get(word)
        if found is None:
            ends = self._ends or {}
            items = list(ends.get(word, ()))
            if word.endswith("'s"):
                items += [e for e in ends.get(word[:-2], ()) if e[0] > 1]
            items.sort(key=lambda e: (-e[0], e[1]))
            found = [(k, toks[:-1], list(toks[:-1]), value) for k, _order, toks, value in items]
            if len(self._ends_cache) < 50_000:
                self._ends_cache[word] = found
        return found


def last_forms(last: str, plural: bool) -> frozenset[str]:
    """The words a pattern's last token ``last`` matches: itself, its possessive ("Kyiv's") and, in a
    plural table, every word whose ``singular`` is ``last`` (only these three forms can be)."""
    forms = {last, last + "'s"}
    if plural:
        forms.update(w for w in (last + "s", last + "es", last[:-1] + "ies") if singular(w) == last)
    return frozenset(forms)


def positions(words: Sequence[str], word: str) -> list[int]:
    """The indices of ``word`` in ``words``, found in C (most words occur once or not at all)."""
    out: list[int] = []
    if word not in words:
        return out
    index = words.index
    i = index(word)
    while True:
        out.append(i)
        try:
            i = index(word, i + 1)
        except ValueError:
            return out


def _same(words: Sequence[str], a: int, b: int, want: Sequence[str], kind: type) -> bool:
    """Whether ``words[a:b]`` equals ``want`` (a tuple or, for a list of words, a list)."""
    if kind is tuple or kind is list:
        return words[a:b] == want
    return tuple(words[a:b]) == tuple(want)


def _last_token_index(index: dict[str, list[tuple[tuple[str, ...], T]]]) -> _Ends[T]:
    """Patterns by their last token, each with its length and its order in the table."""
    out: _Ends[T] = {}
    order = 0
    for items in index.values():
        for toks, value in items:
            out.setdefault(toks[-1], []).append((len(toks), order, toks, value))
            order += 1
    return out
