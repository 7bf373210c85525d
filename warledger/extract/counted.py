"""What a number counts: the noun phrase after it ("574 drones", "13 ballistic missiles",
"one Oreshnik missile", "18 ballistic and 7 cruise missiles", "four children").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import PERSONS, What
from .phrases import Match
from .rules import Rule, RuleSet

# Tokens that may sit between a number and its noun without ending the phrase.
MODIFIERS = frozenset({
    "long-range", "short-range", "medium-range", "attack", "strike", "combat", "kamikaze", "russian",
    "ukrainian", "enemy", "more", "additional", "other", "new", "further", "large", "heavy", "high-speed",
    "jet-powered", "jet", "reactive", "air-launched", "sea-launched", "ground-launched", "land-based",
    "sea-based", "precision-guided", "guided", "unmanned", "civilian", "residential", "private", "apartment",
    "multi-storey", "high-rise", "nearby", "different", "separate", "iranian-designed", "iranian-made",
    "north", "korean", "north-korean", "type", "-", "shahed-type", "russian-made", "enemy's", "aerial",
    "air", "decoy", "imitation", "strategic", "tactical", "powerful", "ukrainian-made", "western", "us-made",
    "more-than", "subsonic", "supersonic", "nuclear-capable", "intermediate-range", "the", "local", "young",
    "elderly", "adult", "teenage", "innocent", "ordinary", "fellow", "s-300", "s-400", "a", "an", "incoming",
})
# words that can never sit inside a counted phrase
STOP_WORDS = frozenset({
    "of", "in", "on", "at", "over", "by", "from", "to", "into", "across", "and", "or", "were", "was", "are",
    "is", "had", "have", "has", "been", "be", "that", "which", "who", "with", "for", "as", "than", "while",
    "but", "since", "after", "before", "during", "including", "among", "per", "each", "near", "said",
    "says", "more", "less", "times", "hours", "days", "people",
})
# Region adjectives and class words inside the phrase say who fired.
UA_WORDS = frozenset({"ukrainian", "ukrainian-made", "ukraine's"})
RU_WORDS = frozenset({"russian", "russian-made", "enemy", "enemy's", "russia's"})
CLASS_OF_MODIFIER = {"cruise_missile": What.CRUISE_MISSILE, "ballistic_missile": What.BALLISTIC_MISSILE,
                     "hypersonic_missile": What.HYPERSONIC_MISSILE}


@dataclass(frozen=True, slots=True)
class Counted:
    what: What
    model: str | None
    first: int      # first token of the noun phrase after the number
    last: int       # last token of the noun phrase
    side: str | None  # "UA" / "RU" when the phrase says whose weapons ("95 Ukrainian drones")
    rule_id: str


def _compose(noun: What | None, modifier: What | None, model_what: What | None) -> What | None:
    if model_what is not None:
        return model_what
    if modifier is not None and noun in (None, What.MISSILE, What.AERIAL_WEAPON):
        return modifier
    return noun


def _person_head(words: Sequence[str], rules: RuleSet, at: int) -> Match[Rule] | None:
    """The person noun right after a thing noun, which makes that noun a mere modifier ("a truck driver",
    "three train passengers"), or None."""
    if at >= len(words) or words[at] not in rules.things.starters:
        return None
    m = rules.things.match_at(words, at)
    return m if m is not None and What(m.value.value) in PERSONS else None


def counted_after(words: Sequence[str], rules: RuleSet, start: int, *, limit: int = 5) -> Counted | None:
    """The counted noun phrase that starts at token ``start`` (right after a number), if any."""
    noun: What | None = None
    modifier: What | None = None
    model: str | None = None
    model_what: What | None = None
    side: str | None = None
    rule_id = ""
    last = -1
    i = start
    n = len(words)
    unknown = 0
    weapons, things = rules.weapons, rules.things
    weapon_starts, thing_starts = weapons.starters, things.starters  # elsewhere match_at finds nothing
    while i < n and i < start + limit:
        w = words[i]
        m = weapons.match_at(words, i) if w in weapon_starts else None
        if m is not None:
            rule = m.value
            if rule.kind == "model":
                model, model_what = rule.model, What(rule.value)
            elif rule.kind == "modifier":
                modifier = What(rule.value)
            else:
                noun = What(rule.value)
            rule_id = rule.id
            last = m.last
            i = m.last + 1
            if rule.kind == "noun":
                break
            continue
        t = things.match_at(words, i) if w in thing_starts else None
        if t is not None and model is None and modifier is None:
            noun, rule_id, last = What(t.value.value), t.value.id, t.last
            head = _person_head(words, rules, t.last + 1) if noun not in PERSONS else None
            if head is not None:  # "a truck driver", "two bus passengers": the people, not the vehicle
                noun, rule_id, last = What(head.value.value), head.value.id, head.last
            break
        if w in UA_WORDS:
            side = "UA"
        elif w in RU_WORDS:
            side = "RU"
        if w not in MODIFIERS and not ("-" in w and w[:1].isalpha() and w.islower()):
            # an unknown word may still be a modifier ("two port workers"), once, if a head follows
            if unknown or not w.isalpha() or w in STOP_WORDS or noun is not None or model is not None \
                    or rules.measure_after.starts(w) or rules.measure_before.starts(w):
                break
            unknown += 1
        i += 1
    if last < 0:
        return None
    what = _compose(noun, modifier, model_what)
    if what is None:
        return None
    # "18 ballistic and 7 cruise missiles": a class word alone stands for its missile
    return Counted(what, model, start, last, side, rule_id)
