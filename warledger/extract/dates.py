"""Dates in the text, resolved against the publication date.

A wave's date is the day it ended: "Wednesday night" ends on Thursday, "overnight into
Thursday" is Thursday, "on the night of July 8-9" is July 9. Weekdays and month-days
without a year resolve to the nearest such day on or before publication (news reports
what happened); ``prefer_future`` flips that for announced meetings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .prefilter import IGNORECASE_FOLDS
from .text import Sentence

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
          "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"


class DateKind(StrEnum):
    NIGHT_END = "night_end"    # the named day is the morning the wave ended
    NIGHT_START = "night_start"  # the named day's night: the wave ended the next day
    DAY = "day"                # a named day
    EXPLICIT = "explicit"      # a calendar date
    RELATIVE = "relative"      # yesterday, today, last night, overnight
    ANAPHORA = "anaphora"      # "that night", "the same day": the previous date mentioned


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: DateKind
    day: date | None  # None for ANAPHORA until resolved by the caller


# Order matters: the first pattern to claim a span wins.
_PATTERNS: tuple[tuple[re.Pattern[str], DateKind], ...] = tuple(
    (re.compile(p, re.IGNORECASE), k) for p, k in (
        (rf"\b(?:on\s+)?the\s+night\s+of\s+{_MON}\s+(?P<d1>[0-3]?\d)\s*(?:-|–|to|into)\s*{_DAY}{_YEAR}",
         DateKind.EXPLICIT),
        (rf"\b(?:on\s+)?the\s+night\s+of\s+(?P<d1>[0-3]?\d)\s*(?:-|–|to|into)\s*{_DAY}\s+{_MON}{_YEAR}",
         DateKind.EXPLICIT),
        # "overnight into that Sunday", "on that Friday": the day a date told just before fell on
        (rf"\b(?:(?:overnight|(?:on\s+)?the\s+night|night)\s+(?:into|to|before|leading\s+into)\s+|on\s+)?"
         rf"that\s+{_WD}", DateKind.ANAPHORA),
        (rf"\b(?:overnight|(?:on\s+)?the\s+night|night)\s+(?:into|to|before|leading\s+into)\s+{_WD}",
         DateKind.NIGHT_END),
        # "on the night of 11 April" (an air force usage): the night that ended on that date
        (rf"\b(?:(?:on|in)\s+)?(?:the\s+)?night\s+of\s+(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}{_YEAR}", DateKind.EXPLICIT),
        (rf"\b(?:(?:on|in)\s+)?(?:the\s+)?night\s+of\s+{_MON}\s+{_DAY}\b{_YEAR}", DateKind.EXPLICIT),
        (rf"\b{_WD}\s+(?:night|overnight)\s+(?:into|to)\s+(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|"
         r"Saturday|Sunday)", DateKind.NIGHT_END),
        (rf"\b(?:on\s+)?(?:late\s+)?{_WD}\s+night\b", DateKind.NIGHT_START),
        (rf"\b(?:on\s+)?the\s+night\s+of\s+{_WD}\b", DateKind.NIGHT_START),
        (rf"\b(?:early\s+(?:on\s+)?|(?:late\s+(?:on\s+)?)|overnight\s+(?:on\s+)?|(?:on|last|this|since)\s+)?{_WD}"
         r"(?:\s+(?:morning|afternoon|evening|overnight))?\b", DateKind.DAY),
        (rf"\b(?:on\s+)?{_MON}\s+{_DAY}\b{_YEAR}", DateKind.EXPLICIT),
        (rf"\b(?:on\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}{_YEAR}", DateKind.EXPLICIT),
        (r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b", DateKind.EXPLICIT),
        (r"\b(?:that|the\s+same)\s+(?:night|day|morning|evening)\b|\bon\s+the\s+same\s+day\b",
         DateKind.ANAPHORA),
        (r"\b(?:yesterday|today|tonight|this\s+morning|last\s+night|overnight|earlier\s+today)\b",
         DateKind.RELATIVE),
    ))


def _weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _weekday_on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def _month_day(anchor: date, month: int, day: int, year: int | None, prefer_future: bool) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        guess = date(anchor.year, month, day)
    except ValueError:
        return None
    if prefer_future:
        if guess < anchor - timedelta(days=60):
            try:
                return date(anchor.year + 1, month, day)
            except ValueError:
                return None
        return guess
    if guess > anchor + timedelta(days=2):
        try:
            return date(anchor.year - 1, month, day)
        except ValueError:
            return None
    return guess


def _resolve(groups: dict[str, str | None], matched: str, kind: DateKind, anchor: date | None,
             prefer_future: bool) -> date | None:
    text = matched.lower()
    if kind is DateKind.ANAPHORA:
        return None
    if anchor is None:
        year_text = groups.get("iso") or (groups.get("year") if groups.get("mon") else None)
        if year_text:
            anchor = date(int(year_text[:4]), 1, 1)
        else:
            return None
    if kind is DateKind.RELATIVE:
        return anchor - timedelta(days=1) if "yesterday" in text else anchor
    iso, mon, day_text, year_text = groups.get("iso"), groups.get("mon"), groups.get("day"), groups.get("year")
    if iso:
        try:
            return date.fromisoformat(iso)
        except ValueError:
            return None
    if mon and day_text:
        return _month_day(anchor, MONTHS[mon.lower().rstrip(".")], int(day_text),
                          int(year_text) if year_text else None, prefer_future)
    wd_name = groups.get("wd2") or next((g for g in (groups.get("wd"),) if g), None)
    if wd_name is None:
        # patterns with several alternatives name the weekday group once; find it in the text
        wd_name = next((w for w in WEEKDAYS if w in text), None)
    if wd_name is None:
        return None
    weekday = WEEKDAYS.index(wd_name.lower())
    pick = _weekday_on_or_after if prefer_future else _weekday_on_or_before
    day = pick(anchor, weekday)
    if kind is DateKind.NIGHT_START:
        day += timedelta(days=1)
    return day


# Every pattern above contains one of these anchors. The big alternation is tried only at the
# word starts just before an anchor: scanning whole sentences with it costs ~200 us each.
_HINT = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?i:night|yesterday|today|morning|evening)"
                   r"|same day|that day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
                   r"|\d\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d\d"
                   r"|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY")
# _HINT with a literal first character in every alternative (the same alternatives in the same order at
# each first character), so ``re`` skips in C the characters no anchor starts with. Its ``[0-9]`` first
# characters stand for ``\d``: texts with other decimal digits ("٣") are scanned with _HINT itself.
_ANCHOR_WORDS = ("night", "yesterday", "today", "morning", "evening")  # _HINT's (?i:...) words
_MONTH_ALTERNATION = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_FAST_HINT = re.compile("|".join([
    *(f"{w}day" for w in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")),
    *(f"{c}(?i:{w[1:]})" for w in _ANCHOR_WORDS for c in (w[0], w[0].upper())),  # no letter folds to these
    "same day", "that day",
    *(rf"{m}[a-z]*\.?\s+\d" for m in _MONTH_ALTERNATION[3:-1].split("|")),
    *(rf"{d}\s+(?:of\s+)?{_MONTH_ALTERNATION}" for d in "0123456789"),
    *(rf"{d}\d{{3}}-\d\d" for d in "0123456789"),
    *(f"{w}DAY" for w in ("MON", "TUES", "WEDNES", "THURS", "FRI", "SATUR", "SUN")),
]))
_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit other than 0-9
# A word start where a date expression can begin: its first word is one of these (or a digit); at other
# word starts _ALL cannot match, so it is not tried there (the same letters and flags: the same case folding).
_FIRST_WORDS = ("on\\b", "in\\b", "the", "over", "night", "late", "early", "last", "this", "since", "that", "yesterday",
                "today", "tonight", "earlier", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar",
                "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WORD_START = re.compile(rf"\b(?=(?:{'|'.join(_FIRST_WORDS)}|\d))", re.IGNORECASE)
# _WORD_START with a literal first character in every alternative: each letter that re.IGNORECASE equates
# with the word's first letter, then "not after a word character" for the "\b" (0-9: as in _FAST_HINT).
# A match spans the first word's letters rather than none; only its start is used.
_CASES = {"i": "iIİı", "s": "sSſ"}  # the first letters with folds beyond their capital
_FAST_WORD_START = re.compile("|".join(
    [rf"{c}(?<!\w.)(?i:{w[1:]})" for w in _FIRST_WORDS for c in _CASES.get(w[0], w[0] + w[0].upper())]
    + [rf"{d}(?<!\w.)" for d in "0123456789"]))
_REACH = 45  # how far before its anchor a date expression may start ("on the night of July 8-9")


def _renamed(pattern: str, n: int) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}_{n}>", pattern)


_ALL = re.compile("|".join(f"(?P<k{n}>{_renamed(p.pattern, n)})" for n, (p, _) in enumerate(_PATTERNS)),
                  re.IGNORECASE)


# The named groups of each pattern in _ALL: their names in _PATTERNS, their positions in ``Match.groups()``.
_GROUPS = [tuple((k[:-len(f"_{n}")], i - 1) for k, i in _ALL.groupindex.items() if k.endswith(f"_{n}"))
           for n in range(len(_PATTERNS))]

# Every anchor holds "day", "night", "morning" or "evening" in any case, a month's capitalised
# abbreviation or four digits and a hyphen. Letters that re.IGNORECASE matches with ASCII ones
# ("ı", "İ", "ſ") send the text to the full scan.
_MONTH_ABBREVIATIONS = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # literals: a fast scan


def _may_hold_anchor(text: str) -> bool:
    """False when _HINT cannot match: decided with substring tests in C (most sentences name no date)."""
    low = text.lower()
    return "day" in low or "night" in low or "morning" in low or "evening" in low \
        or _MONTH_ABBREVIATIONS.search(text) is not None or _iso_like(text) \
        or IGNORECASE_FOLDS.search(text) is not None


def _iso_like(text: str) -> bool:
    """A hyphen after four digits ("2026-02-04"); ``isdigit`` takes every ``\\d`` and a few more."""
    hyphen = text.find("-", 4)
    while hyphen != -1:
        if text[hyphen - 4:hyphen].isdigit():
            return True
        hyphen = text.find("-", hyphen + 1)
    return False


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of _ALL, left to right, found from the anchors."""
    if not _may_hold_anchor(text):
        return
    # _FAST_HINT and _FAST_WORD_START find what _HINT and _WORD_START find unless other digits than 0-9 occur
    fast = text.isascii() or _OTHER_DIGIT.search(text) is None
    word_starts = _FAST_WORD_START if fast else _WORD_START
    pos = 0
    for found in (_FAST_HINT if fast else _HINT).finditer(text):
        hint = found.start()
        if hint < pos:
            continue
        for word in word_starts.finditer(text, max(pos, hint - _REACH)):
            if word.start() > hint:
                break
            m = _ALL.match(text, word.start())
            if m is not None and m.end() > hint:
                yield m
                pos = m.end()
                break


def find_dates(text: str, offset: int, anchor: date | None, *,
               prefer_future: bool = False) -> tuple[DateMention, ...]:
    """Date mentions in ``text`` (a sentence starting at ``offset`` in the article), left to right."""
    out: list[DateMention] = []
    for m in _matches(text):
        n = int(m.lastgroup[1:]) if m.lastgroup else -1
        if n < 0:
            continue
        kind = _PATTERNS[n][1]
        values = m.groups()
        groups = {name: values[i] for name, i in _GROUPS[n] if values[i] is not None}
        if kind is DateKind.DAY and not (groups.get("wd") or "")[:1].isupper():
            continue  # "may" the verb, lowercase weekdays in headlines' slugs
        if kind is DateKind.EXPLICIT and groups.get("mon") and not groups["mon"][:1].isupper():
            continue
        day = _resolve(groups, m.group(), kind, anchor, prefer_future)
        if day is None and kind is not DateKind.ANAPHORA:
            continue
        out.append(DateMention(offset + m.start(), offset + m.end(), kind, day))
    return _dated_weekdays(text, offset, out) if len(out) > 1 else tuple(out)


WEEKDAY_KINDS = frozenset({DateKind.NIGHT_END, DateKind.NIGHT_START, DateKind.DAY})


def _dated_weekdays(text: str, offset: int, found: list[DateMention]) -> tuple[DateMention, ...]:
    """"overnight into Tuesday, January 20": a calendar date right after a weekday is that weekday's date,
    so it picks the week (the nearest Tuesday before publication may be a later one)."""
    out = list(found)
    for i, (m, e) in enumerate(itertools.pairwise(found)):
        if m.kind not in WEEKDAY_KINDS or e.kind is not DateKind.EXPLICIT or m.day is None or e.day is None \
                or text[m.end - offset:e.start - offset].strip() not in ("", ","):
            continue
        shift = timedelta(days=1 if m.kind is DateKind.NIGHT_START else 0)
        if (m.day - shift - e.day).days % 7 == 0:
            out[i] = DateMention(m.start, m.end, m.kind, e.day + shift)
    return tuple(out)


def sentence_dates(sentence: Sentence, anchor: date | None) -> tuple[DateMention, ...]:
    """``find_dates`` for a sentence, computed once per sentence of an article."""
    found = sentence.memo.get("dates")
    if found is None:
        found = sentence.memo["dates"] = find_dates(sentence.text, sentence.start, anchor)
    return found  # type: ignore[return-value]
