"""Properties of ``warledger.extract`` for any text (hypothesis).

For every input text and publication date: extraction does not raise, the output fits the
JSON Schema of format v1, every evidence span is exactly ``text[start:end]`` (in every
section, nested places included), and a second run gives the same output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import warledger
from warledger.ingest import normalise_text

SCHEMA_FILE = Path(warledger.__file__).parent / "schema" / "extraction-v1.schema.json"
VALIDATOR = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
PROPERTY = settings(max_examples=200, deadline=None)

# ---------------------------------------------------------------- strategies

WORDS = [
    "Russia", "Russian", "Ukraine", "Ukraine's", "Ukrainian", "forces", "launched", "fired", "attacked with",
    "drones", "drone", "Shahed", "Shahed-136", "Geran-2", "decoy", "missiles", "missile", "cruise missiles",
    "ballistic missiles", "Kh-101", "Kalibr", "Iskander-M", "Kinzhal", "guided bombs", "aerial weapons",
    "shot down", "intercepted", "downed", "destroyed", "neutralised", "jammed", "locationally lost", "hit",
    "struck", "reached their targets", "killed", "injured", "wounded", "dead", "people", "civilians",
    "children", "a child", "soldiers", "homes", "apartment blocks", "buildings", "cars", "damaged",
    "overnight", "overnight into Thursday", "on Monday", "Tuesday night", "early on Sunday", "last week",
    "on June 27", "in the morning", "at least", "more than", "over", "up to", "about", "nearly", "some",
    "including", "of them", "of which", "reportedly", "likely", "according to", "the air force said",
    "Zelensky said", "the governor wrote", "Kyiv", "Kiev", "Kharkiv", "Odesa", "Odessa", "Lviv", "Dnipro",
    "Zaporizhzhia", "Sumy", "Poltava", "Kherson", "Donetsk Oblast", "Kharkiv region", "Crimea",
    "Russian-occupied Crimea", "Black Sea", "Belgorod", "Kursk", "Bryansk", "Novorossiysk", "Moscow",
    "oil refinery", "refinery", "oil depot", "power plant", "substation", "thermal power plant", "airfield",
    "hospital", "school", "port", "the largest attack since", "in", "at", "on", "and", "a", "the", "of",
    "one", "two", "three", "four", "twelve", "twenty-two", "a dozen", "hundreds", "dozens", "1,500", "500+",
    "33 of 41", "1.2 million", "$90bn", "17%", "No.", "Mr.", "U.S.", "e.g.", "-", "\u2013", "\u2014",
    "(", ")", ":", ";", "\u2022", "*",
]
QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "\r\n", "\t", " \u2013 ", ": ", "; ", "\u00a0", ""]

numbers = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.integers(min_value=1000, max_value=10**7).map("{:,}".format),
    st.integers(min_value=0, max_value=10**4).map(lambda n: f"{n}+"),
    st.text(alphabet="0123456789", min_size=10, max_size=400),  # very long digit runs
    st.text(alphabet="0123456789,.", min_size=1, max_size=12),
)
tokens = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS), numbers,
    st.sampled_from(QUOTES), st.text(max_size=6),
)
news_text = st.lists(st.tuples(tokens, st.sampled_from(SEPARATORS)), max_size=80).map(
    lambda pairs: "".join(token + sep for token, sep in pairs))
control_text = st.text(alphabet=st.characters(codec=None, max_codepoint=0x3000,
                                              categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Nd", "Lu", "Ll"]),
                       max_size=300)
any_text = st.one_of(st.text(max_size=400), control_text, news_text,
                     st.text(alphabet="0123456789 ", max_size=2000))
published_dates = st.one_of(
    st.none(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
    st.builds(datetime.combine, st.dates(min_value=date(2014, 1, 1), max_value=date(2035, 12, 31)),
              st.times()).map(datetime.isoformat),
    st.dates(min_value=date(2022, 2, 24), max_value=date(2026, 12, 31)).map(
        lambda d: datetime.combine(d, time(6, 30)).isoformat() + "Z"),
)

# ---------------------------------------------------------------- checks


def evidence_spans(data: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every evidence object in an extraction dict, with a JSON path to it."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("evidence", "date_evidence") and isinstance(value, dict):
                yield f"{path}.{key}", value
            else:
                yield from evidence_spans(value, f"{path}.{key}")
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from evidence_spans(value, f"{path}[{n}]")


def check_extraction(text: str, published: str | None) -> dict[str, Any]:
    data = warledger.extract(text, published=published).to_dict()
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    json.dumps(data, allow_nan=False)  # the output is plain JSON: no NaN or infinity
    article_text = data["article"]["text"]
    assert article_text == normalise_text(text)
    assert data["article"]["published"] == (published.strip() if published else None)
    for where, ev in evidence_spans(data):
        assert 0 <= ev["start"] <= ev["end"] <= len(article_text), where
        assert article_text[ev["start"]:ev["end"]] == ev["text"], where
    assert warledger.extract(text, published=published).to_dict() == data, "not deterministic"
    return data


# ---------------------------------------------------------------- properties


@PROPERTY
@given(text=st.text(), published=published_dates)
def test_any_unicode_text(text, published):
    check_extraction(text, published)


@PROPERTY
@given(text=any_text, published=published_dates)
@example(text="Russia launched " + "9" * 309 + " drones overnight.", published="2025-03-06")
@example(text="\r\n\ufeffIn Kharkiv,\rthree people were killed.\r\n", published="2025-03-06T06:00:00+02:00")
@example(text="", published=None)
def test_control_characters_digit_runs_and_mixed_text(text, published):
    check_extraction(text, published)


@PROPERTY
@given(text=news_text, published=published_dates)
@example(text="Russia launched 41 cruise missiles overnight; 33 of 41 cruise missiles intercepted, the air force "
              "said.\nIn Kharkiv, three people were killed, including two children, and a refinery in Belgorod "
              "was hit by Ukrainian drones.", published="2025-03-06")
def test_war_news_vocabulary(text, published):
    check_extraction(text, published)


counts = st.one_of(  # 1900-2100 written without a comma reads as a year, by design
    st.integers(min_value=1, max_value=999_999).filter(lambda n: not 1900 <= n <= 2100).map(lambda n: (n, str(n))),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: (n, f"{n:,}")),
)


@PROPERTY
@given(count=counts, what=st.sampled_from(["drones", "missiles", "Shahed drones", "cruise missiles"]),
       published=published_dates)
def test_a_stated_count_is_read_exactly(count, what, published):
    value, written = count
    data = check_extraction(f"Russia launched {written} {what} at Ukraine overnight.", published)
    values = [f["value"] for attack in data["attacks"] for f in attack["figures"] if f["measure"] == "launched"]
    assert values == [value]


@PROPERTY
@given(text=news_text, published=published_dates)
def test_line_endings_do_not_change_the_result(text, published):
    unix = text.replace("\r\n", "\n").replace("\r", "\n")   # a lone CR (old Mac files) is a line end too
    lf = warledger.extract(unix, published=published).to_dict()
    for ending in ("\r\n", "\r"):
        assert warledger.extract(unix.replace("\n", ending), published=published).to_dict() == lf


# texts that once made extraction raise, found by scripts/fuzz_extract.py (mutations of the corpus) and cut down
FUZZ_FINDINGS = [
    # a pronoun read both as a pronoun and as a speaker ("He added") at one offset: the antecedent lookup
    # took the pronoun's reading, which names no one
    'Putin everything."\nHe Putin He added well, he meeting',
]


@pytest.mark.parametrize("text", FUZZ_FINDINGS)
def test_texts_the_fuzzer_found(text: str) -> None:
    check_extraction(text, "2026-01-01")
