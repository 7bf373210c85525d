"""Content-addressed identifiers: the same content always gets the same id."""

from __future__ import annotations

import hashlib


def article_id(text: str) -> str:
    """The id of an article with no id of its own: sha256 of its (normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
