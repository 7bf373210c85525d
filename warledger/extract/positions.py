"""Positions: who demands, rejects, accepts or offers what (territory, a ceasefire, aid ...).

1. Stance words (``rules/positions.toml``) are tried only where one of their first words stands; a
   sentence is read further only when it also names an issue.
2. A stance's issue is the first issue word after it in its clause, else the last one before it
   ("On security guarantees, the Ukrainian side is pressing for ..."; of "a truce along the front line",
   the truce); a list names several ("a truce, a swap of prisoners and the return of ..."). A few words
   quoted inside a clause ("wants an \"all-for-all\" swap") do not end it. An issue word that owns the next
   ("NATO's Article 5") or is part of a hyphenated word ("a truce-monitoring mission") is none; a noun with a
   relative clause ending at the stance ("terms Moscow would refuse") is its object, no issue before it; a
   stance in a ", which" clause that names no issue is about the noun phrase before the comma ("his offer of a
   halt to strikes, which the Kremlin turned down").
3. Its holder is the subject of the stance verb ("Kyiv rejected ..."; of "..., who want", the actor before the
   comma), or for a stance that is no verb of its own ("must", "a red line", "only if") who reports it ("...,
   Zelensky said"); then the sentence's first actor, or the side of "Ukrainian officials". A noun's holder is its
   possessor ("Kyiv's proposal", "his call for", "its demands") or the party after it ("a demand from Moscow"). A
   subject "it" stands for the state that held the last stance one or two sentences before ("It rules out ...");
   a sentence inside a quotation is its speaker's, named in the sentence before or, where the quotation runs on,
   where it closes; in a ", where" clause the holder is who met there, not who reports it. Of names read before a
   verb, only the last noun phrase is its subject where no "and" joins them ("Putin told Trump he would ...");
   the points a colon spells out ("gave Trump five points: Kyiv needs ..., a truce has to ...") are who sets them
   out, and each item of such a list with a subject of its own is a stance of its own.
4. A stance inside a demand's object ("called on Moscow to accept a truce") is the demand's, not the
   addressee's; a stance coordinated with another ("would not send missiles and suggested ...") states
   nothing about the other's issue, and ends the other's object ("agreed to talks and has accepted a truce").
   "Gave Moscow ten days to ..." is a demand; a stance after "would have" states nothing, nor does any
   later one in its clause; "insisted that X would be ..." is no demand. A stance in a later "that" of a
   demand's list ("insisted that X ... and that Kyiv must never ...") is what the demand asks, unless the
   demand's own holder takes it; "in exchange for Y" asks for Y, and offers what is named before it. An offer
   or acceptance followed by an "if" that asks something back ("would freeze the line if Kyiv left Donetsk",
   "if Moscow did") is also a condition, on what the "if" names.
   A stance word that is a noun too, after a possessor ("Moscow's truce offer"), is the possessor's; a predicate on
   such a noun ("... was unacceptable, Kyiv said") is its speaker's. A verb right after a readiness ("is prepared
   to offer") shares its subject; the verb a refusal denies ("would not accept") is no stance of its own; a demand
   verb that only describes a thing ("the equipment it needs") is none either; nor is a stance after "once"
   or "provided" ("once a truce is agreed"), which say when or on what condition.
5. A stance whose object is only "it" (or "them as part of a deal") looks back over its sentence; a colon after
   "a plain bargain" does not end the object; "should not have to", "the way an ally must" and a bare "must"
   state nothing, nor does the generic "you". A short reply ("Kyiv refuses.", "Kyiv rejected the demand.") answers
   the demand of the sentence before.
6. A verb after ", and" with no subject of its own, or a stance in ", saying it ...", is the subject's of the
   stance before; ", but only with" conditions the acceptance before. An issue named as a time ("before the
   talks", "after a truce") or inside a question ("whether", "who") is no object; "give up X" is about X.
   A stance verb joined by "and" to a verb whose object was named last ("accused Moscow of ... and urged") is
   the first verb's subject's; "rather than X" after a stance rejects X, the stance's holder's; "the Russian
   demand" is Russia's as "Moscow's demand" is; "X, backed by Y" asks for Y too.
7. One Position per holder, issue and stance in the article; its evidence is the clause.

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any

from ..errors import RuleError
from ..records import Evidence, Position
from ..resolve.actors import ActorRegistry
from ..resolve.gazetteer import Gazetteer, load_gazetteer
from .diplomacy_rules import (
    Alternatives,
    FirstWords,
    FoldedPattern,
    alternation,
    load_diplomacy_rules,
    read_rule_file,
    strings,
    trie_pattern,
)
from .participants import CONTEXT_SIDES, SentenceReading, Span, folds_safely, read_sentence, scan_before, states_by_code
from .phrases import pattern_tokens
from .quote_spans import Quotations, QuoteSpan, find_spans
from .text import TOKEN_RE, Sentence

STANCES = ("demand", "reject", "accept", "offer", "red_line", "condition")
ISSUES = ("territory", "ceasefire", "security_guarantees", "nato", "neutrality", "troops", "sanctions",
          "talks_format", "venue", "prisoners", "children", "war_crimes", "aid", "other")
HOLDERS = ("subject", "speaker", "possessor")
# where a clause ends: a stance and its issue are read within one
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|though|which|who|where|with|"
                           r"and(?!\s+(?:for|to)\b))\b|"
                           r"\s[—–]\s|\band\s+(?:also\s+)?(?:(?:repeated|said|added|warned|insisted|stressed)\s+)?that\b|"
                           r"\b(?:but|while|whereas|although)\s|[\"“”]|"
                           # "... will not accept any Western troops and continues to demand ...": a second predicate
                           r"\band\s+(?=(?:continues|continued|insists|insisted|demands|demanded|wants|wanted|"
                           r"rejects|rejected|refuses|refused|remains|remained)\b)")
_COORDINATED = re.compile(r"\band\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+|later\s+|repeatedly\s+|again\s+|"
                          r"already\s+|long\s+|consistently\s+|previously\s+)*$")
_REACH = 160  # how far after a stance its issue may be named
# a stance that ends its sentence, or whose object is only a pronoun ("Kyiv will not back it.")
_BARE = re.compile(r"\s*(?:(?:it|this|that|them)\s*[,.;!?]|[.;!?]|,\s+(?:and|but)\s|$)", re.IGNORECASE)
# or whose pronoun object goes on with how or when ("is prepared to offer them as part of a deal")
_PRONOUN_OBJECT = re.compile(r"\s*(?:it|them)\s+(?:as|if|once|when|only|too|again|soon|now|in\s+exchange|"
                             r"in\s+return)\b", re.IGNORECASE)
# what joins a further issue to a stance's object: "and for ...", a list ("a truce, an exchange of prisoners and
# the return of ..."), or a second thing asked of another ("that Kyiv declare X and abandon Y")
# what a thing asked for comes with, a second issue of the same stance ("a truce, backed by guarantees")
_BACKED = r"(?:backed|underpinned|guaranteed|secured)\s+by\b"
_ASKED = (r"(?:drop|abandon|give\s+up|accept|declare|end|stop|return|release|lift|withdraw|pull|recogni[sz]e|renounce|"
          r"hand|cede|allow|adopt|halt|limit|cap|cut)\b")  # what a demand asks of another, one thing after another
# or a list of what a demand asks ("demands that Kyiv drop X, that no troops be based Y, and that ...")
_AND = re.compile(r"\band\s+(?:to|for|on|an?|the|that|(?:also\s+)?" + _ASKED + r")|,\s+(?:an?|the\b|that\b|"
                  + _ASKED + r"|" + _BACKED + r")")
_MAX_ISSUES = 4  # the most issues one stance's object names
_NEAR = 40    # how far after a stance a `near` issue may be named
# a comma ends the words a stance is about, unless "and for ..." goes on with a second object
# nor does one that goes on with a list ("a truce, an exchange of prisoners and the return of ...")
# nor one inside a list of places or ways ("a truce on land, at sea and in the air"); "and said" ends it too
# nor the comma inside a number ("5,000 square kilometres of the region")
_OBJECT_END = re.compile(r",(?!\d|\s+and\s+(?:for|to|on|a|an|the)\b"
                         # what the object comes with ("a truce along the line, backed by guarantees")
                         r"|\s+" + _BACKED
                         + r"|\s+(?:at|in|on|by)\s+(?:the\s+)?[\w-]+\s+(?:and|or)\s+(?:at|in|on|by)\b"
                         r"|\s+(?:and\s+)?that\b"
                         r"|\s+(?:an?|the)\s+[^,;:.\"“”«»]{1,60}?\s+and\s+(?:an?|the)\b"
                         r"|\s+" + _ASKED + r")|[;:]|\s[—–]\s|[\"“”«»]"
                         # "welcomed the decision and said ...": what follows is reported, another clause
                         r"|\s+and\s+(?:said|says|added|adds|told|warned|insisted|stressed|noted)\b"
                         # a question opens: what it asks about is not what the stance is about ("should look at
                         # who is sending the drones")
                         r"|\s(?:whether|who|why|how)\s"
                         # what is wanted instead of another thing: the other thing is no part of the object
                         r"|\s(?:rather\s+than|instead\s+of)\s")
_QUOTES = frozenset('"“”«»')
# a few quoted words inside a clause, opened right after a word ("wants an \"all-for-all\" swap"): no break
_FRAGMENT = re.compile(r"(?<=\w )[\"“«][^\"“”«»]{1,80}[\"”»]")
_SPEECH_WORDS = frozenset({"said", "says", "say", "told", "tells", "wrote", "writes", "added", "declared", "stated",
                           "replied", "asked", "warned", "insisted"})
# the relative clause a stance opens ("..., who want ..."): its holder is named before the comma
_RELATIVE = re.compile(r",\s+(?:who|which)\s*$")
# right before a stance, the comma that closes a relative clause ("Kyiv's plan, which was shown to the allies,
# calls for ..."): the stance is the main verb, its subject the noun before the relative clause
_CLOSED = re.compile(r",\s+(?:(?:also|now|still|further|has|have|had|been|was|were|is|are|will|would|\w+ly)\s+)"
                     r"{0,3}$", re.IGNORECASE)
_ADVERBS = re.compile(r"\s*(?:(?:also|now|still|further|\w+ly)\s+)?")
# a demand's object up to a stance word inside it ("called on Moscow to accept", "demands that Kyiv accept")
_DEMANDED = re.compile(r"\s+(?:that\s+)?(?:[\w'’.-]+\s+){1,10}?(?:to\s+)?$")
# between two issues, what makes the second a modifier of the first ("a truce along the front line")
# or where it comes from ("troops from NATO countries": troops, not NATO)
_MODIFIER = re.compile(r"\s+(?:along|across|at|on|over|in|from)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                       r"(?:[\w-]+\s+){0,2}")
_INFLECTED = ("ed", "s", "ing")  # a stance word's first word in these forms is no bare infinitive
# after "gave": a time limit to act ("gave Moscow ten days to agree"): an ultimatum, a demand and no offer
_ULTIMATUM = re.compile(r"\s+(?:[\w'’.-]+\s+){1,3}[\"“«]?(?:[\w-]+\s+){0,3}(?:days?|weeks?|hours?|months?)[\"”»]?"
                        r"\s+(?:to|in\s+which\s+to)\b", re.IGNORECASE)
# right before a stance: what was not done ("the draft would have required ..."), and all its clause with it
_COUNTERFACTUAL = re.compile(r"\b(?:would|could|might)\s+have\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# after "insisted": a statement of what is or will be ("insisted that the plan would be fair", "insists it will not
# withdraw"), no demand
_ASSERTED = re.compile(r"\s+(?:that\s+)?(?:[\w'’-]+\s+){1,8}?(?:would|will|is|are|was|were)\s+(?:be|not|never)\b",
                       re.IGNORECASE)
# the object of a stance that points back ("rejected this demand", "dismissed the idea outright,")
_ANAPHOR = re.compile(r"\s+(?:this|that|these|those|the|such\s+an?)\s+(?:demands?|proposals?|notion|idea|plans?|"
                      r"requests?|offers?|conditions?|suggestions?|approach|ultimatum)\b(?:\s+(?:outright|\w+ly))?\s*[,;.]",
                      re.IGNORECASE)
# before a colon, a stance's object that the colon spells out ("proposed a plain bargain: a truce in the air")
_SPELLED_OUT = re.compile(r"\s+(?:an?|the|this|that|its|our|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:deal|bargain|proposal|plan|offer|formula|compromise|conditions?|terms|demands?|requests?)"
                          r"\s*:$", re.IGNORECASE)
# before a stance, the noun it is about, named after a comma ("..., a description Ukrainian officials rejected"):
# what the words before said, not an issue of theirs
_DESCRIBED = re.compile(r",\s+(?:an?|the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:description|claim|claims|account|version|"
                        r"characteri[sz]ation|assertion|allegation|accusation|charge|label|narrative|portrayal)\s+"
                        r"(?:that\s+|which\s+)?(?:[\w'’.-]+\s+){1,4}$", re.IGNORECASE)
# the generic "you" ("you cannot bargain under fire"): no one's stance
_GENERIC = frozenset({"you", "one"})
# right before a modal: it is denied ("should not have to"); a modal with nothing after it states nothing
# or a manner ("reacted the way an ally must act")
_NOT_BEFORE = re.compile(r"(?:\b(?:not|n't|never)|\bthe\s+way\s+(?:[\w'’-]+\s+){1,4}?)\s*$", re.IGNORECASE)
_IF = re.compile(r"\b(?:if|unless)$", re.IGNORECASE)  # a condition made on what follows it
# a stance word of a trade ("in exchange for", "in return for"): the condition is what is named after it
_EXCHANGE = re.compile(r"\b(?:exchange|return)\s+for$", re.IGNORECASE)
_FOR_WHAT = re.compile(r"\s+for\b", re.IGNORECASE)  # what a condition is set for ("a precondition for any truce")
# "it" as the subject right before a stance ("It rules out ...", "and it has rejected ..."): a state or body
# named as the holder in the sentences before (never a dummy "it was agreed": no "is"/"was" between)
# a document of theirs as the subject ("The memorandum also demands ...") stands for them the same way
_IT = re.compile(r"\b(?:it|the\s+(?:memorandum|document|draft|text|paper|letter))\s+"
                 r"(?:(?:has|had|also|now|still|again|already|even|then|\w+ly)\s+){0,2}$", re.IGNORECASE)
_IT_BACK = 2  # how many sentences back the holder "it" stands for may be
_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_TOGETHER = re.compile(r"\b(?:and|both|with)\b|&|,", re.IGNORECASE)  # a subject of several sides ("X and Y agreed")
_QUESTION = r"(?:about|whether|if|how|what|why|who)"  # a word that opens a question, not what is asked for
_MAX_THEN_WORDS = 8  # the most words between a stance and its ``then`` ("would halt its drone raids on the ports if")
_GIVE = frozenset({"gave", "give", "gives", "given", "giving"})


@dataclass(frozen=True, slots=True)
class StanceRule:
    id: str
    stance: str
    holder: str
    modal: bool = False         # states a stance only when no other stance word precedes it in the clause
    before_first: bool = False  # the issue before it first ("any truce would require ...")
    near: bool = False          # only an issue named right after it ("ready to meet")
    then: re.Pattern[str] | None = None  # what must follow within two words ("will not withdraw")
    reported: bool = False      # held only by who reports it ("it would face sanctions, they said")
    of_demand: bool = False     # a stance only as a demand's own, after it in its clause ("... before any truce")


@dataclass(frozen=True, slots=True)
class PositionRules:
    """The compiled ``rules/positions.toml``: stance group ``s<n>`` is ``stance_rules[n]``."""

    stances: re.Pattern[str]
    stance_rules: tuple[StanceRule, ...]
    anchors: FoldedPattern
    issues: FoldedPattern
    issue_values: Mapping[str, str]  # normalised phrase -> issue
    near: frozenset[str]             # issues that count only right after a stance ("talks")
    precedence: Mapping[str, frozenset[str]]  # issue -> the issues it wins over
    negation: re.Pattern[str]        # right before a stance: none is taken
    reversal: re.Pattern[str]        # right before an acceptance: a rejection ("no one will accept")
    conditional: re.Pattern[str]     # right before a stance: a hypothetical, none is taken
    flip: re.Pattern[str]            # right after a demand: a rejection ("urged Trump not to")
    reply: re.Pattern[str] | None = None  # a sentence that only answers the one before ("Kyiv refuses.")
    stance_index: Alternatives | None = None  # ``stances``, matched faster where the anchor word is known
    anchor_words: frozenset[str] = frozenset()  # the words of ``anchors``
    issue_firsts: frozenset[str] | None = None  # the first word of each issue phrase (None: some has none)
    nouns: frozenset[str] = frozenset()  # the words of the possessor rules ("demand", "proposal"), lowercased
    objects: frozenset[str] = frozenset()  # issue verbs whose object may name the issue instead ("give up")


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def parse_position_rules(data: Mapping[str, Any]) -> PositionRules:
    """Validate and compile the parsed TOML of a positions rule file."""
    rules, parts, phrases = [], [], []
    firsts: set[str] = set()
    nouns: set[str] = set()
    for n, raw in enumerate(data.get("stance", [])):
        rid = raw.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[a-z_]+(?:\.[a-z0-9_]+)+\.v\d+", rid):
            raise RuleError(f"positions.toml stance {n + 1}: id must be dotted and versioned")
        if raw.get("value") not in STANCES or raw.get("holder") not in HOLDERS:
            raise RuleError(f"positions.toml {rid}: value must be one of {STANCES}, holder one of {HOLDERS}")
        patterns = strings(raw.get("patterns"), f"positions.toml {rid}")
        then = strings(raw.get("then"), rid, required=False)
        between = raw.get("then_words", 0)
        if not isinstance(between, int) or not 0 <= between <= _MAX_THEN_WORDS:
            raise RuleError(f"positions.toml {rid}: then_words must be a whole number from 0 to {_MAX_THEN_WORDS}")
        # one word at most between, or one to ``then_words`` words that ask no question ("ask him about",
        # "asked how to")
        gap = r"(?:\w+\s+)?" if not between else rf"(?:(?!{_QUESTION}\b)[\w'’-]+\s+){{1,{between}}}"
        rules.append(StanceRule(rid, str(raw["value"]), str(raw["holder"]), bool(raw.get("modal", False)),
                                bool(raw.get("before_first", False)), bool(raw.get("near", False)),
                                re.compile(r"\s+" + gap + "(?:" + trie_pattern(then) + r")\b", re.IGNORECASE)
                                if then else None, bool(raw.get("reported", False)),
                                bool(raw.get("of_demand", False))))
        prev = "".join(rf"(?<!\b{re.escape(w)}\s)" if w[0].isalnum() else rf"(?<!{re.escape(w)}\s)"
                       for w in strings(raw.get("unless_prev"), rid, required=False))
        # words that must not follow ("pressed on with talks" goes on, asks nothing; "on condition of anonymity")
        after = strings(raw.get("unless_next"), rid, required=False)
        nxt = r"(?!\s+(?:" + trie_pattern(after) + r")\b)" if after else ""
        parts.append(f"{prev}(?P<s{n}>(?:{alternation(patterns)}){nxt})")
        phrases.append(patterns)
        if raw["holder"] == "possessor":
            nouns.update(_norm(p) for p in patterns)
        firsts.update(pattern_tokens(p)[0] for p in patterns)
    values: dict[str, str] = {}
    near, objects = set(), set()
    for raw in data.get("issue", []):
        if raw.get("value") not in ISSUES:
            raise RuleError(f"positions.toml issue {raw.get('value')!r}: not one of {ISSUES}")
        for p in strings(raw.get("patterns"), f"positions.toml issue {raw['value']}"):
            values.setdefault(_norm(p), str(raw["value"]))
            if raw.get("object"):
                objects.add(_norm(p))
        if raw.get("near"):
            near.add(str(raw["value"]))
    # phrases that only use an issue word to describe a thing ("a NATO member", "a NATO country's soldiers"):
    # matched with the issues, so that the longer phrase wins, and then passed over (``_NOT_ISSUE``)
    for p in strings(data.get("not_issue", {}).get("patterns", []), "positions.toml not_issue", required=False):
        values.setdefault(_norm(p), _NOT_ISSUE)
    precedence: dict[str, set[str]] = {}
    for pair in data.get("precedence", {}).get("pairs", []):
        if len(pair) != 2 or any(i not in ISSUES for i in pair):
            raise RuleError(f"positions.toml precedence: {pair!r} is not a pair of issues")
        precedence.setdefault(pair[0], set()).add(pair[1])

    def words(name: str, tail: str) -> re.Pattern[str]:
        listed = strings(data.get(name, {}).get("patterns"), f"positions.toml {name}")
        return re.compile(r"\b(?:" + trie_pattern(listed) + r")\b" + tail, re.IGNORECASE)

    stances = Alternatives(r"\b(?:", parts, phrases, r")\b", re.IGNORECASE)
    return PositionRules(
        stances=stances.pattern, stance_rules=tuple(rules), stance_index=stances, anchor_words=frozenset(firsts),
        issue_firsts=_first_words(values), nouns=frozenset(nouns), objects=frozenset(objects),
        anchors=FoldedPattern(r"\b(?:" + trie_pattern(sorted(firsts)) + r")(?![\w])"),
        issues=FoldedPattern(r"\b(?:" + trie_pattern(list(values)) + r")\b"), issue_values=values,
        near=frozenset(near), precedence={k: frozenset(v) for k, v in precedence.items()},
        negation=words("negation", r"[^,;.]{0,25}$"),
        conditional=words("conditional", r"(?!\s+(?:again|more)\b)[^,;.]{0,25}$"),  # not "once again"
        reversal=words("reversal", r"[^,;.]{0,20}$"),
        flip=words("flip", ""), reply=_reply_pattern(data.get("reply", {})))


def _reply_pattern(raw: Mapping[str, Any]) -> re.Pattern[str] | None:
    """A whole short sentence of a subject (one to three words) and a verb of ``[reply]``, group ``reject``
    or ``accept`` naming which it is, perhaps with what it answers named back ("Kyiv rejected the demand.")."""
    groups = [f"(?P<{stance}>{trie_pattern(strings(raw[stance], f'positions.toml reply {stance}'))})"
              for stance in ("reject", "accept") if stance in raw]
    if not groups:
        return None
    # the demand or offer it answers, named back ("Ukraine has rejected the demand.")
    named = raw.get("objects")
    back = "" if not named else (r"(?:\s+(?P<back>the|this|that|these|those|both|all|such\s+an?)\s+(?:"
                                 + trie_pattern(strings(named, "positions.toml reply objects")) + r"))?")
    # the whole sentence ("Kyiv refuses."), or its first clause ("Kyiv has rejected both demands and wants ...")
    return re.compile(r"\s*(?:[\w'’.-]+\s+){1,3}?(?:" + "|".join(groups) + r")" + back
                      + r"(?:\s+(?:outright|\w+ly))?(?:\s*[.!]?\s*$|(?=\s+and\s|,\s))", re.IGNORECASE)


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first word of each phrase (as ``issues`` writes it), where the pattern makes a character that is
    no word character follow it in the text: then the phrase is found where the word stands alone."""
    out = set()
    for phrase in phrases:
        m = TOKEN_RE.match(phrase)
        if m is None or not m.group():
            return None
        word = m.group()
        if len(word) == len(phrase):
            if not _WORD_CHAR.match(word[-1]):
                return None
        elif _WORD_CHAR.match(phrase[len(word)]):
            return None
        out.add(word)
    return frozenset(out)


_WORD_CHAR = re.compile(r"\w")


@cache
def shared_first_words() -> FirstWords:
    """One scan for the first words of the packaged rules: diplomacy's triggers (family 0) and the issues
    (1). (The stances' words, "the" and "to" among them, are looked for in the sentences with an issue.)"""
    drules, prules = load_diplomacy_rules(), load_position_rules()
    return FirstWords((drules.anchor_words, prules.issue_firsts or frozenset()))


@cache
def load_position_rules() -> PositionRules:
    """The packaged ``rules/positions.toml``, compiled once."""
    return parse_position_rules(read_rule_file("positions.toml"))


def _stances(text: str, sentences: Sequence[Sentence], rules: PositionRules,
             low: str | None = None) -> dict[int, list[re.Match[str]]]:
    """The stance words of each sentence that also names an issue (by index), tried only where one of
    their first words stands (``low``: ``text.lower()`` when already made)."""
    low = text.lower() if low is None else low
    # the rules that can start with the anchor word only, where the lowercase text is the text as matched
    index = rules.stance_index if folds_safely(text, low) else None
    # one scan for the first words of all rules (``FirstWords``), where the patterns run on the lowercase text
    shared = shared_first_words() if len(low) == len(text) and rules is load_position_rules() else None
    starts = [s.start for s in sentences]
    if shared is not None and rules.issue_firsts is not None:
        issues = [a for a, _ in shared.chain(text, low, 1, rules.issues.folded, False)]
    else:
        issues = [m.start() for m in rules.issues.finditer(text, low)]
    # a halt to strikes told with words between ("halt its own strikes") names a truce no issue phrase lists
    if any(verb in low for verb in _HALTING_VERBS):
        issues += [m.start() for m in _HALTING_LOW.finditer(low)]
    with_issue = sorted({bisect_right(starts, a) - 1 for a in issues})
    out: dict[int, list[re.Match[str]]] = {}
    for i in with_issue:
        sentence = sentences[i]
        hits: list[re.Match[str]] = []
        anchors = [m.span() for m in rules.anchors.finditer(text, low, sentence.start, sentence.end)]
        for a, b in anchors:
            if hits and a < hits[-1].end():
                continue
            if index is None:
                hit = rules.stances.match(text, a, sentence.end)
            else:
                hit = index.match(text, a, sentence.end, low[a:b])
            if hit is not None:
                hits.append(hit)
        if hits and i >= 0:
            out[i] = hits
    return out


def _fragment(text: str, at: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The quoted words in ``text[lo:hi]`` that the quotation mark at ``at`` opens or closes, where they are
    a few words quoted inside a clause (``_FRAGMENT``) rather than a speech."""
    for m in _FRAGMENT.finditer(text, lo, hi):
        if m.start() > at:
            break
        if at in (m.start(), m.end() - 1):
            before = text[max(lo, m.start() - 12):m.start()].split()
            return None if before and before[-1].lower() in _SPEECH_WORDS else m.span()
    return None


def _search(pattern: re.Pattern[str], text: str, pos: int, end: int, lo: int, hi: int) -> re.Match[str] | None:
    """``pattern.search`` that passes over the quotation marks of quoted words (``_fragment``; ``lo:hi``: the
    sentence they are looked for in)."""
    while True:
        m = pattern.search(text, pos, end)
        if m is None or text[m.start()] not in _QUOTES:
            return m
        span = _fragment(text, m.start(), lo, hi)
        if span is None:
            return m
        pos = max(m.end(), span[1] if m.start() == span[0] else m.end())


def _clause(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    lo = sentence.start
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, start):
        if text[m.start()] not in _QUOTES or _fragment(text, m.start(), sentence.start, sentence.end) is None:
            lo = m.end()
    reach = min(sentence.end, end + _REACH)
    stop = _search(_CLAUSE_BREAK, text, end, reach, sentence.start, sentence.end)
    if stop is not None and text[stop.start()] == ":" and _SPELLED_OUT.match(text, end, stop.end()):
        reach = min(sentence.end, stop.end() + _REACH)
        stop = _search(_CLAUSE_BREAK, text, stop.end(), reach, sentence.start, sentence.end)
    return lo, reach if stop is None else stop.start()


def _issue_matches(text: str, low: str | None, start: int, end: int, rules: PositionRules) -> Iterator[re.Match[str]]:
    """The issue phrases in ``text[start:end]``: matched in ``low`` (the text lowercased, where
    ``folds_safely``: the same spans, faster than ``re.IGNORECASE``), else in the text ignoring case."""
    found = rules.issues.folded.finditer(low, start, end) if low is not None else \
        rules.issues.ignoring.finditer(text, start, end)
    return (m for m in found if not (m.end() - m.start() == 4 and _BY_LAND.search(text, max(0, m.start() - 6),
                                                                                    m.end()))
            and not _compounded(text, m.start(), m.end())
            and rules.issue_values[_norm(m.group())] != _NOT_ISSUE)


def _compounded(text: str, start: int, end: int) -> bool:
    """Whether an issue word is one part of a hyphenated word ("a truce-monitoring mission", "a post-truce
    force"): the compound names another thing, a mission or a force, not the issue."""
    return (text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()) or (
        start > 1 and text[start - 1] == "-" and text[start - 2].isalpha())


_NOT_ISSUE = ""  # the value of a ``[not_issue]`` phrase among ``PositionRules.issue_values``: no issue


# "on land" says where (a truce "on land, at sea and in the air"), no territory
_BY_LAND = re.compile(r"\b(?:on|by)\s+land$", re.IGNORECASE)


def _issues(text: str, lo: int, start: int, end: int, hi: int, rules: PositionRules,
            low: str | None = None) -> list[tuple[str, int]]:
    """The issues (with where each is named) a stance at start:end is about: those named after it up to
    the end of its object (``_MAX_ISSUES`` at most), else the last one named before it in its clause."""
    del start
    stop = _search(_OBJECT_END, text, end, hi, lo, hi)
    if stop is not None and text[stop.start()] == ":" and _SPELLED_OUT.match(text, end, stop.end()):
        stop = _search(_OBJECT_END, text, stop.end(), hi, lo, hi)
    found: list[tuple[str, int]] = []
    matches = list(_issue_matches(text, low, end, hi if stop is None else stop.start(), rules))
    for n, m in enumerate(matches):
        issue = rules.issue_values[_norm(m.group())]
        if _given_up(m, matches[n + 1:n + 2], rules) or _TIMED.search(text, max(end, m.start() - 30), m.start()):
            continue
        if n + 1 < len(matches) and _POSSESSIVE.fullmatch(text, m.end(), matches[n + 1].start()):
            continue  # the possessor of the issue after it ("a pledge on the lines of NATO's Article 5"): that one
        if issue in rules.near and m.start() - end > _NEAR:
            continue
        if any(issue == seen or issue in rules.precedence.get(seen, ()) for seen, _ in found):
            continue
        joined = bool(found) and _AND.search(text, found[-1][1], m.end()) is not None  # "and give up ..."
        # an issue outranks one named with it ("withdraw troops from the region"), not one a list names before
        outranked = [] if joined or _WHERE_ON.search(text, max(end, m.start() - 30), m.end()) else [
            (seen, at) for seen, at in found if seen in rules.precedence.get(issue, ())]
        if found and not outranked and not joined:
            continue  # a second issue only when "and (for|to) ..." or a list adds it
        found = [(seen, at) for seen, at in found if (seen, at) not in outranked]
        found.append((issue, m.end()))
    if not found:
        halted = _HALTING.search(text, max(lo, end - 12), min(hi if stop is None else stop.start(), end + 80))
        if halted is not None:
            return [("ceasefire", halted.end())]
    return found[:_MAX_ISSUES]


# a halt to strikes, with words between that no issue phrase lists ("would halt its drone strikes on refineries",
# "refrain from hitting the other side's power plants"): a truce, of the strikes named
_HALTING = re.compile(r"\b(?:stop|stops|stopped|halt|halts|halted|cease|ceases|suspend|suspends|suspended|"
                      r"refrain\s+from)\s+(?:[\w'’-]+\s+){0,4}?(?:strikes|attacks|hitting|striking|bombing|shelling|raids)\b",
                      re.IGNORECASE)


# the same for the lowercased text, tried only where one of its verbs stands (a scan of every article)
_HALTING_LOW = re.compile(_HALTING.pattern)
_HALTING_VERBS = ("stop", "halt", "cease", "suspend", "refrain")


# right before an issue, a time it names ("wanted to send a message before the talks", "troops deployed after a
# truce"): when, not what the stance is about
# or how often ("an offer Moscow turned down at each meeting")
_TIMED = re.compile(r"\b(?:(?:before|after|ahead\s+of|during|until|till)\s+(?:(?:the|a|an|any|its|their|our|this|next|"
                    r"last|his|her)\s+)?|(?:in|at)\s+(?:every|each)\s+)(?:[\w-]+\s+)?$", re.IGNORECASE)
_OBJECT_GAP = 30  # how far after a verb of giving up ("give up") the thing given up may be named
# a plural noun then a possessive: the noun's own clause opens ("cities our soldiers hold"), not what is given up
_OWN_CLAUSE = re.compile(r"[a-z]{2,}s\s+(?:our|their|its|his|her|my|your)\s", re.IGNORECASE)


def _given_up(m: re.Match[str], after: Sequence[re.Match[str]], rules: PositionRules) -> bool:
    """Whether the issue verb ``m`` ("give up") is followed closely by another issue that is its object ("give up
    its bid to join NATO"): then that one is the issue, not the verb's own."""
    if not after or _norm(m.group()) not in rules.objects or after[0].start() - m.end() > _OBJECT_GAP:
        return False
    if _OWN_CLAUSE.search(m.string, m.end(), after[0].start()):
        return False  # "hand over cities our soldiers defend": the later issue is in a clause of the object's own
    return rules.issue_values[_norm(after[0].group())] != rules.issue_values[_norm(m.group())]


# "territory" or a border as where something is ("no foreign troops on its territory", "troops on Russia's
# border"): no issue of its own that outranks it
_WHERE_ON = re.compile(r"\b(?:on|in|inside|within|near)\s+"
                       r"(?:(?:its|the|their|our|ukraine's|ukrainian|russia's|russian)\s+)?(?:territory|borders?)$",
                       re.IGNORECASE)


def _issue_before(text: str, lo: int, start: int, rules: PositionRules,
                  low: str | None = None) -> list[tuple[str, int]]:
    before = [m for m in _issue_matches(text, low, lo, start, rules)
              if rules.issue_values[_norm(m.group())] not in rules.near
              and not _TIMED.search(text, max(lo, m.start() - 30), m.start())]
    if len(before) > 1 and _WHERE_ON.search(text, max(lo, before[-1].start() - 30), before[-1].end()):
        # "troops from Europe on Ukrainian territory ... unacceptable": where, when another issue is named before
        before = before[:-1]
    if not before:
        return []
    last = before[-1]
    head = rules.issue_values[_norm(before[-2].group())] if len(before) > 1 else ""
    if (len(before) > 1 and _MODIFIER.fullmatch(text, before[-2].end(), last.start())
            and (head not in rules.precedence.get(rules.issue_values[_norm(last.group())], ())
                 or _WHERE_ON.search(text, max(lo, last.start() - 30), last.end()))):
        # the head of "a ceasefire along the current front line"; not where the later issue outranks it, as
        # where troops are pulled from a region: the region
        last = before[-2]
    return [(rules.issue_values[_norm(last.group())], last.start())]


def _nearest_party(reading: SentenceReading, lo: int, start: int) -> tuple[str, ...]:
    """The last actor named in the clause before ``start`` ("with allies like Turkey expressing ...")."""
    names: tuple[str, ...] = ()
    for item in reading.items:
        if item.start >= start:
            break
        if item.start >= lo and item.kind in ("party", "speaker", "pronoun", "adjective") \
                and item.names != (CONTEXT_SIDES,):  # (a speaker too: "Kyiv repeated its call for ...")
            names = reading.subject(item.end) if item.kind == "pronoun" else item.names
    return names


_FROM = re.compile(r"\s+(?:from|by)\s+")
_BY = re.compile(r"\s+by\s", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")  # between a possessor and its noun ("'s ceasefire ")


def _possessed(reading: SentenceReading, start: int) -> tuple[str, ...]:
    """The party whose noun starts at ``start`` ("Moscow's ceasefire offer"): a word that is a verb too ("offer")
    is a noun there, its holder the possessor and not the subject of the clause."""
    for item in reading.items:
        if item.start >= start:
            break
        if (item.kind == "party" and start - item.end <= 40 and item.names != (CONTEXT_SIDES,)
                and _POSSESSIVE.fullmatch(reading.text, item.end, start)):
            return item.names
    return ()


def _from_party(reading: SentenceReading, end: int) -> tuple[str, ...]:
    """The party named right after a stance noun ending at ``end`` by "from" or "by" ("a demand from Moscow")."""
    m = _FROM.match(reading.text, end, reading.sentence.end) if end >= 0 else None
    item = None if m is None else reading.by_start.get(m.end())
    return item.names if item is not None and item.kind == "party" and item.names != (CONTEXT_SIDES,) else ()


_WHERE = re.compile(r",\s+where$")  # a clause of a place or a meeting: held by who met there, not the subject
_JOINT = re.compile(r"\b(?:two|both|all)\b", re.IGNORECASE)
_AUXILIARY = re.compile(r"\s*(?:(?:has|have|had|also|now|then|again|\w+ly)\s+){0,2}")


_JOINED = re.compile(r"\s*(?:,|&|\band\b|\bor\b|\bboth\b)", re.IGNORECASE)  # names joined into one subject


def _last_noun_phrase(reading: SentenceReading, span: Span, start: int) -> tuple[str, ...]:
    """The names of a stance's subject: of those read before it, the last noun phrase alone where no "and" or
    comma joins it to the ones before ("Putin told Trump he would ...", "assured the allies on Monday that he
    would ...": the objects of the verb before are no subject)."""
    if len(span.names) < 2:
        return span.names
    named = [i for i in reading.items if span.start <= i.start < start and i.kind in ("party", "pronoun", "adjective")]
    if len(named) < 2 or _JOINED.search(reading.text, named[-2].end, named[-1].start):
        return span.names
    last = named[-1]
    if last.kind != "pronoun":
        return last.names
    who = reading.person_before(last.start, ())
    return span.names if who is None else (who,)


_ARTICLES = frozenset({"the", "a", "an"})
# right before a stance verb, the "and" that joins it to a verb before it ("accused Moscow of ... and again urged")
_AND_VERB = re.compile(r"\band\s+(?:(?:again|also|then|later|has|have|had|\w+ly)\s+){0,2}[\"“]?$", re.IGNORECASE)
# between a verb's subject and the names that are its object: a verb and its preposition, no comma nor quote
_VERB_BETWEEN = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,4}")
# a word before names that opens their clause: the names are its subject, not an object
_NO_VERB = frozenset({"and", "that", "but", "or", "then", "as", "while", "when", "after", "before", "because", "if"}
                     | _SPEECH_WORDS)


def _coordinated_subject(reading: SentenceReading, span: Span, lo: int, start: int) -> tuple[str, ...] | None:
    """The subject of a stance verb joined by "and" to a verb before it whose object was named last ("Zelensky
    accused Moscow of ... and urged allies to ...", "he had spoken with Kallas and asked for ..."): the names
    before "and" are that verb's object, not the stance's subject, which is the first verb's. None where the
    stance is not such a verb or the names before "and" are a subject; empty where that subject is no party
    named ("the leaders briefed Trump and agreed ...")."""
    if _AND_VERB.search(reading.text, max(lo, start - 30), start) is None:
        return None
    named = [i for i in reading.items if lo <= i.start < start and i.kind in ("party", "pronoun", "speaker")
             and i.names != (CONTEXT_SIDES,)]
    if not named or "," in reading.text[named[-1].end:start]:
        return None  # a comma between: the names are not the object of the verb just before "and"
    phrase = span.start if span.names else scan_before(reading, named[-1].end, verb=True, commas=False).start
    verb = reading.token_before(phrase)
    first = reading.text[phrase:start].split(None, 1)[0].lower()
    if (phrase <= lo or verb < 0 or first in _NO_VERB or reading.tokens[verb][2] in _NO_VERB
            or not reading.tokens[verb][2].isalpha()):
        return None  # the names open their clause ("said that Moscow ... and"): its subject
    subject = next((i for i in reversed(named) if i.end <= phrase), None)
    if subject is None or not _VERB_BETWEEN.fullmatch(reading.text, subject.end, phrase):
        return ()
    return reading.subject(subject.end) if subject.kind == "pronoun" else subject.names


def _side_adjective(reading: SentenceReading, lo: int, start: int) -> tuple[str, ...]:
    """The side an adjective right before a stance noun names, after an article ("the Russian demand", "a
    Ukrainian proposal"): the noun's holder as much as a possessor is."""
    item = next((i for i in reading.items if lo <= i.start and i.end <= start and i.kind == "adjective"
                 and not reading.text[i.end:start].strip()), None)
    if item is None or item.names == (CONTEXT_SIDES,) or reading.word_before(item.start).lower() not in _ARTICLES:
        return ()
    return item.names


def _speaking_subject(reading: SentenceReading, lo: int, start: int) -> tuple[str, ...]:
    """The speaker right before a stance, its subject ("after a call with Putin, Trump announced ..."): a
    speech verb that states the stance itself."""
    for item in reading.items:
        if item.start >= start:
            break
        if item.start >= lo and item.kind == "speaker" and _AUXILIARY.fullmatch(reading.text, item.end, start):
            return item.names
    return ()


def _first_party(reading: SentenceReading, lo: int, start: int) -> tuple[str, ...]:
    for item in reading.items:
        if item.start >= start:
            break
        if item.start >= lo and item.kind in ("party", "pronoun", "speaker") and item.names != (CONTEXT_SIDES,):
            return reading.subject(item.end) if item.kind == "pronoun" else item.names
    return ()


_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?[\w-]+$")  # "Kyiv's memorandum", "Moscow's new draft"


def _owner(reading: SentenceReading, at: int) -> tuple[str, ...]:
    """The possessor of the noun that ends at ``at`` ("Kyiv's memorandum, which ..."), else none."""
    for item in reading.items:
        if item.start >= at:
            break
        if item.kind == "party" and at - item.end <= 40 and _OWNED.match(reading.text, item.end, at):
            return item.names if item.names != (CONTEXT_SIDES,) else ()
    return ()


# right before a stance noun, a verb that states it again ("repeated the demand that ...", "..., he said,
# renewing the call for ..."): the noun is its subject's, or the speaker's
_RESTATED = re.compile(r"\b(?:repeat|reiterat|restat|renew|reaffirm|voic|underlin)\w*\s+(?:the|a|an)\s+(?:[\w-]+\s+)?$",
                       re.IGNORECASE)


def _restated(reading: SentenceReading, start: int) -> tuple[str, ...]:
    """Who states a stance noun again ("Putin repeated the demand"; "..., he said, repeating the demand")."""
    m = _RESTATED.search(reading.text, max(reading.sentence.start, start - 40), start)
    if m is None:
        return ()
    names = scan_before(reading, m.start(), verb=True, commas=False).names or reading.speakers(m.start())
    return () if CONTEXT_SIDES in names else names


def _holders(reading: SentenceReading, rule: StanceRule, lo: int, start: int,
             it: tuple[str, ...] = (), quoted: tuple[str, ...] = (), end: int = -1) -> tuple[str, ...]:
    """Who takes the stance at ``start``, by the rule's kind of holder (see the module docstring); ``it``:
    who a subject "it" with no party before it in the sentence stands for (the holder named last);
    ``quoted``: who speaks a sentence that only goes on with a quotation (its "we", its "must"); ``end``:
    where a noun ends, whose holder may follow it ("a demand from Moscow").

    Empty when the stance is the two sides' together ("the two sides agreed ..."): no one's position.
    """
    if rule.holder == "possessor":  # "Kyiv's proposal", "his call for"
        before = scan_before(reading, start, verb=False)
        for item in reading.items:
            if before.start <= item.start < start and (
                    (item.kind == "pronoun" and reading.text[item.start:item.end].lower() == "his")
                    or (item.kind == "party" and reading.text.startswith(("'s", "’s"), item.end))):
                return reading.subject(item.end) if item.kind == "pronoun" else item.names
        side = _side_adjective(reading, before.start, start)
        if side:
            return side
        if reading.word_before(start).lower() in ("its", "their"):  # "a phrase Moscow uses for its demands"
            return _nearest_party(reading, reading.sentence.start, start)
        return _from_party(reading, end) or _restated(reading, start)
    span = scan_before(reading, start, verb=True, commas=False)
    coordinated = _coordinated_subject(reading, span, lo, start)
    if coordinated is not None and not coordinated:
        return ()
    scanned = coordinated or _last_noun_phrase(reading, span, start)
    if CONTEXT_SIDES in scanned:
        return ()
    passive = rule.holder == "subject" and _PASSIVE.search(reading.text, max(lo, start - 24), start) is not None
    agent = _from_party(reading, end) if passive else ()
    if agent:  # "was rejected by Kyiv": who is named after "by"
        return agent
    if (rule.holder == "subject" and not passive and end > 0 and reading.text[start:end].endswith("ed")
            and _BY.match(reading.text, end)):
        # a participle of a noun before it ("guarantees backed by Washington", "a plan rejected by Kyiv"): who
        # is named after "by", or no one where that is a thing ("a truce backed by guarantees")
        return _from_party(reading, end)
    relative = _RELATIVE.search(reading.text, max(reading.sentence.start, lo - 14), lo)
    if relative is not None and not scanned and (
            relative.group().endswith("who") or _ADVERBS.fullmatch(reading.text, lo, start)
            or _CLOSED.search(reading.text, max(lo, start - 24), start)
            or _MAIN_VERB_AFTER.search(reading.text, lo, start)):
        # "... met Starmer and Merz, who want ...", "Kyiv's plan, which calls for ...", "the plan, which ...,
        # calls for ...": who is named before the relative clause, not who is named inside it
        antecedent = scan_before(reading, relative.start(), verb=False).names or _owner(reading, relative.start())
        if antecedent and CONTEXT_SIDES not in antecedent:
            return antecedent
        if not relative.group().endswith("who"):
            return ()  # a thing of no one named ("the draft, which was shown to the Americans, calls for ...")
    speakers = reading.speakers(start) or tuple(n for i in reading.items if i.kind == "speaker" for n in i.names) \
        or quoted
    if rule.reported:
        return speakers
    if (it and rule.holder == "subject" and not scanned and not speakers
            and _IT.search(reading.text, max(lo, start - 40), start) and not reading.subject(start)):
        return it
    if not scanned and _WHERE.search(reading.text, max(reading.sentence.start, lo - 8), lo):
        # "X met in Paris, where the countries pledged ...": the last named before, those who met there (not who
        # reports it); none where the clause's subject is the two sides ("where both delegations agreed")
        return () if _JOINT.search(reading.text, lo, start) else (
            _first_party(reading, lo, start) or _nearest_party(reading, reading.sentence.start, lo))
    order: tuple[tuple[str, ...], ...]
    if rule.holder == "subject" and not scanned:
        scanned = _speaking_subject(reading, lo, start)
    if rule.holder == "speaker":
        order = (speakers, scanned, _first_party(reading, lo, start), _nearest_party(reading, lo, start))
    else:  # last, a side named in the clause ("Ukrainian officials say they will not ...")
        order = (scanned, _first_party(reading, lo, start), speakers, _nearest_party(reading, lo, start))
    for names in order:
        if names:
            return names
    return reading.subject(start)


_NONE_ACCEPTED = re.compile(r"\s+no\s", re.IGNORECASE)


def _stance(rule: StanceRule, text: str, hit: re.Match[str], window: int, hi: int, rules: PositionRules) -> str:
    """The rule's stance, turned into a rejection by "urged Trump not to" or "no one will accept"."""
    flip = rules.flip.search(text, hit.end(), min(hi, hit.end() + 40)) if rule.stance == "demand" else None
    if flip is not None and not any(m.start() < flip.end() and flip.start() < m.end()
                                    for m in _issue_matches(text, None, hit.end(), min(hi, flip.end() + 30), rules)):
        return "reject"  # unless the words are part of an issue's name ("measures against Russia", "to stop fighting")
    if rule.stance in ("accept", "offer") and rules.reversal.search(text, window, hit.start()):
        return "reject"
    if rule.stance == "accept" and _NONE_ACCEPTED.match(text, hit.end(), hi):
        return "reject"  # "Kyiv would accept no deal that required withdrawing troops"
    if rule.stance == "offer" and hit.group().split()[-1].lower() in _GIVE and _ULTIMATUM.match(text, hit.end(), hi):
        return "demand"
    return rule.stance


def _about(rule: StanceRule, text: str, sentence: Sentence, lo: int, hit: re.Match[str], hi: int,
           rules: PositionRules, low: str | None = None) -> list[tuple[str, int]]:
    """What a stance is about (see ``_issues``); a stance ending its sentence looks back over all of it
    ("..., and that Putin had agreed."). ``low``: see ``_issue_matches``."""
    if rule.near:
        return [(issue, at) for issue, at in _issues(text, lo, hit.start(), hit.end(), hi, rules, low)
                if at - hit.end() <= _NEAR + 20]
    tail = hit.end() if rule.then is None else _then_end(rule, text, hit, hi)
    if rule.stance == "condition" and _EXCHANGE.search(hit.group()):
        # "would give up X in return for Y": what is asked back is Y, named after; X is what is given
        asked = _issues(text, lo, hit.start(), tail, hi, rules, low)
        if asked:
            return asked
    issues = _issue_before(text, lo, hit.start(), rules, low) if rule.before_first else []
    if issues and rule.stance == "condition" and (_IF.search(text, hit.start(), tail)
                                                  or _FOR_WHAT.match(text, hit.end(), hi)
                                                  or hit.group().lower() in ("until", "till")):
        # "a truce only if aid stops", "would only work if aid stops", "a withdrawal as a precondition for any
        # truce": both
        issues += [(issue, at) for issue, at in _issues(text, lo, hit.start(), tail, hi, rules, low)[:1]
                   if issue != issues[0][0]]
    bare = _BARE.match(text, tail) is not None or _PRONOUN_OBJECT.match(text, tail) is not None
    back = sentence.start if bare else _main_clause(text, sentence, lo, hit.start())
    if not bare and _COORDINATED.search(text, max(back, hit.start() - 30), hit.start()):
        back = hit.start()  # "was told not to discuss X and proposed ...": X is the other verb's, not this one's
    described = _DESCRIBED.search(text, max(back, hit.start() - 120), hit.start()) is not None or _unnamed_object(
        text, back, hit.start())
    return issues or _issues(text, lo, hit.start(), hit.end(), hi, rules, low) or (
        [] if rule.before_first or described else _issue_before(text, back, hit.start(), rules, low)) or (
        _antecedent_issue(text, sentence, lo, hit.start(), rules, low)) or (
        _explained(text, sentence, hit, rules, low) if rule.holder == "subject" else [])


# a relative clause opening the stance's clause ("his offer of a halt to strikes, which the Kremlin turned down"):
# what the stance is about is the noun phrase before it
_RELATIVE_OPENS = re.compile(r",\s+which\s+[^,;:]*$", re.IGNORECASE)


def _antecedent_issue(text: str, sentence: Sentence, lo: int, start: int, rules: PositionRules,
                      low: str | None = None) -> list[tuple[str, int]]:
    """The issue of the noun phrase a relative clause ending at the stance describes, when the clause names
    none of its own: the last issue named in the phrase before ", which" (back to the clause before it)."""
    relative = _RELATIVE_OPENS.search(text, max(sentence.start, lo - 12), start)
    if relative is None:
        return []
    back = max(sentence.start, *(text.rfind(mark, sentence.start, relative.start()) + 1 for mark in ",;:"))
    return _issue_before(text, back, relative.start(), rules, low)


# before a stance verb, the noun whose relative clause it ends, with no "that" ("came back with terms the other
# side would refuse"): the verb's object is that noun, not an issue named before it
_THING_BEFORE = re.compile(r"\b(?:conditions?|terms|demands?|proposals?|ideas?|points|provisions?|clauses?|"
                           r"changes|amendments?|plans?)\s+(?:(?!(?:that|which|who|to)\b)[\w'’.-]+\s+){1,4}$",
                           re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:an?|the|this|that|one)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _unnamed_object(text: str, back: int, start: int) -> bool:
    """Whether a stance verb at ``start`` ends a relative clause of a plain noun ("with terms Moscow would
    refuse"): it is about that noun, which names no issue. Not after a comma that makes the noun stand for
    what was named before ("..., a demand Kyiv has turned down"): that is about what was named."""
    m = _THING_BEFORE.search(text, max(back, start - 60), start)
    return m is not None and not _APPOSITION.search(text, max(back, m.start() - 24), m.start())


def _main_clause(text: str, sentence: Sentence, lo: int, start: int) -> int:
    """Where the clause of a stance at ``start`` begins, before a relative clause closed in it ("Putin's
    truce, which was to run three days, was rejected by Kyiv": the truce is named before "which")."""
    relative = _RELATIVE.search(text, max(sentence.start, lo - 14), lo)
    if relative is None or not _CLOSED.search(text, max(lo, start - 24), start):
        return lo
    return _clause(text, sentence, relative.start(), relative.start())[0]


def _then_end(rule: StanceRule, text: str, hit: re.Match[str], hi: int) -> int:
    """Where the words a ``then`` asks for end ("will not support"), else where the stance word ends."""
    then = None if rule.then is None else rule.then.match(text, hit.end(), hi)
    return hit.end() if then is None else then.end()


def _explained(text: str, sentence: Sentence, hit: re.Match[str], rules: PositionRules,
               low: str | None) -> list[tuple[str, int]]:
    """Of a stance on something named before ("rejected this demand, arguing that ceding land ..."), the
    first issue the rest of its sentence names."""
    if _ANAPHOR.match(text, hit.end(), sentence.end) is None:
        return []
    for m in _issue_matches(text, low, hit.end(), sentence.end, rules):
        issue = rules.issue_values[_norm(m.group())]
        if issue not in rules.near:
            return [(issue, m.end())]
    return []


@dataclass(frozen=True, slots=True)
class _Stance:
    """A stance word that passed the tests needing no reading of the sentence, with what it is about."""

    rule: StanceRule
    hit: re.Match[str]
    lo: int
    hi: int
    window: int
    about: list[tuple[str, int]]
    asks: int = -1  # of a demand "that ..., and that ...": where the list of what it asks ends (else -1)


def _stances_of(text: str, sentence: Sentence, hits: Sequence[re.Match[str]],
                rules: PositionRules, low: str | None = None) -> list[_Stance | None]:
    """Each stance word's clause and issues; None where a negation, a condition or a missing ``then`` rules it
    out. ``low``: the text lowercased, where ``folds_safely`` (else None)."""
    out: list[_Stance | None] = []
    unreal = -1  # the clause a counterfactual stance opens ("would have required ..."): none is taken in it
    refused = -1  # where the verb a refusal denies ends ("would not accept"): that verb is no stance of its own
    for n, hit in enumerate(hits):
        rule = rules.stance_rules[int((hit.lastgroup or "s0")[1:])]
        if hit.start() < refused:
            out.append(None)
            continue
        lo, hi = _clause(text, sentence, hit.start(), hit.end())
        asks = -1
        if rule.stance == "demand" and _THAT.match(text, hit.end(), hi):
            asks = hi = _that_list(text, sentence, hi)
        window = max(lo, hit.start() - 40)
        if _COUNTERFACTUAL.search(text, window, hit.start()):
            unreal = lo
        if (lo == unreal or rules.negation.search(text, window, hit.start())
                or (hit.group()[:6].lower() == "insist" and _ASSERTED.match(text, hit.end(), hi))
                or rules.conditional.search(text, window, hit.start())
                or _NONE_DONE.search(text, window, hit.start())
                or (rule.modal and (_NOT_BEFORE.search(text, window, hit.start()) or _BARE.match(text, hit.end())))
                or (rule.holder == "subject" and _word_before(text, lo, hit.start()) in _GENERIC)
                or (rule.then is not None and rule.then.match(text, hit.end(), hi) is None)
                or (rule.stance == "demand" and rule.holder == "subject" and _WANTED_THING.search(
                    text, max(lo, hit.start() - 50), hit.start()))):
            out.append(None)
        else:
            if rule.stance == "reject" and rule.then is not None:
                refused = _then_end(rule, text, hit, hi)
            out.append(_Stance(rule, hit, lo, hi, window,
                               _about(rule, text, sentence, lo, hit, _object_end(text, hits, n, hi), rules, low),
                               asks))
    return out


_THAT = re.compile(r"\s+that\b", re.IGNORECASE)
# a passive whose subject is "no" thing ("no date or host has yet been named", "no deal was reached"): nothing done
_NONE_DONE = re.compile(r"\bno\s+(?:[\w-]+\s+){1,3}(?:(?:has|have|had)\s+(?:yet\s+)?been|was|were|is|are)\s+"
                        r"(?:yet\s+)?$", re.IGNORECASE)
# a demand verb that only describes a thing named before it ("gave Kyiv the equipment it needs", "the weapons they
# still want"): a relative clause of that thing, no one's demand
_WANTED_THING = re.compile(r"\b(?:the|more|any|all\s+the)\s+(?:(?!(?:" + "|".join(sorted(_SPEECH_WORDS)) +
                           r"|that|who|which)\b)[\w-]+\s+){1,3}(?:it|they|we)\s+(?:still\s+|\w+ly\s+)?$",
                           re.IGNORECASE)
# the next "that" of a demand's list, after a comma or a bare "and" ("insisted that Kyiv leave X and that ...")
_NEXT_THAT = re.compile(r"(?:,\s+(?:and\s+)?|and\s+)that\b", re.IGNORECASE)


def _that_list(text: str, sentence: Sentence, hi: int) -> int:
    """Where the object of a demand "that ..." ends, where it goes on with more of them ("demands that Kyiv
    drop X, that no troops be based there, and that the West lift Y"): each "that" is asked too."""
    for _ in range(_MAX_ISSUES):
        after = _NEXT_THAT.match(text, hi, sentence.end)
        if after is None:
            break
        stop = _search(_CLAUSE_BREAK, text, after.end(), min(sentence.end, after.end() + _REACH),
                       sentence.start, sentence.end)
        hi = min(sentence.end, after.end() + _REACH) if stop is None else stop.start()
    return hi


def _word_before(text: str, lo: int, start: int) -> str:
    """The word right before ``start`` in the clause from ``lo``, lowercased."""
    words = text[max(lo, start - 12):start].split()
    return words[-1].lower() if words else ""


def _object_end(text: str, hits: Sequence[re.Match[str]], n: int, hi: int) -> int:
    """Where the words stance ``n`` is about end: at ``hi``, or before a stance coordinated with it there
    ("agreed to talks ... and has accepted a ceasefire": the ceasefire is the second stance's)."""
    for later in hits[n + 1:]:
        if later.start() >= hi:
            break
        joined = _COORDINATED.search(text, max(hits[n].end(), later.start() - 30), later.start())
        if joined is not None:
            return joined.start()
    return hi


def _positions(reading: SentenceReading, stances: Sequence[_Stance | None], rules: PositionRules,
               it: tuple[str, ...] = (), quoted: tuple[str, ...] = ()) -> Iterator[Position]:
    """The positions one sentence states (``it``, ``quoted``: see ``_holders``).

    A stance word after another in the same clause counts only when it has a subject of its own or
    shares the other's ("agreed to talks ... and has accepted a ceasefire"); a stance several sides
    take together ("Trump and Putin agreed") is no one's position. A condition after an offer makes the
    offer conditional ("offers a truce only once ..."); one inside a demand's object ("insists that Kyiv
    must first ...") is the demand's own.
    """
    text = reading.text
    # a stance about nothing states nothing, and matters only as the one before a stance that does
    last = max((n for n, st in enumerate(stances) if st is not None and st.about), default=-1)
    previous: tuple[int, tuple[str, ...]] | None = None  # (clause start, holders) of the last stance
    demanded: _Stance | None = None  # the last stance, where it is a demand
    offered = False  # whether the last stance is an offer or an acceptance
    claimed = -1  # where the issues of the last stance end
    ended = -1  # where the last stance word ends, unless denied ("no willingness to")
    named = False  # whether the last stance is a noun ("Moscow's proposal"), which a predicate may be about
    for n, st in enumerate(stances):
        if st is None:
            continue
        if n > last:
            break
        rule, hit, lo = st.rule, st.hit, st.lo
        if (demanded is not None and previous is not None and lo > demanded.lo and hit.start() < demanded.asks
                and _holders(reading, rule, lo, hit.start(), it, quoted, hit.end()) != previous[1]):
            continue  # in a later "that" of a demand's list ("and that Kyiv must never sign X"): what it asks
        if rule.stance == "reject" and rule.holder == "subject" and st.about:
            asked = _DEMANDED_THAT.search(text, max(reading.sentence.start, hit.start() - 110), hit.start())
            demander = (scan_before(reading, asked.start(), verb=True, commas=False).names
                        or reading.subject(asked.start())) if asked else ()
            refuser = scan_before(reading, hit.start(), verb=True, commas=False).names if demander else ()
            if demander and CONTEXT_SIDES not in demander and not (_sides(reading, demander)
                                                                   & _sides(reading, refuser)):
                # (one insisting that his own side would not withdraw refuses it himself)
                # "Moscow insists on a legal guarantee that Ukraine will never join NATO": what Moscow demands
                previous, demanded, offered, named = (lo, demander), None, False, False
                yield from _stated(reading, st, demander, rules, "demand")
                continue
        if rule.holder == "possessor":  # a noun with its own holder ("Moscow's demand"), or none: no verb's
            holders = _holders(reading, rule, lo, hit.start(), end=hit.end())
            if holders and st.about:
                previous, demanded = (lo, holders), st if rule.stance == "demand" else None
                named = True
                offered = rule.stance == "offer"
                claimed = max([hit.end()] + [at for _, at in st.about])
                yield from _stated(reading, st, holders, rules)
            continue
        source = (_from_party(reading, hit.end()) or _possessed(reading, hit.start())) \
            if _norm(hit.group()) in rules.nouns else ()
        if source and st.about:  # a noun after all, with its holder ("a demand from Moscow", "Moscow's truce offer")
            previous, demanded, offered, named = (lo, source), None, False, True
            yield from _stated(reading, st, source, rules)
            continue
        # a stance of who reports it, with a subject of its own after a comma ("X must ..., a truce has to ..."),
        # opens a clause of its own
        later = previous is not None and previous[0] == lo and not (
            rule.holder == "speaker" and _LIST_ITEM.search(text, max(lo, hit.start() - 50), hit.start())) and not (
            named and rule.holder == "speaker" and rule.before_first)  # "Moscow's offer was a non-starter, Kyiv said"
        named = False
        if later and rule.modal:
            continue
        if rule.of_demand and not (later and demanded is not None and rule.holder == "speaker"):
            continue  # no demand before it whose own it is
        if later and previous is not None and rule.holder == "speaker" and not rule.reported:
            if demanded is not None and rule.of_demand:
                # "wants Kyiv's troops out of the region before any ceasefire": the demander's condition on what
                # follows it
                yield from _stated(reading, st, previous[1], rules, rule.stance)
                continue
            if demanded is not None:
                continue  # part of what the demand asks
            if offered and rule.stance == "condition":
                yield from _stated(reading, st, previous[1], rules, "condition")
                continue
        if not later and offered and previous is not None and rule.stance == "condition" and _BUT.search(
                text, max(reading.sentence.start, hit.start() - 12), hit.start()):
            # "could accept a truce, but only with guarantees": the acceptance's condition, whoever reports it
            yield from _stated(reading, st, previous[1], rules, "condition")
            continue
        if (later and demanded is not None and rule.stance in ("accept", "offer")
                and not hit.group().split()[0].lower().endswith(_INFLECTED)
                and _DEMANDED.match(text, demanded.hit.end(), hit.start()) is not None):
            # what a demand asks of another ("called on Moscow to accept a truce"): the demand's issue
            if previous is not None:
                yield from _stated(reading, st, previous[1], rules, _stance(demanded.rule, text, demanded.hit,
                                                                               demanded.window, demanded.hi, rules))
            continue
        if later and previous is not None and _COORDINATED.search(text, max(lo, hit.start() - 30), hit.start()):
            holders = previous[1]
            if all(at <= claimed for _, at in st.about):
                # only the issue of the stance it is coordinated with ("would not send missiles and suggested
                # ..."): that stance's, not this one's
                previous, demanded, offered = (lo, holders), None, False
                continue
        elif later and previous is not None and ended >= 0 and not text[ended:hit.start()].strip():
            holders = previous[1]  # the verb of the stance right before ("is prepared to offer ..."): its subject's
        elif later and previous is not None and _SAYING.search(text, max(lo, hit.start() - 40), hit.start()):
            holders = previous[1]  # "Kyiv refused, saying it would not ...": the pronoun is the refusal's subject
        elif (later and previous is not None and rule.holder == "speaker"
              and _SAYING_CLAUSE.search(text, max(lo, claimed), hit.start())):
            holders = previous[1]  # "dismissed the plans, saying any deployment of troops was unacceptable"
        elif _INSTEAD.fullmatch(hit.group()):
            st = replace(st, about=[(issue, at) for issue, at in st.about if at > hit.end()])
            if not later or previous is None or not st.about:
                continue  # "rather than" with no stance before it to be an alternative of, or naming no issue
            holders = previous[1]  # "wants a settlement rather than a truce": who wants the one rejects the other
        elif later and previous is not None and _SAYS_IT.search(text, max(lo, hit.start() - 40), hit.start()):
            holders = previous[1]  # "rules out NATO membership and says it will not accept ...": the same subject
        elif later and not scan_before(reading, hit.start(), verb=True, commas=False).names:
            continue
        elif not later and previous is not None and _SHARED.search(text, max(lo - 8, hit.start() - 40), hit.start()):
            holders = previous[1]  # "It rejects X, and wants Y": the verb shares the subject of the one before
        else:
            holders = _holders(reading, rule, lo, hit.start(), it, quoted, hit.end())
            if not holders and previous is not None and _PRONOUN_CLAUSE.match(text, lo, hit.start()):
                holders = previous[1]  # "X rejected ..., and they say that ...": the pronoun is X
        holders = _listed_by(reading, hit.start()) or holders
        if rule.stance == "accept" and len(holders) > 1 and not _one_subject(reading, hit.start(), holders):
            continue  # agreed together: no one's position
        previous = (lo, holders)
        ended = -1 if _DENIED.search(text, max(lo, hit.start() - 8), hit.start()) else hit.end()
        demanded = st if rule.stance == "demand" else None
        offered = rule.stance in ("accept", "offer")
        claimed = max([hit.end()] + [at for _, at in st.about])
        yield from _stated(reading, st, holders, rules)
        if offered:
            yield from _stated(reading, replace(st, about=_asked_back(text, st, claimed, rules)), holders, rules,
                               "condition")
        elif not later and rule.stance == "condition" and _EXCHANGE.search(hit.group()):
            yield from _stated(reading, replace(st, about=_given(text, st, rules)), holders, rules, "offer")


# a clause after ", and" whose subject is a pronoun no reading resolved: the holder of the clause before
_PRONOUN_CLAUSE = re.compile(r"\s*(?:they|he|she|it)\s", re.IGNORECASE)
_BUT = re.compile(r",\s+but\s+$", re.IGNORECASE)
_INSTEAD = re.compile(r"(?:rather\s+than|instead\s+of)", re.IGNORECASE)  # the stance words of an alternative
# a verb with no subject of its own after ", and" ("It rejects X, and wants Y"): the subject of the one before
_SHARED = re.compile(r",\s+and\s+(?:(?:also|then|later|now|still|has|have|had|\w+ly)\s+){0,2}$", re.IGNORECASE)
# a participle of speech after a stance, whose pronoun is that stance's subject ("refused, saying it would not ...")
_SAYING_WORDS = r"(?:saying|adding|arguing|insisting|stressing|warning|noting|explaining)"
_SAYING = re.compile(r",\s+" + _SAYING_WORDS + r"\s+(?:that\s+)?"
                     r"(?:it|they|he|she)\s+(?:(?:still|also|simply|\w+ly)\s+)?$", re.IGNORECASE)
# a second verb of speech of the same subject, with a pronoun subject after it ("... and says it will not ...")
_SAYS_IT = re.compile(r"\band\s+(?:says|said|insists|insisted|adds|added|warns|warned)\s+(?:that\s+)?(?:it|they)\s+$",
                      re.IGNORECASE)
# the comma closing a relative clause, then the main clause's verb, before a stance ("Turkey, which hosted the
# talks in 2022, renewed its offer to host"): the stance is the main clause's
_MAIN_VERB_AFTER = re.compile(r",\s+(?:has\s+|have\s+|had\s+)?[a-z]+ed\s+(?:its|their|his|her)\s+[a-z]*\s*$")
_WITHOUT = re.compile(r"\bwithout\b", re.IGNORECASE)
# a participle of speech opening what the subject of the stance before goes on to say (", saying any X was ...")
_SAYING_CLAUSE = re.compile(r",\s+" + _SAYING_WORDS + r"\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:no|not|never)\s+$", re.IGNORECASE)
# after what an offer or acceptance is about, an "if" that asks something of the other side ("would freeze the
# line if Kyiv left the region"; not "even if")
_IF_AFTER = re.compile(r"[^;.]{0,80}?(?<!\beven\s)\bif\s+", re.IGNORECASE)
# what the "if" asks is the same ("would observe the pause if Moscow did", "if Russia does the same")
_RECIPROCAL = re.compile(r"(?:[\w'’.-]+\s+){1,3}?(?:did|does|do|reciprocates?|reciprocated|followed\s+suit|"
                         r"follows\s+suit|will\s+do\s+the\s+same|would\s+do\s+the\s+same)\b", re.IGNORECASE)


def _given(text: str, st: _Stance, rules: PositionRules) -> list[tuple[str, int]]:
    """What a trade with no stance before it in its clause gives ("could drop X in exchange for Y": X, offered),
    where what it asks back is named after it (else the thing before is the condition itself)."""
    if not any(at > st.hit.end() for _, at in st.about):
        return []
    return [(issue, at) for issue, at in _issue_before(text, st.lo, st.hit.start(), rules)
            if all(issue != asked for asked, _ in st.about)]


def _asked_back(text: str, st: _Stance, claimed: int, rules: PositionRules) -> list[tuple[str, int]]:
    """What an offer or acceptance asks in return, by an "if" after its object: the first issue the "if"
    names ("would freeze the line if Kyiv left Donetsk": the territory), or, where it asks the same of the
    other side ("if Moscow did"), the offer's own; none where no "if" follows."""
    m = _IF_AFTER.match(text, claimed, st.hi)
    if m is None:
        return []
    if _RECIPROCAL.match(text, m.end(), st.hi):
        return st.about
    return _issues(text, st.lo, m.start(), m.end(), st.hi, rules)[:1]
# a modal's own subject, a few words after a comma ("..., a truce has to come first"): one item of a list of them
_LIST_ITEM = re.compile(r",\s+(?:[\w'’-]+\s+){1,4}$")
# before a colon, the points it spells out ("gave Trump five points to carry into the room:"): whose they are
_POINTS = re.compile(r"\b(?:points|conditions|demands|terms|principles|requirements|priorities|red\s+lines|"
                     r"messages?|elements|asks)\b[^:;.\"“”]{0,40}:\s*$", re.IGNORECASE)


def _listed_by(reading: SentenceReading, start: int) -> tuple[str, ...]:
    """Who sets out the points a colon before ``start`` spells out ("Merz said the allies had three
    conditions: Kyiv needs ..., a truce has to ..."): each stance there is theirs, not its clause's subject's;
    the speaker, else the first party named before the colon. Empty where no such colon stands."""
    text, lo = reading.text, reading.sentence.start
    colon = text.rfind(":", lo, start)
    if colon < 0 or not _POINTS.search(text, max(lo, colon - 80), colon + 1):
        return ()
    return reading.speakers(colon) or _first_party(reading, lo, colon)


def _one_subject(reading: SentenceReading, start: int, holders: Sequence[str]) -> bool:
    """Whether several holders are one subject of no "and" ("the countries in the coalition are ready"), not
    sides that agree together ("Trump and Putin agreed")."""
    span = scan_before(reading, start, verb=True, commas=False)
    return (tuple(span.names) == tuple(holders) and not _TOGETHER.search(reading.text, span.start, start)
            and not any(i.kind == "pronoun" for i in reading.items if span.start <= i.start < start))


def _sides(reading: SentenceReading, names: Sequence[str]) -> set[str]:
    """The countries (else the names) ``names`` speak for."""
    out = set()
    for name in names:
        actor = reading.actors.lookup(name) if reading.actors is not None else None
        out.add(actor.country if actor is not None and actor.country else name)
    return out


# a demand whose content is another's refusal ("insists on a guarantee that Ukraine will never join ..."):
# the verb and what it asks for, up to the "that" and the few words of the refuser before the refusal
_DEMANDED_THAT = re.compile(
    r"\b(?:insists?|insisted|insisting|demands?|demanded|demanding|wants|wanted|seeks|sought)(?:\s+on)?"
    r"(?:\s+(?:a|an|the|legal|legally|binding|written|firm|formal|guarantees?|assurances?|commitments?|"
    r"pledges?|promises?))*\s+that\s+\S+(?:\s+\S+){0,2}\s*$", re.IGNORECASE)


def _stated(reading: SentenceReading, st: _Stance, holders: Sequence[str], rules: PositionRules,
            stance: str | None = None) -> Iterator[Position]:
    """The positions of a stance and its holders (two at most), each with the clause as its evidence."""
    text, hit, lo = reading.text, st.hit, st.lo
    if not st.about or not holders:
        return
    stance = _stance(st.rule, text, hit, st.window, st.hi, rules) if stance is None else stance
    for issue, where in st.about:
        # "will not sign any deal without binding security guarantees": what is refused is a deal lacking them,
        # so they are a condition
        told = "condition" if stance == "reject" and _WITHOUT.search(text, hit.end(), where) else stance
        for actor in holders[:2]:
            if any(i.start <= where <= i.end and i.names == (actor,) for i in reading.items):
                continue  # the issue's own word read as a party ("the NATO proposal"): what it is about, not who
            evidence = Evidence.of(text, min(lo, hit.start(), where), max(hit.end(), where))
            yield Position(actor=actor, issue=issue, stance=told, text=evidence.text, evidence=evidence)


def find_positions(text: str, sentences: Sequence[Sentence], actors: ActorRegistry,
                   gazetteer: Gazetteer | None = None,
                   quotations: Sequence[QuoteSpan] | None = None) -> tuple[Position, ...]:
    """The positions an article reports: one per holder, issue and stance, with the clause that states it.

    ``quotations`` are ``find_spans(text)``, where the caller has them already."""
    rules = load_position_rules()
    lexicon = load_diplomacy_rules().lexicon
    places = load_gazetteer() if gazetteer is None else gazetteer
    out: dict[tuple[str, str, str], Position] = {}
    low = text.lower()
    folded = low if folds_safely(text, low) else None  # the issues are matched in it (``_issue_matches``)
    found = _stances(text, sentences, rules, low)
    it: tuple[int, tuple[str, ...]] = (-_IT_BACK - 1, ())  # the sentence and state a later "it" may stand for
    quoted_at: Quotations | None = None
    interviewee: tuple[str, ...] | None = None  # who answers an interview's questions, read when needed
    for n, hits in found.items():
        sentence = sentences[n]
        stances = _stances_of(text, sentence, hits, rules, folded)
        if not any(st is not None and st.about for st in stances):
            continue  # nothing to state: the sentence need not be read
        reading = read_sentence(text, sentence, actors, places, lexicon, sentences[max(0, n - 3):n])
        if quoted_at is None:
            quoted_at = Quotations(find_spans(text) if quotations is None else quotations)
        quoted = _quote_speaker(text, reading, sentences, n, quoted_at, lambda k: read_sentence(
            text, sentences[k], actors, places, lexicon, sentences[max(0, k - 3):k]))
        if not quoted and _in_answer(text, sentence.start):  # "Answer: We have not seen the final text."
            if interviewee is None:
                interviewee = _interviewee(text, actors)
            quoted = interviewee
        # a speaker the registry does not know (a resident, a rescuer) speaks for no party
        quoted = tuple(q for q in quoted if actors.lookup(q) is not None)
        stated = list(_positions(reading, stances, rules, it[1] if n - it[0] <= _IT_BACK else (), quoted))
        held = [p.actor for p in stated if _not_person(actors, p.actor)]
        if held:
            it = (n, (held[0],))
        if n + 1 < len(sentences) and rules.reply is not None:
            after = sentences[n + 1]
            stated += _replies(text, after, stated, rules.reply, partial(
                read_sentence, text, after, actors, places, lexicon, sentences[max(0, n - 2):n + 1]))
        for position in stated:
            out.setdefault((position.actor, position.issue, position.stance), position)
    return tuple(out.values())


# an interview's answer paragraph ("Answer: ...", "A: ...") and the words that name who gave the interview
_ANSWER = re.compile(r"(?:Answer|A)\s*:")
_INTERVIEW = re.compile(r"\b(?:in|during|gave)\s+an\s+interview\b|\btold\s+(?:the\s+)?[A-Z]\w+\s+in\s+an\s+interview\b")


def _in_answer(text: str, start: int) -> bool:
    """Whether ``start`` lies in a paragraph that opens with "Answer:" (an interview told as questions and
    answers)."""
    paragraph = text.rfind("\n", 0, start) + 1
    return _ANSWER.match(text, paragraph, min(len(text), paragraph + 10)) is not None


def _interviewee(text: str, actors: ActorRegistry) -> tuple[str, ...]:
    """Who gave the interview an article prints ("..., Deputy Foreign Minister Pavel Krutov said in an
    interview with Sever"): the last person named before the first "in an interview" in its sentence."""
    m = _INTERVIEW.search(text)
    if m is None:
        return ()
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    people = [a for a in actors.find(text, start, m.start()) if a.actor.kind == "person"]
    if not people:
        return ()
    who = people[-1]
    if actors.lookup(who.actor.name) is not None:
        return (who.actor.name,)
    # one the registry does not know speaks for the state of the nationality before his title ("Russian Deputy
    # Foreign Minister Pavel Krutov"): his positions are that state's
    for word in reversed(text[max(start, who.start - 50):who.start].split()):
        code = actors.rules.role_adjectives.get(word.lower())
        if code:
            state = states_by_code(actors).get(code)
            return () if state is None else (state,)
    return ()


# a quotation closed inside the sentence with words after it ('...," the minister told reporters.'): the sentence
# names its own speaker, even where no speaker is read there
_SPEAKER_TAIL = re.compile(r"[,.!?…][\"”»’']\s*[^\W\d]")
_QUOTE_AHEAD = 2  # how many sentences on the speaker of a quotation that runs on may be named


def _quote_speaker(text: str, reading: SentenceReading, sentences: Sequence[Sentence], n: int,
                   quoted_at: Quotations, read: Callable[[int], SentenceReading]) -> tuple[str, ...]:
    """Who speaks a sentence inside a quotation that names no speaker of its own: the speaker of the sentence
    before, where that one ends a quotation ('"...," the minister said. "We will ..."'), else, where the
    quotation runs on past the sentence, the speaker named where it closes ('"We will ... We are ...," he
    said'). News prose quotes a speaker over several sentences and names him once, first or last."""
    sentence = reading.sentence
    raw = text[sentence.start:sentence.end]
    own = raw.strip()
    quotation = quoted_at.around(sentence.start + len(raw) - len(raw.lstrip()))
    if quotation is None or any(i.kind == "speaker" for i in reading.items) or _SPEAKER_TAIL.search(own):
        return ()
    for k in range(n - 1, max(-1, n - 1 - _QUOTE_AHEAD), -1):
        if not quoted_at.overlaps(sentences[k].start, sentences[k].end):
            break  # the sentence before quotes nothing: the quotation opened in this one
        spoken = tuple(x for i in read(k).items if i.kind == "speaker" for x in i.names)[:1]
        if spoken:
            return spoken
    if quotation[1] <= sentence.end:
        return ()  # the quotation closes here, with no speaker named
    for k in range(n + 1, min(n + 1 + _QUOTE_AHEAD, len(sentences))):
        if "\n" in text[sentences[k - 1].end:sentences[k].start]:
            return ()  # a quotation that runs on names its speaker in its own paragraph
        if quotation[1] <= sentences[k].end:  # where the quotation closes
            return tuple(x for i in read(k).items if i.kind == "speaker" for x in i.names)[:1]
    return ()


def _not_person(actors: ActorRegistry, name: str) -> bool:
    """Whether an actor a later "it" may stand for: a state, a body or a group, not a person."""
    actor = actors.lookup(name)
    return actor is not None and actor.kind in ("state", "institution")


_REPLY_LEN = 60  # the longest sentence read as a reply to the one before


def _replies(text: str, sentence: Sentence, before: Sequence[Position], reply: re.Pattern[str],
             read: Callable[[], SentenceReading]) -> list[Position]:
    """Of a short sentence that only answers the one before ("Russia insists that Kyiv withdraw from ...
    Kyiv refuses."), the answer to the first demand or offer there of another holder: its issue, the
    sentence as evidence."""
    asked = [p for p in before if p.stance in ("demand", "offer", "condition", "red_line")]
    if not asked:
        return []
    m = reply.match(text, sentence.start, sentence.end)
    if m is None or (m.end() == sentence.end and sentence.end - sentence.start > _REPLY_LEN):
        return []
    holders = read().subject(m.end())
    if len(holders) != 1 or holders[0] == asked[0].actor:
        return []
    start = sentence.start + len(text[sentence.start:sentence.end]) - len(text[sentence.start:sentence.end].lstrip())
    evidence = Evidence.of(text, start, m.end() if m.end() < sentence.end else sentence.end)
    stance = "accept" if m.group("accept") else "reject"
    # "Kyiv has rejected both demands": every one of the asker's demands before; else the first of them
    answered = [p for p in asked if p.actor == asked[0].actor] if m.group("back") in ("both", "all", "these",
                                                                                        "those") else asked[:1]
    issues = list(dict.fromkeys(p.issue for p in answered))
    return [Position(actor=holders[0], issue=issue, stance=stance, text=evidence.text, evidence=evidence)
            for issue in issues]
