"""The ledger's commands end to end (warledger/cli_ledger.py) on a temporary SQLite ledger of the
team's cluster corpus: ingest, rejections, db migrate, events, show, timeline, export, eval-ledger,
and the stable JSON shape of events (README "The ledger's JSON", issue #4 item 6)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from warledger.cli import cli
from warledger.ledger.export import CSV_COLUMNS
from warledger.ledger.runner import IngestSummary
from warledger.store import open_store
from warledger.store.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "corpus" / "ledger"
ARTICLES = str(LEDGER / "articles")
GOOD_ARTICLE = LEDGER / "articles" / "l1-halden-flash-kyiv-2025-06-17.json"
UKRAINE_BBOX = (22.0, 44.0, 40.3, 52.5)   # lon/lat: west, south, east, north
TIMELINE_COLUMNS = ("date", "attacks", "launched", "intercepted", "suppressed", "intercepted_share", "killed",
                    "injured", "diplomacy")
EVENTS_CSV_COLUMNS = ("id", "kind", "date", "attacker", "target_country", "type", "venue", "participants", "places",
                      "launched", "intercepted", "suppressed", "killed", "injured", "conflicts", "sources")

ATTACK_KEYS = {"id", "kind", "date", "attacker", "target_country", "headline", "places", "sources", "flags",
               "figures"}
DIPLOMACY_KEYS = {"id", "kind", "date", "type", "participants", "venue", "places", "sources", "flags", "figures"}
HEADLINE_KEYS = {"launched", "intercepted", "suppressed", "killed", "injured"}
FIGURE_KEYS = {"measure", "what", "low", "best", "high", "rule", "conflict", "flags", "claims"}
CLAIM_KEYS = {"article_id", "value", "qualifier", "attribution", "evidence"}


def run(args: Sequence[str], *, ok: bool = True) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
    return result


def run_db(db: str, *args: str, ok: bool = True) -> Result:
    return run([*args, "--db", db], ok=ok)


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Result]:
    """The cluster corpus ingested once through the CLI: (the db file, the ingest's result)."""
    db = str(tmp_path_factory.mktemp("ledger") / "ledger.db")
    return db, run(["ingest", ARTICLES, "--db", db])


@pytest.fixture(scope="module")
def db(ledger: tuple[str, Result]) -> str:
    return ledger[0]


@pytest.fixture(scope="module")
def events(db: str) -> list[dict[str, Any]]:
    """Every event, as `events --format json` gives them."""
    return json.loads(run_db(db, "events", "--format", "json", "--limit", "100000").stdout)


@pytest.fixture
def copy_of(db: str, tmp_path: Path) -> str:
    """A copy of the corpus ledger that a test may write to."""
    target = tmp_path / "copy.db"
    shutil.copyfile(db, target)
    return str(target)


# -- ingest
def test_ingest_prints_the_summary(ledger: tuple[str, Result]) -> None:
    _, result = ledger
    lines = result.stdout.splitlines()
    assert lines[0].startswith("articles: 44 new (4 versions of stored stories), 0 duplicate, 2 rejected"), lines
    assert lines[1].startswith("events:") and " created, 0 updated; " in lines[1]
    assert "figures in conflict" in lines[1] and "arithmetic flags" in lines[1]
    assert result.stderr == ""   # screened-out articles are not errors


def test_ingest_json_summary(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(GOOD_ARTICLE, source)
    summary = json.loads(run(["ingest", str(source), "--db", str(tmp_path / "l.db"), "--json"]).stdout)
    assert set(summary) == set(IngestSummary().to_dict())
    assert {"articles_new", "duplicates", "versions", "rejected", "events_created", "events_updated",
            "undated_items", "conflicts", "flags"} <= set(summary)
    assert all(isinstance(v, int) for v in summary.values())
    assert (summary["articles_new"], summary["duplicates"], summary["rejected"]) == (1, 0, 0)
    assert summary["events_created"] == 1


def test_a_second_ingest_reports_nothing_new(copy_of: str) -> None:
    before = open_store(copy_of)
    counts = before.counts()
    before.close()
    result = run(["ingest", ARTICLES, "--db", copy_of, "--json"])
    summary = json.loads(result.stdout)
    assert (summary["articles_new"], summary["duplicates"]) == (0, 44)
    assert (summary["events_created"], summary["events_updated"], summary["versions"]) == (0, 0, 0)
    after = open_store(copy_of)
    assert after.counts() == counts
    after.close()
    text = run(["ingest", ARTICLES, "--db", copy_of]).stdout
    assert text.startswith("articles: 0 new (0 versions of stored stories), 44 duplicate, 2 rejected")


def unreadable_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GOOD_ARTICLE, folder)
    (folder / "sub" / "scan.txt").write_bytes(b"drones over Lviv\x00\x00\x01\x02")
    return folder


def test_an_unreadable_input_in_a_folder_exits_1_and_is_named_on_stderr(tmp_path: Path) -> None:
    folder = unreadable_folder(tmp_path)
    result = run(["ingest", str(folder), "--db", str(tmp_path / "l.db")], ok=False)
    assert result.exit_code == 1
    assert "scan.txt" in result.stderr and "binary" in result.stderr
    assert "error" in result.stderr
    assert result.stdout.startswith("articles: 1 new"), result.stdout   # the good article still went in
    assert "1 rejected" in result.stdout


def test_an_unreadable_input_is_reported_again_on_a_second_ingest(tmp_path: Path) -> None:
    folder = unreadable_folder(tmp_path)
    db = str(tmp_path / "l.db")
    assert run(["ingest", str(folder), "--db", db], ok=False).exit_code == 1
    again = run(["ingest", str(folder), "--db", db], ok=False)
    assert again.exit_code == 1
    assert "scan.txt" in again.stderr


def test_only_screened_out_articles_rejected_exit_0(ledger: tuple[str, Result]) -> None:
    _, result = ledger
    assert result.exit_code == 0
    assert "2 rejected" in result.stdout


def test_rejections_table_lists_the_reasons(db: str) -> None:
    out = run_db(db, "rejections").stdout
    assert "off_topic" in out and "not_english" in out
    assert "l1-dniproledger-atom-2025-07.xml[item 1]" in out
    assert out.rstrip().endswith("2 rejected")


def test_rejections_json_lists_the_reasons(db: str) -> None:
    rows = json.loads(run_db(db, "rejections", "--format", "json").stdout)
    assert sorted(r["reason"] for r in rows) == ["not_english", "off_topic"]
    assert all(set(r) == {"origin", "stage", "reason", "detail", "at"} for r in rows)
    assert all(r["stage"] == "screen" for r in rows)
    assert any("rhinevalleymonitor.example" in r["detail"] for r in rows)


# -- db migrate
def tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_db_migrate_on_a_fresh_db(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    run_db(str(db), "db", "migrate")
    assert {"articles", "events", "claims", "figures", "reports", "rejections", "_warledger_migrations"} \
        <= tables(db)
    with sqlite3.connect(db) as conn:
        applied = [row[0] for row in conn.execute("SELECT name FROM _warledger_migrations ORDER BY name")]
    assert applied == MIGRATIONS.names()
    assert run_db(str(db), "db", "migrate").stdout.strip() == "up to date"


def test_db_migrate_names_the_migrations_it_applies(tmp_path: Path) -> None:
    out = run_db(str(tmp_path / "fresh.db"), "db", "migrate").stdout
    assert out.splitlines() == [f"applied {name}" for name in MIGRATIONS.names()]


# -- events
def test_events_table_lists_every_event(db: str, events: list[dict[str, Any]]) -> None:
    out = run_db(db, "events", "--limit", "100000").stdout
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "date", "kind"]
    assert len(lines) == len(events) + 1
    for e in events:
        assert any(line.startswith(e["id"] + " ") for line in lines[1:]), e["id"]


def test_events_json_are_newest_first(events: list[dict[str, Any]]) -> None:
    assert len(events) >= 17                # 13 attack nights and 4 diplomatic events told in the corpus
    dates = [e["date"] for e in events]
    assert dates == sorted(dates, reverse=True)
    assert {e["kind"] for e in events} == {"attack", "diplomacy"}


def test_events_csv_has_one_row_per_event(db: str, events: list[dict[str, Any]]) -> None:
    rows = read_csv(run_db(db, "events", "--format", "csv", "--limit", "100000").stdout)
    assert tuple(rows[0]) == EVENTS_CSV_COLUMNS
    assert [r[0] for r in rows[1:]] == [e["id"] for e in events]
    by_id = {r[0]: dict(zip(EVENTS_CSV_COLUMNS, r, strict=True)) for r in rows[1:]}
    for e in events:
        if e["kind"] == "attack" and e["headline"]["launched"] is not None:
            assert by_id[e["id"]]["launched"] == str(e["headline"]["launched"])
        assert by_id[e["id"]]["sources"] == "; ".join(e["sources"])


@pytest.mark.parametrize("kind", ["attack", "diplomacy"])
def test_events_kind_filter(db: str, events: list[dict[str, Any]], kind: str) -> None:
    got = json.loads(run_db(db, "events", "--kind", kind, "--format", "json").stdout)
    assert got
    assert [e["id"] for e in got] == [e["id"] for e in events if e["kind"] == kind]


def test_events_since_until_filter(db: str, events: list[dict[str, Any]]) -> None:
    got = json.loads(run_db(db, "events", "--since", "2025-08-21", "--until", "2025-10-10", "--format",
                            "json").stdout)
    want = [e["id"] for e in events if e["date"] and "2025-08-21" <= e["date"] <= "2025-10-10"]
    assert want and [e["id"] for e in got] == want
    assert {e["date"] for e in got} >= {"2025-08-21", "2025-10-10"}   # both ends are inclusive


@pytest.mark.parametrize("name", ["Kyiv", "kyiv", "LUTSK"])
def test_events_place_filter(db: str, events: list[dict[str, Any]], name: str) -> None:
    got = json.loads(run_db(db, "events", "--place", name, "--format", "json").stdout)
    want = [e["id"] for e in events if name.casefold() in {p.casefold() for p in e["places"]}]
    assert want and [e["id"] for e in got] == want


def test_events_filters_combine(db: str, events: list[dict[str, Any]]) -> None:
    got = json.loads(run_db(db, "events", "--place", "Kyiv", "--since", "2025-10-01", "--kind", "attack",
                            "--format", "json").stdout)
    want = [e["id"] for e in events if e["kind"] == "attack" and "Kyiv" in e["places"] and e["date"] >= "2025-10-01"]
    assert want and [e["id"] for e in got] == want


def test_events_place_nowhere_is_empty(db: str) -> None:
    assert json.loads(run_db(db, "events", "--place", "Atlantis", "--format", "json").stdout) == []


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "09/07/2025"])
def test_events_bad_date_exits_2(db: str, option: str, value: str) -> None:
    result = run_db(db, "events", option, value, ok=False)
    assert result.exit_code == 2
    assert option in result.stderr and value in result.stderr


def test_timeline_bad_date_exits_2(db: str) -> None:
    result = run_db(db, "timeline", "--since", "2025-02-30", ok=False)
    assert result.exit_code == 2 and "--since" in result.stderr


# -- the JSON shape (README "The ledger's JSON"; issue #4 item 6)
def test_every_event_has_exactly_the_documented_keys(events: list[dict[str, Any]]) -> None:
    for e in events:
        assert set(e) == (ATTACK_KEYS if e["kind"] == "attack" else DIPLOMACY_KEYS), e["id"]
        assert isinstance(e["id"], str) and isinstance(e["date"], str)
        assert all(isinstance(p, str) for p in e["places"])
        assert e["sources"] and all(isinstance(s, str) for s in e["sources"])
        assert all(set(f) == {"code", "detail"} for f in e["flags"])
        if e["kind"] == "attack":
            assert set(e["headline"]) == HEADLINE_KEYS
            assert e["attacker"] in {"RU", "UA"} and e["target_country"] in {"RU", "UA"}
        else:
            assert isinstance(e["participants"], list) and e["type"] in {"meeting", "call", "agreement"}
        for f in e["figures"]:
            assert set(f) == FIGURE_KEYS, (e["id"], f["measure"], f["what"])
            assert f["low"] <= f["best"] <= f["high"]
            assert isinstance(f["conflict"], bool)
            assert f["conflict"] == any(x["code"] == "conflict" for x in f["flags"])
            assert f["claims"]
            for c in f["claims"]:
                assert CLAIM_KEYS <= set(c), (e["id"], sorted(c))
                assert c["article_id"] in e["sources"]
                assert set(c["evidence"]) == {"start", "end", "text"}
                assert c["evidence"]["end"] - c["evidence"]["start"] == len(c["evidence"]["text"])


def test_event_ids_are_readable(events: list[dict[str, Any]]) -> None:
    for e in events:
        if e["kind"] == "attack":
            assert e["id"].startswith(f"A-{e['date']}-{e['attacker']}-{e['target_country']}")
        else:
            assert e["id"].startswith(f"D-{e['date']}-{e['type']}")


# -- show
def conflicted(events: list[dict[str, Any]]) -> dict[str, Any]:
    return next(e for e in events if any(f["conflict"] for f in e["figures"]))


def test_show_table_marks_conflicts(db: str, events: list[dict[str, Any]]) -> None:
    e = conflicted(events)
    out = run_db(db, "show", e["id"]).stdout
    assert out.startswith(f"{e['id']}  attack  {e['date']}")
    assert "CONFLICT" in out
    assert "sources:" in out
    assert "[" in out and "]" in out   # the evidence, marked in its sentence


def test_show_json_has_reports_and_claim_contexts(db: str, events: list[dict[str, Any]]) -> None:
    e = conflicted(events)
    data = json.loads(run_db(db, "show", e["id"], "--format", "json").stdout)
    assert set(data) == ATTACK_KEYS | {"reports"}
    assert {r["article_id"] for r in data["reports"]} == set(data["sources"]) == set(e["sources"])
    assert all(r["reason"] and r["detail"] for r in data["reports"])
    assert [f["best"] for f in data["figures"]] == [f["best"] for f in e["figures"]]
    claims = [c for f in data["figures"] for c in f["claims"]]
    assert claims
    for c in claims:
        assert c["evidence"]["text"] in c["context"]
        assert len(c["context"]) >= len(c["evidence"]["text"])
        assert "url" in c and "title" in c


def test_show_of_a_diplomatic_event(db: str, events: list[dict[str, Any]]) -> None:
    e = next(e for e in events if e["kind"] == "diplomacy")
    data = json.loads(run_db(db, "show", e["id"], "--format", "json").stdout)
    assert set(data) == DIPLOMACY_KEYS | {"reports"}
    assert e["type"] in run_db(db, "show", e["id"]).stdout


def test_show_of_an_unknown_id_exits_1(db: str) -> None:
    result = run_db(db, "show", "A-1999-01-01-RU-UA", ok=False)
    assert result.exit_code == 1
    assert "A-1999-01-01-RU-UA" in result.stderr and "no event" in result.stderr
    assert result.stdout == ""


# -- timeline
def test_timeline_table(db: str) -> None:
    lines = run_db(db, "timeline").stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "waves", "launched"]
    assert any(line.startswith("2025-07-09 ") for line in lines)


def test_timeline_json(db: str, events: list[dict[str, Any]]) -> None:
    days = json.loads(run_db(db, "timeline", "--format", "json").stdout)
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert all(set(d) == set(TIMELINE_COLUMNS) for d in days)
    russian = {e["date"] for e in events if e["kind"] == "attack" and e["attacker"] == "RU"}
    assert {d["date"] for d in days if d["attacks"]} == russian
    talks = {e["id"] for e in events if e["kind"] == "diplomacy"}
    assert {x["id"] for d in days for x in d["diplomacy"]} == talks
    for d in days:
        if d["launched"] and d["intercepted"] is not None:
            assert d["intercepted_share"] == round(d["intercepted"] / d["launched"], 3)
    july9 = next(d for d in days if d["date"] == "2025-07-09")
    wave = next(e for e in events if e["id"] == "A-2025-07-09-RU-UA")
    assert july9["launched"] == wave["headline"]["launched"]


def test_timeline_csv_and_range(db: str) -> None:
    rows = read_csv(run_db(db, "timeline", "--format", "csv", "--since", "2025-07-01", "--until",
                           "2025-07-31").stdout)
    assert tuple(rows[0]) == TIMELINE_COLUMNS
    assert rows[1:] and all("2025-07-01" <= r[0] <= "2025-07-31" for r in rows[1:])


def test_timeline_for_every_attacker(db: str, events: list[dict[str, Any]]) -> None:
    days = json.loads(run_db(db, "timeline", "--attacker", "all", "--format", "json").stdout)
    waves = sum(d["attacks"] for d in days)
    assert waves == sum(e["kind"] == "attack" for e in events)


# -- export
def test_export_csv(db: str, events: list[dict[str, Any]]) -> None:
    rows = read_csv(run_db(db, "export", "--format", "csv").stdout)
    assert tuple(rows[0]) == CSV_COLUMNS
    body = [dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert len(body) == sum(max(1, len(e["figures"])) for e in events)
    assert {r["event_id"] for r in body} == {e["id"] for e in events}
    one = next(e for e in events if e["figures"])
    f = one["figures"][0]
    row = next(r for r in body if (r["event_id"], r["measure"], r["what"]) == (one["id"], f["measure"], f["what"]))
    assert (row["best"], row["rule"], row["claims"]) == (str(f["best"]), f["rule"], str(len(f["claims"])))


def test_export_jsonl_is_one_event_per_line(db: str, events: list[dict[str, Any]]) -> None:
    lines = run_db(db, "export", "--format", "jsonl").stdout.splitlines()
    exported = [json.loads(line) for line in lines]
    assert len(exported) == len(events)
    by_id = {e["id"]: e for e in events}
    for e in exported:
        assert e == by_id[e["id"]]


def test_export_geojson(db: str, events: list[dict[str, Any]]) -> None:
    data = json.loads(run_db(db, "export", "--format", "geojson").stdout)
    assert data["type"] == "FeatureCollection"
    assert data["features"]
    by_id = {e["id"]: e for e in events}
    west, south, east, north = UKRAINE_BBOX
    on_ukraine = 0
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        event = by_id[props["event_id"]]
        assert event["kind"] == "attack"
        assert props["date"] == event["date"]
        assert props["place"] in event["places"]
        assert HEADLINE_KEYS <= set(props)
        assert props["launched"] == event["headline"]["launched"]
        if event["target_country"] == "UA":
            on_ukraine += 1
            assert west <= lon <= east and south <= lat <= north, (props["event_id"], props["place"], lon, lat)
    assert on_ukraine


def test_export_geojson_puts_each_place_where_the_articles_resolved_it(db: str) -> None:
    data = json.loads(run_db(db, "export", "--format", "geojson").stdout)
    store = open_store(db)
    try:
        wrong = []
        for feature in data["features"]:
            props = feature["properties"]
            resolved = set()
            for report in store.reports_for([props["event_id"]]):
                article = store.get_article(report.article_id)
                assert article is not None
                attack = json.loads(article.extraction)["attacks"][report.item_index]
                resolved |= {(p["lon"], p["lat"]) for p in attack["places"] if p["name"] == props["place"]}
            if resolved and tuple(feature["geometry"]["coordinates"]) not in resolved:
                wrong.append((props["event_id"], props["place"], feature["geometry"]["coordinates"], resolved))
    finally:
        store.close()
    assert wrong == []


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson"])
def test_export_output_writes_a_file(db: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"ledger.{fmt}"
    result = run_db(db, "export", "--format", fmt, "--output", str(target))
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == run_db(db, "export", "--format", fmt).stdout


def test_export_needs_a_format(db: str) -> None:
    assert run_db(db, "export", ok=False).exit_code == 2
    assert run_db(db, "export", "--format", "xml", ok=False).exit_code == 2


# -- eval-ledger
def test_eval_ledger_json() -> None:
    report = json.loads(run(["eval-ledger", str(LEDGER), "--json"]).stdout)
    assert {"pairwise", "versions", "rejected", "mentions", "missing", "split", "merged"} <= set(report)
    for name in ("pairwise", "versions", "rejected"):
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(report[name])
    assert report["pairwise"]["precision"] >= 0.95
    assert report["versions"]["f1"] == 1.0 and report["rejected"]["f1"] == 1.0
    assert report["mentions"] > 0


def test_eval_ledger_needs_a_folder(tmp_path: Path) -> None:
    assert run(["eval-ledger", str(tmp_path / "nowhere")], ok=False).exit_code == 2
