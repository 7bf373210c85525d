"""Claims: every figure of an article's attack wave, as a record tied to its source and evidence."""

from __future__ import annotations

from ..ids import claim_id
from ..records import Attack
from .records import Claim, StoredArticle

__all__ = ["claims_of"]


def claims_of(article: StoredArticle, item_index: int, attack: Attack, event_id: str) -> list[Claim]:
    """One claim per figure of ``attack`` (item ``item_index`` of the article), on ``event_id``."""
    claims = []
    for f in attack.figures:
        claims.append(Claim(
            id=claim_id(article.id, item_index, str(f.measure), str(f.what), f.model, f.value,
                        f.evidence.start, f.evidence.end),
            event_id=event_id, article_id=article.id, measure=str(f.measure), what=str(f.what), value=f.value,
            qualifier=str(f.qualifier), model=f.model, place=None if f.place is None else f.place.name,
            attributed_to=f.attributed_to, hedged=f.hedged, source=article.source, published=article.published,
            story_id=article.story_id, evidence_start=f.evidence.start, evidence_end=f.evidence.end,
            evidence_text=f.evidence.text, updated=article.updated))
    return claims
