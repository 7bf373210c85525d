"""Statistics: every figure about the war that is not one attack wave (extraction-v1 "Statistic").

A sentence is read only where a number in it may be a statistic (``statistic_spots`` decides on
its characters, before tokenizing). There each number is read (``quantities``): (1) numbers inside
an attack figure's evidence are figures, and names, dates, times, ages and ordinals are no
quantities; (2) a unit after it, a currency or "Mach" before it, a span of time, or the noun it
counts gives the unit; a number with none takes the unit of a range partner ("40 to 80 kg"), of
the phrase before it ("a pre-war population of 52,000", "limit the army to 500,000"), of "the
number of X" it completes, of the total it continues ("the running total now tops 31,000"), of the
span or measure just before it where it closes its clause ("lasting 30 years or more; the draft offers
15"), or of the count of the sentence before where people "live" or "remain" ("About 60,000 live there now");
(3) weapons count as statistics only over a period or as output ("in the past week", "a month",
"produces"), people and places only over a period or in a state ("since 2022", "have fled"; the
killed and injured need a period), buildings and homes only when left without power, spans of
time only where they measure something ("the meeting ran for five hours", not "two days later");
(4) qualifier, source, a snake_case indicator (``statistic_labels``) and the evidence span. A
quantity the article restates (same unit and value; for counts, same label too, and any count of
captives or soldiers is one label, as swap stories restate it under other nouns) is given once.
The vocabularies are data: ``rules/statistics.toml`` (``statistic_rules`` loads and checks it).

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..records import Evidence, Qualifier, Statistic
from .attribution import REPORT_VERBS, attribution
from .dates import WEEKDAYS
from .numbers import ORDINAL_VALUES
from .quantities import (
    COUNT_KINDS,
    DURATION,
    MEASURE,
    Num,
    Quantity,
    adjacent,
    fraction_at,
    noun_after,
    numbers_at,
    read_quantity,
)
from .rules import RuleSet, load_rules
from .statistic_labels import complement_end, indicator
from .statistic_rules import StatRules, load_stat_rules, plain_words
from .statistic_spots import MEASURED_SPANS, MONTHS, TRUCES, inside, lowercase, marks, spots
from .text import Sentence, Token

AFTER_NAME = frozenset({"st", "nd", "rd", "th", "-year-old", "year-old"})
RANGE_LINKS = frozenset({"to", "or", "-", "–", "and"})
REPORTING = frozenset(REPORT_VERBS) | {"according"}
RESTATED = "stat.restated.v1"  # the rule id of a bare number that restates a count told before
# words after a bare number that only qualify it ("30 or more"): the number still closes its clause
OPEN_ENDS = frozenset({("or", "more"), ("or", "so"), ("or", "fewer"), ("or", "less"), ("or", "longer")})
BARE_ENDS = frozenset({".", ";", ","})
CARRY_CUES = frozenset({"total", "cumulative", "compared", "against", "tally", "count"})
# a word right before a bare number that makes it the base of a comparison ("up 30% from 139")
COMPARED = frozenset({"than", "from", "against", "versus", "vs", "vs."})
# a bare number followed by one of these continues the count before it ("and over 8,000 wounded")
CARRY_VERBS = frozenset({"injured", "wounded", "killed", "dead", "live", "lived", "living", "were", "are", "have",
                         "had", "remain", "remained", "died", "fled", "left", "missing", "more"})
ELIDED_FOLLOWERS = frozenset({".", ",", ";", "in", "on", "each", "", "a"}) | CARRY_VERBS
LETTER_SCALES = {"m": 1_000_000, "mn": 1_000_000, "k": 1_000}  # attached to digits: "1.1m", "300k"
# outage nouns that only a word of the outage makes a statistic: "blackouts in eight regions", but not
# "deaths reported this year in two regions" (a period alone says nothing of power there)
SUPPLY_ONLY = frozenset({"regions"})
TEMPERATURES = frozenset({"degrees Celsius", "degrees Fahrenheit"})
SIGNS = frozenset({"-", "−", "–", "‑"})
OPENERS = frozenset({"(", "["})
RATES = frozenset({"day", "week", "month", "year", "night"})
# after "a day" / "a night": a point in time, not a rate ("a day before the meeting")
DAY_APART = frozenset({"before", "after", "later", "earlier", "ago", "afterwards", "prior"})
ATTACK_WORDS = frozenset({"attack", "attacks", "strike", "strikes", "assault", "bombardment", "barrage", "raid"})
ORDINALS = frozenset(ORDINAL_VALUES) | {"umpteenth"}
OF_THEM = frozenset({("of", "them"), ("of", "those"), ("of", "these")})
SUPERLATIVES = frozenset({"largest", "biggest", "heaviest", "deadliest", "most", "record", "worst", "first",
                          "highest", "fastest", "strongest", "longest", "fiercest", "greatest"})
PHRASAL = frozenset({"hand", "handed", "hands", "handing", "turn", "turned", "take", "took", "taken", "won",
                     "fought", "argued", "pass", "passed", "sign", "signed", "hold"})
LASTING = frozenset({"lasting", "lasted", "lasts", "spent", "spend", "spending"})
MODALS = frozenset({"would", "will", "to", "could", "should", "may", "might", "can", "must"})
RECENT = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                    "midnight", "dawn", "morning", "evening", "night", "afternoon", "noon", "then", "today"})
HURT_ADVERBS = frozenset({"badly", "seriously", "severely", "critically", "gravely", "lightly", "slightly"})
CASUALTY = frozenset({"killed", "killing", "dead", "died", "injured", "injuring", "wounded", "wounding", "hurt",
                      "toll"})
# the counted nouns of captives and soldiers: a swap's count is restated under other nouns ("84 prisoners
# of war", later "84 captives", "the 84 servicemen", an "84-for-84 swap"), so one value of one unit read
# through any of them is one statistic, whatever words its label took from the sentence around it
CAPTIVE_COUNTS = frozenset({"stat.count.prisoners.v1", "stat.forces.people.v1", "stat.swap.people.v1"})
CAPTIVE_COUNTS_KEY = "captives"  # the restatement key of every count read through ``CAPTIVE_COUNTS``


# the letters whose lowercase form falls into another class of ``TOKEN_RE`` ("Ɓ" -> "ɓ", the Kelvin sign ->
# "k"): with none of them, the lowercased tokens are the words ``Sentence.words`` finds
_LOWER_SHIFTS = re.compile("[\u0181\u0186\u0189\u018a\u018f\u0190\u0193\u0194\u0196\u0197\u019c\u019d\u019f"
                           "\u01a6\u01a9\u01ae\u01b1\u01b2\u01b7\u023a\u023e\u0244\u0245\u1e9e\u212a\u212b"
                           "\u2c7e\u2c7f]")


def _ordinal(word: str) -> bool:
    """"eighth", "12th", "21st"."""
    return word in ORDINALS or word in ("th", "st", "nd", "rd") \
        or (word[:1].isdigit() and word.endswith(("th", "st", "nd", "rd")))


def _words(sentence: Sentence, tokens: Sequence[Token]) -> Sequence[str]:
    """``sentence.words``, taken from the tokens when they are sure to agree (no second regex pass)."""
    text = sentence.text
    if text.isascii() or _LOWER_SHIFTS.search(text) is None:
        return tuple([t.low for t in tokens])
    return sentence.words


def _fraction_cue(text: str) -> bool:
    """Whether the text holds "half", "third", "quarter" or "fifth" (first letter in either case)."""
    return ("alf" in text and ("half" in text or "Half" in text)) \
        or ("hird" in text and ("third" in text or "Third" in text)) \
        or ("uarter" in text and ("quarter" in text or "Quarter" in text)) \
        or ("ifth" in text and ("fifth" in text or "Fifth" in text))


@dataclass(slots=True)
class _Found:
    quantity: Quantity
    qualifier: Qualifier
    start_token: int
    end_token: int


def _is_name_or_time(words: Sequence[str], tokens: Sequence[Token], num: Num, stat: StatRules) -> bool:
    """Years, dates, times of day, ages, ordinals, names ("Resolution 1441", "Photo 2 of 7", "24/7"), and
    digit runs too long to be a figure."""
    if not num.value < 1e15:
        return True
    prev = words[num.first - 1] if num.first > 0 else ""
    nxt = words[num.last + 1] if num.last + 1 < len(words) else ""
    if prev in stat.not_before or prev in MONTHS or nxt in MONTHS:
        return True
    if nxt in AFTER_NAME:
        return True
    if nxt in ("/", ":", ".") and num.last + 2 < len(words) and tokens[num.last + 2].text[:1].isdigit() \
            and adjacent(tokens, num.last + 1) and adjacent(tokens, num.last + 2):
        return True  # "29.06.2025", "18:00", "24/7"
    if nxt in ("-", "‑") and num.last + 2 < len(words) and words[num.last + 2].startswith(("year-old", "month-old",
                                                                                            "point", "storey")):
        return True
    if prev in (":", ".", "/") and adjacent(tokens, num.first):
        return True
    if prev == "of" and num.first >= 2 and tokens[num.first - 2].text[:1].isdigit():
        return True  # "Photo 2 of 7", "3 of 4": a position or a share of a wave
    text = tokens[num.first].text
    if num.digits and 1900 <= num.value <= 2100 and "," not in text and "." not in text:
        return not (nxt.endswith("s") and nxt.isalpha() and len(nxt) > 3 and nxt not in ("years",))
    return False


def _restates(value: float, before: Quantity | Statistic) -> bool:
    """Whether a bare number may count what ``before`` counted: a count or a measure of the same order (a
    tenth to ten times it), so a stray "3" after "2,000 drones" is not read as drones; never a temperature."""
    if not before.value or before.unit in TEMPERATURES:
        return False
    return 0.1 <= value / before.value <= 10


_QUALIFIERS = {q.value: q for q in Qualifier}


def _qualifier_of(value: str) -> Qualifier:
    """``Qualifier(value)`` without the enum's slow call."""
    found = _QUALIFIERS.get(value)
    return found if found is not None else Qualifier(value)


def _qualifier(words: Sequence[str], rules: RuleSet, stat: StatRules, first: int, last: int,
               plus: bool) -> tuple[Qualifier, int]:
    """The qualifier and the token where the statement starts."""
    if plus:
        return Qualifier.AT_LEAST, first
    best: tuple[Qualifier, int] | None = None
    m = stat.qualifiers.ending_at(words, first - 1) if first > 0 else None
    if m is not None and not (words[m.first] == "over" and m.first == m.last and m.first > 0
                              and words[m.first - 1] in PHRASAL):  # "hand over 90 captives": a particle
        best = _qualifier_of(m.value.value), m.first
    if best is not None:
        return best
    if last + 1 < len(words):
        for table in (stat.qualifiers_after, rules.qualifier_after):
            after = table.match_at(words, last + 1)
            if after is not None:
                return _qualifier_of(after.value.value), first
    return Qualifier.EXACT, first


class _SentenceReader:
    """The statistics of one sentence; context tests are computed once, on first use."""

    def __init__(self, sentence: Sentence, rules: RuleSet, stat: StatRules, carried: str | None,
                 previous: Statistic | None, known: Mapping[float, str]) -> None:
        self.sentence = sentence
        self.rules = rules
        self.stat = stat
        self.tokens = tokens = sentence.tokens
        self.words = _words(sentence, tokens)
        self.carried = carried    # the count unit of the last statistic before this sentence
        self.previous = previous  # the last statistic of the sentence just before, if it had one
        self.known = known        # the counts the article has stated so far: value -> unit
        self._plain: Sequence[str] | None = None
        self._period: bool | None = None
        self._state: bool | None = None
        self._supply: bool | None = None

    @property
    def plain(self) -> Sequence[str]:
        """The sentence's words without possessives, computed once."""
        if self._plain is None:
            self._plain = plain_words(self.words)
        return self._plain

    def _cues(self) -> tuple[bool, bool]:
        """(period, state): a stretch of time ("in the past week", "since 2022", "a month") and a state
        ("have fled", "population", "produce") in the sentence. "The heaviest attack since 2022" compares
        one wave, and "since Saturday evening" is part of one day: neither is a period."""
        if self._period is None:
            words = self.plain
            cues = self.stat.periods.find(words)
            compared = not SUPERLATIVES.isdisjoint(words)
            self._period = any((words[i] != "since" or not ((compared and self._superlative_before(i))
                                                            or self._recent(i)))
                               and not self._dates_attack(i) and not self._day_apart(i) for i in cues)
            self._state = bool(self.stat.states.find(words))
        return self._period, bool(self._state)

    def _day_apart(self, cue: int) -> bool:
        """"a day before the talks", "a night after the strike": one day that dates an event against
        another, not a daily rate ("a day" in "40 drones a day")."""
        words = self.plain
        return cue + 2 < len(words) and words[cue] == "a" and words[cue + 1] in ("day", "night") \
            and words[cue + 2] in DAY_APART

    def _superlative_before(self, since: int) -> bool:
        """"the largest attack since 2022", "the most drones since the war began": the superlative the
        "since" measures stands before it. One after it ("..., most of them elderly") is a partitive or
        another clause's word, and leaves "since" a period."""
        words = self.plain
        for k in range(since):
            if words[k] in SUPERLATIVES and not (words[k] == "most" and k + 1 < len(words) and words[k + 1] == "of"):
                return True
        return False

    def _dates_attack(self, cue: int) -> bool:
        """"the eighth attack this month", "the third such strike since October": the period places one
        attack in a series (an ordinal before an attack word just before the cue), so it makes no other
        count in the sentence a statistic."""
        words = self.plain
        for k in range(max(0, cue - 6), cue):
            if words[k] in ATTACK_WORDS and any(_ordinal(o) for o in words[max(0, k - 3):k]):
                return True
        return False

    def _recent(self, since: int) -> bool:
        """"since Saturday evening", "since midnight", "since this morning": hours, not a campaign ("since
        last Tuesday" is a week of them, "since Sunday" days)."""
        following = self.words[since + 1:since + 3]
        if len(following) == 2 and following[0] == "last" and following[1] in WEEKDAYS:
            return False
        after = [w for w in self.words[since + 1:since + 4] if w not in ("the", "early", "late", "last", "this")]
        if after and after[0] in WEEKDAYS and (len(after) < 2 or after[1] not in RECENT):
            return False  # "since Sunday alone", "since Monday, Russia has launched": days of them
        return bool(after) and after[0] in RECENT

    def _casualties(self, q: Quantity, start: int) -> bool:
        """People killed or injured: "killing nine people", "two boys among the dead", "23 badly wounded
        soldiers" (a casualty word among the noun's modifiers)."""
        words = self.words
        return not CASUALTY.isdisjoint(words[q.number_last + 1:q.last + 5]) \
            or not CASUALTY.isdisjoint(words[max(0, start - 2):start])

    def without_supply(self) -> bool:
        if self._supply is None:
            self._supply = bool(self.stat.supply.find(self.plain))
        return self._supply

    def keeps(self, q: Quantity, num: Num, start: int) -> bool:
        """Whether a read quantity is a statistic in this sentence."""
        words = self.words
        if q.kind in COUNT_KINDS:
            if q.value < 2 and q.value == int(q.value):
                return False
            prev = words[start - 1] if start > 0 else ""
            if prev in self.stat.determiners and not self._new_total(q, num, prev):
                return False
            if prev == "|" or (q.last + 1 < len(words) and words[q.last + 1] == "|"):
                return False  # page chrome: "4.1K replies | 18K reposts", "12 photos | 3 videos"
            if q.last + 1 < len(words) and self.stat.sources.match_at(words, q.last + 1) is not None:
                return False  # "two people familiar with the plans said": who spoke, not a count of the war
            period, state = self._cues()
            if q.kind == "arms":
                return period or bool(self.stat.production.find(self.plain))
            if q.kind == "campaign":
                return period or (state and not self._casualties(q, start))
            if q.kind == "forces":
                return period or state or self._casualties(q, start)
            if q.kind == "outage":
                return self.without_supply() or (period and q.unit not in SUPPLY_ONLY)
            return True
        if q.kind == DURATION:
            return q.value > 0 and self._measured_time(q, start)
        return True

    def _new_total(self, q: Quantity, num: Num, prev: str) -> bool:
        """"almost double the 2,480 drones recorded a year earlier": "the" before a large count in digits
        that a participle defines is a figure told here for the first time, not a reference back to
        "the two sides" or "the 12 soldiers" named before."""
        words = self.words
        k = q.last + 1
        return prev == "the" and num.digits and num.value >= 100 and k < len(words) \
            and words[k].endswith("ed") and words[k].isalpha() and len(words[k]) > 4

    def _measured_time(self, q: Quantity, start: int) -> bool:
        """A span of time that measures something: "the meeting ran for five hours", "for 20 days",
        "blackouts of up to 10 hours a day", "45 days of calm", "a 72-hour truce", "a truce of 30 days";
        not "two days later" or "in three weeks"."""
        words = self.words
        n = len(words)
        if q.last + 1 < n and self.stat.not_after.match_at(words, q.last + 1) is not None \
                and not (start > 0 and words[start - 1] == "for" and words[q.last + 1] == "after"):
            return False  # ("two days later"; but "back Ukraine for 15 years after a deal" lasts them)
        if start > 2 and words[start - 2] == "the" and words[start - 1] in ("past", "last") \
                and words[start - 3] in ("spent", "spend", "spending"):
            return False  # "has spent the past two weeks trying to ...": someone's recent days, not a measure
        if start > 0 and (words[start - 1] == "for" or not LASTING.isdisjoint(words[max(0, start - 3):start])):
            return True
        if start > 1 and words[start - 1] == "last" and words[start - 2] in MODALS:
            return True  # "would last 20 years"
        if start > 1 and words[start - 1] == "of" and words[start - 2] in TRUCES:
            return True  # "a ceasefire of at least 30 days": how long the truce is to last
        if start > 1 and words[start - 1] in ("of", ",", "-", "–") and words[start - 2] in MEASURED_SPANS:
            return True  # "for a period of 15 years", "a longer term, up to 50 years": the span itself
        nxt = words[q.last + 1:q.last + 3]
        if len(nxt) == 2 and nxt[0] in ("a", "per", "each", "every") and nxt[1] in ("day", "week", "night"):
            return True
        if len(nxt) == 2 and nxt[0] == "of" and nxt[1] in TRUCES:
            return True
        return bool(nxt) and nxt[0] in TRUCES and q.number_last + 1 < n and words[q.number_last + 1] in ("-", "‑")

    def _noun_before(self, start: int, kinds: frozenset[str] = COUNT_KINDS) -> tuple[str, str] | None:
        """The nearest counted noun before token ``start`` in this sentence."""
        for i in range(start - 1, -1, -1):
            m = self.stat.nouns.match_at(self.words, i)
            if m is not None and m.value.kind in kinds:
                return m.value.value, m.value.id
        return None

    def _colon_label(self, num: Num) -> tuple[str, str] | None:
        """A figure that heads a line of a list, its label after a colon ("4,000: roughly the number of
        prisoners still held", "19,546: children deported"): the label's noun."""
        words = self.words
        k = num.last + 1
        if k >= len(words) or words[k] != ":":
            return None
        k += 1
        while k < len(words) and words[k] in _LABEL_LEAD:
            k += 1
        if tuple(words[k:k + 2]) == ("number", "of"):
            k += 2
        m = noun_after(words, self.stat, k)
        return None if m is None or m.first > k + 3 else (m.value.value, m.value.id)

    def elided_unit(self, num: Num, start: int, found: Sequence[_Found]) -> tuple[str, str] | None:
        """The unit of a number with no noun after it. Returns (unit, rule id)."""
        words = self.words
        n = len(words)
        labelled = self._colon_label(num)
        if labelled is not None:
            return labelled
        after = words[num.last + 1:num.last + 4]
        pronoun = tuple(after[:2]) in OF_THEM or self._of_whole(num) is not None
        if pronoun:  # "turns out 900 of them a week": the pronoun stands for the noun
            after = words[num.last + 3:num.last + 5]
            if after and after[0][:1].isdigit():  # "31 of the 96 were": the whole, said before
                after = words[num.last + 4:num.last + 6]
        nxt = after[0] if after else "."
        if tuple(after[:2]) in OPEN_ENDS:
            nxt = "."  # "extended to 30 or more": the words after only qualify the number, which ends its clause
        # "tops 1,800 a month": a rate of the noun named earlier
        if len(after) >= 2 and nxt in ("a", "per", "every", "each") and after[1] in RATES:
            return self._noun_before(start)
        # "ten more of them"
        if tuple(after) == ("more", "of", "them"):
            return self._noun_before(start, frozenset({"count"}))
        if nxt not in ELIDED_FOLLOWERS and not nxt.startswith(("'", "’")):
            by_verb = self._carried_by_verb(nxt, found)
            if by_verb is None and pronoun and num.digits and num.value >= 10:
                return self._pronoun_noun(start)  # "1,200 of them came home"
            return by_verb
        # "Of May's 187, 119 were shot down": a bare count the article gave before is that count again
        if num.value >= 10 and num.value in self.known:
            return self.known[num.value], RESTATED
        # "the number of soldiers lost ... was put at 40,000"
        for i in range(start - 1, 0, -1):
            if words[i] == "of" and words[i - 1] == "number":
                m = noun_after(words, self.stat, i + 1)
                if m is None:
                    continue
                if CASUALTY.isdisjoint(words[m.last + 1:m.last + 4]) or self._cues()[0]:
                    return m.value.value, m.value.id
                return None  # "the number of people killed has risen to four": a death toll
        prior = [f.quantity for f in found if f.quantity.kind in COUNT_KINDS or f.quantity.rule_id == RESTATED]
        # "4 million people have fled and nearly 3 million remain under occupation"
        if prior and nxt in CARRY_VERBS:
            return prior[-1].unit, "stat.carried.v1"
        # "The town had 90,000 people before the war. About 60,000 live there now."
        previous = self.previous
        if not found and nxt in CARRY_VERBS and previous is not None and _restates(num.value, previous):
            return previous.unit, "stat.carried.v1"
        # "... 11 people have died of hypothermia. Fumes from stoves have killed six more": "more" adds to
        # the count told last, where the sentence is itself about the war's toll (a period or a state)
        if nxt == "more" and not prior and self.carried is not None and any(self._cues()):
            return self.carried, "stat.carried.v1"
        # "used about 5,100 of those in the month": the pronoun stands for the noun named before it
        if pronoun and num.digits and num.value >= 10:  # not "two of them were children": a reference
            noun = self._pronoun_noun(start)
            if noun is not None:
                return noun
        # "the running total now tops 31,000"; "Of those released, 80 had been held since 2014"; "down 12%
        # from 139 in May", "fewer than last year's 5,400": the base of a comparison counts the same thing
        window = words[max(0, start - 8):start]
        if not CARRY_CUES.isdisjoint(window) or self._compared(start) or self._partitive(start):
            unit = prior[-1].unit if prior else self.carried
            if unit is not None:
                return unit, "stat.carried.v1"
        # "... guarantees lasting ten years. Kyiv wanted up to 40."
        if self.previous is not None and n <= 12 and nxt == "." and not found and start > 0 \
                and (start < num.first or words[start - 1] in ("for", "to", "at", "of")):
            return self.previous.unit, "stat.carried.v1"
        # "a pact lasting 20 years or more; the draft offers 10", "from 15 years to 30 or more": a bare
        # number that closes its clause takes the unit of the span or measure just before it in the
        # sentence (a count is left to the cues above: "killed two people and wounded seven" is a toll);
        # the same value again ("a pause of 30 days, then of 30") is the same statistic
        last = found[-1].quantity if found else None
        if nxt in BARE_ENDS and last is not None and last.kind not in COUNT_KINDS and _restates(num.value, last):
            return last.unit, RESTATED if num.value == last.value else "stat.carried.v1"
        return None

    def _pronoun_noun(self, start: int) -> tuple[str, str] | None:
        """What "of them" stands for: the noun counted before it in the sentence, else, where the pronoun
        opens the next sentence ("... 5,900 people have come home. More than 1,200 of them in 2025"),
        what the sentence just before counted last."""
        noun = self._noun_before(start)
        if noun is not None:
            return noun
        previous = self.previous
        if previous is not None and previous.unit in self.stat.count_units:
            return previous.unit, "stat.carried.v1"
        return None

    def _of_whole(self, num: Num) -> int | None:
        """"31 of the 96": the token of the whole a share is taken from (read with the share, as its part)."""
        words, k = self.words, num.last + 3
        if k < len(words) and words[num.last + 1] == "of" and words[num.last + 2] == "the" and words[k][:1].isdigit():
            return k
        return None

    def _compared(self, start: int) -> bool:
        """"up 34% from 139", "fewer than May's 5,400": a bare number right after a word of comparison
        (a possessive such as "May's" or "last year's" may stand between) is the base of that comparison."""
        words = self.words
        k = start - 1
        if k > 0 and words[k].endswith(("'s", "’s")):
            k -= 1
        return k >= 0 and words[k] in COMPARED

    def _partitive(self, start: int) -> bool:
        """"Of those released, 80 ...", "Of May's 187, 119 were ...": a sentence that opens with "of" names
        a whole counted before, and the bare numbers of that opening clause and the one after count it."""
        words = self.words
        return len(words) > 2 and words[0] == "of" and list(words[1:start]).count(",") <= 1

    @staticmethod
    def _carried_by_verb(nxt: str, found: Sequence[_Found]) -> tuple[str, str] | None:
        """"launched 5,200 drones, and over 700 reached the country": a bare number that is the subject
        of a verb in the past tense goes on counting what the sentence counted before it."""
        if len(nxt) < 5 or not nxt.endswith("ed") or not nxt.isalpha():
            return None
        for f in reversed(found):
            if f.quantity.kind in COUNT_KINDS:
                return f.quantity.unit, "stat.carried.v1"
        return None

    def times_unit(self, num: Num) -> tuple[str, str] | None:
        """"shelled the district 2,300 times": the unit named by the verb before."""
        words = self.words
        if num.last + 1 >= len(words) or words[num.last + 1] != "times" or num.value < 20:
            return None
        for i in range(num.first - 1, max(-1, num.first - 12), -1):
            m = self.stat.times.match_at(words, i)
            if m is not None:
                return m.value.value, m.value.id
        return None

    def read(self, figure_spans: Sequence[tuple[int, int]], places: Sequence[int]) -> list[_Found]:
        """Each number of the sentence that is a statistic, with its unit (see the module docstring)."""
        words, tokens, stat = self.words, self.tokens, self.stat
        numbers = numbers_at(tokens, places)
        found: list[_Found] = []
        pending: list[Num] = []  # numbers with no unit yet: a range partner may give one
        skip = -1
        for k, num in enumerate(numbers):
            if num.first <= skip or inside(figure_spans, num.start, num.end) \
                    or _is_name_or_time(words, tokens, num, stat):
                continue
            qualifier, start = _qualifier(words, self.rules, stat, num.first, num.last, num.plus)
            ratio = self._ratio(num, numbers[k + 1] if k + 1 < len(numbers) else None, start)
            if ratio is not None:
                found.append(_Found(ratio, qualifier, start, ratio.last))
                skip = ratio.last
                continue
            num = self._letter_scaled(num)
            q = self._elided_before(num, start) or read_quantity(words, tokens, num, stat) \
                or self._hurt(num) or self._unlabelled(num, start, found)
            if q is None:
                pending.append(num)
                continue
            if q.unit in TEMPERATURES:
                q = self._signed(q, num)
            elif q.unit == "USD" and words[q.first] == "$":
                q = self._dollar_owner(q)
            if q.first < num.first:  # a currency sign, "minus" or "Mach": the qualifier stands before it
                qualifier, start = _qualifier(words, self.rules, stat, q.first, q.number_last, num.plus)
            elif q.number_last > num.last:
                qualifier = _qualifier(words, self.rules, stat, num.first, q.number_last, num.plus)[0]
            if not self.keeps(q, num, start):
                pending.clear()
                continue
            found.append(_Found(q, qualifier, start, q.last))
            found.extend(self._range_partners(q, pending))
            pending.clear()
            skip = q.last
        if _fraction_cue(self.sentence.text):
            found.extend(self._fractions(figure_spans))
        found.sort(key=lambda f: f.start_token)
        return found

    def _signed(self, q: Quantity, num: Num) -> Quantity:
        """"plunge to -20C", "(-4F)": a hyphen or minus sign glued to the digits, with a space or a
        bracket before it, is the sign of a temperature ("10-15C" is a range, "minus 20" is read with
        the number)."""
        words, tokens = self.words, self.tokens
        k = num.first - 1
        if q.first != num.first or k < 0 or q.value <= 0 or words[k] not in SIGNS or not adjacent(tokens, num.first):
            return q
        if adjacent(tokens, k) and words[k - 1] not in OPENERS:
            return q
        return Quantity(-q.value, q.unit, q.kind, k, q.last, q.number_last, q.rule_id)

    def _dollar_owner(self, q: Quantity) -> Quantity:
        """A bare "$" is the money of the nearest dollar country named before it in the sentence ("Canada has
        committed more than $22-billion": Canadian dollars), US dollars when that is the United States or
        none is named."""
        owners = self.stat.dollar_owners
        for i in range(q.first - 1, -1, -1):
            m = owners.match_at(self.words, i)
            if m is not None:
                if m.value.value == "USD":
                    return q
                return Quantity(q.value, m.value.value, q.kind, q.first, q.last, q.number_last, m.value.id)
        return q

    def _letter_scaled(self, num: Num) -> Num:
        """"1.1m barrels a day", "2.5m people", "300k tonnes": a one-letter scale attached to the digits
        scales the number when a unit or a counted noun follows it ("a 10m wall" stays a length, and a
        currency's "$400m" is read with the currency)."""
        words, tokens = self.words, self.tokens
        j = num.last + 1
        if num.scaled or not num.digits or j + 1 >= len(words) or words[j] not in LETTER_SCALES \
                or not adjacent(tokens, j):
            return num
        if self.stat.units.match_at(words, j + 1) is None and noun_after(words, self.stat, j + 1) is None:
            return num
        return Num(num.first, j, num.value * LETTER_SCALES[words[j]], num.start, tokens[j].end, True, num.plus,
                   True)

    def _elided_before(self, num: Num, start: int) -> Quantity | None:
        """"a pre-war population of 52,000", "limit the army to 500,000", "the bodies of 700 soldiers"."""
        words = self.words
        if start == 0:
            return None
        m = self.stat.elided.ending_at(words, start - 1)
        if m is not None:
            return Quantity(num.value, m.value.value, "elided", num.first, num.last, num.last, m.value.id)
        if words[start - 1] == "," and start >= 2:
            return self._apposed(num, start)
        if num.scaled and "population" in words[max(0, start - 8):start] and noun_after(words, self.stat,
                                                                                       num.last + 1) is None:
            return Quantity(num.value, "people", "elided", num.first, num.last, num.last, "stat.elided.people.v1")
        return None

    def _hurt(self, num: Num) -> Quantity | None:
        """"23 badly wounded soldiers", "40 injured civilians": a casualty word (an adverb may lead it)
        between a number and its noun, where the noun search stops; the noun keeps its kind, so its
        gate still applies (wounded civilians need a period, wounded soldiers are a toll of the war)."""
        words = self.words
        k = num.last + 1
        if k < len(words) and words[k] in HURT_ADVERBS:
            k += 1
        if k + 1 >= len(words) or words[k] not in ("wounded", "injured"):
            return None
        m = noun_after(words, self.stat, k + 1)
        if m is None or m.value.kind not in COUNT_KINDS:
            return None
        return Quantity(num.value, m.value.value, m.value.kind, num.first, m.last, num.last, m.value.id)

    def _apposed(self, num: Num, start: int) -> Quantity | None:
        """"most of the region's schools, about 1,400, were without heat": a number set off by commas
        right after a counted noun counts that noun, and keeps the noun's kind (so its gate applies)."""
        words = self.words
        if num.last + 1 >= len(words) or words[num.last + 1] not in (",", ")", "—", "–"):
            return None
        m = self.stat.nouns.ending_at(words, start - 2)
        if m is None or m.last != start - 2:
            return None
        return Quantity(num.value, m.value.value, m.value.kind, num.first, num.last, num.last, m.value.id)

    def _ratio(self, num: Num, nxt: Num | None, start: int) -> Quantity | None:
        """"outgunned by a ratio of 3 to 1"."""
        words = self.words
        if nxt is None or start < 2 or words[start - 1] != "of" or words[start - 2] != "ratio":
            return None
        if nxt.first != num.last + 2 or words[num.last + 1] not in ("to", ":") or not nxt.value:
            return None
        return Quantity(round(num.value / nxt.value, 4), "ratio", MEASURE, num.first, nxt.last, num.last,
                        "stat.ratio.v1")

    def _swap(self, num: Num) -> Quantity | None:
        """"a 1,000-for-1,000 exchange", "an 84-for-84 swap": the people each side hands over (the number
        after "for" restates it, and is read with it)."""
        words, tokens = self.words, self.tokens
        k = num.last + 2
        if k >= len(words) or words[k - 1] not in ("-", "‑") or not words[k].startswith("for-") \
                or not words[k][4:5].isdigit() or not adjacent(tokens, k - 1) or not adjacent(tokens, k):
            return None
        if k + 2 < len(words) and words[k + 1] == "," and words[k + 2].isdigit() and adjacent(tokens, k + 1) \
                and adjacent(tokens, k + 2):
            k += 2  # "for-1" "," "000": the thousands of the second number
        return Quantity(num.value, "people", "count", num.first, k, num.last, "stat.swap.people.v1")

    def _unlabelled(self, num: Num, start: int, found: Sequence[_Found]) -> Quantity | None:
        swap = self._swap(num)
        if swap is not None:
            return swap
        times = self.times_unit(num)
        if times is not None:
            return Quantity(num.value, times[0], "count", num.first, num.last + 1, num.last, times[1])
        elided = self.elided_unit(num, start, found)
        if elided is not None:
            whole = self._of_whole(num)
            last = num.last if whole is None else whole
            return Quantity(num.value, elided[0], "elided", num.first, last, num.last, elided[1])
        return None

    def _range_partners(self, q: Quantity, pending: Sequence[Num]) -> list[_Found]:
        """"between 300 and 700 tankers", "40 to 80 kilograms", "eight or nine days": the first number
        takes the unit of the second."""
        if not pending:
            return []
        words = self.words
        num = pending[-1]
        if num.last + 2 != q.first or words[num.last + 1] not in RANGE_LINKS:
            return []
        if words[num.last + 1] == "and" and (num.first == 0 or words[num.first - 1] != "between"):
            return []
        partner = Quantity(num.value, q.unit, q.kind, num.first, q.last, num.last, q.rule_id)
        qualifier, start = _qualifier(words, self.rules, self.stat, num.first, num.last, num.plus)
        return [_Found(partner, qualifier, start, num.last)]

    def _share_of_wave(self, last: int, figure_spans: Sequence[tuple[int, int]]) -> bool:
        """"shot down 90 drones, about half of them over the border": a share of an attack figure told
        earlier in the sentence is part of that wave, not a statistic."""
        words = self.words
        if last + 2 >= len(words) or words[last + 2] not in ("them", "those"):
            return False
        at = self.tokens[last].start
        return any(end <= at for _, end in figure_spans)

    def _fractions(self, figure_spans: Sequence[tuple[int, int]]) -> list[_Found]:
        words = self.words
        out = []
        for i in range(len(words)):
            m = fraction_at(words, self.stat, i)
            if m is None or self._share_of_wave(m.last, figure_spans):
                continue
            q = Quantity(float(m.value.value), "percent", MEASURE, m.first, m.last, m.last, m.value.id)
            qualifier, start = _qualifier(words, self.rules, self.stat, m.first, m.last, False)
            out.append(_Found(q, qualifier, start, m.last))
        return out


def _source(text: str) -> str | None:
    """Who states the sentence's figures ("according to the UN", "..., the ministry said")."""
    if text.startswith("According"):  # the shared pattern reads "according to" in lowercase
        text = "a" + text[1:]
    return attribution(text)


def _statistics(sentence: Sentence, text: str, rules: RuleSet, stat: StatRules,
                figure_spans: Sequence[tuple[int, int]], places: Sequence[int], carried: str | None,
                previous: Statistic | None, known: Mapping[float, str]) -> list[tuple[Statistic, str]]:
    """The sentence's statistics, each with the key under which a restatement of it is recognised (its
    label, or the captives' key for a count of prisoners or soldiers)."""
    reader = _SentenceReader(sentence, rules, stat, carried, previous, known)
    found = reader.read(figure_spans, places)
    if not found:
        return []
    tokens, words = reader.tokens, reader.words
    source = _source(sentence.text) if not REPORTING.isdisjoint(words) else None
    out: list[Statistic] = []
    keys: list[str] = []
    last_end = -2
    for f in found:
        if f.quantity.rule_id == RESTATED:
            continue  # told before: it only gives its unit to the numbers after it
        end = complement_end(words, f.end_token) if f.quantity.kind == MEASURE else f.end_token
        evidence = Evidence.of(text, tokens[f.start_token].start, tokens[end].end)
        qualifier = f.qualifier
        if out and f.start_token >= 1 and words[f.start_token - 1] == "(" and f.start_token - 2 <= last_end:
            label = out[-1].indicator  # "20 billion euros ($21.7bn)": the same figure in another unit
            if qualifier is Qualifier.EXACT:
                qualifier = out[-1].qualifier
        else:
            label = indicator(words, f.quantity, f.start_token, end)
        out.append(Statistic(indicator=label, value=f.quantity.value, unit=f.quantity.unit,
                             qualifier=qualifier, evidence=evidence, attributed_to=source))
        keys.append(CAPTIVE_COUNTS_KEY if f.quantity.rule_id in CAPTIVE_COUNTS else label)
        last_end = end
    return list(zip(out, keys, strict=True))


def _restated(statistic: Statistic, key: str, kept: Sequence[tuple[Statistic, str]],
              count_units: frozenset[str]) -> bool:
    """A measure (percent, money, distance, time) given again with the same value is the same statistic;
    a count with the same value is the same only under the same key (its label, or the captives' key)."""
    for k, k_key in kept:
        if k.unit == statistic.unit and k.value == statistic.value:
            if statistic.unit not in count_units or _same_label(k_key, key):
                return True
    return False


def _same_label(a: str, b: str) -> bool:
    """Whether two count labels of one value name one count: equal, one the other with words added (the
    place a summary line names and the body leaves out: "buildings_blocks_kyiv", "buildings_blocks"), or
    the same first two words, the unit and its noun ("buildings_apartment_kharkiv", "buildings_apartment_without")."""
    if a == b:
        return True
    la, lb = a.split("_"), b.split("_")
    wa, wb = set(la), set(lb)
    return wa <= wb or wb <= wa or (len(la) > 2 and len(lb) > 2 and la[:2] == lb[:2])




def find_statistics(text: str, sentences: Sequence[Sentence], figure_spans: Sequence[tuple[int, int]],
                    published: date | None) -> tuple[Statistic, ...]:
    """Every statistic the article states, in text order; numbers inside ``figure_spans`` (the evidence
    of attack figures) are figures and are skipped. ``published`` is accepted for dating and unused."""
    del published
    # the whole text in lowercase only when a letter changes length ("İ"): each sentence is lowered alone
    # otherwise (its ends are white space, so it lowers as it does within the text)
    lowered = lowercase(text) if "\u0130" in text else None
    runs, words = marks(text, lowered)
    if (not runs and not words) or not sentences:
        return ()
    rules = load_rules()
    stat = load_stat_rules()
    spans = sorted(figure_spans)
    n_spans = len(spans)
    kept: list[tuple[Statistic, str]] = []
    carried: str | None = None
    known: dict[float, str] = {}
    previous: Statistic | None = None
    # only the sentences with a digit, a sign or a number word are looked at; the others have no spot
    run_starts = [r[0] for r in runs]
    sentence_starts = [sentence.start for sentence in sentences]
    candidates = {bisect_right(sentence_starts, p) - 1 for p in run_starts}
    candidates.update(bisect_right(sentence_starts, p) - 1 for p in words)
    first = 0
    last_read = -2  # the index of the sentence read last (its statistics carry into the next one)
    for index in sorted(candidates):
        if index < 0:
            continue
        sentence = sentences[index]
        start, end = sentence.start, sentence.end
        lo, hi = bisect_left(run_starts, start), bisect_left(run_starts, end)
        w = bisect_left(words, start)
        has_word = w < len(words) and words[w] < end
        if lo == hi and not has_word:
            continue
        if index != last_read + 1:
            previous = None  # the sentence before had nothing to read
        last_read = index
        while first < n_spans and spans[first][1] <= start:
            first += 1
        last = first
        while last < n_spans and spans[last][0] < end:
            last += 1
        local = spans[first:last]
        low = lowered[start:end] if lowered is not None else sentence.text.lower()
        places = spots(sentence, local, low, stat, runs[lo:hi], has_word)
        if not places:
            previous = None
            continue
        found = _statistics(sentence, text, rules, stat, local, places, carried, previous, known)
        for statistic, key in found:
            if statistic.unit in stat.count_units:
                carried = statistic.unit
                known.setdefault(statistic.value, statistic.unit)
            if not _restated(statistic, key, kept, stat.count_units):
                kept.append((statistic, key))
        previous = found[-1][0] if found else None
    return tuple(k for k, _ in kept)


# words between the colon after a listed figure and its label ("4,000: roughly the number of prisoners")
_LABEL_LEAD = frozenset({"roughly", "about", "around", "some", "approximately", "nearly", "almost", "the", "a",
                         "an", "estimated", "total"})
