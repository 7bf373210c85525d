"""Diplomatic events: meetings, calls, proposals, statements and agreements, one per event.

1. The trigger words of ``rules/diplomacy.toml`` are found with one compiled pattern over the
   whole text; only the sentences holding one are read further (``participants.read_sentence``).
2. Each trigger's participants are read as a list: backward to its subject ("Ukraine and Russia
   held talks", "Trump met ...") and forward to its objects ("talks between X, Y and Z",
   "met with X"); its venue is a place after "in"/"at" or right before it ("the Geneva talks");
   its status comes from cue words around it, its date from the nearest date in its clause.
3. The mentions of one event are merged (same kind class, held or not, compatible venue and
   participants); a mention naming no participant is the event last named ("the talks").
   Meetings need two participants or a venue, agreements two participants.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..records import DatePrecision, DiplomaticEvent, Evidence, Place, PlaceKind
from ..resolve.actors import ActorRegistry
from ..resolve.gazetteer import Gazetteer, PlaceMention
from .approx_dates import ApproxDate, find_ahead, find_approx
from .dates import DateKind, DateMention, find_dates, sentence_dates
from .diplomacy_rules import DiplomacyRules, TriggerRule, load_diplomacy_rules
from .office_holders import office_holders, without_home_states
from .participants import (
    CONTEXT_SIDES,
    INTRODUCERS,
    SIDE_STATES,
    Item,
    SentenceReading,
    Span,
    before_apposition,
    folds_safely,
    may_match,
    people_where,
    read_sentence,
    scan_after,
    scan_before,
    states_by_code,
)
from .positions import shared_first_words
from .text import Sentence

KIND_CLASS = {"meeting": "meeting", "call": "meeting", "proposal": "proposal", "statement": "proposal",
              "agreement": "agreement"}
SIDE_OF_STATE = {state: side for side, state in SIDE_STATES.items()}
# places that are never where talks are held: the warring countries as a whole, their regions
_NO_VENUE_COUNTRIES = frozenset({"UA", "RU"})


_TALKS_SPAN = 3  # days one round of talks may last


class LazyDay:
    """The date of one mention (``_day``), worked out when first asked for: only the events kept ask, and
    each only until one of its mentions has a date. ``rough``: the day a held meeting's clause gives only
    roughly ("in late January", "a week ago"), with how far off it may be, for a mention with no date."""

    __slots__ = ("_args", "_day", "_done", "_rough")

    def __init__(self, sentence: Sentence, lo: int, hi: int, trigger: int, published: date | None,
                 status: str) -> None:
        self._args: tuple[Sentence, int, int, int, date | None, str] | None = (sentence, lo, hi, trigger,
                                                                                published, status)
        self._day: date | None = None
        self._done = False
        self._rough: ApproxDate | None = None

    @classmethod
    def fixed(cls, day: date, rough: ApproxDate | None = None) -> LazyDay:
        """A date already known (one of several rounds a mention tells), exactly or (``rough``) roughly."""
        lazy = cls.__new__(cls)
        lazy._args, lazy._done = None, True
        lazy._day, lazy._rough = (None, rough) if rough is not None else (day, None)
        return lazy

    def get(self) -> date | None:
        """The date (``_day`` of the mention's sentence, span, trigger and status)."""
        self._settle()
        return self._day

    def rough(self) -> ApproxDate | None:
        """The rough date of a held mention without an exact one (``_rough_day``)."""
        self._settle()
        return self._rough

    def _settle(self) -> None:
        if not self._done:
            assert self._args is not None
            self._day = _day(*self._args)
            if self._day is None:
                self._rough = _rough_day(*self._args)
            self._done = True


@dataclass(frozen=True, slots=True)
class Mention:
    """One trigger read with its participants: a candidate event. ``days``: the dates of the mentions
    it is made of, in order; its date is the first of them there is."""

    kind: str
    participants: tuple[str, ...]
    venue: PlaceMention | None
    status: str
    days: tuple[LazyDay, ...]
    evidence: Evidence
    rule_id: str
    specific: bool
    sentences: tuple[int, ...] = ()  # where the sentences of its mentions start
    joins: bool = False  # someone joining an event told before ("Zelensky joined the summit by video")

    @property
    def day(self) -> date | None:
        """The first date of ``days`` (each worked out only when the ones before it have none); of a meeting
        held, the earliest: talks over several days are told by the day they resumed ("resumed on Monday") as
        well as the day they began, and are dated by the day they began."""
        if self.status == "held" and self.kind == "meeting" and len(self.days) > 1:
            told = [d for d in (lazy.get() for lazy in self.days) if d is not None]
            # a few days before the first date told, not an earlier meeting the article recalls beside it
            return min((d for d in told if (told[0] - d).days <= _TALKS_SPAN), default=None)
        for lazy in self.days:
            found = lazy.get()
            if found is not None:
                return found
        return None

    @property
    def rough(self) -> ApproxDate | None:
        """The first rough date of its mentions ("in late January"): asked for only when ``day`` is None."""
        return next((r for r in (lazy.rough() for lazy in self.days) if r is not None), None)


def _with(m: Mention, *, participants: tuple[str, ...] | None = None, status: str | None = None) -> Mention:
    """``m`` with other participants or another status (``dataclasses.replace``, without its checks)."""
    return Mention(m.kind, m.participants if participants is None else participants, m.venue,
                   m.status if status is None else status, m.days, m.evidence, m.rule_id, m.specific, m.sentences,
                   m.joins)


def to_place(m: PlaceMention) -> Place:
    e = m.entry
    return Place(name=e.name, kind=PlaceKind(e.kind), admin1=e.admin1, country=e.country, lat=e.lat,
                 lon=e.lon, evidence=Evidence(m.start, m.end, m.surface))


# where a clause ends: the status cues of a trigger are read within its clause
_CLAUSE_BREAK = re.compile(r",\s+(?:who|which|where|while|but|as|after|before|when|although|though|"
                           r"(?:at|during|in|after)\s+which)\b|;|\s[—–]\s|"
                           r"\s(?:but|while|whereas|although)\s")


def _clause(text: str, lo: int, hi: int, start: int, end: int, trigger: int = -1) -> tuple[int, int]:
    """``lo:hi`` narrowed to the clause holding ``start:end`` (and ``trigger``, where it stands in a relative
    clause after its subject: "X, who saw Putin last month, is expected to ...")."""
    relative = _RELATIVE_OPEN.search(text, start, trigger) is not None if trigger > start else False
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        lo, relative = m.end(), m.group().rstrip().endswith(("who", "which"))
    while end > start and text[end - 1] in ", ":
        end -= 1  # a list read on past its comma: ", who ..." still ends the clause
    stop = _CLAUSE_BREAK.search(text, end, hi)
    hi = hi if stop is None else stop.start()
    if relative:  # "X, who saw Putin in Moscow last month, are expected to ...": the relative clause ends at its comma
        comma = text.find(",", end, hi)
        hi = hi if comma < 0 else comma
    return lo, hi


_RELATIVE_OPEN = re.compile(r",\s+(?:who|which)\s")


def _status(text: str, lo: int, hi: int, trigger: int, default: str | None, rules: DiplomacyRules,
            sentence: Sentence | None = None, low: str | None = None, *, verb: bool = False) -> str:
    """The status the cues in lo:hi give (``before`` cues: in lo:trigger, within lo:hi, and only before a noun:
    "ahead of the talks in Geneva, X met Y" tells a meeting held before others, not one planned).

    In a ``sentence`` (``low``: lowercased, see ``Gate.touches``), ``rules.cue_gate`` tells where no cue
    can be."""
    if sentence is not None and rules.cue_gate is not None \
            and not rules.cue_gate.touches(text, sentence, lo, hi, low):
        return default or "held"
    found = {status for pattern, status, position in rules.cues
             if not (verb and position == "before")
             and pattern.search(text, lo, trigger if position == "before" else hi)}
    for status in rules.status_order:
        if status in found:
            return status
    return default or "held"


def _is_venue(place: PlaceMention) -> bool:
    e = place.entry
    if e.country in _NO_VENUE_COUNTRIES and e.kind in (PlaceKind.COUNTRY, PlaceKind.OBLAST, PlaceKind.REGION):
        return False
    return not (e.kind == PlaceKind.SEA)


# what stands right after the date of a report ("said on Friday that the round would ..."), the event's date
# only when its clause gives no other, and right before a date given up ("originally expected on Sunday, will
# now take place on Wednesday", "was initially supposed to start on Sunday"), never the event's
_REPORT_DATE_AFTER = re.compile(r",?\s+that\b")
_SUPERSEDED_DATE_BEFORE = re.compile(r"\b(?:originally|initially|previously)\b[^,;.]{0,30}$", re.IGNORECASE)
# ... and a date the clause goes on to move ("set for Sunday, has slipped to next week", "were postponed")
_MOVED_AFTER_DATE = re.compile(r"[^;.]{0,40}?\b(?:slipped|moved|pushed\s+back|postponed|delayed|put\s+off|"
                               r"rescheduled|shifted)\b", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",\s+(?:and|or)\b")  # ", and then spent Saturday with ...": another clause's date
_AGREED_CONTENT = re.compile(r",\s+(?:and|or)\b|\b(?:to|that|would|will|until|by|for)\b")
_DATE_REACH = 70  # characters after a trigger's participants in which its predicate's date stands


def _predicate_end(text: str, after: int, clause_end: int, meeting: bool) -> int:
    """Where the predicate that tells an event's date ends, from the end of its participants (``after``).

    The date may stand in the predicate after the participants ("met X and Y in Miami on Friday", "the round
    ... is due to open on Sunday", "exchanged 200 captives on Friday"), not past the clause's next coordinated
    one, nor in what an agreement or a proposal is about ("agreed that both would swap them on Monday": the
    date of the swap agreed)."""
    reach = min(clause_end, after + _DATE_REACH)
    found = (_NEXT_CLAUSE if meeting else _AGREED_CONTENT).search(text, after, reach)
    return max(after, reach if found is None else found.start())


def _report_date(text: str, offset: int, d: DateMention, trigger: int) -> bool:
    """Whether ``d`` is the date of the report that tells the event ("confirmed on Friday that ...")."""
    return d.end <= trigger and _REPORT_DATE_AFTER.match(text, d.end - offset) is not None


def _given_up(text: str, offset: int, d: DateMention) -> bool:
    """Whether ``d`` is a date the event no longer has ("originally set for Sunday", "set for Sunday, was
    postponed")."""
    before = d.start - offset
    return (_SUPERSEDED_DATE_BEFORE.search(text, max(0, before - 45), before) is not None
            or _MOVED_AFTER_DATE.match(text, d.end - offset) is not None)


# (after a range's first day: "Jan. 23-24 -", "Last Friday and Saturday,")
_OPENING_SET_OFF = re.compile(r"(?:[-–]\d{1,2}|\s+and\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
                              r"(?:,|\s*[-–—:]\s)")


def _day(sentence: Sentence, lo: int, hi: int, trigger: int, published: date | None, status: str) -> date | None:
    """The date nearest the trigger within lo:hi (the future reading of weekdays for planned events): one the
    clause tells as the report's only when there is no other, never one it tells as given up."""
    if status == "planned":
        memo = sentence.memo.get("future_dates")
        if memo is None:
            memo = sentence.memo["future_dates"] = find_dates(sentence.text, sentence.start, published,
                                                                prefer_future=True)
        found: Sequence[DateMention] = memo  # type: ignore[assignment]
    else:
        found = sentence_dates(sentence, published)
    text, offset = sentence.text, sentence.start
    days = [(_report_date(text, offset, d, trigger), abs(d.start - trigger), _talks_day(d)) for d in found
            if lo <= d.start < hi and d.kind is not DateKind.ANAPHORA and d.day is not None
            and not _given_up(text, offset, d)]
    if days:
        best = min(days, key=lambda x: x[:2])
        if best[0] and status in ("planned", "proposed") and _rough_day(sentence, lo, hi, trigger, published,
                                                                       status) is not None:
            return None  # "said on Wednesday that envoys would meet in Istanbul next week": the report's day
        return best[2]
    opening = found[0] if found else None
    if (opening is not None and opening.day is not None and opening.start < lo and opening.kind is not DateKind.ANAPHORA
            and not text[:opening.start - offset].strip() and _OPENING_SET_OFF.match(text, opening.end - offset)):
        # "On February 26, X met Y"; a timeline's "Dec. 28 - Trump receives Zelenskiy at Mar-a-Lago": the date
        # that opens the sentence, set off by a comma or a dash
        return _talks_day(opening)
    return None


# a mention that tells several rounds: "met twice", "two rounds", "and again on ..."
_SEVERAL_ROUNDS = re.compile(r"\b(?:twice|again|two|three|four|both|rounds|sessions|meetings)\b", re.IGNORECASE)


_AHEAD_DAYS = 60  # how far ahead a calendar date without its year is still the coming one


def _dated_ahead(sentence: Sentence, lo: int, hi: int, published: date | None) -> bool:
    """Whether lo:hi dates a meeting by a calendar day still to come, told without its year ("meet in Brussels
    on March 16" in an article of March 7): an event planned, not one of a year before."""
    if published is None or not any(c.isdigit() for c in sentence.text):
        return False
    offset = sentence.start
    for d in sentence_dates(sentence, published):
        if (lo <= d.start < hi and d.kind is DateKind.EXPLICIT and d.day is not None and d.day < published
                and _YEAR.search(sentence.text, d.start - offset, d.end - offset) is None):
            try:
                coming = d.day.replace(year=published.year)
            except ValueError:
                continue
            if 2 < (coming - published).days <= _AHEAD_DAYS:
                return True
    return False


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _rounds(reading: SentenceReading, lo: int, trigger: int, hi: int, published: date | None,
            venue: PlaceMention | None) -> list[tuple[date, PlaceMention | None, ApproxDate | None]]:
    """The rounds a held meeting's mention tells one by one ("met twice in the Emirati capital, on January
    23-24 and again on February 4-5, and then in the Swiss city of Geneva on February 17-18"; "two rounds in
    Abu Dhabi, in late January and early February"): each date after the trigger up to ``hi`` (the next
    trigger or the clause's end) further than one round lasts from the one before, with the last venue named
    before it, and its rough date where the text gives only that; [] unless the words count several and there
    are two or more."""
    text, sentence = reading.text, reading.sentence
    if _SEVERAL_ROUNDS.search(text, max(sentence.start, lo - 30), hi) is None:
        return []
    offset = sentence.start
    told: list[tuple[int, date, ApproxDate | None]] = [
        (d.start, day, None) for d in sentence_dates(sentence, published)
        if trigger <= d.start < hi and d.kind is not DateKind.ANAPHORA and not _given_up(sentence.text, offset, d)
        and (day := _talks_day(d)) is not None]
    if len(told) < 2:
        told = [(offset + r.start, r.day, r) for r in find_approx(sentence.text, trigger - offset, hi - offset,
                                                                   published)]
    rounds: list[tuple[date, PlaceMention | None, ApproxDate | None]] = []
    for at, day, rough in told:
        if rounds and abs((day - rounds[-1][0]).days) <= _TALKS_SPAN:
            continue
        named = [i.place for i in reading.items if i.kind == "place" and i.place is not None
                 and trigger <= i.start < at and _is_venue(i.place)]
        rounds.append((day, named[-1] if named else venue, rough))
    return rounds if len(rounds) > 1 else []


# the words a rough date opening a sentence starts with ("In late January", "Last week", "Early this month")
_ROUGH_OPENING = re.compile(r"(?:In|Last|Early|Late|Mid|Earlier|A|An|Two|Three|Several|At)\b")


def _rough_day(sentence: Sentence, lo: int, hi: int, trigger: int, published: date | None,
               status: str) -> ApproxDate | None:
    """The rough date nearest the trigger within lo:hi of a held event ("the first round, in late January"),
    or of one planned or proposed ("the envoys will meet the two delegations in Istanbul next week")."""
    if status not in ("held", "planned", "proposed"):
        return None
    find = find_approx if status == "held" else find_ahead
    found = find(sentence.text, max(0, lo - sentence.start), max(0, hi - sentence.start), published)
    if not found and _ROUGH_OPENING.match(sentence.text):
        # "In late January the pair spent four hours in the Kremlin": the phrase opening the sentence
        found = [d for d in find(sentence.text, 0, max(0, lo - sentence.start), published)
                 if sentence.text[:d.start].strip(" ,") in ("", "In")]
    return min(found, key=lambda d: abs(sentence.start + d.start - trigger), default=None)


def _talks_day(d: DateMention) -> date | None:
    """The day of a meeting told by a date mention: "on Thursday night" is Thursday (an attack that night
    ended on Friday, which is what the date reader resolves it to)."""
    if d.kind is DateKind.NIGHT_START and d.day is not None:
        return d.day - timedelta(days=1)
    return d.day


@dataclass(frozen=True, slots=True)
class Reading:
    """What one trigger's surroundings say: participants, the two scans, the subject it used."""

    names: tuple[str, ...]
    before: Span
    after: Span
    subject: tuple[str, ...]
    venues: tuple[PlaceMention, ...] = ()  # places after "in"/"at" between a distant subject and the word


# what joins the people of a subject list ("X and Y", "X, Y as well as Z"); a list is taken only when one does
_SUBJECT_JOINERS = frozenset({"and", "well", "along", "alongside", "plus"})
_SUBJECT_LINKS = frozenset({"as", "with"})  # "as well as", "along with"
# what opens the last item of a list that names no one the registry knows ("X, Y and several other states"):
# the named items before it are still the subject
_UNNAMED_LAST = frozenset({"several", "other", "some", "many", "various", "a", "their"})


# what may stand between one who speaks and the verb of its speech ("X has also signalled ...")
_SPEECH_AUX = frozenset({"has", "have", "had", "also", "later", "again", "repeatedly"})


def _reports_clause(reading: SentenceReading, speaker: Item, pos: int) -> bool:
    """Whether the speaker's words before ``pos`` report a clause of its own ("X said the envoys would meet"),
    not the trigger as the speech's object ("X signalled openness to meeting Y": X is the one open). A pronoun
    that reports may report its own acts ("he said that he would fly to X"), so it reports no clause here."""
    if reading.text[speaker.start:speaker.end].lower() in reading.lexicon.pronouns:
        return False
    words = reading.text[speaker.end:pos].lower().split()
    return len([w for w in words if w not in _SPEECH_AUX]) > 1


_OPENER_GAP = 2  # words between one who reports and the party opening the clause ("said that X", "told them X")


def _clause_opener(reading: SentenceReading, speaker: Item, pos: int, exclude: Sequence[str]) -> Item | None:
    """The party opening the clause a speaker reports, right after its speech verb ("X said Y remained open to a
    call with Z": Y), None when the clause opens otherwise ("X declared that his country ...": the speaker may
    then be the one who meets)."""
    nxt = next((i for i in reading.items if speaker.end <= i.start < pos and i.kind in ("party", "pronoun")
                and not set(i.names) & set(exclude)), None)
    if nxt is None or nxt.kind != "party":
        return None
    gap = reading.text[speaker.end:nxt.start]
    return nxt if len(gap.split()) <= _OPENER_GAP and not any(c in gap for c in ",;:\"“”") else None


def _subject(reading: SentenceReading, pos: int, exclude: Sequence[str] = (), *,
             verb: bool = False) -> tuple[tuple[str, ...], int]:
    """The subject of a clause without its own (``SentenceReading.subject``) with the parties coordinated
    with it ("Witkoff and Kushner are due ...", "the leaders of France, Germany and Poland"), and where it ends
    (-1 when there is none or it is a pronoun). When the sentence opens with one who reports a clause about
    others, the subject is in that clause: a ``verb`` then has none ("X said a working group would meet": one
    named right before the verb was read already by ``scan_before``), and a noun has the party opening the
    clause ("X said Y remained open to a call with Z", ``_clause_opener``)."""
    first = next((i for i in reading.items if i.start < pos and i.kind in ("party", "speaker", "pronoun")
                  and not set(i.names) & set(exclude)), None)
    reported = None
    if first is not None and first.kind == "speaker" and _reports_clause(reading, first, pos):
        if verb:
            return (), -1
        reported = _clause_opener(reading, first, pos, exclude)
    if reported is not None:
        first = reported
    elif first is None or first.kind == "pronoun" or first.names != reading.subject(pos, exclude):
        return reading.subject(pos, exclude), -1
    names, end, kept = list(first.names), first.end, len(first.names)
    joined, k = False, reading.next_token(first.end)
    allowed = reading.lexicon.listing - {"of"}
    comma, last = False, ""  # whether a comma joined the list so far; the word before this one
    while k < len(reading.tokens) and reading.tokens[k][0] < pos:
        start, _, low = reading.tokens[k]
        item = reading.by_start.get(start)
        if item is not None and item.kind in ("party", "speaker") and item.person == first.person:
            names.extend(item.names)
            if joined:
                kept, end = len(names), item.end
            k, last = reading.next_token(item.end), ""
            continue
        if item is not None and item.kind == "skip":
            k = reading.next_token(item.end)
            continue
        if item is None and last == "and" and comma and low in _UNNAMED_LAST and len(names) > kept:
            kept, end = len(names), reading.tokens[k - 1][0]  # "X, Y and several other countries"
            break
        if item is not None or not (low in allowed or low in _SUBJECT_JOINERS or low in _SUBJECT_LINKS
                                    or low in reading.lexicon.title_words):
            break
        joined = joined or low in _SUBJECT_JOINERS
        comma = comma or low == ","
        k, last = k + 1, low
    return tuple(dict.fromkeys(n for n in names[:kept] if n not in exclude)), end


# where one clause of a sentence ends and the next begins: the participant lists of two triggers do not cross it
_JOINED_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|as)\s|;|\s[—–]\s")


def _bounded(reading: SentenceReading, lo: int, hi: int) -> SentenceReading:
    """``reading`` with only the tokens in lo:hi, so that its scans stop at the clauses of other triggers."""
    if lo <= reading.sentence.start and hi >= reading.sentence.end:
        return reading
    return replace(reading, tokens=[t for t in reading.tokens if lo <= t[0] and t[1] <= hi])


def _closes_apposition(reading: SentenceReading, comma: int) -> bool:
    """Whether the comma at ``comma`` closes an apposition after a person ("with X, the U.S. envoy, and Y"):
    the list goes on after it, no new clause begins."""
    item = reading.by_end.get(comma + 1)
    return item is not None and item.kind == "skip" and reading.text[comma] == ","


def _limits(reading: SentenceReading, phrases: Sequence[tuple[TriggerRule, int, int]], lo: int,
            hi: int) -> list[tuple[int, int]]:
    """Per trigger, the part of the sentence its lists may be read in: up to the last clause break before
    the next trigger ("talks with X in Moscow, and the trilateral meeting ...") and from that before it."""
    text = reading.text
    cuts = []
    for (_, _, end), (_, start, _) in itertools.pairwise(phrases):
        breaks = [m.span() for m in _JOINED_CLAUSE.finditer(text, end, start)
                  if not _closes_apposition(reading, m.start())]
        cuts.append(breaks[-1] if breaks else None)
    out = []
    for k in range(len(phrases)):
        before = cuts[k - 1] if k > 0 else None
        after = cuts[k] if k < len(cuts) else None
        out.append((lo if before is None else before[1], hi if after is None else after[0]))
    return out


# an attribution between a light verb and its noun ("held what the ministry called a 'frank' phone call"): the
# subject of the light verb stands before "what"
_ATTRIBUTED = re.compile(r"\bwhat\s+(?:[\w.'’\-]+\s+){1,5}(?:called|calls|described\s+as|describes\s+as|termed|"
                         r"dubbed)\s+(?:(?:a|an|the)\s+)?(?:[\"“][^\"“”]{1,60}[\"”],?\s+)?(?:[\w\-]+\s+){0,2}$")


# time spent on an event ("the leaders spent almost two hours on a video call"): its subject takes part
_SPENT_ON = re.compile(r"\b(?:spent|spend|spends|spending)\s+(?:[\w-]+\s+){1,4}(?:on|in)\s+(?:(?:a|an|the)\s+)?"
                       r"(?:[\w-]+\s+){0,2}$")


def _spent_on(text: str, lo: int, start: int) -> int | None:
    """Where "spent ... on" ends right before a noun trigger at ``start``, opening the stretch its subject is
    read before, if it does."""
    spent = text.rfind("spen", max(lo, start - 60), start)
    if spent < 0:
        return None
    found = _SPENT_ON.search(text, spent, start)
    return None if found is None or found.end() != start else found.start()


def _attributed(text: str, lo: int, start: int) -> int | None:
    """Where "what" opens an attribution that ends right before a noun trigger at ``start``, if one does."""
    what = text.rfind("what ", max(lo, start - 120), start)
    if what < 0:
        return None
    found = _ATTRIBUTED.search(text, what, start)
    return None if found is None or found.end() != start else found.start()


def _participants(reading: SentenceReading, rule: TriggerRule, start: int, end: int,
                  prev_subject: tuple[str, ...] | None, limits: tuple[int, int] | None = None) -> Reading:
    """The participants of one trigger at start:end (``prev_subject``: that of the sentence's last verb;
    ``limits``: where its lists may be read, by default the whole sentence)."""
    shared = rule.verb and prev_subject is not None and reading.coordinated(start)
    introduced = reading.text[start:end].split()[-1].lower() in INTRODUCERS  # "talks between" ...
    lo, hi = limits or (reading.sentence.start, reading.sentence.end)
    before = scan_before(_bounded(reading, lo, reading.sentence.end), end if shared else start, verb=rule.verb)
    opened = None if rule.verb or before.names else (_attributed(reading.text, lo, start)
                                                     or _spent_on(reading.text, lo, start))
    if opened is not None:  # (the subject of "spent" may have an apposition: "Leaders of X, the group of ...,")
        before = scan_before(_bounded(reading, lo, reading.sentence.end), before_apposition(reading, opened),
                             verb=False)
    after = scan_after(_bounded(reading, reading.sentence.start, hi), end,
                       introduced_only=not (rule.verb or introduced or rule.kind == "statement"))
    if not after.names and (rule.requires_after is not None or rule.verb):
        # "spent five hours at the palace on Sunday with X", "spoke by phone on Wednesday with X"
        for later in ((rule.requires_after, _WITH_LATER) if rule.requires_after is not None and rule.kind in _TALKING
                      else (rule.requires_after or _WITH_AFTER_TIME,)):
            after = after if after.names else _introduced_later(reading, later, end, hi, after)
    after = _members(_bounded(reading, reading.sentence.start, hi), after)
    if not rule.verb and KIND_CLASS[rule.kind] == "meeting":
        after = _chaired(reading, after, hi)
    subject = list(prev_subject or ()) if shared else [] if rule.forward_only else list(before.names)
    far = -1  # where a subject read from the start of the sentence ends
    if rule.verb and not subject and not rule.forward_only:
        found, far = _subject(reading, start, verb=True)
        subject.extend(found)
    elif not rule.verb and not subject and after.names and (after.introduced or introduced) \
            and not _complete_list(reading, start, after.end):
        found, far = _subject(reading, start, exclude=after.names)  # "Zelensky has offered a meeting with Putin"
        subject.extend(found)
    inside = [n for i in reading.items if i.start < end and i.end > start and i.kind == "party" for n in i.names]
    passive = rule.subject_only and reading.text.startswith(" by ", end)  # "a pause suggested by the U.S."
    if passive:
        subject = []
    names = subject + inside + ([] if rule.subject_only and not passive else list(after.names))
    if len(set(names)) < 2:
        stop = after.end  # where the opening phrase ends, without the comma its list read on to
        while stop > end and reading.text[stop - 1] in ", ":
            stop -= 1
        if reading.preposed(before.start, stop):
            names.extend(reading.main_clause(stop))  # "At a meeting in Rome, Rubio told Lavrov ..."
    if not names and not rule.verb:
        names.extend(_adjunct(reading, start)
                     or (_held_by(reading, after.end) or _format_named(reading, lo, before.start)
                         if KIND_CLASS[rule.kind] == "meeting" else ()))
    if rule.speaker:
        names.extend(reading.speakers(start) or reading.subject(start))
    elif rule.kind == "agreement" and len(set(names)) == 1:
        names.extend(_other_side(reading, names[0], reading.speakers(start) or reading.subject(start)))
    if KIND_CLASS[rule.kind] == "proposal" and names:
        names.extend(_own_speaker(reading, names))
    venues = _clause_venues(reading, far, before.start) if far >= 0 and subject else ()
    return Reading(tuple(dict.fromkeys(names or rule.default)), before, after, tuple(subject + inside), venues)


# "with" later in the clause: after a verb that requires words of its own (the object discussed comes between:
# "discussed the plan with X by phone"), anywhere near; after any other verb, only past words of time and place
# ("met on Monday in Paris with X", "spoke by phone late on Sunday with X"; not "visiting Odesa agreed with him")
# a meeting's chairs, named after it ("the video call of the coalition, chaired jointly from London and Paris by
# X and Y"): they took part
_CHAIRED = re.compile(r"[\"”]?,?\s+(?:co-)?(?:chaired|hosted|convened|led)\b[^,;.]{0,50}?\bby\s", re.IGNORECASE)


def _chaired(reading: SentenceReading, after: Span, hi: int) -> Span:
    found = _CHAIRED.match(reading.text, after.end)
    if found is None:
        return after
    chairs = scan_after(_bounded(reading, reading.sentence.start, hi), found.end() - 3)
    if not chairs.names:
        return after
    return after._replace(end=chairs.end, names=tuple(dict.fromkeys(after.names + chairs.names)),
                          places=after.places + chairs.places)


_WITH_LATER = re.compile(r"[^.;:,]{0,40}?\bwith\b", re.IGNORECASE)
_TALKING = frozenset({"meeting", "call"})
_WITH_AFTER_TIME = re.compile(
    r"(?:\s+(?:on|in|at|by|over|for|the|a|late|early|last|this|phone|telephone|video|link|morning|afternoon|evening|"
    r"night|week|hours?|minutes|nearly|almost|about|[A-Z][\w'’-]*|\d[\w-]*)\b){1,6}?\s+with\b")


def _introduced_later(reading: SentenceReading, requires: re.Pattern[str], end: int, hi: int, after: Span) -> Span:
    """The participants after the word a rule requires later in its clause when that word introduces them
    ("spent nearly five hours at the palace on Sunday with X"): the words between (the time, the place, the
    day) are too many kinds to list for the scan, which stops at the first it does not know."""
    found = requires.match(reading.text, end, hi)
    if found is None or not found.group().strip():
        return after
    word = found.group().split()[-1]
    if word.lower() not in INTRODUCERS:
        return after
    later = scan_after(_bounded(reading, reading.sentence.start, hi), found.end() - len(word))
    return later._replace(start=after.start, places=after.places + later.places) if later.names else after


def _other_side(reading: SentenceReading, party: str, reporters: Sequence[str]) -> tuple[str, ...]:
    """Of those who report that one party agreed, the ones who can be the other party: not a person of the
    party's own side ("the Kremlin spokesman confirmed that Putin had agreed": Putin agreed with someone else,
    not with his spokesman; "Trump said Putin had agreed": with Trump)."""
    if reading.actors is None:
        return tuple(reporters)
    known = reading.actors.lookup(party)
    side = None if known is None or known.side not in SIDE_STATES else known.side  # "OTHER" is no one side
    out = []
    for name in reporters:
        actor = reading.actors.lookup(name)
        if side is None or actor is None or actor.kind != "person" or actor.side != side:
            out.append(name)
    return tuple(out)


def _format_named(reading: SentenceReading, lo: int, hi: int) -> tuple[str, ...]:
    """The sides of talks that name none, from the one word in their sentence that names several at once
    ("committed to the trilateral format and expects the next round of talks soon", "the talks, in the
    direct format, ..."): a wire's sentence about the next talks names their format, not their sides. ()
    unless exactly one such word stands in ``lo:hi``, before the talks (one after them is another noun's:
    "the Oslo meeting comes ahead of trilateral talks")."""
    members = reading.lexicon.group_members
    groups = [i.names for i in reading.items if i.kind == "party" and lo <= i.start and i.end <= hi
              and CONTEXT_SIDES not in i.names and " ".join(reading.text[i.start:i.end].lower().split()) in members]
    return groups[0] if len(groups) == 1 else ()


def _own_speaker(reading: SentenceReading, names: Sequence[str]) -> tuple[str, ...]:
    """Who voices the proposal of a state or institution, when one person of that same country reports it in
    the sentence ("Turkey is ready to host the talks, its foreign minister Hakan Fidan said"): the official
    takes part. ()  when a participant is a person already, or the speaker is of another country."""
    registry = reading.actors
    if registry is None or not any(i.kind == "speaker" and i.person for i in reading.items):
        return ()
    found = [registry.lookup(n) for n in names]
    countries = {a.country for a in found if a is not None}
    if any(a is None or a.kind == "person" for a in found) or len(countries) != 1:
        return ()
    out = []
    for item in reading.items:
        if item.kind == "speaker" and item.person:
            actor = registry.lookup(item.names[0])
            if actor is not None and actor.country in countries and actor.name not in names:
                out.append(actor.name)
    return tuple(dict.fromkeys(out))


# a relative clause after a noun trigger whose subject held the event ("a summit in Oslo at which the leaders
# of X and Y agreed ...", "talks in Rome, where X and Y ...")
_HELD_BY = re.compile(r"\s*(?:(?:at|during|in)\s+which|,?\s*where)\s", re.IGNORECASE)
_WHICH = re.compile(r"\s*which\s")


def _held_by(reading: SentenceReading, end: int) -> tuple[str, ...]:
    """The parties that open a relative clause right after a noun trigger's phrase (its venue and date read, up
    to ``end``), the subject of what was done at the event ("a summit in Paris at which the coalition pledged
    ...")."""
    low = reading.low
    if low is not None and " which " not in low and " where " not in low:
        return ()
    found = _HELD_BY.match(reading.text, end, reading.sentence.end)
    if found is None and reading.word_before(end) in ("at", "during", "in"):  # the scan read the preposition
        found = _WHICH.match(reading.text, end, reading.sentence.end)
    if found is None:
        return ()
    return scan_after(reading, found.end() - 1).names


# the prepositions that make a noun trigger an adjunct of the clause's verb ("discussed it with X in a call")
_ADJUNCT = frozenset({"in", "during", "over"})
# verb triggers that tell where the event named as their subject is to be ("a second round is expected in X")
_PREDICATE_OF_SUBJECT = frozenset({"diplomacy.meeting.expected_in.v1"})
_COUNTED_ROUND = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth)\s+$", re.IGNORECASE)
_COMPLEMENT = re.compile(r"\s+that\s")  # the clause a verb governs, after a noun trigger that is its adjunct
_ADJUNCT_REACH = 12  # tokens back from the trigger to the "with" of the verb


def _adjunct(reading: SentenceReading, start: int) -> tuple[str, ...]:
    """The participants of a noun trigger that only says how a verb's action took place ("X discussed the plan
    with Y in a phone call", "raised it with Y during talks"): the verb's subject and whom it was "with"; ()
    unless both are named, in one clause."""
    if reading.preposition_before(start) not in _ADJUNCT:
        return ()
    k = reading.token_before(start)
    floor = reading.sentence.start
    for j in range(k, max(-1, k - _ADJUNCT_REACH), -1):
        low = reading.tokens[j][2]
        if low in (",", ";", ":"):
            return ()
        if low in ("said", "says"):
            floor = reading.tokens[j][1]  # "X said he and Y agreed during a call": the reported clause's
            break
        if low == "with":
            objects = scan_after(reading, reading.tokens[j][0]).names
            subject, _ = _subject(reading, reading.tokens[j][0], exclude=objects)
            return tuple(dict.fromkeys(subject + objects)) if subject and objects else ()
    # no "with": the verb's subject and the one it is done to ("X and Y agreed during a phone call", "X told Y
    # in a call"): the parties of the clause before the trigger, when it names two or more
    # ("Ushakov said that Putin informed Trump during a call": not the reporter; "he and Trump agreed in a call":
    # the person the pronoun stands for)
    text = reading.text
    lo = max(floor, *(text.rfind(mark, reading.sentence.start, start) + 1 for mark in ",;:"),
             *(m.end() for m in _THAT.finditer(text, reading.sentence.start, start)))
    names: list[str] = []
    for i in reading.items:
        if lo <= i.start and i.end <= start:
            if i.kind in ("party", "speaker"):
                names.extend(i.names)
            elif i.kind == "pronoun" and (who := reading.person_before(i.start, names)) is not None:
                names.append(who)
    found = tuple(dict.fromkeys(names))
    return found if len(found) > 1 else ()


_THAT = re.compile(r"\bthat\s", re.IGNORECASE)


_INCLUDING = re.compile(r",?\s+including\s")


def _members(reading: SentenceReading, after: Span) -> Span:
    """``after`` with a group at its end replaced by the members it goes on to name ("called a group of
    European leaders, including X, Y and Z" -> X, Y, Z)."""
    stop = after.end
    while stop > after.start and reading.text[stop - 1] in ", ":
        stop -= 1
    item = reading.by_end.get(stop)
    if (item is None or item.kind != "party" or item.person or not item.names or item.names[0] in SIDE_OF_STATE
            or not after.names or after.names[-1] != item.names[-1]):
        return after
    found = _INCLUDING.match(reading.text, stop)
    if found is None:
        return after
    members = scan_after(reading, found.end() - 1)
    if not members.names:
        return after
    names = tuple(dict.fromkeys(n for n in (*after.names, *members.names) if n not in item.names))
    return after._replace(end=members.end, names=names, places=after.places + members.places, groups=())


_SUBJECT_CLAUSE_BREAK = re.compile(r"[,;:\"“”()]|\s[—–]\s")


def _clause_venues(reading: SentenceReading, lo: int, hi: int) -> tuple[PlaceMention, ...]:
    """The places after "in"/"at" between a subject ending at ``lo`` and its trigger at ``hi``, within one
    clause ("X and Y are due in Moscow on Thursday for another round with Z")."""
    if hi - lo > 100 or _SUBJECT_CLAUSE_BREAK.search(reading.text, lo, hi) is not None:
        return ()
    return tuple(i.place for i in reading.items if lo <= i.start < hi and i.kind == "place" and i.place is not None
                 and reading.preposition_before(i.start) in ("in", "at") and _is_venue(i.place))


# what introduces all the sides of an event ("talks between X and Y"), not only those beside its subject
_ALL_SIDES = frozenset({"between", "among", "involving"})


def _complete_list(reading: SentenceReading, start: int, end: int) -> bool:
    """Whether the first word introducing the participants of the trigger at ``start`` (up to ``end``) names
    them all ("between", "among")."""
    k = reading.token_before(start) + 1
    while k < len(reading.tokens) and reading.tokens[k][0] < end:
        if reading.tokens[k][2] in INTRODUCERS:
            return reading.tokens[k][2] in _ALL_SIDES
        k += 1
    return False


_OF_GAP = re.compile(r"\s+of\s+(?:[\w\-]+\s+){0,3}")


def _one_phrase(text: str, end: int, start: int, rules: DiplomacyRules) -> bool:
    """Whether two nouns are one phrase: "round of direct talks", "first trilateral meeting"."""
    if _OF_GAP.fullmatch(text, end, start):
        return True
    words = text[end:start].lower().split()
    return len(words) <= 3 and all(w in rules.lexicon.before_noun and w not in rules.lexicon.give for w in words)


def _phrases(text: str, hits: Sequence[re.Match[str]], rules: DiplomacyRules) -> list[tuple[TriggerRule, int, int]]:
    """The triggers of a sentence as (rule, start, end); nouns of one phrase joined ("a third round of
    direct talks"), the first rule kept."""
    out: list[tuple[TriggerRule, int, int]] = []
    for hit in hits:
        rule = rules.trigger_rules[int((hit.lastgroup or "t0")[1:])]
        if out:
            last, start, end = out[-1]
            if (not rule.verb and not last.verb and KIND_CLASS[last.kind] == KIND_CLASS[rule.kind]
                    and _one_phrase(text, end, hit.start(), rules)):
                out[-1] = (last, start, hit.end())
                continue
        out.append((rule, hit.start(), hit.end()))
    return out


# a deal asked for ("called for a drone deal", "would press for a truce ..., and for an exchange"): the nearest
# "for" before the deal's noun follows a verb of asking, and no verb of making a deal stands between them
_ASKED_FOR = re.compile(r"\b(?:call|calls|called|calling|press|presses|pressed|pressing|push|pushes|pushed|pushing|"
                        r"appeal|appeals|appealed|appealing|lobby|lobbied|lobbying)\s+for\b"
                        r"(?:[^.;:!?](?!\bfor\b|\b(?:signed|agreed|reached|struck|sealed|concluded|secured)\b)){0,110}$",
                        re.IGNORECASE)


def _asked_for(text: str, lo: int, start: int) -> bool:
    """Whether the agreement noun at ``start`` is one someone asks for (its sentence starting at ``lo``)."""
    lo = max(lo, start - 125)
    return " for " in text[lo:start] and _ASKED_FOR.search(text, lo, start) is not None


def _kind(rule: TriggerRule, status: str, named_object: bool = False) -> str:
    """A deal someone calls for is a proposal ("Zelensky's call for a drone deal"); with someone named after
    it, a word with an ``object_kind`` names that kind ("ready to meet Putin": a meeting)."""
    if named_object and rule.object_kind is not None:
        return rule.object_kind
    return "proposal" if rule.kind == "agreement" and not rule.verb and status == "proposed" else rule.kind


_REMOTE_WORDS = ("phone", "video", "call", "conversation", "telephone", "line")


def _remote(evidence: Evidence) -> bool:
    """Whether the words of a call say it was held at a distance (a phone, a video link, a conversation)."""
    words = evidence.text.lower()
    return any(w in words for w in _REMOTE_WORDS)


def _groups(rule: TriggerRule, read: Reading) -> list[tuple[str, ...]]:
    """The participants of each event a trigger names: one, or one per "with" ("spoke with X and with Y")."""
    if len(read.after.groups) < 2 or KIND_CLASS[rule.kind] != "meeting":
        return [read.names]
    return [tuple(dict.fromkeys(read.subject + group)) for group in read.after.groups]


# what may stand between a verb and its object ("called the Ukrainian president", "called a group of leaders")
_BEFORE_OBJECT = frozenset({"a", "an", "the", "his", "her", "their", "group", "of", "several", "other"})
# what may follow the object of a verb such as "called" when it names a call ("called Zelensky on Monday"),
# besides the words after a trigger's list; "called Putin a ..." names him instead
_AFTER_OBJECT = frozenset({",", ".", ";", ":", "and", "to", "after", "before", "from", "shortly", "twice",
                           "while", "as", "during", "ahead", "minutes", "back", "not", "for"})


def _has_object(reading: SentenceReading, end: int) -> bool:
    """Whether a person or group (no state) follows the verb ending at ``end`` as its object, and the clause
    goes on as after a call or visit, not as after a name given ("called Putin a war criminal")."""
    lex = reading.lexicon
    k, skipped = reading.next_token(end), 0
    while k < len(reading.tokens) and skipped <= 4:
        start, _, low = reading.tokens[k]
        item = reading.by_start.get(start)
        if item is not None and item.kind == "skip":  # "called Ukrainian President Zelensky"
            k, skipped = reading.next_token(item.end), skipped + 1
            continue
        if item is not None:
            if item.kind not in ("party", "speaker") or not item.names or (
                    not item.person and item.names[0] in SIDE_OF_STATE):
                return False
            after = reading.next_token(item.end)
            if after >= len(reading.tokens):
                return True
            word = reading.tokens[after][2]
            return word in _AFTER_OBJECT or (word in lex.after and word not in lex.listing)
        if low not in _BEFORE_OBJECT and low not in lex.title_words and "-" not in low \
                and not low[:1].isdigit():
            return False  # ("hosts the so-called contact group", "called the 27-nation bloc")
        k, skipped = k + 1, skipped + 1
    return False


def _venue_next(reading: SentenceReading, end: int) -> bool:
    """Whether a place that can be a venue follows ``end`` at once ("arrived in Washington", "came to the
    White House")."""
    k = reading.next_token(end)
    while k < len(reading.tokens) and reading.tokens[k][2] in ("the", "a"):
        k += 1
    item = reading.by_start.get(reading.tokens[k][0]) if k < len(reading.tokens) else None
    return item is not None and item.kind == "place" and item.place is not None and _is_venue(item.place)


def _venue_before(reading: SentenceReading, start: int) -> bool:
    """Whether a place that can be a venue stands right before ``start``, as the word naming the event's
    place ("the Geneva round", "the Abu Dhabi rounds")."""
    item = reading.by_end.get(reading.text.rfind(" ", 0, start) if start > 0 else -1)
    return (item is not None and item.kind == "place" and item.place is not None and _is_venue(item.place)
            and item.place.entry.country not in _NO_VENUE_COUNTRIES)


_INDEFINITE = frozenset({"a", "an"})


def _indefinite_only(reading: SentenceReading, read: Reading) -> bool:
    """Whether a noun's only participants are the side words of its own indefinite phrase ("a Ukrainian plan")."""
    if not read.names or read.after.names or set(read.names) != set(read.before.names):
        return False
    k = reading.next_token(read.before.start)
    while k < len(reading.tokens) and reading.tokens[k][2] == "of":  # the list word a scan may stop at
        k += 1
    return k < len(reading.tokens) and reading.tokens[k][2] in _INDEFINITE


# a proposal verb closing a relative clause about something not itself a plan ("an idea that X has floated as part
# of", "the troops, which X and Y have offered through", "an idea floated by X"): the sentence is about that thing
# (often a stance against it), and what was offered, when, is told elsewhere if at all; the verb has no object
_RELATIVE_OFFER = re.compile(r"(?:\b(?:idea|ideas|assurances|option|concept|notion)(?:\s+(?:that|which))?|,\s*which)"
                             r"\s+[^,;:.\"“”]{0,45}$", re.IGNORECASE)
_NO_OBJECT_AFTER = frozenset({"as", "by", "through", "about", "in", "at", "on", "for", "since", "earlier", "before",
                              "after", "during", ",", ".", ";", ":", "and", "but"})


def _offered_antecedent(reading: SentenceReading, rule: TriggerRule, start: int, end: int) -> bool:
    """Whether a proposal verb at start:end closes a relative clause (``_RELATIVE_OFFER``) with no object."""
    if rule.kind != "proposal" or not rule.verb:
        return False
    k = reading.next_token(end)
    if k < len(reading.tokens) and reading.tokens[k][2] not in _NO_OBJECT_AFTER:
        return False
    return _RELATIVE_OFFER.search(reading.text, max(reading.sentence.start, start - 80), start) is not None


def sentence_mentions(reading: SentenceReading, hits: Sequence[re.Match[str]], published: date | None,
                      rules: DiplomacyRules) -> list[Mention]:
    """One candidate event per trigger of the sentence (per venue, or per list, when it names several)."""
    text, s = reading.text, reading.sentence
    out: list[Mention] = []
    subject: tuple[str, ...] | None = None
    phrases = _phrases(text, hits, rules)
    limits = _limits(reading, phrases, s.start, s.end) if len(phrases) > 1 else [(s.start, s.end)]
    for (rule, start, end), bounds in zip(phrases, limits, strict=True):
        dropped = (may_match(rules.negation_keys, reading.low)
                   and rules.negation.search(text, max(s.start, start - 40), start) is not None) or (
            rule.requires_after is not None and not rule.requires_after.match(text, end, s.end))
        if dropped and not rule.verb:
            continue  # (a verb's subject is still read: the next verb may share it)
        if ((rule.needs_object and not _has_object(reading, end))
                or (rule.needs_venue and not _venue_next(reading, end))
                or (rule.venue_before and not _venue_before(reading, start))):
            continue  # "called for a truce", "called Putin a liar", "came to an agreement", "the Kharkiv round"
        read = _participants(reading, rule, start, end, subject, bounds)
        if rule.verb:
            subject = read.subject or subject
        if dropped or len(set(read.names)) < rule.min_parties or len(set(read.subject)) < rule.min_subject:
            continue  # "there was no indication he met ...", "agreed to brief their leaders"
        if (not rule.verb and rules.negation_after is not None and may_match(rules.negation_after_keys, reading.low)
                and rules.negation_after.match(text, max(end, read.after.end), s.end) is not None):
            continue  # "a three-way meeting had not been discussed"
        if _offered_antecedent(reading, rule, start, end):
            continue  # "an idea that Washington has floated as part of a swap"
        if rule.kind == "proposal" and not rule.verb and _indefinite_only(reading, read):
            continue  # "an American peace plan": a plan only described, nobody said to put it forward
        lo, hi = _clause(text, max(s.start, read.before.start - 25), min(s.end, read.after.end + 25),
                         read.before.start, read.after.end, start)
        stop = _CLAUSE_BREAK.search(text, read.after.end, s.end)  # where the clause ends (``_clause``'s end)
        clause_end = s.end if stop is None else stop.start()
        if not rule.verb and KIND_CLASS[rule.kind] == "meeting" and reading.preposition_before(start) in _ADJUNCT:
            # "agreed during a phone call on Wednesday that envoys would meet in X": what was agreed is no
            # part of the call
            that = _COMPLEMENT.search(text, read.after.end, clause_end)
            if that is not None:
                clause_end, hi = that.start(), min(hi, that.start())
        day_hi = _predicate_end(text, read.after.end, clause_end, KIND_CLASS[rule.kind] == "meeting")
        status = _status(text, lo, hi, start, rule.status, rules, s, reading.low, verb=rule.verb)
        if rule.kind == "agreement" and not rule.verb and _asked_for(text, s.start, start):
            status = "proposed"
        if rule.kind == "proposal" and status == "held":
            status = "proposed"
        named_object = rule.object_kind is not None and bool(read.after.names)
        if named_object:
            status = rule.object_status or status
        if status == "held" and KIND_CLASS[rule.kind] == "meeting" and _dated_ahead(s, read.before.start, day_hi,
                                                                                    published):
            status = "planned"  # "when EU foreign ministers meet in Brussels on March 16" (told on March 7)
        days = (LazyDay(s, read.before.start, day_hi, start, published, status),)
        # "a third session in Geneva": counted among others, the talks are one round of them
        specific = rule.specific or (not rule.verb and _COUNTED_ROUND.search(text, max(s.start, start - 12), start)
                                     is not None)
        joins = (not rule.verb and KIND_CLASS[rule.kind] == "meeting"
                 and _JOINED_EVENT.search(text, max(s.start, start - 40), end) is not None)
        evidence = Evidence.of(text, min(read.before.start, start), max(read.after.end, end))
        # a place after the next trigger is that one's ("the third trilateral meeting, after two sessions in X")
        # ("A second round is expected in Abu Dhabi": the place after "is expected in" is the round's own)
        next_trigger = min((at for r, at, _ in phrases if at >= end and r.id not in _PREDICATE_OF_SUBJECT),
                           default=clause_end)
        venues = _venues(reading, read, start, min(clause_end, next_trigger),
                         meeting=KIND_CLASS[rule.kind] == "meeting")
        if KIND_CLASS[rule.kind] == "meeting" and status == "held" and len(venues) == 1:
            rounds = _rounds(reading, read.before.start, start, min(clause_end, next_trigger), published,
                             venues[0])
            if rounds:  # "met twice in X, on Jan. 23-24 and again on Feb. 4-5, and then in Y on Feb. 17-18"
                kind = _kind(rule, status, named_object)
                for day, venue, rough in rounds:
                    for names in _groups(rule, read):
                        out.append(Mention(kind=kind, participants=names, venue=venue, status=status,
                                           days=(LazyDay.fixed(day, rough),), evidence=evidence, rule_id=rule.id,
                                           specific=specific, sentences=(s.start,)))
                continue
        own_days = _days_by_venue(reading, venues, clause_end, published, status) \
            if KIND_CLASS[rule.kind] == "meeting" and status == "held" and len(venues) > 1 else None
        for n, venue in enumerate(venues):
            if own_days is not None:
                days = (own_days[n],)
            kind = _kind(rule, status, named_object)
            if kind == "call" and venue is not None and not _remote(evidence):
                kind = "meeting"  # "the two leaders spoke for three hours at the base": they met there
            groups = _groups(rule, read)
            if KIND_CLASS[kind] == "meeting" and venue is not None and len(groups) == 1:
                hosts = people_where(reading, venue.end)  # "flew to London, where A, B and C pledged"
                groups = [tuple(dict.fromkeys(groups[0] + hosts))]
            for names in groups:
                out.append(Mention(kind=kind, participants=names, venue=venue, status=status,
                                   days=days, evidence=evidence, rule_id=rule.id, specific=specific,
                                   sentences=(s.start,), joins=joins))
    return out


def _days_by_venue(reading: SentenceReading, venues: Sequence[PlaceMention | None], clause_end: int,
                   published: date | None, status: str) -> list[LazyDay] | None:
    """Held meetings at venues each told with its own preposition ("twice in Abu Dhabi earlier this year and again
    in Geneva in February"): each dated by what follows it up to the next venue, not by the other's date; None
    for a plain list of venues ("in Geneva and Abu Dhabi on Tuesday"), which shares its date."""
    places = [v for v in venues if v is not None]
    if len(places) != len(venues) or any(reading.preposition_before(v.start) not in ("in", "at") for v in places):
        return None
    ends = [v.start for v in places[1:]] + [clause_end]
    return [LazyDay(reading.sentence, v.start, end, v.start, published, status) for v, end in zip(places, ends,
                                                                                                 strict=True)]


def _outermost(places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Places none of the others holds ("in the US, likely in Miami" -> Miami)."""
    return [p for p in places if not any(_contains(p, q) for q in places if q is not p)]


def _venues(reading: SentenceReading, read: Reading, trigger: int, clause_end: int, *,
            meeting: bool) -> list[PlaceMention | None]:
    """The venue nearest the trigger; every venue of a list after it ("in Geneva and Abu Dhabi"); for a
    meeting without one, the first foreign place after "in" or "at" later in its clause."""
    after = _outermost([p for p in read.after.places if _is_venue(p) and p.start < clause_end])
    if len(after) > 1:
        return list(after)
    venues = _outermost([p for p in (*read.before.places, *after) if _is_venue(p)]) or _outermost(read.venues)
    if venues:
        return [min(venues, key=lambda p: abs(p.start - trigger))]
    if meeting:
        for item in reading.items:
            if (read.after.end <= item.start < clause_end and item.kind == "place" and item.place is not None
                    and item.place.entry.country not in _NO_VENUE_COUNTRIES and _is_venue(item.place)
                    and reading.preposition_before(item.start) in ("in", "at")):
                return [item.place]
    return [None]


# --- merging -----------------------------------------------------------------------------------------


def _contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    """Whether ``outer`` is a country or region holding ``inner`` (UAE holds Abu Dhabi, Alaska Anchorage)."""
    o, i = outer.entry, inner.entry
    if o.kind == PlaceKind.COUNTRY:
        return i.kind != PlaceKind.COUNTRY and o.country == i.country
    return (o.kind in (PlaceKind.REGION, PlaceKind.OBLAST) and i.kind not in (PlaceKind.REGION, PlaceKind.OBLAST,
                                                                                PlaceKind.COUNTRY)
            and o.country == i.country and o.admin1 is not None and o.admin1 == i.admin1)


def _venues_agree(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    return a is None or b is None or a.entry.key == b.entry.key or _contains(a, b) or _contains(b, a)


def _finer(a: PlaceMention | None, b: PlaceMention | None) -> PlaceMention | None:
    return b if a is None or (b is not None and _contains(a, b)) else a


def party_key(name: str) -> str:
    """People by surname, the rest by name (how participants are compared)."""
    return name.rsplit(" ", 1)[-1].lower() if " " in name and name[:1].isupper() else name.lower()


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    ka, kb = {party_key(n) for n in a}, {party_key(n) for n in b}
    return ka <= kb or kb <= ka or len(ka & kb) * 2 >= len(ka | kb)


def _same_event(event: Mention, m: Mention, side_of: Callable[[str], str | None] = lambda name: None) -> bool:
    return (event.kind == m.kind and _joinable(event, m)
            and (_similar(event.participants, m.participants) or _state_for_team(event, m, side_of)
                 or _state_for_team(m, event, side_of))
            and not _another_day(event, m) and not _rival_guests(event, m, side_of))


def _state_for_team(a: Mention, b: Mention, side_of: Callable[[str], str | None]) -> bool:
    """Whether ``a`` names by their state the people ``b`` names ("talks between Zelensky and Trump's envoys":
    Zelensky and the United States; "Zelensky sat down with Witkoff and Kushner"): one meeting."""
    ka, kb = {party_key(n) for n in a.participants}, {party_key(n) for n in b.participants}
    states = [n for n in a.participants if party_key(n) not in kb]
    people = [n for n in b.participants if party_key(n) not in ka]
    if not (ka & kb) or not states or not people or any(n not in SIDE_OF_STATE for n in states):
        return False
    return {side_of(n) for n in people} == {SIDE_OF_STATE[n] for n in states}


_WARRING = frozenset({"UA", "RU"})


def _rival_guests(a: Mention, b: Mention, side_of: Callable[[str], str | None]) -> bool:
    """Whether each of two meetings names a person the other does not, of the two warring sides, one each (the
    envoys "sat down with Zelensky" and "a session between the envoys and Putin"): the same envoys meeting
    the two sides' leaders are two meetings, however many of their names the mentions share."""
    ka, kb = {party_key(n) for n in a.participants}, {party_key(n) for n in b.participants}
    only_a = {SIDE_OF_STATE.get(n) or side_of(n) for n in a.participants if party_key(n) not in kb} & _WARRING
    only_b = {SIDE_OF_STATE.get(n) or side_of(n) for n in b.participants if party_key(n) not in ka} & _WARRING
    return bool(only_a) and bool(only_b) and not only_a & only_b


def _another_day(event: Mention, m: Mention) -> bool:
    """Whether ``m`` is a call on a day of its own, other than every day the event's mentions give (two
    calls between the same leaders, each told with its date). Meetings may last days: only calls."""
    if m.kind != "call" or len(m.days) != 1:
        return False
    own = m.days[0].get()
    if own is None:
        return False
    days = {d for d in (lazy.get() for lazy in event.days) if d is not None}
    return bool(days) and own not in days


def _merged(event: Mention, m: Mention) -> Mention:
    kind = event.kind if event.kind == m.kind or event.kind != "statement" else m.kind
    return Mention(kind, tuple(dict.fromkeys(event.participants + m.participants)), _finer(event.venue, m.venue),
                   event.status, event.days + m.days, event.evidence, event.rule_id, event.specific,
                   event.sentences + m.sentences)


def _kept(e: Mention, many: Callable[[str], bool]) -> bool:
    """Whether an event names enough parties: a meeting or a call takes two, or one told with its venue; an
    agreement takes two, or one group or bloc of several, who agree among themselves ("EU leaders agreed to
    lend Kyiv 90 billion euros")."""
    if e.kind == "call" and len(e.participants) == 1 and many(e.participants[0]):
        return True  # "a video call of the coalition of the willing": a group's call among its members
    if e.kind in ("meeting", "call"):
        return len(e.participants) > 1 or e.venue is not None
    if e.kind == "agreement":
        return len(e.participants) > 1 or (len(e.participants) == 1 and many(e.participants[0]))
    return bool(e.participants)


def _joinable(event: Mention, m: Mention, *, any_status: bool = False) -> bool:
    """Same kind class, compatible venues, (for meetings, calls and agreements) both held or neither, and (for
    meetings held) no days too far apart."""
    cls = KIND_CLASS[m.kind]
    return (KIND_CLASS[event.kind] == cls and _venues_agree(event.venue, m.venue)
            and (any_status or cls == "proposal" or (event.status == "held") == (m.status == "held"))
            and not (cls == "meeting" and _held_apart(event, m)))


def _held_apart(event: Mention, m: Mention) -> bool:
    """Whether two meetings held were told with days further apart than one round lasts ("talks in Geneva on
    February 17 and 18 ... On February 26, X met Y again in the Swiss city"): two meetings."""
    if event.status != "held" or m.status != "held":
        return False
    a, b = _day_and_spread(event), _day_and_spread(m)
    if a is None or b is None:
        return False
    if event.evidence == m.evidence and a[0] != b[0]:
        return True  # two of the rounds one mention tells ("met twice in X, at the end of January and ...")
    return abs((a[0] - b[0]).days) > _TALKS_SPAN + max(a[1], b[1])


def _day_and_spread(m: Mention) -> tuple[date, int] | None:
    """A mention's day and how far off it may be: exact (0), else rough ("late January"), else None."""
    if m.day is not None:
        return m.day, 0
    rough = m.rough
    return None if rough is None else (rough.day, rough.spread)


def _join(events: list[Mention], counts: list[int], i: int, m: Mention) -> None:
    events[i] = _merged(events[i], m)
    counts[i] += 1


def _sides_of_talks(events: Sequence[Mention], counts: Sequence[int], default: tuple[str, ...]) -> tuple[str, ...]:
    """Who "the two sides" are: the states of the article's main talks, else ``default``."""
    talks = [(counts[i], -i, e) for i, e in enumerate(events) if KIND_CLASS[e.kind] == "meeting"
             and sum(n in SIDE_OF_STATE for n in e.participants) >= 2]
    if not talks:
        return default
    return tuple(n for n in max(talks, key=lambda t: (t[0], t[1]))[2].participants if n in SIDE_OF_STATE)


def _place_named(events: list[Mention], counts: list[int], m: Mention, default: tuple[str, ...] = (),
                 side_of: Callable[[str], str | None] = lambda name: None,
                 state_of: Callable[[str], str | None] = lambda name: None) -> None:
    """Place a mention that names participants: into the same event, else as a new one."""
    if CONTEXT_SIDES in m.participants:
        sides = (_two_countries(events, state_of) if "countries" in m.evidence.text.lower() else ()) \
            or _sides_of_talks(events, counts, default)
        m = _with(m, participants=tuple(dict.fromkeys(
            n for p in m.participants for n in (sides if p == CONTEXT_SIDES else (p,)))))
    for i, event in enumerate(events):
        if _same_event(event, m, side_of):
            _join(events, counts, i, m)
            return
    events.append(m)
    counts.append(1)


def _two_countries(events: Sequence[Mention], state_of: Callable[[str], str | None]) -> tuple[str, ...]:
    """The states of the last meeting told before between the people of two countries ("Czech President Petr
    Pavel held talks with Zelensky ... the two countries had signed"), else none."""
    for e in reversed(events):
        if KIND_CLASS[e.kind] != "meeting" or e.status != "held":
            continue
        states = tuple(dict.fromkeys(s for s in map(state_of, e.participants) if s is not None))
        if len(states) == 2:
            return states
    return ()


def _place_unnamed(events: list[Mention], counts: list[int], m: Mention, two_sides: tuple[str, ...] = ()) -> None:
    """Place a mention naming no participant ("the talks", "another round in Geneva")."""
    if m.venue is not None:  # a round ("another round in Riyadh") keeps its status; "the Riyadh talks" takes one
        same = [i for i, e in enumerate(events)
                if e.venue is not None and _joinable(e, m, any_status=not m.specific)]
        if same:  # the event told in the same sentence, else the last one told
            i = next((i for i in same if m.sentences[0] in events[i].sentences), same[-1])
            _join(events, counts, i, _with(m, status=events[i].status))
            return
        earlier = [e for e in events if e.venue is not None and KIND_CLASS[e.kind] == KIND_CLASS[m.kind]
                   and _venues_agree(e.venue, m.venue) and _held_apart(e, m)]
        if earlier:  # "met twice in X, at the end of January and in the first days of February": another round
            _place_named(events, counts, replace(m, participants=earlier[-1].participants))
            return
    kin = [i for i, e in enumerate(events) if KIND_CLASS[e.kind] == KIND_CLASS[m.kind]]
    if not kin:
        return
    main = max(kin, key=lambda i: (counts[i], -i))
    # held talks dated at a venue ("the consultations in X in late January"): a round of the sides' talks;
    # not a meeting or a summit, which may be anyone's ("signed a declaration at a meeting in Paris")
    dated_round = (m.status == "held" and m.venue is not None and _ROUND_WORDS.search(m.evidence.text) is not None
                   and (m.days[0].get() is not None or m.days[0].rough() is not None))
    if m.venue is not None and events[main].venue is None and not (dated_round and m.specific):
        return  # a venue the event was not named with may be another event's ("met X ... the Oslo summit")
    dated_elsewhere = dated_round and (events[main].venue is None or not _venues_agree(m.venue, events[main].venue))
    if not m.specific and not dated_elsewhere:
        if _joinable(events[main], m):
            _join(events, counts, main, m)
        return
    if m.venue is not None and (events[main].venue is None or not _venues_agree(m.venue, events[main].venue)):
        # a round elsewhere than the main event ("the first round in Abu Dhabi"): a round of the sides' talks
        sides = _sides_of_talks(events, counts, (_MEDIATOR, *two_sides))
        _place_named(events, counts, replace(m, participants=sides))
        return
    _place_named(events, counts, replace(m, participants=events[main].participants,
                                         venue=_narrowed(m.venue, events[main].venue)))


_ROUND_WORDS = re.compile(r"\b(?:talks|consultations|negotiations|sessions?|rounds?|negotiators|delegations)\b",
                          re.IGNORECASE)


# who joined an event told before ("Zelensky joined the summit by video from Kyiv"): one more participant of it
_JOINED_EVENT = re.compile(r"\b(?:joined|joins|joining|join|addressed|addresses|addressing|speaking\s+to|spoke\s+to|"
                           r"told)\s+(?:the|that|this|Thursday's|Wednesday's|Tuesday's|"
                           r"Monday's|Friday's|Saturday's|Sunday's)\s+(?:meeting|summit|talks|call|session|"
                           r"video\s+call|conference)\b", re.IGNORECASE)


def _place_joined(events: list[Mention], counts: list[int], m: Mention, two_sides: tuple[str, ...],
                  side_of: Callable[[str], str | None]) -> None:
    """A mention of someone joining an event named before it: its people join the last event of that kind
    class told with a venue (the one a definite "the summit" stands for), else it is placed as named."""
    told = [i for i, e in enumerate(events) if KIND_CLASS[e.kind] == KIND_CLASS[m.kind] and e.venue is not None
            and (e.status == "held") == (m.status == "held")]
    if not told:
        _place_named(events, counts, m, two_sides, side_of)
        return
    i = told[-1]
    people = tuple(n for n in m.participants if n not in SIDE_OF_STATE or n in events[i].participants)
    _join(events, counts, i, _with(m, participants=people or m.participants))


def _narrowed(venue: PlaceMention | None, known: PlaceMention | None) -> PlaceMention | None:
    """A round's venue given as the country (or region) holding the place of the talks it continues is that
    place ("talks in Geneva ... the next round, again in Switzerland")."""
    return known if venue is not None and known is not None and _contains(venue, known) else venue


def _envoys_of(a: Mention, b: Mention, side_of: Callable[[str], str | None]) -> bool:
    """Whether ``a`` names only people of the sides ``b`` names as states (the US envoys at the talks), and
    perhaps some of those states beside them ("X and Y would meet Russian and Ukrainian negotiators": the
    envoys of one side and the other sides' states)."""
    people = [n for n in a.participants if n not in SIDE_OF_STATE]
    states = {SIDE_OF_STATE[n] for n in b.participants if n in SIDE_OF_STATE}
    return bool(people) and all(side_of(n) in states for n in people) and all(
        n in b.participants for n in a.participants if n in SIDE_OF_STATE)


def _same_place(events: list[Mention], side_of: Callable[[str], str | None]) -> list[Mention]:
    """Events at one venue, one of them naming envoys of the sides the other names: one event."""
    out: list[Mention] = []
    for e in events:
        for i, kept in enumerate(out):
            if (kept.venue is not None and e.venue is not None and _joinable(kept, e) and kept.kind == e.kind
                    and (_envoys_of(e, kept, side_of) or _envoys_of(kept, e, side_of))):
                out[i] = _merged(kept, e)
                break
        else:
            out.append(e)
    return out


_MEDIATOR = "United States"


def _lone_sides_completed(mentions: Sequence[Mention], two_sides: tuple[str, ...]) -> Sequence[Mention]:
    """Talks told with one side's state alone ("US-brokered talks held in X", "Kyiv proposed holding the next
    round in Y") are the article's talks between the sides: no
    one meets alone, and the other sides are the words "talks" and "round" leave unsaid. The sides are those
    the article's talks are told with most often. Only talks held or told with a venue: a planned one without
    a venue is often the talks in general ("the negotiations would lead to peace")."""
    tallies: dict[frozenset[str], int] = {}
    for m in mentions:
        told = frozenset(n for n in m.participants if n in SIDE_OF_STATE)
        if m.kind == "meeting" and len(told) >= 2:
            tallies[told] = tallies.get(told, 0) + 1
    # no talks told with their sides: the US alone brokers talks between the two sides
    best = max(tallies, key=lambda k: (tallies[k], len(k))) if tallies else frozenset((_MEDIATOR, *two_sides))
    sides = tuple(n for n in SIDE_STATES.values() if n in best)
    out = list(mentions)
    for i, m in enumerate(out):
        lone = m.participants[0] if len(m.participants) == 1 else None
        if (m.kind == "meeting" and (m.venue is not None or m.status == "held") and lone in sides
                and (tallies or lone == _MEDIATOR)):
            out[i] = _with(m, participants=(m.participants[0], *(n for n in sides if n != m.participants[0])))
    return out


def merge_mentions(mentions: Sequence[Mention], side_of: Callable[[str], str | None],
                   two_sides: tuple[str, ...] = ("Russia", "Ukraine"),
                   many: Callable[[str], bool] = lambda name: False,
                   state_of: Callable[[str], str | None] = lambda name: None) -> list[Mention]:
    """One event per event.

    1. Mentions naming participants join an earlier compatible one (same kind, held or not, venue,
       similar participants), else start an event.
    2. Mentions naming none join the event of their venue, else the article's main event of their kind
       (the one named most); a specific one (a round, a swap) that cannot join becomes an event with
       the main event's participants.
    3. Events at one venue where one names only envoys of the other's states are one event.
    """
    events: list[Mention] = []
    counts: list[int] = []
    mentions = _lone_sides_completed(mentions, two_sides)
    joined = [m for m in mentions if m.participants and m.joins]
    for m in mentions:
        if m.participants and m not in joined:
            _place_named(events, counts, m, two_sides, side_of, state_of)
    for m in joined:
        _place_joined(events, counts, m, two_sides, side_of)
    for m in mentions:
        if not m.participants:
            _place_unnamed(events, counts, m, two_sides)
    return [e for e in _same_place(events, side_of) if _kept(e, many)]


def _event(m: Mention) -> DiplomaticEvent:
    day, precision = m.day, DatePrecision.DAY
    if day is None:
        rough = m.rough
        day, precision = (None, DatePrecision.UNKNOWN) if rough is None else (rough.day, DatePrecision.APPROX)
    return DiplomaticEvent(
        kind=m.kind, participants=_surnames_folded(m.participants), evidence=m.evidence,
        venue=None if m.venue is None else to_place(m.venue),
        date=None if day is None else day.isoformat(), date_precision=precision, status=m.status)


def _surnames_folded(names: tuple[str, ...]) -> tuple[str, ...]:
    """The participants without a bare surname of one named in full beside it ("Pavel" with "Petr Pavel": a person
    the registry does not know, told by full name first and by surname after)."""
    surnames = {n.rsplit(" ", 1)[-1] for n in names if " " in n}
    return names if not surnames else tuple(n for n in names if " " in n or n not in surnames)


def _triggers(text: str, sentences: Sequence[Sentence], rules: DiplomacyRules) -> dict[int, list[re.Match[str]]]:
    """The trigger words of each sentence (by index), tried only where one of their first words stands."""
    starts = [s.start for s in sentences]
    low = text.lower()
    # the rules that can start with the anchor word only, where the lowercase text is the text as matched
    index = rules.trigger_index if folds_safely(text, low) else None
    if len(low) == len(text) and rules is load_diplomacy_rules():  # one scan with the positions' words
        anchors = shared_first_words().chain(text, low, 0, rules.anchors.folded, True)
    else:
        anchors = [m.span() for m in rules.anchors.finditer(text, low)]
    out: dict[int, list[re.Match[str]]] = {}
    for a, b in anchors:  # offsets only: the match is made on the text itself
        i = bisect_right(starts, a) - 1
        if i < 0 or b > sentences[i].end:
            continue
        hits = out.get(i)
        if hits and a < hits[-1].end():
            continue
        if index is None:
            hit = rules.triggers.match(text, a, sentences[i].end)
        else:
            hit = index.match(text, a, sentences[i].end, low[a:b])
        if hit is not None:
            out.setdefault(i, []).append(hit)
    return out


def find_diplomacy(text: str, sentences: Sequence[Sentence], published: date | None, actors: ActorRegistry,
                   gazetteer: Gazetteer) -> tuple[DiplomaticEvent, ...]:
    """The diplomatic events an article reports, one per event, each with the words that state it."""
    rules = load_diplomacy_rules()
    mentions: list[Mention] = []
    for n, hits in _triggers(text, sentences, rules).items():
        if hits:
            sentence = sentences[n]
            reading = read_sentence(text, sentence, actors, gazetteer, rules.lexicon, sentences[max(0, n - 3):n])
            mentions.extend(sentence_mentions(reading, hits, published, rules))
    if not mentions:
        return ()

    def side_of(name: str) -> str | None:
        actor = actors.lookup(name)
        return None if actor is None or actor.kind != "person" else actor.side

    def many(name: str) -> bool:  # a group of leaders or states, or a bloc: several parties under one name
        actor = actors.lookup(name)
        return actor is not None and (actor.kind == "group" or actor.name in rules.blocs)

    by_start = {s.start: s for s in sentences}
    mentions = _dated_by_round([_with_office_holders(text, m, by_start, actors) for m in mentions])
    codes = states_by_code(actors)

    def state_of(name: str) -> str | None:  # the state of a person the registry knows ("Petr Pavel" -> Czechia)
        actor = actors.lookup(name)
        return codes.get(actor.country) if actor is not None and actor.kind == "person" and actor.country else None

    events = merge_mentions(mentions, side_of, rules.lexicon.context_default, many, state_of)
    events = [_summit_of_leaders(_unmixed(_with_team(text, e, rules, actors), actors)) for e in events]
    return tuple(_event(m) for m in events)


def _dated_by_round(mentions: list[Mention]) -> list[Mention]:
    """A held agreement its sentence tells without a date after a round held with one ("the round in Abu Dhabi
    on February 4-5 ended with a swap of 157 prisoners each"; "met again in early February, when the sides
    agreed to swap ..."): what the round produced, on the round's (exact or rough) day."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "agreement" or m.status != "held" or not m.sentences:
            continue
        rounds = [r for r in out[:i] if KIND_CLASS[r.kind] == "meeting" and r.kind != "call" and r.status == "held"
                  and r.sentences[:1] == m.sentences[:1] and r.evidence.start < m.evidence.start]
        if not rounds or m.day is not None or m.rough is not None:  # (dates worked out only where a round is)
            continue
        dated = [r for r in rounds if r.day is not None or r.rough is not None]
        if dated and dated[-1] is rounds[-1]:
            day, rough = dated[-1].day, dated[-1].rough
            lazy = LazyDay.fixed(day) if day is not None else LazyDay.fixed(rough.day, rough) if rough else None
            if lazy is not None:
                out[i] = replace(m, days=(lazy,))
    return out


def _with_office_holders(text: str, m: Mention, by_start: dict[int, Sentence], actors: ActorRegistry) -> Mention:
    """A meeting told by office ("the foreign ministers of X, Y and Z met ...", "... meets his X, Y and Z
    counterparts") between the office holders the article names, and without the home states of people
    told with them ("Radoslaw Sikorski of Poland") (``office_holders``)."""
    if KIND_CLASS[m.kind] != "meeting" or not m.sentences or (sentence := by_start.get(m.sentences[0])) is None:
        return m
    words = sentence.text
    found = None
    if "counterpart" in words or "inisters of" in words:
        # the office words of the clause that tells the event (its evidence, give or take a few words)
        lo = max(sentence.start, m.evidence.start - _OFFICE_REACH)
        hi = min(sentence.end, m.evidence.end + _OFFICE_REACH)
        found = office_holders(text, lo, hi, m.participants, actors)
    if found is None and " of " in words and len(m.participants) > 1:
        found = without_home_states(text, sentence.start, sentence.end, m.participants, actors)
    return m if found is None else _with(m, participants=found)


_OFFICE_REACH = 60  # characters either side of an event's evidence in which its office words stand


# a side's team told by its side word alone ("met the American team", "the U.S. side", "the US envoys will
# travel"), and the title words after which the article names that side's envoys ("US envoys X and Y")
_SIDE_TEAM_WORDS = ("team", "envoys", "negotiating team", "side", "delegation", "negotiators")
_ENVOY_TITLE = re.compile(r"\b(?:envoys?|negotiators?)\s+", re.IGNORECASE)
_ENVOY_REACH = 80  # characters after the title in which the envoys' names stand


_SUMMIT = re.compile(r"\bsummits?\b", re.IGNORECASE)


def _summit_of_leaders(m: Mention) -> Mention:
    """A summit of the European Union is its leaders' meeting ("the European Union summit held in Brussels"):
    the group, not the institution."""
    if KIND_CLASS[m.kind] != "meeting" or not _SUMMIT.search(m.evidence.text):
        return m
    named = tuple("EU leaders" if n == "European Union" else n for n in m.participants)
    return m if named == m.participants else _with(m, participants=tuple(dict.fromkeys(named)))


def _team_of(text: str, m: Mention, rules: DiplomacyRules) -> str | None:
    """The state whose team a meeting names by its side adjective alone ("met the U.S. team in X"), if one."""
    said = text[m.evidence.start:m.evidence.end]
    for surface, state in rules.lexicon.side_adjectives.items():
        if state in m.participants and any(f"{surface} {w}" in said for w in _SIDE_TEAM_WORDS):
            return state
    return None


def _with_team(text: str, m: Mention, rules: DiplomacyRules, actors: ActorRegistry) -> Mention:
    """A meeting with a side's team named by the side word alone ("the U.S. team") with that side's envoys the
    article named before it ("... as US envoys X and Y press for a deal"): wires name the envoys once and then
    call them "the American team". The state stays a participant (the team stands for it too); nothing changes
    when a person of that side takes part already or the article names none."""
    if KIND_CLASS[m.kind] != "meeting" or not any(n in SIDE_OF_STATE for n in m.participants):
        return m
    state = _team_of(text, m, rules)
    if state is None:
        return m
    side = SIDE_OF_STATE[state]
    found = [actors.lookup(n) for n in m.participants]
    if any(a is not None and a.kind == "person" and a.side == side for a in found):
        return m
    envoys = _envoys_named(text, m.evidence.start, side, actors)
    return m if not envoys else _with(m, participants=tuple(dict.fromkeys((*m.participants, *envoys))))


def _unmixed(m: Mention, actors: ActorRegistry) -> Mention:
    """A meeting that names two or more of the sides' states and the negotiators of one side lists states only
    (docs/gold-conventions.md rule 4): the negotiators stand for theirs ("Ukrainian and Russian negotiators met
    in Geneva, with Washington's envoys X and Y in attendance": the three states). People of several sides are
    left as told (talks between named people may carry their states from another mention), and people of other
    countries (a host) stay."""
    states = [n for n in m.participants if n in SIDE_OF_STATE]
    if KIND_CLASS[m.kind] != "meeting" or len(states) < 2:
        return m
    sides: dict[str, str] = {}  # name -> the state of its side, for the sides' people
    for name in m.participants:
        actor = actors.lookup(name) if name not in SIDE_OF_STATE else None
        if actor is not None and actor.kind == "person" and actor.side in SIDE_STATES:
            sides[name] = SIDE_STATES[actor.side]
    if len(set(sides.values())) != 1:
        return m  # none, or people of several sides: which reading the article means is not told
    return _with(m, participants=tuple(dict.fromkeys(sides.get(n, n) for n in m.participants)))


def _envoys_named(text: str, end: int, side: str, actors: ActorRegistry) -> tuple[str, ...]:
    """The people of ``side`` named first after an envoy's title before ``end`` ("envoys X and Y")."""
    for title in _ENVOY_TITLE.finditer(text, 0, end):
        named = actors.find(text, title.end(), min(end, title.end() + _ENVOY_REACH))
        if not named or named[0].start != title.end():
            continue
        people = [a.actor.name for a in named if a.actor.kind == "person" and a.actor.side == side]
        if people:
            return tuple(dict.fromkeys(people))
    return ()
