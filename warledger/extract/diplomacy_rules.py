"""Load and compile ``rules/diplomacy.toml`` (loudly: a bad rule is a RuleError).

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from ..errors import RuleError
from .participants import CONTEXT_SIDES, Lexicon, word_keys
from .participants import trie_pattern as trie_pattern  # defined with the participant lists, used with the rules
from .phrases import pattern_tokens
from .text import Sentence

KINDS = ("meeting", "call", "proposal", "statement", "agreement")
STATUSES = ("held", "planned", "proposed", "refused")
_ID = re.compile(r"^[a-z_]+(?:\.[a-z0-9_]+)+\.v\d+$")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    kind: str
    verb: bool
    status: str | None
    specific: bool  # names one event even without participants ("the next round")
    default: tuple[str, ...] = ()  # participants when none is named ("a prisoner swap": Russia, Ukraine)
    speaker: bool = False  # who reports takes part ("Zelensky said Kyiv was ready to meet")
    forward_only: bool = False  # participants only after the word ("a deal between X and Y")
    subject_only: bool = False  # participants only before the word ("Italy proposed ...")
    requires_after: re.Pattern[str] | None = None  # what must follow in the clause ("agreed to halt strikes")
    needs_object: bool = False  # a person or group must follow as its object ("called Zelensky on Monday")
    min_parties: int = 0  # the fewest participants it must name ("spent an hour with X")
    min_subject: int = 0  # the fewest its subject must name ("X and Y spoke for an hour")
    needs_venue: bool = False  # a venue must follow at once ("arrived in Washington")
    venue_before: bool = False  # a venue must stand right before it ("the Geneva round")
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    # the kind and status of the mention when someone is named after the word: readiness to meet a person
    # named is that meeting, proposed ("ready to meet Putin"); without one it stays a statement
    object_kind: str | None = None
    object_status: str | None = None


@dataclass(frozen=True, slots=True)
class DiplomacyRules:
    """The compiled rule file: one pattern for all triggers, group ``t<n>`` being trigger_rules[n]."""

    triggers: re.Pattern[str]
    trigger_rules: tuple[TriggerRule, ...]
    anchors: FoldedPattern                     # every pattern's first word: triggers are tried only where one is
    cues: tuple[tuple[re.Pattern[str], str, str], ...]   # (pattern, status, position: any|before)
    status_order: tuple[str, ...]
    negation: re.Pattern[str]                  # matched right before a trigger: the mention is dropped
    lexicon: Lexicon
    trigger_index: Alternatives | None = None  # ``triggers``, matched faster where the anchor word is known
    cue_gate: Gate | None = None               # every cue's phrases: where they start, a cue may match
    negation_keys: tuple[str, ...] | None = None       # a word of every negation phrase
    negation_after: re.Pattern[str] | None = None      # matched right after a noun's phrase: the mention is dropped
    negation_after_keys: tuple[str, ...] | None = None  # a word of every such phrase
    anchor_words: frozenset[str] = frozenset()  # the words of ``anchors``
    blocs: frozenset[str] = frozenset()        # blocs whose members' agreement is one party's ("European Union")


_SEPARATOR = r"[\"“”]?\s+[\"“”]?"  # between the words of a phrase: whitespace, perhaps quotation marks


class Gate:
    """Where phrases may start in a sentence, found once per sentence (``Sentence.memo``).

    For a pattern ``\\b(?:phrases)...`` (``re.IGNORECASE``) searched within a sentence: a match starting
    in lo:hi starts with one of the phrases, so ``prefix`` (the phrases alone) matches there too, and
    one of the sentence's ``prefix`` matches overlaps lo:hi (it starts there, or covers where it does).
    Where none does, the pattern has no match in lo:hi."""

    __slots__ = ("folded", "key", "prefix")

    def __init__(self, name: str, phrases: Sequence[str]) -> None:
        self.key = "gate:" + name
        self.prefix = re.compile(r"\b(?:" + trie_pattern(phrases) + ")", re.IGNORECASE)
        # the same in a lowercased sentence with straight apostrophes (it finds those and more), when no
        # letter of the phrases is outside ASCII (then lowercase letters compare as re.IGNORECASE does)
        ascii_letters = all(ch.isascii() or not ch.isalpha() for p in phrases for ch in p)
        self.folded = re.compile(r"\b(?:" + trie_pattern([p.replace("’", "'") for p in phrases]) + ")") \
            if ascii_letters else None

    def touches(self, text: str, sentence: Sentence, lo: int, hi: int, low: str | None = None) -> bool:
        """False when no phrase starts in lo:hi (a range of the sentence). ``low``: the sentence lowercased
        with straight apostrophes where that keeps its letters as re.IGNORECASE does (``folds_safely``)."""
        spans: list[tuple[int, int]] | None = sentence.memo.get(self.key)  # type: ignore[assignment]
        if spans is None:
            if low is not None and self.folded is not None:
                base = sentence.start
                spans = [(base + a, base + b) for a, b in map(_SPAN, self.folded.finditer(low))]
            else:
                spans = [m.span() for m in self.prefix.finditer(text, sentence.start, sentence.end)]
            sentence.memo[self.key] = spans
        return any(a < hi and b > lo for a, b in spans)


def alternation(patterns: Sequence[str]) -> str:
    """Longest first, each word escaped, spaces matching any whitespace (and quotation marks)."""
    ordered = sorted({p.strip() for p in patterns}, key=len, reverse=True)
    return "|".join(_SEPARATOR.join(re.escape(w) for w in p.split()) for p in ordered)


def strings(raw: Any, where: str, *, required: bool = True) -> tuple[str, ...]:
    if raw is None and not required:
        return ()
    if not isinstance(raw, list) or (required and not raw) or not all(isinstance(x, str) and x.strip()
                                                                      for x in raw):
        raise RuleError(f"{where}: expected a non-empty list of non-empty strings")
    return tuple(raw)


def _rule_id(raw: Mapping[str, Any], where: str) -> str:
    rid = raw.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise RuleError(f"{where}: id must be dotted and versioned, such as 'diplomacy.meeting.talks.v1'")
    return rid


def _requires(raw: Any, rid: str) -> re.Pattern[str] | None:
    """What must follow a trigger within its clause, or the clause must end right after it."""
    words = strings(raw, f"diplomacy.toml {rid} requires_after", required=False)
    if not words:
        return None
    return re.compile(r"\s*(?:[.;,:)\]\"”]|$)|[^.;:]{0,80}?\b(?:" + alternation(words) + r")\b", re.IGNORECASE)


def _object_kind(raw: Mapping[str, Any], rid: str) -> tuple[str | None, str | None]:
    """A rule's ``object_kind`` and ``object_status`` (both or neither)."""
    kind, status = raw.get("object_kind"), raw.get("object_status")
    if kind is None and status is None:
        return None, None
    if kind not in KINDS or status not in STATUSES:
        raise RuleError(f"diplomacy.toml {rid}: object_kind must be one of {KINDS} and object_status one of "
                        f"{STATUSES}, both given")
    return str(kind), str(status)


def _triggers(data: Mapping[str, Any]) -> tuple[tuple[TriggerRule, ...], Alternatives, frozenset[str]]:
    rules, parts, firsts = [], [], []
    anchors: set[str] = set()
    for n, raw in enumerate(data.get("trigger", [])):
        rid = _rule_id(raw, f"diplomacy.toml trigger {n + 1}")
        kind, status = raw.get("kind"), raw.get("status")
        if kind not in KINDS:
            raise RuleError(f"diplomacy.toml {rid}: kind {kind!r} is not one of {KINDS}")
        if status is not None and status not in STATUSES:
            raise RuleError(f"diplomacy.toml {rid}: status {status!r} is not one of {STATUSES}")
        examples = strings(raw.get("examples"), rid, required=False)
        counter = strings(raw.get("counter_examples"), rid, required=False)
        if set(examples) & set(counter):
            raise RuleError(f"diplomacy.toml {rid}: a counter-example is also an example")
        rules.append(TriggerRule(rid, kind, bool(raw.get("verb", False)), status, bool(raw.get("specific", False)),
                                 strings(raw.get("default"), rid, required=False), bool(raw.get("speaker", False)),
                                 bool(raw.get("forward_only", False)), bool(raw.get("subject_only", False)),
                                 _requires(raw.get("requires_after"), rid), bool(raw.get("needs_object", False)),
                                 int(raw.get("min_parties", 0)), int(raw.get("min_subject", 0)),
                                 bool(raw.get("needs_venue", False)), bool(raw.get("venue_before", False)),
                                 examples, counter, *_object_kind(raw, rid)))
        unless = strings(raw.get("unless_next"), rid, required=False)
        guard = rf"(?![\s\"“”]+(?:{alternation(unless)})\b)" if unless else ""
        # a word ending in a hyphen is joined to the trigger ("so-called"), any other stands before a space
        prev = "".join(rf"(?<!\b{re.escape(w)})" if w.endswith("-") else rf"(?<!\b{re.escape(w)}\s)"
                       for w in strings(raw.get("unless_prev"), rid, required=False))
        needs = strings(raw.get("needs_prev"), rid, required=False)
        if needs:
            prev += "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" if w[0].isalnum() else rf"(?<={re.escape(w)}\s)"
                                     for w in needs) + ")"
        patterns = strings(raw.get("patterns"), rid)
        parts.append(f"{prev}(?P<t{n}>(?:{alternation(patterns)})\\b{guard})")
        firsts.append(patterns)
        anchors.update(pattern_tokens(p)[0] for p in patterns)
    return tuple(rules), Alternatives(r"\b(?:", parts, firsts, ")", re.IGNORECASE), frozenset(anchors)


class Alternatives:
    """One pattern made of many rules' alternatives (``head`` + ``|``.join(parts) + ``tail``), matched at
    positions where a word of the text is known: then only the rules that can start with that word are
    tried, each as ``head`` + its part + ``tail``, in their order, with the same group names, so the
    match is the one the whole pattern makes (the first alternative that matches there, with the tail).

    A rule can match at a position only if its first word (up to the first space of one of its
    phrases) and the text's word there are one a prefix of the other; and only where one of the phrases
    stands (``quick``: all of them as one trie, without their conditions). Each pattern is compiled once,
    when first needed (compiling patterns per word cost more than the matching)."""

    __slots__ = ("_firsts", "_flags", "_head", "_parts", "_phrases", "_quick", "_rules", "_tail", "_words",
                 "pattern")

    def __init__(self, head: str, parts: Sequence[str], phrases: Sequence[Sequence[str]], tail: str,
                 flags: int) -> None:
        self.pattern = re.compile(head + "|".join(parts) + tail, flags)
        self._head, self._parts, self._tail, self._flags = head, tuple(parts), tail, flags
        firsts = [frozenset(p.split()[0].lower() for p in group if p.split()) for group in phrases]
        # a rule with a word that is not plain ASCII is always tried (its case may fold otherwise)
        self._firsts = tuple(f if all(w.isascii() for w in f) else frozenset() for f in firsts)
        self._phrases = tuple(p for group in phrases for p in group)
        self._quick: re.Pattern[str] | None = None
        self._rules: list[re.Pattern[str] | None] = [None] * len(self._parts)
        self._words: dict[str, tuple[int, ...]] = {}

    def match(self, text: str, pos: int, end: int, word: str | None = None) -> re.Match[str] | None:
        """``pattern.match(text, pos, end)``; with ``word`` (the lowercase word that stands at ``pos``, in
        a text where lowercasing keeps every letter as ``re.IGNORECASE`` compares it), faster."""
        if word is None:
            return self.pattern.match(text, pos, end)
        chosen = self._words.get(word)
        if chosen is None:
            chosen = self._for(word)
        if not chosen:
            return None
        quick = self._quick
        if quick is None:
            quick = self._quick = re.compile(trie_pattern(self._phrases, space=_SEPARATOR), re.IGNORECASE)
        if quick.match(text, pos, end) is None:
            return None
        rules = self._rules
        for n in chosen:
            rule = rules[n]
            if rule is None:
                rule = rules[n] = re.compile(self._head + self._parts[n] + self._tail, self._flags)
            found = rule.match(text, pos, end)
            if found is not None:
                return found
        return None

    def _for(self, word: str) -> tuple[int, ...]:
        """The rules that can start with ``word``, in order."""
        chosen = tuple(n for n, firsts in enumerate(self._firsts)
                       if not firsts or any(f.startswith(word) or word.startswith(f) for f in firsts))
        if len(self._words) >= 4096:
            self._words.clear()
        self._words[word] = chosen
        return chosen


class FoldedPattern:
    """A lowercase pattern searched in lowercased text (case-sensitive matching is some 2.5 times faster
    than ``re.IGNORECASE``); texts whose length changes when lowercased are searched ignoring case."""

    __slots__ = ("folded", "ignoring")

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern)
        self.ignoring = re.compile(pattern, re.IGNORECASE)

    def finditer(self, text: str, low: str | None = None, start: int = 0, end: int | None = None
                 ) -> Iterator[re.Match[str]]:
        """Matches in ``text[start:end]`` (``low``: ``text.lower()`` when already made); offsets are the text's."""
        low = text.lower() if low is None else low
        stop = len(text) if end is None else end
        if len(low) == len(text):
            return self.folded.finditer(low, start, stop)
        return self.ignoring.finditer(text, start, stop)

    def search(self, text: str, low: str | None = None, start: int = 0, end: int | None = None
               ) -> re.Match[str] | None:
        return next(iter(self.finditer(text, low, start, end)), None)


def _cues(data: Mapping[str, Any]) -> tuple[tuple[tuple[re.Pattern[str], str, str], ...], Gate]:
    cues = []
    phrases: list[str] = []
    for n, raw in enumerate(data.get("cue", [])):
        rid = _rule_id(raw, f"diplomacy.toml cue {n + 1}")
        if raw.get("value") not in STATUSES:
            raise RuleError(f"diplomacy.toml {rid}: value must be one of {STATUSES}")
        pattern = re.compile(r"\b(?:" + trie_pattern(strings(raw.get("patterns"), rid)) + r")\b", re.IGNORECASE)
        position = str(raw.get("position", "any"))
        if position not in ("any", "before"):
            raise RuleError(f"diplomacy.toml {rid}: position must be 'any' or 'before'")
        cues.append((pattern, str(raw["value"]), position))
        phrases.extend(strings(raw.get("patterns"), rid))
    return tuple(cues), Gate("diplomacy.cues", phrases)


def _words(data: Mapping[str, Any], name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in strings(data.get("words", {}).get(name), f"diplomacy.toml words.{name}"))


def _folded(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """``\\b(?:phrases)\\b`` for a lowercased text: what re.IGNORECASE finds in the text itself, where
    lowercasing keeps its letters as re.IGNORECASE compares them; None if a phrase has a letter outside
    ASCII."""
    if not all(ch.isascii() or not ch.isalpha() for p in phrases for ch in p):
        return None
    return re.compile(r"\b(?:" + trie_pattern(phrases) + r")\b")


def lexicon_from(data: Mapping[str, Any], where: str = "diplomacy.toml") -> Lexicon:
    """The participant-list vocabulary of a rule file's ``side``, ``group``, ``words`` and ``titles``."""
    nouns: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for raw in data.get("side", []):
        state = str(raw.get("value"))
        nouns.update({w: state for w in strings(raw.get("nouns"), f"{where} side {state}")})
        adjectives.update({w: state for w in strings(raw.get("adjectives"), f"{where} side {state}")})
    members = {p.lower(): (CONTEXT_SIDES,) if raw.get("contextual") else strings(raw.get("value"), str(raw.get("id")))
               for raw in data.get("group", []) for p in strings(raw.get("patterns"), str(raw.get("id")))}
    context_default = next((tuple(strings(raw.get("value"), str(raw.get("id")))) for raw in data.get("group", [])
                            if raw.get("contextual")), ())
    # nationality adjectives stand where title words do ("French President ..."), so they are read as titles
    titles = (*strings(data.get("titles", {}).get("patterns"), f"{where} titles"),
              *strings(data.get("titles", {}).get("nationalities"), f"{where} titles.nationalities", required=False))
    possessed = strings(data.get("titles", {}).get("possessed"), f"{where} titles.possessed")
    descriptors = {" ".join(p.lower().split()): str(raw.get("value")) for raw in data.get("descriptor", [])
                   for p in strings(raw.get("patterns"), f"{where} descriptor {raw.get('value')}")}
    return Lexicon(
        side_nouns=nouns, side_adjectives=adjectives,
        # (?<![\w.\-]) before the word, written after its first letter (that lookbehind also reads it)
        sides=re.compile(r"(?:" + trie_pattern([*nouns, *adjectives], fold=False, after_first=r"(?<![\w.\-][\s\S])")
                         + r")(?![\w\-])"),
        groups=re.compile(r"\b(?:" + trie_pattern(list(members)) + r")\b", re.IGNORECASE),
        group_members=members, context_default=context_default,
        # the titles as one trie (the same words as ``alternation(titles)``, tried faster)
        titles=re.compile(r"^(?:['’]s)?(?:(?:\s+(?:" + trie_pattern(titles, space=_SEPARATOR)
                          + r"|[A-Z]\.))+,?\s+|\s+)$", re.IGNORECASE),
        descriptors=re.compile(r"\b(?:" + trie_pattern(list(descriptors)) + r")\b", re.IGNORECASE),
        descriptor_names=descriptors,
        possessor=re.compile(r"['’]s\s+(?:(?:" + trie_pattern(titles, space=_SEPARATOR) + r")\s+)*(?:"
                             + trie_pattern(possessed, space=_SEPARATOR) + r")\b", re.IGNORECASE),
        listing=_words(data, "list"), after=_words(data, "after"),
        before_noun=_words(data, "before_noun") | _words(data, "light_verbs"),
        before_verb=_words(data, "before_verb"), delegation=_words(data, "delegation"),
        pronouns=_words(data, "pronouns"),
        title_words=frozenset(w.lower() for t in titles for w in t.split()),
        give=_words(data, "give"), leader_words=_words(data, "leader_words"),
        leaders={str(k): str(v) for k, v in data.get("leaders", {}).items()},
        group_keys=word_keys(members), descriptor_keys=word_keys(descriptors),
        groups_folded=_folded(list(members)), descriptors_folded=_folded(list(descriptors)),
    )


def parse_diplomacy_rules(data: Mapping[str, Any]) -> DiplomacyRules:
    """Validate and compile the parsed TOML of a diplomacy rule file."""
    trigger_rules, triggers, anchors = _triggers(data)
    order = strings(data.get("status", {}).get("order"), "diplomacy.toml status.order")
    if any(s not in STATUSES for s in order):
        raise RuleError(f"diplomacy.toml status.order: each status must be one of {STATUSES}")
    negation = strings(data.get("negation", {}).get("patterns"), "diplomacy.toml negation")
    after = strings(data.get("negation", {}).get("after"), "diplomacy.toml negation.after", required=False)
    anchor_re = FoldedPattern(r"\b(?:" + trie_pattern(sorted(anchors)) + r")(?![\w])")
    cues, cue_gate = _cues(data)
    return DiplomacyRules(triggers=triggers.pattern, trigger_rules=trigger_rules, anchors=anchor_re, cues=cues,
                          status_order=order,
                          negation=re.compile(r"\b(?:" + trie_pattern(negation) + r")\b[^,;.]{0,25}$", re.IGNORECASE),
                          lexicon=lexicon_from(data), trigger_index=triggers, cue_gate=cue_gate, anchor_words=anchors,
                          negation_keys=word_keys(negation),
                          negation_after=re.compile(r"[^,;.]{0,30}?\b(?:" + trie_pattern(after) + r")\b", re.IGNORECASE)
                          if after else None,
                          negation_after_keys=word_keys(after),
                          blocs=frozenset(strings(data.get("blocs", {}).get("names"), "diplomacy.toml blocs",
                                                  required=False)))


_WORD_CHAR = re.compile(r"\w")
_SPAN = re.Match.span


class FirstWords:
    """The first words of several rule families (each searched as ``\\b(?:words)(?![\\w])`` in the
    lowercased text; words without spaces) found with one scan of the text for all of them.

    Where a family's own scan finds a word, the scan for all finds the longest word of any family
    that stands there (the family's word is that word or the part of it before a character that is
    no word character); where the scan for all passes over the inside of a word, a family's scan can
    only start at a word boundary inside it, and such spots are tried with the family's pattern. So
    ``chain`` gives exactly the matches of the family's own ``finditer``."""

    __slots__ = ("_families", "_heads", "_inner", "_last", "pattern")

    def __init__(self, families: Sequence[frozenset[str]]) -> None:
        self._families = tuple(families)
        words = sorted(set().union(*families))
        self.pattern = re.compile(r"\b(?:" + trie_pattern(words) + r")(?![\w])")
        # per family: word -> the length of the family's longest word it starts with (see above)
        self._heads: tuple[dict[str, int], ...] = tuple({} for _ in families)
        self._inner: dict[str, tuple[int, ...]] = {}  # word -> offsets of the word boundaries inside it
        for word in words:
            self._read(word)
        self._last: tuple[str | None, _Scanned] = (None, _Scanned([], [], ()))

    def _read(self, word: str) -> None:
        for family, heads in zip(self._families, self._heads, strict=True):
            head = max((len(w) for w in family
                        if word == w or (word.startswith(w) and not _WORD_CHAR.match(word[len(w)]))), default=0)
            if head:
                heads[word] = head
        inner = tuple(k for k in range(1, len(word))
                      if bool(_WORD_CHAR.match(word[k - 1])) != bool(_WORD_CHAR.match(word[k])))
        if inner:
            self._inner[word] = inner

    def _scan(self, text: str, low: str) -> _Scanned:
        """Where the words stand in ``low`` (``text`` lowercased), found once per text."""
        last = self._last
        if last[0] is text:
            return last[1]
        hits = [(m.start(), m.group()) for m in self.pattern.finditer(low)]
        inner = self._inner
        scanned = _Scanned(hits, [p for p, w in hits if w in inner],
                           tuple([(p, heads[w]) for p, w in hits if w in heads] for heads in self._heads))
        self._last = (text, scanned)
        return scanned

    def chain(self, text: str, low: str, family: int, pattern: re.Pattern[str], exact: bool, lo: int = 0,
              hi: int | None = None) -> list[tuple[int, int]]:
        """The spans ``pattern.finditer(low, lo, hi)`` gives (``low`` is ``text`` lowercased, the same
        length): ``pattern`` is the family's own, with ``exact`` its words as above, else a pattern each of
        whose matches starts with one of its words (then it is tried where one stands)."""
        hi = len(low) if hi is None else hi
        scanned = self._scan(text, low)
        heads = scanned.heads[family]
        first, last = bisect_left(heads, (lo, 0)), bisect_left(heads, (hi, 0))
        if exact and not (scanned.inner and bisect_left(scanned.inner, lo) < bisect_left(scanned.inner, hi)):
            return [(p, p + h) for p, h in heads[first:last]]  # no word boundary inside a word: no overlap
        out: list[tuple[int, int]] = []
        free = lo
        if scanned.inner:  # rare ("face-to-face", "u.s.-led"): every word boundary inside them is tried too
            spots = sorted({(p, h) for p, h in heads[first:last]}
                           | {(p + k, 0) for p, w in scanned.hits[bisect_left(scanned.hits, (lo, "")):]
                              if p < hi for k in self._inner.get(w, ())})
        else:
            spots = heads[first:last]
        for p, h in spots:
            if p < free or p >= hi:
                continue
            if exact and h:
                out.append((p, p + h))
                free = p + h
            else:
                m = pattern.match(low, p, hi)
                if m is not None:
                    out.append(m.span())
                    free = m.end()
        return out


class _Scanned(NamedTuple):
    hits: list[tuple[int, str]]                  # (start, word) of every match of the scan for all
    inner: list[int]                             # the starts of the words with a word boundary inside
    heads: tuple[list[tuple[int, int]], ...]     # per family: (start, length of its word) where one stands


def read_rule_file(name: str) -> Mapping[str, Any]:
    try:
        text = resources.files("warledger.extract").joinpath("rules", name).read_text("utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"cannot load rule file {name}: {exc}") from exc


@cache
def load_diplomacy_rules() -> DiplomacyRules:
    """The packaged ``rules/diplomacy.toml``, compiled once."""
    return parse_diplomacy_rules(read_rule_file("diplomacy.toml"))
