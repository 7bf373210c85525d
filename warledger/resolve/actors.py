"""The actor registry: people, states, institutions and groups of the war, and a matcher for them.

The data is ``gazetteers/actors.tsv`` (one actor a row, with the spellings the press uses) and
``gazetteers/actor_rules.toml`` (titles, verbs of saying, words that are never names, city names
that stand for governments). ``ActorRegistry.find`` scans the capitalised words of a text and
looks each up in a dict keyed by first word, so its cost grows with the text, not the registry.
It also finds people the registry does not know: a capitalised name after a title ("Governor
Oleh Syniehubov"), next to a verb of saying ("Halyna Moroz said", "said Halyna Moroz") or before
an apposition ("Tymofei, a military medic").

DOCS: docs/data-sources.md
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ResolveError

ACTORS_FILE = "actors.tsv"
RULES_FILE = "actor_rules.toml"
COLUMNS = ("key", "name", "side", "country", "role", "gender", "surname", "aliases")
KINDS = frozenset({"person", "state", "institution", "group"})
SIDES = frozenset({"UA", "RU", "US", "OTHER"})
PARTICLES = frozenset({"von", "der", "van", "de", "da", "del", "dos", "bin", "al", "la", "le", "di", "du"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# A candidate first word: starts with a capital (Latin or Cyrillic); words run on through ' . -
_CAPITALISED = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f\u0400-\u042f][\w'’.\-]*")
_CANDIDATE_HEAD = r"(?<![\w'’.])(?:[^\W\d_a-z][\w'’.\-]*"
_NEXT = re.compile(r"[ \t\u00a0]+([\w'’.\-]+)")
_NAMELIKE = re.compile(r"[^\W\d_][^\W\d_]+(?:['’\-][^\W\d_]+)*")
_WORD = re.compile(r"[\w'’.\-]+")
_APPOSITION = re.compile(r",[ \t\u00a0]+(?:a|an|the|who|whose|\d{1,3},)[ \t\u00a0,]")


@dataclass(frozen=True, slots=True)
class Actor:
    """One person, state, institution or group, under its canonical name."""

    key: str            # "person.volodymyr_zelensky", "state.russia", "institution.kremlin", "group.european_leaders"
    name: str           # canonical: "Volodymyr Zelensky", "Russia", "Kremlin", "European leaders"
    kind: str           # "person" | "state" | "institution" | "group"
    side: str           # "UA" | "RU" | "US" | "OTHER"
    country: str | None  # ISO 3166 alpha-2
    role: str | None    # "President of Ukraine"
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: ``surface == text[start:end]``."""

    start: int
    end: int
    surface: str
    actor: Actor
    known: bool  # False: a person found by pattern (title + capitalised name, or name next to "said")


@dataclass(frozen=True, slots=True)
class ActorRules:
    """The contents of ``actor_rules.toml``, as sets for fast membership tests."""

    titles: frozenset[str]
    finite_verbs: frozenset[str]
    inverting: frozenset[str]            # verbs that come before their subject: "said Zelensky"
    participles: frozenset[str]
    verb_adverbs: frozenset[str]
    not_names: frozenset[str]
    female: frozenset[str]
    metonyms: Mapping[str, str]          # place name -> actor key
    metonym_verbs: frozenset[str]
    metonym_skip: frozenset[str]
    blockers: tuple[str, ...]
    naming: re.Pattern[str]              # words after which a capitalised word is a name ("call sign")
    descriptor_heads: frozenset[str]
    role_nouns: tuple[str, ...]
    role_adjectives: Mapping[str, str]   # "ukrainian" -> "UA"
    leaders: Mapping[str, str]           # country -> actor key of its leader
    naming_phrases: tuple[str, ...] = ()  # the phrases of ``naming``
    company_nouns: frozenset[str] = frozenset()  # "company", "operator", "firm": nouns of one kind of body
    met_verbs: frozenset[str] = frozenset()      # "met", "hosted": a full name after them is a person
    metonym_possessed: frozenset[str] = frozenset()  # "refusal": a stance a city's government owns ("Berlin's")

    @property
    def speech_verbs(self) -> frozenset[str]:
        return self.finite_verbs | self.participles


@dataclass(frozen=True, slots=True)
class _Phrase:
    rest: tuple[str, ...]   # the words after the first, normalised
    actor: Actor
    needs_the: bool         # only after "the" ("the West")
    metonym: bool           # a city standing for a government: only before a verb


@dataclass(frozen=True, slots=True)
class _Plan:
    """What one candidate word (as written) can start: see ``ActorRegistry._plan``."""

    known: tuple[tuple[int, tuple[_Table, ...]], ...]  # (length of the form, its tables), in _forms order
    unknown: bool                                      # may start an unknown person's name
    dash: int                                          # 1 + the offset of its first inner hyphen, else 0
    simple: tuple[int, Actor] | None = None            # always this actor, over this length: no context to read


_SKIP = _Plan((), False, 0)  # not a candidate at all (a lowercase word that is no anchor)
_PLAN_LIMIT = 50_000         # spellings remembered before the cache starts afresh
_PLACE_NAMES: dict[str, bool] = {}  # is_place, by name


@dataclass(frozen=True, slots=True)
class _Table:
    """The phrases that start with one word, by the words that follow it."""

    lengths: tuple[int, ...]                       # numbers of following words, longest first
    rests: Mapping[tuple[str, ...], tuple[_Phrase, ...]]
    seconds: frozenset[str]                        # the words that may come second
    bare: tuple[_Phrase, ...] = ()                 # rests[()]: the phrases that are the first word alone


def norm_word(word: str) -> str:
    """Lowercase with straight apostrophes: the form the indexes use."""
    low = word.lower()
    return low if low.isascii() else low.translate(_APOSTROPHES)


def fold(text: str) -> str:
    """``norm_word`` with accents stripped ("Erdoğan" -> "erdogan")."""
    decomposed = unicodedata.normalize("NFKD", norm_word(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class ActorRegistry:
    """Known actors, indexed by every alias; ``find`` scans text, ``lookup`` resolves one name."""

    def __init__(self, actors: Iterable[Actor], genders: Mapping[str, str], surnames: Mapping[str, str | None],
                 rules: ActorRules) -> None:
        self.actors = tuple(actors)
        self.rules = rules
        self._by_key = {a.key: a for a in self.actors}
        self._genders = dict(genders)
        self._names: dict[str, Actor] = {}
        self._draft: dict[tuple[bool, str, tuple[str, ...], str], _Phrase] = {}
        self._anchors: set[str] = set()
        self._index(surnames)
        grouped: dict[tuple[bool, str], dict[tuple[str, ...], list[_Phrase]]] = {}
        for (acronym, first, rest, _key), phrase in self._draft.items():
            grouped.setdefault((acronym, first), {}).setdefault(rest, []).append(phrase)
        self._phrases: dict[str, _Table] = {}
        self._acronyms: dict[str, _Table] = {}
        for (acronym, first), rests in grouped.items():
            table = _Table(tuple(sorted({len(r) for r in rests}, reverse=True)),
                           {r: tuple(p) for r, p in rests.items()}, frozenset(r[0] for r in rests if r),
                           tuple(rests.get((), ())))
            (self._acronyms if acronym else self._phrases)[first] = table
        self._holders = self._role_holders()
        self._blocker_initials = frozenset(b[0] for b in rules.blockers)
        extra = "".join(f"|{re.escape(w)}\\b" for w in sorted(self._anchors))
        self._candidate = re.compile(_CANDIDATE_HEAD + extra + ")")
        self._plans: dict[str, _Plan] = {}
        self._anchored: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())  # (text, anchor spans)
        self._name_words: dict[str, tuple[str, bool, bool, bool]] = {}
        ends = frozenset(p[-1].lower() for p in rules.naming_phrases)
        # the last characters of the naming phrases, when all are ASCII (else the pattern is always tried)
        self._naming_ends = ends if rules.naming_phrases and all(c.isascii() and c not in " \t" for c in ends) else None

    # -- building -------------------------------------------------------------------------------
    def _index(self, surnames: Mapping[str, str | None]) -> None:
        seen_surnames: dict[str, dict[str, set[str]]] = {}  # folded surname -> actor key -> spellings
        for actor in self.actors:
            for spelling in (actor.name, *actor.aliases):
                self._add(spelling, actor)
            if actor.kind == "person":
                for surname in _surnames(actor, surnames.get(actor.key)):
                    seen_surnames.setdefault(fold(surname), {}).setdefault(actor.key, set()).add(surname)
        for place, key in self.rules.metonyms.items():
            state = self._by_key.get(key)
            if state is None:
                raise ResolveError(f"{RULES_FILE}: metonym {place!r} names unknown actor {key!r}")
            self._add(place, state, metonym=True)
        for folded, owners in seen_surnames.items():
            if len(owners) != 1 or folded in self.rules.not_names:
                continue  # "Fedorov" names two people: only their full names count
            ((key, spellings),) = owners.items()
            if self._names.get(folded, self._by_key[key]) is self._by_key[key]:
                for spelling in sorted(spellings):
                    self._add(spelling, self._by_key[key])

    def _add(self, spelling: str, actor: Actor, *, metonym: bool = False) -> None:
        """Index one spelling; "the X" only matches after "the" unless X alone is a spelling too."""
        needs_the = spelling.lower().startswith("the ")
        bare = spelling[4:] if needs_the else spelling
        if not metonym:
            self._names.setdefault(fold(bare), actor)
        acronym = " " not in bare and bare.replace(".", "").isupper() and len(bare) <= 6
        if bare[:1].islower():
            self._anchors.add(bare.split()[0])
        for form in {norm_word(bare), fold(bare)}:
            parts = form.split()
            first = bare if acronym else parts[0]
            slot = (acronym, first, tuple(parts[1:]), actor.key)
            old = self._draft.get(slot)
            self._draft[slot] = _Phrase(tuple(parts[1:]), actor, needs_the and (old is None or old.needs_the),
                                        metonym)

    def _role_holders(self) -> dict[tuple[str, str | None], Actor]:
        holders: dict[tuple[str, str | None], Actor] = {}
        states: dict[str, str | None] = {}
        for state in (a for a in self.actors if a.kind == "state"):
            for spelling in (state.name, *state.aliases):
                states[fold(spelling).removeprefix("the ")] = state.country
        adjectives = self.rules.role_adjectives
        for actor in self.actors:
            if actor.kind != "person" or not actor.role:
                continue
            role = actor.role.lower()
            if role.startswith(("former", "acting", "deputy", "first deputy")):
                continue
            noun, sep, place = role.partition(" of ")
            if sep:
                country = states.get(place.removeprefix("the "))
            else:
                first, _, rest = role.partition(" ")
                noun, country = rest, adjectives.get(first) or None
            if country and noun:
                holders.setdefault((noun, country), actor)
        for country, key in self.rules.leaders.items():
            leader = self._by_key.get(key)
            if leader is None:
                raise ResolveError(f"{RULES_FILE}: leader of {country} is unknown actor {key!r}")
            holders[("leader", country)] = leader
        return holders

    # -- queries ----------------------------------------------------------------------------------
    def by_key(self, key: str) -> Actor | None:
        """The actor with this registry key."""
        return self._by_key.get(key)

    def lookup(self, name: str) -> Actor | None:
        """The actor one name stands for: any alias, any case; surname alone for people it knows.

        City names that stand for governments ("Kyiv", "Moscow") resolve to their state.
        """
        bare = name.strip()
        key = fold(bare).removeprefix("the ")
        key = key[:-2] if key.endswith("'s") else key
        actor = self._names.get(key)
        if actor is not None:
            return actor
        for table in (self._acronyms.get(bare), self._phrases.get(key)):
            if table is not None and () in table.rests:
                return table.rests[()][0].actor
        return None

    def gender(self, actor: Actor) -> str | None:
        """"m", "f", or None when unknown: from the data, else from a known female first name."""
        known = self._genders.get(actor.key)
        if known:
            return known
        words = actor.name.split()
        if actor.kind != "person" or not words:
            return None
        return "f" if fold(words[0]) in self.rules.female else None

    def holder(self, role: str, country: str | None) -> Actor | None:
        """The person who holds a role in a country: ("president", "UA") -> Volodymyr Zelensky."""
        return self._holders.get((role.lower(), country))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ActorMention]:
        """Actors named in ``text[start:end]``, non-overlapping, left to right."""
        end = len(text) if end is None else min(end, len(text))
        out: list[ActorMention] = []
        # the faster pattern unless a phrase that starts in lowercase ("von der Leyen") may be there
        pattern = _CAPITALISED
        anchored = self._anchored
        if anchored[0] is not text:  # where the anchors stand in the text, found once per text
            anchored = self._anchored = (text, tuple(sorted(
                (i, i + len(anchor)) for anchor in self._anchors for i in _occurrences(text, anchor))))
        for a, b in anchored[1]:
            if start <= a and b <= end:
                pattern = self._candidate
                break
        plans = self._plans
        pos = start
        while pos < end:
            again = False  # the scan goes on inside a word the last match covered: search afresh from pos
            for m in pattern.finditer(text, pos, end):
                s = m.start()
                if s < pos:  # within the mention just found
                    if m.end() > pos:
                        again = True
                        break
                    continue
                token = m.group()
                plan = plans.get(token)
                if plan is None:
                    plan = self._plan(token)
                if plan is _SKIP or (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'’._")):
                    pos = m.end()
                    continue
                mention = None
                if plan.simple is not None:  # one spelling of one actor, nothing to check around it
                    stop = s + plan.simple[0]
                    mention = ActorMention(s, stop, text[s:stop], plan.simple[1], True)
                elif plan.known:
                    mention = self._known_at(text, s, token, end, plan.known)
                if mention is None and plan.unknown:
                    mention = self._unknown_at(text, s, token, end)
                if mention is not None:
                    out.append(mention)
                    pos = mention.end
                    again = pos < m.end()
                elif plan.dash:
                    pos = s + plan.dash  # "Trump-Putin": the word after the hyphen is a candidate too
                    again = True
                else:
                    pos = m.end()
                if again:
                    break
            if not again:
                break
        return out

    def _plan(self, token: str) -> _Plan:
        """What a candidate word can start, worked out once per spelling: the registry's tables for
        each of its forms, and whether it may begin an unknown person's name."""
        if not token[0].isupper() and token not in self._anchors:
            plan = _SKIP
        else:
            tables = []
            for form, length in _forms(token):
                found = tuple(t for t in (self._acronyms.get(token[:length]), self._phrases.get(form)) if t is not None)
                if found:
                    tables.append((length, found))
            dash = token.find("-", 1)
            simple = None
            if len(tables) == 1 and len(tables[0][1]) == 1 and token[0] not in self._blocker_initials:
                length, (table,) = tables[0]
                if not table.seconds and table.bare and not (table.bare[0].needs_the or table.bare[0].metonym):
                    simple = (length, table.bare[0].actor)
            plan = _Plan(tuple(tables), self._may_be_unknown(token), dash + 1 if dash > 0 else 0, simple)
        if len(self._plans) >= _PLAN_LIMIT:
            self._plans.clear()
        self._plans[token] = plan
        return plan

    def _may_be_unknown(self, token: str) -> bool:
        """Whether ``_unknown_at`` can find a name starting with this word (its first checks need no context)."""
        low = token.lower()
        if low in self.rules.not_names or low in self.rules.titles or not token[1:2].islower():
            return False
        word = _WORD.match(token)
        if word is None or word.end() != len(token):
            return False
        core = token[:-2] if token.endswith(("'s", "’s")) else token
        core = core.rstrip(".") if core.endswith(".") and len(core) > 2 else core
        low = norm_word(core)
        return _namelike(core) and low not in self.rules.not_names and low not in self.rules.titles

    # -- matching -----------------------------------------------------------------------------------
    def _known_at(self, text: str, s: int, token: str, end: int,
                  plan: tuple[tuple[int, tuple[_Table, ...]], ...]) -> ActorMention | None:
        following: list[tuple[int, int, str]] = []  # the words after the token, read once
        best: tuple[int, _Phrase] | None = None
        for length, tables in plan:
            for table in tables:
                longer = length == len(token) and bool(table.seconds) \
                    and self._second_fits(text, s + length, table, end, following)
                for count in table.lengths:
                    if not count:  # the phrases that are this one word: no words to read
                        found = None
                        for phrase in table.bare:
                            if self._allowed(text, s, s + length, phrase, end):
                                found = (s + length, phrase)
                                break
                    elif not longer:
                        continue
                    else:
                        found = self._match_rest(text, s, s + length, table, count, end, following)
                    if found is not None and (best is None or found[0] > best[0]):
                        best = found
                        break
            if best is not None:
                break
        if best is None:
            return None
        stop, phrase = best
        return ActorMention(s, stop, text[s:stop], phrase.actor, True)

    @staticmethod
    def _second_fits(text: str, pos: int, table: _Table, end: int, following: list[tuple[int, int, str]]) -> bool:
        """Whether the next word can continue one of the table's phrases (read once into ``following``)."""
        if not table.seconds:
            return False
        if not following:
            m = _NEXT.match(text, pos, end)
            if m is None:
                return False
            following.append((m.start(1), m.end(1), norm_word(m.group(1))))
        word = following[0][2]
        if word in table.seconds:
            return True
        if "'" not in word and "." not in word and "-" not in word:
            return False  # no other form to try
        return any(form in table.seconds for form, _ in _forms_of(word)[1:])

    def _match_rest(self, text: str, s: int, pos: int, table: _Table, count: int, end: int,
                    following: list[tuple[int, int, str]]) -> tuple[int, _Phrase] | None:
        """The phrase of ``table`` whose ``count`` following words come next, with where it ends."""
        options: list[tuple[tuple[str, ...], int]] = [((), pos)]
        if count:
            while len(following) < count:
                m = _NEXT.match(text, following[-1][1] if following else pos, end)
                if m is None:
                    return None
                following.append((m.start(1), m.end(1), norm_word(m.group(1))))
            head = tuple(w for _, _, w in following[:count - 1])
            wstart, _, last = following[count - 1]
            options = [((*head, form), wstart + length) for form, length in _forms_of(last)]
        for rest, stop in options:
            for phrase in table.rests.get(rest, ()):
                if self._allowed(text, s, stop, phrase, end):
                    return stop, phrase
        return None

    def _allowed(self, text: str, s: int, stop: int, phrase: _Phrase, end: int) -> bool:
        if not (phrase.needs_the or phrase.metonym or text[s] in self._blocker_initials):
            return True
        if phrase.needs_the and _word_before(text, s) != "the":
            return False
        if text[s] in self._blocker_initials and any(text.startswith(b, s) for b in self.rules.blockers):
            return False
        return self._acts(text, stop, end) if phrase.metonym else True

    def _acts(self, text: str, pos: int, end: int) -> bool:
        """True when a verb of acting or stance follows (after skip words): "Kyiv has rejected"."""
        if text.startswith(("'s", "’s"), pos):  # "Berlin's refusal to send ...": a stance it owns
            m = _NEXT.match(text, pos + 2, end)
            return m is not None and norm_word(m.group(1)).rstrip(".") in self.rules.metonym_possessed
        for _ in range(4):
            m = _NEXT.match(text, pos, end)
            if m is None:
                return False
            word = norm_word(m.group(1)).rstrip(".")
            if word in self.rules.metonym_verbs:
                return True
            if word not in self.rules.metonym_skip:
                return False
            pos = m.end()
        return False

    def _unknown_at(self, text: str, s: int, token: str, end: int) -> ActorMention | None:
        """A person the registry does not know, found by the words around a capitalised name."""
        low = token.lower()
        if low in self.rules.not_names or low in self.rules.titles or low in self.rules.role_adjectives \
                or not token[1:2].islower():
            return None  # (a nationality is no one's name: "Kenyan Foreign Minister ... said")
        run = self.name_run(text, s, end)
        if run is None:
            return None
        stop = run[0]
        before = _word_before(text, s)
        role: str | None = before if before in self.rules.titles else None
        if role is None and self._named_before(text, s):
            role = "named"
        if role is None and len(run[1]) == 1:  # "Pavel said", after "President Petr Pavel": that person
            full = self._full_name_before(text, s, token)
            if full is not None:
                return ActorMention(s, stop, text[s:stop], self.unknown_person(full, "named"), False)
        if role is None:  # a place (most capitalised words here are) is no one; else a word around must say so
            if self.is_place(text[s:stop]):
                return None
            if not (before in self.rules.inverting or self.says_after(text, stop, end)
                    or _APPOSITION.match(text, stop, min(end, stop + 12)) is not None
                    or (before in self.rules.met_verbs and len(run[1]) >= 2)):  # "met Badr Abdelatty"
                return None
        country = self._nationality(text, s) if role is not None and role != "named" else None
        return ActorMention(s, stop, text[s:stop], self.unknown_person(text[s:stop], role, country), False)

    def _nationality(self, text: str, s: int) -> str | None:
        """The country a nationality word gives a titled name ("Czech President Petr Pavel" -> CZ): the word
        before the title's words (at most three of them)."""
        words = [norm_word(w).rstrip(".") for w in text[max(0, s - 60):s].split()[-5:]]
        for k in range(len(words) - 1, -1, -1):
            if words[k] in self.rules.titles or words[k] in _OFFICE_WORDS:
                continue
            code = self.rules.role_adjectives.get(words[k])
            return code or None
        return None

    def _full_name_before(self, text: str, s: int, surname: str) -> str | None:
        """The full name a bare surname at ``s`` stands for: one told earlier in the text after a title
        ("President Petr Pavel ... Pavel said"), the first name and the surname."""
        k = text.rfind(" " + surname, 0, s)
        for _ in range(_SURNAME_LOOKBACK):
            if k < 0:
                return None
            if text.startswith(surname, k + 1) and not text[k + 1 + len(surname):k + 2 + len(surname)].isalpha():
                first = _FIRST_NAME_BEFORE.search(text, max(0, k - 40), k)
                if first is not None and first.group(1).lower() in self.rules.titles \
                        and first.group(2).lower() not in self.rules.titles:
                    return f"{first.group(2)} {surname}"
            k = text.rfind(" " + surname, 0, k)
        return None

    def _named_before(self, text: str, s: int) -> bool:
        """``rules.naming`` right before ``s`` ("call sign ..."); the pattern is tried only when the
        character before the spaces that end the window can end one of its phrases."""
        lo = max(0, s - 30)
        k = s - 1 if s > lo and text[s - 1] == "\n" else s  # ``$`` also matches before a final newline
        j = k
        while j > lo and text[j - 1] in " \t\u00a0":
            j -= 1
        if j == k or j <= lo:
            return False
        last = text[j - 1]
        if self._naming_ends is not None and last.isascii() and last.lower() not in self._naming_ends:
            return False
        return self.rules.naming.search(text, lo, s) is not None

    @staticmethod
    def is_place(name: str) -> bool:
        """True when the place gazetteer knows ``name`` (then it is not a person's name)."""
        known = _PLACE_NAMES.get(name)
        if known is None:
            from .gazetteer import load_gazetteer  # loaded only when an unknown name needs checking

            known = load_gazetteer().lookup(name) is not None
            if len(_PLACE_NAMES) >= _PLAN_LIMIT:
                _PLACE_NAMES.clear()
            _PLACE_NAMES[name] = known
        return known

    def unknown_person(self, name: str, role: str | None = None, country: str | None = None) -> Actor:
        """An actor record for a person the registry does not know, under the name as written (``country``:
        the one a nationality word before the title gives)."""
        key = "person.unknown." + "_".join(fold(w) for w in name.split())
        return Actor(key=key, name=name, kind="person", side="OTHER", country=country, role=role, aliases=())

    def name_run(self, text: str, s: int, end: int) -> tuple[int, list[str]] | None:
        """The capitalised name words from ``s`` (at most four; particles allowed inside)."""
        m = _WORD.match(text, s, end)
        if m is None:
            return None
        words: list[str] = []
        stop = s
        wstart, word, pos = s, m.group(), m.end()
        cache = self._name_words
        for n in range(6):  # the word at ``s`` and up to five after it, on the same line and clause
            if n:
                nxt = _NEXT.match(text, pos, end)
                if nxt is None:
                    break
                wstart, word, pos = nxt.start(1), nxt.group(1), nxt.end()
            known = cache.get(word)
            if known is None:
                known = self._name_word(word)
            core, particle, fits, last = known
            if words and particle:
                continue  # "Ursula von der Leyen": a particle ends no name
            if not fits:
                break
            words.append(core)
            stop = wstart + len(core)
            if last or len(words) == 4:
                break
        return (stop, words) if words else None

    def _name_word(self, word: str) -> tuple[str, bool, bool, bool]:
        """One word of a name run, read once per spelling: its core (without "'s" or a final full stop),
        whether it is a particle, whether it can be part of a name, and whether it ends the run."""
        possessive = word.endswith(("'s", "’s"))
        core = word[:-2] if possessive else word
        dotted = core.endswith(".") and len(core) > 2
        core = core.rstrip(".") if dotted else core
        low = norm_word(core)
        fits = _namelike(core) and low not in self.rules.not_names and low not in self.rules.titles
        known = (core, low in PARTICLES and not possessive, fits, possessive or dotted)
        if len(self._name_words) >= _PLAN_LIMIT:
            self._name_words.clear()
        self._name_words[word] = known
        return known

    def says_after(self, text: str, pos: int, end: int) -> bool:
        """True when a finite verb of saying follows ``pos`` (adverbs allowed between)."""
        for _ in range(3):
            m = _NEXT.match(text, pos, end)
            if m is None:
                return False
            word = norm_word(m.group(1)).rstrip(".,")
            if word in self.rules.finite_verbs:
                return True
            if word not in self.rules.verb_adverbs:
                return False
            pos = m.end()
        return False


def _occurrences(text: str, word: str) -> Iterable[int]:
    """Where ``word`` stands in ``text``, overlapping occurrences included (as ``str.find`` sees them)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


# the words of an office between a nationality and a name ("Irish Foreign Minister Helen McEntee")
_OFFICE_WORDS = frozenset({"foreign", "prime", "defence", "defense", "deputy", "vice", "interior", "finance",
                           "economy", "energy", "acting", "first", "chief", "top", "senior", "former"})
_SURNAME_LOOKBACK = 3  # earlier occurrences of a bare surname looked at for the full name it stands for
_FIRST_NAME_BEFORE = re.compile(r"([A-Za-z]+)\s+([A-Z][a-z]+)$")  # "President Petr" before " Pavel"


def _word_before(text: str, pos: int) -> str:
    """The word before ``pos`` on its line, normalised ("" when none)."""
    if pos <= 0 or text[pos - 1] not in " \t\u00a0":
        return ""
    head = text[max(0, pos - 40):pos]
    words = head.rstrip()
    if not words or "\n" in head[len(words):]:  # none, or not on its line
        return ""
    return norm_word(words.rsplit(None, 1)[-1]).rstrip(".")


def _namelike(word: str) -> bool:
    return (len(word) > 1 and word[0].isupper() and not word[1].isupper()
            and _NAMELIKE.fullmatch(word) is not None)


def _forms(token: str) -> list[tuple[str, int]]:
    """The normalised forms a first word may take, with the length of text each covers."""
    low = token.lower()
    if "’" in low:
        low = low.replace("’", "'")
    return _forms_of(low) if len(low) == len(token) else [(low, len(token))]


def _forms_of(word: str) -> list[tuple[str, int]]:
    forms = [(word, len(word))]
    if word.endswith("'s"):
        forms.append((word[:-2], len(word) - 2))
    elif word.endswith("'") and len(word) > 2:
        forms.append((word[:-1], len(word) - 1))
    if word.endswith(".") and word.count(".") == 1:
        forms.append((word[:-1], len(word) - 1))
    dash = word.find("-", 1)
    if dash > 0:
        forms.append((word[:dash], dash))
    return forms


def _surnames(actor: Actor, given: str | None) -> list[str]:
    if given == "-":
        return []
    if given:
        return [given]
    out = [actor.name.split()[-1]]
    out.extend(alias.split()[-1] for alias in actor.aliases if len(alias.split()) > 1)
    return out


# -- loading --------------------------------------------------------------------------------------------
def _words(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x.strip() for x in raw):
        raise ResolveError(f"{RULES_FILE} {where}: expected a non-empty list of non-empty strings")
    if len(set(raw)) != len(raw):
        dupes = sorted({x for x in raw if raw.count(x) > 1})
        raise ResolveError(f"{RULES_FILE} {where}: repeated entries {dupes}")
    return tuple(raw)


def _pairs(raw: Any, where: str) -> dict[str, str]:
    out = {}
    for item in _words(raw, where):
        left, sep, right = item.partition("=")
        if not sep or not left.strip():
            raise ResolveError(f"{RULES_FILE} {where}: {item!r} is not 'name=value'")
        out[left.strip()] = right.strip()
    return out


def parse_rules(data: Mapping[str, Any]) -> ActorRules:
    """``actor_rules.toml``, validated: every section has a versioned id and non-empty lists."""
    for section, body in data.items():
        ident = body.get("id") if isinstance(body, dict) else None
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z_.]+\.v\d+", ident):
            raise ResolveError(f"{RULES_FILE} [{section}]: id must be a dotted, versioned string")
    try:
        speech = data["speech"]
        metonyms = data["metonyms"]
        roles = data["roles"]
        return ActorRules(
            titles=frozenset(_words(data["titles"]["words"], "titles")),
            finite_verbs=frozenset(_words(speech["finite"], "speech.finite")),
            inverting=frozenset(_words(speech["inverting"], "speech.inverting")),
            participles=frozenset(_words(speech["participles"], "speech.participles")),
            verb_adverbs=frozenset(_words(data["verb_adverbs"]["words"], "verb_adverbs")),
            not_names=frozenset(_words(data["not_names"]["words"], "not_names")),
            female=frozenset(_words(data["female"]["words"], "female")),
            metonyms=_pairs(metonyms["places"], "metonyms.places"),
            metonym_verbs=frozenset(_words(metonyms["verbs"], "metonyms.verbs")),
            metonym_skip=frozenset(_words(metonyms["skip"], "metonyms.skip")),
            metonym_possessed=frozenset(_words(metonyms["possessed"], "metonyms.possessed")),
            blockers=_words(data["blockers"]["phrases"], "blockers"),
            naming=re.compile("(?:" + "|".join(re.escape(p) for p in _words(data["naming"]["phrases"], "naming"))
                              + r")[ \t\u00a0]+$", re.IGNORECASE),
            naming_phrases=_words(data["naming"]["phrases"], "naming"),
            descriptor_heads=frozenset(_words(data["descriptors"]["heads"], "descriptors")),
            company_nouns=frozenset(_words(data["descriptors"]["companies"], "descriptors.companies")),
            role_nouns=tuple(sorted(_words(roles["nouns"], "roles.nouns"), key=lambda n: -len(n))),
            role_adjectives=_pairs(roles["adjectives"], "roles.adjectives"),
            leaders=_pairs(roles["leaders"], "roles.leaders"),
            met_verbs=frozenset(_words(data["met"]["verbs"], "met.verbs")),
        )
    except KeyError as exc:
        raise ResolveError(f"{RULES_FILE}: missing section or list {exc}") from exc


def parse_actors(lines: Iterable[str]) -> tuple[list[Actor], dict[str, str], dict[str, str | None]]:
    """The rows of ``actors.tsv``, validated: known kind and side, unique keys, no empty names."""
    actors: list[Actor] = []
    genders: dict[str, str] = {}
    surnames: dict[str, str | None] = {}
    header_seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if not header_seen:
            if tuple(cols) != COLUMNS:
                raise ResolveError(f"{ACTORS_FILE} line {n}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cols) != len(COLUMNS):
            raise ResolveError(f"{ACTORS_FILE} line {n}: {len(cols)} columns, expected {len(COLUMNS)}")
        key, name, side, country, role, gender, surname, aliases = (c.strip() for c in cols)
        kind = key.split(".")[0]
        if kind not in KINDS or not name or side not in SIDES or gender not in ("", "m", "f"):
            raise ResolveError(f"{ACTORS_FILE} line {n}: bad kind, name, side or gender in {key!r}")
        if key in surnames:
            raise ResolveError(f"{ACTORS_FILE} line {n}: duplicate key {key!r}")
        spellings = tuple(a.strip() for a in aliases.split("|") if a.strip()) if aliases else ()
        actors.append(Actor(key=key, name=name, kind=kind, side=side, country=country or None,
                            role=role or None, aliases=spellings))
        surnames[key] = surname or None
        if gender:
            genders[key] = gender
    return actors, genders, surnames


@cache
def load_actors() -> ActorRegistry:
    """The packaged registry, loaded and indexed once per process."""
    root = resources.files("warledger.resolve").joinpath("gazetteers")
    try:
        table = root.joinpath(ACTORS_FILE).read_text(encoding="utf-8")
        data = tomllib.loads(root.joinpath(RULES_FILE).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResolveError(f"cannot load the actor registry: {exc}") from exc
    actors, genders, surnames = parse_actors(table.splitlines())
    return ActorRegistry(actors, genders, surnames, parse_rules(data))
