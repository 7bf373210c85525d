"""Participants told by their office: "the foreign ministers of Poland, Germany and France met Sybiha",
"Sybiha meets his Polish, German and French counterparts"; and people told with their state ("Radoslaw
Sikorski of Poland"), whose state is no other participant.

Wires name the ministers once ("Radoslaw Sikorski, Johann Wadephul and Jean-Noel Barrot") and then tell
the meeting by office and country. A meeting told so is between those people (gold convention 4: a
meeting between named people lists the people), so each state the office stands for becomes the person
the actor registry names as its holder, when the article names that person; a state whose holder the
article does not name stays a state. Nothing is guessed: the holder must be in the registry and in the
text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..resolve.actors import Actor, ActorRegistry
from ..resolve.place_descriptors import load_descriptors
from .participants import states_by_code

__all__ = ["office_holders", "without_home_states"]

# "the foreign ministers of Poland, Germany and France"
_MINISTERS_OF = re.compile(r"\b(?P<office>foreign|defen[cs]e)\s+ministers\s+of\b", re.IGNORECASE)
# "his Polish, German and French counterparts"
_COUNTERPARTS = re.compile(r"\b(?P<adjectives>[A-Z][a-z]+(?:(?:,\s+|,?\s+and\s+)[A-Z][a-z]+){0,6})\s+"
                           r"counterparts?\b")
_NATIONALITY_SPLIT = re.compile(r",\s+|,?\s+and\s+")
# the office a counterpart holds, from the words of the clause
_OFFICE_WORDS = (("foreign minister", re.compile(r"\b(?:foreign\s+ministers?|top\s+diplomats?|diplomats?)\b",
                                                 re.IGNORECASE)),
                 ("defence minister", re.compile(r"\bdefen[cs]e\s+ministers?\b", re.IGNORECASE)))


def office_holders(text: str, start: int, end: int, participants: Sequence[str],
                   actors: ActorRegistry) -> tuple[str, ...] | None:
    """The participants of a meeting told in ``text[start:end]`` (its clause) with the states its office
    words stand for replaced by the holders the article names, and the counterparts it names added; None
    when the clause tells no office."""
    clause = text[start:end]
    if "counterpart" not in clause and "inisters of" not in clause:
        return None
    ministers = _MINISTERS_OF.search(clause)
    counterparts = _COUNTERPARTS.search(clause)
    if ministers is None and counterparts is None:
        return None
    named = {m.actor.name for m in actors.find(text)}
    if ministers is not None:
        office = ministers.group("office").lower().replace("defense", "defence") + " minister"
        out = []
        for name in participants:
            actor = actors.lookup(name)
            holder = actors.holder(office, actor.country) if actor is not None and actor.kind == "state" else None
            out.append(holder.name if holder is not None and holder.name in named else name)
        return tuple(dict.fromkeys(out)) if out != list(participants) else None
    assert counterparts is not None
    office = next((o for o, words in _OFFICE_WORDS if words.search(clause)), None)
    if office is None:
        return None
    adjectives = _NATIONALITY_SPLIT.split(counterparts.group("adjectives"))
    if any(a not in _countries() for a in adjectives):
        return None
    codes = [_countries()[a] for a in adjectives]
    theirs = []
    for code in codes:
        holder = actors.holder(office, code)
        if holder is not None and holder.name in named:
            theirs.append(holder.name)
        elif (state := states_by_code(actors).get(code)) is not None:
            theirs.append(state)
        else:
            return None
    # the one whose counterparts they are, named before them: a holder of that office ("Sybiha ... his
    # counterparts"), else the holder for the state named ("Kyiv's top diplomat ... his counterparts")
    before = actors.find(text, start, start + counterparts.start())
    holders = [m.actor.name for m in before if _holds(m.actor, office)]
    if not holders:  # "after talks with his Hungarian counterpart X, Foreign Minister Y warned": named after
        after = actors.find(text, start + counterparts.end(), end)
        holders = [m.actor.name for m in after if _holds(m.actor, office) and m.actor.name not in theirs][:1]
    if not holders:
        states = [m.actor for m in before if m.actor.kind == "state"]
        holder = actors.holder(office, states[-1].country) if states else None
        if holder is None:
            return None
        holders = [holder.name]
    return tuple(dict.fromkeys((holders[-1], *theirs)))


_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")


def without_home_states(text: str, start: int, end: int, participants: Sequence[str],
                        actors: ActorRegistry) -> tuple[str, ...] | None:
    """The participants without the states that ``text[start:end]`` names only right after one of the
    participants and "of" ("a meeting with Radoslaw Sikorski of Poland, Johann Wadephul of Germany"); None
    when there is none."""
    if " of " not in text[start:end]:
        return None
    kinds = {a.kind for a in map(actors.lookup, participants) if a is not None}
    if "person" not in kinds or "state" not in kinds:
        return None
    found = actors.find(text, start, end)
    people = {m.end for m in found if m.actor.kind == "person" and m.actor.name in participants}
    home = set()
    for m in found:
        if m.actor.kind != "state" or m.actor.name not in participants:
            continue
        of = _OF_STATE.search(text, max(start, m.start - 10), m.start)
        if of is not None and of.end() == m.start and of.start() in people:
            home.add(m.actor.name)
        else:
            return None  # the state is also named as a party of its own
    return tuple(n for n in participants if n not in home) if home else None


def _holds(actor: Actor, office: str) -> bool:
    return actor.kind == "person" and (actor.role or "").lower().startswith(office)


@cache
def _countries() -> dict[str, str]:
    return dict(load_descriptors().countries)

