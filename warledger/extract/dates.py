"""Dates in the text, resolved against the publication date.

A wave's date is the day it ended: "Wednesday night" ends on Thursday, "overnight into
Thursday" is Thursday, "on the night of July 8-9" is July 9. Weekdays and month-days
without a year resolve to the nearest such day on or before publication (news reports
what happened); ``prefer_future`` flips that for announced meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

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
        (rf"\b(?:overnight|(?:on\s+)?the\s+night|night)\s+(?:into|to|before|leading\s+into)\s+{_WD}",
         DateKind.NIGHT_END),
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


def _resolve(m: re.Match[str], kind: DateKind, anchor: date | None, prefer_future: bool) -> date | None:
    groups = m.groupdict()
    text = m.group().lower()
    if kind is DateKind.ANAPHORA:
        return None
    if anchor is None:
        if groups.get("iso") or (groups.get("mon") and groups.get("year")):
            anchor = date(int((groups.get("iso") or groups["year"])[:4]), 1, 1)
        else:
            return None
    if kind is DateKind.RELATIVE:
        return anchor - timedelta(days=1) if "yesterday" in text else anchor
    if groups.get("iso"):
        try:
            return date.fromisoformat(groups["iso"])
        except ValueError:
            return None
    if groups.get("mon"):
        year = int(groups["year"]) if groups.get("year") else None
        return _month_day(anchor, MONTHS[groups["mon"].lower().rstrip(".")], int(groups["day"]), year,
                          prefer_future)
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


# every pattern above needs one of these; most sentences have none and skip the eleven patterns
_HINT = re.compile(r"day\b|night|morning|evening|overnight|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                   r"|\d{4}-\d\d", re.IGNORECASE)


def find_dates(text: str, offset: int, anchor: date | None, *, prefer_future: bool = False) -> list[DateMention]:
    """Date mentions in ``text`` (a sentence starting at ``offset`` in the article), left to right."""
    if _HINT.search(text) is None:
        return []
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind is DateKind.DAY and not m.group("wd")[0].isupper():
                continue
            if kind is DateKind.EXPLICIT and m.groupdict().get("mon") and not m.group("mon")[0].isupper():
                continue
            day = _resolve(m, kind, anchor, prefer_future)
            if day is None and kind is not DateKind.ANAPHORA:
                continue
            taken.append((s, e))
            out.append(DateMention(offset + s, offset + e, kind, day))
    out.sort(key=lambda d: d.start)
    return out
