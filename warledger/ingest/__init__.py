"""Ingest: turn paths (files, folders, or ``-``) into ``Article`` records. DOCS: docs/data-sources.md

Inputs are ``.txt``, ``.html``, ``.json``, ``.jsonl`` and RSS/RDF/Atom feeds (``.xml``, ``.rss``,
``.atom``); a folder is read recursively (``folders``). A bad input never stops the others: it
becomes a ``Rejection`` saying which file and line (or feed item), and why. ``screen.screen``
decides later whether an article is English and about the war.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any, BinaryIO

from ..errors import IngestError, RejectReason
from ..records import Article, Rejection
from ..settings import Settings
from .articles import (
    DEFAULT_SETTINGS,
    NO_METADATA,
    STAGE,
    Metadata,
    article_from_text,
    check_not_binary,
    check_published,
    check_unicode,
    decode,
    guard,
    normalise_text,
    oversized,
    reject,
)
from .feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from .folders import INPUT_SUFFIXES, walk_folder
from .html import looks_like_html
from .json_fields import read_fields

__all__ = ["INPUT_SUFFIXES", "STAGE", "Metadata", "article_from_text", "check_not_binary", "check_published",
           "check_unicode", "normalise_text", "read_articles"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
COLLECTION_FACTOR = 50  # a .json/.jsonl file or a feed may hold this many maximum-size articles
COLLECTION_SUFFIXES = {".json", ".jsonl", ""} | FEED_SUFFIXES  # "" is standard input


def from_record(obj: Any, origin: str, meta: Metadata, settings: Settings) -> Article:
    """An Article from a JSON object: ``text`` (or ``html``) and optional id/published/source/title/url, each
    also under the names other tools give it (``body``, ``content``, ``publishedAt``, ...: ``json_fields``)."""
    if not isinstance(obj, dict):
        raise IngestError(f"{origin}: expected a JSON object, got {type(obj).__name__}",
                          RejectReason.MALFORMED_JSON)
    fields = read_fields(obj, origin)
    # absent or empty: --published (checked as an ISO date later, as updated is)
    published = fields.published or meta.published
    record_meta = Metadata(published=published, source=fields.source or meta.source,
                           title=fields.title or meta.title, url=fields.url or meta.url, updated=fields.updated)
    return article_from_text(fields.body, origin=origin, meta=record_meta, id=fields.id, html=fields.is_html,
                             settings=settings)


def _read_json(text: str, origin: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield reject(IngestError(f"{origin}:{exc.lineno}: malformed JSON: {exc.msg}",
                                 RejectReason.MALFORMED_JSON), f"{origin}:{exc.lineno}")
        return
    if obj == []:
        yield reject(IngestError(f"{origin}: empty JSON list (no articles)", RejectReason.EMPTY), origin)
        return
    items = obj if isinstance(obj, list) else [obj]
    for n, item in enumerate(items, 1):
        where = f"{origin}[{n}]" if isinstance(obj, list) else origin
        yield guard(partial(from_record, item, where, meta, settings), where)


def _read_jsonl(text: str, origin: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield reject(IngestError(f"{where}: malformed JSON: {exc.msg}", RejectReason.MALFORMED_JSON), where)
            continue
        yield guard(partial(from_record, obj, where, meta, settings), where)


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
    if looks_like_feed(head):
        return ".xml"
    if looks_like_html(head):
        return ".html"
    return ".txt"


def read_one(data: bytes, origin: str, suffix: str, meta: Metadata,
             settings: Settings) -> Iterator[Article | Rejection]:
    """Articles from the bytes of one input; ``suffix`` picks the format (sniffed for stdin)."""
    limit = settings.max_article_bytes * (COLLECTION_FACTOR if suffix in COLLECTION_SUFFIXES else 1)
    if suffix in FEED_SUFFIXES:  # the XML parser reads the bytes itself, honouring the declared encoding
        if len(data) > limit:
            yield reject(oversized(origin, len(data), limit), origin)
        elif not data.strip():
            yield reject(IngestError(f"{origin}: empty input", RejectReason.EMPTY), origin)
        else:
            yield from read_feed(data, origin, meta, settings)
        return
    try:
        text = decode(data, origin, limit)
    except IngestError as exc:
        yield reject(exc, origin)
        return
    if not text.strip():
        yield reject(IngestError(f"{origin}: empty input", RejectReason.EMPTY), origin)
        return
    kind = suffix if suffix in {".json", ".jsonl", ".txt"} | HTML_SUFFIXES else _sniff_kind(text)
    if kind == ".json":
        yield from _read_json(text, origin, meta, settings)
    elif kind == ".jsonl":
        yield from _read_jsonl(text, origin, meta, settings)
    elif kind == ".xml":
        yield from read_feed(data, origin, meta, settings)
    else:
        yield guard(lambda: article_from_text(text, origin=origin, meta=meta, html=kind in HTML_SUFFIXES,
                                              settings=settings), origin)


def _read_file(path: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    suffix = os.path.splitext(path)[1].lower()
    limit = settings.max_article_bytes * (COLLECTION_FACTOR if suffix in COLLECTION_SUFFIXES else 1)
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                yield reject(oversized(path, size, limit), path)
                return
            data = fh.read(limit + 1)
    except OSError as exc:
        yield reject(IngestError(f"{path}: cannot read: {exc.strerror or exc}", RejectReason.UNREADABLE), path)
        return
    yield from read_one(data, path, suffix, meta, settings)


def _read_folder(folder: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    found = False
    for entry in walk_folder(folder):
        if isinstance(entry, tuple):
            yield reject(entry[1], entry[0])
            continue
        found = True
        yield from _read_file(entry, meta, settings)
    if not found:
        suffixes = " ".join(sorted(INPUT_SUFFIXES))
        yield reject(IngestError(f"{folder}: folder holds no input files ({suffixes})", RejectReason.EMPTY),
                     folder)


def read_articles(paths: Iterable[str], *, meta: Metadata = NO_METADATA, settings: Settings = DEFAULT_SETTINGS,
                  stdin: BinaryIO | None = None) -> Iterator[Article | Rejection]:
    """Articles (or Rejections) from each path in order; ``-`` reads standard input.

    A folder is read recursively, file by file in name order (see ``folders.walk_folder``).
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(settings.max_article_bytes * COLLECTION_FACTOR + 1)
            yield from read_one(data, "<stdin>", "", meta, settings)
        elif os.path.isdir(path):
            yield from _read_folder(path, meta, settings)
        else:
            yield from _read_file(path, meta, settings)
