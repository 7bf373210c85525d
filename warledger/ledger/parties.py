"""What two reports of a diplomatic event are compared on besides the date: its parties and its venue.

A meeting's *parties* are the countries its participants speak for ("Steve Witkoff" and "the United
States" are one party; "Rustem Umerov" and "Ukraine" another), read from the actor registry; a group or
an actor the registry does not know is a party of its own name. The US envoys who met the Ukrainian
team on Friday and the Russian envoy on Saturday, in the same city, held two meetings: the parties
differ. The host of the venue ("Switzerland" at talks in Geneva) is not counted as a party when only
one of the two reports names it and the talks are between two others or more (Russia at talks in
Moscow with the US envoys is a side). Two venues are *apart* when the gazetteer places them in
different countries, or two cities or sites over ``VENUES_APART_KM`` apart (Berlin and Brussels; not
Mar-a-Lago and Miami, nor the Kremlin and Moscow, nor Florida and Miami).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from ..resolve.actors import load_actors
from ..resolve.gazetteer import load_gazetteer

__all__ = ["VENUES_APART_KM", "is_group", "parties", "venue_country", "venues_apart"]

VENUES_APART_KM = 300.0
_BROAD = frozenset({"country", "region", "oblast"})  # places that hold cities: compared by country only


def parties(names: Iterable[str]) -> frozenset[str]:
    """The parties of the participants ``names``: a country code, or the name itself."""
    return frozenset(_party(n) for n in names)


@cache
def _party(name: str) -> str:
    actor = load_actors().lookup(name)
    if actor is None or actor.country is None:
        return name.strip().lower()
    return actor.country


@cache
def is_group(name: str) -> bool:
    """Whether the registry knows ``name`` as a group of leaders or states ("EU leaders", "the G7")."""
    actor = load_actors().lookup(name)
    return actor is not None and actor.kind == "group"


@cache
def venue_country(venue: str) -> str | None:
    """The country code of a venue the gazetteer knows (a host's party: Switzerland for Geneva)."""
    place = load_gazetteer().lookup(venue)
    return None if place is None else place.country


@cache
def venues_apart(a: str, b: str) -> bool:
    """Whether two venues cannot be where one meeting was held; False when either is unknown."""
    gazetteer = load_gazetteer()
    first, second = gazetteer.lookup(a), gazetteer.lookup(b)
    if first is None or second is None:
        return False
    if first.country and second.country and first.country != second.country:
        return True
    if str(first.kind) in _BROAD or str(second.kind) in _BROAD:
        return False
    if None in (first.lat, first.lon, second.lat, second.lon):
        return False
    return _km(first.lat, first.lon, second.lat, second.lon) > VENUES_APART_KM  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
