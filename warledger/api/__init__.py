"""The HTTP API and dashboard: ``create_app(store_url, write_token=None)`` builds the FastAPI app that
``warledger serve`` runs with uvicorn.

DOCS: docs/api.md
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ..settings import Settings
from .security import SecurityHeaders
from .worker import StoreWorker

__all__ = ["create_app"]

SWAGGER_ASSETS = Path(fastapi_offline.__file__).parent / "static"   # Swagger UI 5, bundled by fastapi-offline


def create_app(store_url: str, write_token: str | None = None, *, settings: Settings | None = None) -> FastAPI:
    """The app over the ledger at ``store_url`` (opened and migrated now: a StoreError if it cannot be).

    ``write_token``: POST /api/articles ingests only with ``Authorization: Bearer <write_token>``;
    None (the default) turns writing off. ``settings`` gives max_article_bytes (the body limit).
    """
    from ..web import router as web_router  # the pages import the API's routes
    from .routes import router as api_router

    worker = StoreWorker(store_url)
    worker.start()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # What start-up made (modules, routes, templates, rules) lives as long as the process: frozen, the
        # cyclic collector stops re-reading it, and a request that makes thousands of objects (the
        # all-dates timeline) no longer pays 30-50 ms for a full collection every few calls.
        gc.collect()
        gc.freeze()
        yield
        worker.close()

    app = FastAPI(title="warledger", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  summary="Evidence-linked ledger of aerial attacks and peace talks in the war in Ukraine")
    app.state.worker = worker
    app.state.write_token = write_token or None
    app.state.settings = settings or Settings()
    app.add_middleware(SecurityHeaders)
    app.include_router(api_router)
    app.include_router(web_router)
    static = resources.files("warledger.web").joinpath("static")
    app.mount("/static/swagger", StaticFiles(directory=str(SWAGGER_ASSETS)), name="swagger")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
