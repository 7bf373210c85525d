"""The statistics rule file (``rules/statistics.toml``), loaded and validated loudly like the others.

Each kind becomes one phrase table (``StatRules``); the file's own header describes the kinds.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import RuleError
from .phrases import Match, PhraseTable, pattern_tokens
from .rules import Rule, load_rules, rule_texts

STATISTICS_FILE = "statistics.toml"
STAT_KINDS = frozenset({
    "unit", "currency", "unit_before", "duration", "count", "arms", "campaign", "forces", "outage", "period", "state",
    "production", "supply", "elided", "dollar_owner",
    "fraction", "not_before", "determiner", "not_after", "qualifier", "qualifier_after", "times", "source",
})
# kinds whose value is the unit of a count (a count restated with another label is another statistic)
COUNTED = frozenset({"count", "arms", "campaign", "forces", "outage", "elided", "times"})
# kinds whose patterns, after a number, may make it a statistic; and other such words (scales, rates,
# "ten more of them", "and 900 wounded")
GATED = frozenset({"unit", "count", "arms", "campaign", "forces", "outage", "fraction"})
GATE_EXTRA = frozenset({
    "million", "billion", "trillion", "thousand", "hundred", "bn", "m", "mn", "k", "tn", "trn", "c", "%", "times",
    "a", "per", "more", "injured", "wounded", "killed", "dead", "live", "lived", "living", "were", "are", "have",
    "had", "remain", "remained", "died", "fled", "left", "missing", "each",
})
QUALIFIERS = frozenset({"exact", "at_least", "at_most", "approx"})
# kinds whose value must be one of a closed set
VALUE_CHECKS: Mapping[str, frozenset[str]] = {"qualifier": QUALIFIERS, "qualifier_after": QUALIFIERS}


class Suffixes:
    """Phrases that end right before a word ("more than", "population of", "US$"), found through their
    last word; the longest wins."""

    def __init__(self, entries: Iterable[tuple[str, Rule]]) -> None:
        by_last: dict[str, list[tuple[tuple[str, ...], Rule]]] = {}
        seen: set[tuple[str, ...]] = set()
        for pattern, rule in entries:
            toks = pattern_tokens(pattern)
            if toks and toks not in seen:  # the first rule to claim a pattern keeps it
                seen.add(toks)
                by_last.setdefault(toks[-1], []).append((toks, rule))
        for items in by_last.values():
            items.sort(key=lambda item: -len(item[0]))
        self._by_last = by_last

    def ending_at(self, words: Sequence[str], last: int) -> Match[Rule] | None:
        """The longest phrase whose last word is ``words[last]``."""
        if last < 0:
            return None
        for toks, rule in self._by_last.get(words[last], ()):
            first = last - len(toks) + 1
            if first >= 0 and tuple(words[first:last + 1]) == toks:
                return Match(first, last, rule)
        return None


def plain_words(words: Sequence[str]) -> Sequence[str]:
    """The words with possessives dropped, for ``CueSet.find``: "this week's" holds "this week"."""
    if "'s" in "".join(words):
        return tuple(w[:-2] if w.endswith("'s") else w for w in words)
    return words


class CueSet:
    """Phrases to look for anywhere in a sentence, found through their longest word (an anchor): a
    sentence without any anchor is passed over with one set test."""

    def __init__(self, patterns: list[str]) -> None:
        by_anchor: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for p in patterns:
            toks = pattern_tokens(p)
            if toks:
                k = max(range(len(toks)), key=lambda i: len(toks[i]))
                by_anchor.setdefault(toks[k], []).append((toks, k))
        self._by_anchor = by_anchor
        self.anchors = frozenset(by_anchor)

    def find(self, words: Sequence[str]) -> list[int]:
        """The start of every occurrence of a phrase in ``words`` (give them through ``plain_words``)."""
        hits = self.anchors.intersection(words)
        if not hits:
            return []
        out = []
        for i, w in enumerate(words):
            if w not in hits:
                continue
            for toks, k in self._by_anchor[w]:
                s = i - k
                if s >= 0 and tuple(words[s:s + len(toks)]) == toks:
                    out.append(s)
        return out


@dataclass(frozen=True, slots=True)
class StatRules:
    rules: tuple[Rule, ...]
    units: PhraseTable[Rule]          # "percent", "km", "barrels a day", "euros"
    currencies: Suffixes              # "$", "€", "£"
    units_before: Suffixes            # "Mach"
    durations: PhraseTable[Rule]      # "hours", "days", "years"
    nouns: PhraseTable[Rule]          # counted nouns of kinds count, campaign and outage
    periods: CueSet                   # with the period rules of periods.toml
    states: CueSet
    production: CueSet
    supply: CueSet
    elided: Suffixes
    fractions: PhraseTable[Rule]
    not_before: frozenset[str]
    determiners: frozenset[str]
    not_after: PhraseTable[Rule]
    sources: PhraseTable[Rule]        # "familiar with": the counted people are a story's sources
    qualifiers: Suffixes              # with the "before" qualifiers of qualifiers.toml
    qualifiers_after: PhraseTable[Rule]
    times: PhraseTable[Rule]
    gate_words: frozenset[str]        # words after a number that may make it a statistic (the cheap test)
    duration_words: frozenset[str]    # spans of time: worth reading only where they measure something
    gate_before: frozenset[str]       # words before a number that may say what it counts
    count_units: frozenset[str]       # the units of counted nouns (a count restated is another statistic)
    dollar_owners: PhraseTable[Rule]  # "Canada", "Australian": whose money a bare "$" after them is


def parse_stat_rules(data: Mapping[str, Any], name: str = STATISTICS_FILE) -> list[Rule]:
    """The rules of the statistics file, validated: versioned ids, known kinds, non-empty patterns,
    closed values where the kind has them, numeric fractions, examples distinct from counter-examples."""
    out: list[Rule] = []
    for n, raw in enumerate(data.get("rule", []), 1):
        where = f"{name} rule {n}"
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid.startswith("stat.") or not rid.endswith((".v1", ".v2", ".v3")):
            raise RuleError(f"{where}: id must be a dotted, versioned string such as 'stat.unit.km.v1'")
        kind = raw.get("kind")
        if kind not in STAT_KINDS:
            raise RuleError(f"{where} ({rid}): kind {kind!r} is not one of {sorted(STAT_KINDS)}")
        value = str(raw.get("value", ""))
        if not value:
            raise RuleError(f"{where} ({rid}): value must be a non-empty string")
        if kind in VALUE_CHECKS and value not in VALUE_CHECKS[kind]:
            raise RuleError(f"{where} ({rid}): value {value!r} is not one of {sorted(VALUE_CHECKS[kind])}")
        if kind == "fraction":
            try:
                float(value)
            except ValueError as exc:
                raise RuleError(f"{where} ({rid}): a fraction's value must be its percentage") from exc
        patterns, examples, counter = rule_texts(raw, f"{where} ({rid})")
        out.append(Rule(id=rid, file=name, kind=kind, value=value, patterns=patterns, examples=examples,
                        counter_examples=counter))
    ids = [r.id for r in out]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleError(f"{name}: duplicate rule ids: {', '.join(dupes)}")
    return out


def build_stat_rules(rules: list[Rule]) -> StatRules:
    def table(*kinds: str) -> PhraseTable[Rule]:
        return PhraseTable((p, r) for r in rules if r.kind in kinds for p in r.patterns)

    def words(kind: str) -> frozenset[str]:
        return frozenset(p.lower() for r in rules if r.kind == kind for p in r.patterns)

    def suffixes(pool: list[Rule], *kinds: str) -> Suffixes:
        return Suffixes((p, r) for r in pool if r.kind in kinds for p in r.patterns)

    def of(kind: str) -> list[str]:
        return [p for r in rules if r.kind == kind for p in r.patterns]

    shared = load_rules().by_file("qualifiers.toml", "before")
    shared_periods = [p for r in load_rules().by_file("periods.toml") for p in r.patterns]

    return StatRules(
        rules=tuple(rules),
        units=table("unit"),
        currencies=suffixes(rules, "currency"),
        units_before=suffixes(rules, "unit_before"),
        durations=table("duration"),
        nouns=table("count", "arms", "campaign", "forces", "outage"),
        periods=CueSet(of("period") + shared_periods),
        states=CueSet(of("state")),
        production=CueSet(of("production")),
        supply=CueSet(of("supply")),
        elided=suffixes(rules, "elided"),
        fractions=table("fraction"),
        not_before=words("not_before"),
        determiners=words("determiner"),
        not_after=table("not_after"),
        sources=table("source"),
        qualifiers=suffixes([*rules, *shared], "qualifier", "before"),
        qualifiers_after=table("qualifier_after"),
        times=table("times"),
        gate_words=frozenset(w for r in rules if r.kind in GATED for p in r.patterns
                             for w in (p.split()[0].lower(), *pattern_tokens(p)[:1])) | GATE_EXTRA,
        duration_words=frozenset(w for r in rules if r.kind == "duration" for p in r.patterns for w in p.split()),
        gate_before=frozenset(pattern_tokens(p)[-1] for r in rules if r.kind in ("elided", "unit_before")
                              for p in r.patterns) | {"minus", "to", "of", "at"},
        count_units=frozenset(r.value for r in rules if r.kind in COUNTED),
        dollar_owners=table("dollar_owner"),
    )


@cache
def load_stat_rules() -> StatRules:
    """The packaged statistics rules, loaded once."""
    root = resources.files("warledger.extract").joinpath("rules")
    try:
        data = tomllib.loads(root.joinpath(STATISTICS_FILE).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"cannot load rule file {STATISTICS_FILE}: {exc}") from exc
    return build_stat_rules(parse_stat_rules(data))
