"""HTML pages reduced to their main text with trafilatura (menus, related links and footers dropped)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs
from lxml import html as lxml_html

from ..errors import IngestError, RejectReason

log = logging.getLogger(__name__)

# The page's own address and outlet name, looked up directly when trafilatura gives none.
URL_XPATHS = ('//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href',
              '//meta[@property="og:url"]/@content')
SITE_NAME_XPATH = '//meta[@property="og:site_name"]/@content'
# The publication time to the minute, where trafilatura keeps only the day.
PUBLISHED_XPATH = ('//meta[@property="article:published_time"]/@content | '
                   '//meta[@itemprop="datePublished"]/@content | //time[@itemprop="datePublished"]/@datetime')
# When the page was last updated (a live blog's newest post).
UPDATED_XPATH = ('//meta[@property="article:modified_time"]/@content | //meta[@property="og:updated_time"]/@content'
                 ' | //meta[@itemprop="dateModified"]/@content | //time[@itemprop="dateModified"]/@datetime')
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True, slots=True)
class ReducedPage:
    text: str
    title: str | None
    published: str | None
    url: str | None = None
    source: str | None = None  # the outlet: og:site_name, else a publisher name trafilatura found
    updated: str | None = None  # when the page was last updated, to the minute


class _PageLinks(NamedTuple):
    """What the markup itself says: canonical or og:url address, og:site_name, published and updated times."""

    url: str | None = None
    name: str | None = None
    published: str | None = None
    updated: str | None = None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<?xml"))


def _absolute_url(value: object) -> str | None:
    text = value.strip() if isinstance(value, str) else ""
    return text if text.lower().startswith(("http://", "https://")) and " " not in text else None


def _outlet_name(value: object) -> str | None:
    """A site name that names an outlet: not an address (trafilatura falls back to the host name or a URL)."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text or "/" in text or ("." in text and " " not in text):
        return None
    return text


def _stamp(value: object) -> str | None:
    """An ISO datetime with its time of day, or None."""
    text = value.strip() if isinstance(value, str) else ""
    if len(text) <= 10:
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return text


def _page_links(raw: str) -> _PageLinks:
    try:  # lxml refuses a str that still carries an XML encoding declaration
        tree = lxml_html.document_fromstring(XML_DECLARATION.sub("", raw, count=1))
    except (etree.LxmlError, ValueError):
        return _PageLinks()
    url = next((u for xpath in URL_XPATHS for u in map(_absolute_url, tree.xpath(xpath)) if u), None)
    name = next((n for n in map(_outlet_name, tree.xpath(SITE_NAME_XPATH)) if n), None)
    stamp = next((t for t in map(_stamp, tree.xpath(PUBLISHED_XPATH)) if t), None)
    updated = next((t for t in map(_stamp, tree.xpath(UPDATED_XPATH)) if t), None)
    return _PageLinks(url, name, stamp, updated)


def reduce_html(raw: str, *, min_chars: int, where: str = "HTML page") -> ReducedPage:
    """The main text of an HTML page, one paragraph per line; raises IngestError when there is none."""
    import trafilatura  # imported here: loading it costs ~0.3 s, which plain-text runs never pay

    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises many types on hostile markup
        raise IngestError(f"{where}: HTML could not be parsed: {type(exc).__name__}: {exc}",
                          RejectReason.NO_MAIN_TEXT) from exc
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if len(text.strip()) < min_chars:
        raise IngestError(f"{where}: HTML page has no article text (menus and boilerplate only?)",
                          RejectReason.NO_MAIN_TEXT)
    title = getattr(doc, "title", None) or None
    date = getattr(doc, "date", None) or None
    links = _page_links(raw)
    if links.published is not None and (date is None or links.published.startswith(date)):
        date = links.published  # the same day, to the minute: orders a live blog's reports
    url = _absolute_url(getattr(doc, "url", None)) or links.url
    source = links.name or _outlet_name(getattr(doc, "sitename", None))
    return ReducedPage(text=text, title=title, published=date, url=url, source=source, updated=links.updated)
