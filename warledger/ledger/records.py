"""The ledger's records: what the store keeps and the reading commands return.

An ``Event`` is one attack wave or diplomatic event as told by every source; a ``Claim`` is one
figure of one article on it; an ``EventFigure`` is the ledger's answer for one (measure, what), with
the rule that chose it; a ``Report`` says why an article's item was put on an event.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    ATTACK = "attack"
    DIPLOMACY = "diplomacy"


class MatchReason(StrEnum):
    """Why an article's item went on the event it is on (or started a new one)."""

    NEW_EVENT = "new_event"                  # no stored event was a candidate
    SAME_DATE = "same_date"                  # same kind, sides and date; figures and places compatible
    ADJACENT_DATE = "adjacent_date"          # a day apart, with compatible figures and shared places
    SAME_PARTICIPANTS = "same_participants"  # diplomacy: same date and type, participants overlap
    KEPT_APART_FIGURES = "kept_apart_figures"    # a candidate existed, but the figures contradict it
    KEPT_APART_SAME_ARTICLE = "kept_apart_same_article"  # the article already put another item there
    KEPT_APART_PLACES = "kept_apart_places"  # a day apart with no place in common
    KEPT_APART_PARTIES = "kept_apart_parties"  # diplomacy: the participants speak for other parties
    KEPT_APART_VENUE = "kept_apart_venue"      # diplomacy: the venues are far apart
    UNDATED = "undated"                      # no date: an event of its own, never merged
    RECALLED = "recalled"                    # diplomacy, undated: the stored meeting the article recalls
    ANNOUNCED = "announced"                  # diplomacy planned for a rough day: the stored meeting it announces


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An ingested article with what the ledger needs to find its versions again."""

    id: str
    text_hash: str
    text: str
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    origin: str
    story_id: str          # the id of the first article of its story (itself unless a near-duplicate)
    signature: bytes       # MinHash signature of its word shingles
    extraction: str        # the extraction, format v1 JSON, without the article text
    updated: str | None = None  # when its text was last updated, where the input said (a live blog)

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "source": self.source, "title": self.title,
                "published": self.published, "story_id": self.story_id, "origin": self.origin}


@dataclass(frozen=True, slots=True)
class StoredRejection:
    origin: str
    stage: str
    reason: str
    detail: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "stage": self.stage, "reason": self.reason, "detail": self.detail,
                "at": self.at}


@dataclass(frozen=True, slots=True)
class Flag:
    """A conflict or arithmetic contradiction, with a code and an explanation."""

    code: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: EventKind
    date: str | None
    attacker: str | None = None          # attacks
    target_country: str | None = None    # attacks
    type: str | None = None              # diplomacy: meeting, call, talks...
    venue: str | None = None             # diplomacy
    participants: tuple[str, ...] = ()   # diplomacy
    places: tuple[str, ...] = ()         # names of the places reported hit (attacks) or the venue
    flags: tuple[Flag, ...] = ()         # event-level arithmetic checks
    # headline numbers of an attack, from its figures (warledger/ledger/headline.py), for the timeline
    launched: int | None = None
    intercepted: int | None = None
    suppressed: int | None = None
    killed: int | None = None
    injured: int | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Item ``item_index`` of kind ``kind`` in article ``article_id`` is on ``event_id``, for ``reason``."""

    event_id: str
    article_id: str
    item_index: int
    reason: MatchReason
    detail: str
    date: str | None = None  # the day the article gives the item (None: it gave none; placed by publication)


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure of one article about one event."""

    id: str
    event_id: str
    article_id: str
    measure: str
    what: str
    value: int
    qualifier: str
    model: str | None
    place: str | None
    attributed_to: str | None
    hedged: bool
    source: str | None          # the outlet
    published: str | None       # when the article was published
    story_id: str               # claims of one story's versions: only the newest counts
    evidence_start: int
    evidence_end: int
    evidence_text: str
    updated: str | None = None  # when the article was last updated, where it said: a live blog's later post

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "value": self.value, "qualifier": self.qualifier,
                "model": self.model, "place": self.place, "attribution": self.attributed_to,
                "hedged": self.hedged, "source": self.source, "published": self.published, "updated": self.updated,
                "evidence": {"start": self.evidence_start, "end": self.evidence_end, "text": self.evidence_text}}


@dataclass(frozen=True, slots=True)
class EventFigure:
    """The ledger's answer for one (measure, what) of an event."""

    event_id: str
    measure: str
    what: str
    low: int
    best: int
    high: int
    rule: str                   # the id of the consensus rule that chose ``best``
    conflict: bool
    flags: tuple[Flag, ...] = ()
