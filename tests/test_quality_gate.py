"""The corpus quality gate (STYLE C13): scores must not fall below the floors pinned in
tests/eval_baseline.json (minus EPSILON), and the gold must be the gold they were pinned on.

Re-pin after a deliberate change with ``python -m warledger.evaluate.gate --update``
(it never lowers a floor unless ``--allow-regression`` is given).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warledger.errors import EvalError
from warledger.evaluate import gate
from warledger.evaluate.scores import EXACT_METRICS, Scores
from warledger.records import (
    Article,
    Attack,
    DatePrecision,
    Evidence,
    Extraction,
    Figure,
    Measure,
    Qualifier,
    What,
)

ROOT = Path(__file__).resolve().parents[1]
BASELINE_FILE = ROOT / gate.BASELINE_PATH


def _pinned_dirs() -> list[str]:
    try:
        return sorted(gate.read_baseline(BASELINE_FILE).dirs)
    except EvalError:
        return []


def test_baseline_is_well_formed() -> None:
    baseline = gate.read_baseline(BASELINE_FILE)
    assert baseline.epsilon == gate.EPSILON
    assert {d.name for d in gate.GATE_DIRS if d.required} <= set(baseline.dirs)
    for name, entry in baseline.dirs.items():
        assert set(entry.floors) == set(Scores().metrics()), name
        for metric in EXACT_METRICS:
            assert entry.floors[metric] == 1.0, f"{name}: {metric} floor must be exactly 1.0"


@pytest.mark.parametrize("name", _pinned_dirs())
def test_gold_dir_meets_its_floors(name: str) -> None:
    baseline = gate.read_baseline(BASELINE_FILE)
    entry = baseline.dirs[name]
    if not (ROOT / name).is_dir():
        if entry.required:
            pytest.fail(f"{name}: required gold directory is missing")
        pytest.skip(f"{name} is not present in this checkout")
    problems = gate.check_dir(ROOT, name, entry, baseline.epsilon)
    assert not problems, "quality gate failed:\n" + "\n".join(problems)


# --- the gate's own mechanics, on a scratch repository --------------------------------------------

TEXT = "Russia launched 40 drones at Kyiv overnight."
GOLD = {
    "id": "a",
    "text_file": "../articles/a.txt",
    "published": "2025-08-21",
    "attacks": [
        {
            "attacker": "RU",
            "target_country": "UA",
            "date": "2025-08-21",
            "places": [],
            "targets": [],
            "figures": [{"measure": "launched", "what": "drone", "value": 40, "qualifier": "exact"}],
        }
    ],
    "diplomacy": [],
    "quotes": [],
    "statistics": [],
}
DIRS = (gate.GateDir("corpus/gold", required=True), gate.GateDir("../elsewhere/gold", required=False))


def _good(article: Article) -> Extraction:
    figure = Figure(Measure.LAUNCHED, What.DRONE, 40, Qualifier.EXACT, Evidence.of(article.text, 16, 25))
    return Extraction(article, attacks=(Attack("RU", "UA", "2025-08-21", DatePrecision.DAY, (figure,)),))


def _empty(article: Article) -> Extraction:
    return Extraction(article)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "corpus" / "articles").mkdir(parents=True)
    (tmp_path / "corpus" / "gold").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "corpus" / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus" / "gold" / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_update_pins_and_check_passes(repo: Path) -> None:
    path = repo / gate.BASELINE_PATH
    gate.update(repo, path, extractor=_good, dirs=DIRS)
    baseline = gate.read_baseline(path)
    assert set(baseline.dirs) == {"corpus/gold"}  # the absent optional directory is not pinned
    assert baseline.dirs["corpus/gold"].floors["figures_f1"] == 1.0
    assert gate.check(repo, baseline, extractor=_good) == []


def test_check_fails_below_floor(repo: Path) -> None:
    path = repo / gate.BASELINE_PATH
    gate.update(repo, path, extractor=_good, dirs=DIRS)
    problems = gate.check(repo, gate.read_baseline(path), extractor=_empty)
    assert any("figures_f1 = 0.0000 is below its floor 1.0000" in p for p in problems)


def test_check_fails_clearly_when_gold_changed(repo: Path) -> None:
    path = repo / gate.BASELINE_PATH
    gate.update(repo, path, extractor=_good, dirs=DIRS)
    (repo / "corpus" / "articles" / "a.txt").write_text(TEXT + " More.", encoding="utf-8")
    problems = gate.check(repo, gate.read_baseline(path), extractor=_good)
    assert len(problems) == 1 and "changed since the floors were pinned" in problems[0]
    assert "--update" in problems[0]


def test_update_never_lowers_a_floor_without_allow_regression(repo: Path) -> None:
    path = repo / gate.BASELINE_PATH
    gate.update(repo, path, extractor=_good, dirs=DIRS)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(EvalError, match="refusing to lower floors"):
        gate.update(repo, path, extractor=_empty, dirs=DIRS)
    assert path.read_text(encoding="utf-8") == before
    gate.update(repo, path, allow_regression=True, extractor=_empty, dirs=DIRS)
    assert gate.read_baseline(path).dirs["corpus/gold"].floors["figures_f1"] == 0.0


def test_repin_floors_rules() -> None:
    old = {"figures_f1": 0.8, "places_f1": 0.5, "quotes_f1": 0.7, "evidence_integrity": 1.0}
    now = {
        "figures_f1": 0.9,
        "places_f1": 0.497,
        "quotes_f1": 0.6,
        "evidence_integrity": 0.9,
        "new_f1": 0.33333,
    }
    floors, regressions = gate.repin_floors(old, now, gate.EPSILON, allow_regression=False)
    assert floors["figures_f1"] == 0.9  # raised
    assert floors["places_f1"] == 0.5  # a drop within EPSILON keeps the floor
    assert floors["evidence_integrity"] == 1.0  # exact metrics stay 1.0
    assert floors["new_f1"] == 0.3333  # rounded down
    assert regressions == ["quotes_f1: 0.6000 < floor 0.7000"]
    floors, regressions = gate.repin_floors(old, now, gate.EPSILON, allow_regression=True)
    assert floors["quotes_f1"] == 0.6 and floors["places_f1"] == 0.497 and not regressions
