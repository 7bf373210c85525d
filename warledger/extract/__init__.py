"""Extract: one Article in, one Extraction (format v1) out.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from ..records import Article, Extraction

__all__ = ["extract_article"]


def extract_article(article: Article) -> Extraction:
    """Everything the article reports, each item tied to the characters that state it."""
    return Extraction(article=article)
