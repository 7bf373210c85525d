"""The dashboard in a real browser: Playwright's Python package driving Debian's Chromium
(/usr/bin/chromium; never a downloaded browser) against the app served by uvicorn in a thread.

Without Chromium these tests skip with a message, unless WARLEDGER_REQUIRE_BROWSER=1 (CI), where
they fail. Screenshots go to the test's tmp folder and, when set, to $WARLEDGER_SCREENSHOTS.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warledger.api import create_app
from warledger.ledger.runner import ingest
from warledger.settings import Settings
from warledger.store import open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "ledger" / "articles"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
EVENT = "A-2025-08-28-RU-UA"
VIEWPORTS = {"desktop": (1366, 768), "phone": (390, 844)}


def require_browser() -> None:
    """Skip (or fail, with WARLEDGER_REQUIRE_BROWSER=1) when Chromium or Playwright is missing."""
    problem = None
    if not Path(CHROMIUM).exists():
        problem = f"{CHROMIUM} is missing (apt-get install -y chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing (pip install -e '.[dev]')"
    if problem is not None:
        if os.environ.get("WARLEDGER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"WARLEDGER_REQUIRE_BROWSER=1 but {problem}", pytrace=False)
        pytest.skip(f"browser tests skipped: {problem}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(url: str, token: str | None = None) -> Iterator[str]:
    """Run the app over the ledger at ``url`` with uvicorn in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url, token), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    store = open_store(url)
    try:
        ingest([str(CORPUS)], store, settings=Settings())
    finally:
        store.close()
    yield from serve(url)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def screenshot(page: Any, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    extra = os.environ.get("WARLEDGER_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(extra) / path.name)
    return path


def circle_radii(page: Any) -> dict[str, float]:
    """The map's circles: place name -> radius."""
    radii: dict[str, float] = page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('#map circle.hit')]"
        ".map(c => [c.dataset.place, Number(c.getAttribute('r'))]))")
    return radii


def open_timeline(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_timeline_wave_event_and_source(browser: Any, base_url: str, tmp_path: Path, viewport: str) -> None:
    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    # 1. the timeline: bars for the waves, diamonds for the talks, the oblasts and the places hit
    open_timeline(page, base_url)
    assert page.locator("#chart a.wave").count() > 5
    assert page.locator("#chart a.talk").count() >= 1
    assert page.locator("#map path.oblast").count() == 27
    assert page.locator("#map circle.hit").count() >= 3
    page.select_option("#weapon-class", "drone")
    assert page.locator("#chart a.wave").count() > 5
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, "the page scrolls sideways"
    screenshot(page, tmp_path, f"timeline-{width}x{height}")
    # 2. follow the wave of 2025-08-28 to its event page
    page.locator(f"#chart a.wave[data-date='{EVENT[2:12]}']").click()
    page.wait_for_url(f"**/events/{EVENT}")
    assert page.locator(".badge.conflict").first.is_visible()
    assert page.locator(".flags .badge.flag").count() >= 1
    marks = page.locator("blockquote.evidence mark")
    assert marks.count() >= 5 and marks.first.is_visible()
    screenshot(page, tmp_path, f"event-{width}x{height}")
    # 3. open a source: the article's text with the claim's evidence marked where the link points
    source = page.locator("a.source").first
    anchor = source.get_attribute("href").rsplit("#at-", 1)[1]
    evidence = source.locator("xpath=ancestor::li[1]//mark").first.inner_text()
    source.click()
    page.wait_for_url("**/articles/**")
    target = page.locator(f"article.text mark[id='at-{anchor}']")
    assert target.count() == 1
    assert evidence.startswith(target.inner_text()) or target.inner_text() in evidence
    assert page.locator("article.text mark").count() >= 5
    screenshot(page, tmp_path, f"article-{width}x{height}")
    assert not errors, errors
    page.close()


def test_the_map_sizes_places_by_weapons_or_by_casualties(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    open_timeline(page, base_url)
    by_weapons = circle_radii(page)
    page.select_option("#map-measure", "casualties")   # the circles are sized again, by killed + injured
    by_casualties = circle_radii(page)
    assert by_casualties.keys() == by_weapons.keys() and by_casualties != by_weapons
    places = page.evaluate("fetch('/.json').then(r => r.json())")["places"]
    casualties = {p["name"]: p["killed"] + p["injured"] for p in places}
    assert by_casualties[max(casualties, key=casualties.__getitem__)] == max(by_casualties.values())
    assert all(by_casualties[name] == 3 for name, n in casualties.items() if n == 0)
    page.close()


def test_search_and_event_filters_in_the_browser(browser: Any, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{base_url}/")
    page.fill("header input[name=q]", "Lutsk drones")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("ol.hits li").count() >= 1 and page.locator(".snippet mark").count() >= 1
    page.goto(f"{base_url}/events")
    page.select_option("select[name=weapon]", "ballistic_missile")
    page.fill("input[name=since]", "2025-08-01")
    page.click("form.filters button")
    page.wait_for_url("**weapon=ballistic_missile**")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    screenshot(page, tmp_path, "events-filtered-1366x768")
    page.close()


def test_api_docs_render_offline(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    page.goto(f"{base_url}/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    assert page.locator(".opblock").count() >= 7
    assert not outside, outside
    page.close()
