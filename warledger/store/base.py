"""The store contract: what the ledger and the readers need from a database.

``SqliteStore`` (the default, one file) and ``PostgresStore`` implement it with the same SQL
(warledger/store/sql.py); the contract tests in tests/test_store.py run against both.
Writes happen inside ``transaction()``: all of an article's rows commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

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


class TalkDay(NamedTuple):
    """A dated diplomatic event as the timeline shows it (a named tuple: the all-dates timeline makes
    thousands, and an Event costs five times as much to build)."""

    id: str
    date: str
    type: str | None
    venue: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The stored events of one kind in a date range, with what event resolution compares them by:
    each one's best value per (measure, what), the articles that report it, and which events some
    report dates (the others were placed on a day an article gave roughly, or on its publication day)."""

    events: list[Event]
    bests: dict[str, dict[tuple[str, str], int]]   # by event id
    articles: dict[str, set[str]]                  # by event id
    dated: set[str] = field(default_factory=set)   # ids of the events some report gives the day of


@dataclass(frozen=True, slots=True)
class EventQuery:
    since: str | None = None      # ISO dates, inclusive
    until: str | None = None
    kind: EventKind | None = None
    place: str | None = None      # a place name as stored (case-insensitive)
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article's metadata, without its text (the article listing)."""

    id: str
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    story_id: str
    origin: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "source": self.source, "title": self.title,
                "published": self.published, "story_id": self.story_id, "origin": self.origin}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article matching a full-text query; ``snippet`` is plain text around the first term found."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "source": self.source, "published": self.published,
                "url": self.url, "snippet": self.snippet, "rank": self.rank}


@dataclass(frozen=True, slots=True)
class WeaponDay:
    """Per day and weapon class (a figure's ``what``): the summed best figures launched and intercepted."""

    date: str
    what: str
    launched: int | None
    intercepted: int | None


class Store(Protocol):
    url: str

    # -- lifecycle
    def migrate(self) -> list[str]:
        """Apply pending migrations in order; the names applied."""
    def pending_migrations(self) -> list[str]: ...
    def transaction(self) -> AbstractContextManager[None]:
        """Everything written inside commits together; an exception rolls it all back."""
    def close(self) -> None: ...
    def optimize(self) -> None:
        """Refresh the query planner's statistics (ingest calls it at the end and every few thousand articles)."""

    # -- articles and rejections
    def article_id_for_hash(self, text_hash: str) -> str | None: ...
    def band_candidates(self, bands: Sequence[str]) -> list[Candidate]: ...
    def add_article(self, article: StoredArticle, bands: Sequence[str]) -> bool:
        """Store the article and its MinHash bands; False (nothing written) when its id or text is stored."""
    def get_article(self, article_id: str) -> StoredArticle | None: ...
    def add_rejection(self, rejection: StoredRejection) -> bool:
        """False when the same rejection (origin, reason, detail) is already stored."""
    def rejections(self) -> list[StoredRejection]: ...

    # -- events, reports, claims, consensus
    def events_between(self, kind: EventKind, first: str, last: str) -> list[Event]: ...
    def neighbours(self, kind: EventKind, first: str, last: str) -> Neighbours:
        """``events_between`` with each event's best figures and reporting articles (one round trip
        to a PostgreSQL server inside a transaction, where three queries would take three)."""
    def put_event(self, event: Event, *, places_changed: bool = True) -> None:
        """Insert or replace the event row and its place index (``places_changed=False``: the caller
        knows the places are those stored, and only the row is written)."""
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
    def diplomacy_days(self, since: str | None, until: str | None) -> list[TalkDay]:
        """Dated diplomatic events in the range, by date then id."""
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, rejections, events, reports, claims, figures."""

    # -- reading for the HTTP API and dashboard (warledger/api)
    def article_summaries(self, limit: int, offset: int) -> list[ArticleSummary]:
        """Articles newest published first (undated last), then by id; without their text."""
    def search(self, q: str, limit: int, offset: int) -> list[SearchHit]:
        """Articles whose title or text hold every word of ``q``, best match first (SQLite FTS5,
        PostgreSQL full-text search); no words in ``q``: no hits."""
    def weapon_events(self, query: EventQuery, weapon: str) -> list[Event]:
        """``events(query)`` restricted to events with a figure about weapon class ``weapon``."""
    def weapon_timeline(self, since: str | None, until: str | None, attacker: str | None = None) -> list[WeaponDay]:
        """Per day and weapon class, the launched and intercepted figures of the attack events."""
