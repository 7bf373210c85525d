"""Golden files for the ingest -> extract boundary (STYLE C12).

Each ``tests/golden/extract/<case>/`` holds one input (``article.json`` or ``article.html``) and
``expected.json``, the ``to_dict()`` of its extraction. ``pytest --update-golden`` rewrites the
expected files; review the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from warledger.extract import extract_article
from warledger.ingest import read_articles
from warledger.records import Article

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("extract/*/"))
SCHEMA_FILE = Path(__file__).parents[1] / "warledger" / "schema" / "extraction-v1.schema.json"
VALIDATOR = Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_there_are_golden_cases():
    assert len(CASES) >= 6, f"golden cases missing under {GOLDEN / 'extract'}"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_extract_golden(case, golden):
    (source,) = sorted(case.glob("article.*"))
    (article,) = read_articles([str(source)])
    assert isinstance(article, Article), article
    data = extract_article(article).to_dict()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert not errors, errors
    golden(data, case / "expected.json")
