"""Load and compile ``rules/diplomacy.toml`` (loudly: a bad rule is a RuleError).

DOCS: docs/extraction.md
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import RuleError
from .participants import CONTEXT_SIDES, Lexicon
from .phrases import pattern_tokens

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
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


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


def alternation(patterns: Sequence[str]) -> str:
    """Longest first, each word escaped, spaces matching any whitespace (and quotation marks)."""
    ordered = sorted({p.strip() for p in patterns}, key=len, reverse=True)
    return "|".join(r"[\"“”]?\s+[\"“”]?".join(re.escape(w) for w in p.split()) for p in ordered)


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


def _triggers(data: Mapping[str, Any]) -> tuple[tuple[TriggerRule, ...], re.Pattern[str], frozenset[str]]:
    rules, parts = [], []
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
                                 _requires(raw.get("requires_after"), rid), examples, counter))
        unless = strings(raw.get("unless_next"), rid, required=False)
        guard = rf"(?![\s\"“”]+(?:{alternation(unless)})\b)" if unless else ""
        prev = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in strings(raw.get("unless_prev"), rid, required=False))
        needs = strings(raw.get("needs_prev"), rid, required=False)
        if needs:
            prev += "(?:" + "|".join(rf"(?<=\b{re.escape(w)}\s)" if w[0].isalnum() else rf"(?<={re.escape(w)}\s)"
                                     for w in needs) + ")"
        patterns = strings(raw.get("patterns"), rid)
        parts.append(f"{prev}(?P<t{n}>(?:{alternation(patterns)})\\b{guard})")
        anchors.update(pattern_tokens(p)[0] for p in patterns)
    return tuple(rules), re.compile(r"\b(?:" + "|".join(parts) + r")", re.IGNORECASE), frozenset(anchors)


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


def trie_pattern(words: Sequence[str], *, fold: bool = True) -> str:
    """One regular expression for many words or phrases, branching letter by letter (fast in ``re``);
    a space in a phrase matches any run of whitespace. With ``fold``, match it case-insensitively."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in " ".join((word.lower() if fold else word).split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items())
                    if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def _cues(data: Mapping[str, Any]) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    cues = []
    for n, raw in enumerate(data.get("cue", [])):
        rid = _rule_id(raw, f"diplomacy.toml cue {n + 1}")
        if raw.get("value") not in STATUSES:
            raise RuleError(f"diplomacy.toml {rid}: value must be one of {STATUSES}")
        pattern = re.compile(r"\b(?:" + trie_pattern(strings(raw.get("patterns"), rid)) + r")\b", re.IGNORECASE)
        position = str(raw.get("position", "any"))
        if position not in ("any", "before"):
            raise RuleError(f"diplomacy.toml {rid}: position must be 'any' or 'before'")
        cues.append((pattern, str(raw["value"]), position))
    return tuple(cues)


def _words(data: Mapping[str, Any], name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in strings(data.get("words", {}).get(name), f"diplomacy.toml words.{name}"))


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
    titles = strings(data.get("titles", {}).get("patterns"), f"{where} titles")
    possessed = strings(data.get("titles", {}).get("possessed"), f"{where} titles.possessed")
    descriptors = {" ".join(p.lower().split()): str(raw.get("value")) for raw in data.get("descriptor", [])
                   for p in strings(raw.get("patterns"), f"{where} descriptor {raw.get('value')}")}
    return Lexicon(
        side_nouns=nouns, side_adjectives=adjectives,
        sides=re.compile(r"(?<![\w.\-])(?:" + trie_pattern([*nouns, *adjectives], fold=False) + r")(?![\w\-])"),
        groups=re.compile(r"\b(?:" + trie_pattern(list(members)) + r")\b", re.IGNORECASE),
        group_members=members, context_default=context_default,
        titles=re.compile(r"^(?:['’]s)?(?:(?:\s+(?:" + alternation(titles) + r"|[A-Z]\.))+,?\s+|\s+)$",
                          re.IGNORECASE),
        descriptors=re.compile(r"\b(?:" + trie_pattern(list(descriptors)) + r")\b", re.IGNORECASE),
        descriptor_names=descriptors,
        possessor=re.compile(r"['’]s\s+(?:(?:" + alternation(titles) + r")\s+)*(?:" + alternation(possessed) + r")\b",
                             re.IGNORECASE),
        listing=_words(data, "list"), after=_words(data, "after"),
        before_noun=_words(data, "before_noun") | _words(data, "light_verbs"),
        before_verb=_words(data, "before_verb"), delegation=_words(data, "delegation"),
        pronouns=_words(data, "pronouns"),
        title_words=frozenset(w.lower() for t in titles for w in t.split()),
        give=_words(data, "give"), leader_words=_words(data, "leader_words"),
        leaders={str(k): str(v) for k, v in data.get("leaders", {}).items()},
    )


def parse_diplomacy_rules(data: Mapping[str, Any]) -> DiplomacyRules:
    """Validate and compile the parsed TOML of a diplomacy rule file."""
    trigger_rules, triggers, anchors = _triggers(data)
    order = strings(data.get("status", {}).get("order"), "diplomacy.toml status.order")
    if any(s not in STATUSES for s in order):
        raise RuleError(f"diplomacy.toml status.order: each status must be one of {STATUSES}")
    negation = strings(data.get("negation", {}).get("patterns"), "diplomacy.toml negation")
    anchor_re = FoldedPattern(r"\b(?:" + trie_pattern(sorted(anchors)) + r")(?![\w])")
    return DiplomacyRules(triggers=triggers, trigger_rules=trigger_rules, anchors=anchor_re, cues=_cues(data),
                          status_order=order,
                          negation=re.compile(r"\b(?:" + trie_pattern(negation) + r")\b[^,;.]{0,25}$", re.IGNORECASE),
                          lexicon=lexicon_from(data))


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
