"""Resolve: turn the names, dates and actors that extraction found into normalised records.

The place gazetteer (``gazetteer``) finds place names in text with exact character
offsets and resolves each to a normalised name, kind, admin1, country and position.

DOCS: docs/data-sources.md
"""

from __future__ import annotations

from .gazetteer import Gazetteer, GazetteerEntry, PlaceMention, load_gazetteer

__all__ = ["Gazetteer", "GazetteerEntry", "PlaceMention", "load_gazetteer"]
