"""Positions (warledger.extract.positions): holder, issue and stance of each stance taken.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.errors import RuleError
from warledger.evaluate.scoring import actor_side
from warledger.extract.diplomacy_rules import read_rule_file
from warledger.extract.positions import find_positions, load_position_rules, parse_position_rules
from warledger.extract.text import split_sentences
from warledger.records import Position
from warledger.resolve.actors import load_actors


def positions(text: str) -> tuple[Position, ...]:
    return find_positions(text, split_sentences(text), load_actors())


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(p.actor.split()[-1], p.issue, p.stance) for p in positions(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kremlin rejected the idea of a month-long truce on Tuesday.", ("Russia", "ceasefire", "reject")),
    ("Kyiv called for more air defence systems before the winter.", ("Ukraine", "aid", "demand")),
    ("Germany offered to pay for two more Patriot batteries.", ("Germany", "aid", "offer")),
    ("Zelensky said Ukraine will not withdraw from the towns its army still holds.",
     ("Ukraine", "territory", "reject")),
    ("Moscow would sign the deal only after sanctions on its banks are lifted, the spokesman said.",
     ("Russia", "sanctions", "condition")),
    ("Handing over occupied land is a red line for us, Zelensky said.", ("Zelensky", "territory", "red_line")),
    ("The Kremlin said it remained open to talks in Istanbul.", ("Russia", "talks_format", "accept")),
    ("Ukraine accepted the American proposal for a full ceasefire.", ("Ukraine", "ceasefire", "accept")),
    ("European leaders urged Trump not to trade Ukrainian territory for a deal.",
     ("leaders", "territory", "reject")),
    ("Kyiv's proposal for an energy truce went unanswered.", ("Ukraine", "ceasefire", "offer")),
])
def test_one_sentence_one_position(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def _finds(text: str, expected: tuple[str, str, str]) -> None:
    """``expected`` (actor, issue, stance) is among the positions of ``text``, each with exact evidence."""
    found = triples(text)
    assert expected in found, found
    for p in positions(text):
        assert text[p.evidence.start:p.evidence.end] == p.evidence.text == p.text


@pytest.mark.parametrize("text", [
    "Russia launched drones against the city overnight.",
    "If Moscow refused, new sanctions would follow.",
    "The plan stops short of offering NATO membership.",
    "Trump and Putin agreed by phone on a pause in strikes on power plants.",
    "Weather will not improve before the weekend, forecasters said.",
])
def test_no_position_where_none_is_taken(text: str) -> None:
    assert positions(text) == ()


def test_a_stance_coordinated_with_another_keeps_its_holder() -> None:
    text = "Zelensky has agreed to talks with Putin and has accepted an immediate ceasefire."
    found = triples(text)
    assert ("Zelensky", "ceasefire", "accept") in found
    assert not any(actor == "Putin" for actor, _, _ in found)


def test_one_position_per_holder_issue_and_stance() -> None:
    text = ("Kyiv rejected the demand to give up the Donbas. "
            "Days later Kyiv again rejected any plan to cede territory in the east.")
    assert [p.issue for p in positions(text)].count("territory") == 1


def test_every_stance_rule_matches_its_examples() -> None:
    rules = load_position_rules()
    for n, rule in enumerate(rules.stance_rules):
        data = next(r for r in read_rule_file("positions.toml")["stance"] if r["id"] == rule.id)
        for example in data.get("examples", []):
            groups = {m.lastgroup for m in rules.stances.finditer(example)}
            assert f"s{n}" in groups, (rule.id, example)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["stance"][0].update(value="shrug"), "value"),
    (lambda d: d["stance"][0].update(id="nameless"), "versioned"),
    (lambda d: d["issue"][0].update(value="weather"), "not one of"),
    (lambda d: d["precedence"].update(pairs=[["venue"]]), "pair"),
])
def test_bad_rule_files_are_refused_loudly(change, message) -> None:
    data = copy.deepcopy(dict(read_rule_file("positions.toml")))
    change(data)
    with pytest.raises(RuleError, match=message):
        parse_position_rules(data)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Kyiv", "Moscow", "Zelensky", "Putin", "Trump", "rejected", "demanded", "offered", "accepted", "will not",
    "withdraw", "from", "territory", "ceasefire", "sanctions", "NATO", "troops", "only if", "a red line", "said",
    "he", "the", "proposal", "'s", ",", ".", "\n", "ready to", "meet", "urged", "not to", "and", "has",
]), max_size=50), st.text(max_size=30))
def test_any_text_gives_positions_whose_evidence_is_the_text(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    for p in positions(text):
        assert text[p.evidence.start:p.evidence.end] == p.evidence.text
        assert p.actor and p.issue and p.stance


@pytest.mark.parametrize(("text", "expected"), [
    # a short quoted term inside the clause does not cut the stance off from its issue
    ('The ombudsman said Kyiv wants a "many-for-many" prisoner exchange before spring.',
     ("Ukraine", "prisoners", "demand")),
    # "its" before a demand noun: the actor named before it holds the demand
    ("It is a slogan Moscow repeats for its demands that Kyiv drop its bid to join NATO.",
     ("Russia", "nato", "demand")),
    # a relative clause: who want it is the actor before the comma, not the sentence's subject
    ("Zelensky flew to Paris to see Emmanuel Macron, who wants any settlement to include security guarantees.",
     ("Macron", "security_guarantees", "demand")),
    # no actor of its own: the side named in the clause
    ("Ukrainian negotiators say they will not withdraw from the towns still under their control.",
     ("Ukraine", "territory", "reject")),
    # a predicate that rejects what is named before it
    ("A truce limited to the Black Sea was out of the question, Peskov said.",
     ("Peskov", "ceasefire", "reject")),
    ("Moscow has called any Western peacekeepers on Ukrainian soil unacceptable.", ("Russia", "troops", "reject")),
    ("A halt to strikes on the grid had to be agreed first, Zelensky said.",
     ("Zelensky", "ceasefire", "demand")),
    ("Zelensky said that any truce must come before a discussion of borders.",
     ("Zelensky", "ceasefire", "condition")),
    # "against" inside the issue's own name is no "urged ... against"
    ("Kyiv renewed its call for tougher measures against Russian oil exports.", ("Ukraine", "sanctions", "demand")),
])
def test_stances_read_across_clause_shapes(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def test_what_a_demand_asks_of_another_is_no_position_of_the_other() -> None:
    found = triples("Poland and Lithuania called on Russia to accept an unconditional ceasefire from Monday.")
    assert not any(actor == "Russia" for actor, _, _ in found), found
    assert any(issue == "ceasefire" and stance == "demand" for _, issue, stance in found), found


def test_a_coordinated_stance_does_not_take_over_the_issue_of_the_one_before() -> None:
    found = triples("Trump said he would not send more missiles to Kyiv and suggested the war could end soon.")
    assert ("Trump", "aid", "reject") in found, found
    assert ("Trump", "aid", "offer") not in found, found


def test_a_truce_along_a_line_is_about_the_truce() -> None:
    found = triples("Moscow again refused a ceasefire along the present front line, which Kyiv has proposed.")
    assert ("Ukraine", "ceasefire", "offer") in found, found
    assert ("Ukraine", "territory", "offer") not in found, found


@pytest.mark.parametrize("text", [
    "As missiles hit Kyiv, Trump said his latest phone call with Putin had changed nothing.",
    "Washington is softening its repeated calls for a quick truce, diplomats say.",
])
def test_no_position_from_a_call_that_is_no_demand(text: str) -> None:
    assert not any(p.stance == "demand" for p in positions(text)), positions(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a time limit to act is an ultimatum: a demand, not an offer
    ('Trump gave Moscow "two or three weeks" to accept a truce or face new tariffs.',
     ("Trump", "ceasefire", "demand")),
    ("Zelensky said that a lasting settlement required a truce first.", ("Zelensky", "ceasefire", "condition")),
    # the object points back, the rest of the sentence names the issue
    ("Kyiv dismissed the idea outright, arguing that handing over villages would invite a new offensive.",
     ("Ukraine", "territory", "reject")),
    ("The Kremlin said a truce would only be possible if arms deliveries to Kyiv stopped.",
     ("Russia", "aid", "condition")),
    ("The White House has said repeatedly that American troops will not be deployed.",
     ("States", "troops", "reject")),
    ("Washington has floated a demilitarised zone along the present line of control.",
     ("States", "territory", "offer")),
])
def test_stances_read_from_their_shape(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def test_an_ultimatum_is_no_offer() -> None:
    found = triples("Trump gave Moscow ten days to agree to a ceasefire.")
    assert not any(stance == "offer" for _, _, stance in found), found


def test_a_truce_only_if_aid_stops_is_a_condition_on_both() -> None:
    found = triples("A truce is possible only if Western arms deliveries stop, the Kremlin said.")
    assert {("Russia", "ceasefire", "condition"), ("Russia", "aid", "condition")} <= found, found


def test_the_object_of_a_stance_ends_at_one_coordinated_with_it() -> None:
    found = triples("Kyiv has agreed to direct talks in Geneva and has also accepted a full truce.")
    assert {("Ukraine", "talks_format", "accept"), ("Ukraine", "ceasefire", "accept")} <= found, found


@pytest.mark.parametrize("text", [
    "The first draft would have required Kyiv to cede the Donbas and promise never to join NATO.",
    "Rubio insisted that the security guarantees in the plan would be strong and lasting.",
])
def test_no_position_from_what_was_not_done_or_only_asserted(text: str) -> None:
    assert positions(text) == (), positions(text)


@pytest.mark.parametrize(("text", "expected"), [
    # an object that is only a pronoun: the issue named before it in the sentence
    ("Easing the sanctions would only reward Moscow, and Kyiv will not support it.",
     ("Ukraine", "sanctions", "reject")),
    # a colon that spells out the deal offered
    ("Kyiv proposed a plain bargain: a truce in the air and at sea.", ("Ukraine", "ceasefire", "offer")),
    # "ask" with its "for" a few words on
    ("Kyiv will ask its allies again for more interceptors.", ("Ukraine", "aid", "demand")),
    # a threat made by who reports it
    ("If Moscow refuses, it will face new sanctions on its banks, Macron said.",
     ("Macron", "sanctions", "demand")),
    ("Austria is positioning itself as the host of the next round.", ("Austria", "venue", "offer")),
])
def test_stances_read_from_their_object(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def test_a_short_reply_answers_the_demand_before_it() -> None:
    found = triples("Moscow wants Kyiv to pull its army out of the Donbas. Kyiv refuses. Talks resume on Monday.")
    assert {("Russia", "territory", "demand"), ("Ukraine", "territory", "reject")} <= found, found


@pytest.mark.parametrize("text", [
    # the generic "you", a denied modal, a modal of manner, a threat no one reports
    "Aid must come first, because you cannot negotiate under constant shelling, the mayor said.",
    "Our soldiers should not have to hold the line without ammunition, the general said.",
    "Finland reacted to the drones the way a NATO member must react.",
    "Russian banks will face new sanctions next month.",
])
def test_no_position_from_a_generic_denied_or_unreported_stance(text: str) -> None:
    found = [p for p in positions(text) if p.stance in ("demand", "reject")]
    assert found == [], found


@pytest.mark.parametrize(("text", "expected"), [
    # a demand given up is a rejection
    ("Germany dropped its call for an immediate truce.", ("Germany", "ceasefire", "reject")),
    ("Kyiv said it no longer wants a truce in the air alone.", ("Ukraine", "ceasefire", "reject")),
    # a conditional offer
    ("Kyiv said it would halt its drone strikes if Moscow stopped attacking the grid.",
     ("Ukraine", "ceasefire", "offer")),
    # a condition put on what is named before it
    ("A truce can only be discussed once monitoring is agreed, the Kremlin said.",
     ("Russia", "ceasefire", "condition")),
])
def test_given_up_conditional_and_deferred_stances(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def test_pressure_kept_on_a_side_is_not_its_condition() -> None:
    found = triples("The ministers said they would keep up pressure on Russia through sanctions for as long as "
                    "the shelling goes on.")
    assert not any(actor == "Russia" for actor, _, _ in found), found


# Prose of the kind opinion pieces, explainers and digests use: "it" for a state named before, lists of
# demands, quotations that run on, nouns with their holder after them.
@pytest.mark.parametrize(("text", "expected"), [
    # "it" as the subject stands for the state that held the stance before
    ("Moscow demands that Kyiv hand over the port. It also rules out any foreign peacekeepers.",
     ("Russia", "troops", "reject")),
    ("Kyiv called for a full truce. It refuses to recognise any occupied district as Russian.",
     ("Ukraine", "territory", "reject")),
    # a condition after an offer makes the offer conditional
    ("Russia offers a truce only after Ukraine pulls back from the river.", ("Russia", "ceasefire", "condition")),
    # "urged ... to stop fighting" asks for a truce: the words are the issue's, not a rejection
    ("Washington urged both armies to stop fighting at once.", ("States", "ceasefire", "demand")),
    # one demand, several things asked
    ("Kyiv wants a lasting truce, a swap of all prisoners and the return of the deported children.",
     ("Ukraine", "children", "demand")),
    ("Kyiv wants a lasting truce, a swap of all prisoners and the return of the deported children.",
     ("Ukraine", "prisoners", "demand")),
    ("Moscow demands that Kyiv renounce NATO membership, accept limits on the size of its armed forces and "
     "drop its claims.", ("Russia", "troops", "demand")),
    # a deadline set for the other side to act is a demand
    ("Trump shortened the deadline he had set for Moscow to accept a truce.", ("Trump", "ceasefire", "demand")),
    # a sentence quoted whole goes on with the speaker of the one before
    ('"We have waited long enough," Zelensky said. "Moscow has to feel it, and new sanctions must follow now."',
     ("Zelensky", "sanctions", "demand")),
    ("Kyiv will press its partners to approve fresh sanctions.", ("Ukraine", "sanctions", "demand")),
    ("Trump has resisted a bill that would impose new tariffs on buyers of Russian oil.",
     ("Trump", "sanctions", "reject")),
    # a stance noun with its holder after it
    ("Zelensky said Ukraine will not cede the western bank, a key demand from Moscow.",
     ("Russia", "territory", "demand")),
    # a condition set for something names both
    ("Moscow set a withdrawal from the region as a precondition for any truce.", ("Russia", "ceasefire", "condition")),
    ("Peskov said a ceasefire is impossible until foreign weapons stop arriving.",
     ("Peskov", "ceasefire", "condition")),
    ("Russia sees no point in a short pause.", ("Russia", "ceasefire", "reject")),
    # the speaker right before a stance word is its subject, not a party named before in the sentence
    ("After a call with Putin, Trump announced new sanctions on oil firms.", ("Trump", "sanctions", "offer")),
])
def test_prose_beyond_the_news_wire(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


@pytest.mark.parametrize(("text", "absent"), [
    ("Zelensky met the allies in Rome. It was agreed that more air defence would come.", "Ukraine"),
    ("Moscow answers every call for a truce with new missiles.", "Russia"),
    ("The Kremlin insists that Kyiv must first give up the eastern districts.", "Ukraine"),
    ("Trump said he did not want another wasted summit.", "Trump"),
    ('Moscow said it had hit "arms depots with precision weapons", a claim Kyiv rejected.', "Ukraine"),
    ("Officials met Zelensky in Istanbul, where the two delegations agreed on another prisoner swap.", "Zelensky"),
    ("Zelensky joined a meeting hosted by Starmer in London, where leaders pledged more air defence.", "Zelensky"),
])
def test_no_position_for_the_wrong_holder(text: str, absent: str) -> None:
    """The sentence gives ``absent`` no position (a dummy "it", a noun, what a demand asks of another, a denied
    want, a claim described, the two sides together, a meeting's place)."""
    assert all(absent not in p.actor for p in positions(text)), positions(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause closed before the stance: the holder is the noun before it, not who it names
    ("Moscow's draft, which was handed to British and French diplomats, calls for a halt to strikes on ports.",
     ("Russia", "ceasefire", "demand")),
    # a document of the holder named before stands for it ("The document also demands ...")
    ("Russia rejected the truce offer on Monday. The document also demands that Kyiv drop its bid to join NATO.",
     ("Russia", "nato", "demand")),
    # each "that" a demand goes on with is asked too
    ("Moscow demands that Kyiv abandon its bid to join NATO, that no foreign troops be stationed on its territory, "
     "and that the sanctions be lifted.", ("Russia", "sanctions", "demand")),
    ("Moscow demands that Kyiv abandon its bid to join NATO, that no foreign troops be stationed on its territory, "
     "and that the sanctions be lifted.", ("Russia", "troops", "demand")),
    # a list of where a truce holds does not end its object
    ("Kyiv asked for a truce on land, at sea and in the air, the release of all captives and the return of the "
     "deported children.",
     ("Ukraine", "prisoners", "demand")),
    ("Merz said he wanted the fighting to stop before the winter.", ("Merz", "ceasefire", "demand")),
    # what is kept up until the other side acts is a condition of who says so
    ("The sanctions will stay until Moscow pulls its troops out, Kallas said.", ("Kallas", "sanctions", "condition")),
    # several names of one subject, joined by no "and", are no joint stance
    ("Macron said the European states in the coalition of the willing were ready to send peacekeepers.",
     ("Willing", "troops", "accept")),
    # a passive's agent holds the stance, whose issue is named before a closed relative clause
    ("Moscow's Easter truce, which was meant to last two days, was rejected by Kyiv as a stunt.",
     ("Ukraine", "ceasefire", "reject")),
    # a stance noun stated again is its subject's or its speaker's
    ("The talks went nowhere, Lavrov said, restating the demand that Ukraine hand over the eastern regions.",
     ("Lavrov", "territory", "demand")),
])
def test_clause_structure_of_unseen_prose(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


@pytest.mark.parametrize(("text", "absent"), [
    ("Moscow's draft, which was handed to British and French diplomats, calls for a halt to strikes on ports.",
     "Kingdom"),
    ("Paris will keep its sanctions on Russian banks until Moscow agrees to a truce.", "Russia"),
    ("Moscow's Easter truce, which was meant to last two days, was rejected by Kyiv as a stunt.", "Russia"),
])
def test_no_position_from_inside_a_clause(text: str, absent: str) -> None:
    """A party named inside a relative clause, an "until" clause or after "by" holds no stance there."""
    assert all(absent not in p.actor for p in positions(text)), positions(text)


def test_on_land_is_no_territory() -> None:
    found = triples("Kyiv called for a truce on land, at sea and in the air.")
    assert ("Ukraine", "ceasefire", "demand") in found and not any(i == "territory" for _, i, _ in found), found


@pytest.mark.parametrize(("text", "expected"), [
    # who is asked, named between the verb and its "for" or "to"
    ("Zelensky appealed to the allies for more generators and air defence.", ("Zelensky", "aid", "demand")),
    ("Stubb said he had asked Washington to back a truce on the Black Sea.", ("Stubb", "ceasefire", "demand")),
    ("Merz will push the Kremlin to accept a truce in the air.", ("Merz", "ceasefire", "demand")),
    # "only" after a modal with a verb before its "if": a condition on what comes before and after
    ("The Kremlin said any truce would only hold if Europe stopped arming Ukraine.",
     ("Russia", "ceasefire", "condition")),
    ("The Kremlin said any truce would only hold if Europe stopped arming Ukraine.", ("Russia", "aid", "condition")),
    # a predicate on the thing accepted: about its subject, not the talks it leads to
    ("Sybiha said a truce in the air could be a starting point for negotiations.", ("Sybiha", "ceasefire", "accept")),
    # an offer with an "if" that asks something back is a condition too
    ("Kyiv would observe a pause in strikes on ports if Moscow did.", ("Ukraine", "ceasefire", "condition")),
    ("The Kremlin offered a short truce if Kyiv handed over the rest of the region.",
     ("Russia", "territory", "condition")),
    # a possessor's suggestion, a stance received kindly, a line never to be recognised, a seat at the table
    ("Moscow responded positively to Macron's suggestion that both armies stop hitting power plants.",
     ("Macron", "ceasefire", "offer")),
    ("Moscow responded positively to Macron's suggestion that both armies stop hitting power plants.",
     ("Russia", "ceasefire", "accept")),
    ("The annexation must never be recognised, Kallas said.", ("Kallas", "territory", "red_line")),
    ("Ukraine must be at the table for any deal, Macron said.", ("Macron", "talks_format", "demand")),
])
def test_stances_of_varied_prose(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def test_the_points_a_colon_spells_out_are_who_sets_them_out() -> None:
    found = triples("Macron said the allies had agreed on three conditions for the summit: Kyiv needs firm security "
                    "guarantees, a truce has to come first, and the annexation must never be recognised.")
    assert {("Macron", "security_guarantees", "demand"), ("Macron", "ceasefire", "demand"),
            ("Macron", "territory", "red_line")} <= found, found
    assert not any(actor == "Ukraine" for actor, _, _ in found), found


@pytest.mark.parametrize(("text", "holder", "absent"), [
    # the objects of the verb before a subject pronoun are no holders
    ("Putin told Trump he would be prepared to freeze the front line in the south.", "Putin", "Trump"),
    ("Trump assured Macron and Starmer on Monday that he would push Moscow to agree a truce.", "Trump", "Macron"),
])
def test_a_subject_is_the_last_noun_phrase_before_its_verb(text: str, holder: str, absent: str) -> None:
    actors = {p.actor for p in positions(text)}
    assert any(holder in a for a in actors) and not any(absent in a for a in actors), actors


@pytest.mark.parametrize("text", [
    "Kyiv has asked Washington to explain how long the pause in deliveries will last.",
    "Sybiha was asked to comment on the truce and declined.",
    "Only hours after the talks, Russian drones hit the port.",
    "Russian troops pushed deeper towards the village overnight.",
])
def test_no_demand_from_a_question_a_passive_or_a_time(text: str) -> None:
    assert not any(p.stance in ("demand", "condition") for p in positions(text)), positions(text)


@pytest.mark.parametrize(("text", "expected"), [
    # "provided" as a conjunction sets a condition; the verb inside it is not the other side's acceptance
    ("The envoy said the Kremlin was open to talks, provided Kyiv first gave up its claim to the four regions.",
     ("Russia", "territory", "condition")),
    # a head noun, not the country it comes from ("troops from NATO states")
    ("Moscow said that the arrival of any troops from NATO states would be unacceptable.",
     ("Russia", "troops", "reject")),
    # a refusal to discuss
    ("The foreign minister said Kyiv would not discuss giving up land in the east.",
     ("Ukraine", "territory", "reject")),
    # reported speech puts "needs" in the past
    ("Zelensky told reporters the country needed more interceptors before the frosts.", ("Zelensky", "aid", "demand")),
    # a stance verb right after a readiness shares its subject; its pronoun object looks back over the sentence
    ("Kyiv is asking for security guarantees, and Paris has said it is prepared to offer them as part of a deal.",
     ("France", "security_guarantees", "offer")),
    # what is given on and on
    ("Norway will keep supplying shells and equipment to the Ukrainian army, the minister said.",
     ("Norway", "aid", "offer")),
    # dismissed as a pretext
    ("Lavrov said the guarantees were a pretext for moving Western armies closer.",
     ("Lavrov", "security_guarantees", "reject")),
])
def test_conjunctions_modifiers_and_shared_subjects(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text), triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # the verb a refusal denies is no acceptance of its own
    ("The Kremlin said Russia would not accept a foreign contingent under any deal.", ("Russia", "troops", "accept")),
    # "once" a truce is agreed says when, and no one agrees to it
    ("Britain and France will say how many soldiers they could station in Ukraine once a truce is agreed.",
     ("Kingdom", "ceasefire", "accept")),
    # a source's terms for speaking set no condition
    ("A U.S. envoy, speaking on condition of anonymity as the meeting was closed, said the talks went well.",
     ("States", "talks_format", "condition")),
    # who presses on with talks goes on with them
    ("American and Ukrainian officials pressed on with talks over the plan.", ("States", "talks_format", "demand")),
    # a demand verb describing a thing given is no demand of the one given it
    ("Sweden will go on sending Ukraine the equipment it needs to repair its grid and will keep increasing the "
     "pressure on Moscow.", ("Sweden", "sanctions", "demand")),
    # a force that deploys after a truce is about troops, not the truce
    ("Britain and France pledged to contribute to a multinational force that would deploy after a truce.",
     ("France", "ceasefire", "offer")),
    # what "welcomed" is about ends where "and said" reports another clause
    ("Ukraine's defence minister, Denys Shmyhal, welcomed the vote and said Kyiv would never agree to hand over "
     "the land it still holds.", ("Shmyhal", "territory", "accept")),
])
def test_no_stance_from_a_time_a_source_or_a_description(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(text), triples(text)
    assert not any(p.stance == "accept" for p in positions(text) if "once" in p.evidence.text), positions(text)


def test_once_again_still_states_a_stance() -> None:
    assert ("Russia", "ceasefire", "reject") in triples("Moscow once again rejected the proposed truce on Friday.")


def test_a_possessed_noun_that_is_also_a_verb_and_a_predicate_on_it() -> None:
    # "offer" after "Moscow's ...": a noun, Moscow's; what is said of it is who says so
    found = triples("Kyiv said Moscow's ceasefire offer was a pretext to regroup.")
    assert {("Russia", "ceasefire", "offer"), ("Ukraine", "ceasefire", "reject")} <= found, found
    assert ("Ukraine", "ceasefire", "offer") not in found, found
    found = triples("Kyiv said Moscow's proposal for a truce was unacceptable.")
    assert ("Ukraine", "ceasefire", "reject") in found, found


# round c9: mechanisms of clause, subject and object that outlets share
@pytest.mark.parametrize(("text", "expected"), [
    # a comma inside a number does not end the object
    ("Kyiv has again rejected withdrawing from the 4,800 square kilometres of the Luhansk area it defends.",
     ("Ukraine", "territory", "reject")),
    # a truce where the armies stand
    ("Kyiv has suggested freezing the conflict along the present line of contact.", ("Ukraine", "ceasefire", "offer")),
    # what is given up is the object of "give up"
    ("The Kremlin wants Kyiv to give up for good its hope of joining NATO.", ("Russia", "nato", "demand")),
    # the pronoun of ", saying it ..." is the subject of the stance before
    ("Moscow asked Kyiv to pull back its brigades from the south. Kyiv refused, saying it would not withdraw "
     "from towns its soldiers still hold.", ("Ukraine", "territory", "reject")),
    # a short answer naming the demand back
    ("The Kremlin insists that Kyiv hand over the rest of the Zaporizhzhia region. Kyiv has rejected the demand.",
     ("Ukraine", "territory", "reject")),
    # a verb after ", and" shares the subject of the one before
    ("Moscow opposes any foreign peacekeepers in the country, and wants Kyiv to renounce joining NATO.",
     ("Russia", "nato", "demand")),
    # a thing named as the condition of another
    ("Ushakov said Moscow saw a pullback of Ukrainian brigades from the Donbas as a basic condition for peace.",
     ("Ushakov", "territory", "condition")),
    # an acceptance qualified after ", but only with"
    ("Kyiv said it could accept a truce on the current line, but only with guarantees from its allies.",
     ("Ukraine", "security_guarantees", "condition")),
    # foreign soldiers declared targets: their deployment rejected
    ("Medvedev said that any foreign troops sent to Ukraine after a truce would be legitimate targets.",
     ("Medvedev", "troops", "reject")),
    # a side's idea is its proposal
    ("Witkoff again raised Washington's idea of a demilitarised zone in the Donetsk region.",
     ("States", "territory", "offer")),
])
def test_c9_mechanisms(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text), triples(text)


@pytest.mark.parametrize(("text", "absent"), [
    # a time is no object
    ("Zelensky said this was the signal Putin wanted to give ahead of our summit in Florida.",
     ("Putin", "talks_format", "demand")),
    # who declines to say rejects nothing
    ("The envoy declined to say whether talks with the Kremlin were planned.", ("Witkoff", "talks_format", "reject")),
    # a denied passive states nothing
    ("Trump will see Putin before the next round, whose venue has not been announced.",
     ("Trump", "venue", "offer")),
    # an issue inside a question is not what the stance asks
    ("The senator said the allies should ask who is firing the missiles at the cities.",
     ("States", "aid", "demand")),
    # a later verb's object is not what an earlier verb was told not to discuss
    ("Zelensky said his envoys were told not to discuss any loss of land and proposed a meeting of the presidents.",
     ("Zelensky", "territory", "offer")),
    # "before it agrees" says when, no acceptance
    ("Moscow wants Kyiv's troops to leave the Donbas before it agrees to stop fighting.",
     ("Russia", "ceasefire", "accept")),
])
def test_c9_no_stance(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(text), triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a verb joined by "and" to a verb with an object is the first verb's subject's, not the object's
    ("Zelensky met Scholz in Berlin and again urged the allies to send more air defence systems.",
     ("Zelensky", "aid", "demand")),
    # a side's stance named as a noun against something
    ("The Kremlin's opposition to any foreign troops in the country remains firm.", ("Russia", "troops", "reject")),
    # soldiers and contingents are troops
    ("Spain would not send soldiers to the front, the minister said.", ("Spain", "troops", "reject")),
    ("The ministry said Moscow would not accept foreign contingents anywhere in the country.",
     ("Russia", "troops", "reject")),
    # an adjective of a side after an article holds the noun as a possessor does
    ("A Ukrainian proposal for a truce went unanswered.", ("Ukraine", "ceasefire", "offer")),
    # what is wanted instead of another thing: the other thing is rejected
    ("The Kremlin said it wanted a full settlement rather than a partial truce.", ("Russia", "ceasefire", "reject")),
    # what a thing asked for comes with is asked for too
    ("Kyiv wants a truce along the current line, backed by security guarantees from its allies.",
     ("Ukraine", "security_guarantees", "demand")),
])
def test_c10_mechanisms(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


@pytest.mark.parametrize(("text", "absent"), [
    # the object of the first verb does not hold the stance of the verb joined to it
    ("Zelensky met Scholz in Berlin and again urged the allies to send more air defence systems.",
     ("Scholz", "aid", "demand")),
    ("The ministers briefed Macron on the plan and rejected any truce.", ("Macron", "ceasefire", "reject")),
    # "rather than" a thing that is no issue, or with no stance before it, rejects nothing
    ("Berlin was ready to help in nearby countries rather than inside Ukraine.", ("Germany", "territory", "reject")),
    # a noun then a possessive opens a clause: what it names is not what is handed over
    ("Kyiv will not accept handing over towns our soldiers still defend.", ("Ukraine", "troops", "reject")),
])
def test_c10_no_stance(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(text), triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a quotation that runs on over several sentences: its speaker is named where it closes
    ('The minister spoke in Vienna. "We are ready for a truce along the present line next week. We will never '
     'trade our towns for it," Andrii Sybiha told the press.', ("Sybiha", "ceasefire", "accept")),
    # ... or where it opens, for a sentence in the middle of it that does not open with a quotation mark
    ('President Zelensky met the envoys. "Our cities are not for sale," he said. "We want peace. But real '
     'guarantees must come first, and our parliament must vote on them."',
     ("Zelensky", "security_guarantees", "condition")),
    # a sentence that opens a quotation and names its speaker in the next one
    ('The foreign minister was asked about the land. "We will not hand over our villages. Never," Sybiha said.',
     ("Sybiha", "territory", "reject")),
    # the same in single quotation marks, as British papers print them
    ("The minister spoke in Vienna. 'We are ready for a truce along the present line next week. We will never "
     "trade our towns for it,' Andrii Sybiha told the press.", ("Sybiha", "ceasefire", "accept")),
    ("President Zelensky met the envoys. ‘Our cities are not for sale,’ he said. ‘We want peace. But real "
     "guarantees must come first, and our parliament must vote on them.’",
     ("Zelensky", "security_guarantees", "condition")),
])
def test_quotation_runs_on(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


@pytest.mark.parametrize(("text", "absent"), [
    # a sentence that closes a quotation with words of its own after it names its speaker: it borrows none
    ('Peskov said the offer was "not serious." "We are ready for a truce next week," a Ukrainian diplomat '
     'told the press in Rome.', ("Peskov", "ceasefire", "accept")),
    # who "wants to ask" only speaks
    ('A teacher in Kharkiv was angry. "When they talk about a truce, I want to ask: who will pay?" she said.',
     ("teacher", "ceasefire", "demand")),
    ("Peskov called the offer ‘not serious.’ ‘We are ready for a truce next week,’ a Ukrainian diplomat "
     "told the press in Rome.", ("Peskov", "ceasefire", "accept")),
])
def test_quotation_no_borrowed_speaker(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(text), triples(text)


def test_a_resident_quoted_over_sentences_holds_no_position() -> None:
    # a speaker the actor registry does not know speaks for no party, however the quotation runs
    text = ('Taras Hnatiuk, 41, sat with his son in the shelter. "The boy knows every engine by now," he said. '
            '"No child should need a ceasefire to sleep."')
    assert not positions(text), positions(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a readiness that goes on is a readiness all the same
    ("Warsaw remains ready for a month-long truce over the grid, the minister said.",
     ("Poland", "ceasefire", "accept")),
    ("Switzerland stood ready to host the next round of talks.", ("Switzerland", "venue", "accept")),
    # "NATO" that only describes who or where is no issue: the soldiers are what is refused
    ("The Kremlin said it will not accept a NATO country's soldiers anywhere in Ukraine.",
     ("Russia", "troops", "reject")),
    # what a thing would only do for the other side dismisses it
    ('"A short truce would only give the invaders time to dig in," Zelensky told the press.',
     ("Zelensky", "ceasefire", "reject")),
])
def test_recurring_phrasings(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


@pytest.mark.parametrize(("text", "absent"), [
    ("Romania, a NATO member on the Black Sea, offered to host the talks.", ("Romania", "nato", "offer")),
    ("Berlin said it was ready to station aircraft on NATO territory near the border.", ("Germany", "nato", "accept")),
])
def test_nato_as_a_description_is_no_issue(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(text), triples(text)


@pytest.mark.parametrize(("text", "expected"), [
    # "never accept" and "never recognise" refuse the thing: a rejection by the verb's subject
    ("The spokesman said Moscow would never accept Western soldiers in Ukraine.",
     ("Russia", "troops", "reject")),
    ("The president insisted that Kyiv will never recognise the occupied towns as Russian.",
     ("Ukraine", "territory", "reject")),
    # a trade: what is asked back is named after "in exchange for", and what is given before it
    ("The foreign minister hinted that Kyiv might shelve its NATO hopes in exchange for binding guarantees.",
     ("Ukraine", "security_guarantees", "condition")),
    ("The foreign minister hinted that Kyiv might shelve its NATO hopes in exchange for binding guarantees.",
     ("Ukraine", "nato", "offer")),
    # the possessor of an issue ("NATO's Article 5") is no issue of its own: the thing it owns is
    ("The White House said it supports a shield for Kyiv on the lines of NATO's Article 5.",
     ("States", "security_guarantees", "accept")),
    # signing land away is giving it up
    ('"We will not sign away our south," Zelensky said in his evening address.',
     ("Zelensky", "territory", "reject")),
    # a condition in reported speech, and what can only follow another thing
    ("The Kremlin aide said any deal depended on Kyiv pulling out of the Donbas.",
     ("Russia", "territory", "condition")),
    ("Moscow turned down the draft, and they say that a truce can only follow a final treaty.",
     ("Russia", "ceasefire", "condition")),
    # soldiers pulled from a region: the region is what the stance is about
    ("The Kremlin says any deal requires Kyiv to withdraw its soldiers from the Luhansk region, a demand Ukraine "
     "has rejected.", ("Ukraine", "territory", "reject")),
    # a halt to fighting along a line is a truce along it
    ("Kyiv was ready to halt fighting along the present front, the envoy said.",
     ("Ukraine", "ceasefire", "accept")),
    # a halt to strikes with words between is a truce all the same
    ("Kyiv said it would halt its drone raids on Russian refineries if the shelling of its ports stopped, "
     "and named sanctions as its fallback.", ("Ukraine", "ceasefire", "offer")),
    # a zone carved out of held land, as plans for the east name it
    ("The Americans proposed a free economic zone in the east of the country.", ("States", "territory", "offer")),
])
def test_recurring_phrasings_of_outlets(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


@pytest.mark.parametrize(("text", "absent"), [
    # a later "that" of a demand's list is what the demand asks, not a stance of that clause's subject
    ("The Kremlin insisted that Kyiv must hand over the east and that Ukraine must never join NATO.",
     ("Ukraine", "nato", "reject")),
    # "in every round" says how often, not what is rejected
    ("Moscow wants Kyiv to leave the Donetsk region, a demand Ukraine has turned down in every round.",
     ("Ukraine", "talks_format", "reject")),
    # a verb ending a relative clause of a plain noun is about that noun ("terms Moscow would reject")
    ("Putin said Russia would keep the Donbas and blamed Paris for adding terms he knew Moscow would reject.",
     ("Russia", "territory", "reject")),
    # "as soon as" says when, as "once" does
    ("Zelensky said the guarantees deal would be signed as soon as Washington gave the word.",
     ("United States", "security_guarantees", "offer")),
    # the possessor of an issue ("NATO's Article 5") is no issue of its own
    ("The White House said it supports a shield for Kyiv on the lines of NATO's Article 5.",
     ("States", "nato", "accept")),
    # the issue's own word read as a party holds nothing
    ("Analysts said the NATO offer was a smaller concession than it seemed.", ("NATO", "nato", "offer")),
])
def test_what_is_no_stance_of_its_own(text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in triples(text), triples(text)


def test_a_demands_list_joined_by_a_bare_and_asks_each_thing() -> None:
    text = "The Kremlin insisted that Kyiv must hand over the east and that Ukraine must never join NATO."
    found = triples(text)
    assert ("Russia", "nato", "demand") in found, found
    assert ("Russia", "territory", "demand") in found, found


@pytest.mark.parametrize("text", [
    # a passive whose subject is "no" thing: nothing was done
    "Kyiv said no venue or date has been announced for the next round.",
    # an issue word inside a hyphenated word names another thing, here a mission
    "Britain agreed to fund a truce-monitoring mission on the Dnipro.",
])
def test_nothing_done_and_compounds_state_no_position(text: str) -> None:
    assert positions(text) == (), positions(text)


def test_a_participle_with_by_is_held_by_who_is_named_after_it() -> None:
    # a reduced passive ("a plan rejected by Moscow"): the party after "by" holds it, not the clause's subject
    found = triples("Kyiv circulated a ceasefire plan rejected by Moscow last week.")
    assert ("Russia", "ceasefire", "reject") in found, found
    assert ("Ukraine", "ceasefire", "reject") not in found, found


@pytest.mark.parametrize(("text", "expected"), [
    ("Zelensky renewed his offer of a truce on the Black Sea, which the Kremlin turned down on Friday.",
     ("Russia", "ceasefire", "reject")),
    ("Macron spoke of foreign troops on the ground after a truce, which Moscow rejected at once.",
     ("Russia", "troops", "reject")),
])
def test_a_stance_in_a_relative_clause_is_about_the_noun_before_it(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text)


def test_a_relative_clause_about_a_noun_with_no_issue_gives_none() -> None:
    assert not any(issue == "ceasefire" for _, issue, _ in
                   triples("Moscow set out new terms, which Kyiv turned down on Friday, after the truce talks."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump repeated that Kyiv should hold an election before any deal.", ("US", "other", "demand")),
    ("The Ukrainian president reiterated that his government rejected elections under martial law.",
     ("UA", "other", "reject")),
])
def test_elections_are_an_issue_and_a_repeated_statement_is_its_speakers(text: str,
                                                                        expected: tuple[str, str, str]) -> None:
    side, issue, stance = expected
    assert any(actor_side(p.actor) == side and p.issue == issue and p.stance == stance for p in positions(text)), \
        positions(text)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Kyiv insists it will not withdraw from the rest of the Donetsk region.", ("UA", "territory", "reject"),
     ("UA", "territory", "demand")),
    ("Zelensky said Ukraine would accept a halt to the fighting along the present line of contact.",
     ("UA", "ceasefire", "accept"), ("UA", "territory", "accept")),
    ("Kyiv proposes freezing the front along the current line.", ("UA", "ceasefire", "offer"),
     ("UA", "territory", "offer")),
])
def test_an_insisted_refusal_and_a_halt_along_the_line(text: str, expected: tuple[str, str, str],
                                                         absent: tuple[str, str, str]) -> None:
    found = {(actor_side(p.actor), p.issue, p.stance) for p in positions(text)}
    assert expected in found and absent not in found, found


@pytest.mark.parametrize(("text", "issue"), [
    # where the troops would stand is no territory question
    ("Maria Zakharova said any deployment of troops from European countries on Ukrainian territory after a "
     "settlement would be absolutely unacceptable to Russia.", "troops"),
    ("Britain and France have offered to lead a multinational force, an offer the Kremlin has repeatedly "
     "rejected as a plan to put Nato troops on Russia's border.", "troops"),
])
def test_troops_placed_on_a_territory_or_border_are_the_troops_issue(text: str, issue: str) -> None:
    rejections = [p for p in positions(text) if p.stance == "reject"]
    assert [p.issue for p in rejections] == [issue]


def test_a_side_that_continues_to_insist_demands() -> None:
    found = positions("Russia continues to insist that Ukrainian troops leave the territory of Donbas.")
    assert [(p.actor, p.issue, p.stance) for p in found] == [("Russia", "territory", "demand")]


def test_a_halt_to_strikes_told_with_words_between_is_read_as_a_truce() -> None:
    found = positions("Zelensky said Ukraine was prepared to halt its own strikes on Russian energy facilities.")
    assert ("Ukraine", "ceasefire", "accept") in [(p.actor, p.issue, p.stance) for p in found]


def test_a_side_that_will_not_walk_away_from_its_towns_rejects_a_territory_demand() -> None:
    assert [(p.actor, p.issue, p.stance) for p in positions(
        "Ukraine will not simply walk away from its own towns, the president said.")] == [
        ("Ukraine", "territory", "reject")]
    assert not [p for p in positions("Peskov said Russia would not walk away from talks.") if p.stance == "reject"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kremlin insists that Ukrainian troops pull out of the Donetsk region; Ukraine will not give away ground "
     "it has not lost in battle.", ("Ukraine", "territory", "reject")),
    ("Zelenskyy has repeated that his troops will not leave ground the Russian army could not take.",
     ("Volodymyr Zelensky", "territory", "reject")),
    ("Russia still wants Ukrainian troops out of the Donetsk region; Kyiv refuses, and wants to stop the fighting.",
     ("Ukraine", "territory", "reject")),
    ("Dmitry Peskov dismissed the coalition's plans on Thursday, saying any deployment of Western troops in Ukraine "
     "was unacceptable to Russia.", ("Dmitry Peskov", "troops", "reject")),
])
def test_refusals_told_in_passing(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(p.actor, p.issue, p.stance) for p in positions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow has said no to European troops being deployed in Ukraine.", ("Russia", "troops", "reject")),
    ("Russia rules out NATO membership and says it will not accept European troops on Ukrainian soil.",
     ("Russia", "troops", "reject")),
    ("The Kremlin insists that no European troops can be stationed in Ukraine.", ("Russia", "troops", "reject")),
    ("Dmitry Peskov said a ceasefire was out of the question until Ukrainian forces withdraw from the Donbas.",
     ("Dmitry Peskov", "territory", "condition")),
])
def test_russian_refusals_and_conditions_told_several_ways(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(p.actor, p.issue, p.stance) for p in positions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("\"Ukraine is ready to work in any format,\" he added, \"but not at the price of our land.\"",
     ("Ukraine", "territory", "reject")),
    ("Ukraine is asking partners for additional Patriot systems and missiles for them.", ("Ukraine", "aid", "demand")),
])
def test_a_price_refused_and_a_request_in_the_progressive(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in [(p.actor, p.issue, p.stance) for p in positions(text)]


def test_refusing_a_deal_without_something_makes_that_thing_a_condition() -> None:
    found = positions("Kyiv says it will not sign any deal without binding security guarantees.")
    assert [(p.actor, p.issue, p.stance) for p in found] == [("Ukraine", "security_guarantees", "condition")]


def test_a_truce_only_possible_if_restrictions_are_lifted_sets_two_conditions() -> None:
    found = positions("Dmitry Peskov said a sea truce was only possible if Western restrictions on Russia's "
                      "agricultural bank were lifted.")
    assert {(p.issue, p.stance) for p in found} == {("ceasefire", "condition"), ("sanctions", "condition")}


def test_a_stance_after_a_closed_relative_clause_is_the_antecedents() -> None:
    found = positions("Turkey, which hosted direct Russian-Ukrainian talks in Istanbul in 2022 and again in 2025, "
                      "renewed its offer to host the next stage.")
    assert {p.actor for p in found} == {"Turkey"}


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # accepting none of a thing refuses it
    ("The minister said Poland would accept no deal that left Russian troops in Belarus.",
     ("Poland", "troops", "reject"), ("Poland", "troops", "accept")),
    # a passive refusal is the speaker's, not a party of its subject
    ("Peskov said that Kyiv's membership in NATO is ruled out.", ("Peskov", "nato", "reject"),
     ("NATO", "nato", "reject")),
])
def test_a_refusal_told_without_a_refusing_verb(text: str, expected: tuple[str, str, str],
                                                absent: tuple[str, str, str]) -> None:
    _finds(text, expected)
    assert absent not in triples(text)


def test_its_call_is_the_call_of_the_speaker_named_before() -> None:
    text = "Ukraine and Russia swapped 200 prisoners each with UAE mediation, and Kyiv repeated its call for an " \
           "all-for-all exchange."
    _finds(text, ("Ukraine", "prisoners", "demand"))
    assert ("Emirates", "prisoners", "demand") not in triples(text)


def test_an_interviews_answers_are_the_interviewees_positions() -> None:
    text = ("Moscow will review its approach, Russian Deputy Foreign Minister Oleg Varnikov said in an interview.\n\n"
            "Question: Could foreign troops guard a ceasefire?\n\n"
            "Answer: Any deployment of NATO countries' contingents in Ukraine is absolutely excluded.")
    _finds(text, ("Russia", "troops", "reject"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Sikorski said Warsaw expected the European Union to adopt its next sanctions package without delay.",
     ("Poland", "sanctions", "demand")),
    ("Sikorski repeated that Poland did not plan to send its own soldiers to Ukraine as part of a reassurance force.",
     ("Poland", "troops", "reject")),
    ("Sybiha said Ukraine's most urgent need this winter was more interceptor missiles.", ("Ukraine", "aid", "demand")),
    ("Sybiha said Ukraine would only sign a deal backed by binding security guarantees from its allies.",
     ("Ukraine", "security_guarantees", "condition")),
])
def test_what_a_side_expects_does_not_plan_needs_most_or_would_only_sign(
        text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text)


def test_what_is_expected_to_happen_is_nobody_s_demand() -> None:
    assert triples("The next sanctions package is expected to be adopted in March, diplomats said.") == set()


def test_a_second_predicate_joined_by_and_takes_its_own_issue() -> None:
    text = ("Moscow has said it will not accept any Western troops on Ukrainian soil and continues to demand that "
            "Kyiv pull its forces out of the Donbas.")
    assert {("Russia", "troops", "reject"), ("Russia", "territory", "demand")} <= triples(text)


def test_military_hubs_are_troops_and_an_adverb_keeps_a_coordinated_subject() -> None:
    assert ("Kingdom", "troops", "accept") in triples(
        "Britain and France said they were ready to set up military hubs in Ukraine once a ceasefire is in place.")
    assert ("Moldova", "territory", "demand") in triples(
        "Moldova backs the sanctions and has repeatedly demanded the withdrawal of Russian troops from Transnistria.")


def test_a_passive_offer_is_the_speaker_s_and_a_commitment_without_end_sets_no_condition() -> None:
    assert ("States", "security_guarantees", "offer") in triples(
        "Washington has said security guarantees for Ukraine would be offered once an agreement is signed.")
    found = triples("Britain has pledged 3 billion pounds a year in military support to Kyiv for as long as it takes.")
    assert ("Kingdom", "aid", "offer") in found and not any(stance == "condition" for _, _, stance in found)
    assert ("Merz", "sanctions", "condition") in triples(
        "Chancellor Friedrich Merz said sanctions would stay in place for as long as Russian troops remained there.")


def test_a_reply_opening_a_longer_sentence_answers_every_demand_it_names_back() -> None:
    text = ("Moscow demands that Ukraine withdraw from the rest of the Donetsk region, and insists on a ban on "
            "Western troops. Kyiv has rejected both demands and wants binding security guarantees first.")
    found = triples(text)
    assert {("Ukraine", "territory", "reject"), ("Ukraine", "troops", "reject"),
            ("Ukraine", "security_guarantees", "demand")} <= found
    assert ("Ukraine", "territory", "reject") in triples(
        "Moscow demands that Kyiv cede the rest of Donetsk. Kyiv has refused and proposes a freeze instead.")


@pytest.mark.parametrize("text", [
    "Moscow insists on a legal guarantee that Ukraine will never join NATO.",
    "The Kremlin wants assurances that Kyiv will not join NATO.",
])
def test_another_s_refusal_that_a_side_demands_is_that_side_s_demand(text: str) -> None:
    found = triples(text)
    assert ("Russia", "nato", "demand") in found and ("Ukraine", "nato", "reject") not in found


def test_one_insisting_his_own_side_would_not_withdraw_refuses_it() -> None:
    found = triples("Zelensky said he hoped to sign the documents soon, while insisting that Ukraine would not "
                    "withdraw from Donbass.")
    assert ("Ukraine", "territory", "reject") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany has so far refused to send the Taurus, despite repeated requests.", ("Germany", "aid", "reject")),
    ("Rome said Italy would pay for three more air defence batteries.", ("Italy", "aid", "offer")),
    ("Officials said Berlin still does not intend to send Taurus missiles.", ("Germany", "aid", "reject")),
    ("London's refusal to send more long-range missiles angered Kyiv.", ("Kingdom", "aid", "reject")),
])
def test_arms_refused_or_paid_for(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)


def test_what_a_demand_wants_done_before_any_truce_is_also_a_condition_on_the_truce() -> None:
    found = triples("The Kremlin wants Kyiv's forces out of the Zaporizhzhia region before any truce, Peskov said.")
    assert {("Russia", "territory", "demand"), ("Russia", "ceasefire", "condition")} <= found
    # after no demand, "before any" is no one's condition
    assert not any(stance == "condition" for _, _, stance in triples(
        "Observers saw Washington siding with Moscow's position of a full settlement before any ceasefire."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Kyiv is prepared to stop where the troops stand and negotiate the rest later, the minister said.",
     ("Ukraine", "ceasefire", "accept")),
    ("Kyiv wants fighting halted along the present line of contact.", ("Ukraine", "ceasefire", "demand")),
])
def test_a_halt_where_the_armies_stand_is_a_truce(text: str, expected: tuple[str, str, str]) -> None:
    _finds(text, expected)
