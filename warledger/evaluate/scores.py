"""Score records: the metrics of one article (``Scores``), summed over a corpus by ``+``."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .metrics import Accuracy, Counts

# Scores fields that are Counts (precision, recall, F1); the others are Accuracy.
PRF_METRICS: tuple[str, ...] = (
    "figures", "places", "targets", "diplomacy", "positions", "quotes", "statistics",
)

# Flat metric names (used by the quality gate) whose floors are exactly 1.0 and not subject to EPSILON.
EXACT_METRICS: frozenset[str] = frozenset({"evidence_integrity", "schema_valid"})


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts for every metric of the dev README rules; ``a + b`` sums two articles (micro-average)."""

    figures: Counts = field(default_factory=Counts)
    qualifier: Accuracy = field(default_factory=Accuracy)
    figure_place: Accuracy = field(default_factory=Accuracy)
    attack_date: Accuracy = field(default_factory=Accuracy)
    places: Counts = field(default_factory=Counts)
    targets: Counts = field(default_factory=Counts)
    diplomacy: Counts = field(default_factory=Counts)
    positions: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    quote_speaker: Accuracy = field(default_factory=Accuracy)
    statistics: Counts = field(default_factory=Counts)
    evidence: Accuracy = field(default_factory=Accuracy)
    schema: Accuracy = field(default_factory=Accuracy)

    def __add__(self, other: Scores) -> Scores:
        return Scores(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def metrics(self) -> dict[str, float | None]:
        """Flat metric values: ``figures_precision``, ``figures_f1``, ``qualifier_acc``, ...

        Evidence integrity and schema validity are 1.0 when there was nothing to check.
        """
        flat: dict[str, float | None] = {}
        for name in PRF_METRICS:
            counts: Counts = getattr(self, name)
            flat[f"{name}_precision"] = counts.precision
            flat[f"{name}_recall"] = counts.recall
            flat[f"{name}_f1"] = counts.f1
        for name in ("qualifier", "figure_place", "attack_date", "quote_speaker"):
            accuracy: Accuracy = getattr(self, name)
            flat[f"{name}_acc"] = accuracy.value
        flat["evidence_integrity"] = 1.0 if self.evidence.value is None else self.evidence.value
        flat["schema_valid"] = 1.0 if self.schema.value is None else self.schema.value
        return flat

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name).to_dict() for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """The scores of one article against its gold file, and what went wrong, if anything."""

    id: str
    gold_file: str
    scores: Scores
    positions_scored: bool
    errors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "gold_file": self.gold_file, "positions_scored": self.positions_scored,
                "errors": list(self.errors), "metrics": self.scores.metrics(),
                "counts": self.scores.to_dict()}
