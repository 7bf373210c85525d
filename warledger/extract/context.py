"""What one sentence says about attacks: is it about a strike at all, who struck whom,
which of its dates is the wave's, and which places it names (hit, or launched from).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..records import PlaceKind
from ..resolve.gazetteer import Gazetteer, GazetteerEntry, PlaceMention
from .dates import MONTHS, WEEKDAYS, DateKind, DateMention, sentence_dates
from .figures import BULLETS
from .numbers import ORDINAL_VALUES
from .phrases import norm, positions
from .prefilter import Gated
from .readings import SERVED
from .rules import RuleSet
from .targets import DAMAGE_CUES, among_targets
from .text import Sentence, words_before

ATTACK_WORDS = frozenset({
    "attack", "attacks", "attacked", "strike", "strikes", "struck", "barrage", "bombardment", "bombarded",
    "shelling", "shelled", "drone", "drones", "missile", "missiles", "shahed", "shaheds", "explosion",
    "explosions", "blast", "blasts", "hit", "hits", "downed", "intercepted", "debris", "wreckage",
    "fragments", "impact", "impacts", "assault", "killed", "killing", "injured", "injuring", "wounded",
    "wounding", "dead", "damaged", "destroyed", "uav", "uavs", "bombs", "bomb", "shot", "air", "raid",
    "onslaught", "salvo", "volley", "pounded", "pounding", "targeted", "targeting", "fire", "fires",
    "kinzhal", "kinzhals", "iskander", "kalibr", "oreshnik", "geran", "casualties", "died", "hurt",
    "launched", "launching", "fired", "jammed", "suppressed", "blitz", "down", "brought", "wave",
    "neutralised", "neutralized", "toll", "death", "deaths", "glide", "kab", "kabs",
    "aerial", "intercepting", "downing", "locationally", "damage", "affected", "shattered", "blown", "collapsed",
    "wrecked", "burned", "ablaze", "rubble", "brunt", "blow", "blows",
})
# A sentence about these is not about a wave even when it counts the dead or wounded.
NON_ATTACK_WORDS = frozenset({
    "hypothermia", "monoxide", "frostbite", "pneumonia", "prisoners", "prisoner", "pows", "pow", "exchange",
    "swap", "battlefield", "frontline", "front-line", "recruitment", "recruits",
    "mobilised", "mobilized", "deserted", "executions", "executed", "accident", "crash",
    "poll", "surveyed", "respondents", "referendum",
})
# "front-line" before a place noun only says where the places lie ("drones aimed mostly at front-line
# regions", "glide bombs on frontline towns"): such a sentence may still tell a strike
FRONT_WORDS = frozenset({"frontline", "front-line"})
FRONT_PLACE_NOUNS = frozenset({
    "region", "regions", "area", "areas", "city", "cities", "town", "towns", "village", "villages",
    "community", "communities", "settlement", "settlements", "oblast", "oblasts", "districts", "district",
    "zone", "zones",
})
DIPLOMACY_WORDS = frozenset({
    "talks", "met", "meeting", "summit", "negotiations", "negotiators", "envoy", "envoys", "visit",
    "visited", "delegation", "delegations", "conference", "ceasefire", "peace", "deal", "agreement",
    "hosted", "travelled", "traveled", "flew",
})
SAY_WORDS = frozenset({"said", "says", "told", "wrote", "reported", "announced", "added", "stated", "accused",
                       "claimed", "noted", "posted", "confirmed", "according"})
LAUNCH_VERBS = frozenset({"launched", "fired", "launch", "launches", "took", "flew", "came", "attacked",
                          "launching", "firing", "sent", "deployed", "used"})
# words that make Russian places in a sentence the launch areas of a Russian strike
LAUNCH_CUES = frozenset({"launched", "launch", "launches", "launching", "carriers", "carrier", "bombers", "direction",
                         "directions", "tu-95ms", "tu-95", "tu-22m3", "tu-160", "mig-31k", "su-34", "fired"})
NOT_TARGET_PLACES = ("river", "reservoir", "plant", "canal", "lake", "dam")
AIRSPACE_WORDS = frozenset({"airspace", "territory", "entered", "crossed", "violated", "landed", "crashed",
                            "incursion"})
METONYM_VERBS = frozenset({
    "said", "says", "has", "have", "had", "wants", "wanted", "rejected", "rejects", "accused", "accuses",
    "insisted", "insists", "denied", "denies", "claimed", "claims", "will", "would", "could", "must",
    "should", "argues", "argued", "signalled", "signaled", "refused", "refuses", "agreed", "agrees",
    "demanded", "demands", "responded", "announced", "believes", "considers", "sees", "views", "hopes",
    "expects", "may", "might", "did", "does", "can", "cannot", "launched", "sent", "continues", "continued",
    "plans", "needs", "tries", "told", "warned", "urged", "called", "described", "dismissed", "welcomed",
    "condemned", "blamed", "insisting", "remains", "is", "was",
})
# nouns after "Moscow's" / "Kyiv's" that make the capital its government ("Moscow's defence ministry")
GOVERNMENT_NOUNS = frozenset({"defence", "defense", "ministry", "foreign", "government", "military", "army",
                              "allies", "forces", "troops", "position", "demands", "negotiators", "envoy",
                              "leadership", "war", "invasion", "offensive", "claims", "delegation"})
POSSESSIVES = ("'s", "’s")
CAPITALS = frozenset({"Kyiv", "Moscow", "Washington", "Minsk", "Warsaw", "Brussels", "London", "Paris",
                      "Berlin", "Beijing", "Budapest", "Ankara", "Tehran"})
LOCATIVE_WORDS = frozenset({
    "in", "on", "at", "over", "near", "against", "toward", "towards", "across", "around", "of", "into", "and",
    "struck", "hit", "attacked", "targeted", "targeting", "striking", "bombarded", "shelled", "pounded",
    "hitting", "outside", "outskirts", "above", "capital", "city", "downtown", "central", "western", "eastern",
    "northern", "southern", "to", "from",
})
# locative prepositions after which a capital is a place, whatever verb follows it
PREPOSITIONS = frozenset({"in", "over", "across", "near", "around", "outside", "above"})
SURROUNDS = frozenset({"region", "oblast", "suburbs", "outskirts", "surrounding", "surroundings"})
HEADING_WORDS = frozenset({"heading", "headed", "flying"})
OCCUPIED_WORDS = frozenset({"occupied", "russian-occupied", "russian-controlled", "russian-held",
                            "temporarily", "annexed"})


@dataclass(frozen=True, slots=True)
class SentenceContext:
    sentence: Sentence
    words: tuple[str, ...]
    attack: bool                         # about a strike
    period: str | None                   # "span": a campaign (the past week, since 2022); "point": last month
    point_spans: tuple[tuple[int, int], ...]  # char spans of "point" cues: numbers near them are statistics
    diplomatic: bool
    side_score: int                      # > 0 Ukraine struck Russia, < 0 Russia struck Ukraine, 0 unknown
    wave_date: DateMention | None        # the date this sentence gives its wave, if any
    places: tuple[PlaceMention, ...]     # places hit or named in the strike
    launch_areas: tuple[PlaceMention, ...]
    occupied_marks: frozenset[int]       # char offsets of places written as occupied
    # (start, end, side score) of each clause, only when clauses tell strikes of opposite sides
    # ("Ukrainian drones hit Tuapse, while Russia launched ... at Ukraine"); else empty
    clauses: tuple[tuple[int, int, int], ...] = ()


WAVE_CUES = frozenset({"overnight", "tonight", "latest", "this", "yesterday", "today"})
WEEKDAY_WORDS = frozenset(WEEKDAYS)
SAME_DAY = frozenset({"day", "night", "morning", "evening", "midnight", "dusk", "today", "tonight"})
# "since last week": the stretches of time a "since last ..." may open
PAST_SPANS = frozenset({"week", "weekend", "month", "year", "spring", "summer", "autumn", "fall", "winter"})
# words after "a day", "a week" that make it a time relative to an event, not a rate ("50 a day")
RELATIVE_TIME = frozenset({"before", "after", "earlier", "later"})
SUPERLATIVES = frozenset({"largest", "biggest", "heaviest", "most", "highest", "worst", "deadliest", "record",
                          "first", "longest", "fiercest", "strongest", "greatest", "single"})
# "damaged for the fifth time since October": one strike ranked among the earlier ones (not "the ninth
# attack since ...", a campaign's count)
ORDINALS = frozenset(ORDINAL_VALUES) - {"first", "eleventh", "twelfth"}  # a rank after a first one


# "the fifth time since", "its fourth such hit since": the word after an ordinal that makes it rank the
# event just told among earlier ones ("such" points back at it)
RANKING_NOUNS = frozenset({"time", "such"})


def _ranked(words: Sequence[str]) -> bool:
    """Whether the words before a "since" rank one event: a superlative, "the fifth time" or "the
    company's third such hit"."""
    return any(w.rsplit("-", 1)[-1] in SUPERLATIVES
               or (w in ORDINALS and i + 1 < len(words) and words[i + 1] in RANKING_NOUNS)
               for i, w in enumerate(words))


def _one_wave(words: Sequence[str]) -> bool:
    """Whether the sentence names its wave ("overnight", "this morning", "this latest attack"); "this
    week", "this month" name a stretch of several nights, not one wave."""
    cues = WAVE_CUES.intersection(words)  # in C: most sentences name no cue
    if not cues:
        return False
    if cues != {"this"}:
        return True
    return any(w == "this" and not (i + 1 < len(words) and words[i + 1] in PAST_SPANS) for i, w in enumerate(words))


# "from December 1 to February 22", "between 10 and 14 March": a stretch of calendar days (not "from 1am
# to 5am", one night); the word that closes the range after each opener
SPAN_RANGE_CLOSERS = {"from": frozenset({"to", "until", "till", "through", "thru"}), "between": frozenset({"and"})}
# words a calendar date may hold beside its month, day and year ("the 1st of December", "mid-January")
# periods.toml's rule of range ends ("to February"), for the statistics stage only
RANGE_RULE = "period.range.v1"
SPAN_DATE_FILLERS = frozenset({"st", "nd", "rd", "th", "the", "of", ",", "early", "mid", "late", "end", "start"})
# "overnight from 21 to 22 February", "the night of 21 to 22 February": one night, not a span
SPAN_NIGHT_WORDS = frozenset({"night", "overnight", "nights"})


def _range_date(words: Sequence[str], first: int) -> tuple[int, int | None, int | None, bool]:
    """The calendar date opening at ``first``: (index after it, its day, its month, whether it names a
    month or a year); a day alone ("10" in "from 10 to 14 March") names neither."""
    day = month = None
    named = False
    j = first
    while j < len(words) and j < first + 6:
        w = words[j]
        mon = MONTHS.get(w.rsplit("-", 1)[-1])
        if mon is not None:
            month, named = mon, True
        elif len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
            named = True
        elif w.isdigit() and len(w) <= 2:
            day = int(w)
        elif w not in SPAN_DATE_FILLERS:
            break
        j += 1
    return j, day, month, named


def _date_range_span(words: Sequence[str]) -> tuple[int, int] | None:
    """Whether the sentence names a stretch of calendar days: "from December 1 to February 22",
    "between January and March", "from 10 to 14 March"; not a night told by its two dates
    ("overnight from 21 to 22 February") nor a time of day ("from 1am to 5am"): the first and last word
    of the range, or None."""
    for opener, closers in SPAN_RANGE_CLOSERS.items():
        for i in positions(words[:-3], opener):
            if SPAN_NIGHT_WORDS.intersection(words[max(0, i - 4):i]):
                continue
            j, day1, month1, named1 = _range_date(words, i + 1)
            if j == i + 1 or j >= len(words) or words[j] not in closers or (day1 is None and not named1):
                continue
            k, day2, month2, named2 = _range_date(words, j + 1)
            if k == j + 1 or not (named1 or named2) or (day2 is None and not named2):
                continue
            if day1 is not None and day2 is not None and (
                    (day2 == day1 + 1 and month1 in (None, month2))
                    or (day2 == 1 and day1 >= 28 and month1 is not None and month2 == month1 % 12 + 1)):
                continue  # "from 21 to 22 February": the night between two days
            while words[k - 1] == ",":
                k -= 1
            return i, k - 1
    return None


def _periods(sentence: Sentence, words: Sequence[str],
             rules: RuleSet) -> tuple[str | None, tuple[tuple[int, int], ...]]:
    """Whether the sentence counts a span of time, and where it names past points in time.

    "since the full-scale invasion" after a superlative ("the largest since ...") compares
    one night with the war; it does not make the sentence a campaign total.
    """
    kinds = set()
    points = []
    # "this latest attack", "overnight": the sentence reports one wave, so a span cue in it
    # ("targeted in recent months") only makes the numbers next to it statistics
    one_wave = _one_wave(words)
    for m in rules.periods.find_all(words):
        if m.value.id == RANGE_RULE:
            continue  # "to February": the statistics stage's cue; the whole range is read below
        if words[m.first] in ("since", "this") and _ranked(words[max(0, m.first - 12):m.first]):
            continue  # "the largest since the invasion", "the heaviest this year": one night compared
        if words[m.first] in ("since", "over", "during") and any(w in SAME_DAY for w in words[m.first:m.last + 4]):
            continue  # "since the start of the day", "over the course of the day": one wave
        if words[m.first] == "a" and m.last + 1 < len(words) and words[m.last + 1] in RELATIVE_TIME:
            continue  # "a day before the talks", "a week after the summit": when, not a rate
        if words[m.first] == "million" and m.last + 1 < len(words) and words[m.last + 1] in SERVED:
            continue  # "half a million consumers lost heating": one night's outage (what a grid serves), not a total
        kind = "point" if one_wave else m.value.value
        if kind == "point" and m.last + 1 < len(words) and words[m.last + 1] == "alone":
            kind = "span"  # "in January alone, Russia launched ...": that month's totals, every number of them
        kinds.add(kind)
        if kind == "point":
            points.append((sentence.tokens[m.first].start, sentence.tokens[m.last].end))
    for i in positions(words[:-1], "since"):
        # "since 1 June", "since March", "since 2023": a span unless it follows a superlative
        nxt = words[i + 1]
        after_last = words[i + 2] if nxt == "last" and i + 2 < len(words) else ""  # "since last Tuesday"
        if (nxt[:1].isdigit() or nxt in MONTHS or nxt in WEEKDAY_WORDS or after_last in WEEKDAY_WORDS
                or after_last in MONTHS or after_last in PAST_SPANS) \
                and not _ranked(words[max(0, i - 12):i]):
            kinds.add("span")
    date_range = _date_range_span(words) if "from" in words or "between" in words else None
    if date_range is not None:
        kinds.add("point" if one_wave else "span")
        if one_wave:
            points.append((sentence.tokens[date_range[0]].start, sentence.tokens[date_range[1]].end))
    period = "span" if "span" in kinds else ("point" if kinds else None)
    return period, tuple(points)


def _date_score(d: DateMention, words_before: Sequence[str]) -> int:
    score = {DateKind.NIGHT_END: 4, DateKind.NIGHT_START: 4, DateKind.EXPLICIT: 3, DateKind.RELATIVE: 2,
             DateKind.ANAPHORA: 3, DateKind.DAY: 2}[d.kind]
    if any(w in SAY_WORDS for w in words_before[-3:]):
        score -= 2
    if words_before[-1:] in (["("], ["from"], ["since"], ["until"]):
        score -= 1  # "(from 19:00 on 10 April)": when it began, not the night's date
    return score


def pick_wave_date(sentence: Sentence, mentions: Sequence[DateMention]) -> DateMention | None:
    """The date mention that dates the wave: night expressions beat statement dates ("said on Saturday")."""
    best: tuple[int, DateMention] | None = None
    for d in mentions:
        before = words_before(sentence, d.start, 3)
        if before[-1:] == ["by"] and d.kind in (DateKind.DAY, DateKind.RELATIVE):
            continue  # "By Wednesday morning the toll had reached 28": when it was counted, not the night
        if before[-1:] in (["until"], ["till"]):
            continue  # "the pause was to run until February 1": the end of a period, not a night of strikes
        score = _date_score(d, before)
        if best is None or score >= best[0]:
            best = (score, d)
    return None if best is None else best[1]


def _is_metonym(m: PlaceMention, text: str) -> bool:
    """A capital that names its government: "Kyiv said", "accused Moscow of"; a place only after
    a locative word ("in Kyiv", "attacks on Moscow") or in a list of places."""
    if m.entry.name not in CAPITALS:
        return False  # "the Kyiv region" is a place
    before = text[max(0, m.start - 30):m.start].split()
    prep = norm(before[-1].lower()).strip(",") if before else ""
    if prep == "in" and _government_scene(m, text):
        return True
    if prep in PREPOSITIONS or (prep == "for" and len(before) > 1 and before[-2].lower() in HEADING_WORDS):
        return False  # "the toll in Kyiv has risen", "drones heading for Moscow": a government is never there
    rest = text[m.end:m.end + 30].split()
    if _city_official(m, text):
        return False
    if rest and rest[0].strip(",.").lower() in METONYM_VERBS:
        return True
    if len(rest) > 1 and rest[0] in POSSESSIVES and rest[1].strip(",.").lower() in GOVERNMENT_NOUNS:
        return True  # "Moscow's defence ministry said", "Kyiv's allies": the government, not the city
    if rest[:1] == ["and"] and not SURROUNDS.isdisjoint(w.strip(",.").lower() for w in rest[1:4]):
        return False  # "Kyiv and the surrounding region bore the brunt"
    if prep in LOCATIVE_WORDS:
        return False
    return not text[:m.start].rstrip().endswith(",")


# the government words that make "In Moscow, the ..." the scene of a statement (not "military": "In Kyiv,
# the city's military administration said two were hurt" tells the city's own toll)
SCENE_GOVERNMENT = frozenset({"kremlin", "kremlin's", "ministry", "ministry's", "government", "government's",
                              "foreign"})


def _government_scene(m: PlaceMention, text: str) -> bool:
    """"In Moscow, the Defence Ministry claimed ...": a capital opening the sentence as where its government
    speaks (a government word among the four words after the comma), not a place struck."""
    head = text[max(0, m.start - 4):m.start]
    if text[m.end:m.end + 1] != "," or not head.endswith("In ") or (len(head) == 4 and head[0] not in "\n .\"”"):
        return False
    after = norm(text[m.end + 1:m.end + 40].lower()).split()[:4]
    return not SCENE_GOVERNMENT.isdisjoint(after)


def _city_official(m: PlaceMention, text: str) -> bool:
    """A capital named with its mayor ("Moscow Mayor Sergei Sobyanin said", "Kyiv's mayor"): the city
    whose own official reports what fell on it, not the government."""
    after = text[m.end:m.end + 8].lower()
    return after.startswith((" mayor", "'s mayor", "’s mayor"))


def _launch_places(sentence: Sentence, words: Sequence[str], mentions: Sequence[PlaceMention]) -> set[int]:
    """Offsets of places named as where weapons were launched from ("launched from Kursk and Oryol")."""
    out: set[int] = set()
    for i in sorted(positions(words, "from") + positions(words, "over")):
        w = words[i]
        if i == 0:
            continue
        toks = sentence.tokens
        window = words[max(0, i - 8):i]
        if w == "from" and not any(v in LAUNCH_VERBS or v.startswith("launch") for v in window):
            continue
        if w == "over" and not any(v in ("bombers", "bomber", "tu-95", "tu-95ms", "tu-160", "tu-22m3", "ships",
                                          "warships", "submarine", "aircraft", "jets") for v in window):
            continue
        # the list of places after "from": stop at a verb-like word or sentence punctuation
        span_end = toks[-1].end
        for j in range(i + 1, min(i + 25, len(words))):
            if words[j] in (".", ";", "at", "against", "toward", "towards", "targeting", "into", "on", "with"):
                span_end = toks[j].start
                break
        start = toks[i].end
        for m in mentions:
            if start <= m.start < span_end:
                out.add(m.start)
    return out


_WORD_RE = re.compile(r"[a-z][a-z0-9\-]*")


def may_be_about_attack(sentence: Sentence, rules: RuleSet, follows_figures: bool) -> bool:
    """A cheap first test, before tokenizing: an attack word, a weapon's name, damage to a facility, a
    bulleted line, or numbers right after a sentence with figures ("It said 29 were brought down over
    Rostov, six over ...")."""
    words = _WORD_RE.findall(sentence.text.lower())
    if not ATTACK_WORDS.isdisjoint(words) or not rules.weapon_words.isdisjoint(words):
        return True
    if among_targets(words):
        return True  # "Power plants in three regions were among the targets"
    if not DAMAGE_CUES.isdisjoint(words) and rules.targets.may_occur(words):
        return True  # "Windows were shattered in a school": damage to a facility, told without an attack word
    text = sentence.text.lstrip()
    return text.startswith(BULLETS) or (follows_figures and any(ch.isdigit() for ch in text))


def _not_off_topic(words: Sequence[str], wordset: set[str]) -> bool:
    """No word that makes the sentence about something else (the battlefield, prisoners, the cold);
    "front-line" counts only as the battlefield, not as the adjective of a place noun."""
    hits = wordset & NON_ATTACK_WORDS
    if not hits:
        return True
    if not hits <= FRONT_WORDS:
        return False
    return all(i + 1 < len(words) and words[i + 1] in FRONT_PLACE_NOUNS
               for i, w in enumerate(words) if w in FRONT_WORDS)


def analyse(sentence: Sentence, text: str, rules: RuleSet, gazetteer: Gazetteer,
            published: date | None) -> SentenceContext:
    """The attack-relevant facts of one sentence (one that passed ``may_be_about_attack``).

    A sentence that is not about a strike, or that counts a span of time, gets no places, side or
    date: its caller reads no further."""
    words = sentence.words
    wordset = set(words)
    attack = _not_off_topic(words, wordset)  # the caller has checked may_be_about_attack
    period, point_spans = _periods(sentence, words, rules)
    diplomatic = bool(wordset & DIPLOMACY_WORDS)
    if not attack or period == "span":
        # the caller reads no further (not a strike; a campaign's totals): no places, side or date
        return SentenceContext(sentence=sentence, words=words, attack=attack, period=period, point_spans=point_spans,
                               diplomatic=diplomatic, side_score=0, wave_date=None, places=(), launch_areas=(),
                               occupied_marks=frozenset())
    mentions = [m for m in gazetteer.find(text, sentence.start, sentence.end) if not _is_metonym(m, text)]
    signals = [(m.first, m.value.weight if m.value.value == "UA" else -m.value.weight)
               for m in rules.attackers.find_all(words)]
    signal = sum(w for _, w in signals)
    launch = _launch_places(sentence, words, mentions)
    # clauses, when the sentence has a clause break and two cues: their phrases may tell strikes both ways
    spans = _clause_spans(sentence) if len(signals) + len(mentions) >= 2 \
        and not CLAUSE_BREAKS.isdisjoint(wordset) else []
    clause_signals = [sum(w for i, w in signals if first <= i <= last) for first, last, _, _ in spans]
    both_ways = any(a > 0 for a in clause_signals) and any(a < 0 for a in clause_signals)
    russian = [m for m in mentions if m.entry.country == "RU" and not m.entry.occupied and m.entry.kind != "country"]
    if both_ways:
        # a Russian place is a launch area only in a clause telling a Russian strike
        for (first, last, lo, hi), clause_signal in zip(spans, clause_signals, strict=True):
            if clause_signal < 0 and not LAUNCH_CUES.isdisjoint(words[first:last + 1]):
                launch |= {m.start for m in russian if lo <= m.start < hi}
    elif signal <= 0 and (wordset & LAUNCH_CUES or sentence.text.lstrip().startswith(BULLETS)):
        launch |= {m.start for m in russian}
    occupied = frozenset(m.start for m in mentions if _word_before(text, sentence.start, m.start) in OCCUPIED_WORDS)
    # a capital after a locative word is a place struck, except in a sentence about talks ("envoy in Moscow")
    scores = [(m.start, _place_score(m, launch, occupied, not diplomatic and (
        _struck_at(text, sentence.start, m) or _city_official(m, text)))) for m in mentions]
    side = signal + sum(score for _, score in scores)
    clauses: tuple[tuple[int, int, int], ...] = ()
    if spans:
        sides = [s + sum(score for at, score in scores if lo <= at < hi)
                 for (_, _, lo, hi), s in zip(spans, clause_signals, strict=True)]
        if any(s > 0 for s in sides) and any(s < 0 for s in sides):
            clauses = tuple((lo, hi, s) for (_, _, lo, hi), s in zip(spans, sides, strict=True))
    dates = sentence_dates(sentence, published)
    mentions += _unlisted_places(sentence, mentions, "RU" if side > 0 else "UA")
    mentions.sort(key=lambda m: m.start)
    return SentenceContext(
        sentence=sentence, words=words, attack=attack, period=period, point_spans=point_spans, diplomatic=diplomatic,
        side_score=side, wave_date=pick_wave_date(sentence, dates),
        places=tuple(m for m in mentions if m.start not in launch),
        launch_areas=tuple(m for m in mentions if m.start in launch),
        occupied_marks=occupied, clauses=clauses,
    )


# words right before a capital that make it the place where something happened ("were injured in Kyiv")
CAPITAL_LOCATIVES = frozenset({"in", "on", "over", "across", "near", "around", "outside", "struck", "hit",
                               "attacked", "targeted", "pounded", "shelled"})


def _struck_at(text: str, lo: int, m: PlaceMention) -> bool:
    """A capital named as where a strike fell: an attack word, then a locative word right before it ("four
    were killed in Kyiv", "drones over Moscow"); not "In Kyiv, the General Staff said" nor "pressure on
    Moscow"."""
    if m.entry.name not in CAPITALS:
        return False
    before = norm(text[max(lo, m.start - 50):m.start].lower()).split()[-5:]
    return bool(before) and before[-1] in CAPITAL_LOCATIVES and not ATTACK_WORDS.isdisjoint(before)


def capital_in_passing(m: PlaceMention, text: str, lo: int) -> bool:
    """A capital that opens the sentence as the scene of what follows, with no attack word in the four
    words after it ("In Moscow, the Kremlin repeated ...": where a government speaks, not a place struck;
    not "In Kyiv, four people were killed")."""
    if m.entry.name not in CAPITALS or len(text[lo:m.start].split()) > 2 or text[m.end:m.end + 1] != ",":
        return False
    after = norm(text[m.end + 1:m.end + 40].lower()).replace(",", " ").split()[:4]
    return ATTACK_WORDS.isdisjoint(after)


def _place_score(m: PlaceMention, launch: set[int], occupied: frozenset[int], struck: bool = False) -> int:
    """What a place named in an attack sentence says of its side: a place in Russia +2, in Ukraine -1;
    a capital only where a strike is said to fall in it (``_struck_at``): +1 / -1."""
    if m.start in launch or m.entry.kind == "country":
        return 0  # "Russia" names a government as often as a place
    if m.entry.name in CAPITALS:
        if not struck or m.entry.country not in ("UA", "RU"):
            return 0  # "Moscow" and "Kyiv" name governments as often as places
        return 1 if m.entry.country == "RU" else -1
    if m.entry.country == "RU" and not m.entry.occupied:
        return 2
    if m.entry.country == "UA" and not m.entry.occupied and m.start not in occupied:
        return -1
    return 0


# words that may start a new clause; "as", "and" and "but" only before a side named as subject
CLAUSE_BREAKS = frozenset({";", "while", "whereas", "meanwhile", "as", "and", "but"})
STRONG_BREAKS = frozenset({";", "while", "whereas", "meanwhile"})
SUBJECT_WORDS = frozenset({"russia", "ukraine", "moscow", "kyiv", "russian", "ukrainian", "russia's",
                           "ukraine's", "russia’s", "ukraine’s"})


def _clause_spans(sentence: Sentence) -> list[tuple[int, int, int, int]]:
    """(first token, last token, start char, end char) of each clause of a sentence: a clause ends
    before ";", "while", "whereas", "meanwhile", or "as"/"and"/"but" followed by a side ("as Russia
    pounds ...")."""
    words = sentence.words
    cuts = [i for i, w in enumerate(words) if 0 < i < len(words) - 1 and w in CLAUSE_BREAKS
            and (w in STRONG_BREAKS or words[i + 1] in SUBJECT_WORDS)]
    if not cuts:
        return []
    toks = sentence.tokens
    out = []
    first = 0
    for cut in [*cuts, len(words)]:
        if cut > first:
            last = cut - 1
            end = toks[cut].start if cut < len(words) else sentence.end
            out.append((first, last, toks[first].start, end))
        first = cut
    return out


def _word_before(text: str, lo: int, at: int) -> str:
    """The word right before offset ``at`` (within 20 characters, not before ``lo``), or ""."""
    words = norm(text[max(lo, at - 20):at].lower()).split()
    return words[-1] if words else ""


# "the village of Samarivka", "Kutsurub village", "the Bibrka community": places the gazetteer lacks
_SETTLEMENT = (r"(?:village|town|settlement|hamlet|city|community|hromada|urban-type\s+settlement)")
_NAME = r"[A-Z][a-z'’\-]*[a-z](?:[- ][A-Z][a-z'’\-]*[a-z])?"
_UNLISTED = Gated(re.compile(
    rf"\b{_SETTLEMENT}\s+of\s+(?P<a>{_NAME})|\b(?P<b>{_NAME})\s+(?:village|community|hromada)\b"),
    ("village", "town", "settlement", "hamlet", "city", "community", "hromada"))


def _unlisted_places(sentence: Sentence, known: Sequence[PlaceMention], country: str) -> list[PlaceMention]:
    """Settlements named with a settlement word but absent from the gazetteer (no coordinates)."""
    out: list[PlaceMention] = []
    for m in _UNLISTED.finditer(sentence.text):
        group = "a" if m.group("a") else "b"
        start, end = sentence.start + m.start(group), sentence.start + m.end(group)
        if any(k.start < end and start < k.end for k in known):
            continue
        name = m.group(group)
        entry = GazetteerEntry(key=f"unlisted.{name.lower()}", name=name, kind=PlaceKind.CITY, admin1=None,
                               country=country, lat=None, lon=None, occupied=False)
        out.append(PlaceMention(start, end, name, entry))
    return out


def place_counts_for(m: PlaceMention, attacker: str, ctx: SentenceContext) -> bool:
    """Whether a place named in an attack sentence is a place of this attacker's wave."""
    entry = m.entry
    if entry.kind == "country":
        if entry.country in ("UA", "RU") or entry.name in ("Ukraine", "Russia"):
            return False
        return bool(set(ctx.words) & AIRSPACE_WORDS)
    if entry.kind == "sea":
        return attacker == "UA"  # Ukrainian drones downed over the Black Sea; Russia fires from it
    if entry.kind == "other" and any(w in entry.name.lower() for w in NOT_TARGET_PLACES):
        return False  # rivers, reservoirs and power plants are features, not places struck
    occupied = entry.occupied or m.start in ctx.occupied_marks
    if attacker == "RU":
        # in a report of a Russian strike an occupied place is where weapons came from
        return entry.country == "UA" and not occupied
    return entry.country == "RU" or occupied


CITY_WORDS = frozenset({"city", "city's"})
# words that make "city" name no city told before: "a city in the south", "another city"
NEW_CITY_WORDS = frozenset({"a", "an", "another", "any", "each", "every", "other", "one", "regional", "no"})
ADJECTIVE_ENDINGS = ("ern", "ian", "ish")


def city_anaphora(sentence: Sentence) -> list[int]:
    """Token indices of "city" words that refer back to a city named before: "the city", "the city's
    Shevchenkivskyi district", "City services", "in western Ukrainian city"; not "the city of
    Lviv", "a city", "the regional city" nor "the second city Kharkiv" (a name follows)."""
    words = sentence.words
    out = []
    for i, w in enumerate(words):
        if w not in CITY_WORDS:
            continue
        nxt = sentence.tokens[i + 1].text if i + 1 < len(words) else ""
        if nxt == "of" or (w == "city" and nxt[:1].isupper() and nxt.lower() not in WEEKDAY_WORDS):
            continue
        j = i - 1
        while j >= 0 and words[j].endswith(ADJECTIVE_ENDINGS):
            j -= 1  # "the northeastern city", "western Ukrainian city"
        if j < 0 or words[j] not in NEW_CITY_WORDS:
            out.append(i)
    return out


REGION_WORDS = frozenset({"region", "region's", "oblast"})


def region_anaphora(sentence: Sentence) -> list[int]:
    """Token indices of "the region" that refer back to an oblast named before ("Three people were
    killed in the region, the governor said"); not "the region of Odesa", "the Kherson region" (a name)
    nor "a region" or "the wider region" (a new or vaguer area)."""
    words = sentence.words
    out = []
    for i, w in enumerate(words):
        if w not in REGION_WORDS or i == 0 or words[i - 1] != "the":
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt != "of":
            out.append(i)
    return out


OFFICIAL_WORDS = frozenset({"officials", "official", "governor", "mayor", "authorities", "administration",
                            "police", "council", "residents", "headquarters", "head", "chief", "governor's"})
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# words between a place and the body it names: "the Donetsk regional military administration", "the
# Krasnodar region's emergency headquarters", "the Kharkiv city council"
BODY_MODIFIERS = frozenset({"'s", "’s", "region's", "region’s", "regional", "oblast's", "oblast", "city", "city's",
                            "emergency", "military", "state", "civil", "local", "operational", "operations", "crisis",
                            "press"})


def is_aside(m: PlaceMention, text: str) -> bool:
    """A place named only to describe someone or something else: "Krasnodar officials said", "the
    Krasnodar region's emergency headquarters", "the head of the Donetsk regional administration",
    "the Zhytomyr region west of Kyiv" (a landmark), not where a strike fell."""
    after = text[m.end:m.end + 45].replace("'s ", " 's ").replace("’s ", " ’s ").split()
    for w in after[:4]:
        word = w.lower()
        if word.strip(",.;:") != word:
            if word.strip(",.;:") in OFFICIAL_WORDS:
                return True
            break  # a clause ends at the punctuation; a landmark before it may still be an aside
        if word in OFFICIAL_WORDS:
            return True
        if word not in BODY_MODIFIERS:
            break
    before = text[max(0, m.start - 20):m.start].lower().split()
    return len(before) >= 2 and before[-1] == "of" and before[-2] in COMPASS_WORDS
