"""Throughput and memory of ``warledger.extract.extract_article`` on one core.

Loads the articles of corpus/gold (and ../shared/dev/gold when present) through ingest
(not timed), then runs the extractor over all of them, pass after pass, until at least
MIN_SECONDS have passed, in this one process. Run with ``make bench``; see README.md here.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from array import array
from pathlib import Path

from warledger.errors import WarledgerError
from warledger.evaluate import gold_files, load_gold_file, read_gold_article
from warledger.extract import extract_article
from warledger.records import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIRS = (ROOT / "corpus" / "gold", ROOT / ".." / "shared" / "dev" / "gold")
MIN_SECONDS = 5.0


def load_articles(gold_dirs: tuple[Path, ...]) -> list[Article]:
    """The article of every gold file in the directories that exist (ingest, untimed)."""
    articles = []
    for gold_dir in gold_dirs:
        if gold_dir.is_dir():
            articles += [read_gold_article(load_gold_file(path)) for path in gold_files(gold_dir)]
    return articles


def time_passes(articles: list[Article], min_seconds: float) -> tuple[array[int], float, int]:
    """Per-call durations (ns, a compact array so the record barely adds to memory), total seconds
    and number of full passes."""
    durations: array[int] = array("q")
    passes = 0
    clock = time.perf_counter_ns
    started = clock()
    while passes == 0 or clock() - started < min_seconds * 1e9:
        for article in articles:
            t0 = clock()
            extract_article(article)
            durations.append(clock() - t0)
        passes += 1
    return durations, (clock() - started) / 1e9, passes


def traced_peak_mb(articles: list[Article]) -> float:
    """tracemalloc's peak (MB) over one full pass, measured from the start of the pass."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    for article in articles:
        extract_article(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def percentile(sorted_values: list[int], share: float) -> int:
    """The nearest-rank value at ``share`` (0..1) of an ascending list."""
    index = min(len(sorted_values) - 1, max(0, round(share * (len(sorted_values) - 1))))
    return sorted_values[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=MIN_SECONDS, help="minimum timed seconds")
    args = parser.parse_args(argv)
    try:
        articles = load_articles(GOLD_DIRS)
    except WarledgerError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    if not articles:
        print("bench: no gold articles found under corpus/gold or ../shared/dev/gold", file=sys.stderr)
        return 1
    extract_article(articles[0])  # warm-up: rule loading and caches are not throughput
    durations, seconds, passes = time_passes(articles, args.seconds)
    peak_traced = traced_peak_mb(articles)
    words = sum(len(a.text.split()) for a in articles)
    ordered = sorted(durations)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    rows = [
        ("articles", f"{len(articles)} ({len(durations)} calls in {passes} passes, {seconds:.2f} s)"),
        ("total words", f"{words}"),
        ("articles/s", f"{len(durations) / seconds:,.1f}"),
        ("words/s", f"{words * passes / seconds:,.0f}"),
        ("mean ms/article", f"{sum(durations) / len(durations) / 1e6:.3f}"),
        ("p95 ms/article", f"{percentile(ordered, 0.95) / 1e6:.3f}"),
        ("peak RSS (ru_maxrss)", f"{rss_mb:.1f} MB"),
        ("tracemalloc peak (1 pass)", f"{peak_traced:.2f} MB"),
    ]
    for label, value in rows:
        print(f"{label:<28}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
