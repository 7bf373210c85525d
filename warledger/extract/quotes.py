"""Direct quotations of four words or more, and who said them.

1. Spans (``quote_spans``): straight, curly and single quotation marks and guillemets, paired
   within a paragraph; a mark left open at the end of a paragraph quotes to its end (the next
   paragraph then opens again, and is a quotation of its own). A single-quoted quotation inside a
   double-quoted one counts when a verb of saying introduces it ("... would ask, 'What do you
   think?'"). Lines with no sentence punctuation (headings, live-blog entry titles) are skipped,
   and so is a quoted name the actor registry knows ("coalition of the willing").
2. Attribution (here): the subject of the verb of saying next to the quotation, after it
   ('"...," he said', '"...," said Zelensky') or before it ('Zelensky said the talks were "..."',
   'A source told Reuters: "..."'); else a source in brackets after it, a colon before it, or a
   name right after it. The subject is a person the actor registry finds (known or not), an
   institution or state, a descriptor ("a senior Ukrainian official"), or a pronoun
   (``quote_context``).
3. Resolution (``quote_speakers``): a pronoun or a definite descriptor ("the official", "the
   Ukrainian president", "the statement") refers to the nearest earlier speaker or sentence
   subject that fits; a quotation with no attribution of its own continues the previous speaker.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..records import Evidence, Quote
from ..resolve.actors import ActorRegistry
from .quote_context import Speaker, SpeakerRef, Word
from .quote_spans import QuoteSpan, find_spans
from .quote_speakers import SpeakerResolver
from .text import Sentence

__all__ = ["MIN_WORDS", "find_quotes"]

MIN_WORDS = 4
_CLAUSE_BREAKS = frozenset({";", "—", "–", "while", "whereas", "but", "although", "though"})
_NOT_ADJACENT = frozenset({"while", "and", "but", "as", "that", "which"})
_DOCUMENT_NOUNS = frozenset({"statement", "post", "message", "video", "address", "letter", "interview", "readout",
                             "release", "communique", "communiqué", "update", "briefing", "speech", "report",
                             "document", "bulletin"})
# verbs of saying that take an object clause, besides the inverting ones ("said", "wrote")
_OWN_WORDS = frozenset({"told", "tells", "tell", "say", "claimed", "claims", "announced", "confirmed"})
_OBJECT_CLAUSE = 8  # words a reported clause may run from its verb of saying to its own verb
_PARENTHETICAL = re.compile(r"[ \t]*\(([A-Z][^,;)]{2,80})")
# a statement owned by a possessor right before the quotation it holds ("Zelensky's latest statements that Kiev
# would not "...""): the owner said the words, whoever reports on the statement
_OWNED_STATEMENT = re.compile(r"(?P<who>\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})['’]s\s+(?:[a-z-]+\s+){0,2}"
                              r"(?:statements?|remarks?|words|claims?|comments?|assertions?|pledges?|promises?|vows?|"
                              r"warnings?|insistence)\s+that\b[^\"“”.;]{0,120}[\"“”‘']?$")
# one who passes on another's words, right after the quotation: '"...," he quoted Putin as saying'
_QUOTED_AS = re.compile(r"[,.!?]?[\"”’']?\s*(?:[\w’'.-]+\s+){1,4}?(?:quoted|quotes|cited|cites)\s+"
                        r"(?P<who>[^,.;:\"“”]{2,60}?)\s+as\s+(?:saying|telling|having\s+said)\b")


def find_quotes(text: str, sentences: Sequence[Sentence], actors: ActorRegistry,
                spans: Sequence[QuoteSpan] | None = None) -> tuple[Quote, ...]:
    """Every direct quotation of four words or more in ``text``, with its speaker.

    ``sentences`` are ``split_sentences(text)``; evidence spans are the quoted words (without the
    marks), so ``text[start:end] == evidence.text == quote.text``.
    """
    if spans is None:
        spans = find_spans(text)
    if not spans:
        return ()
    return _Reader(text, sentences, actors, spans).quotes()


class _Reader(SpeakerResolver):
    """One article's quotations and their attributions."""

    def __init__(self, text: str, sentences: Sequence[Sentence], actors: ActorRegistry,
                 spans: Sequence[QuoteSpan]) -> None:
        super().__init__(text, sentences, actors, spans)
        self.nested = [s for s in spans if s.outer is not None]

    def quotes(self) -> tuple[Quote, ...]:
        chosen = [q for q in self.spans if q.words >= MIN_WORDS and not q.heading and not self.is_name(q)]
        refs = [self.attribution(q) for q in chosen]
        for i in range(len(chosen) - 1):  # an open quotation without attribution takes its continuation's
            if refs[i] is None and not chosen[i].closed:
                refs[i] = refs[i + 1]
        found: list[tuple[QuoteSpan, Speaker]] = []
        for q, ref in zip(chosen, refs, strict=True):
            speaker = self.resolve(ref, q.open_at)
            self.record(q.open_at, speaker)
            found.append((q, speaker))
        found.extend(self.nested_quotes(found))
        found.sort(key=lambda item: item[0].start)
        return tuple(Quote(speaker=sp.name, speaker_named=sp.named, text=self.text[q.start:q.end],
                           evidence=Evidence(q.start, q.end, self.text[q.start:q.end])) for q, sp in found)

    def is_name(self, q: QuoteSpan) -> bool:
        """A short quotation that is an actor's name ("coalition of the willing") is not a quotation."""
        return q.end - q.start < 60 and self.actors.lookup(self.text[q.start:q.end]) is not None

    def nested_quotes(self, outer: list[tuple[QuoteSpan, Speaker]]) -> list[tuple[QuoteSpan, Speaker]]:
        """Quotations inside quotations, when a verb of saying inside the outer one introduces them."""
        out = []
        hosts = {q.open_at: q for q, _ in outer}
        for inner in self.nested:
            host = hosts.get(inner.outer) if inner.outer is not None else None
            if inner.words < MIN_WORDS or host is None:
                continue
            words = [w for w in self.words(host.start, inner.open_at, inside=True) if w.text[0].isalnum()][-3:]
            verb = next((w for w in reversed(words) if self.is_verb(w.low) or w.low in ("ask", "say")), None)
            if verb is None:
                continue  # a phrase in quotation marks inside a quotation: "'We stand where we stand' is ..."
            ref = self.choose(host.start, verb.start, verb.start, inside=True)
            if ref is not None and ref.kind == "actor":
                out.append((inner, self.resolve(ref, inner.open_at)))
        return out

    # -- attribution ----------------------------------------------------------------------------------------
    def attribution(self, q: QuoteSpan) -> SpeakerRef | None:
        """What the words around a quotation say about its speaker (unresolved)."""
        line_start, line_end = self.line_bounds(q.open_at)
        after = self.after_region(q, line_end)
        after_verb = self.first_verb(*after) if after else None
        after_ref = self.subject_after(after[0], after[1], after_verb) if after and after_verb else None
        sent_start = max(line_start, self.sentences[self.sentence_at(q.open_at)].start) \
            if self.sentences else line_start
        before = self.words(sent_start, q.open_at)
        before_verb = None
        for k in range(len(before) - 1, -1, -1):
            if self.is_verb(before[k].low) and not self.modifies_document(before, k):
                before_verb = self.reporting_verb(before, k)
                break
        owned = _OWNED_STATEMENT.search(self.text, sent_start, q.open_at)
        if owned is not None:  # 'Asked about Zelensky's statements that Kyiv would not "...", Peskov said'
            owner = next((m for m in self.mentions(owned.start("who"), owned.end("who"))
                          if m.end == owned.end("who")), None)
            if owner is not None:
                return SpeakerRef("actor", owner.start, actor=owner.actor)
        quoting = _QUOTED_AS.match(self.text, after[0], after[1]) if after else None
        if quoting is not None:  # '"...," he quoted Putin as saying': the one quoted spoke the words
            quoted = self.choose(quoting.start("who"), quoting.end("who"), quoting.end("who"), adjacent=False)
            if quoted is not None:
                return quoted
        if after_ref is not None and (before_verb is None or self.adjacent(q, after_verb)):
            return after_ref
        if before_verb is not None:
            ref = self.subject_before(sent_start, before_verb, q.open_at)
            if ref is not None:
                return ref
        if after_ref is not None:
            return after_ref
        if q.closed:
            m = _PARENTHETICAL.match(self.text, q.close_after, line_end)  # '"..." (Posts on X, shared ...)'
            if m is not None:
                return SpeakerRef("descriptor", m.start(1), text=m.group(1).strip())
        if before and self.text[sent_start:q.open_at].rstrip().endswith(":"):
            ref = self.choose(sent_start, q.open_at, q.open_at)  # 'Another official was blunter: "..."'
            if ref is not None:
                return ref
        return self.leading_name(q.close_after, line_end) if q.closed else None

    def reporting_verb(self, words: list[Word], k: int) -> Word:
        """The verb whose subject spoke the words after ``words[k]``: the outermost verb of saying whose
        object clause holds the verb ("He said Moscow welcomed the mission "as long as ..."", "A spokesperson
        said the minister had told him that Britain "..."": the quoted words are what the subject of the
        verb of saying reported). A comma or a clause break ends the object clause."""
        verb = words[k]
        if verb.low in self.rules.participles or verb.low == "according":
            return verb
        found = verb
        for j in range(k - 1, max(-1, k - _OBJECT_CLAUSE), -1):
            w = words[j]
            if not w.text[0].isalnum() or w.low in _CLAUSE_BREAKS or (w.low in _NOT_ADJACENT and w.low != "that"):
                break
            if (w.low in self.rules.inverting and w.low != "according") or w.low in _OWN_WORDS:
                found = w
        return found

    @staticmethod
    def modifies_document(words: list[Word], k: int) -> bool:
        """Whether the verb ``words[k]`` qualifies a document in a prepositional phrase ('said in a
        statement posted on Telegram that ...'): the noun before it follows "in"/"on" (a determiner
        between), so it is no subject and the verb is no verb of saying of its own."""
        if k < 2 or words[k - 1].low not in _DOCUMENT_NOUNS:
            return False
        j = k - 2
        if words[j].low in ("a", "an", "the", "his", "her", "its", "their") and j > 0:
            j -= 1
        return words[j].low in ("in", "on")

    def after_region(self, q: QuoteSpan, line_end: int) -> tuple[int, int] | None:
        """The rest of the quotation's sentence after its closing mark (up to the next quotation)."""
        if not q.closed or not self.sentences:
            return None
        start = q.close_after
        i = bisect_right(self.opens, start)
        end = min(line_end, self.opens[i] if i < len(self.opens) else line_end,
                  self.sentences[self.sentence_at(start - 1)].end)
        return (start, end) if end > start else None

    def first_verb(self, start: int, end: int) -> Word | None:
        finite = self.rules.finite_verbs
        for w in self.words(start, end)[:24]:
            if w.low in finite or w.low == "according":
                return w
        return None

    def adjacent(self, q: QuoteSpan, verb: Word | None) -> bool:
        """True when the verb after a mid-sentence quotation attributes it ('"...," he said')."""
        if verb is None:
            return False
        between = self.words(q.close_after, verb.start)
        if len(between) > 5:
            return False
        for w in between:
            if w.low in _NOT_ADJACENT:
                return False
        return True

    def subject_after(self, start: int, end: int, verb: Word | None) -> SpeakerRef | None:
        if verb is None:
            return None
        if self.text[start:verb.start].strip(" ,\u00a0\t") and verb.low != "according":
            ref = self.leading_name(start, verb.start) or self.choose(start, verb.start, verb.start)
            if ref is not None:
                return ref
        ref = self.subject_following(verb, end)
        if verb.low == "according" and ref is not None and self.ownerless_document(ref):
            return None  # '... said its forces had hit "...," according to a statement': the subject speaks
        return ref

    def ownerless_document(self, ref: SpeakerRef) -> bool:
        """Whether a reference is an indefinite document that names no owner ("a statement", "a post"):
        it tells where the words were published, not who said them."""
        return ref.kind == "descriptor" and not ref.definite and ref.head in _DOCUMENT_NOUNS \
            and self.owner(ref) is None

    def shared_subject(self, clause: int, words: list[Word]) -> SpeakerRef | None:
        """The subject a verb after "and" shares with the clause's first verb of saying ("He added that
        Ankara was ready ..., and said ..."): the subject of that verb, None when the clause has none."""
        for w in words:
            if w.start >= clause and w.low in self.rules.finite_verbs and w is not words[-1]:
                return self.choose(clause, w.start, w.start) if w.start > clause else None
        return None

    def subject_before(self, sent_start: int, verb: Word, quote_at: int) -> SpeakerRef | None:
        if verb.low == "according":
            return self.subject_following(verb, quote_at)
        if verb.low in self.rules.participles:  # "..., saying": the subject of the main clause
            return self.choose(sent_start, verb.start, verb.start, adjacent=False)
        clause = sent_start
        words = self.words(sent_start, verb.start)
        for w in words:
            if w.low in _CLAUSE_BREAKS:
                clause = w.end
        if words and words[-1].low == "and":  # "He added that ..., and said": the subject of the first verb
            ref = self.shared_subject(clause, words)
            if ref is not None:
                return ref
        ref = self.choose(clause, verb.start, verb.start)
        if ref is None and clause > sent_start:
            ref = self.choose(sent_start, verb.start, verb.start)
        return ref
