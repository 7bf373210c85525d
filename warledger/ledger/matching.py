"""Event resolution: which stored event (if any) an article's attack wave or diplomatic event is.

Attack waves (same attacker and target country):
1. Candidates are the stored events dated the same day or one day either side.
2. A candidate that this article already reports is never merged into again.
3. Same day: the best-scoring candidate is taken unless its launch figures contradict the wave's
   (one is over 1.6 times the other) with no place in common.
4. A day apart: taken only when a launch figure agrees (within 15%) and none contradicts, so that
   consecutive nights stay apart.
5. A day-apart candidate with two or more launch figures equal to the wave's beats a same-day one
   that has no launch figure to compare and no place in common: two identical counts ("396 drones
   and 29 missiles") say more than a date resolved from "on Tuesday", which is often a day off.
Diplomatic events: same kind, a day apart at most, and a participant or the venue in common
(two items of one article may be the same meeting, so the article's own events are candidates),
unless the venues are far apart or the participants speak for other parties (``parties``): the
US envoys meeting Kyiv's team one day and Moscow's the next are two meetings. An event no report
dates (stored from "in mid-February") is a candidate up to ``ROUGH_DAYS`` away when it shares the
venue and a participant.
Every answer carries a ``MatchReason`` and a sentence saying why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..records import Attack, DiplomaticEvent
from .parties import is_group, parties, venue_country, venues_apart
from .records import Event, MatchReason

__all__ = ["COMPARED", "RECALL_DAYS", "ROUGH_DAYS", "SLIP_DAYS", "Decision", "Known", "attack_values", "match_attack",
           "match_diplomacy", "match_recalled", "neighbour_days"]

Key = tuple[str, str]
COMPARED: tuple[Key, ...] = (("launched", "aerial_weapon"), ("launched", "drone"), ("launched", "missile"))
AGREE = 0.15        # relative difference under which two launch figures agree
CONTRADICT = 1.6    # ratio over which two launch figures contradict
EQUAL_OVER_DATE = 2  # equal launch figures that outweigh a same-day candidate with none to compare
RECALL_DAYS = 14    # how far before publication an undated meeting an article recalls is looked for
ROUGH_NEAR = 7      # how near its rough day a recalled meeting is as good as any other that near
SLIP_DAYS = 7       # how long after the day it was planned for a meeting may still be held
ROUGH_DAYS = 10     # how far from its rough day ("in late January") a meeting an article recalls is looked for


@dataclass(frozen=True, slots=True)
class Known:
    """A stored event with what matching compares: its chosen launch figures, its articles, and whether
    some report gives its day (False: it stands on a day an article gave roughly, or on a publication day)."""

    event: Event
    figures: Mapping[Key, int] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()
    dated: bool = True


@dataclass(frozen=True, slots=True)
class Decision:
    event: Event | None      # None: start a new event
    reason: MatchReason
    detail: str


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO dates; an unknown date is never near."""
    if a is None or b is None:
        return 1 << 30
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 1 << 30


def neighbour_days(day: str, reach: int = 1) -> tuple[str, str]:
    """The first and last day up to ``reach`` days from ``day``."""
    d = date.fromisoformat(day)
    return (d - timedelta(days=reach)).isoformat(), (d + timedelta(days=reach)).isoformat()


def attack_values(attack: Attack) -> dict[Key, int]:
    """The wave's largest stated value for each compared launch figure."""
    values: dict[Key, int] = {}
    for f in attack.figures:
        key = (str(f.measure), str(f.what))
        if key in COMPARED:
            values[key] = max(values.get(key, 0), f.value)
    return values


def _compare(mine: Mapping[Key, int], theirs: Mapping[Key, int]) -> tuple[int, int, int]:
    """(agree, contradict, equal) counts over the launch figures both sides have."""
    agree = contradict = equal = 0
    for key, value in mine.items():
        other = theirs.get(key)
        if not other or not value:
            continue
        equal += value == other
        if abs(value - other) <= AGREE * max(value, other):
            agree += 1
        elif max(value, other) > CONTRADICT * min(value, other):
            contradict += 1
    return agree, contradict, equal


def _places(attack: Attack) -> set[str]:
    names = {p.name.lower() for p in attack.places}
    names.update(f.place.name.lower() for f in attack.figures if f.place is not None)
    return names


def match_attack(attack: Attack, article_id: str, known: Sequence[Known]) -> Decision:
    """The stored event this wave is, or a new one, with the reason."""
    assert attack.date is not None
    mine, places = attack_values(attack), _places(attack)
    same, near, reasons = [], [], []
    for k in known:
        e = k.event
        if e.kind != "attack" or e.attacker != attack.attacker or e.target_country != attack.target_country:
            continue
        if article_id in k.articles:
            reasons.append((MatchReason.KEPT_APART_SAME_ARTICLE, f"{e.id}: this article already reports it"))
            continue
        gap = _days_apart(e.date, attack.date)
        if gap > 1:
            continue
        agree, contradict, equal = _compare(mine, k.figures)
        shared = places & {p.lower() for p in e.places}
        if gap == 0:
            if contradict and not agree and not shared:
                reasons.append((MatchReason.KEPT_APART_FIGURES, f"{e.id}: launch figures contradict, no place shared"))
                continue
            bare = not any(key in k.figures for key in mine) and not shared  # nothing to compare but the date
            same.append((2 * agree - 2 * contradict + len(shared), e.id, e, agree, len(shared), bare))
        elif agree and not contradict:
            near.append((agree, len(shared), e.id, e, equal))
        else:
            why = "launch figures contradict" if contradict else "no launch figure agrees"
            reasons.append((MatchReason.KEPT_APART_FIGURES, f"{e.id} ({e.date}): a day apart and {why}"))
    twins = [n for n in near if n[4] >= EQUAL_OVER_DATE]
    if same and twins and all(s[5] for s in same):
        _, shared_n, _, event, equal = max(twins, key=lambda n: (n[4], n[1], n[2]))
        return Decision(event, MatchReason.ADJACENT_DATE,
                        f"{event.date} against {attack.date}; {equal} launch figures equal, over same-day "
                        f"{', '.join(s[1] for s in same)} with none to compare")
    if same:
        _, _, event, agree, shared_n, _ = max(same, key=lambda s: (s[0], s[1] == min(x[1] for x in same), s[1]))
        return Decision(event, MatchReason.SAME_DATE,
                        f"same date {attack.date}; {agree} launch figure(s) agree, {shared_n} place(s) shared")
    if near:
        agree, shared_n, _, event, _ = max(near, key=lambda n: (n[0], n[1], n[2]))
        return Decision(event, MatchReason.ADJACENT_DATE,
                        f"{event.date} against {attack.date}; {agree} launch figure(s) agree within 15%")
    if reasons:
        reason, detail = reasons[0]
        return Decision(None, reason, detail)
    return Decision(None, MatchReason.NEW_EVENT, f"no stored {attack.attacker}->{attack.target_country} wave "
                                                 f"within a day of {attack.date}")


@dataclass(frozen=True, slots=True)
class _Talks:
    """What a diplomatic item is compared on: its participants (lowercased), venue and parties."""

    people: frozenset[str]
    venue: str | None
    parties: frozenset[str]

    @classmethod
    def of(cls, item: DiplomaticEvent) -> _Talks:
        return cls(frozenset(p.lower() for p in item.participants),
                   item.venue.name if item.venue is not None else None, parties(item.participants))

    def shared(self, e: Event) -> tuple[int, bool]:
        """(participants in common, same venue) with a stored event."""
        same_venue = self.venue is not None and e.venue is not None and e.venue.lower() == self.venue.lower()
        return len(self.people & {p.lower() for p in e.participants}), same_venue

    def apart(self, e: Event) -> tuple[MatchReason, str] | None:
        """Why a stored event cannot be this one, if something says so: venues far apart, other parties."""
        if self.venue is not None and e.venue is not None and venues_apart(self.venue, e.venue):
            return MatchReason.KEPT_APART_VENUE, f"{e.id}: held in {e.venue}, not {self.venue}"
        mine, theirs = self.parties, parties(e.participants)
        venue = self.venue or e.venue
        host = venue_country(venue) if venue else None
        if host is not None and (host in mine) != (host in theirs) \
                and len((mine if host in mine else theirs) - {host}) >= 2:
            mine, theirs = mine - {host}, theirs - {host}  # the host of talks between others (Switzerland)
        if len(mine) >= 2 and len(theirs) >= 2 and not (mine <= theirs or theirs <= mine):
            return MatchReason.KEPT_APART_PARTIES, f"{e.id}: between {_listed(theirs)}, not {_listed(mine)}"
        return None


def match_diplomacy(item: DiplomaticEvent, article_id: str, known: Sequence[Known]) -> Decision:
    """The stored diplomatic event this item is: same kind, a day apart at most, a participant or the venue
    shared, and nothing that tells them apart (venues far apart; participants of other parties). Failing
    that, an event no report dates (one article's "in Geneva in mid-February", stored before any article
    gave the day) up to ``ROUGH_DAYS`` away, when it shares the venue and a participant: the item dates it.
    (Two participants alone are not enough: the same two leaders speak or meet again within days.)"""
    assert item.date is not None
    talks = _Talks.of(item)
    best: tuple[int, int, str, Event] | None = None
    rough: tuple[int, str, Event] | None = None
    apart: tuple[MatchReason, str] | None = None
    for k in known:
        e = k.event
        days = _days_apart(e.date, item.date)
        if e.kind != "diplomacy" or e.type != item.kind or days > (1 if k.dated else ROUGH_DAYS):
            continue  # (one article may name the same meeting twice: unlike waves, those merge)
        shared, same_venue = talks.shared(e)
        if not shared and not same_venue:
            continue
        why = talks.apart(e)
        if why is not None:
            apart = apart or why
            continue
        if days > 1:
            if shared and same_venue and (rough is None or -days > rough[0]):
                rough = (-days, e.id, e)
            continue
        score = (2 * shared + int(same_venue), int(e.date == item.date), e.id, e)
        if best is None or score[:2] > best[:2]:
            best = score
    if best is None and rough is not None:
        event = rough[2]
        return Decision(event, MatchReason.SAME_PARTICIPANTS,
                        f"{item.kind} on {item.date} against {event.date}, a day no report gave; venue and "
                        f"participants shared")
    if best is None:
        if apart is not None:
            return Decision(None, *apart)
        return Decision(None, MatchReason.NEW_EVENT, f"no stored {item.kind} within a day of {item.date} "
                                                     f"shares a participant or the venue")
    event = best[3]
    return Decision(event, MatchReason.SAME_PARTICIPANTS,
                    f"{item.kind} on {item.date} against {event.date}; participants or venue shared")


def match_recalled(item: DiplomaticEvent, published: str, known: Sequence[Known],
                   around: str | None = None, *, ahead: bool = False) -> Decision | None:
    """The stored meeting an undated one is, when the article recalls it ("Putin received the envoys at the
    Kremlin", told two weeks on): the latest of the same kind dated up to ``RECALL_DAYS`` before
    publication that shares the venue and a participant, or two participants, with no venue far apart and
    no other parties. With ``around``, the day the article gives roughly ("the first round, in late
    January"), the one nearest that day within ``ROUGH_DAYS`` of it instead, or of those within ``ROUGH_NEAR``
    of it, the one most articles report (a recap recalls the round most told). With ``ahead``, a meeting
    planned for a rough day to come ("in Istanbul next week"): the one nearest that day, before publication
    or after it. None: nothing stored fits, and the caller places the item on the publication day (or the
    rough day)."""
    talks = _Talks.of(item)
    fits: list[tuple[bool, int, int, int, str, str, Event]] = []
    for k in known:
        e = k.event
        if e.kind != "diplomacy" or e.type != item.kind or e.date is None or (e.date > published and not ahead):
            continue
        if (_days_apart(e.date, around) > ROUGH_DAYS) if around is not None \
                else _days_apart(e.date, published) > RECALL_DAYS:
            continue
        shared, same_venue = talks.shared(e)
        # a group named alone ("EU leaders agreed in December") is distinctive enough alone
        alone = shared == 1 and len(item.participants) == 1 and is_group(item.participants[0])
        if (shared >= 2 or (shared and same_venue) or alone) and talks.apart(e) is None:
            apart = _days_apart(e.date, around) if around is not None else 0
            # a day some report gave first; then, within a week of the rough day, the meeting most reported
            reported = len(k.articles) if around is not None and not ahead else 0
            fits.append((k.dated, -(apart > ROUGH_NEAR), reported, -apart, e.date, e.id, e))
    if not fits:
        return None
    *_, event = max(fits)
    if ahead:
        return Decision(event, MatchReason.ANNOUNCED,
                        f"{item.kind} {item.status} for about {around}, published {published}; announces "
                        f"{event.id} of {event.date} (participants{' and venue' if talks.venue else ''} shared)")
    told = f"roughly dated {around}" if around is not None else "undated"
    return Decision(event, MatchReason.RECALLED,
                    f"{told} {item.kind} published {published}; recalls {event.id} of {event.date} "
                    f"(participants{' and venue' if talks.venue else ''} shared)")


def _listed(names: frozenset[str]) -> str:
    return ", ".join(sorted(names))
