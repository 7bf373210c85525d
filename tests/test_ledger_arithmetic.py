"""Arithmetic checks (warledger/ledger/arithmetic.py) on hand-made claims and figures: parts against
totals, outcomes against launches, children against people, and an outlet revising itself."""

from __future__ import annotations

from dataclasses import replace
from itertools import count
from typing import Any

import pytest

from warledger.ledger.arithmetic import article_flags, consensus_flags, revision_flags
from warledger.ledger.records import Claim, EventFigure, Flag

_ids = count(1)


def claim(measure: str, what: str, value: int, *, article: str = "a1", source: str | None = "Northbank Times",
          published: str | None = "2025-06-17T09:00:00+03:00", **changes: Any) -> Claim:
    n = next(_ids)
    base = Claim(id=f"c{n}", event_id="A-2025-06-17-RU-UA", article_id=article, measure=measure, what=what,
                 value=value, qualifier="exact", model=None, place=None, attributed_to=None, hedged=False,
                 source=source, published=published, story_id=article, evidence_start=0,
                 evidence_end=len(str(value)), evidence_text=str(value))
    return replace(base, **changes)


def fig(measure: str, what: str, best: int) -> EventFigure:
    return EventFigure(event_id="E", measure=measure, what=what, low=best, best=best, high=best,
                       rule="consensus.official.v1", conflict=False)


def codes(found: list[tuple[tuple[str, str], Flag]]) -> list[str]:
    return [flag.code for _, flag in found]


# -- parts against totals, inside one article
def test_drones_and_missiles_that_do_not_add_up_to_the_total_are_flagged() -> None:
    found = article_flags([claim("launched", "aerial_weapon", 472), claim("launched", "drone", 440),
                           claim("launched", "missile", 22)])
    assert len(found) == 1
    key, flag = found[0]
    assert key == ("launched", "aerial_weapon")
    assert flag.code == "parts_total"
    for number in ("440", "22", "462", "472", "Northbank Times"):
        assert number in flag.detail, flag.detail


def test_drones_and_missiles_that_add_up_are_not_flagged() -> None:
    assert article_flags([claim("launched", "aerial_weapon", 472), claim("launched", "drone", 450),
                          claim("launched", "missile", 22)]) == []


@pytest.mark.parametrize("measure", ["intercepted", "suppressed"])
def test_parts_are_checked_for_outcomes_too(measure: str) -> None:
    found = article_flags([claim(measure, "aerial_weapon", 400), claim(measure, "drone", 380),
                           claim(measure, "missile", 10)])
    assert [(k, f.code) for k, f in found] == [((measure, "aerial_weapon"), "parts_total")]


def test_an_article_giving_two_readings_where_one_adds_up_is_not_flagged() -> None:
    assert article_flags([claim("launched", "aerial_weapon", 472), claim("launched", "drone", 440),
                          claim("launched", "drone", 450), claim("launched", "missile", 22)]) == []
    assert article_flags([claim("launched", "aerial_weapon", 472), claim("launched", "aerial_weapon", 462),
                          claim("launched", "drone", 440), claim("launched", "missile", 22)]) == []


def test_parts_from_different_articles_are_not_checked_against_each_other() -> None:
    assert article_flags([claim("launched", "aerial_weapon", 472, article="a1"),
                          claim("launched", "drone", 440, article="a2"),
                          claim("launched", "missile", 22, article="a3")]) == []


def test_bounds_and_place_figures_are_not_checked_inside_an_article() -> None:
    assert article_flags([claim("launched", "aerial_weapon", 472, qualifier="at_least"),
                          claim("launched", "drone", 440), claim("launched", "missile", 22)]) == []
    assert article_flags([claim("launched", "aerial_weapon", 472), claim("launched", "drone", 440, place="Kyiv"),
                          claim("launched", "missile", 22)]) == []


def test_an_approximate_total_close_to_the_sum_of_its_parts_is_not_flagged() -> None:
    assert article_flags([claim("launched", "aerial_weapon", 500, qualifier="approx"),
                          claim("launched", "drone", 465), claim("launched", "missile", 32)]) == []


def test_missile_types_adding_up_to_more_than_the_missiles_are_flagged() -> None:
    found = article_flags([claim("launched", "missile", 20), claim("launched", "cruise_missile", 15),
                           claim("launched", "ballistic_missile", 8)])
    assert [(k, f.code) for k, f in found] == [(("launched", "missile"), "types_exceed_total")]
    assert "23" in found[0][1].detail and "20" in found[0][1].detail
    assert article_flags([claim("launched", "missile", 23), claim("launched", "cruise_missile", 15),
                          claim("launched", "ballistic_missile", 8)]) == []


# -- outcomes against launches
def test_intercepted_and_suppressed_more_than_launched_are_flagged() -> None:
    found = article_flags([claim("launched", "drone", 100), claim("intercepted", "drone", 90),
                           claim("suppressed", "drone", 20)])
    assert [(k, f.code) for k, f in found] == [(("intercepted", "drone"), "outcome_exceeds_launched")]
    assert "110" in found[0][1].detail and "100" in found[0][1].detail


def test_intercepted_and_suppressed_within_the_launches_are_not_flagged() -> None:
    assert article_flags([claim("launched", "drone", 100), claim("intercepted", "drone", 80),
                          claim("suppressed", "drone", 20)]) == []
    assert article_flags([claim("launched", "aerial_weapon", 472), claim("intercepted", "aerial_weapon", 472)]) == []


# -- children against people
@pytest.mark.parametrize("measure", ["killed", "injured"])
def test_more_children_than_people_are_flagged(measure: str) -> None:
    found = article_flags([claim(measure, "people", 2), claim(measure, "children", 3)])
    assert [(k, f.code) for k, f in found] == [((measure, "children"), "children_exceed_people")]
    assert "3 children" in found[0][1].detail and "2 people" in found[0][1].detail
    assert article_flags([claim(measure, "people", 3), claim(measure, "children", 3)]) == []


# -- an outlet against its own earlier report
def test_a_toll_lowered_in_a_later_report_of_the_same_outlet_is_flagged() -> None:
    found = revision_flags([claim("killed", "people", 5, article="a1", published="2025-06-17T09:00:00+03:00"),
                            claim("killed", "people", 3, article="a2", published="2025-06-17T12:00:00+03:00")])
    assert [(k, f.code) for k, f in found] == [(("killed", "people"), "toll_lowered")]
    assert "Northbank Times" in found[0][1].detail
    assert "from 5 to 3" in found[0][1].detail


def test_a_toll_lowered_is_ordered_by_utc_not_by_the_written_time() -> None:
    # 09:00+03:00 is 06:00 UTC, before 07:00+00:00
    rose = revision_flags([claim("injured", "people", 3, article="a1", published="2025-06-17T09:00:00+03:00"),
                           claim("injured", "people", 5, article="a2", published="2025-06-17T07:00:00+00:00")])
    assert rose == []
    fell = revision_flags([claim("injured", "people", 5, article="a1", published="2025-06-17T09:00:00+03:00"),
                           claim("injured", "people", 3, article="a2", published="2025-06-17T07:00:00+00:00")])
    assert codes(fell) == ["toll_lowered"]


def test_a_rising_toll_or_another_outlet_is_not_a_revision() -> None:
    assert revision_flags([claim("killed", "people", 3, article="a1", published="2025-06-17T09:00:00Z"),
                           claim("killed", "people", 5, article="a2", published="2025-06-17T12:00:00Z")]) == []
    assert revision_flags([claim("killed", "people", 5, article="a1", published="2025-06-17T09:00:00Z"),
                           claim("killed", "people", 3, article="a2", source="Halden Wire",
                                 published="2025-06-17T12:00:00Z")]) == []


def test_a_changed_launch_count_of_the_same_outlet_is_source_revised() -> None:
    found = revision_flags([claim("launched", "drone", 400, article="a1", published="2025-06-17T09:00:00Z"),
                            claim("launched", "drone", 420, article="a2", published="2025-06-17T12:00:00Z")])
    assert [(k, f.code) for k, f in found] == [(("launched", "drone"), "source_revised")]
    assert "400" in found[0][1].detail and "420" in found[0][1].detail
    assert revision_flags([claim("launched", "drone", 400, article="a1", published="2025-06-17T09:00:00Z"),
                           claim("launched", "drone", 400, article="a2", published="2025-06-17T12:00:00Z")]) == []


def test_a_changed_count_other_than_a_launch_or_toll_is_not_a_revision() -> None:
    assert revision_flags([claim("intercepted", "drone", 400, article="a1", published="2025-06-17T09:00:00Z"),
                           claim("intercepted", "drone", 380, article="a2", published="2025-06-17T12:00:00Z")]) == []


def test_revisions_are_compared_place_by_place() -> None:
    assert revision_flags([claim("killed", "people", 5, place="Kyiv", published="2025-06-17T09:00:00Z"),
                           claim("killed", "people", 2, place="Odesa", article="a2",
                                 published="2025-06-17T12:00:00Z")]) == []
    found = revision_flags([claim("killed", "people", 5, place="Kyiv", published="2025-06-17T09:00:00Z"),
                            claim("killed", "people", 2, place="Kyiv", article="a2",
                                  published="2025-06-17T12:00:00Z")])
    assert codes(found) == ["toll_lowered"] and "in Kyiv" in found[0][1].detail


# -- the event's consensus values
def test_consensus_flags_check_the_chosen_values() -> None:
    found = consensus_flags([fig("launched", "aerial_weapon", 472), fig("launched", "drone", 440),
                             fig("launched", "missile", 22)], 2)
    assert [(k, f.code) for k, f in found] == [(("launched", "aerial_weapon"), "parts_total")]
    assert found[0][1].detail.startswith("consensus: ")


def test_consensus_flags_allow_the_tolerance() -> None:
    figures = [fig("launched", "aerial_weapon", 472), fig("launched", "drone", 448), fig("launched", "missile", 22)]
    assert consensus_flags(figures, 2) == []        # 470 is within 2 of 472
    assert codes(consensus_flags(figures, 1)) == ["parts_total"]


def test_consensus_flags_find_every_kind_of_contradiction() -> None:
    found = consensus_flags([fig("launched", "drone", 100), fig("intercepted", "drone", 120),
                             fig("killed", "people", 1), fig("killed", "children", 4)], 2)
    assert sorted(codes(found)) == ["children_exceed_people", "outcome_exceeds_launched"]


def test_consistent_consensus_values_are_not_flagged() -> None:
    assert consensus_flags([fig("launched", "aerial_weapon", 741), fig("launched", "drone", 728),
                            fig("launched", "missile", 13), fig("intercepted", "aerial_weapon", 718),
                            fig("killed", "people", 2), fig("injured", "people", 5),
                            fig("injured", "children", 1)], 2) == []
