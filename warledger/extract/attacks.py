"""Attack waves: figures, places, launch areas and targets grouped by attacker and night.

1. Each sentence about a strike is analysed (``context``): who struck whom, its wave date,
   its places; figures (``figures``) and targets (``targets``) are read from it.
2. A sentence with a date opens (or rejoins) the wave of that attacker and day; one
   without joins the attacker's current wave. A date given in comparison ("the largest
   since July 9, when ...") opens a wave without making it current. A clause telling the other
   side's strike ("..., while Russia launched 90 drones at Ukraine") gives its targets, figures
   and places to that side's wave.
3. Places become the wave's places unless launched from; casualty figures take the nearest
   place in the sentence or the paragraph ("In Lviv, one person was killed"); "the city" is the
   city last named in the attacker's strikes; a restatement gives a place-less figure its place.
4. Waves without a date get the publication day (precision ``approx``); a figure that
   restates another of its wave is dropped, and so is a heading's bound ("climbs past 120")
   that the lines under it give exactly; unclassed missiles hit or shot down take the one
   class the wave launched.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..records import (
    PERSONS,
    WEAPONS,
    Attack,
    DatePrecision,
    Evidence,
    Figure,
    Measure,
    Place,
    PlaceKind,
    Qualifier,
    Target,
    What,
)
from ..resolve.gazetteer import Gazetteer, GazetteerEntry, PlaceMention
from .attribution import attribution
from .context import (
    CITY_WORDS,
    REGION_WORDS,
    SentenceContext,
    analyse,
    capital_in_passing,
    city_anaphora,
    is_aside,
    may_be_about_attack,
    place_counts_for,
    region_anaphora,
)
from .dates import DateKind, DateMention, sentence_dates
from .figures import figures_in, is_bullet
from .phrases import norm
from .prefilter import Gated
from .readings import RawFigure
from .rules import RuleSet
from .targets import NAME_WORDS_LOWER, TargetMention, among_targets, damage_near, targets_in
from .text import Sentence, split_sentences, words_before

STRIKE_WORDS = frozenset({
    "struck", "strike", "strikes", "hit", "attack", "attacks", "attacked", "targeted", "targeting", "pounded",
    "pounding", "bombarded", "shelled", "launched", "barrage", "damaged", "destroyed", "killed", "injured",
    "explosions", "blasts", "fell", "debris", "impacts", "impact", "fire", "fires", "blaze", "drone", "drones",
    "missile", "missiles", "shahed", "shaheds", "uav", "uavs", "bomb", "bombs", "explosion", "shelling", "damage",
    "affected", "fragments", "wreckage", "crashed", "blow", "blows",
})
# bare plural nouns that say "homes were hit" without naming a facility
GENERIC_TARGETS = frozenset({"homes", "apartments", "buildings", "flats", "plants", "facilities",
                             "infrastructure facilities", "sites", "objects", "factories", "enterprises",
                             "apartment", "facility", "plant", "site", "object", "depot", "mission",
                             "delegation", "delegations", "target", "targets", "civilian facility",
                             "civilian facilities", "civilian targets", "military targets"})
HOME_TO = re.compile(r"\s+to\b")
# a quantifier before "home" makes it every home, not one that was hit ("until every home has light");
# "at home" says where people are ("families were at home"), not a building struck
HOME_QUANTIFIERS = ("every", "each", "no", "any", "at")
ANY_OF_KIND = frozenset({"every", "any", "no"})  # before a target: the kind in general, no facility hit
# "agreed to halt strikes on energy": a truce about strikes, not a strike
VAGUE_PLACE = re.compile(r"(?:north|south|east|west|central)(?:ern)?\b", re.IGNORECASE)
BACKGROUND_WORDS = frozenset({"earlier", "previous", "past", "prior", "former"})
STRIKE_NOUNS = frozenset({"strikes", "attacks", "strike", "attack", "bombardments", "barrages"})


def _background(words: tuple[str, ...]) -> bool:
    """'earlier strikes', 'previous attacks': the sentence recalls other nights."""
    if BACKGROUND_WORDS.isdisjoint(words):
        return False
    return any(w in BACKGROUND_WORDS and nxt in STRIKE_NOUNS for w, nxt in itertools.pairwise(words))


GENERAL_VERBS = frozenset({"are", "remain"})


def _general_strikes(words: tuple[str, ...]) -> bool:
    """"strikes on drone depots and the X plant are meant to ...": what such strikes do or are for, told
    in the present, not a strike of the night (a present verb ends the phrase "strikes on ...")."""
    if GENERAL_VERBS.isdisjoint(words) or ("on" not in words and "against" not in words):
        return False
    for i, (w, nxt) in enumerate(itertools.pairwise(words)):
        if w in STRIKE_NOUNS and nxt in ("on", "against"):
            for x in words[i + 2:i + 12]:
                if x in GENERAL_VERBS:
                    return True
                if x in (",", ";", ".", ":", "—", "–"):
                    break
    return False


# photo captions: "... on February 4, 2026 [Name/Agency]", "(AP Photo/...)", "in this screengrab"
CAPTION = Gated(re.compile(r"\[[^\]]*/[^\]]*\]\s*$|\((?:AP|AFP|Reuters) Photo|Photograph:"
                           r"|in this (?:screengrab|image|photo)|\bvia (?:Reuters|REUTERS|AP|Getty)"
                           r"|\bPhoto(?:graph)?s?:\s|Getty Images"),
                ("[", "Photo", "in this ", "via ", "Getty Images"))
# a daytime attack after the night's raid: "later Tuesday", "since the start of the day"
DAYTIME = Gated(re.compile(
    r"\blater (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|that day|in the day)"
    r"|\bsince the start of the day|\bduring the day\b|\bin the afternoon\b|\bdaytime\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) afternoon\b"
    r"|\b(?:around|at|about|shortly after|shortly before) (?:midday|noon)\b|\bthis afternoon\b"),
    ("later ", "the day", "afternoon", "daytime", "midday", "noon"))
# "on the day of the Geneva talks": the date the article gives those talks
EVENT_DAY = Gated(re.compile(
    r"\bthe (?:very )?day (?:of )?the (?P<name>[A-Z][a-z]+ )?(?:talks|summit|meeting|negotiations)"), ("day ",))
TALK_WORDS = ("talks", "summit", "meeting", "negotiations")
# "on the night of the Syzran attack": the date an earlier sentence gives the strike on that place
NIGHT_OF = Gated(re.compile(r"\b(?:night|day) of the (?P<name>[A-Z][\w-]+) (?:attack|strike|raid)\b"), ("of the ",))
# ("30 days without strikes on power plants" too: strikes that did not happen)
TRUCE = Gated(re.compile(r"\b(?:halt|halting|pause|pausing|stop|stopping|ban|banning|moratorium\s+on|refrain\s+from|"
                         r"suspend|suspending|without)\s+(?:\w+\s+){0,3}(?:strikes|attacks|attacking|striking)\b",
                         re.IGNORECASE), ("strik", "attack"))
# what a sentence says is aimed at or would be spared, not struck: sanctions "targeting" a fleet, strikes
# that would stop or a moratorium on them ("if Russian shelling of our power plants stops, ..."), strikes
# a claim is said to justify
NOT_STRUCK = Gated(re.compile(r"\bsanctions?\b[^.;:]{0,40}\btarget(?:ing|s|ed)?\b"
                              r"|\bif\b[^.;:]{0,60}\b(?:stops?|ends?|ceases?|halts?)\b"
                              r"|\bmoratorium\s+on\b|\bjustify\b[^.;:]{0,20}\b(?:strikes|attacks)\b", re.IGNORECASE),
                   ("sanction", "if ", "moratorium", "justify"))
# "Injured count climbs past 120": words before a heading's number that make it a bound, not a count
# "11 that were heading for Moscow", "12 flying towards the capital": the place the weapons were aimed at
HEADING_FOR = re.compile(r"\s+(?:(?:that|which)\s+(?:were|was)\s+)?(?:heading|headed|flying)\s+(?:for|to|towards?)"
                         r"\s+(?:the\s+)?")
# a place named only to locate the one before it (", near the village of Volna")
NEAR_LOCATOR = re.compile(r",\s+(?:near|outside|close\s+to)\s+(?:the\s+(?:village|town|city|settlement)\s+of\s+)?$",
                          re.IGNORECASE)
# where only some of a count were ("11 people were injured, most of them in Bila Tserkva")
SOME_OF_THEM = re.compile(r"\b(?:most|many|some|several|mostly|majority|part)\b(?:\s+of\s+(?:them|those))?"
                          r"\s+in\s+(?:the\s+)?$", re.IGNORECASE)
# what stands between a region and the weapons counted over it in a ministry's breakdown ("the Bryansk
# Region accounted for 41 drones, the Kursk Region for 23"; "Belgorod region - 17")
ACCOUNTED_FOR = re.compile(r"\s+accounted\s+for\s+|\s*[:\u2013\u2014-]\s*")
ACCOUNTED_FOR_AGAIN = re.compile(r"\s+for\s+")  # the list going on after "accounted for"
# what stands between two figures of one list ("6,000 drones, about 150 missiles and over 5,000 bombs")
LIST_GAP = re.compile(r",?\s+(?:and\s+)?|,\s*")
# the capital a side's strikes fall on, and the words before "capital" that make it that one
CAPITAL_OF = {"RU": ("Kyiv", frozenset({"the", "ukrainian", "ukraine's"})),
              "UA": ("Moscow", frozenset({"the", "russian", "russia's"}))}
# the words that tell a facility as a side's own ("Ukrainian power plants", "Russia's refineries")
OWN_SIDE = {"UA": frozenset({"ukrainian", "ukraine's", "kyiv's"}), "RU": frozenset({"russian", "russia's", "moscow's"})}
PAST_WORDS = frozenset({"past", "tops", "topped", "exceeds", "exceeded", "surpasses", "surpassed", "beyond"})
# a count of the whole night, not of the city told in the paragraph before
WHOLE_NIGHT_WORDS = frozenset({"total", "overall", "nationwide", "country", "altogether", "combined", "across"})
COMPARISON_WORDS = frozenset({"since", "than", "compared", "record", "previous", "largest", "biggest"})


@dataclass
class _Wave:
    """A wave while it is being assembled (mutable on purpose; frozen into an Attack at the end)."""

    attacker: str
    day: date | None
    date_evidence: Evidence | None
    order: int
    figures: list[Figure] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    launch_areas: dict[str, Place] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    dated_only: bool = False  # a strike the text dates but gives no figures, places or targets for
    # opened by a date earlier than its attacker's current wave ("the previous largest attack came on the
    # night of July 3-4"): another night recalled, whose later figures may restate the current one's
    recalled: bool = False


def to_place(m: PlaceMention) -> Place:
    e = m.entry
    return Place(name=e.name, kind=PlaceKind(e.kind), admin1=e.admin1, country=e.country, lat=e.lat,
                 lon=e.lon, evidence=Evidence(m.start, m.end, m.surface))


class _Assembler:
    def __init__(self, text: str, published: date | None, rules: RuleSet, gazetteer: Gazetteer) -> None:
        self.text = text
        self.published = published
        self.rules = rules
        self.gazetteer = gazetteer
        self.waves: dict[tuple[str, date | None, bool], _Wave] = {}
        self.current: dict[str, tuple[str, date | None, bool]] = {}
        self.last_date: DateMention | None = None
        self.last_side: tuple[int, str] | None = None       # (paragraph, attacker)
        self.last_place: tuple[int, str, Place] | None = None  # (paragraph, attacker, place)
        # per attacker: the last place named in its strikes, and the last city ("the city" names it)
        self.named: dict[str, tuple[GazetteerEntry, GazetteerEntry | None]] = {}
        self.regions: dict[str, GazetteerEntry] = {}  # per attacker: the last oblast named ("the region")
        self.paragraph_cities: dict[tuple[int, str], set[str]] = {}  # (paragraph, attacker) -> cities it names
        self.blocks: dict[int, int] = {}  # evidence start of each figure kept -> its sentence's block
        self.previous: list[RawFigure] = []
        self.context_date: dict[str, tuple[date | None, Evidence | None]] = {}
        self.noted: dict[int, Sentence] = {}  # sentences about no attack, by index: they may name the day
        self.last_dated: tuple[int, date, Evidence] | None = None  # the last wave date, any attacker
        self.sentences: list[Sentence] = []
        self.heading_figures: list[RawFigure] = []  # figures of the last line that was not a bullet
        self.after_bullets = False
        self.heading: tuple[int, Measure | None] | None = None  # (block, measure) of the last heading line
        # approximate figures of a heading line, until the lines under it give them exactly:
        # (heading sentence, its wave, the figure, the qualifier it reads as)
        self.heading_tolls: list[tuple[Sentence, _Wave, Figure, Qualifier]] = []
        self.restated: list[tuple[int, int]] = []  # evidence spans of figures dropped as restatements
        self.span_told: tuple[int, int] | None = None  # (index, paragraph) of the last sentence of a span's totals

    def wave(self, attacker: str, day: date | None, evidence: Evidence | None, *, make_current: bool,
             daytime: bool = False) -> _Wave:
        """The wave of this attacker and day (opened if new); a daytime attack is a wave of its own."""
        key: tuple[str, date | None, bool] = (attacker, day, daytime)
        if day is None and attacker in self.current:
            key = self.current[attacker]
            if daytime:
                key = (attacker, key[1], True)
        wave = self.waves.get(key)
        if wave is None:
            wave = _Wave(attacker, key[1], evidence, len(self.waves))
            current = self.waves.get(self.current[attacker]) if attacker in self.current else None
            wave.recalled = key[1] is not None and current is not None and current.day is not None \
                and key[1] < current.day
            self.waves[key] = wave
        if (make_current and not daytime) or attacker not in self.current:
            self.current[attacker] = key
        return wave

    def _goes_on_with_span(self, s: Sentence) -> bool:
        """Whether the sentence comes right after one that told a span's totals, in its paragraph: with no
        count or date of its own it tells more of that span, not a wave."""
        return self.span_told is not None and self.span_told == (s.index - 1, s.paragraph)

    def _capital(self, ctx: SentenceContext, attacker: str) -> list[PlaceMention]:
        """"the capital" stands for the struck side's capital: Kyiv in a report of a Russian strike, Moscow
        in one of a Ukrainian strike ("drones flying toward the capital were downed, Sobyanin said")."""
        if ("capital" not in ctx.words and "capital's" not in ctx.words) or attacker not in CAPITAL_OF:
            return []
        name, owners = CAPITAL_OF[attacker]
        entry = self.gazetteer.lookup(name)
        if entry is None:
            return []
        out = []
        toks = ctx.sentence.tokens
        for i, w in enumerate(ctx.words):
            if w in ("capital", "capital's") and i > 0 and ctx.words[i - 1] in owners:
                out.append(PlaceMention(toks[i - 1].start, toks[i].end, self.text[toks[i - 1].start:toks[i].end],
                                        entry))
        return out

    def _city_anaphora(self, ctx: SentenceContext, attacker: str, places: list[PlaceMention]) -> list[PlaceMention]:
        """"the city", "the city's ... district": the city last named in this attacker's strikes, when no
        place named since lies outside it and the sentence names no city of its own."""
        if CITY_WORDS.isdisjoint(ctx.words) or any(m.entry.kind == "city" for m in places):
            return []
        last, city = self.named.get(attacker, (None, None))
        if city is None or last is None or (last is not city and city.admin1 != last.name):
            return []
        toks = ctx.sentence.tokens
        return [PlaceMention(toks[i].start, toks[i].end, toks[i].text, city) for i in city_anaphora(ctx.sentence)]

    def _region_anaphora(self, ctx: SentenceContext, attacker: str,
                         places: list[PlaceMention]) -> list[PlaceMention]:
        """"in the region", "the region's governor": the oblast last named in this attacker's strikes,
        when the sentence names no oblast of its own and no place named since lies outside that oblast
        (agency copy names the oblast once, then counts its dead "in the region")."""
        if REGION_WORDS.isdisjoint(ctx.words) or any(_first_level(m.entry) for m in places):
            return []
        last, _ = self.named.get(attacker, (None, None))
        region = self.regions.get(attacker)
        if places:  # "In Odesa, ... a plant in the region": the oblast of the sentence's own place
            admin1 = {m.entry.admin1 for m in places}
            region = self.gazetteer.lookup(admin1.pop() or "") if len(admin1) == 1 else None
            last = region
        if region is None or not _first_level(region) or last is None \
                or (last is not region and last.admin1 not in (region.name, region.admin1)):
            return []
        toks = ctx.sentence.tokens
        return [PlaceMention(toks[i - 1].start, toks[i].end, self.text[toks[i - 1].start:toks[i].end], region)
                for i in region_anaphora(ctx.sentence)]

    def _note_places(self, attacker: str, places: list[PlaceMention], paragraph: int) -> None:
        """Remember the sentence's main place for the figures after it (a city before an oblast; not a
        place named in passing, "Krasnodar officials"), and the last place and city it names."""
        kept = [m for m in places if not is_aside(m, self.text)] or places
        cities = [m for m in kept if m.entry.kind == "city"]
        self.paragraph_cities.setdefault((paragraph, attacker), set()).update(m.entry.name for m in cities)
        if not self._told_inside(kept, attacker, paragraph):
            self.last_place = (paragraph, attacker, to_place(_main_place(kept, cities)))
        ordered = sorted(kept, key=lambda m: m.start)
        last_city = next((m.entry for m in reversed(ordered) if m.entry.kind == "city"),
                         self.named.get(attacker, (None, None))[1])
        self.named[attacker] = (ordered[-1].entry, last_city)
        last_region = next((m.entry for m in reversed(ordered) if _first_level(m.entry)), None)
        if last_region is not None:
            self.regions[attacker] = last_region

    def sentence(self, ctx: SentenceContext) -> None:
        s = ctx.sentence
        if ctx.period == "span":
            self.previous = []
            self.span_told = (s.index, s.paragraph)
            return  # a week's or a war's totals: statistics, not a wave
        heading = self.heading[1] if self.heading and self.heading[0] == s.block and is_bullet(s) else None
        if self.after_bullets and not is_bullet(s) and self.heading_figures:
            self.previous = self.heading_figures[:1]  # "... neutralised 87 of these": the list's total
        raw = figures_in(s, self.text, self.rules, self.previous, heading)
        if ctx.point_spans:
            raw = self._not_of_points(raw, ctx.point_spans)
        self.previous = raw
        if not raw and ctx.wave_date is None and self._goes_on_with_span(s):
            return  # "Over the week Russia used 1,200 bombs. Most fell on front-line areas of X": the week's
        if not is_bullet(s):
            explicit = [f.measure for f in raw if f.explicit]
            self.heading = (s.block, explicit[-1]) if explicit else (s.block, None)
            if raw:
                self.heading_figures = raw
        self.after_bullets = is_bullet(s)
        targets = [] if NOT_STRUCK.search(s.text) else [
            t for t in targets_in(s, self.text, ctx.words, self.rules) if not _generic(t, self.text)]
        if ctx.side_score > 0:
            attacker = "UA"
        elif ctx.side_score < 0:
            attacker = "RU"
        elif self.last_side is not None and (self.last_side[0] == s.paragraph
                                             or all(f.what not in WEAPONS for f in raw)):
            # a later paragraph with no signal goes on with the strike told before ("He said one man
            # had died"), unless it counts weapons: a tally with no side is Russia's nightly one
            attacker = self.last_side[1]
        else:
            attacker = self._narrative_side(s.index) or "RU"
        # clauses telling the other side's strike ("..., while Russia launched ... at Ukraine") keep their
        # targets, figures and places for that side's wave
        others = [(lo, hi, side) for lo, hi, score in ctx.clauses
                  if score and (side := "UA" if score > 0 else "RU") != attacker]
        if others:
            def mine(at: int) -> bool:
                return not any(lo <= at < hi for lo, hi, _ in others)

            clause_items = [(lo, hi, side, [t for t in targets if lo <= t.evidence.start < hi],
                             [f for f in raw if lo <= f.evidence.start < hi]) for lo, hi, side in others]
            targets = [t for t in targets if mine(t.evidence.start)]
            raw = [f for f in raw if mine(f.evidence.start)]
        # districts ("Shevchenkivskyi" is in Kyiv, Kharkiv, Lviv and Zaporizhzhia) and vague regions
        # ("southern Ukraine") are not places of a wave: the city is, named elsewhere in the report
        places = [m for m in self._places(ctx, attacker) if not others or mine(m.start)] + self._capital(ctx, attacker)
        places += self._city_anaphora(ctx, attacker, places)
        places += self._region_anaphora(ctx, attacker, places)
        if not raw and (_background(ctx.words) or _general_strikes(ctx.words)):
            return  # "earlier strikes on Boeing offices in Kyiv": another night; "strikes on X are meant to"
        if places:
            self._note_places(attacker, places, s.paragraph)
        striking = (not STRIKE_WORDS.isdisjoint(ctx.words) or among_targets(ctx.words)) and not TRUCE.search(s.text)
        day, date_ev, comparison = self._date(ctx)
        if ctx.side_score:
            self.last_side = (s.paragraph, attacker)
        if others:
            for lo, hi, side, clause_targets, clause_raw in clause_items:
                self._clause(ctx, side, lo, hi, clause_targets, clause_raw, day, date_ev)
        launch = [m for m in ctx.launch_areas if not others or mine(m.start)]
        # a capital where a government speaks opens no wave by itself
        placed = any(not capital_in_passing(m, self.text, s.start) for m in places)
        if not (raw or (striking and (targets or placed or launch))):
            damaged = [t for t in targets if damage_near(ctx.words, t.first, t.last)] if not striking else []
            side = attacker if ctx.side_score or self.last_side is None else self.last_side[1]
            if damaged and side in self.current:
                # "A kindergarten lost its windows", told after the wave: the damage is the last wave's
                wave = self.waves[self.current[side]]
                for t in damaged:
                    self._add_target(wave, t, places)
                return
            if striking and day is not None and not comparison:
                # "Russia said on Friday it used ...": dates the figures that follow
                self.context_date.setdefault(attacker, (day, date_ev))
                if ctx.side_score:
                    self.wave(attacker, day, date_ev, make_current=False).dated_only = True
            return
        self.last_side = (s.paragraph, attacker)
        if day is None and attacker not in self.current and attacker in self.context_date:
            day, date_ev = self.context_date[attacker]
        wave = self.wave(attacker, day, date_ev, make_current=not comparison,
                         daytime=bool(raw) and DAYTIME.search(s.text) is not None)
        for m in places:  # a place already in the wave is not made again (``to_place`` keeps the entry's name)
            if m.entry.name not in wave.places:
                wave.places[m.entry.name] = to_place(m)
        for m in launch:
            if m.entry.name not in wave.launch_areas:
                wave.launch_areas[m.entry.name] = to_place(m)
        for t in targets:
            self._add_target(wave, t, places)
        for fig in raw:
            fig_attacker = fig.side if fig.side in ("UA", "RU") and fig.what in WEAPONS else attacker
            target = wave if fig_attacker == attacker else self.wave(fig_attacker, day, date_ev, make_current=True)
            self._add_figure(target, fig, ctx, places, raw)

    def _not_of_points(self, raw: list[RawFigure], spans: tuple[tuple[int, int], ...]) -> list[RawFigure]:
        """The figures not counted at a past point in time: not near its cue ("in January, 4,000 drones"),
        nor listed with one that is ("..., about 150 missiles and over 5,000 bombs": the same month's)."""
        groups: list[list[RawFigure]] = []  # the figures listed together ("4,100 drones and nearly 200 missiles")
        end = -1
        for f in sorted(raw, key=lambda f: f.evidence.start):
            if groups and LIST_GAP.fullmatch(self.text, end, f.evidence.start) is not None:
                groups[-1].append(f)
            else:
                groups.append([f])
            end = f.evidence.end
        # a list is counted at the point when one of its figures stands near the cue, before or after it
        return [f for group in groups if not any(
            abs(f.evidence.start - a) < 60 or abs(b - f.evidence.end) < 60 for f in group for a, b in spans)
            for f in group]

    def _places(self, ctx: SentenceContext, attacker: str) -> list[PlaceMention]:
        """The places of the sentence that are places of this attacker's wave."""
        return [m for m in ctx.places if place_counts_for(m, attacker, ctx) and m.entry.kind != "other"
                and not VAGUE_PLACE.match(m.entry.name)]

    def _clause(self, ctx: SentenceContext, attacker: str, lo: int, hi: int, targets: list[TargetMention],
                raw: list[RawFigure], day: date | None, date_ev: Evidence | None) -> None:
        """A clause telling the other side's strike: its targets, figures and places go to that side's
        wave, of the sentence's day only when the date is told in the clause (or nowhere in the sentence)."""
        places = [m for m in self._places(ctx, attacker) if lo <= m.start < hi]
        launch = [m for m in ctx.launch_areas if lo <= m.start < hi]
        if not (raw or targets or places or launch):
            return
        d = ctx.wave_date
        if d is not None and not lo <= d.start < hi:
            day, date_ev = None, None
        wave = self.wave(attacker, day, date_ev, make_current=False)
        for m in places:
            wave.places.setdefault(m.entry.name, to_place(m))
        for m in launch:
            wave.launch_areas.setdefault(m.entry.name, to_place(m))
        for t in targets:
            self._add_target(wave, t, places)
        for fig in raw:
            self._add_figure(wave, fig, ctx, places, raw)

    def note_narrative_day(self, sentence: Sentence) -> None:
        """Remember a sentence about no attack: the day it names ("For a few hours on Saturday ...")
        makes a later bare "overnight" belong to that day rather than to the publication date."""
        self.noted[sentence.index] = sentence

    def _narrative(self, index: int) -> tuple[int, date] | None:
        """(sentence index, day) of the last day named in the two noted sentences before ``index``
        (an older one is too far to count); its dates are read only now, when a relative date asks."""
        paragraph = self.sentences[index].paragraph if index < len(self.sentences) else None
        for i in (index - 1, index - 2):
            sentence = self.noted.get(i)
            if sentence is None or sentence.paragraph != paragraph:
                continue  # another paragraph (a live blog's earlier post) tells another story
            days = [d.day for d in sentence_dates(sentence, self.published)
                    if d.kind in (DateKind.DAY, DateKind.EXPLICIT) and d.day is not None
                    and (self.published is None or d.day <= self.published)]
            if days:
                return i, days[-1]
        return None

    def _event_day(self, ctx: SentenceContext) -> tuple[date, Evidence] | None:
        """"on the day of the Geneva talks": the date another sentence gives the Geneva talks."""
        m = EVENT_DAY.search(ctx.sentence.text)
        if m is None:
            return None
        name = (m.group("name") or "").strip()
        for s in self.sentences:
            if s is ctx.sentence or not any(w in s.text for w in TALK_WORDS) or (name and name not in s.text):
                continue
            for d in sentence_dates(s, self.published):
                if d.day is not None and d.kind in (DateKind.DAY, DateKind.EXPLICIT):
                    start = ctx.sentence.start + m.start()
                    return d.day, Evidence(start, ctx.sentence.start + m.end(), m.group())
        return None

    def _night_of(self, ctx: SentenceContext) -> tuple[date, Evidence] | None:
        """"On the night of the Syzran attack": the date the last sentence naming Syzran gives it, the first
        date after the name in its part of the sentence ("... the Syzran refinery on 15 August; ...")."""
        m = NIGHT_OF.search(ctx.sentence.text)
        if m is None:
            return None
        name = m.group("name")
        for s in reversed(self.sentences[:ctx.sentence.index]):
            at = s.text.find(name)
            if at < 0:
                continue
            end = s.text.find(";", at)
            end = s.start + (end if end >= 0 else len(s.text))
            days = [d.day for d in sentence_dates(s, self.published) if d.day is not None
                    and s.start + at < d.start < end and d.kind in (DateKind.DAY, DateKind.EXPLICIT)]
            if not days:
                return None
            start = ctx.sentence.start + m.start()
            return days[0], Evidence(start, ctx.sentence.start + m.end(), m.group())
        return None

    def _date(self, ctx: SentenceContext) -> tuple[date | None, Evidence | None, bool]:
        d = ctx.wave_date
        if d is None:
            night = self._night_of(ctx)
            if night is not None:
                return night[0], night[1], False
            event = self._event_day(ctx)
            if event is not None:
                return event[0], event[1], False
            recent = self.last_dated
            narrative = self._narrative(ctx.sentence.index)
            if narrative is not None and (recent is None or recent[0] < narrative[0]):
                # "On Tuesday it was Primorsk's turn. The governor said 30 drones were downed": the day the
                # paragraph's opening told, though its sentence told no strike
                told = self.sentences[narrative[0]]
                said = next((x for x in reversed(sentence_dates(told, self.published)) if x.day == narrative[1]), None)
                lo, hi = (said.start, said.end) if said is not None else (told.start, told.end)
                return narrative[1], Evidence(lo, hi, self.text[lo:hi]), False
            if recent is not None and ctx.sentence.index - recent[0] <= 2:
                return recent[1], recent[2], False  # "The ministry claimed ..." right after "that night"
            return None, None, False
        if d.kind is DateKind.ANAPHORA:
            narrative = self._narrative(ctx.sentence.index)
            if narrative is not None and (self.last_date is None
                                          or self.last_date.start < self.sentences[narrative[0]].start):
                # "On the morning of 22 February ... Overnight into that Sunday": the day just told, though
                # its sentence told no strike
                resolved: date | None = narrative[1]
            elif self.last_date is None:
                return None, None, False
            else:
                resolved = self._anaphora_day(ctx.sentence, self.last_date)
        else:
            resolved = d.day
            self.last_date = d
            narrative = self._narrative(ctx.sentence.index) if d.kind is DateKind.RELATIVE else None
            if narrative is not None and resolved is not None and narrative[1] < resolved \
                    and "yesterday" not in ctx.sentence.text[
                        d.start - ctx.sentence.start:d.end - ctx.sentence.start].lower():
                resolved = narrative[1]  # "on Saturday ... what Russia had sent overnight"
            elif d.kind is DateKind.RELATIVE and resolved is not None:
                resolved = self._same_night(ctx.sentence, d, resolved)
        if resolved is not None:
            self.last_dated = (ctx.sentence.index, resolved, Evidence(d.start, d.end, self.text[d.start:d.end]))
        before = words_before(ctx.sentence, d.start, 3)
        comparison = any(w in COMPARISON_WORDS for w in before)
        return resolved, Evidence(d.start, d.end, self.text[d.start:d.end]), comparison

    def _narrative_side(self, index: int) -> str | None:
        """"On Tuesday it was the turn of Primorsk. ... 30 drones were shot down": a tally with no side
        after a sentence of its paragraph that named only Russian places (and told no strike) is of
        Ukraine's drones; None when no such sentence names a place."""
        paragraph = self.sentences[index].paragraph
        for i in (index - 1, index - 2):
            sentence = self.noted.get(i)
            if sentence is None or sentence.paragraph != paragraph:
                continue
            found = [m.entry for m in self.gazetteer.find(self.text, sentence.start, sentence.end)
                     if m.entry.kind not in ("country", "sea", "other")]
            if found and all(e.country == "RU" and not e.occupied for e in found):
                return "UA"
            if found:
                return None
        return None

    def _same_night(self, s: Sentence, d: DateMention, resolved: date) -> date:
        """A bare "overnight" in the paragraph that just dated its strike to an earlier night ("The week
        began with a strike on Sunday. ... 114 drones were downed overnight") is that night, not the
        night before publication."""
        recent = self.last_dated
        if self.text[d.start:d.end].lower() != "overnight" or recent is None or recent[1] >= resolved \
                or not 0 < s.index - recent[0] <= 2 or self.sentences[recent[0]].paragraph != s.paragraph:
            return resolved
        return recent[1]

    def _own_side(self, wave: _Wave, t: TargetMention) -> bool:
        """Whether the facility is told as the attacker's own ("Ukrainian power infrastructure", "Ukraine's
        damaged energy system" in a Ukrainian wave): another side's strike, or none, not this wave's target."""
        own = OWN_SIDE.get(wave.attacker, ())
        words = norm(self.text[max(0, t.evidence.start - 30):t.evidence.end].lower()).split()
        before = len(norm(self.text[max(0, t.evidence.start - 30):t.evidence.start].lower()).split())
        return any(w.strip(",.;:()\"") in own for w in words[max(0, before - 2):])

    def _anaphora_day(self, s: Sentence, last: DateMention) -> date | None:
        """The day "the same night" names: the last date told, unless that date, told two paragraphs or more
        before, dated a night recalled in the background; then the report's own night, the latest day of a
        wave not recalled ("Russia's attack the same night", after a paragraph recalling August strikes)."""
        told = next((x.paragraph for x in self.sentences if x.start <= last.start < x.end), s.paragraph)
        if last.day is None or told >= s.paragraph - 1:
            return last.day
        recalled = [w for w in self.waves.values() if w.day == last.day and w.recalled]
        main = [w.day for w in self.waves.values() if w.day is not None and not w.recalled]
        return max(main) if recalled and main and max(main) > last.day else last.day

    def _add_target(self, wave: _Wave, t: TargetMention, places: list[PlaceMention]) -> None:
        if self._own_side(wave, t):
            return
        near = [m for m in places if t.evidence.end <= m.start <= t.evidence.end + 40]
        place = to_place(near[0]) if near else None
        if all(x.name != t.name for x in wave.targets):
            wave.targets.append(Target(t.name, t.kind, t.evidence, place))

    def _figure_place(self, fig: RawFigure, ctx: SentenceContext, places: list[PlaceMention],
                      attacker: str, siblings: Sequence[RawFigure] = (),
                      wave_places: dict[str, Place] | None = None) -> Place | None:
        if fig.what in WEAPONS:
            # "34 over the Krasnodar region"; or the one place a sentence names ("attacked Sumy with 20 drones")
            after = [m for m in places if fig.evidence.end <= m.start <= fig.evidence.end + 45
                     and (_over(self.text[fig.evidence.end:m.start])
                          or HEADING_FOR.fullmatch(self.text[fig.evidence.end:m.start]) is not None)]
            if after:
                return to_place(after[0])
            listed = [m for m in places if 0 <= fig.evidence.start - m.end <= 20 and (
                ACCOUNTED_FOR.fullmatch(self.text, m.end, fig.evidence.start) is not None
                or (fig.evidence.text.startswith("accounted for") and not self.text[m.end:fig.evidence.start].strip())
                or (ACCOUNTED_FOR_AGAIN.fullmatch(self.text, m.end, fig.evidence.start) is not None
                    and "accounted for" in self.text[ctx.sentence.start:m.start]))]
            if listed:  # "the Bryansk Region accounted for 41 drones, the Kursk Region for 23"
                return to_place(listed[-1])
            named = {m.entry.name for m in places}
            claimed = any(other is not fig and other.evidence.end <= m.start <= other.evidence.end + 25
                          for other in siblings for m in places)
            return to_place(places[0]) if len(named) == 1 and not claimed else None
        places = [m for m in places if m.entry.kind != "sea"]  # no one is hurt or housed in the Black Sea
        # "at the port of Taman, near the village of Volna": the second place only locates the first
        places = [m for m in places if not (NEAR_LOCATOR.search(self.text, max(0, m.start - 40), m.start) and any(
            0 <= m.start - o.end <= 40 and o is not m for o in places))] or places
        if places:
            places = self._not_asides(places, ctx, attacker)
        if places:
            places = _same_part(self.text, fig, places)

            def distance(m: PlaceMention) -> int:
                return min(abs(m.start - fig.evidence.start), abs(m.start - fig.evidence.end))

            nearest = min(places, key=distance)
            if nearest.end <= fig.evidence.start and any(
                    m.entry.name != nearest.entry.name and m.entry.admin1 != nearest.entry.name
                    and nearest.entry.admin1 != m.entry.name and m.end <= nearest.start
                    and _JOINED_PLACES.fullmatch(self.text, m.end, nearest.start) for m in places):
                return None  # "slammed into buildings in Kyiv and Kharkiv overnight, killing one person": either
            apart = [f for f in siblings if f.what not in WEAPONS and not _apart(
                self.text, min(f.evidence.start, fig.evidence.start), max(f.evidence.end, fig.evidence.end))]
            if nearest.entry.kind in ("oblast", "region") and len(apart) <= 1:
                # "In the Sumy region, a man was killed ... near Shostka": the settlement in that region
                # (not one where only some of them were: "11 people were injured, most of them in Bila Tserkva")
                inside = [m for m in places if m.entry.kind == "city" and (
                    m.entry.admin1 == nearest.entry.name or m.entry.key.startswith("unlisted."))
                    and SOME_OF_THEM.search(self.text, max(0, m.start - 24), m.start) is None]
                if inside:
                    return to_place(min(inside, key=distance))
            return to_place(nearest)
        if self.last_place is not None and self.last_place[0] == ctx.sentence.paragraph \
                and self.last_place[1] == attacker and self.last_place[2].kind != "sea":
            return self.last_place[2]
        return self._only_city(ctx, attacker, wave_places or {})

    def _not_asides(self, places: list[PlaceMention], ctx: SentenceContext, attacker: str) -> list[PlaceMention]:
        """The places a casualty count may lie at: not a place that only names who reports it ("..., the
        head of the Donetsk regional administration said"). When the sentence names no other, the place
        told before in the paragraph, if it lies in the speaker's region ("The Krasnodar region's emergency
        service said two were hurt", after the Tuapse strike), else the speaker's place."""
        kept = [m for m in places if not is_aside(m, self.text)]
        if kept or len(places) != 1:
            return kept or places
        return [] if self._told_inside(places, attacker, ctx.sentence.paragraph) else places

    def _told_inside(self, places: list[PlaceMention], attacker: str, paragraph: int) -> bool:
        """Whether the sentence's one place only names a speaker ("the Krasnodar region's emergency
        service") whose region holds the city told before in the paragraph: that city stays its place."""
        last = self.last_place
        return len(places) == 1 and is_aside(places[0], self.text) and last is not None \
            and last[0] == paragraph and last[1] == attacker and last[2].kind == "city" \
            and last[2].admin1 is not None and last[2].admin1 == places[0].entry.admin1

    def _only_city(self, ctx: SentenceContext, attacker: str, wave_places: dict[str, Place]) -> Place | None:
        """A count told in the paragraph after the one that named the wave's only city ("Russia struck Kyiv
        overnight. [new paragraph] Five children were among the dead"): that city. A wave with several
        cities gives no place (the count may be the whole night's), unless that paragraph named no other
        city: it told that city's toll ("The toll in Dnipro rose to nine. [new paragraph] Another 38 were
        wounded"), and a count of the whole night says so ("in total", "across the country")."""
        last = self.last_place
        if last is None or last[1] != attacker or last[0] != ctx.sentence.paragraph - 1 or last[2].kind != "city":
            return None
        others = [p for p in wave_places.values() if p.kind == "city" and p.name != last[2].name]
        if not others:
            return last[2]
        named = self.paragraph_cities.get((last[0], attacker), set())
        return last[2] if named == {last[2].name} and WHOLE_NIGHT_WORDS.isdisjoint(ctx.words) else None

    def _add_figure(self, wave: _Wave, fig: RawFigure, ctx: SentenceContext, places: list[PlaceMention],
                    siblings: Sequence[RawFigure] = ()) -> None:
        place = self._figure_place(fig, ctx, places, wave.attacker, siblings, wave.places) \
            if fig.what in PERSONS or fig.what not in WEAPONS or places else None
        if place is None and fig.what not in WEAPONS and not places:
            # "The number of wounded has reached 21. Among them ...": the place the count was first told with
            told = [f.place for w in self.waves.values() if w.attacker == wave.attacker for f in w.figures
                    if f.place is not None and (f.measure, f.what, f.value) == (fig.measure, fig.what, fig.value)]
            if told:
                self.last_place = (ctx.sentence.paragraph, wave.attacker, told[0])
        self._settle_heading(wave, fig, ctx.sentence)
        if fig.what == What.AERIAL_WEAPON and any(
                (f.measure, f.value) == (fig.measure, fig.value) and f.what in WEAPONS for f in wave.figures):
            return  # "shot down only 296" after "296 drones were shot down": the same weapons, unnamed
        block = frozenset(start for start, b in self.blocks.items() if b == ctx.sentence.block)
        if _restated(wave.figures, fig.measure, fig.what, fig.value, place, refinable=block):
            self.restated.append((fig.evidence.start, fig.evidence.end))
            return
        self.blocks[fig.evidence.start] = ctx.sentence.block
        figure = Figure(
            measure=fig.measure, what=fig.what, value=fig.value, qualifier=fig.qualifier, evidence=fig.evidence,
            model=fig.model, place=place, attributed_to=attribution(ctx.sentence.text), hedged=fig.hedged,
            rule_id=fig.rule_id,
        )
        wave.figures.append(figure)
        bound = self._bound(fig, ctx.sentence)
        if bound is not None:
            self.heading_tolls.append((ctx.sentence, wave, figure, bound))

    def _bound(self, fig: RawFigure, s: Sentence) -> Qualifier | None:
        """How a heading line's figure bounds the count ("climbs past 120": at least), or None when the
        sentence is not a heading (a line of its own with no closing stop) or the figure is exact."""
        if s.text.rstrip()[-1:] in ".!?:;\"'”" or self.text[s.end:s.end + 1] not in ("", "\n") \
                or (s.start > 0 and self.text[s.start - 1] != "\n"):
            return None
        if fig.qualifier is not Qualifier.EXACT:
            return fig.qualifier
        near = self.text[s.start:fig.evidence.end].lower().split()[-4:-1]  # the words before its number
        return Qualifier.AT_LEAST if not PAST_WORDS.isdisjoint(near) else None

    def _settle_heading(self, wave: _Wave, fig: RawFigure, s: Sentence) -> None:
        """Drop a heading's approximate figure when one of the three sentences under it gives the same
        measure and thing exactly, with a value the heading's bound admits ("past 120" ... "124 people")."""
        for entry in list(self.heading_tolls):
            heading, hwave, hfig, bound = entry
            if s.index - heading.index > 3:
                self.heading_tolls.remove(entry)
                continue
            if hwave is not wave or s.paragraph <= heading.paragraph or fig.qualifier is not Qualifier.EXACT \
                    or (hfig.measure, hfig.what) != (fig.measure, fig.what) or not _fits(fig.value, hfig.value, bound):
                continue
            self.heading_tolls.remove(entry)
            wave.figures[:] = [f for f in wave.figures if f is not hfig]

    def _merge_undated(self) -> list[_Wave]:
        """An undated wave (a lede before the dated sentence) joins its attacker's first dated wave."""
        waves = sorted(self.waves.values(), key=lambda w: w.order)
        out = []
        for wave in waves:
            dated = next((w for w in waves if w.attacker == wave.attacker and w.day is not None), None)
            if wave.day is None and dated is not None:
                for fig in wave.figures:
                    if not _restated(dated.figures, fig.measure, fig.what, fig.value, fig.place, any_place=True):
                        dated.figures.append(fig)
                for name, place in wave.places.items():
                    dated.places.setdefault(name, place)
                for name, place in wave.launch_areas.items():
                    dated.launch_areas.setdefault(name, place)
                dated.targets.extend(t for t in wave.targets if all(t.name != x.name for x in dated.targets))
                continue
            out.append(wave)
        return out

    def attacks(self) -> tuple[Attack, ...]:
        out = []
        waves = self._merge_undated()
        self.restated.extend(_drop_restatements(waves))
        self.restated.extend(_drop_recalled_restatements(waves, self.sentences))
        for wave in waves:
            if not (wave.figures or wave.targets or wave.places or (wave.dated_only and wave.day is not None)):
                continue
            if wave.day is not None:
                day, precision = wave.day.isoformat(), DatePrecision.DAY
            elif self.published is not None:
                day, precision = self.published.isoformat(), DatePrecision.APPROX
            else:
                day, precision = None, DatePrecision.UNKNOWN
            figures = _with_dominant_place(wave)
            figures = _missile_class(figures)
            out.append(Attack(
                attacker=wave.attacker, target_country="RU" if wave.attacker == "UA" else "UA", date=day,
                date_precision=precision, figures=figures, places=tuple(wave.places.values()),
                launch_areas=tuple(wave.launch_areas.values()), targets=_distinct_targets(wave.targets),
                date_evidence=wave.date_evidence,
            ))
        return tuple(out)


NATIONALITIES = frozenset({"Russian", "Ukrainian", "Russia's", "Ukraine's"})


def _generic(t: TargetMention, text: str) -> bool:
    """Whether a target names no facility: a bare plural ("homes were hit"), "home" that tells what a
    place holds ("the airfield, home to the bombers"), every home ("until every home has light"), any or every
    thing of a kind ("every tanker that sails freely"), or the verb
    "houses". A bare "house" or "home", or a count of houses, names the buildings hit ("a drone slammed into
    his home", "debris damaged 12 houses"): real reports name them so as often as they name "private houses"."""
    name = t.name.lower()
    if name == "houses":  # "the building, which houses the ministry": a verb
        return text[max(0, t.evidence.start - 7):t.evidence.start].lower().rstrip().endswith(("which", "that"))
    before = text[max(0, t.evidence.start - 8):t.evidence.start].lower().split()
    if name == "home":
        return HOME_TO.match(text, t.evidence.end) is not None or (bool(before) and before[-1] in HOME_QUANTIFIERS)
    # "every tanker that sails freely", "any energy facility": no facility hit
    return name in GENERIC_TARGETS or name.split(None, 1)[0] in ANY_OF_KIND or (bool(before)
                                                                             and before[-1] in ANY_OF_KIND)


def _named(name: str) -> bool:
    """Whether a target's name holds a proper name ("Afipsky oil refinery"), not only a nationality or
    a facility word capitalised at the start of a sentence ("Energy facilities")."""
    words = name.split()
    return len(words) > 1 and any(w[:1].isupper() and w not in NATIONALITIES
                                  and (i > 0 or w.lower() not in NAME_WORDS_LOWER) for i, w in enumerate(words))


def _head(name: str) -> str:
    return name.rsplit(None, 1)[-1].lower().rstrip("s")


def _distinct_targets(targets: Sequence[Target]) -> tuple[Target, ...]:
    """A facility named ("the Afipsky oil refinery") and told again without its name ("a Russian
    refinery", a headline's) is one target: the unnamed mention with the same head noun and kind is dropped."""
    heads = {(_head(t.name), t.kind) for t in targets if _named(t.name)}
    if not heads:
        return tuple(targets)
    return tuple(t for t in targets if _named(t.name) or (_head(t.name), t.kind) not in heads)


def _first_level(entry: GazetteerEntry) -> bool:
    """Whether a place is a first-level region "the region" may point back to: a Ukrainian oblast, or a
    Russian oblast, krai or republic (the gazetteer's regions with an admin area of their own); not a vague
    area ("southern Russia", "Donbas")."""
    return entry.kind == "oblast" or (entry.kind == "region" and entry.admin1 is not None)


def _main_place(kept: list[PlaceMention], cities: list[PlaceMention]) -> PlaceMention:
    """The place a count told after the sentence belongs to: its city; but when it names several cities of
    one region it also names ("in the Odesa region, drones hit a port in X and power lines in Y. Five
    were hurt"), the count is not one city's: the region."""
    if len({m.entry.name for m in cities}) < 2:
        return (cities or kept)[0]
    regions = [m for m in kept if m.entry.kind == "oblast"]
    common = [r for r in regions if all(c.entry.admin1 == r.entry.name for c in cities)]
    return common[0] if common else cities[0]


# where a sentence turns to another place: a semicolon, or a comma and a conjunction before a locative
# ("..., Governor X said, and in the Sumy region a woman was killed")
PART_BREAK = re.compile(r";|,\s+(?:and|while|whereas|but)\s+(?:in|on|near|outside|over)\s")


# two places joined in one phrase ("in Kyiv and Kharkiv"): a toll told after both belongs to neither alone
_JOINED_PLACES = re.compile(r"\s*(?:,\s*and|,|and)\s+")


def _apart(text: str, lo: int, hi: int) -> bool:
    """Whether a part break lies between two offsets."""
    gap = text[lo:hi]
    return (";" in gap or ", " in gap) and PART_BREAK.search(gap) is not None


def _same_part(text: str, fig: RawFigure, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places on the figure's side of every part break between them ("... in Izmail, where four were
    injured; in Poltava, ...": Izmail), or all of them when none lies there."""
    if not _apart(text, min(m.start for m in places), max(m.end for m in places)):
        return places
    same = [m for m in places if not _apart(text, min(m.end, fig.evidence.start), max(m.start, fig.evidence.end))]
    return same or places


WEAPON_PREPOSITIONS = frozenset({"over", "in", "on", "above", "near", "at"})
# the rest of a verb group between a figure's evidence and its place ("41 drones were intercepted
# [and destroyed] over ...", "four bombs [had been dropped] on the city", "40[,] over the region")
VERB_GROUP = frozenset({",", "and", "had", "have", "has", "been", "were", "was", "be"})


def _over(gap: str) -> bool:
    """Whether the text between a weapon figure and a place ties the figure to it: a preposition of
    place, after at most the rest of the figure's verb group."""
    words = gap.replace(",", " , ").split()
    i = 0
    while i < len(words) and i < 4 and (words[i] in VERB_GROUP or words[i].endswith("ed") or words[i] == "down"):
        i += 1
    if i == len(words) or words[i] not in WEAPON_PREPOSITIONS:
        return False
    return len(gap) <= 25 or i > 0 or _settlements_of(words[i + 1:])  # past a verb group it may lie further off


# "on towns and villages of the", "over settlements in the": the places a weapon fell on, inside the
# region named next
PART_OF = frozenset({"of", "in", "across", "throughout"})


def _settlements_of(words: Sequence[str]) -> bool:
    """Whether the words after a weapon's preposition are a short noun phrase that the place after it
    contains ("dropped 40 bombs on towns and villages of the Kharkiv region")."""
    rest = list(words[:-1]) if words[-1:] == ["the"] else list(words)
    return 2 <= len(rest) <= 5 and rest[-1] in PART_OF and "," not in rest \
        and not any(w in VERB_GROUP - {"and"} or w.endswith("ed") for w in rest)


def _restated(figures: list[Figure], measure: Measure, what: str, value: int, place: Place | None, *,
              any_place: bool = False, refinable: frozenset[int] = frozenset()) -> bool:
    """Whether ``figures`` already give this figure (the same measure, what and value, and no other
    place unless ``any_place``). A restatement that names the place of a casualty or damage figure
    told without one gives it that place ("Death toll at eight" ... "the toll in Odesa rose to eight");
    one that names a settlement of the region a figure in ``refinable`` (evidence starts: the same
    block) was told with gives it that settlement ("One killed in Zaporizhzhia region" ... "in the
    village of ...")."""
    for i, f in enumerate(figures):
        if (f.measure, f.what, f.value) != (measure, what, value):
            continue
        if f.place is None or place is None or f.place.name == place.name or any_place:
            if f.place is None and place is not None and what not in WEAPONS:
                figures[i] = replace(f, place=place)
            return True
        if f.evidence.start in refinable and what not in WEAPONS and f.place.kind in ("oblast", "region") \
                and place.kind == "city" and (place.admin1 == f.place.name or place.lat is None):
            figures[i] = replace(f, place=place)
            return True
        if what not in WEAPONS and f.place.kind == "city" and place.kind == "oblast" and f.place.admin1 == place.name:
            return True  # "injuring three people" in Odesa, then "in the Odesa region ... injuring three workers"
    return False


def _fits(value: int, bound: int, qualifier: Qualifier) -> bool:
    """Whether an exact count agrees with a bound ("at least 120" admits 124; "about 120", 110 to 130)."""
    if qualifier is Qualifier.AT_LEAST:
        return value >= bound
    if qualifier is Qualifier.AT_MOST:
        return value <= bound
    return abs(value - bound) <= max(1, bound // 10)


def _drop_restatements(waves: Sequence[_Wave]) -> list[tuple[int, int]]:
    """A figure restated in another wave of the same attacker a day apart (a headline dated
    differently from the body) is given once, in the wave that states it first. Returns the evidence
    spans dropped."""
    dropped: list[tuple[int, int]] = []
    for i, later in enumerate(waves):
        for earlier in waves[:i]:
            if earlier.attacker != later.attacker or (earlier.day and later.day
                                                      and abs((earlier.day - later.day).days) > 1):
                continue
            keys = {(f.measure, f.what, f.value) for f in earlier.figures}
            dropped.extend((f.evidence.start, f.evidence.end) for f in later.figures
                           if (f.measure, f.what, f.value) in keys)
            later.figures[:] = [f for f in later.figures if (f.measure, f.what, f.value) not in keys]
    return dropped


def _drop_recalled_restatements(waves: Sequence[_Wave], sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """A recalled wave (another, earlier night) keeps the figures of the sentence that dated it; a later
    figure of it that another wave of the same attacker gave before ("the figure of 728 drones ... matches")
    restates that wave and is dropped. Returns the evidence spans dropped (they are not statistics either)."""
    dropped: list[tuple[int, int]] = []
    for wave in waves:
        if not wave.recalled or wave.date_evidence is None:
            continue
        at = wave.date_evidence.start
        dating = next(((s.start, s.end) for s in sentences if s.start <= at < s.end), (at, at))
        # where each figure of the attacker's other waves is first told: a restatement comes after it
        told: dict[tuple[Measure, str, int], int] = {}
        for w in waves:
            if w is not wave and w.attacker == wave.attacker:
                for f in w.figures:
                    key = (f.measure, f.what, f.value)
                    told[key] = min(told.get(key, f.evidence.start), f.evidence.start)
        kept = []
        for f in wave.figures:
            first = told.get((f.measure, f.what, f.value))
            if first is not None and first < f.evidence.start and not dating[0] <= f.evidence.start < dating[1]:
                dropped.append((f.evidence.start, f.evidence.end))
            else:
                kept.append(f)
        wave.figures[:] = kept
    return dropped


MISSILE_CLASSES = frozenset({What.CRUISE_MISSILE, What.BALLISTIC_MISSILE, What.HYPERSONIC_MISSILE})


def _missile_class(figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """"Hits by three missiles" in a wave that launched missiles of one class only (seven ballistic
    missiles, none unclassed): those missiles are of that class, when no more of them than were launched."""
    launched = [f for f in figures if f.measure == Measure.LAUNCHED and f.what in MISSILE_CLASSES | {What.MISSILE}]
    classes = {f.what for f in launched}
    if len(classes) != 1 or What.MISSILE in classes:
        return figures
    (cls,) = classes
    most = max(f.value for f in launched)
    return tuple(replace(f, what=cls) if f.what == What.MISSILE and f.measure != Measure.LAUNCHED
                 and f.value <= most else f for f in figures)


def _with_dominant_place(wave: _Wave) -> tuple[Figure, ...]:
    """Casualty and damage figures with no place take the wave's place when it has only one city
    (a regional report: "three killed" in a story about Kharkiv)."""
    cities = {p.name: p for p in wave.places.values() if p.kind == "city"}
    if len(cities) != 1:
        return tuple(wave.figures)
    (city,) = cities.values()
    return tuple(replace(f, place=city) if f.place is None and f.what not in WEAPONS else f for f in wave.figures)


def find_attacks(text: str, published: date | None, rules: RuleSet, gazetteer: Gazetteer,
                 sentences: list[Sentence] | None = None) -> tuple[Attack, ...]:
    """Every attack wave the text reports (``sentences``: ``split_sentences(text)`` if already made)."""
    return find_attacks_and_restatements(text, published, rules, gazetteer, sentences)[0]


def find_attacks_and_restatements(
        text: str, published: date | None, rules: RuleSet, gazetteer: Gazetteer,
        sentences: list[Sentence] | None = None) -> tuple[tuple[Attack, ...], tuple[tuple[int, int], ...]]:
    """The attack waves (as ``find_attacks``) and the evidence spans of the figures dropped as
    restatements of another wave's: numbers that are neither a figure nor a statistic."""
    asm = _Assembler(text, published, rules, gazetteer)
    sentences = split_sentences(text) if sentences is None else sentences
    asm.sentences = sentences
    for sentence in sentences:
        if CAPTION.search(sentence.text):
            continue  # a photo caption dates the photo, not the wave
        if not may_be_about_attack(sentence, rules, bool(asm.previous)):
            asm.previous = []
            asm.note_narrative_day(sentence)
            continue
        ctx = analyse(sentence, text, rules, gazetteer, published)
        if not ctx.attack:
            asm.previous = []
            continue
        asm.sentence(ctx)
    attacks = asm.attacks()
    return attacks, tuple(asm.restated)
