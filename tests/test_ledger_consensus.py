"""Consensus (warledger/ledger/consensus.py): one low/best/high per (measure, what) from hand-made
claims, chosen by the rules of policy.toml; supersession, bounds, sums of places and conflicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import count
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.ledger.consensus import SUM_OF_PLACES, event_figures, figure, newest_versions
from warledger.ledger.policy import load_policy
from warledger.ledger.records import Claim, EventFigure

POLICY = load_policy()
OFFICIAL, LATEST, MOST_CITED = "consensus.official.v1", "consensus.latest.v1", "consensus.most_cited.v1"
_ids = count(1)


def claim(value: int, measure: str = "launched", what: str = "drone", *, article: str | None = None,
          story: str | None = None, published: str | None = "2025-07-09T09:00:00+00:00", **changes: Any) -> Claim:
    """A claim of its own article and story unless told otherwise."""
    n = next(_ids)
    article = article or f"art{n}"
    base = Claim(id=f"c{n}", event_id="A-2025-07-09-RU-UA", article_id=article, measure=measure, what=what,
                 value=value, qualifier="exact", model=None, place=None, attributed_to=None, hedged=False,
                 source=f"Outlet {article}", published=published, story_id=story or article, evidence_start=0,
                 evidence_end=len(str(value)), evidence_text=str(value))
    return replace(base, **changes)


def decide(claims: Sequence[Claim], attacker: str | None = "RU") -> EventFigure:
    first = claims[0]
    return figure("A-2025-07-09-RU-UA", first.measure, first.what, claims, POLICY, attacker)


# -- the rules in order
def test_an_official_source_beats_the_most_cited_value_for_launches() -> None:
    f = decide([claim(700), claim(700), claim(700, published="2025-07-09T12:00:00+00:00"),
                claim(728, attributed_to="Ukraine's air force", published="2025-07-09T07:00:00+00:00")])
    assert (f.best, f.rule) == (728, OFFICIAL)
    assert (f.low, f.high) == (700, 728)


def test_the_attackers_own_ministry_is_not_official_on_its_attack() -> None:
    f = decide([claim(700), claim(700), claim(900, attributed_to="Russia's defence ministry")])
    assert (f.best, f.rule) == (700, MOST_CITED)


def test_the_newest_official_report_decides_when_officials_differ() -> None:
    f = decide([claim(500, attributed_to="air force", published="2025-07-09T06:00:00+00:00"),
                claim(520, attributed_to="air force", published="2025-07-09T10:00:00+03:00"),   # 07:00 UTC
                claim(510, attributed_to="air force", published="2025-07-09T06:45:00+00:00")])
    assert (f.best, f.rule) == (520, OFFICIAL)


def test_without_an_official_source_the_most_cited_value_decides_launches() -> None:
    f = decide([claim(700, published="2025-07-09T06:00:00+00:00"), claim(700, published="2025-07-09T07:00:00+00:00"),
                claim(650, published="2025-07-09T20:00:00+00:00")])
    assert (f.best, f.rule) == (700, MOST_CITED)


def test_most_cited_takes_the_higher_value_on_a_tie() -> None:
    f = decide([claim(700), claim(710)])
    assert (f.best, f.rule) == (710, MOST_CITED)


def test_the_latest_report_decides_a_rising_toll_across_utc_offsets() -> None:
    claims = [
        claim(2, "killed", "people", published="2025-07-09T04:00:00+00:00"),
        claim(4, "killed", "people", published="2025-07-09T08:00:00+03:00"),   # 05:00 UTC
        claim(6, "killed", "people", published="2025-07-09T06:30:00+00:00"),   # the latest
        claim(3, "killed", "people", published="2025-07-09T09:15:00+05:00"),   # 04:15 UTC
    ]
    f = decide(claims)
    assert (f.best, f.rule) == (6, LATEST)
    assert (f.low, f.high) == (2, 6)


def test_the_latest_report_beats_an_official_earlier_toll() -> None:
    f = decide([claim(3, "killed", "people", attributed_to="regional military administration",
                      published="2025-07-09T05:00:00Z"),
                 claim(5, "killed", "people", published="2025-07-09T09:00:00Z")])
    assert (f.best, f.rule) == (5, LATEST)


def test_a_date_only_stamp_is_the_start_of_its_day() -> None:
    f = decide([claim(4, "injured", "people", published="2025-07-09"),
                claim(7, "injured", "people", published="2025-07-08T23:30:00-02:00")])  # 01:30 UTC on the 9th
    assert f.best == 7


def test_a_story_is_counted_by_its_newest_version_only() -> None:
    old = claim(300, article="v1", story="story", published="2025-07-09T06:00:00+00:00")
    new = claim(500, article="v2", story="story", published="2025-07-09T11:00:00+02:00")  # 09:00 UTC
    other = claim(500, article="other", published="2025-07-09T07:00:00+00:00")
    assert newest_versions([old, new, other]) == [new, other]
    f = decide([old, new, other])
    assert (f.best, f.low, f.high) == (500, 500, 500)
    assert not f.conflict


def test_an_update_supersedes_the_first_version_of_a_toll() -> None:
    first = claim(9, "killed", "people", article="v1", story="s", published="2025-07-09T06:00:00+00:00")
    update = claim(14, "killed", "people", article="v2", story="s", published="2025-07-09T10:00:00+00:00")
    other = claim(12, "killed", "people", article="other", published="2025-07-09T08:00:00+00:00")
    assert newest_versions([first, update, other]) == [update, other]
    f = decide([first, update, other])
    assert (f.best, f.rule) == (14, LATEST)
    assert (f.low, f.high) == (12, 14)   # the first version's 9 no longer counts
    assert not f.conflict


def test_superseded_versions_do_not_count_for_the_most_cited_value() -> None:
    claims = [claim(520, article="a1", story="s", published="2025-07-09T06:00:00Z"),
              claim(500, article="a2", story="s", published="2025-07-09T09:00:00Z"),
              claim(520, article="b", published="2025-07-09T07:00:00Z"),
              claim(500, article="c", published="2025-07-09T07:00:00Z")]
    # counted: 500 (stories s and c) against 520 (b); were a1 counted, 520 would tie and win as the higher
    assert (decide(claims).best, decide(claims).rule) == (500, MOST_CITED)


# -- exact figures before bounds
def test_exact_figures_decide_before_bounds() -> None:
    f = decide([claim(8, "killed", "people", published="2025-07-09T06:00:00Z"),
                claim(10, "killed", "people", qualifier="at_least", published="2025-07-09T12:00:00Z")])
    assert (f.best, f.rule) == (8, LATEST)
    assert f.high == 10
    assert not f.conflict  # 10 is not more than 2 above 8


def test_approximate_figures_count_as_exact() -> None:
    f = decide([claim(600, qualifier="approx"), claim(700, qualifier="at_least", attributed_to="air force")])
    assert f.best == 600


def test_bounds_decide_when_there_is_nothing_exact() -> None:
    f = decide([claim(700, qualifier="at_least", published="2025-07-09T06:00:00Z"),
                claim(700, qualifier="at_least", published="2025-07-09T07:00:00Z"),
                claim(650, qualifier="at_least", published="2025-07-09T08:00:00Z")])
    assert (f.best, f.rule) == (700, MOST_CITED)


# -- places
def test_killed_is_the_sum_of_places_without_an_event_wide_figure() -> None:
    f = decide([claim(3, "killed", "people", place="Kyiv"), claim(2, "killed", "people", place="Odesa"),
                claim(2, "killed", "people", place="Odesa")])
    assert (f.best, f.rule) == (5, SUM_OF_PLACES)
    assert (f.low, f.high) == (2, 5)


def test_each_place_is_decided_before_the_sum() -> None:
    f = decide([claim(1, "killed", "people", place="Kyiv", published="2025-07-09T05:00:00Z"),
                claim(3, "killed", "people", place="Kyiv", published="2025-07-09T09:00:00Z"),
                claim(2, "killed", "people", place="Odesa", published="2025-07-09T07:00:00Z")])
    assert (f.best, f.rule) == (5, SUM_OF_PLACES)


def test_a_toll_takes_the_sum_of_places_when_it_is_larger_than_the_event_wide_figure() -> None:
    f = decide([claim(4, "killed", "people", published="2025-07-09T12:00:00Z"),
                claim(3, "killed", "people", place="Kyiv"), claim(2, "killed", "people", place="Odesa")])
    assert (f.best, f.rule) == (5, SUM_OF_PLACES)


def test_a_toll_keeps_the_event_wide_figure_when_it_is_larger_than_the_sum() -> None:
    f = decide([claim(9, "killed", "people", published="2025-07-09T12:00:00Z"),
                claim(3, "killed", "people", place="Kyiv"), claim(2, "killed", "people", place="Odesa")])
    assert (f.best, f.rule) == (9, LATEST)


def test_a_weapon_count_with_an_event_wide_figure_is_not_summed_over_places() -> None:
    f = decide([claim(40, place="Kyiv"), claim(30, place="Lviv"), claim(50, attributed_to="air force")])
    assert (f.best, f.rule) == (50, OFFICIAL)
    assert f.low == 30


def test_a_weapon_count_without_an_event_wide_figure_is_summed_over_places() -> None:
    f = decide([claim(40, place="Kyiv"), claim(30, place="Lviv")])
    assert (f.best, f.rule) == (70, SUM_OF_PLACES)


# -- conflicts
def test_a_conflict_is_flagged_only_beyond_the_tolerance() -> None:
    official = {"attributed_to": "air force"}
    assert not decide([claim(100, **official), claim(105)]).conflict      # 5 is not more than 5%
    five = decide([claim(100, **official), claim(106), claim(104)])
    assert five.conflict
    assert len(five.flags) == 1 and five.flags[0].code == "conflict"
    assert "106" in five.flags[0].detail and "100" in five.flags[0].detail
    assert not decide([claim(10, **official), claim(12)]).conflict        # 2 is not more than 2
    assert decide([claim(10, **official), claim(13)]).conflict


def test_one_flag_per_disagreeing_claim() -> None:
    f = decide([claim(100, attributed_to="air force"), claim(150), claim(60), claim(101)])
    assert f.conflict
    assert sorted(x.detail.split(" gives ")[1].split(" ")[0] for x in f.flags) == ["150", "60"]


def test_a_lower_bound_below_best_is_not_a_conflict_but_one_above_is() -> None:
    below = decide([claim(100, attributed_to="air force"), claim(50, qualifier="at_least")])
    assert (below.best, below.conflict) == (100, False)
    above = decide([claim(100, attributed_to="air force"), claim(120, qualifier="at_least")])
    assert (above.best, above.conflict) == (100, True)
    assert "at least" in above.flags[0].detail


def test_an_upper_bound_above_best_is_not_a_conflict_but_one_below_is() -> None:
    above = decide([claim(100, attributed_to="air force"), claim(150, qualifier="at_most")])
    assert (above.best, above.conflict) == (100, False)
    below = decide([claim(100, attributed_to="air force"), claim(80, qualifier="at_most")])
    assert (below.best, below.conflict) == (100, True)


def test_a_superseded_version_is_not_a_conflict() -> None:
    f = decide([claim(2, "killed", "people", article="v1", story="s", published="2025-07-09T06:00:00Z"),
                claim(20, "killed", "people", article="v2", story="s", published="2025-07-09T09:00:00Z")])
    assert (f.best, f.conflict, f.low) == (20, False, 20)


def test_places_are_checked_against_their_own_value_in_a_sum() -> None:
    f = decide([claim(3, "killed", "people", place="Kyiv", published="2025-07-09T09:00:00Z"),
                claim(10, "killed", "people", place="Kyiv", published="2025-07-09T05:00:00Z"),
                claim(2, "killed", "people", place="Odesa")])
    assert (f.best, f.rule, f.conflict) == (5, SUM_OF_PLACES, True)
    assert len(f.flags) == 1
    assert f.flags[0].detail.endswith(" gives 10 in Kyiv (exact) against 3")


# -- the stored shape
def test_event_figures_gives_one_figure_per_measure_and_what_in_a_fixed_order() -> None:
    claims = [claim(3, "killed", "people"), claim(700, "launched", "drone"), claim(20, "launched", "missile"),
              claim(650, "intercepted", "drone"), claim(690, "launched", "drone")]
    figures = event_figures("E", claims, POLICY, "RU")
    assert [(f.measure, f.what) for f in figures] == [("intercepted", "drone"), ("killed", "people"),
                                                     ("launched", "drone"), ("launched", "missile")]
    assert {f.event_id for f in figures} == {"E"}
    assert event_figures("E", list(reversed(claims)), POLICY, "RU") == figures


def test_the_rule_ids_are_those_of_policy_toml() -> None:
    claims = [claim(3, "killed", "people"), claim(700, attributed_to="air force"), claim(20, what="missile"),
              claim(1, "injured", "people", place="Kyiv")]
    rules = {f.rule for f in event_figures("E", claims, POLICY, "RU")}
    assert rules == {LATEST, OFFICIAL, MOST_CITED, SUM_OF_PLACES}
    assert rules - {SUM_OF_PLACES} <= set(POLICY.rules)
    assert SUM_OF_PLACES == "consensus.sum_of_places.v1"


# -- any claims
STAMPS = [None, "2025-07-09", "2025-07-09T06:30:00+00:00", "2025-07-09T08:00:00+03:00", "2025-07-09T07:00:00Z",
          "2025-07-09T23:00:00-05:00", "not a date"]
claims_strategy = st.lists(st.builds(
    claim,
    st.integers(min_value=0, max_value=2000),
    st.sampled_from(["launched", "killed", "intercepted", "damaged"]),
    st.sampled_from(["drone", "people"]),
    article=st.sampled_from(["a", "b", "c", "d"]),
    story=st.sampled_from(["s1", "s2", "s3"]),
    published=st.sampled_from(STAMPS),
    qualifier=st.sampled_from(["exact", "at_least", "at_most", "approx"]),
    place=st.sampled_from([None, None, "Kyiv", "Odesa"]),
    attributed_to=st.sampled_from([None, "air force", "Russia's defence ministry", "a witness"]),
), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(claims_strategy, st.sampled_from(["RU", "UA", None]))
def test_low_best_high_are_ordered_for_any_claims(claims: list[Claim], attacker: str | None) -> None:
    figures = event_figures("E", claims, POLICY, attacker)
    assert len(figures) == len({(c.measure, c.what) for c in claims})
    for f in figures:
        assert f.low <= f.best <= f.high
        assert f.conflict == bool(f.flags)
        values = {c.value for c in claims if (c.measure, c.what) == (f.measure, f.what)}
        assert min(values) <= f.low and f.high <= max(max(values), f.best)
        assert f.rule in set(POLICY.rules) | {SUM_OF_PLACES}


def test_an_outlet_name_alone_does_not_make_a_figure_official() -> None:
    # policy.toml: official patterns match who the article says gave the figure, not the outlet's name
    bulletin = claim(728, source="Ukrainian Air Force Command", published="2025-07-09T07:00:00+00:00")
    f = decide([claim(700), claim(700), bulletin])
    assert (f.best, f.rule) == (700, MOST_CITED)


def test_a_live_blog_counts_as_of_its_last_update_not_its_first_post() -> None:
    # the blog opened at 04:10 and was last updated at 22:30 with 31 killed; a wire report at 12:00 said 25
    blog = claim(31, "killed", "people", article="blog", published="2025-08-28T04:10:00+03:00",
                 updated="2025-08-28T22:30:00+03:00")
    wire = claim(25, "killed", "people", published="2025-08-28T12:00:00+03:00")
    assert (decide([blog, wire]).best, decide([wire, blog]).best) == (31, 31)
    # an update time before the publication time changes nothing
    stale = replace(blog, updated="2025-08-28T03:00:00+03:00")
    assert decide([stale, wire]).best == 25


def test_a_live_blogs_earlier_tolls_are_superseded_by_its_later_one() -> None:
    # one live blog gives 12, then 18, then 21 killed in Kyiv; a later outlet gives 23
    blog = [claim(v, "killed", "people", article="blog", place="Kyiv", published="2025-08-28T04:10:00+03:00")
            for v in (12, 18, 21)]
    later = claim(23, "killed", "people", place="Kyiv", published="2025-08-28T21:50:00+01:00")
    f = decide([*blog, later])
    assert f.best == 23
    assert not f.conflict, f.flags   # 21 is within the tolerance of 23; 12 and 18 are superseded
    assert f.low == 21               # superseded values do not widen the range either


def test_launch_counts_within_one_article_are_all_counted() -> None:
    # not a toll: two different launch figures in one article are two readings, not an update
    f = decide([claim(500, article="a"), claim(728, article="a"), claim(728)])
    assert f.best == 728 and f.low == 500 and f.conflict
