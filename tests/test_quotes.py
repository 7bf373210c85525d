"""Quotations: every quotation style, the four-word rule, and who the speaker is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.extract.quote_spans import Quotations, find_spans
from warledger.extract.quotes import MIN_WORDS, find_quotes
from warledger.extract.text import split_sentences
from warledger.resolve.actors import load_actors

REG = load_actors()


def quotes(text: str) -> list[tuple[str, str]]:
    """(speaker, quoted text) of every quotation found in ``text``."""
    out = []
    for q in find_quotes(text, split_sentences(text), REG):
        assert text[q.evidence.start:q.evidence.end] == q.evidence.text == q.text
        out.append((q.speaker, q.text))
    return out


def speakers(text: str) -> list[str]:
    return [speaker for speaker, _ in quotes(text)]


# ---------------------------------------------------------------- spans

@pytest.mark.parametrize(("text", "quoted"), [
    ('He said "the grid held up through the night" on Monday.', "the grid held up through the night"),
    ("He said “the grid held up through the night” on Monday.", "the grid held up through the night"),
    ("He said «the grid held up through the night» on Monday.", "the grid held up through the night"),
    ("He said 'the grid held up through the night' on Monday.", "the grid held up through the night"),
    ("He said ‘the grid held up through the night’ on Monday.", "the grid held up through the night"),
    ("He said „the grid held up through the night“ on Monday.", "the grid held up through the night"),
    ('He said “the grid held up through the night" on Monday.', "the grid held up through the night"),
])
def test_every_quotation_style(text: str, quoted: str) -> None:
    assert [t for _, t in quotes(text)] == [quoted]


@pytest.mark.parametrize("text", [
    "Ukraine's allies and the city's mayor met at the leaders' summit in Kyiv.",
    'She called it "root causes" again.',
    "Analysts expect 'the usual' outcome.",
    'The missile, dubbed "Flamingo", was shown.',
    "Tass quoted the 'special military operation' phrase.",
])
def test_apostrophes_and_short_quoted_terms_are_not_quotations(text: str) -> None:
    assert quotes(text) == []


def test_four_words_make_a_quotation() -> None:
    assert [t for _, t in quotes('Kallas said it was "in the near future".')] == ["in the near future"]
    assert quotes('Kallas said it was "very near future".') == []
    assert MIN_WORDS == 4


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph() -> None:
    text = ("Sybiha spoke at length.\n\n"
            '"The first thing we need is a full ceasefire on land, at sea and in the air.\n\n'
            '"Only then can the harder questions be discussed," he said.')
    assert quotes(text) == [
        ("Andrii Sybiha", "The first thing we need is a full ceasefire on land, at sea and in the air."),
        ("Andrii Sybiha", "Only then can the harder questions be discussed,"),
    ]


def test_a_quotation_split_around_its_attribution_gives_two() -> None:
    text = '"We have done what we promised," Rubio said, "and now we expect Moscow to do the same."'
    assert quotes(text) == [("Marco Rubio", "We have done what we promised,"),
                            ("Marco Rubio", "and now we expect Moscow to do the same.")]


def test_nested_quotation_counts_when_a_verb_introduces_it() -> None:
    text = ('"At the end Trump said, \'we will get this done before the winter,\' and everyone nodded," '
            "a European diplomat said.")
    inner = "we will get this done before the winter,"
    outer = f"At the end Trump said, '{inner}' and everyone nodded,"
    assert quotes(text) == [("a European diplomat", outer), ("Donald Trump", inner)]


def test_a_quoted_phrase_inside_a_quotation_is_not_one() -> None:
    text = '"Our line, \'not one step back from here\', is the only line we have," Zelensky said.'
    assert speakers(text) == ["Volodymyr Zelensky"]


def test_headings_and_quoted_names_are_not_quotations() -> None:
    assert quotes('Zelensky: "We will not give up our land"\nHe spoke in Kyiv.') == []
    assert quotes('Leaders of the "coalition of the willing" met in Paris.') == []


def test_find_spans_marks_nesting_and_open_quotations() -> None:
    text = '"One \'two three four\' five," he said.\n"Left open here'
    spans = find_spans(text)
    assert [(text[s.start:s.end], s.closed, s.outer is not None) for s in spans] == [
        ("One 'two three four' five,", True, False), ("two three four", True, True), ("Left open here", False, False)]


def test_quotations_tell_what_lies_inside_a_top_level_quotation() -> None:
    text = 'He said: "One. \'Two three\' four." Then he left.\n\u201cLeft open. Still quoted'
    quotations = Quotations(find_spans(text))
    first, second = text.index('"'), text.index("\u201c")
    assert quotations.around(text.index("One")) == (first, text.index("Then") - 1)
    assert quotations.around(text.index("Two")) == (first, text.index("Then") - 1)  # nested: the outer one
    assert quotations.around(first) == quotations.around(text.index("four"))
    assert quotations.around(text.index("Then")) is None and quotations.around(0) is None
    assert quotations.around(text.index("Still")) == (second, len(text))  # open to the paragraph's end
    assert quotations.overlaps(0, first + 1) and not quotations.overlaps(0, first)
    assert not quotations.overlaps(text.index("Then"), second) and quotations.overlaps(len(text) - 1, len(text))


# ---------------------------------------------------------------- speakers

@pytest.mark.parametrize(("text", "expected"), [
    # after the quotation
    ('"The lights came back after four hours," Klitschko wrote on Telegram.', ["Vitali Klitschko"]),
    ('"The lights came back after four hours," said Kyiv mayor Vitali Klitschko.', ["Vitali Klitschko"]),
    ('"The lights came back after four hours," wrote Serhii Popko, who heads the city administration.',
     ["Serhii Popko"]),
    ('"We will see what happens next week," the US president told reporters.', ["Donald Trump"]),
    ('"Nothing has been agreed on territory yet," a senior European diplomat said.',
     ["a senior European diplomat"]),
    ('"It was the loudest night of the year," Marta Hrytsenko, a nurse, said in a video.', ["Marta Hrytsenko"]),
    ('"We sleep in the metro again," says Danylo, 19, a student.', ["Danylo"]),
    ('"Our position has not changed at all," according to the Russian Foreign Ministry.',
     ["Russian Foreign Ministry"]),
    # before the quotation
    ('Peskov told reporters: "There is no date for a meeting yet."', ["Dmitry Peskov"]),
    ('Zelensky said the proposal was "a starting point, not a final text".', ["Volodymyr Zelensky"]),
    ("Rubio, speaking in Brussels, said the talks were \"moving in the right direction\".", ["Marco Rubio"]),
    ("Trump's envoy, Steve Witkoff, said the meeting had been \"long and very productive indeed\".",
     ["Steve Witkoff"]),
    ("Ushakov called the call \"businesslike and quite specific on every point\".", ["Yuri Ushakov"]),
    ('Lavrov met Fidan in Antalya and said Russia was "ready for a new round in Istanbul".', ["Sergei Lavrov"]),
    ('The Russian Defense Ministry said it had struck "energy facilities used by the Ukrainian army".',
     ["Russian Defence Ministry"]),
    ('A member of the Ukrainian delegation described the mood as "calm, technical and without drama".',
     ["a member of the Ukrainian delegation"]),
])
def test_speaker_next_to_the_quotation(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Tusk spoke after the cabinet met. "Poland will not be intimidated by drones," he said.', ["Donald Tusk"]),
    ('Kallas arrived late. "Europe has to carry more of the weight now," she said.', ["Kaja Kallas"]),
    ("Oksana Levchenko's flat was hit. \"The wall fell into the kitchen at night,\" she said.",
     ["Oksana Levchenko"]),
    ('Putin met Witkoff for five hours. "The talks were useful for both our countries," Ushakov said. '
     '"Another round will follow soon," he added.', ["Yuri Ushakov", "Yuri Ushakov"]),
    ('Ukrenergo said repairs were under way. "Crews are working in every affected region," it said.',
     ["Ukrenergo"]),
    ('A senior Ukrainian official was blunt. "Nobody will sign away the Donbas," the official said.',
     ["a senior Ukrainian official"]),
    ('Zelensky met Starmer in London.\n"We agreed on the next steps for air defence," the Ukrainian leader said.',
     ["Volodymyr Zelensky"]),
    ('Trump spoke to Putin for two hours. "It was a very good call, very productive," Trump said. '
     '"We will talk again soon," the president added.', ["Donald Trump", "Donald Trump"]),
])
def test_pronouns_and_descriptors_are_resolved(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the one asking is the subject, not the person asked
    ('A Polish journalist asked Zelensky bluntly: "Would you accept a frozen front line this year?"',
     ["a Polish journalist"]),
    # "it" after a document of an institution: the institution that qualifies it speaks
    ('Rubio spoke on Monday. A short Kremlin readout later described what it called "a frank and useful '
     'conversation".', ["Kremlin"]),
    # no verb of saying before "it": the institution opening the sentence, not a later possessive
    ("Russia fired drones again. The presidential office statement repeated Kyiv's proposal, which it said "
     '"remains on the table for any serious partner".', ["the presidential office"]),
])
def test_subject_of_the_attribution(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_a_quotation_without_attribution_continues_the_last_speaker() -> None:
    text = ('"The strike hit a school and two homes," Fedorov wrote.\n\n'
            '"Rescuers are still working at both sites."')
    assert speakers(text) == ["Fedorov", "Fedorov"]


def test_a_surname_takes_the_full_name_given_earlier() -> None:
    text = ('Analyst Pavlo Sirenko expects more strikes. "They are testing the air defence every night," '
            "Sirenko said.")
    assert speakers(text) == ["Pavlo Sirenko"]


def test_speaker_named_is_false_for_descriptors() -> None:
    text = '"The list is not final yet," a source close to the talks said. "Putin decides," Peskov said.'
    found = find_quotes(text, split_sentences(text), REG)
    assert [(q.speaker, q.speaker_named) for q in found] == [("a source close to the talks", False)]


def test_a_pronoun_reaches_a_name_with_accented_letters() -> None:
    text = ('A senator, Clara Mertens, spoke first. "We will not wait for another winter," she said.\n\n'
            'Belgium\'s delegate, Émile Dufrêne, said aid would continue. "Nobody here is tired of helping," he said.')
    assert speakers(text) == ["Clara Mertens", "Émile Dufrêne"]


# ---------------------------------------------------------------- properties

PIECES = ['"', "“", "”", "'", "‘", "’", "«", "»", "\n", "\n\n", ",", ".", " said", " he said", "Zelensky",
          " the official", "We will not", " give up", " our land", "Kyiv's", " she added", ":", " according to"]


def test_a_carriage_return_before_a_comma_is_read() -> None:
    # a kinship noun is looked for before each comma: whitespace other than a space there once raised
    found = quotes('\r,\u00ab0 \r\n "The children slept in the corridor again," her son,\r, said.')
    assert [text for _, text in found] == ["The children slept in the corridor again,"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=40).map("".join)))
def test_quotes_on_any_text_are_exact_spans(text: str) -> None:
    for q in find_quotes(text, split_sentences(text), REG):
        assert text[q.evidence.start:q.evidence.end] == q.evidence.text == q.text
        assert q.speaker and q.text.strip() == q.text


def test_according_to_an_institutions_readout_quotes_the_institution() -> None:
    text = ('According to the Kremlin\'s readout of the talks, the president "ordered an end to all strikes on '
            'the grid" for a month.')
    assert speakers(text) == ["Kremlin"]


def test_a_namesake_of_a_known_official_keeps_the_name_the_article_gives() -> None:
    # the registry knows a governor surnamed Kim; the woman quoted here only shares the surname
    text = ('Darya Kim was hanging washing when the sirens began. "We ran down to the cellar with the cat," '
            'said Kim, 52.\n\nThe governor gave no figures.\n\nLater Kim said she would stay. '
            '"This is our street and we are not leaving it," she said.')
    assert speakers(text) == ["Darya Kim", "Darya Kim"]


def test_a_title_or_a_middle_initial_before_a_known_surname_keeps_the_registry_person() -> None:
    text = ('U.S. President Donald J. Trump spoke on Monday. "We are very close to a deal on this," '
            'Trump said.')
    assert speakers(text) == ["Donald Trump"]


def test_a_quoted_term_with_a_hyphenated_compound_is_not_four_words() -> None:
    assert quotes('The minister praised the drones as "our far-reaching answer" on Monday.') == []
    assert [t for _, t in quotes('The minister said "our far-reaching answer is ready" on Monday.')] \
        == ["our far-reaching answer is ready"]


def test_she_after_a_bare_surname_refers_to_the_woman_quoted_before() -> None:
    # the woman was quoted more than five sentences back; the last speaker before is a man
    text = ('"The shelter fills up by midnight," said Olena Hrytsak, a nurse in the town.\n\n'
            'The town lost its water supply on Friday. Repair crews came on Saturday. The pumps ran for an hour. '
            'Then the lines failed again. Officials blamed the frost.\n\n'
            'Kremlin spokesman Dmitry Peskov said Moscow "would not accept any pause in the fighting." '
            'The army said little.\n\n'
            'At home, Hrytsak has moved her mother into the basement.\n\n'
            '"We count the hours until the morning," she said.')
    assert speakers(text) == ["Olena Hrytsak", "Dmitry Peskov", "Olena Hrytsak"]


# ---------------------------------------------------------------- speakers that are no verb or clause

def test_capitalised_verb_after_a_verb_of_saying_is_no_speaker() -> None:
    text = ('"The door to dialogue remains open on our side," Peskov said. Asked whether a summit could '
            'happen in Vienna, he said that "nothing has been ruled out yet."')
    assert speakers(text) == ["Dmitry Peskov", "Dmitry Peskov"]


def test_descriptor_after_a_preposition_is_no_subject_of_a_participle() -> None:
    text = ('Mark Rutte spoke in Oslo on Monday. He also brushed aside appeals by Nordic lawmakers for a '
            'quick truce, saying that any pause would "only help the aggressor regroup."')
    assert speakers(text) == ["Mark Rutte"]


def test_apposition_and_document_phrase_do_not_make_a_speaker() -> None:
    text = ("Kaja Kallas, chair of the bloc's foreign affairs council, said in a statement posted on X that "
            'the sanctions package was "ready for adoption by all member states."')
    assert speakers(text) == ["Kaja Kallas"]


def test_participle_after_said_in_a_statement_takes_the_main_subject() -> None:
    text = ('"Damage to the depot is still being assessed," the General Staff said in a statement, adding '
            'that strikes would go on against "the enemy supply chain in the south."')
    assert speakers(text) == ["the General Staff", "the General Staff"]


def test_relative_clause_subject_is_the_noun_it_qualifies() -> None:
    text = ('Peskov declined to comment and sent questions to the Russian Defence Ministry, which claimed '
            'its units had struck "fuel depots supplying the Ukrainian army in the east."')
    assert speakers(text) == ["Russian Defence Ministry"]


# ---------------------------------------------------------------- relatives introduced by a first name

def test_relative_named_in_apposition_is_the_antecedent() -> None:
    text = ("For three winters, Oksana Hrytsenko kept a candle in the window of her flat in Sumy. Her younger "
            "son, Denys, a 27-year-old paratrooper, went missing near Bakhmut in 2023.\n\n"
            'Mayor Oleksandr Lysenko said on Friday that the city would rebuild the school. "We will open the '
            'doors again by autumn," he said.\n\n'
            "In Sumy, Oksana's brother, Ihor, repaired the porch with a hammer he has kept since the 1990s. "
            'The porch is older than the house. "When the call came, I dropped everything and drove here," '
            "he said.\n\n"
            'Ihor says the family will celebrate when Denys is home. "We will set the table for everyone," '
            "Ihor said.\n\n"
            "For Oksana, the waiting is the hardest part. She reads every list of names that is published.\n\n"
            '"I will not rest until he walks through that door," she said.')
    assert speakers(text) == ["Oleksandr Lysenko", "Ihor", "Ihor", "Oksana"]


# ---------------------------------------------------------------- an organisation named in full earlier

def test_definite_description_refers_to_the_organisation_named_in_full() -> None:
    text = ("Poland's Directorate for the Support of Refugee Families said on Monday that 40 more families had "
            "found housing. It said the demand was still rising.\n\n"
            '"Each placement takes weeks of careful paperwork," the directorate said. "We will keep going until '
            'the waiting list is empty."')
    assert speakers(text) == ["Directorate for the Support of Refugee Families"] * 2


@pytest.mark.parametrize("text", [
    'In a statement issued after the talks, the envoys said the sides had "settled most of the monitoring rules."',
    'The mediators said both teams were "closer on the ceasefire line than at any point so far."',
])
def test_a_plural_group_of_officials_is_a_speaker(text: str) -> None:
    # plural heads ("the envoys", "the mediators") say things as their singulars do; the statement they issue does not
    (speaker,) = speakers(text)
    assert speaker.split()[-1] in ("envoys", "mediators"), speaker


def test_the_noun_of_an_organisation_named_by_its_acronym_is_that_organisation() -> None:
    # "the agency" after "the UN children's agency, UNICEF," is UNICEF, the name it goes by
    text = ('The UN children’s agency, UNICEF, said on Monday that schools had closed across the region. '
            '"Children are spending their days in basements and corridors," the agency said.')
    assert speakers(text) == ["UNICEF"]


# ---------------------------------------------------------------- c16 round: apposition, kinds, object clauses

@pytest.mark.parametrize("text", [
    'Kherson\'s governor, Petro Mazurenko, confirmed an attack on "one of the district\'s storage depots".',
    '"The shelling did not stop until dawn," said the region\'s governor, Petro Mazurenko.',
])
def test_a_name_in_apposition_to_a_title_is_the_speaker(text: str) -> None:
    # the person the apposition names speaks, not the title noun before it
    assert speakers(text) == ["Petro Mazurenko"]


def test_a_title_before_a_place_in_apposition_stays_the_speaker() -> None:
    text = 'The chief of staff, Kharkiv, said it was "a quiet night for once in the city".'
    assert "Kharkiv" not in speakers(text)[0]


@pytest.mark.parametrize(("text", "expected"), [
    ('Two people were hurt in the Poltava region, the regional administration said.\n\n'
     'The energy supplier DTEK cut power to three districts after the strike. "Our crews will need at least '
     'a week to restore the lines," the company said in a statement.', "DTEK"),
    ('Two people were hurt in the Poltava region, the regional administration said.\n\n'
     'The grid operator Ukrenergo cut power to three districts. "Our crews will need at least a week to '
     'restore the lines," the company said.', "Ukrenergo"),
])
def test_the_company_is_the_business_named_before(text: str, expected: str) -> None:
    # "the company" refers back to a body the article called a supplier or an operator, not to another
    # institution that spoke in between
    assert speakers(text) == [expected]


def test_a_pronoun_never_takes_a_state_behind_an_adjective() -> None:
    text = ('President Volodymyr Zelenskyy spoke to reporters in Kyiv on Monday about the talks.\n\n'
            'Neighboring Romania closed part of its airspace during the night, officials said.\n\n'
            '"We will not sign anything that leaves our people under occupation," he said.')
    assert speakers(text) == ["Volodymyr Zelensky"]


def test_a_name_after_a_conjunction_is_the_subject_of_its_clause() -> None:
    text = ('Crews worked on the lines all day, hours after Zelenskyy told a news conference that help was coming.'
            '\n\n"We are not going to leave anyone in the cold this winter," he said.')
    assert speakers(text) == ["Volodymyr Zelensky"]


@pytest.mark.parametrize("text", [
    'Foreign ministry spokeswoman Maria Zakharova spoke to reporters on Tuesday. She said Moscow welcomed the '
    'monitors\' work "as long as they stay out of politics" in the region.',
    'A ministry spokeswoman, Maria Zakharova, said the minister had told his Turkish counterpart that Russia '
    'was "open to any format that respects its interests".',
])
def test_a_quotation_in_a_reported_clause_is_the_reporter_s(text: str) -> None:
    # the verb of the object clause ("welcomed", "had told") is what was reported; the words are the speaker's
    assert speakers(text) == ["Maria Zakharova"]


def test_according_to_a_statement_without_owner_names_no_speaker() -> None:
    text = ('Belarus\'s defence ministry said its units had started "a snap inspection of combat readiness in the '
            'west," according to a statement, and added that the drills would last a week.')
    (speaker,) = speakers(text)
    assert speaker.split()[-1] == "ministry", speaker


def test_a_verb_after_and_shares_the_subject_of_the_first_verb() -> None:
    text = ('Foreign Minister Andrii Sybiha spoke after the meeting in Warsaw. He noted that Poland was ready to send '
            'more generators, and said that the winter could become "the hardest test of our resilience" for the '
            'country.')
    assert speakers(text) == ["Andrii Sybiha"]


def test_a_name_after_comma_and_opens_a_clause_of_its_own() -> None:
    text = ('The envoys are expected to return to Kyiv next week, and Sybiha said he would meet them "as soon as '
            'they land in the capital" to go through the draft.')
    assert speakers(text) == ["Andrii Sybiha"]


def test_the_last_word_of_an_organisation_name_is_no_person() -> None:
    text = ('Analyst Mariya Hordiyenko of the Lviv-based Centre for Eastern Energy Studies said the loan helped. '
            '"Cash buys a little time, nothing more," she said.')
    assert speakers(text) == ["Mariya Hordiyenko"]


def test_a_single_name_after_an_opening_word_is_still_a_name() -> None:
    text = 'The crowd waited outside. On Monday Kowal said the shelter was "full to the last bench again".'
    assert speakers(text) == ["Kowal"]


def test_a_role_names_its_holder_even_where_he_was_named_as_an_object() -> None:
    # a pronoun would not reach a man named after "with", but "the prime minister" says who is meant
    text = ("Zelensky spoke on Sunday with Keir Starmer, who pledged more money for the grid.\n\n"
            '"Every new strike only hardens our resolve to help," the prime minister said in a statement.')
    assert [speaker for speaker, _ in quotes(text)] == ["Keir Starmer"]
    # a role nobody named before holds stays the role
    other = text.replace("the prime minister", "the foreign minister")
    assert [speaker for speaker, _ in quotes(other)] == ["the foreign minister"]


@pytest.mark.parametrize("text", [
    ("Yuri Ushakov gave a fuller readout late on Wednesday. \"Without a settlement on land, any paper would be "
     "worthless,\" he quoted Putin as saying."),
    ("The aide spoke to reporters in the Kremlin. \"We are not in a hurry to sign anything,\" Ushakov cited "
     "Vladimir Putin as telling the American envoys."),
])
def test_one_quoted_as_saying_spoke_the_words(text: str) -> None:
    assert speakers(text) == ["Vladimir Putin"]


def test_a_quotation_inside_a_statement_owned_by_someone_is_the_owners() -> None:
    text = ("Asked about Andrii Sybiha's remarks that Kyiv would never \"sign a deal over our heads,\" the Kremlin "
            "spokesman Dmitry Peskov said the talks would go on.")
    assert speakers(text) == ["Andrii Sybiha"]


def test_who_was_asked_is_not_a_name_in_the_question() -> None:
    text = ('"The talks will go on," Peskov said. Asked about Vladimir Zelensky\'s latest remarks, he said Kyiv '
            '"still shows no readiness to decide anything."')
    assert speakers(text) == ["Dmitry Peskov", "Dmitry Peskov"]


def test_he_after_a_sentence_opened_by_an_unnamed_person_is_that_person() -> None:
    text = ("Peskov spoke first. One senior European diplomat who attended both rounds was blunter. "
            '"Nobody in that room wants to be the first to move," he said.')
    assert speakers(text)[-1].lower() == "one senior european diplomat"


def test_a_minister_told_by_nationality_is_the_minister_of_that_country_named_before() -> None:
    text = ("Polish Foreign Minister Radoslaw Sikorski met his Ukrainian counterpart Andrii Sybiha in Warsaw. Sybiha "
            "thanked Poland, Sikorski said. \"Every Patriot battery we receive means more families with light and "
            "heat,\" the Ukrainian minister said.")
    assert speakers(text) == ["Andrii Sybiha"]


@pytest.mark.parametrize("text", [
    '"There is nothing to announce yet on the next round," Putin\'s foreign policy aide Yuri Ushakov told reporters.',
    '"There is nothing to announce yet on the next round," Putin aide Yuri Ushakov told reporters.',
])
def test_a_name_qualifying_the_speaker_s_title_after_a_quote_is_not_the_speaker(text: str) -> None:
    assert speakers(text) == ["Yuri Ushakov"]


def test_a_title_with_its_for_phrase_before_an_apposed_name_is_that_person_s() -> None:
    text = ('A spokeswoman for Chancellor Merz, Anna Weber, said the decision had "not been revisited at any '
            'level" since the autumn.')
    assert speakers(text) == ["Anna Weber"]
