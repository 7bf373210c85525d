"""The consensus policy, loaded from policy.toml and checked loudly: rule ids, strategies, orders."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import RuleError

__all__ = ["STRATEGIES", "ConsensusRule", "Policy", "load_policy"]

STRATEGIES = ("official", "latest", "most_cited")


@dataclass(frozen=True, slots=True)
class ConsensusRule:
    id: str
    strategy: str
    help: str


@dataclass(frozen=True, slots=True)
class Policy:
    rules: Mapping[str, ConsensusRule]
    order: Mapping[str, tuple[str, ...]]      # measure -> rule ids, tried in turn
    relative: float
    absolute: int
    official: tuple[str, ...]                 # lowercased substrings of an official attribution
    sides: Mapping[str, tuple[str, ...]]      # country code -> lowercased words naming that side

    def rules_for(self, measure: str) -> tuple[ConsensusRule, ...]:
        ids = self.order.get(measure) or self.order["launched"]
        return tuple(self.rules[i] for i in ids)

    def is_official(self, attribution: str | None, attacker: str | None) -> bool:
        if not attribution:
            return False
        low = attribution.lower()
        if attacker and any(word in low for word in self.sides.get(attacker, ())):
            return False
        return any(p in low for p in self.official)

    def disagrees(self, value: int, best: int) -> bool:
        gap = abs(value - best)
        return gap > self.absolute and gap > self.relative * max(value, best)


def _require(obj: object, key: str, kind: type, where: str) -> Any:
    if not isinstance(obj, Mapping):
        raise RuleError(f"policy.toml: {where} must be a table, got {obj!r}")
    value = obj.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise RuleError(f"policy.toml: {where} needs {key!r} as {kind.__name__}, got {value!r}")
    if isinstance(value, str) and not value.strip():
        raise RuleError(f"policy.toml: {where} has an empty {key!r}")
    return value


def _words(code: str, words: object) -> tuple[str, ...]:
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise RuleError(f"policy.toml: sides.{code} must be a non-empty list of words, got {words!r}")
    return tuple(w.lower() for w in words)


def _rules(data: Mapping[str, Any]) -> dict[str, ConsensusRule]:
    rules: dict[str, ConsensusRule] = {}
    for n, raw in enumerate(_require(data, "rule", list, "the file"), 1):
        rule = ConsensusRule(_require(raw, "id", str, f"rule {n}"), _require(raw, "strategy", str, f"rule {n}"),
                             _require(raw, "help", str, f"rule {n}"))
        if rule.id in rules:
            raise RuleError(f"policy.toml: rule id {rule.id!r} appears twice")
        if rule.strategy not in STRATEGIES:
            raise RuleError(f"policy.toml: rule {rule.id!r} has unknown strategy {rule.strategy!r}; "
                            f"known: {', '.join(STRATEGIES)}")
        rules[rule.id] = rule
    return rules


def parse_policy(data: Mapping[str, Any]) -> Policy:
    """A Policy from the parsed TOML; every reference and type is checked (RuleError names the problem)."""
    rules = _rules(data)
    order: dict[str, tuple[str, ...]] = {}
    for measure, ids in _require(data, "measures", dict, "the file").items():
        if not isinstance(ids, list) or not ids:
            raise RuleError(f"policy.toml: measures.{measure} must be a non-empty list of rule ids")
        for rule_id in ids:
            if rule_id not in rules:
                raise RuleError(f"policy.toml: measures.{measure} names unknown rule {rule_id!r}")
        order[measure] = tuple(ids)
    if "launched" not in order:
        raise RuleError("policy.toml: measures.launched is required (it is the default order)")
    conflict = _require(data, "conflict", dict, "the file")
    official = tuple(_require(o, "pattern", str, "an [[official]] entry").strip().lower()
                     for o in _require(data, "official", list, "the file"))
    sides = {code: _words(code, words) for code, words in _require(data, "sides", dict, "the file").items()}
    return Policy(rules=rules, order=order, relative=float(_require(conflict, "relative", float, "[conflict]")),
                  absolute=int(_require(conflict, "absolute", int, "[conflict]")), official=official, sides=sides)


@cache
def load_policy() -> Policy:
    """The packaged policy (warledger/ledger/policy.toml)."""
    with resources.files("warledger.ledger").joinpath("policy.toml").open("rb") as fh:
        return parse_policy(tomllib.load(fh))
