"""Figures read from single sentences: one case per phrasing the press uses."""

import pytest

from warledger.extract.figures import figures_in
from warledger.extract.rules import load_rules
from warledger.extract.text import split_sentences

RULES = load_rules()


def figures(text: str) -> list[tuple[str, str, int, str]]:
    out, previous = [], []
    for sentence in split_sentences(text):
        found = figures_in(sentence, text, RULES, previous)
        previous = found
        out += [(str(f.measure), str(f.what), f.value, str(f.qualifier)) for f in found]
    return out


CASES = [
    ("Moscow fired 310 drones and 12 missiles at the capital.",
     [("launched", "drone", 310, "exact"), ("launched", "missile", 12, "exact")]),
    ("The army said 33 of 41 cruise missiles were intercepted.",
     [("intercepted", "cruise_missile", 33, "exact"), ("launched", "cruise_missile", 41, "exact")]),
    ("In all 537 aerial weapons were used, including 477 drones and 60 missiles.",
     [("launched", "aerial_weapon", 537, "exact"), ("launched", "drone", 477, "exact"),
      ("launched", "missile", 60, "exact")]),
    ("Officials said 226 drones were likely jammed.", [("suppressed", "drone", 226, "exact")]),
    ("The blast killed 18 civilians, including four children.",
     [("killed", "civilians", 18, "exact"), ("killed", "children", 4, "exact")]),
    # "all but two": the two that were not downed got through
    ("Air defences downed all but two of the drones.", [("hit", "drone", 2, "exact")]),
    ("Overnight Russia sent twenty-two attack drones toward Odesa.", [("launched", "drone", 22, "exact")]),
    ("Russia launched nearly 300 drones, 18 ballistic and 7 cruise missiles.",
     [("launched", "drone", 300, "approx"), ("launched", "ballistic_missile", 18, "exact"),
      ("launched", "cruise_missile", 7, "exact")]),
    ("The barrage included one Oreshnik missile.", [("launched", "ballistic_missile", 1, "exact")]),
    ("At least 12 people were injured and two died in hospital.",
     [("injured", "people", 12, "at_least"), ("killed", "people", 2, "exact")]),
    ("The strike wounded more than two dozen people.", [("injured", "people", 24, "at_least")]),
    ("Up to 50 Shahed drones crossed the border.", [("launched", "drone", 50, "at_most")]),
    ("Russia used 143 drones, 110 of which were shot down.",
     [("launched", "drone", 143, "exact"), ("intercepted", "drone", 110, "exact")]),
    ("Debris damaged over 20 houses and three cars.",
     [("damaged", "buildings", 20, "at_least"), ("damaged", "vehicles", 3, "exact")]),
    ("The 20-point plan was discussed for 6 hours with 3,000 km of front in mind in 2025.", []),
    ("A 6-year-old girl was hurt.", [("injured", "children", 1, "exact")]),  # one person, not six
    ("Kyiv wants 10 million drones a year.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figures_in_sentence(text, expected):
    assert figures(text) == expected


def test_evidence_is_a_span_of_the_text():
    text = "Earlier text.\nThe army said 33 of 41 cruise missiles were intercepted over the west."
    (sentence,) = split_sentences(text)[1:]
    for fig in figures_in(sentence, text, RULES, []):
        assert text[fig.evidence.start:fig.evidence.end] == fig.evidence.text
    assert "missiles were intercepted" in figures_in(sentence, text, RULES, [])[0].evidence.text
