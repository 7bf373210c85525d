"""Index the gazetteer's spellings for matching: one dict from normalised spelling to ``Node``.

A node holds, for one spelling, the entries of each reading (default, region, district,
river), whether the spelling is also the start of a longer one (so the matcher extends
it word by word instead of trying every alias), whether it must match case-exactly (an
acronym such as US) and whether it is a stop phrase ("Latin America") that is matched
only to be dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from ..errors import ResolveError
from .gazetteer_data import DEFAULT_READING, GazetteerEntry, PlaceRow, PlaceRules, normalise

# Words of a normalised spelling, as the matcher steps through them: "u.s." is one word.
_WORD = re.compile(r"(?:[a-z]\.){2,}|[^\W_]+")


@dataclass(frozen=True, slots=True)
class Node:
    """What one normalised spelling means."""

    readings: Mapping[str, tuple[GazetteerEntry, ...]]
    default: tuple[GazetteerEntry, ...]
    prefix: bool
    exact: frozenset[str]
    dropped: bool
    matches: bool                 # the spelling itself is a complete alias or a stop phrase
    next_words: frozenset[str]    # words that may follow to make a longer spelling


@dataclass(slots=True)
class _Draft:
    readings: dict[str, list[GazetteerEntry]] = field(default_factory=dict)
    prefix: bool = False
    exact: set[str] = field(default_factory=set)
    free_case: bool = False
    dropped: bool = False
    next_words: set[str] = field(default_factory=set)


def _is_acronym(alias: str) -> bool:
    return any(c.isalpha() for c in alias) and not any(c.islower() for c in alias)


def _prefixes(key: str) -> list[tuple[str, str]]:
    """Each proper prefix of a spelling that ends a word, with the word that follows it."""
    words = list(_WORD.finditer(key))
    return [(key[:a.end()], b.group()) for a, b in pairwise(words)]


def _default(readings: Mapping[str, tuple[GazetteerEntry, ...]], order: Iterable[str]) -> tuple[GazetteerEntry, ...]:
    if DEFAULT_READING in readings:
        return readings[DEFAULT_READING]
    for name in order:
        if name in readings:
            return readings[name]
    return ()


def _ordered(key: str, reading: str, entries: list[GazetteerEntry], rules: PlaceRules,
             strict: bool) -> tuple[GazetteerEntry, ...]:
    """The entries of one spelling and reading, in the ambiguity table's order when there are several."""
    if len(entries) == 1:
        return (entries[0],)
    preferred = rules.ambiguity.get(key)
    found = {e.key: e for e in entries}
    if preferred is None or set(preferred) != set(found):
        if strict:
            raise ResolveError(f"alias {key!r} names {sorted(found)} in the {reading} reading: list them "
                               "under [ambiguity] in place_rules.toml, most likely first")
        return tuple(entries)
    return tuple(found[k] for k in preferred)


def _freeze(drafts: Mapping[str, _Draft], rules: PlaceRules, strict: bool) -> dict[str, Node]:
    order = [r.name for r in rules.readings]
    index: dict[str, Node] = {}
    for key, draft in drafts.items():
        if draft.dropped and draft.readings:
            raise ResolveError(f"stop phrase {key!r} is also an alias of {sorted(draft.readings)}")
        readings = {r: _ordered(key, r, es, rules, strict) for r, es in draft.readings.items()}
        exact = frozenset() if draft.free_case else frozenset(draft.exact)
        default = _default(readings, order)
        index[key] = Node(readings, default, draft.prefix, exact, draft.dropped, bool(default) or draft.dropped,
                          frozenset(draft.next_words))
    return index


def _add(drafts: dict[str, _Draft], spelling: str, entry: GazetteerEntry, reading: str,
         only_new: bool = False) -> None:
    key = normalise(spelling)
    if not key:
        return
    draft = drafts.setdefault(key, _Draft())
    current = draft.readings.setdefault(reading, [])
    if only_new and current:
        return
    if all(e.key != entry.key for e in current):
        current.append(entry)
    if _is_acronym(spelling):
        draft.exact.add(spelling)
    else:
        draft.free_case = True


def _mark_prefixes(drafts: dict[str, _Draft]) -> None:
    for key in list(drafts):
        for prefix, word in _prefixes(key):
            draft = drafts.setdefault(prefix, _Draft())
            draft.prefix = True
            draft.next_words.add(word)


def build_find_index(rows: Iterable[PlaceRow], rules: PlaceRules) -> dict[str, Node]:
    """Spellings that ``find`` matches in text: every alias, plus the stop phrases."""
    drafts: dict[str, _Draft] = {}
    for row in rows:
        reading = rules.reading_of(row.entry.key)
        for alias in row.aliases:
            _add(drafts, alias, row.entry, reading)
    for phrase in rules.stop_phrases:
        drafts.setdefault(normalise(phrase), _Draft()).dropped = True
    _check_ambiguity_table(drafts, rows, rules)
    _mark_prefixes(drafts)
    return _freeze(drafts, rules, strict=True)


def compound_words(rows: Iterable[PlaceRow]) -> frozenset[str]:
    """First words of aliases that start in lower case ("western Ukraine"): the scanner, which
    starts only at capitals, looks back for them from the capitalised name."""
    return frozenset(normalise(a).split()[0] for row in rows for a in row.aliases if a[:1].islower())


def build_lookup_index(rows: Iterable[PlaceRow], rules: PlaceRules) -> dict[str, Node]:
    """Spellings that ``lookup`` accepts: aliases, then names, then a region's full admin1 name."""
    rows = tuple(rows)
    drafts: dict[str, _Draft] = {}
    for row in rows:
        for alias in row.aliases:
            _add(drafts, alias, row.entry, rules.reading_of(row.entry.key))
    for row in rows:
        _add(drafts, row.entry.name, row.entry, rules.reading_of(row.entry.key), only_new=True)
    for row in rows:
        reading = rules.reading_of(row.entry.key)
        if reading != DEFAULT_READING and row.entry.admin1:
            _add(drafts, row.entry.admin1, row.entry, reading, only_new=True)
    for draft in drafts.values():
        draft.free_case = True   # lookup() ignores case, acronyms included
    return _freeze(drafts, rules, strict=False)


def _check_ambiguity_table(drafts: Mapping[str, _Draft], rows: Iterable[PlaceRow], rules: PlaceRules) -> None:
    keys = {row.entry.key for row in rows}
    for alias, listed in rules.ambiguity.items():
        unknown = [k for k in listed if k not in keys]
        if unknown:
            raise ResolveError(f"[ambiguity] {alias!r} names unknown keys {unknown}")
        draft = drafts.get(alias)
        if draft is None or all(len(es) < 2 for es in draft.readings.values()):
            raise ResolveError(f"[ambiguity] {alias!r} is not ambiguous in places.tsv: remove it")
