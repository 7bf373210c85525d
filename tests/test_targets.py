"""Targets (warledger/extract/targets.py and the attack assembler): facilities a report says were hit,
including damage told in a later sentence without an attack word."""

from __future__ import annotations

import pytest

from warledger.extract import extract_article
from warledger.records import Article

OPENING = "Russia launched 40 drones at Kharkiv overnight into Tuesday, the air force said. "


def targets(text: str, published: str = "2025-06-10") -> dict[str, list[str]]:
    """Target names per attacker."""
    extraction = extract_article(Article(id="t", text=text, published=published))
    found: dict[str, list[str]] = {}
    for attack in extraction.attacks:
        found.setdefault(attack.attacker, []).extend(t.name for t in attack.targets)
        for t in attack.targets:
            assert text[t.evidence.start:t.evidence.end] == t.evidence.text
    return found


@pytest.mark.parametrize(("follow_up", "facility"), [
    ("A kindergarten in the Slobidskyi district lost its windows and part of its roof.", "kindergarten"),
    ("Windows were shattered in a school near the market.", "school"),
    ("The windows of a city hospital's maternity ward were blown out by the blast wave.", "hospital"),
    ("Several private houses nearby had broken windows, the mayor added.", "houses"),
])
def test_damage_told_after_the_wave_is_a_target_of_that_wave(follow_up: str, facility: str) -> None:
    found = targets(OPENING + follow_up)
    assert any(facility in name for name in found["RU"]), found


def test_damage_without_a_wave_before_it_is_not_a_target() -> None:
    assert "kindergarten" not in str(targets("A kindergarten in the Slobidskyi district lost its windows in a storm."))


def test_a_facility_away_from_the_damage_word_is_not_a_target() -> None:
    text = OPENING + ("Rescuers freed residents from a partly collapsed stairwell, and the city's schools "
                      "switched to remote lessons for the day.")
    assert not any("school" in name for name in targets(text).get("RU", [])), targets(text)


def test_a_facility_a_strike_word_names_is_still_a_target() -> None:
    assert any("school" in name for name in targets(OPENING + "A drone struck a school in the city centre.")["RU"])


def test_a_description_of_a_named_target_is_not_another_target() -> None:
    text = ("Ukrainian drones struck the Lesnoye Oil Pumping Station overnight into Tuesday, which locals "
            "know as a vital oil depot feeding the Northern oil pipeline, and a grain terminal nearby.")
    names = targets(text)["UA"]
    assert any("Pumping Station" in name for name in names)
    # the description is skipped to its clause's end; the next clause is read again
    assert not any("vital" in n or "pipeline" in n for n in names), names
    assert any("grain terminal" in n for n in names), names


@pytest.mark.parametrize("listing", ["as well as a school building", "and facilities such as a school building"])
def test_a_facility_in_a_listing_after_as_is_a_target(listing: str) -> None:
    text = f"Russian drones hit an electricity substation in the Odesa region overnight into Tuesday, {listing}."
    assert any("school" in name for name in targets(text)["RU"]), targets(text)


def test_what_a_struck_building_was_stays_a_target() -> None:
    text = OPENING + "The building a drone struck in the night was a school."
    assert any("school" in name for name in targets(text)["RU"]), targets(text)
