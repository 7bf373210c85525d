"""Extraction of many articles: in this process, or in worker processes for a backfill.

Extraction needs nothing but the article, so ``WorkerPool`` runs it in other processes while this
one does the rest (``warledger ingest`` stores, ``warledger extract`` prints); ``in_order`` gives the
results back in input order, so the output is the one a single process makes. ``ingest`` keeps
storing in one process: the ledger's writes are ordered (event resolution reads what the articles
before stored).

The workers are started with "spawn" (a fresh interpreter each, which loads the rules once):
forking a process that holds a database connection and threads is unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Protocol, TypeVar

from ..errors import WorkerFailed
from ..records import Article, Extraction
from . import extract_article

__all__ = ["Extractor", "InProcess", "Job", "WorkerFailed", "WorkerPool", "extract_safely", "extractor_for", "in_order"]

T = TypeVar("T")

IN_FLIGHT_PER_WORKER = 4   # articles sent ahead per worker: keeps each busy, bounds memory


def extract_safely(article: Article) -> Extraction | str:
    """The article's extraction, or what went wrong ("TypeError: ...") when the extractor raised."""
    try:
        return extract_article(article)
    except Exception as exc:  # the per-article boundary (STYLE C10): the caller stores a rejection
        return f"{type(exc).__name__}: {exc}"


class Job(Protocol):
    def result(self) -> Extraction | str: ...


class Extractor(Protocol):
    lookahead: int   # articles that may be sent before the first is taken back

    def submit(self, article: Article) -> Job: ...
    def __enter__(self) -> Extractor: ...
    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


class _Later:
    """An in-process job: extracts when its result is asked for."""

    __slots__ = ("_article",)

    def __init__(self, article: Article) -> None:
        self._article = article

    def result(self) -> Extraction | str:
        return extract_safely(self._article)


class InProcess:
    """Extraction in this process, one article at a time."""

    lookahead = 0

    def submit(self, article: Article) -> Job:
        return _Later(article)

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None


class _Remote:
    __slots__ = ("_future",)

    def __init__(self, future: Future[Extraction | str]) -> None:
        self._future = future

    def result(self) -> Extraction | str:
        try:
            return self._future.result()
        except BrokenProcessPool as exc:
            raise WorkerFailed("an extraction worker process died (out of memory, or killed); what was stored "
                               "or printed before is kept, and the same command run again completes the rest") from exc


class WorkerPool:
    """Extraction in ``workers`` processes; ``submit`` returns at once."""

    def __init__(self, workers: int) -> None:
        if workers < 2:
            raise ValueError(f"a worker pool needs at least two workers, not {workers}")
        self.workers = workers
        self.lookahead = workers * IN_FLIGHT_PER_WORKER
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, article: Article) -> Job:
        return _Remote(self._pool.submit(extract_safely, article))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # on an error the articles not yet taken are not extracted: their results would be dropped
        self._pool.shutdown(wait=True, cancel_futures=exc is not None)


def extractor_for(workers: int) -> Extractor:
    """One process for ``workers`` 1, a pool otherwise; 0 means one worker per CPU this process may use."""
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per CPU) or more, not {workers}")
    if workers == 0:
        workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return InProcess() if workers == 1 else WorkerPool(workers)


def in_order(extractor: Extractor, items: Iterable[T],
             article_of: Callable[[T], Article | None]) -> Iterator[tuple[T, Job | None]]:
    """Each item with the job extracting its article (None where ``article_of`` gives none), in input
    order; up to ``extractor.lookahead`` articles are sent before the first is given back, and
    ``article_of`` runs in this process, in order, when an item is read."""
    pending: deque[tuple[T, Job | None]] = deque()
    for item in items:
        article = article_of(item)
        pending.append((item, None if article is None else extractor.submit(article)))
        while len(pending) > extractor.lookahead:
            yield pending.popleft()
    while pending:
        yield pending.popleft()
