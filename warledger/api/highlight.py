"""Highlighting as data: an article's text cut into segments, each marked with the extracted items it
belongs to. The templates escape every segment and wrap marked ones in ``<mark>``; no markup is
ever built by inserting text into HTML strings here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Span", "context_parts", "extraction_spans", "segments", "word_parts"]

# the kind of an extracted item, from the key of the list it sits in
KINDS = {"figures": "figure", "places": "place", "targets": "target", "launch_areas": "place", "quotes": "quote",
         "positions": "position", "diplomacy": "diplomacy", "attacks": "attack", "statistics": "statistic",
         "participants": "participant", "place": "place", "venue": "place"}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "label": self.label}


def _label(kind: str, item: dict[str, Any]) -> str:
    if kind == "figure":
        return f"{item.get('measure')} {item.get('what')}: {item.get('value')}"
    for key in ("name", "speaker", "actor", "kind", "type"):
        if isinstance(item.get(key), str):
            return f"{kind}: {item[key]}"
    return kind


def _evidence(value: Any, length: int) -> tuple[int, int] | None:
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        start, end = value["start"], value["end"]
        if 0 <= start < end <= length:
            return start, end
    return None


def extraction_spans(extraction: Any, length: int) -> list[Span]:
    """Every evidence span in a stored extraction (format v1): figures, places, targets, dates, quotes..."""
    spans: list[Span] = []

    def walk(node: Any, kind: str) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, kind)
            return
        if not isinstance(node, dict):
            return
        span = _evidence(node.get("evidence"), length)
        if span is not None:
            spans.append(Span(span[0], span[1], kind, _label(kind, node)))
        for key, value in node.items():
            if key.endswith("_evidence") and (span := _evidence(value, length)) is not None:
                spans.append(Span(span[0], span[1], key.removesuffix("_evidence"), key.removesuffix("_evidence")))
            elif isinstance(value, (dict, list)) and key != "evidence":
                walk(value, KINDS.get(key, kind))

    walk(extraction, "item")
    return sorted(set(spans), key=lambda s: (s.start, -s.end, s.kind, s.label))


def segments(text: str, spans: Sequence[Span]) -> list[dict[str, Any]]:
    """``text`` cut at every span boundary; a segment inside spans carries their kinds and labels."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[dict[str, Any]] = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [s for s in spans if s.start <= lo and s.end >= hi]
        part: dict[str, Any] = {"start": lo, "text": text[lo:hi]}
        if covering:
            part["kinds"] = sorted({s.kind for s in covering})
            part["label"] = "; ".join(dict.fromkeys(s.label for s in covering))
        out.append(part)
    return out


def context_parts(context: str, evidence: str) -> list[dict[str, Any]]:
    """The context of a claim with its evidence marked (its first occurrence; none when not found)."""
    at = context.find(evidence) if evidence else -1
    if at < 0:
        return [{"text": context, "mark": False}]
    parts = [{"text": context[:at], "mark": False}, {"text": evidence, "mark": True},
             {"text": context[at + len(evidence):], "mark": False}]
    return [p for p in parts if p["text"]]


def word_parts(text: str, words: Sequence[str]) -> list[dict[str, Any]]:
    """``text`` with every occurrence of ``words`` marked (any case): for search snippets."""
    if not words:
        return [{"text": text, "mark": False}]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)), re.IGNORECASE)
    parts: list[dict[str, Any]] = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            parts.append({"text": text[at:m.start()], "mark": False})
        parts.append({"text": m.group(0), "mark": True})
        at = m.end()
    if at < len(text):
        parts.append({"text": text[at:], "mark": False})
    return parts
