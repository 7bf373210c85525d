"""The ledger end to end, on SQLite and (when a server is given) PostgreSQL: the team's cluster
corpus resolved against its gold, re-ingest adds nothing, and an ingest killed midway then run
again gives the same ledger as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from warledger.evaluate.clusters import load_cluster_gold, score_clusters
from warledger.ledger.export import export
from warledger.ledger.records import Event, EventKind
from warledger.ledger.runner import ingest
from warledger.settings import Settings
from warledger.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "corpus" / "ledger"
ARTICLES = str(LEDGER / "articles")
SETTINGS = Settings()

# Floors for event resolution on corpus/ledger (issue #4 asks for 0.95 pairwise precision and
# recall); measured with `warledger eval-ledger corpus/ledger`.
PAIRWISE_PRECISION = 0.95
PAIRWISE_RECALL = 0.95
# corpus/ledger-unseen: clusters of articles the resolver was not written against (see its README);
# floors at what is measured there (`warledger eval-ledger corpus/ledger-unseen`), not at the target
UNSEEN = ROOT / "corpus" / "ledger-unseen"
UNSEEN_FLOORS = {"attack": (0.70, 0.75), "diplomacy": (0.75, 0.47)}


def ledger_dump(store: Store) -> list[dict[str, object]]:
    """Everything the ledger says, as data: every event with figures, claims and sources."""
    return [json.loads(line) for chunk in export(store, "jsonl") for line in chunk.splitlines()]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """The ledger of one uninterrupted SQLite ingest of the cluster corpus."""
    store = open_store(str(tmp_path_factory.mktemp("ref") / "ledger.db"))
    try:
        ingest([ARTICLES], store, settings=SETTINGS)
        return ledger_dump(store)
    finally:
        store.close()


def test_cluster_corpus_resolves_to_its_gold_events(store: Store) -> None:
    summary = ingest([ARTICLES], store, settings=SETTINGS)
    assert summary.rejected == 2            # the off-topic rowing story and the German item
    report = score_clusters(store, load_cluster_gold(LEDGER / "gold"))
    assert report.pairs.precision is not None and report.pairs.precision >= PAIRWISE_PRECISION, report.to_dict()
    assert report.pairs.recall is not None and report.pairs.recall >= PAIRWISE_RECALL, report.to_dict()
    assert report.versions.f1 == 1.0, report.to_dict()
    assert report.rejected.f1 == 1.0, report.to_dict()


def test_unseen_clusters_hold_their_measured_floors(store: Store) -> None:
    ingest([str(UNSEEN / "articles")], store, settings=SETTINGS)
    report = score_clusters(store, load_cluster_gold(UNSEEN / "gold"))
    for kind, (precision, recall) in UNSEEN_FLOORS.items():
        counts = report.by_kind[kind]
        assert counts.precision is not None and counts.precision >= precision, (kind, report.to_dict())
        assert counts.recall is not None and counts.recall >= recall, (kind, report.to_dict())


def test_the_same_input_twice_adds_nothing(store: Store, reference: list[dict[str, object]]) -> None:
    first = ingest([ARTICLES], store, settings=SETTINGS)
    counts = store.counts()
    again = ingest([ARTICLES], store, settings=SETTINGS)
    assert store.counts() == counts
    assert (again.articles_new, again.events_created, again.events_updated) == (0, 0, 0)
    assert again.duplicates == first.articles_new
    assert ledger_dump(store) == reference


def test_two_ingests_of_one_input_at_once_give_the_ledger_of_one(store_url: str,
                                                                 reference: list[dict[str, object]]) -> None:
    # two writers (two analysts, or a cron job and an analyst) ingest the same folder at the same time
    import threading

    open_store(store_url).close()   # migrated once, before the writers start
    summaries, errors = [], []

    def run() -> None:
        writer = open_store(store_url, migrate=False)
        try:
            summaries.append(ingest([ARTICLES], writer, settings=SETTINGS))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            writer.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert sum(s.articles_new for s in summaries) == 44   # every article stored once, by one of them
    assert sum(s.duplicates for s in summaries) == 44     # and found stored by the other
    reader = open_store(store_url, migrate=False)
    try:
        assert ledger_dump(reader) == reference
    finally:
        reader.close()


def test_republished_and_updated_stories_are_linked_and_the_newest_toll_counts(store: Store) -> None:
    ingest([ARTICLES], store, settings=SETTINGS)
    ids = store.article_ids_for_urls(["https://northbank.example/world/2025/08/28/kyiv-strike-toll",
                                      "https://northbank.example/world/2025/08/28/kyiv-strike-toll-update"])
    original, update = (store.get_article(i) for i in ids.values())
    assert original is not None and update is not None
    assert original.story_id == update.story_id
    claims = store.claims_for([r.event_id for r in store.reports_by_article([original.id])])
    older = [c for c in claims if c.article_id == original.id and c.measure == "killed"]
    assert older, "the first version's toll is kept as a claim"


def _count_articles(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize(("kill_after", "batch"), [(5, 1), (23, 1), (9, 4)])
def test_an_ingest_killed_midway_and_run_again_ends_as_an_uninterrupted_one(
        tmp_path: Path, reference: list[dict[str, object]], kill_after: int, batch: int) -> None:
    """Killed between commits (``batch`` articles each; the shipped batch outlasts this small folder)."""
    db = tmp_path / "ledger.db"
    command = [sys.executable, "-m", "warledger", "ingest", ARTICLES, "--db", str(db)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARLEDGER_")}
    env["WARLEDGER_INGEST_BATCH_ARTICLES"] = str(batch)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count_articles(db) < kill_after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the ingest finished before it could be killed: raise kill_after's margin"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count_articles(db)
    assert kill_after <= stored < 44
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    store = open_store(str(db))
    try:
        assert ledger_dump(store) == reference
        assert store.counts()["articles"] == 44
    finally:
        store.close()


def test_an_id_given_to_two_texts_keeps_both_and_the_same_text_again_is_a_duplicate(
        store: Store, tmp_path: Path) -> None:
    from warledger.ingest import read_articles
    from warledger.records import Article

    first, second = [a for a in read_articles([ARTICLES]) if isinstance(a, Article)][:2]
    records = [{"id": "wire-1", "text": first.text, "published": first.published},
               {"id": "wire-1", "text": second.text, "published": second.published},
               {"id": "wire-2", "text": first.text, "published": first.published}]
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = ingest([str(feed)], store, settings=SETTINGS)
    assert (summary.articles_new, summary.duplicates) == (2, 1)
    kept = store.get_article("wire-1")
    assert kept is not None and kept.text == first.text
    other = [a for a in store.article_summaries(10, 0) if a.id != "wire-1"]
    assert len(other) == 1 and other[0].id.startswith("wire-1-")
    again = store.get_article(other[0].id)
    assert again is not None and again.text == second.text


KREMLIN = {"url": "https://one.example/kremlin", "published": "2025-12-02", "title": "Putin receives US envoys",
           "text": "MOSCOW (One Wire) - Russian President Vladimir Putin met U.S. envoys Steve Witkoff and Jared "
                   "Kushner in Moscow on Tuesday to discuss a plan to end the war in Ukraine, the Kremlin said.\n"
                   "Overnight, Russian drones struck Kharkiv, wounding four people, regional officials said."}
BERLIN = {"url": "https://two.example/berlin", "published": "2025-12-15", "title": "Talks move to Berlin",
          "text": "BERLIN (Two Post) - Ukrainian President Volodymyr Zelensky held talks with U.S. envoys in Berlin "
                  "on Sunday about ending the war.\nThe envoys, Steve Witkoff and Jared Kushner, met Vladimir Putin "
                  "in Moscow after the first draft was circulated, but no compromise on territory was found."}


def test_an_undated_meeting_an_article_recalls_goes_on_the_stored_one(store: Store, tmp_path: Path) -> None:
    (tmp_path / "1.json").write_text(json.dumps(KREMLIN), encoding="utf-8")
    (tmp_path / "2.json").write_text(json.dumps(BERLIN), encoding="utf-8")
    ingest([str(tmp_path / "1.json"), str(tmp_path / "2.json")], store, settings=SETTINGS)
    kremlin = store.get_event("D-2025-12-02-meeting")
    assert kremlin is not None and kremlin.date == "2025-12-02"
    reports = store.reports_for(["D-2025-12-02-meeting"])
    assert sorted(r.reason for r in reports) == ["new_event", "recalled"]
    recalled = next(r for r in reports if r.reason == "recalled")
    assert recalled.date is None  # the recalling article gave no day: it does not vote for the event's date
    assert store.get_event("D-2025-12-15-meeting") is None  # not a meeting of its own on the publication day


FIRST_ROUND = {"url": "https://three.example/round-one", "published": "2026-01-24", "title": "Talks open in Abu Dhabi",
               "text": "ABU DHABI (Three Wire) - Delegations of Ukraine, Russia and the United States held talks in "
                       "Abu Dhabi on Friday, the first round of talks on a ceasefire, officials said."}
SECOND_ROUND = {"url": "https://four.example/round-two", "published": "2026-02-05",
                "title": "Second round in Abu Dhabi",
                "text": "ABU DHABI (Four Post) - Delegations of Ukraine, Russia and the United States held talks in "
                        "Abu Dhabi on Wednesday, their second round of ceasefire talks, and agreed to meet again."}
RECAP = {"url": "https://five.example/recap", "published": "2026-02-14", "title": "Where the talks stand",
         "text": "KYIV (Five Weekly) - Delegations of Ukraine, Russia and the United States met in Abu Dhabi in "
                 "late January for a first round that produced no ceasefire, officials recalled."}


GENEVA_RECAP = {"url": "https://six.example/recap", "published": "2026-03-10", "title": "Where the talks stand",
                "text": "KYIV (Six Weekly) - Delegations of Ukraine, Russia and the United States met in Geneva in "
                        "mid-February for a round of ceasefire talks that ended without a deal on territory."}
GENEVA_DAY = {"url": "https://seven.example/geneva", "published": "2026-02-18", "title": "Geneva talks end",
              "text": "GENEVA (Seven Wire) - Delegations of Ukraine, Russia and the United States held talks in "
                      "Geneva on Tuesday, a third round of ceasefire talks, and ended without a deal."}


def ingest_records(store: Store, tmp_path: Path, records: Sequence[dict[str, str]],
                   order: Sequence[int] | None = None) -> None:
    """Write each record as a JSON article file and ingest the files in ``order`` (by default as given)."""
    for n, record in enumerate(records):
        (tmp_path / f"{n}.json").write_text(json.dumps(record), encoding="utf-8")
    ingest([str(tmp_path / f"{n}.json") for n in (order or range(len(records)))], store, settings=SETTINGS)


def meetings_at(store: Store, venue: str) -> list[Event]:
    """The stored diplomatic events held at ``venue``."""
    return [e for e in store.iter_events() if e.kind == EventKind.DIPLOMACY and e.venue == venue]


ISTANBUL_AHEAD = {"url": "https://eight.example/ahead", "published": "2026-03-19", "title": "Envoys to Istanbul",
                  "text": "WASHINGTON (Eight Wire) - Delegations of Ukraine, Russia and the United States will meet "
                          "in Istanbul next week for a new round of ceasefire talks, the White House said."}
ISTANBUL_HELD = {"url": "https://nine.example/held", "published": "2026-03-25", "title": "Istanbul round opens",
                 "text": "ISTANBUL (Nine Post) - Delegations of Ukraine, Russia and the United States held talks in "
                         "Istanbul on Tuesday, the fourth round of ceasefire talks, officials said."}


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_meeting_planned_for_next_week_is_the_round_held_then(store: Store, tmp_path: Path,
                                                                order: tuple[int, int]) -> None:
    ingest_records(store, tmp_path, (ISTANBUL_AHEAD, ISTANBUL_HELD), order)
    rounds = meetings_at(store, "Istanbul")
    assert [(e.date, len(store.reports_for([e.id]))) for e in rounds] == [("2026-03-24", 2)]
    planned = next(r for r in store.reports_for([rounds[0].id]) if r.date is None)
    assert "roughly" in planned.detail  # the rough day (next week's Monday) is no vote for the date


DOHA_PLANNED = {"url": "https://ten.example/planned", "published": "2026-01-28", "title": "Second round set",
                "text": "KYIV (Ten Wire) - Delegations of Ukraine, Russia and the United States will meet again in "
                        "Doha on Sunday, February 1, for a second round of ceasefire talks, officials said."}
DOHA_HELD = {"url": "https://eleven.example/held", "published": "2026-02-05", "title": "Doha round ends",
             "text": "DOHA (Eleven Post) - Delegations of Ukraine, Russia and the United States held talks in Doha "
                     "on Wednesday, February 4, the second round of ceasefire talks, officials said."}


def test_a_meeting_planned_for_a_day_goes_on_the_round_held_a_few_days_later(store: Store, tmp_path: Path) -> None:
    ingest_records(store, tmp_path, (DOHA_HELD, DOHA_PLANNED))  # the round is stored first
    rounds = meetings_at(store, "Doha")
    assert [(e.date, len(store.reports_for([e.id]))) for e in rounds] == [("2026-02-04", 2)]
    planned = next(r for r in store.reports_for([rounds[0].id]) if r.reason == "announced")
    assert planned.date is None  # the day it was planned for is no vote for the day it was held


def test_a_meeting_first_stored_from_a_rough_day_takes_the_day_a_later_article_gives(store: Store,
                                                                                     tmp_path: Path) -> None:
    ingest_records(store, tmp_path, (GENEVA_RECAP, GENEVA_DAY))  # the recap is read first
    rounds = meetings_at(store, "Geneva")
    assert [(e.date, len(store.reports_for([e.id]))) for e in rounds] == [("2026-02-17", 2)]


def test_a_roughly_dated_meeting_an_article_recalls_goes_on_the_stored_one_nearest(store: Store,
                                                                                    tmp_path: Path) -> None:
    ingest_records(store, tmp_path, (FIRST_ROUND, SECOND_ROUND, RECAP))
    first = store.reports_for(["D-2026-01-23-meeting"])
    assert sorted(r.article_id for r in first) == sorted(
        a.id for a in store.article_summaries(10, 0) if a.url in (FIRST_ROUND["url"], RECAP["url"]))
    recalled = next(r for r in first if r.reason == "recalled")
    assert recalled.date is None and "roughly" in recalled.detail  # a rough day does not vote for the date
    assert len(store.reports_for(["D-2026-02-04-meeting"])) == 1
