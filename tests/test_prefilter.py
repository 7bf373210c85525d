"""Regex fast paths (warledger.extract.prefilter): the same matches as the plain pattern, found faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from warledger.extract.prefilter import phrases_in

PHRASES = re.compile(r"\b(?:led by|head of|who led)\b", re.IGNORECASE)
WORDS = ["led", "by", "head", "of", "who", "Led", "BY", "ahead", "misled", "HEAD", "whole", "İ", "ı", ",", "\n"]


@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "  ", "\t"]))
@settings(max_examples=300, deadline=None)
def test_phrases_in_finds_what_the_pattern_finds(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert [m.span() for m in phrases_in(PHRASES, text)] == [m.span() for m in PHRASES.finditer(text)]


def test_a_phrase_inside_a_word_is_no_match() -> None:
    text = "The team, misled by rumours, was led by Umerov; ahead of the talks."
    assert [text[slice(*m.span())] for m in phrases_in(PHRASES, text)] == ["led by"]
