"""Extract: one Article in, one Extraction (format v1) out.

DOCS: docs/extraction.md
"""

from __future__ import annotations

from datetime import date

from ..records import Article, Extraction
from ..resolve.actors import load_actors
from ..resolve.gazetteer import load_gazetteer
from .attacks import find_attacks_and_restatements
from .diplomacy import find_diplomacy
from .positions import find_positions
from .quote_spans import find_spans
from .quotes import find_quotes
from .rules import load_rules
from .statistics import find_statistics
from .text import split_sentences

__all__ = ["extract_article"]


def published_day(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def extract_article(article: Article) -> Extraction:
    """Everything the article reports, each item tied to the characters that state it."""
    rules = load_rules()
    gazetteer = load_gazetteer()
    actors = load_actors()
    sentences = split_sentences(article.text)
    published = published_day(article)
    attacks, restated = find_attacks_and_restatements(article.text, published, rules, gazetteer, sentences)
    quotations = find_spans(article.text)  # read by the quotes and by the positions of quoted speakers
    quotes = find_quotes(article.text, sentences, actors, quotations)
    diplomacy = find_diplomacy(article.text, sentences, published, actors, gazetteer)
    positions = find_positions(article.text, sentences, actors, gazetteer, quotations)
    # a figure dropped as a restatement of another wave's is no statistic either
    figure_spans = [(f.evidence.start, f.evidence.end) for a in attacks for f in a.figures] + list(restated)
    statistics = find_statistics(article.text, sentences, figure_spans, published)
    return Extraction(article=article, attacks=attacks, diplomacy=diplomacy, positions=positions, quotes=quotes,
                      statistics=statistics)
