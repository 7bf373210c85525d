"""Unit tests of the scoring rules (dev README) with small hand-made extraction and gold dicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from warledger.errors import EvalError
from warledger.evaluate import evaluate_gold_dirs, render_report, score_extraction
from warledger.evaluate.metrics import Counts, assign
from warledger.evaluate.normalise import actor_side, normalise_place, normalise_unit, participant_key
from warledger.records import Article, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEV_GOLD = ROOT / ".." / "shared" / "dev" / "gold"
TEXT = "Russia launched 40 drones at Kyiv overnight."


# --- builders -------------------------------------------------------------------------------------


def span(start: int = 0, end: int = 0, text: str = TEXT) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def place(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "kind": None,
        "admin1": None,
        "country": None,
        "lat": None,
        "lon": None,
        "evidence": span(),
    }


def fig(
    measure: str, what: str, value: int, qualifier: str = "exact", at: str | None = None
) -> dict[str, Any]:
    return {
        "measure": measure,
        "what": what,
        "value": value,
        "qualifier": qualifier,
        "place": None if at is None else place(at),
        "evidence": span(),
    }


def attack(
    attacker: str = "RU",
    date: str | None = "2025-08-21",
    figures: tuple[dict[str, Any], ...] = (),
    places: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "attacker": attacker,
        "target_country": "RU" if attacker == "UA" else "UA",
        "date": date,
        "date_precision": "day" if date else "unknown",
        "figures": list(figures),
        "places": [place(p) for p in places],
        "launch_areas": [],
        "targets": [{"name": t, "kind": "other", "place": None, "evidence": span()} for t in targets],
    }


def output(text: str = TEXT, **sections: list[dict[str, Any]]) -> dict[str, Any]:
    base: dict[str, Any] = {
        "format": "warledger-extraction/1",
        "article": {"id": "a", "source": None, "title": None, "published": None, "text": text},
        "attacks": [],
        "diplomacy": [],
        "positions": [],
        "quotes": [],
        "statistics": [],
    }
    base.update(sections)
    return base


def gold(**sections: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "g",
        "text_file": "a.txt",
        "published": "2025-08-21",
        "attacks": [],
        "diplomacy": [],
        "quotes": [],
        "statistics": [],
    }
    base.update(sections)
    return base


def gattack(
    attacker: str = "RU",
    date: str | None = "2025-08-21",
    figures: tuple[dict[str, Any], ...] = (),
    places: tuple[str, ...] = (),
    optional_places: tuple[str, ...] = (),
    targets: tuple[dict[str, Any], ...] = (),
    optional: bool = False,
) -> dict[str, Any]:
    return {
        "attacker": attacker,
        "target_country": "UA",
        "date": date,
        "figures": list(figures),
        "places": list(places),
        "places_optional": list(optional_places),
        "launch_areas": [],
        "targets": list(targets),
        "optional": optional,
    }


def gfig(
    measure: str,
    what: str,
    value: int,
    qualifier: str = "exact",
    at: str | None = None,
    optional: bool = False,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "measure": measure,
        "what": what,
        "value": value,
        "qualifier": qualifier,
        "optional": optional,
    }
    if at is not None:
        item["place"] = at
    return item


def dip(kind: str, participants: list[str], venue: str | None = None) -> dict[str, Any]:
    return {
        "kind": kind,
        "participants": participants,
        "venue": None if venue is None else place(venue),
        "date": None,
        "date_precision": "unknown",
        "status": "held",
        "outcome": None,
        "evidence": span(),
    }


def gdip(
    kind: str, participants: list[str], venue: str | None = None, optional: bool = False
) -> dict[str, Any]:
    return {
        "kind": kind,
        "participants": participants,
        "venue": venue,
        "status": "held",
        "optional": optional,
    }


def quote(speaker: str, text: str) -> dict[str, Any]:
    return {"speaker": speaker, "speaker_named": True, "text": text, "evidence": span()}


def stat(value: float, unit: str) -> dict[str, Any]:
    return {
        "indicator": "x",
        "value": value,
        "unit": unit,
        "qualifier": "exact",
        "attributed_to": None,
        "evidence": span(),
    }


def position(actor: str, issue: str, stance: str) -> dict[str, Any]:
    return {"actor": actor, "issue": issue, "stance": stance, "text": "", "evidence": span()}


def counts(c: Counts) -> tuple[int, int, int]:
    return (c.tp, c.fp, c.fn)


# --- metrics --------------------------------------------------------------------------------------


def test_counts_conventions() -> None:
    assert Counts().f1 is None and Counts().precision is None
    assert Counts(tp=0, fp=0, fn=3).precision == 0.0
    assert Counts(tp=0, fp=0, fn=3).f1 == 0.0
    assert Counts(tp=2, fp=1, fn=1).f1 == pytest.approx(2 / 3)


def test_assign_finds_a_maximum_matching_not_a_greedy_one() -> None:
    # gold 0 prefers system 0, but gold 1 can only take system 0: both must be matched
    assert assign([True, True], [[0, 1], [0]]) == {0: 1, 1: 0}


def test_assign_required_before_optional() -> None:
    assert assign([False, True], [[0], [0]]) == {1: 0}


# --- figures --------------------------------------------------------------------------------------


def test_figures_match_one_to_one() -> None:
    g = gold(attacks=[gattack(figures=(gfig("launched", "drone", 40),))])
    s = output(attacks=[attack(figures=(fig("launched", "drone", 40), fig("launched", "drone", 40)))])
    assert counts(score_extraction(s, g).scores.figures) == (1, 1, 0)
    g2 = gold(attacks=[gattack(figures=(gfig("launched", "drone", 40), gfig("launched", "drone", 40)))])
    s2 = output(attacks=[attack(figures=(fig("launched", "drone", 40),))])
    assert counts(score_extraction(s2, g2).scores.figures) == (1, 0, 1)


def test_figures_need_measure_what_and_value() -> None:
    g = gold(attacks=[gattack(figures=(gfig("launched", "drone", 40),))])
    for wrong in (
        fig("intercepted", "drone", 40),
        fig("launched", "missile", 40),
        fig("launched", "drone", 41),
    ):
        assert counts(score_extraction(output(attacks=[attack(figures=(wrong,))]), g).scores.figures) == (
            0,
            1,
            1,
        )


def test_figures_pooled_over_all_attacks_of_the_article() -> None:
    g = gold(attacks=[gattack("RU", figures=(gfig("launched", "drone", 40),))])
    s = output(attacks=[attack("UA", figures=(fig("launched", "drone", 40),))])
    assert counts(score_extraction(s, g).scores.figures) == (1, 0, 0)


def test_optional_figures_neither_required_nor_penalised() -> None:
    g = gold(
        attacks=[
            gattack(figures=(gfig("launched", "drone", 40), gfig("damaged", "buildings", 1, optional=True))),
            gattack("UA", figures=(gfig("intercepted", "drone", 7),), optional=True),
        ]
    )
    both = output(
        attacks=[
            attack(
                figures=(
                    fig("launched", "drone", 40),
                    fig("damaged", "buildings", 1),
                    fig("intercepted", "drone", 7),
                )
            )
        ]
    )
    assert counts(score_extraction(both, g).scores.figures) == (1, 0, 0)
    neither = output(attacks=[attack(figures=(fig("launched", "drone", 40),))])
    assert counts(score_extraction(neither, g).scores.figures) == (1, 0, 0)


def test_required_figure_wins_over_an_optional_twin() -> None:
    g = gold(
        attacks=[gattack(figures=(gfig("killed", "people", 1, optional=True), gfig("killed", "people", 1)))]
    )
    s = output(attacks=[attack(figures=(fig("killed", "people", 1),))])
    assert counts(score_extraction(s, g).scores.figures) == (1, 0, 0)


def test_qualifier_accuracy_on_matched_required_figures() -> None:
    g = gold(
        attacks=[
            gattack(
                figures=(
                    gfig("launched", "drone", 40, "at_least"),
                    gfig("killed", "people", 2),
                    gfig("injured", "people", 5, optional=True),
                )
            )
        ]
    )
    s = output(
        attacks=[
            attack(
                figures=(
                    fig("launched", "drone", 40, "at_least"),
                    fig("killed", "people", 2, "approx"),
                    fig("injured", "people", 5, "approx"),
                )
            )
        ]
    )
    qualifier = score_extraction(s, g).scores.qualifier
    assert (qualifier.correct, qualifier.n) == (1, 2)


def test_figure_place_accuracy_only_where_gold_has_a_place() -> None:
    g = gold(
        attacks=[
            gattack(
                figures=(
                    gfig("killed", "people", 2, at="Kyiv"),
                    gfig("injured", "people", 3, at="Lviv"),
                    gfig("launched", "drone", 40),
                )
            )
        ]
    )
    s = output(
        attacks=[
            attack(
                figures=(
                    fig("killed", "people", 2, at="Kiev City"),
                    fig("injured", "people", 3),
                    fig("launched", "drone", 40, at="Odesa"),
                )
            )
        ]
    )
    acc = score_extraction(s, g).scores.figure_place
    assert (acc.correct, acc.n) == (1, 2)


# --- attack dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system_date", "correct"),
    [("2025-08-21", 1), ("2025-08-22", 1), ("2025-08-20", 1), ("2025-08-23", 0), (None, 0)],
)
def test_attack_date_within_one_day(system_date: str | None, correct: int) -> None:
    g = gold(attacks=[gattack(date="2025-08-21")])
    acc = score_extraction(output(attacks=[attack(date=system_date)]), g).scores.attack_date
    assert (acc.correct, acc.n) == (correct, 1)


def test_attack_date_needs_the_same_attacker_and_is_one_to_one() -> None:
    g = gold(
        attacks=[
            gattack("RU", date="2025-08-21"),
            gattack("RU", date="2025-08-28"),
            gattack("UA", date="2025-08-21"),
            gattack("RU", date="2025-08-10", optional=True),
            gattack("RU", date=None),
        ]
    )
    s = output(attacks=[attack("RU", date="2025-08-21"), attack("UA", date="2025-08-28")])
    acc = score_extraction(s, g).scores.attack_date
    assert (acc.correct, acc.n) == (1, 3)


def test_attack_date_nearest_first() -> None:
    g = gold(attacks=[gattack("RU", date="2025-08-20"), gattack("RU", date="2025-08-22")])
    s = output(attacks=[attack("RU", date="2025-08-23"), attack("RU", date="2025-08-21")])
    acc = score_extraction(s, g).scores.attack_date
    assert (acc.correct, acc.n) == (2, 2)


# --- places ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Kyiv Oblast", "Kiev"),
        ("the Kharkov region", "Kharkiv"),
        ("Transcarpathia", "Zakarpattia Oblast"),
        ("Zaporozhye", "Zaporizhzhia"),
        ("Zaporizhia Oblast", "Zaporizhzhia"),
        ("Republic of Adygea", "Adygeya"),
        ("Slavyansk-na-Kubani", "Slavyansk"),
        ("Lvov", "Lviv"),
        ("Kirovograd", "Kropyvnytskyi"),
        ("Odessa", "Odesa"),
        ("Nikolaev", "Mykolaiv"),
        ("Chernigov", "Chernihiv"),
        ("Dnepr", "Dnipro"),
        ("Dnipropetrovsk Oblast", "Dnipro"),
        ("Rovno", "Rivne"),
        ("Lugansk", "Luhansk"),
        ("Krasnodar Krai", "Krasnodar"),
        ("Kyiv city", "kyiv"),
        ("Leviv", "Lviv"),
        ("Zakarpattya", "Zakarpattia"),
        ("Moscow Province", "Moscow"),
        ("Pivdennyi", "Pivdenne"),
    ],
)
def test_place_normalisation_joins_spellings(left: str, right: str) -> None:
    assert normalise_place(left) == normalise_place(right)


@pytest.mark.parametrize(
    ("left", "right"), [("Dnipro", "Donetsk"), ("Kyiv", "Kharkiv"), ("Sloviansk", "Slavyansk")]
)
def test_place_normalisation_keeps_different_places_apart(left: str, right: str) -> None:
    assert normalise_place(left) != normalise_place(right)


def test_places_per_attacker_with_optional_places() -> None:
    g = gold(
        attacks=[
            gattack("RU", places=("Kyiv", "Lviv"), optional_places=("Ukraine",)),
            gattack("RU", places=("Odesa",), optional=True),
            gattack("UA", places=("Krasnodar",)),
        ]
    )
    s = output(
        attacks=[attack("RU", places=("Kiev", "Ukraine", "Odessa", "Dnipro")), attack("UA", places=("Lviv",))]
    )
    # RU: Kyiv tp; Lviv fn; Ukraine, Odesa optional; Dnipro fp.  UA: Lviv fp; Krasnodar fn.
    assert counts(score_extraction(s, g).scores.places) == (1, 2, 2)


# --- targets --------------------------------------------------------------------------------------


def test_targets_keyword_rule_and_false_positives() -> None:
    g = gold(
        attacks=[
            gattack(
                "RU",
                targets=(
                    {"match": "EU", "kind": "diplomatic"},
                    {"match": "Baykar", "kind": "defense_industry"},
                    {"match": "apartment", "kind": "residential", "optional": True},
                ),
            ),
            gattack("UA", targets=({"match": "refiner", "kind": "energy"},)),
        ]
    )
    s = output(
        attacks=[
            attack(
                "RU", targets=("EU delegation building", "apartment block", "city museum", "oil refinery")
            ),
            attack("UA", targets=("Novokuibyshevsk Refinery",)),
        ]
    )
    # RU: EU found, Baykar missed, apartment optional; museum (no word-initial "EU") and
    # refinery (a keyword of the other attacker) are false positives.  UA: refiner found.
    assert counts(score_extraction(s, g).scores.targets) == (2, 2, 1)


def test_targets_of_an_optional_attack_are_optional() -> None:
    g = gold(attacks=[gattack("UA", targets=({"match": "refiner", "kind": "energy"},), optional=True)])
    assert counts(score_extraction(output(), g).scores.targets) == (0, 0, 0)
    s = output(attacks=[attack("UA", targets=("Syzran refinery",))])
    assert counts(score_extraction(s, g).scores.targets) == (0, 0, 0)


# --- diplomacy ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_kind", "system_kind", "matched"),
    [
        ("meeting", "call", True),
        ("call", "meeting", True),
        ("proposal", "statement", True),
        ("agreement", "agreement", True),
        ("meeting", "proposal", False),
        ("agreement", "statement", False),
    ],
)
def test_diplomacy_kind_classes(gold_kind: str, system_kind: str, matched: bool) -> None:
    g = gold(diplomacy=[gdip(gold_kind, ["Donald Trump", "Vladimir Putin"])])
    s = output(diplomacy=[dip(system_kind, ["Donald Trump", "Vladimir Putin"])])
    assert counts(score_extraction(s, g).scores.diplomacy) == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize(
    ("participants", "matched"),
    [
        (["Trump", "Putin"], True),  # surnames
        (["President Donald J. Trump", "Vladimir V. Putin"], True),
        (["Donald Trump"], True),  # Jaccard 1/2
        (["Donald Trump", "Volodymyr Zelenskyy"], False),  # Jaccard 1/3
        (["Melania Trump", "Putin"], True),  # people compared by surname only
    ],
)
def test_diplomacy_participants_jaccard(participants: list[str], matched: bool) -> None:
    g = gold(diplomacy=[gdip("meeting", ["Donald Trump", "Vladimir Putin"])])
    s = output(diplomacy=[dip("meeting", participants)])
    assert counts(score_extraction(s, g).scores.diplomacy) == ((1, 0, 0) if matched else (0, 1, 1))


def test_participant_keys_for_people_groups_and_states() -> None:
    assert participant_key("Volodymyr Zelenskyy") == participant_key("Zelensky") == "zelensky"
    assert participant_key("US") == participant_key("United States") == participant_key("the United States")
    assert participant_key("UK") == participant_key("United Kingdom")
    assert participant_key("European leaders") == "european leaders"
    assert participant_key("European Union leaders") == participant_key("EU leaders")  # one name, spelled out
    assert participant_key("Ursula von der Leyen") == "leyen"


@pytest.mark.parametrize(
    ("gold_venue", "system_venue", "matched"),
    [
        ("Alaska", "Alaska", True),
        ("Kyiv", "Kiev", True),
        (None, "Alaska", True),
        ("Alaska", None, True),
        ("Alaska", "Istanbul", False),
    ],
)
def test_diplomacy_venues_agree_when_both_given(
    gold_venue: str | None, system_venue: str | None, matched: bool
) -> None:
    g = gold(diplomacy=[gdip("meeting", ["Donald Trump", "Vladimir Putin"], gold_venue)])
    s = output(diplomacy=[dip("meeting", ["Donald Trump", "Vladimir Putin"], system_venue)])
    assert counts(score_extraction(s, g).scores.diplomacy) == ((1, 0, 0) if matched else (0, 1, 1))


def test_diplomacy_one_to_one_and_optional() -> None:
    g = gold(
        diplomacy=[
            gdip("meeting", ["Russia", "Ukraine", "United States"]),
            gdip("statement", ["Marco Rubio"], optional=True),
        ]
    )
    s = output(
        diplomacy=[
            dip("meeting", ["US", "Russia", "Ukraine"]),
            dip("meeting", ["Russia", "Ukraine"]),
            dip("statement", ["Rubio"]),
        ]
    )
    assert counts(score_extraction(s, g).scores.diplomacy) == (1, 1, 0)


# --- positions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "side"),
    [
        ("Vladimir Putin", "RU"),
        ("Sergei Lavrov", "RU"),
        ("Dmitry Peskov", "RU"),
        ("the Kremlin", "RU"),
        ("Moscow", "RU"),
        ("Russia", "RU"),
        ("Volodymyr Zelensky", "UA"),
        ("Zelenskyy", "UA"),
        ("Zelenskiy", "UA"),
        ("Andrii Sybiha", "UA"),
        ("Rustem Umerov", "UA"),
        ("Kyiv", "UA"),
        ("Ukraine", "UA"),
        ("Donald Trump", "US"),
        ("Steve Witkoff", "US"),
        ("Marco Rubio", "US"),
        ("Jared Kushner", "US"),
        ("Washington", "US"),
        ("United States", "US"),
        ("the U.S.", "US"),
        ("Trump's envoy to Moscow", "US"),
        ("Vitaliy Zaichenko", "UA"),  # Ukrenergo's chief
        ("Oleksandr Syrskyi", "UA"),
        ("Sergei Ryabkov", "RU"),
        ("Karoline Leavitt", "US"),
        ("Italy", "OTHER"),
        ("European leaders", "OTHER"),
        ("Emmanuel Macron", "OTHER"),
    ],
)
def test_actor_side(actor: str, side: str) -> None:
    assert actor_side(actor) == side


def test_positions_by_side_issue_and_stance_class() -> None:
    g = gold(
        positions=[
            {"side": "RU", "issue": "territory", "stance": "demand"},
            {"side": "UA", "issue": "territory", "stance": "reject"},
            {"side": "US", "issue": "security_guarantees", "stance": "offer"},
            {"side": "OTHER", "issue": "aid", "stance": "offer", "optional": True},
        ]
    )
    s = output(
        positions=[
            position("Vladimir Putin", "territory", "condition"),  # requires == requires
            position("Kyiv", "territory", "accept"),  # supports != rejects
            position("Donald Trump", "security_guarantees", "accept"),
            position("Emmanuel Macron", "aid", "offer"),  # optional
            position("Vladimir Putin", "territory", "red_line"),
        ]
    )  # same triple again: a set
    assert counts(score_extraction(s, g).scores.positions) == (2, 1, 1)


def test_positions_not_scored_without_a_positions_key() -> None:
    s = output(positions=[position("Vladimir Putin", "territory", "demand")])
    row = score_extraction(s, gold())
    assert counts(row.scores.positions) == (0, 0, 0)
    assert not row.positions_scored


# --- quotes ---------------------------------------------------------------------------------------

GOLD_QUOTE = "Our crews worked through the night and they will keep working until dawn."


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (GOLD_QUOTE, True),
        ("our crews worked through the night and they will keep working until dawn", True),
        ("Our crews worked through the night and they will keep working", True),  # 11/13 words > 0.8
        ("Our crews worked through the night and they", False),  # 8/13 words < 0.8
    ],
)
def test_quotes_word_jaccard(text: str, matched: bool) -> None:
    g = gold(quotes=[{"speaker": "Volodymyr Zelensky", "text": GOLD_QUOTE}])
    s = output(quotes=[quote("Volodymyr Zelensky", text)])
    assert counts(score_extraction(s, g).scores.quotes) == ((1, 0, 0) if matched else (0, 1, 1))


def test_quotes_one_to_one() -> None:
    g = gold(quotes=[{"speaker": "Volodymyr Zelensky", "text": GOLD_QUOTE}])
    s = output(quotes=[quote("Zelensky", GOLD_QUOTE), quote("Zelensky", GOLD_QUOTE)])
    assert counts(score_extraction(s, g).scores.quotes) == (1, 1, 0)


@pytest.mark.parametrize(
    ("speaker", "correct"),
    [("Zelensky", 1), ("President Volodymyr Zelensky", 1), ("volodymyr zelensky", 1), ("Vladimir Putin", 0)],
)
def test_quote_speaker_shares_a_word(speaker: str, correct: int) -> None:
    g = gold(quotes=[{"speaker": "Volodymyr Zelensky", "text": GOLD_QUOTE}])
    acc = score_extraction(output(quotes=[quote(speaker, GOLD_QUOTE)]), g).scores.quote_speaker
    assert (acc.correct, acc.n) == (correct, 1)


def test_quote_speaker_ignores_articles() -> None:
    g = gold(quotes=[{"speaker": "a source familiar with the discussions", "text": GOLD_QUOTE}])
    acc = score_extraction(output(quotes=[quote("a Ukrainian official", GOLD_QUOTE)]), g).scores.quote_speaker
    assert (acc.correct, acc.n) == (0, 1)


# --- statistics -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "matched"),
    [
        (1000, "km", True),
        (1004.9, "km", True),
        (995.1, "km", True),
        (1006, "km", False),
        (1000, "miles", False),
        (1000, "kilometres", True),
        (1000, "KM", True),
    ],
)
def test_statistics_unit_and_half_percent(value: float, unit: str, matched: bool) -> None:
    g = gold(statistics=[{"value": 1000, "unit": "km", "qualifier": "exact"}])
    s = output(statistics=[stat(value, unit)])
    assert counts(score_extraction(s, g).scores.statistics) == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("km2", "sq km"),
        ("km2", "square kilometres"),
        ("percent", "%"),
        ("USD", "$"),
        ("EUR", "euros"),
        ("people", "person"),
        ("drones", "drone"),
        ("sq miles", "square miles"),
        ("years", "year"),
    ],
)
def test_unit_normalisation(left: str, right: str) -> None:
    assert normalise_unit(left) == normalise_unit(right)


def test_statistics_one_to_one_and_optional() -> None:
    g = gold(
        statistics=[
            {"value": 17, "unit": "percent", "qualifier": "approx"},
            {"value": 1000, "unit": "days", "qualifier": "exact", "optional": True},
        ]
    )
    s = output(statistics=[stat(17, "%"), stat(17, "percent"), stat(1000, "days")])
    assert counts(score_extraction(s, g).scores.statistics) == (1, 1, 0)


# --- evidence and schema --------------------------------------------------------------------------


def test_evidence_integrity_detects_wrong_spans() -> None:
    good = fig("launched", "drone", 40)
    good["evidence"] = span(16, 25)  # "40 drones"
    shifted = fig("launched", "drone", 40)
    shifted["evidence"] = {"start": 17, "end": 26, "text": "40 drones"}
    bad_place = attack(places=("Kyiv",))
    bad_place["places"][0]["evidence"] = {"start": 100, "end": 104, "text": "Kyiv"}
    s = output(attacks=[attack(figures=(good, shifted)), bad_place])
    evidence = score_extraction(s, gold()).scores.evidence
    # three spans: "40 drones" right, the same words one character off, a place span out of range
    assert evidence.n == 3 and evidence.correct == 1
    assert score_extraction(s, gold()).scores.metrics()["evidence_integrity"] == pytest.approx(1 / 3)


def test_evidence_is_checked_against_the_given_article_text() -> None:
    s = output(quotes=[quote("Zelensky", "x") | {"evidence": span(0, 6)}])
    assert score_extraction(s, gold(), text=TEXT).scores.evidence.correct == 1
    assert score_extraction(s, gold(), text="Moscow said").scores.evidence.correct == 0


@pytest.mark.parametrize("breakage", ["format", "measure", "evidence"])
def test_schema_invalid_output_is_detected_and_scores_as_empty(breakage: str) -> None:
    g = gold(attacks=[gattack(figures=(gfig("launched", "drone", 40),))])
    s = output(attacks=[attack(figures=(fig("launched", "drone", 40),))])
    if breakage == "format":
        s["format"] = "something/2"
    elif breakage == "measure":
        s["attacks"][0]["figures"][0]["measure"] = "fired"
    else:
        del s["attacks"][0]["figures"][0]["evidence"]
    row = score_extraction(s, g)
    assert (row.scores.schema.correct, row.scores.schema.n) == (0, 1)
    assert row.errors and all(e.startswith("schema:") for e in row.errors)
    assert counts(row.scores.figures) == (0, 0, 1)


def test_valid_output_passes_the_schema() -> None:
    row = score_extraction(Extraction(Article(id="a", text=TEXT)).to_dict(), gold())
    assert (row.scores.schema.correct, row.scores.schema.n) == (1, 1) and not row.errors


# --- a perfect extraction scores 1.0 --------------------------------------------------------------

SIDE_ACTORS = {
    "RU": "Vladimir Putin",
    "UA": "Volodymyr Zelensky",
    "US": "Donald Trump",
    "OTHER": "Emmanuel Macron",
}


def perfect_extraction(g: dict[str, Any], text: str = TEXT) -> dict[str, Any]:
    """What a flawless extractor would output for gold ``g`` (optional items included)."""
    attacks = [
        attack(
            a["attacker"],
            a.get("date"),
            tuple(
                fig(f["measure"], f["what"], f["value"], f["qualifier"], f.get("place"))
                for f in a.get("figures", [])
            ),
            tuple(a.get("places", [])) + tuple(a.get("places_optional", [])),
            tuple(t["match"] for t in a.get("targets", [])),
        )
        for a in g.get("attacks", [])
    ]
    return output(
        text,
        attacks=attacks,
        diplomacy=[dip(d["kind"], d["participants"], d.get("venue")) for d in g.get("diplomacy", [])],
        positions=[position(SIDE_ACTORS[p["side"]], p["issue"], p["stance"]) for p in g.get("positions", [])],
        quotes=[quote(q["speaker"], q["text"]) for q in g.get("quotes", [])],
        statistics=[stat(s["value"], s["unit"]) for s in g.get("statistics", [])],
    )


INLINE_GOLD = gold(
    attacks=[
        gattack(
            "RU",
            "2025-08-28",
            (
                gfig("launched", "aerial_weapon", 629),
                gfig("killed", "civilians", 18, at="Kyiv"),
                gfig("damaged", "buildings", 1, optional=True),
            ),
            ("Kyiv", "Odesa"),
            ("Ukraine",),
            ({"match": "EU", "kind": "diplomatic"},),
        ),
        gattack("UA", None, (), (), (), ({"match": "refiner", "kind": "energy"},), optional=True),
    ],
    diplomacy=[
        gdip("meeting", ["Donald Trump", "Vladimir Putin"], "Alaska"),
        gdip("agreement", ["Armenia", "Azerbaijan", "Donald Trump"]),
    ],
    positions=[
        {"side": "RU", "issue": "territory", "stance": "demand"},
        {"side": "OTHER", "issue": "security_guarantees", "stance": "offer"},
    ],
    quotes=[
        {"speaker": "Andrii Sybiha", "text": "Our partners deserve a clear answer to every such strike"}
    ],
    statistics=[{"value": 17, "unit": "percent", "qualifier": "approx"}],
)


def _assert_perfect(g: dict[str, Any]) -> None:
    metrics = score_extraction(perfect_extraction(g), g).scores.metrics()
    for name, value in metrics.items():
        assert value is None or value == 1.0, f"{g['id']}: {name} = {value}"


def test_perfect_extraction_scores_one_inline() -> None:
    _assert_perfect(INLINE_GOLD)
    assert (
        score_extraction(perfect_extraction(INLINE_GOLD), INLINE_GOLD).scores.metrics()["figures_f1"] == 1.0
    )


GOLD_FILES = sorted(p for d in (ROOT / "corpus" / "gold", DEV_GOLD) if d.is_dir() for p in d.glob("*.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_perfect_extraction_scores_one_on_every_gold_file(path: Path) -> None:
    _assert_perfect(json.loads(path.read_text(encoding="utf-8")))


# --- corpus runner --------------------------------------------------------------------------------


def _write_case(folder: Path, name: str, obj: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return path


def test_evaluate_gold_dirs_reads_txt_html_and_json_articles(tmp_path: Path) -> None:
    _write_case(tmp_path / "texts", "a.txt", TEXT)
    _write_case(tmp_path / "texts", "b.html", f"<html><body><article><p>{TEXT}</p></article></body></html>")
    _write_case(tmp_path / "texts", "c.json", {"id": "c", "text": TEXT, "published": "2025-08-20"})
    for stem, suffix in (("a", "txt"), ("b", "html"), ("c", "json")):
        _write_case(tmp_path / "gold", f"{stem}.json", gold(id=stem, text_file=f"../texts/{stem}.{suffix}"))
    seen: list[Article] = []

    def extractor(article: Article) -> Extraction:
        seen.append(article)
        return Extraction(article=article)

    report = evaluate_gold_dirs([tmp_path / "gold"], extractor)
    assert [row.id for row in report.articles] == ["a", "b", "c"]
    assert all(TEXT in article.text for article in seen)
    assert [a.published for a in seen] == ["2025-08-21", "2025-08-21", "2025-08-20"]
    assert report.overall.schema.correct == 3
    json.dumps(report.to_dict())
    text = render_report(report, per_article=True)
    for label in (
        "figures P/R/F1",
        "qualifier acc",
        "attack date acc",
        "places P/R/F1",
        "targets P/R/F1",
        "diplomacy F1",
        "positions F1",
        "quotes F1",
        "quote speaker acc",
        "statistics F1",
        "evidence integrity",
        "schema valid",
        "articles",
        "overall",
    ):
        assert label in text


def test_extractor_crash_becomes_an_error_row(tmp_path: Path) -> None:
    _write_case(tmp_path, "a.txt", TEXT)
    _write_case(
        tmp_path,
        "a.json",
        gold(id="a", text_file="a.txt", attacks=[gattack(figures=(gfig("launched", "drone", 40),))]),
    )

    def broken(article: Article) -> Extraction:
        raise RuntimeError("boom")

    row = evaluate_gold_dirs([tmp_path], broken).articles[0]
    assert row.errors[0].startswith("extract_failed: RuntimeError: boom")
    assert row.scores.schema.correct == 0 and counts(row.scores.figures) == (0, 0, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "malformed JSON"),
        (json.dumps({"id": "x", "attacks": []}), "text_file"),
        (json.dumps(gold(text_file="missing.txt")), "not found"),
        (
            json.dumps(gold(attacks=[{"attacker": "RU", "figures": [{"measure": "launched"}]}])),
            "malformed gold",
        ),
    ],
)
def test_bad_gold_file_raises_eval_error_with_its_name(tmp_path: Path, content: str, message: str) -> None:
    _write_case(tmp_path, "a.txt", TEXT)
    _write_case(tmp_path, "broken-gold.json", content)
    with pytest.raises(EvalError) as info:
        evaluate_gold_dirs([tmp_path])
    assert "broken-gold.json" in str(info.value) and message in str(info.value)


@pytest.mark.skipif(not DEV_GOLD.is_dir(), reason="../shared/dev/gold not present")
def test_dev_gold_reads_as_is() -> None:
    report = evaluate_gold_dirs([DEV_GOLD])
    assert len(report.articles) == len(list(DEV_GOLD.glob("*.json")))
    assert report.overall.metrics()["schema_valid"] == 1.0
