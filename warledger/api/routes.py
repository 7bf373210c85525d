"""The JSON API under /api: read-only views of the ledger, and one token-protected write.

DOCS: docs/api.md
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError

from ..ledger.export import export
from ..ledger.reading import timeline_json
from ..ledger.records import EventKind
from . import queries
from .models import ArticleIn, ArticlesIn
from .security import check_token, read_body
from .worker import StoreWorker
from .writing import ingest_posted

__all__ = ["page_links", "router"]

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many rows first.")]
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "geojson": "application/geo+json"}
_ARTICLE_SCHEMA = ArticleIn.model_json_schema()
_POST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [_ARTICLE_SCHEMA, {"type": "array", "items": _ARTICLE_SCHEMA}]}}}}}


def worker(request: Request) -> StoreWorker:
    found: StoreWorker = request.app.state.worker
    return found


def page_links(request: Request, context: dict[str, Any]) -> dict[str, Any]:
    """``context`` with ``next`` and ``prev``: this URL with the offset of the next / previous page (or None)."""
    limit, offset = context["limit"], context["offset"]

    def link(at: int) -> str:
        url = request.url.include_query_params(offset=at)
        return f"{url.path}?{url.query}"

    return {**context, "next": link(offset + limit) if context["more"] else None,
            "prev": link(max(0, offset - limit)) if offset > 0 else None}


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


@router.get("/events", summary="Events, newest first, filtered and paginated")
async def api_events(request: Request, since: date | None = None, until: date | None = None,
                     kind: EventKind | None = None, place: Annotated[str | None, Query(max_length=200)] = None,
                     weapon: Annotated[str | None, Query(max_length=50)] = None,
                     limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    """Events in the ledger's JSON shape (README: "The ledger's JSON"); ``next`` links the next page."""
    context = await worker(request).call(queries.events_context, since=_iso(since), until=_iso(until), kind=kind,
                                         place=place, weapon=weapon, limit=limit, offset=offset)
    return JSONResponse(page_links(request, context))


@router.get("/events/{event_id}", summary="One event with its claims, consensus, conflicts and evidence")
async def api_event(request: Request, event_id: str) -> JSONResponse:
    """What ``warledger show EVENT_ID --format json`` prints, with each claim's evidence marked in its context."""
    data = await worker(request).call(queries.event_context, event_id)
    if data is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return JSONResponse(data)


@router.get("/articles", summary="Articles, newest first, without their texts")
async def api_articles(request: Request, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    context = await worker(request).call(queries.articles_context, limit=limit, offset=offset)
    return JSONResponse(page_links(request, context))


@router.get("/articles/{article_id}", summary="One article with its text, stored extraction and events")
async def api_article(request: Request, article_id: str) -> JSONResponse:
    data = await worker(request).call(queries.article_context, article_id)
    if data is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return JSONResponse(data)


@router.get("/timeline", summary="Per day: attack waves, weapons, interceptions, casualties and talks")
async def api_timeline(request: Request, since: date | None = None, until: date | None = None,
                       attacker: Literal["RU", "UA", "all"] = "RU") -> JSONResponse:
    """What ``warledger timeline --format json`` prints."""
    days = await worker(request).call(timeline_json, _iso(since), _iso(until), None if attacker == "all" else attacker)
    return JSONResponse(days)


@router.get("/search", summary="Full-text search over articles' titles and texts")
async def api_search(request: Request, q: Annotated[str, Query(max_length=500)], limit: Limit = 20,
                     offset: Offset = 0) -> JSONResponse:
    """Articles holding every word of ``q`` (stemmed), best first; operators and punctuation are ignored."""
    context = await worker(request).call(queries.search_context, q, limit=limit, offset=offset)
    return JSONResponse(page_links(request, context))


@router.get("/export/{fmt}", summary="The whole ledger as CSV, JSON Lines or GeoJSON (streamed)",
            response_class=StreamingResponse)
async def api_export(request: Request, fmt: Literal["csv", "jsonl", "geojson"]) -> StreamingResponse:
    """What ``warledger export --format FMT`` writes, streamed a page of events at a time."""
    return StreamingResponse(worker(request).stream(lambda store: export(store, fmt)), media_type=EXPORT_TYPES[fmt],
                             headers={"content-disposition": f'attachment; filename="warledger.{fmt}"'})


@router.post("/articles", summary="Ingest articles (only with the server's write token)", openapi_extra=_POST_BODY,
             responses={401: {"description": "no bearer token"}, 403: {"description": "writing off, or wrong token"},
                        413: {"description": "body over max_article_bytes x 50"}})
async def api_post_articles(request: Request) -> JSONResponse:
    """Ingest one JSON article or a list (the fields of ingest's JSON records); the ingest summary.

    Only when the server was started with a write token, and only with ``Authorization: Bearer TOKEN``.
    """
    state = request.app.state
    check_token(request.headers.get("authorization"), state.write_token)
    body = await read_body(request, state.settings.max_article_bytes * 50)
    try:
        posted = ArticlesIn.model_validate_json(body)
    except ValidationError as exc:
        raise HTTPException(422, exc.errors(include_url=False, include_input=False, include_context=False)) from exc
    summary = await worker(request).call(ingest_posted, posted.articles(), state.settings)
    return JSONResponse(summary)
