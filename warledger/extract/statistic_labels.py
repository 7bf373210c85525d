"""Labels for statistics: a snake_case indicator from the words around a number, and the end of the
"of ..." phrase that says what a share or amount is of ("12 percent of the country's refining capacity").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .quantities import COUNT_KINDS, DURATION, Quantity

BREAKS = frozenset({".", ",", ";", ":", "(", ")", "—", "–", "and", "but", "which", "who", "while", "as", "when",
                    "according", "said", "says", "the", "\"", "“", "”"})
INDICATOR_STOP = frozenset({
    "million", "billion", "thousand", "trillion", "hundred", "including", "alone", "further", "another", "even",
    "already", "then", "there", "here", "last", "next",
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "its", "their", "his",
    "her", "this", "that", "these", "those", "has", "have", "had", "was", "were", "is", "are", "been", "be", "it",
    "they", "some", "about", "around", "roughly", "nearly", "almost", "more", "than", "over", "least", "up",
    "only", "just", "also", "still", "which", "who", "would", "could", "will", "can", "may", "per", "each",
    "other", "all", "any", "such", "s", "said", "says", "now",
})
COMPLEMENT_STOPS = BREAKS | {
    "of", "or", "in", "on", "at", "to", "for", "by", "with", "from", "that", "than", "has", "have", "had", "was",
    "were", "is", "are", "been", "be", "will", "would", "could", "can", "since", "into", "out", "also", "still",
    "now", "only", "already", "alone",
}
UNIT_SUFFIX = {"percent": "share", "km": "distance", "miles": "distance", "km/h": "speed", "mph": "speed",
               "Mach": "speed", "kg": "mass", "pounds": "mass", "USD": "amount", "EUR": "amount", "GBP": "amount",
               "UAH": "amount", "RUB": "amount", "km2": "area", "sq mi": "area", "tonnes": "volume",
               "GW": "capacity", "MW": "capacity", "ratio": "ratio"}

_NON_WORD = re.compile(r"\W+")
_NOT_LABEL = re.compile(r"[^a-z0-9_]+")
_UNDERSCORES = re.compile(r"_+")


def complement_end(words: Sequence[str], last: int) -> int:
    """The end of the "of ..." phrase after a unit ("12 percent of the country's refining capacity")."""
    if last + 2 >= len(words) or words[last + 1] != "of":
        return last
    end = last
    for i in range(last + 2, min(len(words), last + 7)):
        w = words[i]
        if w in COMPLEMENT_STOPS or w[:1].isdigit() or (i > last + 2 and w.endswith("ed") and len(w) > 4):
            break
        end = i
    return end


def _content(words: Sequence[str]) -> list[str]:
    """The words of a phrase that can go into a label: no function words, no possessive 's."""
    out = []
    for w in words:
        w = w[:-2] if w.endswith("'s") else w
        if w.replace("-", "").isalpha() and w not in INDICATOR_STOP:
            out.append(w.replace("-", "_"))
    return out


def _clause(words: Sequence[str], start: int, step: int, limit: int) -> list[str]:
    """Up to ``limit`` tokens from ``start`` going in direction ``step``, stopping at a clause break."""
    out: list[str] = []
    i = start
    while 0 <= i < len(words) and len(out) < limit and words[i] not in BREAKS:
        out.append(words[i])
        i += step
    return out[::-1] if step < 0 else out


def indicator(words: Sequence[str], q: Quantity, start: int, end: int) -> str:
    """A short snake_case label from the words around the number: what is counted or measured, and
    the verb or period that says what it is ("people_civilians_killed", "refining_capacity_share")."""
    # the words before and after the number are read only where the label needs them
    if q.kind in COUNT_KINDS or q.kind == "elided":
        unit = _NON_WORD.sub("_", q.unit.lower())
        nouns = _content(words[q.number_last + 1:q.last + 1])
        while nouns and nouns[-1] == unit:
            nouns.pop()
        tail = _content(_clause(words, q.last + 1, 1, 6))[:1] or _content(_clause(words, start - 1, -1, 6))[-1:]
        parts = [unit, *nouns[-1:], *tail]
    else:
        what = _content(words[q.last + 2:end + 1])[-3:] if end > q.last else []
        if not what:
            what = _content(_clause(words, start - 1, -1, 6))[-3:] or _content(_clause(words, q.last + 1, 1, 6))[:3]
        parts = [*what, UNIT_SUFFIX.get(q.unit, "duration" if q.kind == DURATION else q.unit.lower())]
    label = _NOT_LABEL.sub("_", "_".join(parts).lower())
    return _UNDERSCORES.sub("_", label).strip("_")[:60] or "statistic"
