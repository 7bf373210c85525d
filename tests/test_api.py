"""The HTTP API and the pages' JSON twins (warledger/api, warledger/web), through FastAPI's TestClient
over a ledger ingested from corpus/ledger/articles: in SQLite, and in PostgreSQL when
WARLEDGER_TEST_PG_URL is set (a team serves its shared ledger from there)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warledger.api import create_app
from warledger.ledger.reading import show_json, timeline_json
from warledger.ledger.runner import ingest
from warledger.settings import Settings
from warledger.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "ledger" / "articles"
TOKEN = "test-token-0123456789abcdef"
EVENT = "A-2025-08-28-RU-UA"      # the demo's event: several sources, conflicts and arithmetic flags
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'ledger.db'}"
    else:
        url = str(request.getfixturevalue("pg_module_url"))
    store = open_store(url)
    try:
        ingest([str(CORPUS)], store, settings=Settings())
    finally:
        store.close()
    return url


@pytest.fixture(scope="module")
def client(ledger_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_url)) as test_client:
        yield test_client


@pytest.fixture
def reader(ledger_url: str) -> Iterator[Store]:
    store = open_store(ledger_url)
    try:
        yield store
    finally:
        store.close()


def _article_id(client: TestClient) -> str:
    return str(client.get(f"/api/events/{EVENT}").json()["sources"][0])


# -- read-only API
def test_api_events_lists_newest_first_with_the_ledger_shape(client: TestClient) -> None:
    data = client.get("/api/events").json()
    dates = [e["date"] for e in data["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    assert {"id", "kind", "date", "places", "sources", "flags", "figures"} <= set(data["events"][0])


def test_api_events_paginates_with_a_next_link(client: TestClient) -> None:
    first = client.get("/api/events?limit=3").json()
    assert len(first["events"]) == 3 and first["prev"] is None
    assert first["next"] == "/api/events?limit=3&offset=3"
    second = client.get(first["next"]).json()
    assert second["prev"] == "/api/events?limit=3&offset=0"
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    last = client.get("/api/events?limit=500").json()
    assert last["next"] is None


@pytest.mark.parametrize(("query", "check"), [
    ("kind=diplomacy", lambda e: e["kind"] == "diplomacy"),
    ("since=2025-08-01&until=2025-08-31", lambda e: "2025-08-01" <= e["date"] <= "2025-08-31"),
    ("place=kyiv", lambda e: "Kyiv" in e["places"]),
    ("weapon=ballistic_missile", lambda e: any(f["what"] == "ballistic_missile" for f in e["figures"])),
])
def test_api_events_filters(client: TestClient, query: str, check: object) -> None:
    rows = client.get(f"/api/events?{query}").json()["events"]
    assert rows
    assert all(check(e) for e in rows)  # type: ignore[operator]


@pytest.mark.parametrize("query", ["since=2025-13-01", "kind=nothing", "limit=0", "limit=501", "offset=-1"])
def test_api_events_rejects_bad_parameters(client: TestClient, query: str) -> None:
    assert client.get(f"/api/events?{query}").status_code == 422


def test_api_event_is_show_json_with_marked_evidence(client: TestClient, reader: Store) -> None:
    data = client.get(f"/api/events/{EVENT}").json()
    expected = show_json(reader, EVENT)
    assert expected is not None
    assert data["id"] == expected["id"] and data["reports"] == expected["reports"]
    assert data["conflicts"] >= 1 and data["flags"]
    assert {r["date"] for r in data["reports"]} == {EVENT[2:12]}   # every source dates the night alike
    assert f"dates it {EVENT[2:12]}" in client.get(f"/events/{EVENT}").text
    claim = data["figures"][0]["claims"][0]
    marked = [p["text"] for p in claim["context_parts"] if p["mark"]]
    assert marked == [claim["evidence"]["text"]]


def test_api_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/events/A-1999-01-01-RU-UA").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/events/nope").status_code == 404
    assert client.get("/events/nope.json").json()["status"] == 404
    assert client.get("/articles/nope.json").status_code == 404


def test_api_articles_list_and_one(client: TestClient) -> None:
    listing = client.get("/api/articles?limit=5").json()
    assert len(listing["articles"]) == 5 and listing["next"]
    assert "text" not in listing["articles"][0]
    ident = _article_id(client)
    one = client.get(f"/api/articles/{ident}").json()
    assert one["article"]["id"] == ident and one["article"]["text"]
    assert one["extraction"]["format"] == "warledger-extraction/1"
    assert any(e["event_id"] == EVENT for e in one["events"])
    assert "".join(s["text"] for s in one["segments"]) == one["article"]["text"]
    assert any(s.get("kinds") for s in one["segments"])


def test_api_timeline_is_timeline_json(client: TestClient, reader: Store) -> None:
    assert client.get("/api/timeline").json() == timeline_json(reader, None, None, "RU")
    everyone = client.get("/api/timeline?attacker=all&since=2025-07-01&until=2025-07-31").json()
    assert everyone == timeline_json(reader, "2025-07-01", "2025-07-31", None)
    assert client.get("/api/timeline?attacker=XX").status_code == 422


def test_api_search_finds_words_and_ignores_operators(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "Lutsk drones"}).json()
    assert data["hits"][0]["id"] == "l1-crossway-flash-record-drones-2025-07-09"
    assert all(any(p["mark"] for p in h["snippet_parts"]) for h in data["hits"])
    for hostile in ['"unbalanced', "NEAR(a b", "a OR", "*", "'; DROP TABLE articles; --"]:
        assert client.get("/api/search", params={"q": hostile}).status_code == 200
    assert client.get("/api/search", params={"q": "---"}).json()["hits"] == []


@pytest.mark.parametrize(("fmt", "kind"), [("csv", "text/csv"), ("jsonl", "application/x-ndjson"),
                                           ("geojson", "application/geo+json")])
def test_api_exports_stream(client: TestClient, fmt: str, kind: str) -> None:
    response = client.get(f"/api/export/{fmt}")
    assert response.status_code == 200 and response.headers["content-type"].startswith(kind)
    if fmt == "jsonl":
        assert all(json.loads(line)["id"] for line in response.text.splitlines())
    elif fmt == "geojson":
        assert json.loads(response.text)["features"]
    else:
        assert response.text.startswith("event_id,kind,date")
    assert client.get("/api/export/xml").status_code == 422


def test_openapi_schema_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/timeline", "/api/search", "/api/articles",
            "/api/export/{fmt}"} <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/articles"]
    page = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in page and "https://" not in page
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


# -- pages and their JSON twins
@pytest.mark.parametrize("path", ["/", "/events", f"/events/{EVENT}", "/search?q=Kyiv"])
def test_pages_render_and_have_json_twins(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = client.get(f"{'/' if base == '/' else base}.json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert isinstance(twin.json(), dict)


def test_article_page_and_twin(client: TestClient) -> None:
    ident = _article_id(client)
    page = client.get(f"/articles/{ident}").text
    assert "<mark id=\"at-" in page
    assert client.get(f"/articles/{ident}.json").json()["article"]["id"] == ident


def test_events_page_filters_treat_empty_fields_as_unset(client: TestClient) -> None:
    data = client.get("/events.json?since=&until=&place=&kind=&weapon=drone").json()
    assert data["filters"]["weapon"] == "drone" and data["filters"]["since"] is None
    assert client.get("/events.json?weapon=catapult").status_code == 422


def test_timeline_page_json_has_days_waves_and_places(client: TestClient) -> None:
    data = client.get("/.json").json()
    assert data["days"] and data["places"] and data["weapons"]
    assert any(d["diplomacy"] for d in data["days"])
    day = next(d for d in data["days"] if d["attacks"])
    assert data["waves"][day["date"]]


def test_map_places_sum_the_weapons_and_casualties_of_the_waves_that_hit_them(client: TestClient) -> None:
    places = {p["name"]: p for p in client.get("/.json").json()["places"]}
    waves = [e for e in client.get("/api/events?kind=attack&limit=500").json()["events"] if e["attacker"] == "RU"]
    kyiv = [e["headline"] for e in waves if "Kyiv" in e["places"]]
    assert places["Kyiv"]["waves"] == len(kyiv)
    for measure in ("launched", "killed", "injured"):
        assert places["Kyiv"][measure] == sum(h.get(measure) or 0 for h in kyiv) > 0


def test_static_assets_are_bundled(client: TestClient) -> None:
    for asset in ("app.css", "dashboard.js", "docs.js", "ukraine-oblasts.geojson"):
        assert client.get(f"/static/{asset}").status_code == 200
    geo = client.get("/static/ukraine-oblasts.geojson").json()
    assert len(geo["features"]) == 27


# -- writing
ARTICLE = {"id": "api-post-1", "title": "Drones over Kharkiv", "source": "API Wire", "published": "2025-09-03",
           "url": "https://example.org/a", "text": "Russia launched 41 drones at Kharkiv overnight into Wednesday, "
                                                   "Ukraine's air force said; 37 were shot down."}


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", TOKEN, settings=Settings(max_article_bytes=1_000))
    with TestClient(app) as test_client:
        yield test_client


def test_post_is_refused_without_a_server_token(client: TestClient) -> None:
    assert client.post("/api/articles", json=ARTICLE, headers=AUTH).status_code == 403


def test_post_needs_the_bearer_token(writable: TestClient) -> None:
    assert writable.post("/api/articles", json=ARTICLE).status_code == 401
    assert writable.post("/api/articles", json=ARTICLE, headers={"Authorization": "Basic abc"}).status_code == 401
    assert writable.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"}).status_code == 403
    assert writable.get("/api/articles").json()["articles"] == []


def test_post_ingests_one_or_many(writable: TestClient) -> None:
    summary = writable.post("/api/articles", json=ARTICLE, headers=AUTH).json()
    assert summary["articles_new"] == 1 and summary["events_created"] == 1
    bad_date = {**ARTICLE, "id": "other", "text": "Other text.", "published": "yesterday"}
    again = writable.post("/api/articles", json=[ARTICLE, bad_date], headers=AUTH).json()
    assert again["duplicates"] == 1 and again["rejected"] == 1 and again["rejections"]
    assert [a["id"] for a in writable.get("/api/articles").json()["articles"]] == ["api-post-1"]


@pytest.mark.parametrize("body", [{**ARTICLE, "extra": 1}, {"title": "no text"}, [1, 2], "text",
                                  {**ARTICLE, "html": "<p>both</p>"}])
def test_post_validates_bodies(writable: TestClient, body: object) -> None:
    assert writable.post("/api/articles", json=body, headers=AUTH).status_code == 422


def test_post_body_limit_is_413(writable: TestClient) -> None:
    big = {**ARTICLE, "text": "x" * 50_001}   # the limit: max_article_bytes (1,000 here) x 50
    assert writable.post("/api/articles", json=big, headers=AUTH).status_code == 413
    chunks = (b"x" * 10_000 for _ in range(6))  # no Content-Length: counted while read
    response = writable.post("/api/articles", content=chunks, headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 413


def test_search_on_every_store(store: Store) -> None:
    """Full-text search through the Store protocol, on SQLite and (when configured) PostgreSQL."""
    ingest([str(CORPUS / "l1-crossway-flash-record-drones-2025-07-09.json")], store, settings=Settings())
    hits = store.search("Lutsk drone", 10, 0)
    assert [h.id for h in hits] == ["l1-crossway-flash-record-drones-2025-07-09"]
    assert store.search("Lutsk", 10, 1) == [] and store.search("zzzqqq", 10, 0) == []
    assert store.search('" OR (', 10, 0) == []
    assert store.article_summaries(10, 0)[0].id == hits[0].id
