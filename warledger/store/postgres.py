"""The team store: a PostgreSQL database, through psycopg 3.

DOCS: docs/storage.md

The connection runs in autocommit mode and ``transaction()`` issues BEGIN / COMMIT itself, the
same SQL as for SQLite. The statements inside a transaction run in psycopg's pipeline mode: writes
are sent without waiting for their replies, and a read (or the end of the transaction) waits for
all of them at once, which saves a round trip to the server per write. Text columns use the "C"
collation, so comparisons and ORDER BY see code points as SQLite does, whatever the database's
locale.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg

from ..errors import StoreError
from .sql import Dialect, SqlStore

POSTGRES = Dialect(
    name="PostgreSQL",
    placeholder="%s",
    text='TEXT COLLATE "C"',
    blob="BYTEA",
    begin="BEGIN",
    table_exists="SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
    errors=(psycopg.Error,),
    arrays=True,
)

CONNECT_TIMEOUT_S = 10
# A transaction-level advisory lock, one per schema (two ledgers in one database do not wait for each other).
WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':warledger-writes'))"


def redact(url: str) -> str:
    """The URL with its password replaced by ``***``, fit for messages and logs."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:
        return "postgresql://(unparseable URL)"


class PostgresStore(SqlStore):
    """A ledger in a PostgreSQL database; ``url`` is a libpq URL (postgresql://user:pw@host:port/db?...)."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        shown = redact(url)
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())
            raise StoreError(f"cannot connect to PostgreSQL at {shown}: {reason} (is the server running, "
                             "and are the URL's host, port, user, password and database right?)") from exc
        super().__init__(connection, POSTGRES, shown)
        self._pg = connection  # the same connection, typed as psycopg's (pipeline mode, status)
        if migrate:
            try:
                self.migrate()
            except StoreError:
                self.close()
                raise

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """As ``SqlStore.transaction``, with the statements inside it pipelined (see the module's
        docstring). The pipeline ends, waiting for every reply, before the COMMIT (or, nested, before
        the savepoint's release): an error the server reports at that wait is raised inside the
        transaction, which rolls back as for any other error.

        An outermost transaction first takes the ledger's write lock (WRITE_LOCK), so that writers in
        several processes (a team's ingests, the API's POSTs) take turns: each one's event resolution
        reads what the others committed, and two of them never open the same new event at once."""
        with super().transaction():
            try:
                with self._pg.pipeline() as pipeline:
                    if self._depth == 1:
                        self.execute(WRITE_LOCK)
                        pipeline.sync()  # held before the caller's first statement is even queued, not when sent
                    yield
            except psycopg.Error as exc:
                reason = " ".join(str(exc).split())
                raise StoreError(f"PostgreSQL error in a transaction: {reason}") from exc
