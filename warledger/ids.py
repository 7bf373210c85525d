"""Content-addressed identifiers: the same content always gets the same id."""

from __future__ import annotations

import hashlib


def article_id(text: str) -> str:
    """The id of an article with no id of its own: sha256 of its (normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(*parts: object) -> str:
    """A short stable hash of the parts, joined with a separator no part contains as text."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def claim_id(article_id: str, item_index: int, measure: str, what: str, model: str | None, value: int,
             start: int, end: int) -> str:
    """The id of a claim: the article, the item and the figure's own fields and evidence span."""
    return "c-" + digest(article_id, item_index, measure, what, model, value, start, end)
