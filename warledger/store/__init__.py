"""The ledger's database: ``open_store(url)`` gives a ``Store`` (SQLite by default, or PostgreSQL).

DOCS: docs/storage.md
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from ..errors import StoreError
from .base import Candidate, DayTotal, EventQuery, Store, TalkDay
from .sqlite import SqliteStore

__all__ = ["DEFAULT_DB", "Candidate", "DayTotal", "EventQuery", "Store", "StoreError", "TalkDay", "open_store",
           "parse_store_url"]

DEFAULT_DB = "warledger.db"
ACCEPTED_FORMS = ("a file path (ledger.db), sqlite:///relative/path.db, sqlite:////absolute/path.db, "
                  "sqlite:///:memory:, postgresql://user:password@host:port/database (or postgres://...)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def parse_store_url(url: str) -> tuple[str, str]:
    """``("sqlite", path)`` or ``("postgresql", url)``; a StoreError naming the accepted forms otherwise."""
    if not url.strip():
        raise StoreError(f"the database URL is empty; use {ACCEPTED_FORMS}")
    match = _SCHEME.match(url)
    if match is None:
        return "sqlite", url
    scheme, rest = match.group(1).lower(), url[match.end():]
    if scheme == "sqlite" and rest.startswith("/") and len(rest) > 1:
        return "sqlite", rest[1:]
    if scheme in ("postgresql", "postgres"):
        return "postgresql", url
    raise StoreError(f"unsupported database URL ({scheme}://...); use {ACCEPTED_FORMS}")


def open_store(url: str | None = None, *, environ: Mapping[str, str] | None = None, migrate: bool = True) -> Store:
    """Open the ledger at ``url``: None means $WARLEDGER_DB, else ``warledger.db`` in the working directory.

    ``migrate`` (the default, for a store opened for writing) applies pending migrations first;
    ``migrate=False`` leaves the schema as it is, for ``pending_migrations()`` and ``migrate()``.
    A database that cannot be opened or reached raises a StoreError that says why.
    """
    env = os.environ if environ is None else environ
    target = url if url is not None else (env.get("WARLEDGER_DB") or DEFAULT_DB)
    kind, location = parse_store_url(target)
    if kind == "sqlite":
        return SqliteStore(location, migrate=migrate)
    from .postgres import PostgresStore  # psycopg is imported only for a PostgreSQL ledger
    return PostgresStore(location, migrate=migrate)
