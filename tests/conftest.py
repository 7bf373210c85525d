"""Shared fixtures: golden-file comparison (STYLE C12) and a click runner.

``pytest --update-golden`` rewrites expected files instead of comparing with them; the
change is then reviewed as an ordinary diff. Without it a golden test never writes.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

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
