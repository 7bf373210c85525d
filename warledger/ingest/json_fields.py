"""The fields of a JSON article record, under the names scrapers, feed exports and news APIs give them.

A desk's archive rarely says ``text``: a scraper writes ``body`` or ``content``, NewsAPI
``publishedAt`` and ``source: {"name": ...}``, WordPress ``content: {"rendered": "<p>..."}``,
a schema.org export ``articleBody`` and ``datePublished``. ``FIELD_NAMES`` lists, per field,
the names read, in order: the first one present (not null) is the field. A value may also be an
object holding the string under ``rendered``, ``name`` or ``value``.

The body is ``text`` (plain text, as given) or ``html`` (reduced to its main text); the other
names of the body are HTML when they look like a page or a fragment of one (``<p>``, ``<div>``,
...), plain text otherwise.

Where a record has no address of its own and its source is one (``"source": "https://..."``, as
many feed exports give the page), that is the article's address, and its site the source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from ..errors import IngestError, RejectReason
from .articles import check_published
from .html import looks_like_html

# field -> the names it is read from, first found wins ("text" and "html" are the body, below)
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article_body", "articleBody", "body_text", "full_text", "fullText"),
    "html": ("html", "body_html", "content_html", "html_content"),
    "published": ("published", "published_at", "publishedAt", "datePublished", "date_published", "pubDate",
                  "date"),
    "updated": ("updated", "updated_at", "updatedAt", "dateModified", "date_modified", "modified"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "site_name", "publisher"),
    "url": ("url", "link", "canonical_url"),
    "id": ("id", "guid", "uuid"),
}
# where an object holds the string it stands for (WordPress "rendered", NewsAPI's and schema.org's "name")
INNER_KEYS = ("rendered", "name", "value")
DATE_FIELDS = frozenset({"published", "updated"})


@dataclass(frozen=True, slots=True)
class RecordFields:
    """One record's fields, under their canonical names; ``is_html`` tells how to read ``body``."""

    body: str
    is_html: bool
    published: str | None
    updated: str | None
    title: str | None
    source: str | None
    url: str | None
    id: str | None


def read_fields(obj: Mapping[str, Any], origin: str) -> RecordFields:
    """The fields of a JSON record (a clear ``malformed_json`` or ``bad_date`` IngestError when one is unusable)."""
    body, is_html = _body(obj, origin)
    values: dict[str, str | None] = {}
    for field in ("published", "updated", "title", "source", "url"):
        found = _first(obj, field, origin)
        if found is None:
            values[field] = None
            continue
        name, value = found
        if not isinstance(value, str) and field in DATE_FIELDS:
            raise IngestError(f"{origin}: {name} must be an ISO date string, got {value!r}", RejectReason.BAD_DATE)
        if not isinstance(value, str):
            raise IngestError(f"{origin}: field {name!r} must be a string", RejectReason.MALFORMED_JSON)
        values[field] = _date(value, name, origin) if field in DATE_FIELDS else value
    source, url = values["source"], values["url"]
    if url is None and source is not None and (site := _site(source)) is not None:
        source, url = site, source.strip()
    return RecordFields(body=body, is_html=is_html, published=values["published"], updated=values["updated"],
                        title=values["title"], source=source, url=url, id=_id(obj, origin))


def _site(value: str) -> str | None:
    """The site of an absolute http(s) address ("https://www.wire.example/a" -> "wire.example"), else None."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value.strip():
        return None
    host = parts.hostname
    return host[4:] if host.startswith("www.") else host


def _body(obj: Mapping[str, Any], origin: str) -> tuple[str, bool]:
    text, html = _first(obj, "text", origin), _first(obj, "html", origin)
    for found, as_html in ((text, False), (html, True)):
        if found is not None and isinstance(found[1], str):
            name, value = found
            # "text" is plain text as given; another name of the body may hold a page
            return value, as_html or (name != "text" and looks_like_html(value))
    wrong = next((f"; {f[0]!r} is {type(f[1]).__name__}" for f in (text, html) if f is not None), "")
    raise IngestError(f"{origin}: JSON article needs a string field 'text' (or 'html', 'body', 'content', ...: "
                      f"docs/cli.md){wrong}", RejectReason.MALFORMED_JSON)


def _first(obj: Mapping[str, Any], field: str, origin: str) -> tuple[str, Any] | None:
    """(name, value) of the first name of ``field`` present and not null; an object gives its inner string."""
    for name in FIELD_NAMES[field]:
        value = obj.get(name)
        if value is None:
            continue
        if isinstance(value, Mapping):
            inner = next((value[k] for k in INNER_KEYS if isinstance(value.get(k), str)), None)
            if inner is None:
                raise IngestError(f"{origin}: field {name!r} must be a string (or an object with a string "
                                  f"{' / '.join(repr(k) for k in INNER_KEYS)})", RejectReason.MALFORMED_JSON)
            return name, inner
        return name, value
    return None


def _id(obj: Mapping[str, Any], origin: str) -> str | None:
    found = _first(obj, "id", origin)
    if found is None:
        return None
    name, value = found
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise IngestError(f"{origin}: field {name!r} must be a string", RejectReason.MALFORMED_JSON)
    return str(value)


def _date(value: str, name: str, origin: str) -> str:
    """An ISO date, kept as given, or an RFC 822 one (an RSS export's ``pubDate``) as ISO; else a ``bad_date``
    error that names the field as the record spells it."""
    text = value.strip()
    if not text[:1].isalpha():
        return check_published(value, origin, name) or value
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        raise IngestError(f"{origin}: {name} {value!r} is not an ISO date (YYYY-MM-DD) or an RFC 822 date",
                          RejectReason.BAD_DATE) from exc
