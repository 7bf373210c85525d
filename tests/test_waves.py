"""How the assembler (``attacks._Assembler``) keeps a wave's figures apart from restatements:
invented reports, one per way a text repeats or bounds a figure it gives elsewhere."""

from datetime import date

import pytest

from warledger.extract import extract_article
from warledger.extract.attacks import find_attacks
from warledger.extract.rules import load_rules
from warledger.records import Article
from warledger.resolve.gazetteer import load_gazetteer

RULES = load_rules()
GAZ = load_gazetteer()
PUBLISHED = date(2025, 9, 12)


def waves_of(text: str) -> dict[tuple[str, str | None], set[tuple[str, str, int]]]:
    """(attacker, date) -> the (measure, what, value) of every figure of that wave."""
    out: dict[tuple[str, str | None], set[tuple[str, str, int]]] = {}
    for attack in find_attacks(text, PUBLISHED, RULES, GAZ):
        out.setdefault((attack.attacker, attack.date), set()).update(
            (str(f.measure), str(f.what), f.value) for f in attack.figures)
    return out


def test_a_heading_bound_gives_way_to_the_exact_count_under_it() -> None:
    text = ("Russian drones struck Odesa overnight, officials said.\n"
            "Wounded count rises past 40\n"
            "The regional governor now says 43 people were injured in Odesa overnight.")
    figures = set().union(*waves_of(text).values())
    assert ("injured", "people", 43) in figures
    assert ("injured", "people", 40) not in figures


def test_a_heading_bound_the_count_under_it_contradicts_stays() -> None:
    text = ("Russian drones struck Odesa overnight, officials said.\n"
            "Wounded count rises past 40\n"
            "The regional governor now says 31 people were injured in Odesa overnight.")
    figures = set().union(*waves_of(text).values())
    assert ("injured", "people", 40) in figures


def test_missiles_of_a_wave_that_launched_one_class_are_of_that_class() -> None:
    text = ("Overnight Russia attacked Ukraine with 80 drones and five ballistic missiles, the air force said. "
            "Hits by two missiles and nine drones were recorded.")
    figures = set().union(*waves_of(text).values())
    assert ("hit", "ballistic_missile", 2) in figures
    assert ("hit", "missile", 2) not in figures


def test_missiles_of_a_wave_of_two_classes_stay_unclassed() -> None:
    text = ("Overnight Russia attacked Ukraine with 80 drones, four cruise missiles and five ballistic missiles, "
            "the air force said. Hits by two missiles and nine drones were recorded.")
    figures = set().union(*waves_of(text).values())
    assert ("hit", "missile", 2) in figures


def test_unnamed_weapons_equal_to_a_drone_count_restate_it() -> None:
    text = ("Russia launched 300 drones at Ukraine overnight, the air force said. "
            "Air defences shot down 250 of the drones. "
            "Critics noted the military shot down only 250.")
    figures = set().union(*waves_of(text).values())
    assert ("intercepted", "drone", 250) in figures
    assert ("intercepted", "aerial_weapon", 250) not in figures


RECALLED = ("Russia launched 612 drones and 30 missiles at Ukraine on Wednesday night, the air force said.\n\n"
            "Was it a record? The previous largest attack came on the night of September 6-7, when Russia "
            "launched 480 drones and 20 missiles.\n\n"
            "Our verdict: the figure of 612 drones, and 642 aerial weapons in total, is what the air force "
            "reported.")


def test_a_recalled_night_does_not_take_a_restatement_of_the_current_one() -> None:
    waves = waves_of(RECALLED)
    assert ("launched", "drone", 612) in waves[("RU", "2025-09-11")]
    assert ("launched", "drone", 612) not in waves[("RU", "2025-09-07")]
    assert {("launched", "drone", 480), ("launched", "missile", 20)} <= waves[("RU", "2025-09-07")]


def test_a_recalled_night_keeps_the_figures_of_the_sentence_that_dates_it() -> None:
    text = ("Russia launched 612 drones and 30 missiles at Ukraine on Wednesday night, the air force said.\n\n"
            "The previous largest attack came on the night of September 6-7, when Russia launched 480 drones "
            "and 30 missiles.")
    assert ("launched", "missile", 30) in waves_of(text)[("RU", "2025-09-07")]


def test_a_restatement_dropped_from_a_recalled_night_is_no_statistic() -> None:
    extraction = extract_article(Article(id="t", text=RECALLED, published=PUBLISHED.isoformat()))
    assert all(s.value != 612 for s in extraction.statistics)


def test_the_day_a_toll_was_counted_by_is_not_a_new_wave() -> None:
    # published Friday 12 September: the night of Tuesday ends on Wednesday the 10th
    text = ("On Tuesday night Russia fired 200 drones at Ukraine. By Thursday evening the city had counted "
            "at least 11 dead. Some 40 people were wounded.")
    assert {day for _, day in waves_of(text)} == {"2025-09-10"}


def test_a_day_named_in_an_earlier_paragraph_does_not_date_a_later_overnight() -> None:
    text = ("The ministry on Monday claimed the capture of two villages.\n\n"
            "The number of people killed in the overnight strike on Sumy has risen to three, officials said.")
    assert set(waves_of(text)) == {("RU", PUBLISHED.isoformat())}


def test_a_sentence_naming_the_waves_night_dates_the_figures_after_it() -> None:
    text = ("Monthly totals fell in August, the desk found.\n\n"
            "The heaviest wave came overnight into Sunday, August 31. "
            "Russia used 300 drones in that attack, the air force said.")
    got = waves_of(text)
    assert ("launched", "drone", 300) in got[("RU", "2025-08-31")]


def test_a_blow_that_came_overnight_dates_the_figures_after_it() -> None:
    # published Friday 12 September: "overnight into Thursday" is the night that ended on the 11th
    text = ("Residents swept glass from the stairwells again.\n\n"
            "The newest blow came overnight into Thursday. Russia sent 140 drones, and air defences downed 118.")
    got = waves_of(text)
    assert ("launched", "drone", 140) in got[("RU", "2025-09-11")]


def test_one_day_of_strikes_is_a_wave_and_a_week_since_last_tuesday_is_not() -> None:
    day = ("Officials said Russian aircraft dropped at least five glide bombs on Kherson within an hour, and that "
           "about 15 drones attacked the city over the course of the day.")
    figures = {f for wave in waves_of(day).values() for f in wave}
    assert {("launched", "guided_bomb", 5), ("launched", "drone", 15)} <= figures
    week = "Kyiv says Moscow has sent over 900 drones against Ukraine since last Tuesday."
    assert not any(waves_of(week).values())


def test_a_date_a_period_runs_until_does_not_date_a_wave() -> None:
    text = ("The truce was supposed to last until September 1, and within days Russia launched "
            "150 drones at the grid.")
    assert ("RU", "2025-09-01") not in waves_of(text)


@pytest.mark.parametrize("sentence", [
    "Taken together, the air force logged 2,900 drones in the month, below July's 3,100.",
    "That is 8% fewer than June's 4,120 drones.",
])
def test_a_months_total_is_no_figure_of_a_wave(sentence: str) -> None:
    got = waves_of("Russia launched 50 drones at Sumy overnight, the air force said. " + sentence)
    assert all(v == 50 for figs in got.values() for _, _, v in figs)


def test_a_capital_setting_a_statement_opens_no_wave() -> None:
    text = ("Russia sent 60 drones at Ukraine overnight, the air force said. Ukrainian drones hit a depot in "
            "the Kursk region, its governor said.\n\nIn Moscow, the Kremlin again said the strikes targeted "
            "only military sites.")
    for attack in find_attacks(text, PUBLISHED, RULES, GAZ):
        assert all(p.name != "Moscow" for p in attack.places), attack


def test_a_capitals_ministry_is_no_place() -> None:
    text = "Ukraine attacked again overnight. According to Moscow's defence ministry, 70 Ukrainian drones were downed."
    (attack,) = find_attacks(text, PUBLISHED, RULES, GAZ)
    assert all(p.name != "Moscow" for p in attack.places), attack.places


def test_the_same_night_after_a_recalled_paragraph_is_the_reports_night() -> None:
    text = ("Ukrainian drones struck a refinery in the Samara region overnight into Friday, officials said.\n\n"
            "Earlier raids hit a plant in the Rostov region on 2 September.\n\n"
            "Fuel prices have risen by a third this year.\n\n"
            "Russia's own attack the same night was bigger: it launched 80 drones at Ukraine, the air force said.")
    waves = waves_of(text)
    assert ("launched", "drone", 80) in waves[("RU", "2025-09-12")], waves


def test_the_night_of_a_named_strike_takes_that_strikes_date() -> None:
    text = ("Ukrainian drones struck a refinery in the Samara region overnight into Friday, officials said.\n\n"
            "Before that, drones hit the Novoshakhtinsk plant on 3 September; the Afipsky plant on 6 September. "
            "On the night of the Novoshakhtinsk raid, Moscow said it had downed 35 drones.")
    waves = waves_of(text)
    assert ("intercepted", "drone", 35) in waves[("UA", "2025-09-03")], waves


def test_that_weekday_takes_the_date_of_the_sentence_before() -> None:
    # the lede dates the night; the strike sentence only says "that Friday"
    text = ("By the morning of 5 September, the western suburbs had no water.\n\n"
            "By the morning of 5 September the town was dark. Overnight into that Friday, Russia launched "
            "120 drones at Ukraine.\n\n"
            "Overnight into Thursday 11 September, Russia launched 60 drones at Ukraine.")
    waves = waves_of(text)
    assert ("launched", "drone", 120) in waves[("RU", "2025-09-05")]
    assert ("launched", "drone", 60) in waves[("RU", "2025-09-11")]


def test_a_day_before_an_event_is_no_rate() -> None:
    text = ("Russian missiles struck Kharkiv overnight, killing at least three people, a day before "
            "the talks in Rome.")
    assert ("killed", "people", 3) in next(iter(waves_of(text).values()))


def test_damaged_for_the_fifth_time_since_a_month_is_one_strike() -> None:
    text = ("Overnight into Tuesday, Russian drones hit Kremenchuk. In Kremenchuk, a strike on a substation "
            "left the district dark, and a boiler house was damaged for the third time since November.")
    attack = find_attacks(text, PUBLISHED, RULES, GAZ)[0]
    assert any("substation" in t.name for t in attack.targets)


def test_a_bare_overnight_after_a_dated_strike_in_its_paragraph_is_that_night() -> None:
    # published Friday 12 September: the paragraph's strike was on Tuesday, its "overnight" too
    text = ("The week opened with a Ukrainian drone strike on the Volgograd refinery early on Tuesday. "
            "Russia's defence ministry said 62 drones had been downed overnight.")
    got = waves_of(text)
    assert ("intercepted", "drone", 62) in got[("UA", "2025-09-09")]


def test_a_paragraph_opening_on_a_russian_town_dates_and_sides_the_tally_after_it() -> None:
    text = ("Russia sent 90 drones at Odesa overnight.\n\n"
            "On Wednesday it was the turn of Ust-Luga, the oil port near St Petersburg. "
            "The governor said 24 drones had been shot down.")
    got = waves_of(text)
    assert ("intercepted", "drone", 24) in got[("UA", "2025-09-10")]


def test_weapons_fired_this_week_alone_are_no_wave() -> None:
    text = ("Russian drones hit Sumy overnight, killing one man. "
            "The president said Moscow had fired more than 900 drones and 50 missiles this week alone.")
    figures = set().union(*waves_of(text).values())
    assert ("launched", "drone", 900) not in figures
    assert ("killed", "people", 1) in figures


def test_casualties_from_one_date_to_another_are_a_period_not_a_wave() -> None:
    text = ("Russian glide bombs struck Zaporizhzhia overnight, injuring four people. "
            "Between 3 October and 9 January, no fewer than 52 civilians died in the region and 260 were hurt, "
            "prosecutors reported. "
            "From November 5 until January 20, Russia fired 1,900 drones at the oblast.")
    figures = set().union(*waves_of(text).values())
    assert ("injured", "people", 4) in figures
    assert not {f for f in figures if f[2] in (52, 260, 1900)}, figures


@pytest.mark.parametrize("text", [
    "Overnight from 14 to 15 March, Russia launched 60 drones at Odesa.",
    "From 2am to 6am, Russia launched 60 drones at Odesa.",
])
def test_a_night_told_by_two_dates_or_two_hours_is_still_one_wave(text: str) -> None:
    figures = set().union(*waves_of(text).values())
    assert ("launched", "drone", 60) in figures


def test_an_age_between_commas_after_a_name_is_no_count() -> None:
    text = ("Russian drones attacked Poltava overnight. Air defence destroyed 18 of the drones over the city. "
            "Taras Hnatiuk, 47, waited out the raid in his cellar with his son.")
    figures = set().union(*waves_of(text).values())
    assert ("intercepted", "drone", 18) in figures
    assert not {f for f in figures if f[2] == 47}, figures


def test_a_sentence_going_on_with_a_weeks_totals_opens_no_wave() -> None:
    text = ("Over the past week Russia used about 900 drones and 1,100 glide bombs against Ukraine, the president "
            "said. Most of the bombs fell on towns of the Kharkiv and Sumy regions.")
    assert all(not a.places for a in find_attacks(text, PUBLISHED, RULES, GAZ))


def test_every_number_listed_with_a_past_month_is_that_months_total() -> None:
    # the month cue stands near the first number only; the ones listed after it are the same month's
    text = ("Russia attacked Kharkiv with 30 drones overnight, the mayor said.\n\n"
            "In March, the president said, Moscow fired more than 4,200 drones, about 170 missiles and "
            "over 3,900 glide bombs at Ukraine.")
    found = set().union(*waves_of(text).values())
    assert ("launched", "drone", 30) in found
    assert not {v for _, _, v in found} & {4200, 170, 3900}


def test_a_month_alone_is_a_span_of_totals() -> None:
    text = ("In August alone Russian forces used 2,700 drones and close to 120 missiles against Ukrainian "
            "cities, officials said.")
    assert not waves_of(text)


def test_a_third_person_dying_brings_the_toll_to_three() -> None:
    text = ("Russian missiles struck Sumy overnight, killing two people, the governor said.\n\n"
            "A third person has died in hospital, the governor said on Tuesday.")
    found = set().union(*waves_of(text).values())
    assert ("killed", "people", 3) in found
    assert ("killed", "people", 1) not in found


def test_a_list_counted_at_a_past_point_is_no_wave_whichever_of_its_figures_stands_near_the_cue() -> None:
    # "in August" stands near the missiles, far from the drones listed with them: both are the month's
    text = ("Russia launched more than 4,100 drones and nearly 200 missiles of various types against Ukraine "
            "in August.")
    assert not waves_of(text)
    found = extract_article(Article(id="t", text=text, published=PUBLISHED.isoformat()))
    assert {(s.value, s.unit) for s in found.statistics} == {(4100, "drones"), (200, "missiles")}


def test_a_count_of_consumers_after_a_casualty_is_no_casualty() -> None:
    text = "One worker was hurt, and about 6,300 consumers were left without electricity."
    assert list(waves_of(text).values()) == [{("injured", "people", 1)}]


def test_the_part_of_a_whole_described_by_a_participle_takes_the_verb_after_it() -> None:
    text = "Ukraine's air force said 96 of the 118 drones launched overnight were shot down."
    assert list(waves_of(text).values()) == [{("intercepted", "drone", 96), ("launched", "drone", 118)}]


def test_an_apposition_between_a_count_and_its_verb() -> None:
    text = "Another 31 drones, mostly Gerbera decoys, were lost to electronic warfare."
    assert list(waves_of(text).values()) == [{("suppressed", "drone", 31)}]
