"""The dashboard: server-rendered pages (Jinja2, autoescaped) with small bundled scripts; every page
also answers as JSON at the same URL with ``.json``. DOCS: docs/api.md#pages
"""

from __future__ import annotations

from .views import router

__all__ = ["router"]
