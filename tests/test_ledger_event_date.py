"""An event's date from its reports (warledger/ledger/event_date.py), and through ingest."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from warledger.ledger.event_date import DATE_FLAG, event_date
from warledger.ledger.records import MatchReason, Report
from warledger.ledger.runner import ingest
from warledger.settings import Settings
from warledger.store import open_store


def report(article: str, date: str | None, item: int = 0) -> Report:
    return Report("A-2025-07-09-RU-UA", article, item, MatchReason.SAME_DATE, "", date)


def test_the_day_most_articles_give_is_the_events_date() -> None:
    day, flag = event_date("2025-07-10", [report("a", "2025-07-09"), report("b", "2025-07-09"),
                                          report("c", "2025-07-10")])
    assert day == "2025-07-09"
    assert flag is not None and flag.code == DATE_FLAG
    assert "2 on 2025-07-09" in flag.detail and "1 on 2025-07-10" in flag.detail


def test_agreeing_reports_raise_no_flag_and_undated_ones_do_not_vote() -> None:
    assert event_date("2025-07-09", [report("a", "2025-07-09"), report("b", None), report("c", None)]) == \
        ("2025-07-09", None)
    assert event_date("2025-07-09", [report("a", None)]) == ("2025-07-09", None)
    assert event_date(None, []) == (None, None)


def test_a_tie_keeps_the_current_date_else_takes_the_earliest() -> None:
    two_ways = [report("a", "2025-07-09"), report("b", "2025-07-10")]
    assert event_date("2025-07-10", two_ways)[0] == "2025-07-10"
    assert event_date("2025-07-11", two_ways)[0] == "2025-07-09"


def test_an_article_votes_once() -> None:
    # one article's two items on the event (its first one counts) against two other articles
    reports = [report("a", "2025-07-10", 0), report("a", "2025-07-10", 1), report("b", "2025-07-09"),
               report("c", "2025-07-09")]
    assert event_date("2025-07-10", reports)[0] == "2025-07-09"


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.none() | st.sampled_from(["2025-07-08", "2025-07-09"])),
                max_size=8), st.none() | st.sampled_from(["2025-07-08", "2025-07-09", "2025-07-10"]))
def test_the_date_is_a_reported_day_or_the_current_one(votes: list[tuple[str, str | None]],
                                                       current: str | None) -> None:
    reports = [report(article, day, i) for i, (article, day) in enumerate(votes)]
    day, flag = event_date(current, reports)
    given_days = {r.date for r in reports if r.date is not None}
    assert day in given_days or (not given_days and day == current)
    first_of_each: dict[str, str | None] = {}
    for r in reports:
        if r.date is not None:
            first_of_each.setdefault(r.article_id, r.date)
    assert (flag is not None) == (len(set(first_of_each.values())) > 1)
    assert event_date(current, list(reversed(reports))) == (day, flag)


ARTICLES = [
    # two outlets date the night by the morning it ended, a third by the evening it began
    {"id": "morning-1", "published": "2025-07-09T09:00:00+03:00", "source": "Dawn Wire",
     "text": "Russia launched 412 drones and 18 missiles at Ukraine overnight into Wednesday, the air force "
             "said. Air defences shot down 390 of the drones."},
    {"id": "evening-1", "published": "2025-07-09T11:00:00+03:00", "source": "Evening Ledger",
     "text": "Russia launched 412 drones and 18 missiles at Ukraine late on Tuesday, the air force said."},
    {"id": "morning-2", "published": "2025-07-09T13:00:00+03:00", "source": "Harbour Post",
     "text": "Overnight into Wednesday Russia attacked Ukraine with 412 drones and 18 missiles, the air "
             "force reported."},
]


def test_ingest_dates_an_event_by_most_of_its_reports(tmp_path: Path) -> None:
    (tmp_path / "night.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        ingest([str(tmp_path / "night.jsonl")], store, settings=Settings())
        events = list(store.iter_events())
        assert len(events) == 1, [(e.id, e.date) for e in events]
        assert events[0].date == "2025-07-09"
        assert [f.code for f in events[0].flags if f.code == DATE_FLAG] == [DATE_FLAG]
        assert sorted(r.date or "" for r in store.reports_for([events[0].id])) == \
            ["2025-07-08", "2025-07-09", "2025-07-09"]
    finally:
        store.close()
