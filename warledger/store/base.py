"""The store contract: what the ledger and the readers need from a database.

``SqliteStore`` (the default, one file) and ``PostgresStore`` implement it with the same SQL
(warledger/store/sql.py); the contract tests in tests/test_store.py run against both.
Writes happen inside ``transaction()``: all of an article's rows commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from ..ledger.records import Claim, Event, EventFigure, EventKind, Report, StoredArticle, StoredRejection


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored article sharing MinHash bands with a new one."""

    id: str
    signature: bytes
    published: str | None
    story_id: str


@dataclass(frozen=True, slots=True)
class DayTotal:
    """One row of the timeline: a day's attack events and the sums of their headline numbers
    (Event.launched ... Event.injured; None where no event of the day has the number)."""

    date: str
    events: int
    launched: int | None
    intercepted: int | None
    suppressed: int | None
    killed: int | None
    injured: int | None


@dataclass(frozen=True, slots=True)
class EventQuery:
    since: str | None = None      # ISO dates, inclusive
    until: str | None = None
    kind: EventKind | None = None
    place: str | None = None      # a place name as stored (case-insensitive)
    limit: int = 100
    offset: int = 0


class Store(Protocol):
    url: str

    # -- lifecycle
    def migrate(self) -> list[str]:
        """Apply pending migrations in order; the names applied."""
    def pending_migrations(self) -> list[str]: ...
    def transaction(self) -> AbstractContextManager[None]:
        """Everything written inside commits together; an exception rolls it all back."""
    def close(self) -> None: ...

    # -- articles and rejections
    def article_id_for_hash(self, text_hash: str) -> str | None: ...
    def band_candidates(self, bands: Sequence[str]) -> list[Candidate]: ...
    def add_article(self, article: StoredArticle, bands: Sequence[str]) -> None: ...
    def get_article(self, article_id: str) -> StoredArticle | None: ...
    def add_rejection(self, rejection: StoredRejection) -> bool:
        """False when the same rejection (origin, reason, detail) is already stored."""
    def rejections(self) -> list[StoredRejection]: ...

    # -- events, reports, claims, consensus
    def events_between(self, kind: EventKind, first: str, last: str) -> list[Event]: ...
    def put_event(self, event: Event) -> None:
        """Insert or replace the event row (and its place index)."""
    def add_reports(self, reports: Sequence[Report]) -> None: ...
    def reports_for(self, event_ids: Sequence[str]) -> list[Report]: ...
    def reports_by_article(self, article_ids: Sequence[str]) -> list[Report]: ...
    def article_ids_for_urls(self, urls: Sequence[str]) -> dict[str, str]:
        """The stored article for each URL found (the first by id where several share one)."""
    def add_claims(self, claims: Sequence[Claim]) -> None: ...
    def claims_for(self, event_ids: Sequence[str]) -> list[Claim]: ...
    def put_figures(self, event_id: str, figures: Sequence[EventFigure]) -> None:
        """Replace the event's figures with these."""
    def figures_for(self, event_ids: Sequence[str]) -> list[EventFigure]: ...

    # -- reading
    def get_event(self, event_id: str) -> Event | None: ...
    def events(self, query: EventQuery) -> list[Event]: ...
    def iter_events(self) -> Iterator[Event]: ...
    def timeline(self, since: str | None, until: str | None, attacker: str | None = None) -> list[DayTotal]:
        """Per day, the attack events (of ``attacker`` only, when given) and their summed headline numbers."""
    def diplomacy_days(self, since: str | None, until: str | None) -> list[Event]: ...
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, rejections, events, reports, claims, figures."""
