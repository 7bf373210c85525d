"""Counting records (true/false positives, accuracies) and the one-to-one matcher."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp == self.fp == self.fn == 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); 0.0 when nothing was predicted but gold exists; None when nothing at all."""
        if self.empty:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float | None:
        if self.empty:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Accuracy:
    """``correct`` out of ``n``; the value is None when there was nothing to judge."""

    correct: int = 0
    n: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.n + other.n)

    @property
    def value(self) -> float | None:
        return self.correct / self.n if self.n else None

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "n": self.n, "accuracy": self.value}


def assign(required: Sequence[bool], edges: Sequence[Sequence[int]]) -> dict[int, int]:
    """A one-to-one matching of gold items to system items, as ``{gold: system}``.

    ``edges[g]`` lists the system items compatible with gold item ``g``, best first.
    Required gold items are matched first (a maximum matching among them, by augmenting
    paths), then optional ones are added without unmatching anything, so the number of
    required matches is as large as possible and optional gold absorbs what it can.
    """
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for s in edges[g]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = g
                return True
        return False

    order = [g for g, req in enumerate(required) if req] + [g for g, req in enumerate(required) if not req]
    for g in order:
        augment(g, set())
    return {g: s for s, g in owner.items()}


def count_matching(required: Sequence[bool], n_system: int, matching: dict[int, int]) -> Counts:
    """Counts of a matching: matched required gold are tp, unmatched required fn, unmatched system fp.

    System items matched to optional gold count neither way.
    """
    tp = sum(1 for g in matching if required[g])
    fn = sum(1 for req in required if req) - tp
    return Counts(tp=tp, fp=n_system - len(matching), fn=fn)


def count_sets(gold: set[Any], optional: set[Any], system: set[Any]) -> Counts:
    """Counts for set comparison: ``optional`` members of the system set count neither way."""
    return Counts(tp=len(system & gold), fp=len(system - gold - optional), fn=len(gold - system))
