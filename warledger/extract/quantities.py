"""What a number measures: a unit after it ("12 percent", "900-kilometre", "250,000 barrels a day"),
a currency before it ("$45bn", "€6 billion"), a unit before it ("Mach 9"), a span of time
("30 days"), a counted noun ("120 prisoners of war", "260 emergency generators"), or a fraction
("about a fifth of", "three-quarters of").

Values come back in base units: scale words are applied ("$250m" is 250,000,000; "minus 15" is -15).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .numbers import find_numbers
from .phrases import Match
from .rules import Rule
from .statistic_rules import StatRules
from .text import Token

MEASURE = "measure"
DURATION = "duration"
# what may stand between a number and the noun it counts ("260 emergency generators",
# "eight more Patriot air defence systems"): at most this many words
NOUN_GAP = 4
# words that end the search for the counted noun
NOUN_BREAKS = frozenset({
    "of", "in", "on", "at", "over", "by", "from", "to", "into", "across", "and", "or", "were", "was", "are", "is",
    "had", "have", "has", "been", "be", "that", "which", "who", "with", "for", "as", "than", "while", "but",
    "since", "after", "before", "during", "including", "among", "per", "each", "near", "said", "says", "a",
    "an", "the", "this", "these", "those", "it", "its", "their", "will", "would", "could", "can", "may", "not",
    "percent", "times", "if", "when", "where", "them", "they", "he", "she", "we", "you", "i", "do", "did",
    "killed", "injured", "wounded", "launched", "fired", "shot", "down", "destroyed", "damaged", "hit",
})
SCALE_SUFFIX = {"m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "k": 1_000, "b": 1_000_000_000,
                "tn": 1_000_000_000_000, "trn": 1_000_000_000_000}
HYPHENS = frozenset({"-", "‑", "–"})
COUNT_KINDS = frozenset({"count", "arms", "campaign", "forces", "outage"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
OPENERS = frozenset({"[", "("})
CLOSERS = frozenset({"]", ")"})


class Num(NamedTuple):
    """A number of the sentence (``numbers.Number`` with token indexes into the whole sentence)."""

    first: int          # index of the first token of the number
    last: int           # index of the last token (inclusive)
    value: float
    start: int          # char offsets in the article
    end: int
    digits: bool        # written with digits
    plus: bool          # "500+"
    scaled: bool        # carries a scale word: "1.2 million", "$90bn"


def numbers_at(tokens: Sequence[Token], places: Sequence[int]) -> list[Num]:
    """The numbers (``find_numbers``) that start near the character offsets ``places``: each is read
    in a window of a few tokens around it, so a long sentence is not read word by word."""
    out: list[Num] = []
    n = len(tokens)
    windows: list[list[int]] = []
    i = 0
    for place in sorted(places):
        while i < n and tokens[i].end <= place:
            i += 1
        lo, hi = max(0, i - 2), min(n, i + 6)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    new = tuple.__new__
    for lo, hi in windows:
        for num in find_numbers(tuple(tokens[lo:hi])):
            first = num.first + lo
            if out and first <= out[-1].last:
                continue
            out.append(new(Num, (first, num.last + lo, num.value, num.start, num.end, num.digits, num.plus,
                                 num.scaled)))
    return out


@dataclass(slots=True)
class Quantity:
    """One number read with its unit: the tokens from ``first`` to ``last`` state it."""

    value: float
    unit: str
    kind: str       # "measure", "duration", or the kind of the counted noun: count, campaign, outage
    first: int      # first token: a currency sign, "minus", "Mach", a fraction, or the number
    last: int       # last token of the unit or the counted noun
    number_last: int  # last token of the number itself
    rule_id: str


def adjacent(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` touches the token before it ("90bn", "$5")."""
    return 0 < i < len(tokens) and tokens[i].start == tokens[i - 1].end


def _unit_after(words: Sequence[str], tokens: Sequence[Token], stat: StatRules, after: int,
                value: float) -> tuple[Match[Rule], float] | None:
    """A unit or a span of time starting at token ``after`` ("-kilometre" included), with a scale fix."""
    n = len(words)
    if after >= n:
        return None
    i = after + 1 if words[after] in HYPHENS and after + 1 < n and adjacent(tokens, after) else after
    m = stat.units.match_at(words, i) or stat.durations.match_at(words, i)
    if m is not None:
        if m.value.value == "pounds" and value >= 1_000_000:  # "5 billion pounds" is money, not weight
            return Match(m.first, m.last, _GBP), value
        return m, value
    if words[i] == "c" and adjacent(tokens, i) and value < 100:  # "minus 15C"
        return Match(i, i, _CELSIUS), value
    return None


_GBP = Rule(id="stat.unit.gbp.v1", file="statistics.toml", kind="unit", value="GBP", patterns=("pounds",))
_CELSIUS = Rule(id="stat.unit.celsius.v1", file="statistics.toml", kind="unit", value="degrees Celsius",
                patterns=("c",))


def _scaled(words: Sequence[str], tokens: Sequence[Token], num: Num, money: bool) -> tuple[float, int]:
    """The value with an attached scale ("$400m", "$35k", "1.2tn"), and the number's last token. A
    single letter scales money only: "400m" alone is a length."""
    j = num.last + 1
    if j < len(words) and words[j] in SCALE_SUFFIX and adjacent(tokens, j) and not num.scaled \
            and (money or (len(words[j]) > 1 and words[j] != "mn")):
        return num.value * SCALE_SUFFIX[words[j]], j
    return num.value, num.last


def _half(words: Sequence[str], last: int) -> int:
    """The end of "two and a half" after a number ending at ``last``, or ``last``."""
    if tuple(words[last + 1:last + 4]) == ("and", "a", "half"):
        return last + 3
    return last


def read_quantity(words: Sequence[str], tokens: Sequence[Token], num: Num, stat: StatRules) -> Quantity | None:
    """What ``num`` measures, if a unit, currency, span of time or counted noun says so."""
    cur = stat.currencies.ending_at(words, num.first - 1) if num.first > 0 else None
    value, last = _scaled(words, tokens, num, money=cur is not None)
    first = num.first
    if first > 0 and words[first - 1] == "minus":
        value, first = -value, first - 1
    half = _half(words, last)
    if half != last:
        value, last = value + 0.5, half
    # a currency before the number: "$45bn", "US$ 5 billion", "€6 billion"
    if cur is not None and first == num.first:
        return Quantity(value, cur.value.value, MEASURE, cur.first, last, last, cur.value.id)
    if first > 0:
        before = stat.units_before.ending_at(words, first - 1)
        if before is not None:
            return Quantity(value, before.value.value, MEASURE, before.first, last, last, before.value.id)
    unit = _unit_after(words, tokens, stat, last + 1, value)
    if unit is not None:
        m, value = unit
        kind = DURATION if m.value.kind == "duration" else MEASURE
        return Quantity(value, m.value.value, kind, first, m.last, last, m.value.id)
    noun = noun_after(words, stat, last + 1)
    if noun is not None:
        return Quantity(value, noun.value.value, noun.value.kind, first, noun.last, last, noun.value.id)
    return None


def _skippable(word: str) -> bool:
    """A word that may sit between a number and its noun: a modifier ("emergency", "PAC-3", "guided"),
    not a verb form or another plural noun ("three depots using drones")."""
    if word in NOUN_BREAKS or not word[:1].isalnum():
        return False
    if word in _ACRONYMS_IN_S or "-" in word:
        return True  # "12 HIMARS rockets", "1,346 fixed-wing drones"
    return not (word.endswith("ing") or (len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                                         and word.isalpha()))


# weapon systems whose abbreviation ends in "s", lowercased: a modifier, not a plural noun
_ACRONYMS_IN_S = frozenset({"himars", "atacms", "mlrs", "nasams"})


def noun_after(words: Sequence[str], stat: StatRules, start: int) -> Match[Rule] | None:
    """The counted noun of the phrase at ``start``: modifiers skipped ("900 guided aerial bombs",
    "400 PAC-3 interceptors"), brackets skipped ("a million [FPV] drones"), a partitive followed
    ("three of those ships")."""
    n = len(words)
    i = start
    if i + 1 < n and words[i] == "of" and words[i + 1] in ("those", "these", "its", "their"):
        i += 2
    gap = 0
    while i < n and gap <= NOUN_GAP:
        m = stat.nouns.match_at(words, i)
        if m is not None:
            return m
        w = words[i]
        if w in OPENERS:
            close = next((j for j in range(i + 1, min(n, i + 8)) if words[j] in CLOSERS), None)
            if close is None:
                return None
            i = close + 1
            continue
        if w not in QUOTES and not _skippable(w):
            return None
        gap += 1
        i += 1
    return None


def fraction_at(words: Sequence[str], stat: StatRules, i: int) -> Match[Rule] | None:
    """A fraction of something at token ``i`` ("a fifth of", "three-quarters of"), not "the first half"."""
    m = stat.fractions.match_at(words, i)
    if m is None or m.last + 1 >= len(words) or words[m.last + 1] != "of":
        return None
    if i > 0 and words[i - 1] in ("first", "second", "the", "and", "latter", "former", "other"):
        return None
    return m
