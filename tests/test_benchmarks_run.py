"""The benchmark scripts in benchmarks/ still run, at tiny sizes. No assertion on timings: the figures are
for people to read (benchmarks/README.md); this only proves the scripts and their JSON shape work.

With WARLEDGER_TEST_PG_URL set (CI), the scripts also run against that PostgreSQL server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
WITH_PG = bool(os.environ.get("WARLEDGER_TEST_PG_URL", "").strip())


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, str(BENCHMARKS / name), *args], capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
    return result


def run_json(name: str, *args: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(run_script(name, *args, "--json").stdout)
    assert ("postgresql" in report["results"]) == WITH_PG
    return report


def test_bench_ingest_runs_and_reports_the_split() -> None:
    report = run_json("bench_ingest.py", "--articles", "20", "--repeat", "2")
    assert report["inputs"] == 40
    for result in report["results"].values():
        summary = result["summary"]
        assert summary["articles_new"] + summary["duplicates"] + summary["rejected"] == 40
        assert summary["duplicates"] == 0   # every copy is varied: no exact duplicate
        assert set(result["split_s"]) == {"read", "screen", "extract", "minhash", "store", "rest"}
        assert result["rows"]["articles"] == summary["articles_new"]


def test_bench_ingest_prints_its_targets() -> None:
    out = run_script("bench_ingest.py", "--articles", "5", "--repeat", "1").stdout
    assert "articles/s end to end" in out
    assert "target >= 200" in out
    assert "near-duplicate versions" in out


def test_bench_ledger_queries_runs_and_keeps_its_ledger(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    report = run_json("bench_ledger_queries.py", "--articles", "200", "--reps", "2", "--db", str(db))
    for result in report["results"].values():
        assert result["rows"]["articles"] == 200
        assert result["rows"]["events"] == 60
        assert result["rows"]["claims"] > 0 and result["rows"]["figures"] > 0
        assert all(q["reps"] == 2 for q in result["queries"].values())
        assert any(name.startswith("timeline") for name in result["queries"])
    assert db.exists()
    again = run_script("bench_ledger_queries.py", "--articles", "200", "--reps", "1", "--db", str(db)).stdout
    assert "reused as found" in again   # a kept ledger is not generated twice
    assert "target (p95)" in again
