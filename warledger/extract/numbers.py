"""Numbers as the press writes them: digits, words, compounds and scale words.

``find_numbers`` returns each number in a sentence with its token span and value;
"twenty-two", "a dozen", "two dozen", "1,500", "1.2 million" and "500+" all count.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from .text import Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "mln": 1_000_000, "m": 1_000_000,
          "billion": 1_000_000_000, "bn": 1_000_000_000, "trillion": 1_000_000_000_000, "k": 1_000}
# words that stand for a number on their own ("a dozen", "a pair of", "a single")
SPECIAL = {"dozen": 12, "single": 1, "pair": 2, "couple": 2, "score": 20}
# ordinal words and the rank they name ("a third person has died", "the fifth time since")
ORDINAL_VALUES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}


@dataclass(frozen=True, slots=True)
class Number:
    first: int          # index of the first token of the number
    last: int           # index of the last token (inclusive)
    value: float
    start: int          # char offsets in the article
    end: int
    digits: bool        # written with digits
    plus: bool = False  # "500+"
    scaled: bool = False  # carries a scale word: "1.2 million", "$90bn"


def _word_value(low: str) -> int | None:
    if low in UNITS:
        return UNITS[low]
    if low in TENS:
        return TENS[low]
    if "-" in low:
        head, _, tail = low.partition("-")
        if head in TENS and tail in UNITS and 0 < UNITS[tail] < 10:
            return TENS[head] + UNITS[tail]
    return None


def _digit_value(text: str) -> float | None:
    raw = text.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return None


def _valid_thousands(text: str) -> bool:
    if "," not in text:
        return True
    groups = text.split(".")[0].split(",")
    return all(len(g) == 3 for g in groups[1:]) and 0 < len(groups[0]) <= 3


# The words a number may start with (besides digits and hyphenated compounds such as "twenty-two").
_STARTERS = frozenset(UNITS) | frozenset(TENS) | {"a", "an", "half"}
_A_SCALES = ("hundred", "thousand", "million", "billion")  # "a million", "half a million"
_HYPHEN_SCALES = frozenset({"million", "billion", "trillion"})  # joined to digits by a hyphen: "$22-billion"


_LOW = attrgetter("low")


def find_numbers(tokens: tuple[Token, ...]) -> list[Number]:
    """Every number in the token sequence, left to right, compounds joined."""
    out: list[Number] = []
    i = 0
    n = len(tokens)
    # most tokens start no number: the few that may are picked out by one comprehension, not visited in
    # the loop below (a lowercase letter is never a digit, so ``low`` tells what ``text`` would)
    for k in [k for k, low in enumerate(map(_LOW, tokens)) if low in _STARTERS or "-" in low or low[0].isdigit()]:
        if k < i:
            continue  # inside the number read before
        i = k
        tok = tokens[i]
        value: float | None = None
        digits = False
        j = i
        if tok.text[0].isdigit():
            if not _valid_thousands(tok.text):
                continue
            value, digits = _digit_value(tok.text), True
        else:
            value = _word_value(tok.low)
            if value is not None and value <= 5 and i + 1 < n and tokens[i + 1].low == "dozen":
                value, j = value * 12, i + 1  # "two dozen"
            elif value is None and tok.low in ("a", "an", "one", "two", "three", "four", "five", "half") \
                    and i + 1 < n and tokens[i + 1].low == "dozen":
                mult = 1 if tok.low in ("a", "an") else (0.5 if tok.low == "half" else _word_value(tok.low) or 1)
                value, j = 12 * mult, i + 1
            elif value is None and tok.low == "a" and i + 1 < n and tokens[i + 1].low in _A_SCALES:
                value, j = SCALES[tokens[i + 1].low], i + 1
            elif value is None and tok.low == "half" and i + 2 < n and tokens[i + 1].low in ("a", "an") \
                    and tokens[i + 2].low in _A_SCALES:
                value, j = SCALES[tokens[i + 2].low] / 2, i + 2  # "half a million consumers"
            elif value is None and tok.low == "a" and i + 1 < n and tokens[i + 1].low == "single":
                value, j = 1, i + 1  # "a single Zircon missile"
            elif value is None and tok.low == "dozen" and (i == 0 or tokens[i - 1].low not in ("a", "an")):
                value = None
        if value is None:
            continue
        # compounds: "one hundred and twenty", "three thousand", "1.2 million", "twenty two"
        scaled = False
        while j + 1 < n:
            nxt = tokens[j + 1].low
            if nxt in SCALES and nxt not in ("m", "k") and not (nxt == "hundred" and value >= 100):
                value *= SCALES[nxt]
                scaled = scaled or SCALES[nxt] >= 1000
                j += 1
                continue
            if digits and nxt == "-" and j + 2 < n and tokens[j + 2].low in _HYPHEN_SCALES \
                    and tokens[j + 1].start == tokens[j].end and tokens[j + 2].start == tokens[j + 1].end:
                value *= SCALES[tokens[j + 2].low]  # "$22-billion", a Canadian daily's style
                scaled, j = True, j + 2
                continue
            if not digits and nxt == "and" and j + 2 < n and value >= 100 and value % 100 == 0:
                extra = _word_value(tokens[j + 2].low)
                if extra is not None and extra < 100:
                    value += extra
                    j += 2
                    continue
            if not digits and value >= 100 and value % 100 == 0:
                extra = _word_value(nxt)
                if extra is not None and extra < 100:
                    value += extra
                    j += 1
                    continue
            break
        plus = j + 1 < n and tokens[j + 1].text == "+" and tokens[j + 1].start == tokens[j].end
        last = j + 1 if plus else j
        out.append(Number(i, last, value, tokens[i].start, tokens[last].end, digits, plus, scaled))
        i = last + 1
    return out
