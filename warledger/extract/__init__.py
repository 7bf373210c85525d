"""Extract: one Article in, one Extraction (format v1) out.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from datetime import date

from ..records import Article, Extraction
from ..resolve.gazetteer import load_gazetteer
from .attacks import find_attacks
from .rules import load_rules

__all__ = ["extract_article"]


def published_day(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def extract_article(article: Article) -> Extraction:
    """Everything the article reports, each item tied to the characters that state it."""
    rules = load_rules()
    gazetteer = load_gazetteer()
    attacks = find_attacks(article.text, published_day(article), rules, gazetteer)
    return Extraction(article=article, attacks=attacks)
