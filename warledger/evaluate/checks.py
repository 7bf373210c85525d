"""Output checks that need no gold: JSON Schema validity and evidence integrity."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from .metrics import Accuracy

MAX_SCHEMA_ERRORS = 5


@cache
def _validator() -> Draft202012Validator:
    with resources.files("warledger").joinpath("schema/extraction-v1.schema.json").open("rb") as fh:
        schema = json.load(fh)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(extraction: Any) -> tuple[str, ...]:
    """Why ``extraction`` is not a valid extraction-v1 object (at most a few reasons); empty when valid."""
    errors = sorted(_validator().iter_errors(extraction), key=lambda e: list(e.absolute_path))
    return tuple(f"schema: /{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:200]}"
                 for e in errors[:MAX_SCHEMA_ERRORS])


def evidence_spans(node: Any, key: str = "") -> Iterator[Any]:
    """Every evidence object in an extraction (any key ending in ``evidence``, at any depth)."""
    if isinstance(node, Mapping):
        if key.endswith("evidence"):
            yield node
            return
        for name, value in node.items():
            if key == "" and name == "article":
                continue
            yield from evidence_spans(value, str(name))
    elif isinstance(node, list):
        for item in node:
            yield from evidence_spans(item, key)


def span_ok(span: Any, text: str) -> bool:
    """True when ``span`` is ``{start, end, text}`` with ``text == article_text[start:end]``."""
    if not isinstance(span, Mapping):
        return False
    start, end, quoted = span.get("start"), span.get("end"), span.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(quoted, str)):
        return False
    return 0 <= start <= end <= len(text) and text[start:end] == quoted


def evidence_integrity(extraction: Any, text: str) -> Accuracy:
    """How many of the extraction's evidence spans quote ``text`` exactly, out of how many."""
    spans = list(evidence_spans(extraction))
    return Accuracy(correct=sum(1 for span in spans if span_ok(span, text)), n=len(spans))
