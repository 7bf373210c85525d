"""Exports of the whole ledger: CSV (one row per event figure), JSON Lines (one event per line) and
GeoJSON (one point per place an attack wave hit, with the wave's headline numbers).

DOCS: docs/ledger.md#exports
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..store.base import Store
from .reading import events_json
from .records import Event

__all__ = ["CSV_COLUMNS", "EXPORT_FORMATS", "export"]

EXPORT_FORMATS = ("csv", "jsonl", "geojson")
CSV_COLUMNS = ("event_id", "kind", "date", "attacker", "target_country", "type", "venue", "participants",
               "places", "measure", "what", "low", "best", "high", "rule", "conflict", "flags", "claims", "sources")
PAGE = 500  # events read per query


def _pages(store: Store) -> Iterator[list[dict[str, Any]]]:
    page: list[Event] = []
    for event in store.iter_events():
        page.append(event)
        if len(page) == PAGE:
            yield events_json(store, page)
            page = []
    if page:
        yield events_json(store, page)


def _csv(store: Store) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for page in _pages(store):
        for e in page:
            base = [e["id"], e["kind"], e["date"], e.get("attacker"), e.get("target_country"), e.get("type"),
                    e.get("venue"), "; ".join(e.get("participants", [])), "; ".join(e["places"])]
            rows = e["figures"] or [None]
            for f in rows:
                if f is None:
                    writer.writerow([*base, *[None] * 9, "; ".join(e["sources"])])
                    continue
                writer.writerow([*base, f["measure"], f["what"], f["low"], f["best"], f["high"], f["rule"],
                                 f["conflict"], "; ".join(x["detail"] for x in f["flags"]),
                                 len(f["claims"]), "; ".join(e["sources"])])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


def _jsonl(store: Store) -> Iterator[str]:
    for page in _pages(store):
        yield "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in page)


def _resolved_places(store: Store, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Per event, the places its reporting articles resolved (name, kind, admin1, lat, lon), as extracted:
    looking a name up again could move an ambiguous one (Zolochiv in Lviv or Kharkiv oblast)."""
    found: dict[str, dict[tuple[str, str | None], dict[str, Any]]] = {i: {} for i in event_ids}
    articles: dict[str, Any] = {}
    for r in store.reports_for(event_ids):
        if r.article_id not in articles:
            stored = store.get_article(r.article_id)
            articles[r.article_id] = json.loads(stored.extraction) if stored is not None else {}
        attacks = articles[r.article_id].get("attacks", [])
        if r.item_index >= len(attacks):
            continue
        item = attacks[r.item_index]
        places = list(item.get("places", [])) + [f["place"] for f in item.get("figures", []) if f.get("place")]
        for p in places:
            if p.get("lat") is not None and p.get("lon") is not None:
                found[r.event_id].setdefault((p["name"], p.get("admin1")), p)
    return {i: list(v.values()) for i, v in found.items()}


def _geojson(store: Store) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for page in _pages(store):
        attacks = [e for e in page if e["kind"] == "attack"]
        resolved = _resolved_places(store, [e["id"] for e in attacks])
        for e in attacks:
            for place in resolved[e["id"]]:
                feature = {"type": "Feature",
                           "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                           "properties": {"event_id": e["id"], "date": e["date"], "place": place["name"],
                                          "admin1": place.get("admin1"), "kind": place.get("kind"),
                                          **e["headline"]}}
                yield ("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
                first = False
    yield "\n]}\n"


def export(store: Store, fmt: str) -> Iterator[str]:
    """The ledger in ``fmt`` (csv, jsonl or geojson), as chunks of text to write in order."""
    writers = {"csv": _csv, "jsonl": _jsonl, "geojson": _geojson}
    return writers[fmt](store)
