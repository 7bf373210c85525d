"""Latency of the ledger's reading queries on a generated ledger of 100,000 articles (issue #4's target).

A ledger is generated straight through the store (no extractor): ARTICLES articles with their
MinHash bands, ~0.3 events per article over three years (2023-2025; 85 % attack waves, 15 %
diplomatic events), 3-4 reports per event, ~11 claims and ~7 figures per attack wave (diplomatic
events have none, as in a real ledger: ~10 claims and ~6 figures per event overall), places and
venues from the gazetteer. It is written in transactions of BATCH events, rows in executemany
batches (``add_reports``/``add_claims`` of the Store, and ``SqlStore.executemany`` with the
store's own column lists where the Store only has one-row methods). Then each query that
``warledger events / show / timeline`` makes (the library calls, not the CLI's start-up or
formatting) runs REPS times, and p50/p95/max are printed in ms, for SQLite (a file in a temporary
folder, or --db PATH to keep it) and, with --pg URL or $WARLEDGER_TEST_PG_URL, PostgreSQL (a fresh
schema, dropped afterwards). See README.md here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench_ingest import PG_VARIABLE, peak_rss_mb, pg_schema, redact

from warledger.ledger.minhash import BANDS
from warledger.ledger.reading import list_events, show_json, timeline_json
from warledger.ledger.records import Claim, EventKind, MatchReason, Report
from warledger.resolve.gazetteer_data import load_places
from warledger.store import EventQuery, open_store
from warledger.store.sql import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    HEADLINE_COLUMNS,
    SqlStore,
    flags_json,
)

TARGET_MS = 100.0          # events and timeline, p95, issue #4
DEFAULT_ARTICLES = 100_000
EVENTS_PER_ARTICLE = 0.3
ATTACK_SHARE = 0.85
FIRST_DAY, DAYS = date(2023, 1, 1), 3 * 365
BATCH = 2_000              # events per transaction
GENERATION_CACHE_KIB = 256 * 1024
DEFAULT_REPS = 50
OUTLETS = ("Northbank Times", "Balticpost", "Carpathian Herald", "Crossway Wire", "Airwatch", "Dnipro Daily",
           "Eastern Ledger", "Kyiv Courier", "Harbour Gazette", "Steppe Review", "Meridian News", "Odesa Echo")
FIGURE_KEYS = (("launched", "aerial_weapon"), ("launched", "drone"), ("launched", "missile"),
               ("launched", "cruise_missile"), ("launched", "ballistic_missile"), ("intercepted", "drone"),
               ("intercepted", "missile"), ("intercepted", "aerial_weapon"), ("suppressed", "drone"),
               ("hit", "drone"), ("killed", "people"), ("injured", "people"), ("injured", "children"),
               ("damaged", "buildings"), ("killed", "children"), ("damaged", "vehicles"))
RULES = ("consensus.official.v1", "consensus.most_cited.v1", "consensus.latest.v1")
ATTRIBUTIONS = (None, None, "Air Force", "regional military administration", "the mayor", "State Emergency Service")
PARTIES = ("UA", "US", "RU", "TR", "FR", "DE", "GB", "PL", "SA", "QA", "CN", "VA")
SENTENCES = (
    "Russian forces attacked {place} overnight with {n} drones and several missiles, officials said.",
    "Air defence units shot down {n} of the targets over {place}, according to the Air Force.",
    "The regional governor said {k} people were injured and a residential building was damaged in {place}.",
    "Emergency crews worked through the morning to put out fires at an energy facility near {place}.",
    "Residents of {place} spent hours in shelters as explosions were heard across the city.",
    "It was the {k}th large-scale attack on {place} this month, local media reported.",
    "Power was cut to {n} households in {place} after the strikes, the grid operator said.",
    "Debris from downed drones fell on a school and a warehouse in {place}; no one was hurt there.",
)


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def _row(columns: Sequence[str], values: dict[str, Any]) -> tuple[Any, ...]:
    """``values`` in the store's column order; a column the generator does not know is an error that says so."""
    missing = [c for c in columns if c not in values]
    if missing:
        raise KeyError(f"the store has columns this benchmark does not generate: {missing} (update it)")
    return tuple(values[c] for c in columns)


ARTICLE_INSERT_COLUMNS = (*ARTICLE_COLUMNS, "ingested_at")
# the figure behind each of the events' HEADLINE_COLUMNS
HEADLINE_KEYS = (("launched", "aerial_weapon"), ("intercepted", "aerial_weapon"), ("suppressed", "drone"),
                 ("killed", "people"), ("injured", "people"))
ARTICLES_SQL = _insert("articles", ARTICLE_INSERT_COLUMNS)
BANDS_SQL = _insert("article_bands", ("band", "article_id"))
EVENTS_SQL = _insert("events", EVENT_COLUMNS)
PLACES_SQL = _insert("event_places", ("event_id", "place"))
FIGURES_SQL = _insert("figures", FIGURE_COLUMNS)


# -- generating the ledger
def gazetteer_places() -> tuple[list[str], list[str], list[str]]:
    """Ukrainian and Russian cities and oblasts/regions (the biggest first), and venues abroad."""
    first = ("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Lviv", "Kyiv Oblast", "Kharkiv Oblast",
             "Sumy", "Mykolaiv", "Kherson", "Belgorod", "Kursk Oblast", "Bryansk Oblast", "Moscow")
    rank = {name: i for i, name in enumerate(first)}
    found: dict[str, list[str]] = {"UA": [], "RU": [], "abroad": []}
    for row in load_places():
        e = row.entry
        if e.kind.value in ("city", "oblast", "region") and e.country in ("UA", "RU"):
            found[e.country].append(e.name)
        elif e.kind.value == "city":
            found["abroad"].append(e.name)
    for names in found.values():
        names.sort(key=lambda n: (rank.get(n, len(first)), n))
    return found["UA"], found["RU"], found["abroad"]


@dataclass
class Batch:
    articles: list[tuple[Any, ...]] = field(default_factory=list)
    bands: list[tuple[str, str]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    figures: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    id: str
    source: str
    published: str
    story_id: str
    length: int


def _zipf(names: list[str]) -> tuple[list[str], list[float]]:
    """``names`` with cumulative weights 1, 1/2, 1/3 ...: the first places are the most reported."""
    total, cumulative = 0.0, []
    for rank in range(len(names)):
        total += 1 / (rank + 1)
        cumulative.append(total)
    return names, cumulative


class LedgerGenerator:
    """The rows of a ledger of ``articles`` articles, batch by batch; seeded, so the same ledger every time."""

    def __init__(self, articles: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.total = articles
        self.events = max(1, round(articles * EVENTS_PER_ARTICLE))
        ua, ru, abroad = gazetteer_places()
        self.ua, self.ru, self.abroad = _zipf(ua), _zipf(ru), _zipf(abroad)
        self.meta: list[ArticleMeta] = []
        self.next_article = 0          # reporters are taken in turn, around again when all exist
        self.seen: dict[str, int] = {}
        self.extraction = extraction_template()

    def pick(self, pool: tuple[list[str], list[float]]) -> str:
        return self.rng.choices(pool[0], cum_weights=pool[1])[0]

    def batches(self) -> Iterator[Batch]:
        """Events in date order, BATCH per batch with the articles they first use; then the articles
        no event reports."""
        batch = Batch()
        for day in sorted(self.rng.randrange(DAYS) for _ in range(self.events)):
            self.add_event(batch, FIRST_DAY + timedelta(days=day))
            if len(batch.events) >= BATCH:
                yield batch
                batch = Batch()
        while len(self.meta) < self.total:
            self.add_article(batch, FIRST_DAY + timedelta(days=self.rng.randrange(DAYS)))
            if len(batch.articles) >= BATCH * 3:
                yield batch
                batch = Batch()
        yield batch

    def add_article(self, batch: Batch, day: date) -> None:
        rng, n = self.rng, len(self.meta)
        ident = f"{rng.getrandbits(256):064x}"
        story = self.meta[rng.randrange(max(0, n - 50), n)].story_id if n and rng.random() < 0.1 else ident
        published = (f"{day + timedelta(days=int(rng.random() < 0.3))}T{rng.randrange(24):02d}:"
                     f"{rng.randrange(60):02d}:00+02:00")
        source, place = rng.choice(OUTLETS), self.pick(self.ua)
        sentences = [rng.choice(SENTENCES).format(place=place, n=rng.randrange(5, 400), k=rng.randrange(2, 30))
                     for _ in range(30)]
        text = "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, 30, 3))
        batch.articles.append(_row(ARTICLE_INSERT_COLUMNS, {
            "id": ident, "text_hash": hashlib.sha256(ident.encode()).hexdigest(), "text": text,
            "url": f"https://news.example/{n}", "source": source, "title": f"{place}: the night of {day:%d %B %Y}",
            "published": published, "origin": f"feeds/outlet-{n % 97}.jsonl:{n + 1}", "story_id": story,
            "signature": rng.randbytes(4 * 96), "extraction": self.extraction.replace("ARTICLE_ID", ident),
            "updated": None, "ingested_at": "2026-01-01T00:00:00+00:00"}))
        batch.bands.extend((f"{b}:{rng.getrandbits(32):08x}", ident) for b in range(BANDS))
        self.meta.append(ArticleMeta(ident, source, published, story, len(text)))

    def reporters(self, batch: Batch, k: int, day: date) -> list[ArticleMeta]:
        chosen = []
        for _ in range(k):
            i = self.next_article % self.total
            self.next_article += 1
            if i == len(self.meta):
                self.add_article(batch, day)
            chosen.append(self.meta[i])
        return list(dict.fromkeys(chosen))

    def event_id(self, base: str) -> str:
        n = self.seen[base] = self.seen.get(base, 0) + 1
        return base if n == 1 else f"{base}-{n}"

    def add_event(self, batch: Batch, day: date) -> None:
        rng = self.rng
        reporters = self.reporters(batch, rng.choice((3, 4)), day)
        if rng.random() < ATTACK_SHARE:
            ident = self.add_attack(batch, day, reporters)
        else:
            ident = self.add_diplomacy(batch, day)
        for i, article in enumerate(reporters):
            reason = MatchReason.NEW_EVENT if i == 0 else rng.choice((MatchReason.SAME_DATE, MatchReason.ADJACENT_DATE))
            batch.reports.append(Report(ident, article.id, 0, reason, f"{reason.value} (generated)"))

    def add_attack(self, batch: Batch, day: date, reporters: list[ArticleMeta]) -> str:
        rng = self.rng
        attacker, target, pool = ("RU", "UA", self.ua) if rng.random() < 0.85 else ("UA", "RU", self.ru)
        ident = self.event_id(f"A-{day}-{attacker}-{target}")
        places = list(dict.fromkeys(self.pick(pool) for _ in range(rng.randint(1, 4))))
        best = self.add_figures(batch, ident, reporters)
        headline = [best.get(key) for key in HEADLINE_KEYS]
        flags = flags_json([]) if rng.random() > 0.05 else json.dumps(
            [{"code": "outcome_exceeds_launched", "detail": "consensus: more intercepted than launched"}])
        batch.events.append(_row(EVENT_COLUMNS, {
            "id": ident, "kind": EventKind.ATTACK.value, "date": str(day), "attacker": attacker,
            "target_country": target, "type": None, "venue": None, "participants": "[]",
            "places": json.dumps(places, ensure_ascii=False), "flags": flags,
            **dict(zip(HEADLINE_COLUMNS, headline, strict=True))}))
        batch.places.extend((ident, p) for p in sorted({p.casefold() for p in places}))
        return ident

    def add_diplomacy(self, batch: Batch, day: date) -> str:
        rng = self.rng
        kind = rng.choice(("meeting", "call", "agreement"))
        ident = self.event_id(f"D-{day}-{kind}")
        venue = None if kind == "call" else self.pick(self.abroad)
        places = [] if venue is None else [venue]
        batch.events.append(_row(EVENT_COLUMNS, {
            "id": ident, "kind": EventKind.DIPLOMACY.value, "date": str(day), "attacker": None,
            "target_country": None, "type": kind, "venue": venue,
            "participants": json.dumps(rng.sample(PARTIES, rng.randint(2, 3))),
            "places": json.dumps(places, ensure_ascii=False), "flags": "[]", **dict.fromkeys(HEADLINE_COLUMNS)}))
        batch.places.extend((ident, p) for p in sorted({p.casefold() for p in places}))
        return ident

    def add_figures(self, batch: Batch, event_id: str, reporters: list[ArticleMeta]) -> dict[tuple[str, str], int]:
        """6-8 figures, each with 1-2 claims from the event's reporters; the best value of each."""
        rng, best_of = self.rng, {}
        for measure, what in rng.sample(FIGURE_KEYS, rng.randint(6, 8)):
            best = rng.randrange(1, 60) if measure in ("killed", "injured", "damaged") else rng.randrange(5, 500)
            values = [best if rng.random() < 0.7 else max(0, best + rng.randint(-10, 10))
                      for _ in range(rng.choice((1, 1, 2, 2, 2)))]
            batch.claims += [self.claim(event_id, measure, what, v, rng.choice(reporters)) for v in values]
            low, high = min([*values, best]), max([*values, best])
            conflict = high - low > max(2, best * 0.05)
            flags = json.dumps([{"code": "conflict", "detail": f"{low} against {best}"}] if conflict else [])
            batch.figures.append(_row(FIGURE_COLUMNS, {
                "event_id": event_id, "measure": measure, "what": what, "low": low, "best": best, "high": high,
                "rule": rng.choice(RULES), "conflict": int(conflict), "flags": flags}))
            best_of[(measure, what)] = best
        return best_of

    def claim(self, event_id: str, measure: str, what: str, value: int, article: ArticleMeta) -> Claim:
        rng = self.rng
        evidence = f"{value} {what.replace('_', ' ')}s {measure}"
        start = rng.randrange(max(1, article.length - len(evidence)))
        return Claim(id=f"c-{rng.getrandbits(64):016x}", event_id=event_id, article_id=article.id, measure=measure,
                     what=what, value=value, qualifier=rng.choice(("exact", "exact", "exact", "at_least", "approx")),
                     model="Shahed" if what == "drone" and rng.random() < 0.5 else None, place=None,
                     attributed_to=rng.choice(ATTRIBUTIONS), hedged=rng.random() < 0.1, source=article.source,
                     published=article.published, story_id=article.story_id, evidence_start=start,
                     evidence_end=start + len(evidence), evidence_text=evidence)


def extraction_template() -> str:
    """An extraction JSON of a typical size (~4 KB), with ARTICLE_ID to replace."""
    item = {"date": "2025-07-09", "attacker": "RU", "target_country": "UA", "places": [{"name": "Kyiv"}],
            "figures": [{"measure": m, "what": w, "value": 10 + i, "qualifier": "exact",
                         "evidence": {"start": 100 * i, "end": 100 * i + 20, "text": f"{10 + i} {w}s {m}"}}
                        for i, (m, w) in enumerate(FIGURE_KEYS[:8])]}
    return json.dumps({"format": "warledger-extraction/1", "article": {"id": "ARTICLE_ID"},
                       "attacks": [item, item], "diplomacy": [], "positions": [], "quotes": [], "statistics": []})


def write_ledger(store: SqlStore, generator: LedgerGenerator) -> float:
    """Every batch in one transaction each; the seconds it took (with VACUUM ANALYZE on PostgreSQL,
    which autovacuum would do after such a load)."""
    started = time.perf_counter()
    sqlite = store.dialect.name == "SQLite"
    if sqlite:   # a bigger page cache while loading (the bands' index is written all over); put back after
        cache = store.query("PRAGMA cache_size")[0][0]
        store.execute(f"PRAGMA cache_size = {-GENERATION_CACHE_KIB}")
    for batch in generator.batches():
        with store.transaction():
            store.executemany(ARTICLES_SQL, batch.articles)
            store.executemany(BANDS_SQL, sorted(batch.bands))   # in index order: far fewer pages touched
            store.executemany(EVENTS_SQL, batch.events)
            store.executemany(PLACES_SQL, batch.places)
            store.add_reports(batch.reports)
            store.add_claims(batch.claims)
            store.executemany(FIGURES_SQL, batch.figures)
    if sqlite:
        store.execute(f"PRAGMA cache_size = {int(cache)}")
    else:
        store.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


# -- the queries
@dataclass(frozen=True, slots=True)
class LedgerFacts:
    """What the queries pick their parameters from: read from the ledger, so a kept --db works too."""

    event_ids: list[str]
    first: date
    last: date
    frequent_place: str
    rare_place: str


def ledger_facts(store: SqlStore) -> LedgerFacts:
    ids = [str(row[0]) for row in store.query("SELECT id FROM events ORDER BY id")]
    first, last = store.query("SELECT MIN(date), MAX(date) FROM events")[0]
    places = store.query("SELECT place, COUNT(*) FROM event_places GROUP BY place ORDER BY COUNT(*) DESC, place")
    return LedgerFacts(ids, date.fromisoformat(first), date.fromisoformat(last), places[0][0], places[-1][0])


def _span(facts: LedgerFacts, rng: random.Random, days: int) -> tuple[str, str]:
    """A random range of ``days`` days (a month: from a 1st) inside the ledger's dates, as ISO dates."""
    start = facts.first + timedelta(days=rng.randrange(max(1, (facts.last - facts.first).days - days)))
    if days <= 31:
        start = start.replace(day=1)
    return str(start), str(start + timedelta(days=days - 1))


Run = Callable[[SqlStore, random.Random], Any]


def query_cases(f: LedgerFacts) -> list[tuple[str, Run, float | None]]:
    """(name as the CLI command, the library call it makes, target ms or None); parameters drawn per call."""
    attack, last = EventKind.ATTACK, max(0, len(f.event_ids) - 100)
    deep = min(10_000, last // 2)

    def events(**query: Any) -> Run:
        return lambda store, rng: list_events(store, EventQuery(**query))

    def events_in(days: int, **query: Any) -> Run:
        return lambda store, rng: list_events(store, EventQuery(*_span(f, rng, days), **query))

    return [
        ("events", events(), TARGET_MS),
        ("events --kind attack", events(kind=attack), TARGET_MS),
        ("events --kind diplomacy", events(kind=EventKind.DIPLOMACY), TARGET_MS),
        (f"events --place '{f.frequent_place}' (most events)", events(place=f.frequent_place), TARGET_MS),
        (f"events --place '{f.rare_place}' (fewest events)", events(place=f.rare_place), TARGET_MS),
        ("events --since/--until (a month)", events_in(30), TARGET_MS),
        ("events --since/--until (a year)", events_in(365), TARGET_MS),
        ("events --since (the last 30 days)",
         lambda store, rng: list_events(store, EventQuery(since=str(f.last - timedelta(days=29)))), TARGET_MS),
        ("events --kind attack --place P --since/--until (a year)",
         events_in(365, kind=attack, place=f.frequent_place), TARGET_MS),
        (f"events --offset {deep} (page {deep // 100 + 1})", events(offset=deep), TARGET_MS),
        (f"events --offset {last} (the last page)", events(offset=last), TARGET_MS),
        ("show EVENT (a random event)", lambda store, rng: show_json(store, rng.choice(f.event_ids)), None),
        ("timeline (all dates; attacker RU, the default)", lambda store, rng: timeline_json(store, None, None),
         TARGET_MS),
        ("timeline --since/--until (a month)", lambda store, rng: timeline_json(store, *_span(f, rng, 30)),
         TARGET_MS),
        ("store.counts()", lambda store, rng: store.counts(), None),
    ]


def _percentile(ordered: list[int], share: float) -> float:
    """The nearest-rank value at ``share`` (0..1) of an ascending list of ns, in ms."""
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))] / 1e6


def time_query(store: SqlStore, run: Run, reps: int, rng: random.Random) -> dict[str, Any]:
    """One untimed call, then ``reps`` timed ones: p50/p95/max in ms, and how many items (events, days)
    the last answer held (None for show and counts)."""
    run(store, rng)
    durations = []
    answer: Any = None
    for _ in range(reps):
        started = time.perf_counter_ns()
        answer = run(store, rng)
        durations.append(time.perf_counter_ns() - started)
    ordered = sorted(durations)
    size = len(answer) if isinstance(answer, list) else None
    return {"p50_ms": _percentile(ordered, 0.5), "p95_ms": _percentile(ordered, 0.95), "max_ms": ordered[-1] / 1e6,
            "reps": reps, "items": size}


# -- one database
def database_mb(store: SqlStore) -> float:
    if store.dialect.name == "PostgreSQL":
        rows = store.query("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                           " JOIN pg_namespace n ON n.oid = c.relnamespace"
                           " WHERE n.nspname = current_schema() AND c.relkind = 'r'")
        return int(rows[0][0]) / 2**20
    pages, size = store.query("PRAGMA page_count")[0][0], store.query("PRAGMA page_size")[0][0]
    return int(pages) * int(size) / 2**20


def bench_database(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Generate the ledger at ``url`` (unless it already holds articles), then time every query."""
    store = open_store(url)
    if not isinstance(store, SqlStore):
        raise TypeError(f"{url}: expected a SqlStore, got {type(store).__name__}")
    result: dict[str, Any] = {}
    try:
        if store.counts()["articles"]:
            result["reused"] = True
        else:
            result["generation_s"] = write_ledger(store, LedgerGenerator(args.articles, args.seed))
        result["rows"] = store.counts()
        result["size_mb"] = database_mb(store)
        facts = ledger_facts(store)
        rng = random.Random(args.seed)
        result["queries"] = {}
        for name, run, target in query_cases(facts):
            result["queries"][name] = {**time_query(store, run, args.reps, rng), "target_ms": target}
    finally:
        store.close()
    result["peak_rss_mb"] = peak_rss_mb()
    return result


# -- the report
def print_database(name: str, result: dict[str, Any]) -> None:
    rows = result["rows"]
    print(f"{name}:")
    if result.get("reused"):
        print("  ledger: reused as found (not generated)")
    else:
        seconds = result["generation_s"]
        print(f"  generated in {seconds:.1f} s ({rows['articles'] / seconds:,.0f} articles/s)")
    print("  rows: " + ", ".join(f"{table} {n:,}" for table, n in rows.items())
          + f"; {result['size_mb']:,.0f} MB; peak RSS so far {result['peak_rss_mb']:.0f} MB")
    print(f"  {'query':<58}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}{'items':>6}  target (p95)")
    for query, t in result["queries"].items():
        target = t["target_ms"]
        verdict = "" if target is None else f"< {target:.0f} ms: {'met' if t['p95_ms'] < target else 'MISSED'}"
        print(f"  {query:<58}{t['p50_ms']:8.2f}{t['p95_ms']:8.2f}{t['max_ms']:8.2f}{t['items'] or '-':>6}  {verdict}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES,
                        help=f"articles in the generated ledger (default {DEFAULT_ARTICLES:,})")
    parser.add_argument("--reps", type=int, default=DEFAULT_REPS,
                        help=f"timed calls per query (default {DEFAULT_REPS})")
    parser.add_argument("--db", type=Path, default=None,
                        help="a SQLite file to keep the ledger in (reused as it is when it already holds articles)")
    parser.add_argument("--pg", default=os.environ.get(PG_VARIABLE, "").strip() or None,
                        help=f"a PostgreSQL URL (default ${PG_VARIABLE}); a schema is created and dropped")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated ledger and the query parameters")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.articles < 1 or args.reps < 1:
        print("bench_ledger_queries: --articles and --reps must be at least 1", file=sys.stderr)
        return 1
    report: dict[str, Any] = {"articles": args.articles, "reps": args.reps, "seed": args.seed,
                              "target_ms": TARGET_MS, "load_average": os.getloadavg()[0], "results": {}}
    with tempfile.TemporaryDirectory(prefix="warledger-bench-queries-") as tmp:
        path = args.db or Path(tmp) / "ledger.db"
        report["sqlite"] = str(path)
        report["results"]["sqlite"] = bench_database(f"sqlite:///{path}", args)
    if args.pg:
        report["pg"] = redact(args.pg)
        with pg_schema(args.pg, "bench_queries") as url:
            report["results"]["postgresql"] = bench_database(url, args)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"ledger: {args.articles:,} articles (seed {args.seed}); each query {args.reps} timed calls after one "
          "untimed; the library calls of the CLI commands (no process start, no formatting)")
    print(f"load average (1 min) at start: {report['load_average']:.2f} on {os.cpu_count()} CPUs")
    print_database(f"SQLite ({report['sqlite']})", report["results"]["sqlite"])
    if args.pg:
        print_database(f"PostgreSQL ({report['pg']})", report["results"]["postgresql"])
    else:
        print(f"PostgreSQL: skipped (give --pg URL or set {PG_VARIABLE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
