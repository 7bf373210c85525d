"""Ingest: turn paths (``.txt``, ``.html``, ``.json``, ``.jsonl`` or ``-``) into ``Article`` records.

A bad input never stops the others: it becomes a ``Rejection`` saying which file and line,
and why.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import IngestError, RejectReason
from ..ids import article_id
from ..records import Article, Rejection
from ..settings import Settings
from .html import looks_like_html, reduce_html

__all__ = ["Metadata", "article_from_text", "check_published", "read_articles"]

STAGE = "ingest"
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
COLLECTION_FACTOR = 50  # a .json/.jsonl file may hold this many maximum-size articles


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata given on the command line: used where the input does not carry its own."""

    published: str | None = None
    source: str | None = None
    title: str | None = None


NO_METADATA = Metadata()
DEFAULT_SETTINGS = Settings()


def check_published(value: Any, where: str) -> str | None:
    """An ISO date or datetime, returned as given; anything else is an IngestError."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise IngestError(f"{where}: published must be an ISO date string, got {value!r}", RejectReason.BAD_DATE)
    text = value.strip()
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise IngestError(f"{where}: published {value!r} is not an ISO date (YYYY-MM-DD)",
                          RejectReason.BAD_DATE) from exc
    return text


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, BOM dropped; offsets in the output refer to this text."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _oversized(where: str, size: int, limit: int) -> IngestError:
    return IngestError(f"{where}: {size} bytes is over the limit of {limit} (setting max_article_bytes)",
                       RejectReason.OVERSIZED)


def decode(data: bytes, where: str, limit: int) -> str:
    """UTF-8 text from bytes, refusing oversized, binary and non-UTF-8 input."""
    if len(data) > limit:
        raise _oversized(where, len(data), limit)
    if b"\x00" in data:
        raise IngestError(f"{where}: binary data (NUL bytes), not text", RejectReason.BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{where}: not UTF-8 text (bad byte at offset {exc.start}); re-encode it as UTF-8",
                          RejectReason.NOT_UTF8) from exc
    check_not_binary(text, where)
    return text.removeprefix("\ufeff")  # a BOM would break json.loads and format sniffing


def check_not_binary(text: str, where: str) -> None:
    """Refuse text with NUL characters or many control characters (also when they came as JSON escapes)."""
    if "\x00" in text:
        raise IngestError(f"{where}: binary data (NUL bytes), not text", RejectReason.BINARY)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > 8 and controls > len(text[:20000]) // 100:
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
    """One Article from text (or HTML when ``html``), checking emptiness and the published date."""
    published = meta.published
    title = meta.title
    check_unicode(text, f"{origin}: {'html' if html else 'text'}")
    if html:
        page = reduce_html(text, min_chars=settings.html_min_text_chars, where=origin)
        text = page.text
        title = title or page.title
        published = published or page.published
    text = normalise_text(text)
    check_not_binary(text, origin)
    for name, value in (("text", text), ("title", title), ("source", meta.source), ("id", id)):
        check_unicode(value, f"{origin}: {name}")
    size = len(text.encode("utf-8"))
    if size > settings.max_article_bytes:
        raise _oversized(origin, size, settings.max_article_bytes)
    if not text.strip():
        raise IngestError(f"{origin}: empty article (no text)", RejectReason.EMPTY)
    published = check_published(published, origin)
    return Article(id=id or article_id(text), text=text, source=meta.source, title=title,
                   published=published, origin=origin)


def from_record(obj: Any, origin: str, meta: Metadata, settings: Settings) -> Article:
    """An Article from a JSON object with ``text`` (or ``html``) and optional id/published/source/title."""
    if not isinstance(obj, dict):
        raise IngestError(f"{origin}: expected a JSON object, got {type(obj).__name__}",
                          RejectReason.MALFORMED_JSON)
    body, is_html = obj.get("text"), False
    if body is None and isinstance(obj.get("html"), str):
        body, is_html = obj["html"], True
    if not isinstance(body, str):
        raise IngestError(f"{origin}: JSON article needs a string field 'text' (or 'html')",
                          RejectReason.MALFORMED_JSON)
    fields = {}
    for key in ("source", "title"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise IngestError(f"{origin}: field {key!r} must be a string", RejectReason.MALFORMED_JSON)
        fields[key] = value
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise IngestError(f"{origin}: field 'id' must be a string", RejectReason.MALFORMED_JSON)
    published = obj.get("published")
    if published is None or published == "":  # absent: fall back to --published; 0 or false is an error
        published = meta.published
    record_meta = Metadata(published=published,
                           source=fields["source"] or meta.source, title=fields["title"] or meta.title)
    return article_from_text(body, origin=origin, meta=record_meta,
                             id=None if ident is None else str(ident), html=is_html, settings=settings)


def _read_json(text: str, origin: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _reject(IngestError(f"{origin}:{exc.lineno}: malformed JSON: {exc.msg}",
                                  RejectReason.MALFORMED_JSON), f"{origin}:{exc.lineno}")
        return
    if obj == []:
        yield _reject(IngestError(f"{origin}: empty JSON list (no articles)", RejectReason.EMPTY), origin)
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        where = f"{origin}[{n}]" if isinstance(obj, list) else origin
        yield _guard(lambda item=item, where=where: from_record(item, where, meta, settings), where)


def _read_jsonl(text: str, origin: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _reject(IngestError(f"{where}: malformed JSON: {exc.msg}", RejectReason.MALFORMED_JSON), where)
            continue
        yield _guard(lambda obj=obj, where=where: from_record(obj, where, meta, settings), where)


def _reject(exc: IngestError, origin: str) -> Rejection:
    return Rejection(origin=origin, stage=STAGE, reason=str(exc.reason), detail=str(exc))


def _guard(make: Any, origin: str) -> Article | Rejection:
    try:
        article: Article = make()
    except IngestError as exc:
        return _reject(exc, origin)
    return article


def _parses_as_json(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _sniff_kind(text: str) -> str:
    head = text.lstrip()
    if head.startswith("{"):
        first = head.split("\n", 1)[0].strip()
        if first.endswith("}") and "\n" in head.strip():
            return ".jsonl"
        return ".json"
    if head.startswith("[") and (head[1:].lstrip()[:1] in ("{", "[", "]") or _parses_as_json(head)):
        return ".json"  # but "[Reuters] Kyiv ..." or "[2025-03-04] Kyiv ..." is text
    if looks_like_html(head):
        return ".html"
    return ".txt"


def read_one(data: bytes, origin: str, suffix: str, meta: Metadata,
             settings: Settings) -> Iterator[Article | Rejection]:
    """Articles from the bytes of one input; ``suffix`` picks the format (sniffed for stdin)."""
    limit = settings.max_article_bytes * (COLLECTION_FACTOR if suffix in {".json", ".jsonl", ""} else 1)
    try:
        text = decode(data, origin, limit)
    except IngestError as exc:
        yield _reject(exc, origin)
        return
    if not text.strip():
        yield _reject(IngestError(f"{origin}: empty input", RejectReason.EMPTY), origin)
        return
    kind = suffix if suffix in {".json", ".jsonl", ".txt"} | HTML_SUFFIXES else _sniff_kind(text)
    if kind == ".json":
        yield from _read_json(text, origin, meta, settings)
    elif kind == ".jsonl":
        yield from _read_jsonl(text, origin, meta, settings)
    else:
        yield _guard(lambda: article_from_text(text, origin=origin, meta=meta, html=kind in HTML_SUFFIXES,
                                               settings=settings), origin)


def read_articles(paths: Iterable[str], *, meta: Metadata = NO_METADATA, settings: Settings = DEFAULT_SETTINGS,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Rejection]:
    """Articles (or Rejections) from each path in order; ``-`` reads standard input."""
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(settings.max_article_bytes * COLLECTION_FACTOR + 1)
            yield from read_one(data, "<stdin>", "", meta, settings)
            continue
        p = Path(path)
        suffix = p.suffix.lower()
        limit = settings.max_article_bytes * (COLLECTION_FACTOR if suffix in {".json", ".jsonl"} else 1)
        try:
            size = p.stat().st_size
            if size > limit:
                yield _reject(_oversized(path, size, limit), path)
                continue
            data = p.read_bytes()
        except OSError as exc:
            yield _reject(IngestError(f"{path}: cannot read: {exc.strerror or exc}", RejectReason.UNREADABLE),
                          path)
            continue
        yield from read_one(data, path, suffix, meta, settings)
