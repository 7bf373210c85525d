"""Sentence splitting and tokens: offsets and the two ways of making words agree."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.extract.text import split_sentences

NEWS_BITS = st.sampled_from(["Russia", "launched", "40", "1,500", "drones", "Kyiv’s", "KYIV", "U.S.", "İstanbul",
                             "Ɓama", "\u212aiev", "ǅ",
                             "“quote”", "—", "\n", " ", ".", "Ж", "ß", "ǅ", "'", "Dec.", "Mr.", "29.06.2025"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NEWS_BITS, st.text(max_size=6)), max_size=40).map(" ".join))
def test_words_are_the_lowercased_tokens(text):
    for sentence in split_sentences(text):
        assert sentence.words == tuple(t.low for t in sentence.tokens)
        for t in sentence.tokens:
            assert text[t.start:t.end] == t.text


def test_sentences_and_paragraphs():
    text = "Russia launched 40 drones. Mr. Smith said U.S. officials agreed.\n\nA new paragraph here."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Russia launched 40 drones.", "Mr. Smith said U.S. officials agreed.",
                                           "A new paragraph here."]
    assert [s.block for s in sentences] == [0, 0, 1]
    for s in sentences:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(("text", "expected"), [
    ("The talks ended. «We are done,» the envoy said.", ["The talks ended.", "«We are done,» the envoy said."]),
    ("The talks ended. „We are done,“ he said.", ["The talks ended.", "„We are done,“ he said."]),
    ("«We will not go back.» Then the delegation left.", ["«We will not go back.»", "Then the delegation left."]),
    ("He said so. \"We are done,\" she added.", ["He said so.", "\"We are done,\" she added."]),
    ("It was «a step. but not more» for him.", ["It was «a step. but not more» for him."]),
])
def test_a_sentence_may_open_or_close_with_a_guillemet(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
