"""The dashboard's pages. Each view parses its request, builds one context dict with a function of
``api.queries`` (on the store worker), and renders it through a template or, for the ``.json`` twin
of the URL, as JSON (STYLE C11).

DOCS: docs/api.md#pages
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader

from ..api import queries
from ..api.routes import page_links, worker
from ..ledger.records import EventKind

__all__ = ["render", "router"]

router = APIRouter(include_in_schema=False)
JSON_SUFFIX = ".json"
PAGE_LIMIT = 50
MAX_LIMIT = 500


def _num(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else str(value)


@functools.cache
def templates() -> Environment:
    """The template environment: autoescaping is on for every template, whatever its name."""
    env = Environment(loader=PackageLoader("warledger.web", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["num"] = _num
    env.filters["q"] = lambda value: quote(str(value), safe="")
    return env


def render(template: str, context: dict[str, Any], as_json: bool, status: int = 200) -> Response:
    if as_json:
        return JSONResponse(context, status_code=status)
    return HTMLResponse(templates().get_template(template).render(**context), status_code=status)


def _not_found(what: str, as_json: bool) -> Response:
    return render("error.html", {"status": 404, "detail": f"no {what}"}, as_json, status=404)


def _split(ident: str) -> tuple[str, bool]:
    """``("A-...", True)`` for ``A-....json``: an id and whether the JSON twin was asked for."""
    return (ident.removesuffix(JSON_SUFFIX), True) if ident.endswith(JSON_SUFFIX) else (ident, False)


def _text(request: Request, name: str, longest: int = 200) -> str | None:
    value = request.query_params.get(name, "").strip()
    if len(value) > longest:
        raise HTTPException(422, f"{name} is longer than {longest} characters")
    return value or None


def _date(request: Request, name: str) -> str | None:
    value = _text(request, name, 10)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise HTTPException(422, f"{name}={value!r} is not a date (YYYY-MM-DD)") from exc


def _int(request: Request, name: str, default: int, lowest: int, highest: int) -> int:
    value = _text(request, name, 12)
    if value is None:
        return default
    if not value.isdigit() or not lowest <= int(value) <= highest:
        raise HTTPException(422, f"{name} must be a whole number from {lowest} to {highest}")
    return int(value)


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = _text(request, name, 50)
    if value is not None and value not in allowed:
        raise HTTPException(422, f"{name} must be one of {', '.join(allowed)}")
    return value


async def _timeline(request: Request, as_json: bool) -> Response:
    attacker = _choice(request, "attacker", ("RU", "UA", "all")) or "RU"
    context = await worker(request).call(queries.timeline_context, since=_date(request, "since"),
                                         until=_date(request, "until"),
                                         attacker=None if attacker == "all" else attacker)
    return render("index.html", context, as_json)


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> Response:
    """The timeline of attack waves and talks, and the map of places hit."""
    return await _timeline(request, False)


@router.get("/.json")
async def index_json(request: Request) -> Response:
    return await _timeline(request, True)


async def _events(request: Request, as_json: bool) -> Response:
    kind = _choice(request, "kind", tuple(k.value for k in EventKind))
    context = await worker(request).call(
        queries.events_context, since=_date(request, "since"), until=_date(request, "until"),
        kind=EventKind(kind) if kind else None, place=_text(request, "place"),
        weapon=_choice(request, "weapon", queries.weapon_classes()),
        limit=_int(request, "limit", PAGE_LIMIT, 1, MAX_LIMIT), offset=_int(request, "offset", 0, 0, 10**9))
    return render("events.html", page_links(request, context), as_json)


@router.get("/events", response_class=HTMLResponse)
async def events(request: Request) -> Response:
    """Events with filters by date range, place, kind and weapon class."""
    return await _events(request, False)


@router.get("/events.json")
async def events_json(request: Request) -> Response:
    return await _events(request, True)


async def _one(request: Request, path_id: str, what: str, query: Callable[..., dict[str, Any] | None]) -> Response:
    """The page of one ``what`` (event or article), or its JSON twin when the id ends in ``.json``."""
    ident, as_json = _split(path_id)
    context = await worker(request).call(query, ident)
    if context is None:
        return _not_found(f"{what} {ident!r}", as_json)
    return render(f"{what}.html", context, as_json)


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event(request: Request, event_id: str) -> Response:
    """One event: consensus figures, each source's claim with its evidence marked, conflicts and flags."""
    return await _one(request, event_id, "event", queries.event_context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article(request: Request, article_id: str) -> Response:
    """One article's text with every extracted item marked."""
    return await _one(request, article_id, "article", queries.article_context)


async def _search(request: Request, as_json: bool) -> Response:
    context = await worker(request).call(queries.search_context, _text(request, "q", 500) or "",
                                         limit=_int(request, "limit", 20, 1, MAX_LIMIT),
                                         offset=_int(request, "offset", 0, 0, 10**9))
    return render("search.html", page_links(request, context), as_json)


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request) -> Response:
    """Full-text search over the articles."""
    return await _search(request, False)


@router.get("/search.json")
async def search_json(request: Request) -> Response:
    return await _search(request, True)


@router.get("/docs", response_class=HTMLResponse)
async def docs() -> Response:
    """The OpenAPI explorer (Swagger UI), from assets served by this server."""
    return render("docs.html", {}, False)
