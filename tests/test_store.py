"""The store contract, run against every database: SQLite always, PostgreSQL when a server is given.

The ``store`` and ``store_url`` fixtures (tests/conftest.py) are parametrised over both databases;
the PostgreSQL variants skip without WARLEDGER_TEST_PG_URL (and fail in CI, WARLEDGER_REQUIRE_PG=1).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warledger.errors import StoreError
from warledger.ledger.records import (
    Claim,
    Event,
    EventFigure,
    EventKind,
    Flag,
    MatchReason,
    Report,
    StoredArticle,
    StoredRejection,
)
from warledger.store import DEFAULT_DB, EventQuery, Store, open_store, parse_store_url
from warledger.store import sql as store_sql
from warledger.store.migrations import MIGRATIONS, Migrations, MigrationTarget
from warledger.store.sql import SqlStore
from warledger.store.sqlite import SqliteStore

INJECTION = "'; DROP TABLE events; --"
# every migration released, in order: a released one is never renamed, reordered or dropped
RELEASED_MIGRATIONS = ["0001_ledger", "0002_article_lookups", "0003_search", "0004_event_order", "0005_diplomacy_days",
                       "0006_updated", "0007_report_dates"]


# -- records for the tests
def article(n: int, text: str = "Russia launched drones at Kyiv.", **changes: Any) -> StoredArticle:
    base = StoredArticle(id=f"a{n}", text_hash=f"h{n}", text=f"{text} ({n})", url=f"https://x.example/{n}",
                         source="Northbank Times", title=f"Title {n}", published="2025-07-09", origin=f"f{n}.txt",
                         story_id=f"a{n}", signature=bytes(range(n % 7, n % 7 + 16)), extraction='{"v": 1}')
    return replace(base, **changes)


def event(id: str, date: str | None, kind: EventKind = EventKind.ATTACK, **changes: Any) -> Event:
    return replace(Event(id=id, kind=kind, date=date), **changes)


def claim(n: int, event_id: str, article_id: str, **changes: Any) -> Claim:
    base = Claim(id=f"c{n}", event_id=event_id, article_id=article_id, measure="launched", what="drone", value=n,
                 qualifier="exact", model="Shahed", place="Kyiv", attributed_to="air force", hedged=False,
                 source="Northbank Times", published="2025-07-09", story_id=article_id, evidence_start=0,
                 evidence_end=5, evidence_text="Russia")
    return replace(base, **changes)


def figure(event_id: str, measure: str = "launched", what: str = "drone", best: int = 10,
           **changes: Any) -> EventFigure:
    base = EventFigure(event_id=event_id, measure=measure, what=what, low=best - 1, best=best, high=best + 1,
                       rule="official_first.v1", conflict=False, flags=(Flag("parts_exceed_total", "3 > 2"),))
    return replace(base, **changes)


def report(event_id: str, article_id: str, item: int = 0, date: str | None = None) -> Report:
    return Report(event_id=event_id, article_id=article_id, item_index=item, reason=MatchReason.SAME_DATE,
                  detail="same attacker, target and date", date=date)


def write_small_ledger(store: Store) -> None:
    """Two articles, one attack event with claims, reports and figures, one rejection."""
    with store.transaction():
        store.add_article(article(1), ["b1", "b2", "b3"])
        store.add_article(article(2), ["b2", "b4"])
        store.put_event(event("e1", "2025-07-09", places=("Kyiv", "Lviv"), attacker="Russia", launched=40))
        store.add_reports([report("e1", "a1"), report("e1", "a2")])
        store.add_claims([claim(1, "e1", "a1"), claim(2, "e1", "a2", value=38)])
        store.put_figures("e1", [figure("e1"), figure("e1", "intercepted", best=30)])
        store.add_rejection(StoredRejection("bad.html", "ingest", "empty", "nothing but whitespace", "2025-07-09T10"))


def snapshot(store: Store) -> dict[str, Any]:
    """Everything the store holds, as records, for comparing two states."""
    events = list(store.iter_events())
    ids = [e.id for e in events]
    articles = [store.get_article(i) for i in ("a1", "a2")]
    return {"counts": store.counts(), "events": events, "claims": store.claims_for(ids),
            "reports": store.reports_for(ids), "figures": store.figures_for(ids), "articles": articles,
            "rejections": store.rejections(), "bands": store.band_candidates(["b1", "b2", "b3", "b4"])}


def table_rows(store: Store, table: str) -> int:
    assert isinstance(store, SqlStore)
    return int(store.query(f"SELECT COUNT(*) FROM {table}")[0][0])


# -- migrations
def test_migrate_twice_applies_nothing_the_second_time(store_url: str) -> None:
    store = open_store(store_url, migrate=False)
    try:
        assert store.pending_migrations() == MIGRATIONS.names() == RELEASED_MIGRATIONS
        assert store.migrate() == RELEASED_MIGRATIONS
        assert store.pending_migrations() == []
        assert store.migrate() == []
        assert store.counts() == dict.fromkeys(("articles", "rejections", "events", "reports", "claims",
                                                "figures"), 0)
    finally:
        store.close()
    reopened = open_store(store_url)   # opened for writing: migrates, and there is nothing to do
    try:
        assert reopened.pending_migrations() == []
        assert reopened.migrate() == []
    finally:
        reopened.close()


def test_a_store_opened_for_writing_applies_pending_migrations(store_url: str) -> None:
    store = open_store(store_url)
    try:
        assert store.pending_migrations() == []
        assert isinstance(store, SqlStore)
        names = [r[0] for r in store.query("SELECT name FROM _warledger_migrations")]
        assert names == RELEASED_MIGRATIONS
    finally:
        store.close()


def test_pending_and_apply_follow_registration_order_and_a_failing_migration_leaves_nothing(
        store: Store) -> None:
    assert isinstance(store, SqlStore)
    steps = Migrations()

    @steps("0001_first")
    def first(db: MigrationTarget) -> None:
        db.execute("CREATE TABLE t_first (x BIGINT)")

    @steps("0002_broken")
    def broken(db: MigrationTarget) -> None:
        db.execute("CREATE TABLE t_broken (x BIGINT)")
        raise RuntimeError("half way")

    assert steps.names() == ["0001_first", "0002_broken"]
    assert steps.pending(store) == ["0001_first", "0002_broken"]
    with pytest.raises(RuntimeError, match="half way"):
        steps.apply(store)
    assert steps.pending(store) == ["0002_broken"]      # the first one stays applied and recorded
    assert store.query(store.dialect.table_exists, ("t_first",))
    assert not store.query(store.dialect.table_exists, ("t_broken",))   # DDL rolled back with it


def test_two_migrations_with_one_name_are_refused() -> None:
    steps = Migrations()
    steps("0001_same")(lambda db: None)
    with pytest.raises(StoreError, match="0001_same"):
        steps("0001_same")(lambda db: None)


# -- writes are idempotent and transactional
def test_writing_the_same_ledger_twice_changes_nothing(store: Store) -> None:
    write_small_ledger(store)
    first = snapshot(store)
    bands = table_rows(store, "article_bands")
    places = table_rows(store, "event_places")
    write_small_ledger(store)
    assert snapshot(store) == first
    assert (table_rows(store, "article_bands"), table_rows(store, "event_places")) == (bands, places)
    assert first["counts"] == {"articles": 2, "rejections": 1, "events": 1, "reports": 2, "claims": 2, "figures": 2}


def test_add_article_twice_keeps_the_first_and_its_bands(store: Store) -> None:
    store.add_article(article(1), ["b1", "b1", "b2"])
    store.add_article(article(1, title="changed"), ["b1", "b2"])
    assert store.get_article("a1") == article(1)
    assert table_rows(store, "article_bands") == 2
    assert store.article_id_for_hash("h1") == "a1"
    assert store.article_id_for_hash("h-unknown") is None
    assert store.get_article("a-unknown") is None


def test_add_rejection_reports_whether_it_was_new(store: Store) -> None:
    r = StoredRejection("feed.xml", "ingest", "malformed_xml", "line 3", "2025-07-09T10:00:00")
    assert store.add_rejection(r) is True
    assert store.add_rejection(replace(r, at="2025-07-10T10:00:00")) is False   # same origin, reason, detail
    assert store.add_rejection(replace(r, detail="line 4")) is True
    assert [x.detail for x in store.rejections()] == ["line 3", "line 4"]
    assert store.rejections()[0] == r


def test_put_event_replaces_the_row_and_its_places(store: Store) -> None:
    store.put_event(event("e1", "2025-07-09", places=("Kyiv", "Odesa")))
    store.put_event(event("e1", "2025-07-09", places=("Kyiv", "Odesa")))
    assert store.counts()["events"] == 1
    store.put_event(event("e1", "2025-07-10", places=("Lviv",), killed=3))
    assert store.get_event("e1") == event("e1", "2025-07-10", places=("Lviv",), killed=3)
    assert store.events(EventQuery(place="Odesa")) == []
    assert [e.id for e in store.events(EventQuery(place="lviv"))] == ["e1"]


def test_reports_claims_and_figures_written_twice_are_kept_once(store: Store) -> None:
    with store.transaction():
        store.add_article(article(1), [])
        store.put_event(event("e1", "2025-07-09"))
        for _ in range(2):
            store.add_reports([report("e1", "a1", 0), report("e1", "a1", 1)])
            store.add_claims([claim(1, "e1", "a1"), claim(2, "e1", "a1")])
            store.put_figures("e1", [figure("e1"), figure("e1", "killed", "civilian", best=2)])
    counts = store.counts()
    assert (counts["reports"], counts["claims"], counts["figures"]) == (2, 2, 2)
    store.put_figures("e1", [figure("e1", best=12)])   # replaces all of the event's figures
    assert store.figures_for(["e1"]) == [figure("e1", best=12)]
    with pytest.raises(StoreError, match="other events"):
        store.put_figures("e1", [figure("e2")])


def test_an_exception_inside_a_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError, match="killed midway"):
        with store.transaction():
            write_small_ledger(store)    # nested: becomes a savepoint of this transaction
            store.put_event(event("e2", "2025-07-10"))
            raise RuntimeError("killed midway")
    assert set(store.counts().values()) == {0}
    assert table_rows(store, "article_bands") == table_rows(store, "event_places") == 0
    write_small_ledger(store)   # the store is usable afterwards
    assert store.counts()["events"] == 1


def test_a_failing_nested_transaction_undoes_only_its_own_writes(store: Store) -> None:
    with store.transaction():
        store.put_event(event("e1", "2025-07-09"))
        with pytest.raises(ValueError):
            with store.transaction():
                store.put_event(event("e2", "2025-07-09"))
                raise ValueError
        store.put_event(event("e3", "2025-07-09"))
    assert [e.id for e in store.iter_events()] == ["e1", "e3"]


def test_a_broken_reference_fails_at_commit_and_leaves_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match=r"(?i)foreign key"):
        with store.transaction():
            store.put_event(event("e1", "2025-07-09"))
            store.add_claims([claim(1, "e1", "no-such-article")])
    assert set(store.counts().values()) == {0}
    store.put_event(event("e1", "2025-07-09"))   # and the connection is fine afterwards
    assert store.counts()["events"] == 1


# -- round trips: record -> store -> record (STYLE C13)
class Undo(Exception):
    """Raised at the end of a round trip so that its transaction rolls back."""


TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["", "'", '"', "''", "\\", "%s", "%(x)s", "?", ":name", INJECTION, "Київ", "Zaporizhzhia\u2019s", "\u00e9\u0301"])
MAYBE_TEXT = st.none() | TEXT
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
FLAGS = st.lists(st.builds(Flag, code=TEXT, detail=TEXT), max_size=3).map(tuple)
TEXTS = st.lists(TEXT, max_size=4).map(tuple)

ARTICLES = st.builds(StoredArticle, id=TEXT, text_hash=TEXT, text=TEXT, url=MAYBE_TEXT, source=MAYBE_TEXT,
                     title=MAYBE_TEXT, published=MAYBE_TEXT, origin=TEXT, story_id=TEXT,
                     signature=st.binary(max_size=64), extraction=TEXT, updated=MAYBE_TEXT)
EVENTS = st.builds(Event, id=TEXT, kind=st.sampled_from(EventKind), date=MAYBE_TEXT, attacker=MAYBE_TEXT,
                   target_country=MAYBE_TEXT, type=MAYBE_TEXT, venue=MAYBE_TEXT, participants=TEXTS, places=TEXTS,
                   flags=FLAGS, launched=st.none() | INT64, intercepted=st.none() | INT64,
                   suppressed=st.none() | INT64, killed=st.none() | INT64, injured=st.none() | INT64)
CLAIMS = st.builds(Claim, id=TEXT, event_id=TEXT, article_id=TEXT, measure=TEXT, what=TEXT, value=INT64,
                   qualifier=TEXT, model=MAYBE_TEXT, place=MAYBE_TEXT, attributed_to=MAYBE_TEXT, hedged=st.booleans(),
                   source=MAYBE_TEXT, published=MAYBE_TEXT, story_id=TEXT, evidence_start=INT64, evidence_end=INT64,
                   evidence_text=TEXT, updated=MAYBE_TEXT)
FIGURES = st.builds(EventFigure, event_id=TEXT, measure=TEXT, what=TEXT, low=INT64, best=INT64, high=INT64, rule=TEXT,
                    conflict=st.booleans(), flags=FLAGS)
ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def round_trip(store: Store, check: Callable[[], None]) -> None:
    """Run ``check`` (writes and reads) in a transaction that is then rolled back."""
    with pytest.raises(Undo):
        with store.transaction():
            check()
            raise Undo


def test_the_strategies_cover_every_field() -> None:
    for record, strategy in ((StoredArticle, ARTICLES), (Event, EVENTS), (Claim, CLAIMS), (EventFigure, FIGURES)):
        assert {f.name for f in fields(record)} <= set(strategy.wrapped_strategy.kwargs), record  # type: ignore


def test_the_column_lists_follow_the_records_fields() -> None:
    for columns, record in ((store_sql.ARTICLE_COLUMNS, StoredArticle), (store_sql.EVENT_COLUMNS, Event),
                            (store_sql.REPORT_COLUMNS, Report), (store_sql.CLAIM_COLUMNS, Claim),
                            (store_sql.FIGURE_COLUMNS, EventFigure), (store_sql.REJECTION_COLUMNS, StoredRejection)):
        assert columns == tuple(f.name for f in fields(record)), record


@ROUND_TRIP
@given(a=ARTICLES, bands=TEXTS)
def test_an_article_round_trips(store: Store, a: StoredArticle, bands: tuple[str, ...]) -> None:
    def check() -> None:
        store.add_article(a, bands)
        assert store.get_article(a.id) == a
        assert store.article_id_for_hash(a.text_hash) == a.id
        if bands:
            assert [(c.id, c.signature, c.published, c.story_id) for c in store.band_candidates(bands)] == [
                (a.id, a.signature, a.published, a.story_id)]
    round_trip(store, check)


@ROUND_TRIP
@given(e=EVENTS)
def test_an_event_round_trips(store: Store, e: Event) -> None:
    def check() -> None:
        store.put_event(e)
        assert store.get_event(e.id) == e
        assert list(store.iter_events()) == [e]
        for place in e.places:
            assert store.events(EventQuery(place=place.upper())) == [e]
    round_trip(store, check)


@ROUND_TRIP
@given(c=CLAIMS)
def test_a_claim_round_trips(store: Store, c: Claim) -> None:
    def check() -> None:
        store.add_claims([c])
        assert store.claims_for([c.event_id]) == [c]
    round_trip(store, check)


@ROUND_TRIP
@given(f=FIGURES)
def test_a_figure_round_trips(store: Store, f: EventFigure) -> None:
    def check() -> None:
        store.put_figures(f.event_id, [f])
        assert store.figures_for([f.event_id]) == [f]
    round_trip(store, check)


# -- reading
DATED = [("e01", "2025-07-01", EventKind.ATTACK, ("Kyiv",)), ("e02", "2025-07-02", EventKind.ATTACK, ("Lviv",)),
         ("e03", "2025-07-02", EventKind.DIPLOMACY, ("Istanbul",)), ("e04", "2025-07-03", EventKind.ATTACK,
                                                                     ("Kyiv", "Odesa")),
         ("e05", "2025-07-05", EventKind.ATTACK, ("Львів",)), ("e06", None, EventKind.ATTACK, ("Kyiv",)),
         ("e00", "2025-07-02", EventKind.ATTACK, ())]


def put_dated_events(store: Store) -> None:
    with store.transaction():
        for id, date, kind, places in DATED:
            store.put_event(event(id, date, kind, places=places))


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_events_are_newest_first_then_by_id_with_undated_last(store: Store) -> None:
    put_dated_events(store)
    assert ids(store.events(EventQuery())) == ["e05", "e04", "e00", "e02", "e03", "e01", "e06"]


def test_events_filter_by_dates_kind_and_place(store: Store) -> None:
    put_dated_events(store)
    assert ids(store.events(EventQuery(since="2025-07-02", until="2025-07-03"))) == ["e04", "e00", "e02", "e03"]
    assert ids(store.events(EventQuery(since="2025-07-04"))) == ["e05"]
    assert ids(store.events(EventQuery(until="2025-07-01"))) == ["e01"]
    assert ids(store.events(EventQuery(kind=EventKind.DIPLOMACY))) == ["e03"]
    assert ids(store.events(EventQuery(place="KYIV"))) == ["e04", "e01", "e06"]
    assert ids(store.events(EventQuery(place="kyiv", since="2025-07-02"))) == ["e04"]
    assert ids(store.events(EventQuery(place="ЛЬВІВ"))) == ["e05"]   # case-insensitive beyond ASCII
    assert ids(store.events(EventQuery(place="Kharkiv"))) == []
    assert ids(store.events_between(EventKind.ATTACK, "2025-07-02", "2025-07-03")) == ["e00", "e02", "e04"]


def test_events_pages_cover_every_event_once(store: Store) -> None:
    put_dated_events(store)
    everything = ids(store.events(EventQuery()))
    pages = [ids(store.events(EventQuery(limit=3, offset=start))) for start in range(0, 9, 3)]
    assert pages == [everything[0:3], everything[3:6], everything[6:9]]
    assert store.events(EventQuery(limit=0)) == []
    with pytest.raises(StoreError, match="negative"):
        store.events(EventQuery(offset=-1))


def test_iter_events_reads_every_event_in_pages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_sql, "PAGE", 2)
    put_dated_events(store)
    assert ids(list(store.iter_events())) == sorted(id for id, *_ in DATED)


def test_timeline_sums_the_headline_numbers_of_each_days_attacks(store: Store) -> None:
    with store.transaction():
        store.put_event(event("a", "2025-07-01", launched=40, intercepted=30, killed=2))
        store.put_event(event("b", "2025-07-01", launched=10, killed=None, injured=5))
        store.put_event(event("c", "2025-07-02", launched=7))
        store.put_event(event("d", "2025-07-03"))
        store.put_event(event("u", None, launched=1000))                      # undated: no day
        store.put_event(event("t", "2025-07-01", EventKind.DIPLOMACY, venue="Istanbul"))
    days = store.timeline(None, None)
    assert [(d.date, d.events, d.launched, d.intercepted, d.suppressed, d.killed, d.injured) for d in days] == [
        ("2025-07-01", 2, 50, 30, None, 2, 5), ("2025-07-02", 1, 7, None, None, None, None),
        ("2025-07-03", 1, None, None, None, None, None)]
    assert [d.date for d in store.timeline("2025-07-02", None)] == ["2025-07-02", "2025-07-03"]
    assert [d.date for d in store.timeline(None, "2025-07-02")] == ["2025-07-01", "2025-07-02"]
    assert [tuple(d) for d in store.diplomacy_days(None, None)] == [("t", "2025-07-01", None, "Istanbul", ())]
    assert store.diplomacy_days("2025-07-02", None) == []


def test_counts_every_table(store: Store) -> None:
    assert store.counts() == {"articles": 0, "rejections": 0, "events": 0, "reports": 0, "claims": 0, "figures": 0}
    write_small_ledger(store)
    assert store.counts() == {"articles": 2, "rejections": 1, "events": 1, "reports": 2, "claims": 2, "figures": 2}


@pytest.mark.parametrize("array_from", [0, 100])
def test_many_ids_are_read_in_chunks(store: Store, monkeypatch: pytest.MonkeyPatch, array_from: int) -> None:
    """In chunks of an IN list; on PostgreSQL, a list longer than ARRAY_FROM as one array."""
    monkeypatch.setattr(store_sql, "CHUNK", 2)
    monkeypatch.setattr(store_sql, "ARRAY_FROM", array_from)
    with store.transaction():
        for n in range(7):
            store.add_article(article(n), [f"band{n}", "shared"])
            store.put_event(event(f"e{n}", "2025-07-09"))
            store.add_reports([report(f"e{n}", f"a{n}")])
            store.add_claims([claim(n, f"e{n}", f"a{n}")])
            store.put_figures(f"e{n}", [figure(f"e{n}")])
    wanted = [f"e{n}" for n in (6, 0, 3, 5, 1, 2, 4, 0)] + ["missing"]
    assert [f.event_id for f in store.figures_for(wanted)] == [f"e{n}" for n in range(7)]
    assert [c.id for c in store.claims_for(wanted)] == [f"c{n}" for n in range(7)]
    assert [r.event_id for r in store.reports_for(wanted)] == [f"e{n}" for n in range(7)]
    assert [c.id for c in store.band_candidates(["shared", "band1", "x", "band2"])] == [f"a{n}" for n in range(7)]
    assert store.figures_for([]) == store.claims_for([]) == store.reports_for([]) == []


def test_neighbours_are_the_events_of_the_window_with_their_bests_and_articles(store: Store) -> None:
    put_dated_events(store)
    with store.transaction():
        for n in (1, 2):
            store.add_article(article(n), [])
        store.add_reports([report("e02", "a1"), report("e02", "a2", 1, "2025-07-02"), report("e02", "a2", 2),
                           report("e03", "a1"), report("e05", "a2")])
        store.put_figures("e02", [figure("e02", best=40), figure("e02", "intercepted", best=35)])
        store.put_figures("e05", [figure("e05", best=7)])
    near = store.neighbours(EventKind.ATTACK, "2025-07-02", "2025-07-03")
    assert ids(near.events) == ids(store.events_between(EventKind.ATTACK, "2025-07-02", "2025-07-03")) \
        == ["e00", "e02", "e04"]
    assert near.bests == {"e00": {}, "e02": {("launched", "drone"): 40, ("intercepted", "drone"): 35}, "e04": {}}
    assert near.articles == {"e00": set(), "e02": {"a1", "a2"}, "e04": set()}
    assert near.dated == {"e02"}  # one of its reports gives the day; e00 and e04 have no report that does
    with store.transaction():   # inside a transaction (a PostgreSQL pipeline) the same
        assert store.neighbours(EventKind.ATTACK, "2025-07-02", "2025-07-03") == near
    talks = store.neighbours(EventKind.DIPLOMACY, "2025-07-01", "2025-07-02")
    assert (talks.articles, talks.dated) == ({"e03": {"a1"}}, set())


def test_sql_in_values_is_stored_and_read_back_literally(store: Store) -> None:
    with store.transaction():
        store.add_article(article(1, text=INJECTION, title=INJECTION, id=INJECTION), [INJECTION])
        store.put_event(event(INJECTION, "2025-07-09", places=(INJECTION,), attacker=INJECTION))
        store.add_claims([claim(1, INJECTION, INJECTION, evidence_text=INJECTION, qualifier="%s ? %(x)s")])
        store.add_rejection(StoredRejection(INJECTION, "ingest", "empty", INJECTION, "now"))
    assert store.get_article(INJECTION) == article(1, text=INJECTION, title=INJECTION, id=INJECTION)
    assert ids(store.events(EventQuery(place=INJECTION))) == [INJECTION]
    assert store.claims_for([INJECTION])[0].evidence_text == INJECTION
    assert store.claims_for([INJECTION])[0].qualifier == "%s ? %(x)s"
    assert store.rejections()[0].origin == INJECTION
    assert store.counts()["events"] == 1   # the table is still there


def test_raw_sql_may_hold_a_literal_percent_sign(store: Store) -> None:
    assert isinstance(store, SqlStore)
    assert store.query("SELECT '100%', ?", ("%s",)) == [("100%", "%s")]


# -- open_store: URL forms and errors
def test_open_store_takes_paths_and_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for url, expected in ((str(tmp_path / "plain.db"), tmp_path / "plain.db"),
                          ("relative.db", tmp_path / "relative.db"),
                          ("sqlite:///sub.db", tmp_path / "sub.db"),
                          (f"sqlite:///{tmp_path / 'absolute.db'}", tmp_path / "absolute.db")):
        store = open_store(url)
        try:
            assert isinstance(store, SqliteStore)
            assert store.pending_migrations() == []
        finally:
            store.close()
        assert expected.is_file(), url
    memory = open_store("sqlite:///:memory:")
    assert isinstance(memory, SqliteStore) and memory.path == ":memory:" and memory.counts()["events"] == 0
    memory.close()
    assert list(tmp_path.glob(":memory:*")) == []


def test_open_store_without_url_uses_warledger_db_then_the_default(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store(environ={"WARLEDGER_DB": str(tmp_path / "from-env.db")}).close()
    assert (tmp_path / "from-env.db").is_file() and not (tmp_path / DEFAULT_DB).exists()
    open_store(environ={"WARLEDGER_DB": ""}).close()
    assert (tmp_path / DEFAULT_DB).is_file()
    monkeypatch.setenv("WARLEDGER_DB", str(tmp_path / "from-os.db"))
    open_store().close()
    assert (tmp_path / "from-os.db").is_file()


@pytest.mark.parametrize("url", ["mysql://u:secret@db/x", "sqlite://", "sqlite:///", "http://x.example/db", "",
                                 "postgresql+psycopg://u:secret@h/db"])
def test_open_store_refuses_other_urls_naming_the_accepted_forms(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite:///") as raised:
        open_store(url)
    assert "postgresql://" in str(raised.value) and "secret" not in str(raised.value)
    assert str(raised.value).startswith("[W400]")


def test_parse_store_url_names_the_database() -> None:
    assert parse_store_url("ledger.db") == ("sqlite", "ledger.db")
    assert parse_store_url("sqlite:////abs/ledger.db") == ("sqlite", "/abs/ledger.db")
    assert parse_store_url("postgres://u@h/db") == ("postgresql", "postgres://u@h/db")
    assert parse_store_url("PostgreSQL://u@h/db") == ("postgresql", "PostgreSQL://u@h/db")
    assert parse_store_url("SQLite:///ledger.db") == ("sqlite", "ledger.db")
    with pytest.raises(StoreError, match=r"\(sqlite://\.\.\.\)"):
        parse_store_url("sqlite://host/ledger.db")


def test_a_sqlite_file_that_cannot_be_opened_gives_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the SQLite database"):
        open_store(str(tmp_path / "no-such-folder" / "ledger.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, " * 100)
    with pytest.raises(StoreError, match="is it a warledger ledger"):
        open_store(str(junk))


def test_an_unreachable_postgresql_server_gives_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as raised:
        open_store("postgresql://someone:sekrit@127.0.0.1:1/ledger")
    assert "sekrit" not in str(raised.value) and "someone:***@127.0.0.1:1" in str(raised.value)


def test_postgresql_urls_open_a_postgres_store(pg_url: str) -> None:
    from warledger.store.postgres import PostgresStore

    for url in (pg_url, "postgres://" + pg_url.removeprefix("postgresql://")):
        store = open_store(url)
        try:
            assert isinstance(store, PostgresStore)
            assert store.pending_migrations() == [] and store.counts()["events"] == 0
        finally:
            store.close()


def test_postgresql_optimize_analyses_the_ledger_only(pg_url: str) -> None:
    # a team database holds other schemas: refreshing the ledger's statistics must not read their tables
    import psycopg

    schema = f"other_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url, autocommit=True) as other:
        other.execute(f"CREATE SCHEMA {schema}")
        other.execute(f"CREATE TABLE {schema}.big (n int)")
        other.execute(f"INSERT INTO {schema}.big SELECT generate_series(1, 1000)")
        store = open_store(pg_url)
        try:
            write_small_ledger(store)
            store.optimize()
            assert isinstance(store, SqlStore)
            ledger = store.query("SELECT current_schema()")[0][0]
            analysed = dict(other.execute(
                "SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname IN (%s, %s)",
                (schema, ledger)).fetchall())
        finally:
            store.close()
            other.execute(f"DROP SCHEMA {schema} CASCADE")
    assert analysed.pop("big") is False
    analysed.pop("_warledger_migrations")  # a dozen rows, never queried in bulk
    assert analysed["events"] and analysed["articles"] and all(analysed.values()), analysed


def test_postgresql_writers_take_turns(pg_url: str) -> None:
    # two processes writing one ledger (a team's ingests, the API's POSTs): the second waits for the
    # first's commit, so its event resolution reads the first one's events
    import threading

    first, second = open_store(pg_url), open_store(pg_url, migrate=False)
    entered, done = threading.Event(), threading.Event()
    seen: list[list[str]] = []

    def write_second() -> None:
        with second.transaction():
            entered.set()
            seen.append([e.id for e in second.iter_events()])
            second.put_event(event("e2", "2025-07-09"))
        done.set()

    try:
        with first.transaction():
            first.put_event(event("e1", "2025-07-09"))
            worker = threading.Thread(target=write_second)
            worker.start()
            assert not done.wait(0.5), "the second writer did not wait for the first"
        worker.join(10)
        assert done.is_set() and entered.is_set()
        assert seen == [["e1"]]   # it read after the first commit
        assert [e.id for e in first.iter_events()] == ["e1", "e2"]
    finally:
        first.close()
        second.close()


def test_sqlite_runs_with_wal_foreign_keys_and_normal_sync(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "ledger.db")
    try:
        assert store.query("PRAGMA journal_mode") == [("wal",)]
        assert store.query("PRAGMA foreign_keys") == [(1,)]
        assert store.query("PRAGMA synchronous") == [(1,)]
        assert store.query("PRAGMA busy_timeout")[0][0] >= 1000
    finally:
        store.close()


def test_reading_queries_use_indexes(fresh_store: SqliteStore) -> None:
    def plan(sql: str, params: tuple[Any, ...]) -> str:
        return " | ".join(str(row[-1]) for row in fresh_store.query(f"EXPLAIN QUERY PLAN {sql}", params))

    by_place = plan("SELECT id FROM events WHERE id IN (SELECT event_id FROM event_places WHERE place = ?)", ("x",))
    assert "event_places_place" in by_place
    assert "events_kind_date" in plan("SELECT date, COUNT(*) FROM events WHERE kind = ? AND date IS NOT NULL"
                                      " AND date >= ? GROUP BY date", ("attack", "2025-01-01"))
    assert "claims_event" in plan("SELECT id FROM claims WHERE event_id IN (?, ?)", ("a", "b"))
    assert "reports_event" in plan("SELECT event_id FROM reports WHERE event_id IN (?, ?)", ("a", "b"))
    assert "SCAN" not in plan("SELECT a.id FROM article_bands b JOIN articles a ON a.id = b.article_id"
                              " WHERE b.band IN (?, ?)", ("a", "b"))


def test_a_statement_the_server_refuses_fails_its_transaction_and_leaves_nothing(store: Store) -> None:
    # on PostgreSQL the statements inside a transaction are pipelined: the error comes back later
    # than the statement, but still inside the transaction, which rolls back
    assert isinstance(store, SqlStore)
    with pytest.raises(StoreError, match=r"(?i)no_such_table"):
        with store.transaction():
            store.put_event(event("e1", "2025-07-09"))
            store.execute("INSERT INTO no_such_table VALUES (1)")
            store.put_event(event("e2", "2025-07-09"))
    assert set(store.counts().values()) == {0}
    with store.transaction():
        store.put_event(event("e1", "2025-07-09"))
        with pytest.raises(StoreError, match=r"(?i)no_such_table"):
            with store.transaction():   # a savepoint: only its own writes are undone
                store.put_event(event("e2", "2025-07-09"))
                store.execute("INSERT INTO no_such_table VALUES (1)")
        store.put_event(event("e3", "2025-07-09"))
    assert [e.id for e in store.iter_events()] == ["e1", "e3"]
