"""warledger: an evidence-linked ledger of the war in Ukraine's aerial attacks and peace talks.

Library first; the CLI is a thin shell over these functions.

>>> from warledger import extract
>>> result = extract("Russia launched 40 drones overnight.", published="2025-08-21")
>>> result.to_dict()["format"]
'warledger-extraction/1'
"""

from __future__ import annotations

import logging

from .extract import extract_article
from .ids import article_id
from .ingest import check_published, check_unicode, normalise_text
from .records import Article, Extraction

__all__ = ["Article", "Extraction", "extract", "extract_article"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, published: str | None = None, source: str | None = None,
            title: str | None = None, id: str | None = None) -> Extraction:
    """Extract attacks (and, as they arrive, diplomacy, positions, quotes, statistics) from one text.

    ``published`` (ISO date) anchors relative dates such as "overnight into Thursday".
    Raises ``IngestError`` for a malformed ``published``.
    """
    for value, where in ((text, "text"), (source, "source"), (title, "title"), (id, "id")):
        check_unicode(value, where)
    text = normalise_text(text)
    article = Article(id=id or article_id(text), text=text, source=source, title=title,
                      published=check_published(published, "published"))
    return extract_article(article)
