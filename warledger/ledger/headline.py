"""An attack's headline numbers (weapons launched, intercepted, suppressed; people killed, injured).

The timeline sums these per day, so each event keeps them on its row. A total is the event's
aerial-weapon figure where it has one, else drones plus missiles (missiles by type where the
missile total is missing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .records import Event, EventFigure

__all__ = ["with_headline"]

MISSILE_TYPES = ("cruise_missile", "ballistic_missile", "hypersonic_missile")


def _weapons(best: dict[tuple[str, str], int], measure: str) -> int | None:
    total = best.get((measure, "aerial_weapon"))
    if total is not None:
        return total
    missiles = best.get((measure, "missile"))
    if missiles is None:
        typed = [best[(measure, w)] for w in MISSILE_TYPES if (measure, w) in best]
        missiles = sum(typed) if typed else None
    drones = best.get((measure, "drone"))
    if drones is None and missiles is None:
        return None
    return (drones or 0) + (missiles or 0)


def with_headline(event: Event, figures: Sequence[EventFigure]) -> Event:
    """The event with its headline numbers set from its figures."""
    best = {(f.measure, f.what): f.best for f in figures}
    return replace(event, launched=_weapons(best, "launched"), intercepted=_weapons(best, "intercepted"),
                   suppressed=_weapons(best, "suppressed"), killed=best.get(("killed", "people")),
                   injured=best.get(("injured", "people")))
