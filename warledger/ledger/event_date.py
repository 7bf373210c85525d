"""An event's date: the day most of its reports give.

Outlets date one night differently ("overnight into Thursday" against "on Wednesday night"), and a
relative date ("on Tuesday") resolved against the wrong reference is a day off. The event keeps
the id it was made with (its first report's date), but its ``date`` follows the reports: each
article that gives the item a day has one vote; a tie keeps the current date when it is among the
most given, else takes the earliest of them. When reports disagree the event carries a
``date_disagreement`` flag that counts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .records import Flag, Report

__all__ = ["DATE_FLAG", "event_date"]

DATE_FLAG = "date_disagreement"


def event_date(current: str | None, reports: Sequence[Report]) -> tuple[str | None, Flag | None]:
    """The event's date from its reports' days, and a flag when they differ (None when they agree)."""
    votes: dict[str, str] = {}
    for r in sorted(reports, key=lambda r: (r.article_id, r.item_index)):
        if r.date is not None:
            votes.setdefault(r.article_id, r.date)  # one vote per article: its first item on the event
    counts = Counter(votes.values())
    if not counts:
        return current, None
    most = max(counts.values())
    leaders = sorted(day for day, n in counts.items() if n == most)
    chosen = current if current in leaders else leaders[0]
    if len(counts) == 1:
        return chosen, None
    told = ", ".join(f"{n} on {day}" for day, n in sorted(counts.items()))
    return chosen, Flag(DATE_FLAG, f"reports give different days ({told}); the event is dated {chosen}")
