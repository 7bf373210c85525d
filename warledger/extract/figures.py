"""Figures: each stated number about an attack wave, with what it counts and what happened to it.

For every number in a sentence: (1) drop numbers that are not counts (years, dates, ages,
percentages, distances, money, compound modifiers such as "20-point"); (2) find what it
counts (``counted``): the phrase after it, a label before it in bulletins ("Kh-101 — 19 of
21"), the phrase after "of them" ("seven of them Kh-101 cruise missiles"), or the head of the
list it continues ("including 34 over Krasnodar", "Fourteen more were downed"); (3) find the
measure: a verb after the phrase ("were shot down", also after a coordinated subject) wins
over a verb before the number ("launched 40 drones"); then a death-toll phrase, the list it
continues, the heading of a bulleted block; weapons default to ``launched``; (4) qualifier,
hedge and the span that states it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import PERSONS, WEAPONS, Evidence, Measure, Qualifier, What
from .counted import Counted, counted_after
from .numbers import Number, find_numbers
from .rules import RuleSet
from .text import Sentence, Token

UNIT_WORDS = frozenset({
    "%", "percent", "per", "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "kg",
    "kilograms", "tonnes", "tons", "hours", "hour", "minutes", "minute", "seconds", "days", "day", "weeks",
    "week", "months", "month", "years", "year", "degrees", "metres", "meters", "m", "mph", "km/h", "times",
    "a.m", "p.m", "am", "pm", "gmt", "et", "cet", "bn", "billion", "million", "trillion", "square", "sq",
    "hectares", "litres", "barrels", "storeys", "storey", "floors", "floor", "st", "nd", "rd", "th",
    "euros", "dollars", "pounds", "hryvnias", "rubles", "roubles", "points", "point", "p", "mm", "cm",
    "percentage", "acres", "feet", "ft", "yards", "nautical", "centimetres", "grams", "uah", "usd", "eur",
    "locations", "location", "regions", "settlements", "districts", "communities", "sites", "places",
})
BEFORE_BLOCKERS = frozenset({
    "$", "€", "£", "no", "resolution", "item", "page", "article", "section", "route", "number", "mig",
    "su", "tu", "model", "version", "round", "phase", "stage", "step", "level", "category", "aged", "age",
    "ages", "mark", "marks", "marked", "uah", "usd", "eur", "rub", "paragraph", "clause", "chapter",
})
MONTH_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
})
# Words that end a clause for the backward search of a governing verb.
CLAUSE_BREAKS = frozenset({".", ";", "but", "while", "whereas", "although", "though", "after", "before",
                           "as", "when", "since", "because", "which", "who", "where", "that", "following"})
# Words that end the forward search for the verb of a coordinated subject.
SUBJECT_BREAKS = frozenset({".", ";", ":", "of", "which", "that", "who", "while", "but", "after", "as", "when",
                            "because", "since", "said", "says", "according", "with", "including", "—", "–",
                            "(", "whereas", "than", "from", "launched", "fired"})
STRONG_BREAKS = frozenset({".", ";", ":", "which", "that", "who", "while", "but", "said", "says", "according",
                           "whereas", "after", "because"})
PARTITIVE = frozenset({"of", "out"})
ANAPHORS = frozenset({"them", "which", "those", "these", "it"})
LIST_LINKS = frozenset({"including", "and", ",", "of", "which", "while", "with", "plus", "among", "–", "—", "-",
                        "(", "or", ":", ";", "another", "further", "more"})
BARE_FOLLOWERS = frozenset({
    "over", "in", "at", "on", "above", "near", "were", "was", "had", "have", "has", ",", ".", ";", "and", "or",
    "—", "–", ")", "by", "from", "across", "that", "more", "others", "dead", "injured", "wounded", "killed",
    "hurt", "alone", "each", "further", "people",
})
LABEL_SEPARATORS = frozenset({":", "—", "–", "-", "="})
BULLETS = ("-", "•", "–", "—", "▪", "▪️", "🔺", "*", "·", "◾", "►", "✅")
TOLL_VERBS = frozenset({"risen", "rose", "climbed", "increased", "jumped", "grown", "grew", "reached", "stands",
                        "stood", "rises", "climbs", "now", "hit"})
KILLED_WORDS = frozenset({"dead", "killed", "deaths", "death", "fatalities", "toll", "died", "bodies"})
INJURED_WORDS = frozenset({"injured", "wounded", "injuries", "hurt", "injury", "hospitalised", "hospitalized"})
PERSON_STATES = frozenset({"dead", "killed", "injured", "wounded", "hurt", "died"})
PERSON_NOT_HURT = frozenset({"missing", "unaccounted", "evacuated", "rescued", "trapped", "displaced", "homeless",
                             "freed", "released", "returned", "exchanged", "sheltering", "detained"})
SUBSET_COPULA = frozenset({"were", "was", "are"})
# adverbs that sit inside a verb group without changing the measure ("were also brought down")
VERB_ADVERBS = frozenset({"also", "later", "then", "successfully", "eventually", "subsequently", "already",
                          "partially", "partly", "mostly", "physically", "reportedly", "allegedly", "apparently",
                          "likely", "probably", "reliably", "quickly", "still"})
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})


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
class _Reading:
    counted: Counted
    np_last: int
    whole: bool = False          # the M of "N of M": launched
    measure: Measure | None = None  # a measure fixed by the construction ("Around 90 of them were Shaheds")
    inherited: Measure | None = None  # the measure of the figure a bare number continues, if it has no verb


def is_bullet(sentence: Sentence) -> bool:
    return sentence.text.lstrip().startswith(BULLETS)


def _not_a_count(words: Sequence[str], texts: Sequence[str], num: Number) -> bool:
    """Years, dates, ages, units, money, decimals, ordinals and compound modifiers."""
    if num.scaled or not 0 <= num.value < 10_000_000 or num.value != int(num.value):
        return True  # no wave counts ten million of anything (and "1e400" is not a count)
    nxt = words[num.last + 1] if num.last + 1 < len(words) else ""
    prev = words[num.first - 1] if num.first > 0 else ""
    if nxt in UNIT_WORDS or nxt.startswith(("year-old", "month-old", "week-old", "day-old", "km", "percent")):
        return True
    after_next = words[num.last + 2] if num.last + 2 < len(words) else ""
    if nxt == "-" or nxt.startswith("-") or nxt == "/" or (nxt == "." and after_next[:1].isdigit()):
        return True  # "20-point plan", "6-year-old", "2/3 February", "29.06.2025"
    before_prev = words[num.first - 2] if num.first >= 2 else ""
    if prev == "of" and before_prev in AGE_NOUNS:
        return True  # "a girl of seven": an age
    if prev in BEFORE_BLOCKERS or prev == "/" or (prev == "." and (before_prev[:1].isdigit()
                                                                  or before_prev in MONTH_WORDS)):
        return True  # "29.06", "Feb. 4"
    if prev == ":" and num.first >= 2 and words[num.first - 2][:1].isdigit():
        return True  # the minutes of "08:30"
    if prev in MONTH_WORDS or nxt in MONTH_WORDS:
        return True
    plural_noun = nxt.endswith("s") and num.last + 1 < len(texts) and texts[num.last + 1].islower()
    if num.digits and 1900 <= num.value <= 2100 and "," not in texts[num.first] and not plural_noun:
        return True  # a year; "1900 drones" (a plural follows) is a count
    return nxt == ":" and num.last + 2 < len(words) and words[num.last + 2][:1].isdigit()  # 18:00


def _qualifier(words: Sequence[str], rules: RuleSet, num: Number) -> tuple[Qualifier, int]:
    """The qualifier and the token where the figure's evidence starts."""
    if num.plus:
        return Qualifier.AT_LEAST, num.first
    if num.first > 0:
        m = rules.qualifier_before.ending_at(words, num.first - 1, lookback=4)
        if m is not None:
            return Qualifier(m.value.value), m.first
    after = rules.qualifier_after.match_at(words, num.last + 1) if num.last + 1 < len(words) else None
    if after is not None:
        return Qualifier(after.value.value), num.first
    return Qualifier.EXACT, num.first


def _verb_after(words: Sequence[str], rules: RuleSet, start: int, what: What,
                numbers: Sequence[Number]) -> tuple[Measure, int] | None:
    """A measure verb after the counted phrase: "were shot down", "alone were damaged", and after a
    coordinated subject: "183 drones and nine missiles were shot down"."""
    n = len(words)
    starts = {x.first for x in numbers}
    i = start
    limit = start + 4
    while i < min(limit, n):
        m = rules.measure_after.match_at(words, i)
        if m is not None:
            measure = compatible(Measure(m.value.value), what)
            return (measure, m.last) if measure is not None else None
        w = words[i]
        extended = limit > start + 4
        if w in (",", "and") and i + 1 < n and (i + 1 in starts or words[i + 1] in ("a", "an", "at", "some", "the",
                                                                                    "both", "all")):
            limit = min(i + 12, n)  # a coordinated subject: keep looking past the next item
        elif extended and w not in STRONG_BREAKS:
            pass
        elif w in SUBJECT_BREAKS or (w in (",", "and") and not extended) or w in ("out",):
            return None
        i += 1
    return None


def _verb_before(words: Sequence[str], rules: RuleSet, first: int, what: What) -> tuple[Measure, int] | None:
    """The nearest governing verb before the number whose measure fits what is counted."""
    for last in range(first - 1, max(-1, first - 16), -1):
        w = words[last]
        if w in CLAUSE_BREAKS and last < first - 1:
            return None
        m = rules.measure_before.ending_at(words, last, lookback=5)
        if m is not None:
            measure = compatible(Measure(m.value.value), what)
            if measure is not None:
                return measure, m.first
    return None


def _among_them(words: Sequence[str], first: int, what: What, done: Sequence[RawFigure],
                previous: Sequence[RawFigure]) -> Measure | None:
    """"... 93 were wounded, among them 18 children", "Among them are two children": the measure of the
    people counted just before."""
    window = words[max(0, first - 4):first]
    if what not in PERSONS or "among" not in window:
        return None
    heads = [f for f in (*previous, *done) if f.what in PERSONS]
    return heads[-1].measure if heads else None


def _toll(words: Sequence[str], first: int) -> Measure | None:
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


def _hedged(words: Sequence[str], rules: RuleSet) -> bool:
    return bool(rules.hedges.find_all(words))


def _measure(words: Sequence[str], rules: RuleSet, reading: _Reading, num: Number, numbers: Sequence[Number],
             done: Sequence[RawFigure], heading: Measure | None,
             previous: Sequence[RawFigure] = ()) -> tuple[Measure, str, int, int, bool] | None:
    """The measure, how it was found, and the evidence extension it brings (first, last)."""
    what = reading.counted.what
    rid = reading.counted.rule_id
    if reading.measure is not None:
        return reading.measure, rid + "/subset", num.first, reading.np_last, True
    if reading.whole:
        return Measure.LAUNCHED, rid + "/whole", num.first, reading.np_last, True
    after = _verb_after(words, rules, reading.np_last + 1, what, numbers)
    if after is not None:
        return after[0], rid + "/after", num.first, after[1], True
    before = _verb_before(words, rules, num.first, what)
    if before is not None:
        between = any(x.first > before[1] and x.last < num.first for x in numbers)
        first = before[1] if num.first - before[1] <= 4 and not between else num.first
        return before[0], rid + "/before", first, reading.np_last, True
    if what in PERSONS:
        toll = _toll(words, num.first)
        if toll is not None:
            return toll, rid + "/toll", num.first, reading.np_last, True
    if reading.inherited is not None:
        return reading.inherited, rid + "/inherited", num.first, reading.np_last, True
    among = _among_them(words, num.first, what, done, previous)
    if among is not None:
        return among, rid + "/among", num.first, reading.np_last, True
    head_measure = done[-1].verb_measure or done[-1].measure if done else None
    if done and head_measure is not None and _linked(words, done[-1].last, num.first) \
            and compatible(head_measure, what) is not None:
        return head_measure, rid + "/list", num.first, reading.np_last, done[-1].explicit
    if heading is not None and compatible(heading, what) is not None:
        return heading, rid + "/heading", num.first, reading.np_last, True
    if what in WEAPONS:
        return Measure.LAUNCHED, rid + "/default", num.first, reading.np_last, False
    return None


def figures_in(sentence: Sentence, text: str, rules: RuleSet, previous: Sequence[RawFigure],
               heading: Measure | None = None) -> list[RawFigure]:
    """Every figure stated in one sentence of ``text``.

    ``previous``: the figures of the sentence before (for "Fourteen more were downed");
    ``heading``: the measure of the block's heading, for bulleted lines ("Shot down: - 412 UAVs;").
    """
    toks = sentence.tokens
    if not (QUOTE_MARKS.isdisjoint(sentence.words) and VERB_ADVERBS.isdisjoint(sentence.words)):
        # '37 were "locationally lost"', '80 of the drones were also brought down'
        toks = tuple(t for t in toks if t.text not in QUOTE_MARKS and t.low not in VERB_ADVERBS)
    words = [t.low for t in toks]
    texts = [t.text for t in toks]
    numbers = find_numbers(toks)
    out: list[RawFigure] = []
    hedged = _hedged(sentence.words, rules)
    context = previous
    for k, num in enumerate(numbers):
        if _not_a_count(words, texts, num):
            continue
        reading = _what(words, rules, numbers, k, out, previous)
        if reading is None:
            continue
        found = _measure(words, rules, reading, num, numbers, out, heading, context)
        if found is None:
            continue
        if reading.counted.what in PERSONS and not PERSON_NOT_HURT.isdisjoint(
                words[reading.np_last + 1:reading.np_last + 7]):
            continue  # "22 residents were still listed as missing"
        measure, rule, ev_first, ev_last, explicit = found
        what = reading.counted.what
        verb_measure = measure
        if num.first >= 2 and words[num.first - 1] == "but" and words[num.first - 2] == "all" and what in WEAPONS:
            # "downed all but 26 drones": the 26 got through; the list that follows keeps "downed"
            measure, rule = Measure.HIT, rule + "/all_but"
        qualifier, q_first = _qualifier(words, rules, num)
        ev_first = min(ev_first, q_first, reading.counted.first)  # a bulletin label before the number
        ev_last = max(ev_last, num.last, reading.np_last)
        evidence = Evidence.of(text, toks[ev_first].start, toks[ev_last].end)
        out.append(RawFigure(measure, what, int(num.value), qualifier, evidence, reading.counted.model, hedged,
                             reading.counted.side, ev_first, ev_last, rule, explicit, verb_measure))
    out.extend(_one_person(toks, words, text, rules, numbers, hedged, out, previous))
    return out


MISSILE_CLASSES = frozenset({What.MISSILE, What.CRUISE_MISSILE, What.BALLISTIC_MISSILE, What.HYPERSONIC_MISSILE})
AGE_NOUNS = frozenset({"boy", "girl", "man", "woman", "child", "baby", "infant", "toddler", "teenager", "son",
                       "daughter", "pensioner", "resident"})
AGE_WORDS = frozenset({"year-old", "month-old", "week-old", "day-old"})


def _one_person(toks: Sequence[Token], words: Sequence[str], text: str, rules: RuleSet,
                numbers: Sequence[Number], hedged: bool, done: Sequence[RawFigure],
                previous: Sequence[RawFigure]) -> list[RawFigure]:
    """"killing a 63-year-old man", "a woman was injured": one person, when a casualty verb governs
    the phrase directly (an article is not a number otherwise)."""
    out: list[RawFigure] = []
    taken = {i for x in numbers for i in range(x.first, x.last + 1)}
    for i, w in enumerate(words):
        if w not in ("a", "an") or i + 1 >= len(words):
            continue
        j = i + 1
        if j + 2 < len(words) and words[j][:1].isdigit() and words[j + 1] == "-" and words[j + 2] in AGE_WORDS:
            j += 3  # "a 63-year-old man"
        counted = counted_after(words, rules, j, limit=3)
        if counted is None or j in taken:
            continue
        if counted.what in WEAPONS:
            head = next((f for f in reversed(done) if i - 3 <= f.last < i), None) \
                if i > 0 and words[i - 1] in ("and", ",") else None
            if head is not None and head.what in WEAPONS:  # "launched 49 drones and a ballistic missile"
                evidence = Evidence.of(text, toks[i].start, toks[counted.last].end)
                out.append(RawFigure(head.measure, counted.what, 1, Qualifier.EXACT, evidence, counted.model, hedged,
                                     counted.side, i, counted.last, counted.rule_id + "/one", head.explicit))
            continue
        if counted.what not in PERSONS:
            continue
        value = 1
        while counted.last + 2 < len(words) and words[counted.last + 1] == "and":
            k = counted.last + 2  # "a 6-year-old girl and an 18-month-old toddler": two
            k += 1 if words[k] in ("a", "an") else 0
            if k + 2 < len(words) and words[k][:1].isdigit() and words[k + 1] == "-" and words[k + 2] in AGE_WORDS:
                k += 3
            more = counted_after(words, rules, k, limit=2)
            if more is None or more.what is not counted.what:
                break
            counted, value = replace(counted, last=more.last), value + 1
        before = rules.measure_before.ending_at(words, i - 1, lookback=3) if i > 0 else None
        after = _verb_after(words, rules, counted.last + 1, counted.what, numbers)
        measure = after[0] if after else (compatible(Measure(before.value.value), counted.what) if before else None)
        if measure is None and before is None and after is None:
            measure = _among_them(words, i, counted.what, done, previous)  # "among them a 10-year-old girl"
        if measure is None:
            continue
        first = before.first if before and not after else i
        last = after[1] if after else counted.last
        evidence = Evidence.of(text, toks[first].start, toks[last].end)
        out.append(RawFigure(measure, counted.what, value, Qualifier.EXACT, evidence, None, hedged, None, first, last,
                             counted.rule_id + "/one", True))
    return out


def _linked(words: Sequence[str], prev_last: int, first: int) -> bool:
    """True when a list word links a figure's phrase to the next number ("..., including 34 over")."""
    gap = words[prev_last + 1:first]
    return len(gap) <= 12 and any(w in LIST_LINKS for w in gap)


def _bare(words: Sequence[str], rules: RuleSet, after: int) -> bool:
    """True when nothing but a function word or a measure verb follows a number ("and 22 were injured")."""
    if after >= len(words):
        return True
    return words[after] in BARE_FOLLOWERS or rules.measure_after.match_at(words, after) is not None


def _label_before(words: Sequence[str], rules: RuleSet, first: int) -> Counted | None:
    """A label before the number: "Kh-101 — 19 of 21", "Iskander-M: 1 intercepted", "Of the drones, 211"."""
    if first >= 4 and words[first - 1] == "," and words[first - 4:first - 2] == ["of", "the"]:
        return counted_after(words, rules, first - 2, limit=1)
    if first >= 5 and words[first - 1] == "," and words[first - 5:first - 3] == ["of", "the"]:
        return counted_after(words, rules, first - 3, limit=2)
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


def _subset(words: Sequence[str], rules: RuleSet, at: int) -> tuple[Counted, bool] | None:
    """The phrase after "of them": "seven of them Kh-101 cruise missiles", "90 of them were Shaheds"."""
    copula = at < len(words) and words[at] in SUBSET_COPULA
    c = counted_after(words, rules, at + 1 if copula else at)
    return (c, copula) if c is not None else None


def _what(words: Sequence[str], rules: RuleSet, numbers: Sequence[Number], k: int, done: Sequence[RawFigure],
          previous: Sequence[RawFigure]) -> _Reading | None:
    """What number ``k`` counts (the steps are in the module docstring)."""
    num = numbers[k]
    n = len(words)
    nxt = num.last + 1
    # "33 of 41 cruise missiles": the first number borrows the phrase after the second
    if nxt + 1 < n and words[nxt] in PARTITIVE and k + 1 < len(numbers) and numbers[k + 1].first in (nxt + 1, nxt + 2):
        counted = counted_after(words, rules, numbers[k + 1].last + 1)
        label = counted or _label_before(words, rules, num.first)
        if label is not None:
            return _Reading(label, max(label.last, numbers[k + 1].last) if counted else numbers[k + 1].last)
    # "of them", "of which", "of those", "of the drones": the thing counted before, or named after
    if nxt + 1 < n and words[nxt] in PARTITIVE and words[nxt + 1] in ANAPHORS | {"the", "these", "those"}:
        if words[nxt + 1] == "the":
            counted = counted_after(words, rules, nxt + 2)
            if counted is None or (num.value == 1 and _verb_after(words, rules, counted.last + 1, counted.what,
                                                                   numbers) is None):
                return None  # "one of the sites" names a site, it does not count one
            if counted.what is What.MISSILE and counted.model is None:
                # "three of the missiles": when the only missiles counted before were of one class
                # (8 Iskander-K cruise missiles), they are those; a plain total keeps them plain
                earlier = [f for f in (*previous, *done) if f.what in MISSILE_CLASSES]
                classes = {(f.what, f.model) for f in earlier}
                if len(classes) == 1 and earlier[0].what is not What.MISSILE:
                    counted = replace(counted, what=earlier[0].what, model=earlier[0].model)
            return _Reading(counted, counted.last)
        sub = _subset(words, rules, nxt + 2)
        if sub is not None:
            counted, copula = sub
            return _Reading(counted, counted.last, measure=Measure.LAUNCHED if copula else None)
        ante = done[-1] if done else (previous[-1] if previous else None)
        if ante is not None:
            return _Reading(Counted(ante.what, ante.model, nxt, nxt + 1, ante.side, "anaphor.of_them.v1"), nxt + 1)
        return None
    if done and k > 0 and numbers[k - 1].last + 2 == num.first and words[num.first - 1] in PARTITIVE \
            and done[-1].last >= numbers[k - 1].first and counted_after(words, rules, nxt) is None:
        head = done[-1]  # "Kh-101 — 19 of 21": the 21 were launched
        return _Reading(Counted(head.what, head.model, nxt, num.last, head.side, head.rule_id), num.last, whole=True)
    if nxt < n and words[nxt] in PERSON_STATES:
        # "three dead", "27 injured": people, whatever label stands before
        return _Reading(Counted(What.PEOPLE, None, nxt, num.last, None, "what.people.state.v1"), num.last)
    counted = counted_after(words, rules, nxt)
    if counted is not None and counted.rule_id == "what.people.v1" and words[nxt] in ("others", "more") \
            and done and done[-1].what in WEAPONS:
        head = done[-1]  # "56 drones had been shot down, while 37 others were lost"
        counted = Counted(head.what, head.model, nxt, nxt, head.side, "ellipsis.others.v1")
    if counted is not None:
        whole = (k > 0 and numbers[k - 1].last + 2 == num.first and words[num.first - 1] in PARTITIVE) or (
            num.first >= 2 and words[num.first - 2:num.first] == ["of", "the"]
            and (counted.last + 1 >= n or words[counted.last + 1] in (",", "–", "—", ":")))
        if num.first >= 3 and words[num.first - 3] in ("none", "neither") and words[num.first - 2] == "of":
            whole = True  # "none of the four Kinzhal missiles was shot down": four were launched
        return _Reading(counted, counted.last, whole=whole)
    label = _label_before(words, rules, num.first)
    if label is not None:
        return _Reading(label, num.last)
    # "including 34 over the Krasnodar region", "and at least 22 were injured": the list head's noun
    list_head = _list_head(done)
    if list_head is None and previous and k == 0 and (previous[-1].what in WEAPONS or (
            nxt < n and words[nxt] in PERSON_STATES | {"were", "was", "more", "others"})):
        list_head = previous[-1]  # "Fourteen more were brought down", "It said 29 were downed over Rostov"
    # "debris fell at (another) eight": places, not things ("at least 15" is a qualifier)
    at_places = any(words[i] == "at" and words[i + 1] not in ("least", "most")
                    for i in range(max(0, num.first - 2), num.first))
    if list_head is not None and not at_places and (not done or _linked(words, done[-1].last, num.first)) \
            and _bare(words, rules, nxt):
        head = list_head
        last = nxt if nxt < n and words[nxt] in ("more", "further", "others") else num.last
        return _Reading(Counted(head.what, head.model, nxt, last, head.side, "ellipsis.list.v1"), last,
                        inherited=head.measure if not done else None)
    # "Death toll at eight", "killing 3": people, when a casualty verb governs the number
    before = _verb_before(words, rules, num.first, What.PEOPLE)
    if (before is not None and num.first - before[1] <= 5) or _toll(words, num.first) is not None:
        return _Reading(Counted(What.PEOPLE, None, nxt, num.last, None, "what.people.implied.v1"), num.last)
    return None
