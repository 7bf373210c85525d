"""Targets: named facilities a sentence says were hit ("struck the Votkinsk missile factory").

A facility noun (rules/targets.toml) counts only near a strike verb: after "hit", "struck",
"attack on", "targeting" ..., or before "was hit", "were damaged". Its name is the noun
phrase around it: capitalised or adjective words before, "of Baykar" / "owned by
Flextronics" after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Evidence, TargetKind
from .rules import RuleSet
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
})
STOP_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "two", "three", "several", "many",
                        "some", "dozens", "of", "and", "or", ",", "while", "when", "after", "as", "in", "on",
                        "at", "for", "with", "since", "although", "but", "this", "these", "those", "if",
                        "because", "whereas", "where", "then"})


# a sentence that reports damage makes every facility it names a target
DAMAGE_CUES = frozenset({
    "damaged", "damage", "destroyed", "shattered", "blown", "collapsed", "ablaze", "burning", "wrecked",
    "flattened", "levelled", "leveled", "struck", "hit", "caught", "gutted", "razed", "smashed", "windows",
    "roof", "facade", "fire", "burned", "targeted", "attacked", "bombed", "shelled",
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


@dataclass(frozen=True, slots=True)
class TargetMention:
    name: str
    kind: TargetKind
    evidence: Evidence
    first: int   # token span within the sentence
    last: int
    rule_id: str


def _near_hit(words: Sequence[str], first: int, last: int) -> bool:
    before = words[max(0, first - 8):first]
    after = words[last + 1:last + 4]
    return any(w in HIT_BEFORE for w in before) or any(w in HIT_AFTER for w in after)


def _extend_left(sentence: Sentence, words: Sequence[str], first: int) -> int:
    i = first
    while i > 0 and first - i < 4:
        tok = sentence.tokens[i - 1]
        w = words[i - 1]
        if w in STOP_WORDS:
            break
        if tok.text[:1].isupper() or w in NAME_WORDS_LOWER or w.endswith(("'s", "’s")):
            i -= 1
            continue
        break
    return i


def _extend_right(sentence: Sentence, words: Sequence[str], last: int) -> int:
    toks = sentence.tokens
    j = last
    if j + 2 < len(words) and words[j + 1] in ("of", "by") and toks[j + 2].text[:1].isupper() \
            and not words[j + 2].endswith("'s"):
        j += 1
    elif j + 3 < len(words) and words[j + 1] in ("owned", "operated", "run") and words[j + 2] == "by":
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
    ``words[first:last + 1]``, in the same clause (no clause break between)."""
    for step, edge in ((-1, first), (1, last)):
        i = edge + step
        while 0 <= i < len(words) and abs(i - edge) <= reach and words[i] not in CLAUSE_ENDS:
            if words[i] in DAMAGE_CUES:
                return True
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


def targets_in(sentence: Sentence, text: str, words: Sequence[str], rules: RuleSet) -> list[TargetMention]:
    """Facilities this sentence says were struck."""
    out: list[TargetMention] = []
    damage = not DAMAGE_CUES.isdisjoint(words)
    described = -1  # the end of a description's clause: what it names is not hit either
    for m in rules.targets.find_all(words):
        if m.first < described:
            continue  # "..., known as a vital depot for the army's fuel line": the fuel line was not hit
        before = words[m.first - 1] if m.first > 0 else ""
        if before == "white" and words[m.last] in ("house",):
            continue  # the White House is a venue, not a home
        if before in CARE_WORDS and m.value.value == "health":
            continue  # "taken to hospital", "died in hospital": care, not a target
        if m.last + 1 < len(words) and words[m.last + 1] in STAFF_WORDS:
            continue  # "a port worker", "the plant's director": people, not the facility
        if not (damage or _near_hit(words, m.first, m.last)):
            continue
        toks = sentence.tokens
        first = _extend_left(sentence, words, m.first)
        if _described(words, first):
            # "known as a vital depot": a description of a target named before it, to the clause's end
            described = next((i for i in range(m.last + 1, len(words)) if words[i] in CLAUSE_ENDS), len(words))
            continue
        last = _extend_right(sentence, words, m.last)
        evidence = Evidence.of(text, toks[first].start, toks[last].end)
        out.append(TargetMention(evidence.text, TargetKind(m.value.value), evidence, first, last, m.value.id))
    return out
