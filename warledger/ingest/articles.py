"""Building one ``Article`` from text and metadata, with the checks every input kind shares.

A check that fails raises ``IngestError``; the readers turn it into a ``Rejection`` naming the
input (``reject`` and ``guard``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import IngestError, RejectReason
from ..ids import article_id
from ..records import Article, Rejection
from ..settings import Settings
from .html import reduce_html

STAGE = "ingest"


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata given on the command line (or by a record): used where the input does not carry its own."""

    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    updated: str | None = None   # when the text was last updated (an ISO datetime), if the input says


NO_METADATA = Metadata()
DEFAULT_SETTINGS = Settings()


def check_published(value: Any, where: str, name: str = "published") -> str | None:
    """An ISO date or datetime, returned as given; anything else is an IngestError."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise IngestError(f"{where}: {name} must be an ISO date string, got {value!r}", RejectReason.BAD_DATE)
    text = value.strip()
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise IngestError(f"{where}: {name} {value!r} is not an ISO date (YYYY-MM-DD)",
                          RejectReason.BAD_DATE) from exc
    return text


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, BOM dropped; offsets in the output refer to this text."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def oversized(where: str, size: int, limit: int) -> IngestError:
    """The error for an input of ``size`` bytes over ``limit``."""
    return IngestError(f"{where}: {size} bytes is over the limit of {limit} (setting max_article_bytes)",
                       RejectReason.OVERSIZED)


def decode(data: bytes, where: str, limit: int) -> str:
    """UTF-8 text from bytes, refusing oversized, binary and non-UTF-8 input."""
    if len(data) > limit:
        raise oversized(where, len(data), limit)
    if b"\x00" in data:
        raise IngestError(f"{where}: binary data (NUL bytes), not text", RejectReason.BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{where}: not UTF-8 text (bad byte at offset {exc.start}); re-encode it as UTF-8",
                          RejectReason.NOT_UTF8) from exc
    check_not_binary(text, where)
    return text.removeprefix("\ufeff")  # a BOM would break json.loads and format sniffing


BINARY_SAMPLE = 20000  # characters read for control characters
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")  # below a space, except tab, newline, \v, \f and \r


def check_not_binary(text: str, where: str) -> None:
    """Refuse text with NUL characters or many control characters (also when they came as JSON escapes)."""
    if "\x00" in text:
        raise IngestError(f"{where}: binary data (NUL bytes), not text", RejectReason.BINARY)
    controls = len(_CONTROLS.findall(text, 0, BINARY_SAMPLE))
    if controls > 8 and controls > len(text[:BINARY_SAMPLE]) // 100:
        raise IngestError(f"{where}: binary data (control characters), not text", RejectReason.BINARY)


def check_unicode(value: str | None, where: str) -> None:
    """Refuse strings that cannot be written as UTF-8: lone surrogates from JSON escapes such as \\ud800."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise IngestError(f"{where} is not valid Unicode (lone surrogate {value[exc.start]!r} at character "
                          f"{exc.start}); fix the \\u escape", RejectReason.NOT_UTF8) from exc


def article_from_text(text: str, *, origin: str, meta: Metadata = NO_METADATA, id: str | None = None,
                      html: bool = False, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """One Article from text (or HTML when ``html``), checking emptiness and the published date.

    ``meta`` wins over what an HTML page says about itself (title, date, canonical URL, site name).
    """
    published, title, source, url, updated = meta.published, meta.title, meta.source, meta.url, meta.updated
    check_unicode(text, f"{origin}: {'html' if html else 'text'}")
    if html:
        page = reduce_html(text, min_chars=settings.html_min_text_chars, where=origin)
        text = page.text
        title = title or page.title
        published = published or page.published
        source = source or page.source
        url = url or page.url
        updated = updated or page.updated
    text = normalise_text(text)
    check_not_binary(text, origin)
    for name, value in (("text", text), ("title", title), ("source", source), ("url", url), ("id", id)):
        check_unicode(value, f"{origin}: {name}")
    size = len(text.encode("utf-8"))
    if size > settings.max_article_bytes:
        raise oversized(origin, size, settings.max_article_bytes)
    if not text.strip():
        raise IngestError(f"{origin}: empty article (no text)", RejectReason.EMPTY)
    published = check_published(published, origin)
    updated = check_published(updated, origin, "updated")
    return Article(id=id or article_id(text), text=text, source=source, title=title,
                   published=published, url=url, origin=origin, updated=updated)


def reject(exc: IngestError, origin: str) -> Rejection:
    """The Rejection that records ``exc`` for the input at ``origin``."""
    return Rejection(origin=origin, stage=STAGE, reason=str(exc.reason), detail=str(exc))


def guard(make: Callable[[], Article], origin: str) -> Article | Rejection:
    """``make()``, or the Rejection for the IngestError it raised."""
    try:
        return make()
    except IngestError as exc:
        return reject(exc, origin)
