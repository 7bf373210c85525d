"""Shared fixtures: golden-file comparison (STYLE C12), a click runner and stores (STYLE C7).

``pytest --update-golden`` rewrites expected files instead of comparing with them; the
change is then reviewed as an ordinary diff. Without it a golden test never writes.

``store`` is a fresh, migrated ledger, once per database: SQLite (a temporary file) and, when
WARLEDGER_TEST_PG_URL is set, PostgreSQL (a schema of its own, dropped afterwards). Without the
variable the PostgreSQL variants skip, unless WARLEDGER_REQUIRE_PG=1 (CI), where they fail.
``fresh_store`` is an in-memory SQLite ledger for tests of other modules.
"""

from __future__ import annotations

import difflib
import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from warledger.store import Store, open_store
from warledger.store.sqlite import SqliteStore

Golden = Callable[[Any, Path], None]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite the expected files of golden tests from the current output.")


def dump_json(data: Any) -> str:
    """The canonical text of a golden file: keys in output order (order is part of the format), 2-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def golden_diff(actual: Any, expected_file: Path) -> str:
    """A unified diff from the expected file to ``actual``; empty when they agree."""
    expected_text = expected_file.read_text(encoding="utf-8") if expected_file.exists() else ""
    actual_text = dump_json(actual)
    if expected_text and json.loads(expected_text) == actual:
        return ""
    return "".join(difflib.unified_diff(
        expected_text.splitlines(keepends=True), actual_text.splitlines(keepends=True),
        fromfile=f"{expected_file} (expected)", tofile="actual", n=4))


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """``golden(data, path)``: compare ``data`` with the JSON in ``path``, or rewrite it with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(actual: Any, expected_file: Path) -> None:
        if update:
            expected_file.parent.mkdir(parents=True, exist_ok=True)
            if not expected_file.exists() or golden_diff(actual, expected_file):
                expected_file.write_text(dump_json(actual), encoding="utf-8")
            return
        if not expected_file.exists():
            pytest.fail(f"{expected_file} is missing; create it with: pytest --update-golden", pytrace=False)
        diff = golden_diff(actual, expected_file)
        if diff:
            pytest.fail(f"output differs from {expected_file.name} "
                        f"(review, then rerun with --update-golden if the change is intended):\n{diff}",
                        pytrace=False)

    return check


@pytest.fixture
def cli_runner() -> CliRunner:
    """A click runner with stdout and stderr kept apart (``result.stdout`` / ``result.stderr``)."""
    return CliRunner()


# -- stores (STYLE C7): the same contract tests against SQLite and, when a server is given, PostgreSQL
PG_URL_VARIABLE = "WARLEDGER_TEST_PG_URL"
PG_HOW_TO = ("set WARLEDGER_TEST_PG_URL=postgresql://USER@HOST:PORT/DATABASE to run them; "
             "`eval \"$(scripts/pg-test-server start)\"` starts a throwaway server and sets it")


def with_search_path(url: str, schema: str) -> str:
    """``url`` with libpq options that make ``schema`` the connection's search_path."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty schema in the test server; the schema is dropped afterwards."""
    yield from _pg_schema()


@pytest.fixture(scope="module")
def pg_module_url() -> Iterator[str]:
    """As ``pg_url``, one schema for all the tests of a module (a ledger ingested once)."""
    yield from _pg_schema()


def _pg_schema() -> Iterator[str]:
    base = os.environ.get(PG_URL_VARIABLE, "").strip()
    if not base:
        if os.environ.get("WARLEDGER_REQUIRE_PG") == "1":
            pytest.fail(f"WARLEDGER_REQUIRE_PG=1 but there is no PostgreSQL server: {PG_HOW_TO}", pytrace=False)
        pytest.skip(f"PostgreSQL store tests skipped: {PG_HOW_TO}")
    import psycopg
    from psycopg import sql

    name = f"wl_test_{uuid.uuid4().hex[:12]}"
    schema = sql.Identifier(name)
    try:
        admin = psycopg.connect(base, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        pytest.fail(f"{PG_URL_VARIABLE} is set but the server cannot be reached: {exc}", pytrace=False)
    with admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(schema))
        try:
            yield with_search_path(base, name)
        finally:
            admin.execute("SET lock_timeout = '20s'")
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(schema))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty ledger database (not migrated yet), once per database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh, migrated ledger: SQLite, and PostgreSQL when WARLEDGER_TEST_PG_URL is set."""
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def fresh_store() -> Iterator[SqliteStore]:
    """A migrated in-memory SQLite ledger (sqlite-utils' ``fresh_db``)."""
    opened = SqliteStore(":memory:")
    try:
        yield opened
    finally:
        opened.close()
