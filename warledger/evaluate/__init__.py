"""Evaluate: score extractions against gold annotations (the rules of the dev README).

``evaluate_gold_dirs`` runs the extractor over gold directories and returns an
``EvalReport``; ``score_extraction`` scores one extraction-v1 dict against one gold dict;
``render_report`` prints a report. The quality gate is ``python -m warledger.evaluate.gate``.

DOCS: docs/evaluation.md
"""

from __future__ import annotations

from .corpus import GoldCase, evaluate_gold_dirs, gold_files, load_gold_file, read_gold_article
from .metrics import Accuracy, Counts
from .render import render_report
from .report import DirReport, EvalReport
from .scores import ArticleScore, Scores
from .scoring import score_extraction

__all__ = [
    "Accuracy",
    "ArticleScore",
    "Counts",
    "DirReport",
    "EvalReport",
    "GoldCase",
    "Scores",
    "evaluate_gold_dirs",
    "gold_files",
    "load_gold_file",
    "read_gold_article",
    "render_report",
    "score_extraction",
]
