"""Load and validate the rule files in ``rules/`` (loudly: a bad rule file is a RuleError)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import RuleError
from .phrases import PhraseTable

# Each rule file and the rule kinds it may hold.
RULE_FILES: Mapping[str, frozenset[str]] = {
    "weapons.toml": frozenset({"noun", "model", "modifier"}),
    "things.toml": frozenset({"noun"}),
    "measures.toml": frozenset({"before", "after"}),
    "qualifiers.toml": frozenset({"before", "after"}),
    "hedges.toml": frozenset({"hedge"}),
    "periods.toml": frozenset({"period"}),
    "targets.toml": frozenset({"facility"}),
    "attackers.toml": frozenset({"signal"}),
}


# Rule files with a layout of their own, each loaded and validated by its own module.
OWN_LOADER_FILES: Mapping[str, str] = {
    "diplomacy.toml": "warledger.extract.diplomacy_rules",
    "positions.toml": "warledger.extract.positions",
    "statistics.toml": "warledger.extract.statistic_rules",
}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    file: str
    kind: str
    value: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    model: str | None = None
    weight: int = 1


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    weapons: PhraseTable[Rule]
    things: PhraseTable[Rule]
    measure_before: PhraseTable[Rule]
    measure_after: PhraseTable[Rule]
    qualifier_before: PhraseTable[Rule]
    qualifier_after: PhraseTable[Rule]
    hedges: PhraseTable[Rule]
    periods: PhraseTable[Rule]
    targets: PhraseTable[Rule]
    attackers: PhraseTable[Rule]
    weapon_words: frozenset[str]  # every single word of a weapon pattern: the cheap "is this about weapons?"

    def by_file(self, name: str, kind: str | None = None) -> list[Rule]:
        return [r for r in self.rules if r.file == name and (kind is None or r.kind == kind)]


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise RuleError(f"{where}: expected a list of strings")
    return tuple(raw)


def rule_texts(raw: Mapping[str, Any], where: str) -> tuple[tuple[str, ...], ...]:
    """A rule's patterns, examples and counter-examples, validated: non-empty patterns, examples
    distinct from counter-examples. Shared by every rule-file loader."""
    patterns = _strings(raw.get("patterns"), f"{where} patterns")
    if not patterns or any(not p.strip() for p in patterns):
        raise RuleError(f"{where}: patterns must be non-empty strings")
    examples = _strings(raw.get("examples"), f"{where} examples")
    counter = _strings(raw.get("counter_examples"), f"{where} counter_examples")
    if set(examples) & set(counter):
        raise RuleError(f"{where}: a counter-example is also an example")
    return patterns, examples, counter


def parse_rules(name: str, data: Mapping[str, Any]) -> list[Rule]:
    """The rules of one file, validated: known kind, non-empty patterns, examples distinct."""
    out = []
    for n, raw in enumerate(data.get("rule", []), 1):
        where = f"{name} rule {n}"
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid.endswith((".v1", ".v2", ".v3")):
            raise RuleError(f"{where}: id must be a dotted, versioned string such as 'weapon.drone.v1'")
        kind = raw.get("kind")
        if kind not in RULE_FILES[name]:
            raise RuleError(f"{where} ({rid}): kind {kind!r} is not one of {sorted(RULE_FILES[name])}")
        patterns, examples, counter = rule_texts(raw, f"{where} ({rid})")
        out.append(Rule(id=rid, file=name, kind=kind, value=str(raw.get("value", "")), patterns=patterns,
                        examples=examples, counter_examples=counter, model=raw.get("model"),
                        weight=int(raw.get("weight", 1))))
    return out


def _table(rules: list[Rule], *, plural: bool = False) -> PhraseTable[Rule]:
    return PhraseTable(((p, r) for r in rules for p in r.patterns), plural=plural)


@cache
def load_rules() -> RuleSet:
    """The packaged rule set, loaded once."""
    rules: list[Rule] = []
    root = resources.files("warledger.extract").joinpath("rules")
    for name in RULE_FILES:
        try:
            data = tomllib.loads(root.joinpath(name).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RuleError(f"cannot load rule file {name}: {exc}") from exc
        rules.extend(parse_rules(name, data))
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleError(f"duplicate rule ids: {', '.join(dupes)}")

    def pick(file: str, *kinds: str) -> list[Rule]:
        return [r for r in rules if r.file == file and r.kind in kinds]

    return RuleSet(
        rules=tuple(rules),
        weapons=_table(pick("weapons.toml", "noun", "model", "modifier"), plural=True),
        things=_table(pick("things.toml", "noun"), plural=True),
        measure_before=_table(pick("measures.toml", "before")),
        measure_after=_table(pick("measures.toml", "after")),
        qualifier_before=_table(pick("qualifiers.toml", "before")),
        qualifier_after=_table(pick("qualifiers.toml", "after")),
        hedges=_table(pick("hedges.toml", "hedge")),
        periods=_table(pick("periods.toml", "period")),
        targets=_table(pick("targets.toml", "facility"), plural=True),
        attackers=_table(pick("attackers.toml", "signal")),
        weapon_words=frozenset(w for r in pick("weapons.toml", "model") for p in r.patterns
                               for w in p.lower().split() if len(w) > 3 and w not in ("long", "storm")),
    )
