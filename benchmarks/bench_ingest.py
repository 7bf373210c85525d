"""End-to-end ingest throughput of ``warledger.ledger.runner.ingest`` on one core, into SQLite and PostgreSQL.

The bundled articles (corpus/articles and corpus/ledger/articles) are read once (untimed) and
written out REPEAT times as .jsonl files, each copy's text varied slightly ("(copy N)" on the
title line, "Revision N." at the end of the last paragraph), so no copy is an exact duplicate:
the copies are near-duplicate versions of the bundled stories (MinHash links them) and their items
land on the same ledger events. ``ingest`` then reads, screens, extracts, MinHashes, resolves and
stores all of them, in this one process, into a fresh SQLite file and, with --pg URL or
$WARLEDGER_TEST_PG_URL, into a fresh schema of that PostgreSQL database (dropped afterwards).
During the run the stages' functions in the runner and every Store call are timed, which splits
the total into read, screen, extraction, MinHash, store and the rest (resolution, consensus).
See README.md here.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import warledger.ledger.runner as runner
from warledger.extract import extract_article, pool
from warledger.ingest import read_articles
from warledger.ingest.screen import screen
from warledger.ledger.minhash import bands, signature
from warledger.records import Article
from warledger.settings import load_settings
from warledger.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIRS = (ROOT / "corpus" / "articles", ROOT / "corpus" / "ledger" / "articles")
PG_VARIABLE = "WARLEDGER_TEST_PG_URL"
TARGETS = {"sqlite": 200.0, "postgresql": 100.0}   # articles/s end to end, issue #4
DEFAULT_REPEAT = 10
# the module-level names timed during an ingest (the runner's, and the extraction its in-process extractor,
# extract/pool.py, calls), and the stage each belongs to
STAGES = {"read_articles": "read", "screen": "screen", "pool.extract_article": "extract", "signature": "minhash",
          "bands": "minhash"}
LABELS = {"read": "read (.jsonl)", "screen": "screen", "extract": "extraction (extract_article)",
          "minhash": "MinHash signature + bands", "store": "store (inside Store calls)",
          "rest": "resolution, consensus, rest"}


# -- the input: the bundled articles, copied and varied
def load_bundled(dirs: tuple[Path, ...] = CORPUS_DIRS) -> list[Article]:
    """Every article the bundled corpus folders hold (rejections from reading left out)."""
    return [a for a in read_articles([str(d) for d in dirs]) if isinstance(a, Article)]


def varied(article: Article, copy: int) -> dict[str, Any]:
    """A JSON record of ``article`` with its title line and last paragraph changed for copy ``copy``."""
    lines = article.text.split("\n")
    lines[0] = f"{lines[0]} (copy {copy})"
    last = max(i for i, line in enumerate(lines) if line.strip())
    if last == 0:
        lines += ["", ""]
        last = len(lines) - 1
    lines[last] = f"{lines[last]} Revision {copy}.".lstrip()
    return {"id": f"{article.id}~copy{copy}", "text": "\n".join(lines),
            "title": None if article.title is None else f"{article.title} (copy {copy})",
            "source": article.source, "url": article.url, "published": article.published}


def write_copies(articles: list[Article], repeat: int, folder: Path) -> list[str]:
    """One .jsonl file per copy (copy-0001.jsonl ...) holding every article varied; the paths."""
    paths = []
    for copy in range(1, repeat + 1):
        path = folder / f"copy-{copy:04d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for article in articles:
                fh.write(json.dumps(varied(article, copy), ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths


# -- where the time goes
class Timers:
    """Seconds per stage, added up by the wrappers this makes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.timing(stage):
                return function(*args, **kwargs)
        return timed

    def wrap_iterator(self, stage: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        """``function``'s items, the time to produce each one counted (not the time the caller holds it)."""
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = function(*args, **kwargs)
            while True:
                with self.timing(stage):
                    item = next(iterator, StopIteration)
                if item is StopIteration:
                    return
                yield item
        return timed


class TimedStore:
    """A Store whose every call (SQL and row conversion) is timed as the stage ``store``."""

    def __init__(self, store: Store, timers: Timers) -> None:
        self._store = store
        self._timers = timers

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute
        store_time, method_time = self._timers.wrap("store", attribute), f"store.{name}"

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self._timers.timing(method_time):
                return store_time(*args, **kwargs)
        return timed

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The store's transaction with its BEGIN and COMMIT (or ROLLBACK) timed, not the body."""
        manager = self._store.transaction()
        with self._timers.timing("store"), self._timers.timing("store.transaction"):
            manager.__enter__()
        try:
            yield
        except BaseException:
            with self._timers.timing("store"), self._timers.timing("store.transaction"):
                if not manager.__exit__(*sys.exc_info()):
                    raise
        else:
            with self._timers.timing("store"), self._timers.timing("store.transaction"):
                manager.__exit__(None, None, None)


def count_statements(store: Store) -> dict[str, int]:
    """Count the SQL statements ``store`` runs from now on (its execute/executemany/query, as SqlStore
    calls them on itself), by shadowing those methods on the instance."""
    counts = {"statements": 0}
    for name in ("execute", "executemany", "query"):
        method = getattr(store, name, None)
        if method is None:
            continue

        def counted(*args: Any, _method: Callable[..., Any] = method, **kwargs: Any) -> Any:
            counts["statements"] += 1
            return _method(*args, **kwargs)
        setattr(store, name, counted)
    return counts


@contextmanager
def instrumented(timers: Timers) -> Iterator[None]:
    """The stage functions (STAGES) replaced by timed wrappers for the duration; put back after. A name
    the module lacks is an error: its time would be counted as "rest" without a word."""
    modules = {"runner": runner, "pool": pool}
    saved = {}
    for key in STAGES:
        module_name, _, name = key.rpartition(".")
        module = modules[module_name or "runner"]
        saved[key] = (module, name, getattr(module, name))
    for key, (module, name, function) in saved.items():
        wrap = timers.wrap_iterator if name == "read_articles" else timers.wrap
        setattr(module, name, wrap(STAGES[key], function))
    try:
        yield
    finally:
        for module, name, function in saved.values():
            setattr(module, name, function)


def warm_up(articles: list[Article]) -> None:
    """One untimed pass of every stage over the bundled articles: loading rules is not throughput."""
    for article in articles:
        if screen(article) is None:
            extract_article(article)
            bands(signature(article.text))


def extract_alone(paths: list[str]) -> dict[str, float]:
    """extract_article alone, one pass over the articles of ``paths`` that pass screening."""
    articles = [a for a in read_articles(paths, settings=load_settings()) if isinstance(a, Article)]
    passed = [a for a in articles if screen(a) is None]
    started = time.perf_counter()
    for article in passed:
        extract_article(article)
    seconds = time.perf_counter() - started
    return {"articles": len(passed), "seconds": seconds, "ms_per_article": seconds * 1e3 / max(1, len(passed))}


# -- one database
def with_search_path(url: str, schema: str) -> str:
    """``url`` with libpq options that make ``schema`` the connection's search_path (as tests/conftest.py)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(base_url: str, prefix: str) -> Iterator[str]:
    """The URL of a new, empty schema in the PostgreSQL database at ``base_url``, dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True, connect_timeout=10) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        try:
            yield with_search_path(base_url, name)
        finally:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


def redact(url: str) -> str:
    from warledger.store.postgres import redact as redact_url
    return redact_url(url)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_ingest(url: str, paths: list[str]) -> dict[str, Any]:
    """Ingest ``paths`` into the (empty) ledger at ``url``: throughput and where the time went."""
    store = open_store(url)   # migrations: not timed
    timers = Timers()
    statements = count_statements(store)
    try:
        with instrumented(timers):
            started = time.perf_counter()
            summary = runner.ingest(paths, TimedStore(store, timers),  # type: ignore[arg-type]
                                    settings=load_settings())
            seconds = time.perf_counter() - started
        rows = store.counts()
        digest = ledger_digest(store)
    finally:
        store.close()
    inputs = summary.articles_new + summary.duplicates + summary.rejected
    split = {stage: timers.seconds.get(stage, 0.0) for stage in LABELS if stage != "rest"}
    split["rest"] = seconds - sum(split.values())
    methods = sorted(((k.removeprefix("store."), v) for k, v in timers.seconds.items() if k.startswith("store.")),
                     key=lambda item: -item[1])
    return {"seconds": seconds, "inputs": inputs, "articles_per_s": inputs / seconds,
            "stored_per_s": summary.articles_new / seconds, "split_s": split,
            "sql_statements_per_article": statements["statements"] / max(1, inputs),
            "store_methods_s": dict(methods),
            "summary": summary.to_dict(), "rows": rows, "peak_rss_mb": peak_rss_mb(), "ledger_sha256": digest}


def ledger_digest(store: Store) -> str:
    """The sha256 of the ledger's JSONL export: equal digests, equal ledgers."""
    import hashlib

    from warledger.ledger.export import export

    digest = hashlib.sha256()
    for chunk in export(store, "jsonl"):
        digest.update(chunk.encode("utf-8"))
    return digest.hexdigest()


def run_parallel(url: str, paths: list[str], workers: int) -> dict[str, Any]:
    """Ingest ``paths`` into the (empty) ledger at ``url`` with extraction in ``workers`` processes
    (not instrumented: the workers' time is not this process's); throughput and the ledger's digest."""
    store = open_store(url)
    try:
        started = time.perf_counter()
        summary = runner.ingest(paths, store, settings=load_settings(), workers=workers)
        seconds = time.perf_counter() - started
        digest = ledger_digest(store)
    finally:
        store.close()
    inputs = summary.articles_new + summary.duplicates + summary.rejected
    return {"workers": workers, "seconds": seconds, "inputs": inputs, "articles_per_s": inputs / seconds,
            "ledger_sha256": digest}


# -- the report
def _row(label: str, value: str) -> None:
    print(f"{label:<36}{value}")


def print_input(report: dict[str, Any]) -> None:
    _row("input", f"{report['bundled_articles']} bundled articles x {report['repeat']} copies = "
         f"{report['inputs']} articles in .jsonl files")
    print("  each copy changes the title line and the last paragraph: the copies are near-duplicate versions")
    print("  of the bundled stories (MinHash links them as versions) and their items land on the same events,")
    print("  so each event gets REPEAT times the reports and claims of one pass.")
    alone = report["extract_alone"]
    _row("extract_article alone", f"{alone['ms_per_article']:.2f} ms/article ({alone['articles']} articles, "
         f"{alone['seconds']:.2f} s, one pass)")
    _row("load average (1 min) at start", f"{report['load_average']:.2f} on {os.cpu_count()} CPUs")


def print_database(name: str, result: dict[str, Any], target: float) -> None:
    rate = result["articles_per_s"]
    print(f"{name}:")
    _row("  articles/s end to end", f"{rate:,.1f}   target >= {target:.0f}: {'met' if rate >= target else 'MISSED'}")
    _row("  stored articles/s", f"{result['stored_per_s']:,.1f}")
    _row("  seconds", f"{result['seconds']:.2f} for {result['inputs']} articles "
         f"({result['sql_statements_per_article']:.1f} SQL statements per article)")
    for stage, seconds in result["split_s"].items():
        share = 100 * seconds / result["seconds"]
        _row(f"    {LABELS[stage]}",
             f"{seconds:7.2f} s {share:5.1f} % {seconds * 1e3 / result['inputs']:7.2f} ms/article")
    top = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in list(result["store_methods_s"].items())[:4])
    _row("      store's costliest methods", top)
    s = result["summary"]
    _row("  ingest summary", f"{s['articles_new']} new ({s['versions']} versions), {s['duplicates']} duplicate, "
         f"{s['rejected']} rejected; {s['events_created']} events")
    _row("  rows", ", ".join(f"{table} {n}" for table, n in result["rows"].items()))
    _row("  peak RSS so far (ru_maxrss)", f"{result['peak_rss_mb']:.1f} MB")
    parallel_run = result.get("parallel")
    if parallel_run:
        same = "the same" if parallel_run["ledger_sha256"] == result["ledger_sha256"] else "DIFFERENT (a bug)"
        _row(f"  with {parallel_run['workers']} extraction workers",
             f"{parallel_run['articles_per_s']:,.1f} articles/s ({parallel_run['seconds']:.2f} s; not one core); "
             f"ledger {same} as in one process")


def print_report(report: dict[str, Any]) -> None:
    print_input(report)
    names = {"sqlite": "SQLite (a fresh file)", "postgresql": f"PostgreSQL ({report.get('pg', '')})"}
    for key, result in report["results"].items():
        print_database(names[key], result, TARGETS[key])
    if "postgresql" not in report["results"]:
        print(f"PostgreSQL: skipped (give --pg URL or set {PG_VARIABLE})")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help=f"copies of the bundled articles (default {DEFAULT_REPEAT})")
    parser.add_argument("--articles", type=int, default=None, help="use only the first N bundled articles")
    parser.add_argument("--pg", default=os.environ.get(PG_VARIABLE, "").strip() or None,
                        help=f"a PostgreSQL URL (default ${PG_VARIABLE}); a schema is created and dropped")
    parser.add_argument("--workers", type=int, default=1,
                        help="also ingest with extraction in this many worker processes (2 or more), into a second "
                             "fresh ledger, and check that it is the same ledger")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    articles = load_bundled()[:args.articles]
    if not articles or args.repeat < 1:
        print("bench_ingest: no articles (corpus folders missing, or --repeat/--articles < 1)", file=sys.stderr)
        return 1
    report: dict[str, Any] = {"bundled_articles": len(articles), "repeat": args.repeat,
                              "inputs": len(articles) * args.repeat, "load_average": os.getloadavg()[0],
                              "targets_articles_per_s": TARGETS}
    warm_up(articles)
    with tempfile.TemporaryDirectory(prefix="warledger-bench-ingest-") as tmp:
        paths = write_copies(articles, args.repeat, Path(tmp))
        report["extract_alone"] = extract_alone(paths)
        report["results"] = {"sqlite": run_ingest(f"sqlite:///{tmp}/ledger.db", paths)}
        if args.workers > 1:
            report["results"]["sqlite"]["parallel"] = run_parallel(f"sqlite:///{tmp}/parallel.db", paths,
                                                                   args.workers)
        if args.pg:
            report["pg"] = redact(args.pg)
            with pg_schema(args.pg, "bench_ingest") as url:
                report["results"]["postgresql"] = run_ingest(url, paths)
            if args.workers > 1:
                with pg_schema(args.pg, "bench_ingest") as url:
                    report["results"]["postgresql"]["parallel"] = run_parallel(url, paths, args.workers)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
