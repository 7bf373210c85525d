"""Hostile input: article fields holding HTML and script payloads are shown as text and never run;
security headers are set and no CORS header is ever sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_web_browser import CHROMIUM, CHROMIUM_ARGS, require_browser, screenshot, serve

from warledger.api import create_app
from warledger.api.security import CSP

TOKEN = "security-token-0123456789"
SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned = 2">'
HOSTILE = {
    "id": "hostile-1",
    "title": f"Drones hit Kharkiv {SCRIPT}",
    "source": f"Evil Wire {IMG}",
    "url": "javascript:window.__pwned = 3",
    "published": "2025-09-04",
    "text": (f"Russia launched 52 drones at Kharkiv overnight, Ukraine's air force said {SCRIPT}; 47 were shot down "
             f"{IMG}. Two people were injured in Kharkiv, the regional governor said. "
             "</textarea><svg onload=\"window.__pwned = 4\"></svg>"),
}


@pytest.fixture(scope="module")
def ledger_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'ledger.db'}"
    with TestClient(create_app(url, TOKEN)) as client:
        summary = client.post("/api/articles", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert summary["articles_new"] == 1 and summary["events_created"] == 1, summary
    return url


@pytest.fixture(scope="module")
def client(ledger_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_url)) as test_client:
        yield test_client


def _event_id(client: TestClient) -> str:
    return str(client.get("/api/events").json()["events"][0]["id"])


def _pages(client: TestClient) -> list[str]:
    return ["/", "/events", f"/events/{_event_id(client)}", "/articles/hostile-1", "/search?q=Kharkiv+drones"]


def test_payloads_are_escaped_in_every_page(client: TestClient) -> None:
    for path in _pages(client):
        html = client.get(path).text
        assert SCRIPT not in html and "<img src=x" not in html and "<svg onload" not in html, path
    article = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article
    assert 'href="javascript:' not in article


def test_security_headers_and_no_cors(client: TestClient) -> None:
    for path in ["/", "/api/events", "/static/app.css", "/openapi.json"]:
        response = client.get(path, headers={"Origin": "https://evil.example"})
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert not any(h.lower().startswith("access-control-") for h in response.headers), path
    preflight = client.options("/api/articles", headers={"Origin": "https://evil.example",
                                                         "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_no_script_runs_in_the_browser(ledger_url: str, tmp_path: Path) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser: Any = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for base_url in serve(ledger_url):
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                with TestClient(create_app(ledger_url)) as client:
                    paths = _pages(client)
                for path in paths:
                    page.goto(base_url + path)
                    page.wait_for_load_state("load")
                    assert page.evaluate("window.__pwned === undefined"), f"a payload ran on {path}"
                page.goto(f"{base_url}/articles/hostile-1")
                assert SCRIPT in page.inner_text("article.text")
                assert IMG in page.inner_text("p.meta")
                screenshot(page, tmp_path, "hostile-article-1366x768")
        finally:
            browser.close()
