"""Targets: named facilities a sentence says were hit ("struck the Votkinsk missile factory").

A facility noun (rules/targets.toml) counts only near a strike verb: after "hit", "struck",
"attack on", "targeting" ..., or before "was hit", "were damaged". Its name is the noun
phrase around it: capitalised or adjective words before, "of Baykar" / "owned by
Flextronics" after. A facility the words around it say was not hit that night (negated, a habit or
history, a consequence, a speaker, an owner, the defences, where weapons came from) is left out
(``_not_struck``, ``HABITS``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Evidence, TargetKind
from .phrases import Match
from .rules import Rule, RuleSet
from .text import Sentence

HIT_BEFORE = frozenset({
    "hit", "hits", "hitting", "struck", "strike", "strikes", "striking", "attack", "attacks", "attacked",
    "attacking", "targeted", "targeting", "target", "targets", "damaged", "damaging", "destroyed",
    "destroying", "pounded", "pounding", "shelled", "shelling", "on", "at", "fell", "landed", "ablaze",
    "blaze", "fire", "engulfed", "aimed", "bombed", "bombing", "knocked", "disabled", "crashed", "into",
    "impacted", "levelled", "leveled", "reduced", "flattened", "against",
})
HIT_AFTER = frozenset({"was", "were", "had", "has", "have", "came", "caught", "suffered", "sustained", "took",
                       "burned", "burning", "collapsed", "damaged", "destroyed", "hit", "struck"})
# words that may stand before a facility noun inside its name
NAME_WORDS_LOWER = frozenset({
    "underground", "natural", "oil", "gas", "thermal", "main", "regional", "local", "large", "big", "major",
    "key", "critical", "civilian", "industrial", "military", "residential", "nine-storey", "five-storey",
    "multi-storey", "high-rise", "private", "state", "state-owned", "electricity", "power", "energy",
    "chemical", "chemicals", "drone", "missile", "defence", "defense", "ammunition", "fuel", "grain",
    "postal", "school", "children's", "maternity", "city", "central", "municipal", "apartment", "office",
    "distribution", "generation", "transmission", "heating", "boiler", "sea", "river", "cargo", "railway",
    "rail", "storage", "production", "processing", "pumping", "condensate", "stabilisation", "hydroelectric",
    "nuclear", "combined", "heat", "ballistic", "intermediate-range", "long-range", "training", "testing",
    "logistics", "electronic", "warfare", "air", "naval", "russian", "ukrainian", "kyiv's", "odesa's",
    "government", "aircraft", "repair",
})
STOP_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "two", "three", "four", "five", "six",
                        "seven", "eight", "nine", "ten", "eleven", "twelve", "one", "several", "many",
                        "some", "dozens", "of", "and", "or", ",", "while", "when", "after", "as", "in", "on",
                        "at", "for", "with", "since", "although", "but", "this", "these", "those", "if",
                        "because", "whereas", "where", "then"})


# a sentence that reports damage makes every facility it names a target
DAMAGE_CUES = frozenset({
    "damaged", "damage", "destroyed", "shattered", "blown", "collapsed", "ablaze", "burning", "wrecked",
    "flattened", "levelled", "leveled", "struck", "hit", "caught", "gutted", "razed", "smashed", "windows",
    "roof", "facade", "fire", "burned", "targeted", "attacked", "bombed", "shelled", "rubble", "ruins",
})
CARE_WORDS = frozenset({"to", "in"})
# words before a facility that make it a description of another ("which officials call a vital plant"); not
# "was a": "the building it struck was a school" names the target
DESCRIPTIONS = frozenset({("as", "a"), ("as", "an")})
CLAUSE_ENDS = frozenset({",", ";", ":", ".", "—", "–", "(", ")"})
LISTING_AS = frozenset({"well", "such"})  # "as well as a school", "such as a school": listings, not descriptions
STAFF_WORDS = frozenset({"said", "says", "reported", "wrote", "announced", "told", "worker", "workers",
                         "employee", "employees", "staff", "official", "officials", "director",
                         "head", "authority", "authorities", "operator", "spokesperson", "spokesman", "manager",
                         "guard", "guards", "administration", "chief", "doctors", "doctor", "patients", "patient"})
# right after a military facility: a verb it does ("air defence systems shot down ..."), so it is no target
SHOOTERS_VERBS = frozenset({"shot", "downed", "intercepted", "repelled", "engaged"})

# A facility a clause names but does not report hit tonight. Words anywhere in the facility's clause that make it
# a habit or history ("keeps targeting the grid", "struck refineries repeatedly", "has previously denied its
# strikes were aimed at military facilities"); a sentence without one of them is not scanned.
HABITS = frozenset({"repeatedly", "increasingly", "regularly", "routinely", "keeps", "previously", "often",
                    "frequently", "alleged"})  # "alleged": a claimed attack disputed in the text, not the night's
# words before "market(s)" that make it a trade, not a place where people shop
TRADED_MARKETS = frozenset({"freight", "world", "global", "financial", "oil", "energy", "stock", "bond", "commodity",
                            "commodities", "grain", "gas", "capital", "export", "insurance", "shipping", "currency",
                            "labour", "labor", "international", "european", "russian", "ukrainian", "western"})
# words after a facility word that make it a modifier of something that is not a facility
# ("the port city of Odesa", "a port town": the place's description, not a facility in it)
NOT_FACILITY_HEADS = frozenset({"room", "rooms", "year", "years", "season", "bill", "bills", "fees", "prices",
                                "city", "town", "cities", "towns"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "on", "outside"})
# past a place phrase only a verb of its own says the facility was hit (not "were forced to ...")
HIT_AFTER_FAR = frozenset({"came", "caught", "suffered", "sustained", "burned", "burning", "collapsed", "damaged",
                           "destroyed", "hit", "struck"})
# "did not hit the refinery", "no damage to the plant" (before it); "the refinery was not affected", "the plant,
# which was hit last year, escaped damage" (its verb, after it); not "no" after it: "hit a depot, with no casualties"
NEGATIONS = frozenset({"not", "no", "never", "nor", "didn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
                       "isn't", "aren't", "spared", "unaffected", "undamaged", "unharmed", "intact", "escaped"})
NEGATED_VERBS = NEGATIONS - {"no", "nor"}
RELATIVE = frozenset({"which", "that", "where"})
# "forcing the railway to reroute trains", "forced plants to cut output": what a strike made others do
# "damaged, delaying several trains", "disrupting traffic": what a strike did to others, not what it hit
FORCED = frozenset({"forced", "forcing", "delaying", "disrupting"})  # not "forces": "Russian forces hit a school"
LEFT = frozenset({"left", "leaving", "leaves"})      # "left 600 apartment buildings without heating"
LOST = frozenset({"lost", "loses", "losing"})        # "the plant lost its last power line"
SAYING = frozenset({"says", "said", "told", "tells"})  # "..., says the regional headquarters.": a speaker
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "”", "’", "'"})
# "in retaliation for strikes on ...", "a response to attacks on ...": a grievance one side cites for its strike
CAUSES = frozenset({("response", "to"), ("retaliation", "for"), ("revenge", "for"), ("reply", "to"),
                    ("responding", "to"), ("retaliating", "for")})
OWNERS = frozenset({("belonging", "to"), ("owned", "by"), ("operated", "by"), ("run", "by")})
# words of arms supplied to a side, right before the facility ("deliveries of air defence systems",
# "send more Patriot systems"): what is asked for or given, not what a strike hit
SUPPLY_WORDS = frozenset({"deliveries", "delivery", "supply", "supplies", "shipments", "send", "sending",
                          "provide", "providing", "deliver", "delivering", "supplying", "transfer"})
# the defences themselves: "its air defence systems had destroyed 48 drones"
DEFENDING = frozenset({"destroyed", "shot", "downed", "intercepted", "repelled", "repulsed", "neutralised",
                       "neutralized"})
AUXILIARIES = frozenset({"had", "have", "has"})
# "missiles from the factory", "launched from the airfield": where weapons came from
ORIGIN_WORDS = frozenset({"missile", "missiles", "drone", "drones", "shells", "bombs", "weapons", "launched",
                          "fired", "off"})
LINKS = frozenset({("read", "more"), ("read", "also"), ("see", "also")})  # a link to another story
# "mobile fire groups hunt drones": units that fire, not a blaze
FIRE_UNITS = frozenset({"group", "groups", "unit", "units", "team", "teams"})
# "in 2022-23, missiles concentrated on substations", "since 2024": a year, not a night
YEAR_SPANS = frozenset({"in", "since", "during", "throughout", "until"})
YEAR_PARTS = frozenset({"early", "late", "mid", "spring", "summer", "autumn", "fall", "winter"})
# "attacks on energy infrastructure are prohibited": a statement about such attacks, not one of them
GENERAL_STRIKES = frozenset({"attacks", "strikes"})
# "the drone campaign against Russian oil infrastructure": a campaign's aim over months, not one night's hit
CAMPAIGN_WORDS = frozenset({"campaign", "campaigns", "war"})
GENERAL_VERBS = frozenset({"are", "remain"})
# "you hit the Shahed in the factory": a speaker's general case, not a report
GENERIC_SUBJECTS = frozenset({"you"})
# "struck the Neftogorsk Gas Processing Plant, damaging two ... plants": units of the plant named
PARTICIPLES = frozenset({"damaging", "destroying", "hitting", "including"})


@dataclass(frozen=True, slots=True)
class TargetMention:
    name: str
    kind: TargetKind
    evidence: Evidence
    first: int   # token span within the sentence
    last: int
    rule_id: str


# "were killed in an apartment block", "injured at the market": people hurt in a facility put it in the strike
CASUALTIES = frozenset({"killed", "injured", "wounded", "trapped"})
INSIDE = frozenset({"in", "at", "inside"})


def _casualty(words: Sequence[str], first: int) -> bool:
    """Whether the facility at ``words[first]`` follows "killed in" / "injured at" ("were killed in an
    apartment block"), with at most determiners between."""
    before = _clause_before(words, first, 4)
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i] in INSIDE), -1)
    return at > 0 and before[at - 1] in CASUALTIES and all(w in STOP_WORDS for w in before[at + 1:])


def _fire_unit(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is "fire" naming a unit ("mobile fire groups"), not a blaze."""
    return words[i] == "fire" and i + 1 < len(words) and words[i + 1] in FIRE_UNITS


def _near_hit(words: Sequence[str], first: int, last: int) -> bool:
    """A strike word before the facility, or a verb after it: right after, or after a place phrase ("port
    infrastructure in the Izmail district came under attack")."""
    after = words[last + 1:last + 4]
    placed = bool(after) and after[0] in PLACE_PREPOSITIONS and any(w in HIT_AFTER_FAR for w in
                                                                     _clause_after(words, last, 7))
    return any(words[i] in HIT_BEFORE and not _fire_unit(words, i) for i in range(max(0, first - 8), first)) \
        or any(w in HIT_AFTER for w in after) or placed or _casualty(words, first)


def _group_last(found: Sequence[Match[Rule]], n: int, words: Sequence[str]) -> int:
    """The last token of the coordination a facility opens ("port and energy infrastructure ... came under
    attack": the verb after the last noun is the port's too)."""
    last = found[n].last
    for m in found[n + 1:]:
        if m.first - last > 3 or "and" not in words[last + 1:m.first] \
                or any(w in CLAUSE_ENDS for w in words[last + 1:m.first]):
            break
        last = m.last
    return last


def among_targets(words: Sequence[str]) -> bool:
    """"Power plants in three regions were among the targets": facilities told as a strike's targets,
    with no attack word."""
    if "targets" not in words:
        return False
    i = words.index("targets")
    return i >= 2 and words[i - 2] == "among" and words[i - 1] in ("the", "its", "their")


def _damage(words: Sequence[str]) -> bool:
    """Whether the sentence reports damage: a word of ``DAMAGE_CUES``, "fire" only as a blaze."""
    cues = DAMAGE_CUES.intersection(words)
    if cues == {"fire"}:
        return not all(_fire_unit(words, i) for i, w in enumerate(words) if w == "fire")
    return bool(cues)


def _year_spans(words: Sequence[str]) -> list[int]:
    """Where the sentence names a span of years ("in 2022-23", "since late 2024"): history, not a night."""
    out = []
    for i, w in enumerate(words[:-1]):
        if w in YEAR_SPANS:
            year = words[i + 2] if words[i + 1] in YEAR_PARTS and i + 2 < len(words) else words[i + 1]
            if len(year) == 4 and year[:2] in ("19", "20") and year.isdigit():
                out.append(i)
    return out


def _general(words: Sequence[str], first: int, last: int) -> bool:
    """Whether the facility is in a statement about such attacks ("attacks on civilian energy
    infrastructure are prohibited", "strikes on depots and the X plant are meant to ..."), not one of them:
    "strikes on" before it, and a present-tense verb after the listing it stands in."""
    before = _clause_before(words, first, 8)
    on = max((i for i, w in enumerate(before) if w in ("on", "against")), default=-1)
    if on > 0 and before[on - 1] in CAMPAIGN_WORDS:
        return True
    if on <= 0 or before[on - 1] not in GENERAL_STRIKES:
        return False
    for w in words[last + 1:last + 8]:
        if w in GENERAL_VERBS:
            return True
        if w in CLAUSE_ENDS:
            return False
    return False


def _head(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _extend_left(sentence: Sentence, words: Sequence[str], first: int, facility: frozenset[int] = frozenset()) -> int:
    """Where the name of the facility from ``words[first]`` begins; a modifier coordinated with its own
    ("energy generation and transmission facilities", "aircraft repair and defence plants") is taken in
    unless it is itself a facility (an index in ``facility``: "a school and defence plants")."""
    i = first
    coordinated = False
    while i > 0 and first - i < 4 + coordinated:
        tok = sentence.tokens[i - 1]
        w = words[i - 1]
        if w in ("and", "or") and not coordinated and i > 1 and i - 2 not in facility \
                and words[i - 2] in NAME_WORDS_LOWER and not sentence.tokens[i - 2].text[:1].isupper():
            coordinated = True
            i -= 1
            continue
        if w in STOP_WORDS:
            break
        if tok.text[:1].isupper() or w in NAME_WORDS_LOWER or w.endswith(("'s", "’s")):
            i -= 1
            continue
        break
    return i


# the words that make a bare "block" a block of flats ("a nine-storey block", "a high-rise block")
STOREYS = ("storey", "story", "high-rise", "soviet-era", "residential")
# determiners before a facility's own noun modifier ("a locomotive depot", "the cement plant"), and the
# words after them that qualify which facility rather than name its kind ("the second plant")
DETERMINERS = frozenset({"a", "an", "the", "its", "their"})
NOT_MODIFIERS = frozenset({"same", "nearby", "other", "another", "new", "old", "former", "whole", "entire", "only",
                           "last", "next", "first", "second", "third", "fourth", "fifth", "such", "very", "little",
                           "small", "huge", "vast", "single", "now", "largest", "biggest", "s", "t"})


def _noun_modifier(sentence: Sentence, words: Sequence[str], first: int) -> int:
    """Where a facility's name begins when a lowercase noun the name words do not list stands between a
    determiner and it ("a locomotive depot", "the cement plant"): that noun names the facility's kind."""
    if first < 2 or words[first - 2] not in DETERMINERS:
        return first
    w = words[first - 1]
    if not w.isalpha() or w in STOP_WORDS or w in NOT_MODIFIERS or w.endswith(("ed", "ing", "ly", "est")) \
            or not sentence.tokens[first - 1].text.islower():
        return first
    return first - 1


def _clause_before(words: Sequence[str], first: int, reach: int) -> Sequence[str]:
    """Up to ``reach`` words before ``words[first]``, stopping at a clause break."""
    i = first
    while i > 0 and first - i < reach and words[i - 1] not in CLAUSE_ENDS:
        i -= 1
    return words[i:first]


def _clause_after(words: Sequence[str], last: int, reach: int) -> Sequence[str]:
    """Up to ``reach`` words after ``words[last]``, stopping at a clause break; a relative clause
    at most a word after the facility ("the plant nearby, which was hit last year, ...") is stepped over."""
    j = last + 1
    for k in (j, j + 1):
        if k + 1 < len(words) and words[k] == "," and words[k + 1] in RELATIVE:
            j = next((i + 1 for i in range(k + 2, len(words)) if words[i] in CLAUSE_ENDS), len(words))
            break
        if k < len(words) and words[k] in CLAUSE_ENDS:
            break
    k = j
    while k < len(words) and k - j < reach and words[k] not in CLAUSE_ENDS:
        k += 1
    return words[j:k]


def _in_clause(words: Sequence[str], first: int, last: int, cues: frozenset[str]) -> bool:
    """Whether a word of ``cues`` stands in the clause of the facility at ``words[first:last + 1]``."""
    return not cues.isdisjoint(_clause_before(words, first, len(words))) \
        or not cues.isdisjoint(_clause_after(words, last, len(words)))


def _not_struck(words: Sequence[str], first: int, last: int) -> bool:
    """Whether the words around a facility say it was not hit tonight, though near a strike word:
    negated ("was not affected", "did not hit"), a consequence ("forcing ... to reroute trains",
    "left ... without heating", "lost its power line"), a speaker ("says ... headquarters"), an owner
    ("belonging to a postal operator"), arms supplied ("deliveries of air defence systems"), the defences
    ("air defence systems had destroyed"), or where weapons came from ("missiles from the factory")."""
    before = _clause_before(words, first, 6)
    after = _clause_after(words, last, 3)
    if not NEGATIONS.isdisjoint(before[-4:]) or not NEGATED_VERBS.isdisjoint(after[:2]):
        return True
    if not FORCED.isdisjoint(before) or _lost_by_it(before[-4:]) \
            or (not LEFT.isdisjoint(before) and "without" in after):
        return True
    near = before[-4:]
    said = max((i for i, w in enumerate(near) if w in SAYING), default=-1)
    if said >= 0 and all(w in SENTENCE_ENDS for w in words[last + 1:]) and HIT_BEFORE.isdisjoint(near[said + 1:]):
        return True  # "..., says the regional emergency headquarters." (it ends the sentence)
    if any(pair in OWNERS for pair in itertools.pairwise(near)):
        return True
    if not SUPPLY_WORDS.isdisjoint(before[-3:]):
        return True  # "speed up deliveries of air defence systems": arms supplied, not a facility hit
    if any(pair in CAUSES for pair in itertools.pairwise(_clause_before(words, first, 12))):
        return True  # "a response to Ukrainian raids on Russian refineries": the grievance cited, not tonight's
    origin = max((i for i, w in enumerate(before) if w == "from" and i >= len(before) - 3), default=-1)
    if origin > 0 and not ORIGIN_WORDS.isdisjoint(before[max(0, origin - 3):origin]):
        return True  # "missiles from the factory", "launched from the airfield"
    if after[:1] and after[0] in AUXILIARIES:  # "had destroyed 48 drones", not "had been destroyed"
        return after[1:2] != () and after[1] in DEFENDING
    return _defending(_clause_after(words, last, 6))


# "lost heating after a combined heat and power plant was damaged": what comes after these is the cause
CAUSE_OPENERS = frozenset({"after", "when", "because", "as"})


def _lost_by_it(near: Sequence[str]) -> bool:
    """Whether the facility after ``near`` is what lost something ("the plant lost its last power line"), not
    the cause of the loss ("consumers lost heating after a plant was damaged")."""
    lost = max((i for i, w in enumerate(near) if w in LOST), default=-1)
    return lost >= 0 and CAUSE_OPENERS.isdisjoint(near[lost + 1:])


def _defending(after: Sequence[str]) -> bool:
    """Whether the facility is the subject of a defending verb: "shot down 40 drones", "destroyed 48
    drones", "on duty intercepted and destroyed 118 drones" (at most two words before the verb), not
    "destroyed in the attack" nor "were destroyed"."""
    for j in range(min(3, len(after))):
        if after[j] in PASSIVE:
            return False
        if after[j] not in DEFENDING:
            continue
        k = j + 1
        if k + 1 < len(after) and after[k] in ("and", "or") and after[k + 1] in DEFENDING:
            k += 2  # "intercepted and destroyed"
        return k < len(after) and (after[k][:1].isdigit() or after[k] == "down")
    return False


PASSIVE = frozenset({"was", "were", "been", "be", "is", "are"})


def _extend_right(sentence: Sentence, words: Sequence[str], last: int) -> int:
    toks = sentence.tokens
    j = last
    if j + 2 < len(words) and words[j + 1] in ("of", "by") and toks[j + 2].text[:1].isupper() \
            and not words[j + 2].endswith("'s"):
        j += 1
    elif j + 3 < len(words) and (words[j + 1], words[j + 2]) in OWNERS and toks[j + 3].text[:1].isupper():
        j += 2
    elif words[j] == "by" and j + 1 < len(words) and toks[j + 1].text[:1].isupper():
        pass
    else:
        return last
    while j + 1 < len(words) and toks[j + 1].text[:1].isupper() and j - last < 5:
        j += 1
    return j


def damage_near(words: Sequence[str], first: int, last: int, reach: int = 8) -> bool:
    """A damage word ("shattered", "windows", "collapsed") within ``reach`` words of the facility at
    ``words[first:last + 1]``, in the same clause (no clause break between); reach starts again once
    at a coordination before it ("windows were shattered in a school and in the ... of a city hospital")."""
    for step, edge in ((-1, first), (1, last)):
        i, start, again = edge + step, edge, step < 0
        while 0 <= i < len(words) and abs(i - start) <= reach and words[i] not in CLAUSE_ENDS:
            if words[i] in DAMAGE_CUES:
                return True
            if again and words[i] == "and" and i + 1 < len(words) and words[i + 1] in INSIDE:
                start, again = i, False
            i += step
    return False


def _described(words: Sequence[str], first: int) -> bool:
    """Whether the facility named from ``words[first]`` follows "as a" / "as an", with up to two
    adjectives between ("known as a vital oil depot"), and is not in a listing ("as well as a")."""
    for k in range(first, max(first - 3, 1), -1):
        if (words[k - 2], words[k - 1]) in DESCRIPTIONS:
            return words[k - 3] not in LISTING_AS if k >= 3 else True
        if k - 1 < first and words[k - 1] in CLAUSE_ENDS:
            return False
    return False


def _appositive(sentence: Sentence, words: Sequence[str], m: Match[Rule], nxt: Match[Rule] | None) -> bool:
    """Whether the facility ``m`` is described again by a name right after it ("the government headquarters,
    the Cabinet of Ministers building on ..."), not a listing ("a school, the X Lyceum and a clinic")."""
    at = m.last + 3
    if nxt is None or at >= len(words) or words[m.last + 1] != "," or words[m.last + 2] != "the" \
            or _extend_left(sentence, words, nxt.first) != at or not sentence.tokens[at].text[:1].isupper():
        return False
    end = next((i for i in range(nxt.last + 1, len(words)) if words[i] in CLAUSE_ENDS), len(words))
    return "and" not in words[nxt.last + 1:end + 2] and "or" not in words[nxt.last + 1:end + 2]


def _unit_of(sentence: Sentence, words: Sequence[str], out: Sequence[TargetMention], first: int, last: int) -> bool:
    """Whether the unnamed facility at ``words[first:last + 1]``, after a participle ("damaging"), shares its
    head noun with a named target before it in the sentence: a unit of that facility."""
    before = _clause_before(words, first, 4)
    if PARTICIPLES.isdisjoint(before) or sentence.tokens[last].text[:1].isupper():
        return False
    head = _head(words[last])
    return any(t.last < first and sentence.tokens[t.first].text[:1].isupper() and _head(words[t.last]) == head
               for t in out)


def _member_of(words: Sequence[str], prev: TargetMention, first: int, kind: str) -> bool:
    """Whether the facility from ``words[first]`` is one of the facilities named just before, of its kind
    ("several apartment buildings, including a nine-storey block"); not after a bare plural ("homes,
    including a private house": that one is the first named)."""
    before = _clause_before(words, first, 6)
    return "including" in before[:2] and prev.kind == kind and " " in prev.name and prev.last < first - len(before)


def targets_in(sentence: Sentence, text: str, words: Sequence[str], rules: RuleSet) -> list[TargetMention]:
    """Facilities this sentence says were struck."""
    out: list[TargetMention] = []
    if tuple(words[:2]) in LINKS:
        return out  # "Read more: Fire at the government building": another story's headline
    damage = _damage(words) or among_targets(words)
    habit = not HABITS.isdisjoint(words)
    generic = -1 if GENERIC_SUBJECTS.isdisjoint(words) else min(i for i, w in enumerate(words) if w in GENERIC_SUBJECTS)
    years: list[int] | None = None
    described = -1  # the end of a description's clause: what it names is not hit either
    found = rules.targets.find_all(words)
    facility_at = frozenset(i for f in found for i in range(f.first, f.last + 1))
    for n, m in enumerate(found):
        if n + 1 < len(found) and found[n + 1].first == m.last + 1:
            continue  # "high-rise apartment buildings": a facility word naming the next one, not another target
        if m.first < described:
            continue  # "..., known as a vital depot for the army's fuel line": the fuel line was not hit
        if 0 <= generic < m.first:
            continue  # "because you hit it in the factory": a case put, not a report
        before = words[m.first - 1] if m.first > 0 else ""
        if before == "white" and words[m.last] in ("house",):
            continue  # the White House is a venue, not a home
        if m.first == m.last and _head(words[m.last]) == "block" and not before.endswith(STOREYS):
            continue  # "a five-storey block" is a building; "to block", "a stumbling block" are not
        if before in CARE_WORDS and m.value.value == "health":
            continue  # "taken to hospital", "died in hospital": care, not a target
        if m.last + 1 < len(words) and words[m.last + 1] in STAFF_WORDS:
            continue  # "a port worker", "the plant's director": people, not the facility
        if m.value.value == "military" and m.last + 1 < len(words) and words[m.last + 1] in SHOOTERS_VERBS:
            continue  # "air defence systems shot all of them down": who fired, not what was hit
        if m.last + 1 < len(words) and words[m.last + 1] in NOT_FACILITY_HEADS:
            continue  # "their hotel rooms", "the school year": the facility word names something else
        if _head(words[m.last]) == "market" and before in TRADED_MARKETS:
            continue  # "freight markets", "world markets": a trade, not a marketplace
        if not (damage or _near_hit(words, m.first, _group_last(found, n, words))):
            continue
        toks = sentence.tokens
        first = _extend_left(sentence, words, m.first, facility_at)
        if first == m.first:
            first = _noun_modifier(sentence, words, first)
        if n > 0 and found[n - 1].last + 1 == m.first:
            first = min(first, _extend_left(sentence, words, found[n - 1].first))
        if _not_struck(words, first, m.last) or (habit and _in_clause(words, first, m.last, HABITS)) \
                or _general(words, first, m.last):
            continue
        if "in" in words or "since" in words or "during" in words:
            years = _year_spans(words) if years is None else years
            if years and years[0] < first:
                continue  # "in 2022-23, Russian missiles concentrated on substations": history
        if _appositive(sentence, words, m, found[n + 1] if n + 1 < len(found) else None):
            continue  # "the government headquarters, the Cabinet of Ministers building": one target, named after
        if out and _member_of(words, out[-1], first, m.value.value):
            continue  # "four high-rise buildings, including a 16-storey block": one of the target named
        if out and _unit_of(sentence, words, out, first, m.last):
            continue  # "struck the X Gas Processing Plant, damaging two ... plants": units of the plant named
        if _described(words, first):
            # "known as a vital depot": a description of a target named before it, to the clause's end
            described = next((i for i in range(m.last + 1, len(words)) if words[i] in CLAUSE_ENDS), len(words))
            continue
        last = _extend_right(sentence, words, m.last)
        evidence = Evidence.of(text, toks[first].start, toks[last].end)
        out.append(TargetMention(evidence.text, TargetKind(m.value.value), evidence, first, last, m.value.id))
    return out
