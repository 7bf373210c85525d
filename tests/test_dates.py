from datetime import date

import pytest

from warledger.extract.dates import DateKind, find_dates


def resolve(text: str, published: str, **kw) -> list[tuple[str, str]]:
    return [(text[d.start:d.end], str(d.day)) for d in find_dates(text, 0, date.fromisoformat(published), **kw)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the morning after "Wednesday night" is Thursday
    ("On Wednesday night, drones hit Kyiv.", "2025-08-29", [("On Wednesday night", "2025-08-28")]),
    ("a barrage overnight into Thursday", "2025-08-21", [("overnight into Thursday", "2025-08-21")]),
    # a weekday equal to the publication day is that day, not a week back
    ("drones struck on Thursday", "2025-08-21", [("on Thursday", "2025-08-21")]),
    ("late on Sunday a missile hit Sumy", "2026-02-24", [("late on Sunday", "2026-02-22")]),
    ("early Monday", "2026-01-27", [("early Monday", "2026-01-26")]),
    ("on June 27 the city was hit", "2025-07-01", [("on June 27", "2025-06-27")]),
    ("on the night of July 8-9", "2025-07-10", [("on the night of July 8-9", "2025-07-09")]),
    ("on the night of 8 to 9 July", "2025-07-10", [("on the night of 8 to 9 July", "2025-07-09")]),
    ("the Dec. 29 strike", "2026-01-09", [("Dec. 29", "2025-12-29")]),
    ("since Feb. 24, 2022", "2026-01-09", [("Feb. 24, 2022", "2022-02-24")]),
    ("yesterday's attack", "2026-01-09", [("yesterday", "2026-01-08")]),
    ("It may 5 times", "2026-01-09", []),
])
def test_dates_resolve_against_publication(text, published, expected):
    assert resolve(text, published) == expected


def test_future_preference_for_announced_meetings():
    assert resolve("talks on Thursday", "2026-02-16", prefer_future=True) == [("on Thursday", "2026-02-19")]


def test_anaphora_is_left_for_the_caller():
    (d,) = find_dates("on the same day", 0, date(2026, 2, 27))
    assert d.kind is DateKind.ANAPHORA and d.day is None


def test_without_publication_only_full_dates_resolve():
    found = find_dates("on Monday, and on March 3, 2025", 0, None)
    assert [str(d.day) for d in found] == ["2025-03-03"]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a calendar date right after a weekday names that weekday's week, not the nearest one
    ("the heaviest raid came overnight into Tuesday, March 3.", "2026-03-16",
     [("overnight into Tuesday", "2026-03-03"), ("March 3", "2026-03-03")]),
    ("on Monday night, March 2, drones flew in", "2026-03-16",
     [("on Monday night", "2026-03-03"), ("March 2", "2026-03-02")]),
    # a date of another weekday leaves the weekday as it was
    ("on Friday, March 3", "2026-03-16", [("on Friday", "2026-03-13"), ("March 3", "2026-03-03")]),
])
def test_a_date_after_a_weekday_fixes_its_week(text, published, expected):
    assert resolve(text, published) == expected


def test_that_weekday_refers_back_to_the_date_told_before():
    (d,) = find_dates("overnight into that Friday", 0, date(2026, 3, 20))
    assert d.kind is DateKind.ANAPHORA and d.day is None
