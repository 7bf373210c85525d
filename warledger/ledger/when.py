"""Ordering reports in time: published stamps in any offset (or date only) as comparable UTC keys."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

__all__ = ["time_key"]


@lru_cache(maxsize=65536)  # a ledger's reconciliation asks for the same few stamps again and again
def time_key(published: str | None) -> str:
    """A key that sorts reports by when they were published; unknown times sort first."""
    if not published:
        return ""
    text = published.strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat() + "T00:00:00"
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return ""
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    return stamp.isoformat(timespec="seconds")
