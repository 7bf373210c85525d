"""One thread owns the app's store connection; every request's store work runs there, in turn.

A SQLite connection may only be used by the thread that opened it, and FastAPI runs handlers on a
pool of threads. So the app opens its store on a single worker thread and hands each piece of
store work to it (``await worker.call(fn, ...)``). Reads and the token-protected writes are then
serialised, which SQLite needs for writes anyway; an export is streamed a chunk at a time, each
chunk computed on the worker thread.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Concatenate, ParamSpec, TypeVar

from ..store import Store, open_store

P = ParamSpec("P")
T = TypeVar("T")


class StoreWorker:
    """The app's store, opened (and migrated) on its own thread by ``start()``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warledger-store")
        self._store: Store | None = None

    def _open(self) -> Store:
        if self._store is None:
            self._store = open_store(self.url)
        return self._store

    def start(self) -> None:
        """Open the store now, so that a bad URL fails at start-up (a StoreError) and not on a request."""
        self._executor.submit(self._open).result()

    def run(self, fn: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(store, ...)`` on the worker thread, waiting for it (for code outside an event loop)."""
        return self._executor.submit(lambda: fn(self._open(), *args, **kwargs)).result()

    async def call(self, fn: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(store, ...)`` on the worker thread, awaited."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor,
                                          functools.partial(lambda: fn(self._open(), *args, **kwargs)))

    async def stream(self, fn: Callable[[Store], Iterator[str]]) -> AsyncIterator[str]:
        """The chunks of ``fn(store)``, each one computed on the worker thread."""
        chunks = await self.call(fn)
        while True:
            chunk = await self.call(lambda _store: next(chunks, None))
            if chunk is None:
                return
            yield chunk

    def close(self) -> None:
        def shut() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None
        self._executor.submit(shut).result()
        self._executor.shutdown(wait=True)
