"""Ingest with extraction in worker processes: the same ledger and counts as one process, on
SQLite and (when a server is given) PostgreSQL; failures inside and of the workers."""

from __future__ import annotations

import json
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from click.testing import CliRunner

from warledger.cli import cli
from warledger.extract import pool as parallel
from warledger.ingest import read_articles
from warledger.ledger.export import export
from warledger.ledger.runner import ingest
from warledger.records import Article, Extraction
from warledger.settings import Settings
from warledger.store import Store, open_store

ARTICLES = str(Path(__file__).resolve().parent.parent / "corpus" / "ledger" / "articles")
SETTINGS = Settings()


def ledger_dump(store: Store) -> list[dict[str, object]]:
    """Everything the ledger says, as data (its JSONL export)."""
    return [json.loads(line) for chunk in export(store, "jsonl") for line in chunk.splitlines()]


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], list[dict[str, object]]]:
    """The summary and ledger of a one-process ingest of the cluster corpus."""
    store = open_store(str(tmp_path_factory.mktemp("serial") / "ledger.db"))
    try:
        summary = ingest([ARTICLES], store, settings=SETTINGS)
        return summary.to_dict(), ledger_dump(store)
    finally:
        store.close()


def test_workers_make_the_ledger_one_process_makes(
        store: Store, serial: tuple[dict[str, int], list[dict[str, object]]]) -> None:
    summary = ingest([ARTICLES], store, settings=SETTINGS, workers=2)
    assert (summary.to_dict(), ledger_dump(store)) == serial


def test_a_duplicate_sent_before_its_original_is_stored_is_counted_once(store: Store, tmp_path: Path) -> None:
    first, second = [a for a in read_articles([ARTICLES]) if isinstance(a, Article)][:2]
    records = [{"id": "a", "text": first.text, "published": first.published},
               {"id": "b", "text": first.text, "published": first.published},   # in flight with "a"
               {"id": "c", "text": second.text, "published": second.published},
               {"id": "d", "text": ""}]
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = ingest([str(feed)], store, settings=SETTINGS, workers=2)
    assert (summary.articles_new, summary.duplicates, summary.rejected) == (2, 1, 1)
    assert store.get_article("a") is not None and store.get_article("b") is None


def test_an_extractor_that_raises_gives_the_failure_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article: Article) -> Extraction:
        raise RuntimeError("boom")

    monkeypatch.setattr(parallel, "extract_article", broken)
    assert parallel.extract_safely(Article(id="x", text="t")) == "RuntimeError: boom"


def test_an_extraction_failure_is_stored_as_a_rejection(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article: Article) -> Extraction:
        raise ValueError("a rule tripped")

    monkeypatch.setattr(parallel, "extract_article", broken)
    summary = ingest([ARTICLES], store, settings=SETTINGS)
    assert summary.articles_new == 0 and store.counts()["articles"] == 0
    failed = [r for r in store.rejections() if r.reason == "extract_failed"]
    assert failed and all(r.detail == "ValueError: a rule tripped" and r.stage == "extract" for r in failed)


def test_a_dead_worker_is_a_clear_error() -> None:
    future: Future[Extraction | str] = Future()
    future.set_exception(BrokenProcessPool("gone"))
    with pytest.raises(parallel.WorkerFailed, match="run again"):
        parallel._Remote(future).result()


def test_the_extractor_follows_the_number_of_workers() -> None:
    assert isinstance(parallel.extractor_for(1), parallel.InProcess)
    with parallel.extractor_for(3) as pool:
        assert isinstance(pool, parallel.WorkerPool) and pool.lookahead == 3 * parallel.IN_FLIGHT_PER_WORKER
    with pytest.raises(ValueError):
        parallel.extractor_for(-1)
    with pytest.raises(ValueError):
        parallel.WorkerPool(1)


def test_ingest_workers_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["ingest", ARTICLES, "--db", str(db), "--workers", "2", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["articles_new"] == 44
