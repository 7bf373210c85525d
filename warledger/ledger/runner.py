"""Ingest into the ledger: articles in, events, claims and consensus figures stored.

For each article read from the paths, in order:
1. A Rejection from reading, or from screening (not English, not about the war), is stored with its reason.
2. An exact duplicate (same text) is counted and skipped.
3. The article is extracted; its MinHash finds an earlier version of the same story, if any.
4. In one savepoint: the article, each dated attack wave and diplomatic event matched to a stored
   event or a new one (with the reason), the claims, and the touched events' figures recomputed.
An article whose savepoint fails leaves nothing behind; running the same input again adds nothing.
Articles are committed in batches (``batches.WriteBatches``): a commit per article cost more than
storing it. An exception commits the articles stored before it, then stops the ingest.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from ..errors import RejectReason
from ..extract.pool import Job, extractor_for, in_order
from ..ids import article_id
from ..ingest import read_articles
from ..ingest.screen import screen
from ..records import Article, Attack, DatePrecision, DiplomaticEvent, Extraction, Rejection
from ..settings import Settings
from ..store.base import Store
from .arithmetic import article_flags, consensus_flags, revision_flags
from .batches import WriteBatches
from .claims import claims_of
from .consensus import event_figures
from .event_date import DATE_FLAG, event_date
from .headline import with_headline
from .matching import (
    RECALL_DAYS,
    ROUGH_DAYS,
    SLIP_DAYS,
    Decision,
    Known,
    match_attack,
    match_diplomacy,
    match_recalled,
    neighbour_days,
)
from .minhash import bands, signature, similarity
from .policy import Policy, load_policy
from .records import Event, EventFigure, EventKind, Flag, MatchReason, Report, StoredArticle, StoredRejection

__all__ = ["LEDGER_DIPLOMACY", "NEAR_DUPLICATE", "IngestSummary", "ingest"]

OPTIMIZE_AT = frozenset({100, 500})  # early refreshes of the planner's statistics: a new database has none
OPTIMIZE_EVERY = 2000  # new articles between refreshes of the planner's statistics in a long ingest
NEAR_DUPLICATE = 0.5  # estimated Jaccard similarity of 5-word shingles over which two articles are one story
LEDGER_DIPLOMACY = frozenset({"meeting", "call", "agreement"})  # statements and proposals stay in extractions


@dataclass
class IngestSummary:
    articles_new: int = 0
    duplicates: int = 0
    versions: int = 0          # new articles that are a version of an already stored story
    rejected: int = 0
    undated_items: int = 0
    thin_items: int = 0        # attack waves with no figure, place or target: not put on the ledger
    conflicts: int = 0         # figures with a conflict among the events this run touched
    flags: int = 0             # arithmetic flags among the events this run touched
    date_disagreements: int = 0  # events this run touched whose reports give different days
    touched: set[str] = field(default_factory=set)   # events this run reported on
    created: set[str] = field(default_factory=set)   # events this run started
    rejections: list[StoredRejection] = field(default_factory=list)  # this run's (a repeat is stored once)

    @property
    def events_created(self) -> int:
        return len(self.created)

    @property
    def events_updated(self) -> int:
        return len(self.touched - self.created)

    def to_dict(self) -> dict[str, int]:
        return {"articles_new": self.articles_new, "duplicates": self.duplicates, "versions": self.versions,
                "rejected": self.rejected, "events_created": self.events_created,
                "events_updated": self.events_updated, "undated_items": self.undated_items,
                "thin_items": self.thin_items,
                "conflicts": self.conflicts, "flags": self.flags, "date_disagreements": self.date_disagreements}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _reject(store: Store, rejection: Rejection, summary: IngestSummary) -> None:
    stored = StoredRejection(origin=rejection.origin, stage=rejection.stage, reason=rejection.reason,
                             detail=rejection.detail, at=_now())
    with store.transaction():
        store.add_rejection(stored)
    summary.rejected += 1
    summary.rejections.append(stored)


def _story(store: Store, sig: bytes, keys: list[str]) -> tuple[str | None, float]:
    best: tuple[float, str] | None = None
    for cand in store.band_candidates(keys):
        sim = similarity(sig, cand.signature)
        if sim >= NEAR_DUPLICATE and (best is None or sim > best[0]):
            best = (sim, cand.story_id)
    return (None, 0.0) if best is None else (best[1], best[0])


def _new_id(store: Store, base: str) -> str:
    ident, n = base, 1
    while store.get_event(ident) is not None:
        n += 1
        ident = f"{base}-{n}"
    return ident


def _known(store: Store, kind: EventKind, day: str, reach: int = 1) -> list[Known]:
    """The stored events of ``kind`` up to ``reach`` days from ``day``."""
    near = store.neighbours(kind, *neighbour_days(day, reach))
    return [Known(e, near.bests[e.id], frozenset(near.articles[e.id]), e.id in near.dated) for e in near.events]


def _place_attack(store: Store, stored: StoredArticle, index: int, attack: Attack, summary: IngestSummary) -> Event:
    """The event the wave goes on (made or matched), as stored with the wave's places, report and claims."""
    assert attack.date is not None
    decision = match_attack(attack, stored.id, _known(store, EventKind.ATTACK, attack.date))
    names = [p.name for p in attack.places]
    event = _event_for(store, decision, summary, lambda ident: Event(
        id=ident, kind=EventKind.ATTACK, date=attack.date, attacker=attack.attacker,
        target_country=attack.target_country, places=tuple(names)),
        f"A-{attack.date}-{attack.attacker}-{attack.target_country}")
    event = replace(event, places=tuple(dict.fromkeys(event.places + tuple(names))))
    store.put_event(event)
    store.add_reports([Report(event.id, stored.id, index, decision.reason, decision.detail, attack.date)])
    store.add_claims(claims_of(stored, index, attack, event.id))
    return event


def _recalled(store: Store, item: DiplomaticEvent, published: str, around: str | None = None, *,
              ahead: bool = False) -> Decision | None:
    """The stored meeting an undated (or, ``around`` a day, roughly dated) one recalls, or (``ahead``) one
    planned for about that day announces (``matching.match_recalled``), if any."""
    if around is None:
        first = (date.fromisoformat(published) - timedelta(days=RECALL_DAYS)).isoformat()
        last = published
    else:
        day = date.fromisoformat(around)
        first = (day - timedelta(days=ROUGH_DAYS)).isoformat()
        last = (day + timedelta(days=ROUGH_DAYS)).isoformat()
        last = last if ahead else min(published, last)
    return match_recalled(item, published, _talks_known(store, first, last), around, ahead=ahead)


def _talks_known(store: Store, first: str, last: str) -> list[Known]:
    """The stored diplomatic events dated ``first`` to ``last``, as matching compares them."""
    near = store.neighbours(EventKind.DIPLOMACY, first, last)
    return [Known(e, {}, frozenset(near.articles[e.id]), e.id in near.dated) for e in near.events]


_NOT_HELD = frozenset({"planned", "proposed"})


def _place_diplomacy(store: Store, stored: StoredArticle, index: int, item: DiplomaticEvent,
                     summary: IngestSummary, note: str, decision: Decision | None = None) -> Event:
    """The event the meeting or talks go on (made or matched, unless ``decision`` has it), as stored with
    its report."""
    assert item.date is not None
    if decision is None:
        decision = match_diplomacy(item, stored.id, _known(store, EventKind.DIPLOMACY, item.date))
        if decision.event is None:  # an event no report dates, further off ("in Geneva in mid-February")
            rough = [k for k in _known(store, EventKind.DIPLOMACY, item.date, ROUGH_DAYS) if not k.dated]
            again = match_diplomacy(item, stored.id, rough) if rough else None
            if again is not None and again.event is not None:
                decision = again
        if decision.event is None and item.status in _NOT_HELD and stored.published:
            # planned for a day, held a few days later ("due to meet in Abu Dhabi on Sunday, February 1",
            # held on the 4th): the meeting it announced, as stored
            last = (date.fromisoformat(item.date) + timedelta(days=SLIP_DAYS)).isoformat()
            later = [k for k in _talks_known(store, item.date, last)
                     if k.event.date is not None and k.event.date > item.date and k.dated]
            announced = match_recalled(item, stored.published[:10], later, item.date, ahead=True) if later else None
            if announced is not None and announced.event is not None:
                decision = announced
    venue = item.venue.name if item.venue is not None else None
    event = _event_for(store, decision, summary, lambda ident: Event(
        id=ident, kind=EventKind.DIPLOMACY, date=item.date, type=item.kind, venue=venue,
        participants=item.participants, places=() if venue is None else (venue,)), f"D-{item.date}-{item.kind}")
    event = replace(event, participants=tuple(dict.fromkeys(event.participants + item.participants)),
                    venue=event.venue or venue)
    store.put_event(event)
    # a day placed by publication is no one's statement of the date, nor the day a meeting held later was planned for
    given = None if note or decision.reason is MatchReason.ANNOUNCED else item.date
    store.add_reports([Report(event.id, stored.id, index, decision.reason, decision.detail + note, given)])
    return event


def _event_for(store: Store, decision: Decision, summary: IngestSummary, make: Callable[[str], Event],
               base_id: str) -> Event:
    """The matched event, or a new one made with the first free id from ``base_id`` (looked up only then)."""
    if decision.event is None:
        new = make(_new_id(store, base_id))
        summary.created.add(new.id)
        return new
    return decision.event


def reconcile(store: Store, event_id: str, policy: Policy, event: Event | None = None,
              new_days: set[str] | None = None) -> tuple[list[EventFigure], Event]:
    """Recompute one event's figures and flags from all of its claims, and store them (``event``: the
    event as stored, when the caller has it; else it is read). ``new_days``: the days the reports just
    added give; when they are all the event's date and its reports agreed so far, the date stands
    without reading the reports again."""
    event = store.get_event(event_id) if event is None else event
    assert event is not None and event.id == event_id
    claims = store.claims_for([event_id])
    figures = event_figures(event_id, claims, policy, event.attacker)
    found = article_flags(claims) + revision_flags(claims) + consensus_flags(figures, policy.absolute)
    extra: dict[tuple[str, str], list[Flag]] = {}
    for key, flag in found:
        extra.setdefault(key, []).append(flag)
    figures = [replace(f, flags=f.flags + tuple(extra.get((f.measure, f.what), ()))) for f in figures]
    agreed = not any(f.code == DATE_FLAG for f in event.flags)
    if new_days is not None and agreed and new_days <= {event.date}:
        day, disagreement = event.date, None   # one more vote for the date every vote so far gave
    else:
        day, disagreement = event_date(event.date, store.reports_for([event_id]))
    flags = tuple(dict.fromkeys(flag for _, flag in found)) + ((disagreement,) if disagreement else ())
    event = with_headline(replace(event, date=day, flags=flags), figures)
    store.put_figures(event_id, figures)
    store.put_event(event, places_changed=False)  # its date, flags and headline numbers changed, not its places
    return figures, event


def _store_article(store: Store, article: Article, text_hash: str, extraction: Extraction, policy: Policy,
                   summary: IngestSummary) -> None:
    sig = signature(article.text)
    keys = bands(sig)
    body = extraction.to_dict()
    body["article"].pop("text", None)
    touched: dict[str, Event] = {}  # by id, as last stored in this transaction
    days: dict[str, set[str]] = {}  # by event id: the days this article's items on it give
    # inside the transaction, which waits for other writers: what they stored meanwhile is seen here
    with store.transaction():
        story, _ = _story(store, sig, keys)
        stored = StoredArticle(id=article.id, text_hash=text_hash, text=article.text, url=article.url,
                               source=article.source, title=article.title, published=article.published,
                               origin=article.origin, story_id=story or article.id, signature=sig,
                               extraction=json.dumps(body, ensure_ascii=False), updated=article.updated)
        added = store.add_article(stored, keys)
        if not added and store.article_id_for_hash(text_hash) is None:
            # the id is taken, by another text (an id given twice by the input): this one's is made unique
            ident = f"{article.id}-{text_hash[:8]}"
            stored = replace(stored, id=ident, story_id=story or ident)
            added = store.add_article(stored, keys)
        if not added:
            summary.duplicates += 1  # another writer stored the same text since the caller looked
            return
        for i, attack in enumerate(extraction.attacks):
            if not (attack.figures or attack.places or attack.targets):
                summary.thin_items += 1  # a wave named with nothing about it: nothing to put on an event
                continue
            if attack.date is None:
                summary.undated_items += 1
                continue
            event = _place_attack(store, stored, i, attack, summary)
            touched[event.id] = event
            days.setdefault(event.id, set()).add(attack.date)
        for i, item in enumerate(extraction.diplomacy):
            if item.kind not in LEDGER_DIPLOMACY:
                continue
            note = ""
            recalled = None
            rough = item.date if item.date_precision is DatePrecision.APPROX else None
            if item.date is None or rough is not None:
                ahead = rough is not None and item.status in ("planned", "proposed")  # "next week"
                if not (item.status == "held" or ahead) or not article.published:
                    summary.undated_items += 1
                    continue
                recalled = _recalled(store, item, article.published[:10], rough, ahead=ahead)
                told = "undated" if rough is None else f"dated roughly ({rough})"
                if recalled is not None and recalled.event is not None:  # the meeting it recalls, as stored
                    item = replace(item, date=recalled.event.date, date_precision=DatePrecision.APPROX)
                    note = f"; {told} in the article"
                elif rough is not None:
                    note = f"; {told} in the article, placed on that day"
                else:
                    item = replace(item, date=article.published[:10], date_precision=DatePrecision.APPROX)
                    note = "; undated in the article, placed on its publication day"
            event = _place_diplomacy(store, stored, i, item, summary, note, recalled)
            touched[event.id] = event
            given = days.setdefault(event.id, set())
            if not note and item.date is not None:  # a day placed by publication is not the article's
                given.add(item.date)
        for event_id, event in touched.items():
            reconcile(store, event_id, policy, event, days[event_id])
    summary.touched.update(touched)
    summary.articles_new += 1
    if story is not None:
        summary.versions += 1


def ingest(paths: Iterable[str], store: Store, *, settings: Settings, policy: Policy | None = None,
           progress: Callable[[IngestSummary], None] | None = None, workers: int = 1) -> IngestSummary:
    """Read, screen, extract and store every article under ``paths``; the counts of what happened.

    ``workers`` > 1 extracts in that many worker processes (``extract.pool.WorkerPool``) while this one
    stores, in input order: the ledger is the same as with one."""
    policy = policy or load_policy()
    summary = IngestSummary()
    with WriteBatches(store, articles=settings.ingest_batch_articles,
                      seconds=settings.ingest_batch_seconds) as batches, extractor_for(workers) as extractor:
        planned = (_plan(store, item) for item in read_articles(paths, settings=settings))
        for plan, job in in_order(extractor, planned, _to_extract):
            _settle(store, plan, job, policy, summary, batches, progress)
    if summary.articles_new:
        store.optimize()
    for f in store.figures_for(sorted(summary.touched)):
        summary.conflicts += f.conflict
    for event_id in summary.touched:
        event = store.get_event(event_id)
        for flag in () if event is None else event.flags:
            if flag.code == DATE_FLAG:
                summary.date_disagreements += 1
            else:
                summary.flags += 1
    return summary


class _Planned(NamedTuple):
    """An input item and what is to be done with it: store a rejection, count a duplicate, or extract
    and store the article (``text_hash`` set)."""

    item: Article | Rejection
    rejection: Rejection | None = None
    text_hash: str | None = None


def _to_extract(plan: _Planned) -> Article | None:
    return plan.item if plan.text_hash is not None and isinstance(plan.item, Article) else None


def _plan(store: Store, item: Article | Rejection) -> _Planned:
    """Screen the item and look its text up (with workers, before the items ahead of it are stored: an
    exact duplicate of one of them is found when it is stored)."""
    if isinstance(item, Rejection):
        return _Planned(item, rejection=item)
    problem = screen(item)
    if problem is not None:
        where = f" ({item.url})" if item.url else ""
        return _Planned(item, rejection=Rejection(origin=item.origin, stage="screen", reason=str(problem.reason),
                                                  detail=f"{problem}{where}"))
    text_hash = article_id(item.text)  # the sha256 of the text, as for articles with no id of their own
    if store.article_id_for_hash(text_hash) is not None:
        return _Planned(item)  # an exact duplicate: not extracted
    return _Planned(item, text_hash=text_hash)


def _settle(store: Store, planned: _Planned, job: Job | None, policy: Policy, summary: IngestSummary,
            batches: WriteBatches, progress: Callable[[IngestSummary], None] | None) -> None:
    """Store what ``_plan`` decided for one item (``job``: its extraction), in the open batch."""
    item = planned.item
    batches.begin()
    if planned.rejection is not None:
        _reject(store, planned.rejection, summary)
    elif job is None or planned.text_hash is None or not isinstance(item, Article):
        summary.duplicates += 1
    else:
        outcome = job.result()
        if isinstance(outcome, str):  # the per-article boundary (STYLE C10): a bug becomes a stored rejection
            _reject(store, Rejection(origin=item.origin, stage="extract", reason=str(RejectReason.EXTRACT_FAILED),
                                     detail=outcome), summary)
        else:
            _store_article(store, item, planned.text_hash, outcome, policy, summary)
    batches.done()
    if progress is not None:
        progress(summary)
    new = summary.articles_new
    if new in OPTIMIZE_AT or (new and new % OPTIMIZE_EVERY == 0):
        batches.commit()  # the statistics see the batch
        store.optimize()
