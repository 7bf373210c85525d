"""Event resolution (warledger/ledger/matching.py) on hand-made waves and stored events: same date,
adjacent dates, contradicting figures, the same article, sides, and diplomatic events."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from warledger.ledger.matching import (
    Known,
    attack_values,
    match_attack,
    match_diplomacy,
    match_recalled,
    neighbour_days,
)
from warledger.ledger.records import Event, EventKind, MatchReason
from warledger.records import (
    Attack,
    DatePrecision,
    DiplomaticEvent,
    Evidence,
    Figure,
    Measure,
    Place,
    PlaceKind,
    Qualifier,
    What,
)

EV = Evidence(0, 6, "Russia")
DAY = "2025-07-09"
BEFORE, AFTER, TWO_DAYS_LATER = "2025-07-08", "2025-07-10", "2025-07-11"


def place(name: str) -> Place:
    return Place(name=name, kind=PlaceKind.CITY, admin1=None, country="UA", lat=None, lon=None, evidence=EV)


def launched(what: str, value: int) -> Figure:
    return Figure(measure=Measure.LAUNCHED, what=What(what), value=value, qualifier=Qualifier.EXACT, evidence=EV)


def wave(date: str | None = DAY, *, drones: int | None = None, missiles: int | None = None, total: int | None = None,
         places: tuple[str, ...] = (), attacker: str = "RU", target: str = "UA") -> Attack:
    figures = [launched(w, v) for w, v in (("drone", drones), ("missile", missiles), ("aerial_weapon", total))
               if v is not None]
    return Attack(attacker=attacker, target_country=target, date=date, date_precision=DatePrecision.DAY,
                  figures=tuple(figures), places=tuple(place(p) for p in places))


def stored(id: str, date: str = DAY, *, drones: int | None = None, missiles: int | None = None,
           total: int | None = None, places: tuple[str, ...] = (), attacker: str = "RU", target: str = "UA",
           articles: tuple[str, ...] = ("older",)) -> Known:
    figures = {("launched", w): v for w, v in (("drone", drones), ("missile", missiles), ("aerial_weapon", total))
               if v is not None}
    event = Event(id=id, kind=EventKind.ATTACK, date=date, attacker=attacker, target_country=target, places=places)
    return Known(event, figures, frozenset(articles))


def meeting(kind: str = "meeting", participants: tuple[str, ...] = ("Volodymyr Zelensky", "Keith Kellogg"),
            date: str | None = "2025-07-10", venue: str | None = None) -> DiplomaticEvent:
    return DiplomaticEvent(kind=kind, participants=participants, evidence=EV, venue=None if venue is None else
                           place(venue), date=date, date_precision=DatePrecision.DAY)


def stored_talks(id: str, kind: str = "meeting", participants: tuple[str, ...] = ("Volodymyr Zelensky",),
                 date: str = "2025-07-10", venue: str | None = None, **changes: Any) -> Known:
    event = Event(id=id, kind=EventKind.DIPLOMACY, date=date, type=kind, venue=venue, participants=participants,
                  places=() if venue is None else (venue,))
    return Known(event, {}, frozenset(changes.get("articles", ("older",))), changes.get("dated", True))


# -- helpers
def test_neighbour_days_cross_months_and_years() -> None:
    assert neighbour_days("2025-07-09") == ("2025-07-08", "2025-07-10")
    assert neighbour_days("2025-03-01") == ("2025-02-28", "2025-03-02")
    assert neighbour_days("2026-01-01") == ("2025-12-31", "2026-01-02")


def test_attack_values_keep_the_largest_launch_figure_of_each_kind() -> None:
    attack = wave(drones=400, missiles=20)
    attack = Attack(attack.attacker, attack.target_country, attack.date, attack.date_precision,
                    figures=(*attack.figures, launched("drone", 410),
                             Figure(Measure.INTERCEPTED, What.DRONE, 390, Qualifier.EXACT, EV)))
    assert attack_values(attack) == {("launched", "drone"): 410, ("launched", "missile"): 20}


# -- attack waves
def test_no_stored_event_starts_a_new_one() -> None:
    decision = match_attack(wave(drones=400), "new", [])
    assert (decision.event, decision.reason) == (None, MatchReason.NEW_EVENT)
    assert "RU->UA" in decision.detail


def test_the_same_date_merges() -> None:
    known = stored("A-2025-07-09-RU-UA", drones=410)
    decision = match_attack(wave(drones=400), "new", [known])
    assert decision.event == known.event
    assert decision.reason == MatchReason.SAME_DATE


def test_the_same_date_merges_without_any_figure() -> None:
    known = stored("A-2025-07-09-RU-UA")
    decision = match_attack(wave(), "new", [known])
    assert (decision.event, decision.reason) == (known.event, MatchReason.SAME_DATE)


def test_the_same_date_with_contradicting_figures_and_no_shared_place_stays_apart() -> None:
    known = stored("A-2025-07-09-RU-UA", drones=700, places=("Lutsk",))
    decision = match_attack(wave(drones=50, places=("Kharkiv",)), "new", [known])
    assert decision.event is None
    assert decision.reason == MatchReason.KEPT_APART_FIGURES
    assert "A-2025-07-09-RU-UA" in decision.detail


def test_the_same_date_with_contradicting_figures_but_a_shared_place_merges() -> None:
    known = stored("A-2025-07-09-RU-UA", drones=700, places=("Lutsk",))
    decision = match_attack(wave(drones=50, places=("lutsk",)), "new", [known])
    assert (decision.event, decision.reason) == (known.event, MatchReason.SAME_DATE)


def test_figures_short_of_a_contradiction_merge_on_the_same_date() -> None:
    known = stored("A-2025-07-09-RU-UA", drones=500)
    decision = match_attack(wave(drones=320), "new", [known])   # 500 / 320 = 1.56, under 1.6
    assert decision.event == known.event


def test_the_same_date_prefers_the_event_whose_figures_agree() -> None:
    first = stored("A-2025-07-09-RU-UA", drones=100, places=("Kharkiv",))
    second = stored("A-2025-07-09-RU-UA-2", drones=700)
    decision = match_attack(wave(drones=710), "new", [first, second])
    assert decision.event == second.event


def test_a_day_apart_merges_with_an_agreeing_launch_figure() -> None:
    for day in (BEFORE, AFTER):
        known = stored(f"A-{day}-RU-UA", day, total=741)
        decision = match_attack(wave(total=728), "new", [known])    # within 15%
        assert decision.event == known.event
        assert decision.reason == MatchReason.ADJACENT_DATE


def test_a_day_apart_without_a_launch_figure_stays_apart() -> None:
    known = stored(f"A-{BEFORE}-RU-UA", BEFORE, places=("Kyiv",))
    decision = match_attack(wave(places=("Kyiv",)), "new", [known])
    assert decision.event is None
    assert decision.reason == MatchReason.KEPT_APART_FIGURES
    assert "no launch figure agrees" in decision.detail


def test_a_day_apart_with_one_figure_agreeing_and_another_contradicting_stays_apart() -> None:
    known = stored(f"A-{BEFORE}-RU-UA", BEFORE, drones=400, missiles=10)
    decision = match_attack(wave(drones=410, missiles=40), "new", [known])
    assert decision.event is None
    assert decision.reason == MatchReason.KEPT_APART_FIGURES


def test_consecutive_nights_with_different_totals_stay_apart() -> None:
    known = stored(f"A-{BEFORE}-RU-UA", BEFORE, total=550, places=("Kyiv",))
    decision = match_attack(wave(total=420, places=("Kyiv",)), "new", [known])   # 24% apart: neither agrees nor
    assert decision.event is None                                                 # contradicts
    assert decision.reason == MatchReason.KEPT_APART_FIGURES
    far = match_attack(wave(total=200, places=("Kyiv",)), "new", [known])
    assert (far.event, far.reason) == (None, MatchReason.KEPT_APART_FIGURES)
    assert "contradict" in far.detail


def test_the_same_date_wins_over_an_adjacent_one() -> None:
    near = stored(f"A-{BEFORE}-RU-UA", BEFORE, total=600)
    same = stored("A-2025-07-09-RU-UA", total=1000, places=("Kyiv",))
    decision = match_attack(wave(total=600, places=("Kyiv",)), "new", [near, same])
    assert (decision.event, decision.reason) == (same.event, MatchReason.SAME_DATE)


def test_two_equal_launch_figures_a_day_apart_beat_a_same_day_event_with_nothing_to_compare() -> None:
    # "396 drones and 29 missiles" told with a date one day off, beside a same-day event known only by its toll
    known = [stored("bare"), stored("twin", AFTER, drones=396, missiles=29)]
    decision = match_attack(wave(drones=396, missiles=29), "new", known)
    assert decision.event is not None and decision.event.id == "twin"
    assert decision.reason == MatchReason.ADJACENT_DATE and "bare" in decision.detail


@pytest.mark.parametrize("same_day", [
    stored("dated", drones=380),                 # it has a launch figure to compare: the date decides
    stored("dated", places=("Kyiv",)),           # it shares a place with the wave
])
def test_the_same_date_still_wins_when_it_has_something_to_compare(same_day: Known) -> None:
    known = [same_day, stored("twin", AFTER, drones=396, missiles=29)]
    decision = match_attack(wave(drones=396, missiles=29, places=("Kyiv",)), "new", known)
    assert decision.event is not None and decision.event.id == "dated"


def test_one_equal_figure_a_day_apart_does_not_beat_the_same_date() -> None:
    known = [stored("bare"), stored("near", AFTER, drones=396)]
    decision = match_attack(wave(drones=396, missiles=29), "new", known)
    assert decision.event is not None and decision.event.id == "bare"


def test_an_event_already_reported_by_the_same_article_is_never_chosen() -> None:
    mine = stored("A-2025-07-09-RU-UA", total=600, places=("Kyiv",), articles=("older", "art"))
    decision = match_attack(wave(total=600, places=("Kyiv",)), "art", [mine])
    assert decision.event is None
    assert decision.reason == MatchReason.KEPT_APART_SAME_ARTICLE
    other = stored("A-2025-07-09-RU-UA-2", drones=30)
    decision = match_attack(wave(total=600, places=("Kyiv",)), "art", [mine, other])
    assert decision.event == other.event


@pytest.mark.parametrize(("attacker", "target"), [("UA", "RU"), ("RU", "RU"), ("BY", "UA")])
def test_the_sides_must_match(attacker: str, target: str) -> None:
    known = stored("A-2025-07-09-RU-UA", total=600, places=("Kyiv",))
    decision = match_attack(wave(total=600, places=("Kyiv",), attacker=attacker, target=target), "new", [known])
    assert decision.event is None
    assert decision.reason == MatchReason.NEW_EVENT


def test_a_ukrainian_wave_never_merges_with_a_russian_one_and_back() -> None:
    russian = stored("A-2025-07-09-RU-UA", drones=100)
    ukrainian = stored("A-2025-07-09-UA-RU", drones=100, attacker="UA", target="RU")
    assert match_attack(wave(drones=100, attacker="UA", target="RU"), "n", [russian]).event is None
    assert match_attack(wave(drones=100), "n", [ukrainian]).event is None
    assert match_attack(wave(drones=100, attacker="UA", target="RU"), "n", [russian, ukrainian]).event \
        == ukrainian.event


def test_diplomatic_events_are_never_attack_candidates() -> None:
    talks = stored_talks("D-2025-07-09-meeting", date=DAY)
    assert match_attack(wave(drones=100), "n", [talks]).reason == MatchReason.NEW_EVENT


@pytest.mark.parametrize("date", [TWO_DAYS_LATER, "2025-07-01", None])
def test_a_wave_more_than_a_day_away_never_merges(date: str | None) -> None:
    known = Known(Event(id="A-far-RU-UA", kind=EventKind.ATTACK, date=date, attacker="RU", target_country="UA"),
                  {("launched", "aerial_weapon"): 741}, frozenset({"older"}))
    assert match_attack(wave(total=741), "new", [known]).event is None


# -- diplomatic events
def test_the_same_kind_with_a_shared_participant_merges() -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("Keith Kellogg", "Andriy Yermak"))
    decision = match_diplomacy(meeting(), "new", [known])
    assert decision.event == known.event
    assert decision.reason == MatchReason.SAME_PARTICIPANTS


def test_participants_are_compared_in_any_case() -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("KEITH KELLOGG",))
    assert match_diplomacy(meeting(), "new", [known]).event == known.event


def test_a_shared_venue_merges_without_a_shared_participant() -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("Marco Rubio",), venue="Rome")
    assert match_diplomacy(meeting(venue="Rome"), "new", [known]).event == known.event
    assert match_diplomacy(meeting(venue="Geneva"), "new", [known]).event is None


def test_a_day_apart_merges() -> None:
    known = stored_talks("D-2025-07-09-meeting", date="2025-07-09")
    decision = match_diplomacy(meeting(date="2025-07-10"), "new", [known])
    assert (decision.event, decision.reason) == (known.event, MatchReason.SAME_PARTICIPANTS)


def test_a_call_never_merges_with_a_meeting() -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("Volodymyr Zelensky", "Keith Kellogg"))
    decision = match_diplomacy(meeting("call"), "new", [known])
    assert (decision.event, decision.reason) == (None, MatchReason.NEW_EVENT)


def test_no_shared_participant_or_venue_stays_apart() -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("Marco Rubio", "Rustem Umerov"))
    assert match_diplomacy(meeting(), "new", [known]).event is None


def test_a_meeting_named_twice_in_one_article_is_one_event() -> None:
    known = stored_talks("D-2025-07-10-meeting", articles=("art",))   # unlike waves (see matching.py)
    assert match_diplomacy(meeting(), "art", [known]).event == known.event


def test_the_event_sharing_more_participants_is_chosen() -> None:
    one = stored_talks("D-2025-07-10-meeting", participants=("Keith Kellogg",))
    two = stored_talks("D-2025-07-10-meeting-2", participants=("Keith Kellogg", "Volodymyr Zelensky"))
    assert match_diplomacy(meeting(), "new", [one, two]).event == two.event
    assert match_diplomacy(meeting(), "new", [two, one]).event == two.event


def test_attacks_are_never_diplomacy_candidates() -> None:
    attack = stored("A-2025-07-10-RU-UA", "2025-07-10")
    assert match_diplomacy(meeting(), "new", [attack]).event is None


@pytest.mark.parametrize("date", ["2025-07-12", "2025-08-10"])
def test_diplomacy_more_than_a_day_apart_never_merges(date: str) -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("Volodymyr Zelensky", "Keith Kellogg"))
    assert match_diplomacy(meeting(date=date), "new", [known]).event is None


# -- diplomatic events: what tells two meetings apart
def test_the_same_envoys_meeting_the_other_side_next_day_is_another_meeting() -> None:
    # Friday the US envoys met Kyiv's negotiator in Miami; on Saturday, in Miami too, Moscow's envoy
    friday = stored_talks("D-2025-12-19-meeting", participants=("Rustem Umerov", "Steve Witkoff", "Jared Kushner"),
                          date="2025-12-19", venue="Miami")
    saturday = meeting(participants=("Kirill Dmitriev", "Steve Witkoff", "Jared Kushner"), date="2025-12-20",
                       venue="Miami")
    decision = match_diplomacy(saturday, "new", [friday])
    assert (decision.event, decision.reason) == (None, MatchReason.KEPT_APART_PARTIES)
    assert "RU, US" in decision.detail and "UA, US" in decision.detail


@pytest.mark.parametrize("participants", [
    ("Steve Witkoff", "Rustem Umerov"),              # the negotiators of the same two parties
    ("United States", "Ukraine"),                     # the states they speak for
    ("Steve Witkoff",),                               # one party named: nothing to tell them apart
    ("Ukraine", "United States", "Russia"),           # a report that names a third party as well
])
def test_reports_naming_the_same_parties_differently_merge(participants: tuple[str, ...]) -> None:
    known = stored_talks("D-2025-12-19-meeting", participants=("Rustem Umerov", "Steve Witkoff", "United States"),
                         date="2025-12-19")
    decision = match_diplomacy(meeting(participants=participants, date="2025-12-19"), "new", [known])
    assert (decision.event, decision.reason) == (known.event, MatchReason.SAME_PARTICIPANTS)


@pytest.mark.parametrize(("stored_venue", "venue", "merges"), [
    ("Berlin", "Brussels", False),      # two cities far apart
    ("Geneva", "Abu Dhabi", False),     # two countries
    ("Miami", "Mar-a-Lago", True),      # a site near the city
    ("Florida", "Miami", True),         # a state and a city in it
    ("Washington", "White House", True),
])
def test_venues_far_apart_keep_meetings_apart(stored_venue: str, venue: str, merges: bool) -> None:
    known = stored_talks("D-2025-07-10-meeting", participants=("Volodymyr Zelensky", "Keith Kellogg"),
                         venue=stored_venue)
    decision = match_diplomacy(meeting(venue=venue), "new", [known])
    assert (decision.event == known.event) is merges
    if not merges:
        assert decision.reason == MatchReason.KEPT_APART_VENUE


# -- a dated report of talks first stored from a rough day ("in Geneva in mid-February")
GENEVA_ROUND = ("United States", "Ukraine", "Russia")


def rough_round(date: str = "2026-02-15", venue: str | None = "Geneva",
                participants: tuple[str, ...] = GENEVA_ROUND) -> Known:
    return stored_talks(f"D-{date}-meeting", participants=participants, date=date, venue=venue, dated=False)


def test_a_dated_report_goes_on_the_event_a_rough_day_made() -> None:
    known = rough_round()
    decision = match_diplomacy(meeting(participants=GENEVA_ROUND, date="2026-02-17", venue="Geneva"), "new", [known])
    assert (decision.event, decision.reason) == (known.event, MatchReason.SAME_PARTICIPANTS)
    assert "a day no report gave" in decision.detail


@pytest.mark.parametrize("known", [
    stored_talks("D-2026-02-15-meeting", participants=GENEVA_ROUND, date="2026-02-15", venue="Geneva"),  # dated
    rough_round(venue=None),                                 # no venue: two shared participants are not enough
    rough_round(venue="Abu Dhabi"),                          # another venue
    rough_round(date="2026-02-06"),                          # over ten days away
    rough_round(participants=("Switzerland",)),              # the venue alone
], ids=["dated", "no-venue", "other-venue", "far", "venue-only"])
def test_a_dated_report_two_days_off_stays_apart(known: Known) -> None:
    item = meeting(participants=GENEVA_ROUND, date="2026-02-17", venue="Geneva")
    assert match_diplomacy(item, "new", [known]).event is None


def test_an_event_within_a_day_wins_over_a_rough_one() -> None:
    near = stored_talks("D-2026-02-17-meeting", participants=GENEVA_ROUND, date="2026-02-17", venue="Geneva")
    for known in ([rough_round(), near], [near, rough_round()]):
        item = meeting(participants=GENEVA_ROUND, date="2026-02-18", venue="Geneva")
        assert match_diplomacy(item, "new", known).event == near.event


def test_a_rough_report_recalls_the_dated_event_before_a_nearer_rough_one() -> None:
    dated = stored_talks("D-2026-02-17-meeting", participants=GENEVA_ROUND, date="2026-02-17", venue="Geneva")
    for known in ([rough_round(), dated], [dated, rough_round()]):
        decision = match_recalled(undated(GENEVA_ROUND, "Geneva"), "2026-03-10", known, around="2026-02-15")
        assert decision is not None and decision.event == dated.event


@pytest.mark.parametrize(("venue", "merges"), [("Geneva", True), (None, False)])
def test_the_host_of_the_venue_is_not_another_party(venue: str | None, merges: bool) -> None:
    known = stored_talks("D-2026-02-17-meeting", participants=(*GENEVA_ROUND, "European countries"),
                         date="2026-02-17", venue=venue)
    item = meeting(participants=("Russia", "Ukraine", "United States", "Switzerland"), date="2026-02-17", venue=venue)
    assert (match_diplomacy(item, "new", [known]).event == known.event) is merges


def test_a_meeting_planned_for_a_rough_day_announces_the_stored_one_nearest_it() -> None:
    dated = stored_talks("D-2026-03-25-meeting", participants=GENEVA_ROUND, date="2026-03-25", venue="Istanbul")
    planned = replace(undated(GENEVA_ROUND, "Istanbul"), status="planned")
    decision = match_recalled(planned, "2026-03-19", [dated], around="2026-03-23", ahead=True)
    assert decision is not None and (decision.event, decision.reason) == (dated.event, MatchReason.ANNOUNCED)
    # told as recalled instead, a meeting after publication is not one the article can recall
    assert match_recalled(planned, "2026-03-19", [dated], around="2026-03-23") is None


# -- an undated meeting the article recalls
def undated(participants: tuple[str, ...], venue: str | None = None, kind: str = "meeting") -> DiplomaticEvent:
    return meeting(kind, participants=participants, date=None, venue=venue)


KREMLIN_TALKS = stored_talks("D-2025-12-02-meeting", participants=("Vladimir Putin", "Steve Witkoff", "Jared Kushner"),
                             date="2025-12-02", venue="Moscow")


@pytest.mark.parametrize(("participants", "venue"), [
    (("Vladimir Putin", "Steve Witkoff"), None),   # two participants shared
    (("Vladimir Putin",), "Moscow"),                # one, and the venue
])
def test_an_undated_meeting_is_the_stored_one_it_recalls(participants: tuple[str, ...], venue: str | None) -> None:
    decision = match_recalled(undated(participants, venue), "2025-12-15", [KREMLIN_TALKS])
    assert decision is not None
    assert (decision.event, decision.reason) == (KREMLIN_TALKS.event, MatchReason.RECALLED)


@pytest.mark.parametrize(("item", "published"), [
    (undated(("Vladimir Putin",)), "2025-12-15"),                               # one participant, no venue
    (undated(("Vladimir Putin", "Steve Witkoff"), kind="call"), "2025-12-15"),   # another kind
    (undated(("Vladimir Putin", "Steve Witkoff")), "2025-12-30"),              # over 14 days on
    (undated(("Vladimir Putin", "Steve Witkoff")), "2025-11-30"),              # published before it
    (undated(("Vladimir Putin", "Steve Witkoff"), venue="Geneva"), "2025-12-15"),  # another venue, far away
    (undated(("Rustem Umerov", "Steve Witkoff", "Jared Kushner")), "2025-12-15"),  # other parties
])
def test_an_undated_meeting_recalls_nothing_unlike_it(item: DiplomaticEvent, published: str) -> None:
    assert match_recalled(item, published, [KREMLIN_TALKS]) is None


def test_the_latest_meeting_that_fits_is_recalled() -> None:
    later = stored_talks("D-2025-12-09-meeting", participants=("Vladimir Putin", "Steve Witkoff"), date="2025-12-09")
    for known in ([KREMLIN_TALKS, later], [later, KREMLIN_TALKS]):
        decision = match_recalled(undated(("Vladimir Putin", "Steve Witkoff")), "2025-12-15", known)
        assert decision is not None and decision.event == later.event


def test_a_roughly_dated_meeting_recalls_the_stored_one_nearest_its_day() -> None:
    later = stored_talks("D-2025-12-12-meeting", participants=("Vladimir Putin", "Steve Witkoff"), date="2025-12-12")
    for known in ([KREMLIN_TALKS, later], [later, KREMLIN_TALKS]):
        decision = match_recalled(undated(("Vladimir Putin", "Steve Witkoff")), "2025-12-15", known,
                                  around="2025-12-04")  # "in early December"
        assert decision is not None and decision.event == KREMLIN_TALKS.event
        assert "roughly dated 2025-12-04" in decision.detail


def test_a_roughly_dated_meeting_recalls_the_most_reported_of_those_within_a_week_of_its_day() -> None:
    # "last sat down together in Geneva in the second half of February": the two-day round most outlets told,
    # not the one-day follow-up nearer the middle of that fortnight
    round_ = stored_talks("D-2026-02-17-meeting", participants=GENEVA_ROUND, date="2026-02-17", venue="Geneva",
                          articles=("a", "b", "c"))
    follow_up = stored_talks("D-2026-02-26-meeting", participants=GENEVA_ROUND, date="2026-02-26", venue="Geneva",
                             articles=("d",))
    for known in ([round_, follow_up], [follow_up, round_]):
        decision = match_recalled(undated(GENEVA_ROUND, "Geneva"), "2026-03-10", known, around="2026-02-23")
        assert decision is not None and decision.event == round_.event
        # planned for about that day, a meeting announces the one nearest it
        planned = replace(undated(GENEVA_ROUND, "Geneva"), status="planned")
        decision = match_recalled(planned, "2026-02-20", known, around="2026-02-23", ahead=True)
        assert decision is not None and decision.event == follow_up.event


def test_a_group_named_alone_recalls_the_stored_event_of_that_group() -> None:
    summit = stored_talks("D-2025-12-18-agreement", kind="agreement", participants=("EU leaders",),
                          date="2025-12-18", venue="Brussels")
    decision = match_recalled(undated(("EU leaders",), kind="agreement"), "2025-12-30", [summit])
    assert decision is not None and decision.event == summit.event
    # one person alone is not enough: the same leader meets and speaks with others within days
    talks = stored_talks("D-2025-12-18-meeting", participants=("Volodymyr Zelensky", "Keir Starmer"), date="2025-12-18")
    assert match_recalled(undated(("Volodymyr Zelensky",)), "2025-12-30", [talks]) is None


def test_a_roughly_dated_meeting_recalls_nothing_far_from_its_day() -> None:
    assert match_recalled(undated(("Vladimir Putin", "Steve Witkoff")), "2025-12-30", [KREMLIN_TALKS],
                          around="2025-12-25") is None
