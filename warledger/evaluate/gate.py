"""The corpus quality gate (STYLE C13): per gold directory, pinned metric floors and a hash.

``tests/eval_baseline.json`` holds, for each gold directory (relative to the repository
root), the sha256 over its gold files and the article inputs they name, and a floor for
every metric. The gate fails when a metric falls below its floor - EPSILON (evidence
integrity and schema validity: below exactly 1.0), or when the gold no longer matches its
hash (it was changed without re-pinning).

    python -m warledger.evaluate.gate                   # check; exit status 1 on failure
    python -m warledger.evaluate.gate --update          # re-pin; never lowers a floor
    python -m warledger.evaluate.gate --update --allow-regression
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..extract import extract_article
from .corpus import Extractor, evaluate_gold_dirs, gold_files, load_gold_file
from .scores import EXACT_METRICS

EPSILON = 0.005
BASELINE_PATH = "tests/eval_baseline.json"
REPIN = "python -m warledger.evaluate.gate --update"
FLOOR_SCALE = 10_000  # floors are rounded down to 4 decimals


@dataclass(frozen=True, slots=True)
class GateDir:
    """A gold directory the gate pins, relative to the repository root; optional ones may be absent."""

    name: str
    required: bool


GATE_DIRS: tuple[GateDir, ...] = (GateDir("corpus/gold", required=True),
                                  GateDir("../shared/dev/gold", required=False))


@dataclass(frozen=True, slots=True)
class DirBaseline:
    """What is pinned for one gold directory."""

    sha256: str
    articles: int
    required: bool
    floors: Mapping[str, float | None]

    def to_dict(self) -> dict[str, Any]:
        return {"required": self.required, "sha256": self.sha256, "articles": self.articles,
                "floors": dict(sorted(self.floors.items()))}


@dataclass(frozen=True, slots=True)
class Baseline:
    epsilon: float
    dirs: Mapping[str, DirBaseline]

    def to_dict(self) -> dict[str, Any]:
        return {"note": f"Quality gate floors (STYLE C13). Re-pin with: {REPIN} [--allow-regression]",
                "epsilon": self.epsilon,
                "gold_dirs": {name: entry.to_dict() for name, entry in self.dirs.items()}}


def repo_root() -> Path:
    """The checkout this package lives in (an editable install)."""
    return Path(__file__).resolve().parents[2]


def gold_digest(gold_dir: Path) -> str:
    """sha256 over the gold files of a directory and the article inputs they name, in name order."""
    digest = hashlib.sha256()
    for path in gold_files(gold_dir):
        case = load_gold_file(path)
        parts = (("gold", path.name, path), ("input", case.gold.text_file, case.text_path))
        for label, name, source in parts:
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise EvalError(f"{path}: cannot read {label} {name!r}: {exc.strerror or exc}") from exc
            digest.update(f"{label}\0{name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def read_baseline(path: Path) -> Baseline:
    """The pinned baseline; ``EvalError`` when it is missing or malformed."""
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
        dirs = {str(name): DirBaseline(sha256=str(entry["sha256"]), articles=int(entry["articles"]),
                                       required=bool(entry["required"]),
                                       floors={str(k): None if v is None else float(v)
                                               for k, v in entry["floors"].items()})
                for name, entry in obj["gold_dirs"].items()}
        return Baseline(epsilon=float(obj["epsilon"]), dirs=dirs)
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise EvalError(f"{path}: cannot read the quality-gate baseline: "
                        f"{type(exc).__name__}: {exc}") from exc


def write_baseline(path: Path, baseline: Baseline) -> None:
    path.write_text(json.dumps(baseline.to_dict(), indent=2) + "\n", encoding="utf-8")


def current_metrics(gold_dir: Path, extractor: Extractor = extract_article) -> dict[str, float | None]:
    """The flat metrics of one gold directory now."""
    return evaluate_gold_dirs([gold_dir], extractor).dirs[0].totals.metrics()


def check_dir(root: Path, name: str, entry: DirBaseline, epsilon: float,
              extractor: Extractor = extract_article) -> list[str]:
    """Problems of one pinned gold directory: a changed hash, or metrics below their floors."""
    gold_dir = root / name
    digest = gold_digest(gold_dir)
    if digest != entry.sha256:
        return [f"{name}: the gold files or article inputs changed since the floors were pinned "
                f"(sha256 {digest[:12]} != pinned {entry.sha256[:12]}); check the new scores and re-pin "
                f"with: {REPIN}"]
    metrics = current_metrics(gold_dir, extractor)
    problems = []
    for metric, floor in sorted(entry.floors.items()):
        if floor is None:
            continue
        value = metrics.get(metric)
        slack = 0.0 if metric in EXACT_METRICS else epsilon
        if value is None or value < floor - slack:
            shown = "n/a" if value is None else f"{value:.4f}"
            problems.append(f"{name}: {metric} = {shown} is below its floor {floor:.4f}"
                            + (f" - EPSILON {epsilon}" if slack else " (must be exactly 1.0)"))
    return problems


def check(root: Path, baseline: Baseline, extractor: Extractor = extract_article) -> list[str]:
    """Problems over every pinned directory; an absent optional directory is skipped."""
    problems = []
    for name, entry in baseline.dirs.items():
        if not (root / name).is_dir():
            if entry.required:
                problems.append(f"{name}: required gold directory is missing")
            continue
        problems += check_dir(root, name, entry, baseline.epsilon, extractor)
    return problems


def _round_down(value: float) -> float:
    return math.floor(value * FLOOR_SCALE + 1e-9) / FLOOR_SCALE


def repin_floors(old: Mapping[str, float | None], metrics: Mapping[str, float | None], epsilon: float,
                 allow_regression: bool) -> tuple[dict[str, float | None], list[str]]:
    """New floors from current metrics, and the regressions that block re-pinning.

    A floor never goes down: a drop within EPSILON keeps the old floor, a larger drop is a
    regression (allowed, and pinned, only with ``allow_regression``). Exact metrics stay 1.0.
    """
    floors: dict[str, float | None] = {}
    regressions = []
    for metric, value in sorted(metrics.items()):
        if metric in EXACT_METRICS:
            floors[metric] = 1.0
            continue
        current = None if value is None else _round_down(value)
        previous = old.get(metric)
        if previous is None or (current is not None and current >= previous):
            floors[metric] = current
        elif current is not None and current >= previous - epsilon and not allow_regression:
            floors[metric] = previous
        elif allow_regression:
            floors[metric] = current
        else:
            floors[metric] = previous
            shown = "n/a" if current is None else f"{current:.4f}"
            regressions.append(f"{metric}: {shown} < floor {previous:.4f}")
    return floors, regressions


def update(root: Path, baseline_path: Path, allow_regression: bool = False,
           extractor: Extractor = extract_article, dirs: Sequence[GateDir] = GATE_DIRS) -> list[str]:
    """Re-pin floors and hashes to the current scores; returns what changed.

    Raises ``EvalError`` (writing nothing) when a metric regressed and ``allow_regression`` is off.
    """
    old = read_baseline(baseline_path) if baseline_path.exists() else Baseline(EPSILON, {})
    entries: dict[str, DirBaseline] = {}
    messages: list[str] = []
    regressions: list[str] = []
    for gate_dir in dirs:
        gold_dir = root / gate_dir.name
        previous = old.dirs.get(gate_dir.name)
        if not gold_dir.is_dir():
            if gate_dir.required:
                raise EvalError(f"{gate_dir.name}: required gold directory is missing under {root}")
            if previous is not None:
                entries[gate_dir.name] = previous
                messages.append(f"{gate_dir.name}: absent here; kept as pinned")
            continue
        metrics = current_metrics(gold_dir, extractor)
        floors, lost = repin_floors({} if previous is None else previous.floors, metrics, old.epsilon,
                                    allow_regression)
        regressions += [f"{gate_dir.name}: {line}" for line in lost]
        entries[gate_dir.name] = DirBaseline(sha256=gold_digest(gold_dir), articles=len(gold_files(gold_dir)),
                                             required=gate_dir.required, floors=floors)
        messages.append(f"{gate_dir.name}: pinned {entries[gate_dir.name].articles} articles")
    if regressions:
        raise EvalError("refusing to lower floors (pass --allow-regression to accept):\n  "
                        + "\n  ".join(regressions))
    write_baseline(baseline_path, Baseline(old.epsilon, entries))
    return messages


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: check the gate, or re-pin it with --update."""
    parser = argparse.ArgumentParser(prog="python -m warledger.evaluate.gate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="re-pin floors and hashes to current scores")
    parser.add_argument("--allow-regression", action="store_true", help="with --update: allow lower floors")
    parser.add_argument("--root", type=Path, default=None, help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    root = (args.root or repo_root()).resolve()
    baseline_path = root / BASELINE_PATH
    try:
        if args.update:
            for line in update(root, baseline_path, allow_regression=args.allow_regression):
                print(line)
            print(f"wrote {baseline_path}")
            return 0
        problems = check(root, read_baseline(baseline_path))
    except EvalError as exc:
        print(f"quality gate: {exc}", file=sys.stderr)
        return 1
    for line in problems:
        print(f"FAIL {line}", file=sys.stderr)
    print("quality gate: " + ("failed" if problems else "passed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
