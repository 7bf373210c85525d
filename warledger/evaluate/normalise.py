"""Pure normalisers used by the scoring rules (place names, units, actors, participants, words)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from .tables import (
    ACTOR_SIDES,
    GROUP_ALIASES,
    GROUP_WORDS,
    NAME_PARTICLES,
    PLACE_ALIASES,
    PLACE_DROP_WORDS,
    PLACE_LEADING_WORDS,
    SPEAKER_STOPWORDS,
    SURNAME_ALIASES,
    UNIT_ALIASES,
)

_WORD = re.compile(r"[a-z0-9]+")
_QUOTE_WORD = re.compile(r"\w+(?:'\w+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    """Lowercase, accents stripped, curly apostrophes made straight."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _index(groups: Iterable[tuple[str, ...]], norm: Callable[[str], str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        canonical = norm(group[0])
        for variant in group:
            table[norm(variant)] = canonical
    return table


def _place_key(name: str) -> str:
    words = [w for w in _WORD.findall(fold(name)) if w not in PLACE_DROP_WORDS]
    while words and words[0] in PLACE_LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


@cache
def _place_aliases() -> dict[str, str]:
    return _index(PLACE_ALIASES, _place_key)


def normalise_place(name: str) -> str:
    """A comparable place key: case and accents folded, Oblast/region/... dropped, spellings joined."""
    key = _place_key(name)
    return _place_aliases().get(key, key)


def _unit_key(unit: str) -> str:
    return " ".join(fold(unit).split())


@cache
def _unit_aliases() -> dict[str, str]:
    return _index(UNIT_ALIASES, _unit_key)


def normalise_unit(unit: str) -> str:
    """A comparable unit: the alias table first, else the lowercased unit with a plural 's' dropped."""
    key = _unit_key(unit)
    table = _unit_aliases()
    if key in table:
        return table[key]
    words = key.split(" ")
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    singular = " ".join(words)
    return table.get(singular, singular)


def _phrase_key(text: str) -> str:
    return " ".join(_WORD.findall(fold(text).replace("u.s.", "us")))


@cache
def _actor_phrases() -> tuple[tuple[str, str], ...]:
    return tuple((_phrase_key(phrase), side) for side, phrases in ACTOR_SIDES for phrase in phrases)


def actor_side(actor: str) -> str:
    """The side (RU, UA, US, OTHER) of an actor name: the leftmost known word or phrase decides."""
    padded = f" {_phrase_key(actor)} "
    best: tuple[int, str] | None = None
    for phrase, side in _actor_phrases():
        at = padded.find(f" {phrase} ")
        if at >= 0 and (best is None or at < best[0]):
            best = (at, side)
    return "OTHER" if best is None else best[1]


@cache
def _group_aliases() -> dict[str, str]:
    return _index(GROUP_ALIASES, _phrase_key)


@cache
def _surname_aliases() -> dict[str, str]:
    return _index(SURNAME_ALIASES, _phrase_key)


def is_person(name: str) -> bool:
    """True for a person's name: two or more capitalised words, none of them a group word."""
    words = name.split()
    if len(words) < 2:
        return False
    for word in words:
        bare = fold(word).strip(".,'")
        if bare in GROUP_WORDS:
            return False
        if not word[:1].isupper() and bare not in NAME_PARTICLES:
            return False
    return True


def participant_key(name: str) -> str:
    """People by surname, groups and states by (aliased) name."""
    if is_person(name):
        surname = _phrase_key(name).split(" ")[-1]
        return _surname_aliases().get(surname, surname)
    key = _phrase_key(name)
    while key.startswith("the "):
        key = key[4:]
    return _group_aliases().get(key, _surname_aliases().get(key, key))


def jaccard(left: Iterable[str], right: Iterable[str]) -> float:
    """|A & B| / |A | B| over sets; 1.0 when both are empty."""
    a, b = set(left), set(right)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def quote_words(text: str) -> frozenset[str]:
    """The set of words of a quotation (case-folded; apostrophes kept inside words)."""
    return frozenset(_QUOTE_WORD.findall(fold(text)))


def speaker_words(name: str) -> frozenset[str]:
    """The content words of a speaker name (articles and prepositions left out), surname spellings joined."""
    aliases = _surname_aliases()
    return frozenset(aliases.get(w, w) for w in _WORD.findall(fold(name)) if w not in SPEAKER_STOPWORDS)


def keyword_in(keyword: str, name: str) -> bool:
    """True when ``name`` contains ``keyword`` case-insensitively, starting at a word boundary."""
    needle = fold(keyword).strip()
    if not needle:
        return False
    return re.search(r"(?<![0-9a-z])" + re.escape(needle), fold(name)) is not None
