"""Every rule tests itself: its examples must match it and its counter-examples must not."""

import pytest

from warledger.errors import RuleError
from warledger.extract.phrases import norm
from warledger.extract.rules import load_rules, parse_rules
from warledger.extract.text import split_sentences

RULES = load_rules()
TABLES = {
    ("weapons.toml", None): RULES.weapons, ("things.toml", None): RULES.things,
    ("measures.toml", "before"): RULES.measure_before, ("measures.toml", "after"): RULES.measure_after,
    ("qualifiers.toml", "before"): RULES.qualifier_before, ("qualifiers.toml", "after"): RULES.qualifier_after,
    ("hedges.toml", None): RULES.hedges, ("periods.toml", None): RULES.periods,
    ("targets.toml", None): RULES.targets, ("attackers.toml", None): RULES.attackers,
}


def table_for(rule):
    return TABLES.get((rule.file, rule.kind)) or TABLES[(rule.file, None)]


def words(text):
    return [norm(t.low) for s in split_sentences(text) for t in s.tokens]


def matched_ids(rule, text):
    return {m.value.id for m in table_for(rule).find_all(words(text))} | {
        m.value.id for i in range(len(words(text))) for m in table_for(rule).matches_at(words(text), i)}


EXAMPLES = [(r.id, r, e) for r in RULES.rules for e in r.examples]
COUNTER = [(r.id, r, e) for r in RULES.rules for e in r.counter_examples]


@pytest.mark.parametrize(("rule_id", "rule", "example"), EXAMPLES, ids=[f"{i}:{e[:30]}" for i, _, e in EXAMPLES])
def test_rule_matches_its_examples(rule_id, rule, example):
    assert rule_id in matched_ids(rule, example)


@pytest.mark.parametrize(("rule_id", "rule", "example"), COUNTER, ids=[f"{i}:{e[:30]}" for i, _, e in COUNTER])
def test_rule_does_not_match_its_counter_examples(rule_id, rule, example):
    assert rule_id not in matched_ids(rule, example)


def test_rule_ids_are_unique_and_versioned():
    ids = [r.id for r in RULES.rules]
    assert len(ids) == len(set(ids))
    assert all(i.rsplit(".", 1)[-1].startswith("v") for i in ids)


@pytest.mark.parametrize(("data", "message"), [
    ({"rule": [{"id": "x", "kind": "noun", "patterns": ["a"]}]}, "versioned"),
    ({"rule": [{"id": "x.v1", "kind": "bogus", "patterns": ["a"]}]}, "kind"),
    ({"rule": [{"id": "x.v1", "kind": "noun", "patterns": []}]}, "non-empty"),
    ({"rule": [{"id": "x.v1", "kind": "noun", "patterns": ["a"], "examples": ["e"], "counter_examples": ["e"]}]},
     "counter-example"),
])
def test_bad_rules_are_refused_loudly(data, message):
    with pytest.raises(RuleError, match=message):
        parse_rules("weapons.toml", data)
