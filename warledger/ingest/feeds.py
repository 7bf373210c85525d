"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files saved on disk: one Article per item or entry.

Each item gives its title, link (``Article.url``), date (``pubDate`` as RFC 822, ``dc:date`` or
Atom ``published``/``updated`` as ISO 8601, written back as an ISO datetime with its offset), and
the longest of its texts (``content:encoded``, Atom ``content``, ``description``/``summary``),
with HTML turned into paragraphs by ``fragments``. The channel or feed title is the source.

The XML parser resolves no entities, loads no DTD and reaches no network, and a file that
declares entities is refused outright: no XXE, no billion laughs. DOCS: docs/data-sources.md
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import partial
from typing import Any
from urllib.parse import urljoin

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs

from ..errors import IngestError, RejectReason
from ..records import Article, Rejection
from ..settings import Settings
from .articles import Metadata, article_from_text, decode, guard, reject
from .fragments import element_to_text, html_to_text, plain_to_text

__all__ = ["FEED_SUFFIXES", "FeedItem", "feed_date", "looks_like_feed", "parse_feed", "read_feed"]

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})

ATOM = frozenset({"http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", None})  # 1.0, 0.3, none given
RSS = frozenset({None, "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"})
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CONTENT = frozenset({"http://purl.org/rss/1.0/modules/content/"})
DC = frozenset({"http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"})

# Where a feed's root element would be: after the XML declaration, comments, PIs and a doctype.
_FEED_ROOT = re.compile(r"""\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)\s*)*
                            <(?:[A-Za-z_][\w.-]*:)?(?:rss|RDF|feed)[\s>/]""", re.S | re.X)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item or entry as the feed gives it; ``published`` is still the feed's own date string."""

    number: int
    title: str | None
    url: str | None
    published: str | None
    text: str
    updated: str | None = None  # an Atom entry's <updated>, when it also has <published>


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]


class NotAFeed(Exception):
    """Well-formed XML whose root is not rss, rdf:RDF or feed (``root`` is its local name)."""

    def __init__(self, root: str) -> None:
        super().__init__(root)
        self.root = root


def looks_like_feed(text: str) -> bool:
    """Whether text starts like an RSS, RDF or Atom document (used to sniff standard input)."""
    return _FEED_ROOT.match(text[:4000]) is not None


def _name(element: Any) -> tuple[str | None, str]:
    """(namespace, local name) of an element; ("", "") for comments, PIs and entities."""
    if not isinstance(element.tag, str):
        return "", ""
    qname = etree.QName(element)
    return qname.namespace, qname.localname


def _children(parent: Any, namespaces: frozenset[str | None], *names: str) -> list[Any]:
    return [c for c in parent if _name(c)[0] in namespaces and _name(c)[1] in names]


def _text(element: Any) -> str:
    return "".join(element.itertext())


def _first_text(parent: Any, namespaces: frozenset[str | None], *names: str) -> str | None:
    """The stripped text of the first child with one of ``names`` (in that order of preference)."""
    for name in names:
        for child in _children(parent, namespaces, name):
            text = _text(child).strip()
            if text:
                return text
    return None


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def _atom_text(element: Any) -> str:
    """An Atom text construct (``type`` text, html or xhtml) as plain text; out-of-line content is empty."""
    kind = (element.get("type") or "text").strip().lower()
    if element.get("src") is not None:
        return ""
    if kind in {"xhtml", "application/xhtml+xml"}:
        return element_to_text(element)
    if kind in {"html", "text/html"} or element.get("mode") == "escaped":
        return html_to_text(_text(element))
    if kind == "text" or kind.startswith("text/"):
        return plain_to_text(_text(element))
    return ""  # base64 or another media type: not text


def _longest(texts: list[str]) -> str:
    return max(texts, key=len, default="")


def _rss_item(item: Any, number: int) -> FeedItem:
    title = _first_text(item, RSS, "title")
    url = _first_text(item, RSS, "link")
    if url is None:
        guids = _children(item, RSS, "guid")
        if guids and guids[0].get("isPermaLink", "true").strip().lower() != "false":
            url = _first_text(item, RSS, "guid")
        url = url or item.get(f"{{{RDF}}}about")
    texts = [html_to_text(_text(c)) for c in _children(item, CONTENT, "encoded") + _children(item, RSS, "description")]
    published = _first_text(item, RSS, "pubDate") or _first_text(item, DC, "date", "created", "issued", "modified")
    return FeedItem(number=number, title=_one_line(html_to_text(title) if title else None), url=url,
                    published=published, text=_longest(texts))


def _atom_link(entry: Any) -> str | None:
    links = [link for link in _children(entry, ATOM, "link") if (link.get("href") or "").strip()]
    alternates = [link for link in links if (link.get("rel") or "alternate").strip() == "alternate"]
    if not alternates:
        return None
    best = next((link for link in alternates if "html" in (link.get("type") or "html")), alternates[0])
    href = str(best.get("href")).strip()
    base = best.base
    return urljoin(str(base), href) if base else href


def _atom_entry(entry: Any, number: int) -> FeedItem:
    titles = _children(entry, ATOM, "title")
    texts = [_atom_text(c) for c in _children(entry, ATOM, "content", "summary")]
    published = (_first_text(entry, ATOM, "published", "updated", "issued", "modified", "created")
                 or _first_text(entry, DC, "date"))
    updated = _first_text(entry, ATOM, "updated") if _children(entry, ATOM, "published") else None
    return FeedItem(number=number, title=_one_line(_atom_text(titles[0])) if titles else None,
                    url=_atom_link(entry), published=published, text=_longest(texts), updated=updated)


def parse_feed(root: Any) -> Feed:
    """The title and items of a parsed RSS 2.0, RSS 1.0/RDF or Atom document; ``NotAFeed`` otherwise."""
    namespace, name = _name(root)
    if name == "feed" and namespace in ATOM:
        titles = _children(root, ATOM, "title")
        items = tuple(_atom_entry(e, n) for n, e in enumerate(_children(root, ATOM, "entry"), 1))
        return Feed(title=_one_line(_atom_text(titles[0])) if titles else None, items=items)
    if (name == "RDF" and namespace == RDF) or name == "rss":
        channels = _children(root, RSS, "channel")
        # RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it under rdf:RDF
        holder = channels[0] if channels and name == "rss" else root
        title = _first_text(channels[0], RSS, "title") if channels else None
        items = tuple(_rss_item(i, n) for n, i in enumerate(_children(holder, RSS, "item"), 1))
        return Feed(title=_one_line(html_to_text(title) if title else None), items=items)
    raise NotAFeed(name or "?")


def feed_date(value: str, where: str) -> str:
    """An RFC 822 or ISO 8601 date as an ISO datetime with offset (UTC when none is given); a day stays a day."""
    text = value.strip()
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    else:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            try:
                moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            except ValueError:
                moment = None
        if moment is not None:
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()
    raise IngestError(f"{where}: date {value!r} is neither RFC 822 (Tue, 10 Jun 2025 08:00:00 +0300) "
                      "nor ISO 8601 (2025-06-10T08:00:00+03:00)", RejectReason.BAD_DATE)


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_comments=True, remove_pis=True, recover=False)


def _entity_problem(root: Any) -> str | None:
    """Why a document's entities are refused: declared ones (XXE, billion laughs) or ones from an unread DTD."""
    dtd = root.getroottree().docinfo.internalDTD
    declared = [] if dtd is None else [entity.name for entity in dtd.iterentities()]
    if declared:
        return f"declares XML entities (<!ENTITY {declared[0]} ...>)"
    used = next(root.iter(etree.Entity), None)
    if used is not None:
        return f"uses the entity {used.text} from a DTD that is not read"
    return None


def _optional_date(value: str | None, where: str) -> str | None:
    """``feed_date`` of a date the item need not have (an entry's <updated>): unreadable, it is dropped,
    not the item."""
    if not value:
        return None
    try:
        return feed_date(value, where)
    except IngestError:
        return None


def _item_article(item: FeedItem, feed: Feed, origin: str, meta: Metadata, settings: Settings) -> Article:
    where = f"{origin}[item {item.number}]"
    published = feed_date(item.published, where) if item.published else meta.published
    item_meta = Metadata(published=published, source=feed.title or meta.source, title=item.title or meta.title,
                         url=item.url, updated=_optional_date(item.updated, where))
    return article_from_text(item.text, origin=where, meta=item_meta, settings=settings)


def read_feed(data: bytes, origin: str, meta: Metadata, settings: Settings) -> Iterator[Article | Rejection]:
    """Articles from the bytes of a feed file (or an XHTML page saved as ``.xml``); Rejections for the rest."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        yield reject(IngestError(f"{origin}:{line}: malformed XML: {exc.msg}", RejectReason.MALFORMED_XML),
                     f"{origin}:{line}")
        return
    problem = _entity_problem(root)
    if problem is not None:
        yield reject(IngestError(f"{origin}: {problem}; refused: entities can read local files or expand "
                                 "without bound, and feeds do not need them", RejectReason.MALFORMED_XML), origin)
        return
    try:
        feed = parse_feed(root)
    except NotAFeed as exc:
        if exc.root.lower() == "html":
            yield guard(lambda: article_from_text(decode(data, origin, settings.max_article_bytes), origin=origin,
                                                  meta=meta, html=True, settings=settings), origin)
        else:
            yield reject(IngestError(f"{origin}: not an RSS, RDF or Atom feed (root element <{exc.root}>)",
                                     RejectReason.MALFORMED_XML), origin)
        return
    if not feed.items:
        yield reject(IngestError(f"{origin}: feed has no items", RejectReason.EMPTY), origin)
        return
    for item in feed.items:
        where = f"{origin}[item {item.number}]"
        yield guard(partial(_item_article, item, feed, origin, meta, settings), where)
