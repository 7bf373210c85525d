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

from ..resolve.gazetteer import load_gazetteer
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


def _geojson(store: Store) -> Iterator[str]:
    gazetteer = load_gazetteer()
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for page in _pages(store):
        for e in page:
            if e["kind"] != "attack":
                continue
            for name in e["places"]:
                entry = gazetteer.lookup(name)
                if entry is None or entry.lat is None or entry.lon is None:
                    continue
                feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [entry.lon, entry.lat]},
                           "properties": {"event_id": e["id"], "date": e["date"], "place": entry.name,
                                          "admin1": entry.admin1, "kind": str(entry.kind), **e["headline"]}}
                yield ("\n" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
                first = False
    yield "\n]}\n"


def export(store: Store, fmt: str) -> Iterator[str]:
    """The ledger in ``fmt`` (csv, jsonl or geojson), as chunks of text to write in order."""
    writers = {"csv": _csv, "jsonl": _jsonl, "geojson": _geojson}
    return writers[fmt](store)
