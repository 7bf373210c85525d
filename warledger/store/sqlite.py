"""The default store: one SQLite file (or ``:memory:``), through the standard library's sqlite3.

DOCS: docs/storage.md

The connection runs in autocommit mode and ``transaction()`` issues BEGIN IMMEDIATE / COMMIT
itself, so schema changes are transactional too. WAL lets readers work while an ingest writes;
synchronous=NORMAL is safe with WAL (a power cut may lose the last commits, never corrupt); the
busy timeout makes a second writer wait for the lock instead of failing at once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from .sql import Dialect, SqlStore

SQLITE = Dialect(
    name="SQLite",
    placeholder="?",
    text="TEXT",
    blob="BLOB",
    begin="BEGIN IMMEDIATE",
    table_exists="SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    errors=(sqlite3.Error,),
)

WAL_CHECKPOINT_PAGES = 16384  # 64 MB of WAL between automatic checkpoints (default 1000): fewer fsyncs in ingest
BUSY_TIMEOUT_S = 30.0
MEMORY = ":memory:"


class SqliteStore(SqlStore):
    """A ledger in one SQLite file; ``path`` may be ``:memory:``."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        location = str(path)
        if location != MEMORY:
            location = str(Path(location).expanduser())
        try:
            connection = sqlite3.connect(location, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the SQLite database {location}: {exc} "
                             "(does its folder exist, and may you write there?)") from exc
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if location != MEMORY:
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        except sqlite3.Error as exc:
            connection.close()
            raise StoreError(f"cannot use {location} as a SQLite database: {exc} "
                             "(is it a warledger ledger, or some other file?)") from exc
        super().__init__(connection, SQLITE, f"sqlite:///{location}")
        self.path = location
        if migrate:
            try:
                self.migrate()
            except StoreError:
                self.close()
                raise
