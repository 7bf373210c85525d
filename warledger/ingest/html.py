"""HTML pages reduced to their main text with trafilatura (menus, related links and footers dropped)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..errors import IngestError, RejectReason

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReducedPage:
    text: str
    title: str | None
    published: str | None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<?xml"))


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
    return ReducedPage(text=text, title=title, published=date)
