"""Coded errors. Library code raises these; the CLI turns them into messages and exit codes.

Per-item failures (one bad article among many) are not raised through the pipeline:
they become ``records.Rejection`` with a ``RejectReason``.
"""

from __future__ import annotations

from enum import StrEnum


class RejectReason(StrEnum):
    UNREADABLE = "unreadable"          # the file cannot be opened or read
    EMPTY = "empty"                    # nothing but whitespace
    BINARY = "binary"                  # NUL bytes or control characters: not text
    NOT_UTF8 = "not_utf8"              # bytes that do not decode as UTF-8
    OVERSIZED = "oversized"            # larger than the max_article_bytes setting
    MALFORMED_JSON = "malformed_json"  # a .json / .jsonl record that does not parse or lacks text
    NO_MAIN_TEXT = "no_main_text"      # HTML with no article text after reduction
    BAD_DATE = "bad_date"              # a published date that is not an ISO date
    EXTRACT_FAILED = "extract_failed"  # a bug: the extractor raised on this article
    MALFORMED_XML = "malformed_xml"    # a feed file that does not parse, is not RSS/RDF/Atom, or declares entities
    NOT_ENGLISH = "not_english"        # screening: too few English function words (or mostly non-Latin letters)
    OFF_TOPIC = "off_topic"            # screening: no vocabulary of the war in Ukraine


class WarledgerError(Exception):
    """Base class: ``code`` is a short stable identifier, the message names the fix."""

    code = "W000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class IngestError(WarledgerError):
    code = "W100"

    def __init__(self, message: str, reason: RejectReason) -> None:
        super().__init__(message)
        self.reason = reason


class WorkerFailed(WarledgerError):
    """An extraction worker process died (killed, out of memory): what was done before it is kept."""

    code = "W110"


class RuleError(WarledgerError):
    code = "W200"


class ResolveError(WarledgerError):
    code = "W300"


class StoreError(WarledgerError):
    code = "W400"


class ConfigError(WarledgerError):
    code = "W500"


class EvalError(WarledgerError):
    code = "W600"
