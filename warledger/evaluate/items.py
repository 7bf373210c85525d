"""Typed views of the two dicts being compared: a gold annotation and an extraction-v1 output.

Gold files are checked loudly (a malformed one raises ``EvalError`` naming the file); an
extraction is read only after it has passed the JSON Schema, so its shape is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import EvalError


@dataclass(frozen=True, slots=True)
class GoldFigure:
    measure: str
    what: str
    value: int
    qualifier: str
    place: str | None
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldTarget:
    match: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldAttack:
    attacker: str
    date: str | None
    figures: tuple[GoldFigure, ...]
    places: tuple[str, ...]
    places_optional: tuple[str, ...]
    targets: tuple[GoldTarget, ...]
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldDiplomacy:
    kind: str
    participants: tuple[str, ...]
    venue: str | None
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldPosition:
    side: str
    issue: str
    stance: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: str
    text: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldStatistic:
    value: float
    unit: str
    optional: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold file; ``positions`` is None when the file has no ``positions`` key (not scored)."""

    id: str
    text_file: str
    published: str | None
    attacks: tuple[GoldAttack, ...]
    diplomacy: tuple[GoldDiplomacy, ...]
    positions: tuple[GoldPosition, ...] | None
    quotes: tuple[GoldQuote, ...]
    statistics: tuple[GoldStatistic, ...]


def _opt(obj: Mapping[str, Any]) -> bool:
    return bool(obj.get("optional", False))


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _strings(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list of names, got {values!r}")
    return tuple(str(v) for v in values)


def _gold_attack(obj: Mapping[str, Any]) -> GoldAttack:
    figures = tuple(
        GoldFigure(measure=str(f["measure"]), what=str(f["what"]), value=int(f["value"]),
                   qualifier=str(f["qualifier"]), place=_str_or_none(f.get("place")), optional=_opt(f))
        for f in obj.get("figures", []))
    targets = tuple(GoldTarget(match=str(t["match"]), optional=_opt(t)) for t in obj.get("targets", []))
    return GoldAttack(attacker=str(obj["attacker"]), date=_str_or_none(obj.get("date")), figures=figures,
                      places=_strings(obj.get("places", [])),
                      places_optional=_strings(obj.get("places_optional", [])),
                      targets=targets, optional=_opt(obj))


def _gold_sections(obj: Mapping[str, Any]) -> dict[str, Any]:
    positions = obj.get("positions")
    return {
        "attacks": tuple(_gold_attack(a) for a in obj.get("attacks", [])),
        "diplomacy": tuple(GoldDiplomacy(kind=str(d["kind"]), participants=_strings(d["participants"]),
                                         venue=_str_or_none(d.get("venue")), optional=_opt(d))
                           for d in obj.get("diplomacy", [])),
        "positions": None if positions is None else tuple(
            GoldPosition(side=str(p["side"]), issue=str(p["issue"]), stance=str(p["stance"]),
                         optional=_opt(p)) for p in positions),
        "quotes": tuple(GoldQuote(speaker=str(q["speaker"]), text=str(q["text"]), optional=_opt(q))
                        for q in obj.get("quotes", [])),
        "statistics": tuple(GoldStatistic(value=float(s["value"]), unit=str(s["unit"]), optional=_opt(s))
                            for s in obj.get("statistics", [])),
    }


def parse_gold(obj: Any, where: str) -> GoldArticle:
    """A GoldArticle from a decoded gold file; ``EvalError`` naming ``where`` if it is malformed."""
    if not isinstance(obj, dict):
        raise EvalError(f"{where}: a gold file must hold a JSON object, got {type(obj).__name__}")
    text_file = obj.get("text_file")
    if not isinstance(text_file, str) or not text_file:
        raise EvalError(f"{where}: gold file has no 'text_file' (the path of its article, relative to it)")
    try:
        sections = _gold_sections(obj)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise EvalError(f"{where}: malformed gold annotation: {type(exc).__name__}: {exc}") from exc
    return GoldArticle(id=str(obj.get("id") or where), text_file=text_file,
                       published=_str_or_none(obj.get("published")), **sections)


@dataclass(frozen=True, slots=True)
class SysFigure:
    measure: str
    what: str
    value: int
    qualifier: str
    place: str | None


@dataclass(frozen=True, slots=True)
class SysAttack:
    attacker: str
    date: str | None
    figures: tuple[SysFigure, ...]
    places: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SysDiplomacy:
    kind: str
    participants: tuple[str, ...]
    venue: str | None


@dataclass(frozen=True, slots=True)
class SysPosition:
    actor: str
    issue: str
    stance: str


@dataclass(frozen=True, slots=True)
class SysQuote:
    speaker: str
    text: str


@dataclass(frozen=True, slots=True)
class SysStatistic:
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class SysExtraction:
    attacks: tuple[SysAttack, ...] = ()
    diplomacy: tuple[SysDiplomacy, ...] = ()
    positions: tuple[SysPosition, ...] = ()
    quotes: tuple[SysQuote, ...] = ()
    statistics: tuple[SysStatistic, ...] = ()


def _place_name(place: Any) -> str | None:
    return str(place["name"]) if isinstance(place, dict) else None


def _sys_attack(obj: Mapping[str, Any]) -> SysAttack:
    figures = tuple(SysFigure(measure=str(f["measure"]), what=str(f["what"]), value=int(f["value"]),
                              qualifier=str(f["qualifier"]), place=_place_name(f.get("place")))
                    for f in obj["figures"])
    return SysAttack(attacker=str(obj["attacker"]), date=_str_or_none(obj["date"]), figures=figures,
                     places=tuple(str(p["name"]) for p in obj["places"]),
                     targets=tuple(str(t["name"]) for t in obj.get("targets", [])))


def parse_extraction(obj: Mapping[str, Any]) -> SysExtraction:
    """A SysExtraction from an extraction-v1 dict that has passed the JSON Schema."""
    return SysExtraction(
        attacks=tuple(_sys_attack(a) for a in obj["attacks"]),
        diplomacy=tuple(SysDiplomacy(kind=str(d["kind"]), participants=tuple(map(str, d["participants"])),
                                     venue=_place_name(d.get("venue"))) for d in obj["diplomacy"]),
        positions=tuple(SysPosition(actor=str(p["actor"]), issue=str(p["issue"]), stance=str(p["stance"]))
                        for p in obj["positions"]),
        quotes=tuple(SysQuote(speaker=str(q["speaker"]), text=str(q["text"])) for q in obj["quotes"]),
        statistics=tuple(SysStatistic(value=float(s["value"]), unit=str(s["unit"]))
                         for s in obj["statistics"]),
    )


def day(value: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string; None when absent or unparseable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
