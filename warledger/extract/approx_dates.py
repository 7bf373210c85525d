"""Dates a report gives only roughly: "in late January", "a week ago", "last month", "earlier this week", "in
February"; and, for what is to come, "next week", "later this month", "at the weekend", "in early April".

``find_approx`` gives each such expression in a range of a text with the day it most likely means and
how many days either side the real day may lie, resolved against the publication date (what is
recalled lies before it); ``find_ahead`` does the same for a meeting planned or proposed (what is to
come lies after it: "next week" is that week's Monday, as the cluster gold dates it). Exact dates are
``dates.py``'s; these serve where a meeting has none, so that it can be told apart from, or joined to,
the meetings near that day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import MONTHS

__all__ = ["ApproxDate", "find_ahead", "find_approx"]


@dataclass(frozen=True, slots=True)
class ApproxDate:
    start: int
    end: int
    day: date     # the most likely day
    spread: int   # days either side of ``day`` the real one may be


_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3,
           "a few": 3}
# the part of a month ("late January", "the end of February", "mid-March") and the day it stands for
_PARTS = {"early": (5, 5), "the start of": (4, 4), "the beginning of": (4, 4), "mid": (15, 5),
          "the middle of": (15, 5), "late": (25, 6), "the end of": (27, 4),
          "the first days of": (3, 3), "the last days of": (28, 3), "the first week of": (4, 3),
          "the second week of": (11, 3), "the third week of": (18, 3), "the last week of": (27, 4),
          "the first half of": (8, 7), "the second half of": (23, 7)}
# a part of a named month ("late January", "the second half of March"), in recollections and plans alike
_PART_OF_MONTH = (r"(?P<part>early|mid-?|late|the\s+(?:start|beginning|middle|end|(?:first|last)\s+days"
                  r"|(?:first|second|third|last)\s+week|(?:first|second)\s+half)\s+of)\s*(?P<mon>" + _MONTH_NAMES
                  + r")\b")
_PATTERN = re.compile(
    r"\b(?:" + _PART_OF_MONTH +
    r"|(?P<count>an?|one|two|three|four|five|six|several|a\s+few)\s+(?P<unit>days?|weeks?|months?)\s+ago\b"
    r"|(?P<last>last|earlier\s+this|this|the\s+previous|the\s+past)\s+(?P<span>week|month)\b"
    # a month alone ("talks in Geneva in February"), not one a day follows ("in February 5" is dates.py's)
    # ... and a second one joined to it ("met twice in Abu Dhabi in January and February")
    r"|\bin\s+(?P<month>" + _MONTH_NAMES + r")\b(?!\s+\d)(?:\s+and\s+(?P<month2>" + _MONTH_NAMES
    + r")\b(?!\s+\d))?)",
    re.IGNORECASE)


def find_approx(text: str, start: int, end: int, published: date | None) -> list[ApproxDate]:
    """The rough dates in ``text[start:end]``, left to right; none without a publication date."""
    if published is None:
        return []
    out = []
    for m in _PATTERN.finditer(text, start, end):
        found = _resolve(m, published)
        if found is not None:
            out.append(ApproxDate(m.start(), m.end("month") if m.group("month2") else m.end(), *found))
        if m.group("month2"):
            out.append(ApproxDate(m.start("month2"), m.end(), *_month_alone(m.group("month2"), published)))
    return out


def _month_alone(name: str, published: date) -> tuple[date, int]:
    """A month named alone: its middle, in the last twelve months, no later than publication."""
    month = MONTHS[name.lower()]
    year = published.year if month <= published.month else published.year - 1
    middle = date(year, month, min(15, calendar.monthrange(year, month)[1]))
    return min(middle, published), 15


def _part(m: re.Match[str]) -> tuple[int, int]:
    """The day and spread of the part of a month a match names (``_PART_OF_MONTH``)."""
    return _PARTS[" ".join(m.group("part").lower().rstrip("-").split())]


def _resolve(m: re.Match[str], published: date) -> tuple[date, int] | None:
    if m.group("month"):
        return _month_alone(m.group("month"), published)  # of the month of publication, no later than it
    if m.group("mon"):
        month = MONTHS[m.group("mon").lower()]
        year = published.year if month <= published.month else published.year - 1  # recalled: before publication
        day, spread = _part(m)
        day = min(day, calendar.monthrange(year, month)[1])
        return date(year, month, day), spread
    if m.group("unit"):
        n = _COUNTS[" ".join(m.group("count").lower().split())]
        unit = m.group("unit").lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30}[unit] * n
        return published - timedelta(days=days), {"day": 1, "week": 3, "month": 10}[unit]
    words = " ".join(m.group("last").lower().split())
    if m.group("span").lower() == "week":
        if words in ("earlier this", "this"):  # between the week's Monday and the day before publication
            monday = published - timedelta(days=published.weekday())
            back = max((published - monday).days, 1)
            return published - timedelta(days=(back + 1) // 2), max(back // 2, 1)
        return published - timedelta(days=7), 3
    if words in ("earlier this", "this"):
        return published.replace(day=max(1, (published.day + 1) // 2)), max(published.day // 2, 1)
    last_month_end = published.replace(day=1) - timedelta(days=1)
    return last_month_end.replace(day=15), 15


_AHEAD = re.compile(
    r"\b(?:" + _PART_OF_MONTH +
    r"|in\s+(?P<month>" + _MONTH_NAMES + r")\b(?!\s+\d)"
    r"|(?P<next>next)\s+(?P<nspan>week|month)\b"
    r"|(?:later|sometime|some\s+time)\s+(?:this|next)?\s*(?P<this>week|month)\b"
    r"|(?:later\s+)?this\s+(?P<rest>week|month)\b"
    r"|(?:before\s+)?the\s+end\s+of\s+(?:the|this)\s+(?P<end>week|month)\b"
    r"|(?:this|at\s+the|on\s+the|over\s+the)\s+(?P<weekend>weekend)\b"
    r"|in\s+the\s+(?:coming|next)\s+(?:few\s+)?(?P<coming>days|weeks)\b)",
    re.IGNORECASE)


def find_ahead(text: str, start: int, end: int, published: date | None) -> list[ApproxDate]:
    """The rough dates in ``text[start:end]`` of something still to come, left to right; none without a
    publication date."""
    if published is None:
        return []
    return [ApproxDate(m.start(), m.end(), *_ahead(m, published)) for m in _AHEAD.finditer(text, start, end)]


def _ahead(m: re.Match[str], published: date) -> tuple[date, int]:
    """The most likely day and spread of a date to come, on or after publication."""
    sunday = published + timedelta(days=6 - published.weekday())
    month_end = published.replace(day=calendar.monthrange(published.year, published.month)[1])
    if m.group("mon") or m.group("month"):
        month = MONTHS[(m.group("mon") or m.group("month")).lower()]
        year = published.year if month >= published.month else published.year + 1  # to come: not before
        if m.group("month"):
            day, spread = 15, 15
        else:
            day, spread = _part(m)
        return max(date(year, month, min(day, calendar.monthrange(year, month)[1])), published), spread
    if m.group("nspan"):
        if m.group("nspan").lower() == "week":
            return sunday + timedelta(days=1), 6  # next week's Monday, as the cluster gold dates it
        first = month_end + timedelta(days=1)
        return first.replace(day=15), 15
    span = (m.group("this") or m.group("rest") or m.group("end") or "").lower()
    if span:
        last = sunday if span == "week" else month_end
        days = (last - published).days
        return published + timedelta(days=(days + 1) // 2), max(days // 2, 1)
    if m.group("weekend"):
        return published + timedelta(days=max(5 - published.weekday(), 0)), 1
    if m.group("coming").lower() == "days":
        return published + timedelta(days=3), 3
    return published + timedelta(days=14), 10
