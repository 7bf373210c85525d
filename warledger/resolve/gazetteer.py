"""Find place names in text and resolve them to gazetteer entries.

``load_gazetteer()`` loads ``gazetteers/places.tsv`` and ``gazetteers/place_rules.toml``
once per process. ``Gazetteer.find`` returns every place named in a text with exact
character offsets (how names are matched and read: ``gazetteer_scan``);
``Gazetteer.lookup`` resolves one spelling.

Where a spelling names several places of the same kind (the ``[ambiguity]`` table), the
place whose admin1 the rest of the text names most is chosen: "Slavyansk" beside "the
Krasnodar region" is Slavyansk-na-Kubani, not Sloviansk in Donetsk Oblast.

DOCS: docs/data-sources.md
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .gazetteer_data import GazetteerEntry, load_place_rules, load_places, normalise
from .gazetteer_index import Node, build_find_index, build_lookup_index, compound_words
from .gazetteer_scan import Hit, Scanner

__all__ = ["Gazetteer", "GazetteerEntry", "PlaceMention", "load_gazetteer"]

# Texts up to this length are scanned whole once and then served range by range, so that
# callers may ask sentence by sentence at no extra cost; longer texts are scanned per call.
_WHOLE_TEXT_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entry: GazetteerEntry


@dataclass(frozen=True, slots=True)
class _Scanned:
    """The mentions of one whole text, and how often each admin1 is named in it."""

    text: str
    mentions: tuple[PlaceMention, ...]
    starts: tuple[int, ...]
    admin1: Counter[str]


class Gazetteer:
    """Place names: ``find`` them in text, ``lookup`` one spelling."""

    __slots__ = ("_by_key", "_last", "_lookup", "_scanner")

    def __init__(self, lookup: dict[str, Node], scanner: Scanner, entries: Sequence[GazetteerEntry]) -> None:
        self._lookup = lookup
        self._scanner = scanner
        self._by_key = {e.key: e for e in entries}
        self._last: _Scanned | None = None   # replaced whole, never mutated: safe across threads

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Places named in ``text[start:end]``, left to right, longest match first, never overlapping.

        Offsets are into ``text``. Only mentions inside the range are returned, but the
        words around them are read in the whole text (a sentence's "Kharkiv and Sumy"
        followed by "regions" are oblasts).
        """
        end = len(text) if end is None else min(end, len(text))
        start = max(start, 0)
        if start >= end:
            return []
        if len(text) > _WHOLE_TEXT_LIMIT:
            return self._resolve(text, self._scanner.scan(text, start, end), None)
        whole = self._whole(text)
        if start == 0 and end == len(text):
            return list(whole.mentions)
        i, j = bisect_left(whole.starts, start), bisect_left(whole.starts, end)
        straddles = (i > 0 and whole.mentions[i - 1].end > start) or (j > i and whole.mentions[j - 1].end > end)
        if straddles:
            return self._resolve(text, self._scanner.scan(text, start, end), whole.admin1)
        return list(whole.mentions[i:j])

    def _whole(self, text: str) -> _Scanned:
        last = self._last
        if last is not None and last.text is text:
            return last
        hits = self._scanner.scan(text, 0, len(text))
        admin1: Counter[str] = Counter()
        for hit in hits:
            entries = _entries(hit)
            if len(entries) == 1 and entries[0].admin1:
                admin1[entries[0].admin1] += 1
        mentions = tuple(self._resolve(text, hits, admin1))
        scanned = _Scanned(text, mentions, tuple(m.start for m in mentions), admin1)
        self._last = scanned
        return scanned

    def _resolve(self, text: str, hits: list[Hit], admin1: Counter[str] | None) -> list[PlaceMention]:
        out = []
        for hit in hits:
            entries = _entries(hit)
            if len(entries) > 1:
                entry = _choose(entries, self._whole(text).admin1 if admin1 is None else admin1)
            else:
                entry = entries[0]
            out.append(PlaceMention(hit.start, hit.end, text[hit.start:hit.end], entry))
        return out

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry for one spelling: any alias or name, any case, with or without a region word.

        Also accepts an entry key ("ua.city.lviv").
        """
        if name.strip() in self._by_key:
            return self._by_key[name.strip()]
        key = normalise(name)
        key = key[:-2] if key.endswith("'s") else key
        key = key[4:] if key.startswith("the ") else key
        node = self._lookup.get(key)
        if node is not None and node.default:
            return node.default[0]
        head, _, last = key.rpartition(" ")
        word = self._scanner.after_words.get(last)
        if head and word is not None:
            return self._reading_of(head, word[0])
        for phrase, reading, _plural in self._scanner.before_phrases:
            if key.startswith(phrase):
                return self._reading_of(key[len(phrase):], reading)
        return None

    def _reading_of(self, stem: str, reading: str) -> GazetteerEntry | None:
        node = self._lookup.get(stem)
        if node is None or not node.default:
            return None
        return node.readings.get(reading, node.default)[0]


def _entries(hit: Hit) -> tuple[GazetteerEntry, ...]:
    if hit.reading is None:
        return hit.node.default
    return hit.node.readings.get(hit.reading, hit.node.default)


def _choose(entries: Sequence[GazetteerEntry], admin1: Counter[str]) -> GazetteerEntry:
    """Among places sharing a spelling, the one whose admin1 the text names most; else the first."""
    best = entries[0]
    for entry in entries[1:]:
        if admin1[entry.admin1 or ""] > admin1[best.admin1 or ""]:
            best = entry
    return best


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded and indexed once per process."""
    rows = load_places()
    rules = load_place_rules()
    index = build_find_index(rows, rules)
    scanner = Scanner(index, rules, compound_words(rows))
    return Gazetteer(build_lookup_index(rows, rules), scanner, [row.entry for row in rows])
