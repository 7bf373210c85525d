"""Diplomatic events (warledger.extract.diplomacy): kinds, participants, venues, statuses, merging.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.errors import RuleError
from warledger.extract.diplomacy import SIDE_OF_STATE, find_diplomacy
from warledger.extract.diplomacy_rules import load_diplomacy_rules, parse_diplomacy_rules, read_rule_file, trie_pattern
from warledger.extract.text import split_sentences
from warledger.records import DiplomaticEvent
from warledger.resolve.actors import load_actors
from warledger.resolve.gazetteer import load_gazetteer

PUBLISHED = date(2025, 11, 20)  # a Thursday


def events(text: str, published: date | None = PUBLISHED) -> tuple[DiplomaticEvent, ...]:
    return find_diplomacy(text, split_sentences(text), published, load_actors(), load_gazetteer())


def surnames(event: DiplomaticEvent) -> set[str]:
    return {name.split()[-1] for name in event.participants}


@pytest.mark.parametrize(("text", "kind", "participants", "venue", "status"), [
    ("Donald Trump met Vladimir Putin in Anchorage on Friday for almost three hours.",
     "meeting", {"Trump", "Putin"}, "Anchorage", "held"),
    ("Delegations from Ukraine and Russia held talks in Istanbul on Monday.",
     "meeting", {"Ukraine", "Russia"}, "Istanbul", "held"),
    ("Trilateral talks are planned in Geneva next week, officials said.",
     "meeting", {"States", "Ukraine", "Russia"}, "Geneva", "planned"),
    ("Volodymyr Zelensky spoke with Emmanuel Macron by phone on Tuesday evening.",
     "call", {"Zelensky", "Macron"}, None, "held"),
    ("Vladimir Putin refused to meet Volodymyr Zelensky face to face.",
     "meeting", {"Putin", "Zelensky"}, None, "refused"),
    ("Turkey has proposed a ceasefire on the Black Sea.",
     "proposal", {"Turkey"}, None, "proposed"),
    ("A prisoner exchange took place on the border with Belarus on Wednesday.",
     "agreement", {"Russia", "Ukraine"}, None, "held"),
    ("Ukraine and Russia agreed to halt strikes on ports for a month.",
     "agreement", {"Ukraine", "Russia"}, None, "held"),
    ("Emmanuel Macron's ceasefire proposal was put to the allies in a video call.",
     "proposal", {"Macron"}, None, "proposed"),
])
def test_one_sentence_one_event(text: str, kind: str, participants: set[str], venue: str | None,
                                status: str) -> None:
    found = [e for e in events(text) if e.kind == kind]
    assert len(found) == 1, found
    event = found[0]
    assert participants <= surnames(event)
    assert (event.venue.name if event.venue else None) == venue
    assert event.status == status
    assert text[event.evidence.start:event.evidence.end] == event.evidence.text


def test_the_same_meeting_told_three_times_is_one_event() -> None:
    text = ("Keir Starmer met Volodymyr Zelensky in London on Tuesday. "
            "The London meeting lasted two hours. "
            "After the meeting, Starmer said the talks had been useful.")
    meetings = [e for e in events(text) if e.kind == "meeting"]
    assert len(meetings) == 1
    assert surnames(meetings[0]) >= {"Starmer", "Zelensky"}
    assert meetings[0].venue is not None and meetings[0].venue.name == "London"


def test_a_planned_round_is_not_the_round_held() -> None:
    text = ("Envoys of Ukraine and Russia held talks in Riyadh on Monday. "
            "Another round is planned in Riyadh next month.")
    statuses = sorted(e.status or "" for e in events(text) if e.kind == "meeting")
    assert statuses == ["held", "planned"]


def test_a_meeting_on_a_named_weekday_is_dated_and_a_planned_one_looks_ahead() -> None:
    held, = events("Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.")
    assert held.date == "2025-11-18" and str(held.date_precision) == "day"
    planned, = events("Marco Rubio will meet Sergei Lavrov in Riyadh on Tuesday.")
    assert planned.status == "planned" and planned.date == "2025-11-25"


@pytest.mark.parametrize("text", [
    "Officials renewed calls for a ceasefire after the strike.",
    "The drones struck a depot near the border overnight.",
    "Peace talks have made little progress this year.",
    "There was no indication that Witkoff met the Russian envoy.",
])
def test_no_event_where_none_is_reported(text: str) -> None:
    assert events(text) == ()


def test_a_person_named_by_role_takes_part_under_the_name() -> None:
    event, = events("The Ukrainian president met Donald Tusk in Warsaw on Monday.")
    assert surnames(event) >= {"Zelensky", "Tusk"}


def test_two_calls_in_one_sentence() -> None:
    text = "Tusk said he had spoken by phone with Volodymyr Zelensky and with Mark Rutte."
    calls = [surnames(e) for e in events(text) if e.kind == "call"]
    assert {"Tusk", "Zelensky"} in [c & {"Tusk", "Zelensky"} for c in calls]
    assert len(calls) == 2


def _conditional(rule) -> bool:
    """Whether a rule asks more of a sentence than its pattern does (an object, a venue, a subject...)."""
    return bool(rule.needs_object or rule.needs_venue or rule.min_subject or rule.min_parties
                or rule.requires_after is not None)


def test_every_trigger_rule_matches_its_examples() -> None:
    rules = load_diplomacy_rules()
    for n, rule in enumerate(rules.trigger_rules):
        for example in rule.examples:
            groups = {m.lastgroup for m in rules.triggers.finditer(example)}
            assert f"t{n}" in groups, (rule.id, example)
            if _conditional(rule):
                assert any(e.kind == rule.kind for e in events(example)), (rule.id, example)
        for counter in rule.counter_examples:
            groups = {m.lastgroup for m in rules.triggers.finditer(counter)}
            if _conditional(rule) and f"t{n}" in groups:  # the pattern matches; what else it asks must fail
                assert not any(e.kind == rule.kind for e in events(counter)), (rule.id, counter)
            else:
                assert f"t{n}" not in groups, (rule.id, counter)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["trigger"][0].update(id="no-version"), "versioned"),
    (lambda d: d["trigger"][0].update(kind="party"), "kind"),
    (lambda d: d["trigger"][0].update(patterns=[]), "non-empty"),
    (lambda d: d["cue"][0].update(value="maybe"), "value"),
    (lambda d: d["trigger"][0].update(examples=["x"], counter_examples=["x"]), "counter-example"),
])
def test_bad_rule_files_are_refused_loudly(change, message) -> None:
    import copy

    data = copy.deepcopy(dict(read_rule_file("diplomacy.toml")))
    change(data)
    with pytest.raises(RuleError, match=message):
        parse_diplomacy_rules(data)


def test_trie_pattern_matches_exactly_its_words() -> None:
    import re

    pattern = re.compile(r"\b(?:" + trie_pattern(["talk", "talks", "red line", "met"]) + r")\b", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer("Talks met a red   line; no metal, no talker")] == [
        "Talks", "met", "red   line"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Trump", "met", "Putin", "Zelensky", "in", "Geneva", "talks", "between", "Ukraine", "and", "Russia", ",",
    "the", "two", "sides", "agreed", "to", "halt", "strikes", "a", "call", "with", "he", "said", "proposed",
    "plan", "next", "round", "on", "Monday", ".", "\n", "“", "”", "'s", "prisoner", "swap", "refused", "Kyiv",
    "Moscow", "White House", "trilateral", "summit", "Alaska", "will", "meet", "deadline", "ready to meet",
]), max_size=60), st.text(max_size=40))
def test_any_text_gives_events_whose_evidence_is_the_text(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    for event in events(text):
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
        if event.venue is not None:
            ev = event.venue.evidence
            assert text[ev.start:ev.end] == ev.text
        assert event.participants


@pytest.mark.parametrize("text", [
    "Talks between both  sides were held in Geneva on Tuesday.",
    "The Trump \tadministration and Kyiv held talks in Geneva on Tuesday.",
])
def test_phrases_broken_by_extra_whitespace_are_read(text: str) -> None:
    """A group or side phrase whose words stand apart by more than one space is
    looked up as the rules spell it (it once raised KeyError)."""
    assert all(text[e.evidence.start:e.evidence.end] == e.evidence.text for e in events(text))


def test_every_person_of_a_subject_list_takes_part() -> None:
    text = "Keir Starmer and Emmanuel Macron are due in Oslo on Friday for a new round with Jens Stoltenberg."
    meetings = [e for e in events(text) if e.kind == "meeting"]
    assert len(meetings) == 1
    assert surnames(meetings[0]) >= {"Starmer", "Macron", "Stoltenberg"}
    # the place named in the subject's clause is where the round is held
    assert meetings[0].venue is not None and meetings[0].venue.name == "Oslo"


def test_a_subject_list_without_a_conjunction_is_not_read_as_one() -> None:
    text = "Keir Starmer, Emmanuel Macron's host, expects a meeting with Jens Stoltenberg."
    meeting, = [e for e in events(text) if e.kind == "meeting"]
    assert "Macron" not in surnames(meeting)


def test_two_events_of_one_sentence_keep_their_own_participants() -> None:
    text = ("Keir Starmer is due in Oslo on Monday for another round with Jens Stoltenberg, and the first "
            "trilateral talks are set to open in Geneva on Friday.")
    meetings = {e.venue.name if e.venue else None: e for e in events(text) if e.kind == "meeting"}
    assert surnames(meetings["Oslo"]) == {"Starmer", "Stoltenberg"}
    assert surnames(meetings["Geneva"]) == {"States", "Ukraine", "Russia"}


def test_talks_between_two_sides_do_not_take_the_sentence_subject() -> None:
    text = "Having settled a dispute with Poland, Hungary turned to the talks between Ukraine and Russia in Geneva."
    meeting, = [e for e in events(text) if e.kind == "meeting"]
    assert surnames(meeting) == {"Ukraine", "Russia"}


def test_a_group_word_inside_the_trigger_names_the_participants() -> None:
    meeting, = events("Direct talks in Istanbul ended without a ceasefire.")
    assert surnames(meeting) == {"Russia", "Ukraine"}
    assert meeting.venue is not None and meeting.venue.name == "Istanbul"


def test_the_white_house_after_at_is_a_venue() -> None:
    meeting, = events("Volodymyr Zelensky will meet Donald Trump at the White House on Monday.")
    assert surnames(meeting) == {"Zelensky", "Trump"}
    assert meeting.venue is not None and meeting.venue.name == "White House"


def test_visitors_received_by_a_host_and_an_offer_to_receive() -> None:
    held, = events("Late on Tuesday, Keir Starmer and Emmanuel Macron were received by Recep Tayyip Erdoğan.")
    assert surnames(held) == {"Starmer", "Macron", "Erdoğan"}
    offered, = events("Vladimir Putin has offered to receive Volodymyr Zelensky in Minsk.")
    assert offered.kind == "meeting" and offered.status == "proposed"
    assert surnames(offered) == {"Putin", "Zelensky"}
    assert offered.venue is not None and offered.venue.name == "Minsk"


def test_a_place_later_in_the_sentence_is_no_venue_without_in_or_at() -> None:
    text = ("Keir Starmer met Jens Stoltenberg for talks that, aides said, prepared the ground for the "
            "Geneva summit.")
    meeting = next(e for e in events(text) if "Starmer" in surnames(e))
    assert meeting.venue is None


def test_a_preposed_meeting_closed_by_a_comma_takes_the_main_clause() -> None:
    found = [e for e in events("At a meeting in Oslo on Monday, Marco Rubio warned Sergei Lavrov about delays.")
             if e.kind == "meeting"]
    assert len(found) == 1
    assert surnames(found[0]) >= {"Rubio", "Lavrov"}
    assert found[0].venue is not None and found[0].venue.name == "Oslo"


@pytest.mark.parametrize(("text", "who"), [
    ("Emmanuel Macron called Volodymyr Zelensky on Sunday evening.", {"Macron", "Zelensky"}),
    ("After the summit Donald Trump called the Ukrainian president from his plane.", {"Trump", "Zelensky"}),
    ("Emmanuel Macron and Vladimir Putin spoke by phone late on Friday.", {"Macron", "Putin"}),
    ("Donald Trump and Vladimir Putin spoke for almost two hours on Tuesday.", {"Trump", "Putin"}),
])
def test_calls_told_without_the_word_call(text: str, who: set[str]) -> None:
    calls = [e for e in events(text) if e.kind == "call"]
    assert len(calls) == 1, calls
    assert who <= surnames(calls[0])


@pytest.mark.parametrize("text", [
    "Emmanuel Macron called for an immediate truce on Sunday.",
    "Donald Trump called on Vladimir Putin to stop the strikes.",
    "A senator called Vladimir Putin a dictator on Friday.",
    "The so-called Trump plan drew criticism in Kyiv.",
    "Volodymyr Zelensky spoke for an hour at the security forum.",
    "Volodymyr Zelensky spoke briefly by phone with his own negotiating team.",
])
def test_calling_and_speaking_that_are_no_calls(text: str) -> None:
    assert not [e for e in events(text) if e.kind == "call"]


def test_hours_spent_with_someone_are_a_meeting() -> None:
    found = [e for e in events("Steve Witkoff spent three hours with Vladimir Putin in Moscow on Monday.")
             if e.kind == "meeting"]
    assert len(found) == 1
    assert surnames(found[0]) >= {"Witkoff", "Putin"}
    assert found[0].venue is not None and found[0].venue.name == "Moscow"


def test_an_arrival_at_a_venue_is_a_visit_and_other_arrivals_are_not() -> None:
    visit = [e for e in events("Volodymyr Zelensky arrived in Washington on Sunday for talks with Donald Trump.")
             if e.kind == "meeting"]
    assert len(visit) == 1
    assert surnames(visit[0]) >= {"Zelensky", "Trump"} and visit[0].venue is not None
    assert visit[0].venue.name == "Washington"
    assert not [e for e in events("The two delegations came to an agreement on grain.") if e.kind == "meeting"]
    assert not [e for e in events("Rescue teams arrived in Odesa before dawn.") if e.kind == "meeting"]


def test_a_visit_someone_is_only_willing_to_make_is_not_held() -> None:
    text = "Putin has hinted at a summit, as long as Zelensky is willing to fly to Moscow for it."
    meetings = [e for e in events(text) if e.kind == "meeting"]
    assert meetings and all(e.status != "held" for e in meetings)


def test_a_venue_named_later_without_participants_is_not_given_to_another_event() -> None:
    text = "Donald Trump met Volodymyr Zelensky on Sunday. Separately, the talks in Geneva dragged on into the night."
    meeting, = [e for e in events(text) if e.kind == "meeting"]
    assert meeting.venue is None


def test_subject_list_ending_in_unnamed_parties_keeps_the_named_ones() -> None:
    found = events("Officials said envoys from Moldova, the United States and several Nordic states would meet "
                   "in early March.")
    assert any(e.kind == "meeting" and {"Moldova", "United States"} <= set(e.participants) for e in found)


def test_group_followed_by_its_members_is_read_as_the_members() -> None:
    found = events("After lunch Zelensky called a group of European leaders, including France's Emmanuel Macron "
                   "and Germany's Friedrich Merz.")
    calls = [e for e in found if e.kind == "call"]
    assert calls and surnames(calls[0]) == {"Zelensky", "Macron", "Merz"}


def test_discussion_at_a_venue_is_a_meeting() -> None:
    found = events("NATO leaders discussed in Brussels on Friday how to pay for the rebuilding of the grid.")
    assert [(e.kind, e.venue.name if e.venue else None) for e in found] == [("meeting", "Brussels")]
    assert not events("The options were discussed in Brussels by junior staff.")


def test_plan_handed_over_in_person_is_a_meeting_and_still_a_proposal() -> None:
    found = events("The draft, written by Steve Witkoff, was presented to Maia Sandu in Chisinau on Monday by a "
                   "team led by Emmanuel Macron.")
    meetings = [e for e in found if e.kind == "meeting"]
    assert meetings and surnames(meetings[0]) == {"Sandu", "Macron"}
    assert any(e.kind == "proposal" for e in found)


def test_openness_to_meeting_someone_is_a_proposed_meeting() -> None:
    found = events("Erdogan signalled openness to meeting Zelensky in Ankara before the summer.")
    assert [(e.kind, e.status) for e in found] == [("meeting", "proposed")]
    assert surnames(found[0]) == {"Erdoğan", "Zelensky"}


def test_relative_clause_after_the_object_does_not_set_the_status() -> None:
    found = events("In Oslo, Maia Sandu met Alexander Stubb, who offered to host further talks.")
    meetings = [e for e in found if e.kind == "meeting" and e.venue and e.venue.name == "Oslo"]
    assert [e.status for e in meetings] == ["held"]


def test_expected_at_a_place_is_a_planned_visit_only_after_a_copula() -> None:
    found = events("The Finnish foreign minister, Elina Valtonen, is expected in Chisinau on Friday together with "
                   "Kaja Kallas.")
    assert [(e.kind, e.status, e.venue.name if e.venue else None) for e in found] == [
        ("meeting", "planned", "Chisinau")]
    assert {"Valtonen", "Kallas"} <= surnames(found[0])
    assert not events("Heavy rain is expected in Odesa on Friday.")


def test_an_indefinite_plan_named_only_by_its_side_is_no_proposal() -> None:
    assert not [e for e in events("Officials discussed the outline of a Finnish plan on Monday.")
                if e.kind == "proposal"]
    assert [e for e in events("Finland presented a plan for the grid on Monday.") if e.kind == "proposal"]


def test_a_second_call_on_a_day_of_its_own_is_another_event() -> None:
    found = events("Macron and Zelensky spoke by phone on Monday. Macron and Zelensky spoke again by phone on "
                   "Wednesday.")
    assert sorted(e.date or "" for e in found if e.kind == "call") == ["2025-11-17", "2025-11-19"]
    same = events("Macron spoke with Zelensky by phone on Monday. Zelensky said his call with Macron on Monday "
                  "was useful.")
    assert len([e for e in same if e.kind == "call"]) == 1


def test_the_two_men_are_the_two_people_named_before() -> None:
    found = events("Maia Sandu hosted Alexander Stubb in Chisinau on Monday. The two leaders later spoke by "
                   "phone with Zelensky.")
    calls = [e for e in found if e.kind == "call"]
    assert calls and surnames(calls[0]) == {"Sandu", "Stubb", "Zelensky"}


def test_leaders_who_spoke_for_hours_at_a_place_met_there() -> None:
    found = events("Donald Trump met Vladimir Putin in Alaska on Friday. The two leaders spoke for three hours at "
                   "a military base in Anchorage.")
    assert [(e.kind, e.venue.name if e.venue else None) for e in found] == [("meeting", "Anchorage")]


def test_any_deal_is_a_hypothetical_one_and_no_event() -> None:
    assert not events("Kyiv wants any future peace agreement with Moscow to include guarantees.")
    assert [e.kind for e in events("Kyiv wants the future peace agreement with Moscow to include guarantees.")] \
        == ["agreement"]


def test_a_round_with_no_date_set_is_no_event() -> None:
    assert len(events("Finland and Estonia met in Tallinn last month. No date has been set for another round.")) == 1
    assert len(events("Finland and Estonia met in Tallinn last month. A date has been set for another round.")) == 2


def test_a_meeting_said_not_to_be_discussed_is_no_event() -> None:
    assert not events("An aide said a three-way meeting with the Ukrainian president had not been discussed.")
    assert events("An aide said a three-way meeting with the Ukrainian president was being prepared.")


def test_a_deal_someone_calls_or_presses_for_is_a_proposal() -> None:
    found = events("The premier's call for a ten-year, 20-billion missile deal with Germany went unanswered.")
    assert [e.kind for e in found] == ["proposal"]
    signed = events("Kyiv called for a truce and later signed a deal with Moscow.")
    assert [e.kind for e in signed] == ["agreement"]


@pytest.mark.parametrize(("text", "kind", "participants"), [
    ("Vladimir Putin and Austrian Chancellor Karl Nehammer spoke by phone for forty minutes on Monday.",
     "call", {"Putin", "Nehammer"}),
    ("Zelensky said he had spoken with Finnish President Alexander Stubb about air defence.",
     "call", {"Zelensky", "Stubb"}),
])
def test_a_nationality_before_a_title_keeps_the_name_a_participant(text: str, kind: str,
                                                                   participants: set[str]) -> None:
    found = [e for e in events(text) if e.kind == kind]
    assert len(found) == 1, found
    assert participants <= surnames(found[0])


def test_an_attribution_between_light_verb_and_noun_keeps_the_subject() -> None:
    text = "Marco Rubio and Sergei Lavrov held what the ministry described as a \"useful\" phone call on Monday."
    found = [e for e in events(text) if e.kind == "call"]
    assert len(found) == 1, found
    assert {"Rubio", "Lavrov"} <= surnames(found[0])


def test_the_host_of_a_meeting_named_after_it_takes_part() -> None:
    text = "Zelensky attended the meeting hosted by Keir Starmer in London on Friday."
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 1, found
    assert {"Zelensky", "Starmer"} <= surnames(found[0])
    assert found[0].venue is not None and found[0].venue.name == "London"


def test_a_host_and_the_guest_named_after_hosts_met() -> None:
    found = events("Zelensky hosts Alexander Stubb in Kyiv as the winter talks resume.")
    assert [(e.kind, surnames(e)) for e in found] == [("meeting", {"Zelensky", "Stubb"})]
    assert events("The western city hosts thousands of people who fled the shelling.") == ()


def test_a_document_handed_over_by_someone_is_their_proposal() -> None:
    found = [e for e in events("The memorandum handed over by Vladimir Medinsky ran to six pages.")
             if e.kind == "proposal"]
    assert [surnames(e) for e in found] == [{"Medinsky"}]


def test_a_renewed_offer_of_something_is_a_proposal_of_its_author() -> None:
    found = events("Zelensky renewed his offer of a mutual pause in strikes on power plants.")
    assert [(e.kind, surnames(e), e.status) for e in found] == [("proposal", {"Zelensky"}, "proposed")]


def test_a_hedged_subject_and_a_group_the_registry_knows_are_read() -> None:
    found = events("European governments and Kyiv were reported to be drafting a ten-point proposal.")
    assert [set(e.participants) for e in found] == [{"European governments", "Ukraine"}]
    found = events("Advisers from Ukraine, the United States and several European countries will meet next month.")
    assert [set(e.participants) for e in found] == [{"Ukraine", "United States", "European countries"}]


def test_so_called_is_no_call() -> None:
    assert events("Norway will add ships to the so-called coalition of the willing, its premier said.") == ()


def test_the_council_refers_back_to_the_council_named_before() -> None:
    text = ("Ukraine asked the UN Security Council on Tuesday to condemn the shelling of a port.\n\n"
            "The council met in Geneva a day later, at the request of several European members.")
    meetings = [e for e in events(text) if e.kind == "meeting"]
    assert [(e.participants, e.venue.name if e.venue else None) for e in meetings] \
        == [(("UN Security Council",), "Geneva")]


def test_a_council_never_named_before_is_no_participant() -> None:
    text = "The city council met in Geneva on Friday to discuss the budget."
    assert all("UN Security Council" not in e.participants for e in events(text))


def test_readiness_to_meet_someone_named_is_that_meeting_proposed() -> None:
    text = ("Emmanuel Macron spoke to reporters in Lyon on Monday. He said again that he was ready to meet "
            "Keir Starmer in person before the winter.")
    found = [e for e in events(text) if surnames(e) >= {"Macron", "Starmer"}]
    assert [(e.kind, e.status) for e in found] == [("meeting", "proposed")]


def test_readiness_to_meet_no_one_named_stays_a_statement() -> None:
    found = events("Kyiv is ready to meet at any level and in any format, the foreign minister said on Sunday.")
    assert {e.kind for e in found} <= {"statement"}


def test_the_three_delegations_are_the_three_sides() -> None:
    found = events("The three delegations met in Geneva on Saturday for six hours.")
    assert [(e.kind, set(e.participants), e.venue and e.venue.name) for e in found] == [
        ("meeting", {"United States", "Ukraine", "Russia"}, "Geneva")]


def test_an_inverted_list_of_those_also_on_a_call_names_its_participants() -> None:
    text = ("Keir Starmer chaired a video call with Kyiv on Tuesday. Also on the line were Danish Prime Minister "
            "Mette Frederiksen, Donald Tusk and Friedrich Merz.")
    calls = [surnames(e) for e in events(text) if e.kind == "call"]
    assert {"Frederiksen", "Tusk", "Merz"} <= set().union(*calls)


def test_agreeing_on_a_proposal_is_a_proposal_not_an_agreement() -> None:
    found = events("In Warsaw on Friday, Keir Starmer and Emmanuel Macron agreed on a proposal for a month-long "
                   "truce at sea.")
    assert {e.kind for e in found} == {"proposal"}


def test_an_agreed_act_after_that_is_an_agreement_and_an_opinion_is_not() -> None:
    act = events("Keir Starmer and Emmanuel Macron agreed that their navies would halt patrols for a week.")
    assert [surnames(e) for e in act if e.kind == "agreement"] == [{"Starmer", "Macron"}]
    opinion = events("Keir Starmer and Emmanuel Macron agreed that the summit had gone well.")
    assert not [e for e in opinion if e.kind == "agreement"]


def test_a_round_in_the_country_of_the_earlier_talks_is_held_where_they_were() -> None:
    text = ("Delegations from Ukraine and Russia held talks in Geneva on Monday. "
            "The next round is planned for March, again in Switzerland.")
    planned = [e for e in events(text) if e.status == "planned"]
    assert [e.venue.name for e in planned if e.venue is not None] == ["Geneva"]


def test_those_a_summit_brings_together_take_part_in_it() -> None:
    text = ("Emmanuel Macron wants a summit in the spring that would bring Keir Starmer and Donald Tusk together "
            "with him.")
    found = [surnames(e) for e in events(text) if e.kind == "meeting"]
    assert {"Starmer", "Tusk", "Macron"} in found


def test_leaders_who_sit_down_together_meet() -> None:
    found = events("Emmanuel Macron and Keir Starmer will sit down in Ankara on Friday.")
    assert [(e.kind, surnames(e)) for e in found] == [("meeting", {"Macron", "Starmer"})]


def test_a_call_that_only_says_how_a_discussion_took_place_has_its_subject_and_partner() -> None:
    found = events("Emmanuel Macron went over energy prices with Keir Starmer during a video call on Tuesday.")
    assert [(e.kind, surnames(e)) for e in found] == [("call", {"Macron", "Starmer"})]


def test_an_offer_or_a_plan_welcomed_is_no_meeting_but_a_guest_welcomed_is() -> None:
    assert not [e for e in events("In Warsaw, Donald Tusk welcomed the Swiss proposal on Friday.")
                if e.kind == "meeting"]
    found = events("Donald Tusk welcomed Emmanuel Macron to Warsaw on Friday.")
    assert [(e.kind, surnames(e)) for e in found] == [("meeting", {"Tusk", "Macron"})]


def test_a_host_who_will_receive_a_so_called_group_meets_it() -> None:
    found = events("Keir Starmer will host the so-called coalition of the willing, some thirty states, in London "
                   "on Friday.")
    assert [(e.kind, surnames(e), e.venue.name if e.venue else None, e.status) for e in found] == [
        ("meeting", {"Starmer", "Willing"}, "London", "planned")]


def test_who_opens_a_clause_about_a_summit_took_part_in_it() -> None:
    text = "The plan comes after a summit in Rome at which the coalition of the willing promised more air defence."
    found = [e for e in events(text) if e.kind == "meeting"]
    assert [(surnames(e), e.venue.name if e.venue else None) for e in found] == [({"Willing"}, "Rome")]
    # what a deal lets happen is no one taking part in the deal
    deal = events("The envoy asked whether Kyiv would sign a deal in which Moscow kept the coast.")
    assert not [e for e in deal if "Russia" in e.participants]


def test_the_official_who_voices_his_own_states_offer_makes_it() -> None:
    text = "Turkey is ready to host the next round of talks in Istanbul, Foreign Minister Hakan Fidan said on Monday."
    found = [e for e in events(text) if e.kind == "proposal"]
    assert [surnames(e) for e in found] == [{"Turkey", "Fidan"}]
    # an official of another state only reports it
    other = [e for e in events("Turkey proposed a naval truce, Volodymyr Zelensky said on Monday.")
             if e.kind == "proposal"]
    assert [surnames(e) for e in other] == [{"Turkey"}]


@pytest.mark.parametrize("text", [
    ("American and Russian negotiators held talks in Riyadh on Monday. "
     "The Russian team was led by Vladimir Medinsky, while Washington was represented by Steve Witkoff."),
    ("Negotiators from Ukraine and Russia met in Riyadh on Monday. "
     "Vladimir Medinsky, the presidential aide who led the Russian team, spoke to no one afterwards."),
    ("The American, Ukrainian and Russian delegations met in Jeddah for six hours. "
     "The Russian side, led by military intelligence chief Igor Kostyukov, left without a word."),
])
def test_a_round_between_delegations_lists_the_states_not_their_heads(text: str) -> None:
    # docs/gold-conventions.md rule 4: the states of a round are never mixed with its negotiators' names
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 1 and all(name in SIDE_OF_STATE for name in found[0].participants), found


def test_talks_told_with_the_mediator_alone_are_the_talks_between_the_sides() -> None:
    # no talks named with their sides: the US brokers talks between Russia and Ukraine
    found = [e for e in events("The strike came a week after US-brokered talks held in Jeddah.") if e.kind == "meeting"]
    assert [(surnames(e), e.venue.name if e.venue else None) for e in found] == [
        ({"States", "Russia", "Ukraine"}, "Jeddah")]
    # the next round a side proposes is a round of the article's talks
    text = ("Ukrainian, Russian and American negotiators met in Geneva on Tuesday. "
            "Washington has proposed holding the next round in Oslo.")
    rounds = [e for e in events(text) if e.kind == "meeting" and e.venue and e.venue.name == "Oslo"]
    assert [surnames(e) for e in rounds] == [{"States", "Russia", "Ukraine"}]


def test_a_round_being_prepared_is_planned() -> None:
    text = ("Ukraine and Russia held talks in Geneva on Monday. A further round is being prepared for March, "
            "possibly in Riyadh, a diplomat said.")
    assert [(e.status, e.venue.name if e.venue else None) for e in events(text)] == [
        ("held", "Geneva"), ("planned", "Riyadh")]


def test_a_host_who_receives_a_guest_met_them() -> None:
    text = "Recep Tayyip Erdogan received Keir Starmer in Ankara on Tuesday evening."
    found = [e for e in events(text) if e.kind == "meeting"]
    assert [(surnames(e), e.venue.name if e.venue else None) for e in found] == [({"Erdoğan", "Starmer"}, "Ankara")]
    assert events("The mayor received a letter from the ministry on Tuesday.") == ()


def test_signing_a_declaration_is_an_agreement() -> None:
    text = "Emmanuel Macron and Friedrich Merz signed a joint declaration on air defence on Monday."
    found = [e for e in events(text) if e.kind == "agreement"]
    assert [surnames(e) for e in found] == [{"Macron", "Merz"}]


def test_one_who_reports_about_others_does_not_meet() -> None:
    # the verb's subject is the unnamed group of the reported clause, not the spokesman who reports
    text = ("Dmitry Peskov said a technical group would meet in Riyadh on Monday, with Ukrainian experts taking "
            "part alongside Russian and American officials.")
    found = [e for e in events(text) if e.kind == "meeting"]
    assert [surnames(e) for e in found] == [{"States", "Ukraine", "Russia"}]


def test_the_next_round_takes_the_format_named_before_it() -> None:
    text = ("Kremlin spokesman Dmitry Peskov said Moscow still favoured the trilateral format and expected the "
            "next round of talks in Istanbul soon.")
    found = [e for e in events(text) if e.kind == "meeting"]
    assert [(surnames(e), e.venue.name if e.venue else None) for e in found] == [
        ({"States", "Ukraine", "Russia"}, "Istanbul")]
    # a format named after the talks is another noun's: "the Oslo meeting comes before trilateral talks"
    text = "The Vienna meeting comes ahead of trilateral talks set for Istanbul next month."
    vienna = [e for e in events(text) if e.venue and e.venue.name == "Vienna"]
    assert all("Russia" not in e.participants for e in vienna)


def test_a_side_team_named_by_its_side_word_is_its_envoys_named_before() -> None:
    text = ("Power cuts spread on Monday as US envoys Steve Witkoff and Jared Kushner pressed for a truce. "
            "Rustem Umerov met the American team in Geneva on Saturday.")
    found = [e for e in events(text) if e.kind == "meeting"]
    assert [surnames(e) for e in found] == [{"Umerov", "States", "Witkoff", "Kushner"}]


def test_a_call_one_reports_about_another_is_that_ones_call() -> None:
    # the spokesman reports; the one he says is open to the call takes part in it
    text = "Dmitry Peskov said Vladimir Putin remained open to a new conversation with Donald Trump."
    found = [e for e in events(text) if e.kind == "call"]
    assert [surnames(e) for e in found] == [{"Putin", "Trump"}]


def test_two_sides_that_each_free_captives_swapped_them() -> None:
    text = "Kyiv and Moscow each released 150 soldiers on Tuesday under a deal brokered by Qatar."
    found = [e for e in events(text) if e.kind == "agreement"]
    assert [set(e.participants) for e in found][:1] == [{"Ukraine", "Russia"}]
    assert events("The two charities each released a report on the shelters.") == ()


@pytest.mark.parametrize("text", [
    "Moscow opposes any foreign garrison on the coast, an idea that Paris has floated as part of a settlement.",
    "The Kremlin dismissed the monitoring mission, which Finland and Norway have offered through the OSCE.",
    "Russia rejects the buffer zone, an idea floated by several Baltic governments last spring.",
])
def test_an_offer_in_a_relative_clause_about_a_thing_is_no_proposal(text: str) -> None:
    assert [e for e in events(text) if e.kind == "proposal"] == []


def test_an_offer_with_its_object_is_still_a_proposal() -> None:
    found = [e for e in events("France has floated a plan for a garrison on the coast, an official said.")
             if e.kind == "proposal"]
    assert len(found) == 1 and "France" in found[0].participants


@pytest.mark.parametrize(("text", "party"), [
    ("EU leaders agreed on Thursday night to lend Kyiv fifty billion euros from joint borrowing.",
     "EU leaders"),
    ("The European Union agreed in March to loan Moldova two billion euros.", "European Union"),
    ("The coalition of the willing agreed to lend Kyiv its engineers.", "Coalition of the Willing"),
])
def test_a_bloc_agreeing_among_its_members_is_one_agreement(text: str, party: str) -> None:
    # a group or bloc is several parties under one name: alone, it is enough for an agreement
    found = [e for e in events(text) if e.kind == "agreement"]
    assert [e.participants for e in found] == [(party,)]


def test_one_state_agreeing_alone_is_no_agreement() -> None:
    assert [e for e in events("Hungary agreed on Thursday to lend the money.") if e.kind == "agreement"] == []


@pytest.mark.parametrize("text", [
    "Emmanuel Macron spent nearly three hours at the Elysee on Sunday evening with Volodymyr Zelensky.",
    "Keir Starmer spent more than an hour on Monday with Mark Rutte before the summit.",
])
def test_time_spent_with_someone_is_a_meeting_even_with_the_place_and_day_between(text: str) -> None:
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 1 and len(surnames(found[0])) == 2


@pytest.mark.parametrize(("text", "people"), [
    ("Emmanuel Macron met Marco Rubio, the U.S. secretary of state, and Sergei Lavrov in Antalya on Friday.",
     {"Macron", "Rubio", "Lavrov"}),
    ("Rustem Umerov, Kyiv's lead negotiator at the talks, met Steve Witkoff in Geneva on Sunday.",
     {"Umerov", "Witkoff"}),
])
def test_an_apposition_after_a_person_names_no_participant_and_does_not_end_the_list(text: str,
                                                                                   people: set[str]) -> None:
    # the state in "the U.S. secretary of state" or "Kyiv's lead negotiator" says who the person is: no party
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 1 and surnames(found[0]) == people


def test_an_apposition_before_a_second_verb_still_closes_the_object() -> None:
    # "and" + a verb after the commas goes back to the sentence's subject, not to the person before them
    found = [e for e in events("Volodymyr Zelensky met Keir Starmer, the British prime minister, and asked for "
                               "more air defence.") if e.kind == "meeting"]
    assert len(found) == 1 and surnames(found[0]) == {"Zelensky", "Starmer"}


def test_meeting_after_a_form_of_be_is_the_verb_and_takes_its_object() -> None:
    found = [e for e in events("Hakan Fidan is meeting Sergei Lavrov and Andrii Sybiha in Antalya today.")
             if e.kind == "meeting"]
    assert len(found) == 1 and surnames(found[0]) == {"Fidan", "Lavrov", "Sybiha"}


def test_a_host_who_will_receive_a_guest_plans_a_meeting() -> None:
    found = [e for e in events("Keir Starmer will receive Mark Rutte in London on Friday.") if e.kind == "meeting"]
    assert len(found) == 1 and surnames(found[0]) == {"Starmer", "Rutte"} and found[0].status == "planned"
    assert [e for e in events("Kyiv will receive the first generators on Friday.") if e.kind == "meeting"] == []


def test_a_spokesman_confirming_his_own_leader_agreed_is_no_party_to_the_agreement() -> None:
    found = events("The Kremlin spokesman Dmitry Peskov confirmed on Monday that Vladimir Putin had agreed to pause "
                   "the strikes.")
    assert [e for e in found if e.kind == "agreement" and "Dmitry Peskov" in e.participants] == []
    other = [e for e in events("Donald Trump said on Monday that Vladimir Putin had agreed to pause the "
                               "strikes on the grid.") if e.kind == "agreement"]
    assert len(other) == 1 and surnames(other[0]) == {"Trump", "Putin"}


def test_a_round_named_by_its_format_is_the_talks_of_the_sides() -> None:
    found = [e for e in events("The third trilateral round in Geneva was moved to next Tuesday.")
             if e.kind == "meeting"]
    assert len(found) == 1 and set(found[0].participants) == {"United States", "Ukraine", "Russia"}
    assert found[0].venue is not None and found[0].venue.name == "Geneva"


def test_envoys_meeting_the_other_sides_and_the_round_of_those_sides_are_one_event() -> None:
    text = ("Donald Trump said Steve Witkoff and Jared Kushner would meet Russian and Ukrainian negotiators in "
            "Istanbul next week. Officials said the next trilateral round in Istanbul could last two days.")
    found = [e for e in events(text) if e.kind == "meeting"]
    # one event, told by the states of its sides (docs/gold-conventions.md rule 4), the envoys standing for theirs
    assert len(found) == 1 and set(found[0].participants) == {"United States", "Russia", "Ukraine"}


def test_the_other_side_told_by_its_side_word_is_its_envoys_named_before() -> None:
    text = ("The White House said US envoys Steve Witkoff and Jared Kushner had flown to Geneva on Sunday. "
            "Ukraine's delegation, headed by Rustem Umerov, met the U.S. side in Geneva on Monday.")
    found = [e for e in events(text) if e.kind == "meeting" and "Rustem Umerov" in e.participants]
    assert len(found) == 1 and {"Witkoff", "Kushner", "Umerov"} <= surnames(found[0])


def test_they_after_a_list_of_people_stands_for_those_people() -> None:
    text = ("Hakan Fidan will see Marco Rubio and Sergei Lavrov in Antalya on Friday, a week after they held talks "
            "with Andrii Sybiha in Geneva.")
    found = [e for e in events(text) if e.kind == "meeting" and "Andrii Sybiha" in e.participants]
    assert len(found) == 1 and surnames(found[0]) == {"Rubio", "Lavrov", "Sybiha"}
    # a "they" after no list of people is read as before: no one
    assert all("Hakan Fidan" not in e.participants for e in events("Officials said they held talks in Geneva."))


def test_a_plural_title_before_names_is_no_participant() -> None:
    found = [e for e in events("Kremlin envoys Yuri Ushakov and Kirill Dmitriev met Marco Rubio in Riyadh.")
             if e.kind == "meeting"]
    assert len(found) == 1 and surnames(found[0]) == {"Ushakov", "Dmitriev", "Rubio"}


def test_someone_met_separately_after_and_is_another_meeting() -> None:
    found = [e for e in events("Marco Rubio met Andrii Sybiha on Tuesday and then, separately, Sergei Lavrov.")
             if e.kind == "meeting"]
    assert sorted(sorted(surnames(e)) for e in found) == [["Lavrov", "Rubio"], ["Rubio", "Sybiha"]]


def test_the_same_envoys_meeting_each_warring_leader_are_two_meetings() -> None:
    text = ("Volodymyr Zelensky sat down with Steve Witkoff and Jared Kushner in Rome on Monday. "
            "That followed a long session between Witkoff, Kushner and Vladimir Putin last week.")
    found = [e for e in events(text) if e.kind == "meeting"]
    assert sorted(sorted(surnames(e)) for e in found) == [["Kushner", "Putin", "Witkoff"],
                                                          ["Kushner", "Witkoff", "Zelensky"]]


# --- dates told in the predicate, report dates, dates given up, talks over several days ---------------------

@pytest.mark.parametrize(("text", "day"), [
    # the date after the participants, in the verb's predicate
    ("Sergei Lavrov met Hakan Fidan, his Turkish counterpart, in Antalya on Tuesday.", date(2025, 11, 18)),
    # a noun's talks dated by the verb they are the subject of
    ("The third round of talks between Kyiv and Moscow is due to open in Istanbul on Saturday.",
     date(2025, 11, 22)),
    # the date of the report yields to the event's own
    ("Andrii Sybiha said on Wednesday that the next round with Russia would take place in Geneva on Monday.",
     date(2025, 11, 24)),
    # a date given up is never the event's
    ("The Riyadh talks between Ukraine and Russia, originally planned for Friday, will now open on Sunday.",
     date(2025, 11, 23)),
    ("Talks between Ukraine and Russia in Doha, set for Friday, were postponed by a week.", None),
])
def test_a_meetings_date_is_read_in_its_predicate(text: str, day: date | None) -> None:
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 1, found
    assert found[0].date == (None if day is None else day.isoformat())


def test_what_an_agreement_is_about_does_not_date_it() -> None:
    text = "Kyiv and Moscow agreed that both sides would hand over 300 captives on Saturday."
    found = [e for e in events(text) if e.kind == "agreement"]
    assert len(found) == 1 and found[0].date is None, found


def test_a_swap_is_dated_by_its_predicate() -> None:
    found = [e for e in events("Russia and Ukraine exchanged 150 prisoners each on Monday.")
             if e.kind == "agreement"]
    assert len(found) == 1 and found[0].date == "2025-11-17", found


def test_talks_over_two_days_are_dated_by_the_day_they_began() -> None:
    text = ("Talks between Ukraine and Russia resumed in Geneva on Tuesday. "
            "Ukraine and Russia had held six hours of talks in Geneva on Monday.")
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 1 and found[0].date == "2025-11-17", found


def test_a_delegation_and_the_other_sides_envoy_met_separately_are_two_meetings() -> None:
    text = ("Marco Rubio met Kirill Dmitriev in Riyadh on Sunday. "
            "Rubio also held separate talks with a Ukrainian delegation.")
    found = [e for e in events(text) if e.kind == "meeting"]
    assert len(found) == 2, found
    assert not any({"Dmitriev", "Ukraine"} <= surnames(e) for e in found), found


def test_an_opening_round_keeps_its_date() -> None:
    found = [e for e in events("The first round between Ukraine and Russia in Geneva on Monday ended early.")
             if e.kind == "meeting"]
    assert len(found) == 1 and found[0].date == "2025-11-17", found


def test_a_meeting_on_a_weekday_night_is_dated_that_day() -> None:
    # "Tuesday night" dates an attack by the morning it ended; talks that ran that night were held on Tuesday
    (held,) = events("Erdogan spent four hours with Sybiha in Ankara on Tuesday night.")
    assert held.kind == "meeting" and held.date == "2025-11-18"


@pytest.mark.parametrize(("text", "participants"), [
    # a leader's team not named stands for the leader's state
    ("Erdogan spent two hours with Donald Trump's envoys in Ankara on Monday.",
     ("Recep Tayyip Erdoğan", "United States")),
    ("Putin's envoys met the Americans in Riyadh on Tuesday.", ("Russia", "United States")),
    # a capital's team stands for its government too
    ("Washington's envoys are due to sit down with Vladimir Putin in Moscow on Thursday.",
     ("United States", "Vladimir Putin")),
    ("Moscow's negotiators met Kyiv's envoys in Istanbul on Monday.", ("Russia", "Ukraine")),
    # named next, the team is its people
    ("Erdogan met Trump's envoys Steve Witkoff and Jared Kushner in Ankara on Monday.",
     ("Recep Tayyip Erdoğan", "Steve Witkoff", "Jared Kushner")),
])
def test_a_leaders_team_not_named_is_the_leaders_state(text: str, participants: tuple[str, ...]) -> None:
    (meeting,) = events(text)
    assert sorted(meeting.participants) == sorted(participants)


def test_a_meeting_told_once_by_states_and_once_by_people_is_one() -> None:
    # the envoys named in one sentence, their state in another: one meeting, not two
    text = ("Zelensky sat down with Steve Witkoff and Jared Kushner in Berlin on Sunday. "
            "The talks between Zelensky and Donald Trump's envoys in Berlin ran for five hours.")
    (meeting,) = [e for e in events(text) if e.kind == "meeting"]
    assert {"Volodymyr Zelensky", "Steve Witkoff", "Jared Kushner"} <= set(meeting.participants)


@pytest.mark.parametrize(("text", "day"), [
    ("Kyiv's negotiators fly to Doha tonight for a fresh round with the American team.", "2025-11-20"),
    ("Rustem Umerov heads to Miami for talks with Steve Witkoff on Saturday.", "2025-11-22"),
    ("Ukraine's delegation travels to Riyadh for a third round on Monday and Tuesday.", "2025-11-24"),
])
def test_a_team_setting_off_for_talks_tells_planned_talks(text: str, day: str) -> None:
    found = [e for e in events(text) if e.kind == "meeting"]
    assert found and all(e.status == "planned" for e in found), found
    assert day in {e.date for e in found}


@pytest.mark.parametrize("text", [
    "Ahead of the Riyadh round, Andriy Yermak met Marco Rubio on Monday.",
    "On a trip to Paris, Zelensky met Emmanuel Macron on Monday.",
])
def test_a_meeting_verb_after_a_phrase_about_other_talks_is_held(text: str) -> None:
    met = [e for e in events(text) if e.kind == "meeting" and len(e.participants) >= 2]
    assert met and all(e.status == "held" for e in met), met
    assert "2025-11-17" in {e.date for e in met}


def test_an_unnamed_mention_joins_the_talks_named_in_its_own_sentence() -> None:
    text = ("The first round, held in Doha in October, ended without a deal. "
            "Kyiv's delegation confirmed its trip to Doha for the second round with Russian and American envoys "
            "on Monday.")
    rounds = sorted((e for e in events(text) if e.kind == "meeting"), key=lambda e: e.status or "")
    assert [e.status for e in rounds] == ["held", "planned"], rounds
    assert (rounds[0].date, str(rounds[0].date_precision)) == ("2025-10-15", "approx")  # "in October"
    assert rounds[1].date == "2025-11-24"


def test_a_round_in_a_capital_named_by_its_country_has_that_venue() -> None:
    text = ("American, Russian and Ukrainian delegations met in Doha on Monday. "
            "Their next round, in the Saudi capital, is expected within a month.")
    venues = {e.venue.name for e in events(text) if e.kind == "meeting" and e.venue is not None}
    assert venues == {"Doha", "Riyadh"}


def test_the_same_people_meeting_again_weeks_later_is_another_meeting() -> None:
    text = ("Delegations of the United States, Russia and Ukraine held talks in Geneva on November 3 and 4. "
            "On November 13, Rustem Umerov met Steve Witkoff again in the Swiss city.")
    held = sorted((e for e in events(text) if e.kind == "meeting"), key=lambda e: e.date or "")
    assert [(e.date, e.venue.name if e.venue else None) for e in held] == [("2025-11-03", "Geneva"),
                                                                            ("2025-11-13", "Geneva")]
    assert surnames(held[1]) >= {"Umerov", "Witkoff"}


@pytest.mark.parametrize(("text", "day"), [
    ("On Monday, Zelensky met Friedrich Merz in Berlin.", "2025-11-17"),
    ("On November 12, Sybiha spoke with Radoslaw Sikorski by phone.", "2025-11-12"),
])
def test_a_date_opening_the_sentence_dates_its_event(text: str, day: str) -> None:
    found, = events(text)
    assert found.date == day


def test_a_round_recalled_elsewhere_is_a_round_of_the_sides_talks_not_the_main_meeting() -> None:
    text = ("Steve Witkoff met Kirill Dmitriev in Miami on Saturday. "
            "Witkoff and Dmitriev talked for three hours, and the meeting ended late. "
            "The first round in the Emirati capital ended without a breakthrough.")
    rounds = [e for e in events(text) if e.venue is not None and e.venue.name == "Abu Dhabi"]
    assert len(rounds) == 1 and "Dmitriev" not in surnames(rounds[0]), rounds
    assert {"Russia", "Ukraine"} <= set(rounds[0].participants)


def test_a_counted_group_stands_for_the_last_list_of_that_many_people() -> None:
    text = ("On Tuesday Zelensky travelled to Paris, where Polish Prime Minister Donald Tusk, Italian Prime "
            "Minister Giorgia Meloni and Danish Prime Minister Mette Frederiksen joined Emmanuel Macron. "
            "The four European leaders then spoke with Trump by phone on Wednesday.")
    call, = (e for e in events(text) if e.kind == "call")
    assert surnames(call) == {"Tusk", "Meloni", "Frederiksen", "Macron", "Trump"}


@pytest.mark.parametrize("first", [
    "Steve Witkoff and Jared Kushner held talks with Putin in Moscow.",
    # a possessor in an apposition is passed over when more people are named than counted
    "Steve Witkoff and Jared Kushner, President Trump's son-in-law, held talks with Putin in Moscow.",
])
def test_a_counted_nationality_stands_for_the_people_of_that_side_named_before(first: str) -> None:
    text = first + " Days later, Rustem Umerov spent two days with the two Americans in Miami."
    miami, = (e for e in events(text) if e.venue is not None and e.venue.name == "Miami")
    assert surnames(miami) == {"Umerov", "Witkoff", "Kushner"}


def test_a_counted_group_that_counts_other_people_than_those_named_stands_for_no_one() -> None:
    text = ("Zelensky met Emmanuel Macron in London on Monday. "
            "The three leaders later spoke with Donald Trump by phone.")  # two were named, not three
    assert not any(e.kind == "call" and "Macron" in surnames(e) for e in events(text))


def test_the_people_listed_after_where_are_at_the_venue_with_the_traveller() -> None:
    text = ("On Monday, Zelensky flew to Rome, where Italian Prime Minister Giorgia Meloni and Polish Prime "
            "Minister Donald Tusk promised more air defence.")
    rome, = (e for e in events(text) if e.venue is not None and e.venue.name == "Rome")
    assert surnames(rome) == {"Zelensky", "Meloni", "Tusk"}


@pytest.mark.parametrize(("text", "who", "day"), [
    ("Emmanuel Macron and Friedrich Merz agreed during a telephone conversation on Tuesday that the coalition "
     "would meet in Rome.", {"Macron", "Merz"}, "2025-11-18"),
    ("Putin told Trump in a phone call on Monday that Moscow still wanted all of Donbas.", {"Putin", "Trump"},
     "2025-11-17"),
])
def test_a_call_that_says_how_a_verb_was_done_takes_the_clause_parties(text: str, who: set[str], day: str) -> None:
    call, = (e for e in events(text) if e.kind == "call")
    assert surnames(call) == who and call.status == "held" and call.date == day and call.venue is None


def test_a_mention_of_several_rounds_with_their_dates_is_one_meeting_per_round() -> None:
    text = ("The three delegations met twice in the Saudi capital, on October 2-3 and again on October 20-21, "
            "and then in the Swiss city of Geneva on November 5-6.")
    rounds = sorted((e.date, e.venue.name if e.venue else None) for e in events(text) if e.kind == "meeting")
    assert rounds == [("2025-10-02", "Riyadh"), ("2025-10-20", "Riyadh"), ("2025-11-05", "Geneva")]


def test_one_round_told_over_two_days_is_not_split() -> None:
    text = "Delegations of Ukraine and Russia met twice in Istanbul, on November 3 and again on November 4."
    assert [e.date for e in events(text) if e.kind == "meeting"] == ["2025-11-03"]


def test_a_round_pencilled_in_is_planned() -> None:
    text = "The third round between Ukraine and Russia, pencilled in for Monday in Riyadh, may slip again."
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert meeting.status == "planned" and meeting.date == "2025-11-24"


def test_a_meeting_planned_for_a_rough_day_to_come_is_dated_roughly() -> None:
    text = "Witkoff and Kushner will meet the Ukrainian and Russian delegations in Istanbul next week."
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert meeting.status == "planned"
    assert (meeting.date, str(meeting.date_precision)) == ("2025-11-24", "approx")  # next week's Monday


def test_a_meeting_recalled_with_a_rough_date_is_dated_roughly() -> None:
    text = "Negotiators of Ukraine and Russia met in Riyadh in early November, without a breakthrough."
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert (meeting.date, str(meeting.date_precision)) == ("2025-11-05", "approx")


def test_rounds_counted_with_rough_dates_are_one_meeting_each() -> None:
    text = ("Delegations of Ukraine, Russia and the United States met in Geneva this week, after two rounds in "
            "Riyadh in mid-October and early November.")
    riyadh = sorted(e.date or "" for e in events(text) if e.venue is not None and e.venue.name == "Riyadh")
    assert riyadh == ["2025-10-15", "2025-11-05"]


def test_the_three_countries_of_the_talks_are_the_trilateral_sides() -> None:
    found = events("Delegations from the three countries met in Riyadh on Monday.")
    meeting, = (e for e in found if e.kind == "meeting")
    assert set(meeting.participants) == {"United States", "Ukraine", "Russia"}


def test_the_same_counted_group_stands_for_the_people_named_sentences_before() -> None:
    text = ("On Monday, Trump spoke by phone with Emmanuel Macron, Keir Starmer and Friedrich Merz. Trump said the "
            "talk was blunt. The same three European leaders had hosted Zelensky in London a week earlier.")
    london, = (e for e in events(text) if e.venue is not None and e.venue.name == "London")
    assert surnames(london) == {"Zelensky", "Macron", "Starmer", "Merz"}


def test_an_apposition_with_a_title_or_a_possessor_names_no_participant() -> None:
    text = ("Rustem Umerov, head of Ukraine's negotiating team, met Jared Kushner, the US president's son-in-law, "
            "and Steve Witkoff in Geneva on Monday.")
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert set(meeting.participants) == {"Rustem Umerov", "Jared Kushner", "Steve Witkoff"}


def test_a_round_of_states_with_one_sides_envoys_lists_the_states() -> None:
    text = ("Ukrainian and Russian negotiators last met in Riyadh in October, with Washington's envoys Steve Witkoff "
            "and Jared Kushner in attendance.")
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert set(meeting.participants) == {"Ukraine", "Russia", "United States"}


def test_envoys_expected_to_visit_a_capital_are_a_planned_meeting_of_theirs() -> None:
    text = "The Kremlin expects Steve Witkoff and Jared Kushner to visit Moscow next week."
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert meeting.status == "planned" and {"Witkoff", "Kushner"} <= surnames(meeting)
    assert "Russia" not in meeting.participants  # the capital visited is no party


@pytest.mark.parametrize("recalled", [
    "The opening round in Abu Dhabi on November 3 ended without a deal.",
    "The Abu Dhabi round on November 3 ended without a deal.",
    "It follows two sessions in Abu Dhabi on November 3 and November 10.",
])
def test_a_round_recalled_without_participants_is_a_round_of_the_articles_talks(recalled: str) -> None:
    text = "Ukraine, Russia and the United States will hold trilateral talks in Geneva on Tuesday. " + recalled
    abu_dhabi = [e for e in events(text) if e.venue is not None and e.venue.name == "Abu Dhabi"]
    assert abu_dhabi and all(e.status == "held" and set(e.participants) == {"United States", "Ukraine", "Russia"}
                             for e in abu_dhabi)
    assert "2025-11-03" in {e.date for e in abu_dhabi}


def test_a_round_named_by_its_venue_takes_that_venue_not_one_of_a_later_trigger() -> None:
    text = ("Ukraine, Russia and the United States will hold trilateral talks in Geneva on Tuesday. The Geneva "
            "round will be the third trilateral meeting this year, after two sessions in Abu Dhabi in October.")
    found = events(text)
    planned = [e for e in found if e.status == "planned"]
    assert [e.venue.name for e in planned if e.venue is not None] == ["Geneva"]
    assert {e.venue.name for e in found if e.status == "held" and e.venue is not None} == {"Abu Dhabi"}


def test_another_round_of_shelling_is_no_round_of_talks() -> None:
    assert not events("Another round of shelling hit Kharkiv overnight, the governor said.")


@pytest.mark.parametrize(("text", "who"), [
    ("Zelensky spoke on Tuesday. The Ukrainian leader said he and US President Donald Trump had agreed during a "
     "telephone call on Monday that the next round would be held in Riyadh.", {"Zelensky", "Trump"}),
    ("Presidential aide Yury Ushakov told reporters that Vladimir Putin informed Donald Trump of the attack during "
     "a telephone conversation on Monday.", {"Putin", "Trump"}),  # the aide reports the call, he was not on it
    ("Zelenskiy also spoke by phone on Wednesday with the European Commission president, Ursula von der Leyen.",
     {"Zelensky", "Leyen"}),
    ("Saudi Crown Prince Mohammed bin Salman discussed the arrangements with Vladimir Putin by phone on Tuesday.",
     {"Salman", "Putin"}),
])
def test_a_call_told_by_how_they_spoke_names_both_speakers(text: str, who: set[str]) -> None:
    call, = (e for e in events(text) if e.kind == "call")
    assert surnames(call) == who and call.status == "held"


def test_with_after_the_day_and_place_names_who_was_met() -> None:
    meeting, = events("Zelensky met on Monday in Paris with Emmanuel Macron.")
    assert surnames(meeting) == {"Zelensky", "Macron"} and meeting.venue is not None and meeting.venue.name == "Paris"


def test_with_after_another_verb_names_no_one_met() -> None:
    text = "Zelensky said Washington must do more. US senators visiting Odesa last month agreed with him."
    assert not any("Volodymyr Zelensky" in e.participants and e.kind == "meeting" for e in events(text))


def test_a_meeting_recalled_without_participants_elsewhere_is_no_round_of_the_talks() -> None:
    text = ("Ukraine, Russia and the United States will hold trilateral talks in Geneva on Tuesday. Leaders of the "
            "group signed a declaration on a future force at a meeting in Paris in early November.")
    assert not any(e.venue is not None and e.venue.name == "Paris" for e in events(text))
    negotiators = ("Ukraine, Russia and the United States will hold trilateral talks in Geneva on Tuesday. Before "
                   "that, negotiators met in Abu Dhabi at the end of October.")
    assert any(e.venue is not None and e.venue.name == "Abu Dhabi" and e.status == "held"
               for e in events(negotiators))


def test_a_relative_clause_after_a_meeting_tells_another_event_with_its_own_status() -> None:
    text = ("The attack followed a meeting in Istanbul on Friday between Andrii Sybiha and Hakan Fidan, at which "
            "Ankara offered to host the next round of the three-way talks.")
    istanbul = [e for e in events(text) if e.kind == "meeting" and e.venue is not None and e.venue.name == "Istanbul"]
    assert [(e.status, surnames(e)) for e in istanbul] == [("held", {"Sybiha", "Fidan"})]


def test_the_two_leaders_are_not_the_aide_who_reports_on_them() -> None:
    text = ("Presidential aide Yury Ushakov told reporters that Vladimir Putin informed Donald Trump of the attack "
            "during a telephone conversation on Monday. It was the second conversation between the two leaders in "
            "two days: they had also spoken on Sunday.")
    calls = [e for e in events(text) if e.kind == "call"]
    assert sorted(e.date or "" for e in calls) == ["2025-11-16", "2025-11-17"]
    assert all(surnames(e) == {"Putin", "Trump"} for e in calls)


def test_a_leader_asked_by_another_to_hold_back_is_the_askers_proposal() -> None:
    text = "Donald Trump told reporters that he had personally asked Vladimir Putin not to strike Kyiv for a week."
    proposal, = (e for e in events(text) if e.kind == "proposal")
    assert surnames(proposal) == {"Trump", "Putin"} and proposal.status == "proposed"
    assert not [e for e in events("Zelensky said he had asked Trump for more Patriot systems.") if e.kind == "proposal"]


def test_a_groups_video_call_counts_with_the_chairs_named_after_it() -> None:
    text = ("Wednesday's video call of the coalition of the willing, chaired jointly from London and Paris by Keir "
            "Starmer and Emmanuel Macron, ran for almost two hours.")
    call, = events(text)
    assert call.kind == "call" and set(call.participants) == {"Coalition of the Willing", "Keir Starmer",
                                                              "Emmanuel Macron"}
    alone, = events("Wednesday's video call of the coalition of the willing ran for almost two hours.")
    assert alone.participants == ("Coalition of the Willing",)


def test_envoys_who_saw_a_leader_met_him_whatever_the_main_clause_plans() -> None:
    text = ("US envoys Steve Witkoff and Jared Kushner, who saw Vladimir Putin in Moscow late last month, are "
            "expected to travel to Kyiv before the end of the year.")
    moscow, = (e for e in events(text) if e.venue is not None and e.venue.name == "Moscow")
    assert moscow.status == "held" and surnames(moscow) == {"Witkoff", "Kushner", "Putin"}
    assert not events("Residents saw the drones approach the port.")


def test_three_way_rounds_at_two_venues_named_by_descriptors() -> None:
    text = ("The three-way rounds between American, Ukrainian and Russian delegations that opened in the Emirati "
            "capital in September moved to the Swiss city in October.")
    assert sorted(e.venue.name for e in events(text) if e.venue is not None) == ["Abu Dhabi", "Geneva"]


def test_his_team_is_the_state_of_the_person_it_belongs_to() -> None:
    meeting, = events("Zelensky said talks between his team and US envoys in Geneva on Thursday had been useful.")
    assert set(meeting.participants) == {"Ukraine", "United States"}


@pytest.mark.parametrize("text", [
    "After a phone call with Emmanuel Macron, Zelensky said the coalition would meet.",
    "Speaking in Kyiv on Friday after a phone call with Emmanuel Macron, Zelensky said the coalition would meet.",
])
def test_a_call_in_an_opening_after_phrase_is_the_main_clauses_subjects(text: str) -> None:
    call, = (e for e in events(text) if e.kind == "call")
    assert surnames(call) == {"Macron", "Zelensky"}


def test_a_clause_between_commas_after_a_name_is_no_apposition() -> None:
    text = "According to Zelensky, the delegations will meet again in the Emirati capital on Sunday, 30 November."
    meeting, = events(text)
    assert meeting.venue is not None and meeting.venue.name == "Abu Dhabi" and meeting.status == "planned"


def test_two_rounds_met_in_two_months_joined_by_and() -> None:
    text = "Delegations from Washington, Kyiv and Moscow met twice in Abu Dhabi in September and October."
    rounds = [e for e in events(text) if e.venue is not None and e.venue.name == "Abu Dhabi"]
    assert sorted(e.date or "" for e in rounds) == ["2025-09-15", "2025-10-15"]


def test_rounds_told_by_parts_of_months_are_two_rounds_of_the_sides_talks() -> None:
    text = ("Ukraine, Russia and the United States will meet again in Riyadh next month, officials said. Before "
            "that, negotiators met twice in Doha, at the end of September and once more in the first days of October.")
    rounds = [e for e in events(text) if e.venue is not None and e.venue.name == "Doha"]
    assert sorted(e.date or "" for e in rounds) == ["2025-09-27", "2025-10-03"]
    assert all(set(e.participants) == {"Ukraine", "Russia", "United States"} for e in rounds)


def test_rounds_recalled_at_a_venue_the_main_meeting_lacks_are_the_sides_rounds() -> None:
    text = ("Zelensky's negotiator Rustem Umerov met Witkoff and Kushner on Tuesday, and Zelensky said the meeting "
            "went well. That followed two rounds in the Qatari capital in late September and early October.")
    rounds = [e for e in events(text) if e.venue is not None and e.venue.name == "Doha"]
    assert sorted(e.date or "" for e in rounds) == ["2025-09-25", "2025-10-05"]


def test_a_round_told_at_its_venue_after_other_rounds_is_one_more_round() -> None:
    text = ("Envoys of Kyiv, Moscow and Washington held two rounds in Doha, in late September and in early October, "
            "followed by a round in Riyadh in mid-October that closed without a deal on land.")
    rounds = sorted((e.date or "", e.venue.name) for e in events(text) if e.venue is not None)
    assert rounds == [("2025-09-25", "Doha"), ("2025-10-05", "Doha"), ("2025-10-15", "Riyadh")]


def test_a_counted_session_at_a_venue_the_main_meeting_lacks_is_one_of_the_sides_rounds() -> None:
    text = ("Zelensky's negotiator Rustem Umerov met Witkoff and Kushner on Tuesday to prepare the next round of "
            "talks. The sides met twice in Doha, once in late September and once more at the start of October, "
            "before a third session in Riyadh in mid-October.")
    riyadh, = (e for e in events(text) if e.venue is not None and e.venue.name == "Riyadh")
    assert riyadh.date == "2025-10-15" and set(riyadh.participants) == {"Ukraine", "Russia"}


def test_talks_with_the_participation_of_states_are_between_them_and_dated_by_their_predicate() -> None:
    text = ("Peskov said on Thursday that the next round of consultations with the participation of Russia, the "
            "United States and Ukraine would be held in Riyadh next week as agreed.")
    round_, = events(text)
    assert set(round_.participants) == {"Russia", "United States", "Ukraine"}
    assert round_.status == "planned" and round_.date == "2025-11-24"


def test_a_meeting_on_a_calendar_day_still_to_come_is_planned_for_it() -> None:
    text = "Sybiha wants a tougher package when EU foreign ministers meet in Brussels on December 1."
    meeting, = events(text)
    assert meeting.status == "planned" and meeting.date == "2025-12-01"
    past, = events("EU foreign ministers met in Brussels on November 10.")
    assert past.status == "held" and past.date == "2025-11-10"


def test_a_street_is_no_party_to_what_is_signed_after_talks_held_on_it() -> None:
    text = ("Polish Foreign Minister Radoslaw Sikorski and his Ukrainian counterpart Andrii Sybiha met in Warsaw on "
            "Monday. After the talks, held at the ministry on Szucha Avenue, the two ministers signed a joint "
            "declaration on freight.")
    agreement, = (e for e in events(text) if e.kind == "agreement")
    assert {p.split()[-1] for p in agreement.participants} == {"Sikorski", "Sybiha"}


def test_one_briefed_by_phone_is_on_a_call() -> None:
    call, = events("Sikorski said he would brief US Secretary of State Marco Rubio on the talks by phone on Friday.")
    assert (call.kind, call.status, call.date) == ("call", "planned", "2025-11-21")
    assert {p.split()[-1] for p in call.participants} == {"Sikorski", "Rubio"}
    assert events("The minister briefed reporters on the talks by phone.") == ()


@pytest.mark.parametrize(("line", "day"), [
    ("Oct. 28 - President Donald Trump receives Zelenskiy at his Mar-a-Lago club in Florida.", "2025-10-28"),
    ("Oct. 23-24 - Putin and Trump meet in Budapest.", "2025-10-23"),
])
def test_a_timeline_line_is_dated_by_the_day_opening_it(line: str, day: str) -> None:
    meeting, = events(line)
    assert meeting.date == day


def test_the_subject_of_a_verb_is_the_name_before_an_apposition() -> None:
    text = ("On Tuesday, the Coalition of the Willing, the group of Kyiv's backers led by Britain and France, met "
            "in Paris.")
    meeting, = events(text)
    assert meeting.participants == ("Coalition of the Willing",) and meeting.date == "2025-11-18"
    call, = events("Leaders of the coalition of the willing, the group of some 30 countries backing Kyiv, spent "
                   "almost two hours on a video call on Tuesday.")
    assert call.participants == ("Coalition of the Willing",)


def test_a_meeting_planned_for_next_week_is_not_dated_by_the_day_it_was_announced() -> None:
    text = ("Kremlin spokesman Dmitry Peskov said on Wednesday that American envoys would meet the Russian and "
            "Ukrainian negotiating teams in Istanbul next week.")
    meeting, = events(text)
    assert meeting.status == "planned" and meeting.date == "2025-11-24"  # next week's Monday, roughly
    assert str(meeting.date_precision) == "approx"


def test_one_preparing_to_meet_plans_it_and_a_name_opening_another_clause_is_no_participant() -> None:
    text = "Strikes come as Zelenskiy prepares to meet Trump in Davos and Putin awaits US envoys in Moscow."
    meeting, = (e for e in events(text) if e.venue is not None and e.venue.name == "Davos")
    assert meeting.status == "planned" and set(meeting.participants) == {"Volodymyr Zelensky", "Donald Trump"}
    assert meeting.evidence.text.endswith("in Davos")
    both, = events("Zelensky met Trump and Macron in Paris on Tuesday.")
    assert {p.split()[-1] for p in both.participants} == {"Zelensky", "Trump", "Macron"}


def test_a_meeting_that_should_happen_soon_is_planned() -> None:
    meeting, = events("The working group of Russian, Ukrainian and American officials should meet again soon, "
                      "probably in Abu Dhabi, Ushakov said.")
    assert meeting.status == "planned"


def test_rounds_at_two_venues_told_with_their_own_prepositions_keep_their_own_dates() -> None:
    text = ("U.S. envoys Steve Witkoff and Jared Kushner brought Ukrainian and Russian delegations together twice in "
            "Doha earlier this year and again in Riyadh in October, but the sides remain far apart.")
    found = {e.venue.name: e.date for e in events(text) if e.venue is not None}
    assert found == {"Doha": None, "Riyadh": "2025-10-15"}


@pytest.mark.parametrize("text", [
    "The US special envoy said at the weekend that a further trilateral meeting could take place in early December.",
    "American officials had hoped to bring the three delegations together again in the first week of December.",
])
def test_a_meeting_that_may_happen_is_proposed_and_dated_ahead(text: str) -> None:
    meeting, = (e for e in events(text) if e.venue is None)
    assert meeting.status == "proposed" and (meeting.date or "") >= "2025-12-01"


def test_who_asked_for_a_meeting_is_no_participant_in_it() -> None:
    meeting, = events("At the UN in New York, the Security Council met on Monday at Ukraine's request.")
    assert "UN Security Council" in meeting.participants and "Ukraine" not in meeting.participants


def test_a_person_told_by_surname_after_his_full_name_takes_part() -> None:
    text = ("President Petr Pavel travelled to Kyiv on Wednesday. Pavel was also due to meet Prime Minister Yulia "
            "Svyrydenko before returning to Prague by train on Thursday.")
    planned, = (e for e in events(text) if e.status == "planned")
    assert set(planned.participants) == {"Petr Pavel", "Yulia Svyrydenko"}


def test_a_round_expected_at_a_place_is_planned_there_and_an_opening_pair_of_days_dates_a_meeting() -> None:
    text = ("Last Friday and Saturday, negotiators from Ukraine, Russia and the United States met in Doha for "
            "their first three-way talks. A second round is expected in the Qatari capital on Sunday.")
    found = sorted((e.status, e.date, e.venue.name if e.venue else None) for e in events(text))
    assert found == [("held", "2025-11-14", "Doha"), ("planned", "2025-11-23", "Doha")]


def test_the_two_countries_are_those_of_the_meeting_told_before() -> None:
    text = ("Czech President Petr Pavel held talks with Zelenskyy in Kyiv on Wednesday. Zelenskyy thanked his guest "
            "and said the two countries had signed a memorandum on joint production of drones.")
    signed, = (e for e in events(text) if e.kind == "agreement")
    assert {"Czech Republic", "Ukraine"} <= set(signed.participants) and "Russia" not in signed.participants


def test_a_summit_joined_by_video_takes_who_joined_it() -> None:
    text = ("EU leaders ended a summit in Brussels on Thursday. Zelensky joined the meeting by video from Kyiv, "
            "urging more air defence.")
    summit, = events(text)
    assert set(summit.participants) == {"EU leaders", "Volodymyr Zelensky"} and summit.venue is not None


def test_a_leader_speaking_to_a_summit_told_before_takes_part_in_it() -> None:
    text = ("EU leaders held a summit in Brussels on Thursday. Speaking to the summit by video from Kyiv, Zelenskiy "
            "urged leaders not to let the sanctions package stall.")
    summit, = events(text)
    assert set(summit.participants) == {"EU leaders", "Volodymyr Zelensky"}


def test_a_summit_of_the_european_union_is_its_leaders_meeting() -> None:
    found = events("The European Union summit held in Brussels on Thursday discussed sanctions.")
    assert [e.participants for e in found if e.kind == "meeting"] == [("EU leaders",)]


# -- meetings told by office: the holders the article names, else their states
WEIMAR_NAMED = "Radoslaw Sikorski, Johann Wadephul and Jean-Noel Barrot issued a joint statement on Monday. "


@pytest.mark.parametrize("text", [
    WEIMAR_NAMED + "The foreign ministers of Poland, Germany and France met Andrii Sybiha in Warsaw on Tuesday.",
    WEIMAR_NAMED + "Ukraine's top diplomat met his Polish, German and French counterparts in Warsaw on Tuesday.",
    "Sybiha met Radoslaw Sikorski of Poland, Johann Wadephul of Germany and Jean-Noel Barrot of France in "
    "Warsaw on Tuesday.",
])
def test_ministers_told_by_office_are_the_holders_the_article_names(text: str) -> None:
    warsaw, = (e for e in events(text) if e.venue is not None and e.venue.name == "Warsaw")
    assert surnames(warsaw) == {"Sybiha", "Sikorski", "Wadephul", "Barrot"}


def test_ministers_told_by_office_and_never_named_stay_states() -> None:
    text = "Ukraine's top diplomat met his Polish, German and French counterparts in Warsaw on Tuesday."
    warsaw, = (e for e in events(text) if e.venue is not None and e.venue.name == "Warsaw")
    assert set(warsaw.participants) == {"Andrii Sybiha", "Poland", "Germany", "France"}


def test_a_counterpart_whose_minister_is_named_after_him() -> None:
    text = ("After talks in Moscow with his Hungarian counterpart Peter Szijjarto, Foreign Minister Sergei Lavrov "
            "warned Europe against sending troops.")
    moscow, = (e for e in events(text) if e.kind == "meeting")
    assert surnames(moscow) == {"Lavrov", "Szijjártó"}


def test_a_full_name_the_registry_does_not_know_after_met_is_a_person() -> None:
    meeting, = events("Lavrov met Ahmed Mansour Qassem in Moscow on Tuesday.")
    assert surnames(meeting) == {"Lavrov", "Qassem"} and meeting.venue is not None


def test_a_swap_told_with_its_count_is_the_agreement_of_the_round_that_produced_it() -> None:
    text = ("Delegations of Ukraine, Russia and the United States met in Doha on October 14 and 15, a round that "
            "ended with a swap of 120 prisoners of war by each side.")
    swap, = (e for e in events(text) if e.kind == "agreement")
    assert set(swap.participants) == {"Russia", "Ukraine"} and swap.status == "held"
    assert swap.date == "2025-10-14"  # the round's day: the article gives the swap none of its own


def test_a_swap_after_a_round_dated_roughly_takes_its_rough_day() -> None:
    text = ("Negotiators of Ukraine, Russia and the United States met in Doha again in early November, when each "
            "side handed over 84 captives.")
    swap, = (e for e in events(text) if e.kind == "agreement")
    assert (swap.date, str(swap.date_precision)) == ("2025-11-05", "approx")


def test_an_exchange_of_views_is_no_swap() -> None:
    assert not [e for e in events("The ministers held an exchange of views on the plan in Doha.")
                if e.kind == "agreement"]


def test_a_meeting_a_side_is_proposing_is_proposed() -> None:
    text = "Zelensky said Washington was proposing that the three delegations meet next in Miami."
    meeting, = (e for e in events(text) if e.kind == "meeting")
    assert meeting.status == "proposed"


def test_the_pair_is_the_two_people_named_before() -> None:
    text = ("Speaking for Washington will be Steve Witkoff and Jared Kushner, both close to Trump. In early "
            "November the pair spent four hours in Moscow with Vladimir Putin.")
    moscow, = (e for e in events(text) if e.kind == "meeting")
    assert surnames(moscow) == {"Witkoff", "Kushner", "Putin"}
    assert (moscow.date, str(moscow.date_precision)) == ("2025-11-05", "approx")  # the date opening the sentence


@pytest.mark.parametrize(("text", "kind"), [
    ("Prime Minister Anthony Albanese spoke with Mr Zelensky by phone on Monday evening.", "call"),
    ("Prime Minister Keir Starmer met Mr Macron in Paris on Monday.", "meeting"),
])
def test_an_honorific_before_a_name_is_part_of_a_title(text: str, kind: str) -> None:
    event, = events(text)
    assert event.kind == kind and len(event.participants) == 2


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Leaders of the coalition of the willing spent almost two hours on a video call on Thursday.", "call",
     {"Coalition of the Willing"}),
    ("Zelensky and Meloni spent close to two hours in talks in Rome on Friday.", "meeting", {"Zelensky", "Meloni"}),
])
def test_time_spent_on_an_event_makes_its_subject_take_part(text: str, kind: str, who: set[str]) -> None:
    event, = (e for e in events(text) if e.kind == kind)
    assert {n if n == "Coalition of the Willing" else n.split()[-1] for n in event.participants} == who


def test_time_spent_on_other_things_is_no_event() -> None:
    assert events("The ministers spent the morning on a review of the sanctions list.") == ()


def test_rounds_counted_by_a_number_are_held_talks_of_their_subject() -> None:
    meeting, = events("Kyiv and Moscow held four rounds of talks in Doha in the autumn.")
    assert set(meeting.participants) == {"Russia", "Ukraine"} and meeting.venue is not None
    assert meeting.venue.name == "Doha"


@pytest.mark.parametrize(("text", "sides"), [
    ("US-Ukrainian talks resumed in Jeddah on Tuesday.", {"United States", "Ukraine"}),
    ("Russian-American consultations opened in Riyadh on Tuesday.", {"United States", "Russia"}),
    ("Direct Ukrainian-Russian negotiations went on in Doha on Tuesday.", {"Russia", "Ukraine"}),
])
def test_a_compound_of_two_sides_adjectives_names_both_sides(text: str, sides: set[str]) -> None:
    meeting, = events(text)
    assert set(meeting.participants) == sides


def test_a_city_that_hosted_talks_is_their_venue() -> None:
    meeting, = events("Jeddah hosted two rounds of talks between Russia and Ukraine last autumn.")
    assert meeting.venue is not None and meeting.venue.name == "Jeddah"


def test_a_meeting_a_host_is_ready_for_is_proposed() -> None:
    meeting, = (e for e in events("Qatar said it was ready to host a meeting in Doha between Zelensky and Putin.")
                if e.kind == "meeting")
    assert meeting.status == "proposed" and surnames(meeting) == {"Zelensky", "Putin"}


def test_guests_received_at_the_hosts_seat_by_the_host_met_him() -> None:
    meeting, = events("Hakan Fidan was received at the Kremlin by Vladimir Putin on Friday evening.")
    assert "Vladimir Putin" in meeting.participants and meeting.status == "held"


def test_a_relative_clause_agrees_for_the_group_it_follows() -> None:
    text = ("Norway belongs to the Coalition of the Willing, which at a meeting in London in the spring agreed on "
            "security guarantees for Ukraine.")
    deal, = (e for e in events(text) if e.kind == "agreement")
    assert deal.participants == ("Coalition of the Willing",)


def test_a_swap_named_by_who_came_home_in_it() -> None:
    swap, = (e for e in events("Some 90 Ukrainian soldiers came home in the exchange brokered by Qatar.")
             if e.kind == "agreement")
    assert set(swap.participants) == {"Russia", "Ukraine"}
