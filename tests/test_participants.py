"""Participants (warledger.extract.participants): pronouns, speakers behind a title, side nouns as places.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from warledger.extract.diplomacy import find_diplomacy
from warledger.extract.diplomacy_rules import load_diplomacy_rules
from warledger.extract.participants import Item, SentenceReading, read_sentence, scan_before
from warledger.extract.positions import find_positions
from warledger.extract.text import split_sentences
from warledger.resolve.actors import load_actors
from warledger.resolve.gazetteer import load_gazetteer


def readings(text: str) -> list[SentenceReading]:
    sentences = split_sentences(text)
    actors, places, lexicon = load_actors(), load_gazetteer(), load_diplomacy_rules().lexicon
    return [read_sentence(text, s, actors, places, lexicon, sentences[max(0, n - 3):n])
            for n, s in enumerate(sentences)]


def item_at(reading: SentenceReading, word: str) -> Item:
    start = reading.text.index(word, reading.sentence.start)
    return next(i for i in reading.items if i.start <= start < i.end)


def pronoun_of(text: str) -> str | None:
    """Who the last sentence's first pronoun stands for."""
    last = readings(text)[-1]
    pronoun = next(i for i in last.items if last.text[i.start:i.end].lower() in ("he", "she", "his", "her", "him"))
    return last.person_before(pronoun.start, ())


# --- pronouns ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("open_mark", "close_mark"), [('"', '"'), ("“", "”"), ("«", "»")])
def test_a_name_inside_a_quotation_is_no_antecedent(open_mark: str, close_mark: str) -> None:
    text = (f"Emmanuel Macron spoke after the night's strikes on Odesa.\n\n{open_mark}Nobody should flatter "
            f"Vladimir Putin any longer,{close_mark} he told reporters, calling for more pressure.")
    assert pronoun_of(text) == "Emmanuel Macron"


def test_a_quotation_opened_in_an_earlier_sentence_still_hides_its_names() -> None:
    text = ("Keir Starmer gave a speech in London. \"We will not let up. Putin has to learn that,\" "
            "he said.")
    assert pronoun_of(text) == "Keir Starmer"


def test_a_name_outside_quotation_marks_stays_the_antecedent() -> None:
    text = "Friedrich Merz met Olaf Scholz in Berlin on Friday, and he said the talks had been useful."
    assert pronoun_of(text) == "Friedrich Merz"


def test_the_speaker_of_the_sentence_before_outranks_a_name_named_earlier() -> None:
    text = ("After a long call with Vladimir Putin, Recep Tayyip Erdogan said the talks could resume. "
            "He offered to host them again.")
    assert pronoun_of(text) == "Recep Tayyip Erdoğan"


def test_a_name_after_a_preposition_gives_way_to_the_subject_before() -> None:
    text = "A week after the summit with Donald Trump, Emmanuel Macron flew to Kyiv. He brought new air defence."
    assert pronoun_of(text) == "Emmanuel Macron"


def test_a_position_stated_in_a_quotation_belongs_to_who_wrote_it() -> None:
    text = ("Volodymyr Zelensky said the strikes proved that the pressure was too weak. "
            "\"Every delay only helps Putin,\" he wrote on Telegram, urging tougher sanctions.")
    positions = find_positions(text, split_sentences(text), load_actors(), load_gazetteer())
    holders = {p.actor for p in positions if p.issue == "sanctions"}
    assert holders == {"Volodymyr Zelensky"}


# --- speakers behind a title word ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "names"), [
    ("The Kremlin spokesman said Moscow saw no reason for a truce.", "Kremlin", ("Russia",)),
    ("The European Commission's spokeswoman said new measures were being drafted.", "European Commission",
     ("European Commission",)),
    ("A White House spokesperson told reporters the plan was still open.", "White House", ("United States",)),
])
def test_an_institution_before_a_title_and_a_speech_verb_speaks(text: str, word: str,
                                                                 names: tuple[str, ...]) -> None:
    item = item_at(readings(text)[0], word)
    assert (item.kind, item.names) == ("speaker", names)


@pytest.mark.parametrize(("text", "word"), [
    ("Kremlin spokesman Dmitry Peskov said Moscow saw no reason for a truce.", "Kremlin"),
    ("Donald Trump's envoy Steve Witkoff said the meeting had gone well.", "Donald Trump"),
])
def test_a_qualifier_before_a_named_person_stays_no_participant(text: str, word: str) -> None:
    reading = readings(text)[0]
    assert item_at(reading, word).kind == "skip"
    assert any(i.kind == "speaker" and i.person for i in reading.items)


@pytest.mark.parametrize(("text", "holder", "issue"), [
    ("The Kremlin spokesman told reporters that Kyiv had to accept a ceasefire on the current line.",
     "Russia", "ceasefire"),
    ("The European Commission's spokeswoman said more sanctions must follow.", "European Commission", "sanctions"),
])
def test_an_institution_spokesman_holds_the_position(text: str, holder: str, issue: str) -> None:
    positions = find_positions(text, split_sentences(text), load_actors(), load_gazetteer())
    assert (holder, issue, "demand") in {(p.actor, p.issue, p.stance) for p in positions}


# --- side nouns that name a place -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Steve Witkoff met Vladimir Putin in the Kremlin on Tuesday evening.",
    "Steve Witkoff met Vladimir Putin at the Kremlin on Tuesday evening.",
])
def test_a_side_noun_after_in_or_at_is_the_place(text: str) -> None:
    reading = readings(text)[0]
    assert item_at(reading, "Kremlin").kind == "place"
    (event,) = find_diplomacy(text, split_sentences(text), None, load_actors(), load_gazetteer())
    assert set(event.participants) == {"Steve Witkoff", "Vladimir Putin"}


@pytest.mark.parametrize(("text", "word"), [
    ("Kyiv sent its new proposal to the Kremlin on Monday.", "Kremlin"),
    ("The envoys arrived at the Kremlin's invitation.", "Kremlin"),
    ("Several officials in the Trump administration doubted the plan.", "Trump administration"),
    ("Support for the deal is falling among Americans.", "Americans"),
])
def test_a_side_noun_that_names_no_place_stays_a_party(text: str, word: str) -> None:
    assert item_at(readings(text)[0], word).kind in ("party", "speaker", "skip")
    assert item_at(readings(text)[0], word).kind != "place"


def test_the_two_leaders_are_the_pair_named_in_the_sentence_before() -> None:
    last = readings("Maia Sandu received Alexander Stubb on Monday. The two leaders then flew to Kyiv.")[-1]
    item = item_at(last, "The")
    assert item.kind == "party" and set(item.names) == {"Maia Sandu", "Alexander Stubb"}


def test_the_two_men_stand_for_nobody_when_three_were_named() -> None:
    last = readings("Macron spoke to Merz before Zelensky arrived. The two men then flew to Kyiv.")[-1]
    assert all(i.kind != "party" or len(i.names) < 2 for i in last.items)


@pytest.mark.parametrize("text", [
    "Keir Starmer spoke first. Speaking in Delhi, where he had lunch with Narendra Modi, Emmanuel Macron said more.",
    "Keir Starmer spoke first. Asked whether he would go to Kyiv, President Emmanuel Macron said yes.",
])
def test_a_pronoun_in_an_opening_participle_stands_for_the_main_subject(text: str) -> None:
    assert pronoun_of(text) == "Emmanuel Macron"


def test_a_pronoun_in_an_opening_clause_without_a_participle_keeps_its_antecedent() -> None:
    text = "Keir Starmer spoke first. After he left, Emmanuel Macron said more."
    assert pronoun_of(text) == "Keir Starmer"


def test_a_subject_pronoun_ends_the_subject_read_back_from_a_verb() -> None:
    text = "Emmanuel Macron met Keir Starmer and he agreed to a truce."
    reading = readings(text)[0]
    assert scan_before(reading, text.index("agreed"), verb=True).names == ("Emmanuel Macron",)
