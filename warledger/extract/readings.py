"""Readings: what a number counts, and the constructions that tell it.

The phrase after the number ("574 drones"), a bulletin label before it ("Kh-101 — 19 of 21"),
"33 of 41 cruise missiles", "of them" / "of which" and "seven of them Kh-101 cruise missiles",
the head of the list a bare number continues ("including 34 over Krasnodar", "Fourteen more
were downed") and people implied by a casualty verb ("Death toll at eight").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import PERSONS, WEAPONS, Evidence, Measure, Qualifier, What
from .counted import Counted, counted_after
from .numbers import Number
from .rules import RuleSet
from .verbs import toll, verb_after, verb_before

PARTITIVE = frozenset({"of", "out"})
ANAPHORS = frozenset({"them", "which", "those", "these", "it", "whom"})
# "of the drones", "28 of its residents", "two of our pilots": the whole is named after these
DETERMINERS = frozenset({"the", "its", "their", "our", "his", "her"})
LIST_LINKS = frozenset({"including", "and", ",", "of", "which", "while", "with", "plus", "among", "–", "—", "-",
                        "(", "or", ":", ";", "another", "further", "more"})
BARE_FOLLOWERS = frozenset({
    "over", "in", "at", "on", "above", "near", "were", "was", "had", "have", "has", ",", ".", ";", "and", "or",
    "—", "–", ")", "by", "from", "across", "that", "more", "others", "dead", "injured", "wounded", "killed",
    "hurt", "alone", "each", "further", "people",
})
LABEL_SEPARATORS = frozenset({":", "—", "–", "-", "="})
PERSON_STATES = frozenset({"dead", "killed", "injured", "wounded", "hurt", "died"})
SUBSET_COPULA = frozenset({"were", "was", "are"})
CASUALTY_AUX = frozenset({"were", "was", "have", "had", "are", "died"})


@dataclass(frozen=True, slots=True)
class RawFigure:
    """A figure before it is assigned to a wave: token positions kept for place and side lookup."""

    measure: Measure
    what: What
    value: int
    qualifier: Qualifier
    evidence: Evidence
    model: str | None
    hedged: bool
    side: str | None       # "UA" when the phrase names Ukrainian weapons, "RU" for Russian ones
    first: int             # token span of the figure within its sentence
    last: int
    rule_id: str
    explicit: bool = True  # the measure was stated by a verb, not defaulted
    verb_measure: Measure | None = None  # what the governing verb says, for the list items that follow

@dataclass(frozen=True, slots=True)
class Reading:
    counted: Counted
    np_last: int
    whole: bool = False          # the M of "N of M": launched
    measure: Measure | None = None  # a measure fixed by the construction ("Around 90 of them were Shaheds")
    inherited: Measure | None = None  # the measure of the figure a bare number continues, if it has no verb

def among_them(words: Sequence[str], first: int, what: What, done: Sequence[RawFigure],
                previous: Sequence[RawFigure]) -> Measure | None:
    """"... 93 were wounded, among them 18 children", "Among them are two children": the measure of the
    people counted just before; "injuring six people, including a child": of those counted earlier in the
    same sentence."""
    window = words[max(0, first - 4):first]
    if what not in PERSONS:
        return None
    before = [f for f in done if f.first < first]  # a sentence's one-person phrases are read after its numbers
    if "among" in window:
        heads = [f for f in (*previous, *before) if f.what in PERSONS]
    elif "including" in window:
        heads = [f for f in before if f.what in PERSONS]
    else:
        return None
    return heads[-1].measure if heads else None
MISSILE_CLASSES = frozenset({What.MISSILE, What.CRUISE_MISSILE, What.BALLISTIC_MISSILE, What.HYPERSONIC_MISSILE})

def linked(words: Sequence[str], prev_last: int, first: int) -> bool:
    """True when a list word links a figure's phrase to the next number ("..., including 34 over")."""
    gap = words[prev_last + 1:first]
    return len(gap) <= 16 and any(w in LIST_LINKS for w in gap)

def _bare(words: Sequence[str], rules: RuleSet, after: int) -> bool:
    """True when nothing but a function word or a measure verb follows a number ("and 22 were injured")."""
    if after >= len(words):
        return True
    return words[after] in BARE_FOLLOWERS or rules.measure_after.match_at(words, after) is not None

# what may stand between "the number of X" and its value ("put the number of drones at \"more than 430\"")
_NUMBER_OF_FILLERS = frozenset({"at", "to", "as", "was", "is", "stood", "rose", "has", "had", "risen", "climbed",
                                '"', "“", "”", "'", "‘", "’", "more", "than", "about", "around", "nearly", "almost",
                                "over", "some", "least", "up", "roughly", "approximately"})


def _label_before(words: Sequence[str], rules: RuleSet, first: int) -> Counted | None:
    """A label before the number: "Kh-101 — 19 of 21", "Iskander-M: 1 intercepted", "Of the drones, 211",
    "put the number of drones at \"more than 430\""."""
    for j in range(first - 3, max(-1, first - 12), -1):
        if words[j] == "number" and words[j + 1] == "of":
            c = counted_after(words, rules, j + 2, limit=3)
            # (a participle may say what happened to them: "the number of drones downed at 112")
            if c is not None and c.last < first and all(w in _NUMBER_OF_FILLERS or w.endswith("ed") or w == "down"
                                                        for w in words[c.last + 1:first]):
                return c
            break
    if first >= 4 and words[first - 1] == "," and words[first - 4:first - 2] == ["of", "the"]:
        return counted_after(words, rules, first - 2, limit=1)
    if first >= 5 and words[first - 1] == "," and words[first - 5:first - 3] == ["of", "the"]:
        # "Of the attack drones, 211", "Of the downed missiles, 27" (a participle is no part of the noun)
        return counted_after(words, rules, first - 3, limit=2) or counted_after(words, rules, first - 2, limit=1)
    if first == 0 or words[first - 1] not in LABEL_SEPARATORS:
        return None
    stop = first - 1
    start = stop - 1
    while start > 0 and stop - start < 7 and words[start - 1] not in LABEL_SEPARATORS | {";", ".", ","} \
            and not words[start - 1][:1].isdigit():
        start -= 1
    best: Counted | None = None
    for i in range(max(start, 0), stop):
        c = counted_after(words, rules, i, limit=stop - i)
        if c is not None and c.last < stop:
            best = c
            break
    return best

def _weapon_verb_before(words: Sequence[str], rules: RuleSet, first: int, what: What) -> bool:
    """"shot down 103 drones and one of the missiles": a weapon verb governs the "one of", so it counts
    a weapon (unlike "one of the sites")."""
    if what not in WEAPONS:
        return False
    verb = verb_before(words, rules, first, what)
    return verb is not None and first - verb[1] <= 8


def _kind_after(words: Sequence[str], rules: RuleSet, nxt: int, label: Counted, *,
                sibling: bool = False) -> Counted | None:
    """"Of the downed missiles, 27 were Kh-101s": the copula names the kind of the labelled weapons
    counted; only a named model or a narrower missile class refines a plain label. A ``sibling`` of a list
    ("22 were Kh-101 cruise missiles, 13 were Iskander-M ballistic missiles") names its own class too."""
    if nxt >= len(words) or words[nxt] not in SUBSET_COPULA or not (
            (label.what is What.MISSILE and label.model is None) or (sibling and label.what in MISSILE_CLASSES)):
        return None
    kind = counted_after(words, rules, nxt + 1)
    if kind is None or kind.what not in MISSILE_CLASSES or (kind.what is What.MISSILE and kind.model is None):
        return None
    return kind


def _list_head(done: Sequence[RawFigure]) -> RawFigure | None:
    """The figure a bare number continues: the last one, unless it is a sub-item ("including four children")
    of a count of people, whose head then stands for the list."""
    if not done:
        return None
    last = done[-1]
    if last.what in (What.CHILDREN, What.CIVILIANS, What.MILITARY):
        people = [f for f in done if f.what is What.PEOPLE]
        if people:
            return people[-1]
    return last

def reduced_participle(words: Sequence[str], rules: RuleSet, at: int) -> bool:
    """Whether a bare measure participle starts at ``at`` ("three people killed"): it describes the phrase
    before it, while "were killed" is the verb of the clause's subject (the part of "two of ten passengers
    were killed")."""
    return at < len(words) and words[at] not in CASUALTY_AUX | SUBSET_COPULA \
        and rules.measure_after.match_at(words, at) is not None


STATE_MEASURE = {"dead": Measure.KILLED, "killed": Measure.KILLED, "injured": Measure.INJURED,
                 "wounded": Measure.INJURED, "hurt": Measure.INJURED}
WHOLES = frozenset({"total", "overall", "lot"})
POSSESSIVE = ("'s", "’s")


def _of_the_whole(words: Sequence[str], rules: RuleSet, at: int) -> Reading | None:
    """The whole named after "of the": "nine of the wounded are children" (injured children),
    "300 of the total were Shahed drones" (launched drones)."""
    if at >= len(words):
        return None
    w = words[at]
    measure = STATE_MEASURE.get(w) or (Measure.LAUNCHED if w in WHOLES else None)
    if measure is None:
        return None
    sub = _subset(words, rules, at + 1)
    if sub is None or not sub[1]:
        return None  # "nine of the wounded were hospitalised": a state of those counted, not what they are
    counted = sub[0]
    if (counted.what in PERSONS) != (measure is not Measure.LAUNCHED):
        return None
    return Reading(counted, counted.last, measure=measure)


# after "N of them": a scene that makes the part a count of its own ("killed four, three of them in the
# overnight raid"), unless it is the state of those counted ("two of them in hospital")
SCENE_PREPOSITIONS = frozenset({"in", "near", "at", "during", "on"})
STATE_AFTER_IN = frozenset({"hospital", "serious", "critical", "grave", "stable", "intensive", "a", "hospitals"})


def _own_count(words: Sequence[str], rules: RuleSet, at: int, what: What, numbers: Sequence[Number]) -> bool:
    """Whether the people "N of them" singles out are counted in their own right: a verb of their own
    ("two of them later died") or a scene of their own ("three of them in Kherson"); not a state of those
    counted before ("two of them seriously", "14 of whom remain in hospital")."""
    if verb_after(words, rules, at, what, numbers) is not None:
        return True
    return at + 1 < len(words) and words[at] in SCENE_PREPOSITIONS and words[at + 1] not in STATE_AFTER_IN


def _subset(words: Sequence[str], rules: RuleSet, at: int) -> tuple[Counted, bool] | None:
    """The phrase after "of them": "seven of them Kh-101 cruise missiles", "90 of them were Shaheds"."""
    copula = at < len(words) and words[at] in SUBSET_COPULA
    c = counted_after(words, rules, at + 1 if copula else at)
    return (c, copula) if c is not None else None

def read_counted(words: Sequence[str], rules: RuleSet, numbers: Sequence[Number], k: int, done: Sequence[RawFigure],
          previous: Sequence[RawFigure]) -> Reading | None:
    """What number ``k`` counts (the steps are in the module docstring)."""
    num = numbers[k]
    n = len(words)
    nxt = num.last + 1
    # "33 of 41 cruise missiles": the first number borrows the phrase after the second
    if nxt + 1 < n and words[nxt] in PARTITIVE and k + 1 < len(numbers) and numbers[k + 1].first in (nxt + 1, nxt + 2):
        counted = counted_after(words, rules, numbers[k + 1].last + 1)
        if counted is not None and counted.what in PERSONS and reduced_participle(words, rules, counted.last + 1):
            return None  # "one of three people killed": one of the dead singled out, not another count
        label = counted or _label_before(words, rules, num.first)
        if label is not None:
            return Reading(label, max(label.last, numbers[k + 1].last) if counted else numbers[k + 1].last)
    # "of them", "of which", "of those", "of the drones": the thing counted before, or named after
    if nxt + 1 < n and words[nxt] in PARTITIVE and (words[nxt + 1] in ANAPHORS | DETERMINERS
                                                   or words[nxt + 1].endswith(POSSESSIVE)):
        if words[nxt + 1] in DETERMINERS or words[nxt + 1].endswith(POSSESSIVE):  # "one of Ukraine's pilots"
            of_whole = _of_the_whole(words, rules, nxt + 2)
            if of_whole is not None:
                return of_whole
            counted = counted_after(words, rules, nxt + 2)
            if counted is None or (num.value == 1 and verb_after(words, rules, counted.last + 1, counted.what,
                                                                   numbers) is None
                                   and not _weapon_verb_before(words, rules, num.first, counted.what)):
                return None  # "one of the sites" names a site, it does not count one
            if counted.what is What.MISSILE and counted.model is None:
                # "three of the missiles": when the only missiles counted before were of one class
                # (8 Iskander-K cruise missiles), they are those; a plain total keeps them plain
                earlier = [f for f in (*previous, *done) if f.what in MISSILE_CLASSES]
                classes = {(f.what, f.model) for f in earlier}
                if len(classes) == 1 and earlier[0].what is not What.MISSILE \
                        and sum(f.value for f in earlier) >= num.value:  # not "14 of" a single Zircon
                    counted = replace(counted, what=earlier[0].what, model=earlier[0].model)
            return Reading(counted, counted.last)
        sub = _subset(words, rules, nxt + 2)
        ante = done[-1] if done else (previous[-1] if previous else None)
        if sub is not None:
            counted, copula = sub
            # "Two people, one of them an infant, were killed": the people's measure, unless a verb says
            people = ante is not None and ante.what in PERSONS and counted.what in PERSONS
            if copula and counted.what in PERSONS:
                if counted.what is What.PEOPLE or not people:
                    return None  # "two of them were employees": who they are, not another count
                return Reading(counted, counted.last, measure=ante.measure if ante is not None else None)
            return Reading(counted, counted.last, measure=Measure.LAUNCHED if copula else None,
                           inherited=ante.measure if people and ante is not None else None)
        if ante is not None:
            if ante.what in PERSONS and not _own_count(words, rules, nxt + 2, ante.what, numbers):
                return None  # "seven were wounded, two of them seriously": a part of those counted, not a count
            return Reading(Counted(ante.what, ante.model, nxt, nxt + 1, ante.side, "anaphor.of_them.v1"), nxt + 1)
        return None
    if done and k > 0 and numbers[k - 1].last + 2 == num.first and words[num.first - 1] in PARTITIVE \
            and done[-1].last >= numbers[k - 1].first and counted_after(words, rules, nxt) is None:
        head = done[-1]  # "Kh-101 — 19 of 21": the 21 were launched
        return Reading(Counted(head.what, head.model, nxt, num.last, head.side, head.rule_id), num.last, whole=True)
    if nxt < n and words[nxt] in PERSON_STATES:
        # "three dead", "27 injured": people, whatever label stands before
        return Reading(Counted(What.PEOPLE, None, nxt, num.last, None, "what.people.state.v1"), num.last)
    counted = counted_after(words, rules, nxt)
    if counted is not None and counted.rule_id == "what.people.v1" and words[nxt] in ("others", "more") \
            and done and done[-1].what in WEAPONS:
        head = done[-1]  # "56 drones had been shot down, while 37 others were lost"
        counted = Counted(head.what, head.model, nxt, nxt, head.side, "ellipsis.others.v1")
    if counted is not None:
        whole = (k > 0 and numbers[k - 1].last + 2 == num.first and words[num.first - 1] in PARTITIVE) or (
            num.first >= 2 and words[num.first - 2:num.first] == ["of", "the"]
            and (counted.last + 1 >= n or words[counted.last + 1] in (",", "–", "—", ":")
                 or (k > 0 and numbers[k - 1].last + 3 == num.first)))  # "two of the ten passengers"
        if num.first >= 3 and words[num.first - 3] in ("none", "neither") and words[num.first - 2] == "of":
            whole = True  # "none of the four Kinzhal missiles was shot down": four were launched
        return Reading(counted, counted.last, whole=whole)
    label = _label_before(words, rules, num.first)
    if label is not None:
        kind = _kind_after(words, rules, nxt, label)
        return Reading(kind, kind.last) if kind is not None else Reading(label, num.last)
    # "including 34 over the Krasnodar region", "and at least 22 were injured": the list head's noun
    list_head = _list_head(done)
    if list_head is None and previous and k == 0 and (previous[-1].what in WEAPONS or (
            nxt < n and words[nxt] in PERSON_STATES | {"were", "was", "more", "others"})):
        list_head = previous[-1]  # "Fourteen more were brought down", "It said 29 were downed over Rostov"
    # "debris fell at (another) eight": places, not things ("at least 15" is a qualifier)
    at_places = any(words[i] == "at" and words[i + 1] not in ("least", "most")
                    for i in range(max(0, num.first - 2), num.first))
    if list_head is not None and not at_places and (not done or linked(words, done[-1].last, num.first)) \
            and _bare(words, rules, nxt):
        head = list_head
        last = nxt if nxt < n and words[nxt] in ("more", "further", "others") else num.last
        listed = Counted(head.what, head.model, nxt, last, head.side, "ellipsis.list.v1")
        # "21 missiles, of which 14 were ballistic missiles": the copula names a narrower class of the head
        kind = _kind_after(words, rules, nxt, listed, sibling=True)
        if kind is not None:
            return Reading(kind, kind.last, inherited=head.measure if not done else None)
        return Reading(listed, last, inherited=head.measure if not done else None)
    # "Death toll at eight", "killing 3": people, when a casualty verb governs the number
    before = verb_before(words, rules, num.first, What.PEOPLE)
    if nxt < n and words[nxt] in SERVED:
        return None  # "one worker was hurt, and about 6,300 consumers lost power": counted, not hurt
    if (before is not None and num.first - before[1] <= 5) or toll(words, num.first) is not None:
        return Reading(Counted(What.PEOPLE, None, nxt, num.last, None, "what.people.implied.v1"), num.last)
    # "and another four were killed", "more than two dozen were injured": only people are killed or hurt
    if nxt < n and words[nxt] in CASUALTY_AUX and verb_after(words, rules, nxt, What.PEOPLE, numbers) is not None:
        return Reading(Counted(What.PEOPLE, None, nxt, num.last, None, "what.people.verb.v1"), num.last)
    return None


# what a grid or a utility serves, counted when supply fails: never casualties, whatever verb stands before
SERVED = frozenset({"consumers", "households", "homes", "subscribers", "customers", "apartments", "buildings",
                    "flats", "houses", "businesses"})
