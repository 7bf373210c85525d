"""The records that stages exchange: frozen, slotted dataclasses with tuple fields.

Everything between stages is one of these; dicts appear only at the edges, through
``to_dict()`` (extraction format v1, see docs/extraction.md#the-output).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

FORMAT = "warledger-extraction/1"


class Measure(StrEnum):
    LAUNCHED = "launched"
    INTERCEPTED = "intercepted"
    SUPPRESSED = "suppressed"
    HIT = "hit"
    KILLED = "killed"
    INJURED = "injured"
    DAMAGED = "damaged"


class What(StrEnum):
    AERIAL_WEAPON = "aerial_weapon"
    DRONE = "drone"
    MISSILE = "missile"
    CRUISE_MISSILE = "cruise_missile"
    BALLISTIC_MISSILE = "ballistic_missile"
    HYPERSONIC_MISSILE = "hypersonic_missile"
    GUIDED_BOMB = "guided_bomb"
    PEOPLE = "people"
    CIVILIANS = "civilians"
    CHILDREN = "children"
    MILITARY = "military"
    BUILDINGS = "buildings"
    INFRASTRUCTURE = "infrastructure"
    VEHICLES = "vehicles"
    OTHER = "other"


WEAPONS = frozenset({
    What.AERIAL_WEAPON, What.DRONE, What.MISSILE, What.CRUISE_MISSILE,
    What.BALLISTIC_MISSILE, What.HYPERSONIC_MISSILE, What.GUIDED_BOMB,
})
PERSONS = frozenset({What.PEOPLE, What.CIVILIANS, What.CHILDREN, What.MILITARY})


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROX = "approx"


class DatePrecision(StrEnum):
    DAY = "day"
    APPROX = "approx"
    UNKNOWN = "unknown"


class PlaceKind(StrEnum):
    CITY = "city"
    OBLAST = "oblast"
    REGION = "region"
    COUNTRY = "country"
    SEA = "sea"
    OTHER = "other"


class TargetKind(StrEnum):
    RESIDENTIAL = "residential"
    CIVILIAN_INFRASTRUCTURE = "civilian_infrastructure"
    ENERGY = "energy"
    INDUSTRIAL = "industrial"
    DIPLOMATIC = "diplomatic"
    MILITARY = "military"
    DEFENSE_INDUSTRY = "defense_industry"
    EDUCATION = "education"
    HEALTH = "health"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of ``Article.text``: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or len(self.text) != self.end - self.start:
            raise ValueError(f"inconsistent evidence span {self.start}:{self.end} for {self.text!r}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        """The span ``text[start:end]``, trimmed of surrounding whitespace."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: PlaceKind | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": None if self.kind is None else str(self.kind),
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated number about one attack wave."""

    measure: Measure
    what: What
    value: int
    qualifier: Qualifier
    evidence: Evidence
    model: str | None = None
    place: Place | None = None
    attributed_to: str | None = None
    hedged: bool = False
    rule_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": str(self.measure),
            "what": str(self.what),
            "model": self.model,
            "value": self.value,
            "qualifier": str(self.qualifier),
            "place": None if self.place is None else self.place.to_dict(),
            "attributed_to": self.attributed_to,
            "hedged": self.hedged,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule_id or None,
        }


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    kind: TargetKind
    evidence: Evidence
    place: Place | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": str(self.kind),
            "place": None if self.place is None else self.place.to_dict(),
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Attack:
    """One wave of aerial attack as one article reports it."""

    attacker: str
    target_country: str
    date: str | None
    date_precision: DatePrecision
    figures: tuple[Figure, ...] = ()
    places: tuple[Place, ...] = ()
    launch_areas: tuple[Place, ...] = ()
    targets: tuple[Target, ...] = ()
    date_evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "attacker": self.attacker,
            "target_country": self.target_country,
            "date": self.date,
            "date_precision": str(self.date_precision),
            "date_evidence": None if self.date_evidence is None else self.date_evidence.to_dict(),
            "figures": [f.to_dict() for f in self.figures],
            "places": [p.to_dict() for p in self.places],
            "launch_areas": [p.to_dict() for p in self.launch_areas],
            "targets": [t.to_dict() for t in self.targets],
        }


@dataclass(frozen=True, slots=True)
class DiplomaticEvent:
    kind: str
    participants: tuple[str, ...]
    evidence: Evidence
    venue: Place | None = None
    date: str | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    status: str | None = None
    outcome: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "participants": list(self.participants),
            "venue": None if self.venue is None else self.venue.to_dict(),
            "date": self.date,
            "date_precision": str(self.date_precision),
            "status": self.status,
            "outcome": self.outcome,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Position:
    actor: str
    issue: str
    stance: str
    text: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "issue": self.issue, "stance": self.stance,
                "text": self.text, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str
    speaker_named: bool
    text: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "speaker_named": self.speaker_named,
                "text": self.text, "evidence": self.evidence.to_dict()}


@dataclass(frozen=True, slots=True)
class Statistic:
    indicator: str
    value: float
    unit: str
    qualifier: Qualifier
    evidence: Evidence
    attributed_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "value": self.value, "unit": self.unit,
                "qualifier": str(self.qualifier), "attributed_to": self.attributed_to,
                "evidence": self.evidence.to_dict()}


@dataclass(frozen=True, slots=True)
class Article:
    """One article after ingest: text with line endings normalised to ``\\n``."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None  # the article's address (canonical link, feed item link); not in format v1
    origin: str = ""  # where it was read from: "path", "path:line" or "path[item N]"
    # when its text was last updated, where the input says (a live blog's newest post: the page's
    # article:modified_time, an Atom entry's <updated>, a record's "updated"); not in format v1
    updated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "title": self.title,
                "published": self.published, "text": self.text}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article (format v1)."""

    article: Article
    attacks: tuple[Attack, ...] = ()
    diplomacy: tuple[DiplomaticEvent, ...] = ()
    positions: tuple[Position, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statistics: tuple[Statistic, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "article": self.article.to_dict(),
            "attacks": [a.to_dict() for a in self.attacks],
            "diplomacy": [d.to_dict() for d in self.diplomacy],
            "positions": [p.to_dict() for p in self.positions],
            "quotes": [q.to_dict() for q in self.quotes],
            "statistics": [s.to_dict() for s in self.statistics],
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """A per-item failure, kept as data: which item, at which stage, and why."""

    origin: str
    stage: str
    reason: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "stage": self.stage, "reason": self.reason, "detail": self.detail}
