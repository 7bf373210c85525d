"""One implementation of the Store protocol over a DB-API connection, for SQLite and PostgreSQL.

DOCS: docs/storage.md

Every value is a bound parameter. Table and column names come only from the constants in this
module, and the only other text spliced into a statement is a run of placeholders (``?, ?, ?``)
whose length is the number of ids. Statements are written with ``?`` and rewritten once for the
dialect's placeholder, so a statement holds no literal ``?``. What differs between the two
databases lives in ``Dialect``; both accept ``INSERT ... ON CONFLICT`` (SQLite since 3.24), so
insert-or-ignore and upsert are shared SQL, and case-insensitive place matching is done by
case-folding in Python on both sides (SQLite's NOCASE knows only ASCII).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from ..errors import StoreError
from ..ledger.records import (
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
from .base import ArticleSummary, Candidate, DayTotal, EventQuery, Neighbours, SearchHit, TalkDay, WeaponDay
from .migrations import MIGRATIONS, SEARCH_VECTOR

logger = logging.getLogger(__name__)

CHUNK = 500   # ids per IN (...) list: below the oldest SQLite limit of 999 bound variables
ARRAY_FROM = 8  # more values than this are bound as one array where the dialect has arrays
PAGE = 1000   # events per page of iter_events


@dataclass(frozen=True, slots=True)
class Dialect:
    """What differs between the databases; everything else is shared SQL."""

    name: str
    placeholder: str                      # "?" (sqlite3) or "%s" (psycopg)
    text: str                             # column type of text: PostgreSQL compares bytes too (COLLATE "C")
    blob: str                             # BLOB or BYTEA
    begin: str                            # SQLite takes the write lock at BEGIN, so writers queue, not fail
    table_exists: str                     # one parameter, the table name; a row when it exists
    errors: tuple[type[Exception], ...]   # the driver's exceptions, raised again as StoreError
    # a long list of values bound as one array (``col = ANY(?)``): one statement text whatever the
    # list's length, which the server plans once (psycopg prepares a statement run often), where a
    # new ``IN (?, ...)`` of 32 values is planned each time (0.4 against 1.0 ms); short lists stay
    # ``IN``, which the planner reads as ``=`` (an array there measured slower)
    arrays: bool = False


class Cursor(Protocol):
    """The part of a DB-API cursor the store uses."""

    @property
    def rowcount(self) -> int: ...
    def execute(self, sql: str, params: Sequence[Any], /) -> Any: ...
    def executemany(self, sql: str, params: Iterable[Sequence[Any]], /) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def close(self) -> None: ...


class Connection(Protocol):
    def cursor(self) -> Cursor: ...
    def close(self) -> None: ...


# -- tables: the column order here is the order of the records' fields and of every SELECT
ARTICLE_COLUMNS = ("id", "text_hash", "text", "url", "source", "title", "published", "origin", "story_id",
                   "signature", "extraction", "updated")
HEADLINE_COLUMNS = ("launched", "intercepted", "suppressed", "killed", "injured")
EVENT_COLUMNS = ("id", "kind", "date", "attacker", "target_country", "type", "venue", "participants", "places",
                 "flags", *HEADLINE_COLUMNS)
REPORT_COLUMNS = ("event_id", "article_id", "item_index", "reason", "detail", "date")
CLAIM_COLUMNS = ("id", "event_id", "article_id", "measure", "what", "value", "qualifier", "model", "place",
                 "attributed_to", "hedged", "source", "published", "story_id", "evidence_start", "evidence_end",
                 "evidence_text", "updated")
FIGURE_COLUMNS = ("event_id", "measure", "what", "low", "best", "high", "rule", "conflict", "flags")
REJECTION_COLUMNS = ("origin", "stage", "reason", "detail", "at")
COUNTED_TABLES = ("articles", "rejections", "events", "reports", "claims", "figures")


def _insert(table: str, columns: Sequence[str], conflict: str = "ON CONFLICT DO NOTHING") -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) {conflict}"


def _select(table: str, columns: Sequence[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return f"SELECT {', '.join(prefix + c for c in columns)} FROM {table}" + (f" {alias}" if alias else "")


_EVENT_UPSERT = _insert("events", EVENT_COLUMNS, "ON CONFLICT (id) DO UPDATE SET "
                        + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS[1:]))
_SELECT_EVENTS = _select("events", EVENT_COLUMNS)
_SELECT_ARTICLES = _select("articles", ARTICLE_COLUMNS)
_SELECT_CLAIMS = _select("claims", CLAIM_COLUMNS)
_SELECT_REPORTS = _select("reports", REPORT_COLUMNS)
_SELECT_FIGURES = _select("figures", FIGURE_COLUMNS)
_WINDOW = "e.kind = ? AND e.date >= ? AND e.date <= ?"  # events of a kind in a date range, as ``e``
_TIMELINE = ("SELECT date, COUNT(*), " + ", ".join(f"SUM({c})" for c in HEADLINE_COLUMNS)
             + " FROM events WHERE kind = ? AND date IS NOT NULL")


_SUMMARY_COLUMNS = ("id", "url", "source", "title", "published", "story_id", "origin")
# every ledger table; of articles only the columns queries filter or sort on (not texts and extractions)
_ANALYZE = "ANALYZE " + ", ".join(["articles (id, text_hash, url, source, published, story_id)", "article_bands",
                                    "event_places", *(t for t in COUNTED_TABLES if t != "articles")])
_SEARCH_COLUMNS = "a.id, a.title, a.source, a.published, a.url, a.text"
_SEARCH = {
    # bm25 is lower for a better match; the MATCH argument is a bound string of quoted words
    "SQLite": (f"SELECT {_SEARCH_COLUMNS}, bm25(articles_fts) AS rank FROM articles_fts"
               " JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
               " ORDER BY rank, a.id LIMIT ? OFFSET ?"),
    "PostgreSQL": (f"SELECT {_SEARCH_COLUMNS}, -ts_rank({SEARCH_VECTOR}, q) AS rank"
                   " FROM articles a, plainto_tsquery('english', ?) q"
                   f" WHERE {SEARCH_VECTOR} @@ q ORDER BY rank, a.id LIMIT ? OFFSET ?"),
}
SEARCH_WORD = re.compile(r"\w+")
SNIPPET_CHARS = 120   # characters either side of the first word found


def search_words(q: str) -> list[str]:
    """The words of a search query; punctuation and FTS operators are dropped, never interpreted."""
    return SEARCH_WORD.findall(q)


def _snippet(text: str, words: Sequence[str]) -> str:
    """Plain text around the first occurrence of any of ``words`` (the start of the text if none)."""
    lowered = text.casefold()
    found = [i for w in words if (i := lowered.find(w.casefold())) >= 0]
    at = min(found) if found else 0
    lo, hi = max(0, at - SNIPPET_CHARS), min(len(text), at + SNIPPET_CHARS)
    return ("…" if lo else "") + " ".join(text[lo:hi].split()) + ("…" if hi < len(text) else "")


def _date_range(since: str | None, until: str | None, params: list[Any]) -> str:
    """The SQL condition for an inclusive date range (appending its values to ``params``)."""
    sql = ""
    if since is not None:
        sql += " AND date >= ?"
        params.append(since)
    if until is not None:
        sql += " AND date <= ?"
        params.append(until)
    return sql


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def rejection_id(origin: str, reason: str, detail: str) -> str:
    """The primary key of a stored rejection: one row per (origin, reason, detail)."""
    return hashlib.sha256(f"{origin}|{reason}|{detail}".encode()).hexdigest()


# -- records <-> rows
def flags_json(flags: Sequence[Flag]) -> str:
    return json.dumps([f.to_dict() for f in flags], ensure_ascii=False)


def flags_from_json(text: str) -> tuple[Flag, ...]:
    return tuple(Flag(code=d["code"], detail=d["detail"]) for d in json.loads(text))


def _strings_json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _strings_from_json(text: str) -> tuple[str, ...]:
    return tuple(str(v) for v in json.loads(text))


def _event_row(e: Event) -> tuple[Any, ...]:
    return (e.id, e.kind.value, e.date, e.attacker, e.target_country, e.type, e.venue,
            _strings_json(e.participants), _strings_json(e.places), flags_json(e.flags), e.launched, e.intercepted,
            e.suppressed, e.killed, e.injured)


def _event(row: Sequence[Any]) -> Event:
    return Event(id=row[0], kind=EventKind(row[1]), date=row[2], attacker=row[3], target_country=row[4],
                 type=row[5], venue=row[6], participants=_strings_from_json(row[7]),
                 places=_strings_from_json(row[8]), flags=flags_from_json(row[9]), launched=_int(row[10]),
                 intercepted=_int(row[11]), suppressed=_int(row[12]), killed=_int(row[13]), injured=_int(row[14]))


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _article(row: Sequence[Any]) -> StoredArticle:
    return StoredArticle(id=row[0], text_hash=row[1], text=row[2], url=row[3], source=row[4], title=row[5],
                         published=row[6], origin=row[7], story_id=row[8], signature=bytes(row[9]),
                         extraction=row[10], updated=row[11])


def _claim_row(c: Claim) -> tuple[Any, ...]:
    return (c.id, c.event_id, c.article_id, c.measure, c.what, c.value, c.qualifier, c.model, c.place,
            c.attributed_to, int(c.hedged), c.source, c.published, c.story_id, c.evidence_start,
            c.evidence_end, c.evidence_text, c.updated)


def _claim(row: Sequence[Any]) -> Claim:
    values = list(row)
    values[10] = bool(values[10])
    return Claim(*values)


def _figure_row(f: EventFigure) -> tuple[Any, ...]:
    return (f.event_id, f.measure, f.what, f.low, f.best, f.high, f.rule, int(f.conflict), flags_json(f.flags))


def _figure(row: Sequence[Any]) -> EventFigure:
    return EventFigure(event_id=row[0], measure=row[1], what=row[2], low=row[3], best=row[4], high=row[5],
                       rule=row[6], conflict=bool(row[7]), flags=flags_from_json(row[8]))


def _report(row: Sequence[Any]) -> Report:
    return Report(event_id=row[0], article_id=row[1], item_index=row[2], reason=MatchReason(row[3]),
                  detail=row[4], date=row[5])


class SqlStore:
    """The Store protocol in SQL shared by both databases; subclasses open the connection."""

    def __init__(self, connection: Connection, dialect: Dialect, url: str) -> None:
        self.url = url
        self.dialect = dialect
        self._connection = connection
        self._depth = 0                    # nesting of transaction(): 0 outside any
        self._statements: dict[str, str] = {}

    # -- raw SQL, for migrations and the methods below
    def _sql(self, sql: str) -> str:
        """``sql`` with the dialect's placeholder; for psycopg a literal % is doubled first."""
        if self.dialect.placeholder == "?":
            return sql
        statement = self._statements.get(sql)
        if statement is None:
            statement = sql.replace("%", "%%").replace("?", self.dialect.placeholder)
            self._statements[sql] = statement
        return statement

    @contextmanager
    def _cursor(self, sql: str) -> Iterator[Cursor]:
        cursor = self._connection.cursor()
        try:
            with self._errors(sql):
                yield cursor
        finally:
            cursor.close()

    @contextmanager
    def _errors(self, sql: str) -> Iterator[None]:
        """The driver's errors while running ``sql``, raised again as StoreError naming the statement."""
        try:
            yield
        except self.dialect.errors as exc:
            words = sql.split()
            statement = " ".join(words[:4]) + (" ..." if len(words) > 4 else "")
            raise StoreError(f"{self.dialect.name} error in '{statement}': {exc}".strip()) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement written with ``?`` placeholders; the number of rows it changed (-1 in a
        PostgreSQL pipeline, where the reply has not come yet: use RETURNING and ``query`` to know)."""
        with self._cursor(sql) as cursor:
            cursor.execute(self._sql(sql), params)
            return cursor.rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._cursor(sql) as cursor:
                cursor.executemany(self._sql(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._cursor(sql) as cursor:
            cursor.execute(self._sql(sql), params)
            return [tuple(row) for row in cursor.fetchall()]

    def _queries(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
        """The rows of each statement, all sent before any reply is read (in a PostgreSQL pipeline,
        one round trip for all of them)."""
        cursors: list[tuple[str, Cursor]] = []
        try:
            for sql, params in statements:
                cursors.append((sql, self._connection.cursor()))
                with self._errors(sql):
                    cursors[-1][1].execute(self._sql(sql), params)
            out = []
            for sql, cursor in cursors:
                with self._errors(sql):
                    out.append([tuple(row) for row in cursor.fetchall()])
            return out
        finally:
            for _, cursor in cursors:
                cursor.close()

    def _query_chunked(self, sql: str, ids: Sequence[str], tail: str = "") -> list[tuple[Any, ...]]:
        """``sql`` ends in `` IN (``, the list's ``)`` and then ``tail`` follow; run it once per chunk of
        distinct ids (with arrays, once)."""
        rows: list[tuple[Any, ...]] = []
        if self.dialect.arrays and len(ids) > ARRAY_FROM:
            assert sql.endswith(" IN ("), sql
            return self.query(f"{sql[:-len(' IN (')]} = ANY(?){tail}", [list(dict.fromkeys(ids))])
        for chunk in _chunks(ids):
            rows += self.query(f"{sql}{_marks(len(chunk))}){tail}", chunk)
        return rows

    # -- lifecycle
    def migrate(self) -> list[str]:
        """Apply pending migrations in order; the names applied."""
        applied = MIGRATIONS.apply(self)
        if applied:
            logger.info("applied migrations %s to %s", ", ".join(applied), self.url)
        return applied

    def pending_migrations(self) -> list[str]:
        return MIGRATIONS.pending(self)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything written inside commits together; an exception rolls it all back.

        Nested calls become savepoints: an exception inside one undoes only its own writes.
        """
        depth = self._depth
        savepoint = f"warledger_{depth}"
        self.execute(self.dialect.begin if depth == 0 else f"SAVEPOINT {savepoint}")
        self._depth = depth + 1
        try:
            yield
        except BaseException:
            self._depth = depth
            self._rollback(savepoint if depth else None)
            raise
        self._depth = depth
        if depth:
            self.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        try:
            self.execute("COMMIT")
        except StoreError:
            self._rollback(None)   # SQLite keeps the transaction open when a deferred foreign key fails
            raise

    def _rollback(self, savepoint: str | None) -> None:
        try:
            if savepoint is None:
                self.execute("ROLLBACK")
            else:
                self.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.execute(f"RELEASE SAVEPOINT {savepoint}")
        except StoreError as exc:   # no transaction left to undo (the database ended it): nothing is kept
            logger.debug("rollback: %s", exc)

    @contextmanager
    def _atomic(self) -> Iterator[None]:
        """A transaction unless one is already open (then the caller's transaction is the unit)."""
        if self._depth:
            yield
        else:
            with self.transaction():
                yield

    def close(self) -> None:
        self._connection.close()

    # -- articles and rejections
    def article_id_for_hash(self, text_hash: str) -> str | None:
        rows = self.query("SELECT id FROM articles WHERE text_hash = ?", (text_hash,))
        return str(rows[0][0]) if rows else None

    def band_candidates(self, bands: Sequence[str]) -> list[Candidate]:
        rows = self._query_chunked("SELECT id, signature, published, story_id FROM articles WHERE id IN"
                                   " (SELECT article_id FROM article_bands WHERE band IN (", bands, ")")
        found = {row[0]: Candidate(id=row[0], signature=bytes(row[1]), published=row[2], story_id=row[3])
                 for row in rows}
        return [found[key] for key in sorted(found)]

    def add_article(self, article: StoredArticle, bands: Sequence[str]) -> bool:
        a = article
        with self._atomic():
            added = self.query(_insert("articles", (*ARTICLE_COLUMNS, "ingested_at")) + " RETURNING id",
                               (a.id, a.text_hash, a.text, a.url, a.source, a.title, a.published, a.origin,
                                a.story_id, a.signature, a.extraction, a.updated, _now()))
            if not added:
                return False  # its id or text is stored (by another writer since the caller looked)
            self.executemany(_insert("article_bands", ("band", "article_id")),
                             [(band, a.id) for band in dict.fromkeys(bands)])
        return True

    def get_article(self, article_id: str) -> StoredArticle | None:
        rows = self.query(f"{_SELECT_ARTICLES} WHERE id = ?", (article_id,))
        return _article(rows[0]) if rows else None

    def add_rejection(self, rejection: StoredRejection) -> bool:
        """False when the same rejection (origin, reason, detail) is already stored."""
        r = rejection
        added = self.query(_insert("rejections", ("id", *REJECTION_COLUMNS)) + " RETURNING id",
                           (rejection_id(r.origin, r.reason, r.detail), r.origin, r.stage, r.reason, r.detail, r.at))
        return bool(added)  # RETURNING, not rowcount: a PostgreSQL pipeline has no rowcount until it syncs

    def rejections(self) -> list[StoredRejection]:
        rows = self.query(f"{_select('rejections', REJECTION_COLUMNS)} ORDER BY at, id")
        return [StoredRejection(*row) for row in rows]

    # -- events, reports, claims, consensus
    def events_between(self, kind: EventKind, first: str, last: str) -> list[Event]:
        rows = self.query(f"{_SELECT_EVENTS} WHERE kind = ? AND date >= ? AND date <= ? ORDER BY date, id",
                          (kind.value, first, last))
        return [_event(row) for row in rows]

    def neighbours(self, kind: EventKind, first: str, last: str) -> Neighbours:
        window = (kind.value, first, last)
        event_rows, figure_rows, report_rows = self._queries([
            (f"{_SELECT_EVENTS} WHERE kind = ? AND date >= ? AND date <= ? ORDER BY date, id", window),
            (f"SELECT f.event_id, f.measure, f.what, f.best FROM figures f JOIN events e ON e.id = f.event_id"
             f" WHERE {_WINDOW}", window),
            (f"SELECT DISTINCT r.event_id, r.article_id, r.date IS NOT NULL FROM reports r"
             f" JOIN events e ON e.id = r.event_id WHERE {_WINDOW}", window)])
        events = [_event(row) for row in event_rows]
        bests: dict[str, dict[tuple[str, str], int]] = {e.id: {} for e in events}
        for event_id, measure, what, best in figure_rows:
            bests[event_id][(measure, what)] = best
        articles: dict[str, set[str]] = {e.id: set() for e in events}
        dated: set[str] = set()
        for event_id, article_id, given in report_rows:
            articles[event_id].add(article_id)
            if given:
                dated.add(event_id)
        return Neighbours(events, bests, articles, dated)

    def put_event(self, event: Event, *, places_changed: bool = True) -> None:
        """Insert or replace the event row and, unless ``places_changed`` is False, its place index."""
        with self._atomic():
            self.execute(_EVENT_UPSERT, _event_row(event))
            if places_changed:
                self.execute("DELETE FROM event_places WHERE event_id = ?", (event.id,))
                self.executemany(_insert("event_places", ("event_id", "place")),
                                 [(event.id, p) for p in sorted({p.casefold() for p in event.places})])

    def add_reports(self, reports: Sequence[Report]) -> None:
        self.executemany(_insert("reports", REPORT_COLUMNS),
                         [(r.event_id, r.article_id, r.item_index, r.reason.value, r.detail, r.date) for r in reports])

    def reports_for(self, event_ids: Sequence[str]) -> list[Report]:
        rows = self._query_chunked(f"{_SELECT_REPORTS} WHERE event_id IN (", event_ids)
        return sorted((_report(row) for row in rows), key=lambda r: (r.event_id, r.article_id, r.item_index))

    def reports_by_article(self, article_ids: Sequence[str]) -> list[Report]:
        rows = self._query_chunked(f"{_SELECT_REPORTS} WHERE article_id IN (", article_ids)
        return sorted((_report(row) for row in rows), key=lambda r: (r.article_id, r.item_index, r.event_id))

    def article_ids_for_urls(self, urls: Sequence[str]) -> dict[str, str]:
        rows = self._query_chunked("SELECT url, id FROM articles WHERE url IN (", urls)
        return {url: ident for url, ident in sorted(rows, key=lambda r: (r[0], r[1]), reverse=True)}

    def add_claims(self, claims: Sequence[Claim]) -> None:
        self.executemany(_insert("claims", CLAIM_COLUMNS), [_claim_row(c) for c in claims])

    def claims_for(self, event_ids: Sequence[str]) -> list[Claim]:
        rows = self._query_chunked(f"{_SELECT_CLAIMS} WHERE event_id IN (", event_ids)
        return sorted((_claim(row) for row in rows), key=lambda c: (c.event_id, c.id))

    def put_figures(self, event_id: str, figures: Sequence[EventFigure]) -> None:
        """Replace the event's figures with these."""
        strangers = sorted({f.event_id for f in figures if f.event_id != event_id})
        if strangers:
            raise StoreError(f"put_figures({event_id!r}) was given figures of other events: {strangers}")
        with self._atomic():
            self.execute("DELETE FROM figures WHERE event_id = ?", (event_id,))
            self.executemany(_insert("figures", FIGURE_COLUMNS), [_figure_row(f) for f in figures])

    def figures_for(self, event_ids: Sequence[str]) -> list[EventFigure]:
        rows = self._query_chunked(f"{_SELECT_FIGURES} WHERE event_id IN (", event_ids)
        return sorted((_figure(row) for row in rows), key=lambda f: (f.event_id, f.measure, f.what))

    # -- reading
    def get_event(self, event_id: str) -> Event | None:
        rows = self.query(f"{_SELECT_EVENTS} WHERE id = ?", (event_id,))
        return _event(rows[0]) if rows else None

    def events(self, query: EventQuery) -> list[Event]:
        """Newest first (undated last), then by id; filtered by date range, kind and place."""
        if query.limit < 0 or query.offset < 0:
            raise StoreError(f"limit and offset must not be negative (got {query.limit}, {query.offset})")
        where: list[str] = []
        params: list[Any] = []
        if query.since is not None:
            where.append("date >= ?")
            params.append(query.since)
        if query.until is not None:
            where.append("date <= ?")
            params.append(query.until)
        if query.kind is not None:
            where.append("kind = ?")
            params.append(query.kind.value)
        if query.place is not None:
            where.append("id IN (SELECT event_id FROM event_places WHERE place = ?)")
            params.append(query.place.casefold())
        sql = _SELECT_EVENTS + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.query(f"{sql} ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?",
                          (*params, query.limit, query.offset))
        return [_event(row) for row in rows]

    def iter_events(self) -> Iterator[Event]:
        """Every event in id order, read a page at a time."""
        rows = self.query(f"{_SELECT_EVENTS} ORDER BY id LIMIT ?", (PAGE,))
        while True:
            yield from (_event(row) for row in rows)
            if len(rows) < PAGE:
                return
            rows = self.query(f"{_SELECT_EVENTS} WHERE id > ? ORDER BY id LIMIT ?", (rows[-1][0], PAGE))

    def timeline(self, since: str | None, until: str | None, attacker: str | None = None) -> list[DayTotal]:
        """Per date: the number of attack events and the sums of their headline numbers (None: none has it)."""
        sql = _TIMELINE
        params: list[Any] = [EventKind.ATTACK.value]
        if attacker is not None:
            sql += " AND attacker = ?"
            params.append(attacker)
        sql += _date_range(since, until, params)
        rows = self.query(f"{sql} GROUP BY date ORDER BY date", params)
        return [DayTotal(date=r[0], events=int(r[1]), launched=_int(r[2]), intercepted=_int(r[3]),
                         suppressed=_int(r[4]), killed=_int(r[5]), injured=_int(r[6])) for r in rows]

    def diplomacy_days(self, since: str | None, until: str | None) -> list[TalkDay]:
        """The dated diplomatic events in the range with only what the timeline shows, read from the
        covering index events_talk_days (decoding every event's places and flags costs more than the query)."""
        sql = "SELECT id, date, type, venue, participants FROM events WHERE kind = ? AND date IS NOT NULL"
        params: list[Any] = [EventKind.DIPLOMACY.value]
        sql += _date_range(since, until, params)
        rows = self.query(f"{sql} ORDER BY date, id", params)
        lists = json.loads("[" + ",".join(r[4] or "[]" for r in rows) + "]")  # one decode for all the rows
        return [TalkDay(r[0], r[1], r[2], r[3], tuple(people)) for r, people in zip(rows, lists, strict=True)]

    def optimize(self) -> None:
        """Refresh the planner's statistics (after a bulk ingest: a new PostgreSQL schema has none, and
        then scans article_bands instead of using its key). On PostgreSQL only the ledger's own tables
        are analysed (a bare ANALYZE reads every table of the database, other schemas' too), and of
        articles only the columns queries filter or sort on, not the texts and extractions."""
        with self.transaction():
            self.execute(_ANALYZE if self.dialect.name != "SQLite" else "PRAGMA optimize")

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, rejections, events, reports, claims, figures."""
        row = self.query("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {t})" for t in COUNTED_TABLES))[0]
        return {table: int(n) for table, n in zip(COUNTED_TABLES, row, strict=True)}

    # -- reading for the HTTP API and dashboard
    def article_summaries(self, limit: int, offset: int) -> list[ArticleSummary]:
        """Articles newest published first (undated last), then by id; without their text."""
        if limit < 0 or offset < 0:
            raise StoreError(f"limit and offset must not be negative (got {limit}, {offset})")
        rows = self.query(f"{_select('articles', _SUMMARY_COLUMNS)} ORDER BY published DESC NULLS LAST, id"
                          " LIMIT ? OFFSET ?", (limit, offset))
        return [ArticleSummary(*row) for row in rows]

    def search(self, q: str, limit: int, offset: int) -> list[SearchHit]:
        """Articles whose title or text hold every word of ``q``, best match first; no words: no hits."""
        if limit < 0 or offset < 0:
            raise StoreError(f"limit and offset must not be negative (got {limit}, {offset})")
        words = search_words(q)
        if not words:
            return []
        if self.dialect.name == "SQLite":
            match = " ".join(f'"{w}"' for w in words)   # each word a quoted FTS5 string: no operators
        else:
            match = " ".join(words)
        rows = self.query(_SEARCH[self.dialect.name], (match, limit, offset))
        return [SearchHit(id=r[0], title=r[1], source=r[2], published=r[3], url=r[4], snippet=_snippet(r[5], words),
                          rank=float(r[6])) for r in rows]

    def weapon_events(self, query: EventQuery, weapon: str) -> list[Event]:
        """``events(query)`` restricted to events with a figure about weapon class ``weapon``."""
        if query.limit < 0 or query.offset < 0:
            raise StoreError(f"limit and offset must not be negative (got {query.limit}, {query.offset})")
        where = ["id IN (SELECT event_id FROM figures WHERE what = ?)"]
        params: list[Any] = [weapon]
        for clause, value in (("date >= ?", query.since), ("date <= ?", query.until),
                              ("kind = ?", query.kind.value if query.kind is not None else None),
                              ("id IN (SELECT event_id FROM event_places WHERE place = ?)",
                               query.place.casefold() if query.place is not None else None)):
            if value is not None:
                where.append(clause)
                params.append(value)
        rows = self.query(f"{_SELECT_EVENTS} WHERE {' AND '.join(where)} ORDER BY date DESC NULLS LAST, id"
                          " LIMIT ? OFFSET ?", (*params, query.limit, query.offset))
        return [_event(row) for row in rows]

    def weapon_timeline(self, since: str | None, until: str | None, attacker: str | None = None) -> list[WeaponDay]:
        """Per day and weapon class, the launched and intercepted figures of the attack events."""
        sql = ("SELECT e.date, f.what, SUM(CASE WHEN f.measure = ? THEN f.best END),"
               " SUM(CASE WHEN f.measure = ? THEN f.best END) FROM events e JOIN figures f ON f.event_id = e.id"
               " WHERE e.kind = ? AND e.date IS NOT NULL AND f.measure IN (?, ?)")
        params: list[Any] = ["launched", "intercepted", EventKind.ATTACK.value, "launched", "intercepted"]
        for clause, value in ((" AND e.attacker = ?", attacker), (" AND e.date >= ?", since),
                              (" AND e.date <= ?", until)):
            if value is not None:
                sql += clause
                params.append(value)
        rows = self.query(f"{sql} GROUP BY e.date, f.what ORDER BY e.date, f.what", params)
        return [WeaponDay(date=r[0], what=r[1], launched=_int(r[2]), intercepted=_int(r[3])) for r in rows]
