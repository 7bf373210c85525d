"""The evaluation report: one block per gold directory, each a tuple of article scores."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import add
from typing import Any

from .scores import ArticleScore, Scores


def _total(rows: tuple[ArticleScore, ...]) -> Scores:
    return reduce(add, (row.scores for row in rows), Scores())


@dataclass(frozen=True, slots=True)
class DirReport:
    """The article scores of one gold directory."""

    gold_dir: str
    articles: tuple[ArticleScore, ...]

    @property
    def totals(self) -> Scores:
        """Counts summed over the articles (precision, recall and F1 are micro-averaged)."""
        return _total(self.articles)

    def to_dict(self) -> dict[str, Any]:
        totals = self.totals
        return {"gold_dir": self.gold_dir, "articles": len(self.articles), "metrics": totals.metrics(),
                "totals": totals.to_dict(), "per_article": [row.to_dict() for row in self.articles]}


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores per gold directory, and over all of them."""

    dirs: tuple[DirReport, ...]

    @property
    def articles(self) -> tuple[ArticleScore, ...]:
        return tuple(row for block in self.dirs for row in block.articles)

    @property
    def overall(self) -> Scores:
        return _total(self.articles)

    def block(self, gold_dir: str) -> DirReport:
        """The block of one gold directory, by the name it was given as."""
        for block in self.dirs:
            if block.gold_dir == gold_dir:
                return block
        raise KeyError(gold_dir)

    def to_dict(self) -> dict[str, Any]:
        overall = self.overall
        return {"gold_dirs": [block.to_dict() for block in self.dirs],
                "overall": {"articles": len(self.articles), "metrics": overall.metrics(),
                            "totals": overall.to_dict()}}
