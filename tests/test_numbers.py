import pytest

from warledger.extract.numbers import find_numbers
from warledger.extract.text import split_sentences


def values(text: str) -> list[float]:
    (sentence,) = split_sentences(text)
    return [n.value for n in find_numbers(sentence.tokens)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia launched 1,500 drones", [1500]),
    ("twenty-two cruise missiles", [22]),
    ("a dozen drones and two dozen missiles", [12, 24]),
    ("one hundred and twenty drones", [120]),
    ("three thousand homes", [3000]),
    ("500+ drones", [500]),
    ("$90bn in aid", [90_000_000_000]),
    ("1.2 million people", [1_200_000]),
    ("in 2025, 14 people", [2025, 14]),
    ("no numbers here at all", []),
    ("hundreds of drones and dozens of missiles", []),
    ("half a million consumers and a million people", [500_000, 1_000_000]),
    ("half a billion euros", [500_000_000]),
])
def test_find_numbers_values(text, expected):
    assert values(text) == expected


def test_plus_marks_at_least():
    (sentence,) = split_sentences("500+ drones")
    (num,) = find_numbers(sentence.tokens)
    assert num.plus and sentence.text[num.start - sentence.start:num.end - sentence.start] == "500+"


def test_scaled_numbers_are_flagged():
    (sentence,) = split_sentences("10 million drones a year")
    (num,) = find_numbers(sentence.tokens)
    assert num.scaled
