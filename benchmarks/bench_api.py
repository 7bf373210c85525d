"""Latency of the HTTP API on a generated ledger of 100,000 articles: p50/p95 of /api/events,
/api/events/{id} and /api/timeline (issue #5's target: p95 under 100 ms each).

The ledger comes from benchmarks/bench_ledger_queries.py's generator (written straight through the
store); requests go through the whole app (routing, the store worker, JSON encoding) with FastAPI's
TestClient, so the figures leave out only the network. Usage:

    python benchmarks/bench_api.py [--articles N] [--reps N] [--db PATH (kept; reused when it exists)]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_ledger_queries import LedgerGenerator, ledger_facts, write_ledger
from fastapi.testclient import TestClient

from warledger.api import create_app
from warledger.store import open_store
from warledger.store.sql import SqlStore

TARGET_MS = 100.0
DEFAULT_ARTICLES = 100_000
DEFAULT_REPS = 100


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(path: Path, articles: int, seed: int) -> None:
    store = open_store(str(path))
    try:
        if store.counts()["articles"]:
            print(f"reusing {path}: {store.counts()}")
            return
        assert isinstance(store, SqlStore)
        seconds = write_ledger(store, LedgerGenerator(articles, seed))
        print(f"generated {articles:,} articles in {seconds:.1f} s: {store.counts()}")
    finally:
        store.close()


def bench(path: Path, reps: int, seed: int) -> bool:
    store = open_store(str(path))
    assert isinstance(store, SqlStore)
    facts = ledger_facts(store)
    store.close()
    rng = random.Random(seed)
    span = (facts.last - facts.first).days

    def a_month() -> str:
        start = facts.first.toordinal() + rng.randrange(max(1, span - 30))
        return f"since={_iso(start)}&until={_iso(start + 30)}"

    cases: list[tuple[str, Callable[[], str]]] = [
        ("GET /api/events (first page)", lambda: "/api/events"),
        ("GET /api/events?since&until (a month)", lambda: f"/api/events?{a_month()}"),
        ("GET /api/events?place=", lambda: f"/api/events?place={facts.frequent_place}&limit=50"),
        ("GET /api/events?offset=5000", lambda: "/api/events?offset=5000"),
        ("GET /api/events/{id}", lambda: f"/api/events/{rng.choice(facts.event_ids)}"),
        ("GET /api/timeline (all)", lambda: "/api/timeline"),
        ("GET /api/timeline (a month)", lambda: f"/api/timeline?{a_month()}"),
    ]
    ok = True
    with TestClient(create_app(str(path))) as client:
        print(f"\n{'request':<40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  target p95 < {TARGET_MS:.0f} ms")
        for name, url in cases:
            client.get(url())   # warm
            times: list[float] = []
            for _ in range(reps):
                target = url()
                started = time.perf_counter()
                response = client.get(target)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (target, response.status_code)
            times.sort()
            p95 = _percentile(times, 0.95)
            ok &= p95 < TARGET_MS
            print(f"{name:<40} {_percentile(times, 0.5):>8.1f} {p95:>8.1f} {times[-1]:>8.1f}  "
                  f"{'ok' if p95 < TARGET_MS else 'OVER'}")
    return ok


def _iso(ordinal: int) -> str:
    from datetime import date

    return date.fromordinal(ordinal).isoformat()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="articles in the generated ledger")
    parser.add_argument("--reps", type=int, default=DEFAULT_REPS, help="requests per case")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file to keep (reused when it holds a ledger)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="warledger-bench-api-") as folder:
        path = args.db or Path(folder) / "ledger.db"
        build(path, args.articles, args.seed)
        ok = bench(path, args.reps, args.seed)
    print("\nall p95 under target" if ok else "\nsome p95 over target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
