"""The article around its quotations: words and actors outside the quotes, and the subject of a verb.

``ArticleContext`` tokenises and scans (with the actor registry) only the sentences the speaker
rules look at, once each, and only their parts outside quotation marks. It knows what a mention
is doing in its clause (a possessive, a modifier as in "Putin aide", the object of a preposition)
and reads descriptors ("a senior Ukrainian official familiar with the talks").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..resolve.actors import Actor, ActorMention, ActorRegistry, norm_word
from .quote_spans import QuoteSpan
from .text import Sentence

# ``[\w'’.\-]+|[,;:()—–]``, with the ASCII word characters spelt out first (the regex engine tests them
# before the Unicode category) and no backtracking
_TOKEN = re.compile(r"[A-Za-z0-9_'’.\-\w]++|[,;:()—–]")
PRONOUNS = frozenset({"he", "she", "they", "it"})
DETERMINERS = frozenset({"a", "an", "the", "one", "another", "two", "three", "several", "some", "his", "her",
                         "its", "their", "this", "that", "our"})
POSSESSIVE_DETERMINERS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# acronym appositions by the noun they follow ("agency, UNHCR"), compiled when first needed
_ACRONYM_APPOSITIONS: dict[str, re.Pattern[str]] = {}

_PREPOSITIONS = frozenset({
    "of", "to", "with", "for", "from", "by", "about", "at", "in", "on", "into", "onto", "after", "before",
    "alongside", "against", "between", "among", "toward", "towards", "than", "like", "including", "behind",
    "beside", "near", "over", "under", "without", "via", "per", "within", "across", "around", "upon",
    "despite", "during", "through", "until", "since", "amid", "besides", "except", "whom", "ask", "asked",
    "urged", "told", "met", "called", "thanked", "criticised", "criticized", "accused", "warned", "and",
})
# prepositions that are conjunctions too: a name after them may be the subject of its own clause
_CONJUNCTIONS = frozenset({"after", "before", "since", "until", "than", "like"})
# capitalised words that open a sentence or clause before a name ("But Kowal said", "On Monday Kowal
# said"): the name after them is a name of its own
_OPENERS = frozenset({
    "the", "a", "an", "and", "or", "but", "if", "as", "at", "by", "for", "from", "in", "on", "to", "with",
    "after", "before", "while", "when", "where", "since", "until", "during", "although", "though", "because",
    "so", "then", "now", "later", "earlier", "meanwhile", "however", "instead", "indeed", "yes", "no", "still",
    "yet", "also", "even", "only", "here", "there", "today", "yesterday", "tonight", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "like", "unlike", "what",
})
_OF_WORDS = frozenset({"of", "in", "at", "from", "with", "for", "on", "near", "inside", "within", "close",
                       "familiar", "involved", "based", "to"})
_DESCRIPTOR_STOP = frozenset({"who", "which", "that", "whose", "speaking", "asked", "when", "where", "as", "and"})
_MODIFIED = frozenset({"aide", "son-in-law"})
# what an institution issues in its own name
_DOCUMENTS = frozenset({"readout", "statement", "account", "summary", "transcript", "version", "communique",
                        "communiqué", "announcement", "report", "release", "press", "website", "channel"})
_CAPITALISED_NAME = r"\b([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?) {}\b"
# characters a name matched by ``_CAPITALISED_NAME`` cannot contain (unless its surname does)
_NAME_BARRIERS = frozenset(".,;:()\"“”!?\n\t")
_NAME_AFTER_QUOTE = re.compile(r"[ \t]*,?[ \t]*([A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,2})")
_AFTER_COMMA = re.compile(r",[ \t\u00a0]*(?=[A-Z])")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z][\w\-]*)")


class Word(NamedTuple):
    """A token of the text outside quotations."""

    start: int
    end: int
    text: str
    low: str  # lowercase, straight apostrophes, no trailing full stop


@dataclass(slots=True)
class SpeakerRef:
    """Who an attribution names, before pronouns and descriptors are resolved."""

    kind: str                 # "actor" | "pronoun" | "descriptor"
    pos: int                  # where the reference stands in the text
    actor: Actor | None = None
    text: str = ""            # the pronoun, or the descriptor as written
    head: str = ""            # a descriptor's head noun
    definite: bool = False    # "the official", "his office": refers to someone named earlier


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: a canonical or written name, or a descriptor (``named`` False)."""

    name: str
    named: bool
    actor: Actor | None


class ArticleContext:
    """Positions, words and actors of one article, outside its quotations, computed on demand."""

    def __init__(self, text: str, sentences: Sequence[Sentence], actors: ActorRegistry,
                 spans: Sequence[QuoteSpan]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.actors = actors
        self.rules = actors.rules
        self.spans = [s for s in spans if s.outer is None]
        self.opens = [s.open_at for s in self.spans]
        self._segments: dict[int, list[tuple[int, int]]] = {}
        self._words: dict[int, list[Word]] = {}
        self._bounds: dict[int, tuple[list[int], list[int]]] = {}  # each sentence's word starts and ends
        self._mentions: dict[int, list[ActorMention]] = {}
        self._mention_bounds: dict[int, tuple[list[int], list[int]]] = {}
        # the answers below depend on the text alone, and the speaker rules ask again and again
        self._chosen: dict[tuple[int, int, int, bool, bool], SpeakerRef | None] = {}
        self._following: dict[tuple[Word, int], SpeakerRef | None] = {}
        self._described: dict[tuple[int, int, bool, bool, bool], SpeakerRef | None] = {}
        self._expanded: dict[tuple[int, str], Actor | None] = {}
        self._governed: dict[int, bool] = {}
        self._persons: dict[str, Actor] = {}

    # -- positions ---------------------------------------------------------------------------------------
    def sentence_at(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        return i if i > 0 else 0

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.opens, pos) - 1
        return i >= 0 and pos < self.spans[i].close_after

    def line_bounds(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def segments(self, si: int) -> list[tuple[int, int]]:
        """The parts of a sentence outside quotations."""
        found = self._segments.get(si)
        if found is None:
            sentence = self.sentences[si]
            found = []
            pos = sentence.start
            i = bisect_right(self.opens, pos) - 1
            if i < 0:
                i = 0
            spans = self.spans
            while i < len(spans) and spans[i].open_at < sentence.end:
                span = spans[i]
                if span.close_after > pos:
                    if span.open_at > pos:
                        found.append((pos, span.open_at))
                    pos = span.close_after
                i += 1
            if pos < sentence.end:
                found.append((pos, sentence.end))
            self._segments[si] = found
        return found

    # -- words and actors ----------------------------------------------------------------------------------
    def words(self, start: int, end: int, *, inside: bool = False) -> list[Word]:
        """The tokens of ``text[start:end]``, leaving out quoted text (unless ``inside``)."""
        if inside:
            return self.tokenize(start, end)
        out: list[Word] = []
        for si, sentence in self._overlapping(start, end):
            found = self._words.get(si)
            if found is None:
                found = self._words[si] = [w for a, b in self.segments(si) for w in self.tokenize(a, b)]
                self._bounds[si] = ([w.start for w in found], [w.end for w in found])
            if start <= sentence.start and sentence.end <= end:
                out.extend(found)
            else:  # the words are in order and do not overlap: those inside are a run of them
                starts, ends = self._bounds[si]
                out.extend(found[bisect_left(starts, start):bisect_right(ends, end)])
        return out

    def _overlapping(self, start: int, end: int) -> Iterator[tuple[int, Sentence]]:
        """The sentences (with their index) that overlap ``text[start:end]``, in order."""
        sentences = self.sentences
        first = bisect_right(self.starts, start) - 1
        for si in range(first if first > 0 else 0, len(sentences)):
            sentence = sentences[si]
            if sentence.start >= end:
                return
            yield si, sentence

    def tokenize(self, start: int, end: int) -> list[Word]:
        # the slice, not the whole text, is searched: most slices are ASCII, which the regex reads faster
        chunk = self.text[start:end]
        lowered = chunk.lower().replace("’", "'")
        if len(lowered) != end - start:
            lowered = chunk.replace("’", "'")
        new = tuple.__new__  # builds the named tuples without the Python-level __new__ (the hot path)
        out: list[Word] = []
        append = out.append
        for m in _TOKEN.finditer(chunk):
            a, b = m.span()
            low = lowered[a:b]
            if low[-1] == "." and b - a > 1:
                low = low.rstrip(".") or low
            append(new(Word, (a + start, b + start, m.group(), low)))
        return out

    def mentions(self, start: int, end: int, *, inside: bool = False) -> list[ActorMention]:
        """Actors named in ``text[start:end]`` outside quotations (each sentence scanned once)."""
        if inside:
            return [m for m in self.actors.find(self.text, start, end) if not self.verb_named(m)]
        out: list[ActorMention] = []
        for si, sentence in self._overlapping(start, end):
            found = self._mentions.get(si)
            if found is None:
                shared = sentence.memo.get("actors")  # the whole sentence, when another step scanned it
                if isinstance(shared, list):
                    found = [m for m in shared if isinstance(m, ActorMention) and not self.in_quote(m.start)]
                else:
                    segments = self.segments(si)
                    found = [m for a, b in segments for m in self.actors.find(self.text, a, b)]
                    if segments == [(sentence.start, sentence.end)]:  # the whole sentence: the later steps share it
                        sentence.memo["actors"] = found
                found = [m for m in found if not self.verb_named(m)]
                self._mentions[si] = found
                self._mention_bounds[si] = ([m.start for m in found], [m.end for m in found])
            if found:  # in order and not overlapping: those inside are a run of them
                starts, ends = self._mention_bounds[si]
                out.extend(found[bisect_left(starts, start):bisect_right(ends, end)])
        return out

    def verb_named(self, m: ActorMention) -> bool:
        """An "unknown person" whose name opens with a verb of saying is no one: 'Peskov said. Asked
        whether ..., he said' (a capitalised verb after a verb of saying looks like an inverted subject).
        Nor is a single capitalised word that ends a longer capitalised name ("the Centre for Eastern
        Studies said": "Studies" before "said" looks like a surname)."""
        if m.known:
            return False
        if self.is_verb(norm_word(m.surface.split()[0]).rstrip(".")):
            return True
        return " " not in m.surface and m.actor.role is None and self._tail_of_name(m.start)

    def _tail_of_name(self, at: int) -> bool:
        """Whether the word before ``at`` (same line, nothing but spaces between) is capitalised and no
        title: the word at ``at`` ends a name that starts before it."""
        before = self.text[max(0, at - 30):at]
        if not before.endswith(" ") or before.endswith("  "):
            return False
        words = before.split()
        word = words[-1] if words else ""
        low = norm_word(word)
        return word[:1].isupper() and word[-1:].isalpha() and low not in self.rules.titles \
            and low not in _OPENERS and "\n" not in before[before.rfind(word):]

    def is_verb(self, low: str) -> bool:
        """A verb of saying, finite or participle ("according" as in "according to")."""
        return low in self.rules.finite_verbs or low in self.rules.participles or low == "according"

    # -- what a mention does in its clause ------------------------------------------------------------------
    def possessive(self, m: ActorMention) -> bool:
        after = self.text[m.end:m.end + 2]
        return after in ("'s", "’s") or after[:1] in ("'", "’") or m.surface.endswith(("'s", "’s"))

    def document_of(self, m: ActorMention) -> bool:
        """Whether a possessive mention owns a document that speaks for it ("the Kremlin's readout", "the
        ministry's statement"): the owner is the speaker, not the document."""
        nxt = _NEXT_LOWER.match(self.text, m.end if m.surface.endswith(("'s", "’s")) else m.end + 2, m.end + 40)
        return nxt is not None and nxt.group(1) in _DOCUMENTS

    def modifier(self, m: ActorMention) -> bool:
        """ "Putin aide Yuri Ushakov", "a Kremlin official": the name qualifies the next noun."""
        nxt = _NEXT_LOWER.match(self.text, m.end, m.end + 30)
        if nxt is None:
            return False
        word = nxt.group(1)
        return word in self.rules.titles or word in self.rules.descriptor_heads or word in _MODIFIED

    def governed(self, m: ActorMention) -> bool:
        """True when a preposition or an object-taking verb comes before the mention ("with Trump")."""
        found = self._governed.get(m.start)
        if found is None:
            found = self._governed[m.start] = self._governed_at(m)
        return found

    def _governed_at(self, m: ActorMention) -> bool:
        start = max(self.sentences[self.sentence_at(m.start)].start if self.sentences else 0, m.start - 40)
        prev = self.words(start, m.start, inside=True)
        while prev and (prev[-1].low in ("the", "a", "an", "president", "prime") or prev[-1].text in ("U.S.", "US")):
            prev.pop()
        if not prev or prev[-1].low not in _PREPOSITIONS:
            return False
        # "after Zelensky told reporters": a conjunction opens a clause whose subject the mention is
        return not (prev[-1].low in _CONJUNCTIONS and self.actors.says_after(self.text, m.end, m.end + 40))

    def coordinated(self, m: ActorMention) -> bool:
        """Whether the mention opens a clause of its own after ", and" ("..., and Zelensky said"): there
        "and" joins two clauses, not two names."""
        before = self.text[max(0, m.start - 8):m.start].rstrip()
        return before.endswith((", and", ",and"))

    def expand(self, m: ActorMention) -> Actor:
        """A known actor as is; an unknown person named by surname alone under the fuller name the
        article gave earlier ("Hoffman" after "Fabian Hoffman"), looked up again in the registry."""
        if " " in m.surface or (m.known and m.actor.kind != "person"):
            return m.actor
        key = (m.start, m.surface)
        if key in self._expanded:
            return self._expanded[key] or m.actor
        found = self._fuller(m)
        if m.known and found is not None and not self._namesake(m.actor, found):
            found = None  # "President Putin" after "Vladimir Putin": the registry's person
        self._expanded[key] = found
        return found or m.actor

    def _namesake(self, known: Actor, fuller: Actor) -> bool:
        """Whether the fuller name the article gave a known surname is another person of that surname
        ("Liudmyla Koval", a resident, is not the governor Oleksandr Koval): its forename (the word
        before the surname, initials skipped) is a plain name word ("Ukraine's Zelensky" has none) and
        none of the words of the registry's name or aliases."""
        if fuller is known or fuller.kind != "person":
            return False
        words = fuller.name.split()[:-1]
        while words and (len(words[-1]) <= 2 or words[-1].endswith(".")):
            words.pop()  # "Donald J. Trump"
        if not words or not words[-1].replace("-", "").isalpha():
            return False
        if self.actors.lookup(words[-1]) is not None or self.actors.is_place(words[-1]):
            return False  # "Kremlin Putin", "Moscow Lavrov": an owner or a place, not a forename
        forename = norm_word(words[-1])
        return all(forename not in (norm_word(w) for w in spelling.split())
                   for spelling in (known.name, *known.aliases))

    def _fuller(self, m: ActorMention) -> Actor | None:
        """The actor of the fuller name given earlier to a surname, or None."""
        window = max(0, m.start - 6000)
        if self.text.find(" " + m.surface, window, m.start) < 0:
            return None  # the pattern below needs a capitalised word, a space and the surname
        full = self._last_name_before(m.surface, window, self.text[window:m.start])
        if full is None:
            return None
        first_words = full.group(1).split()
        while first_words and (norm_word(first_words[0]) in self.rules.not_names
                               or norm_word(first_words[0]) in self.rules.titles):
            first_words.pop(0)
        if not first_words:
            return None
        name = " ".join([*first_words, m.surface])
        return self.actors.lookup(name) or self.unknown_person(name)

    def unknown_person(self, name: str) -> Actor:
        """The registry's record for a person it does not know, made once per name."""
        found = self._persons.get(name)
        if found is None:
            found = self._persons[name] = self.actors.unknown_person(name)
        return found

    def names_body(self, words: list[str]) -> bool:
        """Whether a run of capitalised words ends in a state, institution or place rather than a
        surname: "Neighboring Poland", "Eastern Ukraine", "Central Kyiv" are no one's name."""
        last = words[-1]
        actor = self.actors.lookup(last)
        return (actor is not None and actor.kind != "person") or self.actors.is_place(last)

    def apposed(self, comma: int, limit: int) -> SpeakerRef | None:
        """The person named in apposition after the comma at ``comma`` ("the region's governor, Ivan
        Petrenko, said"): the registry's person there, else two or more name words that end at a comma,
        a bracket or the end of the clause. None when the words are no person's name."""
        m = _AFTER_COMMA.match(self.text, comma, limit)
        if m is None:
            return None
        at = m.end()
        for x in self.mentions(at, limit):
            if x.start == at and x.actor.kind == "person":
                return SpeakerRef("actor", at, self.expand(x))
            break
        run = self.actors.name_run(self.text, at, limit)
        if run is None or len(run[1]) < 2 or self.actors.lookup(run[1][0]) is not None:
            return None
        stop = run[0]
        if stop < limit and self.text[stop] not in ",;.)":
            return None
        name = self.text[at:stop]
        if self.actors.is_place(name) or self.names_body(run[1]):
            return None
        return SpeakerRef("actor", at, self.unknown_person(name))

    def _last_name_before(self, surface: str, window: int, before: str) -> re.Match[str] | None:
        """The last "Forename [Middle] Surname" in ``before`` (the text from ``window``) outside quotations,
        as a scan of all of it finds them. A name cannot run across a barrier mark (``_NAME_BARRIERS``),
        so only the stretches that hold the surname are scanned, the last first."""
        pattern = re.compile(_CAPITALISED_NAME.format(re.escape(surface)))
        needle = " " + surface
        stretches = _NAME_BARRIERS.isdisjoint(surface)
        end = len(before)
        at = before.rfind(needle, 0, end)
        while at >= 0:
            lo, hi = 0, end
            if stretches:
                for b in _NAME_BARRIERS:
                    cut = before.rfind(b, 0, at)
                    if cut >= lo:
                        lo = cut + 1
                    cut = before.find(b, at, hi)
                    if cut >= 0:
                        hi = cut
            full = None
            for found in pattern.finditer(before, lo, hi):
                if not self.in_quote(window + found.start()):
                    full = found
            if full is not None or not stretches:
                return full
            end = lo
            at = before.rfind(needle, 0, end)
        return None

    # -- subjects ---------------------------------------------------------------------------------------------
    def choose(self, start: int, end: int, verb_at: int, *, inside: bool = False,
               adjacent: bool = True) -> SpeakerRef | None:
        """The subject among the words in ``[start, end)``: the pronoun, name or descriptor right
        before the verb, else the first person, else the first other actor, else a descriptor."""
        key = (start, end, verb_at, inside, adjacent)
        if key in self._chosen:
            return self._chosen[key]
        found = self._chosen[key] = self._choose(start, end, verb_at, inside, adjacent)
        return found

    def _choose(self, start: int, end: int, verb_at: int, inside: bool, adjacent: bool) -> SpeakerRef | None:
        words = self.words(start, end, inside=inside)
        mentions = self.mentions(start, end, inside=inside)
        near = None
        if adjacent:
            adverbs = self.rules.verb_adverbs
            for w in reversed(words):
                if w.end <= verb_at and w.low not in adverbs:
                    near = w
                    break
        if near is not None and near.low in ("which", "who") and len(words) >= 3 and words[-2].text == "," \
                and words[-1] is near:
            ref = self.relative_head(words[-3], mentions, start, inside)
            if ref is not None:  # "... to the Defence Ministry, which claimed": the noun the clause qualifies
                return ref
        if near is not None and near.text == "," and len(words) >= 5:
            ref = self.apposition_subject(words, start)
            if ref is not None:  # "the region's governor, Ivan Petrenko, confirmed"
                return ref
        if near is not None:
            if near.low in PRONOUNS:
                return SpeakerRef("pronoun", near.start, text=near.low)
            named = None
            for m in mentions:
                if m.end == near.end:
                    named = m
                    break
            if named is not None and (not self.governed(named) or self.coordinated(named)):
                return SpeakerRef("actor", named.start, self.expand(named))
            if near.low in self.rules.descriptor_heads:
                if len(words) >= 2 and words[-2].low == "the" and words[-1] is near:
                    acronym = self.acronym_of(near.low, words[-2].start)
                    if acronym is not None:  # "the agency said" after "the UN refugee agency, UNHCR,"
                        return SpeakerRef("descriptor", words[-2].start, text=acronym, head=near.low)
                ref = self.descriptor(start, near.end, inside=inside, last=True)
                if ref is not None:
                    return ref
            elif near.low in self.rules.titles:  # "a Norwegian reporter asked": a title noun as subject
                ref = self.titled(start, near, inside)
                if ref is not None:
                    return ref
            elif len(words) >= 2 and words[-2].low == "the" and words[-1] is near and near.text.isalpha() \
                    and near.text.islower():
                name = self.named_institution(near.low, words[-2].start)
                if name is not None:  # "the headquarters said" after "the Coordination Headquarters for ..."
                    return SpeakerRef("descriptor", words[-2].start, text=name, head=near.low)
        other = None  # the first free mention: the subject when no person is one
        for m in mentions:
            if self.possessive(m) or self.modifier(m) or self.governed(m):
                continue
            if m.actor.kind == "person":
                return SpeakerRef("actor", m.start, self.expand(m))
            if other is None:
                other = m
        if other is not None:
            return SpeakerRef("actor", other.start, other.actor)
        ref = self.descriptor(start, end, inside=inside, last=True)
        if ref is not None and not self.after_preposition(ref.pos, words):
            return ref
        if ref is not None:  # "the General Staff said in a statement, adding": the subject, not "a statement"
            first = self.descriptor(start, end, inside=inside)
            if first is not None and not self.after_preposition(first.pos, words):
                return first
        for w in words:
            if w.low in PRONOUNS and w.text != "It":
                return SpeakerRef("pronoun", w.start, text=w.low)
        return ref  # "He dismissed calls by European leaders ..., saying": "leaders" is no subject

    def apposition_subject(self, words: list[Word], start: int) -> SpeakerRef | None:
        """The person in apposition to a title noun that ends the words before a verb: "governor, Ivan
        Petrenko," (the name between the last two commas, the title noun before the first, or before a short
        "for"/"of" phrase: "A spokesman for Mr Merz, Stefan Kornelius, said")."""
        titles = self.rules.titles
        for i in range(len(words) - 3, max(0, len(words) - 7), -1):
            if words[i].text == ",":
                if words[i - 1].low in titles or any(
                        words[k].low in ("for", "of", "to") and words[k - 1].low in titles
                        for k in range(i - 2, max(0, i - 5), -1)):
                    return self.apposed(words[i].start, words[-1].end)
                return None
        return None

    def relative_head(self, last: Word, mentions: list[ActorMention], start: int,
                      inside: bool) -> SpeakerRef | None:
        """The actor or descriptor ending at ``last``, right before ", which/who"."""
        for m in mentions:
            if m.end == last.end:
                return SpeakerRef("actor", m.start, self.expand(m) if m.actor.kind == "person" else m.actor)
        if last.low in self.rules.descriptor_heads:
            return self.descriptor(start, last.end, inside=inside, last=True)
        return None

    @staticmethod
    def after_preposition(pos: int, words: list[Word]) -> bool:
        """Whether the word before the one at ``pos`` is a preposition ("calls by European leaders")."""
        i = bisect_left([w.start for w in words], pos)
        return 0 < i <= len(words) and words[i - 1].low in _PREPOSITIONS

    def acronym_of(self, noun: str, pos: int) -> str | None:
        """The acronym an organisation was given in apposition to ``noun`` earlier, outside quotations ("the
        UN refugee agency, UNHCR, warned ..." -> "UNHCR" for a later "the agency said"): the name the
        organisation goes by, where the noun alone says only what kind it is."""
        window = max(0, pos - 6000)
        if self.text.find(noun, window, pos) < 0:
            return None
        found = None
        pattern = _ACRONYM_APPOSITIONS.get(noun)
        if pattern is None:
            pattern = _ACRONYM_APPOSITIONS[noun] = re.compile(
                r"\b" + re.escape(noun) + r"[ \t]*(?:,|\()[ \t]*([A-Z][A-Z0-9]{1,9})\b(?![a-z])")
        for m in pattern.finditer(self.text, window, pos):
            if not self.in_quote(m.start()):
                found = m.group(1)
        return found

    def named_institution(self, noun: str, pos: int) -> str | None:
        """The full name of an organisation named earlier whose name holds ``noun`` capitalised ("the
        headquarters" -> "Coordination Headquarters for the Treatment of Prisoners of War"), outside
        quotations and without the state or owner that qualifies it ("Ukraine's"); None when none is."""
        word = noun[:1].upper() + noun[1:]
        window = max(0, pos - 6000)
        if self.text.find(word, window, pos) < 0:
            return None
        pattern = re.compile(r"(?:[A-Z][\w'’\-]*[ \t]+(?:(?:of|for|the|and|on)[ \t]+)*)*" + re.escape(word)
                             + r"\b(?:[ \t]+(?:(?:of|for|the|and|on)[ \t]+)*[A-Z][\w'’\-]*)*")
        found = None
        for m in pattern.finditer(self.text, window, pos):
            if not self.in_quote(m.start()):
                found = m
        if found is None:
            return None
        words = found.group().split()
        while words and (words[0].endswith(("'s", "’s")) or norm_word(words[0]) in ("the", "a")):
            words.pop(0)
        while words and words[-1] in ("of", "for", "the", "and", "on"):
            words.pop()
        return " ".join(words) if len(words) >= 2 else None

    def subject_following(self, verb: Word, end: int) -> SpeakerRef | None:
        """The subject of an inverted verb: "said Zelensky", "says Mykola, 58", "according to ISW"."""
        key = (verb, end)
        if key in self._following:
            return self._following[key]
        found = self._following[key] = self._subject_following(verb, end)
        return found

    def _subject_following(self, verb: Word, end: int) -> SpeakerRef | None:
        words = self.words(verb.end, end)[:12]
        if verb.low == "according" and words and words[0].low == "to":
            words = words[1:]
        if not words or words[0].text in (",", ";", ":"):
            return None
        stop = end
        for w in words:
            if w.text in (",", ";", "(") or w.low in _DESCRIPTOR_STOP:
                stop = w.start
                break
        first = words[0].start
        other = None  # the first mention that is neither possessive nor a modifier, when no person is named
        for m in self.mentions(first, end):
            if m.start >= stop and m.start != first:
                continue
            if self.possessive(m):
                if other is None and self.document_of(m):
                    other = m  # "according to the Kremlin's readout": the readout speaks for the Kremlin
                continue
            if m.actor.kind == "person":
                return SpeakerRef("actor", m.start, self.expand(m))
            if other is None and not self.modifier(m):
                other = m
        if other is not None and other.start - first < 30:
            return SpeakerRef("actor", other.start, other.actor)
        ref = self.descriptor(first, stop, anchored=True)
        if ref is not None and ref.head in self.rules.titles:  # "said the region's governor, Ivan Petrenko"
            return self.apposed(stop, end) or ref
        return ref

    def leading_name(self, start: int, limit: int) -> SpeakerRef | None:
        """A person's name that opens the words after a quotation ('"...," Anna Kowal, an analyst ...')."""
        m = _NAME_AFTER_QUOTE.match(self.text, start, limit)
        if m is None:
            return None
        at = m.start(1)
        for x in self.mentions(at, limit):
            if x.start == at:
                if self.possessive(x) or self.modifier(x):
                    return None  # '"...," Putin's aide Yuri Ushakov said': the name qualifies the speaker's title
                return SpeakerRef("actor", x.start, self.expand(x)) if x.actor.kind == "person" else None
        run = self.actors.name_run(self.text, m.start(1), limit)
        if run is None or len(run[1]) < 2 or not self.text.startswith(",", run[0]):
            return None
        name = self.text[m.start(1):run[0]]
        if self.actors.is_place(name):
            return None
        return SpeakerRef("actor", m.start(1), self.unknown_person(name))

    # -- descriptors ------------------------------------------------------------------------------------------
    def descriptor(self, start: int, end: int, *, anchored: bool = False, inside: bool = False,
                   last: bool = False) -> SpeakerRef | None:
        """A noun phrase naming a speaker without a name: "a senior Ukrainian official", "the source"
        (the first in ``[start, end)``, or the last one with ``last``; at ``start`` with ``anchored``)."""
        key = (start, end, anchored, inside, last)
        if key in self._described:
            return self._described[key]
        found = self._described[key] = self._descriptor(start, end, anchored, inside, last)
        return found

    def _descriptor(self, start: int, end: int, anchored: bool, inside: bool, last: bool) -> SpeakerRef | None:
        words = self.words(start, end, inside=inside)
        heads = self.rules.descriptor_heads
        for i in (range(len(words) - 1, -1, -1) if last else range(len(words))):
            if words[i].low not in heads:
                continue
            first = self.phrase_start(words, i)
            if anchored and first != 0:
                return None
            stop = self.phrase_end(words, i)
            text = self.text[words[first].start:words[stop].end].rstrip(".,")
            det = words[first].low
            if det in ("a", "an", "the", "one", "another"):
                text = det + text[len(det):]
            return SpeakerRef("descriptor", words[first].start, text=text, head=words[i].low,
                              definite=det in ("the", "this", "that") or det in POSSESSIVE_DETERMINERS)
        return None

    def titled(self, start: int, near: Word, inside: bool) -> SpeakerRef | None:
        """A title noun that is not a descriptor head ("reporter", "teacher") right before the verb, led by
        an indefinite determiner: "a Norwegian reporter asked ...". Only the indefinite form is taken; a
        definite one ("the teacher") refers back and is left to the resolver's other rules."""
        words = self.words(start, near.end, inside=inside)
        if not words or words[-1].start != near.start:
            return None
        first = self.phrase_start(words, len(words) - 1)
        det = words[first].low
        if det not in ("a", "an", "one", "another"):
            return None
        text = det + self.text[words[first].start + len(det):near.end]
        return SpeakerRef("descriptor", words[first].start, text=text, head=near.low, definite=False)

    def phrase_start(self, words: list[Word], head: int) -> int:
        """Where the noun phrase of ``words[head]`` begins: its determiner, or the capitalised words
        before it; a phrase after "of"/"in" belongs to an earlier head ("a member of the delegation")."""
        first = head
        while first > 0 and head - first < 6 and words[first - 1].text[0].isalnum() \
                and self.joined(words[first - 1], words[first]):
            first -= 1
            if words[first].low in DETERMINERS:
                break
        if words[first].low not in DETERMINERS:
            first = head
            while first > 0 and head - first < 3 and words[first - 1].text[:1].isupper() \
                    and self.joined(words[first - 1], words[first]):
                first -= 1
        if first >= 2 and words[first - 1].low in _OF_WORDS and self.joined(words[first - 1], words[first]):
            if words[first - 2].low in DETERMINERS:  # "one of the sources"
                return first - 2
            for j in range(first - 2, max(-1, first - 8), -1):
                if not words[j].text[0].isalnum() or self.is_verb(words[j].low) \
                        or not self.joined(words[j], words[j + 1]):
                    break  # "head of the delegation, said in a statement": a clause ends the phrase
                if words[j].low in self.rules.descriptor_heads:
                    return self.phrase_start(words, j)
        return first

    def phrase_end(self, words: list[Word], head: int) -> int:
        """The last word of a descriptor: its head, or the end of a phrase after it ("familiar with
        the talks", "at a London-based consultancy")."""
        if head + 1 >= len(words) or words[head + 1].low not in _OF_WORDS \
                or not self.joined(words[head], words[head + 1]):
            return head
        stop = head
        for j in range(head + 1, min(len(words), head + 8)):
            w = words[j]
            if not w.text[0].isalnum() or w.low in _DESCRIPTOR_STOP or self.is_verb(w.low) or w.low in PRONOUNS \
                    or not self.joined(words[j - 1], w):
                break
            stop = j
        while stop > head and (words[stop].low in _PREPOSITIONS or words[stop].low in DETERMINERS):
            stop -= 1
        return stop

    def joined(self, left: Word, right: Word) -> bool:
        """True when two words are in one phrase: no sentence end or line break between them."""
        if "\n" in self.text[left.end:right.start]:
            return False
        return not (left.text.endswith(".") and len(left.low) > 3 and right.text[:1].isupper())
