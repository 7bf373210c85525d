"""Rough dates (warledger.extract.approx_dates): "in late January", "a week ago", "last month".

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from warledger.extract.approx_dates import find_ahead, find_approx

PUBLISHED = date(2026, 2, 14)  # a Saturday


@pytest.mark.parametrize(("text", "day", "spread"), [
    ("The first round, held in late January, ended without a deal.", date(2026, 1, 25), 6),
    ("Envoys met in early February and again later.", date(2026, 2, 5), 5),
    ("Talks in mid-January went nowhere.", date(2026, 1, 15), 5),
    ("By the end of December the plan was ready.", date(2025, 12, 27), 4),   # a month after publication's: last year
    ("The two leaders spoke a week ago.", date(2026, 2, 7), 3),
    ("The envoys were in Moscow two weeks ago.", date(2026, 1, 31), 3),
    ("They met three days ago in Doha.", date(2026, 2, 11), 1),
    ("Negotiators met in Geneva last week.", date(2026, 2, 7), 3),
    ("The ministers spoke earlier this week.", date(2026, 2, 11), 2),
    ("The summit last month set up a working group.", date(2026, 1, 15), 15),
    ("Delegations held talks in Geneva in November.", date(2025, 11, 15), 15),
    ("The envoys were in Abu Dhabi in February as well.", date(2026, 2, 14), 15),  # not after publication
    ("They met again in the first days of February.", date(2026, 2, 3), 3),
    ("A round in the last days of January was cut short.", date(2026, 1, 28), 3),
    ("The delegations sat down in the second half of January.", date(2026, 1, 23), 7),
    ("The envoys flew out in the first half of January.", date(2026, 1, 8), 7),
    ("Talks resumed in the first week of February.", date(2026, 2, 4), 3),
    ("The ministers met in the last week of January.", date(2026, 1, 27), 4),
    ("The delegations met in Geneva this week.", date(2026, 2, 11), 2),   # Monday 9 to Friday 13 February
])
def test_a_rough_date_is_the_day_it_most_likely_means(text: str, day: date, spread: int) -> None:
    found, = find_approx(text, 0, len(text), PUBLISHED)
    assert (found.day, found.spread) == (day, spread)
    assert text[found.start:found.end].split()[-1].lower() in text.lower()


@pytest.mark.parametrize("text", [
    "They met on January 23 in Abu Dhabi.",   # an exact date: dates.py's
    "The late president's plan was revived.",   # "late" before no month
    "Talks are due next week.",                 # ahead, not recalled
    "They met in Riyadh in March 2025 and on February 3.",  # a month with its year or day: dates.py's
])
def test_no_rough_date_where_none_is_given(text: str) -> None:
    assert find_approx(text, 0, len(text), PUBLISHED) == []


def test_without_a_publication_date_nothing_is_dated() -> None:
    text = "The first round, in late January, ended without a deal."
    assert find_approx(text, 0, len(text), None) == []


def test_two_months_joined_are_two_rough_dates() -> None:
    text = "The delegations met twice in Abu Dhabi in January and February."
    found = find_approx(text, 0, len(text), date(2026, 3, 25))
    assert [(text[d.start:d.end], d.day.isoformat()) for d in found] == [
        ("in January", "2026-01-15"), ("February", "2026-02-15")]


# -- what is to come: ``find_ahead``, for a meeting planned or proposed (published on Saturday 14 February 2026)
@pytest.mark.parametrize(("text", "day", "spread"), [
    ("The envoys will meet both delegations in Istanbul next week.", date(2026, 2, 16), 6),  # that week's Monday
    ("Talks are due later this month.", date(2026, 2, 21), 7),
    ("The leaders are expected to speak before the end of the week.", date(2026, 2, 15), 1),
    ("Umerov is due in Miami at the weekend.", date(2026, 2, 14), 1),
    ("A summit is planned for next month.", date(2026, 3, 15), 15),
    ("A fourth round is pencilled in for early March.", date(2026, 3, 5), 5),
    ("The ministers will meet again in January.", date(2027, 1, 15), 15),  # a month gone by: next year's
    ("Both sides expect to sit down in the coming days.", date(2026, 2, 17), 3),
])
def test_a_rough_date_to_come_is_the_day_it_most_likely_means(text: str, day: date, spread: int) -> None:
    found, = find_ahead(text, 0, len(text), PUBLISHED)
    assert (found.day, found.spread) == (day, spread)
    assert found.day >= PUBLISHED


def test_nothing_to_come_is_dated_without_a_publication_date() -> None:
    text = "The envoys will meet both delegations in Istanbul next week."
    assert find_ahead(text, 0, len(text), None) == []
