"""Statistics read from sentences: one case per phrasing (value, unit, qualifier), what is not a
statistic, the statistics rule file's own examples, and properties for any text."""

from __future__ import annotations

import math
import tomllib
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.errors import RuleError
from warledger.extract.statistic_rules import load_stat_rules, parse_stat_rules
from warledger.extract.statistics import find_statistics
from warledger.extract.text import split_sentences
from warledger.records import Statistic


def stats(text: str, figure_spans: list[tuple[int, int]] | None = None) -> list[Statistic]:
    return list(find_statistics(text, split_sentences(text), figure_spans or [], None))


def triples(text: str) -> list[tuple[float, str, str]]:
    return [(s.value, s.unit, str(s.qualifier)) for s in stats(text)]


CASES = [
    # percentages and fractions
    ("By one estimate 12 percent of the country's refining capacity is idle.", [(12, "percent", "exact")]),
    ("Moscow now holds roughly 18% of the country.", [(18, "percent", "approx")]),
    ("Pollsters found that 61 per cent oppose any land swap.", [(61, "percent", "exact")]),
    ("Since 2023 the army has lost less than 2 percent of the territory.", [(2, "percent", "at_most")]),
    ("Occupying forces hold about a fifth of the country.", [(20, "percent", "approx")]),
    ("The enemy controls nearly three-quarters of the province.", [(75, "percent", "approx")]),
    ("Strikes have wrecked roughly half of the country's generation.", [(50, "percent", "approx")]),
    ("Two-thirds of those polled distrust the talks.", [(67, "percent", "exact")]),
    # money
    ("Parliament approved $61 billion in aid.", [(61_000_000_000, "USD", "exact")]),
    # a scale joined by a hyphen (a Canadian daily's style); a bare "$" after a dollar country is its money
    ("Ottawa has given more than $19-billion to Kyiv since 2022.", [(19_000_000_000, "CAD", "at_least")]),
    ("Australia's aid since 2022 now tops $1.1 billion.", [(1_100_000_000, "AUD", "at_least")]),
    ("The US has sent $70 billion in arms since 2022, a Canadian minister said.", [(70_000_000_000, "USD", "exact")]),
    ("Kyiv says Moscow offered the U.S. a $9 trillion trade package.", [(9_000_000_000_000, "USD", "exact")]),
    ("The fund adds a further $400m a year.", [(400_000_000, "USD", "exact")]),
    ("Brussels agreed to lend 50 billion euros ($54bn) to Kyiv.",
     [(50_000_000_000, "EUR", "exact"), (54_000_000_000, "USD", "exact")]),
    ("Donors pledged more than €7 billion for rebuilding.", [(7_000_000_000, "EUR", "at_least")]),
    ("London added £1.5bn of military support.", [(1_500_000_000, "GBP", "exact")]),
    ("Each interceptor costs around $3 million.", [(3_000_000, "USD", "approx")]),
    ("A single decoy costs somewhere between $10,000 and $20,000.",
     [(10_000, "USD", "approx"), (20_000, "USD", "exact")]),
    # distances, areas, speeds, masses, energy
    ("The refinery lies some 1,300 kilometres from the border.", [(1300, "km", "approx")]),
    ("Fighting rages along the 1,100-km (680-mile) front line.", [(1100, "km", "exact"), (680, "miles", "exact")]),
    ("The new drone has a 2,500-kilometre range.", [(2500, "km", "exact")]),
    ("Troops retook 150 square kilometres of farmland last week.", [(150, "km2", "exact")]),
    ("Its forces advanced 90sq km in a month.", [(90, "km2", "exact")]),
    ("The glider flies at about 190 km/h.", [(190, "km/h", "approx")]),
    ("The warhead reaches Mach 8, or some 9,000 kilometres per hour.",
     [(8, "Mach", "exact"), (9000, "km/h", "approx")]),
    ("Each bomb carries up to 500 kg of explosives.", [(500, "kg", "at_most")]),
    ("Strikes have knocked out 8 gigawatts of generating capacity.", [(8, "GW", "exact")]),
    ("The terminal ships about 9 million tonnes of oil products a year.", [(9_000_000, "tonnes", "approx")]),
    ("The plant refines roughly 200,000 barrels a day.", [(200_000, "barrels per day", "approx")]),
    ("Kyiv must import 3.5 billion cubic metres of gas.", [(3_500_000_000, "cubic metres", "exact")]),
    ("Forecasters expect minus 18 degrees Celsius on Friday.", [(-18, "degrees Celsius", "exact")]),
    ("Drones outnumber the defenders' by a ratio of 1.5 to 1.", [(1.5, "ratio", "exact")]),
    # campaign counts: weapons and people over a period or in a state
    ("Over the past week Russia launched more than 1,200 drones and about 70 missiles.",
     [(1200, "drones", "at_least"), (70, "missiles", "approx")]),
    ("Since March 1 the enemy has fired 3,400 guided aerial bombs at the region.", [(3400, "bombs", "exact")]),
    # "since last Tuesday" is a week of strikes, not the hours "since Tuesday evening" are
    ("Kyiv says Moscow has sent over 900 drones against Ukraine since last Tuesday.", [(900, "drones", "at_least")]),
    ("The factory turns out roughly 2,000 attack drones a month.", [(2000, "drones", "approx")]),
    ("The plant now exceeds 2,100 a month, officials estimate, after building 900 drones in May.",
     [(900, "drones", "exact")]),
    ("More than 13,000 civilians have been killed since the invasion began.", [(13000, "people", "at_least")]),
    ("About 5 million people have fled abroad and nearly 4 million live under occupation.",
     [(5_000_000, "people", "approx"), (4_000_000, "people", "approx")]),
    ("Officials counted 20,000 casualties in January and more than 9,000 wounded.",
     [(20000, "people", "exact"), (9000, "people", "at_least")]),
    ("The town had a pre-war population of 45,000.", [(45000, "people", "exact")]),
    ("The draft caps the army at 600,000.", [(600_000, "troops", "exact")]),
    ("Moscow handed over the bodies of 900 fallen soldiers.", [(900, "bodies", "exact")]),
    # counts that are statistics wherever they stand
    ("Both sides released 250 prisoners of war on Friday.", [(250, "people", "exact")]),  # gold-conventions rule 1
    ("Ukraine says 1,900 children taken to Russia have been brought home since 2022.", [(1900, "children", "exact")]),
    ("Some 30 countries joined the coalition.", [(30, "countries", "approx")]),
    ("Kyiv asked for 12 more Patriot air defence systems.", [(12, "systems", "exact")]),
    ("The EU shipped 300 emergency generators to hospitals.", [(300, "generators", "exact")]),
    ("About 150 repair crews worked through the night.", [(150, "crews", "approx")]),
    ("Analysts put the ghost fleet at between 500 and 900 oil tankers.",
     [(500, "tankers", "exact"), (900, "tankers", "exact")]),
    ("Its grid operator says the plants were attacked more than 150 times since 2022.",
     [(150, "attacks", "at_least")]),
    ("Russian forces struck the district 1,200 times in a single day.", [(1200, "strikes", "exact")]),
    # outages
    ("The strike left 250,000 homes without electricity.", [(250_000, "homes", "exact")]),
    ("Some 2,000 apartment buildings remain without heating.", [(2000, "buildings", "approx")]),
    # spans of time that measure something
    ("The two leaders spoke for about three hours.", [(3, "hours", "approx")]),
    ("Moscow agreed to halt strikes on power plants for 30 days.", [(30, "days", "exact")]),
    ("Households face power cuts of up to 12 hours a day.", [(12, "hours", "at_most")]),
    ("The guarantees would last 20 years.", [(20, "years", "exact")]),
    ("Kyiv wants at least 45 days of ceasefire before any vote.", [(45, "days", "at_least")]),
    # days of attacks since a weekday; a measured term set off by a comma; a day's losses; a tally of equipment
    ("Moscow has fired more than 1,700 drones at Ukraine since Monday alone, the president said.",
     [(1700, "drones", "at_least")]),
    ("Kyiv offers a ten-year pact, while Warsaw wants a longer term, up to 25 years.",
     [(25, "years", "at_most")]),
    ("The enemy lost up to 980 servicemen in the past 24 hours, the General Staff claimed.",
     [(980, "people", "at_most")]),
    ("Since the special military operation began, the ministry says, 512 aircraft, 201 helicopters and 19,400 "
     "tanks have been destroyed.", [(512, "aircraft", "exact"), (201, "helicopters", "exact"),
                                    (19400, "tanks", "exact")]),
]

NOT_STATISTICS = [
    "Russia launched 90 drones and four missiles overnight, the air force said.",
    "Four people were killed and 12 injured in the strike on the city.",
    "The strike damaged 14 apartment buildings and 30 cars.",
    "The two countries signed the memorandum in 2024.",
    "Talks resumed two days later in the Turkish city.",
    "Hits were recorded at 11 locations across six regions.",
    "A 52-year-old man died in hospital on February 3.",
    "The Security Council adopted Resolution 1441 in a 13-2 vote.",
    "He outlined a 20-point plan at 14:30 on the 3rd of May.",
    "The delegations reduced the draft to the remaining three chapters.",
    "Rescuers recovered two more bodies from the rubble.",
    "Only three years ago the country had no long-range drones.",
    "Photo 2 of 7: the scene after the blast.",
    "The Geran-2 and the Kh-101 were both used, along with an Su-34.",
    "The blast left a crater 40m wide next to the 1990s-era depot.",
    "Two warm blankets and four pairs of socks were all she had.",
    # an ordinal attack dates the strike; its period does not make the damaged plants a statistic
    "The operator said three of its substations were hit in the fifth attack on the grid this month.",
    # hours since an evening: one night's toll
    "Since Sunday evening, six people have been killed in the region.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_statistic_in_sentence(text: str, expected: list[tuple[float, str, str]]) -> None:
    got = triples(text)
    assert len(got) == len(expected), got
    for (value, unit, qualifier), want in zip(got, expected, strict=True):
        assert math.isclose(value, want[0], rel_tol=1e-9), got
        assert (unit, qualifier) == want[1:], got


@pytest.mark.parametrize("text", NOT_STATISTICS, ids=[t[:48] for t in NOT_STATISTICS])
def test_not_a_statistic(text: str) -> None:
    assert triples(text) == []


def test_numbers_inside_figures_are_skipped() -> None:
    text = "Over the past week Russia launched 1,200 drones at the country."
    start = text.index("1,200")
    assert stats(text, [(start, start + len("1,200 drones"))]) == []


def test_carried_unit_across_sentences() -> None:
    text = "Ukraine was offered guarantees lasting fifteen years. Kyiv had asked for up to 30."
    assert triples(text) == [(15, "years", "exact"), (30, "years", "at_most")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Paris proposed a mission lasting 10 years or longer; the treaty draft offers only 6.",
     [(10, "years", "exact"), (6, "years", "exact")]),
    ("Brussels backed a loan term of 12 years, which the finance ministry hopes to stretch to 20 or more.",
     [(12, "years", "exact"), (20, "years", "at_least")]),
    ("Fuel sales were limited to 40 litres a car, down from 60, the regulator said.",
     [(40, "litres", "exact"), (60, "litres", "exact")]),
])
def test_a_bare_number_closing_its_clause_takes_the_measure_before(
        text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text", [
    # a count is not carried to a bare number at a clause's end: the second figure is a toll
    "The shelling of the market killed two people and wounded nine, the governor said.",
    # a number of another order is not the measure again
    "The span of the bridge is 800 metres, and it was hit 3, not 4, times.",
])
def test_a_bare_number_after_a_count_or_of_another_order_is_not_carried(text: str) -> None:
    assert all(unit != "people" and value not in (3, 4) for value, unit, _ in triples(text))


def test_the_same_measure_again_is_one_statistic() -> None:
    assert triples("The envoy spoke of a pause of 30 days, then of 30.") == [(30, "days", "exact")]


def test_a_bare_number_that_lives_on_counts_the_people_before() -> None:
    text = "The port town had some 90,000 people before the invasion. Roughly 55,000 live there today."
    assert triples(text) == [(90000, "people", "approx"), (55000, "people", "approx")]


def test_total_continues_the_count_before() -> None:
    text = "In May alone Russia launched 4,000 drones. The running total since 2022 now exceeds 35,000."
    assert triples(text) == [(4000, "drones", "exact"), (35000, "drones", "at_least")]


def test_a_bare_number_before_a_past_verb_goes_on_counting() -> None:
    text = "The factory built 3,000 shells in April, and fewer than 400 failed inspection."
    assert triples(text) == [(3000, "shells", "exact"), (400, "shells", "at_most")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow wants a truce of at least 60 days along the front.", [(60, "days", "at_least")]),
    ("The mayor asked for a pause of two weeks in the shelling.", [(2, "weeks", "exact")]),
])
def test_a_truce_of_some_length_is_measured(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


def test_a_point_in_time_after_a_truce_is_not_measured() -> None:
    assert triples("The truce collapsed two days later.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The two armies carried out a 250-for-250 swap near the border.", [(250, "people", "exact")]),
    ("Negotiators settled on a 1,200-for-1,200 exchange of captives.", [(1200, "people", "exact")]),
])
def test_a_swap_of_n_for_n_counts_the_people_each_side_hands_over(
        text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


def test_restated_measure_is_given_once() -> None:
    text = "The deal is 90 percent agreed. Officials said 90 percent of the text is settled."
    assert triples(text) == [(90, "percent", "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Exchange brings home 52 Ukrainian marines\n\nThe swap returned 52 servicemen to Kyiv on Tuesday.",
     [(52, "people", "exact")]),
    ("Both sides agreed on a 95-for-95 swap.\n\nLater, 95 Ukrainian soldiers had returned home, the ombudsman said.",
     [(95, "people", "exact")]),
    ("The sides will swap 64 POWs each.\n\nThey agreed to exchange 64 prisoners of war each on Friday.",
     [(64, "people", "exact")]),
])
def test_a_swap_count_restated_under_other_nouns_is_given_once(
        text: str, expected: list[tuple[float, str, str]]) -> None:
    """Swap stories repeat the count each side freed under other nouns (a headline's "marines", the
    body's "servicemen", an "N-for-N swap"): one value of one unit is one statistic, whatever its label."""
    assert triples(text) == expected


def test_different_captive_counts_stay_apart() -> None:
    text = "The swap freed 120 prisoners of war. Another 40 prisoners remain held since 2022."
    assert sorted(s.value for s in stats(text)) == [40, 120]


def test_statistic_fields() -> None:
    text = "According to the UN mission, more than 13,000 civilians have been killed since 2022."
    (s,) = stats(text)
    assert s.attributed_to == "UN"
    assert s.indicator and s.indicator == s.indicator.lower() and " " not in s.indicator
    assert text[s.evidence.start:s.evidence.end] == s.evidence.text == "more than 13,000 civilians"
    assert s.to_dict()["qualifier"] == "at_least"


# ---------------------------------------------------------------- the rule file


def _rules() -> list[tuple[str, str, bool]]:
    out = []
    for rule in load_stat_rules().rules:
        out += [(rule.id, text, True) for text in rule.examples]
        out += [(rule.id, text, False) for text in rule.counter_examples]
    return out


@pytest.mark.parametrize(("rule_id", "text", "is_example"), _rules(), ids=[f"{r}:{t[:30]}" for r, t, _ in _rules()])
def test_rule_examples(rule_id: str, text: str, is_example: bool) -> None:
    assert bool(stats(text)) is is_example, (rule_id, triples(text))


def test_rule_file_is_valid_and_ids_are_unique() -> None:
    root = resources.files("warledger.extract").joinpath("rules")
    data = tomllib.loads(root.joinpath("statistics.toml").read_text(encoding="utf-8"))
    ids = [r.id for r in parse_stat_rules(data)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("bad", [
    {"rule": [{"id": "unit.km", "kind": "unit", "value": "km", "patterns": ["km"]}]},
    {"rule": [{"id": "stat.unit.km.v1", "kind": "nonsense", "value": "km", "patterns": ["km"]}]},
    {"rule": [{"id": "stat.unit.km.v1", "kind": "unit", "value": "km", "patterns": [" "]}]},
    {"rule": [{"id": "stat.q.v1", "kind": "qualifier", "value": "roughly", "patterns": ["about"]}]},
    {"rule": [{"id": "stat.f.v1", "kind": "fraction", "value": "a fifth", "patterns": ["a fifth"]}]},
    {"rule": [{"id": "stat.unit.km.v1", "kind": "unit", "value": "km", "patterns": ["km"], "examples": ["x"],
               "counter_examples": ["x"]}]},
    {"rule": [{"id": "stat.unit.km.v1", "kind": "unit", "value": "km", "patterns": ["km"]},
              {"id": "stat.unit.km.v1", "kind": "unit", "value": "km", "patterns": ["kms"]}]},
])
def test_bad_rule_files_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(RuleError):
        parse_stat_rules(bad)


# ---------------------------------------------------------------- properties

WORDS = [
    "Russia", "Ukraine", "launched", "drones", "missiles", "people", "civilians", "prisoners of war",
    "killed", "since 2022", "in the past week", "a month", "percent", "%", "per cent", "km", "kilometres",
    "-kilometre", "square kilometres", "sq km", "miles", "km/h", "Mach", "kg", "tonnes", "barrels a day",
    "gigawatts", "degrees Celsius", "minus", "euros", "dollars", "$", "€", "£", "bn", "m", "billion",
    "million", "thousand", "trillion", "a fifth", "half", "two-thirds", "three-quarters", "of", "the",
    "about", "more than", "up to", "at least", "between", "and", "to", "or", "for", "hours", "days", "years",
    "a day", "lasting", "ceasefire", "-day", "times", "struck", "population of", "army at", "bodies of",
    "the number of", "total", "exceeds", "ratio of", "without power", "homes", "fled", "(", ")", ".", ",",
    "said", "according to", "Zelensky", "1,000", "2.5", "17", "2025", "Feb.", "5", "08:30", "24/7", "20th",
    "Kh-101", "6-year-old", "No.", "one", "two", "ten", "more of them",
]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 10**7).map(str), st.text(max_size=5),
                           st.text(alphabet="0123456789,.", min_size=1, max_size=30)),
                 max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_gives_exact_spans(text: str) -> None:
    for s in stats(text):
        assert text[s.evidence.start:s.evidence.end] == s.evidence.text
        assert s.evidence.text.strip() == s.evidence.text and s.evidence.text
        assert math.isfinite(s.value)
        assert s.indicator and s.unit


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_does_not_crash(text: str) -> None:
    for s in stats(text):
        assert text[s.evidence.start:s.evidence.end] == s.evidence.text


# ---------------------------------------------------------------- units as the article words them


@pytest.mark.parametrize(("text", "expected"), [
    ("After the blast about 45,000 subscribers in the district were left without power.",
     [(45000, "subscribers", "approx")]),
    ("Over 12,000 customers remained without electricity on Monday evening.", [(12000, "customers", "at_least")]),
    ("The grid operator counted some 8,000 consumers without heating.", [(8000, "consumers", "approx")]),
])
def test_outage_unit_is_the_noun_the_article_uses(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Oslo will add 12 billion Norwegian kroner to its aid fund.", [(12_000_000_000, "NOK", "exact")]),
    ("Copenhagen set aside 3 billion Danish kroner for air defence.", [(3_000_000_000, "DKK", "exact")]),
    ("Stockholm pledged 20 billion kronor in military support.", [(20_000_000_000, "SEK", "exact")]),
    ("Warsaw spent 4 billion zloty on the new shelters.", [(4_000_000_000, "PLN", "exact")]),
])
def test_donor_currencies(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


def test_a_daily_rate_after_what_is_shipped() -> None:
    text = "The export terminal can load up to 400,000 barrels of crude a day."
    assert triples(text) == [(400000, "barrels per day", "at_most")]


def test_of_them_with_a_rate_counts_the_noun_named_before() -> None:
    text = "The factory builds the Geran drone in bulk and turns out around 1,500 of them a month."
    assert triples(text) == [(1500, "drones", "approx")]


def test_a_number_set_off_after_a_counted_noun_counts_it() -> None:
    text = "Roughly a third of the town's apartment buildings, about 900, were left without heat."
    assert (900, "buildings", "approx") in triples(text)


def test_a_share_of_an_attack_figure_is_part_of_the_wave() -> None:
    text = "Moscow said it downed 120 drones overnight, roughly half of them over the border districts."
    start = text.index("120")
    assert stats(text, [(start, start + len("120 drones"))]) == []


def test_the_base_of_a_comparison_counts_what_was_counted_before() -> None:
    text = "The regiment logged 187 drones in May, up 10% from 170 in April, and fewer than March's 240."
    got = [(s.value, s.unit) for s in stats(text)]
    assert (170, "drones") in got and (240, "drones") in got


def test_a_bare_count_told_before_lends_its_unit_and_is_not_repeated() -> None:
    text = ("The battery fired 64 missiles in May. Interceptors were busy too. "
            "Of May's 64, 40 were aimed at the port.")
    got = [(s.value, s.unit) for s in stats(text)]
    assert got.count((64, "missiles")) == 1
    assert (40, "missiles") in got


def test_a_share_of_them_or_of_a_whole_takes_the_noun_before() -> None:
    got = [(s.value, s.unit) for s in stats(
        "The depot never listed the glide bombs it held; a clerk said 2,300 of those were moved in May.")]
    assert got == [(2300, "bombs")]
    found = stats("Over the winter the crews lost 140 drones in total: 35 of them, mostly older ones, to jamming.")
    assert [(s.value, s.unit) for s in found] == [(140, "drones"), (35, "drones")]
    found = stats("For cruise missiles alone the rate falls to 40.5%: only 17 of the 42 were stopped.")
    assert [(s.value, s.unit) for s in found] == [(40.5, "percent"), (17, "missiles")]
    assert found[1].evidence.text == "17 of the 42"


def test_a_casualty_word_between_a_number_and_soldiers() -> None:
    got = [(s.value, s.unit) for s in stats("Kyiv agreed to hand over 41 badly wounded Russian soldiers next week.")]
    assert got == [(41, "people")]
    assert stats("The blast left 12 injured passers-by on the pavement.") == []


def test_the_before_a_large_count_defined_by_a_participle_is_a_new_figure() -> None:
    got = [(s.value, s.unit) for s in stats("That is double the 1,240 drones recorded in March last year.")]
    assert got == [(1240, "drones")]
    assert stats("The two sides met again.") == []


def test_a_superlative_after_since_leaves_it_a_period() -> None:
    # "most of them" after "since" is a partitive, not "the most ... since"
    text = "At least 14 people have died of the cold since December, most of them pensioners living alone."
    assert triples(text) == [(14, "people", "at_least")]
    assert stats("Russia fired the most drones since 2022, killing five people.") == []


def test_of_them_opening_a_sentence_counts_what_the_sentence_before_counted() -> None:
    text = ("Some 3,400 civilians have been freed since the war began, the ombudsman said. "
            "Nearly 900 of them returned home this year.")
    assert triples(text) == [(3400, "people", "approx"), (900, "people", "approx")]


def test_more_adds_to_the_toll_told_before_in_a_sentence_about_the_toll() -> None:
    text = ("At least nine people have frozen to death since the new year, doctors said.\n\n"
            '"Nobody came to check on them," a neighbour said.\n\n'
            "Carbon monoxide from a generator in a closed garage has killed three more, police said.")
    assert triples(text) == [(9, "people", "at_least"), (3, "people", "exact")]
    assert stats("The blast killed a guard. Rescuers later found three more.") == []


def test_a_one_letter_scale_before_a_unit_or_noun_scales_the_number() -> None:
    assert triples("The plants together process roughly 2.4m barrels a day.") == [
        (2_400_000, "barrels per day", "approx")]
    assert triples("Some 3.2m people have left the country since 2022.") == [(3_200_000, "people", "approx")]
    assert stats("Engineers built a 12m wall around the turbine hall.") == []


def test_a_minus_sign_glued_to_a_temperature_is_its_sign() -> None:
    assert triples("Frost deepens as the mercury sinks to -18C in the north.") == [(-18, "degrees Celsius", "exact")]
    assert triples("Daytime highs of 5-8C are expected.") == [(5, "degrees Celsius", "exact"),
                                                                (8, "degrees Celsius", "exact")]


def test_page_counters_beside_a_bar_are_not_statistics() -> None:
    assert stats("The governor posted a video of the ruins. 2.3K replies | 9K reposts") == []


def test_regions_count_only_under_an_outage_word() -> None:
    assert triples("Scheduled blackouts now apply in nine regions, the operator said.") == [(9, "regions", "exact")]
    found = stats("Three deaths have been recorded this year in two regions, Volyn and Rivne.")
    assert [s.unit for s in found] == ["people"]


def test_people_still_held_are_a_state() -> None:
    assert triples("More than 6,000 Ukrainian soldiers are still held in Russian prisons.") == [
        (6000, "people", "at_least")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Invading troops now hold some 19.6 percent of the country.", [(19.6, "percent", "approx")]),
    ("Exports shrank by 20.3% over the winter.", [(20.3, "percent", "exact")]),
])
def test_a_decimal_that_starts_like_a_year_is_a_quantity(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


def test_a_four_digit_year_is_still_no_quantity() -> None:
    assert stats("In 2019 the plant shut down, and in 2020 it reopened.") == []


@pytest.mark.parametrize("text", [
    "After the substation burned, about 70,000 subscribers lost electricity.",
    "Roughly 25,000 households lost heating when the plant was hit.",
])
def test_losing_power_is_an_outage(text: str) -> None:
    assert len(stats(text)) == 1


def test_a_day_before_an_event_is_not_a_daily_rate() -> None:
    text = "The shelling killed at least six people in the town, a day before the envoys were due to meet."
    assert stats(text) == []
    assert triples("Medics say the front costs them about 40 soldiers a day.") == [(40, "people", "approx")]


def test_someone_spending_the_past_weeks_is_not_a_measured_span() -> None:
    assert stats("The mayor has spent the past three weeks lobbying donors for generators.") == []


def test_a_qualifier_between_the_phrase_and_the_number_keeps_it_readable() -> None:
    text = "The town's population stood at roughly 65,000 before the shelling began."
    assert triples(text) == [(65000, "people", "approx")]


@pytest.mark.parametrize("text", [
    "The delegation will reach Ankara this week, two people familiar with the arrangements said.",
    "So far this month the talks have stalled twice, according to three people briefed on them.",
])
def test_unnamed_sources_are_not_counted(text: str) -> None:
    assert stats(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The general staff tallied 164 combat clashes along the front in the last day.", [(164, "clashes", "exact")]),
    ("Officers logged 88 combat engagements near the eastern towns on Sunday.", [(88, "engagements", "exact")]),
    ("Defenders repelled 37 assaults on the approaches to the city.", [(37, "assaults", "exact")]),
    ("Qatar has now mediated 9 prisoner exchanges between the warring sides.", [(9, "exchanges", "exact")]),
])
def test_counted_fighting_and_exchanges_are_statistics(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert triples(text) == expected


def test_a_handover_puts_the_bodies_it_moves_into_a_statistic() -> None:
    text = "At the border crossing, in a second handover, 57 bodies were sent back to the other side."
    assert triples(text) == [(57, "bodies", "exact")]


def test_a_summary_line_restated_in_the_body_is_one_statistic() -> None:
    # a live page's key point names the city; the body tells the same count without it
    text = ("- Close to 2,300 apartment buildings in Kharkiv without water after the strike\n\n"
            "The mayor said close to 2,300 apartment buildings were still without water in the evening.")
    assert [s.value for s in stats(text)] == [2300]


def test_numbers_listed_after_a_month_alone_are_statistics() -> None:
    from warledger.extract import extract_article
    from warledger.records import Article
    text = ("In August alone, officials said, Russia used over 2,700 drones, close to 120 missiles and "
            "about 4,100 glide bombs against Ukraine.")
    extraction = extract_article(Article(id="s", text=text, published="2025-09-02"))
    assert {s.value for s in extraction.statistics} >= {2700, 120, 4100}


def test_a_hyphenated_modifier_or_a_weapon_acronym_between_a_count_and_its_noun() -> None:
    text = ("Over the past week, air defences shot down 1,346 fixed-wing drones, 12 HIMARS rockets and four "
            "Neptune missiles, the ministry said.")
    assert [(s.value, s.unit) for s in stats(text)] == [(1346, "drones"), (12, "missiles"), (4, "missiles")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The numbers:\n- 4,000: roughly the number of Ukrainian prisoners still held in Russia.", [(4000, "people")]),
    ("- 19,546: children Ukraine says were deported to Russia.", [(19546, "children")]),
    ("Segment 1: Night strikes on Dnipro and Kharkiv.", []),   # a heading's number, no statistic
    ("The sirens sounded at 18:30 across the region.", []),
])
def test_a_figure_heading_a_line_of_a_list_takes_its_label_after_the_colon(text: str, expected: list) -> None:
    assert [(s.value, s.unit) for s in stats(text)] == expected


def test_a_span_told_with_for_lasts_even_when_after_follows() -> None:
    got = triples("Under the draft, Washington would back Ukraine for 15 years after a peace deal.")
    assert [(v, u) for v, u, _ in got] == [(15, "years")]


def test_drones_counted_over_the_first_days_of_a_month_are_a_statistic() -> None:
    found = stats("Russia sent close to 1,700 attack drones against Ukraine in the first eight days of January "
                  "alone, by the air force's count.")
    assert [(s.value, s.unit) for s in found] == [(1700, "drones")]
