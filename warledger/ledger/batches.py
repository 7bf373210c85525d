"""Write batches: an ingest commits its articles a batch at a time, each article in a savepoint.

A commit is the costly part of a small write (SQLite writes the pages it touched to its WAL,
PostgreSQL waits for the server and takes the write lock again), so an ingest opens one
transaction for up to ``articles`` articles or ``seconds`` seconds and stores each article in a
savepoint inside it: an article that fails still leaves nothing behind, and the ones before it
in the batch are committed all the same. What a kill loses is the open batch, which the same
ingest run again stores (re-ingest is idempotent).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from types import TracebackType

from ..store.base import Store

BATCH_ARTICLES = 100
BATCH_SECONDS = 1.0   # other writers wait for the write lock at most about this long


class WriteBatches:
    """Opens the store's transaction when an article starts (``begin``) and commits it when the batch
    is full or old (``done``), before ``commit`` (statistics refresh, end of input) and on leaving the
    ``with`` block, also when an exception leaves it: what was stored before the exception is kept."""

    def __init__(self, store: Store, *, articles: int = BATCH_ARTICLES, seconds: float = BATCH_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if articles < 1 or seconds < 0:
            raise ValueError(f"a batch needs at least one article and no negative age, not {articles}, {seconds}")
        self._store = store
        self._articles = articles
        self._seconds = seconds
        self._clock = clock
        self._open: AbstractContextManager[None] | None = None
        self._count = 0
        self._opened_at = 0.0
        self.commits = 0

    def __enter__(self) -> WriteBatches:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.commit()  # the articles stored before an exception are kept; the failing one rolled back itself

    def begin(self) -> None:
        """Before an article: open the batch's transaction unless it is open."""
        if self._open is None:
            manager = self._store.transaction()
            manager.__enter__()
            self._open = manager
            self._count = 0
            self._opened_at = self._clock()

    def done(self) -> None:
        """After an article: commit when the batch holds ``articles`` articles or is ``seconds`` old."""
        if self._open is None:
            return
        self._count += 1
        if self._count >= self._articles or self._clock() - self._opened_at >= self._seconds:
            self.commit()

    def commit(self) -> None:
        """Commit the open batch, if any."""
        manager, self._open = self._open, None
        if manager is not None:
            manager.__exit__(None, None, None)
            self.commits += 1
