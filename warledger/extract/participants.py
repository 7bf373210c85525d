"""Who takes part: participant lists read around a word ("talks between X, Y and Z", "X met Y").

A sentence is read once into tokens and items (actors, side words, descriptors, groups,
places, pronouns); ``scan_before`` and ``scan_after`` then walk from a trigger word over the
items and the few words a participant list is made of, and stop at the first other word. That
keeps "Russia" out of "a summit to end Russia's war" while "a meeting among delegates of Poland,
Turkey and Japan" names all three.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any, NamedTuple

from ..records import PlaceKind
from ..resolve.actors import Actor, ActorMention, ActorRegistry
from ..resolve.gazetteer import Gazetteer, PlaceMention
from ..resolve.place_descriptors import load_descriptors
from .quote_spans import find_spans
from .text import Sentence

# the participant "the two sides" stands for until the article's talks say which they are
CONTEXT_SIDES = "<the two sides>"
# the state a non-person actor of a side stands for ("the Kremlin" -> Russia)
SIDE_STATES = {"UA": "Ukraine", "RU": "Russia", "US": "United States"}
VENUE_PREPOSITIONS = frozenset({"in", "at", "to", "near", "inside"})
# the verbs right before a place that make it where a meeting is ("visited Ankara", "will visit Moscow")
_VISIT_VERBS = frozenset({"visit", "visits", "visited", "visiting"})
# a place that hosted what follows ("Istanbul hosted three rounds of talks"): where the meeting was
_HOSTED_NEXT = re.compile(r"\s+(?:has\s+|had\s+|will\s+|also\s+)?(?:hosted|hosts|host)\b")
INTRODUCERS = frozenset({"between", "with", "among", "involving", "by", "from", "including", "alongside", "of"})
def trie_pattern(words: Sequence[str], *, fold: bool = True, space: str = r"\s+", after_first: str = "") -> str:
    """One regular expression for many words or phrases, branching letter by letter (fast in ``re``);
    a space in a phrase matches any run of whitespace (or ``space``). With ``fold``, match it
    case-insensitively. ``after_first`` comes right after the first letter (a lookbehind there lets
    ``re`` skip to the letters that can start a word)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in " ".join((word.lower() if fold else word).split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], first: str = "") -> str:
        branches = [(space if ch == " " else re.escape(ch)) + first + build(child) for ch, child in sorted(node.items())
                    if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie, after_first)



# words, with hyphens inside only before a lowercase letter or digit ("son-in-law", "U.S.-brokered"; but
# "Trump-Putin" is three tokens), possessive endings, and single marks
_TOKEN = re.compile(r"\w++(?:(?:\.|-(?=[a-z0-9]))++\w++)*+|['’]s\b|[^\w\s]")
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "a", "an"})
# matched at a position (``pattern.match(text, pos, end)``), so none starts with ``^``
_SPEECH_VERBS = ("said", "says", "told", "tells", "added", "wrote", "writes", "noted", "posted", "stated", "announced",
                 "claimed", "insisted", "argued", "warned", "declared", "confirmed", "stressed", "described",
                 "reported", "signalled", "signaled", "acknowledged", "explained", "repeated", "reiterated")
_SPEECH = re.compile(r"\s*(?:,[^,.;]{1,80},\s*)?(?:has\s+|had\s+|also\s+|later\s+)?(?:"
                     + trie_pattern(_SPEECH_VERBS) + r")\b", re.IGNORECASE)
# a speech verb right after a word, with nothing between (``Lexicon.speaking_title``)
_SPEECH_NEXT = r"\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:" + trie_pattern(_SPEECH_VERBS) + r")\b"
_SPEECH_BEFORE = re.compile(r"(?:\bsaid|\baccording\s+to|\bsays|\bwrote|\badded)\s+(?:the\s+)?$", re.IGNORECASE)
_CLOSED_AFTER = re.compile(r"\s*(?:,[^,.;]{1,80},\s*)?(?:[,.;:]|$)")
_SAID_THAT = re.compile(r"\s*(?:,[^,]{0,30},\s*)?(?:\w+\s+){0,1}(?:said|says|told\s+\w+|added|wrote|insisted|argued|"
                        r"warned|claimed|stressed)(?:\s+on\s+\w+)?\s+(?:that\s+)?$", re.IGNORECASE)
_SELF = re.compile(r"\s*(?:that\s+)?(?:he|she)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:\band|,)\s+(?:also\s+|then\s+|later\s+)?$")
_ADJECTIVE_END = ("ian", "can", "ish", "ese", "ean", "ic")
_PREPOSED = frozenset({"at", "during", "in", "on"})
_AFTER_WORDS = frozenset({"after", "following"})
# the first word of a sentence opening with a participle, whose subject is the main clause's ("Speaking ...,")
_PARTICIPLE_OPENING = re.compile(r"(?!According|Following|During|Including|Regarding|Concerning)[A-Z][a-z]+ing|"
                                 r"Asked|Pressed|Questioned|Interviewed")
_UP_TO_COMMA = re.compile(r"[^,;.]{0,60},")
_CLAUSE_END = re.compile(r"[,;:]|\s[—–]\s")
# a relative clause opened after a party ("the Coalition of the Willing, which at a summit in Paris agreed ..."):
# its verb's subject is that party; no other clause may open between it and the verb
_RELATIVE = re.compile(r",\s+(?:which|who)\s[^,;:.!?]{0,100}$")
_PRONOUN_FORMS = frozenset({"He", "She", "he", "she", "him", "his", "her", "His", "Her"})
_APOSTROPHES = ("'", "’")
_SUBJECT_PRONOUNS = frozenset({"He", "She", "he", "she"})
# words nearly every sentence holds: the last choice of a phrase's word to look for (``word_keys``)
_COMMON = frozenset({"a", "an", "and", "are", "as", "at", "be", "by", "for", "has", "have", "he", "in", "is", "it",
                     "of", "on", "or", "s", "said", "that", "the", "to", "was", "were", "will", "with", "would"})
_SPAN = re.Match.span
_START = attrgetter("start")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words participant lists are made of (from a rule file such as rules/diplomacy.toml)."""

    side_nouns: dict[str, str]          # exact surface -> state ("Kremlin" -> Russia)
    side_adjectives: dict[str, str]     # exact surface -> state ("American" -> United States)
    sides: re.Pattern[str]
    groups: re.Pattern[str]
    group_members: dict[str, tuple[str, ...]]
    context_default: tuple[str, ...]    # who "the two sides" are when the article's talks do not say
    descriptors: re.Pattern[str]        # "the Ukrainian leader" -> descriptor_names
    descriptor_names: dict[str, str]
    titles: re.Pattern[str]             # the gap between a qualifier and the person it qualifies
    possessor: re.Pattern[str]          # "'s special envoy": what follows an actor that only qualifies
    listing: frozenset[str]
    after: frozenset[str]
    before_noun: frozenset[str]
    before_verb: frozenset[str]
    delegation: frozenset[str]
    pronouns: frozenset[str]
    title_words: frozenset[str]
    give: frozenset[str]                # "has given Ukraine and Russia a deadline": what was read were objects
    leader_words: frozenset[str]        # "the Ukrainian and Russian leaders": the leaders, not the states
    leaders: dict[str, str]             # state -> its leader
    group_keys: tuple[str, ...] | None = None       # a word of every group phrase (see ``word_keys``)
    descriptor_keys: tuple[str, ...] | None = None  # a word of every descriptor phrase
    groups_folded: re.Pattern[str] | None = None       # ``groups`` for lowercased text (see ``folds_safely``)
    descriptors_folded: re.Pattern[str] | None = None  # ``descriptors`` for lowercased text
    # the words a list may hold after a trigger, and before it (verb or noun; with or without commas)
    after_list: frozenset[str] = field(init=False)
    before_lists: dict[tuple[bool, bool], frozenset[str]] = field(init=False)
    # title words and a speech verb right after an actor ("the Kremlin spokesman said", "X's envoy told")
    speaking_title: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        common = self.listing | self.title_words | self.delegation
        object.__setattr__(self, "after_list", self.after | common)
        titles = trie_pattern(sorted(self.title_words - _DETERMINERS))
        object.__setattr__(self, "speaking_title", re.compile(
            r"(?:['’]s)?(?:\s+(?:" + titles + r")(?![\w\-]))+" + _SPEECH_NEXT, re.IGNORECASE))
        object.__setattr__(self, "before_lists", {
            (verb, commas): words if commas else words - {","}
            for verb, words in ((True, self.before_verb | common), (False, self.before_noun | common))
            for commas in (True, False)})


class Item(NamedTuple):
    """Something named in a sentence: ``kind`` is party, adjective, speaker, place, pronoun or skip."""

    start: int
    end: int
    kind: str
    names: tuple[str, ...] = ()
    person: bool = False
    place: PlaceMention | None = None


class Span(NamedTuple):
    """What a scan read: its character range, the participants, the venues and whether a
    preposition such as "between" or "with" introduced them."""

    start: int
    end: int
    names: tuple[str, ...]
    places: tuple[PlaceMention, ...]
    introduced: bool = False
    groups: tuple[tuple[str, ...], ...] = ()  # "with X and with Y": the lists of separate events


def word_keys(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """One word of each phrase (an ASCII run of word characters, lowercased: the longest that is not a
    common word): a text whose lowercase holds none of them holds none of the phrases. None when some
    phrase has no such word."""
    keys = set()
    for phrase in phrases:
        runs = [r for r in re.findall(r"\w+", phrase.lower()) if r.isascii()]
        if not runs:
            return None
        keys.add(max(runs, key=lambda r: (r not in _COMMON, len(r))))
    # a key holding a shorter one adds nothing: the shorter is there whenever it is
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def may_match(keys: tuple[str, ...] | None, low: str | None) -> bool:
    """False only when ``low`` (a lowercased text, or None: unknown) holds none of ``keys`` (``word_keys``)."""
    if keys is None or low is None:
        return True
    for key in keys:
        if key in low:
            return True
    return False


def canonical(actor: Actor) -> str:
    """The name an actor takes part under: people by name, a side's institutions as its state."""
    if actor.kind == "person":
        return actor.name
    return SIDE_STATES.get(actor.side, actor.name)


@dataclass
class SentenceReading:
    """A sentence read once: tokens, items by start and end, and the actors named before it."""

    text: str
    sentence: Sentence
    lexicon: Lexicon
    tokens: list[tuple[int, int, str]]
    items: list[Item]
    previous: Sequence[Sentence] = ()  # the sentences before it (three at most are read)
    actors: ActorRegistry | None = None
    low: str | None = None  # the sentence lowercased, where that keeps its letters as ``re.IGNORECASE`` does
    # the items inside appositions after a person, which the scans skip ("X, head of Kyiv's team, ..."), by start:
    # who heads a side's team is still read from them
    hidden: dict[int, Item] = field(default_factory=dict)
    # made on first use (plain attributes: ``functools.cached_property`` takes a lock on every read)
    _prior: list[list[ActorMention]] | None = field(default=None, init=False, repr=False, compare=False)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _by_start: dict[int, Item] | None = field(default=None, init=False, repr=False, compare=False)
    _by_end: dict[int, Item] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def prior(self) -> list[list[ActorMention]]:
        """The actors of the sentences before, in order (read when a pronoun needs them)."""
        if self._prior is None:
            self._prior = [] if self.actors is None else [sentence_actors(self.text, s, self.actors)
                                                          for s in self.previous[-3:]]
        return self._prior

    def prior_back(self) -> Iterator[tuple[Sentence, list[ActorMention]]]:
        """``prior`` from the nearest sentence back (with its sentence), each scanned only when reached."""
        back = self.previous[-3:][::-1]
        if self._prior is not None:
            yield from zip(back, reversed(self._prior), strict=True)
        elif self.actors is not None:
            for s in back:
                yield s, sentence_actors(self.text, s, self.actors)

    @property
    def token_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [t[0] for t in self.tokens]
        return self._starts

    @property
    def by_start(self) -> dict[int, Item]:
        """The items by where they start (made once the items are final)."""
        if self._by_start is None:
            self._by_start = {i.start: i for i in self.items}
        return self._by_start

    @property
    def by_end(self) -> dict[int, Item]:
        if self._by_end is None:
            self._by_end = {i.end: i for i in self.items}
        return self._by_end

    def next_token(self, pos: int) -> int:
        return bisect_left(self.token_starts, pos)

    def token_before(self, pos: int) -> int:
        i = bisect_right(self.token_starts, pos) - 1
        while i >= 0 and self.tokens[i][1] > pos:
            i -= 1
        return i

    def word_before(self, pos: int) -> str:
        i = self.token_before(pos)
        return self.tokens[i][2] if i >= 0 else ""

    def preposition_before(self, pos: int) -> str:
        """The word before ``pos``, determiners skipped ("at his Mar-a-Lago estate" -> "at")."""
        i = self.token_before(pos)
        while i > 0 and self.tokens[i][2] in _DETERMINERS:
            i -= 1
        return self.tokens[i][2] if i >= 0 else ""

    def subject(self, pos: int, exclude: Sequence[str] = ()) -> tuple[str, ...]:
        """The first party of the sentence before ``pos``: the subject of a clause without its own; in a
        relative clause, the party it follows."""
        relative = _RELATIVE.search(self.text, max(self.sentence.start, pos - 110), pos)
        if relative is not None:
            owner = self.by_end.get(relative.start())
            if owner is not None and owner.kind in ("party", "speaker") and not set(owner.names) & set(exclude):
                return owner.names
        for item in self.items:
            if item.start >= pos:
                break
            if item.kind in ("party", "speaker") and not set(item.names) & set(exclude):
                return item.names
            if item.kind == "pronoun":
                who = self.person_before(item.start, exclude)
                return () if who is None else (who,)
        return ()

    def speakers(self, pos: int) -> tuple[str, ...]:
        """Who reports in the sentence before ``pos`` ("Trump said Putin had agreed")."""
        return tuple(n for i in self.items if i.kind == "speaker" and i.start < pos for n in i.names)

    def preposed(self, start: int, end: int) -> bool:
        """Whether start:end is a phrase opening the sentence and closed by a comma ("At a meeting in X,")."""
        raw = self.text[self.sentence.start:start].strip()
        opening = raw.lower()
        last = opening.rsplit(maxsplit=1)[-1] if opening else ""
        # "After a call with X, Y said ...", "Speaking in Moscow after a call with X, Y said ...": Y's call
        after = last in _AFTER_WORDS and (opening == last or _PARTICIPLE_OPENING.match(raw) is not None)
        return (opening in _PREPOSED or after) and _UP_TO_COMMA.match(self.text, end, self.sentence.end) is not None

    def main_clause(self, pos: int) -> tuple[str, ...]:
        """The parties of the clause after a preposed phrase, up to the next clause break."""
        comma = self.text.find(",", pos, self.sentence.end)
        start = pos if comma < 0 else comma + 1
        stop = _CLAUSE_END.search(self.text, start, self.sentence.end)
        end = self.sentence.end if stop is None else stop.start()
        names: list[str] = []
        for i in self.items:
            if start < i.start < end and i.kind in ("party", "speaker", "pronoun"):
                _take(self, i, names, names)
        return tuple(names)

    def opening_subject(self, pos: int, exclude: Sequence[str] = ()) -> str | None:
        """Who a pronoun at ``pos`` inside a participial phrase opening the sentence ("Asked whether he ...,",
        "Speaking in X, where he met Y,") stands for: the person named first after a comma past it, with only
        title words between ("..., President X said"), the subject the participle shares. None otherwise."""
        first = self.text[self.sentence.start:self.sentence.start + 12].split(maxsplit=1)
        if not first or not _PARTICIPLE_OPENING.fullmatch(first[0]):
            return None
        for item in self.items:
            if item.start <= pos or not item.person or item.kind not in ("party", "speaker"):
                continue
            comma = self.text.rfind(",", pos, item.start)
            if comma < 0:
                continue
            words = self.text[comma + 1:item.start].lower().split()
            if all(w in self.lexicon.title_words or w in _DETERMINERS for w in words):
                return None if item.names[0] in exclude else item.names[0]
        return None

    def coordinated(self, pos: int) -> bool:
        """Whether the verb at ``pos`` shares the subject of the verb before it ("met X and hosted Y")."""
        return _COORDINATED.search(self.text, max(self.sentence.start, pos - 20), pos) is not None

    def person_before(self, pos: int, exclude: Sequence[str]) -> str | None:
        """Who a pronoun at ``pos`` stands for: the first person named before it in the sentence (its
        subject), else the person of the nearest sentence before that names one (``_antecedent``). A
        name inside quotation marks is no antecedent ("'... encourages Putin,' he wrote")."""
        said = [i for i in self.items if i.kind == "speaker" and i.person and 0 <= pos - i.end <= 40
                and i.names[0] not in exclude and _SAID_THAT.match(self.text, i.end, pos)]
        if said:
            return said[-1].names[0]  # "Zelensky said he would ..."
        ahead = self.opening_subject(pos, exclude)
        if ahead is not None:
            return ahead  # "Speaking in Oslo, where he met X, Y said ...": the participle's subject is Y
        named = [i for i in self.items if i.person and i.names and i.end <= pos and i.names[0] not in exclude]
        inside = _unquoted(self.text, self.sentence, [(i.start, i.end) for i in named])
        if inside:
            # the person item itself, not ``by_start``'s item there: a pronoun read as a speaker ("He added")
            # starts where its reading as a pronoun does
            span = _antecedent(self.text, self.sentence, inside)
            return next(i.names[0] for i in named if (i.start, i.end) == span)
        for sentence, mentions in self.prior_back():
            people = [m for m in mentions if m.actor.kind == "person" and canonical(m.actor) not in exclude]
            if people:
                spans = _unquoted(self.text, sentence, [(m.start, m.end) for m in people])
                people = [m for m in people if (m.start, m.end) in spans]
            if people:
                start = _antecedent(self.text, sentence, [(m.start, m.end) for m in people])[0]
                return next(canonical(m.actor) for m in people if m.start == start)
        return None


# the words before a name that make it an object ("met with X", "a call to X"): no pronoun's first choice
_OBJECT_BEFORE = INTRODUCERS | VENUE_PREPOSITIONS | {"for", "on", "about", "against", "than", "like", "over"}


def _antecedent(text: str, sentence: Sentence, people: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Of the people a sentence names (their spans, in order), the one a pronoun after them stands for: who
    speaks ("X said", "..., said X"), else the first not in an object position (after "with", "to"... or
    before "'s"), else the first."""
    fallback = None
    for start, end in people:
        if _SPEECH.match(text, end, sentence.end) is not None \
                or _SPEECH_BEFORE.search(text, max(sentence.start, start - 20), start) is not None:
            return start, end
        if fallback is None and not text.startswith(_APOSTROPHES, end) \
                and _last_word(text, sentence.start, start) not in _OBJECT_BEFORE:
            fallback = start, end
    return people[0] if fallback is None else fallback


def _last_word(text: str, lo: int, pos: int) -> str:
    """The word before ``pos`` (back to ``lo``), lowercased, a determiner skipped; "" when there is none."""
    words = text[max(lo, pos - 30):pos].split()
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
    return words[-1].lower() if words else ""


_QUOTE_MARKS = ('"', "“", "”", "«", "»", "„", "‘", "'")


def _unquoted(text: str, sentence: Sentence, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (in the sentence) less those inside a quotation (paired within the paragraph)."""
    if not spans:
        return spans
    memo = sentence.memo.get("quoted")
    if isinstance(memo, list):
        quoted: list[tuple[int, int]] = memo
    else:
        lo = text.rfind("\n", 0, sentence.start) + 1
        hi = text.find("\n", sentence.end)
        hi = len(text) if hi < 0 else hi
        paragraph = text[lo:hi]
        quoted = []
        if any(mark in paragraph for mark in _QUOTE_MARKS):
            quoted = [(lo + q.start, lo + q.end) for q in find_spans(paragraph)
                      if q.start < sentence.end - lo and q.end > sentence.start - lo]
        sentence.memo["quoted"] = quoted
    if not quoted:
        return spans
    return [(a, b) for a, b in spans if not any(qa <= a and b <= qb for qa, qb in quoted)]


def _absorbed(text: str, end: int, people: Sequence[tuple[int, int]], lexicon: Lexicon) -> bool:
    """A word that only qualifies the person named next ("Russian President Vladimir Putin"), or a
    possessor before a title ("Trump's special envoy"): no participant itself."""
    if text[end:end + 1] in _APOSTROPHES and lexicon.possessor.match(text, end, end + 40):
        return True
    for start, _ in people:
        if start >= end:
            return start - end <= 60 and lexicon.titles.match(text[end:start]) is not None
    return False


def _speaker(text: str, start: int, end: int, limit: int, lexicon: Lexicon) -> bool:
    """Whether the actor at start:end reports (``X said``, ``..., said X.``, ``X's spokesman said``) about
    someone else."""
    said = _SPEECH.match(text, end, limit) or _titled_speech(text, end, limit, lexicon)
    if said is not None:
        return _SELF.match(text, said.end(), limit) is None
    return (_CLOSED_AFTER.match(text, end, limit) is not None
            and _SPEECH_BEFORE.search(text, max(0, start - 20), start) is not None)


def _titled_speech(text: str, end: int, limit: int, lexicon: Lexicon) -> re.Match[str] | None:
    """Title words and a speech verb after an actor ending at ``end`` ("the Kremlin spokesman said",
    "the Commission's spokeswoman told"): the one who speaks has no name, so the actor speaks."""
    nxt = text[end:end + 1]
    if nxt not in _APOSTROPHES and not nxt.isspace():
        return None
    return lexicon.speaking_title.match(text, end, limit)


def _place_item(p: PlaceMention, word_before: str, possessive: bool) -> Item:
    if word_before in VENUE_PREPOSITIONS and not possessive:
        return Item(p.start, p.end, "place", place=p)
    if p.entry.kind == PlaceKind.COUNTRY:
        return Item(p.start, p.end, "party", (SIDE_STATES.get(p.entry.country or "", p.entry.name),), place=p)
    return Item(p.start, p.end, "place", place=p)


# the plural nouns of a team a leader sends ("Trump's envoys"): named after, they are the people; not named,
# they stand for the leader's state
_TEAM_NOUNS = ("envoys", "negotiators", "aides", "advisers", "advisors", "emissaries")


def _team_of(text: str, m: ActorMention, people: Sequence[tuple[int, int]], lexicon: Lexicon,
             states: Mapping[str, str]) -> str | None:
    """The state a person's unnamed team stands for ("spent five hours with Donald Trump's envoys": the United
    States), or None: a possessor before another title, or a team whose members are named next ("Trump's
    envoys Steve Witkoff and Jared Kushner")."""
    if m.actor.kind != "person" or m.actor.country is None or not _unnamed_team(text, m.end, people, lexicon):
        return None
    return states.get(m.actor.country)


def _unnamed_team(text: str, end: int, people: Sequence[tuple[int, int]], lexicon: Lexicon) -> bool:
    """Whether a possessive at ``end`` owns a team whose members are not named right after ("Trump's envoys",
    "Washington's envoys"; not "Trump's envoys Steve Witkoff and Jared Kushner")."""
    owned = lexicon.possessor.match(text, end, end + 40)
    if owned is None or not owned.group().lower().endswith(_TEAM_NOUNS):
        return False
    return not any(0 <= start - owned.end() <= 3 for start, _ in people)


@cache
def states_by_code(actors: ActorRegistry) -> dict[str, str]:
    """The registry's states by country code ("US" -> "United States"), made once per registry."""
    return {a.country: a.name for a in actors.actors if a.kind == "state" and a.country is not None}


def _actor_items(text: str, sentence: Sentence, mentions: Sequence[ActorMention], lexicon: Lexicon,
                 people: Sequence[tuple[int, int]], states: Mapping[str, str]) -> list[Item]:
    out = []
    for m in mentions:
        if _absorbed(text, m.end, people, lexicon) and _titled_speech(text, m.end, sentence.end, lexicon) is None:
            state = _team_of(text, m, people, lexicon, states)
            out.append(Item(m.start, m.end, "skip") if state is None else Item(m.start, m.end, "party", (state,)))
            continue
        kind = "speaker" if _speaker(text, m.start, m.end, sentence.end, lexicon) else "party"
        if kind == "party" and m.actor.kind != "person" and m.surface.endswith(_ADJECTIVE_END):
            kind = "adjective"
        out.append(Item(m.start, m.end, kind, (canonical(m.actor),), person=m.actor.kind == "person"))
    return out


def _word_items(text: str, sentence: Sentence, lexicon: Lexicon, people: Sequence[tuple[int, int]],
                actors: ActorRegistry, low: str | None, lower: str | None = None) -> list[Item]:
    """Side words, groups and descriptors. ``low`` (the sentence lowercased with straight apostrophes,
    None when lowercasing does not keep its letters apart as ``re.IGNORECASE`` does) rules out the
    phrases none of whose words is there; in ``lower`` (the sentence lowercased, the same or None) the
    phrases are looked for without ``re.IGNORECASE``."""
    out = []
    for m in lexicon.sides.finditer(text, sentence.start, sentence.end):
        word = " ".join(m.group().split())  # the phrase as the rules spell it ("Trump\nadministration")
        if word in lexicon.side_nouns and _titled_speech(text, m.end(), sentence.end, lexicon) is not None:
            kind = "speaker" if _speaker(text, m.start(), m.end(), sentence.end, lexicon) else "party"
            out.append(Item(m.start(), m.end(), kind, (lexicon.side_nouns[word],)))
        elif _absorbed(text, m.end(), people, lexicon):
            # "Washington's envoys", not named: the side they are sent by takes part
            team = word in lexicon.side_nouns and _unnamed_team(text, m.end(), people, lexicon)
            out.append(Item(m.start(), m.end(), "party", (lexicon.side_nouns[word],)) if team
                       else Item(m.start(), m.end(), "skip"))
        elif word in lexicon.side_nouns:
            kind = "speaker" if _speaker(text, m.start(), m.end(), sentence.end, lexicon) else "party"
            out.append(Item(m.start(), m.end(), kind, (lexicon.side_nouns[word],)))
        else:
            out.append(Item(m.start(), m.end(), "adjective", (lexicon.side_adjectives[word],)))
    if may_match(lexicon.group_keys, low):
        for a, b, phrase in _phrases(lexicon.groups, lexicon.groups_folded, text, sentence, lower):
            out.append(Item(a, b, "party", lexicon.group_members[" ".join(phrase.split())]))
    if not may_match(lexicon.descriptor_keys, low):
        return out
    for a, b, phrase in _phrases(lexicon.descriptors, lexicon.descriptors_folded, text, sentence, lower):
        if any(0 <= start - b <= 2 for start, _ in people):
            continue  # "the Ukrainian president, Volodymyr Zelensky": the name itself is the item
        name = lexicon.descriptor_names[" ".join(phrase.split())]
        actor = actors.lookup(name)
        kind = "speaker" if _speaker(text, a, b, sentence.end, lexicon) else "party"
        out.append(Item(a, b, kind, (name if actor is None else canonical(actor),), person=True))
    return out


def _phrases(pattern: re.Pattern[str], folded: re.Pattern[str] | None, text: str, sentence: Sentence,
             lower: str | None) -> Iterator[tuple[int, int, str]]:
    """(start, end, lowercase phrase) of each match of ``pattern`` (re.IGNORECASE) in the sentence; with
    ``lower`` (the sentence lowercased, see ``folds_safely``) those of ``folded`` there."""
    if lower is not None and folded is not None:
        base = sentence.start
        for m in folded.finditer(lower):
            a, b = m.span()
            yield base + a, base + b, m.group()
    else:
        for m in pattern.finditer(text, sentence.start, sentence.end):
            yield m.start(), m.end(), m.group().lower()


def _without_overlaps(items: list[Item]) -> list[Item]:
    """Longest first, then leftmost: an item overlapping a kept one is dropped."""
    ordered = sorted(items, key=_START)  # when none overlaps the next, none overlaps any
    if all(a.end <= b.start for a, b in itertools.pairwise(ordered)):
        return ordered
    kept: list[Item] = []
    for item in sorted(items, key=lambda i: (-(i.end - i.start), i.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda i: i.start)


def sentence_actors(text: str, sentence: Sentence, actors: ActorRegistry) -> list[ActorMention]:
    """The actors of a sentence, found once per sentence and shared (``Sentence.memo["actors"]``)."""
    found = sentence.memo.get("actors")
    if found is None:
        found = sentence.memo["actors"] = actors.find(text, sentence.start, sentence.end)
    return found  # type: ignore[return-value]


def read_sentence(text: str, sentence: Sentence, actors: ActorRegistry, gazetteer: Gazetteer,
                  lexicon: Lexicon, previous: Sequence[Sentence] = ()) -> SentenceReading:
    """Tokens and items of one sentence (actors, side words, descriptors, groups, places, pronouns);
    read once per sentence and lexicon (``Sentence.memo["participants"]``)."""
    cached = sentence.memo.get("participants")
    if isinstance(cached, SentenceReading) and cached.lexicon is lexicon and cached.text is text:
        return cached
    reading = _read(text, sentence, actors, gazetteer, lexicon, previous)
    sentence.memo["participants"] = reading
    return reading


def _places(text: str, sentence: Sentence, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The places the sentence names, by name or by a descriptor ("talks in the Emirati capital")."""
    named = gazetteer.find(text, sentence.start, sentence.end)
    described = load_descriptors().find(text, gazetteer, sentence.start, sentence.end)
    if not described:
        return named
    # a country inside the descriptor ("the UAE capital") is part of it; any other place named overlapping wins
    named = [p for p in named if not any(d.start <= p.start and p.end <= d.end for d in described)
             or p.entry.kind != PlaceKind.COUNTRY]
    described = [d for d in described if all(d.end <= p.start or d.start >= p.end for p in named)]
    return sorted(named + described, key=lambda p: p.start)


def _read(text: str, sentence: Sentence, actors: ActorRegistry, gazetteer: Gazetteer, lexicon: Lexicon,
          previous: Sequence[Sentence]) -> SentenceReading:
    lower = sentence.text.lower()
    low = lower.replace("’", "'")
    base = sentence.start
    if len(low) == len(sentence.text):
        tokens = [(base + a, base + b, low[a:b]) for a, b in map(_SPAN, _TOKEN.finditer(sentence.text))]
    else:  # a letter whose lowercase is longer ("İ"): lower token by token
        tokens = [(base + m.start(), base + m.end(), m.group().lower().replace("’", "'"))
                  for m in _TOKEN.finditer(sentence.text)]
    safe = folds_safely(sentence.text, lower)
    reading = SentenceReading(text, sentence, lexicon, tokens, [], previous, actors, low if safe else None)
    places = []
    venues = set()
    for p in _places(text, sentence, gazetteer):
        before = reading.preposition_before(p.start)
        possessive = text.startswith(("'s", "’s"), p.end)
        item = _place_item(p, before, possessive)
        places.append(item)
        if item.kind == "place" and (before in VENUE_PREPOSITIONS or before in _VISIT_VERBS) and not possessive:
            venues.add((p.start, p.end))
    mentions = [m for m in sentence_actors(text, sentence, actors)
                if (m.start, m.end) not in venues and (m.known or " " in m.surface or " " in m.actor.name)]
    people = [(m.start, m.end) for m in mentions if m.actor.kind == "person"]
    words = _word_items(text, sentence, lexicon, people, actors, reading.low, lower if safe else None)
    sites = [Item(i.start, i.end, "place") for i in words if i.kind != "adjective" and _names_site(reading, i)]
    if sites:  # "talks in the Kremlin": the place, not a participant
        venues.update((i.start, i.end) for i in sites)
        places.extend(sites)
        mentions = [m for m in mentions if (m.start, m.end) not in venues]
    named = [*_actor_items(text, sentence, mentions, lexicon, people, states_by_code(actors)),
             *(i for i in words if (i.start, i.end) not in venues)]
    items = [*named, *(p for p in places if (p.start, p.end) in venues
                       or all(p.end <= i.start or p.start >= i.end for i in named))]
    pronouns = [Item(start, end, "pronoun") for start, end, word in tokens
                if word in lexicon.pronouns and text[start:end] in _PRONOUN_FORMS]
    if "two " in low or "both " in low or "three " in low or "four " in low or "five " in low or "the pair" in low \
            or "the duo" in low:
        items.extend(_pairs(reading, mentions))
    if "they " in low:
        items.extend(_they(reading, mentions))
    if people and ", " in low:
        skips = _appositions(text, sentence, items)
        reading.hidden = {i.start: i for i in items if any(a.start < i.start and i.end < a.end for a in skips)}
        items.extend(skips)
    if any(head in low for head in _INSTITUTION_HEADS):
        items.extend(_institutions_named_before(reading, items))
    reading.items = _without_overlaps(items + pronouns)
    if pronouns:
        reading.items = [_pronoun_speaker(reading, i) if i.kind == "pronoun" else i for i in reading.items]
    return reading


# a noun phrase set off by commas right after a person's name, saying who that person is ("X, the U.S. special
# envoy, and Y", "X, Ukraine's chief negotiator, is due to meet"): it names no participant of its own
_PERSON_APPOSITION = re.compile(r",\s+(?:the|a|an|[A-Z][\w.\-]*['’]s|head|chief|leader|secretary|director|chairman|"
                                r"chairwoman|spokesman|spokeswoman|adviser|advisor|aide|envoy|minister|deputy|former)"
                                r"\s[^,;:\"“”()]{1,100}?,")
# what after the closing comma opens a second verb of the sentence's subject ("met X, the envoy, and pressed for
# ..."): the apposition's commas then also close the verb's object, and the scans must still stop there
# a finite verb between the commas: a clause, no apposition ("According to Zelensky, the delegations will meet
# again in X on Sunday, 1 February")
_FINITE = re.compile(r"\s(?:will|would|has|have|had|is|are|was|were|can|could|must|should|said|says)\s")
_VERB_AFTER = re.compile(r"\s+and\s+(?!(?:the|a|an|his|her|their|its|other|several)\b)[a-z]")


def _appositions(text: str, sentence: Sentence, items: Sequence[Item]) -> list[Item]:
    """A skip item over each apposition after a person (commas included), so that lists read across it and
    the states or titles inside it ("the U.S. envoy", "head of Russia's fund") are no participants: a wire
    names a person, then says who they are between commas, then goes on with the list or the verb. None
    where the commas hold another person ("X, the two leaders, ...")."""
    out = []
    for item in items:
        if not item.person or item.kind == "skip" or not text.startswith(",", item.end):
            continue
        found = _PERSON_APPOSITION.match(text, item.end, sentence.end)
        if found is not None and _VERB_AFTER.match(text, found.end()) is None \
                and _FINITE.search(text, found.start(), found.end()) is None \
                and not any(o.person and found.start() < o.start < found.end()
                            and not text.startswith(_APOSTROPHES, o.end) for o in items):  # "the president's aide"
            out.append(Item(found.start(), found.end(), "skip"))
    return out


# the head nouns of institutions' names, by which an article refers back to one ("the council met")
_INSTITUTION_HEADS = frozenset({"council", "assembly", "commission", "parliament", "agency", "court", "committee"})
_BACK_REFERENCE = frozenset({"the", "that"})


def _institutions_named_before(reading: SentenceReading, items: Sequence[Item]) -> list[Item]:
    """"The U.N. Security Council ... The 15-member council met": "the (...) council" stands for the
    institution named in the sentences just before whose name ends in that noun, if one is."""
    out = []
    for i, (start, end, word) in enumerate(reading.tokens):
        if word not in _INSTITUTION_HEADS or reading.text[start].isupper() \
                or any(it.start <= start < it.end for it in items):
            continue
        if not any(w in _BACK_REFERENCE for _, _, w in reading.tokens[max(0, i - 3):i]):
            continue
        for _, mentions in reading.prior_back():
            found = [m for m in mentions if m.actor.kind == "institution"
                     and m.actor.name.rsplit(" ", 1)[-1].lower() == word]
            if found:
                actor = found[-1].actor
                out.append(Item(start, end, "party", (canonical(actor),)))
                break
    return out


# "the two leaders", "both men", "the three European leaders", "the two Americans": the people named last
# before (see ``_pairs``)
_COUNTED = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_PAIR = re.compile(r"\b(?:(?:[Tt]he\s+(?:same\s+)?(?P<n>two|three|four|five)|[Bb]oth)\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?"
                   r"(?P<noun>men|women|leaders|presidents|ministers|envoys|negotiators|Americans|Europeans)"
                   r"|[Tt]he\s+(?P<pair>pair|duo))\b")
# the side a nationality word before the count's noun, or the noun itself, restricts the people to
_COUNTED_SIDES = {"American": "US", "Americans": "US", "Ukrainian": "UA", "Russian": "RU", "European": "OTHER",
                  "Europeans": "OTHER"}


def _pairs(reading: SentenceReading, mentions: Sequence[ActorMention]) -> list[Item]:
    """Each "the two men" ("the three European leaders") of the sentence as a party of the people it stands
    for: those named before it in the sentence, else in the nearest sentence before that names someone; all of
    them when they are as many as it counts, else the last list of that many ("X flew to London, where A, B and
    C pledged ... The three European leaders"); none otherwise."""
    out = []
    text, sentence = reading.text, reading.sentence
    for m in _PAIR.finditer(text, sentence.start, sentence.end):
        count = _COUNTED[m.group("n") or "both"]  # ("the pair", "the duo": two)
        side = _COUNTED_SIDES.get(m.group("noun") or "") or _COUNTED_SIDES.get(m.group("adj") or "")
        if m.group("adj") and side is None:
            continue  # "the two Kremlin envoys": a word the people named are not known by
        people = _people_mentions(text, sentence, [a for a in mentions if a.end <= m.start()], side)
        if not people:
            for before, found in reading.prior_back():
                people = _people_mentions(text, before, found, side)
                if people:
                    break
        names = list(dict.fromkeys(canonical(p.actor) for p in people))
        if len(names) > count:  # too many: not one who reports ("aide X told reporters that A called B")
            told = [p for p in people if not _REPORTS.match(text, p.end)]
            if len(set(canonical(p.actor) for p in told)) == count:
                people = told
                names = list(dict.fromkeys(canonical(p.actor) for p in people))
        if len(names) > count:  # too many: not one named as a possessor ("Trump's son-in-law"), the last list
            people = [p for p in people if not text.startswith(_APOSTROPHES, p.end)]
            names = list(dict.fromkeys(canonical(p.actor) for p in _last_list(text, people)))
            if len(names) != count and (m.group("pair") or m.group("noun") in ("men", "women", "envoys")):
                # else a list of as many named before ("X and Y, both close to Trump. ... the pair"); not for
                # "the two presidents", which names who they are
                for k in range(len(people) - 1, 0, -1):
                    listed = _last_list(text, people[:k + 1])
                    if len(listed) == count:
                        names = list(dict.fromkeys(canonical(p.actor) for p in listed))
                        break
        if len(names) == count:
            out.append(Item(m.start(), m.end(), "party", tuple(names), person=True))
    return out


_WHERE = re.compile(r",\s+where\s+")
# right after a person: the verb of one who reports what others did
_REPORTS = re.compile(r",?\s+(?:told|said|says|tells|added|explained|noted)\b")
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.-]*\s+){0,4}")  # titles before a name ("British Prime Minister X")


def people_where(reading: SentenceReading, venue_end: int) -> tuple[str, ...]:
    """The people listed first in a relative clause right after a venue ("flew to London, where A, B and C
    pledged ..."): they are there with whoever travelled; () when no list of people opens such a clause."""
    text = reading.text
    opener = _WHERE.match(text, venue_end)
    if opener is None:
        return ()
    names: list[str] = []
    gap = _TITLE_WORDS
    at = opener.end()
    for item in reading.items:
        if item.end <= at:
            continue
        if not item.person or item.kind not in ("party", "speaker") or not gap.fullmatch(text, at, item.start):
            break
        names.extend(item.names)
        gap, at = _JOINED_PEOPLE, item.end
    return tuple(dict.fromkeys(names))


def _last_list(text: str, people: Sequence[ActorMention]) -> list[ActorMention]:
    """The people of the last list among ``people`` ("A, B and C"): each joined to the next by a comma or "and"."""
    listed = list(people[-1:])
    while len(listed) < len(people):
        prev = people[-len(listed) - 1]
        if not _JOINED_PEOPLE.fullmatch(text, prev.end, listed[0].start):
            break
        listed.insert(0, prev)
    return listed


_THEY = re.compile(r"\b[Tt]hey\b")
# between the people of one list ("X, Y and Z", "X, French President Y and German Chancellor Z")
_JOINED_PEOPLE = re.compile(r"(?:,?\s+and\s+|,\s+)(?:[A-Z][\w.-]*\s+){0,4}")


def _they(reading: SentenceReading, mentions: Sequence[ActorMention]) -> list[Item]:
    """Each "they" of the sentence as a party of the people of the last list of people before it in the same
    sentence ("X is meeting Y and Z today, a day after they held talks with W": Y and Z), when that list is
    of people only, joined by "and"; none otherwise (a "they" for states, crowds or officials stays unread)."""
    out = []
    text, sentence = reading.text, reading.sentence
    people = [m for m in mentions if m.actor.kind == "person"]
    for m in _THEY.finditer(text, sentence.start, sentence.end):
        listed = _last_list(text, [p for p in people if p.end <= m.start()])
        joined = len(listed) > 1 and " and " in text[listed[0].start:listed[-1].start]
        if joined:
            names = tuple(dict.fromkeys(canonical(p.actor) for p in listed))
            out.append(Item(m.start(), m.end(), "party", names, person=True))
    return out


def _people_mentions(text: str, sentence: Sentence, mentions: Sequence[ActorMention],
                     side: str | None = None) -> list[ActorMention]:
    """The mentions of people (of ``side``, when given) among ``mentions`` out of quotation marks, in order."""
    people = [m for m in mentions if m.actor.kind == "person" and (side is None or m.actor.side == side)]
    spans = set(_unquoted(text, sentence, [(m.start, m.end) for m in people]))
    return sorted((m for m in people if (m.start, m.end) in spans), key=_START)


# the prepositions before a side noun that make it the place where something happens ("in the Kremlin")
_SITE_PREPOSITIONS = frozenset({"in", "at", "inside", "near"})


def _names_site(reading: SentenceReading, item: Item) -> bool:
    """Whether a side noun names a place ("talks in the Kremlin", "at the White House"): after "in", "at",
    "inside" or "near", no possessive ("at the Kremlin's request") and no group of people ("among
    Americans", "in the Trump administration") or modifier ("at U.S.-hosted talks")."""
    text, lexicon = reading.text, reading.lexicon
    word = " ".join(text[item.start:item.end].split())
    if word not in lexicon.side_nouns or "-" in word or text.startswith(_APOSTROPHES, item.end):
        return False
    if word.split()[-1].lower() in lexicon.delegation or word[:-1] in lexicon.side_adjectives:
        return False
    return reading.preposition_before(item.start) in _SITE_PREPOSITIONS


def folds_safely(text: str, low: str) -> bool:
    """Whether a phrase ``re.IGNORECASE`` finds in ``text`` is in ``low`` (its lowercase) as the rules spell
    it: true unless lowercasing changed the length or a letter matches an ASCII one only ignoring case."""
    return len(low) == len(text) and "ı" not in low and "ſ" not in low


def _pronoun_speaker(reading: SentenceReading, item: Item) -> Item:
    """A pronoun that reports ("he said", "she wrote") is a speaker: the person it stands for."""
    if _SPEECH.match(reading.text, item.end, reading.sentence.end) is None:
        return item
    who = reading.person_before(item.start, ())
    return item if who is None else Item(item.start, item.end, "speaker", (who,), person=True)


def _modifier(low: str) -> bool:
    """Words such as "20-point", "two-day", "2026": qualifiers of a noun in any list."""
    return "-" in low or low[:1].isdigit()


def _take(reading: SentenceReading, item: Item, names: list[str], collected: Sequence[str]) -> None:
    if item.kind == "pronoun":
        who = reading.person_before(item.start, collected)
        if who is not None:
            names.append(_team_state(reading, item, who))
    else:
        names.extend(item.names)


# after "his", "her", "their": the words of a side's team ("talks between his team and the US envoys")
_TEAM = re.compile(r"\s+(?:negotiating\s+)?(?:team|delegation|negotiators|envoys)\b")


def _team_state(reading: SentenceReading, item: Item, who: str) -> str:
    """Who a possessive pronoun before a team word stands for as a party: the state of that person's side
    ("between his team and the US envoys": Ukraine, not Zelensky); the person otherwise."""
    if reading.actors is None or reading.text[item.start:item.end].lower() not in ("his", "her", "their") \
            or _TEAM.match(reading.text, item.end) is None:
        return who
    actor = reading.actors.lookup(who)
    return who if actor is None else SIDE_STATES.get(actor.side, who)


def _separately(reading: SentenceReading, i: int, previous: str) -> bool:
    """Whether token ``i`` is "separately" after "and" or a comma, or a comma before it ("met X and then,
    separately, Y"): the list goes on with another event's parties."""
    low = reading.tokens[i][2]
    if low == ",":
        return i + 1 < len(reading.tokens) and reading.tokens[i + 1][2] == "separately" and previous in (
            "and", "then")
    return low == "separately" and previous in ("and", ",")


# the verbs that, right after a name joined by "and", make it the subject of a clause of its own
# (not auxiliaries: "talks with X, Y and Ukraine would be held" ends the list with the clause's own verb)
_CLAUSE_VERBS = frozenset({"awaits", "awaited", "said", "says", "warned", "warns", "told", "tells", "added", "adds",
                          "insists", "insisted", "wants", "wanted", "hopes", "hoped", "expects", "expected",
                          "remains", "remained", "continues", "continued", "denied", "denies", "rejected", "rejects",
                          "struck", "launched", "attacked"})


_REQUESTED_BY = re.compile(r"['’]s\s+(?:request|behest|urging)\b")


def _opens_clause(reading: SentenceReading, end: int) -> bool:
    """Whether a verb of a clause of its own follows the name ending at ``end``."""
    k = reading.next_token(end)
    return k < len(reading.tokens) and reading.tokens[k][2] in _CLAUSE_VERBS


def scan_after(reading: SentenceReading, pos: int, *, introduced_only: bool = False) -> Span:
    """The participants and venues named right after a trigger ("with X in Paris", "between X and Y").

    A comma after the list has been closed by another word ends it ("met him directly, Ukraine
    ..."); with ``introduced_only`` only the parties after "between", "with" ... are taken.
    """
    lex = reading.lexicon
    allowed = lex.after_list
    i, n = reading.next_token(pos), len(reading.tokens)
    names: list[str] = []
    places: list[PlaceMention] = []
    pending: list[str] = []
    cuts: list[int] = []  # where in ``names`` a second "with" starts another list
    introduced, closed, listing, end, previous = False, False, False, pos, ""
    while i < n:
        start, stop, low = reading.tokens[i]
        item = reading.by_start.get(start)
        if item is not None and item.kind != "skip":
            if item.kind == "speaker":
                break
            if item.kind == "place" and item.place is not None:
                if reading.preposition_before(item.start) in VENUE_PREPOSITIONS:
                    places.append(item.place)
            elif item.kind == "adjective":
                pending.extend(item.names)
            elif _REQUESTED_BY.match(reading.text, item.end):
                break  # "met on Monday at Ukraine's request": who asked for it is no participant
            elif previous == "and" and names and _opens_clause(reading, item.end):
                # "to meet Trump in Davos and Putin awaits US envoys": Putin is the subject of another clause
                end = max(pos, reading.text.rfind(" and", pos, item.start))
                break
            elif introduced or not introduced_only:
                _take(reading, item, names, names)
            closed = listing = False
            end, previous, i = item.end, "", reading.next_token(item.end)
            continue
        if names and item is None and _separately(reading, i, previous):
            if low == "separately":  # "met X and, separately, Y": Y is met in an event of its own
                cuts.append(len(names))
            closed = listing = False
            previous, i = low, i + 1
            continue
        if item is None and not (low in allowed or _modifier(low)):
            break
        if (low == "," and closed) or (listing and item is None and low not in lex.listing
                                       and low not in lex.title_words and low not in lex.delegation):
            break
        listing = listing or (low == "," and bool(names))
        if low in lex.delegation:
            names.extend(lex.leaders.get(n, n) if low in lex.leader_words else n for n in pending)
            pending.clear()
        closed = closed or (bool(names) and low not in lex.listing and low not in lex.title_words)
        if low in INTRODUCERS and names and previous in ("and", ","):
            cuts.append(len(names))
        introduced = introduced or low in INTRODUCERS
        end, previous = (stop, low) if item is None else (item.end, "")
        i = i + 1 if item is None else reading.next_token(item.end)
    bounds = [0, *cuts, len(names)]
    groups = tuple(tuple(dict.fromkeys(names[a:b])) for a, b in itertools.pairwise(bounds) if b > a)
    return Span(pos, end, tuple(dict.fromkeys(names)), tuple(places), introduced and bool(names), groups)


_APPOSITION_REACH = 120  # characters an apposition between a subject and its verb may take


def before_apposition(reading: SentenceReading, pos: int) -> int:
    """Where the subject of a verb at ``pos`` ends when an apposition stands between them ("the Coalition of
    the Willing, the group of Kyiv's backers led by Britain and France, met in Paris"): the comma opening it,
    else ``pos``."""
    text = reading.text
    close = pos - 1
    while close > reading.sentence.start and text[close] == " ":
        close -= 1
    if text[close] != ",":
        return pos
    open_ = text.rfind(",", max(reading.sentence.start, close - _APPOSITION_REACH), close)
    if open_ < 0 or not _APPOSITION_OPENING.match(text, open_ + 1, close):
        return pos
    head = reading.by_end.get(open_)
    return open_ if head is not None and head.kind == "party" else pos


_APPOSITION_OPENING = re.compile(r"\s+(?:the|a|an)\s[^\"“”;:]*$", re.IGNORECASE)


def scan_before(reading: SentenceReading, pos: int, *, verb: bool, commas: bool = True) -> Span:
    """The subject or qualifiers of a trigger ("Ukraine and Russia held talks", "the Geneva talks");
    without ``commas`` the subject must follow no comma ("after a call with Trump, called on ...")."""
    lex = reading.lexicon
    allowed = lex.before_lists[verb, commas]
    if verb:
        pos = before_apposition(reading, pos)
    i = reading.token_before(pos)
    names: list[str] = []
    places: list[PlaceMention] = []
    delegation, leader, start = False, False, pos
    while i >= 0:
        tok_start, _, low = reading.tokens[i]
        item = reading.by_end.get(reading.tokens[i][1])
        if item is not None and item.kind != "skip":
            if item.kind == "speaker":
                break
            if item.kind == "place" and item.place is not None:
                if start == pos or reading.preposition_before(item.start) in VENUE_PREPOSITIONS \
                        or _HOSTED_NEXT.match(reading.text, item.end):
                    places.append(item.place)  # "the Geneva talks", "envoys in Geneva met", "Istanbul hosted"
            elif item.kind == "adjective":
                if delegation or not verb:
                    names.extend(lex.leaders.get(n, n) if leader else n for n in item.names)
            else:
                _take(reading, item, names, names)
            start, i = item.start, reading.token_before(item.start)
            if item.kind == "pronoun" and reading.text[item.start:item.end] in _SUBJECT_PRONOUNS:
                break  # "... met Zelensky and he agreed": a subject pronoun is the whole subject, the names
                # before it are the objects of another verb
            continue
        if item is None and not (low in allowed or _modifier(low)):
            break
        if low in lex.give and item is None:
            names.clear()  # what was read were the objects of "given", "set"...: the subject comes next
        delegation = delegation or low in lex.delegation
        leader = leader or low in lex.leader_words
        start = tok_start if item is None else item.start
        i = i - 1 if item is None else reading.token_before(item.start)
    return Span(start, pos, tuple(dict.fromkeys(reversed(names))), tuple(places))
