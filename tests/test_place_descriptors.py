"""Places named by a descriptor (warledger.resolve.place_descriptors): "the Emirati capital", "the Swiss city".

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from warledger.errors import ResolveError
from warledger.resolve.gazetteer import load_gazetteer
from warledger.resolve.place_descriptors import load_descriptors, parse_descriptors


def described(text: str) -> list[tuple[str, str]]:
    found = load_descriptors().find(text, load_gazetteer())
    assert all(text[m.start:m.end] == m.surface for m in found)
    return [(m.surface, m.entry.name) for m in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("Negotiators met in the Emirati capital on Friday.", [("the Emirati capital", "Abu Dhabi")]),
    ("The envoys flew on to the Saudi capital.", [("the Saudi capital", "Riyadh")]),
    ("A third session in the UAE capital is planned.", [("the UAE capital", "Abu Dhabi")]),
    ("Sirens sounded across the Ukrainian capital.", [("the Ukrainian capital", "Kyiv")]),
])
def test_a_capital_named_by_its_country_adjective(text: str, expected: list[tuple[str, str]]) -> None:
    assert described(text) == expected


def test_a_city_named_by_its_country_is_the_last_one_of_that_country_named_before() -> None:
    text = ("Delegates gathered in Zurich in May and in Geneva in June. "
            "A month later they were back in the Swiss city for a last session.")
    assert described(text) == [("the Swiss city", "Geneva")]


def test_the_same_city_is_the_last_city_named_before() -> None:
    text = ("The talks in Geneva on Thursday lasted a day. They followed two days of talks in the same city on "
            "Feb. 17-18 and two earlier rounds in Abu Dhabi.")
    assert described(text) == [("the same city", "Geneva")]
    assert described("They met again in the same city a week later.") == []  # no city named before


@pytest.mark.parametrize("text", [
    "Talks opened in the Swiss city of Geneva on Tuesday.",   # the name follows: the gazetteer has it
    "A meeting in the Polish city is being discussed.",       # no Polish city named before, and none for talks
    "The Swiss city council met on Monday.",                  # a council, no city
    "Officials in the capital said the talks would go on.",   # no country adjective
])
def test_no_place_where_the_descriptor_names_none(text: str) -> None:
    assert described(text) == []


@pytest.mark.parametrize(("text", "city"), [
    ("The rounds opened in the Emirati capital in January and moved to the Swiss city in February.", "Geneva"),
    ("A meeting in the Turkish city is being discussed.", "Istanbul"),
])
def test_with_no_city_named_before_the_descriptor_is_the_city_where_the_talks_are_held(text: str, city: str) -> None:
    assert described(text)[-1][1] == city


@pytest.mark.parametrize(("data", "message"), [
    ({"nouns": ["city"], "capitals": {"Narnian": "Cair Paravel"}}, "no city of the gazetteer"),
    ({"nouns": ["city"], "countries": {"Swiss": "Switzerland"}}, "no country code"),
    ({"nouns": ["city"], "capitals": {"Swiss": "Bern"}, "countries": {"Swiss": "AT"}},
     "not the country of its capital"),
    ({"nouns": [], "capitals": {"Swiss": "Bern"}}, "nouns must list"),
    ({"nouns": ["city"], "countries": {"Swiss": "CH"}, "talks_cities": {"Swiss": "Vienna"}},
     "no city of the gazetteer in that adjective's country"),
])
def test_bad_descriptor_data_is_refused_loudly(data: dict[str, object], message: str) -> None:
    with pytest.raises(ResolveError, match=message):
        parse_descriptors(data, load_gazetteer())
