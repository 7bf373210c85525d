"""Request bodies, validated at the boundary with pydantic (STYLE C2: pydantic only here and in config).

DOCS: docs/api.md#writing
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

__all__ = ["ArticleIn", "ArticlesIn"]


class ArticleIn(BaseModel):
    """One article as ``warledger ingest`` reads it from JSON: ``text`` (or ``html``) and optional metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=200)
    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, max_length=2_000)
    source: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2_000)
    published: str | None = Field(default=None, max_length=40, description="ISO date or datetime")

    @model_validator(mode="after")
    def _has_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self


class ArticlesIn(RootModel[ArticleIn | list[ArticleIn]]):
    """One article object, or a list of them."""

    def articles(self) -> list[ArticleIn]:
        return self.root if isinstance(self.root, list) else [self.root]
