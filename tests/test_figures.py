"""Figures read from single sentences: one case per phrasing the press uses."""

import pytest

from warledger.extract.figures import figures_in
from warledger.extract.rules import load_rules
from warledger.extract.text import split_sentences

RULES = load_rules()


def figures(text: str) -> list[tuple[str, str, int, str]]:
    out, previous = [], []
    for sentence in split_sentences(text):
        found = figures_in(sentence, text, RULES, previous)
        previous = found
        out += [(str(f.measure), str(f.what), f.value, str(f.qualifier)) for f in found]
    return out


CASES = [
    ("Moscow fired 310 drones and 12 missiles at the capital.",
     [("launched", "drone", 310, "exact"), ("launched", "missile", 12, "exact")]),
    ("The army said 33 of 41 cruise missiles were intercepted.",
     [("intercepted", "cruise_missile", 33, "exact"), ("launched", "cruise_missile", 41, "exact")]),
    ("In all 537 aerial weapons were used, including 477 drones and 60 missiles.",
     [("launched", "aerial_weapon", 537, "exact"), ("launched", "drone", 477, "exact"),
      ("launched", "missile", 60, "exact")]),
    ("Officials said 226 drones were likely jammed.", [("suppressed", "drone", 226, "exact")]),
    ("The blast killed 18 civilians, including four children.",
     [("killed", "civilians", 18, "exact"), ("killed", "children", 4, "exact")]),
    # "all but two": the two that were not downed got through
    ("Air defences downed all but two of the drones.", [("hit", "drone", 2, "exact")]),
    ("Overnight Russia sent twenty-two attack drones toward Odesa.", [("launched", "drone", 22, "exact")]),
    ("Russia launched nearly 300 drones, 18 ballistic and 7 cruise missiles.",
     [("launched", "drone", 300, "approx"), ("launched", "ballistic_missile", 18, "exact"),
      ("launched", "cruise_missile", 7, "exact")]),
    ("The barrage included one Oreshnik missile.", [("launched", "ballistic_missile", 1, "exact")]),
    ("At least 12 people were injured and two died in hospital.",
     [("injured", "people", 12, "at_least"), ("killed", "people", 2, "exact")]),
    ("The strike wounded more than two dozen people.", [("injured", "people", 24, "at_least")]),
    ("Up to 50 Shahed drones crossed the border.", [("launched", "drone", 50, "at_most")]),
    ("Russia used 143 drones, 110 of which were shot down.",
     [("launched", "drone", 143, "exact"), ("intercepted", "drone", 110, "exact")]),
    ("Debris damaged over 20 houses and three cars.",
     [("damaged", "buildings", 20, "at_least"), ("damaged", "vehicles", 3, "exact")]),
    ("The 20-point plan was discussed for 6 hours with 3,000 km of front in mind in 2025.", []),
    ("A 6-year-old girl was hurt.", [("injured", "children", 1, "exact")]),  # one person, not six
    ("Kyiv wants 10 million drones a year.", []),
    # a sub-count inside the subject takes the verb that follows the whole subject
    ("Three residents, one of them a baby, were wounded.",
     [("injured", "people", 3, "exact"), ("injured", "children", 1, "exact")]),
    ("The shelling killed 11 people and wounded 40; six of the wounded were children.",
     [("killed", "people", 11, "exact"), ("injured", "people", 40, "exact"), ("injured", "children", 6, "exact")]),
    ("About 200 of the total were Geran drones.", [("launched", "drone", 200, "approx")]),
    ("One of Ukraine's pilots died in the crash.", [("killed", "military", 1, "exact")]),
    # a bare number with only a casualty verb after it counts people
    ("Two people died in Sumy, officials in the northern region told reporters on Sunday, and another three "
     "were killed in Kharkiv.", [("killed", "people", 2, "exact"), ("killed", "people", 3, "exact")]),
    ("Shelling hit the market, wounding nine people, including a child.",
     [("injured", "people", 9, "exact"), ("injured", "children", 1, "exact")]),
    ("A firefighter of the State Emergency Service, Senior Sergeant Ivan Petrenko, was killed.",
     [("killed", "people", 1, "exact")]),
    ("Four sailors were hurt when the drone struck the deck.", [("injured", "people", 4, "exact")]),
    ("The drones damaged 14 aircraft at the airfield.", [("damaged", "other", 14, "exact")]),
    # the apposition names the weapon already counted; "14 of the missiles" is not the one Kalibr's class
    ("The salvo included Kinzhal missiles and one Kalibr, a ship-launched missile.",
     [("launched", "cruise_missile", 1, "exact")]),
    ("Planners expect raids of 2,000 drones by spring.", []),
    ("Twelve drones crashed in open areas.", [("suppressed", "drone", 12, "exact")]),
    ("Among the damaged buildings officials list a school and more than 20 private houses.",
     [("damaged", "buildings", 20, "at_least")]),
    # a toll told as "the number of dead"; a count told as "the number of X at N", quoted or not
    ("The governor said a woman died in hospital, bringing the number of dead there to three.",
     [("killed", "people", 3, "exact"), ("killed", "people", 1, "exact")]),
    ("The mayor put the number of drones at \"more than 150\" in a post on Telegram.",
     [("launched", "drone", 150, "at_least")]),
    ("The ministry put the number of drones downed at 90 between 11 p.m. Monday and 6 a.m. Tuesday Moscow time, "
     "among them 40 over the Rostov region.",
     [("intercepted", "drone", 90, "exact"), ("intercepted", "drone", 40, "exact")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figures_in_sentence(text, expected):
    assert figures(text) == expected


def test_evidence_is_a_span_of_the_text():
    text = "Earlier text.\nThe army said 33 of 41 cruise missiles were intercepted over the west."
    (sentence,) = split_sentences(text)[1:]
    for fig in figures_in(sentence, text, RULES, []):
        assert text[fig.evidence.start:fig.evidence.end] == fig.evidence.text
    assert "missiles were intercepted" in figures_in(sentence, text, RULES, [])[0].evidence.text


# kill verb "or" jamming verb: defeated either way, given as intercepted
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gunners took down or suppressed 212 of the drones.", [("intercepted", "drone", 212, "exact")]),
    ("Crews neutralised or jammed 64 drones over the south.", [("intercepted", "drone", 64, "exact")]),
    ("Electronic warfare suppressed 40 drones.", [("suppressed", "drone", 40, "exact")]),
    # an adverb before the jamming verb does not split the pair
    ("Its crews brought down or electronically jammed 95 drones and 6 missiles.",
     [("intercepted", "drone", 95, "exact"), ("intercepted", "missile", 6, "exact")]),
    ("Jets and gunners electronically suppressed 18 drones.", [("suppressed", "drone", 18, "exact")]),
])
def test_a_kill_verb_or_a_jamming_verb_counts_as_intercepted(sentence: str, expected: list) -> None:
    assert figures(sentence) == expected


def test_a_copula_after_a_labelled_count_names_the_missile_kind() -> None:
    text = "Of the intercepted missiles, 11 were Kalibrs."
    assert figures(text) == [("intercepted", "cruise_missile", 11, "exact")]


def test_one_of_the_missiles_after_a_kill_verb_is_a_count() -> None:
    text = "The army fired six Iskander-M missiles; gunners shot down 40 drones and one of the missiles."
    assert ("intercepted", "ballistic_missile", 1, "exact") in figures(text)


def test_an_aside_naming_part_of_the_group_does_not_hide_its_verb() -> None:
    text = "A pensioner was killed and nine people, including two teenagers, were wounded."
    assert ("injured", "people", 9, "exact") in figures(text)
    assert ("killed", "people", 9, "exact") not in figures(text)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Four houses and a shop sustained damage.", ("damaged", "buildings", 4, "exact")),
    ("A man in a nearby town was taken to hospital.", ("injured", "people", 1, "exact")),
    ("Three workers at the depot were hurt.", ("injured", "people", 3, "exact")),
    ("Russia launched 150 strike assets at the south.", ("launched", "aerial_weapon", 150, "exact")),
])
def test_damage_hospital_and_strike_asset_phrasings(sentence: str, expected: tuple) -> None:
    assert expected in figures(sentence)


def test_a_count_of_its_residents_is_people() -> None:
    text = "The town has lost at least 14 of its residents, nine of them killed when a shell hit a shelter."
    assert figures(text) == [("killed", "people", 14, "at_least"), ("killed", "people", 9, "exact")]


# "destroy" in a present-tense headline; a bare launch participle after the object of a defending verb
@pytest.mark.parametrize(("text", "expected"), [
    ("Air defences destroy 64 enemy drones over the south", [("intercepted", "drone", 64, "exact")]),
    ("Crews shot down three cruise missiles fired from bombers over the Caspian.",
     [("intercepted", "cruise_missile", 3, "exact")]),
    ("Gunners downed five guided bombs and two rockets fired from a launcher, along with 70 drones.",
     [("intercepted", "guided_bomb", 5, "exact"), ("intercepted", "missile", 2, "exact"),
      ("intercepted", "drone", 70, "exact")]),
    # a launch verb with its auxiliary is the clause's own verb: "were fired"
    ("In the south 12 missiles were fired at the port.", [("launched", "missile", 12, "exact")]),
])
def test_a_participle_that_describes_weapons_is_not_their_measure(
        text: str, expected: list[tuple[str, str, int, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # who the people counted are, or how they are now, is no new count
    ("Four people were wounded at the depot; three of them were drivers.", [("injured", "people", 4, "exact")]),
    ("Eleven people were hurt, and six of them remain in hospital.", [("injured", "people", 11, "exact")]),
    # a narrower class still counts: the measure of the people before
    ("Ten people were injured, and two of them were children.",
     [("injured", "people", 10, "exact"), ("injured", "children", 2, "exact")]),
])
def test_of_them_with_a_copula_describes_people(text: str, expected: list[tuple[str, str, int, str]]) -> None:
    assert figures(text) == expected


def test_one_of_a_count_with_the_same_verb_is_no_new_count() -> None:
    text = "At least six drones hit the suburb. One of them hit a warehouse roof."
    assert figures(text) == [("hit", "drone", 6, "at_least")]


def test_a_person_of_a_facility_before_the_verb_is_counted() -> None:
    assert figures("One worker of the terminal had been injured, the owner said.") == [
        ("injured", "people", 1, "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    # the object of a verb before it takes no verb from a later clause's subject
    ("Gunners brought down 210 drones and nine missiles, and 40 drones were jammed, the army said.",
     [("intercepted", "drone", 210, "exact"), ("intercepted", "missile", 9, "exact"),
      ("suppressed", "drone", 40, "exact")]),
    # a coordinated subject still shares the verb after it
    ("Overnight 120 drones and six missiles were shot down.",
     [("intercepted", "drone", 120, "exact"), ("intercepted", "missile", 6, "exact")]),
])
def test_a_verb_after_a_later_item_is_not_the_objects(text: str, expected: list) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "one of N people killed": the N are the dead, the one is a person among them
    ("The baker was one of five people killed when the shell landed.", [("killed", "people", 5, "exact")]),
    ("The driver was one of the six people wounded in the blast.", [("injured", "people", 6, "exact")]),
    # "two of the ten passengers were killed": the verb is the part's, the ten are who they were
    ("Two of the ten passengers were killed, the police said.", [("killed", "people", 2, "exact")]),
])
def test_a_part_of_a_count_of_people(text: str, expected: list) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Three cottages near the lake had their windows blown out.", [("damaged", "buildings", 3, "exact")]),
    ("Fire gutted the yard and three warehouses were damaged.", [("damaged", "buildings", 3, "exact")]),
    ("One missile came down beside the bus station.", [("hit", "missile", 1, "exact")]),
])
def test_damage_and_impact_phrasings(text: str, expected: list) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The enemy fired 30 drones and 17 missiles at the city, of which nine were cruise missiles.", "cruise_missile"),
    ("Moscow used 12 missiles overnight, and four of these were ballistic missiles.", "ballistic_missile"),
])
def test_a_copula_after_a_bare_number_names_a_narrower_missile_class(sentence: str, kind: str) -> None:
    """"..., of which nine were cruise missiles": a part of the missiles launched, of the class named."""
    found = figures(sentence)
    assert ("launched", kind, found[-1][2], "exact") == found[-1], found
    assert ("launched", "missile", found[-1][2], "exact") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("The blast injured a bus driver.", [("injured", "people", 1, "exact")]),
    ("Officials said three bus passengers were wounded.", [("injured", "people", 3, "exact")]),
])
def test_a_vehicle_before_a_person_noun_only_describes_the_person(text: str, expected: list) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "A missile struck a substation in the suburbs, cutting power to roughly 12,000 homes.",
    "Drones destroyed a transformer, leaving 9,500 apartments without central heating.",
    "Shelling damaged the pumping station and disrupted water supplies to 4,000 homes.",
])
def test_homes_left_without_power_are_no_damage(text: str) -> None:
    """An outage's count of homes or customers is a statistic, not buildings a wave damaged."""
    assert figures(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The drones damaged 14 homes and cut power to the village.", [("damaged", "buildings", 14, "exact")]),
    ("The attack killed two people without warning.", [("killed", "people", 2, "exact")]),
    ("Two people lost their lives in the strike.", [("killed", "people", 2, "exact")]),
])
def test_damage_beside_an_outage_still_counts(text: str, expected: list) -> None:
    assert figures(text) == expected


# "N of them" / "N of whom" after a count of people: a part of the same people, unless a verb or a scene
# of its own makes it a count
@pytest.mark.parametrize(("text", "expected"), [
    ("Eleven residents were hurt, three of them critically.", [("injured", "people", 11, "exact")]),
    ("Nineteen passengers were injured, six of whom stay in hospital.", [("injured", "people", 19, "exact")]),
    ("Ten workers were wounded, two of them in hospital.", [("injured", "people", 10, "exact")]),
    ("Eight people were hurt, and two of them died on the way to hospital.",
     [("injured", "people", 8, "exact"), ("killed", "people", 2, "exact")]),
    ("Shelling killed five villagers this week, four of them in the Monday raid.",
     [("killed", "people", 5, "exact"), ("killed", "people", 4, "exact")]),
])
def test_a_part_of_counted_people_is_no_count_of_its_own(text: str, expected: list) -> None:
    assert figures(text) == expected


def test_weapons_on_their_course_take_the_verb_after_the_course() -> None:
    text = "The mayor said 14 drones approaching the city from the north had been shot down."
    assert figures(text) == [("intercepted", "drone", 14, "exact")]


def test_drone_impacts_count_weapons_that_got_through() -> None:
    text = "Gunners downed 40 drones; monitors logged 9 drone impacts in three districts."
    assert ("hit", "drone", 9, "exact") in figures(text)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a damage phrase that cannot fit the counted thing gives way to its bare participle: a drone
    # "destroyed" is intercepted, a house "destroyed" is damaged
    ("The ministry said 38 Ukrainian drones had been destroyed overnight.", [("intercepted", "drone", 38, "exact")]),
    ("Fourteen houses had been destroyed by the morning.", [("damaged", "buildings", 14, "exact")]),
    # people still in treatment are injured
    ("Nine people are now being treated for injuries after the strike.", [("injured", "people", 9, "exact")]),
])
def test_a_measure_verb_that_fits_the_counted_thing(sentence: str, expected: list) -> None:
    assert figures(sentence) == expected


def test_each_item_of_a_list_told_with_a_copula_names_its_own_missile_class() -> None:
    found = figures("Russia launched 36 missiles overnight. Of the missiles, 22 were Kh-101 cruise missiles fired "
                    "from bombers, 13 were Iskander-M ballistic missiles and one was the Oreshnik.")
    assert ("launched", "cruise_missile", 22, "exact") in found
    assert ("launched", "ballistic_missile", 13, "exact") in found
    assert ("launched", "ballistic_missile", 1, "exact") in found


def test_a_list_item_with_its_own_copula_keeps_its_own_launch_participle() -> None:
    text = ("Of the missiles, 31 were Kh-101 cruise missiles, six were Kalibr cruise missiles launched from "
            "submarines and two were Iskander-M ballistic missiles.")
    values = {(measure, what, value) for measure, what, value, _ in figures(text)}
    assert {("launched", "cruise_missile", 31), ("launched", "cruise_missile", 6),
            ("launched", "ballistic_missile", 2)} <= values
