"""Screening: is an ingested article English, and is it about the war in Ukraine?

``screen(article)`` returns the ``IngestError`` that says why the ledger should refuse the
article (``not_english`` or ``off_topic``), or ``None``. It never raises for an article: the
caller stores the refusal as a ``Rejection``. The word lists and thresholds are data, in
``topic_terms.toml``. DOCS: docs/data-sources.md
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..errors import ConfigError, IngestError, RejectReason
from ..records import Article

__all__ = ["ScreenRules", "english_share", "load_screen_rules", "parse_screen_rules", "screen", "topic_counts"]

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LATIN_END = 0x250  # Basic Latin to Latin Extended-B: letters of the languages written in Latin script
LETTERS = re.compile(r"[^\W\d_]+")
NON_LATIN_LETTERS = re.compile(rf"[^\W\d_\x00-\u{LATIN_END - 1:04x}]+")  # runs of letters at or past LATIN_END


@dataclass(frozen=True, slots=True)
class ScreenRules:
    """The screening data of ``topic_terms.toml``, with each term list compiled to one pattern."""

    function_words: frozenset[str]
    min_english_ratio: float
    min_words: int
    sides: re.Pattern[str]
    war_terms: re.Pattern[str]
    min_sides: int
    min_war_terms: int


def _pattern(terms: Any, where: str) -> re.Pattern[str]:
    """One case-insensitive pattern: whole words, an optional plural s, space or hyphen between words."""
    if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        raise ConfigError(f"topic_terms.toml: {where} must be a non-empty list of non-empty strings")
    parts = sorted((r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", t.strip()))) for t in terms),
                   key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(parts)})s?\b", re.IGNORECASE)


def _number(table: dict[str, Any], key: str, kind: type[int] | type[float]) -> Any:
    value = table.get(key)
    kinds = (int, float) if kind is float else (int,)
    if not isinstance(value, kinds) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"topic_terms.toml: {key} must be a non-negative {kind.__name__}, got {value!r}")
    return value


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise ConfigError(f"topic_terms.toml: a [{name}] table is required")
    return table


def parse_screen_rules(data: dict[str, Any]) -> ScreenRules:
    """Screening rules from the parsed TOML; ``ConfigError`` naming the key that is wrong."""
    english, topic = _table(data, "english"), _table(data, "topic")
    words = english.get("function_words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise ConfigError("topic_terms.toml: english.function_words must be a list of lower-case words")
    return ScreenRules(
        function_words=frozenset(words),
        min_english_ratio=float(_number(english, "min_ratio", float)),
        min_words=int(_number(english, "min_words", int)),
        sides=_pattern(topic.get("sides"), "topic.sides"),
        war_terms=_pattern(topic.get("war_terms"), "topic.war_terms"),
        min_sides=int(_number(topic, "min_sides", int)),
        min_war_terms=int(_number(topic, "min_war_terms", int)),
    )


@cache
def load_screen_rules() -> ScreenRules:
    """The packaged screening data (``topic_terms.toml``), loaded and checked once."""
    try:
        text = resources.files("warledger.ingest").joinpath("topic_terms.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot load topic_terms.toml: {exc}") from exc
    return parse_screen_rules(data)


def english_share(text: str, rules: ScreenRules) -> tuple[float, int]:
    """(share of the words that are English function words, number of words)."""
    words = WORD.findall(text)
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w.lower() in rules.function_words)
    return hits / len(words), len(words)


def _non_latin_share(text: str) -> float:
    non_latin = sum(map(len, NON_LATIN_LETTERS.findall(text)))
    if not non_latin:
        return 0.0
    letters = sum(map(len, LETTERS.findall(text)))
    return non_latin / letters if letters else 0.0


def _at_least(pattern: re.Pattern[str], text: str, n: int) -> bool:
    """Whether ``pattern`` matches ``text`` ``n`` times or more (stops counting there)."""
    if n <= 0:
        return True
    for count, _ in enumerate(pattern.finditer(text), 1):
        if count >= n:
            return True
    return False


def topic_counts(text: str, rules: ScreenRules) -> tuple[int, int]:
    """(mentions of the war's sides and places, uses of the war's vocabulary) in text."""
    return len(rules.sides.findall(text)), len(rules.war_terms.findall(text))


def screen(article: Article, rules: ScreenRules | None = None) -> IngestError | None:
    """Why the ledger should refuse ``article`` (``not_english``, ``off_topic``), or None when it passes.

    1. Mostly non-Latin letters (Cyrillic, Arabic ...): not English, whatever the length.
    2. At least ``min_words`` words and too few English function words: not English.
    3. Title and text name no side of the war, or use none of its vocabulary: off topic.
    """
    rules = rules or load_screen_rules()
    where = article.origin or article.id
    non_latin = _non_latin_share(article.text)
    if non_latin > 0.5:
        return IngestError(f"{where}: not English: {non_latin:.0%} of the letters are not Latin script",
                           RejectReason.NOT_ENGLISH)
    share, words = english_share(article.text, rules)
    if words >= rules.min_words and share < rules.min_english_ratio:
        return IngestError(f"{where}: not English: {int(share * 100)}% English function words "
                           f"(needs {rules.min_english_ratio:.0%})", RejectReason.NOT_ENGLISH)
    text = f"{article.title or ''}\n{article.text}"
    if _at_least(rules.sides, text, rules.min_sides) and _at_least(rules.war_terms, text, rules.min_war_terms):
        return None
    sides, war = topic_counts(text, rules)
    if sides < rules.min_sides or war < rules.min_war_terms:
        return IngestError(f"{where}: not about the war in Ukraine: {war} war terms such as drone, missile, "
                           f"strike or ceasefire (needs {rules.min_war_terms}) and {sides} mentions of Ukraine, "
                           f"Russia or their places (needs {rules.min_sides})", RejectReason.OFF_TOPIC)
    return None
