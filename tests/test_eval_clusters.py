"""eval-ledger's alignment of the ledger's mentions with gold events (warledger/evaluate/clusters.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from warledger.errors import ConfigError
from warledger.evaluate.clusters import ClusterGold, GoldEvent, load_cluster_gold, score_clusters
from warledger.ledger.records import Event, EventKind, MatchReason, Report

A, B = "https://one.example/a", "https://two.example/b"


class LedgerStub:
    """The store calls ``score_clusters`` makes, over fixed events and reports."""

    def __init__(self, events: list[Event], reports: list[Report]) -> None:
        self.events = {e.id: e for e in events}
        self.reports = reports

    def article_ids_for_urls(self, urls: list[str]) -> dict[str, str]:
        return {u: u[-1] for u in urls}

    def reports_by_article(self, ids: list[str]) -> list[Report]:
        return [r for r in self.reports if r.article_id in ids]

    def get_event(self, event_id: str) -> Event | None:
        return self.events.get(event_id)

    def get_article(self, article_id: str) -> Any:
        return None

    def rejections(self) -> list[Any]:
        return []


def talks(id: str, date: str, type: str, venue: str | None, *participants: str) -> Event:
    return Event(id=id, kind=EventKind.DIPLOMACY, date=date, type=type, venue=venue, participants=participants)


def gold(id: str, date: str, type: str, venue: str | None, participants: tuple[str, ...],
         reports: tuple[str, ...]) -> GoldEvent:
    return GoldEvent(id, "diplomacy", date, None, None, reports, type, participants, venue)


def report(event: str, article: str, index: int) -> Report:
    return Report(event, article, index, MatchReason.NEW_EVENT, "")


def test_two_meetings_a_day_apart_align_by_venue_and_participants_not_by_the_nearest_date() -> None:
    # both articles tell the Sunday talks in Berlin and the Monday dinner in Berlin; article a's talks are
    # dated Monday (a day off), which the nearest date alone would align with the dinner
    ledger = LedgerStub(
        [talks("D-talks", "2025-12-15", "meeting", "Berlin", "Volodymyr Zelensky", "Steve Witkoff"),
         talks("D-dinner", "2025-12-15", "meeting", None, "Friedrich Merz", "European leaders")],
        [report("D-talks", "a", 0), report("D-dinner", "a", 1), report("D-talks", "b", 0), report("D-dinner", "b", 1)])
    truth = ClusterGold((gold("g-talks", "2025-12-14", "meeting", "Berlin", ("Zelensky", "Witkoff"), (A, B)),
                         gold("g-dinner", "2025-12-15", "meeting", "Berlin", ("Friedrich Merz", "European leaders"),
                              (A, B))), (), ())
    result = score_clusters(ledger, truth)  # type: ignore[arg-type]
    assert (result.pairs.tp, result.pairs.fp, result.pairs.fn) == (2, 0, 0)
    assert result.missing == [] and result.split == []
    assert list(result.by_kind) == ["diplomacy"] and result.by_kind["diplomacy"].tp == 2


def test_an_agreement_is_not_aligned_with_a_gold_meeting_but_talks_are() -> None:
    ledger = LedgerStub(
        [talks("D-deal", "2025-12-19", "agreement", None, "Donald Trump", "Vladimir Putin"),
         talks("D-round", "2025-12-19", "meeting", "Abu Dhabi", "United States", "Ukraine", "Russia")],
        [report("D-deal", "a", 0), report("D-round", "a", 1), report("D-round", "b", 0)])
    truth = ClusterGold((gold("g-round", "2025-12-19", "talks", "Abu Dhabi", ("United States", "Ukraine", "Russia"),
                              (A, B)),), (), ())
    result = score_clusters(ledger, truth)  # type: ignore[arg-type]
    assert (result.pairs.tp, result.pairs.fn) == (1, 0)
    assert result.missing == []


def test_mentions_and_gold_events_pair_best_fit_first() -> None:
    # article a's first item is a strike of the evening before (a day off the gold night); its second is the
    # night itself: the night takes the gold event, though the evening strike comes first in the article
    def wave(id: str, date: str) -> Event:
        return Event(id=id, kind=EventKind.ATTACK, date=date, attacker="RU", target_country="UA")
    ledger = LedgerStub([wave("A-evening", "2026-02-17"), wave("A-night", "2026-02-18")],
                        [report("A-evening", "a", 0), report("A-night", "a", 1), report("A-night", "b", 0)])
    night = GoldEvent("g-night", "attack", "2026-02-18", "RU", "UA", (A, B))
    result = score_clusters(ledger, ClusterGold((night,), (), ()))  # type: ignore[arg-type]
    assert (result.pairs.tp, result.pairs.fn) == (1, 0)
    assert result.split == []


@pytest.mark.parametrize("fields", [{"participants": "Vladimir Putin"}, {"participants": [5]}, {"type": 7},
                                    {"venue": ["Geneva"]}])
def test_malformed_diplomacy_fields_are_a_clear_error(tmp_path: Path, fields: dict[str, object]) -> None:
    event = {"id": "e1", "kind": "diplomacy", "date": "2025-01-01", "reports": ["https://one.example/a"], **fields}
    (tmp_path / "g.json").write_text(json.dumps({"events": [event]}), encoding="utf-8")
    with pytest.raises(ConfigError, match="not cluster gold"):
        load_cluster_gold(tmp_path)
