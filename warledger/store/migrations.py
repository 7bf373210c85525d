"""Versioned schema changes: ordered, named functions registered on a ``Migrations`` object.

DOCS: docs/storage.md

After sqlite-utils' migrations: each function is applied in a transaction together with its row
in ``_warledger_migrations(name, applied_at)``, so a migration is either wholly applied and
recorded or not at all. A new schema change is a new function at the end, never an edit of an old
one. ``warledger db migrate`` and every store opened for writing call ``MIGRATIONS.apply``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import StoreError

if TYPE_CHECKING:
    from .sql import Dialect

TABLE = "_warledger_migrations"


class MigrationTarget(Protocol):
    """What a migration function gets: the dialect and a way to run statements."""

    @property
    def dialect(self) -> Dialect: ...
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int: ...
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
    def transaction(self) -> AbstractContextManager[None]: ...


MigrationFunction = Callable[[MigrationTarget], None]


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    function: MigrationFunction


class Migrations:
    """An ordered set of named migrations; register with ``@migrations("0002_something")``."""

    def __init__(self) -> None:
        self._migrations: list[Migration] = []

    def __call__(self, name: str) -> Callable[[MigrationFunction], MigrationFunction]:
        def register(function: MigrationFunction) -> MigrationFunction:
            if name in self.names():
                raise StoreError(f"two migrations are named {name!r}; give the new one a new name")
            self._migrations.append(Migration(name, function))
            return function
        return register

    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def applied(self, db: MigrationTarget) -> list[str]:
        """The names recorded as applied, in the order they were applied."""
        if not db.query(db.dialect.table_exists, (TABLE,)):
            return []
        return [str(row[0]) for row in db.query(f"SELECT name FROM {TABLE} ORDER BY applied_at, name")]

    def pending(self, db: MigrationTarget) -> list[str]:
        done = set(self.applied(db))
        return [name for name in self.names() if name not in done]

    def apply(self, db: MigrationTarget) -> list[str]:
        """Apply every pending migration, each in its own transaction; the names applied."""
        text = db.dialect.text
        db.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (name {text} PRIMARY KEY, applied_at {text} NOT NULL)")
        applied: list[str] = []
        for migration in self._migrations:
            with db.transaction():
                # checked inside the transaction: another process may have applied it meanwhile
                if db.query(f"SELECT 1 FROM {TABLE} WHERE name = ?", (migration.name,)):
                    continue
                migration.function(db)
                db.execute(f"INSERT INTO {TABLE} (name, applied_at) VALUES (?, ?)",
                           (migration.name, datetime.now(UTC).isoformat(timespec="microseconds")))
            applied.append(migration.name)
        return applied


MIGRATIONS = Migrations()

# Foreign keys are checked at COMMIT, so one transaction may write an article's rows in any order.
_REFERENCES = "REFERENCES {table} (id) DEFERRABLE INITIALLY DEFERRED"
_LEDGER_TABLES = (
    """CREATE TABLE articles (
        id {text} PRIMARY KEY, text_hash {text} NOT NULL UNIQUE, text {text} NOT NULL,
        url {text}, source {text}, title {text}, published {text}, origin {text} NOT NULL,
        story_id {text} NOT NULL, signature {blob} NOT NULL, extraction {text} NOT NULL,
        ingested_at {text} NOT NULL)""",
    # the primary key (band, article_id) is also the index that finds an article by band
    """CREATE TABLE article_bands (
        band {text} NOT NULL, article_id {text} NOT NULL {articles},
        PRIMARY KEY (band, article_id))""",
    """CREATE TABLE rejections (
        id {text} PRIMARY KEY, origin {text} NOT NULL, stage {text} NOT NULL, reason {text} NOT NULL,
        detail {text} NOT NULL, at {text} NOT NULL)""",
    """CREATE TABLE events (
        id {text} PRIMARY KEY, kind {text} NOT NULL, date {text}, attacker {text}, target_country {text},
        type {text}, venue {text}, participants {text} NOT NULL, places {text} NOT NULL,
        flags {text} NOT NULL, launched BIGINT, intercepted BIGINT, suppressed BIGINT, killed BIGINT,
        injured BIGINT)""",
    "CREATE INDEX events_kind_date ON events (kind, date)",
    "CREATE INDEX events_date ON events (date)",
    """CREATE TABLE event_places (
        event_id {text} NOT NULL {events}, place {text} NOT NULL,
        PRIMARY KEY (event_id, place))""",
    "CREATE INDEX event_places_place ON event_places (place)",
    """CREATE TABLE reports (
        event_id {text} NOT NULL {events}, article_id {text} NOT NULL {articles},
        item_index BIGINT NOT NULL, reason {text} NOT NULL, detail {text} NOT NULL,
        PRIMARY KEY (article_id, event_id, item_index))""",
    "CREATE INDEX reports_event ON reports (event_id)",
    """CREATE TABLE claims (
        id {text} PRIMARY KEY, event_id {text} NOT NULL {events}, article_id {text} NOT NULL {articles},
        measure {text} NOT NULL, what {text} NOT NULL, value BIGINT NOT NULL, qualifier {text} NOT NULL,
        model {text}, place {text}, attributed_to {text}, hedged SMALLINT NOT NULL, source {text},
        published {text}, story_id {text} NOT NULL, evidence_start BIGINT NOT NULL,
        evidence_end BIGINT NOT NULL, evidence_text {text} NOT NULL)""",
    "CREATE INDEX claims_event ON claims (event_id)",
    """CREATE TABLE figures (
        event_id {text} NOT NULL {events}, measure {text} NOT NULL, what {text} NOT NULL,
        low BIGINT NOT NULL, best BIGINT NOT NULL, high BIGINT NOT NULL, rule {text} NOT NULL,
        conflict SMALLINT NOT NULL, flags {text} NOT NULL,
        PRIMARY KEY (event_id, measure, what))""",
)


@MIGRATIONS("0001_ledger")
def m0001_ledger(db: MigrationTarget) -> None:
    """Articles with their MinHash bands, rejections, events with their places, reports, claims, figures."""
    names = {"text": db.dialect.text, "blob": db.dialect.blob,
             "articles": _REFERENCES.format(table="articles"), "events": _REFERENCES.format(table="events")}
    for statement in _LEDGER_TABLES:
        db.execute(statement.format(**names))


@MIGRATIONS("0002_article_lookups")
def m0002_article_lookups(db: MigrationTarget) -> None:
    """Indexes to find articles by URL and an article's reports (evaluation, the article pages)."""
    db.execute("CREATE INDEX articles_url ON articles (url)")
    db.execute("CREATE INDEX reports_article ON reports (article_id)")


# Full-text search over articles(title, text). SQLite: an FTS5 table reading its content from
# articles (external content), kept in step by triggers, with the porter stemmer. PostgreSQL: a GIN
# index on the English tsvector of title and text; the query in sql.py repeats this expression
# word for word, so the planner uses the index.
SEARCH_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',"
    " tokenize='porter unicode61')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"
    " END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN"
    " INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"
    " INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
)


@MIGRATIONS("0003_search")
def m0003_search(db: MigrationTarget) -> None:
    """Full-text search over articles' titles and texts, and an index for the newest-first article listing."""
    if db.dialect.name == "SQLite":
        for statement in _SQLITE_SEARCH:
            db.execute(statement)
    else:
        db.execute(f"CREATE INDEX articles_search ON articles USING GIN (({SEARCH_VECTOR}))")
    db.execute("CREATE INDEX articles_published ON articles (published)")


@MIGRATIONS("0004_event_order")
def m0004_event_order(db: MigrationTarget) -> None:
    """Indexes for the newest-first events list and for the timeline's per-day sums (covering: the sums
    are read from the index alone)."""
    nulls = "" if db.dialect.name == "SQLite" else " NULLS LAST"  # SQLite sorts NULL last in DESC already
    db.execute(f"CREATE INDEX events_newest ON events (date DESC{nulls}, id)")
    db.execute("CREATE INDEX events_timeline ON events (kind, attacker, date, launched, intercepted, suppressed, "
               "killed, injured)")


@MIGRATIONS("0005_diplomacy_days")
def m0005_diplomacy_days(db: MigrationTarget) -> None:
    """An index for the timeline's talks (``diplomacy_days``), read in date and id order. On SQLite it
    covers the columns read, so the wide events rows are not read at all; PostgreSQL caps an index
    entry at about 2.7 kB, which a long participants list could pass, so there it holds the keys only."""
    if db.dialect.name == "SQLite":
        db.execute("CREATE INDEX events_talk_days ON events (kind, date, id, type, venue, participants)")
    else:
        db.execute("CREATE INDEX events_talk_days ON events (kind, date, id)")


@MIGRATIONS("0006_updated")
def m0006_updated(db: MigrationTarget) -> None:
    """When an article's text was last updated (a live blog's newest post), on the article and on its
    claims: the consensus orders a source's figures by it."""
    for table in ("articles", "claims"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN updated {db.dialect.text}")


@MIGRATIONS("0007_report_dates")
def m0007_report_dates(db: MigrationTarget) -> None:
    """The day each report gives its item, so that an event's date can be the one most reports give."""
    db.execute(f"ALTER TABLE reports ADD COLUMN date {db.dialect.text}")
