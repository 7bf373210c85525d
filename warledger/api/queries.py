"""The read-only queries behind the API and the dashboard: each builds one JSON-ready context dict.

Views stay thin (STYLE C11): they parse the request, call one function here on the store worker,
and render the dict as JSON or through a template. Everything goes through Store methods (bound
parameters only); the shapes of events, one event and the timeline are the CLI's (ledger/reading.py).

DOCS: docs/api.md
"""

from __future__ import annotations

import functools
import json
import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import Any

from ..ledger.reading import events_json, show_json, timeline_json
from ..ledger.records import Event, EventKind
from ..resolve.gazetteer import load_gazetteer
from ..store import EventQuery, Store
from ..store.sql import search_words
from .highlight import context_parts, extraction_spans, segments, word_parts

__all__ = ["MAP_EVENTS", "article_context", "articles_context", "event_context", "events_context",
           "search_context", "timeline_context", "weapon_classes"]

MAP_EVENTS = 5_000   # attack waves read for the timeline page's wave links and map


@functools.cache
def weapon_classes() -> tuple[str, ...]:
    """The weapon classes the extractor knows (the values of extract/rules/weapons.toml), in file order."""
    with resources.files("warledger").joinpath("extract/rules/weapons.toml").open("rb") as fh:
        rules = tomllib.load(fh).get("rule", [])
    return tuple(dict.fromkeys(str(r["value"]) for r in rules if isinstance(r.get("value"), str)))


def _page(rows: Sequence[Any], limit: int) -> tuple[list[Any], bool]:
    """The first ``limit`` rows of a query asked for ``limit + 1``, and whether there were more."""
    return list(rows[:limit]), len(rows) > limit


def events_context(store: Store, *, since: str | None = None, until: str | None = None,
                   kind: EventKind | None = None, place: str | None = None, weapon: str | None = None,
                   limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of events, newest first, in the ledger's JSON shape, with the filters applied."""
    query = EventQuery(since=since, until=until, kind=kind, place=place, limit=limit + 1, offset=offset)
    found = store.weapon_events(query, weapon) if weapon else store.events(query)
    events, more = _page(found, limit)
    rows = events_json(store, events)
    for row in rows:
        row["conflicts"] = sum(f["conflict"] for f in row["figures"])
    return {"filters": {"since": since, "until": until, "kind": None if kind is None else str(kind),
                        "place": place, "weapon": weapon},
            "events": rows, "limit": limit, "offset": offset, "more": more,
            "weapon_classes": list(weapon_classes())}


def event_context(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event as ``warledger show --format json`` prints it, each claim's evidence marked in its context."""
    data = show_json(store, event_id)
    if data is None:
        return None
    for figure in data["figures"]:
        for claim in figure["claims"]:
            claim["context_parts"] = context_parts(claim.get("context") or claim["evidence"]["text"],
                                                   claim["evidence"]["text"])
    data["conflicts"] = sum(f["conflict"] for f in data["figures"])
    return data


def articles_context(store: Store, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of articles, newest first, without their texts."""
    rows, more = _page(store.article_summaries(limit + 1, offset), limit)
    return {"articles": [a.to_dict() for a in rows], "limit": limit, "offset": offset, "more": more}


def article_context(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article: its text, its stored extraction, every extracted item as a marked segment, its events."""
    article = store.get_article(article_id)
    if article is None:
        return None
    extraction = json.loads(article.extraction)
    spans = extraction_spans(extraction, len(article.text))
    reports = store.reports_by_article([article_id])
    return {"article": {**article.summary(), "text": article.text}, "extraction": extraction,
            "items": [s.to_dict() for s in spans], "segments": segments(article.text, spans),
            "events": [{"event_id": r.event_id, "item": r.item_index, "reason": str(r.reason), "detail": r.detail}
                       for r in reports]}


def _places(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Attack waves grouped by the gazetteer place they hit, with the weapons launched and the people
    killed and injured in those waves summed (a wave's numbers count at each of its places)."""
    gazetteer = load_gazetteer()
    places: dict[str, dict[str, Any]] = {}
    for event in events:
        for name in event.places:
            entry = gazetteer.lookup(name)
            if entry is None or entry.lat is None or entry.lon is None:
                continue
            place = places.setdefault(entry.name, {"name": entry.name, "admin1": entry.admin1, "lat": entry.lat,
                                                   "lon": entry.lon, "waves": 0, "launched": 0, "killed": 0,
                                                   "injured": 0, "events": []})
            place["waves"] += 1
            place["launched"] += event.launched or 0
            place["killed"] += event.killed or 0
            place["injured"] += event.injured or 0
            if len(place["events"]) < 5:
                place["events"].append(event.id)
    return sorted(places.values(), key=lambda p: (-p["launched"], p["name"]))


def timeline_context(store: Store, *, since: str | None = None, until: str | None = None,
                     attacker: str | None = "RU") -> dict[str, Any]:
    """The timeline page: per day the waves and talks (``warledger timeline``), per weapon class, the waves
    of each day (for links) and the places hit (for the map)."""
    waves = [e for e in store.events(EventQuery(since=since, until=until, kind=EventKind.ATTACK, limit=MAP_EVENTS))
             if attacker is None or e.attacker == attacker]
    by_day: dict[str, list[dict[str, Any]]] = {}
    for e in sorted(waves, key=lambda e: (e.date or "", e.id)):
        if e.date is not None:
            by_day.setdefault(e.date, []).append({"id": e.id, "launched": e.launched, "intercepted": e.intercepted,
                                                  "places": list(e.places)})
    return {"filters": {"since": since, "until": until, "attacker": attacker or "all"},
            "days": timeline_json(store, since, until, attacker),
            "weapons": [{"date": w.date, "what": w.what, "launched": w.launched, "intercepted": w.intercepted}
                        for w in store.weapon_timeline(since, until, attacker)],
            "weapon_classes": list(weapon_classes()), "waves": by_day, "places": _places(waves)}


def search_context(store: Store, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Articles matching ``q`` (every word, stemmed), best first, each with a snippet whose words are marked."""
    words = search_words(q)
    hits, more = _page(store.search(q, limit + 1, offset), limit) if words else ([], False)
    return {"q": q, "words": words, "limit": limit, "offset": offset, "more": more,
            "hits": [{**h.to_dict(), "snippet_parts": word_parts(h.snippet, words)} for h in hits]}
