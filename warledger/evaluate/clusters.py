"""Scoring the ledger's event resolution against cluster gold (corpus/ledger/gold/*.json).

A *mention* is one article reporting one event. Gold mentions come from each gold event's
`reports` (URLs); predicted mentions are the ledger's (article, event) pairs for those articles
(two items of one article on one event are one mention). A predicted mention is aligned with the
gold event of the same article, kind and sides whose date is nearest (a day apart at most);
unaligned ones stand alone, so merging them into a gold event costs precision. Then, over all pairs of mentions:
precision = pairs the ledger put together that gold has together / pairs the ledger put together,
recall = the same / pairs gold has together. Version links (`versions`) and rejections are scored
the same way: a pair of URLs in one story, and a URL rejected with the gold reason. Event dates:
for each gold event, the ledger event most of its mentions went to has the gold date, or not.

DOCS: docs/evaluation.md#event-resolution
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..settings import Settings
from ..store.base import Store
from .metrics import Accuracy, Counts

__all__ = ["ClusterReport", "evaluate_ledger", "load_cluster_gold", "score_clusters"]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    kind: str
    date: str
    attacker: str | None
    target_country: str | None
    reports: tuple[str, ...]
    type: str | None = None                 # diplomacy: meeting, call, agreement
    participants: tuple[str, ...] = ()      # diplomacy
    venue: str | None = None                # diplomacy


@dataclass(frozen=True, slots=True)
class ClusterGold:
    events: tuple[GoldEvent, ...]
    versions: tuple[tuple[str, str], ...]
    rejected: tuple[tuple[str, str], ...]   # (url, reason)


@dataclass
class ClusterReport:
    pairs: Counts
    versions: Counts
    rejected: Counts
    mentions: int
    dates: Accuracy = field(default_factory=Accuracy)  # gold events whose main ledger event has their date
    missing: list[str] = field(default_factory=list)   # gold mentions with no ledger report
    split: list[str] = field(default_factory=list)     # gold events the ledger split
    by_kind: dict[str, Counts] = field(default_factory=dict)  # event pairs of attacks, of diplomatic events
    merged: list[str] = field(default_factory=list)    # ledger events holding several gold events

    def to_dict(self) -> dict[str, Any]:
        def counts(c: Counts) -> dict[str, Any]:
            return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}
        return {"pairwise": counts(self.pairs), "versions": counts(self.versions),
                "rejected": counts(self.rejected), "mentions": self.mentions,
                "pairwise_by_kind": {k: counts(c) for k, c in self.by_kind.items()},
                "dates": {"accuracy": self.dates.value, "correct": self.dates.correct, "n": self.dates.n},
                "missing": self.missing,
                "split": self.split, "merged": self.merged}


def load_cluster_gold(gold_dir: Path) -> ClusterGold:
    """Every *.json in ``gold_dir``, merged; a malformed file is a ConfigError naming it."""
    events: list[GoldEvent] = []
    versions: list[tuple[str, str]] = []
    rejected: list[tuple[str, str]] = []
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise ConfigError(f"{gold_dir}: no cluster gold (*.json) found")
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            for e in data["events"]:
                events.append(GoldEvent(e["id"], e["kind"], e["date"], e.get("attacker"), e.get("target_country"),
                                        tuple(e["reports"]), _optional_text(e, "type"), _names_of(e),
                                        _optional_text(e, "venue")))
            versions.extend((a, b) for a, b in data.get("versions", []))
            rejected.extend((r["url"], r["reason"]) for r in data.get("rejected", []))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: not cluster gold ({type(exc).__name__}: {exc})") from exc
    return ClusterGold(tuple(events), tuple(versions), tuple(rejected))


def _optional_text(event: dict[str, Any], key: str) -> str | None:
    value = event.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"event {event.get('id')!r}: {key} must be a string or null")
    return value


def _names_of(event: dict[str, Any]) -> tuple[str, ...]:
    names = event.get("participants") or []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError(f"event {event.get('id')!r}: participants must be a list of names")
    return tuple(names)


def _pairs(labels: dict[tuple[str, str], str]) -> set[frozenset[tuple[str, str]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for mention, label in labels.items():
        groups.setdefault(label, []).append(mention)
    return {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}


def _aligns(g: GoldEvent, event: Any) -> bool:
    """Whether a ledger event may stand for a gold event of the same article: same kind and sides, the
    same class of diplomatic type, dates a day apart at most."""
    return (g.kind == str(event.kind) and (g.attacker, g.target_country) == (event.attacker, event.target_country)
            and (g.type is None or _type_class(g.type) == _type_class(event.type))
            and _days_apart(g.date, event.date) <= 1)


def _type_class(kind: str | None) -> str | None:
    """Diplomatic kinds as the extraction scorer classes them: a meeting, talks, a summit and a call are
    one class (an article may call one round of talks any of them); agreements are another."""
    return "meeting" if kind in ("meeting", "talks", "summit", "call") else kind


def _names(values: Sequence[str]) -> set[str]:
    """Names and surnames, lowercased: "Steve Witkoff" is also "witkoff"."""
    out = set()
    for v in values:
        low = v.lower()
        out.add(low)
        out.add(low.split()[-1] if low.split() else low)
    return out


def _fit(g: GoldEvent, event: Any) -> tuple[int, int, int]:
    """How well a ledger event fits a gold event of the article, best lowest: for a diplomatic event the
    same venue and shared participants before the nearer date (an article telling the Sunday talks and
    the Monday dinner aligns each with its own gold event, not both with the nearest)."""
    days = _days_apart(g.date, event.date)
    if g.kind != "diplomacy":
        return (0, 0, days)
    venue = event.venue
    same_venue = g.venue is not None and venue is not None and g.venue.lower() == venue.lower()
    shared = len(_names(g.participants) & _names(event.participants))
    return (-int(same_venue), -shared, days)


def _days_apart(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 99
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def score_clusters(store: Store, gold: ClusterGold) -> ClusterReport:
    """Pairwise precision and recall of the stored ledger's event resolution against ``gold``."""
    urls = sorted({u for e in gold.events for u in e.reports} | {u for pair in gold.versions for u in pair})
    ids = store.article_ids_for_urls(urls)
    gold_label: dict[tuple[str, str], str] = {}
    by_article: dict[str, list[GoldEvent]] = {}
    for e in gold.events:
        for url in e.reports:
            gold_label[(url, e.id)] = e.id
            by_article.setdefault(url, []).append(e)
    url_of = {i: u for u, i in ids.items()}
    events = {}
    pred_label: dict[tuple[str, str], str] = {}
    reports = store.reports_by_article(sorted(ids.values()))
    for r in reports:
        if r.event_id not in events:
            events[r.event_id] = store.get_event(r.event_id)
    mentions: dict[str, list[tuple[str, int]]] = {}  # by url: (event id, item index), one per event
    for r in sorted(reports, key=lambda r: (r.article_id, r.item_index)):
        url = url_of[r.article_id]
        if events[r.event_id] is not None and all(e != r.event_id for e, _ in mentions.get(url, [])):
            mentions.setdefault(url, []).append((r.event_id, r.item_index))  # two items on one event: one mention
    for url, found in mentions.items():
        # the article's mentions and gold events are paired best fit first, so that a mention that fits
        # one gold event less well does not take it from another that fits it exactly
        fits = sorted((_fit(g, events[event_id]), n, g.id)
                      for n, (event_id, _) in enumerate(found) for g in by_article.get(url, [])
                      if _aligns(g, events[event_id]))
        paired: dict[int, str] = {}
        for _, n, gold_id in fits:
            if n not in paired and gold_id not in paired.values():
                paired[n] = gold_id
        for n, (event_id, index) in enumerate(found):
            pred_label[(url, paired[n]) if n in paired else (url, f"extra:{event_id}:{index}")] = event_id
    missing = [f"{g} <- {u}" for (u, g) in gold_label if (u, g) not in pred_label]
    for (u, g) in gold_label:
        pred_label.setdefault((u, g), f"missing:{u}:{g}")
    for mention in pred_label:
        gold_label.setdefault(mention, f"extra:{mention}")
    got, want = _pairs(pred_label), _pairs(gold_label)
    pairs = Counts(tp=len(got & want), fp=len(got - want), fn=len(want - got))
    kinds = {g.id: g.kind for g in gold.events}

    def kind_of(mention: tuple[str, str]) -> str:
        """A gold mention's event kind, else (a mention gold lacks) its ledger event's."""
        event = events.get(pred_label[mention])
        return kinds.get(mention[1]) or (str(event.kind) if event is not None else "")

    by_kind = {}
    for kind in sorted({kind_of(m) for m in pred_label} - {""}):
        got_k = {p for p in got if all(kind_of(m) == kind for m in p)}
        want_k = {p for p in want if all(kind_of(m) == kind for m in p)}
        by_kind[kind] = Counts(tp=len(got_k & want_k), fp=len(got_k - want_k), fn=len(want_k - got_k))
    split = sorted({g for (u, g) in gold_label if not g.startswith("extra:")
                    and len({pred_label[(u2, g2)] for (u2, g2) in gold_label if g2 == g}) > 1})
    gold_of: dict[str, set[str]] = {}
    for mention, label in gold_label.items():
        if not label.startswith("extra:"):
            gold_of.setdefault(pred_label[mention], set()).add(label)
    merged = sorted(p for p, labels in gold_of.items() if len(labels) > 1)
    stories = {u: store.get_article(i) for u, i in ids.items()}
    story_of = {u: a.story_id for u, a in stories.items() if a is not None}
    gold_versions = {frozenset(p) for p in gold.versions}
    linked = {frozenset(p) for p in combinations(sorted(story_of), 2) if story_of[p[0]] == story_of[p[1]]}
    versions = Counts(tp=len(linked & gold_versions), fp=len(linked - gold_versions),
                      fn=len(gold_versions - linked))
    rejected = _score_rejections(store, gold.rejected, set(ids))
    return ClusterReport(pairs=pairs, versions=versions, rejected=rejected, mentions=len(gold_label),
                         dates=_score_dates(gold, pred_label, events), missing=missing, split=split, merged=merged,
                         by_kind=by_kind)


def _score_dates(gold: ClusterGold, pred_label: dict[tuple[str, str], str], events: dict[str, Any]) -> Accuracy:
    """Per gold event with ledger mentions: whether the ledger event most of them went to has its date."""
    correct = n = 0
    for g in gold.events:
        predicted = [pred_label[(u, g.id)] for u in g.reports if not pred_label[(u, g.id)].startswith("missing:")]
        if not predicted:
            continue
        main = max(sorted(set(predicted)), key=predicted.count)
        event = events.get(main)
        n += 1
        correct += event is not None and event.date == g.date
    return Accuracy(correct, n)


def _score_rejections(store: Store, wanted: Sequence[tuple[str, str]], stored_urls: set[str]) -> Counts:
    found = store.rejections()
    tp = fn = 0
    for url, reason in wanted:
        if any(r.reason == reason and url in r.detail for r in found):
            tp += 1
        else:
            fn += 1
    screened = [r for r in found if r.reason in {"not_english", "off_topic"}]
    fp = max(0, len(screened) - tp)
    return Counts(tp=tp, fp=fp, fn=fn)


def evaluate_ledger(corpus_dir: Path, settings: Settings) -> ClusterReport:
    """Ingest ``corpus_dir/articles`` into a fresh temporary SQLite ledger and score it against
    ``corpus_dir/gold``."""
    from ..ledger.runner import ingest
    from ..store import open_store

    gold = load_cluster_gold(corpus_dir / "gold")
    with tempfile.TemporaryDirectory(prefix="warledger-eval-") as tmp:
        store = open_store(str(Path(tmp) / "ledger.db"))
        try:
            ingest([str(corpus_dir / "articles")], store, settings=settings)
            return score_clusters(store, gold)
        finally:
            store.close()
