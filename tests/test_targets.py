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


def targets_after_a_school(sentence: str) -> list[str]:
    """The Russian wave's targets when ``sentence`` follows a report of a school struck (which must stay one)."""
    names = targets(OPENING + "A drone struck a school in the city centre. " + sentence).get("RU", [])
    assert any("school" in n for n in names), names
    return names


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


@pytest.mark.parametrize("sentence", [
    "Russian drones have hit substations in the region repeatedly this autumn.",
    "Moscow keeps aiming its missiles at thermal power plants.",
    "The Kremlin has previously said its strikes were aimed at military facilities only.",
])
def test_a_habit_or_history_is_not_tonights_target(sentence: str) -> None:
    names = targets_after_a_school(sentence)
    assert not any(w in n for n in names for w in ("substation", "power plant", "military facilit")), names


@pytest.mark.parametrize(("sentence", "facility"), [
    ("A chemical plant nearby, which was struck in the spring, was not affected this time.", "chemical plant"),
    ("The drones did not hit the refinery, the governor said.", "refinery"),
    ("There was no damage to the oil depot.", "oil depot"),
])
def test_a_facility_said_not_to_be_hit_is_not_a_target(sentence: str, facility: str) -> None:
    names = targets(OPENING + sentence).get("RU", [])
    assert not any(facility in n for n in names), names


@pytest.mark.parametrize("sentence", [
    "Drones hit an oil depot near the city, with no casualties reported.",
    "Officials confirmed a strike on an oil depot but would not say how badly it burned.",
    "Russian forces struck a fuel depot outside the city.",
])
def test_a_negation_elsewhere_in_the_sentence_keeps_the_target(sentence: str) -> None:
    assert any("depot" in n or "infrastructure" in n for n in targets(OPENING + sentence).get("RU", [])), \
        targets(OPENING + sentence)


@pytest.mark.parametrize(("sentence", "facility"), [
    ("The blast damaged tracks outside the city, forcing the operator to delay two passenger trains.", "train"),
    ("The strike left some 800 apartment blocks without heating and damaged a substation.", "apartment"),
    ("A substation was struck and the nuclear power plant lost its last backup power line.", "power line"),
])
def test_what_a_strike_made_happen_elsewhere_is_not_a_target(sentence: str, facility: str) -> None:
    names = targets(OPENING + sentence).get("RU", [])
    assert any("substation" in n for n in names) or facility == "train", names
    assert not any(facility in n for n in names), names


@pytest.mark.parametrize(("sentence", "absent"), [
    ("Debris caused a fire that was put out by noon, says the regional emergency headquarters.", "headquarters"),
    ("A drone set fire to a warehouse belonging to a national postal operator.", "postal"),
    ("Its air defence systems had shot down 30 of the drones, the ministry said.", "air defence"),
    ("Mobile air defence systems destroyed 52 drones before dawn.", "air defence"),
    ("We are being attacked with missiles fresh from the factory, an adviser said.", "factory"),
])
def test_a_facility_that_speaks_owns_defends_or_supplies_is_not_a_target(sentence: str, absent: str) -> None:
    names = targets(OPENING + sentence).get("RU", [])
    assert not any(absent in n for n in names), names


def test_the_owned_facility_keeps_its_name_without_a_dangling_owner_word() -> None:
    names = targets(OPENING + "A drone set fire to a warehouse belonging to a national postal operator.")["RU"]
    assert "warehouse" in names, names


def test_a_link_to_another_story_names_no_target() -> None:
    text = OPENING + "A drone struck a school in the city centre.\nRead more: Blast damages a children's hospital"
    names = targets(text)["RU"]
    assert not any("hospital" in n for n in names), names


def test_a_facility_word_before_another_is_part_of_its_name() -> None:
    names = targets(OPENING + "Drones damaged several high-rise apartment blocks and a port warehouse.")["RU"]
    assert "high-rise apartment blocks" in names and "port warehouse" in names, names
    assert "high-rise" not in names and "port" not in names, names


@pytest.mark.parametrize(("sentence", "absent"), [
    ("Strikes on civilian energy facilities are banned by the laws of war, a lawyer noted.", "energy"),
    ("Back in 2023-24, Russian drones concentrated on big power plants in the east.", "power plant"),
    ("Gun trucks and mobile fire groups now guard the key plants of the region.", "plants"),
    ("Drones slammed into residential areas of the city before dawn.", "residential"),
])
def test_a_general_statement_history_or_area_is_not_a_target(sentence: str, absent: str) -> None:
    names = targets(OPENING + sentence).get("RU", [])
    assert not any(absent in n for n in names), names


def test_the_year_must_come_before_the_facility_to_make_it_history() -> None:
    names = targets(OPENING + "A drone hit a school in the centre, the worst damage since 2024, the mayor said.")["RU"]
    assert any("school" in n for n in names), names


def test_a_description_beside_a_name_is_one_target() -> None:
    names = targets(OPENING + "The city hall, the Regional Administration Building on Central Square, caught fire "
                                   "after a strike.")["RU"]
    assert not any("city hall" in n for n in names) and any("Administration" in n for n in names), names


def test_a_listing_after_a_comma_keeps_every_target() -> None:
    names = targets(OPENING + "Drones hit a school, the Central Market and a clinic in the city.")["RU"]
    assert any("school" in n for n in names) and any("clinic" in n for n in names), names


def test_units_of_a_named_plant_are_not_targets_of_their_own() -> None:
    names = targets(OPENING + "Drones struck the Lozova Chemical Plant, damaging three storage plants.")["RU"]
    assert any("Lozova" in n for n in names) and not any("storage plants" in n for n in names), names


def test_an_unnamed_facility_after_a_participle_is_still_a_target() -> None:
    names = targets(OPENING + "A missile struck the Lozova Chemical Plant, damaging a school nearby.")["RU"]
    assert any("school" in n for n in names), names


@pytest.mark.parametrize(("sentence", "facility"), [
    ("Missiles hit an industrial area on the edge of the city.", "industrial area"),
    ("Railway tracks near the station were damaged in the strike.", "tracks"),
])
def test_areas_of_industry_and_rail_tracks_are_targets(sentence: str, facility: str) -> None:
    names = targets(OPENING + sentence)["RU"]
    assert any(facility in n for n in names), names


@pytest.mark.parametrize(("sentence", "name"), [
    ("A drone struck the town of Sarny, home to several aircraft repair and defence plants.",
     "aircraft repair and defence plants"),
    ("Missiles hit energy generation and transmission facilities in the west.",
     "energy generation and transmission facilities"),
])
def test_a_modifier_coordinated_with_the_facilitys_own_is_in_its_name(sentence: str, name: str) -> None:
    assert name in targets(OPENING + sentence)["RU"], targets(OPENING + sentence)


def test_a_facility_coordinated_with_another_stays_its_own_target() -> None:
    names = targets(OPENING + "A drone struck a school and defence plants near the river.")["RU"]
    assert "school" in names and "defence plants" in names, names


def test_a_facility_people_were_killed_in_is_a_target() -> None:
    names = targets(OPENING + "Three residents were killed in an apartment block in the Kholodnohirskyi district.")
    assert "apartment block" in names["RU"], names


def test_a_hospital_taken_to_is_care_not_a_target() -> None:
    names = targets(OPENING + "Two men were injured and taken to hospital.").get("RU", [])
    assert not any("hospital" in n for n in names), names


def test_damage_told_of_a_second_facility_after_and_in_is_a_target() -> None:
    text = OPENING + "Windows were shattered in a kindergarten and in the surgical wing of a regional hospital."
    names = targets(text)["RU"]
    assert any("hospital" in n for n in names) and any("kindergarten" in n for n in names), names


def test_a_facility_before_a_place_phrase_and_its_verb_is_a_target() -> None:
    text = OPENING + "Port and rail infrastructure in the Izmail district came under attack."
    names = " ".join(targets(text)["RU"]).lower()
    assert "port" in names and "rail infrastructure" in names


def test_a_metro_station_is_a_target() -> None:
    assert any("metro station" in t for t in targets(OPENING + "The blast damaged a metro station downtown.")["RU"])


@pytest.mark.parametrize("sentence", [
    "Diplomats were checking into their hotel rooms when the drones hit the city.",
    "Moscow called it revenge for an alleged drone attack on a government residence.",
    "Power plants in the region were forced to cut output after the strike.",
])
def test_a_facility_word_that_names_no_struck_facility(sentence: str) -> None:
    names = " ".join(name for found in targets(OPENING + sentence).values() for name in found).lower()
    assert not any(w in names for w in ("hotel", "residence", "plants"))


def test_defences_on_duty_that_destroyed_drones_are_not_a_target() -> None:
    text = ("Russian air defence systems on duty intercepted and destroyed 30 Ukrainian drones overnight, "
            "and debris hit a fuel depot near Bryansk.")
    assert targets(text) == {"UA": ["fuel depot"]}


def test_a_case_put_with_you_is_not_a_target() -> None:
    text = OPENING + '"It is cheaper when you hit the drone at the factory," an analyst said.'
    assert "factory" not in targets(text).get("RU", [])


def test_what_strikes_on_facilities_are_for_is_no_wave() -> None:
    text = OPENING + "Kyiv's strikes on Russian fuel depots and the Saratov refinery are meant to slow the army."
    assert "UA" not in targets(text)


def test_a_named_facility_told_again_without_its_name_is_one_target() -> None:
    text = ("Ukraine hits a Russian refinery\n\nUkraine's General Staff said its drones struck the Novoshakhtinsk "
            "oil refinery in the Rostov region overnight into Monday, causing a fire.")
    assert targets(text) == {"UA": ["Novoshakhtinsk oil refinery"]}


def test_a_gas_distribution_station_is_a_target() -> None:
    assert "gas distribution station" in targets(OPENING + "Debris damaged a gas distribution station.")["RU"]


def test_russian_forces_delivering_a_strike_are_the_attacker() -> None:
    text = ("Ukrainian drones hit a depot in the Kursk region overnight into Tuesday, a governor said.\n\n"
            "The ministry added that Russian forces had delivered a strike on energy facilities in Ukraine.")
    assert "energy facilities" in targets(text).get("RU", [])


def test_an_industrial_park_is_a_target() -> None:
    got = targets("Russian drones struck an industrial park outside Rivne overnight into Tuesday.")
    assert any("industrial park" in t for t in got["RU"])


def test_days_without_strikes_name_no_target() -> None:
    got = targets("Will the grid get a month without strikes on substations? Nobody in Kyiv expects it.")
    assert not any("substations" in t for names in got.values() for t in names)


def test_a_port_city_is_a_description_not_a_port() -> None:
    found = targets(OPENING + "In the port town of Izmail, drones hit a grain terminal.")
    assert all("port" not in name.split() for name in found["RU"]), found
    assert any("grain terminal" in name for name in found["RU"]), found


def test_a_fuel_tank_set_alight_is_a_target() -> None:
    found = targets(OPENING + "Debris smashed a storehouse roof and set an oil tank ablaze near the depot.")
    assert any("oil tank" in name for name in found["RU"]), found


def test_the_grievance_a_side_cites_for_its_strike_is_no_target() -> None:
    text = OPENING + ("A Kremlin aide said the barrage was retaliation for Ukrainian drone attacks on Russian "
                      "oil depots and power plants.")
    assert not any("depot" in name or "plant" in name for names in targets(text).values() for name in names)


def test_a_side_does_not_strike_its_own_facilities() -> None:
    text = ("Ukrainian drones hit a fuel depot in the Bryansk region overnight, its governor said. "
            "Moscow has kept up heavy attacks on Ukrainian power infrastructure through every winter.")
    found = targets(text)
    assert not any("power infrastructure" in name for name in found.get("UA", [])), found


@pytest.mark.parametrize(("sentence", "facility"), [
    ("A drone set fire to a grain elevator near Izmail, the governor said.", "grain elevator"),
    ("Drone debris set a tanker moored at the terminal ablaze, the governor said.", "tanker"),
    ("A power company said one of its thermal power plants had been badly hit, its third such strike since "
     "the start of the year.", "thermal power plants"),
])
def test_facilities_named_in_a_strike_report_are_targets(sentence: str, facility: str) -> None:
    found = targets(OPENING + sentence)
    assert any(facility in name for names in found.values() for name in names)


@pytest.mark.parametrize(("sentence", "facility"), [
    ("In a village outside Sumy, a drone crashed into their house and set the roof alight.", "house"),
    ("An elderly man was hurt when a Shahed smashed into his home in the Kharkiv region.", "home"),
    ("Debris from the downed drones damaged nine houses on the edge of Kharkiv, the mayor said.", "houses"),
])
def test_a_house_or_home_hit_is_a_target(sentence: str, facility: str) -> None:
    found = targets(OPENING + sentence)
    assert facility in found.get("RU", []), found


@pytest.mark.parametrize("sentence", [
    "Air defence worked over Chuhuiv, home to a large garrison, the mayor said.",
    "Drones also hit the old council building, which houses the city archive.",
    "The strikes left thousands of homes without heat.",
    "Drones hit a substation, and crews said they would keep working until every home was warm again.",
])
def test_home_to_the_verb_houses_and_bare_homes_are_no_target(sentence: str) -> None:
    names = [n.lower() for n in targets(OPENING + sentence).get("RU", [])]
    assert not any(n in ("home", "houses", "homes") for n in names), names


def test_facilities_among_the_targets_were_hit() -> None:
    text = OPENING + "Two thermal power plants in the Lviv region were among the targets, the grid operator said."
    assert "thermal power plants" in [t.lower() for t in targets(text).get("RU", [])]


def test_arms_asked_for_are_no_target() -> None:
    text = OPENING + ("The president said the attack proved the need and called on allies to speed up deliveries "
                      "of air defence systems.")
    assert not any("air defence" in t for t in targets(text).get("RU", []))


@pytest.mark.parametrize(("follow_up", "facility"), [
    ("A drone slammed into a nine-storey block in the Kyivskyi district.", "block"),
    ("Rescuers pulled a man from the rubble of a private house near the station.", "house"),
    ("A tram depot and a cement plant were hit in the south of the city.", "cement plant"),
])
def test_british_and_rescue_wording_names_the_building_hit(follow_up: str, facility: str) -> None:
    found = targets(OPENING + follow_up)
    assert any(facility in name for name in found["RU"]), found


@pytest.mark.parametrize("follow_up", [
    "Parliament moved to block the bill after the attack.",
    "A bridge was damaged, delaying several trains heading west.",
    "Ukraine's long campaign against Russian oil infrastructure has hit refineries across the south.",
    "\"They strike when children are at home asleep,\" the mayor said after the attack.",
])
def test_words_that_name_no_building_struck(follow_up: str) -> None:
    names = [n.lower() for n in targets(OPENING + follow_up).get("RU", []) + targets(OPENING + follow_up).get("UA", [])]
    assert not any(w in n for n in names for w in ("block", "train", "oil infrastructure", "home")), names


def test_a_building_listed_among_those_named_is_not_another_target() -> None:
    found = targets(OPENING + "Three apartment buildings were damaged, including a 12-storey block near the park.")
    assert not any(n.endswith("block") for n in found["RU"]), found


@pytest.mark.parametrize(("sentence", "kind_word"), [
    ("Sybiha urged tighter sanctions on oil: \"Every tanker that sails freely pays for another Shahed,\" he said.",
     "tanker"),
    ("Drones hit Odesa again, and officials warned that any substation in the south could be struck next.",
     "substation"),
])
def test_every_or_any_thing_of_a_kind_is_no_target(sentence: str, kind_word: str) -> None:
    names = [n.lower() for n in targets(OPENING + sentence).get("RU", [])]
    assert not any(kind_word in n for n in names), names


@pytest.mark.parametrize(("sentence", "facility"), [
    ("Kyiv has proposed a moratorium on hitting power plants and substations.", "power plant"),
    ('"If the shelling of our power plants stops, our drones will leave their refineries alone," he said.', "refiner"),
    ("Paris wants a new sanctions package targeting the shadow fleet of oil tankers.", "tanker"),
])
def test_what_would_be_spared_or_sanctioned_is_not_a_target(sentence: str, facility: str) -> None:
    names = targets_after_a_school(sentence)
    assert not any(facility in n for n in names), names


@pytest.mark.parametrize(("sentence", "facility"), [
    ("A missile hit a gas processing unit near Stryi.", "gas processing unit"),
    ("Falling debris started a fire at the oil loading terminal of the port.", "oil loading terminal"),
])
def test_processing_units_and_loading_terminals_are_energy_targets(sentence: str, facility: str) -> None:
    names = targets(OPENING + sentence).get("RU", [])
    assert any(facility in n for n in names), names


@pytest.mark.parametrize(("sentence", "facility"), [
    ("Air defence systems shot all of them down, the ministry said.", "air defence"),
    ('Kyiv called the claim "a pretext to justify new strikes on our government buildings."', "government"),
    ("Moscow has stepped up attacks on Ukrainian gas infrastructure over the past six months.", "gas"),
])
def test_a_shooter_a_justified_strike_or_a_campaign_is_not_tonights_target(sentence: str, facility: str) -> None:
    names = targets_after_a_school(sentence)
    assert not any(facility in n.lower() for n in names), names


@pytest.mark.parametrize("sentence", [
    "Some 5,000 consumers on the left bank lost heating after a combined heat and power plant was damaged.",
    "Around half a million consumers lost heating after a combined heat and power plant was damaged.",
])
def test_a_plant_whose_damage_cost_others_their_heating_was_hit(sentence: str) -> None:
    assert any("heat and power plant" in n for n in targets(OPENING + sentence).get("RU", []))


def test_a_plant_that_lost_a_power_line_was_not_hit_by_that() -> None:
    assert not any("plant" in n for n in targets(OPENING + "The nuclear plant lost its last power line.").get("RU", []))


def test_a_traded_market_is_no_marketplace_hit() -> None:
    found = targets(OPENING + "For freight markets, the signal mattered more than the physical damage.")
    assert not any("market" in n for n in found.get("RU", []))
    assert any("market" in n for n in targets(OPENING + "A drone damaged a market in the city centre.").get("RU", []))
