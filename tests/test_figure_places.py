"""Which place a figure of an attack wave is tied to (``attacks._Assembler``): invented reports,
one per way a text names (or leaves implicit) where the dead, wounded or damage were."""

from datetime import date

import pytest

from warledger.extract.attacks import find_attacks
from warledger.extract.context import city_anaphora
from warledger.extract.rules import load_rules
from warledger.extract.text import split_sentences
from warledger.resolve.gazetteer import load_gazetteer

RULES = load_rules()
GAZ = load_gazetteer()
PUBLISHED = date(2025, 10, 4)


def places_of(text: str) -> dict[tuple[str, str, int], str | None]:
    """(measure, what, value) -> place name of every figure of every wave."""
    out = {}
    for attack in find_attacks(text, PUBLISHED, RULES, GAZ):
        for f in attack.figures:
            out[(str(f.measure), str(f.what), f.value)] = f.place.name if f.place else None
    return out


def test_the_city_in_a_later_paragraph_is_the_city_named_before() -> None:
    text = ("Russian drones struck Poltava overnight into Saturday, officials said.\n\n"
            "Attack drones hit the city's northern district, where seven apartment blocks were damaged.")
    assert places_of(text)[("damaged", "buildings", 7)] == "Poltava"


def test_the_city_after_an_oblast_outside_it_is_left_open() -> None:
    # the last place named (Sumy region) is not the region of the last city (Kharkiv): which city?
    text = ("Russian drones struck Poltava and Kharkiv overnight into Saturday, officials said.\n\n"
            "Shelling also hit the Sumy region overnight.\n\n"
            "Five houses were damaged in the city, the mayor said.")
    assert places_of(text)[("damaged", "buildings", 5)] is None


def test_weapons_that_hit_the_city_take_it() -> None:
    text = ("Russian guided bombs struck Kharkiv overnight into Saturday, killing two people.\n\n"
            "Russian jets dropped five guided bombs on the city, the governor said.")
    assert places_of(text)[("launched", "guided_bomb", 5)] == "Kharkiv"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Drones hit the city at night.", [3]),
    ("City services were working on the damage.", [0]),
    ("Two houses were hit in western Ukrainian city; talks went on.", [7]),
    ("Drones hit the city's port.", [3]),
    ("Drones hit a city in the south.", []),
    ("Drones hit the city of Odesa.", []),
    ("Drones hit the regional city.", []),
    ("Drones hit Ukraine's second city Kharkiv.", []),
])
def test_city_anaphora(sentence: str, expected: list[int]) -> None:
    assert city_anaphora(split_sentences(sentence)[0]) == expected


def test_a_restatement_with_a_place_gives_the_first_statement_its_place() -> None:
    text = ("Russia attacked Ukraine overnight into Saturday.\n\n"
            "10:15 - Toll rises to six\n"
            "The number of people killed in Vinnytsia has risen to six, the governor said.")
    assert places_of(text)[("killed", "people", 6)] == "Vinnytsia"


def test_a_part_of_a_restated_count_takes_its_place() -> None:
    # two cities in the wave: no one city of the report to fall back on
    text = ("Russian drones killed one person in Sumy and wounded 14 in Chernihiv overnight into Saturday.\n\n"
            "The number of wounded has reached 14. Three children were among the wounded.")
    assert places_of(text)[("injured", "children", 3)] == "Chernihiv"


def test_a_settlement_inside_the_region_named_beats_the_region() -> None:
    text = ("In the Sumy region, a woman was killed overnight into Saturday when a Russian drone "
            "hit her house near Shostka, the governor said.")
    assert places_of(text)[("killed", "people", 1)] == "Shostka"


def test_several_figures_keep_the_region_they_follow() -> None:
    # more than one count: the region may be the total's place, not the settlement's
    text = ("In the Sumy region, two people were killed and five injured overnight into Saturday "
            "when Russian drones hit houses near Shostka, the governor said.")
    found = places_of(text)
    assert found[("killed", "people", 2)] == "Sumy Oblast"


def test_a_heading_figure_takes_the_settlement_of_its_entry() -> None:
    text = ("Russia attacked Ukraine overnight into Saturday.\n\n"
            "09:30 - One killed in Kherson region\n"
            "One person was killed when a Russian drone hit the village of Zelenivka in the "
            "Kherson region, the governor said.")
    killed = [f for a in find_attacks(text, PUBLISHED, RULES, GAZ) for f in a.figures if str(f.measure) == "killed"]
    assert [(f.value, f.place.name if f.place else None) for f in killed] == [(1, "Zelenivka")]


def test_officials_of_a_city_do_not_make_it_the_place() -> None:
    text = ("Ukrainian drones attacked the Krasnodar region overnight into Saturday.\n\n"
            "Krasnodar officials said debris fell on a depot in the city of Novorossiysk. "
            "Two people were injured, they said.")
    assert places_of(text)[("injured", "people", 2)] == "Novorossiysk"


def test_a_landmark_city_is_not_the_place() -> None:
    text = ("Russian drones struck the Zhytomyr region west of Kyiv overnight into Saturday, killing two people. "
            "Four others were wounded.")
    assert places_of(text)[("injured", "people", 4)] == "Zhytomyr Oblast"


def test_a_later_paragraph_without_a_side_goes_on_with_the_strike_before() -> None:
    text = ("Ukrainian drones struck a refinery in Saratov overnight into Saturday, the governor said.\n\n"
            "He said two workers were injured.")
    attacks = find_attacks(text, PUBLISHED, RULES, GAZ)
    injured = [(a.attacker, f.place.name if f.place else None) for a in attacks for f in a.figures
               if str(f.measure) == "injured"]
    assert injured == [("UA", "Saratov")]


def test_a_weapon_tally_without_a_side_in_a_later_paragraph_is_russian() -> None:
    text = ("Ukrainian drones struck a refinery in Saratov overnight into Saturday, the governor said.\n\n"
            "Air force: 120 drones, four missiles")
    attacks = find_attacks(text, PUBLISHED, RULES, GAZ)
    assert {a.attacker for a in attacks for f in a.figures if str(f.what) == "drone"} == {"RU"}


def test_a_count_in_the_paragraph_after_the_only_city_takes_that_city() -> None:
    text = ("Russian missiles struck Poltava overnight into Saturday, officials said.\n\n"
            "Two children were among the dead.")
    assert places_of(text)[("killed", "children", 2)] == "Poltava"


def test_a_count_after_a_paragraph_of_several_cities_stays_open() -> None:
    text = ("Russian drones struck Poltava overnight into Saturday. Drones also hit Sumy, officials said.\n\n"
            "Nine people were wounded.")
    assert places_of(text)[("injured", "people", 9)] is None


def test_the_capital_before_a_verb_is_a_place_after_in() -> None:
    text = "Russia attacked overnight. The number of wounded in Kyiv has climbed to 14."
    assert places_of(text)[("injured", "people", 14)] == "Kyiv"


def test_drones_heading_for_a_capital_take_it() -> None:
    text = ("Russia's defence ministry said Ukrainian drones were downed overnight: 20 over the Tula region, "
            "including eight that were heading for Moscow.")
    assert places_of(text)[("intercepted", "drone", 8)] == "Moscow"


def test_a_place_after_the_rest_of_the_verb_group_is_the_weapons_place() -> None:
    text = ("Russia's ministry said 30 Ukrainian drones were intercepted and destroyed over the Kursk region, "
            "and the biggest share, 17, over the Belgorod region.")
    found = places_of(text)
    assert found[("intercepted", "drone", 30)] == "Kursk Oblast"
    assert found[("intercepted", "drone", 17)] == "Belgorod Oblast"


def test_a_count_takes_the_place_on_its_side_of_a_semicolon() -> None:
    text = ("Russian drones struck a warehouse in Izmail overnight, where two workers were injured; in Poltava, "
            "a shop was damaged.")
    assert places_of(text)[("injured", "people", 2)] == "Izmail"


def test_the_region_is_the_oblast_named_before() -> None:
    text = ("Russian drones pounded the Mykolaiv region overnight into Saturday, the governor said.\n\n"
            "Four people were wounded in the region, he added.")
    assert places_of(text)[("injured", "people", 4)] == "Mykolaiv Oblast"


def test_the_region_after_a_city_is_that_city_s_oblast() -> None:
    text = ("Russia sent 80 drones at Ukraine overnight into Saturday.\n\n"
            "In Poltava, a missile hit a bakery, and two people were killed in the region, officials said.")
    assert places_of(text)[("killed", "people", 2)] in ("Poltava", "Poltava Oblast")


def test_a_place_that_only_names_the_speaker_is_not_the_place_of_the_dead() -> None:
    text = ("In Sloviansk, a guided bomb hit a clinic on Friday morning, killing two people and injuring nine, "
            "according to the chief of the Donetsk regional military administration.")
    got = places_of(text)
    assert got[("killed", "people", 2)] == "Sloviansk"
    assert got[("injured", "people", 9)] == "Sloviansk"


def test_a_regional_service_reporting_on_a_city_told_before_keeps_that_city() -> None:
    text = ("Ukrainian drones struck the oil depot at Tuapse early on Sunday. "
            "The Krasnodar region's emergency headquarters said burning debris had hurt three workers.")
    assert places_of(text)[("injured", "people", 3)] == "Tuapse"


def test_bombs_dropped_on_towns_of_a_region_are_in_that_region() -> None:
    text = ("Russian jets dropped 41 glide bombs on villages of the Kharkiv region on Saturday, "
            "mostly on Kupiansk and Balakliia, the governor said.")
    assert places_of(text)[("launched", "guided_bomb", 41)] in ("Kharkiv", "Kharkiv Oblast")


def test_a_comma_and_in_turns_the_sentence_to_another_place() -> None:
    text = ("Russian drones hit Ukraine overnight. In the Mykolaiv region, a strike injured a tractor driver, "
            "the governor said, and in the Sumy region a man was killed when a drone hit his yard in the town "
            "of Shostka.")
    got = places_of(text)
    assert got[("injured", "people", 1)] in ("Mykolaiv", "Mykolaiv Oblast")
    assert got[("killed", "people", 1)] == "Shostka"


def test_a_count_after_a_paragraph_about_one_city_of_a_wider_wave_is_that_city_s() -> None:
    # the wave also hit Odesa, but the paragraph before told only Poltava's toll
    text = ("Russian missiles struck Poltava and Odesa overnight into Saturday, officials said.\n\n"
            "The toll in Poltava rose through the morning to six dead, the mayor said.\n\n"
            "Another 27 people were wounded, three of them children.")
    assert places_of(text)[("injured", "people", 27)] == "Poltava"


def test_a_whole_night_total_after_a_paragraph_about_one_city_gets_no_place() -> None:
    text = ("Russian missiles struck Poltava and Odesa overnight into Saturday, officials said.\n\n"
            "In Poltava, a missile hit a school and two people were killed, the mayor said.\n\n"
            "In total, 31 people were wounded across the country.")
    assert places_of(text)[("injured", "people", 31)] is None


def test_a_count_after_several_towns_of_one_region_takes_the_region() -> None:
    text = ("Russian drones struck the Mykolaiv region overnight into Saturday, hitting a grain silo in Ochakiv "
            "and a substation in Voznesensk, the governor said. Six people were injured, he added.")
    assert places_of(text)[("injured", "people", 6)] == "Mykolaiv Oblast"


def test_the_capital_in_a_report_of_a_ukrainian_strike_is_moscow() -> None:
    text = ("Russia's defence ministry said its air defences destroyed 60 Ukrainian drones overnight. "
            "Sobyanin said 12 Ukrainian drones heading for the capital were downed.")
    assert places_of(text)[("intercepted", "drone", 12)] == "Moscow"


def test_a_capital_named_with_its_mayor_is_the_city() -> None:
    text = ("Ukraine's air force said Russia launched 80 drones overnight into Saturday.\n\n"
            "Kyiv Mayor Vitali Klitschko said three people were wounded in the Solomianskyi district.")
    assert places_of(text)[("injured", "people", 3)] == "Kyiv"


def test_a_city_told_as_lying_off_the_capital_keeps_the_count() -> None:
    # "north of the capital" only says where Brovary lies: the dead are Brovary's, not Kyiv's
    text = ("Russia attacked Ukraine with drones overnight into Sunday, the air force said.\n\n"
            "In Brovary, north of the capital, two women were killed when a drone hit a warehouse.")
    assert places_of(text)[("killed", "people", 2)] == "Brovary"


def test_the_region_points_back_to_a_russian_region() -> None:
    # a Russian oblast is a region of the gazetteer, not an oblast: "the region" still points back at it
    text = ("Ukrainian drones hit a fuel depot in the Belgorod region overnight, the governor said. "
            "More than 40 drones were shot down above the region, he added.")
    assert places_of(text)[("intercepted", "drone", 40)] == "Belgorod Oblast"


@pytest.mark.parametrize("text", [
    ("Russian air defences destroyed 84 Ukrainian drones overnight, the defence ministry said. Of these, the "
     "Rostov Region accounted for 40 drones, the Voronezh Region for 30 and the Kursk Region for 14."),
    "Russian air defences destroyed 84 Ukrainian drones overnight: Rostov region - 40, Voronezh region - 30, "
    "Kursk region - 14, the ministry said.",
])
def test_a_ministrys_breakdown_by_region_ties_each_count_to_its_region(text: str) -> None:
    places = places_of(text)
    assert [places[("intercepted", "drone", n)] for n in (40, 30, 14)] == [
        "Rostov Oblast", "Voronezh Oblast", "Kursk Oblast"]


def test_a_count_told_in_a_region_stays_there_when_only_most_were_in_a_city() -> None:
    text = ("Russian drones struck the Kyiv region overnight into Saturday. In the Kyiv region, 11 people were "
            "injured, most of them in Bila Tserkva, where debris fell on a residential high-rise.")
    assert places_of(text)[("injured", "people", 11)] == "Kyiv Oblast"


def test_no_one_is_hurt_in_a_sea() -> None:
    text = ("Ukrainian drones attacked Novorossiysk overnight into Tuesday. The ministry said 29 drones were "
            "downed over the Black Sea. Two people were hurt, the mayor said.")
    assert places_of(text)[("injured", "people", 2)] != "Black Sea"


@pytest.mark.parametrize(("text", "place"), [
    ("Ukrainian drones struck the port of Taman, near the village of Volna, overnight and injured three people.",
     "Taman"),
    ("Ukrainian drones attacked the Krasnodar region overnight. Krasnodar's regional operational headquarters "
     "said drones struck the port of Taman. One worker was hurt.", "Taman"),
])
def test_a_place_named_to_locate_another_or_a_body_is_not_where_people_were_hurt(text: str, place: str) -> None:
    hurt = [p for (measure, _, _), p in places_of(text).items() if measure == "injured"]
    assert hurt == [place]


def test_a_toll_told_in_a_city_and_again_in_its_region_is_one_figure() -> None:
    text = ("Russian drones struck Mykolaiv overnight into Saturday, injuring two people, officials said.\n\n"
            "In the Mykolaiv region, governor Vitaliy Kim said drones hit a grain terminal, injuring two workers.")
    injured = [f for a in find_attacks(text, PUBLISHED, RULES, GAZ) for f in a.figures if str(f.measure) == "injured"]
    assert [(f.value, f.place.name if f.place else None) for f in injured] == [(2, "Mykolaiv")]


def test_a_toll_told_after_two_cities_joined_in_one_phrase_has_no_one_place() -> None:
    text = "Russian missiles hit homes in Sumy and Poltava overnight into Saturday, killing two people."
    assert places_of(text)[("killed", "people", 2)] is None
