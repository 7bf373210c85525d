"""Ingesting posted articles: the validated records go through ``ledger.runner.ingest`` like any input.

DOCS: docs/api.md#writing
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..ledger.runner import ingest
from ..settings import Settings
from ..store import Store
from .models import ArticleIn

__all__ = ["ingest_posted"]


def ingest_posted(store: Store, articles: Sequence[ArticleIn], settings: Settings) -> dict[str, Any]:
    """Ingest posted articles (written to a temporary JSON file ingest reads); the ingest summary.

    Rejections are stored as for any input; their origin names the temporary file (``posted.json``).
    """
    records = [a.model_dump(exclude_none=True) for a in articles]
    before = {(r.origin, r.reason, r.detail) for r in store.rejections()}
    with tempfile.TemporaryDirectory(prefix="warledger-post-") as folder:
        path = Path(folder) / "posted.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        summary = ingest([str(path)], store, settings=settings)
    rejected = [r.to_dict() for r in store.rejections() if (r.origin, r.reason, r.detail) not in before]
    return {**summary.to_dict(), "rejections": rejected}
