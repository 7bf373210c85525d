"""Load the place gazetteer's data files (``gazetteers/places.tsv`` and ``place_rules.toml``).

The files are validated loudly: a malformed row, a duplicate key, an unknown kind or an
alias shared by two places of the same reading without an entry in the ambiguity table is
a ``ResolveError``. Indexing for fast matching is done by ``gazetteer_index``.

DOCS: docs/data-sources.md
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..errors import ResolveError
from ..records import PlaceKind

PLACES_FILE = "places.tsv"
RULES_FILE = "place_rules.toml"
COLUMNS = ("key", "name", "kind", "admin1", "country", "lat", "lon", "occupied", "aliases")
DEFAULT_READING = "default"

_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: its normalised name, kind, first-level division, ISO country and position."""

    key: str
    name: str
    kind: PlaceKind
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    occupied: bool


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """An entry and the spellings that ``find`` matches for it."""

    entry: GazetteerEntry
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """A family of entries (oblasts and regions, rivers, districts) and the words that select it."""

    name: str
    types: frozenset[str]
    after: tuple[str, ...]
    after_plural: tuple[str, ...]
    after_no_span: tuple[str, ...]
    before: tuple[str, ...]
    before_plural: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """The contents of ``place_rules.toml``."""

    readings: tuple[Reading, ...]
    modifiers: tuple[str, ...]
    list_separators: tuple[str, ...]
    stop_after: frozenset[str]
    stop_before: frozenset[str]
    stop_phrases: tuple[str, ...]
    ambiguity: Mapping[str, tuple[str, ...]]

    def reading_of(self, key: str) -> str:
        """The reading an entry belongs to, from the <type> part of its key."""
        kind = key.split(".")[1]
        for reading in self.readings:
            if kind in reading.types:
                return reading.name
        return DEFAULT_READING


def normalise(text: str) -> str:
    """The lookup form of a spelling: lower case, single spaces, plain hyphens and apostrophes."""
    return " ".join(text.lower().translate(_HYPHENS).split())


def _data_text(name: str) -> str:
    return resources.files("warledger.resolve").joinpath("gazetteers", name).read_text(encoding="utf-8")


def _coordinate(value: str, key: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ResolveError(f"{PLACES_FILE}: {key}: coordinate {value!r} is not a number") from None


def _row(fields: list[str], line_no: int) -> PlaceRow:
    if len(fields) != len(COLUMNS):
        raise ResolveError(f"{PLACES_FILE} line {line_no}: expected {len(COLUMNS)} tab-separated columns, "
                           f"found {len(fields)}")
    key, name, kind, admin1, country, lat, lon, occupied, aliases = fields
    if key.count(".") != 2 or not name:
        raise ResolveError(f"{PLACES_FILE} line {line_no}: key {key!r} must be <country>.<type>.<slug> "
                           "and the name must not be empty")
    try:
        place_kind = PlaceKind(kind)
    except ValueError:
        raise ResolveError(f"{PLACES_FILE} line {line_no}: unknown kind {kind!r}") from None
    if occupied not in ("true", "false"):
        raise ResolveError(f"{PLACES_FILE} line {line_no}: occupied must be true or false")
    entry = GazetteerEntry(key, name, place_kind, admin1 or None, country or None,
                           _coordinate(lat, key), _coordinate(lon, key), occupied == "true")
    spellings = tuple(a.strip() for a in aliases.split("|") if a.strip())
    return PlaceRow(entry, spellings)


def parse_places(text: str) -> tuple[PlaceRow, ...]:
    """Rows of a places file; '#' lines are comments, the first other line is the header."""
    rows: list[PlaceRow] = []
    keys: set[str] = set()
    header_seen = False
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if not header_seen:
            if tuple(fields) != COLUMNS:
                raise ResolveError(f"{PLACES_FILE} line {line_no}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        row = _row(fields, line_no)
        if row.entry.key in keys:
            raise ResolveError(f"{PLACES_FILE} line {line_no}: duplicate key {row.entry.key}")
        keys.add(row.entry.key)
        rows.append(row)
    return tuple(rows)


def _strings(table: Mapping[str, Any], field: str, where: str) -> tuple[str, ...]:
    value = table.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResolveError(f"{RULES_FILE}: {where}.{field} must be a list of non-empty strings")
    return tuple(value)


def parse_rules(data: Mapping[str, Any]) -> PlaceRules:
    """Validate the parsed ``place_rules.toml``."""
    readings = []
    for name, table in data.get("reading", {}).items():
        where = f"reading.{name}"
        fields = {f: _strings(table, f, where) for f in
                  ("types", "after", "after_plural", "after_no_span", "before", "before_plural")}
        readings.append(Reading(name, frozenset(fields["types"]), fields["after"], fields["after_plural"],
                                fields["after_no_span"], fields["before"], fields["before_plural"]))
    context, stop = data.get("context", {}), data.get("stop", {})
    ambiguity: dict[str, tuple[str, ...]] = {}
    for alias, keys in data.get("ambiguity", {}).items():
        if not isinstance(keys, list) or len(keys) < 2 or not all(isinstance(k, str) for k in keys):
            raise ResolveError(f"{RULES_FILE}: ambiguity.{alias} must list two or more entry keys")
        ambiguity[normalise(alias)] = tuple(keys)
    return PlaceRules(
        readings=tuple(readings),
        modifiers=_strings(context, "modifiers", "context"),
        list_separators=_strings(context, "list_separators", "context"),
        stop_after=frozenset(_strings(stop, "after", "stop")),
        stop_before=frozenset(_strings(stop, "before", "stop")),
        stop_phrases=_strings(stop, "phrases", "stop"),
        ambiguity=ambiguity,
    )


def load_places() -> tuple[PlaceRow, ...]:
    """The packaged places file."""
    return parse_places(_data_text(PLACES_FILE))


def load_place_rules() -> PlaceRules:
    """The packaged rules file."""
    try:
        data = tomllib.loads(_data_text(RULES_FILE))
    except tomllib.TOMLDecodeError as exc:
        raise ResolveError(f"{RULES_FILE}: {exc}") from None
    return parse_rules(data)
