"""Measure verbs: what a sentence says happened to the things it counts.

A verb after the counted phrase ("22 drones were shot down", also after a coordinated subject:
"183 drones and nine missiles were shot down") or before the number ("launched 40 drones"),
and death-toll phrases ("the death toll has risen to 12"). ``compatible`` says which measures
apply to weapons, people and objects.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import PERSONS, WEAPONS, Measure, What
from .numbers import Number
from .rules import RuleSet

# Words that end a clause for the backward search of a governing verb.
CLAUSE_BREAKS = frozenset({".", ";", "but", "while", "whereas", "although", "though", "after", "before",
                           "as", "when", "since", "because", "which", "who", "where", "that", "following"})
# Words that end the forward search for the verb of a coordinated subject.
SUBJECT_BREAKS = frozenset({".", ";", ":", "of", "which", "that", "who", "while", "but", "after", "as", "when",
                            "because", "since", "said", "says", "according", "with", "including", "—", "–",
                            "(", "whereas", "than", "from", "launched", "fired"})
# ... and once the search has passed a coordinated item, only these end it.
STRONG_BREAKS = frozenset({".", ";", ":", "which", "that", "who", "while", "but", "said", "says", "according",
                           "whereas", "after", "because"})
# "the death toll has risen to 12": the verb before the number, and the words that say whose toll
TOLL_VERBS = frozenset({"risen", "rose", "climbed", "increased", "jumped", "grown", "grew", "reached", "stands",
                        "stood", "rises", "climbs", "now", "hit"})
KILLED_WORDS = frozenset({"dead", "killed", "deaths", "death", "fatalities", "toll", "died", "bodies"})
INJURED_WORDS = frozenset({"injured", "wounded", "injuries", "hurt", "injury", "hospitalised", "hospitalized"})


def compatible(measure: Measure, what: What) -> Measure | None:
    """The measure as it applies to this kind of thing, or None when it cannot."""
    if what in WEAPONS:
        if measure in (Measure.LAUNCHED, Measure.INTERCEPTED, Measure.SUPPRESSED, Measure.HIT):
            return measure
        return None
    if what in PERSONS:
        return measure if measure in (Measure.KILLED, Measure.INJURED) else None
    if measure is Measure.DAMAGED:
        return measure
    if measure is Measure.HIT or measure is Measure.INTERCEPTED:
        return Measure.DAMAGED  # "buildings were hit", "houses destroyed"
    return None


# a number right before one of these has a predicate of its own ("..., eight were Kalibr missiles"): no item of a
# coordinated subject
_COPULAS = frozenset({"were", "was", "are", "is"})


def verb_after(words: Sequence[str], rules: RuleSet, start: int, what: What,
                numbers: Sequence[Number], subject: bool = True) -> tuple[Measure, int] | None:
    """A measure verb after the counted phrase: "were shot down", "alone were damaged", and after a
    coordinated subject: "183 drones and nine missiles were shot down". ``subject`` False: the phrase is
    the object of a verb before it ("downed 350 drones and 16 missiles, and 32 drones were lost"), so a
    verb past the next item is that item's, not this one's."""
    n = len(words)
    i = _past_locative(words, start)
    limit = i + 4
    while i < min(limit, n):
        m = rules.measure_after.match_at(words, i)
        if m is not None:
            measure = compatible(Measure(m.value.value), what)
            if measure is None and m.last > i:
                # "38 drones had been destroyed": the damage a building takes is a drone's interception, which
                # the bare participle says ("destroyed")
                inner = rules.measure_after.match_at(words, m.last)
                if inner is not None and (measure := compatible(Measure(inner.value.value), what)) is not None:
                    return measure, inner.last
            return (measure, m.last) if measure is not None else None
        w = words[i]
        aside = _aside_end(words, i)
        if aside is not None:
            i, limit = aside + 1, min(aside + 5, n)  # "seven people, including a child, were wounded"
            continue
        extended = limit > start + 4
        joined = w in (",", "and")
        item = next((x for x in numbers if x.first == i + 1), None) if joined else None
        if item is not None and item.last + 1 < n and words[item.last + 1] in _COPULAS:
            return None  # "28 were Kh-101 missiles, eight were Kalibr missiles fired from ships": the next item's
        if subject and joined and i + 1 < n and (words[i + 1] in SUBJECT_DETERMINERS or item is not None):
            limit = min(i + 12, n)  # a coordinated subject: keep looking past the next item
        elif extended and w not in STRONG_BREAKS:
            pass
        elif w in SUBJECT_BREAKS or (w in (",", "and") and not extended) or w in ("out",):
            return None
        i += 1
    return None

# words that open the next item of a coordinated subject ("the drones and some missiles were downed")
SUBJECT_DETERMINERS = frozenset({"a", "an", "at", "some", "the", "both", "all"})
# "of" too: "one employee of the depot had been injured"
LOCATIVES = frozenset({"in", "near", "from", "at", "over", "of"})
AUXILIARIES = frozenset({"was", "were", "had", "has", "have"})


# participles of a weapon's course, after the counted noun ("nine drones heading for the capital were
# downed"): the phrase they open may be longer than a place phrase
COURSE_PARTICIPLES = frozenset({"heading", "headed", "flying", "approaching", "bound", "aimed", "moving"})


def verb_after_apposition(words: Sequence[str], rules: RuleSet, start: int, what: What,
                          numbers: Sequence[Number]) -> tuple[Measure, int] | None:
    """The measure verb after an apposition closed by a comma right before its auxiliary ("31 drones, mostly
    Gerbera decoys, were lost"; the noun phrase may have taken the apposition in, so that only its closing
    comma is left: ", were lost"), for a count ``verb_after`` found no verb for; never past another number."""
    n = len(words)
    if start >= n - 1 or words[start] != ",":
        return None
    if words[start + 1] in AUXILIARIES:
        return verb_after(words, rules, start + 1, what, numbers)
    close = next((j for j in range(start + 1, min(start + 7, n - 1)) if words[j] in (",", ".", ";", ":")), None)
    if close is None or words[close] != "," or words[close + 1] not in AUXILIARIES \
            or any(start < x.first < close for x in numbers):
        return None
    return verb_after(words, rules, close + 1, what, numbers)


def _past_locative(words: Sequence[str], start: int) -> int:
    """The auxiliary after a short place phrase that follows the counted noun ("a woman in a nearby
    village was hurt", "12 drones over the Kursk region were", "drones heading for the city had been"),
    or ``start`` when there is none."""
    if start >= len(words) or (words[start] not in LOCATIVES and words[start] not in COURSE_PARTICIPLES):
        return start
    reach = 8 if words[start] in COURSE_PARTICIPLES else 6
    for j in range(start + 1, min(start + reach, len(words))):
        if words[j] in AUXILIARIES:
            return j
        if words[j] in (",", ".", ";", ":", "and"):
            return start
    return start


ASIDE_OPENERS = frozenset({"including", "among", "mostly", "mainly", "largely", "chiefly", "primarily"})
ASIDE_CLOSERS = {",": ",", "(": ")", "—": "—", "–": "–"}


def _aside_end(words: Sequence[str], i: int) -> int | None:
    """The closing mark of an aside that names part of the counted group before its verb
    (", including a child,", "(among them two children)", ", mostly Gerbera decoys,"), or None when no such
    aside opens at ``i``."""
    close = ASIDE_CLOSERS.get(words[i])
    if close is None or i + 1 >= len(words) or words[i + 1] not in ASIDE_OPENERS:
        return None
    for j in range(i + 2, min(i + 10, len(words))):
        if words[j] == close:
            return j
        if words[j] in (".", ";", ":"):
            return None
    return None


def verb_before(words: Sequence[str], rules: RuleSet, first: int, what: What) -> tuple[Measure, int] | None:
    """The nearest governing verb before the number whose measure fits what is counted."""
    for last in range(first - 1, max(-1, first - 16), -1):
        w = words[last]
        if w in CLAUSE_BREAKS and last < first - 1:
            return None
        m = rules.measure_before.ending_at(words, last, lookback=5)
        if m is not None:
            measure = compatible(_either(words, rules, m.first, Measure(m.value.value)), what)
            if measure is not None:
                return measure, m.first
    return None

def _either(words: Sequence[str], rules: RuleSet, first: int, measure: Measure) -> Measure:
    """"brought down or suppressed 585": a kill verb joined by "or" to a jamming verb counts the
    weapons defeated either way, which the report gives as intercepted (the listed pairs, "shot down
    or suppressed", say the same; this covers any kill verb). An adverb may stand before the jamming verb
    ("shot down or electronically suppressed")."""
    if measure is not Measure.SUPPRESSED or first < 2:
        return measure
    if words[first - 1].endswith("ly") and first >= 3:
        first -= 1  # "or electronically suppressed"
    if words[first - 1] != "or":
        return measure
    kill = rules.measure_before.ending_at(words, first - 2, lookback=3)
    return Measure.INTERCEPTED if kill is not None and kill.value.value == "intercepted" else measure


def toll(words: Sequence[str], first: int) -> Measure | None:
    """"The death toll ... has risen to 12", "the number of injured stands at 40"."""
    before = words[max(0, first - 3):first]
    if not any(w in TOLL_VERBS for w in before):
        return None
    clause = words[max(0, first - 16):first]
    killed = max((i for i, w in enumerate(clause) if w in KILLED_WORDS), default=-1)
    injured = max((i for i, w in enumerate(clause) if w in INJURED_WORDS), default=-1)
    if killed < 0 and injured < 0:
        return None
    return Measure.KILLED if killed > injured else Measure.INJURED
