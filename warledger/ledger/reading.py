"""Reading the ledger: the stable JSON shapes of events, one event with its evidence, and the timeline.

DOCS: README.md#the-ledgers-json
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..store.base import EventQuery, Store
from .records import Claim, Event, EventFigure, EventKind, Report

__all__ = ["event_json", "events_json", "show_json", "timeline_json"]

CONTEXT_CHARS = 160  # characters around a claim's evidence that `show` prints


def _figure_json(f: EventFigure, claims: Sequence[Claim]) -> dict[str, Any]:
    return {"measure": f.measure, "what": f.what, "low": f.low, "best": f.best, "high": f.high, "rule": f.rule,
            "conflict": f.conflict, "flags": [x.to_dict() for x in f.flags],
            "claims": [c.to_dict() for c in claims]}


def event_json(event: Event, figures: Sequence[EventFigure], claims: Sequence[Claim],
               reports: Sequence[Report]) -> dict[str, Any]:
    """One event in the ledger's stable shape (README: "The ledger's JSON")."""
    by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_key[(c.measure, c.what)].append(c)
    data: dict[str, Any] = {"id": event.id, "kind": str(event.kind), "date": event.date}
    if event.kind == EventKind.ATTACK:
        data.update(attacker=event.attacker, target_country=event.target_country,
                    headline={"launched": event.launched, "intercepted": event.intercepted,
                              "suppressed": event.suppressed, "killed": event.killed, "injured": event.injured})
    else:
        data.update(type=event.type, participants=list(event.participants), venue=event.venue)
    data.update(places=list(event.places), sources=sorted({r.article_id for r in reports}),
                flags=[x.to_dict() for x in event.flags],
                figures=[_figure_json(f, sorted(by_key[(f.measure, f.what)], key=lambda c: (c.published or "", c.id)))
                         for f in figures])
    return data


def events_json(store: Store, events: Sequence[Event]) -> list[dict[str, Any]]:
    """Many events at once (three queries, whatever their number)."""
    ids = [e.id for e in events]
    figures: dict[str, list[EventFigure]] = defaultdict(list)
    for f in store.figures_for(ids):
        figures[f.event_id].append(f)
    claims: dict[str, list[Claim]] = defaultdict(list)
    for c in store.claims_for(ids):
        claims[c.event_id].append(c)
    reports: dict[str, list[Report]] = defaultdict(list)
    for r in store.reports_for(ids):
        reports[r.event_id].append(r)
    return [event_json(e, figures[e.id], claims[e.id], reports[e.id]) for e in events]


def list_events(store: Store, query: EventQuery) -> list[dict[str, Any]]:
    return events_json(store, store.events(query))


def _context(text: str, start: int, end: int) -> str:
    """The sentence(s) around a span, cut at a paragraph break or CONTEXT_CHARS either side."""
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    para_start = text.rfind("\n", lo, start)
    para_end = text.find("\n", end, hi)
    lo = para_start + 1 if para_start >= 0 else lo
    hi = para_end if para_end >= 0 else hi
    return text[lo:hi].strip()


def show_json(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with every claim's source, published time and the text around its evidence."""
    event = store.get_event(event_id)
    if event is None:
        return None
    reports = store.reports_for([event_id])
    data = event_json(event, store.figures_for([event_id]), store.claims_for([event_id]), reports)
    articles = {r.article_id: store.get_article(r.article_id) for r in reports}
    for fig in data["figures"]:
        for claim in fig["claims"]:
            article = articles.get(claim["article_id"])
            if article is not None:
                ev = claim["evidence"]
                claim["context"] = _context(article.text, ev["start"], ev["end"])
                claim["url"] = article.url
                claim["title"] = article.title
    data["reports"] = [{"article_id": r.article_id, "item": r.item_index, "reason": str(r.reason),
                        "detail": r.detail, "date": r.date,
                        "source": (a.source if (a := articles.get(r.article_id)) else None),
                        "url": a.url if a else None, "published": a.published if a else None}
                       for r in sorted(reports, key=lambda r: (r.article_id, r.item_index))]
    return data


def timeline_json(store: Store, since: str | None, until: str | None,
                  attacker: str | None = "RU") -> list[dict[str, Any]]:
    """Per day: the waves of ``attacker`` (all sides when None) with weapons launched, intercepted and
    suppressed, the share intercepted, casualties, and the diplomatic events of that day."""
    days: dict[str, dict[str, Any]] = {}
    for row in store.timeline(since, until, attacker):
        days[row.date] = {"date": row.date, "attacks": row.events, "launched": row.launched,
                          "intercepted": row.intercepted, "suppressed": row.suppressed,
                          "intercepted_share": (round(row.intercepted / row.launched, 3)
                                                if row.launched and row.intercepted is not None else None),
                          "killed": row.killed, "injured": row.injured, "diplomacy": []}
    for e in store.diplomacy_days(since, until):
        if e.date is None:
            continue
        day = days.setdefault(e.date, {"date": e.date, "attacks": 0, "launched": None, "intercepted": None,
                                       "suppressed": None, "intercepted_share": None, "killed": None,
                                       "injured": None, "diplomacy": []})
        day["diplomacy"].append({"id": e.id, "type": e.type, "participants": list(e.participants),
                                 "venue": e.venue})
    return [days[d] for d in sorted(days)]
