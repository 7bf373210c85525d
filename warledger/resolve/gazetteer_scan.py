"""Scan a text for place names: the matching half of the gazetteer.

The scanner finds capitalised words with one compiled regex and looks each up in a dict
of normalised spellings, extending word by word only while the words so far start a
longer spelling ("Sea" -> "Sea of" -> "Sea of Azov"). It never tries thousands of names
one by one. The words around a name then choose its reading:

1. "the Lviv region", "Lviv Oblast", "region of Kharkiv": the region reading, the span
   covering the region word; "Kharkiv Regional ...": the region reading, span unchanged.
2. "the Kursk and Bryansk oblasts", "the regions of Krasnodar and Adygeya": every name of
   the list gets the reading, each span is the name alone.
3. "Dnipro River", "the river Dnipro": the river reading; "Desnyanskyi district": the
   district reading.
4. Otherwise the default reading (a city if there is one, else the region).

Names used as adjectives ("Kyiv-based"), followed by organisation words ("Kyiv
Independent"), preceded by team names ("Dynamo Kyiv") or inside stop phrases ("Latin
America") are skipped. The words are data, in ``gazetteers/place_rules.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer_data import PlaceRules, normalise
from .gazetteer_index import Node

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# A word that may start a place name: a capitalised word or a dotted acronym (U.S.). The
# regex starts with a character class so that re can skip ahead fast; a word glued to a
# letter or an apostrophe before it ("iPhone", "O'Brien") is dropped afterwards.
_START = re.compile(rf"[{_UPPER}](?:(?:\.[A-Z])+\.|[^\W_]*)")
_GLUED = "'’_"
# The next word of a longer spelling: after spaces, ". ", ", " or a hyphen.
_EXT = re.compile(r"([.,]?\s+|[-‐‑])((?:[A-Za-z]\.){2,}|[^\W_]+)")
# The capitalised words right after a name, checked against the stop words.
_RUN = re.compile(r"(?:[ \t\u00a0]+(?:of[ \t\u00a0]+)?[A-Z][^\W_]*){1,4}")
_HYPHENS = frozenset("-‐‑")
_SPAN, _PLURAL, _NO_SPAN = "span", "plural", "no_span"
# What the two characters before a name's preceding space may announce (bit flags).
_STOP, _COMPOUND, _PHRASE = 1, 2, 4


@dataclass(slots=True)
class Hit:
    """A name found by the scanner; ``reading`` is None for the default reading."""

    start: int
    end: int
    node: Node
    reading: str | None = None         # chosen by a word next to this name
    plural_after: str | None = None    # "... and Kursk regions": the list's reading
    plural_before: str | None = None   # "the regions of Krasnodar and ...": the list's reading


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class Scanner:
    """The rule words compiled for matching, and the scan itself."""

    __slots__ = ("_after", "_after_heads", "_before", "_before_suffixes", "_compounds", "_index", "_list_gap",
                 "_stop_after", "_stop_before", "_tails", "after_words")

    def __init__(self, index: dict[str, Node], rules: PlaceRules, compounds: frozenset[str]) -> None:
        self._index = index
        self._compounds = compounds
        self.after_words: dict[str, tuple[str, str]] = {}      # word -> (reading, span mode)
        before: list[tuple[str, str, bool]] = []               # (suffix, reading, plural)
        for r in rules.readings:
            for words, mode in ((r.after, _SPAN), (r.after_plural, _PLURAL), (r.after_no_span, _NO_SPAN)):
                self.after_words.update({w.lower(): (r.name, mode) for w in words})
            for phrases, plural in ((r.before, False), (r.before_plural, True)):
                for p in phrases:
                    before += [(f"{normalise(p)} ", r.name, plural), (f"{normalise(p)} the ", r.name, plural)]
        space = r"[ \t\u00a0]+"
        self._after = re.compile(rf"{space}(?:(?:{_alternation(rules.modifiers)}){space})?"
                                 rf"({_alternation(list(self.after_words))})\b", re.IGNORECASE)
        # Cheap pre-checks: the first three letters of the word after a name, in any usual case,
        # and the last two letters of the word before it, with what each may announce.
        self._after_heads = frozenset(v for w in [*self.after_words, *rules.modifiers]
                                      for v in (w[:3].lower(), w[:3].capitalize(), w[:3].upper()))
        before.sort(key=lambda b: len(b[0]), reverse=True)
        self._before = tuple(before)
        self._before_suffixes = tuple({v for b in before for v in (b[0], b[0].capitalize(), b[0].upper())})
        tails: dict[str, int] = {}
        announced: tuple[tuple[int, frozenset[str]], ...] = (
            (_STOP, rules.stop_before), (_COMPOUND, compounds), (_PHRASE, frozenset(b[0][:-1] for b in before)))
        for flag, spellings in announced:
            for w in spellings:
                tails[w[-2:]] = tails.get(w[-2:], 0) | flag
        self._tails = tails
        joiners = _alternation([s for s in rules.list_separators if s != ","])
        self._list_gap = re.compile(rf"\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+", re.IGNORECASE)
        self._stop_after = rules.stop_after
        self._stop_before = rules.stop_before

    @property
    def before_phrases(self) -> tuple[tuple[str, str, bool], ...]:
        """(phrase + space, reading, plural) for the phrases that may precede a name."""
        return self._before

    def scan(self, text: str, start: int, end: int) -> list[Hit]:
        """Names in ``text[start:end]`` with the readings their neighbouring words choose.

        1. Step through capitalised words; look each up, extend while it is a prefix.
        2. Drop stop phrases and vetoed names (adjective compounds, organisations, teams).
        3. Look back for a lower-case word that starts a longer spelling ("western Ukraine").
        4. Read region, river or district words after and before the name.
        5. Spread plural region words over lists of names.
        """
        hits: list[Hit] = []
        index, tails, heads, pos, lists = self._index, self._tails, self._after_heads, start, False
        for m in _START.finditer(text, start, end):
            s = m.start()
            if s < pos or (s > start and (text[s - 1].isalnum() or text[s - 1] in _GLUED)):
                continue
            word = m.group()
            node = index.get(word.lower())
            if node is None:
                continue
            e = m.end()
            found: Node | None = node
            if node.prefix:
                e, found = self._longest(text, s, e, node, end)
            elif node.exact and word not in node.exact:
                found = None
            if found is None:
                continue
            pos = e
            follow = text[e:e + 4]
            flags = tails.get(text[s - 3:s - 1], 0) if s - 3 >= start else 0
            if found.dropped or ((follow[:1] in _HYPHENS or follow[1:2].isupper() or flags & _STOP)
                                 and self._vetoed(text, s, e, start, end)):
                continue
            hit = Hit(s, e, found)
            if flags & _COMPOUND:
                self._read_compound(text, hit, start)
            if follow[1:] in heads:
                self._read_after(text, hit, end)
                lists = lists or hit.plural_after is not None
            if flags & _PHRASE:
                self._read_before(text, hit, start)
                lists = lists or hit.plural_before is not None
                if hits and hit.start < hits[-1].end:
                    hit.start = s
            pos = hit.end
            hits.append(hit)
        if lists:
            self._spread_lists(text, hits)
        return hits

    def _longest(self, text: str, s: int, e: int, node: Node, end: int) -> tuple[int, Node | None]:
        """The longest spelling starting at ``s``, stepping one word at a time."""
        best_end, best = e, (node if _accepts(node, text, s, e) else None)
        key = ""
        while node.prefix:
            m = _EXT.match(text, e, end)
            if m is None:
                break
            word = m.group(2).lower()
            if word not in node.next_words:
                break
            key = key or normalise(text[s:e])
            gap = m.group(1)
            key += ("-" if gap[0] in _HYPHENS else gap.rstrip() + " ") + word
            nxt = self._index.get(key)
            if nxt is None:
                break
            node, e = nxt, m.end()
            if _accepts(node, text, s, e):
                best_end, best = e, node
        return best_end, best

    def _vetoed(self, text: str, s: int, e: int, lo: int, hi: int) -> bool:
        """Adjective compounds ("Kyiv-based"), organisation names, team names."""
        after, second = text[e:e + 1], text[e + 1:e + 2]
        if after in _HYPHENS and (second.islower() or second.isdigit()):
            return True
        if after == " " and second.isupper():
            run = _RUN.match(text, e, hi)
            if run is not None and not self._stop_after.isdisjoint(run.group().split()):
                return True
        if s - 3 >= lo and self._tails.get(text[s - 3:s - 1], 0) & _STOP and text[s - 1] == " ":
            at = max(text.rfind(" ", lo, s - 1) + 1, lo)
            return text[at:s - 1] in self._stop_before
        return False

    def _read_compound(self, text: str, hit: Hit, lo: int) -> None:
        """A lower-case word that makes a longer spelling with the name: "western Ukraine"."""
        if text[hit.start - 1] != " ":
            return
        at = max(text.rfind(" ", lo, hit.start - 1) + 1, lo)
        word = text[at:hit.start - 1]
        if word not in self._compounds:
            return
        node = self._index.get(f"{word} {normalise(text[hit.start:hit.end])}")
        if node is not None and node.matches and not node.dropped:
            hit.start, hit.node = at, node

    def _read_after(self, text: str, hit: Hit, hi: int) -> None:
        """A region, river or district word right after the name."""
        m = self._after.match(text, hit.end, hi)
        if m is None:
            return
        reading, mode = self.after_words[m.group(1).lower()]
        if mode == _PLURAL:
            hit.plural_after = reading
        elif reading in hit.node.readings:
            hit.reading = reading
            if mode == _SPAN:
                hit.end = m.end()

    def _read_before(self, text: str, hit: Hit, lo: int) -> None:
        """A region or river phrase right before the name ("region of", "river")."""
        if not text.endswith(self._before_suffixes, max(lo, hit.start - 32), hit.start):
            return
        tail = text[max(lo, hit.start - 32):hit.start].lower()
        for suffix, reading, plural in self._before:
            at = hit.start - len(suffix)
            if not tail.endswith(suffix) or (at > lo and text[at - 1].isalnum()):
                continue
            if plural:
                hit.plural_before = reading
            elif hit.reading is None and reading in hit.node.readings:
                hit.reading, hit.start = reading, at
            return

    def _spread_lists(self, text: str, hits: list[Hit]) -> None:
        """Give every name of "A, B and C regions" / "the regions of A and B" the list's reading."""
        gap = self._list_gap
        for i, hit in enumerate(hits):
            if hit.plural_after:
                _set_reading(hit, hit.plural_after)
                j = i
                while j > 0 and gap.fullmatch(text, hits[j - 1].end, hits[j].start):
                    j -= 1
                    _set_reading(hits[j], hit.plural_after)
            if hit.plural_before:
                _set_reading(hit, hit.plural_before)
                j = i
                while j + 1 < len(hits) and gap.fullmatch(text, hits[j].end, hits[j + 1].start):
                    j += 1
                    _set_reading(hits[j], hit.plural_before)


def _accepts(node: Node, text: str, s: int, e: int) -> bool:
    return node.matches and (not node.exact or text[s:e] in node.exact)


def _set_reading(hit: Hit, reading: str) -> None:
    if hit.reading is None and reading in hit.node.readings:
        hit.reading = reading
