"""Arithmetic checks: figures that cannot all be true, with an explanation.

Checked on each article's own figures (where one source contradicts itself) and on the event's
consensus values (where the ledger's answer does not add up):

- parts against totals: drones + missiles against the aerial-weapon total; missile types against missiles;
- outcomes against launches: intercepted + suppressed more than launched;
- children killed (injured) more than people killed (injured);
- a source contradicting its own earlier report: a toll that falls, a launch count that changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise, product

from .records import Claim, EventFigure, Flag
from .when import time_key

__all__ = ["article_flags", "consensus_flags", "revision_flags"]

Key = tuple[str, str]
MISSILE_TYPES = ("cruise_missile", "ballistic_missile", "hypersonic_missile")
SUMMED = ("launched", "intercepted", "suppressed")
PARTS_LIMIT = 64  # combinations of values tried before a parts-total check gives up


def _fits(total: set[int], parts: Sequence[set[int]], tolerance: int) -> bool:
    combos = 0
    for choice in product(*parts):
        combos += 1
        if any(abs(sum(choice) - t) <= tolerance for t in total):
            return True
        if combos >= PARTS_LIMIT:
            return True  # too many readings to say it never adds up
    return False


def _checks(values: Mapping[Key, set[int]], who: str, tolerance: int) -> Iterable[tuple[Key, Flag]]:
    for m in SUMMED:
        total, drones, missiles = values.get((m, "aerial_weapon")), values.get((m, "drone")), values.get((m, "missile"))
        if total and drones and missiles and not _fits(total, [drones, missiles], tolerance):
            d, s, t = max(drones), max(missiles), max(total)
            yield (m, "aerial_weapon"), Flag("parts_total", f"{who}: {d} drones + {s} missiles = {d + s}, "
                                                            f"not the {t} aerial weapons {m} it gives")
        typed = [values[(m, w)] for w in MISSILE_TYPES if values.get((m, w))]
        if missiles and len(typed) >= 2 and sum(min(v) for v in typed) > max(missiles) + tolerance:
            yield (m, "missile"), Flag("types_exceed_total", f"{who}: missiles by type add up to "
                                                             f"{sum(min(v) for v in typed)}, more than the "
                                                             f"{max(missiles)} missiles {m}")
    for what in ("aerial_weapon", "drone", "missile"):
        launched = values.get(("launched", what))
        downed = [values[(m, what)] for m in ("intercepted", "suppressed") if values.get((m, what))]
        if launched and downed and sum(min(v) for v in downed) > max(launched) + tolerance:
            n = sum(min(v) for v in downed)
            yield ("intercepted", what), Flag("outcome_exceeds_launched",
                                              f"{who}: {n} {what.replace('_', ' ')}s intercepted or suppressed, "
                                              f"more than the {max(launched)} launched")
    for m in ("killed", "injured"):
        people, children = values.get((m, "people")), values.get((m, "children"))
        if people and children and min(children) > max(people):
            yield (m, "children"), Flag("children_exceed_people", f"{who}: {min(children)} children {m}, "
                                                                  f"more than the {max(people)} people {m}")


def article_flags(claims: Sequence[Claim]) -> list[tuple[Key, Flag]]:
    """Checks on each article's own event-wide figures (any reading of its values that adds up passes)."""
    by_article: dict[str, dict[Key, set[int]]] = defaultdict(lambda: defaultdict(set))
    sources: dict[str, str] = {}
    for c in claims:
        if c.place is None and c.qualifier == "exact":  # "close to 500" is not held to an exact sum
            by_article[c.article_id][(c.measure, c.what)].add(c.value)
            sources[c.article_id] = c.source or c.article_id
    found: list[tuple[Key, Flag]] = []
    for article_id in sorted(by_article):
        found.extend(_checks(by_article[article_id], sources[article_id], 0))
    return found


def consensus_flags(figures: Sequence[EventFigure], tolerance: int) -> list[tuple[Key, Flag]]:
    """Checks on the event's chosen values."""
    values = {(f.measure, f.what): {f.best} for f in figures}
    return list(_checks(values, "consensus", tolerance))


def revision_flags(claims: Sequence[Claim]) -> list[tuple[Key, Flag]]:
    """A source (outlet) whose later report lowers a toll or changes a launch count it gave before."""
    reports: dict[tuple[str, str, str, str | None], list[tuple[str, int]]] = defaultdict(list)
    for c in claims:
        if c.source and c.qualifier in ("exact", "approx"):
            reports[(c.source, c.measure, c.what, c.place)].append((time_key(c.published), c.value))
    found: list[tuple[Key, Flag]] = []
    for (source, measure, what, place), stamps in sorted(reports.items(), key=lambda kv: str(kv[0])):
        by_time: dict[str, set[int]] = defaultdict(set)
        for stamp, value in stamps:
            by_time[stamp].add(value)
        times = sorted(by_time)
        for earlier, later in pairwise(times):
            before, after = max(by_time[earlier]), max(by_time[later])
            where = f" in {place}" if place else ""
            if measure in ("killed", "injured") and after < before:
                found.append(((measure, what), Flag("toll_lowered", f"{source}: {measure} {what}{where} fell from "
                                                                    f"{before} to {after} in a later report")))
            elif measure == "launched" and after != before and len(by_time[earlier]) == len(by_time[later]) == 1:
                found.append(((measure, what), Flag("source_revised", f"{source}: {what.replace('_', ' ')}s "
                                                                      f"launched{where} changed from {before} to "
                                                                      f"{after} in a later report")))
    return found
