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

import re
from collections.abc import Sequence
from dataclasses import replace
from operator import itemgetter

from ..records import PERSONS, WEAPONS, Evidence, Measure, Qualifier, What
from .counted import counted_after
from .numbers import ORDINAL_VALUES, TENS, UNITS, Number, find_numbers
from .readings import MISSILE_CLASSES, RawFigure, Reading, among_them, linked, read_counted, reduced_participle
from .rules import RuleSet
from .text import Sentence, Token
from .verbs import compatible, toll, verb_after, verb_after_apposition, verb_before

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
BULLETS = ("-", "•", "–", "—", "▪", "▪️", "🔺", "*", "·", "◾", "►", "✅")
PERSON_NOT_HURT = frozenset({"missing", "unaccounted", "evacuated", "rescued", "trapped", "displaced", "homeless",
                             "freed", "released", "returned", "exchanged", "sheltering", "detained"})
# right after the phrase: "nine of them remain in hospital" tells the state of people counted before
PERSON_STATE_VERBS = frozenset({"remain", "remains", "remained"})
# adverbs that sit inside a verb group without changing the measure ("were also brought down")
VERB_ADVERBS = frozenset({"also", "later", "then", "successfully", "eventually", "subsequently", "already",
                          "partially", "partly", "mostly", "physically", "reportedly", "allegedly", "apparently",
                          "likely", "probably", "reliably", "quickly", "still"})
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})


# words that make a clause a forecast or a capability, not a report ("could send 1,000 drones a night")
FORECAST = frozenset({"expect", "expects", "expected", "will", "would", "could", "can", "might", "plans",
                      "planning", "capable", "able", "intends", "forecast", "predict", "predicts", "warned"})
CLAUSE_ENDS = frozenset({".", ";", ":"})


# homes, households, customers left without power, heat, water or gas: a count of an outage (a
# statistic), not of buildings a wave damaged ("knocking out power to 40,000 homes")
OUTAGE_NOUNS = frozenset({"homes", "households", "customers", "consumers", "subscribers", "families", "flats",
                          "apartments", "houses", "buildings", "residents", "people", "users"})
OUTAGE_UTILITIES = frozenset({"power", "electricity", "heat", "heating", "water", "gas", "light", "lights",
                              "supply", "supplies", "service", "services"})
# the words an outage count's own verb opens with ("40,000 homes were left without power")
OUTAGE_AUX = frozenset({"were", "was", "are", "is", "remained", "remain", "remains", "left", "still", "have", "has",
                        "had", "been", "being", "temporarily", "briefly", "also", "then"})
OUTAGE_AFTER = frozenset({"de-energised", "de-energized", "disconnected", "cut"})
# words after the count that say an outage only with a utility after them ("lost power", not "lost their lives")
OUTAGE_NEEDS_UTILITY = frozenset({"of", "without", "lost", "lose", "losing"})


def _outage_count(words: Sequence[str], first: int, np_last: int) -> bool:
    """Whether the counted homes or customers are those left without power, heat, water or gas:
    "cutting power to some 3,000 households", "deprived 2,000 homes of heating", "1,500 customers were left
    without electricity" (a statistic, never a wave's damaged figure)."""
    if words[np_last] not in OUTAGE_NOUNS:
        return False
    before = words[max(0, first - 4):first]
    if any(w in OUTAGE_UTILITIES and before[i + 1:i + 2] in (["to"], ["for"], ["supplies"], ["supply"])
           for i, w in enumerate(before)):
        return True  # "knocking out power to about 40,000 homes", "cut heating for 900 flats"
    j = np_last + 1
    while j < len(words) and words[j] in OUTAGE_AUX:
        j += 1
    if j >= len(words):
        return False
    nxt = words[j]
    if nxt == "cut":
        return j + 1 < len(words) and words[j + 1] == "off"
    if nxt in OUTAGE_NEEDS_UTILITY:  # "deprived 2,000 homes of heating", "lost power"; not "without warning",
        return not OUTAGE_UTILITIES.isdisjoint(words[j + 1:j + 4])  # "lost their lives"
    return nxt in OUTAGE_AFTER


def what_forecast(words: Sequence[str], first: int) -> bool:
    """Whether the clause before token ``first`` forecasts rather than reports."""
    for w in reversed(words[max(0, first - 12):first]):
        if w in CLAUSE_ENDS:
            return False
        if w in FORECAST:
            return True
    return False


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
    if prev == "," and nxt == "," and num.digits and num.value < 120 and _age_apposition(words, texts, num):
        return True  # "Mykola Savchuk, 52, spent the night in a shelter": an age
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


# words that end a place's name, not a person's ("Sumy Oblast, 12, Kharkiv Oblast, 8")
PLACE_NAME_ENDS = frozenset({"oblast", "region", "province", "district", "raion", "city", "krai", "republic",
                             "county", "community", "hromada", "regions", "oblasts", "districts"})
# people an age in commas may follow ("his wife, 34, ...")
AGE_KIN = frozenset({"wife", "husband", "mother", "father", "daughter", "son", "brother", "sister", "grandmother",
                     "grandfather", "neighbour", "neighbor", "friend", "pensioner", "resident", "widow", "volunteer"})


def _age_apposition(words: Sequence[str], texts: Sequence[str], num: Number) -> bool:
    """Whether a number between commas (the caller checked them) is the age of the person named right
    before it: a first name and surname ("Iryna Bondar, 41, ...") or a kin noun ("her husband, 63,"), and a
    lowercase word goes on after it (not "Sumy Oblast, 12, Kharkiv Oblast, 8", a list)."""
    if num.first < 3 or num.last + 2 >= len(words):
        return False
    after = texts[num.last + 2]
    if not after[:1].islower():
        return False
    name = texts[num.first - 2]
    if words[num.first - 2] in AGE_KIN or words[num.first - 2] in AGE_NOUNS:
        return True
    return (name[:1].isupper() and name[1:].islower() and texts[num.first - 3][:1].isupper()
            and texts[num.first - 3][1:].isalpha() and words[num.first - 2] not in PLACE_NAME_ENDS)


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


def _hedged(words: Sequence[str], rules: RuleSet) -> bool:
    return bool(rules.hedges.find_all(words))


def _measure(words: Sequence[str], rules: RuleSet, reading: Reading, num: Number, numbers: Sequence[Number],
             done: Sequence[RawFigure], heading: Measure | None,
             previous: Sequence[RawFigure] = ()) -> tuple[Measure, str, int, int, bool] | None:
    """The measure, how it was found, and the evidence extension it brings (first, last)."""
    what = reading.counted.what
    rid = reading.counted.rule_id
    if reading.measure is not None:
        return reading.measure, rid + "/subset", num.first, reading.np_last, True
    if reading.whole and what not in PERSONS:
        return Measure.LAUNCHED, rid + "/whole", num.first, reading.np_last, True
    if reading.whole and not reduced_participle(words, rules, reading.np_last + 1):
        return None  # "two of ten passengers were killed": the verb is the part's; the ten are who they were
    listed = _coordinated(words, num.first, done, what)
    if listed is not None:
        return listed, rid + "/along", num.first, reading.np_last, done[-1].explicit
    before = verb_before(words, rules, num.first, what)
    after = verb_after(words, rules, reading.np_last + 1, what, numbers, subject=not _governs(words, before, num))
    if (after is not None and reading.whole is False and after[0] is Measure.LAUNCHED and after[1] > 0
            and words[after[1] - 1] not in AUX_BEFORE_PARTICIPLE and num.first + 2 < len(words)
            and tuple(words[num.last + 1:num.last + 3]) == ("of", "the")):
        # "96 of the 118 drones launched overnight were shot down": "launched" describes the whole; the
        # part's verb comes after it
        main = verb_after(words, rules, after[1] + 1, what, numbers)
        if main is not None and main[0] is not Measure.LAUNCHED:
            after = main
    if after is None and before is None:
        after = verb_after_apposition(words, rules, reading.np_last + 1, what, numbers)
    if after is not None and not _reduced_relative(words, after, before):
        return after[0], rid + "/after", num.first, after[1], True
    if before is not None:
        between = any(x.first > before[1] and x.last < num.first for x in numbers)
        first = before[1] if num.first - before[1] <= 4 and not between else num.first
        return before[0], rid + "/before", first, reading.np_last, True
    if what in PERSONS:
        by_toll = toll(words, num.first)
        if by_toll is not None:
            return by_toll, rid + "/toll", num.first, reading.np_last, True
    if reading.inherited is not None:
        return reading.inherited, rid + "/inherited", num.first, reading.np_last, True
    among = among_them(words, num.first, what, done, previous)
    if among is not None:
        return among, rid + "/among", num.first, reading.np_last, True
    head_measure = done[-1].verb_measure or done[-1].measure if done else None
    if done and head_measure is not None and linked(words, done[-1].last, num.first) \
            and compatible(head_measure, what) is not None:
        return head_measure, rid + "/list", num.first, reading.np_last, done[-1].explicit
    if heading is not None and compatible(heading, what) is not None:
        return heading, rid + "/heading", num.first, reading.np_last, True
    if what in WEAPONS:
        return Measure.LAUNCHED, rid + "/default", num.first, reading.np_last, False
    if what not in PERSONS and "among" in words[:num.first] and _among_damaged(words, num.first):
        return Measure.DAMAGED, rid + "/among_damaged", num.first, reading.np_last, True
    return None


def _governs(words: Sequence[str], before: tuple[Measure, int] | None, num: Number) -> bool:
    """Whether the verb before sits right on the number as its object ("downed 350 drones", "launched
    more than 40"): then the phrase is no subject, and a verb after a later coordinated item is not its."""
    if before is None or num.first - before[1] > 4:
        return False
    return "," not in words[before[1]:num.first]


# "shot down four bombs, along with 167 drones": an object joined to the one before, under its verb
ALONG = frozenset({("along", "with"), ("together", "with"), ("as", "well", "as")})
AUX_BEFORE_PARTICIPLE = frozenset({"were", "was", "are", "is", "had", "have", "has", "been", "be"})


def _coordinated(words: Sequence[str], first: int, done: Sequence[RawFigure], what: What) -> Measure | None:
    """The measure of the figure before, when "along with" / "as well as" joins this number to it (the
    verb that governs the first object governs both; a "with" alone would read as "attacked with")."""
    if not done or first < 2 or done[-1].last >= first:
        return None
    joined = (words[first - 2], words[first - 1]) in ALONG or (
        first >= 3 and (words[first - 3], words[first - 2], words[first - 1]) in ALONG)
    if not joined or first - done[-1].last > 12:
        return None
    head = done[-1].verb_measure or done[-1].measure
    return compatible(head, what)


def _reduced_relative(words: Sequence[str], after: tuple[Measure, int],
                      before: tuple[Measure, int] | None) -> bool:
    """Whether the launch verb after the phrase only describes the weapons a verb before governs: "shot
    down two rockets fired from HIMARS" (a bare participle, no "were"): the weapons were shot down."""
    if after[0] is not Measure.LAUNCHED or before is None or before[0] is Measure.LAUNCHED:
        return False
    return after[1] > 0 and words[after[1] - 1] not in AUX_BEFORE_PARTICIPLE


def _one_of_same(reading: Reading, num: Number, measure: Measure, done: Sequence[RawFigure],
                 previous: Sequence[RawFigure]) -> bool:
    """"Five drones struck the district. One of them hit a school": one weapon or person singled out of a
    count told just before, with the same measure, is the story of that one, not another count."""
    if num.value != 1 or reading.counted.rule_id != "anaphor.of_them.v1":
        return False
    ante = done[-1] if done else (previous[-1] if previous else None)
    return ante is not None and ante.measure is measure and ante.what is reading.counted.what


def _among_damaged(words: Sequence[str], first: int) -> bool:
    """"Among the damaged sites are ... a dozen apartment blocks": objects listed under a damaged whole."""
    for i in range(first - 3, max(-1, first - 30), -1):
        if words[i] in (".", ";"):
            return False
        if words[i] == "among" and words[i + 1] == "the" and words[i + 2] in ("damaged", "destroyed"):
            return True
    return False


_DIGIT = re.compile(r"\d")
_TEXT, _LOW = itemgetter(2), itemgetter(3)  # Token.text, Token.low, read in C
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"dozen", "single", "hundred", "thousand"}
ONE_PERSON_CUES = frozenset({"killed", "killing", "kills", "injured", "injuring", "wounded", "wounding", "hurt",
                             "died", "dead", "among", "hospital", "hospitalised", "hospitalized", "wounds"})


def _may_count(sentence: Sentence) -> bool:
    """Whether a sentence can state a figure: a digit, a number word, or an article under a casualty verb."""
    words = sentence.words
    if _DIGIT.search(sentence.text) or not NUMBER_WORDS.isdisjoint(words):
        return True
    # "twenty-two": a word with a hyphen, which the sentence holds only where its text does (one C scan
    # rules out most sentences before a Python-level loop over their words)
    if "-" in sentence.text and any("-" in w and w.split("-", 1)[0] in TENS for w in words):
        return True
    return ("a" in words or "an" in words) and not ONE_PERSON_CUES.isdisjoint(words)


def figures_in(sentence: Sentence, text: str, rules: RuleSet, previous: Sequence[RawFigure],
               heading: Measure | None = None) -> list[RawFigure]:
    """Every figure stated in one sentence of ``text``.

    ``previous``: the figures of the sentence before (for "Fourteen more were downed");
    ``heading``: the measure of the block's heading, for bulleted lines ("Shot down: - 412 UAVs;").
    """
    if not _may_count(sentence):
        return []  # no number and no "a man was killed": the common case, before any token is built
    toks = sentence.tokens
    if not (QUOTE_MARKS.isdisjoint(sentence.words) and VERB_ADVERBS.isdisjoint(sentence.words)):
        # '37 were "locationally lost"', '80 of the drones were also brought down'
        toks = tuple(t for t in toks if t.text not in QUOTE_MARKS and t.low not in VERB_ADVERBS)
    words = list(map(_LOW, toks))
    texts = list(map(_TEXT, toks))
    numbers = find_numbers(toks)
    out: list[RawFigure] = []
    hedged = _hedged(sentence.words, rules)
    context = previous
    outage = not OUTAGE_UTILITIES.isdisjoint(sentence.words) or not OUTAGE_AFTER.isdisjoint(sentence.words)
    # (every outage reading but "cut off" and "disconnected" needs a utility word in the sentence)
    for k, num in enumerate(numbers):
        if _not_a_count(words, texts, num):
            continue
        reading = read_counted(words, rules, numbers, k, out, previous)
        if reading is None:
            continue
        found = _measure(words, rules, reading, num, numbers, out, heading, context)
        if found is None:
            continue
        if reading.counted.what in PERSONS and not PERSON_NOT_HURT.isdisjoint(
                words[reading.np_last + 1:reading.np_last + 7]):
            continue  # "22 residents were still listed as missing"
        if reading.np_last + 1 < len(words) and words[reading.np_last + 1] in PERSON_STATE_VERBS:
            continue
        if outage and _outage_count(words, num.first, reading.np_last):
            continue  # "knocking out power to about 40,000 homes": an outage's count, a statistic
        measure, rule, ev_first, ev_last, explicit = found
        if _one_of_same(reading, num, measure, out, previous):
            continue
        if not explicit and what_forecast(words, num.first):
            continue  # "commanders expect raids of a thousand drones": no verb says they were launched
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


AGE_NOUNS = frozenset({"boy", "girl", "man", "woman", "child", "baby", "infant", "toddler", "teenager", "son",
                       "daughter", "pensioner", "resident"})
AGE_WORDS = frozenset({"year-old", "month-old", "week-old", "day-old"})
RELATIVE_PRONOUNS = frozenset({"who", "that"})


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
        # "a second person has died", "a third victim": the ordinal is the count so far
        rank = ORDINAL_VALUES.get(words[j], 1) if counted.what in PERSONS else 1
        if counted.what in WEAPONS:
            head = next((f for f in reversed(done) if i - 3 <= f.last < i), None) \
                if i > 0 and words[i - 1] in ("and", ",") else None
            if head is not None and words[i - 1] == "," and head.last == i - 2 \
                    and counted.what in (What.MISSILE, What.AERIAL_WEAPON) and head.what in MISSILE_CLASSES:
                continue  # "a single Zircon, a ship-launched missile": the same weapon, named again
            if head is not None and head.what in WEAPONS:  # "launched 49 drones and a ballistic missile"
                evidence = Evidence.of(text, toks[i].start, toks[counted.last].end)
                out.append(RawFigure(head.measure, counted.what, 1, Qualifier.EXACT, evidence, counted.model, hedged,
                                     counted.side, i, counted.last, counted.rule_id + "/one", head.explicit))
            continue
        if counted.what not in PERSONS:
            continue
        value = rank  # "a third person has died": the toll has reached three, not one more death counted alone
        while rank == 1 and counted.last + 2 < len(words) and words[counted.last + 1] == "and":
            k = counted.last + 2  # "a 6-year-old girl and an 18-month-old toddler": two
            k += 1 if words[k] in ("a", "an") else 0
            if k + 2 < len(words) and words[k][:1].isdigit() and words[k + 1] == "-" and words[k + 2] in AGE_WORDS:
                k += 3
            more = counted_after(words, rules, k, limit=2)
            if more is None or more.what is not counted.what:
                break
            counted, value = replace(counted, last=more.last), value + 1
        before = rules.measure_before.ending_at(words, i - 1, lookback=3) if i > 0 else None
        at = _past_name(toks, words, counted.last + 1)
        after = verb_after(words, rules, at, counted.what, numbers)
        if after is None and at + 1 < len(words) and words[at] in RELATIVE_PRONOUNS:
            after = verb_after(words, rules, at + 1, counted.what, numbers)  # "a driver who died": killed
        measure = after[0] if after else (compatible(Measure(before.value.value), counted.what) if before else None)
        if measure is None and before is None and after is None:
            measure = among_them(words, i, counted.what, done, previous)  # "among them a 10-year-old girl"
        if measure is None:
            continue
        first = before.first if before and not after else i
        last = after[1] if after else counted.last
        evidence = Evidence.of(text, toks[first].start, toks[last].end)
        out.append(RawFigure(measure, counted.what, value, Qualifier.EXACT, evidence, None, hedged, None, first, last,
                             counted.rule_id + "/one", True))
    return out



def _past_name(toks: Sequence[Token], words: Sequence[str], at: int) -> int:
    """The token after an apposition that names the person: "a pilot of the Air Force, Lieutenant Colonel
    Ivan Petrenko, was killed" skips to "was"; anything else stays at ``at``."""
    i, n = at, len(words)
    if i + 1 < n and words[i] == "of" and words[i + 1] == "the":
        j = i + 2
        while j < n and toks[j].text[:1].isupper():
            j += 1
        i = j if j > i + 2 else i
    if i >= n or words[i] != ",":
        return at
    j = i + 1
    while j < n and j - i <= 6 and toks[j].text[:1].isupper():
        j += 1
    return j + 1 if j > i + 1 and j < n and words[j] == "," else at
