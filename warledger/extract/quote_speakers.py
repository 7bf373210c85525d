"""Who a pronoun, a definite descriptor or a silent quotation refers to.

Looking back sentence by sentence (at most ``WALK_BACK``), the nearest fitting candidate wins:
the speaker of an earlier quotation, else the subject of the sentence (the subject of its verb of
saying, else its first actor). "He"/"she" need a person of that gender (or of unknown gender),
"it" an institution or state, "the Ukrainian president" a person holding that role, "the
official" the latest "a ... official" before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from ..resolve.actors import Actor, ActorMention, ActorRegistry, norm_word
from .quote_context import POSSESSIVE_DETERMINERS, ArticleContext, Speaker, SpeakerRef, Word
from .quote_spans import QuoteSpan
from .text import Sentence

# participles that may open a sentence whose subject comes later ("Asked about X, he said ...")
_OPENING_PARTICIPLES = frozenset({"asked", "told", "pressed", "questioned"})
# the determiners of a phrase that names one unnamed person ("one senior western diplomat", "a local official")
_ONE_PERSON = frozenset({"a", "an", "one", "another"})

WALK_BACK = 5  # sentences searched back for what a reference refers to
INSTITUTION_HEADS = frozenset({"statement", "statements", "commission", "ministry", "office", "agency", "service",
                               "operator", "company", "council", "command", "staff", "government", "military",
                               "army", "navy", "report", "document", "readout", "post", "bulletin", "institute",
                               "mission", "delegation", "team", "side", "administration", "group"})
_ANY_INSTITUTION = frozenset({"statement", "statements", "report", "document", "readout", "post", "bulletin",
                              "side", "team"})
# two or more capitalised words, accented Latin letters included ("Jérôme Dupré": a name the registry
# does not know is still a candidate for "he said"); the word boundary before the first is a look-behind
# after its first letter, so that the pattern starts with a letter class and the regex engine skips ahead fast
_LOOSE_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ](?<!\w[A-ZÀ-ÖØ-Þ])[a-zß-öø-ÿ][\w'’\-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]+)+")

# a relative or companion introduced by a first name in apposition: "her son, Andriy, ...", "Olena's
# husband, Petro, ..." (the owner before the noun, when a single name, is a person too)
_KIN_NOUNS = {"son": "m", "husband": "m", "father": "m", "brother": "m", "grandson": "m", "grandfather": "m",
              "nephew": "m", "uncle": "m", "boyfriend": "m", "fiancé": "m", "stepson": "m", "dad": "m",
              "daughter": "f", "wife": "f", "mother": "f", "sister": "f", "granddaughter": "f",
              "grandmother": "f", "niece": "f", "aunt": "f", "girlfriend": "f", "fiancée": "f",
              "stepdaughter": "f", "mum": "f", "mom": "f", "widow": "f", "widower": "m",
              "partner": "", "friend": "", "neighbour": "", "neighbor": "", "colleague": "", "cousin": "",
              "child": ""}
_KIN_APPOSITION = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)|\b(?P<owner>[A-Z][a-zß-öø-ÿ'\-]+)['’]s)[ \t]+"
    r"(?:(?:eldest|oldest|youngest|younger|older|elder|late|only|little|adult|teenage|grown)[ \t]+)?"
    r"(?P<kin>" + "|".join(sorted(_KIN_NOUNS, key=len, reverse=True)) + r")[ \t]*,[ \t]*"
    r"(?P<name>[A-Z][a-zß-öø-ÿ'’\-]+)(?=[ \t]*[,(]|[ \t]+[a-z])")
_KIN_REACH = 60  # how far before the kinship noun its owner ("Olena's", "her") and adjective may start


def _kin_before_commas(text: str) -> Iterator[int]:
    """Where a kinship noun stands right before a comma ("her son, Andriy"): the apposition pattern is tried
    only there. Commas are found with ``str.find``: a regex scan of the whole text for the nouns costs as much
    as the rest of the speaker step."""
    pos = text.find(",")
    while pos != -1:
        before = text[max(0, pos - 16):pos].rstrip(" \t")
        parts = before.rsplit(None, 1)  # none where only other whitespace ("\r") stands before the comma
        word = parts[-1] if parts else ""
        if word in _KIN_NOUNS:
            start = pos - (len(text[max(0, pos - 16):pos]) - len(before)) - len(word)
            if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
                yield start
        pos = text.find(",", pos + 1)

Accept = Callable[[Actor], bool]
# characters an indefinite descriptor ("a senior Ukrainian official") cannot contain
_BARRIERS = frozenset(',;:()"“”!?')
_INDEFINITES: dict[str, re.Pattern[str]] = {}


def _covered(known: Sequence[ActorMention], at: int) -> bool:
    """Whether one of ``known`` covers the character at ``at``."""
    for k in known:
        if k.start <= at < k.end:
            return True
    return False


def _indefinite(head: str) -> re.Pattern[str]:
    """The pattern of "a/an/one/another, up to five words, then ``head``": a word boundary before the
    article is a look-behind after its first letter, so the pattern starts with a literal letter and
    the regex engine skips ahead fast (the alternatives keep their order for each first letter)."""
    found = _INDEFINITES.get(head)
    if found is None:
        found = _INDEFINITES[head] = re.compile(
            r"(?:A(?<!\wA)n?|a(?<!\wa)n?|O(?<!\wO)ne|o(?<!\wo)ne|A(?<!\wA)nother|a(?<!\wa)nother)"
            r"\s+(?:[\w'’.\-]+\s+){0,5}?" + re.escape(head) + r"\b")
    return found


class SpeakerResolver(ArticleContext):
    """Resolves references against the article and the speakers already found in it."""

    def __init__(self, text: str, sentences: Sequence[Sentence], actors: ActorRegistry,
                 spans: Sequence[QuoteSpan]) -> None:
        super().__init__(text, sentences, actors, spans)
        self.said: dict[int, list[tuple[int, Speaker]]] = {}  # sentence index -> speakers of its quotes
        self.names: set[str] = set()  # people found by pattern: later bare mentions of them count too
        self._candidates: dict[tuple[int, int], tuple[Word | None, list[ActorMention]]] = {}
        self._loose: dict[tuple[int, int], list[ActorMention]] = {}
        self.genders: dict[str, str] = {}  # people introduced by kinship: the gender the noun gives
        self.relatives()

    def relatives(self) -> None:
        """People introduced by a first name in apposition to a kinship noun ("her son, Andriy, a
        marine"), and a single-name owner of such a noun ("Olena's husband"): later mentions of them,
        and pronouns after them, refer to them."""
        for kin in _kin_before_commas(self.text):
            m = next((m for m in _KIN_APPOSITION.finditer(self.text, max(0, kin - _KIN_REACH), kin + 60)
                      if m.start("kin") == kin), None)
            if m is None or self.in_quote(m.start()):
                continue
            for group in ("owner", "name"):
                name = m.group(group)
                if name is None or norm_word(name) in self.rules.not_names or norm_word(name) in self.rules.titles \
                        or self.actors.lookup(name) is not None or self.actors.is_place(name):
                    continue
                self.names.add(name)
                gender = _KIN_NOUNS[m.group("kin")] if group == "name" else ""
                if gender:
                    self.genders.setdefault(name, gender)

    def record(self, pos: int, speaker: Speaker) -> None:
        """Remember who spoke the quotation at ``pos``."""
        if speaker.actor is not None and speaker.actor.key.startswith("person.unknown."):
            self.names.add(speaker.name)
        self.said.setdefault(self.sentence_at(pos), []).append((pos, speaker))

    def resolve(self, ref: SpeakerRef | None, pos: int) -> Speaker:
        """The speaker a reference stands for (no reference: whoever spoke or was talked about last)."""
        if ref is None:
            return self.antecedent(None, pos) or Speaker("unknown", False, None)
        if ref.kind == "actor" and ref.actor is not None:
            return Speaker(ref.actor.name, True, ref.actor)
        if ref.kind == "pronoun":
            return self.antecedent(ref.text, ref.pos) or self.previous_speaker(pos) or Speaker(ref.text, False, None)
        return self.resolve_descriptor(ref)

    def resolve_descriptor(self, ref: SpeakerRef) -> Speaker:
        plain = Speaker(ref.text, False, None)
        words = ref.text.split()
        det = norm_word(words[0]) if words else ""
        if det in POSSESSIVE_DETERMINERS:  # "his office" -> "Volodymyr Zelensky's office"
            owner = self.antecedent(POSSESSIVE_DETERMINERS[det], ref.pos)
            if owner is None:
                return plain
            return Speaker(f"{owner.name}'s {' '.join(words[1:])}", owner.actor is not None, None)
        if not ref.definite:
            return plain
        role = self.role_of(words[1:])
        if role is not None:
            return self.role_holder(role[0], role[1], ref.pos) or plain
        if ref.head in _ANY_INSTITUTION:  # "the presidential office statement": its owner is named in it
            owner = self.owner(ref)
            if owner is not None:
                return owner
        if ref.head in INSTITUTION_HEADS:
            return self.antecedent("it", ref.pos, head=ref.head) or plain
        return self.earlier_descriptor(ref) or plain

    def role_of(self, words: list[str]) -> tuple[str, str | None] | None:
        """("president", "UA") for "Ukrainian president"; None when the words name no role."""
        phrase = " ".join(norm_word(w) for w in words)
        country = None
        for adjective, code in self.rules.role_adjectives.items():
            if phrase.startswith(adjective + " "):
                phrase, country = phrase[len(adjective) + 1:], code or None
                break
        return (phrase, country) if phrase in self.rules.role_nouns else None

    def role_holder(self, noun: str, country: str | None, pos: int) -> Speaker | None:
        """The person named earlier who holds the role, else the registry's holder of it."""
        def holds(actor: Actor) -> bool:
            role = (actor.role or "").lower()
            leads = noun == "leader" and self.actors.holder("leader", actor.country) is actor
            return (noun in role or leads) and (country is None or actor.country == country)

        found = self.antecedent("he", pos, accept=holds) or self.named_holder(pos, holds)
        if found is not None:
            return found
        holder = self.actors.holder(noun, country) if country else None
        return Speaker(holder.name, True, holder) if holder is not None else None

    def named_holder(self, pos: int, holds: Accept) -> Speaker | None:
        """The nearest person named before ``pos`` who holds a role, wherever the sentence names him ("spoke
        with Keir Starmer, who announced ..." then "the prime minister said"): the role, unlike a pronoun,
        says who is meant, so a person named as an object may be meant too."""
        si = self.sentence_at(pos)
        for i in range(si, max(-1, si - WALK_BACK), -1):
            if not self.sentences:
                break
            sentence = self.sentences[i]
            for m in reversed(self.mentions(sentence.start, pos if i == si else sentence.end)):
                actor = self.expand(m)
                if actor.kind == "person" and holds(actor):
                    return Speaker(actor.name, True, actor)
        return None

    def earlier_descriptor(self, ref: SpeakerRef) -> Speaker | None:
        """ "the official" -> the latest "a senior Ukrainian official" before it."""
        best = self.last_indefinite(ref.head, max(0, ref.pos - 4000), ref.pos)
        if best is None:
            return None
        found = self.descriptor(best.start(), min(len(self.text), best.end() + 80))
        return Speaker(found.text, False, None) if found is not None else None

    def last_indefinite(self, head: str, start: int, end: int) -> re.Match[str] | None:
        """The last "a/an/one/another (up to five words) head" in ``text[start:end]`` outside quotations,
        as a left-to-right scan of the whole range finds them. A phrase cannot run across a barrier
        mark (``_BARRIERS``), so only the stretches between barriers that hold the head are scanned,
        the last first."""
        text = self.text
        pattern = _indefinite(head)
        if not _BARRIERS.isdisjoint(head):
            found = None
            for m in pattern.finditer(text, start, end):
                if not self.in_quote(m.start()):
                    found = m
            return found
        at = text.rfind(head, start, end)
        while at >= 0:
            lo, hi = start, end
            for b in _BARRIERS:
                cut = text.rfind(b, start, at)
                if cut >= lo:
                    lo = cut + 1
                cut = text.find(b, at, hi)
                if cut >= 0:
                    hi = cut
            found = None
            for m in pattern.finditer(text, lo, hi):
                if not self.in_quote(m.start()):
                    found = m
            if found is not None:
                return found
            end = lo
            at = text.rfind(head, start, end)
        return None

    def previous_speaker(self, pos: int) -> Speaker | None:
        si = self.sentence_at(pos)
        for i in range(si, max(-1, si - WALK_BACK), -1):
            for at, sp in reversed(self.said.get(i, ())):
                if at < pos:
                    return sp
        return None

    def antecedent(self, pronoun: str | None, pos: int, *, head: str = "",
                   accept: Accept | None = None) -> Speaker | None:
        """The speaker or sentence subject a pronoun (or a quotation without attribution) refers to."""
        si = self.sentence_at(pos)
        for i in range(si, max(-1, si - WALK_BACK), -1):
            if not self.sentences:
                break
            sentence = self.sentences[i]
            end = pos if i == si else sentence.end
            for at, sp in reversed(self.said.get(i, ())):
                if at < end and self.fits(pronoun, sp, head, accept):
                    return sp
            subject = self.subject_of(sentence.start, end, pronoun, head, accept)
            if subject is not None:
                return subject
        return None

    def subject_of(self, start: int, end: int, pronoun: str | None, head: str,
                   accept: Accept | None) -> Speaker | None:
        """Who a sentence is about: the subject of its verb of saying, else its first fitting actor."""
        verb, candidates = self.subject_candidates(start, end)
        if verb is not None and accept is None:
            ref = self.choose(start, verb.start, verb.start) if verb.start > start else None
            ref = ref or self.subject_following(verb, end)
            if ref is not None and ref.pos < end:
                speaker = self.resolve(ref, ref.pos)
                if self.fits(pronoun, speaker, head, accept, self.noun_before(ref.pos)):
                    return speaker
                if pronoun == "it" and speaker.actor is None and ref.kind == "descriptor" \
                        and ref.head in INSTITUTION_HEADS and self.kin(head, ref.head):
                    return self.institution(ref, speaker)
        elif pronoun == "it" and accept is None:  # no verb of saying: "The ministry's report also ..., which it"
            opening = self.descriptor(start, end, anchored=True)
            if opening is not None and opening.head in INSTITUTION_HEADS:
                speaker = self.resolve(opening, opening.pos)
                return speaker if self.fits(pronoun, speaker, head, accept) else self.institution(opening, speaker)
        if pronoun in ("he", "she"):
            found = [m for m in self.mentions(start, end) if not self.modifier(m) and not self.governed(m)]
            found.extend(self.loose_people(start, end, found))
            asked = self._opening_participle(start, end)
            if asked is not None:  # "Asked about X's remarks, he said": who was asked is no one named in it
                found = [m for m in found if m.start > asked]
            found.sort(key=lambda m: (self.possessive(m), m.start))
        else:
            found = candidates
        for m in found:
            actor = self.expand(m)
            speaker = Speaker(actor.name, True, actor)
            if self.fits(pronoun, speaker, head, accept, self.noun_before(m.start) if head else ""):
                return speaker
        if pronoun is None:
            ref = self.descriptor(start, end)
            if ref is not None and not ref.definite:
                return Speaker(ref.text, False, None)
        elif pronoun in ("he", "she") and accept is None and not head:
            # "One senior western diplomat ... put it more bluntly. '...,' he said": the person a sentence
            # opens with, unnamed
            ref = self.descriptor(start, end, anchored=True)
            if ref is not None and ref.text.split(None, 1)[0] in _ONE_PERSON and ref.head not in INSTITUTION_HEADS:
                return Speaker(ref.text, False, None)
        return None

    def _opening_participle(self, start: int, end: int) -> int | None:
        """Where the clause of a participle opening the sentence ends ("Asked about X's remarks, he said"),
        if one does."""
        words = self.words(start, end)
        if not words or words[0].low not in _OPENING_PARTICIPLES:
            return None
        comma = self.text.find(",", start, end)
        return None if comma < 0 else comma

    def subject_candidates(self, start: int, end: int) -> tuple[Word | None, list[ActorMention]]:
        """The first finite verb of saying in ``[start, end)``, and its actors that may be a subject
        (not modifiers or governed), possessives last; computed once per span."""
        key = (start, end)
        found = self._candidates.get(key)
        if found is None:
            verb = None
            finite = self.rules.finite_verbs
            for n, w in enumerate(self.words(start, end)):
                if w.low in finite and not (n == 0 and w.low in _OPENING_PARTICIPLES):
                    verb = w  # (not "Asked about X's remarks, he said": a participle opening the sentence)
                    break
            mentions = []
            for m in self.mentions(start, end):
                if not self.modifier(m) and not self.governed(m):
                    mentions.append(m)
            mentions.sort(key=lambda m: (self.possessive(m), m.start))
            found = self._candidates[key] = (verb, mentions)
        return found

    def institution(self, ref: SpeakerRef, speaker: Speaker) -> Speaker:
        """"A Kremlin readout described what it called ...": "it" is the institution the subject names,
        the owner named in the phrase where there is one, else the phrase itself."""
        return self.owner(ref) or speaker

    def owner(self, ref: SpeakerRef) -> Speaker | None:
        """Whose statement, readout or report a phrase names: the institution or state qualifying it
        ("a Kremlin readout" -> Kremlin), else the institution noun before it ("the presidential office
        statement" -> "the presidential office"); None when the phrase names no owner ("the statement")."""
        end = ref.pos + len(ref.text)
        for m in self.mentions(ref.pos, end):
            if m.end <= end and self.modifier(m) and m.actor.kind != "person":
                return Speaker(m.actor.name, True, m.actor)
        follows = self.named_after(end)
        if follows is not None:
            return follows
        words = ref.text.split()
        for k in range(len(words) - 2, 0, -1):
            if norm_word(words[k]) in INSTITUTION_HEADS and norm_word(words[k]) not in _ANY_INSTITUTION:
                return Speaker(" ".join(words[:k + 1]), False, None)
        return None

    def named_after(self, end: int) -> Speaker | None:
        """The institution or state named right after a descriptor, in apposition ("the grid operator
        Ukrenergo", "the state energy company, Naftogaz,"): the descriptor says what kind it is."""
        for m in self.mentions(end, min(len(self.text), end + 40)):
            if m.actor.kind != "person" and self.text[end:m.start].strip(" ,\u00a0") == "" \
                    and "\n" not in self.text[end:m.start]:
                return Speaker(m.actor.name, True, m.actor)
            break
        return None

    def loose_people(self, start: int, end: int, known: list[ActorMention]) -> list[ActorMention]:
        """People a pronoun may refer to that the registry's patterns did not pick up: two or more
        capitalised name words ("Anna Kowal's flat"), or a name an earlier quotation was given to,
        in full or by surname alone (news prose names a person in full once, then by surname)."""
        out = []
        for name in sorted(self.names):
            if self.text.find(name, start, end) < 0:
                continue
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", self.text[start:end]):
                at = start + m.start()
                if not self.in_quote(at) and not _covered(known, at):
                    out.append(ActorMention(at, at + len(name), name, self.unknown_person(name), False))
        key = (start, end)
        named = self._loose.get(key)
        if named is None:  # these depend on the text alone (``known`` is what ``start:end`` names)
            named = self._loose[key] = self._name_runs(start, end, known)
        out.extend(named)
        out.extend(self._surnames(start, end, [*known, *out]))
        return out

    def _surnames(self, start: int, end: int, known: list[ActorMention]) -> list[ActorMention]:
        """Bare surnames of the people earlier quotations were given to ("Moroz" after "Valentyna
        Moroz" spoke), where no fuller name or known actor covers them. A surname right after another
        capitalised word is part of a different name ("Anna Moroz"), not this person's."""
        out = []
        for name in sorted(self.names):
            surname = name.rpartition(" ")[2]
            if surname == name or len(surname) < 3 or self.text.find(surname, start, end) < 0:
                continue
            for m in re.finditer(r"\b" + re.escape(surname) + r"\b", self.text[start:end]):
                at = start + m.start()
                if self.in_quote(at) or _covered(known, at) or self._after_capital(at):
                    continue
                out.append(ActorMention(at, at + len(surname), surname, self.unknown_person(name), False))
        return out

    def _after_capital(self, at: int) -> bool:
        """Whether the word before ``at`` (on the same line) is a capitalised name word: "Anna" in "Anna
        Moroz", not "Kyiv." ending the sentence before nor a title ("Mrs Moroz")."""
        before = self.text[max(0, at - 30):at]
        if not before.endswith((" ", "\u00a0")):
            return False
        words = before.split()
        return bool(words) and words[-1][:1].isupper() and words[-1][-1].isalpha() \
            and norm_word(words[-1]) not in self.rules.titles and "\n" not in before[before.rfind(words[-1]):]

    def _name_runs(self, start: int, end: int, known: list[ActorMention]) -> list[ActorMention]:
        out = []
        for m in _LOOSE_NAME.finditer(self.text, start, end):
            at = m.start()
            if self.in_quote(at) or _covered(known, at):
                continue
            run = self.actors.name_run(self.text, at, end)
            if run is None or len(run[1]) < 2 or self.actors.lookup(run[1][0]) is not None:
                continue
            name = self.text[at:run[0]]
            if not self.actors.is_place(name) and not self.names_body(run[1]):
                out.append(ActorMention(at, run[0], name, self.unknown_person(name), False))
        return out


    def fits(self, pronoun: str | None, speaker: Speaker, head: str, accept: Accept | None,
             noun: str = "") -> bool:
        """Whether a candidate can be what the pronoun (or descriptor head) refers to; ``noun`` is the
        lowercase word the article puts right before the candidate's name ("operator" in "the grid
        operator Ukrenergo"), which says what kind of body it is."""
        actor = speaker.actor
        if accept is not None:
            return actor is not None and accept(actor)
        if pronoun is None:
            return True
        if actor is None:
            return pronoun == "they"
        if pronoun in ("he", "she"):
            gender = self.genders.get(actor.name) or self.actors.gender(actor)
            return actor.kind == "person" and gender != ("f" if pronoun == "he" else "m")
        if actor.kind == "person":
            return False
        if not head or head in _ANY_INSTITUTION or head not in INSTITUTION_HEADS or head in actor.name.lower():
            return True
        return self.kin(head, noun) or any(self.kin(head, norm_word(w)) for w in (actor.role or "").split())

    def kin(self, head: str, noun: str) -> bool:
        """Whether "the ``head``" can name a body the article or the registry calls a ``noun``: the same
        noun, or two nouns of one kind of body ("the company" for "the grid operator Ukrenergo")."""
        if not head or head in _ANY_INSTITUTION or head == noun:
            return True
        companies = self.rules.company_nouns
        return head in companies and noun in companies

    def noun_before(self, pos: int) -> str:
        """The lowercase word right before ``pos`` on its line ("operator" before "Ukrenergo"), else ""."""
        before = self.text[max(0, pos - 30):pos]
        if not before.endswith((" ", "\u00a0")):
            return ""
        words = before.split()
        word = words[-1] if words else ""
        return word if word.isalpha() and word.islower() and "\n" not in before[before.rfind(word):] else ""
