"""Where in a sentence a statistic may be, decided on its characters before it is tokenized.

Most sentences of an article hold no statistic. One compiled regex finds digits and signs, one
set test finds number words; a digit run that is a year, a date, a time of day, an age, an ordinal
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

# the cheap pre-checks on a sentence's text: a digit or sign, else (lowercased) a number or fraction word
SIGN = re.compile(r"[\d$€£%]")
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
FRACTION_CUE = re.compile(r"[Hh]alf|[Tt]hird|[Qq]uarter|[Ff]ifth")
NOT_AFTER_DIGITS = frozenset({"th ", "st ", "nd ", "rd ", "th,", "th.", "-ye", "-mo", "-st", "-po"})
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
LASTING_CUES = frozenset({"for", "lasted", "lasting", "lasts", "last", "spent", "spend"})
RATE_CUES = frozenset({"a", "per", "each", "every"})
TRUCES = frozenset({"ceasefire", "truce", "pause", "moratorium", "calm", "mourning", "silence", "halt", "deadline",
                    "ultimatum"})


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def _no_quantity(text: str, start: int, end: int) -> bool:
    """A digit run that is a year, a date, a time of day, an age, an ordinal or part of a model name
    ("Kh-101", "Tu-95MS"): the cheap character-level twin of ``_is_name_or_time``."""
    g = text[start:end - 1] if text[end - 1] in ",." else text[start:end]
    if len(g) == 4 and g[:2] in ("19", "20"):
        return True
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    if after in (":", "/") or before in (":", "/") or g.count(".") > 1:
        return True
    if before == "-" and start > 1 and text[start - 2].isalnum():
        return True  # "Kh-101", "2022-23", "3-4 July"
    if after in ("t", "s", "n", "r", "-") and text[end:end + 3].lower() in NOT_AFTER_DIGITS:
        return True  # "20th", "6-year-old", "12-storey", "20-point"
    if before == " " and text[max(0, start - 11):start - 1].rsplit(" ", 1)[-1].rstrip(".").lower() in MONTHS:
        return True  # "Feb. 5"
    if after == " ":
        word = text[end + 1:end + 11].split(" ", 1)[0].rstrip(".,").lower()
        return word in MONTHS or (word == "of" and text[end + 4:end + 14].split(" ", 1)[0].rstrip(".,").lower()
                                  in MONTHS)
    return False


def _worth_it(low: str, start: int, end: int, stat: StatRules, digits: bool) -> bool:
    """Whether the number at ``low[start:end]`` may be a statistic, from the words around it: a unit, a
    counted noun or a scale word among the next few words ("447 emergency generators"), a verb that
    continues a count ("and 900 wounded"), nothing at all after digits ("exceeds 30,000."), a span
    of time that measures something ("for six hours"), or a phrase before it that names what it
    counts ("population of", "army at", "Mach")."""
    tail = low[end:end + 48]
    if digits and (not tail.strip() or tail.lstrip()[:1] in BARE_END):
        return True
    before = low[max(0, start - 24):start].split()
    words = tail.replace("-", " ").replace(",", " ").split()[:6]
    for k, word in enumerate(words):
        plain = word.strip("\"'“”‘’«»[]")
        bare = plain.rstrip(".;:)!?")
        if bare in stat.gate_words:
            return True
        if bare in stat.duration_words:
            after = [*words[k + 1:k + 3], "", ""]
            return not LASTING_CUES.isdisjoint(before[-3:]) or after[0] in RATE_CUES or after[0] in TRUCES \
                or (after[0] == "of" and after[1] in TRUCES)
        if plain[-1:] in (".", ";", ":", ")", "!", "?") or plain[:1] == "(":
            break  # the clause ends
    return bool(before) and before[-1] in stat.gate_before


def spots(sentence: Sentence, local: Sequence[tuple[int, int]], lowered: str, stat: StatRules) -> list[int]:
    """Where a statistic may be (character offsets): digits, signs and number words that are neither
    inside an attack figure nor a year, a date, a time of day, an age or a model name. One regex and
    one set test pass over most sentences; none is returned unless one of them looks like a
    statistic (``_worth_it``)."""
    text = sentence.text
    base = sentence.start
    low = lowered[base:sentence.end]
    out = []
    worth = False
    if SIGN.search(text) is not None:
        for m in DIGIT.finditer(text):
            start, end = m.span()
            if local and inside(local, base + start, base + end - (text[end - 1] in ",.")):
                continue
            if text[start].isdigit():
                if _no_quantity(text, start, end):
                    continue
                worth = worth or _worth_it(low, start, end - (text[end - 1] in ",."), stat, True)
            else:
                worth = True  # a currency or percent sign
            out.append(base + start)
    if not NUMBER_WORDS.isdisjoint(low.replace("-", " ").split()):
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
