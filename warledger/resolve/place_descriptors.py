"""Places named by a descriptor: "the Emirati capital" (Abu Dhabi), "the Swiss city" (the Swiss city
the text named before).

``load_descriptors()`` reads ``gazetteers/descriptors.toml`` once per process and checks every place
it names against the gazetteer. ``Descriptors.find`` gives the places so named in a range of a text,
as ``PlaceMention`` spans covering "the Emirati capital", in the gazetteer's terms.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ResolveError
from .gazetteer import Gazetteer, GazetteerEntry, PlaceMention, load_gazetteer

__all__ = ["Descriptors", "load_descriptors", "parse_descriptors"]

DESCRIPTORS_FILE = "descriptors.toml"
_APPOSITION = re.compile(r"\s+of\s+[A-Z]")  # "the Swiss city of Geneva": the name follows
# a noun the place noun only qualifies ("the Swiss city council", "the Turkish port authority"): no place
_COMPOUND = re.compile(r"\s+(?:council|councils|hall|authority|authorities|administration|government|officials|"
                       r"police|mayor|residents)\b")


@dataclass(frozen=True, slots=True)
class Descriptors:
    capitals: Mapping[str, GazetteerEntry]  # nationality adjective -> its country's capital
    countries: Mapping[str, str]           # nationality adjective -> country code
    nouns: frozenset[str]                  # "city", "resort": a place of that country named before
    pattern: re.Pattern[str]               # "the <adjective> <capital|noun>"
    talks_cities: Mapping[str, GazetteerEntry] = field(default_factory=dict)  # where none was named before

    def find(self, text: str, gazetteer: Gazetteer, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """The places named by a descriptor in ``text[start:end]``, left to right."""
        out = []
        for m in self.pattern.finditer(text, start, len(text) if end is None else end):
            adjective, noun = m.group("adj"), m.group("noun")
            if noun == "capital":
                entry: GazetteerEntry | None = self.capitals.get(adjective)
            elif _APPOSITION.match(text, m.end()) or _COMPOUND.match(text, m.end()):
                continue
            else:
                entry = (_last_named(text, gazetteer, m.start(), self.countries.get(adjective))
                         or self.talks_cities.get(adjective))
            if entry is not None:
                out.append(PlaceMention(m.start(), m.end(), m.group(), entry))
        stop = len(text) if end is None else end
        if text.find("same", start, stop) >= 0:  # "talks in the same city": the last city named before
            for m in _SAME_PLACE.finditer(text, start, stop):
                entry = _last_named(text, gazetteer, m.start(), None, anywhere=True)
                if entry is not None:
                    out.append(PlaceMention(m.start(), m.end(), m.group(), entry))
            out.sort(key=lambda p: p.start)
        return out


_SAME_PLACE = re.compile(r"\b[Tt]he\s+same\s+(?:city|town|capital)\b")


def _last_named(text: str, gazetteer: Gazetteer, before: int, country: str | None, *,
                anywhere: bool = False) -> GazetteerEntry | None:
    """The last city of ``country`` (``anywhere``: of any country) named in ``text`` before ``before``."""
    if country is None and not anywhere:
        return None
    return next((p.entry for p in reversed(gazetteer.find(text, 0, before))
                 if (anywhere or p.entry.country == country) and p.entry.kind == "city"), None)


def parse_descriptors(data: Mapping[str, Any], gazetteer: Gazetteer) -> Descriptors:
    """The descriptors of a parsed rules file; a place the gazetteer does not know is an error."""
    capitals: dict[str, GazetteerEntry] = {}
    for adjective, name in dict(data.get("capitals", {})).items():
        entry = gazetteer.lookup(str(name))
        if entry is None or entry.kind != "city":
            raise ResolveError(f"{DESCRIPTORS_FILE}: capital {name!r} of {adjective!r} is no city of the gazetteer")
        capitals[adjective] = entry
    countries = {str(a): str(c) for a, c in dict(data.get("countries", {})).items()}
    for adjective, code in countries.items():
        capital = capitals.get(adjective)
        if not re.fullmatch(r"[A-Z]{2}", code) or (capital is not None and capital.country != code):
            raise ResolveError(f"{DESCRIPTORS_FILE}: country {code!r} of {adjective!r} is no country code, "
                               "or not the country of its capital")
    talks_cities: dict[str, GazetteerEntry] = {}
    for adjective, name in dict(data.get("talks_cities", {})).items():
        entry = gazetteer.lookup(str(name))
        if entry is None or entry.kind != "city" or entry.country != countries.get(str(adjective)):
            raise ResolveError(f"{DESCRIPTORS_FILE}: talks city {name!r} of {adjective!r} is no city of the "
                               "gazetteer in that adjective's country")
        talks_cities[str(adjective)] = entry
    nouns = frozenset(str(n) for n in data.get("nouns", []))
    if not nouns or "capital" in nouns:
        raise ResolveError(f"{DESCRIPTORS_FILE}: nouns must list the place nouns other than 'capital'")
    adjectives = sorted({*capitals, *countries}, key=len, reverse=True)
    pattern = re.compile(r"\b[Tt]he\s+(?P<adj>" + "|".join(re.escape(a) for a in adjectives) + r")\s+(?P<noun>"
                         + "|".join(re.escape(n) for n in sorted({*nouns, "capital"})) + r")\b")
    return Descriptors(capitals, countries, nouns, pattern, talks_cities)


@cache
def load_descriptors() -> Descriptors:
    """The packaged descriptors, checked against the packaged gazetteer, once per process."""
    text = resources.files("warledger.resolve").joinpath("gazetteers", DESCRIPTORS_FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ResolveError(f"{DESCRIPTORS_FILE}: {exc}") from None
    return parse_descriptors(data, load_gazetteer())
