"""Ingest commits in batches: what another connection sees and when, and what an error keeps,
on SQLite and (when a server is given) PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from warledger.errors import ConfigError, StoreError
from warledger.ledger.batches import WriteBatches
from warledger.ledger.records import StoredRejection
from warledger.ledger.runner import ingest
from warledger.settings import Settings, load_settings
from warledger.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "ledger" / "articles"


def _rejection(n: int) -> StoredRejection:
    return StoredRejection(origin=f"in-{n}.txt", stage="read", reason="empty", detail=f"item {n}",
                           at="2025-08-28T00:00:00+00:00")


def _seen(url: str) -> int:
    """The rejections another connection sees (committed ones only)."""
    reader = open_store(url, migrate=False)
    try:
        return len(reader.rejections())
    finally:
        reader.close()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_batch_is_committed_when_full_and_not_before(store: Store, store_url: str) -> None:
    with WriteBatches(store, articles=3, seconds=60, clock=Clock()) as batches:
        for n in range(5):
            batches.begin()
            with store.transaction():
                store.add_rejection(_rejection(n))
            batches.done()
            assert _seen(store_url) == (3 if n >= 2 else 0)
    assert _seen(store_url) == 5  # leaving the block commits the rest
    assert batches.commits == 2


def test_a_batch_is_committed_when_old(store: Store, store_url: str) -> None:
    clock = Clock()
    with WriteBatches(store, articles=100, seconds=1.0, clock=clock) as batches:
        batches.begin()
        store.add_rejection(_rejection(0))
        clock.now = 0.5
        batches.done()
        assert _seen(store_url) == 0
        batches.begin()
        store.add_rejection(_rejection(1))
        clock.now = 1.0
        batches.done()
        assert _seen(store_url) == 2


class FailingStore:
    """The store, with ``add_claims`` failing on the ``fail_on``-th call (``failed``: whose claims)."""

    def __init__(self, store: Store, fail_on: int) -> None:
        self._store = store
        self._calls = 0
        self._fail_on = fail_on
        self.failed: str | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def add_claims(self, claims: Any) -> None:
        self._calls += 1
        if self._calls == self._fail_on:
            self.failed = claims[0].article_id
            raise StoreError("disk full (test)")
        self._store.add_claims(claims)


def test_an_error_keeps_the_articles_before_it_and_nothing_of_the_failing_one(store: Store, store_url: str) -> None:
    failing = FailingStore(store, fail_on=4)
    with pytest.raises(StoreError, match="disk full"):
        ingest([str(ARTICLES)], failing, settings=Settings(ingest_batch_articles=100))  # type: ignore[arg-type]
    assert failing.failed is not None
    reader = open_store(store_url, migrate=False)
    try:
        kept = reader.counts()["articles"]
        assert kept >= 3, "the articles stored before the error are committed"
        assert reader.get_article(failing.failed) is None
        assert reader.reports_by_article([failing.failed]) == []
    finally:
        reader.close()
    summary = ingest([str(ARTICLES)], store, settings=Settings())  # the same input again completes the ledger
    assert summary.articles_new + kept == store.counts()["articles"] == 44


@pytest.mark.parametrize(("name", "value"), [("ingest_batch_articles", "0"), ("ingest_batch_seconds", "-1")])
def test_a_batch_setting_below_its_minimum_is_refused(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings(overrides={name: value}, environ={})


def test_batches_refuse_an_empty_batch(store: Store) -> None:
    with pytest.raises(ValueError):
        WriteBatches(store, articles=0)
