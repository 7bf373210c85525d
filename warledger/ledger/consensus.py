"""Consensus: one low/best/high per (measure, what) of an event, chosen by the policy's rules.

1. Claims are grouped by (measure, what).
2. Only the newest version of each story counts (an update or a syndicated copy supersedes), and
   for tolls only each article's highest value per place (a live blog's updates rise).
3. Figures with no place are the event-wide ones; where there are none, or for tolls, the places'
   own values are decided one by one and summed ("consensus.sum_of_places").
4. Exact figures decide before approximate ones and bounds ("more than 700"); the rules of
   policy.toml are tried in order.
5. A counted claim that disagrees with the chosen value beyond the tolerance is a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from .policy import ConsensusRule, Policy
from .records import Claim, EventFigure, Flag
from .when import time_key

__all__ = ["SUM_OF_PLACES", "TOLLS", "decide", "event_figures"]

SUM_OF_PLACES = "consensus.sum_of_places.v1"
TOLLS = frozenset({"killed", "injured"})


def _order(claim: Claim) -> tuple[str, str]:
    """Claims in the order their sources stated them: by the article's update (a live blog's newest
    post), else its publication, then by article id."""
    return max(time_key(claim.published), time_key(claim.updated)), claim.article_id


def newest_versions(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of the newest article of each story (per story, the article that is latest)."""
    newest: dict[str, tuple[str, str]] = {}
    for c in claims:
        key = _order(c)
        if key > newest.get(c.story_id, ("", "")):
            newest[c.story_id] = key
    return [c for c in claims if _order(c) == newest[c.story_id]]


def highest_in_article(claims: Sequence[Claim]) -> list[Claim]:
    """For tolls: each article's highest value per place (a live blog's later update supersedes its
    earlier toll, which stays a claim but is not counted)."""
    top: dict[tuple[str, str | None], int] = {}
    for c in claims:
        key = (c.article_id, c.place)
        top[key] = max(top.get(key, c.value), c.value)
    return [c for c in claims if c.value == top[(c.article_id, c.place)]]


def _official(claims: Sequence[Claim], policy: Policy, attacker: str | None) -> int | None:
    official = [c for c in claims if policy.is_official(c.attributed_to, attacker)]
    if not official:
        return None
    last = max(_order(c) for c in official)
    return max(c.value for c in official if _order(c) == last)


def _latest(claims: Sequence[Claim], policy: Policy, attacker: str | None) -> int | None:
    last = max(_order(c) for c in claims)
    return max(c.value for c in claims if _order(c) == last)


def _most_cited(claims: Sequence[Claim], policy: Policy, attacker: str | None) -> int | None:
    stories: dict[int, set[str]] = defaultdict(set)
    for c in claims:
        stories[c.value].add(c.story_id)
    return max(stories, key=lambda v: (len(stories[v]), v))


STRATEGY: dict[str, Callable[[Sequence[Claim], Policy, str | None], int | None]] = {
    "official": _official, "latest": _latest, "most_cited": _most_cited,
}


def decide(claims: Sequence[Claim], rules: Sequence[ConsensusRule], policy: Policy,
           attacker: str | None) -> tuple[int, str]:
    """The value the first deciding rule gives, and that rule's id (exact figures, then approximate
    ones, then bounds)."""
    pool = ([c for c in claims if c.qualifier == "exact"] or [c for c in claims if c.qualifier == "approx"]
            or list(claims))
    for rule in rules:
        value = STRATEGY[rule.strategy](pool, policy, attacker)
        if value is not None:
            return value, rule.id
    value, _ = max((c.value, c.article_id) for c in pool)  # unreachable with a valid policy: the last rule decides
    return value, "consensus.highest"


def _conflicts(claims: Sequence[Claim], best: int, policy: Policy) -> list[Flag]:
    flags = []
    for c in claims:
        if c.qualifier == "at_least":
            wrong = c.value > best and policy.disagrees(c.value, best)
        elif c.qualifier == "at_most":
            wrong = c.value < best and policy.disagrees(c.value, best)
        else:
            wrong = policy.disagrees(c.value, best)
        if wrong:
            where = f" in {c.place}" if c.place else ""
            flags.append(Flag("conflict", f"{c.source or c.article_id} gives {c.value}{where} "
                                          f"({c.qualifier.replace('_', ' ')}) against {best}"))
    return flags


def figure(event_id: str, measure: str, what: str, claims: Sequence[Claim], policy: Policy,
           attacker: str | None) -> EventFigure:
    """The EventFigure for one (measure, what) from all of its claims (superseded ones included)."""
    counted = newest_versions(claims)
    if measure in TOLLS:
        counted = highest_in_article(counted)
    rules = policy.rules_for(measure)
    wide = [c for c in counted if c.place is None]
    placed: dict[str, list[Claim]] = defaultdict(list)
    for c in counted:
        if c.place is not None:
            placed[c.place].append(c)
    best, rule, basis = None, "", wide
    if wide:
        best, rule = decide(wide, rules, policy, attacker)
    if placed and (best is None or measure in TOLLS):
        parts = {place: decide(cs, rules, policy, attacker)[0] for place, cs in placed.items()}
        total = sum(parts.values())
        if best is None or total > best:
            best, rule, basis = total, SUM_OF_PLACES, counted
    assert best is not None
    values = [c.value for c in counted]
    flags = _conflicts(wide, best, policy) if basis is wide else []
    if rule == SUM_OF_PLACES:
        for cs in placed.values():
            flags.extend(_conflicts(cs, decide(cs, rules, policy, attacker)[0], policy))
    return EventFigure(event_id=event_id, measure=measure, what=what, low=min(min(values), best), best=best,
                       high=max(max(values), best), rule=rule, conflict=bool(flags), flags=tuple(flags))


def event_figures(event_id: str, claims: Sequence[Claim], policy: Policy, attacker: str | None) -> list[EventFigure]:
    """One EventFigure per (measure, what) that the claims state, in a fixed order."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        groups[(c.measure, c.what)].append(c)
    return [figure(event_id, m, w, cs, policy, attacker) for (m, w), cs in sorted(groups.items())]
