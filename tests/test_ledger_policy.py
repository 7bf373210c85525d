"""The consensus policy (warledger/ledger/policy.py + policy.toml): it loads, it is checked loudly,
official sources are recognised (never the attacking side's own), and the conflict tolerance."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from warledger.errors import RuleError
from warledger.ledger.policy import STRATEGIES, load_policy, parse_policy

POLICY_TOML = resources.files("warledger.ledger").joinpath("policy.toml").read_text(encoding="utf-8")
RULE_IDS = {"consensus.official.v1", "consensus.latest.v1", "consensus.most_cited.v1"}


def packaged() -> dict[str, Any]:
    """A fresh copy of the packaged policy as parsed TOML, to break one thing at a time."""
    return copy.deepcopy(tomllib.loads(POLICY_TOML))


def rejects(data: dict[str, Any], *words: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        parse_policy(data)
    message = str(info.value)
    assert message.startswith("[W200]"), message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    return info.value


# -- the packaged policy
def test_the_packaged_policy_loads() -> None:
    policy = load_policy()
    assert set(policy.rules) == RULE_IDS
    assert {r.strategy for r in policy.rules.values()} == set(STRATEGIES)
    assert all(r.help for r in policy.rules.values())
    assert policy.relative == 0.05 and policy.absolute == 2
    assert "air force" in policy.official and "ministry" in policy.official
    assert set(policy.sides) == {"RU", "UA"}


def test_the_packaged_policy_is_loaded_once() -> None:
    assert load_policy() is load_policy()


@pytest.mark.parametrize("measure", ["launched", "intercepted", "suppressed", "hit"])
def test_weapon_counts_try_official_then_most_cited_then_latest(measure: str) -> None:
    ids = [r.id for r in load_policy().rules_for(measure)]
    assert ids == ["consensus.official.v1", "consensus.most_cited.v1", "consensus.latest.v1"]


@pytest.mark.parametrize("measure", ["killed", "injured", "damaged"])
def test_tolls_try_latest_then_official_then_most_cited(measure: str) -> None:
    ids = [r.id for r in load_policy().rules_for(measure)]
    assert ids == ["consensus.latest.v1", "consensus.official.v1", "consensus.most_cited.v1"]


def test_a_measure_without_an_order_uses_the_launched_order() -> None:
    policy = load_policy()
    assert policy.rules_for("not_a_measure") == policy.rules_for("launched")


def test_the_packaged_data_parses_to_an_equal_policy() -> None:
    assert parse_policy(packaged()) == load_policy()


# -- parse_policy checks every reference and type
def test_an_unknown_strategy_is_rejected() -> None:
    data = packaged()
    data["rule"][0]["strategy"] = "loudest"
    rejects(data, "unknown strategy", "'loudest'", data["rule"][0]["id"])


def test_a_duplicate_rule_id_is_rejected() -> None:
    data = packaged()
    data["rule"].append(dict(data["rule"][1]))
    rejects(data, "appears twice", repr(data["rule"][1]["id"]))


def test_a_measure_naming_an_unknown_rule_is_rejected() -> None:
    data = packaged()
    data["measures"]["killed"] = ["consensus.latest.v1", "consensus.loudest.v1"]
    rejects(data, "measures.killed", "unknown rule", "'consensus.loudest.v1'")


def test_a_measure_with_an_empty_order_is_rejected() -> None:
    data = packaged()
    data["measures"]["injured"] = []
    rejects(data, "measures.injured", "non-empty list")


def test_a_missing_launched_order_is_rejected() -> None:
    data = packaged()
    del data["measures"]["launched"]
    rejects(data, "measures.launched")


@pytest.mark.parametrize(("where", "key", "value", "words"), [
    ((), "rule", "consensus.latest.v1", ("'rule'", "list")),
    ((), "rule", None, ("'rule'", "list")),
    (("rule", 0), "id", 7, ("rule 1", "'id'", "str")),
    (("rule", 1), "strategy", ["latest"], ("rule 2", "'strategy'", "str")),
    (("rule", 2), "help", None, ("rule 3", "'help'", "str")),
    ((), "measures", ["consensus.latest.v1"], ("'measures'", "dict")),
    (("measures",), "killed", "consensus.latest.v1", ("measures.killed", "list")),
    ((), "conflict", 0.05, ("'conflict'", "dict")),
    (("conflict",), "relative", "5%", ("[conflict]", "'relative'", "float")),
    (("conflict",), "absolute", 2.5, ("[conflict]", "'absolute'", "int")),
    (("conflict",), "absolute", None, ("[conflict]", "'absolute'", "int")),
    ((), "official", {"pattern": "air force"}, ("'official'", "list")),
    (("official", 0), "pattern", 3, ("[[official]]", "'pattern'", "str")),
    ((), "sides", ["russia"], ("'sides'", "dict")),
], ids=lambda v: None if isinstance(v, tuple) else str(v)[:20])
def test_a_wrong_type_is_a_rule_error_naming_it(where: tuple[Any, ...], key: str, value: Any,
                                                 words: tuple[str, ...]) -> None:
    data = packaged()
    target: Any = data
    for step in where:
        target = target[step]
    if value is None:
        del target[key]
    else:
        target[key] = value
    rejects(data, "policy.toml", *words)


@pytest.mark.parametrize(("section", "value"), [
    ("rule", ["consensus.latest.v1"]),
    ("official", ["air force"]),
    ("sides", {"RU": [1]}),
])
def test_an_entry_of_the_wrong_type_inside_a_list_is_a_rule_error(section: str, value: Any) -> None:
    data = packaged()
    data[section] = value
    rejects(data, "policy.toml")


def test_a_side_given_as_a_string_is_rejected() -> None:
    data = packaged()
    data["sides"]["RU"] = "russia"
    rejects(data, "sides")


def test_a_boolean_tolerance_is_rejected() -> None:
    data = packaged()
    data["conflict"]["absolute"] = True
    rejects(data, "'absolute'")


def test_an_empty_official_pattern_is_rejected() -> None:
    data = packaged()
    data["official"].append({"pattern": ""})
    rejects(data, "pattern")


# -- official sources
@pytest.mark.parametrize(("attribution", "attacker", "official"), [
    ("Ukraine's air force", "RU", True),
    ("the Ukrainian Air Force", "RU", True),
    ("Kyiv city military administration", "RU", True),
    ("the State Emergency Service", "RU", True),
    ("Odesa's governor, Oleh Kiper", "RU", True),
    ("Russia's defence ministry", "RU", False),        # the attacker on its own attack
    ("the Russian Ministry of Defence", "RU", False),
    ("the Kremlin", "RU", False),
    ("Russia's defence ministry", "UA", True),         # a Ukrainian attack on Russia: "ministry"
    ("the governor of Moscow region", "UA", True),
    ("Ukraine's General Staff", "UA", False),          # the attacker on its own attack
    ("Ukraine's General Staff", None, True),           # attacker unknown: the pattern alone decides
    ("a witness", "RU", False),
    ("local residents", "UA", False),
    ("", "RU", False),
    (None, "RU", False),
])
def test_is_official(attribution: str | None, attacker: str | None, official: bool) -> None:
    assert load_policy().is_official(attribution, attacker) is official


# -- the conflict tolerance: more than 5% (of the larger value) and more than 2
@pytest.mark.parametrize(("value", "best", "disagrees"), [
    (100, 100, False),
    (105, 100, False),   # 5 is not more than 5% of 105
    (106, 100, True),
    (95, 100, False),    # 5 is not more than 5% of 100
    (94, 100, True),
    (12, 10, False),     # 2 is not more than 2
    (13, 10, True),
    (8, 10, False),
    (7, 10, True),
    (0, 2, False),
    (0, 3, True),
    (1000, 1050, False),
    (1000, 1053, True),
    (740, 741, False),
])
def test_disagrees_at_the_edges(value: int, best: int, disagrees: bool) -> None:
    policy = load_policy()
    assert policy.disagrees(value, best) is disagrees
    assert policy.disagrees(best, value) is disagrees  # symmetric


def test_disagrees_follows_the_policy_numbers() -> None:
    data = packaged()
    data["conflict"] = {"relative": 0.5, "absolute": 10}
    policy = parse_policy(data)
    assert not policy.disagrees(20, 10)    # 10 is not more than 10
    assert not policy.disagrees(150, 100)  # 50 is not more than 75
    assert policy.disagrees(160, 50)
