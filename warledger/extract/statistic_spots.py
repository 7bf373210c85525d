"""Where in a sentence a statistic may be, decided on its characters before it is tokenized.

Most sentences of an article hold no statistic. The digits, signs and number words of the whole
article are found once (``marks``, with byte searches rather than a regex), and only the sentences
that hold one are looked at; a digit run that is a year, a date, a time of day, an age, an ordinal
or part of a model name ("Kh-101") is passed over, and so is any number inside an attack figure.
A sentence is read only if one of its numbers looks like a statistic from the words around it
(``_worth_it``): a unit, a counted noun or a scale word after it, a span of time that measures
something, a phrase before it that names what it counts, or nothing after digits at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .statistic_rules import StatRules
from .text import Sentence

# a run of digits (or a sign and digits), and the number and fraction words (lowercase)
DIGIT = re.compile(r"[\d$€£%][\d,.]*")
NUMBER_WORDS = frozenset({
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "trillion", "dozen", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
})
NUMBER_WORD = re.compile(
    r"\b(?:t(?:wo|hree|hirteen|en|welve|wenty|hirty|housand|rillion|hirds?)|f(?:our(?:teen)?|ive|ifteen|orty|ifty|"
    r"ifths?)|s(?:ix|even)(?:ty|teen)?|eight(?:y|een)?|eleven|nine(?:ty|teen)?|h(?:undred|alf)|million|billion|"
    r"dozen|quarters?)\b"
)
# "the two sides", "its three delegations": a number word that refers back, not a count
REFERENCE = frozenset({"the", "its", "their", "those", "these", "his", "her", "our", "all"})
FRACTIONS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"})
BARE_END = frozenset({".", ",", ";", ":", ")", "?", "!", "—", "–"})
NOT_AFTER_DIGITS = frozenset({"th ", "st ", "nd ", "rd ", "th,", "th.", "-ye", "-mo", "-st", "-po"})
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
LASTING_CUES = frozenset({"for", "lasted", "lasting", "lasts", "last", "spent", "spend"})
MEASURED_SPANS = frozenset({"period", "term", "span", "stretch"})  # "a term of five years": the span measured
RATE_CUES = frozenset({"a", "per", "each", "every"})
TRUCES = frozenset({"ceasefire", "truce", "pause", "moratorium", "calm", "mourning", "silence", "halt", "deadline",
                    "ultimatum"})


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``spans``."""
    for s, e in spans:
        if s <= start and end <= e:
            return True
    return False


def _no_quantity(text: str, start: int, end: int) -> bool:
    """A digit run that is a year, a date, a time of day, an age, an ordinal or part of a model name
    ("Kh-101", "Tu-95MS"): the cheap character-level twin of ``_is_name_or_time``."""
    g = text[start:end - 1] if text[end - 1] in ",." else text[start:end]
    if len(g) == 4 and g[:2] in ("19", "20") and g.isdigit():
        return True  # a year; "19.4" or "20.5" (percent, millions) is a quantity
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    if after == ":" and (text[end + 1:end + 2] != " " or len(g.replace(",", "")) < 2 or before.isalpha()
                         or (before == " " and text[start - 2:start - 1].isalpha())):
        return True  # "18:00", "Segment 1: ..." ("4,000: prisoners still held" heads a line of a list)
    if after == "/" or before in (":", "/") or g.count(".") > 1:
        return True
    if before == "-" and start > 1 and text[start - 2].isalnum():
        return True  # "Kh-101", "2022-23", "3-4 July"
    if after in ("t", "s", "n", "r", "-") and text[end:end + 3].lower() in NOT_AFTER_DIGITS:
        return True  # "20th", "6-year-old", "12-storey", "20-point"
    # (a month is letters: the word before or after can be one only if a letter or a full stop touches the space)
    if before == " " and start > 1 and (text[start - 2].isalpha() or text[start - 2] == ".") \
            and text[max(0, start - 11):start - 1].rsplit(" ", 1)[-1].rstrip(".").lower() in MONTHS:
        return True  # "Feb. 5"
    if after == " " and text[end + 1:end + 2].isalpha():
        word = text[end + 1:end + 11].split(" ", 1)[0].rstrip(".,").lower()
        return word in MONTHS or (word == "of" and text[end + 4:end + 14].split(" ", 1)[0].rstrip(".,").lower()
                                  in MONTHS)
    return False


def _partitive(tail: str) -> bool:
    """" of them", " of those", " of these", " of the 96": a share of a count named before, which is worth
    reading (the pronoun or the whole gives it its unit)."""
    word = tail[4:].split(" ", 2)
    first = word[0].rstrip(",.;:")
    return first in ("them", "those", "these") or (first == "the" and len(word) > 1 and word[1][:1].isdigit())


def _truce_of(prior: Sequence[str]) -> bool:
    """"a ceasefire of 30 days", "a truce of at least 30 days": a truce word and "of" shortly before the
    number (a qualifier may stand between) say how long the truce is to last."""
    for i in range(len(prior) - 1):
        if prior[i + 1] == "of" and prior[i].strip(",;:\"'“”") in TRUCES:
            return True
    return False


def _worth_it(low: str, start: int, end: int, stat: StatRules, digits: bool) -> bool:
    """Whether the number at ``low[start:end]`` may be a statistic, from the words around it: a unit, a
    counted noun or a scale word among the next few words ("447 emergency generators"), a verb that
    continues a count ("and 900 wounded"), nothing at all after digits ("exceeds 30,000."), a span
    of time that measures something ("for six hours"), or a phrase before it that names what it
    counts ("population of", "army at", "Mach")."""
    tail = low[end:end + 48]
    if digits and tail.startswith(": ") and not tail[2:3].isdigit():
        tail = tail[1:]  # a figure heading a line of a list, its label after the colon ("4,000: prisoners held")
    if digits:
        rest = tail.lstrip()
        if not rest or rest[0] in BARE_END or tail.startswith("-for-"):  # "a 90-for-90 swap"
            return True
        if tail.startswith(" of th") and _partitive(tail):  # "96 of them", "31 of the 96"
            return True
    words = tail.replace("-", " ").replace(",", " ").split()[:6]
    gate, durations = stat.gate_words, stat.duration_words
    for k, word in enumerate(words):
        plain = word.strip("\"'“”‘’«»[]")
        bare = plain.rstrip(".;:)!?")
        if bare in gate:
            return True
        if bare in durations:
            after = [*words[k + 1:k + 3], "", ""]
            prior = low[max(0, start - 40):start].split()[-5:]
            return not LASTING_CUES.isdisjoint(prior[-3:]) or after[0] in RATE_CUES \
                or after[0] in TRUCES or (after[0] == "of" and after[1] in TRUCES) or _truce_of(prior) \
                or any(w.rstrip(",") in MEASURED_SPANS for w in prior[-3:])  # "a term, up to 25 years"
        if plain[-1:] in (".", ";", ":", ")", "!", "?") or plain[:1] == "(":
            break  # the clause ends
    before = low[max(0, start - 40):start].split()
    if not before:
        return False
    if before[-1] not in stat.gate_before:  # "population stood at about 40,000 before the war": look past
        m = stat.qualifiers.ending_at(before, len(before) - 1)  # the qualifier, as the reading does
        before = before[:m.first] if m is not None else []
    return bool(before) and before[-1] in stat.gate_before


def _byte_table(mapping: dict[int, int], default: int | None = None) -> bytes:
    return bytes(mapping.get(b, b if default is None else default) for b in range(256))


# over the text encoded as Latin-1 (one byte a character, "?" for any other): digits and signs that
# start a run become "0", the stand-in "?" stays, everything else is a space
_RUN_START = _byte_table({**{b: 0x30 for b in b"0123456789$%\xa3"}, 0x3F: 0x3F}, 0x20)
# ASCII letters in lowercase; hyphens, the stand-in "?" and the Latin-1 white space that ``bytes.split``
# keeps are spaces (every other character stays)
_WORD_FOLD = _byte_table({**{b: b + 32 for b in range(0x41, 0x5B)}, **{b: 0x20 for b in b"-?\x1c\x1d\x1e\x1f\x85\xa0"}})
_NUMBER_WORDS_B = frozenset(w.encode("ascii") for w in NUMBER_WORDS)


def marks(text: str, lowered: str | None = None) -> tuple[list[tuple[int, int]], list[int]]:
    """The whole article's digit runs (``DIGIT``) and the starts of its number words that stand alone
    between spaces or hyphens (the words ``spots`` tests with a set), each found once for all sentences.
    Sentences start and end next to white space, so these are the runs and words of each sentence.

    Both are found on the text encoded as Latin-1 with one byte a character (``bytes`` searches are
    far faster than a regex): the characters outside Latin-1 ("?") are looked at one by one, for the
    euro sign and digits of other scripts. ``lowered`` (``lowercase(text)``) is needed only when the
    text holds an "İ", the one letter whose lowercase is longer (``lowercase`` makes it an "i")."""
    latin = text.encode("latin-1", "replace")
    starts = latin.translate(_RUN_START)
    found: list[int] = []
    at = starts.find(b"0")
    while at >= 0:
        found.append(at)
        at = starts.find(b"0", at + 1)
    others = False
    at = starts.find(b"?")
    while at >= 0:
        ch = text[at]
        if ch != "?" and (ch == "€" or ch.isdecimal()):
            found.append(at)
            others = True
        at = starts.find(b"?", at + 1)
    if others:
        found.sort()
    runs: list[tuple[int, int]] = []
    end = -1
    for at in found:
        if at >= end:  # a run starts at each of these that an earlier run does not cover
            m = DIGIT.match(text, at)
            if m is not None:
                runs.append(m.span())
                end = m.end()
    if "\u0130" in text:
        return runs, _number_words(lowered if lowered is not None else lowercase(text))
    words: list[int] = []
    folded = latin.translate(_WORD_FOLD)
    n = len(text)
    for word in _NUMBER_WORDS_B.intersection(folded.split()):
        size = len(word)
        at = folded.find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + size] if at + size < n else " "
            if (before == "-" or before.isspace()) and (after == "-" or after.isspace()):
                words.append(at)
            at = folded.find(word, at + size)
    words.sort()
    return runs, words


def _number_words(lowered: str) -> list[int]:
    """The starts of the number words of the lowercased text that stand alone between spaces or hyphens."""
    words: list[int] = []
    n = len(lowered)
    for word in NUMBER_WORDS.intersection(lowered.replace("-", " ").split()):
        size = len(word)
        at = lowered.find(word)
        while at >= 0:
            before = lowered[at - 1] if at else " "
            after = lowered[at + size] if at + size < n else " "
            if (before == "-" or before.isspace()) and (after == "-" or after.isspace()):
                words.append(at)
            at = lowered.find(word, at + size)
    words.sort()
    return words


def spots(sentence: Sentence, local: Sequence[tuple[int, int]], low: str, stat: StatRules,
          runs: Sequence[tuple[int, int]] = (), words: bool = False) -> list[int]:
    """Where a statistic may be (character offsets): digits, signs and number words that are neither
    inside an attack figure nor a year, a date, a time of day, an age or a model name. ``runs`` are
    the sentence's digit runs (article offsets) and ``words`` whether a number word stands alone in it
    (``marks``); none is returned unless one of them looks like a statistic (``_worth_it``)."""
    text = sentence.text
    base = sentence.start
    out = []
    worth = False
    for run_start, run_end in runs:
        start, end = run_start - base, run_end - base
        trail = text[end - 1] in ",."
        if local and inside(local, run_start, run_end - trail):
            continue
        if text[start].isdigit():
            if _no_quantity(text, start, end):
                continue
            worth = worth or _worth_it(low, start, end - trail, stat, True)
        else:
            worth = True  # a currency or percent sign
        out.append(run_start)
    if words:
        for m in NUMBER_WORD.finditer(low):
            before = low[max(0, m.start() - 7):m.start()].split()
            if not inside(local, base + m.start(), base + m.end()) and not (before and before[-1] in REFERENCE):
                out.append(base + m.start())
                worth = worth or m.group() in FRACTIONS or _worth_it(low, m.start(), m.end(), stat, False)
    return out if worth else []


def lowercase(text: str) -> str:
    """The text in lowercase with every offset kept (a few letters grow when lowered: "İ")."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    return lowered
