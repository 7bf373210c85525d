"""Who struck whom (``context.analyse`` side scores, ``attacks._Assembler`` waves): invented
reports, one per way a text tells strikes of both sides, or tells a side only by its cues."""

from datetime import date

from warledger.extract.attacks import find_attacks
from warledger.extract.context import analyse
from warledger.extract.rules import load_rules
from warledger.extract.text import split_sentences
from warledger.resolve.gazetteer import load_gazetteer

RULES = load_rules()
GAZ = load_gazetteer()
PUBLISHED = date(2025, 10, 4)


def waves(text: str) -> dict[str, dict[str, set[str]]]:
    """attacker -> {"targets": names, "places": names, "launch": names, "figures": "measure what value"}."""
    out: dict[str, dict[str, set[str]]] = {}
    for a in find_attacks(text, PUBLISHED, RULES, GAZ):
        w = out.setdefault(str(a.attacker), {"targets": set(), "places": set(), "launch": set(), "figures": set()})
        w["targets"] |= {t.name for t in a.targets}
        w["places"] |= {p.name for p in a.places}
        w["launch"] |= {p.name for p in a.launch_areas}
        w["figures"] |= {f"{f.measure} {f.what} {f.value}" for f in a.figures}
    return out


def side(text: str) -> int:
    (sentence,) = split_sentences(text)
    return analyse(sentence, text, RULES, GAZ, PUBLISHED).side_score


def test_clauses_after_a_semicolon_tell_each_side_its_own_strike() -> None:
    text = ("Moscow says Ukrainian drones damaged a pumping station near Belgorod on Monday; Kyiv says "
            "Russian drones went on hitting substations in the Kherson region.")
    got = waves(text)
    assert any("substations" in t for t in got["RU"]["targets"])
    assert not any("substations" in t for t in got["UA"]["targets"])
    assert any("pumping station" in t for t in got["UA"]["targets"])


def test_a_while_clause_keeps_a_russian_port_in_the_ukrainian_wave() -> None:
    text = ("Ukrainian drones attacked the Russian port of Novorossiysk overnight, while Russia launched "
            "90 drones at Ukraine.")
    got = waves(text)
    assert "Novorossiysk" in got["UA"]["places"]
    assert "Novorossiysk" not in got["UA"]["launch"] | got["RU"]["launch"]
    assert any("port" in t for t in got["UA"]["targets"])
    assert not got["RU"]["targets"]
    assert "launched drone 90" in got["RU"]["figures"]


def test_a_headline_telling_both_ways_splits_at_the_semicolon() -> None:
    text = "Novorossiysk oil terminal ablaze after drone raid; Russian strikes kill three across Ukraine"
    got = waves(text)
    assert any("Novorossiysk" in t for t in got["UA"]["targets"])
    assert not any("Novorossiysk" in t for t in got.get("RU", {}).get("targets", set()))
    assert "killed people 3" in got["RU"]["figures"]


def test_a_list_of_places_joined_by_and_is_one_clause() -> None:
    # "and" before a place is no clause break: the whole sentence is one Russian strike
    text = "Russian drones hit Kharkiv and Sumy overnight, damaging a school."
    got = waves(text)
    assert set(got) == {"RU"}
    assert {"Kharkiv", "Sumy"} <= got["RU"]["places"]


def test_launch_areas_stay_with_the_russian_clause() -> None:
    text = ("Russia launched 50 drones from the Kursk region at Ukraine, while Ukrainian drones struck "
            "a refinery in the Samara region.")
    got = waves(text)
    assert "Kursk Oblast" in got["RU"]["launch"]
    assert "Samara Oblast" in got["UA"]["places"]
    assert any("refinery" in t for t in got["UA"]["targets"])


def test_an_alleged_ukrainian_attempt_is_a_ukrainian_strike() -> None:
    assert side("Moscow alleges a drone attack on a government residence near Valdai.") > 0
    assert side("The ministry called it revenge for a Ukrainian plan to hit a dacha with drones.") > 0


def test_a_strike_told_in_ukraine_is_russian() -> None:
    assert side("The ministry said the strike targeted critical infrastructure in Ukraine.") < 0
    assert side("Drones struck energy facilities in Russia overnight.") > 0


def test_a_place_named_outweighs_the_country_cue() -> None:
    # "in Ukraine" is a weak cue: two places in Russia still make it a Ukrainian strike
    assert side("In a rare admission, officials said drones hit Belgorod and Kursk, as the war in Ukraine "
                "goes on.") > 0


def test_casualties_in_the_capital_tell_a_russian_strike() -> None:
    assert side("Two people were killed in Kyiv after the drone attack.") < 0


def test_the_capital_as_a_speaker_or_a_place_of_talks_tells_no_side() -> None:
    assert side("In Kyiv, officials said the drone strike hit a depot.") == 0
    assert side("The envoy will hold talks in Moscow about the drone strikes.") == 0


def test_moscow_claiming_its_own_strike_is_a_russian_strike() -> None:
    text = "The Russian defence ministry said it had struck depots supplying the army near Poltava on Friday."
    got = waves(text)
    assert any("depots" in t for t in got["RU"]["targets"])
    assert "UA" not in got


def test_a_ministry_claiming_a_shoot_down_still_tells_a_ukrainian_strike() -> None:
    assert side("The Russian defence ministry said it destroyed 31 drones over the Kursk region.") > 0


def test_a_strike_on_front_line_areas_is_still_a_strike() -> None:
    text = "Russia launched 70 attack drones overnight, mostly at front-line areas, the air force said."
    assert "launched drone 70" in waves(text)["RU"]["figures"]


def test_the_front_line_itself_is_no_strike() -> None:
    text = "Two soldiers were killed on the frontline near the river, the brigade said."
    assert waves(text) == {}


def test_the_mayor_of_moscow_tells_a_ukrainian_strike() -> None:
    text = "Moscow Mayor Sergei Sobyanin said air defences shot down six drones flying at the city."
    assert side(text) > 0


def test_a_capital_where_a_ministry_speaks_is_no_place_of_the_wave() -> None:
    text = ("In Moscow, the Defence Ministry said 30 Ukrainian drones were downed over the Oryol region. "
            "In Kyiv, the city's military administration said two people were hurt by Russian drones.")
    found = waves(text)
    assert "Moscow" not in found["UA"]["places"] and "Kyiv" in found["RU"]["places"]
